//! `pathok merge-driver` (git calls it to merge sidecars and `codebook.ron`) and
//! `pathok git-setup` (registers it in a repository).
//!
//! The driver's rules are the store's ([`pathok::store::merge_three_way`], built on the
//! app's own merge by annotation id). Git runs it as `pathok merge-driver %O %A %B %P`:
//! the common ancestor, ours (where the result goes), theirs, and the file's path in
//! the repository (for messages). Exit 0: merged, written to ours. Exit 1: a conflict
//! the rules cannot decide; ours holds the merge with conflict markers around the
//! undecided lines. Exit 2: a version could not be read; ours is left as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context as _, bail};
use clap::Args;

use pathok::store::{self, MAX_STORE_FILE_BYTES, merge_three_way};
use pathok::tr;

/// The lines `git-setup` puts in `.gitattributes`.
const ATTRIBUTES: [&str; 2] = [
    "*.annotations.ron merge=pathok",
    "codebook.ron merge=pathok",
];

/// Arguments of `pathok merge-driver`.
#[derive(Args, Debug)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (git's %O).
    base: PathBuf,
    /// Our version; the merge is written here (git's %A).
    ours: PathBuf,
    /// Their version (git's %B).
    theirs: PathBuf,
    /// The file's path in the repository, for messages (git's %P).
    path: Option<PathBuf>,
}

/// Merge three versions of a sidecar or codebook into `ours`.
pub fn merge_driver(args: &MergeDriverArgs) -> anyhow::Result<ExitCode> {
    let name = args.path.as_deref().unwrap_or(&args.ours);
    let read = |p: &Path| pathok::article::read_regular_file(p, MAX_STORE_FILE_BYTES);
    let merged = (|| {
        let base = read(&args.base)?;
        let ours = read(&args.ours)?;
        let theirs = read(&args.theirs)?;
        merge_three_way(Some(&base), &ours, &theirs, name)
    })();
    let merged = match merged {
        Ok(m) => m,
        Err(e) => {
            eprintln!(
                "pathok merge-driver: {}",
                tr!("git-cannot-merge", reason = e.to_string())
            );
            return Ok(ExitCode::from(2));
        }
    };
    for line in &merged.report {
        eprintln!("pathok merge-driver: {line}: {}", name.display());
    }
    store::write_atomic(&args.ours, merged.text.as_bytes())?;
    if merged.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for line in &merged.conflicts {
        eprintln!(
            "pathok merge-driver: {}",
            tr!(
                "git-conflict",
                conflict = line.to_string(),
                path = name.display().to_string()
            )
        );
    }
    Ok(ExitCode::FAILURE)
}

/// Register the merge driver in the git repository at (or above) `repo`.
pub fn git_setup(repo: Option<&Path>) -> anyhow::Result<ExitCode> {
    let given = repo.unwrap_or(Path::new("."));
    let dir = std::env::current_dir()
        .context(tr!("git-no-working-directory"))?
        .join(given);
    let top = git(&dir, &["rev-parse", "--show-toplevel"])
        .with_context(|| tr!("git-not-a-repository", path = given.display().to_string()))?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));

    let attributes = top.join(".gitattributes");
    let old = match std::fs::read_to_string(&attributes) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(e).context(tr!(
                "git-cannot-read",
                path = attributes.display().to_string()
            ));
        }
    };
    let missing: Vec<&str> = ATTRIBUTES
        .into_iter()
        .filter(|line| !old.lines().any(|l| l.trim() == *line))
        .collect();
    if missing.is_empty() {
        println!(
            "{}",
            tr!("git-already-set", path = attributes.display().to_string())
        );
    } else {
        let mut new = old.clone();
        if !new.is_empty() && !new.ends_with('\n') {
            new.push('\n');
        }
        for line in &missing {
            new.push_str(line);
            new.push('\n');
        }
        store::write_atomic(&attributes, new.as_bytes())?;
        println!(
            "{}",
            tr!(
                "git-added",
                path = attributes.display().to_string(),
                lines = missing.join(", ")
            )
        );
    }

    // The running binary by its absolute path: the driver works without `pathok` on
    // PATH and is the version that was set up. After moving the binary, run
    // `git-setup` again (it replaces the entry).
    let exe = std::env::current_exe().context(tr!("git-no-exe"))?;
    let exe = exe.canonicalize().unwrap_or(exe);
    let driver = format!(
        "{} merge-driver %O %A %B %P",
        shell_quote(&exe.to_string_lossy())
    );
    git(
        &top,
        &[
            "config",
            "--local",
            "merge.pathok.name",
            "Pathok annotations and codebooks (by annotation id)",
        ],
    )?;
    git(&top, &["config", "--local", "merge.pathok.driver", &driver])?;
    println!("{}", tr!("git-registered", driver = driver.as_str()));
    Ok(ExitCode::SUCCESS)
}

/// Run git in `dir`; its standard output, or an error with what git said.
fn git(dir: &Path, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context(tr!("git-cannot-run"))?;
    if !out.status.success() {
        bail!(tr!(
            "git-failed",
            command = args.join(" "),
            reason = String::from_utf8_lossy(&out.stderr).trim().to_owned()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `s` as one word for the shell git runs the driver with.
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_quote;

    #[test]
    fn paths_with_spaces_and_quotes_are_one_shell_word() {
        assert_eq!(shell_quote("/usr/bin/pathok"), "/usr/bin/pathok");
        assert_eq!(shell_quote("/a b/it's"), r"'/a b/it'\''s'");
    }
}
