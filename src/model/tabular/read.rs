//! Reading workbooks (`.xlsx`, `.xls`, `.ods`, through calamine) and CSV files into grids of
//! filled cells. Hostile files are bounded: the file size (the loader's limit), the declared
//! unpacked size of a zip-based workbook (a zip bomb is refused before it is unpacked), and the
//! number of filled cells.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx};

use super::encoding::decode_csv;
use super::sniff::{Content, format_name, looks_like_csv, sniff};
use super::{Grid, Value};
use crate::model::diagnostics::{Diagnostic, position_at};

/// More filled cells than this is not a scenario table (the shipped actuals are ~3,000).
pub const MAX_CELLS: usize = 2_000_000;
/// A zip-based workbook that unpacks to more than this is refused before it is unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
/// An xlsx's shared strings (every distinct text of its cells) unpacking to more than this is
/// refused before they are read: a table's names, regions and sources are a few MB at most.
pub const MAX_SHARED_TEXT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
    Xls,
    Ods,
}

/// The table format a file's extension names, if any (RON files are not tables).
pub fn table_format(path: &Path) -> Option<TableFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "csv" | "tsv" => TableFormat::Csv,
        "xlsx" | "xlsm" => TableFormat::Xlsx,
        "xls" => TableFormat::Xls,
        "ods" => TableFormat::Ods,
        _ => return None,
    })
}

/// The grids of a workbook's sheets, in workbook order, or a CSV file's one grid. The file is
/// read as what its content is (see [`super::sniff`]); where that is not what its name says,
/// an info message says so.
pub fn read_grids(bytes: &[u8], format: TableFormat, file: &str) -> Result<(Vec<Grid>, Vec<Diagnostic>), Diagnostic> {
    read_grids_as(bytes, Some(format), file)
}

/// [`read_grids`] for a file whose name gives no table format (`None`).
pub fn read_grids_as(
    bytes: &[u8],
    named: Option<TableFormat>,
    file: &str,
) -> Result<(Vec<Grid>, Vec<Diagnostic>), Diagnostic> {
    let format = read_as(bytes, named, file)?;
    let note = (Some(format) != named).then(|| {
        let what = format_name(format);
        let (said, said_zh) = match named {
            Some(n) => {
                (format!("though its name says {}", format_name(n)), format!("虽然文件名表明是 {}", format_name(n)))
            }
            None => ("though its name gives no table format".to_string(), "虽然文件名没有表格格式的扩展名".to_string()),
        };
        Diagnostic::info(file, (0, 0), format!("the file is {} {what} table, {said}: read as {what}", article(what)))
            .zh(format!("此文件实为 {what} 表格，{said_zh}：已按 {what} 读取"))
    });
    let (grids, mut notes) = read_format(bytes, format, file)?;
    notes.splice(0..0, note);
    Ok((grids, notes))
}

fn article(what: &str) -> &'static str {
    if what.starts_with(['x', 'o']) { "an" } else { "a" }
}

/// The format to read `bytes` as, or what they are when no table: its content decides, its
/// name only where the content is text.
fn read_as(bytes: &[u8], named: Option<TableFormat>, file: &str) -> Result<TableFormat, Diagnostic> {
    let refuse = |en: &str, zh: &str| Err(Diagnostic::error(file, (0, 0), en).zh(zh));
    match sniff(bytes) {
        Content::Table(format) => Ok(format),
        Content::Encrypted => refuse(
            "a password-protected workbook: it cannot be read without its password; save a copy without one (in Excel: File ▸ Info ▸ Protect Workbook ▸ Encrypt with Password, cleared) and open that",
            "这是设有密码保护的工作簿，没有密码无法读取；请另存一份不设密码的副本（Excel：文件 ▸ 信息 ▸ 保护工作簿 ▸ 用密码进行加密，清空密码）再打开",
        ),
        Content::WordDocument => refuse(
            "a Word document, not a spreadsheet: copy its table into Excel or LibreOffice Calc and save it as .xlsx or .csv",
            "这是 Word 文档，不是电子表格：请把其中的表格复制到 Excel 或 LibreOffice Calc，另存为 .xlsx 或 .csv",
        ),
        Content::Pdf => refuse(
            "a PDF, not a spreadsheet: copy its table into Excel or LibreOffice Calc and save it as .xlsx or .csv",
            "这是 PDF，不是电子表格：请把其中的表格复制到 Excel 或 LibreOffice Calc，另存为 .xlsx 或 .csv",
        ),
        Content::OtherContainer => refuse(
            "not a workbook: a zip or OLE file of another program, or a damaged workbook; open it in Excel or LibreOffice and save it again as .xlsx",
            "不是工作簿：是其他程序的 zip 或 OLE 文件，或已损坏的工作簿；请用 Excel 或 LibreOffice 打开并另存为 .xlsx",
        ),
        Content::Text => match named {
            Some(TableFormat::Csv) => Ok(TableFormat::Csv),
            _ if looks_like_csv(bytes) => Ok(TableFormat::Csv),
            _ => refuse(
                "a text document, not a spreadsheet (and no CSV table: its first line has no comma, tab or semicolon)",
                "这是文本文件，不是电子表格（也不是 CSV 表格：首行没有逗号、制表符或分号）",
            ),
        },
    }
}

