//! The report's review section (复盘), shaped by the ICS-214, a Google SRE
//! postmortem and PagerDuty's template: the summary and the impact in
//! figures at the top, the key times, what went well, what went badly and
//! where the team was lucky, the causes, the action items with an owner, a
//! due date and a state, and lines to sign.
//!
//! What the record knows is filled in — the close's summary, the values
//! people recorded, every time limit met or missed, the plan's corrective
//! steps still open and whose they are — and the rest are boxes to write
//! in: a review is a meeting's work, and the paper is its agenda.

use chrono::{DateTime, Utc};

use super::doc::{Block, Col, Doc};
use super::regulator::IMPACT_KEYS;
use super::report::Facts;
use crate::i18n::incident::commander_name;
use crate::model::incident::{ClockKind, Event, ItemState, ReviewField, Verdict};
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{CountsFrom, StepKind};

/// How many empty rows the action items leave for the review's own.
const EMPTY_ITEMS: usize = 3;

/// The review section.
pub(super) fn review(f: &Facts<'_>, d: &mut Doc) {
    let r = &f.lang.tr().paper.review;
    d.push(Block::Heading(r.heading.to_owned()));
    summary(f, d);
    timeline(f, d);
    well_and_badly(f, d);
    d.push(Block::Subheading(r.lucky.to_owned()));
    d.push(Block::ToWrite(r.write_lucky.to_owned()));
    d.push(Block::Subheading(r.causes.to_owned()));
    if let Some(c) = f.recorded("cause") {
        d.push(Block::Fields(vec![(
            c.label.to_owned(),
            c.value.to_owned(),
        )]));
    }
    let causes = super::followup::findings(f, ReviewField::Causes);
    if !causes.is_empty() {
        d.push(Block::List(causes));
    }
    d.push(Block::ToWrite(r.write_causes.to_owned()));
    super::followup::factors(f, d);
    action_items(f, d);
    sign_off(f, d);
}

/// The close's summary and the impact in figures, as people recorded them.
fn summary(f: &Facts<'_>, d: &mut Doc) {
    let t = f.lang.tr().paper;
    let r = &t.review;
    d.push(Block::Subheading(r.summary.to_owned()));
    let closing = f
        .incident
        .timeline()
        .iter()
        .rev()
        .find_map(|e| match &e.event {
            Event::Closed { summary } if !f.incident.is_open() => Some(summary.as_str()),
            _ => None,
        })
        .filter(|s| !s.trim().is_empty());
    let written = super::followup::findings(f, ReviewField::Summary);
    match closing {
        Some(s) => d.push(Block::Para(s.to_owned())),
        None if written.is_empty() => d.push(Block::ToWrite(r.write_summary.to_owned())),
        None => {}
    }
    for s in written {
        d.push(Block::Para(s));
    }
    let mut figures: Vec<(String, String)> = IMPACT_KEYS
        .iter()
        .filter_map(|k| f.recorded(k))
        .map(|v| (v.label.to_owned(), v.value.to_owned()))
        .collect();
    let counted = !figures.is_empty();
    figures.push((
        t.duration.to_owned(),
        f.span(f.incident.discovered_at(), f.end()),
    ));
    d.push(Block::Fields(figures));
    if !counted {
        d.push(Block::ToWrite(r.write_impact.to_owned()));
    }
}

/// The key times: found, declared, the level's changes, the first message
/// to each audience, each report made, the close.
fn timeline(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let (t, r) = (tr.paper, &tr.paper.review);
    d.push(Block::Subheading(r.timeline.to_owned()));
    let mut rows: Vec<(DateTime<Utc>, String)> = Vec::new();
    let found = f.recorded("discovery_source").map_or_else(
        || r.found.to_owned(),
        |v| format!("{}{}{}", r.found, t.sep, v.value),
    );
    rows.push((f.incident.discovered_at(), found));
    let mut told = Vec::new();
    for e in f.incident.timeline() {
        let line = match &e.event {
            Event::Declared(d) => Some((r.declared)(&f.level_name(&d.level))),
            Event::LevelChanged { to, .. } => Some((r.level_to)(&f.level_name(to))),
            Event::MessageSent { audience, .. } if !told.contains(audience) => {
                told.push(*audience);
                Some((r.first_message)((tr.incident.audience)(*audience)))
            }
            Event::DutyDone { duty, .. } => {
                let how = duty_due(f, duty).map_or_else(String::new, |due| {
                    if e.at() <= due {
                        t.met.to_owned()
                    } else {
                        (t.late_by)(&f.span(due, e.at()))
                    }
                });
                Some((r.duty_done)(&duty_label(f, duty), &how))
            }
            Event::Closed { .. } => Some(r.closed.to_owned()),
            _ => None,
        };
        if let Some(line) = line {
            rows.push((e.at(), line));
        }
    }
    rows.sort_by_key(|(at, _)| *at);
    d.push(Block::Table(
        vec![Col::words(t.col_time), Col::wrap(t.col_what)],
        rows.into_iter()
            .map(|(at, what)| vec![f.times.datetime(at), what])
            .collect(),
    ));
}

