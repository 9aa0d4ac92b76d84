//! The cost of many scenarios: the same R&D-intensity chart with 500, 1,000, 2,000 and 4,000
//! one-series scenarios loaded (files of at most 1,000, the per-file cap). Its growth is
//! shown in docs/PERFORMANCE.md: it must stay linear, and the window's frame must not grow
//! with it at all (what depends on the scenarios is derived on a worker).
//!
//! - `scenario_count/chart/N`: the chart spec from N scenarios (what `chart` and the
//!   presenter build);
//! - `scenario_count/add/N`: N scenarios arriving in a session (duplicates looked for,
//!   names and colours given);
//! - `scenario_count/toggle/N`: in the window, one scenario hidden or shown: the frame it is
//!   clicked in, the derivation on the worker, and the frame that shows it;
//! - `scenario_count/frame/N`: a frame of the indicator page with them all shown.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use plan_explorer::app::{PlanExplorerApp, Settings};
use plan_explorer::model::Document;
use plan_explorer::model::Measure;
use plan_explorer::model::chart::{ChartOptions, build_chart};
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::messages::MessageLog;
use plan_explorer::model::scenario::{Scenario, embedded_actuals};
use plan_explorer::model::scenario_files::load_scenarios_file;
use plan_explorer::session::scenarios::{LoadedFile, ScenarioSet};
use plan_explorer::ui::command::{PageCommand, ScenarioCommand};
use plan_explorer::ui::fonts::install_fonts;
use plan_explorer::ui::{Command, View};

const COUNTS: [usize; 4] = [500, 1000, 2000, 4000];
const PER_FILE: usize = 1000;

/// Files of one-series scenarios, each its own projection of R&D intensity, `count` in all.
fn files(count: usize) -> Vec<PathBuf> {
    let dir = std::env::temp_dir().join(format!("pe-bench-count-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    (0..count.div_ceil(PER_FILE))
        .map(|f| {
            let mut text = String::from("Model,Scenario,Region,Variable,Unit,Kind,2016,2018,2020\n");
            for k in (f * PER_FILE)..((f + 1) * PER_FILE).min(count) {
                let v = 1.0 + k as f64 / 10_000.0;
                text.push_str(&format!("m,s{k},全区,rd_intensity,%,Projection,0.8,0.9,{v}\n"));
            }
            let path = dir.join(format!("count-{count}-{f}.csv"));
            std::fs::write(&path, text).expect("write");
            path
        })
        .collect()
}

fn frame(ctx: &egui::Context, app: &mut PlanExplorerApp) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 880.0))),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.ui_root(ui));
    black_box(ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point));
}

fn model(c: &mut Criterion) {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::select(&plan.indicators, &["rd_intensity".to_string()]);
    for count in COUNTS {
        let loaded: Vec<(PathBuf, Vec<Scenario>)> = files(count)
            .into_iter()
            .map(|p| {
                let scenarios = load_scenarios_file(&p, &plan).expect("loads").0;
                (p, scenarios)
            })
            .collect();
        let all: Vec<&Scenario> = std::iter::once(&actuals).chain(loaded.iter().flat_map(|(_, s)| s)).collect();
        c.bench_function(&format!("scenario_count/chart/{count}"), |b| {
            b.iter(|| black_box(build_chart(&groups.iter().collect::<Vec<_>>(), &all, 2015, ChartOptions::default())))
        });
        c.bench_function(&format!("scenario_count/add/{count}"), |b| {
            b.iter(|| {
                let mut set = ScenarioSet::new([actuals.clone()]);
                let mut log = MessageLog::default();
                for (seq, (path, scenarios)) in loaded.iter().enumerate() {
                    let file = LoadedFile {
                        path: path.clone(),
                        scenarios: scenarios.clone(),
                        warnings: Vec::new(),
                        modified: None,
                        seq: seq as u64,
                    };
                    set.add_file(file, &mut log, plan_explorer::i18n::Lang::Zh);
                }
                black_box(set.snapshot())
            })
        });
    }
}

fn window(c: &mut Criterion) {
    let plan = embedded_plan().expect("plan");
    for count in COUNTS {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut app = PlanExplorerApp::with_document(Document::new(plan.clone(), "plan.ron"), Settings::default());
        app.run(Command::Page(PageCommand::SetView(View::Indicators)));
        app.run(Command::Scenario(ScenarioCommand::OpenFiles(files(count))));
        while app.loading() > 0 {
            frame(&ctx, &mut app);
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        app.wait_for_scenarios();
        frame(&ctx, &mut app);
        c.bench_function(&format!("scenario_count/toggle/{count}"), |b| {
            b.iter(|| {
                app.run(Command::Scenario(ScenarioCommand::Toggle(1)));
                frame(&ctx, &mut app);
                app.wait_for_scenarios();
                frame(&ctx, &mut app);
            })
        });
        c.bench_function(&format!("scenario_count/frame/{count}"), |b| b.iter(|| frame(&ctx, &mut app)));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = model, window
}
criterion_main!(benches);
