//! Every colour the program draws data with, defined once: the window, the SVG, PNG and PDF
//! exports and the JSON all take theirs from here. Data colours come from the Okabe–Ito
//! palette (Okabe & Ito 2008, "Color Universal Design"), which stays distinguishable for every
//! kind of colour vision; east is always blue and west always orange; map classes are viridis.

use serde::Serialize;

use super::evaluation::Verdict;
use super::places::Region;
use super::progress::Status;

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

/// A drawing's background: white on paper and light themes, near-black on dark.
pub const fn background(dark: bool) -> [u8; 3] {
    if dark { [0x1b, 0x1b, 0x1b] } else { [0xff, 0xff, 0xff] }
}

/// A chart's grid lines.
pub const fn grid(dark: bool) -> [u8; 3] {
    if dark { [0x44, 0x44, 0x44] } else { [0xdd, 0xdd, 0xdd] }
}

/// A table's rules.
pub const fn rule(dark: bool) -> [u8; 3] {
    if dark { [0x55, 0x55, 0x55] } else { [0xcc, 0xcc, 0xcc] }
}

/// Text that says where something comes from (a map's source line), on white.
pub const SOURCE_TEXT_RGB: [u8; 3] = [0x44, 0x44, 0x44];
pub const WHITE: [u8; 3] = [0xff, 0xff, 0xff];

/// A progress status's colour (the word is always shown too): achieved in blue, on track in
/// green, acceleration needed in orange, limited progress in vermilion, deterioration in
/// reddish purple.
pub const fn status_colour(status: Status) -> Colour {
    match status {
        Status::Achieved => Colour::Blue,
        Status::OnTrack => Colour::BluishGreen,
        Status::Acceleration => Colour::Orange,
        Status::Limited => Colour::Vermilion,
        Status::Deterioration => Colour::ReddishPurple,
    }
}

/// A verdict's colour: met in blue (as achieved), not met in vermilion, the rest grey.
pub const fn verdict_colour(verdict: Verdict) -> Colour {
    match verdict {
        Verdict::Met => Colour::Blue,
        Verdict::NearlyMet => Colour::Orange,
        Verdict::NotMet => Colour::Vermilion,
        Verdict::NoData => Colour::Grey,
    }
}

/// `#rrggbb`, for SVG and JSON.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
