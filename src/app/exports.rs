//! Every file the app writes from the window: chart and table CSV, the HTML briefing, the
//! slide PNG. Each goes into the exports folder atomically, and the message panel says
//! where it went (or why not).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::model::deck::{Deck, Slide, SlideContent};
use crate::model::evaluation::{Tally, Verdict};
use crate::model::export::{BriefingSlide, briefing_html, chart_svg, evaluation_table_html, regional_table_html};
use crate::model::messages::MessageLog;
use crate::model::scenario::Scenario;
use crate::model::{Document, Severity};
use crate::ui::i18n::{Lang, Msg, tr};
use crate::ui::widgets::status::verdict_text;

use super::derived::Derived;
use super::presenter::{SlideBody, resolve_slide};

/// Where exports go by default: a folder in the working directory, named so it is easy to find.
pub fn default_exports_dir() -> PathBuf {
    PathBuf::from("plan-explorer-exports")
}

/// A slide PNG waiting for its screenshot: the slide's rect, the pixel scale, the file name.
struct PendingPng {
    rect: egui::Rect,
    pixels_per_point: f32,
    name: String,
    image: Receiver<Arc<egui::ColorImage>>,
}

pub struct Exports {
    dir: PathBuf,
    pending_png: Option<PendingPng>,
}

impl Exports {
    pub fn new(dir: PathBuf) -> Self {
        Exports { dir, pending_png: None }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` as `name` in the exports folder and says where (or why not).
    pub fn write(&self, name: &str, bytes: &[u8], log: &mut MessageLog, lang: Lang) -> Option<PathBuf> {
        let path = self.dir.join(name);
        let result = std::fs::create_dir_all(&self.dir).and_then(|()| crate::fsutil::write_atomically(&path, bytes));
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

    /// Asks for the slide's PNG: the screenshot arrives on `image` a frame later.
    pub fn expect_png(
        &mut self,
        slide: &Slide,
        number: usize,
        rect: egui::Rect,
        pixels_per_point: f32,
        image: Receiver<Arc<egui::ColorImage>>,
    ) {
        let name = match &slide.content {
            SlideContent::Measure(k) => k.clone(),
            SlideContent::Index(_) => "index".into(),
            SlideContent::Regional { indicator, .. } => indicator.clone(),
        };
        let name = format!("slide-{number}-{name}.png");
        self.pending_png = Some(PendingPng { rect, pixels_per_point, name, image });
    }

    /// Crops the screenshot to the slide and writes the PNG once it has arrived.
    pub fn poll_png(&mut self, log: &mut MessageLog, lang: Lang) {
        let Some(pending) = &self.pending_png else { return };
        let Ok(image) = pending.image.try_recv() else { return };
        let Some(pending) = self.pending_png.take() else { return };
        let crop = image.region(&pending.rect, Some(pending.pixels_per_point));
        let [w, h] = crop.size;
        let rgba: Vec<u8> = crop.pixels.iter().flat_map(|c| c.to_array()).collect();
        let mut png = Vec::new();
        let encoded = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
            .map(|img| img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png));
        match encoded {
            Some(Ok(())) => {
                self.write(&pending.name, &png, log, lang);
            }
            _ => log.push(Severity::Error, format!("{}: {}", pending.name, tr(lang, Msg::CannotEncode))),
        }
    }
}

/// Every slide of `deck` as one printable HTML file, charts drawn as SVG.
pub fn briefing(doc: &Document, derived: &mut Derived, scenarios: &[&Scenario], lang: Lang, deck: &Deck) -> String {
    // The question everyone asks first: which targets were met?
    let evaluations = derived.evaluations();
    let tally = Tally::of(evaluations);
    let mut slides = vec![BriefingSlide {
        title: tr(lang, Msg::EvaluationTitle).to_string(),
        unit: String::new(),
        caption: format!(
            "{}。{}",
            Verdict::ALL
                .iter()
                .map(|&v| format!("{} {}", verdict_text(v, lang), tally.count(v)))
                .collect::<Vec<_>>()
                .join(" · "),
            tr(lang, Msg::EvaluationExplain)
        ),
        sources: vec![tr(lang, Msg::PlanAndActuals).to_string()],
        body: evaluation_table_html(evaluations),
    }];
    for slide in &deck.slides {
        let resolved = resolve_slide(doc, derived, scenarios, lang, slide);
        let notes: Vec<(u16, String)> = slide.notes.iter().map(|n| (n.year, n.text.clone())).collect();
        let body = match &resolved.body {
            SlideBody::Chart(c) => chart_svg(c, &notes),
            SlideBody::Regional(t) => regional_table_html(t, tr(lang, Msg::NotPublished)),
        };
        slides.push(BriefingSlide {
            title: resolved.title,
            unit: resolved.unit,
            caption: resolved.caption,
            sources: resolved.sources,
            body,
        });
    }
    briefing_html(&deck.name, &slides)
}
