//! Bar charts of the 盟市: one named mark per bar, no zoom or drag, and which bar a click hit.

use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Plot};

use egui::Color32;

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

/// How bars are filled: pastel inside a strong outline on screen (egui_plot's way), or solid on
/// a projector (投影高对比), where a pastel fill washes out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BarFill {
    Pastel,
    Solid,
}

/// One bar per 盟市 of `region` that has a value, observed or projected as asked; gaps are not
/// drawn. Solid bars are filled with `colour` (a projection with it mixed half with white, so
/// that it stays told apart) inside a full-strength outline.
fn stat_bars(table: &StatTable, region: Region, projected: bool, fill: BarFill, lang: Lang) -> Vec<Bar> {
    let colour = region_color(region);
    let solid = if projected { lerp_to_white(colour, 0.5) } else { colour };
    table
        .cities
        .iter()
        .enumerate()
        .filter(|(_, c)| c.region == region && c.projected() == projected)
        .filter_map(|(i, c)| {
            let bar = Bar::new(i as f64, c.value?).name(c.name(lang)).width(0.7);
            Some(match fill {
                BarFill::Pastel => bar,
                BarFill::Solid => bar.fill(solid).stroke(egui::Stroke::new(2.0, colour)),
            })
        })
        .collect()
}

/// `colour` moved `t` of the way to white, opaque.
fn lerp_to_white(colour: Color32, t: f32) -> Color32 {
    let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * t).round() as u8;
    Color32::from_rgb(mix(colour.r()), mix(colour.g()), mix(colour.b()))
}

/// A statistic's bars: one chart per half and kind, each half in its colour and its
/// projected values paler; `name(region, projected)` names each chart (the hover's words).
pub fn stat_bar_charts(
    table: &StatTable,
    lang: Lang,
    fill: BarFill,
    name: impl Fn(Region, bool) -> String,
) -> Vec<BarChart> {
    let mut charts = Vec::new();
    for region in Region::ALL {
        for projected in [false, true] {
            let bars = stat_bars(table, region, projected, fill, lang);
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
/// [`region_legend`], outside the plot. Each name is broken into lines as narrow as its bar's
/// slot (see [`fit_name`]) at the type size of `ui`, so that larger type or a narrow column
/// never leaves a bar without its name.
pub fn bar_plot(ui: &egui::Ui, id: &str, names: Vec<String>, height: f32) -> Plot<'static> {
    // Every slot stays on the axis, also when few of them have a bar.
    let slots = names.len() as f64;
    let font = egui::TextStyle::Body.resolve(ui.style());
    // The y axis' numbers take about four digits' width of the plot's width.
    let slot_width = (ui.available_width() - 4.0 * font.size - 16.0) / names.len().max(1) as f32 - 6.0;
    let names: Vec<String> =
        ui.fonts_mut(|f| names.iter().map(|n| fit_name(n, slot_width, |c| f.glyph_width(&font, c))).collect());
    let axis = AxisHints::new_x()
        // The axis leaves out a label closer than this to the next: names are fitted instead.
        .label_spacing(0.0..=1.0)
        .formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        });
    Plot::new(id)
        .height(height)
        .include_x(-0.5)
        .include_x(slots - 0.5)
        .include_y(0.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .x_grid_spacer(every_bar)
        .custom_x_axes(vec![axis])
}

/// `name` in lines no wider than `width` (`glyph` gives a character's width): words stay whole
/// where they fit ("Xilingol / League"), a word or a Chinese name wider than the slot is broken
/// between characters, down to one character a line (a Chinese name then reads top to bottom,
/// as vertical labels do). egui_plot leaves out a tick label wider than its slot.
pub fn fit_name(name: &str, width: f32, mut glyph: impl FnMut(char) -> f32) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in name.split_whitespace() {
        let word_width: f32 = word.chars().map(&mut glyph).sum();
        let space = if line.is_empty() { 0.0 } else { glyph(' ') };
        if line_width + space + word_width <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        for c in word.chars() {
            let w = glyph(c);
            if !line.is_empty() && line_width + w > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
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
