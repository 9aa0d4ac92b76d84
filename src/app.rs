//! The desktop app: owns the loaded plan and the UI state, lays out the panels, applies the
//! actions the views return, and remembers the state between runs.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::SystemTime;

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::loader::{Loader, Outcome, modified};
use crate::model::Measure;
use crate::model::chart::{Chart, build_chart};
use crate::model::places::PlaceMention;
use crate::model::progress::Status;
use crate::model::scenario::{Scenario, embedded_actuals};
use crate::model::search::{Hit, find_all};
use crate::model::summary::{MeasureSummary, rollup, summarize};
use crate::model::{Diagnostic, Document, Region, Severity};
use crate::ui::chart::{ChartStyle, chart_ui};
use crate::ui::fonts::install_fonts;
use crate::ui::highlight::{Mark, Span};
use crate::ui::i18n::{Lang, Msg, tr};
use crate::ui::indicators_view::{IndicatorsProps, IndicatorsViewState, indicators_ui, target_text};
use crate::ui::node_view::{NodeViewProps, node_view_ui};
use crate::ui::regions_view::{PlanCounts, RegionsProps, RegionsViewState, regions_ui};
use crate::ui::scenarios_view::{ScenarioAction, ScenariosProps, scenarios_ui};
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
    /// Scenario files opened recently, newest first.
    pub recent: Vec<String>,
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
            recent: Vec::new(),
        }
    }
}

/// A scenario in the app, with where it came from and whether charts show it.
pub struct LoadedScenario {
    pub scenario: Scenario,
    /// `None` for the actual values built into the app.
    pub path: Option<PathBuf>,
    pub warnings: Vec<Diagnostic>,
    pub enabled: bool,
    pub modified: Option<SystemTime>,
}

/// A line in the message panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
}

