//! Commands that draw from the session's specs, as the window does: `chart`, `map`,
//! `briefing` and `evaluate`.

use super::*;

pub(super) struct ChartRequest<'a> {
    pub(super) measures: &'a [String],
    pub(super) files: &'a [PathBuf],
    pub(super) options: ChartOptions,
    pub(super) format: ChartFormat,
    pub(super) scale: f32,
}

pub(super) fn chart_command(
    plan: &Plan,
    r: &ChartRequest<'_>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
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
    // Drawn as the window's slide export is: the chart with its caption and source lines.
    let slide = session.chart_slide(r.measures, Chart::clone(&chart), r.options.lang);
    let svg = || crate::model::export::briefing::slide_svg(&slide, "", crate::model::export::SLIDE_SIZE);
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

/// What `briefing` was asked for.
pub(super) struct BriefingRequest<'a> {
    pub deck: Option<&'a Path>,
    pub files: &'a [PathBuf],
    pub format: BriefingFormat,
    pub lang: Lang,
    /// Each slide's speaker notes under it (a handout).
    pub notes: bool,
}

pub(super) fn briefing_command(
    plan: &Plan,
    r: &BriefingRequest<'_>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let BriefingRequest { deck, files, format, lang, notes } = *r;
    let session = session_of(plan, files, lang)?;
    let deck = match deck {
        Some(path) => crate::model::deck::Deck::load(path, &session.deck_terms())
            .map_err(|ds| ds.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?,
        None => session.default_deck(None, lang),
    };
    let slides = session.briefing(&deck, lang);
    let handout = if notes { session.handout(&deck) } else { Vec::new() };
    let bytes = match format {
        BriefingFormat::Html => crate::model::export::briefing_html(&deck.name, &slides, lang, &handout).into_bytes(),
        BriefingFormat::Pdf => {
            crate::render::pdf(&crate::model::export::briefing_pages(&slides, lang, &handout), &deck.name)?
        }
        BriefingFormat::Docx => {
            crate::model::export::report::briefing_docx(&deck.name, &slides, lang, &handout, &|svg| {
                crate::render::picture(svg, crate::render::PRINT_SCALE)
            })?
        }
    };
    write_output(output, &bytes, out)
}

/// What `map` was asked for.
pub(super) struct MapRequest<'a> {
    pub(super) series: &'a str,
    pub(super) year: Option<u16>,
    pub(super) files: &'a [PathBuf],
    pub(super) format: MapFormat,
    pub(super) scale: f32,
    pub(super) lang: Lang,
}

pub(super) fn map_command(
    plan: &Plan,
    r: &MapRequest<'_>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
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
    let map = session.map(series, None, year, r.lang)?;
    let bytes = match r.format {
        MapFormat::Svg => map_svg(&map, false).into_bytes(),
        MapFormat::Png => {
            crate::render::png(&map_svg(&map, false), r.scale).map_err(|e| format!("--scale {}: {e}", r.scale))?
        }
        MapFormat::Json => map_json(&map).into_bytes(),
    };
    write_output(output, &bytes, out)
}

pub(super) fn evaluate_command(
    plan: &Plan,
    files: &[PathBuf],
    format: Option<ReportFormat>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let session = session_of(plan, files, Lang::Zh)?;
    let (evaluations, rule) = (session.evaluations(), session.scenarios().rule());
    let bytes = match format {
        None => crate::model::evaluation::template::template_xlsx(session.doc(), evaluations, rule)
            .map_err(|e| format!("cannot write the workbook: {e}"))?,
        Some(ReportFormat::Table) => {
            let standing = crate::model::evaluation::standing_rules(&session.doc().plan);
            evaluation_text(evaluations, rule, &standing).into_bytes()
        }
        Some(ReportFormat::Csv) => evaluation_csv(evaluations).into_bytes(),
        Some(ReportFormat::Md) => evaluation_markdown(evaluations).into_bytes(),
        Some(ReportFormat::Docx) => {
            let headlines = session.headline_slides(Lang::Zh);
            crate::model::export::report::evaluation_docx(session.doc(), evaluations, rule, &headlines, &|svg| {
                crate::render::picture(svg, crate::render::PRINT_SCALE)
            })?
        }
    };
    write_output(output, &bytes, out)
}

/// The final evaluation for a terminal: the counts and the rule, then a line per target
/// (verdict, name, target, value in the target year, completion, where the value is from),
/// and the standing rules, apart.
fn evaluation_text(
    evaluations: &[crate::model::evaluation::TargetEvaluation],
    rule: crate::model::evaluation::Rule,
    standing: &[&crate::model::indicators::Indicator],
) -> String {
    use crate::model::evaluation::{Tally, Verdict};
    use crate::model::format::{number, target_words};
    let tally = Tally::of(evaluations);
    let counts: Vec<String> = Verdict::ALL.iter().map(|&v| format!("{} {}", v.name_en(), tally.count(v))).collect();
    let mut out = format!(
        "{}; exceeded {}, ahead of time {}\n{}\n{}\n\n",
        counts.join(", "),
        tally.exceeded,
        tally.ahead,
        tally.rate_words(Lang::En),
        rule.words(Lang::En)
    );
    for e in evaluations {
        let target =
            target_words(e.comparator, e.target_value, e.upper, &e.unit, (e.target_year, e.year_implied), Lang::Zh);
        let value = e.judged.as_ref().map_or("—".to_string(), |r| format!("{} {}", number(r.value), e.unit));
        let completion = e.completion.map_or(String::new(), |c| format!(" ({c:.1}%)"));
        let from = e.judged.as_ref().map_or(String::new(), |r| format!("  · {}", r.series));
        let set = e.overridden.as_ref().map_or(String::new(), |o| {
            format!("  [set by a person, the data give {}: {}]", o.computed.name_en(), o.note)
        });
        let line = format!("{:<11} {}  {target}  → {value}{completion}{from}{set}", e.verdict.name_en(), e.name);
        out.push_str(&crate::model::diagnostics::escape_controls(&line));
        out.push('\n');
    }
    if !standing.is_empty() {
        out.push_str(&format!("\nstanding rules, with no deadline (not judged): {}\n", standing.len()));
        for i in standing {
            let Some(asks) = crate::model::evaluation::rule_asks(i, Lang::Zh) else { continue };
            out.push_str(&crate::model::diagnostics::escape_controls(&format!("rule        {}  {asks}\n", i.name)));
        }
    }
    out
}
