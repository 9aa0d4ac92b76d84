//! Presenter mode: one slide at a time, full screen, large type, thick lines; a caption
//! (baseline → target, latest actual, status), the source line at the bottom, a counter.

use crate::ui::command::{DeckCommand, ExportCommand, PresenterCommand};
use egui::{Align, FontId, Layout, RichText, Ui};

use super::keys::hint;
use super::map_view::{MapProps, map_ui};
use super::widgets::bars::{BarFill, bar_plot, region_legend, stat_bar_charts};
use super::widgets::chart::{ChartStyle, chart_ui};
use super::{Command, SlideStep};
use crate::i18n::{Lang, Msg, labelled, tr};
use crate::model::export::SLIDE_SIZE;
use crate::model::format::unit_words;
use crate::model::map::Pin;
use crate::model::regional::StatTable;
use crate::model::slide::{SlideBody, SlideSpec};
use crate::model::table::Table;

pub struct SlideProps<'a> {
    /// What the slide shows: the same spec every export of it draws.
    pub spec: &'a SlideSpec,
    pub index: usize,
    pub count: usize,
    /// How the deck was built (hover on the slide counter).
    pub about: Option<&'a str>,
    /// The presenter's own deck's name when it is that deck that runs (the plan's deck says
    /// what it is on its cover).
    pub deck_name: Option<&'a str>,
    /// Type scale (1 = the presenter default, already large).
    pub scale: f32,
    /// 投影高对比: every mark strong (solid bars).
    pub high_contrast: bool,
    /// A map pin's hover text.
    pub pin_text: &'a dyn Fn(&Pin) -> String,
    pub lang: Lang,
}

/// What only this view reads: the note being typed.
#[derive(Default)]
pub struct SlideViewState {
    pub note_year: String,
    pub note_text: String,
}

pub fn slide_ui(ui: &mut Ui, props: &SlideProps<'_>, draft: &mut SlideViewState) -> Vec<Command> {
    let mut actions = Vec::new();
    let s = props.scale;
    let lang = props.lang;
    actions.extend(control_line(ui, props, draft));
    let spec = props.spec;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(8.0 * s);
        ui.label(RichText::new(&spec.title).font(FontId::proportional(40.0 * s)).strong());
        if !spec.unit.is_empty() {
            ui.label(
                RichText::new(labelled(lang, tr(lang, Msg::Unit), unit_words(&spec.unit, lang)))
                    .font(FontId::proportional(20.0 * s)),
            );
        }
        ui.add_space(6.0 * s);
        let footer_lines = footer_lines(spec, lang, s);
        let footer = footer_height(ui, &footer_lines) + 24.0;
        let height = (ui.available_height() - footer).max(160.0);
        ui.scope(|ui| {
            ui.style_mut().text_styles.iter_mut().for_each(|(_, f)| f.size *= 1.35 * s);
            match &spec.body {
                SlideBody::Chart(chart) => {
                    // The crosshair shows while the presenter points, and goes after a moment of
                    // stillness (as a video player's controls do), so it never stays on the
                    // projected chart.
                    let still = ui.input(|i| i.pointer.time_since_last_movement()) > POINTER_REST_SECONDS;
                    if !still {
                        ui.ctx().request_repaint_after(std::time::Duration::from_secs_f32(POINTER_REST_SECONDS));
                    }
                    let style = ChartStyle {
                        height,
                        legend: true,
                        interactive: true,
                        weight: 2.2 * s,
                        lang,
                        crosshair: !still,
                    };
                    chart_ui(ui, "presenter_chart", chart, &style, false);
                }
                SlideBody::Regional { table, .. } => {
                    let fill = if props.high_contrast { BarFill::Solid } else { BarFill::Pastel };
                    regional_bars(ui, table, &spec.title, height, fill, lang)
                }
                SlideBody::Table(table) => table_ui(ui, table, height, s),
                SlideBody::Map { map, .. } => {
                    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                        ui.set_max_height(height);
                        // Clicks do nothing while presenting.
                        let _ = map_ui(ui, &MapProps { spec: map.as_ref(), pin_text: props.pin_text, selected: None });
                    });
                }
                SlideBody::Missing(why) => {
                    ui.label(why);
                }
                SlideBody::Cover { date, presenter } => cover_ui(ui, date, presenter, height, s),
            }
        });
        // Wrapped, never cut short: the back row reads the sources too (in the text colour, not
        // tiny), and the chart above leaves them the room they take.
        for (text, size) in footer_lines {
            ui.add(egui::Label::new(RichText::new(text).font(FontId::proportional(size))).wrap());
        }
    });
    actions
}

