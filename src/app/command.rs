//! The one place commands are carried out — whether a view, a key or a test sent them —
//! and what tests and the window may read back. Besides commands, only the frame itself
//! changes state: finished loads, the zoom, and the bookkeeping of drawing (a scroll
//! request taken, a toast expired).

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Msg, tr};
use crate::model::chart::{Chart, ChartOptions};
use crate::model::deck::{Deck, Slide, SlideContent};
use crate::model::export::{
    BriefingBody, BriefingSlide, SLIDE_SIZE, briefing_html, briefing_pages, chart_csv, evaluation_csv, slide_svg,
    table_csv, table_csv_of,
};
use crate::model::loaded::LoadedScenario;
use crate::model::messages::Message;
use crate::model::regional::{PlanMetric, nodes_for};
use crate::model::summary::MeasureSummary;
use crate::model::{Document, Severity};
use crate::ui::{Command, View};

use super::presenter::{Presenter, default_deck};
use super::{Effect, PlanExplorerApp, Settings, exports};

/// How long a confirmation such as "copied" stays, in seconds.
const TOAST_SECONDS: f64 = 1.5;
/// Long enough to read a path.
const EXPORT_TOAST_SECONDS: f64 = 5.0;

impl PlanExplorerApp {
    pub fn run(&mut self, command: Command) {
        // An export says where it wrote (or why not) on screen too, also while presenting
        // full screen, where the message panel is hidden.
        let is_export = matches!(
            command,
            Command::ExportChartCsv
                | Command::ExportTable
                | Command::ExportEvaluation
                | Command::ExportBriefing
                | Command::ExportBriefingPdf
                | Command::ExportSlidePng(_)
                | Command::ExportSlideCsv
        );
        let last_before = self.log.lines().last().cloned();
        self.run_command(command);
        if is_export
            && let Some(last) = self.log.lines().last()
            && Some(last) != last_before.as_ref()
        {
            self.toast = Some((last.text.clone(), self.now + EXPORT_TOAST_SECONDS));
        }
    }

