//! The system's file dialogs (open, save as), each run on a thread of its own: rfd blocks
//! while a dialog is open, and the window must keep drawing.

use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// rfd gives None both for a cancel and when no dialog exists; a None that comes back this
/// quickly means there was no dialog to cancel.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// What a finished dialog gave.
#[derive(Debug, PartialEq)]
pub enum Answer<T> {
    Picked(T),
    Cancelled,
    /// No dialog could be shown (no portal or zenity).
    NoDialog,
}

/// A dialog running on its own thread, and when it was opened; `T` is what it picks.
pub struct Dialog<T> {
    pending: Option<(Receiver<Option<T>>, Instant)>,
}

impl<T> Default for Dialog<T> {
    fn default() -> Self {
        Dialog { pending: None }
    }
}

impl<T: Send + 'static> Dialog<T> {
    /// Runs `show` (which builds and shows the rfd dialog) on a thread named `name`; `waker`
    /// repaints the window when it answers. Nothing happens while one is open already; an
    /// error when its thread cannot start.
    pub fn open(
        &mut self,
        name: &str,
        waker: Option<egui::Context>,
        show: impl FnOnce() -> Option<T> + Send + 'static,
    ) -> std::io::Result<()> {
        if self.pending.is_some() {
            return Ok(());
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new().name(name.into()).spawn(move || {
            let _ = tx.send(show());
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
    pub fn poll(&mut self) -> Option<Answer<T>> {
        let (rx, opened) = self.pending.as_ref()?;
        let picked = rx.try_recv().ok()?;
        let quick = opened.elapsed() < NO_DIALOG_WITHIN;
        self.pending = None;
        Some(match picked {
            Some(picked) => Answer::Picked(picked),
            None if quick => Answer::NoDialog,
            None => Answer::Cancelled,
        })
    }
}
