//! The harness every UI test shares: the real app as `main` builds it (fonts included),
//! scenario files dropped on the window, and waiting for the loader's worker threads.
#![allow(dead_code)] // Each test file uses part of it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use plan_explorer::app::PlanExplorerApp;

pub const WINDOW: [f32; 2] = [1400.0, 900.0];

/// The 12 盟市, east first (呼伦贝尔 … 锡林郭勒盟), then west, in the order every chart, table,
/// map label and export lists them. Written out, so that no test takes the order from the code.
pub const LEAGUES: [&str; 12] = [
    "呼伦贝尔",
    "兴安盟",
    "通辽",
    "赤峰",
    "锡林郭勒盟",
    "呼和浩特",
    "包头",
    "乌兰察布",
    "鄂尔多斯",
    "巴彦淖尔",
    "乌海",
    "阿拉善盟",
];

/// The app in a 1400×900 window, after its first frames.
pub fn app() -> Harness<'static, PlanExplorerApp> {
    let mut harness = Harness::builder().with_size(WINDOW).build_eframe(|cc| PlanExplorerApp::new(cc));
    harness.run();
    harness
}

/// The app writing its exports into a fresh temporary folder named after `tag`.
pub fn app_exporting_to(tag: &str) -> Harness<'static, PlanExplorerApp> {
    let mut harness = app();
    harness.state_mut().set_export_dir(temp_dir(tag));
    harness
}

/// A temporary folder for one test, emptied first.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pe-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios").join(name)
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn drop_file(harness: &mut Harness<'static, PlanExplorerApp>, path: PathBuf) {
    harness.input_mut().dropped_files.push(Arc::new(Dropped(path)));
    harness.step();
    wait_for_loads(harness);
}

/// Steps the UI until the worker threads have delivered every file.
pub fn wait_for_loads(harness: &mut Harness<'static, PlanExplorerApp>) {
    for _ in 0..500 {
        harness.step();
        if harness.state().loading() == 0 {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("loading did not finish");
}
