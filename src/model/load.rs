//! Reading plan files: size limit, text decoding, RON parsing and validation, each
//! failure reported as a [`Diagnostic`] with file, line and column. Nothing here panics
//! on any input.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use super::diagnostics::{Diagnostic, position_at, position_of};
use super::indicators::{Comparator, Measure};
use super::plan::{PLAN_FORMAT_VERSION, Plan};

/// Larger scenario files are refused before they are read (100,000 series fit in 32 MB).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Larger plan files are refused before they are read: the real plan is under 0.5 MB, a
/// plan 100× its size about 45 MB.
pub const MAX_PLAN_BYTES: u64 = 48 * 1024 * 1024;

/// The plan the app ships with.
pub const EMBEDDED_PLAN: &str = include_str!("../../plan.ron");
pub const EMBEDDED_PLAN_NAME: &str = "plan.ron";

/// Reads a file of at most `limit` bytes, refusing larger ones without reading them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| Diagnostic::error(&name, (0, 0), format!("cannot open the file: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(too_large(&name, size, limit));
    }
    let mut bytes = Vec::new();
    // `take` also guards files that grow while being read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(&name, (0, 0), format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(Diagnostic::error(&name, (0, 0), format!("the file is over the limit of {:.0} MB", mb(limit))));
    }
    Ok(bytes)
}

/// The message for a file over `limit` bytes.
pub fn too_large(file: &str, size: u64, limit: u64) -> Diagnostic {
    Diagnostic::error(
        file,
        (0, 0),
        format!("the file is {:.1} MB, over the limit of {:.0} MB; it was not read", mb(size), mb(limit)),
    )
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Decodes bytes as UTF-8 text (a BOM is dropped), naming where the text is not UTF-8.
pub fn decode_text(bytes: &[u8], file: &str) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(file, (1, 1), "the file is UTF-16; save it as UTF-8"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                return Err(Diagnostic::error(
                    file,
                    position_at(text, nul),
                    "the file holds NUL bytes: it is binary, not a RON text",
                ));
            }
            Ok(text.to_string())
        }
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // `valid` is UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            Err(Diagnostic::error(
                file,
                position_at(prefix, prefix.len()),
                "the file is not UTF-8 text (invalid byte here)",
            ))
        }
    }
}

/// Parses RON into `T`, turning ron's error into a diagnostic at its position.
pub fn parse_ron<T: serde::de::DeserializeOwned>(src: &str, file: &str) -> Result<T, Diagnostic> {
    ron::Options::default().from_str::<T>(src).map_err(|e| {
        let start = e.span.start;
        Diagnostic::error(file, (start.line.max(1), start.col.max(1)), describe_ron_error(&e.code))
    })
}

fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => "the data is nested too deeply (more than 128 levels)".into(),
        other => other.to_string(),
    }
}

/// Loads and validates a plan from RON text.
pub fn load_plan_str(src: &str, file: &str) -> Result<Plan, Vec<Diagnostic>> {
    load_plan_checked(src, file).map(|(plan, _)| plan)
}

/// Loads and validates a plan from RON text, returning its warnings with it.
pub fn load_plan_checked(src: &str, file: &str) -> Result<(Plan, Vec<Diagnostic>), Vec<Diagnostic>> {
    if src.len() as u64 > MAX_PLAN_BYTES {
        return Err(vec![Diagnostic::error(file, (0, 0), "the plan is over the size limit")]);
    }
    let plan: Plan = parse_ron(src, file).map_err(|d| vec![d])?;
    let problems = validate(&plan, src, file);
    if problems.iter().any(Diagnostic::is_error) { Err(problems) } else { Ok((plan, problems)) }
}

/// Loads and validates a plan file.
pub fn load_plan_file(path: &Path) -> Result<Plan, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_PLAN_BYTES).map_err(|d| vec![d])?;
    let text = decode_text(&bytes, &name).map_err(|d| vec![d])?;
    load_plan_str(&text, &name)
}

/// The embedded plan. It is checked by the tests, so failure here is a build defect.
pub fn embedded_plan() -> Result<Plan, Vec<Diagnostic>> {
    load_plan_str(EMBEDDED_PLAN, EMBEDDED_PLAN_NAME)
}

/// Finds where a value is written, for messages about a valid-RON but inconsistent file.
struct Locator<'a> {
    src: &'a str,
}

impl Locator<'_> {
    /// Position of `field: "value"` (the n-th such occurrence, 0-based), else of the value.
    fn field(&self, field: &str, value: &str, nth: usize) -> (usize, usize) {
        let needle = format!("{field}: {}", ron_string(value));
        let mut from = 0;
        for _ in 0..nth {
            match self.src.get(from..).and_then(|s| s.find(&needle)) {
                Some(p) => from += p + needle.len(),
                None => break,
            }
        }
        position_of(self.src, &needle, from).or_else(|| position_of(self.src, &ron_string(value), 0)).unwrap_or((1, 1))
    }
}

/// How `value` looks as a RON string literal (as written by ron's serializer).
fn ron_string(value: &str) -> String {
    ron::to_string(value).unwrap_or_else(|_| format!("{value:?}"))
}

const YEARS: std::ops::RangeInclusive<u16> = 1949..=2100;

