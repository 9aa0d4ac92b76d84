//! What the table reader says about a scenario table, and where: columns for people are read
//! past in silence, 完成值 makes values actual, the workbook's instructions sheet is not data,
//! an error many rows share is said once with their count, the messages stop at their cap in
//! every kind, each cell finding has its Chinese, and a point's message names its own cells
//! after the points are put in year order.

mod common;

use common::loading::{dir, loaded, plan, texts, write};
use plan_explorer::model::Diagnostic;
use plan_explorer::model::Severity;
use plan_explorer::model::scenario::SeriesKind;
use plan_explorer::model::scenario_files::load_scenarios_file;
use rust_xlsxwriter::Workbook;

fn messages_of(name: &str, text: &str) -> Vec<Diagnostic> {
    let d = dir(&format!("table-messages-{name}"));
    let path = write(&d, name, text);
    match load_scenarios_file(&path, &plan()) {
        Ok((_, messages)) => messages,
        Err(messages) => messages,
    }
}

/// A `data` sheet as the fill-in workbook comes back: R&D intensity's 完成值 for 2020.
fn filled_data_sheet(book: &mut Workbook) {
    let data = book.add_worksheet().set_name("data").unwrap();
    for (c, h) in ["指标", "年份", "完成值"].iter().enumerate() {
        data.write_string(0, c as u16, *h).unwrap();
    }
    data.write_string(1, 0, "rd_intensity").unwrap();
    data.write_number(1, 1, 2020.0).unwrap();
    data.write_number(1, 2, 0.93).unwrap();
}

#[test]
fn columns_for_people_are_read_past_without_a_word() {
    let people = [
        "序号",
        "目标",
        "目标年份",
        "比较",
        "目标值",
        "规划出处",
        "状态",
        "提示",
        "no.",
        "target year",
        "comparator",
        "target value",
        "cited from",
        "status",
        "hint",
    ];
    let header = format!("Model,Scenario,Region,Variable,Unit,Kind,2015,2020,{}", people.join(","));
    let row = format!("M,S,全区,rd_intensity,%,Actual,0.76,0.9,{}", vec!["x"; people.len()].join(","));
    let d = dir("people-columns");
    let path = write(&d, "people.csv", format!("{header}\n{row}\n"));
    let (scenarios, messages) = loaded(&path);
    assert!(messages.is_empty(), "{:#?}", texts(&messages));
    assert_eq!(scenarios[0].series[0].points.len(), 2);
    // A header nobody knows is said at its cell, so the silence above is the reader's choice.
    let unknown = messages_of(
        "unknown.csv",
        "Model,Scenario,Region,Variable,Unit,Kind,2020,口径\nM,S,全区,rd_intensity,%,Actual,0.9,x\n",
    );
    assert!(unknown.iter().any(|d| d.message.contains("口径")), "{:#?}", texts(&unknown));
}

#[test]
fn a_value_column_headed_wancheng_zhi_holds_actual_values() {
    for header in ["完成值", "实际值", "actual value", "outcome"] {
        let d = dir("actual-header");
        let path = write(&d, "filled.csv", format!("指标,年份,{header},来源\nrd_intensity,2020,0.93,统计公报\n"));
        let (scenarios, _) = loaded(&path);
        let series = &scenarios[0].series[0];
        assert_eq!(series.kind, SeriesKind::Actual, "{header}");
        assert_eq!((series.points[0].year, series.points[0].value), (2020, 0.93), "{header}");
    }
}

#[test]
fn the_instructions_sheet_of_a_workbook_is_for_people_and_not_read() {
    for name in ["填写说明", "Instructions", "README", "read me"] {
        let mut book = Workbook::new();
        let notes = book.add_worksheet().set_name(name).unwrap();
        // Words that would be a table if read: a Variable header and a row under it.
        notes.write_string(0, 0, "指标").unwrap();
        notes.write_string(0, 1, "说明").unwrap();
        notes.write_string(1, 0, "在完成值一列填写").unwrap();
        notes.write_string(1, 1, "每行一个目标").unwrap();
        filled_data_sheet(&mut book);
        let d = dir("instructions-sheet");
        let path = write(&d, "filled.xlsx", book.save_to_buffer().unwrap());
        let (scenarios, messages) = loaded(&path);
        assert!(messages.iter().all(|m| !m.to_string().contains(name)), "{name}: {:#?}", texts(&messages));
        assert_eq!(scenarios[0].series.len(), 1, "{name}");
    }
}

