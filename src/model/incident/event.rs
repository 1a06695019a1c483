//! What can happen during an incident, as events.
//!
//! An incident's state is never stored: it is the fold of these events (see
//! [`super::Incident::apply`]). Events are what the log writes, one per line,
//! so they are plain serde types with stable, snake_case names that a person
//! can read in the JSON.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

pub use super::followup::{Owner, ReviewField};
use crate::model::ids::{ClassId, ItemId, LevelId, PersonId, RoleId, StepId, TemplateId};
use crate::model::plan::Plan;
use crate::model::plan::contacts::{Callee, Kinds, NameError, find_target};
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
    /// Who recorded it. `SmolStr`, like the device: both are short and
    /// repeated on every entry, and the replay holds every entry, so they
    /// sit inline rather than as two heap chunks an entry.
    pub by: SmolStr,
    /// On which device.
    pub device: SmolStr,
    /// What the writing device had seen of the other writers' logs: the
    /// causal order of the merge (see [`super::merge`]). Empty in logs from
    /// before it was recorded, and on a single device.
    #[serde(default, skip_serializing_if = "Causes::is_empty")]
    pub after: Causes,
    /// What happened.
    pub event: Event,
}

/// What a writer had seen when it wrote an entry: for each other writer
/// (named as in its log's file name: `laptop-a`, `laptop-a+2`), how many of
/// that writer's entries come before this one — read directly, or known
/// through an entry that had read them. A version vector: it makes "written
/// after reading" an order that the clocks of the laptops cannot upset.
///
/// Boxed, and absent when empty: on one device (the usual case) it is
/// empty on every entry, and the replay holds one per entry, so an empty
/// one costs 8 bytes rather than a `BTreeMap`'s 24. Written and read as
/// the map itself.
// The box is the point (8 bytes inline, not 24), and it is allocated only
// for the entries of several devices.
#[allow(clippy::box_collection)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Causes(Option<Box<BTreeMap<String, u64>>>);

impl Serialize for Causes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(map) => map.serialize(s),
            None => BTreeMap::<String, u64>::new().serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Causes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BTreeMap::deserialize(d).map(Self::from)
    }
}

