//! Scenarios kept in spreadsheets and CSV files: read into a neutral grid of cells (`read`),
//! understood as the IAMC wide layout or a long layout (`interpret`), checked by the same
//! validation as RON files with every message at its sheet and cell, and written back
//! (`write`).

pub mod interpret;
pub mod read;
pub mod write;

use std::collections::BTreeMap;

use super::diagnostics::Place;

/// One cell's content, as far as a scenario table cares.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date or time (its text or Excel serial, for messages).
    Date(String),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A formula whose result was never saved in the file (written by a script, not by Excel).
    FormulaWithoutValue(String),
}

/// One sheet of a workbook, or a CSV file: only the filled cells, so a hostile sheet that
/// claims a million rows costs what it holds.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The sheet's name; `None` for a CSV file, whose places are lines and columns.
    pub sheet: Option<String>,
    /// Filled cells by 0-based (row, column).
    pub cells: BTreeMap<(u32, u32), Value>,
    /// Merged ranges, inclusive 0-based (first row, first column, last row, last column).
    pub merged: Vec<(u32, u32, u32, u32)>,
    /// For CSV: the line and character column where each cell starts.
    pub text_places: BTreeMap<(u32, u32), (usize, usize)>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        self.cells.get(&(row, col))
    }

    /// The filled cells of one row, by column.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Value)> {
        self.cells.range((row, 0)..=(row, u32::MAX)).map(|(&(_, c), v)| (c, v))
    }

    /// The rows that have a filled cell, in order.
    pub fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|&(r, _)| r).collect();
        rows.dedup();
        rows
    }

    /// Where a message about a cell points: `sheet!F3` in a workbook, the line and column in
    /// a CSV file.
    pub fn place(&self, row: u32, col: u32) -> Place {
        match &self.sheet {
            Some(sheet) => Place::Cell(cell_name(sheet, row, col)),
            None => {
                // A column past the end of a short record: the record's last field.
                let known = self.text_places.range((row, 0)..=(row, col)).next_back().map(|(_, &p)| p);
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
