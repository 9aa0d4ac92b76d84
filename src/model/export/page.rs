//! A briefing page or an exported slide as SVG: the title, the body (a chart, a table or a
//! nested drawing), the caption, notes and sources, and the slide number — one layout for the
//! PNG of a slide and every page of the PDF briefing.

use std::fmt::Write;

use crate::model::chart::Chart;
use crate::model::chart::svg::{SvgOptions, chart_element};
use crate::model::colours::{Colour, background, hex, rule};
use crate::model::drawing::{FONT_FAMILY, escape, nested, text_width, wrap};
use crate::model::table::Table;

/// One page of a briefing or one exported slide.
pub struct Page<'a> {
    pub title: &'a str,
    pub caption: &'a str,
    pub sources: &'a [String],
    pub notes: &'a [String],
    pub body: PageBody<'a>,
    /// "3 / 64" in a corner.
    pub number: String,
    /// The speaker's notes under the slide, as a handout has them (empty: none).
    pub speaker: String,
}

pub enum PageBody<'a> {
    Chart(&'a Chart),
    Table(&'a Table),
    /// A drawing of its own (the map), scaled into the body's box with its proportions kept.
    Svg(&'a str),
    /// A cover's lines under its title, centred.
    Cover {
        date: &'a str,
        presenter: &'a str,
    },
}

/// The most lines of speaker's notes under a page.
const SPEAKER_LINES: usize = 8;

/// A whole slide as SVG, `width` × `height` (960×540 for a 16:9 slide, 842×595 for an A4
/// landscape page).
pub fn page_svg(page: &Page<'_>, width: f64, height: f64, dark: bool) -> String {
    let f = (height / 45.0).max(10.0);
    let ink = Colour::Ink.hex(dark);
    let muted = Colour::Grey.hex(dark);
    let background = hex(background(dark));
    let margin = f * 2.0;
    let text_ems = |size: f64| (width - 2.0 * margin) / size;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT_FAMILY}, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif\">\n<rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n"
    );
    let mut y = margin;
    let title_size = f * 1.7;
    for line in wrap(page.title, text_ems(title_size)).iter().take(2) {
        y += title_size;
        let _ = writeln!(
            s,
            "<text x=\"{margin:.1}\" y=\"{y:.1}\" font-size=\"{title_size:.1}\" font-weight=\"bold\" fill=\"{ink}\">{}</text>",
            escape(line)
        );
    }
    y += f * 0.8;
    // What goes under the body, measured first so the body takes the rest.
    let small = f * 0.9;
    let caption = if page.caption.is_empty() { Vec::new() } else { wrap(page.caption, text_ems(f)) };
    let notes: Vec<String> = page.notes.iter().flat_map(|n| wrap(n, text_ems(small))).collect();
    let sources: Vec<String> = page.sources.iter().flat_map(|n| wrap(n, text_ems(small))).take(6).collect();
    // The speaker's notes last, as many lines as a handout page holds (the rest cut with "…").
    let mut speaker = if page.speaker.is_empty() { Vec::new() } else { wrap(&page.speaker, text_ems(small)) };
    if speaker.len() > SPEAKER_LINES {
        speaker.truncate(SPEAKER_LINES);
        if let Some(last) = speaker.last_mut() {
            last.push('…');
        }
    }
    let below = caption.len().min(4) as f64 * f * 1.35
        + (notes.len() + sources.len() + speaker.len()) as f64 * small * 1.3
        + if speaker.is_empty() { 0.0 } else { small }
        + f * 2.5;
    let body_h = (height - y - below - margin).max(height * 0.3);
    match page.body {
        PageBody::Chart(chart) => {
            let o = SvgOptions { width: width - 2.0 * margin, height: body_h, dark, x: margin, y, titled: false };
            s.push_str(&chart_element(chart, &o));
        }
        PageBody::Table(table) => s.push_str(&table_svg(table, margin, y, width - 2.0 * margin, body_h, f, dark)),
        PageBody::Svg(drawing) => s.push_str(&nested(drawing, margin, y, width - 2.0 * margin, body_h)),
        PageBody::Cover { date, presenter } => {
            // The lines in large type, centred in the body's box.
            let size = f * 1.6;
            let lines: Vec<&str> = [date, presenter].into_iter().filter(|l| !l.is_empty()).collect();
            let mut ly = y + body_h * 0.45;
            for line in lines {
                let _ = writeln!(
                    s,
                    "<text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"{size:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{}</text>",
                    width / 2.0,
                    escape(line)
                );
                ly += size * 1.6;
            }
        }
    }
    y += body_h + f * 1.2;
    for line in caption.iter().take(4) {
        y += f * 1.35;
        let _ = writeln!(
            s,
            "<text x=\"{margin:.1}\" y=\"{y:.1}\" font-size=\"{f:.1}\" fill=\"{ink}\">{}</text>",
            escape(line)
        );
    }
    y += small * 0.5;
    // Notes and sources in the text colour: they must be readable from the back row too.
    for line in notes.iter().chain(&sources) {
        y += small * 1.3;
        let _ = writeln!(
            s,
            "<text x=\"{margin:.1}\" y=\"{y:.1}\" font-size=\"{small:.1}\" fill=\"{ink}\">{}</text>",
            escape(line)
        );
    }
    if !speaker.is_empty() {
        // Set apart from the slide by a rule, as a handout's notes are.
        y += small * 0.8;
        let _ = writeln!(
            s,
            "<line x1=\"{margin:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{muted}\" stroke-width=\"0.8\"/>",
            width - margin
        );
    }
    for line in &speaker {
        y += small * 1.3;
        let _ = writeln!(
            s,
            "<text x=\"{margin:.1}\" y=\"{y:.1}\" font-size=\"{small:.1}\" fill=\"{ink}\">{}</text>",
            escape(line)
        );
    }
    if !page.number.is_empty() {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{small:.1}\" text-anchor=\"end\" fill=\"{muted}\">{}</text>",
            width - margin,
            height - margin * 0.5,
            escape(&page.number)
        );
    }
    s.push_str("</svg>\n");
    s
}

