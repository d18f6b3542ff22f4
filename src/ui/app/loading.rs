//! Reading an article on a worker thread. At start-up the article given on the command
//! line is read while the window and the renderer are being set up (before the app
//! exists), so its text is ready when the first frame can be drawn.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};

use crate::article::{self, Article, ArticleError};

/// Who to wake when the article has been read: the egui context, once the app exists.
#[derive(Clone, Default)]
pub(crate) struct Waker(Arc<Mutex<Option<egui::Context>>>);

impl Waker {
    /// A waker for an app that already exists.
    pub(crate) fn of(ctx: &egui::Context) -> Self {
        Self(Arc::new(Mutex::new(Some(ctx.clone()))))
    }

    /// The app now exists: wake it from now on.
    pub(crate) fn set(&self, ctx: &egui::Context) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(ctx.clone());
    }

    fn wake(&self) {
        if let Some(ctx) = &*self.0.lock().unwrap_or_else(PoisonError::into_inner) {
            ctx.request_repaint();
        }
    }
}

/// An article being read on a worker thread.
pub struct PendingLoad {
    pub(crate) path: PathBuf,
    pub(crate) receiver: Receiver<Result<Article, ArticleError>>,
    pub(crate) waker: Waker,
}

impl PendingLoad {
    /// Start reading `path` (already absolute) on a thread; `waker` is told when done.
    pub(crate) fn start(path: &Path, waker: Waker) -> std::io::Result<PendingLoad> {
        let (sender, receiver) = channel();
        let worker_path = path.to_owned();
        let worker_waker = waker.clone();
        std::thread::Builder::new()
            .name("pathok-load".to_owned())
            .spawn(move || {
                let result = article::load(&worker_path);
                super::super::timing::mark("article read");
                // The receiver only disappears when another file was opened meanwhile.
                let _ = sender.send(result);
                worker_waker.wake();
            })?;
        Ok(PendingLoad {
            path: path.to_owned(),
            receiver,
            waker,
        })
    }
}

/// The article named on the command line, read from process start on.
pub struct Preload(pub(crate) Result<PendingLoad, (PathBuf, std::io::Error)>);

impl Preload {
    /// Start reading `path` (relative to the working directory) now.
    pub fn start(path: &Path) -> Preload {
        let path = super::super::paths::from_outside(path);
        Preload(PendingLoad::start(&path, Waker::default()).map_err(|e| (path, e)))
    }
}
