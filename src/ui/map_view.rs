//! The map of the 12 盟市: a choropleth of one per-盟市 quantity (classes of round steps, a
//! colour-blind-safe sequential palette, gaps hatched and named, projections marked), east
//! and west as blue and orange outlines, labels that keep out of each other's way, hover for
//! the value and its source, click to narrow the tree to a 盟市.

use crate::ui::command::{DeckCommand, PageCommand, TreeCommand};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2};

use std::sync::Arc;

use super::Command;
use super::widgets::palette::{region_color, rgb};
use crate::i18n::{Msg, pick, tr};
use crate::model::Region;
use crate::model::colours::{HATCH_RGB, PIN_RGB};
use crate::model::deck::SlideContent;
use crate::model::drawing::Rect as BoxF;
use crate::model::format::with_unit;
use crate::model::map::labels::{MapLayout, PIN_LABEL_SIZE, layout};
use crate::model::map::spec::MapSpec;
use crate::model::map::{LeagueShape, MISSING_RGB, MapGeometry, Pin};
use crate::session::map::MapQuantity;

const MISSING_FILL: Color32 = rgb(MISSING_RGB);
const HATCH: Color32 = rgb(HATCH_RGB);
const PIN: Color32 = rgb(PIN_RGB);

pub struct MapProps<'a> {
    /// What the map shows: the same spec as every export of it.
    pub spec: &'a MapSpec,
    /// A pin's hover text: the place, its 旗县区 and the paragraphs naming it.
    pub pin_text: &'a dyn Fn(&Pin) -> String,
    /// The 盟市 the tree is narrowed to.
    pub selected: Option<&'a str>,
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
    let spec = props.spec;
    let map = spec.geometry.as_ref();
    let legend_height = 26.0;
    let size = Vec2::new(ui.available_width(), (ui.available_height() - legend_height - 8.0).max(200.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click());
    let rect = response.rect;
    let fit = Fit::new(map, rect, 16.0);
    let to_screen = |p: [f64; 2]| fit.to_screen(p);
    let text_color = ui.visuals().strong_text_color();
    // Body type of the surrounding UI: larger on a presented slide.
    let body = ui.style().text_styles.get(&egui::TextStyle::Body).map_or(14.0, |f| f.size);
    let font = f64::from(body * 0.93);
    // Each label laid out once, in the type the layout asks for, and measured from its galley.
    let galleys: Vec<[Arc<egui::Galley>; 2]> = spec
        .labels
        .iter()
        .map(|label| {
            let text = label.lines.join("\n");
            [font, font * PIN_LABEL_SIZE]
                .map(|size| painter.layout(text.clone(), FontId::proportional(size as f32), text_color, f32::INFINITY))
        })
        .collect();
    let measure = |k: usize, size: f64| {
        let galley = galleys.get(k).map(|g| if size < font { &g[1] } else { &g[0] });
        galley.map_or([0.0, 0.0], |g| [f64::from(g.size().x) + 2.0, f64::from(g.size().y) + 2.0])
    };
    let halves: Vec<_> = spec
        .halves
        .iter()
        .map(|(region, text)| {
            let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(body), region_color(*region));
            let b = half_box(rect, *region, galley.size() + Vec2::splat(8.0));
            (*region, galley, b)
        })
        .collect();
    let corners: Vec<BoxF> = halves.iter().map(|h| h.2).collect();
    let bounds = BoxF {
        x: f64::from(rect.left()),
        y: f64::from(rect.top()),
        w: f64::from(rect.width()),
        h: f64::from(rect.height()),
    };
    let screen = |p: [f64; 2]| {
        let q = to_screen(p);
        [f64::from(q.x), f64::from(q.y)]
    };
    let placed = layout(spec, &screen, &measure, font, &corners, bounds);
    // Each pin is a button of its own (on top of the map, so it wins the pointer over the
    // 盟市 around it), named for screen readers and tests.
    let pin_responses: Vec<egui::Response> = spec
        .pins
        .iter()
        .zip(&placed.pins)
        .enumerate()
        .map(|(k, (pin, disc))| {
            let hit = Rect::from_center_size(pos(disc.centre), Vec2::splat(2.0 * disc.r as f32 + 4.0));
            let response = ui.interact(hit, ui.scope_id().with(("pin", k)), Sense::click());
            let name = format!("{}{}", pin.name(spec.lang), crate::i18n::paren(spec.lang, &pin.county));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            response
        })
        .collect();
    let hovered_pin = pin_responses.iter().position(egui::Response::hovered);
    let hovered = response.hover_pos().filter(|_| hovered_pin.is_none()).and_then(|p| map.league_at(fit.to_map(p)));
    areas(&painter, spec, &fit);
    outlines(&painter, spec, &fit, hovered, props.selected, text_color);
    // Pins: dark discs ringed in white, readable on every class colour and in both themes.
    for (k, disc) in placed.pins.iter().enumerate() {
        let ring = if hovered_pin == Some(k) { 2.5 } else { 1.5 };
        painter.circle(pos(disc.centre), disc.r as f32, PIN, Stroke::new(ring, Color32::WHITE));
    }
    draw_labels(ui, &painter, rect, spec, &placed, &galleys, halves, text_color);
    for (pin, pin_response) in spec.pins.iter().zip(pin_responses) {
        let pin_response = pin_response.on_hover_cursor(egui::CursorIcon::PointingHand);
        let clicked = pin_response.clicked();
        pin_response.on_hover_text((props.pin_text)(pin));
        if clicked {
            legend(ui, spec);
            return Some(MapClick::Place(pin.place.clone(), pin.nodes.clone()));
        }
    }
    let clicked = response.clicked().then_some(hovered).flatten();
    if let Some(i) = hovered
        && let Some(v) = map.leagues.get(i).and_then(|l| spec.value_of(&l.full_name))
    {
        let lang = spec.lang;
        let value = with_unit(v.value, &spec.unit, &spec.missing);
        let year = spec.year.map(|y| crate::i18n::paren(lang, y)).unwrap_or_default();
        let kind = if v.projected { format!(" · {}", spec.projected) } else { String::new() };
        response.clone().on_hover_text(format!(
            "{} · {}\n{value}{year}{kind}\n{}",
            pick(lang, &v.city, &v.city_en),
            v.region.name(lang),
            v.note
        ));
    }
    legend(ui, spec);
    clicked
        .and_then(|i| map.leagues.get(i).and_then(|l| spec.value_of(&l.full_name)))
        .map(|v| MapClick::City(v.city.clone()))
}

