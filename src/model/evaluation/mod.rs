//! The final evaluation (终期评估): every target of the plan judged by the actual value in its
//! target year — 完成, 基本完成, 未完成 or 无数据, as Chinese evaluations state them. It answers
//! "which targets were met?" and is kept apart from progress as of the latest year
//! (`progress.rs`, Open SDG's method), which judges a trend at whatever year the data reach,
//! not the outcome in the year the plan set.

mod judge;
pub mod template;

use serde::{Deserialize, Serialize};

use super::indicators::Comparator;
use crate::i18n::{Lang, Msg, tr};

pub use judge::{evaluate, level_measure_of};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Verdict {
    /// 完成: the value in the target year meets the target.
    Met,
    /// 基本完成: short of the target, by no more than the rule allows ([`Rule`]).
    NearlyMet,
    /// 未完成.
    NotMet,
    /// 无数据: no value for the target year (for a change, not both levels it needs).
    #[default]
    NoData,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [Verdict::Met, Verdict::NearlyMet, Verdict::NotMet, Verdict::NoData];

    /// The verdict in the reader's language (the words are in `i18n`).
    pub fn text(self, lang: Lang) -> &'static str {
        tr(lang, self.msg())
    }

    pub fn msg(self) -> Msg {
        match self {
            Verdict::Met => Msg::VerdictMet,
            Verdict::NearlyMet => Msg::VerdictNearlyMet,
            Verdict::NotMet => Msg::VerdictNotMet,
            Verdict::NoData => Msg::VerdictNoData,
        }
    }

    /// How files name the verdict (the evaluation CSV, `plan-explorer evaluate`).
    pub fn name_en(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NearlyMet => "nearly met",
            Verdict::NotMet => "not met",
            Verdict::NoData => "no data",
        }
    }

    /// The verdict a file names, in the words files and the window use (`nearly met`,
    /// `基本完成`, `Nearly met`), whatever their case and surrounding spaces.
    pub fn from_word(word: &str) -> Option<Verdict> {
        let word = word.trim().to_lowercase();
        Verdict::ALL
            .into_iter()
            .find(|v| [v.name_en(), v.text(Lang::Zh), v.text(Lang::En)].iter().any(|w| w.to_lowercase() == word))
    }
}

/// The plan's standing rules of policy (`不低于50%用于奖励`): stated as numbers, but with no
/// deadline, so the evaluation lists them apart and judges none of them.
pub fn standing_rules(plan: &crate::model::plan::Plan) -> Vec<&crate::model::indicators::Indicator> {
    plan.indicators.iter().filter(|i| i.target.as_ref().is_some_and(|t| t.standing)).collect()
}

/// What a standing rule asks, in words without a year (`≥ 50 %`).
pub fn rule_asks(rule: &crate::model::indicators::Indicator, lang: Lang) -> Option<String> {
    let t = rule.target.as_ref()?;
    Some(crate::model::format::bound_words(rule.comparator, t.value, t.upper, &rule.unit, lang))
}

/// When a target not met is 基本完成: its value reaches at least this share of the target.
/// 90 % is the line Chinese plan evaluations draw (see README, "The final evaluation"); the
/// settings may move it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// In percent of the target, 50–100.
    pub nearly_met_percent: f64,
}

impl Rule {
    pub const DEFAULT_PERCENT: f64 = 90.0;
    pub const RANGE: std::ops::RangeInclusive<f64> = 50.0..=100.0;

    /// The rule with its share kept inside [`Rule::RANGE`] (a settings file may say anything).
    pub fn new(percent: f64) -> Rule {
        let percent = if percent.is_finite() { percent } else { Rule::DEFAULT_PERCENT };
        Rule { nearly_met_percent: percent.clamp(*Rule::RANGE.start(), *Rule::RANGE.end()) }
    }

    /// The rule in words, as the page and the reports state it.
    pub fn words(self, lang: Lang) -> String {
        let p = crate::model::format::number(self.nearly_met_percent);
        match lang {
            Lang::Zh => format!("未达到目标、但完成目标值的 {p}% 以上为“基本完成”（排位目标不适用）"),
            Lang::En => {
                format!("“Nearly met”: short of the target but at least {p} % of it (not for ranks)")
            }
        }
    }
}

