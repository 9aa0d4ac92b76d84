//! What-if scenarios made in the app: for a measure and a region, start from the plan's
//! baseline or the latest actual value, and choose a path to the target year — constant annual
//! growth, a straight line to a value, or points drawn by hand. Every change can be undone.
//! The result is an ordinary scenario whose sources say "what-if" and how each value was made.

use std::path::PathBuf;

use super::format::exact;
use super::indicators::Measure;
use super::plan::Plan;
use super::scenario::{Point, SCENARIO_FORMAT_VERSION, Scenario, Series, SeriesKind, WHOLE_REGION};

/// Every `source` of a what-if series begins so.
pub const PROVENANCE: &str = "what-if:";
/// At most this many steps can be undone.
const MAX_UNDO: usize = 200;

/// Where a what-if starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartFrom {
    /// The plan's value in its base year (全区 only: the plan states no other).
    Baseline,
    /// The latest actual value the loaded scenarios have for the measure and region.
    LatestActual,
}

/// A start the data offers: its year and value, and where they come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub from: StartFrom,
    pub year: u16,
    pub value: f64,
    /// "the plan's 2015 baseline", "actual 2017, 统计年鉴".
    pub described: String,
    pub source: String,
}

/// The path from the start to the end year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PathKind {
    /// Constant annual growth, in percent a year.
    Growth(f64),
    /// A straight line to this value in the end year.
    Line(f64),
    /// Values drawn by hand (dragged on the chart).
    Drawn,
}

/// One series being made: a measure in a region.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub measure: String,
    pub measure_name: String,
    pub region: String,
    pub unit: String,
    pub start: Start,
    pub end_year: u16,
    pub path: PathKind,
    /// The values after the start year, one per year up to the end year.
    pub points: Vec<(u16, f64)>,
}

/// Four decimals, as the trend projection writes them: enough for any measure of the plan.
fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

impl Draft {
    fn recompute(&mut self) {
        let (y0, v0) = (self.start.year, self.start.value);
        let span = f64::from(self.end_year.saturating_sub(y0).max(1));
        self.points = (y0 + 1..=self.end_year)
            .map(|year| {
                let t = f64::from(year - y0);
                let value = match self.path {
                    PathKind::Growth(rate) => v0 * (1.0 + rate / 100.0).powf(t),
                    PathKind::Line(target) => v0 + (target - v0) * t / span,
                    PathKind::Drawn => self.points.iter().find(|p| p.0 == year).map_or(v0, |p| p.1),
                };
                (year, round4(value))
            })
            .collect();
    }

    /// How a point's value was made, for its `derived` field.
    fn formula(&self, year: u16, value: f64) -> String {
        let (y0, v0) = (self.start.year, exact(self.start.value));
        let t = year - self.start.year;
        match self.path {
            PathKind::Growth(rate) => format!("{v0} × (1 + {}%)^{t} = {}", exact(rate), exact(value)),
            PathKind::Line(target) => {
                let span = self.end_year.saturating_sub(y0).max(1);
                format!("{v0} + ({} − {v0}) × {t}/{span} = {}", exact(target), exact(value))
            }
            PathKind::Drawn => format!("drawn on the chart: {}", exact(value)),
        }
    }

    /// What the series' source says: what-if, and how it was made.
    pub fn provenance(&self) -> String {
        let from = format!("from {} ({} {})", self.start.described, exact(self.start.value), self.unit);
        match self.path {
            PathKind::Growth(rate) => {
                format!("{PROVENANCE} constant growth of {}% a year {from} to {}", exact(rate), self.end_year)
            }
            PathKind::Line(target) => {
                format!("{PROVENANCE} straight line to {} {} in {} {from}", exact(target), self.unit, self.end_year)
            }
            PathKind::Drawn => format!("{PROVENANCE} values drawn by hand {from} to {}", self.end_year),
        }
    }

    fn series(&self) -> Series {
        let region = if self.region == WHOLE_REGION { String::new() } else { format!(" · {}", self.region) };
        let mut points = vec![Point {
            year: self.start.year,
            value: self.start.value,
            source: self.start.source.clone(),
            quote: String::new(),
            derived: Some(format!("start: {}", self.start.described)),
            note: String::new(),
        }];
        points.extend(self.points.iter().map(|&(year, value)| Point {
            year,
            value,
            source: String::new(),
            quote: String::new(),
            derived: Some(self.formula(year, value)),
            note: String::new(),
        }));
        Series {
            id: format!("whatif.{}.{}", self.measure, self.region),
            indicator: self.measure.clone(),
            region: self.region.clone(),
            unit: self.unit.clone(),
            kind: SeriesKind::Projection,
            label: format!("{}{region}", self.measure_name),
            source: self.provenance(),
            note: String::new(),
            points,
        }
    }

