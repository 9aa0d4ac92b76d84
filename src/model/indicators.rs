//! Quantitative statements of the plan. Each [`Indicator`] is one statement, quoted from one
//! node; statements about the same quantity share a `measure`, and [`Measure`] gathers them
//! into one trajectory (baselines → target) and finds where the plan contradicts itself.

use serde::{Deserialize, Serialize};

pub use super::comparator::Comparator;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub year: u16,
    pub value: f64,
    /// Set when the plan gives the value only indirectly: the formula that derives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
    /// For values that sum or describe a period (`“十二五”期间`): its first year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<u16>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub year: u16,
    pub value: f64,
    /// The upper end of a range (`5-7项` → 5 and 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// True when the statement names no year and the plan's end (2020) is meant.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_implied: bool,
    /// A standing rule of policy (`不低于50%用于奖励`), not a goal for a year: it holds for
    /// the plan's time and has no deadline. The evaluation lists it apart, unjudged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub standing: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id of this statement, e.g. `rd_intensity.target`.
    pub id: String,
    /// Statements about the same quantity share this key, e.g. `rd_intensity`.
    pub measure: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub comparator: Comparator,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<Observation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The node the statement is quoted from. In the curation file it may be left empty:
    /// the importer then finds the one node whose text holds the quote.
    #[serde(default)]
    pub source_node: String,
    /// The exact phrase of the source text that states the value(s).
    pub quote: String,
    /// Set for a statement the plan's text does not carry (the announcement lists a target
    /// the text omits): the address of the source, whose words `quote` holds. Such a
    /// statement has no source node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_text: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Indicator {
    pub fn lower_is_better(&self) -> bool {
        self.comparator.lower_is_better()
    }

    /// The baseline in the plan's base year, else the latest before the target.
    pub fn baseline_for_growth(&self) -> Option<&Observation> {
        self.baselines.iter().filter(|o| o.since.is_none()).max_by_key(|o| o.year)
    }
}

/// Count words the text uses for the same kind of count (工作站 "100家" and "150个"): a
/// measure's statements keep the word of their own sentence, and may differ in it.
const COUNT_WORDS: [&str; 2] = ["个", "家"];

/// Whether two statements' units measure the same quantity.
pub fn same_unit(a: &str, b: &str) -> bool {
    a == b || (COUNT_WORDS.contains(&a) && COUNT_WORDS.contains(&b))
}

/// All statements about one quantity.
#[derive(Clone, Debug)]
pub struct Measure<'a> {
    pub key: &'a str,
    pub statements: Vec<&'a Indicator>,
}

/// Two statements that set different targets for the same quantity and year.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub measure: String,
    pub year: u16,
    pub statements: Vec<(String, f64)>,
}

impl<'a> Measure<'a> {
    /// Group statements by measure, in the order measures first appear.
    pub fn group(indicators: &'a [Indicator]) -> Vec<Measure<'a>> {
        let mut measures: Vec<Measure<'a>> = Vec::new();
        let mut index: std::collections::HashMap<&'a str, usize> = std::collections::HashMap::new();
        for indicator in indicators {
            match index.get(indicator.measure.as_str()) {
                Some(&k) => measures[k].statements.push(indicator),
                None => {
                    index.insert(&indicator.measure, measures.len());
                    measures.push(Measure { key: &indicator.measure, statements: vec![indicator] });
                }
            }
        }
        measures
    }

    /// The measures named by `keys`, in that order; unknown keys are skipped.
    /// A key named twice is taken once. One pass over the statements per key: grouping the
    /// whole plan for the two measures of a chart was 40 % of the frame a scenario arrives in
    /// at 100×.
    pub fn select(indicators: &'a [Indicator], keys: &[String]) -> Vec<Measure<'a>> {
        let mut measures: Vec<Measure<'a>> = Vec::new();
        for key in keys {
            if measures.iter().any(|m| m.key == key.as_str()) {
                continue;
            }
            let statements: Vec<&'a Indicator> = indicators.iter().filter(|i| i.measure == *key).collect();
            if let Some(first) = statements.first() {
                measures.push(Measure { key: &first.measure, statements });
            }
        }
        measures
    }

    pub fn first(&self) -> &'a Indicator {
        self.statements[0]
    }

    pub fn name(&self) -> &'a str {
        &self.first().name
    }

