//! Word documents (.docx) as offices edit and send them on: the final evaluation report and
//! the briefing. The layout follows the conventions of official documents (GB/T 9704-2012):
//! A4, margins 37/35/28/26 mm, the title in 2号 小标宋, the body in 3号 仿宋, headings 一、
//! in 黑体 and （一） in 楷体, fixed 28 pt lines. Tables are real Word tables and text is real
//! text; only charts and maps are pictures, drawn from the same SVG as every other export by
//! the rasteriser the caller passes in (the model draws nothing itself).

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, LineSpacingType, PageMargin, PageOrientationType, Paragraph, Pic, Run,
    RunFonts, Shading, ShdType, Table, TableCell, TableRow, WidthType,
};

use crate::model::table::Table as PlainTable;

/// A picture to place: PNG bytes and their size in pixels.
pub struct Picture {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
}

/// Draws an SVG as a picture (the caller's rasteriser, at print resolution).
pub type Rasterise<'a> = &'a dyn Fn(&str) -> Result<Picture, String>;

/// The fonts official documents name, as Word and WPS on an office machine have them.
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const HEADING_FONT: &str = "黑体";
pub const SUBHEADING_FONT: &str = "楷体_GB2312";
/// Latin letters and digits beside them.
const LATIN_FONT: &str = "Times New Roman";

/// Sizes in half-points: 2号 22 pt, 3号 16 pt, 五号 10.5 pt.
const SIZE_TITLE: usize = 44;
const SIZE_BODY: usize = 32;
const SIZE_TABLE: usize = 21;
/// Twips (1/20 pt; 1 mm ≈ 56.7): A4 and the standard's margins.
const A4: (u32, u32) = (11906, 16838);
const MARGINS: (i32, i32, i32, i32) = (2098, 1984, 1587, 1474);
/// The line pitch: exactly 28 pt (22 lines to the page, as the standard's grid).
const LINE: i32 = 560;
/// English Metric Units per millimetre, for pictures.
const EMU_PER_MM: f64 = 36_000.0;

fn mm_to_twips(mm: f64) -> usize {
    (mm * 56.7).round() as usize
}

/// A document being written, in portrait (the report) or landscape (the briefing).
pub struct OfficialDoc {
    docx: Docx,
    /// The text block's width in millimetres.
    text_width_mm: f64,
}

impl OfficialDoc {
    pub fn new(landscape: bool) -> Self {
        // A landscape page is a slide handout, not an official document: narrow margins give
        // the chart room.
        let (top, bottom, left, right) = if landscape { (1134, 1134, 1134, 1134) } else { MARGINS };
        let margin = PageMargin::new().top(top).bottom(bottom).left(left).right(right);
        let docx = Docx::new().default_fonts(fonts(BODY_FONT)).default_size(SIZE_BODY).page_margin(margin);
        let (docx, page_width) = if landscape {
            (docx.page_size(A4.1, A4.0).page_orient(PageOrientationType::Landscape), A4.1)
        } else {
            (docx.page_size(A4.0, A4.1), A4.0)
        };
        let text_width_mm = f64::from(page_width as i32 - left - right) / 56.7;
        OfficialDoc { docx, text_width_mm }
    }

    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// The title: centred, 2号 小标宋, each of `lines` on its own line (a long title is broken
    /// where the writer chooses, not where the page ends).
    pub fn title(&mut self, lines: &[&str]) {
        let mut p = Paragraph::new().align(AlignmentType::Center).line_spacing(exact(LINE + 200)).outline_lvl(0);
        for (k, line) in lines.iter().enumerate() {
            let run = Run::new().add_text(*line).fonts(fonts(TITLE_FONT)).size(SIZE_TITLE);
            p = p.add_run(if k + 1 < lines.len() { run.add_break(BreakType::TextWrapping) } else { run });
        }
        self.push(p);
    }

    /// A centred line under the title (the date, who wrote it).
    pub fn subtitle(&mut self, text: &str) {
        let run = Run::new().add_text(text).fonts(fonts(BODY_FONT)).size(SIZE_BODY);
        self.push(Paragraph::new().add_run(run).align(AlignmentType::Center).line_spacing(exact(LINE)));
    }

    /// A first-level heading (一、…): 黑体, no indent.
    pub fn heading(&mut self, text: &str) {
        let run = Run::new().add_text(text).fonts(fonts(HEADING_FONT)).size(SIZE_BODY);
        self.push(Paragraph::new().add_run(run).line_spacing(exact(LINE)).keep_next(true).outline_lvl(1));
    }