fn read_format(bytes: &[u8], format: TableFormat, file: &str) -> Result<(Vec<Grid>, Vec<Diagnostic>), Diagnostic> {
    // calamine is well tested, but a panic on a hostile file must not take the loader's
    // thread (and the answer the window waits for) with it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match format {
        TableFormat::Csv => read_csv(bytes, file),
        TableFormat::Xlsx => {
            check_unpacked_size(bytes, file)?;
            read_xlsx(bytes, file).map(|g| (g, Vec::new()))
        }
        TableFormat::Xls => {
            let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(file, &e))?;
            let mut grids = read_dense(&mut book, file)?;
            for grid in &mut grids {
                let name = grid.sheet.clone().unwrap_or_default();
                grid.merged = book.merge_cells_by_sheet_name(&name).map(|d| spans(&d)).unwrap_or_default();
            }
            Ok((grids, Vec::new()))
        }
        TableFormat::Ods => {
            check_unpacked_size(bytes, file)?;
            let mut book = Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(file, &e))?;
            read_dense(&mut book, file).map(|g| (g, Vec::new()))
        }
    }));
    result
        .unwrap_or_else(|_| Err(Diagnostic::error(file, (0, 0), "the workbook could not be read (the reader failed)")))
}

fn unreadable(file: &str, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(file, (0, 0), format!("cannot read the workbook: {e}")).zh(format!("无法读取工作簿：{e}"))
}

fn too_many_cells(file: &str, sheet: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        (0, 0),
        format!("sheet `{sheet}` has more than {MAX_CELLS} filled cells: too large for a scenario table"),
    )
}

/// Refuses a zip whose entries declare more than [`MAX_UNPACKED_BYTES`] unpacked.
fn check_unpacked_size(bytes: &[u8], file: &str) -> Result<(), Diagnostic> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Diagnostic::error(file, (0, 0), format!("not a workbook (a damaged or foreign zip file): {e}"))
            .zh(format!("不是工作簿（zip 文件已损坏或并非工作簿）：{e}"))
    })?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| unreadable(file, &e))?;
        total = total.saturating_add(entry.size());
        // The shared text is read whole before any sheet: a bomb of it under the total's
        // limit took 800 MB of memory.
        if entry.name().is_ok_and(|n| n == "xl/sharedStrings.xml") && entry.size() > MAX_SHARED_TEXT_BYTES {
            return Err(Diagnostic::error(
                file,
                (0, 0),
                format!(
                    "the workbook's shared text unpacks to {} MB, more than the {} MB a scenario table's names and sources take",
                    entry.size() / 1_000_000,
                    MAX_SHARED_TEXT_BYTES / 1_000_000
                ),
            )
            .zh(format!(
                "工作簿的共享文本解压后为 {} MB，超过情景表的名称与来源所需的 {} MB",
                entry.size() / 1_000_000,
                MAX_SHARED_TEXT_BYTES / 1_000_000
            )));
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(Diagnostic::error(
            file,
            (0, 0),
            format!(
                "the workbook unpacks to {} MB, more than the {} MB a scenario table may take",
                total / 1_000_000,
                MAX_UNPACKED_BYTES / 1_000_000
            ),
        ));
    }
    Ok(())
}

