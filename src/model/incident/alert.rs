//! Clocks nobody can miss: when a clock turns amber, and again when it
//! turns red, it raises an alert that stays until someone acknowledges it
//! or holds it back for a few minutes; both are entries of the log
//! ([`Event::ClockAcknowledged`]: who, which clock, for how long).
//!
//! An acknowledgement answers one alert: one clock, at one due time, at one
//! stage. The status update's clock restarts when an update is sent, so an
//! acknowledged reminder never silences the next one; and an amber alert
//! acknowledged still lets the red one through. A snooze holds the alert
//! back until its minutes have passed, then it comes back.
//!
//! The alerts are for the clocks the whole room watches — the status update
//! and the reporting duties, the regulator's among them; the people to
//! inform are the call tree's business, and it shows them.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::model::plan::Plan;

use super::action::ActionError;
use super::checklist::{Applies, Clock, ClockKind, Urgency};
use super::{Entry, Event, Incident};

/// How far a clock has gone: amber near its time, red past it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Due within [`super::NEAR_MINUTES`].
    Amber,
    /// Past due and not met.
    Red,
}

/// The longest snooze: a clock held back longer is a clock ignored.
pub const MAX_SNOOZE_MINUTES: u32 = 60;

/// A clock asking for attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    /// The clock.
    pub clock: Clock,
    /// Amber or red.
    pub stage: Stage,
}

/// An acknowledgement or a snooze, as the fold keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Ack {
    clock: ClockKind,
    due: DateTime<Utc>,
    stage: Stage,
    /// Until when a snooze holds the alert back; `None`: acknowledged.
    until: Option<DateTime<Utc>>,
}

impl Ack {
    /// The acknowledgement an entry records, if it records one.
    pub(super) fn of(entry: &Entry) -> Option<Self> {
        match &entry.event {
            Event::ClockAcknowledged {
                clock,
                due,
                stage,
                snooze_minutes,
            } => Some(Self {
                clock: (**clock).clone(),
                due: *due,
                stage: *stage,
                until: snooze_minutes.map(|m| entry.at() + Duration::minutes(i64::from(m))),
            }),
            _ => None,
        }
    }

    /// Whether it answers this alert at `now`.
    fn answers(&self, clock: &Clock, stage: Stage, now: DateTime<Utc>) -> bool {
        self.clock == clock.kind
            && self.due == clock.due
            && self.stage == stage
            && self.until.is_none_or(|until| now < until)
    }
}

/// The stage a clock is at, when it asks for attention.
fn stage_of(clock: &Clock, now: DateTime<Utc>) -> Option<Stage> {
    match clock.urgency(now) {
        Urgency::Near => Some(Stage::Amber),
        Urgency::Missed => Some(Stage::Red),
        Urgency::Met | Urgency::Running => None,
    }
}

/// Whether a clock raises alerts: the status update and the duties.
fn alerting(clock: &Clock) -> bool {
    !matches!(clock.kind, ClockKind::Inform(_)) && clock.applies != Applies::No && !clock.met
}

impl Incident {
    /// The alerts standing at `now`: every status-update or duty clock
    /// amber or red, not acknowledged at that stage, nor snoozed; red
    /// first, then the earliest due.
    #[must_use]
    pub fn alerts(&self, plan: &Plan, now: DateTime<Utc>) -> Vec<Alert> {
        if !self.is_open() {
            return Vec::new();
        }
        let (clocks, _) = self.clocks(plan);
        let mut out: Vec<Alert> = clocks
            .into_iter()
            .filter(alerting)
            .filter_map(|clock| {
                let stage = stage_of(&clock, now)?;
                let answered = self.acks.iter().any(|a| a.answers(&clock, stage, now));
                (!answered).then_some(Alert { clock, stage })
            })
            .collect();
        out.sort_by_key(|a| (std::cmp::Reverse(a.stage), a.clock.due));
        out
    }

    /// The clock a person names (`update` for the status update, or a
    /// duty's id), at the stage it is at `now`: what `incident ack`
    /// acknowledges. A clock acknowledged or snoozed already can be
    /// acknowledged again (a snooze turned into an acknowledgement).
    ///
    /// # Errors
    /// No such clock, or it is neither amber nor red now.
    pub fn alert_named(
        &self,
        plan: &Plan,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<Alert, ActionError> {
        let (clocks, _) = self.clocks(plan);
        let wanted = name.trim();
        let named = |c: &Clock| match &c.kind {
            ClockKind::StatusUpdate => matches!(wanted, "update" | "status-update" | "status"),
            ClockKind::Duty(id) => id.as_str() == wanted,
            ClockKind::Inform(_) => false,
        };
        let standing: Vec<(Clock, Stage)> = clocks
            .iter()
            .filter(|c| alerting(c))
            .filter_map(|c| Some((c.clone(), stage_of(c, now)?)))
            .collect();
        match standing.iter().find(|(c, _)| named(c)) {
            Some((clock, stage)) if self.is_open() => Ok(Alert {
                clock: clock.clone(),
                stage: *stage,
            }),
            _ => Err(ActionError::NoAlert {
                given: wanted.to_owned(),
                standing: standing
                    .iter()
                    .map(|(c, _)| match &c.kind {
                        ClockKind::Duty(id) => id.to_string(),
                        _ => "update".to_owned(),
                    })
                    .collect(),
            }),
        }
    }

    /// Checks an acknowledgement: the clock is one of this incident's, due
    /// when the alert said and not met; a snooze lasts 1 to
    /// [`MAX_SNOOZE_MINUTES`] minutes.
    pub(super) fn check_ack(
        &self,
        plan: &Plan,
        clock: ClockKind,
        due: DateTime<Utc>,
        stage: Stage,
        snooze_minutes: Option<u32>,
    ) -> Result<Event, ActionError> {
        if let Some(m) = snooze_minutes
            && !(1..=MAX_SNOOZE_MINUTES).contains(&m)
        {
            return Err(ActionError::SnoozeMinutes {
                given: m,
                max: MAX_SNOOZE_MINUTES,
            });
        }
        let (clocks, _) = self.clocks(plan);
        let standing = clocks
            .iter()
            .any(|c| alerting(c) && c.kind == clock && c.due == due);
        if !standing {
            return Err(ActionError::NoAlert {
                given: match &clock {
                    ClockKind::Duty(id) => id.to_string(),
                    _ => "update".to_owned(),
                },
                standing: Vec::new(),
            });
        }
        Ok(Event::ClockAcknowledged {
            clock: Box::new(clock),
            due,
            stage,
            snooze_minutes,
        })
    }
}
