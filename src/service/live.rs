//! An incident open in the window: the state on screen, and a writer thread
//! that owns the log.
//!
//! A durable write is a `write` and an `fsync`, and the lock may have to
//! wait: on an old laptop's disk that can take longer than a frame. So the
//! window never writes. It checks an action against the state (instantly,
//! in memory), hands the entry to the writer thread through a channel, and
//! shows the entry as saved only when the writer says it is on disk. A
//! failed write comes back as a reply too: the entry is kept, in order, with
//! every later one, until the log continues in another folder. Nothing the
//! operator did is dropped on any path.
//!
//! Two states are kept: [`Live::saved`], the fold of what is on disk, and
//! [`Live::projected`], which also holds the entries still on their way (or
//! not saved). Actions are checked against the projection, so two quick key
//! presses are judged as the operator sees them; what is shown as done comes
//! from what is saved.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::{Context, OpenIncident};
use crate::io::incident_dir::{IncidentError, IncidentLog, Notice, read};
use crate::model::incident::{Action, ActionError, Entry, EntryRef, Happened, Incident, Stamp};
use crate::model::notice::LogError;
use crate::model::plan::Plan;

/// What the window asks the writer thread to do.
enum Request {
    Append(u64, Box<Entry>),
    ContinueIn(PathBuf, DateTime<Utc>),
    Finish(DateTime<Utc>),
    /// States the window no longer needs: freeing a long incident's
    /// timeline takes as long as reading it, so the writer does it.
    Discard(Vec<Incident>),
}

/// An incident as the disk has it, replayed by the writer thread.
struct Replayed {
    saved: Incident,
    projected: Incident,
}

/// What the writer thread answers, in the order of the requests.
enum Reply {
    Saved {
        ticket: u64,
        head: Option<String>,
    },
    NotSaved {
        ticket: u64,
        error: LogError,
    },
    Continued(Result<Moved, IncidentError>),
    Finished(Result<Option<String>, IncidentError>),
    /// Another writer changed the folder: everything on disk, merged and
    /// replayed here rather than on the window's thread (a long incident
    /// takes a while), twice: the saved state, and a copy for the window
    /// to add what it has not saved yet to.
    Disk(Box<Replayed>, Vec<Notice>),
}

/// Where the log went after continuing elsewhere.
struct Moved {
    path: PathBuf,
    dir: PathBuf,
    head: Option<String>,
}

/// What changed since the last poll, for the window to tell the operator.
#[derive(Debug, PartialEq)]
pub enum Update {
    /// An entry is on disk.
    Saved(u64),
    /// An entry could not be written; it is kept and shown as NOT saved.
    NotSaved(u64, LogError),
    /// The log continues in a new file; every entry kept is now saved there.
    Continued(PathBuf),
    /// The log could not continue in that folder; the entries stay unsaved.
    ContinueFailed(PathBuf, IncidentError),
    /// Another writer (a terminal, another device) added entries, read
    /// from the folder: how many.
    Arrived(usize),
}

/// How long quitting waits for the last writes before it gives up on the
/// closing record (every entry already acknowledged is on disk by then).
const FINISH_WAIT: Duration = Duration::from_secs(5);

/// How often the writer looks at the folder for other writers' entries: a
/// note typed in a terminal shows in the window within about a second.
const WATCH_EVERY: Duration = Duration::from_millis(700);

/// An incident open for work in the window.
pub struct Live {
    dir: PathBuf,
    plan: Plan,
    saved: Incident,
    projected: Incident,
    pending: VecDeque<(u64, Entry)>,
    unsaved: Vec<Entry>,
    failure: Option<LogError>,
    notices: Vec<Notice>,
    head: Option<String>,
    log_path: Option<PathBuf>,
    device: String,
    ctx: Context,
    next_ticket: u64,
    /// Folders asked to continue in, oldest first, still unanswered.
    continuing: VecDeque<PathBuf>,
    requests: Sender<Request>,
    replies: Receiver<Reply>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live")
            .field("dir", &self.dir)
            .field("pending", &self.pending.len())
            .field("unsaved", &self.unsaved.len())
            .field("failure", &self.failure)
            .finish_non_exhaustive()
    }
}

