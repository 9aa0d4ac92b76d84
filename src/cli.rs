//! The command line: `check`, `nodes`, `indicators`, `search`, `import`. Each prints to
//! stdout and returns the process exit code; the GUI starts when no subcommand is given.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::model::chart::ChartOptions;
use crate::model::chart::svg::{SvgOptions, chart_svg};
use crate::model::compare::differences;
use crate::model::export::{evaluation_csv, evaluation_markdown, spreadsheet_safe};
use crate::model::format::exact;
use crate::model::import::{Curation, import_checked};
use crate::model::load::{
    self, EMBEDDED_PLAN_NAME, MAX_FILE_BYTES, MAX_PLAN_BYTES, decode_text, parse_ron, read_limited,
};
use crate::model::map::svg::{map_json, map_svg};
use crate::model::project::trend;
use crate::model::regional::PlanMetric;
use crate::model::scenario::{Scenario, embedded_actuals, load_scenario_str};
use crate::model::scenario_files::load_scenarios_file;
use crate::model::search::snippet;
use crate::model::tabular;
use crate::model::{Diagnostic, Document, Measure, Outline, Plan, SearchIndex};
use crate::session::Session;

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
        #[arg(long, value_enum, default_value_t = ReportFormat::Csv)]
        format: ReportFormat,
        /// Scenario files whose actual series count too (after the shipped actual values).
        #[arg(value_name = "SCENARIO")]
        scenarios: Vec<PathBuf>,
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
        /// Default: from the extension of -o (.pdf, .html), else PDF.
        #[arg(long, value_enum)]
        format: Option<BriefingFormat>,
        /// Titles, captions, tables and charts in English (the plan's own words stay Chinese).
        #[arg(long)]
        english: bool,
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
    Csv,
    /// A Markdown table.
    Md,
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
}

