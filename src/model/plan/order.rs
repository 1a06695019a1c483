//! Whether a response can be carried out in the order it is written.
//!
//! [`super::feasible`] asks whether each thing a plan asks for can be done:
//! an owner called in time, a placeholder filled. A duty officer who works
//! the checklist top to bottom also meets faults of order, where everything
//! can be done but not in the sequence written. Along every path through a
//! class's response ([`Paths`]: a decision leads only to its branches):
//!
//! - a step due earlier placed after a step due later, so that doing them
//!   in order makes the first one late;
//! - a step placed before the step that starts the call tree
//!   (`Inform(CallTree)`, the paging step), owned by a role the one who
//!   starts the tree does not hold: at the declaration only the tree's root
//!   (the duty officer, as the plan's `call_trees` name them) is on duty;
//! - a decision whose branch jumps into a later phase over steps that must
//!   not be skipped: timed steps, inform and communicate steps, and the
//!   steps every response shares;
//! - a value recorded on one branch only, while a template that needs it is
//!   sent on a path through the other.
//!
//! And, class by class: a common step in every response that sends a
//! template to an audience some class sends its own message to, so that
//! the shared message's promises reach a response they do not fit (the
//! step names no `classes` nor `except_classes`).
//!
//! Warnings, run with the feasibility checks on a document without errors.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, DocPath};
use super::doc::{InformWhom, Minutes, PlanDoc, StepKind, Target};
use super::feasible::{Levels, Reach, record_key, template_placeholders};
use super::flow::{FlowStep, Paths, class_flow};
use super::kind::{Branch, DiagnosticKind as K, Responses};
use super::template::BUILTIN_PLACEHOLDERS;
use super::validate::step_path;
use crate::model::ids::{ClassId, RoleId, StepId};

