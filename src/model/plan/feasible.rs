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
//!   at all) than a less severe one.
//!
//! They give warnings (errors under `runbook check --strict`) and run only on
//! a document without errors, so every id they follow resolves.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::diagnostic::{Diagnostic, DocPath, Segment};
use super::doc::{Basis, Call, CountsFrom, Minutes, PlanDoc, Step, StepKind, Target};
use super::flow::class_flow;
use super::kind::{DiagnosticKind as K, Late, Responses};
use super::template::{BUILTIN_PLACEHOLDERS, placeholders};
use super::validate::{all_steps_where, step_path, steps_of};
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
    out
}

/// The plan's levels, most severe first.
struct Levels<'a>(Vec<&'a LevelId>);

impl<'a> Levels<'a> {
    fn of(doc: &'a PlanDoc) -> Self {
        Self(doc.levels.iter().map(|l| &l.id).collect())
    }

    fn rank(&self, level: &LevelId) -> usize {
        self.0
            .iter()
            .position(|l| *l == level)
            .unwrap_or(usize::MAX)
    }

    /// The levels at which a step with this `min_level` applies.
    fn applying(&self, min_level: Option<&LevelId>) -> &[&'a LevelId] {
        match min_level {
            None => &self.0,
            Some(min) => &self.0[..=self.rank(min).min(self.0.len() - 1)],
        }
    }

    /// Whether a step with `outer` applies at every level where one with
    /// `inner` does.
    fn covers(&self, outer: Option<&LevelId>, inner: Option<&LevelId>) -> bool {
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
struct Reach<'a> {
    level: &'a LevelId,
    /// Path of the tree in the document.
    path: DocPath,
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
        let person = match to {
            Target::Role(r) => doc.roles.iter().find(|x| x.id == *r).map(|x| &x.holder),
            Target::Person(p) => Some(p),
            Target::External(_) => None,
        };
        let Some(person) = person else {
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

/// Whether one due comes before another; a limit comes before none.
fn earlier(new: Due, old: Due) -> bool {
    match (new, old) {
        (Some(n), Some(o)) => n < o,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Check 1: each timed step's owner is called before the step is due, at
/// every level where the step applies.
fn owners_reached(
    doc: &PlanDoc,
    levels: &Levels<'_>,
    trees: &[Reach<'_>],
    out: &mut Vec<Diagnostic>,
) {
    let roles: HashMap<&RoleId, &super::doc::Role> =
        doc.roles.iter().map(|r| (&r.id, r)).rev().collect();
    for (path, step) in all_steps_where(doc, |s| s.deadline_minutes.is_some()) {
        let Some(deadline) = step.deadline_minutes.map(Minutes::get) else {
            continue;
        };
        let Some(&role) = roles.get(&step.role) else {
            continue;
        };
        let owners: Vec<&PersonId> = std::iter::once(&role.holder)
            .chain(&role.deputies)
            .collect();
        let mut late = Vec::new();
        for level in levels.applying(step.min_level.as_ref()) {
            let Some(tree) = trees.iter().find(|t| t.level == *level) else {
                continue;
            };
            let first = owners
                .iter()
                .filter_map(|p| tree.people.get(p).map(|r| r.due))
                .min_by(|a, b| match (a, b) {
                    (Some(a), Some(b)) => a.cmp(b),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                });
            let how = match first {
                Some(Some(m)) if m <= deadline => continue,
                Some(Some(m)) => Late::CalledAt(m),
                Some(None) => Late::NoLimit,
                None => Late::NotCalled,
            };
            late.push(((*level).clone(), how));
        }
        if !late.is_empty() {
            out.push(Diagnostic::warning(
                path.field("deadline_minutes"),
                K::OwnerLate {
                    step: step.id.clone(),
                    deadline,
                    role: role.id.clone(),
                    levels: late,
                },
            ));
        }
    }
}

/// Check 2: every placeholder of a template a step sends is filled by then:
/// built in, or recorded by an earlier step that applies at every level
/// where the sending step does.
fn placeholders_filled(doc: &PlanDoc, levels: &Levels<'_>, out: &mut Vec<Diagnostic>) {
    // (sending step, placeholder) → classes whose response leaves it unfilled.
    let mut unfilled: BTreeMap<(&str, &str), (DocPath, &super::doc::Template, Vec<&ClassId>)> =
        BTreeMap::new();
    let mut sent: HashSet<&str> = HashSet::new();
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
            let recorded: HashSet<&str> = flow[..i]
                .iter()
                .filter(|r| levels.covers(r.step.min_level.as_ref(), fs.step.min_level.as_ref()))
                .filter_map(|r| record_key(r.step))
                .collect();
            for name in template_placeholders(t) {
                if BUILTIN_PLACEHOLDERS.contains(&name) || recorded.contains(name) {
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

fn record_key(step: &Step) -> Option<&str> {
    match &step.kind {
        StepKind::Record { key, .. } => Some(key.as_str()),
        _ => None,
    }
}

/// The distinct placeholders of a template's subject and body, in order.
fn template_placeholders(t: &super::doc::Template) -> Vec<&str> {
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
        let closing = all_steps_where(doc, |s| s.deadline_minutes.is_some())
            .into_iter()
            .filter(|(path, step)| {
                step.phase.as_ref() == Some(&last.id)
                    || path.0.get(1).is_some_and(
                        |s| matches!(s, Segment::Index(i, _) if *i == doc.phases.len() - 1),
                    ) && path.0.first() == Some(&Segment::Field("phases"))
            });
        for (path, step) in closing {
            let Some(m) = step.deadline_minutes else {
                continue;
            };
            out.push(Diagnostic::warning(
                path.field("deadline_minutes"),
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
