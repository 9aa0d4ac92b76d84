//! One piece of work on a worker thread whose result a later frame takes: a large plan's
//! search, or what is derived from its scenarios. Starting new work drops the old work's
//! result unseen, so only the latest request is ever shown.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub struct Background<T> {
    /// The work running now, if any.
    pending: Option<Receiver<T>>,
    /// A result taken by [`Background::wait`], not yet handed to [`Background::poll`].
    ready: Option<T>,
}

impl<T> Default for Background<T> {
    fn default() -> Self {
        Background { pending: None, ready: None }
    }
}

impl<T: Send + 'static> Background<T> {
    /// Runs `work` on a new thread, in place of whatever ran before.
    pub fn start(&mut self, work: impl FnOnce() -> T + Send + 'static) {
        let (send, receive) = channel();
        std::thread::spawn(move || {
            let _ = send.send(work());
        });
        self.ready = None;
        self.pending = Some(receive);
    }

    /// Forgets the work that runs (its result is dropped when it comes).
    pub fn cancel(&mut self) {
        self.pending = None;
        self.ready = None;
    }

    /// The result, once the work is done (each result is given once).
    pub fn poll(&mut self) -> Option<T> {
        if let Some(result) = self.ready.take() {
            return Some(result);
        }
        match self.pending.as_ref()?.try_recv() {
            Ok(result) => {
                self.pending = None;
                Some(result)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }

    /// Whether work is still running.
    pub fn running(&self) -> bool {
        self.pending.is_some() && self.ready.is_none()
    }

    /// Blocks until the work is done, leaving its result for the next [`Background::poll`]
    /// (tests and benchmarks: the frame that shows it is still the one measured).
    pub fn wait(&mut self) {
        if let Some(pending) = self.pending.take() {
            self.ready = pending.recv().ok();
        }
    }
}
