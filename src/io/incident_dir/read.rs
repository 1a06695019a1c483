//! Reading an incident folder: every log, in order, merged into one timeline.
//!
//! What stands under a log's name, or the pinned plan's, and is not a
//! regular file (a symbolic link, a named pipe, a device) is never opened
//! as one: reading says what it is ([`Notice::NotAFile`]) and goes on with
//! the real logs; the plan cannot be gone on without, so loading it fails
//! naming what is there.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::chain::{self, Continues, Start, conflict_copies, writes_as};
use super::paths::{PLAN_FILE, log_device, log_files, rescue_places};
use super::{FileOp, IncidentError, Notice, file_err};
use crate::io::log::{self, Record};
use crate::io::platform::OpenError;
use crate::model::incident::merge::{self, Stream};
use crate::model::incident::{Causes, Entry, EntryRef, Event};
use crate::model::notice::{DeclarationAt, Parting};
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
    // A log listed a moment ago can be gone when it is opened: a sync tool
    // (Syncthing) brings another laptop's log in under a temporary name and
    // renames it, and may replace it again. The folder is read once more,
    // from its listing; a log missing twice is said, as any failure.
    let files = match read_files(dir) {
        Err(IncidentError::Log(crate::model::notice::LogError::Read { error, .. }))
            if error.kind == std::io::ErrorKind::NotFound =>
        {
            read_files(dir)?
        }
        read => read?,
    };
    let Files {
        streams,
        mut notices,
        declarations,
    } = files;
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
    notices.extend(second_declarations(&merged.entries, declarations));
    Ok(Read {
        seen,
        entries: merged.entries,
        notices,
    })
}

/// Reads every log in an incident folder as one stream per writer, in the
/// order each wrote, each entry once, with notices about what reading found.
///
/// # Errors
/// When a log cannot be read.
pub fn read_streams(dir: &Path) -> Result<(Vec<Stream>, Vec<Notice>), IncidentError> {
    read_files(dir).map(|f| (f.streams, f.notices))
}

/// What reading the files of a folder gives, before the merge.
struct Files {
    /// One stream per writer, each entry once.
    streams: Vec<Stream>,
    notices: Vec<Notice>,
    /// Every declaration read, with the log it was read from.
    declarations: Vec<(PathBuf, Entry)>,
}

/// One log file as read, for the checks across files.
struct FileRead {
    path: PathBuf,
    start: Start,
    /// The device of the opening record under which the first entry naming
    /// another device was written, and that other device.
    foreign: Option<(String, String)>,
    /// How many entries name another device than their opening record.
    foreign_count: usize,
}

/// Where an entry was read: the file (by its place among the files read)
/// and whether it names another device than its session's opening record.
/// Eight bytes an entry, kept beside each stream.
type Tag = (u32, bool);

/// Adds a file's entries to its writer's stream (a new one for a writer
/// not read yet), with their tags.
fn add_to_stream(
    streams: &mut Vec<Stream>,
    origins: &mut Vec<Vec<Tag>>,
    writer: String,
    entries: Vec<Entry>,
    tags: Vec<Tag>,
) {
    match streams.iter().position(|s| s.writer == writer) {
        Some(k) => {
            // A continuation file starts with the entries its predecessor
            // could not save. If a write was reported failed but did reach
            // the disk, those entries are in both files: keep them once.
            let list = &mut streams[k].entries;
            let overlap = (1..=entries.len().min(list.len()))
                .rev()
                .find(|&n| list[list.len() - n..] == entries[..n])
                .unwrap_or(0);
            list.extend(entries.into_iter().skip(overlap));
            if let Some(o) = origins.get_mut(k) {
                o.extend(tags.into_iter().skip(overlap));
            }
        }
        None => {
            streams.push(Stream { writer, entries });
            origins.push(tags);
        }
    }
}

