//! The wall board's reading of an incident folder: read-only, again and
//! again.
//!
//! The board runs on the projector's laptop, often one that only shares the
//! incident folder (a synced or network folder). It must never become a
//! second writer: it reads the way [`Service::read`] reads — the pinned
//! plan and every device's log, with no lock taken, no opening record, no
//! repair written — and a writer on this or another computer never waits
//! for it. To pick up another laptop's entry within a couple of seconds
//! without reading every log every second, it looks at the folder's
//! signature (each log's name, size and time) each time it is asked, which
//! costs a few `stat` calls, and reads the logs again only when that
//! changed.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{Service, Snapshot};
use crate::io::incident_dir::{IncidentError, read};

/// What a folder's logs were when it was read: each file's size and time.
type Signature = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// An incident folder watched for the board.
#[derive(Debug)]
pub struct BoardWatch {
    dir: PathBuf,
    /// The signature the snapshot was read at; `None` before a reading
    /// succeeded, so a failure is tried again each time.
    seen: Option<Signature>,
    /// The incident as last read successfully.
    snapshot: Option<Snapshot>,
    /// Why the last reading failed, while it does.
    problem: Option<IncidentError>,
}

impl BoardWatch {
    /// Watches a folder, reading it once now.
    #[must_use]
    pub fn new(service: &Service, dir: &Path) -> Self {
        let mut watch = Self {
            dir: dir.to_owned(),
            seen: None,
            snapshot: None,
            problem: None,
        };
        watch.refresh(service);
        watch
    }

    /// The folder watched.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads the folder again if its logs changed since the last reading
    /// (or that reading failed); returns whether it read.
    pub fn refresh(&mut self, service: &Service) -> bool {
        let signature = read::folder_signature(&self.dir, None);
        if self.seen.as_ref() == Some(&signature) {
            return false;
        }
        match service.read(&self.dir) {
            Ok(snapshot) => {
                self.snapshot = Some(snapshot);
                self.problem = None;
                self.seen = Some(signature);
            }
            // The incident as read before stays on the wall, under the
            // problem, until a reading succeeds.
            Err(e) => {
                self.problem = Some(e);
                self.seen = None;
            }
        }
        true
    }

    /// The incident as last read successfully.
    #[must_use]
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.snapshot.as_ref()
    }

    /// Why the last reading failed, while it does.
    #[must_use]
    pub fn problem(&self) -> Option<&IncidentError> {
        self.problem.as_ref()
    }
}
