//! Draws a [`Chart`] with egui_plot: actual values solid, projections dashed, the plan's
//! target as a large marker with its goal zone shaded, both paths labelled, years on the
//! x axis, and the exact value with its source on hover.

use egui::{Color32, Stroke, Ui};
use egui_plot::{Corner, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, Polygon};

use super::palette;
use crate::model::chart::{Chart, Role};
use crate::model::format::number;
use crate::ui::i18n::{Lang, Msg, tr};

pub struct ChartStyle {
    pub height: f32,
    pub legend: bool,
    pub interactive: bool,
    /// Line and marker scale (presenters want thicker lines).
    pub weight: f32,
    /// The language of the legend's own words (the zones).
    pub lang: Lang,
}

impl ChartStyle {
    pub fn full(height: f32, lang: Lang) -> Self {
        ChartStyle { height, legend: true, interactive: true, weight: 1.0, lang }
    }

    pub fn small(lang: Lang) -> Self {
        ChartStyle { height: 140.0, legend: false, interactive: false, weight: 0.8, lang }
    }
}

pub fn chart_ui(ui: &mut Ui, id: &str, chart: &Chart, style: &ChartStyle, reset: bool) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let ink = if dark { Color32::from_gray(200) } else { Color32::from_gray(60) };
    let target_color = palette::TARGET;
    let goal_fill = palette::goal_fill(dark);
    let band_fill = palette::band_fill(dark);
    let hover_chart = chart.clone();
    let mut plot = Plot::new(id)
        .height(style.height)
        .x_axis_formatter(
            |mark, _| if mark.value.fract() == 0.0 { format!("{:.0}", mark.value) } else { String::new() },
        )
        .label_formatter(move |hover| {
            let egui_plot::HoverPosition::NearDataPoint { plot_name, position, index } = hover else { return None };
            let series = hover_chart.series.iter().find(|s| s.name == *plot_name)?;
            let point = series.points.get(*index)?;
            Some(format!("{plot_name}\n{:.0} 年：{}\n{}", position.x, number(position.y), point.note))
        })
        // An honest axis: values start from zero, and the years span at least 2010–2020, so a
        // lone target is not blown up to fill the chart.
        .include_y(0.0)
        .include_x(2010.0)
        .include_x(2020.0)
        .allow_zoom(style.interactive)
        .allow_drag(style.interactive)
        .allow_scroll(false);
    if style.legend {
        plot = plot.legend(Legend::default().position(Corner::LeftTop).text_style(egui::TextStyle::Small));
    }
    if !chart.unit.is_empty() {
        plot = plot.y_axis_label(chart.unit.clone());
    }
    if reset {
        plot = plot.reset();
    }
    let mut color_index = 0;
    let w = style.weight;
    plot.show(ui, |plot_ui| {
        for goal in &chart.goals {
            let (x0, x1) = goal.x;
            let (y0, y1) = goal.y;
            plot_ui.polygon(
                Polygon::new(
                    tr(style.lang, Msg::GoalZone),
                    PlotPoints::from(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]),
                )
                .fill_color(goal_fill)
                .stroke(Stroke::NONE),
            );
        }
        for band in &chart.bands {
            // egui fills convex shapes only: one trapezoid per year step, one legend entry.
            for pair in band.points.windows(2) {
                let [(x0, lo0, hi0), (x1, lo1, hi1)] = [pair[0], pair[1]];
                let quad = vec![[x0, lo0], [x1, lo1], [x1, hi1], [x0, hi0]];
                plot_ui.polygon(
                    Polygon::new(tr(style.lang, Msg::ScenarioRange), PlotPoints::from(quad))
                        .fill_color(band_fill)
                        .stroke(Stroke::NONE),
                );
            }
        }
        for series in &chart.series {
            let pts: Vec<[f64; 2]> = series.points.iter().map(|p| [p.x, p.y]).collect();
            match series.role {
                Role::Baseline => plot_ui.points(
                    Points::new(series.name.clone(), pts)
                        .shape(MarkerShape::Circle)
                        .radius(5.0 * w)
                        .filled(true)
                        .color(ink),
                ),
                Role::Target => plot_ui.points(
                    Points::new(series.name.clone(), pts)
                        .shape(MarkerShape::Diamond)
                        .radius(8.0 * w)
                        .filled(true)
                        .color(target_color),
                ),
                Role::AltTarget => {
                    let c = palette::SERIES[color_index % palette::SERIES.len()];
                    color_index += 1;
                    plot_ui.points(
                        Points::new(series.name.clone(), pts).shape(MarkerShape::Square).radius(7.0 * w).color(c),
                    );
                }
                Role::LinearPath => plot_ui.line(
                    Line::new(series.name.clone(), pts)
                        .color(ink.gamma_multiply(0.7))
                        .width(1.5 * w)
                        .style(LineStyle::dashed_loose()),
                ),
                Role::GrowthPath => plot_ui.line(
                    Line::new(series.name.clone(), pts)
                        .color(palette::SKY_BLUE)
                        .width(1.5 * w)
                        .style(LineStyle::dotted_dense()),
                ),
                Role::Actual | Role::Projection => {
                    let c = palette::SERIES[color_index % palette::SERIES.len()];
                    color_index += 1;
                    let line_style =
                        if series.role == Role::Actual { LineStyle::Solid } else { LineStyle::dashed_dense() };
                    if pts.len() > 1 {
                        plot_ui.line(
                            Line::new(series.name.clone(), pts.clone()).color(c).width(2.5 * w).style(line_style),
                        );
                    }
                    plot_ui.points(Points::new(series.name.clone(), pts).radius(3.5 * w).filled(true).color(c));
                }
            }
        }
    })
    .response
}