/// What the folder itself says, beside its logs: a rescue folder holding
/// entries nothing read here continues (a rescue folder whose logs this
/// folder's own continue is part of what is read), conflict copies, and a
/// pinned plan that is not a regular file.
fn folder_notices(dir: &Path, paths: &[PathBuf]) -> Vec<Notice> {
    let mut notices = Vec::new();
    let read: Vec<PathBuf> = paths.iter().filter_map(|f| f.canonicalize().ok()).collect();
    for rescue in rescue_places(dir) {
        let unread = log_files(&rescue)
            .iter()
            .any(|f| f.canonicalize().is_ok_and(|f| !read.contains(&f)));
        if unread {
            notices.push(Notice::ContinuesInRescue { rescue });
        }
    }
    for file in conflict_copies(dir) {
        notices.push(Notice::SyncConflict { file });
    }
    let plan = dir.join(PLAN_FILE);
    if let Some(kind) = crate::io::platform::not_a_file(&plan) {
        notices.push(Notice::NotAFile { file: plan, kind });
    }
    notices
}

fn read_files(dir: &Path) -> Result<Files, IncidentError> {
    let mut streams: Vec<Stream> = Vec::new();
    // Each stream's entries' tags, in the order of its entries.
    let mut origins: Vec<Vec<Tag>> = Vec::new();
    let mut files: Vec<FileRead> = Vec::new();
    let mut declarations: Vec<(PathBuf, Entry)> = Vec::new();
    let mut notices = Vec::new();
    let paths = with_origins(dir, &mut notices);
    notices.extend(folder_notices(dir, &paths));
    for path in paths {
        let writer = log_device(&path);
        let index = files.len();
        let mut file = FileRead {
            path: path.clone(),
            start: Start::default(),
            foreign: None,
            foreign_count: 0,
        };
        // Only the entries are kept, as each line is read: a long log's
        // lines are never all held beside them.
        let mut entries: Vec<Entry> = Vec::new();
        let mut tags: Vec<Tag> = Vec::new();
        let place = u32::try_from(index).unwrap_or(u32::MAX);
        let mut following: Vec<EntryRef> = Vec::new();
        let mut misnamed: Option<String> = None;
        // The device of the session being read, from its opening record.
        let mut session: Option<String> = None;
        let mut kept = 0_u64;
        let read = log::read_each(&path, |n, line, chained| {
            if n == 1 && chained {
                file.start.first = Some(line.hash.clone());
            }
            match line.record {
                Record::Opened {
                    device, continues, ..
                } => {
                    // A continuation link is in the first line kept.
                    if kept == 0 {
                        file.start.continues =
                            continues.filter(|c| !c.file.is_empty()).map(|c| Continues {
                                origin: link_target(&path, &c.file),
                                line: c.last_seq,
                                hash: c.last_hash,
                            });
                    }
                    if misnamed.is_none() && !writes_as(&writer, &device) {
                        misnamed = Some(device.clone());
                    }
                    session = Some(device);
                }
                Record::Event { entry } => {
                    if !chained {
                        following.push(EntryRef::to(&entry));
                    }
                    // An entry before any opening record kept (after
                    // damage) cannot be told.
                    let other = session.as_ref().filter(|d| **d != entry.device);
                    if let Some(opened) = other {
                        file.foreign_count += 1;
                        if file.foreign.is_none() {
                            file.foreign = Some((opened.clone(), entry.device.to_string()));
                        }
                    }
                    if matches!(entry.event, Event::Declared(..)) {
                        declarations.push((path.clone(), entry.clone()));
                    }
                    tags.push((place, other.is_some()));
                    entries.push(entry);
                    file.start.entries += 1;
                }
                Record::Recovered { .. } | Record::Closed { .. } => {}
            }
            kept += 1;
        });
        let outline = match read {
            Ok(outline) => outline,
            // A link, a pipe, a device under a log's name: said, and the
            // other logs read.
            Err(log::LogError::NotAFile { path, kind }) => {
                notices.push(Notice::NotAFile { file: path, kind });
                continue;
            }
            Err(e) => return Err(e.into()),
        };
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
        if let Some(device) = misnamed {
            notices.push(Notice::Misnamed {
                file: path.clone(),
                device,
            });
        }
        files.push(file);
        add_to_stream(&mut streams, &mut origins, writer, entries, tags);
    }
    let lost = once_each(&mut streams, &mut origins);
    notices.extend(across_files(&files, &streams, &origins, lost));
    Ok(Files {
        streams,
        notices,
        declarations,
    })
}

