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
