//! The chart specification: everything an indicator chart shows, decided once, as plain
//! data — title, axes with their unit, scale and ticks, every series with its role, label,
//! source and style, the goal zone, the range between scenarios, annotations and the legend.
//! The app draws it with egui_plot; [`svg`] draws the same spec for every export (SVG, PNG,
//! PDF, the HTML briefing), so a chart looks the same wherever it is shown.

pub mod axis;
pub mod east_west;
mod series;
pub mod style;
pub mod svg;

use serde::Serialize;

use self::axis::{Axis, Scale, linear_axis, log_axis};
use self::series::add_scenario_series;
use self::style::{BAND_FILL, Fill, GOAL_FILL, Style, base_style, distinct};
use super::colours::Colour;
use super::format::{readable, target_words, unit_words};
use super::indicators::{Comparator, Measure, growth_path, linear_path, same_unit};
use super::scenario::{Scenario, WHOLE_REGION};
use crate::i18n::{Lang, Msg, pick, tr};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    /// Shown on hover: the source, quote or formula of this value.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartSeries {
    /// Its label in the legend (unique within a chart).
    pub name: String,
    pub role: Role,
    /// Which measure it belongs to (several measures share a chart when compared).
    pub measure: String,
    /// Where its values come from (one line; each point's note has the detail).
    pub source: String,
    pub style: Style,
    pub points: Vec<ChartPoint>,
    /// The colour slot of the scenario it comes from (`None`: the plan's own values), which
    /// sets its colour.
    #[serde(skip)]
    pub slot: Option<usize>,
}

/// The band of values that meet the target, from the base year to the target year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalZone {
    pub measure: String,
    pub x: (f64, f64),
    pub y: (f64, f64),
}

/// Per year, the lowest and highest value across the scenarios that have one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RangeBand {
    pub measure: String,
    /// (year, low, high), only for years at least two scenarios cover.
    pub points: Vec<(f64, f64, f64)>,
}

/// A labelled vertical rule at a year (a presenter's note, a statistical break).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotation {
    pub year: u16,
    pub text: String,
}

/// Years without data inside a series' span (a statistical break): lines do not cross it, and
/// it is shaded and labelled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Break {
    pub from: u16,
    pub to: u16,
    pub label: String,
}

/// What a legend entry's swatch shows: exactly the style of what it stands for.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Swatch {
    Series(Style),
    Area(Fill),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LegendEntry {
    pub label: String,
    pub swatch: Swatch,
}

/// Where the legend goes: beside the plot, never over the data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegendPlacement {
    #[default]
    Right,
    /// Small charts (sparklines, the node view) have none.
    None,
}

/// How to build a chart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ChartOptions {
    /// Every series as an index, its own base-year value = 100.
    pub index: bool,
    pub log: bool,
    /// Show every source of the actual values, not only the preferred one.
    pub all_sources: bool,
    /// The language of the chart's own words (titles, legend, units, notes).
    pub lang: Lang,
    /// A part of the region (东部, 西部, a 盟市) instead of the whole: the scenarios' series for
    /// it; the plan's baselines and targets are the whole region's and are not drawn.
    pub region: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Chart {
    pub title: String,
    pub x_axis: Axis,
    pub y_axis: Axis,
    pub goals: Vec<GoalZone>,
    pub bands: Vec<RangeBand>,
    pub series: Vec<ChartSeries>,
    pub annotations: Vec<Annotation>,
    pub breaks: Vec<Break>,
    pub legend: Vec<LegendEntry>,
    pub legend_placement: LegendPlacement,
    /// Which actual series is shown as the measure's own, and why.
    pub preferred: Vec<String>,
    /// Other sources of actual values, left out unless all sources are asked for.
    pub other_sources: Vec<String>,
    /// Why something could not be drawn (e.g. no base-year value for the index).
    pub notes: Vec<String>,
}

/// The words a chart writes itself, in the reader's language.
struct Words {
    lang: Lang,
}

impl Words {
    fn w<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        pick(self.lang, zh, en)
    }

    fn english(&self) -> bool {
        self.lang.is_english()
    }
}

