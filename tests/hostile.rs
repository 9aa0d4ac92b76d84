//! Hostile scenario files: each gives its exact message with a position inside the file and
//! nothing panics. (Hostile plan files: `load_errors.rs`.)

use std::io::Write;
use std::path::PathBuf;

use plan_explorer::model::diagnostics::check_positions;
use plan_explorer::model::load::{MAX_FILE_BYTES, MAX_PLAN_BYTES, embedded_plan, load_plan_file};
use plan_explorer::model::scenario::{load_scenario_file, load_scenario_str};
use plan_explorer::model::{Diagnostic, Plan};

fn plan() -> Plan {
    embedded_plan().unwrap()
}

fn good() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/good.ron"))
        .unwrap()
}

fn refused(src: &str) -> Vec<Diagnostic> {
    let errs = load_scenario_str(src, "hostile.ron", &plan()).expect_err("refused");
    check_positions(src, &errs);
    errs
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pe-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn empty_and_whitespace() {
    for src in ["", "   \n\n", "()"] {
        let errs = refused(src);
        assert!(!errs[0].message.is_empty());
    }
}

#[test]
fn a_50_mb_file_is_refused_by_its_size_for_plans_and_scenarios() {
    let path = temp("50mb.ron");
    std::fs::File::create(&path).unwrap().set_len(50 * 1024 * 1024).unwrap();
    const { assert!(50 * 1024 * 1024 > MAX_FILE_BYTES && 50 * 1024 * 1024 > MAX_PLAN_BYTES) };
    let errs = load_scenario_file(&path, &plan()).unwrap_err();
    assert_eq!(errs[0].message, "the file is 50.0 MB, over the limit of 32 MB; it was not read");
    let errs = load_plan_file(&path).unwrap_err();
    assert_eq!(errs[0].message, "the file is 50.0 MB, over the limit of 48 MB; it was not read");
}

#[test]
fn ten_thousand_deep_nesting_does_not_overflow_the_stack() {
    let deep = good().replace("points: [", &format!("points: {}", "[".repeat(10_000)));
    let errs = refused(&deep);
    // Typed parsing stops at the first bracket where a point is expected; ron's recursion
    // limit (128) covers the places that accept any value.
    assert_eq!((errs[0].line, errs[0].col), (15, 22), "{}", errs[0]);
    assert!(errs[0].message.contains("Point"), "{}", errs[0]);
    let untyped = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(ron::from_str::<ron::Value>(&untyped).unwrap_err().to_string().contains("recursion limit"));
}

#[test]
fn numbers_too_large_nan_and_infinity() {
    let big_year = good().replace("(year: 2016,", "(year: 99999999999999999999,");
    let errs = refused(&big_year);
    assert_eq!(errs[0].line, 16, "{}", errs[0]);
    for value in ["NaN", "inf", "-inf", "1e999"] {
        let src = good().replace("value: 0.9", &format!("value: {value}"));
        let errs = refused(&src);
        assert!(errs[0].message.contains("not a finite number"), "{value}: {}", errs[0]);
        assert_eq!((errs[0].line, errs[0].col), (16, 30), "{value}");
    }
}

#[test]
fn a_one_megabyte_single_line() {
    let long = format!("(format_version: 1, name: \"{}\", plan: \"x\", series: [], oops: 1)", "长".repeat(350_000));
    assert!(long.len() > 1_000_000 && !long.contains('\n'));
    let errs = refused(&long);
    assert_eq!(errs[0].line, 1);
    assert!(errs[0].message.contains("oops"), "{}", errs[0]);
}

#[test]
fn wrong_or_missing_format_version() {
    let missing = good().replace("    format_version: 1,\n", "");
    let errs = refused(&missing);
    assert!(errs[0].message.contains("format_version"), "{}", errs[0]);
    let wrong = good().replace("format_version: 1,", "format_version: 0,");
    assert_eq!(refused(&wrong)[0].message, "format_version 0 is not supported: expected 1");
}

#[test]
fn ids_that_collide_with_the_plans() {
    let src = good().replace(
        "    series: [",
        "    extra_indicators: [(id: \"rd_intensity\", name: \"冒名\", unit: \"%\")],\n    series: [",
    );
    let errs = refused(&src);
    assert_eq!(errs[0].message, "extra indicator `rd_intensity` collides with an indicator of the plan");
    assert_eq!(errs[0].line, 6);
}

#[test]
fn a_valid_file_with_100_000_series_loads() {
    let mut src =
        String::from("(format_version: 1, name: \"大\", plan: \"内蒙古自治区“十三五”科技创新规划\", series: [\n");
    for i in 0..100_000 {
        src.push_str(&format!(
            "(id: \"s{i}\", indicator: \"rd_intensity\", region: \"全区\", unit: \"%\", kind: Projection, label: \"l\", source: \"projection: test\", points: [(year: 2020, value: {}.5)]),\n",
            i % 90
        ));
    }
    src.push_str("])\n");
    assert!((src.len() as u64) < MAX_FILE_BYTES);
    let (scenario, warnings) = load_scenario_str(&src, "big.ron", &plan()).expect("valid");
    assert_eq!(scenario.series.len(), 100_000);
    assert!(warnings.is_empty());
}

#[test]
fn a_file_with_thousands_of_errors_is_cut_short() {
    let mut src =
        String::from("(format_version: 1, name: \"x\", plan: \"内蒙古自治区“十三五”科技创新规划\", series: [\n");
    for i in 0..5_000 {
        src.push_str(&format!("(id: \"s{i}\", indicator: \"nope\", region: \"全区\", unit: \"%\", kind: Actual, label: \"l\", source: \"s\", points: []),\n"));
    }
    src.push_str("])\n");
    let errs = refused(&src);
    assert_eq!(errs.len(), 201);
    assert_eq!(errs.last().unwrap().message, "more than 200 problems; stopped checking");
}

#[test]
fn binary_noise_and_utf16_as_files() {
    let path = temp("noise.ron");
    let noise: Vec<u8> = (0u32..65_536).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    std::fs::File::create(&path).unwrap().write_all(&noise).unwrap();
    let errs = load_scenario_file(&path, &plan()).unwrap_err();
    assert!(errs[0].message.contains("not UTF-8") || errs[0].message.contains("NUL"), "{}", errs[0]);
    let path = temp("utf16.ron");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(good().encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&path, utf16).unwrap();
    assert_eq!(load_scenario_file(&path, &plan()).unwrap_err()[0].message, "the file is UTF-16; save it as UTF-8");
}

#[test]
fn regression_corpus_from_fuzzing_never_panics() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let plan = plan();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = plan_explorer::model::load::decode_text(&bytes, "corpus") else { continue };
        match load_scenario_str(&text, "corpus", &plan) {
            Ok((_, ds)) | Err(ds) => check_positions(&text, &ds),
        }
        if let Err(ds) = plan_explorer::model::load::load_plan_str(&text, "corpus") {
            check_positions(&text, &ds);
        }
        let _ = plan_explorer::model::import::import(&text, "corpus", &Default::default());
    }
}

