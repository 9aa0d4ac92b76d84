//! The speaker view, driven as a presenter would: Shift+F11 opens it beside the slides (under
//! the test backend egui embeds the second window in the first), the list jumps, B and W blank
//! the room's screen, the speaker's notes and the notes on chart years stay with their slide
//! after the slideshow ends and go into the saved deck, and closing the slides' window ends
//! the slideshow, not the app.

mod common;

use common::app_exporting_to as harness;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::model::deck::Deck;

fn press(harness: &mut Harness<'_, PlanExplorerApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn speaker_view(harness: &mut Harness<'_, PlanExplorerApp>) {
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F11);
    harness.run();
}

fn index(harness: &Harness<'_, PlanExplorerApp>) -> usize {
    harness.state().presenting().expect("presenting").index
}

fn count(harness: &Harness<'_, PlanExplorerApp>) -> usize {
    harness.state().presenting().expect("presenting").deck.slides.len()
}

/// The button of the slides' own control line (the speaker view has one of the same name).
fn exit(harness: &mut Harness<'_, PlanExplorerApp>) {
    harness.get_all_by_label("退出演示").next().expect("an exit button").click();
    harness.run();
    assert!(harness.state().presenting().is_none());
}

/// What the speaker types into the notes of the slide shown.
fn write_notes(harness: &mut Harness<'_, PlanExplorerApp>, text: &str) {
    harness.get_by_label("演讲备注").focus();
    harness.run();
    harness.get_by_label("演讲备注").type_text(text);
    harness.run();
}

#[test]
fn shift_f11_opens_the_speaker_view_beside_the_slides_and_its_list_jumps() {
    let mut harness = harness("speaker-open");
    speaker_view(&mut harness);
    let n = count(&harness);
    assert!(n > 10, "the plan's deck: {n} slides");
    // The speaker's window: the time, the clock, the next slide and the list.
    harness.get_by_label_contains("已用时间：0:00:");
    assert_eq!(harness.get_all_by_label_contains("时间：").count(), 2, "the elapsed time and the clock");
    harness.get_by_label("下一页");
    harness.get_by_label("1. 内蒙古自治区“十三五”科技创新规划");
    harness.get_by_label("2. 终期评估：目标完成情况");
    harness.get_by_label("3. 研发经费占GDP比重（R&D/GDP）");
    // The slides' window shows the cover, with its date and controls.
    harness
        .get_all_by_label(&plan_explorer::clock::local_date(plan_explorer::i18n::Lang::Zh))
        .next()
        .expect("the date");
    assert_eq!(harness.get_all_by_label(&format!("1 / {n}")).count(), 2, "the room's counter and the speaker's");
    // A click in the list jumps; the next slide follows.
    harness.get_by_label("5. 每万人发明专利拥有量").click();
    harness.run();
    assert_eq!(index(&harness), 4);
    assert_eq!(harness.get_all_by_label(&format!("5 / {n}")).count(), 2);
    harness.get_by_label_contains("目标 3 件（2020）");
    // The chapters' targets slides are listed by their chapter's heading, as their title reads.
    harness.get_by_label_contains("7. 第二章 总体要求 · 目标");
    // The clicker's keys work with the speaker view open.
    press(&mut harness, Key::PageDown);
    assert_eq!(index(&harness), 5);
    press(&mut harness, Key::Home);
    assert_eq!(index(&harness), 0);
    // Shift+F11 again closes the speaker view and keeps presenting.
    speaker_view(&mut harness);
    assert!(harness.state().presenting().is_some_and(|p| !p.speaker));
    assert!(harness.query_by_label("下一页").is_none(), "the speaker's window is gone");
}

#[test]
fn b_and_w_blank_the_rooms_screen_and_the_same_key_brings_the_slide_back() {
    let mut harness = harness("speaker-blank");
    press(&mut harness, Key::F11);
    for _ in 0..2 {
        press(&mut harness, Key::ArrowRight);
    }
    harness.get_by_label("导出 PNG");
    press(&mut harness, Key::B);
    assert!(harness.query_by_label("导出 PNG").is_none(), "nothing but black");
    assert!(harness.query_by_label_contains("目标 2.2 %").is_none());
    press(&mut harness, Key::B);
    harness.get_by_label_contains("目标 2.2 %（2020）");
    press(&mut harness, Key::W);
    assert!(harness.query_by_label_contains("目标 2.2 %").is_none(), "nothing but white");
    // The speaker sees what the room sees, and brings the slide back with a click.
    speaker_view(&mut harness);
    harness.get_by_label("观众看到：白屏");
    harness.get_by_label("显示幻灯片").click();
    harness.run();
    harness.get_by_label_contains("目标 2.2 %（2020）");
    assert!(harness.query_by_label("观众看到：白屏").is_none());
    // Stepping goes on while the room's screen is black.
    press(&mut harness, Key::B);
    press(&mut harness, Key::ArrowRight);
    assert_eq!(index(&harness), 3);
    harness.get_by_label("观众看到：黑屏");
}

