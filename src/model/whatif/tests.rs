//! The what-if editor's model: paths, provenance, undo, starts and reading a saved series back.

use super::*;

fn start(year: u16, value: f64) -> Start {
    Start { from: StartFrom::Baseline, year, value, described: "test".into(), source: String::new() }
}

fn draft(path: PathKind) -> Draft {
    let mut d = Draft {
        measure: "m".into(),
        measure_name: "M".into(),
        region: WHOLE_REGION.into(),
        unit: "%".into(),
        start: start(2015, 1.0),
        end_year: 2020,
        path,
        points: Vec::new(),
    };
    d.recompute();
    d
}

#[test]
fn constant_growth_compounds_from_the_start_year() {
    let d = draft(PathKind::Growth(10.0));
    // 1.0 × 1.1^t, worked by hand: 1.1, 1.21, 1.331, 1.4641, 1.61051 (to four decimals).
    assert_eq!(d.points, [(2016, 1.1), (2017, 1.21), (2018, 1.331), (2019, 1.4641), (2020, 1.6105)]);
    assert_eq!(d.formula(2018, 1.331), "1 × (1 + 10%)^3 = 1.331");
}

#[test]
fn a_straight_line_reaches_its_value_in_the_end_year() {
    let d = draft(PathKind::Line(2.0));
    assert_eq!(d.points, [(2016, 1.2), (2017, 1.4), (2018, 1.6), (2019, 1.8), (2020, 2.0)]);
    assert!(d.provenance().starts_with("what-if: straight line to 2 % in 2020 from test (1 %)"));
}

#[test]
fn the_path_is_read_back_from_the_provenance() {
    assert_eq!(parse_path(&draft(PathKind::Growth(7.5)).provenance()), Some(PathKind::Growth(7.5)));
    assert_eq!(parse_path(&draft(PathKind::Line(2.2)).provenance()), Some(PathKind::Line(2.2)));
    assert_eq!(parse_path(&draft(PathKind::Drawn).provenance()), None);
    assert_eq!(parse_path("projection: trend"), None);
}

#[test]
fn undo_and_redo_step_through_changes_and_a_drag_is_one_step() {
    let mut w = WhatIf::new("w");
    w.drafts.push(draft(PathKind::Growth(0.0)));
    assert!(w.set_growth(10.0));
    assert!(!w.set_growth(10.0), "no change, no step");
    assert!(w.drag(2018, 2.0, true));
    assert!(w.drag(2018, 2.5, false));
    assert!(!w.drag(2015, 9.0, false), "the start is data, not drawn");
    assert_eq!(w.draft().unwrap().path, PathKind::Drawn);
    assert!(w.undo());
    assert_eq!(w.draft().unwrap().points[2], (2018, 1.331), "the whole drag undone at once");
    assert!(w.undo());
    assert_eq!(w.draft().unwrap().points[2], (2018, 1.0));
    assert!(!w.undo());
    assert!(w.redo() && w.redo());
    assert_eq!(w.draft().unwrap().points[2], (2018, 2.5));
    assert!(!w.redo());
    // A new change after an undo drops the redo history.
    assert!(w.undo());
    assert!(w.set_line(3.0));
    assert!(!w.can_redo());
}

#[test]
fn a_saved_path_is_kept_only_while_it_still_gives_the_values() {
    let plan = crate::model::load::embedded_plan().expect("plan");
    let mut w = WhatIf::new("w");
    let mut d = draft(PathKind::Growth(10.0));
    d.measure = "rd_intensity".into();
    w.drafts.push(d);
    let scenario = w.to_scenario(&plan);
    let back = WhatIf::from_scenario(&scenario, &plan, None);
    assert_eq!(back.draft().map(|d| d.path), Some(PathKind::Growth(10.0)));
    // The 2020 value edited elsewhere (say in Excel): those are values drawn by hand now.
    let mut edited = scenario.clone();
    if let Some(p) = edited.series[0].points.last_mut() {
        p.value = 2.5;
    }
    let back = WhatIf::from_scenario(&edited, &plan, None);
    assert_eq!(back.draft().map(|d| d.path), Some(PathKind::Drawn));
    assert_eq!(back.draft().and_then(|d| d.points.last().copied()), Some((2020, 2.5)));
}

