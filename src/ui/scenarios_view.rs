//! The scenario view: load files (typed path, recent list; the dialog and drop work
//! everywhere), the loaded scenarios with their warnings, which one progress is measured
//! against, each scenario's value at the target year against the plan's target, and the
//! points where two scenarios differ.

use crate::ui::command::{ScenarioCommand, WhatIfCommand};
use egui::{Label, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Command;
use super::widgets::palette;
use crate::i18n::{Lang, Msg, paren, tr};
use crate::model::compare::{Difference, TargetComparison};
use crate::model::format::readable;
use crate::model::loaded::LoadedScenario;
use crate::model::scenario::SeriesKind;
use crate::model::summary::MeasureSummary;

/// What only this view reads: the path being typed.
#[derive(Default)]
pub struct ScenariosViewState {
    pub typed_path: String,
    /// Which differences the table lists.
    pub diff_kind: DiffKind,
    /// Only indicators whose name or id contains this.
    pub diff_filter: String,
    /// Only this region (`None`: every region).
    pub diff_region: Option<String>,
}

/// Two kinds of difference an analyst reads differently: a disagreement, or a gap on one side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DiffKind {
    /// Both scenarios have a value and the values differ.
    #[default]
    Differ,
    /// Only one of them has a value for that year.
    OnlyOne,
}

impl DiffKind {
    fn of(d: &Difference) -> DiffKind {
        if d.a.is_some() && d.b.is_some() { DiffKind::Differ } else { DiffKind::OnlyOne }
    }
}

pub struct ScenariosProps<'a> {
    pub loaded: &'a [LoadedScenario],
    /// The name each of `loaded` is listed and picked under (its file's name added where two
    /// files name their scenarios alike).
    pub names: &'a [String],
    pub recent: &'a [String],
    pub no_dialog: bool,
    pub basis: Option<&'a str>,
    pub pair: (usize, usize),
    /// Per measure with a target: its summary and every scenario value at the target year.
    pub at_target: &'a [(&'a MeasureSummary, &'a [TargetComparison])],
    pub differences: &'a [Difference],
    /// An indicator id's name (the plan's, or the scenario file's for its own indicators).
    pub indicator_name: &'a dyn Fn(&str) -> String,
    pub lang: Lang,
}

fn kind_text(kind: SeriesKind, lang: Lang) -> &'static str {
    let msg = match kind {
        SeriesKind::Actual => Msg::KindActual,
        SeriesKind::Projection => Msg::KindProjection,
        SeriesKind::Target => Msg::KindTarget,
    };
    tr(lang, msg)
}

pub fn scenarios_ui(ui: &mut Ui, props: &ScenariosProps<'_>, view: &mut ScenariosViewState) -> Vec<Command> {
    let mut actions = Vec::new();
    let lang = props.lang;
    egui::ScrollArea::vertical().id_salt("scenarios").auto_shrink([false, false]).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(lang, Msg::OpenFile)).on_hover_text(super::keys::hint(Msg::OpenFile)).clicked() {
                actions.push(Command::Scenario(ScenarioCommand::OpenDialog));
            }
            let label = ui.label(tr(lang, Msg::TypedPath));
            let typed_path = &mut view.typed_path;
            let edit = ui
                .add(egui::TextEdit::singleline(typed_path).desired_width(420.0).hint_text("/path/to/scenario.ron"))
                .labelled_by(label.id);
            let submit = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(tr(lang, Msg::Load)).clicked() || submit) && !typed_path.trim().is_empty() {
                actions.push(Command::Scenario(ScenarioCommand::OpenFiles(vec![typed_path.trim().into()])));
            }
        });
        if props.no_dialog {
            ui.label(RichText::new(tr(lang, Msg::NoDialog)).color(palette::ERROR));
        }
        if !props.recent.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr(lang, Msg::Recent)).weak());
                for r in props.recent {
                    let name =
                        std::path::Path::new(r).file_name().map_or(r.clone(), |n| n.to_string_lossy().into_owned());
                    if ui.link(name).on_hover_text(r).clicked() {
                        actions.push(Command::Scenario(ScenarioCommand::OpenFiles(vec![r.into()])));
                    }
                }
            });
        }
        ui.separator();
        ui.heading(tr(lang, Msg::Loaded));
        loaded_grid(ui, props, &mut actions);
        ui.horizontal(|ui| {
            let current = props.basis.unwrap_or(tr(lang, Msg::DefaultBasis)).to_string();
            egui::ComboBox::from_label(tr(lang, Msg::ProgressBasis)).selected_text(current).show_ui(ui, |ui| {
                if ui.selectable_label(props.basis.is_none(), tr(lang, Msg::DefaultBasis)).clicked() {
                    actions.push(Command::Scenario(ScenarioCommand::SetProgressBasis(None)));
                }
                for (_, name) in props.loaded.iter().zip(props.names).filter(|(l, _)| l.enabled) {
                    if ui.selectable_label(props.basis == Some(name.as_str()), name).clicked() {
                        actions.push(Command::Scenario(ScenarioCommand::SetProgressBasis(Some(name.clone()))));
                    }
                }
            });
        });

        ui.add_space(8.0);
        ui.separator();
        ui.heading(tr(lang, Msg::TargetComparison));
        target_table(ui, props);

        ui.add_space(8.0);
        ui.separator();
        ui.heading(tr(lang, Msg::DifferencesOnly));
        let names: Vec<&str> = props.names.iter().map(String::as_str).collect();
        ui.horizontal(|ui| {
            let (mut a, mut b) = props.pair;
            for (slot, label) in [(&mut a, "A"), (&mut b, "B")] {
                egui::ComboBox::from_label(label).selected_text(names.get(*slot).copied().unwrap_or("—")).show_ui(
                    ui,
                    |ui| {
                        for (k, n) in names.iter().enumerate() {
                            ui.selectable_value(slot, k, *n);
                        }
                    },
                );
            }
            if (a, b) != props.pair {
                actions.push(Command::Scenario(ScenarioCommand::SetComparePair(a, b)));
            }
        });
        differences_table(ui, props, view);
    });
    actions
}

