//! The what-if page: controls on the left (name, measure, region, start, path, undo, save),
//! the chart of the series in hand on the right, its points as handles to drag.

use crate::ui::command::WhatIfCommand;
use egui::{Color32, Rect, RichText, Sense, Stroke, TextEdit, Ui, Vec2};
use egui_plot::PlotPoint;

use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::chart::Chart;
use crate::model::format::readable;
use crate::model::format::unit_words;
use crate::model::whatif::{PathKind, Start, StartFrom, WhatIf};
use crate::ui::Command;
use crate::ui::widgets::chart::{ChartStyle, chart_ui_with_transform};

pub struct WhatIfProps<'a> {
    pub lang: Lang,
    pub model: &'a WhatIf,
    /// The measure and region picked for the next series.
    pub measure: Option<&'a str>,
    pub region: &'a str,
    /// Every measure of the plan: (id, name).
    pub measures: &'a [(String, String)],
    pub regions: &'a [String],
    /// The starts the data offers for the picked measure and region.
    pub starts: &'a [Start],
    pub chart: Option<&'a Chart>,
    pub file: &'a str,
    /// Where Save writes when no file is typed.
    pub default_file: &'a str,
    /// Loaded file-backed scenarios that can be edited: (index, name).
    pub editable: &'a [(usize, String)],
}

/// The rate and value fields' text while typed ("8." is not yet a number).
#[derive(Default)]
pub struct WhatIfViewState {
    rate: String,
    line: String,
    /// The series and path the fields last showed, to refill them after an undo or a drag.
    shown: Option<(usize, PathKind, usize)>,
    /// The two fields' ids: one being typed in is not refilled under the typist.
    fields: Vec<egui::Id>,
}

const CONTROLS_WIDTH: f32 = 340.0;
/// A handle's side, in points: easy to grab on a projector's laptop touchpad too.
const HANDLE: f32 = 18.0;

pub fn whatif_ui(ui: &mut Ui, props: &WhatIfProps<'_>, state: &mut WhatIfViewState) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = props.lang;
    ui.heading(tr(lang, Msg::ViewWhatIf));
    ui.horizontal_top(|ui| {
        let top_down = egui::Layout::top_down(egui::Align::Min);
        ui.allocate_ui_with_layout(Vec2::new(CONTROLS_WIDTH, ui.available_height()), top_down, |ui| {
            egui::ScrollArea::vertical().id_salt("whatif_controls").show(ui, |ui| {
                ui.set_width(CONTROLS_WIDTH - 12.0);
                controls(ui, props, state, &mut commands);
            });
        });
        ui.separator();
        ui.vertical(|ui| chart(ui, props, &mut commands));
    });
    commands
}

