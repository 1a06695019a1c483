//! Taking back an accidental entry, the way the log keeps it.
//!
//! A key pressed by mistake at three in the morning must have a way back,
//! and the log is append-only: an undo is a new entry, [`Event::Undone`],
//! that points at the entry it takes back. Folding it puts back what that
//! entry changed — a step's status, value or answer as the other entries
//! about the step leave it, a call attempt no longer counted, a duty no
//! longer fulfilled, a note struck through — and both stay in the
//! timeline.
//!
//! Only the operator who made an entry, on the device that made it, may
//! take it back, and only for [`UNDO_MINUTES`]: later, or for someone
//! else's entry, a correction is a note. What was said to the world (a
//! message), a decision about the whole response (level, warnings,
//! handover, close) and the declaration stand; each has its own way back.

use chrono::{DateTime, Duration, Utc};

use super::action::{ActionError, UndoRefusal};
use super::{Entry, EntryRef, Event, Incident, StepStatus};

/// How long after making an entry its operator may take it back, in
/// minutes: enough to notice a wrong key, short enough that nobody has
/// acted on the entry since.
pub const UNDO_MINUTES: i64 = 5;

/// What kind of entry can be taken back: the step's, a call attempt, a
/// note, a duty marked fulfilled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undoable {
    /// A step's status, value or answer.
    Step,
    /// A call attempt.
    Call,
    /// A note.
    Note,
    /// A duty marked fulfilled.
    Duty,
}

impl Undoable {
    /// What kind of entry an event is, if it can be taken back.
    #[must_use]
    pub fn of(event: &Event) -> Option<Self> {
        match event {
            Event::StepStatus { .. }
            | Event::ValueRecorded { .. }
            | Event::DecisionAnswered { .. } => Some(Self::Step),
            Event::CallAttempt { .. } => Some(Self::Call),
            Event::Note { .. } => Some(Self::Note),
            Event::DutyDone { .. } => Some(Self::Duty),
            Event::Declared(..)
            | Event::LevelChanged { .. }
            | Event::MessageSent { .. }
            | Event::WarningIssued { .. }
            | Event::WarningLifted { .. }
            | Event::CommandHandedOver { .. }
            | Event::Closed { .. }
            | Event::Reopened { .. }
            | Event::ScenarioNamed { .. }
            | Event::Undone { .. }
            | Event::ActionItemAdded { .. }
            | Event::ActionItemDone { .. }
            | Event::ActionItemDropped { .. }
            | Event::ReviewRecorded { .. }
            | Event::ClockAcknowledged { .. } => None,
        }
    }
}

impl Incident {
    /// The entry an undo takes back for `by` on `device` at `now`: their
    /// latest entry not already taken back (so a second undo steps back
    /// once more), when it can be taken back and is recent enough.
    ///
    /// # Errors
    /// Nothing of theirs to take back; their latest entry cannot be taken
    /// back, or is older than [`UNDO_MINUTES`].
    pub fn last_undoable(
        &self,
        by: &str,
        device: &str,
        now: DateTime<Utc>,
    ) -> Result<&Entry, ActionError> {
        let latest = self
            .timeline
            .iter()
            .skip(1)
            .rev()
            .filter(|e| e.by == by && e.device == device)
            .find(|e| !matches!(e.event, Event::Undone { .. }) && !self.is_undone(e))
            .ok_or(ActionError::Undo(UndoRefusal::Nothing))?;
        self.check_undo_of(latest, by, device, now)?;
        Ok(latest)
    }

