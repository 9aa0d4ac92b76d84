//! The log behind the message panel: what happened to files, errors and warnings, newest last.
//! Each file has a quota of lines, so one noisy file can never push another file's refusal
//! out of sight; what a file's quota hides is counted and said.

use super::diagnostics::{Diagnostic, Severity};

/// A line in the message panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
    /// The text in Chinese, where it differs (a file's message that has a Chinese version).
    pub text_zh: Option<String>,
    /// The file it is about (empty for the app's own news, such as "exported").
    pub file: String,
}

#[derive(Debug, Default)]
pub struct MessageLog {
    lines: Vec<Message>,
    /// Per file, how many of its messages its quota hid.
    hidden: Vec<(String, usize)>,
}

/// Lines kept per file (and for the app's own news).
const PER_FILE: usize = 50;
/// Lines kept in all: the oldest go first once this many files have spoken.
const MAX_LINES: usize = 2_000;

impl Message {
    /// The line as the window shows it in `lang`.
    pub fn text_in(&self, lang: crate::i18n::Lang) -> &str {
        match (&self.text_zh, lang) {
            (Some(zh), crate::i18n::Lang::Zh) => zh,
            _ => &self.text,
        }
    }
}

impl MessageLog {
    /// A message about `file`.
    pub fn push_about(&mut self, file: &str, severity: Severity, text: String) {
        let shown = self.lines.iter().filter(|m| m.file == file).count();
        if shown >= PER_FILE {
            match self.hidden.iter_mut().find(|(f, _)| f == file) {
                Some((_, n)) => *n += 1,
                None => self.hidden.push((file.to_string(), 1)),
            }
            return;
        }
        self.lines.push(Message { severity, text, text_zh: None, file: file.to_string() });
        let excess = self.lines.len().saturating_sub(MAX_LINES);
        self.lines.drain(..excess);
    }

    /// The app's own message (an export, a failed write).
    pub fn push(&mut self, severity: Severity, text: String) {
        self.push_about("", severity, text);
    }

    pub fn info(&mut self, text: String) {
        // The panel has two kinds of line; news that is not an error reads as a warning.
        self.push(Severity::Warning, text);
    }

    /// A file's diagnostics. They replace what was said about that file before: the panel
    /// shows each file's latest outcome.
    pub fn diagnostics(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        let mut cleared: Vec<String> = Vec::new();
        for d in diagnostics {
            if !cleared.contains(&d.file) {
                self.forget(&d.file);
                cleared.push(d.file.clone());
            }
            self.push_about(&d.file.clone(), d.severity, d.to_string());
            // A line over the file's quota was not kept: only a kept line gets its Chinese.
            if let Some(last) = self.lines.last_mut().filter(|m| m.file == d.file && m.text_zh.is_none()) {
                last.text_zh = Some(d.text_in(crate::i18n::Lang::Zh));
            }
        }
    }

    /// Drops what was said about `file` (it is being loaded again).
    pub fn forget(&mut self, file: &str) {
        self.lines.retain(|m| m.file != file);
        self.hidden.retain(|(f, _)| f != file);
    }

    pub fn lines(&self) -> &[Message] {
        &self.lines
    }

    /// Per file, how many messages were not kept.
    pub fn hidden(&self) -> &[(String, usize)] {
        &self.hidden
    }

    pub fn clear(&mut self) {
        self.lines.clear();
        self.hidden.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_noisy_file_cannot_push_another_files_refusal_out() {
        let mut log = MessageLog::default();
        log.push_about("quiet.ron", Severity::Error, "quiet.ron:1:1: error: refused".into());
        for k in 0..500 {
            log.push_about("noisy.ron", Severity::Warning, format!("noisy.ron:{k}:1: warning"));
        }
        assert!(log.lines().iter().any(|m| m.text == "quiet.ron:1:1: error: refused"));
        assert_eq!(log.lines().iter().filter(|m| m.file == "noisy.ron").count(), PER_FILE);
        assert_eq!(log.hidden(), [("noisy.ron".to_string(), 450)]);
    }

    #[test]
    fn a_files_new_outcome_replaces_its_old_one() {
        let mut log = MessageLog::default();
        let d = |line: usize| Diagnostic::error("a.ron", (line, 1), "bad");
        log.diagnostics([d(1), d(2)]);
        log.diagnostics([d(3)]);
        let texts: Vec<&str> = log.lines().iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["a.ron:3:1: error: bad"]);
    }
}
