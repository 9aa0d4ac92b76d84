//! Loading forgives what Excel users type, and says what it did: a table without a Kind column
//! warns where observed years are read as projections (and the scenario page sets the file's
//! kind, kept with the file), a variable written as the plan writes it in prose is read with a
//! message naming the measure, and a finding about the whole file names no line 0 — through
//! the command line and through the app.

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;
use plan_explorer::model::Severity;
use plan_explorer::model::scenario::SeriesKind;

/// A long-layout CSV as Excel users save it: no Kind column, the variable in prose, a 2020 value.
fn as_typed(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("统计.csv");
    let text =
        "Variable,Region,Year,Value,Unit\n研发经费占GDP比重,全区,2019,0.86,%\n研发经费占GDP比重,全区,2020,0.93,%\n";
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_says_what_it_read_and_where() {
    let dir = common::temp_dir("typing-cli");
    let path = as_typed(&dir);
    let (code, out, err) = common::run_cli(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let shown = path.display().to_string();
    assert!(out.contains(&format!("{shown}: ok:")) && out.contains("1 warnings"), "{out}");
    // The first value of an observed year, at its cell (line 2, the Value column).
    assert!(out.contains(&format!("{shown}:2:20: warning: no Kind column")), "{out}");
    assert!(out.contains(&format!("{shown}:2:1: info: variable `研发经费占GDP比重` read as")), "{out}");
    // A GB18030 file's encoding is the file's, not line 0's.
    let gb = dir.join("gbk.csv");
    let (bytes, _, _) =
        encoding_rs::GB18030.encode("Variable,Region,Year,Value,Unit,Kind\nrd_intensity,全区,2020,1.1,%,实际\n");
    std::fs::write(&gb, bytes).unwrap();
    let (code, out, _) = common::run_cli(&["check", gb.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("{}: warning: not UTF-8: read as GB18030", gb.display())), "{out}");
    assert!(!out.contains(":0:0"), "{out}");
}

#[test]
fn the_app_says_it_too_and_keeps_the_kind_the_user_gives_the_file() {
    let dir = common::temp_dir("typing-app");
    let path = as_typed(&dir);
    let settings = dir.join("settings");
    let mut harness = common::AppBuilder::new().settings_in(&settings).files(vec![path.clone()]).build();
    let said = |h: &egui_kittest::Harness<'static, plan_explorer::app::PlanExplorerApp>, what: &str| {
        h.state().messages().iter().any(|m| m.text.contains(what))
    };
    assert!(said(&harness, "no Kind column"), "{:?}", harness.state().messages());
    assert!(said(&harness, "read as `研发经费占GDP比重（R&D/GDP）` (rd_intensity)"));
    let file_kinds = |h: &egui_kittest::Harness<'static, plan_explorer::app::PlanExplorerApp>| -> Vec<SeriesKind> {
        let loaded = h.state().scenarios().iter().filter(|l| l.path.as_deref() == Some(path.as_path()));
        loaded.flat_map(|l| l.scenario.series.iter().map(|s| s.kind)).collect()
    };
    assert_eq!(file_kinds(&harness), [SeriesKind::Projection], "read as a projection");

    // On the scenario page the file's values become actual values.
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_by_label("数值类型").click();
    harness.run();
    harness.get_by_label("实际").click();
    harness.run();
    assert_eq!(file_kinds(&harness), [SeriesKind::Actual]);
    common::close(harness);

    // Reopened by the restart, the file is read as actual values.
    let mut again = common::AppBuilder::new().settings_in(&settings).build();
    assert_eq!(again.state().settings().view, plan_explorer::ui::View::Scenarios, "it opens where it was left");
    assert_eq!(file_kinds(&again), [SeriesKind::Actual], "the kind is kept with the file");
    // Removed, then opened again from the recent list: still actual values.
    again.get_all_by_label("移除").next().expect("the file's remove button").click();
    again.run();
    assert!(file_kinds(&again).is_empty(), "removed");
    again.get_by_label("统计.csv").click();
    // Opening loads the file on a worker: step until it is in, not a fixed number of frames.
    again.step();
    common::wait_for_loads(&mut again);
    assert_eq!(file_kinds(&again), [SeriesKind::Actual], "the kind is kept with the file");
    assert!(again.state().messages().iter().all(|m| m.severity != Severity::Error), "{:?}", again.state().messages());
}
