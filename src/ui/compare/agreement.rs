//! The agreement window: α_u, observed and expected disagreement, kappa and percent
//! agreement per tag, overall and per article, for the open article's folder, between
//! the coders ticked among those found. A figure with nothing to compare shows "—" and
//! the reason. The team report (HTML or Markdown) is written next to the articles.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::RichText;

use crate::agreement::{
    AgreementOptions, AgreementReport, LoadError, Loaded, Measure, StudyError, agreement,
    disagreements, load_corpus, to_team_html, to_team_markdown,
};
use crate::tr;

/// What the window asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgreementAction {
    /// Close the window.
    Close,
    /// Tell the user (a report was written, or could not be).
    Notice {
        /// An error rather than a notice.
        error: bool,
        /// What happened, naming the file.
        text: String,
    },
}

/// State of the agreement window.
pub struct AgreementWindow {
    folder: PathBuf,
    loaded: Result<Loaded, LoadError>,
    /// Every author found in the folder.
    found: Vec<String>,
    chosen: BTreeSet<String>,
    report: Option<Result<AgreementReport, StudyError>>,
}

impl AgreementWindow {
    /// Read the folder's articles and sidecars (as saved) and measure between every
    /// coder found.
    pub fn open(folder: &Path) -> Self {
        let loaded = load_corpus(&[folder.to_owned()]);
        let found: Vec<String> = match &loaded {
            Ok(l) => l
                .coding
                .articles
                .iter()
                .flat_map(|a| a.annotations.iter().map(|x| x.author.clone()))
                .filter(|c| !c.is_empty())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            Err(_) => Vec::new(),
        };
        let mut window = AgreementWindow {
            folder: folder.to_owned(),
            loaded,
            chosen: found.iter().cloned().collect(),
            found,
            report: None,
        };
        window.measure();
        window
    }

    fn measure(&mut self) {
        self.report = self.loaded.as_ref().ok().map(|l| {
            let options = AgreementOptions {
                coders: Some(self.chosen.iter().cloned().collect()),
                tags: Vec::new(),
            };
            agreement(&l.coding, &options)
        });
    }

    /// Draw the window.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<AgreementAction> {
        let mut action = None;
        let mut open = true;
        egui::Window::new(tr!("agreement-title"))
            .open(&mut open)
            .default_width(640.0)
            .show(ctx, |ui| action = self.contents(ui));
        if !open {
            action = Some(AgreementAction::Close);
        }
        action
    }

    fn contents(&mut self, ui: &mut egui::Ui) -> Option<AgreementAction> {
        // The folder as the user gave it (relative to the working directory).
        let cwd = std::env::current_dir().ok();
        let folder = tr!("agreement-folder", path = self.folder.display().to_string());
        ui.label(RichText::new(crate::ui::paths::shown(&folder, cwd.as_deref())).weak());
        match &self.loaded {
            Ok(l) => {
                for problem in &l.skipped {
                    ui.label(RichText::new(problem.to_string()).weak());
                }
            }
            Err(e) => {
                ui.label(RichText::new(e.to_string()).color(ui.visuals().error_fg_color));
                return None;
            }
        }
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("agreement-coders"));
            if self.found.is_empty() {
                ui.label(tr!("agreement-no-coders"));
            }
            for coder in &self.found {
                let mut on = self.chosen.contains(coder);
                if ui.checkbox(&mut on, coder).changed() {
                    changed = true;
                    if on {
                        self.chosen.insert(coder.clone());
                    } else {
                        self.chosen.remove(coder);
                    }
                }
            }
        });
        if changed {
            self.measure();
        }
        let Ok(loaded) = &self.loaded else {
            return None;
        };
        let report = match &self.report {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                ui.label(RichText::new(e.to_string()).color(ui.visuals().error_fg_color));
                return None;
            }
            None => return None,
        };
        ui.label(tr!(
            "agreement-summary",
            articles = report.articles,
            characters = report.continuum,
            not_compared = report.not_compared.len()
        ));
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                let mut notes = Footnotes::default();
                tag_table(ui, report, &mut notes);
                article_table(ui, report, &self.folder, &mut notes);
                notes.show(ui);
                for n in &report.not_compared {
                    let line = format!("{}: {}", in_folder(&self.folder, &n.article), n.reason);
                    ui.add(egui::Label::new(RichText::new(line).weak()).wrap());
                }
            });
        let mut action = None;
        ui.horizontal(|ui| {
            for (label, name, html) in [
                (tr!("agreement-save-html"), "team-report.html", true),
                (tr!("agreement-save-markdown"), "team-report.md", false),
            ] {
                let button = ui
                    .button(label)
                    .on_hover_text(tr!("agreement-save-tip", name = name));
                if button.clicked() {
                    action = Some(self.write_report(loaded, report, name, html));
                }
            }
        });
        action
    }

    fn write_report(
        &self,
        loaded: &Loaded,
        report: &AgreementReport,
        name: &str,
        html: bool,
    ) -> AgreementAction {
        let found = disagreements(&loaded.coding, report);
        let text = if html {
            to_team_html(report, &found)
        } else {
            to_team_markdown(report, &found)
        };
        let path = self.folder.join(name);
        match crate::store::write_atomic(&path, text.as_bytes()) {
            Ok(()) => AgreementAction::Notice {
                error: false,
                text: tr!("agreement-written", path = path.display().to_string()),
            },
            Err(e) => AgreementAction::Notice {
                error: true,
                text: tr!("agreement-not-written", reason = e.to_string()),
            },
        }
    }
}