impl Live {
    /// Starts the writer thread for an open incident.
    #[must_use]
    pub fn start(open: OpenIncident, ctx: Context) -> Self {
        let (log, plan, incident, notices) = open.into_parts();
        let dir = log.dir().to_owned();
        let device = log.device().to_owned();
        let head = log.head().map(str::to_owned);
        let log_path = log.path().map(Path::to_owned);
        // Entries the synchronous side could not save come along, unsaved.
        let unsaved = log.unsaved().to_vec();
        let failure = log
            .is_stuck()
            .then(|| LogError::Failed(log_path.clone().unwrap_or_else(|| dir.clone())));
        let mut saved = incident.clone();
        if !unsaved.is_empty() {
            // The state was folded with them; the saved state is without.
            let on_disk = incident.timeline().len() - unsaved.len();
            if let Ok(s) = Incident::replay(&incident.timeline()[..on_disk]) {
                saved = s;
            }
        }
        let (requests, inbox) = mpsc::channel();
        let (outbox, replies) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("incident-log-writer".to_owned())
            .spawn(move || write_loop(log, &inbox, &outbox))
            .ok();
        Self {
            dir,
            plan,
            saved,
            projected: incident,
            pending: VecDeque::new(),
            unsaved,
            failure,
            notices,
            head,
            log_path,
            device,
            ctx,
            next_ticket: 1,
            continuing: VecDeque::new(),
            requests,
            replies,
            thread,
        }
    }

    /// The incident's folder (after continuing elsewhere, the new one).
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The pinned plan the incident runs under.
    #[must_use]
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The state as saved on disk: what is shown as done.
    #[must_use]
    pub fn saved(&self) -> &Incident {
        &self.saved
    }

    /// The state with every entry made, saved or not: what actions are
    /// checked against.
    #[must_use]
    pub fn projected(&self) -> &Incident {
        &self.projected
    }

    /// Entries on their way to disk, oldest first.
    pub fn pending(&self) -> impl Iterator<Item = &Entry> {
        self.pending.iter().map(|(_, e)| e)
    }

    /// Entries that could not be written, oldest first: shown as NOT saved
    /// until the log continues elsewhere.
    #[must_use]
    pub fn unsaved(&self) -> &[Entry] {
        &self.unsaved
    }

    /// The write failure that stopped the log, until it continues elsewhere.
    #[must_use]
    pub fn failure(&self) -> Option<&LogError> {
        self.failure.as_ref()
    }

    /// What opening found.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The head hash of this device's log after the last saved entry.
    #[must_use]
    pub fn head(&self) -> Option<&str> {
        self.head.as_deref()
    }

    /// The log file being written.
    #[must_use]
    pub fn log_path(&self) -> Option<&Path> {
        self.log_path.as_deref()
    }

    /// This device's name.
    #[must_use]
    pub fn device(&self) -> &str {
        &self.device
    }

    /// Whether entries are still on their way to disk.
    #[must_use]
    pub fn is_saving(&self) -> bool {
        !self.pending.is_empty() || !self.continuing.is_empty()
    }

    /// Changes who is recording.
    pub fn set_operator(&mut self, name: &str) {
        self.ctx.set_operator(name);
    }

