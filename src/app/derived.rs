//! What the app computes from the plan and the loaded scenarios, kept until its inputs
//! change. The one invalidation rule: everything that depends on the scenarios lives in
//! [`ScenarioDerived`], which is rebuilt whole when they change (loaded, removed, toggled,
//! progress basis); everything that depends on the plan alone lives as long as the plan.
//! Caches keyed by a view's choice (measures, compare pair, metric) also check their key.

use std::collections::HashMap;
use std::sync::Arc;

use super::background::Background;
use crate::i18n::Lang;
use crate::model::chart::east_west::east_west_chart;
use crate::model::chart::{Chart, ChartOptions, build_chart};
use crate::model::compare::{Difference, TargetComparison, at_target, differences};
use crate::model::evaluation::{TargetEvaluation, evaluate};
use crate::model::loaded::LoadedScenario;
use crate::model::map::{MapGeometry, Pin, pins};
use crate::model::overview::{HeadlineTile, PlanFacts, headline_tiles};
use crate::model::places::PlaceMention;
use crate::model::progress::Status;
use crate::model::regional::{PlanCounts, PlanMetric, StatOption, StatTable, over_time, stat_options, stat_table};
use crate::model::scenario::Scenario;
use crate::model::search::find_all;
use crate::model::summary::{MeasureSummary, rollup, summarize};
use crate::model::{Document, Measure};
use crate::ui::widgets::highlight::{Mark, Span};

/// Per measure (by plan order) with a target: every scenario's value at the target year.
pub type AtTarget = Vec<(usize, Vec<TargetComparison>)>;

pub struct Derived {
    /// Place names and indicator phrases per node, computed when a node is first shown.
    marks: Vec<Option<Vec<Span>>>,
    /// The map's boundaries, projected and triangulated when the map is first shown.
    map: Option<Result<MapGeometry, String>>,
    plan_counts: Option<(PlanMetric, PlanCounts)>,
    /// The plan's places that are a 旗县区, found when the map is first shown.
    pins: Option<Vec<Pin>>,
    scenarios: ScenarioDerived,
    /// For a large plan, the next `scenarios` being derived on a worker thread; the current
    /// ones stay shown until it ends.
    worker: Background<ScenarioDerived>,
}

/// What depends on the enabled scenarios.
pub struct ScenarioDerived {
    summaries: Vec<MeasureSummary>,
    evaluations: Vec<TargetEvaluation>,
    tiles: Vec<HeadlineTile>,
    /// What the plan holds, counted once (the start page shows it every frame).
    facts: PlanFacts,
    node_status: Vec<Option<Status>>,
    /// The last chart of several measures or an index (the indicator page's, or an index
    /// slide's): (measures, index mode) → chart.
    chart: Option<((Vec<String>, ChartOptions), Chart)>,
    /// (measure, in English) → its chart.
    small_charts: HashMap<(String, Lang), Chart>,
    /// The scenario page's tables for one compare pair.
    comparison: Option<((usize, usize), AtTarget, Vec<Difference>)>,
    /// The statistics with values per 盟市 or per half (the regional page, the map, slides).
    stat_options: Vec<StatOption>,
    /// (statistic, year) → its table, built on first use.
    stat_tables: HashMap<(usize, u16), StatTable>,
    /// (statistic, in English) → its table for every year and the east/west chart of them.
    east_west: HashMap<(usize, Lang), (Vec<StatTable>, Chart)>,
}

impl ScenarioDerived {
    fn new(doc: &Document, scenarios: &[&Scenario]) -> Self {
        let summaries = summarize(doc, scenarios);
        let node_status = rollup(doc, &summaries);
        let evaluations = evaluate(doc, scenarios);
        let tiles = headline_tiles(doc, &summaries, &evaluations, scenarios);
        ScenarioDerived {
            facts: PlanFacts::of(doc, &summaries),
            summaries,
            evaluations,
            tiles,
            node_status,
            chart: None,
            small_charts: HashMap::new(),
            comparison: None,
            stat_options: stat_options(doc, scenarios),
            stat_tables: HashMap::new(),
            east_west: HashMap::new(),
        }
    }
}

