//! Checking an incident's whole record, for `runbook verify`.
//!
//! Reading an incident is forgiving: it shows everything that can be
//! trusted and says what is damaged. Verifying is strict and says
//! everything: each file's chain, every bad line, every repair a crash
//! needed and what it cut, every link from a continuation file to the file
//! it continues, sessions that never ended, entries that refer to entries no
//! log holds, and whether the plan pinned in the folder is the one the logs
//! name. It also finds a head hash written down earlier (on the whiteboard,
//! in the chat) in the chain: the only proof against a rewrite, since
//! anyone can recompute an unkeyed hash chain.
//!
//! Every entry also says how many entries of each other writer it had seen;
//! a writer whose logs hold fewer than that lost its log, or its end.
//!
//! What the format cannot show: a device's whole log deleted, or its last
//! lines, when no other device had seen them yet, and lines cut from the end
//! of a log with a closing record rewritten after them — only a head hash
//! kept outside the log shows those.

use std::path::{Path, PathBuf};

use super::paths::{PLAN_FILE, existing_rescue, log_device, log_files};
use super::read::{continuation, link_target};
use crate::io::log::{self, LogError, Record, Scan};
use crate::model::incident::{EntryRef, Event};

/// The check of one log file.
#[derive(Debug)]
pub struct FileCheck {
    /// The file.
    pub path: PathBuf,
    /// What reading it found, or why it could not be read.
    pub scan: Result<Scan, LogError>,
    /// The crash repairs it records.
    pub repairs: Vec<Repair>,
    /// Its link to the file it continues, if it continues one.
    pub link: Option<Link>,
    /// Whether another file of the record continues this one (so its last
    /// session needs no closing record: writing moved on).
    pub continued: bool,
    /// The writing sessions whose plan is not the one pinned in the
    /// folder: their line numbers.
    pub other_plan: Vec<u64>,
}

impl FileCheck {
    /// Whether the last writing session in the file has no closing record
    /// and nothing continues it: runbook is still writing, or it crashed,
    /// or the end of the file was cut off.
    #[must_use]
    pub fn unclosed(&self) -> bool {
        !self.continued
            && self
                .scan
                .as_ref()
                .is_ok_and(|s| s.torn_tail.is_some() || !s.ends_closed())
    }

    /// How many writing sessions the file holds.
    #[must_use]
    pub fn sessions(&self) -> usize {
        self.scan.as_ref().map_or(0, |s| {
            s.kept()
                .filter(|l| matches!(l.record, Record::Opened { .. }))
                .count()
        })
    }

    /// Whether everything about this file checks out.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.is_ok_but_unclosed() && !self.unclosed()
    }

    /// Whether everything checks out except, perhaps, that the last
    /// session is still writing (or ended without its closing record).
    #[must_use]
    pub fn is_ok_but_unclosed(&self) -> bool {
        let Ok(scan) = &self.scan else { return false };
        scan.damage.is_empty()
            && scan.torn_tail.is_none()
            && !scan.lines.is_empty()
            && self.repairs.iter().all(|r| r.cut == Cut::Incomplete)
            && self
                .link
                .as_ref()
                .is_none_or(|l| l.state == LinkState::Holds)
            && self.other_plan.is_empty()
    }
}

/// A `recovered` record: a crash left an incomplete line, which was cut.
#[derive(Debug)]
pub struct Repair {
    /// The line of the record.
    pub line: u64,
    /// Where the cut began, in bytes.
    pub at_byte: u64,
    /// How many bytes were cut.
    pub cut_bytes: u64,
    /// The side file that keeps them.
    pub kept_in: PathBuf,
    /// What the side file holds.
    pub cut: Cut,
}

/// What the bytes a repair cut off are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// An incomplete line: what a crash leaves.
    Incomplete,
    /// A whole line that checks out by itself: no crash leaves that; the
    /// line's newline was removed, and reopening cut the line as a torn tail.
    WholeLine,
    /// The side file is missing.
    Missing,
    /// The side file's length is not the number of bytes cut.
    OtherLength(u64),
}

/// A continuation file's link to the file it continues.
#[derive(Debug)]
pub struct Link {
    /// The file as the link names it.
    pub stored: String,
    /// Where that is.
    pub target: PathBuf,
    /// The last line it says the earlier file has.
    pub last_seq: u64,
    /// Whether the link holds.
    pub state: LinkState,
}

/// Whether a continuation link holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// The earlier file has the line, with the hash, the link names.
    Holds,
    /// The earlier file is not there.
    Missing,
    /// The earlier file has no such line with that hash: it was changed.
    NoSuchLine,
}

/// An entry that refers to an entry no log of the record holds.
#[derive(Debug)]
pub struct Dangling {
    /// The log that holds the referring entry.
    pub file: PathBuf,
    /// The entry referred to.
    pub refers: EntryRef,
}

