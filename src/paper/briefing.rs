//! The handover briefing (like ICS-201): the paper a change of command is
//! made with while the incident is still running.
//!
//! A new commander needs what cannot wait before anything else — the
//! reports owed and the steps past their time limit, then the next clocks —
//! then the situation: what happened, the level, what has been done, what
//! is open, who is reached.

use super::doc::{Block, Col, Doc};
use super::report::Facts;
use crate::i18n::incident::commander_name;
use crate::i18n::time::Times;
use crate::model::incident::{ClockKind, Deadline, Event};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::StepKind;

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

/// A step's text up to the end of its first sentence, for a line that
/// names the step (its id beside it says where the whole text is): the
/// plan's instructions are written for the one doing the step, and a
/// briefing only needs to say which one.
pub(super) fn gist(text: &str) -> String {
    // Where the first sentence ends, and the first comma, outside brackets.
    let (mut end, mut comma, mut depth) = (None, None, 0_usize);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '（' | '(' | '“' | '《' => depth += 1,
            '）' | ')' | '”' | '》' => depth = depth.saturating_sub(1),
            '。' | '；' | '：' | ';' | ':' if depth == 0 => {
                end = Some(i);
                break;
            }
            '.' if depth == 0 && chars.peek().is_none_or(|(_, n)| *n == ' ') => {
                end = Some(i);
                break;
            }
            '，' | ',' if depth == 0 && comma.is_none() => comma = Some(i),
            _ => {}
        }
    }
    let sentence = text[..end.unwrap_or(text.len())].trim();
    if sentence.is_empty() {
        return text.to_owned();
    }
    // Still long: up to the first comma, marked as cut.
    match comma {
        Some(at) if sentence.chars().count() > 40 && at < sentence.len() => {
            format!("{}…", &text[..at])
        }
        _ => sentence.to_owned(),
    }
}

