//! What a cell says: a name or label, a year, a number (with the reasons a cell is not one),
//! a series kind.

use super::super::Value;
use crate::model::scenario::SeriesKind;

/// The text of a cell as a name or label: numbers written plainly (a region code `2020` is
/// still text to us).
pub(super) fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::Text(t)) => t.trim().to_string(),
        Some(Value::Number(n)) => crate::model::format::exact(*n),
        Some(Value::Percent(n)) => format!("{}%", crate::model::format::exact(n * 100.0)),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Date(d)) => d.clone(),
        Some(Value::Error(e)) => e.clone(),
        Some(Value::FormulaWithoutValue(f)) => f.clone(),
        None => String::new(),
    }
}

/// A cell's value as a year, or why it is not one.
pub(super) fn year_of(v: &Value) -> Result<u16, String> {
    match v {
        Value::Number(n) if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) => Ok(*n as u16),
        Value::Text(t) => {
            let t = t.trim().trim_end_matches('年');
            t.parse::<u16>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| format!("`{}` is not a year: write the year as a number, such as 2020", t))
        }
        Value::Date(d) => Err(format!("a date ({d}{}", super::YEAR_NOT_DATE)),
        Value::FormulaWithoutValue(f) => Err(no_saved_value(f)),
        other => Err(format!("`{}` is not a year: write the year as a number, such as 2020", text(Some(other)))),
    }
}

pub(super) fn no_saved_value(formula: &str) -> String {
    format!(
        "the formula `{formula}` has no saved value (the file was written by a program, not saved by a \
         spreadsheet): open and save it in Excel or LibreOffice, or write the value"
    )
}

/// Cells that mean "no value here" rather than a number.
pub(super) fn is_missing_marker(t: &str) -> bool {
    matches!(t, "" | "-" | "—" | "–" | ".." | "…" | "na" | "NA" | "n/a" | "N/A" | "NaN" | "无" | "暂无")
}

/// A cell's value as a number: `Ok(None)` for an empty or "n/a" cell; text that reads as a
/// number is taken, with a warning in a workbook (the cell is text there, which spreadsheets
/// flag too); anything else is refused with the reason.
pub(super) fn number_of(v: &Value, in_workbook: bool) -> Result<(Option<f64>, Option<String>), String> {
    match v {
        Value::Number(n) | Value::Percent(n) => Ok((Some(*n), None)),
        Value::Text(t) => {
            let t = t.trim();
            if is_missing_marker(t) {
                return Ok((None, None));
            }
            let plain = t.parse::<f64>().ok().or_else(|| {
                // Thousands separators: 1,234.5 (only in that exact form).
                let grouped = t.split('.').next().is_some_and(|int| {
                    let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
                    groups.len() > 1
                        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
                        && groups.iter().skip(1).all(|g| g.len() == 3)
                });
                if grouped { t.replace(',', "").parse::<f64>().ok() } else { None }
            });
            match plain {
                Some(n) if n.is_finite() => {
                    let warning = in_workbook.then(|| format!("the number `{t}` is stored as text"));
                    Ok((Some(n), warning))
                }
                _ => Err(format!("`{t}` is text where a number belongs")),
            }
        }
        Value::Date(d) => Err(format!("a date ({d}) where a number belongs")),
        Value::Bool(b) => Err(format!("`{b}` where a number belongs")),
        Value::Error(e) => Err(format!("the cell holds the error {e}")),
        Value::FormulaWithoutValue(f) => Err(no_saved_value(f)),
    }
}

pub(super) fn kind_of(t: &str) -> Option<SeriesKind> {
    Some(match t.trim().to_lowercase().as_str() {
        "" | "projection" | "projected" | "scenario" | "预测" | "情景" | "测算" => SeriesKind::Projection,
        "actual" | "observed" | "historical" | "history" | "实际" | "实际值" | "统计" => SeriesKind::Actual,
        "target" | "goal" | "目标" | "目标值" => SeriesKind::Target,
        _ => return None,
    })
}

/// A kind as the Kind column writes it.
pub fn kind_name(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Actual => "Actual",
        SeriesKind::Projection => "Projection",
        SeriesKind::Target => "Target",
    }
}
