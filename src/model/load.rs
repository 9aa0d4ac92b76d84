//! Reading plan files: size limit, text decoding, RON parsing and validation, each
//! failure reported as a [`Diagnostic`] with file, line and column. Nothing here panics
//! on any input.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use super::diagnostics::{Diagnostic, position_at};
use super::indicators::{Comparator, Indicator, same_unit};
use super::plan::{PLAN_FORMAT_VERSION, Plan};
use super::ron_paths::Positions;

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
    // Opening a named pipe blocks until something writes to it, and a device may never end:
    // only regular files (after following links) are read.
    let meta = std::fs::metadata(path).map_err(|e| cannot_open(&name, &e))?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "a folder" } else { "not a regular file (a pipe, socket or device)" };
        let what_zh = if meta.is_dir() {
            "这是一个文件夹"
        } else {
            "这不是普通文件（管道、套接字或设备）"
        };
        return Err(
            Diagnostic::error(&name, (0, 0), format!("{what}: it was not read")).zh(format!("{what_zh}，未读取"))
        );
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_open(&name, &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(too_large(&name, size, limit));
    }
    let mut bytes = Vec::new();
    // `take` also guards files that grow while being read.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| {
        Diagnostic::error(&name, (0, 0), format!("cannot read the file: {e}")).zh(format!("无法读取文件：{e}"))
    })?;
    if bytes.len() as u64 > limit {
        return Err(Diagnostic::error(&name, (0, 0), format!("the file is over the limit of {:.0} MB", mb(limit)))
            .zh(format!("文件超过 {:.0} MB 的上限", mb(limit))));
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
    .zh(format!("文件大小 {:.1} MB，超过 {:.0} MB 的上限，未读取", mb(size), mb(limit)))
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Decodes bytes as UTF-8 text (a BOM is dropped), naming where the text is not UTF-8. Line
/// ends are normalised: Windows' CR LF and old Macs' lone CR both become LF, so line numbers
/// and the importer's lines mean what an editor shows.
pub fn decode_text(bytes: &[u8], file: &str) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(Diagnostic::error(file, (1, 1), "the file is UTF-32; save it as UTF-8")
            .zh("文件为 UTF-32 编码，请另存为 UTF-8"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(file, (1, 1), "the file is UTF-16; save it as UTF-8")
            .zh("文件为 UTF-16 编码，请另存为 UTF-8"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                return Err(Diagnostic::error(
                    file,
                    position_at(text, nul),
                    "the file holds NUL bytes: it is binary, not a RON text",
                )
                .zh("文件含有 NUL 字节：这是二进制文件，不是 RON 文本"));
            }
            if text.contains('\r') {
                return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
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
            )
            .zh("文件不是 UTF-8 文本（此处有无效字节）"))
        }
    }
}

/// Parses RON into `T`, turning ron's error into a diagnostic at its position.
pub fn parse_ron<T: serde::de::DeserializeOwned>(src: &str, file: &str) -> Result<T, Diagnostic> {
    ron::Options::default().from_str::<T>(src).map_err(|e| {
        let start = e.span.start;
        let message = describe_ron_error(&e.code);
        let zh = format!("RON 格式错误：{message}");
        Diagnostic::error(file, (start.line.max(1), start.col.max(1)), message).zh(zh)
    })
}