const MAX_RECENT: usize = 10;

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
    pub scenarios: Vec<LoadedScenario>,
    loader: Loader,
    /// Messages about files (errors and warnings), newest last.
    pub messages: Vec<Message>,
    /// A file dialog running on its own thread, and when it was opened.
    dialog: Option<(Receiver<Option<Vec<PathBuf>>>, std::time::Instant)>,
    /// Set when the system showed no file dialog (no portal or zenity).
    pub no_dialog: bool,
    pub typed_path: String,
    last_reload_check: f64,
    /// Name of the scenario progress is measured against (`None`: the shipped actuals).
    pub progress_basis: Option<String>,
    pub compare_pair: (usize, usize),
    /// With `--startup-report`: when the process started, and frames drawn so far.
    startup: Option<(std::time::Instant, u32)>,
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
    /// The app as `main` starts it without arguments: fonts installed, remembered state
    /// restored, the embedded plan.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        Self::start(cc, None, Vec::new())
    }

    /// The app with the plan file and scenario files given on the command line.
    pub fn start(cc: &eframe::CreationContext<'_>, plan_path: Option<PathBuf>, files: Vec<PathBuf>) -> Self {
        install_fonts(&cc.egui_ctx);
        let state = cc.storage.and_then(|s| eframe::get_value::<UiState>(s, STATE_KEY)).unwrap_or_default();
        let mut problems = Vec::new();
        let chosen = plan_path.as_ref().map(|p| (crate::model::load::load_plan_file(p), p.display().to_string()));
        let doc = match chosen {
            Some((Ok(plan), name)) => Document::new(plan, name),
            other => {
                if let Some((Err(ds), _)) = other {
                    problems = ds;
                }
                match crate::model::load::embedded_plan() {
                    Ok(plan) => Document::new(plan, crate::model::load::EMBEDDED_PLAN_NAME),
                    // The embedded plan is checked by the tests; an empty plan keeps the app usable.
                    Err(_) => Document::new(empty_plan(), "—"),
                }
            }
        };
        let mut app = Self::with_document(doc, state);
        for d in problems {
            app.note(d.severity, d.to_string());
        }
        if let Some(report) = crate::crash::data_dir().and_then(|dir| crate::crash::take_unseen(&dir)) {
            app.note(Severity::Error, format!("{}{}", tr(app.state.lang, Msg::LastCrash), report.display()));
        }
        app.apply_visuals(&cc.egui_ctx);
        app.open_paths(&cc.egui_ctx, files);
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
        let scenarios: Vec<LoadedScenario> = embedded_actuals(&doc.plan)
            .into_iter()
            .map(|scenario| LoadedScenario {
                scenario,
                path: None,
                warnings: Vec::new(),
                enabled: true,
                modified: None,
            })
            .collect();
        let loader = Loader::new(Arc::new(doc.plan.clone()));
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
            loader,
            messages: Vec::new(),
            dialog: None,
            no_dialog: false,
            typed_path: String::new(),
            last_reload_check: 0.0,
            progress_basis: None,
            compare_pair: (0, 0),
            startup: None,
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

    /// The scenarios the charts show, the progress basis first.
    pub fn enabled_scenarios(&self) -> Vec<&Scenario> {
        let mut out: Vec<&Scenario> = self.scenarios.iter().filter(|l| l.enabled).map(|l| &l.scenario).collect();
        if let Some(basis) = &self.progress_basis
            && let Some(p) = out.iter().position(|s| &s.name == basis)
        {
            let chosen = out.remove(p);
            out.insert(0, chosen);
        }
        out
    }

    /// Recomputes what depends on the loaded scenarios.
    fn refresh_summaries(&mut self) {
        let scenarios = self.enabled_scenarios();
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
            let scenarios = self.enabled_scenarios();
            let chart = build_chart(&measures, &scenarios, self.doc.plan.meta.baseline_year, key.1);
            self.chart_cache = Some((key, chart));
        }
        &self.chart_cache.as_ref().expect("set above").1
    }

    fn small_chart(&mut self, measure: &str) -> Chart {
        if !self.small_charts.contains_key(measure) {
            let groups = Measure::group(&self.doc.plan.indicators);
            let scenarios = self.enabled_scenarios();
            let chart = groups
                .iter()
                .find(|m| m.key == measure)
                .map(|m| build_chart(&[m], &scenarios, self.doc.plan.meta.baseline_year, false))
                .unwrap_or_default();
            self.small_charts.insert(measure.to_string(), chart);
        }
        self.small_charts.get(measure).cloned().unwrap_or_default()
    }

    /// Prints the time to the first painted frame, then closes the window.
    pub fn report_startup(&mut self, started: std::time::Instant) {
        self.startup = Some((started, 0));
    }

    fn startup_frame(&mut self, ctx: &egui::Context) {
        let Some((started, frames)) = &mut self.startup else { return };
        *frames += 1;
        // This frame starts after the previous one was painted.
        if *frames == 2 {
            println!("first frame painted {:.1} ms after process start", started.elapsed().as_secs_f64() * 1000.0);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    /// Loads files the way every entry point does (dialog, drop, command line, typed path,
    /// recent list, reload): on a worker thread; outcomes arrive in `poll_loader`.
    pub fn open_paths(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        for path in paths {
            let wake_ctx = ctx.clone();
            self.loader.request(path, move || wake_ctx.request_repaint());
        }
    }

    pub fn loading(&self) -> usize {
        self.loader.in_flight().len()
    }

    fn note(&mut self, severity: Severity, text: String) {
        self.messages.push(Message { severity, text });
        let excess = self.messages.len().saturating_sub(50);
        self.messages.drain(..excess);
    }

    /// Applies finished loads: a good file is added (or replaces its older version), a bad
    /// one only adds its messages — what was loaded stays.
    fn poll_loader(&mut self) {
        let outcomes = self.loader.poll();
        if outcomes.is_empty() {
            return;
        }
        for outcome in outcomes {
            match outcome {
                Outcome::Loaded { path, scenario, warnings, modified } => {
                    for w in &warnings {
                        self.note(Severity::Warning, w.to_string());
                    }
                    let shown = path.display().to_string();
                    self.state.recent.retain(|r| *r != shown);
                    self.state.recent.insert(0, shown.clone());
                    self.state.recent.truncate(MAX_RECENT);
                    let name = scenario.name.clone();
                    match self.scenarios.iter_mut().find(|l| l.path.as_ref() == Some(&path)) {
                        Some(existing) => {
                            existing.scenario = *scenario;
                            existing.warnings = warnings;
                            existing.modified = modified;
                            self.note(Severity::Warning, format!("{shown}: 已重新加载“{name}”"));
                        }
                        None => self.scenarios.push(LoadedScenario {
                            scenario: *scenario,
                            path: Some(path),
                            warnings,
                            enabled: true,
                            modified,
                        }),
                    }
                }
                Outcome::Failed { path, diagnostics } => {
                    // Keep the failing version's time, so it is not retried until it changes again.
                    if let Some(existing) = self.scenarios.iter_mut().find(|l| l.path.as_ref() == Some(&path)) {
                        existing.modified = modified(&path);
                    }
                    for d in diagnostics {
                        self.note(d.severity, d.to_string());
                    }
                }
            }
        }
        self.refresh_summaries();
    }

    /// Reloads file-backed scenarios: all of them (F5), or those changed on disk.
    fn reload(&mut self, ctx: &egui::Context, only_changed: bool) {
        let paths: Vec<PathBuf> = self
            .scenarios
            .iter()
            .filter_map(|l| {
                let path = l.path.as_ref()?;
                (!only_changed || modified(path) != l.modified).then(|| path.clone())
            })
            .collect();
        self.open_paths(ctx, paths);
    }

    /// Opens the system file dialog on its own thread (it blocks while open).
    fn open_dialog(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let picked = rfd::FileDialog::new().add_filter("RON", &["ron"]).set_title("打开情景文件").pick_files();
            let _ = tx.send(picked);
            wake.request_repaint();
        });
        match spawned {
            Ok(_) => self.dialog = Some((rx, std::time::Instant::now())),
            Err(e) => self.note(Severity::Error, format!("cannot open the file dialog: {e}")),
        }
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some((rx, opened)) = &self.dialog else { return };
        let Ok(picked) = rx.try_recv() else { return };
        let quick = opened.elapsed() < std::time::Duration::from_millis(400);
        self.dialog = None;
        match picked {
            Some(paths) => self.open_paths(ctx, paths),
            // rfd gives None both for a cancel and when no dialog exists; a None that comes
            // back at once means there was no dialog to cancel.
            None if quick => {
                self.no_dialog = true;
                self.note(Severity::Warning, tr(self.state.lang, Msg::NoDialog).to_string());
            }
            None => {}
        }
    }

    /// Files dropped on the window, and the periodic check for changed files.
    fn file_events(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if !dropped.is_empty() {
            self.open_paths(ctx, dropped);
        }
        self.poll_dialog(ctx);
        self.poll_loader();
        if ctx.input(|i| i.key_pressed(Key::F5)) {
            self.reload(ctx, false);
        }
        let now = ctx.input(|i| i.time);
        if self.scenarios.iter().any(|l| l.path.is_some()) {
            if now - self.last_reload_check > 1.0 {
                self.last_reload_check = now;
                self.reload(ctx, true);
            }
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        if self.loading() > 0 || self.dialog.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
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
        self.startup_frame(&ctx);
        self.file_events(&ctx);
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
                    (View::Scenarios, Msg::ViewScenarios),
                ] {
                    if ui.selectable_label(self.state.view == view, tr(lang, msg)).clicked() {
                        actions.push(Action::SetView(view));
                    }
                }
                ui.separator();
                let open = ui.add_enabled(self.dialog.is_none(), egui::Button::new(tr(lang, Msg::OpenFile)));
                if open.clicked() {
                    self.open_dialog(&ctx);
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

        self.status_panel(ui);

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
            View::Scenarios => self.scenarios_ui(ui),
        });

        self.drop_overlay(&ctx);
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

    /// The message panel (errors and warnings about files) and the loading line.
    fn status_panel(&mut self, ui: &mut Ui) {
        if self.messages.is_empty() && self.loading() == 0 {
            return;
        }
        let lang = self.state.lang;
        let mut clear = false;
        egui::Panel::bottom("messages").resizable(true).default_size(90.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(tr(lang, Msg::Messages));
                for f in self.loader.in_flight() {
                    ui.spinner();
                    ui.label(format!(
                        "{} {}（{:.1} MB）",
                        tr(lang, Msg::LoadingFile),
                        f.path.display(),
                        f.bytes as f64 / 1_048_576.0
                    ));
                }
                if !self.messages.is_empty() && ui.small_button(tr(lang, Msg::Clear)).clicked() {
                    clear = true;
                }
            });
            egui::ScrollArea::vertical().id_salt("messages_scroll").stick_to_bottom(true).show(ui, |ui| {
                for m in &self.messages {
                    let color = match m.severity {
                        Severity::Error => Color32::from_rgb(213, 94, 0),
                        Severity::Warning => ui.visuals().text_color(),
                    };
                    ui.add(egui::Label::new(RichText::new(&m.text).color(color).monospace()).wrap());
                }
            });
        });
        if clear {
            self.messages.clear();
        }
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !hovering {
            return;
        }
        let rect = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop")));
        painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            tr(self.state.lang, Msg::DropHere),
            egui::FontId::proportional(28.0),
            Color32::WHITE,
        );
    }

    fn scenarios_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let groups = Measure::group(&self.doc.plan.indicators);
        let scenarios = self.enabled_scenarios();
        let at_target: Vec<(&MeasureSummary, Vec<crate::model::compare::TargetComparison>)> = groups
            .iter()
            .filter_map(|m| {
                let summary = self.summaries.iter().find(|s| s.key == m.key)?;
                let values = crate::model::compare::at_target(m, &scenarios);
                (!values.is_empty()).then_some((summary, values))
            })
            .collect();
        let (a, b) = self.compare_pair;
        let differences = match (self.scenarios.get(a), self.scenarios.get(b)) {
            (Some(x), Some(y)) if a != b => crate::model::compare::differences(&x.scenario, &y.scenario),
            _ => Vec::new(),
        };
        let props = ScenariosProps {
            loaded: &self.scenarios,
            recent: &self.state.recent,
            no_dialog: self.no_dialog,
            basis: self.progress_basis.as_deref(),
            pair: self.compare_pair,
            at_target: &at_target,
            differences: &differences,
            lang: self.state.lang,
        };
        let mut typed = std::mem::take(&mut self.typed_path);
        let actions = scenarios_ui(ui, &props, &mut typed);
        self.typed_path = typed;
        for action in actions {
            match action {
                ScenarioAction::Open(paths) => self.open_paths(&ctx, paths),
                ScenarioAction::OpenDialog => self.open_dialog(&ctx),
                ScenarioAction::Toggle(k) => {
                    if let Some(l) = self.scenarios.get_mut(k) {
                        l.enabled = !l.enabled;
                    }
                    self.refresh_summaries();
                }
                ScenarioAction::Reload(k) => {
                    if let Some(path) = self.scenarios.get(k).and_then(|l| l.path.clone()) {
                        self.open_paths(&ctx, vec![path]);
                    }
                }
                ScenarioAction::Remove(k) => {
                    if self.scenarios.get(k).is_some_and(|l| l.path.is_some()) {
                        self.scenarios.remove(k);
                        self.compare_pair = (0, 0);
                        self.refresh_summaries();
                    }
                }
                ScenarioAction::SetBasis(basis) => {
                    self.progress_basis = basis;
                    self.refresh_summaries();
                }
                ScenarioAction::SetPair(a, b) => self.compare_pair = (a, b),
            }
        }
    }

    fn regions_ui(&mut self, ui: &mut Ui) -> Vec<Action> {
        let metric = self.regions_view.metric;
        if self.plan_counts.as_ref().is_none_or(|(m, _)| *m != metric) {
            self.plan_counts = Some((metric, PlanCounts::new(&self.doc, metric)));
        }
        let scenarios = self.enabled_scenarios();
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
