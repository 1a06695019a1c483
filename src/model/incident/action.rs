//! What a person can do during an incident, and whether it can be done now.
//!
//! Every button in the window and every `runbook incident` subcommand builds
//! an [`Action`]; [`Incident::check`] turns it into the [`Event`] to record,
//! or into an [`ActionError`] that says what is wrong and what to do. Nothing
//! is recorded until the check passes, so the log only holds meaningful events.

use chrono::{DateTime, Datelike as _, NaiveDate, Utc};

use crate::model::ids::{ClassId, ItemId, LevelId, StepId, TemplateId};
use crate::model::plan::Plan;
use crate::model::plan::doc::{Audience, StepKind, Target, ValueKind};
use crate::model::plan::template;

use super::Incident;
use super::event::{
    Answer, CallOutcome, Causes, Channel, Commander, Entry, EntryRef, Event, MessageChannel,
    StepStatus,
};
use super::followup::{Owner, ReviewField};

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
        /// The call of the tree it was for, when `to` is that call's fallback.
        line: Option<Target>,
    },
    /// Log a message sent, with its final text.
    Message {
        /// The template it came from.
        template: Option<TemplateId>,
        /// The audience; taken from the template when there is one.
        audience: Option<Audience>,
        /// How it went out.
        channel: Option<MessageChannel>,
        /// The text as sent.
        text: String,
    },
    /// Add a note, about the incident or one step, or correcting an entry.
    Note {
        /// The note.
        text: String,
        /// The step it is about.
        step: Option<StepId>,
        /// The entry it corrects.
        corrects: Option<EntryRef>,
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
        to: Commander,
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
    /// Acknowledge a clock's alert, or hold it back for some minutes.
    AckClock {
        /// The clock.
        clock: super::ClockKind,
        /// When it falls due, as the alert said.
        due: chrono::DateTime<chrono::Utc>,
        /// The stage the alert was at.
        stage: super::Stage,
        /// Hold it back for this many minutes; `None` acknowledges it.
        snooze_minutes: Option<u32>,
    },
    /// Name the plan's drill scenario this drill plays.
    NameScenario {
        /// The drill's id in the plan.
        drill: ItemId,
    },
    /// Take back an entry (see [`Incident::last_undoable`] for the one an
    /// operator's undo means).
    Undo {
        /// The entry taken back.
        entry: EntryRef,
    },
    /// Add an action item of the review (open or closed incident).
    AddActionItem {
        /// What is to be done.
        text: String,
        /// Who does it.
        owner: Owner,
        /// By when.
        due: Option<NaiveDate>,
    },
    /// Mark an action item done.
    ActionItemDone {
        /// Its number.
        item: usize,
        /// What was done.
        note: String,
    },
    /// Drop an action item.
    DropActionItem {
        /// Its number.
        item: usize,
        /// Why.
        reason: String,
    },
    /// Write down one of the review's findings.
    Review {
        /// Which field.
        field: ReviewField,
        /// The text.
        text: String,
    },
}