/// A named pipe would block `open` until something writes to it: every reader refuses what
/// is not a regular file, at once, for plans, scenarios, decks and the command line.
#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_folder_is_refused_without_blocking() {
    use plan_explorer::model::Document;
    use plan_explorer::model::deck::Deck;

    let pipe = temp("pipe.ron");
    let _ = std::fs::remove_file(&pipe);
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo runs");
    assert!(made.success());
    // A link to the pipe is followed and refused too.
    let link = temp("link-to-pipe.ron");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&pipe, &link).unwrap();
    let folder = temp("a-folder.ron");
    std::fs::create_dir_all(&folder).unwrap();
    let doc = Document::new(plan(), "plan.ron");
    for path in [&pipe, &link] {
        let errs = load_scenario_file(path, &plan()).unwrap_err();
        assert!(errs[0].message.contains("not a regular file"), "{}", errs[0]);
        assert!(load_plan_file(path).unwrap_err()[0].message.contains("not a regular file"));
        assert!(
            Deck::load(path, &plan_explorer::model::deck::DeckTerms { doc: &doc, stats: &[] }).unwrap_err()[0]
                .message
                .contains("not a regular file")
        );
    }
    assert!(load_scenario_file(&folder, &plan()).unwrap_err()[0].message.contains("a folder"));
}

