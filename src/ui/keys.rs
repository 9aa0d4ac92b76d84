//! Keyboard shortcuts of the window, read from egui's input and turned into commands.
//! (Ctrl+F belongs to the search box, which handles it itself.)

use egui::{Context, Event, Key};

use super::{Command, SlideStep, TreeKey};

/// Keys while the window shows the plan: F11, F5, `?`, Esc, and the tree's arrows and Enter
/// (unless a text field has the keyboard).
pub fn window_keys(ctx: &Context) -> Vec<Command> {
    let mut commands = Vec::new();
    if ctx.input(|i| i.key_pressed(Key::F11)) {
        commands.push(Command::TogglePresenting);
        return commands;
    }
    if ctx.input(|i| i.key_pressed(Key::F5)) {
        commands.push(Command::ReloadAll);
    }
    if ctx.egui_wants_keyboard_input() {
        return commands;
    }
    if typed(ctx, &["?"]) {
        commands.push(Command::ToggleHelp);
    }
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        commands.push(Command::CloseHelp);
    }
    for (key, tree_key) in [
        (Key::ArrowDown, TreeKey::Down),
        (Key::ArrowUp, TreeKey::Up),
        (Key::ArrowRight, TreeKey::Right),
        (Key::ArrowLeft, TreeKey::Left),
        (Key::Enter, TreeKey::Enter),
    ] {
        if ctx.input(|i| i.key_pressed(key)) {
            commands.push(Command::Navigate(tree_key));
        }
    }
    commands
}

/// Keys while presenting: F11 and Esc leave; arrows, PageUp/PageDown, Space, Home and End
/// move; + and − change the type size; F5 reloads the scenarios.
pub fn presenter_keys(ctx: &Context) -> Vec<Command> {
    let mut commands = Vec::new();
    if ctx.input(|i| i.key_pressed(Key::F11)) {
        commands.push(Command::TogglePresenting);
        return commands;
    }
    // A presenter who edits a scenario file reloads it without leaving the slide.
    if ctx.input(|i| i.key_pressed(Key::F5)) {
        commands.push(Command::ReloadAll);
    }
    if ctx.egui_wants_keyboard_input() {
        return commands;
    }
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        commands.push(Command::StopPresenting);
        return commands;
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
        if ctx.input(|i| i.key_pressed(key)) {
            commands.push(Command::Slide(step));
        }
    }
    if typed(ctx, &["+", "="]) {
        commands.push(Command::PresenterBigger);
    }
    if typed(ctx, &["-"]) {
        commands.push(Command::PresenterSmaller);
    }
    commands
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
        let mut tree = view_harness(|ui| window_keys(ui.ctx()));
        tree.key_press(Key::ArrowDown);
        tree.key_press(Key::F5);
        tree.run();
        assert!(tree.state().contains(&Command::Navigate(TreeKey::Down)), "{:?}", tree.state());
        assert!(tree.state().contains(&Command::ReloadAll));

        let mut slides = view_harness(|ui| presenter_keys(ui.ctx()));
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
