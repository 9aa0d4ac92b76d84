//! The session: what the window and the command line share, without egui. It holds the loaded
//! document, the scenarios, what is derived from them (under one invalidation rule), the
//! presenter's own deck, and builds what is drawn from them: charts, slides, the briefing and
//! maps, each as a spec that every drawing of it (window, PNG, PDF, HTML, JSON) shares.
//!
//! `app/` is the egui glue around a session; `cli/` runs one session per command.

pub mod background;
pub mod briefing;
pub mod derived;
pub mod map;
pub mod memo;
pub mod scenarios;
pub mod slides;
pub mod whatif;

use std::sync::Arc;

use background::Background;
use derived::{Comparison, EastWest, PlanDerived, ScenarioDerived};
use scenarios::ScenarioSet;

use crate::i18n::{Lang, Msg, tr};
use crate::model::Document;
use crate::model::chart::{Chart, ChartOptions};
use crate::model::deck::Deck;
use crate::model::evaluation::TargetEvaluation;
use crate::model::map::{MapGeometry, Pin};
use crate::model::marks::Span;
use crate::model::overview::{HeadlineTile, PlanFacts};
use crate::model::progress::Status;
use crate::model::regional::{PlanCounts, PlanMetric, StatOption, StatTable};
use crate::model::scenario::{Scenario, embedded_actuals};
use crate::model::summary::MeasureSummary;

/// Plans at least this large (the real one has 753 nodes) have their heavy recomputations
/// done on a worker thread — a search, everything derived from the scenarios — so that no
/// frame waits for them; smaller plans compute them at once, in well under a millisecond.
pub const LARGE_PLAN_NODES: usize = 20_000;

/// How many changes to the presenter's deck can be undone.
const MAX_DECK_UNDO: usize = 200;

pub struct Session {
    /// Shared with the worker threads that search it and derive from it.
    doc: Arc<Document>,
    plan: PlanDerived,
    scenarios: ScenarioSet,
    derived: ScenarioDerived,
    /// For a large plan, the next `derived` being built on a worker thread; the current one
    /// stays shown until it ends.
    worker: Background<ScenarioDerived>,
    /// The presenter's own selection of slides (自选幻灯片).
    deck: Deck,
    /// The presenter's deck before each change, to undo, and the changes undone, to redo.
    deck_undo: Vec<Deck>,
    deck_redo: Vec<Deck>,
    /// The slide whose speaker notes the last change wrote: typing goes on in the same step.
    deck_typing: Option<usize>,
    /// Notes written on the plan's deck while presenting it, kept for the next time it runs.
    plan_notes: Vec<crate::model::deck::Slide>,
}

impl Session {
    /// A session on `doc` with the shipped actual values (when they fit the plan) and `lang`'s
    /// name for the presenter's deck.
    pub fn new(doc: Document, lang: Lang) -> Self {
        Self::with_rule(doc, lang, crate::model::evaluation::Rule::default())
    }

    /// A session on `doc` with the shipped actuals, judging 基本完成 by `rule`: derived once,
    /// not first by the default rule and again by the remembered one.
    pub fn with_rule(doc: Document, lang: Lang, rule: crate::model::evaluation::Rule) -> Self {
        // The shipped actuals are checked by the tests; without them charts show the plan alone.
        let built_in: Vec<Scenario> = embedded_actuals(&doc.plan).into_iter().collect();
        let mut scenarios = ScenarioSet::new(built_in);
        scenarios.set_rule(rule);
        Self::on(doc, scenarios, lang)
    }

    /// A session on `doc` holding `scenarios` as built in (the command line: the shipped
    /// actuals and the files it was given).
    pub fn with_scenarios(doc: Document, scenarios: Vec<Scenario>, lang: Lang) -> Self {
        Self::on(doc, ScenarioSet::new(scenarios), lang)
    }

    fn on(doc: Document, scenarios: ScenarioSet, lang: Lang) -> Self {
        let derived = ScenarioDerived::new(&doc, scenarios.snapshot());
        Session {
            plan: PlanDerived::new(&doc),
            doc: Arc::new(doc),
            scenarios,
            derived,
            worker: Background::default(),
            deck: Deck::new(tr(lang, Msg::MyDeck)),
            deck_undo: Vec::new(),
            deck_redo: Vec::new(),
            deck_typing: None,
            plan_notes: Vec::new(),
        }
    }

    pub fn doc(&self) -> &Arc<Document> {
        &self.doc
    }

    pub fn scenarios(&self) -> &ScenarioSet {
        &self.scenarios
    }

    /// Changes the scenarios; when `change` says they changed (it returns true), everything
    /// derived from them is rebuilt — the one invalidation rule. A large plan's summaries and
    /// evaluation (tens of milliseconds at 75,000 nodes) are rebuilt on a worker, and a newer
    /// change drops an older worker's result.
    pub fn change_scenarios(&mut self, change: impl FnOnce(&mut ScenarioSet) -> bool) -> bool {
        let changed = change(&mut self.scenarios);
        if changed {
            self.rederive();
        }
        changed
    }

