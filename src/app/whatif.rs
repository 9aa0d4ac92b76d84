//! The what-if editor's state and commands: the scenario being made (model/whatif), the
//! measure and region picked for the next series, and the file it is saved to. Its chart is
//! the session's (`session::whatif`), kept per revision of the what-if.

use crate::ui::command::WhatIfCommand;
use std::path::PathBuf;

use egui::Ui;

use crate::i18n::{Lang, Msg, tr};
use crate::model::Severity;
use crate::model::diagnostics::Place;
use crate::model::scenario::{WHOLE_REGION, known_regions, scenario_to_ron, validate_scenario};
use crate::model::tabular::read::{TableFormat, table_format};
use crate::model::whatif::{PROVENANCE, WhatIf, starts};
use crate::ui::whatif_view::{WhatIfProps, whatif_ui};
use crate::ui::{Command, View};

#[derive(Default)]
pub struct WhatIfEditor {
    pub model: WhatIf,
    /// The measure and region the next series is for.
    measure: Option<String>,
    region: String,
    /// Where Save writes, as typed (empty: `<name>.ron` in the exports folder).
    file: String,
    /// Counts the what-if's changes: its chart is kept per revision.
    revision: u64,
}

impl WhatIfEditor {
    pub fn new(lang: Lang) -> Self {
        WhatIfEditor {
            model: WhatIf::new(tr(lang, Msg::WhatIfDefaultName)),
            region: WHOLE_REGION.to_string(),
            ..WhatIfEditor::default()
        }
    }

    /// The what-if changed: its chart is drawn anew.
    fn changed(&mut self) {
        self.revision += 1;
    }
}

impl super::PlanExplorerApp {
    pub(super) fn run_whatif(&mut self, command: WhatIfCommand) {
        let doc = std::sync::Arc::clone(self.session.doc());
        let plan = &doc.plan;
        let w = &mut self.whatif;
        let changed = match command {
            WhatIfCommand::Pick { measure, region } => {
                if let Some(m) = measure {
                    w.measure = Some(m);
                }
                if let Some(r) = region {
                    w.region = r;
                }
                false
            }
            WhatIfCommand::Begin(from) => {
                let measure = w.measure.clone().or_else(|| self.settings.selected_measures.first().cloned());
                let Some(measure) = measure else { return };
                let enabled = self.session.shown_scenarios();
                let start = starts(plan, &enabled, &measure, &w.region).into_iter().find(|s| s.from == from);
                match start {
                    Some(start) => {
                        w.model.begin(plan, &measure, &w.region.clone(), start);
                        true
                    }
                    None => {
                        self.log.push(Severity::Warning, tr(self.settings.lang, Msg::NoStart).to_string());
                        false
                    }
                }
            }
            WhatIfCommand::Growth(rate) => w.model.set_growth(rate),
            WhatIfCommand::Line(value) => w.model.set_line(value),
            WhatIfCommand::Drag { year, value, first } => w.model.drag(year, value, first),
            WhatIfCommand::Undo => w.model.undo(),
            WhatIfCommand::Redo => w.model.redo(),
            WhatIfCommand::Select(k) => {
                w.model.select(k);
                true
            }
            WhatIfCommand::Remove => w.model.remove_current(),
            WhatIfCommand::Rename(name) => {
                w.model.rename(&name);
                true
            }
            WhatIfCommand::SetFile(file) => {
                w.file = file;
                false
            }
            WhatIfCommand::Save => {
                self.save_whatif();
                false
            }
            WhatIfCommand::Edit(k) => {
                let all = self.session.scenarios().loaded();
                let Some(loaded) = all.get(k) else { return };
                // Saved back in place only when the file is this what-if alone; any other
                // scenario (a workbook of several, sourced statistics) starts a new what-if
                // from its values, saved to a new file, and the original stays as it was.
                let alone = loaded.path.is_some() && all.iter().filter(|l| l.path == loaded.path).count() == 1;
                let own = alone && loaded.scenario.series.iter().all(|s| s.source.starts_with(PROVENANCE));
                let file = if own { loaded.path.clone() } else { None };
                w.model = WhatIf::from_scenario(&loaded.scenario, plan, file.clone());
                if !own {
                    let name =
                        format!("{}（{}）", loaded.scenario.name, tr(self.settings.lang, Msg::WhatIfDefaultName));
                    w.model.rename(&name);
                }
                w.file = file.map(|p| p.display().to_string()).unwrap_or_default();
                if let Some(d) = w.model.draft() {
                    w.measure = Some(d.measure.clone());
                    w.region = d.region.clone();
                }
                self.settings.view = View::WhatIf;
                true
            }
        };
        if changed {
            self.whatif.changed();
        }
    }

