//! The handover briefing (like ICS-201) and the draft report to the
//! regulator: the two papers written while the incident is still running.
//!
//! A change of command needs the situation in one page: what happened, the
//! level, what has been done, what is open or overdue, the next clocks, who
//! is who. The regulator's report (《国家网络安全事件报告管理办法》) asks for
//! eight items; what the incident knows is filled in — the discovery time,
//! not the declaration; the legal grade, not the response level — and every
//! item a person must write is marked, so the draft cannot go out as if it
//! were complete.

use super::doc::{Block, Doc};
use super::report::Facts;
use crate::i18n::incident::commander_name;
use crate::i18n::time::Times;
use crate::model::incident::{ClockKind, Event};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::StepKind;

/// Which regulator report: the first (items 1–2, within the time limit) or
/// a follow-up with every item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegulatorReport {
    /// Items 1 and 2, which may go first.
    First,
    /// All eight items.
    FollowUp,
}

/// Values recorded by record steps, as `label: value`, in the flow's order.
fn recorded(f: &Facts<'_>) -> Vec<String> {
    f.plan
        .flow(f.incident.class())
        .into_iter()
        .filter_map(|fs| match &fs.step.kind {
            StepKind::Record { label, .. } => f
                .incident
                .value(&fs.step.id)
                .map(|v| format!("{label}: {v}")),
            _ => None,
        })
        .collect()
}

/// The value of the record step with a key, if recorded.
fn value_of(f: &Facts<'_>, key: &str) -> Option<String> {
    f.plan
        .flow(f.incident.class())
        .into_iter()
        .find_map(|fs| match &fs.step.kind {
            StepKind::Record { key: k, .. } if k == key => f.incident.value(&fs.step.id),
            _ => None,
        })
        .map(str::to_owned)
}

/// Steps done, in the order they were done, each with when.
fn done(f: &Facts<'_>) -> Vec<String> {
    let mut done: Vec<(Option<chrono::DateTime<chrono::Utc>>, &str)> = f
        .status
        .items
        .iter()
        .filter(|i| i.state == crate::model::incident::ItemState::Done)
        .map(|i| {
            (
                f.acted(i.step).map(crate::model::incident::Entry::at),
                i.step.text.as_str(),
            )
        })
        .collect();
    done.sort_by_key(|(at, _)| *at);
    done.into_iter()
        .map(|(at, text)| match at {
            Some(at) => format!("{} {text}", f.times.clock_time(at)),
            None => text.to_owned(),
        })
        .collect()
}

/// The handover briefing for a change of command.
#[must_use]
pub fn handover(plan: &Plan, incident: &crate::model::incident::Incident, times: &Times) -> Doc {
    let f = Facts::new(plan, incident, times);
    let tr = f.lang.tr();
    let t = tr.paper;
    let now = times.now();
    let b = incident.briefing(plan, now);
    let mut d = Doc {
        title: (t.briefing_title)(incident.title()),
        footer: format!("{} · {}", incident.title(), times.datetime(now)),
        lang: t.html_lang,
        blocks: Vec::new(),
    };
    d.push(Block::Heading(t.situation.to_owned()));
    let mut fields = vec![
        (t.briefed_at.to_owned(), times.datetime(now)),
        (
            t.fault_class.to_owned(),
            plan.class(incident.class())
                .map_or_else(|| incident.class().to_string(), |c| c.name.clone()),
        ),
        (t.level_now.to_owned(), f.level_name(&b.level)),
        (
            tr.walk.commander.to_owned(),
            commander_name(incident.commander(), plan),
        ),
        (
            t.discovered.to_owned(),
            format!(
                "{} ({})",
                times.datetime(incident.discovered_at()),
                f.span(incident.discovered_at(), now)
            ),
        ),
        (
            t.declared.to_owned(),
            times.datetime(incident.declared_at()),
        ),
    ];
    if let Some((grade, _, _)) = f.legal_grade() {
        fields.push((t.legal_grade.to_owned(), grade));
    }
    d.push(Block::Fields(fields));
    let values = recorded(&f);
    if !values.is_empty() {
        d.push(Block::List(values));
    }
    d.push(Block::Heading(t.actions_so_far.to_owned()));
    let so_far = done(&f);
    d.push(if so_far.is_empty() {
        Block::Para(t.none_recorded.to_owned())
    } else {
        Block::List(so_far)
    });
    d.push(Block::Heading(t.open_now.to_owned()));
    let mut open: Vec<String> = Vec::new();
    for s in &b.overdue {
        open.push(format!("{} — {}", s.text, t.missed));
    }
    for (s, why) in &b.blocked {
        open.push((tr.walk.state_blocked)(why) + " — " + &s.text);
    }
    for s in b
        .open
        .iter()
        .filter(|s| !b.overdue.iter().any(|o| o.id == s.id))
    {
        open.push(s.text.clone());
    }
    for s in &b.deferred {
        open.push(format!("{} — {}", s.text, tr.walk.state_deferred));
    }
    d.push(if open.is_empty() {
        Block::Para(t.nothing_open.to_owned())
    } else {
        Block::List(open)
    });
    d.push(Block::Heading(t.next_clocks.to_owned()));
    let clocks: Vec<String> = b
        .next_clocks
        .iter()
        .map(|c| {
            let what = match &c.kind {
                ClockKind::StatusUpdate => tr.walk.next_update.to_owned(),
                _ => c.label.clone(),
            };
            format!("{} {what}", times.datetime(c.due))
        })
        .collect();
    d.push(if clocks.is_empty() {
        Block::Para(t.none_recorded.to_owned())
    } else {
        Block::List(clocks)
    });
    if b.calls_owed > 0 {
        d.push(Block::Para((t.calls_owed)(b.calls_owed)));
    }
    who_is_who(&f, &mut d);
    let notes: Vec<String> = incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text, .. } => Some(format!("{} {text}", times.clock_time(e.at()))),
            _ => None,
        })
        .collect();
    if !notes.is_empty() {
        d.push(Block::Heading(t.notes.to_owned()));
        let skip = notes.len().saturating_sub(8);
        d.push(Block::List(notes.into_iter().skip(skip).collect()));
    }
    d
}

