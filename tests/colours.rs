//! A series keeps its colour for as long as its scenario is loaded: adding a scenario,
//! removing another one, or editing the file on disk never recolours what the audience has
//! already seen on the R&D intensity chart.

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::colours::Colour;

const SHIPPED_IAMC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/example-iamc.csv");

/// A workbook of one R&D intensity scenario, as an analyst makes one in Excel.
fn workbook(dir: &Path, scenario: &str, values: [f64; 3]) -> PathBuf {
    let path = dir.join(format!("{scenario}.xlsx"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = ["Model", "Scenario", "Region", "Variable", "Unit", "Kind", "2018", "2019", "2020"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["analyst", scenario, "内蒙古", "研发经费占GDP比重（R&D/GDP）", "%", "projection"].iter().enumerate()
    {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    for (k, v) in values.iter().enumerate() {
        sheet.write_number(1, 6 + k as u16, *v).unwrap();
    }
    std::fs::create_dir_all(dir).unwrap();
    book.save(&path).unwrap();
    path
}

/// The colour of the R&D chart's series named `name`.
fn colour_of(harness: &Harness<'static, PlanExplorerApp>, name: &str) -> Colour {
    let chart = harness.state().current_chart();
    let series = chart.series.iter().find(|s| s.name == name);
    series.unwrap_or_else(|| panic!("no series {name} in {:?}", chart.series)).style.colour
}

#[test]
fn a_series_keeps_its_colour_while_scenarios_come_and_go() {
    let dir = common::temp_dir("colours");
    let high = workbook(&dir, "高投入", [1.1, 1.4, 1.8]);
    let mut harness = common::AppBuilder::new().files(vec![PathBuf::from(SHIPPED_IAMC), high.clone()]).build();
    harness.get_by_label("指标").click();
    harness.run();
    let (trend, high_colour) = (colour_of(&harness, "趋势外推（示例）"), colour_of(&harness, "高投入"));
    assert_ne!(trend, high_colour, "two scenarios, two colours");

    // A third scenario takes a colour of its own; the two keep theirs.
    let low = workbook(&dir, "低投入", [0.9, 1.0, 1.1]);
    common::drop_file(&mut harness, low);
    assert_eq!(colour_of(&harness, "趋势外推（示例）"), trend);
    assert_eq!(colour_of(&harness, "高投入"), high_colour);
    let low_colour = colour_of(&harness, "低投入");
    assert!(low_colour != trend && low_colour != high_colour, "{low_colour:?}");

    // Removing the first one (on the scenario page, as a user does) leaves the others alone.
    harness.get_by_label("情景").click();
    harness.run();
    harness.get_all_by_label("移除").next().expect("a remove button per file").click();
    common::wait_for_loads(&mut harness);
    assert!(harness.state().scenarios().iter().all(|l| l.scenario.name != "趋势外推（示例）"));
    // (The page's tables have a column 指标 too: the tab comes first.)
    harness.get_all_by_label("指标").next().expect("the tab").click();
    harness.run();
    assert_eq!(colour_of(&harness, "高投入"), high_colour);
    assert_eq!(colour_of(&harness, "低投入"), low_colour);

    // The analyst edits 高投入 on disk: reloaded by itself, in the same colour.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    workbook(&dir, "高投入", [1.2, 1.5, 2.0]);
    common::step_until(&mut harness, "the edited workbook to be reloaded", |app| {
        app.scenarios().iter().any(|l| l.scenario.name == "高投入" && l.scenario.series[0].points[2].value == 2.0)
    });
    assert_eq!(colour_of(&harness, "高投入"), high_colour);
    assert_eq!(colour_of(&harness, "低投入"), low_colour);
}