#[test]
fn speaker_notes_and_year_notes_stay_with_their_slide_after_the_slideshow_ends() {
    let mut harness = harness("speaker-notes");
    speaker_view(&mut harness);
    press(&mut harness, Key::ArrowRight);
    write_notes(&mut harness, "先讲结论：五年提高了八个百分点");
    // A note on a chart year, from the slides' control line.
    common::add_chart_note(&mut harness, "2018", "统计口径调整");
    exit(&mut harness);

    // Presenting the plan's deck again, the second slide has both.
    speaker_view(&mut harness);
    assert!(harness.query_by_value("先讲结论：五年提高了八个百分点").is_none(), "the first slide has none");
    press(&mut harness, Key::ArrowRight);
    assert_eq!(harness.get_by_label("演讲备注").value().as_deref(), Some("先讲结论：五年提高了八个百分点"));
    harness.get_by_label_contains("注：统计口径调整（2018）");
    // The notes are the speaker's: the slide the room sees does not show them.
    let app = harness.state();
    let p = app.presenting().expect("presenting");
    let spec = app.session().slide(&p.deck.slides[1], plan_explorer::i18n::Lang::Zh);
    assert!(!spec.notes.iter().chain(std::iter::once(&spec.caption)).any(|t| t.contains("先讲结论")));
}

#[test]
fn f11_runs_my_deck_when_i_have_one_and_its_notes_are_saved_with_it() {
    let mut harness = harness("speaker-my-deck");
    press(&mut harness, Key::F11);
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("加入自选幻灯片").click();
    harness.run();
    press(&mut harness, Key::Escape);
    // F11 now runs my deck, and says so.
    press(&mut harness, Key::F11);
    assert_eq!(count(&harness), 1);
    harness.get_by_label("自选幻灯片");
    speaker_view(&mut harness);
    write_notes(&mut harness, "这一页只讲两分钟");
    exit(&mut harness);
    assert_eq!(harness.state().my_deck().slides[0].speaker_notes, "这一页只讲两分钟");

    // 保存幻灯片 writes them.
    let dir = harness.state().export_dir().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("talk.deck.ron");
    common::save_my_deck(&mut harness, &path);
    let text = std::fs::read_to_string(&path).expect("saved");
    assert!(text.contains("speaker_notes: \"这一页只讲两分钟\""), "{text}");
}

#[test]
fn a_deck_written_before_speaker_notes_existed_still_loads() {
    let session = common::loading::session();
    let dir = common::temp_dir("old-deck");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("old.deck.ron");
    // As 保存幻灯片 wrote it before this version: notes on chart years, no speaker notes.
    std::fs::write(
        &path,
        "(\n  format_version: 1,\n  name: \"自选幻灯片\",\n  slides: [\n    (\n      content: Measure(\"rd_intensity\"),\n      notes: [\n        (\n          year: 2018,\n          text: \"GDP修订\",\n        ),\n      ],\n    ),\n  ],\n)\n",
    )
    .unwrap();
    let deck = Deck::load(&path, &session.deck_terms()).expect("an old deck loads");
    assert_eq!(deck.slides.len(), 1);
    assert_eq!(deck.slides[0].notes[0].text, "GDP修订");
    assert!(deck.slides[0].speaker_notes.is_empty());
    // Saved again without speaker notes, it reads as it did.
    assert!(!deck.to_ron().unwrap().contains("speaker_notes"));
}

#[test]
fn closing_the_slides_window_while_the_speaker_view_is_open_ends_the_slideshow_not_the_app() {
    let mut harness = harness("speaker-close");
    speaker_view(&mut harness);
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.state().presenting().is_none(), "the slideshow ended");
    // The window is still the app's: its pages are back.
    harness.get_by_label("指标");
}

#[test]
fn the_speaker_view_exports_the_briefing_with_its_notes() {
    let mut harness = harness("speaker-handout");
    speaker_view(&mut harness);
    press(&mut harness, Key::ArrowRight);
    write_notes(&mut harness, "这里停一下，请大家提问");
    harness.get_by_label("导出附备注的简报").click();
    harness.run();
    harness.get_all_by_label("导出简报 HTML").last().expect("the handout menu's entry").click();
    harness.run();
    let path = harness.state().export_dir().join("briefing-notes.html");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let section = html.split("<section>").nth(2).expect("the second slide (the evaluation table follows it)");
    assert!(section.contains("<div class=\"speaker\">演讲备注：这里停一下，请大家提问</div>"), "{section}");
}

#[test]
fn the_cover_is_written_in_the_speaker_view_and_kept_with_the_deck() {
    let mut harness = harness("speaker-cover");
    speaker_view(&mut harness);
    // The cover is the first slide: its words are fields where the speaker sees them.
    assert_eq!(harness.get_by_label("标题").value().as_deref(), Some("内蒙古自治区“十三五”科技创新规划"));
    harness.get_by_label("汇报人").focus();
    harness.run();
    harness.get_by_label("汇报人").type_text("自治区科技厅 规划处");
    harness.run();
    // The room sees it at once, in large type.
    assert!(harness.get_all_by_label("自治区科技厅 规划处").count() >= 1);
    exit(&mut harness);
    speaker_view(&mut harness);
    assert_eq!(harness.get_by_label("汇报人").value().as_deref(), Some("自治区科技厅 规划处"), "kept");
    // And the briefing written now has it on its cover.
    let path = harness.state_mut().export_briefing().expect("written");
    let html = std::fs::read_to_string(path).unwrap();
    let cover = html.split("<section>").nth(1).expect("the cover");
    assert!(cover.contains("自治区科技厅 规划处"), "{cover}");
}

