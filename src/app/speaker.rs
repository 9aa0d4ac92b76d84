//! The speaker view's window: a second native window (an egui viewport) beside the slides,
//! drawn each frame with the slides. Under a backend with one window (the tests) egui embeds it
//! as a window inside the first.

use egui::{ViewportBuilder, ViewportClass, ViewportId};

use super::PlanExplorerApp;
use crate::i18n::{Msg, tr};
use crate::model::deck::SlideContent;
use crate::ui::command::PresenterCommand;
use crate::ui::speaker::{SpeakerProps, speaker_ui};
use crate::ui::{Command, keys};

/// The speaker view's window.
pub(super) fn speaker_viewport() -> ViewportId {
    ViewportId::from_hash_of("speaker view")
}

impl PlanExplorerApp {
    /// The speaker's window, while the speaker view is on. Closing it, or the slides' window,
    /// leaves the slideshow (the app stays open).
    pub(super) fn speaker_window(&mut self, ctx: &egui::Context) -> Vec<Command> {
        self.thumbnails.poll(ctx);
        let Some(p) = &self.presenter else {
            self.thumbnails.clear();
            return Vec::new();
        };
        if !p.speaker {
            return Vec::new();
        }
        let mut commands = Vec::new();
        if ctx.input(|i| i.viewport().close_requested()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            commands.push(PresenterCommand::Stop.into());
        }
        let lang = self.settings.lang;
        let current = p.current().map(|s| self.session.slide(s, lang));
        let next = p.next().map(|s| self.session.slide(s, lang));
        let current_picture = current.as_ref().and_then(|s| self.thumbnails.picture(s));
        let next_picture = next.as_ref().and_then(|s| self.thumbnails.picture(s));
        let names: Vec<String> = p.deck.slides.iter().map(|s| self.session.slide_label(s, lang)).collect();
        let clock = crate::clock::local_clock();
        let props = SpeakerProps {
            current: (current.as_ref().map_or("", |s| s.title.as_str()), current_picture.as_ref()),
            next: next.as_ref().map(|s| (s.title.as_str(), next_picture.as_ref())),
            index: p.index,
            names: &names,
            deck_name: &p.deck.name,
            notes: p.current().map_or("", |s| s.speaker_notes.as_str()),
            cover: p.current().and_then(|s| match &s.content {
                SlideContent::Cover { title, date, presenter } => {
                    Some([title.as_str(), date.as_str(), presenter.as_str()])
                }
                _ => None,
            }),
            elapsed: p.started.elapsed(),
            clock: &clock,
            blank: p.blank,
            windowed: p.windowed,
            lang,
        };
        let (view, state) = (self.settings.view, &mut self.views.speaker);
        let builder = ViewportBuilder::default()
            .with_title(format!("{} · plan-explorer", tr(lang, Msg::SpeakerView)))
            .with_inner_size([1100.0, 720.0]);
        commands.extend(ctx.show_viewport_immediate(speaker_viewport(), builder, |ui, class| {
            let mut commands = Vec::new();
            // Its own window has its own keys and its own close button; embedded, the slides'
            // window already read them.
            if class != ViewportClass::EmbeddedWindow {
                let ctx = ui.ctx().clone();
                commands.extend(keys::keys(&ctx, true, view));
                if ctx.input(|i| i.viewport().close_requested()) {
                    commands.push(PresenterCommand::Stop.into());
                }
            }
            commands.extend(speaker_ui(ui, &props, state));
            commands
        }));
        // The timer's seconds go on while nobody touches anything.
        ctx.request_repaint_after(std::time::Duration::from_millis(250));
        commands
    }
}
