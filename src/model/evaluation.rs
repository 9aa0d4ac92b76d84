//! The final evaluation (终期评估): every target of the plan judged by the actual value in its
//! target year — met, not met, or no data. It answers "which targets were met?" and is kept
//! apart from progress as of the latest year (`progress.rs`, Open SDG's method), which judges
//! a trend at whatever year the data reach, not the outcome in the year the plan set.

use super::document::Document;
use super::indicators::{Comparator, Measure};
use super::progress::meets;
use super::scenario::{ActualSeries, Scenario};
use crate::i18n::{Lang, Msg, tr};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    Met,
    NotMet,
    NoData,
    /// Stated as a change (a growth rate, an increase, a multiple): a level cannot judge it.
    NotJudged,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [Verdict::Met, Verdict::NotMet, Verdict::NoData, Verdict::NotJudged];

    /// The verdict in the reader's language (the words are in `i18n`).
    pub fn text(self, lang: Lang) -> &'static str {
        tr(lang, self.msg())
    }

    pub fn msg(self) -> Msg {
        match self {
            Verdict::Met => Msg::VerdictMet,
            Verdict::NotMet => Msg::VerdictNotMet,
            Verdict::NoData => Msg::VerdictNoData,
            Verdict::NotJudged => Msg::VerdictNotJudged,
        }
    }

    /// How files name the verdict (the evaluation CSV, `plan-explorer evaluate`).
    pub fn name_en(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not met",
            Verdict::NoData => "no data",
            Verdict::NotJudged => "not judged",
        }
    }
}

/// One actual value and where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub year: u16,
    pub value: f64,
    /// The label of the series it belongs to (`R&D经费投入强度（首次公布） · 全国科技经费投入统计公报`).
    pub series: String,
    /// The address it was read from: the point's own, else the series'.
    pub source: String,
    pub quote: String,
    /// The formula, when the value was converted or computed from sourced values.
    pub derived: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetEvaluation {
    pub key: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub comparator: Comparator,
    pub target_year: u16,
    /// The statement names no year: the plan's end is meant.
    pub year_implied: bool,
    pub target_value: f64,
    pub upper: Option<f64>,
    /// The value in the target year from the first actual series that has one (bulletins
    /// come before yearbooks and news, as in the progress table).
    pub judged: Option<Reading>,
    /// The same year's values from the other actual series, so a disagreement stays visible.
    pub others: Vec<Reading>,
    pub verdict: Verdict,
    /// The first year any actual series meets the target, if one does (it may be after the
    /// target year: met late).
    pub first_met: Option<u16>,
    /// How far the judged value is past the target (positive) or short of it (negative), in
    /// the target's unit: for ranks and limits, where lower is better, the sign follows
    /// "better", so a rank five places too low is −5. For a range, the distance to the nearer
    /// end; 0 inside.
    pub gap: Option<f64>,
    /// Index of the node the target is quoted from; `None` for a statement outside the text.
    pub source_node: Option<usize>,
    /// Whether the other sources would give a different verdict.
    pub sources_disagree: bool,
    /// Other targets the plan sets for the same quantity and year (it contradicts itself):
    /// the verdict is on the first; these are shown beside it.
    pub rival_targets: Vec<f64>,
}

/// How many targets have each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub not_met: usize,
    pub no_data: usize,
    pub not_judged: usize,
}

impl Tally {
    pub fn of(evaluations: &[TargetEvaluation]) -> Tally {
        let mut t = Tally::default();
        for e in evaluations {
            match e.verdict {
                Verdict::Met => t.met += 1,
                Verdict::NotMet => t.not_met += 1,
                Verdict::NoData => t.no_data += 1,
                Verdict::NotJudged => t.not_judged += 1,
            }
        }
        t
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Met => self.met,
            Verdict::NotMet => self.not_met,
            Verdict::NoData => self.no_data,
            Verdict::NotJudged => self.not_judged,
        }
    }
}

