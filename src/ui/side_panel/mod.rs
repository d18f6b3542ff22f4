//! The side panel: the article's annotations in text order (with filters and the
//! orphans apart), the codebook editor, and the article note.

mod annotations;
pub(crate) use annotations::rect_words;
mod codebook;
mod list;

use egui::RichText;

use crate::annotate::{Annotation, AnnotationId, Codebook, Color};
use crate::article::Article;
use crate::session::Session;
use crate::text::CharRange;
use crate::tr;

use super::session_colors::to_color32;
use super::text_input::BengaliText;

/// What the panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum SidePanelAction {
    /// Select (and scroll to) an annotation.
    Select(AnnotationId),
    /// Attach an orphaned annotation to the current selection.
    Reattach(AnnotationId),
    /// Delete an annotation.
    Delete(AnnotationId),
    /// Keep a flagged picture region on its picture as the picture is now.
    ConfirmRegion(AnnotationId),
    /// New article note.
    ArticleNote(String),
    /// New codebook (reorder, recolour, describe, add).
    Codebook(Codebook),
    /// Rename or merge a tag everywhere.
    RenameTag {
        /// Old name.
        from: String,
        /// New name (an existing one merges).
        to: String,
    },
    /// Delete a tag everywhere (the app asks first, saying how many annotations
    /// carry it).
    DeleteTag(String),
    /// Colour for new untagged highlights.
    SetColor(Color),
    /// Show the annotations of one coder only (`None`: every coder), in the list and
    /// in the text.
    ShowCoder(Option<String>),
    /// Move an unreadable sidecar aside and start fresh.
    KeepBadSidecar,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Annotations,
    Codebook,
    Note,
}

/// The filters of the annotation list. They belong to one article: opening another
/// starts with none (a tag of one folder may not exist in the next).
#[derive(Default)]
struct Filters {
    text: BengaliText,
    tag: Option<String>,
    color: Option<Color>,
}

impl Filters {
    fn is_active(&self) -> bool {
        !self.text.is_empty() || self.tag.is_some() || self.color.is_some()
    }
}

/// State of the side panel.
#[derive(Default)]
pub struct SidePanel {
    tab: Tab,
    filters: Filters,
    note: Option<(u64, BengaliText)>,
    renaming: Option<(String, BengaliText)>,
    new_tag: BengaliText,
    /// Keep the keyboard in "new tag" after Enter added one, for the next.
    new_tag_focus: bool,
    /// Tag counts over the folder, computed when asked (reads every sidecar).
    folder_counts: Option<(std::collections::BTreeMap<String, usize>, Vec<String>)>,
    /// The article the state above belongs to (its file, or its text's SHA-256).
    article: Option<String>,
    /// The one coder shown (`None`: all). Kept from one article to the next: a coder
    /// is a person, not a property of one article.
    coder: Option<String>,
    /// The annotation list's rows and their heights.
    list: list::AnnotationList,
}

