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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::paths::{PLAN_FILE, existing_rescue, log_device, log_files};
use super::read::link_target;
use crate::io::log::{self, Damage, FileKind, Line, LogError, Record};
use crate::io::platform;
use crate::model::incident::{Entry, EntryRef, Event};

/// The check of one log file.
#[derive(Debug)]
pub struct FileCheck {
    /// The file.
    pub path: PathBuf,
    /// What reading it found, or why it could not be read.
    pub read: Result<FileRead, LogError>,
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
    /// The lines whose hash starts with the head looked for.
    found: Vec<HeadFound>,
    /// The entries that correct another, by the entry they correct.
    corrections: Vec<EntryRef>,
    /// The most entries of each other writer an entry here had seen.
    seen: BTreeMap<String, u64>,
}

/// What reading one log found, without its lines: a log is checked a line
/// at a time, so a long one is never held whole.
#[derive(Debug)]
pub struct FileRead {
    /// How many lines chain to each other from the start: the log proper.
    pub chained: u64,
    /// The hash of the last of them, or [`log::GENESIS`].
    pub head: String,
    /// The intact lines after the first damage, if any.
    pub after_damage: Option<AfterDamage>,
    /// Every bad place, in order.
    pub damage: Vec<Damage>,
    /// An incomplete last line: its byte offset and length.
    pub torn_tail: Option<(u64, u64)>,
    /// Whether the last line kept closes a writing session (or none is kept).
    pub ends_closed: bool,
    /// How many writing sessions the file holds.
    pub sessions: usize,
    /// How many entries it holds.
    pub entries: u64,
}

/// The intact lines after the first damage of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AfterDamage {
    /// How many.
    pub count: u64,
    /// The first one's line number.
    pub first: u64,
    /// The last one's line number.
    pub last: u64,
}

impl FileCheck {
    /// Whether the last writing session in the file has no closing record
    /// and nothing continues it: runbook is still writing, or it crashed,
    /// or the end of the file was cut off.
    #[must_use]
    pub fn unclosed(&self) -> bool {
        !self.continued
            && self
                .read
                .as_ref()
                .is_ok_and(|r| r.torn_tail.is_some() || !r.ends_closed)
    }

    /// How many writing sessions the file holds.
    #[must_use]
    pub fn sessions(&self) -> usize {
        self.read.as_ref().map_or(0, |r| r.sessions)
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
        let Ok(read) = &self.read else { return false };
        read.damage.is_empty()
            && read.torn_tail.is_none()
            && read.chained > 0
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
    /// Where the head looked for is, when one was.
    pub found: Vec<HeadFound>,
    /// The pinned plans (of the folder and of its rescue folder) that are
    /// not regular files (a symbolic link, a named pipe): never read, so
    /// the logs' plans cannot be checked against them. A log that is not a
    /// regular file is in [`Self::files`], unreadable.
    pub plans_not_files: Vec<(PathBuf, FileKind)>,
}

impl RecordCheck {
    /// Whether the whole record checks out.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.files.iter().all(FileCheck::is_ok)
            && self.plans_not_files.is_empty()
            && self.dangling.is_empty()
            && self.short.is_empty()
            && self.declarations == 1
    }
}

