//! How progress statuses look: a word and a colour from the Okabe–Ito palette, which stays
//! distinguishable for colour-blind readers (the word is always shown too).

use egui::Color32;

use super::palette;
use crate::model::evaluation::Verdict;
use crate::model::progress::Status;

pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Achieved => palette::BLUE,
        Status::OnTrack => palette::BLUISH_GREEN,
        Status::Acceleration => palette::ORANGE,
        Status::Limited => palette::VERMILION,
        Status::Deterioration => palette::REDDISH_PURPLE,
    }
}

/// A compact badge for tree rows: a symbol per status so that colour is not the only cue.
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Achieved => "★",
        Status::OnTrack => "●",
        Status::Acceleration => "◆",
        Status::Limited => "▲",
        Status::Deterioration => "▼",
    }
}

/// The final evaluation's verdicts: met in blue (as achieved), not met in vermilion, no data
/// in grey — always with the word.
pub fn verdict_color(verdict: Verdict) -> Color32 {
    match verdict {
        Verdict::Met => palette::BLUE,
        Verdict::NotMet => palette::VERMILION,
        Verdict::NoData | Verdict::NotJudged => Color32::GRAY,
    }
}
