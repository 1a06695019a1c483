//! An incident's log opened for writing.
//!
//! [`IncidentLog`] is the writing side: this device's log file, and the
//! entries that could not be written yet, in order. It knows nothing of the
//! state, so a writer thread can own it while the window keeps the state;
//! what an entry is, and whether it may be written, is the model's and the
//! service's business (`crate::service::OpenIncident`). Here: starting a
//! new incident's log, opening an existing one (waiting for other processes
//! of this device, repairing a torn tail, continuing after damage),
//! appending durably, continuing in another folder, and closing cleanly.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::paths::{
    PLAN_FILE, device_slug, link_to, log_path, next_log_path, rescue_places, writer_logs,
    writer_names,
};
use super::read::{continues_from, load_plan, read_all};
use super::{FileOp, IncidentError, Notice, create_private_dir, file_err};
use crate::io::log::{self, Continuation, LogError, OpenReport, Session, Writer};
use crate::io::platform::OpenError;
use crate::model::incident::{Causes, Entry};
use crate::model::plan::Plan;

/// Who writes: the device's name, and the computer it is (a digest of its
/// machine id; `None` where it is not known, as in tests and older logs).
#[derive(Clone, Copy, Debug)]
pub struct Device<'a> {
    /// The device's name, as people call it (`laptop-a`, `指挥室1`).
    pub name: &'a str,
    /// The computer.
    pub machine: Option<&'a str>,
}

impl<'a> From<&'a str> for Device<'a> {
    fn from(name: &'a str) -> Self {
        Self {
            name,
            machine: None,
        }
    }
}

/// Refuses to write as `device` in a folder where another computer already
/// writes under that name: each laptop must have its own log, or the two
/// would take turns in one file and their entries could not be told apart.
///
/// # Errors
/// [`IncidentError::DeviceTaken`] naming the device and the folder.
fn check_device_free(dir: &Path, device: &str, machine: Option<&str>) -> Result<(), IncidentError> {
    let Some(me) = machine else { return Ok(()) };
    for name in writer_names(device) {
        for path in writer_logs(dir, &name) {
            let Ok(scan) = log::read(&path) else { continue };
            let other = scan.kept().find_map(|l| match &l.record {
                log::Record::Opened {
                    machine: Some(m),
                    device: theirs,
                    ..
                } if m != me => Some(theirs.clone()),
                _ => None,
            });
            if let Some(taken_by) = other {
                return Err(IncidentError::DeviceTaken {
                    device: device.to_owned(),
                    taken_by,
                    dir: dir.to_owned(),
                });
            }
        }
    }
    Ok(())
}

/// This device's log of one incident, and the entries not yet on disk.
#[derive(Debug)]
pub struct IncidentLog {
    dir: PathBuf,
    device: String,
    machine: Option<String>,
    /// The name in this writer's log file names: the device's slug, or
    /// `slug+n` when another process on the device holds its log.
    writer_name: String,
    writer: Option<Writer>,
    /// This device's log when it could not be written on opening: the file
    /// a continuation names.
    stalled: Option<PathBuf>,
    /// Entries the operator made that are not on disk yet, in order.
    unsaved: Vec<Entry>,
    /// What this writer has seen of the other writers: every entry it
    /// writes carries it, so the merge puts the entry after them.
    seen: Causes,
    /// The exact bytes of the pinned plan, to pin it again in another folder.
    plan_bytes: Vec<u8>,
    plan_sha256: String,
}

impl IncidentLog {
    /// The incident's folder (after a continuation elsewhere, the new one).
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This device's name.
    #[must_use]
    pub fn device(&self) -> &str {
        &self.device
    }

