//! What an indicator chart shows, as plain data: the plan's baselines and target, the
//! straight and constant-growth paths between them, the goal zone, and every actual or
//! scenario series — optionally as an index (base year = 100). Views draw it; exports
//! can write it.

use super::format::number;
use super::indicators::{Comparator, Measure, growth_path, linear_path, same_unit};
use super::scenario::{NATIONAL, Scenario, Series, SeriesKind, WHOLE_REGION};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The plan's stated values before the period.
    Baseline,
    /// The plan's target (one point).
    Target,
    /// Baseline to target in a straight line.
    LinearPath,
    /// Baseline to target at a constant growth rate.
    GrowthPath,
    Actual,
    Projection,
    /// Another source's target.
    AltTarget,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    /// Shown on hover: the source, quote or formula of this value.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub name: String,
    pub role: Role,
    /// Which measure it belongs to (several measures share a chart when compared).
    pub measure: String,
    pub points: Vec<ChartPoint>,
}

/// The band of values that meet the target, from the base year to the target year.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalZone {
    pub measure: String,
    pub x: (f64, f64),
    pub y: (f64, f64),
}

/// Per year, the lowest and highest value across the scenarios that have one.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeBand {
    pub measure: String,
    /// (year, low, high), only for years at least two scenarios cover.
    pub points: Vec<(f64, f64, f64)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    pub title: String,
    pub unit: String,
    pub series: Vec<ChartSeries>,
    pub goals: Vec<GoalZone>,
    pub bands: Vec<RangeBand>,
    /// Why something could not be drawn (e.g. no base-year value for the index).
    pub notes: Vec<String>,
}

