//! Where a map's labels go, in one function for every drawing of it (the window, slides, SVG
//! and PNG): each renderer says how large a label's text is in its own fonts, and gets the same
//! placement back — 盟市 labels on their 盟市, pins' names beside their pins where there is
//! room, none covering another, a pin, or the corners' boxes.

use super::spec::MapSpec;
use crate::model::drawing::Rect;

/// A pin's name is set in this share of the labels' type size.
pub const PIN_LABEL_SIZE: f64 = 0.8;

/// A pin's radius beside labels of `font` size (the same proportion in every drawing): its area
/// grows with the paragraphs naming it.
pub fn pin_radius(paragraphs: usize, font: f64) -> f64 {
    font / 12.0 * (3.0 + 2.5 * (paragraphs as f64).sqrt())
}

/// A pin as drawn: its centre and radius in the drawing's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disc {
    pub centre: [f64; 2],
    pub r: f64,
}

impl Disc {
    pub fn bounds(&self) -> Rect {
        Rect { x: self.centre[0] - self.r, y: self.centre[1] - self.r, w: 2.0 * self.r, h: 2.0 * self.r }
    }
}

/// Where a map's pins and labels go in one drawing of it.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// One per pin of the spec, in its order.
    pub pins: Vec<Disc>,
    /// One per label of the spec, in its order (`None`: a pin's name with no room).
    pub labels: Vec<Option<Placed>>,
    /// Each label's anchor in the drawing's units (where a leader line starts).
    pub anchors: Vec<[f64; 2]>,
}

/// Lays out `spec`'s pins and labels for one drawing: `to_screen` takes projected km to the
/// drawing's units (y down), `measure(k, size)` says how large label `k`'s lines are in type of
/// `size`, `font` is the 盟市 labels' type size, `corners` are boxes already taken (the
/// halves' figures), and nothing leaves `bounds`.
pub fn layout(
    spec: &MapSpec,
    to_screen: &dyn Fn([f64; 2]) -> [f64; 2],
    measure: &dyn Fn(usize, f64) -> [f64; 2],
    font: f64,
    corners: &[Rect],
    bounds: Rect,
) -> MapLayout {
    let pins: Vec<Disc> =
        spec.pins.iter().map(|p| Disc { centre: to_screen(p.at), r: pin_radius(p.nodes.len(), font) }).collect();
    let obstacles: Vec<Rect> = pins.iter().map(Disc::bounds).chain(corners.iter().copied()).collect();
    let mut anchors = Vec::with_capacity(spec.labels.len());
    let wanted: Vec<([f64; 2], [f64; 2], bool)> = spec
        .labels
        .iter()
        .enumerate()
        .map(|(k, label)| {
            let at = to_screen(label.anchor);
            anchors.push(at);
            match label.pin.and_then(|p| pins.get(p)) {
                None => (at, measure(k, font), false),
                // Beside the pin, not on it.
                Some(disc) => {
                    let size = measure(k, font * PIN_LABEL_SIZE);
                    ([at[0] + disc.r + size[0] / 2.0 + font * 0.2, at[1]], size, true)
                }
            }
        })
        .collect();
    // Back from the drawing's units to projected km: `to_screen` only scales and moves.
    let origin = to_screen([0.0, 0.0]);
    let (unit_x, unit_y) = (to_screen([1.0, 0.0])[0] - origin[0], to_screen([0.0, 1.0])[1] - origin[1]);
    let to_km = |[x, y]: [f64; 2]| [(x - origin[0]) / unit_x, (y - origin[1]) / unit_y];
    let own: Vec<Option<usize>> = spec
        .labels
        .iter()
        .map(|l| l.league.as_ref().and_then(|name| spec.geometry.leagues.iter().position(|g| &g.full_name == name)))
        .collect();
    // A 盟市's label sits in its 盟市: its middle and the middles of its edges inside it.
    let within = |k: usize, r: &Rect| {
        let Some(league) = own.get(k).copied().flatten().and_then(|i| spec.geometry.leagues.get(i)) else {
            return true;
        };
        let (cx, cy) = (r.x + r.w / 2.0, r.y + r.h / 2.0);
        [[cx, cy], [r.x, cy], [r.right(), cy], [cx, r.y], [cx, r.bottom()]].into_iter().all(|p| {
            let [x, y] = to_km(p);
            geo::Contains::contains(&league.area, &geo::Point::new(x, y))
        })
    };
    MapLayout { pins, labels: place_labels(&wanted, &obstacles, bounds, &within), anchors }
}

/// Where a label goes: its box, and whether it moved far enough from its point to need a
/// leader line back to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub leader: bool,
}

