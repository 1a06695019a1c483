//! The incident service: the application logic of running an incident,
//! shared by the command line and the window.
//!
//! `io` knows files and `model` knows rules; what sits between them — who is
//! recording and on which device, where the data lives, what time it is,
//! how an incident is declared, opened, listed and found by name, and where
//! the log goes when its folder cannot be written — is here, once. The
//! command line is argument parsing and printing over it; the window calls
//! the same functions, and adds [`live`], a writer thread, so that a durable
//! write never blocks a frame.
//!
//! Everything it reports is typed ([`IncidentError`], [`Notice`], what an
//! action came to: [`Acted`]); each face words it (`crate::i18n`) and
//! neither runs a workflow of its own. Work that takes long (opening a long
//! incident, listing many) runs on threads here ([`jobs`]), polled by the
//! window; the papers are written here ([`paper`]), once for both faces.

pub mod board;
pub mod context;
pub mod jobs;
pub mod live;
pub mod open;
pub mod paper;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

pub use context::Context;
pub use live::Live;
pub use open::OpenIncident;

use crate::io::incident_dir::{self, IncidentError, Notice, read};
use crate::model::incident::{
    Action, Commander, Declaration, Entry, Happened, Headline, Incident, Owner, Stamp,
};
use crate::model::notice::{FileOp, LogError};
use crate::model::plan::Plan;

/// An incident read without writing anything: for looking, reporting and
/// listing. Reading never takes the log's lock or writes an opening record.
#[derive(Debug)]
pub struct Snapshot {
    /// The incident's folder.
    pub dir: PathBuf,
    /// The pinned plan it runs under.
    pub plan: Plan,
    /// Its state.
    pub incident: Incident,
    /// What reading found.
    pub notices: Vec<Notice>,
}

/// One incident in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    /// Its folder.
    pub dir: PathBuf,
    /// The folder's name, which `resolve` accepts.
    pub name: String,
    /// What the list shows of it, or why it cannot be read.
    pub state: Result<Headline, IncidentError>,
    /// Whether this device's last writing session on it ended cleanly;
    /// `None` when this device never wrote to it. `Some(false)` after a crash
    /// (or while another window has it open).
    pub clean_exit: Option<bool>,
    /// What reading found that puts the record in question
    /// ([`Notice::questions_the_record`]): a copied, forked or forged log,
    /// a conflict copy, a second declaration, something not a regular file
    /// where a log or the plan should be.
    pub warnings: Vec<Notice>,
}

impl Listed {
    /// Whether the incident is open and this device's last session on it
    /// ended without a clean close: the one to offer for resuming.
    #[must_use]
    pub fn crashed_open(&self) -> bool {
        self.clean_exit == Some(false) && self.state.as_ref().is_ok_and(|h| h.open)
    }
}

/// What recording one action came to, for a face to show: the service
/// did the work (checked, opened, wrote, rescued, finished); the face only
/// words it.
#[derive(Debug)]
pub struct Acted {
    /// What reading the incident (when the action was refused before its
    /// log was opened) or opening it for writing found.
    pub notices: Vec<Notice>,
    /// What happened to the action.
    pub outcome: Outcome,
    /// How the writing session ended: the log's head hash (`None` while
    /// entries wait unsaved), or why its closing record could not be
    /// written, which loses no entry. `None` when the action was refused
    /// before the log was opened.
    pub finished: Option<Result<Option<String>, IncidentError>>,
}

/// What happened to an action.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // One per command, printed and dropped.
pub enum Outcome {
    /// Refused, with why; nothing was written.
    Refused(IncidentError),
    /// Written to the incident's log.
    Saved(Entry),
    /// The log could not be written (`error`); the entry was saved in a
    /// continuation file elsewhere, after the places that failed.
    Rescued {
        /// Why the log could not be written.
        error: LogError,
        /// Each place tried first, and why it failed.
        failed: Vec<(PathBuf, IncidentError)>,
        /// The continuation file that holds it.
        saved_in: PathBuf,
    },
    /// Saved nowhere: the entries a person must copy by hand.
    NotSaved {
        /// Why the log could not be written.
        error: LogError,
        /// Each place tried, and why it failed.
        failed: Vec<(PathBuf, IncidentError)>,
        /// The entries not saved, oldest first.
        unsaved: Vec<Entry>,
    },
}

/// Where a log went after its folder could not be written.
#[derive(Debug, Default)]
pub struct Rescue {
    /// The places tried before, and why each failed.
    pub failed: Vec<(PathBuf, IncidentError)>,
    /// The new log file, when one place worked.
    pub saved_in: Option<PathBuf>,
}

