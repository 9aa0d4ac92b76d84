//! What a chart shows, worked out by hand from the plan's own numbers: the plan's baseline and
//! target, the straight and constant-growth paths, the goal zone, the index, other targets,
//! and how scenarios' series are rebased and banded. The other chart tests check promises
//! over every chart; these pin the values.

use plan_explorer::model::chart::{Chart, ChartOptions, ChartSeries, Role, build_chart};
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::scenario::Scenario;
use plan_explorer::model::{Measure, Plan};

mod test_scenario;
use test_scenario::test_scenario;

fn chart_of(plan: &Plan, keys: &[&str], scenarios: &[&Scenario], options: ChartOptions) -> Chart {
    let measures = Measure::group(&plan.indicators);
    let chosen: Vec<&Measure<'_>> =
        keys.iter().map(|k| measures.iter().find(|m| m.key == *k).unwrap_or_else(|| panic!("{k}"))).collect();
    build_chart(&chosen, scenarios, plan.meta.baseline_year, options)
}

fn series<'a>(chart: &'a Chart, name: &str) -> &'a ChartSeries {
    chart
        .series
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no series {name}: {:?}", chart.series.iter().map(|s| &s.name).collect::<Vec<_>>()))
}

fn at(s: &ChartSeries, year: u16) -> f64 {
    s.points.iter().find(|p| p.x == f64::from(year)).map(|p| p.y).unwrap_or_else(|| panic!("{} {year}", s.name))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

const INDEX: ChartOptions =
    ChartOptions { index: true, log: false, all_sources: false, lang: plan_explorer::i18n::Lang::Zh, region: None };

/// R&D intensity: 0.76 % in 2015 to 2.2 % in 2020. The straight path adds 0.288 a year; the
/// constant-growth path grows (2.2 / 0.76)^(1/5) − 1 = 23.69 % a year; the goal zone is 2.2 %
/// and up (to 15 % above it) over 2015–2020.
#[test]
fn the_plans_baseline_target_paths_and_goal_zone() {
    let plan = embedded_plan().expect("plan");
    let chart = chart_of(&plan, &["rd_intensity"], &[], ChartOptions::default());
    let base = series(&chart, "规划基期值");
    assert_eq!(base.role, Role::Baseline);
    assert_eq!(base.points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>(), [(2015.0, 0.76)]);
    let target = series(&chart, "规划目标");
    assert_eq!(target.points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>(), [(2020.0, 2.2)]);
    let straight = series(&chart, "直线路径");
    assert_eq!(straight.points.len(), 6, "one point a year, 2015–2020");
    assert!(close(at(straight, 2017), 1.336), "{}", at(straight, 2017));
    let growth = series(&chart, "等速增长路径");
    assert!(close(at(growth, 2015), 0.76) && close(at(growth, 2020), 2.2));
    assert!(close(at(growth, 2017), 1.162_672_037), "{}", at(growth, 2017));
    assert!(growth.points[2].note.starts_with("年均增长 23.69 %"), "{}", growth.points[2].note);
    assert_eq!(chart.goals.len(), 1);
    assert_eq!(chart.goals[0].x, (2015.0, 2020.0));
    assert!(close(chart.goals[0].y.0, 2.2) && close(chart.goals[0].y.1, 2.53), "{:?}", chart.goals[0].y);
    assert!(chart.notes.is_empty(), "one measure in one unit needs no note: {:?}", chart.notes);
    assert_eq!(chart.y_axis.unit, "%");
}

/// A measure with no target has its baselines and nothing else of the plan's; one with no
/// baseline has no baseline series (and no path: there is nothing to start from).
#[test]
fn baselines_only_where_the_plan_gives_them() {
    let plan = embedded_plan().expect("plan");
    let expenditure = chart_of(&plan, &["rd_expenditure"], &[], ChartOptions::default());
    let base = series(&expenditure, "规划基期值");
    assert_eq!(base.points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>(), [(2010.0, 63.73), (2015.0, 136.06)]);
    assert!(base.points[0].note.starts_with("推算："), "a derived value says so: {}", base.points[0].note);
    assert!(expenditure.goals.is_empty());
    assert_eq!(expenditure.series.iter().map(|s| s.role).collect::<Vec<_>>(), [Role::Baseline]);
    let contracts = chart_of(&plan, &["tech_contract_value"], &[], ChartOptions::default());
    let roles: Vec<Role> = contracts.series.iter().map(|s| s.role).collect();
    assert_eq!(roles, [Role::Target]);
}

/// The goal zone follows the comparator: a range is its two bounds; a rank "within the top
/// 20" is 1–20 (lower is better); reaching a value is that value and above.
#[test]
fn the_goal_zone_follows_the_comparator() {
    let plan = embedded_plan().expect("plan");
    let zone = |key: &str| chart_of(&plan, &[key], &[], ChartOptions::default()).goals.first().map(|g| g.y);
    // No baseline and no scenario's 2015 value: nothing to start a path or a zone from…
    assert_eq!(zone("international_standards"), None);
    assert_eq!(zone("overall_st_rank"), None);
    let bare = chart_of(&plan, &["international_standards"], &[], ChartOptions::default());
    assert!(bare.series.iter().all(|s| s.role == Role::Target), "no path without a start");
    // …so they are given one by a scenario's 2015 value.
    let s = test_scenario(
        &plan,
        "基期",
        &[
            ("international_standards", "全区", "项", "Actual", &[(2015, 2.0)]),
            ("overall_st_rank", "全区", "位", "Actual", &[(2015, 25.0)]),
        ],
    );
    let zone = |key: &str| chart_of(&plan, &[key], &[&s], ChartOptions::default()).goals.first().map(|g| g.y);
    assert_eq!(zone("international_standards"), Some((5.0, 7.0)));
    assert_eq!(zone("overall_st_rank"), Some((1.0, 20.0)));
    assert_eq!(zone("tech_contract_value"), None, "no 2015 value of its own");
}

/// In index mode the plan's values are divided by the plan's own base-year value (not by an
/// earlier baseline): 2.2 / 0.76 × 100 = 289.47; R&D spending 2010 = 63.73 / 136.06 × 100.
#[test]
fn the_index_divides_by_the_base_years_value() {
    let plan = embedded_plan().expect("plan");
    let chart = chart_of(&plan, &["rd_intensity"], &[], INDEX);
    assert!(close(at(series(&chart, "规划目标"), 2020), 289.473_684_21));
    assert!(close(at(series(&chart, "规划基期值"), 2015), 100.0));
    assert_eq!(chart.y_axis.unit, "2015 = 100");
    let spending = chart_of(&plan, &["rd_expenditure"], &[], INDEX);
    let base = series(&spending, "规划基期值");
    assert!(close(at(base, 2010), 46.839_629_575), "{}", at(base, 2010));
    assert!(close(at(base, 2015), 100.0));
}

/// Two measures in different units are compared as an index, and the chart says so; in
/// index mode already, nothing needs saying; one unit, no note.
#[test]
fn different_units_are_compared_as_an_index_and_the_chart_says_so() {
    let plan = embedded_plan().expect("plan");
    let mixed = chart_of(&plan, &["rd_intensity", "rd_expenditure"], &[], ChartOptions::default());
    assert_eq!(mixed.notes, ["单位不同，已换算为指数（2015=100）后比较"]);
    assert_eq!(mixed.y_axis.unit, "2015 = 100");
    let asked = chart_of(&plan, &["rd_intensity", "rd_expenditure"], &[], INDEX);
    assert!(asked.notes.is_empty(), "{:?}", asked.notes);
    let same = chart_of(&plan, &["rd_intensity", "st_progress_contribution"], &[], ChartOptions::default());
    assert!(same.notes.is_empty(), "{:?}", same.notes);
    assert_eq!(same.y_axis.unit, "%");
}

/// A measure stated with two targets shows the second where it differs (150 个 in chapter 17
/// against 100 家 in chapter 9), and not where it repeats the first (3.0 件 twice).
#[test]
fn a_second_target_is_shown_only_where_it_differs() {
    let plan = embedded_plan().expect("plan");
    let workstations = chart_of(&plan, &["academician_workstations"], &[], ChartOptions::default());
    let targets: Vec<(&str, f64)> = workstations
        .series
        .iter()
        .filter(|s| s.role == Role::Target)
        .map(|s| (s.name.as_str(), s.points[0].y))
        .collect();
    assert_eq!(targets, [("规划目标", 100.0), ("规划另处目标（ch17.s3.1）", 150.0)]);
    let patents = chart_of(&plan, &["invention_patents_per_10k"], &[], ChartOptions::default());
    assert_eq!(patents.series.iter().filter(|s| s.role == Role::Target).count(), 1);
}

/// Without a plan value in the base year, a zero base cannot make an index: the chart says
/// so instead of dividing by zero. A scenario's series is rebased on its own nearest non-zero
/// value, the later one on a tie, and its name says which year is 100.
#[test]
fn a_series_is_rebased_on_its_own_nearest_non_zero_value() {
    let plan = embedded_plan().expect("plan");
    let zero = test_scenario(
        &plan,
        "零基数",
        &[("tech_contract_value", "全区", "亿元", "Actual", &[(2015, 0.0), (2016, 50.0), (2017, 100.0)])],
    );
    let chart = chart_of(&plan, &["tech_contract_value"], &[&zero], INDEX);
    assert!(chart.notes.iter().any(|n| n.contains("无2015年基数")), "{:?}", chart.notes);
    assert!(chart.series.iter().all(|s| s.role != Role::Target), "the plan's target is not drawn");
    let actual = series(&chart, "零基数 · 测试0（2016=100）");
    assert_eq!(at(actual, 2017), 200.0);

    let around = test_scenario(
        &plan,
        "前后",
        &[
            ("rd_intensity", "全区", "%", "Projection", &[(2014, 0.5), (2016, 0.8), (2019, 1.6)]),
            ("rd_intensity", "全区", "%", "Projection", &[(2013, 0.5), (2018, 1.0)]),
            ("rd_intensity", "全区", "%", "Projection", &[(2017, 1.0), (2014, 0.5)]),
        ],
    );
    let chart = chart_of(&plan, &["rd_intensity"], &[&around], INDEX);
    // 2014 and 2016 are each a year away: the later wins.
    assert_eq!(at(series(&chart, "前后 · 测试0（2016=100）"), 2019), 200.0);
    // Two years before beats three after.
    assert_eq!(at(series(&chart, "前后 · 测试1（2013=100）"), 2018), 200.0);
    // One year before beats two after, whatever the order of the points.
    assert_eq!(at(series(&chart, "前后 · 测试2（2014=100）"), 2017), 200.0);
}

/// The range between scenarios runs over each scenario's main series — its first that is not
/// a target — for the years two or more cover.
#[test]
fn the_scenario_range_spans_each_scenarios_main_series() {
    let plan = embedded_plan().expect("plan");
    let low = test_scenario(
        &plan,
        "低",
        &[
            ("rd_intensity", "全区", "%", "Target", &[(2020, 9.0)]),
            ("rd_intensity", "全区", "%", "Projection", &[(2018, 1.0), (2019, 1.2), (2020, 1.4)]),
        ],
    );
    let high = test_scenario(
        &plan,
        "高",
        &[("rd_intensity", "全区", "%", "Projection", &[(2019, 2.0), (2020, 2.4), (2021, 2.8)])],
    );
    let chart = chart_of(&plan, &["rd_intensity"], &[&low, &high], ChartOptions::default());
    assert_eq!(chart.bands.len(), 1);
    assert_eq!(chart.bands[0].points, [(2019.0, 1.2, 2.0), (2020.0, 1.4, 2.4)]);
}

/// In index mode the range is drawn over the rebased values: each scenario divided by its own
/// base, so two scenarios starting from different levels both start at 100.
#[test]
fn the_scenario_range_in_index_mode_is_over_rebased_values() {
    let plan = embedded_plan().expect("plan");
    let low = test_scenario(&plan, "低", &[("rd_intensity", "全区", "%", "Projection", &[(2015, 1.0), (2016, 1.5)])]);
    let high = test_scenario(&plan, "高", &[("rd_intensity", "全区", "%", "Projection", &[(2015, 2.0), (2016, 2.0)])]);
    let chart = chart_of(&plan, &["rd_intensity"], &[&low, &high], INDEX);
    assert_eq!(chart.bands[0].points, [(2015.0, 100.0, 100.0), (2016.0, 100.0, 150.0)]);
}

/// The actual values shown are those the final evaluation judges by: the first whole-region
/// actual series *with a value in the target year*, even when an earlier one lacks it; the
/// earlier one is listed among the other sources, not drawn.
#[test]
fn the_actual_shown_is_the_first_with_a_value_in_the_target_year() {
    let plan = embedded_plan().expect("plan");
    let s = test_scenario(
        &plan,
        "来源",
        &[
            ("rd_intensity", "全区", "%", "Actual", &[(2016, 0.8), (2019, 1.0)]),
            ("rd_intensity", "全区", "%", "Actual", &[(2016, 0.79), (2020, 1.1)]),
            ("rd_intensity", "全区", "%", "Projection", &[(2019, 1.0), (2020, 1.2)]),
        ],
    );
    let chart = chart_of(&plan, &["rd_intensity"], &[&s], ChartOptions::default());
    let shown: Vec<&str> = chart.series.iter().filter(|s| s.role == Role::Actual).map(|s| s.name.as_str()).collect();
    assert_eq!(shown, ["来源 · 测试1"]);
    assert_eq!(chart.other_sources, ["来源 · 测试0"]);
    assert_eq!(chart.preferred.len(), 1);
    assert!(chart.preferred[0].contains("“来源 · 测试1”"), "{:?}", chart.preferred);
    // A projection is not an actual value: always drawn, never among the other sources.
    assert_eq!(series(&chart, "来源 · 测试2").role, Role::Projection);
    // Asked for every source, the other comes back lighter and thinner; the judged one does not.
    let all = chart_of(&plan, &["rd_intensity"], &[&s], ChartOptions { all_sources: true, ..ChartOptions::default() });
    let (judged, other) = (series(&all, "来源 · 测试1").style, series(&all, "来源 · 测试0").style);
    assert!(!judged.muted && judged.width == 2.5, "{judged:?}");
    assert!(other.muted && other.width == 1.5, "{other:?}");
}

/// Three scenarios whose series carry the same label are told apart by their scenarios'
/// names, never by a number, and their projections by colour while each keeps the
/// projection's dash and marker.
#[test]
fn same_labels_are_named_by_their_scenarios_and_projections_differ_by_colour() {
    let plan = embedded_plan().expect("plan");
    // Each in its own colour slot, as the session gives one to every scenario it loads.
    let owned: Vec<Scenario> = ["甲", "乙", "丙"]
        .into_iter()
        .enumerate()
        .map(|(slot, name)| Scenario {
            colour_slot: slot,
            ..test_scenario(&plan, name, &[("rd_intensity", "全区", "%", "Projection", &[(2019, 1.0), (2020, 1.2)])])
        })
        .collect();
    let scenarios: Vec<&Scenario> = owned.iter().collect();
    let chart = chart_of(&plan, &["rd_intensity"], &scenarios, ChartOptions::default());
    let projections: Vec<&ChartSeries> = chart.series.iter().filter(|s| s.role == Role::Projection).collect();
    let names: Vec<&str> = projections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["甲 · 测试0", "乙 · 测试0", "丙 · 测试0"]);
    let first = projections[0].style;
    for s in &projections[1..] {
        assert_eq!((s.style.line, s.style.marker), (first.line, first.marker), "{}", s.name);
    }
    let mut colours: Vec<_> = projections.iter().map(|s| format!("{:?}", s.style.colour)).collect();
    colours.sort();
    colours.dedup();
    assert_eq!(colours.len(), 3, "{colours:?}");
}

