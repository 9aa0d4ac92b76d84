//! The scenarios a session holds: the shipped actual values first, then the files opened, in
//! the order they were asked for; which of them the charts show, which one progress is
//! measured against, and the pair the scenario page compares. How files are read (a worker
//! thread, a dialog) is the window's business; what becomes of a read file is decided here.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::i18n::{Lang, Msg, tr};
use crate::model::Severity;
use crate::model::diagnostics::Diagnostic;
use crate::model::evaluation::Rule;
use crate::model::loaded::LoadedScenario;
use crate::model::messages::MessageLog;
use crate::model::scenario::Scenario;

#[derive(Default)]
pub struct ScenarioSet {
    loaded: Vec<LoadedScenario>,
    /// Name of the scenario progress is measured against (`None`: the shipped actuals).
    basis: Option<String>,
    /// The two scenarios the scenario page compares (indices into `loaded`).
    pair: (usize, usize),
    /// What the final evaluation calls 基本完成.
    rule: Rule,
}

/// The scenarios as they were when something was derived from them: what is derived keeps
/// its snapshot, so a cache can never be read against another list.
#[derive(Clone, Default)]
pub struct Snapshot {
    /// Every loaded scenario, shown or not, in the list's order.
    pub loaded: Vec<Arc<Scenario>>,
    /// The file each loaded scenario came from (`None`: built in), and whether it is shown.
    pub files: Vec<Option<PathBuf>>,
    pub shown: Vec<bool>,
    /// The scenarios the charts show, the progress basis first.
    pub enabled: Vec<Arc<Scenario>>,
    /// What the final evaluation calls 基本完成.
    pub rule: Rule,
}

impl Snapshot {
    pub fn enabled(&self) -> Vec<&Scenario> {
        self.enabled.iter().map(|s| s.as_ref()).collect()
    }
}

/// A file that finished loading.
pub struct LoadedFile {
    pub path: PathBuf,
    pub scenarios: Vec<Scenario>,
    pub warnings: Vec<Diagnostic>,
    pub modified: Option<SystemTime>,
    /// The request's number: files opened together keep the order they were asked for.
    pub seq: u64,
}

impl ScenarioSet {
    /// The shipped actual values (built in), then nothing else.
    pub fn new(built_in: impl IntoIterator<Item = Scenario>) -> Self {
        let loaded = built_in
            .into_iter()
            .enumerate()
            .map(|(slot, s)| LoadedScenario::built_in(Scenario { colour_slot: slot, ..s }))
            .collect();
        ScenarioSet { loaded, ..Default::default() }
    }

    /// The lowest colour slot no loaded scenario holds (see [`Scenario::colour_slot`]).
    pub fn free_colour_slot(&self) -> usize {
        free_slot(self.loaded.iter().map(|l| l.scenario.colour_slot))
    }

    pub fn loaded(&self) -> &[LoadedScenario] {
        &self.loaded
    }

    /// What is derived sees each scenario under its display name (see
    /// [`ScenarioSet::display_names`]), so every chart, table and export tells apart two files
    /// that name their scenarios alike.
    pub fn snapshot(&self) -> Snapshot {
        let loaded: Vec<Arc<Scenario>> = self
            .loaded
            .iter()
            .zip(self.display_names())
            .map(|(l, name)| {
                if name == l.scenario.name {
                    Arc::clone(&l.scenario)
                } else {
                    Arc::new(Scenario { name, ..l.scenario.as_ref().clone() })
                }
            })
            .collect();
        let shown: Vec<bool> = self.loaded.iter().map(|l| l.enabled).collect();
        let mut enabled: Vec<Arc<Scenario>> =
            loaded.iter().zip(&shown).filter(|(_, on)| **on).map(|(s, _)| Arc::clone(s)).collect();
        if let Some(basis) = &self.basis
            && let Some(p) = enabled.iter().position(|s| &s.name == basis)
        {
            let chosen = enabled.remove(p);
            enabled.insert(0, chosen);
        }
        Snapshot {
            loaded,
            files: self.loaded.iter().map(|l| l.path.clone()).collect(),
            shown,
            enabled,
            rule: self.rule,
        }
    }

