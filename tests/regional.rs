//! East and west on the real plan and the shipped statistics: a scenario's own 东部/西部
//! series, GDP per person with its formula, and east versus west over time with its break.

use plan_explorer::i18n::Lang;
use plan_explorer::model::Document;
use plan_explorer::model::Region;
use plan_explorer::model::chart::east_west::east_west_chart;
use plan_explorer::model::export::regional_table;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::regional::{Aggregation, gaps, over_time, stat_options, stat_table};
use plan_explorer::model::scenario::{Scenario, embedded_actuals, load_scenario_file};

mod test_scenario;
use test_scenario::test_scenario;

fn setup() -> (Document, Scenario, Scenario) {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/east_west.ron");
    let (scenario, _) = load_scenario_file(&path, &plan).expect("fixture");
    (Document::new(plan, "plan.ron"), actuals, scenario)
}

/// A value of the shipped statistics, read straight from the series.
fn shipped(s: &Scenario, indicator: &str, region: &str, year: u16) -> f64 {
    s.series_for(indicator, region)
        .flat_map(|s| &s.points)
        .find(|p| p.year == year)
        .map(|p| p.value)
        .unwrap_or_else(|| panic!("{indicator} {region} {year}"))
}

#[test]
fn a_scenarios_east_and_west_series_are_the_halves_when_their_leagues_are_unknown() {
    let (doc, actuals, scenario) = setup();
    let scenarios = [&actuals, &scenario];
    let t = stat_table(&doc, &scenarios, "gdp", "亿元", 2025);
    // No 盟市 but 赤峰 has a 2025 value: the halves are the scenario's own, marked projected.
    assert!(!t.east.complete());
    assert_eq!(t.half(Region::East), Some(7400.0));
    assert_eq!(t.half(Region::West), Some(17600.0));
    assert!(t.half_projected(Region::East) && t.half_projected(Region::West));
    // East + west − 全区 = 7400 + 17600 − 25500.
    assert_eq!(t.check(), Some(-500.0));
    let (e, w) = t.shares().expect("shares");
    assert!((e - 29.6).abs() < 1e-9 && (w - 70.4).abs() < 1e-9, "{e} {w}");
    // 赤峰's value names its scenario and is a projection.
    let chifeng = t.cities.iter().find(|c| c.city == "赤峰").expect("赤峰");
    assert_eq!(chifeng.value, Some(2300.0));
    assert!(chifeng.projected());
    assert_eq!(chifeng.from.scenario, "东西部情景");
    // An observed value names the shipped statistics instead, and is not a projection.
    let t2021 = stat_table(&doc, &scenarios, "gdp", "亿元", 2021);
    let baotou = t2021.cities.iter().find(|c| c.city == "包头").expect("包头");
    assert!(!baotou.projected());
    assert_eq!(baotou.from.scenario, actuals.name);
    // Halves the 盟市 already add up to: the sum, not the scenario's figure.
    assert!(t2021.east.complete());
    assert_eq!(t2021.half(Region::East), Some(t2021.east.sum));
    // The exported table carries the scenario and the projection mark, and the stated halves.
    let table = regional_table(&t, Lang::Zh);
    assert!(
        table.rows.iter().any(|r| r[0] == "赤峰" && r[2].contains("（预测）") && r[3] == "东西部情景"),
        "{:?}",
        table.rows
    );
    assert!(
        table.rows.iter().any(|r| r[0] == "东部" && r[2].starts_with("7400") && r[2].contains("预测")),
        "{:?}",
        table.rows
    );
}