/// One series of `rd_intensity` with these (year, value) points.
fn series_with(id: &str, points: &[(u16, f64)]) -> String {
    let points: String = points.iter().map(|(y, v)| format!("(year: {y}, value: {v}),")).collect();
    format!(
        "(id: \"{id}\", indicator: \"rd_intensity\", region: \"全区\", unit: \"%\", kind: Projection, label: \"l\", source: \"s\", points: [{points}]),\n"
    )
}

fn scenario_of(series: &str) -> String {
    format!("(format_version: 1, name: \"x\", plan: \"内蒙古自治区“十三五”科技创新规划\", series: [\n{series}])\n")
}

#[test]
fn any_number_of_warnings_never_refuses_a_file() {
    // 500 points far outside the plan's period: a warning each, and nothing wrong.
    let points: Vec<(u16, f64)> = (0..500).map(|k| (1950 + (k % 30) as u16, 1.0)).collect();
    let series: String = points.chunks(25).enumerate().map(|(i, c)| series_with(&format!("s{i}"), c)).collect();
    let src = scenario_of(&series);
    let (_, warnings) = load_scenario_str(&src, "warnings.ron", &plan()).expect("only warnings: loaded");
    check_positions(&src, &warnings);
    assert_eq!(warnings.len(), 201);
    assert_eq!(warnings.last().unwrap().message, "300 more warnings not shown");
}

#[test]
fn an_error_after_hundreds_of_warnings_is_still_found() {
    let points: Vec<(u16, f64)> = (0..300).map(|k| (1950 + (k % 30) as u16, 1.0)).collect();
    let mut series: String = points.chunks(30).enumerate().map(|(i, c)| series_with(&format!("s{i}"), c)).collect();
    series.push_str(&series_with("late", &[(2018, 250.0)]));
    let errs = refused(&scenario_of(&series));
    assert!(
        errs.iter().any(|d| d.is_error() && d.message.contains("250 % for 2018 is not a possible share")),
        "{errs:?}"
    );
}

/// Positions come from the file's structure, not from searching for `id: "…"` as the pretty
/// printer writes it: compact RON, raw strings and escaped ids point at the right series.
#[test]
fn messages_point_at_the_right_series_in_any_layout() {
    let two = format!(
        "{}{}",
        series_with("a", &[(2016, 1.0)]),
        series_with("b", &[(2016, 1.0)]).replace("rd_intensity", "rd_intensty")
    );
    let pretty = scenario_of(&two);
    // What ron::to_string writes: everything on one line, no spaces.
    let scenario: plan_explorer::model::scenario::Scenario = ron::from_str(&pretty).unwrap();
    let compact = ron::to_string(&scenario).unwrap();
    let raw = pretty.replace("id: \"b\"", "id: r#\"b\"#");
    for src in [pretty.clone(), compact.clone(), raw] {
        let errs = refused(&src);
        let d = errs.iter().find(|d| d.message.contains("unknown indicator `rd_intensty`")).expect("the typo");
        let line = src.lines().nth(d.line - 1).unwrap();
        let at: String = line.chars().skip(d.col - 1).take(9).collect();
        assert_eq!(at, "indicator", "{d} in {src}");
        // The second series' field, not the first's.
        let before: String = src.lines().take(d.line - 1).collect::<Vec<_>>().join("\n")
            + &line.chars().take(d.col - 1).collect::<String>();
        assert!(before.contains("\"rd_intensity\"") && !before.contains("rd_intensty"), "{d}");
    }
}
