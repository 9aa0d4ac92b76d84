//! A [`MapSpec`] as standalone SVG (the map export, its PNG, and a map slide's drawing), as
//! JSON, and as a table: drawn from the same spec, classes, colours and label placement as the
//! window's map.

use std::fmt::Write;

use super::labels::{Disc, layout};
use super::spec::MapSpec;
use crate::i18n::{Msg, tr};
use crate::model::colours::{HATCH_RGB, MISSING_RGB, PIN_RGB, SOURCE_TEXT_RGB, WHITE, hex, region_colour};
use crate::model::drawing::{FONT_FAMILY, Rect, escape, text_width, wrap};
use crate::model::places::Region;
use crate::model::table::Table;

/// Width of the SVG document, in px.
const WIDTH: f64 = 1100.0;
/// The title's and the source lines' type, in pixels of the document.
const TITLE_PX: f64 = 22.0;
const SOURCE_PX: f64 = 13.0;
/// Margin around the map, in the drawing's units (projected km).
const MARGIN: f64 = 20.0;

/// The map as SVG. `bare` leaves out its title and source lines (a slide writes those around
/// it) and sets larger type (the slide scales the drawing down with its page).
pub fn map_svg(spec: &MapSpec, bare: bool) -> String {
    let (lo, hi) = spec.geometry.bounds;
    let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
    let w_total = w + 2.0 * MARGIN;
    // The drawing's units per pixel of the document: the title and the source lines are sized
    // in pixels, so that the PNG's footnote reads (at 18 units it came out at 9 px).
    let px = w_total / WIDTH;
    let (title_size, source_size) = (TITLE_PX * px, SOURCE_PX * px);
    let source_lines = if bare { Vec::new() } else { wrap(&spec.source, (w_total - 2.0 * MARGIN) / source_size) };
    let fs = if bare { 48.0 } else { 24.0 };
    let legend_rows = legend_rows(spec, fs, w_total - 2.0 * MARGIN);
    let source_line = source_size * 1.35;
    let legend = 30.0 + legend_rows.len() as f64 * fs * 1.6 + source_line * source_lines.len() as f64 + 10.0;
    let top = if bare { 20.0 } else { title_size * 1.6 + 20.0 };
    let xy = |p: [f64; 2]| [p[0] - lo[0] + MARGIN, hi[1] - p[1] + top];
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{:.0}\" viewBox=\"0 0 {:.0} {:.0}\" font-family=\"{FONT_FAMILY}, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif\">\n\
         <defs><pattern id=\"gap\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"12\" height=\"12\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"12\" stroke=\"{}\" stroke-width=\"3\"/></pattern></defs>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        WIDTH * (h + top + legend) / w_total,
        w_total,
        h + top + legend,
        hex(MISSING_RGB),
        hex(HATCH_RGB),
        hex(WHITE),
    );
    if !bare {
        let _ = writeln!(
            svg,
            "<text x=\"20\" y=\"{:.0}\" font-size=\"{title_size:.0}\" font-weight=\"bold\">{}</text>",
            title_size * 1.2,
            escape(&spec.title)
        );
    }
    areas(&mut svg, spec, &xy);
    let corners = half_boxes(spec, w_total, top, h);
    let bounds = Rect { x: 0.0, y: top - 10.0, w: w_total, h: h + 20.0 };
    let measure = |k: usize, size: f64| {
        let lines = spec.labels.get(k).map(|l| l.lines.as_slice()).unwrap_or_default();
        let width = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) * size + 8.0;
        [width, lines.len() as f64 * size + 8.0]
    };
    let placed = layout(spec, &xy, &measure, fs, &corners.iter().map(|c| c.2).collect::<Vec<_>>(), bounds);
    pins(&mut svg, spec, &placed.pins);
    labels(&mut svg, spec, &placed, fs);
    for (region, text, b) in &corners {
        let colour = region_colour(*region).hex(false);
        let white = hex(WHITE);
        let _ = writeln!(
            svg,
            "<rect x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\" rx=\"4\" fill=\"{white}\" stroke=\"{colour}\" stroke-width=\"3\"/><text x=\"{:.0}\" y=\"{:.0}\" font-size=\"26\" fill=\"{colour}\">{}</text>",
            b.x,
            b.y,
            b.w,
            b.h,
            b.x + 10.0,
            b.y + 29.0,
            escape(text)
        );
    }
    let legend_top = h + top + 30.0;
    draw_legend(&mut svg, &legend_rows, fs, legend_top);
    let y0 = legend_top + legend_rows.len() as f64 * fs * 1.6 + source_line;
    for (k, line) in source_lines.iter().enumerate() {
        let _ = writeln!(
            svg,
            "<text x=\"20\" y=\"{:.0}\" font-size=\"{source_size:.0}\" fill=\"{}\">{}</text>",
            y0 + source_line * k as f64,
            hex(SOURCE_TEXT_RGB),
            escape(line)
        );
    }
    svg + "</svg>\n"
}

