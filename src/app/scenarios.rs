//! How the window reads scenario files: the worker-thread loader every entry point goes through
//! (dialog, drop, command line, typed path, recent list, reload), the file dialog, and the
//! periodic check for files changed on disk. What becomes of a file that was read is the
//! session's business (`session::scenarios`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::dialog::{self, Dialog};
use crate::i18n::{Lang, Msg, tr};
use crate::loader::{Answer, InFlight, Loader, Outcome, modified};
use crate::model::messages::MessageLog;
use crate::model::{Document, Severity};
use crate::session::scenarios::{LoadedFile, ScenarioSet};

pub struct Scenarios {
    loader: Loader,
    /// The open dialog, while it is open.
    dialog: Dialog<Vec<PathBuf>>,
    /// Set when the system showed no file dialog (no portal or zenity).
    no_dialog: bool,
    last_reload_check: f64,
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
        Scenarios {
            loader: Loader::new(Arc::new(doc.plan.clone())),
            dialog: Dialog::default(),
            no_dialog: false,
            last_reload_check: 0.0,
            waker: None,
        }
    }

    pub fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    /// What wakes the window when a worker thread finishes.
    pub fn waker(&self) -> Option<egui::Context> {
        self.waker.clone()
    }

    pub fn no_dialog(&self) -> bool {
        self.no_dialog
    }

    pub fn dialog_open(&self) -> bool {
        self.dialog.is_open()
    }

    pub fn in_flight(&self) -> &[InFlight] {
        self.loader.in_flight()
    }

    /// Loads files on a worker thread; outcomes arrive in [`Scenarios::poll`].
    pub fn open(&mut self, paths: Vec<PathBuf>) {
        self.loader.begin_batch();
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
    pub fn reload(&mut self, set: &ScenarioSet, only_changed: bool) {
        self.open(set.files(|path, loaded| !only_changed || modified(path) != loaded));
    }

    pub fn reload_one(&mut self, set: &ScenarioSet, k: usize) {
        if let Some(path) = set.loaded().get(k).and_then(|l| l.path.clone()) {
            self.open(vec![path]);
        }
    }

    /// Opens the system file dialog on its own thread (it blocks while open), in the folder of
    /// the latest recent file, or else in the example scenarios installed with the app.
    pub fn open_dialog(&mut self, recent: &[String], log: &mut MessageLog, lang: Lang) {
        let recent = recent.to_vec();
        let title = tr(lang, Msg::DialogTitle);
        let opened = self.dialog.open("file-dialog", self.waker.clone(), move || {
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
            dialog.pick_files()
        });
        if let Err(e) = opened {
            log.push(Severity::Error, format!("{}: {e}", tr(lang, Msg::CannotOpenDialog)));
        }
    }

    /// Files picked in the dialog, the periodic check for files changed on disk (`now` in
    /// seconds), and finished loads, handed to `set`: a good file is added (or replaces its
    /// older version), a bad one only adds its messages — what was loaded stays.
    pub fn poll(&mut self, set: &mut ScenarioSet, now: f64, log: &mut MessageLog, lang: Lang) -> Polled {
        self.poll_dialog(log, lang);
        if set.from_files() && now - self.last_reload_check > 1.0 {
            self.last_reload_check = now;
            self.reload(set, true);
        }
        let answers = self.loader.poll();
        let mut polled = Polled { changed: !answers.is_empty(), opened: Vec::new() };
        for Answer { seq, outcome } in answers {
            match outcome {
                Outcome::Loaded { path, scenarios, warnings, modified, chars } => {
                    polled.opened.push((path.display().to_string(), chars));
                    set.add_file(LoadedFile { path, scenarios, warnings, modified, seq }, log, lang);
                }
                Outcome::Failed { path, diagnostics } => {
                    let now = modified(&path);
                    set.file_failed(&path, now, diagnostics, log);
                }
            }
        }
        polled
    }

    /// A load or the dialog is under way: the window polls often.
    pub fn waiting(&self) -> bool {
        !self.loader.in_flight().is_empty() || self.dialog.is_open()
    }

    fn poll_dialog(&mut self, log: &mut MessageLog, lang: Lang) {
        match self.dialog.poll() {
            Some(dialog::Answer::Picked(paths)) => self.open(paths),
            Some(dialog::Answer::NoDialog) => {
                self.no_dialog = true;
                log.info(tr(lang, Msg::NoDialog).to_string());
            }
            Some(dialog::Answer::Cancelled) | None => {}
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
