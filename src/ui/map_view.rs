//! The map of the 12 盟市: a choropleth of one per-盟市 quantity (classes of round steps, a
//! colour-blind-safe sequential palette, gaps hatched and named, projections marked), east
//! and west as blue and orange outlines, labels that keep out of each other's way, hover for
//! the value and its source, click to narrow the tree to a 盟市.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2};

use super::Command;
use super::widgets::palette::{region_color, rgb};
use crate::i18n::{Lang, Msg, pick, tr};
use crate::model::Region;
use crate::model::chart::svg::Rect as BoxF;
use crate::model::colours::{HATCH_RGB, PIN_RGB};
use crate::model::deck::SlideContent;
use crate::model::format::{number, with_unit};
use crate::model::map::{Classes, LeagueShape, LeagueValue, MISSING_RGB, MapGeometry, Pin, pin_radius, place_labels};

const MISSING_FILL: Color32 = rgb(MISSING_RGB);
const HATCH: Color32 = rgb(HATCH_RGB);
const PIN: Color32 = rgb(PIN_RGB);

/// One 盟市's value on the map (the model's, drawn as is).
pub type MapValue = LeagueValue;

pub struct MapProps<'a> {
    pub map: &'a MapGeometry,
    pub values: &'a [MapValue],
    /// 东部 and 西部 as a scenario states them (when their 盟市 do not add up to a figure):
    /// written in the map's corner on their side, east top right, west bottom left.
    pub halves: &'a [(Region, String)],
    pub unit: &'a str,
    /// The year of the values, when they have one.
    pub year: Option<u16>,
    /// The plan's places that are a 旗县区, sized by the paragraphs naming them.
    pub pins: &'a [Pin],
    /// A pin's hover text: the place, its 旗县区 and the paragraphs naming it.
    pub pin_text: &'a dyn Fn(&Pin) -> String,
    /// The 盟市 the tree is narrowed to.
    pub selected: Option<&'a str>,
    pub lang: Lang,
}

/// What a click on the map chose.
#[derive(Clone, Debug, PartialEq)]
pub enum MapClick {
    City(String),
    /// A pin: the place and the paragraphs naming it.
    Place(String, Vec<usize>),
}

