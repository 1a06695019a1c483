//! Lessons: what the records of incidents and drills say the plan should
//! change, as proposals keyed by the plan's own ids, each with its
//! evidence (which incident, when).
//!
//! A plan only improves if what happened feeds it: a step done late
//! against its deadline, a step skipped or marked not applicable, a number
//! nobody answered or that was wrong, a template people rewrote before
//! sending, a placeholder always typed by hand, a drill target missed.
//! Each record is read against the plan it was pinned to, since ids and
//! deadlines change between revisions; proposals are grouped by plan
//! revision, newest first. Pure: the records come in, typed proposals go
//! out, and `i18n::lessons` words them.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use crate::model::ids::{ItemId, StepId, TemplateId};
use crate::model::incident::{CallOutcome, Entry, Event, Incident, ItemState, Verdict};
use crate::model::plan::Plan;
use crate::model::plan::doc::{Minutes, Target};
use crate::model::plan::template::{self, Piece};

/// One incident or drill as read from its folder.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// Its folder's name.
    pub name: &'a str,
    /// The plan it was pinned to.
    pub plan: &'a Plan,
    /// What its log folds to.
    pub incident: &'a Incident,
}

/// Where a proposal's evidence is: which incident, when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The incident's folder name.
    pub incident: String,
    /// A drill.
    pub drill: bool,
    /// When it happened (for something that never happened, when the
    /// incident ended).
    pub at: DateTime<Utc>,
}

/// How a step was set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetAside {
    /// Skipped, with the reason.
    Skipped(String),
    /// Marked not applicable.
    NotApplicable,
    /// Deferred, and still deferred.
    Deferred,
    /// A timed step still open (or blocked) when the incident closed, past
    /// its deadline: it was never done, which a list of late steps alone
    /// would not show.
    Undone,
}

/// A change the records propose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proposal {
    /// A timed step done after its deadline: the deadline may be wrong, or
    /// the step in the wrong place or with the wrong owner.
    StepLate {
        /// The step.
        step: StepId,
        /// Its deadline, in minutes from the declaration.
        deadline_minutes: Minutes,
        /// Each time it was late, by how much.
        late: Vec<(Evidence, Duration)>,
        /// In how many of the records the step had a deadline.
        of: usize,
    },
    /// A step set aside: skipped, not applicable or left deferred.
    StepSetAside {
        /// The step.
        step: StepId,
        /// Each time, how.
        how: Vec<(Evidence, SetAside)>,
    },
    /// A call of the tree that was not answered, or a wrong number: a
    /// contact to update.
    Contact {
        /// Who was called.
        to: Target,
        /// Not answered (no answer, or a message left).
        no_answer: Vec<Evidence>,
        /// A wrong number.
        wrong_number: Vec<Evidence>,
    },
    /// A template whose text people changed before sending it.
    TemplateEdited {
        /// The template.
        template: TemplateId,
        /// Each time, the template's words that were not in what was sent.
        edits: Vec<(Evidence, Vec<String>)>,
        /// How many messages went out from it.
        sent: usize,
    },
    /// A placeholder the record could never fill: typed by hand every time
    /// its template was sent, so a record step for it is missing.
    ByHand {
        /// The template.
        template: TemplateId,
        /// The placeholder.
        placeholder: String,
        /// Each message it was typed in.
        evidence: Vec<Evidence>,
    },
    /// A drill's time target missed.
    DrillTarget {
        /// The drill.
        drill: ItemId,
        /// What had to happen.
        what: String,
        /// Within how many minutes.
        within_minutes: Minutes,
        /// Each time: how late, or `None` when it never happened.
        missed: Vec<(Evidence, Option<Duration>)>,
    },
}

/// The proposals for one revision of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanLessons {
    /// The plan's version, as it says.
    pub version: String,
    /// The records read against it, by name.
    pub records: Vec<String>,
    /// Where one of them is in the records given: its plan is this one.
    pub plan_of: usize,
    /// What they propose, in the order: late steps, steps set aside,
    /// contacts, templates, placeholders, drill targets.
    pub proposals: Vec<Proposal>,
}

