//! One row per measure for the indicator table: its baseline and target, the growth the
//! target requires, the latest actual value and the progress status; and the statuses
//! rolled up the tree (a node shows the worst status below it).

use super::document::Document;
use super::format::{number, target_words, unit_words};
use super::indicators::{Comparator, Measure, RateMismatch, cagr, rate_mismatches};
use super::progress::{Assessment, Status, assess};
use super::scenario::{ActualSeries, Scenario, the_actual_series};
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct MeasureSummary {
    pub key: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    /// When the statements write the unit differently (家 / 个): every word, first one first.
    pub units_as_written: Vec<String>,
    pub comparator: Comparator,
    /// The plan's baselines, latest first: (year, value, derived?).
    pub baselines: Vec<(u16, f64, bool)>,
    pub target: Option<(u16, f64, Option<f64>)>,
    /// The target's statement names no year (the plan's end is meant).
    pub target_year_implied: bool,
    /// % a year from the base-year baseline to the target.
    pub required_growth: Option<f64>,
    /// The latest actual value (from the first actual series that has one) and its series label.
    pub latest: Option<(u16, f64, String)>,
    pub assessment: Option<Assessment>,
    /// The label of the actual series the assessment was computed from.
    pub assessed_with: String,
    /// Index of the node the target (or first statement) is quoted from.
    pub source_node: Option<usize>,
    pub conflict: bool,
    /// A stated multiple and growth rate of this measure that disagree, described.
    pub inconsistency: Option<String>,
    /// Index of the measure's first statement in `plan.indicators` (document order).
    pub order: usize,
}

impl MeasureSummary {
    /// The plan's baselines as text: `136.06（2015）`, derived values starred.
    pub fn baseline_text(&self, lang: crate::i18n::Lang) -> String {
        self.baselines
            .iter()
            .map(|(y, v, derived)| {
                format!("{}{}{}", number(*v), if *derived { "*" } else { "" }, crate::i18n::paren(lang, y))
            })
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// The plan's target in words with its unit: `≥ 2.2 %（2020）`, `前 20 位（2020）`,
    /// `年均增长 4 %/年（2020）`, a range `1.5–2 %（2020）`.
    pub fn target_text(&self, lang: Lang) -> String {
        let Some((year, v, upper)) = self.target else { return String::new() };
        let unit = unit_words(&self.unit, lang);
        target_words(self.comparator, v, upper, &unit, (year, self.target_year_implied), lang)
    }

    pub fn status(&self) -> Option<Status> {
        self.assessment.as_ref().map(|a| a.status)
    }
}

pub fn summarize(doc: &Document, scenarios: &[&Scenario]) -> Vec<MeasureSummary> {
    let plan = &doc.plan;
    let base_year = plan.meta.baseline_year;
    let mismatches = rate_mismatches(&plan.indicators, |id| {
        doc.outline.index_of(id).and_then(|i| plan.nodes.get(i)).map(|n| n.text.as_str())
    });
    // Each mismatch by both of its statements' ids.
    let mismatch_of: std::collections::HashMap<&str, &RateMismatch> =
        mismatches.iter().flat_map(|x| [(x.multiple_id.as_str(), x), (x.rate_id.as_str(), x)]).collect();
    let actuals = ActualSeries::new(scenarios);
    Measure::group(&plan.indicators)
        .iter()
        .enumerate()
        .map(|(order, m)| {
            let first = m.first();
            let main = m.main_target();
            let mut baselines: Vec<(u16, f64, bool)> =
                m.baselines().iter().map(|o| (o.year, o.value, o.derived.is_some())).collect();
            baselines.reverse();
            let base = m.baselines().into_iter().find(|o| o.year == base_year).map(|o| o.value);
            let target = main.map(|(_, t)| (t.year, t.value, t.upper));
            let reachable =
                main.is_some_and(|(s, _)| !matches!(s.comparator, Comparator::GrowthRate | Comparator::IncreaseBy));
            let required_growth = match (base, target, reachable) {
                (Some(b), Some((year, value, _)), true) => cagr(b, value, f64::from(year.saturating_sub(base_year))),
                _ => None,
            };
            // The latest value and the progress status, both from the measure's actual series
            // (the one its chart draws and the evaluation judges by), named by its label.
            let chosen = the_actual_series(actuals.of(m.key), target.map(|t| t.0));
            let points: Vec<(u16, f64)> = chosen
                .map(|s| s.points.iter().filter(|p| p.value.is_finite()).map(|p| (p.year, p.value)).collect())
                .unwrap_or_default();
            let label = chosen.map(|s| s.label.clone()).unwrap_or_default();
            let latest = points.iter().max_by_key(|(y, _)| *y).map(|&(y, v)| (y, v, label.clone()));
            let assessment = assess(m, base_year, &points);
            let assessed_with = if assessment.is_some() { label } else { String::new() };
            let source = main.map(|(s, _)| s).unwrap_or(first);
            MeasureSummary {
                key: m.key.to_string(),
                name: m.name().to_string(),
                name_en: first.name_en.clone(),
                unit: m.unit().to_string(),
                units_as_written: match m.units_as_written().as_slice() {
                    [_] | [] => Vec::new(),
                    many => many.iter().map(ToString::to_string).collect(),
                },
                comparator: main.map(|(s, _)| s.comparator).unwrap_or(first.comparator),
                baselines,
                target,
                target_year_implied: main.is_some_and(|(_, t)| t.year_implied),
                required_growth,
                latest,
                assessment,
                assessed_with,
                source_node: doc.outline.index_of(&source.source_node),
                conflict: !m.conflicts().is_empty(),
                inconsistency: m.statements.iter().find_map(|s| mismatch_of.get(s.id.as_str())).map(|x| x.describe()),
                // Measures are grouped in the order their first statement appears.
                order,
            }
        })
        .collect()
}

/// For every node, the worst status of the measures whose statements lie in its subtree.
pub fn rollup(doc: &Document, summaries: &[MeasureSummary]) -> Vec<Option<Status>> {
    let n = doc.plan.nodes.len();
    let mut own: Vec<Option<Status>> = vec![None; n];
    let by_key: std::collections::HashMap<&str, Option<Status>> =
        summaries.iter().map(|s| (s.key.as_str(), s.status())).collect();
    for ind in &doc.plan.indicators {
        let Some(i) = doc.outline.index_of(&ind.source_node) else { continue };
        let status = by_key.get(ind.measure.as_str()).copied().flatten();
        if let Some(st) = status {
            own[i] = Some(own[i].map_or(st, |o| o.min(st)));
        }
    }
    // Children follow parents: fold each node into its parent, last to first.
    for i in (0..n).rev() {
        if let (Some(p), Some(st)) = (doc.outline.parent(i), own[i]) {
            own[p] = Some(own[p].map_or(st, |o| o.min(st)));
        }
    }
    own
}