/// On a log scale, zero and negative values cannot be drawn and the chart says so; with only
/// positive values it says nothing.
#[test]
fn a_log_scale_says_when_it_leaves_out_zero() {
    let plan = embedded_plan().expect("plan");
    let log = ChartOptions { log: true, ..ChartOptions::default() };
    let with_zero = test_scenario(&plan, "零", &[("rd_intensity", "全区", "%", "Actual", &[(2016, 0.0), (2017, 1.0)])]);
    let chart = chart_of(&plan, &["rd_intensity"], &[&with_zero], log.clone());
    assert_eq!(chart.notes, ["零和负值不能在对数刻度上显示，已略去"]);
    let positive = chart_of(&plan, &["rd_intensity"], &[], log);
    assert!(positive.notes.is_empty(), "{:?}", positive.notes);
}

/// The year axis spans at least 2010–2020 (the twelfth and thirteenth plans' years) with every
/// year labelled, even for a plan-only chart of 2015–2020.
#[test]
fn the_year_axis_spans_at_least_2010_to_2020() {
    let plan = embedded_plan().expect("plan");
    let chart = chart_of(&plan, &["rd_intensity"], &[], ChartOptions::default());
    assert_eq!((chart.x_axis.min, chart.x_axis.max), (2010.0, 2020.0));
    assert_eq!(chart.x_axis.ticks, (2010..=2020).map(f64::from).collect::<Vec<_>>());
}