/// Checks the record of an incident folder: every log in it and in its
/// rescue folder, and the files in other folders that their links lead to;
/// with a head (hex, whole or its start), finds the lines whose hash it is.
#[must_use]
pub fn check_folder(dir: &Path, head: Option<&str>) -> RecordCheck {
    let rescue = existing_rescue(dir);
    let plans_not_files = std::iter::once(dir)
        .chain(rescue.as_deref())
        .map(|d| d.join(PLAN_FILE))
        .filter_map(|p| platform::not_a_file(&p).map(|kind| (p, kind)))
        .collect();
    RecordCheck {
        plans_not_files,
        ..check_files(record_files(dir, rescue.as_deref()), rescue, head)
    }
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
pub fn check_file(path: &Path, head: Option<&str>) -> RecordCheck {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut files = record_files(dir, existing_rescue(dir).as_deref());
    if !files.iter().any(|f| same_file(f, path)) {
        files.push(path.to_owned());
    }
    let mut record = check_files(files, None, head);
    record.files.retain(|f| same_file(&f.path, path));
    record.found.retain(|h| same_file(&h.file, path));
    record
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn check_files(
    mut paths: Vec<PathBuf>,
    rescue: Option<PathBuf>,
    head: Option<&str>,
) -> RecordCheck {
    let head = head.map(str::to_ascii_lowercase);
    let mut across = Across::default();
    let mut files: Vec<FileCheck> = Vec::new();
    let mut i = 0;
    // Follow links out of the folder, once each, a hundred at most.
    while i < paths.len() && i < 100 {
        let check = check_one(&paths[i], head.as_deref(), &mut across);
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
    let dangling = files
        .iter()
        .flat_map(|f| {
            f.corrections
                .iter()
                .filter(|r| !across.holds(r))
                .map(|r| Dangling {
                    file: f.path.clone(),
                    refers: r.clone(),
                })
        })
        .collect();
    let short = short_writers(&files);
    let found = files.iter_mut().flat_map(|f| f.found.drain(..)).collect();
    RecordCheck {
        files,
        dangling,
        declarations: across.declarations.len(),
        short,
        rescue,
        found,
        plans_not_files: Vec::new(),
    }
}

/// What the checks across files need of every entry, gathered as each file
/// is read: a few bytes an entry, never the entries.
#[derive(Default)]
struct Across {
    /// Every entry's time and writer (by its number in `writers`).
    entries: HashSet<(DateTime<Utc>, usize)>,
    writers: HashMap<String, usize>,
    /// The declarations, each once however many logs hold it.
    declarations: HashSet<EntryRef>,
}

impl Across {
    fn add(&mut self, entry: &Entry) {
        let next = self.writers.len();
        let writer = *self.writers.entry(entry.device.clone()).or_insert(next);
        self.entries.insert((entry.recorded_at, writer));
        if matches!(entry.event, Event::Declared { .. }) {
            self.declarations.insert(EntryRef::to(entry));
        }
    }

    /// Whether a log of the record holds the entry referred to.
    fn holds(&self, r: &EntryRef) -> bool {
        self.writers
            .get(&r.device)
            .is_some_and(|&w| self.entries.contains(&(r.recorded_at, w)))
    }
}

/// Each writer's entries against what the others say they had seen of it:
/// the check the causes in every entry make possible, which finds a
/// device's log deleted or cut short.
fn short_writers(files: &[FileCheck]) -> Vec<Short> {
    let mut holds: BTreeMap<String, u64> = BTreeMap::new();
    for f in files {
        if let Ok(read) = &f.read {
            *holds.entry(log_device(&f.path)).or_insert(0) += read.entries;
        }
    }
    let mut worst: BTreeMap<String, (u64, PathBuf)> = BTreeMap::new();
    for f in files {
        for (writer, &n) in &f.seen {
            let have = holds.get(writer).copied().unwrap_or(0);
            if n > have && worst.get(writer).is_none_or(|w| n > w.0) {
                worst.insert(writer.clone(), (n, f.path.clone()));
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

/// Reads one log a line at a time and checks it: what is held is what the
/// report says, never its lines.
fn check_one(path: &Path, head: Option<&str>, across: &mut Across) -> FileCheck {
    let mut tally = Tally::new(path, head);
    match log::read_each(path, |n, line, in_chain| {
        tally.line(n, line, in_chain, across);
    }) {
        Ok(outline) => tally.check(outline),
        // A file that cannot be read to its end is reported as unreadable
        // and nothing else: what the part read showed does not count.
        Err(e) => FileCheck {
            path: path.to_owned(),
            read: Err(e),
            repairs: Vec::new(),
            link: None,
            continued: false,
            other_plan: Vec::new(),
            found: Vec::new(),
            corrections: Vec::new(),
            seen: BTreeMap::new(),
        },
    }
}

/// What the check of one log gathers as its lines pass.
struct Tally<'a> {
    path: &'a Path,
    /// The head looked for, if one is.
    head: Option<&'a str>,
    /// The writer of this log, whose own entries say nothing of it.
    own: String,
    /// SHA-256 of the plan pinned beside the log; none for a log checked
    /// outside its folder.
    pinned: Option<String>,
    kept: u64,
    chained: u64,
    head_hash: String,
    after_damage: Option<AfterDamage>,
    continues: Option<log::Continuation>,
    last_closed: bool,
    sessions: usize,
    entries: u64,
    repairs: Vec<Repair>,
    other_plan: Vec<u64>,
    /// Lines whose hash starts with the head: line number, hash, and
    /// which kept line it is.
    found: Vec<(u64, String, u64)>,
    corrections: Vec<EntryRef>,
    seen: BTreeMap<String, u64>,
}

impl<'a> Tally<'a> {
    fn new(path: &'a Path, head: Option<&'a str>) -> Self {
        Self {
            path,
            head,
            own: log_device(path),
            pinned: path
                .parent()
                .and_then(|dir| log::read_file(&dir.join(PLAN_FILE)).ok())
                .map(|bytes| log::sha256_hex(&bytes)),
            kept: 0,
            chained: 0,
            head_hash: log::GENESIS.to_owned(),
            after_damage: None,
            continues: None,
            last_closed: true,
            sessions: 0,
            entries: 0,
            repairs: Vec::new(),
            other_plan: Vec::new(),
            found: Vec::new(),
            corrections: Vec::new(),
            seen: BTreeMap::new(),
        }
    }

    /// A kept line: in the chain from the start, or after damage.
    fn line(&mut self, line_no: u64, line: Line, in_chain: bool, across: &mut Across) {
        if in_chain {
            self.chained += 1;
            self.head_hash.clone_from(&line.hash);
        } else {
            self.after_damage = Some(match self.after_damage {
                None => AfterDamage {
                    count: 1,
                    first: line_no,
                    last: line_no,
                },
                Some(a) => AfterDamage {
                    count: a.count + 1,
                    last: line_no,
                    ..a
                },
            });
        }
        if self.head.is_some_and(|h| line.hash.starts_with(h)) {
            self.found.push((line_no, line.hash.clone(), self.kept));
        }
        self.kept += 1;
        self.last_closed = matches!(line.record, Record::Closed { .. });
        match line.record {
            Record::Opened {
                continues,
                plan_sha256,
                ..
            } => {
                self.sessions += 1;
                // A continuation link is in the first line kept.
                if self.kept == 1 {
                    self.continues = continues.filter(|c| !c.file.is_empty());
                }
                if self.pinned.as_ref().is_some_and(|sha| *sha != plan_sha256) {
                    self.other_plan.push(line_no);
                }
            }
            Record::Recovered {
                at_byte,
                cut_bytes,
                kept_in,
            } => {
                let repair = repair(self.path, line_no, at_byte, cut_bytes, &kept_in);
                self.repairs.push(repair);
            }
            Record::Event { entry } => {
                self.entries += 1;
                across.add(&entry);
                if let Event::Note {
                    corrects: Some(r), ..
                } = &entry.event
                {
                    self.corrections.push(r.clone());
                }
                for (writer, &n) in &entry.after.0 {
                    if *writer != self.own {
                        let most = self.seen.entry(writer.clone()).or_insert(0);
                        *most = (*most).max(n);
                    }
                }
            }
            Record::Closed { .. } => {}
        }
    }

    /// The check of a log read to its end.
    fn check(self, outline: log::Outline) -> FileCheck {
        let (path, kept) = (self.path, self.kept);
        let found = self
            .found
            .into_iter()
            .map(|(line, hash, index)| HeadFound {
                file: path.to_owned(),
                line,
                hash,
                after: usize::try_from(kept - index - 1).unwrap_or(usize::MAX),
            })
            .collect();
        FileCheck {
            path: path.to_owned(),
            read: Ok(FileRead {
                chained: self.chained,
                head: self.head_hash,
                after_damage: self.after_damage,
                damage: outline.damage,
                torn_tail: outline
                    .torn_tail
                    .map(|(at, bytes)| (at, bytes.len() as u64)),
                ends_closed: self.last_closed,
                sessions: self.sessions,
                entries: self.entries,
            }),
            repairs: self.repairs,
            link: self.continues.map(|c| link(path, &c)),
            continued: false,
            other_plan: self.other_plan,
            found,
            corrections: self.corrections,
            seen: self.seen,
        }
    }
}

/// A `recovered` record, with what its side file holds.
fn repair(path: &Path, line: u64, at_byte: u64, cut_bytes: u64, kept_in: &str) -> Repair {
    let side = path.with_file_name(kept_in);
    let cut = match log::read_file(&side) {
        Err(_) => Cut::Missing,
        Ok(bytes) if bytes.len() as u64 != cut_bytes => Cut::OtherLength(bytes.len() as u64),
        // A crash leaves a line without its newline, or zeros; a line that
        // checks out by itself, whole, was made torn.
        Ok(bytes) => {
            let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
            if log::check_self(body).is_ok() {
                Cut::WholeLine
            } else {
                Cut::Incomplete
            }
        }
    };
    Repair {
        line,
        at_byte,
        cut_bytes,
        kept_in: side,
        cut,
    }
}

/// Whether the file a continuation names has the line it names, read a
/// line at a time.
fn link(path: &Path, c: &log::Continuation) -> Link {
    let target = link_target(path, &c.file);
    let mut has = c.last_seq == 0 && c.last_hash == log::GENESIS;
    let state = match log::read_each(&target, |_, l, _| {
        has |= l.seq == c.last_seq && l.hash == c.last_hash;
    }) {
        Ok(_) if has => LinkState::Holds,
        Err(_) if !target.exists() => LinkState::Missing,
        Ok(_) | Err(_) => LinkState::NoSuchLine,
    };
    Link {
        stored: c.file.clone(),
        target,
        last_seq: c.last_seq,
        state,
    }
}