    /// Reads back a series this module wrote (or any series, as values drawn by hand): the
    /// first point is the start; the provenance gives the path back where it names one.
    fn from_series(series: &Series, measure_name: &str) -> Option<Draft> {
        let mut points: Vec<&Point> = series.points.iter().collect();
        points.sort_by_key(|p| p.year);
        let (first, rest) = points.split_first()?;
        let described = first.derived.as_deref().and_then(|d| d.strip_prefix("start: ")).unwrap_or("the first value");
        let start = Start {
            from: StartFrom::LatestActual,
            year: first.year,
            value: first.value,
            described: described.to_string(),
            source: first.source.clone(),
        };
        let end_year = rest.last().map_or(first.year.saturating_add(1), |p| p.year);
        let mut draft = Draft {
            measure: series.indicator.clone(),
            measure_name: measure_name.to_string(),
            region: series.region.clone(),
            unit: series.unit.clone(),
            start,
            end_year,
            path: PathKind::Drawn,
            points: rest.iter().map(|p| (p.year, p.value)).collect(),
        };
        // The path the provenance names is kept only if it still gives these values: values
        // edited since (in Excel, say) are values drawn by hand, not that formula.
        if let Some(path) = parse_path(&series.source) {
            let mut recomputed = Draft { path, ..draft.clone() };
            recomputed.recompute();
            if recomputed.points == draft.points {
                draft.path = path;
            }
        }
        Some(draft)
    }
}

/// The path a provenance names: "constant growth of 8% a year", "straight line to 2.2 %".
fn parse_path(source: &str) -> Option<PathKind> {
    let rest = source.strip_prefix(PROVENANCE)?.trim_start();
    if let Some(r) = rest.strip_prefix("constant growth of ") {
        return r.split('%').next()?.trim().parse().ok().map(PathKind::Growth);
    }
    if let Some(r) = rest.strip_prefix("straight line to ") {
        return r.split_whitespace().next()?.parse().ok().map(PathKind::Line);
    }
    None
}

/// The starts the plan and the loaded scenarios offer for `measure` in `region`.
pub fn starts(plan: &Plan, scenarios: &[&Scenario], measure: &str, region: &str) -> Vec<Start> {
    let mut out = Vec::new();
    let measures = Measure::select(&plan.indicators, &[measure.to_string()]);
    let base_year = plan.meta.baseline_year;
    if region == WHOLE_REGION
        && let Some(m) = measures.first()
        && let Some(o) = m.baselines().into_iter().find(|o| o.year == base_year && o.since.is_none())
    {
        out.push(Start {
            from: StartFrom::Baseline,
            year: o.year,
            value: o.value,
            described: format!("the plan's {} baseline", o.year),
            source: format!("plan: {}", plan.meta.title),
        });
    }
    let latest = scenarios
        .iter()
        .flat_map(|s| &s.series)
        .filter(|s| s.indicator == measure && s.region == region && s.kind == SeriesKind::Actual)
        .flat_map(|s| s.points.iter().map(move |p| (s, p)))
        .max_by_key(|(_, p)| p.year);
    if let Some((series, point)) = latest {
        let source = series.source_of(point).to_string();
        out.push(Start {
            from: StartFrom::LatestActual,
            year: point.year,
            value: point.value,
            described: format!("the actual {} value ({})", point.year, series.label),
            source,
        });
    }
    out
}

/// A what-if scenario being edited: its series, the one in hand, and the undo history.
#[derive(Clone, Debug, Default)]
pub struct WhatIf {
    pub name: String,
    pub drafts: Vec<Draft>,
    pub current: usize,
    /// The file it was opened from or last saved to.
    pub file: Option<PathBuf>,
    undo: Vec<(Vec<Draft>, usize)>,
    redo: Vec<(Vec<Draft>, usize)>,
}

impl WhatIf {
    pub fn new(name: &str) -> Self {
        WhatIf { name: name.to_string(), ..WhatIf::default() }
    }

    /// A scenario to keep editing: its series become drafts.
    pub fn from_scenario(scenario: &Scenario, plan: &Plan, file: Option<PathBuf>) -> Self {
        let name_of = |id: &str| scenario.indicator_name(plan, id).unwrap_or(id).to_string();
        let mut drafts: Vec<Draft> = Vec::new();
        for draft in scenario.series.iter().filter_map(|s| Draft::from_series(s, &name_of(&s.indicator))) {
            // One series per measure and region (a what-if's ids are made from the pair).
            if !drafts.iter().any(|d| d.measure == draft.measure && d.region == draft.region) {
                drafts.push(draft);
            }
        }
        WhatIf { name: scenario.name.clone(), drafts, current: 0, file, undo: Vec::new(), redo: Vec::new() }
    }

