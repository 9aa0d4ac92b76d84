//! Pictures of slides for the speaker view, drawn exactly as the slide's PNG export is (the
//! same SVG, the same renderer), on a worker thread one at a time, and kept as textures while
//! the slideshow runs.

use std::sync::Arc;

use crate::model::export::SLIDE_SIZE;
use crate::model::export::briefing::slide_svg;
use crate::model::slide::SlideSpec;
use crate::session::background::Background;

/// Pixels per slide unit: a 960×540 slide drawn 720×405, sharp at the size the view shows it.
const SCALE: f32 = 0.75;
/// Pictures kept (a long deck's first slides go when more are drawn).
const KEPT: usize = 64;

/// A picture drawn on the worker, or why it could not be.
type Drawn = Result<egui::ColorImage, String>;

#[derive(Default)]
pub struct Thumbnails {
    /// Each picture with the spec it shows (the session shares one spec per slide, so the
    /// same spec is the same picture).
    drawn: Vec<(Arc<SlideSpec>, egui::TextureHandle)>,
    drawing: Option<(Arc<SlideSpec>, Background<Drawn>)>,
    /// Specs the renderer could not draw (not tried again every frame).
    failed: Vec<Arc<SlideSpec>>,
}

impl Thumbnails {
    /// The picture of `spec`, or `None` while it is drawn (started now when nothing else is).
    pub fn picture(&mut self, spec: &Arc<SlideSpec>) -> Option<egui::TextureHandle> {
        if let Some((_, texture)) = self.drawn.iter().find(|(s, _)| Arc::ptr_eq(s, spec)) {
            return Some(texture.clone());
        }
        if self.drawing.is_none() && !self.failed.iter().any(|s| Arc::ptr_eq(s, spec)) {
            let mut work = Background::default();
            let svg = slide_svg(spec, "", SLIDE_SIZE);
            work.start(move || {
                let (w, h, pixels) = crate::render::rgba(&svg, SCALE)?;
                Ok(egui::ColorImage::from_rgba_premultiplied([w, h], &pixels))
            });
            self.drawing = Some((spec.clone(), work));
        }
        None
    }

    /// Takes a finished picture; asks for another frame while one is being drawn.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some((spec, work)) = &mut self.drawing else { return };
        match work.poll() {
            Some(Ok(image)) => {
                let texture = ctx.load_texture("slide picture", image, egui::TextureOptions::LINEAR);
                if self.drawn.len() >= KEPT {
                    drop(self.drawn.remove(0));
                }
                self.drawn.push((spec.clone(), texture));
                self.drawing = None;
                ctx.request_repaint();
            }
            // A slide the renderer cannot draw keeps its words in the view; nothing to show.
            Some(Err(_)) => {
                self.failed.push(spec.clone());
                self.drawing = None;
            }
            None if work.running() => ctx.request_repaint_after(std::time::Duration::from_millis(30)),
            None => self.drawing = None,
        }
    }

    /// Forgets every picture (the slideshow ended).
    pub fn clear(&mut self) {
        self.drawn.clear();
        self.failed.clear();
        self.drawing = None;
    }
}
