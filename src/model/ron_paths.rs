//! Where each value of a RON text is written, by its path from the top — `nodes[3].id`,
//! `series[2].points[5].year` — found in one pass over the text, whatever its layout:
//! pretty or compact, raw strings, escapes, comments. ron itself reports positions only for
//! syntax errors; validation messages about well-formed files take theirs from here.
//!
//! A struct field's position is that of its name (`id` in `id: "x"`), a list element's that
//! of its first character. Lines and columns come from a table of line starts, so looking
//! up thousands of positions costs a binary search each, not a rescan of the file.

use std::collections::HashMap;

use super::diagnostics::position_at;

/// Nesting deeper than this is not indexed (ron refuses it anyway).
const MAX_DEPTH: usize = 256;

pub struct RonPaths<'a> {
    src: &'a str,
    starts: HashMap<String, usize>,
    line_starts: Vec<usize>,
}

impl<'a> RonPaths<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut scanner = Scanner { src: src.as_bytes(), at: 0, starts: HashMap::new() };
        let mut path = String::new();
        scanner.value(&mut path, 0);
        let line_starts = std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect();
        RonPaths { src, starts: scanner.starts, line_starts }
    }

    /// Byte offset where the value at `path` is written.
    pub fn offset(&self, path: &str) -> Option<usize> {
        self.starts.get(path).copied()
    }

    /// Line and column (1-based, column in chars) of the value at `path`.
    pub fn position(&self, path: &str) -> Option<(usize, usize)> {
        self.offset(path).map(|o| self.position_at(o))
    }

    /// Line and column of byte `offset`: the line found by binary search, the column counted
    /// within it as [`position_at`] counts it.
    pub fn position_at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let (_, col) = position_at(self.src.get(start..).unwrap_or_default(), offset - start);
        (line, col)
    }
}

/// Positions for messages about a text, indexed when the first one is asked for (a valid
/// file with nothing to say is never indexed).
pub struct Positions<'a> {
    src: &'a str,
    paths: std::cell::OnceCell<RonPaths<'a>>,
}

impl<'a> Positions<'a> {
    pub fn new(src: &'a str) -> Self {
        Positions { src, paths: std::cell::OnceCell::new() }
    }

    /// Line and column of the value at `path`, or of the nearest enclosing value written in
    /// the file (a field left to its default has no place of its own).
    pub fn of(&self, path: &str) -> (usize, usize) {
        let paths = self.paths.get_or_init(|| RonPaths::new(self.src));
        let mut path = path;
        loop {
            if let Some(position) = paths.position(path) {
                return position;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return (1, 1),
            }
        }
    }
}

