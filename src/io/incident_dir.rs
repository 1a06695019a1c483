//! An incident on disk: its folder, the pinned plan, its logs.
//!
//! Each incident has its own folder under `<data>/incidents/`. The folder
//! holds `plan.ron`, a byte-for-byte copy of the plan file the incident was
//! declared under (so it is always read with the plan it ran under, whatever
//! happens to the original), and the log, named after the device
//! (`log-<device>.jsonl`) so that several laptops can later share one folder
//! without ever writing the same file. When a log cannot be written, the log
//! continues in `log-<device>.<n>.jsonl`, in this folder or another one.
//!
//! [`OpenIncident`] is the one place where actions become durable events:
//! check with the model, write and sync, and only then apply.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::io::log::{self, Continuation, LogError, OpenReport, Record, Session, Writer};
use crate::model::incident::{
    Action, ActionError, Declaration, Entry, Event, Incident, ReplayError,
};
use crate::model::plan::{self, Plan};

/// The file name of the pinned plan in an incident folder.
pub const PLAN_FILE: &str = "plan.ron";

/// The folder of all incidents under a data directory.
#[must_use]
pub fn incidents_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("incidents")
}

/// The data directory: `--data-dir`, else `RUNBOOK_DATA_DIR`, else the
/// platform's data folder (`~/.local/share/runbook` on Linux).
#[must_use]
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_owned();
    }
    if let Some(dir) = std::env::var_os("RUNBOOK_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    eframe::storage_dir("runbook").unwrap_or_else(|| PathBuf::from("runbook-data"))
}

/// A device name safe in a file name: ASCII letters, digits, `-` and `_`.
#[must_use]
pub fn device_slug(device: &str) -> String {
    let slug: String = device
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "device".to_owned()
    } else {
        slug.chars().take(40).collect()
    }
}

/// This machine's name, for the log's file name and records.
#[must_use]
pub fn this_device() -> String {
    std::env::var("RUNBOOK_DEVICE")
        .ok()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned())
}

/// Everything that can go wrong with an incident on disk.
#[derive(Debug, thiserror::Error)]
pub enum IncidentError {
    /// The action was refused by the model; nothing was written.
    #[error(transparent)]
    Action(#[from] ActionError),
    /// The log could not be written or read.
    #[error(transparent)]
    Log(#[from] LogError),
    /// A file or folder could not be created or read.
    #[error("{what} {path}: {error}")]
    Io {
        /// What was being done.
        what: &'static str,
        /// The path.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The pinned plan does not load.
    #[error("the plan copy {0} in the incident folder does not load: {1}")]
    Plan(PathBuf, String),
    /// The logs hold no declaration.
    #[error("{0}: {1}")]
    Replay(PathBuf, ReplayError),
    /// No incident folder by that name.
    #[error(
        "no incident {0:?}: give the incident's folder, or its name as `runbook incident list` shows it"
    )]
    NotFound(String),
    /// The name matches several incidents.
    #[error("{0:?} matches several incidents: {1}")]
    Ambiguous(String, String),
}

fn io_err<'a>(
    what: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> IncidentError + 'a {
    move |source| IncidentError::Io {
        what,
        path: path.to_owned(),
        error: source,
    }
}

/// Creates a folder readable by its owner only.
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

/// Where an incident's log continues when its own folder cannot be written:
/// `<data>/rescue/<incident name>`.
#[must_use]
pub fn rescue_dir(data_dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    data_dir.join("rescue").join(name)
}

/// The rescue folder of an incident folder under `<data>/incidents/`, if one exists.
fn existing_rescue(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?;
    let incidents = dir.parent()?;
    if incidents.file_name()? != "incidents" {
        return None;
    }
    let rescue = rescue_dir(incidents.parent()?, name);
    rescue.join(PLAN_FILE).is_file().then_some(rescue)
}

/// Finds an incident folder from a path or a name under the data directory.
/// When the incident's log was rescued into `<data>/rescue/`, the rescue
/// folder is the one to work in: its log links back to the original, so it
/// shows the whole record, and new entries keep their order.
///
/// # Errors
/// When nothing, or more than one incident, matches.
pub fn resolve(data_dir: &Path, given: &str) -> Result<PathBuf, IncidentError> {
    resolve_named(data_dir, given).map(|dir| existing_rescue(&dir).unwrap_or(dir))
}

