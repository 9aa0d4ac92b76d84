//! Features the README names, each pinned by what the user gets from them: the files the
//! export buttons write, as Excel will read them, and the citation a click puts on the
//! clipboard.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use plan_explorer::app::PlanExplorerApp;

/// A page tab: the first of the labels (a table may have a column of the same name).
fn tab(harness: &mut Harness<'static, PlanExplorerApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap_or_else(|| panic!("no tab `{label}`")).click();
    // A load under way keeps the window polling: step, rather than wait for it to settle.
    harness.run_steps(4);
}

/// Opens the drop-down box labelled `label` and clicks `choice` in the list it opens (the
/// choice's name may also be written elsewhere on the page: the entry that appeared is taken).
fn choose(harness: &mut Harness<'static, PlanExplorerApp>, label: &str, choice: &str) {
    let before: Vec<egui::Rect> = harness.query_all_by_label(choice).map(|n| n.rect()).collect();
    harness.get_by_label(label).click();
    harness.run_steps(4);
    let entry = harness.query_all_by_label(choice).find(|n| !before.contains(&n.rect()));
    entry.unwrap_or_else(|| panic!("`{choice}` is not in the list `{label}` opens")).click();
    harness.run_steps(4);
}

fn click(harness: &mut Harness<'static, PlanExplorerApp>, label: &str) {
    harness.get_all_by_label(label).last().unwrap_or_else(|| panic!("no `{label}`")).click();
    harness.run_steps(4);
}

#[test]
fn every_csv_the_window_exports_starts_with_the_bom_excel_needs_and_then_its_header() {
    let mut harness = common::app_exporting_to("features-bom");
    let dir = harness.state().export_dir().to_path_buf();
    tab(&mut harness, "终期评估");
    click(&mut harness, "导出终期评估 CSV");
    tab(&mut harness, "指标");
    click(&mut harness, "导出指标表 CSV");
    click(&mut harness, "导出数据 CSV");
    click(&mut harness, "▶ 演示");
    // Past the cover and the evaluation's summary to the first chart: its data.
    for _ in 0..2 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    click(&mut harness, "导出数据 CSV");
    let mut csvs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    csvs.sort();
    let names: Vec<String> = csvs.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.contains(&"final-evaluation.csv".to_string()), "{names:?}");
    assert!(names.contains(&"indicators.csv".to_string()), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("chart-")), "{names:?}");
    assert_eq!(names.len(), 4, "the evaluation, the table, the chart and the slide: {names:?}");
    for path in &csvs {
        let bytes = std::fs::read(path).unwrap();
        // Excel on Windows reads a CSV as the local code page unless it starts with a UTF-8 BOM.
        assert!(bytes.starts_with(b"\xef\xbb\xbf"), "{} has no BOM", path.display());
        let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8 after the BOM");
        let header = text.lines().next().unwrap_or_default();
        assert!(header.contains(',') && !header.starts_with('\u{feff}'), "{}: {header}", path.display());
    }
}

