//! Printing incidents in a terminal, in the operator's language and to the
//! terminal's width: the status with its checklist and clocks, the list,
//! the timeline, and the words for what the service reports
//! (`crate::i18n::incident`, with the command line's hints from
//! `crate::i18n::cli`).
//!
//! Every line goes through [`put!`]: titles, notes, names, paths and the
//! plan's words are whatever someone typed, and are escaped for the
//! terminal (`super::super::clean`), then cut to the width with "…"
//! (`super::super::term`); columns are padded by display width, so a
//! Chinese label lines up with an English one.

use std::io::Write;

use crate::cli::term::{Term, pad, pad_left};

use crate::i18n::incident::commander_name;
use crate::i18n::time::{Span, Times};
use crate::io::incident_dir::{IncidentError, Notice};
use crate::model::ids::StepId;
use crate::model::incident::{
    ActionError, Applies, CallState, ClockKind, Entry, Incident, ItemState, NeededKind,
};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{StepKind, Target};
use crate::service::{Listed, Snapshot};

/// `writeln!` for a line the terminal shows: escaped (`clean`), then cut
/// to the terminal's width.
macro_rules! put {
    ($out:expr, $term:expr, $($arg:tt)*) => {
        writeln!($out, "{}", $term.fit(&$crate::cli::clean::clean(&format!($($arg)*))))
    };
}

/// A span of time, in the terminal's language.
fn span(term: &Term, d: chrono::Duration) -> String {
    (term.tr().span)(Span::of(d))
}

/// The words for a failure, with a hint at the command that helps.
#[must_use]
pub fn failure(term: &Term, e: &IncidentError) -> String {
    let (tr, t) = (term.tr(), term.tr().cli);
    let text = (tr.incident.failure)(e);
    match e {
        IncidentError::NotFound(_) => format!("{text}{}{}", t.colon, t.hint_not_found),
        IncidentError::Action(ActionError::UnknownStep(_)) => {
            format!("{text}{}{}", t.then, t.hint_unknown_step)
        }
        IncidentError::Action(ActionError::Unfilled(name)) => {
            format!("{text}{}{}", t.then, (t.hint_unfilled)(name))
        }
        _ => text,
    }
}

/// The words for a refused action on `incident` (as it was given), with
/// the command that does what the refusal asks for when there is one: a
/// decision is answered with `decide`, a value recorded with `record`.
#[must_use]
pub fn refused(term: &Term, e: &IncidentError, incident: &str) -> String {
    let text = failure(term, e);
    match e {
        IncidentError::Action(ActionError::AnswerFirst { step, needed }) => {
            let how = match needed {
                NeededKind::Decision => format!("runbook incident decide {incident} {step} yes|no"),
                NeededKind::Record => format!("runbook incident record {incident} {step} VALUE"),
            };
            let t = term.tr().cli;
            format!("{text}{}{}", t.then, (t.hint_does_it)(&how))
        }
        _ => text,
    }
}

/// Prints notices, each starting with `!`. Wrapped, never cut: a notice
/// says what happened to the record, and all of it matters.
///
/// # Errors
/// When the output cannot be written.
pub fn notices(term: &Term, notices: &[Notice], out: &mut dyn Write) -> std::io::Result<()> {
    for n in notices {
        let text = crate::cli::clean::clean(&(term.tr().incident.notice)(n)).into_owned();
        for (i, part) in term.wrap(&text, 2).iter().enumerate() {
            writeln!(out, "{} {part}", if i == 0 { "!" } else { " " })?;
        }
    }
    Ok(())
}

/// A message's whole text, between two rules, each line as it goes out:
/// what `message` logged, or would log with `--dry-run`. Never cut: what
/// went out is what is read.
///
/// # Errors
/// When the output cannot be written.
pub fn message_text(term: &Term, text: &str, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", term.tr().cli.message_text)?;
    crate::cli::clean::lines(out, text)?;
    writeln!(out, "---")
}

