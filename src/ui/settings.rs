//! Preferences that persist between runs (through eframe's storage).

use std::path::{Path, PathBuf};

use super::fonts::Typeface;
use super::theme::ReaderTheme;
use crate::i18n::Language;

/// Key under which [`Settings`] are stored.
pub const STORAGE_KEY: &str = "pathok/settings";

/// Smallest and largest reading font size, in points.
pub const FONT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 10.0..=40.0;
/// Narrowest and widest text column, in ems.
pub const COLUMN_RANGE: std::ops::RangeInclusive<f32> = 20.0..=80.0;
/// How many recent files are remembered.
pub const MAX_RECENT: usize = 12;

/// The user's reading preferences and recent files.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reading theme.
    pub theme: ReaderTheme,
    /// Body font size in points.
    pub font_size: f32,
    /// Sans or serif.
    pub typeface: Typeface,
    /// Maximum width of the text column, in ems.
    pub column_em: f32,
    /// Recently opened files, most recent first.
    pub recent: Vec<PathBuf>,
    /// Name stored on every new annotation.
    pub author: String,
    /// Recently opened folders (libraries), most recent first.
    pub recent_folders: Vec<PathBuf>,
    /// The interface language chosen in View ▸ Language; `None`: the system's
    /// ([`Language::from_environment`]).
    pub language: Option<Language>,
    /// The library panel's width in points, as last dragged; `None`: a default share
    /// of the window (see `app::layout`).
    pub library_width: Option<f32>,
}

/// The user name of the operating system account, the default author.
pub fn os_user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        // Some sessions set none of them: the home folder is named after the user.
        .or_else(|| {
            let home = std::env::var_os("HOME")?;
            let name = Path::new(&home).file_name()?.to_string_lossy().into_owned();
            (!name.is_empty()).then_some(name)
        })
        .unwrap_or_default()
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ReaderTheme::Light,
            font_size: 19.0,
            typeface: Typeface::Sans,
            column_em: 38.0,
            recent: Vec::new(),
            author: os_user_name(),
            recent_folders: Vec::new(),
            language: None,
            library_width: None,
        }
    }
}

impl Settings {
    /// Default body font size.
    pub const DEFAULT_FONT_SIZE: f32 = 19.0;

    /// Change the font size by `delta` points, within [`FONT_SIZE_RANGE`].
    pub fn zoom(&mut self, delta: f32) {
        self.font_size =
            (self.font_size + delta).clamp(*FONT_SIZE_RANGE.start(), *FONT_SIZE_RANGE.end());
    }

    /// Change the column width by `delta` ems, within [`COLUMN_RANGE`].
    pub fn widen(&mut self, delta: f32) {
        self.column_em = (self.column_em + delta).clamp(*COLUMN_RANGE.start(), *COLUMN_RANGE.end());
    }

    /// Put `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        remember_in(&mut self.recent, path);
    }

    /// Put the folder `path` first in the recent folders.
    pub fn remember_folder(&mut self, path: &Path) {
        remember_in(&mut self.recent_folders, path);
    }
}

/// Put `path` (canonical when it can be made so) first in `list`, once, and keep the
/// list short.
fn remember_in(list: &mut Vec<PathBuf>, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(MAX_RECENT);
}

/// How recent files are listed: the file name with as many folders above it as it
/// takes to tell it from the others (at least one), after `…/` when more are left
/// out: `…/corpus/a.txt`, `…/2024/corpus/a.txt` next to `…/2025/corpus/a.txt`.
pub fn recent_labels(paths: &[PathBuf]) -> Vec<String> {
    let parts: Vec<Vec<String>> = paths
        .iter()
        .map(|p| {
            p.components()
                .filter_map(|c| match c {
                    std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let label = |parts: &[String], depth: usize| -> String {
        let shown = depth.min(parts.len());
        let tail = parts[parts.len() - shown..].join("/");
        if shown < parts.len() {
            format!("…/{tail}")
        } else {
            format!("/{tail}")
        }
    };
    let mut depths = vec![2; paths.len()];
    loop {
        let labels: Vec<String> = parts
            .iter()
            .zip(&depths)
            .map(|(p, d)| label(p, *d))
            .collect();
        let mut grew = false;
        for (i, l) in labels.iter().enumerate() {
            let clash = labels.iter().enumerate().any(|(j, m)| j != i && m == l);
            if clash && depths[i] < parts[i].len() {
                depths[i] += 1;
                grew = true;
            }
        }
        if !grew {
            return labels;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_and_column_stay_in_range_and_recent_is_deduplicated() {
        let mut s = Settings::default();
        s.zoom(100.0);
        assert_eq!(s.font_size, 40.0);
        s.widen(-100.0);
        assert_eq!(s.column_em, 20.0);
        for p in ["a.txt", "b.txt", "a.txt"] {
            s.remember(Path::new(p));
        }
        assert_eq!(
            s.recent,
            vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")]
        );
    }

    #[test]
    fn recent_folders_are_kept_apart_from_recent_files_and_survive_storage() {
        let mut s = Settings::default();
        for p in ["corpus-a", "corpus-b", "corpus-a"] {
            s.remember_folder(Path::new(p));
        }
        assert_eq!(
            s.recent_folders,
            vec![PathBuf::from("corpus-a"), PathBuf::from("corpus-b")]
        );
        assert!(s.recent.is_empty());
        let stored = ron::to_string(&s).unwrap();
        let back: Settings = ron::from_str(&stored).unwrap();
        assert_eq!(back.recent_folders, s.recent_folders);
        // Settings stored before folders existed still load.
        let old: Settings = ron::from_str("(author: \"rina\")").unwrap();
        assert!(old.recent_folders.is_empty());
    }

    #[test]
    fn recent_files_are_listed_with_their_folder_and_told_apart() {
        let paths: Vec<PathBuf> = [
            "/home/rina/2024/corpus/a.txt",
            "/home/rina/2025/corpus/a.txt",
            "/home/rina/corpus/b.txt",
            "/c.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(
            recent_labels(&paths),
            [
                "…/2024/corpus/a.txt",
                "…/2025/corpus/a.txt",
                "…/corpus/b.txt",
                "/c.txt"
            ]
        );
    }

    #[test]
    fn old_settings_missing_fields_still_load() {
        let s: Settings = ron::from_str("(font_size: 22.0)").unwrap();
        assert_eq!(s.font_size, 22.0);
        assert_eq!(s.theme, ReaderTheme::Light);
    }
}
