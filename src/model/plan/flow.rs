//! The order in which a response runs through its steps.
//!
//! A fault class's response is the plan's phases in order; within each phase
//! the common steps come first, then the class's own steps for that phase, in
//! the order the author wrote them. A common step may name the classes it
//! is for (`classes`) or leave some out (`except_classes`): it is in the
//! other classes' responses only. The validator checks decisions and
//! reachability along this order, and the incident checklist follows it.
//!
//! [`Paths`] is the same order as a graph: each step leads to the next one,
//! a decision only to its two branches. Branches go forward (the validator
//! refuses any other), so every path runs in flow order, and the checks for
//! order (`super::order`) walk it without ever looping.

use super::doc::{PlanDoc, Step, StepKind};
use crate::model::ids::ClassId;

/// A step in a class's flow, with where it sits in the document.
#[derive(Clone, Copy, Debug)]
pub struct FlowStep<'a> {
    /// The step.
    pub step: &'a Step,
    /// Index of its phase in `phases`.
    pub phase: usize,
    /// Index of its procedure in `procedures`; `None` for a common step.
    pub procedure: Option<usize>,
    /// Index of the step in its phase's or procedure's `steps`.
    pub index: usize,
}

/// The flow of the response to `class`: phase by phase, common steps first.
/// Procedure steps whose phase is missing or unknown are left out (the
/// validator reports them).
#[must_use]
pub fn class_flow<'a>(doc: &'a PlanDoc, class: &ClassId) -> Vec<FlowStep<'a>> {
    let procedure = doc
        .procedures
        .iter()
        .enumerate()
        .find(|(_, p)| p.class == *class);
    let mut out = Vec::new();
    for (pi, phase) in doc.phases.iter().enumerate() {
        out.extend(
            phase
                .steps
                .iter()
                .enumerate()
                .filter(|(_, step)| step.is_for(class))
                .map(|(index, step)| FlowStep {
                    step,
                    phase: pi,
                    procedure: None,
                    index,
                }),
        );
        if let Some((pr, procedure)) = procedure {
            out.extend(
                procedure
                    .steps
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.phase.as_ref() == Some(&phase.id))
                    .map(|(index, step)| FlowStep {
                        step,
                        phase: pi,
                        procedure: Some(pr),
                        index,
                    }),
            );
        }
    }
    out
}

/// The paths through a flow: which positions each step leads to, and which
/// lead to it.
#[derive(Clone, Debug)]
pub struct Paths {
    next: Vec<Vec<usize>>,
    previous: Vec<Vec<usize>>,
}

