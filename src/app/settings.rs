//! What is remembered between runs — and only that. Loaded data, caches and what the views
//! hold while the app runs live elsewhere (`app::PlanExplorerApp`).

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::i18n::{Msg, tr};
use crate::model::load::{decode_text, parse_ron, read_limited};
use crate::model::{Diagnostic, Severity};
use crate::ui::{MapChoice, RegionFilter, RegionalChoice, View};

/// The key under which versions before the settings file kept the settings in eframe's
/// storage; read once to carry them over.
pub const STATE_KEY: &str = "plan-explorer-state";

/// The settings file in the app's data folder. Written atomically, so a crash or a full disk
/// during a save leaves the last good settings in place.
pub const SETTINGS_FILE: &str = "settings.ron";

/// Settings are a few kilobytes; a larger file is damaged or hostile and is not read.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// The window zoom the app accepts.
const ZOOM: std::ops::RangeInclusive<f32> = 0.5..=3.0;
/// The presenter's type scale.
const PRESENTER_SCALE: std::ops::RangeInclusive<f32> = 0.6..=2.5;
/// One step of the presenter's A+ and A−.
const PRESENTER_STEP: f32 = 0.1;

/// Scenario files remembered in the recent list.
pub const MAX_RECENT: usize = 10;

/// Scenario files reopened at a start.
pub const MAX_OPEN_FILES: usize = 100;

/// The persisted settings. Field names are the file format: renaming one forgets it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub view: View,
    /// The selected node's id.
    pub selected: Option<String>,
    /// Ids of the expanded nodes.
    pub expanded: BTreeSet<String>,
    pub lang: Lang,
    pub dark: bool,
    pub region_filter: RegionFilter,
    pub zoom: f32,
    pub selected_measures: Vec<String>,
    pub index_mode: bool,
    /// The indicator chart's value axis is logarithmic.
    pub log_scale: bool,
    /// The indicator chart shows every source of the actual values, not only the preferred one.
    pub all_sources: bool,
    /// The part of the region the indicator chart shows (`None`: the whole region).
    pub chart_region: Option<String>,
    /// Scenario files opened recently, newest first.
    pub recent: Vec<String>,
    /// The projector theme: light, black text, strong lines.
    pub high_contrast: bool,
    /// Presenter type scale.
    pub presenter_scale: f32,
    /// What the regional page shows.
    pub regional: RegionalChoice,
    /// What the map page colours by.
    pub map: MapChoice,
    /// The kind a file's values were set to on the scenario page, by the file's path as the
    /// recent list shows it.
    pub kinds: std::collections::BTreeMap<String, crate::model::scenario::SeriesKind>,
    /// The scenario files open when the settings were saved, in the list's order, reopened at
    /// the next start when the command line names none.
    pub open_files: Vec<OpenFile>,
    /// The built-in scenarios the user hid.
    pub hidden_built_in: Vec<String>,
    /// The final evaluation's 基本完成: from this share of the target, in percent.
    pub nearly_met_percent: f64,
}

/// A scenario file open in the last session, with the names of its scenarios the charts did
/// not show (a file's scenarios are listed by name: a reload may add or drop some).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenFile {
    /// As the recent list shows it.
    pub path: String,
    pub hidden: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            view: View::Overview,
            selected: None,
            expanded: ["pt1", "pt2", "pt3", "pt4", "pt5", "pt6"].iter().map(|s| s.to_string()).collect(),
            lang: Lang::Zh,
            dark: false,
            region_filter: RegionFilter::All,
            zoom: 1.0,
            selected_measures: vec!["rd_intensity".into()],
            index_mode: false,
            log_scale: false,
            all_sources: false,
            chart_region: None,
            recent: Vec::new(),
            high_contrast: false,
            presenter_scale: 1.0,
            regional: RegionalChoice::default(),
            map: MapChoice::default(),
            kinds: Default::default(),
            open_files: Vec::new(),
            hidden_built_in: Vec::new(),
            nearly_met_percent: crate::model::evaluation::Rule::DEFAULT_PERCENT,
        }
    }
}

impl Settings {
    /// Puts a file at the top of the recent list (once), keeping the list short.
    pub fn remember_recent(&mut self, shown: String) {
        self.recent.retain(|r| *r != shown);
        self.recent.insert(0, shown);
        self.recent.truncate(MAX_RECENT);
        self.forget_kinds_of_unlisted_files();
    }

    /// A kind is kept with its file's entry in the recent list, and goes with it.
    fn forget_kinds_of_unlisted_files(&mut self) {
        let recent = &self.recent;
        self.kinds.retain(|path, _| recent.contains(path));
    }

    pub fn bigger_presenter_type(&mut self) {
        self.presenter_scale = (self.presenter_scale + PRESENTER_STEP).min(*PRESENTER_SCALE.end());
    }

    pub fn smaller_presenter_type(&mut self) {
        self.presenter_scale = (self.presenter_scale - PRESENTER_STEP).max(*PRESENTER_SCALE.start());
    }

    /// Keeps what was read within what the app uses, whatever the file said.
    pub fn bound(&mut self) {
        self.recent.truncate(MAX_RECENT);
        self.forget_kinds_of_unlisted_files();
        // A session holds the files a user opens, not a list a hostile file makes long.
        self.open_files.truncate(MAX_OPEN_FILES);
        self.hidden_built_in.truncate(MAX_OPEN_FILES);
        let within = |v: f32, range: &std::ops::RangeInclusive<f32>| {
            if v.is_finite() { v.clamp(*range.start(), *range.end()) } else { 1.0 }
        };
        self.zoom = within(self.zoom, &ZOOM);
        self.presenter_scale = within(self.presenter_scale, &PRESENTER_SCALE);
        self.nearly_met_percent = crate::model::evaluation::Rule::new(self.nearly_met_percent).nearly_met_percent;
    }
}

/// Reads the settings file of `dir` (the caller bounds what it says, as for settings from
/// anywhere). `Ok(None)`: there is none yet. A file that is too large or damaged gives its
/// message; the caller starts from defaults and keeps the file until the next save replaces it.
pub fn load(dir: &Path) -> Result<Option<Settings>, Diagnostic> {
    let path = dir.join(SETTINGS_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let name = path.display().to_string();
    let bytes = read_limited(&path, MAX_SETTINGS_BYTES)?;
    let text = decode_text(&bytes, &name)?;
    parse_ron(&text, &name).map(Some)
}

/// Writes the settings into `dir` atomically.
pub fn save(dir: &Path, settings: &Settings) -> std::io::Result<()> {
    let text =
        ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default()).map_err(std::io::Error::other)?;
    std::fs::create_dir_all(dir)?;
    crate::fsutil::write_atomically(&dir.join(SETTINGS_FILE), text.as_bytes())
}

impl super::PlanExplorerApp {
    /// Writes the settings file; a failure is said in the message panel and the previous
    /// file stays as it was.
    pub fn save_settings(&mut self) {
        let Some(dir) = &self.settings_dir else { return };
        if let Err(e) = save(dir, &self.saved_settings()) {
            let file = dir.join(SETTINGS_FILE).display().to_string();
            self.log.push_about(
                &file,
                Severity::Error,
                format!("{file}: {}: {e}", tr(self.settings.lang, Msg::CannotWrite)),
            );
        }
    }
}
