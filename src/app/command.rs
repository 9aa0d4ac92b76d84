//! The one place commands are carried out — whether a view, a key or a test sent them —
//! and what tests and the window may read back. Besides commands, only the frame itself
//! changes state: finished loads, the zoom, and the bookkeeping of drawing (a scroll
//! request taken, a toast expired).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::i18n::{Lang, Msg, tr};
use crate::model::chart::{Chart, ChartOptions, chart_regions};
use crate::model::deck::{Deck, Slide, SlideContent};
use crate::model::loaded::LoadedScenario;
use crate::model::messages::Message;
use crate::model::regional::{PlanMetric, nodes_for};
use crate::model::summary::MeasureSummary;
use crate::model::{Document, Severity};
use crate::session::Session;
use crate::ui::command::{DeckCommand, PageCommand, PresenterCommand, ScenarioCommand, TreeCommand, WindowCommand};
use crate::ui::{Command, View};

use super::presenter::{DeckOrigin, Presenter};
use super::{Effect, PlanExplorerApp, Settings};

/// How long a confirmation such as "copied" stays, in seconds.
const TOAST_SECONDS: f64 = 1.5;
/// Long enough to read a path.
const EXPORT_TOAST_SECONDS: f64 = 5.0;

impl PlanExplorerApp {
    pub fn run(&mut self, command: impl Into<Command>) {
        let command = command.into();
        // An export says where it wrote (or why not) on screen too, also while presenting
        // full screen, where the message panel is hidden.
        let is_export = matches!(command, Command::Export(_));
        let last_before = self.log.lines().last().cloned();
        match command {
            Command::Tree(c) => self.run_tree(c),
            Command::Page(c) => self.run_page(c),
            Command::Window(c) => self.run_window(c),
            Command::Scenario(c) => self.run_scenarios(c),
            Command::WhatIf(c) => self.run_whatif(c),
            Command::Presenter(c) => self.run_presenter(c),
            Command::Deck(c) => self.run_deck(c),
            Command::Export(c) => self.run_export(c),
            Command::Evaluation(c) => self.run_evaluation(c),
        }
        if is_export
            && let Some(last) = self.log.lines().last()
            && Some(last) != last_before.as_ref()
        {
            self.toast = Some((last.text.clone(), self.now + EXPORT_TOAST_SECONDS));
        }
    }

    fn run_tree(&mut self, command: TreeCommand) {
        let doc = Arc::clone(self.session.doc());
        match command {
            TreeCommand::Select(i) => self.nav.select(&doc, i),
            TreeCommand::Open(i) => {
                self.nav.select(&doc, i);
                self.settings.view = View::Reader;
            }
            TreeCommand::Toggle(i) => self.nav.toggle(i),
            TreeCommand::ExpandAll => self.nav.expand_all(&doc),
            TreeCommand::CollapseAll => self.nav.collapse_all(),
            TreeCommand::Navigate(key) => {
                if self.nav.key(&doc, key) {
                    self.settings.view = View::Reader;
                }
            }
            TreeCommand::SetQuery(query) => self.nav.set_query(&doc, &query),
            TreeCommand::JumpHit { forward } => {
                if self.nav.jump_hit(&doc, forward) {
                    self.settings.view = View::Reader;
                }
            }
            TreeCommand::SetRegionFilter(filter) => {
                self.nav.set_region_filter(&doc, &filter);
                self.settings.region_filter = filter;
            }
            TreeCommand::FilterTree { label, nodes } => self.nav.filter_tree(&doc, label, nodes),
            TreeCommand::ClearTreeFilter => self.nav.clear_tree_filter(),
            TreeCommand::FilterCity(city) => {
                let nodes = nodes_for(&doc, PlanMetric::Tasks, Some(&city), None);
                self.nav.filter_tree(&doc, city, nodes);
            }
        }
    }

