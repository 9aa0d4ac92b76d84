//! The final evaluation page: every target, judged by the actual value in its target year,
//! narrowed by verdict; a click on a name opens its chart, hovering a source shows the quote.

use crate::ui::command::{EvaluationCommand, ExportCommand, PageCommand};
use egui::{Label, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::Command;
use super::entry_form::{EntryForm, entry_form};
use super::widgets::palette;
use super::widgets::status::verdict_color;
use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::evaluation::{Reading, Rule, Tally, TargetEvaluation, Verdict};
use crate::model::format::target_words;
use crate::model::format::{number, unit_words, with_unit};
use crate::model::plan::Plan;
use crate::model::scenario::Scenario;

pub struct EvaluationProps<'a> {
    pub evaluations: &'a [TargetEvaluation],
    pub filter: Option<Verdict>,
    pub rule: Rule,
    pub plan: &'a Plan,
    /// The values entered so far (the file of entries as loaded), to prefill the form.
    pub entries: Option<&'a Scenario>,
    /// Whether an entry can be undone / redone.
    pub can_undo: bool,
    pub can_redo: bool,
    pub lang: Lang,
}

/// What only this view reads: the value being entered.
#[derive(Default)]
pub struct EvaluationViewState {
    pub form: Option<EntryForm>,
}

/// A reading's source on hover: the series, the address, the quote, any formula and note.
pub fn reading_hover(r: &Reading) -> String {
    let mut lines = vec![r.series.clone(), r.source.clone()];
    if !r.quote.is_empty() {
        lines.push(format!("“{}”", r.quote));
    }
    if let Some(d) = &r.derived {
        lines.push(d.clone());
    }
    if !r.note.is_empty() {
        lines.push(r.note.clone());
    }
    lines.join("\n")
}

pub fn evaluation_ui(ui: &mut Ui, props: &EvaluationProps<'_>, state: &mut EvaluationViewState) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = props.lang;
    ui.heading(tr(lang, Msg::EvaluationTitle));
    ui.label(RichText::new(tr(lang, Msg::EvaluationExplain)).weak());
    let tally = Tally::of(props.evaluations);
    ui.horizontal_wrapped(|ui| {
        ui.strong(tally.rate_words(lang));
        if tally.exceeded + tally.ahead > 0 {
            ui.label(match lang {
                Lang::Zh => format!("其中超额完成 {}、提前完成 {}", tally.exceeded, tally.ahead),
                Lang::En => format!("of which exceeded {}, ahead of time {}", tally.exceeded, tally.ahead),
            });
        }
        ui.separator();
        ui.label(RichText::new(props.rule.words(lang)).weak());
        let mut percent = props.rule.nearly_met_percent;
        let label = ui.label(tr(lang, Msg::NearlyMetLine));
        let line = egui::DragValue::new(&mut percent).range(Rule::RANGE).speed(0.5).suffix("%");
        if ui.add(line).labelled_by(label.id).changed() {
            commands.push(EvaluationCommand::SetNearlyMetPercent(percent).into());
        }
    });
    ui.horizontal_wrapped(|ui| {
        let all = format!("{} {}", tr(lang, Msg::EvaluationAll), props.evaluations.len());
        if ui.selectable_label(props.filter.is_none(), all).clicked() {
            commands.push(Command::Page(PageCommand::ShowEvaluation(None)));
        }
        for verdict in Verdict::ALL {
            let text =
                RichText::new(format!("{} {}", verdict.text(lang), tally.count(verdict))).color(verdict_color(verdict));
            if ui.selectable_label(props.filter == Some(verdict), text).clicked() {
                commands.push(Command::Page(PageCommand::ShowEvaluation(Some(verdict))));
            }
        }
        ui.separator();
        if ui.button(tr(lang, Msg::ExportEvaluation)).clicked() {
            commands.push(Command::Export(ExportCommand::Evaluation));
        }
        if ui.button(tr(lang, Msg::ExportEvaluationDocx)).clicked() {
            commands.push(Command::Export(ExportCommand::EvaluationDocx));
        }
        if ui.button(tr(lang, Msg::ExportFillIn)).on_hover_text(tr(lang, Msg::ExportFillInHint)).clicked() {
            commands.push(Command::Export(ExportCommand::FillInWorkbook));
        }
        if ui.add_enabled(props.entries.is_some(), egui::Button::new(tr(lang, Msg::ExportEntries))).clicked() {
            commands.push(Command::Export(ExportCommand::Entries));
        }
        let save_as = egui::Button::new(tr(lang, Msg::SaveEntriesAs));
        if ui.add_enabled(props.entries.is_some(), save_as).on_hover_text(tr(lang, Msg::SaveEntriesAsHint)).clicked() {
            commands.push(Command::Export(ExportCommand::EntriesSaveAs));
        }
        if ui.add_enabled(props.can_undo, egui::Button::new(tr(lang, Msg::Undo))).clicked() {
            commands.push(EvaluationCommand::Undo.into());
        }
        if ui.add_enabled(props.can_redo, egui::Button::new(tr(lang, Msg::Redo))).clicked() {
            commands.push(EvaluationCommand::Redo.into());
        }
    });
    standing_rules_ui(ui, props.plan, lang);
    ui.add_space(4.0);
    let rows: Vec<&TargetEvaluation> =
        props.evaluations.iter().filter(|e| props.filter.is_none_or(|f| e.verdict == f)).collect();
    let mut open_form = None;
    TableBuilder::new(ui)
        .striped(true)
        // Sized so that the 数据来源 column starts inside a 1280-pixel window beside the tree
        // (narrower windows scroll sideways); the names and targets are cut with … and whole
        // on hover.
        .column(Column::initial(190.0).at_least(120.0).clip(true))
        .column(Column::initial(116.0).at_least(90.0).clip(true))
        .column(Column::initial(76.0).at_least(60.0))
        .column(Column::initial(92.0).at_least(70.0))
        .column(Column::initial(64.0).at_least(50.0))
        .column(Column::initial(84.0).at_least(60.0))
        .column(Column::initial(58.0).at_least(50.0))
        .column(Column::initial(44.0).at_least(40.0))
        .column(Column::remainder().at_least(110.0).clip(true))
        .header(24.0, |mut h| {
            for msg in [
                Msg::Name,
                Msg::Target,
                Msg::Verdict,
                Msg::ValueInTargetYear,
                Msg::Completion,
                Msg::Gap,
                Msg::FirstMet,
                Msg::EnterValue,
                Msg::DataSource,
            ] {
                h.col(|ui| {
                    ui.strong(tr(lang, msg));
                });
            }
        })
        .body(|body| {
            body.rows(24.0, rows.len(), |mut row| {
                if let Some(e) = rows.get(row.index())
                    && evaluation_row(&mut row, e, lang, &mut commands)
                {
                    open_form = Some(EntryForm::for_target(e, props.entries, lang));
                }
            });
        });
    if open_form.is_some() {
        state.form = open_form;
    }
    commands.extend(entry_form(ui, props.plan, props.lang, state));
    commands
}

