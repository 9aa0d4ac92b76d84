//! Hostile inputs, third round: what was once accepted without a word (a percent cell read
//! 100× too small, columns dropped, an extra indicator that becomes the plan's own after a
//! round trip, control characters sent to the terminal) is now read right or refused at its
//! place; and the work a bad file causes is bounded (suggestions once per name, echoes cut).

mod common;

use common::loading::{dir, loaded, plan, refused, texts, write};

use plan_explorer::model::Diagnostic;
use plan_explorer::model::Severity;
use plan_explorer::model::scenario::load_scenario_str;
use plan_explorer::model::scenario_files::load_scenarios_file;
use rust_xlsxwriter::{Format, Workbook};

const IAMC_HEADER: &str = "Model,Scenario,Region,Variable,Unit,Kind,2015,2020";

// ── 3. A percent-formatted cell is the percentage it shows ────────────────────────────────

/// The cell Excel writes when 1.5% is typed: the value 0.015 with the number format 0.00%.
fn percent_workbook(unit: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("data").unwrap();
    for (c, h) in ["Model", "Scenario", "Region", "Variable", "Unit", "Kind"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_number(0, 6, 2020.0).unwrap();
    for (c, v) in ["M", "S", "全区", "rd_intensity", unit, "Target"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    sheet.write_number_with_format(1, 6, 0.015, &Format::new().set_num_format("0.00%")).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_cell_excel_shows_as_1_50_percent_under_unit_percent_is_read_as_1_5_percent_and_said() {
    let d = dir("percent");
    let path = d.join("percent.xlsx");
    std::fs::write(&path, percent_workbook("%")).unwrap();
    let (scenarios, messages) = loaded(&path);
    assert_eq!(scenarios[0].series[0].points[0].value, 1.5);
    let info: Vec<&Diagnostic> = messages.iter().filter(|d| d.severity == Severity::Info).collect();
    assert_eq!(info.len(), 1, "{:#?}", texts(&messages));
    assert_eq!(info[0].cell.as_deref(), Some("data!G2"));
    assert!(info[0].message.contains("read as the percentage they show"), "{}", info[0]);
}

#[test]
fn a_plain_number_under_unit_percent_stays_as_typed() {
    // The same workbook with a General cell: 1.5 typed as 1.5 is 1.5 %, not 150 %.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("data").unwrap();
    let rows = [
        ["Model", "Scenario", "Region", "Variable", "Unit", "Kind"],
        ["M", "S", "全区", "rd_intensity", "%", "Target"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    sheet.write_number(0, 6, 2020.0).unwrap();
    sheet.write_number_with_format(1, 6, 1.5, &Format::new().set_num_format("0.00")).unwrap();
    let d = dir("percent-plain");
    let path = d.join("plain.xlsx");
    std::fs::write(&path, book.save_to_buffer().unwrap()).unwrap();
    let (scenarios, messages) = loaded(&path);
    assert_eq!(scenarios[0].series[0].points[0].value, 1.5);
    assert!(messages.iter().all(|d| d.severity != Severity::Info), "{:#?}", texts(&messages));
}

// ── 4. Columns the reader does not use are said, not dropped ──────────────────────────────

#[test]
fn a_second_variable_column_is_refused_at_its_header_cell() {
    let d = dir("two-variables");
    let path = write(
        &d,
        "two.csv",
        "Model,Scenario,Region,Variable,Variable,Unit,Kind,2020\nM,S,全区,rd_intensity,gdp,%,Target,2.5\n",
    );
    let errors = refused(&path);
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{}:1:", path.display()))
            && e.contains("a second `Variable` column: field 4 is the first")),
        "{errors:#?}"
    );
}

#[test]
fn a_second_value_column_of_a_long_table_is_refused_not_silently_second() {
    let d = dir("two-values");
    let path = write(&d, "long.csv", "指标,地区,单位,类型,年份,数值,数值\nrd_intensity,全区,%,目标,2020,2.5,9.9\n");
    let errors = refused(&path);
    assert!(errors.iter().any(|e| e.contains(":1:") && e.contains("a second `数值` column")), "{errors:#?}");
}

#[test]
fn an_unknown_column_and_a_ragged_row_load_with_warnings_at_their_cells() {
    let d = dir("ragged");
    let path = write(
        &d,
        "ragged.csv",
        format!(
            "{IAMC_HEADER},Comment\nM,S,全区,rd_intensity,%,Target,0.76,2.5,check,extra\nM,S,东部,rd_intensity,%,Target,0.7,2.0\n"
        ),
    );
    let (scenarios, warnings) = loaded(&path);
    assert_eq!(scenarios[0].series.len(), 2);
    let shown = texts(&warnings);
    let name = path.display();
    assert!(
        shown.iter().any(|w| w.starts_with(&format!("{name}:1:52: warning: column `Comment` is not read"))),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|w| w.starts_with(&format!("{name}:2:45: warning: a value right of the header's last column"))),
        "{shown:#?}"
    );
}

// ── 5. Extra indicators that differ from a measure (or each other) only by case ───────────

fn extra_scenario(ids: &[&str]) -> String {
    let extras: Vec<String> =
        ids.iter().map(|id| format!("(id: \"{id}\", name: \"研发强度（另计）\", unit: \"%\")")).collect();
    format!(
        "(format_version: 1, name: \"x\", plan: \"{}\", extra_indicators: [{}], series: [])",
        plan().meta.title,
        extras.join(", ")
    )
}

#[test]
fn an_extra_indicator_differing_from_a_measure_only_by_case_is_refused_at_its_id() {
    let src = extra_scenario(&["RD_INTENSITY"]);
    let errors = load_scenario_str(&src, "case.ron", &plan()).expect_err("refused");
    assert_eq!(errors[0].line, 1);
    assert!(errors[0].message.contains("differs from the plan's measure `rd_intensity` only by case"), "{}", errors[0]);
}

#[test]
fn two_extra_indicators_differing_only_by_case_are_refused() {
    let src = extra_scenario(&["gdp_share", "GDP_Share"]);
    let errors = load_scenario_str(&src, "twice.ron", &plan()).expect_err("refused");
    assert!(
        errors.iter().any(|e| e.message.contains("`GDP_Share` is named twice (as `gdp_share` before)")),
        "{errors:?}"
    );
}

// ── 7. Control characters never reach the terminal ────────────────────────────────────────

#[test]
fn control_characters_in_names_labels_and_regions_are_refused_at_their_field() {
    for (field, bad) in [("name", "\\u{1b}]0;owned\\u{7}"), ("name", "ok\\r"), ("name", "a\\u{0}b")] {
        let src = format!("(format_version: 1, {field}: \"{bad}\", plan: \"{}\", series: [])", plan().meta.title);
        let errors = load_scenario_str(&src, "ctl.ron", &plan()).expect_err("refused");
        assert!(errors[0].message.starts_with("`name` holds the control character U+"), "{}", errors[0]);
        assert_eq!((errors[0].line, errors[0].col), (1, 21), "{}", errors[0]);
    }
    let d = dir("ctl-csv");
    let path =
        write(&d, "ctl.csv", format!("{IAMC_HEADER},Label\nM,S,全区,rd_intensity,%,Target,0.76,2.5,\u{1b}[2Jok\n"));
    let errors = refused(&path);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{}:2:", path.display()))
                && e.contains("holds the control character U+001B")),
        "{errors:#?}"
    );
}

