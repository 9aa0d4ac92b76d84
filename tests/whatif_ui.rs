//! Making a what-if scenario in the real app, as an analyst does: pick a measure, start from
//! the plan's baseline, set a growth rate or drag a point on the chart, undo, save as RON or
//! Excel, and find it loaded — then open the saved file again and keep editing.

mod common;

use common::{app_exporting_to, drop_file, wait_for_loads};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::scenario_files::load_scenarios_file;
use plan_explorer::model::whatif::PathKind;

fn open_whatif_page(harness: &mut Harness<'static, PlanExplorerApp>) {
    harness.get_by_label("假设情景").click();
    harness.run();
}

fn type_into(harness: &mut Harness<'static, PlanExplorerApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn values(harness: &Harness<'static, PlanExplorerApp>) -> Vec<(u16, f64)> {
    harness.state().whatif().draft().expect("a series in hand").points.clone()
}

#[test]
fn a_what_if_by_growth_rate_is_saved_loaded_and_edited_again() {
    let mut harness = app_exporting_to("whatif-growth");
    open_whatif_page(&mut harness);
    // Pick the measure in its list, then start from the plan's 2015 baseline (136.06 亿元).
    harness.get_by_role_and_label(Role::ComboBox, "指标").click();
    harness.run();
    harness.get_by_label("全社会研发经费").click();
    harness.run();
    harness.get_by_label_contains("从规划基期值开始").click();
    harness.run();
    type_into(&mut harness, "年均增速（%/年）", "10");
    // 136.06 × 1.1^t, worked out by hand: 2017 → 164.6326, 2020 → 219.126.
    let points = values(&harness);
    assert_eq!(points.len(), 5, "{points:?}");
    assert_eq!(points[1], (2017, 164.6326));
    assert_eq!(points[4], (2020, 219.126));
    // It is drawn against the plan: the chart holds the what-if series.
    let chart = harness.state_mut().whatif_chart().expect("a chart").clone();
    let series = chart.series.iter().find(|s| s.name == "假设情景").expect("drawn, named by its scenario");
    assert_eq!(series.points.last().map(|p| (p.x, p.y)), Some((2020.0, 219.126)));

    // Save as RON where the analyst types; it is then loaded like any scenario file.
    let dir = harness.state().export_dir().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("growth.ron");
    type_into(&mut harness, "保存到", &path.display().to_string());
    harness.get_by_label("保存").click();
    // Saving loads the file on a worker: step until it is in, not a fixed number of frames.
    harness.step();
    wait_for_loads(&mut harness);
    assert!(path.is_file(), "{:?}", harness.state().messages());
    let loaded = harness.state().scenarios().iter().find(|l| l.path.as_deref() == Some(&path)).expect("loaded");
    let s = &loaded.scenario.series[0];
    assert_eq!(s.indicator, "rd_expenditure");
    assert!(
        s.source.starts_with("what-if: constant growth of 10% a year from the plan's 2015 baseline"),
        "{}",
        s.source
    );
    assert_eq!(s.points.first().map(|p| (p.year, p.value)), Some((2015, 136.06)), "the start, as the plan states it");
    assert_eq!(s.points[5].derived.as_deref(), Some("136.06 × (1 + 10%)^5 = 219.126"));

    // Another session: open the file and keep editing it, by its growth rate.
    let mut again = app_exporting_to("whatif-growth-again");
    drop_file(&mut again, path.clone());
    again.get_by_label("情景").click();
    again.run();
    again.get_by_label("编辑").click();
    again.run();
    let w = again.state().whatif();
    assert_eq!(w.file.as_deref(), Some(path.as_path()));
    assert_eq!(w.draft().map(|d| d.path), Some(PathKind::Growth(10.0)));
    type_into(&mut again, "年均增速（%/年）", "5");
    again.get_by_label("保存").click();
    // Saving loads the file on a worker: step until it is in, not a fixed number of frames.
    again.step();
    wait_for_loads(&mut again);
    let (reloaded, _) = load_scenarios_file(&path, &plan_explorer::model::load::embedded_plan().unwrap()).unwrap();
    // 136.06 × 1.05^5 = 173.6509 (by hand: 1.05^5 = 1.2762816).
    assert_eq!(reloaded[0].series[0].points.last().map(|p| p.value), Some(173.6509));
}

