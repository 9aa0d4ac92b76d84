//! The speaker view, in its own window beside the slides: the slide the room sees and the next
//! one (pictures drawn as their exports are), the speaker's notes in large type, the elapsed
//! time and the clock, and the slide list, where a click jumps. The same keys work here as on
//! the slides.

use std::time::Duration;

use egui::{Align, FontId, Layout, RichText, Ui};

use super::Command;
use super::SlideStep;
use super::command::{Blank, DocumentFormat, ExportCommand, PresenterCommand};
use super::keys::hint;
use crate::i18n::{Lang, Msg, labelled, tr};

pub struct SpeakerProps<'a> {
    /// The current slide's title, and its picture once drawn.
    pub current: (&'a str, Option<&'a egui::TextureHandle>),
    /// The next slide's, `None` after the last.
    pub next: Option<(&'a str, Option<&'a egui::TextureHandle>)>,
    pub index: usize,
    /// Every slide's name, for the list.
    pub names: &'a [String],
    pub deck_name: &'a str,
    pub notes: &'a str,
    /// The cover's title, date and presenter's line, when the current slide is the cover.
    pub cover: Option<[&'a str; 3]>,
    pub elapsed: Duration,
    /// The time of day, as the presenter's clock shows it ("14:05").
    pub clock: &'a str,
    pub blank: Option<Blank>,
    pub windowed: bool,
    pub lang: Lang,
}

/// What only this view reads: the notes being typed, for the slide they belong to.
#[derive(Default)]
pub struct SpeakerState {
    notes: String,
    /// The cover's title, date and presenter's line being typed.
    cover: [String; 3],
    slide: Option<usize>,
}

pub fn speaker_ui(ui: &mut Ui, props: &SpeakerProps<'_>, state: &mut SpeakerState) -> Vec<Command> {
    let mut commands = Vec::new();
    if state.slide != Some(props.index) {
        state.notes = props.notes.to_string();
        state.cover = props.cover.unwrap_or_default().map(String::from);
        state.slide = Some(props.index);
    }
    commands.extend(top_line(ui, props));
    egui::Panel::right("speaker_list").resizable(true).default_size(ui.available_width() * 0.32).show(ui, |ui| {
        commands.extend(side(ui, props));
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let width = ui.available_width();
        let picture_height = (ui.available_height() * 0.55).min(width * 9.0 / 16.0);
        picture(ui, props.current, picture_height, props.lang);
        ui.add_space(8.0);
        if props.cover.is_some() {
            commands.extend(cover_fields(ui, state, props.lang));
        }
        let label = ui.label(RichText::new(tr(props.lang, Msg::SpeakerNotes)).strong());
        let notes = egui::TextEdit::multiline(&mut state.notes)
            .font(FontId::proportional(26.0))
            .hint_text(tr(props.lang, Msg::SpeakerNotesHint))
            .desired_width(f32::INFINITY)
            .desired_rows(4);
        let response = egui::ScrollArea::vertical()
            .id_salt("speaker_notes")
            .show(ui, |ui| ui.add(notes).labelled_by(label.id))
            .inner;
        if response.changed() {
            commands.push(PresenterCommand::SetSpeakerNotes(state.notes.clone()).into());
        }
    });
    commands
}

/// The cover's words, edited where the speaker sees them.
fn cover_fields(ui: &mut Ui, state: &mut SpeakerState, lang: Lang) -> Option<Command> {
    let mut changed = false;
    egui::Grid::new("cover_fields").num_columns(2).show(ui, |ui| {
        for (k, msg) in [Msg::CoverTitle, Msg::CoverDate, Msg::CoverPresenter].into_iter().enumerate() {
            let label = ui.label(tr(lang, msg));
            let field = egui::TextEdit::singleline(&mut state.cover[k]).desired_width(480.0);
            changed |= ui.add(field).labelled_by(label.id).changed();
            ui.end_row();
        }
    });
    changed.then(|| {
        let [title, date, presenter] = state.cover.clone();
        PresenterCommand::EditCover { title, date, presenter }.into()
    })
}