/// A duty's words on the review: whom it reports to, and its id.
fn duty_label(f: &Facts<'_>, id: &crate::model::ids::ItemId) -> String {
    f.plan
        .doc()
        .levels
        .iter()
        .flat_map(|l| &l.duties)
        .find(|d| d.id == *id)
        .and_then(|d| d.to.as_ref())
        .map_or_else(
            || id.to_string(),
            |to| format!("{} ({id})", Callee::of(f.plan, to).label()),
        )
}

/// When a duty fell due, as the clocks count it.
fn duty_due(f: &Facts<'_>, id: &crate::model::ids::ItemId) -> Option<DateTime<Utc>> {
    f.status
        .clocks
        .iter()
        .find(|c| matches!(&c.kind, ClockKind::Duty(d) if d == id))
        .map(|c| c.due)
}

/// What went well and what went badly, as far as the clocks tell: each
/// report, each step deadline and each drill target, met or not; the
/// people to inform counted in one line each way. A box under each for
/// what the clocks cannot tell.
fn well_and_badly(f: &Facts<'_>, d: &mut Doc) {
    let t = f.lang.tr().paper;
    let r = &t.review;
    let end = f.end();
    let mut well = Vec::new();
    let mut badly = Vec::new();
    let (mut informed, mut not_informed) = (Vec::new(), Vec::new());
    for c in &f.status.clocks {
        match &c.kind {
            ClockKind::Duty(id) => {
                let what = duty_label(f, id);
                match f.incident.duty_done_at(id) {
                    Some(at) if at <= c.due => well.push((r.met)(&what, &f.times.datetime(c.due))),
                    Some(at) => badly.push((r.late)(&what, &(t.late_by)(&f.span(c.due, at)))),
                    None if end > c.due => badly.push((r.late)(&what, t.missed)),
                    None => {}
                }
            }
            ClockKind::Inform(to) => {
                let who = Callee::of(f.plan, to);
                let name = who.role_name().unwrap_or(who.name()).to_owned();
                if c.met {
                    informed.push(name);
                } else if end > c.due {
                    not_informed.push(name);
                }
            }
            ClockKind::StatusUpdate => {}
        }
    }
    if !informed.is_empty() {
        well.push((r.late)(t.inform, &informed.join(t.sep)));
    }
    if !not_informed.is_empty() {
        badly.push((r.late)(
            &format!("{} ({})", t.inform, t.missed),
            &not_informed.join(t.sep),
        ));
    }
    for item in &f.status.items {
        let Some(due) = item.due else {
            continue;
        };
        let what = format!(
            "{} {}",
            item.step.id,
            super::briefing::gist(&item.step.text)
        );
        let at = f.acted(item.step).map(crate::model::incident::Entry::at);
        match (&item.state, at) {
            (ItemState::Done, Some(at)) if at <= due => {
                well.push((r.met)(&what, &f.times.datetime(due)));
            }
            (ItemState::Done, Some(at)) => {
                badly.push((r.late)(&what, &(t.late_by)(&f.span(due, at))));
            }
            (s, _) if !s.is_settled() && end > due => badly.push((r.late)(&what, t.missed)),
            _ => {}
        }
    }
    if f.incident.is_drill() {
        for e in f.incident.drill_evaluation(f.plan) {
            let limit = (t.within)(crate::model::plan::contacts::span(e.target.within_minutes));
            let what = (r.drill_target)(&e.target.what);
            match e.verdict {
                Verdict::Met => well.push((r.met)(&what, &limit)),
                Verdict::Late => {
                    let due = f.incident.discovered_at()
                        + chrono::Duration::minutes(e.target.within_minutes.get());
                    let how = e
                        .at
                        .map_or_else(|| t.missed.to_owned(), |at| (t.late_by)(&f.span(due, at)));
                    badly.push((r.late)(&what, &how));
                }
                Verdict::NotReached => badly.push((r.late)(&what, t.not_reached)),
                Verdict::ByHand => {}
            }
        }
    }
    well.extend(super::followup::findings(f, ReviewField::WentWell));
    badly.extend(super::followup::findings(f, ReviewField::WentBadly));
    for (heading, lines, write) in [
        (r.went_well, well, r.write_well),
        (r.went_badly, badly, r.write_badly),
    ] {
        d.push(Block::Subheading(heading.to_owned()));
        if !lines.is_empty() {
            d.push(Block::List(lines));
        }
        d.push(Block::ToWrite(write.to_owned()));
    }
}

