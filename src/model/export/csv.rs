//! CSV and Markdown of what the app shows: a chart's points, the indicator table, the final
//! evaluation, a slide's table.

use super::csv_text;
use crate::model::chart::{Chart, Role};
use crate::model::evaluation::{Tally, TargetEvaluation, Verdict};
use crate::model::format::{exact, number};
use crate::model::summary::MeasureSummary;
use crate::model::table::Table;

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Baseline => "baseline",
        Role::Target => "target",
        Role::LinearPath => "linear_path",
        Role::GrowthPath => "growth_path",
        Role::Actual => "actual",
        Role::Projection => "projection",
        Role::AltTarget => "alt_target",
    }
}

/// Every point of every series on the chart.
pub fn chart_csv(chart: &Chart) -> String {
    let mut rows =
        vec![["chart", "series", "role", "measure", "year", "value", "unit", "source"].map(String::from).to_vec()];
    for s in &chart.series {
        for p in &s.points {
            rows.push(vec![
                chart.title.clone(),
                s.name.clone(),
                role_name(s.role).into(),
                s.measure.clone(),
                number(p.x),
                number(p.y),
                chart.y_axis.unit.clone(),
                p.note.replace('\n', " | "),
            ]);
        }
    }
    csv_text(rows)
}

/// The indicator table as shown: one row per measure with a target.
pub fn table_csv(summaries: &[MeasureSummary]) -> String {
    let mut rows = vec![
        [
            "measure",
            "name",
            "unit",
            "baseline_year",
            "baseline",
            "target_year",
            "target",
            "comparator",
            "required_growth_pct",
            "latest_year",
            "latest",
            "status",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for s in summaries.iter().filter(|s| s.target.is_some()) {
        let base = s.baselines.first();
        rows.push(vec![
            s.key.clone(),
            s.name.clone(),
            s.unit.clone(),
            base.map(|b| b.0.to_string()).unwrap_or_default(),
            base.map(|b| number(b.1)).unwrap_or_default(),
            s.target.map(|t| t.0.to_string()).unwrap_or_default(),
            s.target.map(|t| number(t.1)).unwrap_or_default(),
            s.comparator.name_en().into(),
            s.required_growth.map(|g| format!("{g:.2}")).unwrap_or_default(),
            s.latest.as_ref().map(|l| l.0.to_string()).unwrap_or_default(),
            s.latest.as_ref().map(|l| number(l.1)).unwrap_or_default(),
            s.status().map(|st| format!("{st:?}")).unwrap_or_default(),
        ]);
    }
    csv_text(rows)
}

const EVALUATION_COLUMNS: [&str; 22] = [
    "measure",
    "name",
    "unit",
    "comparator",
    "target_year",
    "target",
    "target_upper",
    "verdict",
    "judged_year",
    "judged_value",
    "gap",
    "first_year_met",
    "series",
    "source",
    "completion_percent",
    "exceeded",
    "ahead",
    "rival_targets",
    "note",
    "computed_verdict",
    "verdict_note",
    "verdict_set_in",
];

/// One row of the final evaluation, as text in the columns above (numbers exact, so the
/// value can be found in its source).
fn evaluation_row(e: &TargetEvaluation) -> Vec<String> {
    let judged = e.judged.as_ref();
    vec![
        e.key.clone(),
        e.name.clone(),
        e.unit.clone(),
        e.comparator.name_en().into(),
        e.target_year.to_string(),
        exact(e.target_value),
        e.upper.map(exact).unwrap_or_default(),
        e.verdict.name_en().into(),
        judged.map(|r| r.year.to_string()).unwrap_or_default(),
        judged.map(|r| exact(r.value)).unwrap_or_default(),
        e.gap.map(|g| exact((g * 1e6).round() / 1e6)).unwrap_or_default(),
        e.first_met.map(|y| y.to_string()).unwrap_or_default(),
        judged.map(|r| r.series.clone()).unwrap_or_default(),
        judged.map(|r| r.source.clone()).unwrap_or_default(),
        e.completion.map(|c| exact((c * 10.0).round() / 10.0)).unwrap_or_default(),
        yes(e.exceeded()),
        yes(e.ahead()),
        e.rival_targets.iter().map(|v| exact(*v)).collect::<Vec<_>>().join(" / "),
        judged.map(|r| r.note.clone()).unwrap_or_default(),
        // A verdict a person set: what the data give, why, and the file it is kept in.
        e.overridden.as_ref().map(|o| o.computed.name_en().to_string()).unwrap_or_default(),
        e.overridden.as_ref().map(|o| o.note.clone()).unwrap_or_default(),
        e.overridden.as_ref().map(|o| o.by.clone()).unwrap_or_default(),
    ]
}

fn yes(flag: bool) -> String {
    if flag { "yes".into() } else { String::new() }
}

/// The final evaluation as CSV: every target, its verdict, the year and value it was judged
/// on, and the source of that value.
pub fn evaluation_csv(evaluations: &[TargetEvaluation]) -> String {
    let mut rows = vec![EVALUATION_COLUMNS.map(String::from).to_vec()];
    rows.extend(evaluations.iter().map(evaluation_row));
    csv_text(rows)
}

/// The final evaluation as a Markdown table, with the tally first.
pub fn evaluation_markdown(evaluations: &[TargetEvaluation]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let tally = Tally::of(evaluations);
    // The verdicts' own words, as `evaluate` names them in its CSV (in Chinese and English).
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| format!("{} {} ({})", v.name_en(), tally.count(v), v.text(crate::i18n::Lang::Zh)))
        .collect();
    let mut out = format!(
        "# 终期评估 · Final evaluation\n\n{}; judged by the value in the target year.\n\n{}. {}.\n\n",
        counts.join(", "),
        tally.rate_words(crate::i18n::Lang::Zh),
        tally.rate_words(crate::i18n::Lang::En),
    );
    out.push_str(&format!("| {} |\n", EVALUATION_COLUMNS.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(EVALUATION_COLUMNS.len())));
    for e in evaluations {
        let row: Vec<String> = evaluation_row(e).iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

/// A slide's table as CSV.
pub fn table_csv_of(table: &Table) -> String {
    csv_text(std::iter::once(table.header.clone()).chain(table.rows.iter().cloned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::style::base_style;
    use crate::model::chart::{ChartPoint, ChartSeries};
    use crate::model::export::spreadsheet_safe;

    #[test]
    fn chart_csv_lists_exactly_the_points_shown() {
        let chart = Chart {
            title: "R&D强度".into(),
            y_axis: crate::model::chart::axis::Axis { unit: "%".into(), ..Default::default() },
            series: vec![ChartSeries {
                name: "实际值".into(),
                role: Role::Actual,
                measure: "rd_intensity".into(),
                source: String::new(),
                style: base_style(Role::Actual, 0),
                points: vec![ChartPoint { x: 2016.0, y: 0.79, note: "https://a\n“0.79%”".into() }],
                slot: Some(0),
            }],
            ..Chart::default()
        };
        assert_eq!(
            chart_csv(&chart),
            "chart,series,role,measure,year,value,unit,source\nR&D强度,实际值,actual,rd_intensity,2016,0.79,%,https://a | “0.79%”\n"
        );
    }

    /// The real plan's indicator table, with the shipped actual values.
    fn real() -> Vec<MeasureSummary> {
        let plan = crate::model::load::embedded_plan().expect("the embedded plan");
        let actuals = crate::model::scenario::embedded_actuals(&plan).expect("the actual values");
        let doc = crate::model::Document::new(plan, "plan.ron");
        crate::model::summary::summarize(&doc, &[&actuals])
    }

    fn records(text: &str) -> Vec<Vec<String>> {
        let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        reader.records().map(|r| r.expect("a CSV record").iter().map(String::from).collect()).collect()
    }

    #[test]
    fn the_indicator_table_csv_has_a_row_per_measure_with_a_target_as_the_table_shows_it() {
        let summaries = real();
        let rows = records(&table_csv(&summaries));
        assert_eq!(rows[0][..4], ["measure", "name", "unit", "baseline_year"]);
        assert_eq!(rows.len() - 1, summaries.iter().filter(|s| s.target.is_some()).count());
        let rd = rows.iter().find(|r| r[0] == "rd_intensity").expect("R&D intensity's row");
        // 0.76 % in 2015 to 2.2 % in 2020 (23.69 % a year); latest published 0.9 % (2022);
        // judged by 2020's 0.93 %: limited progress.
        assert_eq!(
            rd[1..],
            [
                "研发经费占GDP比重（R&D/GDP）",
                "%",
                "2015",
                "0.76",
                "2020",
                "2.2",
                "reach",
                "23.69",
                "2022",
                "0.9",
                "Limited"
            ]
        );
    }

    #[test]
    fn the_evaluation_csv_says_yes_where_a_target_was_exceeded_or_met_early() {
        // Test values, not statistics: R&D intensity at 2.3 % in 2019 and 2.5 % in 2020, past
        // its 2.2 % target and a year early.
        let plan = crate::model::load::embedded_plan().expect("the embedded plan");
        let src = format!(
            "(format_version: 1, name: \"测试\", plan: \"{}\", series: [(id: \"rd\", indicator: \"rd_intensity\", \
             region: \"全区\", unit: \"%\", kind: Actual, label: \"测试\", source: \"test data\", \
             points: [(year: 2019, value: 2.3), (year: 2020, value: 2.5)])])",
            plan.meta.title
        );
        let (early, _) = crate::model::scenario::load_scenario_str(&src, "t.ron", &plan).expect("loads");
        let actuals = crate::model::scenario::embedded_actuals(&plan).expect("the actual values");
        let doc = crate::model::Document::new(plan, "plan.ron");
        let evaluations =
            crate::model::evaluation::evaluate(&doc, &[&early, &actuals], crate::model::evaluation::Rule::default());
        let rows = records(&evaluation_csv(&evaluations));
        let column = |name: &str| EVALUATION_COLUMNS.iter().position(|c| *c == name).expect("a column");
        let (exceeded, ahead) = (column("exceeded"), column("ahead"));
        assert_eq!(rows.len() - 1, evaluations.len());
        for (row, e) in rows[1..].iter().zip(&evaluations) {
            assert_eq!(row[exceeded], if e.exceeded() { "yes" } else { "" }, "{}", e.key);
            assert_eq!(row[ahead], if e.ahead() { "yes" } else { "" }, "{}", e.key);
        }
        let rd = evaluations.iter().position(|e| e.key == "rd_intensity").expect("R&D intensity's target");
        assert_eq!((rows[rd + 1][exceeded].as_str(), rows[rd + 1][ahead].as_str()), ("yes", "yes"));
        assert!(evaluations.iter().any(|e| !e.exceeded() && !e.ahead()));
    }

    #[test]
    fn a_slides_table_is_its_header_then_its_rows_guarded() {
        let table = Table {
            header: vec!["盟市".into(), "数值".into()],
            rows: vec![vec!["包头".into(), "-3".into()], vec!["=cmd".into(), "1".into()]],
        };
        assert_eq!(table_csv_of(&table), "盟市,数值\n包头,-3\n'=cmd,1\n");
    }

    #[test]
    fn csv_cells_never_run_as_formulas_but_numbers_stay_numbers() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("+cmd", "'+cmd"),
            // A minus that is not a number, a tab or a carriage return can start a formula too.
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("-", "'-"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            // Numbers, however written, stay numbers; text with the sign inside is left alone.
            ("-57.7", "-57.7"),
            ("-1e3", "-1e3"),
            ("+5", "+5"),
            ("\t-5 ", "\t-5 "),
            ("a=1", "a=1"),
            ("研发经费", "研发经费"),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe, "{cell:?}");
        }
        let chart = Chart {
            title: "=1+1".into(),
            series: vec![ChartSeries {
                name: "@evil".into(),
                role: Role::Actual,
                measure: "m".into(),
                source: String::new(),
                style: base_style(Role::Actual, 0),
                points: vec![ChartPoint { x: 2016.0, y: -1.5, note: String::new() }],
                slot: Some(0),
            }],
            ..Chart::default()
        };
        let csv = chart_csv(&chart);
        assert!(csv.contains("'=1+1,'@evil,actual,m,2016,-1.5"), "{csv}");
    }
}