#[test]
fn impossible_rates_and_values_are_refused() {
    let mut w = WhatIf::new("w");
    w.drafts.push(draft(PathKind::Growth(0.0)));
    assert!(!w.set_growth(-100.0));
    assert!(!w.set_growth(f64::NAN));
    assert!(!w.set_line(f64::INFINITY));
    assert!(!w.drag(2018, f64::NAN, true));
    assert!(!w.can_undo());
}

#[test]
fn recomputing_a_drawn_series_keeps_each_years_drawn_value() {
    let mut d = draft(PathKind::Line(2.0));
    d.path = PathKind::Drawn;
    d.points[2].1 = 5.0;
    d.recompute();
    assert_eq!(d.points, [(2016, 1.2), (2017, 1.4), (2018, 5.0), (2019, 1.8), (2020, 2.0)]);
}

fn plan() -> Plan {
    crate::model::load::embedded_plan().expect("the embedded plan")
}

#[test]
fn a_series_is_labelled_with_its_region_unless_it_is_the_whole_region() {
    let plan = plan();
    let mut w = WhatIf::new("w");
    w.drafts.push(draft(PathKind::Growth(1.0)));
    let mut baotou = draft(PathKind::Growth(1.0));
    baotou.region = "包头".into();
    w.drafts.push(baotou);
    let labels: Vec<String> = w.to_scenario(&plan).series.iter().map(|s| s.label.clone()).collect();
    assert_eq!(labels, ["M", "M · 包头"]);
}

/// A series of test values: (indicator, region, kind, points).
type TestSeries<'a> = (&'a str, &'a str, SeriesKind, &'a [(u16, f64)]);

