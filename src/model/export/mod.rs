//! Exports: tables as CSV (exactly what is shown, with units and sources, every cell guarded
//! against spreadsheet formulas), and the briefing (slides as pages of a PDF or one HTML file).
//! Maps draw themselves (`map::svg`); charts too (`chart::svg`).

pub mod briefing;
pub mod csv;
pub mod docx;
pub mod page;
pub mod report;

pub use briefing::{
    A4_LANDSCAPE, SLIDE_SIZE, briefing_html, briefing_pages, evaluation_table, regional_table, slide_svg, table_html,
};
pub use csv::{chart_csv, evaluation_csv, evaluation_markdown, table_csv, table_csv_of};

/// Rows as CSV text, every cell guarded against being run as a formula by a spreadsheet.
pub(crate) fn csv_text(rows: Vec<Vec<String>>) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
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