/// The monitors the next few frames ask each window to be full screen on: (slides, speaker
/// view). Window commands are carried out at the end of the frame that runs them.
fn monitors_asked(harness: &mut Harness<'_, PlanExplorerApp>) -> (Vec<usize>, Vec<usize>) {
    let mut asked = (Vec::new(), Vec::new());
    for _ in 0..4 {
        harness.step();
        let of = |id: egui::ViewportId| -> Vec<usize> {
            let output = harness.output().viewport_output.get(&id);
            output
                .into_iter()
                .flat_map(|o| o.commands.iter())
                .filter_map(|c| match c {
                    egui::ViewportCommand::SetMonitor(k) => Some(*k),
                    _ => None,
                })
                .collect()
        };
        asked.0.extend(of(egui::ViewportId::ROOT));
        asked.1.extend(of(egui::ViewportId::from_hash_of("speaker view")));
    }
    asked
}

/// A key going down, alone: the harness steps once for it, so the commands of the frame that
/// ran it are the frame's output.
fn key_down(harness: &mut Harness<'_, PlanExplorerApp>, modifiers: egui::Modifiers, key: Key) {
    harness.event(egui::Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers });
}

#[test]
fn the_slides_go_to_the_second_screen_and_s_swaps_the_screens() {
    let mut harness = harness("speaker-monitors");
    key_down(&mut harness, egui::Modifiers::SHIFT, Key::F11);
    assert_eq!(monitors_asked(&mut harness).0, vec![1], "the slides to the second monitor (the projector)");
    harness.run();
    key_down(&mut harness, egui::Modifiers::NONE, Key::S);
    // The speaker view is asked for the other monitor too; embedded here (one window under
    // the test backend), it has no window of its own to be asked, so only the slides are seen.
    assert_eq!(monitors_asked(&mut harness).0, vec![0], "the slides to the first monitor");
    assert_eq!(harness.state().presenting().map(|p| p.slides_monitor), Some(0));
    harness.run();
    harness.get_by_label("交换屏幕").click();
    assert_eq!(monitors_asked(&mut harness).0, vec![1], "and back");
}

#[test]
fn notes_typed_on_the_deck_editor_are_one_step_to_undo_and_show_in_the_speaker_view() {
    let mut harness = harness("deck-editor-notes");
    // Two slides in my deck, from the presenter's bar.
    harness.key_press(Key::F11);
    harness.run();
    for _ in 0..2 {
        press(&mut harness, Key::ArrowRight);
        harness.get_by_label("加入自选幻灯片").click();
        harness.run();
    }
    press(&mut harness, Key::Escape);
    harness.get_by_label("情景").click();
    harness.run();
    let notes = |h: &Harness<'_, PlanExplorerApp>| h.state().my_deck().slides[0].speaker_notes.clone();
    harness.get_by_label("演讲备注 1").focus();
    harness.get_by_label("演讲备注 1").type_text("先讲结论");
    harness.run();
    assert_eq!(notes(&harness), "先讲结论");
    // Out of the field, Ctrl+Z takes the whole note back (its keystrokes are one step), Ctrl+Y
    // writes it again; removing a slide is a step of its own.
    press(&mut harness, Key::Escape);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(notes(&harness), "");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(notes(&harness), "先讲结论");
    harness.get_all_by_label("移除").nth(1).expect("the second slide's remove").click();
    harness.run();
    assert_eq!(harness.state().my_deck().slides.len(), 1);
    harness.get_by_label("撤销").click();
    harness.run();
    assert_eq!(harness.state().my_deck().slides.len(), 2);
    // The speaker sees it beside the first slide of the deck.
    harness.get_all_by_label_contains("自选幻灯片（2）").next().expect("my deck's button").click();
    harness.run();
    speaker_view(&mut harness);
    assert_eq!(harness.state().presenting().map(|p| p.index), Some(0));
    let editor = harness.get_by_label("演讲备注");
    assert_eq!(egui_kittest::kittest::NodeT::accesskit_node(&editor).value().as_deref(), Some("先讲结论"));
    // Written on in the speaker view, the note goes into the deck, and that too is undone on
    // the deck's page.
    harness.get_by_label("演讲备注").focus();
    harness.get_by_label("演讲备注").type_text("，再看数据");
    harness.run();
    assert_eq!(notes(&harness), "先讲结论，再看数据");
    press(&mut harness, Key::Escape);
    press(&mut harness, Key::Escape);
    assert!(harness.state().presenting().is_none());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(notes(&harness), "先讲结论");
}
