//! Turns a node's text into a laid-out galley with place names, indicator quotes and
//! search hits marked, and finds what lies under the pointer.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Stroke, Ui};

use super::palette::MarkColors;

pub use crate::model::marks::{Mark, Span};

/// Lays out `text` at `font` wrapped to `width`, with `spans` marked.
pub fn layout(ui: &Ui, text: &str, spans: &[Span], font: FontId, width: f32) -> Arc<Galley> {
    let palette = MarkColors::for_ui(ui);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Per char: (place, indicator, hit).
    let mut marks = vec![(false, false, false); chars.len()];
    for span in spans {
        for m in marks.iter_mut().take(span.end.min(chars.len())).skip(span.start) {
            match span.mark {
                Mark::Place(_) => m.0 = true,
                Mark::Indicator(_) => m.1 = true,
                Mark::Hit => m.2 = true,
            }
        }
    }
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut start = 0;
    while start < chars.len() {
        let flags = marks[start];
        let mut end = start + 1;
        while end < chars.len() && marks[end] == flags {
            end += 1;
        }
        let byte_start = chars[start].0;
        let byte_end = chars.get(end).map_or(text.len(), |c| c.0);
        let mut format = TextFormat { font_id: font.clone(), color: palette.text, ..Default::default() };
        if flags.0 {
            format.color = palette.place;
            format.underline = Stroke::new(1.0, palette.place);
        }
        if flags.1 {
            format.color = palette.indicator;
            format.underline = Stroke::new(1.5, palette.indicator);
        }
        if flags.2 {
            format.background = palette.hit_bg;
        }
        job.append(&text[byte_start..byte_end], 0.0, format);
        start = end;
    }
    if chars.is_empty() {
        job.append("", 0.0, TextFormat { font_id: font, color: palette.text, ..Default::default() });
    }
    ui.fonts_mut(|f| f.layout_job(job))
}

/// The span under `pos` (relative to the galley's top-left), if any.
pub fn span_at<'a>(galley: &Galley, spans: &'a [Span], pos: egui::Vec2) -> Option<&'a Span> {
    if pos.x < 0.0 || pos.y < 0.0 || pos.y > galley.rect.height() {
        return None;
    }
    let index = galley.cursor_from_pos(pos).index.0;
    spans.iter().filter(|s| !matches!(s.mark, Mark::Hit)).find(|s| (s.start..s.end).contains(&index))
}