/// A legend swatch: a class colour, the hatched gap, or a region's outline.
enum Swatch {
    Fill(String),
    Outline(String),
}

/// The legend's entries (classes, the gap with the unit, then east and west as outlines), in
/// rows no wider than `width`.
fn legend_rows(spec: &MapSpec, fs: f64, width: f64) -> Vec<Vec<(Swatch, String)>> {
    let mut entries: Vec<(Swatch, String)> = spec
        .legend
        .iter()
        .map(|e| (Swatch::Fill(e.fill.map_or("url(#gap)".to_string(), hex)), e.text.clone()))
        .collect();
    entries.extend(
        Region::ALL.iter().map(|r| (Swatch::Outline(region_colour(*r).hex(false)), r.name(spec.lang).to_string())),
    );
    let entry_width = |text: &str| fs * 2.6 + text_width(text) * fs;
    let mut rows: Vec<Vec<(Swatch, String)>> = vec![Vec::new()];
    let mut row_width = 0.0;
    for entry in entries {
        let w = entry_width(&entry.1);
        if row_width + w > width && rows.last().is_some_and(|r| !r.is_empty()) {
            rows.push(Vec::new());
            row_width = 0.0;
        }
        row_width += w;
        if let Some(row) = rows.last_mut() {
            row.push(entry);
        }
    }
    rows
}

fn draw_legend(svg: &mut String, rows: &[Vec<(Swatch, String)>], fs: f64, top: f64) {
    for (row, entries) in rows.iter().enumerate() {
        let y = top + row as f64 * fs * 1.6;
        let mut x = 20.0;
        for (swatch, text) in entries {
            let paint = match swatch {
                Swatch::Fill(fill) => format!("fill=\"{fill}\""),
                Swatch::Outline(colour) => format!("fill=\"{}\" stroke=\"{colour}\" stroke-width=\"4\"", hex(WHITE)),
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"{:.0}\" height=\"{fs:.0}\" {paint}/><text x=\"{:.0}\" y=\"{:.0}\" font-size=\"{fs:.0}\">{}</text>",
                fs * 1.6,
                x + fs * 2.0,
                y + fs * 0.88,
                escape(text)
            );
            x += fs * 2.6 + text_width(text) * fs;
        }
    }
}

/// Every 盟市 filled by its class (gaps hatched, projections lighter), outlined in its region's
/// colour.
fn areas(svg: &mut String, spec: &MapSpec, xy: &dyn Fn([f64; 2]) -> [f64; 2]) {
    for league in &spec.geometry.leagues {
        let v = spec.value_of(&league.full_name);
        let fill = if v.and_then(|v| v.value).is_some() { hex(spec.fill_of(v)) } else { "url(#gap)".into() };
        let d: String = league
            .rings
            .iter()
            .map(|ring| {
                let pts: Vec<String> = ring.iter().map(|p| xy(*p)).map(|[x, y]| format!("{x:.1} {y:.1}")).collect();
                format!("M{}Z", pts.join("L"))
            })
            .collect();
        let stroke = v.map_or(hex(HATCH_RGB), |v| region_colour(v.region).hex(false));
        let opacity = if v.is_some_and(|v| v.projected) { " fill-opacity=\"0.55\"" } else { "" };
        let _ = writeln!(
            svg,
            "<path d=\"{d}\" fill=\"{fill}\"{opacity} fill-rule=\"evenodd\" stroke=\"{stroke}\" stroke-width=\"3\"><title>{}</title></path>",
            escape(&league.full_name)
        );
    }
}

fn pins(svg: &mut String, spec: &MapSpec, discs: &[Disc]) {
    for (pin, disc) in spec.pins.iter().zip(discs) {
        let [x, y] = disc.centre;
        let _ = writeln!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\" stroke=\"white\" stroke-width=\"3\"><title>{}{}</title></circle>",
            disc.r,
            hex(PIN_RGB),
            escape(pin.name(spec.lang)),
            escape(&crate::i18n::paren(spec.lang, &pin.county))
        );
    }
}

