//! The bar across the top: the pages, open and present, search, the region filter, language,
//! theme and help.

use crate::ui::command::{PageCommand, PresenterCommand, ScenarioCommand, TreeCommand, WindowCommand};
use egui::{Key, RichText, Ui};

use super::{Command, RegionFilter, View};
use crate::i18n::{Lang, Msg, paren, tr};
use crate::model::{Places, Region};

pub struct TopBarProps<'a> {
    pub lang: Lang,
    pub view: View,
    /// A file dialog is open already.
    pub dialog_open: bool,
    /// Slides in the presenter's own deck.
    pub deck_len: usize,
    pub dark: bool,
    pub query: &'a str,
    /// (hits, nodes with hits) of the current query.
    pub hits: (usize, usize),
    pub region_filter: &'a RegionFilter,
    pub places: &'a Places,
    /// The search field takes the keyboard (Ctrl+F was pressed).
    pub focus_search: bool,
}

pub fn top_bar_ui(ui: &mut Ui, props: &TopBarProps<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(4.0);
    // One line when everything fits at its natural width: the pages and actions from the left,
    // the tools (search, region, language, theme, help) from the right, the search field between
    // them taking what is left. In a narrower window or at a larger zoom the tools take a line of
    // their own, and where even that is too narrow, both lines wrap: every control stays in the
    // bar, none is folded away or drawn over another.
    let (actions, tools) = (actions_width(ui, props), tools_width(ui, props));
    let width = ui.available_width();
    if width >= actions + tools {
        ui.horizontal(|ui| {
            pages_and_actions(ui, props, &mut commands);
            ui.separator();
            tools_right_to_left(ui, props, &mut commands);
        });
    } else {
        ui.horizontal_wrapped(|ui| pages_and_actions(ui, props, &mut commands));
        if width >= tools {
            ui.horizontal(|ui| tools_right_to_left(ui, props, &mut commands));
        } else {
            ui.horizontal_wrapped(|ui| {
                search_box(ui, props, MIN_FIELD, &mut commands);
                region_filter_box(ui, props, &mut commands);
                settings(ui, props, false, &mut commands);
            });
        }
    }
    ui.add_space(2.0);
    commands
}

/// Help, theme, language and the region list from the right, then the search field as wide
/// as is left (within bounds).
fn tools_right_to_left(ui: &mut Ui, props: &TopBarProps<'_>, commands: &mut Vec<Command>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        settings(ui, props, true, commands);
        ui.separator();
        region_filter_box(ui, props, commands);
        ui.separator();
        let width = (ui.available_width() - search_extras_width(ui, props)).clamp(MIN_FIELD, MAX_FIELD);
        search_box(ui, props, width, commands);
    });
}

const PAGES: [(View, Msg); 8] = [
    (View::Overview, Msg::ViewOverview),
    (View::Reader, Msg::ViewReader),
    (View::Indicators, Msg::ViewIndicators),
    (View::Evaluation, Msg::ViewEvaluation),
    (View::Regions, Msg::ViewRegions),
    (View::Map, Msg::ViewMap),
    (View::Scenarios, Msg::ViewScenarios),
    (View::WhatIf, Msg::ViewWhatIf),
];

/// The search field's width: never narrower than a few words, never wider than a sentence.
const MIN_FIELD: f32 = 140.0;
const MAX_FIELD: f32 = 260.0;
/// The region list's width (its longest 盟市 name).
const REGION_BOX: f32 = 84.0;

/// The page tabs, then open, present and the presenter's own deck.
fn pages_and_actions(ui: &mut Ui, props: &TopBarProps<'_>, commands: &mut Vec<Command>) {
    let lang = props.lang;
    for (view, msg) in PAGES {
        if ui.selectable_label(props.view == view, tr(lang, msg)).clicked() {
            commands.push(Command::Page(PageCommand::SetView(view)));
        }
    }
    ui.separator();
    let open = ui
        .add_enabled(!props.dialog_open, egui::Button::new(tr(lang, Msg::OpenFile)))
        .on_hover_text(super::keys::hint(Msg::OpenFile));
    if open.clicked() {
        commands.push(Command::Scenario(ScenarioCommand::OpenDialog));
    }
    if ui.button(present_words(lang)).on_hover_text(super::keys::hint(Msg::Present)).clicked() {
        commands.push(Command::Presenter(PresenterCommand::Start(None)));
    }
    if props.deck_len > 0 && ui.button(my_deck_words(props)).clicked() {
        commands.push(Command::Presenter(PresenterCommand::StartMyDeck));
    }
}