/// Labels where the layout put them: large 盟市 first, then the pins' names where there is
/// room; a label pushed far from its point gets a leader line. Then the halves' figures in
/// their corners.
#[allow(clippy::too_many_arguments)]
fn draw_labels(
    ui: &mut Ui,
    painter: &egui::Painter,
    rect: Rect,
    spec: &MapSpec,
    placed: &MapLayout,
    galleys: &[[Arc<egui::Galley>; 2]],
    halves: Vec<(Region, Arc<egui::Galley>, BoxF)>,
    text_color: Color32,
) {
    let mut labels = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    let halo = if ui.visuals().dark_mode { Color32::from_black_alpha(150) } else { Color32::from_white_alpha(190) };
    for (k, (spot, anchor)) in placed.labels.iter().zip(&placed.anchors).enumerate() {
        let (Some(spot), Some(galley)) = (spot, galleys.get(k)) else { continue };
        let galley = if spec.labels.get(k).is_some_and(|l| l.pin.is_some()) { &galley[1] } else { &galley[0] };
        let r = spot.rect;
        let at = pos(*anchor);
        let area = Rect::from_min_size(Pos2::new(r.x as f32, r.y as f32), Vec2::new(r.w as f32, r.h as f32));
        if spot.leader {
            painter.line_segment([at, area.clamp(at)], Stroke::new(1.0, text_color));
        }
        painter.rect_filled(area, 3.0, halo);
        // A label widget (it senses nothing, so hover and clicks reach the map below), so
        // screen readers and tests find each 盟市 by its name and value.
        labels.put(area, egui::Label::new(galley.clone()).selectable(false));
    }
    for (region, galley, b) in halves {
        let spot = Rect::from_min_size(Pos2::new(b.x as f32, b.y as f32), Vec2::new(b.w as f32, b.h as f32));
        painter.rect_filled(spot, 3.0, ui.visuals().extreme_bg_color);
        painter.rect_stroke(spot, 3.0, Stroke::new(1.5, region_color(region)), egui::StrokeKind::Inside);
        labels.put(spot.shrink(4.0), egui::Label::new(galley).selectable(false));
    }
}

