//! Printing incidents in a terminal, in English: the status with its
//! checklist and clocks, the list, the timeline, and the words for what the
//! service reports (`crate::i18n`'s English, with command-line hints).
//!
//! Every line goes through [`say!`]: titles, notes, names, paths and the
//! plan's words are whatever someone typed, and are escaped for the
//! terminal (`super::super::clean`).

use std::io::Write;

use crate::cli::clean::say;

use crate::i18n::EN as TR_EN;
use crate::i18n::incident::{EN, commander_name};
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

/// A span of time, in the command line's English.
fn span(d: chrono::Duration) -> String {
    (TR_EN.span)(Span::of(d))
}

/// The words for a failure, with a hint at the command that helps.
#[must_use]
pub fn failure(e: &IncidentError) -> String {
    let text = (EN.failure)(e);
    match e {
        IncidentError::NotFound(_) => format!(
            "{text}: give the incident's folder, or its name as `runbook incident list` shows it"
        ),
        IncidentError::Action(ActionError::UnknownStep(_)) => {
            format!("{text}; `runbook incident status` lists the steps")
        }
        IncidentError::Action(ActionError::Unfilled(name)) => format!(
            "{text}; record the step that holds it, give it with --set {name}=..., or write the whole message with --text"
        ),
        _ => text,
    }
}

/// The words for a refused action on `incident` (as it was given), with
/// the command that does what the refusal asks for when there is one: a
/// decision is answered with `decide`, a value recorded with `record`.
#[must_use]
pub fn refused(e: &IncidentError, incident: &str) -> String {
    let text = failure(e);
    match e {
        IncidentError::Action(ActionError::AnswerFirst { step, needed }) => {
            let how = match needed {
                NeededKind::Decision => format!("runbook incident decide {incident} {step} yes|no"),
                NeededKind::Record => format!("runbook incident record {incident} {step} VALUE"),
            };
            format!("{text}; `{how}` does it")
        }
        _ => text,
    }
}

/// Prints notices, each on a line starting with `!`.
///
/// # Errors
/// When the output cannot be written.
pub fn notices(notices: &[Notice], out: &mut dyn Write) -> std::io::Result<()> {
    for n in notices {
        say!(out, "! {}", (EN.notice)(n))?;
    }
    Ok(())
}

/// A message's whole text, between two rules, each line as it goes out:
/// what `message` logged, or would log with `--dry-run`.
///
/// # Errors
/// When the output cannot be written.
pub fn message_text(text: &str, out: &mut dyn Write) -> std::io::Result<()> {
    say!(out, "--- message text ---")?;
    crate::cli::clean::lines(out, text)?;
    say!(out, "---")
}

