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
    let lang = props.lang;
    ui.add_space(4.0);
    // One line that never wraps or shifts: the pages and actions from the left, the settings
    // from the right, and between them the search field, which takes what width is left.
    ui.horizontal(|ui| {
        // (The app's name is the window's title and the start page's heading: the bar keeps its
        // width for controls.)
        let full_width = ui.available_width();
        for (view, msg) in [
            (View::Overview, Msg::ViewOverview),
            (View::Reader, Msg::ViewReader),
            (View::Indicators, Msg::ViewIndicators),
            (View::Evaluation, Msg::ViewEvaluation),
            (View::Regions, Msg::ViewRegions),
            (View::Map, Msg::ViewMap),
            (View::Scenarios, Msg::ViewScenarios),
            (View::WhatIf, Msg::ViewWhatIf),
        ] {
            if ui.selectable_label(props.view == view, tr(lang, msg)).clicked() {
                commands.push(Command::Page(PageCommand::SetView(view)));
            }
        }
        ui.separator();
        // In a narrower window (English words are longer: sooner) the open button folds into a
        // menu, one click from the bar.
        let wide_enough = if lang == Lang::En { WIDE_ENOUGH_FOR_OPEN_EN } else { WIDE_ENOUGH_FOR_OPEN };
        let open = |ui: &mut Ui| {
            ui.add_enabled(!props.dialog_open, egui::Button::new(tr(lang, Msg::OpenFile)))
                .on_hover_text(super::keys::hint(Msg::OpenFile))
                .clicked()
        };
        let menu_fits = if lang == Lang::En { MENU_FITS_EN } else { MENU_FITS };
        let opened = if full_width >= wide_enough {
            open(ui)
        } else if full_width >= menu_fits {
            ui.menu_button(tr(lang, Msg::FileMenu), |ui| open(ui)).inner.unwrap_or(false)
        } else {
            // Narrower still, the search field needs the room: Ctrl+O and the 情景 page open.
            false
        };
        if opened {
            commands.push(Command::Scenario(ScenarioCommand::OpenDialog));
        }
        if ui.button(format!("▶ {}", tr(lang, Msg::Present))).on_hover_text(super::keys::hint(Msg::Present)).clicked()
        {
            commands.push(Command::Presenter(PresenterCommand::Start(None)));
        }
        if props.deck_len > 0
            && ui.button(format!("{}{}", tr(lang, Msg::MyDeck), paren(lang, props.deck_len))).clicked()
        {
            commands.push(Command::Presenter(PresenterCommand::StartMyDeck));
        }
        ui.separator();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.menu_button("?", |ui| {
                if ui.button(format!("{} ({})", tr(lang, Msg::Help), super::keys::hint(Msg::Help))).clicked() {
                    commands.push(Command::Window(WindowCommand::ToggleHelp));
                }
                if ui.button(tr(lang, Msg::About)).clicked() {
                    commands.push(Command::Window(WindowCommand::ToggleAbout));
                }
            });
            let theme_label = if props.dark { tr(lang, Msg::ThemeLight) } else { tr(lang, Msg::ThemeDark) };
            if ui.button(theme_label).on_hover_text(tr(lang, Msg::Theme)).clicked() {
                commands.push(Command::Window(WindowCommand::ToggleTheme));
            }
            if ui.button(tr(lang, Msg::Language)).clicked() {
                commands.push(Command::Window(WindowCommand::ToggleLanguage));
            }
            ui.separator();
            region_filter_box(ui, props, &mut commands);
            ui.separator();
            search_box(ui, props, &mut commands);
        });
    });
    ui.add_space(2.0);
    commands
}

/// Below this width the open button folds into the 文件 menu.
const WIDE_ENOUGH_FOR_OPEN: f32 = 1100.0;
const WIDE_ENOUGH_FOR_OPEN_EN: f32 = 1450.0;
/// Below this width not even the menu fits beside the search field. English: seen in a real
/// 1280-wide window, where the menu pushed ▶ Present over the search label (in the test
/// harness the bar's right-hand group comes out some 45 px narrower and hid that, so the
/// margin is taken from the window).
const MENU_FITS: f32 = 1060.0;
const MENU_FITS_EN: f32 = 1340.0;
/// The slot of the hit count and its arrows: always there, so nothing moves when it fills.
const HIT_COUNT_WIDTH: f32 = 100.0;

/// The search field (Ctrl+F focuses it; Enter and Shift+Enter step through the hits) and
/// the hit count with its arrows. Laid out right to left: arrows, count, field, label.
fn search_box(ui: &mut Ui, props: &TopBarProps<'_>, commands: &mut Vec<Command>) {
    let lang = props.lang;
    let slot = egui::vec2(HIT_COUNT_WIDTH, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(slot, egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.set_min_width(HIT_COUNT_WIDTH);
        if props.query.trim().is_empty() {
            return;
        }
        if ui.small_button("▼").on_hover_text(tr(lang, Msg::NextHit)).clicked() {
            commands.push(Command::Tree(TreeCommand::JumpHit { forward: true }));
        }
        if ui.small_button("▲").on_hover_text(tr(lang, Msg::PrevHit)).clicked() {
            commands.push(Command::Tree(TreeCommand::JumpHit { forward: false }));
        }
        let (hits, nodes) = props.hits;
        let text = if nodes == 0 {
            tr(lang, Msg::NoHits).to_string()
        } else {
            format!("{hits} {} / {nodes} {}", tr(lang, Msg::Hits), tr(lang, Msg::Nodes))
        };
        ui.add(egui::Label::new(RichText::new(text).small()).truncate());
    });
    let mut query = props.query.to_string();
    let label_width = 40.0;
    let width = (ui.available_width() - label_width).clamp(60.0, 260.0);
    let response = ui.add(
        egui::TextEdit::singleline(&mut query)
            .hint_text(format!("{}{}", tr(lang, Msg::SearchHint), paren(lang, super::keys::hint(Msg::KeySearch))))
            .desired_width(width)
            .id_salt("search"),
    );
    let response = response.labelled_by(ui.label(tr(lang, Msg::Search)).id);
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
}

/// All of the region, east or west, or one 盟市.
fn region_filter_box(ui: &mut Ui, props: &TopBarProps<'_>, commands: &mut Vec<Command>) {
    let lang = props.lang;
    let current = match props.region_filter {
        RegionFilter::All => tr(lang, Msg::AllRegions).to_string(),
        RegionFilter::Region(r) => r.name(lang).to_string(),
        RegionFilter::City(c) => c.clone(),
    };
    let combo = egui::ComboBox::from_label(tr(lang, Msg::RegionFilter)).selected_text(current).width(84.0);
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
