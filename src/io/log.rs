//! The incident log: JSON Lines with a SHA-256 hash chain, durable before
//! acknowledged.
//!
//! Each line is one record: `{"seq":N,"prev":"<hex>","record":{…},"hash":"<hex>"}`
//! where `hash` is the SHA-256 of the line's exact bytes before `,"hash":"`
//! (so a verifier never re-serialises JSON) and `prev` is the previous line's
//! hash (64 zeros for the first). The first record of every writing session
//! pins the app version, the device and the plan's hash; a clean exit writes
//! a closing record, so a missing one shows a crash.
//!
//! Durability, after `shared/reference/durable-log.md`: one `write_all` per
//! record, then `sync_data`, before the caller hears "saved"; new files and
//! their folders are synced; an exclusive lock keeps a second process out. On
//! a write or sync error the file is cut back to its last complete line, the
//! writer refuses further appends (a failed sync is never retried and
//! trusted), and the caller keeps the unsaved entry and continues in another
//! file. Reopening repairs a torn last line — an incomplete one, with no
//! newline, the only thing a crash leaves — (its bytes kept in a side file, a
//! `recovered` record appended) and refuses to append to a file with any
//! damaged complete line: that is kept as it is, and the log continues in a
//! new file.
//!
//! A log is only ever a regular file: every open, for reading or writing,
//! goes through `platform::open_regular`, which never follows a symbolic
//! link and never waits on a named pipe or a device; what stands there
//! instead is reported ([`LogError::NotAFile`]) and left alone. An existing
//! log is written only if it is private to its owner and has no other name
//! (a hard link): [`LogError::NotPrivate`] otherwise.

use std::fs::{File, OpenOptions};
use std::io::{BufRead as _, Read as _, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::fault;
use super::platform::{self, OpenError};
use crate::model::incident::Entry;
pub use crate::model::notice::{FileKind, LineFault, LogError, Shared};

/// The `prev` of the first record in a file.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const HASH_KEY: &[u8] = b",\"hash\":\"";

/// What a log line holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Record {
    /// A writing session began.
    Opened {
        /// The app's version.
        app_version: String,
        /// The device writing.
        device: String,
        /// Which computer that is: a digest of its machine id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        machine: Option<String>,
        /// SHA-256 of the plan file the incident runs under.
        plan_sha256: String,
        /// When the session began.
        at: chrono::DateTime<chrono::Utc>,
        /// Where this file continues from, when an earlier file could not be written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        continues: Option<Continuation>,
    },
    /// An incident event.
    Event {
        /// The entry.
        entry: Entry,
    },
    /// A torn last line was cut off on reopening.
    Recovered {
        /// Where the cut began, in bytes.
        at_byte: u64,
        /// How many bytes were cut.
        cut_bytes: u64,
        /// The side file that keeps them.
        kept_in: String,
    },
    /// The writing session ended cleanly.
    Closed {
        /// When.
        at: chrono::DateTime<chrono::Utc>,
    },
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::model::tag_first::deserialize(d)
    }
}

impl crate::model::tag_first::Mirrored for Record {
    const TAG: &'static str = "type";
    fn from_external<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RecordDef::deserialize(d)
    }
}

/// [`Record`] for reading in one pass, field for field; see [`Event`]'s.
#[derive(Deserialize)]
#[serde(remote = "Record", rename_all = "snake_case", deny_unknown_fields)]
enum RecordDef {
    Opened {
        app_version: String,
        device: String,
        #[serde(default)]
        machine: Option<String>,
        plan_sha256: String,
        at: chrono::DateTime<chrono::Utc>,
        #[serde(default)]
        continues: Option<Continuation>,
    },
    Event {
        entry: Entry,
    },
    Recovered {
        at_byte: u64,
        cut_bytes: u64,
        kept_in: String,
    },
    Closed {
        at: chrono::DateTime<chrono::Utc>,
    },
}

/// Where a continuation file picks up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Continuation {
    /// The earlier file.
    pub file: String,
    /// Its last good sequence number.
    pub last_seq: u64,
    /// Its last good hash.
    pub last_hash: String,
    /// Why it could not be written.
    pub reason: String,
}

/// A line as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// 1, 2, 3, … within the file.
    pub seq: u64,
    /// The previous line's hash.
    pub prev: String,
    /// What the line records.
    pub record: Record,
    /// This line's hash.
    #[serde(default)]
    pub hash: String,
}

