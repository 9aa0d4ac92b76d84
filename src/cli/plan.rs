//! Commands on the plan itself: `check`, `nodes`, `indicators`, `search`, `import`, `synth`
//! and `project`.

use super::*;

/// The largest synthetic plan (75 MB of RON at 1000×).
pub(super) const MAX_SCALE: usize = 1000;

pub(super) fn synth_command(
    plan: &Plan,
    scale: usize,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    if !(1..=MAX_SCALE).contains(&scale) {
        return Err(format!("--scale {scale}: the scale must be 1 to {MAX_SCALE}"));
    }
    // A plan the loader would refuse is not written (nor built, when its size at scale 1
    // already says so): the message says the largest scale that fits.
    let one = plan_to_ron(plan).map_err(|e| format!("cannot write RON: {e}"))?.len();
    let estimate = one.saturating_mul(scale);
    let too_large = |size: usize| {
        let fits = (MAX_PLAN_BYTES as f64 / (size as f64 / scale as f64)).floor() as usize;
        format!(
            "--scale {scale}: the plan would be {:.1} MB, over the {} MB a plan file may be, and could not be opened; the largest scale that fits is about {fits}",
            size as f64 / 1_048_576.0,
            MAX_PLAN_BYTES / 1_048_576
        )
    };
    if estimate as u64 > MAX_PLAN_BYTES + MAX_PLAN_BYTES / 10 {
        return Err(too_large(estimate));
    }
    let big = crate::model::synth::synth(plan, scale);
    let ron = plan_to_ron(&big).map_err(|e| format!("cannot write RON: {e}"))?;
    if ron.len() as u64 > MAX_PLAN_BYTES {
        return Err(too_large(ron.len()));
    }
    write_output(output, ron.as_bytes(), out)
}

pub(super) fn project(plan: &Plan, out: &mut dyn Write) -> Result<i32, String> {
    let actuals = shipped_actuals(plan)?;
    let scenario = trend(plan, &actuals);
    let text = crate::model::scenario::scenario_to_ron(&scenario).map_err(|e| e.to_string())?;
    out.write_all(text.as_bytes()).map(|()| 0).map_err(|e| e.to_string())
}

/// Validates the given plan and scenario files in order, each read once (the embedded plan, or
/// `--plan`, when no file is given). A scenario file has `series`; a plan file has `nodes`.
pub(super) fn check(plan: Option<&Path>, files: &[PathBuf], out: &mut dyn Write) -> i32 {
    let mut failed = false;
    let mut report = |name: &str, result: Result<String, Vec<Diagnostic>>, warnings: Vec<Diagnostic>| {
        let diagnostics = match result {
            Ok(summary) => {
                let count = warnings.iter().filter(|d| d.severity == crate::model::Severity::Warning).count();
                let _ = writeln!(out, "{name}: ok: {summary}, {count} warnings");
                warnings
            }
            Err(ds) => ds,
        };
        failed |= diagnostics.iter().any(Diagnostic::is_error);
        for d in diagnostics {
            let _ = writeln!(out, "{d}");
        }
    };
    let plan_summary = |p: &Plan| format!("{} nodes, {} indicator statements", p.nodes.len(), p.indicators.len());
    if files.is_empty() {
        let (name, text) = match plan {
            Some(p) => (shown_path(p).to_string(), read_text(p, MAX_PLAN_BYTES)),
            None => (EMBEDDED_PLAN_NAME.to_string(), Ok(load::EMBEDDED_PLAN.to_string())),
        };
        match text.and_then(|t| load::load_plan_checked(&t, &name)) {
            Ok((p, warnings)) => report(&name, Ok(plan_summary(&p)), warnings),
            Err(ds) => report(&name, Err(ds), Vec::new()),
        }
        return i32::from(failed);
    }
    let base = load_chosen_plan(plan);
    for path in files {
        let name = shown_path(path).to_string();
        // A table by its name, or by its content (a CSV saved without an extension).
        let is_table = tabular::read::table_format(path).is_some()
            || load::read_limited(path, MAX_FILE_BYTES)
                .is_ok_and(|bytes| crate::model::scenario_files::is_table_content(&bytes));
        if is_table {
            let result = match &base {
                Err(ds) => Err(ds.clone()),
                Ok(p) => load_scenarios_file(path, p),
            };
            match result {
                Ok((scenarios, warnings)) => {
                    let summary: Vec<String> =
                        scenarios.iter().map(|s| format!("scenario `{}`, {} series", s.name, s.series.len())).collect();
                    report(&name, Ok(summary.join("; ")), warnings)
                }
                Err(ds) => report(&name, Err(ds), Vec::new()),
            }
            continue;
        }
        let text = match read_text(path, MAX_PLAN_BYTES) {
            Ok(text) => text,
            Err(ds) => {
                report(&name, Err(ds), Vec::new());
                continue;
            }
        };
        let kind = ron_kind(&text);
        if kind == RonKind::Deck {
            // Checked against the plan and the statistics of the shipped actual values.
            let result = match &base {
                Err(ds) => Err(ds.clone()),
                Ok(p) => match session_of(p, &[], Lang::Zh) {
                    Ok(session) => crate::model::deck::Deck::from_str(&text, &name, &session.deck_terms())
                        .map(|d| format!("deck `{}`, {} slides", d.name, d.slides.len())),
                    Err(e) => Err(vec![Diagnostic::error(&name, (0, 0), e)]),
                },
            };
            report(&name, result, Vec::new());
            continue;
        }
        if kind == RonKind::Plan {
            match load::load_plan_checked(&text, &name) {
                Ok((p, warnings)) => report(&name, Ok(plan_summary(&p)), warnings),
                Err(ds) => report(&name, Err(ds), Vec::new()),
            }
            continue;
        }
        let result = match &base {
            Err(ds) => Err(ds.clone()),
            // Scenarios have the smaller limit of the two.
            Ok(_) if text.len() as u64 > MAX_FILE_BYTES => {
                Err(vec![load::too_large(&name, text.len() as u64, MAX_FILE_BYTES)])
            }
            Ok(p) => load_scenario_str(&text, &name, p),
        };
        match result {
            Ok((s, warnings)) => {
                report(&name, Ok(format!("scenario `{}`, {} series", s.name, s.series.len())), warnings)
            }
            Err(ds) => report(&name, Err(ds), Vec::new()),
        }
    }
    i32::from(failed)
}

