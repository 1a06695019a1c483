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
//! One device, one chain (`super::chain`): two files that share the start of
//! a chain (a copy, or one device's chain forked), an entry held by the logs
//! of two writers, a log whose entries or file name belong to another device
//! than its opening record's, a sync engine's conflict copy and a second
//! declaration are each a finding: every file checks out by itself, and the
//! record still does not.
//!
//! What the format cannot show: a device's whole log deleted, or its last
//! lines, when no other device had seen them yet, and lines cut from the end
//! of a log with a closing record rewritten after them — only a head hash
//! kept outside the log shows those.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::chain::{self, Continues, Start, same_file, writes_as};
use super::paths::{PLAN_FILE, existing_rescue, log_device, log_files};
use super::read::link_target;
use crate::io::log::{self, Damage, FileKind, Line, LogError, Record};
use crate::io::platform;
use crate::model::ids::LevelId;
use crate::model::incident::{Entry, EntryRef, Event};
pub use crate::model::notice::Parting;

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
    /// Entries that name another device than the opening record of their
    /// writing session.
    pub foreign: Option<Foreign>,
    /// An opening record whose device would not write under this file's
    /// name: a log copied or renamed from another device's.
    pub misnamed: Option<Misnamed>,
    /// Whether another file of the record shares this one's chain, or holds
    /// its entries as its own device's: one of them is a copy, or a fork.
    pub shared: bool,
    /// What its chain starts from, for finding the files that share it.
    start: Start,
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
            && self.foreign.is_none()
            && self.misnamed.is_none()
            && !self.shared
    }
}

/// Entries of a log that name another device than the opening record of
/// their writing session.
#[derive(Debug, PartialEq, Eq)]
pub struct Foreign {
    /// The first one's line.
    pub line: u64,
    /// The device its session's opening record names.
    pub device: String,
    /// The device it names.
    pub named: String,
    /// How many entries of the file name another device.
    pub count: u64,
}

/// An opening record whose device would write under another file name.
#[derive(Debug, PartialEq, Eq)]
pub struct Misnamed {
    /// Its line.
    pub line: u64,
    /// The device it names.
    pub device: String,
}

/// Two files of the record that share the start of a chain.
#[derive(Debug, PartialEq, Eq)]
pub struct SharedChain {
    /// The first, in the order the files were checked.
    pub file: PathBuf,
    /// The other.
    pub other: PathBuf,
    /// Where they part.
    pub parting: Parting,
}

/// Entries of a log that another writer's log holds too, equal once read.
#[derive(Debug, PartialEq, Eq)]
pub struct Duplicated {
    /// The log whose entries they are not (by the device they name), or
    /// the later one checked when that cannot be told.
    pub file: PathBuf,
    /// The first of them's line in it.
    pub line: u64,
    /// The other log.
    pub also_in: PathBuf,
    /// How many.
    pub count: u64,
}

/// A declaration, where it is.
#[derive(Debug, PartialEq, Eq)]
pub struct Declared {
    /// The log.
    pub file: PathBuf,
    /// Its line.
    pub line: u64,
    /// The entry.
    pub entry: EntryRef,
    /// Its title.
    pub title: String,
    /// The level it declared.
    pub level: LevelId,
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
    /// Another file that shares the chain of this one: the head is in a
    /// copy, or a fork, and which is the original the files cannot tell.
    pub shared_with: Option<PathBuf>,
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
    /// means the log that held it is missing or damaged), each once
    /// however many logs hold it.
    pub declarations: usize,
    /// Where each declaration is: every log and line that holds one.
    pub declared: Vec<Declared>,
    /// The files that share the start of a chain.
    pub shared: Vec<SharedChain>,
    /// Entries held by the logs of two writers.
    pub duplicated: Vec<Duplicated>,
    /// Conflict copies a sync engine left beside the logs.
    pub conflict_copies: Vec<PathBuf>,
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
            && self.shared.is_empty()
            && self.duplicated.is_empty()
            && self.conflict_copies.is_empty()
    }
}

/// Checks the record of an incident folder: every log in it and in its
/// rescue folder, and the files in other folders that their links lead to;
/// with a head (hex, whole or its start), finds the lines whose hash it is.
#[must_use]
pub fn check_folder(dir: &Path, head: Option<&str>) -> RecordCheck {
    let rescue = existing_rescue(dir);
    let mut record = check_files(record_files(dir, rescue.as_deref()), rescue, head);
    record.plans_not_files = std::iter::once(dir)
        .chain(record.rescue.as_deref())
        .map(|d| d.join(PLAN_FILE))
        .filter_map(|p| platform::not_a_file(&p).map(|kind| (p, kind)))
        .collect();
    record.conflict_copies = chain::conflict_copies(dir);
    if let Some(rescue) = &record.rescue {
        record
            .conflict_copies
            .extend(chain::conflict_copies(rescue));
    }
    record
}

