//! What the Word documents say: the final evaluation report (《…规划》终期评估) — the counts,
//! the rule, the headline indicators' charts, and per chapter a table 指标 | 目标值 | 完成值 |
//! 完成情况 | 数据来源 with each target's citation — and the briefing, a page per slide. Both
//! are drawn from the same evaluation and slide specs as the window and every other export.

use std::borrow::Borrow;

use super::docx::{OfficialDoc, Rasterise};
use crate::i18n::{Lang, Msg, tr};
use crate::model::chart::svg::{SvgOptions, chart_svg};
use crate::model::document::Document;
use crate::model::evaluation::{Rule, Tally, TargetEvaluation, Verdict};
use crate::model::format::{number, target_words};
use crate::model::map::svg::map_svg;
use crate::model::plan::NodeKind;
use crate::model::slide::{SlideBody, SlideSpec};

/// Chinese numerals for the report's own headings (一、 二、 … and （一） （二） …).
const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
    "十八", "十九", "二十",
];

fn numeral(k: usize) -> String {
    NUMERALS.get(k).map_or_else(|| (k + 1).to_string(), |n| n.to_string())
}

/// The column shares of the evaluation tables: 指标, 目标值, 完成值, 完成情况, 数据来源.
const TABLE_WIDTHS: [f64; 5] = [0.25, 0.17, 0.17, 0.12, 0.29];

/// The final evaluation as a Word report. `headlines` are the headline indicators' chart
/// slides, drawn as pictures by `rasterise`.
pub fn evaluation_docx<S: Borrow<SlideSpec>>(
    doc: &Document,
    evaluations: &[TargetEvaluation],
    rule: Rule,
    headlines: &[S],
    rasterise: Rasterise<'_>,
) -> Result<Vec<u8>, String> {
    let meta = &doc.plan.meta;
    let title = format!("《{}》终期评估", meta.title);
    let mut out = OfficialDoc::new(false);
    out.title(&[&format!("《{}》", meta.title), "终期评估"]);
    out.subtitle(&format!("（规划期 {}—{} 年 · 依据规划原文与所附来源的实际值）", meta.period_start, meta.period_end));

    let tally = Tally::of(evaluations);
    out.heading("一、总体情况");
    out.body(&format!(
        "规划共设 {} 项可评估目标。完成 {} 项（其中超额完成 {} 项，提前完成 {} 项），基本完成 {} 项，未完成 {} 项，无数据 {} 项。{}。",
        evaluations.len(),
        tally.met,
        tally.exceeded,
        tally.ahead,
        tally.nearly_met,
        tally.not_met,
        tally.no_data,
        tally.rate_words(Lang::Zh)
    ));
    out.body(&format!("评估规则：目标年份的实际值达到目标为“完成”；{}；没有目标年份实际值的为“无数据”。以年均增速、新增数或倍数表述的目标，由基期和目标年份两年的水平值计算，或按填报的变化值判断。", rule.words(Lang::Zh)));
    let rivals: Vec<&TargetEvaluation> = evaluations.iter().filter(|e| !e.rival_targets.is_empty()).collect();
    if !rivals.is_empty() {
        let listed: Vec<String> = rivals
            .iter()
            .map(|e| {
                let others: Vec<String> =
                    e.rival_targets.iter().map(|v| format!("{} {}", number(*v), e.unit)).collect();
                format!("{}（{} {}，另见 {}）", e.name, number(e.target_value), e.unit, others.join("、"))
            })
            .collect();
        out.body(&format!("规划对以下目标前后表述不一，按首次表述评估：{}。", listed.join("；")));
    }
    let standing = crate::model::evaluation::standing_rules(&doc.plan);
    if !standing.is_empty() {
        let listed: Vec<String> = standing
            .iter()
            .filter_map(|i| Some(format!("{}（{}）", i.name, crate::model::evaluation::rule_asks(i, Lang::Zh)?)))
            .collect();
        out.body(&format!(
            "另有 {} 条以数字表述的常设政策规则，没有截止年份，不作为目标评估：{}。",
            standing.len(),
            listed.join("；")
        ));
    }

    if !headlines.is_empty() {
        out.heading("二、主要指标");
        for (k, slide) in headlines.iter().enumerate() {
            let slide: &SlideSpec = slide.borrow();
            out.subheading(&format!("（{}）{}", numeral(k), slide.title));
            if let SlideBody::Chart(chart) = &slide.body {
                let svg = chart_svg(chart, &SvgOptions { titled: false, ..SvgOptions::new(960.0, 540.0) });
                out.picture(rasterise(&svg)?, 100.0);
            }
            out.note(&format!("图 {}　{}{}", k + 1, slide.title, unit_words(&slide.unit)));
            if !slide.caption.is_empty() {
                out.body(&slide.caption);
            }
            for source in &slide.sources {
                out.note(&format!("{}{source}", tr(Lang::Zh, Msg::SourcePrefix)));
            }
        }
    }

    out.heading(&format!("{}、各章目标完成情况", numeral(usize::from(!headlines.is_empty()) + 1)));
    for (k, (chapter, rows)) in by_chapter(doc, evaluations).iter().enumerate() {
        out.subheading(&format!("（{}）{chapter}", numeral(k)));
        let header = ["指标", "目标值", "完成值", "完成情况", "数据来源"].map(String::from);
        let cells: Vec<Vec<Vec<String>>> = rows.iter().map(|e| row(doc, e)).collect();
        out.table(&header, &cells, &TABLE_WIDTHS);
    }
    out.finish(&title)
}