fn resolve_named(data_dir: &Path, given: &str) -> Result<PathBuf, IncidentError> {
    let as_path = PathBuf::from(given);
    if as_path.join(PLAN_FILE).is_file() {
        return Ok(as_path);
    }
    let root = incidents_dir(data_dir);
    let exact = root.join(given);
    if exact.join(PLAN_FILE).is_file() {
        return Ok(exact);
    }
    let matches: Vec<PathBuf> = list_dirs(&root)
        .into_iter()
        .filter(|d| {
            d.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(given))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(IncidentError::NotFound(given.to_owned())),
        many => Err(IncidentError::Ambiguous(
            given.to_owned(),
            many.iter()
                .filter_map(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}

/// Every incident folder under `root`, sorted by name (which starts with the date).
#[must_use]
pub fn list_dirs(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join(PLAN_FILE).is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The log files in a folder, in reading order: by device, then continuation number.
fn log_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, u32, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name
                .strip_prefix("log-")?
                .strip_suffix(".jsonl")?
                .to_owned();
            let (device, n) = match stem.rsplit_once('.') {
                Some((d, n)) => (d.to_owned(), n.parse().ok()?),
                None => (stem, 1),
            };
            Some((device, n, e.path()))
        })
        .collect();
    files.sort();
    files.into_iter().map(|(_, _, p)| p).collect()
}

/// The log file for a device and continuation number.
fn log_path(dir: &Path, device: &str, n: u32) -> PathBuf {
    let slug = device_slug(device);
    if n <= 1 {
        dir.join(format!("log-{slug}.jsonl"))
    } else {
        dir.join(format!("log-{slug}.{n}.jsonl"))
    }
}

/// The first free continuation file for a device in a folder.
fn next_log_path(dir: &Path, device: &str) -> PathBuf {
    (2..)
        .map(|n| log_path(dir, device, n))
        .find(|p| !p.exists())
        .unwrap_or_else(|| log_path(dir, device, u32::MAX))
}

/// Reads every log in an incident folder; returns the entries in order and
/// notices about what reading found (damage, torn tails, missing closes).
///
/// # Errors
/// When a log cannot be read.
pub fn read_entries(dir: &Path) -> Result<(Vec<Entry>, Vec<String>), IncidentError> {
    let mut groups: Vec<(String, Vec<Entry>)> = Vec::new();
    let mut notices = Vec::new();
    if let Some(rescue) = existing_rescue(dir) {
        notices.push(format!(
            "this folder could not be written at some point and the log continues in {}; open that folder for the whole record",
            rescue.display()
        ));
    }
    for path in with_origins(dir, &mut notices) {
        let scan = log::read(&path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some((line, reason)) = &scan.damage {
            notices.push(format!(
                "{name} is damaged at line {line} ({reason}); only the lines before it are shown, and the file is kept as it is"
            ));
        }
        if let Some((at, bytes)) = &scan.torn_tail {
            notices.push(format!(
                "{name} ends with an incomplete line at byte {at} ({} bytes), left by a crash; it is repaired when the log is next written",
                bytes.len()
            ));
        }
        let device = name
            .strip_prefix("log-")
            .and_then(|s| s.split('.').next())
            .unwrap_or_default()
            .to_owned();
        let entries: Vec<Entry> = scan.entries().cloned().collect();
        match groups.iter_mut().find(|(d, _)| *d == device) {
            Some((_, list)) => {
                // A continuation file starts with the entries its predecessor
                // could not save. If a write was reported failed but did reach
                // the disk, those entries are in both files: keep them once.
                let overlap = (1..=entries.len().min(list.len()))
                    .rev()
                    .find(|&n| list[list.len() - n..] == entries[..n])
                    .unwrap_or(0);
                list.extend(entries.into_iter().skip(overlap));
            }
            None => groups.push((device, entries)),
        }
    }
    Ok((merge(groups), notices))
}

/// The log files of a folder in reading order, each preceded by the files in
/// other folders it continues from (its first record names the file it
/// continues when that folder could not be written), so that a continuation
/// folder reads as the whole incident.
fn with_origins(dir: &Path, notices: &mut Vec<String>) -> Vec<PathBuf> {
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
                notices.push(format!(
                    "{} continues the log {}, which cannot be read here; only the entries after it are shown",
                    path.display(),
                    prev.display()
                ));
                break;
            }
            next = continues_from(&prev);
            origins.push(prev);
        }
        out.extend(origins.into_iter().rev());
        out.push(path.clone());
    }
    out
}