/// Why an action cannot be done. Each face words it in its own language
/// (`crate::i18n`); the data says what was given and what the plan knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// The incident is closed.
    Closed,
    /// The incident is open, so it cannot be reopened.
    AlreadyOpen,
    /// No such fault class.
    UnknownClass {
        /// The id given.
        given: ClassId,
        /// The plan's classes.
        known: Vec<ClassId>,
    },
    /// No such level.
    UnknownLevel {
        /// The id given.
        given: LevelId,
        /// The plan's levels.
        known: Vec<LevelId>,
    },
    /// No such step in this incident's checklist.
    UnknownStep(StepId),
    /// The step exists but is not of the kind the action needs.
    WrongKind {
        /// The step.
        step: StepId,
        /// The kind the action needs.
        needed: NeededKind,
    },
    /// A decision or a step that takes a value, marked done without its
    /// answer or value: it is done by answering it or recording the value,
    /// so that the walk takes the branch the answer chooses and the value
    /// is there for the messages.
    AnswerFirst {
        /// The step.
        step: StepId,
        /// What it needs first: its value, or its answer.
        needed: NeededKind,
    },
    /// A value that is none of the choices the step offers.
    NotAChoice {
        /// The step.
        step: StepId,
        /// The value given.
        value: String,
        /// The choices: id and label.
        choices: Vec<(String, String)>,
    },
    /// A value that does not fit a record step that counts.
    NotACount {
        /// The step.
        step: StepId,
        /// The value given.
        value: String,
    },
    /// No such question in the class's assessment.
    UnknownQuestion {
        /// The id given.
        given: ItemId,
        /// The class's questions.
        known: Vec<ItemId>,
    },
    /// No level given and no question answered yes.
    NoLevel,
    /// A level other than the suggested one, without saying why.
    LevelReasonMissing {
        /// The level suggested by the answers.
        suggested: LevelId,
        /// The level chosen.
        chosen: LevelId,
    },
    /// A discovery time after the declaration.
    DiscoveredLater,
    /// No such template.
    UnknownTemplate(TemplateId),
    /// No audience for a message without a template.
    NoAudience,
    /// No such person, role or contact.
    UnknownTarget(Target),
    /// No such duty at any level the incident has been at.
    UnknownDuty(ItemId),
    /// The level is the current one.
    SameLevel(LevelId),
    /// A warning that is not in force cannot be lifted.
    WarningNotInForce(LevelId),
    /// A required text is empty.
    Empty(Field),
    /// A message still has a placeholder nobody filled in.
    Unfilled(String),
    /// A correction points at an entry the incident does not have.
    UnknownEntry(EntryRef),
    /// A drill scenario named for an incident that is not a drill.
    NotADrill,
    /// No clock of that name is amber or red: nothing to acknowledge.
    NoAlert {
        /// The clock named.
        given: String,
        /// The clocks amber or red now (`update`, duties' ids).
        standing: Vec<String>,
    },
    /// A snooze shorter than a minute or longer than the longest.
    SnoozeMinutes {
        /// The minutes given.
        given: u32,
        /// The longest snooze.
        max: u32,
    },
    /// No such drill scenario in the plan.
    UnknownScenario {
        /// The id given.
        given: ItemId,
        /// The plan's drills.
        known: Vec<ItemId>,
    },
    /// A time given for something that happened before the incident was
    /// discovered, without the operator confirming that it really did.
    BeforeDiscovery {
        /// The time given.
        at: DateTime<Utc>,
        /// When the incident was discovered.
        discovered: DateTime<Utc>,
    },
    /// A text longer than one entry may hold ([`MAX_TEXT_BYTES`]).
    TooLong {
        /// Which text.
        field: Field,
        /// Its length in bytes (UTF-8).
        bytes: usize,
        /// The most one text may have.
        max: usize,
    },
    /// An entry cannot be taken back.
    Undo(UndoRefusal),
    /// No action item has this number.
    UnknownActionItem {
        /// The number given.
        given: usize,
        /// The incident's items' numbers.
        known: Vec<usize>,
    },
    /// The action item is already done (or dropped).
    ActionItemSettled {
        /// Its number.
        item: usize,
        /// Done, rather than dropped.
        done: bool,
    },
    /// A typed name that names nobody, or several.
    Name(crate::model::plan::contacts::NameError),
    /// A call attempt on someone who may answer several calls of the tree
    /// still open, without saying which it was for.
    WhichCall {
        /// Who was called.
        to: Target,
        /// The calls: their place in the tree, their target, its name.
        calls: Vec<(String, Target, String)>,
    },
    /// The clock says a time that cannot be now for this plan: long before
    /// it was written, or decades after it. An entry stamped with it would
    /// put the record out of order for good, so nothing is written.
    ClockWrong {
        /// What the clock says.
        now: DateTime<Utc>,
        /// The plan's date it is measured against (its earliest, for a
        /// clock behind; its latest, for a clock ahead).
        plan_date: chrono::NaiveDate,
        /// Ahead (decades after the plan), rather than behind.
        ahead: bool,
    },
}

/// Why an entry cannot be taken back, with the entry (when there is one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoRefusal {
    /// The operator made no entry on this device that is not taken back.
    Nothing,
    /// A message, a level change, a warning, a handover, a close, a
    /// reopening or the declaration: each stands, and has its own way back.
    Stands(EntryRef),
    /// Already taken back.
    AlreadyUndone(EntryRef),
    /// Another operator's, or another device's.
    NotYours(EntryRef),
    /// Older than [`super::UNDO_MINUTES`]: a note corrects it.
    TooLate(EntryRef),
}

/// How long before the plan's earliest date (its effective date or a
/// revision) a clock may be: a plan drilled before it is in force, or
/// dated a little ahead, is no sign of a wrong clock.
const CLOCK_BEHIND_DAYS: i64 = 366;

