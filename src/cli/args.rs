//! The command line's words: every subcommand, its arguments and the formats it writes (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "plan-explorer", version, about = "Explore 《内蒙古自治区“十三五”科技创新规划》 offline")]
pub struct Cli {
    /// Use this plan file instead of the embedded plan.
    #[arg(long, global = true, value_name = "PLAN.ron")]
    pub plan: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario files to open in the window.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Start the window, print the time from process start to the first painted frame, exit.
    #[arg(long)]
    pub startup_report: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate the embedded plan, or the given plan and scenario files; prints FILE:LINE:COL: message.
    Check { files: Vec<PathBuf> },
    /// Print the points where two scenario files differ.
    Compare { a: PathBuf, b: PathBuf },
    /// Scenario files: export.
    Scenario {
        #[command(subcommand)]
        command: ScenarioCommand,
    },
    /// Write a plan N times larger than the loaded one (for tests and benchmarks).
    Synth {
        #[arg(long, default_value_t = 10)]
        scale: usize,
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
    },
    /// Compute a projection scenario from the shipped actual values (printed as RON).
    Project {
        #[arg(long, value_enum, default_value_t = Method::Trend)]
        method: Method,
    },
    /// List every node of the plan.
    Nodes {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List every indicator statement of the plan.
    Indicators {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Find nodes by text, title, number (第十三章, 专栏45) or id; best first.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// The final evaluation: every target, judged by the actual value in its target year (met,
    /// not met, no data), with the year and value it was judged on and their source.
    Evaluate {
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Write the fill-in workbook (填报表, xlsx) instead: one row per target with its
        /// known value, and empty 完成值, 来源 and 备注 cells; filled in, it opens as a
        /// scenario file of actual values.
        #[arg(long)]
        template: bool,
        /// Scenario files whose actual series count too (after the shipped actual values).
        #[arg(value_name = "SCENARIO")]
        scenarios: Vec<PathBuf>,
        /// Where to write (`-` or nothing: standard output).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write the map of the 12 盟市, coloured by the plan's counts or a per-盟市 statistic.
    Map {
        /// `tasks`, `boxes`, `platforms`, or an indicator with per-盟市 values (e.g. `gdp`).
        #[arg(long, default_value = "tasks")]
        series: String,
        /// The year of a statistic (default: its latest).
        #[arg(long)]
        year: Option<u16>,
        /// Scenario files whose per-盟市 series count too (after the shipped actual values).
        #[arg(long = "scenario", value_name = "F.ron")]
        scenarios: Vec<PathBuf>,
        /// Default: from the extension of -o (.svg, .png, .json), else SVG.
        #[arg(long, value_enum)]
        format: Option<MapFormat>,
        /// PNG pixels per SVG unit (the map is about 1100 units wide).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Title, legend and labels in English.
        #[arg(long)]
        english: bool,
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Draw an indicator's chart (several measures are compared) from the same spec the app
    /// draws: SVG, PNG (960×540 × --scale), a one-page PDF, or the spec itself as JSON.
    Chart {
        /// Measure ids, e.g. `rd_intensity` (`plan-explorer indicators` lists them).
        #[arg(required = true, value_name = "MEASURE")]
        measures: Vec<String>,
        /// Scenario files whose series are drawn too (after the shipped actual values).
        #[arg(long = "scenario", value_name = "F.ron")]
        scenarios: Vec<PathBuf>,
        /// Every series as an index, its own base-year value = 100.
        #[arg(long)]
        index: bool,
        /// A logarithmic value axis.
        #[arg(long)]
        log: bool,
        /// Every source of the actual values, not only the preferred one.
        #[arg(long)]
        all_sources: bool,
        /// Titles, legend and units in English.
        #[arg(long)]
        english: bool,
        /// 东部, 西部 or a 盟市 (e.g. 呼和浩特): the scenarios' series for that part of the region.
        #[arg(long, value_name = "R")]
        region: Option<String>,
        /// Default: from the extension of -o (.svg, .png, .pdf, .json), else SVG.
        #[arg(long, value_enum)]
        format: Option<ChartFormat>,
        /// Pixels per unit of the 960×540 chart, for PNG (2 = 1920×1080, 4 = 3840×2160).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Where to write (`-` or nothing: standard output).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write a briefing: the final evaluation, then one slide per page of a deck (the default
    /// deck of every chart when none is given).
    Briefing {
        #[arg(long, value_name = "D.ron")]
        deck: Option<PathBuf>,
        /// Scenario files whose series count too (after the shipped actual values).
        #[arg(long = "scenario", value_name = "F.ron")]
        scenarios: Vec<PathBuf>,
        /// Default: from the extension of -o (.pdf, .html, .docx), else PDF.
        #[arg(long, value_enum)]
        format: Option<BriefingFormat>,
        /// Titles, captions, tables and charts in English (the plan's own words stay Chinese).
        #[arg(long)]
        english: bool,
        /// Each slide's speaker notes under it, as a handout (the deck's `speaker_notes`).
        #[arg(long)]
        notes: bool,
        /// Where to write (`-` or nothing: standard output).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Turn a plan text laid out like the seed into plan RON (printed, or written with -o).
    Import {
        source: PathBuf,
        /// Hand-curated places, corrections and indicators to merge in.
        #[arg(long, value_name = "CURATION.ron")]
        curation: Option<PathBuf>,
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ScenarioCommand {
    /// Write a scenario file's scenarios as a table: one row per point (csv), one row per
    /// series with a column per year (iamc-csv), or an Excel workbook that keeps everything
    /// (xlsx; `-o` names it, else from the output's extension).
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Turn a spreadsheet or CSV scenario into a RON scenario file (checked as the app
    /// checks it).
    Import {
        file: PathBuf,
        /// Which scenario, when the file holds several.
        #[arg(long)]
        scenario: Option<String>,
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One row per point, with its series and sources.
    Csv,
    /// The IAMC wide layout (Model, Scenario, Region, Variable, Unit, …, one column per year).
    IamcCsv,
    /// An Excel workbook: the IAMC layout plus each point's source, and the description.
    Xlsx,
    /// The series as a readable table.
    Table,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// Each indicator continues its 2010–2015 compound annual growth.
    Trend,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    Svg,
    Png,
    /// Each 盟市 with its value, class and colour, and the legend's classes.
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable table: the verdicts counted, then one line per target.
    Table,
    Csv,
    /// A Markdown table.
    Md,
    /// The report as a Word document (《…规划》终期评估): counts, rule, the headline
    /// indicators' charts and a table per chapter, in the fonts of official documents.
    Docx,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChartFormat {
    Svg,
    Png,
    Pdf,
    /// The chart spec: every series with its points, role, label and style, the axes with
    /// their unit, scale and ticks, the legend entries and where the legend goes.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BriefingFormat {
    /// One slide per A4-landscape page, text embedded as real text.
    Pdf,
    /// One self-contained HTML file, one slide per printed page.
    Html,
    /// A Word document, a landscape A4 page per slide: the chart as a picture, tables as
    /// Word tables, caption and source as text.
    Docx,
}
