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
//! event or an [`ActionError`] saying why it cannot be done (each face words
//! it in its own language). The caller then writes the event durably and only
//! then applies it.

mod action;
pub mod alert;
pub mod board;
mod calls;
mod checklist;
mod condition;
pub mod event;
pub mod followup;
pub mod merge;
mod message;
mod summary;
mod undo;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};

pub use action::{
    Action, ActionError, Declaration, Field, Happened, MAX_TEXT_BYTES, NeededKind, Stamp,
    UndoRefusal, check_clock, check_length, check_scenario, declaration_entry, declare,
    suggested_level,
};
pub use alert::{Alert, MAX_SNOOZE_MINUTES, Stage};
pub use board::{Board, Overdue};
pub use calls::{CallLine, CallSheet, CallState, Candidate};
pub use checklist::{Applies, Clock, ClockKind, Item, ItemState, NEAR_MINUTES, Status, Urgency};
pub use condition::Truth;
pub use event::{
    Answer, CallOutcome, Causes, Channel, Commander, Declared, Entry, EntryRef, Event,
    MessageChannel, StepStatus,
};
pub use followup::{ActionItem, ActionState, Owner, ReviewField};
pub use summary::{Briefing, ClosingCheck, Deadline, Evaluated, OwedDuty, Timed, Verdict};
pub use undo::{UNDO_MINUTES, Undoable};

use crate::model::ids::{ClassId, ItemId, LevelId, StepId, TemplateId};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::Target;

/// An incident at a glance, as a list shows it: small enough to keep for
/// every incident on the laptop, where the state of a long one is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// Its title.
    pub title: String,
    /// Its fault class.
    pub class: ClassId,
    /// Its current level.
    pub level: LevelId,
    /// A drill.
    pub drill: bool,
    /// Still open.
    pub open: bool,
    /// When it was declared.
    pub declared_at: DateTime<Utc>,
    /// When anything was last recorded.
    pub last_activity: DateTime<Utc>,
    /// When it was closed, if it is.
    pub closed_at: Option<DateTime<Utc>>,
    /// Its action items still open, in the order added, each with its
    /// owner's name.
    pub open_actions: Vec<OpenAction>,
}

/// An open action item as a list shows it: the item and its owner's name
/// (the plan's name for a person, when the plan was at hand).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAction {
    /// The item.
    pub item: ActionItem,
    /// Who does it, by name.
    pub owner: String,
}

/// The state of an incident, rebuilt from its events. The fields are private:
/// only [`Incident::apply`] changes them, so nothing outside the fold can make
/// the state disagree with the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incident {
    title: String,
    class: ClassId,
    level: LevelId,
    levels_held: Vec<LevelId>,
    declared_at: DateTime<Utc>,
    discovered_at: DateTime<Utc>,
    declared_by: String,
    drill: bool,
    plan_version: String,
    plan_sha256: String,
    answers: Vec<Answer>,
    suggested_level: Option<LevelId>,
    level_reason: Option<String>,
    commander: Commander,
    steps: BTreeMap<StepId, StepStatus>,
    values: BTreeMap<StepId, String>,
    decisions: BTreeMap<StepId, (bool, StepId)>,
    duties_done: BTreeMap<ItemId, DateTime<Utc>>,
    templates_sent: BTreeSet<TemplateId>,
    warnings: BTreeSet<LevelId>,
    last_update_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    /// The drill scenario this drill plays, when it named one.
    scenario: Option<ItemId>,
    timeline: Vec<Entry>,
    /// Where in the timeline each call attempt is, by who was called; kept
    /// as the timeline grows, so that working the call tree costs the
    /// attempts that matter, not the whole log, every frame.
    attempts: HashMap<Target, Vec<usize>>,
    /// Where in the timeline the entries about each step are.
    about: HashMap<StepId, Vec<usize>>,
    /// The latest time an entry was recorded.
    last_recorded: DateTime<Utc>,
    /// The steps the log names, in order of first mention.
    named_steps: Vec<StepId>,
    named_set: BTreeSet<StepId>,
    /// The entries a later note corrects.
    corrected: HashSet<EntryRef>,
    /// The notes written while the incident was closed: addenda.
    addenda: HashSet<EntryRef>,
    /// The entries a later entry takes back.
    undone: HashSet<EntryRef>,
    /// The review: action items and findings.
    review: followup::Review,
    /// The clocks' alerts acknowledged or snoozed, in the order recorded.
    acks: Vec<alert::Ack>,
}