/// Checks what RON's types cannot: unique ids, parents before children, indicators whose
/// quote occurs in their node, sane years and values, known places.
pub fn validate(plan: &Plan, src: &str, file: &str) -> Vec<Diagnostic> {
    let at = Locator { src };
    let mut out = Vec::new();
    if plan.format_version != PLAN_FORMAT_VERSION {
        out.push(Diagnostic::error(
            file,
            position_of(src, "format_version", 0).unwrap_or((1, 1)),
            format!("format_version {} is not supported: expected {PLAN_FORMAT_VERSION}", plan.format_version),
        ));
    }

    let cities: HashSet<&str> = plan.places.cities.iter().map(|c| c.name.as_str()).collect();
    for name in &plan.places.names {
        for city in &name.cities {
            if !cities.contains(city.as_str()) {
                out.push(Diagnostic::error(
                    file,
                    at.field("name", &name.name, 0),
                    format!("place `{}` points to unknown 盟市 `{city}`", name.name),
                ));
            }
        }
    }

    let mut seen: HashMap<&str, usize> = HashMap::new();
    for node in &plan.nodes {
        if node.id.is_empty() {
            out.push(Diagnostic::error(file, at.field("id", "", 0), "a node has an empty id"));
        }
        let count = seen.entry(node.id.as_str()).or_insert(0);
        *count += 1;
        if *count > 1 {
            out.push(Diagnostic::error(
                file,
                at.field("id", &node.id, *count - 1),
                format!("duplicate node id `{}`", node.id),
            ));
        }
        if let Some(parent) = &node.parent {
            if !seen.contains_key(parent.as_str()) {
                out.push(Diagnostic::error(
                    file,
                    at.field("parent", parent, 0),
                    format!("node `{}` names parent `{parent}`, which is not an earlier node", node.id),
                ));
            }
            if parent == &node.id {
                out.push(Diagnostic::error(
                    file,
                    at.field("id", &node.id, 0),
                    format!("node `{}` is its own parent", node.id),
                ));
            }
        }
        for city in &node.cities {
            if !cities.contains(city.as_str()) {
                out.push(Diagnostic::error(
                    file,
                    at.field("id", &node.id, 0),
                    format!("node `{}` names unknown 盟市 `{city}`", node.id),
                ));
            }
        }
    }

    let node_text: HashMap<&str, &str> = plan.nodes.iter().map(|n| (n.id.as_str(), n.text.as_str())).collect();
    let mut indicator_ids: HashMap<&str, usize> = HashMap::new();
    for ind in &plan.indicators {
        // Positions are looked up only for messages: a scan per indicator would be quadratic.
        let pos = || at.field("id", &ind.id, 0);
        let count = indicator_ids.entry(ind.id.as_str()).or_insert(0);
        *count += 1;
        if *count > 1 {
            out.push(Diagnostic::error(
                file,
                at.field("id", &ind.id, *count - 1),
                format!("duplicate indicator id `{}`", ind.id),
            ));
        }
        match node_text.get(ind.source_node.as_str()) {
            None => out.push(Diagnostic::error(
                file,
                at.field("source_node", &ind.source_node, 0),
                format!("indicator `{}`: source node `{}` does not exist", ind.id, ind.source_node),
            )),
            Some(text) if !text.contains(&ind.quote) => out.push(Diagnostic::error(
                file,
                at.field("quote", &ind.quote, 0),
                format!("indicator `{}`: the quote does not occur in node `{}`", ind.id, ind.source_node),
            )),
            Some(_) => {}
        }
        if ind.baselines.is_empty() && ind.target.is_none() {
            out.push(Diagnostic::error(file, pos(), format!("indicator `{}` has neither baseline nor target", ind.id)));
        }
        for b in &ind.baselines {
            if !YEARS.contains(&b.year) || b.since.is_some_and(|s| s > b.year) {
                out.push(Diagnostic::error(
                    file,
                    pos(),
                    format!("indicator `{}`: baseline year {} is not plausible", ind.id, b.year),
                ));
            }
            if !b.value.is_finite() {
                out.push(Diagnostic::error(
                    file,
                    pos(),
                    format!("indicator `{}`: baseline value is not a finite number", ind.id),
                ));
            }
        }
        if let Some(t) = &ind.target {
            if !YEARS.contains(&t.year) {
                out.push(Diagnostic::error(
                    file,
                    pos(),
                    format!("indicator `{}`: target year {} is not plausible", ind.id, t.year),
                ));
            }
            if !t.value.is_finite() || t.upper.is_some_and(|u| !u.is_finite() || u < t.value) {
                out.push(Diagnostic::error(
                    file,
                    pos(),
                    format!("indicator `{}`: target value is not a finite number or range", ind.id),
                ));
            }
            if (t.upper.is_some()) != (ind.comparator == Comparator::Range) {
                out.push(Diagnostic::error(
                    file,
                    pos(),
                    format!("indicator `{}`: an upper bound goes with the Range comparator, and only with it", ind.id),
                ));
            }
            if ind.baselines.iter().any(|b| b.year > t.year) {
                out.push(Diagnostic::warning(
                    file,
                    pos(),
                    format!("indicator `{}`: a baseline lies after the target year", ind.id),
                ));
            }
        }
        if ind.unit.is_empty() {
            out.push(Diagnostic::warning(file, pos(), format!("indicator `{}` has no unit", ind.id)));
        }
        if ind.unit.contains('%') && ind.comparator != Comparator::GrowthRate {
            let over = ind
                .baselines
                .iter()
                .map(|b| b.value)
                .chain(ind.target.iter().map(|t| t.value))
                .any(|v| !(0.0..=100.0).contains(&v));
            if over {
                out.push(Diagnostic::error(file, pos(), format!("indicator `{}`: a share outside 0–100 %", ind.id)));
            }
        }
    }
    for measure in Measure::group(&plan.indicators) {
        let unit = measure.unit();
        for s in &measure.statements {
            if s.unit != unit && s.comparator != Comparator::GrowthRate {
                out.push(Diagnostic::error(
                    file,
                    at.field("id", &s.id, 0),
                    format!(
                        "indicator `{}` gives measure `{}` in `{}`, another statement in `{unit}`",
                        s.id, measure.key, s.unit
                    ),
                ));
            }
        }
    }
    out
}