impl From<BTreeMap<String, u64>> for Causes {
    fn from(map: BTreeMap<String, u64>) -> Self {
        // An empty map is kept as none: the same to every reader.
        Self((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl Causes {
    /// Whether nothing of other writers was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.iter().all(|(_, &n)| n == 0)
    }

    /// Each writer named, with its count, in the order of their names.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &u64)> {
        self.0.iter().flat_map(|m| m.iter())
    }

    /// How many entries of `writer` come before.
    #[must_use]
    pub fn of(&self, writer: &str) -> u64 {
        self.0
            .as_ref()
            .and_then(|m| m.get(writer))
            .copied()
            .unwrap_or(0)
    }

    /// The same, without `writer`: what a new entry of `writer` comes
    /// after, given what its reader has seen of every writer.
    #[must_use]
    pub fn without(mut self, writer: &str) -> Self {
        if let Some(m) = &mut self.0 {
            m.remove(writer);
            if m.is_empty() {
                self.0 = None;
            }
        }
        self
    }

    /// Raises the count of `writer` to at least `n`.
    pub fn raise(&mut self, writer: &str, n: u64) {
        if n > 0 {
            let map = self.0.get_or_insert_with(Box::default);
            let c = map.entry(writer.to_owned()).or_insert(0);
            *c = (*c).max(n);
        }
    }

    /// Takes the larger count of each writer.
    pub fn join(&mut self, other: &Self) {
        for (w, &n) in other.iter() {
            self.raise(w, n);
        }
    }
}

impl Event {
    /// The step an event is about, if it is about one.
    #[must_use]
    pub fn step(&self) -> Option<&StepId> {
        match self {
            Self::StepStatus { step, .. }
            | Self::ValueRecorded { step, .. }
            | Self::DecisionAnswered { step, .. } => Some(step),
            Self::Note { step, .. } => step.as_ref(),
            _ => None,
        }
    }
}

impl Entry {
    /// Who recorded it, on which device: `name@device`, as the timeline
    /// and the papers sign an entry.
    #[must_use]
    pub fn recorder(&self) -> String {
        format!("{}@{}", self.by, self.device)
    }

    /// When it happened: `happened_at` if given, else when it was recorded.
    #[must_use]
    pub fn at(&self) -> DateTime<Utc> {
        self.happened_at.unwrap_or(self.recorded_at)
    }
}

/// Everything that can happen during an incident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The incident was declared. Its facts are boxed: the largest of
    /// the events by far, and once in a log, it would otherwise set the
    /// size of every event the replay holds. Written exactly as the fields
    /// of a struct variant would be.
    Declared(Box<Declared>),
    /// The level was raised or lowered.
    LevelChanged {
        /// The level before.
        from: LevelId,
        /// The level after.
        to: LevelId,
        /// Why. Boxed (8 bytes inline, not 24) so that this rare event
        /// does not set the size of every event a replay holds.
        #[allow(clippy::box_collection)]
        reason: Box<String>,
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
        to: Box<Target>,
        /// How.
        via: Channel,
        /// What came of it.
        outcome: CallOutcome,
        /// Anything worth keeping.
        #[serde(default)]
        note: String,
        /// The call of the tree the attempt was for (that call's target),
        /// when the person called is only its fallback.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<Box<Target>>,
    },
    /// A message went out.
    MessageSent {
        /// The template it came from, if any.
        template: Option<TemplateId>,
        /// Who it was for.
        audience: Audience,
        /// How it went out, when recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<MessageChannel>,
        /// The final text, as sent.
        text: String,
    },
    /// A free-text note for the timeline, about the incident or one step.
    Note {
        /// The note.
        text: String,
        /// The step it is about, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepId>,
        /// The entry it corrects, if it is a correction: entries never
        /// change, a correction is a new entry that points at the old one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corrects: Option<Box<EntryRef>>,
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
        from: Box<Commander>,
        /// Who has it now.
        to: Box<Commander>,
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
    /// The drill scenario of the plan this drill plays, named when it is
    /// declared: its evaluation covers that scenario's targets only.
    ScenarioNamed {
        /// The drill's id in the plan.
        drill: ItemId,
    },
    /// An entry taken back by the operator who made it, soon after (an
    /// accidental key): entries never change, so the undo is a new entry
    /// that points at the one it takes back, and what that one changed is
    /// as it was before it.
    Undone {
        /// The entry taken back.
        undoes: EntryRef,
    },
    /// An action item of the review: work the incident found, with an
    /// owner and a due date, tracked until it is done or dropped. Taken on
    /// a closed incident too, without reopening it.
    ActionItemAdded {
        /// What is to be done.
        text: String,
        /// Who does it.
        owner: Box<Owner>,
        /// By when, as a date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
        /// Recorded while the incident was closed.
        #[serde(default, skip_serializing_if = "is_false")]
        after_close: bool,
    },
    /// An action item was done.
    ActionItemDone {
        /// The entry that added it.
        item: Box<EntryRef>,
        /// Its number (A1 is 1) as the writer saw it: tells apart items
        /// added in the same instant on one device, which share `item`.
        #[serde(default)]
        number: usize,
        /// What was done, where to see it.
        #[serde(default)]
        note: String,
        /// Recorded while the incident was closed.
        #[serde(default, skip_serializing_if = "is_false")]
        after_close: bool,
    },
    /// An action item was dropped, with the reason.
    ActionItemDropped {
        /// The entry that added it.
        item: Box<EntryRef>,
        /// Its number, as for [`Event::ActionItemDone`].
        #[serde(default)]
        number: usize,
        /// Why.
        reason: String,
        /// Recorded while the incident was closed.
        #[serde(default, skip_serializing_if = "is_false")]
        after_close: bool,
    },
    /// One of the review's findings written down (the summary, what went
    /// well or badly, a cause, a contributing factor); a later one of the
    /// same field adds to it.
    ReviewRecorded {
        /// Which of the review's fields.
        field: ReviewField,
        /// The text.
        text: String,
        /// Recorded while the incident was closed.
        #[serde(default, skip_serializing_if = "is_false")]
        after_close: bool,
    },
    /// A clock's alert acknowledged, or held back for some minutes (a
    /// snooze): who is the entry's, which clock, the due time and stage
    /// the alert was for, and for how long.
    ClockAcknowledged {
        /// The clock.
        clock: Box<super::ClockKind>,
        /// When it falls due, as the alert said.
        due: DateTime<Utc>,
        /// Amber or red.
        stage: super::Stage,
        /// Held back for this many minutes; `None`: acknowledged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        snooze_minutes: Option<u32>,
    },
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::model::tag_first::deserialize(d)
    }
}

impl crate::model::tag_first::Mirrored for Event {
    const TAG: &'static str = "type";
    fn from_external<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        EventDef::deserialize(d)
    }
}

