//! An incident on disk: its folder, the pinned plan, its logs.
//!
//! Each incident has its own folder under `<data>/incidents/`. The folder
//! holds `plan.ron`, a byte-for-byte copy of the plan file the incident was
//! declared under (so it is always read with the plan it ran under, whatever
//! happens to the original), and the logs, named after the device that
//! writes them (`log-<device>.jsonl`) so that several laptops, or a window
//! and a terminal, never write the same file. When a log cannot be written,
//! it continues in `log-<device>.<n>.jsonl`, in this folder or another one.
//!
//! - [`paths`]: where things are — folders, log file names, finding an
//!   incident by name, the rescue folder.
//! - [`read`]: reading every log of a folder (following continuations into
//!   other folders) and merging them into one timeline, with typed notices.
//! - [`open`]: an incident's log opened for writing. [`IncidentLog`] is
//!   the writing side (this device's log and the entries not yet on disk),
//!   which a writer thread can own; what may be written is decided above,
//!   in the service.
//! - [`verify`]: the strict check of a whole record, for `runbook verify`.
//! - `chain`: one device, one chain — what both of those use to find a
//!   copied, forked, forged or mixed-in log.

mod chain;
pub mod open;
pub mod paths;
pub mod read;
pub mod verify;

pub use crate::model::notice::{FileOp, IncidentError, Notice};
pub use open::{Device, IncidentLog, Opened};
pub use paths::{
    PLAN_FILE, device_slug, incident_name, incidents_dir, joined_dirs, list_dirs, remember_joined,
    rescue_dir, resolve,
};
pub use read::{load_plan, read_entries};

use std::path::{Path, PathBuf};

/// The error for a file operation that failed.
fn file_err(op: FileOp, path: &Path) -> impl FnOnce(std::io::Error) -> IncidentError + '_ {
    move |e| IncidentError::File {
        op,
        path: path.to_owned(),
        error: e.into(),
    }
}

/// Creates a folder readable by its owner only (the logs hold phone
/// numbers), with any missing parents, and makes each new folder durable;
/// returns the folders it created, outermost first.
fn create_private_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    create_dirs_synced(dir, &mut crate::io::log::sync_dir)
}

/// Creates the missing folders of `dir` one by one (mode 0700) and, after
/// creating each, syncs its parent with `sync`: a new folder is an entry in
/// its parent, and until the parent is synced a power cut can lose it — and
/// with it the rescue log inside (`DirBuilder::recursive` syncs nothing).
/// Returns the folders created, each only once its parent was synced. The
/// sync is a parameter so a test can see which parents were synced.
///
/// # Errors
/// The first folder that cannot be created or whose parent cannot be
/// synced; a path that exists but is not a folder.
fn create_dirs_synced(
    dir: &Path,
    sync: &mut dyn FnMut(&Path) -> std::io::Result<()>,
) -> std::io::Result<Vec<PathBuf>> {
    // The missing folders, innermost first: up to the first that exists,
    // whatever it is (a file there gives the system's own "not a
    // directory" below). An ancestor that cannot be looked at counts as
    // existing, so that creating under it reports why.
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.try_exists().unwrap_or(true))
        .collect();
    if missing.is_empty() && !dir.as_os_str().is_empty() && !dir.is_dir() {
        // It exists and is not a folder: let the system say so.
        private_dir_builder().create(dir)?;
    }
    let mut created = Vec::new();
    for folder in missing.into_iter().rev() {
        crate::io::fault::op(crate::io::fault::Op::Mkdir, folder)?;
        match private_dir_builder().create(folder) {
            Ok(()) => {}
            // Made meanwhile by someone else, who syncs it; or `x/..`.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && folder.is_dir() => {
                continue;
            }
            Err(e) => return Err(e),
        }
        let parent = match folder.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        sync(parent)?;
        created.push(folder.to_owned());
    }
    Ok(created)
}

/// The prefix of a new incident's folder while it is being made: hidden,
/// and never listed or found by name, until it holds the pinned plan and
/// the declaration and takes its name.
const MAKING: &str = ".new-";

/// How old a half-made incident folder must be before it is cleared away:
/// it was left by a crash (or `kill -9`) during a declaration that was
/// never acknowledged.
const STALE_SECS: u64 = 3600;