/// Runs a subcommand; returns the exit code.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(command) = &cli.command else { return 0 };
    let result = match command {
        Command::Check { files } => return check(cli.plan.as_deref(), files, out),
        Command::Import { source, curation, output } => {
            import_command(source, curation.as_deref(), output.as_deref(), out, err)
        }
        Command::Nodes { format } => with_plan(cli, err, |plan| print_nodes(plan, *format, out)),
        Command::Indicators { format } => with_plan(cli, err, |plan| print_indicators(plan, *format, out)),
        Command::Search { query, limit } => with_plan(cli, err, |plan| print_search(plan, query, *limit, out)),
        Command::Compare { a, b } => with_plan(cli, err, |plan| compare(plan, a, b, out)),
        Command::Scenario { command: ScenarioCommand::Export { file, format, output } } => {
            let format =
                format.or_else(|| by_extension(output.as_deref(), ExportFormat::from_str)).unwrap_or(ExportFormat::Csv);
            with_plan(cli, err, |plan| export_scenario(plan, file, format, output.as_deref(), out))
        }
        Command::Scenario { command: ScenarioCommand::Import { file, scenario, output } } => {
            with_plan(cli, err, |plan| import_scenario(plan, file, scenario.as_deref(), output.as_deref(), out))
        }
        Command::Synth { scale, output } => {
            with_plan(cli, err, |plan| synth_command(plan, *scale, output.as_deref(), out))
        }
        Command::Project { method: Method::Trend } => with_plan(cli, err, |plan| project(plan, out)),
        Command::Map { series, year, scenarios, format, scale, english, output } => {
            let format =
                format.or_else(|| by_extension(output.as_deref(), MapFormat::from_str)).unwrap_or(MapFormat::Svg);
            let request =
                MapRequest { series, year: *year, files: scenarios, format, scale: *scale, lang: lang_of(*english) };
            with_plan(cli, err, |plan| map_command(plan, &request, output.as_deref(), out))
        }
        Command::Chart { measures, scenarios, index, log, all_sources, english, region, format, scale, output } => {
            let options = ChartOptions {
                index: *index,
                log: *log,
                all_sources: *all_sources,
                lang: lang_of(*english),
                region: region.clone(),
            };
            let format =
                format.or_else(|| by_extension(output.as_deref(), ChartFormat::from_str)).unwrap_or(ChartFormat::Svg);
            let request = ChartRequest { measures, files: scenarios, options, format, scale: *scale };
            with_plan(cli, err, |plan| chart_command(plan, &request, output.as_deref(), out))
        }
        Command::Briefing { deck, scenarios, format, english, output } => with_plan(cli, err, |plan| {
            let format = format
                .or_else(|| by_extension(output.as_deref(), BriefingFormat::from_str))
                .unwrap_or(BriefingFormat::Pdf);
            briefing_command(plan, deck.as_deref(), scenarios, format, lang_of(*english), output.as_deref(), out)
        }),
        Command::Evaluate { format, scenarios } => {
            with_plan(cli, err, |plan| evaluate_command(plan, scenarios, *format, out))
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

/// The format an output file's extension names (`a.png` → PNG), if it names one.
fn by_extension<F>(output: Option<&Path>, parse: fn(&str, bool) -> Result<F, String>) -> Option<F> {
    let ext = output?.extension()?.to_str()?.to_ascii_lowercase();
    parse(&ext, true).ok()
}

struct ChartRequest<'a> {
    measures: &'a [String],
    files: &'a [PathBuf],
    options: ChartOptions,
    format: ChartFormat,
    scale: f32,
}

/// The size a chart is drawn at on its own (PNG scales multiply it).
const CHART_SIZE: (f64, f64) = (960.0, 540.0);

fn chart_command(plan: &Plan, r: &ChartRequest<'_>, output: Option<&Path>, out: &mut dyn Write) -> Result<i32, String> {
    let groups = Measure::group(&plan.indicators);
    for key in r.measures {
        if !groups.iter().any(|m| m.key == key) {
            let nearest = groups
                .iter()
                .map(|m| m.key)
                .max_by(|a, b| strsim::jaro_winkler(a, key).total_cmp(&strsim::jaro_winkler(b, key)));
            let hint = nearest.map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
            return Err(format!("{key}: no such measure{hint}; `plan-explorer indicators` lists them"));
        }
    }
    let session = session_of(plan, r.files, r.options.lang)?;
    let chart = session.chart(r.measures, r.options.clone());
    let svg = || chart_svg(&chart, &SvgOptions::new(CHART_SIZE.0, CHART_SIZE.1));
    let bytes = match r.format {
        ChartFormat::Svg => svg().into_bytes(),
        ChartFormat::Png => crate::render::png(&svg(), r.scale).map_err(|e| format!("--scale {}: {e}", r.scale))?,
        ChartFormat::Pdf => crate::render::pdf(&[svg()], &chart.title)?,
        ChartFormat::Json => {
            let mut json = serde_json::to_string_pretty(&chart).map_err(|e| e.to_string())?;
            json.push('\n');
            json.into_bytes()
        }
    };
    write_output(output, &bytes, out)
}

fn briefing_command(
    plan: &Plan,
    deck: Option<&Path>,
    files: &[PathBuf],
    format: BriefingFormat,
    lang: Lang,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let session = session_of(plan, files, lang)?;
    let deck = match deck {
        Some(path) => crate::model::deck::Deck::load(path, session.doc())
            .map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?,
        None => session.default_deck(None),
    };
    let slides = session.briefing(&deck, lang);
    let bytes = match format {
        BriefingFormat::Html => crate::model::export::briefing_html(&deck.name, &slides, lang).into_bytes(),
        BriefingFormat::Pdf => crate::render::pdf(&crate::model::export::briefing_pages(&slides, lang), &deck.name)?,
    };
    write_output(output, &bytes, out)
}

/// The session of a command: `plan`, the shipped actual values and the scenario files given.
fn session_of(plan: &Plan, files: &[PathBuf], lang: Lang) -> Result<Session, String> {
    let scenarios = actuals_and(plan, files)?;
    Ok(Session::with_scenarios(Document::new(plan.clone(), EMBEDDED_PLAN_NAME), scenarios, lang))
}

fn lang_of(english: bool) -> Lang {
    if english { Lang::En } else { Lang::Zh }
}

/// Loads the plan the user chose (or the embedded one).
pub fn load_chosen_plan(path: Option<&Path>) -> Result<Plan, Vec<Diagnostic>> {
    match path {
        Some(p) => load::load_plan_file(p),
        None => load::embedded_plan(),
    }
}

fn with_plan<T: PlanOutcome>(cli: &Cli, err: &mut dyn Write, f: impl FnOnce(&Plan) -> T) -> Result<i32, String> {
    match load_chosen_plan(cli.plan.as_deref()) {
        Ok(plan) => f(&plan).into_code(),
        Err(diagnostics) => {
            for d in diagnostics {
                let _ = writeln!(err, "{d}");
            }
            Ok(1)
        }
    }
}

/// What a command run on a loaded plan returns: an I/O result, or its own exit code.
trait PlanOutcome {
    fn into_code(self) -> Result<i32, String>;
}

impl PlanOutcome for std::io::Result<()> {
    fn into_code(self) -> Result<i32, String> {
        self.map(|()| 0).map_err(|e| format!("cannot write the output: {e}"))
    }
}

impl PlanOutcome for Result<i32, String> {
    fn into_code(self) -> Result<i32, String> {
        self
    }
}

/// Reads and validates a scenario file (RON, or a workbook or CSV table, which may hold
/// several) against `plan`; errors as `FILE:LINE:COL: …` or `FILE: sheet!F3: …` lines.
fn read_scenarios(plan: &Plan, path: &Path) -> Result<Vec<Scenario>, String> {
    load_scenarios_file(path, plan)
        .map(|(scenarios, _)| scenarios)
        .map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// The first scenario of a file (the one `compare` compares).
fn read_first_scenario(plan: &Plan, path: &Path) -> Result<Scenario, String> {
    read_scenarios(plan, path)?.into_iter().next().ok_or_else(|| format!("{}: no scenario", path.display()))
}

/// What `map` was asked for.
struct MapRequest<'a> {
    series: &'a str,
    year: Option<u16>,
    files: &'a [PathBuf],
    format: MapFormat,
    scale: f32,
    lang: Lang,
}

fn map_command(plan: &Plan, r: &MapRequest<'_>, output: Option<&Path>, out: &mut dyn Write) -> Result<i32, String> {
    let session = session_of(plan, r.files, r.lang)?;
    let series = r.series;
    let year = match PlanMetric::from_id(series) {
        Some(_) => None,
        None => {
            let options = session.stat_options();
            let Some(o) = options.iter().find(|o| o.indicator == series) else {
                let known: Vec<&str> = options.iter().map(|o| o.indicator.as_str()).collect();
                return Err(format!(
                    "no per-盟市 series `{series}`: try tasks, boxes, platforms or {}",
                    known.join(", ")
                ));
            };
            match r.year {
                Some(y) if o.years.contains(&y) => Some(y),
                Some(y) => {
                    let years: Vec<String> = o.years.iter().map(u16::to_string).collect();
                    return Err(format!("`{series}` has no values for {y}: it has {}", years.join(", ")));
                }
                None => None,
            }
        }
    };
    let map = session.map(series, year, r.lang)?;
    let bytes = match r.format {
        MapFormat::Svg => map_svg(&map, false).into_bytes(),
        MapFormat::Png => {
            crate::render::png(&map_svg(&map, false), r.scale).map_err(|e| format!("--scale {}: {e}", r.scale))?
        }
        MapFormat::Json => map_json(&map).into_bytes(),
    };
    write_output(output, &bytes, out)
}

fn evaluate_command(plan: &Plan, files: &[PathBuf], format: ReportFormat, out: &mut dyn Write) -> Result<i32, String> {
    let session = session_of(plan, files, Lang::Zh)?;
    let text = match format {
        ReportFormat::Csv => evaluation_csv(session.evaluations()),
        ReportFormat::Md => evaluation_markdown(session.evaluations()),
    };
    out.write_all(text.as_bytes()).map(|()| 0).map_err(|e| format!("cannot write the output: {e}"))
}

fn compare(plan: &Plan, a: &Path, b: &Path, out: &mut dyn Write) -> Result<i32, String> {
    let sa = read_first_scenario(plan, a)?;
    let sb = read_first_scenario(plan, b)?;
    let diffs = differences(&sa, &sb);
    let show = |v: Option<f64>| v.map_or("—".to_string(), exact);
    let io = (|| -> std::io::Result<()> {
        writeln!(out, "{} points differ between `{}` and `{}`", diffs.len(), sa.name, sb.name)?;
        for d in &diffs {
            writeln!(out, "{} {} {} ({}): {} | {}", d.indicator, d.region, d.year, d.unit, show(d.a), show(d.b))?;
        }
        Ok(())
    })();
    io.map(|()| i32::from(!diffs.is_empty())).map_err(|e| e.to_string())
}

fn export_scenario(
    plan: &Plan,
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let scenarios = read_scenarios(plan, file)?;
    let refs: Vec<&Scenario> = scenarios.iter().collect();
    let bytes = match format {
        ExportFormat::Csv => tabular::write::long_csv(&refs).into_bytes(),
        ExportFormat::IamcCsv => tabular::write::iamc_csv(&refs).into_bytes(),
        ExportFormat::Xlsx => {
            if output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return Err("an xlsx workbook is binary: name the file with -o OUT.xlsx".to_string());
            }
            tabular::write::xlsx(&refs).map_err(|e| format!("cannot write the workbook: {e}"))?
        }
        ExportFormat::Table => {
            let mut text = String::new();
            for scenario in &scenarios {
                for s in &scenario.series {
                    let points: Vec<String> =
                        s.points.iter().map(|p| format!("{} {}", p.year, exact(p.value))).collect();
                    text.push_str(&format!(
                        "{:<40} {} {}（{}）: {}\n",
                        s.id,
                        s.indicator,
                        s.region,
                        s.unit,
                        points.join(", ")
                    ));
                }
            }
            text.into_bytes()
        }
    };
    write_output(output, &bytes, out)
}