/// The lines under the slide's picture, with their type sizes: its caption, its notes and
/// every source.
fn footer_lines(spec: &SlideSpec, lang: Lang, s: f32) -> Vec<(String, f32)> {
    let mut lines = vec![(spec.caption.clone(), 24.0 * s)];
    lines.extend(spec.notes.iter().map(|n| (n.clone(), 17.0 * s)));
    lines.extend(spec.sources.iter().map(|source| (format!("{}{source}", tr(lang, Msg::SourcePrefix)), 17.0 * s)));
    lines
}

/// How tall [`footer_lines`] are, wrapped to `ui`'s width.
fn footer_height(ui: &Ui, lines: &[(String, f32)]) -> f32 {
    let width = ui.available_width();
    let spacing = ui.spacing().item_spacing.y;
    let colour = ui.visuals().text_color();
    ui.fonts_mut(|f| {
        lines
            .iter()
            .map(|(text, size)| f.layout(text.clone(), FontId::proportional(*size), colour, width).size().y + spacing)
            .sum()
    })
}

/// The control line at the very bottom: slide steps, exports, the deck, contrast, type size,
/// a note on a chart year, exit. (Exports are drawn from the slide's spec, not grabbed from the
/// screen, so they never include it.)
fn control_line(ui: &mut Ui, props: &SlideProps<'_>, draft: &mut SlideViewState) -> Vec<Command> {
    let lang = props.lang;
    let mut commands = Vec::new();
    egui::Panel::bottom("presenter_controls").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("◀").on_hover_text(hint(Msg::KeyPrevious)).clicked() {
                commands.push(Command::Presenter(PresenterCommand::Step(SlideStep::Previous)));
            }
            let counter = ui.label(RichText::new(format!("{} / {}", props.index + 1, props.count)).strong());
            if let Some(about) = props.about {
                counter.on_hover_text(about);
            }
            if let Some(name) = props.deck_name {
                ui.label(name);
            }
            if ui.button("▶").on_hover_text(hint(Msg::KeyNext)).clicked() {
                commands.push(Command::Presenter(PresenterCommand::Step(SlideStep::Next)));
            }
            ui.separator();
            ui.menu_button(tr(lang, Msg::ExportPng), |ui| {
                for scale in [1u8, 2, 4] {
                    let (w, h) = (SLIDE_SIZE.0 * f64::from(scale), SLIDE_SIZE.1 * f64::from(scale));
                    let label = format!("{scale}× · {w}×{h}{}", if scale == 4 { " (4K)" } else { "" });
                    if ui.button(label).clicked() {
                        commands.push(Command::Export(ExportCommand::SlidePng(scale)));
                    }
                }
            });
            for (msg, action) in [
                (Msg::ExportCsv, Command::Export(ExportCommand::SlideCsv)),
                (Msg::ExportBriefing, Command::Export(ExportCommand::BriefingHtml)),
                (Msg::ExportBriefingPdf, Command::Export(ExportCommand::BriefingPdf)),
                (Msg::ExportBriefingDocx, Command::Export(ExportCommand::BriefingDocx)),
                (Msg::AddToDeck, Command::Deck(DeckCommand::AddCurrentSlide)),
                (Msg::HighContrast, Command::Presenter(PresenterCommand::ToggleContrast)),
                (Msg::SpeakerView, Command::Presenter(PresenterCommand::ToggleSpeaker)),
            ] {
                if ui.button(tr(lang, msg)).on_hover_text(hint(msg)).clicked() {
                    commands.push(action);
                }
            }
            if ui.button("A+").clicked() {
                commands.push(Command::Presenter(PresenterCommand::Bigger));
            }
            if ui.button("A−").clicked() {
                commands.push(Command::Presenter(PresenterCommand::Smaller));
            }
            ui.separator();
            // A note on a chart year: typed in a small menu, so the line keeps to one row. A click
            // in its fields must not close it (a menu's default).
            let keep_open =
                egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::MenuButton::new(format!("{}…", tr(lang, Msg::AddNote))).config(keep_open).ui(
                ui,
                |ui| {
                    let year_label = ui.label(tr(lang, Msg::NoteYear));
                    ui.add(egui::TextEdit::singleline(&mut draft.note_year).desired_width(60.0))
                        .labelled_by(year_label.id);
                    let text_label = ui.label(tr(lang, Msg::NoteText));
                    ui.add(egui::TextEdit::singleline(&mut draft.note_text).desired_width(240.0))
                        .labelled_by(text_label.id);
                    if ui.button(tr(lang, Msg::AddNote)).clicked()
                        && let Ok(year) = draft.note_year.trim().parse::<u16>()
                        && !draft.note_text.trim().is_empty()
                    {
                        commands.push(Command::Presenter(PresenterCommand::AddNote {
                            year,
                            text: draft.note_text.trim().to_string(),
                        }));
                        draft.note_text.clear();
                        ui.close();
                    }
                },
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button(tr(lang, Msg::ExitPresenter)).on_hover_text(hint(Msg::ExitPresenter)).clicked() {
                    commands.push(Command::Presenter(PresenterCommand::Stop));
                }
            });
        });
    });
    commands
}

