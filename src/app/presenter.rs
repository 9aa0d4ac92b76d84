//! The running slideshow: its deck and the slide shown. What a slide shows is the session's
//! (`session::slides`), built once per slide and shared with every export.

use crate::model::deck::{Annotation, Deck, Slide};
use crate::ui::SlideStep;

/// A running slideshow.
pub struct Presenter {
    pub deck: Deck,
    pub index: usize,
}

impl Presenter {
    pub fn new(deck: Deck) -> Self {
        Presenter { deck, index: 0 }
    }

    pub fn current(&self) -> Option<&Slide> {
        self.deck.slides.get(self.index)
    }

    pub fn step(&mut self, step: SlideStep) {
        let last = self.deck.slides.len().saturating_sub(1);
        self.index = match step {
            SlideStep::Previous => self.index.saturating_sub(1),
            SlideStep::Next => (self.index + 1).min(last),
            SlideStep::First => 0,
            SlideStep::Last => last,
        };
    }

    pub fn add_note(&mut self, year: u16, text: String) {
        if let Some(slide) = self.deck.slides.get_mut(self.index) {
            slide.notes.push(Annotation { year, text });
        }
    }
}
