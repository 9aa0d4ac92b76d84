//! Every chart the app can build, from the real plan and every shipped scenario: plain, as an
//! index, on a log scale, with one or all sources, and compared in pairs. Each chart's spec
//! must hold what a reader relies on: no two legend entries alike, swatches that match their
//! series, index 100 at each series' base year, one unit per axis, a legend outside the data,
//! ticks on 1-2-5 steps and every point inside the axes.

use plan_explorer::model::Measure;
use plan_explorer::model::chart::axis::{Scale, is_nice_step};
use plan_explorer::model::chart::svg::{SvgOptions, chart_svg, layout_titled};
use plan_explorer::model::chart::{Chart, ChartOptions, Role, Swatch, build_chart};
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::scenario::{Scenario, embedded_actuals, load_scenario_file};
use plan_explorer::model::{Plan, chart::style::Style};

fn shipped_scenarios(plan: &Plan) -> Vec<Scenario> {
    let mut scenarios = vec![embedded_actuals(plan).expect("actuals")];
    for name in ["national-13th-fyp.ron", "trend.ron"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name);
        scenarios.push(load_scenario_file(&path, plan).unwrap_or_else(|e| panic!("{name}: {e:?}")).0);
    }
    scenarios
}

fn every_option() -> Vec<ChartOptions> {
    let mut all = Vec::new();
    for index in [false, true] {
        for log in [false, true] {
            for all_sources in [false, true] {
                for lang in plan_explorer::i18n::Lang::ALL {
                    for region in [None, Some("东部"), Some("呼和浩特")] {
                        let region = region.map(String::from);
                        all.push(ChartOptions { index, log, all_sources, lang, region });
                    }
                }
            }
        }
    }
    all
}

/// Every chart: each measure alone and each neighbouring pair compared, under every option.
fn every_chart(plan: &Plan, scenarios: &[&Scenario], mut check: impl FnMut(&str, &Chart, &ChartOptions)) -> usize {
    let measures = Measure::group(&plan.indicators);
    let mut count = 0;
    for options in every_option() {
        for (k, m) in measures.iter().enumerate() {
            let chart = build_chart(&[m], scenarios, plan.meta.baseline_year, options.clone());
            check(m.key, &chart, &options);
            if let Some(next) = measures.get(k + 1) {
                let pair = build_chart(&[m, next], scenarios, plan.meta.baseline_year, options.clone());
                check(&format!("{} + {}", m.key, next.key), &pair, &options);
                count += 1;
            }
            count += 1;
        }
    }
    count
}

#[test]
fn every_chart_holds_its_promises_to_the_reader() {
    let plan = embedded_plan().expect("plan");
    let owned = shipped_scenarios(&plan);
    let scenarios: Vec<&Scenario> = owned.iter().collect();
    let count = every_chart(&plan, &scenarios, |what, chart, options| {
        // No two legend entries look alike.
        let looks: Vec<_> = chart
            .legend
            .iter()
            .filter_map(|e| match &e.swatch {
                Swatch::Series(s) => Some(s.look()),
                Swatch::Area(_) => None,
            })
            .collect();
        for (i, look) in looks.iter().enumerate() {
            assert!(!looks[..i].contains(look), "{what} {options:?}: two legend entries look alike: {look:?}");
        }
        // Every series has an entry whose swatch is exactly its style.
        for s in &chart.series {
            let entry = chart.legend.iter().find(|e| e.label == s.name);
            assert_eq!(
                entry.map(|e| &e.swatch),
                Some(&Swatch::Series(s.style)),
                "{what} {options:?}: the swatch of {} is not its style",
                s.name
            );
        }
        // One unit per axis: an index when compared across units, else the measure's unit.
        if options.index {
            assert!(chart.y_axis.unit.ends_with("= 100"), "{what}: {}", chart.y_axis.unit);
        }
        // The legend sits outside the data area at every size a chart is drawn.
        for (w, h) in [(960.0, 460.0), (1920.0, 1080.0), (794.0, 380.0), (600.0, 300.0)] {
            let l = layout_titled(chart, w, h, w > 900.0);
            assert!(!l.legend.intersects(&l.plot), "{what} {options:?} at {w}×{h}: legend over the data");
            assert!(l.legend.right() <= w + 1e-6, "{what}: legend cut off at {w}");
        }
        // Ticks: 1-2-5 steps on a linear axis, 1/2/5 × 10ᵏ on a log axis.
        let ticks = &chart.y_axis.ticks;
        assert!(ticks.len() >= 2, "{what} {options:?}: {ticks:?}");
        match chart.y_axis.scale {
            Scale::Linear => {
                let step = ticks[1] - ticks[0];
                assert!(is_nice_step(step), "{what} {options:?}: step {step}");
                assert!(ticks.windows(2).all(|w| ((w[1] - w[0]) - step).abs() < step * 1e-6), "{what}: {ticks:?}");
            }
            Scale::Log => assert!(ticks.iter().all(|&t| is_nice_step(t)), "{what} {options:?}: {ticks:?}"),
        }
        // Every point lies inside the axes (nothing is cut off by the frame).
        for s in &chart.series {
            for p in &s.points {
                let shown = chart.y_axis.scale == Scale::Linear || p.y > 0.0;
                if shown {
                    assert!(
                        p.y >= chart.y_axis.min - 1e-9 && p.y <= chart.y_axis.max + 1e-9,
                        "{what} {options:?}: {} {} = {} outside {}–{}",
                        s.name,
                        p.x,
                        p.y,
                        chart.y_axis.min,
                        chart.y_axis.max
                    );
                }
                assert!(p.x >= chart.x_axis.min && p.x <= chart.x_axis.max, "{what}: year {} off the axis", p.x);
            }
        }
    });
    assert!(count > 400, "{count} charts checked");
}