/// A table's scenario as RON: the one it holds, or the one `--scenario` names.
fn import_scenario(
    plan: &Plan,
    file: &Path,
    wanted: Option<&str>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let scenarios = read_scenarios(plan, file)?;
    let names = || scenarios.iter().map(|s| format!("`{}`", s.name)).collect::<Vec<_>>().join(", ");
    let chosen = match wanted {
        Some(name) => scenarios
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| format!("{}: no scenario `{name}`; it holds {}", file.display(), names()))?,
        None if scenarios.len() > 1 => {
            return Err(format!(
                "{}: holds {} scenarios ({}): choose one with --scenario",
                file.display(),
                scenarios.len(),
                names()
            ));
        }
        None => scenarios.first().ok_or_else(|| format!("{}: no scenario", file.display()))?,
    };
    let text = crate::model::scenario::scenario_to_ron(chosen).map_err(|e| format!("cannot write RON: {e}"))?;
    write_output(output, text.as_bytes(), out)
}

/// The largest synthetic plan (75 MB of RON at 1000×).
const MAX_SCALE: usize = 1000;

fn synth_command(plan: &Plan, scale: usize, output: Option<&Path>, out: &mut dyn Write) -> Result<i32, String> {
    if !(1..=MAX_SCALE).contains(&scale) {
        return Err(format!("--scale {scale}: the scale must be 1 to {MAX_SCALE}"));
    }
    let big = crate::model::synth::synth(plan, scale);
    let ron = plan_to_ron(&big).map_err(|e| format!("cannot write RON: {e}"))?;
    write_output(output, ron.as_bytes(), out)
}