    fn run_command(&mut self, command: Command) {
        let doc = &self.doc;
        match command {
            Command::Select(i) => self.nav.select(doc, i),
            Command::Open(i) => {
                self.nav.select(doc, i);
                self.settings.view = View::Reader;
            }
            Command::Toggle(i) => self.nav.toggle(i),
            Command::ExpandAll => self.nav.expand_all(doc),
            Command::CollapseAll => self.nav.collapse_all(),
            Command::Navigate(key) => {
                if self.nav.key(doc, key) {
                    self.settings.view = View::Reader;
                }
            }
            Command::SetQuery(query) => self.nav.set_query(doc, &query),
            Command::JumpHit { forward } => {
                if self.nav.jump_hit(doc, forward) {
                    self.settings.view = View::Reader;
                }
            }
            Command::SetRegionFilter(filter) => {
                self.nav.set_region_filter(doc, &filter);
                self.settings.region_filter = filter;
            }
            Command::FilterTree { label, nodes } => self.nav.filter_tree(doc, label, nodes),
            Command::ClearTreeFilter => self.nav.clear_tree_filter(),
            Command::FilterCity(city) => {
                let nodes = nodes_for(doc, PlanMetric::Tasks, Some(&city), None);
                self.nav.filter_tree(doc, city, nodes);
            }
            Command::Copy(text) => {
                self.effects.push(Effect::CopyText(text));
                self.toast = Some((tr(self.settings.lang, Msg::Copied).to_string(), self.now + TOAST_SECONDS));
            }

            Command::SetView(view) => self.settings.view = view,
            Command::ShowEvaluation(filter) => {
                self.evaluation_filter = filter;
                self.settings.view = View::Evaluation;
            }
            Command::OpenMeasure(measure) => {
                self.settings.selected_measures = vec![measure];
                self.settings.view = View::Indicators;
            }
            Command::ToggleMeasure(measure) => {
                let selected = &mut self.settings.selected_measures;
                match selected.iter().position(|m| *m == measure) {
                    Some(p) => {
                        selected.remove(p);
                    }
                    None => selected.push(measure),
                }
            }
            Command::SetIndexMode(on) => self.settings.index_mode = on,
            Command::SetLogScale(on) => self.settings.log_scale = on,
            Command::SetAllSources(on) => self.settings.all_sources = on,
            Command::SetChartRegion(region) => self.settings.chart_region = region,
            Command::ToggleLanguage => {
                self.whatif.stale();
                self.settings.lang = match self.settings.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                }
            }
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
            Command::ToggleHelp => self.show_help = !self.show_help,
            Command::CloseHelp => self.show_help = false,
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::CloseAbout => self.show_about = false,

            Command::OpenFiles(paths) => self.scenarios.open(paths),
            Command::CancelLoad(path) => self.scenarios.cancel(&path),
            Command::OpenDialog => self.scenarios.open_dialog(&self.settings.recent, &mut self.log, self.settings.lang),
            Command::ReloadAll => self.scenarios.reload(false),
            Command::ReloadScenario(k) => self.scenarios.reload_one(k),
            Command::ToggleScenario(k) => {
                if self.scenarios.toggle(k) {
                    self.scenarios_changed();
                }
            }
            Command::RemoveScenario(k) => {
                if self.scenarios.remove(k) {
                    self.scenarios_changed();
                }
            }
            Command::SetProgressBasis(basis) => {
                self.scenarios.set_basis(basis);
                self.scenarios_changed();
            }
            Command::SetComparePair(a, b) => self.scenarios.set_pair((a, b)),
            Command::ClearMessages => self.log.clear(),
            what_if @ (Command::WhatIfPick { .. }
            | Command::WhatIfBegin(_)
            | Command::WhatIfGrowth(_)
            | Command::WhatIfLine(_)
            | Command::WhatIfDrag { .. }
            | Command::WhatIfUndo
            | Command::WhatIfRedo
            | Command::WhatIfSelect(_)
            | Command::WhatIfRemove
            | Command::WhatIfRename(_)
            | Command::WhatIfSetFile(_)
            | Command::WhatIfSave
            | Command::WhatIfEdit(_)) => self.run_whatif(what_if),

            Command::Present(deck) => {
                let deck = deck.unwrap_or_else(|| default_deck(doc, self.nav.selected(), &self.scenarios.enabled()));
                self.start_presenting(deck);
            }
            Command::PresentMyDeck => self.start_presenting(self.my_deck.clone()),
            Command::TogglePresenting => match self.presenter {
                Some(_) => self.stop_presenting(),
                None => self.run(Command::Present(None)),
            },
            Command::StopPresenting => self.stop_presenting(),
            Command::Slide(step) => {
                if let Some(p) = &mut self.presenter {
                    p.step(step);
                }
            }
            Command::PresenterBigger => self.settings.bigger_presenter_type(),
            Command::PresenterSmaller => self.settings.smaller_presenter_type(),
            Command::ToggleContrast => self.settings.high_contrast = !self.settings.high_contrast,
            Command::AddNote { year, text } => {
                if let Some(p) = &mut self.presenter {
                    p.add_note(year, text);
                }
            }

            Command::AddSelectionToDeck => {
                let content = match (self.settings.selected_measures.as_slice(), self.settings.index_mode) {
                    ([], _) => return,
                    ([one], false) => SlideContent::Measure(one.clone()),
                    (many, _) => SlideContent::Index(many.to_vec()),
                };
                self.my_deck.slides.push(Slide { content, notes: Vec::new() });
            }
            Command::AddCurrentSlideToDeck => {
                if let Some(slide) = self.presenter.as_ref().and_then(Presenter::current) {
                    self.my_deck.slides.push(slide.clone());
                }
            }
            Command::AddSlideToDeck(content) => {
                self.my_deck.slides.push(Slide { content, notes: Vec::new() });
            }
            Command::MoveSlide { from, to } => {
                if from < self.my_deck.slides.len() && to < self.my_deck.slides.len() {
                    self.my_deck.slides.swap(from, to);
                }
            }
            Command::RemoveSlide(k) => {
                if k < self.my_deck.slides.len() {
                    self.my_deck.slides.remove(k);
                }
            }
            Command::SaveDeck(path) => self.save_deck(&path),
            Command::LoadDeck(path) => match Deck::load(&path, doc) {
                Ok(deck) => self.my_deck = deck,
                Err(ds) => self.log.diagnostics(ds),
            },

            Command::ExportChartCsv => {
                let name = format!("chart-{}.csv", self.settings.selected_measures.join("+"));
                let csv = chart_csv(self.current_chart());
                self.exports.write(&name, csv.as_bytes(), &mut self.log, self.settings.lang);
            }
            Command::ExportTable => {
                self.export_table();
            }
            Command::ExportEvaluation => {
                self.export_evaluation();
            }
            Command::ExportBriefing => {
                self.export_briefing();
            }
            Command::ExportSlidePng(scale) => self.export_slide_png(scale),
            Command::ExportBriefingPdf => self.export_briefing_pdf(),
            Command::ExportSlideCsv => self.export_slide_csv(),
        }
    }

    fn start_presenting(&mut self, deck: Deck) {
        if deck.slides.is_empty() {
            return;
        }
        self.presenter = Some(Presenter::new(deck));
        self.effects.push(Effect::Fullscreen(true));
    }

    fn stop_presenting(&mut self) {
        self.presenter = None;
        self.effects.push(Effect::Fullscreen(false));
    }

    fn save_deck(&mut self, path: &Path) {
        match self.my_deck.save(path) {
            Ok(()) => self.log.info(format!("{}{}", tr(self.settings.lang, Msg::Exported), path.display())),
            Err(e) => self.log.push(Severity::Error, e),
        }
    }

    /// The final evaluation as CSV, every target whatever the page is narrowed to.
    pub fn export_evaluation(&mut self) -> Option<PathBuf> {
        let csv = evaluation_csv(self.derived.evaluations());
        self.exports.write("final-evaluation.csv", csv.as_bytes(), &mut self.log, self.settings.lang)
    }

    /// The indicator table as CSV.
    pub fn export_table(&mut self) -> Option<PathBuf> {
        let csv = table_csv(self.derived.summaries());
        self.exports.write("indicators.csv", csv.as_bytes(), &mut self.log, self.settings.lang)
    }

    /// Every slide of the running deck (or the plan's default deck) as one HTML file.
    pub fn export_briefing(&mut self) -> Option<PathBuf> {
        let (title, slides) = self.briefing_slides();
        let html = briefing_html(&title, &slides, self.settings.lang);
        self.exports.write("briefing.html", html.as_bytes(), &mut self.log, self.settings.lang)
    }

    /// The running deck's slides (the default deck when none runs), the evaluation first.
    fn briefing_slides(&mut self) -> (String, Vec<BriefingSlide>) {
        let enabled = self.scenarios.enabled();
        let deck = match &self.presenter {
            Some(p) => p.deck.clone(),
            None => default_deck(&self.doc, None, &enabled),
        };
        let slides = exports::briefing(&self.doc, &mut self.derived, &enabled, self.settings.lang, &deck);
        (deck.name, slides)
    }

    fn export_slide_png(&mut self, scale: u8) {
        let Some(p) = &self.presenter else { return };
        let Some(slide) = p.current().cloned() else { return };
        let number = p.index + 1;
        let enabled = self.scenarios.enabled();
        let lang = self.settings.lang;
        let page = exports::briefing_slide(&self.doc, &mut self.derived, &enabled, lang, &slide);
        let svg = slide_svg(&page, &format!("{number} / {}", p.deck.slides.len()), SLIDE_SIZE);
        let name = format!("slide-{number}-{}x.png", scale);
        match crate::render::png(&svg, f32::from(scale)) {
            Ok(png) => {
                self.exports.write(&name, &png, &mut self.log, lang);
            }
            Err(e) => self.log.push(Severity::Error, format!("{name}: {e}")),
        }
    }

    fn export_slide_csv(&mut self) {
        let Some(p) = &self.presenter else { return };
        let Some(slide) = p.current().cloned() else { return };
        let number = p.index + 1;
        let enabled = self.scenarios.enabled();
        let page = exports::briefing_slide(&self.doc, &mut self.derived, &enabled, self.settings.lang, &slide);
        let csv = match &page.body {
            BriefingBody::Chart(chart) => chart_csv(chart),
            BriefingBody::Table(table) | BriefingBody::Drawing { data: table, .. } => table_csv_of(table),
        };
        self.exports.write(&format!("slide-{number}.csv"), csv.as_bytes(), &mut self.log, self.settings.lang);
    }

    fn export_briefing_pdf(&mut self) {
        let (title, slides) = self.briefing_slides();
        match crate::render::pdf(&briefing_pages(&slides, self.settings.lang), &title) {
            Ok(pdf) => {
                self.exports.write("briefing.pdf", &pdf, &mut self.log, self.settings.lang);
            }
            Err(e) => self.log.push(Severity::Error, format!("briefing.pdf: {e}")),
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

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The settings as they are now, except the selection and expanded nodes, which live in
    /// the navigation while the app runs: [`PlanExplorerApp::saved_settings`] has them.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings as they are saved: the current selection and expanded nodes by id. Ids
    /// this plan does not have (remembered from another plan file) are kept as they were.
    pub fn saved_settings(&self) -> Settings {
        let mut settings = self.settings.clone();
        let known = |id: &String| self.doc.outline.index_of(id).is_some();
        settings.selected = self.nav.selected_id(&self.doc).or(settings.selected.filter(|id| !known(id)));
        settings.expanded.retain(|id| !known(id));
        settings.expanded.extend(self.nav.expanded_ids(&self.doc));
        settings
    }

    pub fn selected(&self) -> Option<usize> {
        self.nav.selected()
    }

    pub fn visible_rows(&mut self) -> &[usize] {
        self.nav.rows(&self.doc)
    }

    /// Waits until a background search has its results; the next frame shows them (for tests
    /// and benchmarks of large plans).
    pub fn wait_for_search(&mut self) {
        self.nav.wait_for_search();
    }

    /// Waits until what depends on the scenarios is derived again; the next frame shows it
    /// (tests and benchmarks of large plans).
    pub fn wait_for_scenarios(&mut self) {
        self.derived.wait_for_update();
    }

    /// What the tree is narrowed to by a bar or the map (a 盟市, a region, a chapter).
    pub fn tree_filter(&self) -> Option<&str> {
        self.nav.filter_label()
    }

    /// Every target judged by its value in the target year, as the evaluation page shows it.
    pub fn evaluations(&self) -> &[crate::model::evaluation::TargetEvaluation] {
        self.derived.evaluations()
    }

    pub fn summaries(&self) -> &[MeasureSummary] {
        self.derived.summaries()
    }

    /// The indicator chart of the selected measures.
    pub fn current_chart(&mut self) -> &Chart {
        let enabled = self.scenarios.enabled();
        let options = self.chart_options();
        self.derived.chart(&self.doc, &enabled, &self.settings.selected_measures, options)
    }

    /// The regional page's chart of east against west over time, for its chosen statistic.
    pub fn east_west_chart(&mut self) -> Option<&Chart> {
        let enabled = self.scenarios.enabled();
        let k = self.views.regions.stat;
        self.derived.east_west(&self.doc, &enabled, k, self.settings.lang).map(|(_, chart)| chart)
    }

    /// How the indicator chart is built, from the user's settings.
    pub fn chart_options(&self) -> ChartOptions {
        ChartOptions {
            index: self.settings.index_mode,
            log: self.settings.log_scale,
            all_sources: self.settings.all_sources,
            lang: self.settings.lang,
            region: self.settings.chart_region.clone(),
        }
    }

    pub fn scenarios(&self) -> &[LoadedScenario] {
        self.scenarios.loaded()
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
        &self.my_deck
    }
}
