//! What a view can ask of the app: one [`Command`] type for every view, panel and key,
//! grouped by concern. Views push commands; `app::command` is the one place that carries
//! them out.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::Region;
use crate::model::deck::{Deck, SlideContent};
use crate::model::evaluation::Verdict;
use crate::model::regional::PlanMetric;

/// The page shown in the centre of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// The start page: the plan at a glance.
    #[default]
    Overview,
    Reader,
    Indicators,
    Regions,
    Scenarios,
    Evaluation,
    Map,
    /// Making a what-if scenario.
    WhatIf,
}

/// Which part of the region the tree is narrowed to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegionFilter {
    #[default]
    All,
    Region(Region),
    City(String),
}

/// How the regional page groups the plan's counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grouping {
    #[default]
    City,
    Chapter,
}

/// What the regional (东西部) page shows: the plan's counts by metric and grouping, and one
/// statistic in one year. Remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegionalChoice {
    pub metric: PlanMetric,
    pub grouping: Grouping,
    /// The statistic, as (indicator id, unit); `None`: the one known for the most 盟市.
    pub stat: Option<(String, String)>,
    /// `None`: the statistic's own default year.
    pub year: Option<u16>,
    /// The statistic's bars stacked (east on west) rather than side by side.
    pub stacked: bool,
    /// The one scenario the statistic is read from (its name as listed); `None`: every shown
    /// scenario, each value from the first that has one.
    pub scenario: Option<String>,
}

/// What the map page colours by, and in which year. Remembered between runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapChoice {
    /// As a deck names it: `tasks`, `boxes`, `platforms` or a statistic's indicator id.
    pub series: String,
    /// A statistic's unit, for one published in several.
    pub unit: Option<String>,
    /// `None`: the statistic's own default year.
    pub year: Option<u16>,
}

impl Default for MapChoice {
    fn default() -> Self {
        MapChoice { series: PlanMetric::Tasks.id().to_string(), unit: None, year: None }
    }
}

/// A key that moves through the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    Down,
    Up,
    /// Expand, or step into the first child of an expanded node.
    Right,
    /// Collapse, or step out to the parent of a collapsed node.
    Left,
    /// Read the selected node.
    Enter,
}

/// A move between slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideStep {
    Previous,
    Next,
    First,
    Last,
}

/// Everything a view, a key or a test can ask of the app, grouped by concern (as rerun splits
/// its commands): each group is carried out by its own part of `app::command`.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Tree(TreeCommand),
    Page(PageCommand),
    Window(WindowCommand),
    Scenario(ScenarioCommand),
    WhatIf(WhatIfCommand),
    Presenter(PresenterCommand),
    Deck(DeckCommand),
    Export(ExportCommand),
    Evaluation(EvaluationCommand),
}

/// The tree and the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum TreeCommand {
    Select(usize),
    /// Select and switch to the reader.
    Open(usize),
    Toggle(usize),
    ExpandAll,
    CollapseAll,
    Navigate(TreeKey),
    SetQuery(String),
    /// Select the next (or previous) search hit.
    JumpHit {
        forward: bool,
    },
    SetRegionFilter(RegionFilter),
    /// Narrow the tree to these nodes (and their ancestors), described by the label.
    FilterTree {
        label: String,
        nodes: Vec<usize>,
    },
    ClearTreeFilter,
    /// Narrow the tree to what names this 盟市 (its plan text, not a statistic).
    FilterCity(String),
}

/// Which page shows, and what each page shows: every choice here is remembered.
#[derive(Clone, Debug, PartialEq)]
pub enum PageCommand {
    SetView(View),
    /// Show this measure (alone) in the indicator view.
    OpenMeasure(String),
    /// Add or remove a measure from the indicator chart.
    ToggleMeasure(String),
    SetIndexMode(bool),
    /// The indicator chart's value axis: logarithmic or linear.
    SetLogScale(bool),
    /// Every source of the actual values on the indicator chart, or only the preferred one.
    SetAllSources(bool),
    /// The part of the region the indicator chart shows (`None`: the whole region).
    SetChartRegion(Option<String>),
    /// Show the final evaluation, narrowed to one verdict (`None`: every target).
    ShowEvaluation(Option<Verdict>),
    /// The regional page's counts: which plan metric, grouped how.
    SetRegionalMetric(PlanMetric),
    SetRegionalGrouping(Grouping),
    /// The regional page's statistic (indicator id, unit), shown in its default year.
    SetRegionalStat(String, String),
    SetRegionalYear(Option<u16>),
    SetRegionalStacked(bool),
    /// Read the regional page's statistic from one scenario (`None`: from every shown one).
    SetRegionalScenario(Option<String>),
    /// What the map colours by (`tasks`, `boxes`, `platforms` or a statistic, with its unit),
    /// in its default year.
    SetMapQuantity(String, Option<String>),
    SetMapYear(Option<u16>),
}

/// The window itself: language, theme, help, messages, the clipboard.
#[derive(Clone, Debug, PartialEq)]
pub enum WindowCommand {
    Copy(String),
    /// Give the search field the keyboard (Ctrl+F).
    FocusSearch,
    ToggleLanguage,
    ToggleTheme,
    ToggleHelp,
    CloseHelp,
    ToggleAbout,
    CloseAbout,
    ClearMessages,
}

