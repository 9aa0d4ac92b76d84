//! The front matter of a plan text: an optional notice block (addressee line ending in
//! `：`, then the notice, its last line the issue date), the title, and the byline.

use super::body::Builder;
use super::headings::{correct, heading, is_blank};
use super::{Curation, ImportError, Lines};
use crate::model::plan::NodeKind;

/// What the front matter says.
pub(super) struct Front {
    pub(super) title: String,
    pub(super) byline: String,
    pub(super) drafted_by: String,
    pub(super) drafted: String,
    pub(super) issued: String,
}

/// Reads the front matter, pushing the notice (if any) as the plan's first node.
pub(super) fn read_front(lines: &mut Lines, builder: &mut Builder, curation: &Curation) -> Result<Front, ImportError> {
    let mut notice: Vec<(usize, String)> = Vec::new();
    if lines.lines.iter().find(|(_, l)| !l.is_empty()).is_some_and(|(_, l)| l.ends_with('：')) {
        while lines.lines.get(lines.at).is_some_and(|l| l.1.is_empty()) {
            lines.at += 1;
        }
        while let Some(line) = lines.lines.get(lines.at).filter(|l| !l.1.is_empty()) {
            notice.push(line.clone());
            lines.at += 1;
        }
    }
    let (_, title) =
        lines.next_non_empty().ok_or(ImportError { line: 1, message: "the text is empty: expected a title".into() })?;
    if heading(&title).is_some() {
        return Err(ImportError {
            line: lines.lines.get(lines.at.saturating_sub(1)).map_or(1, |l| l.0),
            message: format!("expected the plan's title before the first heading, found `{title}`"),
        });
    }
    let mut byline = String::new();
    let save = lines.at;
    match lines.next_non_empty() {
        Some((_, l)) if l.starts_with('（') && l.ends_with('）') => byline = l,
        _ => lines.at = save,
    }
    let byline_inner = byline.trim_start_matches('（').trim_end_matches('）');
    let mut byline_parts = byline_inner.split(is_blank).filter(|s| !s.is_empty());
    let drafted_by = byline_parts.next().unwrap_or_default().to_string();
    let drafted = byline_parts.collect::<Vec<_>>().join(" ");
    let issued = notice.last().map(|(_, l)| l.clone()).filter(|l| l.ends_with('日')).unwrap_or_default();
    if let Some((first_line, _)) = notice.first() {
        let text = notice.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join("\n");
        let (text, fixes) = correct(&text, &curation.corrections);
        builder.push(
            "notice".into(),
            None,
            NodeKind::Notice,
            String::new(),
            "印发通知".into(),
            text,
            *first_line,
            fixes,
        );
    }
    Ok(Front { title, byline, drafted_by, drafted, issued })
}