#[test]
fn index_mode_rebases_every_series_on_its_own_base_year_value() {
    let plan = embedded_plan().expect("plan");
    let owned = shipped_scenarios(&plan);
    let scenarios: Vec<&Scenario> = owned.iter().collect();
    let base = plan.meta.baseline_year;
    let mut checked = 0;
    every_chart(&plan, &scenarios, |what, chart, options| {
        if !options.index {
            return;
        }
        for s in chart.series.iter().filter(|s| matches!(s.role, Role::Actual | Role::Projection)) {
            // Rebased on its own 2015 value, or on the year its name gives.
            let year = s
                .name
                .rsplit_once('（')
                .and_then(|(_, tail)| tail.split_once("=100）").map(|(y, _)| y))
                .and_then(|y| y.parse::<f64>().ok())
                .unwrap_or(f64::from(base));
            let at = s.points.iter().find(|p| p.x == year).unwrap_or_else(|| panic!("{what} {}: no {year}", s.name));
            assert!((at.y - 100.0).abs() < 1e-9, "{what} · {}: {} in {year}", s.name, at.y);
            checked += 1;
        }
    });
    assert!(checked >= 100, "{checked} series checked");
}

#[test]
fn technology_contracts_bought_are_not_divided_by_contracts_sold() {
    // The inflow series (contracts bought by the region) once showed 1225.7 in 2015 because it
    // was divided by the outflow series' 2015 value.
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let m = Measure::group(&plan.indicators).into_iter().find(|m| m.key == "tech_contract_value").unwrap();
    let options = ChartOptions { index: true, all_sources: true, ..ChartOptions::default() };
    let chart = build_chart(&[&m], &[&actuals], 2015, options);
    let inflow = chart.series.iter().find(|s| s.name.contains("吸纳")).expect("inflow series");
    let y2015 = inflow.points.iter().find(|p| p.x == 2015.0).expect("2015").y;
    assert!((y2015 - 100.0).abs() < 1e-9, "{y2015}");
}

#[test]
fn measures_in_different_units_never_share_one_axis() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let find = |k: &str| groups.iter().find(|m| m.key == k).unwrap();
    let (percent, count) = (find("rd_intensity"), find("invention_patents_per_10k"));
    // % and 件 compared: drawn as an index, and the chart says why.
    let chart = build_chart(&[percent, count], &[&actuals], 2015, ChartOptions::default());
    assert_eq!(chart.y_axis.unit, "2015 = 100");
    assert!(chart.notes.iter().any(|n| n.contains("单位不同")), "{:?}", chart.notes);
    // One measure keeps its own unit.
    assert_eq!(build_chart(&[percent], &[&actuals], 2015, ChartOptions::default()).y_axis.unit, "%");
}