#[test]
fn the_statistics_are_offered_widest_first_in_a_fixed_order_with_the_scenarios_years() {
    let (doc, actuals, scenario) = setup();
    let options = stat_options(&doc, &[&actuals, &scenario]);
    assert_eq!(options.first().map(|o| o.indicator.as_str()), Some("gdp"), "GDP is known for the most places");
    let gdp = &options[0];
    assert_eq!(gdp.years, [2014, 2015, 2016, 2017, 2019, 2020, 2021, 2024, 2025]);
    // Loading the same files in another order changes no position.
    let again = stat_options(&doc, &[&scenario, &actuals]);
    let ids =
        |o: &[plan_explorer::model::regional::StatOption]| o.iter().map(|o| o.indicator.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&options), ids(&again));
}

#[test]
fn gdp_per_person_is_gdp_over_the_census_population_and_the_halves_are_ratios_of_sums() {
    let (doc, actuals, _) = setup();
    let options = stat_options(&doc, &[&actuals]);
    let per_person = options.iter().find(|o| o.unit == "元/人").expect("GDP per person is offered");
    // Years where some 盟市 has both: 2017 and 2019 (year-end population, 万人) and 2020 (census).
    assert_eq!(per_person.years, [2017, 2019, 2020]);
    let t2017 = stat_table(&doc, &[&actuals], &per_person.indicator, &per_person.unit, 2017);
    let tongliao = t2017.cities.iter().find(|c| c.city == "通辽").and_then(|c| c.value).expect("通辽 2017");
    let expected = shipped(&actuals, "gdp", "通辽", 2017) * 1e8 / (shipped(&actuals, "population", "通辽", 2017) * 1e4);
    assert!((tongliao - expected).abs() < 1e-6, "{tongliao} vs {expected}");
    let t = stat_table(&doc, &[&actuals], &per_person.indicator, &per_person.unit, 2020);
    assert_eq!(t.aggregation, Aggregation::PerPerson);
    for city in ["包头", "鄂尔多斯", "兴安盟"] {
        let expected = shipped(&actuals, "gdp", city, 2020) * 1e8 / shipped(&actuals, "population_census", city, 2020);
        let got = t.cities.iter().find(|c| c.city == city).and_then(|c| c.value).expect(city);
        assert!((got - expected).abs() < 1e-6, "{city}: {got} vs {expected}");
        let note = &t.cities.iter().find(|c| c.city == city).expect(city).from.note;
        assert!(note.contains("亿元 ÷") && note.contains("元/人"), "the formula is shown: {note}");
    }
    // The east's figure is its GDP over its people, not a sum of the five ratios.
    let east: Vec<&str> = doc.plan.places.cities_in(Region::East).map(|c| c.name.as_str()).collect();
    let gdp: f64 = east.iter().map(|c| shipped(&actuals, "gdp", c, 2020)).sum();
    let people: f64 = east.iter().map(|c| shipped(&actuals, "population_census", c, 2020)).sum();
    let half = t.half(Region::East).expect("east complete");
    assert!((half - gdp * 1e8 / people).abs() < 1e-6, "{half}");
    // Ratios are not shares of a whole, and do not add up to 全区.
    assert_eq!(t.shares(), None);
    assert_eq!(t.check(), None);
}

#[test]
fn east_against_west_over_time_breaks_where_no_year_is_published() {
    let (doc, actuals, _) = setup();
    let options = stat_options(&doc, &[&actuals]);
    let gdp = options.iter().find(|o| o.indicator == "gdp").expect("gdp");
    let tables = over_time(&doc, &[&actuals], gdp);
    // The 盟市 GDP series cover 2014–2016 and 2019–2021 (2017 only for 通辽, so no half).
    assert_eq!(gaps(&tables), [(2017, 2018)]);
    let chart = east_west_chart(&tables, &gdp.name, Lang::Zh);
    let east = chart.series.iter().find(|s| s.name == "东部").expect("east series");
    let years: Vec<f64> = east.points.iter().map(|p| p.x).collect();
    assert_eq!(years, [2014.0, 2015.0, 2016.0, 2019.0, 2020.0, 2021.0]);
    // Each point is the sum of its five 盟市 that year.
    let sum2014: f64 = doc.plan.places.cities_in(Region::East).map(|c| shipped(&actuals, "gdp", &c.name, 2014)).sum();
    assert!((east.points[0].y - sum2014).abs() < 1e-6);
    // The line does not bridge 2016 → 2019, and the gap is labelled.
    let runs = chart.runs(east);
    assert_eq!(runs.iter().map(|r| r.len()).collect::<Vec<_>>(), [3, 3]);
    assert_eq!(chart.breaks.len(), 1);
    assert_eq!(chart.breaks[0].label, "2017–2018 无数据");
    assert!(chart.series.iter().any(|s| s.name == "西部"));
    assert_eq!(chart.y_axis.unit, "亿元");
}