    pub fn unit(&self) -> &'a str {
        &self.first().unit
    }

    /// The unit words of its statements as written, first one first, each once (growth-rate
    /// statements, in %/年, aside).
    pub fn units_as_written(&self) -> Vec<&'a str> {
        let mut units: Vec<&'a str> = Vec::new();
        for s in self.statements.iter().filter(|s| s.comparator != Comparator::GrowthRate) {
            if !units.contains(&s.unit.as_str()) {
                units.push(&s.unit);
            }
        }
        units
    }

    /// Every baseline of every statement, by year (first statement wins a tie).
    pub fn baselines(&self) -> Vec<&'a Observation> {
        let mut all: Vec<&Observation> = Vec::new();
        for s in &self.statements {
            for o in &s.baselines {
                if o.since.is_none() && !all.iter().any(|a| a.year == o.year) {
                    all.push(o);
                }
            }
        }
        all.sort_by_key(|o| o.year);
        all
    }

    /// The statements that set a target, with their targets.
    pub fn targets(&self) -> Vec<(&'a Indicator, &'a Target)> {
        self.statements.iter().filter_map(|s| s.target.as_ref().map(|t| (*s, t))).collect()
    }

    /// The statement whose target is the plan's (the first one stated).
    pub fn main_target(&self) -> Option<(&'a Indicator, &'a Target)> {
        self.targets().into_iter().next()
    }

    /// Targets for the same year that disagree.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let targets = self.targets();
        let mut conflicts: Vec<Conflict> = Vec::new();
        for (i, (s, t)) in targets.iter().enumerate() {
            let rivals: Vec<(String, f64)> = targets[i + 1..]
                .iter()
                .filter(|(_, u)| u.year == t.year && (u.value != t.value || u.upper != t.upper))
                .map(|(r, u)| (r.id.clone(), u.value))
                .collect();
            if rivals.is_empty() || conflicts.iter().any(|c| c.year == t.year) {
                continue;
            }
            let mut statements = vec![(s.id.clone(), t.value)];
            statements.extend(rivals);
            conflicts.push(Conflict { measure: self.key.to_string(), year: t.year, statements });
        }
        conflicts
    }
}

/// A multiple stated over a period and an average growth rate stated for the same period,
/// in the same sentence, that cannot both be true (the plan contradicting itself the way two
/// targets can).
#[derive(Clone, Debug, PartialEq)]
pub struct RateMismatch {
    pub multiple_id: String,
    pub rate_id: String,
    pub multiple: f64,
    pub years: u16,
    /// % a year, as stated.
    pub rate: f64,
    /// The rate the multiple needs, and the multiple the stated rate gives.
    pub implied_rate: f64,
    pub implied_multiple: f64,
}

impl RateMismatch {
    /// `1.8倍（5年）需年均增长12.47%，文中为15.68%（五年合2.07倍）`.
    pub fn describe(&self) -> String {
        format!(
            "{}倍（{}年）按复合增长需年均{:.2}%，文中年均增速为{}%（按复合增长{}年合{:.2}倍）",
            super::format::number(self.multiple),
            self.years,
            self.implied_rate,
            super::format::number(self.rate),
            self.years,
            self.implied_multiple
        )
    }
}

/// Pairs of a multiple and a growth rate stated in one sentence (no 。 or ； between their
/// quotes), ending in the same year, whose compound growth disagrees by more than 2 % of the
/// multiple (rounding stays inside). `node_text` gives a node's text by id.
pub fn rate_mismatches<'a>(indicators: &[Indicator], node_text: impl Fn(&str) -> Option<&'a str>) -> Vec<RateMismatch> {
    let dated = |i: &'_ Indicator, c: Comparator| {
        (i.comparator == c).then(|| i.baselines.first().map(|o| (o.year, o.value, o.since))).flatten()
    };
    let one_sentence = |a: &Indicator, b: &Indicator| {
        let Some(text) = node_text(&a.source_node) else { return false };
        let (Some(x), Some(y)) = (text.find(&a.quote), text.find(&b.quote)) else { return false };
        let (first, second) = if x <= y { ((x, &a.quote), y) } else { ((y, &b.quote), x) };
        let between = text.get(first.0 + first.1.len()..second).unwrap_or("。");
        !between.contains(['。', '；'])
    };
    // Statements by node, so each multiple meets only its own node's rates (one pass, not
    // one scan of every statement per multiple).
    let mut by_node: std::collections::HashMap<&str, Vec<&Indicator>> = std::collections::HashMap::new();
    for r in indicators.iter().filter(|r| !r.source_node.is_empty()) {
        by_node.entry(r.source_node.as_str()).or_default().push(r);
    }
    let mut out = Vec::new();
    for m in indicators {
        let Some((end, multiple, Some(start))) = dated(m, Comparator::Multiple) else { continue };
        let years = end.saturating_sub(start);
        for r in by_node.get(m.source_node.as_str()).into_iter().flatten().copied() {
            let Some((rate_end, rate, _)) = dated(r, Comparator::GrowthRate) else { continue };
            if rate_end != end || years == 0 || multiple <= 0.0 || !one_sentence(m, r) {
                continue;
            }
            let implied_multiple = (1.0 + rate / 100.0).powi(i32::from(years));
            if ((implied_multiple - multiple) / multiple).abs() > 0.02 {
                out.push(RateMismatch {
                    multiple_id: m.id.clone(),
                    rate_id: r.id.clone(),
                    multiple,
                    years,
                    rate,
                    implied_rate: cagr(1.0, multiple, f64::from(years)).unwrap_or(f64::NAN),
                    implied_multiple,
                });
            }
        }
    }
    out
}

