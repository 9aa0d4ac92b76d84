//! The east/west page, driven as a user would: a loaded scenario's regional series appear in
//! the statistics table with their scenario's name and projection mark, and east versus west
//! is shown year by year.

mod common;

use common::{app, drop_file, fixture};
use egui_kittest::kittest::Queryable;

fn open_regions() -> egui_kittest::Harness<'static, plan_explorer::app::PlanExplorerApp> {
    let mut harness = app();
    drop_file(&mut harness, fixture("east_west.ron"));
    harness.get_by_label("东西部").click();
    harness.run();
    harness
}

#[test]
fn a_scenarios_regional_values_are_listed_with_its_name_and_marked_as_projections() {
    let mut harness = open_regions();
    // The statistic opens on the latest year with every 盟市 known (2021), not on the file's
    // lone projected 盟市 of 2025.
    harness.get_by_label("6357.8 亿元");
    // The year choice comes first; the year-by-year table below lists 2025 too.
    harness.get_all_by_label("2025").next().expect("2025").click();
    harness.run();
    harness.get_by_label("2300 亿元（预测）");
    harness.get_by_label("7400 亿元（预测）");
    assert!(harness.query_all_by_label("东西部情景").count() >= 2, "the scenario is named beside its values");
    // East + west − 全区 from the file's own halves: 7400 + 17600 − 25500.
    harness.get_by_label("⚠ 不符，差 -500.00 亿元");
}

#[test]
fn east_and_west_over_time_lists_every_year_with_shares_and_the_break() {
    let mut harness = open_regions();
    harness.get_by_label("东部与西部：逐年对比");
    // Shares of 2024 from the file's halves: 7000 / 24000 = 29.2 %.
    harness.get_by_label("29.2% : 70.8%");
    // The years no 盟市 series covers are a labelled break in the chart.
    let chart = harness.state_mut().east_west_chart().expect("chart").clone();
    assert!(chart.breaks.iter().any(|b| (b.from, b.to) == (2017, 2018)), "{:?}", chart.breaks);
}

/// A test file with one 盟市's GDP for 2017, a year the shipped values know only 通辽 for.
fn chifeng_2017(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("chifeng-2017.ron");
    let text = r#"(
    format_version: 1,
    name: "赤峰补充",
    description: "One 盟市's GDP for 2017: test data, not a statistic.",
    plan: "内蒙古自治区“十三五”科技创新规划",
    extra_indicators: [(id: "gdp", name: "地区生产总值（现价）", name_en: "GDP (current prices)", unit: "亿元")],
    series: [(
        id: "gdp.chifeng",
        indicator: "gdp",
        region: "赤峰",
        unit: "亿元",
        kind: Projection,
        label: "GDP · 赤峰 · 测试",
        source: "projection: test",
        points: [(year: 2017, value: 1500.0)],
    )],
)"#;
    std::fs::write(&path, text).unwrap();
    path
}

/// The page says when one table mixes values of several scenarios, and reads from one
/// scenario when the user picks it there; the choice is the page's own.
#[test]
fn the_statistic_is_read_from_the_scenario_the_page_picks() {
    let dir = common::temp_dir("regional-source");
    let mut harness = app();
    drop_file(&mut harness, chifeng_2017(&dir));
    harness.get_by_label("东西部").click();
    harness.run();
    harness.get_all_by_label("2017").next().expect("the year 2017").click();
    harness.run();
    // 通辽 from the shipped values, 赤峰 from the file: said, with both names.
    harness.get_by_label("数值取自多个情景（各盟市取首个有值者）：实际值 2010–2023、赤峰补充");
    harness.get_by_label("1500 亿元（预测）");

    harness.get_by_label("数值来源情景").click();
    harness.run();
    // (The table names the scenario of each value too, as a label: the list's entry is a button.)
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "实际值 2010–2023").click();
    harness.run();
    assert_eq!(harness.state().settings().regional.scenario.as_deref(), Some("实际值 2010–2023"));
    assert!(harness.query_by_label_contains("数值取自多个情景").is_none(), "one scenario, nothing mixed");
    assert!(harness.query_by_label("1500 亿元（预测）").is_none(), "赤峰 is not read from the file now");
    let chart = harness.state().east_west_chart().expect("chart");
    let years: Vec<f64> = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.x)).collect();
    assert!(years.iter().all(|&y| y <= 2021.0), "the shipped values only: {years:?}");
    // The indicator page's charts still show every scenario.
    assert_eq!(harness.state().session().scenarios().snapshot().enabled.len(), 2);
}

#[test]
fn every_league_is_named_under_its_bar_in_a_1280_window() {
    // In a 1280-wide window the bars' column gives each 盟市 a slot narrower than its name:
    // egui_plot left every name out (its axis drops a label wider than its slot, or closer than
    // 60 px to the next).
    let mut harness = common::AppBuilder::new().size([1280.0, 800.0]).build();
    harness.get_by_label("东西部").click();
    harness.run();
    let axis = common::league_axis(&harness);
    let expected: Vec<String> = common::LEAGUES.iter().map(|l| l.to_string()).collect();
    assert_eq!(axis.iter().map(|n| n.trim_end_matches(['市'])).collect::<Vec<_>>(), expected, "{axis:?}");
}
