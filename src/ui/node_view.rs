//! The node view (centre): breadcrumbs, number and title, places, the correction note,
//! the full text with places, indicator phrases and search hits marked, the text of
//! everything below, and the indicators the node holds.

use crate::ui::command::{PageCommand, TreeCommand, WindowCommand};
use egui::{Button, FontId, Frame, Label, RichText, ScrollArea, Sense, TextStyle, Ui};

use super::Command;
use super::widgets::chart::{ChartStyle, chart_ui};
use super::widgets::highlight::{Mark, Span, layout, span_at};
use super::widgets::palette::MarkColors;
use super::widgets::status::status_color;
use crate::i18n::{Lang, Msg, labelled, paren, pick, tr};
use crate::model::chart::Chart;
use crate::model::progress::Status;
use crate::model::summary::MeasureSummary;
use crate::model::{Document, NodeKind};

/// Reading a heading shows its whole subtree; beyond this many nodes only the contents list.
const MAX_INLINE_NODES: usize = 600;

pub struct NodeViewProps<'a> {
    pub doc: &'a Document,
    pub node: usize,
    /// Marked ranges (places, indicator phrases, search hits) of each node of the subtree,
    /// in order from `node` itself.
    pub spans: &'a [Vec<Span>],
    pub lang: Lang,
    /// The measures stated in the subtree, in plan order, with their small charts.
    pub indicators: &'a [(&'a MeasureSummary, &'a Chart)],
}

pub fn node_view_ui(ui: &mut Ui, props: &NodeViewProps<'_>) -> Vec<Command> {
    let mut actions = Vec::new();
    let doc = props.doc;
    let lang = props.lang;
    let i = props.node;
    let Some(node) = doc.plan.nodes.get(i) else { return actions };

    breadcrumbs(ui, doc, i, lang, &mut actions);
    ui.add_space(4.0);
    let heading = if node.kind.is_heading() { node.heading() } else { node.label() };
    ui.add(Label::new(RichText::new(heading).heading().strong()).wrap());
    ui.horizontal_wrapped(|ui| {
        let kind = pick(lang, node.kind.name_zh(), node.kind.name_en());
        ui.label(RichText::new(kind).small().weak());
        ui.label(
            RichText::new(
                format!("{} {} {}", tr(lang, Msg::SourceLine), node.line, tr(lang, Msg::SourceLineSuffix)).trim_end(),
            )
            .small()
            .weak(),
        );
        ui.label(RichText::new(&node.id).small().monospace().weak());
        let citation = doc.outline.citation(&doc.plan, i);
        if ui.small_button(tr(lang, Msg::CopyCitation)).on_hover_text(&citation).clicked() {
            actions.push(Command::Window(WindowCommand::Copy(citation)));
        }
        if ui.small_button(tr(lang, Msg::CopyText)).clicked() {
            actions.push(Command::Window(WindowCommand::Copy(subtree_text(doc, i))));
        }
    });
    places_line(ui, doc, i, lang);
    for fix in &node.corrections {
        Frame::group(ui.style()).fill(ui.visuals().warn_fg_color.gamma_multiply(0.12)).show(ui, |ui| {
            ui.label(format!(
                "{} {}：{}“{}”，{}“{}”。{}",
                tr(lang, Msg::Corrected),
                "⚠",
                tr(lang, Msg::CorrectionNote),
                fix.original,
                tr(lang, Msg::CorrectionRestored),
                fix.corrected,
                fix.reason
            ));
        });
    }
    // Where a box ends is read from the text's layout; where that reading was curated, say so.
    let boxed = if node.kind == NodeKind::Box { Some(node) } else { doc.outline.parent(i).map(|p| &doc.plan.nodes[p]) };
    if let Some(b) = boxed.filter(|b| b.kind == NodeKind::Box && !b.boundary.is_empty()) {
        Frame::group(ui.style()).show(ui, |ui| {
            ui.add(
                Label::new(RichText::new(format!("{}{}", tr(lang, Msg::BoxBoundaryCurated), b.boundary)).weak()).wrap(),
            );
        });
    }
    ui.separator();

    ScrollArea::vertical().id_salt(("node", i)).auto_shrink([false, false]).show(ui, |ui| {
        let body = TextStyle::Body.resolve(ui.style());
        let reading_font = FontId::new(body.size * 1.15, body.family.clone());
        if !node.kind.is_heading() {
            paragraph(ui, props, i, reading_font.clone(), &mut actions);
        }
        let subtree = doc.outline.subtree(i);
        if node.kind.is_heading() {
            if subtree.len() <= MAX_INLINE_NODES {
                for k in subtree.clone().skip(1) {
                    let child = &doc.plan.nodes[k];
                    if child.kind.is_heading() {
                        ui.add_space(8.0);
                        let size = if child.kind == NodeKind::Chapter { 1.35 } else { 1.2 };
                        let text = RichText::new(child.heading()).size(body.size * size).strong();
                        if ui.add(Button::new(text).frame(false)).on_hover_text(&child.id).clicked() {
                            actions.push(Command::Tree(TreeCommand::Open(k)));
                        }
                    } else {
                        paragraph(ui, props, k, reading_font.clone(), &mut actions);
                    }
                }
            } else {
                ui.label(RichText::new(tr(lang, Msg::Children)).strong());
                for &k in doc.outline.children(i) {
                    if ui.link(doc.plan.nodes[k].heading()).clicked() {
                        actions.push(Command::Tree(TreeCommand::Open(k)));
                    }
                }
            }
        }
        if doc.outline.indicator_total(i) > 0 {
            ui.add_space(12.0);
            ui.separator();
            ui.label(
                RichText::new(format!(
                    "{}{}",
                    tr(lang, Msg::IndicatorsHere),
                    paren(lang, doc.outline.indicator_total(i))
                ))
                .strong(),
            );
            indicator_rows(ui, props.indicators, lang, &mut actions);
        }
    });
    actions
}