/// How many years after the plan's latest date a clock may be.
const CLOCK_AHEAD_YEARS: i32 = 30;

/// Checks that `now` can be the time for an entry under `plan`: not more
/// than a year before the plan's earliest date, nor more than thirty years
/// after its latest (a clock reset to 1970 by a dead battery, or set to
/// 9999 by hand).
///
/// # Errors
/// [`ActionError::ClockWrong`], with the plan's date it was measured
/// against.
pub fn check_clock(plan: &Plan, now: DateTime<Utc>) -> Result<(), ActionError> {
    let meta = &plan.doc().meta;
    let dates =
        std::iter::once(meta.effective.0).chain(plan.doc().revisions.iter().map(|r| r.date.0));
    let (Some(earliest), Some(latest)) = (dates.clone().min(), dates.max()) else {
        return Ok(());
    };
    let today = now.date_naive();
    if today < earliest - chrono::Duration::days(CLOCK_BEHIND_DAYS) {
        return Err(ActionError::ClockWrong {
            now,
            plan_date: earliest,
            ahead: false,
        });
    }
    let limit = latest
        .with_year(latest.year() + CLOCK_AHEAD_YEARS)
        .unwrap_or(chrono::NaiveDate::MAX);
    if today > limit {
        return Err(ActionError::ClockWrong {
            now,
            plan_date: latest,
            ahead: true,
        });
    }
    Ok(())
}

/// When something recorded happened, when that is earlier than the moment
/// it is recorded (a scribe catching up on the bridge call).
///
/// The boundary that reads the typed time ([`crate::clock::parse_past`])
/// has already refused the future and the absurd; what only the incident
/// knows is checked by [`Incident::check_happened`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Happened {
    /// When.
    pub at: DateTime<Utc>,
    /// The operator confirmed it happened before the incident was
    /// discovered (it did: the discovery time was only noticed late).
    pub before_discovery: bool,
}

impl Happened {
    /// A time given, not confirmed as earlier than the discovery.
    #[must_use]
    pub fn at(at: DateTime<Utc>) -> Self {
        Self {
            at,
            before_discovery: false,
        }
    }

    /// A time given and confirmed, even if earlier than the discovery.
    #[must_use]
    pub fn confirmed(at: DateTime<Utc>) -> Self {
        Self {
            at,
            before_discovery: true,
        }
    }
}

/// The most bytes (UTF-8) one free text of an entry may have: 1 MiB.
///
/// Ample for anything a person types or pastes (a whole log excerpt or a
/// long message is well under it), and small enough that one entry cannot
/// fill a disk or make the log slow to read: each entry is one line, written
/// with one write and read back whole.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// Checks a text's length against [`MAX_TEXT_BYTES`]; the length alone, so
/// a caller can refuse a text it has not finished reading (the command line
/// reading standard input) with the same words.
///
/// # Errors
/// `TooLong` when it is longer.
pub fn check_length(field: Field, bytes: usize) -> Result<(), ActionError> {
    if bytes > MAX_TEXT_BYTES {
        Err(ActionError::TooLong {
            field,
            bytes,
            max: MAX_TEXT_BYTES,
        })
    } else {
        Ok(())
    }
}

/// The kind of step an action needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeededKind {
    /// A step that records a value.
    Record,
    /// A yes/no decision.
    Decision,
}

/// A text an action cannot do without.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The incident's title.
    Title,
    /// The reason for a skip, a block, a level change or a reopening.
    Reason,
    /// A record step's value.
    Value,
    /// A message's text.
    Message,
    /// A note.
    Note,
    /// The new commander.
    Commander,
    /// The closing summary.
    Summary,
    /// An action item's text.
    ActionItem,
    /// An action item's owner.
    Owner,
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
    /// Why the level differs from the suggested one (required when it does).
    pub level_reason: Option<String>,
    /// Answers to the class's assessment questions.
    pub answers: Vec<Answer>,
    /// When the fault was discovered, if earlier than now.
    pub discovered_at: Option<DateTime<Utc>>,
    /// Who takes command; `None` for whoever declares.
    pub commander: Option<Commander>,
    /// A drill rather than a real incident.
    pub drill: bool,
}

fn fits(text: &str, what: Field) -> Result<(), ActionError> {
    check_length(what, text.len())
}

