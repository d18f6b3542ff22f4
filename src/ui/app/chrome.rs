//! The window around the reader: menu bar, message banners, status bar, title and
//! drag-and-drop.

use std::path::PathBuf;

use egui::{Color32, RichText};

use crate::article::ArticleFormat;
use crate::session::SaveState;
use crate::tr;

use strum::IntoEnumIterator as _;

use super::super::commands::{Command, Menu};
use super::super::images::ImageState;
use super::super::notices::Level;
use super::super::theme::ReaderTheme;
use super::PathokApp;
use crate::i18n::Language;

/// A menu of the bar. The View menu holds a text field (the author): a click in it
/// must give it the keyboard instead of closing the menu (egui closes a menu on any
/// click inside it, and the keys typed next went to the reader, where Ctrl+A and `n`
/// annotated the whole article). So View closes only on a click outside it, and its
/// entries close it themselves when clicked.
fn menu_button(ui: &mut egui::Ui, menu: Menu, content: impl FnOnce(&mut egui::Ui)) {
    let button = egui::containers::menu::MenuButton::new(menu.title());
    let button = if menu == Menu::View {
        button.config(
            egui::containers::menu::MenuConfig::new()
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside),
        )
    } else {
        button
    };
    button.ui(ui, content);
}

/// File ▸ Open recent (folder): each path with the folder it is in; returns the one
/// clicked.
fn recent_menu(ui: &mut egui::Ui, title: &str, paths: &[PathBuf]) -> Option<PathBuf> {
    let mut chosen = None;
    ui.menu_button(title, |ui| {
        if paths.is_empty() {
            ui.label(tr!("menu-nothing-yet"));
        }
        let labels = super::super::settings::recent_labels(paths);
        for (path, label) in paths.iter().zip(labels) {
            if ui
                .button(label)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                chosen = Some(path.clone());
            }
        }
    });
    chosen
}

