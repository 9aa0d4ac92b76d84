//! The harness every UI test shares: the real app as `main` builds it (fonts included),
//! scenario files dropped on the window, and waiting for the loader's worker threads.
#![allow(dead_code)] // Each test file uses part of it.

pub mod loading;
pub mod workbook;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
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

/// The one way every UI test (snapshots included) starts the real app: as `main` starts it
/// (fonts, remembered settings, files from the command line), in a window of the size asked,
/// after its first frames.
pub struct AppBuilder {
    size: [f32; 2],
    files: Vec<PathBuf>,
    settings_dir: Option<PathBuf>,
    exports: Option<PathBuf>,
    max_steps: Option<u64>,
    snapshot: Option<egui_kittest::SnapshotOptions>,
    missing_glyphs: bool,
}

impl Default for AppBuilder {
    fn default() -> Self {
        AppBuilder {
            size: WINDOW,
            files: Vec::new(),
            settings_dir: None,
            exports: None,
            max_steps: None,
            snapshot: None,
            missing_glyphs: false,
        }
    }
}

impl AppBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn size(mut self, size: [f32; 2]) -> Self {
        self.size = size;
        self
    }

    /// Files given on the command line (loaded at start; [`AppBuilder::build`] waits for them).
    pub fn files(mut self, files: Vec<PathBuf>) -> Self {
        self.files = files;
        self
    }

    /// Settings kept in `dir`, as in the app's data folder (saved and restored for real).
    pub fn settings_in(mut self, dir: &Path) -> Self {
        self.settings_dir = Some(dir.to_path_buf());
        self
    }

    /// Exports written into a fresh temporary folder named after `tag`.
    pub fn exports_to(mut self, tag: &str) -> Self {
        self.exports = Some(temp_dir(tag));
        self
    }

    pub fn max_steps(mut self, steps: u64) -> Self {
        self.max_steps = Some(steps);
        self
    }

    pub fn snapshots(mut self, options: egui_kittest::SnapshotOptions) -> Self {
        self.snapshot = Some(options);
        self
    }

    /// For the test of what the app says about characters no font has.
    pub fn allow_missing_glyphs(mut self) -> Self {
        self.missing_glyphs = true;
        self
    }

    pub fn build(self) -> Harness<'static, PlanExplorerApp> {
        let mut builder = Harness::builder().with_size(self.size);
        if let Some(steps) = self.max_steps {
            builder = builder.with_max_steps(steps);
        }
        if let Some(options) = self.snapshot {
            builder = builder.with_options(options);
        }
        if self.missing_glyphs {
            builder = builder.allow_missing_glyphs();
        }
        let (files, dir) = (self.files, self.settings_dir);
        let mut harness =
            builder.build_eframe(move |cc| PlanExplorerApp::start_in(cc, None, files.clone(), dir.clone()));
        if let Some(exports) = self.exports {
            harness.state_mut().set_export_dir(exports);
        }
        // Files come from the command line and from the last session's settings alike.
        wait_for_loads(&mut harness);
        harness
    }
}

/// The app in a 1400×900 window, after its first frames.
pub fn app() -> Harness<'static, PlanExplorerApp> {
    AppBuilder::new().build()
}

/// The app writing its exports into a fresh temporary folder named after `tag`.
pub fn app_exporting_to(tag: &str) -> Harness<'static, PlanExplorerApp> {
    AppBuilder::new().exports_to(tag).build()
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