impl Derived {
    pub fn new(doc: &Document, scenarios: &[&Scenario]) -> Self {
        Derived {
            marks: vec![None; doc.plan.nodes.len()],
            map: None,
            plan_counts: None,
            pins: None,
            scenarios: ScenarioDerived::new(doc, scenarios),
            worker: Background::default(),
        }
    }

    /// The invalidation rule: call whenever the enabled scenarios or their order change. A
    /// large plan's summaries and evaluation (tens of milliseconds at 75,000 nodes) are
    /// derived on a worker; a newer change drops an older worker's result.
    pub fn scenarios_changed(&mut self, doc: &Arc<Document>, scenarios: &[&Scenario]) {
        if doc.plan.nodes.len() < super::LARGE_PLAN_NODES {
            self.worker.cancel();
            self.scenarios = ScenarioDerived::new(doc, scenarios);
            return;
        }
        let owned: Vec<Scenario> = scenarios.iter().map(|s| (*s).clone()).collect();
        let doc = Arc::clone(doc);
        self.worker.start(move || {
            let refs: Vec<&Scenario> = owned.iter().collect();
            ScenarioDerived::new(&doc, &refs)
        });
    }

    /// Swaps in what a worker derived, once it is done; true when it did.
    pub fn poll_scenarios(&mut self) -> bool {
        let Some(derived) = self.worker.poll() else { return false };
        self.scenarios = derived;
        true
    }

    /// Whether a worker is still deriving.
    pub fn updating(&self) -> bool {
        self.worker.running()
    }

    /// Blocks until a worker's result is in hand, leaving it for the next frame to swap in
    /// (tests and benchmarks).
    pub fn wait_for_update(&mut self) {
        self.worker.wait();
    }

    pub fn summaries(&self) -> &[MeasureSummary] {
        &self.scenarios.summaries
    }

    /// Every target judged by its value in the target year.
    pub fn evaluations(&self) -> &[TargetEvaluation] {
        &self.scenarios.evaluations
    }

    /// How many parts, chapters, boxes, tasks, statements and targets the plan holds.
    pub fn facts(&self) -> PlanFacts {
        self.scenarios.facts
    }

    /// The headline indicators' tiles for the start page.
    pub fn tiles(&self) -> &[HeadlineTile] {
        &self.scenarios.tiles
    }

    pub fn summary(&self, measure: &str) -> Option<&MeasureSummary> {
        self.scenarios.summaries.iter().find(|s| s.key == measure)
    }

    /// The worst status under each node.
    pub fn node_status(&self) -> &[Option<Status>] {
        &self.scenarios.node_status
    }

    /// The chart of `measures` (several are compared).
    pub fn chart(
        &mut self,
        doc: &Document,
        scenarios: &[&Scenario],
        measures: &[String],
        options: ChartOptions,
    ) -> &Chart {
        let key = (measures.to_vec(), options.clone());
        let cache = &mut self.scenarios.chart;
        if cache.as_ref().is_none_or(|(k, _)| *k != key) {
            *cache = Some((key, chart_of(doc, scenarios, measures, options)));
        }
        &cache.get_or_insert_with(Default::default).1
    }

    /// The small chart of one measure, as the reader and the slides show it.
    pub fn small_chart(&mut self, doc: &Document, scenarios: &[&Scenario], measure: &str, lang: Lang) -> &Chart {
        let options = ChartOptions { lang, ..ChartOptions::default() };
        self.scenarios
            .small_charts
            .entry((measure.to_string(), lang))
            .or_insert_with(|| chart_of(doc, scenarios, &[measure.to_string()], options))
    }

    /// The chart [`Derived::chart`] built last, to lend while other caches are borrowed too.
    pub fn last_chart(&self) -> Option<&Chart> {
        self.scenarios.chart.as_ref().map(|(_, chart)| chart)
    }

    /// A small chart [`Derived::small_chart`] has built.
    pub fn built_small_chart(&self, measure: &str, lang: Lang) -> Option<&Chart> {
        self.scenarios.small_charts.get(&(measure.to_string(), lang))
    }

