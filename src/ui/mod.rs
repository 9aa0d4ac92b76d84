//! The views. Each is a function of its props — what it draws — that returns the
//! [`Command`]s its widgets asked for; only the app changes state. What only a view reads
//! (a table's sort order, a path being typed) lives in a small `…State` struct it is lent.

pub mod command;
pub mod deck_editor;
pub mod entry_form;
pub mod evaluation_view;
pub mod fonts;
pub mod indicators_view;
pub mod keys;
pub mod map_view;
pub mod messages_panel;
pub mod node_view;
pub mod overlays;
pub mod overview;
pub mod presenter;
pub mod regions_view;
pub mod scenarios_view;
pub mod speaker;
pub mod top_bar;
pub mod tree;
pub mod whatif_view;
pub mod widgets;

pub use command::{Command, Grouping, MapChoice, RegionFilter, RegionalChoice, SlideStep, TreeKey, View};

/// Renders a view alone, as the per-view tests do: fonts installed first (a missing glyph
/// panics in tests), then the view on every frame, collecting the commands it pushes.
#[cfg(test)]
pub(crate) fn view_harness<'a>(
    mut view: impl FnMut(&mut egui::Ui) -> Vec<Command> + 'a,
) -> egui_kittest::Harness<'a, Vec<Command>> {
    let mut fonts_ready = false;
    let mut harness = egui_kittest::Harness::builder().with_size([1400.0, 900.0]).build_ui_state(
        move |ui, commands: &mut Vec<Command>| {
            if !fonts_ready {
                fonts::install_fonts(ui.ctx());
                fonts_ready = true;
                ui.ctx().request_repaint();
                return;
            }
            commands.extend(view(ui));
        },
        Vec::new(),
    );
    // A view with a spinner never settles; a few frames are enough to lay it out.
    harness.run_ok();
    harness
}

/// The embedded plan, for view tests.
#[cfg(test)]
pub(crate) fn test_document() -> crate::model::Document {
    let plan = crate::model::load::embedded_plan().expect("the embedded plan is valid");
    crate::model::Document::new(plan, "plan.ron")
}