/// Builds the chart of one or more measures.
pub fn build_chart(measures: &[&Measure<'_>], scenarios: &[&Scenario], base_year: u16, options: ChartOptions) -> Chart {
    let words = Words { lang: options.lang };
    let mut chart = Chart::default();
    let name_of =
        |m: &Measure<'_>| if options.lang.is_english() { m.first().name_en.clone() } else { m.name().to_string() };
    // Quantities in different units never share an axis: compared, they become an index.
    let mixed = measures.windows(2).any(|w| !same_unit(w[0].unit(), w[1].unit()));
    if mixed && !options.index {
        chart.notes.push(if options.lang.is_english() {
            format!("Different units: compared as an index ({base_year} = 100)")
        } else {
            format!("单位不同，已换算为指数（{base_year}=100）后比较")
        });
    }
    let index = options.index || mixed;
    chart.title = measures.iter().map(|m| name_of(m)).collect::<Vec<_>>().join(" / ");
    let part = options.region.as_deref().filter(|r| *r != WHOLE_REGION);
    if let Some(region) = part {
        chart.title = format!("{} · {region}", chart.title);
        chart.notes.push(if options.lang.is_english() {
            format!("The plan's baselines and targets are for the whole region: {region} is shown with the scenarios' own series")
        } else {
            format!("规划的基期值与目标为全区数值，{region}只显示各情景的分地区序列")
        });
    }
    chart.y_axis.unit = match measures.first() {
        _ if index => format!("{base_year} = 100"),
        Some(m) => unit_words(m.unit(), options.lang),
        None => String::new(),
    };
    for measure in measures {
        let prefix = (measures.len() > 1).then(|| name_of(measure));
        add_measure(&mut chart, measure, scenarios, base_year, index, prefix.as_deref(), &options, &words);
    }
    finish(&mut chart, &options, &words);
    chart
}

#[allow(clippy::too_many_arguments)]
fn add_measure(
    chart: &mut Chart,
    m: &Measure<'_>,
    scenarios: &[&Scenario],
    base_year: u16,
    index: bool,
    prefix: Option<&str>,
    options: &ChartOptions,
    words: &Words,
) {
    let name = |s: &str| match prefix {
        Some(p) => format!("{p} · {s}"),
        None => s.to_string(),
    };
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
            chart.notes.push(if words.english() {
                format!("{}: no {base_year} value, the plan's values cannot be shown as an index", m.key)
            } else {
                format!("{}：无{base_year}年基数，规划值无法换算为指数", m.name())
            });
            None
        }
    };
    let whole_region = options.region.as_deref().is_none_or(|r| r == WHOLE_REGION);
    if let (Some(divisor), true) = (divisor, whole_region) {
        add_plan_values(chart, m, &name, plan_base.or(actual_base), base_year, divisor, words);
    }
    add_scenario_series(chart, m, scenarios, &name, base_year, index, options, words);
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
    words: &Words,
) {
    let scale = |v: f64| v / divisor;
    let unit = unit_words(m.unit(), words.lang);
    let plan_source = tr(words.lang, Msg::ChartPlanText).to_string();
    let series = |name: String, role: Role, points: Vec<ChartPoint>| ChartSeries {
        name,
        role,
        measure: m.key.to_string(),
        source: plan_source.clone(),
        style: base_style(role, 0),
        points,
        slot: None,
    };
    let baselines = m.baselines();
    if !baselines.is_empty() {
        let points = baselines
            .iter()
            .map(|o| ChartPoint {
                x: f64::from(o.year),
                y: scale(o.value),
                note: match &o.derived {
                    Some(f) => format!("{}{f}", tr(words.lang, Msg::ChartDerived)),
                    None => format!("{}{} {unit}", tr(words.lang, Msg::ChartPlanSays), readable(o.value)),
                },
            })
            .collect();
        chart.series.push(series(name(tr(words.lang, Msg::PlanBaseline)), Role::Baseline, points));
    }
    let Some((statement, target)) = m.main_target() else { return };
    let tx = f64::from(target.year);
    let stated = target_words(
        statement.comparator,
        target.value,
        target.upper,
        &unit,
        (target.year, target.year_implied),
        words.lang,
    );
    let point = ChartPoint { x: tx, y: scale(target.value), note: format!("{stated}：“{}”", statement.quote) };
    chart.series.push(series(name(tr(words.lang, Msg::PlanTarget)), Role::Target, vec![point]));
    for (other, t) in m.targets().into_iter().skip(1) {
        if t.value != target.value || t.year != target.year {
            let label = if words.english() {
                format!("Plan target elsewhere ({})", other.source_node)
            } else {
                format!("规划另处目标（{}）", other.source_node)
            };
            let point = ChartPoint { x: f64::from(t.year), y: scale(t.value), note: format!("“{}”", other.quote) };
            chart.series.push(series(name(&label), Role::Target, vec![point]));
        }
    }
    let reachable = !statement.comparator.states_a_change();
    let (Some(b), true) = (base, reachable) else { return };
    let bx = f64::from(base_year);
    let years: Vec<f64> = (base_year..=target.year).map(f64::from).collect();
    let straight = years
        .iter()
        .map(|&x| {
            let y = linear_path(bx, b, tx, target.value, x);
            ChartPoint {
                x,
                y: scale(y),
                note: format!("{}{} {unit}", tr(words.lang, Msg::LinearPathNote), readable(y)),
            }
        })
        .collect();
    chart.series.push(series(name(tr(words.lang, Msg::LinearPath)), Role::LinearPath, straight));
    if let Some(rate) = super::indicators::cagr(b, target.value, tx - bx) {
        let growth = years
            .iter()
            .filter_map(|&x| {
                let y = growth_path(bx, b, tx, target.value, x)?;
                let note = if words.english() {
                    format!("{rate:.2} % a year: {} {unit}", readable(y))
                } else {
                    format!("年均增长 {rate:.2} %：{} {unit}", readable(y))
                };
                Some(ChartPoint { x, y: scale(y), note })
            })
            .collect();
        chart.series.push(series(name(tr(words.lang, Msg::GrowthPath)), Role::GrowthPath, growth));
    }
    // The zone of values meeting the target, drawn over the years of the plan.
    let (lo, hi) = match (statement.comparator, target.upper) {
        (Comparator::Range, Some(u)) => (target.value, u),
        (c, _) if c.lower_is_better() => (1.0, target.value),
        _ => (target.value, target.value * 1.15),
    };
    chart.goals.push(GoalZone { measure: m.key.to_string(), x: (bx, tx), y: (scale(lo), scale(hi)) });
}

