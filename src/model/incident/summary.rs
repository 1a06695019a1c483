//! The incident in brief: what a new commander must hear at a handover, and
//! what is still open when the response is closed.

use chrono::{DateTime, Utc};

use crate::model::ids::LevelId;
use crate::model::plan::Plan;
use crate::model::plan::doc::{ReportDuty, Step};

use super::checklist::{Clock, ItemState};
use super::{CallSheet, Incident};

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

/// What closing would leave behind.
#[derive(Clone, Debug)]
pub struct ClosingCheck<'p> {
    /// Steps still open.
    pub open: Vec<&'p Step>,
    /// Deferred steps.
    pub deferred: Vec<&'p Step>,
    /// Blocked steps, with why.
    pub blocked: Vec<(&'p Step, String)>,
    /// Reporting duties of the levels held and not marked done; those that
    /// count from the close start then and stay on the closed incident.
    pub duties: Vec<&'p ReportDuty>,
}

impl ClosingCheck<'_> {
    /// Whether nothing is left: the confirmation can say so plainly.
    #[must_use]
    pub fn is_clear(&self) -> bool {
        self.open.is_empty()
            && self.deferred.is_empty()
            && self.blocked.is_empty()
            && self.duties.is_empty()
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
        let mut duties: Vec<&ReportDuty> = Vec::new();
        for level in self.levels_held.iter().filter_map(|l| plan.level(l)) {
            for duty in &level.duties {
                let done = self.duties_done.contains_key(&duty.id);
                if !done && !duties.iter().any(|d| d.id == duty.id) {
                    duties.push(duty);
                }
            }
        }
        ClosingCheck {
            open: b.open,
            deferred: b.deferred,
            blocked: b.blocked,
            duties,
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