/// Every warning about the order of the responses.
pub(super) fn check(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    trees: &[Reach<'_>],
    out: &mut Vec<Diagnostic>,
) {
    let mut found = Found::default();
    for class in &doc.classes {
        let flow = class_flow(doc, &class.id);
        let paths = Paths::of(&flow);
        let at = |i: usize| step_path(doc, &flow[i]);
        deadlines_in_order(&flow, &paths, &class.id, &at, &mut found);
        paged_first(doc, levels, trees, &flow, &class.id, &at, &mut found);
        branches_keep_phases(&flow, &paths, &at, &mut found);
        recorded_on_every_path(doc, levels, &flow, &paths, &at, &mut found);
    }
    found.report(doc.classes.len(), out);
    shared_steps_fit(doc, out);
}

/// A common step that names no classes is in every class's response. One
/// that sends a template to an audience that some class also sends its own
/// message to (a data leak's notice to students and guardians, beside the
/// outage notice) sends that class's audience a message written for other
/// responses, with their promises: the author says which classes the step
/// is for (`classes`) or leaves some out (`except_classes`), and a step
/// that does either is taken at its word.
fn shared_steps_fit(doc: &PlanDoc, out: &mut Vec<Diagnostic>) {
    for (p, phase) in doc.phases.iter().enumerate() {
        for (index, step) in phase.steps.iter().enumerate() {
            let StepKind::Communicate { template } = &step.kind else {
                continue;
            };
            if step.names_classes() {
                continue;
            }
            let Some(sent) = doc.templates.iter().find(|t| t.id == *template) else {
                continue;
            };
            let mut own = Vec::new();
            for pr in &doc.procedures {
                let theirs = pr.steps.iter().find_map(|s| match &s.kind {
                    StepKind::Communicate { template: t } if t != template => doc
                        .templates
                        .iter()
                        .find(|x| x.id == *t && x.audience == sent.audience)
                        .map(|x| (s.id.clone(), x.id.clone())),
                    _ => None,
                });
                if let Some((s, t)) = theirs {
                    own.push((pr.class.clone(), s, t));
                }
            }
            if own.is_empty() {
                continue;
            }
            let at = step_path(
                doc,
                &FlowStep {
                    step,
                    phase: p,
                    procedure: None,
                    index,
                },
            );
            out.push(Diagnostic::warning(
                at.field("kind").field("template"),
                K::SharedStepMisfit {
                    step: step.id.clone(),
                    template: template.clone(),
                    audience: sent.audience,
                    own,
                },
            ));
        }
    }
}

/// What the checks found, keyed so that a common step, which is in every
/// class's response, is reported once with the classes where it is so.
#[derive(Default)]
struct Found {
    /// In the order first found: the path, the finding, and the classes.
    items: Vec<(DocPath, Finding, Vec<ClassId>)>,
    /// Where each finding is in `items`: a large plan may have many.
    index: HashMap<Finding, usize>,
    /// Findings reported as they are, for the first class they are found
    /// in: a common decision's branch, or a branch that skips a record, is
    /// one fault whichever class shows it.
    plain: Vec<(DocPath, K)>,
    /// What has been reported once: (step, check).
    once: HashSet<(String, &'static str)>,
}

/// A finding whose responses are filled in when every class has been seen.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Finding {
    /// Becomes [`K::DeadlineOrder`].
    Deadline {
        step: StepId,
        deadline: i64,
        after: Vec<(StepId, i64)>,
    },
    /// Becomes [`K::BeforePaging`].
    Paging {
        step: StepId,
        role: RoleId,
        paging: StepId,
        on_duty: Vec<Target>,
    },
}

impl Found {
    fn add(&mut self, path: DocPath, finding: Finding, class: &ClassId) {
        if let Some(&i) = self.index.get(&finding) {
            let classes = &mut self.items[i].2;
            if !classes.contains(class) {
                classes.push(class.clone());
            }
            return;
        }
        self.index.insert(finding.clone(), self.items.len());
        self.items.push((path, finding, vec![class.clone()]));
    }

    /// A finding reported as it is, once: `key` names the thing it is
    /// about and `check` the check, so another class showing it again adds
    /// nothing.
    fn once(&mut self, key: String, check: &'static str, path: DocPath, kind: K) {
        if self.once.insert((key, check)) {
            self.plain.push((path, kind));
        }
    }

    fn report(self, classes: usize, out: &mut Vec<Diagnostic>) {
        for (path, finding, of) in self.items {
            let responses = if of.len() == classes && classes > 1 {
                Responses::Every
            } else {
                Responses::Of(of)
            };
            let kind = match finding {
                Finding::Deadline {
                    step,
                    deadline,
                    after,
                } => K::DeadlineOrder {
                    step,
                    deadline,
                    after,
                    responses,
                },
                Finding::Paging {
                    step,
                    role,
                    paging,
                    on_duty,
                } => K::BeforePaging {
                    step,
                    role,
                    paging,
                    on_duty,
                    responses,
                },
            };
            out.push(Diagnostic::warning(path, kind));
        }
        for (path, kind) in self.plain {
            out.push(Diagnostic::warning(path, kind));
        }
    }
}

/// A step's path, by its place in the flow.
type At<'a> = dyn Fn(usize) -> DocPath + 'a;

/// A step due earlier placed after steps due later, on some path: worked in
/// order, it is done after them and is late.
fn deadlines_in_order(
    flow: &[FlowStep<'_>],
    paths: &Paths,
    class: &ClassId,
    at: &At<'_>,
    found: &mut Found,
) {
    let due = |i: usize| flow[i].step.deadline_minutes.map(Minutes::get);
    // The latest deadline of any step on a path to each one, in one sweep
    // in flow order (paths only go forward; no deadline is `None`, the
    // least): a step with none later before it needs no walk back.
    let mut latest_before: Vec<Option<i64>> = vec![None; flow.len()];
    for i in 0..flow.len() {
        let latest = latest_before[i].max(due(i));
        for &t in paths.next(i) {
            latest_before[t] = latest_before[t].max(latest);
        }
    }
    for j in 0..flow.len() {
        let Some(deadline) = due(j) else {
            continue;
        };
        if latest_before[j].is_none_or(|latest| latest <= deadline) {
            continue;
        }
        // Only the steps due later are named: their ids are cloned, not
        // those of every step before (a response may have hundreds).
        let after: Vec<(StepId, i64)> = paths
            .before(j)
            .into_iter()
            .filter_map(|i| {
                let d = due(i).filter(|&d| d > deadline)?;
                Some((flow[i].step.id.clone(), d))
            })
            .collect();
        if after.is_empty() {
            continue;
        }
        found.add(
            at(j).field("deadline_minutes"),
            Finding::Deadline {
                step: flow[j].step.id.clone(),
                deadline,
                after,
            },
            class,
        );
    }
}

/// The steps before the paging step belong to whoever is on duty at the
/// declaration: the one who starts the call tree, with the roles that
/// person holds. Anyone else has not been paged yet.
fn paged_first(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    trees: &[Reach<'_>],
    flow: &[FlowStep<'_>],
    class: &ClassId,
    at: &At<'_>,
    found: &mut Found,
) {
    let Some(paging) = flow
        .iter()
        .position(|fs| matches!(fs.step.kind, StepKind::Inform(InformWhom::CallTree)))
    else {
        return;
    };
    for (i, fs) in flow[..paging].iter().enumerate() {
        let step = fs.step;
        let Some(role) = doc.roles.iter().find(|r| r.id == step.role) else {
            continue;
        };
        let mut on_duty: Vec<Target> = Vec::new();
        for level in levels.applying(step.min_level.as_ref()) {
            let Some(tree) = trees.iter().find(|t| t.level == *level) else {
                continue;
            };
            let own = match tree.root {
                Target::Role(r) => *r == role.id,
                _ => false,
            } || tree.root_person.is_some_and(|p| *p == role.holder);
            if !own && !on_duty.contains(tree.root) {
                on_duty.push(tree.root.clone());
            }
        }
        if on_duty.is_empty() {
            continue;
        }
        found.add(
            at(i).field("role"),
            Finding::Paging {
                step: step.id.clone(),
                role: role.id.clone(),
                paging: flow[paging].step.id.clone(),
                on_duty,
            },
            class,
        );
    }
}

/// A branch into a later phase skips every step between: the steps of the
/// phases it jumps over, and those of its own phase placed before it. The
/// ones that must not be skipped silently are timed steps, inform and
/// communicate steps, and the steps every response shares.
fn branches_keep_phases(flow: &[FlowStep<'_>], paths: &Paths, at: &At<'_>, found: &mut Found) {
    for (i, fs) in flow.iter().enumerate() {
        let StepKind::Decision { yes, no, .. } = &fs.step.kind else {
            continue;
        };
        for (branch, target) in [(Branch::Yes, yes), (Branch::No, no)] {
            let Some(t) = paths
                .next(i)
                .iter()
                .copied()
                .find(|&t| flow[t].step.id == *target)
            else {
                continue;
            };
            let skipped: Vec<StepId> = flow[i + 1..t]
                .iter()
                .filter(|s| s.phase > fs.phase)
                .filter(|s| {
                    s.step.deadline_minutes.is_some()
                        || s.procedure.is_none()
                        || matches!(
                            s.step.kind,
                            StepKind::Inform(_) | StepKind::Communicate { .. }
                        )
                })
                .map(|s| s.step.id.clone())
                .collect();
            if skipped.is_empty() {
                continue;
            }
            found.once(
                fs.step.id.as_str().to_owned(),
                branch.field(),
                at(i).field("kind").field(branch.field()),
                K::BranchSkipsPhase {
                    step: fs.step.id.clone(),
                    branch,
                    to: target.clone(),
                    skipped,
                },
            );
        }
    }
}

/// Each placeholder a sent template needs is recorded on every path to the
/// step that sends it, not on one branch only. (Recorded on no path at all
/// is [`K::PlaceholderUnfilled`], from the feasibility checks.)
fn recorded_on_every_path(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    flow: &[FlowStep<'_>],
    paths: &Paths,
    at: &At<'_>,
    found: &mut Found,
) {
    for (j, fs) in flow.iter().enumerate() {
        let StepKind::Communicate { template } = &fs.step.kind else {
            continue;
        };
        let Some(t) = doc.templates.iter().find(|t| t.id == *template) else {
            continue;
        };
        for name in template_placeholders(t) {
            if BUILTIN_PLACEHOLDERS.contains(&name) {
                continue;
            }
            let records = |i: usize| {
                record_key(flow[i].step) == Some(name)
                    && levels.covers(flow[i].step.min_level.as_ref(), fs.step.min_level.as_ref())
            };
            let recorded_by: Vec<usize> = (0..j).filter(|&i| records(i)).collect();
            if recorded_by.is_empty() {
                continue;
            }
            let Some(path) = paths.avoiding(j, records) else {
                continue;
            };
            // The decision on that path whose branch jumps over a step
            // that records the value.
            let Some((decision, branch)) = path.windows(2).find_map(|w| {
                let (d, next) = (w[0], w[1]);
                let StepKind::Decision { yes, .. } = &flow[d].step.kind else {
                    return None;
                };
                recorded_by.iter().any(|&r| d < r && r < next).then(|| {
                    // Step ids are unique (the checks run on a plan without
                    // errors): the step at `next` is the yes branch's or not.
                    let branch = if flow[next].step.id == *yes {
                        Branch::Yes
                    } else {
                        Branch::No
                    };
                    (d, branch)
                })
            }) else {
                continue;
            };
            let kind = K::RecordedOnOneBranch {
                step: fs.step.id.clone(),
                template: t.id.clone(),
                name: name.to_owned(),
                recorded_by: recorded_by
                    .iter()
                    .map(|&r| flow[r].step.id.clone())
                    .collect(),
                decision: flow[decision].step.id.clone(),
                branch,
            };
            found.once(
                format!("{}/{name}", fs.step.id.as_str()),
                "record",
                at(j).field("kind"),
                kind,
            );
        }
    }
}
