//! The draft report to the regulator (《国家网络安全事件报告管理办法》):
//! the first report, items 1 and 2, and each follow-up, all eight.
//!
//! A regulator reads every field as the platform's statement, so the draft
//! says only what the record holds, each field from the record that fits
//! it: the affected systems and the impact from the values people
//! recorded; the measures from the actions they recorded in their own
//! words, never from the plan's checklist; the evidence from the steps that
//! keep it and the log's own hashes. Wherever the record has nothing, the
//! field is a "Write:" box, so the draft cannot go out as if it were
//! complete. A legal time limit comes first, with when it was due, and a
//! limit missed says so, with a box for the reason: a late report is judged
//! more harshly when it hides being late.

use chrono::{DateTime, Utc};

use super::doc::{Block, Col, Doc};
use super::report::{Facts, Verification};
use crate::i18n::incident::commander_name;
use crate::i18n::time::Times;
use crate::model::incident::{Event, Incident, ItemState};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{CountsFrom, ExternalKind, ReportDuty, StepKind, Target};

/// Which regulator report: the first (items 1–2, within the time limit) or
/// a follow-up with every item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegulatorReport {
    /// Items 1 and 2, which may go first.
    First,
    /// All eight items.
    FollowUp,
}

/// The record step key that holds the affected systems, in the words to
/// the regulator (name, purpose, users, protection level).
pub const SYSTEMS_KEY: &str = "affected_systems";

/// The record step keys that say the impact, in the order a regulator
/// reads them.
pub(super) const IMPACT_KEYS: &[&str] = &[
    "impact",
    "affected_students",
    "affected_classes",
    "affected_schools",
    "outage_minutes",
    "leaked_records",
    "data_types",
    "harm",
];

/// Whether a step keeps evidence: by the plan's convention its id is
/// `evidence` or ends in `-evidence` (`mal-evidence`, `leak-evidence`).
#[must_use]
pub fn is_evidence_step(id: &str) -> bool {
    id == "evidence" || id.ends_with("-evidence")
}

/// The draft report to the provincial 网信 office.
#[must_use]
pub fn regulator(
    plan: &Plan,
    incident: &Incident,
    times: &Times,
    which: RegulatorReport,
    verification: &Verification,
) -> Doc {
    let f = Facts::new(plan, incident, times);
    let tr = f.lang.tr();
    let t = tr.paper;
    let r = &t.regulator;
    let now = times.now();
    let mut d = Doc {
        title: (r.title)(which == RegulatorReport::First),
        footer: f.footer(&[r.draft_mark], &[&times.datetime(now)]),
        mark: f.mark(),
        lang: t.html_lang,
        blocks: Vec::new(),
    };
    d.push(Block::ToWrite(r.draft_note.to_owned()));
    let commander = incident.commander_callee(plan);
    let contact = commander.map_or_else(
        || commander_name(incident.commander(), plan),
        |c| {
            let phones: Vec<&str> = c.phones().iter().map(|p| p.number).collect();
            format!("{} {}", c.name(), phones.join(" "))
        },
    );
    d.push(Block::Fields(vec![
        (r.unit.to_owned(), plan.doc().meta.organisation.clone()),
        (r.reported_at.to_owned(), times.datetime(now)),
        (r.contact.to_owned(), contact),
        (
            t.legal_grade.to_owned(),
            f.legal_grade().map_or_else(
                || r.grade_missing.to_owned(),
                |(g, who, at)| (r.by_whom)(&g, &who, &times.datetime(at)),
            ),
        ),
    ]));
    limits(&f, &mut d);
    // 1. The unit and the affected system.
    d.push(Block::Heading(r.item1.to_owned()));
    d.push(Block::Fields(vec![(
        r.unit.to_owned(),
        plan.doc().meta.organisation.clone(),
    )]));
    match f.recorded(SYSTEMS_KEY) {
        Some(v) => d.push(Block::Fields(vec![(
            r.system.to_owned(),
            v.value.to_owned(),
        )])),
        None => d.push(Block::ToWrite(r.write_system.to_owned())),
    }
    // 2. Found when, what type, impact, measures and their effect.
    d.push(Block::Heading(r.item2.to_owned()));
    let mut fields = vec![(
        r.found_at.to_owned(),
        times.datetime(incident.discovered_at()),
    )];
    if let Some(v) = f.recorded("discovery_source") {
        fields.push((r.discovery_source.to_owned(), v.value.to_owned()));
    }
    fields.push((
        r.event_type.to_owned(),
        plan.class(incident.class())
            .map_or_else(|| incident.class().to_string(), |c| c.name.clone()),
    ));
    d.push(Block::Fields(fields));
    let impact: Vec<(String, String)> = IMPACT_KEYS
        .iter()
        .filter_map(|k| f.recorded(k))
        .map(|v| (v.label.to_owned(), v.value.to_owned()))
        .collect();
    if !impact.is_empty() {
        d.push(Block::Para(r.impact.to_owned()));
        d.push(Block::Fields(impact));
    }
    // Counts are not the harm: without the impact in words, a person writes it.
    if f.recorded("impact").is_none() {
        d.push(Block::ToWrite(r.write_impact.to_owned()));
    }
    measures(&f, &mut d);
    d.push(Block::ToWrite(r.write_effect.to_owned()));
    if which == RegulatorReport::First {
        d.push(Block::Para(r.first_note.to_owned()));
        return d;
    }
    follow_up_items(&f, verification, &mut d);
    d
}

