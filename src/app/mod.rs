//! The desktop app: the egui glue around a [`Session`]. This file holds only the order of a
//! frame; each concern has its own module: `settings` (what is saved), `command` (the one
//! place commands are carried out), `navigation` (tree, selection, search, filters),
//! `scenarios` (reading files and the dialog), `presenter` (the running slideshow), `exports`
//! (where files go), `effects` (what commands ask of the window) and `pages` (the props each
//! view is given). What is computed and drawn from the data is the session's.

pub mod command;
mod dialog;
mod documents;
mod effects;
mod entries;
pub mod exports;
pub mod navigation;
mod pages;
pub mod presenter;
pub mod scenarios;
pub mod settings;
mod speaker;
mod thumbnails;
pub mod whatif;

use crate::ui::command::ScenarioCommand;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Ui;

use crate::i18n::{Msg, tr};
use crate::model::load::{EMBEDDED_PLAN_NAME, embedded_plan, load_plan_file};
use crate::model::messages::MessageLog;
use crate::model::{Document, Severity};
use crate::session::Session;
use crate::ui::{Command, keys};

use effects::Effect;
use exports::{Exports, default_exports_dir};
use navigation::Navigation;
pub use presenter::Presenter;
use scenarios::Scenarios;
pub use settings::Settings;

/// What the views hold while the app runs: never saved, never read by anyone else.
#[derive(Default)]
struct ViewStates {
    indicators: crate::ui::indicators_view::IndicatorsViewState,
    scenarios: crate::ui::scenarios_view::ScenariosViewState,
    deck_editor: crate::ui::deck_editor::DeckEditorState,
    slide: crate::ui::presenter::SlideViewState,
    speaker: crate::ui::speaker::SpeakerState,
    whatif: crate::ui::whatif_view::WhatIfViewState,
    evaluation: crate::ui::evaluation_view::EvaluationViewState,
}

pub use crate::session::LARGE_PLAN_NODES;

pub struct PlanExplorerApp {
    /// The document, the scenarios, what is derived from them, the presenter's own deck.
    session: Session,
    settings: Settings,
    nav: Navigation,
    /// Reading scenario files (worker threads, the dialog).
    scenarios: Scenarios,
    presenter: Option<Presenter>,
    /// The speaker view's pictures of slides.
    thumbnails: thumbnails::Thumbnails,
    exports: Exports,
    log: MessageLog,
    views: ViewStates,
    show_help: bool,
    /// Ctrl+F was pressed: the next frame gives the search field the keyboard.
    focus_search: bool,
    show_about: bool,
    /// The verdict the final evaluation is narrowed to (`None`: every target).
    evaluation_filter: Option<crate::model::evaluation::Verdict>,
    /// A short confirmation and the time it disappears.
    toast: Option<(String, f64)>,
    effects: Vec<Effect>,
    /// egui's clock at the start of the frame, in seconds.
    now: f64,
    contrast_applied: bool,
    /// With `--startup-report`: when the process started, and frames drawn so far.
    startup: Option<(Instant, u32)>,
    /// Where the settings file is kept (none: settings are not kept).
    settings_dir: Option<PathBuf>,
    whatif: whatif::WhatIfEditor,
    /// The last session's files reopened at this start that have not arrived yet, with the
    /// scenarios to keep hidden when they do.
    restoring: Vec<settings::OpenFile>,
    /// The PDF briefing being drawn on a worker (a long deck takes seconds).
    /// A document drawn on a worker (the PDF briefing, a Word file): its file name and bytes.
    document_export: crate::session::background::Background<(String, Result<Vec<u8>, String>)>,
    /// The values entered on the evaluation page, to undo and redo.
    entries: entries::EntriesHistory,
    /// 另存为 of the entries: the system's save dialog, while it is open.
    entries_save_as: dialog::Dialog<PathBuf>,
}

