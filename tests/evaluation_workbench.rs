//! The final evaluation as a planner's workbench, driven through the real window: a value
//! typed into a target's 填报 form judges the target at once, is kept in an ordinary scenario
//! file of actual values, can be undone and redone with the keyboard, and is there after a
//! restart; the 基本完成 line can be moved.

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::evaluation::{TargetEvaluation, Verdict};
use plan_explorer::model::scenario::{SeriesKind, load_scenario_file};
use plan_explorer::model::scenario_files::load_scenarios_file;

use common::loading::plan;

const BULLETIN: &str = "《2020年内蒙古自治区国民经济和社会发展统计公报》";

fn settings_dir(tag: &str) -> PathBuf {
    common::loading::dir(&format!("workbench-{tag}"))
}

fn start(dir: &Path) -> Harness<'static, PlanExplorerApp> {
    let mut app = common::AppBuilder::new().settings_in(dir).build();
    app.get_by_label("终期评估").click();
    app.run();
    app
}

fn target<'a>(app: &'a Harness<'static, PlanExplorerApp>, key: &str) -> &'a TargetEvaluation {
    app.state().evaluations().iter().find(|e| e.key == key).expect(key)
}

/// Types into the field labelled `label`, as a user who clicked into it.
fn type_into(app: &mut Harness<'static, PlanExplorerApp>, label: &str, text: &str) {
    app.get_by_label(label).focus();
    app.run();
    app.get_by_label(label).type_text(text);
    app.run();
}

/// Opens the 填报 form of the target named `name`.
fn open_form(app: &mut Harness<'static, PlanExplorerApp>, name: &str) {
    app.get_by_label(&format!("填报 {name}")).click();
    app.run();
}

/// Chooses `verdict` in the open form's 判定为 list.
fn choose_verdict(app: &mut Harness<'static, PlanExplorerApp>, verdict: &str) {
    app.get_by_label("判定为").click();
    app.run();
    // The table may show the same word as a row's verdict: the choice is in the popup, on top.
    app.get_all_by_label(verdict).last().expect("the choice").click();
    app.run();
}

/// Opens the 填报 form of the target named `name`, types `value` and `source`, and saves.
fn enter(app: &mut Harness<'static, PlanExplorerApp>, name: &str, value_label: &str, value: &str, source: &str) {
    open_form(app, name);
    type_into(app, value_label, value);
    type_into(app, "来源（必填）", source);
    app.get_by_label("保存").click();
    app.run();
}

#[test]
fn a_value_entered_judges_its_target_at_once_undoes_and_is_there_after_a_restart() {
    let dir = settings_dir("entry");
    let mut app = start(&dir);
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NoData);
    let met_before = app.state().evaluations().iter().filter(|e| e.verdict == Verdict::Met).count();

    // 国家高新技术企业: 1000 by 2020. 1150 meets it, past the target.
    enter(&mut app, "国家高新技术企业", "完成值（个）", "1,150", BULLETIN);
    app.get_by_label("完成（超额）");
    app.get_by_label("1150 个");
    app.get_by_label(&format!("完成 {}", met_before + 1));
    let judged = target(&app, "high_tech_enterprises").judged.clone().expect("judged");
    assert_eq!((judged.year, judged.value, judged.source.as_str()), (2020, 1150.0, BULLETIN));

    // What was kept is an ordinary scenario file of actual values, as the loader reads it.
    let file = dir.join("填报值.ron");
    let (kept, warnings) = load_scenario_file(&file, &plan()).expect("the entries file loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    let series = kept.series.iter().find(|s| s.indicator == "high_tech_enterprises").expect("the entry's series");
    assert_eq!(series.kind, SeriesKind::Actual);
    assert_eq!(series.points.iter().map(|p| (p.year, p.value)).collect::<Vec<_>>(), [(2020, 1150.0)]);

    // Ctrl+Z takes the entry back, on the page and on disk; Ctrl+Y brings it again.
    app.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    app.run();
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NoData);
    assert!(app.query_by_label("完成（超额）").is_none());
    let (undone, _) = load_scenario_file(&file, &plan()).expect("still a scenario file");
    assert!(undone.series.is_empty(), "the file holds no entry after the undo");
    app.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    app.run();
    app.get_by_label("完成（超额）");

    // 导出填报值 hands on a copy: a scenario file a second person opens as any other.
    let export_dir = common::loading::dir("workbench-entry-exports");
    app.state_mut().set_export_dir(export_dir.clone());
    app.get_by_label("导出填报值").click();
    app.run();
    let (copy, _) = load_scenario_file(&export_dir.join("填报值.ron"), &plan()).expect("the copy loads");
    assert_eq!(copy.series.len(), 1);

    // Closed and started again: the entry judges the target as before.
    common::close(app);
    let again = start(&dir);
    let e = target(&again, "high_tech_enterprises");
    assert_eq!(e.verdict, Verdict::Met);
    assert_eq!(e.judged.as_ref().map(|r| r.series.as_str()), Some("填报值"));
    again.get_by_label("完成（超额）");
}

