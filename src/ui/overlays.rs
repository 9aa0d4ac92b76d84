//! What floats above the page: the help window, the short confirmation toast, and the
//! overlay while files are dragged over the window.

use crate::ui::command::WindowCommand;
use egui::{Color32, Context};

use super::Command;
use crate::i18n::{Lang, Msg, paren, tr};

/// The keyboard shortcuts, one per line.
pub fn help_ui(ctx: &Context, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Window::new(tr(lang, Msg::Help)).collapsible(false).resizable(false).show(ctx, |ui| {
        for (heading, lines) in super::keys::help_lines(lang) {
            ui.label(egui::RichText::new(&heading).strong());
            egui::Grid::new(("shortcuts", heading.clone())).num_columns(2).show(ui, |ui| {
                for (keys, what) in lines {
                    ui.label(egui::RichText::new(keys).monospace());
                    ui.label(what);
                    ui.end_row();
                }
            });
        }
        if ui.button(tr(lang, Msg::Close)).clicked() {
            commands.push(Command::Window(WindowCommand::CloseHelp));
        }
    });
    commands
}

/// What the About window says: the version, the plan's text, the data built in, licences.
pub struct AboutProps<'a> {
    pub version: &'a str,
    pub plan_title: &'a str,
    pub drafted_by: &'a str,
    pub issued: &'a str,
    /// Where the east/west grouping comes from.
    pub grouping_source: &'a str,
    /// Each built-in scenario: its name, description and number of series.
    pub built_in: &'a [(String, String, usize)],
    pub lang: Lang,
}

pub fn about_ui(ctx: &Context, props: &AboutProps<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = props.lang;
    egui::Window::new(tr(lang, Msg::About)).collapsible(false).default_width(560.0).show(ctx, |ui| {
        ui.label(egui::RichText::new(format!("plan-explorer {} {}", tr(lang, Msg::Version), props.version)).strong());
        ui.label(tr(lang, Msg::Offline));
        ui.separator();
        ui.strong(tr(lang, Msg::PlanText));
        ui.label(format!(
            "《{}》 · {} · {}",
            props.plan_title.trim_matches(['《', '》']),
            props.drafted_by,
            props.issued
        ));
        ui.add(egui::Label::new(egui::RichText::new(props.grouping_source).small()).wrap());
        ui.separator();
        ui.strong(tr(lang, Msg::BuiltInData));
        for (name, description, series) in props.built_in {
            ui.label(format!("{name}{}", paren(lang, format!("{series} {}", tr(lang, Msg::SeriesCount)))));
            ui.add(egui::Label::new(egui::RichText::new(description).small()).wrap());
        }
        ui.label(egui::RichText::new(tr(lang, Msg::ValuesSourced)).small());
        ui.separator();
        ui.strong(tr(lang, Msg::Licences));
        for line in tr(lang, Msg::LicenceLines).split(" · ") {
            ui.label(egui::RichText::new(line).small());
        }
        if ui.button(tr(lang, Msg::Close)).clicked() {
            commands.push(Command::Window(WindowCommand::CloseAbout));
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
    fn about_names_the_version_the_sources_and_the_licences() {
        let built_in = vec![("实际值 2010–2023".to_string(), "逐值注明来源网址与原文摘录".to_string(), 42)];
        let mut harness = view_harness(|ui| {
            let props = AboutProps {
                version: "0.1.0",
                plan_title: "内蒙古自治区“十三五”科技创新规划",
                drafted_by: "内蒙古自治区科学技术厅",
                issued: "2017年7月4日",
                grouping_source: "东部（蒙东）五盟市",
                built_in: &built_in,
                lang: Lang::Zh,
            };
            about_ui(ui.ctx(), &props)
        });
        harness.get_by_label("plan-explorer 版本 0.1.0");
        harness.get_by_label("《内蒙古自治区“十三五”科技创新规划》 · 内蒙古自治区科学技术厅 · 2017年7月4日");
        harness.get_by_label_contains("实际值 2010–2023（42");
        harness.get_by_label_contains("Noto Sans CJK SC（SIL OFL 1.1");
        harness.get_by_label("关闭").click();
        harness.run();
        assert_eq!(harness.state().first(), Some(&Command::Window(WindowCommand::CloseAbout)));
    }

    #[test]
    fn help_lists_the_shortcuts_and_closes_on_request() {
        let mut harness = view_harness(|ui| help_ui(ui.ctx(), Lang::En));
        // Every line of the shortcut table, Ctrl+Y included.
        harness.get_by_label("F5");
        // Redo on the what-if, evaluation and scenario (the deck's) pages, each under its heading.
        assert_eq!(harness.get_all_by_label("Ctrl+Shift+Z / Ctrl+Y").count(), 3);
        harness.get_by_label("Final evaluation");
        harness.get_by_label("Scenarios");
        harness.get_by_label("While presenting");
        harness.get_by_label("Close").click();
        harness.run();
        assert_eq!(harness.state().first(), Some(&Command::Window(WindowCommand::CloseHelp)));
    }
}
