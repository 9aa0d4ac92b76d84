//! What one slide shows, built once (`session::slides`) and drawn by everything that shows a
//! slide: the presenter in the window, the exported PNG, every page of the PDF and HTML
//! briefings, and the slide's CSV. Nothing draws a slide from anything else.

use std::sync::Arc;

use super::chart::Chart;
use super::map::spec::MapSpec;
use super::regional::StatTable;
use super::table::Table;

#[derive(Clone, Debug)]
pub struct SlideSpec {
    pub title: String,
    pub unit: String,
    pub caption: String,
    pub sources: Vec<String>,
    /// The notes on chart years, as words under the slide (`注：GDP修订（2018）`); the chart
    /// carries them as labelled rules too.
    pub notes: Vec<String>,
    pub body: SlideBody,
}

#[derive(Clone, Debug)]
pub enum SlideBody {
    Chart(Chart),
    /// A table in large type (the evaluation, a chapter's targets).
    Table(Table),
    /// A statistic per 盟市 with east and west: bars in the window, its table (`data`) on
    /// paper.
    Regional {
        table: StatTable,
        data: Table,
    },
    Map {
        map: Arc<MapSpec>,
        data: Table,
    },
    /// What could not be drawn, and why (the map's boundaries failed to load).
    Missing(String),
    /// A cover: the title (the spec's) in large type, the date and the presenter's line.
    Cover {
        date: String,
        presenter: String,
    },
}

impl SlideSpec {
    /// The table a slide's CSV export and its printed page show, where it is not a chart.
    pub fn table(&self) -> Option<&Table> {
        match &self.body {
            SlideBody::Table(t) | SlideBody::Regional { data: t, .. } | SlideBody::Map { data: t, .. } => Some(t),
            SlideBody::Chart(_) | SlideBody::Missing(_) | SlideBody::Cover { .. } => None,
        }
    }
}
