//! Whether a well-formed plan can be carried out as written.
//!
//! [`super::validate`] checks that a plan is well-formed: ids, references,
//! flow. These checks read it the way the duty officer does at 3 a.m. and
//! find what makes it fail in use although every reference resolves:
//!
//! - a step due before anyone who owns it has been called;
//! - a message template with a `{placeholder}` that nothing in the response
//!   fills before the message is sent, so it would go out literally;
//! - a clock that starts at the wrong event: a step of the closing phase
//!   counted from the declaration, or a legal time limit counted from the
//!   platform's own declaration instead of the discovery;
//! - a call tree in which a more severe level calls someone later (or not
//!   at all) than a less severe one;
//! - a step, timed or not, whose owner is never called at a level where it
//!   applies; a `{placeholder}` nothing fills at one of the levels where its
//!   message is sent (`{next_update}` where the level has no cadence);
//! - a call nested under a caller who is not called by then;
//! - and, as notes, an owner reached exactly at the deadline, and a role
//!   reached only because its deputy is the person who starts the calls.
//!
//! The checks that follow the paths through a response (a step due earlier
//! placed after one due later, work before anyone is paged, branches that
//! skip a phase or a recorded value) are [`super::order`]'s.
//!
//! They give warnings (errors under `runbook check --strict`; notes never
//! fail it) and run only on a document without errors, so every id they
//! follow resolves.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::diagnostic::{Diagnostic, DocPath};
use super::doc::{Basis, Call, CountsFrom, Minutes, PlanDoc, Step, StepKind, Target};
use super::flow::{FlowStep, class_flow};
use super::kind::{DiagnosticKind as K, Late, Responses};
use super::template::{BUILTIN_PLACEHOLDERS, placeholders};
use super::validate::{placed, step_path, steps_of};
use crate::model::ids::{ClassId, LevelId, PersonId, RoleId};

/// Every feasibility warning of a document that validated without errors.
#[must_use]
pub fn check(doc: &PlanDoc) -> Vec<Diagnostic> {
    let levels = Levels::of(doc);
    let trees: Vec<Reach<'_>> = doc
        .levels
        .iter()
        .filter_map(|l| Reach::of(doc, &l.id))
        .collect();
    let mut out = Vec::new();
    owners_reached(doc, &levels, &trees, &mut out);
    placeholders_filled(doc, &levels, &mut out);
    clocks_start_right(doc, &mut out);
    trees_monotone(&levels, &trees, &mut out);
    calls_after_callers(doc, &mut out);
    super::order::check(doc, &levels, &trees, &mut out);
    out
}

/// The plan's levels, most severe first.
pub(super) struct Levels<'a>(Vec<&'a LevelId>);

impl<'a> Levels<'a> {
    fn of(doc: &'a PlanDoc) -> Self {
        Self(doc.levels.iter().map(|l| &l.id).collect())
    }

    pub(super) fn rank(&self, level: &LevelId) -> usize {
        self.0
            .iter()
            .position(|l| *l == level)
            .unwrap_or(usize::MAX)
    }

    /// The levels at which a step with this `min_level` applies.
    pub(super) fn applying(&self, min_level: Option<&LevelId>) -> &[&'a LevelId] {
        match min_level {
            None => &self.0,
            Some(min) => &self.0[..=self.rank(min).min(self.0.len() - 1)],
        }
    }

    /// Whether a step with `outer` applies at every level where one with
    /// `inner` does.
    pub(super) fn covers(&self, outer: Option<&LevelId>, inner: Option<&LevelId>) -> bool {
        match (outer, inner) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(i)) => self.rank(i) <= self.rank(o),
        }
    }
}

/// When a call is due: minutes after the declaration, or no limit.
type Due = Option<i64>;

