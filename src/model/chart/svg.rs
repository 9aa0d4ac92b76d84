//! The chart spec drawn as SVG. Every export of a chart draws from here: the SVG itself, the
//! PNG (rasterised), the PDF briefing (converted page by page, `export::page`) and the HTML
//! briefing (inlined). The legend sits to the right of the plot, so it never covers data.

use std::fmt::Write;

use super::axis::Scale;
use super::style::{Colour, Fill, Marker, Style};
use super::{Chart, LegendPlacement, Swatch};
use crate::model::colours::{background, grid, hex};
use crate::model::drawing::{FONT_FAMILY, Rect, escape, text_width, wrap};
use crate::model::format::readable;

/// Where the parts of a chart go in a box of `width` × `height`.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub font: f64,
    /// The legend's type size (smaller than `font` when its entries would not fit).
    pub legend_font: f64,
    /// The data area.
    pub plot: Rect,
    /// The legend's box (zero-sized when there is none).
    pub legend: Rect,
    /// Each legend entry's label, wrapped to the legend's width.
    pub legend_lines: Vec<Vec<String>>,
}

/// Where the parts of a chart go, with room for the title above the plot when `titled` (a
/// chart exported on its own).
pub fn layout_titled(chart: &Chart, width: f64, height: f64, titled: bool) -> Layout {
    let font = (height / 30.0).clamp(11.0, 40.0);
    let tick_width = chart.y_axis.ticks.iter().map(|&t| text_width(&readable(t))).fold(0.0, f64::max);
    let left = (tick_width * font).max(font * 2.0) + font * 0.8;
    let title = if titled { font * (2.0 + 1.3 * chart.notes.len().min(3) as f64) } else { 0.0 };
    let top = title + font * if chart.annotations.is_empty() { 2.0 } else { 3.2 };
    let bottom = font * 2.2;
    let available = (height - top - bottom).max(10.0);
    let (legend, legend_lines, legend_font) = match chart.legend_placement {
        LegendPlacement::None => (Rect { x: width, y: 0.0, w: 0.0, h: 0.0 }, Vec::new(), font),
        LegendPlacement::Right => {
            // The legend's type shrinks (to 60 %) until its entries fit beside the plot.
            let mut lf = font;
            loop {
                let swatch = 3.0; // ems: the swatch and the gap after it
                let longest = chart.legend.iter().map(|e| text_width(&e.label)).fold(0.0, f64::max);
                let text_ems = longest.min((width * 0.3 / lf - swatch).max(6.0));
                let lines: Vec<Vec<String>> = chart.legend.iter().map(|e| wrap(&e.label, text_ems)).collect();
                let w = (text_ems + swatch + 1.0) * lf;
                let rows: usize = lines.iter().map(Vec::len).sum();
                let h = (rows as f64 * 1.25 + chart.legend.len() as f64 * 0.35) * lf;
                if h <= available || lf <= font * 0.6 {
                    break (Rect { x: width - w, y: top, w, h: h.min(available) }, lines, lf);
                }
                lf *= 0.9;
            }
        }
    };
    let plot = Rect { x: left, y: top, w: (legend.x - font - left).max(10.0), h: (height - top - bottom).max(10.0) };
    Layout { font, legend_font, plot, legend, legend_lines }
}

/// How to draw: the box, the theme, and where the box sits in an enclosing SVG.
#[derive(Clone, Copy, Debug)]
pub struct SvgOptions {
    pub width: f64,
    pub height: f64,
    pub dark: bool,
    /// Position inside a slide (0, 0 for a standalone chart).
    pub x: f64,
    pub y: f64,
    /// The chart's title above it (a chart on its own; slides write their own title).
    pub titled: bool,
}

impl SvgOptions {
    /// A chart on its own, titled.
    pub fn new(width: f64, height: f64) -> Self {
        SvgOptions { width, height, dark: false, x: 0.0, y: 0.0, titled: true }
    }
}

/// The chart as a complete SVG document.
pub fn chart_svg(chart: &Chart, o: &SvgOptions) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif\">\n{}</svg>\n",
        chart_element(chart, &SvgOptions { x: 0.0, y: 0.0, ..*o }),
        w = o.width,
        h = o.height,
    )
}