/// The action items: the corrective steps of the plan's last phase not done
/// yet, each with the person who holds its role, the date the review's
/// report is due and its state; then empty rows for the review's own.
fn action_items(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let (t, r, w) = (tr.paper, &tr.paper.review, tr.walk);
    d.push(Block::Subheading(r.action_items.to_owned()));
    d.push(Block::Para(r.action_items_intro.to_owned()));
    super::followup::recorded_items(f, d);
    let last_phase = f.plan.doc().phases.last().map(|p| &p.id);
    // The review's report is due so long after the close: the earliest
    // limit counted from it.
    let due = f.incident.closed_at().and_then(|closed| {
        f.incident
            .levels_held()
            .iter()
            .filter_map(|l| f.plan.level(l))
            .flat_map(|l| &l.duties)
            .filter(|d| d.counts_from == CountsFrom::Closing)
            .filter_map(|d| d.within_minutes)
            .map(|m| closed + chrono::Duration::minutes(m.get()))
            .min()
    });
    let mut rows: Vec<Vec<String>> = f
        .status
        .items
        .iter()
        .filter(|i| Some(&i.phase.id) == last_phase)
        .filter(|i| matches!(i.step.kind, StepKind::Action))
        .filter(|i| i.state != ItemState::Done)
        .map(|i| {
            let owner = f.plan.role(&i.step.role).map_or_else(
                || i.step.role.to_string(),
                |role| {
                    let holder = f
                        .plan
                        .person(&role.holder)
                        .map_or(role.holder.as_str(), |p| p.name.as_str());
                    format!("{holder} ({})", role.name)
                },
            );
            let state = match &i.state {
                ItemState::Deferred => w.state_deferred.to_owned(),
                ItemState::Blocked(why) => (w.state_blocked)(why),
                ItemState::Skipped(why) => (w.state_skipped)(why),
                ItemState::NotApplicable => w.state_na.to_owned(),
                _ => w.state_open_step.to_owned(),
            };
            vec![
                i.step.id.to_string(),
                super::briefing::gist(&i.step.text),
                owner,
                due.map(|d| f.times.datetime(d)).unwrap_or_default(),
                state,
            ]
        })
        .collect();
    rows.extend((0..EMPTY_ITEMS).map(|_| vec![String::new(); 5]));
    d.push(Block::Table(
        vec![
            Col::words(t.col_step),
            Col::wrap(r.col_item),
            Col::words(r.col_owner),
            Col::words(t.col_due),
            Col::words(t.col_state),
        ],
        rows,
    ));
}

/// Lines to sign: who wrote the record, who commanded, who approves.
fn sign_off(f: &Facts<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let (t, r) = (tr.paper, &tr.paper.review);
    d.push(Block::Subheading(r.sign_off.to_owned()));
    let scribe = f
        .incident
        .timeline()
        .first()
        .map(|e| e.by.to_string())
        .unwrap_or_default();
    let rows = vec![
        vec![
            r.prepared_by.to_owned(),
            scribe,
            String::new(),
            String::new(),
        ],
        vec![
            tr.walk.commander.to_owned(),
            commander_name(f.incident.commander(), f.plan),
            String::new(),
            String::new(),
        ],
        vec![
            r.approved_by.to_owned(),
            f.plan.doc().meta.approver.clone(),
            String::new(),
            String::new(),
        ],
    ];
    d.push(Block::Table(
        vec![
            Col::words(r.col_duty),
            Col::words(t.name),
            Col::pen(r.col_signature),
            Col::pen(t.date),
        ],
        rows,
    ));
}
