//! Scenarios kept in spreadsheets and CSV files: read into a neutral grid of cells (`read`),
//! understood as the IAMC wide layout or a long layout (`interpret`), checked by the same
//! validation as RON files with every message at its sheet and cell, and written back
//! (`write`).

mod encoding;
pub mod interpret;
pub mod read;
pub mod sniff;
pub mod write;

use super::diagnostics::Place;

/// One cell's content, as far as a scenario table cares.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A number the sheet formats as a percentage (`0.00%`): the stored fraction, 0.015 for a
    /// cell that shows 1.50%.
    Percent(f64),
    Bool(bool),
    /// A cell formatted as a date or time (its text or Excel serial, for messages).
    Date(String),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A formula whose result was never saved in the file (written by a script, not by Excel).
    FormulaWithoutValue(String),
}

/// One sheet of a workbook, or a CSV file: only the filled cells, so a hostile sheet that
/// claims a million rows costs what it holds. Rows are kept in order, each with its cells in
/// column order: readers hand cells over row by row, so filling is a push and a lookup two
/// binary searches (a map of 1.8 million cells was a third of a large CSV's reading).
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The sheet's name; `None` for a CSV file, whose places are lines and columns.
    pub sheet: Option<String>,
    /// The rows with a filled cell (or, for CSV, a place), in order.
    rows: Vec<GridRow>,
    /// Filled cells in all.
    filled: usize,
    /// Merged ranges, inclusive 0-based (first row, first column, last row, last column).
    pub merged: Vec<(u32, u32, u32, u32)>,
}

#[derive(Clone, Debug, Default)]
struct GridRow {
    row: u32,
    /// Filled cells by column, in order.
    cells: Vec<(u32, Value)>,
    /// For CSV: the line and character column where each field starts, by column in order.
    places: Vec<(u32, (usize, usize))>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        let cells = &self.find_row(row)?.cells;
        cells.binary_search_by_key(&col, |(c, _)| *c).ok().and_then(|k| cells.get(k)).map(|(_, v)| v)
    }

    /// Fills a cell (a later value for the same cell replaces the earlier one).
    pub fn insert(&mut self, row: u32, col: u32, value: Value) {
        let cells = &mut self.row_mut(row).cells;
        match cells.last() {
            Some((last, _)) if *last < col => cells.push((col, value)),
            None => cells.push((col, value)),
            _ => match cells.binary_search_by_key(&col, |(c, _)| *c) {
                Ok(k) => {
                    if let Some(cell) = cells.get_mut(k) {
                        cell.1 = value;
                    }
                    return;
                }
                Err(k) => cells.insert(k, (col, value)),
            },
        }
        self.filled += 1;
    }

    /// Where a CSV field starts (empty fields too: a message can point at an empty cell).
    pub fn set_text_place(&mut self, row: u32, col: u32, at: (usize, usize)) {
        let places = &mut self.row_mut(row).places;
        match places.binary_search_by_key(&col, |(c, _)| *c) {
            Ok(k) => {
                if let Some(place) = places.get_mut(k) {
                    place.1 = at;
                }
            }
            Err(k) => places.insert(k, (col, at)),
        }
    }

    /// Filled cells in all.
    pub fn len(&self) -> usize {
        self.filled
    }

    pub fn is_empty(&self) -> bool {
        self.filled == 0
    }

    fn find_row(&self, row: u32) -> Option<&GridRow> {
        let k = self.rows.binary_search_by_key(&row, |r| r.row).ok()?;
        self.rows.get(k)
    }

    fn row_mut(&mut self, row: u32) -> &mut GridRow {
        let k = match self.rows.last() {
            Some(last) if last.row == row => self.rows.len() - 1,
            Some(last) if last.row > row => match self.rows.binary_search_by_key(&row, |r| r.row) {
                Ok(k) => k,
                Err(k) => {
                    self.rows.insert(k, GridRow { row, ..GridRow::default() });
                    k
                }
            },
            _ => {
                self.rows.push(GridRow { row, ..GridRow::default() });
                self.rows.len() - 1
            }
        };
        // `k` is in range: it was found, or a row was just put there.
        &mut self.rows[k]
    }

    /// The filled cells of one row, by column.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Value)> {
        self.find_row(row).into_iter().flat_map(|r| r.cells.iter().map(|(c, v)| (*c, v)))
    }

    /// The rows that have a filled cell, in order.
    pub fn rows(&self) -> Vec<u32> {
        self.rows.iter().filter(|r| !r.cells.is_empty()).map(|r| r.row).collect()
    }

    /// Where a message about a cell points: `sheet!F3` in a workbook, the line and column in
    /// a CSV file.
    pub fn place(&self, row: u32, col: u32) -> Place {
        match &self.sheet {
            Some(sheet) => Place::Cell(cell_name(sheet, row, col)),
            None => {
                // A column past the end of a short record: the record's last field.
                let known = self.find_row(row).and_then(|r| {
                    let k = r.places.partition_point(|(c, _)| *c <= col);
                    k.checked_sub(1).and_then(|k| r.places.get(k)).map(|(_, p)| *p)
                });
                let (line, column) = known.unwrap_or((row as usize + 1, 1));
                Place::Text(line, column)
            }
        }
    }

    /// Where a message about a whole row points: its first cell.
    pub fn row_place(&self, row: u32) -> Place {
        let first = self.row(row).next().map_or(0, |(c, _)| c);
        self.place(row, first)
    }
}

/// A cell's name as spreadsheets write it: `data!F3`, `'my data'!F3`.
pub fn cell_name(sheet: &str, row: u32, col: u32) -> String {
    let plain = !sheet.is_empty() && sheet.chars().all(|c| !c.is_whitespace() && !"!'()-,;".contains(c));
    let sheet = if plain { sheet.to_string() } else { format!("'{}'", sheet.replace('\'', "''")) };
    format!("{sheet}!{}{}", column_letters(col), u64::from(row) + 1)
}

/// Spreadsheet column letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(5), "F");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn sheet_names_with_spaces_or_quotes_are_quoted() {
        assert_eq!(cell_name("data", 2, 5), "data!F3");
        assert_eq!(cell_name("情景数据", 0, 0), "情景数据!A1");
        assert_eq!(cell_name("my data", 0, 1), "'my data'!B1");
        assert_eq!(cell_name("it's", 9, 0), "'it''s'!A10");
    }
}
