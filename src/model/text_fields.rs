//! Control characters in a scenario's text. A name, id, region, unit or label is one line of
//! printable text: a control character in it (an escape, a bell, a carriage return, a NUL)
//! would reach a terminal or an exported CSV raw, so it refuses the file with its place.
//! Longer texts (a description, a note, a quote) may hold line breaks and tabs, nothing else.

use super::diagnostics::{Diagnostic, Place};
use super::scenario::Scenario;

/// Adds an error to `out` for each text field of `s` holding a control character it may not.
pub fn check(s: &Scenario, file: &str, locate: &dyn Fn(&str) -> Place, out: &mut Vec<Diagnostic>) {
    // A file of a million bad labels is refused by its first few.
    const MOST_SAID: usize = 20;
    let mut said = 0;
    let mut field = |path: String, text: &str, multi_line: bool| {
        if said >= MOST_SAID {
            return;
        }
        let Some((at, c)) = text.chars().enumerate().find(|&(_, c)| forbidden(c, multi_line)) else { return };
        let code = format!("U+{:04X}", c as u32);
        out.push(
            Diagnostic::error(
                file,
                locate(&path),
                format!("`{path}` holds the control character {code} at character {}: remove it", at + 1),
            )
            .zh(format!("`{path}` 的第 {} 个字符是控制字符 {code}：请删去", at + 1)),
        );
        said += 1;
    };
    field("name".into(), &s.name, false);
    field("plan".into(), &s.plan, false);
    field("description".into(), &s.description, true);
    for (i, e) in s.extra_indicators.iter().enumerate() {
        for (name, text) in [("id", &e.id), ("name", &e.name), ("name_en", &e.name_en), ("unit", &e.unit)] {
            field(format!("extra_indicators[{i}].{name}"), text, false);
        }
    }
    for (i, v) in s.verdicts.iter().enumerate() {
        field(format!("verdicts[{i}].measure"), &v.measure, false);
        field(format!("verdicts[{i}].note"), &v.note, true);
    }
    for (i, series) in s.series.iter().enumerate() {
        let one_line = [
            ("id", &series.id),
            ("indicator", &series.indicator),
            ("region", &series.region),
            ("unit", &series.unit),
            ("label", &series.label),
            ("source", &series.source),
        ];
        for (name, text) in one_line {
            field(format!("series[{i}].{name}"), text, false);
        }
        field(format!("series[{i}].note"), &series.note, true);
        for (k, p) in series.points.iter().enumerate() {
            field(format!("series[{i}].points[{k}].source"), &p.source, false);
            field(format!("series[{i}].points[{k}].quote"), &p.quote, true);
            if let Some(derived) = &p.derived {
                field(format!("series[{i}].points[{k}].derived"), derived, true);
            }
            field(format!("series[{i}].points[{k}].note"), &p.note, true);
        }
    }
}

fn forbidden(c: char, multi_line: bool) -> bool {
    c.is_control() && !(multi_line && matches!(c, '\n' | '\t'))
}

/// The first character of `text` that a field (of one line, or of several) may not hold.
pub fn control_character(text: &str, multi_line: bool) -> Option<char> {
    text.chars().find(|&c| forbidden(c, multi_line))
}
