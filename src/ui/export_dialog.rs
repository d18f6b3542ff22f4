//! The export dialog (`Ctrl+E`): this article or its whole folder, in any export
//! format, written on a worker thread with a progress bar; the folder of the result
//! is opened when done.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::RichText;

use crate::export::{
    self, ExportOptions, ExportSummary, Format, OutputKind, Progress, QdpxPositions,
};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The open article.
    Article,
    /// Every article in the open article's folder and its subfolders.
    Folder,
}

enum Message {
    Progress(Progress),
    Done(Result<ExportSummary, String>),
}

/// State of the export dialog.
pub struct ExportDialog {
    article: PathBuf,
    scope: Scope,
    format: Format,
    options: ExportOptions,
    output: String,
    output_edited: bool,
    open_folder: bool,
    running: Option<Receiver<Message>>,
    progress: Option<Progress>,
    result: Option<Result<ExportSummary, String>>,
}

impl ExportDialog {
    /// A dialog for the article at `article`.
    pub fn new(article: &Path) -> Self {
        let mut dialog = Self {
            article: article.to_owned(),
            scope: Scope::Article,
            format: Format::Csv,
            options: ExportOptions {
                // W3C sources are absolute IRIs: a relative article path is relative to
                // the working directory, resolved here at the edge.
                w3c_sources: export::SourceIris {
                    working_dir: std::env::current_dir().ok(),
                    base_iri: None,
                },
                ..ExportOptions::default()
            },
            output: String::new(),
            output_edited: false,
            open_folder: true,
            running: None,
            progress: None,
            result: None,
        };
        dialog.output = dialog.default_output().display().to_string();
        dialog
    }

