//! Progress of a measure towards its target, classified the way Open SDG does: compare the
//! growth observed since the base year (CAGR) with the growth required to reach the target
//! on time. R ≥ 95 % on track, 60–95 % acceleration needed, 0–60 % limited progress, below 0
//! deterioration; a target already met is achieved.

#[cfg(test)]
use super::indicators::Indicator;
use super::indicators::{Comparator, Measure, cagr};
use crate::i18n::{Lang, Msg, tr};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Deterioration,
    Limited,
    Acceleration,
    OnTrack,
    Achieved,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Achieved, Status::OnTrack, Status::Acceleration, Status::Limited, Status::Deterioration];

    /// The status in the reader's language (the words are in `i18n`).
    pub fn text(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Status::Achieved => Msg::StatusAchieved,
                Status::OnTrack => Msg::StatusOnTrack,
                Status::Acceleration => Msg::StatusAcceleration,
                Status::Limited => Msg::StatusLimited,
                Status::Deterioration => Msg::StatusDeterioration,
            },
        )
    }
}

/// The numbers behind a status, so the UI can show how it was reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    pub base_year: u16,
    pub base_value: f64,
    pub latest_year: u16,
    pub latest_value: f64,
    pub target_year: u16,
    pub target_value: f64,
    /// % a year; `None` when a value is not positive.
    pub observed_growth: Option<f64>,
    pub required_growth: Option<f64>,
    /// observed ÷ required.
    pub ratio: Option<f64>,
}

/// Whether `value` meets a target stated with `comparator` (ranks: smaller is better).
pub fn meets(comparator: Comparator, value: f64, target: f64, upper: Option<f64>) -> bool {
    match comparator {
        Comparator::Rank | Comparator::RankWithin | Comparator::AtMost => value <= target,
        Comparator::MoreThan => value > target,
        Comparator::Range => value >= target && upper.is_none_or(|u| value <= u),
        _ => value >= target,
    }
}

/// Classifies progress from a base point to the latest actual point against the target.
#[allow(clippy::too_many_arguments)]
pub fn classify(
    comparator: Comparator,
    base: (u16, f64),
    latest: (u16, f64),
    target: (u16, f64),
    upper: Option<f64>,
) -> Option<Assessment> {
    let (y0, v0) = base;
    let (yi, vi) = latest;
    let (yt, vt) = target;
    if yi <= y0 || yt <= y0 || ![v0, vi, vt].iter().all(|v| v.is_finite()) {
        return None;
    }
    let direction = if comparator.lower_is_better() { -1.0 } else { 1.0 };
    let observed = cagr(v0, vi, f64::from(yi - y0));
    let required = cagr(v0, vt, f64::from(yt - y0));
    let ratio = match (observed, required) {
        (Some(o), Some(r)) if r != 0.0 => Some(o / r),
        _ => None,
    };
    let status = if meets(comparator, vi, vt, upper) {
        Status::Achieved
    } else {
        match ratio {
            Some(r) if r >= 0.95 => Status::OnTrack,
            Some(r) if r >= 0.60 => Status::Acceleration,
            Some(r) if r >= 0.0 => Status::Limited,
            Some(_) => Status::Deterioration,
            // No usable growth rates (a zero or negative value): judge by direction alone; no
            // change is limited progress, as R = 0 is above.
            None if (vi - v0) * direction >= 0.0 => Status::Limited,
            None => Status::Deterioration,
        }
    };
    Some(Assessment {
        status,
        base_year: y0,
        base_value: v0,
        latest_year: yi,
        latest_value: vi,
        target_year: yt,
        target_value: vt,
        observed_growth: observed,
        required_growth: required,
        ratio,
    })
}