/// One line per event: when, who, where, what; with `full`, each
/// message's whole text under its line, indented and wrapped to the
/// width (never cut).
///
/// # Errors
/// When the output cannot be written.
pub fn timeline(
    term: &Term,
    snap: &Snapshot,
    times: &Times,
    full: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = term.tr().cli;
    notices(term, &snap.notices, out)?;
    let suspect = crate::model::notice::after_damage(&snap.notices);
    let foreign = crate::model::notice::in_foreign_log(&snap.notices);
    for (i, e) in snap.incident.timeline().iter().enumerate() {
        // Read after damage in its log: intact itself, but no longer
        // proven to follow the start of the log. Read from a log another
        // device opened: not proven to be the device's it names.
        let after_damage = if suspect.iter().any(|r| r.is(e)) {
            t.after_damage
        } else {
            ""
        };
        let elsewhere = if foreign.iter().any(|r| r.is(e)) {
            t.in_foreign_log
        } else {
            ""
        };
        let undone = if snap.incident.is_undone(e) {
            t.taken_back
        } else {
            ""
        };
        let addendum = if snap.incident.is_addendum(e) {
            t.addendum
        } else {
            ""
        };
        let mark = format!("{after_damage}{elsewhere}{undone}{addendum}");
        put!(
            out,
            term,
            "#{:<3} {mark}{}",
            i + 1,
            timeline_line(term, e, &snap.incident, &snap.plan, times)
        )?;
        if full && let crate::model::incident::Event::MessageSent { text, .. } = &e.event {
            for line in text.lines() {
                for part in term.wrap(&crate::cli::clean::clean(line), 9) {
                    writeln!(out, "{}", format!("       | {part}").trim_end())?;
                }
            }
        }
    }
    Ok(())
}

/// What closing the incident now would leave: the steps open, deferred
/// and blocked, the duties not fulfilled (overdue first) and the calls
/// nobody answered; the model's closing check, as the window's close
/// dialog shows it.
///
/// # Errors
/// When the output cannot be written.
pub fn closing(
    term: &Term,
    snap: &Snapshot,
    times: &Times,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = term.tr().cli;
    let (plan, s) = (&snap.plan, &snap.incident);
    let now = times.now();
    let check = s.closing_check(plan, now);
    if check.is_clear() {
        return put!(out, term, "{}", t.closing_clear);
    }
    put!(out, term, "{}", t.closing_leaves)?;
    let steps = |out: &mut dyn Write, head: String, steps: &[&crate::model::plan::doc::Step]| {
        if !steps.is_empty() {
            put!(out, term, "  {head}")?;
            for step in steps {
                put!(out, term, "    {} {}", pad(step.id.as_str(), 22), step.text)?;
            }
        }
        Ok::<(), std::io::Error>(())
    };
    steps(out, (t.steps_open)(check.open.len()), &check.open)?;
    steps(
        out,
        (t.steps_deferred)(check.deferred.len()),
        &check.deferred,
    )?;
    if !check.blocked.is_empty() {
        put!(out, term, "  {}", (t.steps_blocked)(check.blocked.len()))?;
        for (step, why) in &check.blocked {
            put!(
                out,
                term,
                "    {} {}{}",
                pad(step.id.as_str(), 22),
                step.text,
                (t.blocked_because)(why)
            )?;
        }
    }
    if !check.duties.is_empty() {
        put!(out, term, "  {}", (t.duties_left)(check.duties.len()))?;
        for d in &check.duties {
            let when = match d.due {
                Some(due) if d.overdue => {
                    (t.overdue_by_due)(&span(term, now - due), &times.short(due))
                }
                Some(due) => (t.due_in)(&times.short(due), &span(term, due - now)),
                None if d.duty.counts_from == crate::model::plan::doc::CountsFrom::Closing => {
                    t.counts_from_close.to_owned()
                }
                None => t.no_time_limit.to_owned(),
            };
            put!(
                out,
                term,
                "    {} {} {}",
                pad(d.duty.id.as_str(), 22),
                pad(&when, 28),
                d.duty.text
            )?;
        }
    }
    if !check.calls.is_empty() {
        put!(out, term, "  {}", (t.calls_left)(check.calls.len()))?;
        for line in &check.calls {
            let due = match line.due {
                Some(d) if line.overdue(now) => {
                    format!("  {}", (t.overdue_by)(&span(term, now - d)))
                }
                _ => String::new(),
            };
            put!(
                out,
                term,
                "    {} {}{due}",
                pad(&line.order, 5),
                Callee::of(plan, &line.target).label()
            )?;
        }
    }
    Ok(())
}