    fn folder(&self) -> PathBuf {
        self.article
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned)
    }

    /// Where the export goes unless the user says otherwise: next to the article.
    fn default_output(&self) -> PathBuf {
        let stem = match self.scope {
            Scope::Article => self.article.file_stem().map_or_else(
                || "article".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            ),
            Scope::Folder => "pathok-export".to_owned(),
        };
        let extension = self.format.extension(&self.options);
        let name = if extension.is_empty() {
            format!("{stem}-{}", self.format)
        } else {
            format!("{stem}-annotations.{extension}")
        };
        self.folder().join(name)
    }

    fn start(&mut self, ctx: &egui::Context) {
        let paths = match self.scope {
            Scope::Article => vec![self.article.clone()],
            Scope::Folder => vec![self.folder()],
        };
        let (sender, receiver) = channel();
        let (format, options, out) = (
            self.format,
            self.options.clone(),
            PathBuf::from(self.output.trim()),
        );
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("pathok-export".to_owned())
            .spawn(move || {
                let progress_sender = sender.clone();
                let progress_ctx = ctx.clone();
                let mut progress = move |p: Progress| {
                    // The dialog may have been closed: then nobody listens, which is fine.
                    let _ = progress_sender.send(Message::Progress(p));
                    progress_ctx.request_repaint();
                };
                let result =
                    export::export_paths_with(format, &options, &paths, &out, &mut progress)
                        .map_err(|e| describe_error(&e));
                let _ = sender.send(Message::Done(result));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.running = Some(receiver);
                self.result = None;
            }
            Err(e) => self.result = Some(Err(format!("cannot start the export: {e}"))),
        }
    }

    fn poll(&mut self) {
        let Some(receiver) = &self.running else {
            return;
        };
        while let Ok(message) = receiver.try_recv() {
            match message {
                Message::Progress(p) => self.progress = Some(p),
                Message::Done(result) => {
                    if let Ok(summary) = &result
                        && self.open_folder
                    {
                        open_folder_of(summary);
                    }
                    self.result = Some(result);
                    self.running = None;
                    self.progress = None;
                    return;
                }
            }
        }
    }

    /// Show the dialog; false once the user closed it. `before_export` is called
    /// right before writing starts (the app saves pending annotations there).
    pub fn show(&mut self, ctx: &egui::Context, before_export: &mut dyn FnMut()) -> bool {
        self.poll();
        let mut keep = true;
        let modal = egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Export annotations");
            let busy = self.running.is_some();
            ui.add_enabled_ui(!busy, |ui| {
                let before = (self.scope, self.format);
                ui.horizontal(|ui| {
                    ui.label("Scope");
                    ui.radio_value(&mut self.scope, Scope::Article, "This article");
                    ui.radio_value(&mut self.scope, Scope::Folder, "This folder")
                        .on_hover_text(self.folder().display().to_string());
                });
                egui::ComboBox::from_label("Format")
                    .selected_text(format!("{} — {}", self.format, self.format.description()))
                    .show_ui(ui, |ui| {
                        for f in Format::ALL {
                            ui.selectable_value(
                                &mut self.format,
                                f,
                                format!("{f} — {}", f.description()),
                            );
                        }
                    });
                match self.format {
                    Format::Csv => {
                        ui.checkbox(
                            &mut self.options.one_row_per_tag,
                            "One row per annotation × tag",
                        );
                    }
                    Format::W3c => {
                        ui.checkbox(
                            &mut self.options.w3c_lines,
                            "One annotation per line (JSON Lines)",
                        );
                    }
                    Format::Qdpx => {
                        ui.horizontal(|ui| {
                            ui.label("Positions");
                            ui.radio_value(
                                &mut self.options.qdpx_positions,
                                QdpxPositions::CodePoints,
                                "code points (QualCoder)",
                            );
                            ui.radio_value(
                                &mut self.options.qdpx_positions,
                                QdpxPositions::Utf16,
                                "UTF-16 (NVivo)",
                            );
                        });
                    }
                    _ => {}
                }
                if (self.scope, self.format) != before && !self.output_edited {
                    self.output = self.default_output().display().to_string();
                }
                ui.horizontal(|ui| {
                    let label = ui.label(if self.format.output_kind() == OutputKind::Directory {
                        "Folder"
                    } else {
                        "File"
                    });
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut self.output).desired_width(440.0))
                        .labelled_by(label.id);
                    if r.changed() {
                        self.output_edited = true;
                    }
                });
                ui.checkbox(&mut self.open_folder, "Open the folder when done");
            });
            if let Some(p) = self.progress {
                let (fraction, text) = match p {
                    Progress::Loading { done, total } => (
                        done as f32 / total.max(1) as f32,
                        format!("Reading {done} of {total} articles…"),
                    ),
                    Progress::Writing => (1.0, "Writing…".to_owned()),
                };
                ui.add(egui::ProgressBar::new(fraction).text(text));
            }
            match &self.result {
                Some(Ok(summary)) => {
                    ui.label(
                        RichText::new(format!(
                            "Exported {} annotation(s) of {} article(s){} to {}",
                            summary.annotations,
                            summary.articles,
                            if summary.orphaned > 0 {
                                format!(", {} orphaned", summary.orphaned)
                            } else {
                                String::new()
                            },
                            self.output.trim()
                        ))
                        .color(egui::Color32::from_rgb(0x2e, 0x7d, 0x32)),
                    );
                }
                Some(Err(e)) => {
                    ui.add(
                        egui::Label::new(
                            RichText::new(e).color(egui::Color32::from_rgb(0xc0, 0x30, 0x30)),
                        )
                        .wrap(),
                    );
                }
                None => {}
            }
            ui.separator();
            ui.horizontal(|ui| {
                let can_export = !busy && !self.output.trim().is_empty();
                if ui
                    .add_enabled(can_export, egui::Button::new("Export"))
                    .clicked()
                {
                    before_export();
                    self.start(ui.ctx());
                }
                if ui
                    .button(if self.result.is_some() {
                        "Close"
                    } else {
                        "Cancel"
                    })
                    .clicked()
                {
                    keep = false;
                }
                if busy {
                    ui.spinner();
                }
            });
        });
        if modal.should_close() && self.running.is_none() {
            keep = false;
        }
        keep
    }

    /// The outcome of the last export, if it finished.
    pub fn result(&self) -> Option<&Result<ExportSummary, String>> {
        self.result.as_ref()
    }

    /// True while an export runs.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

/// The error as one message, listing every file that could not be read.
fn describe_error(e: &export::ExportPathsError) -> String {
    match e {
        export::ExportPathsError::Load(failures) => {
            let mut text = e.to_string();
            for f in failures {
                text.push_str(&format!("\n{}: {}", f.path.display(), f.reason));
            }
            text
        }
        other => other.to_string(),
    }
}

/// Show the folder holding the export in the desktop's file manager (best effort).
fn open_folder_of(summary: &ExportSummary) {
    let Some(first) = summary.files.first() else {
        return;
    };
    let folder = first.parent().map_or_else(|| first.clone(), Path::to_owned);
    // No file manager (a server, a test run) is not an error worth reporting.
    let _ = std::process::Command::new("xdg-open")
        .arg(&folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