    fn rederive(&mut self) {
        let snapshot = self.scenarios.snapshot();
        if self.doc.plan.nodes.len() < LARGE_PLAN_NODES {
            self.worker.cancel();
            self.derived = ScenarioDerived::new(&self.doc, snapshot);
            return;
        }
        let doc = Arc::clone(&self.doc);
        self.worker.start(move || ScenarioDerived::new(&doc, snapshot));
    }

    /// Swaps in what a worker derived, once it is done; true when it did.
    pub fn poll(&mut self) -> bool {
        let Some(derived) = self.worker.poll() else { return false };
        let old = std::mem::replace(&mut self.derived, derived);
        // What a large plan derived is tens of thousands of allocations: freeing them is not
        // the frame's work. (A small plan's is freed here; a thread would cost more.)
        if self.doc.plan.nodes.len() >= LARGE_PLAN_NODES {
            let _ = std::thread::Builder::new().name("drop-derived".into()).spawn(move || drop(old));
        }
        true
    }

    /// Whether a worker is still deriving.
    pub fn updating(&self) -> bool {
        self.worker.running()
    }

    /// Blocks until a worker's result is in hand, leaving it for the next [`Session::poll`]
    /// (tests and benchmarks).
    pub fn wait_for_update(&mut self) {
        self.worker.wait();
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    pub fn deck_mut(&mut self) -> &mut Deck {
        &mut self.deck
    }

    /// Changes the presenter's deck with `edit`, as one step to undo (a change that changes
    /// nothing is no step). `typing` names the slide whose speaker notes are being typed: the
    /// keystrokes on one slide's notes make one step.
    pub fn edit_deck(&mut self, typing: Option<usize>, edit: impl FnOnce(&mut Deck)) {
        let before = self.deck.clone();
        edit(&mut self.deck);
        if self.deck == before {
            return;
        }
        if typing.is_none() || typing != self.deck_typing || self.deck_undo.is_empty() {
            self.deck_undo.push(before);
            if self.deck_undo.len() > MAX_DECK_UNDO {
                self.deck_undo.remove(0);
            }
        }
        self.deck_typing = typing;
        self.deck_redo.clear();
    }

    /// Undoes the last change to the presenter's deck; false when there is none.
    pub fn undo_deck(&mut self) -> bool {
        let Some(before) = self.deck_undo.pop() else { return false };
        self.deck_redo.push(std::mem::replace(&mut self.deck, before));
        self.deck_typing = None;
        true
    }

    /// Makes the last change undone again; false when there is none.
    pub fn redo_deck(&mut self) -> bool {
        let Some(after) = self.deck_redo.pop() else { return false };
        self.deck_undo.push(std::mem::replace(&mut self.deck, after));
        self.deck_typing = None;
        true
    }

    /// (something to undo, something to redo) on the presenter's deck.
    pub fn deck_history(&self) -> (bool, bool) {
        (!self.deck_undo.is_empty(), !self.deck_redo.is_empty())
    }

    // What depends on the plan alone.

    pub fn marks(&self, node: usize) -> &[Span] {
        self.plan.marks(&self.doc, node)
    }

    pub fn map_geometry(&self) -> Result<&Arc<MapGeometry>, &str> {
        self.plan.map()
    }

    pub fn pins(&self) -> &Arc<Vec<Pin>> {
        self.plan.pins(&self.doc)
    }

    pub fn plan_counts(&self, metric: PlanMetric) -> &PlanCounts {
        self.plan.counts(&self.doc, metric)
    }

    // What depends on the scenarios.

    /// The scenarios the charts show, as they were when what is shown was derived.
    pub fn shown_scenarios(&self) -> Vec<&Scenario> {
        self.derived.scenarios()
    }

    pub fn summaries(&self) -> &[MeasureSummary] {
        &self.derived.summaries
    }

    pub fn summary(&self, measure: &str) -> Option<&MeasureSummary> {
        self.derived.summaries.iter().find(|s| s.key == measure)
    }

    /// Every target judged by its value in the target year.
    pub fn evaluations(&self) -> &[TargetEvaluation] {
        &self.derived.evaluations
    }

    /// The headline indicators' tiles for the start page.
    pub fn tiles(&self) -> &[HeadlineTile] {
        &self.derived.tiles
    }

    /// How many parts, chapters, boxes, tasks, statements and targets the plan holds.
    pub fn facts(&self) -> PlanFacts {
        self.derived.facts
    }

    /// The worst status under each node.
    pub fn node_status(&self) -> &[Option<Status>] {
        &self.derived.node_status
    }

    /// The chart of `measures` (several are compared).
    pub fn chart(&self, measures: &[String], options: ChartOptions) -> Arc<Chart> {
        self.derived.chart(&self.doc, measures, options)
    }

    /// The small chart of one measure, as the reader and the slides show it.
    pub fn small_chart(&self, measure: &str, lang: Lang) -> Arc<Chart> {
        self.chart(std::slice::from_ref(&measure.to_string()), ChartOptions { lang, ..ChartOptions::default() })
    }

    /// The statistics with values per 盟市 or per half, most widely known first.
    pub fn stat_options(&self) -> &[StatOption] {
        &self.derived.stat_options
    }

    /// What a deck loaded now may name: the plan's measures and chapters, the statistics of
    /// the scenarios loaded.
    pub fn deck_terms(&self) -> crate::model::deck::DeckTerms<'_> {
        crate::model::deck::DeckTerms { doc: &self.doc, stats: self.stat_options() }
    }