/// Why a log cannot be folded into an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplayError {
    /// The log holds no events at all.
    Empty,
    /// The first event is not a declaration.
    NotDeclared,
}

impl Incident {
    /// Starts an incident from its declaration.
    ///
    /// # Errors
    /// When the entry is not a declaration.
    pub fn new(entry: &Entry) -> Result<Self, ReplayError> {
        let Event::Declared(declared) = &entry.event else {
            return Err(ReplayError::NotDeclared);
        };
        let Declared {
            title,
            class,
            level,
            answers,
            suggested_level,
            level_reason,
            discovered_at,
            commander,
            drill,
            plan_version,
            plan_sha256,
        } = &**declared;
        let declared_at = entry.at();
        Ok(Self {
            title: title.clone(),
            class: class.clone(),
            level: level.clone(),
            levels_held: vec![level.clone()],
            declared_at,
            // A discovery "after" the declaration cannot be: the declaration
            // is then the earliest the fault is known to have been found.
            discovered_at: discovered_at.map_or(declared_at, |d| d.min(declared_at)),
            declared_by: entry.by.to_string(),
            drill: *drill,
            plan_version: plan_version.clone(),
            plan_sha256: plan_sha256.clone(),
            answers: answers.clone(),
            suggested_level: suggested_level.clone(),
            level_reason: level_reason.clone(),
            commander: commander
                .clone()
                .unwrap_or_else(|| Commander::Named(entry.by.to_string())),
            steps: BTreeMap::new(),
            values: BTreeMap::new(),
            decisions: BTreeMap::new(),
            duties_done: BTreeMap::new(),
            templates_sent: BTreeSet::new(),
            warnings: BTreeSet::new(),
            last_update_at: None,
            closed_at: None,
            scenario: None,
            timeline: vec![entry.clone()],
            attempts: HashMap::new(),
            about: HashMap::new(),
            last_recorded: entry.recorded_at,
            named_steps: Vec::new(),
            named_set: BTreeSet::new(),
            corrected: HashSet::new(),
            addenda: HashSet::new(),
            undone: HashSet::new(),
            review: followup::Review::default(),
            acks: Vec::new(),
        })
    }

    /// Folds a whole log.
    ///
    /// # Errors
    /// When the log is empty or does not start with a declaration.
    pub fn replay<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Result<Self, ReplayError> {
        Self::from_entries(entries.into_iter().cloned().collect())
    }

