//! The list of articles: one row per article with its title, file, size, annotations,
//! tags, coders and last change; sorted by a click on a column's header, filtered by
//! text, tag, coder or "not yet coded"; only the rows on screen are drawn, so ten
//! thousand articles scroll as smoothly as ten.

use std::path::Path;

use egui::{Align, Layout, RichText};

use crate::corpus::{Library, Row, RowFilter, SortKey};
use crate::tr;

use super::super::text_input::BengaliText;
use super::LibraryAction;

/// Height of a row of the list, in points.
const ROW_HEIGHT: f32 = 20.0;

/// The columns: sort key, width in points.
const COLUMNS: [(SortKey, f32); 7] = [
    (SortKey::Title, 240.0),
    (SortKey::Name, 170.0),
    (SortKey::Size, 64.0),
    (SortKey::Annotations, 44.0),
    (SortKey::Tags, 150.0),
    (SortKey::Coders, 110.0),
    (SortKey::Modified, 120.0),
];

/// A column's header.
fn column_title(key: SortKey) -> String {
    match key {
        SortKey::Title => tr!("library-column-title"),
        SortKey::Name => tr!("library-column-file"),
        SortKey::Size => tr!("library-column-size"),
        SortKey::Annotations => tr!("library-column-annotations"),
        SortKey::Tags => tr!("library-column-tags"),
        SortKey::Coders => tr!("library-column-coders"),
        SortKey::Modified => tr!("library-column-modified"),
    }
}

/// Sort and filter of the list, and the order they give (cached: sorting ten
/// thousand folded titles each frame would be felt).
pub struct ListState {
    sort: SortKey,
    descending: bool,
    filter: RowFilter,
    text: BengaliText,
    cached: Option<Vec<usize>>,
}

impl Default for ListState {
    fn default() -> Self {
        Self {
            sort: SortKey::Name,
            descending: false,
            filter: RowFilter::default(),
            text: BengaliText::default(),
            cached: None,
        }
    }
}

impl ListState {
    /// Forget the cached order (the listing, sort or filter changed).
    pub fn invalidate(&mut self) {
        self.cached = None;
    }

    /// Row indices in the list's order: sorted, then filtered.
    pub fn order(&self, library: &Library) -> Vec<usize> {
        if let Some(order) = &self.cached {
            return order.clone();
        }
        compute_order(library, self.sort, self.descending, &self.filter)
    }

    fn cached_order(&mut self, library: &Library) -> &[usize] {
        let (sort, descending, filter) = (self.sort, self.descending, &self.filter);
        self.cached
            .get_or_insert_with(|| compute_order(library, sort, descending, filter))
    }

    /// Draw the filters, the header and the rows on screen.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        library: &Library,
        open_article: Option<&Path>,
    ) -> Option<LibraryAction> {
        self.filters_ui(ui, library);
        let order = self.cached_order(library).to_vec();
        if order.len() != library.rows.len() {
            ui.weak(tr!(
                "library-shown",
                shown = order.len(),
                total = library.rows.len()
            ));
        }
        for problem in &library.problems {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {problem}"));
        }
        let mut action = None;
        egui::ScrollArea::horizontal()
            .id_salt("library-columns")
            .show(ui, |ui| {
                self.header_ui(ui);
                egui::ScrollArea::vertical()
                    .id_salt("library-rows")
                    .auto_shrink([false, false])
                    .show_rows(ui, ROW_HEIGHT, order.len(), |ui, range| {
                        for &i in &order[range] {
                            let row = &library.rows[i];
                            let open = open_article == Some(row.path.as_path());
                            if row_ui(ui, row, open) {
                                action = Some(LibraryAction::Open(row.path.clone()));
                            }
                        }
                    });
            });
        action
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, library: &Library) {
        let before = self.filter.clone();
        // Wrapped: in a narrow panel the filters take two lines rather than being cut.
        ui.horizontal_wrapped(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .hint_text(tr!("library-filter-hint"))
                    .desired_width(180.0),
            );
            if response.changed() {
                self.filter.text = self.text.value();
            }
            let (tags, coders) = tags_and_coders(library);
            choice(
                ui,
                "library-tag",
                &tr!("library-tag"),
                &tr!("library-any"),
                &tags,
                &mut self.filter.tag,
            );
            choice(
                ui,
                "library-coder",
                &tr!("panel-coder"),
                &tr!("library-any"),
                &coders,
                &mut self.filter.coder,
            );
            ui.checkbox(&mut self.filter.not_coded, tr!("library-not-coded"))
                .on_hover_text(tr!("library-not-coded-tip"));
        });
        if self.filter != before {
            self.invalidate();
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (key, width) in COLUMNS {
                let title = column_title(key);
                let arrow = match (self.sort == key, self.descending) {
                    (true, false) => " ⏶",
                    (true, true) => " ⏷",
                    (false, _) => "",
                };
                let clicked = ui
                    .add_sized(
                        [width, ROW_HEIGHT],
                        egui::Button::new(RichText::new(format!("{title}{arrow}")).strong())
                            .frame(false),
                    )
                    .on_hover_text(tr!("library-sort-tip"))
                    .clicked();
                if clicked {
                    if self.sort == key {
                        self.descending = !self.descending;
                    } else {
                        self.sort = key;
                        self.descending = false;
                    }
                    self.invalidate();
                }
            }
        });
    }
}

