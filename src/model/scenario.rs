//! Scenario files: series of values per indicator, region and year, each with its unit and
//! source. The shipped actual values are one; analysts' projections and alternative targets
//! are others. Loading validates what serde cannot and reports file, line and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::chart::axis::{MAX_CHART_VALUE, MIN_LOG_VALUE};
use super::diagnostics::{Diagnostic, Place, suggestion_zh};
use super::indicators::Measure;
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
    /// The very same data as `other`: the same series (points, kinds, sources) and extra
    /// indicators, whatever the two are called.
    pub fn same_data(&self, other: &Scenario) -> bool {
        self.series == other.series && self.extra_indicators == other.extra_indicators
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
        (self.series.len(), self.extra_indicators.len()).hash(&mut h);
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

/// Units whose values count things and so cannot be negative.
const COUNT_UNITS: [&str; 12] = ["个", "家", "件", "人", "项", "名", "位", "篇", "万人", "万件", "万个", "人年"];

/// At most this many messages per file; the rest are counted.
const MAX_DIAGNOSTICS: usize = 200;

/// The known id closest to `wanted`, if it is close enough to be a likely typo.
/// Names whose lengths are too far apart to score 0.5 are never compared (the distance is at
/// least the difference in length), so a megabyte-long name costs one count of its
/// characters, not a megabyte times every known name.
pub fn nearest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    const LONGEST_COMPARED: usize = 200;
    let wanted_len = wanted.chars().take(LONGEST_COMPARED + 1).count();
    if wanted_len > LONGEST_COMPARED {
        return None;
    }
    known
        .into_iter()
        .filter(|k| {
            let len = k.chars().count();
            2 * len.abs_diff(wanted_len) <= len.max(wanted_len)
        })
        .map(|k| (strsim::normalized_levenshtein(wanted, k), k))
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
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

/// Checks what serde cannot; `locate` says where a field (`series[3].points[2].value`) is in
/// the file: a RON line and column, or a spreadsheet's cell.
pub fn validate_scenario(s: &Scenario, plan: &Plan, file: &str, locate: &dyn Fn(&str) -> Place) -> Vec<Diagnostic> {
    validate_with(&ScenarioRules::new(plan), s, file, locate)
}

/// What every scenario is checked against that depends only on the plan: built once for a
/// file of a thousand scenarios, not once for each.
pub struct ScenarioRules<'a> {
    title: &'a str,
    /// The plan's measures and their units.
    units: HashMap<&'a str, &'a str>,
    /// The measures by their lower-case id, to refuse an id that differs only by case.
    lower: HashMap<String, &'a str>,
    regions: Vec<String>,
    period: (u16, u16),
    /// Years not far outside the plan's period.
    years: std::ops::RangeInclusive<u16>,
}

impl<'a> ScenarioRules<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let units: HashMap<&str, &str> = Measure::group(&plan.indicators).iter().map(|m| (m.key, m.unit())).collect();
        let lower = units.keys().map(|k| (k.to_lowercase(), *k)).collect();
        ScenarioRules {
            title: &plan.meta.title,
            units,
            lower,
            regions: known_regions(plan),
            period: (plan.meta.period_start, plan.meta.period_end),
            years: plan.meta.period_start.saturating_sub(15)..=plan.meta.period_end.saturating_add(15),
        }
    }
}