/// One line per event: when, who, where, what; with `full`, each
/// message's whole text under its line, indented.
///
/// # Errors
/// When the output cannot be written.
pub fn timeline(
    snap: &Snapshot,
    times: &Times,
    full: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    notices(&snap.notices, out)?;
    let suspect = crate::model::notice::after_damage(&snap.notices);
    let foreign = crate::model::notice::in_foreign_log(&snap.notices);
    for (i, e) in snap.incident.timeline().iter().enumerate() {
        // Read after damage in its log: intact itself, but no longer
        // proven to follow the start of the log. Read from a log another
        // device opened: not proven to be the device's it names.
        let after_damage = if suspect.iter().any(|r| r.is(e)) {
            "(after damage) "
        } else {
            ""
        };
        let elsewhere = if foreign.iter().any(|r| r.is(e)) {
            "(in another device's log) "
        } else {
            ""
        };
        let undone = if snap.incident.is_undone(e) {
            "(taken back) "
        } else {
            ""
        };
        let mark = format!("{after_damage}{elsewhere}{undone}");
        say!(
            out,
            "#{:<3} {mark}{}",
            i + 1,
            timeline_line(e, &snap.incident, &snap.plan, times)
        )?;
        if full && let crate::model::incident::Event::MessageSent { text, .. } = &e.event {
            for line in text.lines() {
                say!(out, "{}", format!("       | {line}").trim_end())?;
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
pub fn closing(snap: &Snapshot, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    let (plan, s) = (&snap.plan, &snap.incident);
    let now = times.now();
    let check = s.closing_check(plan, now);
    if check.is_clear() {
        return say!(
            out,
            "Closing leaves nothing: every step is settled, every duty fulfilled and every call answered"
        );
    }
    say!(out, "Closing leaves:")?;
    let text = |t: &str| t.chars().take(70).collect::<String>();
    let steps = |out: &mut dyn Write, head: &str, steps: &[&crate::model::plan::doc::Step]| {
        if !steps.is_empty() {
            say!(out, "  {} {head}:", steps.len())?;
            for step in steps {
                say!(out, "    {:<22} {}", step.id.as_str(), text(&step.text))?;
            }
        }
        Ok::<(), std::io::Error>(())
    };
    steps(out, "step(s) open", &check.open)?;
    steps(out, "step(s) deferred", &check.deferred)?;
    if !check.blocked.is_empty() {
        say!(out, "  {} step(s) blocked:", check.blocked.len())?;
        for (step, why) in &check.blocked {
            say!(
                out,
                "    {:<22} {} (blocked: {why})",
                step.id.as_str(),
                text(&step.text)
            )?;
        }
    }
    if !check.duties.is_empty() {
        say!(
            out,
            "  {} duty(ies) not fulfilled, overdue first:",
            check.duties.len()
        )?;
        for d in &check.duties {
            let when = match d.due {
                Some(due) if d.overdue => {
                    format!("OVERDUE by {} (due {})", span(now - due), times.short(due))
                }
                Some(due) => format!("due {} (in {})", times.short(due), span(due - now)),
                None if d.duty.counts_from == crate::model::plan::doc::CountsFrom::Closing => {
                    "counts from the close".to_owned()
                }
                None => "no time limit".to_owned(),
            };
            say!(
                out,
                "    {:<22} {when:<28} {}",
                d.duty.id.as_str(),
                text(&d.duty.text)
            )?;
        }
    }
    if !check.calls.is_empty() {
        say!(out, "  {} call(s) not answered:", check.calls.len())?;
        for line in &check.calls {
            let due = match line.due {
                Some(d) if line.overdue(now) => format!("  OVERDUE by {}", span(now - d)),
                _ => String::new(),
            };
            say!(
                out,
                "    {:<5} {}{due}",
                line.order,
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
pub fn calls(snap: &Snapshot, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
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
        Some(root) => say!(
            out,
            "Calls at level {}, started by {}{}",
            s.level(),
            name(root),
            id(root)
        )?,
        None => say!(out, "Level {} has no call tree in this plan", s.level())?,
    }
    for line in &sheet.lines {
        let indent = "  ".repeat(line.depth);
        let due = match line.due {
            Some(d) if line.overdue(now) => {
                format!("OVERDUE by {} (due {})", span(now - d), times.short(d))
            }
            Some(d) if line.reached.is_none() => {
                format!("due {} (in {})", times.short(d), span(d - now))
            }
            _ => String::new(),
        };
        let state = match (&line.reached, &line.next) {
            (Some((who, at)), _) => {
                format!("reached {} at {}{}", name(who), times.short(*at), id(who))
            }
            (None, Some(next)) => format!("next: {}{}{}", name(next), phone(next), id(next)),
            (None, None) => "nobody left to try".to_owned(),
        };
        say!(
            out,
            "{indent}{:<5} {}  {due}{}",
            line.order,
            name(&line.target),
            id(&line.target)
        )?;
        say!(out, "{indent}      {state}")?;
        for c in line.candidates.iter().filter(|c| c.attempts > 0) {
            if line.reached.as_ref().is_some_and(|(w, _)| *w == c.target) {
                continue;
            }
            let outcome = match c.state {
                CallState::NoAnswer => "no answer",
                CallState::LeftMessage => "left a message",
                CallState::WrongNumber => "wrong number",
                CallState::Reached => "reached",
                CallState::NotCalled => "not called",
            };
            let at = c.last_at.map(|t| times.short(t)).unwrap_or_default();
            say!(
                out,
                "{indent}      tried {}: {outcome} {at}{}",
                name(&c.target),
                id(&c.target)
            )?;
        }
    }
    let (reached, all) = sheet.progress();
    let overdue = sheet.lines.iter().filter(|l| l.overdue(now)).count();
    say!(out, "reached {reached} of {all} · {overdue} overdue")?;
    if let Some(line) = sheet.open().next()
        && let Some(next) = &line.next
    {
        say!(
            out,
            "call next: {} {}{}{}",
            line.order,
            name(next),
            phone(next),
            id(next)
        )?;
    }
    Ok(())
}

fn timeline_line(e: &Entry, incident: &Incident, plan: &Plan, times: &Times) -> String {
    let late = e
        .happened_at
        .map(|h| format!(" (happened {})", times.short(h)))
        .unwrap_or_default();
    format!(
        "{}{late} [{}@{}] {}",
        times.datetime(e.recorded_at),
        e.by,
        e.device,
        (EN.entry)(e, incident, plan, times)
    )
}

/// One line per incident: name, open or closed, drill or real, level, age, title.
///
/// # Errors
/// When the output cannot be written.
pub fn list(listed: &[Listed], times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    for l in listed {
        let Ok(s) = &l.state else {
            say!(out, "{}  (no readable declaration)", l.name)?;
            continue;
        };
        let open = if s.open { "open" } else { "closed" };
        let kind = if s.drill { "drill" } else { "REAL" };
        let crash = if l.crashed_open() {
            "  (did not close cleanly here: resume it)"
        } else {
            ""
        };
        say!(
            out,
            "{}  {open:<6} {kind:<5} level {:<4} {:>10}  {}{crash}",
            l.name,
            s.level.as_str(),
            // A closed incident lasted from declaration to close; only an
            // open one is still running.
            span(s.closed_at.unwrap_or(times.now()) - s.declared_at),
            s.title
        )?;
        // What puts the row itself in question: a copied, forked or forged
        // log, a conflict copy, a second declaration, a link or a pipe
        // under a log's name.
        for n in &l.warnings {
            say!(out, "  ! {}", (EN.notice)(n))?;
        }
        super::followup::in_list(s, times, out)?;
    }
    Ok(())
}

/// The whole picture: header, clocks, checklist, what is overdue and next.
///
/// # Errors
/// When the output cannot be written.
pub fn status(snap: &Snapshot, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    let (plan, s) = (&snap.plan, &snap.incident);
    header(snap, times, out)?;
    notices(&snap.notices, out)?;
    writeln!(out)?;
    clocks(plan, s, times, out)?;
    writeln!(out)?;
    let name = snap
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    checklist(plan, s, &name, times, out)
}

fn header(snap: &Snapshot, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    let (plan, s) = (&snap.plan, &snap.incident);
    let level_name = plan.level(s.level()).map_or("", |l| l.name.as_str());
    let class_name = plan.class(s.class()).map_or("", |c| c.name.as_str());
    let kind = if s.is_drill() {
        "DRILL"
    } else {
        "REAL INCIDENT"
    };
    let state = match s.closed_at() {
        None => "open".to_owned(),
        Some(t) => format!("closed {}", times.datetime(t)),
    };
    say!(out, "{} — {kind}, {state}", s.title())?;
    say!(
        out,
        "level {} {level_name} · {} {class_name}",
        s.level(),
        s.class()
    )?;
    if let (Some(suggested), Some(reason)) = (s.suggested_level(), s.level_reason()) {
        say!(
            out,
            "the answers suggested level {suggested}; declared otherwise because: {reason}"
        )?;
    }
    let discovered = if s.discovered_at() < s.declared_at() {
        format!("discovered {} · ", times.datetime(s.discovered_at()))
    } else {
        String::new()
    };
    say!(
        out,
        "{discovered}declared {} by {} · commander {} · plan {} (sha256 {})",
        times.datetime(s.declared_at()),
        s.declared_by(),
        commander_name(s.commander(), plan),
        s.plan_version(),
        &s.plan_sha256()[..12.min(s.plan_sha256().len())]
    )?;
    say!(out, "folder {}", snap.dir.display())
}

fn clocks(plan: &Plan, s: &Incident, times: &Times, out: &mut dyn Write) -> std::io::Result<()> {
    let now = times.now();
    say!(out, "Clocks")?;
    let status = s.status(plan, now);
    for c in &status.clocks {
        let what = match &c.kind {
            ClockKind::StatusUpdate => "next status update".to_owned(),
            ClockKind::Inform(_) => format!("inform {}", c.label),
            ClockKind::Duty(id) => format!("{id}: {}", c.label),
        };
        let mark = if c.met {
            "met".to_owned()
        } else if c.overdue(now) {
            format!("OVERDUE by {}", span(now - c.due))
        } else if c.urgency(now) == crate::model::incident::Urgency::Near {
            // Due within the quarter of an hour: what to do next.
            format!("DUE SOON, in {}", span(c.due - now))
        } else {
            format!("in {}", span(c.due - now))
        };
        // Counting on the safe side while its condition is not known.
        let unknown = if c.applies == Applies::NotYetKnown && !c.met {
            " (applies? not yet known)"
        } else {
            ""
        };
        say!(
            out,
            "  {:<11}  {mark:<20} {what}{unknown}",
            times.short(c.due)
        )?;
    }
    for c in &status.ruled_out {
        let what = match &c.kind {
            ClockKind::Duty(id) => format!("{id}: {}", c.label),
            _ => c.label.clone(),
        };
        say!(out, "  {:<11}  {:<20} {what}", "", "not applicable")?;
    }
    Ok(())
}

/// A step's kind, as the checklist's column names it.
fn kind_word(kind: &StepKind) -> &'static str {
    match kind {
        StepKind::Action => "action",
        StepKind::Check => "check",
        StepKind::Decision { .. } => "decision",
        StepKind::Inform(_) => "inform",
        StepKind::Communicate { .. } => "message",
        StepKind::Record { .. } => "record",
    }
}

/// The command that does a step of this kind on the incident `name`.
fn how_done(kind: &StepKind, name: &str, step: &StepId) -> String {
    match kind {
        StepKind::Decision { .. } => {
            format!("answer it: runbook incident decide {name} {step} yes|no")
        }
        StepKind::Record { choices, .. } if !choices.is_empty() => {
            let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
            format!(
                "record it: runbook incident record {name} {step} {}",
                ids.join("|")
            )
        }
        StepKind::Record { .. } => {
            format!("record it: runbook incident record {name} {step} VALUE")
        }
        StepKind::Communicate { template } => {
            format!("send it: runbook incident message {name} --template {template}")
        }
        StepKind::Action | StepKind::Check | StepKind::Inform(_) => {
            format!("when done: runbook incident step {name} {step} --done")
        }
    }
}

fn checklist(
    plan: &Plan,
    s: &Incident,
    name: &str,
    times: &Times,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let st = s.status(plan, times.now());
    say!(out, "Checklist")?;
    let mut phase = "";
    for item in &st.items {
        if item.phase.id.as_str() != phase {
            phase = item.phase.id.as_str();
            say!(out, "  {}", item.phase.name)?;
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
        let due = match (item.due, item.overdue) {
            (Some(d), true) => format!(" OVERDUE (due {})", times.short(d)),
            // Due within the quarter of an hour: said, as for the clocks.
            (Some(d), false)
                if !item.state.is_settled()
                    && d - times.now()
                        <= chrono::Duration::minutes(crate::model::incident::NEAR_MINUTES) =>
            {
                format!(" DUE SOON (due {})", times.short(d))
            }
            (Some(d), false) if !item.state.is_settled() => format!(" (due {})", times.short(d)),
            _ => String::new(),
        };
        let value = s
            .value(&item.step.id)
            .map(|v| format!(" = {v}"))
            .or_else(|| {
                s.decision(&item.step.id)
                    .map(|(yes, _)| format!(" = {}", if yes { "yes" } else { "no" }))
            })
            .unwrap_or_default();
        let text: String = item.step.text.chars().take(70).collect();
        say!(
            out,
            "    {mark} {:<22} {:<8} {text}{value}{due}",
            item.step.id.as_str(),
            kind_word(&item.step.kind)
        )?;
    }
    if !st.foreign_steps.is_empty() {
        let list: Vec<&str> = st
            .foreign_steps
            .iter()
            .map(crate::model::ids::StepId::as_str)
            .collect();
        say!(
            out,
            "  Steps in the log that this plan does not have: {}",
            list.join(", ")
        )?;
    }
    writeln!(out)?;
    let overdue = st.overdue().count();
    if overdue > 0 {
        say!(out, "{overdue} step(s) overdue")?;
    }
    match st.next_deadline() {
        Some(d) => say!(out, "next deadline {}", times.datetime(d))?,
        None => say!(out, "no open deadline")?,
    }
    match &st.next {
        Some(id) => {
            let text = plan.step(id).map(|s| s.text.as_str()).unwrap_or_default();
            say!(out, "next step: {id} — {text}")?;
            if let Some(step) = plan.step(id) {
                say!(out, "  {}", how_done(&step.kind, name, id))?;
            }
        }
        None if st.complete_except_deferred() && s.is_open() => say!(
            out,
            "every step is settled except deferred ones; close when they are done"
        )?,
        None => {}
    }
    Ok(())
}
