//! Exports: a chart's data as CSV (exactly the series shown, with units and sources), the
//! indicator table as CSV, and a self-contained HTML briefing with every slide (an inline
//! SVG chart, caption and sources) that opens offline and prints one slide per page.

use super::chart::svg::{
    FONT_FAMILY, Page, PageBody, Rect, SvgOptions, Table, chart_svg, escape, page_svg, text_width, wrap,
};
use super::chart::{Chart, Role};
use super::colours::{HATCH_RGB, PIN_RGB, hex, region_colour};
use super::evaluation::{Tally, TargetEvaluation, Verdict};
use super::format::{exact, number, readable, target_words, unit_words};
use super::map::{Classes, LeagueValue, MISSING_RGB, MapGeometry, Pin, Placed, pin_radius, place_labels};
use super::places::Region;
use super::regional::StatTable;
use super::summary::MeasureSummary;
use crate::i18n::{Lang, Msg, pick, tr};

/// Rows as CSV text, every cell guarded against being run as a formula by a spreadsheet.
pub(crate) fn csv_text(rows: Vec<Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| spreadsheet_safe(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A CSV cell that a spreadsheet will not run as a formula: text starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (numbers such as `-57.7` stay).
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.trim().parse::<f64>().is_err() { format!("'{cell}").into() } else { cell.into() }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Baseline => "baseline",
        Role::Target => "target",
        Role::LinearPath => "linear_path",
        Role::GrowthPath => "growth_path",
        Role::Actual => "actual",
        Role::Projection => "projection",
        Role::AltTarget => "alt_target",
    }
}

/// Every point of every series on the chart.
pub fn chart_csv(chart: &Chart) -> String {
    let mut rows =
        vec![["chart", "series", "role", "measure", "year", "value", "unit", "source"].map(String::from).to_vec()];
    for s in &chart.series {
        for p in &s.points {
            rows.push(vec![
                chart.title.clone(),
                s.name.clone(),
                role_name(s.role).into(),
                s.measure.clone(),
                number(p.x),
                number(p.y),
                chart.y_axis.unit.clone(),
                p.note.replace('\n', " | "),
            ]);
        }
    }
    csv_text(rows)
}

