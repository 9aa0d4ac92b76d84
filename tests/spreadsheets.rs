//! Scenarios from the tools analysts use: IAMC-layout workbooks and CSV files, long tables
//! with Chinese headers, mapping sheets, several scenarios in one file, the RON → xlsx → RON
//! round trip, and a hostile corpus refused with sheet!cell positions. Workbooks are written
//! here with rust_xlsxwriter (as Excel would save them), or by hand where Excel never would
//! (a formula without its value, a zip bomb).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::{app as harness, drop_file, wait_for_loads};
use egui_kittest::kittest::Queryable;
use plan_explorer::model::Diagnostic;
use plan_explorer::model::Severity;
use plan_explorer::model::evaluation::Verdict;
use plan_explorer::model::load::embedded_plan;
use plan_explorer::model::plan::Plan;
use plan_explorer::model::scenario::{Scenario, SeriesKind, VerdictOverride, embedded_actuals};
use plan_explorer::model::scenario_files::load_scenarios_file;
use plan_explorer::model::tabular::write;
use rust_xlsxwriter::Workbook;

/// An empty temporary folder for one test.
fn fresh_dir(tag: &str) -> PathBuf {
    let dir = common::temp_dir(tag);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn plan() -> Plan {
    embedded_plan().expect("the embedded plan is valid")
}

/// A cell of a test sheet: text or a number.
#[derive(Clone)]
enum C {
    T(&'static str),
    N(f64),
}
use C::{N, T};

/// An xlsx with one sheet per (name, rows); rows are written from A1.
fn workbook(sheets: &[(&str, Vec<Vec<C>>)]) -> Workbook {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    T("") => {}
                    T(t) => {
                        sheet.write_string(r, c, *t).unwrap();
                    }
                    N(n) => {
                        sheet.write_number(r, c, *n).unwrap();
                    }
                }
            }
        }
    }
    book
}

fn save(book: &mut Workbook, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, book.save_to_buffer().unwrap()).unwrap();
    path
}

fn iamc_rows() -> Vec<Vec<C>> {
    vec![
        vec![T("Model"), T("Scenario"), T("Region"), T("Variable"), T("Unit"), N(2015.0), N(2018.0), N(2020.0)],
        vec![
            T("MESSAGE"),
            T("高投入"),
            T("Inner Mongolia"),
            T("研发经费占GDP比重（R&D/GDP）"),
            T("%"),
            N(0.76),
            N(1.1),
            N(1.6),
        ],
        vec![T("MESSAGE"), T("高投入"), T("Hohhot"), T("rd_intensity"), T("%"), N(1.2), T(""), N(2.0)],
        vec![
            T("MESSAGE"),
            T("低投入"),
            T("China|Inner Mongolia"),
            T("R&D expenditure as share of GDP"),
            T("%"),
            N(0.76),
            N(0.8),
            N(0.9),
        ],
    ]
}

fn errors(result: Result<(Vec<Scenario>, Vec<Diagnostic>), Vec<Diagnostic>>) -> Vec<String> {
    match result {
        Ok((scenarios, _)) => panic!("loaded {} scenarios; expected a refusal", scenarios.len()),
        Err(ds) => ds.iter().filter(|d| d.is_error()).map(ToString::to_string).collect(),
    }
}

fn assert_refused_at(path: &Path, expected: &str, phrase: &str) {
    let errors = errors(load_scenarios_file(path, &plan()));
    let name = path.display().to_string();
    // A workbook's cell (`data!F3`) follows the file name after a space; a CSV's line:col does not.
    let at =
        if expected.contains('!') { format!("{name}: {expected}: error") } else { format!("{name}:{expected}: error") };
    assert!(
        errors.iter().any(|e| e.starts_with(&at) && e.contains(phrase)),
        "expected `{expected}` … `{phrase}` in {errors:#?}"
    );
}

