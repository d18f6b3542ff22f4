//! Paths given to the GUI, resolved once where they come in. A path from outside the
//! window (the command line, a dropped file, the recent list) is taken relative to
//! the working directory; a name typed into a dialog is taken relative to the folder
//! the dialog shows (the open article's). From there on every path is absolute, so
//! folder operations (the codebook up the tree, "this folder", imports) never meet
//! the empty parent of a bare file name. Messages still name files under the working
//! directory as they were given ([`shown`]).

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

/// A message as the user reads it: paths inside the working directory `cwd` are
/// written relative to it, as they were given on the command line (`a.txt`, not
/// `/home/rina/corpus/a.txt`); others stay absolute. Nothing changes when `cwd` is
/// the root or unknown.
pub fn shown(message: &str, cwd: Option<&Path>) -> String {
    let Some(cwd) = cwd.filter(|c| c.parent().is_some()) else {
        return message.to_owned();
    };
    let prefix = format!("{}{}", cwd.display(), std::path::MAIN_SEPARATOR);
    message.replace(&prefix, "")
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
    fn messages_name_files_under_the_working_directory_as_given() {
        let cwd = Path::new("/home/rina/corpus");
        assert_eq!(
            shown("cannot read: /home/rina/corpus/2024/a.txt", Some(cwd)),
            "cannot read: 2024/a.txt"
        );
        assert_eq!(
            shown("cannot read: /home/rina/corpus-old/a.txt", Some(cwd)),
            "cannot read: /home/rina/corpus-old/a.txt"
        );
        assert_eq!(shown("x: /a.txt", Some(Path::new("/"))), "x: /a.txt");
        assert_eq!(shown("x: /a.txt", None), "x: /a.txt");
    }

    #[test]
    fn a_dialog_starts_in_the_folder_never_at_the_root() {
        assert_eq!(folder_prefix(Some(Path::new("/corpus"))), "/corpus/");
        assert_eq!(folder_prefix(Some(Path::new(""))), "", "not \"/\"");
        assert_eq!(folder_prefix(None), "");
    }
}
