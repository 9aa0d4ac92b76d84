//! How a target is judged: by the value in its target year, or, for a target stated as a
//! change (a growth rate, an increase, a multiple), by the change between the plan's base
//! year and the target year — entered as such, or computed from the two levels.

use super::{Overridden, Reading, Rule, TargetEvaluation, Verdict};
use crate::model::document::Document;
use crate::model::entries::verdict_of;
use crate::model::format::number;
use crate::model::indicators::{Comparator, Measure, same_unit};
use crate::model::progress::meets;
use crate::model::scenario::{ActualSeries, Point, Scenario, Series, join_sources};

/// The measure whose levels a change is stated over, by the plan's naming of measures
/// (`key_labs_new` → `key_labs`, `rd_personnel_growth` → `rd_personnel`), when the plan has it
/// with a unit the change can be computed from.
pub fn level_measure_of<'a>(measure: &Measure<'_>, groups: &'a [Measure<'a>]) -> Option<&'a str> {
    let comparator = measure.main_target()?.0.comparator;
    let suffix = match comparator {
        Comparator::GrowthRate => "_growth",
        Comparator::IncreaseBy => "_new",
        Comparator::Multiple => "_multiple",
        _ => return None,
    };
    let key = measure.key.strip_suffix(suffix)?;
    let level = groups.iter().find(|g| g.key == key)?;
    // An increase is in the level's own unit; a rate or a multiple is a pure number.
    let fits = comparator != Comparator::IncreaseBy || same_unit(level.unit(), measure.unit());
    fits.then_some(level.key)
}

/// The point of `series` in `year`, when it has a finite value.
fn point_in(series: &Series, year: u16) -> Option<&Point> {
    series.points.iter().find(|p| p.year == year && p.value.is_finite())
}

fn reading(series: &Series, p: &Point) -> Reading {
    Reading {
        year: p.year,
        value: p.value,
        series: series.label.clone(),
        source: series.source_of(p).to_string(),
        quote: p.quote.clone(),
        derived: p.derived.clone(),
        note: p.note.clone(),
    }
}

/// The change a level series shows from `base` to `year`, as `comparator` states changes,
/// with the arithmetic written out; None without both levels (or a rate from nothing).
fn change_reading(series: &Series, comparator: Comparator, base: u16, year: u16) -> Option<Reading> {
    let (b, t) = (point_in(series, base)?, point_in(series, year)?);
    let (vb, vt) = (b.value, t.value);
    let n = f64::from(year.checked_sub(base).filter(|n| *n > 0)?);
    let (value, formula) = match comparator {
        Comparator::IncreaseBy => (vt - vb, format!("{year}年 {} − {base}年 {}", number(vt), number(vb))),
        Comparator::Multiple if vb > 0.0 => (vt / vb, format!("{year}年 {} ÷ {base}年 {}", number(vt), number(vb))),
        Comparator::GrowthRate if vb > 0.0 && vt > 0.0 => (
            ((vt / vb).powf(1.0 / n) - 1.0) * 100.0,
            format!("(({year}年 {} ÷ {base}年 {})^(1/{n}) − 1) × 100", number(vt), number(vb)),
        ),
        _ => return None,
    };
    let quotes: Vec<&str> = [b, t].iter().map(|p| p.quote.as_str()).filter(|q| !q.is_empty()).collect();
    Some(Reading {
        year,
        value,
        series: series.label.clone(),
        source: join_sources([b, t].map(|p| series.source_of(p))),
        quote: quotes.join(" … "),
        derived: Some(format!("{formula} = {}", number(value))),
        note: String::new(),
    })
}

/// The judged value as a share of the target, in percent (see [`TargetEvaluation::completion`]).
fn completion(comparator: Comparator, value: f64, target: f64) -> Option<f64> {
    let share = match comparator {
        Comparator::Rank | Comparator::RankWithin => return None,
        Comparator::AtMost if value > 0.0 => target / value,
        Comparator::AtMost => return None,
        _ if target > 0.0 => value / target,
        _ => return None,
    };
    share.is_finite().then_some(share * 100.0)
}