fn breadcrumbs(ui: &mut Ui, doc: &Document, i: usize, lang: Lang, actions: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(lang, Msg::Whole)).weak());
        for k in doc.outline.ancestors(i) {
            ui.label(RichText::new("›").weak());
            let node = &doc.plan.nodes[k];
            let text = if node.number.is_empty() { node.label() } else { node.number.clone() };
            if ui.link(text).on_hover_text(node.heading()).clicked() {
                actions.push(Command::Tree(TreeCommand::Open(k)));
            }
        }
    });
}

fn places_line(ui: &mut Ui, doc: &Document, i: usize, lang: Lang) {
    let node = &doc.plan.nodes[i];
    if node.cities.is_empty() && node.regions.is_empty() {
        return;
    }
    let palette = MarkColors::for_ui(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(labelled(lang, tr(lang, Msg::Places), "")).small());
        for region in &node.regions {
            ui.label(RichText::new(region.name(lang)).small().strong().color(palette.place));
        }
        for city in &node.cities {
            let en = doc.plan.places.city(city).map(|c| c.name_en.as_str()).unwrap_or_default();
            ui.label(RichText::new(city).small().color(palette.place)).on_hover_text(en);
        }
    });
}

/// One paragraph with its marks; hovering a place shows its 盟市, clicking an indicator
/// phrase opens its chart.
fn paragraph(ui: &mut Ui, props: &NodeViewProps<'_>, k: usize, font: FontId, actions: &mut Vec<Command>) {
    let node = &props.doc.plan.nodes[k];
    let empty = Vec::new();
    let spans = props.spans.get(k.wrapping_sub(props.node)).unwrap_or(&empty);
    let galley = layout(ui, &node.text, spans, font, ui.available_width());
    let response = ui.add(Label::new(galley.clone()).selectable(true).sense(Sense::click()));
    if let Some(pos) = response.hover_pos()
        && let Some(span) = span_at(&galley, spans, pos - response.rect.min)
    {
        let tip = match &span.mark {
            Mark::Place(desc) => desc.clone(),
            Mark::Indicator(measure) => format!("{} ▶ {measure}", tr(props.lang, Msg::ViewIndicators)),
            Mark::Hit => String::new(),
        };
        if let Mark::Indicator(measure) = &span.mark {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            if response.clicked() {
                actions.push(Command::Page(PageCommand::OpenMeasure(measure.clone())));
            }
        }
        response.on_hover_text_at_pointer(tip);
    }
    ui.add_space(6.0);
}

/// Each measure stated under the node: its name (a link to its chart), baseline, target and
/// status, and a small chart when there is a line to draw.
fn indicator_rows(ui: &mut Ui, rows: &[(&MeasureSummary, &Chart)], lang: Lang, commands: &mut Vec<Command>) {
    for (s, chart) in rows {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if ui.link(RichText::new(&s.name).strong()).clicked() {
                commands.push(Command::Page(PageCommand::OpenMeasure(s.key.clone())));
            }
            ui.label(paren(lang, crate::model::format::unit_words(&s.unit, lang)));
            let base = s.baseline_text(lang);
            if !base.is_empty() {
                ui.label(labelled(lang, tr(lang, Msg::Baseline), base));
            }
            let target = s.target_text(lang);
            if !target.is_empty() {
                ui.label(labelled(lang, tr(lang, Msg::Target), target));
            }
            if let Some(st) = s.status() {
                ui.label(RichText::new(st.text(lang)).color(status_color(st)).strong());
            }
            if s.conflict {
                ui.label(RichText::new(format!("⚠ {}", tr(lang, Msg::Conflict))).color(status_color(Status::Limited)));
            }
            if let Some(why) = &s.inconsistency {
                ui.label(
                    RichText::new(format!("⚠ {}", tr(lang, Msg::Inconsistent))).color(status_color(Status::Limited)),
                )
                .on_hover_text(why);
            }
        });
        let has_line = chart.series.iter().filter(|c| !c.points.is_empty()).count() > 1
            || chart.series.iter().any(|c| c.points.len() > 1);
        if has_line {
            chart_ui(ui, &format!("small_{}", s.key), chart, &ChartStyle::small(lang), false);
        }
    }
}

/// The node's text and everything below it, as plain text for the clipboard.
pub fn subtree_text(doc: &Document, i: usize) -> String {
    doc.outline.subtree(i).map(|k| doc.plan.nodes[k].text.as_str()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn a_node_shows_its_text_and_its_breadcrumbs_open_the_parent() {
        let doc = test_document();
        let node = doc.outline.index_of("ch11").expect("chapter 11");
        let spans: Vec<Vec<Span>> = doc.outline.subtree(node).map(|_| Vec::new()).collect();
        let mut harness = view_harness(|ui| {
            let props = NodeViewProps { doc: &doc, node, spans: &spans, lang: Lang::Zh, indicators: &[] };
            node_view_ui(ui, &props)
        });
        let first_child = doc.outline.children(node)[0];
        harness.get_by_label(&doc.plan.nodes[first_child].text);
        harness.get_by_label("第四篇").click();
        harness.run();
        let part = doc.outline.index_of("pt4").expect("part 4");
        assert_eq!(harness.state().as_slice(), [Command::Tree(TreeCommand::Open(part))]);
    }
}
