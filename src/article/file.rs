//! Reading a file that the user named or that a folder holds, safely: only regular
//! files are read (a FIFO would block forever, `/dev/zero` would fill the memory), and
//! never more than a size limit, however large the file grows while it is read.
//!
//! Every reader of articles, sidecars, codebooks and images goes through
//! [`read_regular_file`]: the check is made on the path (following symbolic links)
//! before opening, and again on the opened file, which is opened without waiting for a
//! writer (`O_NONBLOCK`), so a file swapped for a FIFO in between cannot hang us either.

use crate::tr;
use std::fs::{File, Metadata, OpenOptions};
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Why a file was not read. Messages name the file last.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Nothing is at the path (or a symbolic link leads nowhere).
    #[error("{}", tr!("error-not-found", path = .path.display().to_string()))]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// The path is a folder.
    #[error("{}", tr!("error-folder-not-file", path = .path.display().to_string()))]
    IsDirectory {
        /// The path as given.
        path: PathBuf,
    },
    /// A FIFO, device or socket (directly or through a symbolic link): never read.
    #[error("{}", tr!("error-not-regular", kind = *.kind, path = .path.display().to_string()))]
    NotRegular {
        /// The path as given.
        path: PathBuf,
        /// What it is ("FIFO", "character device", …).
        kind: &'static str,
    },
    /// Above the limit for this kind of file.
    #[error("{}", tr!("error-too-large", limit = *.limit, path = .path.display().to_string()))]
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// The OS refused.
    #[error("{}", tr!("error-cannot-read", reason = .source.to_string(), path = .path.display().to_string()))]
    Io {
        /// The path as given.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

impl FileError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            FileError::NotFound { path }
            | FileError::IsDirectory { path }
            | FileError::NotRegular { path, .. }
            | FileError::TooLarge { path, .. }
            | FileError::Io { path, .. } => path,
        }
    }

    fn io(path: &Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            FileError::NotFound {
                path: path.to_owned(),
            }
        } else {
            FileError::Io {
                path: path.to_owned(),
                source,
            }
        }
    }
}

/// What a file system entry is, in words, when it is not a regular file or folder.
fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("FIFO");
        }
        if kind.is_char_device() {
            return Some("character device");
        }
        if kind.is_block_device() {
            return Some("block device");
        }
        if kind.is_socket() {
            return Some("socket");
        }
    }
    Some("special file")
}

/// Refuse anything but a regular file, from its metadata.
fn require_regular(path: &Path, meta: &Metadata) -> Result<(), FileError> {
    if meta.is_dir() {
        return Err(FileError::IsDirectory {
            path: path.to_owned(),
        });
    }
    match special_kind(meta) {
        Some(kind) => Err(FileError::NotRegular {
            path: path.to_owned(),
            kind,
        }),
        None => Ok(()),
    }
}

/// The metadata of the regular file at `path` (symbolic links followed), or why it is
/// not one. Nothing is opened.
pub fn regular_file_metadata(path: &Path) -> Result<Metadata, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| FileError::io(path, e))?;
    require_regular(path, &meta)?;
    Ok(meta)
}

/// Open `path` for reading without ever blocking on a FIFO.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Open the regular file at `path` for reading, refusing a FIFO, device or socket
/// (directly or through a symbolic link) before and after opening. Returns the file
/// and its length when opened.
pub fn open_regular_file(path: &Path) -> Result<(File, u64), FileError> {
    regular_file_metadata(path)?;
    let file = open_nonblocking(path).map_err(|e| FileError::io(path, e))?;
    // The path may have been replaced between the check and the open.
    let opened = file.metadata().map_err(|e| FileError::io(path, e))?;
    require_regular(path, &opened)?;
    Ok((file, opened.len()))
}

/// Read the regular file at `path`, at most `limit` bytes. A FIFO, device or socket
/// (directly or through a symbolic link) is refused before it is read; a file that is
/// (or grows) larger than `limit` is refused after reading `limit + 1` bytes at most.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let too_large = || FileError::TooLarge {
        path: path.to_owned(),
        limit,
    };
    let (file, len) = open_regular_file(path)?;
    if len > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// [`read_regular_file`], with a file that does not exist read as `None` (a sidecar or
/// codebook not written yet). A symbolic link that leads nowhere is an error: it was
/// meant to lead somewhere.
pub fn read_regular_file_if_exists(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, FileError> {
    match read_regular_file(path, limit) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(FileError::NotFound { .. }) if std::fs::symlink_metadata(path).is_err() => Ok(None),
        Err(FileError::NotFound { path }) => Err(FileError::Io {
            path,
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "broken symbolic link: its target does not exist",
            ),
        }),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_a_larger_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "১২৩৪").unwrap();
        assert_eq!(read_regular_file(&path, 12).unwrap(), "১২৩৪".as_bytes());
        let err = read_regular_file(&path, 11).unwrap_err();
        assert!(
            matches!(err, FileError::TooLarge { limit: 11, .. }),
            "{err}"
        );
        assert!(err.to_string().ends_with("a.txt"), "{err}");
    }

    #[test]
    fn missing_files_folders_and_broken_links_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.ron");
        assert!(matches!(
            read_regular_file(&missing, 10),
            Err(FileError::NotFound { .. })
        ));
        assert!(read_regular_file_if_exists(&missing, 10).unwrap().is_none());
        assert!(matches!(
            read_regular_file(dir.path(), 10),
            Err(FileError::IsDirectory { .. })
        ));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink("missing.ron", &link).unwrap();
            let err = read_regular_file_if_exists(&link, 10).unwrap_err();
            assert!(err.to_string().contains("broken symbolic link"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_before_reading_directly_or_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let zero_link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero_link).unwrap();
        let started = std::time::Instant::now();
        for (path, kind) in [
            (fifo.as_path(), "FIFO"),
            (Path::new("/dev/zero"), "character device"),
            (zero_link.as_path(), "character device"),
        ] {
            let err = read_regular_file(path, u64::MAX).unwrap_err();
            assert!(
                matches!(err, FileError::NotRegular { kind: k, .. } if k == kind),
                "{err}"
            );
            assert!(err.to_string().ends_with(&path.display().to_string()));
        }
        // Hang guard: nothing above may wait for a writer or read without end.
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