/// The file a log continues, as its first record names it.
fn continues_from(path: &Path) -> Option<PathBuf> {
    let scan = log::read(path).ok()?;
    match &scan.lines.first()?.record {
        Record::Opened {
            continues: Some(c), ..
        } if !c.file.is_empty() => Some(PathBuf::from(&c.file)),
        _ => None,
    }
}

/// Merges the entries of several devices by the time they were recorded;
/// within one device the written order is kept exactly.
fn merge(groups: Vec<(String, Vec<Entry>)>) -> Vec<Entry> {
    let mut cursors: Vec<std::iter::Peekable<std::vec::IntoIter<Entry>>> = groups
        .into_iter()
        .map(|(_, g)| g.into_iter().peekable())
        .collect();
    let mut out: Vec<Entry> = Vec::new();
    loop {
        let next = cursors
            .iter_mut()
            .enumerate()
            .filter_map(|(i, c)| c.peek().map(|e| (e.recorded_at, i)))
            .min();
        let Some((_, i)) = next else { break };
        let Some(entry) = cursors[i].next() else {
            break;
        };
        out.push(entry);
    }
    out
}

/// Loads the pinned plan of an incident folder.
///
/// # Errors
/// When it cannot be read or does not load.
pub fn load_plan(dir: &Path) -> Result<(Plan, Vec<u8>), IncidentError> {
    let path = dir.join(PLAN_FILE);
    let bytes = std::fs::read(&path).map_err(io_err("cannot read the plan copy", &path))?;
    match plan::parse(&bytes) {
        Ok(checked) => Ok((checked.plan, bytes)),
        Err(diags) => {
            let first = diags
                .first()
                .map(|d| d.headline(PLAN_FILE))
                .unwrap_or_default();
            Err(IncidentError::Plan(path, first))
        }
    }
}

/// An incident folder opened for work: the plan, the state, the log writer,
/// and any entries not yet saved.
#[derive(Debug)]
pub struct OpenIncident {
    /// The incident's folder.
    pub dir: PathBuf,
    /// The plan it runs under.
    pub plan: Plan,
    /// The state, folded from the logs (and any unsaved entries).
    pub incident: Incident,
    /// This device's name.
    pub device: String,
    /// Entries applied but not yet on disk: shown as NOT SAVED until a
    /// continuation file takes them.
    pub unsaved: Vec<Entry>,
    /// What opening found: repairs, damage, crashes.
    pub notices: Vec<String>,
    writer: Option<Writer>,
    /// This device's log when it could not be written on opening: the file
    /// a continuation names.
    stalled: Option<PathBuf>,
    plan_sha256: String,
}

