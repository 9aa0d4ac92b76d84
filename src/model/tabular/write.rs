//! Writing scenarios back out as tables: the long CSV (one value per row), the IAMC wide CSV
//! (one series per row, a column per year) and an xlsx workbook that holds everything a RON
//! file does, so that RON → xlsx → RON loses nothing but formatting.

use std::collections::BTreeSet;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::interpret::{EXPORT_MODEL, kind_name};
use crate::model::export::csv_text;
use crate::model::format::exact;
use crate::model::scenario::Scenario;

/// Every year any series of `scenarios` has a value for, in order: the wide layout's columns.
fn years(scenarios: &[&Scenario]) -> Vec<u16> {
    let years: BTreeSet<u16> =
        scenarios.iter().flat_map(|s| &s.series).flat_map(|s| &s.points).map(|p| p.year).collect();
    years.into_iter().collect()
}

const WIDE_HEADER: [&str; 10] =
    ["Model", "Scenario", "Region", "Variable", "Unit", "Kind", "Label", "Source", "Id", "Note"];

/// A row of the wide layout: its text columns, then its value in each year column.
type WideRow = (Vec<String>, Vec<Option<f64>>);

/// The year columns of the wide layout, and one row per series.
fn wide_rows(scenarios: &[&Scenario]) -> (Vec<u16>, Vec<WideRow>) {
    let years = years(scenarios);
    let mut rows = Vec::new();
    for scenario in scenarios {
        for s in &scenario.series {
            let text = vec![
                EXPORT_MODEL.to_string(),
                scenario.name.clone(),
                s.region.clone(),
                s.indicator.clone(),
                s.unit.clone(),
                kind_name(s.kind).to_string(),
                s.label.clone(),
                s.source.clone(),
                s.id.clone(),
                s.note.clone(),
            ];
            let values = years.iter().map(|y| s.points.iter().find(|p| p.year == *y).map(|p| p.value)).collect();
            rows.push((text, values));
        }
    }
    (years, rows)
}

/// The IAMC wide layout as CSV: Model, Scenario, Region, Variable, Unit, then Kind, Label,
/// Source, Id and Note (extra columns, which pyam keeps as `extra_cols`), then a column per
/// year. Per-point sources are not in this layout; the xlsx keeps them.
pub fn iamc_csv(scenarios: &[&Scenario]) -> String {
    let (years, rows) = wide_rows(scenarios);
    let header = WIDE_HEADER.iter().map(|h| h.to_string()).chain(years.iter().map(u16::to_string)).collect();
    let body = rows.into_iter().map(|(text, values)| {
        text.into_iter().chain(values.iter().map(|v| v.map(exact).unwrap_or_default())).collect()
    });
    csv_text(std::iter::once(header).chain(body).collect())
}