#[test]
fn an_iamc_workbook_loads_its_scenarios_values_regions_and_chinese_variable_names() {
    let dir = fresh_dir("xlsx-iamc");
    let path = save(&mut workbook(&[("data", iamc_rows())]), &dir, "what-if.xlsx");
    let (scenarios, warnings) = load_scenarios_file(&path, &plan()).expect("loads");
    // Without a Kind column its 2015 and 2018 values are read as projections, and it says so
    // once, at the first of them.
    let said: Vec<String> = warnings.iter().map(|d| d.cell.clone().unwrap_or_default() + " " + &d.message).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("data!F2 no Kind column"), "{said:?}");
    // Two (Model, Scenario) pairs: two scenarios, in the order of the rows.
    let names: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["高投入", "低投入"]);
    let high = &scenarios[0];
    // The Chinese name maps to its measure; "Inner Mongolia" is the whole region.
    let whole = &high.series[0];
    assert_eq!((whole.indicator.as_str(), whole.region.as_str(), whole.unit.as_str()), ("rd_intensity", "全区", "%"));
    assert_eq!(whole.kind, SeriesKind::Projection, "IAMC rows are projections unless a Kind column says otherwise");
    let points: Vec<(u16, f64)> = whole.points.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(points, [(2015, 0.76), (2018, 1.1), (2020, 1.6)]);
    // The English name of a 盟市 maps to its code; the empty 2018 cell is no point.
    let hohhot = &high.series[1];
    assert_eq!(hohhot.region, "呼和浩特");
    assert_eq!(hohhot.points.iter().map(|p| p.year).collect::<Vec<_>>(), [2015, 2020]);
    // IAMC's sub-region notation, and the measure's English name.
    let low = &scenarios[1].series[0];
    assert_eq!((low.indicator.as_str(), low.region.as_str()), ("rd_intensity", "全区"));
    assert!(scenarios[1].description.contains("MESSAGE"), "the model is named: {}", scenarios[1].description);
}

#[test]
fn series_of_one_measure_and_region_from_different_sources_are_told_apart() {
    let dir = fresh_dir("csv-sources");
    let path = dir.join("two-sources.csv");
    std::fs::write(
        &path,
        "Scenario,Region,Variable,Unit,Source,2016\nS,全区,rd_intensity,%,统计年鉴,0.79\nS,全区,rd_intensity,%,统计公报,0.8\n",
    )
    .unwrap();
    let (scenarios, _) = load_scenarios_file(&path, &plan()).expect("two series, not a duplicate");
    let ids: Vec<&str> = scenarios[0].series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["rd_intensity", "rd_intensity#2"]);
    assert_eq!(scenarios[0].series[1].source, "统计公报");
}

#[test]
fn the_same_table_as_csv_loads_the_same_and_so_does_excels_chinese_csv() {
    let dir = fresh_dir("csv-iamc");
    let xlsx = save(&mut workbook(&[("data", iamc_rows())]), &dir, "what-if.xlsx");
    let text = "Model,Scenario,Region,Variable,Unit,2015,2018,2020\n\
                MESSAGE,高投入,Inner Mongolia,研发经费占GDP比重（R&D/GDP）,%,0.76,1.1,1.6\n\
                MESSAGE,高投入,Hohhot,rd_intensity,%,1.2,,2.0\n\
                MESSAGE,低投入,China|Inner Mongolia,R&D expenditure as share of GDP,%,0.76,0.8,0.9\n";
    let csv = dir.join("what-if.csv");
    std::fs::write(&csv, text).unwrap();
    let from_xlsx = load_scenarios_file(&xlsx, &plan()).unwrap().0;
    let from_csv = load_scenarios_file(&csv, &plan()).unwrap().0;
    // Each series as "indicator region unit: year=value …".
    let values = |ss: &[Scenario]| -> Vec<String> {
        ss.iter()
            .flat_map(|s| &s.series)
            .map(|s| {
                let points: Vec<String> = s.points.iter().map(|p| format!("{}={}", p.year, p.value)).collect();
                format!("{} {} {}: {}", s.indicator, s.region, s.unit, points.join(" "))
            })
            .collect()
    };
    assert_eq!(values(&from_csv), values(&from_xlsx));

    // Excel on a Chinese Windows saves "CSV" in GB18030; it is read, with a note saying so.
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let gbk_path = dir.join("what-if-gbk.csv");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let (scenarios, warnings) = load_scenarios_file(&gbk_path, &plan()).expect("GB18030 is read");
    assert_eq!(values(&scenarios), values(&from_xlsx));
    assert!(warnings.iter().any(|w| w.message.contains("GB18030")), "{warnings:?}");
}

/// Legacy Excel and OpenDocument files (written by xlwt and odfpy: tools/make_table_fixtures.py)
/// read the same as the xlsx.
#[test]
fn xls_and_ods_workbooks_load_the_same_as_xlsx() {
    let dir = fresh_dir("xls-ods");
    let xlsx = save(&mut workbook(&[("data", iamc_rows())]), &dir, "what-if.xlsx");
    let expected = load_scenarios_file(&xlsx, &plan()).unwrap().0;
    let tables = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tables");
    let ods = load_scenarios_file(&tables.join("iamc.ods"), &plan()).expect("ods loads").0;
    assert_eq!(ods.len(), 2);
    for (a, b) in ods.iter().zip(&expected) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.series, b.series.iter().map(|s| with_source(s, "iamc.ods")).collect::<Vec<_>>());
    }
    // The xls also holds a sheet whose Model cells are merged over two rows: refused there.
    let xls = tables.join("iamc.xls");
    assert_refused_at(&xls, "merged!A2", "merged cells A2:A3");
}

