//! Every keyboard shortcut of the app, in one table ([`SHORTCUTS`]) that drives the key
//! handling, the buttons' hover text ([`hint`]) and the `?` help ([`help_lines`]). The two a
//! widget or egui handles itself (Enter and Shift+Enter in the search field, Ctrl +/− for zoom)
//! are listed too, without a command, so the help is complete.

use egui::{Context, Event, Key, Modifiers};

use super::command::{
    Blank, DeckCommand, EvaluationCommand, PresenterCommand, ScenarioCommand, TreeCommand, WhatIfCommand, WindowCommand,
};
use super::{Command, SlideStep, TreeKey, View};
use crate::i18n::{Lang, Msg, tr};

/// Where a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while a text field has the keyboard (F11, F5).
    Everywhere,
    /// In the window, outside presenter mode, when no text field has the keyboard.
    Window,
    /// On the what-if page, when no text field has the keyboard.
    WhatIf,
    /// On the final evaluation page, when no text field has the keyboard.
    Evaluation,
    /// On the scenario page (the presenter's deck), when no text field has the keyboard.
    Scenarios,
    /// While presenting.
    Presenter,
}

/// How a shortcut is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    /// A key with these modifiers (`Modifiers::NONE`: the key without Ctrl/⌘; Shift and Alt
    /// may be held).
    Press(Modifiers, Key),
    /// A character typed (`?`, `+`), whatever the keyboard layout.
    Text(&'static str),
}

pub struct Shortcut {
    /// Any of these.
    pub keys: &'static [Keys],
    /// How the help and hover texts write it.
    pub label: &'static str,
    pub scope: Scope,
    /// What it asks for; `None` when a widget or egui handles it.
    pub command: Option<fn() -> Command>,
    /// What it does, in words.
    pub what: Msg,
}