#[test]
fn an_entry_without_a_source_is_refused_in_the_form_and_nothing_is_kept() {
    let dir = settings_dir("no-source");
    let mut app = start(&dir);
    app.get_by_label("填报 国家高新技术企业").click();
    app.run();
    type_into(&mut app, "完成值（个）", "1150");
    app.get_by_label("保存").click();
    app.run();
    // The form stays open and says what is missing.
    app.get_by_label_contains("须填写来源");
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NoData);
    assert!(!dir.join("填报值.ron").exists());
    // Text where the number belongs is refused too.
    type_into(&mut app, "来源（必填）", BULLETIN);
    type_into(&mut app, "完成值（个）", "约");
    app.get_by_label("保存").click();
    app.run();
    app.get_by_label("完成值须为数字");
    app.get_by_label("取消").click();
    app.run();
    assert!(app.query_by_label("保存").is_none(), "the form is closed");
    assert!(!dir.join("填报值.ron").exists());
}

#[test]
fn a_value_short_of_its_target_by_less_than_the_line_is_nearly_met_until_the_line_moves() {
    let dir = settings_dir("line");
    let mut app = start(&dir);
    // 930 of 1000 is 93 %: short of the target, past the 90 % line.
    enter(&mut app, "国家高新技术企业", "完成值（个）", "930", BULLETIN);
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NearlyMet);
    assert_eq!(target(&app, "high_tech_enterprises").completion, Some(93.0));
    app.get_by_label("93.0%");
    // The line at 95 %: 93 % is no longer nearly met.
    app.get_by_label("基本完成线").click();
    app.run();
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_into(&mut app, "基本完成线", "95");
    app.key_press(Key::Enter);
    app.run();
    assert_eq!(app.state().saved_settings().nearly_met_percent, 95.0);
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NotMet);
    // Closed and started again, the window judges by the line it was left at.
    common::close(app);
    let again = start(&dir);
    assert_eq!(again.state().session().scenarios().rule().nearly_met_percent, 95.0);
    assert_eq!(target(&again, "high_tech_enterprises").verdict, Verdict::NotMet);
}

#[test]
fn the_fill_in_workbook_carries_what_was_entered_and_filled_in_judges_its_rows_in_the_window() {
    use common::workbook::{Layout, fill_in, sheet, text};
    use plan_explorer::model::tabular::Value;

    let dir = settings_dir("fill-in");
    let mut app = start(&dir);
    enter(&mut app, "国家高新技术企业", "完成值（个）", "1150", BULLETIN);
    let exports = common::loading::dir("workbench-fill-in-exports");
    app.state_mut().set_export_dir(exports.clone());
    app.get_by_label("导出填报表").click();
    app.run();

    // The value entered in the window is in the workbook, marked as already there.
    let workbook = exports.join("填报表.xlsx");
    let grid = sheet(&workbook);
    let layout = Layout::of(&grid);
    let hte = layout.row_of(&grid, "high_tech_enterprises");
    assert_eq!(grid.get(hte, layout.col("完成值")), Some(&Value::Number(1150.0)));
    assert_eq!(text(&grid, hte, layout.col("来源")), BULLETIN);
    assert_eq!(text(&grid, hte, layout.col("状态")), "已有值：填报值");

    // A colleague fills in another target and sends it back; dropped on the window, it judges.
    let incubators = layout.row_of(&grid, "national_incubators");
    let filled = exports.join("填好的填报表.xlsx");
    fill_in(
        &workbook,
        &filled,
        &[
            (incubators, layout.col("完成值"), Value::Number(12.0)),
            (incubators, layout.col("来源"), Value::Text("科技部火炬中心《2020年国家级科技企业孵化器名单》".into())),
        ],
    );
    assert_eq!(target(&app, "national_incubators").verdict, Verdict::NoData);
    common::drop_file(&mut app, filled);
    let judged = target(&app, "national_incubators");
    assert_ne!(judged.verdict, Verdict::NoData);
    assert_eq!(judged.judged.as_ref().map(|r| r.value), Some(12.0));
    assert_eq!(judged.judged.as_ref().map(|r| r.series.as_str()), Some("国家级科技企业孵化器"));
}

