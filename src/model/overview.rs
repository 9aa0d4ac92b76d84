//! The plan at a glance: what the plan holds (篇, 章, 节, 专栏, tasks, statements) and one
//! tile per headline indicator (主要指标) — baseline, target, the value in the target year,
//! the latest value, the series to sketch and the verdict of the final evaluation.

use super::document::Document;
use super::evaluation::TargetEvaluation;
use super::indicators::Measure;
use super::plan::NodeKind;
use super::scenario::{Scenario, the_actual_series};
use super::summary::MeasureSummary;

/// How much the plan holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanFacts {
    pub parts: usize,
    pub chapters: usize,
    pub sections: usize,
    pub boxes: usize,
    /// Task paragraphs and the entries of boxes.
    pub tasks: usize,
    pub statements: usize,
    pub measures: usize,
    pub targets: usize,
}

impl PlanFacts {
    pub fn of(doc: &Document, summaries: &[MeasureSummary]) -> PlanFacts {
        let count = |kinds: &[NodeKind]| doc.plan.nodes.iter().filter(|n| kinds.contains(&n.kind)).count();
        PlanFacts {
            parts: count(&[NodeKind::Part]),
            chapters: count(&[NodeKind::Chapter]),
            sections: count(&[NodeKind::Section, NodeKind::Subsection]),
            boxes: count(&[NodeKind::Box]),
            tasks: count(&[NodeKind::Task, NodeKind::Item]),
            statements: doc.plan.indicators.len(),
            measures: summaries.len(),
            targets: summaries.iter().filter(|s| s.target.is_some()).count(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineTile {
    /// 1-based, as the announcement numbers them.
    pub order: usize,
    /// The name as the announcement writes it.
    pub name: String,
    /// False when the target is stated only outside the plan's text.
    pub in_text: bool,
    /// The plan's baseline in its base year.
    pub baseline: Option<(u16, f64)>,
    /// The latest actual value of the sketched series (not before the base year), with its label.
    pub latest: Option<(u16, f64, String)>,
    /// The judging series (else the first actual series with values), by year.
    pub sparkline: Vec<(u16, f64)>,
    /// The target, its value in the target year and the verdict.
    pub evaluation: TargetEvaluation,
}

/// One tile per headline indicator, in the announcement's order; a headline whose measure
/// has no target is skipped (validation reports it).
pub fn headline_tiles(
    doc: &Document,
    summaries: &[MeasureSummary],
    evaluations: &[TargetEvaluation],
    scenarios: &[&Scenario],
) -> Vec<HeadlineTile> {
    let base_year = doc.plan.meta.baseline_year;
    let groups = Measure::group(&doc.plan.indicators);
    doc.plan
        .headlines
        .iter()
        .enumerate()
        .filter_map(|(k, h)| {
            let summary = summaries.iter().find(|s| s.key == h.measure)?;
            let evaluation = evaluations.iter().find(|e| e.key == h.measure)?;
            let series: Vec<_> = scenarios.iter().flat_map(|s| s.actual_series(&h.measure)).collect();
            let sketched = the_actual_series(&series, Some(evaluation.target_year));
            // From the plan's earliest baseline (five years before the base year) on: older
            // points say nothing about this plan.
            let since = base_year.saturating_sub(5);
            let mut sparkline: Vec<(u16, f64)> = sketched
                .map(|s| {
                    s.points
                        .iter()
                        .filter(|p| p.value.is_finite() && p.year >= since)
                        .map(|p| (p.year, p.value))
                        .collect()
                })
                .unwrap_or_default();
            sparkline.sort_by_key(|p| p.0);
            // Whether the target itself is stated in the text (other statements of the same
            // quantity may be).
            let in_text = groups
                .iter()
                .find(|m| m.key == h.measure)
                .and_then(Measure::main_target)
                .is_none_or(|(s, _)| s.outside_text.is_none());
            Some(HeadlineTile {
                order: k + 1,
                name: h.name.clone(),
                in_text,
                baseline: summary.baselines.iter().find(|b| b.0 == base_year).map(|b| (b.0, b.1)),
                // The latest value of the measure's actual series, as the indicator table gives it
                // (never one older than the base year: that is not news about this plan).
                latest: summary.latest.clone().filter(|l| l.0 >= base_year),
                sparkline,
                evaluation: evaluation.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluation::{Verdict, evaluate};
    use crate::model::load::embedded_plan;
    use crate::model::scenario::embedded_actuals;
    use crate::model::summary::summarize;

    #[test]
    fn the_plan_in_numbers_and_its_eleven_tiles_from_the_shipped_data() {
        let doc = Document::new(embedded_plan().expect("plan"), "plan.ron");
        let actuals = embedded_actuals(&doc.plan).expect("actuals");
        let scenarios = [&actuals];
        let summaries = summarize(&doc, &scenarios);
        let facts = PlanFacts::of(&doc, &summaries);
        assert_eq!((facts.parts, facts.chapters, facts.boxes), (6, 25, 46));
        assert_eq!(facts.statements, doc.plan.indicators.len());
        let evaluations = evaluate(&doc, &scenarios, crate::model::evaluation::Rule::default());
        let tiles = headline_tiles(&doc, &summaries, &evaluations, &scenarios);
        assert_eq!(tiles.len(), 11);
        // R&D intensity: 0.76 % in 2015, 2.2 % targeted, 0.93 % in 2020 (first published).
        let rd = &tiles[2];
        assert_eq!((rd.order, rd.evaluation.key.as_str()), (3, "rd_intensity"));
        assert_eq!(rd.baseline, Some((2015, 0.76)));
        assert_eq!(rd.evaluation.judged.as_ref().map(|r| (r.year, r.value)), Some((2020, 0.93)));
        assert_eq!(rd.evaluation.verdict, Verdict::NotMet);
        assert!(rd.sparkline.windows(2).all(|w| w[0].0 < w[1].0) && rd.sparkline.len() > 5);
        // The eighth is stated outside the text and has no data.
        assert!(!tiles[7].in_text && tiles.iter().filter(|t| !t.in_text).count() == 1);
        assert_eq!(tiles[7].evaluation.verdict, Verdict::NoData);
    }
}
