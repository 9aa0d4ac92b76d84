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
    /// The batch requests are made in now (see [`InFlight::batch`]).
    batch: u64,
    /// Answers that came before an earlier request of their batch: given out after it, so
    /// that files opened together arrive in the order they were asked for (their colours and
    /// the recent list follow that order, not which thread happened to finish first).
    held: Vec<Answer>,
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
        Loader { plan, tx, rx, in_flight: Vec::new(), next_seq: 1, cancelled: Vec::new(), batch: 0, held: Vec::new() }
    }

    /// The requests from here to the next call are one batch: files opened together.
    pub fn begin_batch(&mut self) {
        self.batch += 1;
    }

    /// Starts loading `path` on a worker thread; `wake` is called when it is done.
    pub fn request(&mut self, path: PathBuf, wake: impl Fn() + Send + 'static) {
        if self.in_flight.iter().any(|f| f.path == path) {
            return;
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let seq = self.next_seq;
        self.in_flight.push(InFlight { path: path.clone(), bytes, seq, batch: self.batch });
        self.next_seq += 1;
        let (tx, plan) = (self.tx.clone(), Arc::clone(&self.plan));
        let spawned = std::thread::Builder::new().name("load-scenario".into()).spawn(move || {
            let outcome = load_now(&path, &plan);
            let _ = tx.send(Answer { seq, outcome });
            wake();
        });
        if let Err(e) = spawned {
            // It stays under way until its answer is given out, in its batch's order.
            let path = self.in_flight.last().map(|f| f.path.clone()).unwrap_or_default();
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
            // Its answer may be held already: it is dropped, and not waited for again.
            if let Some(h) = self.held.iter().position(|a| a.seq == flight.seq) {
                self.held.remove(h);
            } else {
                self.cancelled.push(flight.seq);
            }
        }
    }

    /// Answers that have arrived since the last call, in request order: an answer waits for
    /// the earlier requests of its batch still under way (a cancelled one no longer counts).
    pub fn poll(&mut self) -> Vec<Answer> {
        let cancelled = &mut self.cancelled;
        let arrived = self.rx.try_iter().filter(|a| match cancelled.iter().position(|&c| c == a.seq) {
            Some(k) => {
                cancelled.swap_remove(k);
                false
            }
            None => true,
        });
        self.held.extend(arrived);
        // A request stays in flight until its answer is given out, so its batch is found there.
        let batch = |seq: u64| self.in_flight.iter().find(|f| f.seq == seq).map(|f| f.batch);
        let waiting: Vec<(u64, u64)> = self
            .in_flight
            .iter()
            .filter(|f| !self.held.iter().any(|a| a.seq == f.seq))
            .map(|f| (f.seq, f.batch))
            .collect();
        let (mut ready, held): (Vec<Answer>, Vec<Answer>) = std::mem::take(&mut self.held)
            .into_iter()
            .partition(|a| !waiting.iter().any(|&(seq, b)| seq < a.seq && Some(b) == batch(a.seq)));
        self.held = held;
        ready.sort_by_key(|a| a.seq);
        self.in_flight.retain(|f| !ready.iter().any(|a| a.seq == f.seq));
        ready
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

    #[test]
    fn files_opened_together_arrive_in_the_order_asked_whichever_finishes_first() {
        let plan = crate::model::load::embedded_plan().expect("the embedded plan is valid");
        let mut loader = Loader::new(Arc::new(plan));
        loader.begin_batch();
        let (first, second) = (PathBuf::from("a.ron"), PathBuf::from("b.ron"));
        for (seq, path) in [(1, &first), (2, &second)] {
            loader.in_flight.push(InFlight { path: path.clone(), bytes: 0, seq, batch: loader.batch });
        }
        loader.next_seq = 3;
        let failed = |seq: u64, path: &PathBuf| Answer {
            seq,
            outcome: Outcome::Failed { path: path.clone(), diagnostics: Vec::new() },
        };
        // The second finishes first: it waits for the first.
        loader.tx.send(failed(2, &second)).unwrap();
        assert!(loader.poll().is_empty());
        assert_eq!(loader.in_flight().len(), 2, "both still under way for the progress line");
        loader.tx.send(failed(1, &first)).unwrap();
        let order: Vec<u64> = loader.poll().iter().map(|a| a.seq).collect();
        assert_eq!(order, [1, 2]);
        assert!(loader.in_flight().is_empty());

        // A file of a later batch does not wait for an earlier one; a cancelled one is not waited for.
        let slow = PathBuf::from("slow.ron");
        loader.in_flight.push(InFlight { path: slow.clone(), bytes: 0, seq: 3, batch: loader.batch });
        loader.begin_batch();
        let quick = PathBuf::from("quick.ron");
        loader.in_flight.push(InFlight { path: quick.clone(), bytes: 0, seq: 4, batch: loader.batch });
        loader.tx.send(failed(4, &quick)).unwrap();
        assert_eq!(loader.poll().iter().map(|a| a.seq).collect::<Vec<_>>(), [4]);
        let third = PathBuf::from("c.ron");
        // Asked for with the slow one (batch 1), answered after the later batch.
        loader.in_flight.push(InFlight { path: third.clone(), bytes: 0, seq: 5, batch: 1 });
        loader.tx.send(failed(5, &third)).unwrap();
        assert!(loader.poll().is_empty(), "waits for the slow one of its batch");
        loader.cancel(&slow);
        assert_eq!(loader.poll().iter().map(|a| a.seq).collect::<Vec<_>>(), [5]);
    }
}