/// Each placed label on a light box (so it reads on the darkest class), with a leader line
/// when it was pushed away from its point.
fn labels(svg: &mut String, spec: &MapSpec, placed: &super::labels::MapLayout, fs: f64) {
    let pin_colour = hex(PIN_RGB);
    for ((label, spot), anchor) in spec.labels.iter().zip(&placed.labels).zip(&placed.anchors) {
        let Some(spot) = spot else { continue };
        let rect = spot.rect;
        let size = if label.pin.is_some() { fs * super::labels::PIN_LABEL_SIZE } else { fs };
        let cx = rect.x + rect.w / 2.0;
        if spot.leader {
            let [ax, ay] = *anchor;
            let (lx, ly) = (ax.clamp(rect.x, rect.right()), ay.clamp(rect.y, rect.bottom()));
            let _ = writeln!(
                svg,
                "<line x1=\"{ax:.1}\" y1=\"{ay:.1}\" x2=\"{lx:.1}\" y2=\"{ly:.1}\" stroke=\"{pin_colour}\" stroke-width=\"1.5\"/>"
            );
        }
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"{}\" fill-opacity=\"0.8\"/>",
            rect.x,
            rect.y,
            rect.w,
            rect.h,
            hex(WHITE)
        );
        let spans: String = label
            .lines
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let dy = if k == 0 { String::new() } else { format!(" dy=\"{:.0}\"", size + 2.0) };
                format!("<tspan x=\"{cx:.0}\"{dy}>{}</tspan>", escape(l))
            })
            .collect();
        let _ = writeln!(
            svg,
            "<text x=\"{cx:.0}\" y=\"{:.0}\" font-size=\"{size:.0}\" text-anchor=\"middle\">{spans}</text>",
            rect.y + size * 0.95
        );
    }
}

/// The boxes the halves' stated figures take in the map's corners (east top right, west bottom
/// left).
fn half_boxes(spec: &MapSpec, w_total: f64, top: f64, h: f64) -> Vec<(Region, String, Rect)> {
    spec.halves
        .iter()
        .map(|(region, text)| {
            let w = text_width(text) * 26.0 + 20.0;
            let (x, y) = match region {
                Region::East => (w_total - w - 10.0, top),
                Region::West => (10.0, h + top - 44.0),
            };
            (*region, text.clone(), Rect { x, y, w, h: 40.0 })
        })
        .collect()
}

/// A map's values as a table: one row per 盟市 (east first), gaps in words, projections marked.
pub fn map_table(spec: &MapSpec) -> Table {
    let lang = spec.lang;
    let header = [Msg::City, Msg::RegionFilter, Msg::Value, Msg::SourceColumn].map(|m| tr(lang, m).to_string());
    let rows = spec
        .values
        .iter()
        .map(|v| {
            let value = match v.value {
                Some(_) if spec.unit.is_empty() => spec.value_text(v),
                Some(_) => format!("{} {}", spec.value_text(v), spec.unit),
                None => spec.missing.clone(),
            };
            vec![
                crate::i18n::pick(lang, &v.city, &v.city_en).to_string(),
                v.region.name(lang).to_string(),
                value,
                v.note.replace('\n', " · "),
            ]
        })
        .collect();
    Table { header: header.to_vec(), rows }
}

/// The map as JSON: each 盟市 with its value, class and colour, the legend's classes, the pins
/// and the halves.
pub fn map_json(spec: &MapSpec) -> String {
    let classes = &spec.classes;
    let legend: Vec<serde_json::Value> = (0..classes.count())
        .map(|k| {
            serde_json::json!({
                "from": classes.breaks.get(k), "to": classes.breaks.get(k + 1), "color": hex(classes.rgb(k)),
            })
        })
        .collect();
    let leagues: Vec<serde_json::Value> = spec
        .values
        .iter()
        .map(|v| {
            let class = v.value.map(|x| classes.class_of(x));
            serde_json::json!({
                "name": v.city, "name_en": v.city_en, "region": v.region.name_en(),
                "value": v.value, "projected": v.projected,
                "class": class, "color": hex(spec.fill_of(Some(v))),
                "source": v.note,
            })
        })
        .collect();
    let pins: Vec<serde_json::Value> = spec
        .pins
        .iter()
        .map(|p| serde_json::json!({ "place": p.place, "county": p.county, "city": p.city, "paragraphs": p.nodes.len() }))
        .collect();
    let halves: Vec<serde_json::Value> = spec
        .halves
        .iter()
        .map(|(region, text)| serde_json::json!({ "region": region.name_en(), "text": text }))
        .collect();
    let doc = serde_json::json!({
        "title": spec.title, "unit": spec.unit, "year": spec.year, "missing": spec.missing,
        "legend": legend, "leagues": leagues, "pins": pins, "halves": halves, "source": spec.source,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