/// The indicator table as shown: one row per measure with a target.
pub fn table_csv(summaries: &[MeasureSummary]) -> String {
    let mut rows = vec![
        [
            "measure",
            "name",
            "unit",
            "baseline_year",
            "baseline",
            "target_year",
            "target",
            "comparator",
            "required_growth_pct",
            "latest_year",
            "latest",
            "status",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for s in summaries.iter().filter(|s| s.target.is_some()) {
        let base = s.baselines.first();
        rows.push(vec![
            s.key.clone(),
            s.name.clone(),
            s.unit.clone(),
            base.map(|b| b.0.to_string()).unwrap_or_default(),
            base.map(|b| number(b.1)).unwrap_or_default(),
            s.target.map(|t| t.0.to_string()).unwrap_or_default(),
            s.target.map(|t| number(t.1)).unwrap_or_default(),
            s.comparator.name_en().into(),
            s.required_growth.map(|g| format!("{g:.2}")).unwrap_or_default(),
            s.latest.as_ref().map(|l| l.0.to_string()).unwrap_or_default(),
            s.latest.as_ref().map(|l| number(l.1)).unwrap_or_default(),
            s.status().map(|st| format!("{st:?}")).unwrap_or_default(),
        ]);
    }
    csv_text(rows)
}

const EVALUATION_COLUMNS: [&str; 14] = [
    "measure",
    "name",
    "unit",
    "comparator",
    "target_year",
    "target",
    "target_upper",
    "verdict",
    "judged_year",
    "judged_value",
    "gap",
    "first_year_met",
    "series",
    "source",
];

/// One row of the final evaluation, as text in the columns above (numbers exact, so the
/// value can be found in its source).
fn evaluation_row(e: &TargetEvaluation) -> Vec<String> {
    let judged = e.judged.as_ref();
    vec![
        e.key.clone(),
        e.name.clone(),
        e.unit.clone(),
        e.comparator.name_en().into(),
        e.target_year.to_string(),
        exact(e.target_value),
        e.upper.map(exact).unwrap_or_default(),
        e.verdict.name_en().into(),
        judged.map(|r| r.year.to_string()).unwrap_or_default(),
        judged.map(|r| exact(r.value)).unwrap_or_default(),
        e.gap.map(|g| exact((g * 1e6).round() / 1e6)).unwrap_or_default(),
        e.first_met.map(|y| y.to_string()).unwrap_or_default(),
        judged.map(|r| r.series.clone()).unwrap_or_default(),
        judged.map(|r| r.source.clone()).unwrap_or_default(),
    ]
}

/// The final evaluation as CSV: every target, its verdict, the year and value it was judged
/// on, and the source of that value.
pub fn evaluation_csv(evaluations: &[TargetEvaluation]) -> String {
    let mut rows = vec![EVALUATION_COLUMNS.map(String::from).to_vec()];
    rows.extend(evaluations.iter().map(evaluation_row));
    csv_text(rows)
}

/// The final evaluation as a Markdown table, with the tally first.
pub fn evaluation_markdown(evaluations: &[TargetEvaluation]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let tally = Tally::of(evaluations);
    let mut out = format!(
        "# 终期评估 · Final evaluation\n\n{} met, {} not met, {} without data, {} stated as a change and not judged by a level (value in the target year).\n\n",
        tally.met, tally.not_met, tally.no_data, tally.not_judged
    );
    out.push_str(&format!("| {} |\n", EVALUATION_COLUMNS.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(EVALUATION_COLUMNS.len())));
    for e in evaluations {
        let row: Vec<String> = evaluation_row(e).iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

/// One slide of a briefing, ready to write as HTML or PDF.
pub struct BriefingSlide {
    pub title: String,
    pub unit: String,
    pub caption: String,
    pub sources: Vec<String>,
    /// The presenter's notes, each with its year.
    pub notes: Vec<String>,
    pub body: BriefingBody,
}

/// What a briefing slide shows.
pub enum BriefingBody {
    Chart(Box<Chart>),
    Table(Table),
    /// A drawing of its own (the map, from [`map_svg`] with `bare`) and the data it shows.
    Drawing {
        svg: String,
        data: Table,
    },
}

/// A self-contained HTML file: no scripts, no external resources, one slide per printed page.
/// Charts are the same SVG as every other export.
pub fn briefing_html(title: &str, slides: &[BriefingSlide], lang: Lang) -> String {
    let source_word = tr(lang, Msg::SourcePrefix);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         body{{font-family:'Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif;margin:2em;color:#111}}\
         section{{page-break-after:always;break-after:page;margin-bottom:3em}}h1{{font-size:1.6em}}h2{{font-size:1.4em;margin:0.2em 0}}\
         .unit{{color:#555}}.caption{{font-size:1.1em}}.sources,.notes{{font-size:0.85em;color:#444}}svg{{max-width:100%;height:auto}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:left}}\
         @media print{{body{{margin:1cm}}}}</style></head><body><h1>{}</h1>\n",
        pick(lang, "zh-CN", "en"),
        escape(title),
        escape(title)
    );
    for (k, s) in slides.iter().enumerate() {
        let body = match &s.body {
            BriefingBody::Chart(chart) => chart_svg(chart, &SvgOptions::new(960.0, 460.0)),
            BriefingBody::Table(table) => table_html(table),
            BriefingBody::Drawing { svg, data } => format!("{svg}{}", table_html(data)),
        };
        html += &format!(
            "<section><h2>{}. {}</h2><div class=\"unit\">{}</div>{body}<p class=\"caption\">{}</p><div class=\"notes\">{}</div><div class=\"sources\">{}</div></section>\n",
            k + 1,
            escape(&s.title),
            escape(&s.unit),
            escape(&s.caption),
            s.notes.iter().map(|x| format!("<div>{}</div>", escape(x))).collect::<String>(),
            s.sources.iter().map(|x| format!("<div>{source_word}{}</div>", escape(x))).collect::<String>()
        );
    }
    html + "</body></html>\n"
}

/// A slide exported on its own: 16:9, in SVG units (PNG scales 1, 2, 4 give 960×540 to 4K).
pub const SLIDE_SIZE: (f64, f64) = (960.0, 540.0);
/// A PDF briefing page: A4 landscape, in points.
pub const A4_LANDSCAPE: (f64, f64) = (842.0, 595.0);

/// One slide as SVG of `size`, numbered in a corner.
pub fn slide_svg(slide: &BriefingSlide, number: &str, (width, height): (f64, f64)) -> String {
    let body = match &slide.body {
        BriefingBody::Chart(chart) => PageBody::Chart(chart),
        BriefingBody::Table(table) => PageBody::Table(table),
        BriefingBody::Drawing { svg, .. } => PageBody::Svg(svg),
    };
    let page = Page {
        title: &slide.title,
        caption: &slide.caption,
        sources: &slide.sources,
        notes: &slide.notes,
        body,
        number: number.to_string(),
    };
    page_svg(&page, width, height, false)
}

/// Every slide as an A4-landscape SVG page, for the PDF briefing.
pub fn briefing_pages(slides: &[BriefingSlide], lang: Lang) -> Vec<String> {
    let of = pick(lang, "/", "of");
    slides
        .iter()
        .enumerate()
        .map(|(k, s)| slide_svg(s, &format!("{} {of} {}", k + 1, slides.len()), A4_LANDSCAPE))
        .collect()
}

/// A slide's table as CSV.
pub fn table_csv_of(table: &Table) -> String {
    csv_text(std::iter::once(table.header.clone()).chain(table.rows.iter().cloned()).collect())
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
        .filter(|e| matches!(e.verdict, Verdict::Met | Verdict::NotMet))
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
                e.verdict.text(lang).to_string(),
                e.first_met.map_or("—".to_string(), |y| y.to_string()),
                source,
            ]
        })
        .collect();
    Table { header: header.map(String::from).to_vec(), rows }
}

fn region_hex(region: Region) -> String {
    region_colour(region).hex(false)
}

/// What a map export shows: the quantity and its values, with the words around them.
pub struct MapExport<'a> {
    pub title: &'a str,
    pub unit: &'a str,
    pub year: Option<u16>,
    pub values: &'a [LeagueValue],
    /// The line under the map: the grouping's source and the boundaries'.
    pub source: &'a str,
    /// The word for a gap (未公布) and for a projection (预测).
    pub missing: &'a str,
    pub projected: &'a str,
    /// The plan's places that are a 旗县区.
    pub pins: &'a [Pin],
    /// 东部 and 西部 as a scenario states them, written in the map's corners.
    pub halves: &'a [(Region, String)],
    /// Without its title and source lines (a slide writes those around it).
    pub bare: bool,
}

/// A map's values as a table: one row per 盟市 (east first), gaps in words, projections marked.
pub fn map_table(m: &MapExport<'_>, lang: Lang) -> Table {
    let header = [Msg::City, Msg::RegionFilter, Msg::Value, Msg::SourceColumn].map(|m| tr(lang, m));
    let rows = m
        .values
        .iter()
        .map(|v| {
            let region = v.region.name(lang);
            let value = match v.value {
                Some(x) if v.projected => format!("{} {}（{}）", number(x), m.unit, m.projected),
                Some(x) => format!("{} {}", number(x), m.unit).trim_end().to_string(),
                None => m.missing.to_string(),
            };
            vec![pick(lang, &v.city, &v.city_en).to_string(), region.to_string(), value, v.note.replace('\n', " · ")]
        })
        .collect();
    Table { header: header.map(String::from).to_vec(), rows }
}

/// The map as standalone SVG, drawn from the same geometry, classes and colours as the app.
pub fn map_svg(map: &MapGeometry, m: &MapExport<'_>) -> String {
    let (lo, hi) = map.bounds;
    let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
    let w_total = w + 40.0;
    // The source line wraps to the map's width (18-unit type).
    let source_lines = if m.bare { Vec::new() } else { wrap(m.source, (w_total - 40.0) / 18.0) };
    // On a slide the map is scaled down with the page: larger type keeps it readable there.
    let fs = if m.bare { 48.0 } else { 24.0 };
    let classes = Classes::of(m.values);
    let mut entries: Vec<(String, String)> = (0..classes.count())
        .map(|k| {
            let (a, b) = classes.range(k);
            (hex(classes.rgb(k)), format!("{}–{}", number(a), number(b)))
        })
        .collect();
    let unit = if m.unit.is_empty() { String::new() } else { format!(" · {}", m.unit) };
    entries.push(("url(#gap)".to_string(), format!("{}{unit}", m.missing)));
    let legend_entry_width = |text: &str| fs * 2.6 + text_width(text) * fs;
    let mut legend_rows: Vec<Vec<(String, String)>> = vec![Vec::new()];
    let mut row_width = 0.0;
    for entry in entries {
        let width = legend_entry_width(&entry.1);
        if row_width + width > w_total - 40.0 && legend_rows.last().is_some_and(|r| !r.is_empty()) {
            legend_rows.push(Vec::new());
            row_width = 0.0;
        }
        row_width += width;
        legend_rows.last_mut().map(|r| r.push(entry)).unwrap_or_default();
    }
    let legend = 30.0 + legend_rows.len() as f64 * fs * 1.6 + 24.0 * source_lines.len() as f64 + 10.0;
    let top = if m.bare { 20.0 } else { 70.0 };
    let xy = |p: &[f64; 2]| (p[0] - lo[0] + 20.0, hi[1] - p[1] + top);
    let pin_fill = hex(PIN_RGB);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1100\" height=\"{:.0}\" viewBox=\"0 0 {:.0} {:.0}\" font-family=\"{FONT_FAMILY}, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif\">\n\
         <defs><pattern id=\"gap\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"12\" height=\"12\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"12\" stroke=\"{}\" stroke-width=\"3\"/></pattern></defs>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{}",
        1100.0 * (h + top + legend) / (w + 40.0),
        w + 40.0,
        h + top + legend,
        hex(MISSING_RGB),
        hex(HATCH_RGB),
        if m.bare {
            String::new()
        } else {
            format!(
                "<text x=\"20\" y=\"44\" font-size=\"34\" font-weight=\"bold\">{}{}</text>\n",
                escape(m.title),
                m.year.map(|y| format!("（{y}）")).unwrap_or_default()
            )
        },
    );
    let value_of = |full: &str| m.values.iter().find(|v| v.full_name == full);
    for league in &map.leagues {
        let v = value_of(&league.full_name);
        let fill = match v.and_then(|v| v.value) {
            Some(x) => hex(classes.rgb(classes.class_of(x))),
            None => "url(#gap)".into(),
        };
        let d: String = league
            .rings
            .iter()
            .map(|ring| {
                let pts: Vec<String> = ring.iter().map(&xy).map(|(x, y)| format!("{x:.1} {y:.1}")).collect();
                format!("M{}Z", pts.join("L"))
            })
            .collect();
        let stroke = v.map_or(hex(HATCH_RGB), |v| region_hex(v.region));
        let opacity = if v.is_some_and(|v| v.projected) { " fill-opacity=\"0.55\"" } else { "" };
        svg += &format!(
            "<path d=\"{d}\" fill=\"{fill}\"{opacity} fill-rule=\"evenodd\" stroke=\"{stroke}\" stroke-width=\"3\"><title>{}</title></path>\n",
            escape(&league.full_name)
        );
    }
    // Pins, then labels placed so that none covers another, a pin or a half's box.
    let pin_boxes: Vec<Rect> = m
        .pins
        .iter()
        .map(|pin| {
            let (x, y) = xy(&pin.at);
            let r = pin_radius(pin.nodes.len(), 2.0);
            svg += &format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{pin_fill}\" stroke=\"white\" stroke-width=\"3\"><title>{}（{}）</title></circle>\n",
                escape(&pin.place),
                escape(&pin.county)
            );
            Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r }
        })
        .collect();
    let half_boxes: Vec<(Region, &str, Rect)> = m
        .halves
        .iter()
        .map(|(region, text)| {
            let w = text_width(text) * 26.0 + 20.0;
            let (x, y) = match region {
                Region::East => (w_total - w - 10.0, top),
                Region::West => (10.0, h + top - 44.0),
            };
            (*region, text.as_str(), Rect { x, y, w, h: 40.0 })
        })
        .collect();
    let mut texts: Vec<(Vec<String>, f64, (f64, f64))> = Vec::new();
    let mut wanted: Vec<([f64; 2], [f64; 2], bool)> = Vec::new();
    for league in &map.leagues {
        let Some(v) = value_of(&league.full_name) else { continue };
        let number = match v.value {
            Some(x) if v.projected => format!("{}（{}）", number(x), m.projected),
            Some(x) => number(x),
            None => m.missing.to_string(),
        };
        let lines = vec![v.city.clone(), number];
        let width = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) * fs + 8.0;
        let (x, y) = xy(&league.label);
        wanted.push(([x, y], [width, fs * 2.0 + 8.0], false));
        texts.push((lines, fs, (x, y)));
    }
    for pin in m.pins {
        let (x, y) = xy(&pin.at);
        let size = fs * 0.8;
        let width = text_width(&pin.place) * size + 6.0;
        let r = pin_radius(pin.nodes.len(), 2.0);
        wanted.push(([x + r + width / 2.0 + 4.0, y], [width, size + 6.0], true));
        texts.push((vec![pin.place.clone()], size, (x, y)));
    }
    let obstacles: Vec<Rect> = pin_boxes.iter().copied().chain(half_boxes.iter().map(|h| h.2)).collect();
    let bounds = Rect { x: 0.0, y: top - 10.0, w: w_total, h: h + 20.0 };
    for ((lines, size, (ax, ay)), placed) in texts.iter().zip(place_labels(&wanted, &obstacles, bounds)) {
        let Some(Placed { rect, leader }) = placed else { continue };
        let cx = rect.x + rect.w / 2.0;
        if leader {
            let (lx, ly) = (ax.clamp(rect.x, rect.right()), ay.clamp(rect.y, rect.bottom()));
            svg += &format!(
                "<line x1=\"{ax:.1}\" y1=\"{ay:.1}\" x2=\"{lx:.1}\" y2=\"{ly:.1}\" stroke=\"{pin_fill}\" stroke-width=\"1.5\"/>\n"
            );
        }
        // A light box behind the words, so they read on the darkest class too.
        svg += &format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"white\" fill-opacity=\"0.8\"/>\n",
            rect.x, rect.y, rect.w, rect.h
        );
        let first = rect.y + size * 0.95;
        let spans: String = lines
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let dy = if k == 0 { String::new() } else { format!(" dy=\"{:.0}\"", size + 2.0) };
                format!("<tspan x=\"{cx:.0}\"{dy}>{}</tspan>", escape(l))
            })
            .collect();
        svg += &format!(
            "<text x=\"{cx:.0}\" y=\"{first:.0}\" font-size=\"{size:.0}\" text-anchor=\"middle\">{spans}</text>\n"
        );
    }
    for (region, text, b) in &half_boxes {
        svg += &format!(
            "<rect x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\" rx=\"4\" fill=\"white\" stroke=\"{}\" stroke-width=\"3\"/><text x=\"{:.0}\" y=\"{:.0}\" font-size=\"26\" fill=\"{}\">{}</text>\n",
            b.x,
            b.y,
            b.w,
            b.h,
            region_hex(*region),
            b.x + 10.0,
            b.y + 29.0,
            region_hex(*region),
            escape(text)
        );
    }
    // The legend: every class with its range, the gap swatch and the unit, in rows.
    for (row, entries) in legend_rows.iter().enumerate() {
        let y = h + top + 30.0 + row as f64 * fs * 1.6;
        let mut x = 20.0;
        for (fill, text) in entries {
            svg += &format!(
                "<rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"{:.0}\" height=\"{fs:.0}\" fill=\"{fill}\"/><text x=\"{:.0}\" y=\"{:.0}\" font-size=\"{fs:.0}\">{}</text>\n",
                fs * 1.6,
                x + fs * 2.0,
                y + fs * 0.88,
                escape(text)
            );
            x += legend_entry_width(text);
        }
    }
    let y0 = h + top + 30.0 + legend_rows.len() as f64 * fs * 1.6 - 40.0;
    for (k, line) in source_lines.iter().enumerate() {
        svg += &format!(
            "<text x=\"20\" y=\"{:.0}\" font-size=\"18\" fill=\"#444\">{}</text>\n",
            y0 + 70.0 + 24.0 * k as f64,
            escape(line)
        );
    }
    svg + "</svg>\n"
}

