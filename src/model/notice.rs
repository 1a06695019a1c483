//! What the incident store reports to a person: notices about what opening a
//! log found, and failures, as typed data.
//!
//! The store (`crate::io`) finds these; the command line and the window word
//! them, each in its own language (`crate::i18n`), and the window styles them
//! (a repaired crash is a notice, a failed write a red banner). They live in
//! the model, not in `io`, so that the window can render them without
//! depending on the code that touches files. Nothing here is a sentence: a
//! path, a line number and a kind of damage are data.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::ids::LevelId;
use super::incident::merge::Subject;
use super::incident::{ActionError, EntryRef, ReplayError};
use super::plan::Diagnostic;

/// An operating-system error as data: its kind, which each face words, and
/// the system's own text for the detail (the OS speaks its own language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OsError {
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// The system's own description, such as "No space left on device".
    pub detail: String,
}

impl From<&std::io::Error> for OsError {
    fn from(e: &std::io::Error) -> Self {
        Self {
            kind: e.kind(),
            detail: e.to_string(),
        }
    }
}

impl From<std::io::Error> for OsError {
    fn from(e: std::io::Error) -> Self {
        Self::from(&e)
    }
}

/// Why one line of a log does not verify.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineFault {
    /// The line has no hash field.
    NoHash,
    /// The line is not a valid record; the parser's own words follow.
    NotARecord(String),
    /// The hash is not the line's last field.
    HashNotLast,
    /// The hash does not match the line: it was changed after it was written.
    HashChanged,
    /// A sequence number out of order: a line was removed, duplicated or moved.
    Sequence {
        /// The number found.
        found: u64,
        /// The number expected.
        expected: u64,
    },
    /// The line does not follow the one before: a line was removed, inserted
    /// or moved.
    Chain,
}

/// A log that cannot be opened, written or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    /// Another process holds the log's lock.
    Locked(PathBuf),
    /// The file or its folder could not be created or opened.
    Open {
        /// The log.
        path: PathBuf,
        /// Why.
        error: OsError,
    },
    /// A record could not be written or synced: it is NOT saved.
    Write {
        /// The log.
        path: PathBuf,
        /// Why.
        error: OsError,
    },
    /// The log failed earlier and accepts nothing more.
    Failed(PathBuf),
    /// A complete line of the file is bad; it is never written again.
    Damaged {
        /// The log.
        path: PathBuf,
        /// The first bad line, from 1.
        line: u64,
        /// What is wrong with it.
        fault: LineFault,
    },
    /// The file could not be read.
    Read {
        /// The log.
        path: PathBuf,
        /// Why.
        error: OsError,
    },
    /// What stands under the name is not a regular file (a symbolic link,
    /// a named pipe, a device…): it is never read, written or followed.
    NotAFile {
        /// The name.
        path: PathBuf,
        /// What it is.
        kind: FileKind,
    },
    /// A regular file that is not this device's to write: someone else may
    /// read it, or it has another name elsewhere. It is not written.
    NotPrivate {
        /// The log.
        path: PathBuf,
        /// How it is shared.
        shared: Shared,
    },
}

/// What stands under a name where a regular file should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A symbolic link, to whatever it names.
    Symlink,
    /// A folder.
    Folder,
    /// A named pipe (FIFO): reading it waits for a writer that never comes.
    Fifo,
    /// A socket.
    Socket,
    /// A character device (`/dev/null`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// Something else the system has.
    Other,
}

/// How a regular file is open to others than its owner, so that writing
/// the log into it would not keep the log private.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Its permissions let others than its owner read or write it (Unix
    /// mode bits), wider than what runbook creates in that folder.
    Mode(u32),
    /// It has other names (hard links), perhaps outside the data folder:
    /// how many names it has.
    Links(u64),
}

impl LogError {
    /// Whether an entry was kept in memory and NOT saved: the log must
    /// continue in another file or folder.
    #[must_use]
    pub fn is_unsaved(&self) -> bool {
        matches!(self, Self::Write { .. } | Self::Failed(_))
    }
}

