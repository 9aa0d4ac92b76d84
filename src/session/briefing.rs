//! The briefing of a deck: the final evaluation first (the question everyone asks first), then
//! every slide of the deck, each as the same [`SlideSpec`] the presenter shows. The PDF, HTML
//! and PNG writers in `model::export` draw these.

use std::sync::Arc;

use super::Session;
use super::slides::deck_description;
use crate::i18n::{Lang, Msg, tr};
use crate::model::deck::Deck;
use crate::model::evaluation::{Tally, Verdict};
use crate::model::export::evaluation_table;
use crate::model::slide::{SlideBody, SlideSpec};

impl Session {
    /// The evaluation slide, then every slide of `deck`.
    pub fn briefing(&self, deck: &Deck, lang: Lang) -> Vec<Arc<SlideSpec>> {
        let mut slides = vec![Arc::new(self.evaluation_slide(deck, lang))];
        slides.extend(deck.slides.iter().map(|slide| self.slide(slide, lang)));
        slides
    }

    /// The speaker's notes of each slide of [`Session::briefing`] (the evaluation's none), for
    /// a briefing with notes.
    pub fn handout(&self, deck: &Deck) -> Vec<String> {
        std::iter::once(String::new()).chain(deck.slides.iter().map(|s| s.speaker_notes.clone())).collect()
    }

    /// The verdicts counted, the targets judged as a table, and how the deck that follows was
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