    /// Computes the scenario page's tables for the pair `(a, b)` of loaded scenarios, unless
    /// they are already there; [`Derived::comparison`] then lends them.
    pub fn update_comparison(
        &mut self,
        doc: &Document,
        enabled: &[&Scenario],
        loaded: &[LoadedScenario],
        pair: (usize, usize),
    ) {
        let cache = &mut self.scenarios.comparison;
        if cache.as_ref().is_none_or(|(p, _, _)| *p != pair) {
            let groups = Measure::group(&doc.plan.indicators);
            let targets: AtTarget = groups
                .iter()
                .enumerate()
                .filter_map(|(k, m)| {
                    let values = at_target(m, enabled);
                    (!values.is_empty()).then_some((k, values))
                })
                .collect();
            let diffs = match (loaded.get(pair.0), loaded.get(pair.1)) {
                (Some(x), Some(y)) if pair.0 != pair.1 => differences(&x.scenario, &y.scenario),
                _ => Vec::new(),
            };
            *cache = Some((pair, targets, diffs));
        }
    }

    /// The scenario page's tables as last computed by [`Derived::update_comparison`].
    pub fn comparison(&self) -> (&[(usize, Vec<TargetComparison>)], &[Difference]) {
        match &self.scenarios.comparison {
            Some((_, targets, diffs)) => (targets, diffs),
            None => (&[], &[]),
        }
    }

    /// The statistics with values per 盟市 or per half, most widely known first.
    pub fn stat_options(&self) -> &[StatOption] {
        &self.scenarios.stat_options
    }

    /// Statistic `k`'s table in `year` (its latest year when it has no `year`).
    pub fn stat_table(
        &mut self,
        doc: &Document,
        scenarios: &[&Scenario],
        k: usize,
        year: Option<u16>,
    ) -> Option<&StatTable> {
        let cache = &mut self.scenarios;
        let option = cache.stat_options.get(k)?;
        let year = option.year_or_default(year);
        Some(
            cache
                .stat_tables
                .entry((k, year))
                .or_insert_with(|| stat_table(doc, scenarios, &option.indicator, &option.unit, year)),
        )
    }

    /// Statistic `k` in every year it has, and the chart of east against west over them.
    pub fn east_west(
        &mut self,
        doc: &Document,
        scenarios: &[&Scenario],
        k: usize,
        lang: Lang,
    ) -> Option<(&[StatTable], &Chart)> {
        let cache = &mut self.scenarios;
        let option = cache.stat_options.get(k)?;
        let (tables, chart) = cache.east_west.entry((k, lang)).or_insert_with(|| {
            let tables = over_time(doc, scenarios, option);
            let chart = east_west_chart(&tables, &option.name, lang);
            (tables, chart)
        });
        Some((tables, chart))
    }

    /// A table [`Derived::stat_table`] has built.
    pub fn built_stat_table(&self, k: usize, year: Option<u16>) -> Option<&StatTable> {
        let option = self.scenarios.stat_options.get(k)?;
        self.scenarios.stat_tables.get(&(k, option.year_or_default(year)))
    }

    /// What [`Derived::east_west`] has built.
    pub fn built_east_west(&self, k: usize, lang: Lang) -> Option<(&[StatTable], &Chart)> {
        self.scenarios.east_west.get(&(k, lang)).map(|(t, c)| (t.as_slice(), c))
    }

    /// The counts [`Derived::plan_counts`] built last.
    pub fn built_plan_counts(&self) -> Option<&PlanCounts> {
        self.plan_counts.as_ref().map(|(_, c)| c)
    }

    /// Which nodes concern each 盟市, region and chapter, for `metric`.
    pub fn plan_counts(&mut self, doc: &Document, metric: PlanMetric) -> &PlanCounts {
        if self.plan_counts.as_ref().is_none_or(|(m, _)| *m != metric) {
            self.plan_counts = Some((metric, PlanCounts::new(doc, metric)));
        }
        &self.plan_counts.get_or_insert_with(|| (metric, PlanCounts::new(doc, metric))).1
    }

    /// The map of the 盟市 (built on first use; the boundaries ship with the binary).
    pub fn map(&mut self) -> Result<&MapGeometry, &str> {
        self.map.get_or_insert_with(MapGeometry::embedded).as_ref().map_err(String::as_str)
    }

    /// The map as [`Derived::map`] built it, or why it could not.
    pub fn built_map_result(&self) -> Result<&MapGeometry, &str> {
        match &self.map {
            Some(Ok(map)) => Ok(map),
            Some(Err(e)) => Err(e),
            None => Err("the map is not built yet"),
        }
    }

