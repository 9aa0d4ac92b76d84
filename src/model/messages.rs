//! The log behind the message panel: what happened to files, errors and warnings, newest last.

use super::diagnostics::{Diagnostic, Severity};

/// A line in the message panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
}

/// The most recent messages; older ones fall off so a noisy file cannot grow it forever.
#[derive(Debug, Default)]
pub struct MessageLog {
    lines: Vec<Message>,
}

const MAX_LINES: usize = 50;

impl MessageLog {
    pub fn push(&mut self, severity: Severity, text: String) {
        self.lines.push(Message { severity, text });
        let excess = self.lines.len().saturating_sub(MAX_LINES);
        self.lines.drain(..excess);
    }

    pub fn info(&mut self, text: String) {
        // The panel has two kinds of line; news that is not an error reads as a warning.
        self.push(Severity::Warning, text);
    }

    pub fn diagnostics(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        for d in diagnostics {
            self.push(d.severity, d.to_string());
        }
    }

    pub fn lines(&self) -> &[Message] {
        &self.lines
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_the_newest_lines() {
        let mut log = MessageLog::default();
        for k in 0..60 {
            log.push(Severity::Error, format!("line {k}"));
        }
        assert_eq!(log.lines().len(), MAX_LINES);
        assert_eq!(log.lines()[0].text, "line 10");
        assert_eq!(log.lines().last().unwrap().text, "line 59");
    }
}