#[test]
fn a_scenarios_projected_halves_are_drawn_dashed_after_the_observed_years() {
    let (doc, actuals, scenario) = setup();
    let scenarios = [&actuals, &scenario];
    let options = stat_options(&doc, &scenarios);
    let gdp = options.iter().find(|o| o.indicator == "gdp").expect("gdp");
    let chart = east_west_chart(&over_time(&doc, &scenarios, gdp), &gdp.name, Lang::Zh);
    let projected = chart.series.iter().find(|s| s.name == "东部（预测）").expect("projected east");
    assert_eq!(projected.points.iter().map(|p| p.x).collect::<Vec<_>>(), [2024.0, 2025.0]);
    assert_ne!(projected.style.line, chart.series.iter().find(|s| s.name == "东部").and_then(|s| s.style.line));
    assert!(projected.points[1].note.contains("东西部情景"), "{}", projected.points[1].note);
}

#[test]
fn every_place_that_is_a_county_is_pinned_in_its_league_and_areas_are_not() {
    use plan_explorer::model::map::pins;
    let (doc, _, _) = setup();
    let pins = pins(&doc);
    let mut names: Vec<(&str, &str, &str)> =
        pins.iter().map(|p| (p.place.as_str(), p.county.as_str(), p.city.as_str())).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            ("和林格尔", "和林格尔县", "呼和浩特"),
            ("满洲里", "满洲里市", "呼伦贝尔"),
            ("牙克石", "牙克石市", "呼伦贝尔"),
            ("白云鄂博", "白云鄂博矿区", "包头"),
            ("石拐", "石拐区", "包头"),
            ("鄂温克旗", "鄂温克族自治旗", "呼伦贝尔"),
            ("霍林郭勒", "霍林郭勒市", "通辽"),
        ]
    );
    // Each pin counts the paragraphs (not the box titles) naming it.
    use plan_explorer::model::NodeKind;
    let baiyun = pins.iter().find(|p| p.place == "白云鄂博").expect("白云鄂博");
    let prose = [NodeKind::Task, NodeKind::Item, NodeKind::Paragraph, NodeKind::Overview];
    let expected = doc.plan.nodes.iter().filter(|n| prose.contains(&n.kind) && n.text.contains("白云鄂博")).count();
    assert_eq!(baiyun.nodes.len(), expected);
}

/// Decks and `plan-explorer map --series` name the plan's counts by these ids, in any letter
/// case; the map's legend and slide titles name them in either language.
#[test]
fn plan_metrics_keep_the_ids_decks_and_the_command_line_use() {
    use plan_explorer::model::regional::PlanMetric;
    for (metric, id) in
        [(PlanMetric::Tasks, "tasks"), (PlanMetric::Boxes, "boxes"), (PlanMetric::Platforms, "platforms")]
    {
        assert_eq!(metric.id(), id);
        assert_eq!(PlanMetric::from_id(id), Some(metric));
        assert_eq!(PlanMetric::from_id(&id.to_uppercase()), Some(metric));
    }
    assert_eq!(PlanMetric::from_id("gdp"), None);
    assert_eq!(PlanMetric::Boxes.name_zh(), "专栏");
    assert_eq!(PlanMetric::Tasks.name_en(), "Tasks and items");
    let zh: Vec<&str> = PlanMetric::ALL.iter().map(|m| m.name_zh()).collect();
    let en: Vec<&str> = PlanMetric::ALL.iter().map(|m| m.name_en()).collect();
    assert_eq!(zh, ["任务与条目", "专栏", "平台（高新区、园区、孵化器、实验室等）"]);
    assert_eq!(en, ["Tasks and items", "Boxes", "Platforms (zones, parks, incubators, labs…)"]);
}

