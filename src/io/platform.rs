//! Everything that depends on the operating system, each behind one `cfg`,
//! here: so that a port to Windows or macOS is a known, small job (see
//! `docs/portability.md`). Only Linux is built and tested.
//!
//! - private files and folders: Unix modes 0600 and 0700 (the logs hold
//!   phone numbers); elsewhere the folder's own permissions apply;
//! - syncing a folder so a new file in it survives a power cut: `fsync` on
//!   the folder on Unix; Windows has no such call and needs none for NTFS
//!   metadata, which is journaled;
//! - a file-size limit (`SIGXFSZ`) turned into an ordinary write error;
//! - which computer this is: the systemd/D-Bus machine id on Linux;
//! - opening a written file (a binder, a report) in the system's browser:
//!   `xdg-open` on Linux and the BSDs, `open` on macOS, `start` on Windows;
//! - opening a log or a pinned plan without following a symbolic link and
//!   without waiting on a named pipe or a device (`O_NOFOLLOW`,
//!   `O_NONBLOCK`, `O_NOCTTY` on Unix; elsewhere the name is looked at
//!   first, without following it), then checking from the open handle that
//!   it is a regular file; and whether a file is private to its owner (Unix
//!   modes and link counts; nothing to check elsewhere).
//!
//! Locking (`std::fs::File::try_lock`) and the data folder (`directories`)
//! are already portable APIs; how their behaviour differs is in the
//! portability notes.

use std::fs::{DirBuilder, File, FileType, OpenOptions};
use std::path::Path;

use crate::model::notice::{FileKind, Shared};

/// Makes a file being created readable and writable by its owner only.
pub fn private_file(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

/// A folder builder that makes folders for their owner only.
#[must_use]
pub fn private_dir_builder() -> DirBuilder {
    #[allow(unused_mut)] // Only Unix sets a mode.
    let mut b = DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        b.mode(0o700);
    }
    b
}

/// Syncs a folder, so a file created in it survives a crash.
///
/// # Errors
/// When the folder cannot be opened or synced.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    super::fault::op(super::fault::Op::SyncDir, dir)?;
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Makes SIGXFSZ (file-size limit exceeded) harmless: the write then fails
/// with an ordinary error the log handles, instead of killing the process.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

/// The operating system's id of this computer, when it has one.
#[must_use]
pub fn machine_id() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        ["/etc/machine-id", "/var/lib/dbus/machine-id"]
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Opens a file with the system's default program for it (a browser, for
/// HTML), without waiting for it. `Err` when there is no such program, so the
/// caller can say where the file is instead.
///
/// # Errors
/// When the opener cannot be started.
pub fn open_in_browser(path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "macos")]
    let mut cmd = std::process::Command::new("open");
    #[cfg(windows)]
    let mut cmd = {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    };
    #[cfg(not(any(target_os = "macos", windows)))]
    let mut cmd = std::process::Command::new("xdg-open");
    let mut child = cmd
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reap the opener when it exits (it hands the file over and returns),
    // without holding up the caller.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Why a file could not be opened as a regular file.
#[derive(Debug)]
pub enum OpenError {
    /// What stands under the name is not a regular file; it was not opened,
    /// or was closed at once.
    NotAFile(FileKind),
    /// The system's error.
    Io(std::io::Error),
}

