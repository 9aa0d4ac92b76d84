//! The plan's tree (left panel): one row per visible node, virtualised so that a fully
//! expanded plan 100× this size costs only the rows on screen.

use crate::ui::command::TreeCommand;
use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Button, Layout, RichText, ScrollArea, Sense, Ui};

use super::Command;
use super::widgets::palette::MarkColors;
use super::widgets::status::{status_color, status_symbol};
use crate::i18n::{Lang, Msg, labelled, tr};
use crate::model::Document;
use crate::model::progress::Status;
use crate::model::search::find_all;

pub struct TreeProps<'a> {
    pub doc: &'a Document,
    pub rows: &'a [usize],
    pub selected: Option<usize>,
    pub expanded: &'a [bool],
    pub query: &'a str,
    /// Scroll so that this row is in view (after a keyboard move or a jump).
    pub scroll_to_row: Option<usize>,
    pub lang: Lang,
    /// The worst progress status under each node (rolled up), if any.
    pub statuses: &'a [Option<Status>],
    /// What a bar or map click narrowed the tree to, if anything.
    pub filter_label: Option<&'a str>,
}

/// The buttons above the tree: expand, collapse, and the filter a chart click set.
fn tree_header(ui: &mut Ui, props: &TreeProps<'_>, commands: &mut Vec<Command>) {
    let lang = props.lang;
    ui.horizontal(|ui| {
        if ui.small_button(tr(lang, Msg::ExpandAll)).clicked() {
            commands.push(Command::Tree(TreeCommand::ExpandAll));
        }
        if ui.small_button(tr(lang, Msg::CollapseAll)).clicked() {
            commands.push(Command::Tree(TreeCommand::CollapseAll));
        }
        if let Some(label) = props.filter_label {
            ui.label(RichText::new(labelled(lang, tr(lang, Msg::TreeFiltered), label)).small());
            if ui.small_button(tr(lang, Msg::ClearFilter)).clicked() {
                commands.push(Command::Tree(TreeCommand::ClearTreeFilter));
            }
        }
    });
    ui.separator();
}

pub fn tree_ui(ui: &mut Ui, props: &TreeProps<'_>) -> Vec<Command> {
    let mut actions = Vec::new();
    tree_header(ui, props, &mut actions);
    let row_height = ui.spacing().interact_size.y;
    let mut area = ScrollArea::vertical().id_salt("tree").auto_shrink([false, false]);
    if let Some(row) = props.scroll_to_row {
        let step = row_height + ui.spacing().item_spacing.y;
        let offset = (row as f32 * step - ui.available_height() / 2.0).max(0.0);
        area = area.vertical_scroll_offset(offset);
    }
    let palette = MarkColors::for_ui(ui);
    area.show_rows(ui, row_height, props.rows.len(), |ui, range| {
        for &i in &props.rows[range] {
            let node = &props.doc.plan.nodes[i];
            ui.horizontal(|ui| {
                ui.set_height(row_height);
                ui.add_space(f32::from(props.doc.outline.depth(i)) * 14.0);
                if props.doc.outline.has_children(i) {
                    let open = props.expanded.get(i).copied().unwrap_or(false);
                    let arrow = if open { "▼" } else { "▶" };
                    let toggle = ui
                        .add(Button::new(RichText::new(arrow).small()).frame(false).min_size(egui::vec2(14.0, 0.0)))
                        .on_hover_text(node.heading());
                    if toggle.clicked() {
                        actions.push(Command::Tree(TreeCommand::Toggle(i)));
                    }
                } else {
                    ui.add_space(14.0 + ui.spacing().item_spacing.x);
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    // Room for the scroll bar, so badges are never under it.
                    ui.add_space(10.0);
                    if let Some(status) = props.statuses.get(i).copied().flatten() {
                        ui.label(RichText::new(status_symbol(status)).small().color(status_color(status)));
                    }
                    let count = props.doc.outline.indicator_total(i);
                    if count > 0 {
                        ui.label(RichText::new(format!("{count}")).small().color(palette.indicator))
                            .on_hover_text(format!("{count} {}", tr(props.lang, Msg::ViewIndicators)));
                    }
                    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                        let label = title_job(&node.heading(), props.query, ui, &palette);
                        let selected = props.selected == Some(i);
                        let response = ui.add(Button::selectable(selected, label).truncate()).interact(Sense::click());
                        if response.clicked() {
                            actions.push(Command::Tree(TreeCommand::Open(i)));
                        }
                        if response.double_clicked() && props.doc.outline.has_children(i) {
                            actions.push(Command::Tree(TreeCommand::Toggle(i)));
                        }
                    });
                });
            });
        }
    });
    actions
}

/// The row's label with search hits marked.
fn title_job(text: &str, query: &str, ui: &Ui, palette: &MarkColors) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Button.resolve(ui.style());
    let plain = TextFormat { font_id: font.clone(), color: palette.text, ..Default::default() };
    let hit = TextFormat { background: palette.hit_bg, ..plain.clone() };
    let folded = text.to_ascii_lowercase();
    let hits = find_all(&folded, &query.trim().to_ascii_lowercase());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |c: usize| chars.get(c).map_or(text.len(), |x| x.0);
    let mut at = 0;
    for (s, e) in hits {
        job.append(&text[byte(at)..byte(s)], 0.0, plain.clone());
        job.append(&text[byte(s)..byte(e)], 0.0, hit.clone());
        at = e;
    }
    job.append(&text[byte(at)..], 0.0, plain);
    job
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn clicking_a_row_opens_it_and_the_header_expands_everything() {
        let doc = test_document();
        let parts: Vec<usize> = (0..doc.plan.nodes.len()).filter(|&i| doc.outline.depth(i) == 0).collect();
        let expanded = vec![false; doc.plan.nodes.len()];
        let statuses = vec![None; doc.plan.nodes.len()];
        let mut harness = view_harness(|ui| {
            let props = TreeProps {
                doc: &doc,
                rows: &parts,
                selected: None,
                expanded: &expanded,
                query: "",
                scroll_to_row: None,
                lang: Lang::Zh,
                statuses: &statuses,
                filter_label: Some("东部"),
            };
            tree_ui(ui, &props)
        });
        harness.get_by_label("第三篇 主要任务").click();
        harness.run();
        let third = doc.outline.index_of("pt3").expect("part 3");
        assert!(harness.state().contains(&Command::Tree(TreeCommand::Open(third))), "{:?}", harness.state());
        harness.get_by_label("全部展开").click();
        harness.run();
        harness.get_by_label("清除筛选").click();
        harness.run();
        assert!(harness.state().contains(&Command::Tree(TreeCommand::ExpandAll)));
        assert!(harness.state().contains(&Command::Tree(TreeCommand::ClearTreeFilter)));
    }
}