/// Types `query` into the search field and jumps to its first hit with Enter.
fn search_and_jump(harness: &mut Harness<'static, PlanExplorerApp>, query: &str) {
    let search = harness.get_by_label("搜索");
    search.focus();
    search.type_text(query);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn copying_a_citation_puts_the_plans_place_of_the_node_on_the_clipboard() {
    let mut harness = common::app();
    search_and_jump(&mut harness, "专栏17");
    harness.get_by_label("复制引用").click();
    let mut copied = Vec::new();
    for _ in 0..3 {
        harness.step();
        for command in &harness.output().platform_output.commands {
            if let egui::OutputCommand::CopyText(text) = command {
                copied.push(text.clone());
            }
        }
    }
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(copied[0].starts_with("《规划》第四章 专栏17"), "{copied:?}");
}

#[test]
fn a_file_in_the_recent_list_opens_again_with_a_click_after_a_restart() {
    let dir = common::temp_dir("features-recent");
    let trend = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/trend.ron");
    let mut first = common::AppBuilder::new().settings_in(&dir).build();
    common::drop_file(&mut first, trend.clone());
    assert!(first.state().session().scenarios().from_file(&trend).is_some());
    // Removed again: it is no longer open, but it stays in the recent list.
    tab(&mut first, "情景");
    click(&mut first, "移除");
    assert!(first.state().session().scenarios().from_file(&trend).is_none());
    common::close(first);

    let mut again = common::AppBuilder::new().settings_in(&dir).build();
    assert!(again.state().session().scenarios().from_file(&trend).is_none(), "a removed file is not reopened");
    tab(&mut again, "情景");
    click(&mut again, "trend.ron");
    common::wait_for_loads(&mut again);
    assert!(again.state().session().scenarios().from_file(&trend).is_some(), "the click opened it");
}

#[test]
fn a_click_on_a_column_header_sorts_the_indicator_table_and_a_second_click_reverses_it() {
    // A window tall enough for the table to lay out every row (it lays out only those in view).
    let mut harness = common::AppBuilder::new().size([1280.0, 9000.0]).build();
    tab(&mut harness, "指标");
    let above = |h: &Harness<'static, PlanExplorerApp>, a: &str, b: &str| {
        h.get_by_label(a).rect().top() < h.get_by_label(b).rect().top()
    };
    // The plan's order: 国家高新技术企业 before 科技进步贡献率.
    assert!(above(&harness, "国家高新技术企业", "科技进步贡献率"));
    // By the growth each needs: 科技进步贡献率 (5.54 %/yr) before 国家高新技术企业 (33.37 %/yr)…
    click(&mut harness, "所需年均增速");
    harness.get_by_label("所需年均增速 ▲");
    assert!(above(&harness, "科技进步贡献率", "国家高新技术企业"));
    // …and the other way round.
    click(&mut harness, "所需年均增速 ▲");
    harness.get_by_label("所需年均增速 ▼");
    assert!(above(&harness, "国家高新技术企业", "科技进步贡献率"));
}

#[test]
fn a_scenario_file_changed_on_disk_is_read_again_without_a_key() {
    let dir = common::temp_dir("features-reload");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.ron");
    let trend = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/trend.ron")).unwrap();
    std::fs::write(&path, &trend).unwrap();
    let mut harness = common::app();
    common::drop_file(&mut harness, path.clone());
    let name = |h: &Harness<'static, PlanExplorerApp>| {
        h.state().session().scenarios().from_file(&path).map(|s| s.name.clone()).expect("loaded")
    };
    let before = name(&harness);
    // Another program rewrites the file: the window reads it again by itself.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&path, trend.replacen(&format!("name: \"{before}\""), "name: \"改过的情景\"", 1)).unwrap();
    let renamed =
        |app: &PlanExplorerApp| app.session().scenarios().from_file(&path).is_some_and(|s| s.name == "改过的情景");
    common::step_until(&mut harness, "the file read again", renamed);
    assert_eq!(name(&harness), "改过的情景");
}

fn selected_id(harness: &Harness<'static, PlanExplorerApp>) -> Option<String> {
    let app = harness.state();
    app.selected().map(|i| app.doc().plan.nodes[i].id.clone())
}

#[test]
fn question_mark_shows_the_shortcuts_and_escape_closes_them() {
    let mut harness = common::app();
    assert!(harness.query_by_label("快捷键").is_none());
    harness.event(egui::Event::Text("?".into()));
    harness.run();
    assert!(harness.query_all_by_label("快捷键").count() > 0, "the shortcuts window");
    harness.get_by_label_contains("Ctrl+O");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("快捷键").is_none());
}

