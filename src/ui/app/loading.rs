//! Reading an article on a worker thread. At start-up the article given on the command
//! line is read while the window and the renderer are being set up (before the app
//! exists), so its text is ready when the first frame can be drawn.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

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

/// How long the reading of the whole article waits for its preview to be drawn, at
/// most (the window may never come up).
const PREVIEW_DRAWN_WITHIN: Duration = Duration::from_secs(1);

/// An article being read on a worker thread.
pub struct PendingLoad {
    pub(crate) path: PathBuf,
    pub(crate) receiver: Receiver<Loaded>,
    pub(crate) waker: Waker,
    /// Told when the preview has been drawn: the whole article is read after that.
    preview_drawn: Option<Sender<()>>,
}

impl PendingLoad {
    /// Start reading `path` (already absolute) on a thread; `waker` is told when done,
    /// and first when a preview of its start is ready, if `preview` asks for one.
    pub(crate) fn start(path: &Path, waker: Waker, preview: bool) -> std::io::Result<PendingLoad> {
        let (sender, receiver) = channel();
        let (preview_drawn, drawn) = channel();
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
                    // Reading the rest while the window opens held its first frame back
                    // (a 10 MB article by 30 ms on two cores: the cores are shared with
                    // the GL driver's start). The preview is what is seen meanwhile.
                    let _ = drawn.recv_timeout(PREVIEW_DRAWN_WITHIN);
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
            preview_drawn: Some(preview_drawn),
        })
    }

    /// The preview is on screen: read the rest now.
    pub(crate) fn preview_drawn(&mut self) {
        if let Some(sender) = self.preview_drawn.take() {
            let _ = sender.send(());
        }
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

    /// A big text file's start is sent at once; the rest is read once the preview has
    /// been drawn (so that reading does not take the cores from the window opening), or
    /// after [`PREVIEW_DRAWN_WITHIN`] if it never is.
    #[test]
    fn the_rest_of_a_big_article_is_read_after_its_preview_is_drawn() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = include_str!("../../../tests/data/news-putin-kim.txt");
        let file = dir.path().join("big.txt");
        std::fs::write(&file, format!("{corpus}\n").repeat(100)).expect("written");
        let wait = Duration::from_secs(30);

        let mut pending = PendingLoad::start(&file, Waker::default(), true).expect("started");
        assert!(matches!(
            pending.receiver.recv_timeout(wait),
            Ok(Loaded::Preview(_))
        ));
        let held = Duration::from_millis(300);
        assert!(
            pending.receiver.recv_timeout(held).is_err(),
            "the whole article was read before its preview was drawn"
        );
        pending.preview_drawn();
        let Ok(Loaded::Full(Ok(article))) = pending.receiver.recv_timeout(wait) else {
            panic!("the whole article was not read once its preview was drawn");
        };
        assert_eq!(
            article.text.as_str().len(),
            format!("{corpus}\n").len() * 100
        );

        let pending = PendingLoad::start(&file, Waker::default(), true).expect("started");
        assert!(matches!(
            pending.receiver.recv_timeout(wait),
            Ok(Loaded::Preview(_))
        ));
        assert!(
            matches!(pending.receiver.recv_timeout(wait), Ok(Loaded::Full(Ok(_)))),
            "read anyway when the preview is never drawn"
        );
    }
}