/// [`Event`] for reading, field for field (the compiler holds it to it):
/// the log is read through it in one pass (see [`crate::model::tag_first`]).
/// A field added to `Event` is added here with the same `default`.
#[derive(Deserialize)]
#[serde(remote = "Event", rename_all = "snake_case", deny_unknown_fields)]
enum EventDef {
    Declared(Box<Declared>),
    LevelChanged {
        from: LevelId,
        to: LevelId,
        #[allow(clippy::box_collection)]
        reason: Box<String>,
    },
    StepStatus {
        step: StepId,
        status: StepStatus,
    },
    ValueRecorded {
        step: StepId,
        value: String,
    },
    DecisionAnswered {
        step: StepId,
        yes: bool,
        next: StepId,
    },
    CallAttempt {
        to: Box<Target>,
        via: Channel,
        outcome: CallOutcome,
        #[serde(default)]
        note: String,
        #[serde(default)]
        line: Option<Box<Target>>,
    },
    MessageSent {
        template: Option<TemplateId>,
        audience: Audience,
        #[serde(default)]
        channel: Option<MessageChannel>,
        text: String,
    },
    Note {
        text: String,
        #[serde(default)]
        step: Option<StepId>,
        #[serde(default)]
        corrects: Option<Box<EntryRef>>,
    },
    WarningIssued {
        level: LevelId,
        #[serde(default)]
        note: String,
    },
    WarningLifted {
        level: LevelId,
        #[serde(default)]
        note: String,
    },
    CommandHandedOver {
        from: Box<Commander>,
        to: Box<Commander>,
        #[serde(default)]
        note: String,
    },
    DutyDone {
        duty: ItemId,
        #[serde(default)]
        note: String,
    },
    Closed {
        summary: String,
    },
    Reopened {
        reason: String,
    },
    ScenarioNamed {
        drill: ItemId,
    },
    Undone {
        undoes: EntryRef,
    },
    ActionItemAdded {
        text: String,
        owner: Box<Owner>,
        #[serde(default)]
        due: Option<NaiveDate>,
        #[serde(default)]
        after_close: bool,
    },
    ActionItemDone {
        item: Box<EntryRef>,
        #[serde(default)]
        number: usize,
        #[serde(default)]
        note: String,
        #[serde(default)]
        after_close: bool,
    },
    ActionItemDropped {
        item: Box<EntryRef>,
        #[serde(default)]
        number: usize,
        reason: String,
        #[serde(default)]
        after_close: bool,
    },
    ReviewRecorded {
        field: ReviewField,
        text: String,
        #[serde(default)]
        after_close: bool,
    },
    ClockAcknowledged {
        clock: Box<super::ClockKind>,
        due: DateTime<Utc>,
        stage: super::Stage,
        #[serde(default)]
        snooze_minutes: Option<u32>,
    },
}

/// What a declaration records (see [`Event::Declared`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    /// A short title, such as "直播卡顿 华东区".
    pub title: String,
    /// The fault class.
    pub class: ClassId,
    /// The response level declared.
    pub level: LevelId,
    /// The assessment questions answered, with the answer: the evidence
    /// for the level.
    pub answers: Vec<Answer>,
    /// The level the answers suggested, when they suggested one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_level: Option<LevelId>,
    /// Why the operator chose a level other than the suggested one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_reason: Option<String>,
    /// When the fault was discovered, if earlier than the declaration:
    /// clocks that count from discovery (the regulator's 4 hours) start
    /// there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovered_at: Option<DateTime<Utc>>,
    /// Who takes command; older logs leave it out, and then the person
    /// who declared is in command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commander: Option<Commander>,
    /// A drill, kept apart from real incidents.
    pub drill: bool,
    /// The plan's version, as its `meta.version` says.
    pub plan_version: String,
    /// SHA-256 of the exact plan file, hex.
    pub plan_sha256: String,
}