impl From<std::io::Error> for OpenError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// What a file type is, when it is not a regular file; `None` for one.
#[must_use]
pub fn kind_of(t: FileType) -> Option<FileKind> {
    if t.is_file() {
        return None;
    }
    if t.is_symlink() {
        return Some(FileKind::Symlink);
    }
    if t.is_dir() {
        return Some(FileKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if t.is_socket() {
            return Some(FileKind::Socket);
        }
        if t.is_char_device() {
            return Some(FileKind::CharDevice);
        }
        if t.is_block_device() {
            return Some(FileKind::BlockDevice);
        }
    }
    Some(FileKind::Other)
}

/// What stands under a name, not following a symbolic link: `None` for a
/// regular file or when nothing is there (or it cannot be looked at).
#[must_use]
pub fn not_a_file(path: &Path) -> Option<FileKind> {
    std::fs::symlink_metadata(path)
        .ok()
        .and_then(|m| kind_of(m.file_type()))
}

/// Opens a file that must be a regular file, never following a symbolic
/// link in its last part and never waiting on a named pipe or a device.
///
/// The name is looked at first, without following it, so that a pipe, a
/// device or a link is not even opened (opening some devices does
/// something). It is then opened with `O_NOFOLLOW` (a link put there in
/// the meantime fails to open), `O_NONBLOCK` (a pipe or a device put there
/// opens at once instead of waiting for a writer) and `O_NOCTTY` (a
/// terminal never becomes this process's), and what was opened is checked
/// from the handle. `O_NONBLOCK` stays set: it changes nothing for a
/// regular file, whose reads and writes never wait for another process
/// (POSIX; Linux ignores it there). Without those flags (not Unix) the
/// look at the name is the check, and the handle's check after it.
///
/// A folder is left to the system, as it always was: opening it to write,
/// or reading what was opened, fails with the system's own "Is a
/// directory", which names it well enough and never waits.
///
/// # Errors
/// [`OpenError::NotAFile`] with what is there instead; the system's error
/// when it cannot be opened.
pub fn open_regular(options: &OpenOptions, path: &Path) -> Result<File, OpenError> {
    open_checked(options, path, false)
}

/// Opens a file a person named (a plan given on the command line) as
/// [`open_regular`] does, except that a symbolic link is followed, as the
/// person meant: still never waiting on a named pipe or a device.
///
/// # Errors
/// As [`open_regular`].
pub fn open_named(options: &OpenOptions, path: &Path) -> Result<File, OpenError> {
    open_checked(options, path, true)
}

fn open_checked(options: &OpenOptions, path: &Path, follow: bool) -> Result<File, OpenError> {
    let look = |path: &Path| {
        if follow {
            std::fs::metadata(path)
                .ok()
                .and_then(|m| kind_of(m.file_type()))
        } else {
            not_a_file(path)
        }
    };
    if let Some(kind) = look(path).filter(|k| *k != FileKind::Folder) {
        return Err(OpenError::NotAFile(kind));
    }
    #[allow(unused_mut)] // Only Unix adds flags.
    let mut options = options.clone();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let no_follow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(no_follow | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        // Swapped for a link (`ELOOP`), a socket (`ENXIO`) or the like
        // since it was looked at: say what it is now.
        Err(e) => {
            return Err(match look(path) {
                Some(kind) if kind != FileKind::Folder => OpenError::NotAFile(kind),
                _ => OpenError::Io(e),
            });
        }
    };
    match kind_of(file.metadata()?.file_type()) {
        None | Some(FileKind::Folder) => Ok(file),
        Some(kind) => Err(OpenError::NotAFile(kind)),
    }
}

/// Whether an open regular file is this device's to write a private log
/// into: `None` when it is; else how it is shared. A file that others may
/// read or write is shared only when its mode is wider than the mode a file
/// runbook creates in `dir` gets: a file system without Unix modes (a FAT
/// USB stick, a Windows share) shows every file with the same wide mode,
/// and there a log can be no more private than that. A file with a second
/// name (a hard link) is shared wherever it is.
#[must_use]
pub fn shared(file: &File, dir: &Path) -> Option<Shared> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let meta = file.metadata().ok()?;
        if meta.nlink() > 1 {
            return Some(Shared::Links(meta.nlink()));
        }
        let mode = meta.mode() & 0o7777;
        if mode & 0o077 != 0 && mode & !new_file_mode(dir).unwrap_or(0o600) & 0o777 != 0 {
            return Some(Shared::Mode(mode));
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = (file, dir);
        None
    }
}