#[test]
fn enter_and_shift_enter_step_forward_and_back_through_the_hits_and_up_moves_in_the_tree() {
    let mut harness = common::app();
    search_and_jump(&mut harness, "稀土");
    let first = selected_id(&harness).expect("the first hit");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let second = selected_id(&harness).expect("the second hit");
    assert_ne!(first, second);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some(first.as_str()), "Shift+Enter goes back");

    // Out of the field, ↑ moves to the row above in the tree.
    harness.get_by_label("全部展开").click();
    harness.run();
    let shown: Vec<usize> = harness.state_mut().visible_rows().to_vec();
    let at = harness.state().selected().expect("selected");
    let above = shown[shown.iter().position(|&i| i == at).expect("in view") - 1];
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected(), Some(above));
}

#[test]
fn ctrl_o_asks_for_the_file_dialog() {
    let mut harness = common::app();
    assert!(!harness.state().file_dialog_asked());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(4);
    assert!(harness.state().file_dialog_asked(), "the dialog is open, or the window said there is none");
}

#[test]
fn ctrl_plus_zooms_the_window_and_the_zoom_is_remembered() {
    let dir = common::temp_dir("features-zoom");
    let mut harness = common::AppBuilder::new().settings_in(&dir).build();
    // Zoomed in, every point is larger: the same window holds fewer of them.
    let width = |h: &Harness<'static, PlanExplorerApp>| h.ctx.content_rect().width();
    let normal = width(&harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    let zoomed = width(&harness);
    assert!(zoomed < normal / 1.05, "{normal} → {zoomed}");
    common::close(harness);
    let mut again = common::AppBuilder::new().settings_in(&dir).build();
    again.run();
    // The window starts at the zoom it was left at (the harness lays out the restarted window
    // at its own size in points, so the factor is read rather than the width).
    let before = normal / zoomed;
    assert!((again.ctx.zoom_factor() - before).abs() < 0.01, "{before} after a restart: {}", again.ctx.zoom_factor());
}

#[test]
fn progress_is_measured_against_the_scenario_chosen_as_its_basis() {
    // A user's file of actual values in which R&D intensity reached 2.3 % in 2020 (test data).
    let dir = common::temp_dir("features-basis");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("own-actuals.ron");
    let good = std::fs::read_to_string(common::fixture("good.ron")).unwrap();
    let own = good
        .replace("name: \"测试情景\"", "name: \"自有统计\"")
        .replace("kind: Projection", "kind: Actual")
        .replace("source: \"projection: test\"", "source: \"test data\"")
        .replace("(year: 2020, value: 1.5)", "(year: 2020, value: 2.3)");
    std::fs::write(&path, own).unwrap();
    let mut harness = common::AppBuilder::new().size([1280.0, 9000.0]).build();
    common::drop_file(&mut harness, path);
    // The status in R&D intensity's row of the indicator table.
    let status = |h: &mut Harness<'static, PlanExplorerApp>| {
        tab(h, "指标");
        // (The first of the name: the table row; the chart below it has the same title.)
        let row = h.get_all_by_label("研发经费占GDP比重（R&D/GDP）").next().expect("the row").rect();
        let words = ["已实现", "按计划推进", "加速推进", "进展有限", "倒退"];
        let in_row: Vec<&str> = words
            .into_iter()
            .filter(|w| h.query_all_by_label(w).any(|n| (n.rect().center().y - row.center().y).abs() < 6.0))
            .collect();
        in_row
    };
    // By default, the built-in actual values: 0.93 % in 2020 against 2.2 %.
    assert_eq!(status(&mut harness), ["进展有限"]);
    tab(&mut harness, "情景");
    choose(&mut harness, "进展依据", "自有统计");
    assert_eq!(harness.state().session().scenarios().basis(), Some("自有统计"));
    // Measured against the chosen file: 2.3 % in 2020 meets 2.2 %.
    assert_eq!(status(&mut harness), ["已实现"]);
    // And back to the default.
    tab(&mut harness, "情景");
    choose(&mut harness, "进展依据", "默认（内置实际值）");
    assert_eq!(status(&mut harness), ["进展有限"]);
}

