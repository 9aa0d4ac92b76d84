//! The fill-in workbook (填报表) as a person handles it: its cells read by column name, and
//! the workbook saved again with what they typed, as a spreadsheet program saves it.

use std::path::Path;

use plan_explorer::model::evaluation::template::TEMPLATE_SHEET;
use plan_explorer::model::tabular::read::{TableFormat, read_grids};
use plan_explorer::model::tabular::{Grid, Value};
use rust_xlsxwriter::Workbook;

pub fn sheet(path: &Path) -> Grid {
    let bytes = std::fs::read(path).unwrap();
    let (grids, _) = read_grids(&bytes, TableFormat::Xlsx, "填报表.xlsx").expect("a workbook");
    grids.into_iter().find(|g| g.sheet.as_deref() == Some(TEMPLATE_SHEET)).expect("the 填报表 sheet")
}

pub fn text(grid: &Grid, row: u32, col: u32) -> String {
    match grid.get(row, col) {
        Some(Value::Text(t)) => t.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The header's columns by name, and the row of each measure id.
pub struct Layout {
    pub header: u32,
    cols: Vec<(String, u32)>,
}

impl Layout {
    pub fn of(grid: &Grid) -> Layout {
        let header = grid.rows().into_iter().find(|&r| text(grid, r, 1) == "指标代码").expect("a header row");
        let cols = grid.row(header).map(|(c, _)| (text(grid, header, c), c)).collect();
        Layout { header, cols }
    }

    pub fn col(&self, name: &str) -> u32 {
        self.cols.iter().find(|(n, _)| n == name).map(|(_, c)| *c).unwrap_or_else(|| panic!("no column {name}"))
    }

    pub fn row_of(&self, grid: &Grid, measure: &str) -> u32 {
        let code = self.col("指标代码");
        grid.rows().into_iter().filter(|&r| r > self.header).find(|&r| text(grid, r, code) == measure).expect(measure)
    }
}

/// Saves the workbook again with `edits` typed into the 填报表 sheet, as a spreadsheet program
/// saves what a person typed (every other cell, and the other sheets, kept).
pub fn fill_in(path: &Path, out: &Path, edits: &[(u32, u32, Value)]) {
    let bytes = std::fs::read(path).unwrap();
    let (grids, _) = read_grids(&bytes, TableFormat::Xlsx, "填报表.xlsx").unwrap();
    let mut book = Workbook::new();
    for mut grid in grids {
        let name = grid.sheet.clone().unwrap();
        if name == TEMPLATE_SHEET {
            for (r, c, v) in edits {
                grid.insert(*r, *c, v.clone());
            }
        }
        let sheet = book.add_worksheet().set_name(&name).unwrap();
        for r in grid.rows() {
            for (c, v) in grid.row(r) {
                let c = u16::try_from(c).unwrap();
                match v {
                    Value::Text(t) if t.is_empty() => {}
                    Value::Text(t) => {
                        sheet.write_string(r, c, t).unwrap();
                    }
                    Value::Number(n) => {
                        sheet.write_number(r, c, *n).unwrap();
                    }
                    other => panic!("unexpected cell {other:?}"),
                }
            }
        }
    }
    book.save(out).unwrap();
}

pub fn letters(col: u32) -> String {
    plan_explorer::model::tabular::column_letters(col)
}