/// The file operations the writer needs; a test can inject faults through it.
pub trait Sink: Send {
    /// Writes all of `bytes` at the end of the file.
    ///
    /// # Errors
    /// Whatever the file system says; part of `bytes` may have been written.
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()>;
    /// Makes the written data durable.
    ///
    /// # Errors
    /// When the data may not be on disk.
    fn sync_data(&mut self) -> std::io::Result<()>;
    /// Cuts the file to `len` bytes and syncs.
    ///
    /// # Errors
    /// When the file cannot be cut.
    fn truncate(&mut self, len: u64) -> std::io::Result<()>;
}

impl Sink for File {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        fault::op(fault::Op::Write, Path::new("(log)"))?;
        std::io::Write::write_all(self, bytes)
    }

    fn sync_data(&mut self) -> std::io::Result<()> {
        fault::op(fault::Op::Sync, Path::new("(log)"))?;
        File::sync_data(self)
    }

    fn truncate(&mut self, len: u64) -> std::io::Result<()> {
        fault::op(fault::Op::Truncate, Path::new("(log)"))?;
        self.set_len(len)?;
        self.seek(SeekFrom::Start(len))?;
        File::sync_all(self)
    }
}

/// Formats one line, with its hash; returns the line (ending in `\n`) and the hash.
#[must_use]
pub fn format_line(seq: u64, prev: &str, record: &Record) -> (Vec<u8>, String) {
    let line = Line {
        seq,
        prev: prev.to_owned(),
        record: record.clone(),
        hash: String::new(),
    };
    // Serialise without the hash, then splice it in as the last field.
    let mut body = match serde_json::to_vec(&line) {
        Ok(body) => body,
        // Serialising plain data to memory cannot fail; keep a valid line anyway.
        Err(_) => format!("{{\"seq\":{seq},\"prev\":\"{prev}\"}}").into_bytes(),
    };
    let cut = find_last(&body, b",\"hash\":\"").unwrap_or(body.len().saturating_sub(1));
    body.truncate(cut);
    let hash = hex(&Sha256::digest(&body));
    body.extend_from_slice(HASH_KEY);
    body.extend_from_slice(hash.as_bytes());
    body.extend_from_slice(b"\"}\n");
    (body, hash)
}

/// Lower-case hex. By hand rather than through `format!`: every line read
/// is hashed and compared in hex, and the formatting machinery was a tenth
/// of the time of reading a long log.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// SHA-256 of some bytes, as lower-case hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Checks that one line (without its newline) is a record whose hash covers
/// its bytes: the line itself was not changed. Where it stands in the chain
/// is [`check_line`]'s question.
///
/// # Errors
/// What is wrong with the line.
pub fn check_self(bytes: &[u8]) -> Result<Line, LineFault> {
    let Some(cut) = find_last(bytes, HASH_KEY) else {
        return Err(LineFault::NoHash);
    };
    let body = &bytes[..cut];
    let line: Line =
        serde_json::from_slice(bytes).map_err(|e| LineFault::NotARecord(e.to_string()))?;
    let tail = &bytes[cut + HASH_KEY.len()..];
    if tail.strip_prefix(line.hash.as_bytes()) != Some(b"\"}") {
        return Err(LineFault::HashNotLast);
    }
    if sha256_hex(body) != line.hash {
        return Err(LineFault::HashChanged);
    }
    Ok(line)
}

/// Checks one line (without its newline) against the expected sequence
/// number and previous hash.
///
/// # Errors
/// What is wrong with the line.
pub fn check_line(bytes: &[u8], seq: u64, prev: &str) -> Result<Line, LineFault> {
    let line = check_self(bytes)?;
    follows(&line, seq, prev)?;
    Ok(line)
}

/// Whether a line that checks out by itself takes its place in the chain.
fn follows(line: &Line, seq: u64, prev: &str) -> Result<(), LineFault> {
    if line.seq != seq {
        return Err(LineFault::Sequence {
            found: line.seq,
            expected: seq,
        });
    }
    if line.prev != prev {
        return Err(LineFault::Chain);
    }
    Ok(())
}

/// One bad place in a log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damage {
    /// The line, from 1.
    pub line: u64,
    /// Where the line starts, in bytes.
    pub at: u64,
    /// What is wrong. A line that is intact by itself but does not follow
    /// the one before ([`LineFault::Sequence`], [`LineFault::Chain`]) is kept:
    /// what is missing is before it.
    pub fault: LineFault,
}

impl Damage {
    /// Whether the line itself is kept (intact, but out of the chain).
    #[must_use]
    pub fn line_kept(&self) -> bool {
        matches!(self.fault, LineFault::Sequence { .. } | LineFault::Chain)
    }
}