/// Draws the map and its legend in the space given; returns what was clicked.
pub fn map_ui(ui: &mut Ui, props: &MapProps<'_>) -> Option<MapClick> {
    let lang = props.lang;
    let classes = Classes::of(props.values);
    let legend_height = 26.0;
    let size = Vec2::new(ui.available_width(), (ui.available_height() - legend_height - 8.0).max(200.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click());
    let rect = response.rect;
    let fit = Fit::new(props.map, rect, 16.0);
    let to_screen = |p: [f64; 2]| fit.to_screen(p);
    let value_of = |full_name: &str| props.values.iter().find(|v| v.full_name == full_name);
    // Each pin is a button of its own (on top of the map, so it wins the pointer over the
    // 盟市 around it), named for screen readers and tests.
    let pin_responses: Vec<egui::Response> = props
        .pins
        .iter()
        .enumerate()
        .map(|(k, pin)| {
            let r = pin_radius(pin.nodes.len(), 1.0) as f32 + 2.0;
            let hit = Rect::from_center_size(to_screen(pin.at), Vec2::splat(2.0 * r));
            let response = ui.interact(hit, ui.scope_id().with(("pin", k)), Sense::click());
            let name = format!("{}（{}）", pin.place, pin.county);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            response
        })
        .collect();
    let hovered_pin = pin_responses.iter().position(egui::Response::hovered);
    let hovered =
        response.hover_pos().filter(|_| hovered_pin.is_none()).and_then(|p| props.map.league_at(fit.to_map(p)));
    // Areas: one mesh for every filled 盟市, then hatching over the gaps.
    let mut mesh = Mesh::default();
    let mut hatches = Vec::new();
    for league in &props.map.leagues {
        let value = value_of(&league.full_name);
        let fill = match value.and_then(|v| v.value) {
            Some(x) => {
                let c = rgb(classes.rgb(classes.class_of(x)));
                if value.is_some_and(|v| v.projected) { c.gamma_multiply(0.55) } else { c }
            }
            None => MISSING_FILL,
        };
        fill_league(&mut mesh, league, &fit, fill);
        if value.and_then(|v| v.value).is_none() {
            for t in &league.triangles {
                hatch_triangle(t.map(&to_screen), &mut hatches);
            }
        }
    }
    painter.add(Shape::mesh(mesh));
    for (a, b) in hatches {
        painter.line_segment([a, b], Stroke::new(1.0, HATCH));
    }
    // Outlines: east blue, west orange; the hovered and the selected 盟市 drawn strong.
    let text_color = ui.visuals().strong_text_color();
    for (i, league) in props.map.leagues.iter().enumerate() {
        let value = value_of(&league.full_name);
        let region = value.map(|v| v.region);
        let selected = value.is_some_and(|v| props.selected == Some(v.city.as_str()));
        let stroke = match (selected, hovered == Some(i)) {
            (true, _) => Stroke::new(3.5, text_color),
            (false, true) => Stroke::new(2.5, text_color),
            _ => Stroke::new(1.6, region.map_or(Color32::GRAY, region_color)),
        };
        for ring in &league.rings {
            let points: Vec<Pos2> = ring.iter().map(|p| to_screen(*p)).collect();
            painter.add(Shape::closed_line(points, stroke));
        }
    }
    // Pins: dark discs ringed in white, readable on every class colour and in both themes.
    let pin_boxes: Vec<BoxF> = props
        .pins
        .iter()
        .enumerate()
        .map(|(k, pin)| {
            let (c, r) = (to_screen(pin.at), pin_radius(pin.nodes.len(), 1.0) as f32);
            let ring = if hovered_pin == Some(k) { 2.5 } else { 1.5 };
            painter.circle(c, r, PIN, Stroke::new(ring, Color32::WHITE));
            BoxF { x: f64::from(c.x - r), y: f64::from(c.y - r), w: f64::from(2.0 * r), h: f64::from(2.0 * r) }
        })
        .collect();
    // Labels: large 盟市 first, then the pins' names where there is room; none covers
    // another, a pin, or the halves' boxes in the corners. A label pushed far from its point
    // gets a leader line.
    let mut labels = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    // Body type of the surrounding UI: larger on a presented slide.
    let body = ui.style().text_styles.get(&egui::TextStyle::Body).map_or(14.0, |f| f.size);
    let font = FontId::proportional(body * 0.93);
    let mut order: Vec<usize> = (0..props.map.leagues.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(props.map.leagues[i].triangles.len()));
    let mut galleys = Vec::new();
    let mut wanted: Vec<([f64; 2], [f64; 2], bool)> = Vec::new();
    for i in order {
        let league = &props.map.leagues[i];
        let Some(v) = value_of(&league.full_name) else { continue };
        let number = match v.value {
            Some(x) if v.projected => format!("{}（{}）", number(x), tr(lang, Msg::KindProjection)),
            Some(x) => number(x),
            None => tr(lang, Msg::NotPublished).to_string(),
        };
        let text = format!("{}\n{number}", pick(lang, &v.city, &v.city_en));
        let galley = painter.layout(text, font.clone(), text_color, f32::INFINITY);
        let (at, size) = (to_screen(league.label), galley.size() + Vec2::splat(2.0));
        wanted.push(([f64::from(at.x), f64::from(at.y)], [f64::from(size.x), f64::from(size.y)], false));
        galleys.push((galley, at));
    }
    for pin in props.pins {
        let galley = painter.layout_no_wrap(pin.place.clone(), FontId::proportional(body * 0.8), text_color);
        let (at, size) = (to_screen(pin.at), galley.size() + Vec2::splat(2.0));
        let r = pin_radius(pin.nodes.len(), 1.0) as f32;
        // Beside the pin, not on it.
        let beside = at + Vec2::new(r + size.x / 2.0 + 2.0, 0.0);
        wanted.push(([f64::from(beside.x), f64::from(beside.y)], [f64::from(size.x), f64::from(size.y)], true));
        galleys.push((galley, at));
    }
    let halves: Vec<_> = props
        .halves
        .iter()
        .map(|(region, text)| {
            let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(body), region_color(*region));
            let b = half_box(rect, *region, galley.size() + Vec2::splat(8.0));
            (*region, galley, b)
        })
        .collect();
    let corners: Vec<BoxF> = halves.iter().map(|h| h.2).collect();
    let obstacles: Vec<BoxF> = pin_boxes.iter().chain(&corners).copied().collect();
    let bounds = BoxF {
        x: f64::from(rect.left()),
        y: f64::from(rect.top()),
        w: f64::from(rect.width()),
        h: f64::from(rect.height()),
    };
    let halo = if ui.visuals().dark_mode { Color32::from_black_alpha(150) } else { Color32::from_white_alpha(190) };
    for ((galley, at), placed) in galleys.into_iter().zip(place_labels(&wanted, &obstacles, bounds)) {
        let Some(placed) = placed else { continue };
        let r = placed.rect;
        let spot = Rect::from_min_size(Pos2::new(r.x as f32, r.y as f32), Vec2::new(r.w as f32, r.h as f32));
        if placed.leader {
            painter.line_segment([at, spot.clamp(at)], Stroke::new(1.0, text_color));
        }
        painter.rect_filled(spot, 3.0, halo);
        // A label widget (it senses nothing, so hover and clicks reach the map below), so
        // screen readers and tests find each 盟市 by its name and value.
        labels.put(spot, egui::Label::new(galley).selectable(false));
    }
    for (region, galley, b) in halves {
        let spot = Rect::from_min_size(Pos2::new(b.x as f32, b.y as f32), Vec2::new(b.w as f32, b.h as f32));
        painter.rect_filled(spot, 3.0, ui.visuals().extreme_bg_color);
        painter.rect_stroke(spot, 3.0, Stroke::new(1.5, region_color(region)), egui::StrokeKind::Inside);
        labels.put(spot.shrink(4.0), egui::Label::new(galley).selectable(false));
    }
    for (pin, pin_response) in props.pins.iter().zip(pin_responses) {
        let pin_response = pin_response.on_hover_cursor(egui::CursorIcon::PointingHand);
        let clicked = pin_response.clicked();
        pin_response.on_hover_text((props.pin_text)(pin));
        if clicked {
            legend(ui, &classes, props);
            return Some(MapClick::Place(pin.place.clone(), pin.nodes.clone()));
        }
    }
    let clicked = response.clicked().then_some(hovered).flatten();
    if let Some(i) = hovered
        && let Some(v) = value_of(&props.map.leagues[i].full_name)
    {
        let value = with_unit(v.value, props.unit, tr(lang, Msg::NotPublished));
        let year = props.year.map(|y| format!("（{y}）")).unwrap_or_default();
        let kind = if v.projected { format!(" · {}", tr(lang, Msg::KindProjection)) } else { String::new() };
        response.clone().on_hover_text(format!(
            "{} · {}\n{value}{year}{kind}\n{}",
            v.city,
            v.region.name(lang),
            v.note
        ));
    }
    legend(ui, &classes, props);
    clicked.and_then(|i| value_of(&props.map.leagues[i].full_name)).map(|v| MapClick::City(v.city.clone()))
}

