//! Comparing scenarios: the points where two scenarios differ (as pyam's
//! `compare`), and each scenario's value at the target year against the plan's target.

use std::collections::BTreeMap;

use super::indicators::Measure;
use super::scenario::{Scenario, Series, SeriesKind, WHOLE_REGION};

/// One (indicator, region, year) whose values differ, or that only one side has.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub indicator: String,
    pub region: String,
    pub unit: String,
    pub year: u16,
    pub a: Option<f64>,
    pub b: Option<f64>,
}

/// The first series of each (indicator, region, unit) in file order: a scenario's main line.
fn main_series(s: &Scenario) -> BTreeMap<(String, String, String), &Series> {
    let mut out = BTreeMap::new();
    for series in &s.series {
        out.entry((series.indicator.clone(), series.region.clone(), series.unit.clone())).or_insert(series);
    }
    out
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Every point where `a` and `b` differ, comparing each scenario's main series per
/// indicator, region and unit. Points present in only one scenario count as differences.
pub fn differences(a: &Scenario, b: &Scenario) -> Vec<Difference> {
    let (sa, sb) = (main_series(a), main_series(b));
    let mut keys: Vec<&(String, String, String)> = sa.keys().chain(sb.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        let mut years: BTreeMap<u16, (Option<f64>, Option<f64>)> = BTreeMap::new();
        if let Some(s) = sa.get(key) {
            for p in &s.points {
                years.entry(p.year).or_default().0 = Some(p.value);
            }
        }
        if let Some(s) = sb.get(key) {
            for p in &s.points {
                years.entry(p.year).or_default().1 = Some(p.value);
            }
        }
        for (year, (va, vb)) in years {
            let differs = match (va, vb) {
                (Some(x), Some(y)) => !same(x, y),
                _ => true,
            };
            if differs {
                out.push(Difference {
                    indicator: key.0.clone(),
                    region: key.1.clone(),
                    unit: key.2.clone(),
                    year,
                    a: va,
                    b: vb,
                });
            }
        }
    }
    out
}

/// A scenario's value for a measure at its target year, against the plan's target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetComparison {
    pub scenario: String,
    pub series: String,
    pub kind: SeriesKind,
    pub value: f64,
    /// Value − target, in the measure's unit.
    pub gap: f64,
    /// Value ÷ target in %, for measures where more is better.
    pub share_achieved: Option<f64>,
}

/// For one measure: every scenario series (whole region) with a value in the target year.
pub fn at_target(measure: &Measure<'_>, scenarios: &[&Scenario]) -> Vec<TargetComparison> {
    let Some((statement, target)) = measure.main_target() else { return Vec::new() };
    let mut out = Vec::new();
    for scenario in scenarios {
        for series in scenario.series_for(measure.key, WHOLE_REGION) {
            if let Some(p) = series.points.iter().find(|p| p.year == target.year) {
                let share =
                    (!statement.lower_is_better() && target.value != 0.0).then(|| 100.0 * p.value / target.value);
                out.push(TargetComparison {
                    scenario: scenario.name.clone(),
                    series: series.label.clone(),
                    kind: series.kind,
                    value: p.value,
                    gap: p.value - target.value,
                    share_achieved: share,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Point;

    fn scenario(name: &str, points: &[(u16, f64)]) -> Scenario {
        Scenario::of_series(
            name,
            vec![Series {
                id: "s".into(),
                indicator: "rd_intensity".into(),
                region: "全区".into(),
                unit: "%".into(),
                kind: SeriesKind::Actual,
                label: "x".into(),
                source: "test".into(),
                note: String::new(),
                points: points.iter().map(|&(year, value)| Point { year, value, ..Point::default() }).collect(),
            }],
        )
    }

    #[test]
    fn only_differing_points_are_listed() {
        let a = scenario("a", &[(2015, 0.76), (2016, 0.79), (2017, 0.82)]);
        let b = scenario("b", &[(2015, 0.76), (2016, 0.80), (2018, 0.75)]);
        let d = differences(&a, &b);
        let years: Vec<(u16, Option<f64>, Option<f64>)> = d.iter().map(|d| (d.year, d.a, d.b)).collect();
        assert_eq!(years, vec![(2016, Some(0.79), Some(0.80)), (2017, Some(0.82), None), (2018, None, Some(0.75))]);
        assert!(differences(&a, &a).is_empty());
    }

    #[test]
    fn values_equal_to_nine_significant_digits_are_the_same_at_any_size() {
        // 1,234,567 亿元 written with a rounding difference in the tenth digit: the same value.
        let a = scenario("a", &[(2020, 1_234_567.0)]);
        let b = scenario("b", &[(2020, 1_234_567.000_1)]);
        assert!(differences(&a, &b).is_empty());
        // A difference in the sixth digit is a difference, small values too.
        assert_eq!(differences(&a, &scenario("c", &[(2020, 1_234_568.0)])).len(), 1);
        assert_eq!(differences(&scenario("d", &[(2020, 0.76)]), &scenario("e", &[(2020, 0.7601)])).len(), 1);
    }

    fn target_measure(comparator: crate::model::Comparator, target: f64) -> crate::model::Indicator {
        use crate::model::indicators::Target;
        crate::model::Indicator {
            id: "rd_intensity.t".into(),
            measure: "rd_intensity".into(),
            name: "R&D".into(),
            name_en: "R&D".into(),
            unit: "%".into(),
            comparator,
            baselines: Vec::new(),
            target: Some(Target { year: 2020, value: target, upper: None, year_implied: false, standing: false }),
            source_node: String::new(),
            quote: String::new(),
            outside_text: None,
            note: String::new(),
        }
    }

    #[test]
    fn the_share_achieved_is_given_only_where_more_is_better_and_the_target_is_not_zero() {
        let s = scenario("a", &[(2019, 1.0), (2020, 1.1)]);
        let reach = [target_measure(crate::model::Comparator::Reach, 2.2)];
        let m = Measure { key: "rd_intensity", statements: reach.iter().collect() };
        let at = at_target(&m, &[&s]);
        assert_eq!(at.len(), 1);
        assert!((at[0].gap + 1.1).abs() < 1e-12 && at[0].value == 1.1);
        assert!((at[0].share_achieved.unwrap() - 50.0).abs() < 1e-9);
        // A rank (lower is better) has no share; nor has a target of zero.
        let rank = [target_measure(crate::model::Comparator::RankWithin, 20.0)];
        let m = Measure { key: "rd_intensity", statements: rank.iter().collect() };
        assert_eq!(at_target(&m, &[&s])[0].share_achieved, None);
        let zero = [target_measure(crate::model::Comparator::Reach, 0.0)];
        let m = Measure { key: "rd_intensity", statements: zero.iter().collect() };
        assert_eq!(at_target(&m, &[&s])[0].share_achieved, None);
    }
}
