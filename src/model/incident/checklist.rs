//! The checklist and the clocks, derived from the plan and the incident.
//!
//! The checklist is the fault class's flow (common phases plus the class's
//! steps) filtered by the current level: escalating adds steps, and
//! de-escalating never hides a step already acted on. A decision that was
//! answered routes around the steps it jumps over. Step deadlines count from
//! declaration, reporting duties from declaration, discovery or close, as the
//! plan says; given an instant, the status says what is overdue, when the
//! next status update is due, and when each reporting duty falls due.

use chrono::{DateTime, Duration, Utc};

use crate::model::ids::{ItemId, StepId};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{CountsFrom, Phase, ReportDuty, Step, StepKind, Target};

use super::Incident;
use super::condition::Truth;
use super::event::{CallOutcome, Entry, Event, StepStatus};

/// Where a checklist item stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemState {
    /// Not acted on yet (or reopened).
    Open,
    /// Done: marked done, or the value recorded, or the decision answered.
    Done,
    /// Skipped, with the reason.
    Skipped(String),
    /// Not applicable.
    NotApplicable,
    /// Deferred: comes back before closing.
    Deferred,
    /// Blocked, with the reason.
    Blocked(String),
    /// A decision answered earlier (this step) routed the response around
    /// this one.
    Bypassed(StepId),
}

impl ItemState {
    /// Whether nothing more is expected of the step.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        matches!(
            self,
            Self::Done | Self::Skipped(_) | Self::NotApplicable | Self::Bypassed(_)
        )
    }
}

/// One line of the checklist.
#[derive(Clone, Debug)]
pub struct Item<'p> {
    /// The step.
    pub step: &'p Step,
    /// Its phase.
    pub phase: &'p Phase,
    /// Where it stands.
    pub state: ItemState,
    /// Its deadline, counted from declaration.
    pub due: Option<DateTime<Utc>>,
    /// Whether the deadline has passed and the step is not settled.
    pub overdue: bool,
    /// Whether the step only shows because it was acted on at a more severe
    /// level than the current one.
    pub beyond_level: bool,
    /// Whether the step is not applicable because the record rules out its
    /// condition (nobody marked it).
    pub ruled_out: bool,
}

/// What a clock counts down to; an acknowledgement in the log names its
/// clock this way (`"status_update"`, `{"duty": "cac-report"}`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// The next status update, at the level's cadence.
    StatusUpdate,
    /// Someone to inform within a time limit at this level.
    Inform(Target),
    /// A reporting duty with a time limit.
    Duty(ItemId),
}

/// A countdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    /// What it is for.
    pub kind: ClockKind,
    /// What to do, in the plan's words.
    pub label: String,
    /// When it falls due.
    pub due: DateTime<Utc>,
    /// Whether it has been met.
    pub met: bool,
    /// Whether it applies to this incident, when it has a condition.
    pub applies: Applies,
}

/// Whether a clock applies, as its condition stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// It has no condition.
    Always,
    /// Its condition holds.
    Yes,
    /// What its condition depends on is not recorded yet: it counts
    /// anyway, on the safe side.
    NotYetKnown,
    /// The record rules its condition out: it does not run (and is never
    /// met on time).
    No,
}

impl From<Truth> for Applies {
    fn from(t: Truth) -> Self {
        match t {
            Truth::Holds => Self::Yes,
            Truth::NotYetKnown => Self::NotYetKnown,
            Truth::RuledOut => Self::No,
        }
    }
}

/// How pressing a clock is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Met: nothing more to do.
    Met,
    /// Running, with time to spare.
    Running,
    /// Due within [`NEAR_MINUTES`].
    Near,
    /// Past due and not met.
    Missed,
}

/// A clock due within this many minutes is near: the window shows it amber.
pub const NEAR_MINUTES: i64 = 15;

impl Clock {
    /// Whether it is past due and not met.
    #[must_use]
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        !self.met && now > self.due
    }

    /// How pressing it is at `now`.
    #[must_use]
    pub fn urgency(&self, now: DateTime<Utc>) -> Urgency {
        if self.met {
            Urgency::Met
        } else if now > self.due {
            Urgency::Missed
        } else if self.due - now <= minutes(NEAR_MINUTES) {
            Urgency::Near
        } else {
            Urgency::Running
        }
    }
}

/// The whole picture at one instant.
#[derive(Clone, Debug)]
pub struct Status<'p> {
    /// The checklist, in flow order.
    pub items: Vec<Item<'p>>,
    /// Countdowns, earliest first.
    pub clocks: Vec<Clock>,
    /// The duties the record rules out, not fulfilled: their clocks do not
    /// run, and they are not owed.
    pub ruled_out: Vec<Clock>,
    /// Steps named in the log that this plan does not have.
    pub foreign_steps: Vec<StepId>,
    /// The obvious next thing to do: the first open step, else the first
    /// blocked one.
    pub next: Option<StepId>,
}