/// The box of `size` a half's stated figure takes in the map's corner (east top right, west
/// bottom left).
fn half_box(rect: Rect, region: Region, size: Vec2) -> BoxF {
    let min = match region {
        Region::East => rect.right_top() + Vec2::new(-size.x, 0.0),
        Region::West => rect.left_bottom() - Vec2::new(0.0, size.y),
    };
    BoxF { x: f64::from(min.x), y: f64::from(min.y), w: f64::from(size.x), h: f64::from(size.y) }
}

/// The map's projected kilometres fitted into a screen rect: proportions kept, centred,
/// `margin` pixels left free across each axis, north up.
struct Fit {
    lo: [f64; 2],
    rect: Rect,
    scale: f64,
    offset: Vec2,
}

impl Fit {
    fn new(map: &MapGeometry, rect: Rect, margin: f32) -> Fit {
        let (lo, hi) = map.bounds;
        let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
        let scale = (f64::from(rect.width() - margin) / w).min(f64::from(rect.height() - margin) / h);
        let offset = Vec2::new((rect.width() - (w * scale) as f32) / 2.0, (rect.height() - (h * scale) as f32) / 2.0);
        Fit { lo, rect, scale, offset }
    }

    fn to_screen(&self, p: [f64; 2]) -> Pos2 {
        Pos2::new(
            self.rect.left() + self.offset.x + ((p[0] - self.lo[0]) * self.scale) as f32,
            self.rect.bottom() - self.offset.y - ((p[1] - self.lo[1]) * self.scale) as f32,
        )
    }