fn non_empty(text: &str, what: Field) -> Result<(), ActionError> {
    if text.trim().is_empty() {
        Err(ActionError::Empty(what))
    } else {
        Ok(())
    }
}

/// Checks a declaration against the plan and returns the event to record;
/// `now` is when it is declared.
///
/// # Errors
/// An unknown class, level or question; an empty title; no level and no
/// question answered yes; another level than the suggested one without a
/// reason; a discovery after `now`; a text longer than [`MAX_TEXT_BYTES`].
pub fn declare(
    plan: &Plan,
    plan_sha256: &str,
    d: Declaration,
    now: DateTime<Utc>,
) -> Result<Event, ActionError> {
    fits(&d.title, Field::Title)?;
    if let Some(reason) = &d.level_reason {
        fits(reason, Field::Reason)?;
    }
    if let Some(Commander::Named(name)) = &d.commander {
        fits(name, Field::Commander)?;
    }
    non_empty(&d.title, Field::Title)?;
    let Some(class) = plan.class(&d.class) else {
        let known = plan.doc().classes.iter().map(|c| c.id.clone()).collect();
        return Err(ActionError::UnknownClass {
            given: d.class,
            known,
        });
    };
    for a in &d.answers {
        if !class.assessment.iter().any(|q| q.id == a.question) {
            let known = class.assessment.iter().map(|q| q.id.clone()).collect();
            return Err(ActionError::UnknownQuestion {
                given: a.question.clone(),
                known,
            });
        }
    }
    if d.discovered_at.is_some_and(|t| t > now) {
        return Err(ActionError::DiscoveredLater);
    }
    let suggested = suggested_level(plan, &d.class, &d.answers);
    let reason = d
        .level_reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    let level = match (d.level, &suggested) {
        (Some(level), _) => {
            check_level(plan, &level)?;
            if let Some(s) = &suggested
                && *s != level
                && reason.is_none()
            {
                return Err(ActionError::LevelReasonMissing {
                    suggested: s.clone(),
                    chosen: level,
                });
            }
            level
        }
        (None, Some(s)) => s.clone(),
        (None, None) => return Err(ActionError::NoLevel),
    };
    // A reason is only kept where it explains a choice against the suggestion.
    let level_reason = reason.filter(|_| suggested.as_ref() != Some(&level));
    Ok(Event::Declared(Box::new(super::Declared {
        title: d.title.trim().to_owned(),
        class: d.class,
        level,
        answers: d.answers,
        suggested_level: suggested,
        level_reason,
        discovered_at: d.discovered_at,
        commander: d.commander,
        drill: d.drill,
        plan_version: plan.doc().meta.version.clone(),
        plan_sha256: plan_sha256.to_owned(),
    })))
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
        let known = plan.doc().levels.iter().map(|l| l.id.clone()).collect();
        Err(ActionError::UnknownLevel {
            given: level.clone(),
            known,
        })
    }
}

/// Who makes an entry, where and when: what every new entry is stamped
/// with besides its event.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    /// Who records it.
    pub by: &'a str,
    /// On which device.
    pub device: &'a str,
    /// When it is recorded.
    pub now: DateTime<Utc>,
}

impl Entry {
    /// A new entry, not yet seen by any writer: the one constructor of an
    /// entry the operator makes. What its writer has seen of the others
    /// (`after`) is stamped by the log as it writes it.
    fn made(event: Event, happened_at: Option<DateTime<Utc>>, stamp: Stamp<'_>) -> Self {
        Self {
            recorded_at: stamp.now,
            happened_at,
            by: stamp.by.into(),
            device: stamp.device.into(),
            after: Causes::default(),
            event,
        }
    }
}

/// Checks a declaration ([`declare`]) and builds the entry that starts the
/// incident's log.
///
/// # Errors
/// As [`declare`]; nothing is built.
pub fn declaration_entry(
    plan: &Plan,
    plan_sha256: &str,
    d: Declaration,
    stamp: Stamp<'_>,
) -> Result<Entry, ActionError> {
    check_clock(plan, stamp.now)?;
    let event = declare(plan, plan_sha256, d, stamp.now)?;
    Ok(Entry::made(event, None, stamp))
}