    /// The log file being written, if any.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.writer.as_ref().map(Writer::path)
    }

    /// The head hash of this device's log: read it aloud, write it down.
    #[must_use]
    pub fn head(&self) -> Option<&str> {
        self.writer.as_ref().map(Writer::head)
    }

    /// Entries not yet on disk, in order.
    #[must_use]
    pub fn unsaved(&self) -> &[Entry] {
        &self.unsaved
    }

    /// Whether writing has failed and entries wait for another file.
    #[must_use]
    pub fn is_stuck(&self) -> bool {
        !self.unsaved.is_empty() || self.writer.as_ref().is_none_or(Writer::has_failed)
    }

    /// Learns what the other writers have written, from a fresh reading of
    /// the folder: later entries are stamped as written after it.
    pub fn learn(&mut self, seen: &Causes) {
        self.seen.join(&seen.clone().without(&self.writer_name));
    }

    /// The name this writer's log files carry (`laptop-a`, `laptop-a+2`).
    #[must_use]
    pub fn writer_name(&self) -> &str {
        &self.writer_name
    }

    /// Replaces the log writer and returns the old one: for fault-injection
    /// tests, with a writer from [`Writer::with_sink`].
    #[doc(hidden)]
    pub fn replace_writer(&mut self, writer: Writer) -> Option<Writer> {
        self.writer.replace(writer)
    }

    /// Writes an entry durably. On failure the entry is kept, in order, in
    /// [`Self::unsaved`], and nothing more is written to this file: call
    /// [`Self::continue_in`] to save it elsewhere.
    ///
    /// # Errors
    /// The entry is NOT saved (yet).
    pub fn append(&mut self, mut entry: Entry) -> Result<(), LogError> {
        // Stamped once, before the first attempt: an entry saved again in a
        // continuation file is the same entry, byte for byte.
        entry.after = self.seen.clone();
        let result = if !self.unsaved.is_empty() {
            // Keep the order: nothing is written after an unsaved entry.
            Err(LogError::Failed(
                self.path().map_or_else(|| self.dir.clone(), Path::to_owned),
            ))
        } else {
            match self.writer.as_mut() {
                Some(w) => w.append(&entry).map(|_| ()),
                None => Err(LogError::Failed(
                    self.stalled.clone().unwrap_or_else(|| self.dir.clone()),
                )),
            }
        };
        if result.is_err() {
            self.unsaved.push(entry);
        }
        result
    }

    /// Continues the log in a new file in `folder` (this incident's folder,
    /// or another one when this one cannot be written) and saves every unsaved
    /// entry there. The new file's first record names where it continues
    /// from, and the plan is pinned there too, byte for byte.
    ///
    /// # Errors
    /// When the new file cannot be written either; the entries stay unsaved.
    pub fn continue_in(
        &mut self,
        folder: &Path,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, IncidentError> {
        create_private_dir(folder).map_err(file_err(FileOp::CreateFolder, folder))?;
        pin_plan(folder, &self.plan_bytes)?;
        let stalled = self
            .stalled
            .as_deref()
            .and_then(|p| Some((p, log::read(p).ok()?)));
        let (file, last_seq, last_hash) = match (&self.writer, stalled) {
            (Some(w), _) => (link_to(folder, w.path()), w.seq(), w.head().to_owned()),
            (None, Some((p, scan))) => (
                link_to(folder, p),
                scan.last().map_or(0, |l| l.seq),
                scan.last()
                    .map_or(log::GENESIS, |l| l.hash.as_str())
                    .to_owned(),
            ),
            (None, None) => (String::new(), 0, log::GENESIS.to_owned()),
        };
        let cont = Continuation {
            file,
            last_seq,
            last_hash,
            reason: "the previous file could not be written".to_owned(),
        };
        let session = self.session(now);
        let path = next_log_path(folder, &self.writer_name);
        let mut writer = Writer::create(&path, &session, Some(cont))?;
        let failed = self
            .unsaved
            .iter()
            .enumerate()
            .find_map(|(i, entry)| writer.append(entry).err().map(|e| (i, e)));
        if let Some((written, e)) = failed {
            if written == 0 {
                // Nothing of the operator's is in the new file: it goes, so
                // that the next place continues from the same line without
                // two files continuing it (a fork).
                writer.discard();
            } else {
                // Some are saved there: the chain goes on from this file,
                // and only the rest wait for the next place.
                self.unsaved.drain(..written);
                self.writer = Some(writer);
                self.stalled = None;
                self.dir = folder.to_owned();
            }
            return Err(e.into());
        }
        self.unsaved.clear();
        self.writer = Some(writer);
        self.stalled = None;
        self.dir = folder.to_owned();
        Ok(path)
    }

    /// Ends the writing session with a closing record (a clean exit) and
    /// returns the log's final head hash; `None` when entries are unsaved or
    /// the log failed (there is then no clean exit to mark).
    ///
    /// # Errors
    /// When the closing record cannot be written; no operator entry is lost by that.
    pub fn finish(mut self, now: DateTime<Utc>) -> Result<Option<String>, IncidentError> {
        match self.writer.take() {
            Some(w) if !w.has_failed() && self.unsaved.is_empty() => match w.close(now) {
                Ok(head) => Ok(Some(head)),
                // Only the mark of a clean exit is missing: not "NOT saved".
                Err(LogError::Write { path, error }) => Err(IncidentError::File {
                    op: FileOp::CloseSession,
                    path,
                    error,
                }),
                Err(e) => Err(e.into()),
            },
            _ => Ok(None),
        }
    }

    fn session(&self, now: DateTime<Utc>) -> Session {
        Session {
            device: self.device.clone(),
            machine: self.machine.clone(),
            plan_sha256: self.plan_sha256.clone(),
            at: now,
        }
    }
}

