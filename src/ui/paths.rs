//! Paths given to the GUI, resolved once where they come in. A path from outside the
//! window (the command line, a dropped file, the recent list) is taken relative to
//! the working directory; a name typed into a dialog is taken relative to the folder
//! the dialog shows (the open article's). From there on every path is absolute, so
//! folder operations (the codebook up the tree, "this folder", imports) never meet
//! the empty parent of a bare file name.

use std::path::{Path, PathBuf};

/// `path` made absolute against the working directory (as given if that is unknown).
pub fn from_outside(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// The path typed into a dialog: trimmed, relative names taken in `folder` (or the
/// working directory when there is none, e.g. for the sample article).
pub fn typed(text: &str, folder: Option<&Path>) -> PathBuf {
    let path = Path::new(text.trim());
    match folder {
        Some(folder) if path.is_relative() => from_outside(&folder.join(path)),
        _ => from_outside(path),
    }
}

/// The text a dialog starts with: the folder and a separator, ready for a file name;
/// empty when there is no folder.
pub fn folder_prefix(folder: Option<&Path>) -> String {
    match folder.filter(|f| !f.as_os_str().is_empty()) {
        Some(folder) => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_are_taken_in_the_dialogs_folder() {
        let folder = Path::new("/corpus/2024");
        assert_eq!(
            typed(" report.html ", Some(folder)),
            Path::new("/corpus/2024/report.html")
        );
        assert_eq!(
            typed("../b.txt", Some(folder)),
            Path::new("/corpus/2024/../b.txt")
        );
        assert_eq!(typed("/tmp/x.csv", Some(folder)), Path::new("/tmp/x.csv"));
        assert!(typed("a.txt", None).is_absolute());
        assert!(from_outside(Path::new("a.txt")).is_absolute());
    }

    #[test]
    fn a_dialog_starts_in_the_folder_never_at_the_root() {
        assert_eq!(folder_prefix(Some(Path::new("/corpus"))), "/corpus/");
        assert_eq!(folder_prefix(Some(Path::new(""))), "", "not \"/\"");
        assert_eq!(folder_prefix(None), "");
    }
}