/// 专栏 17 names 包头 in its own text: it counts among 包头's boxes, never among its tasks
/// (a box is not a paragraph of prose).
#[test]
fn a_box_naming_a_league_counts_as_a_box_not_as_a_task() {
    use plan_explorer::model::regional::{PlanMetric, nodes_for};
    let (doc, _, _) = setup();
    let box17 = doc.plan.nodes.iter().position(|n| n.id == "box17").expect("专栏17");
    assert!(doc.plan.nodes[box17].cities.iter().any(|c| c == "包头"), "the box names 包头 itself");
    assert!(nodes_for(&doc, PlanMetric::Boxes, Some("包头"), None).contains(&box17));
    assert!(!nodes_for(&doc, PlanMetric::Tasks, Some("包头"), None).contains(&box17));
    assert!(!nodes_for(&doc, PlanMetric::Platforms, Some("包头"), None).contains(&box17));
}

/// The regional page's "by chapter" view: every task naming the east or the west is listed
/// under the chapter it sits in (found here by walking the plan's parent ids), each once,
/// chapters in the plan's order, none empty; chapter 16 (区域协同) has both halves.
#[test]
fn tasks_by_chapter_put_each_east_and_west_task_under_its_own_chapter() {
    use plan_explorer::model::NodeKind;
    use plan_explorer::model::regional::{PlanMetric, by_chapter, nodes_for};
    let (doc, _, _) = setup();
    let nodes = &doc.plan.nodes;
    let index: std::collections::HashMap<&str, usize> =
        nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let chapter_of = |mut i: usize| loop {
        if nodes[i].kind == NodeKind::Chapter {
            return Some(i);
        }
        i = *index.get(nodes[i].parent.as_deref()?)?;
    };
    let rows = by_chapter(&doc, PlanMetric::Tasks);
    let chapters: Vec<usize> = rows.iter().map(|r| r.0).collect();
    assert!(chapters.windows(2).all(|w| w[0] < w[1]), "in the plan's order");
    for (half, region) in [(1, Region::East), (2, Region::West)] {
        let all = nodes_for(&doc, PlanMetric::Tasks, None, Some(region));
        let mut listed = 0;
        for row in &rows {
            let list = if half == 1 { &row.1 } else { &row.2 };
            for &k in list {
                assert_eq!(chapter_of(k), Some(row.0), "{} under {}", nodes[k].id, nodes[row.0].id);
                assert!(all.contains(&k));
            }
            listed += list.len();
        }
        assert_eq!(listed, all.iter().filter(|&&k| chapter_of(k).is_some()).count(), "{region:?}: each once");
        assert!(listed > 0);
    }
    assert!(rows.iter().all(|r| !r.1.is_empty() || !r.2.is_empty()), "no empty chapter");
    let ch16 = index["ch16"];
    let row = rows.iter().find(|r| r.0 == ch16).expect("chapter 16 is listed");
    assert!(!row.1.is_empty() && !row.2.is_empty(), "both halves in 促进区域创新协调发展");
}