/// A figure, or "—" with the number of its reason, listed under the table (as in the
/// team report): a reason in the cell made its column as wide as the sentence and
/// pushed the next columns off the window. The reason also shows on hover.
fn figure(ui: &mut egui::Ui, m: &Measure, decimals: usize, notes: &mut Footnotes) {
    match m {
        Measure::Value(v) => {
            ui.label(crate::i18n::number(format!("{v:.decimals$}")));
        }
        Measure::Undefined(why) => {
            let why = why.to_string();
            let n = crate::i18n::number(notes.mark(&why));
            ui.label(RichText::new(format!("— ({n})")).weak())
                .on_hover_text(why);
        }
    }
}

/// Reasons for undefined figures, numbered in order of first use.
#[derive(Default)]
struct Footnotes {
    reasons: Vec<String>,
}

impl Footnotes {
    fn mark(&mut self, reason: &str) -> usize {
        match self.reasons.iter().position(|r| r == reason) {
            Some(i) => i + 1,
            None => {
                self.reasons.push(reason.to_owned());
                self.reasons.len()
            }
        }
    }

    /// The numbered reasons, wrapped to the window's width.
    fn show(&self, ui: &mut egui::Ui) {
        for (i, reason) in self.reasons.iter().enumerate() {
            let n = crate::i18n::number(i + 1);
            ui.add(egui::Label::new(RichText::new(format!("({n}) {reason}")).weak()).wrap());
        }
    }
}

fn optional(ui: &mut egui::Ui, x: Option<f64>) {
    ui.label(x.map_or_else(
        || "—".to_owned(),
        |v| crate::i18n::number(format!("{v:.4}")),
    ));
}

fn tag_table(ui: &mut egui::Ui, report: &AgreementReport, notes: &mut Footnotes) {
    egui::Grid::new("agreement-tags")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for head in [
                tr!("agreement-head-tag"),
                "α_u".to_owned(),
                tr!("agreement-head-observed"),
                tr!("agreement-head-expected"),
                "kappa".to_owned(),
                tr!("agreement-head-percent"),
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for (name, t) in &report.tags {
                ui.label(name);
                figure(ui, &t.alpha_u, 4, notes);
                optional(ui, t.observed);
                optional(ui, t.expected);
                figure(ui, &t.kappa, 4, notes);
                figure(ui, &t.percent, 2, notes);
                ui.end_row();
            }
            ui.strong(tr!("agreement-all-tags"));
            figure(ui, &report.alpha_u, 4, notes);
            optional(ui, report.observed);
            optional(ui, report.expected);
            ui.label("");
            figure(ui, &report.percent, 2, notes);
            ui.end_row();
        });
}

/// An article's path as it lies in the folder measured (`sub/a.txt`), not absolute.
fn in_folder(folder: &Path, article: &str) -> String {
    Path::new(article)
        .strip_prefix(folder)
        .map_or_else(|_| article.to_owned(), |p| p.display().to_string())
}

fn article_table(
    ui: &mut egui::Ui,
    report: &AgreementReport,
    folder: &Path,
    notes: &mut Footnotes,
) {
    if report.per_article.is_empty() {
        return;
    }
    ui.separator();
    egui::Grid::new("agreement-articles")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for head in [
                tr!("agreement-head-article"),
                "α_u".to_owned(),
                tr!("agreement-head-percent"),
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for a in &report.per_article {
                ui.label(in_folder(folder, &a.article));
                figure(ui, &a.alpha_u, 4, notes);
                figure(ui, &a.percent, 2, notes);
                ui.end_row();
            }
        });
}