#[test]
fn an_error_many_rows_share_is_said_once_with_their_count_and_one_rows_without() {
    let header = "Model,Scenario,Region,Variable,Unit,Kind,2020\n";
    let good = "M,S,全区,rd_intensity,%,Target,2.5\n";
    let bad = "M,S,全区,,%,Target,2.5\n";
    let three = messages_of("three.csv", &format!("{header}{good}{bad}{bad}{bad}"));
    let said: Vec<&Diagnostic> =
        three.iter().filter(|d| d.message.starts_with("a row with values but no variable")).collect();
    assert_eq!(said.len(), 1, "{:#?}", texts(&three));
    assert_eq!(said[0].message, "a row with values but no variable (3 rows; this is the first)");
    assert_eq!(said[0].line, 3, "at the first of them");
    assert!(
        said[0].message_zh.contains("这一行有数值，但没有变量（指标）名（共 3 行，此处为第一行）"),
        "{}",
        said[0].message_zh
    );
    let one = messages_of("one.csv", &format!("{header}{good}{bad}"));
    let said: Vec<&Diagnostic> = one.iter().filter(|d| d.message.starts_with("a row with values")).collect();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].message, "a row with values but no variable", "one row needs no count");
}

#[test]
fn messages_of_every_kind_stop_at_two_hundred() {
    let header = "Model,Scenario,Region,Variable,Unit,Kind,2020\n";
    // Errors: 300 unknown variables (past the cap, the reader stops looking for suggestions)…
    let rows: String = (0..300).map(|k| format!("M,S,全区,nothing_{k},%,Target,2.5\n")).collect();
    let errors = messages_of("errors.csv", &format!("{header}{rows}"));
    assert_eq!(errors.len(), 200, "{}", errors.len());
    // …and 300 cells of text where numbers belong.
    let rows: String = (0..300).map(|k| format!("M,S{k},全区,rd_intensity,%,Target,两点五\n")).collect();
    let errors = messages_of("text-cells.csv", &format!("{header}{rows}"));
    assert_eq!(errors.iter().filter(|d| d.severity == Severity::Error).count(), 200, "{}", errors.len());
    // Warnings: a header of 300 columns nobody knows fills the list; the loosely written name
    // and the unknown variable below it are not said beyond it.
    let unknown: Vec<String> = (0..300).map(|k| format!("c{k}")).collect();
    let header = format!("Model,Scenario,Region,Variable,Unit,Kind,2020,{}\n", unknown.join(","));
    let rows = "M,S,全区,R&D经费投入强度,%,Target,2.5\nM,S,全区,nothing,%,Target,2.5\n";
    let full = messages_of("warnings.csv", &format!("{header}{rows}"));
    assert_eq!(full.len(), 200, "{}", full.len());
    assert!(full.iter().all(|d| d.severity == Severity::Warning), "{:#?}", texts(&full[190..]));
    // The same name alone is said (as a note on how it was read), so the cap is what kept it out.
    let alone = messages_of("loose.csv", &format!("Model,Scenario,Region,Variable,Unit,Kind,2020\n{rows}"));
    assert!(alone.iter().any(|d| d.severity == Severity::Info), "{:#?}", texts(&alone));
}

#[test]
fn every_cell_finding_has_its_chinese() {
    let no_variable =
        messages_of("novar.csv", "Model,Scenario,Region,Variable,Unit,Kind,2020\nM,S,全区,,%,Target,2.5\n");
    let no_values = messages_of("novalues.csv", "Model,Scenario,Region,Variable,Unit,Kind,2020\n");
    let no_year = messages_of("noyear.csv", "指标,年份,数值\nrd_intensity,,2.5\nrd_intensity,2020,2.5\n");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("data").unwrap();
    sheet.write_string(0, 0, "指标").unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 1, 1).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_datetime_with_format(0, 1, &date, &format).unwrap();
    sheet.write_string(1, 0, "rd_intensity").unwrap();
    sheet.write_number(1, 1, 2.5).unwrap();
    let d = dir("date-header");
    let path = write(&d, "dated.xlsx", book.save_to_buffer().unwrap());
    let dated = match load_scenarios_file(&path, &plan()) {
        Ok((_, m)) | Err(m) => m,
    };
    for (messages, en, zh) in [
        (&no_variable, "a row with values but no variable", "这一行有数值，但没有变量（指标）名"),
        (&no_values, "the table holds no values", "表中没有任何数值"),
        (&no_year, "no year", "缺少年份"),
        (
            &dated,
            "a date (2020-01-01) where a year belongs",
            "此处应为年份，而非日期（2020-01-01）：请把年份写成数字，如 2020",
        ),
    ] {
        let found = messages
            .iter()
            .find(|d| d.message.starts_with(en))
            .unwrap_or_else(|| panic!("{en}: {:#?}", texts(messages)));
        assert!(found.message_zh.contains(zh), "{en}: {}", found.message_zh);
    }
}

#[test]
fn points_are_put_in_year_order_and_a_points_message_names_its_own_cells() {
    let d = dir("year-order");
    // Two points given late year first.
    let path =
        write(&d, "order.csv", "指标,年份,数值,类型\nrd_intensity,2016,0.8,Actual\nrd_intensity,2015,0.76,Actual\n");
    let (scenarios, _) = loaded(&path);
    let points: Vec<(u16, f64)> = scenarios[0].series[0].points.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(points, [(2015, 0.76), (2016, 0.8)], "in year order, each value with its year");
    // The 1800 point is out of any plan's window: after sorting it is its series' first, and
    // its message still names its own year cell (line 5, at its 21st character).
    let path = write(
        &d,
        "old.csv",
        "指标,年份,数值,类型\nrd_intensity,2016,0.8,Actual\nrd_intensity,2015,0.76,Actual\ntech_contract_value,2016,18,Actual\ntech_contract_value,1800,1,Actual\n",
    );
    let messages = match load_scenarios_file(&path, &plan()) {
        Ok((_, m)) | Err(m) => m,
    };
    let old = messages.iter().find(|m| m.message.contains("1800")).unwrap_or_else(|| panic!("{:#?}", texts(&messages)));
    assert_eq!((old.line, old.col), (5, 21), "{old}");
}

