//! Turns a plan text laid out like the seed (notice, title, byline, preamble, then
//! 篇 / 章 / 一、 / （一） / ●专栏N headings and paragraphs) into a [`Plan`].
//!
//! The text gives the hierarchy; what a person must curate (places, corrections,
//! indicators) comes from a [`Curation`] file, so a re-import never loses it.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::indicators::Indicator;
use super::places::Places;
use super::plan::{AppliedCorrection, CorrectionRule, Meta, Node, NodeKind, PLAN_FORMAT_VERSION, Plan};

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

/// The last number seen at each heading level, to notice headings out of order. Chapters
/// and boxes are numbered through the whole plan; sections within their chapter (or part),
/// subsections within their section.
#[derive(Default)]
struct Numbering {
    part: u32,
    chapter: u32,
    section: u32,
    subsection: u32,
    boxed: u32,
}

impl Numbering {
    /// Records heading `h`; says so when it is not the one after the last of its level.
    fn next(&mut self, h: &Heading) -> Option<String> {
        let (last, n, what) = match *h {
            Heading::Part(n) => {
                (self.section, self.subsection) = (0, 0);
                (&mut self.part, n, "篇")
            }
            Heading::Chapter(n) => {
                (self.section, self.subsection) = (0, 0);
                (&mut self.chapter, n, "章")
            }
            Heading::Section(n) => {
                self.subsection = 0;
                (&mut self.section, n, "节 (一、二、…)")
            }
            Heading::Subsection(n) => (&mut self.subsection, n, "小节 (（一）（二）…)"),
            Heading::Box(n) => (&mut self.boxed, n, "专栏"),
        };
        let expected = *last + 1;
        *last = n;
        (n != expected).then(|| format!("{what} {n} follows {} (expected {expected})", expected - 1))
    }
}

/// A heading recognised at the start of a line.
#[derive(Clone, Debug, PartialEq)]
enum Heading {
    Part(u32),
    Chapter(u32),
    Section(u32),
    Subsection(u32),
    Box(u32),
}

/// Value of a Chinese numeral up to 99 (`一`, `十`, `十三`, `二十五`).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

fn is_numeral(c: char) -> bool {
    "零一二三四五六七八九十".contains(c)
}

/// Splits `第N篇　TITLE` into (N, number label, title).
fn split_ordinal(line: &str, marker: char) -> Option<(u32, &str, &str)> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find(marker)?;
    let n = chinese_number(&rest[..end])?;
    let label_len = '第'.len_utf8() + end + marker.len_utf8();
    let title = line[label_len..].trim_matches(is_blank);
    Some((n, &line[..label_len], title))
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Recognises a heading line; returns it with its number label and title.
fn heading(line: &str) -> Option<(Heading, String, String)> {
    if let Some((n, label, title)) = split_ordinal(line, '篇') {
        return Some((Heading::Part(n), label.into(), title.into()));
    }
    if let Some((n, label, title)) = split_ordinal(line, '章') {
        return Some((Heading::Chapter(n), label.into(), title.into()));
    }
    // Section and subsection headings are short and hold no full stop.
    if line.contains('。') || line.chars().count() > 40 {
        return None;
    }
    if let Some(pos) = line.find('、') {
        let numeral = &line[..pos];
        if !numeral.is_empty() && numeral.chars().all(is_numeral) {
            let n = chinese_number(numeral)?;
            let label = &line[..pos + '、'.len_utf8()];
            return Some((Heading::Section(n), label.into(), line[label.len()..].trim_matches(is_blank).into()));
        }
    }
    if let Some(rest) = line.strip_prefix('（')
        && let Some(pos) = rest.find('）')
    {
        let n = chinese_number(&rest[..pos])?;
        let label_len = '（'.len_utf8() + pos + '）'.len_utf8();
        return Some((
            Heading::Subsection(n),
            line[..label_len].into(),
            line[label_len..].trim_matches(is_blank).into(),
        ));
    }
    if let Some(rest) = line.strip_prefix("●专栏") {
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let n: u32 = digits.parse().ok()?;
        let title = rest[digits.len()..].trim_matches(is_blank);
        return Some((Heading::Box(n), format!("专栏{n}"), title.into()));
    }
    None
}

/// The lead phrase that opens a paragraph (`玉米。…` → `玉米`): the first sentence, when it is
/// short and has no clause punctuation.
fn lead_phrase(paragraph: &str) -> Option<&str> {
    let body = paragraph.strip_prefix("--").unwrap_or(paragraph);
    let end = body.find('。')?;
    let lead = &body[..end];
    let short = (1..=40).contains(&lead.chars().count());
    (short && !lead.contains(['，', '；', '：', ','])).then_some(lead)
}