    /// The name each loaded scenario is listed, picked and drawn under (the file's name added
    /// where two files name their scenarios alike).
    pub fn display_names(&self) -> Vec<String> {
        let entries: Vec<(&str, Option<&Path>)> =
            self.loaded.iter().map(|l| (l.scenario.name.as_str(), l.path.as_deref())).collect();
        crate::model::loaded::display_names(&entries)
    }

    pub fn basis(&self) -> Option<&str> {
        self.basis.as_deref()
    }

    pub fn set_basis(&mut self, basis: Option<String>) {
        self.basis = basis;
    }

    /// The first scenario loaded from the file at `path`, if it is loaded.
    pub fn from_file(&self, path: &Path) -> Option<&Scenario> {
        self.loaded.iter().find(|l| l.path.as_deref() == Some(path)).map(|l| l.scenario.as_ref())
    }

    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Sets what is 基本完成; true when it changed.
    pub fn set_rule(&mut self, rule: Rule) -> bool {
        std::mem::replace(&mut self.rule, rule) != rule
    }

    pub fn pair(&self) -> (usize, usize) {
        self.pair
    }

    pub fn set_pair(&mut self, pair: (usize, usize)) {
        self.pair = pair;
    }

    /// Shows or hides scenario `k` in the charts. Returns true if it changed.
    pub fn toggle(&mut self, k: usize) -> bool {
        let Some(l) = self.loaded.get_mut(k) else { return false };
        l.enabled = !l.enabled;
        true
    }

    /// Shows the scenarios of file `path` (`None`: the built-in ones) that `shown` names, and
    /// hides the others, as a restart restores them. True when one changed.
    pub fn set_shown(&mut self, path: Option<&Path>, shown: impl Fn(&str) -> bool) -> bool {
        let mut changed = false;
        for l in self.loaded.iter_mut().filter(|l| l.path.as_deref() == path) {
            let on = shown(&l.scenario.name);
            changed |= l.enabled != on;
            l.enabled = on;
        }
        changed
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

    /// Every series of the scenarios from file `path` is of `kind`. True when one changed.
    pub fn set_file_kind(&mut self, path: &Path, kind: crate::model::scenario::SeriesKind) -> bool {
        let mut changed = false;
        for l in self.loaded.iter_mut().filter(|l| l.path.as_deref() == Some(path)) {
            if l.scenario.series.iter().any(|s| s.kind != kind) {
                Arc::make_mut(&mut l.scenario).series.iter_mut().for_each(|s| s.kind = kind);
                changed = true;
            }
        }
        changed
    }

    /// The files scenarios came from: all of them, or (`changed`) only those whose time on
    /// disk is not the one loaded.
    pub fn files(&self, changed: impl Fn(&Path, Option<SystemTime>) -> bool) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = Vec::new();
        for l in &self.loaded {
            if let Some(path) = &l.path
                && changed(path, l.modified)
                && !paths.contains(path)
            {
                paths.push(path.clone());
            }
        }
        paths
    }

    /// Some scenario comes from a file, which is watched for changes.
    pub fn from_files(&self) -> bool {
        self.loaded.iter().any(|l| l.path.is_some())
    }