impl Incident {
    /// Checks when something happened against the incident: a time before
    /// the discovery is refused unless the operator confirmed it. Returns
    /// the time to record.
    ///
    /// # Errors
    /// [`ActionError::BeforeDiscovery`] for an unconfirmed earlier time.
    pub fn check_happened(
        &self,
        happened: Option<Happened>,
    ) -> Result<Option<DateTime<Utc>>, ActionError> {
        match happened {
            Some(h) if h.at < self.discovered_at() && !h.before_discovery => {
                Err(ActionError::BeforeDiscovery {
                    at: h.at,
                    discovered: self.discovered_at(),
                })
            }
            h => Ok(h.map(|h| h.at)),
        }
    }

    /// Checks an action, and when it happened, against the incident and the
    /// plan it runs under, and builds the entry to write: the one way an
    /// entry is made from what a person does, for the window and the
    /// command line alike. Nothing is applied: the caller writes it, then
    /// applies it.
    ///
    /// # Errors
    /// As [`Self::check_happened`] and [`Self::check`]; nothing is built.
    pub fn entry(
        &self,
        plan: &Plan,
        action: Action,
        happened: Option<Happened>,
        stamp: Stamp<'_>,
    ) -> Result<Entry, ActionError> {
        check_clock(plan, stamp.now)?;
        let happened_at = self.check_happened(happened)?;
        let event = match &action {
            // Only its own operator takes an entry back, on its device, soon.
            Action::Undo { entry } if self.is_open() => {
                action_texts_fit(&action)?;
                self.check_undo(entry, Some((stamp.by, stamp.device, stamp.now)))?
            }
            _ => self.check(plan, action)?,
        };
        Ok(Entry::made(event, happened_at, stamp))
    }

    /// Checks an action against the incident and the plan it runs under, and
    /// returns the event to record.
    ///
    /// # Errors
    /// Why the action cannot be done now; a text longer than [`MAX_TEXT_BYTES`].
    pub fn check(&self, plan: &Plan, action: Action) -> Result<Event, ActionError> {
        action_texts_fit(&action)?;
        // The review's entries: taken open or closed.
        if let Some(checked) = self.check_follow_up(plan, &action) {
            return checked;
        }
        if let Action::Reopen { reason } = action {
            non_empty(&reason, Field::Reason)?;
            return if self.is_open() {
                Err(ActionError::AlreadyOpen)
            } else {
                Ok(Event::Reopened { reason })
            };
        }
        // A note on a closed incident is an addendum: what a scribe learns
        // after the close (the vendor's root cause, a correction) belongs
        // in the record, marked as written after it; nothing else changes
        // a closed incident without reopening it.
        if !self.is_open() && !matches!(action, Action::Note { .. }) {
            return Err(ActionError::Closed);
        }
        Ok(match action {
            Action::SetStep { step, status } => {
                let kind = &self.known_step(plan, &step)?.kind;
                match &status {
                    StepStatus::Skipped { reason } | StepStatus::Blocked { reason } => {
                        non_empty(reason, Field::Reason)?;
                    }
                    StepStatus::Done => self.check_answered(&step, kind)?,
                    _ => {}
                }
                Event::StepStatus { step, status }
            }
            Action::Record { step, value } => self.check_record(plan, step, &value)?,
            Action::Decide { step, yes } => self.check_decision(plan, step, yes)?,
            Action::Call {
                to,
                via,
                outcome,
                note,
                line,
            } => {
                check_target(plan, &to)?;
                if let Some(line) = &line {
                    check_target(plan, line)?;
                }
                Event::CallAttempt {
                    to: Box::new(to),
                    via,
                    outcome,
                    note,
                    line: line.map(Box::new),
                }
            }
            Action::Message {
                template,
                audience,
                channel,
                text,
            } => check_message(plan, template, audience, channel, text)?,
            Action::Note {
                text,
                step,
                corrects,
            } => self.check_note(plan, text, step, corrects)?,
            Action::ChangeLevel { to, reason } => {
                check_level(plan, &to)?;
                non_empty(&reason, Field::Reason)?;
                if to == self.level {
                    return Err(ActionError::SameLevel(to));
                }
                Event::LevelChanged {
                    from: self.level.clone(),
                    to,
                    reason: Box::new(reason),
                }
            }
            Action::IssueWarning { level, note } => {
                check_level(plan, &level)?;
                Event::WarningIssued { level, note }
            }
            Action::LiftWarning { level, note } => {
                if !self.warnings.contains(&level) {
                    return Err(ActionError::WarningNotInForce(level));
                }
                Event::WarningLifted { level, note }
            }
            Action::HandOver { to, note } => {
                let to = match to {
                    Commander::Named(name) => {
                        non_empty(&name, Field::Commander)?;
                        Commander::Named(name.trim().to_owned())
                    }
                    known => check_commander(plan, known)?,
                };
                Event::CommandHandedOver {
                    from: Box::new(self.commander.clone()),
                    to: Box::new(to),
                    note,
                }
            }
            Action::DutyDone { duty, note } => {
                let held = self.levels_held.iter().filter_map(|l| plan.level(l));
                if !held.flat_map(|l| &l.duties).any(|d| d.id == duty) {
                    return Err(ActionError::UnknownDuty(duty));
                }
                Event::DutyDone { duty, note }
            }
            Action::Close { summary } => {
                non_empty(&summary, Field::Summary)?;
                Event::Closed { summary }
            }
            Action::Undo { entry } => self.check_undo(&entry, None)?,
            Action::Reopen { .. } => return Err(ActionError::AlreadyOpen),
            Action::NameScenario { drill } => self.scenario_named(plan, drill)?,
            Action::AddActionItem { .. }
            | Action::ActionItemDone { .. }
            | Action::DropActionItem { .. }
            | Action::Review { .. } => return Err(ActionError::Closed),
            Action::AckClock {
                clock,
                due,
                stage,
                snooze_minutes,
            } => self.check_ack(plan, clock, due, stage, snooze_minutes)?,
        })
    }

