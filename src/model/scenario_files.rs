//! Opening a scenario file of any kind the app reads: RON (one scenario) or a table — xlsx,
//! xls, ods or CSV — which may hold several. Every entry point (dialog, drop, command line,
//! typed path, recent list, reload, the `check` command) comes through here.

use std::path::{Path, PathBuf};

use super::diagnostics::Diagnostic;
use super::load::{MAX_FILE_BYTES, read_limited};
use super::plan::Plan;
use super::scenario::{Scenario, load_scenario_file};
use super::tabular::interpret::scenarios_from_grids;
use super::tabular::read::{TableFormat, read_grids, table_format};

/// The extensions the file dialog offers.
pub const EXTENSIONS: [&str; 7] = ["ron", "xlsx", "xlsm", "xls", "ods", "csv", "tsv"];

pub type Loaded = (Vec<Scenario>, Vec<Diagnostic>);

/// Reads and validates every scenario of `path` against `plan`: warnings come with the
/// scenarios; any error refuses the whole file.
pub fn load_scenarios_file(path: &Path, plan: &Plan) -> Result<Loaded, Vec<Diagnostic>> {
    let Some(format) = table_format(path) else {
        return load_scenario_file(path, plan).map(|(s, w)| (vec![s], w));
    };
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
    let mapping = match format {
        TableFormat::Csv => read_mapping_file(path)?,
        _ => None,
    };
    let stem = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    load_table_bytes(&bytes, format, &name, &stem, mapping.as_ref(), plan)
}

/// A table already in memory (`file` names it in messages, `stem` names a scenario the table
/// does not name).
pub fn load_table_bytes(
    bytes: &[u8],
    format: TableFormat,
    file: &str,
    stem: &str,
    mapping: Option<&super::tabular::Grid>,
    plan: &Plan,
) -> Result<Loaded, Vec<Diagnostic>> {
    let (grids, mut notes) = read_grids(bytes, format, file).map_err(|d| vec![d])?;
    match scenarios_from_grids(&grids, mapping, file, stem, plan) {
        Ok((scenarios, warnings)) => {
            notes.extend(warnings);
            Ok((scenarios, notes))
        }
        Err(mut errors) => {
            notes.append(&mut errors);
            Err(notes)
        }
    }
}

/// The mapping file a CSV may come with: `NAME.mapping.csv` beside `NAME.csv`.
pub fn mapping_path(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    if stem.ends_with(".mapping") {
        return None;
    }
    Some(path.with_file_name(format!("{stem}.mapping.csv")))
}

fn read_mapping_file(path: &Path) -> Result<Option<super::tabular::Grid>, Vec<Diagnostic>> {
    let Some(mapping) = mapping_path(path).filter(|p| p.is_file()) else { return Ok(None) };
    let name = mapping.display().to_string();
    let bytes = read_limited(&mapping, MAX_FILE_BYTES).map_err(|d| vec![d])?;
    let (mut grids, _) = read_grids(&bytes, TableFormat::Csv, &name).map_err(|d| vec![d])?;
    Ok(grids.pop())
}