/// The call tree of the current level: each call, who was reached or who
/// is next, what is overdue.
///
/// # Errors
/// When the output cannot be written.
pub fn calls(
    term: &Term,
    snap: &Snapshot,
    times: &Times,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = term.tr().cli;
    let (plan, s) = (&snap.plan, &snap.incident);
    let now = times.now();
    let sheet = s.calls(plan);
    let name = |t: &Target| Callee::of(plan, t).label();
    // Each line ends with the id `runbook incident call` takes (the name
    // works too), in brackets.
    let id = |t: &Target| format!("  [{}]", t.id());
    let phone = |t: &Target| {
        Callee::of(plan, t)
            .phones()
            .first()
            .map(|p| format!(" {}", p.number))
            .unwrap_or_default()
    };
    match &sheet.root {
        Some(root) => put!(
            out,
            term,
            "{}{}",
            (t.calls_at)(s.level().as_str(), &name(root)),
            id(root)
        )?,
        None => put!(out, term, "{}", (t.no_call_tree)(s.level().as_str()))?,
    }
    for line in &sheet.lines {
        let indent = "  ".repeat(line.depth);
        let due = match line.due {
            Some(d) if line.overdue(now) => {
                (t.overdue_by_due)(&span(term, now - d), &times.short(d))
            }
            Some(d) if line.reached.is_none() => (t.due_in)(&times.short(d), &span(term, d - now)),
            _ => String::new(),
        };
        let state = match (&line.reached, &line.next) {
            (Some((who, at)), _) => {
                format!(
                    "{}{}",
                    (t.reached_at)(&name(who), &times.short(*at)),
                    id(who)
                )
            }
            (None, Some(next)) => format!(
                "{}{}",
                (t.next_call)(&format!("{}{}", name(next), phone(next))),
                id(next)
            ),
            (None, None) => t.nobody_left.to_owned(),
        };
        put!(
            out,
            term,
            "{indent}{} {}{}  {due}",
            pad(&line.order, 5),
            name(&line.target),
            // The id `call` takes before the time, which a narrow
            // terminal cuts first.
            id(&line.target)
        )?;
        put!(out, term, "{indent}      {state}")?;
        for c in line.candidates.iter().filter(|c| c.attempts > 0) {
            if line.reached.as_ref().is_some_and(|(w, _)| *w == c.target) {
                continue;
            }
            let outcome = match c.state {
                CallState::NoAnswer => t.no_answer,
                CallState::LeftMessage => t.left_message,
                CallState::WrongNumber => t.wrong_number,
                CallState::Reached => t.reached,
                CallState::NotCalled => t.not_called,
            };
            let at = c.last_at.map(|t| times.short(t)).unwrap_or_default();
            put!(
                out,
                term,
                "{indent}      {}{}",
                (t.tried)(&name(&c.target), outcome, &at).trim_end(),
                id(&c.target)
            )?;
        }
    }
    let (reached, all) = sheet.progress();
    let overdue = sheet.lines.iter().filter(|l| l.overdue(now)).count();
    put!(out, term, "{}", (t.calls_progress)(reached, all, overdue))?;
    if let Some(line) = sheet.open().next()
        && let Some(next) = &line.next
    {
        put!(
            out,
            term,
            "{}{}",
            (t.call_next)(&line.order, &format!("{}{}", name(next), phone(next))),
            id(next)
        )?;
    }
    Ok(())
}

