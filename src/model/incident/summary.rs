//! The incident in brief: what a new commander must hear at a handover, and
//! what is still open when the response is closed.

use chrono::{DateTime, Utc};

use crate::model::ids::LevelId;
use crate::model::plan::Plan;
use crate::model::plan::doc::{Drill, Milestone, ReportDuty, Step, TimeTarget};

use super::checklist::{Clock, ItemState};
use super::{CallLine, CallSheet, Entry, Event, Incident, StepStatus};

/// How many of the next clocks a briefing names.
const NEXT_CLOCKS: usize = 3;

/// The state of the response, as a handover briefing gives it.
#[derive(Clone, Debug)]
pub struct Briefing<'p> {
    /// The level.
    pub level: LevelId,
    /// Steps still open, in order.
    pub open: Vec<&'p Step>,
    /// Steps past their deadline.
    pub overdue: Vec<&'p Step>,
    /// Blocked steps, with why.
    pub blocked: Vec<(&'p Step, String)>,
    /// Deferred steps.
    pub deferred: Vec<&'p Step>,
    /// The next clocks still running, earliest first.
    pub next_clocks: Vec<Clock>,
    /// Calls of the tree nobody has answered yet.
    pub calls_owed: usize,
}

/// What closing would leave behind: the one list both faces show before
/// an incident is closed (the window's close dialog, `runbook incident
/// close`).
#[derive(Clone, Debug)]
pub struct ClosingCheck<'p> {
    /// Steps still open.
    pub open: Vec<&'p Step>,
    /// Deferred steps.
    pub deferred: Vec<&'p Step>,
    /// Blocked steps, with why.
    pub blocked: Vec<(&'p Step, String)>,
    /// Reporting duties of the levels held and not marked done, the
    /// overdue ones first, then by when they fall due; those that count
    /// from the close start then and stay on the closed incident.
    pub duties: Vec<OwedDuty<'p>>,
    /// The calls of the tree nobody has answered, in tree order.
    pub calls: Vec<CallLine>,
}

/// A reporting duty not fulfilled, and where its clock stands.
#[derive(Clone, Debug)]
pub struct OwedDuty<'p> {
    /// The duty.
    pub duty: &'p ReportDuty,
    /// When it falls due; `None` without a time limit, or for a limit that
    /// counts from the close.
    pub due: Option<DateTime<Utc>>,
    /// Whether it is past due.
    pub overdue: bool,
}

impl ClosingCheck<'_> {
    /// Whether nothing is left: the confirmation can say so plainly.
    #[must_use]
    pub fn is_clear(&self) -> bool {
        self.open.is_empty()
            && self.deferred.is_empty()
            && self.blocked.is_empty()
            && self.duties.is_empty()
            && self.calls.is_empty()
    }
}

impl Incident {
    /// The state of the response at `now`, for a handover.
    #[must_use]
    pub fn briefing<'p>(&self, plan: &'p Plan, now: DateTime<Utc>) -> Briefing<'p> {
        let status = self.status(plan, now);
        let sheet: CallSheet = self.calls(plan);
        Briefing {
            level: self.level.clone(),
            open: status
                .items
                .iter()
                .filter(|i| i.state == ItemState::Open)
                .map(|i| i.step)
                .collect(),
            overdue: status
                .items
                .iter()
                .filter(|i| i.overdue)
                .map(|i| i.step)
                .collect(),
            blocked: status
                .items
                .iter()
                .filter_map(|i| match &i.state {
                    ItemState::Blocked(why) => Some((i.step, why.clone())),
                    _ => None,
                })
                .collect(),
            deferred: status
                .items
                .iter()
                .filter(|i| i.state == ItemState::Deferred)
                .map(|i| i.step)
                .collect(),
            next_clocks: status
                .clocks
                .into_iter()
                .filter(|c| !c.met && c.due >= now)
                .take(NEXT_CLOCKS)
                .collect(),
            calls_owed: sheet.open().count(),
        }
    }

    /// What closing now would leave open.
    #[must_use]
    pub fn closing_check<'p>(&self, plan: &'p Plan, now: DateTime<Utc>) -> ClosingCheck<'p> {
        let b = self.briefing(plan, now);
        let clocks = self.status(plan, now).clocks;
        let mut duties: Vec<OwedDuty<'p>> = Vec::new();
        for level in self.levels_held.iter().filter_map(|l| plan.level(l)) {
            for duty in &level.duties {
                let done = self.duties_done.contains_key(&duty.id);
                // Another class's duty, or one the record rules out, is
                // not owed.
                let owed = self.duty_applies(plan, duty) != super::Applies::No;
                if done || !owed || duties.iter().any(|d| d.duty.id == duty.id) {
                    continue;
                }
                let clock = clocks
                    .iter()
                    .find(|c| c.kind == super::ClockKind::Duty(duty.id.clone()));
                duties.push(OwedDuty {
                    duty,
                    due: clock.map(|c| c.due),
                    overdue: clock.is_some_and(|c| c.overdue(now)),
                });
            }
        }
        // Overdue first, then the earliest due, then those with no clock
        // running; the plan's order among equals.
        duties.sort_by_key(|d| (!d.overdue, d.due.is_none(), d.due));
        ClosingCheck {
            open: b.open,
            deferred: b.deferred,
            blocked: b.blocked,
            duties,
            calls: self.calls(plan).open().cloned().collect(),
        }
    }
}