/// The legend names the shaded areas it shows — the goal zone and the scenario range — and
/// only those.
#[test]
fn the_legend_names_the_shaded_areas_shown() {
    let plan = embedded_plan().expect("plan");
    let areas = |chart: &Chart| -> Vec<String> {
        chart
            .legend
            .iter()
            .filter(|e| matches!(e.swatch, plan_explorer::model::chart::Swatch::Area(_)))
            .map(|e| e.label.clone())
            .collect()
    };
    let plain = chart_of(&plan, &["rd_intensity"], &[], ChartOptions::default());
    assert_eq!(areas(&plain), ["达标区间"]);
    let low = test_scenario(&plan, "低", &[("rd_intensity", "全区", "%", "Projection", &[(2019, 1.0), (2020, 1.2)])]);
    let high = test_scenario(&plan, "高", &[("rd_intensity", "全区", "%", "Projection", &[(2019, 2.0), (2020, 2.4)])]);
    let banded = chart_of(&plan, &["rd_intensity"], &[&low, &high], ChartOptions::default());
    assert_eq!(areas(&banded), ["达标区间", "情景区间"]);
    let bare = chart_of(&plan, &["rd_expenditure"], &[], ChartOptions::default());
    assert!(areas(&bare).is_empty());
}

/// A note in a year off the axis widens the axis to it and relabels the years; one inside
/// leaves the axis as it was.
#[test]
fn an_annotation_off_the_axis_widens_it() {
    let plan = embedded_plan().expect("plan");
    let chart = chart_of(&plan, &["rd_intensity"], &[], ChartOptions::default());
    let inside = chart.clone().with_annotations([(2018, "中期评估".to_string())]);
    assert_eq!(inside.x_axis, chart.x_axis);
    let outside = chart.with_annotations([(2025, "十四五".to_string())]);
    assert_eq!((outside.x_axis.min, outside.x_axis.max), (2010.0, 2025.0));
    assert_eq!(outside.x_axis.ticks, (2010..=2024).step_by(2).map(f64::from).collect::<Vec<_>>());
}

