//! The header row of a sheet: which column holds what (by the names analysts give them, in
//! English or Chinese), the year columns of the wide layout, and the header cells no column
//! is read for, each said at its cell.

use foldhash::HashMap;

use super::cells::{text, year_of};
use super::{HEADER_SEARCH_ROWS, Header, Messages, Role, role_of};
use crate::model::tabular::{Grid, Value};

/// Finds the header row: the first of the top rows with a Variable column (or, in the special
/// sheets, the column that sheet needs).
pub(super) fn find_header(grid: &Grid, needs: Role, msgs: &mut Messages) -> Option<Header> {
    for row in grid.rows().into_iter().take(HEADER_SEARCH_ROWS) {
        let mut roles = HashMap::default();
        let mut years = Vec::new();
        let mut date_headers = Vec::new();
        // Header cells no column is read for: a second column of one role, or a name the
        // reader does not know. Said once the row is known to be the header.
        let mut unread: Vec<(u32, Unread)> = Vec::new();
        for (col, v) in grid.row(row) {
            let written = text(Some(v));
            if let Some(role) = role_of(&written) {
                match roles.get(&role) {
                    // Columns for people may be many.
                    Some(_) if role == Role::Context => {}
                    Some(&first) => unread.push((col, Unread::Second { written, first })),
                    None => {
                        roles.insert(role, col);
                    }
                }
                continue;
            }
            match v {
                Value::Date(_) => date_headers.push(col),
                v => match year_of(v) {
                    Ok(year) => years.push((col, year)),
                    Err(_) if !written.is_empty() => unread.push((col, Unread::Unknown(written))),
                    Err(_) => {}
                },
            }
        }
        // With a measure-id column, that is the variable; the name column is for people.
        if let Some(code) = roles.remove(&Role::Code) {
            roles.insert(Role::Variable, code);
        }
        if roles.contains_key(&needs) {
            for (col, what) in unread {
                what.say(grid, row, col, msgs);
            }
            // A date is never a year (`year_of` says why, with the date).
            for col in date_headers {
                if let Some(Err(message)) = grid.get(row, col).map(year_of) {
                    msgs.error(grid.place(row, col), message);
                }
            }
            let actual_values = roles.get(&Role::Value).is_some_and(|&c| {
                let written = text(grid.get(row, c)).to_lowercase();
                super::ACTUAL_VALUE_HEADERS.contains(&written.as_str())
            });
            return Some(Header { row, roles, years, actual_values });
        }
    }
    None
}

/// A header cell whose column is not read.
enum Unread {
    /// A second column of a role (two Variable columns): only the first would be read.
    Second { written: String, first: u32 },
    /// A name that is no column the reader knows (nor a year).
    Unknown(String),
}

impl Unread {
    fn say(self, grid: &Grid, row: u32, col: u32, msgs: &mut Messages) {
        let column = |c: u32| match grid.sheet {
            Some(_) => format!("column {}", crate::model::tabular::column_letters(c)),
            None => format!("field {}", c + 1),
        };
        let column_zh = |c: u32| match grid.sheet {
            Some(_) => format!("第 {} 列", crate::model::tabular::column_letters(c)),
            None => format!("第 {} 个字段", c + 1),
        };
        match self {
            Unread::Second { written, first } => msgs.error_zh(
                grid.place(row, col),
                format!(
                    "a second `{written}` column: {} is the first, and a table has one; remove or rename one",
                    column(first)
                ),
                format!("第二个 `{written}` 列：{} 已是此列，一张表只能有一个；请删去或改名其一", column_zh(first)),
            ),
            Unread::Unknown(written) => msgs.warning_zh(
                grid.place(row, col),
                format!(
                    "column `{written}` is not read: it is no column the reader knows (Model, Scenario, Region, \
                     Variable, Unit, Kind, Label, Source, Note, Year, Value, a year …)"
                ),
                format!("`{written}` 列未读取：不是可识别的列名（模型、情景、地区、指标、单位、类型、标签、来源、备注、年份、数值、某一年份……）"),
            ),
        }
    }
}