    /// The pages' choices: what each page shows, remembered in the settings.
    fn run_page(&mut self, command: PageCommand) {
        let settings = &mut self.settings;
        match command {
            PageCommand::SetView(view) => settings.view = view,
            PageCommand::ShowEvaluation(filter) => {
                self.evaluation_filter = filter;
                settings.view = View::Evaluation;
            }
            PageCommand::OpenMeasure(measure) => {
                settings.selected_measures = vec![measure];
                settings.view = View::Indicators;
            }
            PageCommand::ToggleMeasure(measure) => {
                let selected = &mut settings.selected_measures;
                match selected.iter().position(|m| *m == measure) {
                    Some(p) => {
                        selected.remove(p);
                    }
                    None => selected.push(measure),
                }
            }
            PageCommand::SetIndexMode(on) => settings.index_mode = on,
            PageCommand::SetLogScale(on) => settings.log_scale = on,
            PageCommand::SetAllSources(on) => settings.all_sources = on,
            PageCommand::SetChartRegion(region) => settings.chart_region = region,
            PageCommand::SetRegionalMetric(metric) => settings.regional.metric = metric,
            PageCommand::SetRegionalGrouping(grouping) => settings.regional.grouping = grouping,
            PageCommand::SetRegionalStat(indicator, unit) => {
                settings.regional.stat = Some((indicator, unit));
                settings.regional.year = None;
            }
            PageCommand::SetRegionalYear(year) => settings.regional.year = year,
            PageCommand::SetRegionalStacked(on) => settings.regional.stacked = on,
            PageCommand::SetRegionalScenario(name) => settings.regional.scenario = name,
            PageCommand::SetMapQuantity(series, unit) => {
                settings.map.series = series;
                settings.map.unit = unit;
                settings.map.year = None;
            }
            PageCommand::SetMapYear(year) => settings.map.year = year,
        }
    }

    fn run_window(&mut self, command: WindowCommand) {
        match command {
            WindowCommand::Copy(text) => {
                self.effects.push(Effect::CopyText(text));
                self.toast = Some((tr(self.settings.lang, Msg::Copied).to_string(), self.now + TOAST_SECONDS));
            }
            WindowCommand::FocusSearch => self.focus_search = self.presenter.is_none(),
            WindowCommand::ToggleLanguage => self.settings.lang = self.settings.lang.other(),
            WindowCommand::ToggleTheme => self.settings.dark = !self.settings.dark,
            WindowCommand::ToggleHelp => self.show_help = !self.show_help,
            WindowCommand::CloseHelp => self.show_help = false,
            WindowCommand::ToggleAbout => self.show_about = !self.show_about,
            WindowCommand::CloseAbout => self.show_about = false,
            WindowCommand::ClearMessages => self.log.clear(),
        }
    }

    fn run_scenarios(&mut self, command: ScenarioCommand) {
        let files = &mut self.scenarios;
        match command {
            ScenarioCommand::OpenFiles(paths) => files.open(paths),
            ScenarioCommand::CancelLoad(path) => files.cancel(&path),
            ScenarioCommand::OpenDialog => files.open_dialog(&self.settings.recent, &mut self.log, self.settings.lang),
            ScenarioCommand::ReloadAll => files.reload(self.session.scenarios(), false),
            ScenarioCommand::Reload(k) => files.reload_one(self.session.scenarios(), k),
            ScenarioCommand::Toggle(k) => {
                self.session.change_scenarios(|set| set.toggle(k));
            }
            ScenarioCommand::Remove(k) => {
                self.session.change_scenarios(|set| set.remove(k));
            }
            ScenarioCommand::SetKind(k, kind) => {
                let Some(path) = self.session.scenarios().loaded().get(k).and_then(|l| l.path.clone()) else { return };
                self.settings.kinds.insert(path.display().to_string(), kind);
                self.session.change_scenarios(|set| set.set_file_kind(&path, kind));
            }
            ScenarioCommand::SetProgressBasis(basis) => {
                self.session.change_scenarios(|set| {
                    set.set_basis(basis);
                    true
                });
            }
            ScenarioCommand::SetComparePair(a, b) => {
                // The comparison is kept per pair: choosing one derives nothing else again.
                self.session.change_scenarios(|set| {
                    set.set_pair((a, b));
                    false
                });
            }
        }
    }