/// A chart with nothing but the plan's target point has no context to show (it is better a
/// line of a table); anything else — a baseline, a path, a series — is context.
#[test]
fn a_lone_target_is_not_context() {
    let plan = embedded_plan().expect("plan");
    assert!(!chart_of(&plan, &["tech_contract_value"], &[], ChartOptions::default()).has_context());
    assert!(chart_of(&plan, &["rd_intensity"], &[], ChartOptions::default()).has_context());
    assert!(chart_of(&plan, &["rd_expenditure"], &[], ChartOptions::default()).has_context());
    let s = test_scenario(&plan, "合同", &[("tech_contract_value", "全区", "亿元", "Projection", &[(2019, 250.0)])]);
    assert!(chart_of(&plan, &["tech_contract_value"], &[&s], ChartOptions::default()).has_context());
}

/// A point's hover note is where its value was read: the point's own source (else the
/// series'), then the quote in “”. A point without a quote gets no empty “”.
#[test]
fn a_points_note_carries_its_source_and_quote() {
    let plan = embedded_plan().expect("plan");
    let actuals = plan_explorer::model::scenario::embedded_actuals(&plan).expect("actuals");
    let chart = chart_of(&plan, &["rd_intensity"], &[&actuals], ChartOptions::default());
    let quoted = actuals
        .actual_series("rd_intensity")
        .flat_map(|s| s.points.iter())
        .find(|p| !p.quote.is_empty())
        .expect("the statistics quote their sources");
    let shown = chart
        .series
        .iter()
        .filter(|s| s.role == Role::Actual)
        .flat_map(|s| &s.points)
        .find(|p| p.x == f64::from(quoted.year));
    let note = &shown.expect("the quoted year is drawn").note;
    assert!(note.contains(&format!("“{}”", quoted.quote)), "{note}");
    let s = test_scenario(&plan, "无引文", &[("rd_intensity", "全区", "%", "Projection", &[(2019, 1.0)])]);
    let chart = chart_of(&plan, &["rd_intensity"], &[&s], ChartOptions::default());
    assert_eq!(series(&chart, "无引文 · 测试0").points[0].note, "test data");
}