/// The legal limits for reporting to a regulator at the levels held: the
/// duties whose report goes to a regulator, with a time limit that starts
/// before the close (a summary report after it is another paper).
fn regulator_duties<'p>(f: &Facts<'p>) -> Vec<&'p ReportDuty> {
    let mut out: Vec<&ReportDuty> = Vec::new();
    for level in f
        .incident
        .levels_held()
        .iter()
        .filter_map(|l| f.plan.level(l))
    {
        for duty in &level.duties {
            let to_regulator = matches!(&duty.to, Some(Target::External(id))
                if f.plan.doc().externals.iter().any(|e| e.id == *id && e.kind == ExternalKind::Regulator));
            if to_regulator
                && duty.within_minutes.is_some()
                && duty.counts_from != CountsFrom::Closing
                && !out.iter().any(|d| d.id == duty.id)
            {
                out.push(duty);
            }
        }
    }
    out
}

/// When a duty's time limit falls due, if it has one that has started.
fn due_of(f: &Facts<'_>, duty: &ReportDuty) -> Option<DateTime<Utc>> {
    let start = match duty.counts_from {
        CountsFrom::Declaration => f.incident.declared_at(),
        CountsFrom::Discovery => f.incident.discovered_at(),
        CountsFrom::Closing => f.incident.closed_at()?,
    };
    Some(start + chrono::Duration::minutes(duty.within_minutes?.get()))
}

/// The time limits section: each legal limit, when it was due and whether
/// it was met; a limit missed, or met late, asks why.
fn limits(f: &Facts<'_>, d: &mut Doc) {
    let t = f.lang.tr().paper;
    let r = &t.regulator;
    let now = f.times.now();
    d.push(Block::Heading(r.limits.to_owned()));
    let duties = regulator_duties(f);
    if duties.is_empty() {
        d.push(Block::Para(r.no_limit.to_owned()));
        return;
    }
    let mut late = false;
    let mut rows = Vec::new();
    let mut conditions = Vec::new();
    for duty in duties {
        let Some(due) = due_of(f, duty) else {
            continue;
        };
        let limit = duty
            .within_minutes
            .map(|m| (t.limit)(crate::model::plan::contacts::span(m), duty.counts_from))
            .unwrap_or_default();
        let to = duty
            .to
            .as_ref()
            .map(|to| Callee::of(f.plan, to).label())
            .unwrap_or_default();
        let state = match f.incident.duty_done_at(&duty.id) {
            Some(at) if at <= due => (r.reported_on_time)(&f.times.datetime(at)),
            Some(at) => {
                late = true;
                (r.reported_late)(&f.times.datetime(at), &f.span(due, at))
            }
            None if now > due => {
                late = true;
                (r.limit_missed)(&f.span(due, now))
            }
            None => (r.limit_left)(&f.span(now, due)),
        };
        rows.push(vec![
            format!("{to} ({})", duty.id),
            limit,
            f.times.datetime(due),
            state,
        ]);
        if let Some(c) = &duty.condition {
            conditions.push((format!("{} ({})", r.limit_condition, duty.id), c.clone()));
        }
    }
    d.push(Block::Table(
        vec![
            Col::wrap(r.limit_duty),
            Col::words(t.time_limit),
            Col::words(r.limit_due),
            Col::words(r.limit_state),
        ],
        rows,
    ));
    if !conditions.is_empty() {
        d.push(Block::Fields(conditions));
    }
    if late {
        d.push(Block::ToWrite(r.write_late_reason.to_owned()));
    }
}

/// The measures taken, in the responders' words: the actions as recorded
/// for outside readers, and what they wrote on the steps they did.
fn measures(f: &Facts<'_>, d: &mut Doc) {
    let r = &f.lang.tr().paper.regulator;
    let mut said = false;
    d.push(Block::Para(r.measures.to_owned()));
    if let Some(v) = f.recorded("actions") {
        d.push(Block::List(vec![(r.by_whom)(
            v.value,
            &v.entry.recorder(),
            &f.times.datetime(v.entry.at()),
        )]));
        said = true;
    }
    let notes: Vec<String> = done_step_notes(f, |_| true);
    if !notes.is_empty() {
        d.push(Block::Para(r.measures_notes.to_owned()));
        d.push(Block::List(notes));
        said = true;
    }
    if !said {
        d.push(Block::ToWrite(r.write_measures.to_owned()));
    }
}