fn compute_order(
    library: &Library,
    sort: SortKey,
    descending: bool,
    filter: &RowFilter,
) -> Vec<usize> {
    let folded = filter.folded_text();
    library
        .sorted(sort, descending)
        .into_iter()
        .filter(|&i| filter.matches(&library.rows[i], &folded))
        .collect()
}

/// Every tag and every coder of the library, sorted.
pub(super) fn tags_and_coders(library: &Library) -> (Vec<String>, Vec<String>) {
    let mut tags = std::collections::BTreeSet::new();
    let mut coders = std::collections::BTreeSet::new();
    for row in &library.rows {
        tags.extend(row.tags.iter().cloned());
        coders.extend(row.coders.iter().cloned());
    }
    (tags.into_iter().collect(), coders.into_iter().collect())
}

/// A combo box of `options` with `any` for `None` (the keyboard-operable
/// [`super::super::popups::choice`]).
pub(super) fn choice(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    any: &str,
    options: &[String],
    value: &mut Option<String>,
) {
    let options: Vec<Option<String>> = std::iter::once(None)
        .chain(options.iter().cloned().map(Some))
        .collect();
    super::super::popups::choice(ui, id, label, value, &options, |o| {
        o.clone().unwrap_or_else(|| any.to_owned())
    });
}

/// One text cell of `width` points, cut with … when too long.
fn cell(ui: &mut egui::Ui, width: f32, text: RichText) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ROW_HEIGHT),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).truncate())
        },
    )
    .inner
}

/// One row; true when its title was clicked.
fn row_ui(ui: &mut egui::Ui, row: &Row, open: bool) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        let problems: Vec<String> = row.problems.iter().map(ToString::to_string).collect();
        // A file that cannot be read has no title: its reason stands in its place.
        let title = match (row.title.is_empty(), problems.first()) {
            (true, Some(problem)) => problem.clone(),
            (true, None) => tr!("library-no-title"),
            (false, _) => row.title.clone(),
        };
        let width = COLUMNS[0].1;
        let response = ui
            .allocate_ui_with_layout(
                egui::vec2(width, ROW_HEIGHT),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_width(width);
                    let mut text = RichText::new(&title);
                    if !problems.is_empty() {
                        text =
                            RichText::new(format!("⚠ {title}")).color(ui.visuals().warn_fg_color);
                    }
                    ui.add(egui::Button::selectable(open, text).truncate())
                },
            )
            .inner;
        // The title is truncated to its column: the hover gives it in full.
        let hover = if problems.is_empty() {
            format!("{title}\n{}", row.path.display())
        } else {
            problems.join("\n")
        };
        clicked = response.on_hover_text(hover).clicked();
        cell(
            ui,
            COLUMNS[1].1,
            RichText::new(row.name.display().to_string()),
        );
        cell(ui, COLUMNS[2].1, RichText::new(size_label(row.size)));
        cell(
            ui,
            COLUMNS[3].1,
            RichText::new(crate::i18n::number(row.annotations)),
        );
        cell(ui, COLUMNS[4].1, RichText::new(row.tags.join(", ")));
        cell(ui, COLUMNS[5].1, RichText::new(row.coders.join(", ")));
        cell(
            ui,
            COLUMNS[6].1,
            RichText::new(modified_label(row.modified)).weak(),
        );
    });
    clicked
}

/// A file size for people: 812 B, 14 KB, 2.3 MB.
fn size_label(bytes: u64) -> String {
    crate::i18n::number(match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    })
}

/// The modification time in UTC, to the minute.
fn modified_label(time: Option<std::time::SystemTime>) -> String {
    let Some(time) = time else {
        return String::new();
    };
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    time::OffsetDateTime::from(time)
        .format(&format)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_bytes_kilobytes_and_megabytes() {
        assert_eq!(size_label(812), "812 B");
        assert_eq!(size_label(14_200), "14 KB");
        assert_eq!(size_label(2_345_678), "2.3 MB");
    }

    #[test]
    fn modification_times_show_to_the_minute_in_utc() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400 + 3_661);
        assert_eq!(modified_label(Some(t)), "1970-01-02 01:01");
        assert_eq!(modified_label(None), "");
    }
}
