//! The views. Each draws from the model and returns [`Action`]s; only the app changes state.

pub mod chart;
pub mod fonts;
pub mod highlight;
pub mod i18n;
pub mod indicators_view;
pub mod node_view;
pub mod presenter;
pub mod regions_view;
pub mod scenarios_view;
pub mod status;
pub mod tree;

use serde::{Deserialize, Serialize};

use crate::model::Region;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    #[default]
    Reader,
    Indicators,
    Regions,
    Scenarios,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegionFilter {
    #[default]
    All,
    Region(Region),
    City(String),
}

/// What a view asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Select(usize),
    /// Select and switch to the reader.
    Open(usize),
    Toggle(usize),
    ExpandAll,
    CollapseAll,
    SetView(View),
    /// Show this measure in the indicator view.
    OpenMeasure(String),
    ToggleMeasure(String),
    SetIndexMode(bool),
    SetRegionFilter(RegionFilter),
    /// Narrow the tree to these nodes (and their ancestors), described by the label.
    FilterTree {
        label: String,
        nodes: Vec<usize>,
    },
    ClearTreeFilter,
    Copy(String),
}