/// Makes a hidden folder under `<data>/incidents/` to build a new incident
/// named `name` in (see [`publish`]); clears away half-made ones that a
/// crash left an hour ago or more.
///
/// # Errors
/// When the folders cannot be made.
fn making_dir(data_dir: &Path, name: &str) -> Result<PathBuf, IncidentError> {
    let root = incidents_dir(data_dir);
    create_private_dir(&root).map_err(file_err(FileOp::CreateIncidents, &root))?;
    clear_stale(&root);
    let tmp = root.join(format!("{MAKING}{name}-{}", std::process::id()));
    if tmp.exists() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    create_private_dir(&tmp).map_err(file_err(FileOp::CreateIncident, &tmp))?;
    Ok(tmp)
}

/// Half-made incident folders older than [`STALE_SECS`], removed.
fn clear_stale(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let stale = e.file_name().to_string_lossy().starts_with(MAKING)
            && e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() >= STALE_SECS);
        if stale {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Gives a new incident's finished folder `tmp` its name under
/// `<data>/incidents/`: `name`, or `name-2`, `name-3`… when that is taken;
/// syncs the parent so the name lasts; returns the folder.
///
/// # Errors
/// When no name can be taken.
fn publish(tmp: &Path, name: &str) -> Result<PathBuf, IncidentError> {
    let root = tmp.parent().unwrap_or(Path::new("."));
    let mut n = 1;
    let dir = loop {
        let dir = if n == 1 {
            root.join(name)
        } else {
            root.join(format!("{name}-{n}"))
        };
        // A name in use is skipped; rename would also replace an empty
        // folder of that name, which is no incident.
        if dir.join(PLAN_FILE).exists() || (dir.exists() && !is_empty_dir(&dir)) {
            n += 1;
            continue;
        }
        let renamed = crate::io::fault::op(crate::io::fault::Op::Rename, &dir)
            .and_then(|()| std::fs::rename(tmp, &dir));
        match renamed {
            Ok(()) => break dir,
            Err(e) if n < 1000 && dir.exists() => {
                let _ = e;
                n += 1;
            }
            Err(e) => return Err(file_err(FileOp::CreateIncident, &dir)(e)),
        }
    };
    if let Err(e) = crate::io::log::sync_dir(root) {
        // The new name may not last: the declaration is not acknowledged,
        // so the folder must not stay to be found later as if it were.
        let _ = std::fs::remove_dir_all(&dir);
        return Err(file_err(FileOp::SyncIncidents, root)(e));
    }
    Ok(dir)
}

fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

use crate::io::platform::private_dir_builder;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_new_folder_is_private_and_synced_in_its_parent() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let root = tmp.path();
        let dir = root.join("data").join("rescue").join("20261129-network");
        let mut synced = Vec::new();
        let mut record = |p: &Path| {
            synced.push(p.to_owned());
            crate::io::log::sync_dir(p)
        };
        let created = create_dirs_synced(&dir, &mut record);
        let want = [
            root.join("data"),
            root.join("data").join("rescue"),
            dir.clone(),
        ];
        assert_eq!(created.ok().as_deref(), Some(&want[..]));
        assert_eq!(
            synced,
            [root.to_owned(), want[0].clone(), want[1].clone()],
            "each new folder's parent is synced, in order"
        );
        #[cfg(unix)]
        for folder in &want {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(folder).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o700), "{}", folder.display());
        }
        // Nothing new: nothing created, nothing synced.
        assert_eq!(create_private_dir(&dir).ok(), Some(Vec::new()));
    }

    #[test]
    fn a_failed_sync_is_an_error_and_nothing_deeper_is_made() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let dir = tmp.path().join("a").join("b");
        let mut fail = |_: &Path| Err(std::io::Error::other("sync failed"));
        let result = create_dirs_synced(&dir, &mut fail);
        assert_eq!(
            result.map_err(|e| e.to_string()).err().as_deref(),
            Some("sync failed")
        );
        assert!(tmp.path().join("a").is_dir() && !dir.exists());
    }

    #[test]
    fn a_file_in_the_way_is_reported_by_the_system() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let file = tmp.path().join("data");
        assert!(std::fs::write(&file, "not a folder").is_ok());
        let under = create_private_dir(&file.join("incidents"));
        assert_eq!(
            under.err().map(|e| e.kind()),
            Some(std::io::ErrorKind::NotADirectory)
        );
        let itself = create_private_dir(&file);
        assert_eq!(
            itself.err().map(|e| e.kind()),
            Some(std::io::ErrorKind::AlreadyExists)
        );
    }
}