    /// Checks an action against the incident as the operator sees it and
    /// hands it to the writer; returns its ticket, which [`Update::Saved`]
    /// names when it is on disk.
    ///
    /// # Errors
    /// Why the action cannot be done; nothing is written.
    pub fn submit(
        &mut self,
        action: Action,
        happened: Option<Happened>,
    ) -> Result<u64, ActionError> {
        let stamp = Stamp {
            by: self.ctx.operator(),
            device: &self.device,
            now: self.ctx.now(),
        };
        let entry = self.projected.entry(&self.plan, action, happened, stamp)?;
        self.projected.apply(&entry);
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        if self
            .requests
            .send(Request::Append(ticket, Box::new(entry.clone())))
            .is_ok()
        {
            self.pending.push_back((ticket, entry));
        } else {
            // The writer thread is gone (it never stops by itself): the entry
            // is kept, not saved, like after a failed write.
            self.unsaved.push(entry);
            let dir = self.dir.clone();
            self.failure.get_or_insert(LogError::Failed(dir));
        }
        Ok(ticket)
    }

    /// Takes back the operator's last entry on this device, when it is
    /// recent enough and can be taken back
    /// ([`Incident::last_undoable`]): a new entry, handed to the writer
    /// like any other.
    ///
    /// # Errors
    /// Why nothing can be taken back; nothing is written.
    pub fn undo(&mut self) -> Result<u64, ActionError> {
        let entry =
            self.projected
                .last_undoable(self.ctx.operator(), &self.device, self.ctx.now())?;
        let action = Action::Undo {
            entry: EntryRef::to(entry),
        };
        self.submit(action, None)
    }

    /// Continues the log in a new file in `folder` (a USB stick, say), where
    /// every entry not saved is saved; the answer comes as an [`Update`].
    pub fn continue_in(&mut self, folder: &Path) {
        let sent = self
            .requests
            .send(Request::ContinueIn(folder.to_owned(), self.ctx.now()));
        if sent.is_ok() {
            self.continuing.push_back(folder.to_owned());
        }
    }

    /// Takes what the writer has answered, without waiting.
    pub fn poll(&mut self) -> Vec<Update> {
        let mut out = Vec::new();
        while let Ok(reply) = self.replies.try_recv() {
            out.extend(self.take(reply));
        }
        out
    }

    /// Waits until nothing is on its way to disk, or the time is up; returns
    /// what was answered. For tests, and for quitting.
    pub fn settle(&mut self, limit: Duration) -> Vec<Update> {
        let until = Instant::now() + limit;
        let mut out = self.poll();
        while self.is_saving() {
            let left = until.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(left) {
                Ok(reply) => out.extend(self.take(reply)),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
            }
        }
        out
    }

    fn take(&mut self, reply: Reply) -> Option<Update> {
        match reply {
            Reply::Saved { ticket, head } => {
                let (t, entry) = self.pending.pop_front()?;
                debug_assert_eq!(t, ticket, "the writer answers in order");
                self.saved.apply(&entry);
                self.head = head;
                Some(Update::Saved(ticket))
            }
            Reply::NotSaved { ticket, error } => {
                let (_, entry) = self.pending.pop_front()?;
                self.unsaved.push(entry);
                self.failure = Some(error.clone());
                Some(Update::NotSaved(ticket, error))
            }
            Reply::Continued(result) => {
                let folder = self.continuing.pop_front().unwrap_or_default();
                match result {
                    Ok(moved) => {
                        for entry in self.unsaved.drain(..) {
                            self.saved.apply(&entry);
                        }
                        self.failure = None;
                        self.dir = moved.dir;
                        self.head = moved.head;
                        self.log_path = Some(moved.path.clone());
                        Some(Update::Continued(moved.path))
                    }
                    Err(e) => Some(Update::ContinueFailed(folder, e)),
                }
            }
            Reply::Finished(_) => None,
            Reply::Disk(replayed, notices) => {
                let Replayed {
                    saved,
                    mut projected,
                } = *replayed;
                let arrived = saved
                    .timeline()
                    .len()
                    .saturating_sub(self.saved.timeline().len());
                for entry in self
                    .unsaved
                    .iter()
                    .chain(self.pending.iter().map(|(_, e)| e))
                {
                    projected.apply(entry);
                }
                let old = [
                    std::mem::replace(&mut self.saved, saved),
                    std::mem::replace(&mut self.projected, projected),
                ];
                // Without a writer (it stopped), they are freed here.
                let _ = self.requests.send(Request::Discard(old.into()));
                // What reading says about other writers' files is as of
                // this reading: a file still being synced is whole now, a
                // clock's skew is measured again. What opening found stays.
                self.notices.retain(|n| {
                    !matches!(
                        n,
                        Notice::TornTail { .. }
                            | Notice::ClockSkew { .. }
                            | Notice::Conflict { .. }
                            | Notice::SyncConflict { .. }
                            | Notice::SharedChain { .. }
                            | Notice::ForeignEntries { .. }
                            | Notice::Misnamed { .. }
                            | Notice::Duplicated { .. }
                            | Notice::Declarations { .. }
                    )
                });
                for n in notices {
                    if !self.notices.contains(&n) {
                        self.notices.push(n);
                    }
                }
                Some(Update::Arrived(arrived))
            }
        }
    }

