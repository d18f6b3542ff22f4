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

/// What the worker sends.
pub(crate) enum Loaded {
    /// The start of the article, to show until the whole is read (see
    /// [`article::preview`]).
    Preview(Article),
    /// The article, or why it cannot be read.
    Full(Result<Article, ArticleError>),
}

/// An article being read on a worker thread.
pub struct PendingLoad {
    pub(crate) path: PathBuf,
    pub(crate) receiver: Receiver<Loaded>,
    pub(crate) waker: Waker,
}

impl PendingLoad {
    /// Start reading `path` (already absolute) on a thread; `waker` is told when done,
    /// and first when a preview of its start is ready, if `preview` asks for one.
    pub(crate) fn start(path: &Path, waker: Waker, preview: bool) -> std::io::Result<PendingLoad> {
        let (sender, receiver) = channel();
        let worker_path = path.to_owned();
        let worker_waker = waker.clone();
        std::thread::Builder::new()
            .name("pathok-load".to_owned())
            .spawn(move || {
                // The receiver only disappears when another file was opened meanwhile.
                if preview && let Some(start) = article::preview(&worker_path) {
                    super::super::timing::mark("start of the article read");
                    let _ = sender.send(Loaded::Preview(start));
                    worker_waker.wake();
                }
                let result = article::load(&worker_path);
                super::super::timing::mark("article read");
                let _ = sender.send(Loaded::Full(result));
                worker_waker.wake();
            })?;
        Ok(PendingLoad {
            path: path.to_owned(),
            receiver,
            waker,
        })
    }
}

/// What was named on the command line: an article, read from process start on, or a
/// folder, opened as the library once the app exists.
pub struct Preload(pub(crate) Started);

/// What [`Preload::start`] set going.
pub(crate) enum Started {
    /// An article being read (or why reading could not start).
    Article(Result<PendingLoad, (PathBuf, std::io::Error)>),
    /// A folder (absolute), to open as the library.
    Folder(PathBuf),
}

impl Preload {
    /// Start reading `path` (relative to the working directory) now if it is an
    /// article; a big text file's start is sent ahead, to be shown while the rest is
    /// read. A folder is only remembered: it opens as the library.
    pub fn start(path: &Path) -> Preload {
        let path = super::super::paths::from_outside(path);
        if path.is_dir() {
            return Preload(Started::Folder(path));
        }
        Preload(Started::Article(
            PendingLoad::start(&path, Waker::default(), true).map_err(|e| (path, e)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_on_the_command_line_is_opened_as_a_folder_not_read_as_an_article() {
        let dir = tempfile::tempdir().expect("temp dir");
        let Preload(started) = Preload::start(dir.path());
        assert!(matches!(started, Started::Folder(p) if p == dir.path()));
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "শিরোনাম\n").expect("written");
        let Preload(started) = Preload::start(&file);
        assert!(matches!(started, Started::Article(Ok(_))));
    }
}