/// A series as read from another file (the default source names the file).
fn with_source(s: &plan_explorer::model::scenario::Series, file: &str) -> plan_explorer::model::scenario::Series {
    plan_explorer::model::scenario::Series { source: s.source.replace("what-if.xlsx", file), ..s.clone() }
}

#[test]
fn a_long_table_with_chinese_headers_and_full_place_names_loads_with_its_sources() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/example-long.csv");
    let (scenarios, warnings) = load_scenarios_file(&path, &plan()).expect("the shipped example loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(scenarios.len(), 1);
    let s = &scenarios[0];
    assert_eq!(s.name, "盟市R&D经费（示例）");
    let baotou = s.series.iter().find(|x| x.region == "包头").expect("包头市 is 包头");
    assert_eq!(baotou.indicator, "rd_expenditure");
    assert_eq!(baotou.kind, SeriesKind::Actual, "实际");
    assert_eq!(baotou.points.iter().map(|p| (p.year, p.value)).collect::<Vec<_>>(), [(2015, 53.6), (2022, 77.5)]);
    // Each point keeps its own source where it differs from the series' first.
    assert_eq!(baotou.source, "http://www.antpedia.com/news/99/n-1371999.html");
    assert_eq!(baotou.points[1].source, "http://yfsoft.com.cn/50988.html");
    assert!(baotou.points[1].quote.contains("包头市(77.5亿元)"));
    assert_eq!(s.series.len(), 3, "one series per 盟市");
}

#[test]
fn a_mapping_sheet_names_variables_and_regions_the_app_does_not_know() {
    let dir = fresh_dir("xlsx-mapping");
    let data = vec![
        vec![T("Model"), T("Scenario"), T("Region"), T("Variable"), T("Unit"), N(2020.0)],
        vec![T("M"), T("S"), T("IM-HHHT"), T("Expenditure|R&D|Share of GDP"), T("%"), N(2.0)],
    ];
    let mapping = vec![
        vec![T("Variable"), T("Maps to")],
        vec![T("Expenditure|R&D|Share of GDP"), T("rd_intensity")],
        vec![T("IM-HHHT"), T("呼和浩特")],
    ];
    let path = save(&mut workbook(&[("data", data.clone()), ("mapping", mapping)]), &dir, "mapped.xlsx");
    let (scenarios, _) = load_scenarios_file(&path, &plan()).expect("mapped");
    let s = &scenarios[0].series[0];
    assert_eq!((s.indicator.as_str(), s.region.as_str()), ("rd_intensity", "呼和浩特"));
    // Without the mapping the variable is unknown, and the message points at its cell.
    let path = save(&mut workbook(&[("data", data.clone())]), &dir, "unmapped.xlsx");
    assert_refused_at(&path, "data!D2", "unknown variable `Expenditure|R&D|Share of GDP`");
    // A mapping row whose target is left empty maps nothing: the variable is as unknown.
    let half = vec![vec![T("Variable"), T("Maps to")], vec![T("Expenditure|R&D|Share of GDP"), T("")]];
    let path = save(&mut workbook(&[("data", data), ("mapping", half)]), &dir, "half-mapped.xlsx");
    assert_refused_at(&path, "data!D2", "unknown variable `Expenditure|R&D|Share of GDP`");

    // A CSV's mapping is the file beside it, NAME.mapping.csv.
    let csv = dir.join("mapped.csv");
    std::fs::write(&csv, "Scenario,Region,Variable,Unit,2020\nS,全区,R&D share,%,2.0\n").unwrap();
    assert_refused_at(&csv, "2:6", "unknown variable `R&D share`");
    std::fs::write(dir.join("mapped.mapping.csv"), "variable,maps to\nR&D share,rd_intensity\n").unwrap();
    let (scenarios, _) = load_scenarios_file(&csv, &plan()).expect("mapped by the companion file");
    assert_eq!(scenarios[0].series[0].indicator, "rd_intensity");
}