fn cannot_open(name: &str, e: &std::io::Error) -> Diagnostic {
    let zh = match e.kind() {
        std::io::ErrorKind::NotFound => "无法打开文件：文件不存在".to_string(),
        std::io::ErrorKind::PermissionDenied => "无法打开文件：没有读取权限".to_string(),
        _ => format!("无法打开文件：{e}"),
    };
    Diagnostic::error(name, (0, 0), format!("cannot open the file: {e}")).zh(zh)
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

const YEARS: std::ops::RangeInclusive<u16> = 1949..=2100;

/// Checks what RON's types cannot: unique ids, parents before children, indicators whose
/// quote occurs in their node, sane years and values, known places.
pub fn validate(plan: &Plan, src: &str, file: &str) -> Vec<Diagnostic> {
    let pos = Positions::new(src);
    let mut out = Vec::new();
    validate_meta(plan, &pos, file, &mut out);
    let cities: HashSet<&str> = plan.places.cities.iter().map(|c| c.name.as_str()).collect();
    validate_places(plan, &cities, &pos, file, &mut out);
    validate_nodes(plan, &cities, &pos, file, &mut out);
    validate_indicators(plan, &pos, file, &mut out);
    validate_measures(plan, &pos, file, &mut out);
    out
}

/// The format version, and the period and base year that drive every chart, path and
/// projection.
fn validate_meta(plan: &Plan, pos: &Positions, file: &str, out: &mut Vec<Diagnostic>) {
    if plan.format_version != PLAN_FORMAT_VERSION {
        out.push(Diagnostic::error(
            file,
            pos.of("format_version"),
            format!("format_version {} is not supported: expected {PLAN_FORMAT_VERSION}", plan.format_version),
        ));
    }

    let meta = &plan.meta;
    let period_problem = if !YEARS.contains(&meta.period_start) || !YEARS.contains(&meta.period_end) {
        Some(format!("period {}–{} lies outside {}–{}", meta.period_start, meta.period_end, YEARS.start(), YEARS.end()))
    } else if meta.period_start > meta.period_end {
        Some(format!("period {}–{} ends before it starts", meta.period_start, meta.period_end))
    } else if meta.baseline_year >= meta.period_end || meta.period_start.saturating_sub(meta.baseline_year) > 10 {
        Some(format!(
            "baseline year {} does not precede the period {}–{}",
            meta.baseline_year, meta.period_start, meta.period_end
        ))
    } else {
        None
    };
    if let Some(problem) = period_problem {
        out.push(Diagnostic::error(file, pos.of("meta.period_start"), problem));
    }
}

/// Every place name points to known 盟市.
fn validate_places(plan: &Plan, cities: &HashSet<&str>, pos: &Positions, file: &str, out: &mut Vec<Diagnostic>) {
    for (i, name) in plan.places.names.iter().enumerate() {
        for city in &name.cities {
            if !cities.contains(city.as_str()) {
                out.push(Diagnostic::error(
                    file,
                    pos.of(&format!("places.names[{i}].cities")),
                    format!("place `{}` points to unknown 盟市 `{city}`", name.name),
                ));
            }
        }
    }
}

/// Node ids unique and not empty, parents earlier nodes, 盟市 known.
fn validate_nodes(plan: &Plan, cities: &HashSet<&str>, pos: &Positions, file: &str, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, node) in plan.nodes.iter().enumerate() {
        let at = |field: &str| pos.of(&format!("nodes[{k}].{field}"));
        if node.id.is_empty() {
            out.push(Diagnostic::error(file, at("id"), "a node has an empty id"));
        }
        let count = seen.entry(node.id.as_str()).or_insert(0);
        *count += 1;
        if *count > 1 {
            out.push(Diagnostic::error(file, at("id"), format!("duplicate node id `{}`", node.id)));
        }
        if let Some(parent) = &node.parent {
            if !seen.contains_key(parent.as_str()) {
                out.push(Diagnostic::error(
                    file,
                    at("parent"),
                    format!("node `{}` names parent `{parent}`, which is not an earlier node", node.id),
                ));
            }
            if parent == &node.id {
                out.push(Diagnostic::error(file, at("parent"), format!("node `{}` is its own parent", node.id)));
            }
        }
        for city in &node.cities {
            if !cities.contains(city.as_str()) {
                out.push(Diagnostic::error(
                    file,
                    at("cities"),
                    format!("node `{}` names unknown 盟市 `{city}`", node.id),
                ));
            }
        }
    }
}

/// Indicator ids unique, each statement anchored to the text (or to a named outside source),
/// and its values sane.
fn validate_indicators(plan: &Plan, pos: &Positions, file: &str, out: &mut Vec<Diagnostic>) {
    let node_text: HashMap<&str, &str> = plan.nodes.iter().map(|n| (n.id.as_str(), n.text.as_str())).collect();
    let mut indicator_ids: HashMap<&str, usize> = HashMap::new();
    for (j, ind) in plan.indicators.iter().enumerate() {
        let at = |field: &str| pos.of(&format!("indicators[{j}].{field}"));
        let count = indicator_ids.entry(ind.id.as_str()).or_insert(0);
        *count += 1;
        if *count > 1 {
            out.push(Diagnostic::error(file, at("id"), format!("duplicate indicator id `{}`", ind.id)));
        }
        match node_text.get(ind.source_node.as_str()) {
            // A statement from outside the text names its source instead of a node.
            _ if ind.outside_text.is_some() => {
                if ind.outside_text.as_deref().is_some_and(|u| u.trim().is_empty()) || ind.quote.trim().is_empty() {
                    out.push(Diagnostic::error(
                        file,
                        at("outside_text"),
                        format!("indicator `{}`: a statement outside the text needs its source and quote", ind.id),
                    ));
                }
            }
            None => out.push(Diagnostic::error(
                file,
                at("source_node"),
                format!("indicator `{}`: source node `{}` does not exist", ind.id, ind.source_node),
            )),
            Some(text) if !text.contains(&ind.quote) => out.push(Diagnostic::error(
                file,
                at("quote"),
                format!("indicator `{}`: the quote does not occur in node `{}`", ind.id, ind.source_node),
            )),
            Some(_) => {}
        }
        validate_values(ind, &at, file, out);
    }
}

