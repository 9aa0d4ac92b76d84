//! How progress statuses and verdicts look in the window: the model's colour for each
//! (`model::colours`), which stays distinguishable for colour-blind readers (the word is always
//! shown too), and a symbol per status for the tree's badges.

use egui::Color32;

use super::palette::colour;
use crate::model::colours::{status_colour, verdict_colour};
use crate::model::evaluation::Verdict;
use crate::model::progress::Status;

pub fn status_color(status: Status) -> Color32 {
    colour(status_colour(status))
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

pub fn verdict_color(verdict: Verdict) -> Color32 {
    colour(verdict_colour(verdict))
}
