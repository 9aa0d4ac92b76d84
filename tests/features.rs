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

#[test]
fn copying_a_citation_puts_the_plans_place_of_the_node_on_the_clipboard() {
    let mut harness = common::app();
    let search = harness.get_by_label("搜索");
    search.focus();
    search.type_text("专栏17");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
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
    eframe::App::save(first.state_mut(), &mut common::NoStorage);
    drop(first);

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
