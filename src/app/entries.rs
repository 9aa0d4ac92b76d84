//! Values entered on the evaluation page: kept in the entries file (`填报值.ron`) in the app's
//! data folder, written atomically after every change and put into the session at once, as
//! the loader would after reading it; every change can be undone. The file is an ordinary
//! scenario file, so it reloads, exports and can be opened by a second person to review.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::PlanExplorerApp;
use super::dialog::Answer;
use crate::i18n::{Msg, tr};
use crate::model::Severity;
use crate::model::entries::{
    ENTRIES_FILE, Entry, check_entry, check_verdict, empty_entries, with_entry, with_verdict, without_entry,
    without_verdict,
};
use crate::model::evaluation::Rule;
use crate::model::scenario::{Scenario, load_scenario_file, scenario_to_ron};
use crate::session::scenarios::LoadedFile;
use crate::ui::command::EvaluationCommand;

/// At most this many entries can be undone.
const MAX_UNDO: usize = 200;

/// The entries' history: each state is the whole file (entries are few; a state is small).
#[derive(Default)]
pub struct EntriesHistory {
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
}

impl PlanExplorerApp {
    pub(super) fn run_evaluation(&mut self, command: EvaluationCommand) {
        match command {
            EvaluationCommand::Enter(entry) => self.enter_value(&entry),
            EvaluationCommand::Remove(measure, year) => {
                if let Some(current) = self.current_entries() {
                    let next = without_entry(&current, &measure, year);
                    self.change_entries(current, next);
                }
            }
            EvaluationCommand::SetVerdict(v) => {
                if let Err(refusal) = check_verdict(&v) {
                    let text = refusal.in_lang(self.settings.lang).to_string();
                    self.log.push(Severity::Error, text);
                } else if let Some(current) = self.current_entries() {
                    let next = with_verdict(&current, &v);
                    self.change_entries(current, next);
                }
            }
            EvaluationCommand::ClearVerdict(measure, year) => {
                if let Some(current) = self.current_entries() {
                    let next = without_verdict(&current, &measure, year);
                    self.change_entries(current, next);
                }
            }
            EvaluationCommand::Undo => self.step_entries(true),
            EvaluationCommand::Redo => self.step_entries(false),
            EvaluationCommand::SetNearlyMetPercent(percent) => {
                let rule = Rule::new(percent);
                self.settings.nearly_met_percent = rule.nearly_met_percent;
                self.session.change_scenarios(|set| set.set_rule(rule));
            }
        }
    }

    /// Where the entries are kept: the data folder (beside the settings), else the export
    /// folder (a session that keeps no settings).
    pub fn entries_path(&self) -> PathBuf {
        self.settings_dir.clone().unwrap_or_else(|| self.exports.dir().to_path_buf()).join(ENTRIES_FILE)
    }

    /// The entries as they are now: as loaded in the session, else as on disk, else none yet.
    /// None when the file on disk cannot be read: it is not overwritten (the error is said).
    fn current_entries(&mut self) -> Option<Scenario> {
        let path = self.entries_path();
        if let Some(loaded) = self.session.scenarios().from_file(&path) {
            return Some(loaded.clone());
        }
        if !path.exists() {
            return Some(empty_entries(&self.session.doc().plan));
        }
        match load_scenario_file(&path, &self.session.doc().plan) {
            Ok((s, _)) => Some(s),
            Err(ds) => {
                self.log.diagnostics(ds);
                None
            }
        }
    }

    fn enter_value(&mut self, entry: &Entry) {
        let doc = Arc::clone(self.session.doc());
        if let Err(refusal) = check_entry(entry, &doc.plan) {
            let text = refusal.in_lang(self.settings.lang).to_string();
            self.log.push(Severity::Error, text);
            return;
        }
        let Some(unit) = crate::model::Measure::group(&doc.plan.indicators)
            .iter()
            .find(|m| m.key == entry.measure)
            .map(|m| m.unit().to_string())
        else {
            return;
        };
        let Some(current) = self.current_entries() else { return };
        let next = with_entry(&current, entry, &unit);
        self.change_entries(current, next);
    }

    fn step_entries(&mut self, undo: bool) {
        let state = if undo { self.entries.undo.pop() } else { self.entries.redo.pop() };
        let Some(state) = state else {
            self.toast = Some((tr(self.settings.lang, Msg::NothingToUndo).to_string(), self.now + 2.0));
            return;
        };
        let Some(current) = self.current_entries() else { return };
        if undo {
            self.entries.redo.push(current);
        } else {
            self.entries.undo.push(current);
        }
        self.keep_entries(state);
    }

    /// Keeps `next` in place of `current`, which becomes the state to undo to.
    fn change_entries(&mut self, current: Scenario, next: Scenario) {
        if next == current {
            return;
        }
        self.entries.undo.push(current);
        if self.entries.undo.len() > MAX_UNDO {
            self.entries.undo.remove(0);
        }
        self.entries.redo.clear();
        self.keep_entries(next);
    }