/// What opening an incident's folder for writing found: this device's log,
/// ready to append to, and everything the folder holds, read.
#[derive(Debug)]
pub struct Opened {
    /// The writing side.
    pub log: IncidentLog,
    /// The pinned plan.
    pub plan: Plan,
    /// Every entry of every log, merged in order.
    pub entries: Vec<Entry>,
    /// What opening and reading found: repairs, damage, crashes.
    pub notices: Vec<Notice>,
}

impl IncidentLog {
    /// Makes a new incident under `<data>/incidents/` named `name` (see
    /// [`super::incident_name`]; `name-2`… when taken): pins the plan, byte
    /// for byte, and writes the declaration as the log's first entry, all in
    /// a hidden folder that takes the name only once both are on disk. A
    /// full disk or a crash on the way leaves no folder that could be taken
    /// for an incident (an empty plan, a log without its declaration).
    ///
    /// # Errors
    /// When the folders, the plan copy or the log cannot be written;
    /// nothing is left of the attempt.
    pub fn create<'a>(
        data_dir: &Path,
        name: &str,
        plan_bytes: &[u8],
        declaration: &Entry,
        device: impl Into<Device<'a>>,
        now: DateTime<Utc>,
    ) -> Result<Self, IncidentError> {
        let Device {
            name: device,
            machine,
        } = device.into();
        let tmp = super::making_dir(data_dir, name)?;
        let sha = log::sha256_hex(plan_bytes);
        let session = Session {
            device: device.to_owned(),
            machine: machine.map(str::to_owned),
            plan_sha256: sha.clone(),
            at: now,
        };
        let writer_name = device_slug(device);
        let made = (|| {
            let plan_path = tmp.join(PLAN_FILE);
            log::write_new_file(&plan_path, plan_bytes)
                .map_err(file_err(FileOp::WritePlanCopy, &plan_path))?;
            let mut writer = Writer::create(&log_path(&tmp, &writer_name, 1), &session, None)?;
            writer.append(declaration)?;
            let dir = super::publish(&tmp, name)?;
            // The folder was renamed with the file open: the same file,
            // under its new path.
            writer.moved_to(log_path(&dir, &writer_name, 1));
            Ok((dir, writer))
        })();
        let (dir, writer) = match made {
            Ok(made) => made,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&tmp);
                return Err(e);
            }
        };
        Ok(Self {
            dir,
            device: device.to_owned(),
            machine: machine.map(str::to_owned),
            writer_name,
            writer: Some(writer),
            stalled: None,
            unsaved: Vec::new(),
            seen: Causes::default(),
            plan_bytes: plan_bytes.to_owned(),
            plan_sha256: sha,
        })
    }

    /// Opens an incident folder for writing: this device's log for
    /// appending (repairing a torn tail, or continuing in a new file after
    /// damage), then every log read and merged. A log that cannot be
    /// written (a full disk) opens with no writer: [`Self::append`] keeps
    /// the entries unsaved and [`Self::continue_in`] saves them elsewhere.
    ///
    /// When every writer name of this device is held by other processes,
    /// waits for one to be free for up to `patience`, calling `waiting` once
    /// after a second so that a person knows why nothing happens yet.
    ///
    /// # Errors
    /// When the plan copy or the logs cannot be read, another computer
    /// writes under this device's name, or other processes hold its logs.
    pub fn open<'a>(
        dir: &Path,
        device: impl Into<Device<'a>>,
        now: DateTime<Utc>,
        patience: Duration,
        waiting: &mut dyn FnMut(),
    ) -> Result<Opened, IncidentError> {
        let Device {
            name: device,
            machine,
        } = device.into();
        let (plan, bytes) = load_plan(dir)?;
        check_device_free(dir, device, machine)?;
        let sha = log::sha256_hex(&bytes);
        let session = Session {
            device: device.to_owned(),
            machine: machine.map(str::to_owned),
            plan_sha256: sha.clone(),
            at: now,
        };
        let mut notices = Vec::new();
        // This device's newest log file is the one to append to; when
        // another process on this device holds it (the window is open and
        // the scribe types in a terminal), the next writer name takes over.
        let names = writer_names(device);
        let started = Instant::now();
        let mut told = false;
        let (writer_name, opened) = 'wait: loop {
            for name in &names {
                match open_writer(dir, name, &session, &mut notices) {
                    Err(LogError::Locked(_)) => {
                        if !told && started.elapsed() >= Duration::from_secs(1) {
                            told = true;
                            waiting();
                        }
                    }
                    result => break 'wait (name.clone(), result),
                }
            }
            if started.elapsed() >= patience {
                return Err(IncidentError::Log(LogError::Locked(dir.to_owned())));
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        // The log is there but cannot be written (a full disk, a file-size
        // limit): open anyway, so that the caller keeps the operator's
        // entries and continues the log elsewhere instead of losing them.
        let (writer, stalled) = match opened {
            Ok(w) => (Some(w), None),
            Err(LogError::Write { path, error }) => {
                notices.push(Notice::Unwritable {
                    file: path.clone(),
                    error,
                });
                (None, Some(path))
            }
            Err(e) => return Err(e.into()),
        };
        let read = read_all(dir)?;
        let seen = read.seen.without(&writer_name);
        // This writer's torn tail was repaired when its log was opened
        // above; a notice that it "will be repaired" would be stale.
        let own = writer.as_ref().map(|w| w.path().to_owned());
        notices.extend(
            read.notices.into_iter().filter(
                |n| !matches!(n, Notice::TornTail { file, .. } if Some(file) == own.as_ref()),
            ),
        );
        Ok(Opened {
            log: Self {
                dir: dir.to_owned(),
                device: device.to_owned(),
                machine: machine.map(str::to_owned),
                writer_name,
                writer,
                stalled,
                unsaved: Vec::new(),
                seen,
                plan_bytes: bytes,
                plan_sha256: sha,
            },
            plan,
            entries: read.entries,
            notices,
        })
    }
}

