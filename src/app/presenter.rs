//! The running slideshow: its deck, the slide shown, and what the speaker view adds (the
//! speaker's window, a blanked screen, the timer). What a slide shows is the session's
//! (`session::slides`), built once per slide and shared with every export.

use std::time::Instant;

use crate::model::deck::{Annotation, Deck, Slide};
use crate::ui::SlideStep;
use crate::ui::command::Blank;

/// Which deck runs: notes written while presenting go back to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeckOrigin {
    /// The deck built from the plan (its notes are kept by the session for the next time).
    Plan,
    /// The presenter's own deck.
    Mine,
}

/// A running slideshow.
pub struct Presenter {
    pub deck: Deck,
    pub origin: DeckOrigin,
    pub index: usize,
    /// The speaker view is open in a second window.
    pub speaker: bool,
    /// What the audience sees instead of the slide, if anything.
    pub blank: Option<Blank>,
    /// The slides in a normal window instead of full screen (to share in a video call).
    pub windowed: bool,
    /// When the timer started (the slideshow's start, or the last restart).
    pub started: Instant,
    /// Which monitor the slides are sent to with the speaker view on, in the system's order of
    /// monitors: the second (a projector wired to a laptop), until the screens are swapped.
    pub slides_monitor: usize,
}

impl Presenter {
    pub fn new(deck: Deck, origin: DeckOrigin) -> Self {
        Presenter {
            deck,
            origin,
            index: 0,
            speaker: false,
            blank: None,
            windowed: false,
            started: Instant::now(),
            slides_monitor: 1,
        }
    }

    pub fn current(&self) -> Option<&Slide> {
        self.deck.slides.get(self.index)
    }

    pub fn next(&self) -> Option<&Slide> {
        self.deck.slides.get(self.index + 1)
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

    /// Straight to the slide at `index` (ignored past the end).
    pub fn go_to(&mut self, index: usize) {
        if index < self.deck.slides.len() {
            self.index = index;
        }
    }

    /// Black or white instead of the slide; the same again shows the slide.
    pub fn blank(&mut self, blank: Blank) {
        self.blank = if self.blank == Some(blank) { None } else { Some(blank) };
    }

    /// Changes the current slide and hands back the changed slide, for the deck it came from.
    pub fn change_current(&mut self, change: impl FnOnce(&mut Slide)) -> Option<Slide> {
        let slide = self.deck.slides.get_mut(self.index)?;
        change(slide);
        Some(slide.clone())
    }

    pub fn add_note(&mut self, year: u16, text: String) -> Option<Slide> {
        self.change_current(|slide| slide.notes.push(Annotation { year, text }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deck::SlideContent;

    fn deck(n: usize) -> Deck {
        let mut deck = Deck::new("d");
        deck.slides = (0..n).map(|k| Slide::of(SlideContent::Measure(format!("m{k}")))).collect();
        deck
    }

    #[test]
    fn steps_stay_in_the_deck_and_the_list_jumps() {
        let mut p = Presenter::new(deck(3), DeckOrigin::Plan);
        p.step(SlideStep::Previous);
        assert_eq!(p.index, 0);
        p.step(SlideStep::Last);
        assert_eq!((p.index, p.next().is_none()), (2, true));
        p.step(SlideStep::Next);
        assert_eq!(p.index, 2);
        p.go_to(1);
        assert_eq!(p.next().map(|s| &s.content), Some(&SlideContent::Measure("m2".into())));
        p.go_to(3);
        assert_eq!(p.index, 1, "past the end is ignored");
        p.step(SlideStep::First);
        assert_eq!(p.index, 0);
    }

    #[test]
    fn the_same_blank_again_shows_the_slide_and_the_other_replaces_it() {
        let mut p = Presenter::new(deck(1), DeckOrigin::Plan);
        p.blank(Blank::Black);
        assert_eq!(p.blank, Some(Blank::Black));
        p.blank(Blank::White);
        assert_eq!(p.blank, Some(Blank::White));
        p.blank(Blank::White);
        assert_eq!(p.blank, None);
    }

    #[test]
    fn a_change_is_made_to_the_current_slide_and_handed_back() {
        let mut p = Presenter::new(deck(2), DeckOrigin::Mine);
        p.go_to(1);
        let changed = p.change_current(|s| s.speaker_notes = "先讲结论".into()).expect("a slide");
        assert_eq!(changed.content, SlideContent::Measure("m1".into()));
        assert_eq!(p.deck.slides[1].speaker_notes, "先讲结论");
        assert!(p.deck.slides[0].speaker_notes.is_empty());
        let noted = p.add_note(2018, "GDP修订".into()).expect("a slide");
        assert_eq!(noted.notes, [Annotation { year: 2018, text: "GDP修订".into() }]);
        assert_eq!(noted.speaker_notes, "先讲结论");
    }
}