#[test]
fn the_chart_region_chosen_is_shown_and_still_chosen_after_a_restart() {
    let dir = common::temp_dir("features-chart-region");
    let mut harness = common::AppBuilder::new().settings_in(&dir).build();
    tab(&mut harness, "指标");
    // R&D intensity (the default chart) is published for 包头 too: the chart is 包头's, and says
    // that the plan's baseline and target are for the whole region.
    choose(&mut harness, "图表地区", "包头");
    let shows_baotou = |h: &Harness<'static, PlanExplorerApp>| {
        h.query_by_label("研发经费占GDP比重（R&D/GDP） · 包头").is_some()
            && h.query_by_label_contains("规划的基期值与目标为全区数值，包头").is_some()
    };
    assert!(shows_baotou(&harness));
    common::close(harness);
    let mut again = common::AppBuilder::new().settings_in(&dir).build();
    again.run();
    tab(&mut again, "指标");
    assert!(shows_baotou(&again), "still 包头's chart after the restart");
    // Back to the whole region.
    choose(&mut again, "图表地区", "全区");
    assert!(again.query_by_label("研发经费占GDP比重（R&D/GDP） · 包头").is_none());
}

#[test]
fn every_page_keeps_its_whole_top_bar_from_half_to_double_zoom_at_1280_and_1024() {
    // Ctrl+ five times drew 情景 over 搜索 and hid 打开情景… and the search field.
    for size in [[1280.0, 800.0], [1024.0, 768.0]] {
        for (key, zoom_reached) in [(egui::Key::Plus, 2.0_f32), (egui::Key::Minus, 0.5)] {
            let mut harness = common::AppBuilder::new().size(size).build();
            let mut presses = 0;
            while (harness.ctx.zoom_factor() - zoom_reached).abs() > 0.01 && presses < 20 {
                harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
                harness.run();
                presses += 1;
            }
            assert!((harness.ctx.zoom_factor() - zoom_reached).abs() < 0.01, "{}", harness.ctx.zoom_factor());
            let window = harness.ctx.content_rect().size();
            for page in ["总览", "规划全文", "指标", "终期评估", "东西部", "地图", "情景", "假设情景"]
            {
                harness.get_all_by_label(page).next().expect("the page's tab").click();
                harness.run();
                common::assert_top_bar_whole(&harness, [window.x, window.y]);
            }
        }
    }
}

#[test]
fn the_search_hit_count_is_written_whole() {
    let mut harness = common::app();
    harness.get_by_label("搜索").focus();
    harness.get_by_label("搜索").type_text("技术");
    harness.run();
    // Painted in full, not cut to "156…".
    let painted = common::painted(&harness).texts;
    let count = painted.iter().map(|(t, _)| t).find(|t| t.contains(" 处 / ")).expect("the hit count");
    assert!(count.ends_with(" 个条目") && !count.contains('…'), "{count}");
    let hits: usize = count.split(' ').next().and_then(|n| n.parse().ok()).expect("a number first");
    assert!(hits >= 100, "a word found in many places: {count}");
}

#[test]
fn the_evaluations_source_column_is_in_a_1280_window() {
    let mut harness = common::AppBuilder::new().size([1280.0, 800.0]).build();
    harness.get_by_label("终期评估").click();
    harness.run();
    // The header and the R&D row's source (the series it was judged by) are inside the window,
    // with room for their words.
    let header = harness.get_by_label("数据来源").rect();
    assert!(header.right() <= 1280.0, "数据来源 ends at {}", header.right());
    let source = common::painted(&harness)
        .texts
        .into_iter()
        .find(|(t, r)| t.starts_with("R&D经费投入强度") && r.top() > header.bottom())
        .expect("the R&D row's source");
    assert!(source.1.left() >= header.left() - 1.0 && 1280.0 - source.1.left() >= 100.0, "{source:?}");
}
