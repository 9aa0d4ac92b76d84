//! How each series of a chart looks. Colours come from the Okabe–Ito palette (safe for every
//! kind of colour vision); dash and marker are a second channel, so that no two legend
//! entries of one chart look alike even in greyscale or when colours run out.

use serde::Serialize;

pub use crate::model::colours::Colour;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

impl Dash {
    /// The SVG `stroke-dasharray` for a line of `width`.
    pub fn dasharray(self, width: f32) -> Option<String> {
        let w = width.max(1.0);
        match self {
            Dash::Solid => None,
            Dash::Dashed => Some(format!("{} {}", 4.0 * w, 2.5 * w)),
            Dash::Dotted => Some(format!("{} {}", w, 1.6 * w)),
            Dash::DashDot => Some(format!("{} {} {} {}", 5.0 * w, 2.0 * w, w, 2.0 * w)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Cross,
}

impl Marker {
    pub const ALL: [Marker; 6] =
        [Marker::Circle, Marker::Square, Marker::Diamond, Marker::TriangleUp, Marker::TriangleDown, Marker::Cross];

    /// The corners of a polygon marker around its centre, in units of its radius (y down), so
    /// that the SVG and the app draw the same shape; `None` for the circle and the cross.
    pub fn polygon(self) -> Option<&'static [(f32, f32)]> {
        match self {
            Marker::Square => Some(&[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
            Marker::Diamond => Some(&[(0.0, -1.3), (1.3, 0.0), (0.0, 1.3), (-1.3, 0.0)]),
            Marker::TriangleUp => Some(&[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)]),
            Marker::TriangleDown => Some(&[(0.0, 1.2), (-1.1, -0.8), (1.1, -0.8)]),
            Marker::Circle | Marker::Cross => None,
        }
    }
}

/// How one series is drawn: the same in the app, the SVG, the PNG and the PDF.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Style {
    pub colour: Colour,
    /// `None`: points only, no line between them.
    pub line: Option<Dash>,
    pub marker: Option<Marker>,
    /// Line width in points (markers scale with it).
    pub width: f32,
    /// Another source of a measure that has a preferred one: drawn lighter and thinner.
    pub muted: bool,
}

impl Style {
    /// What makes two legend entries look different (width and muting aside).
    pub fn look(&self) -> (Colour, Option<Dash>, Option<Marker>) {
        (self.colour, self.line, self.marker)
    }

    /// The marker's radius in points.
    pub fn marker_radius(&self) -> f32 {
        match self.marker {
            Some(Marker::Diamond) if self.line.is_none() => 7.0,
            Some(_) if self.line.is_none() => 5.0,
            _ => 3.5,
        }
    }
}

/// A shaded area: the goal zone or the range between scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Fill {
    pub colour: Colour,
    /// 0–1.
    pub opacity: f32,
}

pub const GOAL_FILL: Fill = Fill { colour: Colour::BluishGreen, opacity: 0.16 };
pub const BAND_FILL: Fill = Fill { colour: Colour::SkyBlue, opacity: 0.25 };

/// What a role starts from; [`distinct`] then makes every look unique.
pub fn base_style(role: super::Role, nth_of_role: usize) -> Style {
    use super::Role;
    let series = |k: usize| Colour::SERIES[k % Colour::SERIES.len()];
    let (colour, line, marker, width) = match role {
        Role::Baseline => (Colour::Ink, None, Some(Marker::Circle), 2.0),
        Role::Target if nth_of_role == 0 => (Colour::Vermilion, None, Some(Marker::Diamond), 2.0),
        Role::Target => (Colour::Vermilion, None, Some(Marker::Square), 2.0),
        Role::LinearPath => (Colour::Grey, Some(Dash::Dashed), None, 1.5),
        Role::GrowthPath => (Colour::Grey, Some(Dash::Dotted), None, 1.5),
        Role::Actual => (series(nth_of_role), Some(Dash::Solid), Some(Marker::Circle), 2.5),
        Role::Projection => (series(nth_of_role + 1), Some(Dash::Dashed), Some(Marker::TriangleUp), 2.5),
        Role::AltTarget => (series(nth_of_role + 2), None, Some(Marker::Square), 2.0),
    };
    Style { colour, line, marker, width, muted: false }
}

/// Makes every look in `styles` different from the ones before it: first by trying the
/// other markers, then the other dashes, then the other colours.
/// Past the number of looks there are, later series keep their own (a chart of thousands of
/// scenarios cannot tell them apart by look, and is not made to try, which was N² work).
pub fn distinct(styles: &mut [Style]) {
    let mut taken = std::collections::HashSet::new();
    for style in styles.iter_mut() {
        let s = *style;
        if taken.insert(s.look()) {
            continue;
        }
        let dashes: Vec<Option<Dash>> = match s.line {
            None => vec![None],
            Some(d) => std::iter::once(Some(d))
                .chain([Dash::Solid, Dash::Dashed, Dash::Dotted, Dash::DashDot].into_iter().map(Some))
                .collect(),
        };
        let colours = std::iter::once(s.colour).chain(Colour::SERIES);
        let candidate = colours
            .flat_map(|c| dashes.iter().map(move |&d| (c, d)))
            .flat_map(|(c, d)| Marker::ALL.into_iter().map(move |m| (c, d, Some(m))))
            .find(|look| !taken.contains(look));
        if let Some((colour, line, marker)) = candidate {
            *style = Style { colour, line, marker, ..s };
            taken.insert((colour, line, marker));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Role;
    use super::*;

    #[test]
    fn many_series_of_one_role_never_look_alike() {
        let mut styles: Vec<Style> = (0..40).map(|k| base_style(Role::Actual, k % 3)).collect();
        distinct(&mut styles);
        let mut looks: Vec<_> = styles.iter().map(Style::look).collect();
        looks.sort_by_key(|l| format!("{l:?}"));
        looks.dedup();
        assert_eq!(looks.len(), 40);
    }

    #[test]
    fn the_two_paths_differ_by_dash_and_the_target_by_colour() {
        let linear = base_style(Role::LinearPath, 0);
        let growth = base_style(Role::GrowthPath, 0);
        assert_ne!(linear.line, growth.line);
        assert_ne!(base_style(Role::Target, 0).colour, base_style(Role::Actual, 0).colour);
    }

    /// The palette is Okabe and Ito's (colour-blind safe), as published; on a dark background
    /// ink turns light, grey lighter and blue brighter, and the rest keep their colour.
    #[test]
    fn the_palette_is_okabe_itos() {
        let light = |c: Colour| c.hex(false);
        assert_eq!(light(Colour::Blue), "#0072b2");
        assert_eq!(light(Colour::Vermilion), "#d55e00");
        assert_eq!(light(Colour::BluishGreen), "#009e73");
        assert_eq!(light(Colour::ReddishPurple), "#cc79a7");
        assert_eq!(light(Colour::SkyBlue), "#56b4e9");
        assert_eq!(light(Colour::Orange), "#e69f00");
        let luminance = |c: Colour, dark: bool| c.rgb(dark).iter().map(|&v| u32::from(v)).sum::<u32>();
        for c in [Colour::Ink, Colour::Grey, Colour::Blue] {
            assert!(luminance(c, true) > luminance(c, false), "{c:?} is lighter on dark");
        }
        assert!(luminance(Colour::Ink, false) < 150 && luminance(Colour::Ink, true) > 600);
        for c in [Colour::Vermilion, Colour::BluishGreen, Colour::ReddishPurple, Colour::SkyBlue, Colour::Orange] {
            assert_eq!(c.hex(true), c.hex(false), "{c:?}");
        }
    }

    /// Dashes scale with the line's width (never thinner than a 1-point line's), so a thick
    /// projector line keeps its pattern.
    #[test]
    fn dashes_scale_with_the_line() {
        assert_eq!(Dash::Solid.dasharray(3.0), None);
        assert_eq!(Dash::Dashed.dasharray(2.0).as_deref(), Some("8 5"));
        assert_eq!(Dash::Dashed.dasharray(0.5).as_deref(), Some("4 2.5"));
        assert_eq!(Dash::Dotted.dasharray(2.0).as_deref(), Some("2 3.2"));
        assert_eq!(Dash::DashDot.dasharray(2.0).as_deref(), Some("10 4 2 4"));
    }

    /// A marker standing alone is larger than one on a line, and a lone diamond (the plan's
    /// target) the largest; polygons point the way their names say (y grows downwards).
    #[test]
    fn markers_are_sized_by_what_they_mark_and_point_the_right_way() {
        let alone = |m| Style { colour: Colour::Blue, line: None, marker: Some(m), width: 2.0, muted: false };
        let target = alone(Marker::Diamond).marker_radius();
        let square = alone(Marker::Square).marker_radius();
        let on_line = Style { line: Some(Dash::Solid), ..alone(Marker::Diamond) }.marker_radius();
        assert!(target > square && square > on_line && on_line > 0.0, "{target} {square} {on_line}");
        assert_eq!(Marker::Circle.polygon(), None);
        assert_eq!(Marker::Cross.polygon(), None);
        let corners = |m: Marker| m.polygon().map(<[(f32, f32)]>::len);
        assert_eq!(
            [Marker::Square, Marker::Diamond, Marker::TriangleUp, Marker::TriangleDown].map(corners),
            [Some(4), Some(4), Some(3), Some(3)]
        );
        let apex = |m: Marker| m.polygon().and_then(|p| p.first()).map(|p| p.1).unwrap_or(0.0);
        assert!(apex(Marker::TriangleUp) < 0.0 && apex(Marker::TriangleDown) > 0.0);
        // Every polygon is its own mirror image left to right (each corner's mirror is a
        // corner); the square and the diamond also top to bottom; no two corners coincide.
        for m in [Marker::Square, Marker::Diamond, Marker::TriangleUp, Marker::TriangleDown] {
            let p = m.polygon().unwrap_or_default();
            let has = |x: f32, y: f32| p.iter().any(|c| (c.0 - x).abs() < 1e-6 && (c.1 - y).abs() < 1e-6);
            assert!(p.iter().all(|c| has(-c.0, c.1)), "{m:?} is lopsided");
            if p.len() == 4 {
                assert!(p.iter().all(|c| has(c.0, -c.1)), "{m:?} is lopsided");
            }
            for (i, c) in p.iter().enumerate() {
                assert!(!p[..i].contains(c), "{m:?} repeats a corner");
            }
        }
    }

    /// Each role's first look: the plan's values in ink and grey, the target a vermilion
    /// diamond and further targets squares, actual values solid with circles, projections
    /// dashed with triangles, other targets unjoined squares; the n-th of a role takes the
    /// palette's next colour.
    #[test]
    fn each_role_starts_from_its_own_look() {
        let look = |role, n| base_style(role, n).look();
        assert_eq!(look(Role::Baseline, 0), (Colour::Ink, None, Some(Marker::Circle)));
        assert_eq!(look(Role::Target, 0), (Colour::Vermilion, None, Some(Marker::Diamond)));
        assert_eq!(look(Role::Target, 1), (Colour::Vermilion, None, Some(Marker::Square)));
        assert_eq!(look(Role::LinearPath, 0), (Colour::Grey, Some(Dash::Dashed), None));
        assert_eq!(look(Role::GrowthPath, 0), (Colour::Grey, Some(Dash::Dotted), None));
        assert_eq!(look(Role::Actual, 0), (Colour::Blue, Some(Dash::Solid), Some(Marker::Circle)));
        assert_eq!(look(Role::Actual, 1).0, Colour::BluishGreen);
        assert_eq!(look(Role::Actual, 5).0, Colour::Blue, "the palette wraps round");
        assert_eq!(look(Role::Projection, 0), (Colour::BluishGreen, Some(Dash::Dashed), Some(Marker::TriangleUp)));
        assert_eq!(look(Role::AltTarget, 0), (Colour::ReddishPurple, None, Some(Marker::Square)));
        assert!(base_style(Role::Actual, 0).width > base_style(Role::LinearPath, 0).width, "data over guides");
    }

    /// When a colour's markers run out, the next series takes the next colour: eight lone
    /// targets (one colour, no line, six markers) still look different.
    #[test]
    fn when_the_markers_run_out_the_colour_changes() {
        let mut styles = vec![base_style(Role::Target, 1); 8];
        distinct(&mut styles);
        let looks: Vec<_> = styles.iter().map(Style::look).collect();
        for (i, look) in looks.iter().enumerate() {
            assert!(!looks[..i].contains(look), "{look:?} twice");
        }
        assert!(styles.iter().all(|s| s.line.is_none()), "an unjoined series stays unjoined");
        assert_eq!(styles[6].colour, Colour::SERIES[0], "the seventh takes the palette's first colour");
    }

    /// When two looks clash, the later changes its marker first, keeping colour and dash;
    /// an unjoined series never gains a line.
    #[test]
    fn a_clash_is_resolved_by_the_marker_first() {
        let mut styles = vec![base_style(Role::Target, 0), base_style(Role::Target, 0)];
        distinct(&mut styles);
        assert_eq!(styles[1].colour, styles[0].colour);
        assert_eq!(styles[1].line, None);
        assert_ne!(styles[1].marker, styles[0].marker);
        let mut lined = vec![base_style(Role::Actual, 0), base_style(Role::Actual, 0)];
        distinct(&mut lined);
        assert_eq!((lined[1].colour, lined[1].line), (lined[0].colour, lined[0].line));
        assert_ne!(lined[1].marker, lined[0].marker);
        let mut unchanged = vec![base_style(Role::Actual, 0), base_style(Role::Projection, 0)];
        let before = unchanged.clone();
        distinct(&mut unchanged);
        assert_eq!(unchanged, before, "looks that differ are left alone");
    }
}