    pub fn draft(&self) -> Option<&Draft> {
        self.drafts.get(self.current)
    }

    fn remember(&mut self) {
        self.undo.push((self.drafts.clone(), self.current));
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(state) = self.undo.pop() else { return false };
        self.redo.push((std::mem::replace(&mut self.drafts, state.0), self.current));
        self.current = state.1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(state) = self.redo.pop() else { return false };
        self.undo.push((std::mem::replace(&mut self.drafts, state.0), self.current));
        self.current = state.1;
        true
    }

    /// Starts (or restarts) the series of `measure` in `region` from `start`, growing at 0 %
    /// a year until a path is chosen. An existing series of the pair is replaced.
    pub fn begin(&mut self, plan: &Plan, measure: &str, region: &str, start: Start) {
        let measures = Measure::select(&plan.indicators, &[measure.to_string()]);
        let Some(m) = measures.first() else { return };
        let target_year = m.targets().iter().map(|(_, t)| t.year).max().unwrap_or(plan.meta.period_end);
        let end_year = if start.year < target_year { target_year } else { start.year.saturating_add(5) };
        let mut draft = Draft {
            measure: measure.to_string(),
            measure_name: m.name().to_string(),
            region: region.to_string(),
            unit: m.unit().to_string(),
            start,
            end_year,
            path: PathKind::Growth(0.0),
            points: Vec::new(),
        };
        draft.recompute();
        self.remember();
        match self.drafts.iter().position(|d| d.measure == measure && d.region == region) {
            Some(k) => {
                if let Some(d) = self.drafts.get_mut(k) {
                    *d = draft;
                }
                self.current = k;
            }
            None => {
                self.drafts.push(draft);
                self.current = self.drafts.len() - 1;
            }
        }
    }

    /// Shows the series `k` for editing.
    pub fn select(&mut self, k: usize) {
        if k < self.drafts.len() {
            self.current = k;
        }
    }

    fn change(&mut self, f: impl FnOnce(&mut Draft)) -> bool {
        let Some(before) = self.draft().cloned() else { return false };
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return false;
        }
        self.remember();
        if let Some(d) = self.drafts.get_mut(self.current) {
            *d = after;
        }
        true
    }

    /// Constant annual growth of `rate` percent from the start.
    pub fn set_growth(&mut self, rate: f64) -> bool {
        if !rate.is_finite() || rate <= -100.0 {
            return false;
        }
        self.change(|d| {
            d.path = PathKind::Growth(rate);
            d.recompute();
        })
    }

    /// A straight line from the start to `value` in the end year.
    pub fn set_line(&mut self, value: f64) -> bool {
        if !value.is_finite() {
            return false;
        }
        self.change(|d| {
            d.path = PathKind::Line(value);
            d.recompute();
        })
    }

    /// Moves the value of `year` to `value` (a drag on the chart). `first` marks the first
    /// move of a drag: the whole drag is one step to undo.
    pub fn drag(&mut self, year: u16, value: f64, first: bool) -> bool {
        let Some(d) = self.draft() else { return false };
        if !value.is_finite() || !d.points.iter().any(|p| p.0 == year) {
            return false;
        }
        if first {
            self.remember();
        }
        let Some(d) = self.drafts.get_mut(self.current) else { return false };
        d.path = PathKind::Drawn;
        for p in &mut d.points {
            if p.0 == year {
                // What the handle shows is what is kept.
                p.1 = super::format::to_readable_precision(value);
            }
        }
        true
    }

    /// Removes the series in hand.
    pub fn remove_current(&mut self) -> bool {
        if self.current >= self.drafts.len() {
            return false;
        }
        self.remember();
        self.drafts.remove(self.current);
        self.current = self.current.min(self.drafts.len().saturating_sub(1));
        true
    }

    pub fn rename(&mut self, name: &str) {
        self.name = name.to_string();
    }

    /// The what-if as a scenario file holds it.
    pub fn to_scenario(&self, plan: &Plan) -> Scenario {
        let how: Vec<String> =
            self.drafts.iter().map(|d| format!("{} ({}): {}", d.measure, d.region, d.provenance())).collect();
        Scenario {
            format_version: SCENARIO_FORMAT_VERSION,
            name: self.name.clone(),
            description: format!("What-if scenario made in plan-explorer, not data. {}", how.join("; ")),
            plan: plan.meta.title.clone(),
            built_in: false,
            colour_slot: 0,
            extra_indicators: Vec::new(),
            verdicts: Vec::new(),
            series: self.drafts.iter().map(|d| d.series()).collect(),
        }
    }
}

#[cfg(test)]
mod tests;