/// What each count of the regional page and the map lists for a 盟市: platforms are passages
/// of prose that name it *and* a platform; boxes are 专栏 whose text or items name it. Checked
/// on 包头, which the plan names with platforms (稀土高新区) and in a box.
#[test]
fn a_leagues_platforms_and_boxes_are_what_they_say() {
    use plan_explorer::model::NodeKind;
    use plan_explorer::model::regional::{PLATFORM_WORDS, PlanMetric, nodes_for};
    let (doc, _, _) = setup();
    let nodes = &doc.plan.nodes;
    let names_baotou = |i: usize| nodes[i].cities.iter().any(|c| c == "包头");
    let platforms = nodes_for(&doc, PlanMetric::Platforms, Some("包头"), None);
    assert!(!platforms.is_empty());
    for &i in &platforms {
        let n = &nodes[i];
        assert!(
            matches!(n.kind, NodeKind::Task | NodeKind::Item | NodeKind::Paragraph | NodeKind::Overview),
            "{}",
            n.id
        );
        assert!(names_baotou(i), "{} does not name 包头", n.id);
        assert!(PLATFORM_WORDS.iter().any(|w| n.text.contains(w)), "{} names no platform", n.id);
    }
    // Fewer than the passages naming 包头: not every one names a platform.
    let tasks = nodes_for(&doc, PlanMetric::Tasks, Some("包头"), None);
    assert!(platforms.len() < tasks.len(), "{} platforms of {} tasks", platforms.len(), tasks.len());
    let boxes = nodes_for(&doc, PlanMetric::Boxes, Some("包头"), None);
    assert!(!boxes.is_empty());
    for &i in &boxes {
        assert_eq!(nodes[i].kind, NodeKind::Box, "{} is no box", nodes[i].id);
    }
}

/// A total is complete only when every one of its 盟市 is known — and a total over no 盟市
/// at all is never complete (it would show 0 as if it were a sum).
#[test]
fn a_total_over_no_leagues_is_not_complete() {
    use plan_explorer::model::regional::Total;
    assert!(Total { sum: 5.0, known: 3, of: 3 }.complete());
    assert!(!Total { sum: 5.0, known: 2, of: 3 }.complete());
    assert!(!Total { sum: 0.0, known: 0, of: 0 }.complete());
}

/// East and west's shares of a sum: equal halves are 50 % each, and a half of zero is 0 %
/// beside 100 % (not "no shares").
#[test]
fn equal_halves_share_evenly_and_a_zero_half_has_no_share() {
    let (doc, actuals, scenario) = setup();
    let with_east = |value: f64| {
        let mut s = scenario.clone();
        for series in s.series.iter_mut().filter(|x| x.id == "gdp.east") {
            for p in series.points.iter_mut().filter(|p| p.year == 2025) {
                p.value = value;
            }
        }
        s
    };
    let even = with_east(17600.0);
    let t = stat_table(&doc, &[&actuals, &even], "gdp", "亿元", 2025);
    assert_eq!(t.shares(), Some((50.0, 50.0)));
    let none = with_east(0.0);
    let t = stat_table(&doc, &[&actuals, &none], "gdp", "亿元", 2025);
    assert_eq!(t.shares(), Some((0.0, 100.0)));
}

/// The year a statistic opens on is the latest of those with the most *distinct* places: a
/// 盟市 given by two series (two sources) in a year counts once.
#[test]
fn a_statistic_opens_on_the_year_with_the_most_places_each_counted_once() {
    let (doc, _, _) = setup();
    let s = test_scenario(
        &doc.plan,
        "测试",
        &[
            ("test_stat", "呼和浩特", "项", "Actual", &[(2015, 1.0), (2016, 2.0)]),
            ("test_stat", "呼和浩特", "项", "Actual", &[(2015, 1.5)]),
            ("test_stat", "包头", "项", "Actual", &[(2015, 3.0)]),
            ("test_stat", "乌海", "项", "Actual", &[(2016, 4.0)]),
            ("test_other", "呼和浩特", "项", "Actual", &[(2015, 1.0), (2016, 2.0)]),
            ("test_other", "包头", "项", "Actual", &[(2015, 3.0)]),
            ("test_other", "乌海", "项", "Actual", &[(2015, 4.0)]),
        ],
    );
    let options = stat_options(&doc, &[&s]);
    let ids: Vec<&str> = options.iter().map(|o| o.indicator.as_str()).collect();
    assert_eq!(ids, ["test_stat", "test_other"], "the statistic with more series first");
    // 2015: 呼和浩特 (twice) and 包头 = two places; 2016: 呼和浩特 and 乌海 = two: the later.
    assert_eq!(options[0].years, [2015, 2016]);
    assert_eq!(options[0].default_year, 2016);
    // Three places in 2015 against one in 2016: the earlier, fuller year.
    assert_eq!(options[1].years, [2015, 2016]);
    assert_eq!(options[1].default_year, 2015);
}