    fn to_map(&self, p: Pos2) -> [f64; 2] {
        [
            self.lo[0] + f64::from(p.x - self.rect.left() - self.offset.x) / self.scale,
            self.lo[1] + f64::from(self.rect.bottom() - self.offset.y - p.y) / self.scale,
        ]
    }
}

/// Adds a 盟市's triangles to `mesh`, filled with `color`.
fn fill_league(mesh: &mut Mesh, league: &LeagueShape, fit: &Fit, color: Color32) {
    for t in &league.triangles {
        let base = mesh.vertices.len() as u32;
        for p in t {
            mesh.vertices.push(Vertex { pos: fit.to_screen(*p), uv: WHITE_UV, color });
        }
        mesh.indices.extend([base, base + 1, base + 2]);
    }
}

/// A small map with east and west tinted in their colours (blue, orange): the start page's
/// east/west picture. Returns its response, so a click can lead on.
pub fn region_map_ui(
    ui: &mut Ui,
    map: &MapGeometry,
    region_of: &dyn Fn(&str) -> Option<Region>,
    size: Vec2,
) -> egui::Response {
    let (response, painter) = ui.allocate_painter(size, Sense::click());
    let fit = Fit::new(map, response.rect, 0.0);
    let to_screen = |p: [f64; 2]| fit.to_screen(p);
    let mut mesh = Mesh::default();
    for league in &map.leagues {
        let color = region_of(&league.full_name).map_or(Color32::GRAY, region_color);
        fill_league(&mut mesh, league, &fit, color.gamma_multiply(0.45));
    }
    painter.add(Shape::mesh(mesh));
    for league in &map.leagues {
        let color = region_of(&league.full_name).map_or(Color32::GRAY, region_color);
        for ring in &league.rings {
            painter.add(Shape::closed_line(ring.iter().map(|p| to_screen(*p)).collect(), Stroke::new(1.0, color)));
        }
    }
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// What the map page may colour by: the plan's own counts, then each statistic with years.
pub struct MapPageProps<'a> {
    /// Names of the quantities, in order; `series[k]` is quantity `k` as a deck names it
    /// (`tasks`, `gdp`); `years[k]` are its years (empty: it has none).
    pub quantities: &'a [String],
    pub series: &'a [String],
    pub years: &'a [Vec<u16>],
    /// The source line under the map (the grouping's source, the values' sources).
    pub source: &'a str,
    pub map: MapProps<'a>,
}

/// The map page's choices, kept while the app runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapViewState {
    pub quantity: usize,
    pub year: Option<u16>,
}

/// The map page: quantity and year, the map, its source; a click narrows the tree.
pub fn map_page_ui(ui: &mut Ui, props: &MapPageProps<'_>, state: &mut MapViewState) -> Vec<Command> {
    let lang = props.map.lang;
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let current = props.quantities.get(state.quantity).cloned().unwrap_or_default();
        egui::ComboBox::from_label(tr(lang, Msg::MapQuantity)).selected_text(current).width(320.0).show_ui(ui, |ui| {
            for (k, q) in props.quantities.iter().enumerate() {
                if ui.selectable_label(state.quantity == k, q).clicked() {
                    state.quantity = k;
                    state.year = None;
                }
            }
        });
        let years = props.years.get(state.quantity).map(Vec::as_slice).unwrap_or_default();
        if !years.is_empty() {
            ui.separator();
            ui.label(tr(lang, Msg::Year));
            for y in years {
                if ui.selectable_label(props.map.year == Some(*y), y.to_string()).clicked() {
                    state.year = Some(*y);
                }
            }
        }
        ui.label(RichText::new(tr(lang, Msg::FilterTree)).weak().small());
        if let Some(series) = props.series.get(state.quantity)
            && ui.button(tr(lang, Msg::AddToDeck)).clicked()
        {
            let content = SlideContent::Map { series: series.clone(), year: props.map.year };
            commands.push(Command::AddSlideToDeck(content));
        }
    });
    ui.label(RichText::new(props.source).weak().small());
    match map_ui(ui, &props.map) {
        Some(MapClick::City(city)) => commands.push(Command::FilterCity(city)),
        Some(MapClick::Place(label, nodes)) => commands.push(Command::FilterTree { label, nodes }),
        None => {}
    }
    commands
}