/// The time, where the slideshow is, and what the presenter can do without the keyboard.
fn top_line(ui: &mut Ui, props: &SpeakerProps<'_>) -> Vec<Command> {
    let lang = props.lang;
    let mut commands = Vec::new();
    egui::Panel::top("speaker_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let big = |text: String| RichText::new(text).font(FontId::proportional(30.0)).strong();
            ui.label(big(labelled(lang, tr(lang, Msg::Elapsed), clock_of(props.elapsed))));
            ui.separator();
            ui.label(big(labelled(lang, tr(lang, Msg::Clock), props.clock)));
            ui.separator();
            ui.label(big(format!("{} / {}", props.index + 1, props.names.len())));
            ui.label(props.deck_name);
        });
        let mut handout = None;
        ui.horizontal_wrapped(|ui| {
            let mut button = |ui: &mut Ui, text: &str, hover: String, command: PresenterCommand| {
                if ui.button(text).on_hover_text(hover).clicked() {
                    commands.push(command.into());
                }
            };
            button(ui, "◀", hint(Msg::KeyPrevious), PresenterCommand::Step(SlideStep::Previous));
            button(ui, "▶", hint(Msg::KeyNext), PresenterCommand::Step(SlideStep::Next));
            for (blank, msg) in [(Blank::Black, Msg::BlackScreen), (Blank::White, Msg::WhiteScreen)] {
                let text = if props.blank == Some(blank) { tr(lang, Msg::ShowSlide) } else { tr(lang, msg) };
                button(ui, text, hint(msg), PresenterCommand::Blank(blank));
            }
            button(ui, tr(lang, Msg::RestartTimer), String::new(), PresenterCommand::RestartTimer);
            let window = if props.windowed { Msg::FullScreen } else { Msg::Windowed };
            button(ui, tr(lang, window), String::new(), PresenterCommand::ToggleWindowed);
            button(ui, tr(lang, Msg::SwapScreens), hint(Msg::SwapScreens), PresenterCommand::SwapScreens);
            ui.menu_button(tr(lang, Msg::ExportHandout), |ui| {
                for (format, msg) in [
                    (DocumentFormat::Pdf, Msg::ExportBriefingPdf),
                    (DocumentFormat::Docx, Msg::ExportBriefingDocx),
                    (DocumentFormat::Html, Msg::ExportBriefing),
                ] {
                    if ui.button(tr(lang, msg)).clicked() {
                        handout = Some(format);
                    }
                }
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                button(ui, tr(lang, Msg::ExitPresenter), hint(Msg::ExitPresenter), PresenterCommand::Stop);
            });
        });
        commands.extend(handout.map(|format| Command::Export(ExportCommand::Handout(format))));
        if let Some(blank) = props.blank {
            let what = match blank {
                Blank::Black => Msg::BlackScreen,
                Blank::White => Msg::WhiteScreen,
            };
            ui.label(RichText::new(format!("{}{}", tr(lang, Msg::AudienceSees), tr(lang, what))).strong());
        }
    });
    commands
}

/// The next slide, then the list of all of them.
fn side(ui: &mut Ui, props: &SpeakerProps<'_>) -> Vec<Command> {
    let lang = props.lang;
    let mut commands = Vec::new();
    ui.label(RichText::new(tr(lang, Msg::NextSlide)).strong());
    match props.next {
        Some(next) => picture(ui, next, ui.available_width() * 9.0 / 16.0, lang),
        None => {
            ui.label(tr(lang, Msg::EndOfDeck));
        }
    }
    ui.separator();
    ui.label(RichText::new(tr(lang, Msg::SlideList)).strong());
    egui::ScrollArea::vertical().id_salt("speaker_slides").show(ui, |ui| {
        for (k, name) in props.names.iter().enumerate() {
            let here = k == props.index;
            let response = ui.selectable_label(here, format!("{}. {name}", k + 1));
            if here {
                response.scroll_to_me(None);
            }
            if response.clicked() && !here {
                commands.push(PresenterCommand::GoTo(k).into());
            }
        }
    });
    commands
}

/// A slide's title over its picture (or over a word that it is being drawn).
fn picture(ui: &mut Ui, (title, texture): (&str, Option<&egui::TextureHandle>), height: f32, lang: Lang) {
    ui.label(RichText::new(title).font(FontId::proportional(20.0)));
    let size = egui::vec2(height * 16.0 / 9.0, height).min(egui::vec2(ui.available_width(), height));
    match texture {
        Some(texture) => {
            ui.add(egui::Image::new(texture).fit_to_exact_size(size).alt_text(title));
        }
        None => {
            ui.allocate_ui(size, |ui| {
                ui.set_min_size(size);
                ui.centered_and_justified(|ui| ui.label(tr(lang, Msg::Rendering)));
            });
        }
    }
}

/// Hours, minutes and seconds: 0:07:42.
pub fn clock_of(elapsed: Duration) -> String {
    let s = elapsed.as_secs();
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::view_harness;

    #[test]
    fn the_timer_reads_hours_minutes_and_seconds() {
        assert_eq!(clock_of(Duration::from_secs(0)), "0:00:00");
        assert_eq!(clock_of(Duration::from_secs(462)), "0:07:42");
        assert_eq!(clock_of(Duration::from_secs(3 * 3600 + 59 * 60 + 5)), "3:59:05");
    }

    #[test]
    fn the_list_jumps_and_notes_are_written_for_their_slide() {
        let names = vec!["研发经费投入强度".to_string(), "技术合同成交额".to_string(), "东部与西部".to_string()];
        let mut state = SpeakerState::default();
        let mut harness = view_harness(|ui| {
            let props = SpeakerProps {
                current: (&names[0], None),
                next: Some((&names[1], None)),
                index: 0,
                names: &names,
                deck_name: "规划",
                notes: "先讲结论",
                cover: None,
                elapsed: Duration::from_secs(75),
                clock: "14:05",
                blank: Some(Blank::Black),
                windowed: false,
                lang: Lang::Zh,
            };
            speaker_ui(ui, &props, &mut state)
        });
        harness.get_by_label("已用时间：0:01:15");
        harness.get_by_label("时间：14:05");
        harness.get_by_label("观众看到：黑屏");
        harness.get_by_label("3. 东部与西部").click();
        harness.run();
        harness.get_by_label("显示幻灯片").click();
        harness.run();
        harness.get_by_label("演讲备注").focus();
        harness.run();
        harness.get_by_label("演讲备注").type_text("，再讲原因");
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&PresenterCommand::GoTo(2).into()), "{commands:?}");
        assert!(commands.contains(&PresenterCommand::Blank(Blank::Black).into()), "{commands:?}");
        assert!(
            commands.contains(&PresenterCommand::SetSpeakerNotes("先讲结论，再讲原因".into()).into()),
            "{commands:?}"
        );
    }
}