#[test]
fn a_verdict_set_by_a_person_shows_with_its_reason_is_kept_undone_and_exported() {
    let dir = settings_dir("verdict");
    let mut app = start(&dir);
    let met_before = app.state().evaluations().iter().filter(|e| e.verdict == Verdict::Met).count();
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NoData);

    open_form(&mut app, "国家高新技术企业");
    choose_verdict(&mut app, "完成");
    // Without a reason it is refused, in the form, and nothing changes.
    app.get_by_label("保存判定").click();
    app.run();
    app.get_by_label_contains("请写明人工判定的理由");
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NoData);
    type_into(&mut app, "判定理由（必填）", "科技厅年终总结：高新技术企业超过1000家");
    app.get_by_label("保存判定").click();
    app.run();

    // The page shows the verdict as set by a person, and counts it.
    app.get_by_label("完成（人工判定）");
    app.get_by_label(&format!("完成 {}", met_before + 1));
    let e = target(&app, "high_tech_enterprises");
    let o = e.overridden.as_ref().expect("set by a person");
    assert_eq!((e.verdict, o.computed), (Verdict::Met, Verdict::NoData));
    assert_eq!(o.note, "科技厅年终总结：高新技术企业超过1000家");

    // Kept in the entries file, which a second person opens as a scenario file.
    let (kept, _) = load_scenario_file(&dir.join("填报值.ron"), &plan()).expect("loads");
    assert_eq!(kept.verdicts.len(), 1);
    assert_eq!((kept.verdicts[0].measure.as_str(), kept.verdicts[0].verdict), ("high_tech_enterprises", Verdict::Met));

    // Exported: the CSV carries what the data give and why.
    let exports = common::loading::dir("workbench-verdict-exports");
    app.state_mut().set_export_dir(exports.clone());
    app.get_by_label("导出终期评估 CSV").click();
    app.run();
    let csv = std::fs::read_to_string(exports.join("final-evaluation.csv")).expect("exported");
    let row = csv.lines().find(|l| l.starts_with("high_tech_enterprises,")).expect("the row");
    assert!(row.contains(",met,") && row.contains("no data,科技厅年终总结"), "{row}");

    // Ctrl+Z takes it back; after a restart (redone first) it is there again.
    app.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    app.run();
    assert_eq!(target(&app, "high_tech_enterprises").verdict, Verdict::NoData);
    assert!(app.query_by_label("完成（人工判定）").is_none());
    app.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    app.run();
    common::close(app);
    let again = start(&dir);
    assert_eq!(target(&again, "high_tech_enterprises").verdict, Verdict::Met);
    again.get_by_label("完成（人工判定）");
}

/// Sets a verdict with its reason in the 填报 form of the target named `name`.
fn set_verdict(app: &mut Harness<'static, PlanExplorerApp>, name: &str, verdict: &str, reason: &str) {
    open_form(app, name);
    choose_verdict(app, verdict);
    type_into(app, "判定理由（必填）", reason);
    app.get_by_label("保存判定").click();
    app.run();
}

#[test]
fn entries_saved_as_a_workbook_carry_values_and_verdicts_to_a_second_person_and_a_csv_says_what_it_leaves_out() {
    let dir = settings_dir("save-as");
    let mut app = start(&dir);
    enter(&mut app, "国家高新技术企业", "完成值（个）", "1150", BULLETIN);
    let reason = "自治区科技厅2020年工作总结：科技进步贡献率约53%";
    set_verdict(&mut app, "科技进步贡献率", "基本完成", reason);
    assert_eq!(target(&app, "st_progress_contribution").verdict, Verdict::NearlyMet);

    // Saved as a workbook where the user chose, and as a CSV.
    let out = common::loading::dir("workbench-save-as-out");
    assert!(app.state_mut().save_entries_as(&out.join("审核用.xlsx")));
    assert!(app.state_mut().save_entries_as(&out.join("审核用.csv")));
    app.run();
    app.get_by_label_contains("人工判定未写入");

    // A second person, with settings of their own, drops the workbook on the window: the
    // value judges its target and the verdict is there with its reason.
    let reviewer = settings_dir("save-as-reviewer");
    let mut second = start(&reviewer);
    assert_eq!(target(&second, "st_progress_contribution").verdict, Verdict::NoData);
    common::drop_file(&mut second, out.join("审核用.xlsx"));
    assert_eq!(target(&second, "high_tech_enterprises").verdict, Verdict::Met);
    let contribution = target(&second, "st_progress_contribution");
    assert_eq!(contribution.verdict, Verdict::NearlyMet);
    assert_eq!(contribution.overridden.as_ref().map(|o| o.note.as_str()), Some(reason));
    second.get_by_label("基本完成（人工判定）");

    // The CSV holds the value only.
    let (csv, _) = load_scenarios_file(&out.join("审核用.csv"), &plan()).expect("the CSV loads");
    let csv = &csv[0];
    assert!(csv.verdicts.is_empty());
    assert_eq!(csv.series.iter().map(|s| s.indicator.as_str()).collect::<Vec<_>>(), ["high_tech_enterprises"]);
}
