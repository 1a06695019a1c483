//! Faults injected into the file operations that write the record, so a
//! test can fail each one in turn, or cut the sequence at each point as a
//! power cut would, and check that nothing acknowledged is ever lost.
//!
//! Every operation that writes an incident — creating a file or a folder,
//! writing, syncing a file or a folder, linking, renaming, cutting back,
//! removing — calls [`op`] first. Only a debug build reads the
//! environment, once per process:
//!
//! - `RUNBOOK_FAULTS=fail:K[,K…]` makes the K-th operation (counted from 1)
//!   fail with an I/O error (EIO), as a disk that gave up would;
//! - `RUNBOOK_FAULTS=cut:K` ends the process before the K-th operation,
//!   with status 86 and no word, as a power cut would (what was written
//!   before stays, as the page cache would have it);
//! - `RUNBOOK_FAULTS_TRACE=FILE` appends one line per operation to FILE
//!   (its number, kind and path), so a test knows how many there are.
//!
//! A release build (the package) compiles all of it away: [`op`] is
//! `Ok(())`. The log's own seam for in-process tests is
//! [`crate::io::log::Sink`]; this one reaches the real binary, and every
//! kind of operation, not only the log's writes.

use std::path::Path;

/// A kind of file operation that writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Creating a file.
    Create,
    /// Writing bytes to a file.
    Write,
    /// Syncing a file's data to the disk.
    Sync,
    /// Syncing a folder, so a new name in it lasts.
    SyncDir,
    /// Making a folder.
    Mkdir,
    /// Renaming a file or a folder.
    Rename,
    /// Giving a file a second name (a hard link).
    Link,
    /// Cutting a file back to a length.
    Truncate,
    /// Removing a file or a folder.
    Remove,
}

/// Called before each operation that writes: `Err` when the plan in the
/// environment makes this one fail; never returns when it cuts here.
///
/// # Errors
/// The injected failure.
#[inline]
pub fn op(op: Op, path: &Path) -> std::io::Result<()> {
    #[cfg(debug_assertions)]
    {
        injected::before(op, path)
    }
    #[cfg(not(debug_assertions))]
    {
        let _ = (op, path);
        Ok(())
    }
}

#[cfg(debug_assertions)]
mod injected {
    use std::io::Write as _;
    use std::path::{Path, PathBuf};
    use std::sync::LazyLock;
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::Op;

    /// What the environment asks for.
    struct Plan {
        fail: Vec<u64>,
        cut: Option<u64>,
        trace: Option<PathBuf>,
    }

    static PLAN: LazyLock<Option<Plan>> = LazyLock::new(|| {
        let faults = std::env::var("RUNBOOK_FAULTS").unwrap_or_default();
        let trace = std::env::var_os("RUNBOOK_FAULTS_TRACE").map(PathBuf::from);
        let mut plan = Plan {
            fail: Vec::new(),
            cut: None,
            trace,
        };
        for part in faults.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once(':') {
                Some(("fail", k)) => plan.fail.extend(k.parse::<u64>().ok()),
                Some(("cut", k)) => plan.cut = k.parse().ok(),
                _ => {}
            }
        }
        (!plan.fail.is_empty() || plan.cut.is_some() || plan.trace.is_some()).then_some(plan)
    });

    static COUNT: AtomicU64 = AtomicU64::new(0);

    pub(super) fn before(op: Op, path: &Path) -> std::io::Result<()> {
        let Some(plan) = PLAN.as_ref() else {
            return Ok(());
        };
        let n = COUNT.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(trace) = &plan.trace
            && let Ok(mut file) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(trace)
        {
            let _ = writeln!(file, "{n} {op:?} {}", path.display());
        }
        if plan.cut == Some(n) {
            std::process::exit(86);
        }
        if plan.fail.contains(&n) {
            return Err(std::io::Error::other(format!(
                "Input/output error (injected at operation {n}, {op:?})"
            )));
        }
        Ok(())
    }
}
