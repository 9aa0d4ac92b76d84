//! A chart's scenario series: every scenario's series of a measure (the preferred actual
//! series, the others listed or muted), each rebased on its own base in index mode, and the
//! range band across the scenarios.

use std::collections::HashSet;

use super::{Chart, ChartOptions, ChartPoint, ChartSeries, RangeBand, Role, Words, base_style};
use crate::i18n::{Msg, tr};
use crate::model::Measure;
use crate::model::scenario::{NATIONAL, Scenario, Series, SeriesKind, WHOLE_REGION, the_actual_series};

/// Every scenario's whole-region (and national) series of the measure, and the range band
/// between the scenarios' main series. Of the actual values, only the preferred source (the
/// first whole-region actual series, the one the final evaluation judges by) is shown unless
/// `options.all_sources`; the others are listed in `chart.other_sources`.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_scenario_series(
    chart: &mut Chart,
    m: &Measure<'_>,
    scenarios: &[&Scenario],
    name: &dyn Fn(&str) -> String,
    base_year: u16,
    index: bool,
    options: &ChartOptions,
    words: &Words,
) {
    let own_base = |s: &Series| own_base(s, index, base_year);
    add_band(chart, m, scenarios, &own_base, options);
    // The preferred actual series is the one the final evaluation judges by: the first
    // whole-region actual series with a value in the target year (else simply the first).
    let target_year = m.main_target().map(|(_, t)| t.year);
    let actuals: Vec<&Series> = scenarios.iter().flat_map(|s| s.actual_series(m.key)).collect();
    let judging = the_actual_series(&actuals, target_year);
    let part = options.region.as_deref().filter(|r| *r != WHOLE_REGION);
    // The names already in the chart, looked up once per series, not by a scan of them all.
    let mut taken: HashSet<String> = chart.series.iter().map(|c| c.name.clone()).collect();
    let mut drawn = 0usize;
    let mut left_out = 0usize;
    for scenario in scenarios {
        // A part of the region: its own series only (each shown; none is the evaluation's).
        let series: Vec<&Series> = match part {
            Some(region) => scenario.series_for(m.key, region).collect(),
            None => scenario.series_for(m.key, WHOLE_REGION).chain(scenario.series_for(m.key, NATIONAL)).collect(),
        };
        for s in series {
            let role = match s.kind {
                SeriesKind::Actual => Role::Actual,
                SeriesKind::Projection => Role::Projection,
                SeriesKind::Target => Role::AltTarget,
            };
            let mut label = series_label(scenario, s, m, words);
            let preferred = part.is_some() || judging.is_some_and(|j| std::ptr::eq(j, s));
            if role == Role::Actual && part.is_none() {
                if preferred {
                    chart.preferred.push(if words.english() {
                        format!(
                            "{}: “{label}” is shown as the actual value: the first whole-region source with a value in the target year, the series the final evaluation judges by",
                            m.key
                        )
                    } else {
                        format!("{}：以“{label}”为实际值——按来源次序首个有目标年份数值的全区实际值序列，终期评估亦据此判定", m.name())
                    });
                } else if !options.all_sources {
                    chart.other_sources.push(name(&label));
                    continue;
                }
            }
            let Some((divisor, rebased_on)) = own_base(s) else {
                chart.notes.push(if words.english() {
                    format!("{}: no non-zero value, cannot be shown as an index", s.label)
                } else {
                    format!("{}：无非零值，无法换算为指数", s.label)
                });
                continue;
            };
            if rebased_on != base_year {
                label.push_str(&format!("（{rebased_on}=100）"));
            }
            if !scenario.built_in {
                if drawn >= MAX_SCENARIO_SERIES {
                    left_out += 1;
                    continue;
                }
                drawn += 1;
            }
            let mut style = base_style(role, 0);
            style.muted = role == Role::Actual && !preferred;
            let name = told_apart(&taken, name(&label), s);
            taken.insert(name.clone());
            let gaps: Vec<String> = missing_years(s)
                .map(|(from, to)| if from == to { from.to_string() } else { format!("{from}–{to}") })
                .collect();
            if role == Role::Actual && !gaps.is_empty() {
                chart.notes.push(if words.english() {
                    format!("{name}: no value for {}; the line breaks there", gaps.join(", "))
                } else {
                    format!("{name}：{}年无数值，折线在此断开", gaps.join("、"))
                });
            }
            chart.series.push(ChartSeries {
                name,
                role,
                measure: m.key.to_string(),
                source: s.source.lines().next().unwrap_or_default().to_string(),
                style,
                points: chart_points(s, divisor),
                slot: Some(scenario.colour_slot),
            });
        }
    }
    if left_out > 0 {
        let all = drawn + left_out;
        chart.notes.push(if words.english() {
            format!(
                "{}: {all} scenario series; the first {drawn} are drawn, the shaded range spans them all (hide scenarios on the scenario page to choose which are drawn)",
                m.key
            )
        } else {
            format!("{}：共 {all} 条情景序列，绘出前 {drawn} 条，阴影范围涵盖全部（可在情景页隐藏部分情景，以选择绘出哪些）", m.name())
        });
    }
}

/// At most this many scenario series are drawn in one chart: past a few dozen lines nobody in
/// the room can tell apart, and thousands of lines cost the frame their tessellation. The
/// range band still spans every scenario, and the chart says how many were left out.
pub const MAX_SCENARIO_SERIES: usize = 40;

