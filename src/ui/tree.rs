//! The plan's tree (left panel): one row per visible node, virtualised so that a fully
//! expanded plan 100× this size costs only the rows on screen.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Button, Color32, Layout, RichText, ScrollArea, Sense, Ui};

use super::Action;
use super::highlight::Palette;
use super::i18n::{Lang, Msg, tr};
use crate::model::Document;
use crate::model::search::find_all;

/// Which nodes are visible: all of them in document order, skipping collapsed subtrees,
/// or, when `mask` is given, exactly the masked nodes (a filter shows its matches expanded).
pub fn visible_rows(doc: &Document, expanded: &[bool], mask: Option<&[bool]>) -> Vec<usize> {
    let n = doc.plan.nodes.len();
    let mut rows = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(mask) = mask {
            if mask.get(i).copied().unwrap_or(false) {
                rows.push(i);
                i += 1;
            } else {
                // Nothing below an unmatched node is matched (ancestors are in the mask).
                i = doc.outline.subtree(i).end.max(i + 1);
            }
            continue;
        }
        rows.push(i);
        if expanded.get(i).copied().unwrap_or(false) {
            i += 1;
        } else {
            i = doc.outline.subtree(i).end.max(i + 1);
        }
    }
    rows
}

pub struct TreeProps<'a> {
    pub doc: &'a Document,
    pub rows: &'a [usize],
    pub selected: Option<usize>,
    pub expanded: &'a [bool],
    pub query: &'a str,
    /// Scroll so that this row is in view (after a keyboard move or a jump).
    pub scroll_to_row: Option<usize>,
    pub lang: Lang,
    /// A short progress badge per node (rolled up), if any.
    pub badge: &'a dyn Fn(usize) -> Option<(String, Color32)>,
}

pub fn tree_ui(ui: &mut Ui, props: &TreeProps<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let row_height = ui.spacing().interact_size.y;
    let mut area = ScrollArea::vertical().id_salt("tree").auto_shrink([false, false]);
    if let Some(row) = props.scroll_to_row {
        let step = row_height + ui.spacing().item_spacing.y;
        let offset = (row as f32 * step - ui.available_height() / 2.0).max(0.0);
        area = area.vertical_scroll_offset(offset);
    }
    let palette = Palette::for_ui(ui);
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
                        actions.push(Action::Toggle(i));
                    }
                } else {
                    ui.add_space(14.0 + ui.spacing().item_spacing.x);
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    // Room for the scroll bar, so badges are never under it.
                    ui.add_space(10.0);
                    if let Some((text, color)) = (props.badge)(i) {
                        ui.label(RichText::new(text).small().color(color));
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
                            actions.push(Action::Open(i));
                        }
                        if response.double_clicked() && props.doc.outline.has_children(i) {
                            actions.push(Action::Toggle(i));
                        }
                    });
                });
            });
        }
    });
    actions
}

/// The row's label with search hits marked.
fn title_job(text: &str, query: &str, ui: &Ui, palette: &Palette) -> LayoutJob {
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
