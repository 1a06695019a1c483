//! Work that takes longer than a frame, on threads of its own: opening a
//! long incident, and reading the list of incidents.
//!
//! Reading and replaying a log of a hundred thousand events takes seconds
//! on an old laptop; the window must keep answering meanwhile. Each job is
//! started here and polled by the window once a frame, like [`super::Live`]:
//! the window never sees a thread, a channel or a file, only what the job
//! came to. A job asks for a frame when it has news through [`Wake`], which
//! the window sets to its own repaint request (the service knows no egui).
//!
//! Short logs are read at once, on the caller's thread: a thread costs more
//! than reading them, and the answer is there in the same frame.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use super::{Listed, OpenIncident, Service};
use crate::io::incident_dir::{IncidentError, read};
use crate::model::incident::Headline;

/// What a job calls when it has news: the window asks for a frame.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// Logs at least this long are opened, and read for the list, on another
/// thread: about 2,500 entries, a tenth of a second to read on an old
/// laptop.
pub const IN_BACKGROUND_BYTES: u64 = 1 << 20;

/// What a folder's logs were when it was read: each file's size and time.
type Signature = Vec<(PathBuf, u64, Option<std::time::SystemTime>)>;

/// The bytes of log a folder holds, by its signature.
fn bytes(signature: &Signature) -> u64 {
    signature.iter().map(|(_, len, _)| len).sum()
}

/// An incident being opened on another thread.
pub struct Opening {
    dir: PathBuf,
    /// Bytes of log read so far.
    read: Arc<AtomicU64>,
    /// The logs' size when opening began.
    total: u64,
    replies: Receiver<Result<OpenIncident, IncidentError>>,
}

impl std::fmt::Debug for Opening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opening")
            .field("dir", &self.dir)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

/// What opening an incident for the window came to.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // One per incident opened, moved straight into a tab.
pub enum Opened {
    /// Opened (or not) at once: a short log.
    Now(Result<OpenIncident, IncidentError>),
    /// Being opened on another thread: poll it.
    Later(Opening),
}

/// Where an incident opening in the background is.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // One per incident opened, moved straight into a tab.
pub enum Progress {
    /// Still reading.
    Reading,
    /// Done: open, or why not.
    Done(Result<OpenIncident, IncidentError>),
    /// The thread ended without an answer (it cannot, short of a bug).
    Stopped,
}

impl Service {
    /// Opens an incident for the window: at once when its logs are short,
    /// else on another thread ([`Opening`]) that calls `wake` when done, so
    /// the window keeps answering while a long log is read. Without a
    /// thread to be had, it is opened at once too.
    #[must_use]
    pub fn open_for_window(&self, dir: &Path, wake: Wake) -> Opened {
        let total = bytes(&read::folder_signature(dir, None));
        if total >= IN_BACKGROUND_BYTES
            && let Some(opening) = Opening::start(dir, total, self.clone(), wake)
        {
            return Opened::Later(opening);
        }
        Opened::Now(self.open(dir))
    }
}

impl Opening {
    fn start(dir: &Path, total: u64, service: Service, wake: Wake) -> Option<Self> {
        let (reply, replies) = mpsc::channel();
        let read = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&read);
        let folder = dir.to_owned();
        std::thread::Builder::new()
            .name("incident-open".to_owned())
            .spawn(move || {
                let opened = crate::io::progress::counting(&counter, || service.open(&folder));
                // The window may have gone: then nobody is waiting.
                let _ = reply.send(opened);
                wake();
            })
            .ok()?;
        Some(Self {
            dir: dir.to_owned(),
            read,
            total,
            replies,
        })
    }

    /// The incident's folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How much of its logs was read, of how much (bytes).
    #[must_use]
    pub fn progress(&self) -> (u64, u64) {
        (self.read.load(Ordering::Relaxed), self.total)
    }

    /// Takes the answer, without waiting.
    #[must_use]
    pub fn poll(&self) -> Progress {
        match self.replies.try_recv() {
            Ok(opened) => Progress::Done(opened),
            Err(TryRecvError::Empty) => Progress::Reading,
            Err(TryRecvError::Disconnected) => Progress::Stopped,
        }
    }
}

/// One incident in the window's list.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Its folder.
    pub dir: PathBuf,
    /// What is known of it.
    pub state: RowState,
    /// Open, and this device's last session on it did not end cleanly
    /// (never for one open in the window: its session is running).
    pub crashed: bool,
}

/// What the list knows of an incident.
#[derive(Clone, Debug, PartialEq)]
pub enum RowState {
    /// Read.
    Read(Headline),
    /// Its long log is being read on another thread for the first time:
    /// only its folder is known.
    Reading,
    /// Why it cannot be read.
    Unreadable(IncidentError),
}

