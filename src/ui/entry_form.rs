//! The 填报 form of one target, over the evaluation page: a value with its year, source and
//! note; and, apart, a verdict a person sets with why (a judgement the numbers cannot make).

use egui::{RichText, TextEdit, Ui};

use super::Command;
use super::evaluation_view::EvaluationViewState;
use super::widgets::palette;
use crate::i18n::{Lang, Msg, labelled, pick, tr};
use crate::model::entries::{Entry, check_entry, check_verdict, entry_of, verdict_of};
use crate::model::evaluation::{TargetEvaluation, Verdict};
use crate::model::format::{number, target_words, unit_words};
use crate::model::plan::Plan;
use crate::model::scenario::{Scenario, VerdictOverride};
use crate::ui::command::EvaluationCommand;

/// The 填报 form for one target, as typed.
#[derive(Clone, Debug, Default)]
pub struct EntryForm {
    pub measure: String,
    pub name: String,
    pub unit: String,
    /// The target in words, for the eye while typing.
    pub target: String,
    /// Whether a value was entered before for this year (the form then also offers removal).
    pub existing: bool,
    pub value: String,
    pub year: String,
    pub source: String,
    pub note: String,
    pub error: Option<String>,
    /// The target's year, which a verdict is set for.
    pub target_year: u16,
    /// The verdict the data give, and one a person set (None: the data's stands).
    pub computed: Verdict,
    pub verdict: Option<Verdict>,
    /// Whether a verdict was set before (the form then offers to remove it).
    pub verdict_existing: bool,
    pub verdict_note: String,
    pub verdict_error: Option<String>,
}

impl EntryForm {
    pub fn for_target(e: &TargetEvaluation, entries: Option<&Scenario>, lang: Lang) -> EntryForm {
        let before = entries.and_then(|s| entry_of(s, &e.key, e.target_year));
        let set = entries.and_then(|s| verdict_of(s, &e.key, e.target_year));
        EntryForm {
            measure: e.key.clone(),
            name: pick(lang, &e.name, &e.name_en).to_string(),
            unit: e.unit.clone(),
            target: target_words(e.comparator, e.target_value, e.upper, &e.unit, (e.target_year, e.year_implied), lang),
            existing: before.is_some(),
            value: before.as_ref().map_or(String::new(), |b| number(b.value)),
            year: e.target_year.to_string(),
            source: before.as_ref().map_or(String::new(), |b| b.source.clone()),
            note: before.map_or(String::new(), |b| b.note),
            error: None,
            target_year: e.target_year,
            computed: e.overridden.as_ref().map_or(e.verdict, |o| o.computed),
            verdict: set.map(|v| v.verdict),
            verdict_existing: set.is_some(),
            verdict_note: set.map_or(String::new(), |v| v.note.clone()),
            verdict_error: None,
        }
    }

    /// The verdict chosen, or what is wrong with it.
    fn verdict_override(&self, verdict: Verdict, lang: Lang) -> Result<VerdictOverride, String> {
        let v = VerdictOverride {
            measure: self.measure.clone(),
            year: self.target_year,
            verdict,
            note: self.verdict_note.clone(),
        };
        check_verdict(&v).map_err(|r| r.in_lang(lang).to_string())?;
        Ok(v)
    }

    /// The entry typed, or what is wrong with it.
    fn entry(&self, plan: &Plan, lang: Lang) -> Result<Entry, String> {
        let digits: String = self.value.trim().chars().filter(|c| !matches!(c, ',' | '，' | ' ')).collect();
        let value = digits.parse::<f64>().map_err(|_| tr(lang, Msg::EntryValueNotNumber).to_string())?;
        let year = self.year.trim().parse::<u16>().map_err(|_| tr(lang, Msg::EntryYearNotYear).to_string())?;
        let entry =
            Entry { measure: self.measure.clone(), year, value, source: self.source.clone(), note: self.note.clone() };
        check_entry(&entry, plan).map_err(|r| r.in_lang(lang).to_string())?;
        Ok(entry)
    }
}