/// The runs of years between two of an actual series' values that it has no value for.
fn missing_years(s: &Series) -> impl Iterator<Item = (u16, u16)> + '_ {
    s.points.windows(2).filter_map(|w| match w {
        [a, b] if b.year > a.year + 1 => Some((a.year + 1, b.year - 1)),
        _ => None,
    })
}

/// How a series is named in the legend, its hover and every export: by its scenario (the
/// scenario's name carries its model where several models share it), then the series' own
/// label where the scenario gives one (not merely its variable's name). The shipped actual
/// values are named by their labels, which say the statistic and its source.
fn series_label(scenario: &Scenario, s: &Series, m: &Measure<'_>, words: &Words) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !scenario.built_in {
        parts.push(&scenario.name);
    }
    if s.region == NATIONAL {
        parts.push(tr(words.lang, Msg::National));
    }
    // A label that names its scenario already (as files written before series were named by
    // their scenario do) does not name it twice.
    let own = own_label(s, m)
        .map(|l| l.strip_prefix(scenario.name.as_str()).and_then(|r| r.strip_prefix(" · ")).unwrap_or(l));
    match own.filter(|l| !scenario.built_in || !l.is_empty()) {
        Some(label) => parts.push(label),
        None if parts.is_empty() || scenario.built_in => parts.push(&s.label),
        None => {}
    }
    parts.join(" · ")
}

/// The series' label when the scenario gives one of its own: not empty, not the variable's id
/// or the plan's name for it (alone or with the series' region), as a table without a Label
/// column writes it. A label that starts with the variable's name (`研发经费占GDP比重（R&D/GDP） ·
/// 趋势外推`) keeps what follows it: the chart's title names the variable already.
fn own_label<'a>(s: &'a Series, m: &Measure<'_>) -> Option<&'a str> {
    let label = s.label.trim();
    let names = [m.key, m.name(), m.first().name_en.as_str(), s.indicator.as_str()];
    let after_name = names.iter().find_map(|n| label.strip_prefix(n).and_then(|r| r.strip_prefix(" · ")));
    match after_name {
        Some(rest) if rest == s.region || rest.is_empty() => None,
        Some(rest) => Some(rest),
        None if label.is_empty() || names.contains(&label) => None,
        None => Some(label),
    }
}

/// `name`, or — when a series of the chart already has it — `name` with what tells this
/// series apart: its source, its region, its id. Never a bare number.
fn told_apart(names: &HashSet<String>, name: String, s: &Series) -> String {
    let taken = |n: &str| names.contains(n);
    if !taken(&name) {
        return name;
    }
    let source = s.source.lines().next().unwrap_or_default();
    [source, s.region.as_str(), s.id.as_str()]
        .into_iter()
        .filter(|extra| !extra.is_empty() && !name.contains(extra))
        .map(|extra| format!("{name} · {extra}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(name)
}

/// In index mode a scenario series is rebased on its own value in the base year (or, lacking
/// one, in the year nearest to it, which its name then says): a series is never divided by
/// another series' base. Outside index mode its divisor is 1.
fn own_base(s: &Series, index: bool, base_year: u16) -> Option<(f64, u16)> {
    if !index {
        return Some((1.0, base_year));
    }
    s.points
        .iter()
        .filter(|p| p.value.is_finite() && p.value != 0.0)
        .min_by_key(|p| (i32::from(p.year) - i32::from(base_year)).abs() * 2 + i32::from(p.year < base_year))
        .map(|p| (p.value / 100.0, p.year))
}

/// The range across scenarios: each scenario's main (first) series of the region shown, where
/// two or more have a value.
fn add_band(
    chart: &mut Chart,
    m: &Measure<'_>,
    scenarios: &[&Scenario],
    own_base: &dyn Fn(&Series) -> Option<(f64, u16)>,
    options: &ChartOptions,
) {
    let shown_region = options.region.as_deref().unwrap_or(WHOLE_REGION);
    let mut by_year: std::collections::BTreeMap<u16, Vec<f64>> = std::collections::BTreeMap::new();
    for scenario in scenarios {
        if let Some(main) = scenario.series_for(m.key, shown_region).find(|s| s.kind != SeriesKind::Target)
            && let Some((divisor, _)) = own_base(main)
        {
            for p in &main.points {
                by_year.entry(p.year).or_default().push(p.value / divisor);
            }
        }
    }
    let band: Vec<(f64, f64, f64)> = by_year
        .iter()
        .filter(|(_, v)| v.len() >= 2)
        .map(|(y, v)| {
            (
                f64::from(*y),
                v.iter().copied().fold(f64::INFINITY, f64::min),
                v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            )
        })
        .collect();
    if band.len() >= 2 {
        chart.bands.push(RangeBand { measure: m.key.to_string(), points: band });
    }
}

/// A series' points divided by `divisor`, each with its source, formula and quote for hover.
fn chart_points(s: &Series, divisor: f64) -> Vec<ChartPoint> {
    s.points
        .iter()
        .map(|p| {
            let mut note = s.source_of(p).to_string();
            if let Some(d) = &p.derived {
                note = format!("{d}\n{note}");
            }
            if !p.quote.is_empty() {
                note.push_str(&format!("\n“{}”", p.quote));
            }
            ChartPoint { x: f64::from(p.year), y: p.value / divisor, note }
        })
        .collect()
}