    fn run_presenter(&mut self, command: PresenterCommand) {
        match command {
            PresenterCommand::Start(deck) => {
                let deck = deck.unwrap_or_else(|| self.session.default_deck(self.nav.selected(), self.settings.lang));
                self.start_presenting(deck, DeckOrigin::Plan);
            }
            PresenterCommand::StartMyDeck => self.start_presenting(self.session.deck().clone(), DeckOrigin::Mine),
            PresenterCommand::Toggle => match self.presenter {
                Some(_) => self.stop_presenting(),
                None => self.start_the_deck(),
            },
            PresenterCommand::ToggleSpeaker => {
                if self.presenter.is_none() {
                    self.start_the_deck();
                }
                if let Some(p) = &mut self.presenter {
                    p.speaker = !p.speaker;
                    // The slides to the projector's screen, full screen there (the system
                    // ignores a monitor it does not have: on one screen they stay).
                    if p.speaker && !p.windowed {
                        self.effects.push(Effect::SlidesOnMonitor(p.slides_monitor));
                    }
                }
            }
            PresenterCommand::SwapScreens => {
                if let Some(p) = self.presenter.as_mut().filter(|p| p.speaker) {
                    p.slides_monitor = 1 - p.slides_monitor.min(1);
                    self.effects.push(Effect::SlidesOnMonitor(p.slides_monitor));
                    self.effects.push(Effect::SpeakerOnMonitor(1 - p.slides_monitor));
                }
            }
            PresenterCommand::Stop => self.stop_presenting(),
            PresenterCommand::Step(step) => {
                if let Some(p) = &mut self.presenter {
                    p.step(step);
                }
            }
            PresenterCommand::GoTo(index) => {
                if let Some(p) = &mut self.presenter {
                    p.go_to(index);
                }
            }
            PresenterCommand::Blank(blank) => {
                if let Some(p) = &mut self.presenter {
                    p.blank(blank);
                }
            }
            PresenterCommand::RestartTimer => {
                if let Some(p) = &mut self.presenter {
                    p.started = std::time::Instant::now();
                }
            }
            PresenterCommand::ToggleWindowed => {
                if let Some(p) = &mut self.presenter {
                    p.windowed = !p.windowed;
                    self.effects.push(Effect::Fullscreen(!p.windowed));
                }
            }
            PresenterCommand::Bigger => self.settings.bigger_presenter_type(),
            PresenterCommand::Smaller => self.settings.smaller_presenter_type(),
            PresenterCommand::ToggleContrast => self.settings.high_contrast = !self.settings.high_contrast,
            PresenterCommand::AddNote { year, text } => {
                if let Some((en, zh)) = crate::model::deck::far_year(self.session.doc(), year) {
                    let message = if self.settings.lang.is_english() { en } else { zh };
                    return self.log.push(Severity::Error, message);
                }
                let changed = self.presenter.as_mut().and_then(|p| p.add_note(year, text));
                self.keep_slide(changed);
            }
            PresenterCommand::EditCover { title, date, presenter } => {
                let changed = self.presenter.as_mut().and_then(|p| {
                    p.change_current(|s| {
                        if let SlideContent::Cover { .. } = s.content {
                            s.content = SlideContent::Cover { title, date, presenter };
                        }
                    })
                });
                self.keep_slide(changed);
            }
            PresenterCommand::SetSpeakerNotes(text) => {
                let changed = self.presenter.as_mut().and_then(|p| p.change_current(|s| s.speaker_notes = text));
                self.keep_slide(changed);
            }
        }
    }

    /// F11: the presenter's own deck when there is one, else the plan's under the selection.
    fn start_the_deck(&mut self) {
        if self.session.deck().slides.is_empty() {
            self.run(PresenterCommand::Start(None));
        } else {
            self.run(PresenterCommand::StartMyDeck);
        }
    }

    /// A slide changed while presenting goes back to the deck it came from, so that its notes
    /// are there after leaving the slideshow (and in 保存幻灯片 for the presenter's own deck).
    fn keep_slide(&mut self, changed: Option<Slide>) {
        let (Some(slide), Some(p)) = (changed, &self.presenter) else { return };
        match p.origin {
            DeckOrigin::Plan => self.session.keep_plan_notes(slide),
            DeckOrigin::Mine => self.session.keep_my_notes(p.index, slide),
        }
    }