    /// A note names a step of the flow, and an entry it corrects that the
    /// incident has.
    fn check_note(
        &self,
        plan: &Plan,
        text: String,
        step: Option<StepId>,
        corrects: Option<EntryRef>,
    ) -> Result<Event, ActionError> {
        non_empty(&text, Field::Note)?;
        if let Some(step) = &step {
            self.known_step(plan, step)?;
        }
        if let Some(r) = &corrects
            && !self.timeline.iter().any(|e| r.is(e))
        {
            return Err(ActionError::UnknownEntry(r.clone()));
        }
        Ok(Event::Note {
            text,
            step,
            corrects: corrects.map(Box::new),
        })
    }

    /// A decision is done by its answer, a step that takes a value by the
    /// value: either may be marked done only once it has it.
    fn check_answered(&self, step: &StepId, kind: &StepKind) -> Result<(), ActionError> {
        let needed = match kind {
            StepKind::Decision { .. } if !self.decisions.contains_key(step) => NeededKind::Decision,
            StepKind::Record { .. } if !self.values.contains_key(step) => NeededKind::Record,
            _ => return Ok(()),
        };
        Err(ActionError::AnswerFirst {
            step: step.clone(),
            needed,
        })
    }

    fn check_record(&self, plan: &Plan, step: StepId, value: &str) -> Result<Event, ActionError> {
        let StepKind::Record {
            value: kind,
            choices,
            ..
        } = &self.known_step(plan, &step)?.kind
        else {
            return Err(ActionError::WrongKind {
                step,
                needed: NeededKind::Record,
            });
        };
        let value = value.trim().to_owned();
        non_empty(&value, Field::Value)?;
        // A step with choices takes one of them, by its label or its id,
        // and records its label: "yiban" is not a legal grade.
        if !choices.is_empty() {
            let Some(choice) = choices
                .iter()
                .find(|c| c.label.trim() == value || c.id.as_str().eq_ignore_ascii_case(&value))
            else {
                return Err(ActionError::NotAChoice {
                    step,
                    value,
                    choices: choices
                        .iter()
                        .map(|c| (c.id.to_string(), c.label.clone()))
                        .collect(),
                });
            };
            return Ok(Event::ValueRecorded {
                step,
                value: choice.label.clone(),
            });
        }
        // Counts are typed as people write them: 1,200 or 1，200 or 1_200.
        if *kind == ValueKind::Count && value.replace([',', '，', '_'], "").parse::<u64>().is_err()
        {
            return Err(ActionError::NotACount { step, value });
        }
        Ok(Event::ValueRecorded { step, value })
    }

    fn check_decision(&self, plan: &Plan, step: StepId, yes: bool) -> Result<Event, ActionError> {
        let StepKind::Decision {
            yes: on_yes, no, ..
        } = &self.known_step(plan, &step)?.kind
        else {
            return Err(ActionError::WrongKind {
                step,
                needed: NeededKind::Decision,
            });
        };
        let next = if yes { on_yes.clone() } else { no.clone() };
        Ok(Event::DecisionAnswered { step, yes, next })
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
            .ok_or_else(|| ActionError::UnknownStep(id.clone()))
    }
}