/// GDP per person from a scenario's own GDP and census population: the 1e8 of 亿元, a
/// projection in the population alone marking the value projected, no value for a 盟市 of
/// zero people, the 全区 figure, and a half's projection mark from its own 盟市 only.
#[test]
fn gdp_per_person_from_a_users_figures() {
    let (doc, _, _) = setup();
    let s = test_scenario(
        &doc.plan,
        "测试",
        &[
            ("gdp", "呼伦贝尔", "亿元", "Actual", &[(2030, 1000.0)]),
            ("gdp", "兴安盟", "亿元", "Actual", &[(2030, 500.0)]),
            ("gdp", "通辽", "亿元", "Actual", &[(2030, 1200.0)]),
            ("gdp", "赤峰", "亿元", "Actual", &[(2030, 2000.0)]),
            ("gdp", "锡林郭勒盟", "亿元", "Actual", &[(2030, 900.0)]),
            ("population_census", "呼伦贝尔", "人", "Actual", &[(2030, 2_000_000.0)]),
            ("population_census", "兴安盟", "人", "Actual", &[(2030, 1_600_000.0)]),
            ("population_census", "通辽", "人", "Actual", &[(2030, 3_000_000.0)]),
            ("population_census", "赤峰", "人", "Actual", &[(2030, 4_000_000.0)]),
            ("population_census", "锡林郭勒盟", "人", "Actual", &[(2030, 1_100_000.0)]),
            ("gdp", "呼和浩特", "亿元", "Actual", &[(2030, 3000.0)]),
            ("population_census", "呼和浩特", "人", "Projection", &[(2030, 4_000_000.0)]),
            ("gdp", "包头", "亿元", "Actual", &[(2030, 3500.0)]),
            ("population_census", "包头", "人", "Actual", &[(2030, 0.0)]),
            ("gdp", "全区", "亿元", "Actual", &[(2030, 20000.0)]),
            ("population_census", "全区", "人", "Actual", &[(2030, 24_000_000.0)]),
        ],
    );
    let options = stat_options(&doc, &[&s]);
    let per_person = options.iter().find(|o| o.unit == "元/人").expect("GDP per person is offered");
    assert_eq!(per_person.years, [2030]);
    let t = stat_table(&doc, &[&s], &per_person.indicator, &per_person.unit, 2030);
    let city = |name: &str| t.cities.iter().find(|c| c.city == name).expect(name);
    // 1000 亿元 ÷ 2,000,000 人 = 50,000 元/人.
    assert_eq!(city("呼伦贝尔").value, Some(50_000.0));
    assert!(!city("呼伦贝尔").projected());
    // 3000 亿元 ÷ 4,000,000 人 = 75,000 元/人, projected because its population is.
    assert_eq!(city("呼和浩特").value, Some(75_000.0));
    assert!(city("呼和浩特").projected(), "a projected population makes the value a projection");
    // No people, no per-person figure (not infinity).
    assert_eq!(city("包头").value, None);
    // The east: 5600 亿元 ÷ 11,700,000 人 = 47,863.25 元/人, not the mean of the five ratios.
    let east = t.half(Region::East).expect("all five eastern 盟市 known");
    assert!((east - 47_863.247_863).abs() < 1e-3, "{east}");
    // The west has a projected 盟市, which does not make the (observed) east a projection.
    assert!(!t.half_projected(Region::East));
    assert_eq!(t.half(Region::West), None);
    // 全区: 20000 亿元 ÷ 24,000,000 人 = 83,333.33 元/人.
    let (whole, formula) = t.whole.as_ref().expect("全区 has both");
    assert!((whole - 83_333.333_333).abs() < 1e-3, "{whole}");
    assert!(formula.contains("20000 亿元 ÷ 24000000 人"), "{formula}");
}