/// Compound annual growth rate between two values, in % a year.
pub fn cagr(from: f64, to: f64, years: f64) -> Option<f64> {
    if from <= 0.0 || to <= 0.0 || years <= 0.0 || !from.is_finite() || !to.is_finite() {
        return None;
    }
    Some(((to / from).powf(1.0 / years) - 1.0) * 100.0)
}

/// Value at `year` on the straight line from (y0, v0) to (y1, v1).
pub fn linear_path(y0: f64, v0: f64, y1: f64, v1: f64, year: f64) -> f64 {
    if y1 == y0 { v1 } else { v0 + (v1 - v0) * (year - y0) / (y1 - y0) }
}

/// Value at `year` on the constant-growth curve from (y0, v0) to (y1, v1).
pub fn growth_path(y0: f64, v0: f64, y1: f64, v1: f64, year: f64) -> Option<f64> {
    let rate = cagr(v0, v1, y1 - y0)? / 100.0;
    Some(v0 * (1.0 + rate).powf(year - y0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(id: &str, comparator: Comparator, value: f64, since: u16, quote: &str) -> Indicator {
        Indicator {
            id: id.into(),
            measure: id.into(),
            name: id.into(),
            name_en: id.into(),
            unit: String::new(),
            comparator,
            baselines: vec![Observation { year: 2015, value, derived: None, since: Some(since) }],
            target: None,
            source_node: "n".into(),
            quote: quote.into(),
            outside_text: None,
            note: String::new(),
        }
    }

    #[test]
    fn a_multiple_and_a_rate_are_checked_only_within_one_sentence() {
        // Doubling in 5 years is 14.87 % a year: consistent. 1.8× is 12.47 %: not with 15.68 %.
        let text = "投入是2010年的2倍，年均增长14.87%；拨款是2010年的1.8倍，平均增速为15.68%。";
        let mismatches = |a: &Indicator, b: &Indicator| rate_mismatches(&[a.clone(), b.clone()], |_| Some(text));
        let double = statement("a", Comparator::Multiple, 2.0, 2010, "投入是2010年的2倍");
        let double_rate = statement("b", Comparator::GrowthRate, 14.87, 2011, "年均增长14.87%");
        let more = statement("c", Comparator::Multiple, 1.8, 2010, "拨款是2010年的1.8倍");
        let more_rate = statement("d", Comparator::GrowthRate, 15.68, 2011, "平均增速为15.68%");
        assert!(mismatches(&double, &double_rate).is_empty());
        let found = mismatches(&more, &more_rate);
        assert_eq!(found.len(), 1);
        assert!(found[0].describe().contains("12.47%"), "{}", found[0].describe());
        // Across a ； they are different statements, whatever their numbers.
        assert!(mismatches(&double, &more_rate).is_empty());
    }

    #[test]
    fn cagr_of_rd_intensity_target_is_hand_worked() {
        // 0.76 % (2015) → 2.2 % (2020): (2.2/0.76)^(1/5) = 2.8947^0.2 = 1.23686 → 23.69 % a year
        let r = cagr(0.76, 2.2, 5.0).unwrap();
        assert!((r - 23.69).abs() < 0.01, "{r}");
    }

    #[test]
    fn cagr_rejects_non_positive_and_zero_span() {
        assert_eq!(cagr(0.0, 1.0, 5.0), None);
        assert_eq!(cagr(1.0, -1.0, 5.0), None);
        assert_eq!(cagr(1.0, 2.0, 0.0), None);
        assert_eq!(cagr(f64::NAN, 2.0, 1.0), None);
    }

    #[test]
    fn paths_meet_both_ends() {
        assert_eq!(linear_path(2015.0, 42.0, 2020.0, 55.0, 2015.0), 42.0);
        assert_eq!(linear_path(2015.0, 42.0, 2020.0, 55.0, 2020.0), 55.0);
        assert!((linear_path(2015.0, 42.0, 2020.0, 55.0, 2017.5) - 48.5).abs() < 1e-9);
        let end = growth_path(2015.0, 237.0, 2020.0, 1000.0, 2020.0).unwrap();
        assert!((end - 1000.0).abs() < 1e-6);
    }
}
