//! Work on a worker thread for the library views: a scan, a search, a retrieval.
//! The view polls for the result each frame; the worker tells how far it got and
//! stops when asked, so the window never waits for the corpus.

use crate::tr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// How far a job got, shared between the worker and the window.
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancel: AtomicBool,
    ctx: egui::Context,
}

impl Progress {
    /// Tell the window that `done` of `total` are done (and wake it up to show it).
    pub fn report(&self, done: usize, total: usize) {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.ctx.request_repaint();
    }

    /// True once the window asked the job to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A job running on a worker thread, giving one `T` when done.
pub struct Job<T> {
    receiver: Receiver<T>,
    progress: Arc<Progress>,
}

/// The worker of a job ended without a result (it panicked).
#[derive(Debug, thiserror::Error)]
#[error("the {0} stopped unexpectedly")]
pub struct JobLost(pub &'static str);

impl<T: Send + 'static> Job<T> {
    /// Run `work` on a new thread named after `what` ("search", "scan", …).
    pub fn spawn(
        ctx: &egui::Context,
        what: &'static str,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, receiver) = channel();
        let progress = Arc::new(Progress {
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            cancel: AtomicBool::new(false),
            ctx: ctx.clone(),
        });
        let shared = Arc::clone(&progress);
        std::thread::Builder::new()
            .name(format!("pathok-{what}"))
            .spawn(move || {
                let result = work(&shared);
                // The receiver is gone only when the window dropped the job.
                let _ = sender.send(result);
                shared.ctx.request_repaint();
            })?;
        Ok(Self { receiver, progress })
    }

    /// The result once the job is done; `Err` when its worker ended without one.
    pub fn poll(&self, what: &'static str) -> Option<Result<T, JobLost>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(Ok(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobLost(what))),
        }
    }

    /// Ask the worker to stop (it gives its result, usually "cancelled", soon after).
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    /// (done, total) as last reported.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
        )
    }
}

impl<T> Drop for Job<T> {
    /// A job the window no longer waits for stops, rather than reading on unseen.
    fn drop(&mut self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

/// A progress bar for a job with a Cancel button; true when Cancel was clicked.
pub fn progress_ui<T: Send + 'static>(ui: &mut egui::Ui, job: &Job<T>, label: &str) -> bool {
    let (done, total) = job.progress();
    let mut cancel = false;
    ui.horizontal(|ui| {
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        let text = if total == 0 {
            tr!("progress-found", label = label, done = done)
        } else {
            tr!("progress-of", label = label, done = done, total = total)
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .text(text)
                .desired_width(ui.available_width() - 80.0),
        );
        cancel = ui.button(tr!("button-cancel")).clicked();
    });
    if cancel {
        job.cancel();
    }
    cancel
}
