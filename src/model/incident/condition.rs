//! Whether a plan's condition holds for an incident, from what its record
//! says: the choice recorded at a step, an assessment answer, a decision's
//! answer.
//!
//! A duty's clock runs only while its condition holds: the regulator's four
//! hours apply to a legal grade of 较大 or above, not to every incident. The
//! answer is often not known when the clock starts, so a condition has
//! three values: it holds, it is ruled out, or it is not yet known — and
//! then the clock counts anyway, on the safe side, saying so.

use crate::model::plan::Plan;
use crate::model::plan::doc::{Condition, StepKind};

use super::Incident;

/// What a condition comes to for an incident now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    /// It holds.
    Holds,
    /// What it depends on is not recorded yet.
    NotYetKnown,
    /// The record rules it out.
    RuledOut,
}

impl Truth {
    fn of(holds: bool) -> Self {
        if holds { Self::Holds } else { Self::RuledOut }
    }
}

impl Incident {
    /// Whether `condition` holds, is ruled out, or is not yet known, from
    /// what the incident's record says under `plan`.
    #[must_use]
    pub fn truth(&self, plan: &Plan, condition: &Condition) -> Truth {
        match condition {
            Condition::AtLeast { step, choice } => match self.chosen(plan, step) {
                Some((at, choices)) => match choices.iter().position(|c| c == choice) {
                    Some(from) => Truth::of(at >= from),
                    // A choice the step does not offer: the validator says
                    // so; here it is not known, so the clock counts.
                    None => Truth::NotYetKnown,
                },
                None => Truth::NotYetKnown,
            },
            Condition::Chosen { step, any_of } => match self.chosen(plan, step) {
                Some((at, choices)) => {
                    Truth::of(choices.get(at).is_some_and(|c| any_of.contains(c)))
                }
                None => Truth::NotYetKnown,
            },
            Condition::Answered { question, yes } => {
                match self.answers.iter().rev().find(|a| a.question == *question) {
                    Some(a) => Truth::of(a.yes == *yes),
                    None => Truth::NotYetKnown,
                }
            }
            Condition::Decided { step, yes } => match self.decisions.get(step) {
                Some((answer, _)) => Truth::of(answer == yes),
                None => Truth::NotYetKnown,
            },
            Condition::Any(all) => {
                let each: Vec<Truth> = all.iter().map(|c| self.truth(plan, c)).collect();
                if each.contains(&Truth::Holds) {
                    Truth::Holds
                } else if each.iter().all(|t| *t == Truth::RuledOut) {
                    Truth::RuledOut
                } else {
                    Truth::NotYetKnown
                }
            }
            Condition::All(all) => {
                let each: Vec<Truth> = all.iter().map(|c| self.truth(plan, c)).collect();
                if each.contains(&Truth::RuledOut) {
                    Truth::RuledOut
                } else if each.iter().all(|t| *t == Truth::Holds) {
                    Truth::Holds
                } else {
                    Truth::NotYetKnown
                }
            }
        }
    }

    /// The choice recorded at a step that offers choices: its place among
    /// them, and their ids; `None` when nothing is recorded, or the value
    /// is none of them (a log of another plan version).
    fn chosen(
        &self,
        plan: &Plan,
        step: &crate::model::ids::StepId,
    ) -> Option<(usize, Vec<crate::model::ids::ItemId>)> {
        let StepKind::Record { choices, .. } = &plan.step(step)?.kind else {
            return None;
        };
        let value = self.values.get(step)?;
        let at = choices
            .iter()
            .position(|c| c.label == *value || c.id.as_str() == value)?;
        Some((at, choices.iter().map(|c| c.id.clone()).collect()))
    }
}
