//! An incident opened for writing.
//!
//! [`IncidentLog`] is the writing side: this device's log file, and the
//! entries that could not be written yet, in order. It knows nothing of the
//! plan or the state, so a writer thread can own it while the window keeps
//! the state. [`OpenIncident`] is the whole incident for a caller that writes
//! synchronously (the command line): check the action with the model, write
//! it durably, and only then apply it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::paths::{
    PLAN_FILE, device_slug, incidents_dir, link_to, log_path, next_log_path, writer_logs,
    writer_names,
};
use super::read::{load_plan, read_all};
use super::{FileOp, IncidentError, Notice, create_private_dir, file_err};
use crate::io::log::{self, Continuation, LogError, OpenReport, Session, Writer};
use crate::model::incident::{Action, Causes, Declaration, Entry, Event, Happened, Incident};
use crate::model::plan::{self, Plan};

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
            let other = scan.kept().any(
                |l| matches!(&l.record, log::Record::Opened { machine: Some(m), .. } if m != me),
            );
            if other {
                return Err(IncidentError::DeviceTaken {
                    device: device.to_owned(),
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
        let plan_path = folder.join(PLAN_FILE);
        if !plan_path.exists() {
            log::write_new_file(&plan_path, &self.plan_bytes)
                .map_err(file_err(FileOp::WritePlanCopy, &plan_path))?;
        }
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
        for entry in &self.unsaved {
            writer.append(entry)?;
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

/// An incident opened for work: the plan, the state and the log.
#[derive(Debug)]
pub struct OpenIncident {
    log: IncidentLog,
    plan: Plan,
    incident: Incident,
    notices: Vec<Notice>,
}

impl OpenIncident {
    /// Declares a new incident: makes its folder, pins the plan, starts the
    /// log and writes the declaration.
    ///
    /// # Errors
    /// A refused declaration (unknown class or level…), a plan that does not
    /// load, or a file that cannot be written.
    pub fn declare<'a>(
        data_dir: &Path,
        plan_bytes: &[u8],
        declaration: Declaration,
        by: &str,
        device: impl Into<Device<'a>>,
        now: DateTime<Utc>,
    ) -> Result<Self, IncidentError> {
        let Device {
            name: device,
            machine,
        } = device.into();
        let plan = plan::parse(plan_bytes)
            .map_err(|d| IncidentError::PlanCopy {
                path: PathBuf::new(),
                first: d.into_iter().next().map(Box::new),
            })?
            .plan;
        let sha = log::sha256_hex(plan_bytes);
        let event = crate::model::incident::declare(&plan, &sha, declaration, now)?;
        let dir = new_incident_dir(data_dir, &event, now)?;
        let plan_path = dir.join(PLAN_FILE);
        log::write_new_file(&plan_path, plan_bytes)
            .map_err(file_err(FileOp::WritePlanCopy, &plan_path))?;
        let session = Session {
            device: device.to_owned(),
            machine: machine.map(str::to_owned),
            plan_sha256: sha.clone(),
            at: now,
        };
        let writer_name = device_slug(device);
        let mut writer = Writer::create(&log_path(&dir, &writer_name, 1), &session, None)?;
        let entry = Entry {
            recorded_at: now,
            happened_at: None,
            by: by.to_owned(),
            device: device.to_owned(),
            after: crate::model::incident::Causes::default(),
            event,
        };
        writer.append(&entry)?;
        let incident = Incident::new(&entry).map_err(|error| IncidentError::Replay {
            dir: dir.clone(),
            error,
        })?;
        Ok(Self {
            log: IncidentLog {
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
            },
            plan,
            incident,
            notices: Vec::new(),
        })
    }

    /// Opens an incident folder: reads every log, folds the state, and opens
    /// this device's log for appending (repairing a torn tail, or continuing
    /// in a new file after damage). A log that cannot be written (a full
    /// disk) opens with no writer: [`Self::record`] keeps the entries unsaved
    /// and [`IncidentLog::continue_in`] saves them elsewhere.
    ///
    /// # Errors
    /// When the plan copy or the logs cannot be read, or another process is
    /// writing this device's log.
    pub fn open<'a>(
        dir: &Path,
        device: impl Into<Device<'a>>,
        now: DateTime<Utc>,
    ) -> Result<Self, IncidentError> {
        Self::open_waiting(dir, device, now, Duration::ZERO, &mut || {})
    }

    /// Opens an incident folder like [`Self::open`]; when every writer name
    /// of this device is held by other processes, waits for one to be free
    /// for up to `patience`, calling `waiting` once after a second so that
    /// a person knows why nothing happens yet.
    ///
    /// # Errors
    /// As [`Self::open`].
    pub fn open_waiting<'a>(
        dir: &Path,
        device: impl Into<Device<'a>>,
        now: DateTime<Utc>,
        patience: Duration,
        waiting: &mut dyn FnMut(),
    ) -> Result<Self, IncidentError> {
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
        let (entries, read_notices) = (read.entries, read.notices);
        // This writer's torn tail was repaired when its log was opened
        // above; a notice that it "will be repaired" would be stale.
        let own = writer.as_ref().map(|w| w.path().to_owned());
        notices.extend(
            read_notices.into_iter().filter(
                |n| !matches!(n, Notice::TornTail { file, .. } if Some(file) == own.as_ref()),
            ),
        );
        let incident = Incident::from_entries(entries).map_err(|error| IncidentError::Replay {
            dir: dir.to_owned(),
            error,
        })?;
        Ok(Self {
            log: IncidentLog {
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
            incident,
            notices,
        })
    }

    /// The incident's folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        self.log.dir()
    }

    /// The plan it runs under (the pinned copy).
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The state, folded from the logs and every entry made since (saved or not).
    #[must_use]
    pub fn incident(&self) -> &Incident {
        &self.incident
    }

    /// What opening found: repairs, damage, crashes.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The writing side.
    #[must_use]
    pub fn log(&self) -> &IncidentLog {
        &self.log
    }

    /// The writing side, to continue elsewhere or to inject faults in tests.
    pub fn log_mut(&mut self) -> &mut IncidentLog {
        &mut self.log
    }

    /// Takes the incident apart: the writing side for a writer thread, and
    /// the plan, the state and the notices for whoever shows them.
    #[must_use]
    pub fn into_parts(self) -> (IncidentLog, Plan, Incident, Vec<Notice>) {
        (self.log, self.plan, self.incident, self.notices)
    }

    /// Checks an action, writes it durably and applies it.
    ///
    /// On a write failure the entry is applied and kept unsaved (the operator
    /// did it; it must not vanish from the screen) and the error says it is
    /// NOT saved: call [`IncidentLog::continue_in`] to save it.
    ///
    /// # Errors
    /// A refused action (nothing written), or a failed write.
    pub fn record(
        &mut self,
        action: Action,
        by: &str,
        happened: Option<Happened>,
        now: DateTime<Utc>,
    ) -> Result<Entry, IncidentError> {
        let happened_at = self.incident.check_happened(happened)?;
        let event = self.incident.check(&self.plan, action)?;
        let entry = Entry {
            recorded_at: now,
            happened_at,
            by: by.to_owned(),
            device: self.log.device.clone(),
            after: crate::model::incident::Causes::default(),
            event,
        };
        self.incident.apply(&entry);
        self.log.append(entry.clone())?;
        Ok(entry)
    }

    /// Continues the log in another folder; see [`IncidentLog::continue_in`].
    ///
    /// # Errors
    /// When the new file cannot be written either; the entries stay unsaved.
    pub fn continue_in(
        &mut self,
        folder: &Path,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, IncidentError> {
        self.log.continue_in(folder, now)
    }

    /// Ends the writing session cleanly; see [`IncidentLog::finish`].
    ///
    /// # Errors
    /// When the closing record cannot be written; no operator entry is lost by that.
    pub fn finish(self, now: DateTime<Utc>) -> Result<Option<String>, IncidentError> {
        self.log.finish(now)
    }
}

/// Makes the folder of a new incident: `<stamp>-<class>[-drill][-n]`.
fn new_incident_dir(
    data_dir: &Path,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<PathBuf, IncidentError> {
    let Event::Declared { class, drill, .. } = event else {
        return Err(IncidentError::Replay {
            dir: PathBuf::new(),
            error: crate::model::incident::ReplayError::NotDeclared,
        });
    };
    let root = incidents_dir(data_dir);
    create_private_dir(&root).map_err(file_err(FileOp::CreateIncidents, &root))?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    let suffix = if *drill { "-drill" } else { "" };
    let base = format!("{stamp}-{class}{suffix}");
    let dir = (1..)
        .map(|n| {
            if n == 1 {
                root.join(&base)
            } else {
                root.join(format!("{base}-{n}"))
            }
        })
        .find(|d| !d.exists())
        .unwrap_or_else(|| root.join(&base));
    create_private_dir(&dir).map_err(file_err(FileOp::CreateIncident, &dir))?;
    log::sync_dir(&root).map_err(file_err(FileOp::SyncIncidents, &root))?;
    Ok(dir)
}

/// Opens a writer's newest log for appending (repairing a torn tail), or
/// continues in a new file after damage, or starts its first file.
fn open_writer(
    dir: &Path,
    writer_name: &str,
    session: &Session,
    notices: &mut Vec<Notice>,
) -> Result<Writer, LogError> {
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
