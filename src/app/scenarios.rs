//! The scenarios the app holds: the shipped actual values and the files the user opened,
//! the worker-thread loader every entry point goes through (dialog, drop, command line,
//! typed path, recent list, reload), the file dialog, and which scenario progress and the
//! comparison are measured against.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Msg, tr};
use crate::loader::{Answer, InFlight, Loader, Outcome, modified};
use crate::model::loaded::LoadedScenario;
use crate::model::messages::MessageLog;
use crate::model::scenario::{Scenario, embedded_actuals};
use crate::model::{Document, Severity};

/// rfd gives None both for a cancel and when no dialog exists; a None that comes back this
/// quickly means there was no dialog to cancel.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

pub struct Scenarios {
    /// The shipped actual values first, then files in the order they were asked for.
    loaded: Vec<LoadedScenario>,
    loader: Loader,
    /// A file dialog running on its own thread, and when it was opened.
    dialog: Option<(Receiver<Option<Vec<PathBuf>>>, Instant)>,
    /// Set when the system showed no file dialog (no portal or zenity).
    no_dialog: bool,
    last_reload_check: f64,
    /// Name of the scenario progress is measured against (`None`: the shipped actuals).
    basis: Option<String>,
    /// The two scenarios the scenario page compares.
    pair: (usize, usize),
    /// Wakes the window when a worker thread finishes (none in tests and benchmarks).
    waker: Option<egui::Context>,
}

/// What became of the files that finished loading.
#[derive(Default)]
pub struct Polled {
    /// The scenario list changed: what is derived from it is stale.
    pub changed: bool,
    /// Files that loaded (as shown), for the recent list, with their distinct non-ASCII
    /// characters, for the font check.
    pub opened: Vec<(String, Vec<char>)>,
}

impl Scenarios {
    pub fn new(doc: &Document) -> Self {
        // The shipped actuals are checked by the tests; without them charts show the plan alone.
        let loaded = embedded_actuals(&doc.plan).into_iter().map(LoadedScenario::built_in).collect();
        Scenarios {
            loaded,
            loader: Loader::new(Arc::new(doc.plan.clone())),
            dialog: None,
            no_dialog: false,
            last_reload_check: 0.0,
            basis: None,
            pair: (0, 0),
            waker: None,
        }
    }

    pub fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    pub fn loaded(&self) -> &[LoadedScenario] {
        &self.loaded
    }

    /// The scenarios the charts show, the progress basis first.
    pub fn enabled(&self) -> Vec<&Scenario> {
        let mut out: Vec<&Scenario> = self.loaded.iter().filter(|l| l.enabled).map(|l| &l.scenario).collect();
        if let Some(basis) = &self.basis
            && let Some(p) = out.iter().position(|s| &s.name == basis)
        {
            let chosen = out.remove(p);
            out.insert(0, chosen);
        }
        out
    }

    pub fn basis(&self) -> Option<&str> {
        self.basis.as_deref()
    }

    pub fn set_basis(&mut self, basis: Option<String>) {
        self.basis = basis;
    }

    pub fn pair(&self) -> (usize, usize) {
        self.pair
    }

    pub fn set_pair(&mut self, pair: (usize, usize)) {
        self.pair = pair;
    }

    pub fn no_dialog(&self) -> bool {
        self.no_dialog
    }

    pub fn dialog_open(&self) -> bool {
        self.dialog.is_some()
    }

    pub fn in_flight(&self) -> &[InFlight] {
        self.loader.in_flight()
    }

    /// Loads files on a worker thread; outcomes arrive in [`Scenarios::poll`].
    pub fn open(&mut self, paths: Vec<PathBuf>) {
        for path in paths {
            let waker = self.waker.clone();
            self.loader.request(path, move || {
                if let Some(ctx) = &waker {
                    ctx.request_repaint();
                }
            });
        }
    }

    pub fn cancel(&mut self, path: &std::path::Path) {
        self.loader.cancel(path);
    }

    /// Reloads file-backed scenarios: all of them (F5), or those changed on disk.
    pub fn reload(&mut self, only_changed: bool) {
        let paths: Vec<PathBuf> = self
            .loaded
            .iter()
            .filter_map(|l| {
                let path = l.path.as_ref()?;
                (!only_changed || modified(path) != l.modified).then(|| path.clone())
            })
            .collect();
        self.open(paths);
    }