/// The chart as a nested `<svg>` element at (`o.x`, `o.y`), for slides.
pub fn chart_element(chart: &Chart, o: &SvgOptions) -> String {
    let l = layout_titled(chart, o.width, o.height, o.titled);
    let ink = Colour::Ink.hex(o.dark);
    let background = hex(background(o.dark));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\"><title>{}</title>",
        o.x,
        o.y,
        escape(&chart.title),
        w = o.width,
        h = o.height
    );
    let _ = writeln!(s, "<rect width=\"{}\" height=\"{}\" fill=\"{background}\"/>", o.width, o.height);
    if o.titled {
        title(&mut s, chart, &l, o.width, &ink);
    }
    let p = l.plot;
    let _ = writeln!(
        s,
        "<defs><clipPath id=\"plot\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/></clipPath></defs>",
        p.x, p.y, p.w, p.h
    );
    let plot = Plot::new(chart, p);
    axes(&mut s, &plot, l.font, &ink, o.dark);
    // Areas first, so lines and points stay on top.
    s.push_str("<g clip-path=\"url(#plot)\">\n");
    areas(&mut s, &plot, l.font, &ink, o.dark);
    for series in &chart.series {
        series_svg(&mut s, &plot, series, l.font, o.dark);
    }
    s.push_str("</g>\n");
    annotations(&mut s, &plot, l.font, &ink, o.dark);
    legend(&mut s, chart, &l, &ink, o.dark);
    s.push_str("</svg>\n");
    s
}

/// Where values go in the plot area: years across (half a year of room at each end, so the
/// first and last points are whole), values up by the value axis.
struct Plot<'a> {
    chart: &'a Chart,
    p: Rect,
    x0: f64,
    x1: f64,
}

impl<'a> Plot<'a> {
    fn new(chart: &'a Chart, p: Rect) -> Self {
        Plot { chart, p, x0: chart.x_axis.min - 0.5, x1: chart.x_axis.max + 0.5 }
    }

    fn sx(&self, x: f64) -> Option<f64> {
        (self.x1 > self.x0).then(|| self.p.x + (x - self.x0) / (self.x1 - self.x0) * self.p.w)
    }

    fn sy(&self, y: f64) -> Option<f64> {
        self.chart.y_axis.fraction(y).map(|t| self.p.bottom() - t * self.p.h)
    }
}

/// The title of a chart exported on its own, and what the chart says about how it was drawn
/// (an index for mixed units…).
fn title(s: &mut String, chart: &Chart, l: &Layout, width: f64, ink: &str) {
    let size = l.font * 1.3;
    let title = wrap(&chart.title, (width - 2.0 * l.font) / size).into_iter().next().unwrap_or_default();
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\" font-weight=\"bold\" fill=\"{ink}\">{}</text>",
        l.font * 0.8,
        size * 1.1,
        escape(&title)
    );
    // What the chart itself says about how it was drawn (an index for mixed units…).
    for (k, note) in chart.notes.iter().take(3).enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"{ink}\">{}</text>",
            l.font * 0.8,
            size * 1.1 + l.font * 1.3 * (k + 1) as f64,
            l.font * 0.9,
            escape(note)
        );
    }
}

/// Grid lines and tick labels, the year axis, and the unit above the value axis.
fn axes(s: &mut String, plot: &Plot<'_>, f: f64, ink: &str, dark: bool) {
    let (p, chart) = (plot.p, plot.chart);
    let grid = hex(grid(dark));
    for &t in &chart.y_axis.ticks {
        if let Some(y) = plot.sy(t) {
            let _ = writeln!(
                s,
                "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{grid}\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{f:.1}\" text-anchor=\"end\" fill=\"{ink}\">{}</text>",
                p.x,
                p.right(),
                p.x - f * 0.4,
                y + f * 0.35,
                escape(&readable(t))
            );
        }
    }
    for &t in &chart.x_axis.ticks {
        if let Some(x) = plot.sx(t) {
            let _ = writeln!(
                s,
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{grid}\" stroke-width=\"0.6\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{f:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{t:.0}</text>",
                p.y,
                p.bottom(),
                p.bottom() + f * 1.3
            );
        }
    }
    let _ = writeln!(
        s,
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{ink}\" stroke-width=\"1.2\"/>",
        p.x,
        p.bottom(),
        p.right(),
        p.bottom()
    );
    // The unit, above the value axis.
    let chinese = chart.x_axis.unit == "年";
    let scale_word = match (chart.y_axis.scale, chinese) {
        (Scale::Log, true) => "（对数刻度）",
        (Scale::Log, false) => " (log scale)",
        _ => "",
    };
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{f:.1}\" fill=\"{ink}\">{}{scale_word}</text>",
        p.x - f * 0.4,
        p.y - f * 0.6,
        escape(&chart.y_axis.unit)
    );
}