/// Styles, unique labels, axes and the legend, once every series is in.
fn finish(chart: &mut Chart, options: &ChartOptions, words: &Words) {
    // Labels are unique, so a legend entry and a hover name one series only.
    let mut names = std::collections::HashSet::new();
    for series in &mut chart.series {
        let mut n = 2;
        let base = series.name.clone();
        while names.contains(&series.name) {
            series.name = format!("{base} ({n})");
            n += 1;
        }
        names.insert(series.name.clone());
    }
    // The plan's values get their role's style (the n-th target its own marker); a scenario's
    // series get their role's line and marker in the colour of the scenario's slot, so a
    // series keeps its colour while its scenario is loaded. Then no two may look alike: looks
    // are settled in slot order (the plan's values first), so a scenario loaded later gives
    // way, never one the audience has already seen.
    // Compared measures step the colour on, so that one scenario's two measures differ by colour.
    let mut measures: Vec<&str> = Vec::new();
    for s in &chart.series {
        if !measures.contains(&s.measure.as_str()) {
            measures.push(&s.measure);
        }
    }
    let mut counts = std::collections::HashMap::new();
    let styles: Vec<Style> = chart
        .series
        .iter()
        .map(|s| {
            let n = counts.entry(s.role).or_insert(0usize);
            let mut style = base_style(s.role, if s.slot.is_some() { 0 } else { *n });
            if let Some(slot) = s.slot {
                let nth_measure = measures.iter().position(|m| *m == s.measure).unwrap_or(0);
                style.colour = Colour::SERIES[(slot + nth_measure) % Colour::SERIES.len()];
            }
            style.muted = s.style.muted;
            if style.muted {
                style.width = 1.5;
            }
            *n += 1;
            style
        })
        .collect();
    let mut order: Vec<usize> = (0..styles.len()).collect();
    order.sort_by_key(|&i| chart.series.get(i).and_then(|s| s.slot).map_or(0, |k| k + 1));
    let mut settled: Vec<Style> = order.iter().filter_map(|&i| styles.get(i).copied()).collect();
    distinct(&mut settled);
    for (&i, style) in order.iter().zip(settled) {
        if let Some(series) = chart.series.get_mut(i) {
            series.style = style;
        }
    }
    // Axes: years across (at least 2010–2020, so a lone target is not blown up), values up.
    let years = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.x));
    let (x0, x1) = years.fold((2010f64, 2020f64), |(a, b), x| (a.min(x), b.max(x)));
    chart.x_axis = Axis {
        unit: tr(words.lang, Msg::YearUnit).to_string(),
        scale: Scale::Linear,
        min: x0,
        max: x1,
        ticks: year_ticks(x0, x1),
    };
    let values = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.y))
            .chain(chart.goals.iter().flat_map(|g| [g.y.0, g.y.1]))
            .chain(chart.bands.iter().flat_map(|b| b.points.iter().flat_map(|p| [p.1, p.2])))
    };
    // The unit build_chart wrote on the value axis, kept as the axes are computed.
    let unit = std::mem::take(&mut chart.y_axis.unit);
    let log = options.log.then(|| log_axis(&unit, values())).flatten();
    if options.log && log.is_none() {
        chart.notes.push(tr(words.lang, Msg::NoPositiveValue).to_string());
    }
    if log.is_some() && values().any(|v| v <= 0.0) {
        chart.notes.push(
            words
                .w("零和负值不能在对数刻度上显示，已略去", "Zero and negative values cannot be shown on a log scale")
                .to_string(),
        );
    }
    chart.y_axis = log.unwrap_or_else(|| linear_axis(&unit, values()));
    chart.legend_placement = LegendPlacement::Right;
    chart.legend = legend_of(chart, words);
}

