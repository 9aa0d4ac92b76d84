//! Messages about input files, each with the file, line and column it concerns.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is loaded and the message says how something was read (a variable matched to
    /// a measure by its name as typed).
    Info,
    /// The file is loaded and the message flags something doubtful.
    Warning,
    /// The file is refused.
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the message concerns the file as a whole.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    /// A spreadsheet's sheet and cell (`data!F3`), where a workbook has no lines; line and
    /// column are then 0.
    pub cell: Option<String>,
    pub severity: Severity,
    pub message: String,
    /// The message in Chinese, for the Chinese window (empty: it has only the English one).
    pub message_zh: String,
}

/// Where in a file a message points: a line and column of text, or a workbook's cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Text(usize, usize),
    Cell(String),
}

impl From<(usize, usize)> for Place {
    fn from((line, col): (usize, usize)) -> Self {
        Place::Text(line, col)
    }
}

impl Diagnostic {
    pub fn new(file: &str, place: impl Into<Place>, severity: Severity, message: impl Into<String>) -> Self {
        let (line, col, cell) = match place.into() {
            Place::Text(line, col) => (line, col, None),
            Place::Cell(cell) => (0, 0, Some(cell)),
        };
        Diagnostic {
            file: escape_controls(file),
            line,
            col,
            cell,
            severity,
            message: tidy(message.into()),
            message_zh: String::new(),
        }
    }

    /// The same message in Chinese, as the Chinese window shows it.
    pub fn zh(mut self, message: impl Into<String>) -> Self {
        self.message_zh = tidy(message.into());
        self
    }

    /// As the window shows it in `lang`: in Chinese with the Chinese message where there is
    /// one (the English one otherwise), its place as in [`fmt::Display`].
    pub fn text_in(&self, lang: crate::i18n::Lang) -> String {
        if lang.is_english() {
            return self.to_string();
        }
        let severity = match self.severity {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        };
        let message = if self.message_zh.is_empty() { &self.message } else { &self.message_zh };
        match &self.cell {
            Some(cell) => format!("{}: {cell}: {severity}：{message}", self.file),
            None if self.line == 0 => format!("{}: {severity}：{message}", self.file),
            None => format!("{}:{}:{}: {severity}：{message}", self.file, self.line, self.col),
        }
    }

    pub fn error(file: &str, place: impl Into<Place>, message: impl Into<String>) -> Self {
        Diagnostic::new(file, place, Severity::Error, message)
    }

    pub fn warning(file: &str, place: impl Into<Place>, message: impl Into<String>) -> Self {
        Diagnostic::new(file, place, Severity::Warning, message)
    }

    pub fn info(file: &str, place: impl Into<Place>, message: impl Into<String>) -> Self {
        Diagnostic::new(file, place, Severity::Info, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match &self.cell {
            Some(cell) => write!(f, "{}: {cell}: {severity}: {}", self.file, self.message),
            // A finding about the file as a whole (its encoding, its size) has no line.
            None if self.line == 0 => write!(f, "{}: {severity}: {}", self.file, self.message),
            None => write!(f, "{}:{}:{}: {severity}: {}", self.file, self.line, self.col, self.message),
        }
    }
}

/// A "did you mean" tail of an English message, in Chinese.
pub fn suggestion_zh(en: &str) -> String {
    if en.is_empty() {
        return String::new();
    }
    if let Some(rest) = en.strip_prefix("; did you mean ") {
        return format!("；是否指 {}？", rest.trim_end_matches('?'));
    }
    "；`plan-explorer indicators` 列出规划的全部指标；也可用 mapping 工作表（CSV 旁的 NAME.mapping.csv）对应名称"
        .to_string()
}

/// Line and column (1-based, column in chars) of byte offset `offset` in `src`.
pub fn position_at(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Panics unless every message's line and column lie inside `src` (line 0 means the file as
/// a whole). Used by the property tests and the fuzz targets.
pub fn check_positions(src: &str, diagnostics: &[Diagnostic]) {
    let lines: Vec<&str> = src.split('\n').collect();
    for d in diagnostics {
        if d.line == 0 {
            continue;
        }
        let line = lines.get(d.line - 1).unwrap_or_else(|| panic!("{d}: line beyond the file's {} lines", lines.len()));
        let width = line.chars().count();
        assert!(d.col >= 1 && d.col <= width + 1, "{d}: column beyond the line's {width} chars");
    }
}

/// At most this many characters of a file's text are quoted in a message: a 100,000-character
/// name would otherwise bury every other message.
pub const MAX_ECHO_CHARS: usize = 80;

/// `text` safe to print on a terminal and in one line of the message panel: control
/// characters shown as escapes (`\u{1b}`), never sent raw, so a name cannot set a terminal's
/// title, clear its screen or forge a line of output.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A message as it is kept: control characters escaped, and each quoted piece of the file's
/// text (between backticks, or “ and ”) cut to [`MAX_ECHO_CHARS`], saying how long it was.
fn tidy(message: String) -> String {
    let message = escape_controls(&message);
    if message.chars().count() <= MAX_ECHO_CHARS {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(4096));
    let mut quoted: Option<(char, usize)> = None;
    let mut cut = false;
    for c in message.chars() {
        match quoted {
            Some((close, n)) if c == close => {
                if cut {
                    out.push_str(&format!("… ({n} characters)"));
                }
                out.push(c);
                quoted = None;
                cut = false;
            }
            Some((close, n)) => {
                if n < MAX_ECHO_CHARS {
                    out.push(c);
                } else {
                    cut = true;
                }
                quoted = Some((close, n + 1));
            }
            None => {
                out.push(c);
                quoted = match c {
                    '`' => Some(('`', 0)),
                    '“' => Some(('”', 0)),
                    _ => None,
                };
            }
        }
    }
    if let Some((_, n)) = quoted.filter(|_| cut) {
        out.push_str(&format!("… ({n} characters)"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_about_the_whole_file_names_no_line() {
        assert_eq!(Diagnostic::error("a.csv", (0, 0), "not UTF-8").to_string(), "a.csv: error: not UTF-8");
        assert_eq!(Diagnostic::warning("a.csv", (4, 2), "x").to_string(), "a.csv:4:2: warning: x");
        assert_eq!(
            Diagnostic::info("a.xlsx", Place::Cell("data!D2".into()), "y").to_string(),
            "a.xlsx: data!D2: info: y"
        );
    }

    #[test]
    fn positions_count_lines_and_chars() {
        let src = "ab\n中文x\n";
        assert_eq!(position_at(src, 0), (1, 1));
        assert_eq!(position_at(src, 3), (2, 1));
        // `x` follows two 3-byte chars: byte 9, column 3.
        assert_eq!(position_at(src, 9), (2, 3));
        // Inside a multi-byte char: the char's own column.
        assert_eq!(position_at(src, 4), (2, 1));
        assert_eq!(position_at(src, 999), (3, 1));
    }
}