/// The log files of a folder and of its rescue folder, where the record
/// continues when the folder could not be written, and those in a rescue
/// folder elsewhere (`runbook-rescue-<incident>` in the current folder)
/// that continue one of them.
fn record_files(dir: &Path, rescue: Option<&Path>) -> Vec<PathBuf> {
    let mut files = log_files(dir);
    files.extend(rescue.map(log_files).unwrap_or_default());
    super::read::add_rescued(dir, &mut files);
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
        .shared
        .retain(|s| same_file(&s.file, path) || same_file(&s.other, path));
    record
        .duplicated
        .retain(|d| same_file(&d.file, path) || same_file(&d.also_in, path));
    record.declared.retain(|d| same_file(&d.file, path));
    record
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
        let check = check_one(&paths[i], i, head.as_deref(), &mut across);
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
    let starts: Vec<(&Path, &Start)> = files.iter().map(|f| (f.path.as_path(), &f.start)).collect();
    let shared: Vec<SharedChain> = chain::shared(&starts)
        .into_iter()
        .map(|(a, b, parting)| SharedChain {
            file: files[a].path.clone(),
            other: files[b].path.clone(),
            parting,
        })
        .collect();
    let duplicated: Vec<Duplicated> = across
        .copies(&paths)
        .iter()
        .map(|(&(file, also_in), &(count, line))| Duplicated {
            file: files[file].path.clone(),
            line,
            also_in: files[also_in].path.clone(),
            count,
        })
        .collect();
    for f in &mut files {
        let other = shared
            .iter()
            .find_map(|s| {
                if s.file == f.path {
                    Some(&s.other)
                } else if s.other == f.path {
                    Some(&s.file)
                } else {
                    None
                }
            })
            .cloned();
        f.shared = other.is_some() || duplicated.iter().any(|d| d.file == f.path);
        for h in &mut f.found {
            h.shared_with.clone_from(&other);
        }
    }
    let found = files.iter_mut().flat_map(|f| f.found.drain(..)).collect();
    let distinct: HashSet<u64> = across.declarations.iter().map(|(d, _)| *d).collect();
    let declared = across
        .declarations
        .into_iter()
        .map(|(_, (file, line, entry, title, level))| Declared {
            file: files[file].path.clone(),
            line,
            entry,
            title,
            level,
        })
        .collect();
    RecordCheck {
        files,
        dangling,
        declarations: distinct.len(),
        declared,
        shared,
        duplicated,
        conflict_copies: Vec::new(),
        short,
        rescue,
        found,
        plans_not_files: Vec::new(),
    }
}

/// A declaration as the check gathers it: its file (by its place in the
/// files checked), line, entry, title and level.
type Declaration = (usize, u64, EntryRef, String, LevelId);

/// What the checks across files need of every entry, gathered as each file
/// is read: a few bytes an entry, never the entries.
#[derive(Default)]
struct Across {
    /// Every entry's time and device (by its number in `writers`), with
    /// the first file (by its place among the files checked) that holds it.
    /// Numbers of 32 bits: 20 bytes an entry.
    entries: HashMap<(DateTime<Utc>, u32), u32>,
    writers: HashMap<String, u32>,
    /// The writer of each file checked (as its name gives it), by its
    /// place in the files checked.
    file_writers: Vec<String>,
    /// The times and devices that the files of two writers both hold: the
    /// entries that may be one entry copied, compared once every file has
    /// been read (`copies`), so that a record without any costs nothing.
    suspects: HashSet<(DateTime<Utc>, u32)>,
    /// The files that hold them.
    suspect_files: BTreeSet<usize>,
    /// Every declaration with its digest, in every log that holds it.
    declarations: Vec<(u64, Declaration)>,
    /// Scratch space for the digests.
    buf: Vec<u8>,
}

impl Across {
    /// A file about to be checked, at this place among the files.
    fn start(&mut self, file: usize, path: &Path) {
        if self.file_writers.len() <= file {
            self.file_writers.resize(file + 1, String::new());
        }
        self.file_writers[file] = log_device(path);
    }

    fn writer_of(&self, file: usize) -> &str {
        self.file_writers.get(file).map_or("", String::as_str)
    }