/// The notes written on steps that are done (and that `keep` keeps), in
/// the order written, each with its time and the step's id.
fn done_step_notes(f: &Facts<'_>, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let done: Vec<&crate::model::ids::StepId> = f
        .status
        .items
        .iter()
        .filter(|i| i.state == ItemState::Done)
        .filter(|i| !matches!(i.step.kind, StepKind::Record { .. }))
        .filter(|i| keep(i.step.id.as_str()))
        .map(|i| &i.step.id)
        .collect();
    f.incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note {
                text,
                step: Some(step),
                corrects: None,
            } if done.contains(&step) => {
                Some(format!("{} {text} ({step})", f.times.datetime(e.at())))
            }
            _ => None,
        })
        .collect()
}

/// Items 3 to 8 of the regulator report: what the record holds for each,
/// and a box for what only people can say.
fn follow_up_items(f: &Facts<'_>, v: &Verification, d: &mut Doc) {
    let incident = f.incident;
    let tr = f.lang.tr();
    let t = tr.paper;
    let r = &t.regulator;
    d.push(Block::Heading(r.item3.to_owned()));
    d.push(Block::Para(format!(
        "{}: {}; {}",
        t.level_now,
        f.level_name(incident.level()),
        if incident.is_open() {
            t.still_open
        } else {
            t.ended
        }
    )));
    d.push(Block::ToWrite(r.write_trend.to_owned()));
    d.push(Block::Heading(r.item4.to_owned()));
    match f.recorded("cause") {
        Some(c) => d.push(Block::Fields(vec![(
            c.label.to_owned(),
            c.value.to_owned(),
        )])),
        None => d.push(Block::ToWrite(r.write_cause.to_owned())),
    }
    d.push(Block::Heading(r.item5.to_owned()));
    d.push(Block::ToWrite(r.write_clues.to_owned()));
    // The next measures are people's decision, not the plan's list.
    d.push(Block::Heading(r.item6.to_owned()));
    d.push(Block::ToWrite(r.write_next.to_owned()));
    d.push(Block::Heading(r.item7.to_owned()));
    evidence(f, v, d);
    d.push(Block::Heading(r.item8.to_owned()));
    let regulator: Vec<_> = regulator_duties(f).iter().map(|d| d.id.clone()).collect();
    let others: Vec<String> = incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::DutyDone { duty, note } if !regulator.contains(duty) => {
                let what = f
                    .plan
                    .doc()
                    .levels
                    .iter()
                    .flat_map(|l| &l.duties)
                    .find(|d| d.id == *duty)
                    .and_then(|d| d.to.as_ref())
                    .map_or_else(
                        || duty.to_string(),
                        |to| format!("{} ({duty})", Callee::of(f.plan, to).label()),
                    );
                Some((r.duty_done)(&what, &f.times.datetime(e.at()), note))
            }
            _ => None,
        })
        .collect();
    if !others.is_empty() {
        d.push(Block::List(others));
    }
    d.push(Block::ToWrite(r.write_other.to_owned()));
}

/// Item 7: the steps that keep the evidence, how they stand and what was
/// written on them, and the hash of each log file as it is now.
fn evidence(f: &Facts<'_>, v: &Verification, d: &mut Doc) {
    let tr = f.lang.tr();
    let (w, r) = (tr.walk, &tr.paper.regulator);
    let steps: Vec<String> = f
        .status
        .items
        .iter()
        .filter(|i| is_evidence_step(i.step.id.as_str()))
        .map(|i| {
            let state = match &i.state {
                ItemState::Done => w.state_done.to_owned(),
                ItemState::Skipped(why) => (w.state_skipped)(why),
                ItemState::NotApplicable => w.state_na.to_owned(),
                ItemState::Deferred => w.state_deferred.to_owned(),
                ItemState::Blocked(why) => (w.state_blocked)(why),
                ItemState::Bypassed(by) => (w.state_bypassed)(by.as_str()),
                ItemState::Open => w.state_open_step.to_owned(),
            };
            let (who, at) = f.acted(i.step).map_or((String::new(), String::new()), |e| {
                (e.recorder(), f.times.datetime(e.at()))
            });
            (r.evidence_step)(i.step.id.as_str(), &state, &who, &at)
        })
        .collect();
    let notes = done_step_notes(f, is_evidence_step);
    let kept = f
        .status
        .items
        .iter()
        .any(|i| is_evidence_step(i.step.id.as_str()) && i.state == ItemState::Done);
    if !steps.is_empty() {
        d.push(Block::Para(r.evidence_steps.to_owned()));
        d.push(Block::List(steps.into_iter().chain(notes).collect()));
    }
    let heads: Vec<String> = v
        .heads
        .iter()
        .map(|(file, hash)| (r.log_head)(file, hash))
        .collect();
    if !heads.is_empty() {
        d.push(Block::List(heads));
    }
    if !kept {
        d.push(Block::ToWrite(r.write_evidence.to_owned()));
    }
}
