//! The export dialog (`Ctrl+E`): this article or its whole folder, in any export
//! format, written on a worker thread with a progress bar; the folder of the result
//! is opened when done.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::RichText;

use crate::export::{
    self, ExportOptions, ExportSummary, Format, OutputKind, Progress, QdpxPositions,
};
use crate::tr;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The open article.
    Article,
    /// Every article in the open article's folder and its subfolders.
    Folder,
    /// The passages shown in the library's passages view: its folder, with its filter.
    Library,
}

enum Message {
    Progress(Progress),
    Done(Result<ExportSummary, ExportFailure>),
}

/// Why an export started from the dialog did not finish.
#[derive(Debug, thiserror::Error)]
pub enum ExportFailure {
    /// The worker thread could not be started.
    #[error("{}", tr!("export-cannot-start", reason = .0.to_string()))]
    Start(#[source] std::io::Error),
    /// The export itself failed; the message lists every article that could not be read.
    #[error("{}", describe_error(.0))]
    Export(#[source] export::ExportPathsError),
}

/// The passages filter in words: "tags A, B · coder rina · overlapping C".
fn describe_filter(filter: &crate::corpus::PassageFilter) -> String {
    let mut parts = Vec::new();
    if !filter.tags.is_empty() {
        parts.push(tr!("export-filter-tags", tags = filter.tags.join(", ")));
    }
    if !filter.coders.is_empty() {
        parts.push(tr!(
            "export-filter-coders",
            coders = filter.coders.join(", ")
        ));
    }
    if let Some(tag) = &filter.overlapping {
        parts.push(tr!("export-filter-overlapping", tag = tag.as_str()));
    }
    if parts.is_empty() {
        tr!("export-filter-all")
    } else {
        parts.join(" · ")
    }
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
    result: Option<Result<ExportSummary, ExportFailure>>,
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

    /// A dialog exporting the passages of the library at `root` that pass `filter`
    /// (the passages view's), in any format.
    pub fn for_passages(root: &Path, filter: crate::corpus::PassageFilter) -> Self {
        let mut dialog = Self::new(root);
        dialog.scope = Scope::Library;
        dialog.options.filter = filter;
        dialog.output = dialog.default_output().display().to_string();
        dialog
    }

    fn folder(&self) -> PathBuf {
        if self.scope == Scope::Library {
            // The dialog was made on the library's folder itself.
            return self.article.clone();
        }
        crate::store::folder_of(&self.article).to_owned()
    }

    /// Where the export goes unless the user says otherwise: next to the article.
    fn default_output(&self) -> PathBuf {
        let stem = match self.scope {
            Scope::Article => self.article.file_stem().map_or_else(
                || "article".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            ),
            Scope::Folder => "pathok-export".to_owned(),
            Scope::Library => "pathok-passages".to_owned(),
        };
        let extension = self.format.extension(&self.options);
        let name = if extension.is_empty() {
            format!("{stem}-{}", self.format)
        } else {
            format!("{stem}-annotations.{extension}")
        };
        self.folder().join(name)
    }

    /// The format or its options changed: the file name follows (the default name
    /// if the user kept it, else the same name with the format's extension).
    fn output_follows_format(&mut self) {
        self.output = if self.output_edited {
            with_extension_of(&self.output, self.format.extension(&self.options))
        } else {
            self.default_output().display().to_string()
        };
    }

    /// The user typed a file name: a known extension chooses its format
    /// (`report.html` exports HTML).
    fn format_follows_output(&mut self) {
        let typed = extension_in(&self.output);
        if typed != self.format.extension(&self.options)
            && let Some(format) = format_of_extension(&typed)
        {
            self.format = format;
        }
    }

    /// Why the output cannot be written in the chosen format, if it cannot: its
    /// extension names another format (never CSV in an `.html` file).
    fn mismatch(&self) -> Option<String> {
        let typed = extension_in(&self.output);
        let expected = self.format.extension(&self.options);
        (typed != expected && format_of_extension(&typed).is_some()).then(|| {
            if expected.is_empty() {
                tr!(
                    "export-needs-folder",
                    format = self.format.to_string(),
                    extension = typed.as_str()
                )
            } else {
                tr!(
                    "export-wrong-extension",
                    format = self.format.to_string(),
                    extension = typed.as_str(),
                    expected = expected
                )
            }
        })
    }

    fn start(&mut self, ctx: &egui::Context) {
        let paths = match self.scope {
            Scope::Article => vec![self.article.clone()],
            Scope::Folder | Scope::Library => vec![self.folder()],
        };
        let (sender, receiver) = channel();
        // A bare name goes next to the article, whatever the working directory.
        let out = super::paths::typed(&self.output, Some(&self.folder()));
        let (format, options) = (self.format, self.options.clone());
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
                        .map_err(ExportFailure::Export);
                let _ = sender.send(Message::Done(result));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.running = Some(receiver);
                self.result = None;
            }
            Err(e) => self.result = Some(Err(ExportFailure::Start(e))),
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
        let modal = super::popups::modal("export-dialog").show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(tr!("export-title"));
            let busy = self.running.is_some();
            ui.add_enabled_ui(!busy, |ui| self.settings_ui(ui));
            if let Some(p) = self.progress {
                let (fraction, text) = match p {
                    Progress::Loading { done, total } => (
                        done as f32 / total.max(1) as f32,
                        tr!("export-reading", done = done, total = total),
                    ),
                    Progress::Writing => (1.0, tr!("export-writing")),
                };
                ui.add(egui::ProgressBar::new(fraction).text(text));
            }
            match &self.result {
                Some(Ok(summary)) => {
                    ui.label(
                        RichText::new(tr!(
                            "export-done",
                            annotations = summary.annotations,
                            articles = summary.articles,
                            orphaned = summary.orphaned,
                            path = self.output.trim()
                        ))
                        .color(egui::Color32::from_rgb(0x2e, 0x7d, 0x32)),
                    );
                    if summary.regions_left_out > 0 {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            tr!(
                                "export-regions-left-out",
                                count = summary.regions_left_out,
                                format = self.format.to_string()
                            ),
                        );
                    }
                }
                Some(Err(e)) => {
                    ui.add(
                        egui::Label::new(
                            RichText::new(e.to_string())
                                .color(egui::Color32::from_rgb(0xc0, 0x30, 0x30)),
                        )
                        .wrap(),
                    );
                }
                None => {}
            }
            ui.separator();
            let mismatch = self.mismatch();
            if let Some(why) = &mismatch {
                ui.colored_label(egui::Color32::from_rgb(0xc0, 0x30, 0x30), why);
            }
            ui.horizontal(|ui| {
                let can_export = !busy && !self.output.trim().is_empty() && mismatch.is_none();
                if ui
                    .add_enabled(can_export, egui::Button::new(tr!("export-button")))
                    .clicked()
                {
                    before_export();
                    self.start(ui.ctx());
                }
                if ui
                    .button(if self.result.is_some() {
                        tr!("button-close")
                    } else {
                        tr!("button-cancel")
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

    /// Scope, format, its options, the output and "open the folder".
    fn settings_ui(&mut self, ui: &mut egui::Ui) {
        let before = (self.scope, self.format, self.options.clone());
        if self.scope == Scope::Library {
            ui.label(tr!(
                "export-library-passages",
                filter = describe_filter(&self.options.filter)
            ))
            .on_hover_text(self.folder().display().to_string());
        } else {
            ui.horizontal(|ui| {
                ui.label(tr!("export-scope"));
                ui.radio_value(&mut self.scope, Scope::Article, tr!("export-scope-article"));
                ui.radio_value(&mut self.scope, Scope::Folder, tr!("export-scope-folder"))
                    .on_hover_text(self.folder().display().to_string());
            });
        }
        super::popups::choice(
            ui,
            "export-format",
            &tr!("import-format"),
            &mut self.format,
            &Format::ALL,
            |f| format!("{f} — {}", f.description()),
        );
        match self.format {
            Format::Csv => {
                ui.checkbox(
                    &mut self.options.one_row_per_tag,
                    tr!("export-csv-row-per-tag"),
                );
            }
            Format::W3c => {
                ui.checkbox(&mut self.options.w3c_lines, tr!("export-w3c-lines"));
            }
            Format::Qdpx => {
                ui.horizontal(|ui| {
                    ui.label(tr!("export-positions"));
                    ui.radio_value(
                        &mut self.options.qdpx_positions,
                        QdpxPositions::CodePoints,
                        tr!("export-positions-code-points"),
                    );
                    ui.radio_value(
                        &mut self.options.qdpx_positions,
                        QdpxPositions::Utf16,
                        tr!("export-positions-utf16"),
                    );
                });
            }
            Format::Brat => {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr!("export-brat-regions")).color(ui.visuals().warn_fg_color),
                    )
                    .wrap(),
                );
            }
            _ => {}
        }
        let mut changed =
            (self.scope, self.format, &self.options) != (before.0, before.1, &before.2);
        if changed {
            self.output_follows_format();
        }
        ui.horizontal(|ui| {
            let label = ui.label(if self.format.output_kind() == OutputKind::Directory {
                tr!("export-output-folder")
            } else {
                tr!("import-file")
            });
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.output).desired_width(440.0))
                .labelled_by(label.id);
            if r.changed() {
                self.output_edited = true;
                self.format_follows_output();
                changed = true;
            }
        });
        ui.checkbox(&mut self.open_folder, tr!("export-open-folder"));
        // "Exported … to <file>" speaks of the settings it was written with: once they
        // change, it would name a file of another format that was never written.
        if changed {
            self.result = None;
        }
    }

