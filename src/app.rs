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
use crate::model::deck::{Deck, Slide, SlideContent};
use crate::model::export::{BriefingSlide, briefing_html, chart_csv, chart_svg, table_csv};
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
use crate::ui::presenter::{PresenterAction, SlideProps, SlideView, slide_ui};
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
    /// The projector theme: light, black text, strong lines.
    pub high_contrast: bool,
    /// Presenter type scale.
    pub presenter_scale: f32,
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
            high_contrast: false,
            presenter_scale: 1.0,
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
    /// The request number that loaded it (0: built in): the list keeps request order.
    pub order: u64,
}

/// A line in the message panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
}

const MAX_RECENT: usize = 10;

/// The scenario page's tables for one pair: per measure (by order) its values at the target
/// year, and the points where the pair differs.
type ComparisonCache = (
    (usize, usize),
    Vec<(usize, Vec<crate::model::compare::TargetComparison>)>,
    Vec<crate::model::compare::Difference>,
);

/// A running slideshow.
pub struct Presenter {
    pub deck: Deck,
    pub index: usize,
}

/// Where exports go: a folder in the working directory, named so it is easy to find.
pub fn exports_dir() -> PathBuf {
    PathBuf::from("plan-explorer-exports")
}

#[derive(Default)]
struct SearchState {
    query: String,
    hits: Vec<Hit>,
    /// Which hit Enter last jumped to.
    current: Option<usize>,
    mask: Option<Vec<bool>>,
    /// Node → its entry in `hits`, so views find a node's hit ranges without searching again.
    hit_of: std::collections::HashMap<usize, usize>,
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
    pub presenting: Option<Presenter>,
    /// The presenter's own selection of slides.
    pub my_deck: Deck,
    pub deck_path: String,
    /// Where exports are written.
    pub export_dir: PathBuf,
    note_draft: (String, String),
    /// A PNG export waiting for its screenshot: the slide's rect and the file to write.
    pending_png: Option<(egui::Rect, f32, PathBuf, Receiver<Arc<egui::ColorImage>>)>,
    slide_rect: egui::Rect,
    contrast_applied: bool,
    /// With `--startup-report`: when the process started, and frames drawn so far.
    startup: Option<(std::time::Instant, u32)>,
    summaries: Vec<MeasureSummary>,
    node_status: Vec<Option<Status>>,
    /// The indicator chart for the current selection: (measures, index mode) → chart.
    chart_cache: Option<((Vec<String>, bool), Chart)>,
    small_charts: std::collections::HashMap<String, Chart>,
    indicators_view: IndicatorsViewState,
    regions_view: RegionsViewState,
    /// The scenario page's tables: (pair they were computed for, at-target rows by measure
    /// order, differences). Cleared when scenarios change.
    comparison_cache: Option<ComparisonCache>,
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
                order: 0,
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
            presenting: None,
            my_deck: Deck::new("自选幻灯片"),
            deck_path: "plan-explorer-deck.ron".into(),
            export_dir: exports_dir(),
            note_draft: (String::new(), String::new()),
            pending_png: None,
            slide_rect: egui::Rect::NOTHING,
            contrast_applied: false,
            summaries: Vec::new(),
            node_status: Vec::new(),
            chart_cache: None,
            small_charts: std::collections::HashMap::new(),
            indicators_view: IndicatorsViewState::default(),
            regions_view: RegionsViewState::default(),
            comparison_cache: None,
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
        self.comparison_cache = None;
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
        let answers = self.loader.poll();
        if answers.is_empty() {
            return;
        }
        for crate::loader::Answer { seq, outcome } in answers {
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
                        None => {
                            // Files opened together keep the order they were asked for.
                            let at = self.scenarios.iter().position(|l| l.order > seq).unwrap_or(self.scenarios.len());
                            let loaded = LoadedScenario {
                                scenario: *scenario,
                                path: Some(path),
                                warnings,
                                enabled: true,
                                modified,
                                order: seq,
                            };
                            self.scenarios.insert(at, loaded);
                        }
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
        self.search.hit_of = self.search.hits.iter().enumerate().map(|(k, h)| (h.node, k)).collect();
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
        if let Some(hit) = self.search.hit_of.get(&i).and_then(|&k| self.search.hits.get(k)) {
            spans.extend(hit.text_hits.iter().map(|&(start, end)| Span { start, end, mark: Mark::Hit }));
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
        if ctx.input(|i| i.key_pressed(Key::F11)) {
            if self.presenting.is_some() {
                self.stop_presenting(ctx);
            } else {
                self.start_presenting(ctx, None);
            }
            return;
        }
        if self.presenting.is_some() {
            self.presenter_keys(ctx);
            return;
        }
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
        let theme = if self.state.dark && !self.state.high_contrast { egui::Theme::Dark } else { egui::Theme::Light };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        if self.contrast_applied != self.state.high_contrast {
            let on = self.state.high_contrast;
            ctx.style_mut_of(egui::Theme::Light, |style| {
                style.visuals = egui::Visuals::light();
                if on {
                    style.visuals.override_text_color = Some(Color32::BLACK);
                    style.visuals.panel_fill = Color32::WHITE;
                    style.visuals.window_fill = Color32::WHITE;
                    style.visuals.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5, Color32::BLACK);
                    style.visuals.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, Color32::BLACK);
                }
            });
            self.contrast_applied = on;
        }
        if self.presenting.is_some() {
            self.presenter_ui(ui);
            self.poll_png();
            return;
        }
        let mut actions: Vec<Action> = Vec::new();
        let lang = self.state.lang;
        let mut present: Option<Option<Deck>> = None;

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
                if ui.button(format!("▶ {}", tr(lang, Msg::Present))).on_hover_text("F11").clicked() {
                    present = Some(None);
                }
                if !self.my_deck.slides.is_empty()
                    && ui.button(format!("{}（{}）", tr(lang, Msg::MyDeck), self.my_deck.slides.len())).clicked()
                {
                    present = Some(Some(self.my_deck.clone()));
                }
                ui.separator();
                self.search_box(ui);
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
                let mut export_table = false;
                let mut export_briefing = false;
                let mut export_csv = false;
                let mut add = false;
                ui.horizontal(|ui| {
                    export_csv = ui.button(tr(lang, Msg::ExportCsv)).clicked();
                    export_table = ui.button(tr(lang, Msg::ExportTable)).clicked();
                    export_briefing = ui.button(tr(lang, Msg::ExportBriefing)).clicked();
                    add = ui.button(tr(lang, Msg::AddToDeck)).clicked();
                });
                actions.extend(indicators_ui(ui, &props, &mut self.indicators_view));
                if export_csv {
                    let name = format!("chart-{}.csv", self.state.selected_measures.join("+"));
                    self.write_export(&name, chart_csv(&chart).as_bytes());
                }
                if export_table {
                    self.export_table();
                }
                if export_briefing {
                    self.export_briefing();
                }
                if add && !self.state.selected_measures.is_empty() {
                    let content = match (self.state.selected_measures.as_slice(), self.state.index_mode) {
                        ([one], false) => SlideContent::Measure(one.clone()),
                        (many, _) => SlideContent::Index(many.to_vec()),
                    };
                    self.my_deck.slides.push(Slide { content, notes: Vec::new() });
                }
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
        match present {
            Some(None) => self.start_presenting(&ctx, None),
            Some(Some(deck)) => self.start_presenting(&ctx, Some(deck)),
            None => {}
        }
    }

    fn search_box(&mut self, ui: &mut Ui) {
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
        if self.comparison_cache.as_ref().is_none_or(|(pair, _, _)| *pair != self.compare_pair) {
            let groups = Measure::group(&self.doc.plan.indicators);
            let scenarios = self.enabled_scenarios();
            let at_target: Vec<(usize, Vec<crate::model::compare::TargetComparison>)> = groups
                .iter()
                .enumerate()
                .filter_map(|(k, m)| {
                    let values = crate::model::compare::at_target(m, &scenarios);
                    (!values.is_empty()).then_some((k, values))
                })
                .collect();
            let (a, b) = self.compare_pair;
            let differences = match (self.scenarios.get(a), self.scenarios.get(b)) {
                (Some(x), Some(y)) if a != b => crate::model::compare::differences(&x.scenario, &y.scenario),
                _ => Vec::new(),
            };
            self.comparison_cache = Some((self.compare_pair, at_target, differences));
        }
        let Some((_, cached_targets, differences)) = &self.comparison_cache else { return };
        // Summaries are in measure order, so the cached index finds each one directly.
        let at_target: Vec<(&MeasureSummary, Vec<crate::model::compare::TargetComparison>)> =
            cached_targets.iter().filter_map(|(k, v)| Some((self.summaries.get(*k)?, v.clone()))).collect();
        let props = ScenariosProps {
            loaded: &self.scenarios,
            recent: &self.state.recent,
            no_dialog: self.no_dialog,
            basis: self.progress_basis.as_deref(),
            pair: self.compare_pair,
            at_target: &at_target,
            differences,
            lang: self.state.lang,
        };
        let mut typed = std::mem::take(&mut self.typed_path);
        let actions = ui
            .push_id("scenario_page", |ui| {
                ui.set_max_height(ui.available_height() * 0.7);
                scenarios_ui(ui, &props, &mut typed)
            })
            .inner;
        self.typed_path = typed;
        ui.separator();
        self.deck_ui(ui);
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

    /// The presenter's own deck: order, remove, present, save and load.
    fn deck_ui(&mut self, ui: &mut Ui) {
        let lang = self.state.lang;
        let ctx = ui.ctx().clone();
        ui.heading(format!("{}（{}）", tr(lang, Msg::MyDeck), self.my_deck.slides.len()));
        let mut swap: Option<(usize, usize)> = None;
        let mut remove: Option<usize> = None;
        egui::ScrollArea::vertical().id_salt("deck").max_height(160.0).show(ui, |ui| {
            let n = self.my_deck.slides.len();
            for (k, slide) in self.my_deck.slides.iter().enumerate() {
                ui.horizontal(|ui| {
                    let label = match &slide.content {
                        SlideContent::Measure(key) => {
                            self.summaries.iter().find(|s| &s.key == key).map_or(key.clone(), |s| s.name.clone())
                        }
                        SlideContent::Index(keys) => format!("{}{}", tr(lang, Msg::IndexPrefix), keys.join("、")),
                        SlideContent::Regional { indicator, year, .. } => format!("{indicator}（{year}）"),
                    };
                    ui.label(format!("{}. {label}", k + 1));
                    if k > 0 && ui.small_button(tr(lang, Msg::MoveUp)).clicked() {
                        swap = Some((k, k - 1));
                    }
                    if k + 1 < n && ui.small_button(tr(lang, Msg::MoveDown)).clicked() {
                        swap = Some((k, k + 1));
                    }
                    if ui.small_button(tr(lang, Msg::Remove)).clicked() {
                        remove = Some(k);
                    }
                });
            }
        });
        if let Some((a, b)) = swap {
            self.my_deck.slides.swap(a, b);
        }
        if let Some(k) = remove {
            self.my_deck.slides.remove(k);
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !self.my_deck.slides.is_empty(),
                    egui::Button::new(format!("▶ {}", tr(lang, Msg::Present))),
                )
                .clicked()
            {
                let deck = self.my_deck.clone();
                self.start_presenting(&ctx, Some(deck));
            }
            let label = ui.label(tr(lang, Msg::TypedPath));
            ui.add(egui::TextEdit::singleline(&mut self.deck_path).desired_width(300.0)).labelled_by(label.id);
            if ui.button(tr(lang, Msg::SaveDeck)).clicked() {
                let path = PathBuf::from(self.deck_path.trim());
                match self.my_deck.save(&path) {
                    Ok(()) => self.note(Severity::Warning, format!("{}{}", tr(lang, Msg::Exported), path.display())),
                    Err(e) => self.note(Severity::Error, e),
                }
            }
            if ui.button(tr(lang, Msg::LoadDeck)).clicked() {
                match Deck::load(std::path::Path::new(self.deck_path.trim()), &self.doc) {
                    Ok(deck) => self.my_deck = deck,
                    Err(ds) => {
                        for d in ds {
                            self.note(d.severity, d.to_string());
                        }
                    }
                }
            }
        });
    }

    /// The latest regional statistic with every 盟市 known (GDP), for the default deck.
    fn regional_slide(&self) -> Option<(String, String, u16)> {
        let scenarios = self.enabled_scenarios();
        let options = crate::model::regional::stat_options(&self.doc, &scenarios);
        options.first().and_then(|o| Some((o.0.clone(), o.2.clone(), *o.3.last()?)))
    }

    /// Starts the slideshow: `deck`, or every chart under the selected node in plan order.
    pub fn start_presenting(&mut self, ctx: &egui::Context, deck: Option<Deck>) {
        let deck = deck.unwrap_or_else(|| {
            let node = self.selected.filter(|&i| self.doc.outline.indicator_total(i) > 0);
            Deck::from_plan(&self.doc, node, self.regional_slide())
        });
        if deck.slides.is_empty() {
            return;
        }
        self.presenting = Some(Presenter { deck, index: 0 });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        self.presenting = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    fn presenter_keys(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let (prev, next, home, end, esc) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowLeft) || i.key_pressed(Key::PageUp),
                i.key_pressed(Key::ArrowRight) || i.key_pressed(Key::PageDown) || i.key_pressed(Key::Space),
                i.key_pressed(Key::Home),
                i.key_pressed(Key::End),
                i.key_pressed(Key::Escape),
            )
        });
        let bigger = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "+" || t == "=")));
        let smaller = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "-")));
        if esc {
            self.stop_presenting(ctx);
            return;
        }
        if let Some(p) = &mut self.presenting {
            let last = p.deck.slides.len().saturating_sub(1);
            if prev {
                p.index = p.index.saturating_sub(1);
            }
            if next {
                p.index = (p.index + 1).min(last);
            }
            if home {
                p.index = 0;
            }
            if end {
                p.index = last;
            }
        }
        if bigger {
            self.state.presenter_scale = (self.state.presenter_scale + 0.1).min(2.5);
        }
        if smaller {
            self.state.presenter_scale = (self.state.presenter_scale - 0.1).max(0.6);
        }
    }

    /// Title, unit, caption, sources and chart of a slide.
    fn resolve_slide(
        &mut self,
        slide: &Slide,
    ) -> (String, String, String, Vec<String>, Option<Chart>, Option<crate::model::regional::StatTable>) {
        let lang = self.state.lang;
        match &slide.content {
            SlideContent::Measure(key) => {
                let chart = self.small_chart(key);
                let Some(s) = self.summaries.iter().find(|s| &s.key == key).cloned() else {
                    return (key.clone(), String::new(), String::new(), Vec::new(), Some(chart), None);
                };
                let mut caption = Vec::new();
                if let Some((y, v, _)) = s.baselines.first() {
                    caption.push(format!(
                        "{} {}{}（{y}）",
                        tr(lang, Msg::Baseline),
                        crate::model::export::fmt(*v),
                        s.unit
                    ));
                }
                let target = target_text(&s);
                if !target.is_empty() {
                    caption.push(format!("{} {target}", tr(lang, Msg::Target)));
                }
                if let Some((y, v, _)) = &s.latest {
                    caption.push(format!(
                        "{} {}{}（{y}）",
                        tr(lang, Msg::Latest),
                        crate::model::export::fmt(*v),
                        s.unit
                    ));
                }
                if let Some(st) = s.status() {
                    caption.push(status_text(st, lang).to_string());
                }
                let mut sources = Vec::new();
                if let Some(node) = s.source_node {
                    let quote = self
                        .doc
                        .plan
                        .indicators
                        .iter()
                        .find(|i| i.measure == s.key && i.target.is_some())
                        .map(|i| i.quote.clone());
                    sources.push(format!(
                        "{}：“{}”",
                        self.doc.outline.citation(&self.doc.plan, node),
                        quote.unwrap_or_default()
                    ));
                }
                if !s.assessed_with.is_empty() {
                    sources.push(format!("{}{}", tr(lang, Msg::ActualPrefix), s.assessed_with));
                }
                (s.name.clone(), s.unit.clone(), caption.join(" · "), sources, Some(chart), None)
            }
            SlideContent::Index(keys) => {
                let groups = Measure::group(&self.doc.plan.indicators);
                let measures: Vec<&Measure<'_>> =
                    keys.iter().filter_map(|k| groups.iter().find(|m| m.key == k.as_str())).collect();
                let scenarios = self.enabled_scenarios();
                let chart = build_chart(&measures, &scenarios, self.doc.plan.meta.baseline_year, true);
                (
                    chart.title.clone(),
                    chart.unit.clone(),
                    String::new(),
                    vec!["《规划》及内置实际值".into()],
                    Some(chart),
                    None,
                )
            }
            SlideContent::Regional { indicator, unit, year } => {
                let scenarios = self.enabled_scenarios();
                let table = crate::model::regional::stat_table(&self.doc, &scenarios, indicator, unit, *year);
                let name = scenarios
                    .iter()
                    .find_map(|s| s.indicator_name(&self.doc.plan, indicator))
                    .unwrap_or(indicator)
                    .to_string();
                let caption = match table.shares() {
                    Some((e, w)) => format!(
                        "{} {e:.1}% · {} {w:.1}%",
                        region_name(Region::East, lang),
                        region_name(Region::West, lang)
                    ),
                    None => tr(lang, Msg::NotPublished).to_string(),
                };
                let sources = vec![self.doc.plan.places.grouping_source.clone()];
                (format!("{name}（{year}）· 东部与西部"), unit.clone(), caption, sources, None, Some(table))
            }
        }
    }

    fn presenter_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let Some(p) = &self.presenting else { return };
        let (index, count) = (p.index, p.deck.slides.len());
        let Some(slide) = p.deck.slides.get(index).cloned() else { return };
        let (title, unit, caption, sources, chart, table) = self.resolve_slide(&slide);
        let view = match (&chart, &table) {
            (Some(c), _) => SlideView::Chart(c),
            (None, Some(t)) => SlideView::Regional(t, title.clone()),
            (None, None) => return,
        };
        let props = SlideProps {
            title: &title,
            unit: &unit,
            caption: &caption,
            sources: &sources,
            view,
            notes: &slide.notes,
            index,
            count,
            scale: self.state.presenter_scale,
            lang: self.state.lang,
        };
        let mut draft = std::mem::take(&mut self.note_draft);
        let (actions, rect) = slide_ui(ui, &props, &mut draft);
        self.note_draft = draft;
        self.slide_rect = rect;
        for action in actions {
            match action {
                PresenterAction::Previous => {
                    if let Some(p) = &mut self.presenting {
                        p.index = p.index.saturating_sub(1);
                    }
                }
                PresenterAction::Next => {
                    if let Some(p) = &mut self.presenting {
                        p.index = (p.index + 1).min(p.deck.slides.len().saturating_sub(1));
                    }
                }
                PresenterAction::Exit => self.stop_presenting(&ctx),
                PresenterAction::ExportPng => self.export_png(&ctx, &slide),
                PresenterAction::ExportCsv => {
                    if let Some(chart) = &chart {
                        self.write_export(&format!("slide-{}.csv", index + 1), chart_csv(chart).as_bytes());
                    }
                }
                PresenterAction::ExportBriefing => {
                    self.export_briefing();
                }
                PresenterAction::AddToDeck => self.my_deck.slides.push(slide.clone()),
                PresenterAction::AddNote(year, text) => {
                    if let Some(p) = &mut self.presenting
                        && let Some(s) = p.deck.slides.get_mut(index)
                    {
                        s.notes.push(crate::model::deck::Annotation { year, text });
                    }
                }
                PresenterAction::ToggleContrast => self.state.high_contrast = !self.state.high_contrast,
                PresenterAction::Bigger => self.state.presenter_scale = (self.state.presenter_scale + 0.1).min(2.5),
                PresenterAction::Smaller => self.state.presenter_scale = (self.state.presenter_scale - 0.1).max(0.6),
            }
        }
    }

    /// Writes a file into the exports folder atomically and says where (or why not).
    pub fn write_export(&mut self, name: &str, bytes: &[u8]) -> Option<PathBuf> {
        let dir = self.export_dir.clone();
        let path = dir.join(name);
        let result = std::fs::create_dir_all(&dir).and_then(|()| crate::fsutil::write_atomically(&path, bytes));
        match result {
            Ok(()) => {
                let shown = std::fs::canonicalize(&path).unwrap_or(path.clone());
                self.note(Severity::Warning, format!("{}{}", tr(self.state.lang, Msg::Exported), shown.display()));
                Some(path)
            }
            Err(e) => {
                self.note(Severity::Error, format!("{}: cannot write: {e}", path.display()));
                None
            }
        }
    }

    fn export_png(&mut self, ctx: &egui::Context, slide: &Slide) {
        let (tx, rx) = std::sync::mpsc::channel();
        ctx.request_screenshot(move |image| {
            let _ = tx.send(image);
        });
        let name = match &slide.content {
            SlideContent::Measure(k) => k.clone(),
            SlideContent::Index(_) => "index".into(),
            SlideContent::Regional { indicator, .. } => indicator.clone(),
        };
        let index = self.presenting.as_ref().map_or(0, |p| p.index + 1);
        let ppp = ctx.pixels_per_point();
        self.pending_png = Some((self.slide_rect, ppp, self.export_dir.join(format!("slide-{index}-{name}.png")), rx));
        ctx.request_repaint();
    }

    /// Crops the screenshot to the slide and writes the PNG when it arrives.
    fn poll_png(&mut self) {
        let Some((rect, ppp, path, rx)) = &self.pending_png else { return };
        let Ok(image) = rx.try_recv() else { return };
        let (rect, ppp, path) = (*rect, *ppp, path.clone());
        self.pending_png = None;
        let crop = image.region(&rect, Some(ppp));
        let [w, h] = crop.size;
        let rgba: Vec<u8> = crop.pixels.iter().flat_map(|c| c.to_array()).collect();
        let mut png = Vec::new();
        let encoded = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
            .map(|img| img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png));
        match encoded {
            Some(Ok(())) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.write_export(&name, &png);
            }
            _ => self.note(Severity::Error, format!("{}: cannot encode the image", path.display())),
        }
    }

    /// Every slide of the current deck (or the plan's default deck) as one HTML file.
    pub fn export_briefing(&mut self) -> Option<PathBuf> {
        let deck = match &self.presenting {
            Some(p) => p.deck.clone(),
            None => Deck::from_plan(&self.doc, None, self.regional_slide()),
        };
        let mut slides = Vec::new();
        for slide in &deck.slides {
            let (title, unit, caption, sources, chart, table) = self.resolve_slide(slide);
            let notes: Vec<(u16, String)> = slide.notes.iter().map(|n| (n.year, n.text.clone())).collect();
            let body = match (chart, table) {
                (Some(c), _) => chart_svg(&c, &notes),
                (None, Some(t)) => {
                    let rows: String = t
                        .cities
                        .iter()
                        .map(|c| {
                            format!(
                                "<tr><th>{}</th><td>{}</td></tr>",
                                c.city,
                                c.value.map_or("未公布".into(), crate::model::export::fmt)
                            )
                        })
                        .collect();
                    format!("<table>{rows}</table>")
                }
                (None, None) => String::new(),
            };
            slides.push(BriefingSlide { title, unit, caption, sources, body });
        }
        let html = briefing_html(&deck.name, &slides);
        self.write_export("briefing.html", html.as_bytes())
    }

    /// The indicator table as CSV.
    pub fn export_table(&mut self) -> Option<PathBuf> {
        let csv = table_csv(&self.summaries);
        self.write_export("indicators.csv", csv.as_bytes())
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

/// What the app shows if the embedded plan were ever invalid: nothing, but a working window.
fn empty_plan() -> crate::model::Plan {
    use crate::model::plan::{Meta, PLAN_FORMAT_VERSION};
    crate::model::Plan {
        format_version: PLAN_FORMAT_VERSION,
        meta: Meta { period_start: 2016, period_end: 2020, baseline_year: 2015, ..Meta::default() },
        places: crate::model::Places::default(),
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