/// The evaluations grouped by the chapter they are quoted from, in the plan's order; targets
/// stated outside the text (the issuing announcement) last.
fn by_chapter<'a>(doc: &Document, evaluations: &'a [TargetEvaluation]) -> Vec<(String, Vec<&'a TargetEvaluation>)> {
    let mut groups: Vec<(String, Vec<&TargetEvaluation>)> = Vec::new();
    for e in evaluations {
        let chapter = e.source_node.and_then(|i| {
            let chain = doc.outline.ancestors(i).into_iter().chain(std::iter::once(i));
            chain.filter_map(|k| doc.plan.nodes.get(k)).find(|n| n.kind == NodeKind::Chapter)
        });
        let name = chapter.map_or_else(
            || "规划原文之外的目标（规划的发布说明）".to_string(),
            |n| format!("{}　{}", n.number, n.title),
        );
        match groups.iter_mut().find(|(g, _)| *g == name) {
            Some((_, list)) => list.push(e),
            None => groups.push((name, vec![e])),
        }
    }
    // Targets outside the text come after the chapters.
    groups.sort_by_key(|(name, _)| name.starts_with("规划原文之外"));
    groups
}

/// One target's row: its name and citation, the target, the value in the target year, the
/// verdict (with 超额/提前 and the share of the target), and where the value is from.
fn row(doc: &Document, e: &TargetEvaluation) -> Vec<Vec<String>> {
    let cited = e.citation(doc);
    let target =
        target_words(e.comparator, e.target_value, e.upper, &e.unit, (e.target_year, e.year_implied), Lang::Zh);
    let mut target_cell = vec![target];
    if !e.rival_targets.is_empty() {
        let others: Vec<String> = e.rival_targets.iter().map(|v| number(*v)).collect();
        target_cell.push(format!("规划另有 {}", others.join("、")));
    }
    let value = e.judged.as_ref().map_or(vec!["—".to_string()], |r| {
        let mut cell = vec![format!("{} {}（{}）", number(r.value), e.unit, r.year)];
        if let Some(derived) = &r.derived {
            cell.push(derived.clone());
        }
        cell
    });
    let mut verdict = vec![verdict_words(e)];
    if let Some(c) = e.completion {
        verdict.push(format!("完成程度 {c:.1}%"));
    }
    if let Some(o) = &e.overridden {
        verdict.push(format!("人工判定（按数据为{}）：{}", o.computed.text(Lang::Zh), o.note));
    }
    let source = e.judged.as_ref().map_or(Vec::new(), |r| {
        let mut cell = vec![r.series.clone()];
        if !r.source.is_empty() && r.source != r.series {
            cell.push(r.source.clone());
        }
        if !r.note.is_empty() {
            cell.push(format!("备注：{}", r.note));
        }
        cell
    });
    let mut name = vec![e.name.clone()];
    name.extend(cited);
    vec![name, year_apart(target_cell), year_apart(value), verdict, source]
}

/// A cell's first line split before its year (`≥ 85 %` over `（2020，推定）`), so a narrow
/// column breaks there and not between a number and its unit.
fn year_apart(mut cell: Vec<String>) -> Vec<String> {
    if let Some(first) = cell.first_mut()
        && let Some(at) = first.find('（').filter(|&at| at > 0)
    {
        let year = first.split_off(at);
        *first = first.trim_end().replace(' ', "\u{a0}");
        cell.insert(1, year);
    }
    cell
}

/// 完成（超额）, 完成（提前）, 基本完成 …
fn verdict_words(e: &TargetEvaluation) -> String {
    let word = e.verdict.text(Lang::Zh).to_string();
    match (e.verdict, e.exceeded(), e.ahead()) {
        (Verdict::Met, true, true) => format!("{word}（超额、提前）"),
        (Verdict::Met, true, false) => format!("{word}（超额）"),
        (Verdict::Met, false, true) => format!("{word}（提前）"),
        _ => word,
    }
}

fn unit_words(unit: &str) -> String {
    if unit.is_empty() { String::new() } else { format!("（单位：{unit}）") }
}

/// The briefing as a Word document: a landscape page per slide, its chart or map as a
/// picture, its table as a Word table, then its caption, notes and sources as text.
pub fn briefing_docx<S: Borrow<SlideSpec>>(
    title: &str,
    slides: &[S],
    lang: Lang,
    handout: &[String],
    rasterise: Rasterise<'_>,
) -> Result<Vec<u8>, String> {
    let mut out = OfficialDoc::new(true);
    out.title(&[title]);
    for (k, slide) in slides.iter().enumerate() {
        let slide: &SlideSpec = slide.borrow();
        if k > 0 {
            out.page_break();
        }
        out.heading(&format!("{}. {}", k + 1, slide.title));
        if !slide.unit.is_empty() {
            out.note(&slide.unit);
        }
        match &slide.body {
            SlideBody::Chart(chart) => {
                let svg = chart_svg(chart, &SvgOptions { titled: false, ..SvgOptions::new(960.0, 540.0) });
                out.picture(rasterise(&svg)?, 100.0);
            }
            SlideBody::Table(table) | SlideBody::Regional { data: table, .. } => out.plain_table(table),
            SlideBody::Map { map, data } => {
                out.picture(rasterise(&map_svg(map, true))?, 55.0);
                out.plain_table(data);
            }
            SlideBody::Missing(why) => out.body(why),
            SlideBody::Cover { date, presenter } => {
                out.body(date);
                if !presenter.is_empty() {
                    out.body(presenter);
                }
            }
        }
        if !slide.caption.is_empty() {
            out.body(&slide.caption);
        }
        for note in &slide.notes {
            out.note(note);
        }
        for source in &slide.sources {
            out.note(&format!("{}{source}", tr(lang, Msg::SourcePrefix)));
        }
        let speaker = super::briefing::speaker_line(lang, handout, k);
        if !speaker.is_empty() {
            out.body(&speaker);
        }
    }
    out.finish(title)
}