impl Incident {
    /// The steps that would join the checklist at level `to`: what a level
    /// change adds (nothing acted on ever leaves it).
    #[must_use]
    pub fn steps_joining<'p>(
        &self,
        plan: &'p Plan,
        to: &LevelId,
        now: DateTime<Utc>,
    ) -> Vec<&'p Step> {
        let mut then = self.clone();
        then.level = to.clone();
        let before: Vec<&str> = self
            .status(plan, now)
            .items
            .iter()
            .map(|i| i.step.id.as_str())
            .collect();
        then.status(plan, now)
            .items
            .into_iter()
            .filter(|i| !before.contains(&i.step.id.as_str()))
            .map(|i| i.step)
            .collect()
    }
}

/// How a drill's time target went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Done within the target.
    Met,
    /// Done, after the target.
    Late,
    /// Not done (yet).
    NotReached,
    /// The plan gives nothing to time it by: a person times it.
    ByHand,
}

/// A drill's time target, timed from the log.
#[derive(Clone, Debug)]
pub struct Evaluated<'p> {
    /// The drill.
    pub drill: &'p Drill,
    /// The target.
    pub target: &'p TimeTarget,
    /// When it happened, when the log shows it.
    pub at: Option<DateTime<Utc>>,
    /// How it went.
    pub verdict: Verdict,
}

impl Incident {
    /// When a milestone happened, if it has.
    #[must_use]
    pub fn milestone_at(&self, plan: &Plan, m: &Milestone) -> Option<DateTime<Utc>> {
        // An entry taken back did not happen, for the evaluation too.
        let first = |pick: &dyn Fn(&Event) -> bool| {
            self.timeline
                .iter()
                .find(|e| pick(&e.event) && !self.is_undone(e))
                .map(Entry::at)
        };
        match m {
            Milestone::Declared => Some(self.declared_at),
            Milestone::Closed => self.closed_at,
            Milestone::Duty(id) => self.duty_done_at(id),
            Milestone::FirstMessage(audience) => {
                first(&|e| matches!(e, Event::MessageSent { audience: a, .. } if a == audience))
            }
            Milestone::StepDone(step) => first(&|e| match e {
                Event::StepStatus { step: s, status } => s == step && *status == StepStatus::Done,
                Event::ValueRecorded { step: s, .. } | Event::DecisionAnswered { step: s, .. } => {
                    s == step
                }
                _ => false,
            }),
            Milestone::Reached(target) => self.first_reached(plan, target),
        }
    }

    /// The time targets of the plan's drills for this incident's fault
    /// class (a drill naming no class is for any), each timed from the
    /// discovery, which is when the exercise's fault appeared.
    #[must_use]
    pub fn drill_evaluation<'p>(&self, plan: &'p Plan) -> Vec<Evaluated<'p>> {
        let mut out = Vec::new();
        for drill in &plan.doc().drills {
            if !drill.classes.is_empty() && !drill.classes.contains(&self.class) {
                continue;
            }
            for target in &drill.targets {
                let due =
                    self.discovered_at + chrono::Duration::minutes(target.within_minutes.get());
                let (at, verdict) = match &target.measure {
                    None => (None, Verdict::ByHand),
                    Some(m) => match self.milestone_at(plan, m) {
                        Some(at) if at <= due => (Some(at), Verdict::Met),
                        Some(at) => (Some(at), Verdict::Late),
                        None => (None, Verdict::NotReached),
                    },
                };
                out.push(Evaluated {
                    drill,
                    target,
                    at,
                    verdict,
                });
            }
        }
        out
    }
}