/// A year with one half known is not a gap: that half is drawn alone and the chart says so;
/// only a year with neither half is a break.
#[test]
fn a_year_with_one_half_known_is_drawn_not_a_break() {
    let (doc, _, _) = setup();
    let s = test_scenario(
        &doc.plan,
        "测试",
        &[
            ("gdp", "东部", "亿元", "Actual", &[(2030, 7000.0), (2031, 7100.0), (2032, 7200.0), (2034, 7400.0)]),
            ("gdp", "西部", "亿元", "Actual", &[(2030, 17000.0), (2032, 17200.0), (2034, 17400.0)]),
        ],
    );
    let options = stat_options(&doc, &[&s]);
    let gdp = options.iter().find(|o| o.indicator == "gdp").expect("gdp");
    let tables = over_time(&doc, &[&s], gdp);
    assert_eq!(gaps(&tables), [(2033, 2033)]);
    let chart = east_west_chart(&tables, &gdp.name, Lang::Zh);
    let east = chart.series.iter().find(|s| s.name == "东部").expect("east");
    assert_eq!(east.points.iter().map(|p| p.x).collect::<Vec<_>>(), [2030.0, 2031.0, 2032.0, 2034.0]);
    assert!(chart.notes.iter().any(|n| n.contains("只有一半已知")), "{:?}", chart.notes);
}

/// East against west drawn from two files, one per half: each point's note says it is the sum
/// of its own half's 盟市, that half's share, and the file its 盟市 came from; the chart is
/// titled for the statistic, its years are the data's, and with both halves known every year
/// there is nothing to excuse.
#[test]
fn each_halfs_point_names_its_own_leagues_share_and_file() {
    let (doc, _, _) = setup();
    let east = ["呼伦贝尔", "兴安盟", "通辽", "赤峰", "锡林郭勒盟"];
    let west = ["呼和浩特", "包头", "乌兰察布", "鄂尔多斯", "巴彦淖尔", "乌海", "阿拉善盟"];
    let half = |name: &str, cities: &[&'static str]| {
        let series: Vec<test_scenario::TestSeries<'static>> =
            cities.iter().map(|c| ("gdp", *c, "亿元", "Actual", &[(2030u16, 1000.0), (2031, 1100.0)][..])).collect();
        test_scenario(&doc.plan, name, &series)
    };
    let (e, w) = (half("东文件", &east), half("西文件", &west));
    let options = stat_options(&doc, &[&e, &w]);
    let gdp = options.iter().find(|o| o.indicator == "gdp").expect("gdp");
    let chart = east_west_chart(&over_time(&doc, &[&e, &w], gdp), &gdp.name, Lang::Zh);
    assert_eq!(chart.title, "地区生产总值：东部与西部");
    assert_eq!((chart.x_axis.min, chart.x_axis.max), (2030.0, 2031.0));
    assert!(chart.notes.is_empty(), "{:?}", chart.notes);
    let note = |name: &str| chart.series.iter().find(|s| s.name == name).expect(name).points[0].note.clone();
    // 5000 of 12000 is 41.7 %, 7000 is 58.3 %.
    assert_eq!(note("东部"), "5个盟市合计 · 占东西部合计 41.7%（东文件）");
    assert_eq!(note("西部"), "7个盟市合计 · 占东西部合计 58.3%（西文件）");
}