/// Who has been reached, with their numbers: the new commander's phone list.
fn who_is_who(f: &Facts<'_>, d: &mut Doc) {
    let (plan, incident, times) = (f.plan, f.incident, f.times);
    let t = f.lang.tr().paper;
    d.push(Block::Heading(t.who_is_who.to_owned()));
    let sheet = incident.calls(plan);
    let rows: Vec<Vec<String>> = sheet
        .lines
        .iter()
        .filter_map(|l| {
            let (who, at) = l.reached.as_ref()?;
            let c = Callee::of(plan, who);
            let phones: Vec<&str> = c.phones().iter().map(|p| p.number).collect();
            Some(vec![
                Callee::of(plan, &l.target)
                    .role_name()
                    .unwrap_or_default()
                    .to_owned(),
                c.name().to_owned(),
                phones.join(" "),
                times.clock_time(*at),
            ])
        })
        .collect();
    if rows.is_empty() {
        d.push(Block::Para(t.none_recorded.to_owned()));
    } else {
        d.push(Block::Table(
            vec![
                t.role.into(),
                t.name.into(),
                t.mobile.into(),
                t.reached_at.into(),
            ],
            rows,
        ));
    }
}

/// The draft report to the provincial 网信 office.
#[must_use]
pub fn regulator(
    plan: &Plan,
    incident: &crate::model::incident::Incident,
    times: &Times,
    which: RegulatorReport,
) -> Doc {
    let f = Facts::new(plan, incident, times);
    let tr = f.lang.tr();
    let t = tr.paper;
    let r = &t.regulator;
    let now = times.now();
    let mut d = Doc {
        title: (r.title)(which == RegulatorReport::First),
        footer: format!(
            "{} · {} · {}",
            r.draft_mark,
            incident.title(),
            times.datetime(now)
        ),
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
                |(g, who, at)| format!("{g} ({who}, {})", times.datetime(at)),
            ),
        ),
    ]));
    // 1. The unit and the affected system.
    d.push(Block::Heading(r.item1.to_owned()));
    d.push(Block::Fields(vec![
        (r.unit.to_owned(), plan.doc().meta.organisation.clone()),
        (r.system.to_owned(), incident.title().to_owned()),
    ]));
    d.push(Block::ToWrite(r.write_system.to_owned()));
    // 2. Found when, what type, impact, measures and their effect.
    d.push(Block::Heading(r.item2.to_owned()));
    let mut fields = vec![
        (
            r.found_at.to_owned(),
            times.datetime(incident.discovered_at()),
        ),
        (
            r.event_type.to_owned(),
            plan.class(incident.class())
                .map_or_else(|| incident.class().to_string(), |c| c.name.clone()),
        ),
    ];
    if let Some(impact) = value_of(&f, "impact") {
        fields.push((r.impact.to_owned(), impact));
    }
    d.push(Block::Fields(fields));
    let values = recorded(&f);
    if !values.is_empty() {
        d.push(Block::List(values));
    }
    if value_of(&f, "impact").is_none() {
        d.push(Block::ToWrite(r.write_impact.to_owned()));
    }
    d.push(Block::Para(r.measures.to_owned()));
    let measures = value_of(&f, "actions").map_or_else(|| done(&f), |a| vec![a]);
    d.push(if measures.is_empty() {
        Block::ToWrite(r.write_measures.to_owned())
    } else {
        Block::List(measures)
    });
    d.push(Block::ToWrite(r.write_effect.to_owned()));
    if which == RegulatorReport::First {
        d.push(Block::Para(r.first_note.to_owned()));
        return d;
    }
    follow_up_items(&f, &mut d);
    d
}

/// Items 3 to 8 of the regulator report: what only people can say, with
/// what the log holds beside it.
fn follow_up_items(f: &Facts<'_>, d: &mut Doc) {
    let (plan, incident, times) = (f.plan, f.incident, f.times);
    let t = f.lang.tr().paper;
    let r = &t.regulator;
    let now = times.now();
    // 3–8: what only people can say, with what the log holds beside it.
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
    d.push(Block::ToWrite(r.write_cause.to_owned()));
    d.push(Block::Heading(r.item5.to_owned()));
    d.push(Block::ToWrite(r.write_clues.to_owned()));
    d.push(Block::Heading(r.item6.to_owned()));
    let open: Vec<String> = incident
        .briefing(plan, now)
        .open
        .iter()
        .map(|s| s.text.clone())
        .collect();
    if !open.is_empty() {
        d.push(Block::List(open));
    }
    d.push(Block::ToWrite(r.write_next.to_owned()));
    d.push(Block::Heading(r.item7.to_owned()));
    let notes: Vec<String> = incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text, .. } => Some(format!("{} {text}", times.datetime(e.at()))),
            _ => None,
        })
        .collect();
    if !notes.is_empty() {
        d.push(Block::List(notes));
    }
    d.push(Block::ToWrite(r.write_evidence.to_owned()));
    d.push(Block::Heading(r.item8.to_owned()));
    d.push(Block::ToWrite(r.write_other.to_owned()));
}
