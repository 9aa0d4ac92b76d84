//! Bar charts of the 盟市: one named mark per bar, no zoom or drag, and which bar a click hit.

use egui_plot::{Bar, BarChart, GridInput, GridMark, Plot};

use super::palette::region_color;
use crate::i18n::Lang;
use crate::model::places::Region;
use crate::model::regional::StatTable;

/// One x grid mark per bar, so that every bar gets its name.
fn every_bar(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (lo, hi) = (lo.ceil().max(0.0) as i64, hi.floor().min(10_000.0) as i64);
    (lo..=hi).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

/// One bar per 盟市 of `region` that has a value, observed or projected as asked; gaps are not
/// drawn.
fn stat_bars(table: &StatTable, region: Region, projected: bool, lang: Lang) -> Vec<Bar> {
    table
        .cities
        .iter()
        .enumerate()
        .filter(|(_, c)| c.region == region && c.projected() == projected)
        .filter_map(|(i, c)| c.value.map(|v| Bar::new(i as f64, v).name(c.name(lang)).width(0.7)))
        .collect()
}

/// A statistic's bars: one chart per half and kind, each half in its colour and its
/// projected values paler; `name(region, projected)` names each chart (the hover's words).
pub fn stat_bar_charts(table: &StatTable, lang: Lang, name: impl Fn(Region, bool) -> String) -> Vec<BarChart> {
    let mut charts = Vec::new();
    for region in Region::ALL {
        for projected in [false, true] {
            let bars = stat_bars(table, region, projected, lang);
            if bars.is_empty() {
                continue;
            }
            let colour = region_color(region);
            let colour = if projected { colour.gamma_multiply(0.45) } else { colour };
            charts.push(BarChart::new(name(region, projected), bars).color(colour));
        }
    }
    charts
}

/// The colours of east and west, as a line above a bar chart (a legend inside the plot would
/// cover bars).
pub fn region_legend(ui: &mut egui::Ui, lang: Lang) {
    ui.horizontal(|ui| {
        for region in Region::ALL {
            let (r, _) = ui.allocate_exact_size(egui::Vec2::new(18.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, region_color(region));
            ui.label(egui::RichText::new(region.name(lang)).color(region_color(region)).strong());
        }
    });
}

/// A fixed (no zoom or drag) bar plot with one named x mark per bar; its legend is
/// [`region_legend`], outside the plot.
pub fn bar_plot(id: &str, names: Vec<String>, height: f32) -> Plot<'static> {
    // Every slot stays on the axis, also when few of them have a bar.
    let slots = names.len() as f64;
    // A name of several words goes on several lines: the axis leaves out a label wider than
    // its bar's slot, and "Xilingol League" on one line is (issue 27 asks for no label ever
    // left out; this keeps the English names of the 盟市 on the axis).
    let names: Vec<String> = names.into_iter().map(|n| n.trim().replace(' ', "\n")).collect();
    Plot::new(id)
        .height(height)
        .include_x(-0.5)
        .include_x(slots - 0.5)
        .include_y(0.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .x_grid_spacer(every_bar)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
}

/// Which bar the pointer clicked, by its x position.
pub fn clicked_bar(response: &egui::Response, transform: &egui_plot::PlotTransform) -> Option<usize> {
    if !response.clicked() {
        return None;
    }
    let pos = response.interact_pointer_pos()?;
    let x = transform.value_from_position(pos).x.round();
    (x >= 0.0).then_some(x as usize)
}
