//! A scenario is named wherever its series are drawn: two scenarios from the tables analysts
//! keep them in (an IAMC CSV and a workbook of one's own), on the R&D intensity chart, carry
//! their scenarios' names in the window's legend, in the chart JSON and in the SVG.

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;

const SHIPPED_IAMC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/example-iamc.csv");

/// A workbook as an analyst makes one in Excel: the IAMC columns, no Label, no Kind.
fn high_input_workbook(dir: &Path) -> PathBuf {
    let path = dir.join("高投入.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = ["Model", "Scenario", "Region", "Variable", "Unit", "2018", "2019", "2020"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["analyst", "高投入", "内蒙古", "研发经费占GDP比重（R&D/GDP）", "%"].iter().enumerate()
    {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    for (k, v) in [1.1, 1.4, 1.8].iter().enumerate() {
        sheet.write_number(1, 5 + k as u16, *v).unwrap();
    }
    std::fs::create_dir_all(dir).unwrap();
    book.save(&path).unwrap();
    path
}

#[test]
fn two_scenarios_from_tables_are_named_in_the_legend_the_json_and_the_svg() {
    let dir = common::temp_dir("naming");
    let workbook = high_input_workbook(&dir);

    // The window: the R&D chart's legend names both scenarios, not the variable.
    let mut harness = common::AppBuilder::new().files(vec![PathBuf::from(SHIPPED_IAMC), workbook.clone()]).build();
    harness.get_by_label("指标").click();
    harness.run();
    harness.get_by_label("趋势外推（示例）");
    harness.get_by_label("高投入");
    let chart = harness.state().current_chart();
    assert!(chart.series.iter().all(|s| s.name != "rd_intensity" && !s.name.ends_with("(2)")), "{:?}", chart.series);

    // The command line's chart spec and its SVG say the same.
    let args = ["chart", "rd_intensity", "--scenario", SHIPPED_IAMC, "--scenario", workbook.to_str().unwrap()];
    let (code, json, err) = common::run_cli(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let spec: serde_json::Value = serde_json::from_str(&json).expect("json");
    let labels: Vec<&str> =
        spec["legend"].as_array().expect("legend").iter().filter_map(|e| e["label"].as_str()).collect();
    assert!(labels.contains(&"趋势外推（示例）") && labels.contains(&"高投入"), "{labels:?}");
    let (code, svg, err) = common::run_cli(&[&args[..], &["--format", "svg"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(svg.contains(">趋势外推（示例）<") && svg.contains(">高投入<"), "the legend's text");
}
