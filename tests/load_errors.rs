//! Broken, huge and hostile plan files: each gives its own message with file, line and
//! column, and nothing panics.

use std::io::Write;

use plan_explorer::model::load::{EMBEDDED_PLAN, MAX_PLAN_BYTES, load_plan_file, load_plan_str};

fn first_error(src: &str) -> plan_explorer::model::Diagnostic {
    let errors = load_plan_str(src, "bad.ron").expect_err("should be refused");
    errors.into_iter().find(|d| d.is_error()).expect("an error")
}

fn write_temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("plan-explorer-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path).unwrap().write_all(bytes).unwrap();
    path
}

#[test]
fn empty_file() {
    let d = first_error("");
    assert_eq!((d.file.as_str(), d.line), ("bad.ron", 1));
    assert!(d.to_string().starts_with("bad.ron:1:1: error:"), "{d}");
}

#[test]
fn truncated_mid_string_points_at_the_end() {
    let cut = &EMBEDDED_PLAN[..EMBEDDED_PLAN.find("新形势与新要求").unwrap()];
    let d = first_error(cut);
    let last_line = cut.lines().count();
    assert!(d.line >= last_line - 1 && d.line <= last_line + 1, "{d} (file has {last_line} lines)");
}

#[test]
fn unknown_field_is_named_with_its_position() {
    let src = EMBEDDED_PLAN.replacen("  meta: (", "  colour: \"red\",\n  meta: (", 1);
    let d = first_error(&src);
    assert!(d.message.contains("colour"), "{d}");
    assert_eq!(d.line, 3, "{d}");
}

#[test]
fn duplicate_id_is_found_at_the_second_occurrence() {
    let src = EMBEDDED_PLAN.replacen("id: \"ch2\",", "id: \"ch1\",", 1);
    let d = first_error(&src);
    assert!(d.message.contains("duplicate node id `ch1`"), "{d}");
    let expected_line = src.lines().position(|l| l.contains("id: \"ch1\",")).unwrap();
    let second_line = src.lines().enumerate().filter(|(_, l)| l.contains("id: \"ch1\",")).nth(1).unwrap().0 + 1;
    assert!(second_line > expected_line + 1);
    assert_eq!(d.line, second_line, "{d}");
}

#[test]
fn an_indicator_quote_missing_from_its_node() {
    let src = EMBEDDED_PLAN.replacen(
        "quote: \"技术市场合同交易总额达到300亿元\"",
        "quote: \"技术市场合同交易总额达到3000亿元\"",
        1,
    );
    let d = first_error(&src);
    assert!(d.message.contains("tech_contract_value.target") && d.message.contains("quote"), "{d}");
    assert!(src.lines().nth(d.line - 1).unwrap().contains("3000亿元"), "{d}");
}

#[test]
fn wrong_format_version() {
    let src = EMBEDDED_PLAN.replacen("format_version: 1,", "format_version: 99,", 1);
    let d = first_error(&src);
    assert!(d.message.contains("format_version 99"), "{d}");
    assert_eq!(d.line, 2);
}

#[test]
fn a_share_above_100_percent_and_non_finite_values() {
    let src = EMBEDDED_PLAN.replacen("value: 55.0", "value: 550.0", 1);
    assert!(first_error(&src).message.contains("0–100 %"));
    let src = EMBEDDED_PLAN.replacen("value: 55.0", "value: NaN", 1);
    assert!(first_error(&src).message.contains("finite"));
    let src = EMBEDDED_PLAN.replacen("value: 55.0", "value: 1e999", 1);
    let d = first_error(&src);
    assert!(d.line > 1, "{d}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    // 10,000 nested lists where the plan's nodes go: refused at the first list that is not a
    // node (column 29), with no stack overflow on the way.
    let src = format!("(format_version: 1, nodes: {}{})", "[".repeat(10_000), "]".repeat(10_000));
    let d = first_error(&src);
    assert_eq!((d.line, d.col), (1, 29), "{d}");
    assert!(d.message.contains("Node"), "{d}");
}

#[test]
fn binary_noise_utf16_and_bom() {
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let path = write_temp("noise.ron", &noise);
    let errors = load_plan_file(&path).unwrap_err();
    assert!(errors[0].to_string().contains("noise.ron:"), "{}", errors[0]);

    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("(".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let errors = load_plan_file(&write_temp("utf16.ron", &utf16)).unwrap_err();
    assert!(errors[0].message.contains("UTF-16"), "{}", errors[0]);

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(EMBEDDED_PLAN.as_bytes());
    let plan = load_plan_file(&write_temp("bom.ron", &bom)).expect("a UTF-8 BOM is accepted");
    assert_eq!(plan.nodes.len(), load_plan_str(EMBEDDED_PLAN, "x").unwrap().nodes.len());
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let path = write_temp("huge.ron", b"");
    // A sparse file: large on paper, costs no disk and must not be read.
    std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(MAX_PLAN_BYTES + 1).unwrap();
    let errors = load_plan_file(&path).unwrap_err();
    assert!(errors[0].message.contains("over the limit"), "{}", errors[0]);
    assert!(errors[0].file.ends_with("huge.ron"));
}

#[test]
fn a_missing_file() {
    let errors = load_plan_file(std::path::Path::new("/nonexistent/plan.ron")).unwrap_err();
    assert!(errors[0].to_string().starts_with("/nonexistent/plan.ron:0:0: error: cannot open"), "{}", errors[0]);
}

#[test]
fn a_reversed_period_or_a_late_baseline_is_refused() {
    let reversed = EMBEDDED_PLAN.replacen("period_start: 2016", "period_start: 2021", 1);
    let d = first_error(&reversed);
    assert_eq!(d.message, "period 2021–2020 ends before it starts");
    assert_eq!(d.line, reversed.lines().position(|l| l.contains("period_start")).unwrap() + 1);
    let late = EMBEDDED_PLAN.replacen("baseline_year: 2015", "baseline_year: 2020", 1);
    assert_eq!(first_error(&late).message, "baseline year 2020 does not precede the period 2016–2020");
}