/// The map as JSON: each 盟市 with its value, class and colour, and the legend's classes.
pub fn map_json(m: &MapExport<'_>) -> String {
    let classes = Classes::of(m.values);
    let legend: Vec<serde_json::Value> = (0..classes.count())
        .map(|k| {
            serde_json::json!({
                "from": classes.breaks.get(k), "to": classes.breaks.get(k + 1), "color": hex(classes.rgb(k)),
            })
        })
        .collect();
    let leagues: Vec<serde_json::Value> = m
        .values
        .iter()
        .map(|v| {
            let class = v.value.map(|x| classes.class_of(x));
            serde_json::json!({
                "name": v.city, "name_en": v.city_en, "region": v.region.name_en(),
                "value": v.value, "projected": v.projected,
                "class": class, "color": class.map_or(hex(MISSING_RGB), |k| hex(classes.rgb(k))),
                "source": v.note,
            })
        })
        .collect();
    let pins: Vec<serde_json::Value> = m
        .pins
        .iter()
        .map(|p| {
            serde_json::json!({
                "place": p.place, "county": p.county, "city": p.city, "paragraphs": p.nodes.len(),
            })
        })
        .collect();
    let halves: Vec<serde_json::Value> =
        m.halves.iter().map(|(region, text)| serde_json::json!({ "region": region.name_en(), "text": text })).collect();
    let doc = serde_json::json!({
        "title": m.title, "unit": m.unit, "year": m.year, "missing": m.missing,
        "legend": legend, "leagues": leagues, "pins": pins, "halves": halves, "source": m.source,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::style::base_style;
    use crate::model::chart::{ChartPoint, ChartSeries};

    #[test]
    fn chart_csv_lists_exactly_the_points_shown() {
        let chart = Chart {
            title: "R&D强度".into(),
            y_axis: crate::model::chart::axis::Axis { unit: "%".into(), ..Default::default() },
            series: vec![ChartSeries {
                name: "实际值".into(),
                role: Role::Actual,
                measure: "rd_intensity".into(),
                source: String::new(),
                style: base_style(Role::Actual, 0),
                points: vec![ChartPoint { x: 2016.0, y: 0.79, note: "https://a\n“0.79%”".into() }],
            }],
            ..Chart::default()
        };
        assert_eq!(
            chart_csv(&chart),
            "chart,series,role,measure,year,value,unit,source\nR&D强度,实际值,actual,rd_intensity,2016,0.79,%,https://a | “0.79%”\n"
        );
    }

    #[test]
    fn csv_cells_never_run_as_formulas_but_numbers_stay_numbers() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("+cmd"), "'+cmd");
        assert_eq!(spreadsheet_safe("-57.7"), "-57.7");
        assert_eq!(spreadsheet_safe("研发经费"), "研发经费");
        let chart = Chart {
            title: "=1+1".into(),
            series: vec![ChartSeries {
                name: "@evil".into(),
                role: Role::Actual,
                measure: "m".into(),
                source: String::new(),
                style: base_style(Role::Actual, 0),
                points: vec![ChartPoint { x: 2016.0, y: -1.5, note: String::new() }],
            }],
            ..Chart::default()
        };
        let csv = chart_csv(&chart);
        assert!(csv.contains("'=1+1,'@evil,actual,m,2016,-1.5"), "{csv}");
    }

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
            &[BriefingSlide {
                title: hostile.into(),
                unit: hostile.into(),
                caption: hostile.into(),
                sources: vec![hostile.into()],
                notes: vec![hostile.into()],
                body: BriefingBody::Table(regional_table(&table, Lang::Zh)),
            }],
            Lang::Zh,
        );
        assert!(!page.contains("<img"), "{page}");
    }
}