/// The shipped actual values (sourced point by point, with extra indicators such as GDP) and
/// a scenario of every kind survive RON → xlsx → RON unchanged, through the real commands.
#[test]
fn ron_to_xlsx_to_ron_loses_nothing() {
    let plan = plan();
    let actuals = embedded_actuals(&plan).expect("shipped actuals");
    let dir = fresh_dir("round-trip");
    let bytes = write::xlsx(&[&actuals]).expect("written");
    let path = dir.join("actuals.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let (back, warnings) = load_scenarios_file(&path, &plan).expect("read back");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.len(), 1);
    let mut expected = actuals.clone();
    // Built in is where a scenario came from, not what a file holds.
    expected.built_in = false;
    // Points are kept by year in a table; the shipped file already lists them so.
    for s in &mut expected.series {
        s.points.sort_by_key(|p| p.year);
    }
    assert_eq!(back[0], expected);

    // Empty labels and sources stay empty, and two scenarios in one workbook keep their own
    // extra indicators.
    let mut bare = expected.clone();
    bare.name = "bare".into();
    bare.series.retain(|s| s.indicator == "rd_intensity");
    bare.series[0].label.clear();
    bare.series[0].source.clear();
    bare.extra_indicators.truncate(1);
    // …and their own verdicts set by a person, each with its note.
    let verdict = |measure: &str, verdict, note: &str| VerdictOverride {
        measure: measure.into(),
        year: 2020,
        verdict,
        note: note.into(),
    };
    expected.verdicts = vec![verdict("high_tech_enterprises", Verdict::Met, "科技厅2020年工作总结")];
    bare.verdicts = vec![
        verdict("rd_intensity", Verdict::NotMet, "2020年全国科技经费投入统计公报：0.93%"),
        verdict("national_incubators", Verdict::NearlyMet, "火炬中心名单"),
    ];
    let bytes = write::xlsx(&[&expected, &bare]).expect("written");
    let path = dir.join("two.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let (back, _) = load_scenarios_file(&path, &plan).expect("read back");
    assert_eq!(back, [expected.clone(), bare]);

    // The same through the command line: export to xlsx, import to RON, compare.
    let bin = env!("CARGO_BIN_EXE_plan-explorer");
    let trend = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/trend.ron");
    let xlsx = dir.join("trend.xlsx");
    let ron_out = dir.join("trend.ron");
    let out = std::process::Command::new(bin)
        .args(["scenario", "export", trend.to_str().unwrap(), "-o", xlsx.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = std::process::Command::new(bin)
        .args(["scenario", "import", xlsx.to_str().unwrap(), "-o", ron_out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let original: Scenario = ron::from_str(&std::fs::read_to_string(&trend).unwrap()).unwrap();
    let imported: Scenario = ron::from_str(&std::fs::read_to_string(&ron_out).unwrap()).unwrap();
    assert_eq!(imported, original);
}

#[test]
fn export_writes_the_long_and_the_iamc_layouts_and_both_read_back() {
    let bin = env!("CARGO_BIN_EXE_plan-explorer");
    let trend = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/trend.ron");
    let dir = fresh_dir("export-layouts");
    for (format, name, first_line) in [
        ("iamc-csv", "trend-iamc.csv", "Model,Scenario,Region,Variable,Unit,Kind,Label,Source,Id,Note,2016,"),
        (
            "csv",
            "trend-long.csv",
            "scenario,series,indicator,region,unit,kind,label,year,value,derived,source,quote,note",
        ),
    ] {
        let path = dir.join(name);
        let out = std::process::Command::new(bin)
            .args(["scenario", "export", trend.to_str().unwrap(), "--format", format, "-o", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(first_line), "{format}: {}", text.lines().next().unwrap_or(""));
        let (back, _) = load_scenarios_file(&path, &plan()).unwrap_or_else(|e| panic!("{format}: {e:?}"));
        let original: Scenario = ron::from_str(&std::fs::read_to_string(&trend).unwrap()).unwrap();
        // The values, series and name survive both layouts (the long one keeps each formula).
        assert_eq!(back[0].name, original.name);
        let values = |s: &Scenario| -> Vec<(String, Vec<(u16, f64)>)> {
            s.series.iter().map(|x| (x.id.clone(), x.points.iter().map(|p| (p.year, p.value)).collect())).collect()
        };
        assert_eq!(values(&back[0]), values(&original), "{format}");
    }
}

#[test]
fn the_shipped_examples_check_clean() {
    let bin = env!("CARGO_BIN_EXE_plan-explorer");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for name in ["example-iamc.csv", "example-long.csv", "example.xlsx"] {
        let out = std::process::Command::new(bin).args(["check", root.join(name).to_str().unwrap()]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains(": ok: scenario `") && text.contains(", 0 warnings"),
            "{name}: {text}"
        );
    }
}

// ---- The hostile corpus: each refused with its sheet and cell, none a panic or a hang. ----

fn header() -> Vec<C> {
    vec![T("Model"), T("Scenario"), T("Region"), T("Variable"), T("Unit"), N(2015.0), N(2020.0)]
}

fn refused(tag: &str, rows: Vec<Vec<C>>, cell: &str, phrase: &str) {
    let dir = fresh_dir(&format!("hostile-{tag}"));
    let path = save(&mut workbook(&[("data", rows)]), &dir, &format!("{tag}.xlsx"));
    assert_refused_at(&path, cell, phrase);
}

#[test]
fn text_in_a_number_cell_is_refused_at_its_cell() {
    let row = vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), T("about 2")];
    refused("text", vec![header(), row], "data!G2", "`about 2` is text where a number belongs");
}

#[test]
fn a_number_stored_as_text_loads_with_a_warning_at_its_cell() {
    let dir = fresh_dir("hostile-number-text");
    let row = vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), T("1.5")];
    let path = save(&mut workbook(&[("data", vec![header(), row])]), &dir, "as-text.xlsx");
    let (scenarios, warnings) = load_scenarios_file(&path, &plan()).expect("loads");
    assert_eq!(scenarios[0].series[0].points[1].value, 1.5);
    assert_eq!(
        warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            format!("{}: data!G2: warning: the number `1.5` is stored as text", path.display()),
            format!(
                "{}: data!F2: warning: no Kind column: every value is read as a projection, those up to 2023 (the latest year of the shipped actual values) too, this the first; if they are observed values, add a Kind column with Actual",
                path.display()
            )
        ]
    );
}

#[test]
fn an_unknown_variable_is_refused_with_the_nearest_measure() {
    let row = vec![T("M"), T("S"), T("全区"), T("研究经费占GDP比重（R&D/GDP）"), T("%"), N(0.76), N(2.0)];
    refused("variable", vec![header(), row], "data!D2", "did you mean `研发经费占GDP比重（R&D/GDP）` (rd_intensity)?");
}

/// A variable written as the plan writes it in prose — without the parenthetical, or as the
/// app's own legend names the actual series — is read as the measure it names, and a message
/// says which, once, at its first cell. Half-width brackets and spaces were always read as
/// written, without a word.
#[test]
fn a_variable_as_people_type_it_is_read_with_a_message_naming_the_measure() {
    let dir = fresh_dir("typed-names");
    let cases = [
        ("研发经费占GDP比重", 1),
        ("R&D经费投入强度", 1),
        ("研发经费占GDP比重(R&D/GDP)", 0),
        (" 研发经费占 GDP 比重 （R&D/GDP） ", 0),
    ];
    for (k, (written, said)) in cases.iter().enumerate() {
        let rows = vec![
            header(),
            vec![T("M"), T("S"), T("全区"), T(written), T("%"), N(0.76), N(2.0)],
            vec![T("M"), T("S"), T("东部"), T(written), T("%"), N(0.5), N(1.0)],
        ];
        let path = save(&mut workbook(&[("data", rows)]), &dir, &format!("typed{k}.xlsx"));
        let (scenarios, notes) = load_scenarios_file(&path, &plan()).unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert!(scenarios[0].series.iter().all(|s| s.indicator == "rd_intensity"), "{written}");
        let infos: Vec<String> =
            notes.iter().filter(|d| d.severity == Severity::Info).map(ToString::to_string).collect();
        assert_eq!(infos.len(), *said, "{written}: said once, not per row: {notes:?}");
        if *said > 0 {
            assert!(infos[0].contains("data!D2: info:") && infos[0].contains("(rd_intensity)"), "{infos:?}");
        }
    }
}

/// A variable that, typed loosely, could name two indicators stays an error, listing both.
#[test]
fn an_ambiguous_variable_is_refused_with_its_candidates() {
    let rows = vec![
        vec![T("Model"), T("Scenario"), T("Region"), T("Variable"), T("Unit"), N(2015.0), N(2020.0)],
        vec![T("M"), T("S"), T("全区"), T("研发经费占GDP比重"), T("%"), N(0.76), N(2.0)],
    ];
    let extras =
        vec![vec![T("id"), T("name"), T("unit")], vec![T("rd_estimate"), T("研发经费占GDP比重（估算）"), T("%")]];
    let dir = fresh_dir("ambiguous-name");
    let path = save(&mut workbook(&[("data", rows), ("indicators", extras)]), &dir, "ambiguous.xlsx");
    assert_refused_at(
        &path,
        "data!D2",
        "may be any of `研发经费占GDP比重（R&D/GDP）` (rd_intensity), `研发经费占GDP比重（估算）` (rd_estimate)",
    );
}

#[test]
fn an_unknown_region_is_refused_with_the_nearest_region() {
    let row = vec![T("M"), T("S"), T("呼和浩"), T("rd_intensity"), T("%"), N(0.76), N(2.0)];
    refused("region", vec![header(), row], "data!C2", "unknown region `呼和浩`");
}

#[test]
fn a_unit_that_is_not_the_measures_is_refused_at_the_unit_cell() {
    let row = vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("‰"), N(7.6), N(22.0)];
    refused("unit", vec![header(), row], "data!E2", "unit `‰` does not match indicator `rd_intensity`");
}

#[test]
fn a_share_over_100_percent_is_refused_at_its_value_cell() {
    let row = vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), N(220.0)];
    refused("share", vec![header(), row], "data!G2", "not a possible share");
}

