//! Draws a chart spec ([`Chart`]) with egui_plot, exactly as the model styled it: every
//! series in its colour, dash and marker, the axes with the model's ticks (linear or log),
//! annotations as labelled vertical rules, and the legend beside the plot, never over it.
//! The exact value with its source shows on hover.

use egui::{Color32, Pos2, Sense, Shape, Stroke, Ui, Vec2};
use egui_plot::{
    FilledArea, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, PlotTransform, Points, Polygon,
    Text, VLine,
};

use crate::i18n::Lang;
use crate::i18n::labelled;
use crate::model::chart::axis::{Axis, Scale};
use crate::model::chart::style::{Colour, Dash, Fill, Marker, Style};
use crate::model::chart::{Chart, LegendPlacement, Swatch};
use crate::model::format::readable;

pub struct ChartStyle {
    pub height: f32,
    pub legend: bool,
    pub interactive: bool,
    /// Line and marker scale (presenters want thicker lines).
    pub weight: f32,
    pub lang: Lang,
    /// The hover crosshair (off on a projected slide while the pointer rests).
    pub crosshair: bool,
}

impl ChartStyle {
    pub fn full(height: f32, lang: Lang) -> Self {
        ChartStyle { height, legend: true, interactive: true, weight: 1.0, lang, crosshair: true }
    }

    pub fn small(lang: Lang) -> Self {
        ChartStyle { height: 140.0, legend: false, interactive: false, weight: 0.8, lang, crosshair: true }
    }
}

pub fn colour(c: Colour, dark: bool) -> Color32 {
    super::palette::themed(c, dark)
}

fn fill_colour(fill: &Fill, dark: bool) -> Color32 {
    colour(fill.colour, dark).gamma_multiply(fill.opacity)
}

fn series_colour(st: &Style, dark: bool) -> Color32 {
    let c = colour(st.colour, dark);
    if st.muted { c.gamma_multiply(0.55) } else { c }
}

fn line_style(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed => LineStyle::dashed_dense(),
        Dash::Dotted => LineStyle::dotted_dense(),
        Dash::DashDot => LineStyle::dashed_loose(),
    }
}

fn marker_shape(m: Marker) -> MarkerShape {
    match m {
        Marker::Circle => MarkerShape::Circle,
        Marker::Square => MarkerShape::Square,
        Marker::Diamond => MarkerShape::Diamond,
        Marker::TriangleUp => MarkerShape::Up,
        Marker::TriangleDown => MarkerShape::Down,
        Marker::Cross => MarkerShape::Cross,
    }
}

/// A value as plotted: its log on a log axis (`None` where the log axis cannot show it).
fn plotted(axis: &Axis, v: f64) -> Option<f64> {
    match axis.scale {
        Scale::Linear => Some(v),
        Scale::Log => (v > 0.0).then(|| v.log10()),
    }
}

fn unplotted(axis: &Axis, v: f64) -> f64 {
    match axis.scale {
        Scale::Linear => v,
        Scale::Log => 10f64.powf(v),
    }
}

/// egui_plot labels a grid mark when its `step_size` spans at least 60 points on the x axis.
const X_LABEL_SPACING: f64 = 60.0;
/// The grid's own minimum spacing (egui_plot's default), from which the scale is read.
const GRID_SPACING: f64 = 8.0;

/// The spec's years, every one a grid line; labelled every 1, 2, 5 or 10 years, whichever is
/// the first to leave room for the labels at the plot's current width.
fn year_marks(ticks: &[f64], input: egui_plot::GridInput) -> Vec<GridMark> {
    let points_per_year = GRID_SPACING / input.base_step_size.max(1e-9);
    let every =
        [1.0, 2.0, 5.0, 10.0, 20.0].into_iter().find(|k| k * points_per_year >= X_LABEL_SPACING).unwrap_or(50.0);
    ticks
        .iter()
        .map(|&value| GridMark { value, step_size: if value.rem_euclid(every) == 0.0 { every } else { 1.0 } })
        .collect()
}

