//! Autosave on a thread of its own, so that writing a large sidecar (serialising it,
//! the write and its fsync) never holds up a frame.
//!
//! The window thread hands a copy of the annotations to a saving thread and goes on;
//! the next call looks whether it is done and takes over what it wrote. Everything
//! else that touches the sidecar (a forced save, a check of the disk, a folder-wide
//! change, an import) first waits for a save under way, so there is never more than
//! one writer and the session's idea of the file is always the last one written.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::{Notice, Session, Storage, used_tags};
use crate::article::Article;
use crate::store::{SaveOutcome, Sidecar, StoreError};
use crate::tr;

/// A save running on its own thread.
#[derive(Debug)]
pub(super) struct SaveInFlight {
    /// The session's version the copy was taken at.
    version: u64,
    /// The copy being written, and how the write went.
    thread: JoinHandle<(Sidecar, Result<SaveOutcome, StoreError>)>,
}

impl Session {
    /// The autosave of [`Session::autosave`], with the writing done on a thread: the
    /// frame that calls it only copies the annotations. Call it again (every frame is
    /// fine) to learn how the save went; [`Session::is_saving`] says whether one is
    /// under way. Returns a notice as `autosave` does.
    pub fn autosave_in_background(&mut self, article: &Arc<Article>) -> Option<Notice> {
        if self.in_flight.is_some() {
            return self.finish_background_save(false);
        }
        if !self.save_due(false) {
            return None;
        }
        // The codebook is a small file saved by the other path, and the sample article
        // and read-only sidecars are never written: all of that is quick.
        let Storage::Sidecar { sidecar, .. } = &self.storage else {
            return self.save_here(article, false);
        };
        if self.codebook_dirty {
            return self.save_here(article, false);
        }
        let mut copy =
            sidecar.copy_for_writing(self.set.clone(), used_tags(&self.set, &self.codebook));
        let text = Arc::clone(article);
        let spawned = std::thread::Builder::new()
            .name("pathok-save".to_owned())
            .spawn(move || {
                let outcome = copy.save(&text.text);
                (copy, outcome)
            });
        match spawned {
            Ok(thread) => {
                self.in_flight = Some(SaveInFlight {
                    version: self.version,
                    thread,
                });
                None
            }
            // No thread to be had: save here, as before.
            Err(_) => self.save_here(article, false),
        }
    }

    /// True while a save started by [`Session::autosave_in_background`] is running.
    pub fn is_saving(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Take over the result of the save under way, waiting for it if `wait` (else
    /// only if it is done). Returns a notice as [`Session::autosave`] does.
    pub(super) fn finish_background_save(&mut self, wait: bool) -> Option<Notice> {
        let flight = self.in_flight.take()?;
        if !wait && !flight.thread.is_finished() {
            self.in_flight = Some(flight);
            return None;
        }
        let Ok((copy, outcome)) = flight.thread.join() else {
            let message = tr!("session-save-thread-stopped");
            self.save_error = Some(message.clone());
            return Some(tr!("session-cannot-save", reason = message));
        };
        let outcome = match outcome {
            Ok(outcome) => outcome,
            Err(e) => return self.save_failed(&e),
        };
        self.save_error = None;
        let edited_meanwhile = self.version != flight.version;
        if outcome.merged && edited_meanwhile {
            // The file now holds someone else's changes merged with the copy, and this
            // session has newer edits: keep the old idea of the file, so that the next
            // save sees the file as changed and merges again (by id) rather than
            // writing over what came from elsewhere.
            return None;
        }
        let Storage::Sidecar { sidecar, .. } = &mut self.storage else {
            return None;
        };
        **sidecar = copy;
        self.saved_version = flight.version;
        if outcome.merged {
            return Some(self.adopt_merged_save());
        }
        None
    }
}