/// Who one level's call tree reaches, and when.
pub(super) struct Reach<'a> {
    pub(super) level: &'a LevelId,
    /// Path of the tree in the document.
    path: DocPath,
    /// The tree's root, as written: who starts the calls.
    pub(super) root: &'a Target,
    /// The person the root is (a role's holder); `None` for an external.
    pub(super) root_person: Option<&'a PersonId>,
    /// The earliest call reaching each person (a role's holder), with the
    /// call's target as written.
    people: HashMap<&'a PersonId, Reached<'a>>,
}

/// When a person is first reached, by which call.
#[derive(Clone)]
struct Reached<'a> {
    due: Due,
    path: DocPath,
    to: &'a Target,
}

impl<'a> Reach<'a> {
    fn of(doc: &'a PlanDoc, level: &'a LevelId) -> Option<Self> {
        let (i, tree) = doc
            .call_trees
            .iter()
            .enumerate()
            .find(|(_, t)| t.level == *level)?;
        let path = DocPath::root()
            .field("call_trees")
            .index(i, Some(level.as_str()));
        let mut reach = Self {
            level,
            path: path.clone(),
            root: &tree.root,
            root_person: person_of(doc, &tree.root),
            people: HashMap::new(),
        };
        // The root starts the calls: reached at the declaration.
        reach.note(doc, &tree.root, Some(0), path.field("root"));
        reach.walk(doc, &tree.calls, &path.field("calls"));
        Some(reach)
    }

    fn walk(&mut self, doc: &'a PlanDoc, calls: &'a [Call], path: &DocPath) {
        for (j, call) in calls.iter().enumerate() {
            let p = path.index(j, None);
            let at = if call.within_minutes.is_some() {
                p.field("within_minutes")
            } else {
                p.field("to")
            };
            self.note(doc, &call.to, call.within_minutes.map(Minutes::get), at);
            self.walk(doc, &call.calls, &p.field("calls"));
        }
    }

    fn note(&mut self, doc: &'a PlanDoc, to: &'a Target, due: Due, path: DocPath) {
        let Some(person) = person_of(doc, to) else {
            return;
        };
        if self
            .people
            .get(person)
            .is_none_or(|old| earlier(due, old.due))
        {
            self.people.insert(person, Reached { due, path, to });
        }
    }
}

