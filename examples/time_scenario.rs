//! Times what is rebuilt when the enabled scenarios change, on the plan 100× larger:
//! `cargo run --release --example time_scenario`. For finding where the time goes; the
//! benchmark `frame/working/scenario_arrives/100` is the measure.
use std::time::Instant;

use plan_explorer::model::Document;
use plan_explorer::model::evaluation::evaluate;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::overview::{PlanFacts, headline_tiles};
use plan_explorer::model::regional::stat_options;
use plan_explorer::model::scenario::{embedded_actuals, load_scenario_file};
use plan_explorer::model::summary::{rollup, summarize};
use plan_explorer::model::synth::synth;

fn main() {
    let plan = synth(&embedded_plan().expect("plan"), 100);
    let actuals = embedded_actuals(&plan).expect("actuals");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/trend.ron");
    let t = Instant::now();
    let (trend, _) = load_scenario_file(&path, &plan).expect("trend");
    println!("load trend.ron: {:?}", t.elapsed());
    let doc = Document::new(plan, "plan.ron");
    let scenarios = [&actuals, &trend];
    let t = Instant::now();
    let summaries = summarize(&doc, &scenarios);
    println!("summarize: {:?} ({} measures)", t.elapsed(), summaries.len());
    let t = Instant::now();
    let status = rollup(&doc, &summaries);
    println!("rollup: {:?} ({} nodes)", t.elapsed(), status.len());
    let t = Instant::now();
    let evaluations = evaluate(&doc, &scenarios, plan_explorer::model::evaluation::Rule::default());
    println!("evaluate: {:?} ({} targets)", t.elapsed(), evaluations.len());
    let t = Instant::now();
    let tiles = headline_tiles(&doc, &summaries, &evaluations, &scenarios);
    println!("headline_tiles: {:?} ({})", t.elapsed(), tiles.len());
    let t = Instant::now();
    let _ = PlanFacts::of(&doc, &summaries);
    println!("facts: {:?}", t.elapsed());
    let t = Instant::now();
    let options = stat_options(&doc, &scenarios);
    println!("stat_options: {:?} ({})", t.elapsed(), options.len());
}
