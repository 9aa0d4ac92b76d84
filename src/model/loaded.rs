//! A scenario as the app holds it: the data, where it came from, and whether charts show it.

use std::path::PathBuf;
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
}
