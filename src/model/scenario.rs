//! Scenario files: series of values per indicator, region and year, each with its unit and
//! source. The shipped actual values are one; analysts' projections and alternative targets
//! are others. Loading validates what serde cannot and reports file, line and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::diagnostics::{Diagnostic, position_of};
use super::indicators::Measure;
use super::load::{MAX_FILE_BYTES, decode_text, parse_ron, read_limited};
use super::plan::Plan;

pub const SCENARIO_FORMAT_VERSION: u32 = 1;
/// The region code of the whole autonomous region.
pub const WHOLE_REGION: &str = "全区";

pub const EMBEDDED_ACTUALS: &str = include_str!("../../scenarios/actual-2010-2023.ron");
pub const EMBEDDED_ACTUALS_NAME: &str = "scenarios/actual-2010-2023.ron";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format_version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Title of the plan the scenario applies to.
    pub plan: String,
    /// Indicators that are not measures of the plan (context statistics such as GDP).
    #[serde(default)]
    pub extra_indicators: Vec<ExtraIndicator>,
    pub series: Vec<Series>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraIndicator {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub unit: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeriesKind {
    /// Observed statistics.
    Actual,
    /// Computed by a stated method; drawn dashed.
    Projection,
    /// Alternative targets (another plan's, a revision).
    Target,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    /// A measure of the plan (`rd_intensity`) or an extra indicator of the file.
    pub indicator: String,
    /// `全区`, `东部`, `西部` or a 盟市 short name.
    pub region: String,
    pub unit: String,
    pub kind: SeriesKind,
    pub label: String,
    /// A citation or URL, or `projection: <method>`.
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub year: u16,
    pub value: f64,
    /// Where this value was read (URL), when it differs per point.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// The formula, when the value was converted or computed from sourced values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

impl Scenario {
    /// The series of one indicator and region, in file order.
    pub fn series_for<'a>(&'a self, indicator: &'a str, region: &'a str) -> impl Iterator<Item = &'a Series> + 'a {
        self.series.iter().filter(move |s| s.indicator == indicator && s.region == region)
    }

    pub fn indicator_name<'a>(&'a self, plan: &'a Plan, id: &str) -> Option<&'a str> {
        plan.indicators
            .iter()
            .find(|i| i.measure == id)
            .map(|i| i.name.as_str())
            .or_else(|| self.extra_indicators.iter().find(|e| e.id == id).map(|e| e.name.as_str()))
    }
}

/// Every region code a series may use: the whole region, the two halves and the 盟市.
pub fn known_regions(plan: &Plan) -> Vec<String> {
    let mut regions = vec![WHOLE_REGION.to_string(), "东部".to_string(), "西部".to_string()];
    regions.extend(plan.places.cities.iter().map(|c| c.name.clone()));
    regions
}

/// Loads and validates a scenario from RON text against `plan`. Warnings come back with the
/// scenario; errors refuse it.
pub fn load_scenario_str(src: &str, file: &str, plan: &Plan) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let scenario: Scenario = parse_ron(src, file).map_err(|d| vec![d])?;
    let problems = validate_scenario(&scenario, plan, src, file);
    if problems.iter().any(Diagnostic::is_error) { Err(problems) } else { Ok((scenario, problems)) }
}

pub fn load_scenario_file(path: &Path, plan: &Plan) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
    let text = decode_text(&bytes, &name).map_err(|d| vec![d])?;
    load_scenario_str(&text, &name, plan)
}

/// The shipped actual values, checked by the tests.
pub fn embedded_actuals(plan: &Plan) -> Result<Scenario, Vec<Diagnostic>> {
    load_scenario_str(EMBEDDED_ACTUALS, EMBEDDED_ACTUALS_NAME, plan).map(|(s, _)| s)
}

fn validate_scenario(s: &Scenario, plan: &Plan, src: &str, file: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let series_pos =
        |id: &str| position_of(src, &format!("id: {}", ron::to_string(id).unwrap_or_default()), 0).unwrap_or((1, 1));
    if s.format_version != SCENARIO_FORMAT_VERSION {
        out.push(Diagnostic::error(
            file,
            position_of(src, "format_version", 0).unwrap_or((1, 1)),
            format!("format_version {} is not supported: expected {SCENARIO_FORMAT_VERSION}", s.format_version),
        ));
    }
    let measures: HashMap<&str, &str> = Measure::group(&plan.indicators).iter().map(|m| (m.key, m.unit())).collect();
    let extras: HashMap<&str, &str> = s.extra_indicators.iter().map(|e| (e.id.as_str(), e.unit.as_str())).collect();
    let regions = known_regions(plan);
    let mut ids = HashSet::new();
    for series in &s.series {
        let at = series_pos(&series.id);
        if !ids.insert(series.id.as_str()) {
            out.push(Diagnostic::error(file, at, format!("duplicate series id `{}`", series.id)));
        }
        if !measures.contains_key(series.indicator.as_str()) && !extras.contains_key(series.indicator.as_str()) {
            out.push(Diagnostic::error(
                file,
                at,
                format!("series `{}`: unknown indicator `{}`", series.id, series.indicator),
            ));
        }
        if !regions.contains(&series.region) {
            out.push(Diagnostic::error(
                file,
                at,
                format!("series `{}`: unknown region `{}`", series.id, series.region),
            ));
        }
        let mut years = HashSet::new();
        for p in &series.points {
            if !years.insert(p.year) {
                out.push(Diagnostic::error(file, at, format!("series `{}`: year {} appears twice", series.id, p.year)));
            }
            if !p.value.is_finite() {
                out.push(Diagnostic::error(
                    file,
                    at,
                    format!("series `{}`: the value for {} is not a finite number", series.id, p.year),
                ));
            }
            if !(1949..=2100).contains(&p.year) {
                out.push(Diagnostic::error(
                    file,
                    at,
                    format!("series `{}`: year {} is not plausible", series.id, p.year),
                ));
            }
        }
    }
    out
}