/// The shipped actual values, checked against `plan`: a plan they do not fit (given with
/// `--plan`) is an error with the reasons, not a silent "no data" everywhere.
fn shipped_actuals(plan: &Plan) -> Result<Scenario, String> {
    embedded_actuals(plan).map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// The shipped actual values, then the given scenario files, each checked against `plan`.
fn actuals_and(plan: &Plan, files: &[PathBuf]) -> Result<Vec<Scenario>, String> {
    let mut scenarios = vec![shipped_actuals(plan)?];
    for file in files {
        scenarios.extend(read_scenarios(plan, file)?);
    }
    Ok(scenarios)
}

fn project(plan: &Plan, out: &mut dyn Write) -> Result<i32, String> {
    let actuals = shipped_actuals(plan)?;
    let scenario = trend(plan, &actuals);
    let text = crate::model::scenario::scenario_to_ron(&scenario).map_err(|e| e.to_string())?;
    out.write_all(text.as_bytes()).map(|()| 0).map_err(|e| e.to_string())
}

/// Validates the given plan and scenario files in order, each read once (the embedded plan, or
/// `--plan`, when no file is given). A scenario file has `series`; a plan file has `nodes`.
fn check(plan: Option<&Path>, files: &[PathBuf], out: &mut dyn Write) -> i32 {
    let mut failed = false;
    let mut report = |name: &str, result: Result<String, Vec<Diagnostic>>, warnings: Vec<Diagnostic>| {
        let diagnostics = match result {
            Ok(summary) => {
                let _ = writeln!(out, "{name}: ok: {summary}, {} warnings", warnings.len());
                warnings
            }
            Err(ds) => ds,
        };
        failed |= diagnostics.iter().any(Diagnostic::is_error);
        for d in diagnostics {
            let _ = writeln!(out, "{d}");
        }
    };
    let plan_summary = |p: &Plan| format!("{} nodes, {} indicator statements", p.nodes.len(), p.indicators.len());
    if files.is_empty() {
        let (name, text) = match plan {
            Some(p) => (p.display().to_string(), read_text(p, MAX_PLAN_BYTES)),
            None => (EMBEDDED_PLAN_NAME.to_string(), Ok(load::EMBEDDED_PLAN.to_string())),
        };
        match text.and_then(|t| load::load_plan_checked(&t, &name)) {
            Ok((p, warnings)) => report(&name, Ok(plan_summary(&p)), warnings),
            Err(ds) => report(&name, Err(ds), Vec::new()),
        }
        return i32::from(failed);
    }
    let base = load_chosen_plan(plan);
    for path in files {
        let name = path.display().to_string();
        if tabular::read::table_format(path).is_some() {
            let result = match &base {
                Err(ds) => Err(ds.clone()),
                Ok(p) => load_scenarios_file(path, p),
            };
            match result {
                Ok((scenarios, warnings)) => {
                    let summary: Vec<String> =
                        scenarios.iter().map(|s| format!("scenario `{}`, {} series", s.name, s.series.len())).collect();
                    report(&name, Ok(summary.join("; ")), warnings)
                }
                Err(ds) => report(&name, Err(ds), Vec::new()),
            }
            continue;
        }
        let text = match read_text(path, MAX_PLAN_BYTES) {
            Ok(text) => text,
            Err(ds) => {
                report(&name, Err(ds), Vec::new());
                continue;
            }
        };
        let is_scenario = is_scenario_text(&text);
        if !is_scenario {
            match load::load_plan_checked(&text, &name) {
                Ok((p, warnings)) => report(&name, Ok(plan_summary(&p)), warnings),
                Err(ds) => report(&name, Err(ds), Vec::new()),
            }
            continue;
        }
        let result = match &base {
            Err(ds) => Err(ds.clone()),
            // Scenarios have the smaller limit of the two.
            Ok(_) if text.len() as u64 > MAX_FILE_BYTES => {
                Err(vec![load::too_large(&name, text.len() as u64, MAX_FILE_BYTES)])
            }
            Ok(p) => load_scenario_str(&text, &name, p),
        };
        match result {
            Ok((s, warnings)) => {
                report(&name, Ok(format!("scenario `{}`, {} series", s.name, s.series.len())), warnings)
            }
            Err(ds) => report(&name, Err(ds), Vec::new()),
        }
    }
    i32::from(failed)
}

/// Whether a file is a scenario (it has `series`) rather than a plan (it has `nodes`),
/// decided by its top-level fields, not by words that may occur anywhere in its text. A file
/// that does not parse is checked as the kind its words suggest, for the clearer message.
fn is_scenario_text(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct TopLevel {
        #[serde(default, deserialize_with = "present")]
        nodes: bool,
        #[serde(default, deserialize_with = "present")]
        series: bool,
    }
    /// A field that is there, whatever its value.
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        serde::Deserialize::deserialize(d).map(|_: serde::de::IgnoredAny| true)
    }
    match ron::from_str::<TopLevel>(text) {
        Ok(top) => top.series && !top.nodes,
        Err(_) => text.contains("series:") && !text.contains("nodes:"),
    }
}