/// Steps the UI until the app's background work is done — every file delivered by the
/// loader's threads, what depends on the scenarios derived again — with a generous bound (a
/// busy machine is slow, not wrong), then lets it settle.
pub fn wait_for_loads(harness: &mut Harness<'static, PlanExplorerApp>) {
    for _ in 0..3000 {
        harness.step();
        if harness.state().loading() == 0 && !harness.state().session().updating() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the app's background work did not finish in 30 s");
}

/// Steps the UI until `done` holds — something the app does by itself, such as reloading a file
/// edited on disk — with a generous bound (30 s), then waits for what that started.
pub fn step_until(
    harness: &mut Harness<'static, PlanExplorerApp>,
    what: &str,
    done: impl Fn(&PlanExplorerApp) -> bool,
) {
    for _ in 0..1500 {
        harness.step();
        if done(harness.state()) {
            wait_for_loads(harness);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("waited 30 s for {what}");
}

/// The command line, run as the real binary: exit code, standard output, standard error.
pub fn run_cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer")).args(args).output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Saves the presenter's own deck to `path` as a user does: 情景, the deck file's path typed
/// over whatever the field held, 保存幻灯片.
pub fn save_my_deck(harness: &mut Harness<'static, PlanExplorerApp>, path: &Path) {
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_by_label("幻灯片文件").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("幻灯片文件").type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("保存幻灯片").click();
    harness.run();
}

/// Adds a note on a chart year from the presenter's bar as a user does: 添加注释…, the year,
/// the words, 添加注释.
pub fn add_chart_note(harness: &mut Harness<'static, PlanExplorerApp>, year: &str, text: &str) {
    harness.get_by_label("添加注释…").click();
    harness.run();
    harness.get_by_label("年份").focus();
    harness.get_by_label("年份").type_text(year);
    harness.get_by_label("注释").focus();
    harness.get_by_label("注释").type_text(text);
    harness.get_by_label("添加注释").click();
    harness.run();
}

/// Closes the window as eframe does at the end: the app saves, then it is gone.
pub fn close(mut harness: Harness<'static, PlanExplorerApp>) {
    eframe::App::save(harness.state_mut(), &mut NoStorage);
}

/// eframe's storage, which the app keeps no settings in (they are in `settings.ron`): what a
/// test hands `eframe::App::save` to save as eframe does every 30 seconds and at the end.
pub struct NoStorage;

impl eframe::Storage for NoStorage {
    fn get_string(&self, _: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _: &str, _: String) {}
    fn remove_string(&mut self, _: &str) {}
    fn flush(&mut self) {}
}

/// What the last frame painted, as a person sees it: every text with where it is, and every
/// filled rectangle with its fill. (Plot labels and bars are painted, not widgets, so the
/// accessibility tree does not hold them.)
pub struct Painted {
    pub texts: Vec<(String, egui::Rect)>,
    pub fills: Vec<(egui::Rect, egui::Color32)>,
    /// Straight lines of two points (a map label's leader).
    pub segments: Vec<[egui::Pos2; 2]>,
}

pub fn painted(harness: &Harness<'_, PlanExplorerApp>) -> Painted {
    fn walk(shape: &egui::Shape, out: &mut Painted) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => out.texts.push((t.galley.text().to_string(), t.visual_bounding_rect())),
            egui::Shape::Rect(r) => out.fills.push((r.rect, r.fill)),
            egui::Shape::LineSegment { points, .. } => out.segments.push(*points),
            _ => {}
        }
    }
    let mut out = Painted { texts: Vec::new(), fills: Vec::new(), segments: Vec::new() };
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The 盟市 names painted side by side on one row (a bar chart's axis), left to right, with the
/// line breaks of a name fitted to its slot taken out; empty when no row holds all twelve.
pub fn league_axis(harness: &Harness<'_, PlanExplorerApp>) -> Vec<String> {
    let names: Vec<(String, egui::Rect)> = painted(harness)
        .texts
        .into_iter()
        .map(|(t, r)| (t.replace('\n', ""), r))
        .filter(|(t, _)| LEAGUES.iter().any(|l| t.starts_with(l)))
        .collect();
    for (_, first) in &names {
        let mut row: Vec<&(String, egui::Rect)> =
            names.iter().filter(|(_, r)| (r.top() - first.top()).abs() < 2.0).collect();
        if row.len() >= LEAGUES.len() {
            row.sort_by(|a, b| a.1.center().x.total_cmp(&b.1.center().x));
            return row.into_iter().map(|(t, _)| t.clone()).collect();
        }
    }
    Vec::new()
}

/// Every control of the top bar is in a window of `size`, none drawn over another: the pages,
/// 打开情景…, ▶ 演示, the search field, the region list, the language, theme and help.
pub fn assert_top_bar_whole(harness: &Harness<'_, PlanExplorerApp>, size: [f32; 2]) {
    let chinese = harness.query_by_label("总览").is_some();
    let labels: &[&str] = if chinese {
        &["总览", "规划全文", "指标", "终期评估", "东西部", "地图", "情景", "假设情景", "打开情景…", "English", "?"]
    } else {
        &["Overview", "Open scenario…", "中文", "?"]
    };
    let mut rects: Vec<(String, egui::Rect)> = labels
        .iter()
        .map(|l| {
            let node = harness.get_all_by_label(l).next().unwrap_or_else(|| panic!("{l} is in the bar"));
            (l.to_string(), node.rect())
        })
        .collect();
    let present = harness.get_all_by_label_contains("▶").next().expect("▶ present");
    rects.push(("▶".into(), present.rect()));
    let field =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, if chinese { "搜索" } else { "Search" });
    rects.push(("search field".into(), field.rect()));
    for (l, r) in &rects {
        assert!(r.right() <= size[0] + 0.5 && r.left() >= 0.0, "{l} at {r:?} leaves the {size:?} window");
        assert!(r.width() >= 8.0, "{l} is squeezed to {r:?}");
    }
    assert!(rects.last().is_some_and(|(_, r)| r.width() >= 100.0), "the search field keeps room for a few words");
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(ra.intersect(*rb).area() < 1.0 || !ra.intersects(*rb), "{a} {ra:?} is drawn over {b} {rb:?}");
        }
    }
}