/// The spec's value ticks, each marked with the step between them so every one is labelled.
fn value_marks(ticks: &[f64]) -> Vec<GridMark> {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    ticks.iter().map(|&value| GridMark { value, step_size: step }).collect()
}

pub fn chart_ui(ui: &mut Ui, id: &str, chart: &Chart, style: &ChartStyle, reset: bool) -> egui::Response {
    chart_ui_with_transform(ui, id, chart, style, reset).0
}

/// [`chart_ui`], also giving the plot's transform between screen and chart coordinates (for
/// what is drawn or dragged on top of the chart).
pub fn chart_ui_with_transform(
    ui: &mut Ui,
    id: &str,
    chart: &Chart,
    style: &ChartStyle,
    reset: bool,
) -> (egui::Response, PlotTransform) {
    let legend = style.legend && chart.legend_placement == LegendPlacement::Right && !chart.legend.is_empty();
    if !legend {
        return plot_ui(ui, id, chart, style, reset);
    }
    // The legend takes a column to the right: as wide as its longest label, at most a third.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let longest = chart
        .legend
        .iter()
        .map(|e| ui.fonts_mut(|f| f.layout_no_wrap(e.label.clone(), font.clone(), Color32::WHITE).size().x))
        .fold(0.0, f32::max);
    let legend_width = (longest + 40.0).min(ui.available_width() / 3.0).max(120.0);
    let plot_width = (ui.available_width() - legend_width - 8.0).max(120.0);
    ui.horizontal_top(|ui| {
        let response =
            ui.allocate_ui(Vec2::new(plot_width, style.height), |ui| plot_ui(ui, id, chart, style, reset)).inner;
        let top_down = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(Vec2::new(legend_width, style.height), top_down, |ui| {
            egui::ScrollArea::vertical().id_salt((id, "legend")).max_height(style.height).show(ui, |ui| {
                legend_ui(ui, chart, style.weight);
            });
        });
        response
    })
    .inner
}

/// The legend as a list: each swatch drawn with the very style of its series or area.
fn legend_ui(ui: &mut Ui, chart: &Chart, weight: f32) {
    let dark = ui.visuals().dark_mode;
    for entry in &chart.legend {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(30.0, 14.0), Sense::hover());
            let painter = ui.painter();
            let mid = rect.center().y;
            match &entry.swatch {
                Swatch::Area(fill) => {
                    painter.rect_filled(rect.shrink2(Vec2::new(1.0, 2.0)), 0.0, fill_colour(fill, dark));
                }
                Swatch::Series(st) => {
                    let c = series_colour(st, dark);
                    let stroke = Stroke::new(st.width * weight, c);
                    let (a, b) = (Pos2::new(rect.left(), mid), Pos2::new(rect.right(), mid));
                    match st.line {
                        Some(Dash::Solid) => {
                            painter.line_segment([a, b], stroke);
                        }
                        Some(Dash::Dotted) => {
                            painter.extend(Shape::dotted_line(&[a, b], c, 4.0, st.width * weight * 0.6));
                        }
                        Some(_) => {
                            painter.extend(Shape::dashed_line(&[a, b], stroke, 6.0, 3.0));
                        }
                        None => {}
                    }
                    if let Some(m) = st.marker {
                        paint_marker(painter, m, rect.center(), st.marker_radius() * weight * 0.8, c);
                    }
                }
            }
            // Small beside a working chart; full size on a slide, for the back row.
            let text = egui::RichText::new(&entry.label);
            ui.add(egui::Label::new(if weight > 1.5 { text } else { text.small() }).wrap());
        });
    }
}

fn paint_marker(painter: &egui::Painter, m: Marker, c: Pos2, r: f32, colour: Color32) {
    let shape = match (m, m.polygon()) {
        (_, Some(corners)) => Shape::convex_polygon(
            corners.iter().map(|(x, y)| Pos2::new(c.x + x * r, c.y + y * r)).collect(),
            colour,
            Stroke::NONE,
        ),
        (Marker::Cross, None) => Shape::line(
            vec![
                Pos2::new(c.x - r, c.y - r),
                c,
                Pos2::new(c.x + r, c.y + r),
                c,
                Pos2::new(c.x - r, c.y + r),
                c,
                Pos2::new(c.x + r, c.y - r),
            ],
            Stroke::new(r * 0.5, colour),
        ),
        _ => Shape::circle_filled(c, r, colour),
    };
    painter.add(shape);
}