/// Years to label: every year over a short span, every second or fifth over longer ones.
pub(crate) fn year_ticks(x0: f64, x1: f64) -> Vec<f64> {
    let span = (x1 - x0).max(1.0);
    let step = if span <= 14.0 {
        1.0
    } else if span <= 30.0 {
        2.0
    } else {
        5.0
    };
    let first = (x0 / step).ceil() * step;
    (0..).map(|k| first + step * f64::from(k)).take_while(|&y| y <= x1).collect()
}

fn legend_of(chart: &Chart, words: &Words) -> Vec<LegendEntry> {
    let mut legend = Vec::new();
    if !chart.goals.is_empty() {
        legend.push(LegendEntry { label: tr(words.lang, Msg::GoalZone).to_string(), swatch: Swatch::Area(GOAL_FILL) });
    }
    if !chart.bands.is_empty() {
        legend.push(LegendEntry {
            label: tr(words.lang, Msg::ScenarioRange).to_string(),
            swatch: Swatch::Area(BAND_FILL),
        });
    }
    legend.extend(chart.series.iter().map(|s| LegendEntry { label: s.name.clone(), swatch: Swatch::Series(s.style) }));
    legend
}

impl Chart {
    /// A series' points in the runs a line joins: a break in the chart's data between two
    /// points ends a run, and so do years an actual series has no value for (an annual
    /// statistic that is missing is not the straight line between its neighbours).
    pub fn runs<'a>(&self, series: &'a ChartSeries) -> Vec<&'a [ChartPoint]> {
        let points = series.points.as_slice();
        let missing_years = |a: f64, b: f64| series.role == Role::Actual && b - a > 1.5;
        let crosses = |a: f64, b: f64| {
            missing_years(a, b) || self.breaks.iter().any(|k| a < f64::from(k.from) && b > f64::from(k.to))
        };
        let mut runs = Vec::new();
        let mut start = 0;
        for i in 1..points.len() {
            if crosses(points[i - 1].x, points[i].x) {
                runs.push(&points[start..i]);
                start = i;
            }
        }
        runs.push(&points[start..]);
        runs
    }

    /// Adds labelled vertical rules (a slide's notes).
    pub fn with_annotations(mut self, notes: impl IntoIterator<Item = (u16, String)>) -> Self {
        self.annotations.extend(notes.into_iter().map(|(year, text)| Annotation { year, text }));
        let (lo, hi) = self
            .annotations
            .iter()
            .fold((self.x_axis.min, self.x_axis.max), |(a, b), n| (a.min(f64::from(n.year)), b.max(f64::from(n.year))));
        if (lo, hi) != (self.x_axis.min, self.x_axis.max) {
            self.x_axis.min = lo;
            self.x_axis.max = hi;
            self.x_axis.ticks = year_ticks(lo, hi);
        }
        self
    }

    /// Whether anything besides the plan's target is there to look at (a chart with only a
    /// target point is better shown as a line of a targets table).
    pub fn has_context(&self) -> bool {
        self.series.iter().any(|s| s.role != Role::Target)
    }
}

/// The regions a chart of `keys` can show: 全区, then 东部, 西部 and the 盟市 (east first) that
/// any scenario has a series for.
pub fn chart_regions(keys: &[String], scenarios: &[&Scenario], places: &super::Places) -> Vec<String> {
    let has = |region: &str| scenarios.iter().any(|s| keys.iter().any(|k| s.series_for(k, region).next().is_some()));
    let mut regions = vec![WHOLE_REGION.to_string()];
    let parts = super::places::Region::ALL
        .iter()
        .map(|r| r.name_zh().to_string())
        .chain(places.cities_east_then_west().map(|c| c.name.clone()));
    regions.extend(parts.filter(|r| has(r)));
    regions
}

#[cfg(test)]
mod tests {
    use super::year_ticks;

    fn years(from: u16, to: u16, step: usize) -> Vec<f64> {
        (from..=to).step_by(step).map(f64::from).collect()
    }

    /// Every year up to 14 years, every second up to 30, then every fifth, on round years.
    #[test]
    fn year_ticks_thin_out_on_round_years_as_the_span_grows() {
        assert_eq!(year_ticks(2010.0, 2020.0), years(2010, 2020, 1));
        assert_eq!(year_ticks(2006.0, 2020.0), years(2006, 2020, 1));
        assert_eq!(year_ticks(2005.0, 2020.0), years(2006, 2020, 2));
        assert_eq!(year_ticks(2011.0, 2041.0), years(2012, 2040, 2));
        assert_eq!(year_ticks(2011.0, 2042.0), years(2015, 2040, 5));
        assert_eq!(year_ticks(1949.0, 2035.0), years(1950, 2035, 5));
        // A single year still gets its tick.
        assert_eq!(year_ticks(2020.0, 2020.0), [2020.0]);
    }
}
