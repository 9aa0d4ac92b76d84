//! Exports: a chart's data as CSV (exactly the series shown, with units and sources), the
//! indicator table as CSV, and a self-contained HTML briefing with every slide (an inline
//! SVG chart, caption and sources) that opens offline and prints one slide per page.

use super::chart::{Chart, Role};
use super::evaluation::{Tally, TargetEvaluation, Verdict};
use super::format::{exact, number, target_words};
use super::map::{Classes, LeagueValue, MISSING_RGB, MapGeometry};
use super::places::Region;
use super::regional::StatTable;
use super::summary::MeasureSummary;

fn csv_text(rows: Vec<Vec<String>>) -> String {
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
                chart.unit.clone(),
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

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Okabe–Ito, as in the app.
const COLORS: [&str; 6] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00"];

/// A line chart of `chart` as standalone SVG (years across, values up).
pub fn chart_svg(chart: &Chart, notes: &[(u16, String)]) -> String {
    let (w, h, left, right, top, bottom) = (900.0, 420.0, 70.0, 20.0, 20.0, 40.0);
    let points: Vec<(f64, f64)> = chart.series.iter().flat_map(|s| s.points.iter().map(|p| (p.x, p.y))).collect();
    if points.is_empty() {
        return String::new();
    }
    let (mut x0, mut x1) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (mut y0, mut y1) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if x1 <= x0 {
        x1 = x0 + 1.0;
        x0 -= 1.0;
    }
    y0 = y0.min(0.0);
    if y1 <= y0 {
        y1 = y0 + 1.0;
    }
    y1 += (y1 - y0) * 0.08;
    let sx = |x: f64| left + (x - x0) / (x1 - x0) * (w - left - right);
    let sy = |y: f64| top + (1.0 - (y - y0) / (y1 - y0)) * (h - top - bottom);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img"><rect width="{w}" height="{h}" fill="white"/>"#
    );
    for year in (x0.ceil() as i64)..=(x1.floor() as i64) {
        let x = sx(year as f64);
        svg += &format!(
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}" stroke="#ddd"/><text x="{x:.1}" y="{:.1}" font-size="12" text-anchor="middle">{year}</text>"##,
            h - bottom,
            h - bottom + 16.0
        );
    }
    for k in 0..=4 {
        let v = y0 + (y1 - y0) * f64::from(k) / 4.0;
        svg += &format!(
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#eee"/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end">{}</text>"##,
            w - right,
            left - 6.0,
            sy(v) + 4.0,
            number((v * 100.0).round() / 100.0),
            y = sy(v)
        );
    }
    for goal in &chart.goals {
        let (gx0, gx1) = goal.x;
        let (gy0, gy1) = goal.y;
        svg += &format!(
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#009E73" fill-opacity="0.15"/>"##,
            sx(gx0),
            sy(gy1.min(y1)),
            sx(gx1) - sx(gx0),
            (sy(gy0) - sy(gy1.min(y1))).abs()
        );
    }
    let mut color = 0;
    let mut legend = String::new();
    for s in &chart.series {
        let pts: Vec<String> = s.points.iter().map(|p| format!("{:.1},{:.1}", sx(p.x), sy(p.y))).collect();
        let (stroke, dash, marker) = match s.role {
            Role::Baseline => ("#333".to_string(), "", 5.0),
            Role::Target => ("#E69F00".to_string(), "", 8.0),
            Role::LinearPath => ("#888".to_string(), "6 4", 0.0),
            Role::GrowthPath => ("#56B4E9".to_string(), "2 3", 0.0),
            Role::Actual | Role::AltTarget => {
                color += 1;
                (COLORS[(color - 1) % COLORS.len()].to_string(), "", 3.5)
            }
            Role::Projection => {
                color += 1;
                (COLORS[(color - 1) % COLORS.len()].to_string(), "8 5", 3.5)
            }
        };
        if pts.len() > 1 && !matches!(s.role, Role::Baseline | Role::Target | Role::AltTarget) {
            svg += &format!(
                r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="2.5" stroke-dasharray="{dash}"/>"#,
                pts.join(" ")
            );
        }
        if marker > 0.0 {
            for p in &s.points {
                svg += &format!(
                    r#"<circle cx="{:.1}" cy="{:.1}" r="{marker}" fill="{stroke}"><title>{} {}: {}</title></circle>"#,
                    sx(p.x),
                    sy(p.y),
                    escape(&s.name),
                    number(p.x),
                    number(p.y)
                );
            }
        }
        legend += &format!(r#"<li><span style="color:{stroke}">■</span> {}</li>"#, escape(&s.name));
    }
    for (year, text) in notes {
        let x = sx(f64::from(*year));
        svg += &format!(
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}" stroke="#CC79A7" stroke-dasharray="4 3"/><text x="{:.1}" y="{:.1}" font-size="13" fill="#7a3b63">{}</text>"##,
            h - bottom,
            x + 4.0,
            top + 14.0,
            escape(text)
        );
    }
    svg += "</svg>";
    format!("{svg}<ul class=\"legend\">{legend}</ul>")
}

