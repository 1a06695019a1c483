//! What a person can do during an incident, and whether it can be done now.
//!
//! Every button in the window and every `runbook incident` subcommand builds
//! an [`Action`]; [`Incident::check`] turns it into the [`Event`] to record,
//! or into an [`ActionError`] that says what is wrong and what to do. Nothing
//! is recorded until the check passes, so the log only holds meaningful events.

use crate::model::ids::{ClassId, ItemId, LevelId, StepId, TemplateId};
use crate::model::plan::Plan;
use crate::model::plan::doc::{Audience, StepKind, Target, ValueKind};

use super::Incident;
use super::event::{Answer, CallOutcome, Channel, Event, StepStatus};

/// An action on an open (or, for reopening, closed) incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Set a step's status.
    SetStep {
        /// The step.
        step: StepId,
        /// The new status.
        status: StepStatus,
    },
    /// Record the value of a record step.
    Record {
        /// The step.
        step: StepId,
        /// The value as typed.
        value: String,
    },
    /// Answer a decision step.
    Decide {
        /// The step.
        step: StepId,
        /// The answer.
        yes: bool,
    },
    /// Log a call attempt.
    Call {
        /// Who was called.
        to: Target,
        /// How.
        via: Channel,
        /// What came of it.
        outcome: CallOutcome,
        /// Anything worth keeping.
        note: String,
    },
    /// Log a message sent, with its final text.
    Message {
        /// The template it came from.
        template: Option<TemplateId>,
        /// The audience; taken from the template when there is one.
        audience: Option<Audience>,
        /// The text as sent.
        text: String,
    },
    /// Add a note.
    Note {
        /// The note.
        text: String,
    },
    /// Raise or lower the level.
    ChangeLevel {
        /// The new level.
        to: LevelId,
        /// Why.
        reason: String,
    },
    /// Issue a warning.
    IssueWarning {
        /// The warning's level.
        level: LevelId,
        /// Why.
        note: String,
    },
    /// Lift a warning.
    LiftWarning {
        /// The warning's level.
        level: LevelId,
        /// Why.
        note: String,
    },
    /// Hand command over.
    HandOver {
        /// The new commander.
        to: String,
        /// The briefing, in short.
        note: String,
    },
    /// Mark a reporting duty as fulfilled.
    DutyDone {
        /// The duty's id.
        duty: ItemId,
        /// Reference number, who took it.
        note: String,
    },
    /// Close the incident.
    Close {
        /// What happened and how it ended.
        summary: String,
    },
    /// Reopen a closed incident.
    Reopen {
        /// Why.
        reason: String,
    },
}

/// Why an action cannot be done, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The incident is closed.
    #[error("the incident is closed; reopen it first if it needs more work")]
    Closed,
    /// The incident is open, so it cannot be reopened.
    #[error("the incident is already open")]
    AlreadyOpen,
    /// No such fault class.
    #[error("no fault class {0:?} in the plan; the classes are: {1}")]
    UnknownClass(String, String),
    /// No such level.
    #[error("no level {0:?} in the plan; the levels are: {1}")]
    UnknownLevel(String, String),
    /// No such step.
    #[error(
        "no step {0:?} in this incident's checklist; `runbook incident status` lists the steps"
    )]
    UnknownStep(String),
    /// The step exists but is not of the kind the action needs.
    #[error("step {step:?} is not a {needed} step")]
    WrongKind {
        /// The step.
        step: String,
        /// The kind the action needs.
        needed: &'static str,
    },
    /// A value that does not fit the record step.
    #[error("step {step:?} takes a whole number, not {value:?}")]
    NotACount {
        /// The step.
        step: String,
        /// The value given.
        value: String,
    },
    /// No such question in the class's assessment.
    #[error("no assessment question {0:?} for this fault class; the questions are: {1}")]
    UnknownQuestion(String, String),
    /// No level given and no question answered yes.
    #[error(
        "choose a level, or answer yes to at least one assessment question so the plan can suggest one"
    )]
    NoLevel,
    /// No such template.
    #[error("no template {0:?} in the plan")]
    UnknownTemplate(String),
    /// No audience for a message without a template.
    #[error("a message without a template needs an audience")]
    NoAudience,
    /// No such person, role or contact.
    #[error("no {0} {1:?} in the plan")]
    UnknownTarget(&'static str, String),
    /// No such duty at any level the incident has been at.
    #[error("no reporting duty {0:?} at the levels this incident has held")]
    UnknownDuty(String),
    /// The level is the current one.
    #[error("the incident is already at level {0}")]
    SameLevel(String),
    /// A warning that is not in force cannot be lifted.
    #[error("no warning for level {0} is in force")]
    WarningNotInForce(String),
    /// A required text is empty.
    #[error("the {0} cannot be empty")]
    Empty(&'static str),
}

/// What the operator fills in to declare an incident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declaration {
    /// A short title.
    pub title: String,
    /// The fault class.
    pub class: ClassId,
    /// The level; `None` to take the one the answers suggest.
    pub level: Option<LevelId>,
    /// Answers to the class's assessment questions.
    pub answers: Vec<Answer>,
    /// A drill rather than a real incident.
    pub drill: bool,
}

