//! What a session computes, kept until its inputs change. The one invalidation rule:
//! everything that depends on the scenarios lives in [`ScenarioDerived`], built from a
//! [`Snapshot`] of them and replaced whole when they change (loaded, removed, toggled, the
//! progress basis); everything that depends on the plan alone lives in [`PlanDerived`] as long
//! as the plan. Both lend by `&self`: plan caches are `OnceCell`s, scenario caches
//! [`Memo`]s keyed by what was asked (measures, statistic and year, slide, language).

use std::cell::OnceCell;
use std::sync::Arc;

use super::memo::{Memo, Slot};
use super::scenarios::Snapshot;
use crate::i18n::Lang;
use crate::model::chart::east_west::east_west_chart;
use crate::model::chart::{Chart, ChartOptions, build_chart};
use crate::model::compare::{Difference, TargetComparison, at_target, differences};
use crate::model::deck::Slide;
use crate::model::evaluation::{TargetEvaluation, evaluate};
use crate::model::map::spec::MapSpec;
use crate::model::map::{MapGeometry, Pin, pins};
use crate::model::marks::{Span, marks_of};
use crate::model::overview::{HeadlineTile, PlanFacts, headline_tiles};
use crate::model::progress::Status;
use crate::model::regional::{PlanCounts, PlanMetric, StatOption, StatTable, over_time, stat_options, stat_table};
use crate::model::scenario::Scenario;
use crate::model::slide::SlideSpec;
use crate::model::summary::{MeasureSummary, rollup, summarize};
use crate::model::{Document, Measure};

/// Per measure (by plan order) with a target: every scenario's value at the target year.
pub type AtTarget = Vec<(usize, Vec<TargetComparison>)>;

/// What depends on the plan alone, built on first use.
pub struct PlanDerived {
    /// Place names and indicator phrases per node, found when a node is first shown.
    marks: Vec<OnceCell<Vec<Span>>>,
    /// The map's boundaries, projected and triangulated when a map is first drawn.
    map: OnceCell<Result<Arc<MapGeometry>, String>>,
    /// The plan's places that are a 旗县区.
    pins: OnceCell<Arc<Vec<Pin>>>,
    /// Which nodes concern each 盟市, region and chapter, per metric.
    counts: [OnceCell<PlanCounts>; 3],
}

impl PlanDerived {
    pub fn new(doc: &Document) -> Self {
        PlanDerived {
            marks: (0..doc.plan.nodes.len()).map(|_| OnceCell::new()).collect(),
            map: OnceCell::new(),
            pins: OnceCell::new(),
            counts: Default::default(),
        }
    }

    pub fn marks(&self, doc: &Document, i: usize) -> &[Span] {
        self.marks.get(i).map_or(&[], |cell| cell.get_or_init(|| marks_of(doc, i)))
    }

    /// The map of the 盟市 (the boundaries ship with the binary), or why it could not be built.
    pub fn map(&self) -> Result<&Arc<MapGeometry>, &str> {
        self.map.get_or_init(|| MapGeometry::embedded().map(Arc::new)).as_ref().map_err(String::as_str)
    }

    pub fn pins(&self, doc: &Document) -> &Arc<Vec<Pin>> {
        self.pins.get_or_init(|| Arc::new(pins(doc)))
    }

    pub fn counts(&self, doc: &Document, metric: PlanMetric) -> &PlanCounts {
        let [tasks, boxes, platforms] = &self.counts;
        let cell = match metric {
            PlanMetric::Tasks => tasks,
            PlanMetric::Boxes => boxes,
            PlanMetric::Platforms => platforms,
        };
        cell.get_or_init(|| PlanCounts::new(doc, metric))
    }
}

/// One statistic's table in every year it has, and the chart of east against west over them.
pub struct EastWest {
    pub tables: Vec<StatTable>,
    pub chart: Chart,
}

/// The scenario page's tables for one pair of loaded scenarios.
#[derive(Default)]
pub struct Comparison {
    pub at_target: AtTarget,
    pub differences: Vec<Difference>,
}

/// A map: its quantity (series and unit), year and language.
pub type MapKey = (String, Option<String>, Option<u16>, Lang);

/// What depends on the scenarios, for the snapshot it was built from.
pub struct ScenarioDerived {
    pub(super) snapshot: Snapshot,
    pub(super) summaries: Vec<MeasureSummary>,
    pub(super) evaluations: Vec<TargetEvaluation>,
    pub(super) tiles: Vec<HeadlineTile>,
    /// What the plan holds, counted once (the start page shows it every frame).
    pub(super) facts: PlanFacts,
    pub(super) node_status: Vec<Option<Status>>,
    /// The statistics with values per 盟市 or per half (the regional page, the map, slides).
    pub(super) stat_options: Vec<StatOption>,
    pub(super) charts: Memo<(Vec<String>, ChartOptions), Chart>,
    /// By statistic, year and the one scenario read (`None`: every shown scenario).
    pub(super) stat_tables: Memo<(usize, u16, Option<String>), StatTable>,
    pub(super) east_west: Memo<(usize, Option<String>, Lang), EastWest>,
    /// By statistic: the shown scenarios that have it for some 盟市 or half.
    pub(super) sources: Memo<usize, Vec<String>>,
    pub(super) comparisons: Memo<(usize, usize), Comparison>,
    pub(super) slides: Memo<(Slide, Lang), SlideSpec>,
    pub(super) maps: Memo<MapKey, Result<Arc<MapSpec>, String>>,
    /// The what-if page's chart, for the latest revision of the what-if.
    pub(super) whatif: Slot<(u64, Lang), Chart>,
}