/// The proposals of every record, grouped by the plan revision each was
/// pinned to (by the plan file's hash), newest revision first.
#[must_use]
pub fn lessons(records: &[Record<'_>]) -> Vec<PlanLessons> {
    let mut by_plan: BTreeMap<&str, (usize, Vec<&Record<'_>>)> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        by_plan
            .entry(r.incident.plan_sha256())
            .or_insert_with(|| (i, Vec::new()))
            .1
            .push(r);
    }
    let mut groups: Vec<(usize, &Plan, Vec<&Record<'_>>)> = by_plan
        .into_values()
        .filter_map(|(i, rs)| rs.first().map(|r| (i, r.plan, rs.clone())))
        .collect();
    groups.sort_by_key(|(_, plan, _)| std::cmp::Reverse(revision_key(plan)));
    groups
        .into_iter()
        .map(|(plan_of, plan, rs)| PlanLessons {
            version: plan.doc().meta.version.clone(),
            records: rs.iter().map(|r| r.name.to_owned()).collect(),
            plan_of,
            proposals: proposals(plan, &rs),
        })
        .collect()
}

/// How new a plan revision is: its latest date, then its version.
fn revision_key(plan: &Plan) -> (chrono::NaiveDate, String) {
    let doc = plan.doc();
    let latest = doc
        .revisions
        .iter()
        .map(|r| r.date.0)
        .chain(std::iter::once(doc.meta.effective.0))
        .max()
        .unwrap_or_default();
    (latest, doc.meta.version.clone())
}

fn evidence(r: &Record<'_>, at: DateTime<Utc>) -> Evidence {
    Evidence {
        incident: r.name.to_owned(),
        drill: r.incident.is_drill(),
        at,
    }
}

/// When the record ends: the close, or the last entry.
fn end(incident: &Incident) -> DateTime<Utc> {
    incident
        .closed_at()
        .unwrap_or_else(|| incident.last_activity())
}

/// The last entry that set the step's state.
fn acted<'i>(incident: &'i Incident, step: &'i StepId) -> Option<&'i Entry> {
    incident
        .entries_about(step)
        .filter(|e| {
            matches!(
                e.event,
                Event::StepStatus { .. }
                    | Event::ValueRecorded { .. }
                    | Event::DecisionAnswered { .. }
            )
        })
        .last()
}

fn proposals(plan: &Plan, records: &[&Record<'_>]) -> Vec<Proposal> {
    // Per step: its deadline, each time late, in how many records timed.
    type Late = (Minutes, Vec<(Evidence, Duration)>, usize);
    let mut late: BTreeMap<StepId, Late> = BTreeMap::new();
    let mut aside: BTreeMap<StepId, Vec<(Evidence, SetAside)>> = BTreeMap::new();
    for r in records {
        let status = r.incident.status(plan, end(r.incident));
        for item in &status.items {
            let id = &item.step.id;
            if let (Some(due), Some(minutes)) = (item.due, item.step.deadline_minutes) {
                let slot = late
                    .entry(id.clone())
                    .or_insert_with(|| (minutes, Vec::new(), 0));
                slot.2 += 1;
                if item.state == ItemState::Done
                    && let Some(at) = acted(r.incident, id).map(Entry::at)
                    && at > due
                {
                    slot.1.push((evidence(r, at), at - due));
                }
            }
            let closed = r.incident.closed_at();
            let how = match &item.state {
                ItemState::Skipped(why) => SetAside::Skipped(why.clone()),
                ItemState::NotApplicable if !item.ruled_out => SetAside::NotApplicable,
                ItemState::Deferred => SetAside::Deferred,
                // Only a timed step, and only once the response is over:
                // an open incident is still working on it, and an untimed
                // step left open says little about the plan.
                ItemState::Open | ItemState::Blocked(_)
                    if !item.ruled_out
                        && item.due.zip(closed).is_some_and(|(due, at)| due < at) =>
                {
                    SetAside::Undone
                }
                _ => continue,
            };
            let at = acted(r.incident, id).map_or_else(|| end(r.incident), Entry::at);
            aside
                .entry(id.clone())
                .or_default()
                .push((evidence(r, at), how));
        }
    }
    let mut out: Vec<Proposal> = late
        .into_iter()
        .filter(|(_, (_, l, _))| !l.is_empty())
        .map(|(step, (deadline_minutes, late, of))| Proposal::StepLate {
            step,
            deadline_minutes,
            late,
            of,
        })
        .collect();
    out.extend(
        aside
            .into_iter()
            .map(|(step, how)| Proposal::StepSetAside { step, how }),
    );
    out.extend(contacts(records));
    out.extend(templates(plan, records));
    out.extend(drill_targets(plan, records));
    out
}

/// Calls not answered, and wrong numbers, by whom.
fn contacts(records: &[&Record<'_>]) -> Vec<Proposal> {
    let mut by: Vec<(Target, Vec<Evidence>, Vec<Evidence>)> = Vec::new();
    for r in records {
        for e in r.incident.timeline() {
            let Event::CallAttempt { to, outcome, .. } = &e.event else {
                continue;
            };
            if r.incident.is_undone(e) {
                continue;
            }
            let wrong = match outcome {
                CallOutcome::NoAnswer | CallOutcome::LeftMessage => false,
                CallOutcome::WrongNumber => true,
                CallOutcome::Reached => continue,
            };
            let i = by
                .iter()
                .position(|(t, _, _)| t == &**to)
                .unwrap_or_else(|| {
                    by.push(((**to).clone(), Vec::new(), Vec::new()));
                    by.len() - 1
                });
            if let Some((_, no, wrong_n)) = by.get_mut(i) {
                if wrong { wrong_n } else { no }.push(evidence(r, e.at()));
            }
        }
    }
    by.into_iter()
        .map(|(to, no_answer, wrong_number)| Proposal::Contact {
            to,
            no_answer,
            wrong_number,
        })
        .collect()
}

/// The template's words that are not in `sent`, in order: its text pieces
/// between placeholders, each looked for after the one before.
#[must_use]
pub fn words_changed(template_text: &str, sent: &str) -> Vec<String> {
    let mut literals: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in template::pieces(template_text) {
        match piece {
            Piece::Text(t) => current.push_str(t),
            _ => literals.push(std::mem::take(&mut current)),
        }
    }
    literals.push(current);
    // Each literal by sentence and line, so a changed sentence is named,
    // not the paragraph around it.
    let sentences = literals.iter().flat_map(|l| {
        l.split_inclusive(['\n', '。', '！', '？', '；'])
            .flat_map(|s| s.split_inclusive(". "))
    });
    let mut from = 0;
    let mut missing = Vec::new();
    for lit in sentences {
        let lit = lit.trim();
        // Punctuation alone (the full stop after a placeholder) says nothing.
        if !lit.chars().any(char::is_alphanumeric) {
            continue;
        }
        match sent.get(from..).and_then(|rest| rest.find(lit)) {
            Some(i) => from += i + lit.len(),
            None => missing.push(lit.to_owned()),
        }
    }
    missing
}

/// Templates edited before sending, and placeholders always typed by hand.
fn templates(plan: &Plan, records: &[&Record<'_>]) -> Vec<Proposal> {
    // Per template: messages sent, the edits, and per placeholder the
    // messages it was typed by hand in.
    type Seen = (
        usize,
        Vec<(Evidence, Vec<String>)>,
        BTreeMap<String, Vec<Evidence>>,
    );
    let mut seen: BTreeMap<TemplateId, Seen> = BTreeMap::new();
    for r in records {
        let timeline = r.incident.timeline();
        for (i, e) in timeline.iter().enumerate() {
            let Event::MessageSent {
                template: Some(id),
                text,
                ..
            } = &e.event
            else {
                continue;
            };
            let Some(t) = plan.template(id) else {
                continue;
            };
            let slot = seen.entry(id.clone()).or_default();
            slot.0 += 1;
            let whole = match &t.subject {
                Some(s) => format!("{s}\n\n{}", t.body),
                None => t.body.clone(),
            };
            let changed = words_changed(&whole, text);
            if !changed.is_empty() {
                slot.1.push((evidence(r, e.at()), changed));
            }
            // What the record could fill when it was sent: the incident as
            // it stood just before.
            let Ok(before) = Incident::replay(timeline.get(..i).unwrap_or_default()) else {
                continue;
            };
            let filled =
                before.render_template(plan, t, e.at(), &|at| at.to_rfc3339(), &BTreeMap::new());
            for name in template::unfilled(&filled) {
                slot.2
                    .entry(name.to_owned())
                    .or_default()
                    .push(evidence(r, e.at()));
            }
        }
    }
    let mut out = Vec::new();
    let mut by_hand = Vec::new();
    for (template, (sent, edits, hands)) in seen {
        if !edits.is_empty() {
            out.push(Proposal::TemplateEdited {
                template: template.clone(),
                edits,
                sent,
            });
        }
        for (placeholder, evidence) in hands {
            if evidence.len() == sent {
                by_hand.push(Proposal::ByHand {
                    template: template.clone(),
                    placeholder,
                    evidence,
                });
            }
        }
    }
    out.extend(by_hand);
    out
}

/// Drill targets late or never reached, by drill and target.
fn drill_targets(plan: &Plan, records: &[&Record<'_>]) -> Vec<Proposal> {
    let mut out: Vec<Proposal> = Vec::new();
    for r in records.iter().filter(|r| r.incident.is_drill()) {
        for ev in r.incident.drill_evaluation(plan) {
            let due =
                r.incident.discovered_at() + Duration::minutes(ev.target.within_minutes.get());
            let missed = match ev.verdict {
                Verdict::Late => ev.at.map(|at| (evidence(r, at), Some(at - due))),
                Verdict::NotReached => Some((evidence(r, end(r.incident)), None)),
                Verdict::Met | Verdict::ByHand => None,
            };
            let Some(missed) = missed else { continue };
            let same = |p: &Proposal| {
                matches!(p, Proposal::DrillTarget { drill, what, .. }
                    if *drill == ev.drill.id && *what == ev.target.what)
            };
            if let Some(Proposal::DrillTarget { missed: list, .. }) =
                out.iter_mut().find(|p| same(p))
            {
                list.push(missed);
            } else {
                out.push(Proposal::DrillTarget {
                    drill: ev.drill.id.clone(),
                    what: ev.target.what.clone(),
                    within_minutes: ev.target.within_minutes,
                    missed: vec![missed],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_edited_is_told_by_its_words_missing() {
        let t = "Dear parents, {what} since {since}. Next update at {next_update}.";
        let kept = "Dear parents, live classes fail since 09:00. Next update at 10:00.";
        assert!(words_changed(t, kept).is_empty());
        let edited = "Dear parents, live classes fail since 09:00. We will write again soon.";
        assert_eq!(words_changed(t, edited), ["Next update at"]);
    }
}