/// Class swatches with their ranges, the hatched swatch for gaps, and the outline colours.
fn legend(ui: &mut Ui, classes: &Classes, props: &MapProps<'_>) {
    let lang = props.lang;
    ui.horizontal_wrapped(|ui| {
        let swatch = |ui: &mut Ui, fill: Color32, hatched: bool| {
            let (r, _) = ui.allocate_exact_size(Vec2::new(22.0, 14.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, fill);
            if hatched {
                let mut lines = Vec::new();
                hatch_triangle([r.left_top(), r.right_top(), r.left_bottom()], &mut lines);
                hatch_triangle([r.right_top(), r.right_bottom(), r.left_bottom()], &mut lines);
                for (a, b) in lines {
                    ui.painter().line_segment([a, b], Stroke::new(1.0, HATCH));
                }
            }
        };
        for k in 0..classes.count() {
            swatch(ui, rgb(classes.rgb(k)), false);
            let (a, b) = classes.range(k);
            ui.label(format!("{}–{}", number(a), number(b)));
        }
        swatch(ui, MISSING_FILL, true);
        ui.label(tr(lang, Msg::NotPublished));
        ui.separator();
        for region in [Region::East, Region::West] {
            let (r, _) = ui.allocate_exact_size(Vec2::new(22.0, 14.0), Sense::hover());
            ui.painter().rect_stroke(r, 2.0, Stroke::new(2.0, region_color(region)), egui::StrokeKind::Inside);
            ui.label(RichText::new(region.name(lang)).color(region_color(region)).strong());
        }
        if !props.unit.is_empty() {
            ui.separator();
            ui.label(RichText::new(format!("{}：{}", tr(lang, Msg::Unit), props.unit)).weak());
        }
    });
}

/// Diagonal hatch lines (6 px apart) clipped to a screen triangle.
fn hatch_triangle(t: [Pos2; 3], out: &mut Vec<(Pos2, Pos2)>) {
    const GAP: f32 = 6.0;
    // Lines x − y = c; each meets the triangle's edges in at most two points.
    let c_of = |p: Pos2| p.x - p.y;
    let (lo, hi) = t.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(c_of(*p)), hi.max(c_of(*p))));
    let mut c = (lo / GAP).ceil() * GAP;
    while c <= hi {
        let mut hits: Vec<Pos2> = Vec::with_capacity(2);
        for k in 0..3 {
            let (a, b) = (t[k], t[(k + 1) % 3]);
            let (fa, fb) = (c_of(a) - c, c_of(b) - c);
            if (fa <= 0.0 && fb >= 0.0 || fa >= 0.0 && fb <= 0.0) && fa != fb {
                let s = fa / (fa - fb);
                hits.push(a + (b - a) * s);
            }
        }
        if let [a, b, ..] = hits.as_slice() {
            out.push((*a, *b));
        }
        c += GAP;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_stays_inside_its_triangle() {
        let t = [Pos2::new(0.0, 0.0), Pos2::new(60.0, 0.0), Pos2::new(0.0, 60.0)];
        let mut lines = Vec::new();
        hatch_triangle(t, &mut lines);
        assert!(lines.len() >= 15, "{}", lines.len());
        for (a, b) in lines {
            for p in [a, b] {
                assert!(p.x >= -0.01 && p.y >= -0.01 && p.x + p.y <= 60.01, "{p:?}");
            }
        }
    }
}