/// What a RON file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RonKind {
    Plan,
    Scenario,
    Deck,
}

/// Whether a file is a plan (it has `nodes`), a scenario (`series`) or a deck (`slides`),
/// decided by its top-level fields, not by words that may occur anywhere in its text. A file
/// that does not parse is checked as the kind its words suggest, for the clearer message.
pub(super) fn ron_kind(text: &str) -> RonKind {
    #[derive(serde::Deserialize)]
    struct TopLevel {
        #[serde(default, deserialize_with = "present")]
        nodes: bool,
        #[serde(default, deserialize_with = "present")]
        series: bool,
        #[serde(default, deserialize_with = "present")]
        slides: bool,
    }
    /// A field that is there, whatever its value.
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        serde::Deserialize::deserialize(d).map(|_: serde::de::IgnoredAny| true)
    }
    let (nodes, series, slides) = match ron::from_str::<TopLevel>(text) {
        Ok(top) => (top.nodes, top.series, top.slides),
        Err(_) => (text.contains("nodes:"), text.contains("series:"), text.contains("slides:")),
    };
    match (nodes, series, slides) {
        (false, true, _) => RonKind::Scenario,
        (false, false, true) => RonKind::Deck,
        _ => RonKind::Plan,
    }
}

pub(super) fn import_command(
    source: &Path,
    curation: Option<&Path>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, String> {
    let source_name = shown_path(source).to_string();
    let text =
        read_limited(source, MAX_FILE_BYTES).and_then(|b| decode_text(&b, &source_name)).map_err(|d| d.to_string())?;
    let curation: Curation = match curation {
        Some(path) => {
            let name = shown_path(path).to_string();
            let src =
                read_limited(path, MAX_FILE_BYTES).and_then(|b| decode_text(&b, &name)).map_err(|d| d.to_string())?;
            parse_ron(&src, &name).map_err(|d| d.to_string())?
        }
        None => Curation::default(),
    };
    let file_name = source.file_name().map_or(source_name.clone(), |n| n.to_string_lossy().into_owned());
    let (plan, warnings) = import_checked(&text, &file_name, &curation).map_err(|e| format!("{source_name}:{e}"))?;
    for w in warnings {
        let _ = writeln!(err, "{source_name}:{w}");
    }
    let ron = plan_to_ron(&plan).map_err(|e| format!("cannot write RON: {e}"))?;
    write_output(output, ron.as_bytes(), out)
}

/// The plan as pretty RON, as `plan.ron` is written.
pub fn plan_to_ron(plan: &Plan) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string()).struct_names(false);
    let mut text = ron::ser::to_string_pretty(plan, config)?;
    text.push('\n');
    Ok(text)
}

pub(super) fn print_nodes(plan: &Plan, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            write_safe(&mut w, ["id", "parent", "kind", "number", "title", "line", "cities", "regions", "corrected"])?;
            for n in &plan.nodes {
                let regions: Vec<&str> = n.regions.iter().map(|r| r.name_zh()).collect();
                write_safe(
                    &mut w,
                    [
                        n.id.as_str(),
                        n.parent.as_deref().unwrap_or(""),
                        n.kind.name_en(),
                        &n.number,
                        &n.title,
                        &n.line.to_string(),
                        &n.cities.join(";"),
                        &regions.join(";"),
                        if n.corrections.is_empty() { "" } else { "yes" },
                    ],
                )?;
            }
            w.flush()
        }
        Format::Table => {
            let outline = Outline::new(plan);
            for (i, n) in plan.nodes.iter().enumerate() {
                let indent = "  ".repeat(usize::from(outline.depth(i)));
                let places = if n.cities.is_empty() && n.regions.is_empty() {
                    String::new()
                } else {
                    let regions: Vec<&str> = n.regions.iter().map(|r| r.name_zh()).collect();
                    format!(
                        "  [{}{}{}]",
                        n.cities.join("、"),
                        if n.cities.is_empty() { "" } else { "；" },
                        regions.join("、")
                    )
                };
                writeln!(out, "{:<16} {indent}{}{places}", n.id, n.heading())?;
            }
            Ok(())
        }
    }
}