    /// The plan's places that are a 旗县区 (found on first use).
    pub fn pins(&mut self, doc: &Document) -> &[Pin] {
        self.pins.get_or_insert_with(|| pins(doc))
    }

    /// The pins [`Derived::pins`] found.
    pub fn built_pins(&self) -> &[Pin] {
        self.pins.as_deref().unwrap_or_default()
    }

    /// The map, once [`Derived::map`] has built it.
    pub fn built_map(&self) -> Option<&MapGeometry> {
        self.map.as_ref().and_then(|m| m.as_ref().ok())
    }

    /// The place names and indicator phrases of node `i`.
    pub fn marks(&mut self, doc: &Document, i: usize) -> &[Span] {
        if self.marks.get(i).is_some_and(Option::is_none) {
            self.marks[i] = Some(marks_of(doc, i));
        }
        self.marks.get(i).and_then(Option::as_deref).unwrap_or(&[])
    }
}

/// The indicator chart of `measures` over `scenarios` (the what-if page draws one too).
pub(super) fn chart_of(doc: &Document, scenarios: &[&Scenario], measures: &[String], options: ChartOptions) -> Chart {
    let selected = Measure::select(&doc.plan.indicators, measures);
    let refs: Vec<&Measure<'_>> = selected.iter().collect();
    build_chart(&refs, scenarios, doc.plan.meta.baseline_year, options)
}

fn marks_of(doc: &Document, i: usize) -> Vec<Span> {
    let node = &doc.plan.nodes[i];
    let mut spans: Vec<Span> = doc
        .plan
        .places
        .mentions(&node.text)
        .into_iter()
        .map(|m| Span { start: m.start, end: m.end, mark: Mark::Place(describe_place(doc, &m)) })
        .collect();
    for &k in doc.outline.own_indicators(i) {
        let ind = &doc.plan.indicators[k];
        for (s, e) in find_all(&node.text, &ind.quote) {
            spans.push(Span { start: s, end: e, mark: Mark::Indicator(ind.measure.clone()) });
        }
    }
    spans
}

/// A place's tooltip: its 盟市 with their region, or its region, and the mapping's note.
fn describe_place(doc: &Document, m: &PlaceMention) -> String {
    let places = &doc.plan.places;
    let mut parts: Vec<String> = m
        .cities
        .iter()
        .map(|c| {
            let region = places.region_of(c).map(|r| r.name_zh()).unwrap_or_default();
            format!("{c}（{region}）")
        })
        .collect();
    if let Some(region) = m.region {
        parts.push(region.name_zh().to_string());
    }
    let note = places.names.iter().find(|n| n.name == m.name).map(|n| n.note.as_str()).unwrap_or_default();
    let mut text = format!("{} → {}", m.name, parts.join("、"));
    if !note.is_empty() {
        text.push_str(&format!("\n{note}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::embedded_actuals;
    use crate::model::summary::summarize;

    #[test]
    fn a_large_plan_derives_on_a_worker_and_shows_the_result_when_it_is_done() {
        let small = crate::ui::test_document();
        let large = Arc::new(Document::new(crate::model::synth::synth(&small.plan, 30), "synth"));
        assert!(large.plan.nodes.len() >= super::super::LARGE_PLAN_NODES);
        let actuals = embedded_actuals(&large.plan).expect("actuals");
        let mut derived = Derived::new(&large, &[]);
        assert!(derived.summaries().iter().all(|s| s.latest.is_none()), "no scenario, no actual value");
        derived.scenarios_changed(&large, &[&actuals]);
        // Until the worker is done, what was shown stays.
        derived.wait_for_update();
        assert!(derived.summaries().iter().all(|s| s.latest.is_none()));
        assert!(derived.poll_scenarios(), "the next frame swaps the result in");
        assert_eq!(derived.summaries(), summarize(&large, &[&actuals]).as_slice());
        assert!(!derived.updating() && !derived.poll_scenarios());
        // A newer change wins over one still running.
        derived.scenarios_changed(&large, &[&actuals]);
        derived.scenarios_changed(&large, &[]);
        derived.wait_for_update();
        derived.poll_scenarios();
        assert!(derived.summaries().iter().all(|s| s.latest.is_none()));
    }
}