/// One target's row: name, target, verdict, value in the target year, completion, gap,
/// first year met, the 填报 button and the series it was judged by (its source and the other
/// sources on hover). True when 填报 was clicked.
fn evaluation_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    e: &TargetEvaluation,
    lang: Lang,
    commands: &mut Vec<Command>,
) -> bool {
    let unit = unit_words(&e.unit, lang);
    row.col(|ui| {
        let name = pick(lang, &e.name, &e.name_en);
        if ui.add(Label::new(RichText::new(name).underline()).truncate().sense(Sense::click())).clicked() {
            commands.push(Command::Page(PageCommand::OpenMeasure(e.key.clone())));
        }
    });
    row.col(|ui| {
        let target =
            target_words(e.comparator, e.target_value, e.upper, &e.unit, (e.target_year, e.year_implied), lang);
        if e.rival_targets.is_empty() {
            // One line: a wrapped target ran into the next row (the whole text on hover).
            ui.add(Label::new(target).truncate());
        } else {
            // The plan contradicts itself: say so where the target is read.
            let rivals: Vec<String> = e.rival_targets.iter().map(|v| number(*v)).collect();
            ui.label(RichText::new(format!("⚠ {target}")).color(palette::ERROR))
                .on_hover_text(format!("{} {unit}", labelled(lang, tr(lang, Msg::Conflict), rivals.join(" / "))));
        }
    });
    row.col(|ui| {
        let mut text = e.verdict.text(lang).to_string();
        if e.exceeded() {
            text.push_str(&paren(lang, tr(lang, Msg::Exceeded)));
        } else if e.ahead() {
            text.push_str(&paren(lang, tr(lang, Msg::Ahead)));
        }
        if e.overridden.is_some() {
            text.push_str(&paren(lang, tr(lang, Msg::VerdictSetBy)));
        }
        let verdict = ui.label(RichText::new(text).color(verdict_color(e.verdict)));
        if let Some(o) = &e.overridden {
            verdict.on_hover_text(format!(
                "{}\n{}\n{}",
                labelled(lang, tr(lang, Msg::ComputedVerdict), o.computed.text(lang)),
                labelled(lang, tr(lang, Msg::VerdictNote), &o.note),
                o.by
            ));
        } else if e.comparator.states_a_change() && e.verdict == Verdict::NoData {
            verdict.on_hover_text(tr(lang, Msg::StatedAsChange));
        } else if e.sources_disagree {
            verdict.on_hover_text(tr(lang, Msg::SourcesDisagree));
        }
    });
    row.col(|ui| {
        if let Some(r) = &e.judged {
            ui.label(with_unit(Some(r.value), &unit, "—"));
        } else {
            ui.label("—");
        }
    });
    row.col(|ui| {
        ui.label(e.completion.map_or("—".to_string(), |c| format!("{c:.1}%")));
    });
    row.col(|ui| {
        let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
        let sign = |g: f64| if g > 0.0 { "+" } else { "" };
        ui.label(e.gap.map_or("—".to_string(), |g| format!("{}{}{unit}", sign(g), number(g))));
    });
    row.col(|ui| match e.first_met {
        Some(y) if y > e.target_year => {
            ui.label(format!("{y}")).on_hover_text(tr(lang, Msg::MetLate));
        }
        Some(y) => {
            ui.label(y.to_string());
        }
        None => {
            ui.label("—");
        }
    });
    let mut enter = false;
    row.col(|ui| {
        // The button names its target, so a screen reader (and a test) tells the rows apart.
        let button = egui::Button::new(tr(lang, Msg::EnterShort)).small();
        let response = ui.add(button).on_hover_text(pick(lang, &e.name, &e.name_en));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("{} {}", tr(lang, Msg::EnterValue), pick(lang, &e.name, &e.name_en)),
            )
        });
        enter = response.clicked();
    });
    row.col(|ui| {
        if let Some(r) = &e.judged {
            let mut hover = reading_hover(r);
            for o in &e.others {
                hover.push_str(&format!(
                    "\n\n{} {unit}\n{}",
                    labelled(lang, tr(lang, Msg::OtherSources), number(o.value)),
                    reading_hover(o)
                ));
            }
            let text = if e.others.is_empty() {
                r.series.clone()
            } else {
                format!("{}{}", r.series, paren(lang, format!("+{}", e.others.len())))
            };
            ui.add(Label::new(RichText::new(text).weak()).truncate()).on_hover_text(hover);
        }
    });
    enter
}