/// A series is named by its scenario: a table's series without a label of its own (its
/// variable's name) by the scenario alone, a label of its own after the scenario's name; two
/// series of one scenario that would share a name are told apart by their source, never by a
/// bare number. The shipped actual values keep their own labels.
#[test]
fn a_series_is_named_by_its_scenario_and_never_by_a_bare_number() {
    let plan = embedded_plan().expect("plan");
    let mut s = test_scenario(
        &plan,
        "高投入",
        &[
            ("rd_intensity", "全区", "%", "Projection", &[(2019, 1.0), (2020, 1.2)]),
            ("rd_intensity", "全区", "%", "Projection", &[(2019, 1.1), (2020, 1.3)]),
            ("rd_intensity", "全区", "%", "Target", &[(2020, 2.0)]),
        ],
    );
    s.series[0].label = "研发经费占GDP比重（R&D/GDP）".into();
    s.series[1].label = "研发经费占GDP比重（R&D/GDP）".into();
    s.series[1].source = "模型乙".into();
    s.series[2].label = "rd_intensity".into();
    let actuals = plan_explorer::model::scenario::embedded_actuals(&plan).expect("actuals");
    let chart = chart_of(&plan, &["rd_intensity"], &[&actuals, &s], ChartOptions::default());
    let names: Vec<&str> =
        chart.series.iter().filter(|c| c.role == Role::Projection).map(|c| c.name.as_str()).collect();
    assert_eq!(names[0], "高投入", "the variable's name is not a label of its own");
    assert_eq!(names[1], "高投入 · 模型乙", "told apart by its source");
    assert!(names.iter().all(|n| !n.contains("(2)")), "{names:?}");
    let alt = chart.series.iter().find(|c| c.role == Role::AltTarget).expect("the scenario's target");
    assert!(alt.name.starts_with("高投入"), "{}", alt.name);
    let actual = chart.series.iter().find(|c| c.role == Role::Actual).expect("the actual values");
    assert!(!actual.name.contains("实际值 2010–2023"), "the shipped values keep their own label: {}", actual.name);
    let unique: std::collections::HashSet<&str> = chart.series.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(unique.len(), chart.series.len(), "no two series share a name");
}