/// A file's text, read once with `limit`.
fn read_text(path: &Path, limit: u64) -> Result<String, Vec<Diagnostic>> {
    let name = path.display().to_string();
    read_limited(path, limit).and_then(|b| decode_text(&b, &name)).map_err(|d| vec![d])
}

fn import_command(
    source: &Path,
    curation: Option<&Path>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, String> {
    let source_name = source.display().to_string();
    let text =
        read_limited(source, MAX_FILE_BYTES).and_then(|b| decode_text(&b, &source_name)).map_err(|d| d.to_string())?;
    let curation: Curation = match curation {
        Some(path) => {
            let name = path.display().to_string();
            let src =
                read_limited(path, MAX_FILE_BYTES).and_then(|b| decode_text(&b, &name)).map_err(|d| d.to_string())?;
            parse_ron(&src, &name).map_err(|d| d.to_string())?
        }
        None => Curation::default(),
    };
    let file_name = source.file_name().map_or(source_name.clone(), |n| n.to_string_lossy().into_owned());
    let (plan, warnings) = import_checked(&text, &file_name, &curation).map_err(|e| format!("{source_name}:{e}"))?;
    for w in warnings {
        let _ = writeln!(err, "{source_name}:{w}");
    }
    let ron = plan_to_ron(&plan).map_err(|e| format!("cannot write RON: {e}"))?;
    write_output(output, ron.as_bytes(), out)
}

/// The plan as pretty RON, as `plan.ron` is written.
pub fn plan_to_ron(plan: &Plan) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string()).struct_names(false);
    let mut text = ron::ser::to_string_pretty(plan, config)?;
    text.push('\n');
    Ok(text)
}

