//! Every colour the program draws data with, defined once: the window, the SVG, PNG and PDF
//! exports and the JSON all take theirs from here. Data colours come from the Okabe–Ito
//! palette (Okabe & Ito 2008, "Color Universal Design"), which stays distinguishable for every
//! kind of colour vision; east is always blue and west always orange; map classes are viridis.

use serde::Serialize;

use super::places::Region;

/// A colour of the chart palette. `Ink` is the text colour of the theme (near-black on
/// light, near-white on dark); the rest are the same in every theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    Ink,
    Grey,
    Blue,
    Vermilion,
    BluishGreen,
    ReddishPurple,
    SkyBlue,
    Orange,
}

impl Colour {
    /// Series colours in the order they are handed out (vermilion is the plan's target).
    pub const SERIES: [Colour; 5] =
        [Colour::Blue, Colour::BluishGreen, Colour::ReddishPurple, Colour::Orange, Colour::SkyBlue];

    /// The colour as RGB on a light (`dark == false`) or dark background.
    pub const fn rgb(self, dark: bool) -> [u8; 3] {
        match self {
            Colour::Ink if dark => [230, 230, 230],
            Colour::Ink => [34, 34, 34],
            Colour::Grey if dark => [170, 170, 170],
            Colour::Grey => [110, 110, 110],
            Colour::Blue if dark => [86, 160, 230],
            Colour::Blue => [0, 114, 178],
            Colour::Vermilion => [213, 94, 0],
            Colour::BluishGreen => [0, 158, 115],
            Colour::ReddishPurple => [204, 121, 167],
            Colour::SkyBlue => [86, 180, 233],
            Colour::Orange => [230, 159, 0],
        }
    }

    /// `#rrggbb`, for SVG.
    pub fn hex(self, dark: bool) -> String {
        hex(self.rgb(dark))
    }
}

/// East in blue, west in orange: on every chart, map and bar.
pub const fn region_colour(region: Region) -> Colour {
    match region {
        Region::East => Colour::Blue,
        Region::West => Colour::Orange,
    }
}

/// Viridis in five steps, light (low) to dark (high): ordered in lightness, so it reads in
/// grey and for every kind of colour vision. The map's classes.
pub const CLASS_RGB: [[u8; 3]; 5] =
    [[0xfd, 0xe7, 0x25], [0x5e, 0xc9, 0x62], [0x21, 0x91, 0x8c], [0x3b, 0x52, 0x8b], [0x44, 0x01, 0x54]];
/// The fill of a 盟市 without a value (hatched over it).
pub const MISSING_RGB: [u8; 3] = [0xdd, 0xdd, 0xdd];
/// The hatching over a gap, and the outline of a 盟市 of no known region.
pub const HATCH_RGB: [u8; 3] = [0x88, 0x88, 0x88];
/// A map pin's disc (ringed in white), and its leader lines.
pub const PIN_RGB: [u8; 3] = [0x22, 0x22, 0x22];

/// `#rrggbb`, for SVG and JSON.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