/// Every loaded scenario: shown or not, its file (its folder on hover), series, warnings,
/// and reload, remove and edit for those from files.
fn loaded_grid(ui: &mut Ui, props: &ScenariosProps<'_>, actions: &mut Vec<Command>) {
    let lang = props.lang;
    egui::Grid::new("loaded_scenarios").striped(true).num_columns(5).show(ui, |ui| {
        for (k, (l, name)) in props.loaded.iter().zip(props.names).enumerate() {
            let mut enabled = l.enabled;
            if ui.checkbox(&mut enabled, name).on_hover_text(&l.scenario.description).changed() {
                actions.push(Command::Scenario(ScenarioCommand::Toggle(k)));
            }
            // The file's name says which file it is; its folder is on hover, since a
            // truncated absolute path shows only the part every file shares.
            match &l.path {
                Some(p) => {
                    let name =
                        p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned());
                    ui.add(Label::new(RichText::new(name).weak()).truncate()).on_hover_text(p.display().to_string());
                }
                None => {
                    ui.add(Label::new(RichText::new(tr(lang, Msg::BuiltIn)).weak()));
                }
            }
            ui.label(format!("{} {}", l.scenario.series.len(), tr(lang, Msg::SeriesCount)));
            if let Some(other) = &l.duplicate_of {
                let text = match lang {
                    Lang::Zh => format!("与“{other}”相同"),
                    Lang::En => format!("same as “{other}”"),
                };
                ui.label(RichText::new(text).color(palette::WARNING)).on_hover_text(tr(lang, Msg::DuplicateHidden));
            } else if l.warnings.is_empty() {
                ui.label("");
            } else {
                let all: Vec<String> = l.warnings.iter().map(ToString::to_string).collect();
                let warned = l.warnings.iter().filter(|d| d.severity == crate::model::Severity::Warning).count();
                let text = if warned > 0 {
                    RichText::new(format!("⚠ {warned} {}", tr(lang, Msg::Warnings))).color(palette::WARNING)
                } else {
                    RichText::new(format!("{} {}", l.warnings.len(), tr(lang, Msg::Notes))).weak()
                };
                ui.label(text).on_hover_text(all.join("\n"));
            }
            ui.horizontal(|ui| {
                if l.path.is_some() {
                    if ui.small_button(tr(lang, Msg::Reload)).clicked() {
                        actions.push(Command::Scenario(ScenarioCommand::Reload(k)));
                    }
                    if ui.small_button(tr(lang, Msg::Remove)).clicked() {
                        actions.push(Command::Scenario(ScenarioCommand::Remove(k)));
                    }
                    if ui.small_button(tr(lang, Msg::EditShort)).on_hover_text(tr(lang, Msg::EditAsWhatIf)).clicked() {
                        actions.push(Command::WhatIf(WhatIfCommand::Edit(k)));
                    }
                    kind_choice(ui, k, l, lang, actions);
                }
            });
            ui.end_row();
        }
    });
}

