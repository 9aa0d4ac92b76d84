//! Every file the app writes from the window: chart and table CSV, the HTML briefing, the
//! slide PNG. Each goes into the exports folder atomically, and the message panel says
//! where it went (or why not).

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Msg, tr};
use crate::model::chart::svg::Table;
use crate::model::deck::{Deck, Slide};
use crate::model::evaluation::{Tally, Verdict};
use crate::model::export::{
    BriefingBody, BriefingSlide, MapExport, evaluation_table, map_svg, map_table, regional_table,
};
use crate::model::messages::MessageLog;
use crate::model::scenario::Scenario;
use crate::model::{Document, Severity};

use super::derived::Derived;
use super::presenter::{SlideBody, deck_description, resolve_slide};

/// Where exports go by default: a folder named so it is easy to find, in the user's Documents
/// (文档) folder. Not the working directory: started from a menu or by a double-click, that is
/// the home folder, or the .exe's folder, which may be read-only (Program Files). Only a
/// system without a Documents folder falls back to the working directory.
pub fn default_exports_dir() -> PathBuf {
    let name = "plan-explorer-exports";
    dirs::document_dir().map_or_else(|| PathBuf::from(name), |documents| documents.join(name))
}

pub struct Exports {
    dir: PathBuf,
}

impl Exports {
    pub fn new(dir: PathBuf) -> Self {
        Exports { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` as `name` in the exports folder — as `name-2`, `name-3`… when a file of
    /// that name is there, so an earlier export is never overwritten — and says where (or why
    /// not).
    pub fn write(&self, name: &str, bytes: &[u8], log: &mut MessageLog, lang: Lang) -> Option<PathBuf> {
        let path = free_path(&self.dir, name);
        // Excel on Windows reads CSV as the local code page unless it starts with a UTF-8 BOM
        // (pandas and R's readr skip it).
        let bytes: std::borrow::Cow<'_, [u8]> = if name.ends_with(".csv") && !bytes.starts_with(b"\xef\xbb\xbf") {
            [b"\xef\xbb\xbf".as_slice(), bytes].concat().into()
        } else {
            bytes.into()
        };
        let result = std::fs::create_dir_all(&self.dir).and_then(|()| crate::fsutil::write_atomically(&path, &bytes));
        match result {
            Ok(()) => {
                let shown = std::fs::canonicalize(&path).unwrap_or(path.clone());
                log.info(format!("{}{}", tr(lang, Msg::Exported), shown.display()));
                Some(path)
            }
            Err(e) => {
                log.push(Severity::Error, format!("{}: {}: {e}", path.display(), tr(lang, Msg::CannotWrite)));
                None
            }
        }
    }
}

/// `dir/name`, or the first of `dir/stem-2.ext`, `dir/stem-3.ext`… that does not exist.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, format!(".{ext}")),
        None => (name, String::new()),
    };
    (2..).map(|n| dir.join(format!("{stem}-{n}{ext}"))).find(|p| !p.exists()).unwrap_or(first)
}

/// Every slide of `deck`, after the final evaluation (the question everyone asks first).
pub fn briefing(
    doc: &Document,
    derived: &mut Derived,
    scenarios: &[&Scenario],
    lang: Lang,
    deck: &Deck,
) -> Vec<BriefingSlide> {
    let evaluations = derived.evaluations();
    let tally = Tally::of(evaluations);
    let mut slides = vec![BriefingSlide {
        title: tr(lang, Msg::EvaluationTitle).to_string(),
        unit: String::new(),
        caption: format!(
            "{}。{}",
            Verdict::ALL
                .iter()
                .map(|&v| format!("{} {}", v.text(lang), tally.count(v)))
                .collect::<Vec<_>>()
                .join(" · "),
            tr(lang, Msg::EvaluationExplain)
        ),
        sources: vec![tr(lang, Msg::PlanAndActuals).to_string()],
        // How the deck that follows was built.
        notes: deck_description(deck, lang).into_iter().collect(),
        body: BriefingBody::Table(evaluation_table(evaluations, lang)),
    }];
    for slide in &deck.slides {
        slides.push(briefing_slide(doc, derived, scenarios, lang, slide));
    }
    slides
}

/// One slide of a deck as every export draws it: its chart carries the slide's notes as
/// labelled rules.
pub fn briefing_slide(
    doc: &Document,
    derived: &mut Derived,
    scenarios: &[&Scenario],
    lang: Lang,
    slide: &Slide,
) -> BriefingSlide {
    let resolved = resolve_slide(doc, derived, scenarios, lang, slide);
    let body = match resolved.body {
        SlideBody::Chart(c) => {
            BriefingBody::Chart(Box::new(c.with_annotations(slide.notes.iter().map(|n| (n.year, n.text.clone())))))
        }
        SlideBody::Regional(t) => BriefingBody::Table(regional_table(&t, lang)),
        SlideBody::Table(t) => BriefingBody::Table(t),
        SlideBody::Map(m) => {
            // Built on first use, then lent.
            let _ = derived.pins(doc);
            let _ = derived.map();
            let export = MapExport {
                title: &m.title,
                unit: &m.unit,
                year: m.year,
                values: &m.values,
                source: "",
                missing: tr(lang, Msg::NotPublished),
                projected: tr(lang, Msg::KindProjection),
                pins: derived.built_pins(),
                halves: &m.halves,
                bare: true,
            };
            let data = map_table(&export, lang);
            match derived.built_map_result() {
                Ok(geometry) => BriefingBody::Drawing { svg: map_svg(geometry, &export), data },
                Err(e) => BriefingBody::Table(Table { header: vec![e.to_string()], rows: Vec::new() }),
            }
        }
    };
    BriefingSlide {
        title: resolved.title,
        unit: resolved.unit,
        caption: resolved.caption,
        sources: resolved.sources,
        notes: slide.notes.iter().map(|n| format!("{}{}（{}）", tr(lang, Msg::NotePrefix), n.text, n.year)).collect(),
        body,
    }
}
