//! Times the parts of the frame in which search results change, on the plan 100× larger:
//! `cargo run --release --example time_search`. For finding where the time goes; the
//! benchmark `frame/working/search_typed/100` is the measure.
use plan_explorer::ui::command::TreeCommand;
use std::time::Instant;

use plan_explorer::app::{PlanExplorerApp, Settings};
use plan_explorer::model::Document;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::synth::synth;
use plan_explorer::ui::fonts::install_fonts;
use plan_explorer::ui::{Command, View};

fn main() {
    let plan = synth(&embedded_plan().expect("plan"), 100);
    let doc = Document::new(plan.clone(), "plan.ron");
    for q in ["稀土", "科技", "第十三章", "创新"] {
        let t = Instant::now();
        let hits = doc.search.search(q);
        println!("search {q}: {:?} ({} nodes)", t.elapsed(), hits.len());
    }
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let mut app = PlanExplorerApp::with_document(doc, Settings { view: View::Reader, ..Settings::default() });
    app.run(Command::Tree(TreeCommand::ExpandAll));
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 880.0))),
        ..Default::default()
    };
    let frame = |app: &mut PlanExplorerApp| {
        let t = Instant::now();
        let mut output = ctx.run_ui(input(), |ui| app.ui_root(ui));
        let ui = t.elapsed();
        let _ = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        (ui, t.elapsed())
    };
    frame(&mut app);
    for q in ["稀土", "科技", "第十三章", "创新", "科技"] {
        let t = Instant::now();
        app.run(Command::Tree(TreeCommand::SetQuery(q.to_string())));
        let command = t.elapsed();
        let (ui, total) = frame(&mut app);
        let (ui2, _) = frame(&mut app);
        println!("{q}: command {command:?}, frame ui {ui:?} (total {total:?}), next frame ui {ui2:?}");
    }
}