/// The incident service for one operator on one device.
#[derive(Clone, Debug)]
pub struct Service {
    ctx: Context,
}

impl Service {
    /// A service with this context.
    #[must_use]
    pub fn new(ctx: Context) -> Self {
        Self { ctx }
    }

    /// Who, where and when.
    #[must_use]
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The context, to change the operator's name.
    pub fn context_mut(&mut self) -> &mut Context {
        &mut self.ctx
    }

    /// The current instant, from the context's clock.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.ctx.now()
    }

    /// Declares an incident under a plan (its exact bytes are pinned in the
    /// incident's folder). The operator takes command unless the declaration
    /// names someone; a name the plan knows becomes that person or role.
    ///
    /// # Errors
    /// A refused declaration, or a folder or file that cannot be written.
    pub fn declare(
        &self,
        plan: &Plan,
        plan_bytes: &[u8],
        mut declaration: Declaration,
    ) -> Result<OpenIncident, IncidentError> {
        if declaration.commander.is_none() {
            declaration.commander = Some(Commander::resolve(plan, self.ctx.operator()));
        }
        OpenIncident::declare(
            self.ctx.data_dir(),
            plan_bytes,
            declaration,
            self.ctx.operator(),
            self.ctx.writer(),
            self.now(),
        )
    }

    /// Opens an incident for writing on this device.
    ///
    /// # Errors
    /// When it cannot be read, or another process is writing this device's log.
    pub fn open(&self, dir: &Path) -> Result<OpenIncident, IncidentError> {
        OpenIncident::open(dir, self.ctx.writer(), self.now())
    }

    /// Joins an incident that arrived in a folder from another laptop (a
    /// network share, a synced folder, a USB stick): checks that the folder
    /// holds an incident and that no other computer writes there under this
    /// device's name, starts this device's own log there, and remembers the
    /// folder, so that its name finds it and the overview lists it. Returns
    /// the folder, absolute.
    ///
    /// # Errors
    /// When it holds no incident, the device name is taken, or the log or the
    /// list of joined folders cannot be written.
    pub fn join(&self, folder: &Path) -> Result<PathBuf, IncidentError> {
        let dir = std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned());
        incident_dir::paths::check_holds_incident(&dir, &folder.display().to_string())?;
        let open = self.open(&dir)?;
        self.finish(open)?;
        incident_dir::remember_joined(self.ctx.data_dir(), &dir).map_err(|e| {
            IncidentError::File {
                op: FileOp::RememberJoined,
                path: self.ctx.data_dir().join(incident_dir::paths::JOINED_FILE),
                error: e.into(),
            }
        })?;
        Ok(dir)
    }

    /// Opens an incident like [`Self::open`], waiting up to 5 s when other
    /// processes on this device hold every log it could write (a command
    /// typed while others finish); `waiting` is called once after a second.
    ///
    /// # Errors
    /// As [`Self::open`].
    pub fn open_waiting(
        &self,
        dir: &Path,
        waiting: &mut dyn FnMut(),
    ) -> Result<OpenIncident, IncidentError> {
        OpenIncident::open_waiting(
            dir,
            self.ctx.writer(),
            self.now(),
            std::time::Duration::from_secs(5),
            waiting,
        )
    }

    /// Reads an incident without writing to it.
    ///
    /// # Errors
    /// When its plan copy or logs cannot be read, or hold no declaration.
    pub fn read(&self, dir: &Path) -> Result<Snapshot, IncidentError> {
        let (plan, _) = read::load_plan(dir)?;
        let (entries, notices) = read::read_entries(dir)?;
        let incident = Incident::from_entries(entries).map_err(|error| IncidentError::Replay {
            dir: dir.to_owned(),
            error,
        })?;
        Ok(Snapshot {
            dir: dir.to_owned(),
            plan,
            incident,
            notices,
        })
    }

    /// Every incident and drill under the data folder that can be read,
    /// oldest first, each with its folder's name; what cannot be read is
    /// left out (the list says why).
    #[must_use]
    pub fn read_all(&self) -> Vec<(String, Snapshot)> {
        self.incident_dirs()
            .into_iter()
            .filter_map(|dir| {
                let name = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.read(&dir).ok().map(|s| (name, s))
            })
            .collect()
    }

    /// Every incident under the data folder, oldest first.
    #[must_use]
    pub fn list(&self) -> Vec<Listed> {
        self.incident_dirs()
            .into_iter()
            .map(|dir| self.listed(dir))
            .collect()
    }

    /// The folders of every incident under the data folder (and joined
    /// from elsewhere), oldest first, without reading them.
    #[must_use]
    pub fn incident_dirs(&self) -> Vec<PathBuf> {
        incident_dir::list_dirs(&self.incidents_dir())
            .into_iter()
            .chain(incident_dir::joined_dirs(self.ctx.data_dir()))
            .collect()
    }

    /// One incident of [`Self::list`], read and replayed.
    #[must_use]
    pub fn listed(&self, dir: PathBuf) -> Listed {
        let mut warnings = Vec::new();
        let state = read::read_entries(&dir).and_then(|(entries, notices)| {
            warnings = notices
                .into_iter()
                .filter(Notice::questions_the_record)
                .collect();
            Incident::from_entries(entries)
                .map(|incident| {
                    // Owners are named from the pinned plan, read only
                    // when an open item names a person of it.
                    let names_person = incident
                        .action_items()
                        .iter()
                        .any(|i| i.is_open() && matches!(i.owner, Owner::Person(_)));
                    let plan = names_person
                        .then(|| read::load_plan(&dir).ok())
                        .flatten()
                        .map(|(plan, _)| plan);
                    incident.headline(plan.as_ref())
                })
                .map_err(|error| IncidentError::Replay {
                    dir: dir.clone(),
                    error,
                })
        });
        Listed {
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            clean_exit: read::device_session_clean(&dir, self.ctx.device()),
            state,
            warnings,
            dir,
        }
    }

    /// The folder of all incidents.
    #[must_use]
    pub fn incidents_dir(&self) -> PathBuf {
        incident_dir::incidents_dir(self.ctx.data_dir())
    }

    /// Finds an incident by folder, or by name as a person gives it: its
    /// folder's name or part of it, its title or part of it (in any case),
    /// or its fault class. When several match and only one of them is
    /// open, that one: after a second network incident, `network` still
    /// means the one being worked; when none of them is open, the one
    /// closed last (its report is what is asked for after the close).
    ///
    /// # Errors
    /// When nothing matches, or several do and not exactly one is open
    /// nor one closed last (the error lists them).
    pub fn resolve(&self, given: &str) -> Result<PathBuf, IncidentError> {
        let by_folder = incident_dir::resolve(self.ctx.data_dir(), given);
        match by_folder {
            Err(IncidentError::NotFound(_) | IncidentError::Ambiguous { .. })
                // A name with no letter or digit (`-`, blanks) is in every
                // folder's name: it names nothing.
                if !incident_dir::paths::is_path(given)
                    && given.chars().any(char::is_alphanumeric) =>
            {
                self.resolve_wider(given).unwrap_or(by_folder)
            }
            found => found,
        }
    }

    /// [`Self::resolve`] past folder names: titles and classes too, and the
    /// one open incident among several; `None` when that finds nothing
    /// either (the folder name's answer stands).
    fn resolve_wider(&self, given: &str) -> Option<Result<PathBuf, IncidentError>> {
        let wanted = given.trim().to_lowercase();
        let matches: Vec<Listed> = self
            .incident_dirs()
            .into_iter()
            .map(|dir| self.listed(dir))
            .filter(|l| {
                l.name.to_lowercase().contains(&wanted)
                    || l.state.as_ref().is_ok_and(|h| {
                        h.title.to_lowercase().contains(&wanted) || h.class.as_str() == wanted
                    })
            })
            .collect();
        let open: Vec<&Listed> = matches
            .iter()
            .filter(|l| l.state.as_ref().is_ok_and(|h| h.open))
            .collect();
        // None open: the one closed last is the one just worked, whose
        // report and record are asked for next (the README's order).
        let closed_last = || {
            let mut closed: Vec<(chrono::DateTime<chrono::Utc>, &Listed)> = matches
                .iter()
                .filter_map(|l| l.state.as_ref().ok()?.closed_at.map(|at| (at, l)))
                .collect();
            closed.sort_by_key(|(at, _)| *at);
            match closed.as_slice() {
                [.., (a, _), (b, last)] if a < b => Some(*last),
                [(_, only)] => Some(*only),
                _ => None,
            }
        };
        match (matches.as_slice(), open.as_slice()) {
            ([], _) => None,
            ([one], _) => Some(Ok(one.dir.clone())),
            (_, [one]) => Some(Ok(one.dir.clone())),
            (many, []) if many.iter().all(|l| l.state.is_ok()) && closed_last().is_some() => {
                closed_last().map(|l| Ok(l.dir.clone()))
            }
            (many, _) => Some(Err(IncidentError::Ambiguous {
                given: given.to_owned(),
                matches: many.iter().map(|l| l.name.clone()).collect(),
            })),
        }
    }

    /// Records an action by the operator, now or at an earlier time.
    ///
    /// # Errors
    /// A refused action (nothing written), or a failed write (the entry is
    /// kept unsaved: call [`Self::rescue`]).
    pub fn record(
        &self,
        open: &mut OpenIncident,
        action: Action,
        happened: Option<Happened>,
    ) -> Result<Entry, IncidentError> {
        open.record(action, self.ctx.operator(), happened, self.now())
    }

    /// Records one action on an incident as read in `snap`, the whole way:
    /// checks it against what was read (a refused action writes nothing,
    /// not even the opening of a session), opens the log for writing
    /// (waiting up to 5 s for other processes of this device; `waiting` is
    /// called once after a second), checks it again against the log as
    /// opened, writes it, continues the log elsewhere when it cannot be
    /// written ([`Self::rescue`]), and ends the session cleanly.
    ///
    /// # Errors
    /// When the incident cannot be opened for writing; nothing is written.
    pub fn act(
        &self,
        snap: &Snapshot,
        action: Action,
        happened: Option<Happened>,
        waiting: &mut dyn FnMut(),
    ) -> Result<Acted, IncidentError> {
        let stamp = Stamp {
            by: self.ctx.operator(),
            device: self.ctx.device(),
            now: self.now(),
        };
        if let Err(refused) = snap
            .incident
            .entry(&snap.plan, action.clone(), happened, stamp)
        {
            return Ok(Acted {
                notices: snap.notices.clone(),
                outcome: Outcome::Refused(refused.into()),
                finished: None,
            });
        }
        let mut open = self.open_waiting(&snap.dir, waiting)?;
        let notices = open.notices().to_vec();
        let outcome = match self.record(&mut open, action, happened) {
            Ok(entry) => Outcome::Saved(entry),
            Err(IncidentError::Log(error)) => {
                let Rescue { failed, saved_in } = self.rescue(&mut open);
                match saved_in {
                    Some(saved_in) => Outcome::Rescued {
                        error,
                        failed,
                        saved_in,
                    },
                    None => Outcome::NotSaved {
                        error,
                        failed,
                        unsaved: open.log().unsaved().to_vec(),
                    },
                }
            }
            // Refused by the log as opened (another writer changed it
            // since it was read): nothing was written.
            Err(refused) => Outcome::Refused(refused),
        };
        Ok(Acted {
            notices,
            outcome,
            finished: Some(self.finish(open)),
        })
    }

    /// The places a log goes when its folder cannot be written, in order:
    /// a new file in the incident's own folder (the disk may have room for a
    /// new file, or the old file hit a size limit), then
    /// `<data>/rescue/<incident>`, then a folder in the current directory.
    #[must_use]
    pub fn rescue_places(&self, dir: &Path) -> Vec<PathBuf> {
        let name = dir
            .file_name()
            .map(std::ffi::OsStr::to_os_string)
            .unwrap_or_default();
        let mut places = vec![
            dir.to_owned(),
            incident_dir::rescue_dir(self.ctx.data_dir(), &name),
        ];
        places.extend(incident_dir::paths::cwd_rescue_dir(&name));
        places
    }

    /// Saves the unsaved entries of an incident in the first of
    /// [`Self::rescue_places`] that can be written.
    pub fn rescue(&self, open: &mut OpenIncident) -> Rescue {
        let mut out = Rescue::default();
        for place in self.rescue_places(open.dir()) {
            match open.continue_in(&place, self.now()) {
                Ok(path) => {
                    out.saved_in = Some(path);
                    break;
                }
                Err(e) => out.failed.push((place, e)),
            }
        }
        out
    }

    /// Ends a writing session cleanly and returns the log's head hash.
    ///
    /// # Errors
    /// When the closing record cannot be written; every entry is saved anyway.
    pub fn finish(&self, open: OpenIncident) -> Result<Option<String>, IncidentError> {
        open.finish(self.now())
    }

    /// Hands an open incident to a writer thread, for the window.
    #[must_use]
    pub fn go_live(&self, open: OpenIncident) -> Live {
        Live::start(open, self.ctx.clone())
    }
}
