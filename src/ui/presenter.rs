//! Presenter mode: one slide at a time, full screen, large type, thick lines; a caption
//! (baseline → target, latest actual, status), the source line at the bottom, a counter.

use egui::{Align, FontId, Layout, RichText, Ui};
use egui_plot::BarChart;

use super::chart::{ChartStyle, chart_ui};
use super::i18n::{Lang, Msg, tr};
use super::regions_view::{bar_plot, region_color, stat_bars};
use crate::model::chart::Chart;
use crate::model::deck::Annotation;
use crate::model::regional::StatTable;

/// What a slide shows, prepared by the app.
pub enum SlideView<'a> {
    Chart(&'a Chart),
    Regional(&'a StatTable, String),
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
    /// Type scale (1 = the presenter default, already large).
    pub scale: f32,
    pub lang: Lang,
}

/// What the presenter's control line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum PresenterAction {
    Previous,
    Next,
    Exit,
    ExportPng,
    ExportCsv,
    ExportBriefing,
    AddToDeck,
    AddNote(u16, String),
    ToggleContrast,
    Bigger,
    Smaller,
}

pub fn slide_ui(
    ui: &mut Ui,
    props: &SlideProps<'_>,
    note_draft: &mut (String, String),
) -> (Vec<PresenterAction>, egui::Rect) {
    let mut actions = Vec::new();
    let s = props.scale;
    let lang = props.lang;
    let slide_rect = ui.available_rect_before_wrap();
    // Controls at the very bottom, outside the exported slide.
    egui::Panel::bottom("presenter_controls").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("◀").on_hover_text("← / PageUp").clicked() {
                actions.push(PresenterAction::Previous);
            }
            ui.label(RichText::new(format!("{} / {}", props.index + 1, props.count)).strong());
            if ui.button("▶").on_hover_text("→ / PageDown").clicked() {
                actions.push(PresenterAction::Next);
            }
            ui.separator();
            for (msg, action) in [
                (Msg::ExportPng, PresenterAction::ExportPng),
                (Msg::ExportCsv, PresenterAction::ExportCsv),
                (Msg::ExportBriefing, PresenterAction::ExportBriefing),
                (Msg::AddToDeck, PresenterAction::AddToDeck),
                (Msg::HighContrast, PresenterAction::ToggleContrast),
            ] {
                if ui.button(tr(lang, msg)).clicked() {
                    actions.push(action);
                }
            }
            if ui.button("A+").clicked() {
                actions.push(PresenterAction::Bigger);
            }
            if ui.button("A−").clicked() {
                actions.push(PresenterAction::Smaller);
            }
            ui.separator();
            let year_label = ui.label(tr(lang, Msg::NoteYear));
            ui.add(egui::TextEdit::singleline(&mut note_draft.0).desired_width(48.0)).labelled_by(year_label.id);
            let text_label = ui.label(tr(lang, Msg::NoteText));
            ui.add(egui::TextEdit::singleline(&mut note_draft.1).desired_width(180.0)).labelled_by(text_label.id);
            if ui.button(tr(lang, Msg::AddNote)).clicked()
                && let Ok(year) = note_draft.0.trim().parse::<u16>()
                && !note_draft.1.trim().is_empty()
            {
                actions.push(PresenterAction::AddNote(year, note_draft.1.trim().to_string()));
                note_draft.1.clear();
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.button(tr(lang, Msg::ExitPresenter)).on_hover_text("Esc").clicked() {
                    actions.push(PresenterAction::Exit);
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
                    let style = ChartStyle { height, legend: true, interactive: true, weight: 2.2 * s };
                    chart_with_notes(ui, chart, &style, props.notes);
                }
                SlideView::Regional(table, name) => regional_bars(ui, table, name, height, lang),
            }
        });
        ui.label(RichText::new(props.caption).font(FontId::proportional(24.0 * s)));
        for source in props.sources.iter().take(3) {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{}{source}", tr(lang, Msg::SourcePrefix)))
                        .font(FontId::proportional(14.0 * s))
                        .weak(),
                )
                .truncate(),
            );
        }
    });
    (actions, slide_rect)
}

fn chart_with_notes(ui: &mut Ui, chart: &Chart, style: &ChartStyle, notes: &[Annotation]) {
    if notes.is_empty() {
        chart_ui(ui, "presenter_chart", chart, style, false);
        return;
    }
    // Each note becomes a labelled marker at the top of the chart in its year, so it shows
    // in the legend too.
    let mut with_notes = chart.clone();
    let top = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.y)).fold(f64::MIN, f64::max);
    for note in notes {
        with_notes.series.push(crate::model::chart::ChartSeries {
            name: format!("注：{}（{}）", note.text, note.year),
            role: crate::model::chart::Role::Baseline,
            measure: String::new(),
            points: vec![crate::model::chart::ChartPoint { x: f64::from(note.year), y: top, note: note.text.clone() }],
        });
    }
    chart_ui(ui, "presenter_chart", &with_notes, style, false);
}

fn regional_bars(ui: &mut Ui, table: &StatTable, name: &str, height: f32, lang: Lang) {
    let names: Vec<String> = table.cities.iter().map(|c| c.city.clone()).collect();
    bar_plot("presenter_regional", names, height).y_axis_label(table.unit.clone()).show(ui, |plot_ui| {
        for region in crate::model::Region::ALL {
            let label = match lang {
                Lang::Zh => region.name_zh(),
                Lang::En => region.name_en(),
            };
            plot_ui.bar_chart(
                BarChart::new(format!("{name} · {label}"), stat_bars(table, region)).color(region_color(region)),
            );
        }
    });
}