    /// Ends the writing session: waits for the writes on their way, writes
    /// the closing record of a clean exit and stops the thread. Returns the
    /// log's final head hash.
    ///
    /// # Errors
    /// When the closing record cannot be written, or the writer does not
    /// answer in time; the entries it confirmed are saved either way.
    pub fn finish(mut self) -> Result<Option<String>, IncidentError> {
        self.settle(FINISH_WAIT);
        let _ = self.requests.send(Request::Finish(self.ctx.now()));
        let until = Instant::now() + FINISH_WAIT;
        let mut result = Ok(None);
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(left) {
                Ok(Reply::Finished(r)) => {
                    result = r;
                    break;
                }
                Ok(other) => {
                    self.take(other);
                }
                Err(_) => break,
            }
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        result
    }
}

/// The writer thread: one request at a time, in order, each answered; in
/// between, it watches the folder for other writers.
fn write_loop(mut log: IncidentLog, inbox: &Receiver<Request>, outbox: &Sender<Reply>) {
    let mut seen = read::folder_signature(log.dir(), log.path());
    loop {
        let reply = match inbox.recv_timeout(WATCH_EVERY) {
            Ok(Request::Append(ticket, entry)) => match log.append(*entry) {
                Ok(()) => Reply::Saved {
                    ticket,
                    head: log.head().map(str::to_owned),
                },
                Err(error) => Reply::NotSaved { ticket, error },
            },
            Ok(Request::ContinueIn(folder, now)) => {
                let moved = log.continue_in(&folder, now).map(|path| Moved {
                    path,
                    dir: log.dir().to_owned(),
                    head: log.head().map(str::to_owned),
                });
                seen = read::folder_signature(log.dir(), log.path());
                Reply::Continued(moved)
            }
            Ok(Request::Finish(now)) => {
                let _ = outbox.send(Reply::Finished(log.finish(now)));
                return;
            }
            Ok(Request::Discard(states)) => {
                drop(states);
                continue;
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = read::folder_signature(log.dir(), log.path());
                if now == seen {
                    continue;
                }
                // Read once per change: a folder that cannot be read (a
                // file being replaced) is read again when it changes next,
                // not every look.
                seen = now;
                match read::read_all(log.dir()) {
                    Ok(read) => {
                        // What arrives is seen: the next entries come after it.
                        log.learn(&read.seen);
                        let Ok(saved) = Incident::from_entries(read.entries) else {
                            continue;
                        };
                        let projected = saved.clone();
                        Reply::Disk(Box::new(Replayed { saved, projected }), read.notices)
                    }
                    Err(_) => continue,
                }
            }
            // The window went away without finishing (dropped): the log is
            // left without a closing record, which the next start reports
            // as a crash.
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if outbox.send(reply).is_err() {
            return;
        }
    }
}
