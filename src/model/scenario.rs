//! Scenario files: series of values per indicator, region and year, each with its unit and
//! source. The shipped actual values are one; analysts' projections and alternative targets
//! are others. Loading validates what serde cannot and reports file, line and column.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::diagnostics::Diagnostic;
use super::load::{MAX_FILE_BYTES, decode_text, parse_ron, read_limited};
use super::plan::Plan;
use super::ron_paths::Positions;

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
    /// Verdicts a person set on targets of the final evaluation, each with the reason (a
    /// judgement the numbers cannot make: a target met by a measure the data do not count).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<VerdictOverride>,
    /// The actual values shipped with the app, whose series are named by their own labels (a
    /// scenario from a file is named by its name wherever its series are drawn).
    #[serde(skip)]
    pub built_in: bool,
    /// Its place in the palette of series colours, given when it is loaded and kept while it
    /// is (see `session::scenarios`): adding, editing or removing another scenario never
    /// recolours it.
    #[serde(skip)]
    pub colour_slot: usize,
}

/// A verdict a person set on one target (its measure and target year), with why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictOverride {
    pub measure: String,
    pub year: u16,
    pub verdict: crate::model::evaluation::Verdict,
    /// Why: required, shown beside the verdict and in every export.
    pub note: String,
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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// A note left with the value by whoever entered it (the evaluation's 填报).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Series {
    /// Where point `p` of this series was read: its own source, else the series'.
    pub fn source_of<'a>(&'a self, p: &'a Point) -> &'a str {
        if p.source.is_empty() { &self.source } else { &p.source }
    }
}

/// Sources joined as one field (`a ; b`), each once, in the order given.
pub fn join_sources<'a>(sources: impl IntoIterator<Item = &'a str>) -> String {
    let mut all: Vec<&str> = Vec::new();
    for s in sources {
        if !all.contains(&s) {
            all.push(s);
        }
    }
    all.join(" ; ")
}

impl Scenario {
    /// A scenario of these series and nothing else (for the plan loaded: no title to check).
    pub fn of_series(name: &str, series: Vec<Series>) -> Self {
        Scenario {
            format_version: SCENARIO_FORMAT_VERSION,
            name: name.to_string(),
            description: String::new(),
            plan: String::new(),
            built_in: false,
            colour_slot: 0,
            extra_indicators: Vec::new(),
            verdicts: Vec::new(),
            series,
        }
    }

    /// The very same data as `other`: the same series (points, kinds, sources) and extra
    /// indicators, whatever the two are called.
    pub fn same_data(&self, other: &Scenario) -> bool {
        self.series == other.series
            && self.extra_indicators == other.extra_indicators
            && self.verdicts == other.verdicts
    }

    /// A hash of what [`Scenario::same_data`] compares: equal data, equal keys. Finding the
    /// duplicates among N scenarios goes through it, in O(N), not N² deep comparisons.
    pub fn data_key(&self) -> u64 {
        use std::hash::{BuildHasher, Hash, Hasher};
        let mut h = foldhash::fast::FixedState::with_seed(0x5ce7_a210).build_hasher();
        for s in &self.series {
            (&s.id, &s.indicator, &s.region, &s.unit, s.kind, &s.label, &s.source, &s.note).hash(&mut h);
            for p in &s.points {
                (p.year, p.value.to_bits(), &p.source, &p.quote, &p.derived, &p.note).hash(&mut h);
            }
            s.points.len().hash(&mut h);
        }
        for e in &self.extra_indicators {
            (&e.id, &e.name, &e.name_en, &e.unit).hash(&mut h);
        }
        for v in &self.verdicts {
            (&v.measure, v.year, v.verdict, &v.note).hash(&mut h);
        }
        (self.series.len(), self.extra_indicators.len(), self.verdicts.len()).hash(&mut h);
        h.finish()
    }

    /// The series of one indicator and region, in file order.
    pub fn series_for<'a>(&'a self, indicator: &'a str, region: &'a str) -> impl Iterator<Item = &'a Series> + 'a {
        self.series.iter().filter(move |s| s.indicator == indicator && s.region == region)
    }

    /// The observed (actual) series of a measure for the whole region: what progress is
    /// judged against.
    pub fn actual_series<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a Series> + 'a {
        self.series_for(indicator, WHOLE_REGION).filter(|s| s.kind == SeriesKind::Actual)
    }

    pub fn indicator_name<'a>(&'a self, plan: &'a Plan, id: &str) -> Option<&'a str> {
        self.indicator_names(plan, id).map(|(zh, _)| zh)
    }

    /// [`Scenario::indicator_name`] in English, where the plan or the file gives one.
    pub fn indicator_name_en<'a>(&'a self, plan: &'a Plan, id: &str) -> Option<&'a str> {
        self.indicator_names(plan, id).map(|(_, en)| en).filter(|n| !n.is_empty())
    }

    /// An indicator's Chinese and English names: the plan's, else the file's own.
    fn indicator_names<'a>(&'a self, plan: &'a Plan, id: &str) -> Option<(&'a str, &'a str)> {
        plan.indicators.iter().find(|i| i.measure == id).map(|i| (i.name.as_str(), i.name_en.as_str())).or_else(|| {
            self.extra_indicators.iter().find(|e| e.id == id).map(|e| (e.name.as_str(), e.name_en.as_str()))
        })
    }
}

