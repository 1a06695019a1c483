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
//! - [`open`]: an incident opened for writing. [`IncidentLog`] is the
//!   writing side (this device's log and the entries not yet on disk), which
//!   a writer thread can own; [`OpenIncident`] adds the plan and the state,
//!   and is the one place where an action is checked, written and only then
//!   applied.
//! - [`verify`]: the strict check of a whole record, for `runbook verify`.

pub mod open;
pub mod paths;
pub mod read;
pub mod verify;

pub use crate::model::notice::{FileOp, IncidentError, Notice};
pub use open::{IncidentLog, OpenIncident};
pub use paths::{PLAN_FILE, device_slug, incidents_dir, list_dirs, rescue_dir, resolve};
pub use read::{load_plan, read_entries};

use std::path::Path;

/// The error for a file operation that failed.
fn file_err(op: FileOp, path: &Path) -> impl FnOnce(std::io::Error) -> IncidentError + '_ {
    move |e| IncidentError::File {
        op,
        path: path.to_owned(),
        error: e.into(),
    }
}

/// Creates a folder readable by its owner only (the logs hold phone numbers).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        b.mode(0o700);
    }
    b.create(dir)
}