/// A table in large type, each cell wrapped within its column (a 规划原文 quote whole, as the
/// screen shows it): the type as large as lets every row fit (up to 1.3 × the body size, for the
/// back row; at least 6), then as many rows as fit and a line saying how many more there are.
fn table_svg(table: &Table, x: f64, y: f64, w: f64, h: f64, f: f64, dark: bool) -> String {
    let ink = Colour::Ink.hex(dark);
    let rule = hex(rule(dark));
    let columns = table.header.len().max(table.rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
    // Each column but the last as wide as its widest cell (up to 24 ems); the last takes the rest.
    let mut widths = vec![1.0f64; columns];
    for row in std::iter::once(&table.header).chain(&table.rows) {
        for (k, cell) in row.iter().enumerate().take(columns) {
            widths[k] = widths[k].max(text_width(cell).min(24.0) + 1.5);
        }
    }
    let fixed: f64 = widths[..columns - 1].iter().sum::<f64>() + if columns > 1 { 8.0 } else { 0.0 };
    let by_width = w / fixed.max(1.0);
    let laid_out = |size: f64| {
        let mut widths = widths.clone();
        if columns > 1 {
            widths[columns - 1] = (w / size - widths[..columns - 1].iter().sum::<f64>()).max(4.0);
        }
        let rows: Vec<Vec<Vec<String>>> = std::iter::once(&table.header)
            .chain(&table.rows)
            .map(|row| row.iter().take(columns).enumerate().map(|(k, cell)| wrap(cell, widths[k] - 1.0)).collect())
            .collect();
        (widths, rows)
    };
    let line_h = |size: f64| size * 1.25;
    let row_height = |size: f64, cells: &[Vec<String>]| {
        line_h(size) * cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64 + size * 0.35
    };
    let mut size = (f * 1.3).min(by_width).max(6.0);
    let (mut widths, mut rows) = laid_out(size);
    while size > 6.0 && rows.iter().map(|r| row_height(size, r)).sum::<f64>() > h {
        size = (size * 0.92).max(6.0);
        (widths, rows) = laid_out(size);
    }
    let mut s = String::new();
    let mut cy = y;
    // Room for the line saying how many rows did not fit, when some do not.
    let all_fit = rows.iter().map(|r| row_height(size, r)).sum::<f64>() <= h;
    let bottom = if all_fit { y + h } else { y + h - line_h(size) * 1.2 };
    let mut shown = 0;
    for (i, cells) in rows.iter().enumerate() {
        let header = i == 0;
        let row_h = row_height(size, cells);
        if !header && cy + row_h > bottom {
            break;
        }
        let mut cx = x;
        for (k, lines) in cells.iter().enumerate() {
            let weight = if header { " font-weight=\"bold\"" } else { "" };
            for (j, line) in lines.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\"{weight} fill=\"{ink}\">{}</text>",
                    cy + line_h(size) * (j as f64 + 1.0) - size * 0.25,
                    escape(line)
                );
            }
            cx += widths.get(k).copied().unwrap_or(1.0) * size;
        }
        cy += row_h;
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{cy:.1}\" x2=\"{:.1}\" y2=\"{cy:.1}\" stroke=\"{rule}\" stroke-width=\"{}\"/>",
            x + w,
            if header { 1.5 } else { 0.6 }
        );
        if !header {
            shown += 1;
        }
    }
    if shown < table.rows.len() {
        let _ = writeln!(
            s,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\" fill=\"{ink}\">… +{}</text>",
            cy + line_h(size),
            table.rows.len() - shown
        );
    }
    s
}
