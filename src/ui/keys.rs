//! Keyboard shortcuts of the window, read from egui's input and turned into commands.
//! (Ctrl+F belongs to the search box, which handles it itself.)

use egui::{Context, Event, Key};

use super::{Command, SlideStep, TreeKey};

/// The window's keys as commands. F11 and F5 work everywhere, even while a text field has
/// the keyboard; the rest only when none has.
pub fn keys(ctx: &Context, presenting: bool) -> Vec<Command> {
    if pressed(ctx, Key::F11) {
        return vec![Command::TogglePresenting];
    }
    let mut commands = Vec::new();
    // A presenter who edits a scenario file reloads it without leaving the slide.
    if pressed(ctx, Key::F5) {
        commands.push(Command::ReloadAll);
    }
    if ctx.egui_wants_keyboard_input() {
        return commands;
    }
    if presenting {
        presenter_keys(ctx, &mut commands);
    } else {
        window_keys(ctx, &mut commands);
    }
    commands
}

/// Showing the plan: `?` and Esc for help, the tree's arrows and Enter.
fn window_keys(ctx: &Context, commands: &mut Vec<Command>) {
    if typed(ctx, &["?"]) {
        commands.push(Command::ToggleHelp);
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::O)) {
        commands.push(Command::OpenDialog);
    }
    if pressed(ctx, Key::Escape) {
        commands.push(Command::CloseHelp);
    }
    for (key, tree_key) in [
        (Key::ArrowDown, TreeKey::Down),
        (Key::ArrowUp, TreeKey::Up),
        (Key::ArrowRight, TreeKey::Right),
        (Key::ArrowLeft, TreeKey::Left),
        (Key::Enter, TreeKey::Enter),
    ] {
        if pressed(ctx, key) {
            commands.push(Command::Navigate(tree_key));
        }
    }
}

/// Presenting: Esc leaves; arrows, PageUp/PageDown, Space, Home and End move; + and −
/// change the type size.
fn presenter_keys(ctx: &Context, commands: &mut Vec<Command>) {
    if pressed(ctx, Key::Escape) {
        commands.push(Command::StopPresenting);
        return;
    }
    let steps = [
        (Key::ArrowLeft, SlideStep::Previous),
        (Key::PageUp, SlideStep::Previous),
        (Key::ArrowRight, SlideStep::Next),
        (Key::PageDown, SlideStep::Next),
        (Key::Space, SlideStep::Next),
        (Key::Home, SlideStep::First),
        (Key::End, SlideStep::Last),
    ];
    for (key, step) in steps {
        if pressed(ctx, key) {
            commands.push(Command::Slide(step));
        }
    }
    if typed(ctx, &["+", "="]) {
        commands.push(Command::PresenterBigger);
    }
    if typed(ctx, &["-"]) {
        commands.push(Command::PresenterSmaller);
    }
}

fn pressed(ctx: &Context, key: Key) -> bool {
    ctx.input(|i| i.key_pressed(key))
}

fn typed(ctx: &Context, texts: &[&str]) -> bool {
    ctx.input(|i| i.events.iter().any(|e| matches!(e, Event::Text(t) if texts.contains(&t.as_str()))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::view_harness;

    #[test]
    fn arrows_move_in_the_tree_but_step_slides_when_presenting() {
        let mut tree = view_harness(|ui| keys(ui.ctx(), false));
        tree.key_press(Key::ArrowDown);
        tree.key_press(Key::F5);
        tree.run();
        assert!(tree.state().contains(&Command::Navigate(TreeKey::Down)), "{:?}", tree.state());
        assert!(tree.state().contains(&Command::ReloadAll));

        let mut slides = view_harness(|ui| keys(ui.ctx(), true));
        slides.key_press(Key::ArrowDown);
        slides.key_press(Key::End);
        slides.key_press(Key::F5);
        slides.run();
        slides.key_press(Key::Escape);
        slides.run();
        let commands = slides.state();
        assert!(!commands.iter().any(|c| matches!(c, Command::Navigate(_))), "{commands:?}");
        for expected in [Command::ReloadAll, Command::Slide(SlideStep::Last), Command::StopPresenting] {
            assert!(commands.contains(&expected), "{commands:?}");
        }
    }
}
