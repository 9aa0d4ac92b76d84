//! Times the stages of loading a plan file: `cargo run --release --example time_load -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a plan file");
    let text = std::fs::read_to_string(&path).expect("readable");
    let t = std::time::Instant::now();
    let plan: plan_explorer::model::Plan = plan_explorer::model::load::parse_ron(&text, &path).expect("parses");
    println!("parse: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let problems = plan_explorer::model::load::validate(&plan, &text, &path);
    println!("validate: {:?} ({} problems)", t.elapsed(), problems.len());
    let t = std::time::Instant::now();
    let doc = plan_explorer::model::Document::new(plan, path.as_str());
    println!("document: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let hits = doc.search.search("稀土");
    println!("search: {:?} ({} hits)", t.elapsed(), hits.len());
}
