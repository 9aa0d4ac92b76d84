//! The real app, built as `main` builds it (fonts included), driven through egui_kittest:
//! click, type, read labels.

mod common;

use common::app as harness;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::ui::command::TreeCommand;
use plan_explorer::ui::{Command, View};

fn selected_id(harness: &Harness<'_, PlanExplorerApp>) -> Option<String> {
    let app = harness.state();
    app.selected().map(|i| app.doc().plan.nodes[i].id.clone())
}

#[test]
fn the_window_lists_the_plans_parts_in_chinese() {
    let harness = harness();
    for part in ["第一篇 形势分析", "第三篇 主要任务", "第六篇 组织实施"] {
        harness.get_by_label(part);
    }
    harness.get_by_label("规划全文");
}

#[test]
fn selecting_a_node_shows_its_full_text() {
    let mut harness = harness();
    harness.get_by_label("第十一章 巩固企业创新主体地位").click();
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("ch11"));
    // The chapter's paragraphs are shown in full, verbatim.
    let app = harness.state();
    let first = app.doc().plan.nodes.iter().find(|n| n.parent.as_deref() == Some("ch11")).unwrap().text.clone();
    harness.get_by_label(&first);
    // Breadcrumb back to the part.
    harness.get_by_label("第四篇").click();
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("pt4"));
}

#[test]
fn search_counts_hits_and_filters_the_tree() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("搜索").type_text("稀土");
    harness.run();
    harness.get_by_label_contains("/ 51 个条目");
    let app = harness.state_mut();
    let rows = app.visible_rows().to_vec();
    let doc = &harness.state().doc();
    assert!(rows.iter().all(|&i| {
        let sub = doc.outline.subtree(i);
        sub.into_iter().any(|k| doc.plan.nodes[k].text.contains("稀土") || doc.plan.nodes[k].title.contains("稀土"))
    }));
    // 第二十四章 (science popularisation) never mentions 稀土: it is filtered out.
    assert!(harness.query_by_label("第二十四章 加强科普和创新文化建设").is_none());
    assert!(harness.query_by_label("第四章 现代工业体系技术支撑").is_some());
}

#[test]
fn a_chapter_opens_by_its_number() {
    let mut harness = harness();
    let search = harness.get_by_label("搜索");
    search.focus();
    search.type_text("第十三章");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("ch13"));
    assert_eq!(harness.state().settings().view, View::Reader);
    // In the tree and as the node view's heading.
    assert_eq!(harness.get_all_by_label("第十三章 推动高新技术产业开发区与基地创新发展").count(), 2);
}

#[test]
fn region_filter_east_narrows_the_tree() {
    let mut harness = harness();
    let all = harness.state().doc().plan.nodes.len();
    harness.get_by_label("规划全文").click();
    harness.run();
    harness.get_by_label("地区").click();
    harness.run();
    harness.get_by_label("东部").click();
    harness.run();
    let app = harness.state_mut();
    let rows = app.visible_rows().to_vec();
    assert!(rows.len() < all, "{} < {all}", rows.len());
    let doc = &harness.state().doc();
    // Every shown node concerns the east itself or has a descendant that does.
    for &i in &rows {
        let concerns =
            doc.outline.subtree(i).any(|k| doc.plan.nodes[k].regions.contains(&plan_explorer::model::Region::East));
        assert!(concerns, "{} shown under 东部", doc.plan.nodes[i].id);
    }
    assert!(harness.query_by_label("第一篇 形势分析").is_none());
}

#[test]
fn keyboard_moves_and_expands() {
    let mut harness = harness();
    harness.get_by_label("第二篇 发展蓝图").click();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("ch2"));
    // ch2 is shown in the node view, so its sections appear there once; expanding adds the tree row.
    assert_eq!(harness.get_all_by_label("一、指导思想").count(), 1);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.get_all_by_label("一、指导思想").count(), 2);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("ch2.s1"));
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("ch2"));
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.get_all_by_label("一、指导思想").count(), 1, "collapsed: only the node view shows it");
}

#[test]
fn language_switches_to_english_and_back() {
    let mut harness = harness();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Plan text");
    harness.get_by_label("Indicators");
    // The plan's own text stays Chinese.
    harness.get_by_label("第一篇 形势分析");
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("规划全文");
}

#[test]
fn the_corrected_place_name_is_noted() {
    let mut harness = harness();
    let search = harness.get_by_label("搜索");
    search.focus();
    search.type_text("专栏17");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("box17"));
    harness.get_by_label_contains("原文此处为“***鄂博”");
}