/// Assesses a measure against an actual series (points as (year, value)): the base is the
/// plan's own baseline in its base year, else the series' value that year; the latest
/// point is the last one not after the target year.
pub fn assess(measure: &Measure<'_>, base_year: u16, actual: &[(u16, f64)]) -> Option<Assessment> {
    let (statement, target) = measure.main_target()?;
    if statement.comparator == Comparator::GrowthRate || statement.comparator == Comparator::IncreaseBy {
        return None;
    }
    let plan_base = measure.baselines().into_iter().find(|o| o.year == base_year).map(|o| (o.year, o.value));
    let base = plan_base.or_else(|| actual.iter().find(|(y, _)| *y == base_year).copied())?;
    let latest = actual.iter().filter(|(y, _)| *y > base.0 && *y <= target.year).max_by_key(|(y, _)| *y).copied()?;
    classify(statement.comparator, base, latest, (target.year, target.value), target.upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rd_intensity_2020_needed_acceleration_by_hand() {
        // 0.76 % (2015) → 0.93 % (2020) observed; target 2.2 % (2020).
        // observed CAGR = (0.93/0.76)^(1/5) − 1 = 1.2237^0.2 − 1 = 4.12 %
        // required CAGR = (2.2/0.76)^(1/5) − 1 = 23.69 %; R = 0.174 → limited progress.
        let a = classify(Comparator::Reach, (2015, 0.76), (2020, 0.93), (2020, 2.2), None).unwrap();
        assert!((a.observed_growth.unwrap() - 4.12).abs() < 0.01, "{a:?}");
        assert!((a.required_growth.unwrap() - 23.69).abs() < 0.01);
        assert!((a.ratio.unwrap() - 0.174).abs() < 0.001);
        assert_eq!(a.status, Status::Limited);
    }

    #[test]
    fn thresholds_follow_open_sdg() {
        // Required: 100 → 200 in 10 years = 7.18 %/yr. Observed over 5 years at various rates.
        let status = |latest: f64| {
            classify(Comparator::Reach, (2010, 100.0), (2015, latest), (2020, 200.0), None).unwrap().status
        };
        // 100 → 141.4 in 5 years is 7.18 %/yr: R = 1 → on track.
        assert_eq!(status(141.5), Status::OnTrack);
        // 100 → 125 in 5 years: 4.56 %/yr, R = 0.64 → acceleration needed.
        assert_eq!(status(125.0), Status::Acceleration);
        // 100 → 110: 1.92 %/yr, R = 0.27 → limited.
        assert_eq!(status(110.0), Status::Limited);
        assert_eq!(status(90.0), Status::Deterioration);
        assert_eq!(status(200.0), Status::Achieved);
    }

    #[test]
    fn the_cuts_sit_exactly_at_95_60_and_0_percent() {
        // Required: 100 → 200 over 10 years. A latest value (5 years on) whose observed rate is
        // exactly `ratio` × the required one.
        let required = cagr(100.0, 200.0, 10.0).unwrap();
        let status_at = |ratio: f64| {
            let latest = 100.0 * (1.0 + ratio * required / 100.0).powi(5);
            let a = classify(Comparator::Reach, (2010, 100.0), (2015, latest), (2020, 200.0), None).unwrap();
            assert!((a.ratio.unwrap() - ratio).abs() < 1e-6, "{a:?}");
            a.status
        };
        assert_eq!(status_at(0.95 + 1e-7), Status::OnTrack);
        assert_eq!(status_at(0.95 - 1e-5), Status::Acceleration);
        assert_eq!(status_at(0.60 + 1e-7), Status::Acceleration);
        assert_eq!(status_at(0.60 - 1e-5), Status::Limited);
        assert_eq!(status_at(1e-7), Status::Limited);
        assert_eq!(status_at(-1e-5), Status::Deterioration);
        // No change at all is limited progress (R = 0), not deterioration.
        assert_eq!(
            classify(Comparator::Reach, (2010, 100.0), (2015, 100.0), (2020, 200.0), None).unwrap().status,
            Status::Limited
        );
    }

    #[test]
    fn zero_and_negative_values_are_judged_by_direction() {
        // No growth rate from zero: a rise is limited progress, a fall deterioration.
        let from_zero = classify(Comparator::Reach, (2015, 0.0), (2018, 5.0), (2020, 10.0), None).unwrap();
        assert_eq!((from_zero.ratio, from_zero.status), (None, Status::Limited));
        let falling = classify(Comparator::Reach, (2015, -2.0), (2018, -3.0), (2020, 1.0), None).unwrap();
        assert_eq!(falling.status, Status::Deterioration);
    }

    #[test]
    fn a_range_is_met_inside_it_only_and_more_than_needs_more() {
        let range = |v| classify(Comparator::Range, (2015, 1.0), (2020, v), (2020, 5.0), Some(7.0)).unwrap().status;
        assert_eq!(range(5.0), Status::Achieved);
        assert_eq!(range(7.0), Status::Achieved);
        assert_ne!(range(7.5), Status::Achieved);
        assert_ne!(range(4.9), Status::Achieved);
        assert!(!meets(Comparator::MoreThan, 10.0, 10.0, None));
        assert!(meets(Comparator::AtLeast, 10.0, 10.0, None));
        assert!(meets(Comparator::AtMost, 10.0, 10.0, None) && !meets(Comparator::AtMost, 10.1, 10.0, None));
    }

    #[test]
    fn ranks_improve_downwards() {
        // Rank 25 → target within 20; rank 22 after 3 years is progress, rank 27 is not.
        let a = classify(Comparator::RankWithin, (2015, 25.0), (2018, 22.0), (2020, 20.0), None).unwrap();
        assert!(a.ratio.unwrap() > 0.0);
        assert_eq!(
            classify(Comparator::RankWithin, (2015, 25.0), (2018, 27.0), (2020, 20.0), None).unwrap().status,
            Status::Deterioration
        );
        assert_eq!(
            classify(Comparator::RankWithin, (2015, 25.0), (2018, 19.0), (2020, 20.0), None).unwrap().status,
            Status::Achieved
        );
    }

    #[test]
    fn without_growth_rates_the_direction_decides_and_lower_is_better_turns_it() {
        let status = |c, base: f64, latest: f64, target: f64| {
            classify(c, (2015, base), (2018, latest), (2020, target), None).unwrap()
        };
        // From zero: a rise is limited progress, no change too (as R = 0), a small fall not.
        assert_eq!(status(Comparator::Reach, 0.0, 0.0, 10.0).status, Status::Limited);
        assert_eq!(status(Comparator::Reach, 0.0, -0.5, 10.0).status, Status::Deterioration);
        // From a negative value, rising towards the target is progress.
        assert_eq!(status(Comparator::Reach, -2.0, -1.0, 1.0).status, Status::Limited);
        // Lower is better (at most 1): rising from zero to 2 moves away from it.
        assert_eq!(status(Comparator::AtMost, 0.0, 2.0, 1.0).status, Status::Deterioration);
        // A target equal to its base needs no growth: no ratio, and a fall is deterioration.
        let flat = status(Comparator::Reach, 10.0, 8.0, 10.0);
        assert_eq!((flat.required_growth, flat.ratio, flat.status), (Some(0.0), None, Status::Deterioration));
    }

    #[test]
    fn more_than_is_met_above_the_value_only() {
        assert!(meets(Comparator::MoreThan, 11.0, 10.0, None));
        assert!(!meets(Comparator::MoreThan, 9.0, 10.0, None));
    }

    fn measure_of(statements: &[Indicator]) -> Measure<'_> {
        Measure { key: &statements[0].measure, statements: statements.iter().collect() }
    }

    fn indicator(comparator: Comparator, baselines: &[(u16, f64)], target: (u16, f64)) -> Indicator {
        use super::super::indicators::{Observation, Target};
        Indicator {
            id: "m.t".into(),
            measure: "m".into(),
            name: "m".into(),
            name_en: "m".into(),
            unit: "%".into(),
            comparator,
            baselines: baselines
                .iter()
                .map(|&(year, value)| Observation { year, value, derived: None, since: None })
                .collect(),
            target: Some(Target { year: target.0, value: target.1, upper: None, year_implied: false, standing: false }),
            source_node: String::new(),
            quote: String::new(),
            outside_text: None,
            note: String::new(),
        }
    }

    #[test]
    fn a_measure_is_assessed_from_the_base_year_to_its_last_point_by_the_target_year() {
        // The plan states 2010 and 2015 baselines: the base is 2015's, never 2010's.
        let stated = [indicator(Comparator::Reach, &[(2010, 50.0), (2015, 100.0)], (2020, 200.0))];
        let a = assess(&measure_of(&stated), 2015, &[(2017, 120.0), (2021, 300.0)]).unwrap();
        assert_eq!((a.base_year, a.base_value), (2015, 100.0));
        // The latest point is the last one not after the target year (2021 is after it).
        assert_eq!((a.latest_year, a.latest_value), (2017, 120.0));
        // Without a stated base-year value, the series' own base-year value is the base.
        let unstated = [indicator(Comparator::Reach, &[(2010, 50.0)], (2020, 200.0))];
        let a = assess(&measure_of(&unstated), 2015, &[(2014, 90.0), (2015, 110.0), (2018, 150.0)]).unwrap();
        assert_eq!((a.base_year, a.base_value, a.latest_year), (2015, 110.0, 2018));
        // Only the base year itself: nothing to assess.
        assert_eq!(assess(&measure_of(&stated), 2015, &[(2015, 100.0)]), None);
        // Growth-rate and increase targets are not judged by levels.
        for c in [Comparator::GrowthRate, Comparator::IncreaseBy] {
            let rate = [indicator(c, &[(2015, 10.0)], (2020, 12.0))];
            assert_eq!(assess(&measure_of(&rate), 2015, &[(2018, 11.0)]), None, "{c:?}");
        }
    }

    #[test]
    fn no_assessment_without_a_later_point() {
        assert_eq!(classify(Comparator::Reach, (2015, 1.0), (2015, 2.0), (2020, 3.0), None), None);
        assert_eq!(classify(Comparator::Reach, (2015, f64::NAN), (2016, 2.0), (2020, 3.0), None), None);
    }
}