    /// Checks that `entry` may be taken back by `by` on `device` at `now`.
    fn check_undo_of(
        &self,
        entry: &Entry,
        by: &str,
        device: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ActionError> {
        let r = EntryRef::to(entry);
        if Undoable::of(&entry.event).is_none() {
            return Err(ActionError::Undo(UndoRefusal::Stands(r)));
        }
        if self.is_undone(entry) {
            return Err(ActionError::Undo(UndoRefusal::AlreadyUndone(r)));
        }
        if entry.by != by || entry.device != device {
            return Err(ActionError::Undo(UndoRefusal::NotYours(r)));
        }
        if now - entry.recorded_at > Duration::minutes(UNDO_MINUTES) {
            return Err(ActionError::Undo(UndoRefusal::TooLate(r)));
        }
        Ok(())
    }

    /// Checks an undo of the entry `undoes` by whoever makes the entry
    /// (`stamp`), and returns the event to record.
    pub(super) fn check_undo(
        &self,
        undoes: &EntryRef,
        who: Option<(&str, &str, DateTime<Utc>)>,
    ) -> Result<Event, ActionError> {
        let entry = self
            .timeline
            .iter()
            .rev()
            .find(|e| undoes.is(e))
            .ok_or_else(|| ActionError::UnknownEntry(undoes.clone()))?;
        match who {
            Some((by, device, now)) => self.check_undo_of(entry, by, device, now)?,
            // Checked without knowing who: what the entry is, still.
            None => {
                if Undoable::of(&entry.event).is_none() {
                    return Err(ActionError::Undo(UndoRefusal::Stands(undoes.clone())));
                }
                if self.is_undone(entry) {
                    return Err(ActionError::Undo(UndoRefusal::AlreadyUndone(
                        undoes.clone(),
                    )));
                }
            }
        }
        Ok(Event::Undone {
            undoes: undoes.clone(),
        })
    }

    /// Folds an undo: the entry is marked taken back, and what it changed
    /// is as the other entries leave it. `before` is the timeline before
    /// the undo. An undo of something that cannot be taken back (in a log
    /// from elsewhere) changes nothing.
    pub(super) fn undo(&mut self, undoes: &EntryRef, before: &[Entry]) {
        let Some(pos) = before.iter().rposition(|e| undoes.is(e)) else {
            return;
        };
        let Some(target) = before.get(pos) else {
            return;
        };
        if Undoable::of(&target.event).is_none() || !self.undone.insert(undoes.clone()) {
            return;
        }
        match &target.event {
            Event::StepStatus { step, .. }
            | Event::ValueRecorded { step, .. }
            | Event::DecisionAnswered { step, .. } => self.restore_step(step, before),
            Event::CallAttempt { to, .. } => {
                if let Some(at) = self.attempts.get_mut(to) {
                    at.retain(|&i| i != pos);
                }
            }
            Event::DutyDone { duty, .. } => {
                let earlier = before.iter().rev().find(|e| {
                    matches!(&e.event, Event::DutyDone { duty: d, .. } if d == duty)
                        && !self.undone.contains(&EntryRef::to(e))
                });
                match earlier {
                    Some(e) => {
                        self.duties_done.insert(duty.clone(), e.at());
                    }
                    None => {
                        self.duties_done.remove(duty);
                    }
                }
            }
            _ => {}
        }
    }

    /// A step's status, value and answer as the entries about it that are
    /// not taken back leave them, in order.
    fn restore_step(&mut self, step: &crate::model::ids::StepId, before: &[Entry]) {
        let mut status = None;
        let mut value = None;
        let mut decision = None;
        for &i in self.about.get(step).into_iter().flatten() {
            let Some(e) = before.get(i) else {
                continue;
            };
            if self.undone.contains(&EntryRef::to(e)) {
                continue;
            }
            match &e.event {
                Event::StepStatus { status: s, .. } => {
                    if *s == StepStatus::Reopened {
                        value = None;
                        decision = None;
                    }
                    status = Some(s.clone());
                }
                Event::ValueRecorded { value: v, .. } => value = Some(v.clone()),
                Event::DecisionAnswered { yes, next, .. } => decision = Some((*yes, next.clone())),
                _ => {}
            }
        }
        match status {
            Some(s) => self.steps.insert(step.clone(), s),
            None => self.steps.remove(step),
        };
        match value {
            Some(v) => self.values.insert(step.clone(), v),
            None => self.values.remove(step),
        };
        match decision {
            Some(d) => self.decisions.insert(step.clone(), d),
            None => self.decisions.remove(step),
        };
    }
}