/// Breaks in the data, goal zones and scenario bands.
fn areas(s: &mut String, plot: &Plot<'_>, f: f64, ink: &str, dark: bool) {
    let (p, chart) = (plot.p, plot.chart);
    for b in &chart.breaks {
        let (Some(x0), Some(x1)) = (plot.sx(f64::from(b.from) - 0.5), plot.sx(f64::from(b.to) + 0.5)) else { continue };
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" fill-opacity=\"0.18\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{}</text>",
            p.y,
            x1 - x0,
            p.bottom() - p.y,
            Colour::Grey.hex(dark),
            (x0 + x1) / 2.0,
            p.y + f * 1.1,
            f * 0.8,
            escape(&b.label)
        );
    }
    for goal in &chart.goals {
        let (Some(x0), Some(x1)) = (plot.sx(goal.x.0), plot.sx(goal.x.1)) else { continue };
        let y_top = plot.sy(goal.y.1).unwrap_or(p.y).max(p.y);
        let y_bottom = plot.sy(goal.y.0).unwrap_or(p.bottom()).min(p.bottom());
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{y_top:.1}\" width=\"{:.1}\" height=\"{:.1}\" {}/>",
            x1 - x0,
            (y_bottom - y_top).max(0.0),
            fill_attrs(&super::style::GOAL_FILL, dark)
        );
    }
    for band in &chart.bands {
        let upper =
            band.points.iter().filter_map(|&(x, _, hi)| Some(format!("{:.1},{:.1}", plot.sx(x)?, plot.sy(hi)?)));
        let lower =
            band.points.iter().rev().filter_map(|&(x, lo, _)| Some(format!("{:.1},{:.1}", plot.sx(x)?, plot.sy(lo)?)));
        let points: Vec<String> = upper.chain(lower).collect();
        let _ =
            writeln!(s, "<polygon points=\"{}\" {}/>", points.join(" "), fill_attrs(&super::style::BAND_FILL, dark));
    }
}

/// One series: its line (broken where a value cannot be shown or the data has a break), then
/// its markers, each with a title naming it.
fn series_svg(s: &mut String, plot: &Plot<'_>, series: &super::ChartSeries, f: f64, dark: bool) {
    let chart = plot.chart;
    let st = &series.style;
    let colour = st.colour.hex(dark);
    let opacity = if st.muted { 0.55 } else { 1.0 };
    if let Some(dash) = st.line {
        // A gap (a value the scale cannot show) breaks the line.
        // So does a break in the data (years without values).
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        for run in chart.runs(series) {
            runs.push(Vec::new());
            for pt in run {
                match (plot.sx(pt.x), plot.sy(pt.y)) {
                    (Some(x), Some(y)) => runs.last_mut().map(|r| r.push((x, y))).unwrap_or_default(),
                    _ => runs.push(Vec::new()),
                }
            }
        }
        for run in runs.iter().filter(|r| r.len() > 1) {
            let pts: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let dasharray = dash.dasharray(st.width).map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
            let _ = writeln!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-opacity=\"{opacity}\" stroke-linejoin=\"round\"{dasharray}/>",
                pts.join(" "),
                st.width
            );
        }
    }
    if let Some(marker) = st.marker {
        for pt in &series.points {
            let (Some(x), Some(y)) = (plot.sx(pt.x), plot.sy(pt.y)) else { continue };
            let title = format!("{} {:.0}: {}", series.name, pt.x, readable(pt.y));
            let _ = writeln!(
                s,
                "{}",
                marker_svg(marker, x, y, f64::from(st.marker_radius()) * f / 16.0, &colour, opacity, &escape(&title))
            );
        }
    }
}

