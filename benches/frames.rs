//! Loading, search and headless frames of every view (run_ui + tessellate, no window).
//! Names follow `load/<scale>`, `search/<scale>`, `frame/<view>/<scale>` so that
//! `cargo bench -- --output-format bencher` can be compared by a script.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use plan_explorer::app::{PlanExplorerApp, UiState};
use plan_explorer::model::Document;
use plan_explorer::model::load::{EMBEDDED_PLAN, load_plan_str};
use plan_explorer::ui::fonts::install_fonts;
use plan_explorer::ui::{Action, View};

fn new_app(view: View, select: &str) -> (egui::Context, PlanExplorerApp) {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let plan = load_plan_str(EMBEDDED_PLAN, "plan.ron").expect("embedded plan");
    let doc = Document::new(plan, "plan.ron");
    let mut app = PlanExplorerApp::with_document(doc, UiState { view, ..UiState::default() });
    // The tree fully expanded, as the issue asks.
    app.apply(&ctx, Action::ExpandAll);
    if let Some(i) = app.doc.outline.index_of(select) {
        app.select(i);
    }
    app.state.view = view;
    (ctx, app)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 880.0))),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut PlanExplorerApp) {
    let output = ctx.run_ui(input(), |ui| app.ui_root(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    black_box(primitives);
}

fn frames(c: &mut Criterion) {
    for (name, view, node) in [
        ("tree_expanded", View::Reader, "pt1"),
        ("reader_longest_chapter", View::Reader, "ch4"),
        ("indicators", View::Indicators, "ch2"),
        ("regions", View::Regions, "ch16"),
    ] {
        let (ctx, mut app) = new_app(view, node);
        // Warm up: the first frames lay out and cache every galley.
        for _ in 0..5 {
            frame(&ctx, &mut app);
        }
        c.bench_function(&format!("frame/{name}/1"), |b| b.iter(|| frame(&ctx, &mut app)));
    }
}

fn load_and_search(c: &mut Criterion) {
    c.bench_function("load/1", |b| b.iter(|| load_plan_str(black_box(EMBEDDED_PLAN), "plan.ron").expect("valid")));
    let doc = Document::new(load_plan_str(EMBEDDED_PLAN, "plan.ron").expect("valid"), "plan.ron");
    c.bench_function("search/1", |b| {
        b.iter(|| {
            for q in ["稀土", "第十三章", "科技", "box17"] {
                black_box(doc.search.search(q));
            }
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = frames, load_and_search
}
criterion_main!(benches);