/// The mode a private file created in `dir` gets there: 0600 where the
/// file system keeps modes. Found by creating one and removing it, only
/// when a log shows a wider mode.
#[cfg(unix)]
fn new_file_mode(dir: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt as _;
    let probe = dir.join(format!(".runbook-mode-{}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    private_file(&mut options);
    let made = open_regular(&options, &probe).ok();
    let mode = made
        .as_ref()
        .and_then(|f| f.metadata().ok())
        .map(|m| m.mode() & 0o777);
    if made.is_some() {
        let _ = std::fs::remove_file(&probe);
    }
    mode
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read() -> OpenOptions {
        let mut o = OpenOptions::new();
        o.read(true);
        o
    }

    fn kind(result: &Result<File, OpenError>) -> Option<FileKind> {
        match result {
            Err(OpenError::NotAFile(kind)) => Some(*kind),
            _ => None,
        }
    }

    #[test]
    fn a_regular_file_opens_and_nothing_else_does() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let file = dir.path().join("log-a.jsonl");
        assert!(std::fs::write(&file, "x").is_ok());
        assert!(open_regular(&read(), &file).is_ok());
        assert_eq!(not_a_file(&file), None);
        // A folder is left to the system: reading it fails, saying so.
        let folder = open_regular(&read(), dir.path());
        let read_it = folder.map(|mut f| std::io::Read::read(&mut f, &mut [0; 8]));
        assert!(
            matches!(&read_it, Ok(Err(e)) if e.kind() == std::io::ErrorKind::IsADirectory),
            "{read_it:?}"
        );
        assert_eq!(not_a_file(dir.path()), Some(FileKind::Folder));
        // Nothing there: the system's own error.
        let gone = dir.path().join("gone");
        assert!(matches!(
            open_regular(&read(), &gone),
            Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
        assert_eq!(not_a_file(&gone), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_never_followed_even_to_a_regular_file() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let real = dir.path().join("real");
        assert!(std::fs::write(&real, "x").is_ok());
        let link = dir.path().join("link");
        assert!(std::os::unix::fs::symlink(&real, &link).is_ok());
        assert_eq!(kind(&open_regular(&read(), &link)), Some(FileKind::Symlink));
        // Opened for creating too, and a link to nothing as well.
        let mut create = OpenOptions::new();
        create.write(true).create(true);
        assert_eq!(kind(&open_regular(&create, &link)), Some(FileKind::Symlink));
        let dangling = dir.path().join("dangling");
        assert!(std::os::unix::fs::symlink(dir.path().join("nothing"), &dangling).is_ok());
        assert_eq!(
            kind(&open_regular(&create, &dangling)),
            Some(FileKind::Symlink)
        );
        assert!(
            !dir.path().join("nothing").exists(),
            "nothing made through it"
        );
        assert_eq!(not_a_file(&link), Some(FileKind::Symlink));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_device_is_named_at_once_never_waited_on() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let fifo = dir.path().join("log-x.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        // On the old code this open waited for a writer forever.
        assert_eq!(kind(&open_regular(&read(), &fifo)), Some(FileKind::Fifo));
        let mut append = OpenOptions::new();
        append.read(true).append(true);
        assert_eq!(kind(&open_regular(&append, &fifo)), Some(FileKind::Fifo));
        // A pipe a person names through a link: the link is followed, the
        // pipe still never waited on; a regular file through it opens.
        let link = dir.path().join("plan.ron");
        assert!(std::os::unix::fs::symlink(&fifo, &link).is_ok());
        assert_eq!(kind(&open_named(&read(), &link)), Some(FileKind::Fifo));
        let real = dir.path().join("real.ron");
        assert!(std::fs::write(&real, "x").is_ok());
        let to_real = dir.path().join("to-real.ron");
        assert!(std::os::unix::fs::symlink(&real, &to_real).is_ok());
        assert!(open_named(&read(), &to_real).is_ok());
        assert_eq!(
            kind(&open_regular(&read(), &to_real)),
            Some(FileKind::Symlink)
        );
        let null = Path::new("/dev/null");
        if null.exists() {
            assert_eq!(
                kind(&open_regular(&read(), null)),
                Some(FileKind::CharDevice)
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_may_read_or_with_two_names_is_shared() {
        use std::os::unix::fs::PermissionsExt as _;
        let Ok(dir) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let path = dir.path().join("log-a.jsonl");
        assert!(std::fs::write(&path, "x").is_ok());
        let set = |mode| std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
        let shared_now = || {
            open_regular(&read(), &path)
                .ok()
                .and_then(|f| shared(&f, dir.path()))
        };
        assert!(set(0o600).is_ok());
        assert_eq!(shared_now(), None);
        assert!(set(0o400).is_ok());
        assert_eq!(shared_now(), None, "narrower is private too");
        assert!(set(0o644).is_ok());
        assert_eq!(shared_now(), Some(Shared::Mode(0o644)));
        assert!(set(0o620).is_ok());
        assert_eq!(shared_now(), Some(Shared::Mode(0o620)));
        assert!(set(0o600).is_ok());
        assert!(std::fs::hard_link(&path, dir.path().join("other")).is_ok());
        assert_eq!(shared_now(), Some(Shared::Links(2)));
        // The probe file is gone.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 2, "{names:?}");
        // A new private file here gets 0600: the file system keeps modes.
        assert_eq!(new_file_mode(dir.path()), Some(0o600));
    }
}