    /// A second-level heading (（一）…): 楷体, indented two characters as body text is.
    pub fn subheading(&mut self, text: &str) {
        let run = Run::new().add_text(text).fonts(fonts(SUBHEADING_FONT)).size(SIZE_BODY);
        let p = Paragraph::new().add_run(run).line_spacing(exact(LINE)).keep_next(true).outline_lvl(2);
        self.push(p.indent(None, Some(docx_rs::SpecialIndentType::FirstLine(640)), None, None));
    }

    /// A body paragraph: 3号 仿宋, first line indented two characters.
    pub fn body(&mut self, text: &str) {
        let run = Run::new().add_text(text).fonts(fonts(BODY_FONT)).size(SIZE_BODY);
        let p = Paragraph::new().add_run(run).line_spacing(exact(LINE));
        self.push(p.indent(None, Some(docx_rs::SpecialIndentType::FirstLine(640)), None, None));
    }

    /// A small note (a figure's caption and source): 五号, centred.
    pub fn note(&mut self, text: &str) {
        let run = Run::new().add_text(text).fonts(fonts(BODY_FONT)).size(SIZE_TABLE);
        self.push(Paragraph::new().add_run(run).align(AlignmentType::Center).line_spacing(exact(320)));
    }

    /// A picture across the text block's width, centred, at most `max_height_mm` tall.
    pub fn picture(&mut self, picture: Picture, max_height_mm: f64) {
        let aspect = f64::from(picture.width_px.max(1)) / f64::from(picture.height_px.max(1));
        let width_mm = self.text_width_mm.min(max_height_mm * aspect);
        let height_mm = width_mm / aspect;
        let emu = |mm: f64| (mm * EMU_PER_MM).round() as u32;
        let pic = Pic::new_with_dimensions(picture.png, picture.width_px, picture.height_px)
            .size(emu(width_mm), emu(height_mm));
        self.push(Paragraph::new().add_run(Run::new().add_image(pic)).align(AlignmentType::Center).keep_next(true));
    }

    /// A table with a header row in 黑体 and cells in 五号 仿宋; `widths` are shares of the
    /// text width (the last column takes what is left). A cell may hold several lines.
    pub fn table(&mut self, header: &[String], rows: &[Vec<Vec<String>>], widths: &[f64]) {
        let total = mm_to_twips(self.text_width_mm);
        let mut grid: Vec<usize> = widths.iter().map(|w| (w * total as f64).round() as usize).collect();
        let used: usize = grid.iter().sum();
        if let Some(last) = grid.last_mut() {
            *last += total.saturating_sub(used);
        }
        let width_of = |c: usize| grid.get(c).copied().unwrap_or(total / header.len().max(1));
        let head = TableRow::new(
            header
                .iter()
                .enumerate()
                .map(|(c, h)| {
                    cell(std::slice::from_ref(h), width_of(c), HEADING_FONT)
                        .shading(Shading::new().shd_type(ShdType::Clear).fill("DDE4EE"))
                })
                .collect(),
        )
        .cant_split();
        let body = rows.iter().map(|r| {
            TableRow::new(r.iter().enumerate().map(|(c, lines)| cell(lines, width_of(c), BODY_FONT)).collect())
                .cant_split()
        });
        let table = Table::new(std::iter::once(head).chain(body).collect()).set_grid(grid.clone());
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        // Word needs a paragraph between a table and what follows.
        self.push(Paragraph::new().line_spacing(exact(200)));
    }

    /// A plain table (the slides' tables), one line per cell.
    pub fn plain_table(&mut self, table: &PlainTable) {
        let columns = table.header.len().max(1);
        let rows: Vec<Vec<Vec<String>>> =
            table.rows.iter().map(|r| r.iter().map(|c| vec![c.clone()]).collect()).collect();
        self.table(&table.header, &rows, &vec![1.0 / columns as f64; columns]);
    }

    pub fn page_break(&mut self) {
        self.push(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }

    /// The finished file.
    pub fn finish(self, title: &str) -> Result<Vec<u8>, String> {
        let docx = self.docx.custom_property("title", title);
        let mut out = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut out).map_err(|e| format!("cannot write the Word file: {e}"))?;
        Ok(out.into_inner())
    }
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii(LATIN_FONT).hi_ansi(LATIN_FONT)
}

fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new().line(twips).line_rule(LineSpacingType::Exact)
}

fn cell(lines: &[String], width: usize, font: &str) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for (k, line) in lines.iter().enumerate() {
        // The first line in the cell's font, further lines (a citation) smaller and grey.
        let run = Run::new().add_text(line).fonts(fonts(font));
        let run = if k == 0 { run.size(SIZE_TABLE) } else { run.size(18).color("555555") };
        c = c.add_paragraph(Paragraph::new().add_run(run).line_spacing(LineSpacing::new().line(280)));
    }
    if lines.is_empty() {
        c = c.add_paragraph(Paragraph::new());
    }
    c
}