struct Scanner<'s> {
    src: &'s [u8],
    at: usize,
    starts: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.at).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.src.get(self.at + k).copied()
    }

    /// Skips white space and comments (`//…`, nested `/* … */`).
    fn skip_blank(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.at += 2;
                    let mut depth = 1;
                    while depth > 0 && self.at < self.src.len() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some(b'/'), Some(b'*')) => (depth, self.at) = (depth + 1, self.at + 2),
                            (Some(b'*'), Some(b'/')) => (depth, self.at) = (depth - 1, self.at + 2),
                            _ => self.at += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> Option<&str> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.at += 1;
        }
        std::str::from_utf8(self.src.get(start..self.at)?).ok().filter(|s| !s.is_empty())
    }

    /// Skips a string literal: `"…"` with escapes, or raw `r"…"`, `r#"…"#`.
    fn string(&mut self) {
        if self.peek() == Some(b'r') {
            self.at += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.at += 1;
            }
            self.at += 1; // the opening quote
            while self.at < self.src.len() {
                if self.peek() == Some(b'"') && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                    self.at += 1 + hashes;
                    return;
                }
                self.at += 1;
            }
            return;
        }
        let quote = self.peek();
        self.at += 1;
        while let Some(c) = self.peek() {
            self.at += 1;
            if c == b'\\' {
                self.at += 1;
            } else if Some(c) == quote {
                return;
            }
        }
    }

    /// One value at `path`, recording where it and everything inside it start.
    fn value(&mut self, path: &mut String, depth: usize) {
        self.skip_blank();
        self.starts.entry(path.clone()).or_insert(self.at);
        match self.peek() {
            Some(b'(') => self.items(b')', path, depth, true),
            Some(b'[') => self.items(b']', path, depth, false),
            Some(b'{') => self.items(b'}', path, depth, false),
            Some(b'"') | Some(b'\'') => self.string(),
            Some(b'r') if matches!(self.peek_at(1), Some(b'"') | Some(b'#')) => self.string(),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident();
                self.skip_blank();
                // A named struct, an enum variant with data, or `Some(…)`: same path inside.
                if self.peek() == Some(b'(') {
                    self.items(b')', path, depth, true);
                }
            }
            Some(_) => {
                while self.peek().is_some_and(|c| !matches!(c, b',' | b')' | b']' | b'}') && !c.is_ascii_whitespace()) {
                    self.at += 1;
                }
            }
            None => {}
        }
    }

    /// The items of a struct, tuple, list or map up to `close`. In parentheses an item
    /// `name: value` is a field (`path.name`); any other item is the `k`-th element
    /// (`path[k]`), except a lone element in parentheses (`Some(x)`), which keeps `path`.
    fn items(&mut self, close: u8, path: &mut String, depth: usize, parens: bool) {
        if depth >= MAX_DEPTH {
            self.skip_nested();
            return;
        }
        self.at += 1;
        let base = path.len();
        let mut k = 0;
        loop {
            self.skip_blank();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.at += 1;
                    return;
                }
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.at;
            if let Some(name) = self.field_name() {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&name);
                self.starts.entry(path.clone()).or_insert(before);
                self.value(path, depth + 1);
            } else {
                let lone = parens && k == 0 && self.lone_item(close);
                if !lone {
                    path.push_str(&format!("[{k}]"));
                }
                self.value(path, depth + 1);
                if close == b'}' {
                    // A map: skip `: value` after the key.
                    self.skip_blank();
                    if self.peek() == Some(b':') {
                        self.at += 1;
                        self.value(&mut String::new(), depth + 1);
                    }
                }
            }
            path.truncate(base);
            k += 1;
            if self.at == before {
                // Nothing understood: step over one byte rather than loop.
                self.at += 1;
            }
        }
    }

    /// Skips a bracketed value without looking inside (past the nesting that is indexed),
    /// counting brackets iteratively so that no depth can exhaust the stack.
    fn skip_nested(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.at += 1;
                }
                b')' | b']' | b'}' => {
                    self.at += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'"' | b'\'' => self.string(),
                b'/' if matches!(self.peek_at(1), Some(b'/') | Some(b'*')) => self.skip_blank(),
                _ => self.at += 1,
            }
        }
    }

    /// `name:` (not `name::`) at the cursor: consumes it and returns the name.
    fn field_name(&mut self) -> Option<String> {
        let start = self.at;
        let name = self.ident().map(str::to_string);
        self.skip_blank();
        if let Some(name) = name
            && self.peek() == Some(b':')
            && self.peek_at(1) != Some(b':')
        {
            self.at += 1;
            return Some(name);
        }
        self.at = start;
        None
    }

    /// Whether the parenthesis holds a single item (looking ahead without recording).
    fn lone_item(&mut self, close: u8) -> bool {
        let (start, saved) = (self.at, std::mem::take(&mut self.starts));
        // Looked at as if past the indexed depth: skipped, not recorded.
        self.value(&mut String::new(), MAX_DEPTH);
        self.skip_blank();
        let lone = self.peek() == Some(close)
            || (self.peek() == Some(b',') && {
                self.at += 1;
                self.skip_blank();
                self.peek() == Some(close)
            });
        self.at = start;
        self.starts = saved;
        lone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_and_compact_texts_give_each_field_its_place() {
        let pretty = "(\n  series: [\n    (\n      id: \"a\",\n      points: [\n        (year: 2016, value: 1.0),\n        (year: 2017, value: 2.0),\n      ],\n    ),\n  ],\n)";
        let paths = RonPaths::new(pretty);
        assert_eq!(paths.position("series[0].id"), Some((4, 7)));
        assert_eq!(paths.position("series[0].points[1].year"), Some((7, 10)));
        assert_eq!(paths.position("series[0].points[1].value"), Some((7, 22)));
        let compact = r#"(series:[(id:"a",points:[(year:2016,value:1.0),(year:2017,value:2.0)])])"#;
        let paths = RonPaths::new(compact);
        assert_eq!(paths.offset("series[0].points[1].year"), compact.find("year:2017"));
    }

    #[test]
    fn strings_comments_and_options_do_not_mislead_it() {
        let src = r##"(
  // nodes: [ "not a list" ]
  a: "x, ]) \" y",
  /* b: 1, /* nested */ */ b: r#"raw "quoted" ) "#,
  c: Some((d: 1)),
  e: [Projection, Target(2)],
  '中': 1,
)"##;
        let paths = RonPaths::new(src);
        assert_eq!(paths.position("a"), Some((3, 3)));
        assert_eq!(paths.position("b"), Some((4, 28)));
        assert_eq!(paths.position("c.d"), Some((5, 12)));
        assert_eq!(paths.position("e[1]"), Some((6, 19)));
        assert!(paths.offset("nodes").is_none());
    }

    #[test]
    fn hostile_texts_end_without_panicking() {
        for src in ["", "(", "((((", "[\"unterminated", "r##\"x", "(a: /* open", "(a:: b, :, ::)", "}}]])"] {
            let _ = RonPaths::new(src).position("a");
        }
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let _ = RonPaths::new(&deep);
    }
}