/// What the files of a folder show together: the pairs that share a chain,
/// the entries held twice, the entries that name another device (with those
/// the timeline shows from each file, to be marked).
fn across_files(
    files: &[FileRead],
    streams: &[Stream],
    origins: &[Vec<Tag>],
    lost: BTreeMap<(usize, usize), usize>,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    let starts: Vec<(&Path, &Start)> = files.iter().map(|f| (f.path.as_path(), &f.start)).collect();
    let shared = chain::shared(&starts);
    for (a, b, parting) in &shared {
        notices.push(Notice::SharedChain {
            file: files[*a].path.clone(),
            other: files[*b].path.clone(),
            parting: parting.clone(),
        });
    }
    // Two files the same line for line: that notice says it all.
    let copies = |x: usize, y: usize| {
        shared.iter().any(|(a, b, p)| {
            (*a, *b) == (x.min(y), x.max(y))
                && matches!(
                    p,
                    Parting::After {
                        identical: true,
                        ..
                    }
                )
        })
    };
    for ((from, kept_in), count) in lost {
        if copies(from, kept_in) {
            continue;
        }
        notices.push(Notice::Duplicated {
            file: files[from].path.clone(),
            kept_in: files[kept_in].path.clone(),
            count,
        });
    }
    let mut shown: Vec<Vec<EntryRef>> = vec![Vec::new(); files.len()];
    for (stream, tags) in streams.iter().zip(origins) {
        for (entry, &(file, foreign)) in stream.entries.iter().zip(tags) {
            if let Some(shown) = shown.get_mut(file as usize).filter(|_| foreign) {
                shown.push(EntryRef::to(entry));
            }
        }
    }
    for (file, shown) in files.iter().zip(shown) {
        if let Some((device, named)) = &file.foreign {
            notices.push(Notice::ForeignEntries {
                file: file.path.clone(),
                device: device.clone(),
                named: named.clone(),
                count: file.foreign_count,
                shown,
            });
        }
    }
    notices
}

/// Keeps every entry once across the streams of different writers: an
/// entry held by two writers' logs (equal once read) is a copy, shown from
/// the log of the device it names (else from the first read) and taken out
/// of the others. Returns how many entries each file lost to which other,
/// by their places in the files read.
///
/// Equal entries within one writer's logs are left alone: a continuation
/// that repeats the entries its predecessor reported unsaved is handled as
/// the files are read, and two equal entries in one log are two entries.
fn once_each(streams: &mut [Stream], origins: &mut [Vec<Tag>]) -> BTreeMap<(usize, usize), usize> {
    let mut lost = BTreeMap::new();
    if streams.len() < 2 {
        return lost;
    }
    // Equal entries were recorded at the same time: only those are compared.
    let mut by_time: Vec<(DateTime<Utc>, usize, usize)> = streams
        .iter()
        .enumerate()
        .flat_map(|(s, st)| {
            st.entries
                .iter()
                .enumerate()
                .map(move |(i, e)| (e.recorded_at, s, i))
        })
        .collect();
    by_time.sort_unstable();
    let mut gone: Vec<Vec<bool>> = streams
        .iter()
        .map(|s| vec![false; s.entries.len()])
        .collect();
    let mut any = false;
    for group in by_time.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().all(|g| g.1 == group[0].1) {
            continue;
        }
        let mut placed = vec![false; group.len()];
        for k in 0..group.len() {
            if placed[k] {
                continue;
            }
            let (_, s, i) = group[k];
            let entry = &streams[s].entries[i];
            let mut class: Vec<(usize, usize)> = Vec::new();
            for m in k..group.len() {
                let (_, t, j) = group[m];
                if !placed[m] && streams[t].entries[j] == *entry {
                    placed[m] = true;
                    class.push((t, j));
                }
            }
            let keeper = class
                .iter()
                .copied()
                .find(|&(t, _)| writes_as(&streams[t].writer, &entry.device))
                .unwrap_or((s, i));
            for &(t, j) in &class {
                if t != keeper.0 {
                    gone[t][j] = true;
                    any = true;
                    let key = (
                        origins[t][j].0 as usize,
                        origins[keeper.0][keeper.1].0 as usize,
                    );
                    *lost.entry(key).or_insert(0) += 1;
                }
            }
        }
    }
    if any {
        for ((stream, tags), gone) in streams.iter_mut().zip(origins.iter_mut()).zip(&gone) {
            let mut at = 0;
            stream.entries.retain(|_| {
                at += 1;
                !gone[at - 1]
            });
            let mut at = 0;
            tags.retain(|_| {
                at += 1;
                !gone[at - 1]
            });
        }
    }
    lost
}