/// Invention patents per 10,000 people are known for 2010–2011, 2017 and 2020–2021 (the
/// shipped actual values): the line joins neighbouring years only, never 2011 to 2017, and the
/// chart says where it breaks. A projection's line, whose years are the modeller's, is whole.
#[test]
fn an_actual_line_breaks_across_years_without_a_value() {
    let plan = embedded_plan().expect("plan");
    let actuals = plan_explorer::model::scenario::embedded_actuals(&plan).expect("actuals");
    // In a colour slot of its own, as the session gives every scenario it loads.
    let projection = Scenario {
        colour_slot: 1,
        ..test_scenario(
            &plan,
            "五年一值",
            &[("invention_patents_per_10k", "全区", "件", "Projection", &[(2015, 1.2), (2020, 3.0)])],
        )
    };
    let chart = chart_of(&plan, &["invention_patents_per_10k"], &[&actuals, &projection], ChartOptions::default());
    let actual = chart.series.iter().find(|s| s.role == Role::Actual && !s.style.muted).expect("actual series");
    let years = |run: &[plan_explorer::model::chart::ChartPoint]| run.iter().map(|p| p.x as u16).collect::<Vec<_>>();
    let runs: Vec<Vec<u16>> = chart.runs(actual).into_iter().map(years).collect();
    assert_eq!(runs, [vec![2010, 2011], vec![2017], vec![2020, 2021]]);
    let note = format!("{}：2012–2016、2018–2019年无数值，折线在此断开", actual.name);
    assert!(chart.notes.contains(&note), "{:?}", chart.notes);
    let projected = chart.series.iter().find(|s| s.role == Role::Projection).expect("projection");
    assert_eq!(chart.runs(projected).len(), 1, "a projection's line is whole");

    // The SVG draws the two runs of more than one point, and no line across the gap.
    let svg = plan_explorer::model::chart::svg::chart_svg(
        &chart,
        &plan_explorer::model::chart::svg::SvgOptions::new(1200.0, 700.0),
    );
    let colour = actual.style.colour.hex(false);
    let lines =
        svg.lines().filter(|l| l.starts_with("<polyline") && l.contains(&format!("stroke=\"{colour}\""))).count();
    assert_eq!(lines, 2, "{svg}");
}