fn plot_ui(ui: &mut Ui, id: &str, chart: &Chart, style: &ChartStyle, reset: bool) -> (egui::Response, PlotTransform) {
    let dark = ui.visuals().dark_mode;
    let mut plot = plot_of(id, chart, style);
    if reset {
        plot = plot.reset();
    }
    let shown = plot.show(ui, |plot_ui| {
        areas(plot_ui, chart, dark);
        series_lines(plot_ui, chart, style.weight, dark);
        breaks_and_notes(plot_ui, chart, style.weight, dark);
    });
    (shown.response, shown.transform)
}

/// The plot of `chart`: its ticks, axis labels and bounds, and the hover text of a point (its
/// series, year, value with unit, and source). It borrows the chart: nothing is copied for a
/// frame.
fn plot_of<'a>(id: &str, chart: &'a Chart, style: &ChartStyle) -> Plot<'a> {
    let y_axis = &chart.y_axis;
    let y_ticks: Vec<f64> = y_axis.ticks.iter().filter_map(|&t| plotted(y_axis, t)).collect();
    let (y_min, y_max) = (plotted(y_axis, y_axis.min).unwrap_or(0.0), plotted(y_axis, y_axis.max).unwrap_or(1.0));
    // The plot remembers its bounds under its id: a new spec (another slide, a log or index
    // toggle) gets a new id, so it starts from the spec's own axes, not the last chart's view.
    let spec_id = (id, &chart.title, y_axis.scale == Scale::Log, y_axis.unit.as_str(), chart.series.len());
    let lang = style.lang;
    let plot = Plot::new(spec_id)
        .height(style.height)
        .x_grid_spacer(move |input| year_marks(&chart.x_axis.ticks, input))
        .y_grid_spacer(move |_| value_marks(&y_ticks))
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_axis_formatter(move |mark, _| readable(unplotted(y_axis, mark.value)))
        .label_formatter(move |hover| {
            let egui_plot::HoverPosition::NearDataPoint { plot_name, position, index } = hover else { return None };
            let series = chart.series.iter().find(|s| s.name == *plot_name)?;
            let point = series.points.get(*index)?;
            let value = unplotted(y_axis, position.y);
            let value = format!("{} {}", readable(value), y_axis.unit);
            Some(format!("{plot_name}\n{}\n{}", labelled(lang, format!("{:.0}", position.x), value), point.note))
        })
        .default_x_bounds(chart.x_axis.min - 0.5, chart.x_axis.max + 0.5)
        .default_y_bounds(y_min, if y_max > y_min { y_max } else { y_min + 1.0 })
        .show_x(style.crosshair)
        .show_y(style.crosshair)
        .allow_zoom(style.interactive)
        .allow_drag(style.interactive)
        .allow_scroll(false);
    if y_axis.unit.is_empty() {
        return plot;
    }
    let log = match (y_axis.scale, style.lang) {
        (Scale::Log, Lang::Zh) => "（对数刻度）",
        (Scale::Log, Lang::En) => " (log scale)",
        _ => "",
    };
    plot.y_axis_label(format!("{}{log}", y_axis.unit))
}

