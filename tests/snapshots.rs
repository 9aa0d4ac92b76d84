//! Snapshot images of every page of the window, rendered by wgpu. They need an adapter
//! (Debian's mesa-vulkan-drivers gives a software one), so they run only with
//! `--features snapshots`: `cargo test --features snapshots --test snapshots`
//! (`UPDATE_SNAPSHOTS=1` to accept changes).
#![cfg(feature = "snapshots")]

mod common;

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::evaluation::Verdict;
use plan_explorer::ui::command::{
    ExportCommand, PageCommand, PresenterCommand, ScenarioCommand, TreeCommand, WhatIfCommand, WindowCommand,
};
use plan_explorer::ui::{Command, SlideStep, View};

type AppHarness = Harness<'static, PlanExplorerApp>;

fn harness() -> AppHarness {
    common::AppBuilder::new()
        .size([1400.0, 880.0])
        .max_steps(64)
        .snapshots(SnapshotOptions::default().max_failed_pixels(10))
        .build()
}

fn run(harness: &mut AppHarness, commands: Vec<Command>) {
    for command in commands {
        harness.state_mut().run(command);
    }
    harness.run();
}

fn open(harness: &mut AppHarness, id: &str) {
    let i = harness.state().doc().outline.index_of(id).expect("node");
    run(harness, vec![Command::Tree(TreeCommand::Open(i))]);
}

fn load(harness: &mut AppHarness, names: &[&str]) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    harness.state_mut().run(ScenarioCommand::OpenFiles(names.iter().map(|n| root.join(n)).collect()));
    harness.step();
    common::wait_for_loads(harness);
}

/// How a user reaches a page.
type Reach = fn(&mut AppHarness);

/// Every page, reached as a user reaches it, and the name of its snapshot.
const PAGES: &[(&str, Reach)] = &[
    // The window opens on the start page.
    ("overview", |_| {}),
    ("evaluation_not_met", |h| run(h, vec![Command::Page(PageCommand::ShowEvaluation(Some(Verdict::NotMet)))])),
    ("reader_box17", |h| open(h, "box17")),
    ("reader_targets", |h| open(h, "ch2.s3")),
    ("search_rare_earth", |h| {
        let search = h.get_by_label("搜索");
        search.focus();
        search.type_text("稀土");
        h.run();
        h.key_press(egui::Key::Enter);
        h.run();
    }),
    ("reader_dark_english", |h| {
        h.get_by_label("深色").click();
        h.run();
        h.get_by_label("English").click();
        h.run();
        open(h, "ch16.s1");
    }),
    ("indicators_rd_intensity", |h| run(h, vec![Command::Page(PageCommand::SetView(View::Indicators))])),
    ("indicators_index_compare", |h| {
        run(
            h,
            vec![
                Command::Page(PageCommand::SetView(View::Indicators)),
                Command::Page(PageCommand::ToggleMeasure("invention_patents_per_10k".into())),
                Command::Page(PageCommand::SetIndexMode(true)),
            ],
        )
    }),
    ("regions", |h| run(h, vec![Command::Page(PageCommand::SetView(View::Regions))])),
    ("map", |h| run(h, vec![Command::Page(PageCommand::SetView(View::Map))])),
    ("map_dark", |h| {
        run(h, vec![Command::Window(WindowCommand::ToggleTheme), Command::Page(PageCommand::SetView(View::Map))])
    }),
    ("map_projector", |h| {
        run(
            h,
            vec![Command::Presenter(PresenterCommand::ToggleContrast), Command::Page(PageCommand::SetView(View::Map))],
        )
    }),
    ("indicators_with_scenarios", |h| {
        load(h, &["national-13th-fyp.ron", "trend.ron"]);
        run(h, vec![Command::Page(PageCommand::SetView(View::Indicators))]);
    }),
    ("scenarios", |h| {
        load(h, &["national-13th-fyp.ron", "trend.ron"]);
        run(
            h,
            vec![
                Command::Page(PageCommand::SetView(View::Scenarios)),
                Command::Scenario(ScenarioCommand::SetComparePair(0, 2)),
            ],
        );
    }),
    ("presenter_summary", |h| {
        // The evaluation's summary, after the cover.
        h.key_press(egui::Key::F11);
        h.run();
        run(h, vec![Command::Presenter(PresenterCommand::Step(SlideStep::Next))]);
    }),
    ("presenter_slide", |h| {
        h.key_press(egui::Key::F11);
        h.run();
        run(h, vec![Command::Presenter(PresenterCommand::GoTo(2))]);
    }),
    ("presenter_slide_dark", |h| {
        run(h, vec![Command::Window(WindowCommand::ToggleTheme)]);
        h.key_press(egui::Key::F11);
        h.run();
        run(h, vec![Command::Presenter(PresenterCommand::GoTo(2))]);
    }),
    ("presenter_targets_slide", |h| {
        h.key_press(egui::Key::F11);
        h.run();
        // On to the first chapter's table of targets that have nothing to chart.
        for _ in 0..10 {
            let on_targets = h
                .state()
                .presenting()
                .and_then(|p| p.current())
                .is_some_and(|s| matches!(s.content, plan_explorer::model::deck::SlideContent::Targets { .. }));
            if on_targets {
                break;
            }
            h.key_press(egui::Key::ArrowRight);
            h.run();
        }
    }),
    ("whatif", |h| {
        load(h, &["trend.ron"]);
        run(
            h,
            vec![
                Command::Page(PageCommand::SetView(View::WhatIf)),
                Command::WhatIf(WhatIfCommand::Begin(plan_explorer::model::whatif::StartFrom::Baseline)),
                Command::WhatIf(WhatIfCommand::Growth(8.0)),
                Command::WhatIf(WhatIfCommand::Drag { year: 2018, value: 1.4, first: true }),
            ],
        );
    }),
    ("indicators_log_english", |h| {
        run(
            h,
            vec![
                Command::Page(PageCommand::SetView(View::Indicators)),
                Command::Page(PageCommand::SetLogScale(true)),
                Command::Window(WindowCommand::ToggleLanguage),
            ],
        );
    }),
];

#[test]
fn the_2x_slide_png_looks_as_it_did() {
    // The exported file itself, not the window: drawn from the slide's spec by resvg.
    let mut harness = harness();
    let dir = std::env::temp_dir().join(format!("pe-png-snap-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    harness.state_mut().set_export_dir(dir.clone());
    harness.key_press(egui::Key::F11);
    harness.run();
    // The first chart, after the cover and the evaluation's summary.
    harness.state_mut().run(Command::Presenter(PresenterCommand::GoTo(2)));
    harness.state_mut().run(Command::Export(ExportCommand::SlidePng(2)));
    let png = dir.join("slide-3-2x.png");
    let image = image::open(&png).expect("the PNG was written").to_rgba8();
    assert_eq!(image.dimensions(), (1920, 1080));
    egui_kittest::image_snapshot(&image, "slide_png_2x");
}

#[test]
fn every_page_looks_as_it_did() {
    let mut failures = Vec::new();
    for (name, reach) in PAGES {
        let mut harness = harness();
        reach(&mut harness);
        if let Err(e) = harness.try_snapshot(*name) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