/// The extra indicators of `scenarios` (those that are not measures of the plan) as the CSV a
/// table's `NAME.indicators.csv` companion holds, as the xlsx's `indicators` sheet does;
/// `None` when there are none.
pub fn indicators_csv(scenarios: &[&Scenario]) -> Option<String> {
    let header = ["Scenario", "Id", "Name", "Name_en", "Unit"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = scenarios
        .iter()
        .flat_map(|s| {
            s.extra_indicators
                .iter()
                .map(|e| vec![s.name.clone(), e.id.clone(), e.name.clone(), e.name_en.clone(), e.unit.clone()])
        })
        .collect();
    (!rows.is_empty()).then(|| csv_text(std::iter::once(header).chain(rows).collect()))
}

/// The long layout as CSV: one point per row, with its series and sources.
pub fn long_csv(scenarios: &[&Scenario]) -> String {
    let header = [
        "scenario",
        "series",
        "indicator",
        "region",
        "unit",
        "kind",
        "label",
        "year",
        "value",
        "derived",
        "source",
        "quote",
        "note",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    for scenario in scenarios {
        for s in &scenario.series {
            for p in &s.points {
                let source = s.source_of(p);
                rows.push(vec![
                    scenario.name.clone(),
                    s.id.clone(),
                    s.indicator.clone(),
                    s.region.clone(),
                    s.unit.clone(),
                    kind_name(s.kind).to_string(),
                    s.label.clone(),
                    p.year.to_string(),
                    exact(p.value),
                    p.derived.clone().unwrap_or_default(),
                    source.to_string(),
                    p.quote.clone(),
                    s.note.clone(),
                ]);
            }
        }
    }
    csv_text(rows)
}

fn header(sheet: &mut Worksheet, names: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), *name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Every scenario's `items`, each with the scenario's name: a sheet's rows.
fn per_scenario<'a, T>(scenarios: &[&'a Scenario], items: impl Fn(&'a Scenario) -> &'a [T]) -> Vec<(&'a str, &'a T)> {
    scenarios.iter().flat_map(|s| items(s).iter().map(move |item| (s.name.as_str(), item))).collect()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn row(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

/// An xlsx workbook: `data` (the IAMC wide layout with the extra columns), `sources` (each
/// point's own source, quote and formula), `about` (each scenario's description and plan)
/// and, when there are any, `indicators` (each scenario's indicators that are not measures of the
/// plan) and `verdicts` (the verdicts a person set on targets, with why).
pub fn xlsx(scenarios: &[&Scenario]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let (years, rows) = wide_rows(scenarios);

    let data = book.add_worksheet().set_name("data")?;
    for (c, name) in WIDE_HEADER.iter().enumerate() {
        data.write_string_with_format(0, col(c), *name, &bold)?;
    }
    for (k, year) in years.iter().enumerate() {
        data.write_number_with_format(0, col(WIDE_HEADER.len() + k), f64::from(*year), &bold)?;
    }
    data.set_freeze_panes(1, 5)?;
    for (r, (text, values)) in rows.iter().enumerate() {
        for (c, t) in text.iter().enumerate() {
            if !t.is_empty() {
                data.write_string(row(r + 1), col(c), t)?;
            }
        }
        for (k, v) in values.iter().enumerate() {
            if let Some(v) = v {
                data.write_number(row(r + 1), col(WIDE_HEADER.len() + k), *v)?;
            }
        }
    }
    data.set_column_width(3, 24)?;
    data.set_column_width(6, 28)?;

    let sources = book.add_worksheet().set_name("sources")?;
    header(sources, &["Scenario", "Id", "Year", "Source", "Quote", "Derived"], &bold)?;
    let mut r = 1;
    for scenario in scenarios {
        for s in &scenario.series {
            for p in s.points.iter().filter(|p| !p.source.is_empty() || !p.quote.is_empty() || p.derived.is_some()) {
                sources.write_string(r, 0, &scenario.name)?;
                sources.write_string(r, 1, &s.id)?;
                sources.write_number(r, 2, f64::from(p.year))?;
                for (c, t) in [(3, p.source.as_str()), (4, &p.quote), (5, p.derived.as_deref().unwrap_or(""))] {
                    if !t.is_empty() {
                        sources.write_string(r, c, t)?;
                    }
                }
                r += 1;
            }
        }
    }

    let about = book.add_worksheet().set_name("about")?;
    header(about, &["Scenario", "Description", "Plan"], &bold)?;
    for (r, scenario) in scenarios.iter().enumerate() {
        about.write_string(row(r + 1), 0, &scenario.name)?;
        if !scenario.description.is_empty() {
            about.write_string(row(r + 1), 1, &scenario.description)?;
        }
        about.write_string(row(r + 1), 2, &scenario.plan)?;
    }
    about.set_column_width(1, 60)?;

    let extra = per_scenario(scenarios, |s| &s.extra_indicators);
    if !extra.is_empty() {
        let sheet = book.add_worksheet().set_name("indicators")?;
        header(sheet, &["Scenario", "Id", "Name", "Name_en", "Unit"], &bold)?;
        for (r, (scenario, e)) in extra.iter().enumerate() {
            for (c, t) in [*scenario, e.id.as_str(), &e.name, &e.name_en, &e.unit].iter().enumerate() {
                if !t.is_empty() {
                    sheet.write_string(row(r + 1), col(c), *t)?;
                }
            }
        }
    }
    let verdicts = per_scenario(scenarios, |s| &s.verdicts);
    if !verdicts.is_empty() {
        let sheet = book.add_worksheet().set_name("verdicts")?;
        header(sheet, &["Scenario", "Measure id", "Year", "Verdict", "Note"], &bold)?;
        for (r, (scenario, v)) in verdicts.iter().enumerate() {
            sheet.write_string(row(r + 1), 0, *scenario)?;
            sheet.write_string(row(r + 1), 1, &v.measure)?;
            sheet.write_number(row(r + 1), 2, f64::from(v.year))?;
            sheet.write_string(row(r + 1), 3, v.verdict.name_en())?;
            sheet.write_string(row(r + 1), 4, &v.note)?;
        }
        sheet.set_column_width(4, 60)?;
    }
    book.save_to_buffer()
}
