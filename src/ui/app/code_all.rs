//! "Code all hits" in the app: the open article changes through its session (one
//! undoable step), every other article through the locked sidecar write
//! ([`crate::store::update_sidecars`], one write per article).
//!
//! Undo in articles that are not open: their change is already on disk. When such an
//! article is opened later in the same run, the passages it got become one undo step
//! of its session ([`crate::session::Session::add_group`]), so `Ctrl+Z` takes them
//! back there as it would have in the open article. After the window is closed they
//! are ordinary annotations (the passages view lists them by their tag).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::annotate::{AnnotationId, Color, Timestamp};
use crate::corpus::{Coded, HitToCode, code_hits};
use crate::store::{StoreError, update_sidecars};
use crate::tr;

use super::super::library::CodeAll;
use super::super::notices::Level;
use super::PathokApp;

/// Totals of one "code all hits", for the message that ends it.
#[derive(Default)]
struct Tally {
    articles: usize,
    added: usize,
    already: usize,
    changed: usize,
    failures: Vec<CodeAllError>,
}

impl Tally {
    fn count(&mut self, coded: &Coded) {
        self.articles += usize::from(!coded.added.is_empty());
        self.added += coded.added.len();
        self.already += coded.already;
        self.changed += coded.changed;
    }
}

impl PathokApp {
    /// Tag every hit of `request` (confirmed by the user).
    pub(super) fn code_all(&mut self, request: CodeAll) {
        let color = self
            .session
            .codebook
            .get(&request.tag)
            .map_or(Color::HIGHLIGHT, |t| t.color);
        let open = self.article().origin.path().map(Path::to_owned);
        let mut tally = Tally::default();
        for (path, hits) in &request.passages {
            if open.as_deref() == Some(path.as_path()) {
                self.code_open_article(hits, &request.tag, color, &mut tally);
            } else {
                match self.code_article_on_disk(path, hits, &request.tag, color) {
                    Ok(coded) => {
                        let ids: Vec<AnnotationId> = coded.added.iter().map(|a| a.id).collect();
                        if !ids.is_empty() {
                            self.coded_elsewhere
                                .entry(path.clone())
                                .or_default()
                                .push(ids);
                        }
                        tally.count(&coded);
                    }
                    Err(e) => tally.failures.push(e),
                }
            }
        }
        self.library_article_saved();
        let mut message = tr!(
            "notice-coded-all",
            tag = request.tag.as_str(),
            passages = tally.added,
            articles = tally.articles
        );
        if tally.already > 0 {
            message.push_str("; ");
            message.push_str(&tr!("notice-coded-already", count = tally.already));
        }
        if tally.changed > 0 {
            message.push_str("; ");
            message.push_str(&tr!("notice-coded-changed", count = tally.changed));
        }
        self.report(Level::Notice, message);
        for failure in tally.failures {
            self.report(Level::Error, failure.to_string());
        }
    }

    fn code_open_article(
        &mut self,
        hits: &[HitToCode],
        tag: &str,
        color: Color,
        tally: &mut Tally,
    ) {
        let article = Arc::clone(self.reader.article());
        let author = self.settings.author.clone();
        let existing: Vec<_> = self.session.set.iter().cloned().collect();
        let coded = code_hits(
            &article.text,
            &existing,
            hits,
            tag,
            color,
            &author,
            Timestamp::now(),
        );
        tally.count(&coded);
        let result = self.session.add_group(coded.added);
        self.check(result);
    }

    /// Tag the hits of an article that is not open, through its sidecar.
    fn code_article_on_disk(
        &self,
        path: &Path,
        hits: &[HitToCode],
        tag: &str,
        color: Color,
    ) -> Result<Coded, CodeAllError> {
        let article = crate::article::load(path)?;
        let author = self.settings.author.as_str();
        let mut coded = Coded::default();
        update_sidecars(&[(path, &article)], |_, sidecar| {
            coded = code_hits(
                &article.text,
                sidecar.annotations.as_slice(),
                hits,
                tag,
                color,
                author,
                Timestamp::now(),
            );
            for a in &coded.added {
                sidecar.annotations.upsert(a.clone());
            }
            Ok::<(), StoreError>(())
        })?;
        Ok(coded)
    }

    /// After `path` was opened: what "code all hits" wrote to it while it was not
    /// open becomes undoable here, one step per time it was coded.
    pub(super) fn adopt_coded_elsewhere(&mut self, path: &Path) {
        let Some(steps) = self.coded_elsewhere.remove(path) else {
            return;
        };
        for ids in steps {
            let annotations = ids
                .iter()
                .filter_map(|id| self.session.set.get(*id).cloned())
                .collect();
            let result = self.session.add_group(annotations);
            self.check(result);
        }
    }
}

/// Why "code all hits" could not code an article that is not open.
#[derive(Debug, thiserror::Error)]
pub(super) enum CodeAllError {
    /// The article could not be read.
    #[error(transparent)]
    Article(#[from] crate::article::ArticleError),
    /// Its sidecar could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Steps written by "code all hits" to articles not open, per article.
pub(super) type CodedElsewhere = std::collections::HashMap<PathBuf, Vec<Vec<AnnotationId>>>;