impl PlanExplorerApp {
    /// The app as `main` starts it without arguments.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        Self::start(cc, None, Vec::new())
    }

    /// The app with the plan file and scenario files given on the command line: fonts
    /// installed, remembered settings restored, a bad plan file reported and replaced by the
    /// embedded plan.
    pub fn start(cc: &eframe::CreationContext<'_>, plan_path: Option<PathBuf>, files: Vec<PathBuf>) -> Self {
        // Where eframe offers storage (a real window, not a test harness), settings are kept
        // in the app's data folder.
        let dir = cc.storage.and(crate::crash::data_dir());
        Self::start_in(cc, plan_path, files, dir)
    }

    /// [`PlanExplorerApp::start`] keeping its settings in `settings_dir` (none: not kept).
    pub fn start_in(
        cc: &eframe::CreationContext<'_>,
        plan_path: Option<PathBuf>,
        files: Vec<PathBuf>,
        settings_dir: Option<PathBuf>,
    ) -> Self {
        crate::ui::fonts::install_fonts(&cc.egui_ctx);
        let mut problems = Vec::new();
        let stored = settings_dir.as_deref().map(settings::load).transpose().unwrap_or_else(|d| {
            problems.push(d);
            None
        });
        // Versions before the settings file kept the settings in eframe's storage.
        let carried_over = || cc.storage.and_then(|s| eframe::get_value::<Settings>(s, settings::STATE_KEY));
        let mut settings = stored.flatten().or_else(carried_over).unwrap_or_default();
        settings.bound();
        let doc = match plan_path.map(|p| (load_plan_file(&p), p.display().to_string())) {
            Some((Ok(plan), name)) => Document::new(plan, name),
            other => {
                if let Some((Err(ds), _)) = other {
                    problems.extend(ds);
                }
                match embedded_plan() {
                    Ok(plan) => Document::new(plan, EMBEDDED_PLAN_NAME),
                    // The embedded plan is checked by the tests; an empty plan keeps the app usable.
                    Err(_) => Document::new(crate::model::Plan::empty(), "—"),
                }
            }
        };
        let mut app = Self::with_document(doc, settings);
        app.settings_dir = settings_dir;
        app.log.diagnostics(problems);
        if let Some(report) = crate::crash::data_dir().and_then(|dir| crate::crash::take_unseen(&dir)) {
            app.log.push(Severity::Error, format!("{}{}", tr(app.settings.lang, Msg::LastCrash), report.display()));
        }
        let ctx = &cc.egui_ctx;
        // `bound` made the remembered zoom finite and in range.
        if (ctx.zoom_factor() - app.settings.zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(app.settings.zoom);
        }
        app.scenarios.set_waker(ctx);
        // Files named on the command line are this session's; with none, the last one's return.
        let mut files = if files.is_empty() { app.last_session_files() } else { files };
        // The values entered on the evaluation page are always there.
        let entries = app.entries_path();
        if entries.is_file() && !files.contains(&entries) {
            files.push(entries);
        }
        app.run(Command::Scenario(ScenarioCommand::OpenFiles(files)));
        app
    }

    /// The files open when the settings were last saved that still exist (each missing one is
    /// said), with the built-in scenarios hidden as they were.
    fn last_session_files(&mut self) -> Vec<PathBuf> {
        let hidden = std::mem::take(&mut self.settings.hidden_built_in);
        self.session.change_scenarios(|set| set.set_shown(None, |name| !hidden.iter().any(|h| h == name)));
        let lang = self.settings.lang;
        let mut files = Vec::new();
        for file in std::mem::take(&mut self.settings.open_files) {
            let path = PathBuf::from(&file.path);
            if path.is_file() {
                files.push(path);
                self.restoring.push(file);
            } else {
                self.log.push_about(
                    &file.path,
                    Severity::Warning,
                    format!("{}: {}", file.path, tr(lang, Msg::LastSessionFileGone)),
                );
            }
        }
        files
    }

    /// The app on `doc` with `settings`, without a window (what tests and benchmarks build).
    pub fn with_document(doc: Document, settings: Settings) -> Self {
        let nav = Navigation::new(&doc, &settings.expanded, settings.selected.as_deref(), &settings.region_filter);
        let scenarios = Scenarios::new(&doc);
        let rule = crate::model::evaluation::Rule::new(settings.nearly_met_percent);
        let session = Session::with_rule(doc, settings.lang, rule);
        PlanExplorerApp {
            whatif: whatif::WhatIfEditor::new(settings.lang),
            session,
            settings,
            nav,
            scenarios,
            presenter: None,
            exports: Exports::new(default_exports_dir()),
            log: MessageLog::default(),
            views: ViewStates::default(),
            thumbnails: Default::default(),
            show_help: false,
            focus_search: false,
            show_about: false,
            evaluation_filter: None,
            toast: None,
            effects: Vec::new(),
            now: 0.0,
            contrast_applied: false,
            startup: None,
            settings_dir: None,
            restoring: Vec::new(),
            document_export: Default::default(),
            entries: Default::default(),
            entries_save_as: Default::default(),
        }
    }

    /// Prints the time to the first painted frame, then closes the window.
    pub fn report_startup(&mut self, started: Instant) {
        self.startup = Some((started, 0));
    }

    /// One frame: input, then the page, then what the page asked for, then the window's
    /// own requests. Also what the tests and benchmarks drive.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.now = ctx.input(|i| i.time);
        self.startup_frame(&ctx);
        self.scenarios.set_waker(&ctx);
        let commands = self.input_commands(&ctx);
        self.poll_files(&ctx);
        // A large plan's search and scenario derivations run on workers: show their results
        // when they come.
        if self.nav.poll_search(self.session.doc()) | self.session.poll() {
            ctx.request_repaint();
        } else if self.nav.searching() || self.session.updating() {
            ctx.request_repaint_after(std::time::Duration::from_millis(10));
        }
        self.run_all(&ctx, commands);
        self.poll_document_export(&ctx);
        self.settings.zoom = ctx.zoom_factor();
        self.apply_theme(&ctx);
        let mut commands = if self.presenter.is_some() { self.presenter_page(ui) } else { self.window(ui) };
        commands.extend(self.speaker_window(&ctx));
        self.run_all(&ctx, commands);
        self.toast(&ctx);
        self.carry_out_effects(&ctx);
    }

    /// Runs the commands, and draws again at once if there were any: egui repaints on input,
    /// not on state changes, so a click's result would otherwise wait for the next mouse move.
    fn run_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        for command in commands {
            self.run(command);
        }
    }

    /// Keys and dropped files.
    fn input_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = keys::keys(ctx, self.presenter.is_some(), self.settings.view);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::Scenario(ScenarioCommand::OpenFiles(dropped)));
        }
        commands
    }

    /// Finished loads, the dialog, and changed files; keeps polling while any is pending.
    fn poll_files(&mut self, ctx: &egui::Context) {
        let (files, log, now, lang) = (&mut self.scenarios, &mut self.log, self.now, self.settings.lang);
        let (kinds, restoring) = (&self.settings.kinds, &mut self.restoring);
        let mut opened = Vec::new();
        // One change for the poll and what each opened file brings back, so the scenarios are
        // derived from once.
        self.session.change_scenarios(|set| {
            let polled = files.poll(set, now, log, lang);
            let mut changed = polled.changed;
            for (shown, _) in &polled.opened {
                let path = std::path::Path::new(shown);
                // The kind the user gave the file last time is its kind again.
                if let Some(&kind) = kinds.get(shown) {
                    changed |= set.set_file_kind(path, kind);
                }
                // A file of the last session shows what it showed then.
                if let Some(at) = restoring.iter().position(|f| f.path == *shown) {
                    let file = restoring.remove(at);
                    changed |= set.set_shown(Some(path), |name| !file.hidden.iter().any(|h| h == name));
                }
            }
            opened = polled.opened;
            changed
        });
        for (shown, chars) in opened {
            self.warn_undisplayable(ctx, &shown, &chars);
            self.settings.remember_recent(shown);
        }
        if self.session.scenarios().from_files() {
            ctx.request_repaint_after(Duration::from_secs(1));
        }
        self.poll_entries_save_as();
        if self.scenarios.waiting() || self.entries_save_as.is_open() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// The remembered theme wins over whatever the platform (or a test harness) set; the
    /// projector theme is light with black text and strong lines.
    fn apply_theme(&mut self, ctx: &egui::Context) {
        let dark = self.settings.dark && !self.settings.high_contrast;
        let theme = if dark { egui::Theme::Dark } else { egui::Theme::Light };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        if self.contrast_applied != self.settings.high_contrast {
            let on = self.settings.high_contrast;
            ctx.style_mut_of(egui::Theme::Light, |style| {
                style.visuals = egui::Visuals::light();
                if on {
                    let black = egui::Color32::BLACK;
                    style.visuals.override_text_color = Some(black);
                    style.visuals.panel_fill = egui::Color32::WHITE;
                    style.visuals.window_fill = egui::Color32::WHITE;
                    style.visuals.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5, black);
                    style.visuals.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, black);
                }
            });
            self.contrast_applied = on;
        }
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
}

impl eframe::App for PlanExplorerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    /// eframe's periodic and final save: the settings go to their own file, written
    /// atomically (eframe's storage rewrites its file in place).
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }
}
