//! The briefing: every slide of a deck as a page, drawn from its [`SlideSpec`] — an A4 page
//! of the PDF, a 16:9 PNG of one slide, or a section of one self-contained HTML file (no
//! scripts, no external resources, one slide per printed page).

use super::page::{Page, PageBody, page_svg};
use crate::i18n::{Lang, Msg, pick, tr};
use crate::model::chart::svg::{SvgOptions, chart_svg};
use crate::model::drawing::escape;
use crate::model::evaluation::{TargetEvaluation, Verdict};
use crate::model::format::{number, readable, target_words, unit_words};
use crate::model::map::svg::map_svg;
use crate::model::places::Region;
use crate::model::regional::StatTable;
use crate::model::slide::{SlideBody, SlideSpec};
use crate::model::table::Table;

/// A slide exported on its own: 16:9, in SVG units (PNG scales 1, 2, 4 give 960×540 to 4K).
pub const SLIDE_SIZE: (f64, f64) = (960.0, 540.0);
/// A PDF briefing page: A4 landscape, in points.
pub const A4_LANDSCAPE: (f64, f64) = (842.0, 595.0);
/// A chart in the HTML briefing: the slide's width, less room for the caption below it.
const HTML_CHART_SIZE: (f64, f64) = (SLIDE_SIZE.0, SLIDE_SIZE.1 - 80.0);

/// One slide as SVG of `size`, numbered in a corner.
pub fn slide_svg(slide: &SlideSpec, number: &str, size: (f64, f64)) -> String {
    handout_svg(slide, number, size, String::new())
}

/// One slide as SVG with the speaker's notes under it (`speaker`, already labelled).
fn handout_svg(slide: &SlideSpec, number: &str, (width, height): (f64, f64), speaker: String) -> String {
    let drawing;
    let missing;
    let body = match &slide.body {
        SlideBody::Chart(chart) => PageBody::Chart(chart),
        SlideBody::Table(table) | SlideBody::Regional { data: table, .. } => PageBody::Table(table),
        SlideBody::Map { map, .. } => {
            drawing = map_svg(map, true);
            PageBody::Svg(&drawing)
        }
        SlideBody::Missing(why) => {
            missing = Table { header: vec![why.clone()], rows: Vec::new() };
            PageBody::Table(&missing)
        }
        SlideBody::Cover { date, presenter } => PageBody::Cover { date, presenter },
    };
    let page = Page {
        title: &slide.title,
        caption: &slide.caption,
        sources: &slide.sources,
        notes: &slide.notes,
        body,
        number: number.to_string(),
        speaker,
    };
    page_svg(&page, width, height, false)
}

/// Every slide as an A4-landscape SVG page, for the PDF briefing; with the speaker's notes of
/// each slide under it when `handout` has them (one per slide, empty for none).
pub fn briefing_pages<S: std::borrow::Borrow<SlideSpec>>(slides: &[S], lang: Lang, handout: &[String]) -> Vec<String> {
    let of = pick(lang, "/", "of");
    slides
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let number = format!("{} {of} {}", k + 1, slides.len());
            handout_svg(s.borrow(), &number, A4_LANDSCAPE, speaker_line(lang, handout, k))
        })
        .collect()
}

/// The speaker's notes of slide `k`, labelled (empty when it has none).
pub fn speaker_line(lang: Lang, handout: &[String], k: usize) -> String {
    match handout.get(k).map(|n| n.trim()) {
        Some(notes) if !notes.is_empty() => crate::i18n::labelled(lang, tr(lang, Msg::SpeakerNotes), notes),
        _ => String::new(),
    }
}