    /// The file Save writes: as typed, or `<name>.ron` in the exports folder.
    fn whatif_file(&self) -> PathBuf {
        let typed = self.whatif.file.trim();
        if !typed.is_empty() {
            return PathBuf::from(typed);
        }
        let name: String = self
            .whatif
            .model
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
            .collect();
        self.exports.dir().join(format!("{}.ron", if name.is_empty() { "what-if" } else { &name }))
    }

    /// Writes the what-if (RON, or xlsx by its extension) atomically, then loads it as a
    /// scenario like any opened file, so it is listed, compared and watched.
    fn save_whatif(&mut self) {
        let lang = self.settings.lang;
        let path = self.whatif_file();
        let plan = &self.session.doc().plan;
        let scenario = self.whatif.model.to_scenario(plan);
        // Checked as loading will check it: a file the app would refuse is not written.
        let shown = path.display().to_string();
        let problems = validate_scenario(&scenario, plan, &shown, &|_| Place::Text(0, 0));
        if problems.iter().any(|d| d.is_error()) {
            self.log.diagnostics(problems);
            return;
        }
        let bytes = match table_format(&path) {
            Some(TableFormat::Xlsx) => crate::model::tabular::write::xlsx(&[&scenario]).map_err(|e| e.to_string()),
            // A CSV cannot hold the provenance of the start and of each point apart.
            Some(_) => Err("a what-if is saved as .ron or .xlsx".to_string()),
            None => scenario_to_ron(&scenario).map(String::into_bytes).map_err(|e| e.to_string()),
        };
        let written = bytes.and_then(|bytes| {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            }
            crate::fsutil::write_atomically(&path, &bytes).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => {
                self.log.info(format!("{}{}", tr(lang, Msg::Saved), path.display()));
                self.whatif.model.file = Some(path.clone());
                self.whatif.file = path.display().to_string();
                self.scenarios.open(vec![path]);
            }
            Err(e) => self.log.push(Severity::Error, format!("{}: {e}", path.display())),
        }
    }

    /// The chart of the series in hand (for tests): the plan's baseline and target, every
    /// shown scenario but the what-if's own saved file, and the what-if itself.
    pub fn whatif_chart(&self) -> Option<std::sync::Arc<crate::model::chart::Chart>> {
        self.session.whatif_chart(&self.whatif.model, self.whatif.revision, self.settings.lang)
    }

    pub(super) fn whatif_page(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.settings.lang;
        let chart = self.whatif_chart();
        let measure = self.whatif.measure.clone().or_else(|| self.settings.selected_measures.first().cloned());
        let plan = &self.session.doc().plan;
        let enabled = self.session.shown_scenarios();
        let offered = measure.as_deref().map(|m| starts(plan, &enabled, m, &self.whatif.region)).unwrap_or_default();
        let measures: Vec<(String, String)> = crate::model::Measure::group(&plan.indicators)
            .iter()
            .map(|m| (m.key.to_string(), m.name().to_string()))
            .collect();
        let regions = known_regions(plan);
        let editable: Vec<(usize, String)> = self
            .session
            .scenarios()
            .loaded()
            .iter()
            .zip(self.session.scenarios().display_names())
            .enumerate()
            .filter(|(_, (l, _))| l.path.is_some())
            .map(|(k, (_, name))| (k, name))
            .collect();
        let default_file = self.whatif_file().display().to_string();
        let props = WhatIfProps {
            lang,
            model: &self.whatif.model,
            measure: measure.as_deref(),
            region: &self.whatif.region,
            measures: &measures,
            regions: &regions,
            starts: &offered,
            chart: chart.as_deref(),
            file: &self.whatif.file,
            default_file: &default_file,
            editable: &editable,
        };
        whatif_ui(ui, &props, &mut self.views.whatif)
    }
}

impl super::PlanExplorerApp {
    /// The what-if being edited (for tests).
    pub fn whatif(&self) -> &WhatIf {
        &self.whatif.model
    }
}