    pub fn reload_one(&mut self, k: usize) {
        if let Some(path) = self.loaded.get(k).and_then(|l| l.path.clone()) {
            self.open(vec![path]);
        }
    }

    /// Shows or hides scenario `k` in the charts. Returns true if it changed.
    pub fn toggle(&mut self, k: usize) -> bool {
        let Some(l) = self.loaded.get_mut(k) else { return false };
        l.enabled = !l.enabled;
        true
    }

    /// Removes a file-backed scenario (the built-in ones stay), with the other scenarios of
    /// its file: the file is what was opened, and what a reload would bring back. Returns
    /// true if it did.
    pub fn remove(&mut self, k: usize) -> bool {
        let Some(path) = self.loaded.get(k).and_then(|l| l.path.clone()) else { return false };
        self.loaded.retain(|l| l.path.as_ref() != Some(&path));
        self.pair = (0, 0);
        true
    }

    /// Opens the system file dialog on its own thread (it blocks while open), in the folder of
    /// the latest recent file, or else in the example scenarios installed with the app.
    pub fn open_dialog(&mut self, recent: &[String], log: &mut MessageLog, lang: Lang) {
        if self.dialog.is_some() {
            return;
        }
        let recent = recent.to_vec();
        let (tx, rx) = std::sync::mpsc::channel();
        let waker = self.waker.clone();
        let title = tr(lang, Msg::DialogTitle);
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            // On this thread: a recent file's folder may be on a slow network drive.
            let start = dialog_start_dir(&recent, std::env::current_exe().ok().as_deref());
            let mut dialog = rfd::FileDialog::new()
                .add_filter(tr(lang, Msg::ScenarioFiles), &crate::model::scenario_files::EXTENSIONS)
                .add_filter("RON", &["ron"])
                .add_filter("Excel / LibreOffice", &["xlsx", "xlsm", "xls", "ods"])
                .add_filter("CSV", &["csv", "tsv"])
                .set_title(title);
            if let Some(dir) = start {
                dialog = dialog.set_directory(dir);
            }
            let picked = dialog.pick_files();
            let _ = tx.send(picked);
            if let Some(ctx) = waker {
                ctx.request_repaint();
            }
        });
        match spawned {
            Ok(_) => self.dialog = Some((rx, Instant::now())),
            Err(e) => log.push(Severity::Error, format!("{}: {e}", tr(lang, Msg::CannotOpenDialog))),
        }
    }

    /// Files picked in the dialog, the periodic check for files changed on disk (`now` in
    /// seconds), and finished loads: a good file is added (or replaces its older version), a
    /// bad one only adds its messages — what was loaded stays.
    pub fn poll(&mut self, now: f64, log: &mut MessageLog, lang: Lang) -> Polled {
        self.poll_dialog(log, lang);
        if self.watching_files() && now - self.last_reload_check > 1.0 {
            self.last_reload_check = now;
            self.reload(true);
        }
        let answers = self.loader.poll();
        let mut polled = Polled { changed: !answers.is_empty(), opened: Vec::new() };
        for answer in answers {
            if let Some(opened) = self.apply(answer, log, lang) {
                polled.opened.push(opened);
            }
        }
        polled
    }

    /// A load or the dialog is under way: the window polls often.
    pub fn waiting(&self) -> bool {
        !self.loader.in_flight().is_empty() || self.dialog.is_some()
    }

    /// Some scenario comes from a file, which is watched for changes.
    pub fn watching_files(&self) -> bool {
        self.loaded.iter().any(|l| l.path.is_some())
    }

    fn poll_dialog(&mut self, log: &mut MessageLog, lang: Lang) {
        let Some((rx, opened)) = &self.dialog else { return };
        let Ok(picked) = rx.try_recv() else { return };
        let quick = opened.elapsed() < NO_DIALOG_WITHIN;
        self.dialog = None;
        match picked {
            Some(paths) => self.open(paths),
            None if quick => {
                self.no_dialog = true;
                log.info(tr(lang, Msg::NoDialog).to_string());
            }
            None => {}
        }
    }

    /// Applies one finished load; returns the file's name and characters if it loaded.
    fn apply(&mut self, answer: Answer, log: &mut MessageLog, lang: Lang) -> Option<(String, Vec<char>)> {
        let Answer { seq, outcome } = answer;
        match outcome {
            Outcome::Loaded { path, scenarios, warnings, modified, chars } => {
                let shown = path.display().to_string();
                log.forget(&shown);
                log.diagnostics(warnings.iter().cloned());
                let names: Vec<String> = scenarios.iter().map(|s| format!("“{}”", s.name)).collect();
                let old: Vec<usize> = (0..self.loaded.len())
                    .filter(|&k| self.loaded.get(k).is_some_and(|l| l.path.as_ref() == Some(&path)))
                    .collect();
                // A reload replaces the file's scenarios where they were (a workbook may hold
                // several), and one the user hid stays hidden.
                let (at, order, hidden) = match old.first() {
                    Some(&first) => {
                        let hidden: Vec<String> = old
                            .iter()
                            .filter_map(|&k| self.loaded.get(k))
                            .filter(|l| !l.enabled)
                            .map(|l| l.scenario.name.clone())
                            .collect();
                        let order = self.loaded.get(first).map_or(seq, |l| l.order);
                        for &k in old.iter().rev() {
                            self.loaded.remove(k);
                        }
                        let text = format!("{shown}: {}{}", tr(lang, Msg::Reloaded), names.join("、"));
                        log.push_about(&shown, Severity::Warning, text);
                        (first, order, hidden)
                    }
                    // Files opened together keep the order they were asked for.
                    None => {
                        (self.loaded.iter().position(|l| l.order > seq).unwrap_or(self.loaded.len()), seq, Vec::new())
                    }
                };
                for (k, scenario) in scenarios.into_iter().enumerate() {
                    let enabled = !hidden.contains(&scenario.name);
                    let loaded = LoadedScenario {
                        scenario,
                        path: Some(path.clone()),
                        warnings: warnings.clone(),
                        enabled,
                        modified,
                        order,
                    };
                    self.loaded.insert((at + k).min(self.loaded.len()), loaded);
                }
                Some((shown, chars))
            }
            Outcome::Failed { path, diagnostics } => {
                // Keep the failing version's time, so it is not retried until it changes again
                // (on every scenario of the file: one left behind would retry it each second).
                let now = modified(&path);
                for existing in self.loaded.iter_mut().filter(|l| l.path.as_ref() == Some(&path)) {
                    existing.modified = now;
                }
                log.diagnostics(diagnostics);
                None
            }
        }
    }
}