impl ScenarioDerived {
    pub fn new(doc: &Document, snapshot: Snapshot) -> Self {
        let scenarios = snapshot.enabled();
        let summaries = summarize(doc, &scenarios);
        let node_status = rollup(doc, &summaries);
        let evaluations = evaluate(doc, &scenarios, snapshot.rule);
        let tiles = headline_tiles(doc, &summaries, &evaluations, &scenarios);
        let stat_options = stat_options(doc, &scenarios);
        ScenarioDerived {
            facts: PlanFacts::of(doc, &summaries),
            summaries,
            evaluations,
            tiles,
            node_status,
            stat_options,
            snapshot,
            charts: Memo::default(),
            stat_tables: Memo::default(),
            east_west: Memo::default(),
            comparisons: Memo::default(),
            sources: Memo::default(),
            slides: Memo::default(),
            maps: Memo::default(),
            whatif: Slot::default(),
        }
    }

    pub fn scenarios(&self) -> Vec<&Scenario> {
        self.snapshot.enabled()
    }

    /// The shown scenario named `only`, or (`None`, or a name no longer shown) every shown one.
    fn read_from(&self, only: Option<&str>) -> Vec<&Scenario> {
        let all = self.scenarios();
        match all.iter().find(|s| Some(s.name.as_str()) == only) {
            Some(one) => vec![*one],
            None => all,
        }
    }

    /// The shown scenarios with values of statistic `k` for some 盟市 or half.
    pub fn sources_of(&self, doc: &Document, k: usize) -> Arc<Vec<String>> {
        self.sources.get_or(k, || {
            let Some(option) = self.stat_options.get(k) else { return Vec::new() };
            self.scenarios()
                .into_iter()
                .filter(|s| crate::model::regional::has_parts_of(doc, s, &option.indicator))
                .map(|s| s.name.clone())
                .collect()
        })
    }

    pub fn chart(&self, doc: &Document, measures: &[String], options: ChartOptions) -> Arc<Chart> {
        self.charts.get_or((measures.to_vec(), options.clone()), || chart_of(doc, &self.scenarios(), measures, options))
    }

    /// Statistic `k`'s table in `year` (its default year when it has no such year).
    pub fn stat_table(
        &self,
        doc: &Document,
        k: usize,
        year: Option<u16>,
        only: Option<&str>,
    ) -> Option<Arc<StatTable>> {
        let option = self.stat_options.get(k)?;
        let year = option.year_or_default(year);
        Some(self.stat_tables.get_or((k, year, only.map(String::from)), || {
            stat_table(doc, &self.read_from(only), &option.indicator, &option.unit, year)
        }))
    }

    pub fn east_west(&self, doc: &Document, k: usize, only: Option<&str>, lang: Lang) -> Option<Arc<EastWest>> {
        let option = self.stat_options.get(k)?;
        Some(self.east_west.get_or((k, only.map(String::from), lang), || {
            let tables = over_time(doc, &self.read_from(only), option);
            let chart = east_west_chart(&tables, option.name_in(lang), lang);
            EastWest { tables, chart }
        }))
    }

    /// The scenario page's tables for the pair of loaded scenarios (`a`, `b`).
    pub fn comparison(&self, doc: &Document, pair: (usize, usize)) -> Arc<Comparison> {
        self.comparisons.get_or(pair, || {
            let enabled = self.scenarios();
            let at_target = Measure::group(&doc.plan.indicators)
                .iter()
                .enumerate()
                .filter_map(|(k, m)| {
                    let values = at_target(m, &enabled);
                    (!values.is_empty()).then_some((k, values))
                })
                .collect();
            let loaded = &self.snapshot.loaded;
            let differences = match (loaded.get(pair.0), loaded.get(pair.1)) {
                (Some(x), Some(y)) if pair.0 != pair.1 => differences(x, y),
                _ => Vec::new(),
            };
            Comparison { at_target, differences }
        })
    }
}

/// The indicator chart of `measures` over `scenarios`.
pub fn chart_of(doc: &Document, scenarios: &[&Scenario], measures: &[String], options: ChartOptions) -> Chart {
    let selected = Measure::select(&doc.plan.indicators, measures);
    let refs: Vec<&Measure<'_>> = selected.iter().collect();
    build_chart(&refs, scenarios, doc.plan.meta.baseline_year, options)
}