/// What reading a log file found.
///
/// Reading keeps every line that can be trusted. The lines from the start
/// that chain to each other are the log proper ([`Self::lines`]): a writer
/// may append after them only when nothing follows. After the first bad
/// line, every later line whose own hash checks out is kept too
/// ([`Self::after_damage`]), in order: one damaged byte must not hide the
/// hours recorded after it. Every bad line is reported. Only an incomplete
/// last line (no newline) is a torn tail, which a crash can leave; a complete
/// line that fails its check is damage, never cut.
#[derive(Debug, Default)]
pub struct Scan {
    /// The lines that chain from the start, in order.
    pub lines: Vec<Line>,
    /// Bytes up to the end of the last of [`Self::lines`].
    pub good_len: u64,
    /// The intact lines after the first damage, with their line numbers.
    pub after_damage: Vec<(u64, Line)>,
    /// Every bad place, in order.
    pub damage: Vec<Damage>,
    /// An incomplete last line: its byte offset and bytes.
    pub torn_tail: Option<(u64, Vec<u8>)>,
}

impl Scan {
    /// The hash of the last line of the chain from the start, or [`GENESIS`].
    #[must_use]
    pub fn head(&self) -> &str {
        self.lines.last().map_or(GENESIS, |l| l.hash.as_str())
    }

    /// The last line kept, after damage or not: where a continuation picks up.
    #[must_use]
    pub fn last(&self) -> Option<&Line> {
        self.after_damage
            .last()
            .map(|(_, l)| l)
            .or_else(|| self.lines.last())
    }

    /// Every line kept, in file order.
    pub fn kept(&self) -> impl Iterator<Item = &Line> {
        self.lines
            .iter()
            .chain(self.after_damage.iter().map(|(_, l)| l))
    }

    /// The entries recorded in every kept line, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.kept().filter_map(|l| match &l.record {
            Record::Event { entry } => Some(entry),
            _ => None,
        })
    }

    /// Whether the last kept line closes a writing session (or nothing is kept).
    #[must_use]
    pub fn ends_closed(&self) -> bool {
        matches!(
            self.last().map(|l| &l.record),
            Some(Record::Closed { .. }) | None
        )
    }
}

/// Reads and checks a whole log from bytes.
#[must_use]
pub fn scan(data: &[u8]) -> Scan {
    let mut kept = Kept::default();
    let mut scanner = Scanner::new(|n, line, chained| kept.keep(n, line, chained));
    let mut pos = 0usize;
    while pos < data.len() {
        let Some(nl) = data[pos..].iter().position(|&b| b == b'\n') else {
            scanner.torn(pos as u64, &data[pos..]);
            break;
        };
        scanner.line(&data[pos..pos + nl], pos as u64);
        pos += nl + 1;
    }
    let outline = scanner.outline;
    kept.with(outline)
}

/// Reads a log file, one line at a time: what is held is the lines kept,
/// never the file's bytes.
///
/// # Errors
/// When the file cannot be read.
pub fn read(path: &Path) -> Result<Scan, LogError> {
    let mut kept = Kept::default();
    let outline = read_each(path, |n, line, chained| kept.keep(n, line, chained))?;
    Ok(kept.with(outline))
}

/// What a read found besides the lines it kept: how much of the file is
/// the log proper, the damage and a torn tail (as in [`Scan`]).
#[derive(Debug, Default)]
pub struct Outline {
    /// Bytes up to the end of the last line of the chain from the start.
    pub good_len: u64,
    /// Every bad place, in order.
    pub damage: Vec<Damage>,
    /// An incomplete last line: its byte offset and bytes.
    pub torn_tail: Option<(u64, Vec<u8>)>,
}

/// Reads a log file a line at a time and hands each line it keeps to
/// `each` with its line number and whether it is in the chain from the
/// start (`false`: after damage), holding none of them: what `verify`
/// reads a long log with. [`read`] is this, keeping every line.
///
/// # Errors
/// When the file cannot be read.
pub fn read_each(path: &Path, each: impl FnMut(u64, Line, bool)) -> Result<Outline, LogError> {
    let read_err = read_error(path);
    let mut file = std::io::BufReader::with_capacity(1 << 16, open_to_read(path)?);
    let mut scanner = Scanner::new(each);
    let mut buf = Vec::new();
    let mut pos = 0u64;
    loop {
        buf.clear();
        let n = file.read_until(b'\n', &mut buf).map_err(read_err)?;
        if n == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            scanner.line(&buf[..n - 1], pos);
        } else {
            scanner.torn(pos, &buf);
        }
        pos += n as u64;
        super::progress::read(n as u64);
    }
    Ok(scanner.outline)
}