/// The plan's standing rules, listed apart from the targets: what each asks, in the plan's words.
fn standing_rules_ui(ui: &mut Ui, plan: &Plan, lang: Lang) {
    let rules = crate::model::evaluation::standing_rules(plan);
    if rules.is_empty() {
        return;
    }
    let title = format!("{} {}", tr(lang, Msg::StandingRules), rules.len());
    egui::CollapsingHeader::new(title).id_salt("standing-rules").show(ui, |ui| {
        ui.label(RichText::new(tr(lang, Msg::StandingRulesExplain)).weak());
        for rule in rules {
            let Some(asks) = crate::model::evaluation::rule_asks(rule, lang) else { continue };
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{}  {asks}", pick(lang, &rule.name, &rule.name_en)));
                ui.label(RichText::new(format!("“{}”", rule.quote)).weak());
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::model::evaluation::evaluate;
    use crate::model::scenario::embedded_actuals;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn a_verdict_narrows_the_table_and_a_name_opens_its_chart() {
        let doc = test_document();
        let actuals = embedded_actuals(&doc.plan).expect("actuals");
        let evaluations = evaluate(&doc, &[&actuals], Rule::default());
        let mut state = EvaluationViewState::default();
        let mut harness = view_harness(|ui| {
            let props = EvaluationProps {
                evaluations: &evaluations,
                filter: Some(Verdict::NotMet),
                rule: Rule::default(),
                plan: &doc.plan,
                entries: None,
                can_undo: false,
                can_redo: false,
                lang: Lang::Zh,
            };
            evaluation_ui(ui, &props, &mut state)
        });
        // Narrowed to "not met": R&D intensity is listed with the 2020 value it was judged on,
        // a target without data is not.
        harness.get_by_label("0.93 %");
        assert!(harness.query_by_label("自治区工程技术研究中心总数").is_none());
        harness.get_by_label("研发经费占GDP比重（R&D/GDP）").click();
        harness.run();
        let tally = Tally::of(&evaluations);
        harness.get_by_label(&format!("完成 {}", tally.met)).click();
        harness.run();
        harness.get_by_label(tr(Lang::Zh, Msg::ExportEvaluation)).click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Page(PageCommand::OpenMeasure("rd_intensity".into()))), "{commands:?}");
        assert!(commands.contains(&Command::Page(PageCommand::ShowEvaluation(Some(Verdict::Met)))), "{commands:?}");
        assert!(commands.contains(&Command::Export(ExportCommand::Evaluation)), "{commands:?}");
    }
}
