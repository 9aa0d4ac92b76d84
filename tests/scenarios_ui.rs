//! Loading scenarios in the real app: the drop path (what the dialog, the command line and
//! the typed path also use), the legend and comparison table, and a broken file that leaves
//! what was loaded in place.

mod common;

use common::{app as harness, drop_file, fixture, wait_for_loads};
use egui_kittest::kittest::Queryable;
use plan_explorer::ui::command::{PageCommand, ScenarioCommand};
use plan_explorer::ui::{Command, View};

#[test]
fn a_dropped_scenario_appears_in_the_chart_and_the_comparison_table() {
    let mut harness = harness();
    assert_eq!(harness.state().scenarios().len(), 1, "the built-in actuals");
    drop_file(&mut harness, fixture("good.ron"));
    let app = harness.state();
    assert_eq!(app.scenarios().len(), 2);
    assert_eq!(app.scenarios()[1].scenario.name, "测试情景");
    assert!(app.messages().is_empty(), "{:?}", app.messages());

    // The indicator chart of R&D intensity overlays the new series, dashed as a projection.
    harness.get_by_label("指标").click();
    harness.run();
    let chart = harness.state_mut().current_chart().clone();
    let series =
        chart.series.iter().find(|s| s.name == "测试情景 · R&D强度 · 测试").expect("overlaid, named by its scenario");
    assert_eq!(series.role, plan_explorer::model::chart::Role::Projection);
    assert_eq!(series.points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>(), vec![(2016.0, 0.9), (2020.0, 1.5)]);
    // With two scenarios covering 2016–2020 the range between them is shaded.
    assert!(chart.bands.iter().any(|b| b.measure == "rd_intensity"));
    // In the legend.
    harness.get_by_label_contains("R&D强度 · 测试");

    // The comparison table lists its value at the target year against the plan's 2.2 %.
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "测试情景");
    harness.get_by_label("预测 · R&D强度 · 测试");
    harness.get_by_label("1.5 %");
    harness.get_by_label("-0.7 %");
    harness.get_by_label("68.2%");
}

#[test]
fn a_broken_file_is_reported_and_the_loaded_scenarios_stay() {
    let mut harness = harness();
    drop_file(&mut harness, fixture("good.ron"));
    assert_eq!(harness.state().scenarios().len(), 2);
    drop_file(&mut harness, fixture("duplicate_year.ron"));
    let app = harness.state();
    assert_eq!(app.scenarios().len(), 2, "nothing lost, nothing added");
    assert!(app.messages().iter().any(|m| m.text.contains("duplicate_year.ron:17:18: error")), "{:?}", app.messages());
    // The message is on screen, with file, line and column, in the window's Chinese.
    harness.get_by_label_contains("duplicate_year.ron:17:18: 错误：序列 `rd.alt`：2016 年出现两次");
}

#[test]
fn a_warning_only_file_loads_and_shows_its_warnings() {
    let mut harness = harness();
    drop_file(&mut harness, fixture("far_year.ron"));
    let app = harness.state();
    assert_eq!(app.scenarios().len(), 2);
    assert_eq!(app.scenarios()[1].warnings.len(), 1);
    harness.get_by_label_contains("远在规划期 2016–2020 之外");
}

