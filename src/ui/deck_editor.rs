//! The presenter's own deck on the scenario page: reorder, remove, speaker notes, undo, present,
//! save and load.

use crate::ui::command::{DeckCommand, PresenterCommand};
use egui::Ui;

use super::Command;
use super::keys::hint;
use crate::i18n::{Lang, Msg, paren, tr};

pub struct DeckEditorProps<'a> {
    /// A label per slide, in deck order.
    pub slides: &'a [String],
    /// Each slide's speaker notes, in deck order.
    pub notes: &'a [&'a str],
    /// (something to undo, something to redo).
    pub history: (bool, bool),
    pub lang: Lang,
}

/// What only this view reads: the file path being typed.
pub struct DeckEditorState {
    pub path: String,
}

impl Default for DeckEditorState {
    fn default() -> Self {
        DeckEditorState { path: "plan-explorer-deck.ron".into() }
    }
}

pub fn deck_editor_ui(ui: &mut Ui, props: &DeckEditorProps<'_>, state: &mut DeckEditorState) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = props.lang;
    let n = props.slides.len();
    ui.heading(format!("{}{}", tr(lang, Msg::MyDeck), paren(lang, n)));
    egui::ScrollArea::vertical().id_salt("deck").max_height(160.0).show(ui, |ui| {
        for (k, label) in props.slides.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{}. {label}", k + 1));
                if k > 0 && ui.small_button(tr(lang, Msg::MoveUp)).clicked() {
                    commands.push(Command::Deck(DeckCommand::Move { from: k, to: k - 1 }));
                }
                if k + 1 < n && ui.small_button(tr(lang, Msg::MoveDown)).clicked() {
                    commands.push(Command::Deck(DeckCommand::Move { from: k, to: k + 1 }));
                }
                if ui.small_button(tr(lang, Msg::Remove)).clicked() {
                    commands.push(Command::Deck(DeckCommand::Remove(k)));
                }
            });
            // The speaker's notes, shown in the speaker view while this slide is up.
            let mut notes = props.notes.get(k).copied().unwrap_or_default().to_string();
            ui.horizontal(|ui| {
                ui.add_space(16.0);
                let label = ui.label(format!("{} {}", tr(lang, Msg::SpeakerNotes), k + 1));
                let edit = egui::TextEdit::multiline(&mut notes).desired_rows(1).desired_width(f32::INFINITY);
                if ui.add(edit).labelled_by(label.id).changed() {
                    commands.push(Command::Deck(DeckCommand::SetSpeakerNotes { slide: k, text: notes.clone() }));
                }
            });
        }
    });
    ui.horizontal(|ui| {
        let present = egui::Button::new(format!("▶ {}", tr(lang, Msg::Present)));
        if ui.add_enabled(n > 0, present).clicked() {
            commands.push(Command::Presenter(PresenterCommand::StartMyDeck));
        }
        let label = ui.label(tr(lang, Msg::DeckFile));
        ui.add(egui::TextEdit::singleline(&mut state.path).desired_width(300.0)).labelled_by(label.id);
        let path = std::path::PathBuf::from(state.path.trim());
        if ui.button(tr(lang, Msg::SaveDeck)).clicked() {
            commands.push(Command::Deck(DeckCommand::Save(path.clone())));
        }
        if ui.button(tr(lang, Msg::LoadDeck)).clicked() {
            commands.push(Command::Deck(DeckCommand::Load(path)));
        }
        let (undo, redo) = props.history;
        if ui.add_enabled(undo, egui::Button::new(tr(lang, Msg::Undo))).on_hover_text(hint(Msg::UndoDeck)).clicked() {
            commands.push(Command::Deck(DeckCommand::Undo));
        }
        if ui.add_enabled(redo, egui::Button::new(tr(lang, Msg::Redo))).on_hover_text(hint(Msg::RedoDeck)).clicked() {
            commands.push(Command::Deck(DeckCommand::Redo));
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::view_harness;

    #[test]
    fn slides_move_and_go_and_the_deck_is_saved_where_typed() {
        let slides = vec!["研发经费".to_string(), "高新技术企业".to_string()];
        let mut state = DeckEditorState::default();
        let mut harness = view_harness(|ui| {
            let props = DeckEditorProps { slides: &slides, notes: &["", ""], history: (false, false), lang: Lang::Zh };
            deck_editor_ui(ui, &props, &mut state)
        });
        harness.get_by_label("下移").click();
        harness.run();
        harness.get_all_by_label("移除").nth(1).expect("a second remove button").click();
        harness.run();
        harness.get_by_label("保存幻灯片").click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Deck(DeckCommand::Move { from: 0, to: 1 })), "{commands:?}");
        assert!(commands.contains(&Command::Deck(DeckCommand::Remove(1))));
        assert!(commands.contains(&Command::Deck(DeckCommand::Save("plan-explorer-deck.ron".into()))));
    }
}