impl Reach<'_> {
    /// When the first of these people is reached: `None` when none is,
    /// `Some(None)` when the first call has no time limit.
    fn first(&self, owners: &[&PersonId]) -> Option<Due> {
        owners
            .iter()
            .filter_map(|p| self.people.get(p).map(|r| r.due))
            .min_by(|a, b| match (a, b) {
                (Some(a), Some(b)) => a.cmp(b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
    }

    /// Whether any of these people is reached.
    pub(super) fn reaches_any(&self, people: &[&PersonId]) -> bool {
        people.iter().any(|p| self.people.contains_key(p))
    }
}

/// The person a target is: a role's holder, or the person named.
pub(super) fn person_of<'a>(doc: &'a PlanDoc, to: &'a Target) -> Option<&'a PersonId> {
    match to {
        Target::Role(r) => doc.roles.iter().find(|x| x.id == *r).map(|x| &x.holder),
        Target::Person(p) => Some(p),
        Target::External(_) => None,
    }
}

/// Whether one due comes before another; a limit comes before none.
fn earlier(new: Due, old: Due) -> bool {
    match (new, old) {
        (Some(n), Some(o)) => n < o,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Check 1: each step's owner is called at every level where the step
/// applies, and a timed step's before it is due (an owner reached at the
/// deadline itself is a note). A role that counts as reached only because
/// its deputy starts the calls is a note too: nobody was called for it.
#[allow(clippy::too_many_lines)] // One pass over the steps, three findings.
fn owners_reached(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    trees: &[Reach<'_>],
    out: &mut Vec<Diagnostic>,
) {
    // Each role by id, as its place in the list (the first of two with one
    // id, as a search from the start finds it).
    let mut roles: HashMap<&str, usize> = HashMap::with_capacity(doc.roles.len());
    for (r, role) in doc.roles.iter().enumerate() {
        roles.entry(role.id.as_str()).or_insert(r);
    }
    // Each level's tree, by the level's rank; and when each role's owners
    // are first reached in each tree (`Reach::first`), worked out once per
    // role and tree rather than for every step and level.
    let tree_at: Vec<Option<&Reach<'_>>> = levels
        .0
        .iter()
        .map(|level| trees.iter().find(|t| t.level == *level))
        .collect();
    let first_reached: Vec<Vec<Option<Due>>> = doc
        .roles
        .iter()
        .map(|role| {
            let owners: Vec<&PersonId> = std::iter::once(&role.holder)
                .chain(&role.deputies)
                .collect();
            tree_at
                .iter()
                .map(|tree| tree.and_then(|t| t.first(&owners)))
                .collect()
        })
        .collect();
    // Untimed steps whose owner is never called, grouped by the role and
    // the levels: (role, levels) → the first step's path, the steps.
    let mut never: Vec<(
        &RoleId,
        Vec<LevelId>,
        DocPath,
        Vec<crate::model::ids::StepId>,
    )> = Vec::new();
    // The levels with a call tree at which each role owns a step: by the
    // role's place, a flag for each level's rank.
    let mut owns: Vec<Vec<bool>> = vec![vec![false; levels.0.len()]; doc.roles.len()];
    for fs in placed(doc) {
        let step = fs.step;
        let Some(&r) = roles.get(step.role.as_str()) else {
            continue;
        };
        let role = &doc.roles[r];
        let deadline = step.deadline_minutes.map(Minutes::get);
        let (mut late, mut exact, mut absent) = (Vec::new(), Vec::new(), Vec::new());
        // The levels that apply are the most severe ones: a level's place
        // among them is its rank.
        for (rank, level) in levels.applying(step.min_level.as_ref()).iter().enumerate() {
            if tree_at[rank].is_none() {
                continue;
            }
            owns[r][rank] = true;
            let first = first_reached[r][rank];
            let Some(deadline) = deadline else {
                if first.is_none() {
                    absent.push((*level).clone());
                }
                continue;
            };
            let how = match first {
                Some(Some(m)) if m < deadline => continue,
                Some(Some(m)) if m == deadline => {
                    exact.push((*level).clone());
                    continue;
                }
                Some(Some(m)) => Late::CalledAt(m),
                Some(None) => Late::NoLimit,
                None => Late::NotCalled,
            };
            late.push(((*level).clone(), how));
        }
        if !absent.is_empty() {
            match never
                .iter_mut()
                .find(|(r, l, ..)| **r == role.id && *l == absent)
            {
                Some(group) => group.3.push(step.id.clone()),
                None => never.push((
                    &role.id,
                    absent,
                    step_path(doc, &fs).field("role"),
                    vec![step.id.clone()],
                )),
            }
        }
        let Some(deadline) = deadline else {
            continue;
        };
        let at = || step_path(doc, &fs).field("deadline_minutes");
        if !late.is_empty() {
            out.push(Diagnostic::warning(
                at(),
                K::OwnerLate {
                    step: step.id.clone(),
                    deadline,
                    role: role.id.clone(),
                    levels: late,
                },
            ));
        }
        if !exact.is_empty() {
            out.push(Diagnostic::note(
                at(),
                K::NoSlack {
                    step: step.id.clone(),
                    deadline,
                    role: role.id.clone(),
                    levels: exact,
                },
            ));
        }
    }
    for (role, levels, path, steps) in never {
        out.push(Diagnostic::warning(
            path,
            K::OwnerNeverCalled {
                role: role.clone(),
                steps,
                levels,
            },
        ));
    }
    reached_through_root(
        doc,
        levels,
        trees,
        |role| {
            roles
                .get(role.as_str())
                .map(|&r| owns[r].as_slice())
                .filter(|at| at.contains(&true))
        },
        out,
    );
}

/// A role reached only because one of its deputies is the person who
/// starts the calls: at the declaration the duty officer is on duty, but
/// nobody was called for the role, and the checks above count it reached.
///
/// `owns` gives the levels with a call tree at which a role owns a step, as
/// a flag for each level's rank; `None` for a role that owns none.
fn reached_through_root<'o>(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    trees: &[Reach<'_>],
    owns: impl Fn(&RoleId) -> Option<&'o [bool]>,
    out: &mut Vec<Diagnostic>,
) {
    for (i, role) in doc.roles.iter().enumerate() {
        let Some(at) = owns(&role.id) else {
            continue;
        };
        for (k, deputy) in role.deputies.iter().enumerate() {
            let others: Vec<&PersonId> = std::iter::once(&role.holder)
                .chain(role.deputies.iter().filter(|d| *d != deputy))
                .collect();
            let mut only: Vec<&LevelId> = trees
                .iter()
                .filter(|t| at.get(levels.rank(t.level)) == Some(&true))
                .filter(|t| t.root_person == Some(deputy) && role.holder != *deputy)
                .filter(|t| !t.reaches_any(&others))
                .map(|t| t.level)
                .collect();
            if only.is_empty() {
                continue;
            }
            only.sort_by_key(|l| levels.rank(l));
            out.push(Diagnostic::note(
                DocPath::root()
                    .field("roles")
                    .index(i, Some(role.id.as_str()))
                    .field("deputies")
                    .index(k, None),
                K::ReachedThroughRoot {
                    role: role.id.clone(),
                    deputy: deputy.clone(),
                    levels: only.into_iter().cloned().collect(),
                },
            ));
        }
    }
}

/// Check 2: every placeholder of a template a step sends is filled by then:
/// built in, or recorded by an earlier step that applies at every level
/// where the sending step does; and, level by level, the built-in ones
/// that a level may leave empty (`{next_update}` without a cadence).
fn placeholders_filled(doc: &PlanDoc, levels: &Levels<'_>, out: &mut Vec<Diagnostic>) {
    // (sending step, placeholder) → classes whose response leaves it unfilled.
    let mut unfilled: BTreeMap<(&str, &str), (DocPath, &super::doc::Template, Vec<&ClassId>)> =
        BTreeMap::new();
    let mut sent: HashSet<&str> = HashSet::new();
    // A common step is in every class's flow: its levels are checked once.
    let mut by_level: HashSet<&str> = HashSet::new();
    for class in &doc.classes {
        let flow = class_flow(doc, &class.id);
        for (i, fs) in flow.iter().enumerate() {
            let StepKind::Communicate { template } = &fs.step.kind else {
                continue;
            };
            let Some(t) = doc.templates.iter().find(|t| t.id == *template) else {
                continue;
            };
            sent.insert(t.id.as_str());
            if by_level.insert(fs.step.id.as_str()) {
                empty_at_levels(doc, levels, fs, t, out);
            }
            // Recorded by an earlier step that applies wherever this one
            // does: looked for name by name (a template has a few), not
            // gathered into a set for every step that sends one.
            let recorded = |name: &str| {
                flow[..i].iter().any(|r| {
                    record_key(r.step) == Some(name)
                        && levels.covers(r.step.min_level.as_ref(), fs.step.min_level.as_ref())
                })
            };
            for name in template_placeholders(t) {
                if BUILTIN_PLACEHOLDERS.contains(&name) || recorded(name) {
                    continue;
                }
                unfilled
                    .entry((fs.step.id.as_str(), name))
                    .or_insert_with(|| (step_path(doc, fs).field("kind"), t, Vec::new()))
                    .2
                    .push(&class.id);
            }
        }
    }
    for ((step, name), (path, template, classes)) in unfilled {
        let responses = if classes.len() == doc.classes.len() && classes.len() > 1 {
            Responses::Every
        } else {
            Responses::Of(classes.into_iter().cloned().collect())
        };
        out.push(Diagnostic::warning(
            path,
            K::PlaceholderUnfilled {
                step: step.into(),
                template: template.id.clone(),
                name: name.to_owned(),
                responses,
            },
        ));
    }
    // Templates no step sends are picked by hand: each placeholder must at
    // least be recorded somewhere.
    let anywhere: HashSet<&str> = steps_of(doc).filter_map(record_key).collect();
    for (i, t) in doc.templates.iter().enumerate() {
        if sent.contains(t.id.as_str()) {
            continue;
        }
        for name in template_placeholders(t) {
            if !BUILTIN_PLACEHOLDERS.contains(&name) && !anywhere.contains(name) {
                out.push(Diagnostic::warning(
                    DocPath::root()
                        .field("templates")
                        .index(i, Some(t.id.as_str()))
                        .field("body"),
                    K::PlaceholderNeverRecorded {
                        template: t.id.clone(),
                        name: name.to_owned(),
                    },
                ));
            }
        }
    }
}

/// The built-in placeholders of a template that a level where the step
/// sending it applies leaves empty: `{next_update}` at a level with no
/// `update_every_minutes`, where no status update is ever due.
fn empty_at_levels(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    fs: &FlowStep<'_>,
    t: &super::doc::Template,
    out: &mut Vec<Diagnostic>,
) {
    const NEXT_UPDATE: &str = "next_update";
    if !template_placeholders(t).contains(&NEXT_UPDATE) {
        return;
    }
    let without: Vec<LevelId> = levels
        .applying(fs.step.min_level.as_ref())
        .iter()
        .filter(|l| {
            doc.levels
                .iter()
                .any(|x| x.id == ***l && x.update_every_minutes.is_none())
        })
        .map(|l| (*l).clone())
        .collect();
    if !without.is_empty() {
        out.push(Diagnostic::warning(
            step_path(doc, fs).field("kind"),
            K::PlaceholderUnfilledAt {
                step: fs.step.id.clone(),
                template: t.id.clone(),
                name: NEXT_UPDATE.to_owned(),
                levels: without,
            },
        ));
    }
}

pub(super) fn record_key(step: &Step) -> Option<&str> {
    match &step.kind {
        StepKind::Record { key, .. } => Some(key.as_str()),
        _ => None,
    }
}

/// The distinct placeholders of a template's subject and body, in order.
pub(super) fn template_placeholders(t: &super::doc::Template) -> Vec<&str> {
    let mut seen = Vec::new();
    for text in t
        .subject
        .iter()
        .map(String::as_str)
        .chain([t.body.as_str()])
    {
        // Malformed placeholders are the validator's errors; none here.
        for name in placeholders(text).unwrap_or_default() {
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
    }
    seen
}

/// Check 3: clocks start at an event that comes before what they time.
fn clocks_start_right(doc: &PlanDoc, out: &mut Vec<Diagnostic>) {
    // The last phase is the closing one: it runs when the response ends,
    // which may be any time after the declaration that step deadlines count
    // from.
    if let Some(last) = doc.phases.last() {
        // A timed step of the closing phase: a procedure's step naming it,
        // or a common step listed under it. Only those get a path.
        let closing = placed(doc).filter(|fs| {
            fs.step.deadline_minutes.is_some()
                && (fs.step.phase.as_ref() == Some(&last.id)
                    || fs.procedure.is_none() && fs.phase == doc.phases.len() - 1)
        });
        for fs in closing {
            let step = fs.step;
            let Some(m) = step.deadline_minutes else {
                continue;
            };
            out.push(Diagnostic::warning(
                step_path(doc, &fs).field("deadline_minutes"),
                K::ClosingStepTimed {
                    step: step.id.clone(),
                    phase: last.id.clone(),
                    minutes: m.get(),
                },
            ));
        }
    }
    for (i, level) in doc.levels.iter().enumerate() {
        for (j, duty) in level.duties.iter().enumerate() {
            if matches!(duty.basis, Basis::Law(_))
                && duty.within_minutes.is_some()
                && duty.counts_from == CountsFrom::Declaration
            {
                out.push(Diagnostic::warning(
                    DocPath::root()
                        .field("levels")
                        .index(i, Some(level.id.as_str()))
                        .field("duties")
                        .index(j, Some(duty.id.as_str()))
                        .field("counts_from"),
                    K::LegalLimitFromDeclaration {
                        duty: duty.id.clone(),
                    },
                ));
            }
        }
    }
}

/// Check 4: a more severe level calls everyone a less severe one calls, and
/// no later.
fn trees_monotone(levels: &Levels<'_>, trees: &[Reach<'_>], out: &mut Vec<Diagnostic>) {
    let mut by_rank: Vec<&Reach<'_>> = trees.iter().collect();
    by_rank.sort_by_key(|t| levels.rank(t.level));
    for (i, severe) in by_rank.iter().enumerate() {
        // For each person, the earliest call at any less severe level.
        let mut milder: HashMap<&PersonId, (Reached<'_>, &LevelId)> = HashMap::new();
        for tree in &by_rank[i + 1..] {
            for (&person, reached) in &tree.people {
                if milder
                    .get(person)
                    .is_none_or(|(old, _)| earlier(reached.due, old.due))
                {
                    milder.insert(person, (reached.clone(), tree.level));
                }
            }
        }
        let mut milder: Vec<_> = milder.into_iter().collect();
        milder.sort_by(|a, b| a.0.cmp(b.0));
        for (person, (was, level)) in milder {
            match severe.people.get(person) {
                None => out.push(Diagnostic::warning(
                    severe.path.field("calls"),
                    K::NotCalledAtSevere {
                        to: was.to.clone(),
                        holder: person.clone(),
                        milder: level.clone(),
                        severe: severe.level.clone(),
                    },
                )),
                Some(here) => {
                    let Some(then) = was.due else { continue };
                    if here.due.is_some_and(|now| now <= then) {
                        continue;
                    }
                    out.push(Diagnostic::warning(
                        here.path.clone(),
                        K::CalledLater {
                            to: was.to.clone(),
                            holder: person.clone(),
                            within: here.due,
                            severe: severe.level.clone(),
                            then,
                            milder: level.clone(),
                        },
                    ));
                }
            }
        }
    }
}

/// Check 5: a call nested under another is due no earlier than its caller
/// is called: the caller makes it, so it cannot happen before they are
/// reached (nor be promised under a caller with no time limit).
fn calls_after_callers(doc: &PlanDoc, out: &mut Vec<Diagnostic>) {
    fn walk(level: &LevelId, caller: &Call, path: &DocPath, out: &mut Vec<Diagnostic>) {
        let caller_within = caller.within_minutes.map(Minutes::get);
        for (j, call) in caller.calls.iter().enumerate() {
            let p = path.field("calls").index(j, None);
            if let Some(within) = call.within_minutes.map(Minutes::get)
                && caller_within.is_none_or(|c| within < c)
            {
                out.push(Diagnostic::warning(
                    p.field("within_minutes"),
                    K::CallBeforeCaller {
                        level: level.clone(),
                        to: call.to.clone(),
                        within,
                        caller: caller.to.clone(),
                        caller_within,
                    },
                ));
            }
            walk(level, call, &p, out);
        }
    }
    for (i, tree) in doc.call_trees.iter().enumerate() {
        let path = DocPath::root()
            .field("call_trees")
            .index(i, Some(tree.level.as_str()))
            .field("calls");
        for (j, call) in tree.calls.iter().enumerate() {
            walk(&tree.level, call, &path.index(j, None), out);
        }
    }
}