fn controls(ui: &mut Ui, props: &WhatIfProps<'_>, state: &mut WhatIfViewState, commands: &mut Vec<Command>) {
    let lang = props.lang;
    ui.label(RichText::new(tr(lang, Msg::WhatIfIntro)).weak());
    ui.add_space(6.0);
    let label = ui.label(tr(lang, Msg::WhatIfName));
    let mut name = props.model.name.clone();
    if ui.add(TextEdit::singleline(&mut name).desired_width(f32::INFINITY)).labelled_by(label.id).changed() {
        commands.push(Command::WhatIf(WhatIfCommand::Rename(name)));
    }
    ui.add_space(6.0);
    let label = ui.label(tr(lang, Msg::Name));
    egui::ComboBox::from_id_salt("whatif_measure")
        .width(CONTROLS_WIDTH - 20.0)
        .selected_text(props.measure.map_or("—", |id| measure_name(props.measures, id)))
        .show_ui(ui, |ui| {
            for (id, name) in props.measures {
                if ui.selectable_label(props.measure == Some(id.as_str()), name).clicked() {
                    commands.push(Command::WhatIf(WhatIfCommand::Pick { measure: Some(id.clone()), region: None }));
                }
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label(tr(lang, Msg::WhatIfRegion));
    egui::ComboBox::from_id_salt("whatif_region")
        .selected_text(props.region)
        .show_ui(ui, |ui| {
            for region in props.regions {
                if ui.selectable_label(props.region == region, region).clicked() {
                    commands.push(Command::WhatIf(WhatIfCommand::Pick { measure: None, region: Some(region.clone()) }));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.add_space(4.0);
    if props.starts.is_empty() && props.measure.is_some() {
        ui.label(RichText::new(tr(lang, Msg::NoStart)).weak());
    }
    for start in props.starts {
        let msg = match start.from {
            StartFrom::Baseline => Msg::StartFromBaseline,
            StartFrom::LatestActual => Msg::StartFromActual,
        };
        let text = format!("{}{}", tr(lang, msg), paren(lang, labelled(lang, start.year, readable(start.value))));
        if ui.button(text).on_hover_text(&start.described).clicked() {
            commands.push(Command::WhatIf(WhatIfCommand::Begin(start.from)));
        }
    }
    ui.separator();
    match props.model.draft() {
        Some(draft) => series_in_hand(ui, props, draft, state, commands),
        None => {
            ui.label(RichText::new(tr(lang, Msg::WhatIfEmpty)).weak());
        }
    }
    editing_and_saving(ui, props, commands);
}

/// The series in hand: its start, its path (growth, a line, or drawn), its points, undo and
/// redo, and the other series of the what-if.
fn series_in_hand(
    ui: &mut Ui,
    props: &WhatIfProps<'_>,
    draft: &crate::model::whatif::Draft,
    state: &mut WhatIfViewState,
    commands: &mut Vec<Command>,
) {
    let lang = props.lang;
    let shown = (props.model.current, draft.path, props.model.drafts.len());
    let typing = ui.memory(|m| state.fields.iter().any(|id| m.has_focus(*id)));
    if state.shown != Some(shown) && !typing {
        state.rate = match draft.path {
            PathKind::Growth(r) => crate::model::format::exact(r),
            _ => String::new(),
        };
        state.line = match draft.path {
            PathKind::Line(v) => crate::model::format::exact(v),
            _ => String::new(),
        };
        state.shown = Some(shown);
    }
    ui.label(RichText::new(format!("{} · {}", draft.measure_name, draft.region)).strong());
    let from = match (draft.start.from, lang) {
        (StartFrom::Baseline, Lang::Zh) => format!("规划{}年基期值", draft.start.year),
        (StartFrom::Baseline, Lang::En) => format!("the plan's {} baseline", draft.start.year),
        (StartFrom::LatestActual, Lang::Zh) => format!("{}年", draft.start.year),
        (StartFrom::LatestActual, Lang::En) => draft.start.year.to_string(),
    };
    ui.label(format!(
        "{} {}{}",
        labelled(lang, tr(lang, Msg::WhatIfStart), readable(draft.start.value)),
        unit_words(&draft.unit, lang),
        paren(lang, from)
    ))
    .on_hover_text(&draft.start.described);
    let label = ui.label(tr(lang, Msg::PathGrowth));
    let rate = ui.add(TextEdit::singleline(&mut state.rate).desired_width(80.0)).labelled_by(label.id);
    if rate.changed()
        && let Ok(r) = state.rate.trim().parse::<f64>()
    {
        commands.push(Command::WhatIf(WhatIfCommand::Growth(r)));
    }
    let unit = unit_words(&draft.unit, lang);
    let within = pick(lang, "，", ", ");
    let label =
        ui.label(format!("{}{}", tr(lang, Msg::PathLine), paren(lang, format!("{}{within}{unit}", draft.end_year))));
    let line = ui.add(TextEdit::singleline(&mut state.line).desired_width(80.0)).labelled_by(label.id);
    state.fields = vec![rate.id, line.id];
    if line.changed()
        && let Ok(v) = state.line.trim().parse::<f64>()
    {
        commands.push(Command::WhatIf(WhatIfCommand::Line(v)));
    }
    let drawn = matches!(draft.path, PathKind::Drawn);
    ui.label(RichText::new(tr(lang, Msg::PathDrawn)).color(if drawn {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().weak_text_color()
    }));
    egui::Grid::new("whatif_points").striped(true).show(ui, |ui| {
        for (year, value) in &draft.points {
            ui.label(year.to_string());
            ui.label(format!("{} {}", readable(*value), draft.unit));
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        if ui
            .add_enabled(props.model.can_undo(), egui::Button::new(tr(lang, Msg::Undo)))
            .on_hover_text(super::keys::hint(Msg::Undo))
            .clicked()
        {
            commands.push(Command::WhatIf(WhatIfCommand::Undo));
        }
        if ui
            .add_enabled(props.model.can_redo(), egui::Button::new(tr(lang, Msg::Redo)))
            .on_hover_text(super::keys::hint(Msg::Redo))
            .clicked()
        {
            commands.push(Command::WhatIf(WhatIfCommand::Redo));
        }
        if ui.button(tr(lang, Msg::RemoveSeries)).clicked() {
            commands.push(Command::WhatIf(WhatIfCommand::Remove));
        }
    });
    if props.model.drafts.len() > 1 {
        ui.label(tr(lang, Msg::WhatIfSeriesList));
        for (k, d) in props.model.drafts.iter().enumerate() {
            let text = format!("{} · {}", d.measure_name, d.region);
            if ui.selectable_label(k == props.model.current, text).clicked() {
                commands.push(Command::WhatIf(WhatIfCommand::Select(k)));
            }
        }
    }
    ui.separator();
}

fn measure_name<'a>(measures: &'a [(String, String)], id: &'a str) -> &'a str {
    measures.iter().find(|(k, _)| k == id).map_or(id, |(_, n)| n.as_str())
}

fn editing_and_saving(ui: &mut Ui, props: &WhatIfProps<'_>, commands: &mut Vec<Command>) {
    let lang = props.lang;
    let label = ui.label(tr(lang, Msg::SaveTo));
    let mut file = props.file.to_string();
    let field = TextEdit::singleline(&mut file).hint_text(props.default_file).desired_width(f32::INFINITY);
    if ui.add(field).labelled_by(label.id).changed() {
        commands.push(Command::WhatIf(WhatIfCommand::SetFile(file)));
    }
    if ui.add_enabled(!props.model.drafts.is_empty(), egui::Button::new(tr(lang, Msg::Save))).clicked() {
        commands.push(Command::WhatIf(WhatIfCommand::Save));
    }
    if !props.editable.is_empty() {
        ui.add_space(6.0);
        ui.label(tr(lang, Msg::EditAsWhatIf));
        for (k, name) in props.editable {
            if ui.button(name).clicked() {
                commands.push(Command::WhatIf(WhatIfCommand::Edit(*k)));
            }
        }
    }
}

/// The chart, with a handle on each year of the series in hand: drag one up or down to
/// change that year's value.
fn chart(ui: &mut Ui, props: &WhatIfProps<'_>, commands: &mut Vec<Command>) {
    let (Some(chart), Some(draft)) = (props.chart, props.model.draft()) else { return };
    let height = (ui.available_height() - 30.0).max(240.0);
    let style = ChartStyle { interactive: false, ..ChartStyle::full(height, props.lang) };
    // The axes follow the series (a steep growth rate stays on the chart), except while a
    // point is being dragged, when they hold still under the pointer.
    let still = !ui.input(|i| i.pointer.any_down());
    let (response, transform) = chart_ui_with_transform(ui, "whatif_chart", chart, &style, still);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, tr(props.lang, Msg::WhatIfChart)));
    let colour = ui.visuals().strong_text_color();
    for &(year, value) in &draft.points {
        let at = transform.position_from_point(&PlotPoint::new(f64::from(year), value));
        if !response.rect.contains(at) {
            continue;
        }
        let rect = Rect::from_center_size(at, Vec2::splat(HANDLE));
        let id = ui.scope_id().with(("whatif_handle", props.model.current, year));
        let handle = ui.interact(rect, id, Sense::drag()).on_hover_cursor(egui::CursorIcon::ResizeVertical);
        let label = labelled(props.lang, year, format!("{} {}", readable(value), unit_words(&draft.unit, props.lang)));
        handle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, &label));
        let active = handle.hovered() || handle.dragged();
        ui.painter().circle(
            at,
            if active { HANDLE * 0.45 } else { HANDLE * 0.33 },
            Color32::TRANSPARENT,
            Stroke::new(2.0, colour),
        );
        if handle.drag_started() {
            // The keyboard leaves the rate or value field: Ctrl+Z now undoes the drag, not
            // the field's typing (a drag is no click, so the field would keep it).
            ui.memory_mut(|m| {
                if let Some(focused) = m.focused() {
                    m.surrender_focus(focused);
                }
            });
        }
        if handle.dragged()
            && let Some(pointer) = handle.interact_pointer_pos()
        {
            let value = transform.value_from_position(pointer).y;
            commands.push(Command::WhatIf(WhatIfCommand::Drag { year, value, first: handle.drag_started() }));
        }
    }
    ui.label(RichText::new(tr(props.lang, Msg::PathDrawn)).small().weak());
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn the_controls_ask_for_a_start_a_growth_rate_undo_and_a_measure() {
        let doc = test_document();
        let plan = &doc.plan;
        let offered = crate::model::whatif::starts(plan, &[], "rd_intensity", "全区");
        let baseline = offered.iter().find(|s| s.from == StartFrom::Baseline).cloned().expect("a plan baseline");
        let mut model = WhatIf::new("假设情景");
        model.begin(plan, "rd_intensity", "全区", baseline);
        assert!(model.set_growth(5.0));
        let measures = vec![
            ("rd_intensity".to_string(), "研发经费占GDP比重".to_string()),
            ("invention_patents_per_10k".to_string(), "每万人发明专利拥有量".to_string()),
        ];
        let regions = vec!["全区".to_string()];
        let mut state = WhatIfViewState::default();
        let mut harness = view_harness(|ui| {
            let props = WhatIfProps {
                lang: Lang::Zh,
                model: &model,
                measure: Some("rd_intensity"),
                region: "全区",
                measures: &measures,
                regions: &regions,
                starts: &offered,
                chart: None,
                file: "",
                default_file: "/tmp/what-if.ron",
                editable: &[],
            };
            whatif_ui(ui, &props, &mut state)
        });
        // The field shows the path in hand, as it was set.
        assert_eq!(harness.get_by_label("年均增速（%/年）").value().as_deref(), Some("5"));
        harness.get_by_label_contains("从规划基期值开始").click();
        harness.run();
        harness.get_by_label("撤销").click();
        harness.run();
        let rate = harness.get_by_label("年均增速（%/年）");
        rate.focus();
        rate.type_text("0");
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::WhatIf(WhatIfCommand::Begin(StartFrom::Baseline))), "{commands:?}");
        assert!(commands.contains(&Command::WhatIf(WhatIfCommand::Undo)), "{commands:?}");
        assert!(commands.contains(&Command::WhatIf(WhatIfCommand::Growth(50.0))), "typed after the 5: {commands:?}");
        assert!(!commands.contains(&Command::WhatIf(WhatIfCommand::Redo)), "nothing to redo, the button is off");
    }
}
