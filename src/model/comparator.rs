//! What a statement says about its value: reach it, at least, at most, a range, a growth
//! rate, a rank… (its own module, so that the number formatters and the indicators can both
//! name it without naming each other).

use serde::{Deserialize, Serialize};

/// What a statement says about its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// A level observed in a baseline year (`2015年…达到136.06亿元`).
    Level,
    /// 达到 / 发展到 / 提高到: reach the value.
    Reach,
    /// 以上 / 不低于 / 至少 / 稳定在…以上: at least the value.
    AtLeast,
    /// 超过: more than the value.
    MoreThan,
    /// 以内 / 不超过 / 至多: at most the value.
    AtMost,
    /// 左右: about the value.
    About,
    /// A range, `value` to `upper` (`5-7项`).
    Range,
    /// 新增: an increase by the value over the period.
    IncreaseBy,
    /// A growth rate in % a year.
    GrowthRate,
    /// 列全国第N位: a rank (lower is better).
    Rank,
    /// 进入前N位: a rank of N or better.
    RankWithin,
    /// 是…的N倍: a multiple of an earlier value.
    Multiple,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Level => "=",
            Comparator::Reach => "→",
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "≤",
            Comparator::About => "≈",
            Comparator::Range => "–",
            Comparator::IncreaseBy => "+",
            Comparator::GrowthRate => "%/年",
            Comparator::Rank => "#",
            Comparator::RankWithin => "≤#",
            Comparator::Multiple => "×",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Comparator::Level => "现状",
            Comparator::Reach => "达到",
            Comparator::AtLeast => "以上",
            Comparator::MoreThan => "超过",
            Comparator::AtMost => "以内",
            Comparator::About => "左右",
            Comparator::Range => "区间",
            Comparator::IncreaseBy => "新增",
            Comparator::GrowthRate => "年均增速",
            Comparator::Rank => "排位",
            Comparator::RankWithin => "进入前N位",
            Comparator::Multiple => "倍数",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Comparator::Level => "level",
            Comparator::Reach => "reach",
            Comparator::AtLeast => "at_least",
            Comparator::MoreThan => "more_than",
            Comparator::AtMost => "at_most",
            Comparator::About => "about",
            Comparator::Range => "range",
            Comparator::IncreaseBy => "increase_by",
            Comparator::GrowthRate => "growth_rate",
            Comparator::Rank => "rank",
            Comparator::RankWithin => "rank_within",
            Comparator::Multiple => "multiple",
        }
    }

    /// The comparator in English words, for people (`name_en` is the identifier files use).
    pub fn words_en(self) -> &'static str {
        match self {
            Comparator::Level => "level",
            Comparator::Reach => "reach",
            Comparator::AtLeast => "at least",
            Comparator::MoreThan => "more than",
            Comparator::AtMost => "at most",
            Comparator::About => "about",
            Comparator::Range => "range",
            Comparator::IncreaseBy => "increase by",
            Comparator::GrowthRate => "annual growth",
            Comparator::Rank => "rank",
            Comparator::RankWithin => "within the top",
            Comparator::Multiple => "multiple",
        }
    }

    /// A target stated as a change (a growth rate, an increase, a multiple): no path leads to
    /// it from a level, and no level judges it.
    pub fn states_a_change(self) -> bool {
        matches!(self, Comparator::GrowthRate | Comparator::IncreaseBy | Comparator::Multiple)
    }

    /// For ranks (and limits) a smaller number is better.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Comparator::Rank | Comparator::RankWithin | Comparator::AtMost)
    }
}