fn pos([x, y]: [f64; 2]) -> Pos2 {
    Pos2::new(x as f32, y as f32)
}

/// One mesh for every filled 盟市 (projections lighter), then hatching over the gaps.
fn areas(painter: &egui::Painter, spec: &MapSpec, fit: &Fit) {
    let mut mesh = Mesh::default();
    let mut hatches = Vec::new();
    for league in &spec.geometry.leagues {
        let value = spec.value_of(&league.full_name);
        let fill = rgb(spec.fill_of(value));
        let fill = if value.is_some_and(|v| v.projected) { fill.gamma_multiply(0.55) } else { fill };
        fill_league(&mut mesh, league, fit, fill);
        if value.and_then(|v| v.value).is_none() {
            for t in &league.triangles {
                hatch_triangle(t.map(|p| fit.to_screen(p)), &mut hatches);
            }
        }
    }
    painter.add(Shape::mesh(mesh));
    for (a, b) in hatches {
        painter.line_segment([a, b], Stroke::new(1.0, HATCH));
    }
}

/// Outlines: east blue, west orange; the hovered and the selected 盟市 drawn strong.
fn outlines(
    painter: &egui::Painter,
    spec: &MapSpec,
    fit: &Fit,
    hovered: Option<usize>,
    selected: Option<&str>,
    strong: Color32,
) {
    for (i, league) in spec.geometry.leagues.iter().enumerate() {
        let value = spec.value_of(&league.full_name);
        let is_selected = value.is_some_and(|v| selected == Some(v.city.as_str()));
        let stroke = match (is_selected, hovered == Some(i)) {
            (true, _) => Stroke::new(3.5, strong),
            (false, true) => Stroke::new(2.5, strong),
            _ => Stroke::new(1.6, value.map_or(HATCH, |v| region_color(v.region))),
        };
        for ring in &league.rings {
            let points: Vec<Pos2> = ring.iter().map(|p| fit.to_screen(*p)).collect();
            painter.add(Shape::closed_line(points, stroke));
        }
    }
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
        let color = region_of(&league.full_name).map_or(HATCH, region_color);
        fill_league(&mut mesh, league, &fit, color.gamma_multiply(0.45));
    }
    painter.add(Shape::mesh(mesh));
    for league in &map.leagues {
        let color = region_of(&league.full_name).map_or(HATCH, region_color);
        for ring in &league.rings {
            painter.add(Shape::closed_line(ring.iter().map(|p| to_screen(*p)).collect(), Stroke::new(1.0, color)));
        }
    }
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// What the map page may colour by: the plan's own counts, then each statistic with years.
pub struct MapPageProps<'a> {
    pub quantities: &'a [MapQuantity],
    /// The quantity shown (an index into `quantities`).
    pub chosen: usize,
    pub map: MapProps<'a>,
}