#[test]
fn no_message_carries_a_raw_control_character_even_from_a_file_name() {
    let d = dir("ctl-name");
    let path = write(&d, "bad\nok: loaded.csv", "not a table");
    let errors = load_scenarios_file(&path, &plan()).expect_err("refused");
    for e in &errors {
        let shown = e.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(shown.contains("bad\\nok: loaded.csv"), "{shown:?}");
    }
}

// ── 2 and 14. Bad names cost one comparison each, and are echoed short ────────────────────

#[test]
fn a_megabyte_long_variable_name_is_refused_with_a_short_echo() {
    let d = dir("long-name");
    let name = "研".repeat(350_000);
    let path = write(&d, "long.csv", format!("{IAMC_HEADER}\nM,S,全区,{name},%,Target,0.76,2.5\n"));
    let errors = refused(&path);
    let first = &errors[0];
    assert!(first.len() < 600, "{} bytes", first.len());
    assert!(first.contains("… (350000 characters)`"), "{first}");
}

#[test]
fn forty_thousand_rows_of_unknown_variables_give_the_message_cap_with_one_suggestion_each() {
    let d = dir("many-unknown");
    let mut text = format!("{IAMC_HEADER}\n");
    for k in 0..40_000 {
        text.push_str(&format!("M,S{k},全区,研究经费占GDP比重（R&D/GDP）,%,Target,0.76,2.5\n"));
    }
    let path = write(&d, "many.csv", &text);
    let errors = refused(&path);
    assert!(errors.len() <= 201, "{}", errors.len());
    assert!(errors.iter().take(3).all(|e| e.contains("did you mean `研发经费占GDP比重（R&D/GDP）` (rd_intensity)?")));
}