/// The whole region's actual series of every indicator across some scenarios, in scenario
/// and file order: gathered in one pass, then looked up per measure (a plan 100× larger has
/// 10,000 measures, and a scan of every series for each was most of a scenario's arrival).
pub struct ActualSeries<'a> {
    by_indicator: HashMap<&'a str, Vec<&'a Series>>,
}

impl<'a> ActualSeries<'a> {
    pub fn new(scenarios: &[&'a Scenario]) -> Self {
        let mut by_indicator: HashMap<&'a str, Vec<&'a Series>> = HashMap::new();
        for scenario in scenarios {
            for s in scenario.series.iter().filter(|s| s.region == WHOLE_REGION && s.kind == SeriesKind::Actual) {
                by_indicator.entry(s.indicator.as_str()).or_default().push(s);
            }
        }
        ActualSeries { by_indicator }
    }

    /// Same as `scenarios.iter().flat_map(|s| s.actual_series(indicator))`.
    pub fn of(&self, indicator: &str) -> &[&'a Series] {
        self.by_indicator.get(indicator).map_or(&[], Vec::as_slice)
    }
}

/// A measure's actual series: of its whole-region actual series (in scenario and file order),
/// the first with a value in the target year (the one the final evaluation judges by), else
/// the first with any value. The chart draws it as the measure's own, the indicator table, the
/// start page's tile and the slide's caption give its latest value and name it, the progress
/// status is read from it: one question, one answer, everywhere.
pub fn the_actual_series<'a>(series: &[&'a Series], target_year: Option<u16>) -> Option<&'a Series> {
    let has = |s: &&&'a Series, year: Option<u16>| {
        s.points.iter().any(|p| p.value.is_finite() && year.is_none_or(|y| p.year == y))
    };
    let in_target_year = target_year.and_then(|y| series.iter().find(|s| has(s, Some(y))));
    in_target_year.or_else(|| series.iter().find(|s| has(s, None))).copied()
}

/// The scope of national figures, shown for comparison.
pub const NATIONAL: &str = "全国";

/// Every region code a series may use: the whole region, the two halves, the 盟市, and the
/// nation for comparison.
pub fn known_regions(plan: &Plan) -> Vec<String> {
    let mut regions = vec![WHOLE_REGION.to_string()];
    regions.extend(super::places::Region::ALL.iter().map(|r| r.name_zh().to_string()));
    regions.extend(plan.places.cities.iter().map(|c| c.name.clone()));
    regions.push(NATIONAL.to_string());
    regions
}

/// Loads and validates a scenario from RON text against `plan`. Warnings come back with the
/// scenario; errors refuse it.
pub fn load_scenario_str(src: &str, file: &str, plan: &Plan) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let scenario: Scenario = parse_ron(src, file).map_err(|d| vec![d])?;
    let positions = Positions::new(src);
    let problems = validate_scenario(&scenario, plan, file, &|path| positions.of(path).into());
    if problems.iter().any(Diagnostic::is_error) { Err(problems) } else { Ok((scenario, problems)) }
}

pub fn load_scenario_file(path: &Path, plan: &Plan) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|d| vec![d])?;
    let text = decode_text(&bytes, &name).map_err(|d| vec![d])?;
    load_scenario_str(&text, &name, plan)
}

/// A scenario as a RON file, as the app's own files are written (two-space indent).
pub fn scenario_to_ron(scenario: &Scenario) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string()).struct_names(false);
    ron::ser::to_string_pretty(scenario, config).map(|text| format!("{text}\n"))
}

/// The shipped actual values, checked by the tests.
pub fn embedded_actuals(plan: &Plan) -> Result<Scenario, Vec<Diagnostic>> {
    load_scenario_str(EMBEDDED_ACTUALS, EMBEDDED_ACTUALS_NAME, plan).map(|(s, _)| Scenario { built_in: true, ..s })
}

mod validate;
pub use validate::{ScenarioRules, nearest, validate_scenario, validate_with};
