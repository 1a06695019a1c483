//! Reading an incident folder: every log, in order, merged into one timeline.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::paths::{PLAN_FILE, log_device, log_files, rescue_places};
use super::{FileOp, IncidentError, Notice, file_err};
use crate::io::log::{self, Record};
use crate::model::incident::merge::{self, Stream};
use crate::model::incident::{Causes, Entry, EntryRef};
use crate::model::plan::{self, Plan};

/// Reads every log in an incident folder; returns the entries in causal
/// order (see [`crate::model::incident::merge`]) and notices about what
/// reading found (damage, torn tails, a rescue folder, clocks that disagree,
/// changes made on two devices at once).
///
/// # Errors
/// When a log cannot be read.
pub fn read_entries(dir: &Path) -> Result<(Vec<Entry>, Vec<Notice>), IncidentError> {
    read_all(dir).map(|r| (r.entries, r.notices))
}

/// Everything reading an incident folder gives: each writer's stream, the
/// merged timeline, and the notices.
#[derive(Debug)]
pub struct Read {
    /// What the logs show of every writer (see [`merge::seen`]): what a
    /// new entry comes after, once its own writer is left out.
    pub seen: Causes,
    /// Every entry, in causal order.
    pub entries: Vec<Entry>,
    /// What reading found.
    pub notices: Vec<Notice>,
}

/// Reads every log of an incident folder: the streams, merged; see
/// [`read_entries`].
///
/// # Errors
/// When a log cannot be read.
pub fn read_all(dir: &Path) -> Result<Read, IncidentError> {
    let (streams, mut notices) = read_streams(dir)?;
    let seen = merge::seen(&streams);
    let merged = merge::merge(streams);
    notices.extend(merged.skews.into_iter().map(|s| Notice::ClockSkew {
        device: s.device,
        ahead_of: s.ahead_of,
        minutes: s.by.num_minutes(),
    }));
    notices.extend(merged.conflicts.into_iter().map(|c| Notice::Conflict {
        subject: c.subject,
        earlier: c.earlier,
        later: c.later,
    }));
    Ok(Read {
        seen,
        entries: merged.entries,
        notices,
    })
}

/// Reads every log in an incident folder as one stream per writer, in the
/// order each wrote, with notices about what reading found.
///
/// # Errors
/// When a log cannot be read.
pub fn read_streams(dir: &Path) -> Result<(Vec<Stream>, Vec<Notice>), IncidentError> {
    let mut streams: Vec<Stream> = Vec::new();
    let mut notices = Vec::new();
    let files = with_origins(dir, &mut notices);
    // A rescue folder whose logs this folder's own continue from is part of
    // what is read here; one with logs nothing here continues yet holds
    // entries only reading it shows.
    let read: Vec<PathBuf> = files.iter().filter_map(|f| f.canonicalize().ok()).collect();
    for rescue in rescue_places(dir) {
        let unread = log_files(&rescue)
            .iter()
            .any(|f| f.canonicalize().is_ok_and(|f| !read.contains(&f)));
        if unread {
            notices.push(Notice::ContinuesInRescue { rescue });
        }
    }
    for file in sync_conflicts(dir) {
        notices.push(Notice::SyncConflict { file });
    }
    for path in files {
        // Only the entries are kept, as each line is read: a long log's
        // lines are never all held beside them.
        let mut entries: Vec<Entry> = Vec::new();
        let mut following: Vec<EntryRef> = Vec::new();
        let outline = log::read_each(&path, |_, line, chained| {
            if let Record::Event { entry } = line.record {
                if !chained {
                    following.push(EntryRef::to(&entry));
                }
                entries.push(entry);
            }
        })?;
        if !outline.damage.is_empty() {
            notices.push(Notice::Damaged {
                file: path.clone(),
                bad: outline
                    .damage
                    .iter()
                    .map(|d| (d.line, d.fault.clone()))
                    .collect(),
                following,
            });
        }
        if let Some((at, bytes)) = &outline.torn_tail {
            notices.push(Notice::TornTail {
                file: path.clone(),
                at: *at,
                bytes: bytes.len() as u64,
            });
        }
        let writer = log_device(&path);
        match streams.iter_mut().find(|s| s.writer == writer) {
            Some(stream) => {
                // A continuation file starts with the entries its predecessor
                // could not save. If a write was reported failed but did reach
                // the disk, those entries are in both files: keep them once.
                let list = &mut stream.entries;
                let overlap = (1..=entries.len().min(list.len()))
                    .rev()
                    .find(|&n| list[list.len() - n..] == entries[..n])
                    .unwrap_or(0);
                list.extend(entries.into_iter().skip(overlap));
            }
            None => streams.push(Stream { writer, entries }),
        }
    }
    Ok((streams, notices))
}