/// The lines a [`Scan`] keeps, gathered as they are read.
#[derive(Default)]
struct Kept {
    lines: Vec<Line>,
    after_damage: Vec<(u64, Line)>,
}

impl Kept {
    fn keep(&mut self, line_no: u64, line: Line, chained: bool) {
        if chained {
            self.lines.push(line);
        } else {
            self.after_damage.push((line_no, line));
        }
    }

    fn with(self, outline: Outline) -> Scan {
        Scan {
            lines: self.lines,
            good_len: outline.good_len,
            after_damage: self.after_damage,
            damage: outline.damage,
            torn_tail: outline.torn_tail,
        }
    }
}

/// The first line of a log file that checks out by itself: the first of
/// [`Scan::kept`], read without reading the rest of the file.
#[must_use]
pub fn first_kept(path: &Path) -> Option<Line> {
    let mut file = std::io::BufReader::new(open_to_read(path).ok()?);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        file.read_until(b'\n', &mut buf).ok()?;
        let line = buf.strip_suffix(b"\n")?;
        if let Ok(line) = check_self(line) {
            return Some(line);
        }
    }
}

/// How a log file ends.
#[derive(Debug)]
pub enum Tail {
    /// It holds no line that checks out.
    Empty,
    /// Its last line is incomplete (no newline ends it).
    Torn,
    /// The last line that checks out by itself: the last of [`Scan::kept`].
    Line(Box<Line>),
}

/// How a log file ends, read from its end: what [`read`] would find last,
/// without reading the whole file (a long incident's log is tens of
/// megabytes, and the incident list asks this of every one).
///
/// # Errors
/// When the file cannot be read.
pub fn last_kept(path: &Path) -> Result<Tail, LogError> {
    const WINDOW: u64 = 1 << 20;
    let read_err = read_error(path);
    let mut file = open_to_read(path)?;
    let len = file.metadata().map_err(read_err)?.len();
    let start = len.saturating_sub(WINDOW);
    file.seek(SeekFrom::Start(start)).map_err(read_err)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.last().is_some_and(|&b| b != b'\n') {
        return Ok(Tail::Torn);
    }
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    lines.pop(); // what follows the last newline: nothing
    if start > 0 && !lines.is_empty() {
        lines.remove(0); // the window began inside a line
    }
    if let Some(line) = lines.iter().rev().find_map(|l| check_self(l).ok()) {
        return Ok(Tail::Line(Box::new(line)));
    }
    if start == 0 {
        return Ok(Tail::Empty);
    }
    // A megabyte of damage at the end: read it all.
    let scan = read(path)?;
    Ok(scan
        .last()
        .cloned()
        .map_or(Tail::Empty, |l| Tail::Line(Box::new(l))))
}

/// The failure to read `path`, in words a person can act on.
fn read_error(path: &Path) -> impl Fn(std::io::Error) -> LogError + Copy + '_ {
    move |e| LogError::Read {
        path: path.to_owned(),
        error: e.into(),
    }
}

/// Opens a log to read it: a regular file only, never through a symbolic
/// link, never waiting on a named pipe or a device.
fn open_to_read(path: &Path) -> Result<File, LogError> {
    let mut options = OpenOptions::new();
    options.read(true);
    platform::open_regular(&options, path).map_err(|e| match e {
        OpenError::NotAFile(kind) => LogError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        OpenError::Io(e) => read_error(path)(e),
    })
}

/// Opens a log to write it, as [`open_to_read`] does; the system's errors
/// are failures to open.
fn open_to_write(options: &OpenOptions, path: &Path) -> Result<File, LogError> {
    fault::op(fault::Op::Create, path).map_err(|e| LogError::Open {
        path: path.to_owned(),
        error: e.into(),
    })?;
    platform::open_regular(options, path).map_err(|e| match e {
        OpenError::NotAFile(kind) => LogError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        OpenError::Io(e) => LogError::Open {
            path: path.to_owned(),
            error: e.into(),
        },
    })
}

