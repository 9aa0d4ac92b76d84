//! Loading scenario files off the UI thread. The UI asks for paths, keeps drawing, and
//! collects outcomes as they arrive; a file that fails never replaces what was loaded.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::SystemTime;

use crate::model::Diagnostic;
use crate::model::plan::Plan;
use crate::model::scenario::Scenario;
use crate::model::scenario_files::load_scenarios_file;

pub enum Outcome {
    Loaded {
        path: PathBuf,
        /// A RON file holds one scenario; a workbook or CSV table may hold several.
        scenarios: Vec<Scenario>,
        warnings: Vec<Diagnostic>,
        modified: Option<SystemTime>,
        /// Every distinct non-ASCII character of the scenario's text, gathered here rather
        /// than on the UI thread, so the window can check its fonts cover them.
        chars: Vec<char>,
    },
    Failed {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
}

/// An outcome with the number of the request it answers, so that files opened together
/// keep the order they were asked for, whichever thread finishes first.
pub struct Answer {
    pub seq: u64,
    pub outcome: Outcome,
}

impl Outcome {
    pub fn path(&self) -> &Path {
        match self {
            Outcome::Loaded { path, .. } | Outcome::Failed { path, .. } => path,
        }
    }
}

pub use crate::model::loaded::InFlight;

pub struct Loader {
    plan: Arc<Plan>,
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    in_flight: Vec<InFlight>,
    next_seq: u64,
    /// Requests the user cancelled: their answers are dropped when they come.
    cancelled: Vec<u64>,
}

pub fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Reads and validates one scenario file (what the worker thread does).
pub fn load_now(path: &Path, plan: &Plan) -> Outcome {
    let modified = modified(path);
    match load_scenarios_file(path, plan) {
        Ok((scenarios, warnings)) => {
            let chars = distinct_chars(&scenarios);
            Outcome::Loaded { path: path.to_path_buf(), scenarios, warnings, modified, chars }
        }
        Err(diagnostics) => Outcome::Failed { path: path.to_path_buf(), diagnostics },
    }
}

/// The distinct non-ASCII, non-control characters of every text in `scenarios`.
fn distinct_chars(scenarios: &[Scenario]) -> Vec<char> {
    let text = ron::to_string(scenarios).unwrap_or_default();
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_ascii() && !c.is_control()).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

impl Loader {
    pub fn new(plan: Arc<Plan>) -> Self {
        let (tx, rx) = channel();
        Loader { plan, tx, rx, in_flight: Vec::new(), next_seq: 1, cancelled: Vec::new() }
    }

    /// Starts loading `path` on a worker thread; `wake` is called when it is done.
    pub fn request(&mut self, path: PathBuf, wake: impl Fn() + Send + 'static) {
        if self.in_flight.iter().any(|f| f.path == path) {
            return;
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let seq = self.next_seq;
        self.in_flight.push(InFlight { path: path.clone(), bytes, seq });
        self.next_seq += 1;
        let (tx, plan) = (self.tx.clone(), Arc::clone(&self.plan));
        let spawned = std::thread::Builder::new().name("load-scenario".into()).spawn(move || {
            let outcome = load_now(&path, &plan);
            let _ = tx.send(Answer { seq, outcome });
            wake();
        });
        if let Err(e) = spawned {
            let path = self.in_flight.pop().map(|f| f.path).unwrap_or_default();
            let name = path.display().to_string();
            let diagnostics = vec![Diagnostic::error(&name, (0, 0), format!("cannot start loading: {e}"))];
            let _ = self.tx.send(Answer { seq, outcome: Outcome::Failed { path, diagnostics } });
        }
    }

    /// Stops waiting for `path` (a load stuck on a slow or hung file system): it leaves the
    /// progress line now, and its answer is dropped if it ever comes. The worker thread
    /// cannot be stopped, but it holds nothing the app needs.
    pub fn cancel(&mut self, path: &Path) {
        if let Some(k) = self.in_flight.iter().position(|f| f.path == path) {
            let flight = self.in_flight.remove(k);
            self.cancelled.push(flight.seq);
        }
    }

    /// Answers that have arrived since the last call, in request order.
    pub fn poll(&mut self) -> Vec<Answer> {
        let cancelled = &mut self.cancelled;
        let mut answers: Vec<Answer> = self
            .rx
            .try_iter()
            .filter(|a| match cancelled.iter().position(|&c| c == a.seq) {
                Some(k) => {
                    cancelled.swap_remove(k);
                    false
                }
                None => true,
            })
            .collect();
        answers.sort_by_key(|a| a.seq);
        self.in_flight.retain(|f| !answers.iter().any(|a| a.outcome.path() == f.path));
        answers
    }

    pub fn in_flight(&self) -> &[InFlight] {
        &self.in_flight
    }
}

#[cfg(test)]
mod cancel_tests {
    use super::*;

    #[test]
    fn a_cancelled_load_leaves_the_progress_line_and_its_answer_is_dropped() {
        let plan = crate::model::load::embedded_plan().expect("the embedded plan is valid");
        let mut loader = Loader::new(Arc::new(plan));
        let good = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/good.ron");
        let (tx, rx) = channel();
        loader.request(good.clone(), move || {
            let _ = tx.send(());
        });
        assert_eq!(loader.in_flight().len(), 1);
        loader.cancel(&good);
        assert!(loader.in_flight().is_empty(), "gone from the progress line at once");
        rx.recv_timeout(std::time::Duration::from_secs(30)).expect("the worker finishes");
        assert!(loader.poll().is_empty(), "its answer is dropped");
        // The same file can be asked for again, and then it loads.
        let (tx, rx) = channel();
        loader.request(good, move || {
            let _ = tx.send(());
        });
        rx.recv_timeout(std::time::Duration::from_secs(30)).expect("the worker finishes");
        assert_eq!(loader.poll().len(), 1);
    }
}