/// [`validate_scenario`] with the plan's rules built beforehand.
pub fn validate_with(
    rules: &ScenarioRules,
    s: &Scenario,
    file: &str,
    locate: &dyn Fn(&str) -> Place,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if s.format_version != SCENARIO_FORMAT_VERSION {
        out.push(
            Diagnostic::error(
                file,
                locate("format_version"),
                format!("format_version {} is not supported: expected {SCENARIO_FORMAT_VERSION}", s.format_version),
            )
            .zh(format!("不支持的 format_version {}：应为 {SCENARIO_FORMAT_VERSION}", s.format_version)),
        );
    }
    if s.plan != rules.title {
        out.push(
            Diagnostic::warning(
                file,
                locate("plan"),
                format!("the scenario is for plan `{}`, the loaded plan is `{}`", s.plan, rules.title),
            )
            .zh(format!("此情景属于规划《{}》，当前载入的是《{}》", s.plan, rules.title)),
        );
    }
    super::text_fields::check(s, file, locate, &mut out);
    let mut units = rules.units.clone();
    let mut extra_ids: HashMap<String, &str> = HashMap::new();
    for (i, e) in s.extra_indicators.iter().enumerate() {
        let at = locate(&format!("extra_indicators[{i}].id"));
        let lower = e.id.to_lowercase();
        if units.contains_key(e.id.as_str()) && !extra_ids.contains_key(&lower) {
            out.push(
                Diagnostic::error(
                    file,
                    at,
                    format!("extra indicator `{}` collides with an indicator of the plan", e.id),
                )
                .zh(format!("附加指标 `{}` 与规划的指标重名", e.id)),
            );
        } else if let Some(measure) = rules.lower.get(&lower) {
            out.push(
                Diagnostic::error(
                    file,
                    at,
                    format!(
                        "extra indicator `{}` differs from the plan's measure `{measure}` only by case: name it apart",
                        e.id
                    ),
                )
                .zh(format!("附加指标 `{}` 与规划的指标 `{measure}` 仅大小写不同：请另取一个 id", e.id)),
            );
        } else if let Some(other) = extra_ids.get(&lower) {
            out.push(
                Diagnostic::error(
                    file,
                    at,
                    format!(
                        "extra indicator `{}` is named twice (as `{other}` before), ids differing only by case",
                        e.id
                    ),
                )
                .zh(format!("附加指标 `{}` 重复（此前为 `{other}`），id 仅大小写不同也算重复", e.id)),
            );
        }
        extra_ids.entry(lower).or_insert(e.id.as_str());
        units.entry(e.id.as_str()).or_insert(e.unit.as_str());
    }
    let check =
        SeriesCheck { file, locate, units, regions: &rules.regions, period: rules.period, years: rules.years.clone() };
    let mut seen_ids: HashMap<&str, usize> = HashMap::new();
    let mut unshown_warnings = 0usize;
    for (i, series) in s.series.iter().enumerate() {
        if full_of_errors(&out) {
            break;
        }
        let seen = seen_ids.entry(series.id.as_str()).or_insert(0);
        *seen += 1;
        check.series(i, series, *seen > 1, &mut out);
        unshown_warnings += check.points(i, series, &mut out);
    }
    if full_of_errors(&out) {
        out.push(Diagnostic::error(file, (0, 0), format!("more than {MAX_DIAGNOSTICS} problems; stopped checking")));
    }
    if unshown_warnings > 0 {
        // Warnings never refuse a file, however many there are; errors are always looked for.
        out.push(Diagnostic::warning(file, (0, 0), format!("{unshown_warnings} more warnings not shown")));
    }
    out
}

/// What a scenario's series are checked against.
struct SeriesCheck<'a> {
    file: &'a str,
    locate: &'a dyn Fn(&str) -> Place,
    /// Every indicator a series may name (the plan's and the file's own), with its unit.
    units: HashMap<&'a str, &'a str>,
    regions: &'a [String],
    period: (u16, u16),
    /// Years not far outside the plan's period.
    years: std::ops::RangeInclusive<u16>,
}