#[test]
fn a_duplicate_row_is_refused_naming_the_first() {
    let row = || vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), N(2.0)];
    refused(
        "duplicate",
        vec![header(), row(), row()],
        "data!A3",
        "duplicate row: `rd_intensity` for 全区 appears twice (first at data!A2)",
    );
}

#[test]
fn a_date_where_a_year_belongs_is_refused() {
    let dir = fresh_dir("hostile-date");
    let mut book = workbook(&[(
        "data",
        vec![
            vec![T("Model"), T("Scenario"), T("Region"), T("Variable"), T("Unit")],
            vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), N(2.0)],
        ],
    )]);
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 1, 1).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.worksheet_from_name("data").unwrap();
    sheet.write_number(0, 5, 2015.0).unwrap();
    sheet.write_datetime_with_format(0, 6, &date, &format).unwrap();
    let path = save(&mut book, &dir, "date.xlsx");
    assert_refused_at(&path, "data!G1", "a date (2020-01-01) where a year belongs");
}

#[test]
fn merged_cells_in_the_table_are_refused() {
    let dir = fresh_dir("hostile-merged");
    let row = vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), N(2.0)];
    let row2 = vec![T(""), T(""), T(""), T("rd_intensity"), T("%"), N(0.76), N(2.0)];
    let mut book = workbook(&[("data", vec![header(), row, row2])]);
    let sheet = book.worksheet_from_name("data").unwrap();
    sheet.merge_range(1, 0, 2, 0, "M", &rust_xlsxwriter::Format::new()).unwrap();
    let path = save(&mut book, &dir, "merged.xlsx");
    assert_refused_at(&path, "data!A2", "merged cells A2:A3");
}