#[test]
fn a_measure_with_many_sources_shows_the_one_the_evaluation_judges_by() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let rd = groups.iter().find(|m| m.key == "rd_intensity").unwrap();
    let one = build_chart(&[rd], &[&actuals], 2015, ChartOptions::default());
    let actual_series: Vec<_> = one.series.iter().filter(|s| s.role == Role::Actual).collect();
    assert_eq!(actual_series.len(), 1, "{:?}", actual_series.iter().map(|s| &s.name).collect::<Vec<_>>());
    assert!(!one.other_sources.is_empty(), "the other sources are listed, not lost");
    // The choice and its reason are part of the spec.
    assert!(
        one.preferred.iter().any(|p| p.contains(&actual_series[0].name) && p.contains("终期评估")),
        "{:?}",
        one.preferred
    );
    let all = build_chart(&[rd], &[&actuals], 2015, ChartOptions { all_sources: true, ..ChartOptions::default() });
    let shown: Vec<&Style> = all.series.iter().filter(|s| s.role == Role::Actual).map(|s| &s.style).collect();
    assert_eq!(shown.len(), 1 + one.other_sources.len());
    // On demand the others come back, de-emphasised; the preferred one stays in full strength.
    assert!(!shown[0].muted && shown[1..].iter().all(|s| s.muted));
}

#[test]
fn a_log_scale_spans_1_2_5_steps_and_says_so_on_its_axis() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let m = groups.iter().find(|m| m.key == "tech_contract_value").unwrap();
    let chart = build_chart(&[m], &[&actuals], 2015, ChartOptions { log: true, ..ChartOptions::default() });
    assert_eq!(chart.y_axis.scale, Scale::Log);
    assert!(chart.y_axis.min > 0.0 && is_nice_step(chart.y_axis.min), "{}", chart.y_axis.min);
    let svg = chart_svg(&chart, &SvgOptions::new(960.0, 460.0));
    assert!(svg.contains("对数刻度"), "the axis says it is logarithmic");
}

#[test]
fn in_english_the_chart_writes_no_chinese_of_its_own() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let rd = groups.iter().find(|m| m.key == "rd_intensity").unwrap();
    let chart = build_chart(
        &[rd],
        &[&actuals],
        2015,
        ChartOptions { lang: plan_explorer::i18n::Lang::En, ..ChartOptions::default() },
    );
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(!han(&chart.title), "{}", chart.title);
    assert!(!han(&chart.y_axis.unit) && !han(&chart.x_axis.unit));
    // The plan's own legend words are translated; a source's own label is its own name.
    for s in chart.series.iter().filter(|s| !matches!(s.role, Role::Actual | Role::Projection | Role::AltTarget)) {
        assert!(!han(&s.name), "{}", s.name);
    }
    for e in chart.legend.iter().filter(|e| matches!(e.swatch, Swatch::Area(_))) {
        assert!(!han(&e.label), "{}", e.label);
    }
}

#[test]
fn a_note_is_a_labelled_rule_not_a_data_point() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let rd = groups.iter().find(|m| m.key == "rd_intensity").unwrap();
    let plain = build_chart(&[rd], &[&actuals], 2015, ChartOptions::default());
    let noted = plain.clone().with_annotations([(2016, "GDP修订".to_string())]);
    assert_eq!(noted.series, plain.series, "no series added");
    assert_eq!(noted.legend, plain.legend, "no legend entry added");
    let svg = chart_svg(&noted, &SvgOptions::new(960.0, 460.0));
    assert!(svg.contains("2016 GDP修订"), "the rule carries its label");
}

#[test]
fn a_city_shows_its_own_series_and_not_the_whole_regions_target() {
    let plan = embedded_plan().expect("plan");
    let actuals = embedded_actuals(&plan).expect("actuals");
    let groups = Measure::group(&plan.indicators);
    let rd = groups.iter().find(|m| m.key == "rd_intensity").unwrap();
    let regions = plan_explorer::model::chart::chart_regions(&["rd_intensity".to_string()], &[&actuals], &plan.places);
    assert_eq!(regions.first().map(String::as_str), Some("全区"));
    let city = regions.iter().find(|r| *r != "全区" && *r != "东部" && *r != "西部").expect("a 盟市 with R&D data");
    let options = ChartOptions { region: Some(city.clone()), ..ChartOptions::default() };
    let chart = build_chart(&[rd], &[&actuals], 2015, options);
    assert!(chart.title.ends_with(city.as_str()), "{}", chart.title);
    assert!(!chart.series.is_empty());
    assert!(
        chart.series.iter().all(|s| s.role == Role::Actual || s.role == Role::Projection),
        "no plan target for a 盟市"
    );
    assert!(chart.goals.is_empty());
    // Its points are the city's, not the whole region's.
    let city_series = actuals.series_for("rd_intensity", city).next().expect("the city's series");
    let shown = chart.series.iter().find(|s| s.name == city_series.label).expect("shown");
    assert_eq!(shown.points.len(), city_series.points.len());
    assert!(chart.notes.iter().any(|n| n.contains("全区")), "says why the target is missing: {:?}", chart.notes);
}
