//! Writing a generated file (a printed binder, a report) where a person
//! asked for it, so that a crash or a full disk never leaves half of it
//! under its name, and nothing but a file is ever replaced.
//!
//! A regular file, or a new name, is written atomically: the text goes to a
//! temporary file in the same folder, is synced, and is renamed over the
//! name; the folder is synced so the rename itself lasts. Someone who opens
//! the file sees the old one or the whole new one.
//!
//! Anything else is not a file to replace. A character device or a named
//! pipe (`--out /dev/stdout`, a FIFO a printer reads) is written in place,
//! as a shell's `>` would, and an error writing it (`/dev/full`) is an
//! error; renaming over it would put a regular file where `/dev/null` was,
//! for the whole machine when run as root. A symbolic link is written
//! through to what it points at, by the same rules. A folder, a block
//! device or a socket is refused.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

/// Writes `bytes` to `path`: atomically over a regular file or a new name,
/// in place on a character device or a named pipe, through a symbolic link
/// to its target.
///
/// # Errors
/// When the folder cannot be written, the disk is full, the rename fails,
/// or `path` is a folder, a block device or a socket; the message names it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = through_links(path)?;
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("cannot look at {}", target.display())),
    };
    match meta.map(|m| Kind::of(&m.file_type())) {
        None | Some(Kind::File) => replace(&target, bytes),
        Some(Kind::Stream) => in_place(&target, bytes),
        Some(Kind::Folder) => bail!("{} is a folder: give a file name", target.display()),
        Some(Kind::Other) => bail!(
            "{} is not a file (a disk device or a socket): give a file name",
            target.display()
        ),
    }
}

/// What a path names, for deciding how to write it.
enum Kind {
    File,
    /// A character device or a named pipe: written as a stream.
    Stream,
    Folder,
    Other,
}

impl Kind {
    fn of(t: &std::fs::FileType) -> Self {
        if t.is_file() {
            return Self::File;
        }
        if t.is_dir() {
            return Self::Folder;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if t.is_char_device() || t.is_fifo() {
                return Self::Stream;
            }
        }
        Self::Other
    }
}

/// The path a symbolic link leads to, link after link (at most 40, as the
/// system allows), ending at something that is not a link or not there.
fn through_links(path: &Path) -> anyhow::Result<PathBuf> {
    let mut at = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&at)
                    .with_context(|| format!("cannot read the link {}", at.display()))?;
                at = match at.parent() {
                    Some(parent) if to.is_relative() => parent.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    bail!("{} is a loop of symbolic links", path.display())
}

/// Writes a character device or a named pipe in place.
fn in_place(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Writes a regular file atomically (temporary file, sync, rename, sync the
/// folder).
fn replace(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".runbook-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {} (is the disk full?)", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    super::platform::sync_dir(dir).with_context(|| format!("cannot sync {}", dir.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp() -> tempfile::TempDir {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        dir
    }

    #[test]
    fn a_file_is_replaced_whole_and_a_new_name_made() {
        let dir = tmp();
        let path = dir.path().join("report.html");
        assert!(write_atomic(&path, b"first").is_ok());
        assert!(write_atomic(&path, b"second").is_ok());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"second"[..]));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through_and_stays_a_link() {
        let dir = tmp();
        let real = dir.path().join("real.html");
        let link = dir.path().join("link.html");
        assert!(std::fs::write(&real, "old").is_ok());
        assert!(std::os::unix::fs::symlink("real.html", &link).is_ok());
        assert!(write_atomic(&link, b"new").is_ok());
        assert_eq!(std::fs::read(&real).ok().as_deref(), Some(&b"new"[..]));
        let still_link = std::fs::symlink_metadata(&link).map(|m| m.file_type().is_symlink());
        assert_eq!(still_link.ok(), Some(true));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_never_replaced() {
        use std::os::unix::fs::FileTypeExt as _;
        let null = Path::new("/dev/null");
        let is_device =
            |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device());
        if is_device(null) {
            assert!(write_atomic(null, b"gone").is_ok());
            assert!(is_device(null), "/dev/null is still the device");
        }
        let full = Path::new("/dev/full");
        if is_device(full) {
            let e = write_atomic(full, b"x").err().map(|e| format!("{e:#}"));
            assert!(
                e.as_deref().is_some_and(|e| e.contains("No space left")),
                "{e:?}"
            );
            assert!(is_device(full), "/dev/full is still the device");
        }
    }

    #[test]
    fn a_folder_is_refused_in_plain_words() {
        let dir = tmp();
        let e = write_atomic(dir.path(), b"x")
            .err()
            .map(|e| format!("{e:#}"));
        assert!(
            e.as_deref().is_some_and(|e| e.contains("is a folder")),
            "{e:?}"
        );
    }
}