impl super::PlanExplorerApp {
    /// Says which characters of a newly loaded file no installed font can draw, rather than
    /// leaving the reader to wonder about boxes in its labels.
    pub(super) fn warn_undisplayable(&mut self, ctx: &egui::Context, shown: &str, chars: &[char]) {
        let missing = crate::ui::fonts::undisplayable(ctx, chars);
        if missing.is_empty() {
            return;
        }
        // Code points, not the characters: those would show as boxes here too.
        let list: String = missing.iter().take(20).map(|c| format!("U+{:04X} ", u32::from(*c))).collect();
        let text =
            format!("{shown}: {} {}: {}", missing.len(), tr(self.settings.lang, Msg::Undisplayable), list.trim_end());
        self.log.push_about(shown, Severity::Warning, text);
    }
}

/// Where the file dialog opens: the folder of the latest recent file that still exists, else
/// the example scenarios shipped with the app — beside the .exe on Windows
/// (`scenarios\`), or `../share/plan-explorer/scenarios` from the binary's folder as the
/// Linux package installs them (`/usr/bin` → `/usr/share`). None leaves it to the system.
pub fn dialog_start_dir(recent: &[String], exe: Option<&Path>) -> Option<PathBuf> {
    let recent_dir =
        recent.iter().filter_map(|r| Path::new(r).parent()).find(|dir| !dir.as_os_str().is_empty() && dir.is_dir());
    if let Some(dir) = recent_dir {
        return Some(dir.to_path_buf());
    }
    let exe_dir = exe?.parent()?;
    [exe_dir.join("scenarios"), exe_dir.join("../share/plan-explorer/scenarios")].into_iter().find(|dir| dir.is_dir())
}