/// The briefing as one HTML file. Charts are the same SVG as every other export; a map is its
/// drawing and its table.
pub fn briefing_html<S: std::borrow::Borrow<SlideSpec>>(
    title: &str,
    slides: &[S],
    lang: Lang,
    handout: &[String],
) -> String {
    let source_word = tr(lang, Msg::SourcePrefix);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         body{{font-family:'Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif;margin:2em;color:#111}}\
         section{{page-break-after:always;break-after:page;margin-bottom:3em}}h1{{font-size:1.6em}}h2{{font-size:1.4em;margin:0.2em 0}}\
         .unit{{color:#555}}.caption{{font-size:1.1em}}.sources,.notes{{font-size:0.85em;color:#444}}\
         .speaker{{border-top:1px solid #999;margin-top:0.8em;padding-top:0.4em;white-space:pre-wrap}}svg{{max-width:100%;height:auto}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:left}}\
         @media print{{body{{margin:1cm}}}}</style></head><body><h1>{}</h1>\n",
        pick(lang, "zh-CN", "en"),
        escape(title),
        escape(title)
    );
    for (k, s) in slides.iter().enumerate() {
        let s: &SlideSpec = s.borrow();
        let body = match &s.body {
            SlideBody::Chart(chart) => chart_svg(chart, &SvgOptions::new(HTML_CHART_SIZE.0, HTML_CHART_SIZE.1)),
            SlideBody::Table(table) | SlideBody::Regional { data: table, .. } => table_html(table),
            SlideBody::Map { map, data } => format!("{}{}", map_svg(map, true), table_html(data)),
            SlideBody::Missing(why) => format!("<p>{}</p>", escape(why)),
            SlideBody::Cover { date, presenter } => {
                format!("<p class=\"caption\">{}</p><p class=\"caption\">{}</p>", escape(date), escape(presenter))
            }
        };
        html += &format!(
            "<section><h2>{}. {}</h2><div class=\"unit\">{}</div>{body}<p class=\"caption\">{}</p><div class=\"notes\">{}</div><div class=\"sources\">{}</div>{}</section>\n",
            k + 1,
            escape(&s.title),
            escape(&s.unit),
            escape(&s.caption),
            s.notes.iter().map(|x| format!("<div>{}</div>", escape(x))).collect::<String>(),
            s.sources.iter().map(|x| format!("<div>{source_word}{}</div>", escape(x))).collect::<String>(),
            match speaker_line(lang, handout, k) {
                line if line.is_empty() => String::new(),
                line => format!("<div class=\"speaker\">{}</div>", escape(&line)),
            }
        );
    }
    html + "</body></html>\n"
}

/// A table as HTML, every cell escaped.
pub fn table_html(table: &Table) -> String {
    let head: String = table.header.iter().map(|h| format!("<th>{}</th>", escape(h))).collect();
    let rows: String = table
        .rows
        .iter()
        .map(|r| format!("<tr>{}</tr>", r.iter().map(|c| format!("<td>{}</td>", escape(c))).collect::<String>()))
        .collect();
    format!("<table><tr>{head}</tr>{rows}</table>")
}

/// The regional values of one statistic: one row per 盟市, gaps in words.
pub fn regional_table(table: &StatTable, lang: Lang) -> Table {
    let header = [Msg::City, Msg::RegionFilter, Msg::Value, Msg::Scenario].map(|m| tr(lang, m));
    let missing = tr(lang, Msg::NotPublished);
    let projected = pick(lang, "（预测）", " (projection)");
    let mut rows: Vec<Vec<String>> = table
        .cities
        .iter()
        .map(|c| {
            let region = c.region.name(lang);
            let value = c.value.map_or(missing.to_string(), |v| {
                format!("{} {}{}", number(v), table.unit, if c.from.projected { projected } else { "" })
            });
            vec![c.city.clone(), region.to_string(), value, c.from.scenario.clone()]
        })
        .collect();
    // A half stated by a scenario, where its 盟市 do not add up to it.
    for region in Region::ALL {
        if let Some(g) = table.stated(region) {
            let name = region.name(lang);
            let value = format!("{} {}{}", number(g.value), table.unit, if g.from.projected { projected } else { "" });
            rows.push(vec![name.to_string(), name.to_string(), value, g.from.scenario.clone()]);
        }
    }
    Table { header: header.map(String::from).to_vec(), rows }
}

/// The targets the evaluation could judge (met or not), then a count of the rest: what an
/// audience can take in on one slide. The full table is the evaluation CSV.
pub fn evaluation_table(evaluations: &[TargetEvaluation], lang: Lang) -> Table {
    let header = [Msg::Name, Msg::Target, Msg::ValueInTargetYear, Msg::Verdict, Msg::FirstMet, Msg::DataSource]
        .map(|m| tr(lang, m));
    let rows = evaluations
        .iter()
        .filter(|e| e.verdict != Verdict::NoData)
        .map(|e| {
            let unit = unit_words(&e.unit, lang);
            let target =
                target_words(e.comparator, e.target_value, e.upper, &unit, (e.target_year, e.year_implied), lang);
            let (value, source) = e.judged.as_ref().map_or(("—".to_string(), String::new()), |r| {
                (format!("{} {unit}", readable(r.value)), r.series.clone())
            });
            vec![
                pick(lang, &e.name, &e.name_en).to_string(),
                target,
                value,
                match &e.overridden {
                    // A verdict a person set says so, where the room reads it.
                    Some(_) => {
                        format!("{}{}", e.verdict.text(lang), crate::i18n::paren(lang, tr(lang, Msg::VerdictSetBy)))
                    }
                    None => e.verdict.text(lang).to_string(),
                },
                e.first_met.map_or("—".to_string(), |y| y.to_string()),
                source,
            ]
        })
        .collect();
    Table { header: header.map(String::from).to_vec(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_in_the_briefing_is_escaped_not_markup() {
        use crate::model::regional::{StatTable, Total};
        let hostile = "<img src=x onerror=alert(1)>";
        let table = StatTable {
            indicator: String::new(),
            unit: String::new(),
            year: 2021,
            cities: vec![crate::model::regional::CityValue {
                city: hostile.into(),
                city_en: hostile.into(),
                region: crate::model::Region::East,
                value: None,
                from: Default::default(),
            }],
            east: Total { sum: 0.0, known: 0, of: 1 },
            west: Total { sum: 0.0, known: 0, of: 1 },
            east_given: None,
            west_given: None,
            whole: None,
            aggregation: Default::default(),
        };
        let html = table_html(&regional_table(&table, Lang::Zh));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        let page = briefing_html(
            hostile,
            &[SlideSpec {
                title: hostile.into(),
                unit: hostile.into(),
                caption: hostile.into(),
                sources: vec![hostile.into()],
                notes: vec![hostile.into()],
                body: SlideBody::Table(regional_table(&table, Lang::Zh)),
            }],
            Lang::Zh,
            &[hostile.to_string()],
        );
        assert!(!page.contains("<img"), "{page}");
    }
}