/// Steps done, in the order they were done, each with when, its id and
/// what it was — an answered decision with its answer — and the notes
/// written on it. Record steps are left out: their values are in the
/// situation above.
fn done(f: &Facts<'_>) -> Vec<String> {
    let w = f.lang.tr().walk;
    let mut done: Vec<(Option<chrono::DateTime<chrono::Utc>>, String)> = f
        .status
        .items
        .iter()
        .filter(|i| i.state == crate::model::incident::ItemState::Done)
        .filter(|i| !matches!(i.step.kind, StepKind::Record { .. }))
        .map(|i| {
            let mut line = format!("{} {}", i.step.id, gist(&i.step.text));
            if let Some((yes, _)) = f.incident.decision(&i.step.id) {
                line = format!("{line} {}", if yes { w.act_yes } else { w.act_no });
            }
            for e in f.incident.entries_about(&i.step.id) {
                if let Event::Note { text, .. } = &e.event {
                    line = format!("{line} — {text}");
                }
            }
            (f.acted(i.step).map(crate::model::incident::Entry::at), line)
        })
        .collect();
    done.sort_by_key(|(at, _)| *at);
    done.into_iter()
        .map(|(at, text)| match at {
            Some(at) => format!("{} {text}", f.times.clock_time(at)),
            None => text,
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
        footer: f.footer(&[], &[&times.datetime(now)]),
        mark: f.mark(),
        lang: t.html_lang,
        blocks: Vec::new(),
    };
    cannot_wait(&f, &b, &mut d);
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
    let named = |s: &crate::model::plan::doc::Step| format!("{} {}", s.id, gist(&s.text));
    for s in &b.overdue {
        open.push(format!("{} — {}", named(s), t.missed));
    }
    for (s, why) in &b.blocked {
        open.push(format!("{} — {}", named(s), (tr.walk.state_blocked)(why)));
    }
    for s in b
        .open
        .iter()
        .filter(|s| !b.overdue.iter().any(|o| o.id == s.id))
    {
        open.push(named(s));
    }
    for s in &b.deferred {
        open.push(format!("{} — {}", named(s), tr.walk.state_deferred));
    }
    d.push(if open.is_empty() {
        Block::Para(t.nothing_open.to_owned())
    } else {
        Block::List(open)
    });
    if b.calls_owed > 0 {
        d.push(Block::Para((t.calls_owed)(b.calls_owed)));
    }
    who_is_who(&f, &mut d);
    let notes: Vec<String> = incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text, .. } if incident.is_addendum(e) => Some(format!(
                "{} [{}] {text}",
                times.clock_time(e.at()),
                t.addendum
            )),
            Event::Note { text, .. } => Some(format!("{} {text}", times.clock_time(e.at()))),
            // The briefing a commander gave at a handover is what the next
            // one reads first.
            Event::CommandHandedOver { note, .. } if !note.trim().is_empty() => Some(format!(
                "{} {}",
                times.clock_time(e.at()),
                (tr.incident.event)(&e.event, plan, times)
            )),
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

/// The briefing's first section: every time limit passed and not met
/// (reports owed first, then steps, then the rest), then the next clock of
/// every kind, each with its time and how late it is or how long is left.
fn cannot_wait(f: &Facts<'_>, b: &crate::model::incident::Briefing<'_>, d: &mut Doc) {
    let tr = f.lang.tr();
    let t = tr.paper;
    let now = f.times.now();
    d.push(Block::Heading(t.cannot_wait.to_owned()));
    let when = |due: chrono::DateTime<chrono::Utc>| {
        if due < now {
            (t.overdue_by)(&f.span(due, now))
        } else if due == now {
            t.due_now.to_owned()
        } else {
            (t.left)(&f.span(now, due))
        }
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    // People still to inform and calls still to make are many lines of one
    // kind: each kind is one line, naming whom, timed by the earliest.
    let is_inform = |d: &Deadline<'_>| matches!(d, Deadline::Clock(c) if matches!(c.kind, ClockKind::Inform(_)));
    let is_call = |d: &Deadline<'_>| matches!(d, Deadline::Call(_));
    let mut groups = [
        late_group(f, &b.late, is_inform),
        late_group(f, &b.late, is_call),
    ];
    for timed in &b.late {
        let group = if is_inform(&timed.what) {
            Some(0)
        } else if is_call(&timed.what) {
            Some(1)
        } else {
            None
        };
        match group {
            // The group's line, where its first member stands.
            Some(g) => {
                if let Some((what, due)) = groups[g].take() {
                    rows.push(vec![what, f.times.datetime(due), when(due)]);
                }
            }
            None => rows.push(vec![
                deadline_words(f, &timed.what),
                f.times.datetime(timed.due),
                when(timed.due),
            ]),
        }
    }
    for timed in &b.ahead {
        rows.push(vec![
            deadline_words(f, &timed.what),
            f.times.datetime(timed.due),
            when(timed.due),
        ]);
    }
    if rows.is_empty() {
        d.push(Block::Para(t.nothing_pressing.to_owned()));
    } else {
        d.push(Block::Table(
            vec![
                Col::wrap(t.col_what),
                Col::words(t.col_due),
                Col::whole(t.col_late_left),
            ],
            rows,
        ));
    }
}

/// The late deadlines of one kind as one line: the kind, whom (in order),
/// and the earliest time limit; `None` when there are none.
fn late_group(
    f: &Facts<'_>,
    late: &[crate::model::incident::Timed<'_>],
    pick: impl Fn(&Deadline<'_>) -> bool,
) -> Option<(String, chrono::DateTime<chrono::Utc>)> {
    let t = f.lang.tr().paper;
    let mut calls = 0;
    let mut whom: Vec<String> = Vec::new();
    let mut due = None;
    for timed in late.iter().filter(|l| pick(&l.what)) {
        match &timed.what {
            // Whom to inform, by role: the plan names a handful.
            Deadline::Clock(c) => {
                if let ClockKind::Inform(to) = &c.kind {
                    let callee = Callee::of(f.plan, to);
                    whom.push(callee.role_name().unwrap_or(callee.name()).to_owned());
                }
            }
            // Calls are many: how many, and the call view says whom.
            Deadline::Call(_) => calls += 1,
            Deadline::Step(_) => continue,
        }
        due = Some(due.map_or(timed.due, |d: chrono::DateTime<chrono::Utc>| {
            d.min(timed.due)
        }));
    }
    let sep = if f.lang == crate::i18n::Lang::Zh {
        "："
    } else {
        ": "
    };
    let what = if calls > 0 {
        (t.calls_late)(calls)
    } else {
        format!("{}{sep}{}", t.kind_inform, whom.join(t.sep))
    };
    Some((what, due?))
}

/// What a deadline is on, in a few words: its kind and whom or what.
fn deadline_words(f: &Facts<'_>, what: &Deadline<'_>) -> String {
    let t = f.lang.tr().paper;
    let sep = if f.lang == crate::i18n::Lang::Zh {
        "："
    } else {
        ": "
    };
    match what {
        Deadline::Clock(c) => match &c.kind {
            ClockKind::Duty(id) => {
                let to = f
                    .plan
                    .doc()
                    .levels
                    .iter()
                    .flat_map(|l| &l.duties)
                    .find(|d| d.id == *id)
                    .and_then(|d| d.to.as_ref())
                    .map(|to| Callee::of(f.plan, to).label());
                match to {
                    Some(to) => format!("{}{sep}{to} ({id})", t.kind_duty),
                    None => format!("{}{sep}{} ({id})", t.kind_duty, c.label),
                }
            }
            ClockKind::StatusUpdate => t.kind_update.to_owned(),
            ClockKind::Inform(_) => format!("{}{sep}{}", t.kind_inform, c.label),
        },
        Deadline::Step(s) => format!("{} {}{sep}{}", t.kind_step, s.id, gist(&s.text)),
        Deadline::Call(l) => format!(
            "{} {}{sep}{}",
            t.kind_call,
            l.order,
            Callee::of(f.plan, &l.target).label()
        ),
    }
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
                Col::words(t.role),
                Col::words(t.name),
                Col::words(t.mobile),
                Col::whole(t.reached_at),
            ],
            rows,
        ));
    }
}
