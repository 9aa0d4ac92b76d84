//! What is remembered between runs — and only that. Loaded data, caches and what the views
//! hold while the app runs live elsewhere (`app::PlanExplorerApp`).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::ui::i18n::Lang;
use crate::ui::{RegionFilter, View};

/// The key of the settings in eframe's storage.
pub const STATE_KEY: &str = "plan-explorer-state";

/// Scenario files remembered in the recent list.
pub const MAX_RECENT: usize = 10;

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
    /// Scenario files opened recently, newest first.
    pub recent: Vec<String>,
    /// The projector theme: light, black text, strong lines.
    pub high_contrast: bool,
    /// Presenter type scale.
    pub presenter_scale: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            view: View::Reader,
            selected: None,
            expanded: ["pt1", "pt2", "pt3", "pt4", "pt5", "pt6"].iter().map(|s| s.to_string()).collect(),
            lang: Lang::Zh,
            dark: false,
            region_filter: RegionFilter::All,
            zoom: 1.0,
            selected_measures: vec!["rd_intensity".into()],
            index_mode: false,
            recent: Vec::new(),
            high_contrast: false,
            presenter_scale: 1.0,
        }
    }
}

impl Settings {
    /// Puts a file at the top of the recent list (once), keeping the list short.
    pub fn remember_recent(&mut self, shown: String) {
        self.recent.retain(|r| *r != shown);
        self.recent.insert(0, shown);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn bigger_presenter_type(&mut self) {
        self.presenter_scale = (self.presenter_scale + 0.1).min(2.5);
    }

    pub fn smaller_presenter_type(&mut self) {
        self.presenter_scale = (self.presenter_scale - 0.1).max(0.6);
    }
}
