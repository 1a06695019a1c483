//! What can happen during an incident, as events.
//!
//! An incident's state is never stored: it is the fold of these events (see
//! [`super::Incident::apply`]). Events are what the log writes, one per line,
//! so they are plain serde types with stable, snake_case names that a person
//! can read in the JSON.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::ids::{ClassId, ItemId, LevelId, StepId, TemplateId};
use crate::model::plan::doc::{Audience, Target};

/// One event with who recorded it, where and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// When the entry was recorded (the device's clock).
    pub recorded_at: DateTime<Utc>,
    /// When it happened, if that was earlier than it was written down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub happened_at: Option<DateTime<Utc>>,
    /// Who recorded it.
    pub by: String,
    /// On which device.
    pub device: String,
    /// What happened.
    pub event: Event,
}

impl Entry {
    /// When it happened: `happened_at` if given, else when it was recorded.
    #[must_use]
    pub fn at(&self) -> DateTime<Utc> {
        self.happened_at.unwrap_or(self.recorded_at)
    }
}

/// Everything that can happen during an incident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The incident was declared.
    Declared {
        /// A short title, such as "直播卡顿 华东区".
        title: String,
        /// The fault class.
        class: ClassId,
        /// The response level declared.
        level: LevelId,
        /// The assessment questions answered, with the answer: the evidence
        /// for the level.
        answers: Vec<Answer>,
        /// A drill, kept apart from real incidents.
        drill: bool,
        /// The plan's version, as its `meta.version` says.
        plan_version: String,
        /// SHA-256 of the exact plan file, hex.
        plan_sha256: String,
    },
    /// The level was raised or lowered.
    LevelChanged {
        /// The level before.
        from: LevelId,
        /// The level after.
        to: LevelId,
        /// Why.
        reason: String,
    },
    /// A step's status changed.
    StepStatus {
        /// The step.
        step: StepId,
        /// Its new status.
        status: StepStatus,
    },
    /// A value was recorded for a record step.
    ValueRecorded {
        /// The step.
        step: StepId,
        /// The value as typed.
        value: String,
    },
    /// A decision step was answered.
    DecisionAnswered {
        /// The step.
        step: StepId,
        /// The answer.
        yes: bool,
        /// The step the answer leads to.
        next: StepId,
    },
    /// Someone was called, or an attempt was made.
    CallAttempt {
        /// Who was called.
        to: Target,
        /// How.
        via: Channel,
        /// What came of it.
        outcome: CallOutcome,
        /// Anything worth keeping.
        #[serde(default)]
        note: String,
    },
    /// A message went out.
    MessageSent {
        /// The template it came from, if any.
        template: Option<TemplateId>,
        /// Who it was for.
        audience: Audience,
        /// The final text, as sent.
        text: String,
    },
    /// A free-text note for the timeline.
    Note {
        /// The note.
        text: String,
    },
    /// A warning was issued.
    WarningIssued {
        /// The warning's level.
        level: LevelId,
        /// Why.
        #[serde(default)]
        note: String,
    },
    /// A warning was lifted.
    WarningLifted {
        /// The warning's level.
        level: LevelId,
        /// Why.
        #[serde(default)]
        note: String,
    },
    /// Command passed from one person to another.
    CommandHandedOver {
        /// Who had command.
        from: String,
        /// Who has it now.
        to: String,
        /// The briefing given, in short.
        #[serde(default)]
        note: String,
    },
    /// A reporting duty was fulfilled (for example the report to the regulator).
    DutyDone {
        /// The duty's id in the level.
        duty: ItemId,
        /// Anything worth keeping (reference number, who took it).
        #[serde(default)]
        note: String,
    },
    /// The incident was closed.
    Closed {
        /// What happened and how it ended.
        summary: String,
    },
    /// A closed incident was opened again.
    Reopened {
        /// Why.
        reason: String,
    },
}

/// An assessment question and its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The question's id in the fault class.
    pub question: ItemId,
    /// The answer.
    pub yes: bool,
}

/// A step's status, with aviation-checklist states.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum StepStatus {
    /// Done.
    Done,
    /// Deliberately not done, with the reason.
    Skipped {
        /// Why.
        reason: String,
    },
    /// Does not apply to this incident.
    NotApplicable,
    /// Left for later; comes back before the incident closes.
    Deferred,
    /// Cannot be done now, with the reason.
    Blocked {
        /// Why.
        reason: String,
    },
    /// Back to open.
    Reopened,
}

/// How a call was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Mobile phone.
    Mobile,
    /// Office or fixed line.
    Office,
    /// Instant messaging.
    Im,
    /// E-mail.
    Email,
    /// In person.
    InPerson,
    /// Anything else.
    Other,
}

/// What came of a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// Reached and informed.
    Reached,
    /// No answer.
    NoAnswer,
    /// Left a message.
    LeftMessage,
    /// The number was wrong.
    WrongNumber,
}