const fn press(key: Key) -> Keys {
    Keys::Press(Modifiers::NONE, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

/// Every shortcut, in the order the help lists them.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: &[Keys::Press(CTRL, Key::F)],
        label: "Ctrl+F",
        scope: Scope::Everywhere,
        command: Some(|| WindowCommand::FocusSearch.into()),
        what: Msg::KeySearch,
    },
    Shortcut {
        keys: &[press(Key::Enter)],
        label: "Enter / Shift+Enter",
        scope: Scope::Window,
        command: None,
        what: Msg::KeyHits,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL, Key::O)],
        label: "Ctrl+O",
        scope: Scope::Window,
        command: Some(|| ScenarioCommand::OpenDialog.into()),
        what: Msg::OpenFile,
    },
    Shortcut {
        keys: &[press(Key::ArrowDown)],
        label: "↓",
        scope: Scope::Window,
        command: Some(|| TreeCommand::Navigate(TreeKey::Down).into()),
        what: Msg::KeyDown,
    },
    Shortcut {
        keys: &[press(Key::ArrowUp)],
        label: "↑",
        scope: Scope::Window,
        command: Some(|| TreeCommand::Navigate(TreeKey::Up).into()),
        what: Msg::KeyUp,
    },
    Shortcut {
        keys: &[press(Key::ArrowRight)],
        label: "→",
        scope: Scope::Window,
        command: Some(|| TreeCommand::Navigate(TreeKey::Right).into()),
        what: Msg::KeyExpand,
    },
    Shortcut {
        keys: &[press(Key::ArrowLeft)],
        label: "←",
        scope: Scope::Window,
        command: Some(|| TreeCommand::Navigate(TreeKey::Left).into()),
        what: Msg::KeyCollapse,
    },
    Shortcut {
        keys: &[press(Key::Enter)],
        label: "Enter",
        scope: Scope::Window,
        command: Some(|| TreeCommand::Navigate(TreeKey::Enter).into()),
        what: Msg::KeyOpen,
    },
    Shortcut { keys: &[], label: "Ctrl + / −", scope: Scope::Window, command: None, what: Msg::KeyZoom },
    Shortcut {
        keys: &[press(Key::F5)],
        label: "F5",
        scope: Scope::Everywhere,
        command: Some(|| ScenarioCommand::ReloadAll.into()),
        what: Msg::Reload,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL, Key::Z)],
        label: "Ctrl+Z",
        scope: Scope::WhatIf,
        command: Some(|| WhatIfCommand::Undo.into()),
        what: Msg::Undo,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL_SHIFT, Key::Z), Keys::Press(CTRL, Key::Y)],
        label: "Ctrl+Shift+Z / Ctrl+Y",
        scope: Scope::WhatIf,
        command: Some(|| WhatIfCommand::Redo.into()),
        what: Msg::Redo,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL, Key::Z)],
        label: "Ctrl+Z",
        scope: Scope::Scenarios,
        command: Some(|| DeckCommand::Undo.into()),
        what: Msg::UndoDeck,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL_SHIFT, Key::Z), Keys::Press(CTRL, Key::Y)],
        label: "Ctrl+Shift+Z / Ctrl+Y",
        scope: Scope::Scenarios,
        command: Some(|| DeckCommand::Redo.into()),
        what: Msg::RedoDeck,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL, Key::Z)],
        label: "Ctrl+Z",
        scope: Scope::Evaluation,
        command: Some(|| EvaluationCommand::Undo.into()),
        what: Msg::Undo,
    },
    Shortcut {
        keys: &[Keys::Press(CTRL_SHIFT, Key::Z), Keys::Press(CTRL, Key::Y)],
        label: "Ctrl+Shift+Z / Ctrl+Y",
        scope: Scope::Evaluation,
        command: Some(|| EvaluationCommand::Redo.into()),
        what: Msg::Redo,
    },
    Shortcut {
        keys: &[Keys::Press(SHIFT, Key::F11)],
        label: "Shift+F11",
        scope: Scope::Everywhere,
        command: Some(|| PresenterCommand::ToggleSpeaker.into()),
        what: Msg::SpeakerView,
    },
    Shortcut {
        keys: &[press(Key::F11)],
        label: "F11",
        scope: Scope::Everywhere,
        command: Some(|| PresenterCommand::Toggle.into()),
        what: Msg::Present,
    },
    Shortcut {
        keys: &[press(Key::ArrowLeft), press(Key::PageUp)],
        label: "← / PageUp",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Step(SlideStep::Previous).into()),
        what: Msg::KeyPrevious,
    },
    Shortcut {
        keys: &[press(Key::ArrowRight), press(Key::PageDown), press(Key::Space)],
        label: "→ / PageDown / Space",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Step(SlideStep::Next).into()),
        what: Msg::KeyNext,
    },
    Shortcut {
        keys: &[press(Key::Home)],
        label: "Home",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Step(SlideStep::First).into()),
        what: Msg::KeyFirst,
    },
    Shortcut {
        keys: &[press(Key::End)],
        label: "End",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Step(SlideStep::Last).into()),
        what: Msg::KeyLast,
    },
    Shortcut {
        keys: &[Keys::Text("+"), Keys::Text("=")],
        label: "+",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Bigger.into()),
        what: Msg::KeyBigger,
    },
    Shortcut {
        keys: &[Keys::Text("-")],
        label: "−",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Smaller.into()),
        what: Msg::KeySmaller,
    },
    Shortcut {
        keys: &[press(Key::B)],
        label: "B",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Blank(Blank::Black).into()),
        what: Msg::BlackScreen,
    },
    Shortcut {
        keys: &[press(Key::W)],
        label: "W",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Blank(Blank::White).into()),
        what: Msg::WhiteScreen,
    },
    Shortcut {
        keys: &[press(Key::S)],
        label: "S",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::SwapScreens.into()),
        what: Msg::SwapScreens,
    },
    Shortcut {
        keys: &[press(Key::Escape)],
        label: "Esc",
        scope: Scope::Presenter,
        command: Some(|| PresenterCommand::Stop.into()),
        what: Msg::ExitPresenter,
    },
    Shortcut {
        keys: &[Keys::Text("?")],
        label: "?",
        scope: Scope::Window,
        command: Some(|| WindowCommand::ToggleHelp.into()),
        what: Msg::Help,
    },
    Shortcut {
        keys: &[press(Key::Escape)],
        label: "Esc",
        scope: Scope::Window,
        command: Some(|| WindowCommand::CloseHelp.into()),
        what: Msg::KeyCloseHelp,
    },
];

/// The commands the keys pressed in this frame ask for: F11 or Shift+F11 alone when pressed
/// (they switch what the other keys mean), else every shortcut of the scopes that apply now.
pub fn keys(ctx: &Context, presenting: bool, view: View) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let active = |scope: Scope| match scope {
        Scope::Everywhere => true,
        Scope::Window => !presenting && !typing,
        Scope::WhatIf => !presenting && !typing && view == View::WhatIf,
        Scope::Evaluation => !presenting && !typing && view == View::Evaluation,
        Scope::Scenarios => !presenting && !typing && view == View::Scenarios,
        Scope::Presenter => presenting && !typing,
    };
    // Shift+F11 first: it takes its key, so that F11 alone does not act on it too.
    for what in [Msg::SpeakerView, Msg::Present] {
        if let Some(s) = SHORTCUTS.iter().find(|s| s.what == what)
            && s.keys.iter().any(|k| hit(ctx, *k))
        {
            return s.command.map(|c| c()).into_iter().collect();
        }
    }
    // egui matches Ctrl+Z when Ctrl+Shift+Z is pressed too: the shortcuts with more
    // modifiers take their keys first.
    let mut candidates: Vec<&Shortcut> = SHORTCUTS.iter().filter(|s| active(s.scope)).collect();
    candidates.sort_by_key(|s| std::cmp::Reverse(s.keys.iter().map(modifier_count).max().unwrap_or(0)));
    candidates
        .into_iter()
        .filter_map(|s| s.command.filter(|_| s.keys.iter().any(|k| hit(ctx, *k))))
        .map(|c| c())
        .collect()
}

