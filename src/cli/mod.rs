//! The command line. Each subcommand prints to stdout and returns the process exit code; the
//! window starts when no subcommand is given. `args` holds the words (clap); `plan`, `scenario`
//! and `drawing` the command groups, each thin over the model and the session, nothing from the
//! window.

mod args;
mod drawing;
mod plan;
mod scenario;

pub use args::*;
use drawing::*;
pub use plan::plan_to_ron;
use plan::*;
use scenario::*;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::i18n::Lang;
use crate::model::chart::{Chart, ChartOptions};
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
        Command::Briefing { deck, scenarios, format, english, notes, output } => with_plan(cli, err, |plan| {
            let format = format
                .or_else(|| by_extension(output.as_deref(), BriefingFormat::from_str))
                .unwrap_or(BriefingFormat::Pdf);
            let request = BriefingRequest {
                deck: deck.as_deref(),
                files: scenarios,
                format,
                lang: lang_of(*english),
                notes: *notes,
            };
            briefing_command(plan, &request, output.as_deref(), out)
        }),
        Command::Evaluate { format, template, scenarios, output } => with_plan(cli, err, |plan| {
            let format = if *template { None } else { Some(*format) };
            evaluate_command(plan, scenarios, format, output.as_deref(), out)
        }),
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
    read_scenarios(plan, path)?.into_iter().next().ok_or_else(|| format!("{}: no scenario", shown_path(path)))
}

/// The shipped actual values, checked against `plan`: a plan they do not fit (given with
/// `--plan`) is an error with the reasons, not a silent "no data" everywhere.
fn shipped_actuals(plan: &Plan) -> Result<Scenario, String> {
    embedded_actuals(plan).map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// The shipped actual values, then the given scenario files, each checked against `plan`.
/// As in the window, a scenario with the very data of one before it is skipped (it would be
/// drawn and counted twice), and two files that name their scenarios alike are told apart by
/// their file names.
fn actuals_and(plan: &Plan, files: &[PathBuf]) -> Result<Vec<Scenario>, String> {
    let mut scenarios = vec![shipped_actuals(plan)?];
    let mut from: Vec<Option<&Path>> = vec![None];
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::from([(scenarios[0].data_key(), vec![0])]);
    for file in files {
        for scenario in read_scenarios(plan, file)? {
            let key = scenario.data_key();
            let mut same = by_key.get(&key).into_iter().flatten().filter_map(|&k| scenarios.get(k));
            match same.find(|s| s.same_data(&scenario)) {
                Some(same) => eprintln!(
                    "{}: note: “{}” holds the very same data as “{}”{}: skipped",
                    shown_path(file),
                    scenario.name,
                    same.name,
                    if same.built_in { ", built in" } else { ", given before it" }
                ),
                None => {
                    by_key.entry(key).or_default().push(scenarios.len());
                    scenarios.push(scenario);
                    from.push(Some(file));
                }
            }
        }
    }
    let entries: Vec<(&str, Option<&Path>)> = scenarios.iter().map(|s| s.name.as_str()).zip(from).collect();
    let names = crate::model::loaded::display_names(&entries);
    for (scenario, name) in scenarios.iter_mut().zip(names) {
        scenario.name = name;
    }
    Ok(scenarios)
}

/// A file's text, read once with `limit`.
fn read_text(path: &Path, limit: u64) -> Result<String, Vec<Diagnostic>> {
    let name = shown_path(path).to_string();
    read_limited(path, limit).and_then(|b| decode_text(&b, &name)).map_err(|d| vec![d])
}

/// Writes a command's result to `-o FILE` (atomically), or to standard output without `-o`
/// or with `-o -`, as most tools read it.
fn write_output(output: Option<&Path>, bytes: &[u8], out: &mut dyn Write) -> Result<i32, String> {
    match output {
        Some(path) if path != Path::new("-") => crate::fsutil::write_atomically(path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", shown_path(path)))?,
        _ => out.write_all(bytes).map_err(|e| e.to_string())?,
    }
    Ok(0)
}

/// A CSV record whose text cells a spreadsheet will not run as formulas.
fn write_safe<W: Write, S: AsRef<str>>(w: &mut csv::Writer<W>, record: impl IntoIterator<Item = S>) -> csv::Result<()> {
    w.write_record(record.into_iter().map(|c| spreadsheet_safe(c.as_ref()).into_owned()))
}

/// A path as printed: a control character in a file name (a newline that would forge a line
/// of output, an escape) is shown escaped.
fn shown_path(path: &Path) -> String {
    crate::model::diagnostics::escape_controls(&path.display().to_string())
}
