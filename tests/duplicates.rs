//! The same data loaded twice, and two scenarios of the same name: the shipped actual values
//! opened beside the built-in ones are said to be the same and are not drawn twice; two files
//! that name their scenarios alike are told apart by their file names, in the window's lists,
//! pickers and legend, and on the command line.

mod common;

use std::path::PathBuf;

use egui_kittest::kittest::Queryable;

const SHIPPED_ACTUALS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/actual-2010-2023.ron");
const SHIPPED_IAMC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/example-iamc.csv");

/// How many rows the scenario page's target-year table has for R&D intensity.
fn rd_rows_at_target(harness: &egui_kittest::Harness<'static, plan_explorer::app::PlanExplorerApp>) -> usize {
    let session = harness.state().session();
    let summaries = session.summaries();
    let comparison = session.comparison();
    comparison
        .at_target
        .iter()
        .filter(|(k, _)| summaries.get(*k).is_some_and(|s| s.key == "rd_intensity"))
        .map(|(_, rows)| rows.len())
        .sum()
}

#[test]
fn the_shipped_actual_values_opened_again_are_said_to_be_the_same_and_not_drawn_twice() {
    let mut harness = common::app();
    let rows_before = rd_rows_at_target(&harness);
    assert!(rows_before > 0, "the built-in actual values reach 2020");
    common::drop_file(&mut harness, PathBuf::from(SHIPPED_ACTUALS));

    let app = harness.state();
    assert_eq!(app.scenarios().len(), 2, "loaded, so nothing the user asked for is lost");
    let copy = &app.scenarios()[1];
    assert!(!copy.enabled, "but not drawn");
    assert_eq!(copy.duplicate_of.as_deref(), Some("实际值 2010–2023"));
    let said =
        app.messages().iter().any(|m| m.text.contains("数据完全相同") && m.text.contains("actual-2010-2023.ron"));
    assert!(said, "{:?}", app.messages());
    assert_eq!(rd_rows_at_target(&harness), rows_before, "the target-year table lists R&D as before");

    // The scenario page names the copy by its file and says what it duplicates.
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_by_label("实际值 2010–2023 · actual-2010-2023.ron");
    harness.get_by_label("与“实际值 2010–2023”相同");
    // Ticking it shows it, as the message says.
    harness.get_by_label("实际值 2010–2023 · actual-2010-2023.ron").click();
    harness.run();
    assert!(harness.state().scenarios()[1].enabled);

    // The command line skips it, and says so.
    let (code, csv, err) = common::run_cli(&["evaluate", "--format", "csv", SHIPPED_ACTUALS]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("very same data as “实际值 2010–2023”, built in: skipped"), "{err}");
    assert_eq!(csv.lines().filter(|l| l.starts_with("rd_intensity,")).count(), 1, "{csv}");
}

#[test]
fn two_files_naming_their_scenario_alike_are_told_apart_by_their_file_names() {
    let dir = common::temp_dir("same-name");
    std::fs::create_dir_all(&dir).unwrap();
    // An analyst's copy of the shipped IAMC table with a higher 2020 value: the same scenario
    // name, other data.
    let text = std::fs::read_to_string(SHIPPED_IAMC).unwrap();
    let first_row = text.lines().nth(1).unwrap();
    let revised = first_row.replace(",1.0502", ",1.9");
    assert_ne!(revised, first_row);
    let copy = dir.join("趋势外推-修订.csv");
    std::fs::write(&copy, text.replacen(first_row, &revised, 1)).unwrap();

    let mut harness = common::AppBuilder::new().files(vec![PathBuf::from(SHIPPED_IAMC), copy.clone()]).build();
    let shipped_name = "趋势外推（示例） · example-iamc.csv";
    let copy_name = "趋势外推（示例） · 趋势外推-修订.csv";
    assert!(harness.state().scenarios().iter().all(|l| l.enabled && l.duplicate_of.is_none()));

    // The R&D chart's legend.
    harness.get_by_label("指标").click();
    harness.run();
    let chart = harness.state().current_chart();
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&shipped_name) && names.contains(&copy_name), "{names:?}");
    harness.get_by_label(shipped_name);
    harness.get_by_label(copy_name);

    // The scenario page: the list, the progress basis and the A/B pickers.
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, shipped_name);
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, copy_name);
    let before = [copy_name, shipped_name].map(|n| harness.query_all_by_label(n).count());
    harness.get_by_label("A").click();
    harness.run();
    let after = [copy_name, shipped_name].map(|n| harness.query_all_by_label(n).count());
    assert_eq!(after, before.map(|n| n + 1), "the A picker offers each under its own name");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let at_target: Vec<String> = harness
        .state()
        .session()
        .comparison()
        .at_target
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.scenario.clone()))
        .collect();
    assert!(at_target.iter().any(|n| n == copy_name) && at_target.iter().any(|n| n == shipped_name), "{at_target:?}");

    // The command line names them alike.
    let args = ["chart", "rd_intensity", "--scenario", SHIPPED_IAMC, "--scenario", copy.to_str().unwrap()];
    let (code, json, err) = common::run_cli(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(json.contains(shipped_name) && json.contains(copy_name), "{json}");
}
