//! The incident in brief: what a new commander must hear at a handover, and
//! what is still open when the response is closed.

use chrono::{DateTime, Utc};

use crate::model::ids::{ItemId, LevelId};
use crate::model::plan::Plan;
use crate::model::plan::doc::{Drill, Milestone, ReportDuty, Step, TimeTarget};

use super::checklist::{Clock, ClockKind, ItemState};
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
    /// What cannot wait: every time limit passed and not met — reporting
    /// duties first, then steps, then the rest (people to inform, the
    /// status update, calls of the tree) — the latest first within each.
    pub late: Vec<Timed<'p>>,
    /// The next time limit of every kind still running: every reporting
    /// duty, the next status update, the next person to inform, the next
    /// call of the tree and the next step deadline; earliest first.
    pub ahead: Vec<Timed<'p>>,
}

/// Something with a time limit, and when it falls due.
#[derive(Clone, Debug)]
pub struct Timed<'p> {
    /// When it falls due.
    pub due: DateTime<Utc>,
    /// What it is.
    pub what: Deadline<'p>,
}

/// What a time limit is on.
#[derive(Clone, Debug)]
pub enum Deadline<'p> {
    /// A clock: a reporting duty, someone to inform, the status update.
    Clock(Clock),
    /// A step with a deadline, not settled.
    Step(&'p Step),
    /// A call of the level's call tree nobody has answered.
    Call(CallLine),
}

impl Deadline<'_> {
    /// The order of the kinds in the briefing's list of what is late:
    /// reports owed first, then steps, then the rest.
    fn rank(&self) -> u8 {
        match self {
            Self::Clock(Clock {
                kind: ClockKind::Duty(_),
                ..
            }) => 0,
            Self::Step(_) => 1,
            Self::Clock(_) | Self::Call(_) => 2,
        }
    }

    /// Its kind, for "the next of each kind": each duty is a kind of its own.
    fn kind(&self) -> (u8, Option<&ItemId>) {
        match self {
            Self::Clock(c) => match &c.kind {
                ClockKind::Duty(id) => (0, Some(id)),
                ClockKind::StatusUpdate => (1, None),
                ClockKind::Inform(_) => (2, None),
            },
            Self::Step(_) => (3, None),
            Self::Call(_) => (4, None),
        }
    }
}

/// Every deadline of the response as of now: the clocks, the steps with a
/// deadline not settled, and the calls of the tree not answered (less those
/// an inform clock already names: one person, one line).
fn deadlines<'p>(status: &super::checklist::Status<'p>, sheet: &CallSheet) -> Vec<Timed<'p>> {
    let mut out: Vec<Timed<'p>> = status
        .clocks
        .iter()
        .filter(|c| !c.met)
        .map(|c| Timed {
            due: c.due,
            what: Deadline::Clock(c.clone()),
        })
        .collect();
    out.extend(
        status
            .items
            .iter()
            .filter(|i| !i.state.is_settled())
            .filter_map(|i| {
                Some(Timed {
                    due: i.due?,
                    what: Deadline::Step(i.step),
                })
            }),
    );
    let informed: Vec<&crate::model::plan::doc::Target> = status
        .clocks
        .iter()
        .filter_map(|c| match &c.kind {
            ClockKind::Inform(t) => Some(t),
            _ => None,
        })
        .collect();
    out.extend(
        sheet
            .open()
            .filter(|l| !informed.contains(&&l.target))
            .filter_map(|l| {
                Some(Timed {
                    due: l.due?,
                    what: Deadline::Call(l.clone()),
                })
            }),
    );
    out
}

/// What is late and what comes next, from every deadline at `now`.
fn late_and_ahead(all: Vec<Timed<'_>>, now: DateTime<Utc>) -> (Vec<Timed<'_>>, Vec<Timed<'_>>) {
    let (mut late, running): (Vec<Timed<'_>>, Vec<Timed<'_>>) =
        all.into_iter().partition(|t| t.due < now);
    late.sort_by_key(|t| (t.what.rank(), t.due));
    // The next of each kind; every duty, since each is owed to someone else.
    let mut running = running;
    running.sort_by_key(|t| t.due);
    let mut ahead: Vec<Timed<'_>> = Vec::new();
    let mut seen: Vec<(u8, Option<ItemId>)> = Vec::new();
    for t in running {
        let (kind, duty) = t.what.kind();
        let key = (kind, duty.cloned());
        if !seen.contains(&key) {
            seen.push(key);
            ahead.push(t);
        }
    }
    (late, ahead)
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
        let (late, ahead) = late_and_ahead(deadlines(&status, &sheet), now);
        Briefing {
            late,
            ahead,
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

    /// The drill scenario this drill played: the one it named at
    /// declaration; else the plan's only drill for its fault class (a
    /// drill naming no class is for any). `None` when it named none and
    /// the plan has several or none for the class: nobody can tell which
    /// was played.
    #[must_use]
    pub fn drill_played<'p>(&self, plan: &'p Plan) -> Option<&'p Drill> {
        let drills = &plan.doc().drills;
        if let Some(named) = &self.scenario {
            return drills.iter().find(|d| d.id == *named);
        }
        let mut fits = self.drills_for_class(plan);
        match (fits.next(), fits.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// The plan's drills for this incident's fault class (a drill naming
    /// no class is for any).
    pub fn drills_for_class<'p>(&self, plan: &'p Plan) -> impl Iterator<Item = &'p Drill> {
        plan.doc()
            .drills
            .iter()
            .filter(|d| d.classes.is_empty() || d.classes.contains(&self.class))
    }

    /// The time targets of the drill scenario played ([`Self::drill_played`]),
    /// each timed from the discovery, which is when the exercise's fault
    /// appeared. Empty when nobody can tell which scenario was played.
    #[must_use]
    pub fn drill_evaluation<'p>(&self, plan: &'p Plan) -> Vec<Evaluated<'p>> {
        let mut out = Vec::new();
        if let Some(drill) = self.drill_played(plan) {
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