/// The 填报 form, over the page while a target's value is being entered.
pub fn entry_form(ui: &mut Ui, plan: &Plan, lang: Lang, state: &mut EvaluationViewState) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(form) = state.form.as_mut() else { return commands };
    let mut close = false;
    let mut open = true;
    egui::Window::new(format!("{}：{}", tr(lang, Msg::EnterValue), form.name))
        .id(egui::Id::unique("entry_form"))
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.set_width(460.0);
            ui.heading(format!("{}：{}", tr(lang, Msg::EnterValue), form.name));
            ui.label(RichText::new(labelled(lang, tr(lang, Msg::Target), &form.target)).weak());
            egui::Grid::new("entry_fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
                let unit = unit_words(&form.unit, lang);
                let value_label = if unit.is_empty() {
                    tr(lang, Msg::EntryValue).to_string()
                } else {
                    format!("{}（{unit}）", tr(lang, Msg::EntryValue))
                };
                field(ui, value_label, TextEdit::singleline(&mut form.value).desired_width(160.0));
                field(ui, tr(lang, Msg::EntryYear), TextEdit::singleline(&mut form.year).desired_width(60.0));
                let source = TextEdit::singleline(&mut form.source)
                    .hint_text("《2020年内蒙古自治区国民经济和社会发展统计公报》")
                    .desired_width(320.0);
                field(ui, tr(lang, Msg::EntrySource), source);
                field(ui, tr(lang, Msg::EntryNote), note_edit(&mut form.note));
            });
            if let Some(error) = &form.error {
                ui.colored_label(palette::ERROR, error);
            }
            ui.horizontal(|ui| {
                if ui.button(tr(lang, Msg::EntrySave)).clicked() {
                    match form.entry(plan, lang) {
                        Ok(entry) => {
                            commands.push(EvaluationCommand::Enter(entry).into());
                            close = true;
                        }
                        Err(e) => form.error = Some(e),
                    }
                }
                if form.existing && ui.button(tr(lang, Msg::EntryRemove)).clicked() {
                    if let Ok(year) = form.year.trim().parse::<u16>() {
                        commands.push(EvaluationCommand::Remove(form.measure.clone(), year).into());
                    }
                    close = true;
                }
                if ui.button(tr(lang, Msg::Cancel)).clicked() {
                    close = true;
                }
            });
            verdict_section(ui, form, lang, &mut commands, &mut close);
        });
    if close || !open {
        state.form = None;
    }
    commands
}

/// The verdict a person sets over the data's, with why: a judgement such as "met by another
/// measure" that no value states.
fn verdict_section(ui: &mut Ui, form: &mut EntryForm, lang: Lang, commands: &mut Vec<Command>, close: &mut bool) {
    ui.separator();
    ui.strong(tr(lang, Msg::VerdictOverride));
    ui.label(RichText::new(labelled(lang, tr(lang, Msg::ComputedVerdict), form.computed.text(lang))).weak());
    egui::Grid::new("verdict_fields").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
        let label = ui.label(tr(lang, Msg::VerdictChoice));
        let shown = form.verdict.map_or(tr(lang, Msg::VerdictByData), |v| v.text(lang));
        egui::ComboBox::from_id_salt("verdict_choice")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut form.verdict, None, tr(lang, Msg::VerdictByData));
                for v in Verdict::ALL {
                    ui.selectable_value(&mut form.verdict, Some(v), v.text(lang));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        field(ui, tr(lang, Msg::VerdictNote), note_edit(&mut form.verdict_note));
    });
    if let Some(error) = &form.verdict_error {
        ui.colored_label(palette::ERROR, error);
    }
    ui.horizontal(|ui| {
        if ui.add_enabled(form.verdict.is_some(), egui::Button::new(tr(lang, Msg::VerdictSave))).clicked()
            && let Some(verdict) = form.verdict
        {
            match form.verdict_override(verdict, lang) {
                Ok(v) => {
                    commands.push(EvaluationCommand::SetVerdict(v).into());
                    *close = true;
                }
                Err(e) => form.verdict_error = Some(e),
            }
        }
        if form.verdict_existing && ui.button(tr(lang, Msg::VerdictClear)).clicked() {
            commands.push(EvaluationCommand::ClearVerdict(form.measure.clone(), form.target_year).into());
            *close = true;
        }
    });
}

/// A row of a form's grid: its label, and the field it names (for screen readers and tests).
fn field(ui: &mut Ui, label: impl Into<egui::WidgetText>, edit: TextEdit<'_>) {
    let label = ui.label(label);
    ui.add(edit).labelled_by(label.id);
    ui.end_row();
}

/// A note's field: two lines, the form's width.
fn note_edit(note: &mut String) -> TextEdit<'_> {
    TextEdit::multiline(note).desired_rows(2).desired_width(320.0)
}