fn print_nodes(plan: &Plan, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            write_safe(&mut w, ["id", "parent", "kind", "number", "title", "line", "cities", "regions", "corrected"])?;
            for n in &plan.nodes {
                let regions: Vec<&str> = n.regions.iter().map(|r| r.name_zh()).collect();
                write_safe(
                    &mut w,
                    [
                        n.id.as_str(),
                        n.parent.as_deref().unwrap_or(""),
                        n.kind.name_en(),
                        &n.number,
                        &n.title,
                        &n.line.to_string(),
                        &n.cities.join(";"),
                        &regions.join(";"),
                        if n.corrections.is_empty() { "" } else { "yes" },
                    ],
                )?;
            }
            w.flush()
        }
        Format::Table => {
            let outline = Outline::new(plan);
            for (i, n) in plan.nodes.iter().enumerate() {
                let indent = "  ".repeat(usize::from(outline.depth(i)));
                let places = if n.cities.is_empty() && n.regions.is_empty() {
                    String::new()
                } else {
                    let regions: Vec<&str> = n.regions.iter().map(|r| r.name_zh()).collect();
                    format!(
                        "  [{}{}{}]",
                        n.cities.join("、"),
                        if n.cities.is_empty() { "" } else { "；" },
                        regions.join("、")
                    )
                };
                writeln!(out, "{:<16} {indent}{}{places}", n.id, n.heading())?;
            }
            Ok(())
        }
    }
}