/// A writer whose log holds fewer entries than other writers' entries say
/// they had seen: its log, or its end, is missing.
#[derive(Debug)]
pub struct Short {
    /// The writer, as in its log's file name.
    pub writer: String,
    /// How many of its entries the logs here hold.
    pub holds: u64,
    /// How many another writer's entry says it had seen.
    pub seen: u64,
    /// The log that holds that entry.
    pub seen_in: PathBuf,
}

/// Where a head hash written down earlier is in the record.
#[derive(Debug)]
pub struct HeadFound {
    /// The file.
    pub file: PathBuf,
    /// The line, from 1.
    pub line: u64,
    /// The full hash.
    pub hash: String,
    /// How many lines the file holds after it.
    pub after: usize,
}

/// The check of a whole record.
#[derive(Debug)]
pub struct RecordCheck {
    /// Every file: those of the folder first, then those of its rescue
    /// folder, then the files in other folders their links lead to.
    pub files: Vec<FileCheck>,
    /// Entries that refer to entries no log holds: a log may be missing.
    pub dangling: Vec<Dangling>,
    /// How many declarations the record holds (exactly one is right; none
    /// means the log that held it is missing or damaged).
    pub declarations: usize,
    /// Writers whose logs hold fewer entries than others had seen.
    pub short: Vec<Short>,
    /// The folder's rescue folder, where the record continues.
    pub rescue: Option<PathBuf>,
}

impl RecordCheck {
    /// Whether the whole record checks out.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.files.iter().all(FileCheck::is_ok)
            && self.dangling.is_empty()
            && self.short.is_empty()
            && self.declarations == 1
    }

    /// The lines whose hash starts with `prefix` (lower-case hex).
    #[must_use]
    pub fn find_head(&self, prefix: &str) -> Vec<HeadFound> {
        let prefix = prefix.to_ascii_lowercase();
        let mut out = Vec::new();
        for f in &self.files {
            let Ok(scan) = &f.scan else { continue };
            let numbered: Vec<(u64, &log::Line)> = numbered(scan).collect();
            for (i, (line, l)) in numbered.iter().enumerate() {
                if l.hash.starts_with(&prefix) {
                    out.push(HeadFound {
                        file: f.path.clone(),
                        line: *line,
                        hash: l.hash.clone(),
                        after: numbered.len() - i - 1,
                    });
                }
            }
        }
        out
    }
}

/// Every kept line with its line number.
fn numbered(scan: &Scan) -> impl Iterator<Item = (u64, &log::Line)> {
    (1..)
        .zip(&scan.lines)
        .chain(scan.after_damage.iter().map(|(n, l)| (*n, l)))
}

/// Checks the record of an incident folder: every log in it and in its
/// rescue folder, and the files in other folders that their links lead to.
#[must_use]
pub fn check_folder(dir: &Path) -> RecordCheck {
    let rescue = existing_rescue(dir);
    check_files(record_files(dir, rescue.as_deref()), rescue)
}

/// The log files of a folder and of its rescue folder, where the record
/// continues when the folder could not be written.
fn record_files(dir: &Path, rescue: Option<&Path>) -> Vec<PathBuf> {
    let mut files = log_files(dir);
    files.extend(rescue.map(log_files).unwrap_or_default());
    files
}

/// Checks one log file, in the record of its folder: the other logs there
/// say whether it is continued elsewhere and hold what its entries refer to.
#[must_use]
pub fn check_file(path: &Path) -> RecordCheck {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut files = record_files(dir, existing_rescue(dir).as_deref());
    if !files.iter().any(|f| same_file(f, path)) {
        files.push(path.to_owned());
    }
    let mut record = check_files(files, None);
    record.files.retain(|f| same_file(&f.path, path));
    record
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn check_files(mut paths: Vec<PathBuf>, rescue: Option<PathBuf>) -> RecordCheck {
    let mut files: Vec<FileCheck> = Vec::new();
    let mut i = 0;
    // Follow links out of the folder, once each, a hundred at most.
    while i < paths.len() && i < 100 {
        let check = check_one(&paths[i]);
        if let Some(link) = &check.link
            && link.state != LinkState::Missing
            && !paths.iter().any(|p| same_file(p, &link.target))
        {
            paths.push(link.target.clone());
        }
        files.push(check);
        i += 1;
    }
    let targets: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.link.as_ref().map(|l| l.target.clone()))
        .collect();
    for f in &mut files {
        f.continued = targets.iter().any(|t| same_file(t, &f.path));
    }
    let entries: Vec<(&Path, &crate::model::incident::Entry)> = files
        .iter()
        .filter_map(|f| Some((f.path.as_path(), f.scan.as_ref().ok()?)))
        .flat_map(|(p, s)| s.entries().map(move |e| (p, e)))
        .collect();
    let declarations = entries
        .iter()
        .filter(|(_, e)| matches!(e.event, Event::Declared { .. }))
        .map(|(_, e)| EntryRef::to(e))
        .collect::<std::collections::HashSet<_>>()
        .len();
    let dangling = entries
        .iter()
        .filter_map(|(p, e)| match &e.event {
            Event::Note {
                corrects: Some(r), ..
            } if !entries.iter().any(|(_, x)| r.is(x)) => Some(Dangling {
                file: p.to_path_buf(),
                refers: r.clone(),
            }),
            _ => None,
        })
        .collect();
    let short = short_writers(&files);
    RecordCheck {
        files,
        dangling,
        declarations,
        short,
        rescue,
    }
}

