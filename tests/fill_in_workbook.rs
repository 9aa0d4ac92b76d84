//! The fill-in workbook (填报表), as the people who have the numbers use it: written by
//! `plan-explorer evaluate --template`, filled in and saved by a spreadsheet program, opened
//! again as a scenario file of actual values that judges every filled row, with what is wrong
//! named by sheet and cell.

mod common;

use std::path::{Path, PathBuf};

use plan_explorer::model::diagnostics::Severity;
use plan_explorer::model::scenario::SeriesKind;
use plan_explorer::model::tabular::Value;

use common::loading::{dir, loaded, texts};
use common::workbook::{Layout, fill_in, letters, sheet, text};

fn run(args: &[&str]) -> (i32, String, String) {
    common::run_cli(args)
}

/// The template as the command line writes it.
fn template(dir: &Path) -> PathBuf {
    let path = dir.join("填报表.xlsx");
    let (code, _, err) = run(&["evaluate", "--template", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    path
}

#[test]
fn the_template_lists_every_target_in_the_plans_order_with_the_known_values_filled_in_and_marked() {
    let dir = dir("fill-in-template");
    let grid = sheet(&template(&dir));
    let layout = Layout::of(&grid);
    let (_, csv, _) = run(&["evaluate", "--format", "csv"]);
    let targets: Vec<String> = csv.lines().skip(1).filter_map(|l| l.split(',').next().map(str::to_string)).collect();
    let code = layout.col("指标代码");
    let rows: Vec<String> =
        grid.rows().into_iter().filter(|&r| r > layout.header).map(|r| text(&grid, r, code)).collect();
    assert_eq!(rows, targets, "one row per target, in the evaluation's (the plan's) order");
    assert!(rows.len() >= 60, "{} rows", rows.len());
    // The title names the plan.
    assert!(text(&grid, 0, 0).contains("内蒙古自治区“十三五”科技创新规划") && text(&grid, 0, 0).contains("填报表"));

    // A target with a known value: the value and its source are there, and marked as known.
    let rd = layout.row_of(&grid, "rd_intensity");
    assert_eq!(grid.get(rd, layout.col("完成值")), Some(&Value::Number(0.93)));
    assert!(text(&grid, rd, layout.col("来源")).starts_with("http"), "{}", text(&grid, rd, layout.col("来源")));
    assert!(text(&grid, rd, layout.col("状态")).starts_with("已有值"));
    assert_eq!(text(&grid, rd, layout.col("单位")), "%");
    assert_eq!(text(&grid, rd, layout.col("目标年份")), "2020");
    assert!(text(&grid, rd, layout.col("目标")).contains("2.2"), "{}", text(&grid, rd, layout.col("目标")));
    assert!(text(&grid, rd, layout.col("规划出处")).starts_with("《"), "{}", text(&grid, rd, layout.col("规划出处")));
    // A target without one: empty cells to fill in, and the plan's rival target said.
    let hte = layout.row_of(&grid, "high_tech_enterprises");
    assert_eq!(grid.get(hte, layout.col("完成值")), None);
    assert_eq!(text(&grid, hte, layout.col("状态")), "待填报");
    let stations = layout.row_of(&grid, "academician_workstations");
    assert!(text(&grid, stations, layout.col("状态")).contains("150"), "{}", text(&grid, stations, layout.col("状态")));

    // Unfilled, it opens as the known values alone, with nothing to warn about.
    let (scenarios, warnings) = loaded(&dir.join("填报表.xlsx"));
    assert!(warnings.iter().all(|w| w.severity == Severity::Info), "{:#?}", texts(&warnings));
    let known = grid.rows().into_iter().filter(|&r| r > layout.header && grid.get(r, layout.col("完成值")).is_some());
    assert_eq!(scenarios[0].series.len(), known.count());
}

#[test]
fn a_filled_workbook_opens_as_actual_values_that_judge_every_filled_row() {
    let dir = dir("fill-in-filled");
    let path = template(&dir);
    let grid = sheet(&path);
    let layout = Layout::of(&grid);
    let (value, source) = (layout.col("完成值"), layout.col("来源"));
    let hte = layout.row_of(&grid, "high_tech_enterprises");
    let progress = layout.row_of(&grid, "st_progress_contribution");
    let filled = dir.join("填好的填报表.xlsx");
    fill_in(
        &path,
        &filled,
        &[
            (hte, value, Value::Number(1150.0)),
            (hte, source, Value::Text("《2020年内蒙古自治区国民经济和社会发展统计公报》".into())),
            // A value without a source: used, marked unsourced, and warned about at its cell.
            (progress, value, Value::Number(50.0)),
        ],
    );
    let (scenarios, warnings) = loaded(&filled);
    let scenario = &scenarios[0];
    assert!(scenario.series.iter().all(|s| s.kind == SeriesKind::Actual), "no 类型 column needed");
    let unsourced = format!("填报表!{}{}", letters(source), progress + 1);
    let warned = texts(&warnings);
    assert!(
        warned.iter().any(|w| w.contains(&unsourced) && w.contains("no source")),
        "a warning at {unsourced}: {warned:#?}"
    );

    let (code, csv, err) = run(&["evaluate", "--format", "csv", filled.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let row = |key: &str| {
        csv.lines().find(|l| l.starts_with(&format!("{key},"))).unwrap_or_else(|| panic!("{key}")).to_string()
    };
    assert!(row("high_tech_enterprises").contains(",met,"), "{}", row("high_tech_enterprises"));
    assert!(row("high_tech_enterprises").contains("2020年内蒙古自治区国民经济和社会发展统计公报"));
    // 50 of 55 %: 90.9 %, 基本完成 under the 90 % rule; its source says it has none.
    assert!(row("st_progress_contribution").contains(",nearly met,"), "{}", row("st_progress_contribution"));
    assert!(row("st_progress_contribution").contains("未注明来源"), "{}", row("st_progress_contribution"));
    // A row left empty stays 无数据, and the pre-filled known values judge as before.
    assert!(row("national_incubators").contains(",no data,"), "{}", row("national_incubators"));
    assert!(row("rd_intensity").contains(",not met,"), "{}", row("rd_intensity"));
}

#[test]
fn text_for_a_number_and_a_contradicting_unit_are_named_by_sheet_and_cell() {
    let dir = dir("fill-in-wrong");
    let path = template(&dir);
    let grid = sheet(&path);
    let layout = Layout::of(&grid);
    let hte = layout.row_of(&grid, "high_tech_enterprises");
    let progress = layout.row_of(&grid, "st_progress_contribution");
    let wrong = dir.join("填错的填报表.xlsx");
    fill_in(
        &path,
        &wrong,
        &[
            (hte, layout.col("完成值"), Value::Text("约一千二百家".into())),
            (hte, layout.col("来源"), Value::Text("科技厅".into())),
            (progress, layout.col("完成值"), Value::Number(0.6)),
            (progress, layout.col("单位"), Value::Text("比例".into())),
            (progress, layout.col("来源"), Value::Text("科技厅".into())),
        ],
    );
    let (code, out, err) = run(&["check", wrong.to_str().unwrap()]);
    assert_ne!(code, 0);
    let err = out + &err;
    let text_cell = format!("填报表!{}{}", letters(layout.col("完成值")), hte + 1);
    let unit_cell = format!("填报表!{}{}", letters(layout.col("单位")), progress + 1);
    assert!(err.contains(&text_cell) && err.contains("text where a number belongs"), "{text_cell}: {err}");
    assert!(err.contains(&unit_cell) && err.contains("unit `比例`"), "{unit_cell}: {err}");
}