/// For `skip_serializing_if`: a flag written only when it is set.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_false(b: &bool) -> bool {
    !*b
}

/// How a message went out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageChannel {
    /// Text message.
    Sms,
    /// The app's push notification or in-app message.
    AppPush,
    /// Instant messaging (class and parent groups).
    Im,
    /// E-mail.
    Email,
    /// The website or a public notice.
    Website,
    /// Read out on the phone or a call.
    Phone,
    /// Anything else.
    Other,
}

impl MessageChannel {
    /// Every channel, in the order offered.
    pub const ALL: [Self; 7] = [
        Self::Sms,
        Self::AppPush,
        Self::Im,
        Self::Email,
        Self::Website,
        Self::Phone,
        Self::Other,
    ];
}

/// Which entry another one refers to: when it was recorded, and where.
/// Entries have no ids of their own; this pair is unique in practice (one
/// device records one entry at a time) and readable in the log.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRef {
    /// When the entry was recorded.
    pub recorded_at: DateTime<Utc>,
    /// On which device (inline, as in [`Entry`]: a copy costs no heap).
    pub device: SmolStr,
}

impl EntryRef {
    /// The reference to an entry.
    #[must_use]
    pub fn to(entry: &Entry) -> Self {
        Self {
            recorded_at: entry.recorded_at,
            device: entry.device.clone(),
        }
    }

    /// Whether this refers to `entry`.
    #[must_use]
    pub fn is(&self, entry: &Entry) -> bool {
        self.recorded_at == entry.recorded_at && self.device == entry.device
    }
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

/// Who is in command: someone the plan names where possible, so that their
/// phone number and role come from the plan; a free name only for someone the
/// plan does not know (a manager from another site, say).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", from = "CommanderRepr")]
pub enum Commander {
    /// A person of the plan.
    Person(PersonId),
    /// Whoever holds a role of the plan.
    Role(RoleId),
    /// Someone the plan does not name.
    Named(String),
}

/// How a commander is read from a log: tagged (`{"person":"li-ming"}`), or a
/// bare name as logs before version 0.2 wrote it. (`untagged` is kept out of
/// the plan format for ron's sake; this is JSON, read by serde_json.)
#[derive(Deserialize)]
#[serde(untagged)]
enum CommanderRepr {
    Tagged(CommanderTagged),
    Bare(String),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum CommanderTagged {
    Person(PersonId),
    Role(RoleId),
    Named(String),
}

impl Commander {
    /// The plan's entry for the commander: a person, or a role and its
    /// holder; `None` for a free name or an id the plan no longer has.
    #[must_use]
    pub fn callee<'p>(&self, plan: &'p Plan) -> Option<Callee<'p>> {
        match self {
            Self::Person(id) => plan.person(id).map(Callee::Person),
            Self::Role(id) => plan.role(id).map(|role| Callee::Role {
                role,
                holder: plan.person(&role.holder),
            }),
            Self::Named(_) => None,
        }
    }

    /// Whom a typed name means: a person or a role of the plan, by id
    /// (`person:ID`, `role:ID` or a bare id) or by the name the plan shows,
    /// else someone the plan does not name.
    ///
    /// # Errors
    /// The name (or id) is several people's or roles', each listed: the
    /// command is not given to a guess.
    pub fn find(plan: &Plan, typed: &str) -> Result<Self, NameError> {
        match find_target(plan, typed, Kinds::COMMANDERS) {
            Ok(Target::Person(id)) => Ok(Self::Person(id)),
            Ok(Target::Role(id)) => Ok(Self::Role(id)),
            Ok(Target::External(_)) | Err(NameError::Unknown(_)) => {
                Ok(Self::Named(typed.trim().to_owned()))
            }
            Err(e) => Err(e),
        }
    }

