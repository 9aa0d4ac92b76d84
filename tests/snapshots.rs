//! Snapshot images of each main view, rendered by wgpu. They need an adapter (Debian's
//! mesa-vulkan-drivers gives a software one), so they run only with `--features snapshots`:
//! `cargo test --features snapshots --test snapshots` (`UPDATE_SNAPSHOTS=1` to accept changes).
#![cfg(feature = "snapshots")]

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::ui::{Action, View};

fn harness() -> Harness<'static, PlanExplorerApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 880.0])
        .with_max_steps(64)
        .with_options(SnapshotOptions::default().threshold(1.2).max_failed_pixels(400))
        .build_eframe(|cc| PlanExplorerApp::new(cc));
    harness.run();
    harness
}

fn open(harness: &mut Harness<'static, PlanExplorerApp>, id: &str) {
    let app = harness.state_mut();
    let i = app.doc.outline.index_of(id).expect("node");
    let ctx = egui::Context::default();
    app.apply(&ctx, Action::Open(i));
    harness.run();
}

#[test]
fn reader_view() {
    let mut harness = harness();
    open(&mut harness, "box17");
    harness.snapshot("reader_box17");
    open(&mut harness, "ch2.s3");
    harness.snapshot("reader_targets");
}

#[test]
fn search_view() {
    let mut harness = harness();
    let search = harness.get_by_label("搜索");
    search.focus();
    search.type_text("稀土");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.snapshot("search_rare_earth");
}

#[test]
fn indicators_view() {
    let mut harness = harness();
    harness.state_mut().state.view = View::Indicators;
    harness.run();
    harness.snapshot("indicators_rd_intensity");
    let ctx = egui::Context::default();
    let app = harness.state_mut();
    app.apply(&ctx, Action::ToggleMeasure("invention_patents_per_10k".into()));
    app.apply(&ctx, Action::SetIndexMode(true));
    harness.run();
    harness.snapshot("indicators_index_compare");
}

#[test]
fn regions_view() {
    let mut harness = harness();
    harness.state_mut().state.view = View::Regions;
    harness.run();
    harness.snapshot("regions");
}

#[test]
fn dark_theme_english() {
    let mut harness = harness();
    harness.get_by_label("深色").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    open(&mut harness, "ch16.s1");
    harness.snapshot("reader_dark_english");
}

fn load(harness: &mut Harness<'static, PlanExplorerApp>, names: &[&str]) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let ctx = egui::Context::default();
    let paths = names.iter().map(|n| root.join(n)).collect();
    harness.state_mut().open_paths(&ctx, paths);
    for _ in 0..500 {
        harness.step();
        if harness.state().loading() == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

#[test]
fn scenarios_view() {
    let mut harness = harness();
    load(&mut harness, &["national-13th-fyp.ron", "trend.ron"]);
    harness.state_mut().state.view = View::Indicators;
    harness.run();
    harness.snapshot("indicators_with_scenarios");
    harness.state_mut().state.view = View::Scenarios;
    harness.state_mut().compare_pair = (0, 2);
    harness.run();
    harness.snapshot("scenarios");
}

#[test]
fn presenter_slide_and_png_export() {
    let mut harness = harness();
    let dir = std::env::temp_dir().join(format!("pe-png-{}", std::process::id()));
    harness.state_mut().export_dir = dir.clone();
    harness.key_press(egui::Key::F11);
    harness.run();
    harness.snapshot("presenter_slide");
    harness.get_by_label("导出 PNG").click();
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    let png = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "png"));
    let png = png.expect("a PNG was written");
    let image = image::open(&png).expect("a valid PNG").to_rgba8();
    // The slide area: most of the 1400×880 window, above the control line.
    assert!(image.width() > 1000 && image.height() > 600, "{}×{}", image.width(), image.height());
    let first = image.get_pixel(0, 0);
    assert!(image.pixels().any(|p| p != first), "not a blank image");
}