/// Every free text an action carries fits in one entry. Checked before
/// anything else, whatever else is wrong, and listed here in full so that a
/// new action's text cannot be forgotten (the match has no wildcard).
fn action_texts_fit(action: &Action) -> Result<(), ActionError> {
    match action {
        Action::SetStep { status, .. } => match status {
            StepStatus::Skipped { reason } | StepStatus::Blocked { reason } => {
                fits(reason, Field::Reason)
            }
            StepStatus::Done
            | StepStatus::NotApplicable
            | StepStatus::Deferred
            | StepStatus::Reopened => Ok(()),
        },
        Action::Record { value, .. } => fits(value, Field::Value),
        Action::Decide { .. }
        | Action::NameScenario { .. }
        | Action::Undo { .. }
        | Action::AckClock { .. } => Ok(()),
        Action::Call { note, .. }
        | Action::IssueWarning { note, .. }
        | Action::LiftWarning { note, .. }
        | Action::DutyDone { note, .. }
        | Action::ActionItemDone { note, .. } => fits(note, Field::Note),
        Action::Message { text, .. } => fits(text, Field::Message),
        Action::Note { text, .. } | Action::Review { text, .. } => fits(text, Field::Note),
        Action::ChangeLevel { reason, .. } | Action::Reopen { reason } => {
            fits(reason, Field::Reason)
        }
        Action::HandOver { to, note } => {
            if let Commander::Named(name) = to {
                fits(name, Field::Commander)?;
            }
            fits(note, Field::Note)
        }
        Action::Close { summary } => fits(summary, Field::Summary),
        Action::AddActionItem { text, owner, .. } => {
            if let Owner::Named(name) = owner {
                fits(name, Field::Owner)?;
            }
            fits(text, Field::ActionItem)
        }
        Action::DropActionItem { reason, .. } => fits(reason, Field::Reason),
    }
}

impl Incident {
    /// Naming the scenario a drill plays: only a drill does, and only one
    /// of the plan's drills.
    fn scenario_named(&self, plan: &Plan, drill: ItemId) -> Result<Event, ActionError> {
        if !self.is_drill() {
            return Err(ActionError::NotADrill);
        }
        check_scenario(plan, &drill)?;
        Ok(Event::ScenarioNamed { drill })
    }
}

/// A drill scenario is one of the plan's drills: checked before a drill
/// is declared with it, so a wrong id is refused with nothing written.
///
/// # Errors
/// The id is not one of the plan's drills; the error lists them.
pub fn check_scenario(plan: &Plan, drill: &ItemId) -> Result<(), ActionError> {
    let drills = &plan.doc().drills;
    if drills.iter().any(|d| d.id == *drill) {
        Ok(())
    } else {
        Err(ActionError::UnknownScenario {
            given: drill.clone(),
            known: drills.iter().map(|d| d.id.clone()).collect(),
        })
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
        Err(ActionError::UnknownTarget(to.clone()))
    }
}

fn check_commander(plan: &Plan, c: Commander) -> Result<Commander, ActionError> {
    match &c {
        Commander::Person(id) => check_target(plan, &Target::Person(id.clone()))?,
        Commander::Role(id) => check_target(plan, &Target::Role(id.clone()))?,
        Commander::Named(_) => {}
    }
    Ok(c)
}

/// A message names a template of the plan, or says whom it is for.
fn check_message(
    plan: &Plan,
    template: Option<TemplateId>,
    audience: Option<Audience>,
    channel: Option<MessageChannel>,
    text: String,
) -> Result<Event, ActionError> {
    non_empty(&text, Field::Message)?;
    // What goes out is what was read: a `{placeholder}` left in the text
    // means a fact was never filled in.
    if let Some(name) = template::unfilled(&text).first() {
        return Err(ActionError::Unfilled((*name).to_owned()));
    }
    let audience = match &template {
        Some(id) => {
            let t = plan
                .template(id)
                .ok_or_else(|| ActionError::UnknownTemplate(id.clone()))?;
            audience.unwrap_or(t.audience)
        }
        None => audience.ok_or(ActionError::NoAudience)?,
    };
    Ok(Event::MessageSent {
        template,
        audience,
        channel,
        text,
    })
}
