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
    assert!(errors[0].to_string().starts_with("/nonexistent/plan.ron: error: cannot open"), "{}", errors[0]);
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

/// The size limit is "at most": a file of exactly the limit is read whole (not one byte cut
/// off), and one byte more is refused as over the limit.
#[test]
fn a_file_of_exactly_the_limit_is_read_whole_and_one_byte_more_is_refused() {
    use plan_explorer::model::load::read_limited;
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i % 251) as u8).collect();
    let path = write_temp("exactly-the-limit.bin", &bytes);
    assert_eq!(read_limited(&path, 4096).expect("at the limit"), bytes);
    let d = read_limited(&path, 4095).expect_err("one byte over");
    assert!(d.to_string().contains("over the limit"), "{d}");
}

/// UTF-16 and UTF-32, little- and big-endian, are each named for what they are (a user
/// told "UTF-16" for a UTF-32 file would save it wrongly again).
#[test]
fn utf16_and_utf32_in_either_byte_order_are_named() {
    for (bom, name) in [
        (&[0xFF, 0xFE][..], "UTF-16"),
        (&[0xFE, 0xFF][..], "UTF-16"),
        (&[0xFF, 0xFE, 0, 0][..], "UTF-32"),
        (&[0, 0, 0xFE, 0xFF][..], "UTF-32"),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(b"(\0");
        let errors = plan_explorer::model::load::decode_text(&bytes, "enc.ron").expect_err("refused");
        assert!(errors.message.contains(name), "{bom:?}: {errors}");
        assert!(!errors.message.contains(if name == "UTF-16" { "UTF-32" } else { "UTF-16" }), "{errors}");
    }
}

/// A plan given as text has the same limit as a file: at most MAX_PLAN_BYTES; exactly that
/// much is parsed, not refused for its size.
#[test]
fn plan_text_over_the_size_limit_is_refused_and_text_at_it_is_parsed() {
    let limit = usize::try_from(MAX_PLAN_BYTES).expect("fits");
    let over = " ".repeat(limit + 1);
    assert!(first_error(&over).message.contains("over the size limit"));
    let at = " ".repeat(limit);
    let d = first_error(&at);
    assert!(!d.message.contains("size limit"), "{d}");
}

/// A file whose size on paper is smaller than what it holds (as /proc's files say 0 bytes)
/// is still refused once more than the limit has been read: the limit holds on the bytes
/// read, not only on the size announced.
#[cfg(target_os = "linux")]
#[test]
fn a_file_holding_more_than_its_announced_size_is_refused_past_the_limit() {
    use plan_explorer::model::load::read_limited;
    let path = std::path::Path::new("/proc/self/status");
    assert_eq!(std::fs::metadata(path).map(|m| m.len()).ok(), Some(0), "/proc announces 0 bytes");
    let d = read_limited(path, 100).expect_err("over 100 bytes");
    assert!(d.message.contains("over the limit"), "{d}");
    assert!(read_limited(path, 1 << 20).expect("under 1 MB").len() > 100);
}

/// The period's years: each end must be plausible (either alone out of range is refused), a
/// period of one year is a period, and the baseline may lie up to ten years before it.
#[test]
fn the_periods_ends_and_the_baselines_distance_have_exact_bounds() {
    let with = |start: u16, end: u16, base: u16| {
        EMBEDDED_PLAN
            .replacen("period_start: 2016", &format!("period_start: {start}"), 1)
            .replacen("period_end: 2020", &format!("period_end: {end}"), 1)
            .replacen("baseline_year: 2015", &format!("baseline_year: {base}"), 1)
    };
    assert_eq!(first_error(&with(1900, 2020, 2015)).message, "period 1900–2020 lies outside 1949–2100");
    assert_eq!(first_error(&with(2016, 2200, 2015)).message, "period 2016–2200 lies outside 1949–2100");
    load_plan_str(&with(2020, 2020, 2015), "one-year.ron").expect("a one-year period is a period");
    load_plan_str(&with(2016, 2020, 2006), "ten-years.ron").expect("a baseline ten years before");
    assert_eq!(
        first_error(&with(2016, 2020, 2005)).message,
        "baseline year 2005 does not precede the period 2016–2020"
    );
}