fn list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}

fn non_empty(text: &str, what: &'static str) -> Result<(), ActionError> {
    if text.trim().is_empty() {
        Err(ActionError::Empty(what))
    } else {
        Ok(())
    }
}

/// Checks a declaration against the plan and returns the event to record.
///
/// # Errors
/// An unknown class, level or question; an empty title; no level and no
/// question answered yes.
pub fn declare(plan: &Plan, plan_sha256: &str, d: Declaration) -> Result<Event, ActionError> {
    non_empty(&d.title, "title")?;
    let Some(class) = plan.class(&d.class) else {
        let known = list(plan.doc().classes.iter().map(|c| c.id.as_str()));
        return Err(ActionError::UnknownClass(d.class.to_string(), known));
    };
    for a in &d.answers {
        if !class.assessment.iter().any(|q| q.id == a.question) {
            let known = list(class.assessment.iter().map(|q| q.id.as_str()));
            return Err(ActionError::UnknownQuestion(a.question.to_string(), known));
        }
    }
    let level = match d.level {
        Some(level) => {
            check_level(plan, &level)?;
            level
        }
        None => suggested_level(plan, &d.class, &d.answers).ok_or(ActionError::NoLevel)?,
    };
    Ok(Event::Declared {
        title: d.title.trim().to_owned(),
        class: d.class,
        level,
        answers: d.answers,
        drill: d.drill,
        plan_version: plan.doc().meta.version.clone(),
        plan_sha256: plan_sha256.to_owned(),
    })
}

/// The level the answers suggest: the most severe level answered yes.
#[must_use]
pub fn suggested_level(plan: &Plan, class: &ClassId, answers: &[Answer]) -> Option<LevelId> {
    let class = plan.class(class)?;
    let yes: Vec<&LevelId> = class
        .assessment
        .iter()
        .filter(|q| answers.iter().any(|a| a.question == q.id && a.yes))
        .map(|q| &q.level)
        .collect();
    // Levels are listed most severe first.
    plan.doc()
        .levels
        .iter()
        .find(|l| yes.contains(&&l.id))
        .map(|l| l.id.clone())
}

fn check_level(plan: &Plan, level: &LevelId) -> Result<(), ActionError> {
    if plan.level(level).is_some() {
        Ok(())
    } else {
        let known = list(plan.doc().levels.iter().map(|l| l.id.as_str()));
        Err(ActionError::UnknownLevel(level.to_string(), known))
    }
}

