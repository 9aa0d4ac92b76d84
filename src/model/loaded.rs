//! A scenario as the app holds it: the data, where it came from, and whether charts show it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::diagnostics::Diagnostic;
use super::scenario::Scenario;

pub struct LoadedScenario {
    /// Shared with what is derived from it (`session::scenarios::Snapshot`).
    pub scenario: Arc<Scenario>,
    /// `None` for the actual values built into the app.
    pub path: Option<PathBuf>,
    pub warnings: Vec<Diagnostic>,
    pub enabled: bool,
    pub modified: Option<SystemTime>,
    /// The request number that loaded it (0: built in): the list keeps request order.
    pub order: u64,
    /// The name of a scenario loaded before it with the very same data (the shipped actual
    /// values opened beside the built-in ones): this one starts hidden, so nothing is drawn twice.
    pub duplicate_of: Option<String>,
}

impl LoadedScenario {
    pub fn built_in(scenario: Scenario) -> Self {
        LoadedScenario {
            scenario: Arc::new(scenario),
            path: None,
            warnings: Vec::new(),
            enabled: true,
            modified: None,
            order: 0,
            duplicate_of: None,
        }
    }
}

/// A file being read, for the progress line.
#[derive(Clone, Debug, PartialEq)]
pub struct InFlight {
    pub path: PathBuf,
    pub bytes: u64,
    /// The request's number, to recognise its answer.
    pub seq: u64,
    /// The files opened together share a batch: their answers are given out in request order.
    pub batch: u64,
}

/// The name each scenario is listed, picked and drawn under, given its name and the file it
/// came from (`None`: built in): its own, or — where a scenario from another file has the
/// same name — its name and its file's (the whole path when even the file names agree). The
/// built-in scenarios keep their names.
pub fn display_names(scenarios: &[(&str, Option<&Path>)]) -> Vec<String> {
    let file_name = |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into());
    // Per name, the distinct files holding it, and per file name how many distinct paths have
    // it: linear in the number of scenarios, however many share a name.
    let mut files_of: HashMap<&str, HashSet<Option<&Path>>> = HashMap::new();
    for &(name, path) in scenarios {
        files_of.entry(name).or_default().insert(path);
    }
    let mut paths_named: HashMap<(&str, String), usize> = HashMap::new();
    for (name, files) in &files_of {
        for path in files.iter().flatten() {
            *paths_named.entry((name, file_name(path))).or_default() += 1;
        }
    }
    scenarios
        .iter()
        .map(|&(name, path)| {
            let Some(path) = path else { return name.to_string() };
            if files_of.get(name).is_none_or(|files| files.len() < 2) {
                return name.to_string();
            }
            let own = file_name(path);
            let file = if paths_named.get(&(name, own.clone())).is_some_and(|&n| n > 1) {
                path.display().to_string()
            } else {
                own
            };
            format!("{name} · {file}")
        })
        .collect()
}
