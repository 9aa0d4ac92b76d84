//! Presenter mode: one slide at a time, full screen, large type, thick lines; a caption
//! (baseline → target, latest actual, status), the source line at the bottom, a counter.

use egui::{Align, FontId, Layout, RichText, Ui};

use super::map_view::{MapProps, map_ui};
use super::widgets::bars::{bar_plot, region_legend, stat_bar_charts};
use super::widgets::chart::{ChartStyle, chart_ui};
use super::{Command, SlideStep};
use crate::i18n::{Lang, Msg, tr};
use crate::model::chart::Chart;
use crate::model::chart::svg::Table;
use crate::model::deck::Annotation;
use crate::model::regional::StatTable;

/// What a slide shows, prepared by the app.
pub enum SlideView<'a> {
    Chart(&'a Chart),
    Regional(&'a StatTable, String),
    /// A table in large type (a chapter's targets).
    Table(&'a Table),
    /// The map of the 盟市 (clicks do nothing while presenting).
    Map(MapProps<'a>),
}

pub struct SlideProps<'a> {
    pub title: &'a str,
    pub unit: &'a str,
    pub caption: &'a str,
    pub sources: &'a [String],
    pub view: SlideView<'a>,
    pub notes: &'a [Annotation],
    pub index: usize,
    pub count: usize,
    /// How the deck was built (hover on the slide counter).
    pub about: Option<&'a str>,
    /// Type scale (1 = the presenter default, already large).
    pub scale: f32,
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
    // Controls at the very bottom. (Exports are drawn from the slide's spec, not grabbed from
    // the screen, so they never include these.)
    egui::Panel::bottom("presenter_controls").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("◀").on_hover_text("← / PageUp").clicked() {
                actions.push(Command::Slide(SlideStep::Previous));
            }
            let counter = ui.label(RichText::new(format!("{} / {}", props.index + 1, props.count)).strong());
            if let Some(about) = props.about {
                counter.on_hover_text(about);
            }
            if ui.button("▶").on_hover_text("→ / PageDown").clicked() {
                actions.push(Command::Slide(SlideStep::Next));
            }
            ui.separator();
            ui.menu_button(tr(lang, Msg::ExportPng), |ui| {
                for (label, scale) in [("1× · 960×540", 1), ("2× · 1920×1080", 2), ("4× · 3840×2160 (4K)", 4)]
                {
                    if ui.button(label).clicked() {
                        actions.push(Command::ExportSlidePng(scale));
                    }
                }
            });
            for (msg, action) in [
                (Msg::ExportCsv, Command::ExportSlideCsv),
                (Msg::ExportBriefing, Command::ExportBriefing),
                (Msg::ExportBriefingPdf, Command::ExportBriefingPdf),
                (Msg::AddToDeck, Command::AddCurrentSlideToDeck),
                (Msg::HighContrast, Command::ToggleContrast),
            ] {
                if ui.button(tr(lang, msg)).clicked() {
                    actions.push(action);
                }
            }
            if ui.button("A+").clicked() {
                actions.push(Command::PresenterBigger);
            }
            if ui.button("A−").clicked() {
                actions.push(Command::PresenterSmaller);
            }
            ui.separator();
            let year_label = ui.label(tr(lang, Msg::NoteYear));
            ui.add(egui::TextEdit::singleline(&mut draft.note_year).desired_width(48.0)).labelled_by(year_label.id);
            let text_label = ui.label(tr(lang, Msg::NoteText));
            ui.add(egui::TextEdit::singleline(&mut draft.note_text).desired_width(180.0)).labelled_by(text_label.id);
            if ui.button(tr(lang, Msg::AddNote)).clicked()
                && let Ok(year) = draft.note_year.trim().parse::<u16>()
                && !draft.note_text.trim().is_empty()
            {
                actions.push(Command::AddNote { year, text: draft.note_text.trim().to_string() });
                draft.note_text.clear();
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button(tr(lang, Msg::ExitPresenter)).on_hover_text("Esc").clicked() {
                    actions.push(Command::StopPresenting);
                }
            });
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(8.0 * s);
        ui.label(RichText::new(props.title).font(FontId::proportional(40.0 * s)).strong());
        if !props.unit.is_empty() {
            ui.label(
                RichText::new(format!("{}：{}", tr(lang, Msg::Unit), props.unit)).font(FontId::proportional(20.0 * s)),
            );
        }
        ui.add_space(6.0 * s);
        let footer = (26.0 + 18.0 * props.sources.len().min(3) as f32) * s + 24.0;
        let height = (ui.available_height() - footer).max(160.0);
        ui.scope(|ui| {
            ui.style_mut().text_styles.iter_mut().for_each(|(_, f)| f.size *= 1.35 * s);
            match &props.view {
                SlideView::Chart(chart) => {
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
                    chart_with_notes(ui, chart, &style, props.notes);
                }
                SlideView::Regional(table, name) => regional_bars(ui, table, name, height, lang),
                SlideView::Table(table) => table_ui(ui, table, height, s),
                SlideView::Map(map) => {
                    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                        ui.set_max_height(height);
                        let _ = map_ui(ui, map);
                    });
                }
            }
        });
        ui.label(RichText::new(props.caption).font(FontId::proportional(24.0 * s)));
        for source in props.sources.iter().take(3) {
            ui.add(
                egui::Label::new(
                    // In the text colour and not tiny: the back row reads sources too.
                    RichText::new(format!("{}{source}", tr(lang, Msg::SourcePrefix)))
                        .font(FontId::proportional(17.0 * s)),
                )
                .truncate(),
            );
        }
    });
    actions
}