impl Status<'_> {
    /// The items past their deadline.
    pub fn overdue(&self) -> impl Iterator<Item = &Item<'_>> {
        self.items.iter().filter(|i| i.overdue)
    }

    /// The earliest unmet deadline of a step or a clock.
    #[must_use]
    pub fn next_deadline(&self) -> Option<DateTime<Utc>> {
        let steps = self
            .items
            .iter()
            .filter(|i| !i.state.is_settled())
            .filter_map(|i| i.due);
        let clocks = self.clocks.iter().filter(|c| !c.met).map(|c| c.due);
        steps.chain(clocks).min()
    }

    /// How many steps are settled, of how many.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        let settled = self.items.iter().filter(|i| i.state.is_settled()).count();
        (settled, self.items.len())
    }

    /// Whether every step is settled except deferred ones ("complete except deferred").
    #[must_use]
    pub fn complete_except_deferred(&self) -> bool {
        self.items
            .iter()
            .all(|i| i.state.is_settled() || i.state == ItemState::Deferred)
    }
}

fn minutes(m: i64) -> Duration {
    Duration::minutes(m)
}

impl Incident {
    /// The checklist and clocks at `now`, under `plan`.
    #[must_use]
    pub fn status<'p>(&self, plan: &'p Plan, now: DateTime<Utc>) -> Status<'p> {
        let flow = plan.flow(&self.class);
        let doc = plan.doc();
        // Steps jumped over by answered decisions, with the decision.
        let mut bypassed: Vec<Option<&StepId>> = vec![None; flow.len()];
        for (i, fs) in flow.iter().enumerate() {
            if bypassed[i].is_some() {
                continue;
            }
            if let Some((_, next)) = self.decisions.get(&fs.step.id)
                && let Some(t) = flow.iter().position(|s| s.step.id == *next)
            {
                for b in bypassed.iter_mut().take(t).skip(i + 1) {
                    *b = Some(&fs.step.id);
                }
            }
        }
        let mut items = Vec::new();
        for (i, fs) in flow.iter().enumerate() {
            let step = fs.step;
            let acted = self.steps.contains_key(&step.id)
                || self.values.contains_key(&step.id)
                || self.decisions.contains_key(&step.id);
            let in_level = step
                .min_level
                .as_ref()
                .is_none_or(|min| plan.at_least(&self.level, min));
            if !in_level && !acted {
                continue;
            }
            let state = match self.steps.get(&step.id) {
                Some(StepStatus::Done) => ItemState::Done,
                Some(StepStatus::Skipped { reason }) => ItemState::Skipped(reason.clone()),
                Some(StepStatus::NotApplicable) => ItemState::NotApplicable,
                Some(StepStatus::Deferred) => ItemState::Deferred,
                Some(StepStatus::Blocked { reason }) => ItemState::Blocked(reason.clone()),
                Some(StepStatus::Reopened) | None => {
                    // A step whose kind records its own outcome is done by
                    // it: the value recorded, the decision answered, the
                    // message from its template sent.
                    let answered = match &step.kind {
                        StepKind::Record { .. } => self.values.contains_key(&step.id),
                        StepKind::Decision { .. } => self.decisions.contains_key(&step.id),
                        StepKind::Communicate { template } => {
                            self.templates_sent.contains(template)
                        }
                        _ => false,
                    };
                    if answered {
                        ItemState::Done
                    } else if let Some(decision) = bypassed[i] {
                        ItemState::Bypassed(decision.clone())
                    } else if self.rules_out(plan, step) {
                        ItemState::NotApplicable
                    } else {
                        ItemState::Open
                    }
                }
            };
            let ruled_out = state == ItemState::NotApplicable && !self.steps.contains_key(&step.id);
            let due = step
                .deadline_minutes
                .map(|m| self.declared_at + minutes(m.get()));
            let overdue = !state.is_settled() && due.is_some_and(|d| now > d);
            items.push(Item {
                step,
                phase: &doc.phases[fs.phase],
                state,
                due,
                overdue,
                beyond_level: !in_level,
                ruled_out,
            });
        }
        // The next thing to do: the first open step; a blocked step waits
        // for its blocker, so it comes back only when nothing else is open.
        let next = items
            .iter()
            .find(|i| i.state == ItemState::Open)
            .or_else(|| {
                items
                    .iter()
                    .find(|i| matches!(i.state, ItemState::Blocked(_)))
            })
            .map(|i| i.step.id.clone());
        let foreign_steps = self.foreign_steps(plan);
        let (clocks, ruled_out) = self.clocks(plan);
        Status {
            items,
            clocks,
            ruled_out,
            foreign_steps,
            next,
        }
    }

    /// Whether the record rules out a step's condition.
    fn rules_out(&self, plan: &Plan, step: &Step) -> bool {
        step.when
            .as_ref()
            .is_some_and(|c| self.truth(plan, c) == Truth::RuledOut)
    }

    /// Whether a duty is this incident's: for its class, and not ruled
    /// out by the record; with how its condition stands.
    pub(super) fn duty_applies(&self, plan: &Plan, duty: &ReportDuty) -> Applies {
        if !duty.classes.is_empty() && !duty.classes.contains(&self.class) {
            return Applies::No;
        }
        duty.when
            .as_ref()
            .map_or(Applies::Always, |c| self.truth(plan, c).into())
    }

    /// Status update, inform and reporting clocks, earliest first; and the
    /// duties' clocks the record rules out.
    pub(super) fn clocks(&self, plan: &Plan) -> (Vec<Clock>, Vec<Clock>) {
        let mut clocks = Vec::new();
        let mut ruled_out = Vec::new();
        if let Some(level) = plan.level(&self.level) {
            if let Some(every) = level.update_every_minutes
                && self.is_open()
            {
                let since = self.last_update_at.unwrap_or(self.declared_at);
                clocks.push(Clock {
                    kind: ClockKind::StatusUpdate,
                    label: level.name.clone(),
                    due: since + minutes(every.get()),
                    met: false,
                    applies: Applies::Always,
                });
            }
            // Once closed, nobody is still to be told.
            for inform in level.inform.iter().filter(|_| self.is_open()) {
                let met = self.reached(plan, &inform.to);
                clocks.push(Clock {
                    kind: ClockKind::Inform(inform.to.clone()),
                    label: Callee::of(plan, &inform.to).label(),
                    due: self.declared_at + minutes(inform.within_minutes.get()),
                    met,
                    applies: Applies::Always,
                });
            }
        }
        // Duties stay once incurred: a report owed at level II is still owed
        // after de-escalating to III.
        let mut seen: Vec<&ItemId> = Vec::new();
        for level in self.levels_held.iter().filter_map(|l| plan.level(l)) {
            for duty in &level.duties {
                let Some(within) = duty.within_minutes else {
                    continue;
                };
                // Another class's duty is not this incident's at all.
                let other_class = !duty.classes.is_empty() && !duty.classes.contains(&self.class);
                if seen.contains(&&duty.id) || other_class {
                    continue;
                }
                // A limit counted from the close starts only when the response closes.
                let start = match duty.counts_from {
                    CountsFrom::Declaration => self.declared_at,
                    CountsFrom::Discovery => self.discovered_at,
                    CountsFrom::Closing => match self.closed_at {
                        Some(closed) => closed,
                        None => continue,
                    },
                };
                seen.push(&duty.id);
                let clock = Clock {
                    kind: ClockKind::Duty(duty.id.clone()),
                    label: duty.text.clone(),
                    due: start + minutes(within.get()),
                    met: self.duties_done.contains_key(&duty.id),
                    applies: self.duty_applies(plan, duty),
                };
                // A duty fulfilled stays met whatever the record says later;
                // one ruled out and not fulfilled does not run.
                if clock.applies == Applies::No && !clock.met {
                    ruled_out.push(clock);
                } else {
                    clocks.push(clock);
                }
            }
        }
        clocks.sort_by_key(|c| c.due);
        (clocks, ruled_out)
    }

    /// Whether a call to the target (or, for a role, to its holder or a
    /// deputy) reached someone.
    fn reached(&self, plan: &Plan, target: &Target) -> bool {
        self.first_reached(plan, target).is_some()
    }

    /// When a call to the target (or, for a role, to its holder or a
    /// deputy) first reached someone.
    pub(super) fn first_reached(&self, plan: &Plan, target: &Target) -> Option<DateTime<Utc>> {
        let answerers = super::calls::answerers(plan, target);
        self.attempts_to(std::iter::once(target).chain(&answerers))
            .into_iter()
            .find(|e| {
                // A deputy reached for another call (one person backs
                // several roles) has not been told about this one.
                matches!(
                    &e.event,
                    Event::CallAttempt {
                        outcome: CallOutcome::Reached,
                        line,
                        ..
                    } if line.as_ref().is_none_or(|l| **l == *target)
                )
            })
            .map(Entry::at)
    }

    /// Steps named in the log that the plan does not have, in order of first mention.
    fn foreign_steps(&self, plan: &Plan) -> Vec<StepId> {
        self.named_steps
            .iter()
            .filter(|step| plan.step(step).is_none())
            .cloned()
            .collect()
    }
}