    /// Adds a loaded file's scenarios, or replaces its older version where it was (a workbook
    /// may hold several; one the user hid stays hidden), and says so in `log`.
    pub fn add_file(&mut self, file: LoadedFile, log: &mut MessageLog, lang: Lang) {
        let LoadedFile { path, scenarios, warnings, modified, seq } = file;
        let shown = path.display().to_string();
        log.forget(&shown);
        log.diagnostics(warnings.iter().cloned());
        let names: Vec<String> = scenarios.iter().map(|s| format!("“{}”", s.name)).collect();
        let old: Vec<usize> = (0..self.loaded.len())
            .filter(|&k| self.loaded.get(k).is_some_and(|l| l.path.as_ref() == Some(&path)))
            .collect();
        // A reloaded scenario keeps its colour: its old slot, by name.
        let slots: Vec<(String, usize)> = old
            .iter()
            .filter_map(|&k| self.loaded.get(k))
            .map(|l| (l.scenario.name.clone(), l.scenario.colour_slot))
            .collect();
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
            None => (self.loaded.iter().position(|l| l.order > seq).unwrap_or(self.loaded.len()), seq, Vec::new()),
        };
        let reloaded = !old.is_empty();
        // Looked up by name and by data key, once per file: a workbook of a thousand
        // scenarios is not a million comparisons.
        let slots: HashMap<String, usize> = slots.into_iter().collect();
        let hidden: HashSet<String> = hidden.into_iter().collect();
        let mut colours =
            ColourSlots::new(self.loaded.iter().map(|l| l.scenario.colour_slot).chain(slots.values().copied()));
        let mut arrived = Vec::with_capacity(scenarios.len());
        let others = DataKeys::new(self.loaded.iter().filter(|l| l.path.as_deref() != Some(path.as_path())));
        for mut scenario in scenarios {
            scenario.colour_slot = match slots.get(&scenario.name) {
                Some(&slot) => slot,
                None => colours.take_free(),
            };
            let duplicate_of = others.same_data(&scenario);
            let enabled = !hidden.contains(&scenario.name) && (reloaded || duplicate_of.is_none());
            if let Some(other) = duplicate_of.as_ref().filter(|_| !reloaded) {
                let text = match lang {
                    Lang::Zh => format!(
                        "{shown}: “{}”与已载入的“{other}”数据完全相同：未在图表中显示，以免重复；需要时在情景页勾选显示，或移除",
                        scenario.name
                    ),
                    Lang::En => format!(
                        "{shown}: “{}” holds the very same data as “{other}”, already loaded: it is not drawn, so nothing shows twice; tick it on the scenario page to show it, or remove it",
                        scenario.name
                    ),
                };
                log.push_about(&shown, Severity::Warning, text);
            }
            let loaded = LoadedScenario {
                scenario: Arc::new(scenario),
                path: Some(path.clone()),
                warnings: warnings.clone(),
                enabled,
                modified,
                order,
                duplicate_of,
            };
            arrived.push(loaded);
        }
        drop(others);
        let at = at.min(self.loaded.len());
        self.loaded.splice(at..at, arrived);
    }

    /// A file that failed to load: its messages are said, and what was loaded stays. The
    /// failing version's time is kept, so it is not retried until it changes again (on every
    /// scenario of the file: one left behind would retry it each second).
    pub fn file_failed(
        &mut self,
        path: &Path,
        modified: Option<SystemTime>,
        diagnostics: Vec<Diagnostic>,
        log: &mut MessageLog,
    ) {
        for existing in self.loaded.iter_mut().filter(|l| l.path.as_deref() == Some(path)) {
            existing.modified = modified;
        }
        log.diagnostics(diagnostics);
    }
}

/// The loaded scenarios from elsewhere (built in, or other files) by their data key.
struct DataKeys<'a> {
    by_key: HashMap<u64, Vec<&'a LoadedScenario>>,
}

impl<'a> DataKeys<'a> {
    fn new(loaded: impl Iterator<Item = &'a LoadedScenario>) -> Self {
        let mut by_key: HashMap<u64, Vec<&'a LoadedScenario>> = HashMap::new();
        for l in loaded {
            by_key.entry(l.scenario.data_key()).or_default().push(l);
        }
        DataKeys { by_key }
    }

    /// The name of a scenario with the very data of `scenario`: the same series, points,
    /// kinds and sources.
    fn same_data(&self, scenario: &Scenario) -> Option<String> {
        let same = self.by_key.get(&scenario.data_key())?.iter().find(|l| l.scenario.same_data(scenario))?;
        Some(match &same.path {
            None => same.scenario.name.clone(),
            Some(p) => format!("{} · {}", same.scenario.name, p.file_name().unwrap_or_default().to_string_lossy()),
        })
    }
}

/// The colour slots in use, handing out the lowest free one at a time.
struct ColourSlots {
    taken: HashSet<usize>,
    next: usize,
}

impl ColourSlots {
    fn new(taken: impl Iterator<Item = usize>) -> Self {
        ColourSlots { taken: taken.collect(), next: 0 }
    }

    fn take_free(&mut self) -> usize {
        while self.taken.contains(&self.next) {
            self.next += 1;
        }
        self.taken.insert(self.next);
        self.next
    }
}

/// The lowest slot not in `taken`.
pub fn free_slot(taken: impl Iterator<Item = usize>) -> usize {
    let mut taken: Vec<usize> = taken.collect();
    taken.sort_unstable();
    taken.dedup();
    taken.iter().enumerate().find(|(k, slot)| *k != **slot).map_or(taken.len(), |(k, _)| k)
}