/// Reads a whole file that must be a regular file (a pinned plan, a side
/// file), never through a symbolic link and never waiting on a named pipe
/// or a device.
///
/// # Errors
/// [`OpenError::NotAFile`] with what stands there; the system's error.
pub fn read_file(path: &Path) -> Result<Vec<u8>, OpenError> {
    let mut options = OpenOptions::new();
    options.read(true);
    let mut file = platform::open_regular(&options, path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Checks lines one after the other, handing each line it keeps to `keep`
/// and noting the damage and a torn tail in its [`Outline`].
struct Scanner<K> {
    keep: K,
    outline: Outline,
    line_no: u64,
    /// The line before, when it was kept: the next one must follow it.
    /// After a bad line there is nothing to follow, and an intact line
    /// starts again.
    before: Option<(u64, String)>,
}

impl<K: FnMut(u64, Line, bool)> Scanner<K> {
    fn new(keep: K) -> Self {
        Self {
            keep,
            outline: Outline::default(),
            line_no: 0,
            before: Some((0, GENESIS.to_owned())),
        }
    }

    /// A complete line (without its newline) that starts at byte `at`.
    fn line(&mut self, bytes: &[u8], at: u64) {
        self.line_no += 1;
        let line_no = self.line_no;
        let line = match check_self(bytes) {
            Ok(line) => line,
            Err(fault) => {
                self.outline.damage.push(Damage {
                    line: line_no,
                    at,
                    fault,
                });
                self.before = None;
                return;
            }
        };
        if let Some((seq, prev)) = &self.before
            && let Err(fault) = follows(&line, seq + 1, prev)
        {
            self.outline.damage.push(Damage {
                line: line_no,
                at,
                fault,
            });
        }
        match &mut self.before {
            Some((seq, hash)) => {
                *seq = line.seq;
                hash.clone_from(&line.hash);
            }
            None => self.before = Some((line.seq, line.hash.clone())),
        }
        let chained = self.outline.damage.is_empty();
        if chained {
            self.outline.good_len = at + bytes.len() as u64 + 1;
        }
        (self.keep)(line_no, line, chained);
    }

    /// An incomplete last line: no newline ends it.
    fn torn(&mut self, at: u64, bytes: &[u8]) {
        self.outline.torn_tail = Some((at, bytes.to_vec()));
    }
}

/// What the writer pins in its first record.
#[derive(Clone, Debug)]
pub struct Session {
    /// The device writing.
    pub device: String,
    /// Which computer that is (a digest of its machine id), so that a second
    /// computer given the same device name is told, not mixed in.
    pub machine: Option<String>,
    /// The plan's SHA-256.
    pub plan_sha256: String,
    /// When the session began.
    pub at: chrono::DateTime<chrono::Utc>,
}

/// What opening an existing log found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// A torn last line was cut off: where, how many bytes, and the side file.
    pub recovered: Option<(u64, u64, PathBuf)>,
    /// The previous writing session did not end with a closing record.
    pub unclean: bool,
}

/// Appends records to one log file.
pub struct Writer {
    sink: Box<dyn Sink>,
    /// Keeps the lock for as long as the writer lives.
    _lock: Option<File>,
    path: PathBuf,
    seq: u64,
    head: String,
    len: u64,
    failed: bool,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("path", &self.path)
            .field("seq", &self.seq)
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

fn open_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.read(true).append(true);
    // The log holds phone numbers and notes: its owner only.
    platform::private_file(&mut o);
    o
}

pub use super::platform::sync_dir;

/// Removes a log file that holds nothing (a crash left it made but never
/// written), unless a process holds it; returns whether it did. The file is
/// removed while this process holds its lock, so a process that is just
/// creating it finds it locked and takes another.
#[must_use]
pub fn remove_if_empty(path: &Path) -> bool {
    let Ok(file) = open_to_write(&open_options(), path) else {
        return false;
    };
    let empty = file.metadata().is_ok_and(|m| m.len() == 0);
    if !empty || !matches!(file.try_lock(), Ok(())) {
        return false;
    }
    fault::op(fault::Op::Remove, path).is_ok() && std::fs::remove_file(path).is_ok()
}

/// Whether a log file is being written by a process now (its lock is
/// held); a file that cannot be opened counts as in use.
#[must_use]
pub fn in_use(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return true;
    };
    !matches!(file.try_lock(), Ok(()))
}

fn lock(file: &File, path: &Path) -> Result<(), LogError> {
    // A lock this process has just released can look held for a moment: a
    // child process that another thread is starting holds a copy of the file
    // descriptor until it execs. Wait a little before saying that another
    // runbook is writing.
    let mut waits = 0;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) if waits < 50 => {
                waits += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(LogError::Locked(path.to_owned()));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(LogError::Open {
                    path: path.to_owned(),
                    error: e.into(),
                });
            }
        }
    }
}

impl Writer {
    /// Removes the file of a writer that holds only its opening record
    /// (a continuation whose entries could not be written), still holding
    /// its lock, so no empty continuation is left beside the one that will
    /// save them.
    pub fn discard(self) {
        if fault::op(fault::Op::Remove, &self.path).is_ok() {
            let _ = std::fs::remove_file(&self.path);
        }
    }