/// Builds the chart of one or more measures. `index_base` turns every series into an index
/// with the measure's value in that year = 100.
pub fn build_chart(measures: &[&Measure<'_>], scenarios: &[&Scenario], base_year: u16, index_base: bool) -> Chart {
    let mut chart = Chart::default();
    // Quantities in different units never share an axis: compared, they become an index.
    let mixed = measures.windows(2).any(|w| !same_unit(w[0].unit(), w[1].unit()));
    if mixed && !index_base {
        chart.notes.push(format!("单位不同，已换算为指数（{base_year}=100）后比较"));
    }
    let index_base = index_base || mixed;
    if let [one] = measures {
        chart.title = one.name().to_string();
        chart.unit = one.unit().to_string();
    } else {
        chart.title = measures.iter().map(|m| m.name()).collect::<Vec<_>>().join(" / ");
        chart.unit = if index_base { format!("{base_year} = 100") } else { String::new() };
    }
    if index_base {
        chart.unit = format!("{base_year} = 100");
    }
    for measure in measures {
        add_measure(&mut chart, measure, scenarios, base_year, index_base, measures.len() > 1);
    }
    chart
}

fn add_measure(chart: &mut Chart, m: &Measure<'_>, scenarios: &[&Scenario], base_year: u16, index: bool, prefix: bool) {
    let name = |s: &str| if prefix { format!("{} · {s}", m.name()) } else { s.to_string() };
    let baselines = m.baselines();
    let plan_base = baselines.iter().find(|o| o.year == base_year).map(|o| o.value);
    let actual_base = scenarios
        .iter()
        .flat_map(|s| s.actual_series(m.key))
        .find_map(|s| s.points.iter().find(|p| p.year == base_year).map(|p| p.value));
    // The plan's own values (baselines, target, paths) are rebased on the plan's base-year
    // value; without one they cannot be shown as an index, but the actual series still can.
    let divisor = match (index, plan_base.or(actual_base)) {
        (false, _) => Some(1.0),
        (true, Some(v)) if v != 0.0 => Some(v / 100.0),
        (true, _) => {
            chart.notes.push(format!("{}：无{base_year}年基数，规划值无法换算为指数", m.name()));
            None
        }
    };
    if let Some(divisor) = divisor {
        add_plan_values(chart, m, &name, plan_base.or(actual_base), base_year, divisor);
    }
    add_scenario_series(chart, m, scenarios, &name, base_year, index);
}

/// The plan's baselines, target(s), the straight and constant-growth paths and the goal zone,
/// divided by `divisor`.
fn add_plan_values(
    chart: &mut Chart,
    m: &Measure<'_>,
    name: &dyn Fn(&str) -> String,
    base: Option<f64>,
    base_year: u16,
    divisor: f64,
) {
    let scale = |v: f64| v / divisor;
    let baselines = m.baselines();
    if !baselines.is_empty() {
        chart.series.push(ChartSeries {
            name: name("规划基期值"),
            role: Role::Baseline,
            measure: m.key.to_string(),
            points: baselines
                .iter()
                .map(|o| ChartPoint {
                    x: f64::from(o.year),
                    y: scale(o.value),
                    note: match &o.derived {
                        Some(f) => format!("推算：{f}"),
                        None => format!("规划原文：{}{}", number(o.value), m.unit()),
                    },
                })
                .collect(),
        });
    }
    if let Some((statement, target)) = m.main_target() {
        let note = format!("{}“{}”", statement.comparator.name_zh(), statement.quote);
        let tx = f64::from(target.year);
        chart.series.push(ChartSeries {
            name: name("规划目标"),
            role: Role::Target,
            measure: m.key.to_string(),
            points: vec![ChartPoint { x: tx, y: scale(target.value), note: note.clone() }],
        });
        for (other, t) in m.targets().into_iter().skip(1) {
            if t.value != target.value || t.year != target.year {
                chart.series.push(ChartSeries {
                    name: name(&format!("规划另处目标（{}）", other.source_node)),
                    role: Role::Target,
                    measure: m.key.to_string(),
                    points: vec![ChartPoint {
                        x: f64::from(t.year),
                        y: scale(t.value),
                        note: format!("“{}”", other.quote),
                    }],
                });
            }
        }
        let reachable = !statement.comparator.states_a_change();
        if let (Some(b), true) = (base, reachable) {
            let bx = f64::from(base_year);
            let years: Vec<f64> = (base_year..=target.year).map(f64::from).collect();
            chart.series.push(ChartSeries {
                name: name("直线路径"),
                role: Role::LinearPath,
                measure: m.key.to_string(),
                points: years
                    .iter()
                    .map(|&x| {
                        let y = linear_path(bx, b, tx, target.value, x);
                        ChartPoint { x, y: scale(y), note: format!("直线路径：{}", number(y)) }
                    })
                    .collect(),
            });
            if let Some(rate) = super::indicators::cagr(b, target.value, tx - bx) {
                chart.series.push(ChartSeries {
                    name: name("等速增长路径"),
                    role: Role::GrowthPath,
                    measure: m.key.to_string(),
                    points: years
                        .iter()
                        .filter_map(|&x| {
                            let y = growth_path(bx, b, tx, target.value, x)?;
                            Some(ChartPoint { x, y: scale(y), note: format!("年均增长{rate:.2}%：{}", number(y)) })
                        })
                        .collect(),
                });
            }
            // The zone of values meeting the target, drawn over the years of the plan.
            let (lo, hi) = match (statement.comparator, target.upper) {
                (Comparator::Range, Some(u)) => (target.value, u),
                (c, _) if c.lower_is_better() => (1.0, target.value),
                _ => (target.value, target.value * 1.15),
            };
            chart.goals.push(GoalZone { measure: m.key.to_string(), x: (bx, tx), y: (scale(lo), scale(hi)) });
        }
    }
}

/// Every scenario's whole-region (and national) series of the measure, and the range band
/// between the scenarios' main series.
fn add_scenario_series(
    chart: &mut Chart,
    m: &Measure<'_>,
    scenarios: &[&Scenario],
    name: &dyn Fn(&str) -> String,
    base_year: u16,
    index: bool,
) {
    // In index mode each scenario series is rebased on its own value in the base year (or,
    // lacking one, in the year nearest to it, which its name then says): a series is never
    // divided by another series' base.
    let own_base = |s: &Series| -> Option<(f64, u16)> {
        if !index {
            return Some((1.0, base_year));
        }
        s.points
            .iter()
            .filter(|p| p.value.is_finite() && p.value != 0.0)
            .min_by_key(|p| (i32::from(p.year) - i32::from(base_year)).abs() * 2 + i32::from(p.year < base_year))
            .map(|p| (p.value / 100.0, p.year))
    };
    // The range across scenarios: each scenario's main (first) whole-region series.
    let mut by_year: std::collections::BTreeMap<u16, Vec<f64>> = std::collections::BTreeMap::new();
    for scenario in scenarios {
        if let Some(main) = scenario.series_for(m.key, WHOLE_REGION).find(|s| s.kind != SeriesKind::Target)
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
    for scenario in scenarios {
        let series = scenario.series_for(m.key, WHOLE_REGION).chain(scenario.series_for(m.key, NATIONAL));
        for s in series {
            let role = match s.kind {
                SeriesKind::Actual => Role::Actual,
                SeriesKind::Projection => Role::Projection,
                SeriesKind::Target => Role::AltTarget,
            };
            let Some((divisor, rebased_on)) = own_base(s) else {
                chart.notes.push(format!("{}：无非零值，无法换算为指数", s.label));
                continue;
            };
            let mut label = if s.region == NATIONAL { format!("全国 · {}", s.label) } else { s.label.clone() };
            if rebased_on != base_year {
                label.push_str(&format!("（{rebased_on}=100）"));
            }
            chart.series.push(ChartSeries {
                name: name(&label),
                role,
                measure: m.key.to_string(),
                points: s
                    .points
                    .iter()
                    .map(|p| {
                        let mut note = if p.source.is_empty() { s.source.clone() } else { p.source.clone() };
                        if let Some(d) = &p.derived {
                            note = format!("{d}\n{note}");
                        }
                        if !p.quote.is_empty() {
                            note.push_str(&format!("\n“{}”", p.quote));
                        }
                        ChartPoint { x: f64::from(p.year), y: p.value / divisor, note }
                    })
                    .collect(),
            });
        }
    }
}