/// One statement's baselines and target: plausible years, finite values, a range only with
/// the Range comparator, a share within 0–100 %, a unit.
fn validate_values(ind: &Indicator, at: &dyn Fn(&str) -> (usize, usize), file: &str, out: &mut Vec<Diagnostic>) {
    if ind.baselines.is_empty() && ind.target.is_none() {
        out.push(Diagnostic::error(file, at("id"), format!("indicator `{}` has neither baseline nor target", ind.id)));
    }
    for (b_at, b) in ind.baselines.iter().enumerate() {
        let baseline = |field: &str| at(&format!("baselines[{b_at}].{field}"));
        if !YEARS.contains(&b.year) || b.since.is_some_and(|s| s > b.year) {
            out.push(Diagnostic::error(
                file,
                baseline("year"),
                format!("indicator `{}`: baseline year {} is not plausible", ind.id, b.year),
            ));
        }
        if !b.value.is_finite() {
            out.push(Diagnostic::error(
                file,
                baseline("value"),
                format!("indicator `{}`: baseline value is not a finite number", ind.id),
            ));
        }
    }
    if let Some(t) = &ind.target {
        if !YEARS.contains(&t.year) {
            out.push(Diagnostic::error(
                file,
                at("target.year"),
                format!("indicator `{}`: target year {} is not plausible", ind.id, t.year),
            ));
        }
        if !t.value.is_finite() || t.upper.is_some_and(|u| !u.is_finite() || u < t.value) {
            out.push(Diagnostic::error(
                file,
                at("target.value"),
                format!("indicator `{}`: target value is not a finite number or range", ind.id),
            ));
        }
        if (t.upper.is_some()) != (ind.comparator == Comparator::Range) {
            out.push(Diagnostic::error(
                file,
                at("comparator"),
                format!("indicator `{}`: an upper bound goes with the Range comparator, and only with it", ind.id),
            ));
        }
        if ind.baselines.iter().any(|b| b.year > t.year) {
            out.push(Diagnostic::warning(
                file,
                at("baselines"),
                format!("indicator `{}`: a baseline lies after the target year", ind.id),
            ));
        }
    }
    if ind.unit.is_empty() {
        out.push(Diagnostic::warning(file, at("unit"), format!("indicator `{}` has no unit", ind.id)));
    }
    if ind.unit.contains('%') && ind.comparator != Comparator::GrowthRate {
        let over = ind
            .baselines
            .iter()
            .map(|b| b.value)
            .chain(ind.target.iter().map(|t| t.value))
            .any(|v| !(0.0..=100.0).contains(&v));
        if over {
            out.push(Diagnostic::error(file, at("id"), format!("indicator `{}`: a share outside 0–100 %", ind.id)));
        }
    }
}

/// Each measure in one unit (that of its first statement), and every headline a measure with a
/// target.
fn validate_measures(plan: &Plan, pos: &Positions, file: &str, out: &mut Vec<Diagnostic>) {
    // Each measure's unit is that of its first statement.
    let mut units: HashMap<&str, &str> = HashMap::new();
    for (j, s) in plan.indicators.iter().enumerate() {
        let unit = *units.entry(s.measure.as_str()).or_insert(s.unit.as_str());
        if !same_unit(&s.unit, unit) && s.comparator != Comparator::GrowthRate {
            out.push(Diagnostic::error(
                file,
                pos.of(&format!("indicators[{j}].unit")),
                format!(
                    "indicator `{}` gives measure `{}` in `{}`, another statement in `{unit}`",
                    s.id, s.measure, s.unit
                ),
            ));
        }
    }
    for (j, h) in plan.headlines.iter().enumerate() {
        let has_target = plan.indicators.iter().any(|i| i.measure == h.measure && i.target.is_some());
        if !has_target {
            out.push(Diagnostic::error(
                file,
                pos.of(&format!("headlines[{j}].measure")),
                format!("headline `{}`: no statement gives measure `{}` a target", h.name, h.measure),
            ));
        }
    }
}