fn print_indicators(plan: &Plan, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let conflicts: Vec<_> = Measure::group(&plan.indicators).iter().flat_map(Measure::conflicts).collect();
    let conflict_of = |id: &str| conflicts.iter().find(|c| c.statements.iter().any(|(s, _)| s == id));
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            write_safe(
                &mut w,
                [
                    "id",
                    "measure",
                    "name",
                    "name_en",
                    "unit",
                    "baseline_year",
                    "baseline",
                    "baseline_derived",
                    "target_year",
                    "target",
                    "target_upper",
                    "comparator",
                    "source_node",
                    "quote",
                    "conflict",
                ],
            )?;
            for ind in &plan.indicators {
                let base = ind.baseline_for_growth().or(ind.baselines.first());
                let conflict = conflict_of(&ind.id).map(|c| {
                    c.statements.iter().map(|(s, v)| format!("{s}={}", exact(*v))).collect::<Vec<_>>().join(";")
                });
                write_safe(
                    &mut w,
                    [
                        ind.id.as_str(),
                        &ind.measure,
                        &ind.name,
                        &ind.name_en,
                        &ind.unit,
                        &base.map(|b| b.year.to_string()).unwrap_or_default(),
                        &base.map(|b| exact(b.value)).unwrap_or_default(),
                        &base.and_then(|b| b.derived.clone()).unwrap_or_default(),
                        &ind.target.as_ref().map(|t| t.year.to_string()).unwrap_or_default(),
                        &ind.target.as_ref().map(|t| exact(t.value)).unwrap_or_default(),
                        &ind.target.as_ref().and_then(|t| t.upper).map(exact).unwrap_or_default(),
                        ind.comparator.name_en(),
                        &ind.source_node,
                        &ind.quote,
                        &conflict.unwrap_or_default(),
                    ],
                )?;
            }
            w.flush()
        }
        Format::Table => {
            for ind in &plan.indicators {
                let base: Vec<String> =
                    ind.baselines.iter().map(|b| format!("{} {}", b.year, exact(b.value))).collect();
                let target = ind.target.as_ref().map(|t| {
                    let upper = t.upper.map(|u| format!("–{}", exact(u))).unwrap_or_default();
                    format!("{} {}{} {}{upper}", t.year, ind.comparator.symbol(), "", exact(t.value))
                });
                let conflict = if conflict_of(&ind.id).is_some() { "  ⚠ 规划内目标不一致" } else { "" };
                writeln!(
                    out,
                    "{:<44} {}（{}）  {}{}{}  ← {}{conflict}",
                    ind.id,
                    ind.name,
                    ind.unit,
                    base.join("，"),
                    if base.is_empty() || target.is_none() { "" } else { " → " },
                    target.unwrap_or_default(),
                    ind.source_node
                )?;
            }
            Ok(())
        }
    }
}

fn print_search(plan: &Plan, query: &str, limit: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let index = SearchIndex::new(plan);
    let hits = index.search(query);
    writeln!(out, "{} matches for `{query}`", hits.len())?;
    for hit in hits.iter().take(limit) {
        let node = &plan.nodes[hit.node];
        let text_snippet = snippet(&node.text, hit.text_hits.first().copied(), 40);
        writeln!(out, "{:<16} {}  {}", node.id, node.heading(), text_snippet)?;
    }
    Ok(())
}

/// Writes a command's result to `-o FILE` (atomically), or to standard output without `-o`
/// or with `-o -`, as most tools read it.
fn write_output(output: Option<&Path>, bytes: &[u8], out: &mut dyn Write) -> Result<i32, String> {
    match output {
        Some(path) if path != Path::new("-") => {
            crate::fsutil::write_atomically(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?
        }
        _ => out.write_all(bytes).map_err(|e| e.to_string())?,
    }
    Ok(0)
}

/// A CSV record whose text cells a spreadsheet will not run as formulas.
fn write_safe<W: Write, S: AsRef<str>>(w: &mut csv::Writer<W>, record: impl IntoIterator<Item = S>) -> csv::Result<()> {
    w.write_record(record.into_iter().map(|c| spreadsheet_safe(c.as_ref()).into_owned()))
}