    /// The presenter's own deck: each change a step to undo (Ctrl+Z on the scenario page).
    fn run_deck(&mut self, command: DeckCommand) {
        let current = self.presenter.as_ref().and_then(Presenter::current).cloned();
        let typing = match &command {
            DeckCommand::SetSpeakerNotes { slide, .. } => Some(*slide),
            _ => None,
        };
        let selection = match (self.settings.selected_measures.as_slice(), self.settings.index_mode) {
            ([], _) => None,
            ([one], false) => Some(SlideContent::Measure(one.clone())),
            (many, _) => Some(SlideContent::Index(many.to_vec())),
        };
        let edit: Box<dyn FnOnce(&mut Deck)> = match command {
            DeckCommand::AddSelection => Box::new(move |deck| deck.slides.extend(selection.map(Slide::of))),
            DeckCommand::AddCurrentSlide => Box::new(move |deck| deck.slides.extend(current)),
            DeckCommand::AddSlide(content) => Box::new(move |deck| deck.slides.push(Slide::of(content))),
            DeckCommand::Move { from, to } => Box::new(move |deck| {
                if from < deck.slides.len() && to < deck.slides.len() {
                    deck.slides.swap(from, to);
                }
            }),
            DeckCommand::Remove(k) => Box::new(move |deck| {
                if k < deck.slides.len() {
                    deck.slides.remove(k);
                }
            }),
            DeckCommand::SetSpeakerNotes { slide, text } => Box::new(move |deck| {
                if let Some(s) = deck.slides.get_mut(slide) {
                    s.speaker_notes = text;
                }
            }),
            DeckCommand::Undo => {
                self.session.undo_deck();
                return;
            }
            DeckCommand::Redo => {
                self.session.redo_deck();
                return;
            }
            DeckCommand::Save(path) => return self.save_deck(&path),
            DeckCommand::Load(path) => match Deck::load(&path, &self.session.deck_terms()) {
                Ok(loaded) => Box::new(move |deck| *deck = loaded),
                Err(ds) => return self.log.diagnostics(ds),
            },
        };
        self.session.edit_deck(typing, edit);
    }

    fn start_presenting(&mut self, deck: Deck, origin: DeckOrigin) {
        if deck.slides.is_empty() {
            return;
        }
        self.presenter = Some(Presenter::new(deck, origin));
        self.effects.push(Effect::Fullscreen(true));
    }

    fn stop_presenting(&mut self) {
        self.presenter = None;
        self.effects.push(Effect::Fullscreen(false));
    }

    fn save_deck(&mut self, path: &Path) {
        match self.session.deck().save(path) {
            Ok(()) => self.log.info(format!("{}{}", tr(self.settings.lang, Msg::Exported), path.display())),
            Err(e) => self.log.push(Severity::Error, e),
        }
    }