    /// As [`Self::find`], with a name several share kept as a name: for
    /// the operator's own name, which nobody chose as a commander's.
    #[must_use]
    pub fn resolve(plan: &Plan, typed: &str) -> Self {
        Self::find(plan, typed).unwrap_or_else(|_| Self::Named(typed.trim().to_owned()))
    }
}

impl From<CommanderRepr> for Commander {
    fn from(repr: CommanderRepr) -> Self {
        match repr {
            CommanderRepr::Tagged(CommanderTagged::Person(id)) => Self::Person(id),
            CommanderRepr::Tagged(CommanderTagged::Role(id)) => Self::Role(id),
            CommanderRepr::Tagged(CommanderTagged::Named(name)) | CommanderRepr::Bare(name) => {
                Self::Named(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The replay holds every entry of an incident (a long one has a
    /// hundred thousand), so their size is most of what reading one
    /// costs in memory, and time: 336 bytes an entry before the ids and
    /// names went inline (`SmolStr`) and the rare large events and fields
    /// were boxed (the declaration; a level change's reason; who was
    /// called, and on whose line; an item's owner; the clock acknowledged).
    /// An event that grows past this bound is boxed likewise.
    #[test]
    fn an_entry_stays_small() {
        assert!(
            std::mem::size_of::<Event>() <= EVENT_MAX,
            "Event: {}",
            std::mem::size_of::<Event>()
        );
        assert!(
            std::mem::size_of::<Entry>() <= ENTRY_MAX,
            "Entry: {}",
            std::mem::size_of::<Entry>()
        );
    }

    const EVENT_MAX: usize = 64;
    const ENTRY_MAX: usize = 144;

    /// The declaration is a boxed struct now, read through the newtype
    /// variant: it is written as before, and a field nobody recorded is
    /// still refused, not skipped.
    #[test]
    fn a_declaration_reads_as_written_and_refuses_an_unknown_field() {
        let line = r#"{"type":"declared","title":"t","class":"network","level":"II","answers":[],"drill":false,"plan_version":"2.2","plan_sha256":"ab"}"#;
        let event: Event = serde_json::from_str(line).unwrap();
        assert!(matches!(&event, Event::Declared(d) if d.title == "t" && d.level.as_str() == "II"));
        assert_eq!(serde_json::to_string(&event).unwrap(), line);
        let forged = line.replace(r#""drill":false"#, r#""drill":false,"approved":true"#);
        let refused = serde_json::from_str::<Event>(&forged)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("approved"), "{refused}");
    }

    #[test]
    fn a_commander_reads_tagged_and_as_older_logs_wrote_it() {
        let tagged = serde_json::to_string(&Commander::Person(PersonId::new("li-ming"))).unwrap();
        assert_eq!(tagged, r#"{"person":"li-ming"}"#);
        let back: Commander = serde_json::from_str(&tagged).unwrap();
        assert_eq!(back, Commander::Person(PersonId::new("li-ming")));
        let old: Commander = serde_json::from_str(r#""Bob""#).unwrap();
        assert_eq!(old, Commander::Named("Bob".into()));
        let event: Event = serde_json::from_str(
            r#"{"type":"command_handed_over","from":"alex","to":"Bob","note":""}"#,
        )
        .unwrap();
        assert_eq!(
            event,
            Event::CommandHandedOver {
                from: Box::new(Commander::Named("alex".into())),
                to: Box::new(Commander::Named("Bob".into())),
                note: String::new(),
            }
        );
        assert!(serde_json::from_str::<Commander>(r#"{"boss":"x"}"#).is_err());
    }

    #[test]
    fn a_declaration_from_an_older_log_has_no_new_facts() {
        let event: Event = serde_json::from_str(
            r#"{"type":"declared","title":"t","class":"network","level":"II","answers":[],"drill":true,"plan_version":"1","plan_sha256":"ab"}"#,
        )
        .unwrap();
        let Event::Declared(declared) = event else {
            panic!("{event:?}");
        };
        let Declared {
            suggested_level,
            level_reason,
            discovered_at,
            commander,
            ..
        } = *declared;
        assert!(suggested_level.is_none() && level_reason.is_none());
        assert!(discovered_at.is_none() && commander.is_none());
    }
}