/// Goal zones and scenario bands, under everything else.
fn areas(plot_ui: &mut egui_plot::PlotUi<'_>, chart: &Chart, dark: bool) {
    let y_axis = &chart.y_axis;
    let y = |v: f64| plotted(y_axis, v);
    for goal in &chart.goals {
        let (x0, x1) = goal.x;
        let (Some(y0), Some(y1)) = (y(goal.y.0.max(y_axis.min)), y(goal.y.1)) else { continue };
        plot_ui.polygon(
            Polygon::new("goal", PlotPoints::from(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]))
                .fill_color(fill_colour(&crate::model::chart::style::GOAL_FILL, dark))
                .stroke(Stroke::NONE)
                .allow_hover(false),
        );
    }
    for band in &chart.bands {
        let pts: Vec<(f64, f64, f64)> =
            band.points.iter().filter_map(|&(x, lo, hi)| Some((x, y(lo)?, y(hi)?))).collect();
        let xs: Vec<f64> = pts.iter().map(|p| p.0).collect();
        let lows: Vec<f64> = pts.iter().map(|p| p.1).collect();
        let highs: Vec<f64> = pts.iter().map(|p| p.2).collect();
        plot_ui.add(
            FilledArea::new("band", &xs, &lows, &highs)
                .fill_color(fill_colour(&crate::model::chart::style::BAND_FILL, dark))
                .stroke(Stroke::NONE)
                .allow_hover(false),
        );
    }
}

/// Each series' line (broken where the data breaks) and markers.
fn series_lines(plot_ui: &mut egui_plot::PlotUi<'_>, chart: &Chart, w: f32, dark: bool) {
    let y = |v: f64| plotted(&chart.y_axis, v);
    for series in &chart.series {
        let st = &series.style;
        let c = series_colour(st, dark);
        let pts: Vec<[f64; 2]> = series.points.iter().filter_map(|p| Some([p.x, y(p.y)?])).collect();
        if let Some(dash) = st.line {
            // A break in the data (years without values) breaks the line.
            for run in chart.runs(series) {
                let run: Vec<[f64; 2]> = run.iter().filter_map(|p| Some([p.x, y(p.y)?])).collect();
                if run.len() > 1 {
                    plot_ui
                        .line(Line::new(series.name.clone(), run).color(c).width(st.width * w).style(line_style(dash)));
                }
            }
        }
        if let Some(m) = st.marker {
            plot_ui.points(
                Points::new(series.name.clone(), pts)
                    .shape(marker_shape(m))
                    .radius(st.marker_radius() * w)
                    .filled(true)
                    .color(c),
            );
        }
    }
}

/// Years without data shaded and named, and the notes on chart years as labelled rules.
fn breaks_and_notes(plot_ui: &mut egui_plot::PlotUi<'_>, chart: &Chart, w: f32, dark: bool) {
    let ink = colour(Colour::Ink, dark);
    let y_axis = &chart.y_axis;
    let (y_min, y_max) = (plotted(y_axis, y_axis.min).unwrap_or(0.0), plotted(y_axis, y_axis.max).unwrap_or(1.0));
    for b in &chart.breaks {
        let (x0, x1) = (f64::from(b.from) - 0.5, f64::from(b.to) + 0.5);
        plot_ui.polygon(
            Polygon::new("break", PlotPoints::from(vec![[x0, y_min], [x1, y_min], [x1, y_max], [x0, y_max]]))
                .fill_color(colour(Colour::Grey, dark).gamma_multiply(0.18))
                .stroke(Stroke::NONE)
                .allow_hover(false),
        );
        plot_ui.text(
            Text::new("break", PlotPoint::new((x0 + x1) / 2.0, y_max), egui::RichText::new(&b.label))
                .color(ink)
                .anchor(egui::Align2::CENTER_TOP),
        );
    }
    for a in &chart.annotations {
        let purple = colour(Colour::ReddishPurple, dark);
        plot_ui.vline(
            VLine::new(format!("{} {}", a.year, a.text), f64::from(a.year))
                .color(purple)
                .width(1.5 * w)
                .style(LineStyle::dashed_dense()),
        );
        // Inside the plot, beside its rule at the top (above the axis's top it would be cut off),
        // with its year as the exported SVG writes it.
        plot_ui.text(
            Text::new(
                "note",
                PlotPoint::new(f64::from(a.year), y_max),
                egui::RichText::new(format!(" {} {}", a.year, a.text)).size(11.0 + 3.0 * w).strong(),
            )
            .color(ink)
            .anchor(egui::Align2::LEFT_TOP),
        );
    }
}