impl OpenIncident {
    /// Declares a new incident: makes its folder, pins the plan, starts the
    /// log and writes the declaration.
    ///
    /// # Errors
    /// A refused declaration (unknown class or level…), or a file that cannot be written.
    pub fn declare(
        data_dir: &Path,
        plan_bytes: &[u8],
        declaration: Declaration,
        by: &str,
        device: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, IncidentError> {
        let plan = plan::parse(plan_bytes)
            .map_err(|d| {
                IncidentError::Plan(
                    PathBuf::from("(the plan)"),
                    d.first().map(|d| d.message.clone()).unwrap_or_default(),
                )
            })?
            .plan;
        let sha = log::sha256_hex(plan_bytes);
        let event = crate::model::incident::declare(&plan, &sha, declaration)?;
        let Event::Declared { class, drill, .. } = &event else {
            return Err(IncidentError::Replay(
                PathBuf::new(),
                ReplayError::NotDeclared,
            ));
        };
        let root = incidents_dir(data_dir);
        create_private_dir(&root).map_err(io_err("cannot create the incidents folder", &root))?;
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
        create_private_dir(&dir).map_err(io_err("cannot create the incident folder", &dir))?;
        log::sync_dir(&root).map_err(io_err("cannot sync the incidents folder", &root))?;
        let plan_path = dir.join(PLAN_FILE);
        log::write_new_file(&plan_path, plan_bytes)
            .map_err(io_err("cannot write the plan copy", &plan_path))?;
        let session = Session {
            device: device.to_owned(),
            plan_sha256: sha.clone(),
            at: now,
        };
        let mut writer = Writer::create(&log_path(&dir, device, 1), &session, None)?;
        let entry = Entry {
            recorded_at: now,
            happened_at: None,
            by: by.to_owned(),
            device: device.to_owned(),
            event,
        };
        writer.append(&entry)?;
        let incident = Incident::new(&entry).map_err(|e| IncidentError::Replay(dir.clone(), e))?;
        Ok(Self {
            dir,
            plan,
            incident,
            device: device.to_owned(),
            unsaved: Vec::new(),
            notices: Vec::new(),
            writer: Some(writer),
            stalled: None,
            plan_sha256: sha,
        })
    }

    /// Opens an incident folder: reads every log, folds the state, and opens
    /// this device's log for appending (repairing a torn tail, or continuing
    /// in a new file after damage). A log that cannot be written (a full
    /// disk) opens with no writer: [`Self::record`] keeps the entries unsaved
    /// and [`Self::continue_in`] saves them elsewhere.
    ///
    /// # Errors
    /// When the plan copy or the logs cannot be read, or another process is
    /// writing this device's log.
    pub fn open(dir: &Path, device: &str, now: DateTime<Utc>) -> Result<Self, IncidentError> {
        let (plan, bytes) = load_plan(dir)?;
        let sha = log::sha256_hex(&bytes);
        let session = Session {
            device: device.to_owned(),
            plan_sha256: sha.clone(),
            at: now,
        };
        // This device's newest log file is the one to append to.
        let mine: Vec<PathBuf> = log_files(dir)
            .into_iter()
            .filter(|p| {
                let slug = device_slug(device);
                p.file_name().is_some_and(|n| {
                    let n = n.to_string_lossy();
                    n == format!("log-{slug}.jsonl") || n.starts_with(&format!("log-{slug}."))
                })
            })
            .collect();
        let mut notices = Vec::new();
        let opened = match mine.last() {
            None => Writer::create(&log_path(dir, device, 1), &session, None),
            Some(path) => match Writer::open(path, &session) {
                Ok((w, report)) => {
                    notices.extend(describe(&report, path));
                    Ok(w)
                }
                Err(LogError::Damaged { path, line, reason }) => {
                    let next = next_log_path(dir, device);
                    let scan = log::read(&path)?;
                    notices.push(format!(
                        "{} is damaged at line {line} ({reason}); it is kept as it is and the log continues in {}",
                        path.display(),
                        next.display()
                    ));
                    let cont = Continuation {
                        file: path.display().to_string(),
                        last_seq: scan.lines.len() as u64,
                        last_hash: scan.head().to_owned(),
                        reason: format!("damaged at line {line}: {reason}"),
                    };
                    Writer::create(&next, &session, Some(cont))
                }
                Err(e) => Err(e),
            },
        };
        // The log is there but cannot be written (a full disk, a file-size
        // limit): open anyway, so that the caller keeps the operator's
        // entries and continues the log elsewhere instead of losing them.
        let (writer, stalled) = match opened {
            Ok(w) => (Some(w), None),
            Err(LogError::Write {
                path,
                error: source,
            }) => {
                notices.push(format!(
                    "{} cannot be written ({source}); entries are NOT saved until the log continues in another file",
                    path.display()
                ));
                (None, Some(path))
            }
            Err(e) => return Err(e.into()),
        };
        let (entries, read_notices) = read_entries(dir)?;
        notices.extend(
            read_notices
                .into_iter()
                .filter(|n| !n.contains("incomplete line")),
        );
        let incident =
            Incident::replay(&entries).map_err(|e| IncidentError::Replay(dir.to_owned(), e))?;
        Ok(Self {
            dir: dir.to_owned(),
            plan,
            incident,
            device: device.to_owned(),
            unsaved: Vec::new(),
            notices,
            writer,
            stalled,
            plan_sha256: sha,
        })
    }

    /// The log file being written, if any.
    #[must_use]
    pub fn log_path(&self) -> Option<&Path> {
        self.writer.as_ref().map(Writer::path)
    }

    /// Replaces the log writer and returns the old one: for fault-injection
    /// tests, with a writer from [`Writer::with_sink`].
    #[doc(hidden)]
    pub fn replace_writer(&mut self, writer: Writer) -> Option<Writer> {
        self.writer.replace(writer)
    }

    /// The head hash of this device's log: read it aloud, write it down.
    #[must_use]
    pub fn head(&self) -> Option<&str> {
        self.writer.as_ref().map(Writer::head)
    }

    /// Checks an action, writes it durably and applies it.
    ///
    /// On a write failure the entry is applied and kept in [`Self::unsaved`]
    /// (the operator did it; it must not vanish from the screen) and the
    /// error says it is NOT saved: call [`Self::continue_in`] to save it.
    ///
    /// # Errors
    /// A refused action (nothing written), or a failed write.
    pub fn record(
        &mut self,
        action: Action,
        by: &str,
        happened_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Entry, IncidentError> {
        let event = self.incident.check(&self.plan, action)?;
        let entry = Entry {
            recorded_at: now,
            happened_at,
            by: by.to_owned(),
            device: self.device.clone(),
            event,
        };
        let saved = if self.unsaved.is_empty() {
            match self.writer.as_mut() {
                Some(w) => w.append(&entry).map(|_| ()),
                None => Err(LogError::Failed(
                    self.stalled.clone().unwrap_or_else(|| self.dir.clone()),
                )),
            }
        } else {
            // Keep the order: nothing is written after an unsaved entry.
            Err(LogError::Failed(
                self.log_path()
                    .map_or_else(|| self.dir.clone(), Path::to_owned),
            ))
        };
        self.incident.apply(&entry);
        match saved {
            Ok(()) => Ok(entry),
            Err(e) => {
                self.unsaved.push(entry);
                Err(e.into())
            }
        }
    }

    /// Continues the log in a new file in `folder` (this incident's folder,
    /// or another one when this one cannot be written) and saves every unsaved
    /// entry there. The new file's first record names where it continues from.
    ///
    /// # Errors
    /// When the new file cannot be written either; the entries stay unsaved.
    pub fn continue_in(
        &mut self,
        folder: &Path,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, IncidentError> {
        create_private_dir(folder).map_err(io_err("cannot create the folder", folder))?;
        if !folder.join(PLAN_FILE).exists() {
            let plan_bytes = std::fs::read(self.dir.join(PLAN_FILE));
            // The original folder may be gone (a USB stick pulled): then the
            // plan is written back from memory.
            let bytes = match plan_bytes {
                Ok(b) => b,
                Err(_) => self.plan.to_ron().unwrap_or_default().into_bytes(),
            };
            let path = folder.join(PLAN_FILE);
            log::write_new_file(&path, &bytes)
                .map_err(io_err("cannot write the plan copy", &path))?;
        }
        let stalled = self
            .stalled
            .as_deref()
            .and_then(|p| Some((p, log::read(p).ok()?)));
        let (file, last_seq, last_hash) = match (&self.writer, stalled) {
            (Some(w), _) => (w.path().display().to_string(), w.seq(), w.head().to_owned()),
            (None, Some((p, scan))) => (
                p.display().to_string(),
                scan.lines.len() as u64,
                scan.head().to_owned(),
            ),
            (None, None) => (String::new(), 0, log::GENESIS.to_owned()),
        };
        let cont = Continuation {
            file,
            last_seq,
            last_hash,
            reason: "the previous file could not be written".to_owned(),
        };
        let session = Session {
            device: self.device.clone(),
            plan_sha256: self.plan_sha256.clone(),
            at: now,
        };
        let path = next_log_path(folder, &self.device);
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
    /// returns the log's final head hash.
    ///
    /// # Errors
    /// When the closing record cannot be written; no operator entry is lost by that.
    pub fn finish(mut self, now: DateTime<Utc>) -> Result<Option<String>, IncidentError> {
        match self.writer.take() {
            Some(w) if !w.has_failed() && self.unsaved.is_empty() => match w.close(now) {
                Ok(head) => Ok(Some(head)),
                // Only the mark of a clean exit is missing: do not say "NOT saved".
                Err(LogError::Write {
                    path,
                    error: source,
                }) => Err(IncidentError::Io {
                    what: "every entry is saved, but the closing record (the mark of a clean exit) could not be written to",
                    path,
                    error: source,
                }),
                Err(e) => Err(e.into()),
            },
            _ => Ok(None),
        }
    }
}

fn describe(report: &OpenReport, path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((at, cut, side)) = &report.recovered {
        out.push(format!(
            "{} ended with an incomplete line at byte {at}, left by a crash; its {cut} bytes were kept in {} and the log was repaired",
            path.display(),
            side.display()
        ));
    } else if report.unclean {
        out.push(format!(
            "the last session on {} did not end cleanly (a crash or power loss); every saved entry is intact",
            path.display()
        ));
    }
    out
}
