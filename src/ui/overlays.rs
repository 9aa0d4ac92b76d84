//! What floats above the page: the help window, the short confirmation toast, and the
//! overlay while files are dragged over the window.

use egui::{Color32, Context};

use super::Command;
use super::i18n::{Lang, Msg, tr};

/// The keyboard shortcuts, one per line.
pub fn help_ui(ctx: &Context, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Window::new(tr(lang, Msg::Help)).collapsible(false).resizable(false).show(ctx, |ui| {
        for line in tr(lang, Msg::Shortcuts).split(" · ") {
            ui.label(line);
        }
        if ui.button(tr(lang, Msg::Close)).clicked() {
            commands.push(Command::CloseHelp);
        }
    });
    commands
}

/// A short message at the bottom of the window ("copied").
pub fn toast_ui(ctx: &Context, text: &str) {
    egui::Area::new(egui::Id::unique("toast")).anchor(egui::Align2::CENTER_BOTTOM, [0.0, -24.0]).show(ctx, |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(text));
    });
}

/// Darkens the window and says "drop to open" while files hover over it.
pub fn drop_overlay(ctx: &Context, lang: Lang) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop")));
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        tr(lang, Msg::DropHere),
        egui::FontId::proportional(28.0),
        Color32::WHITE,
    );
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::view_harness;

    #[test]
    fn help_lists_the_shortcuts_and_closes_on_request() {
        let mut harness = view_harness(|ui| help_ui(ui.ctx(), Lang::En));
        harness.get_by_label("F5 reload scenarios");
        harness.get_by_label("Close").click();
        harness.run();
        assert_eq!(harness.state().first(), Some(&Command::CloseHelp));
    }
}
