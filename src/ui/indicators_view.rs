//! The indicator view: a sortable table of every measure with a target (baseline, target,
//! statement, required growth, latest actual, progress, source) and the chart of the
//! selected measures, several of which can be compared as an index.

use crate::ui::command::{DeckCommand, ExportCommand, PageCommand, TreeCommand};
use egui::{Label, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Command;
use super::widgets::chart::{ChartStyle, chart_ui};
use super::widgets::palette;
use super::widgets::status::status_color;
use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::Document;
use crate::model::chart::{Chart, ChartOptions};
use crate::model::format::{number, unit_words};
use crate::model::summary::MeasureSummary;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The plan's own order.
    #[default]
    Plan,
    Name,
    Required,
    Latest,
    Status,
}

/// Table settings that live only while the app runs.
#[derive(Default)]
pub struct IndicatorsViewState {
    pub sort: SortKey,
    pub descending: bool,
    pub show_baseline_only: bool,
    pub reset_chart: bool,
}

pub struct IndicatorsProps<'a> {
    pub doc: &'a Document,
    pub summaries: &'a [MeasureSummary],
    pub selected: &'a [String],
    pub chart: &'a Chart,
    pub lang: Lang,
    pub options: ChartOptions,
    /// The parts of the region the chart can show (全区 first).
    pub regions: &'a [String],
}

pub fn indicators_ui(ui: &mut Ui, props: &IndicatorsProps<'_>, view: &mut IndicatorsViewState) -> Vec<Command> {
    let mut actions = Vec::new();
    toolbar(ui, props, view, &mut actions);
    let rows = sorted_rows(props, view);
    table(ui, props, view, &rows, &mut actions);
    chart_area(ui, props, view);
    actions
}

/// Exports, the chart's modes (index, log scale, all sources, part of the region), reset.
fn toolbar(ui: &mut Ui, props: &IndicatorsProps<'_>, view: &mut IndicatorsViewState, actions: &mut Vec<Command>) {
    let lang = props.lang;
    ui.horizontal(|ui| {
        for (msg, command) in [
            (Msg::ExportCsv, Command::Export(ExportCommand::ChartCsv)),
            (Msg::ExportTable, Command::Export(ExportCommand::Table)),
            (Msg::ExportBriefing, Command::Export(ExportCommand::BriefingHtml)),
            (Msg::ExportBriefingPdf, Command::Export(ExportCommand::BriefingPdf)),
            (Msg::ExportBriefingDocx, Command::Export(ExportCommand::BriefingDocx)),
            (Msg::AddToDeck, Command::Deck(DeckCommand::AddSelection)),
        ] {
            if ui.button(tr(lang, msg)).clicked() {
                actions.push(command);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut view.show_baseline_only, tr(lang, Msg::ShowAllStatements));
        let mut options = props.options.clone();
        if ui.checkbox(&mut options.index, tr(lang, Msg::IndexMode)).changed() {
            actions.push(Command::Page(PageCommand::SetIndexMode(options.index)));
        }
        if ui.checkbox(&mut options.log, tr(lang, Msg::LogScale)).changed() {
            actions.push(Command::Page(PageCommand::SetLogScale(options.log)));
        }
        // How many other sources there are, whether hidden or shown (muted).
        let others = if options.all_sources {
            props.chart.series.iter().filter(|s| s.style.muted).count()
        } else {
            props.chart.other_sources.len()
        };
        if others > 0 || options.all_sources {
            let label = format!("{}{}", tr(lang, Msg::AllSources), paren(lang, format!("+{others}")));
            let response = ui.checkbox(&mut options.all_sources, label);
            let response = response.on_hover_text(props.chart.preferred.join("\n"));
            if response.changed() {
                actions.push(Command::Page(PageCommand::SetAllSources(options.all_sources)));
            }
        }
        if props.regions.len() > 1 {
            let current = options.region.clone().unwrap_or_else(|| props.regions[0].clone());
            ui.push_id("chart_region", |ui| {
                egui::ComboBox::from_label(tr(lang, Msg::ChartRegion))
                    .selected_text(region_name(props.doc, &current, lang))
                    .show_ui(ui, |ui| {
                        for (k, region) in props.regions.iter().enumerate() {
                            let shown = region_name(props.doc, region, lang);
                            if ui.selectable_label(*region == current, shown).clicked() {
                                actions
                                    .push(Command::Page(PageCommand::SetChartRegion((k > 0).then(|| region.clone()))));
                            }
                        }
                    });
            });
        }
        if ui.button(tr(lang, Msg::ResetView)).clicked() {
            view.reset_chart = true;
        }
        ui.label(RichText::new(tr(lang, Msg::SelectIndicator)).weak().small());
    });
}

/// The measures the table lists (with a target, or all), in the order chosen.
fn sorted_rows<'a>(props: &IndicatorsProps<'a>, view: &IndicatorsViewState) -> Vec<&'a MeasureSummary> {
    let mut rows: Vec<&MeasureSummary> =
        props.summaries.iter().filter(|s| view.show_baseline_only || s.target.is_some()).collect();
    match view.sort {
        SortKey::Plan => rows.sort_by_key(|s| s.order),
        SortKey::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
        SortKey::Required => {
            rows.sort_by(|a, b| a.required_growth.unwrap_or(f64::MIN).total_cmp(&b.required_growth.unwrap_or(f64::MIN)))
        }
        SortKey::Latest => rows.sort_by_key(|s| s.latest.as_ref().map(|l| l.0)),
        SortKey::Status => rows.sort_by_key(|s| s.status()),
    }
    if view.descending {
        rows.reverse();
    }
    rows
}