/// What a file's values are: actual, projection or target for all its series (a table without
/// a Kind column is read as projections). The choice is kept with the file.
fn kind_choice(ui: &mut Ui, k: usize, l: &LoadedScenario, lang: Lang, actions: &mut Vec<Command>) {
    let kinds: Vec<SeriesKind> = l.scenario.series.iter().map(|s| s.kind).collect();
    let current = kinds.first().copied().filter(|first| kinds.iter().all(|k| k == first));
    let shown = current.map_or(tr(lang, Msg::KindMixed), |kind| kind_text(kind, lang));
    let label = ui.label(RichText::new(tr(lang, Msg::KindLabel)).weak());
    egui::ComboBox::from_id_salt(("kind", k))
        .selected_text(shown)
        .width(70.0)
        .show_ui(ui, |ui| {
            for kind in [SeriesKind::Actual, SeriesKind::Projection, SeriesKind::Target] {
                if ui.selectable_label(current == Some(kind), kind_text(kind, lang)).clicked() {
                    actions.push(Command::Scenario(ScenarioCommand::SetKind(k, kind)));
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(tr(lang, Msg::KindOfFile));
}

fn target_table(ui: &mut Ui, props: &ScenariosProps<'_>) {
    let lang = props.lang;
    let rows: Vec<(&MeasureSummary, &TargetComparison)> =
        props.at_target.iter().flat_map(|(m, cs)| cs.iter().map(move |c| (*m, c))).collect();
    ui.push_id("target_table", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .max_scroll_height(300.0)
            .column(Column::initial(220.0).clip(true))
            .column(Column::initial(90.0))
            .column(Column::initial(160.0).clip(true))
            .column(Column::initial(220.0).clip(true))
            .column(Column::initial(90.0))
            .column(Column::initial(90.0))
            .column(Column::remainder().at_least(80.0))
            .header(22.0, |mut h| {
                for msg in
                    [Msg::Name, Msg::Target, Msg::Scenario, Msg::Series, Msg::Value, Msg::Gap, Msg::ShareAchieved]
                {
                    h.col(|ui| {
                        ui.strong(tr(lang, msg));
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut row| {
                    let (m, c) = rows[row.index()];
                    row.col(|ui| {
                        ui.add(Label::new(&m.name).truncate());
                    });
                    row.col(|ui| {
                        ui.add(Label::new(m.target_text(lang)).truncate());
                    });
                    row.col(|ui| {
                        ui.add(Label::new(&c.scenario).truncate());
                    });
                    row.col(|ui| {
                        ui.add(Label::new(format!("{} · {}", kind_text(c.kind, lang), c.series)).truncate());
                    });
                    row.col(|ui| {
                        ui.label(format!("{} {}", readable(c.value), m.unit));
                    });
                    row.col(|ui| {
                        let sign = if c.gap >= 0.0 { "+" } else { "" };
                        ui.label(format!("{sign}{} {}", readable(c.gap), m.unit));
                    });
                    row.col(|ui| {
                        if let Some(p) = c.share_achieved {
                            ui.label(format!("{p:.1}%"));
                        }
                    });
                });
            });
    });
}

/// The points where the two scenarios differ: disagreements and one-sided values apart, by
/// name and unit, narrowed by indicator and region.
fn differences_table(ui: &mut Ui, props: &ScenariosProps<'_>, view: &mut ScenariosViewState) {
    let lang = props.lang;
    if props.differences.is_empty() {
        ui.label(RichText::new(tr(lang, Msg::NoDifferences)).weak());
        return;
    }
    let count = |kind| props.differences.iter().filter(|d| DiffKind::of(d) == kind).count();
    let mut regions: Vec<&str> = props.differences.iter().map(|d| d.region.as_str()).collect();
    regions.sort_unstable();
    regions.dedup();
    ui.horizontal_wrapped(|ui| {
        for (kind, msg) in [(DiffKind::Differ, Msg::BothDiffer), (DiffKind::OnlyOne, Msg::OnlyOneHas)] {
            let label = format!("{}{}", tr(lang, msg), paren(lang, count(kind)));
            ui.selectable_value(&mut view.diff_kind, kind, label);
        }
        ui.separator();
        let label = ui.label(tr(lang, Msg::FilterIndicators));
        ui.add(egui::TextEdit::singleline(&mut view.diff_filter).desired_width(160.0).id_salt("diff_filter"))
            .labelled_by(label.id);
        let region_text = view.diff_region.clone().unwrap_or_else(|| tr(lang, Msg::AllRegions).to_string());
        ui.push_id("diff_region", |ui| {
            let combo = egui::ComboBox::from_label(tr(lang, Msg::RegionFilter)).selected_text(region_text);
            combo.show_ui(ui, |ui| {
                ui.selectable_value(&mut view.diff_region, None, tr(lang, Msg::AllRegions));
                for r in &regions {
                    ui.selectable_value(&mut view.diff_region, Some(r.to_string()), *r);
                }
            });
        });
    });
    let filter = view.diff_filter.trim().to_lowercase();
    let rows: Vec<(&Difference, String)> = props
        .differences
        .iter()
        .filter(|d| DiffKind::of(d) == view.diff_kind)
        .filter(|d| view.diff_region.as_deref().is_none_or(|r| r == d.region))
        .map(|d| (d, (props.indicator_name)(&d.indicator)))
        .filter(|(d, name)| {
            filter.is_empty() || name.to_lowercase().contains(&filter) || d.indicator.to_lowercase().contains(&filter)
        })
        .collect();
    ui.label(format!("{} {}", rows.len(), tr(lang, Msg::DifferenceCount)));
    let show = |v: Option<f64>, unit: &str| v.map_or("—".to_string(), |v| format!("{} {unit}", readable(v)));
    // Room for a screenful of rows, not a strip.
    let height = ui.available_height().clamp(260.0, 600.0);
    ui.push_id("differences", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(height)
            .min_scrolled_height(height.min(260.0))
            .column(Column::initial(260.0).clip(true))
            .column(Column::initial(90.0).clip(true))
            .column(Column::initial(60.0))
            .columns(Column::initial(130.0).clip(true), 2)
            .column(Column::remainder().at_least(80.0))
            .header(22.0, |mut h| {
                let delta = tr(lang, Msg::Difference);
                for text in [tr(lang, Msg::Name), tr(lang, Msg::RegionFilter), tr(lang, Msg::Year), "A", "B", delta] {
                    h.col(|ui| {
                        ui.strong(text);
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let (d, name) = &rows[row.index()];
                    row.col(|ui| {
                        ui.add(Label::new(name.as_str()).truncate()).on_hover_text(&d.indicator);
                    });
                    row.col(|ui| {
                        ui.label(&d.region);
                    });
                    row.col(|ui| {
                        ui.label(d.year.to_string());
                    });
                    row.col(|ui| {
                        ui.label(show(d.a, &d.unit));
                    });
                    row.col(|ui| {
                        ui.label(show(d.b, &d.unit));
                    });
                    row.col(|ui| {
                        if let (Some(a), Some(b)) = (d.a, d.b) {
                            let sign = if b >= a { "+" } else { "" };
                            ui.label(format!("{sign}{} {}", readable(b - a), d.unit));
                        }
                    });
                });
            });
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::model::scenario::embedded_actuals;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn a_typed_path_is_opened_and_a_scenario_can_be_hidden() {
        let doc = test_document();
        let mut loaded: Vec<LoadedScenario> =
            embedded_actuals(&doc.plan).into_iter().map(LoadedScenario::built_in).collect();
        let name = loaded[0].scenario.name.clone();
        let mut from_file = LoadedScenario::built_in((*loaded[0].scenario).clone());
        std::sync::Arc::make_mut(&mut from_file.scenario).name = "what-if".into();
        from_file.path = Some("/home/analyst/work/scenarios/what-if-2020.ron".into());
        loaded.push(from_file);
        let names: Vec<String> = loaded.iter().map(|l| l.scenario.name.clone()).collect();
        let mut state = ScenariosViewState::default();
        let mut harness = view_harness(|ui| {
            let props = ScenariosProps {
                loaded: &loaded,
                names: &names,
                recent: &[],
                no_dialog: true,
                basis: None,
                pair: (0, 0),
                at_target: &[],
                differences: &[],
                indicator_name: &|id: &str| id.to_string(),
                lang: Lang::Zh,
            };
            scenarios_ui(ui, &props, &mut state)
        });
        harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, &name).click();
        harness.run();
        harness.get_by_label(tr(Lang::Zh, Msg::TypedPath)).focus();
        harness.get_by_label(tr(Lang::Zh, Msg::TypedPath)).type_text("/tmp/what-if.ron");
        harness.run();
        harness.get_by_label(tr(Lang::Zh, Msg::Load)).click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Scenario(ScenarioCommand::Toggle(0))), "{commands:?}");
        assert!(
            commands.contains(&Command::Scenario(ScenarioCommand::OpenFiles(vec!["/tmp/what-if.ron".into()]))),
            "{commands:?}"
        );
        // A loaded file is named by its file name, not by the start of its folder.
        harness.get_by_label("what-if-2020.ron");
        // Without a system dialog the page says so.
        harness.get_by_label(tr(Lang::Zh, Msg::NoDialog));
    }
}
