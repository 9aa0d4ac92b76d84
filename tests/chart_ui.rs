//! The indicator chart as a user works it: compare by Ctrl-click, a log scale, every source
//! on demand, English, and a layout that fits 1280×800 and 1024×768.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::chart::axis::Scale;

const RD: &str = "研发经费占GDP比重（R&D/GDP）";
const PATENTS: &str = "每万人发明专利拥有量";

fn on_indicators(size: [f32; 2]) -> Harness<'static, PlanExplorerApp> {
    let mut harness = common::AppBuilder::new().size(size).build();
    harness.get_by_label("指标").click();
    harness.run();
    harness
}

/// Clicks a measure's row in the table (the chart's heading may carry the same name).
fn click_row(harness: &mut Harness<'static, PlanExplorerApp>, name: &str) {
    harness.get_all_by_label(name).next().expect("a row").click();
    harness.run();
}

#[test]
fn ctrl_click_compares_and_a_plain_click_replaces() {
    let mut harness = on_indicators(common::WINDOW);
    click_row(&mut harness, RD);
    harness.get_by_label(PATENTS).click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    // Both are in the title, each series in the legend beside the chart under its measure.
    harness.get_by_label_contains(&format!("{RD} / {PATENTS}"));
    harness.get_by_label(&format!("{RD} · 规划目标"));
    harness.get_by_label(&format!("{PATENTS} · 规划目标"));
    // % and 件 cannot share an axis: the comparison is an index, and says so.
    assert_eq!(harness.state_mut().current_chart().y_axis.unit, "2015 = 100");
    // A plain click shows that measure alone again.
    harness.get_by_label(PATENTS).click();
    harness.run();
    assert_eq!(harness.state().settings().selected_measures, vec!["invention_patents_per_10k".to_string()]);
    assert!(harness.query_by_label(&format!("{RD} · 规划目标")).is_none());
}

#[test]
fn the_log_scale_box_puts_the_chart_on_a_log_axis_and_back() {
    let mut harness = on_indicators(common::WINDOW);
    harness.get_by_label("技术市场合同交易总额").click();
    harness.run();
    harness.get_by_label("对数刻度").click();
    harness.run();
    assert_eq!(harness.state_mut().current_chart().y_axis.scale, Scale::Log);
    harness.get_by_label("对数刻度").click();
    harness.run();
    assert_eq!(harness.state_mut().current_chart().y_axis.scale, Scale::Linear);
}

#[test]
fn every_source_comes_back_on_demand() {
    let mut harness = on_indicators(common::WINDOW);
    click_row(&mut harness, RD);
    let one = harness.state_mut().current_chart().series.len();
    let hidden = harness.state_mut().current_chart().other_sources.clone();
    assert!(!hidden.is_empty());
    harness.get_by_label(&format!("全部来源（+{}）", hidden.len())).click();
    harness.run();
    assert_eq!(harness.state_mut().current_chart().series.len(), one + hidden.len());
    for name in &hidden {
        harness.get_by_label(name);
    }
}

#[test]
fn in_english_the_chart_speaks_english() {
    let mut harness = on_indicators(common::WINDOW);
    click_row(&mut harness, RD);
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Plan target");
    harness.get_by_label("Straight path");
    harness.get_by_label("Target zone");
    let chart = harness.state_mut().current_chart().clone();
    assert!(chart.title.is_ascii(), "{}", chart.title);
}

#[test]
fn nothing_is_cut_off_at_1280_by_800_or_1024_by_768() {
    for size in [[1280.0, 800.0], [1024.0, 768.0]] {
        let mut harness = on_indicators(size);
        click_row(&mut harness, RD);
        // Every column of the indicator table, the last ones included, is inside the window.
        for header in ["进展", "出处"] {
            let rect = harness.get_all_by_label_contains(header).next().expect("a header").rect();
            assert!(rect.right() <= size[0], "{header} ends at {} in a {}-wide window", rect.right(), size[0]);
        }
        common::assert_top_bar_whole(&harness, size);
        // The chart keeps its last year.
        let chart = harness.state_mut().current_chart().clone();
        assert!(chart.x_axis.max >= 2022.0);
    }
}

#[test]
fn the_chart_shows_a_city_chosen_from_the_region_list() {
    let mut harness = on_indicators(common::WINDOW);
    click_row(&mut harness, RD);
    let app = harness.state();
    let enabled: Vec<_> = app.scenarios().iter().map(|l| l.scenario.as_ref()).collect();
    let regions =
        plan_explorer::model::chart::chart_regions(&["rd_intensity".to_string()], &enabled, &app.doc().plan.places);
    let city = regions.iter().find(|r| !["全区", "东部", "西部"].contains(&r.as_str())).expect("a 盟市").clone();
    harness.get_by_label("图表地区").click();
    harness.run();
    harness.get_by_label(&city).click();
    harness.run();
    let chart = harness.state_mut().current_chart().clone();
    assert!(chart.title.ends_with(&city), "{}", chart.title);
    // The plan's target is the whole region's: not drawn for a 盟市, and the chart says so.
    assert!(harness.query_by_label("规划目标").is_none());
    harness.get_by_label_contains("规划的基期值与目标为全区数值");
}

#[test]
fn a_loaded_scenarios_east_series_is_a_region_choice_and_its_chart() {
    let mut harness = on_indicators(common::WINDOW);
    click_row(&mut harness, RD);
    // Before: the shipped data have no 东部 series of R&D intensity.
    harness.get_by_label("图表地区").click();
    harness.run();
    assert!(harness.query_by_label("东部").is_none(), "东部 is offered only with data");
    harness.key_press(egui::Key::Escape);
    harness.run();
    common::drop_file(&mut harness, common::fixture("east_west.ron"));
    harness.get_by_label("图表地区").click();
    harness.run();
    harness.get_by_label("东部").click();
    harness.run();
    let chart = harness.state_mut().current_chart().clone();
    assert!(chart.title.ends_with("东部"), "{}", chart.title);
    // The file's 东部 projection is drawn with its two points.
    let series = chart.series.iter().find(|s| s.points.iter().any(|p| p.x == 2018.0 && p.y == 0.6));
    assert!(series.is_some_and(|s| s.points.len() == 2), "{:?}", chart.series);
}