#[test]
fn an_indicator_shows_its_chart_values_and_progress() {
    let mut harness = harness();
    harness.get_by_label("指标").click();
    harness.run();
    // The table lists every measure with a target; pick high-tech enterprises.
    harness.get_by_label("国家高新技术企业").click();
    harness.run();
    // A click shows that measure alone.
    assert_eq!(harness.state().settings().selected_measures, vec!["high_tech_enterprises".to_string()]);
    harness.get_by_label("237（2015）");
    harness.get_by_label("1000 个（2020）");
    // Ctrl-click adds R&D intensity to compare: the title names both, and as 个 and % cannot
    // share an axis the comparison is an index.
    harness.get_by_label("研发经费占GDP比重（R&D/GDP）").click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    harness.get_by_label_contains("国家高新技术企业 / 研发经费占GDP比重（R&D/GDP）");
    harness.get_by_label_contains("单位不同");
    // R&D intensity: 0.76 % → 0.93 % against 2.2 %: limited progress (so are technology contracts).
    assert_eq!(harness.get_all_by_label("进展有限").count(), 2);
}

#[test]
fn an_indicator_phrase_in_the_text_opens_its_chart() {
    let mut harness = harness();
    let app = harness.state_mut();
    let i = app.doc().outline.index_of("ch9.s4.1").unwrap();
    app.run(Command::Tree(TreeCommand::Open(i)));
    harness.run();
    assert_eq!(harness.state().settings().view, View::Reader);
    // Move the pointer across the paragraph as a reader does: where it becomes a hand, the
    // phrase "院士专家工作站数量达到100家" is under it — click there.
    let text = harness.state().doc().plan.nodes[i].text.clone();
    let rect = harness.get_by_label(&text).rect();
    let mut hand = None;
    // (From the last line up: the target is stated at the paragraph's end.)
    'scan: for row in (0..((rect.height() / 6.0) as i32)).rev() {
        for col in 0..((rect.width() / 8.0) as i32) {
            let pos = rect.min + egui::vec2(4.0 + 8.0 * col as f32, 3.0 + 6.0 * row as f32);
            harness.hover_at(pos);
            harness.step();
            if harness.output().platform_output.cursor_icon == egui::CursorIcon::PointingHand {
                hand = Some(pos);
                break 'scan;
            }
        }
    }
    let pos = hand.expect("the indicator phrase shows a pointing hand");
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
    assert_eq!(harness.state().settings().view, View::Indicators);
    assert_eq!(harness.state().settings().selected_measures, vec!["academician_workstations".to_string()]);
    // The plan contradicts itself here: the conflict is named, not hidden.
    assert!(harness.state().summaries().iter().find(|s| s.key == "academician_workstations").unwrap().conflict);
}

#[test]
fn a_region_bar_filters_the_tree() {
    let mut harness = harness();
    harness.get_by_label("东西部").click();
    harness.run();
    harness.get_by_label_contains("东部：").click();
    harness.run();
    harness.get_by_label_contains("目录已筛选：东部");
    let app = harness.state_mut();
    let rows = app.visible_rows().to_vec();
    let doc = &harness.state().doc();
    assert!(rows.len() < doc.plan.nodes.len());
    assert!(rows.iter().all(|&i| doc.outline.subtree(i).any(|k| !doc.plan.nodes[k].regions.is_empty())));
    harness.get_by_label("清除筛选").click();
    harness.run();
    assert!(harness.query_by_label_contains("目录已筛选").is_none());
}

#[test]
fn regional_statistics_show_gaps_and_the_east_west_check() {
    let mut harness = harness();
    harness.get_by_label("东西部").click();
    harness.run();
    // GDP 2021 is known for all 12 盟市: totals, shares and the check against 全区 are shown.
    harness.get_by_label("6357.8 亿元");
    harness.get_by_label_contains("东部 31.1%");
    harness.get_by_label_contains("不符，差 -57.70");
}

#[test]
fn regional_checks_speak_english_too() {
    let mut harness = harness();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("East / West").click();
    harness.run();
    harness.get_by_label_contains("East 31.1% · West 68.9%");
    harness.get_by_label_contains("does not match, difference -57.70");
}

#[test]
fn a_box_whose_end_was_curated_says_so_and_why() {
    let mut harness = harness();
    let i = harness.state().doc().outline.index_of("box24").unwrap();
    harness.state_mut().run(Command::Tree(TreeCommand::Open(i)));
    harness.run();
    harness.get_by_label_contains("专栏的结束处经人工核定：专栏24列出");
    // Its entries say so too; the section's own task that follows does not.
    let entry = harness.state().doc().outline.index_of("box24.3").unwrap();
    harness.state_mut().run(Command::Tree(TreeCommand::Open(entry)));
    harness.run();
    harness.get_by_label_contains("专栏的结束处经人工核定");
    let task = harness.state().doc().outline.index_of("ch4.s10.4").unwrap();
    harness.state_mut().run(Command::Tree(TreeCommand::Open(task)));
    harness.run();
    assert!(harness.query_by_label_contains("专栏的结束处经人工核定").is_none());
}