/// Applies the correction rules to one line; returns the new line and what was changed.
fn correct(line: &str, rules: &[CorrectionRule]) -> (String, Vec<AppliedCorrection>) {
    let mut text = line.to_string();
    let mut applied: Vec<AppliedCorrection> = Vec::new();
    for rule in rules.iter().filter(|r| !r.find.is_empty()) {
        let original = format!("{}{}", rule.find, rule.followed_by);
        let corrected = format!("{}{}", rule.replace, rule.followed_by);
        if text.contains(&original) {
            text = text.replace(&original, &corrected);
            applied.push(AppliedCorrection { original, corrected, reason: rule.reason.clone() });
        }
    }
    (text, applied)
}

/// Plan period from a title such as `…“十三五”…`: from the 6th on (1981–1985), the Nth
/// five-year plan starts in 1951 + 5N.
fn period_from_title(title: &str) -> Option<(u16, u16)> {
    let start = title.find('十')?;
    let rest = &title[start..];
    let end = rest.find('五')?;
    let n = chinese_number(&rest[..end])?;
    if n < 6 {
        return None;
    }
    let first = 1951 + 5 * n as u16;
    Some((first, first + 4))
}

struct Builder {
    nodes: Vec<Node>,
    ids: HashSet<String>,
    /// Per wanted id, the next suffix to try: many same-titled items stay linear.
    next_suffix: HashMap<String, usize>,
    /// Per parent, how many paragraphs (non-heading nodes) it has so far.
    paragraphs: HashMap<Option<String>, usize>,
    places: Option<Places>,
}

impl Builder {
    fn unique_id(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let n = self.next_suffix.entry(wanted.clone()).or_insert(2);
        while self.ids.contains(&id) {
            id = format!("{wanted}_{n}");
            *n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        id: String,
        parent: Option<String>,
        kind: NodeKind,
        number: String,
        title: String,
        text: String,
        line: usize,
        corrections: Vec<AppliedCorrection>,
    ) -> String {
        let id = self.unique_id(id);
        if !kind.is_heading() {
            *self.paragraphs.entry(parent.clone()).or_insert(0) += 1;
        }
        let tags = self.places.as_ref().map(|p| p.tag(&text)).unwrap_or_default();
        self.nodes.push(Node {
            id: id.clone(),
            parent,
            kind,
            number,
            title,
            text,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            cities: tags.cities,
            regions: tags.regions,
            corrections,
            boundary: String::new(),
        });
        id
    }

    /// Id for the next paragraph under `parent`: `PARENT.K` with K counting its paragraphs.
    fn paragraph_id(&self, parent: Option<&str>) -> String {
        let prefix = parent.unwrap_or("p");
        let k = self.paragraphs.get(&parent.map(str::to_string)).copied().unwrap_or(0) + 1;
        format!("{prefix}.{k}")
    }
}

/// Where the parser stands in the hierarchy: the open node of each level.
#[derive(Default)]
struct Open {
    part: Option<String>,
    chapter: Option<String>,
    section: Option<String>,
    subsection: Option<String>,
    boxed: Option<String>,
    /// Paragraphs the open box still holds when its end was curated.
    box_room: Option<usize>,
}

impl Open {
    fn innermost(&self) -> Option<String> {
        self.boxed
            .clone()
            .or_else(|| self.subsection.clone())
            .or_else(|| self.section.clone())
            .or_else(|| self.chapter.clone())
            .or_else(|| self.part.clone())
    }