/// A cover's date and presenter's line, large and centred in the slide's body.
fn cover_ui(ui: &mut Ui, date: &str, presenter: &str, height: f32, s: f32) {
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        ui.set_min_height(height);
        ui.vertical_centered(|ui| {
            ui.add_space(height * 0.3);
            for line in [date, presenter].into_iter().filter(|l| !l.is_empty()) {
                ui.label(RichText::new(line).font(FontId::proportional(34.0 * s)));
                ui.add_space(12.0 * s);
            }
        });
    });
}

/// Seconds of pointer stillness after which a projected chart hides its crosshair.
const POINTER_REST_SECONDS: f32 = 1.5;

/// A slide's table in large type: columns share the slide's width (the last, the quote,
/// gets the most and wraps in smaller type), scrolling when longer than the slide.
fn table_ui(ui: &mut Ui, table: &Table, height: f32, s: f32) {
    let font = FontId::proportional(22.0 * s);
    let width = ui.available_width();
    // The third column is the quote on a targets slide: smaller, and the widest, so it fits.
    // Short words there (a verdict) keep the table's large type and leave the room to the rest.
    let long_third = table.rows.iter().any(|r| r.get(2).is_some_and(|c| c.chars().count() > 12));
    let shares = if long_third { [0.34, 0.22, 0.44] } else { [0.4, 0.38, 0.22] };
    let row = |ui: &mut Ui, cells: &[String], header: bool| {
        ui.horizontal_top(|ui| {
            for (k, cell) in cells.iter().enumerate() {
                let w = width * shares.get(k).copied().unwrap_or(0.2) - 12.0;
                let size = if k == 2 && long_third { FontId::proportional(16.0 * s) } else { font.clone() };
                let text =
                    if header { RichText::new(cell).font(size).strong() } else { RichText::new(cell).font(size) };
                ui.allocate_ui_with_layout(egui::vec2(w, 0.0), Layout::top_down(Align::Min), |ui| {
                    ui.set_width(w);
                    ui.add(egui::Label::new(text).wrap());
                });
            }
        });
    };
    egui::ScrollArea::vertical().max_height(height).show(ui, |ui| {
        row(ui, &table.header, true);
        ui.separator();
        for cells in &table.rows {
            row(ui, cells, false);
            ui.add_space(4.0 * s);
        }
    });
}

fn regional_bars(ui: &mut Ui, table: &StatTable, name: &str, height: f32, fill: BarFill, lang: Lang) {
    let names: Vec<String> = table.cities.iter().map(|c| c.name(lang).to_string()).collect();
    region_legend(ui, lang);
    let height = height - ui.spacing().interact_size.y;
    let charts = stat_bar_charts(table, lang, fill, |region, _| format!("{name} · {}", region.name(lang)));
    bar_plot(ui, "presenter_regional", names, height).y_axis_label(unit_words(&table.unit, lang)).show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::model::chart::Chart;
    use crate::ui::view_harness;

    #[test]
    fn the_control_line_moves_notes_and_exits() {
        let spec = SlideSpec {
            title: "研发经费投入强度".into(),
            unit: "%".into(),
            caption: "目标 2.2（2020）".into(),
            sources: vec!["《规划》第二章".to_string()],
            notes: Vec::new(),
            body: SlideBody::Chart(Chart::default()),
        };
        let mut draft = SlideViewState::default();
        let no_pin = |_: &Pin| String::new();
        let mut harness = view_harness(|ui| {
            let props = SlideProps {
                spec: &spec,
                index: 0,
                count: 3,
                about: None,
                deck_name: None,
                scale: 1.0,
                high_contrast: false,
                pin_text: &no_pin,
                lang: Lang::Zh,
            };
            slide_ui(ui, &props, &mut draft)
        });
        harness.get_by_label("1 / 3");
        harness.get_by_label("来源：《规划》第二章");
        harness.get_by_label("▶").click();
        harness.run();
        harness.get_by_label("添加注释…").click();
        harness.run();
        harness.get_by_label("年份").focus();
        harness.get_by_label("年份").type_text("2018");
        harness.get_by_label("注释").focus();
        harness.get_by_label("注释").type_text("GDP修订");
        harness.run();
        harness.get_by_label("添加注释").click();
        harness.run();
        harness.get_by_label("退出演示").click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Presenter(PresenterCommand::Step(SlideStep::Next))), "{commands:?}");
        assert!(
            commands.contains(&Command::Presenter(PresenterCommand::AddNote { year: 2018, text: "GDP修订".into() })),
            "{commands:?}"
        );
        assert!(commands.contains(&Command::Presenter(PresenterCommand::Stop)));
    }
}