#[test]
fn an_error_value_in_a_cell_is_refused_naming_it() {
    let dir = fresh_dir("hostile-error");
    let mut book =
        workbook(&[("data", vec![header(), vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76)]])]);
    let sheet = book.worksheet_from_name("data").unwrap();
    sheet.write_formula(1, 6, rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    let path = save(&mut book, &dir, "div0.xlsx");
    assert_refused_at(&path, "data!G2", "#DIV/0!");
}

/// A minimal xlsx written by hand, with `sheet_xml` as its one sheet `data`: what a script
/// (not Excel) may write.
fn raw_xlsx(sheet_xml: &str) -> Vec<u8> {
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_xml}</sheetData></worksheet>"#)),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const RAW_HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Region</t></is></c><c r="B1" t="inlineStr"><is><t>Variable</t></is></c><c r="C1" t="inlineStr"><is><t>Unit</t></is></c><c r="D1"><v>2020</v></c></row>"#;

#[test]
fn a_formula_without_a_saved_value_is_refused_with_what_to_do() {
    let dir = fresh_dir("hostile-formula");
    let row = r#"<row r="2"><c r="A2" t="inlineStr"><is><t>全区</t></is></c><c r="B2" t="inlineStr"><is><t>rd_intensity</t></is></c><c r="C2" t="inlineStr"><is><t>%</t></is></c><c r="D2"><f>0.76*2</f></c></row>"#;
    let path = dir.join("formula.xlsx");
    std::fs::write(&path, raw_xlsx(&format!("{RAW_HEADER}{row}"))).unwrap();
    assert_refused_at(&path, "data!D2", "the formula `=0.76*2` has no saved value");
}