/// Judges every measure that has a target against the actual series of `scenarios` (whole
/// region), in the plan's order of measures; `rule` says what is 基本完成.
pub fn evaluate(doc: &Document, scenarios: &[&Scenario], rule: Rule) -> Vec<TargetEvaluation> {
    let base_year = doc.plan.meta.baseline_year;
    let actuals = ActualSeries::new(scenarios);
    let groups = Measure::group(&doc.plan.indicators);
    groups
        .iter()
        .filter_map(|m| {
            let (statement, target) = m.main_target().filter(|(_, t)| !t.standing)?;
            let change = statement.comparator.states_a_change();
            let level_measure = if change { level_measure_of(m, &groups) } else { None };
            let series = actuals.of(m.key);
            let meets_target = |v: f64| meets(statement.comparator, v, target.value, target.upper);
            // The value in the target year: for a change, an entered change first, then the
            // change computed from each level series with both years.
            let mut readings: Vec<Reading> =
                series.iter().filter_map(|s| point_in(s, target.year).map(|p| reading(s, p))).collect();
            if let Some(level) = level_measure {
                readings.extend(
                    actuals
                        .of(level)
                        .iter()
                        .filter_map(|s| change_reading(s, statement.comparator, base_year, target.year)),
                );
            }
            // The first year met is read from the judging series only, so it never mixes the
            // sold side of a quantity with the bought side, or a yearbook with a news report;
            // without a value in the target year there is no verdict to date either. A change
            // has no year-by-year path to date.
            let reference =
                readings.first().filter(|_| !change).and_then(|r| series.iter().find(|s| s.label == r.series));
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
            let completion = judged.as_ref().and_then(|r| completion(statement.comparator, r.value, target.value));
            let verdict = match &judged {
                Some(r) if meets_target(r.value) => Verdict::Met,
                Some(_) if completion.is_some_and(|c| c >= rule.nearly_met_percent) => Verdict::NearlyMet,
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
                completion,
                source_node: doc.outline.index_of(&statement.source_node),
                sources_disagree,
                rival_targets: m
                    .conflicts()
                    .iter()
                    .filter(|c| c.year == target.year)
                    .flat_map(|c| c.statements.iter().skip(1).map(|(_, v)| *v))
                    .collect(),
                level_measure: level_measure.map(str::to_string),
                overridden: None,
            })
        })
        .map(|e| overridden(e, scenarios))
        .collect()
}