impl Paths {
    /// The paths through `flow`. A branch that names a step outside the
    /// flow, or one not after the decision, leads nowhere: the validator
    /// reports it, and a plan with errors is never walked.
    #[must_use]
    pub fn of(flow: &[FlowStep<'_>]) -> Self {
        let position: std::collections::HashMap<&str, usize> = flow
            .iter()
            .enumerate()
            .map(|(i, s)| (s.step.id.as_str(), i))
            .collect();
        let mut next = vec![Vec::new(); flow.len()];
        let mut previous = vec![Vec::new(); flow.len()];
        for (i, fs) in flow.iter().enumerate() {
            let to: Vec<usize> = match &fs.step.kind {
                StepKind::Decision { yes, no, .. } => [yes, no]
                    .into_iter()
                    .filter_map(|t| position.get(t.as_str()).copied())
                    .filter(|&t| t > i)
                    .collect(),
                _ if i + 1 < flow.len() => vec![i + 1],
                _ => Vec::new(),
            };
            for &t in &to {
                if !previous[t].contains(&i) {
                    previous[t].push(i);
                }
            }
            next[i] = to;
        }
        Self { next, previous }
    }

    /// The positions the step at `i` leads to.
    #[must_use]
    pub fn next(&self, i: usize) -> &[usize] {
        self.next.get(i).map_or(&[], Vec::as_slice)
    }

    /// The positions that lead to the step at `i`.
    #[must_use]
    pub fn previous(&self, i: usize) -> &[usize] {
        self.previous.get(i).map_or(&[], Vec::as_slice)
    }

    /// Every position from which some path leads to `i` (not `i` itself),
    /// in flow order.
    #[must_use]
    pub fn before(&self, i: usize) -> Vec<usize> {
        let mut seen = vec![false; self.next.len()];
        let mut stack: Vec<usize> = self.previous(i).to_vec();
        while let Some(p) = stack.pop() {
            if !std::mem::replace(&mut seen[p], true) {
                stack.extend_from_slice(self.previous(p));
            }
        }
        seen.iter()
            .enumerate()
            .filter_map(|(p, &s)| s.then_some(p))
            .collect()
    }

    /// A path from the first step to `to` that never passes through a
    /// position `avoid` keeps, as the positions it visits; `None` when every
    /// path to `to` passes through one.
    #[must_use]
    pub fn avoiding(&self, to: usize, avoid: impl Fn(usize) -> bool) -> Option<Vec<usize>> {
        if self.next.is_empty() || avoid(0) {
            return None;
        }
        // Paths only go forward: one sweep in flow order finds every
        // position reached without passing through an avoided one.
        let mut came_from: Vec<Option<usize>> = vec![None; self.next.len()];
        let mut reached = vec![false; self.next.len()];
        reached[0] = true;
        for i in 0..=to.min(self.next.len() - 1) {
            if !reached[i] || (i != to && avoid(i)) {
                continue;
            }
            if i == to {
                let mut path = vec![i];
                let mut at = i;
                while let Some(p) = came_from[at] {
                    path.push(p);
                    at = p;
                }
                path.reverse();
                return Some(path);
            }
            for &t in self.next(i) {
                if !reached[t] && (t == to || !avoid(t)) {
                    reached[t] = true;
                    came_from[t] = Some(i);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A flow from the steps of one procedure: the paths need no plan.
    fn steps(kinds: &[(&str, StepKind)]) -> Vec<Step> {
        kinds
            .iter()
            .map(|(id, kind)| Step {
                id: crate::model::ids::StepId::new(*id),
                text: "x".to_owned(),
                phase: None,
                role: crate::model::ids::RoleId::new("r"),
                min_level: None,
                deadline_minutes: None,
                kind: kind.clone(),
                when: None,
                classes: Vec::new(),
                except_classes: Vec::new(),
            })
            .collect()
    }

    fn flow(steps: &[Step]) -> Vec<FlowStep<'_>> {
        steps
            .iter()
            .enumerate()
            .map(|(index, step)| FlowStep {
                step,
                phase: 0,
                procedure: None,
                index,
            })
            .collect()
    }

    #[test]
    fn a_decision_leads_only_to_its_branches() {
        let decide = StepKind::Decision {
            question: "?".to_owned(),
            yes: crate::model::ids::StepId::new("c"),
            no: crate::model::ids::StepId::new("d"),
        };
        let s = steps(&[
            ("a", decide),
            ("b", StepKind::Action),
            ("c", StepKind::Action),
            ("d", StepKind::Action),
        ]);
        let f = flow(&s);
        let paths = Paths::of(&f);
        assert_eq!(paths.next(0), [2, 3]);
        assert_eq!(paths.previous(3), [0, 2]);
        // Nothing leads to "b" (the validator calls it unreachable), but
        // from it a path leads on to "d".
        assert_eq!(paths.before(3), [0, 1, 2]);
        assert_eq!(paths.before(1), Vec::<usize>::new());
        // To "d" without passing "c": straight down the no branch.
        assert_eq!(paths.avoiding(3, |i| i == 2), Some(vec![0, 3]));
        // Every path to "c" passes "a".
        assert_eq!(paths.avoiding(2, |i| i == 0), None);
    }
}