impl PathokApp {
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let article = self.reader.article();
        let title = format!(
            "{} — {} — Pathok",
            article.title,
            article.origin.display_name()
        );
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// The menu bar: every command with a menu, in command order, plus the recent
    /// files, the codebook's tags, the author and the themes.
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let mut open_recent = None;
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::iter() {
                menu_button(ui, menu, |ui| {
                    for command in Command::all()
                        .into_iter()
                        .filter(|c| c.menu() == Some(menu))
                    {
                        if command.starts_group() {
                            ui.separator();
                        }
                        commands.extend(command.menu_item(ui));
                        let recent = match command {
                            Command::Open => Some((tr!("menu-open-recent"), &self.settings.recent)),
                            Command::OpenFolder => Some((
                                tr!("menu-open-recent-folder"),
                                &self.settings.recent_folders,
                            )),
                            _ => None,
                        };
                        if let Some((title, paths)) = recent
                            && let Some(path) = recent_menu(ui, &title, paths)
                        {
                            open_recent = Some(path);
                        }
                    }
                    match menu {
                        Menu::Annotate => commands.extend(self.tag_menu_items(ui)),
                        Menu::View => commands.extend(self.view_menu_extras(ui)),
                        Menu::File | Menu::Edit => {}
                    }
                });
            }
        });
        if let Some(path) = open_recent {
            let ctx = ui.ctx().clone();
            self.open(&ctx, &path);
        }
        commands
    }

    /// Annotate ▸ the codebook's first nine tags, by name, with their keys.
    fn tag_menu_items(&self, ui: &mut egui::Ui) -> Vec<Command> {
        let tags = &self.session.codebook.tags;
        if tags.is_empty() {
            return Vec::new();
        }
        ui.separator();
        let mut commands = Vec::new();
        for (n, tag) in (1..=9).zip(tags) {
            let command = Command::ApplyTag(n);
            commands
                .extend(command.menu_item_labelled(ui, tr!("menu-tag", name = tag.name.as_str())));
        }
        commands
    }

    /// View ▸ the author stored on new annotations, and the themes.
    fn view_menu_extras(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(tr!("menu-author"));
            let mut author = super::super::text_input::BengaliText::new(&self.settings.author);
            let response = ui
                .add(egui::TextEdit::singleline(&mut author).desired_width(160.0))
                .on_hover_text(tr!("menu-author-tip"));
            if response.changed() {
                self.settings.author = author.value();
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                ui.close();
            }
        });
        ui.separator();
        ui.label(RichText::new(tr!("menu-theme")).weak());
        for theme in ReaderTheme::iter() {
            let selected = self.settings.theme == theme;
            if ui
                .radio(selected, theme.label())
                .on_hover_text(Command::Theme(theme).tooltip())
                .clicked()
            {
                ui.close();
                commands.push(Command::Theme(theme));
            }
        }
        ui.separator();
        ui.label(RichText::new(tr!("menu-language")).weak())
            .on_hover_text(tr!("menu-language-tip"));
        for language in Language::iter() {
            let selected = crate::i18n::language() == language;
            let clicked = ui.radio(selected, language.native_name()).clicked();
            if clicked {
                ui.close();
            }
            if clicked && !selected {
                self.set_language(language);
            }
        }
        commands
    }

    /// The message on screen (one at a time), with its close button and how many
    /// more wait; information goes by itself.
    pub(super) fn message_banners(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let Some((message, more)) = self.notices.current(now) else {
            return;
        };
        let (fill, text, tag) = match message.level {
            Level::Error => (
                Color32::from_rgb(0xfd, 0xe2, 0xe1),
                Color32::from_rgb(0x8a, 0x1c, 0x1c),
                tr!("banner-error"),
            ),
            Level::Notice => (
                Color32::from_rgb(0xfd, 0xf3, 0xd0),
                Color32::from_rgb(0x6b, 0x4e, 0x00),
                tr!("banner-note"),
            ),
        };
        let shown = format!("{tag} {}", message.text);
        let mut dismiss = false;
        let width = self.notice_width;
        egui::Frame::new()
            .fill(fill)
            .stroke(egui::Stroke::new(1.0, text.gamma_multiply(0.4)))
            .corner_radius(6)
            .shadow(ui.visuals().popup_shadow)
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.set_width(width);
                ui.horizontal_wrapped(|ui| {
                    dismiss = ui
                        .small_button("×")
                        .on_hover_text(if more > 0 {
                            tr!("banner-close-next")
                        } else {
                            tr!("banner-close")
                        })
                        .clicked();
                    ui.label(RichText::new(shown).color(text));
                    if more > 0 {
                        ui.label(
                            RichText::new(tr!("banner-more", count = more))
                                .color(text)
                                .weak(),
                        );
                    }
                });
            });
        if dismiss {
            self.notices.dismiss();
        }
        // Information goes by itself: wake up when it is due.
        if let Some(left) = self.notices.remaining(now) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(left + 0.05));
        }
    }

    /// A standalone picture's size and the SHA-256 of its file, once decoded: its
    /// "text" is only its name, whose length and hash would mean nothing to the user
    /// (and the hash would not match `sha256sum` nor the regions' `sha256`).
    fn picture_status(&self, ui: &mut egui::Ui, article: &crate::article::Article) {
        let decoded = article
            .images()
            .next()
            .and_then(|image| self.reader.cached_image_state(&image.source));
        if let Some(ImageState::Ready { pixels, sha256, .. }) = decoded {
            ui.label(tr!(
                "status-pixels",
                width = pixels.x.round() as u32,
                height = pixels.y.round() as u32
            ));
            if let Some(sha) = sha256.filter(|s| s.len() >= 12) {
                ui.separator();
                ui.label(tr!("status-sha", hash = &sha[..12]))
                    .on_hover_text(tr!("status-sha-picture-tip", hash = sha.as_str()));
            }
        }
    }

    /// The status bar; returns a command when one of its notices was clicked.
    pub(super) fn status_bar(&self, ui: &mut egui::Ui) -> Option<Command> {
        let article = self.reader.article();
        let mut command = None;
        ui.horizontal(|ui| {
            ui.label(article.origin.display_name());
            ui.separator();
            ui.label(match article.format {
                ArticleFormat::PlainText => tr!("status-format-text"),
                ArticleFormat::Markdown => tr!("status-format-markdown"),
                ArticleFormat::Html => tr!("status-format-html"),
                ArticleFormat::Image => tr!("status-format-image"),
            });
            ui.separator();
            if article.format == ArticleFormat::Image {
                self.picture_status(ui, article);
            } else {
                ui.label(tr!("status-characters", count = article.text.char_len()));
                ui.separator();
                ui.label(tr!("status-sha", hash = &article.sha256[..12]))
                    .on_hover_text(tr!("status-sha-tip", hash = article.sha256.as_str()));
            }
            ui.separator();
            let annotations = self.session.set.len();
            ui.label(tr!("status-annotations", count = annotations));
            match self.session.save_state() {
                SaveState::Saved => {
                    ui.label(tr!("status-saved"));
                }
                SaveState::Unsaved => {
                    ui.label(tr!("status-saving"));
                }
                SaveState::Failed(e) => {
                    ui.colored_label(Color32::from_rgb(0xc0, 0x30, 0x30), tr!("status-not-saved"))
                        .on_hover_text(e);
                }
                SaveState::NotSaved(why) => {
                    ui.weak(tr!("status-not-saved")).on_hover_text(why);
                }
            }
            if let Some(pending) = &self.loading {
                ui.separator();
                ui.spinner();
                ui.label(tr!(
                    "status-opening",
                    path = pending.path.display().to_string()
                ));
            }
            if self.panel_sizes.side_squeezed {
                ui.separator();
                let hidden = ui
                    .add(egui::Button::new(tr!("status-side-hidden")).frame(false))
                    .on_hover_text(tr!("status-side-hidden-tip"));
                if hidden.clicked() {
                    command = Some(Command::ToggleLibrary);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(tr!(
                    "status-position",
                    percent = (self.position * 100.0).round()
                ))
                .on_hover_text(tr!("status-position-tip"));
                ui.label(tr!(
                    "status-font-size",
                    size = self.settings.font_size.round()
                ));
            });
        });
        command
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // Several files dropped at once: the last one is shown, the others are
        // remembered in the recent list so they are one click away.
        for path in dropped {
            self.open(ctx, &path);
        }
    }

    pub(super) fn drop_overlay(ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop"),
        ));
        painter.rect_filled(screen, 0.0, Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            tr!("drop-to-open"),
            egui::FontId::proportional(28.0),
            Color32::WHITE,
        );
    }
}