fn scenario(series: &[TestSeries<'_>]) -> Scenario {
    let series = series
        .iter()
        .enumerate()
        .map(|(k, (indicator, region, kind, points))| Series {
            id: format!("s{k}"),
            indicator: indicator.to_string(),
            region: region.to_string(),
            unit: "%".into(),
            kind: *kind,
            label: format!("测试{k}"),
            source: "test data".into(),
            note: String::new(),
            points: points.iter().map(|&(year, value)| Point { year, value, ..Point::default() }).collect(),
        })
        .collect();
    Scenario::of_series("测试", series)
}

#[test]
fn the_latest_actual_start_is_the_measures_own_actual_value_in_that_region() {
    let plan = plan();
    // Later values that must not be taken: another measure, another region, a projection.
    let s = scenario(&[
        ("rd_intensity", WHOLE_REGION, SeriesKind::Actual, &[(2016, 0.79), (2017, 0.82)]),
        ("invention_patents_per_10k", WHOLE_REGION, SeriesKind::Actual, &[(2022, 3.4)]),
        ("rd_intensity", "包头", SeriesKind::Actual, &[(2021, 1.5)]),
        ("rd_intensity", WHOLE_REGION, SeriesKind::Projection, &[(2020, 1.05)]),
    ]);
    let found = starts(&plan, &[&s], "rd_intensity", WHOLE_REGION);
    let latest: Vec<(u16, f64)> =
        found.iter().filter(|s| s.from == StartFrom::LatestActual).map(|s| (s.year, s.value)).collect();
    assert_eq!(latest, [(2017, 0.82)]);
    // The plan's 2015 baseline is offered for the whole region only.
    assert!(found.iter().any(|s| s.from == StartFrom::Baseline && (s.year, s.value) == (2015, 0.76)));
    let baotou = starts(&plan, &[&s], "rd_intensity", "包头");
    assert_eq!(baotou.iter().map(|s| (s.from, s.year)).collect::<Vec<_>>(), [(StartFrom::LatestActual, 2021)]);
}

#[test]
fn a_scenario_opened_for_editing_keeps_one_series_per_measure_and_region() {
    let plan = plan();
    let s = scenario(&[
        ("rd_intensity", WHOLE_REGION, SeriesKind::Projection, &[(2015, 0.76), (2020, 1.0)]),
        ("rd_intensity", WHOLE_REGION, SeriesKind::Projection, &[(2015, 0.76), (2020, 2.0)]),
        ("rd_intensity", "包头", SeriesKind::Projection, &[(2015, 1.0), (2020, 1.5)]),
    ]);
    let w = WhatIf::from_scenario(&s, &plan, None);
    let kept: Vec<(&str, Option<f64>)> =
        w.drafts.iter().map(|d| (d.region.as_str(), d.points.last().map(|p| p.1))).collect();
    assert_eq!(kept, [(WHOLE_REGION, Some(1.0)), ("包头", Some(1.5))], "the first of a pair is kept");
}

#[test]
fn at_most_200_steps_are_undone_and_redo_is_offered_only_after_an_undo() {
    let mut w = WhatIf::new("w");
    w.drafts.push(draft(PathKind::Growth(0.0)));
    assert!(!w.can_redo());
    for k in 1..=201 {
        assert!(w.set_growth(f64::from(k)));
    }
    let mut undone = 0;
    while w.undo() {
        undone += 1;
    }
    assert_eq!(undone, 200);
    // The oldest step kept: growth of 1 % (the change to it is past the 200).
    assert_eq!(w.draft().map(|d| d.path), Some(PathKind::Growth(1.0)));
    assert!(w.can_redo());
}

#[test]
fn a_series_runs_to_the_target_year_or_five_years_past_a_start_at_or_after_it() {
    let plan = plan();
    let mut w = WhatIf::new("w");
    // R&D intensity's target is for 2020.
    w.begin(&plan, "rd_intensity", WHOLE_REGION, start(2019, 0.9));
    assert_eq!(w.draft().map(|d| d.end_year), Some(2020));
    w.begin(&plan, "rd_intensity", WHOLE_REGION, start(2020, 0.93));
    assert_eq!(w.draft().map(|d| d.end_year), Some(2025));
    w.begin(&plan, "rd_intensity", WHOLE_REGION, start(2022, 0.9));
    assert_eq!(w.draft().map(|d| d.end_year), Some(2027));
}

#[test]
fn beginning_a_pair_again_replaces_its_series_and_another_pair_adds_one() {
    let plan = plan();
    let mut w = two_series();
    w.begin(&plan, "invention_patents_per_10k", WHOLE_REGION, start(2015, 1.22));
    assert_eq!(w.drafts.len(), 3);
    w.select(0);
    w.begin(&plan, "rd_intensity", "包头", start(2016, 1.1));
    let pairs: Vec<(&str, &str, u16)> =
        w.drafts.iter().map(|d| (d.measure.as_str(), d.region.as_str(), d.start.year)).collect();
    assert_eq!(
        pairs,
        [
            ("rd_intensity", WHOLE_REGION, 2015),
            ("rd_intensity", "包头", 2016),
            ("invention_patents_per_10k", WHOLE_REGION, 2015)
        ]
    );
    assert_eq!(w.current, 1, "the replaced series is in hand");
}

/// A what-if of R&D intensity in the whole region and in 包头, the second in hand.
fn two_series() -> WhatIf {
    let plan = plan();
    let mut w = WhatIf::new("w");
    w.begin(&plan, "rd_intensity", WHOLE_REGION, start(2015, 0.76));
    w.begin(&plan, "rd_intensity", "包头", start(2015, 1.0));
    w
}

#[test]
fn removing_takes_the_series_in_hand_and_nothing_once_none_is_left() {
    let mut w = two_series();
    assert!(w.remove_current());
    assert_eq!(w.drafts.iter().map(|d| d.region.as_str()).collect::<Vec<_>>(), [WHOLE_REGION]);
    assert_eq!(w.current, 0);
    assert!(w.remove_current());
    assert!(w.drafts.is_empty());
    assert!(!w.remove_current(), "nothing left to remove");
    assert!(w.undo() && w.undo());
    assert_eq!(w.drafts.len(), 2, "each removal is a step to undo");
}

#[test]
fn selecting_a_series_shows_it_and_a_number_past_the_list_changes_nothing() {
    let mut w = two_series();
    w.select(0);
    assert_eq!(w.draft().map(|d| d.region.as_str()), Some(WHOLE_REGION));
    w.select(1);
    assert_eq!(w.draft().map(|d| d.region.as_str()), Some("包头"));
    w.select(2);
    assert_eq!(w.current, 1);
}