fn timeline_line(
    term: &Term,
    e: &Entry,
    incident: &Incident,
    plan: &Plan,
    times: &Times,
) -> String {
    let late = e
        .happened_at
        .map(|h| (term.tr().cli.happened)(&times.short(h)))
        .unwrap_or_default();
    // A narrow terminal keeps its columns for what happened: the time of
    // day (with the date when it is another day), not the whole date.
    let when = match term.width {
        Some(w) if w < 120 => times.short(e.recorded_at),
        _ => times.datetime(e.recorded_at),
    };
    format!(
        "{when}{late} [{}@{}] {}",
        e.by,
        e.device,
        (term.tr().incident.entry)(e, incident, plan, times)
    )
}

/// One line per incident: name, open or closed, drill or real, level, age, title.
///
/// # Errors
/// When the output cannot be written.
pub fn list(
    term: &Term,
    listed: &[Listed],
    times: &Times,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = term.tr().cli;
    // The status words line up whatever their language.
    let state_cols = crate::cli::term::cols(t.open).max(crate::cli::term::cols(t.closed));
    let kind_cols = crate::cli::term::cols(t.drill).max(crate::cli::term::cols(t.real));
    for l in listed {
        let Ok(s) = &l.state else {
            put!(out, term, "{}  {}", l.name, t.unreadable_declaration)?;
            continue;
        };
        let open = if s.open { t.open } else { t.closed };
        let kind = if s.drill { t.drill } else { t.real };
        let crash = if l.crashed_open() {
            format!("  {}", t.crashed_open)
        } else {
            String::new()
        };
        put!(
            out,
            term,
            "{}  {} {} {} {}  {}{crash}",
            l.name,
            pad(open, state_cols),
            pad(kind, kind_cols),
            pad(&(t.level)(s.level.as_str()), 8),
            // A closed incident lasted from declaration to close; only an
            // open one is still running.
            pad_left(
                &span(term, s.closed_at.unwrap_or(times.now()) - s.declared_at),
                10
            ),
            s.title
        )?;
        // What puts the row itself in question: a copied, forked or forged
        // log, a conflict copy, a second declaration, a link or a pipe
        // under a log's name.
        for n in &l.warnings {
            put!(out, term, "  ! {}", (term.tr().incident.notice)(n))?;
        }
        super::followup::in_list(s, times, out)?;
    }
    Ok(())
}

/// The whole picture: header, clocks, checklist, what is overdue and next;
/// the next step's command names the incident as `name` (as the operator
/// gave it, which resolved to it).
///
/// # Errors
/// When the output cannot be written.
pub fn status(
    term: &Term,
    snap: &Snapshot,
    times: &Times,
    name: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (plan, s) = (&snap.plan, &snap.incident);
    header(term, snap, times, out)?;
    notices(term, &snap.notices, out)?;
    writeln!(out)?;
    clocks(term, plan, s, times, out)?;
    writeln!(out)?;
    checklist(term, plan, s, name, times, out)
}