    /// The format chosen.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The file (or folder) the export will write.
    pub fn output(&self) -> &str {
        &self.output
    }

    /// The outcome of the last export, if it finished.
    pub fn result(&self) -> Option<&Result<ExportSummary, ExportFailure>> {
        self.result.as_ref()
    }

    /// True while an export runs.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

/// The extension of the file name in `output` (lower case, empty if none).
fn extension_in(output: &str) -> String {
    Path::new(output.trim())
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The format a file with this extension is written in (`html` → html, `jsonld` →
/// w3c); `None` for other extensions.
fn format_of_extension(extension: &str) -> Option<Format> {
    let extension = match extension {
        "htm" => "html",
        "markdown" => "md",
        other => other,
    };
    Format::ALL
        .into_iter()
        .find(|f| !extension.is_empty() && f.extension(&ExportOptions::default()) == extension)
}

/// `output` with the extension `extension` (removed when empty), if its present
/// extension is one of an export format or there is none; otherwise unchanged (the
/// user chose it).
fn with_extension_of(output: &str, extension: &str) -> String {
    let trimmed = output.trim();
    let present = extension_in(trimmed);
    if !present.is_empty() && format_of_extension(&present).is_none() {
        return output.to_owned();
    }
    Path::new(trimmed)
        .with_extension(extension)
        .display()
        .to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_follows_the_format_and_the_format_follows_the_file_name() {
        let mut dialog = ExportDialog::new(Path::new("/corpus/a.txt"));
        assert_eq!(dialog.output, "/corpus/a-annotations.csv");
        dialog.format = Format::Html;
        dialog.output_follows_format();
        assert_eq!(dialog.output, "/corpus/a-annotations.html");

        dialog.output = "/corpus/report.md".to_owned();
        dialog.output_edited = true;
        dialog.format_follows_output();
        assert_eq!(dialog.format, Format::Markdown);
        dialog.output = "/corpus/report.html".to_owned();
        dialog.format_follows_output();
        assert_eq!(dialog.format, Format::Html);

        dialog.format = Format::Qdpx;
        dialog.output_follows_format();
        assert_eq!(
            dialog.output, "/corpus/report.qdpx",
            "an edited name keeps its stem"
        );
        dialog.format = Format::Brat;
        dialog.output_follows_format();
        assert_eq!(dialog.output, "/corpus/report", "brat writes a folder");

        dialog.format = Format::W3c;
        dialog.options.w3c_lines = true;
        dialog.output_follows_format();
        assert_eq!(dialog.output, "/corpus/report.jsonl");
        dialog.format_follows_output();
        assert_eq!(dialog.format, Format::W3c, "JSON Lines of W3C stays W3C");
    }

    #[test]
    fn a_name_of_another_format_is_refused_and_other_names_are_kept() {
        let mut dialog = ExportDialog::new(Path::new("/corpus/a.txt"));
        dialog.output = "/corpus/report.html".to_owned();
        assert!(dialog.mismatch().is_some(), "never CSV into an .html file");
        dialog.output = "/corpus/report.txt".to_owned();
        assert_eq!(
            dialog.mismatch(),
            None,
            "an extension of no format is the user's choice"
        );
        assert_eq!(
            with_extension_of("/corpus/report.txt", "csv"),
            "/corpus/report.txt"
        );
        assert_eq!(
            format_of_extension("HTM".to_lowercase().as_str()),
            Some(Format::Html)
        );
        dialog.format = Format::Brat;
        dialog.output = "/corpus/out.csv".to_owned();
        assert!(dialog.mismatch().is_some(), "brat needs a folder name");
    }
}