/// Places labels of `sizes` near their `anchors` (screen units, y down), in the order given,
/// so that none covers another, an `obstacle`, or leaves `bounds`: first centred on the point,
/// then around it at growing distance in eight directions, at the first spot where it sits
/// `within` its own place (label `k` at a spot). A label that fits nowhere within its place (a
/// narrow 盟市) goes to the first free spot off its point, with a leader line back to it, rather
/// than on a neighbour without one. A label that finds no free spot is `None` when `optional`,
/// else goes on its point.
pub fn place_labels(
    labels: &[([f64; 2], [f64; 2], bool)],
    obstacles: &[Rect],
    bounds: Rect,
    within: &dyn Fn(usize, &Rect) -> bool,
) -> Vec<Option<Placed>> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    let mut out = Vec::with_capacity(labels.len());
    for (k, &(at, [w, h], optional)) in labels.iter().enumerate() {
        let centred = |dx: f64, dy: f64| Rect { x: at[0] + dx - w / 2.0, y: at[1] + dy - h / 2.0, w, h };
        let inside = |r: &Rect| {
            r.x >= bounds.x && r.y >= bounds.y && r.right() <= bounds.right() && r.bottom() <= bounds.bottom()
        };
        let mut tries = vec![(centred(0.0, 0.0), false)];
        for step in [0.6, 1.0, 1.5, 2.2, 3.0] {
            let (dx, dy) = (w * step * 0.75, h * step);
            for (sx, sy) in
                [(0.0, 1.0), (0.0, -1.0), (1.0, 0.0), (-1.0, 0.0), (1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)]
            {
                tries.push((centred(sx * dx, sy * dy), step > 1.0));
            }
        }
        let free = |r: &Rect| inside(r) && !taken.iter().any(|o| o.intersects(r));
        let on_point = |r: &Rect| r.x <= at[0] && at[0] <= r.right() && r.y <= at[1] && at[1] <= r.bottom();
        let at_home = tries.iter().find(|(r, _)| free(r) && within(k, r));
        let beside = || tries.iter().find(|(r, _)| free(r) && !on_point(r));
        let placed = match (at_home, beside()) {
            (Some(&(rect, leader)), _) => Some(Placed { rect, leader }),
            (None, Some(&(rect, _))) => Some(Placed { rect, leader: true }),
            (None, None) if optional => None,
            (None, None) => Some(Placed { rect: centred(0.0, 0.0), leader: false }),
        };
        if let Some(p) = placed {
            taken.push(p.rect);
        }
        out.push(placed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_out_of_each_other_and_of_obstacles_and_stay_inside() {
        let bounds = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };
        // Five labels on one point, a pin beside it, one label near the edge.
        let mut labels = vec![([200.0, 150.0], [60.0, 30.0], false); 5];
        labels.push(([395.0, 5.0], [60.0, 30.0], false));
        let pin = Rect { x: 235.0, y: 140.0, w: 20.0, h: 20.0 };
        let anywhere = |_: usize, _: &Rect| true;
        let placed = place_labels(&labels, &[pin], bounds, &anywhere);
        let rects: Vec<Rect> = placed.iter().map(|p| p.expect("placed").rect).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(!a.intersects(&pin), "label {i} covers the pin");
            assert!(a.x >= 0.0 && a.y >= 0.0 && a.right() <= 400.0 && a.bottom() <= 300.0, "label {i} leaves the map");
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} covers {b:?}");
            }
        }
        assert_eq!(rects[0], Rect { x: 170.0, y: 135.0, w: 60.0, h: 30.0 }, "the first label sits on its point");
        assert!(placed[4].is_some_and(|p| p.leader), "a label pushed far away gets a leader line");
        // An optional label with no room is left out; a required one goes on its point.
        let full = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };
        let crowded = place_labels(
            &[([200.0, 150.0], [60.0, 30.0], true), ([100.0, 100.0], [60.0, 30.0], false)],
            &[full],
            bounds,
            &anywhere,
        );
        assert_eq!(crowded[0], None);
        assert_eq!(crowded[1].map(|p| p.rect.x), Some(70.0));
    }

    #[test]
    fn a_label_too_wide_for_its_place_goes_beside_it_with_a_leader() {
        let bounds = Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };
        // Its place is a strip 20 wide (x 190–210), the label 60 wide.
        let strip = |_: usize, r: &Rect| r.x >= 190.0 && r.right() <= 210.0;
        let placed = place_labels(&[([200.0, 150.0], [60.0, 30.0], false)], &[], bounds, &strip);
        let p = placed[0].expect("placed");
        let on_point = p.rect.x <= 200.0 && 200.0 <= p.rect.right() && p.rect.y <= 150.0 && 150.0 <= p.rect.bottom();
        assert!(!on_point && p.leader, "{p:?}");
        // One that fits its place stays on its point.
        let wide = |_: usize, r: &Rect| r.x >= 100.0 && r.right() <= 300.0;
        let placed = place_labels(&[([200.0, 150.0], [60.0, 30.0], false)], &[], bounds, &wide);
        assert_eq!(placed[0], Some(Placed { rect: Rect { x: 170.0, y: 135.0, w: 60.0, h: 30.0 }, leader: false }));
    }
}
