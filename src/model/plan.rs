//! The plan document: metadata, the flat list of nodes in reading order, and the
//! hand-curated parts (places, corrections, indicators). Plain data, no egui.

use serde::{Deserialize, Serialize};

use super::indicators::Indicator;
use super::places::{Places, Region};

/// Bumped when the file layout changes incompatibly.
pub const PLAN_FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    pub meta: Meta,
    /// The 盟市, their regions and the place names of the text that point to them.
    pub places: Places,
    /// Rules the importer applies to the source text (the censored 白云 of 白云鄂博).
    #[serde(default)]
    pub corrections: Vec<CorrectionRule>,
    /// Every node in document order (pre-order): a parent always precedes its children.
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The headline indicators (主要指标) in the order the issuing announcement lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headlines: Vec<Headline>,
}

/// One of the plan's headline indicators, as the announcement of the plan lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    /// The measure whose statements carry the target.
    pub measure: String,
    /// The name as the announcement writes it.
    pub name: String,
    /// Where the list was read, and its words for this indicator.
    pub source: String,
    pub quote: String,
}

impl Plan {
    /// A plan with no nodes: what the app shows if the embedded plan were ever invalid —
    /// nothing, but a working window.
    pub fn empty() -> Self {
        Plan {
            format_version: PLAN_FORMAT_VERSION,
            meta: Meta { period_start: 2016, period_end: 2020, baseline_year: 2015, ..Meta::default() },
            places: Places::default(),
            corrections: Vec::new(),
            nodes: Vec::new(),
            indicators: Vec::new(),
            headlines: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// The drafting line as printed, e.g. `（内蒙古自治区科学技术厅　　2017年5月）`.
    pub byline: String,
    pub drafted_by: String,
    pub drafted: String,
    /// The issuing notice's date as printed and as ISO 8601.
    pub issued: String,
    pub issued_iso: String,
    pub period_start: u16,
    pub period_end: u16,
    pub baseline_year: u16,
    /// Where the text came from (file name of the source), for provenance.
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NodeKind {
    /// The government's issuing notice (before the title).
    Notice,
    /// The paragraph between the title and the first part.
    Preamble,
    /// 篇
    Part,
    /// 章
    Chapter,
    /// 一、
    Section,
    /// （一）
    Subsection,
    /// ●专栏N
    Box,
    /// A paragraph opened by `总体要求。`
    Overview,
    /// A paragraph opened by a lead phrase that names a task (`构建现代生物育种技术体系。…`).
    Task,
    /// An entry of a box (`玉米。…`) or a `--` item.
    Item,
    /// Any other paragraph.
    Paragraph,
}

impl NodeKind {
    pub const ALL: [NodeKind; 11] = [
        NodeKind::Notice,
        NodeKind::Preamble,
        NodeKind::Part,
        NodeKind::Chapter,
        NodeKind::Section,
        NodeKind::Subsection,
        NodeKind::Box,
        NodeKind::Overview,
        NodeKind::Task,
        NodeKind::Item,
        NodeKind::Paragraph,
    ];

    /// Headings carry their heading line as text; the others are paragraphs of prose.
    pub fn is_heading(self) -> bool {
        matches!(self, NodeKind::Part | NodeKind::Chapter | NodeKind::Section | NodeKind::Subsection | NodeKind::Box)
    }

    pub fn name_en(self) -> &'static str {
        match self {
            NodeKind::Notice => "notice",
            NodeKind::Preamble => "preamble",
            NodeKind::Part => "part",
            NodeKind::Chapter => "chapter",
            NodeKind::Section => "section",
            NodeKind::Subsection => "subsection",
            NodeKind::Box => "box",
            NodeKind::Overview => "overview",
            NodeKind::Task => "task",
            NodeKind::Item => "item",
            NodeKind::Paragraph => "paragraph",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            NodeKind::Notice => "印发通知",
            NodeKind::Preamble => "序言",
            NodeKind::Part => "篇",
            NodeKind::Chapter => "章",
            NodeKind::Section => "节",
            NodeKind::Subsection => "小节",
            NodeKind::Box => "专栏",
            NodeKind::Overview => "总体要求",
            NodeKind::Task => "任务",
            NodeKind::Item => "条目",
            NodeKind::Paragraph => "段落",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable id derived from the structure: `pt3`, `ch4`, `ch4.s7`, `box17`, `box17.2`, `ch11.3`.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub kind: NodeKind,
    /// The number label as printed: `第三章`, `一、`, `（二）`, `专栏2`; empty for paragraphs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// The heading, or the lead phrase that opens a task paragraph; empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The node's own text as in the source (with corrections applied): the heading line for
    /// headings, the whole paragraph otherwise.
    pub text: String,
    /// 1-based line of the source text where the node starts.
    pub line: u32,
    /// 盟市 named in the text (directly or through a place name), in first-mention order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cities: Vec<String>,
    /// Regions the node concerns: those of its cities and those it names itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// Corrections applied to this node's text, so a reader can see what the source said.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<AppliedCorrection>,
    /// For a 专栏 whose end was curated (the text marks only where a box starts): why it
    /// ends where it does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub boundary: String,
}

impl Node {
    /// A short label for lists: the title, or the start of the text.
    pub fn label(&self) -> String {
        if !self.title.is_empty() {
            return self.title.clone();
        }
        let snippet: String = self.text.chars().take(24).collect();
        if self.text.chars().count() > 24 { format!("{snippet}…") } else { snippet }
    }

    /// `第三章 现代农牧业体系技术支撑`, `专栏2 农作物生产关键技术研究`, or the label.
    pub fn heading(&self) -> String {
        match (self.number.is_empty(), self.kind) {
            (true, _) => self.label(),
            (false, NodeKind::Section | NodeKind::Subsection) => format!("{}{}", self.number, self.title),
            (false, _) => format!("{} {}", self.number, self.title),
        }
    }
}

/// A fix the importer applies wherever `find` occurs in the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionRule {
    pub find: String,
    pub replace: String,
    /// Only occurrences followed by this text are corrected (`鄂博` for 白云鄂博).
    #[serde(default)]
    pub followed_by: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliedCorrection {
    /// What the source printed, e.g. `***鄂博`.
    pub original: String,
    /// What the text now says, e.g. `白云鄂博`.
    pub corrected: String,
    pub reason: String,
}