    /// Which statistic an indicator id (and unit, when given) names.
    pub fn stat_index(&self, indicator: &str, unit: Option<&str>) -> Option<usize> {
        self.derived.stat_options.iter().position(|o| o.indicator == indicator && unit.is_none_or(|u| o.unit == u))
    }

    /// Statistic `k`'s table in `year` (its default year when it has no such year).
    pub fn stat_table(&self, k: usize, year: Option<u16>) -> Option<Arc<StatTable>> {
        self.derived.stat_table(&self.doc, k, year, None)
    }

    /// Statistic `k` in every year it has, and the chart of east against west over them.
    pub fn east_west(&self, k: usize, lang: Lang) -> Option<Arc<EastWest>> {
        self.derived.east_west(&self.doc, k, None, lang)
    }

    /// [`Session::stat_table`] and [`Session::east_west`] read from one scenario only (`None`:
    /// every shown scenario, the first value in list order), as the East–West page offers.
    pub fn regional_from(
        &self,
        k: usize,
        year: Option<u16>,
        only: Option<&str>,
        lang: Lang,
    ) -> (Option<Arc<StatTable>>, Option<Arc<EastWest>>) {
        (self.derived.stat_table(&self.doc, k, year, only), self.derived.east_west(&self.doc, k, only, lang))
    }

    /// The shown scenarios that have statistic `k` for some 盟市 or half.
    pub fn regional_sources(&self, k: usize) -> Arc<Vec<String>> {
        self.derived.sources_of(&self.doc, k)
    }

    /// The scenario page's tables for the pair it compares. While a worker derives from a
    /// changed list, the pair's numbers may name scenarios of the new list: the tables wait for
    /// the worker (they are empty until it is done).
    pub fn comparison(&self) -> Arc<Comparison> {
        if self.updating() {
            return Arc::default();
        }
        self.derived.comparison(&self.doc, self.scenarios.pair())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::summary::summarize;

    fn test_document() -> Document {
        Document::new(crate::model::load::embedded_plan().expect("the embedded plan"), "plan.ron")
    }

    #[test]
    fn a_large_plan_derives_on_a_worker_and_shows_the_result_when_it_is_done() {
        let small = test_document();
        let large = Document::new(crate::model::synth::synth(&small.plan, 30), "synth");
        assert!(large.plan.nodes.len() >= LARGE_PLAN_NODES);
        let actuals = embedded_actuals(&large.plan).expect("actuals");
        let mut session = Session::with_scenarios(large, Vec::new(), Lang::Zh);
        assert!(session.summaries().iter().all(|s| s.latest.is_none()), "no scenario, no actual value");
        let added = actuals.clone();
        session.change_scenarios(move |set| {
            *set = ScenarioSet::new([added]);
            true
        });
        // Until the worker is done, what was shown stays.
        session.wait_for_update();
        assert!(session.summaries().iter().all(|s| s.latest.is_none()));
        assert!(session.poll(), "the next frame swaps the result in");
        assert_eq!(session.summaries(), summarize(session.doc(), &[&actuals]).as_slice());
        assert!(!session.updating() && !session.poll());
        // A newer change wins over one still running.
        session.change_scenarios(|set| set.toggle(0));
        session.change_scenarios(|set| set.toggle(0));
        session.change_scenarios(|set| set.toggle(0));
        session.wait_for_update();
        session.poll();
        assert!(session.summaries().iter().all(|s| s.latest.is_none()), "the last change (hidden) is shown");
    }

    #[test]
    fn what_is_derived_belongs_to_the_scenarios_it_was_built_from() {
        let mut session = Session::new(test_document(), Lang::Zh);
        let with_actuals = session.small_chart("rd_intensity", Lang::Zh);
        assert!(Arc::ptr_eq(&with_actuals, &session.small_chart("rd_intensity", Lang::Zh)), "kept, not rebuilt");
        session.change_scenarios(|set| set.toggle(0));
        let without = session.small_chart("rd_intensity", Lang::Zh);
        assert!(with_actuals.series.len() > without.series.len(), "hiding the actuals redraws the chart without them");
        let english = session.small_chart("rd_intensity", Lang::En);
        assert_ne!(english.title, without.title, "each language has its own chart");
    }
}
