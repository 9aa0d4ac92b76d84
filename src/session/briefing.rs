//! The briefing of a deck: the final evaluation first (the question everyone asks first), then
//! every slide of the deck, each as the same [`SlideSpec`] the presenter shows. The PDF, HTML
//! and PNG writers in `model::export` draw these.

use std::sync::Arc;

use super::Session;
use super::slides::deck_description;
use crate::i18n::{Lang, Msg, tr};
use crate::model::deck::{Deck, SlideContent};
use crate::model::evaluation::{Tally, Verdict};
use crate::model::export::evaluation_table;
use crate::model::slide::{SlideBody, SlideSpec};

impl Session {
    /// Every slide of `deck`, with the full evaluation table after its opening slides (the
    /// cover and the summary, when it starts with them; else first).
    pub fn briefing(&self, deck: &Deck, lang: Lang) -> Vec<Arc<SlideSpec>> {
        let mut slides: Vec<Arc<SlideSpec>> = deck.slides.iter().map(|slide| self.slide(slide, lang)).collect();
        slides.insert(opening(deck), Arc::new(self.evaluation_slide(deck, lang)));
        slides
    }

    /// The speaker's notes of each slide of [`Session::briefing`] (the evaluation's none), for
    /// a briefing with notes.
    pub fn handout(&self, deck: &Deck) -> Vec<String> {
        let mut notes: Vec<String> = deck.slides.iter().map(|s| s.speaker_notes.clone()).collect();
        notes.insert(opening(deck), String::new());
        notes
    }

    /// The verdicts counted (the whole evaluation's table), the targets judged as a table, and how the deck that follows was
    /// built.
    fn evaluation_slide(&self, deck: &Deck, lang: Lang) -> SlideSpec {
        let evaluations = self.evaluations();
        let tally = Tally::of(evaluations);
        let counts: Vec<String> =
            Verdict::ALL.iter().map(|&v| format!("{} {}", v.text(lang), tally.count(v))).collect();
        SlideSpec {
            title: tr(lang, Msg::EvaluationTitle).to_string(),
            unit: String::new(),
            caption: format!("{}。{}", counts.join(" · "), tr(lang, Msg::EvaluationExplain)),
            sources: vec![tr(lang, Msg::PlanAndActuals).to_string()],
            notes: deck_description(deck, lang).into_iter().collect(),
            body: SlideBody::Table(evaluation_table(evaluations, lang)),
        }
    }
}

/// How many slides open `deck` before its content: a cover and the evaluation's summary.
fn opening(deck: &Deck) -> usize {
    deck.slides
        .iter()
        .take_while(|s| matches!(s.content, SlideContent::Cover { .. } | SlideContent::EvaluationSummary))
        .count()
}
