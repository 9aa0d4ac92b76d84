//! How progress statuses look: a word and a colour from the Okabe–Ito palette, which stays
//! distinguishable for colour-blind readers (the word is always shown too).

use egui::Color32;

use super::i18n::{Lang, Msg, tr};
use crate::model::progress::Status;

pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Achieved => Color32::from_rgb(0, 114, 178),
        Status::OnTrack => Color32::from_rgb(0, 158, 115),
        Status::Acceleration => Color32::from_rgb(230, 159, 0),
        Status::Limited => Color32::from_rgb(213, 94, 0),
        Status::Deterioration => Color32::from_rgb(204, 121, 167),
    }
}

pub fn status_text(status: Status, lang: Lang) -> &'static str {
    tr(
        lang,
        match status {
            Status::Achieved => Msg::StatusAchieved,
            Status::OnTrack => Msg::StatusOnTrack,
            Status::Acceleration => Msg::StatusAcceleration,
            Status::Limited => Msg::StatusLimited,
            Status::Deterioration => Msg::StatusDeterioration,
        },
    )
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