/// The table of measures, sortable by its headers; a click on a name charts the measure.
fn table(
    ui: &mut Ui,
    props: &IndicatorsProps<'_>,
    view: &mut IndicatorsViewState,
    rows: &[&MeasureSummary],
    actions: &mut Vec<Command>,
) {
    let lang = props.lang;
    let table_height = (ui.available_height() * 0.42).max(160.0);
    ui.push_id("indicator_table", |ui| {
        let header = |ui: &mut Ui, view: &mut IndicatorsViewState, key: SortKey, msg: Msg| {
            let arrow = if view.sort == key { if view.descending { " ▼" } else { " ▲" } } else { "" };
            if ui.button(RichText::new(format!("{}{arrow}", tr(lang, msg))).strong()).clicked() {
                if view.sort == key {
                    view.descending = !view.descending;
                } else {
                    view.sort = key;
                    view.descending = false;
                }
            }
        };
        let w = ui.available_width() - 60.0;
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .max_scroll_height(table_height)
            .min_scrolled_height(table_height)
            // Shares of the width there is, so that every column, 进展 and 出处 included, fits
            // a 1024-wide window; text that does not fit is clipped, its cell hovers in full.
            .column(Column::initial(w * 0.22).at_least(110.0).clip(true))
            .column(Column::initial(w * 0.05).at_least(34.0).clip(true))
            .column(Column::initial(w * 0.11).at_least(60.0).clip(true))
            .column(Column::initial(w * 0.12).at_least(70.0).clip(true))
            .column(Column::initial(w * 0.07).at_least(40.0).clip(true))
            .column(Column::initial(w * 0.08).at_least(48.0).clip(true))
            .column(Column::initial(w * 0.11).at_least(60.0).clip(true))
            .column(Column::initial(w * 0.1).at_least(56.0).clip(true))
            .column(Column::remainder().at_least(50.0).clip(true))
            .header(24.0, |mut row| {
                row.col(|ui| header(ui, view, SortKey::Name, Msg::Name));
                row.col(|ui| {
                    ui.strong(tr(lang, Msg::Unit));
                });
                row.col(|ui| {
                    ui.strong(tr(lang, Msg::Baseline));
                });
                row.col(|ui| {
                    ui.strong(tr(lang, Msg::Target));
                });
                row.col(|ui| {
                    ui.strong(tr(lang, Msg::Comparator));
                });
                row.col(|ui| header(ui, view, SortKey::Required, Msg::RequiredGrowth));
                row.col(|ui| header(ui, view, SortKey::Latest, Msg::Latest));
                row.col(|ui| header(ui, view, SortKey::Status, Msg::Progress));
                row.col(|ui| header(ui, view, SortKey::Plan, Msg::Source));
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let Some(s) = rows.get(row.index()) else { return };
                    table_row(&mut row, s, props, actions);
                });
            });
    });
}

