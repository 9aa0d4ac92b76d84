//! Opening a scenario file of any kind the app reads: RON (one scenario) or a table — xlsx,
//! xls, ods or CSV — which may hold several. Every entry point (dialog, drop, command line,
//! typed path, recent list, reload, the `check` command) comes through here.

use std::path::{Path, PathBuf};

use super::diagnostics::Diagnostic;
use super::load::decode_text;
use super::load::{MAX_FILE_BYTES, read_limited};
use super::plan::Plan;
use super::scenario::Scenario;
use super::scenario::load_scenario_str;
use super::tabular::Grid;
use super::tabular::interpret::{Companions, scenarios_from_grids};
use super::tabular::read::{TableFormat, read_grids, read_grids_as, table_format};
use super::tabular::sniff::{Content, looks_like_csv, sniff};

/// The extensions the file dialog offers.
pub const EXTENSIONS: [&str; 7] = ["ron", "xlsx", "xlsm", "xls", "ods", "csv", "tsv"];

pub type Loaded = (Vec<Scenario>, Vec<Diagnostic>);

/// Reads and validates every scenario of `path` against `plan`: warnings come with the
/// scenarios; any error refuses the whole file.
pub fn load_scenarios_file(path: &Path, plan: &Plan) -> Result<Loaded, Vec<Diagnostic>> {
    let Some(format) = table_format(path) else {
        // A RON file, unless its content is a table (a CSV saved without an extension).
        let name = path.display().to_string();
        let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
        if is_table_content(&bytes) {
            let stem = path.file_name().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
            let (grids, mut notes) = read_grids_as(&bytes, None, &name).map_err(|d| vec![d])?;
            return finish_table(&grids, std::mem::take(&mut notes), &name, &stem, &Companions::default(), plan);
        }
        let text = decode_text(&bytes, &name).map_err(|d| vec![d])?;
        return load_scenario_str(&text, &name, plan).map(|(s, w)| (vec![s], w));
    };
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
    let companions = match format {
        TableFormat::Csv => {
            Companions { mapping: read_companion(path, "mapping")?, indicators: read_companion(path, "indicators")? }
        }
        _ => Companions::default(),
    };
    let stem = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    load_table_bytes(&bytes, format, &name, &stem, &companions, plan)
}

/// A table already in memory (`file` names it in messages, `stem` names a scenario the table
/// does not name).
pub fn load_table_bytes(
    bytes: &[u8],
    format: TableFormat,
    file: &str,
    stem: &str,
    companions: &Companions,
    plan: &Plan,
) -> Result<Loaded, Vec<Diagnostic>> {
    let (grids, notes) = read_grids(bytes, format, file).map_err(|d| vec![d])?;
    finish_table(&grids, notes, file, stem, companions, plan)
}

fn finish_table(
    grids: &[Grid],
    mut notes: Vec<Diagnostic>,
    file: &str,
    stem: &str,
    companions: &Companions,
    plan: &Plan,
) -> Result<Loaded, Vec<Diagnostic>> {
    match scenarios_from_grids(grids, companions, file, stem, plan) {
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

/// Whether a file whose name gives no table format is one by its content: a workbook, an
/// Office or PDF file (refused as what it is), or text whose first line is a CSV header.
pub fn is_table_content(bytes: &[u8]) -> bool {
    match sniff(bytes) {
        Content::Text => looks_like_csv(bytes),
        _ => true,
    }
}

/// The companion file `kind` (`mapping`, `indicators`) a CSV may come with: `NAME.KIND.csv`
/// beside `NAME.csv`.
pub fn companion_path(path: &Path, kind: &str) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    if COMPANIONS.iter().any(|c| stem.ends_with(&format!(".{c}"))) {
        return None;
    }
    Some(path.with_file_name(format!("{stem}.{kind}.csv")))
}

/// The mapping file a CSV may come with: `NAME.mapping.csv` beside `NAME.csv`.
pub fn mapping_path(path: &Path) -> Option<PathBuf> {
    companion_path(path, "mapping")
}

const COMPANIONS: [&str; 2] = ["mapping", "indicators"];

fn read_companion(path: &Path, kind: &str) -> Result<Option<Grid>, Vec<Diagnostic>> {
    let Some(companion) = companion_path(path, kind).filter(|p| p.exists()) else { return Ok(None) };
    let name = companion.display().to_string();
    let bytes = read_limited(&companion, MAX_FILE_BYTES).map_err(|d| vec![d])?;
    let (mut grids, _) = read_grids(&bytes, TableFormat::Csv, &name).map_err(|d| vec![d])?;
    Ok(grids.pop())
}
