//! The order in which a response runs through its steps.
//!
//! A fault class's response is the plan's phases in order; within each phase
//! the common steps come first, then the class's own steps for that phase, in
//! the order the author wrote them. The validator checks decisions and
//! reachability along this order, and the incident checklist follows it.

use super::doc::{PlanDoc, Step};
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