#[test]
fn a_changed_file_is_reloaded_and_a_bad_change_keeps_the_old_version() {
    let dir = std::env::temp_dir().join(format!("pe-reload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("live.ron");
    let good = std::fs::read_to_string(fixture("good.ron")).unwrap();
    std::fs::write(&path, &good).unwrap();
    let mut harness = harness();
    drop_file(&mut harness, path.clone());
    assert_eq!(harness.state().scenarios()[1].scenario.series[0].points[1].value, 1.5);

    // F5 reloads the new content.
    std::fs::write(&path, good.replace("value: 1.5", "value: 1.8")).unwrap();
    harness.key_press(egui::Key::F5);
    wait_for_loads(&mut harness);
    assert_eq!(harness.state().scenarios()[1].scenario.series[0].points[1].value, 1.8);

    // A broken edit: the message names the file, the last good version stays on screen.
    std::fs::write(&path, good.replace("value: 1.5", "value: oops")).unwrap();
    harness.key_press(egui::Key::F5);
    wait_for_loads(&mut harness);
    let app = harness.state();
    assert_eq!(app.scenarios()[1].scenario.series[0].points[1].value, 1.8);
    assert!(
        app.messages().iter().any(|m| m.text.starts_with(&format!("{}:17:", path.display()))),
        "{:?}",
        app.messages()
    );
}

#[test]
fn disabling_a_scenario_removes_it_from_the_charts() {
    let mut harness = harness();
    drop_file(&mut harness, fixture("good.ron"));
    harness.state_mut().run(Command::Page(PageCommand::SetView(View::Scenarios)));
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "测试情景").click();
    harness.run();
    assert!(!harness.state().scenarios()[1].enabled);
    let app = harness.state_mut();
    app.run(Command::Page(PageCommand::OpenMeasure("rd_intensity".into())));
    assert!(app.current_chart().series.iter().all(|s| s.name != "R&D强度 · 测试"));
}

#[test]
fn files_on_the_command_line_are_loaded_at_start() {
    // `main` hands the command line's files to `PlanExplorerApp::start`.
    let file = fixture("good.ron");
    let harness = common::AppBuilder::new().files(vec![file]).build();
    assert_eq!(harness.state().scenarios().len(), 2);
    assert_eq!(harness.state().scenarios()[1].scenario.name, "测试情景");
}

/// Analysts' files bring traditional characters and emoji: they render (the harness panics on
/// any character no font can draw), on the scenario page and in the chart's legend.
#[test]
fn traditional_characters_and_emoji_in_a_scenario_render() {
    let mut harness = harness();
    drop_file(&mut harness, fixture("traditional.ron"));
    assert_eq!(harness.state().scenarios()[1].scenario.name, "繁體情景 📈");
    harness.get_by_label("情景").click();
    harness.run();
    assert!(harness.get_all_by_label_contains("繁體情景").count() >= 1);
    harness.state_mut().run(Command::Page(PageCommand::OpenMeasure("rd_intensity".into())));
    harness.run();
    assert!(harness.state().messages().iter().all(|m| !m.text.contains("U+")), "{:?}", harness.state().messages());
}

/// A character no font here has (CJK extension B) is named in a warning, by code point,
/// instead of appearing as an unexplained box.
#[test]
fn a_character_no_font_has_is_named_not_hidden() {
    let mut harness = common::AppBuilder::new().allow_missing_glyphs().build();
    drop_file(&mut harness, fixture("rare.ron"));
    let messages = harness.state().messages();
    let warning = messages.iter().find(|m| m.text.contains("U+20000")).expect("a warning naming U+20000");
    assert!(warning.text.starts_with(&fixture("rare.ron").display().to_string()), "{}", warning.text);
}

#[test]
fn differences_read_by_name_and_unit_with_disagreements_and_gaps_apart() {
    let mut harness = harness();
    drop_file(&mut harness, fixture("good.ron"));
    harness.state_mut().run(Command::Page(PageCommand::SetView(View::Scenarios)));
    harness.state_mut().run(Command::Scenario(ScenarioCommand::SetComparePair(0, 1)));
    harness.run();
    // The built-in actuals and the test scenario both have R&D intensity in 2016 and 2020:
    // 0.79 → 0.9 and 0.93 → 1.5 (B − A in the measure's unit).
    harness.get_by_label_contains("两者都有值且不同（2）");
    harness.get_by_label("+0.11 %");
    harness.get_by_label("+0.57 %");
    assert!(harness.get_all_by_label("研发经费占GDP比重（R&D/GDP）").count() >= 2, "rows by name, not by id");
    // The one-sided values are a separate list.
    harness.get_by_label_contains("仅一方有值（").click();
    harness.run();
    assert!(harness.query_by_label("+0.11 %").is_none());
    let app = harness.state();
    let one_sided =
        plan_explorer::model::compare::differences(&app.scenarios()[0].scenario, &app.scenarios()[1].scenario)
            .iter()
            .filter(|d| d.a.is_none() || d.b.is_none())
            .count();
    harness.get_by_label(&format!("{one_sided} 处差异"));
    // Narrowed to one indicator by typing part of its name.
    let filter = harness.get_by_label("筛选指标");
    filter.focus();
    filter.type_text("发明专利");
    harness.run();
    // As many rows as one-sided points of indicators so named.
    let app = harness.state();
    let (a, b) = (&app.scenarios()[0].scenario, &app.scenarios()[1].scenario);
    let expected = plan_explorer::model::compare::differences(a, b)
        .iter()
        .filter(|d| d.a.is_none() || d.b.is_none())
        .filter(|d| a.indicator_name(&app.doc().plan, &d.indicator).is_some_and(|n| n.contains("发明专利")))
        .count();
    assert!(expected > 0);
    harness.get_by_label(&format!("{expected} 处差异"));
}

/// The file dialog opens where the user's files are: the folder of the latest recent file
/// that still exists, else the example scenarios installed with the app — beside the .exe
/// (Windows) or in `../share/plan-explorer/scenarios` from the binary (the Linux package).
#[test]
fn the_file_dialog_starts_in_the_recent_folder_or_the_installed_examples() {
    use plan_explorer::app::scenarios::dialog_start_dir;
    let root = common::temp_dir("dialog-start");
    let (bin, shared) = (root.join("usr/bin"), root.join("usr/share/plan-explorer/scenarios"));
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&shared).unwrap();
    let exe = bin.join("plan-explorer");
    let shared = shared.canonicalize().unwrap();
    let found = |recent: &[String], exe: &std::path::Path| {
        dialog_start_dir(recent, Some(exe)).map(|d| d.canonicalize().unwrap())
    };

    // Installed by the package, nothing recent: the examples.
    assert_eq!(found(&[], &exe), Some(shared.clone()));
    // A portable copy with its scenarios folder beside the .exe wins over a shared one.
    let portable = root.join("portable");
    std::fs::create_dir_all(portable.join("scenarios")).unwrap();
    assert_eq!(
        found(&[], &portable.join("plan-explorer.exe")),
        Some(portable.join("scenarios").canonicalize().unwrap())
    );
    // A recent file's folder comes first; one whose folder is gone is passed over.
    let work = root.join("analyst");
    std::fs::create_dir_all(&work).unwrap();
    let recent = [root.join("gone/old.ron").display().to_string(), work.join("what-if.ron").display().to_string()];
    assert_eq!(found(&recent, &exe), Some(work.canonicalize().unwrap()));
    // Neither: the system decides.
    assert_eq!(dialog_start_dir(&[], Some(&root.join("elsewhere/plan-explorer"))), None);
    assert_eq!(dialog_start_dir(&[], None), None);
    let _ = std::fs::remove_dir_all(&root);
}