/// Judges every measure that has a target against the actual series of `scenarios` (whole
/// region), in the plan's order of measures.
pub fn evaluate(doc: &Document, scenarios: &[&Scenario]) -> Vec<TargetEvaluation> {
    let base_year = doc.plan.meta.baseline_year;
    let actuals = ActualSeries::new(scenarios);
    Measure::group(&doc.plan.indicators)
        .iter()
        .filter_map(|m| {
            let (statement, target) = m.main_target()?;
            let judgeable = !statement.comparator.states_a_change();
            let series = actuals.of(m.key);
            let meets_target = |v: f64| meets(statement.comparator, v, target.value, target.upper);
            let mut readings: Vec<Reading> = Vec::new();
            if judgeable {
                for s in series {
                    for p in s.points.iter().filter(|p| p.value.is_finite() && p.year == target.year) {
                        readings.push(Reading {
                            year: p.year,
                            value: p.value,
                            series: s.label.clone(),
                            source: if p.source.is_empty() { s.source.clone() } else { p.source.clone() },
                            quote: p.quote.clone(),
                            derived: p.derived.clone(),
                        });
                    }
                }
            }
            // The first year met is read from the judging series only, so it never mixes the
            // sold side of a quantity with the bought side, or a yearbook with a news report;
            // without a value in the target year there is no verdict to date either.
            let reference = readings.first().and_then(|r| series.iter().find(|s| s.label == r.series));
            let first_met = reference.and_then(|s| {
                s.points
                    .iter()
                    .filter(|p| p.value.is_finite() && p.year >= base_year && meets_target(p.value))
                    .map(|p| p.year)
                    .min()
            });
            let mut readings = readings.into_iter();
            let judged = readings.next();
            let others: Vec<Reading> = readings.collect();
            let verdict = match &judged {
                _ if !judgeable => Verdict::NotJudged,
                Some(r) if meets_target(r.value) => Verdict::Met,
                Some(_) => Verdict::NotMet,
                None => Verdict::NoData,
            };
            let sources_disagree =
                judged.is_some() && others.iter().any(|o| meets_target(o.value) != (verdict == Verdict::Met));
            let gap = judged.as_ref().map(|r| match (statement.comparator, target.upper) {
                (Comparator::Range, Some(upper)) if r.value > upper => r.value - upper,
                (Comparator::Range, _) if r.value >= target.value => 0.0,
                (c, _) if c.lower_is_better() => target.value - r.value,
                _ => r.value - target.value,
            });
            Some(TargetEvaluation {
                key: m.key.to_string(),
                name: m.name().to_string(),
                name_en: m.first().name_en.clone(),
                unit: m.unit().to_string(),
                comparator: statement.comparator,
                target_year: target.year,
                year_implied: target.year_implied,
                target_value: target.value,
                upper: target.upper,
                judged,
                others,
                verdict,
                first_met,
                gap,
                source_node: doc.outline.index_of(&statement.source_node),
                sources_disagree,
                rival_targets: m
                    .conflicts()
                    .iter()
                    .filter(|c| c.year == target.year)
                    .flat_map(|c| c.statements.iter().skip(1).map(|(_, v)| *v))
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Point, Series, SeriesKind};

    fn series(indicator: &str, label: &str, kind: SeriesKind, points: &[(u16, f64)]) -> Series {
        Series {
            id: label.into(),
            indicator: indicator.into(),
            region: "全区".into(),
            unit: String::new(),
            kind,
            label: label.into(),
            source: format!("https://example.org/{label}"),
            note: String::new(),
            points: points
                .iter()
                .map(|&(year, value)| Point { year, value, source: String::new(), quote: String::new(), derived: None })
                .collect(),
        }
    }

    fn scenario(series: Vec<Series>) -> Scenario {
        Scenario {
            format_version: 1,
            name: "t".into(),
            description: String::new(),
            plan: String::new(),
            built_in: false,
            colour_slot: 0,
            extra_indicators: Vec::new(),
            series,
        }
    }

    fn doc() -> Document {
        Document::new(crate::model::load::embedded_plan().expect("embedded plan"), "plan.ron")
    }

    fn find<'a>(all: &'a [TargetEvaluation], key: &str) -> &'a TargetEvaluation {
        all.iter().find(|e| e.key == key).expect(key)
    }

    #[test]
    fn a_target_is_judged_by_its_target_year_not_by_a_later_one() {
        // rd_intensity: reach 2.2 % in 2020. 1.0 in 2020 is not met, although a (made-up)
        // 2.3 in 2022 meets it: that is "met late", shown as the first year met.
        let s =
            scenario(vec![series("rd_intensity", "a", SeriesKind::Actual, &[(2019, 0.9), (2020, 1.0), (2022, 2.3)])]);
        let doc = doc();
        let all = evaluate(&doc, &[&s]);
        let e = find(&all, "rd_intensity");
        assert_eq!(e.verdict, Verdict::NotMet);
        assert_eq!(e.judged.as_ref().map(|r| (r.year, r.value)), Some((2020, 1.0)));
        assert_eq!(e.first_met, Some(2022));
        assert!((e.gap.unwrap() - (1.0 - 2.2)).abs() < 1e-9);
    }

    #[test]
    fn exactly_the_target_is_met_and_a_rank_is_met_from_below() {
        let doc = doc();
        let s = scenario(vec![
            series("rd_intensity", "a", SeriesKind::Actual, &[(2020, 2.2)]),
            // overall_st_rank: 进入前20位 — rank 20 is met, 21 is not.
            series("overall_st_rank", "b", SeriesKind::Actual, &[(2020, 20.0)]),
            // science_literacy: 超过10% — exactly 10 is not more than 10.
            series("science_literacy", "c", SeriesKind::Actual, &[(2020, 10.0)]),
        ]);
        let all = evaluate(&doc, &[&s]);
        assert_eq!(find(&all, "rd_intensity").verdict, Verdict::Met);
        assert_eq!(find(&all, "overall_st_rank").verdict, Verdict::Met);
        assert_eq!(find(&all, "science_literacy").verdict, Verdict::NotMet);
        let worse = scenario(vec![series("overall_st_rank", "b", SeriesKind::Actual, &[(2020, 25.0)])]);
        let rank = evaluate(&doc, &[&worse]).into_iter().find(|e| e.key == "overall_st_rank").unwrap();
        assert_eq!(rank.verdict, Verdict::NotMet);
        // Five places short of the top 20 is a gap of −5, as a shortfall reads everywhere else.
        assert_eq!(rank.gap, Some(-5.0));
    }

    #[test]
    fn a_target_the_plan_contradicts_carries_its_rival() {
        // 院士专家工作站: 100 in 第九章, 150 in 第十七章, both for 2020.
        let all = evaluate(&doc(), &[]);
        let e = find(&all, "academician_workstations");
        assert_eq!((e.target_value, e.rival_targets.as_slice()), (100.0, [150.0].as_slice()));
        assert!(find(&all, "rd_intensity").rival_targets.is_empty());
    }

    #[test]
    fn projections_never_judge_a_target() {
        let doc = doc();
        let s = scenario(vec![series("rd_intensity", "trend", SeriesKind::Projection, &[(2020, 5.0)])]);
        let e = evaluate(&doc, &[&s]).into_iter().find(|e| e.key == "rd_intensity").unwrap();
        assert_eq!(e.verdict, Verdict::NoData);
        assert_eq!(e.first_met, None);
    }

    #[test]
    fn the_first_year_met_comes_from_the_judging_series_only() {
        // Contracts sold never reach 300; contracts bought do in 2021. The verdict is judged
        // on the sold side, so "first met 2021" would be read from the other series.
        let doc = doc();
        let s = scenario(vec![
            series("tech_contract_value", "sold", SeriesKind::Actual, &[(2020, 36.0), (2021, 50.0)]),
            series("tech_contract_value", "bought", SeriesKind::Actual, &[(2020, 251.0), (2021, 376.0)]),
        ]);
        let all = evaluate(&doc, &[&s]);
        let e = find(&all, "tech_contract_value");
        assert_eq!(e.judged.as_ref().map(|r| r.series.as_str()), Some("sold"));
        assert_eq!(e.first_met, None);
    }

    #[test]
    fn the_first_source_judges_and_a_disagreeing_one_is_flagged() {
        let doc = doc();
        let s = scenario(vec![
            series("tech_contract_value", "out", SeriesKind::Actual, &[(2020, 250.0)]),
            series("tech_contract_value", "in", SeriesKind::Actual, &[(2020, 320.0)]),
        ]);
        let all = evaluate(&doc, &[&s]);
        let e = find(&all, "tech_contract_value");
        assert_eq!(e.verdict, Verdict::NotMet);
        assert_eq!(e.judged.as_ref().map(|r| r.series.as_str()), Some("out"));
        assert_eq!(e.others.len(), 1);
        assert!(e.sources_disagree);
    }

    #[test]
    fn targets_stated_as_growth_are_not_judged_by_levels() {
        let doc = doc();
        // A level series under a growth-rate measure (R&D personnel growing 4 % a year): a
        // level of 10 in 2020 says nothing about the rate, so it must not count as met.
        let key = Measure::group(&doc.plan.indicators)
            .iter()
            .find(|m| m.main_target().is_some_and(|(s, _)| s.comparator == Comparator::GrowthRate))
            .map(|m| m.key.to_string())
            .expect("a growth-rate target");
        let levels = scenario(vec![series(&key, "levels", SeriesKind::Actual, &[(2020, 10.0)])]);
        let judged = evaluate(&doc, &[&levels]);
        let growth = judged.iter().find(|e| e.key == key).unwrap();
        assert_eq!(growth.verdict, Verdict::NotJudged);
        assert_eq!(growth.first_met, None);
        // Every measure with a target has one row; nothing is judged without data, and the
        // targets stated as a change are counted apart from those that lack data.
        let all = evaluate(&doc, &[]);
        let groups = Measure::group(&doc.plan.indicators);
        let with_target = groups.iter().filter(|m| m.main_target().is_some()).count();
        let as_change = groups
            .iter()
            .filter_map(|m| m.main_target())
            .filter(|(s, _)| {
                matches!(s.comparator, Comparator::GrowthRate | Comparator::IncreaseBy | Comparator::Multiple)
            })
            .count();
        assert!(as_change >= 3);
        assert_eq!(all.len(), with_target);
        assert_eq!(
            Tally::of(&all),
            Tally { met: 0, not_met: 0, no_data: with_target - as_change, not_judged: as_change }
        );
    }
}