/// Seconds of pointer stillness after which a projected chart hides its crosshair.
const POINTER_REST_SECONDS: f32 = 1.5;

fn chart_with_notes(ui: &mut Ui, chart: &Chart, style: &ChartStyle, notes: &[Annotation]) {
    if notes.is_empty() {
        chart_ui(ui, "presenter_chart", chart, style, false);
        return;
    }
    // Each note is a labelled vertical rule at its year, as in every export.
    let with_notes = chart.clone().with_annotations(notes.iter().map(|n| (n.year, n.text.clone())));
    chart_ui(ui, "presenter_chart", &with_notes, style, false);
}

/// A slide's table in large type: columns share the slide's width (the last, the quote,
/// gets the most and wraps in smaller type), scrolling when longer than the slide.
fn table_ui(ui: &mut Ui, table: &Table, height: f32, s: f32) {
    let font = FontId::proportional(22.0 * s);
    let width = ui.available_width();
    let shares = [0.34, 0.22, 0.44];
    let row = |ui: &mut Ui, cells: &[String], header: bool| {
        ui.horizontal_top(|ui| {
            for (k, cell) in cells.iter().enumerate() {
                let w = width * shares.get(k).copied().unwrap_or(0.2) - 12.0;
                let size = if k == 2 { FontId::proportional(16.0 * s) } else { font.clone() };
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

fn regional_bars(ui: &mut Ui, table: &StatTable, name: &str, height: f32, lang: Lang) {
    let names: Vec<String> = table.cities.iter().map(|c| c.city.clone()).collect();
    region_legend(ui, lang);
    let height = height - ui.spacing().interact_size.y;
    let charts = stat_bar_charts(table, |region, _| format!("{name} · {}", region.name(lang)));
    bar_plot("presenter_regional", names, height).y_axis_label(table.unit.clone()).show(ui, |plot_ui| {
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::view_harness;

    #[test]
    fn the_control_line_moves_notes_and_exits() {
        let chart = Chart::default();
        let mut draft = SlideViewState::default();
        let mut harness = view_harness(|ui| {
            let props = SlideProps {
                title: "研发经费投入强度",
                unit: "%",
                caption: "目标 2.2（2020）",
                sources: &["《规划》第二章".to_string()],
                view: SlideView::Chart(&chart),
                notes: &[],
                index: 0,
                count: 3,
                about: None,
                scale: 1.0,
                lang: Lang::Zh,
            };
            slide_ui(ui, &props, &mut draft)
        });
        harness.get_by_label("1 / 3");
        harness.get_by_label("来源：《规划》第二章");
        harness.get_by_label("▶").click();
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
        assert!(commands.contains(&Command::Slide(SlideStep::Next)), "{commands:?}");
        assert!(commands.contains(&Command::AddNote { year: 2018, text: "GDP修订".into() }), "{commands:?}");
        assert!(commands.contains(&Command::StopPresenting));
    }
}