fn modifier_count(keys: &Keys) -> usize {
    match keys {
        Keys::Press(m, _) => usize::from(m.command || m.ctrl) + usize::from(m.shift) + usize::from(m.alt),
        Keys::Text(_) => 0,
    }
}

/// Whether `keys` were typed in this frame. A key with modifiers is taken (so the same key
/// without them, or a widget, does not act on it too); a plain key counts whatever is held,
/// except Ctrl (Ctrl+← is a text field's, not the tree's).
fn hit(ctx: &Context, keys: Keys) -> bool {
    match keys {
        Keys::Press(modifiers, key) if modifiers != Modifiers::NONE => ctx.input_mut(|i| i.consume_key(modifiers, key)),
        Keys::Press(_, key) => ctx.input(|i| i.key_pressed(key) && !i.modifiers.command),
        Keys::Text(text) => ctx.input(|i| i.events.iter().any(|e| matches!(e, Event::Text(t) if t == text))),
    }
}

/// How the shortcuts for `what` are typed, for a button's hover text (`Ctrl+O`).
pub fn hint(what: Msg) -> String {
    SHORTCUTS.iter().filter(|s| s.what == what).map(|s| s.label).collect::<Vec<_>>().join(" / ")
}

/// The help: each scope's heading, then one line per shortcut (keys, what they do).
pub fn help_lines(lang: Lang) -> Vec<(String, Vec<(&'static str, &'static str)>)> {
    [
        (Scope::Window, Msg::KeysInWindow),
        (Scope::Everywhere, Msg::KeysEverywhere),
        (Scope::WhatIf, Msg::ViewWhatIf),
        (Scope::Evaluation, Msg::ViewEvaluation),
        (Scope::Scenarios, Msg::ViewScenarios),
        (Scope::Presenter, Msg::KeysPresenting),
    ]
    .into_iter()
    .map(|(scope, heading)| {
        let lines = SHORTCUTS.iter().filter(|s| s.scope == scope).map(|s| (s.label, tr(lang, s.what))).collect();
        (tr(lang, heading).to_string(), lines)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::view_harness;

    #[test]
    fn arrows_move_in_the_tree_but_step_slides_when_presenting() {
        let mut tree = view_harness(|ui| keys(ui.ctx(), false, View::Reader));
        tree.key_press(Key::ArrowDown);
        tree.key_press(Key::F5);
        tree.run();
        assert!(tree.state().contains(&TreeCommand::Navigate(TreeKey::Down).into()), "{:?}", tree.state());
        assert!(tree.state().contains(&ScenarioCommand::ReloadAll.into()));

        let mut slides = view_harness(|ui| keys(ui.ctx(), true, View::Reader));
        slides.key_press(Key::ArrowDown);
        slides.key_press(Key::End);
        slides.key_press(Key::F5);
        slides.run();
        slides.key_press(Key::Escape);
        slides.run();
        let commands = slides.state();
        assert!(!commands.iter().any(|c| matches!(c, Command::Tree(_))), "{commands:?}");
        let expected: [Command; 3] = [
            ScenarioCommand::ReloadAll.into(),
            PresenterCommand::Step(SlideStep::Last).into(),
            PresenterCommand::Stop.into(),
        ];
        for e in expected {
            assert!(commands.contains(&e), "{commands:?}");
        }
    }

    #[test]
    fn undo_and_redo_are_keys_of_the_what_if_page_only() {
        let mut elsewhere = view_harness(|ui| keys(ui.ctx(), false, View::Indicators));
        elsewhere.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        elsewhere.run();
        assert!(elsewhere.state().is_empty(), "{:?}", elsewhere.state());
        let mut whatif = view_harness(|ui| keys(ui.ctx(), false, View::WhatIf));
        whatif.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        whatif.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        whatif.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        whatif.run();
        let undo: Command = WhatIfCommand::Undo.into();
        let redo: Command = WhatIfCommand::Redo.into();
        let got = whatif.state();
        assert_eq!(got.iter().filter(|c| **c == undo).count(), 1, "Ctrl+Z once, not for Ctrl+Shift+Z too: {got:?}");
        assert_eq!(got.iter().filter(|c| **c == redo).count(), 2, "Ctrl+Y and Ctrl+Shift+Z: {got:?}");
    }

    #[test]
    fn the_help_lists_every_shortcut_of_the_table_and_hover_texts_come_from_it() {
        let lines: Vec<(&str, &str)> = help_lines(Lang::Zh).into_iter().flat_map(|(_, l)| l).collect();
        assert_eq!(lines.len(), SHORTCUTS.len());
        assert!(lines.contains(&("Ctrl+Shift+Z / Ctrl+Y", "重做")), "Ctrl+Y is in the help: {lines:?}");
        assert_eq!(hint(Msg::OpenFile), "Ctrl+O");
        assert_eq!(hint(Msg::ExitPresenter), "Esc");
    }
}