#[test]
fn a_sheet_with_words_but_no_header_is_said_and_an_empty_one_is_not() {
    let mut book = Workbook::new();
    filled_data_sheet(&mut book);
    book.add_worksheet().set_name("Sheet2").unwrap();
    let notes = book.add_worksheet().set_name("会议记录").unwrap();
    notes.write_string(0, 0, "二〇二一年一月讨论").unwrap();
    let d = dir("sheets");
    let path = write(&d, "sheets.xlsx", book.save_to_buffer().unwrap());
    let (_, messages) = loaded(&path);
    let said: Vec<String> = texts(&messages);
    assert!(said.iter().any(|m| m.contains("sheet `会议记录` has no header row")), "{said:#?}");
    assert!(!said.iter().any(|m| m.contains("Sheet2")), "an empty sheet is nothing to say: {said:#?}");
}

#[test]
fn an_empty_fill_in_workbook_says_nothing_was_filled_in_and_an_empty_table_says_it_holds_nothing() {
    let d = dir("empty-fill-in");
    let filled = write(&d, "fill.csv", "指标,年份,完成值,来源\nrd_intensity,2020,,\n");
    let said = match load_scenarios_file(&filled, &plan()) {
        Ok((_, m)) | Err(m) => m,
    };
    assert!(said.iter().any(|m| m.message.starts_with("no 完成值 is filled in yet")), "{:#?}", texts(&said));
    let plain = write(&d, "plain.csv", "指标,年份,数值\n");
    let said = match load_scenarios_file(&plain, &plan()) {
        Ok((_, m)) | Err(m) => m,
    };
    assert!(said.iter().any(|m| m.message == "the table holds no values"), "{:#?}", texts(&said));
}

#[test]
fn one_scenario_name_from_two_models_is_told_apart_by_the_model() {
    let d = dir("two-models");
    let path = write(
        &d,
        "models.csv",
        "Model,Scenario,Region,Variable,Unit,Kind,2020\nM1,基准,全区,rd_intensity,%,Projection,1.1\nM2,基准,全区,rd_intensity,%,Projection,1.3\nM1,加速,全区,rd_intensity,%,Projection,1.6\n",
    );
    let (scenarios, _) = loaded(&path);
    let mut names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["加速", "基准 (M1)", "基准 (M2)"]);
}

#[test]
fn a_number_too_large_for_a_value_is_refused_at_its_cell() {
    // `1e999` and `inf` read as infinity: no statistic is infinite, so they are text where a
    // number belongs, said at their cell (and the finite number beside them is taken).
    for cell in ["1e999", "inf", "-infinity"] {
        let messages =
            messages_of("huge.csv", &format!("指标,年份,数值\nrd_intensity,2019,{cell}\nrd_intensity,2020,2.5\n"));
        let found = messages
            .iter()
            .find(|d| d.message.contains(&format!("`{cell}` is text where a number belongs")))
            .unwrap_or_else(|| panic!("{cell}: {:#?}", texts(&messages)));
        // Line 2, where the value starts (after `rd_intensity,2019,`).
        assert_eq!((found.line, found.col), (2, 19), "{cell}: said at its cell: {found}");
    }
}

#[test]
fn a_name_is_read_past_its_brackets_and_quotation_marks_and_an_empty_header_cell_is_nothing() {
    // As people type a measure's name: a bracket in the middle, quotation marks around it.
    let d = dir("table-messages-loose");
    let path = write(
        &d,
        "loose.csv",
        "Scenario,Region,Variable,Unit,2020,\nS,全区,研发经费(R&D)占GDP比重,%,2.0,\nS,全区,“每万人发明专利拥有量”,件,3,\nS,全区,《技术市场合同交易总额》,亿元,300,\n",
    );
    let (scenarios, messages) = loaded(&path);
    let measures: Vec<&str> = scenarios[0].series.iter().map(|s| s.indicator.as_str()).collect();
    assert_eq!(
        measures,
        ["rd_intensity", "invention_patents_per_10k", "tech_contract_value"],
        "{:#?}",
        texts(&messages)
    );
    // Each said as read (info), and the empty header after 2020 (a trailing comma) is no
    // column of its own to speak of.
    assert!(messages.iter().any(|d| d.message.contains("read as `研发经费占GDP比重（R&D/GDP）`")));
    assert!(!messages.iter().any(|d| d.message.contains("is not read")), "{:#?}", texts(&messages));
}