/// Files a sync engine left beside the logs when two devices changed one
/// file at once (Syncthing's `.sync-conflict-`): with one log per device
/// that should not happen, and it deserves a look.
fn sync_conflicts(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".sync-conflict-"))
        })
        .collect();
    out.sort();
    out
}

/// The log files of a folder in reading order, each preceded by the files in
/// other folders it continues from (its first record names the file it
/// continues when that folder could not be written), so that a continuation
/// folder reads as the whole incident.
fn with_origins(dir: &Path, notices: &mut Vec<Notice>) -> Vec<PathBuf> {
    let own = log_files(dir);
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let mut out: Vec<PathBuf> = Vec::new();
    for path in &own {
        let mut origins: Vec<PathBuf> = Vec::new();
        let mut next = continues_from(path);
        while let Some(prev) = next.take() {
            let known = own.iter().chain(&out).chain(&origins);
            if origins.len() >= 100 || known.into_iter().any(|p| same(p, &prev)) {
                break;
            }
            if !prev.is_file() {
                notices.push(Notice::OriginUnreadable {
                    file: path.clone(),
                    origin: prev,
                });
                break;
            }
            next = continues_from(&prev);
            origins.push(prev);
        }
        out.extend(origins.into_iter().rev());
        out.push(path.clone());
    }
    // Logs in the incident's rescue folders that continue one read here:
    // what a device saved there while this folder could not be written,
    // until its next session here continues from it.
    let mut grew = true;
    while grew && out.len() < 10_000 {
        grew = false;
        for place in rescue_places(dir) {
            for file in log_files(&place) {
                if out.iter().any(|p| same(p, &file)) {
                    continue;
                }
                if continues_from(&file).is_some_and(|prev| out.iter().any(|p| same(p, &prev))) {
                    out.push(file);
                    grew = true;
                }
            }
        }
    }
    out
}

/// The file a log continues, as its first record names it.
pub(super) fn continues_from(path: &Path) -> Option<PathBuf> {
    match log::first_kept(path)?.record {
        Record::Opened {
            continues: Some(c), ..
        } if !c.file.is_empty() => Some(link_target(path, &c.file)),
        _ => None,
    }
}

/// The file a continuation link names, seen from the log that holds it.
///
/// Links are written relative to the folder of the log that holds them
/// (or absolute), so that an incident folder read from anywhere, or copied
/// elsewhere with its rescue folder beside it, still finds them. Logs
/// written before that stored the path as given, which could be relative
/// to the folder runbook was started in: when the link does not resolve
/// from the log's folder, the current folder is tried too.
pub(super) fn link_target(log: &Path, stored: &str) -> PathBuf {
    let stored = Path::new(stored);
    if stored.is_absolute() {
        return stored.to_owned();
    }
    let from_log = log.parent().unwrap_or(Path::new("")).join(stored);
    if from_log.exists() || !stored.exists() {
        from_log
    } else {
        stored.to_owned()
    }
}

/// Whether the last writing session on a log file ended cleanly: its last
/// record is the closing record (or the file holds nothing yet).
#[must_use]
pub fn ended_cleanly(path: &Path) -> bool {
    // Only the end of the file matters: read from the end, not all of it.
    match log::last_kept(path) {
        Ok(log::Tail::Torn) | Err(_) => false,
        Ok(log::Tail::Empty) => true,
        Ok(log::Tail::Line(line)) => matches!(line.record, Record::Closed { .. }),
    }
}

/// Loads the pinned plan of an incident folder, with its exact bytes.
///
/// # Errors
/// When it cannot be read or does not load.
pub fn load_plan(dir: &Path) -> Result<(Plan, Vec<u8>), IncidentError> {
    let path = dir.join(PLAN_FILE);
    let bytes = std::fs::read(&path).map_err(file_err(FileOp::ReadPlanCopy, &path))?;
    match plan::parse(&bytes) {
        Ok(checked) => Ok((checked.plan, bytes)),
        Err(diags) => Err(IncidentError::PlanCopy {
            path,
            first: diags.into_iter().next().map(Box::new),
        }),
    }
}

/// Whether this device's last writing session on an incident ended
/// cleanly; `None` when this device has no log there.
#[must_use]
pub fn device_session_clean(dir: &Path, device: &str) -> Option<bool> {
    super::paths::writer_logs(dir, &super::paths::device_slug(device))
        .last()
        .map(|p| ended_cleanly(p))
}

/// What the log files of a folder look like from outside: each file's
/// name, length and modification time, leaving out `except` (a writer's own
/// file, which it knows). When this changes, another writer has written.
#[must_use]
pub fn folder_signature(
    dir: &Path,
    except: Option<&Path>,
) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    log_files(dir)
        .into_iter()
        .filter(|p| Some(p.as_path()) != except)
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
            let modified = meta.and_then(|m| m.modified().ok());
            (p, len, modified)
        })
        .collect()
}
