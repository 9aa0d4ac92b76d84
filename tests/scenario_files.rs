//! Scenario files, good and bad: each bad one yields its own message at the right line and
//! column; a warning-only file loads with its warnings; the shipped scenarios are valid.

use std::path::PathBuf;

use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::scenario::{Scenario, load_scenario_file};
use plan_explorer::model::{Diagnostic, Plan, Severity};

fn plan() -> Plan {
    embedded_plan().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios").join(name)
}

fn errors(name: &str) -> Vec<Diagnostic> {
    load_scenario_file(&fixture(name), &plan()).expect_err(name)
}

fn loads(name: &str) -> (Scenario, Vec<Diagnostic>) {
    load_scenario_file(&fixture(name), &plan()).unwrap_or_else(|d| panic!("{name}: {d:?}"))
}

/// The one error of a fixture: its position and message.
fn the_error(name: &str) -> (usize, usize, String) {
    let errs = errors(name);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let d = &errs[0];
    assert!(d.file.ends_with(name), "{d}");
    assert_eq!(d.severity, Severity::Error);
    (d.line, d.col, d.message.clone())
}

#[test]
fn a_good_file_loads_without_messages() {
    let (s, warnings) = loads("good.ron");
    assert_eq!(s.series.len(), 1);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn unknown_field() {
    let (line, col, msg) = the_error("unknown_field.ron");
    assert_eq!((line, col), (12, 13));
    assert!(msg.contains("colour"), "{msg}");
}

#[test]
fn wrong_unit_is_compared_with_the_indicators() {
    let (line, col, msg) = the_error("wrong_unit.ron");
    assert_eq!((line, col), (11, 13));
    assert!(msg.contains("unit `‰` does not match indicator `rd_intensity`, measured in `%`"), "{msg}");
}

#[test]
fn unknown_indicator_suggests_the_nearest() {
    let (line, col, msg) = the_error("unknown_indicator.ron");
    assert_eq!((line, col), (9, 13));
    assert!(msg.contains("unknown indicator `rd_intensty`; did you mean `rd_intensity`?"), "{msg}");
}

#[test]
fn unknown_region_suggests_the_nearest() {
    let (line, col, msg) = the_error("unknown_region.ron");
    assert_eq!((line, col), (10, 13));
    assert!(msg.contains("unknown region `包投`") && msg.contains("did you mean `包头`?"), "{msg}");
}

#[test]
fn duplicate_year_points_at_the_second() {
    let (line, col, msg) = the_error("duplicate_year.ron");
    assert_eq!((line, col), (17, 18));
    assert!(msg.contains("year 2016 appears twice"), "{msg}");
}

#[test]
fn non_finite_values() {
    let (line, col, msg) = the_error("nan.ron");
    assert_eq!((line, col), (17, 30));
    assert!(msg.contains("not a finite number"), "{msg}");
}

#[test]
fn impossible_values() {
    let (line, _, msg) = the_error("share_over_100.ron");
    assert_eq!(line, 17);
    assert!(msg.contains("not a possible share"), "{msg}");
    let (line, _, msg) = the_error("negative_count.ron");
    assert_eq!(line, 17);
    assert!(msg.contains("a count cannot be negative"), "{msg}");
}

#[test]
fn wrong_format_version() {
    let (line, col, msg) = the_error("wrong_version.ron");
    assert_eq!((line, col), (2, 5));
    assert!(msg.contains("format_version 7 is not supported"), "{msg}");
}

#[test]
fn truncated_file() {
    let errs = errors("truncated.ron");
    let src = std::fs::read_to_string(fixture("truncated.ron")).unwrap();
    let last_line = src.lines().count();
    assert!(errs[0].line >= last_line, "{:?} (file has {last_line} lines)", errs[0]);
}

#[test]
fn warning_only_files_load_with_their_warnings() {
    let (s, warnings) = loads("far_year.ron");
    assert_eq!(s.series[0].points[0].year, 1990);
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].line, warnings[0].severity), (16, Severity::Warning));
    assert!(warnings[0].message.contains("far outside the plan's period"), "{}", warnings[0]);
    let (_, warnings) = loads("other_plan.ron");
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].message.contains("某省“十三五”规划"), "{}", warnings[0]);
}

#[test]
fn shipped_scenarios_are_valid() {
    for name in ["actual-2010-2023.ron", "national-13th-fyp.ron", "trend.ron"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name);
        let (s, warnings) = load_scenario_file(&path, &plan()).unwrap_or_else(|d| panic!("{name}: {d:?}"));
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert!(!s.series.is_empty());
    }
}

#[test]
fn trend_projection_is_reproducible() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["project", "--method", "trend"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(format!("{root}/scenarios/trend.ron")).unwrap()
    );
    // Its series say they are projections, and how they were computed.
    let (s, _) = load_scenario_file(&PathBuf::from(root).join("scenarios/trend.ron"), &plan()).unwrap();
    for series in &s.series {
        assert!(series.source.starts_with("projection: "), "{}", series.source);
        assert!(series.points.iter().all(|p| p.derived.is_some()));
    }
}

#[test]
fn compare_and_export_on_the_command_line() {
    let bin = env!("CARGO_BIN_EXE_plan-explorer");
    let good = fixture("good.ron");
    let other = fixture("duplicate_year.ron");
    let out = std::process::Command::new(bin)
        .args(["compare", good.to_str().unwrap(), good.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().next(),
        Some("0 points differ between `测试情景` and `测试情景`")
    );
    // A broken file is named with its position, and nothing is compared.
    let out = std::process::Command::new(bin)
        .args(["compare", good.to_str().unwrap(), other.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("duplicate_year.ron:17:18: error"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let far = fixture("far_year.ron");
    let out = std::process::Command::new(bin)
        .args(["compare", good.to_str().unwrap(), far.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2 points differ"), "{text}");
    assert!(text.contains("rd_intensity 全区 1990 (%): — | 0.9"), "{text}");
    assert!(text.contains("rd_intensity 全区 2016 (%): 0.9 | —"), "{text}");
    let out = std::process::Command::new(bin)
        .args(["scenario", "export", good.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "scenario,series,indicator,region,unit,kind,label,year,value,derived,source,quote,note\n\
         测试情景,rd.alt,rd_intensity,全区,%,Projection,R&D强度 · 测试,2016,0.9,,projection: test,,\n\
         测试情景,rd.alt,rd_intensity,全区,%,Projection,R&D强度 · 测试,2020,1.5,,projection: test,,\n"
    );
    let out =
        std::process::Command::new(bin).args(["check", fixture("far_year.ron").to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "warnings do not fail the check");
    let out = std::process::Command::new(bin).args(["check", fixture("nan.ron").to_str().unwrap()]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("nan.ron:17:30: error"));
}