impl Default for Rule {
    fn default() -> Self {
        Rule { nearly_met_percent: Rule::DEFAULT_PERCENT }
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
    /// The formula, when the value was converted or computed from sourced values (for a
    /// target stated as a change, how the change was computed from its two levels).
    pub derived: Option<String>,
    /// A note the person who entered the value left with it.
    pub note: String,
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
    /// come before yearbooks and news, as in the progress table). For a target stated as a
    /// change, the change itself: entered as such, or computed from the two levels.
    pub judged: Option<Reading>,
    /// The same year's values from the other actual series, so a disagreement stays visible.
    pub others: Vec<Reading>,
    pub verdict: Verdict,
    /// The first year any actual series meets the target, if one does (it may be after the
    /// target year: met late; before it, and met in it: 提前完成).
    pub first_met: Option<u16>,
    /// How far the judged value is past the target (positive) or short of it (negative), in
    /// the target's unit: for ranks and limits, where lower is better, the sign follows
    /// "better", so a rank five places too low is −5. For a range, the distance to the nearer
    /// end; 0 inside.
    pub gap: Option<f64>,
    /// The judged value as a share of the target, in percent (完成程度); for a limit, the
    /// target as a share of the value. None for ranks, where a share means nothing.
    pub completion: Option<f64>,
    /// Index of the node the target is quoted from; `None` for a statement outside the text.
    pub source_node: Option<usize>,
    /// Whether the other sources would give a different verdict.
    pub sources_disagree: bool,
    /// Other targets the plan sets for the same quantity and year (it contradicts itself):
    /// the verdict is on the first; these are shown beside it.
    pub rival_targets: Vec<f64>,
    /// For a target stated as a change: the measure whose levels it is computed from.
    pub level_measure: Option<String>,
    /// A verdict a person set: `verdict` is theirs, this says what the data gave and why.
    pub overridden: Option<Overridden>,
}

/// A verdict set by a person over the one the data give.
#[derive(Clone, Debug, PartialEq)]
pub struct Overridden {
    /// The verdict the data give.
    pub computed: Verdict,
    pub note: String,
    /// The scenario (file) the override is kept in.
    pub by: String,
}

impl TargetEvaluation {
    /// Where the plan states the target (`第二篇 第二章 三、`), when its node is known.
    pub fn citation(&self, doc: &crate::model::Document) -> Option<String> {
        self.source_node.filter(|&i| i < doc.plan.nodes.len()).map(|i| doc.outline.citation(&doc.plan, i))
    }

    /// 超额完成: met, and strictly past the target (not for a range or an "about").
    pub fn exceeded(&self) -> bool {
        self.verdict == Verdict::Met
            && !matches!(self.comparator, Comparator::Range | Comparator::About)
            && self.gap.is_some_and(|g| g > 0.0)
    }

    /// 提前完成: met, and met already before the target year.
    pub fn ahead(&self) -> bool {
        self.verdict == Verdict::Met && self.first_met.is_some_and(|y| y < self.target_year)
    }
}

/// How many targets have each verdict, and what reports count besides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub nearly_met: usize,
    pub not_met: usize,
    pub no_data: usize,
    /// Of the met: 超额完成 and 提前完成.
    pub exceeded: usize,
    pub ahead: usize,
}

impl Tally {
    pub fn of(evaluations: &[TargetEvaluation]) -> Tally {
        let mut t = Tally::default();
        for e in evaluations {
            match e.verdict {
                Verdict::Met => t.met += 1,
                Verdict::NearlyMet => t.nearly_met += 1,
                Verdict::NotMet => t.not_met += 1,
                Verdict::NoData => t.no_data += 1,
            }
            t.exceeded += usize::from(e.exceeded());
            t.ahead += usize::from(e.ahead());
        }
        t
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Met => self.met,
            Verdict::NearlyMet => self.nearly_met,
            Verdict::NotMet => self.not_met,
            Verdict::NoData => self.no_data,
        }
    }

    /// Targets with a verdict on data (met, nearly met or not met).
    pub fn judged(&self) -> usize {
        self.met + self.nearly_met + self.not_met
    }

    /// 完成率: the met among the judged, in percent, as reviews report it ("28 项指标中 25
    /// 项完成，完成率 89.3%"); None while nothing is judged.
    pub fn completion_rate(&self) -> Option<f64> {
        let judged = self.judged();
        (judged > 0).then(|| self.met as f64 * 100.0 / judged as f64)
    }

    /// The completion rate in words, as the page, the CSV's heading and reports state it.
    pub fn rate_words(&self, lang: Lang) -> String {
        let rate = self.completion_rate().map_or("—".to_string(), |r| format!("{r:.1}%"));
        match lang {
            Lang::Zh => format!("已判定 {} 项中完成 {} 项，完成率 {rate}", self.judged(), self.met),
            Lang::En => format!("{} of {} judged targets met ({rate})", self.met, self.judged()),
        }
    }
}