/// The notice that the logs hold more than one declaration, naming the one
/// the incident is read under (the first in the merge) and the others.
fn second_declarations(entries: &[Entry], all: Vec<(PathBuf, Entry)>) -> Option<Notice> {
    // Each once, however many logs hold it.
    let mut distinct: Vec<(PathBuf, Entry)> = Vec::new();
    for (file, entry) in all {
        if !distinct.iter().any(|(_, e)| *e == entry) {
            distinct.push((file, entry));
        }
    }
    if distinct.len() < 2 {
        return None;
    }
    let used = entries
        .iter()
        .find(|e| matches!(e.event, Event::Declared(..)))?;
    let at = |(file, entry): (PathBuf, Entry)| match entry.event {
        Event::Declared(d) => Some(DeclarationAt {
            entry: EntryRef {
                recorded_at: entry.recorded_at,
                device: entry.device,
            },
            file,
            title: d.title,
            level: d.level,
        }),
        _ => None,
    };
    let (used, others): (Vec<_>, Vec<_>) = distinct.into_iter().partition(|(_, e)| e == used);
    Some(Notice::Declarations {
        used: used.into_iter().find_map(at)?,
        others: others.into_iter().filter_map(at).collect(),
    })
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
            // Not followed through a link either: what a log names as
            // its origin must be a regular file.
            if !std::fs::symlink_metadata(&prev).is_ok_and(|m| m.is_file()) {
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
    add_rescued(dir, &mut out);
    out
}

/// Adds to `files` (the logs of the incident folder `dir`, and those they
/// continue) the logs in its rescue folders that continue one of them, link
/// after link: what a device saved there while the folder could not be
/// written, until its next session here continues from it.
pub(super) fn add_rescued(dir: &Path, files: &mut Vec<PathBuf>) {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let mut grew = true;
    while grew && files.len() < 10_000 {
        grew = false;
        for place in rescue_places(dir) {
            for file in log_files(&place) {
                if files.iter().any(|p| same(p, &file)) {
                    continue;
                }
                if continues_from(&file).is_some_and(|prev| files.iter().any(|p| same(p, &prev))) {
                    files.push(file);
                    grew = true;
                }
            }
        }
    }
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
    let bytes = log::read_file(&path).map_err(|e| match e {
        OpenError::NotAFile(kind) => IncidentError::Log(log::LogError::NotAFile {
            path: path.clone(),
            kind,
        }),
        OpenError::Io(e) => file_err(FileOp::ReadPlanCopy, &path)(e),
    })?;
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

#[cfg(test)]
mod tests {
    use super::super::chain::fixtures::{declared, log, note};
    use super::*;

    fn read(dir: &Path) -> Read {
        match read_all(dir) {
            Ok(r) => r,
            Err(e) => panic!("{e:?}"),
        }
    }

    fn texts(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| match &e.event {
                Event::Note { text, .. } => format!("{}: {text}", e.device),
                Event::Declared(d) => format!("{}: declared {}", e.device, d.title),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn an_entry_in_two_writers_logs_is_shown_once_from_its_own_devices_log() {
        let dir = tempfile::tempdir().unwrap();
        // `0b`'s log is read first, and holds a copy of an entry of `a`.
        let (a, b) = (
            dir.path().join("log-a.jsonl"),
            dir.path().join("log-0b.jsonl"),
        );
        let first = note("a", 1, "one");
        log(&a, "a", &[declared("a", 0, "t", "II"), first.clone()]);
        log(&b, "0b", &[first, note("0b", 2, "own")]);
        let r = read(dir.path());
        assert_eq!(texts(&r.entries), ["a: declared t", "a: one", "0b: own"]);
        assert!(r.notices.contains(&Notice::Duplicated {
            file: b.clone(),
            kept_in: a.clone(),
            count: 1,
        }));
        // The copy names `a` in a log `0b` opened: said, and nothing to
        // mark, since the timeline shows it from `a`'s own log.
        assert!(r.notices.contains(&Notice::ForeignEntries {
            file: b,
            device: "0b".into(),
            named: "a".into(),
            count: 1,
            shown: Vec::new(),
        }));
        assert_eq!(r.notices.len(), 2, "{:?}", r.notices);
    }

    #[test]
    fn equal_entries_in_one_writers_log_are_two_entries() {
        let dir = tempfile::tempdir().unwrap();
        let twice = note("a", 1, "again");
        log(
            &dir.path().join("log-a.jsonl"),
            "a",
            &[declared("a", 0, "t", "II"), twice.clone(), twice],
        );
        let r = read(dir.path());
        assert_eq!(r.entries.len(), 3);
        assert_eq!(r.notices, []);
    }

    #[test]
    fn an_entry_naming_another_device_is_kept_and_named_to_be_marked() {
        let dir = tempfile::tempdir().unwrap();
        let evil = dir.path().join("log-evil.jsonl");
        log(
            &dir.path().join("log-a.jsonl"),
            "a",
            &[declared("a", 0, "t", "II")],
        );
        let forged = note("a", 5, "stand down");
        log(&evil, "evil", &[forged.clone(), note("evil", 6, "own")]);
        let r = read(dir.path());
        assert_eq!(
            texts(&r.entries),
            ["a: declared t", "a: stand down", "evil: own"]
        );
        assert_eq!(
            r.notices,
            [Notice::ForeignEntries {
                file: evil,
                device: "evil".into(),
                named: "a".into(),
                count: 1,
                shown: vec![EntryRef::to(&forged)],
            }]
        );
        assert_eq!(
            crate::model::notice::in_foreign_log(&r.notices),
            [&EntryRef::to(&forged)]
        );
    }

    #[test]
    fn a_copy_under_another_name_is_read_once_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let (a, zz) = (
            dir.path().join("log-a.jsonl"),
            dir.path().join("log-zz.jsonl"),
        );
        log(&a, "a", &[declared("a", 0, "t", "II"), note("a", 1, "one")]);
        std::fs::copy(&a, &zz).unwrap();
        let r = read(dir.path());
        assert_eq!(texts(&r.entries), ["a: declared t", "a: one"]);
        assert_eq!(
            r.notices,
            [
                Notice::Misnamed {
                    file: zz.clone(),
                    device: "a".into(),
                },
                Notice::SharedChain {
                    file: a,
                    other: zz,
                    parting: Parting::After {
                        lines: 4,
                        identical: true,
                    },
                },
            ],
            "the copy says it all: no word of each entry copied"
        );
    }

    #[test]
    fn a_second_declaration_names_the_one_used_first_in_the_merge() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            dir.path().join("log-a.jsonl"),
            dir.path().join("log-b.jsonl"),
        );
        log(&a, "a", &[declared("a", 10, "real", "IV")]);
        log(&b, "b", &[declared("b", 5, "forged", "I")]);
        let r = read(dir.path());
        let at = |file: &Path, device: &str, minute: i64, title: &str, level: &str| DeclarationAt {
            entry: EntryRef::to(&declared(device, minute, title, level)),
            file: file.to_owned(),
            title: title.into(),
            level: crate::model::ids::LevelId::new(level),
        };
        assert_eq!(
            r.notices,
            [Notice::Declarations {
                used: at(&b, "b", 5, "forged", "I"),
                others: vec![at(&a, "a", 10, "real", "IV")],
            }]
        );
        // One declaration in two logs is one.
        std::fs::remove_file(&b).unwrap();
        std::fs::copy(&a, dir.path().join("log-a+2.jsonl")).unwrap();
        assert!(
            !read(dir.path())
                .notices
                .iter()
                .any(|n| matches!(n, Notice::Declarations { .. }))
        );
    }
}
