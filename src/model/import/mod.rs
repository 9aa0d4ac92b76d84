//! Turns a plan text laid out like the seed (notice, title, byline, preamble, then
//! 篇 / 章 / 一、 / （一） / ●专栏N headings and paragraphs) into a [`Plan`], in phases: the
//! front matter (`front`), the body line by line (`body`, with `headings` saying what a line
//! is), then the plan assembled with its curated parts (`finish`).
//!
//! The text gives the hierarchy; what a person must curate (places, corrections,
//! indicators) comes from a [`Curation`] file, so a re-import never loses it.

mod body;
mod finish;
mod front;
mod headings;

use serde::{Deserialize, Serialize};

use super::indicators::Indicator;
use super::places::Places;
use super::plan::{CorrectionRule, Plan};
#[cfg(test)]
use finish::iso_date;
#[cfg(test)]
use headings::*;

/// The hand-curated parts of a plan, kept in their own file (`assets/curation.ron`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curation {
    /// Plan period and base year; when absent they are read from the title (`十三五` → 2016–2020).
    #[serde(default)]
    pub period_start: Option<u16>,
    #[serde(default)]
    pub period_end: Option<u16>,
    #[serde(default)]
    pub baseline_year: Option<u16>,
    #[serde(default)]
    pub places: Option<Places>,
    #[serde(default)]
    pub corrections: Vec<CorrectionRule>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub headlines: Vec<super::plan::Headline>,
    /// Boxes that end before the next heading: the text marks where a 专栏 starts, not
    /// where it ends, and a section's own tasks may follow a box.
    #[serde(default)]
    pub box_ends: Vec<BoxEnd>,
}

/// Where a 专栏 ends: after its first `items` paragraphs, for the stated reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoxEnd {
    /// The box's number (`24` for 专栏24).
    pub number: u32,
    pub items: usize,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// 1-based line of the source text (0 when the error concerns the curation).
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// Something in the text that does not fit the plan's structure, reported but imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportWarning {
    /// 1-based line of the source text.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: warning: {}", self.line, self.message)
    }
}

/// The source's lines, trimmed, each with its 1-based number, and where reading stands.
pub(super) struct Lines {
    lines: Vec<(usize, String)>,
    at: usize,
}

impl Lines {
    fn new(source: &str) -> Self {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let lines = source.lines().enumerate().map(|(i, l)| (i + 1, l.trim_matches(headings::is_blank).to_string()));
        Lines { lines: lines.collect(), at: 0 }
    }

    /// The next line with text, and its number.
    fn next_non_empty(&mut self) -> Option<(usize, String)> {
        while let Some((n, l)) = self.lines.get(self.at) {
            self.at += 1;
            if !l.is_empty() {
                return Some((*n, l.clone()));
            }
        }
        None
    }
}

/// Parses `source` (the plan's text) into a plan; `source_name` is recorded as provenance.
pub fn import(source: &str, source_name: &str, curation: &Curation) -> Result<Plan, ImportError> {
    import_checked(source, source_name, curation).map(|(plan, _)| plan)
}

/// [`import`], with what in the text does not fit the structure (headings out of order, a
/// 专栏 without a number, no heading at all), which is imported as found.
pub fn import_checked(
    source: &str,
    source_name: &str,
    curation: &Curation,
) -> Result<(Plan, Vec<ImportWarning>), ImportError> {
    let mut warnings = Vec::new();
    let mut lines = Lines::new(source);
    let mut builder = body::Builder::new(curation.places.clone());
    let front = front::read_front(&mut lines, &mut builder, curation)?;
    body::read_body(&mut lines, &mut builder, curation, &mut warnings)?;
    let plan = finish::assemble(front, builder.nodes, curation, source_name)?;
    if !plan.nodes.iter().any(|n| n.kind.is_heading()) {
        let message = "no 篇, 章 or 专栏 heading was found: is this a plan laid out like the seed?".to_string();
        warnings.push(ImportWarning { line: 1, message });
    }
    Ok((plan, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十三"), Some(13));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十五"), Some(25));
        assert_eq!(chinese_number("百"), None);
        assert_eq!(chinese_number(""), None);
    }

    #[test]
    fn headings_are_recognised_with_labels() {
        assert_eq!(heading("第三篇　主要任务"), Some((Heading::Part(3), "第三篇".into(), "主要任务".into())));
        assert_eq!(heading("第二十五章　抓好《规划》的组织实施与管理").map(|h| h.0), Some(Heading::Chapter(25)));
        assert_eq!(heading("一、种植业关键技术"), Some((Heading::Section(1), "一、".into(), "种植业关键技术".into())));
        assert_eq!(
            heading("（二）分项发展目标"),
            Some((Heading::Subsection(2), "（二）".into(), "分项发展目标".into()))
        );
        assert_eq!(
            heading("●专栏17 白云鄂博稀土资源"),
            Some((Heading::Box(17), "专栏17".into(), "白云鄂博稀土资源".into()))
        );
        // Prose that merely starts like a heading is not one.
        assert_eq!(heading("一、二类地区开展试点。"), None);
        assert_eq!(heading("第一批项目已经启动"), None);
    }

    #[test]
    fn lead_phrases() {
        assert_eq!(lead_phrase("玉米。抗逆优质丰产"), Some("玉米"));
        assert_eq!(lead_phrase("--稀土磁性材料。打造高性价比"), Some("稀土磁性材料"));
        assert_eq!(lead_phrase("食用豆类（绿豆、小豆、芸豆等）。高产"), Some("食用豆类（绿豆、小豆、芸豆等）"));
        assert_eq!(lead_phrase("“十二五”期间，特别是党的十八大以来。"), None);
        assert_eq!(lead_phrase("没有句号的段落"), None);
    }

    #[test]
    fn period_is_read_from_the_title() {
        assert_eq!(period_from_title("内蒙古自治区“十三五”科技创新规划"), Some((2016, 2020)));
        assert_eq!(period_from_title("某省“十四五”规划"), Some((2021, 2025)));
        assert_eq!(iso_date("2017年7月4日").as_deref(), Some("2017-07-04"));
    }
}