impl Row {
    fn of(listed: Listed) -> Self {
        let crashed = listed.crashed_open();
        Self {
            dir: listed.dir,
            state: match listed.state {
                Ok(headline) => RowState::Read(headline),
                Err(e) => RowState::Unreadable(e),
            },
            crashed,
        }
    }
}

/// A folder read for the list on another thread: its signature before
/// reading, and what was read.
type FromThread = (PathBuf, Signature, Listed);

/// The incidents under the data folder as the window lists them, kept up
/// to date cheaply: a folder is read again only when one of its logs
/// changed, and a long one on another thread, so the list never replays a
/// long incident on the window's thread or on every refresh.
pub struct Listing {
    service: Service,
    wake: Wake,
    /// Each folder's row as last read, with its logs' signature then.
    read: HashMap<PathBuf, (Signature, Row)>,
    /// Folders being read on other threads.
    reading: HashSet<PathBuf>,
    sender: Sender<FromThread>,
    replies: Receiver<FromThread>,
    rows: Vec<Row>,
}

impl std::fmt::Debug for Listing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listing")
            .field("rows", &self.rows.len())
            .field("reading", &self.reading.len())
            .finish_non_exhaustive()
    }
}

impl Listing {
    /// An empty list of the service's incidents; [`Self::refresh`] reads it.
    #[must_use]
    pub fn new(service: Service, wake: Wake) -> Self {
        let (sender, replies) = mpsc::channel();
        Self {
            service,
            wake,
            read: HashMap::new(),
            reading: HashSet::new(),
            sender,
            replies,
            rows: Vec::new(),
        }
    }

    /// The rows, oldest first, as last refreshed.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Whether folders are still being read on other threads.
    #[must_use]
    pub fn is_reading(&self) -> bool {
        !self.reading.is_empty()
    }

    /// Reads the list again: each folder whose logs changed since it was
    /// last read, long ones on other threads (shown as they were, or as
    /// [`RowState::Reading`], until they are read). `open` gives the
    /// state of an incident open in the window, which is used as it is.
    pub fn refresh(&mut self, open: &dyn Fn(&Path) -> Option<Headline>) -> &[Row] {
        let mut rows = Vec::new();
        let mut read = HashMap::new();
        for dir in self.service.incident_dirs() {
            let signature = read::folder_signature(&dir, None);
            let row = match (open(&dir), self.read.remove(&dir)) {
                // Open here: the window holds its state already, and its
                // session is running, not crashed.
                (Some(headline), _) => Row {
                    dir: dir.clone(),
                    state: RowState::Read(headline),
                    crashed: false,
                },
                (None, Some((seen, row))) if seen == signature => row,
                (None, stale) => {
                    if bytes(&signature) >= IN_BACKGROUND_BYTES
                        && self.read_in_background(&dir, signature.clone())
                    {
                        // Shown as it was, or by its folder's name, until
                        // it is read; kept with what it was read at, so the
                        // next refresh does not take it for read.
                        let (seen, row) = stale.unwrap_or_else(|| {
                            (
                                Signature::new(),
                                Row {
                                    dir: dir.clone(),
                                    state: RowState::Reading,
                                    crashed: false,
                                },
                            )
                        });
                        rows.push(row.clone());
                        read.insert(dir, (seen, row));
                        continue;
                    }
                    Row::of(self.service.listed(dir.clone()))
                }
            };
            rows.push(row.clone());
            read.insert(dir, (signature, row));
        }
        self.rows = rows;
        self.read = read;
        &self.rows
    }

    /// Takes the rows read on other threads; returns them (the caller
    /// refreshes the list to show them).
    pub fn poll(&mut self) -> Vec<Row> {
        let mut arrived = Vec::new();
        while let Ok((dir, signature, listed)) = self.replies.try_recv() {
            self.reading.remove(&dir);
            let row = Row::of(listed);
            arrived.push(row.clone());
            self.read.insert(dir, (signature, row));
        }
        arrived
    }

    /// Reads a folder for the list on another thread, unless it is being
    /// read already; `false` when no thread can be had. `signature` is what
    /// its logs were before reading: a change meanwhile reads them again.
    fn read_in_background(&mut self, dir: &Path, signature: Signature) -> bool {
        if self.reading.contains(dir) {
            return true;
        }
        let service = self.service.clone();
        let reply = self.sender.clone();
        let wake = Arc::clone(&self.wake);
        let folder = dir.to_owned();
        let started = std::thread::Builder::new()
            .name("incident-list".to_owned())
            .spawn(move || {
                // The headline, not the incident, goes back: a long
                // incident is freed here, not on the window's thread.
                let listed = service.listed(folder.clone());
                let _ = reply.send((folder, signature, listed));
                wake();
            })
            .is_ok();
        if started {
            self.reading.insert(dir.to_owned());
        }
        started
    }
}