    /// The folder holding the file was renamed while it was open (a new
    /// incident's folder taking its name): the same file, at `path` now.
    pub fn moved_to(&mut self, path: PathBuf) {
        self.path = path;
    }

    /// Creates a new log file, locks it and writes the opening record.
    ///
    /// # Errors
    /// When the file exists, cannot be created, locked or written;
    /// [`LogError::NotAFile`] when a symbolic link (even to nothing) or a
    /// named pipe stands under the name: nothing is made through it.
    pub fn create(
        path: &Path,
        session: &Session,
        continues: Option<Continuation>,
    ) -> Result<Self, LogError> {
        let open_err = |e: std::io::Error| LogError::Open {
            path: path.to_owned(),
            error: e.into(),
        };
        // Never through a symbolic link: `create_new` alone refuses one as
        // "already exists", which would be taken for another process's log.
        let file = open_to_write(open_options().create_new(true), path)?;
        lock(&file, path)?;
        // Between creating the file and locking it, another process that
        // found it already there (the first note from a device, typed in two
        // terminals at once) may have locked it first and written to it:
        // then it is an existing log, to be opened and appended to.
        if file.metadata().map_err(open_err)?.len() > 0 {
            return Err(open_err(std::io::Error::from(
                std::io::ErrorKind::AlreadyExists,
            )));
        }
        // The file is ours and empty: whatever fails from here on, it is
        // removed, so that an empty file is never left to be taken for a
        // log (and to be reported as one).
        let made = fault::op(fault::Op::Sync, path)
            .and_then(|()| file.sync_all())
            .and_then(|()| path.parent().map_or(Ok(()), sync_dir))
            .and_then(|()| file.try_clone());
        let sink = match made {
            Ok(sink) => sink,
            Err(e) => {
                if fault::op(fault::Op::Remove, path).is_ok() {
                    let _ = std::fs::remove_file(path);
                }
                return Err(open_err(e));
            }
        };
        let mut w = Self {
            sink: Box::new(sink),
            _lock: Some(file),
            path: path.to_owned(),
            seq: 0,
            head: GENESIS.to_owned(),
            len: 0,
            failed: false,
        };
        if let Err(e) = w.opening(session, continues) {
            // Nothing is saved in the new file: remove it (still holding its
            // lock), so that an empty file is never taken for a log.
            if fault::op(fault::Op::Remove, path).is_ok() {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
        Ok(w)
    }

    /// Opens an existing log to append: locks it, checks it, repairs a torn
    /// last line, and writes the opening record.
    ///
    /// # Errors
    /// [`LogError::Damaged`] when any complete line is bad: the file is kept
    /// as it is and the caller continues in a new file.
    /// [`LogError::NotAFile`] when a symbolic link, a named pipe or a device
    /// stands under the name, and [`LogError::NotPrivate`] when others may
    /// read the file or it has another name: nothing is written then. Also
    /// when the file cannot be opened or locked.
    pub fn open(path: &Path, session: &Session) -> Result<(Self, OpenReport), LogError> {
        let open_err = |e: std::io::Error| LogError::Open {
            path: path.to_owned(),
            error: e.into(),
        };
        let mut file = open_to_write(&open_options(), path)?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if let Some(shared) = platform::shared(&file, dir) {
            return Err(LogError::NotPrivate {
                path: path.to_owned(),
                shared,
            });
        }
        lock(&file, path)?;
        let mut data = Vec::new();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_end(&mut data))
            .map_err(read_error(path))?;
        let scan = scan(&data);
        if let Some(d) = scan.damage.first() {
            return Err(LogError::Damaged {
                path: path.to_owned(),
                line: d.line,
                fault: d.fault.clone(),
            });
        }
        let mut report = OpenReport {
            unclean: !matches!(
                scan.lines.last().map(|l| &l.record),
                Some(Record::Closed { .. }) | None
            ),
            ..OpenReport::default()
        };
        let sink = file.try_clone().map_err(open_err)?;
        let mut w = Self {
            sink: Box::new(sink),
            _lock: Some(file),
            path: path.to_owned(),
            seq: scan.lines.len() as u64,
            head: scan.head().to_owned(),
            len: scan.good_len,
            failed: false,
        };
        if let Some((at, bytes)) = &scan.torn_tail {
            let side = side_file(path);
            write_new_file(&side, bytes).map_err(open_err)?;
            w.sink.truncate(*at).map_err(open_err)?;
            let cut = bytes.len() as u64;
            w.append_record(&Record::Recovered {
                at_byte: *at,
                cut_bytes: cut,
                kept_in: side
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            })?;
            report.recovered = Some((*at, cut, side));
            report.unclean = true;
        }
        w.opening(session, None)?;
        Ok((w, report))
    }

    /// A writer over any sink, for fault-injection tests; no lock is taken.
    #[must_use]
    pub fn with_sink(sink: Box<dyn Sink>, path: PathBuf, seq: u64, head: String, len: u64) -> Self {
        Self {
            sink,
            _lock: None,
            path,
            seq,
            head,
            len,
            failed: false,
        }
    }

    fn opening(
        &mut self,
        session: &Session,
        continues: Option<Continuation>,
    ) -> Result<(), LogError> {
        self.append_record(&Record::Opened {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            device: session.device.clone(),
            machine: session.machine.clone(),
            plan_sha256: session.plan_sha256.clone(),
            at: session.at,
            continues,
        })
        .map(|_| ())
    }

    /// The file being written.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The hash of the last record written: read it aloud, write it on the
    /// whiteboard; it is what makes rewriting the log detectable.
    #[must_use]
    pub fn head(&self) -> &str {
        &self.head
    }

    /// The sequence number of the last record written.
    #[must_use]
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// Whether a write failed: the writer then accepts nothing more.
    #[must_use]
    pub fn has_failed(&self) -> bool {
        self.failed
    }

    /// Writes an entry durably; returns its sequence number once it is on disk.
    ///
    /// # Errors
    /// The entry is not saved: the caller keeps it and continues elsewhere.
    pub fn append(&mut self, entry: &Entry) -> Result<u64, LogError> {
        self.append_record(&Record::Event {
            entry: entry.clone(),
        })
    }

    /// Writes the closing record of a clean exit; returns the final head hash.
    ///
    /// # Errors
    /// When it cannot be written; nothing of the operator's is lost by that.
    pub fn close(mut self, at: chrono::DateTime<chrono::Utc>) -> Result<String, LogError> {
        self.append_record(&Record::Closed { at })?;
        Ok(self.head)
    }

    fn append_record(&mut self, record: &Record) -> Result<u64, LogError> {
        if self.failed {
            return Err(LogError::Failed(self.path.clone()));
        }
        let seq = self.seq + 1;
        let (line, hash) = format_line(seq, &self.head, record);
        let result = self
            .sink
            .write_all(&line)
            .and_then(|()| self.sink.sync_data());
        if let Err(source) = result {
            // Never retry a sync and trust it; cut the partial line off (best
            // effort: reopening would cut a torn tail anyway) and stop.
            self.failed = true;
            let _ = self.sink.truncate(self.len);
            return Err(LogError::Write {
                path: self.path.clone(),
                error: source.into(),
            });
        }
        self.seq = seq;
        self.head = hash;
        self.len += line.len() as u64;
        Ok(seq)
    }
}

/// A side file next to the log for cut-off bytes: `<log>.torn-<n>`.
fn side_file(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..)
        .map(|n| path.with_file_name(format!("{name}.torn-{n}")))
        // Taken by anything, a link to nothing included.
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.torn")))
}