/// The map page: quantity and year, the map, its source; a click narrows the tree.
pub fn map_page_ui(ui: &mut Ui, props: &MapPageProps<'_>) -> Vec<Command> {
    let spec = props.map.spec;
    let lang = spec.lang;
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let current = props.quantities.get(props.chosen).map(|q| q.label.clone()).unwrap_or_default();
        egui::ComboBox::from_label(tr(lang, Msg::MapQuantity)).selected_text(current).width(320.0).show_ui(ui, |ui| {
            for (k, q) in props.quantities.iter().enumerate() {
                if ui.selectable_label(props.chosen == k, &q.label).clicked() {
                    commands.push(Command::Page(PageCommand::SetMapQuantity(q.series.clone(), q.unit.clone())));
                }
            }
        });
        let years = props.quantities.get(props.chosen).map(|q| q.years.as_slice()).unwrap_or_default();
        if !years.is_empty() {
            ui.separator();
            ui.label(tr(lang, Msg::Year));
            for y in years {
                if ui.selectable_label(spec.year == Some(*y), y.to_string()).clicked() {
                    commands.push(Command::Page(PageCommand::SetMapYear(Some(*y))));
                }
            }
        }
        ui.label(RichText::new(tr(lang, Msg::FilterTree)).weak().small());
        if ui.button(tr(lang, Msg::AddToDeck)).clicked() {
            let content = SlideContent::Map { series: spec.series.clone(), year: spec.year };
            commands.push(Command::Deck(DeckCommand::AddSlide(content)));
        }
    });
    ui.label(RichText::new(&spec.source).weak().small());
    match map_ui(ui, &props.map) {
        Some(MapClick::City(city)) => commands.push(Command::Tree(TreeCommand::FilterCity(city))),
        Some(MapClick::Place(label, nodes)) => commands.push(Command::Tree(TreeCommand::FilterTree { label, nodes })),
        None => {}
    }
    commands
}

/// The spec's legend (class swatches with their ranges, the hatched gap with the unit), then
/// the outline colours of east and west.
fn legend(ui: &mut Ui, spec: &MapSpec) {
    let lang = spec.lang;
    ui.horizontal_wrapped(|ui| {
        for entry in &spec.legend {
            let (r, _) = ui.allocate_exact_size(Vec2::new(22.0, 14.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, entry.fill.map_or(MISSING_FILL, rgb));
            if entry.fill.is_none() {
                let mut lines = Vec::new();
                hatch_triangle([r.left_top(), r.right_top(), r.left_bottom()], &mut lines);
                hatch_triangle([r.right_top(), r.right_bottom(), r.left_bottom()], &mut lines);
                for (a, b) in lines {
                    ui.painter().line_segment([a, b], Stroke::new(1.0, HATCH));
                }
            }
            ui.label(&entry.text);
        }
        ui.separator();
        for region in [Region::East, Region::West] {
            let (r, _) = ui.allocate_exact_size(Vec2::new(22.0, 14.0), Sense::hover());
            ui.painter().rect_stroke(r, 2.0, Stroke::new(2.0, region_color(region)), egui::StrokeKind::Inside);
            ui.label(RichText::new(region.name(lang)).color(region_color(region)).strong());
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
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::i18n::Lang;
    use crate::ui::command::{PageCommand, TreeCommand};
    use crate::ui::{test_document, view_harness};

    #[test]
    fn the_map_page_asks_for_a_quantity_and_a_click_narrows_the_tree_to_its_league() {
        let session = crate::session::Session::new(test_document(), Lang::Zh);
        let quantities = session.map_quantities(Lang::Zh);
        let map = session.map("tasks", None, None, Lang::Zh).expect("the map");
        let count = map.values.iter().find(|v| v.city == "锡林郭勒盟").and_then(|v| v.value).expect("a count");
        let no_pin = |_: &Pin| String::new();
        let mut harness = view_harness(|ui| {
            let props = MapPageProps {
                quantities: &quantities,
                chosen: 0,
                map: MapProps { spec: &map, pin_text: &no_pin, selected: None },
            };
            map_page_ui(ui, &props)
        });
        // Each 盟市 is labelled with its name and value; clicking there is clicking the 盟市.
        harness.get_by_label(&format!("锡林郭勒盟\n{count}")).click();
        harness.run();
        harness.get_by_label("着色依据").click();
        harness.run();
        harness.get_by_label("专栏").click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Tree(TreeCommand::FilterCity("锡林郭勒盟".into()))), "{commands:?}");
        assert!(commands.contains(&Command::Page(PageCommand::SetMapQuantity("boxes".into(), None))), "{commands:?}");
    }

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