/// Indicator statements: a reused id is refused at its second use; a statement from outside
/// the text needs a real source; a baseline's year must be plausible on its own, and a
/// period it sums (`since`) may not start after it (a one-year period is a period).
#[test]
fn indicator_ids_outside_sources_and_baseline_years_are_checked() {
    let dup = EMBEDDED_PLAN.replacen("id: \"rd_intensity.2015\"", "id: \"rd_expenditure_growth.2011_2015\"", 1);
    let d = first_error(&dup);
    assert_eq!(d.message, "duplicate indicator id `rd_expenditure_growth.2011_2015`");
    let second_use = dup.lines().enumerate().filter(|(_, l)| l.contains("\"rd_expenditure_growth.2011_2015\"")).nth(1);
    assert_eq!(Some(d.line), second_use.map(|(i, _)| i + 1), "at the second use");

    let blank = EMBEDDED_PLAN.replacen(
        "outside_text: Some(\"http://www.8xym.cn/news/show-36984.html\")",
        "outside_text: Some(\"  \")",
        1,
    );
    assert_eq!(
        first_error(&blank).message,
        "indicator `knowledge_services_share.target`: a statement outside the text needs its source and quote"
    );

    let growth = "year: 2015,\n          value: 16.38,\n          since: Some(2011),";
    assert!(EMBEDDED_PLAN.contains(growth));
    let ancient = EMBEDDED_PLAN.replacen(growth, "year: 1800,\n          value: 16.38,", 1);
    assert_eq!(
        first_error(&ancient).message,
        "indicator `rd_expenditure_growth.2011_2015`: baseline year 1800 is not plausible"
    );
    let late_start = EMBEDDED_PLAN.replacen(growth, &growth.replace("2011", "2016"), 1);
    assert_eq!(
        first_error(&late_start).message,
        "indicator `rd_expenditure_growth.2011_2015`: baseline year 2015 is not plausible"
    );
    let one_year = EMBEDDED_PLAN.replacen(growth, &growth.replace("2011", "2015"), 1);
    load_plan_str(&one_year, "one-year.ron").expect("a period of one year");
}

/// A range target's upper bound: below the lower one, or not a number, is refused; equal to
/// it is a range of one value.
#[test]
fn a_range_targets_upper_bound_is_checked() {
    let upper = |u: &str| EMBEDDED_PLAN.replacen("upper: Some(7.0)", &format!("upper: Some({u})"), 1);
    let message = "indicator `international_standards.target`: target value is not a finite number or range";
    assert_eq!(first_error(&upper("4.0")).message, message);
    assert_eq!(first_error(&upper("NaN")).message, message);
    load_plan_str(&upper("5.0"), "equal.ron").expect("5–5 is a range of one value");
}

/// A baseline after its own statement's target year is a warning (the plan is still read);
/// one in the target year is not.
#[test]
fn a_baseline_after_the_target_year_is_a_warning() {
    use plan_explorer::model::load::load_plan_checked;
    let with_baseline = |year: u16| {
        EMBEDDED_PLAN.replacen(
            "comparator: Range,\n      target: Some((\n        year: 2020,\n        value: 5.0,",
            &format!("comparator: Range,\n      baselines: [(year: {year}, value: 5.0)],\n      target: Some((\n        year: 2020,\n        value: 5.0,"),
            1,
        )
    };
    let warned = |year: u16| {
        let (_, warnings) = load_plan_checked(&with_baseline(year), "w.ron").expect("read with warnings");
        warnings
            .iter()
            .any(|w| w.message.contains("international_standards.target`: a baseline lies after the target year"))
    };
    assert!(with_baseline(2021) != EMBEDDED_PLAN, "the statement was found");
    assert!(warned(2021));
    assert!(!warned(2020));
    assert!(!warned(2019));
}

/// A measure keeps one unit: a second statement in another unit is refused (it would be
/// drawn on the first one's axis).
#[test]
fn a_second_statement_in_another_unit_is_refused() {
    let at = EMBEDDED_PLAN.find("id: \"rd_intensity.2015_restated\"").expect("restated statement");
    let unit = at + EMBEDDED_PLAN[at..].find("unit: \"%\"").expect("its unit");
    let src = format!("{}unit: \"个\"{}", &EMBEDDED_PLAN[..unit], &EMBEDDED_PLAN[unit + "unit: \"%\"".len()..]);
    assert_eq!(
        first_error(&src).message,
        "indicator `rd_intensity.2015_restated` gives measure `rd_intensity` in `个`, another statement in `%`"
    );
}

/// A headline names a measure the plan gives a target: one without is refused.
#[test]
fn a_headline_without_a_target_is_refused() {
    let src = EMBEDDED_PLAN.replacen(
        "measure: \"rd_intensity\",\n      name: \"研究与试验发展经费占生产总值比重\"",
        "measure: \"rd_expenditure\",\n      name: \"研究与试验发展经费占生产总值比重\"",
        1,
    );
    assert_eq!(
        first_error(&src).message,
        "headline `研究与试验发展经费占生产总值比重`: no statement gives measure `rd_expenditure` a target"
    );
}