    /// Writes `entries` atomically and puts them into the session, replacing the file's
    /// older version where it was listed (its colour and place kept).
    fn keep_entries(&mut self, entries: Scenario) {
        let path = self.entries_path();
        let shown = path.display().to_string();
        let lang = self.settings.lang;
        let text = match scenario_to_ron(&entries) {
            Ok(text) => text,
            Err(e) => {
                self.log.push(Severity::Error, format!("{shown}: {e}"));
                return;
            }
        };
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all);
        if let Err(e) = written.and_then(|()| crate::fsutil::write_atomically(&path, text.as_bytes())) {
            self.log.push(Severity::Error, format!("{shown}: {e}"));
            return;
        }
        let file = LoadedFile {
            path: path.clone(),
            scenarios: vec![entries],
            warnings: Vec::new(),
            modified: crate::loader::modified(&path),
            seq: u64::MAX,
        };
        let log = &mut self.log;
        self.session.change_scenarios(|set| {
            set.add_file(file, log, lang);
            true
        });
        // Not "reloaded": the window made the change itself.
        self.log.forget(&shown);
        self.toast = Some((format!("{} {ENTRIES_FILE}", tr(lang, Msg::EntryKept)), self.now + 2.5));
    }

    /// A copy of the entries file in the export folder, to hand on or review elsewhere.
    pub fn export_entries(&mut self) -> Option<PathBuf> {
        let lang = self.settings.lang;
        let Some(entries) = self.loaded_entries().cloned() else {
            self.log.push(Severity::Warning, tr(lang, Msg::NoEntries).to_string());
            return None;
        };
        match scenario_to_ron(&entries) {
            Ok(text) => self.exports.write(ENTRIES_FILE, text.as_bytes(), &mut self.log, lang),
            Err(e) => {
                self.log.push(Severity::Error, format!("{ENTRIES_FILE}: {e}"));
                None
            }
        }
    }

    /// 另存为: the system's save dialog, in the exports folder, proposing 填报值.ron; the
    /// answer is written by [`Self::save_entries_as`] when it comes.
    pub fn open_entries_save_as(&mut self) {
        let lang = self.settings.lang;
        if self.loaded_entries().is_none() {
            self.log.push(Severity::Warning, tr(lang, Msg::NoEntries).to_string());
            return;
        }
        let (dir, title) = (self.exports.dir().to_path_buf(), tr(lang, Msg::SaveEntriesAs));
        let opened = self.entries_save_as.open("save-dialog", self.scenarios.waker(), move || {
            rfd::FileDialog::new()
                .set_title(title)
                .set_directory(dir)
                .set_file_name(ENTRIES_FILE)
                .add_filter("RON", &["ron"])
                .add_filter("Excel / LibreOffice", &["xlsx"])
                .add_filter("CSV", &["csv"])
                .save_file()
        });
        if let Err(e) = opened {
            self.log.push(Severity::Error, format!("{}: {e}", tr(lang, Msg::CannotOpenDialog)));
        }
    }

    pub(super) fn poll_entries_save_as(&mut self) {
        match self.entries_save_as.poll() {
            Some(Answer::Picked(path)) => {
                self.save_entries_as(&path);
            }
            Some(Answer::NoDialog) => {
                // Without a dialog the copy goes where every export goes, and the log says where.
                self.log.info(tr(self.settings.lang, Msg::NoSaveDialog).to_string());
                self.export_entries();
            }
            Some(Answer::Cancelled) | None => {}
        }
    }

    /// Writes the entries to `path`, atomically, in the format its extension names: `.xlsx`
    /// (the workbook `scenario export` writes, verdicts in their own sheet), `.csv` (values
    /// only: a verdict set by a person is said to be left out) or else RON. The entries file
    /// in the data folder stays the one the window keeps editing.
    pub fn save_entries_as(&mut self, path: &Path) -> bool {
        let lang = self.settings.lang;
        let shown = path.display().to_string();
        let Some(entries) = self.loaded_entries().cloned() else {
            self.log.push(Severity::Warning, tr(lang, Msg::NoEntries).to_string());
            return false;
        };
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
        let bytes = match extension.as_deref() {
            Some("xlsx") => crate::model::tabular::write::xlsx(&[&entries]).map_err(|e| e.to_string()),
            Some("csv") => {
                if !entries.verdicts.is_empty() {
                    self.log.push(Severity::Warning, format!("{shown}: {}", tr(lang, Msg::CsvLeavesOutVerdicts)));
                }
                let csv = crate::model::tabular::write::long_csv(&[&entries]);
                Ok(super::exports::with_bom(csv.as_bytes()).into_owned())
            }
            _ => scenario_to_ron(&entries).map(String::into_bytes).map_err(|e| e.to_string()),
        };
        match bytes.and_then(|b| crate::fsutil::write_atomically(path, &b).map_err(|e| e.to_string())) {
            Ok(()) => {
                self.log.info(format!("{}{shown}", tr(lang, Msg::Exported)));
                true
            }
            Err(e) => {
                self.log.push(Severity::Error, format!("{shown}: {}: {e}", tr(lang, Msg::CannotWrite)));
                false
            }
        }
    }

    pub fn can_undo_entry(&self) -> bool {
        !self.entries.undo.is_empty()
    }

    pub fn can_redo_entry(&self) -> bool {
        !self.entries.redo.is_empty()
    }

    /// The entries file as loaded in the session, if it is.
    pub fn loaded_entries(&self) -> Option<&Scenario> {
        self.session.scenarios().from_file(&self.entries_path())
    }
}
