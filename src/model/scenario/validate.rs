//! What serde cannot check in a scenario: every series' indicator, unit, region, kind and
//! points against the plan, its extra indicators and the verdicts a person set, each message at
//! its place in the file (a RON line and column, or a spreadsheet's cell).

use std::collections::{HashMap, HashSet};

use super::{SCENARIO_FORMAT_VERSION, Scenario, Series, known_regions};
use crate::model::chart::axis::{MAX_CHART_VALUE, MIN_LOG_VALUE};
use crate::model::diagnostics::{Diagnostic, Place, suggestion_zh};
use crate::model::indicators::Measure;
use crate::model::plan::Plan;

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

/// Checks what serde cannot; `locate` says where a field (`series[3].points[2].value`) is in
/// the file: a RON line and column, or a spreadsheet's cell.
pub fn validate_scenario(s: &Scenario, plan: &Plan, file: &str, locate: &dyn Fn(&str) -> Place) -> Vec<Diagnostic> {
    validate_with(&ScenarioRules::new(plan), s, file, locate)
}

/// A verdict set by a person names a measure of the plan, a year of its time and why.
fn check_verdicts(
    s: &Scenario,
    rules: &ScenarioRules<'_>,
    file: &str,
    locate: &dyn Fn(&str) -> Place,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<(&str, u16), usize> = HashMap::new();
    for (i, v) in s.verdicts.iter().enumerate() {
        let mut refuse = |field: &str, en: String, zh: String| {
            out.push(Diagnostic::error(file, locate(&format!("verdicts[{i}].{field}")), en).zh(zh));
        };
        if !rules.units.contains_key(v.measure.as_str()) {
            let suggestion = did_you_mean(nearest(&v.measure, rules.units.keys().copied()));
            refuse(
                "measure",
                format!("verdict for unknown measure `{}`{suggestion}", v.measure),
                format!("人工判定的指标 `{}` 不存在{suggestion}", v.measure),
            );
        }
        if !rules.years.contains(&v.year) {
            refuse(
                "year",
                format!("verdict for `{}` in {}: not a year of the plan's time", v.measure, v.year),
                format!("`{}` 的人工判定年份 {} 不在规划期前后", v.measure, v.year),
            );
        }
        if v.note.trim().is_empty() {
            refuse(
                "note",
                format!("verdict for `{}` without a note: say why it is set", v.measure),
                format!("`{}` 的人工判定没有说明：请写明理由", v.measure),
            );
        }
        if let Some(first) = seen.insert((v.measure.as_str(), v.year), i) {
            refuse(
                "measure",
                format!("a second verdict for `{}` in {} (the first is verdicts[{first}])", v.measure, v.year),
                format!("`{}` 在 {} 年的第二个人工判定（第一个为 verdicts[{first}]）", v.measure, v.year),
            );
        }
    }
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
    crate::model::text_fields::check(s, file, locate, &mut out);
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
    check_verdicts(s, rules, file, locate, &mut out);
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