/// Writes a new file (the pinned plan) whole or not at all: the bytes go to
/// a temporary file in the same folder, are synced, and only then take the
/// name, which must not exist yet. A full disk or a crash leaves no empty
/// or half-written file under the name — an empty `plan.ron` would make
/// every later command on the folder fail.
///
/// The name is taken with a hard link, which refuses a name that exists;
/// on a file system without links (a FAT USB stick) with a rename, after
/// checking that the name is free.
///
/// # Errors
/// `AlreadyExists` when the name is taken; whatever writing or syncing the
/// file or its folder fails with. The temporary file is removed either way.
pub fn write_new_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        fault::op(fault::Op::Create, &tmp)?;
        let mut f = open_options().create_new(true).open(&tmp)?;
        fault::op(fault::Op::Write, &tmp)?;
        std::io::Write::write_all(&mut f, bytes)?;
        fault::op(fault::Op::Sync, &tmp)?;
        f.sync_all()?;
        fault::op(fault::Op::Link, path)?;
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            Err(_) if path.exists() => Err(std::io::ErrorKind::AlreadyExists.into()),
            Err(_) => fault::op(fault::Op::Rename, path).and_then(|()| std::fs::rename(&tmp, path)),
        }
    })();
    if fault::op(fault::Op::Remove, &tmp).is_ok() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    sync_dir(dir)
}

