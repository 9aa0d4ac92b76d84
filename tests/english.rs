//! The English window speaks one language: on every page, the app's own words are English with
//! English punctuation, units are English words, and the 盟市 (on the East–West page, on the
//! map, in its pins) carry their English names. Only the plan's own text (headings, quotes,
//! sources) stays Chinese.

mod common;

use common::{app, drop_file, fixture};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use plan_explorer::app::PlanExplorerApp;

/// Every text the window shows (labels keep theirs in `value`, widgets in `label`).
fn texts(harness: &Harness<'static, PlanExplorerApp>) -> Vec<String> {
    harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .filter_map(|n| {
            let node = n.accesskit_node();
            if node.role() == Role::Label { node.value() } else { node.label() }
        })
        .collect()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Texts with no Chinese in them that still carry Chinese punctuation: `Unit：%`, `East：23`,
/// `3 (2020，%)`.
fn chinese_punctuation_in_english(harness: &Harness<'static, PlanExplorerApp>) -> Vec<String> {
    texts(harness)
        .into_iter()
        .filter(|t| !t.chars().any(is_cjk) && t.chars().any(|c| "：（），、".contains(c)))
        .collect()
}

fn english_app() -> Harness<'static, PlanExplorerApp> {
    let mut harness = app();
    // Two 盟市 values from a scenario, so the East–West page has its statistics and a source
    // choice; the built-in values have the others.
    drop_file(&mut harness, fixture("east_west.ron"));
    harness.get_by_label("English").click();
    harness.run();
    harness
}

fn open(harness: &mut Harness<'static, PlanExplorerApp>, tab: &str) {
    harness.get_all_by_label(tab).next().unwrap_or_else(|| panic!("the {tab} tab")).click();
    harness.run();
}

#[test]
fn no_page_of_the_english_window_uses_chinese_punctuation_for_its_own_words() {
    let mut harness = english_app();
    for tab in ["Overview", "Indicators", "Final evaluation", "East / West", "Map", "Scenarios", "What-if"] {
        open(&mut harness, tab);
        let wrong = chinese_punctuation_in_english(&harness);
        assert!(wrong.is_empty(), "{tab}: {wrong:?}");
    }
}

#[test]
fn units_are_english_words_on_the_overview_and_the_final_evaluation() {
    let mut harness = english_app();
    open(&mut harness, "Overview");
    // Invention patents per 10,000 people: the plan's 件 is "items".
    harness.get_by_label("Target 3 items (2020)");
    harness.get_by_label("Base year 1.22 items (2015)");
    let tiles: Vec<String> = texts(&harness).into_iter().filter(|t| t.contains(" 件") || t.contains(" 亿元")).collect();
    assert!(tiles.is_empty(), "no Chinese unit on the tiles: {tiles:?}");
    // The date as ISO 8601, not 2017年7月4日.
    harness.get_by_label_contains("Issued: 2017-07-04");
    open(&mut harness, "Final evaluation");
    harness.get_by_label("3 items (2020)");
    harness.get_by_label("2.89 items");
    harness.get_by_label("300 × 100 million yuan (2020)");
    let chinese_units: Vec<String> = texts(&harness)
        .into_iter()
        .filter(|t| ["件", "亿元", "人年/万人", "个百分点"].iter().any(|u| t.contains(u)))
        .collect();
    assert!(chinese_units.is_empty(), "{chinese_units:?}");
}

#[test]
fn leagues_and_cities_and_the_maps_pins_are_named_in_english() {
    let mut harness = english_app();
    open(&mut harness, "East / West");
    // The statistics table and its unit.
    harness.get_by_label("Hohhot");
    harness.get_by_label("Xilingol League");
    harness.get_by_label("3121.4 × 100 million yuan");
    assert!(harness.query_by_label("呼和浩特").is_none(), "no Chinese 盟市 name in the table");
    // The statistic's own name in the choice.
    harness.get(By::new().value("GDP (current prices) (× 100 million yuan)"));
    open(&mut harness, "Map");
    // A pin is a button named by its place: Manzhouli, with its 旗县区 as the plan's text names it.
    harness.get_by_role_and_label(Role::Button, "Manzhouli (满洲里市)");
    assert!(harness.query_by_label_contains("满洲里 ").is_none() && harness.query_by_label("满洲里").is_none());
    // The chart region choice on the indicator page lists the parts in English too.
    open(&mut harness, "Indicators");
    harness.get(By::new().value("Whole region"));
}

#[test]
fn the_bar_keeps_every_control_with_open_scenario_in_english_and_in_narrow_windows() {
    // The English words are longer: at 1400 and 1280 px the open button used to fold into a
    // File menu, and at 1024 px (either language) it went altogether. The bar wraps instead.
    for (size, english) in [
        ([1400.0, 900.0], true),
        ([1280.0, 800.0], true),
        ([1024.0, 768.0], true),
        ([1024.0, 768.0], false),
        ([1400.0, 900.0], false),
    ] {
        let mut harness = common::AppBuilder::new().size(size).build();
        if english {
            harness.get_by_label("English").click();
            harness.run();
        }
        common::assert_top_bar_whole(&harness, size);
    }
    let mut harness = app();
    harness.get_by_label("English").click();
    harness.run();
    assert!(!harness.state().file_dialog_asked());
    harness.get_by_label("Open scenario…").click();
    // While the dialog is open the window keeps polling: step, rather than wait for it to settle.
    harness.run_steps(4);
    assert!(harness.state().file_dialog_asked(), "the dialog is open, or the window said there is none");
}
