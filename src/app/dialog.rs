//! The system's save dialog (另存为), run on its own thread as the open dialog is: it blocks
//! while open, and the window must keep drawing.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// As for the open dialog: a None this quick means no dialog was shown, not a cancel.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// What a finished save dialog gave.
#[derive(Debug, PartialEq)]
pub enum Saved {
    Picked(PathBuf),
    Cancelled,
    /// No dialog could be shown (no portal or zenity).
    NoDialog,
}

#[derive(Default)]
pub struct SaveDialog {
    pending: Option<(Receiver<Option<PathBuf>>, Instant)>,
}

impl SaveDialog {
    /// Opens the dialog in `dir` with `file_name` proposed; `filters` are (name, extensions).
    /// Nothing happens while one is open already; an error when its thread cannot start.
    pub fn open(
        &mut self,
        title: &str,
        dir: PathBuf,
        file_name: &str,
        filters: &[(&str, &[&str])],
        waker: Option<egui::Context>,
    ) -> std::io::Result<()> {
        if self.pending.is_some() {
            return Ok(());
        }
        let (title, file_name) = (title.to_string(), file_name.to_string());
        let filters: Vec<(String, Vec<String>)> =
            filters.iter().map(|(n, e)| (n.to_string(), e.iter().map(|x| x.to_string()).collect())).collect();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new().name("save-dialog".into()).spawn(move || {
            let mut dialog = rfd::FileDialog::new().set_title(title).set_directory(dir).set_file_name(file_name);
            for (name, extensions) in &filters {
                dialog = dialog.add_filter(name, extensions);
            }
            let _ = tx.send(dialog.save_file());
            if let Some(ctx) = waker {
                ctx.request_repaint();
            }
        })?;
        self.pending = Some((rx, Instant::now()));
        Ok(())
    }

    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// The dialog's answer, once it has one.
    pub fn poll(&mut self) -> Option<Saved> {
        let (rx, opened) = self.pending.as_ref()?;
        let picked = rx.try_recv().ok()?;
        let quick = opened.elapsed() < NO_DIALOG_WITHIN;
        self.pending = None;
        Some(match picked {
            Some(path) => Saved::Picked(path),
            None if quick => Saved::NoDialog,
            None => Saved::Cancelled,
        })
    }
}