impl Incident {
    /// Checks an action against the incident and the plan it runs under, and
    /// returns the event to record.
    ///
    /// # Errors
    /// Why the action cannot be done now.
    pub fn check(&self, plan: &Plan, action: Action) -> Result<Event, ActionError> {
        if let Action::Reopen { reason } = action {
            non_empty(&reason, "reason")?;
            return if self.is_open() {
                Err(ActionError::AlreadyOpen)
            } else {
                Ok(Event::Reopened { reason })
            };
        }
        if !self.is_open() {
            return Err(ActionError::Closed);
        }
        Ok(match action {
            Action::SetStep { step, status } => {
                self.known_step(plan, &step)?;
                match &status {
                    StepStatus::Skipped { reason } | StepStatus::Blocked { reason } => {
                        non_empty(reason, "reason")?;
                    }
                    _ => {}
                }
                Event::StepStatus { step, status }
            }
            Action::Record { step, value } => {
                let StepKind::Record { value: kind, .. } = &self.known_step(plan, &step)?.kind
                else {
                    return Err(ActionError::WrongKind {
                        step: step.to_string(),
                        needed: "record",
                    });
                };
                let value = value.trim().to_owned();
                non_empty(&value, "value")?;
                if *kind == ValueKind::Count
                    && value.replace([',', '，', '_'], "").parse::<u64>().is_err()
                {
                    return Err(ActionError::NotACount {
                        step: step.to_string(),
                        value,
                    });
                }
                Event::ValueRecorded { step, value }
            }
            Action::Decide { step, yes } => {
                let StepKind::Decision {
                    yes: on_yes, no, ..
                } = &self.known_step(plan, &step)?.kind
                else {
                    return Err(ActionError::WrongKind {
                        step: step.to_string(),
                        needed: "decision",
                    });
                };
                let next = if yes { on_yes.clone() } else { no.clone() };
                Event::DecisionAnswered { step, yes, next }
            }
            Action::Call {
                to,
                via,
                outcome,
                note,
            } => {
                check_target(plan, &to)?;
                Event::CallAttempt {
                    to,
                    via,
                    outcome,
                    note,
                }
            }
            Action::Message {
                template,
                audience,
                text,
            } => {
                non_empty(&text, "message")?;
                let audience = match &template {
                    Some(id) => {
                        let t = plan
                            .template(id)
                            .ok_or_else(|| ActionError::UnknownTemplate(id.to_string()))?;
                        audience.unwrap_or(t.audience)
                    }
                    None => audience.ok_or(ActionError::NoAudience)?,
                };
                Event::MessageSent {
                    template,
                    audience,
                    text,
                }
            }
            Action::Note { text } => {
                non_empty(&text, "note")?;
                Event::Note { text }
            }
            Action::ChangeLevel { to, reason } => {
                check_level(plan, &to)?;
                non_empty(&reason, "reason")?;
                if to == self.level {
                    return Err(ActionError::SameLevel(to.to_string()));
                }
                Event::LevelChanged {
                    from: self.level.clone(),
                    to,
                    reason,
                }
            }
            Action::IssueWarning { level, note } => {
                check_level(plan, &level)?;
                Event::WarningIssued { level, note }
            }
            Action::LiftWarning { level, note } => {
                if !self.warnings.contains(&level) {
                    return Err(ActionError::WarningNotInForce(level.to_string()));
                }
                Event::WarningLifted { level, note }
            }
            Action::HandOver { to, note } => {
                non_empty(&to, "new commander's name")?;
                Event::CommandHandedOver {
                    from: self.commander.clone(),
                    to: to.trim().to_owned(),
                    note,
                }
            }
            Action::DutyDone { duty, note } => {
                let held = self.levels_held.iter().filter_map(|l| plan.level(l));
                if !held.flat_map(|l| &l.duties).any(|d| d.id == duty) {
                    return Err(ActionError::UnknownDuty(duty.to_string()));
                }
                Event::DutyDone { duty, note }
            }
            Action::Close { summary } => {
                non_empty(&summary, "summary")?;
                Event::Closed { summary }
            }
            Action::Reopen { .. } => return Err(ActionError::AlreadyOpen),
        })
    }

    /// A step of this incident's flow.
    fn known_step<'p>(
        &self,
        plan: &'p Plan,
        id: &StepId,
    ) -> Result<&'p crate::model::plan::doc::Step, ActionError> {
        plan.flow(&self.class)
            .into_iter()
            .find(|s| s.step.id == *id)
            .map(|s| s.step)
            .ok_or_else(|| ActionError::UnknownStep(id.to_string()))
    }
}

fn check_target(plan: &Plan, to: &Target) -> Result<(), ActionError> {
    let found = match to {
        Target::Role(id) => plan.role(id).is_some(),
        Target::Person(id) => plan.person(id).is_some(),
        Target::External(id) => plan.doc().externals.iter().any(|e| e.id == *id),
    };
    if found {
        Ok(())
    } else {
        let (what, id) = match to {
            Target::Role(id) => ("role", id.to_string()),
            Target::Person(id) => ("person", id.to_string()),
            Target::External(id) => ("external contact", id.to_string()),
        };
        Err(ActionError::UnknownTarget(what, id))
    }
}
