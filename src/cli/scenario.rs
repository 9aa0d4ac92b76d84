//! Commands on scenario files: `compare`, `scenario export` and `scenario import`.

use super::*;

pub(super) fn compare(plan: &Plan, a: &Path, b: &Path, out: &mut dyn Write) -> Result<i32, String> {
    let sa = read_first_scenario(plan, a)?;
    let sb = read_first_scenario(plan, b)?;
    let diffs = differences(&sa, &sb);
    let show = |v: Option<f64>| v.map_or("—".to_string(), exact);
    let io = (|| -> std::io::Result<()> {
        writeln!(out, "{} points differ between `{}` and `{}`", diffs.len(), sa.name, sb.name)?;
        for d in &diffs {
            writeln!(out, "{} {} {} ({}): {} | {}", d.indicator, d.region, d.year, d.unit, show(d.a), show(d.b))?;
        }
        Ok(())
    })();
    io.map(|()| i32::from(!diffs.is_empty())).map_err(|e| e.to_string())
}

pub(super) fn export_scenario(
    plan: &Plan,
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let scenarios = read_scenarios(plan, file)?;
    let refs: Vec<&Scenario> = scenarios.iter().collect();
    if matches!(format, ExportFormat::Csv | ExportFormat::IamcCsv) {
        write_indicators_companion(&refs, output)?;
        let verdicts: usize = refs.iter().map(|s| s.verdicts.len()).sum();
        if verdicts > 0 {
            eprintln!(
                "warning: {verdicts} verdicts set by a person are not in a CSV (it holds values only): export xlsx or \
                 RON to keep them"
            );
        }
    }
    let bytes = match format {
        ExportFormat::Csv => tabular::write::long_csv(&refs).into_bytes(),
        ExportFormat::IamcCsv => tabular::write::iamc_csv(&refs).into_bytes(),
        ExportFormat::Xlsx => {
            if output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return Err("an xlsx workbook is binary: name the file with -o OUT.xlsx".to_string());
            }
            tabular::write::xlsx(&refs).map_err(|e| format!("cannot write the workbook: {e}"))?
        }
        ExportFormat::Table => {
            let mut text = String::new();
            for scenario in &scenarios {
                for s in &scenario.series {
                    let points: Vec<String> =
                        s.points.iter().map(|p| format!("{} {}", p.year, exact(p.value))).collect();
                    text.push_str(&format!(
                        "{:<40} {} {}（{}）: {}\n",
                        s.id,
                        s.indicator,
                        s.region,
                        s.unit,
                        points.join(", ")
                    ));
                }
            }
            text.into_bytes()
        }
    };
    write_output(output, &bytes, out)
}

/// A table's scenario as RON: the one it holds, or the one `--scenario` names.
pub(super) fn import_scenario(
    plan: &Plan,
    file: &Path,
    wanted: Option<&str>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let scenarios = read_scenarios(plan, file)?;
    let names = || scenarios.iter().map(|s| format!("`{}`", s.name)).collect::<Vec<_>>().join(", ");
    let chosen = match wanted {
        Some(name) => scenarios
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| format!("{}: no scenario `{name}`; it holds {}", shown_path(file), names()))?,
        None if scenarios.len() > 1 => {
            return Err(format!(
                "{}: holds {} scenarios ({}): choose one with --scenario",
                shown_path(file),
                scenarios.len(),
                names()
            ));
        }
        None => scenarios.first().ok_or_else(|| format!("{}: no scenario", shown_path(file)))?,
    };
    let text = crate::model::scenario::scenario_to_ron(chosen).map_err(|e| format!("cannot write RON: {e}"))?;
    write_output(output, text.as_bytes(), out)
}

/// A CSV has no place for the extra indicators its series name: they go beside it, in
/// `NAME.indicators.csv`, which the reader takes with it (as the xlsx keeps them in a sheet).
/// A CSV on standard output has no beside: that is said, not lost silently.
fn write_indicators_companion(scenarios: &[&Scenario], output: Option<&Path>) -> Result<(), String> {
    let Some(text) = tabular::write::indicators_csv(scenarios) else { return Ok(()) };
    let companion = output
        .filter(|p| *p != Path::new("-"))
        .and_then(|p| crate::model::scenario_files::companion_path(p, "indicators"));
    match companion {
        Some(path) => {
            crate::fsutil::write_atomically(&path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", shown_path(&path)))?;
            eprintln!("{}: the extra indicators, which the CSV's series name", shown_path(&path));
        }
        None => eprintln!(
            "warning: the extra indicators are not written with a CSV on standard output: name the file with -o \
             OUT.csv (they go beside it, in OUT.indicators.csv) or export xlsx"
        ),
    }
    Ok(())
}