/// What opening or reading an incident found, for the operator to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// This folder could not be written at some point; the log continues in
    /// a rescue folder, which holds the whole record.
    ContinuesInRescue {
        /// The rescue folder.
        rescue: PathBuf,
    },
    /// A log is damaged: every bad line is reported, every intact line is
    /// read (those after the damage marked), and the file is kept as it is.
    Damaged {
        /// The log.
        file: PathBuf,
        /// Every bad line, from 1, and what is wrong with it.
        bad: Vec<(u64, LineFault)>,
        /// The entries read after the first bad line: intact by themselves,
        /// but no longer proven to follow the start of the log.
        following: Vec<EntryRef>,
    },
    /// This device's log is damaged; it is kept as it is and the log
    /// continues in a new file.
    DamagedContinued {
        /// The damaged log.
        file: PathBuf,
        /// The first bad line.
        line: u64,
        /// What is wrong with it.
        fault: LineFault,
        /// The new file.
        next: PathBuf,
    },
    /// A log ends with an incomplete line: another device's log still being
    /// synced, or a crash; the lines before it are read, and it is repaired
    /// when the log is next written.
    TornTail {
        /// The log.
        file: PathBuf,
        /// Where the incomplete line starts, in bytes.
        at: u64,
        /// Its length in bytes.
        bytes: u64,
    },
    /// An incomplete line left by a crash was cut off; its bytes are kept in
    /// a side file.
    Repaired {
        /// The log.
        file: PathBuf,
        /// Where the cut began, in bytes.
        at: u64,
        /// How many bytes were cut.
        cut: u64,
        /// The side file that keeps them.
        kept_in: PathBuf,
    },
    /// The last session on this log did not end cleanly (a crash or power
    /// loss); every saved entry is intact.
    Unclean {
        /// The log.
        file: PathBuf,
    },
    /// A log continues one that cannot be read here; only the entries after
    /// it are shown.
    OriginUnreadable {
        /// The continuing log.
        file: PathBuf,
        /// The log it continues.
        origin: PathBuf,
    },
    /// A device's clock disagrees with another's: one of its entries was
    /// written after reading one of the other's that claims a later time.
    /// Times are shown as recorded.
    ClockSkew {
        /// The device whose clock reads earlier.
        device: String,
        /// The device whose clock reads later.
        ahead_of: String,
        /// By how many minutes, at least.
        minutes: i64,
    },
    /// Two devices changed the same step, or the level, without either
    /// having seen the other's change: both are kept, and the state shows
    /// the later one in the merge.
    Conflict {
        /// What both changed.
        subject: Subject,
        /// The change the merge puts first.
        earlier: EntryRef,
        /// The change the state shows.
        later: EntryRef,
    },
    /// A sync engine left a conflict copy beside the logs.
    SyncConflict {
        /// The copy.
        file: PathBuf,
    },
    /// The log had been saved in another folder while this one could not
    /// be written; this device's log now continues here from it, so the
    /// record stays one chain.
    RescueJoined {
        /// The log in the other folder.
        from: PathBuf,
        /// The log that continues it here.
        into: PathBuf,
    },
    /// This device's log cannot be written; entries are NOT saved until the
    /// log continues in another file.
    Unwritable {
        /// The log.
        file: PathBuf,
        /// Why.
        error: OsError,
    },
    /// Something named like a log, or like the pinned plan, is not a
    /// regular file (a symbolic link, a named pipe, a device): it is not
    /// read, nor followed, and the other logs are.
    NotAFile {
        /// The name.
        file: PathBuf,
        /// What it is.
        kind: FileKind,
    },
    /// Two logs share the start of one chain: one is a copy of the other,
    /// or one device's chain was forked (two files continuing from the
    /// same line). Which is the original cannot be told from the files.
    SharedChain {
        /// The first of the two, in reading order.
        file: PathBuf,
        /// The other.
        other: PathBuf,
        /// Where they part.
        parting: Parting,
    },
    /// A log whose entries name another device than its opening record: a
    /// forged log, or one device's entries put in another's. The entries
    /// are kept (the log is evidence) and marked in the timeline.
    ForeignEntries {
        /// The log.
        file: PathBuf,
        /// The device its opening record names.
        device: String,
        /// The other device its entries name (the first one found).
        named: String,
        /// How many of its entries name another device.
        count: usize,
        /// Those the timeline shows from this log (the others are held
        /// by another log too, and shown from there), to be marked.
        shown: Vec<EntryRef>,
    },
    /// A log whose file name belongs to another device than the one its
    /// opening record names: a log copied or renamed from another device's.
    Misnamed {
        /// The log.
        file: PathBuf,
        /// The device its opening record names.
        device: String,
    },
    /// Entries held by two logs of different writers, equal to the byte
    /// once read: a copy. The timeline shows each once.
    Duplicated {
        /// The log whose copies are not shown.
        file: PathBuf,
        /// The log they are shown from.
        kept_in: PathBuf,
        /// How many.
        count: usize,
    },
    /// The logs hold more than one declaration (an incident has one): the
    /// first in the merge is the one the incident is read under.
    Declarations {
        /// The declaration used.
        used: DeclarationAt,
        /// The others, not used.
        others: Vec<DeclarationAt>,
    },
}

/// Where two logs that share the start of a chain part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parting {
    /// Both begin with the same `lines` lines.
    After {
        /// How many lines they share.
        lines: u64,
        /// Neither holds a line more: the same file twice.
        identical: bool,
    },
    /// Both continue the same log after the same line of it.
    Continuing {
        /// The log both continue.
        origin: PathBuf,
        /// The line they continue after.
        line: u64,
    },
}