    /// Where exports are written (tests point it at a temporary folder).
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.exports = super::exports::Exports::new(dir);
    }

    // What tests and the window read back.

    pub fn export_dir(&self) -> &Path {
        self.exports.dir()
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The file dialog was asked for: it is open, or the system had none to show (and said so).
    pub fn file_dialog_asked(&self) -> bool {
        self.scenarios.dialog_open() || self.scenarios.no_dialog()
    }

    pub fn doc(&self) -> &Document {
        self.session.doc()
    }

    /// The settings as they are now, except the selection and expanded nodes, which live in
    /// the navigation while the app runs: [`PlanExplorerApp::saved_settings`] has them.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings as they are saved: the current selection and expanded nodes by id. Ids
    /// this plan does not have (remembered from another plan file) are kept as they were.
    pub fn saved_settings(&self) -> Settings {
        let doc = self.session.doc();
        let mut settings = self.settings.clone();
        let known = |id: &String| doc.outline.index_of(id).is_some();
        settings.selected = self.nav.selected_id(doc).or(settings.selected.filter(|id| !known(id)));
        settings.expanded.retain(|id| !known(id));
        settings.expanded.extend(self.nav.expanded_ids(doc));
        let (open_files, hidden_built_in) = open_files(self.session.scenarios().loaded());
        // Files asked for at this start that have not arrived yet are still the session's.
        settings.open_files = open_files;
        for pending in &self.restoring {
            if !settings.open_files.iter().any(|f| f.path == pending.path) {
                settings.open_files.push(pending.clone());
            }
        }
        settings.hidden_built_in = hidden_built_in;
        settings
    }

    pub fn selected(&self) -> Option<usize> {
        self.nav.selected()
    }

    pub fn visible_rows(&mut self) -> &[usize] {
        self.nav.rows(self.session.doc())
    }

    /// Waits until a background search has its results; the next frame shows them (for tests
    /// and benchmarks of large plans).
    pub fn wait_for_search(&mut self) {
        self.nav.wait_for_search();
    }

    /// Waits until what depends on the scenarios is derived again; the next frame shows it
    /// (tests and benchmarks of large plans).
    pub fn wait_for_scenarios(&mut self) {
        self.session.wait_for_update();
    }

    /// What the tree is narrowed to by a bar or the map (a 盟市, a region, a chapter).
    pub fn tree_filter(&self) -> Option<&str> {
        self.nav.filter_label()
    }

    /// Every target judged by its value in the target year, as the evaluation page shows it.
    pub fn evaluations(&self) -> &[crate::model::evaluation::TargetEvaluation] {
        self.session.evaluations()
    }

    pub fn summaries(&self) -> &[MeasureSummary] {
        self.session.summaries()
    }

    /// The indicator chart of the selected measures.
    pub fn current_chart(&self) -> Arc<Chart> {
        self.session.chart(&self.settings.selected_measures, self.chart_options())
    }

    /// The regional page's chart of east against west over time, for its chosen statistic.
    pub fn east_west_chart(&self) -> Option<Chart> {
        let (_, east_west) = self.regional_tables();
        east_west.map(|ew| ew.chart.clone())
    }

    /// The regional page's statistic in its year and over time, read from the scenario the
    /// page chose (every shown one when it chose none, or one no longer shown).
    pub(super) fn regional_tables(
        &self,
    ) -> (Option<Arc<crate::model::regional::StatTable>>, Option<Arc<crate::session::derived::EastWest>>) {
        let choice = &self.settings.regional;
        let k = self.regional_stat();
        let only = choice.scenario.as_deref().filter(|name| self.session.regional_sources(k).iter().any(|n| n == name));
        self.session.regional_from(k, choice.year, only, self.settings.lang)
    }

    /// Which statistic the regional page shows: the one chosen, or the one known for the most
    /// 盟市 when none is chosen (or the chosen one is not loaded now).
    pub(super) fn regional_stat(&self) -> usize {
        let chosen = self.settings.regional.stat.as_ref();
        chosen.and_then(|(indicator, unit)| self.session.stat_index(indicator, Some(unit))).unwrap_or(0)
    }

    /// How the indicator chart is built, from the user's settings. A part of the region chosen
    /// for an earlier selection that this one has no series for falls back to the whole region
    /// (the choice itself is kept, for when such a measure is selected again).
    pub fn chart_options(&self) -> ChartOptions {
        ChartOptions {
            index: self.settings.index_mode,
            log: self.settings.log_scale,
            all_sources: self.settings.all_sources,
            lang: self.settings.lang,
            region: self.settings.chart_region.clone().filter(|r| self.chart_regions().contains(r)),
        }
    }

    /// The parts of the region the selected measures have series for (全区 first).
    pub(super) fn chart_regions(&self) -> Vec<String> {
        let doc = self.session.doc();
        chart_regions(&self.settings.selected_measures, &self.session.shown_scenarios(), &doc.plan.places)
    }

    pub fn scenarios(&self) -> &[LoadedScenario] {
        self.session.scenarios().loaded()
    }

    pub fn messages(&self) -> &[Message] {
        self.log.lines()
    }

    /// Files being loaded.
    pub fn loading(&self) -> usize {
        self.scenarios.in_flight().len()
    }

    pub fn presenting(&self) -> Option<&Presenter> {
        self.presenter.as_ref()
    }

    pub fn my_deck(&self) -> &Deck {
        self.session.deck()
    }

    /// The language the window speaks.
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }
}

/// The scenario files of `loaded` in the list's order, each with its hidden scenarios, and the
/// hidden built-in scenarios: what a restart reopens.
fn open_files(loaded: &[LoadedScenario]) -> (Vec<crate::app::settings::OpenFile>, Vec<String>) {
    let mut files: Vec<crate::app::settings::OpenFile> = Vec::new();
    let mut hidden_built_in = Vec::new();
    for l in loaded {
        let Some(path) = &l.path else {
            if !l.enabled {
                hidden_built_in.push(l.scenario.name.clone());
            }
            continue;
        };
        let shown = path.display().to_string();
        let at = match files.iter().position(|f| f.path == shown) {
            Some(at) => at,
            None => {
                files.push(crate::app::settings::OpenFile { path: shown, hidden: Vec::new() });
                files.len() - 1
            }
        };
        if !l.enabled
            && let Some(file) = files.get_mut(at)
        {
            file.hidden.push(l.scenario.name.clone());
        }
    }
    (files, hidden_built_in)
}