pub use super::platform::survive_file_size_limit;

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(n: u64) -> Record {
        Record::Closed {
            at: chrono::DateTime::from_timestamp(i64::try_from(n).unwrap(), 0).unwrap(),
        }
    }

    fn log(n: u64) -> Vec<u8> {
        let mut out = Vec::new();
        let mut prev = GENESIS.to_owned();
        for i in 1..=n {
            let (line, hash) = format_line(i, &prev, &rec(i));
            out.extend(line);
            prev = hash;
        }
        out
    }

    /// What [`last_kept`] finds, as a word, and the last line's number.
    fn tail_of(bytes: &[u8]) -> (String, Option<u64>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.jsonl");
        std::fs::write(&path, bytes).unwrap();
        match last_kept(&path).unwrap() {
            Tail::Empty => ("empty".into(), None),
            Tail::Torn => ("torn".into(), None),
            Tail::Line(l) => ("line".into(), Some(l.seq)),
        }
    }

    #[test]
    fn the_end_of_a_log_is_read_from_its_end_as_a_whole_read_finds_it() {
        assert_eq!(tail_of(b""), ("empty".into(), None));
        let whole = log(5);
        assert_eq!(tail_of(&whole), ("line".into(), Some(5)));
        // A torn last line.
        assert_eq!(tail_of(&whole[..whole.len() - 3]), ("torn".into(), None));
        // A damaged last line: the one before is the last kept.
        let mut damaged = whole.clone();
        let at = damaged.len() - 20;
        damaged[at] ^= 1;
        assert_eq!(tail_of(&damaged), ("line".into(), Some(4)));
        assert_eq!(scan(&damaged).last().map(|l| l.seq), Some(4));
        // Longer than the window read from the end.
        let long = log(6000);
        assert!(long.len() > 1 << 20);
        assert_eq!(tail_of(&long), ("line".into(), Some(6000)));
        // Nothing but damage.
        assert_eq!(tail_of(b"not a record\n"), ("empty".into(), None));
    }

    #[test]
    fn a_chain_verifies() {
        let s = scan(&log(3));
        assert_eq!(s.lines.len(), 3);
        assert!(s.torn_tail.is_none() && s.damage.is_empty());
    }

    #[test]
    fn the_hash_is_the_last_field_and_covers_the_bytes_before_it() {
        let (line, hash) = format_line(1, GENESIS, &rec(1));
        let text = String::from_utf8(line).unwrap();
        let (body, tail) = text.rsplit_once(",\"hash\":\"").unwrap();
        assert_eq!(tail, format!("{hash}\"}}\n"));
        assert_eq!(sha256_hex(body.as_bytes()), hash);
    }

    #[test]
    fn a_torn_tail_is_found_at_every_offset() {
        let full = log(3);
        let two = scan(&log(2)).good_len as usize;
        for cut in two + 1..full.len() {
            let s = scan(&full[..cut]);
            assert_eq!(s.lines.len(), 2, "cut at {cut}");
            assert!(s.damage.is_empty(), "cut at {cut}");
            assert_eq!(
                s.torn_tail.as_ref().map(|t| t.0),
                Some(two as u64),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn damage_in_the_middle_is_not_a_torn_tail() {
        let mut data = log(3);
        let i = data.iter().position(|&b| b == b'"').unwrap() + 3;
        data[i] ^= 1;
        let s = scan(&data);
        assert_eq!(s.damage.first().map(|d| d.line), Some(1));
        assert_eq!(s.lines.len(), 0);
        let kept: Vec<u64> = s.after_damage.iter().map(|(n, _)| *n).collect();
        assert_eq!(kept, [2, 3], "the intact lines after the damage are kept");
    }

    #[test]
    fn a_complete_last_line_that_fails_its_check_is_damage_not_a_torn_tail() {
        let mut data = log(3);
        let last = data.len() - 10;
        data[last] ^= 1;
        let s = scan(&data);
        assert!(s.torn_tail.is_none());
        assert_eq!(s.damage.first().map(|d| d.line), Some(3));
        assert_eq!(s.lines.len(), 2);
    }

    #[test]
    fn a_removed_line_is_reported_where_the_chain_breaks_and_the_rest_is_kept() {
        let data = log(4);
        let text = String::from_utf8(data).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let cut = format!("{}\n{}\n{}\n", lines[0], lines[2], lines[3]);
        let s = scan(cut.as_bytes());
        assert_eq!(s.damage.len(), 1);
        assert_eq!(s.damage[0].line, 2);
        assert!(s.damage[0].line_kept());
        assert_eq!(s.lines.len(), 1);
        assert_eq!(s.after_damage.len(), 2);
        assert_eq!(s.last().map(|l| l.seq), Some(4));
    }
}