/// Pins the plan in `folder`, byte for byte, unless that copy is there
/// already. An empty copy (left by a failed write of an older version) is
/// replaced; a copy of another plan is never overwritten: the folder
/// belongs to another incident.
fn pin_plan(folder: &Path, bytes: &[u8]) -> Result<(), IncidentError> {
    let path = folder.join(PLAN_FILE);
    // Never through a link, never waiting on a pipe (`log::read_file`).
    match log::read_file(&path) {
        Ok(there) if there == bytes => return Ok(()),
        Ok(there) if there.is_empty() => {
            crate::io::fault::op(crate::io::fault::Op::Remove, &path)
                .and_then(|()| std::fs::remove_file(&path))
                .map_err(file_err(FileOp::WritePlanCopy, &path))?;
        }
        Ok(_) => {
            return Err(IncidentError::File {
                op: FileOp::WritePlanCopy,
                path,
                error: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "the folder holds another plan: it belongs to another incident",
                )
                .into(),
            });
        }
        Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(OpenError::Io(e)) => return Err(file_err(FileOp::WritePlanCopy, &path)(e)),
        Err(OpenError::NotAFile(kind)) => {
            return Err(IncidentError::Log(LogError::NotAFile { path, kind }));
        }
    }
    log::write_new_file(&path, bytes).map_err(file_err(FileOp::WritePlanCopy, &path))
}

/// The newest log of `writer` in the incident's rescue folders that
/// continues its newest log here (`newest`), link after link: where its
/// chain went while this folder could not be written (a full disk). Then
/// appending here would fork the chain and leave those entries out of the
/// folder's record.
fn rescued_tip(dir: &Path, newest: &Path, writer: &str) -> Option<PathBuf> {
    let newest = newest.canonicalize().ok()?;
    let mut best: Option<(usize, PathBuf)> = None;
    for place in rescue_places(dir) {
        for candidate in writer_logs(&place, writer) {
            let mut at = candidate.clone();
            let mut depth = 0;
            let reaches = loop {
                let Some(prev) = continues_from(&at) else {
                    break false;
                };
                depth += 1;
                if prev.canonicalize().ok().as_ref() == Some(&newest) {
                    break true;
                }
                if depth > 100 {
                    break false;
                }
                at = prev;
            };
            if reaches && best.as_ref().is_none_or(|(d, _)| depth > *d) {
                best = Some((depth, candidate));
            }
        }
    }
    best.map(|(_, tip)| tip)
}

