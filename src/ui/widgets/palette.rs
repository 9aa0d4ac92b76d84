//! Every colour the app draws with, defined once. Data colours come from the Okabe–Ito
//! palette, which stays distinguishable for every kind of colour vision; east is always
//! blue and west always orange.

use egui::{Color32, Ui};

use crate::model::Region;

pub const BLUE: Color32 = Color32::from_rgb(0, 114, 178);
pub const VERMILION: Color32 = Color32::from_rgb(213, 94, 0);
pub const BLUISH_GREEN: Color32 = Color32::from_rgb(0, 158, 115);
pub const REDDISH_PURPLE: Color32 = Color32::from_rgb(204, 121, 167);
pub const SKY_BLUE: Color32 = Color32::from_rgb(86, 180, 233);
pub const ORANGE: Color32 = Color32::from_rgb(230, 159, 0);

/// Actual and scenario series, in the order they are assigned.
pub const SERIES: [Color32; 6] = [BLUE, VERMILION, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, ORANGE];

/// Errors and conflicts.
pub const ERROR: Color32 = VERMILION;
/// Warnings.
pub const WARNING: Color32 = ORANGE;
/// The plan's target marker.
pub const TARGET: Color32 = ORANGE;

pub fn region_color(region: Region) -> Color32 {
    match region {
        Region::East => BLUE,
        Region::West => ORANGE,
    }
}

/// The shaded zone of values that meet a target.
pub fn goal_fill(dark: bool) -> Color32 {
    Color32::from_rgba_unmultiplied(0, 158, 115, if dark { 40 } else { 30 })
}

/// The shaded range between scenarios.
pub fn band_fill(dark: bool) -> Color32 {
    Color32::from_rgba_unmultiplied(86, 180, 233, if dark { 45 } else { 35 })
}

/// Colours of marks in running text: place names, indicator phrases, search hits.
pub struct MarkColors {
    pub text: Color32,
    pub place: Color32,
    pub indicator: Color32,
    pub hit_bg: Color32,
}

impl MarkColors {
    pub fn for_ui(ui: &Ui) -> Self {
        let dark = ui.visuals().dark_mode;
        MarkColors {
            text: ui.visuals().text_color(),
            // Blue and orange stay apart for colour-blind readers.
            place: if dark { Color32::from_rgb(120, 180, 255) } else { Color32::from_rgb(0, 90, 190) },
            indicator: if dark { Color32::from_rgb(255, 176, 80) } else { Color32::from_rgb(175, 85, 0) },
            hit_bg: if dark { Color32::from_rgb(110, 90, 0) } else { Color32::from_rgb(255, 230, 120) },
        }
    }
}
