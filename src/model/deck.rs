//! Slide decks for presenting: by default every indicator chart under a node in the plan's
//! order plus the regional breakdown; or a presenter's own selection and order, with notes
//! on chart points, saved as a small RON file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::diagnostics::Diagnostic;
use super::document::Document;
use super::indicators::Measure;
use super::load::{MAX_FILE_BYTES, decode_text, parse_ron, read_limited};

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
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideContent {
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
                slides.push(Slide { content: SlideContent::Measure(m.key.to_string()), notes: Vec::new() });
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
                    slides.push(Slide {
                        content: SlideContent::Targets { chapter, measures: vec![m.key.to_string()] },
                        notes: Vec::new(),
                    });
                }
            }
        }
        // In the plan's order: a chart where its target is stated, a targets table where the
        // first of its targets is.
        let mut ordered: Vec<(usize, Slide)> = positions.into_iter().zip(slides).collect();
        ordered.sort_by_key(|(at, _)| *at);
        let mut slides: Vec<Slide> = ordered.into_iter().map(|(_, slide)| slide).collect();
        slides.extend(closing.into_iter().map(|content| Slide { content, notes: Vec::new() }));
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

    /// Loads a deck file, checking that its measures exist in the plan.
    pub fn load(path: &Path, doc: &Document) -> Result<Deck, Vec<Diagnostic>> {
        let name = path.display().to_string();
        let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
        let text = decode_text(&bytes, &name).map_err(|d| vec![d])?;
        let deck: Deck = parse_ron(&text, &name).map_err(|d| vec![d])?;
        let known: std::collections::HashSet<&str> = doc.plan.indicators.iter().map(|i| i.measure.as_str()).collect();
        let pos = super::ron_paths::Positions::new(&text);
        let mut problems = Vec::new();
        if deck.format_version != DECK_FORMAT_VERSION {
            problems.push(Diagnostic::error(
                &name,
                pos.of("format_version"),
                format!("format_version {} is not supported", deck.format_version),
            ));
        }
        for (i, slide) in deck.slides.iter().enumerate() {
            let keys: Vec<(String, &String)> = match &slide.content {
                SlideContent::Measure(k) => vec![(format!("slides[{i}].content"), k)],
                SlideContent::Index(ks) => {
                    ks.iter().enumerate().map(|(j, k)| (format!("slides[{i}].content[{j}]"), k)).collect()
                }
                SlideContent::Regional { .. } | SlideContent::Map { .. } | SlideContent::EastWest { .. } => Vec::new(),
                SlideContent::Targets { measures, .. } => {
                    measures.iter().enumerate().map(|(j, k)| (format!("slides[{i}].content[{j}]"), k)).collect()
                }
            };
            for (path, k) in keys {
                if !known.contains(k.as_str()) {
                    problems.push(Diagnostic::error(&name, pos.of(&path), format!("unknown indicator `{k}`")));
                }
            }
        }
        if problems.is_empty() { Ok(deck) } else { Err(problems) }
    }
}