/// One measure's row: name, unit, baseline, target, statement, required growth, latest value,
/// progress and where the plan states it.
fn table_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    s: &MeasureSummary,
    props: &IndicatorsProps<'_>,
    actions: &mut Vec<Command>,
) {
    let lang = props.lang;
    let selected = props.selected.contains(&s.key);
    row.set_selected(selected);
    row.col(|ui| {
        let mut text = RichText::new(pick(lang, &s.name, &s.name_en));
        if s.conflict || s.inconsistency.is_some() {
            text = text.color(palette::ERROR);
        }
        let r = ui.add(egui::Button::selectable(selected, text).truncate());
        let r = match (&s.inconsistency, s.conflict) {
            (Some(why), _) => r.on_hover_text(labelled(lang, tr(lang, Msg::Inconsistent), why)),
            (None, true) => r.on_hover_text(tr(lang, Msg::Conflict)),
            (None, false) => r,
        };
        if r.clicked() {
            // A click shows the measure; comparing is deliberate: Ctrl/⌘-click.
            if ui.input(|i| i.modifiers.command) {
                actions.push(Command::Page(PageCommand::ToggleMeasure(s.key.clone())));
            } else {
                actions.push(Command::Page(PageCommand::OpenMeasure(s.key.clone())));
            }
        }
    });
    row.col(|ui| {
        if s.units_as_written.is_empty() {
            ui.label(unit_words(&s.unit, lang));
        } else {
            ui.label(s.units_as_written.join(" / ")).on_hover_text(tr(lang, Msg::UnitsDiffer));
        }
    });
    row.col(|ui| {
        ui.add(Label::new(s.baseline_text(lang)).truncate());
    });
    row.col(|ui| {
        ui.add(Label::new(s.target_text(lang)).truncate());
    });
    row.col(|ui| {
        ui.label(pick(lang, s.comparator.name_zh(), s.comparator.words_en()));
    });
    row.col(|ui| {
        if let Some(g) = s.required_growth {
            ui.label(format!("{g:.2}%"));
        }
    });
    row.col(|ui| {
        if let Some((y, v, label)) = &s.latest {
            ui.add(Label::new(format!("{}{}", number(*v), paren(lang, y))).truncate()).on_hover_text(label);
        }
    });
    row.col(|ui| match &s.assessment {
        Some(a) => {
            let text = RichText::new(a.status.text(lang)).color(status_color(a.status)).strong();
            let detail = format!(
                "{} {} → {} {}\n{} {}, {} {}, {} {}\n{}: {}",
                a.base_year,
                number(a.base_value),
                a.latest_year,
                number(a.latest_value),
                tr(lang, Msg::ObservedGrowth),
                a.observed_growth.map_or("—".into(), |g| format!("{g:.2}%")),
                tr(lang, Msg::Needed),
                a.required_growth.map_or("—".into(), |g| format!("{g:.2}%")),
                tr(lang, Msg::Ratio),
                a.ratio.map_or("—".into(), |r| format!("{r:.2}")),
                tr(lang, Msg::Basis),
                s.assessed_with,
            );
            ui.label(text).on_hover_text(detail);
        }
        None if s.target.is_some() => {
            ui.label(RichText::new(tr(lang, Msg::StatusNoData)).weak());
        }
        None => {}
    });
    row.col(|ui| {
        if let Some(node) = s.source_node {
            let n = &props.doc.plan.nodes[node];
            let label = props.doc.outline.citation(&props.doc.plan, node).replace("《规划》", "");
            let color = ui.visuals().hyperlink_color;
            let link = ui.add(Label::new(RichText::new(label).color(color)).truncate().sense(egui::Sense::click()));
            if link.on_hover_text(&n.text).clicked() {
                actions.push(Command::Tree(TreeCommand::Open(node)));
            }
        }
    });
}

/// The chart of the selected measures, its title, unit and notes.
fn chart_area(ui: &mut Ui, props: &IndicatorsProps<'_>, view: &mut IndicatorsViewState) {
    let lang = props.lang;
    ui.separator();
    if props.chart.series.is_empty() {
        ui.label(RichText::new(tr(lang, Msg::SelectIndicator)).weak());
        for note in &props.chart.notes {
            ui.label(RichText::new(note).weak());
        }
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&props.chart.title).heading());
        if !props.chart.y_axis.unit.is_empty() {
            ui.label(RichText::new(paren(lang, &props.chart.y_axis.unit)).weak());
        }
    });
    for note in &props.chart.notes {
        ui.label(RichText::new(note).weak());
    }
    let height = (ui.available_height() - 8.0).max(200.0);
    chart_ui(
        ui,
        "indicator_chart",
        props.chart,
        &ChartStyle::full(height, lang),
        std::mem::take(&mut view.reset_chart),
    );
}

/// A part of the region the chart can show, in the reader's language: 全区, a half or a 盟市.
fn region_name<'a>(doc: &'a Document, region: &'a str, lang: Lang) -> &'a str {
    if region == crate::model::scenario::WHOLE_REGION {
        return tr(lang, Msg::WholeRegion);
    }
    match crate::model::places::Region::ALL.into_iter().find(|r| r.name_zh() == region) {
        Some(half) => half.name(lang),
        None => doc.plan.places.city_name(region, lang),
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::model::scenario::embedded_actuals;
    use crate::model::summary::summarize;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn clicking_a_measure_toggles_it_and_the_toolbar_exports() {
        let doc = test_document();
        let actuals = embedded_actuals(&doc.plan);
        let scenarios: Vec<_> = actuals.iter().collect();
        let summaries = summarize(&doc, &scenarios);
        let chart = Chart::default();
        let mut state = IndicatorsViewState::default();
        let mut harness = view_harness(|ui| {
            let props = IndicatorsProps {
                doc: &doc,
                summaries: &summaries,
                selected: &[],
                chart: &chart,
                lang: Lang::Zh,
                options: ChartOptions::default(),
                regions: &[],
            };
            indicators_ui(ui, &props, &mut state)
        });
        harness.get_by_label("国家高新技术企业").click();
        harness.run();
        harness.get_by_label("技术市场合同交易总额").click_modifiers(egui::Modifiers::COMMAND);
        harness.run();
        harness.get_by_label("导出指标表 CSV").click();
        harness.run();
        let commands = harness.state();
        // A click shows one measure; a Ctrl/⌘-click adds one to compare.
        assert!(
            commands.contains(&Command::Page(PageCommand::OpenMeasure("high_tech_enterprises".into()))),
            "{commands:?}"
        );
        assert!(
            commands.contains(&Command::Page(PageCommand::ToggleMeasure("tech_contract_value".into()))),
            "{commands:?}"
        );
        assert!(commands.contains(&Command::Export(ExportCommand::Table)));
        // The row's values, formatted once for everyone.
        harness.get_by_label("237（2015）");
    }
}