    fn add(&mut self, entry: &Entry, file: usize, line: u64) {
        let next = u32::try_from(self.writers.len()).unwrap_or(u32::MAX);
        let writer = *self.writers.entry(entry.device.to_string()).or_insert(next);
        let key = (entry.recorded_at, writer);
        // At most a hundred files are checked.
        let place = u32::try_from(file).unwrap_or(u32::MAX);
        match self.entries.get(&key).map(|&f| f as usize) {
            None => {
                self.entries.insert(key, place);
            }
            // Equal entries of one writer are a continuation repeating
            // what its predecessor reported unsaved, or two entries alike.
            Some(first) if self.writer_of(first) != self.writer_of(file) => {
                self.suspects.insert(key);
                self.suspect_files.extend([first, file]);
            }
            Some(_) => {}
        }
        if let Event::Declared(d) = &entry.event {
            let (title, level) = (&d.title, &d.level);
            let digest = chain::digest(entry, &mut self.buf);
            let at = (
                file,
                line,
                EntryRef::to(entry),
                title.clone(),
                level.clone(),
            );
            self.declarations.push((digest, at));
        }
    }

    /// The entries that the logs of two writers hold, equal once read:
    /// by (the file they are not the entries of, the other file), how many
    /// and the first one's line. Only the files holding suspects are read
    /// again, and only the suspects' digests are kept.
    fn copies(&self, paths: &[PathBuf]) -> BTreeMap<(usize, usize), (u64, u64)> {
        let mut out = BTreeMap::new();
        let mut digests: HashMap<u64, (usize, u64)> = HashMap::new();
        let mut buf = Vec::new();
        for &file in &self.suspect_files {
            let Some(path) = paths.get(file) else {
                continue;
            };
            let _ = log::read_each(path, |line_no, line, _| {
                let Record::Event { entry } = line.record else {
                    return;
                };
                let suspect = self
                    .writers
                    .get(entry.device.as_str())
                    .is_some_and(|&w| self.suspects.contains(&(entry.recorded_at, w)));
                if !suspect {
                    return;
                }
                let digest = chain::digest(&entry, &mut buf);
                let Some(&(first, first_line)) = digests.get(&digest) else {
                    digests.insert(digest, (file, line_no));
                    return;
                };
                let (a, b) = (self.writer_of(first), self.writer_of(file));
                if a == b {
                    return;
                }
                // The copy is the one in the log of another device than
                // the one the entry names; when both or neither are, the
                // later checked.
                let key = if writes_as(a, &entry.device) || !writes_as(b, &entry.device) {
                    ((file, first), line_no)
                } else {
                    ((first, file), first_line)
                };
                let (count, at) = out.entry(key.0).or_insert((0, key.1));
                *count += 1;
                *at = (*at).min(key.1);
            });
        }
        out
    }

    /// Whether a log of the record holds the entry referred to.
    fn holds(&self, r: &EntryRef) -> bool {
        self.writers
            .get(r.device.as_str())
            .is_some_and(|&w| self.entries.contains_key(&(r.recorded_at, w)))
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
fn check_one(path: &Path, index: usize, head: Option<&str>, across: &mut Across) -> FileCheck {
    across.start(index, path);
    let mut tally = Tally::new(path, index, head);
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
            foreign: None,
            misnamed: None,
            shared: false,
            start: Start::default(),
            found: Vec::new(),
            corrections: Vec::new(),
            seen: BTreeMap::new(),
        },
    }
}

/// What the check of one log gathers as its lines pass.
struct Tally<'a> {
    path: &'a Path,
    /// The file's place among the files checked.
    index: usize,
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
    /// The device the opening record of the session being read names.
    session: Option<String>,
    foreign: Option<Foreign>,
    misnamed: Option<Misnamed>,
    start: Start,
}