fn present_words(lang: Lang) -> String {
    format!("▶ {}", tr(lang, Msg::Present))
}

fn my_deck_words(props: &TopBarProps<'_>) -> String {
    format!("{}{}", tr(props.lang, Msg::MyDeck), paren(props.lang, props.deck_len))
}

/// The language, the theme, and help and about, in reading order: `right_to_left` when `ui` lays
/// out from the right (one line), so that they read the same either way.
fn settings(ui: &mut Ui, props: &TopBarProps<'_>, right_to_left: bool, commands: &mut Vec<Command>) {
    if right_to_left {
        help_menu(ui, props.lang, commands);
        theme_button(ui, props, commands);
        language_button(ui, props.lang, commands);
    } else {
        language_button(ui, props.lang, commands);
        theme_button(ui, props, commands);
        help_menu(ui, props.lang, commands);
    }
}

fn language_button(ui: &mut Ui, lang: Lang, commands: &mut Vec<Command>) {
    if ui.button(tr(lang, Msg::Language)).clicked() {
        commands.push(Command::Window(WindowCommand::ToggleLanguage));
    }
}

fn theme_button(ui: &mut Ui, props: &TopBarProps<'_>, commands: &mut Vec<Command>) {
    if ui.button(theme_words(props)).on_hover_text(tr(props.lang, Msg::Theme)).clicked() {
        commands.push(Command::Window(WindowCommand::ToggleTheme));
    }
}

fn help_menu(ui: &mut Ui, lang: Lang, commands: &mut Vec<Command>) {
    ui.menu_button("?", |ui| {
        if ui.button(format!("{} ({})", tr(lang, Msg::Help), super::keys::hint(Msg::Help))).clicked() {
            commands.push(Command::Window(WindowCommand::ToggleHelp));
        }
        if ui.button(tr(lang, Msg::About)).clicked() {
            commands.push(Command::Window(WindowCommand::ToggleAbout));
        }
    });
}

fn theme_words(props: &TopBarProps<'_>) -> &'static str {
    tr(props.lang, if props.dark { Msg::ThemeLight } else { Msg::ThemeDark })
}

/// The widths of the bar's two groups at the current type size and zoom, from the words they
/// show: the pages and actions, and the tools with the search field at its narrowest.
fn actions_width(ui: &Ui, props: &TopBarProps<'_>) -> f32 {
    let lang = props.lang;
    let mut words: Vec<String> = PAGES.iter().map(|(_, m)| tr(lang, *m).to_string()).collect();
    words.extend([tr(lang, Msg::OpenFile).to_string(), present_words(lang)]);
    if props.deck_len > 0 {
        words.push(my_deck_words(props));
    }
    buttons_width(ui, &words) + 2.0 * separator_width(ui)
}

fn tools_width(ui: &Ui, props: &TopBarProps<'_>) -> f32 {
    let lang = props.lang;
    let words = [tr(props.lang, Msg::Language), theme_words(props), "?", tr(lang, Msg::RegionFilter)].map(String::from);
    let combo = REGION_BOX + ui.spacing().icon_width + 2.0 * ui.spacing().button_padding.x;
    buttons_width(ui, &words) + 2.0 * separator_width(ui) + combo + MIN_FIELD + search_extras_width(ui, props)
}

/// Buttons with these words side by side, with a small margin for their frames' strokes.
fn buttons_width(ui: &Ui, words: &[String]) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let button = 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x;
    let text: f32 = ui.fonts_mut(|f| words.iter().map(|w| text_width(f, w, &font)).sum());
    (text + button * words.len() as f32) * 1.03
}

fn separator_width(ui: &Ui) -> f32 {
    ui.spacing().item_spacing.x + 8.0
}

fn text_width(fonts: &mut egui::epaint::text::FontsView<'_>, text: &str, font: &egui::FontId) -> f32 {
    fonts.layout_no_wrap(text.to_string(), font.clone(), egui::Color32::WHITE).size().x
}

/// The search label, and the slot of the hit count with its arrows: as wide as the count of a
/// search with thousands of hits, so that no count is cut short and nothing moves as it fills.
fn search_extras_width(ui: &Ui, props: &TopBarProps<'_>) -> f32 {
    let lang = props.lang;
    let small = egui::TextStyle::Small.resolve(ui.style());
    let body = egui::TextStyle::Body.resolve(ui.style());
    let widest = hit_words(lang, (8888, 8888));
    let (count, label) =
        ui.fonts_mut(|f| (text_width(f, &widest, &small), text_width(f, tr(lang, Msg::Search), &body)));
    let arrows = 2.0 * (ui.spacing().interact_size.y + ui.spacing().item_spacing.x);
    count + arrows + label + 3.0 * ui.spacing().item_spacing.x
}

