//! Slide decks for presenting: by default every indicator chart under a node in the plan's
//! order plus the regional breakdown; or a presenter's own selection and order, with notes
//! on chart points, saved as a small RON file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::diagnostics::Diagnostic;
use super::document::Document;
use super::indicators::Measure;
use super::load::{MAX_FILE_BYTES, decode_text, parse_ron, read_limited};
use super::regional::StatOption;

pub const DECK_FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub format_version: u32,
    pub name: String,
    pub slides: Vec<Slide>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    pub content: SlideContent,
    /// Notes on chart points, shown on the slide and in exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Annotation>,
    /// What the presenter says at this slide: shown in the speaker view only, and under the
    /// slide in a briefing with notes. (Absent in decks written before it existed.)
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaker_notes: String,
}

impl Slide {
    /// A slide of `content` with no notes yet.
    pub fn of(content: SlideContent) -> Self {
        Slide { content, notes: Vec::new(), speaker_notes: String::new() }
    }

    /// Whether `other` is this slide of a deck made again: the same content, or the cover
    /// (one per deck, whatever its words were changed to).
    pub fn same_place(&self, other: &Slide) -> bool {
        self.content == other.content
            || matches!((&self.content, &other.content), (SlideContent::Cover { .. }, SlideContent::Cover { .. }))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideContent {
    /// The meeting's first slide: what the talk is about, its date and who gives it, as typed
    /// (the presenter's line may stay empty).
    Cover { title: String, date: String, presenter: String },
    /// The verdicts counted, with the headline indicators' (主要指标) verdicts as a large table:
    /// the question a meeting about a plan starts with.
    EvaluationSummary,
    /// One measure's chart.
    Measure(String),
    /// Several measures as an index (base year = 100).
    Index(Vec<String>),
    /// A statistic per 盟市 with east/west totals.
    Regional { indicator: String, unit: String, year: u16 },
    /// The map of the 12 盟市 coloured by one quantity: `tasks`, `boxes` or `platforms` (the
    /// plan's own counts) or a statistic's indicator id, in `year` (default: its own).
    Map { series: String, year: Option<u16> },
    /// One statistic's east and west over every year it has.
    EastWest { indicator: String, unit: String },
    /// The targets of one chapter that have nothing to chart (no baseline, no actual value, no
    /// scenario): one large-type table instead of a lone point on an empty grid each.
    Targets { chapter: String, measures: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub year: u16,
    pub text: String,
}

/// The id of the chapter a node is in (the node's own id above chapter level).
fn chapter_of(doc: &Document, node_id: &str) -> String {
    let Some(i) = doc.outline.index_of(node_id) else { return node_id.to_string() };
    doc.outline
        .ancestors(i)
        .into_iter()
        .chain(std::iter::once(i))
        .find(|&k| doc.plan.nodes[k].kind == super::plan::NodeKind::Chapter)
        .map_or(node_id.to_string(), |k| doc.plan.nodes[k].id.clone())
}

impl Deck {
    pub fn new(name: impl Into<String>) -> Self {
        Deck { format_version: DECK_FORMAT_VERSION, name: name.into(), slides: Vec::new() }
    }

    /// Every measure with a target stated at or under `node` (the whole plan for `None`), in
    /// the plan's order: a chart of its own when `has_data` says there is something besides
    /// the target to draw, else a line on its chapter's targets slide (placed where the
    /// chapter's first such target would have been); then the `closing` slides (the east/west
    /// picture).
    pub fn from_plan(
        doc: &Document,
        node: Option<usize>,
        closing: Vec<SlideContent>,
        has_data: &dyn Fn(&Measure<'_>) -> bool,
    ) -> Self {
        let range = node.map_or(0..doc.plan.nodes.len(), |i| doc.outline.subtree(i));
        let mut slides: Vec<Slide> = Vec::new();
        // Where each slide's content is in the plan (node index), for the order.
        let mut positions: Vec<usize> = Vec::new();
        let at = |id: &str| doc.outline.index_of(id).unwrap_or(usize::MAX);
        for m in Measure::group(&doc.plan.indicators) {
            let Some((statement, _)) = m.main_target() else { continue };
            let in_range =
                m.statements.iter().any(|s| doc.outline.index_of(&s.source_node).is_some_and(|i| range.contains(&i)));
            if !in_range {
                continue;
            }
            if has_data(&m) {
                slides.push(Slide::of(SlideContent::Measure(m.key.to_string())));
                positions.push(at(&statement.source_node));
                continue;
            }
            let chapter = chapter_of(doc, &statement.source_node);
            let existing = slides.iter_mut().find_map(|s| match &mut s.content {
                SlideContent::Targets { chapter: c, measures } if *c == chapter => Some(measures),
                _ => None,
            });
            match existing {
                Some(measures) => measures.push(m.key.to_string()),
                None => {
                    // Where the first of them is stated.
                    positions.push(at(&statement.source_node));
                    slides.push(Slide::of(SlideContent::Targets { chapter, measures: vec![m.key.to_string()] }));
                }
            }
        }
        // In the plan's order: a chart where its target is stated, a targets table where the
        // first of its targets is.
        let mut ordered: Vec<(usize, Slide)> = positions.into_iter().zip(slides).collect();
        ordered.sort_by_key(|(at, _)| *at);
        let mut slides: Vec<Slide> = ordered.into_iter().map(|(_, slide)| slide).collect();
        slides.extend(closing.into_iter().map(Slide::of));
        let name = node.map_or(doc.plan.meta.title.clone(), |i| doc.plan.nodes[i].heading());
        Deck { format_version: DECK_FORMAT_VERSION, name, slides }
    }

    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new().indentor("  ".to_string()).struct_names(false);
        ron::ser::to_string_pretty(self, config).map(|s| s + "\n")
    }

    /// Saves atomically: a failed write leaves an existing file as it was.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let text = self.to_ron().map_err(|e| e.to_string())?;
        crate::fsutil::write_atomically(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// Loads a deck file, checking that everything it names exists (see [`Deck::from_str`]).
    pub fn load(path: &Path, terms: &DeckTerms) -> Result<Deck, Vec<Diagnostic>> {
        let name = path.display().to_string();
        let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
        let text = decode_text(&bytes, &name).map_err(|d| vec![d])?;
        Deck::from_str(&text, &name, terms)
    }

    /// A deck from its RON text, refused (each problem with its line and column) when it names
    /// a measure, chapter, statistic or year that does not exist, holds an empty index, a
    /// control character in its text, or more than [`MAX_SLIDES`] slides: a briefing of empty
    /// slides is not printed.
    pub fn from_str(text: &str, name: &str, terms: &DeckTerms) -> Result<Deck, Vec<Diagnostic>> {
        let deck: Deck = parse_ron(text, name).map_err(|d| vec![d])?;
        let pos = super::ron_paths::Positions::new(text);
        let mut problems = Vec::new();
        let mut error = |path: &str, en: String, zh: String| {
            if problems.len() < MAX_PROBLEMS {
                problems.push(Diagnostic::error(name, pos.of(path), en).zh(zh));
            }
        };
        if deck.format_version != DECK_FORMAT_VERSION {
            let v = deck.format_version;
            error(
                "format_version",
                format!("format_version {v} is not supported"),
                format!("不支持的 format_version {v}"),
            );
        }
        if deck.slides.len() > MAX_SLIDES {
            let n = deck.slides.len();
            error(
                "slides",
                format!("{n} slides: a deck holds at most {MAX_SLIDES}; split it"),
                format!("共 {n} 张幻灯片：一个演示最多 {MAX_SLIDES} 张；请拆分"),
            );
            return Err(problems);
        }
        if let Some(c) = deck.name.chars().find(|c| c.is_control()) {
            let code = format!("U+{:04X}", c as u32);
            error("name", format!("the name holds the control character {code}"), format!("名称含控制字符 {code}"));
        }
        for (i, slide) in deck.slides.iter().enumerate() {
            for problem in terms.problems(&slide.content) {
                let path = format!("slides[{i}].content{}", problem.field);
                error(&path, problem.en, problem.zh);
            }
            for (j, note) in slide.notes.iter().enumerate() {
                terms.year(&format!("slides[{i}].notes[{j}].year"), note.year, &mut |field, en, zh| {
                    error(&field, en, zh);
                });
                if let Some(c) = note.text.chars().find(|c| c.is_control() && *c != '\n') {
                    let code = format!("U+{:04X}", c as u32);
                    error(
                        &format!("slides[{i}].notes[{j}].text"),
                        format!("the note holds the control character {code}"),
                        format!("注释含控制字符 {code}"),
                    );
                }
            }
        }
        if problems.is_empty() { Ok(deck) } else { Err(problems) }
    }
}

/// Why `year` may not be named on a slide (a statistic's, a note's), in English and Chinese;
/// `None` for a year of the plan's period or fifteen years either side. A note on year 2
/// would stretch a chart's axis across two thousand years.
pub fn far_year(doc: &Document, year: u16) -> Option<(String, String)> {
    let meta = &doc.plan.meta;
    let (first, last) = (meta.period_start.saturating_sub(15), meta.period_end.saturating_add(15));
    (!(first..=last).contains(&year)).then(|| {
        (
            format!("the year {year} is far from the plan's period: write one from {first} to {last}"),
            format!("{year} 年远离规划期：请写 {first}–{last} 年之间的年份"),
        )
    })
}

/// A deck holds at most this many slides: a briefing is a meeting's, and 100,000 slides made
/// a 950 MB HTML file.
pub const MAX_SLIDES: usize = 500;
/// At most this many problems are said of one deck.
const MAX_PROBLEMS: usize = 200;

/// What a deck's slides may name: the plan's measures and chapters, and the statistics the
/// loaded scenarios have per 盟市.
pub struct DeckTerms<'a> {
    pub doc: &'a Document,
    pub stats: &'a [StatOption],
}

/// Something a slide names that does not exist, at `field` within the slide's content.
struct Problem {
    field: String,
    en: String,
    zh: String,
}

impl DeckTerms<'_> {
    fn problems(&self, content: &SlideContent) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut say = |field: String, en: String, zh: String| out.push(Problem { field, en, zh });
        match content {
            SlideContent::Measure(k) => self.measure(String::new(), k, &mut say),
            SlideContent::Index(ks) => {
                if ks.is_empty() {
                    say(String::new(), "an index slide names no measure".into(), "指数幻灯片没有指定任何指标".into());
                }
                for (j, k) in ks.iter().enumerate() {
                    self.measure(format!("[{j}]"), k, &mut say);
                }
            }
            SlideContent::Targets { chapter, measures } => {
                let is_chapter = self
                    .doc
                    .outline
                    .index_of(chapter)
                    .and_then(|i| self.doc.plan.nodes.get(i))
                    .is_some_and(|n| n.kind == super::plan::NodeKind::Chapter);
                if !is_chapter {
                    say(
                        ".chapter".into(),
                        format!("no chapter `{chapter}` in the plan (chapters are ch1, ch2 …)"),
                        format!("规划中没有章 `{chapter}`（章的 id 为 ch1、ch2……）"),
                    );
                }
                if measures.is_empty() {
                    say(
                        ".measures".into(),
                        "a targets slide names no measure".into(),
                        "目标幻灯片没有指定任何指标".into(),
                    );
                }
                for (j, k) in measures.iter().enumerate() {
                    self.measure(format!(".measures[{j}]"), k, &mut say);
                }
            }
            SlideContent::Regional { indicator, year, .. } => {
                self.statistic(".indicator", indicator, &mut say);
                self.year(".year", *year, &mut say);
            }
            SlideContent::EastWest { indicator, .. } => self.statistic(".indicator", indicator, &mut say),
            SlideContent::Cover { .. } | SlideContent::EvaluationSummary => {}
            SlideContent::Map { series, year } => {
                if super::regional::PlanMetric::from_id(series).is_some() {
                    if year.is_some() {
                        say(
                            ".year".into(),
                            format!("the plan's count `{series}` has no year: leave year out"),
                            format!("规划的计数 `{series}` 没有年份：请删去 year"),
                        );
                    }
                } else {
                    self.statistic(".series", series, &mut say);
                    if let Some(y) = year {
                        self.year(".year", *y, &mut say);
                    }
                }
            }
        }
        out
    }

    fn measure(&self, field: String, key: &str, say: &mut dyn FnMut(String, String, String)) {
        if !self.doc.plan.indicators.iter().any(|i| i.measure == key) {
            say(field, format!("unknown indicator `{key}`"), format!("未知指标 `{key}`"));
        }
    }

    fn statistic(&self, field: &str, indicator: &str, say: &mut dyn FnMut(String, String, String)) {
        if self.stats.iter().any(|o| o.indicator == indicator) {
            return;
        }
        let known: Vec<&str> = self.stats.iter().map(|o| o.indicator.as_str()).take(12).collect();
        say(
            field.to_string(),
            format!(
                "no loaded scenario has `{indicator}` per 盟市 (they have: {}); load the file that has it first",
                known.join(", ")
            ),
            format!("已载入的情景都没有按盟市的 `{indicator}`（现有：{}）；请先载入含有它的文件", known.join("、")),
        );
    }

    /// A year near the plan's period: a slide of the year 3000 shows nothing.
    fn year(&self, field: &str, year: u16, say: &mut dyn FnMut(String, String, String)) {
        if let Some((en, zh)) = far_year(self.doc, year) {
            say(field.to_string(), en, zh);
        }
    }
}
