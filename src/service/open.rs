//! An incident opened for work by a caller that writes as it goes (the
//! command line, and the window until it hands the log to a writer thread).
//!
//! This is where the service's two halves meet for one incident: the model
//! checks what a person does and builds the entry ([`Incident::entry`]),
//! `io` writes it durably ([`IncidentLog::append`]), and only then is it
//! applied to the state. The window's [`super::Live`] takes the same
//! steps, with the write on its writer thread.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::io::incident_dir::{Device, IncidentError, IncidentLog, Notice, Opened, incident_name};
use crate::io::log;
use crate::model::incident::{
    Action, Declaration, Entry, Event, Happened, Incident, Stamp, declaration_entry,
};
use crate::model::plan::{self, Plan};

/// An incident opened for work: the plan, the state and the log.
#[derive(Debug)]
pub struct OpenIncident {
    log: IncidentLog,
    plan: Plan,
    incident: Incident,
    notices: Vec<Notice>,
}

impl OpenIncident {
    /// Declares a new incident: checks the declaration, makes its folder
    /// under `data_dir`, pins the plan, starts the log and writes the
    /// declaration.
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
        let device = device.into();
        // The plan is read from the very bytes that are pinned, so the
        // incident can never run under another plan than its copy.
        let plan = plan::parse(plan_bytes)
            .map_err(|d| IncidentError::PlanCopy {
                path: PathBuf::new(),
                first: d.into_iter().next().map(Box::new),
            })?
            .plan;
        let stamp = Stamp {
            by,
            device: device.name,
            now,
        };
        let entry = declaration_entry(&plan, &log::sha256_hex(plan_bytes), declaration, stamp)?;
        let Event::Declared(declared) = &entry.event else {
            return Err(IncidentError::Replay {
                dir: PathBuf::new(),
                error: crate::model::incident::ReplayError::NotDeclared,
            });
        };
        let name = incident_name(now, declared.class.as_str(), declared.drill);
        let log = IncidentLog::create(data_dir, &name, plan_bytes, &entry, device, now)?;
        let dir = log.dir().to_owned();
        let incident = Incident::new(&entry).map_err(|error| IncidentError::Replay {
            dir: dir.clone(),
            error,
        })?;
        Ok(Self {
            log,
            plan,
            incident,
            notices: Vec::new(),
        })
    }

    /// Opens an incident folder: this device's log for appending, and the
    /// state folded from every log. A log that cannot be written (a full
    /// disk) opens with no writer: [`Self::record`] keeps the entries
    /// unsaved and [`Self::continue_in`] saves them elsewhere.
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
    /// for up to `patience`, calling `waiting` once after a second.
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
        let Opened {
            log,
            plan,
            entries,
            notices,
        } = IncidentLog::open(dir, device, now, patience, waiting)?;
        let incident = Incident::from_entries(entries).map_err(|error| IncidentError::Replay {
            dir: dir.to_owned(),
            error,
        })?;
        Ok(Self {
            log,
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
    /// NOT saved: call [`Self::continue_in`] to save it.
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
        let stamp = Stamp {
            by,
            device: self.log.device(),
            now,
        };
        let entry = self.incident.entry(&self.plan, action, happened, stamp)?;
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