fn hit_words(lang: Lang, (hits, nodes): (usize, usize)) -> String {
    if nodes == 0 {
        tr(lang, Msg::NoHits).to_string()
    } else {
        format!("{hits} {} / {nodes} {}", tr(lang, Msg::Hits), tr(lang, Msg::Nodes))
    }
}

/// The search field (Ctrl+F focuses it; Enter and Shift+Enter step through the hits) and the
/// hit count with its arrows: label, field, count, arrows, as one block in any layout.
fn search_box(ui: &mut Ui, props: &TopBarProps<'_>, field_width: f32, commands: &mut Vec<Command>) {
    let lang = props.lang;
    let size = egui::vec2(field_width + search_extras_width(ui, props), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_min_size(size);
        let label = ui.label(tr(lang, Msg::Search));
        let mut query = props.query.to_string();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text(format!(
                        "{}{}",
                        tr(lang, Msg::SearchHint),
                        paren(lang, super::keys::hint(Msg::KeySearch))
                    ))
                    .desired_width(field_width)
                    .id_salt("search"),
            )
            .labelled_by(label.id);
        if props.focus_search {
            response.request_focus();
        }
        if query != props.query {
            commands.push(Command::Tree(TreeCommand::SetQuery(query)));
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            commands.push(Command::Tree(TreeCommand::JumpHit { forward: !back }));
            response.request_focus();
        }
        if props.query.trim().is_empty() {
            return;
        }
        ui.label(RichText::new(hit_words(lang, props.hits)).small());
        if ui.small_button("▲").on_hover_text(tr(lang, Msg::PrevHit)).clicked() {
            commands.push(Command::Tree(TreeCommand::JumpHit { forward: false }));
        }
        if ui.small_button("▼").on_hover_text(tr(lang, Msg::NextHit)).clicked() {
            commands.push(Command::Tree(TreeCommand::JumpHit { forward: true }));
        }
    });
}

/// All of the region, east or west, or one 盟市.
fn region_filter_box(ui: &mut Ui, props: &TopBarProps<'_>, commands: &mut Vec<Command>) {
    let lang = props.lang;
    let current = match props.region_filter {
        RegionFilter::All => tr(lang, Msg::AllRegions).to_string(),
        RegionFilter::Region(r) => r.name(lang).to_string(),
        RegionFilter::City(c) => c.clone(),
    };
    let combo = egui::ComboBox::from_label(tr(lang, Msg::RegionFilter)).selected_text(current).width(REGION_BOX);
    combo.show_ui(ui, |ui| {
        if ui.selectable_label(*props.region_filter == RegionFilter::All, tr(lang, Msg::AllRegions)).clicked() {
            commands.push(Command::Tree(TreeCommand::SetRegionFilter(RegionFilter::All)));
        }
        for region in Region::ALL {
            let f = RegionFilter::Region(region);
            if ui.selectable_label(*props.region_filter == f, region.name(lang)).clicked() {
                commands.push(Command::Tree(TreeCommand::SetRegionFilter(f)));
            }
            for city in props.places.cities_in(region) {
                let f = RegionFilter::City(city.name.clone());
                if ui.selectable_label(*props.region_filter == f, format!("　{}", city.name)).clicked() {
                    commands.push(Command::Tree(TreeCommand::SetRegionFilter(f)));
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::ui::{test_document, view_harness};

    #[test]
    fn pages_search_and_region_are_asked_for_not_set() {
        let doc = test_document();
        let mut harness = view_harness(|ui| {
            let props = TopBarProps {
                lang: Lang::Zh,
                view: View::Reader,
                dialog_open: false,
                deck_len: 0,
                dark: false,
                query: "稀土",
                hits: (3, 2),
                region_filter: &RegionFilter::All,
                places: &doc.plan.places,
                focus_search: false,
            };
            top_bar_ui(ui, &props)
        });
        harness.get_by_label("3 处 / 2 个条目");
        harness.get_by_label("指标").click();
        harness.run();
        harness.get_by_label("▼").click();
        harness.run();
        harness.get_by_label("English").click();
        harness.run();
        let commands = harness.state();
        assert!(commands.contains(&Command::Page(PageCommand::SetView(View::Indicators))), "{commands:?}");
        assert!(commands.contains(&Command::Tree(TreeCommand::JumpHit { forward: true })));
        assert!(commands.contains(&Command::Window(WindowCommand::ToggleLanguage)));
    }
}
