//! Writing a generated file (a printed binder, a report) so that a crash or
//! a full disk never leaves half of it under its name.
//!
//! The text goes to a temporary file in the same folder, is synced, and is
//! renamed over the name; the folder is synced so the rename itself lasts.
//! Someone who opens the file sees the old one or the whole new one.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// When the folder cannot be written, the disk is full, or the rename fails;
/// the message names the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context as _;
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
