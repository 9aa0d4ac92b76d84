//! Crash reports: a panic writes the version, message, place and backtrace to the app's
//! data folder and says where; the next start mentions it once.

use std::path::{Path, PathBuf};

/// The marker naming a report the user has not been told about yet.
const UNSEEN: &str = "crash-unseen.txt";

/// The app's data folder (where eframe keeps its state too).
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir("plan-explorer")
}

/// The text of a crash report.
pub fn report(message: &str, location: &str, backtrace: &str) -> String {
    format!(
        "plan-explorer {} crashed\nmessage: {message}\nat: {location}\nos: {} {}\n\nbacktrace:\n{backtrace}\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
    )
}

/// Writes a report into `dir` and marks it unseen; returns its path.
pub fn write_report(dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let path = dir.join(format!("crash-{stamp}.txt"));
    crate::fsutil::write_atomically(&path, text.as_bytes())?;
    crate::fsutil::write_atomically(&dir.join(UNSEEN), path.display().to_string().as_bytes())?;
    Ok(path)
}

/// The report of the last crash the user has not seen, and forgets it (shown once).
pub fn take_unseen(dir: &Path) -> Option<PathBuf> {
    let marker = dir.join(UNSEEN);
    let path = std::fs::read_to_string(&marker).ok()?;
    let _ = std::fs::remove_file(&marker);
    Some(PathBuf::from(path.trim()))
}

/// Installs the panic hook: report first, then the default message.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::force_capture().to_string();
        let text = report(&message, &location, &backtrace);
        match data_dir().map(|dir| write_report(&dir, &text)) {
            Some(Ok(path)) => eprintln!("plan-explorer crashed; a report was written to {}", path.display()),
            _ => eprintln!("plan-explorer crashed and could not write a report:\n{text}"),
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_written_and_mentioned_once() {
        let dir = std::env::temp_dir().join(format!("pe-crash-{}", std::process::id()));
        let text = report("boom", "src/app.rs:1", "frames…");
        assert!(text.starts_with(&format!(
            "plan-explorer {} crashed\nmessage: boom\nat: src/app.rs:1",
            env!("CARGO_PKG_VERSION")
        )));
        let path = write_report(&dir, &text).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert_eq!(take_unseen(&dir), Some(path));
        assert_eq!(take_unseen(&dir), None, "only once");
    }
}
