//! An incident: the fold of its events.
//!
//! The state the operator sees — level, every step's status, calls, notes,
//! clocks, open or closed — is never stored apart from the events. The log
//! holds events; [`Incident::replay`] folds them into exactly the state that
//! was shown when they were recorded. [`Incident::apply`] is infallible: an
//! event is a fact already written down, and one that refers to something the
//! plan does not have (a step from another plan version) is kept in the
//! timeline and shown, never dropped.
//!
//! What a person can do is an [`Action`]; [`Incident::check`] turns it into an
//! event or says, in plain words, why it cannot be done. The caller then
//! writes the event durably and only then applies it.

mod action;
mod checklist;
mod describe;
pub mod event;
mod message;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

pub use action::{Action, ActionError, Declaration, declare};
pub use checklist::{Clock, ClockKind, Item, ItemState, Status};
pub use describe::describe;
pub use event::{Answer, CallOutcome, Channel, Entry, Event, StepStatus};
pub use message::fill;

use crate::model::ids::{ClassId, ItemId, LevelId, StepId};

/// The state of an incident, rebuilt from its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incident {
    /// The title given at declaration.
    pub title: String,
    /// The fault class.
    pub class: ClassId,
    /// The current level.
    pub level: LevelId,
    /// Every level the incident has been at, in order, starting with the declared one.
    pub levels_held: Vec<LevelId>,
    /// When it was declared (when the declaration happened).
    pub declared_at: DateTime<Utc>,
    /// Who declared it.
    pub declared_by: String,
    /// A drill, not a real incident.
    pub drill: bool,
    /// The plan version it runs under.
    pub plan_version: String,
    /// The SHA-256 of the plan file it runs under.
    pub plan_sha256: String,
    /// The assessment answers that chose the level.
    pub answers: Vec<Answer>,
    /// Who is in command now.
    pub commander: String,
    /// Each step's latest status; steps never acted on are absent.
    pub steps: BTreeMap<StepId, StepStatus>,
    /// Values recorded for record steps.
    pub values: BTreeMap<StepId, String>,
    /// Answers to decision steps: yes or no, and the step it leads to.
    pub decisions: BTreeMap<StepId, (bool, StepId)>,
    /// Reporting duties fulfilled, with when.
    pub duties_done: BTreeMap<ItemId, DateTime<Utc>>,
    /// Warnings in force.
    pub warnings: BTreeSet<LevelId>,
    /// When the last internal status update went out.
    pub last_update_at: Option<DateTime<Utc>>,
    /// `None` while open; when it was closed otherwise.
    pub closed_at: Option<DateTime<Utc>>,
    /// Every entry, in the order recorded: the evidence and the report.
    pub timeline: Vec<Entry>,
}

/// Why a log cannot be folded into an incident.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// The log holds no events at all.
    #[error("the log holds no events: nothing was declared")]
    Empty,
    /// The first event is not a declaration.
    #[error("the log does not start with a declaration")]
    NotDeclared,
}

impl Incident {
    /// Starts an incident from its declaration.
    ///
    /// # Errors
    /// When the entry is not a declaration.
    pub fn new(entry: &Entry) -> Result<Self, ReplayError> {
        let Event::Declared {
            title,
            class,
            level,
            answers,
            drill,
            plan_version,
            plan_sha256,
        } = &entry.event
        else {
            return Err(ReplayError::NotDeclared);
        };
        Ok(Self {
            title: title.clone(),
            class: class.clone(),
            level: level.clone(),
            levels_held: vec![level.clone()],
            declared_at: entry.at(),
            declared_by: entry.by.clone(),
            drill: *drill,
            plan_version: plan_version.clone(),
            plan_sha256: plan_sha256.clone(),
            answers: answers.clone(),
            commander: entry.by.clone(),
            steps: BTreeMap::new(),
            values: BTreeMap::new(),
            decisions: BTreeMap::new(),
            duties_done: BTreeMap::new(),
            warnings: BTreeSet::new(),
            last_update_at: None,
            closed_at: None,
            timeline: vec![entry.clone()],
        })
    }

    /// Folds a whole log.
    ///
    /// # Errors
    /// When the log is empty or does not start with a declaration.
    pub fn replay<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Result<Self, ReplayError> {
        let mut entries = entries.into_iter();
        let first = entries.next().ok_or(ReplayError::Empty)?;
        let mut incident = Self::new(first)?;
        for e in entries {
            incident.apply(e);
        }
        Ok(incident)
    }

    /// Whether the incident is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// Applies one recorded event. Never fails: whatever was recorded is kept.
    pub fn apply(&mut self, entry: &Entry) {
        self.timeline.push(entry.clone());
        match &entry.event {
            // A second declaration in one log is kept in the timeline only.
            Event::Declared { .. } | Event::Note { .. } | Event::CallAttempt { .. } => {}
            Event::LevelChanged { to, .. } => {
                self.level = to.clone();
                self.levels_held.push(to.clone());
            }
            Event::StepStatus { step, status } => {
                self.steps.insert(step.clone(), status.clone());
                if *status == StepStatus::Reopened {
                    self.values.remove(step);
                    self.decisions.remove(step);
                }
            }
            Event::ValueRecorded { step, value } => {
                self.values.insert(step.clone(), value.clone());
            }
            Event::DecisionAnswered { step, yes, next } => {
                self.decisions.insert(step.clone(), (*yes, next.clone()));
            }
            Event::MessageSent { audience, .. } => {
                if *audience == crate::model::plan::doc::Audience::Internal {
                    self.last_update_at = Some(entry.at());
                }
            }
            Event::WarningIssued { level, .. } => {
                self.warnings.insert(level.clone());
            }
            Event::WarningLifted { level, .. } => {
                self.warnings.remove(level);
            }
            Event::CommandHandedOver { to, .. } => self.commander.clone_from(to),
            Event::DutyDone { duty, .. } => {
                self.duties_done.insert(duty.clone(), entry.at());
            }
            Event::Closed { .. } => self.closed_at = Some(entry.at()),
            Event::Reopened { .. } => self.closed_at = None,
        }
    }
}