/// An xlsx read cell by cell: only filled cells are kept, so a sheet whose one cell sits at
/// XFD1048576 costs one cell, and a formula's missing saved value is seen.
fn read_xlsx(bytes: &[u8], file: &str) -> Result<Vec<Grid>, Diagnostic> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(file, &e))?;
    let mut grids = Vec::new();
    let mut total = 0usize;
    for name in book.sheet_names() {
        let mut grid = Grid { sheet: Some(name.clone()), ..Grid::default() };
        // Merged ranges are only a check: a sheet whose merge list cannot be read still loads.
        grid.merged = book.merge_cells_by_sheet_name(&name).map(|d| spans(&d)).unwrap_or_default();
        let percent = percent_cells(&mut book, &name, file)?;
        let mut cells = book.worksheet_cells_reader(&name).map_err(|e| unreadable(file, &e))?;
        while let Some(cell) = cells.next_cell_with_formula().map_err(|e| unreadable(file, &e))? {
            let value = match (from_data_ref(cell.value), cell.formula) {
                (Some(Value::Number(n)), _) if percent.contains(&cell.pos) => Value::Percent(n),
                (Some(v), _) => v,
                (None, Some(f)) if !f.is_empty() => Value::FormulaWithoutValue(format!("={f}")),
                (None, _) => continue,
            };
            total += 1;
            if total > MAX_CELLS {
                return Err(too_many_cells(file, &name));
            }
            grid.insert(cell.pos.0, cell.pos.1, value);
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// The cells of sheet `name` formatted as percentages (`0%`, `0.00%`, a custom `0.0%`): their
/// stored value is the fraction, the number the sheet shows is a hundred times it. The sheet
/// is read a second time only when the workbook has such a format at all.
fn percent_cells(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    file: &str,
) -> Result<std::collections::HashSet<(u32, u32)>, Diagnostic> {
    let mut cells = book.worksheet_cells_reader(name).map_err(|e| unreadable(file, &e))?;
    let percent_styles: Vec<bool> = cells
        .styles()
        .iter()
        .map(|style| style.number_format.as_ref().is_some_and(|f| is_percent_format(&f.format_code)))
        .collect();
    let mut found = std::collections::HashSet::new();
    if !percent_styles.contains(&true) {
        return Ok(found);
    }
    let mut total = 0usize;
    while let Some((row, col, style)) = cells.next_style_id().map_err(|e| unreadable(file, &e))? {
        total += 1;
        if total > MAX_CELLS {
            return Err(too_many_cells(file, name));
        }
        if percent_styles.get(style).copied().unwrap_or(false) {
            found.insert((row, col));
        }
    }
    Ok(found)
}

/// A number format that shows its number as a percentage: a `%` outside quoted text and not
/// escaped (`0.0%`, but not `0.0"%"` or `0.0\%`, which print a sign after the plain number).
fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                chars.next();
            }
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// xls and ods through calamine's whole-sheet ranges (their formats bound a sheet's size:
/// xls to 65,536 × 256 cells; calamine caps ods at 100 million).
fn read_dense<R, B>(book: &mut B, file: &str) -> Result<Vec<Grid>, Diagnostic>
where
    R: std::io::Read + std::io::Seek,
    B: Reader<R>,
    B::Error: std::fmt::Display,
{
    let mut grids = Vec::new();
    let mut total = 0usize;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| unreadable(file, &e))?;
        let mut grid = Grid { sheet: Some(name.clone()), ..Grid::default() };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let Some(value) = from_data(v) else { continue };
            total += 1;
            if total > MAX_CELLS {
                return Err(too_many_cells(file, &name));
            }
            let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else { continue };
            grid.insert(r0.saturating_add(r), c0.saturating_add(c), value);
        }
        grids.push(grid);
    }
    Ok(grids)
}

fn spans(dimensions: &[calamine::Dimensions]) -> Vec<(u32, u32, u32, u32)> {
    dimensions.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect()
}

