//! The message panel at the bottom: errors and warnings about files, and the files being
//! loaded. Shown only when there is something to say.

use crate::ui::command::{ScenarioCommand, WindowCommand};
use egui::{RichText, Ui};

use super::Command;
use super::widgets::palette;
use crate::i18n::{Lang, Msg, tr};
use crate::model::Severity;
use crate::model::loaded::InFlight;
use crate::model::messages::Message;

pub struct MessagesProps<'a> {
    pub messages: &'a [Message],
    /// Per file, how many of its messages were not kept.
    pub hidden: &'a [(String, usize)],
    pub loading: &'a [InFlight],
    pub lang: Lang,
}

impl MessagesProps<'_> {
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty() && self.hidden.is_empty() && self.loading.is_empty()
    }
}

pub fn messages_ui(ui: &mut Ui, props: &MessagesProps<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let lang = props.lang;
    ui.horizontal(|ui| {
        ui.strong(tr(lang, Msg::Messages));
        for f in props.loading {
            ui.spinner();
            ui.label(format!(
                "{} {}（{:.1} MB）",
                tr(lang, Msg::LoadingFile),
                f.path.display(),
                f.bytes as f64 / 1_048_576.0
            ));
            if ui.small_button(tr(lang, Msg::Cancel)).clicked() {
                commands.push(Command::Scenario(ScenarioCommand::CancelLoad(f.path.clone())));
            }
        }
        if !props.messages.is_empty() && ui.small_button(tr(lang, Msg::Clear)).clicked() {
            commands.push(Command::Window(WindowCommand::ClearMessages));
        }
    });
    egui::ScrollArea::vertical().id_salt("messages_scroll").stick_to_bottom(true).show(ui, |ui| {
        for m in props.messages {
            let color = match m.severity {
                Severity::Error => palette::ERROR,
                Severity::Warning | Severity::Info => ui.visuals().text_color(),
            };
            ui.add(egui::Label::new(RichText::new(m.text_in(lang)).color(color).monospace()).wrap());
        }
        for (file, n) in props.hidden {
            let text = format!("{file}: {n} {}", tr(lang, Msg::MoreMessages));
            ui.label(RichText::new(text).monospace().weak());
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
    fn messages_are_listed_and_cleared_on_request() {
        let messages = vec![Message {
            severity: Severity::Error,
            text: "bad.ron:3:7: error: unknown indicator".into(),
            text_zh: None,
            file: "bad.ron".into(),
        }];
        let hidden = vec![("noisy.ron".to_string(), 450)];
        let loading = vec![InFlight { path: "/mnt/slow/plan-b.ron".into(), bytes: 2_000_000, seq: 3, batch: 1 }];
        let mut harness = view_harness(|ui| {
            messages_ui(ui, &MessagesProps { messages: &messages, hidden: &hidden, loading: &loading, lang: Lang::Zh })
        });
        harness.get_by_label("bad.ron:3:7: error: unknown indicator");
        harness.get_by_label("noisy.ron: 450 条消息未显示");
        harness.get_by_label(tr(Lang::Zh, Msg::Clear)).click();
        harness.run_steps(2);
        harness.get_by_label(tr(Lang::Zh, Msg::Cancel)).click();
        harness.run_steps(2);
        assert_eq!(
            harness.state().as_slice(),
            [
                Command::Window(WindowCommand::ClearMessages),
                Command::Scenario(ScenarioCommand::CancelLoad("/mnt/slow/plan-b.ron".into()))
            ]
        );
    }
}