/// One slide of a briefing, ready to write.
pub struct BriefingSlide {
    pub title: String,
    pub unit: String,
    pub caption: String,
    pub sources: Vec<String>,
    /// Inline SVG (and legend), or an HTML table for regional slides.
    pub body: String,
}

/// A self-contained HTML file: no scripts, no external resources, one slide per printed page.
pub fn briefing_html(title: &str, slides: &[BriefingSlide]) -> String {
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         body{{font-family:'Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif;margin:2em;color:#111}}\
         section{{page-break-after:always;break-after:page;margin-bottom:3em}}h1{{font-size:1.6em}}h2{{font-size:1.4em;margin:0.2em 0}}\
         .unit{{color:#555}}.caption{{font-size:1.1em}}.sources{{font-size:0.85em;color:#444}}ul.legend{{list-style:none;padding:0;font-size:0.85em;columns:2}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}\
         @media print{{body{{margin:1cm}}}}</style></head><body><h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    for (k, s) in slides.iter().enumerate() {
        html += &format!(
            "<section><h2>{}. {}</h2><div class=\"unit\">{}</div>{}<p class=\"caption\">{}</p><div class=\"sources\">{}</div></section>\n",
            k + 1,
            escape(&s.title),
            escape(&s.unit),
            s.body,
            escape(&s.caption),
            s.sources.iter().map(|x| format!("<div>来源：{}</div>", escape(x))).collect::<String>()
        );
    }
    html + "</body></html>\n"
}

/// A regional statistic as a table for the briefing: every 盟市, a gap named as `missing`.
pub fn regional_table_html(table: &StatTable, missing: &str) -> String {
    let rows: String = table
        .cities
        .iter()
        .map(|c| {
            let value = c.value.map_or(missing.to_string(), number);
            format!("<tr><th>{}</th><td>{}</td></tr>", escape(&c.city), escape(&value))
        })
        .collect();
    format!("<table>{rows}</table>")
}

/// The final evaluation as a briefing section: every target, its value in the target year,
/// the verdict, the first year met and the series the value comes from (its address on hover).
pub fn evaluation_table_html(evaluations: &[TargetEvaluation]) -> String {
    let head =
        ["指标", "目标", "目标年份实际值", "判定", "首次达到", "数据来源"].map(|h| format!("<th>{h}</th>")).concat();
    let rows: String = evaluations
        .iter()
        .map(|e| {
            let target = target_words(e.comparator, e.target_value, e.upper, &e.unit, (e.target_year, e.year_implied), false);
            let (value, source) = e.judged.as_ref().map_or(("—".to_string(), String::new()), |r| {
                (
                    format!("{} {}", number(r.value), e.unit),
                    format!("<span title=\"{}\">{}</span>", escape(&r.source), escape(&r.series)),
                )
            });
            let color = match e.verdict {
                Verdict::Met => "#0072B2",
                Verdict::NotMet => "#D55E00",
                Verdict::NoData | Verdict::NotJudged => "#777",
            };
            format!(
                "<tr><th>{}</th><td>{}</td><td>{}</td><td style=\"color:{color}\">{}</td><td>{}</td><td class=\"sources\">{source}</td></tr>",
                escape(&e.name),
                escape(&target),
                escape(&value),
                e.verdict.name_zh(),
                e.first_met.map_or("—".to_string(), |y| y.to_string()),
            )
        })
        .collect();
    format!("<table><tr>{head}</tr>{rows}</table>")
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn region_hex(region: Region) -> &'static str {
    match region {
        Region::East => COLORS[0],
        Region::West => COLORS[5],
    }
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
}

/// The map as standalone SVG, drawn from the same geometry, classes and colours as the app.
pub fn map_svg(map: &MapGeometry, m: &MapExport<'_>) -> String {
    let (lo, hi) = map.bounds;
    let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
    let (top, legend) = (70.0, 110.0);
    let classes = Classes::of(m.values);
    let xy = |p: &[f64; 2]| (p[0] - lo[0] + 20.0, hi[1] - p[1] + top);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1100\" height=\"{:.0}\" viewBox=\"0 0 {:.0} {:.0}\" font-family=\"Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif\">\n\
         <defs><pattern id=\"gap\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"12\" height=\"12\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"12\" stroke=\"#888\" stroke-width=\"3\"/></pattern></defs>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"20\" y=\"44\" font-size=\"34\" font-weight=\"bold\">{}{}</text>\n",
        1100.0 * (h + top + legend) / (w + 40.0),
        w + 40.0,
        h + top + legend,
        hex(MISSING_RGB),
        escape(m.title),
        m.year.map(|y| format!("（{y}）")).unwrap_or_default(),
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
        let stroke = v.map_or("#888", |v| region_hex(v.region));
        let opacity = if v.is_some_and(|v| v.projected) { " fill-opacity=\"0.55\"" } else { "" };
        svg += &format!(
            "<path d=\"{d}\" fill=\"{fill}\"{opacity} fill-rule=\"evenodd\" stroke=\"{stroke}\" stroke-width=\"3\"><title>{}</title></path>\n",
            escape(&league.full_name)
        );
    }
    for league in &map.leagues {
        let Some(v) = value_of(&league.full_name) else { continue };
        let (x, y) = xy(&league.label);
        let number = match v.value {
            Some(x) if v.projected => format!("{}（{}）", number(x), m.projected),
            Some(x) => number(x),
            None => m.missing.to_string(),
        };
        svg += &format!(
            "<text x=\"{x:.0}\" y=\"{y:.0}\" font-size=\"24\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"white\" stroke-width=\"5\">\
             <tspan x=\"{x:.0}\">{}</tspan><tspan x=\"{x:.0}\" dy=\"26\">{}</tspan></text>\n",
            escape(&v.city),
            escape(&number)
        );
    }
    // The legend: every class with its range, the gap swatch, the unit; then the source.
    let y0 = h + top + 30.0;
    let mut x = 20.0;
    for k in 0..classes.count() {
        let (a, b) = classes.range(k);
        svg += &format!(
            "<rect x=\"{x:.0}\" y=\"{y0:.0}\" width=\"40\" height=\"24\" fill=\"{}\"/><text x=\"{:.0}\" y=\"{:.0}\" font-size=\"24\">{}–{}</text>\n",
            hex(classes.rgb(k)),
            x + 48.0,
            y0 + 21.0,
            number(a),
            number(b)
        );
        x += 200.0;
    }
    svg += &format!(
        "<rect x=\"{x:.0}\" y=\"{y0:.0}\" width=\"40\" height=\"24\" fill=\"url(#gap)\"/><text x=\"{:.0}\" y=\"{:.0}\" font-size=\"24\">{}{}</text>\n",
        x + 48.0,
        y0 + 21.0,
        escape(m.missing),
        if m.unit.is_empty() { String::new() } else { format!(" · {}", escape(m.unit)) }
    );
    svg += &format!(
        "<text x=\"20\" y=\"{:.0}\" font-size=\"18\" fill=\"#444\">{}</text>\n</svg>\n",
        y0 + 70.0,
        escape(m.source)
    );
    svg
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
    let doc = serde_json::json!({
        "title": m.title, "unit": m.unit, "year": m.year, "missing": m.missing,
        "legend": legend, "leagues": leagues, "source": m.source,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::{ChartPoint, ChartSeries};

    #[test]
    fn chart_csv_lists_exactly_the_points_shown() {
        let chart = Chart {
            title: "R&D强度".into(),
            unit: "%".into(),
            series: vec![ChartSeries {
                name: "实际值".into(),
                role: Role::Actual,
                measure: "rd_intensity".into(),
                points: vec![ChartPoint { x: 2016.0, y: 0.79, note: "https://a\n“0.79%”".into() }],
            }],
            ..Chart::default()
        };
        assert_eq!(
            chart_csv(&chart),
            "chart,series,role,measure,year,value,unit,source\nR&D强度,实际值,actual,rd_intensity,2016,0.79,%,https://a | “0.79%”\n"
        );
        let svg = chart_svg(&chart, &[(2016, "GDP修订".into())]);
        assert!(svg.starts_with("<svg") && svg.contains("GDP修订"));
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
                note: String::new(),
                projected: false,
            }],
            east: Total { sum: 0.0, known: 0, of: 1 },
            west: Total { sum: 0.0, known: 0, of: 1 },
            whole: None,
        };
        let html = regional_table_html(&table, "未公布");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        let page = briefing_html(
            hostile,
            &[BriefingSlide {
                title: hostile.into(),
                unit: hostile.into(),
                caption: hostile.into(),
                sources: vec![hostile.into()],
                body: html,
            }],
        );
        assert!(!page.contains("<img"), "{page}");
    }
}