fn header(term: &Term, snap: &Snapshot, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    let t = term.tr().cli;
    let (plan, s) = (&snap.plan, &snap.incident);
    let level_name = plan.level(s.level()).map_or("", |l| l.name.as_str());
    let class_name = plan.class(s.class()).map_or("", |c| c.name.as_str());
    let kind = if s.is_drill() {
        t.header_drill
    } else {
        t.header_real
    };
    let state = match s.closed_at() {
        None => t.open.to_owned(),
        Some(at) => (t.closed_at)(&times.datetime(at)),
    };
    put!(out, term, "{} — {kind}, {state}", s.title())?;
    put!(
        out,
        term,
        "{}",
        (t.level_class)(
            s.level().as_str(),
            level_name,
            s.class().as_str(),
            class_name
        )
    )?;
    if let (Some(suggested), Some(reason)) = (s.suggested_level(), s.level_reason()) {
        put!(out, term, "{}", (t.suggested)(suggested.as_str(), reason))?;
    }
    let discovered = if s.discovered_at() < s.declared_at() {
        (t.discovered)(&times.datetime(s.discovered_at()))
    } else {
        String::new()
    };
    put!(
        out,
        term,
        "{discovered}{}",
        (t.declared)(
            &times.datetime(s.declared_at()),
            s.declared_by(),
            &commander_name(s.commander(), plan),
            s.plan_version(),
            &s.plan_sha256()[..12.min(s.plan_sha256().len())]
        )
    )?;
    put!(out, term, "{}", (t.folder)(&snap.dir.display().to_string()))
}

fn clocks(
    term: &Term,
    plan: &Plan,
    s: &Incident,
    times: &Times,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = term.tr().cli;
    let now = times.now();
    put!(out, term, "{}", t.clocks)?;
    let status = s.status(plan, now);
    for c in &status.clocks {
        let what = match &c.kind {
            ClockKind::StatusUpdate => t.next_update.to_owned(),
            ClockKind::Inform(_) => (t.inform)(&c.label),
            ClockKind::Duty(id) => format!("{id}: {}", c.label),
        };
        let mark = if c.met {
            t.met.to_owned()
        } else if c.overdue(now) {
            (t.overdue_by)(&span(term, now - c.due))
        } else if c.urgency(now) == crate::model::incident::Urgency::Near {
            // Due within the quarter of an hour: what to do next.
            (t.due_soon_in)(&span(term, c.due - now))
        } else {
            (t.in_span)(&span(term, c.due - now))
        };
        // Counting on the safe side while its condition is not known.
        let unknown = if c.applies == Applies::NotYetKnown && !c.met {
            t.applies_unknown
        } else {
            ""
        };
        put!(
            out,
            term,
            "  {}  {} {what}{unknown}",
            pad(&times.short(c.due), 11),
            pad(&mark, 20)
        )?;
    }
    for c in &status.ruled_out {
        let what = match &c.kind {
            ClockKind::Duty(id) => format!("{id}: {}", c.label),
            _ => c.label.clone(),
        };
        put!(
            out,
            term,
            "  {}  {} {what}",
            pad("", 11),
            pad(t.not_applicable, 20)
        )?;
    }
    Ok(())
}

/// A step's kind, as the checklist's column names it.
fn kind_word(term: &Term, kind: &StepKind) -> &'static str {
    let t = term.tr().cli;
    match kind {
        StepKind::Action => t.kind_action,
        StepKind::Check => t.kind_check,
        StepKind::Decision { .. } => t.kind_decision,
        StepKind::Inform(_) => t.kind_inform,
        StepKind::Communicate { .. } => t.kind_message,
        StepKind::Record { .. } => t.kind_record,
    }
}

/// The command that does a step of this kind on the incident `name`.
fn how_done(term: &Term, kind: &StepKind, name: &str, step: &StepId) -> String {
    let t = term.tr().cli;
    match kind {
        StepKind::Decision { .. } => {
            (t.answer_it)(&format!("runbook incident decide {name} {step} yes|no"))
        }
        StepKind::Record { choices, .. } if !choices.is_empty() => {
            let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
            (t.record_it)(&format!(
                "runbook incident record {name} {step} {}",
                ids.join("|")
            ))
        }
        StepKind::Record { .. } => {
            (t.record_it)(&format!("runbook incident record {name} {step} VALUE"))
        }
        StepKind::Communicate { template } => (t.send_it)(&format!(
            "runbook incident message {name} --template {template}"
        )),
        StepKind::Action | StepKind::Check | StepKind::Inform(_) => {
            (t.when_done)(&format!("runbook incident step {name} {step} --done"))
        }
    }
}

