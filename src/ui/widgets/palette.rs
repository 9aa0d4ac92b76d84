//! The model's colours (`model::colours`) as egui colours, and the few the interface adds for
//! itself (marks in running text). No data colour is defined here: each is taken from the
//! model, so the window and every export draw alike.

use egui::{Color32, Ui};

use crate::model::Region;
use crate::model::colours::{Colour, region_colour};

/// A model colour as egui draws it, on a light background.
pub const fn colour(c: Colour) -> Color32 {
    rgb(c.rgb(false))
}

/// A model colour on the theme's background (`dark` as egui says).
pub const fn themed(c: Colour, dark: bool) -> Color32 {
    rgb(c.rgb(dark))
}

pub const fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// An actual series (as on the charts).
pub const BLUE: Color32 = colour(Colour::Blue);
/// Errors and conflicts.
pub const ERROR: Color32 = colour(Colour::Vermilion);
/// Warnings.
pub const WARNING: Color32 = colour(Colour::Orange);
/// The plan's target marker (as on the charts).
pub const TARGET: Color32 = colour(Colour::Vermilion);

pub const fn region_color(region: Region) -> Color32 {
    colour(region_colour(region))
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
