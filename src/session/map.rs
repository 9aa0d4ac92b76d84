//! The map of the 12 盟市 for one quantity (the plan's own counts, or a per-盟市 statistic of
//! the shown scenarios) in one year: one function from the quantity, the year and the
//! scenarios to the [`MapSpec`] the map page, slides, SVG, PNG and JSON all draw.

use std::sync::Arc;

use super::Session;
use crate::i18n::{Lang, Msg, pick, tr};
use crate::model::map::spec::{MapInput, MapSpec};
use crate::model::map::{values_from_counts, values_from_table};
use crate::model::regional::PlanMetric;

/// A quantity the map can be coloured by.
#[derive(Clone, Debug, PartialEq)]
pub struct MapQuantity {
    /// As a deck and `plan-explorer map --series` name it: `tasks`, `gdp`.
    pub series: String,
    /// A statistic's unit (one indicator may be published in two units).
    pub unit: Option<String>,
    /// As the map page lists it (a statistic with its unit).
    pub label: String,
    /// The years it has values for (none for the plan's counts).
    pub years: Vec<u16>,
}

impl Session {
    /// The plan's own counts first, then every per-盟市 statistic of the shown scenarios.
    pub fn map_quantities(&self, lang: Lang) -> Vec<MapQuantity> {
        let counts = PlanMetric::ALL.iter().map(|m| MapQuantity {
            series: m.id().to_string(),
            unit: None,
            label: pick(lang, m.name_zh(), m.name_en()).to_string(),
            years: Vec::new(),
        });
        let stats = self.stat_options().iter().map(|o| MapQuantity {
            series: o.indicator.clone(),
            unit: Some(o.unit.clone()),
            label: o.label(lang),
            years: o.years.clone(),
        });
        counts.chain(stats).collect()
    }

    /// The map of `series` (in `unit`, for a statistic published in several; `None`: its
    /// first) in `year` (a statistic's default year when it has no such year), built once per
    /// quantity, year and language. A statistic no shown scenario has is a map of gaps; `Err`
    /// says why there is no map at all (the boundaries failed to load).
    pub fn map(&self, series: &str, unit: Option<&str>, year: Option<u16>, lang: Lang) -> Result<Arc<MapSpec>, String> {
        let key = (series.to_string(), unit.map(str::to_string), year, lang);
        let built = self.derived.maps.get_or(key, || self.build_map(series, unit, year, lang));
        Result::clone(&built)
    }

    fn build_map(
        &self,
        series: &str,
        unit: Option<&str>,
        year: Option<u16>,
        lang: Lang,
    ) -> Result<Arc<MapSpec>, String> {
        let geometry = Arc::clone(self.map_geometry()?);
        let places = &self.doc().plan.places;
        let input = |series: &str, name: String| MapInput {
            series: series.to_string(),
            name,
            unit: String::new(),
            year: None,
            values: Vec::new(),
            halves: Vec::new(),
            pins: Arc::clone(self.pins()),
            grouping_source: places.grouping_source.clone(),
            lang,
            geometry: Arc::clone(&geometry),
        };
        if let Some(metric) = PlanMetric::from_id(series) {
            let counts = self.plan_counts(metric);
            let name = pick(lang, metric.name_zh(), metric.name_en()).to_string();
            let values = values_from_counts(places, counts, tr(lang, Msg::MapCounts));
            return Ok(Arc::new(MapSpec::new(MapInput { values, ..input(metric.id(), name) })));
        }
        let table =
            self.stat_index(series, unit).and_then(|k| Some((self.stat_options().get(k)?, self.stat_table(k, year)?)));
        // A statistic no shown scenario has (a deck may name one): every 盟市 a gap.
        let Some((option, table)) = table else {
            return Ok(Arc::new(MapSpec::new(MapInput { year, ..input(series, series.to_string()) })));
        };
        Ok(Arc::new(MapSpec::new(MapInput {
            unit: table.unit.clone(),
            year: Some(table.year),
            values: values_from_table(places, &table),
            halves: table.stated_halves(lang),
            ..input(series, option.name.clone())
        })))
    }
}