/// Scenario files.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioCommand {
    OpenFiles(Vec<PathBuf>),
    /// Stop waiting for a file that is still loading.
    CancelLoad(PathBuf),
    OpenDialog,
    /// F5: reload every file-backed scenario.
    ReloadAll,
    Toggle(usize),
    Reload(usize),
    Remove(usize),
    /// Every series of loaded scenario `k`'s file is of this kind (kept with the file).
    SetKind(usize, crate::model::scenario::SeriesKind),
    /// The scenario progress is measured against (`None`: the shipped actuals).
    SetProgressBasis(Option<String>),
    SetComparePair(usize, usize),
}

/// The final evaluation as a workbench: values entered for its targets, and its rule.
#[derive(Clone, Debug, PartialEq)]
pub enum EvaluationCommand {
    /// Keep this value (replacing one entered before for its measure and year).
    Enter(crate::model::entries::Entry),
    /// Drop the value entered for this measure and year.
    Remove(String, u16),
    /// Set this verdict on a target, with why (replacing one set before).
    SetVerdict(crate::model::scenario::VerdictOverride),
    /// Drop the verdict set on this measure's target in this year: the data judge again.
    ClearVerdict(String, u16),
    Undo,
    Redo,
    /// 基本完成 from this share of the target, in percent.
    SetNearlyMetPercent(f64),
}

/// The what-if editor.
#[derive(Clone, Debug, PartialEq)]
pub enum WhatIfCommand {
    /// Choose the measure and region a what-if series is for.
    Pick {
        measure: Option<String>,
        region: Option<String>,
    },
    /// Start (or restart) the chosen measure's series from the plan's baseline or the latest
    /// actual value.
    Begin(crate::model::whatif::StartFrom),
    /// Constant annual growth, in percent a year.
    Growth(f64),
    /// A straight line to this value in the end year.
    Line(f64),
    /// A point dragged on the chart; `first` marks a drag's first move (one step to undo).
    Drag {
        year: u16,
        value: f64,
        first: bool,
    },
    Undo,
    Redo,
    Select(usize),
    Remove,
    Rename(String),
    /// The file Save writes (`.ron` or `.xlsx`).
    SetFile(String),
    Save,
    /// Keep editing loaded scenario `k` as a what-if.
    Edit(usize),
}

/// Presenting.
#[derive(Clone, Debug, PartialEq)]
pub enum PresenterCommand {
    /// Start a slideshow of this deck, or (with `None`) of the plan under the selection.
    Start(Option<Deck>),
    /// Start a slideshow of the presenter's own deck.
    StartMyDeck,
    Toggle,
    Stop,
    Step(SlideStep),
    Bigger,
    Smaller,
    ToggleContrast,
    AddNote {
        year: u16,
        text: String,
    },
    /// The speaker view in a second window (starting the slideshow when none runs), or back
    /// to one window.
    ToggleSpeaker,
    /// The audience sees a black or white screen (as B and W do in PowerPoint); the same
    /// again shows the slide.
    Blank(Blank),
    /// Straight to the slide at this position (the speaker view's list).
    GoTo(usize),
    /// What the presenter says at the current slide.
    SetSpeakerNotes(String),
    /// The cover's words, as the presenter typed them (on a cover slide).
    EditCover {
        title: String,
        date: String,
        presenter: String,
    },
    RestartTimer,
    /// The slides in a normal window (to share in a video call), or full screen again.
    ToggleWindowed,
    /// The slides and the speaker view change screens (the slides went to the wrong one).
    SwapScreens,
}

/// What the audience sees instead of the slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// The presenter's own deck.
#[derive(Clone, Debug, PartialEq)]
pub enum DeckCommand {
    /// The indicator page's chart (one measure, or several as an index).
    AddSelection,
    AddCurrentSlide,
    /// A page's picture as a slide (the map of a quantity, east and west over time).
    AddSlide(SlideContent),
    Move {
        from: usize,
        to: usize,
    },
    Remove(usize),
    /// A slide's speaker notes, as typed on the scenario page's deck editor.
    SetSpeakerNotes {
        slide: usize,
        text: String,
    },
    Undo,
    Redo,
    Save(PathBuf),
    Load(PathBuf),
}

/// Files the window writes.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    ChartCsv,
    Table,
    Evaluation,
    /// A copy of the values entered on the evaluation page (填报值.ron), to hand on.
    Entries,
    /// 另存为: the entered values to a file the user picks in the system's dialog.
    EntriesSaveAs,
    /// The fill-in workbook (填报表.xlsx): a row per target, to fill in and open again.
    FillInWorkbook,
    BriefingHtml,
    /// The current slide as PNG, 960×540 times this scale (1, 2 or 4).
    SlidePng(u8),
    /// The briefing of the current deck as PDF (one slide per A4-landscape page).
    BriefingPdf,
    /// The briefing as a Word document, a page per slide.
    BriefingDocx,
    /// The final evaluation as a Word report (终期评估.docx).
    EvaluationDocx,
    SlideCsv,
    /// The briefing with each slide's speaker notes under it, as a handout.
    Handout(DocumentFormat),
}

/// Which document a briefing is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentFormat {
    Html,
    Pdf,
    Docx,
}

macro_rules! into_command {
    ($($group:ident => $variant:ident),*) => {
        $(impl From<$group> for Command {
            fn from(c: $group) -> Command {
                Command::$variant(c)
            }
        })*
    };
}

into_command!(TreeCommand => Tree, PageCommand => Page, WindowCommand => Window, ScenarioCommand => Scenario,
    WhatIfCommand => WhatIf, PresenterCommand => Presenter, DeckCommand => Deck, ExportCommand => Export,
    EvaluationCommand => Evaluation);