/// A declaration, where it is and what it says: enough for a person to
/// tell two apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclarationAt {
    /// The entry.
    pub entry: EntryRef,
    /// The log it was read from (the first that holds it).
    pub file: PathBuf,
    /// Its title.
    pub title: String,
    /// The level it declared.
    pub level: LevelId,
}

/// The entries read after damage in their log, as the notices name them:
/// each is intact by itself, but no longer proven to follow the start of its
/// log, and is shown marked.
#[must_use]
pub fn after_damage(notices: &[Notice]) -> Vec<&EntryRef> {
    notices
        .iter()
        .flat_map(|n| match n {
            Notice::Damaged { following, .. } => following.as_slice(),
            _ => &[],
        })
        .collect()
}

/// The entries shown from a log whose opening record names another device
/// than they do, as the notices name them: kept, but not proven to be that
/// device's, and shown marked.
#[must_use]
pub fn in_foreign_log(notices: &[Notice]) -> Vec<&EntryRef> {
    notices
        .iter()
        .flat_map(|n| match n {
            Notice::ForeignEntries { shown, .. } => shown.as_slice(),
            _ => &[],
        })
        .collect()
}

/// Whether two devices changed `subject` without seeing each other's change.
#[must_use]
pub fn changed_on_two_devices(notices: &[Notice], subject: &Subject) -> bool {
    notices
        .iter()
        .any(|n| matches!(n, Notice::Conflict { subject: s, .. } if s == subject))
}

impl Notice {
    /// Whether the notice is about something that needs no action: the log
    /// was repaired or a crash was survived, nothing is lost.
    #[must_use]
    pub fn is_informational(&self) -> bool {
        matches!(
            self,
            Self::Repaired { .. } | Self::Unclean { .. } | Self::TornTail { .. }
        )
    }

    /// Whether the notice puts the record itself in question — a copied,
    /// forked, forged or mixed-in log, a conflict copy, a second
    /// declaration, a link or a pipe under a log's name —, which the list of incidents says too: the incident a
    /// row shows may not be the one its logs were meant to hold.
    #[must_use]
    pub fn questions_the_record(&self) -> bool {
        matches!(
            self,
            Self::SyncConflict { .. }
                | Self::NotAFile { .. }
                | Self::SharedChain { .. }
                | Self::ForeignEntries { .. }
                | Self::Misnamed { .. }
                | Self::Duplicated { .. }
                | Self::Declarations { .. }
        )
    }
}

/// What was being done to a file or folder when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileOp {
    /// Creating the folder of all incidents.
    CreateIncidents,
    /// Creating an incident's folder.
    CreateIncident,
    /// Syncing the folder of all incidents.
    SyncIncidents,
    /// Creating a folder to continue a log in.
    CreateFolder,
    /// Writing the pinned copy of the plan.
    WritePlanCopy,
    /// Reading the pinned copy of the plan.
    ReadPlanCopy,
    /// Writing the closing record of a clean exit (every entry is saved).
    CloseSession,
    /// Writing the list of incident folders joined from elsewhere.
    RememberJoined,
}

/// Everything that can go wrong with an incident on disk.
#[derive(Clone, Debug, PartialEq)]
pub enum IncidentError {
    /// The action was refused; nothing was written.
    Action(ActionError),
    /// The log could not be opened, written or read.
    Log(LogError),
    /// A file or folder could not be created, written or read.
    File {
        /// What was being done.
        op: FileOp,
        /// The path.
        path: PathBuf,
        /// Why.
        error: OsError,
    },
    /// The pinned copy of the plan does not load.
    PlanCopy {
        /// The copy.
        path: PathBuf,
        /// Its first error.
        first: Option<Box<Diagnostic>>,
    },
    /// The logs hold no declaration.
    Replay {
        /// The incident folder.
        dir: PathBuf,
        /// What is missing.
        error: ReplayError,
    },
    /// No incident by that name or folder.
    NotFound(String),
    /// The name matches several incidents.
    Ambiguous {
        /// The name given.
        given: String,
        /// The incidents it matches.
        matches: Vec<String>,
    },
    /// Another computer already writes in this incident under this
    /// device's name, or one with the same log file name; nothing was
    /// written.
    DeviceTaken {
        /// The device name given here.
        device: String,
        /// The name the other computer writes under, as its log says
        /// (the same, or one that maps to the same file: `lap1.2`, `lap1+2`).
        taken_by: String,
        /// The incident folder.
        dir: PathBuf,
    },
}

impl From<ActionError> for IncidentError {
    fn from(e: ActionError) -> Self {
        Self::Action(e)
    }
}

impl From<LogError> for IncidentError {
    fn from(e: LogError) -> Self {
        Self::Log(e)
    }
}
