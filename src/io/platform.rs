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
//!   `xdg-open` on Linux and the BSDs, `open` on macOS, `start` on Windows.
//!
//! Locking (`std::fs::File::try_lock`) and the data folder (`directories`)
//! are already portable APIs; how their behaviour differs is in the
//! portability notes.

use std::fs::{DirBuilder, OpenOptions};
use std::path::Path;

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