impl SeriesCheck<'_> {
    /// Series `i` as a whole: its id unique, its indicator, unit and region known.
    fn series(&self, i: usize, series: &Series, duplicate: bool, out: &mut Vec<Diagnostic>) {
        let (file, at) = (self.file, |field: &str| (self.locate)(&format!("series[{i}].{field}")));
        let id = series.id.as_str();
        if duplicate {
            out.push(
                Diagnostic::error(file, at("id"), format!("duplicate series id `{id}`"))
                    .zh(format!("序列 id `{id}` 重复")),
            );
        }
        match self.units.get(series.indicator.as_str()) {
            None => {
                let suggestion = did_you_mean(nearest(&series.indicator, self.units.keys().copied()));
                out.push(
                    Diagnostic::error(
                        file,
                        at("indicator"),
                        format!("series `{id}`: unknown indicator `{}`{suggestion}", series.indicator),
                    )
                    .zh(format!(
                        "序列 `{id}`：未知指标 `{}`{}",
                        series.indicator,
                        suggestion_zh(&suggestion)
                    )),
                )
            }
            Some(unit) if *unit != series.unit => out.push(
                Diagnostic::error(
                    file,
                    at("unit"),
                    format!(
                        "series `{id}`: unit `{}` does not match indicator `{}`, measured in `{unit}`",
                        series.unit, series.indicator
                    ),
                )
                .zh(format!("序列 `{id}`：单位 `{}` 与指标 `{}` 的单位 `{unit}` 不符", series.unit, series.indicator)),
            ),
            Some(_) => {}
        }
        if !self.regions.contains(&series.region) {
            let suggestion = did_you_mean(nearest(&series.region, self.regions.iter().map(String::as_str)));
            out.push(
                Diagnostic::error(
                    file,
                    at("region"),
                    format!(
                        "series `{id}`: unknown region `{}` (expected 全区, 东部, 西部, 全国 or a 盟市){suggestion}",
                        series.region,
                    ),
                )
                .zh(format!(
                    "序列 `{id}`：未知地区 `{}`（应为全区、东部、西部、全国或某个盟市）{}",
                    series.region,
                    suggestion_zh(&suggestion)
                )),
            );
        }
        if series.points.is_empty() {
            out.push(
                Diagnostic::warning(file, at("id"), format!("series `{id}` has no points"))
                    .zh(format!("序列 `{id}` 没有数据点")),
            );
        }
    }

    /// Series `i`'s points: each year once and possible, values finite, shares within 0–100 %,
    /// counts not negative. Returns how many warnings were past the message cap.
    fn points(&self, i: usize, series: &Series, out: &mut Vec<Diagnostic>) -> usize {
        let file = self.file;
        let point = |k: usize, field: &str| (self.locate)(&format!("series[{i}].points[{k}].{field}"));
        let id = series.id.as_str();
        let (first_year, last_year) = (*self.years.start(), *self.years.end());
        let mut unshown_warnings = 0;
        let share = series.unit == "%";
        let count = COUNT_UNITS.contains(&series.unit.as_str());
        let mut years = HashSet::new();
        for (k, p) in series.points.iter().enumerate() {
            if full_of_errors(out) {
                break;
            }
            if !years.insert(p.year) {
                out.push(
                    Diagnostic::error(file, point(k, "year"), format!("series `{id}`: year {} appears twice", p.year))
                        .zh(format!("序列 `{id}`：{} 年出现两次", p.year)),
                );
            }
            if !(1949..=2100).contains(&p.year) {
                out.push(
                    Diagnostic::error(file, point(k, "year"), format!("series `{id}`: year {} is impossible", p.year))
                        .zh(format!("序列 `{id}`：年份 {} 不可能", p.year)),
                );
            } else if (p.year < first_year || p.year > last_year) && out.len() >= MAX_DIAGNOSTICS {
                unshown_warnings += 1;
            } else if p.year < first_year || p.year > last_year {
                out.push(
                    Diagnostic::warning(
                        file,
                        point(k, "year"),
                        format!(
                            "series `{id}`: year {} is far outside the plan's period {}–{}",
                            p.year, self.period.0, self.period.1
                        ),
                    )
                    .zh(format!("序列 `{id}`：{} 年远在规划期 {}–{} 之外", p.year, self.period.0, self.period.1)),
                );
            }
            if !p.value.is_finite() {
                out.push(
                    Diagnostic::error(
                        file,
                        point(k, "value"),
                        format!("series `{id}`: the value for {} is not a finite number", p.year),
                    )
                    .zh(format!("序列 `{id}`：{} 年的数值不是有限数", p.year)),
                );
            } else if p.value.abs() > MAX_CHART_VALUE || (p.value != 0.0 && p.value.abs() < MIN_LOG_VALUE) {
                out.push(
                    Diagnostic::error(
                        file,
                        point(k, "value"),
                        format!(
                            "series `{id}`: {:e} {} for {} is no statistic's value (a value is between 1e-12 and 1e15 in size, or 0)",
                            p.value, series.unit, p.year
                        ),
                    )
                    .zh(format!(
                        "序列 `{id}`：{} 年的 {:e} {} 不是任何统计值（数值的绝对值应在 1e-12 到 1e15 之间，或为 0）",
                        p.year, p.value, series.unit
                    )),
                );
            } else if share && !(0.0..=100.0).contains(&p.value) {
                out.push(
                    Diagnostic::error(
                        file,
                        point(k, "value"),
                        format!("series `{id}`: {} % for {} is not a possible share (0–100 %)", p.value, p.year),
                    )
                    .zh(format!("序列 `{id}`：{} 年的 {} % 不是可能的比重（0–100 %）", p.year, p.value)),
                );
            } else if count && p.value < 0.0 {
                out.push(
                    Diagnostic::error(
                        file,
                        point(k, "value"),
                        format!(
                            "series `{id}`: a count cannot be negative ({} {} for {})",
                            p.value, series.unit, p.year
                        ),
                    )
                    .zh(format!("序列 `{id}`：计数不能为负（{} 年 {} {}）", p.year, p.value, series.unit)),
                );
            }
        }
        unshown_warnings
    }
}

/// The message cap is reached and an error is among them: checking further says nothing new
/// about whether the file is refused.
fn full_of_errors(out: &[Diagnostic]) -> bool {
    out.len() >= MAX_DIAGNOSTICS && out.iter().any(Diagnostic::is_error)
}