#[test]
fn a_cell_at_the_far_corner_of_the_sheet_costs_one_cell() {
    let dir = fresh_dir("hostile-corner");
    let row = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    let path = dir.join("corner.xlsx");
    std::fs::write(&path, raw_xlsx(&format!("{RAW_HEADER}{row}"))).unwrap();
    // Read sparsely (a dense read would ask for 17 billion cells): refused for what it is.
    assert_refused_at(&path, "data!B1048576", "a row with values but no variable");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = fresh_dir("hostile-bomb");
    let mut bytes = raw_xlsx(RAW_HEADER);
    // Every central-directory entry now declares 4 GB unpacked.
    let mut k = 0;
    while let Some(at) = bytes.windows(4).skip(k).position(|w| w == [0x50, 0x4b, 0x01, 0x02]) {
        let header = k + at;
        bytes[header + 24..header + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        k = header + 4;
    }
    let path = dir.join("bomb.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let errors = errors(load_scenarios_file(&path, &plan()));
    assert!(errors.iter().any(|e| e.contains("bomb.xlsx: error: the workbook unpacks to")), "{errors:?}");
}

#[test]
fn files_that_are_not_workbooks_or_have_no_table_are_refused_plainly() {
    let dir = fresh_dir("hostile-not");
    let path = dir.join("renamed.xlsx");
    // A CSV named .xlsx is read as the CSV it is (`hostile_containers.rs`), and this one has
    // no Variable column.
    std::fs::write(&path, "Model,Scenario\n").unwrap();
    let refused = errors(load_scenarios_file(&path, &plan()));
    assert!(refused.iter().any(|e| e.contains("no header row with a Variable")), "{refused:?}");
    let path = save(&mut workbook(&[("notes", vec![vec![T("Just some notes")]])]), &dir, "notes.xlsx");
    let refused = errors(load_scenarios_file(&path, &plan()));
    assert!(refused.iter().any(|e| e.contains("no sheet has a header row with a Variable")), "{refused:?}");
    let path = dir.join("empty.csv");
    std::fs::write(&path, "").unwrap();
    let refused = errors(load_scenarios_file(&path, &plan()));
    assert!(refused.iter().any(|e| e.contains("no header row")), "{refused:?}");
}

#[test]
fn a_huge_table_is_refused_without_reading_it_all() {
    let dir = fresh_dir("hostile-huge");
    let path = dir.join("huge.csv");
    // 1,000 columns × 2,001 rows: more than the 2,000,000 filled cells a scenario table may have.
    let row = vec!["1"; 1000].join(",");
    let text = format!("Variable,{}\n", vec!["2020"; 999].join(",")) + &format!("{row}\n").repeat(2001);
    std::fs::write(&path, text).unwrap();
    let refused = errors(load_scenarios_file(&path, &plan()));
    assert!(refused.iter().any(|e| e.contains("more than 2000000 filled cells")), "{refused:?}");
}

#[test]
fn a_message_about_a_point_names_its_own_row_whatever_the_year_order() {
    let dir = fresh_dir("csv-order");
    let path = dir.join("order.csv");
    // The 2022 row comes first and holds the impossible share; points are kept by year.
    std::fs::write(&path, "Variable,Region,Year,Value\nrd_intensity,全区,2022,150\nrd_intensity,全区,2015,0.76\n")
        .unwrap();
    assert_refused_at(&path, "2:22", "150 % for 2022 is not a possible share");
}

#[test]
fn a_series_id_reused_for_another_variable_is_refused() {
    let dir = fresh_dir("csv-reused-id");
    let path = dir.join("ids.csv");
    std::fs::write(
        &path,
        "Id,Variable,Region,Year,Value\ns1,rd_intensity,全区,2016,0.8\ns1,rd_expenditure,全区,2017,150\n",
    )
    .unwrap();
    assert_refused_at(&path, "3:1", "series id `s1` is used for another variable, region or unit");
}

#[test]
fn blank_lines_quotes_and_short_rows_keep_csv_positions_true() {
    let dir = fresh_dir("csv-lines");
    let path = dir.join("lines.csv");
    // A blank line (the csv reader skips it), a quote inside a label, and an empty variable.
    std::fs::write(
        &path,
        "Model,Scenario,Region,Variable,Unit,Label,2020\n\nM,S,全区,rd_intensity,%,12\" plan,2.2\nM,S,全区,,%,x,2.0\n",
    )
    .unwrap();
    assert_refused_at(&path, "4:8", "a row with values but no variable");
}

#[test]
fn csv_messages_name_the_line_and_column() {
    let dir = fresh_dir("hostile-csv");
    let path = dir.join("bad.csv");
    std::fs::write(
        &path,
        "Model,Scenario,Region,Variable,Unit,2015,2020\nM,S,全区,rd_intensity,%,0.76,2.2\n\"M\",S,东部,rd_intensity,%,0.7,lots\n",
    )
    .unwrap();
    // Line 3, character column 29 (where "lots" starts; the quotes around M count).
    let errors = errors(load_scenarios_file(&path, &plan()));
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{}:3:29: error: `lots` is text", path.display()))),
        "{errors:?}"
    );
}

// ---- In the app ----

#[test]
fn a_dropped_workbook_adds_each_of_its_scenarios_and_reloads_when_saved_again() {
    let dir = fresh_dir("xlsx-app");
    let path = save(&mut workbook(&[("data", iamc_rows())]), &dir, "what-if.xlsx");
    let mut harness = harness();
    drop_file(&mut harness, path.clone());
    let names: Vec<String> = harness.state().scenarios().iter().map(|l| l.scenario.name.clone()).collect();
    assert_eq!(names[1..], ["高投入", "低投入"], "{names:?}");
    // Only that its values, a Kind column lacking, are read as projections.
    let messages = harness.state().messages();
    assert!(messages.len() == 1 && messages[0].text.contains("no Kind column"), "{messages:?}");

    // The analyst edits the workbook and saves: the app reloads it by itself.
    let mut rows = iamc_rows();
    rows[1][7] = N(1.8);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    save(&mut workbook(&[("data", rows)]), &dir, "what-if.xlsx");
    common::step_until(&mut harness, "the edited workbook to be reloaded", |app| {
        app.scenarios()[1].scenario.series[0].points[2].value == 1.8
    });
    assert_eq!(harness.state().scenarios()[1].scenario.series[0].points[2].value, 1.8);
    assert_eq!(harness.state().scenarios().len(), 3, "replaced, not added");

    // A broken save keeps what was loaded, and says where.
    let mut rows = iamc_rows();
    rows[1][7] = T("TBD");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    save(&mut workbook(&[("data", rows)]), &dir, "what-if.xlsx");
    harness.key_press(egui::Key::F5);
    wait_for_loads(&mut harness);
    assert_eq!(harness.state().scenarios()[1].scenario.series[0].points[2].value, 1.8);
    harness.get_by_label_contains("what-if.xlsx: data!H2: 错误：`TBD` 是文本，此处应为数字");
}

#[test]
fn a_verdicts_sheet_is_read_in_either_language_and_a_word_that_is_no_verdict_is_refused_at_its_cell() {
    let dir = fresh_dir("verdicts-sheet");
    let data = vec![header(), vec![T("M"), T("S"), T("全区"), T("rd_intensity"), T("%"), N(0.76), N(0.93)]];
    let verdicts = |word: &'static str| {
        vec![
            vec![T("指标代码"), T("年份"), T("判定"), T("备注")],
            vec![T("rd_intensity"), N(2020.0), T(word), T("2020年全国科技经费投入统计公报")],
        ]
    };
    for (word, expected) in
        [("未完成", Verdict::NotMet), (" Nearly met ", Verdict::NearlyMet), ("no data", Verdict::NoData)]
    {
        let path = save(&mut workbook(&[("data", data.clone()), ("人工判定", verdicts(word))]), &dir, "ok.xlsx");
        let (scenarios, _) = load_scenarios_file(&path, &plan()).expect("loads");
        let v = &scenarios[0].verdicts;
        assert_eq!(
            v.iter().map(|v| (v.measure.as_str(), v.year, v.verdict)).collect::<Vec<_>>(),
            [("rd_intensity", 2020, expected)]
        );
        assert_eq!(v[0].note, "2020年全国科技经费投入统计公报");
    }
    let path = save(&mut workbook(&[("data", data.clone()), ("verdicts", verdicts("大致完成"))]), &dir, "bad.xlsx");
    assert_refused_at(&path, "verdicts!C2", "`大致完成` is not a verdict");
    // A verdict without its reason is refused at the note's cell, as in a RON file.
    let mut no_note = verdicts("完成");
    no_note[1][3] = T("");
    let path = save(&mut workbook(&[("data", data.clone()), ("verdicts", no_note)]), &dir, "no-note.xlsx");
    assert_refused_at(&path, "verdicts!D2", "without a note");
    // A row naming its measure but no verdict is refused at the verdict's cell, not passed
    // over as an empty row.
    let mut no_word = verdicts("完成");
    no_word[1][2] = T("");
    let path = save(&mut workbook(&[("data", data), ("verdicts", no_word)]), &dir, "no-word.xlsx");
    assert_refused_at(&path, "verdicts!C2", "is not a verdict");
}
