//! The desktop app: owns the loaded plan and the UI state, lays out the panels, applies the
//! actions the views return, and remembers the state between runs.

use std::collections::BTreeSet;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::model::Measure;
use crate::model::chart::{Chart, build_chart};
use crate::model::places::PlaceMention;
use crate::model::progress::Status;
use crate::model::scenario::{Scenario, embedded_actuals};
use crate::model::search::{Hit, find_all};
use crate::model::summary::{MeasureSummary, rollup, summarize};
use crate::model::{Document, Region};
use crate::ui::chart::{ChartStyle, chart_ui};
use crate::ui::fonts::install_fonts;
use crate::ui::highlight::{Mark, Span};
use crate::ui::i18n::{Lang, Msg, tr};
use crate::ui::indicators_view::{IndicatorsProps, IndicatorsViewState, indicators_ui, target_text};
use crate::ui::node_view::{NodeViewProps, node_view_ui};
use crate::ui::regions_view::{PlanCounts, RegionsProps, RegionsViewState, regions_ui};
use crate::ui::status::{status_color, status_symbol, status_text};
use crate::ui::tree::{TreeProps, tree_ui, visible_rows};
use crate::ui::{Action, RegionFilter, View};

const STATE_KEY: &str = "plan-explorer-state";

/// What is remembered between runs. Loaded data and caches are not part of it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub view: View,
    pub selected: Option<String>,
    pub expanded: BTreeSet<String>,
    pub lang: Lang,
    pub dark: bool,
    pub region_filter: RegionFilter,
    pub zoom: f32,
    pub selected_measures: Vec<String>,
    pub index_mode: bool,
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            view: View::Reader,
            selected: None,
            expanded: ["pt1", "pt2", "pt3", "pt4", "pt5", "pt6"].iter().map(|s| s.to_string()).collect(),
            lang: Lang::Zh,
            dark: false,
            region_filter: RegionFilter::All,
            zoom: 1.0,
            selected_measures: vec!["rd_intensity".into()],
            index_mode: false,
        }
    }
}

#[derive(Default)]
struct SearchState {
    query: String,
    hits: Vec<Hit>,
    /// Which hit Enter last jumped to.
    current: Option<usize>,
    mask: Option<Vec<bool>>,
}

pub struct PlanExplorerApp {
    pub doc: Document,
    pub state: UiState,
    expanded: Vec<bool>,
    selected: Option<usize>,
    search: SearchState,
    region_mask: Option<Vec<bool>>,
    bar_filter: Option<(String, Vec<bool>)>,
    rows: Vec<usize>,
    rows_dirty: bool,
    scroll_to_selected: bool,
    focus_search: bool,
    show_help: bool,
    toast: Option<(String, f64)>,
    place_spans: Vec<Option<Vec<Span>>>,
    /// Loaded scenarios, the shipped actual values first.
    pub scenarios: Vec<Scenario>,
    summaries: Vec<MeasureSummary>,
    node_status: Vec<Option<Status>>,
    /// The indicator chart for the current selection: (measures, index mode) → chart.
    chart_cache: Option<((Vec<String>, bool), Chart)>,
    small_charts: std::collections::HashMap<String, Chart>,
    indicators_view: IndicatorsViewState,
    regions_view: RegionsViewState,
    plan_counts: Option<(crate::model::regional::PlanMetric, PlanCounts)>,
}