#[test]
fn extra_indicators_survive_the_round_trip_through_every_table_format() {
    let national = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/national-13th-fyp.ron");
    let original = load_scenario_str(&std::fs::read_to_string(national).unwrap(), "n.ron", &plan()).unwrap().0;
    assert!(!original.extra_indicators.is_empty());
    let d = dir("round-trip");
    for (format, name) in [("iamc-csv", "n-iamc.csv"), ("csv", "n-long.csv"), ("xlsx", "n.xlsx")] {
        let out = d.join(name);
        let (code, _, err) =
            common::run_cli(&["scenario", "export", national, "--format", format, "-o", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{format}: {err}");
        let (scenarios, _) = loaded(&out);
        assert_eq!(scenarios[0].extra_indicators, original.extra_indicators, "{format}");
        assert_eq!(scenarios[0].series.len(), original.series.len(), "{format}");
    }
    assert!(d.join("n-iamc.indicators.csv").is_file());
}

// ── 6 and 13. A deck names only what exists, and `check` knows decks ──────────────────────

fn deck_text(slides: &[&str]) -> String {
    let slides: Vec<String> = slides.iter().map(|c| format!("    (content: {c}),\n")).collect();
    format!("(\n  format_version: 1,\n  name: \"会议\",\n  slides: [\n{}  ],\n)\n", slides.concat())
}

#[test]
fn a_deck_naming_what_does_not_exist_is_refused_at_each_slide() {
    let text = deck_text(&[
        "Measure(\"rd_intensity\")",
        "Map(series: \"no_such\", year: Some(1800))",
        "Regional(indicator: \"nope\", unit: \"亿元\", year: 3000)",
        "EastWest(indicator: \"nope\", unit: \"亿元\")",
        "Targets(chapter: \"ch999\", measures: [\"rd_intensity\"])",
        "Index([])",
        "Map(series: \"tasks\", year: Some(2020))",
    ]);
    let d = dir("deck");
    let path = write(&d, "bad-deck.ron", &text);
    let (code, out, _) = common::run_cli(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    let name = path.display();
    for (line, phrase) in [
        (6, "no loaded scenario has `no_such` per 盟市"),
        (6, "the year 1800 is far from the plan's period"),
        (7, "no loaded scenario has `nope` per 盟市"),
        (7, "the year 3000 is far from the plan's period"),
        (8, "no loaded scenario has `nope` per 盟市"),
        (9, "no chapter `ch999` in the plan"),
        (10, "an index slide names no measure"),
        (11, "the plan's count `tasks` has no year"),
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{name}:{line}:")) && l.contains(phrase)),
            "line {line}: `{phrase}` in\n{out}"
        );
    }
    assert!(!out.lines().any(|l| l.starts_with(&format!("{name}:5:"))), "the good slide is not blamed:\n{out}");
}

#[test]
fn check_says_a_good_deck_is_a_deck() {
    let text = deck_text(&[
        "Measure(\"rd_intensity\")",
        "Regional(indicator: \"gdp\", unit: \"亿元\", year: 2020)",
        "Map(series: \"tasks\", year: None)",
    ]);
    let d = dir("good-deck");
    let path = write(&d, "deck.ron", &text);
    let (code, out, err) = common::run_cli(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.trim(), format!("{}: ok: deck `会议`, 3 slides, 0 warnings", path.display()));
}

#[test]
fn a_deck_of_more_slides_than_a_meeting_holds_is_refused_before_it_is_drawn() {
    let slides = vec!["Measure(\"rd_intensity\")"; 501];
    let d = dir("huge-deck");
    let path = write(&d, "huge.ron", deck_text(&slides));
    let (code, _, err) =
        common::run_cli(&["briefing", "--deck", path.to_str().unwrap(), "-o", d.join("b.html").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("501 slides: a deck holds at most 500"), "{err}");
    assert!(!d.join("b.html").exists());
}

// ── 15 and 16. Nothing too big to open is written; no value breaks an axis ────────────────

#[test]
fn synth_refuses_a_scale_whose_plan_the_loader_would_refuse() {
    let d = dir("synth");
    let out = d.join("big.ron");
    let (code, _, err) = common::run_cli(&["synth", "--scale", "200", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("over the 48 MB a plan file may be") && err.contains("the largest scale that fits is about"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn an_absurd_value_is_refused_at_its_cell_and_an_axis_never_breaks() {
    let d = dir("absurd");
    let path = write(
        &d,
        "absurd.csv",
        "Model,Scenario,Region,Variable,Unit,Kind,2015,2020\nM,S,全区,rd_intensity,%,Target,0.76,1e308\n",
    );
    let errors = refused(&path);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{}:2:", path.display())) && e.contains("is no statistic's value")),
        "{errors:#?}"
    );
    use plan_explorer::model::chart::axis::{linear_axis, log_axis};
    let wide = log_axis("亿元", [1e-300, 1e-12, 1.0, 1e15, 1e308].into_iter()).expect("an axis");
    assert!(wide.min >= 1e-12 && wide.max <= 1e16, "{wide:?}");
    assert!(wide.ticks.len() <= 12 && wide.ticks.iter().all(|t| t.is_finite() && *t > 0.0), "{:?}", wide.ticks);
    let mut labels: Vec<String> = wide.ticks.iter().map(|t| format!("{t:e}")).collect();
    labels.dedup();
    assert_eq!(labels.len(), wide.ticks.len());
    let linear = linear_axis("亿元", [0.0, 17831.5, 1e308, f64::MAX].into_iter());
    assert!(linear.max < 1e5 && linear.ticks.len() <= 8, "{linear:?}");
}

// ── 12. A companion that is no file is said ───────────────────────────────────────────────

#[cfg(unix)]
#[test]
fn a_mapping_file_that_is_a_pipe_or_a_device_is_refused_by_name() {
    let d = dir("fifo");
    let path = write(&d, "t.csv", format!("{IAMC_HEADER}\nM,S,全区,rd_intensity,%,Target,0.76,2.5\n"));
    let fifo = d.join("t.mapping.csv");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let errors = refused(&path);
    assert_eq!(
        errors,
        [format!("{}: error: not a regular file (a pipe, socket or device): it was not read", fifo.display())]
    );
    std::fs::remove_file(&fifo).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &fifo).unwrap();
    let errors = refused(&path);
    assert!(
        errors[0].starts_with(&fifo.display().to_string()) && errors[0].contains("not a regular file"),
        "{errors:?}"
    );
}

#[test]
fn check_prints_a_control_character_in_a_file_name_escaped() {
    let d = dir("ctl-check");
    let path =
        write(&d, "x\u{1b}]0;t\u{7}\nok.csv", format!("{IAMC_HEADER}\nM,S,全区,rd_intensity,%,Target,0.76,2.5\n"));
    let (_, out, err) = common::run_cli(&["check", path.to_str().unwrap()]);
    for text in [&out, &err] {
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    }
    assert!(out.contains("x\\u{1b}]0;t\\u{7}\\nok.csv: ok:"), "{out:?}");
}