impl SidePanel {
    /// Draw the panel.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        article: &Article,
        session: &Session,
        selection: Option<CharRange>,
    ) -> Option<SidePanelAction> {
        self.follow_article(article);
        let mut action = None;
        if let crate::session::Storage::ReadOnly { reason, .. } = &session.storage {
            egui::Frame::new()
                .fill(egui::Color32::from_rgb(0xfd, 0xe2, 0xe1))
                .inner_margin(8)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(tr!("panel-read-only"))
                            .strong()
                            .color(egui::Color32::from_rgb(0x8a, 0x1c, 0x1c)),
                    );
                    ui.label(
                        RichText::new(reason).color(egui::Color32::from_rgb(0x8a, 0x1c, 0x1c)),
                    );
                    if ui
                        .button(tr!("panel-keep-bad"))
                        .on_hover_text(tr!("panel-keep-bad-tip"))
                        .clicked()
                    {
                        action = Some(SidePanelAction::KeepBadSidecar);
                    }
                });
        }
        // Wrapped: at the panel's narrowest the Note tab goes below rather than off it.
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(
                &mut self.tab,
                Tab::Annotations,
                tr!("panel-tab-annotations", count = session.set.len()),
            );
            ui.selectable_value(
                &mut self.tab,
                Tab::Codebook,
                tr!("panel-tab-codebook", count = session.codebook.tags.len()),
            );
            ui.selectable_value(&mut self.tab, Tab::Note, tr!("panel-tab-note"));
        });
        ui.separator();
        let inner = match self.tab {
            Tab::Annotations => self.annotations(ui, session, selection),
            Tab::Codebook => self.codebook(ui, session),
            Tab::Note => self.note(ui, session, article),
        };
        // Another tab was chosen while the note was being typed: its field is not
        // drawn any more, so it never reports losing the keyboard.
        let left_note = (self.tab != Tab::Note)
            .then(|| {
                self.take_pending_note(session)
                    .map(SidePanelAction::ArticleNote)
            })
            .flatten();
        action.or(inner).or(left_note)
    }

    /// The coder whose annotations are shown, `None` for every coder. The reader
    /// paints only theirs too.
    pub fn shown_coder(&self) -> Option<&str> {
        self.coder.as_deref()
    }

    /// The folder's tags changed (a rename or a deletion everywhere): the counts made
    /// before are wrong now.
    pub fn forget_folder_counts(&mut self) {
        self.folder_counts = None;
    }

    /// The article note as typed in the *Note* tab when it differs from the session's:
    /// the field hands it over when it loses the keyboard, but a save, a switch of
    /// article or closing the window must not leave it behind (the status bar said
    /// *Saved* while the note was only on screen).
    pub fn take_pending_note(&mut self, session: &Session) -> Option<String> {
        let (_, field) = self.note.as_ref()?;
        let note = field.value();
        (note != session.set.article_note).then_some(note)
    }

    /// The session was replaced (another article, or the same one read again): the
    /// list is worked out afresh even if the new one has the same version number.
    pub fn session_replaced(&mut self) {
        self.list.forget();
    }

    /// Another article: filters, edits in progress and folder counts start afresh.
    fn follow_article(&mut self, article: &Article) {
        let key = article
            .origin
            .path()
            .map_or_else(|| article.sha256.clone(), |p| p.display().to_string());
        if self.article.as_ref() != Some(&key) {
            *self = SidePanel {
                tab: self.tab,
                article: Some(key),
                coder: self.coder.take(),
                ..SidePanel::default()
            };
        }
    }

    fn note(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        article: &Article,
    ) -> Option<SidePanelAction> {
        let label = ui.label(
            RichText::new(tr!("panel-note-about", title = preview(&article.title, 60))).weak(),
        );
        let (version, field) = self
            .note
            .get_or_insert_with(|| (session.version, BengaliText::new(&session.set.article_note)));
        if *version != session.version && !ui.ctx().text_edit_focused() {
            *field = BengaliText::new(&session.set.article_note);
            *version = session.version;
        }
        let r = ui
            .add(
                egui::TextEdit::multiline(field)
                    .desired_rows(12)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        (r.lost_focus() && field.value() != session.set.article_note)
            .then(|| SidePanelAction::ArticleNote(field.value()))
    }
}

/// The tags of an annotation as coloured chips, at body size: Bengali conjuncts at
/// egui's small size are hard to read.
fn chips(ui: &mut egui::Ui, a: &Annotation, codebook: &Codebook) {
    ui.horizontal_wrapped(|ui| {
        if a.tags.is_empty() {
            egui::Frame::new()
                .fill(to_color32(a.color).gamma_multiply(0.45))
                .corner_radius(8)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.label(RichText::new(tr!("panel-highlight-chip")))
                });
        }
        for tag in &a.tags {
            let color = codebook.get(tag).map_or(a.color, |t| t.color);
            egui::Frame::new()
                .fill(to_color32(color).gamma_multiply(0.45))
                .corner_radius(8)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| ui.label(RichText::new(tag)));
        }
    });
}

/// The first `n` chars of `text` on one line.
fn preview(text: &str, n: usize) -> String {
    let one_line = text.replace('\n', " ");
    let mut out: String = one_line.chars().take(n).collect();
    if one_line.chars().count() > n {
        out.push('…');
    }
    out
}