impl PlanExplorerApp {
    /// The app as `main` starts it: fonts installed, remembered state restored.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        install_fonts(&cc.egui_ctx);
        let state = cc.storage.and_then(|s| eframe::get_value::<UiState>(s, STATE_KEY)).unwrap_or_default();
        let doc = match crate::model::load::embedded_plan() {
            Ok(plan) => Document::new(plan, crate::model::load::EMBEDDED_PLAN_NAME),
            // The embedded plan is checked by the tests; an empty plan keeps the app usable.
            Err(_) => Document::new(empty_plan(), "—"),
        };
        let app = Self::with_document(doc, state);
        app.apply_visuals(&cc.egui_ctx);
        app
    }

    pub fn with_document(doc: Document, state: UiState) -> Self {
        let n = doc.plan.nodes.len();
        let mut expanded = vec![false; n];
        for id in &state.expanded {
            if let Some(i) = doc.outline.index_of(id) {
                expanded[i] = true;
            }
        }
        let selected = state.selected.as_deref().and_then(|id| doc.outline.index_of(id));
        // The shipped actuals are checked by the tests; without them charts show the plan alone.
        let scenarios: Vec<Scenario> = embedded_actuals(&doc.plan).into_iter().collect();
        let mut app = PlanExplorerApp {
            doc,
            state,
            expanded,
            selected,
            search: SearchState::default(),
            region_mask: None,
            bar_filter: None,
            rows: Vec::new(),
            rows_dirty: true,
            scroll_to_selected: true,
            focus_search: false,
            show_help: false,
            toast: None,
            place_spans: vec![None; n],
            scenarios,
            summaries: Vec::new(),
            node_status: Vec::new(),
            chart_cache: None,
            small_charts: std::collections::HashMap::new(),
            indicators_view: IndicatorsViewState::default(),
            regions_view: RegionsViewState::default(),
            plan_counts: None,
        };
        app.refresh_summaries();
        app.set_region_filter(app.state.region_filter.clone());
        app
    }

    /// Recomputes what depends on the loaded scenarios.
    fn refresh_summaries(&mut self) {
        let scenarios: Vec<&Scenario> = self.scenarios.iter().collect();
        self.summaries = summarize(&self.doc, &scenarios);
        self.node_status = rollup(&self.doc, &self.summaries);
        self.chart_cache = None;
        self.small_charts.clear();
    }

    pub fn summaries(&self) -> &[MeasureSummary] {
        &self.summaries
    }

    /// The chart of the selected measures (cached until the selection changes).
    pub fn current_chart(&mut self) -> &Chart {
        let key = (self.state.selected_measures.clone(), self.state.index_mode);
        if self.chart_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let groups = Measure::group(&self.doc.plan.indicators);
            let measures: Vec<&Measure<'_>> =
                key.0.iter().filter_map(|k| groups.iter().find(|m| m.key == k.as_str())).collect();
            let scenarios: Vec<&Scenario> = self.scenarios.iter().collect();
            let chart = build_chart(&measures, &scenarios, self.doc.plan.meta.baseline_year, key.1);
            self.chart_cache = Some((key, chart));
        }
        &self.chart_cache.as_ref().expect("set above").1
    }

    fn small_chart(&mut self, measure: &str) -> Chart {
        if !self.small_charts.contains_key(measure) {
            let groups = Measure::group(&self.doc.plan.indicators);
            let scenarios: Vec<&Scenario> = self.scenarios.iter().collect();
            let chart = groups
                .iter()
                .find(|m| m.key == measure)
                .map(|m| build_chart(&[m], &scenarios, self.doc.plan.meta.baseline_year, false))
                .unwrap_or_default();
            self.small_charts.insert(measure.to_string(), chart);
        }
        self.small_charts.get(measure).cloned().unwrap_or_default()
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn visible_rows(&mut self) -> &[usize] {
        self.refresh_rows();
        &self.rows
    }

    fn apply_visuals(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.state.dark { egui::Theme::Dark } else { egui::Theme::Light });
        if (ctx.zoom_factor() - self.state.zoom).abs() > f32::EPSILON && self.state.zoom.is_finite() {
            ctx.set_zoom_factor(self.state.zoom.clamp(0.5, 3.0));
        }
    }

    /// The combined filter: search hits, region, and a bar clicked in the regional view.
    fn filter_mask(&self) -> Option<Vec<bool>> {
        let masks: Vec<&Vec<bool>> =
            [self.search.mask.as_ref(), self.region_mask.as_ref(), self.bar_filter.as_ref().map(|b| &b.1)]
                .into_iter()
                .flatten()
                .collect();
        let first = masks.first()?;
        Some((0..first.len()).map(|i| masks.iter().all(|m| m.get(i).copied().unwrap_or(false))).collect())
    }

    fn refresh_rows(&mut self) {
        if self.rows_dirty {
            let mask = self.filter_mask();
            self.rows = visible_rows(&self.doc, &self.expanded, mask.as_deref());
            self.rows_dirty = false;
        }
    }

    fn set_region_filter(&mut self, filter: RegionFilter) {
        let doc = &self.doc;
        self.region_mask = match &filter {
            RegionFilter::All => None,
            RegionFilter::Region(region) => Some(doc.with_ancestors(
                doc.plan.nodes.iter().enumerate().filter(|(_, n)| n.regions.contains(region)).map(|(i, _)| i),
            )),
            RegionFilter::City(city) => Some(doc.with_ancestors(
                doc.plan.nodes.iter().enumerate().filter(|(_, n)| n.cities.contains(city)).map(|(i, _)| i),
            )),
        };
        self.state.region_filter = filter;
        self.rows_dirty = true;
    }

    pub fn set_query(&mut self, query: &str) {
        self.search.query = query.to_string();
        self.search.hits = self.doc.search.search(query);
        self.search.current = None;
        self.search.mask = if query.trim().is_empty() {
            None
        } else {
            Some(self.doc.with_ancestors(self.search.hits.iter().map(|h| h.node)))
        };
        self.rows_dirty = true;
    }

    pub fn hit_count(&self) -> (usize, usize) {
        let total = self.search.hits.iter().map(|h| h.title_hits.len().max(h.text_hits.len()).max(1)).sum();
        (total, self.search.hits.len())
    }

    /// Jumps to the next (or previous) search hit, in the order hits are ranked.
    pub fn jump_hit(&mut self, forward: bool) {
        let n = self.search.hits.len();
        if n == 0 {
            return;
        }
        let next = match (self.search.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.search.current = Some(next);
        let node = self.search.hits[next].node;
        self.select(node);
        self.state.view = View::Reader;
    }

    pub fn select(&mut self, i: usize) {
        if i < self.doc.plan.nodes.len() {
            self.selected = Some(i);
            self.state.selected = Some(self.doc.plan.nodes[i].id.clone());
            // Keep the selection visible in the tree.
            for a in self.doc.outline.ancestors(i) {
                if !self.expanded[a] {
                    self.expanded[a] = true;
                    self.state.expanded.insert(self.doc.plan.nodes[a].id.clone());
                    self.rows_dirty = true;
                }
            }
            self.scroll_to_selected = true;
        }
    }

    fn set_expanded(&mut self, i: usize, open: bool) {
        if let Some(slot) = self.expanded.get_mut(i) {
            *slot = open;
            let id = self.doc.plan.nodes[i].id.clone();
            if open {
                self.state.expanded.insert(id);
            } else {
                self.state.expanded.remove(&id);
            }
            self.rows_dirty = true;
        }
    }

    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Select(i) => self.select(i),
            Action::Open(i) => {
                self.select(i);
                self.state.view = View::Reader;
            }
            Action::Toggle(i) => {
                let open = !self.expanded.get(i).copied().unwrap_or(false);
                self.set_expanded(i, open);
            }
            Action::ExpandAll => {
                for i in 0..self.expanded.len() {
                    if self.doc.outline.has_children(i) {
                        self.set_expanded(i, true);
                    }
                }
            }
            Action::CollapseAll => {
                self.expanded.iter_mut().for_each(|e| *e = false);
                self.state.expanded.clear();
                self.rows_dirty = true;
            }
            Action::SetView(view) => self.state.view = view,
            Action::OpenMeasure(measure) => {
                if !self.state.selected_measures.contains(&measure) {
                    self.state.selected_measures = vec![measure];
                }
                self.state.view = View::Indicators;
            }
            Action::ToggleMeasure(measure) => {
                if let Some(p) = self.state.selected_measures.iter().position(|m| *m == measure) {
                    self.state.selected_measures.remove(p);
                } else {
                    self.state.selected_measures.push(measure);
                }
            }
            Action::SetIndexMode(on) => self.state.index_mode = on,
            Action::SetRegionFilter(filter) => self.set_region_filter(filter),
            Action::FilterTree { label, nodes } => {
                let mask = self.doc.with_ancestors(nodes);
                self.bar_filter = Some((label, mask));
                self.rows_dirty = true;
            }
            Action::ClearTreeFilter => {
                self.bar_filter = None;
                self.rows_dirty = true;
            }
            Action::Copy(text) => {
                ctx.copy_text(text);
                self.toast = Some((tr(self.state.lang, Msg::Copied).to_string(), ctx.input(|i| i.time) + 1.5));
            }
        }
    }

    /// Place names and indicator phrases of node `i` (cached), plus the current search hits.
    fn spans(&mut self, i: usize) -> Vec<Span> {
        if self.place_spans.get(i).is_some_and(Option::is_none) {
            let node = &self.doc.plan.nodes[i];
            let mut spans: Vec<Span> = self
                .doc
                .plan
                .places
                .mentions(&node.text)
                .into_iter()
                .map(|m| Span { start: m.start, end: m.end, mark: Mark::Place(self.describe_place(&m)) })
                .collect();
            for &k in self.doc.outline.own_indicators(i) {
                let ind = &self.doc.plan.indicators[k];
                for (s, e) in find_all(&node.text, &ind.quote) {
                    spans.push(Span { start: s, end: e, mark: Mark::Indicator(ind.measure.clone()) });
                }
            }
            self.place_spans[i] = Some(spans);
        }
        let mut spans = self.place_spans.get(i).cloned().flatten().unwrap_or_default();
        if !self.search.query.trim().is_empty() {
            let text = self.doc.plan.nodes[i].text.to_ascii_lowercase();
            for (s, e) in find_all(&text, &self.search.query.trim().to_ascii_lowercase()) {
                spans.push(Span { start: s, end: e, mark: Mark::Hit });
            }
        }
        spans
    }

    fn describe_place(&self, m: &PlaceMention) -> String {
        let places = &self.doc.plan.places;
        let mut parts: Vec<String> = m
            .cities
            .iter()
            .map(|c| {
                let region = places.region_of(c).map(Region::name_zh).unwrap_or_default();
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

    fn keyboard(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F))) {
            self.focus_search = true;
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        if ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "?"))) {
            self.show_help = !self.show_help;
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.show_help = false;
        }
        self.refresh_rows();
        let pos = self.selected.and_then(|s| self.rows.iter().position(|&r| r == s));
        let (down, up, right, left) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::ArrowLeft),
            )
        });
        if down || up {
            let next = match (pos, down) {
                (None, _) => 0,
                (Some(p), true) => (p + 1).min(self.rows.len().saturating_sub(1)),
                (Some(p), false) => p.saturating_sub(1),
            };
            if let Some(&node) = self.rows.get(next) {
                self.select(node);
            }
        }
        if let Some(sel) = self.selected {
            let open = self.expanded.get(sel).copied().unwrap_or(false);
            if right && self.doc.outline.has_children(sel) {
                if open {
                    if let Some(&child) = self.doc.outline.children(sel).first() {
                        self.select(child);
                    }
                } else {
                    self.set_expanded(sel, true);
                }
            }
            if left {
                if open {
                    self.set_expanded(sel, false);
                } else if let Some(parent) = self.doc.outline.parent(sel) {
                    self.select(parent);
                }
            }
            if ctx.input(|i| i.key_pressed(Key::Enter)) {
                self.state.view = View::Reader;
            }
        }
    }

    /// Draws the whole window; also what the tests and benchmarks drive.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.keyboard(&ctx);
        self.state.zoom = ctx.zoom_factor();
        // The remembered theme wins over whatever the platform (or a test harness) set.
        let theme = if self.state.dark { egui::Theme::Dark } else { egui::Theme::Light };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        let mut actions: Vec<Action> = Vec::new();
        let lang = self.state.lang;

        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr(lang, Msg::AppTitle)).strong());
                ui.separator();
                for (view, msg) in [
                    (View::Reader, Msg::ViewReader),
                    (View::Indicators, Msg::ViewIndicators),
                    (View::Regions, Msg::ViewRegions),
                ] {
                    if ui.selectable_label(self.state.view == view, tr(lang, msg)).clicked() {
                        actions.push(Action::SetView(view));
                    }
                }
                ui.separator();
                self.search_box(ui, &mut actions);
                ui.separator();
                self.region_filter_box(ui, &mut actions);
                ui.separator();
                if ui.button(tr(lang, Msg::Language)).clicked() {
                    self.state.lang = match lang {
                        Lang::Zh => Lang::En,
                        Lang::En => Lang::Zh,
                    };
                }
                let theme_label = if self.state.dark { tr(lang, Msg::ThemeLight) } else { tr(lang, Msg::ThemeDark) };
                if ui.button(theme_label).on_hover_text(tr(lang, Msg::Theme)).clicked() {
                    self.state.dark = !self.state.dark;
                    self.apply_visuals(&ctx);
                }
                if ui.button("?").on_hover_text(tr(lang, Msg::Help)).clicked() {
                    self.show_help = !self.show_help;
                }
            });
            ui.add_space(2.0);
        });

        egui::Panel::left("tree_panel").resizable(true).default_size(360.0).min_size(220.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.small_button(tr(lang, Msg::ExpandAll)).clicked() {
                    actions.push(Action::ExpandAll);
                }
                if ui.small_button(tr(lang, Msg::CollapseAll)).clicked() {
                    actions.push(Action::CollapseAll);
                }
                if let Some((label, _)) = &self.bar_filter {
                    ui.label(RichText::new(format!("{}：{label}", tr(lang, Msg::TreeFiltered))).small());
                    if ui.small_button(tr(lang, Msg::ClearFilter)).clicked() {
                        actions.push(Action::ClearTreeFilter);
                    }
                }
            });
            ui.separator();
            self.refresh_rows();
            let scroll_to_row = if self.scroll_to_selected {
                self.selected.and_then(|s| self.rows.iter().position(|&r| r == s))
            } else {
                None
            };
            self.scroll_to_selected = false;
            let statuses = &self.node_status;
            let badge = |i: usize| {
                statuses.get(i).copied().flatten().map(|st| (status_symbol(st).to_string(), status_color(st)))
            };
            let props = TreeProps {
                doc: &self.doc,
                rows: &self.rows,
                selected: self.selected,
                expanded: &self.expanded,
                query: &self.search.query,
                scroll_to_row,
                lang,
                badge: &badge,
            };
            actions.extend(tree_ui(ui, &props));
        });

        egui::CentralPanel::default().show(ui, |ui| match self.state.view {
            View::Reader => actions.extend(self.reader_ui(ui)),
            View::Indicators => {
                let lang = self.state.lang;
                let index_mode = self.state.index_mode;
                let chart = self.current_chart().clone();
                let props = IndicatorsProps {
                    doc: &self.doc,
                    summaries: &self.summaries,
                    selected: &self.state.selected_measures,
                    chart: &chart,
                    lang,
                    index_mode,
                };
                actions.extend(indicators_ui(ui, &props, &mut self.indicators_view));
            }
            View::Regions => actions.extend(self.regions_ui(ui)),
        });

        if self.show_help {
            egui::Window::new(tr(lang, Msg::Help)).collapsible(false).resizable(false).show(&ctx, |ui| {
                for line in tr(lang, Msg::Shortcuts).split(" · ") {
                    ui.label(line);
                }
                if ui.button(tr(lang, Msg::Close)).clicked() {
                    self.show_help = false;
                }
            });
        }
        if let Some((text, until)) = &self.toast {
            if ctx.input(|i| i.time) < *until {
                egui::Area::new(egui::Id::unique("toast")).anchor(egui::Align2::CENTER_BOTTOM, [0.0, -24.0]).show(
                    &ctx,
                    |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(text));
                    },
                );
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            } else {
                self.toast = None;
            }
        }
        for action in actions {
            self.apply(&ctx, action);
        }
    }

    fn search_box(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let lang = self.state.lang;
        let mut query = self.search.query.clone();
        let response = ui.add(
            egui::TextEdit::singleline(&mut query)
                .hint_text(tr(lang, Msg::SearchHint))
                .desired_width(220.0)
                .id_salt("search"),
        );
        let response = response.labelled_by(ui.label(tr(lang, Msg::Search)).id);
        if self.focus_search {
            response.request_focus();
            self.focus_search = false;
        }
        if query != self.search.query {
            self.set_query(&query);
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            self.jump_hit(!back);
            response.request_focus();
        }
        if !self.search.query.trim().is_empty() {
            let (hits, nodes) = self.hit_count();
            let text = if nodes == 0 {
                tr(lang, Msg::NoHits).to_string()
            } else {
                format!("{hits} {} / {nodes} {}", tr(lang, Msg::Hits), tr(lang, Msg::Nodes))
            };
            ui.label(RichText::new(text).small());
            if ui.small_button("▲").on_hover_text(tr(lang, Msg::PrevHit)).clicked() {
                self.jump_hit(false);
            }
            if ui.small_button("▼").on_hover_text(tr(lang, Msg::NextHit)).clicked() {
                self.jump_hit(true);
            }
        }
        let _ = actions;
    }

    fn region_filter_box(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let lang = self.state.lang;
        let current = match &self.state.region_filter {
            RegionFilter::All => tr(lang, Msg::AllRegions).to_string(),
            RegionFilter::Region(r) => region_name(*r, lang).to_string(),
            RegionFilter::City(c) => c.clone(),
        };
        egui::ComboBox::from_label(tr(lang, Msg::RegionFilter)).selected_text(current).show_ui(ui, |ui| {
            if ui.selectable_label(self.state.region_filter == RegionFilter::All, tr(lang, Msg::AllRegions)).clicked() {
                actions.push(Action::SetRegionFilter(RegionFilter::All));
            }
            for region in Region::ALL {
                let f = RegionFilter::Region(region);
                if ui.selectable_label(self.state.region_filter == f, region_name(region, lang)).clicked() {
                    actions.push(Action::SetRegionFilter(f));
                }
                for city in self.doc.plan.places.cities_in(region) {
                    let f = RegionFilter::City(city.name.clone());
                    let label = format!("　{}", city.name);
                    if ui.selectable_label(self.state.region_filter == f, label).clicked() {
                        actions.push(Action::SetRegionFilter(f));
                    }
                }
            }
        });
    }

    fn regions_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let metric = self.regions_view.metric;
        if self.plan_counts.as_ref().is_none_or(|(m, _)| *m != metric) {
            self.plan_counts = Some((metric, PlanCounts::new(&self.doc, metric)));
        }
        let scenarios: Vec<&Scenario> = self.scenarios.iter().collect();
        let options = crate::model::regional::stat_options(&self.doc, &scenarios);
        let stat = options.get(self.regions_view.stat.min(options.len().saturating_sub(1))).map(|o| {
            let year = self.regions_view.year.filter(|y| o.3.contains(y)).or(o.3.last().copied()).unwrap_or(0);
            crate::model::regional::stat_table(&self.doc, &scenarios, &o.0, &o.2, year)
        });
        if self.regions_view.year.is_none() {
            self.regions_view.year = stat.as_ref().map(|s| s.year);
        }
        let Some((_, counts)) = &self.plan_counts else { return Vec::new() };
        let props =
            RegionsProps { doc: &self.doc, counts, stat_options: &options, stat: stat.as_ref(), lang: self.state.lang };
        regions_ui(ui, &props, &mut self.regions_view)
    }

    fn reader_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let lang = self.state.lang;
        let Some(node) = self.selected else {
            ui.centered_and_justified(|ui| ui.label(RichText::new(tr(lang, Msg::NoNodeSelected)).weak()));
            return Vec::new();
        };
        // Spans are computed lazily; collect them for the visible subtree first.
        let range = self.doc.outline.subtree(node);
        let spans: Vec<Vec<Span>> = range.clone().map(|k| self.spans(k)).collect();
        let start = range.start;
        let span_of = |k: usize| spans.get(k.wrapping_sub(start)).cloned().unwrap_or_default();
        // One small chart per measure stated in the subtree, in plan order.
        let mut measures: Vec<String> = Vec::new();
        for k in self.doc.outline.subtree(node) {
            for &ind in self.doc.outline.own_indicators(k) {
                let m = &self.doc.plan.indicators[ind].measure;
                if !measures.contains(m) {
                    measures.push(m.clone());
                }
            }
        }
        let charts: Vec<Chart> = measures.iter().map(|m| self.small_chart(m)).collect();
        let doc = &self.doc;
        let summaries = &self.summaries;
        let mut indicators = |ui: &mut Ui, _i: usize| -> Vec<Action> {
            let mut out = Vec::new();
            for (m, chart) in measures.iter().zip(&charts) {
                let Some(s) = summaries.iter().find(|s| s.key == *m) else { continue };
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    if ui.link(RichText::new(&s.name).strong()).clicked() {
                        out.push(Action::OpenMeasure(m.clone()));
                    }
                    ui.label(format!("（{}）", s.unit));
                    let base = crate::ui::indicators_view::baseline_text(s);
                    if !base.is_empty() {
                        ui.label(format!("{}：{base}", tr(lang, Msg::Baseline)));
                    }
                    let target = target_text(s);
                    if !target.is_empty() {
                        ui.label(format!("{}：{target}", tr(lang, Msg::Target)));
                    }
                    if let Some(st) = s.status() {
                        ui.label(RichText::new(status_text(st, lang)).color(status_color(st)).strong());
                    }
                    if s.conflict {
                        ui.label(
                            RichText::new(format!("⚠ {}", tr(lang, Msg::Conflict)))
                                .color(status_color(Status::Limited)),
                        );
                    }
                });
                let has_line = chart.series.iter().filter(|c| !c.points.is_empty()).count() > 1
                    || chart.series.iter().any(|c| c.points.len() > 1);
                if has_line {
                    chart_ui(ui, &format!("small_{m}"), chart, &ChartStyle::small(), false);
                }
            }
            let _ = doc;
            out
        };
        let mut props = NodeViewProps { doc, node, spans: &span_of, lang, indicators: &mut indicators };
        node_view_ui(ui, &mut props)
    }
}

pub fn region_name(region: Region, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => region.name_zh(),
        Lang::En => region.name_en(),
    }
}

fn empty_plan() -> crate::model::Plan {
    use crate::model::plan::{Meta, PLAN_FORMAT_VERSION};
    crate::model::Plan {
        format_version: PLAN_FORMAT_VERSION,
        meta: Meta {
            title: String::new(),
            byline: String::new(),
            drafted_by: String::new(),
            drafted: String::new(),
            issued: String::new(),
            issued_iso: String::new(),
            period_start: 2016,
            period_end: 2020,
            baseline_year: 2015,
            source: String::new(),
        },
        places: crate::model::Places {
            grouping_source: String::new(),
            cities: Vec::new(),
            names: Vec::new(),
            region_names: Vec::new(),
        },
        corrections: Vec::new(),
        nodes: Vec::new(),
        indicators: Vec::new(),
    }
}

impl eframe::App for PlanExplorerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, &self.state);
    }
}
