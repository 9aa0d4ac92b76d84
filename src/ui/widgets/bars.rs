//! Bar charts of the 盟市: one named mark per bar, no zoom or drag, and which bar a click hit.

use egui_plot::{Bar, GridInput, GridMark, Legend, Plot};

use crate::model::places::Region;
use crate::model::regional::StatTable;

/// One x grid mark per bar, so that every bar gets its name.
fn every_bar(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (lo, hi) = (lo.ceil().max(0.0) as i64, hi.floor().min(10_000.0) as i64);
    (lo..=hi).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

/// One bar per 盟市 of `region` that has a value; gaps are not drawn.
pub fn stat_bars(table: &StatTable, region: Region) -> Vec<Bar> {
    table
        .cities
        .iter()
        .enumerate()
        .filter(|(_, c)| c.region == region)
        .filter_map(|(i, c)| c.value.map(|v| Bar::new(i as f64, v).name(&c.city).width(0.7)))
        .collect()
}

/// A fixed (no zoom or drag) bar plot with a legend and one named x mark per bar.
pub fn bar_plot(id: &str, names: Vec<String>, height: f32) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .legend(Legend::default())
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