/// Annotations: a dashed rule at the year, its label above the plot (never on the data).
fn annotations(s: &mut String, plot: &Plot<'_>, f: f64, ink: &str, dark: bool) {
    let p = plot.p;
    for a in &plot.chart.annotations {
        let Some(x) = plot.sx(f64::from(a.year)) else { continue };
        let purple = Colour::ReddishPurple.hex(dark);
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{purple}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{} {}</text>",
            p.y - f * 0.2,
            p.bottom(),
            p.y - f * 1.6,
            f * 0.9,
            a.year,
            escape(&a.text)
        );
    }
}

/// The legend, beside the plot: every entry when they fit (the type shrinks for that, down to
/// 60 %), else as many as fit above a last line saying how many more there are ("… +3"), so
/// that no entry runs under the plot's axis or off the page.
fn legend(s: &mut String, chart: &Chart, l: &Layout, ink: &str, dark: bool) {
    let mut y = l.legend.y;
    let f = l.legend_font;
    let height = |lines: &Vec<String>| f * (1.25 * lines.len() as f64 + 0.35);
    let total: f64 = l.legend_lines.iter().map(height).sum();
    let shown = if total <= l.legend.h + 1e-6 {
        chart.legend.len()
    } else {
        let room = l.legend.h - f * 1.25;
        let mut used = 0.0;
        l.legend_lines
            .iter()
            .take_while(|lines| {
                used += height(lines);
                used <= room
            })
            .count()
    };
    for (entry, lines) in chart.legend.iter().zip(&l.legend_lines).take(shown) {
        let sw_x = l.legend.x;
        let mid = y + f * 0.65;
        match &entry.swatch {
            Swatch::Area(fill) => {
                let _ = writeln!(
                    s,
                    "<rect x=\"{sw_x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {}/>",
                    mid - f * 0.45,
                    f * 2.2,
                    f * 0.9,
                    fill_attrs(fill, dark)
                );
            }
            Swatch::Series(st) => s.push_str(&swatch_svg(st, sw_x, mid, f, dark)),
        }
        for (k, line) in lines.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{f:.1}\" fill=\"{ink}\">{}</text>",
                sw_x + f * 3.0,
                y + f * (1.0 + 1.25 * k as f64),
                escape(line)
            );
        }
        y += height(lines);
    }
    if shown < chart.legend.len() {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{f:.1}\" fill=\"{ink}\">… +{}</text>",
            l.legend.x + f * 3.0,
            y + f,
            chart.legend.len() - shown
        );
    }
}

fn fill_attrs(fill: &Fill, dark: bool) -> String {
    format!("fill=\"{}\" fill-opacity=\"{}\"", fill.colour.hex(dark), fill.opacity)
}

/// A legend swatch: a short stretch of the series' line with its marker in the middle.
fn swatch_svg(st: &Style, x: f64, mid: f64, f: f64, dark: bool) -> String {
    let colour = st.colour.hex(dark);
    let opacity = if st.muted { 0.55 } else { 1.0 };
    let mut out = String::new();
    if let Some(dash) = st.line {
        let dasharray = dash.dasharray(st.width).map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{mid:.1}\" x2=\"{:.1}\" y2=\"{mid:.1}\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-opacity=\"{opacity}\"{dasharray}/>",
            x + f * 2.2,
            st.width
        );
    }
    if let Some(m) = st.marker {
        out.push_str(&marker_svg(m, x + f * 1.1, mid, f64::from(st.marker_radius()) * f / 16.0, &colour, opacity, ""));
        out.push('\n');
    }
    out
}

fn marker_svg(marker: Marker, x: f64, y: f64, r: f64, colour: &str, opacity: f64, title: &str) -> String {
    let title = if title.is_empty() { String::new() } else { format!("<title>{title}</title>") };
    let paint = format!("fill=\"{colour}\" fill-opacity=\"{opacity}\"");
    if let Some(corners) = marker.polygon() {
        let pts: Vec<String> = corners
            .iter()
            .map(|&(dx, dy)| format!("{:.1},{:.1}", x + f64::from(dx) * r, y + f64::from(dy) * r))
            .collect();
        return format!("<polygon points=\"{}\" {paint}>{title}</polygon>", pts.join(" "));
    }
    match marker {
        Marker::Cross => format!(
            "<path d=\"M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}\" stroke=\"{colour}\" stroke-opacity=\"{opacity}\" stroke-width=\"{:.1}\">{title}</path>",
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r,
            r * 0.5
        ),
        _ => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" {paint}>{title}</circle>"),
    }
}