/// Edit on a scenario that is not a what-if of its own file starts a new what-if from its
/// values: saving writes a new file and leaves the original as it was.
#[test]
fn editing_another_scenario_saves_a_new_file_and_leaves_the_original() {
    let mut harness = app_exporting_to("whatif-other");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/example.xlsx");
    let original = std::fs::read(&example).unwrap();
    drop_file(&mut harness, example.clone());
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_by_label("编辑").click();
    harness.run();
    let w = harness.state().whatif();
    assert_eq!(w.file, None, "not saved over the example");
    assert_eq!(w.name, "趋势外推（示例）（假设情景）");
    assert_eq!(w.drafts.len(), 2);
    // The folder the analyst names does not exist yet: it is made.
    let path = harness.state().export_dir().join("new-folder").join("from-example.ron");
    type_into(&mut harness, "保存到", &path.display().to_string());
    harness.get_by_label("保存").click();
    // Saving loads the file on a worker: step until it is in, not a fixed number of frames.
    harness.step();
    wait_for_loads(&mut harness);
    assert!(path.is_file(), "{:?}", harness.state().messages());
    assert_eq!(std::fs::read(&example).unwrap(), original, "the example is untouched");
}

#[test]
fn dragging_a_point_on_the_chart_sets_its_value_and_undo_takes_the_drag_back() {
    let mut harness = app_exporting_to("whatif-drag");
    open_whatif_page(&mut harness);
    // The measure shown on the indicator page (R&D intensity) is the default; start at 0.76 %.
    harness.get_by_label_contains("从规划基期值开始").click();
    harness.run();
    type_into(&mut harness, "直线到终年数值（2020，%）", "2.2");
    let before = values(&harness);
    assert_eq!(before[2], (2018, 1.624), "0.76 + (2.2 − 0.76) × 3/5");

    // Grab the 2018 handle and pull it up by 100 points.
    let handle = harness.get_by_label_contains("2018：").rect().center();
    harness.hover_at(handle);
    harness.run();
    harness.drag_at(handle);
    harness.step();
    for dy in [10.0, 40.0, 100.0] {
        harness.hover_at(handle - egui::vec2(0.0, dy));
        harness.step();
    }
    harness.drop_at(handle - egui::vec2(0.0, 100.0));
    harness.run();
    let after = values(&harness);
    assert_eq!(harness.state().whatif().draft().map(|d| d.path), Some(PathKind::Drawn));
    assert!(after[2].1 > before[2].1 + 0.1, "pulled up: {} → {}", before[2].1, after[2].1);
    assert_eq!(after[1], before[1], "the other years stay");
    assert_eq!(after[4], before[4]);
    // Kept as the handle shows it (two decimals), not as the pointer's pixel put it.
    let shown = egui_kittest::kittest::NodeT::accesskit_node(&harness.get_by_label_contains("2018："))
        .label()
        .unwrap_or_default();
    assert_eq!(shown, format!("2018：{} %", after[2].1), "the value is what is shown");
    assert_eq!((after[2].1 * 100.0).round() / 100.0, after[2].1, "{} has at most two decimals", after[2].1);
    // The path is now drawn: the line's value field no longer claims one.
    let field = harness.get_by_label("直线到终年数值（2020，%）");
    assert_eq!(field.value().unwrap_or_default(), "");

    // One Ctrl+Z takes back the whole drag; Ctrl+Shift+Z brings it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(values(&harness), before);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(values(&harness), after);

    // Saved as Excel, it reads back with the dragged value and its provenance.
    let dir = harness.state().export_dir().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("drawn.xlsx");
    type_into(&mut harness, "保存到", &path.display().to_string());
    harness.get_by_label("保存").click();
    // Saving loads the file on a worker: step until it is in, not a fixed number of frames.
    harness.step();
    wait_for_loads(&mut harness);
    let (back, _) = load_scenarios_file(&path, &plan_explorer::model::load::embedded_plan().unwrap()).expect("reads");
    let s = &back[0].series[0];
    assert!(s.source.starts_with("what-if: values drawn by hand"), "{}", s.source);
    assert_eq!(s.points.iter().find(|p| p.year == 2018).map(|p| p.value), Some(after[2].1));
    assert!(harness.state().scenarios().iter().any(|l| l.path.as_deref() == Some(&path)), "loaded after saving");
}