/// Each writer's entries against what the others say they had seen of it:
/// the check the causes in every entry make possible, which finds a
/// device's log deleted or cut short.
fn short_writers(files: &[FileCheck]) -> Vec<Short> {
    let mut holds: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for f in files {
        if let Ok(scan) = &f.scan {
            *holds.entry(log_device(&f.path)).or_insert(0) += scan.entries().count() as u64;
        }
    }
    let mut worst: std::collections::BTreeMap<String, (u64, PathBuf)> =
        std::collections::BTreeMap::new();
    for f in files {
        let Ok(scan) = &f.scan else { continue };
        let own = log_device(&f.path);
        for e in scan.entries() {
            for (writer, &n) in &e.after.0 {
                let have = holds.get(writer).copied().unwrap_or(0);
                if *writer != own && n > have && worst.get(writer).is_none_or(|w| n > w.0) {
                    worst.insert(writer.clone(), (n, f.path.clone()));
                }
            }
        }
    }
    worst
        .into_iter()
        .map(|(writer, (seen, seen_in))| Short {
            holds: holds.get(&writer).copied().unwrap_or(0),
            writer,
            seen,
            seen_in,
        })
        .collect()
}

fn check_one(path: &Path) -> FileCheck {
    let scan = log::read(path);
    let (repairs, link, other_plan) = match &scan {
        Ok(scan) => (
            repairs(path, scan),
            link(path, scan),
            other_plan(path, scan),
        ),
        Err(_) => (Vec::new(), None, Vec::new()),
    };
    FileCheck {
        path: path.to_owned(),
        scan,
        repairs,
        link,
        continued: false,
        other_plan,
    }
}

fn repairs(path: &Path, scan: &Scan) -> Vec<Repair> {
    numbered(scan)
        .filter_map(|(line, l)| match &l.record {
            Record::Recovered {
                at_byte,
                cut_bytes,
                kept_in,
            } => {
                let side = path.with_file_name(kept_in);
                let cut = match std::fs::read(&side) {
                    Err(_) => Cut::Missing,
                    Ok(bytes) if bytes.len() as u64 != *cut_bytes => {
                        Cut::OtherLength(bytes.len() as u64)
                    }
                    // A crash leaves a line without its newline, or zeros; a
                    // line that checks out by itself, whole, was made torn.
                    Ok(bytes) => {
                        let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
                        if log::check_self(body).is_ok() {
                            Cut::WholeLine
                        } else {
                            Cut::Incomplete
                        }
                    }
                };
                Some(Repair {
                    line,
                    at_byte: *at_byte,
                    cut_bytes: *cut_bytes,
                    kept_in: side,
                    cut,
                })
            }
            _ => None,
        })
        .collect()
}

fn link(path: &Path, scan: &Scan) -> Option<Link> {
    let c = continuation(scan)?;
    let target = link_target(path, &c.file);
    let state = match log::read(&target) {
        Err(_) if !target.exists() => LinkState::Missing,
        Err(_) => LinkState::NoSuchLine,
        Ok(earlier) => {
            if numbered(&earlier).any(|(_, l)| l.seq == c.last_seq && l.hash == c.last_hash)
                || (c.last_seq == 0 && c.last_hash == log::GENESIS)
            {
                LinkState::Holds
            } else {
                LinkState::NoSuchLine
            }
        }
    };
    Some(Link {
        stored: c.file.clone(),
        target,
        last_seq: c.last_seq,
        state,
    })
}

/// The sessions that name another plan than the one pinned beside the log.
fn other_plan(path: &Path, scan: &Scan) -> Vec<u64> {
    let Some(dir) = path.parent() else {
        return Vec::new();
    };
    let Ok(pinned) = std::fs::read(dir.join(PLAN_FILE)) else {
        // A log checked outside its folder: there is no pinned plan to compare.
        return Vec::new();
    };
    let sha = log::sha256_hex(&pinned);
    numbered(scan)
        .filter_map(|(line, l)| match &l.record {
            Record::Opened { plan_sha256, .. } if *plan_sha256 != sha => Some(line),
            _ => None,
        })
        .collect()
}