impl<'a> Tally<'a> {
    fn new(path: &'a Path, index: usize, head: Option<&'a str>) -> Self {
        Self {
            path,
            index,
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
            session: None,
            foreign: None,
            misnamed: None,
            start: Start::default(),
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
        if line_no == 1 && in_chain {
            self.start.first = Some(line.hash.clone());
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
                device,
                ..
            } => {
                self.sessions += 1;
                // A continuation link is in the first line kept.
                if self.kept == 1 {
                    self.continues = continues.filter(|c| !c.file.is_empty());
                    self.start.continues = self.continues.as_ref().map(|c| Continues {
                        origin: link_target(self.path, &c.file),
                        line: c.last_seq,
                        hash: c.last_hash.clone(),
                    });
                }
                if self.pinned.as_ref().is_some_and(|sha| *sha != plan_sha256) {
                    self.other_plan.push(line_no);
                }
                if self.misnamed.is_none() && !writes_as(&self.own, &device) {
                    self.misnamed = Some(Misnamed {
                        line: line_no,
                        device: device.clone(),
                    });
                }
                self.session = Some(device);
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
                self.start.entries += 1;
                across.add(&entry, self.index, line_no);
                // An entry before any opening record kept (after damage)
                // cannot be told.
                if let Some(device) = self.session.as_ref().filter(|d| **d != entry.device) {
                    let f = self.foreign.get_or_insert_with(|| Foreign {
                        line: line_no,
                        device: device.clone(),
                        named: entry.device.to_string(),
                        count: 0,
                    });
                    f.count += 1;
                }
                if let Event::Note {
                    corrects: Some(r), ..
                } = &entry.event
                {
                    self.corrections.push((**r).clone());
                }
                for (writer, &n) in entry.after.iter() {
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
                shared_with: None,
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
            foreign: self.foreign,
            misnamed: self.misnamed,
            shared: false,
            start: self.start,
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

#[cfg(test)]
mod tests {
    use super::super::chain::fixtures::{declared, log, note};
    use super::*;

    #[test]
    fn a_copy_checks_out_as_a_file_and_not_as_a_record() {
        let dir = tempfile::tempdir().unwrap();
        let (a, zz) = (
            dir.path().join("log-a.jsonl"),
            dir.path().join("log-zz.jsonl"),
        );
        log(&a, "a", &[declared("a", 0, "t", "II"), note("a", 1, "one")]);
        std::fs::copy(&a, &zz).unwrap();
        let head = log::read(&a).unwrap().head().to_owned();
        let record = check_folder(dir.path(), Some(&head[..16]));
        assert!(!record.is_ok());
        assert_eq!(
            record.shared,
            [SharedChain {
                file: a.clone(),
                other: zz.clone(),
                parting: Parting::After {
                    lines: 4,
                    identical: true
                },
            }]
        );
        assert_eq!(
            record.duplicated,
            [Duplicated {
                file: zz.clone(),
                line: 2,
                also_in: a.clone(),
                count: 2,
            }]
        );
        assert_eq!(record.declarations, 1, "one declaration, held twice");
        assert!(record.files.iter().all(|f| f.shared && !f.is_ok()));
        let misnamed: Vec<_> = record.files.iter().map(|f| f.misnamed.as_ref()).collect();
        assert_eq!(
            misnamed,
            [
                None,
                Some(&Misnamed {
                    line: 1,
                    device: "a".into()
                })
            ]
        );
        let found: Vec<_> = record
            .found
            .iter()
            .map(|h| (h.file.clone(), h.shared_with.clone()))
            .collect();
        assert_eq!(found, [(a.clone(), Some(zz.clone())), (zz, Some(a))]);
    }

    #[test]
    fn entries_naming_another_device_are_counted_from_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let evil = dir.path().join("log-evil.jsonl");
        log(
            &evil,
            "evil",
            &[note("evil", 1, "own"), note("a", 2, "x"), note("b", 3, "y")],
        );
        let record = check_file(&evil, None);
        let f = &record.files[0];
        assert_eq!(
            f.foreign,
            Some(Foreign {
                line: 3,
                device: "evil".into(),
                named: "a".into(),
                count: 2,
            })
        );
        assert_eq!(f.misnamed, None);
        assert!(!f.is_ok());
    }

    #[test]
    fn every_declaration_is_named_where_it_is_and_conflict_copies_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            dir.path().join("log-a.jsonl"),
            dir.path().join("log-b.jsonl"),
        );
        log(&a, "a", &[declared("a", 0, "real", "IV")]);
        log(
            &b,
            "b",
            &[note("b", 1, "own"), declared("b", 5, "forged", "I")],
        );
        let copy = dir
            .path()
            .join("log-a.sync-conflict-20260301-100500-ABCDEFG.jsonl");
        std::fs::copy(&a, &copy).unwrap();
        let record = check_folder(dir.path(), None);
        assert_eq!(record.declarations, 2);
        let places: Vec<_> = record
            .declared
            .iter()
            .map(|d| (d.file.clone(), d.line, d.title.as_str(), d.level.as_str()))
            .collect();
        assert_eq!(
            places,
            [(a, 2, "real", "IV"), (b.clone(), 3, "forged", "I")]
        );
        assert_eq!(record.conflict_copies, [copy]);
        // The copy is no log of the record.
        assert_eq!(record.files.len(), 2);
        assert!(record.shared.is_empty() && record.duplicated.is_empty());
    }
}