fn checklist(
    term: &Term,
    plan: &Plan,
    s: &Incident,
    name: &str,
    times: &Times,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = term.tr().cli;
    let st = s.status(plan, times.now());
    put!(out, term, "{}", t.checklist)?;
    // The id column is as wide as the longest id shown (at most 22
    // columns), so a narrow terminal keeps room for the step's text.
    let id_cols = st
        .items
        .iter()
        .map(|i| crate::cli::term::cols(i.step.id.as_str()))
        .max()
        .unwrap_or(0)
        .min(22);
    let kind_cols = [
        t.kind_action,
        t.kind_check,
        t.kind_decision,
        t.kind_inform,
        t.kind_message,
        t.kind_record,
    ]
    .iter()
    .map(|k| crate::cli::term::cols(k))
    .max()
    .unwrap_or(0);
    let mut phase = "";
    for item in &st.items {
        if item.phase.id.as_str() != phase {
            phase = item.phase.id.as_str();
            put!(out, term, "  {}", item.phase.name)?;
        }
        let mark = match &item.state {
            ItemState::Open => "[ ]",
            ItemState::Done => "[x]",
            ItemState::Skipped(_) => "[s]",
            ItemState::NotApplicable => "[-]",
            ItemState::Deferred => "[d]",
            ItemState::Blocked(_) => "[!]",
            ItemState::Bypassed(_) => "[~]",
        };
        // What matters at a glance comes before the step's text, which is
        // what a narrow terminal cuts.
        let due = match (item.due, item.overdue) {
            (Some(d), true) => format!("{} ", (t.overdue_due)(&times.short(d))),
            // Due within the quarter of an hour: said, as for the clocks.
            (Some(d), false)
                if !item.state.is_settled()
                    && d - times.now()
                        <= chrono::Duration::minutes(crate::model::incident::NEAR_MINUTES) =>
            {
                format!("{} ", (t.due_soon_due)(&times.short(d)))
            }
            (Some(d), false) if !item.state.is_settled() => {
                format!("{} ", (t.due)(&times.short(d)))
            }
            _ => String::new(),
        };
        let value = s
            .value(&item.step.id)
            .map(|v| format!(" = {v}"))
            .or_else(|| {
                s.decision(&item.step.id)
                    .map(|(yes, _)| format!(" = {}", if yes { t.yes } else { t.no }))
            })
            .unwrap_or_default();
        put!(
            out,
            term,
            "    {mark} {} {} {due}{}{value}",
            pad(item.step.id.as_str(), id_cols),
            pad(kind_word(term, &item.step.kind), kind_cols),
            item.step.text
        )?;
    }
    if !st.foreign_steps.is_empty() {
        let list: Vec<&str> = st
            .foreign_steps
            .iter()
            .map(crate::model::ids::StepId::as_str)
            .collect();
        put!(out, term, "  {}", (t.foreign_steps)(&list.join(", ")))?;
    }
    writeln!(out)?;
    let overdue = st.overdue().count();
    if overdue > 0 {
        put!(out, term, "{}", (t.steps_overdue)(overdue))?;
    }
    match st.next_deadline() {
        Some(d) => put!(out, term, "{}", (t.next_deadline)(&times.datetime(d)))?,
        None => put!(out, term, "{}", t.no_deadline)?,
    }
    match &st.next {
        Some(id) => {
            let text = plan.step(id).map(|s| s.text.as_str()).unwrap_or_default();
            put!(out, term, "{}", (t.next_step)(id.as_str(), text))?;
            if let Some(step) = plan.step(id) {
                put!(out, term, "  {}", how_done(term, &step.kind, name, id))?;
            }
        }
        None if st.complete_except_deferred() && s.is_open() => {
            put!(out, term, "{}", t.settled_but_deferred)?;
        }
        None => {}
    }
    Ok(())
}