/// Continues the log here from `tip`, its newest file in a rescue folder:
/// a new file whose first record links to it, so reading this folder reads
/// the rescued entries too and the chain never forks. A tip still being
/// written by another process is left to it (`Locked`: the next writer
/// name is tried).
fn join_rescue(
    dir: &Path,
    writer_name: &str,
    tip: &Path,
    session: &Session,
    notices: &mut Vec<Notice>,
) -> Result<Writer, LogError> {
    if log::in_use(tip) {
        return Err(LogError::Locked(tip.to_owned()));
    }
    let scan = log::read(tip)?;
    let cont = Continuation {
        file: link_to(dir, tip),
        last_seq: scan.last().map_or(0, |l| l.seq),
        last_hash: scan
            .last()
            .map_or(log::GENESIS, |l| l.hash.as_str())
            .to_owned(),
        reason: "continues the log saved elsewhere while this folder could not be written"
            .to_owned(),
    };
    let next = next_log_path(dir, writer_name);
    match Writer::create(&next, session, Some(cont)) {
        Ok(writer) => {
            notices.push(Notice::RescueJoined {
                from: tip.to_owned(),
                into: next,
            });
            Ok(writer)
        }
        // This folder still cannot be written (the disk is still full):
        // the log goes on where it is, so the chain still does not fork.
        Err(LogError::Open { .. } | LogError::Write { .. }) => match Writer::open(tip, session) {
            Ok((writer, report)) => {
                notices.extend(opening_notices(&report, tip));
                Ok(writer)
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// Opens a writer's newest log for appending (repairing a torn tail), or
/// continues in a new file after damage, or starts its first file.
fn open_writer(
    dir: &Path,
    writer_name: &str,
    session: &Session,
    notices: &mut Vec<Notice>,
) -> Result<Writer, LogError> {
    // A continuation file a crash left empty (made, never written) holds
    // nothing and continues nothing: taken as the newest log, it would
    // leave the file before it looking unclosed, continued by nothing.
    let mut logs = writer_logs(dir, writer_name);
    while logs.len() > 1 && logs.last().is_some_and(|p| log::remove_if_empty(p)) {
        logs.pop();
    }
    if let Some(newest) = logs.last()
        && let Some(tip) = rescued_tip(dir, newest, writer_name)
    {
        return join_rescue(dir, writer_name, &tip, session, notices);
    }
    let path = match writer_logs(dir, writer_name).pop() {
        Some(path) => path,
        None => {
            let first = log_path(dir, writer_name, 1);
            match Writer::create(&first, session, None) {
                // Another process created it a moment ago (the first note
                // from this device, typed in two terminals at once): append
                // after it, like any other existing log.
                Err(LogError::Open { error, .. })
                    if error.kind == std::io::ErrorKind::AlreadyExists =>
                {
                    first
                }
                created => return created,
            }
        }
    };
    match Writer::open(&path, session) {
        Ok((w, report)) => {
            notices.extend(opening_notices(&report, &path));
            Ok(w)
        }
        Err(LogError::Damaged { path, line, fault }) => {
            let next = next_log_path(dir, writer_name);
            let scan = log::read(&path)?;
            let cont = Continuation {
                file: link_to(dir, &path),
                last_seq: scan.last().map_or(0, |l| l.seq),
                last_hash: scan
                    .last()
                    .map_or(log::GENESIS, |l| l.hash.as_str())
                    .to_owned(),
                reason: format!("damaged at line {line}: {fault:?}"),
            };
            notices.push(Notice::DamagedContinued {
                file: path,
                line,
                fault,
                next: next.clone(),
            });
            Writer::create(&next, session, Some(cont))
        }
        Err(e) => Err(e),
    }
}

fn opening_notices(report: &OpenReport, path: &Path) -> Vec<Notice> {
    let mut out = Vec::new();
    if let Some((at, cut, side)) = &report.recovered {
        out.push(Notice::Repaired {
            file: path.to_owned(),
            at: *at,
            cut: *cut,
            kept_in: side.clone(),
        });
    } else if report.unclean {
        out.push(Notice::Unclean {
            file: path.to_owned(),
        });
    }
    out
}