    /// The same as [`Self::replay`], taking the entries rather than copying
    /// them: a long incident read from disk is held once.
    ///
    /// # Errors
    /// When there are no entries or the first is not a declaration.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Self, ReplayError> {
        let (first, rest) = entries.split_first().ok_or(ReplayError::Empty)?;
        let mut incident = Self::new(first)?;
        for (i, e) in rest.iter().enumerate() {
            // What came before, for an undo to find what it takes back.
            let before = entries.get(..=i).unwrap_or_default();
            incident.fold(i + 1, e, before);
        }
        incident.timeline = entries;
        Ok(incident)
    }

    /// Whether the incident is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// The title given at declaration.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The fault class.
    #[must_use]
    pub fn class(&self) -> &ClassId {
        &self.class
    }

    /// The current level.
    #[must_use]
    pub fn level(&self) -> &LevelId {
        &self.level
    }

    /// Every level the incident has been at, in order, starting with the declared one.
    #[must_use]
    pub fn levels_held(&self) -> &[LevelId] {
        &self.levels_held
    }

    /// When it was declared.
    #[must_use]
    pub fn declared_at(&self) -> DateTime<Utc> {
        self.declared_at
    }

    /// When the fault was discovered: the declaration, unless an earlier
    /// discovery was recorded with it.
    #[must_use]
    pub fn discovered_at(&self) -> DateTime<Utc> {
        self.discovered_at
    }

    /// Who declared it.
    #[must_use]
    pub fn declared_by(&self) -> &str {
        &self.declared_by
    }

    /// A drill, not a real incident.
    #[must_use]
    pub fn is_drill(&self) -> bool {
        self.drill
    }

    /// The drill scenario of the plan this drill plays, when it named one.
    #[must_use]
    pub fn scenario(&self) -> Option<&ItemId> {
        self.scenario.as_ref()
    }

    /// The version of the plan it runs under, as the plan says.
    #[must_use]
    pub fn plan_version(&self) -> &str {
        &self.plan_version
    }

    /// The SHA-256 of the plan file it runs under, hex.
    #[must_use]
    pub fn plan_sha256(&self) -> &str {
        &self.plan_sha256
    }

    /// The assessment answers given at declaration: the evidence for the level.
    #[must_use]
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The level the answers suggested, if they suggested one.
    #[must_use]
    pub fn suggested_level(&self) -> Option<&LevelId> {
        self.suggested_level.as_ref()
    }

    /// Why another level than the suggested one was declared.
    #[must_use]
    pub fn level_reason(&self) -> Option<&str> {
        self.level_reason.as_deref()
    }

    /// Who is in command now.
    #[must_use]
    pub fn commander(&self) -> &Commander {
        &self.commander
    }

    /// A step's latest status, if it was ever set.
    #[must_use]
    pub fn step_status(&self, step: &StepId) -> Option<&StepStatus> {
        self.steps.get(step)
    }

    /// The value recorded for a record step.
    #[must_use]
    pub fn value(&self, step: &StepId) -> Option<&str> {
        self.values.get(step).map(String::as_str)
    }

    /// A decision step's answer and the step it leads to.
    #[must_use]
    pub fn decision(&self, step: &StepId) -> Option<(bool, &StepId)> {
        self.decisions.get(step).map(|(yes, next)| (*yes, next))
    }

    /// When a reporting duty was fulfilled, if it was.
    #[must_use]
    pub fn duty_done_at(&self, duty: &ItemId) -> Option<DateTime<Utc>> {
        self.duties_done.get(duty).copied()
    }

    /// Whether a message from this template has gone out.
    #[must_use]
    pub fn sent(&self, template: &TemplateId) -> bool {
        self.templates_sent.contains(template)
    }

    /// The warnings in force.
    pub fn warnings(&self) -> impl Iterator<Item = &LevelId> {
        self.warnings.iter()
    }

    /// When the last internal status update went out.
    #[must_use]
    pub fn last_update_at(&self) -> Option<DateTime<Utc>> {
        self.last_update_at
    }

    /// When it was closed; `None` while open.
    #[must_use]
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.closed_at
    }

    /// Every entry, in the order recorded: the evidence and the report.
    #[must_use]
    pub fn timeline(&self) -> &[Entry] {
        &self.timeline
    }

    /// The entries about one step (status, value, decision, notes), in order.
    pub fn entries_about<'a>(&'a self, step: &'a StepId) -> impl Iterator<Item = &'a Entry> {
        self.about
            .get(step)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.timeline.get(i))
    }

    /// The last time anything was recorded.
    #[must_use]
    pub fn last_activity(&self) -> DateTime<Utc> {
        self.last_recorded
    }

    /// What a list of incidents shows of this one, an action item's owner
    /// named from `plan` (the one it runs under), else by their id.
    #[must_use]
    pub fn headline(&self, plan: Option<&Plan>) -> Headline {
        Headline {
            title: self.title.clone(),
            class: self.class.clone(),
            level: self.level().clone(),
            drill: self.is_drill(),
            open: self.is_open(),
            declared_at: self.declared_at(),
            last_activity: self.last_activity(),
            closed_at: self.closed_at(),
            open_actions: self
                .action_items()
                .iter()
                .filter(|i| i.is_open())
                .map(|i| OpenAction {
                    owner: match (&i.owner, plan) {
                        (owner, Some(plan)) => owner.name(plan).to_owned(),
                        (Owner::Person(id), None) => id.to_string(),
                        (Owner::Named(name), None) => name.clone(),
                    },
                    item: i.clone(),
                })
                .collect(),
        }
    }

    /// How the plan reaches the commander: a person's or role holder's
    /// phone, when the commander is someone the plan names.
    #[must_use]
    pub fn commander_callee<'p>(&self, plan: &'p Plan) -> Option<Callee<'p>> {
        self.commander.callee(plan)
    }

    /// Applies one recorded event. Never fails: whatever was recorded is kept.
    pub fn apply(&mut self, entry: &Entry) {
        let timeline = std::mem::take(&mut self.timeline);
        self.fold(timeline.len(), entry, &timeline);
        self.timeline = timeline;
        self.timeline.push(entry.clone());
    }

    /// What one recorded event, the timeline's `index`th, changes besides
    /// the timeline; `before` is the timeline before it.
    fn fold(&mut self, index: usize, entry: &Entry, before: &[Entry]) {
        self.index(index, entry);
        match &entry.event {
            // A second declaration in one log is kept in the timeline only.
            Event::Declared(..) | Event::CallAttempt { .. } => {}
            Event::Note { .. } => {
                if self.closed_at.is_some() {
                    self.addenda.insert(EntryRef::to(entry));
                }
            }
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
            Event::MessageSent {
                audience, template, ..
            } => {
                if *audience == crate::model::plan::doc::Audience::Internal {
                    self.last_update_at = Some(entry.at());
                }
                if let Some(t) = template {
                    self.templates_sent.insert(t.clone());
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
            Event::ScenarioNamed { drill } => self.scenario = Some(drill.clone()),
            Event::Undone { undoes } => self.undo(undoes, before),
            Event::ActionItemAdded { .. }
            | Event::ActionItemDone { .. }
            | Event::ActionItemDropped { .. }
            | Event::ReviewRecorded { .. } => self.review.fold(entry),
            Event::ClockAcknowledged { .. } => self.acks.extend(alert::Ack::of(entry)),
        }
    }

    /// Keeps the timeline's indexes up to date with its `index`th entry.
    fn index(&mut self, index: usize, entry: &Entry) {
        self.last_recorded = self.last_recorded.max(entry.recorded_at);
        if let Some(step) = entry.event.step() {
            self.about.entry(step.clone()).or_default().push(index);
        }
        match &entry.event {
            Event::CallAttempt { to, .. } => {
                self.attempts.entry((**to).clone()).or_default().push(index);
            }
            Event::StepStatus { step, .. }
            | Event::ValueRecorded { step, .. }
            | Event::DecisionAnswered { step, .. } => self.name_step(step),
            Event::Note {
                corrects: Some(r), ..
            } => {
                self.corrected.insert((**r).clone());
            }
            _ => {}
        }
    }

    /// Notes a step the log names, the first time it does.
    fn name_step(&mut self, step: &StepId) {
        if self.named_set.insert(step.clone()) {
            self.named_steps.push(step.clone());
        }
    }

    /// What tells this timeline from another: its length and last entry.
    /// Entries are only ever added, so views key what they derive from the
    /// timeline on it.
    #[must_use]
    pub fn timeline_mark(&self) -> (usize, Option<EntryRef>) {
        (self.timeline.len(), self.timeline.last().map(EntryRef::to))
    }

    /// The entry a reference points at (the latest with its time and
    /// device), looked for from the end: what refers to an entry is
    /// usually soon after it.
    #[must_use]
    pub fn entry_by_ref(&self, r: &EntryRef) -> Option<&Entry> {
        self.timeline.iter().rev().find(|e| r.is(e))
    }

    /// Whether a later entry takes the entry back.
    #[must_use]
    pub fn is_undone(&self, entry: &Entry) -> bool {
        !self.undone.is_empty() && self.undone.contains(&EntryRef::to(entry))
    }

    /// Whether the entry is a note written while the incident was closed:
    /// an addendum, shown as such in the timeline and the papers.
    #[must_use]
    pub fn is_addendum(&self, entry: &Entry) -> bool {
        !self.addenda.is_empty() && self.addenda.contains(&EntryRef::to(entry))
    }

    /// Whether a later note corrects the entry.
    #[must_use]
    pub fn is_corrected(&self, entry: &Entry) -> bool {
        !self.corrected.is_empty() && self.corrected.contains(&EntryRef::to(entry))
    }

    /// The call attempts to any of `to`, in timeline order.
    fn attempts_to<'t>(&self, to: impl IntoIterator<Item = &'t Target>) -> Vec<&Entry> {
        let mut at: Vec<usize> = to
            .into_iter()
            .filter_map(|t| self.attempts.get(t))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        at.iter().filter_map(|&i| self.timeline.get(i)).collect()
    }
}