/// `e` with the verdict a person set for it, from the first scenario that sets one.
fn overridden(mut e: TargetEvaluation, scenarios: &[&Scenario]) -> TargetEvaluation {
    let set = scenarios.iter().find_map(|s| verdict_of(s, &e.key, e.target_year).map(|v| (s, v)));
    if let Some((scenario, v)) = set {
        e.overridden = Some(Overridden { computed: e.verdict, note: v.note.clone(), by: scenario.name.clone() });
        e.verdict = v.verdict;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::evaluation::Tally;
    use crate::model::indicators::Indicator;
    use crate::model::scenario::SeriesKind;

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
            points: points.iter().map(|&(year, value)| Point { year, value, ..Point::default() }).collect(),
        }
    }

    fn scenario(series: Vec<Series>) -> Scenario {
        Scenario::of_series("t", series)
    }

    fn doc() -> Document {
        Document::new(crate::model::load::embedded_plan().expect("embedded plan"), "plan.ron")
    }

    fn find<'a>(all: &'a [TargetEvaluation], key: &str) -> &'a TargetEvaluation {
        all.iter().find(|e| e.key == key).expect(key)
    }

    #[test]
    fn a_verdict_set_by_a_person_replaces_the_datas_from_the_first_scenario_that_sets_one() {
        use crate::model::scenario::VerdictOverride;
        let set = |name: &str, measure: &str, year: u16, verdict: Verdict| Scenario {
            name: name.into(),
            verdicts: vec![VerdictOverride { measure: measure.into(), year, verdict, note: format!("{name} says so") }],
            ..scenario(Vec::new())
        };
        let data = scenario(vec![series("rd_intensity", "a", SeriesKind::Actual, &[(2020, 1.0)])]);
        let doc = doc();
        let (first, second) =
            (set("first", "rd_intensity", 2020, Verdict::NearlyMet), set("second", "rd_intensity", 2020, Verdict::Met));
        let all = evaluate(&doc, &[&data, &first, &second], Rule::default());
        let e = find(&all, "rd_intensity");
        assert_eq!(e.verdict, Verdict::NearlyMet);
        let o = e.overridden.as_ref().expect("overridden");
        assert_eq!((o.computed, o.note.as_str(), o.by.as_str()), (Verdict::NotMet, "first says so", "first"));
        // The value judged stays, so the reader sees what the person overrode.
        assert_eq!(e.judged.as_ref().map(|r| r.value), Some(1.0));
        // A verdict for another year is not the target's.
        let other_year = set("x", "rd_intensity", 2019, Verdict::Met);
        let all = evaluate(&doc, &[&data, &other_year], Rule::default());
        assert_eq!(
            (find(&all, "rd_intensity").verdict, find(&all, "rd_intensity").overridden.is_none()),
            (Verdict::NotMet, true)
        );
        // A target met by a person's verdict counts as met, but is neither exceeded nor ahead.
        let met = set("m", "high_tech_enterprises", 2020, Verdict::Met);
        let all = evaluate(&doc, &[&met], Rule::default());
        let e = find(&all, "high_tech_enterprises");
        assert_eq!((e.verdict, e.exceeded(), e.ahead()), (Verdict::Met, false, false));
        assert_eq!(Tally::of(&all).met, 1);
    }

    #[test]
    fn a_target_is_judged_by_its_target_year_not_by_a_later_one() {
        // rd_intensity: reach 2.2 % in 2020. 1.0 in 2020 is not met, although a (made-up)
        // 2.3 in 2022 meets it: that is "met late", shown as the first year met.
        let s =
            scenario(vec![series("rd_intensity", "a", SeriesKind::Actual, &[(2019, 0.9), (2020, 1.0), (2022, 2.3)])]);
        let doc = doc();
        let all = evaluate(&doc, &[&s], Rule::default());
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
            // science_literacy: 超过10% — exactly 10 is not more than 10 (though all of it).
            series("science_literacy", "c", SeriesKind::Actual, &[(2020, 10.0)]),
        ]);
        let all = evaluate(&doc, &[&s], Rule::default());
        assert_eq!(find(&all, "rd_intensity").verdict, Verdict::Met);
        assert_eq!(find(&all, "overall_st_rank").verdict, Verdict::Met);
        assert_eq!(find(&all, "science_literacy").verdict, Verdict::NearlyMet);
        let worse = scenario(vec![series("overall_st_rank", "b", SeriesKind::Actual, &[(2020, 25.0)])]);
        let rank = evaluate(&doc, &[&worse], Rule::default()).into_iter().find(|e| e.key == "overall_st_rank").unwrap();
        assert_eq!(rank.verdict, Verdict::NotMet);
        // Five places short of the top 20 is a gap of −5, as a shortfall reads everywhere else.
        assert_eq!(rank.gap, Some(-5.0));
    }

    #[test]
    fn a_target_the_plan_contradicts_carries_its_rival() {
        // 院士专家工作站: 100 in 第九章, 150 in 第十七章, both for 2020.
        let all = evaluate(&doc(), &[], Rule::default());
        let e = find(&all, "academician_workstations");
        assert_eq!((e.target_value, e.rival_targets.as_slice()), (100.0, [150.0].as_slice()));
        assert!(find(&all, "rd_intensity").rival_targets.is_empty());
    }

    #[test]
    fn projections_never_judge_a_target() {
        let doc = doc();
        let s = scenario(vec![series("rd_intensity", "trend", SeriesKind::Projection, &[(2020, 5.0)])]);
        let e = evaluate(&doc, &[&s], Rule::default()).into_iter().find(|e| e.key == "rd_intensity").unwrap();
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
        let all = evaluate(&doc, &[&s], Rule::default());
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
        let all = evaluate(&doc, &[&s], Rule::default());
        let e = find(&all, "tech_contract_value");
        assert_eq!(e.verdict, Verdict::NotMet);
        assert_eq!(e.judged.as_ref().map(|r| r.series.as_str()), Some("out"));
        assert_eq!(e.others.len(), 1);
        assert!(e.sources_disagree);
    }

    #[test]
    fn a_growth_rate_is_judged_from_the_two_levels_it_needs_and_an_entered_rate_comes_first() {
        let doc = doc();
        // R&D人员总量年均增速 4 %/年 to 2020, over R&D人员总量 (万人) from 2015.
        let e =
            |s: &Scenario| evaluate(&doc, &[s], Rule::default()).into_iter().find(|e| e.key == "rd_personnel_growth");
        let only_2020 = scenario(vec![series("rd_personnel", "levels", SeriesKind::Actual, &[(2020, 6.2)])]);
        let without_base = e(&only_2020).unwrap();
        assert_eq!(without_base.verdict, Verdict::NoData, "one level cannot give a rate");
        assert_eq!(without_base.level_measure.as_deref(), Some("rd_personnel"));
        let both = scenario(vec![series("rd_personnel", "levels", SeriesKind::Actual, &[(2015, 5.0), (2020, 6.2)])]);
        let judged = e(&both).unwrap();
        let r = judged.judged.as_ref().expect("a computed rate");
        // (6.2 / 5)^(1/5) − 1 = 4.39 % a year: met, and the arithmetic is shown.
        assert!((r.value - 4.3968).abs() < 1e-3, "{}", r.value);
        assert_eq!(judged.verdict, Verdict::Met);
        assert!(r.derived.as_deref().is_some_and(|d| d.contains("2020年 6.2") && d.contains("2015年 5")), "{r:?}");
        assert_eq!(judged.first_met, None, "a rate has no year-by-year path");
        // A rate entered as such (3.7 % a year, 92.5 % of 4) judges before the computed one.
        let mut entered = both.clone();
        entered.series.push(series("rd_personnel_growth", "填报值", SeriesKind::Actual, &[(2020, 3.7)]));
        let nearly = e(&entered).unwrap();
        assert_eq!(nearly.judged.as_ref().map(|r| r.value), Some(3.7));
        assert_eq!(nearly.verdict, Verdict::NearlyMet);
        assert_eq!(nearly.others.len(), 1);
    }

    #[test]
    fn a_multiple_finds_its_level_measure_by_the_plans_naming() {
        let doc = doc();
        let groups = Measure::group(&doc.plan.indicators);
        let of = |key: &str| groups.iter().find(|m| m.key == key).and_then(|m| level_measure_of(m, &groups));
        // This plan states a multiple only of the past (2015年的拨款规模是2010年的1.8倍); a
        // plan that sets one as a target, and states the level too, has it computed over it.
        let past = doc.plan.indicators.iter().find(|i| i.measure == "fiscal_st_appropriation_multiple").unwrap();
        let target = crate::model::indicators::Target {
            year: 2020,
            value: 1.8,
            upper: None,
            year_implied: false,
            standing: false,
        };
        let multiple = Indicator { baselines: Vec::new(), target: Some(target), ..past.clone() };
        let level = Indicator {
            id: "fiscal_st_appropriation.2015".into(),
            measure: "fiscal_st_appropriation".into(),
            unit: "亿元".into(),
            comparator: Comparator::Level,
            ..past.clone()
        };
        let both = [multiple, level];
        let groups = Measure::group(&both);
        assert_eq!(level_measure_of(&groups[0], &groups), Some("fiscal_st_appropriation"));
        assert_eq!(of("rd_personnel_growth"), Some("rd_personnel"));
        assert_eq!(of("rd_intensity"), None, "a level has none");
    }

    #[test]
    fn a_change_needs_both_levels_a_later_year_and_for_a_rate_or_multiple_positive_levels() {
        let mut s = series("x", "levels", SeriesKind::Actual, &[(2015, 4.0), (2020, 10.0)]);
        s.points[1].quote = "2020年达到10".into();
        let multiple = change_reading(&s, Comparator::Multiple, 2015, 2020).expect("a multiple");
        assert_eq!(multiple.value, 2.5);
        assert_eq!(multiple.derived.as_deref(), Some("2020年 10 ÷ 2015年 4 = 2.5"));
        // The base year's empty quote is left out, not joined as an empty piece.
        assert_eq!(multiple.quote, "2020年达到10");
        assert_eq!(change_reading(&s, Comparator::IncreaseBy, 2015, 2020).map(|r| r.value), Some(6.0));
        let rate = change_reading(&s, Comparator::GrowthRate, 2015, 2020).expect("a rate").value;
        assert!((rate - 20.1124).abs() < 1e-3, "(10 / 4)^(1/5) − 1 = 20.11 %: {rate}");
        // No change within one year, and a level is no change.
        assert!(change_reading(&s, Comparator::IncreaseBy, 2020, 2020).is_none());
        assert!(change_reading(&s, Comparator::Reach, 2015, 2020).is_none());
        // From nothing, an increase is still an increase; a rate or a multiple is not.
        let from_zero = series("x", "levels", SeriesKind::Actual, &[(2015, 0.0), (2020, 10.0)]);
        assert_eq!(change_reading(&from_zero, Comparator::IncreaseBy, 2015, 2020).map(|r| r.value), Some(10.0));
        assert!(change_reading(&from_zero, Comparator::Multiple, 2015, 2020).is_none());
        assert!(change_reading(&from_zero, Comparator::GrowthRate, 2015, 2020).is_none());
        // To nothing: a multiple of 0, but no rate (a root of 0 says nothing of a path).
        let to_zero = series("x", "levels", SeriesKind::Actual, &[(2015, 4.0), (2020, 0.0)]);
        assert_eq!(change_reading(&to_zero, Comparator::Multiple, 2015, 2020).map(|r| r.value), Some(0.0));
        assert!(change_reading(&to_zero, Comparator::GrowthRate, 2015, 2020).is_none());
    }

    #[test]
    fn a_range_has_no_gap_within_it_and_one_source_alone_never_disagrees() {
        let doc = doc();
        // 进入国际标准或提案的特色产业技术标准 5–7 项.
        let judge = |v: f64| {
            let s = scenario(vec![series("international_standards", "a", SeriesKind::Actual, &[(2020, v)])]);
            find(&evaluate(&doc, &[&s], Rule::default()), "international_standards").clone()
        };
        assert_eq!(judge(6.0).gap, Some(0.0));
        assert_eq!(judge(5.0).gap, Some(0.0), "the lower end is within");
        assert_eq!(judge(9.0).gap, Some(2.0), "two above the upper end");
        assert_eq!(judge(3.0).gap, Some(-2.0), "two short of the lower end");
        assert!(!judge(6.0).sources_disagree, "one source has nothing to disagree with");
    }

    #[test]
    fn a_target_is_cited_where_the_plan_states_it_and_a_node_out_of_the_plan_is_not_cited() {
        let doc = doc();
        let mut e = find(&evaluate(&doc, &[], Rule::default()), "rd_intensity").clone();
        // 研发经费占GDP比重 2.2 % is stated in the paragraph 综合科技实力进入全国中等水平 of 第二章 三、（二）.
        assert_eq!(e.citation(&doc).as_deref(), Some("《规划》第二章 三、 （二） “综合科技实力进入全国中等水平”"));
        e.source_node = Some(doc.plan.nodes.len());
        assert_eq!(e.citation(&doc), None);
    }

    #[test]
    fn completion_is_the_share_of_the_target_and_a_limit_counts_it_the_other_way() {
        assert_eq!(completion(Comparator::Reach, 1.5, 2.0), Some(75.0));
        assert_eq!(completion(Comparator::AtMost, 4.0, 3.0), Some(75.0));
        assert_eq!(completion(Comparator::Rank, 20.0, 20.0), None);
        assert_eq!(completion(Comparator::RankWithin, 20.0, 20.0), None);
        // No share of a target of nothing or below, nor of a limit against nothing or below.
        assert_eq!(completion(Comparator::Reach, 1.0, 0.0), None);
        assert_eq!(completion(Comparator::Reach, 1.0, -2.0), None);
        assert_eq!(completion(Comparator::AtMost, 0.0, 3.0), None);
        assert_eq!(completion(Comparator::AtMost, -1.0, 3.0), None);
    }

    #[test]
    fn verdicts_are_read_in_the_words_files_and_the_window_use() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_word(v.name_en()), Some(v));
            assert_eq!(Verdict::from_word(&format!(" {} ", v.text(Lang::Zh))), Some(v));
            assert_eq!(Verdict::from_word(&v.text(Lang::En).to_uppercase()), Some(v));
        }
        assert_eq!(Verdict::from_word("基本完成"), Some(Verdict::NearlyMet));
        assert_eq!(Verdict::from_word("未完成"), Some(Verdict::NotMet));
        assert_eq!(Verdict::from_word("大致完成"), None);
        assert_eq!(Verdict::from_word(""), None);
    }

    #[test]
    fn an_increase_is_the_difference_of_its_levels_and_the_line_decides_nearly_met() {
        let doc = doc();
        // 新增自治区重点实验室 +20 by 2020, over 自治区重点实验室总数.
        let s = scenario(vec![series("key_labs", "labs", SeriesKind::Actual, &[(2015, 100.0), (2020, 119.0)])]);
        let at = |percent: f64| {
            evaluate(&doc, &[&s], Rule::new(percent)).into_iter().find(|e| e.key == "key_labs_new").unwrap()
        };
        let e = at(90.0);
        assert_eq!(e.judged.as_ref().map(|r| r.value), Some(19.0));
        assert_eq!(e.completion, Some(95.0));
        assert_eq!(e.verdict, Verdict::NearlyMet);
        assert_eq!(at(95.0).verdict, Verdict::NearlyMet, "exactly the line is nearly met");
        assert_eq!(at(95.5).verdict, Verdict::NotMet);
    }

    #[test]
    fn ranks_are_never_nearly_met_and_a_limit_counts_its_share_the_other_way() {
        // The plan's one limit (at most 3 years) is a standing rule; as a target, as another
        // plan may state one, it counts its share the other way.
        let mut plan = crate::model::load::embedded_plan().expect("embedded plan");
        let limit = plan.indicators.iter_mut().find(|i| i.measure == "leave_to_start_business_years");
        limit.and_then(|i| i.target.as_mut()).expect("the limit").standing = false;
        let doc = Document::new(plan, "plan.ron");
        let s = scenario(vec![
            series("overall_st_rank", "rank", SeriesKind::Actual, &[(2020, 21.0)]),
            // 离岗创业保留人事关系 at most 3 years: 4 years is 75 % of the way.
            series("leave_to_start_business_years", "years", SeriesKind::Actual, &[(2020, 4.0)]),
        ]);
        let all = evaluate(&doc, &[&s], Rule::new(50.0));
        let rank = find(&all, "overall_st_rank");
        assert_eq!((rank.verdict, rank.completion), (Verdict::NotMet, None));
        let limit = find(&all, "leave_to_start_business_years");
        assert_eq!((limit.verdict, limit.completion), (Verdict::NearlyMet, Some(75.0)));
    }

    #[test]
    fn exceeded_ahead_of_time_and_the_completion_rate_are_counted() {
        let doc = doc();
        let s = scenario(vec![
            // Met in 2019 already and past the target in 2020: exceeded, ahead of time.
            series("rd_intensity", "a", SeriesKind::Actual, &[(2019, 2.3), (2020, 2.5)]),
            // Exactly met in 2020, first in 2020: neither.
            series("high_tech_enterprises", "b", SeriesKind::Actual, &[(2020, 1000.0)]),
            series("tech_contract_value", "c", SeriesKind::Actual, &[(2020, 100.0)]),
        ]);
        let all = evaluate(&doc, &[&s], Rule::default());
        let rd = find(&all, "rd_intensity");
        assert!(rd.exceeded() && rd.ahead());
        let exact = find(&all, "high_tech_enterprises");
        assert!(exact.verdict == Verdict::Met && !exact.exceeded() && !exact.ahead());
        let tally = Tally::of(&all);
        assert_eq!((tally.met, tally.not_met, tally.exceeded, tally.ahead), (2, 1, 1, 1));
        assert_eq!(tally.judged(), 3);
        assert!((tally.completion_rate().unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(tally.rate_words(Lang::Zh), "已判定 3 项中完成 2 项，完成率 66.7%");
        // Nothing judged: no rate, not 0 %.
        assert_eq!(Tally::of(&evaluate(&doc, &[], Rule::default())).completion_rate(), None);
    }

    #[test]
    fn every_target_has_one_row_and_nothing_is_judged_without_data() {
        let doc = doc();
        let all = evaluate(&doc, &[], Rule::default());
        let groups = Measure::group(&doc.plan.indicators);
        let with_target = groups.iter().filter(|m| m.main_target().is_some_and(|(_, t)| !t.standing)).count();
        assert_eq!(all.len(), with_target);
        // The standing rules are listed apart, not judged (不低于50%用于奖励 has no deadline).
        let standing = crate::model::evaluation::standing_rules(&doc.plan);
        assert_eq!(standing.len(), 5);
        assert!(standing.iter().all(|r| all.iter().all(|e| e.key != r.measure)));
        assert!(standing.iter().any(|r| r.quote == "转让成果取得的净收入应提取不低于50%用于奖励"));
        assert_eq!(Tally::of(&all), Tally { no_data: with_target, ..Tally::default() });
        // Every change the plan states over a level it also states finds that level.
        let levels: Vec<(&str, Option<&str>)> = all
            .iter()
            .filter(|e| e.comparator.states_a_change())
            .map(|e| (e.key.as_str(), e.level_measure.as_deref()))
            .collect();
        assert!(levels.contains(&("rd_personnel_growth", Some("rd_personnel"))), "{levels:?}");
        assert!(levels.contains(&("key_labs_new", Some("key_labs"))), "{levels:?}");
    }
}