fn from_data(v: &Data) -> Option<Value> {
    Some(match v {
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => Value::Text(s.clone()),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => Value::Date(serial_date(d.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Date(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
        Data::Empty => return None,
    })
}

fn from_data_ref(v: DataRef<'_>) -> Option<Value> {
    Some(match v {
        DataRef::Int(i) => Value::Number(i as f64),
        DataRef::Float(f) => Value::Number(f),
        DataRef::String(s) => Value::Text(s),
        DataRef::SharedString(s) => Value::Text(s.to_string()),
        DataRef::Bool(b) => Value::Bool(b),
        DataRef::DateTime(d) => Value::Date(serial_date(d.as_f64())),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Date(s),
        DataRef::Error(e) => Value::Error(e.to_string()),
        DataRef::Empty => return None,
    })
}

/// An Excel date serial as the date it shows (days since 1899-12-30), for messages.
fn serial_date(serial: f64) -> String {
    if !(1.0..2_958_466.0).contains(&serial) {
        return format!("date serial {serial}");
    }
    // Howard Hinnant's days-to-civil, from 1970-01-01 (serial 25569).
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The delimiter the header line uses most: comma, tab or semicolon.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b'\t', count('\t')), (b';', count(';'))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// Byte offsets where each field of the record starting at `start` begins, quote-aware as
/// the csv crate is: a quote opens a quoted field only at the field's start (`12" plan` is
/// text), and `""` inside one is a quote (a record's positions are all the crate gives).
/// Also where a quote that is never closed opens (the rest of the file would be one field).
fn field_starts_and_open_quote(text: &str, start: usize, delimiter: u8) -> (Vec<usize>, Option<usize>) {
    let bytes = text.as_bytes();
    let mut starts = vec![start];
    let mut opened = 0;
    let mut quoted = false;
    let mut field_start = true;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            // `""` inside a quoted field is one quote; a lone one ends the quoting.
            b'"' if quoted && bytes.get(i + 1) == Some(&b'"') => i += 1,
            b'"' if quoted => quoted = false,
            b'"' if field_start => {
                quoted = true;
                opened = i;
            }
            b'\n' if !quoted => break,
            d if d == delimiter && !quoted => {
                starts.push(i + 1);
                field_start = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        field_start = false;
        i += 1;
    }
    (starts, quoted.then_some(opened))
}

/// A line and character column, moved forward through the text.
struct TextCursor {
    offset: usize,
    line: usize,
    col: usize,
}

impl TextCursor {
    fn advance(&mut self, text: &str, to: usize) {
        if to <= self.offset {
            return;
        }
        for c in text.get(self.offset..to).unwrap_or("").chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.offset = to;
    }
}

fn read_csv(bytes: &[u8], file: &str) -> Result<(Vec<Grid>, Vec<Diagnostic>), Diagnostic> {
    let (text, warnings) = decode_csv(bytes, file)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut record = csv::StringRecord::new();
    let mut row = 0u32;
    loop {
        let position = reader.position().clone();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or((0, 0), |p| position_at(&text, p.byte() as usize));
                return Err(
                    Diagnostic::error(file, at, format!("not a CSV table: {e}")).zh(format!("不是 CSV 表格：{e}"))
                );
            }
        }
        let start = record.position().map_or(position.byte(), csv::Position::byte) as usize;
        let line = record.position().map_or(position.line(), csv::Position::line) as usize;
        let (starts, open_quote) = field_starts_and_open_quote(&text, start, delimiter);
        if let Some(at) = open_quote {
            let lines = text.get(at..).map_or(0, |rest| rest.lines().count());
            return Err(Diagnostic::error(
                file,
                position_at(&text, at),
                format!("a quote opened here is never closed: the rest of the file ({lines} lines) would be one cell; close the quote or remove it"),
            )
            .zh(format!("此处的引号没有闭合：文件其余部分（{lines} 行）会成为一个单元格；请补上或删去引号")));
        }
        // Lines and columns are counted forward from the record's start, field by field: one
        // pass over the record, however long the file.
        let mut cursor = TextCursor { offset: start, line, col: 1 };
        for (col, field) in record.iter().enumerate() {
            let offset = starts.get(col).copied().unwrap_or(start);
            cursor.advance(&text, offset);
            let col = u32::try_from(col).unwrap_or(u32::MAX);
            // Empty fields have places too: "no variable here" points at the empty cell.
            grid.set_text_place(row, col, (cursor.line, cursor.col));
            if field.trim().is_empty() {
                continue;
            }
            if grid.len() >= MAX_CELLS {
                return Err(too_many_cells(file, "CSV"));
            }
            // Our CSV exports guard text that a spreadsheet would run as a formula with a `'`.
            let field = match field.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
                _ => field,
            };
            grid.insert(row, col, Value::Text(field.to_string()));
        }
        row = row.saturating_add(1);
    }
    Ok((vec![grid], warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_date_serials_read_as_the_dates_excel_shows() {
        assert_eq!(serial_date(43_831.0), "2020-01-01");
        assert_eq!(serial_date(25_569.0), "1970-01-01");
        assert_eq!(serial_date(44_561.5), "2021-12-31");
        assert_eq!(serial_date(-3.0), "date serial -3");
    }

    #[test]
    fn the_delimiter_is_the_one_the_header_uses() {
        assert_eq!(sniff_delimiter("Model,Scenario,Region\n"), b',');
        assert_eq!(sniff_delimiter("Model\tScenario\tRegion\n"), b'\t');
        assert_eq!(sniff_delimiter("Model;Scenario;Region\n"), b';');
        assert_eq!(sniff_delimiter("Variable\n"), b',');
    }

    #[test]
    fn field_starts_skip_delimiters_inside_quotes() {
        let text = "a,\"b,c\",d\nx,y";
        assert_eq!(field_starts_and_open_quote(text, 0, b',').0, vec![0, 2, 8]);
        assert_eq!(field_starts_and_open_quote(text, 10, b',').0, vec![10, 12]);
        // A quote inside an unquoted field is text; a doubled quote inside a quoted one too.
        assert_eq!(field_starts_and_open_quote("12\" plan,b,c", 0, b',').0, vec![0, 9, 11]);
        assert_eq!(field_starts_and_open_quote("\"say \"\"hi\"\", x\",b", 0, b',').0, vec![0, 16]);
    }
}