    fn innermost_heading(&self) -> Option<String> {
        self.subsection
            .clone()
            .or_else(|| self.section.clone())
            .or_else(|| self.chapter.clone())
            .or_else(|| self.part.clone())
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
    let mut numbering = Numbering::default();
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<(usize, String)> =
        source.lines().enumerate().map(|(i, l)| (i + 1, l.trim_matches(is_blank).to_string())).collect();
    let mut builder = Builder {
        nodes: Vec::new(),
        ids: HashSet::new(),
        next_suffix: HashMap::new(),
        paragraphs: HashMap::new(),
        places: curation.places.clone(),
    };
    let mut idx = 0;
    let next_non_empty = |idx: &mut usize| -> Option<(usize, String)> {
        while *idx < lines.len() {
            let (n, l) = &lines[*idx];
            *idx += 1;
            if !l.is_empty() {
                return Some((*n, l.clone()));
            }
        }
        None
    };

    // Front matter: an optional notice block (addressee line ending in `：`), title, byline.
    let mut notice: Vec<(usize, String)> = Vec::new();
    if lines.iter().find(|(_, l)| !l.is_empty()).is_some_and(|(_, l)| l.ends_with('：')) {
        while idx < lines.len() && lines[idx].1.is_empty() {
            idx += 1;
        }
        while idx < lines.len() && !lines[idx].1.is_empty() {
            notice.push(lines[idx].clone());
            idx += 1;
        }
    }
    let (_, title) = next_non_empty(&mut idx)
        .ok_or(ImportError { line: 1, message: "the text is empty: expected a title".into() })?;
    if heading(&title).is_some() {
        return Err(ImportError {
            line: lines.get(idx.saturating_sub(1)).map_or(1, |l| l.0),
            message: format!("expected the plan's title before the first heading, found `{title}`"),
        });
    }
    let mut byline = String::new();
    let save = idx;
    match next_non_empty(&mut idx) {
        Some((_, l)) if l.starts_with('（') && l.ends_with('）') => byline = l,
        _ => idx = save,
    }
    let byline_inner = byline.trim_start_matches('（').trim_end_matches('）');
    let mut byline_parts = byline_inner.split(is_blank).filter(|s| !s.is_empty());
    let drafted_by = byline_parts.next().unwrap_or_default().to_string();
    let drafted = byline_parts.collect::<Vec<_>>().join(" ");
    let issued = notice.last().map(|(_, l)| l.clone()).filter(|l| l.ends_with('日')).unwrap_or_default();

    let rules = &curation.corrections;
    if !notice.is_empty() {
        let text = notice.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join("\n");
        let (text, fixes) = correct(&text, rules);
        builder.push(
            "notice".into(),
            None,
            NodeKind::Notice,
            String::new(),
            "印发通知".into(),
            text,
            notice[0].0,
            fixes,
        );
    }

    let mut open = Open::default();
    let mut preamble_count = 0;
    while let Some((line_no, raw)) = next_non_empty(&mut idx) {
        let (line, fixes) = correct(&raw, rules);
        if line.starts_with("●专栏") && heading(&line).is_none() {
            let message = "a 专栏 heading without a number: read as a paragraph".to_string();
            warnings.push(ImportWarning { line: line_no, message });
        }
        if let Some((h, number, htitle)) = heading(&line) {
            if let Some(message) = numbering.next(&h) {
                warnings.push(ImportWarning { line: line_no, message });
            }
            if let Some(room) = open.box_room.take().filter(|&r| r > 0) {
                return Err(ImportError {
                    line: line_no,
                    message: format!("a curated box end asks for {room} more entries than the box holds"),
                });
            }
            let (id, kind, parent) = match h {
                Heading::Part(n) => {
                    open = Open::default();
                    (format!("pt{n}"), NodeKind::Part, None)
                }
                Heading::Chapter(n) => {
                    open.chapter = None;
                    open.section = None;
                    open.subsection = None;
                    open.boxed = None;
                    (format!("ch{n}"), NodeKind::Chapter, open.part.clone())
                }
                Heading::Section(n) => {
                    open.section = None;
                    open.subsection = None;
                    open.boxed = None;
                    let parent = open.innermost_heading();
                    (
                        format!("{}s{n}", parent.as_deref().map(|p| format!("{p}.")).unwrap_or_default()),
                        NodeKind::Section,
                        parent,
                    )
                }
                Heading::Subsection(n) => {
                    open.subsection = None;
                    open.boxed = None;
                    let parent = open.innermost_heading();
                    (
                        format!("{}ss{n}", parent.as_deref().map(|p| format!("{p}.")).unwrap_or_default()),
                        NodeKind::Subsection,
                        parent,
                    )
                }
                Heading::Box(n) => {
                    open.boxed = None;
                    (format!("box{n}"), NodeKind::Box, open.innermost_heading())
                }
            };
            let id = builder.push(id, parent, kind, number, htitle, line, line_no, fixes);
            match h {
                Heading::Part(_) => open.part = Some(id),
                Heading::Chapter(_) => open.chapter = Some(id),
                Heading::Section(_) => open.section = Some(id),
                Heading::Subsection(_) => open.subsection = Some(id),
                Heading::Box(n) => {
                    let end = curation.box_ends.iter().find(|e| e.number == n);
                    if let (Some(end), Some(node)) = (end, builder.nodes.last_mut()) {
                        node.boundary = end.reason.clone();
                    }
                    open.box_room = end.map(|e| e.items);
                    open.boxed = Some(id);
                }
            }
            continue;
        }
        // A box whose curated number of entries is reached ends here.
        if open.box_room == Some(0) {
            open.boxed = None;
            open.box_room = None;
        }
        if let Some(room) = &mut open.box_room {
            *room -= 1;
        }
        let parent = open.innermost();
        let lead = lead_phrase(&line).map(str::to_string);
        let kind = match (&lead, open.boxed.is_some(), line.starts_with("--")) {
            _ if parent.is_none() => NodeKind::Preamble,
            (_, true, _) | (_, _, true) => NodeKind::Item,
            (Some(l), false, _) if l == "总体要求" => NodeKind::Overview,
            (Some(_), false, _) => NodeKind::Task,
            (None, _, _) => NodeKind::Paragraph,
        };
        let id = if parent.is_none() {
            preamble_count += 1;
            if preamble_count == 1 { "preamble".to_string() } else { format!("preamble{preamble_count}") }
        } else {
            builder.paragraph_id(parent.as_deref())
        };
        builder.push(id, parent, kind, String::new(), lead.unwrap_or_default(), line, line_no, fixes);
    }

    if let Some(room) = open.box_room.filter(|&r| r > 0) {
        return Err(ImportError {
            line: 0,
            message: format!("a curated box end asks for {room} more entries than the last box holds"),
        });
    }
    let (period_start, period_end) = match (curation.period_start, curation.period_end) {
        (Some(s), Some(e)) => (s, e),
        _ => period_from_title(&title).unwrap_or((0, 0)),
    };
    let baseline_year = curation.baseline_year.unwrap_or(period_start.saturating_sub(1));
    let mut plan = Plan {
        format_version: PLAN_FORMAT_VERSION,
        meta: Meta {
            title,
            byline: byline.clone(),
            drafted_by,
            drafted,
            issued_iso: iso_date(&issued).unwrap_or_default(),
            issued,
            period_start,
            period_end,
            baseline_year,
            source: source_name.to_string(),
        },
        places: curation.places.clone().unwrap_or_default(),
        corrections: curation.corrections.clone(),
        nodes: builder.nodes,
        indicators: Vec::new(),
        headlines: curation.headlines.clone(),
    };
    if let Some(end) = curation.box_ends.iter().find(|e| !plan.nodes.iter().any(|n| n.id == format!("box{}", e.number)))
    {
        return Err(ImportError {
            line: 0,
            message: format!("a curated box end names 专栏{}, which the text lacks", end.number),
        });
    }
    plan.indicators = anchor_indicators(&plan.nodes, &curation.indicators)?;
    if !plan.nodes.iter().any(|n| n.kind.is_heading()) {
        let message = "no 篇, 章 or 专栏 heading was found: is this a plan laid out like the seed?".to_string();
        warnings.push(ImportWarning { line: 1, message });
    }
    Ok((plan, warnings))
}

/// Fills in each indicator's source node: kept when given and its text holds the quote, else
/// the one node whose text does.
fn anchor_indicators(nodes: &[Node], indicators: &[Indicator]) -> Result<Vec<Indicator>, ImportError> {
    let mut out = Vec::with_capacity(indicators.len());
    for indicator in indicators {
        let mut indicator = indicator.clone();
        if indicator.outside_text.is_some() {
            indicator.source_node.clear();
            out.push(indicator);
            continue;
        }
        let given_ok = nodes.iter().any(|n| n.id == indicator.source_node && n.text.contains(&indicator.quote));
        if !given_ok {
            let holders: Vec<&Node> = nodes.iter().filter(|n| n.text.contains(&indicator.quote)).collect();
            match holders.as_slice() {
                [one] => indicator.source_node = one.id.clone(),
                [] => {
                    return Err(ImportError {
                        line: 0,
                        message: format!(
                            "indicator `{}`: no node's text holds the quote `{}`",
                            indicator.id, indicator.quote
                        ),
                    });
                }
                many => {
                    let ids: Vec<&str> = many.iter().map(|n| n.id.as_str()).collect();
                    return Err(ImportError {
                        line: 0,
                        message: format!(
                            "indicator `{}`: the quote `{}` occurs in several nodes ({}); set source_node or lengthen the quote",
                            indicator.id,
                            indicator.quote,
                            ids.join(", ")
                        ),
                    });
                }
            }
        }
        out.push(indicator);
    }
    Ok(out)
}

/// `2017年7月4日` → `2017-07-04`.
fn iso_date(s: &str) -> Option<String> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
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