pub(super) fn print_indicators(plan: &Plan, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let conflicts: Vec<_> = Measure::group(&plan.indicators).iter().flat_map(Measure::conflicts).collect();
    let conflict_of = |id: &str| conflicts.iter().find(|c| c.statements.iter().any(|(s, _)| s == id));
    // A multiple and a growth rate in one sentence that cannot both be true: an inconsistency
    // the window shows, so the CSV's conflict column carries it too.
    let doc = crate::model::Document::new(plan.clone(), "plan");
    let mismatches = crate::model::indicators::rate_mismatches(&plan.indicators, |id| {
        doc.outline.index_of(id).and_then(|i| plan.nodes.get(i)).map(|n| n.text.as_str())
    });
    let mismatch_of = |id: &str| mismatches.iter().find(|m| m.multiple_id == id || m.rate_id == id);
    let groups = Measure::group(&plan.indicators);
    // A target row carries its measure's baseline (the latest before the target year), so
    // the baseline and the target are in one row.
    let measure_base = |ind: &crate::model::indicators::Indicator| {
        let target = ind.target.as_ref()?;
        let m = groups.iter().find(|m| m.key == ind.measure)?;
        m.baselines().into_iter().filter(|o| o.year < target.year).max_by_key(|o| o.year)
    };
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            write_safe(
                &mut w,
                [
                    "id",
                    "measure",
                    "name",
                    "name_en",
                    "unit",
                    "baseline_year",
                    "baseline",
                    "baseline_derived",
                    "target_year",
                    "target",
                    "target_upper",
                    "comparator",
                    "source_node",
                    "quote",
                    "conflict",
                    "measure_baseline_year",
                    "measure_baseline",
                ],
            )?;
            for ind in &plan.indicators {
                let base = ind.baseline_for_growth().or(ind.baselines.first());
                let targets = conflict_of(&ind.id).map(|c| {
                    c.statements.iter().map(|(s, v)| format!("{s}={}", exact(*v))).collect::<Vec<_>>().join(";")
                });
                let rate = mismatch_of(&ind.id).map(|m| format!("{}={};{}", m.multiple_id, m.rate_id, m.describe()));
                let conflict = [targets, rate].into_iter().flatten().collect::<Vec<_>>().join(" | ");
                let mbase = measure_base(ind);
                write_safe(
                    &mut w,
                    [
                        ind.id.as_str(),
                        &ind.measure,
                        &ind.name,
                        &ind.name_en,
                        &ind.unit,
                        &base.map(|b| b.year.to_string()).unwrap_or_default(),
                        &base.map(|b| exact(b.value)).unwrap_or_default(),
                        &base.and_then(|b| b.derived.clone()).unwrap_or_default(),
                        &ind.target.as_ref().map(|t| t.year.to_string()).unwrap_or_default(),
                        &ind.target.as_ref().map(|t| exact(t.value)).unwrap_or_default(),
                        &ind.target.as_ref().and_then(|t| t.upper).map(exact).unwrap_or_default(),
                        ind.comparator.name_en(),
                        &ind.source_node,
                        &ind.quote,
                        &conflict,
                        &mbase.map(|b| b.year.to_string()).unwrap_or_default(),
                        &mbase.map(|b| exact(b.value)).unwrap_or_default(),
                    ],
                )?;
            }
            w.flush()
        }
        Format::Table => {
            for ind in &plan.indicators {
                let base: Vec<String> =
                    ind.baselines.iter().map(|b| format!("{} {}", b.year, exact(b.value))).collect();
                let target = ind.target.as_ref().map(|t| {
                    let upper = t.upper.map(|u| format!("–{}", exact(u))).unwrap_or_default();
                    format!("{} {}{} {}{upper}", t.year, ind.comparator.symbol(), "", exact(t.value))
                });
                let conflict = if conflict_of(&ind.id).is_some() { "  ⚠ 规划内目标不一致" } else { "" };
                writeln!(
                    out,
                    "{:<44} {}（{}）  {}{}{}  ← {}{conflict}",
                    ind.id,
                    ind.name,
                    ind.unit,
                    base.join("，"),
                    if base.is_empty() || target.is_none() { "" } else { " → " },
                    target.unwrap_or_default(),
                    ind.source_node
                )?;
            }
            Ok(())
        }
    }
}

pub(super) fn print_search(plan: &Plan, query: &str, limit: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let index = SearchIndex::new(plan);
    let hits = index.search(query);
    writeln!(out, "{} matches for `{query}`", hits.len())?;
    for hit in hits.iter().take(limit) {
        let node = &plan.nodes[hit.node];
        let text_snippet = snippet(&node.text, hit.text_hits.first().copied(), 40);
        writeln!(out, "{:<16} {}  {}", node.id, node.heading(), text_snippet)?;
    }
    Ok(())
}
