//! `runbook incident …`: the incident service from a terminal.
//!
//! Each subcommand turns its arguments into one model [`Action`], records
//! it through the [`Service`] and closes the log cleanly; the logic of
//! declaring, opening, finding and rescuing lives in the service, shared with
//! the window. If the log cannot be written, the entry is saved in a
//! continuation file (in the incident folder, else a rescue folder, else the
//! current folder) before the process exits, so an acknowledged action is
//! never lost.

pub mod args;
mod followup;
mod names;
mod render;

use std::process::ExitCode;

use std::io::Read as _;

use anyhow::{Context as _, anyhow, bail};
use chrono::{DateTime, Utc};

pub use args::IncidentCommand;
use args::{WarningAction, YesNo};

use super::clean::{self, say};
use super::term::Term;
use crate::clock::{self, Clock};
use crate::i18n::time::Times;
use crate::io::incident_dir::IncidentError;
use crate::io::plan_file;
use crate::model::ids::{ItemId, StepId, TemplateId};
use crate::model::incident::{
    Action, ActionError, Answer, Commander, Declaration, EntryRef, Event, Field, Happened,
    Incident, MAX_TEXT_BYTES, check_length,
};
use crate::model::plan::Plan;
use crate::model::plan::contacts::{Kinds, find_target};
use crate::model::plan::doc::Target;
use crate::service::context::Overrides;
use crate::service::{Context, Outcome, Service};

/// Turns a service error into the command line's words.
trait OrSay<T> {
    fn or_say(self, term: &Term) -> anyhow::Result<T>;
}

impl<T> OrSay<T> for Result<T, IncidentError> {
    fn or_say(self, term: &Term) -> anyhow::Result<T> {
        self.map_err(|e| anyhow!(render::failure(term, &e)))
    }
}

/// The words for a failure, with a hint at the command that helps.
pub(super) fn failure(term: &Term, e: &IncidentError) -> String {
    render::failure(term, e)
}

pub(super) fn context(term: &Term, who: &args::IncidentWho) -> anyhow::Result<Context> {
    let clock = who
        .now
        .as_deref()
        .map(|t| {
            DateTime::parse_from_rfc3339(t)
                .map(|t| Clock::fixed(t.with_timezone(&Utc)))
                .with_context(|| (term.tr().cli.not_rfc3339)(t))
        })
        .transpose()?;
    Ok(Context::from_env(Overrides {
        data_dir: who.data_dir.clone(),
        operator: who.operator.clone(),
        device: who.device.clone(),
        machine: None,
        clock,
        zone: None,
    }))
}

/// The words for a refusal, and the closest names the plan has when it
/// was refused for something the plan does not have (a typo).
fn hinted(
    term: &Term,
    plan: &Plan,
    state: Option<&Incident>,
    e: &IncidentError,
    text: String,
) -> String {
    match names::suggest(plan, state, e) {
        Some(close) => {
            let t = term.tr().cli;
            format!("{text}{}{}", t.then, (t.did_you_mean)(&close))
        }
        None => text,
    }
}

/// The folder of the incident a person named; for a name nothing has,
/// the closest names, classes and titles the data folder has.
pub(super) fn resolve(
    term: &Term,
    service: &Service,
    given: &str,
) -> anyhow::Result<std::path::PathBuf> {
    service.resolve(given).map_err(|e| {
        let text = render::failure(term, &e);
        if !matches!(e, IncidentError::NotFound(_)) {
            return anyhow!(text);
        }
        let listed = service.list();
        let known = listed.iter().flat_map(|l| {
            let (class, title) = l
                .state
                .as_ref()
                .map_or(("", ""), |h| (h.class.as_str(), h.title.as_str()));
            [l.name.as_str(), class, title]
        });
        let close = names::closest(given, known.filter(|k| !k.is_empty()));
        if close.is_empty() {
            anyhow!(text)
        } else {
            let t = term.tr().cli;
            anyhow!("{text}{}{}", t.then, (t.did_you_mean)(&close.join(", ")))
        }
    })
}

/// Reads `--at` and the like: a time that already happened.
fn past(
    term: &Term,
    service: &Service,
    text: Option<&str>,
) -> anyhow::Result<Option<DateTime<Utc>>> {
    let ctx = service.context();
    text.map(|t| {
        clock::parse_past(t, ctx.now(), ctx.zone())
            .map_err(|e| anyhow!((term.tr().incident.when_error)(&e)))
    })
    .transpose()
}

/// What an incident subcommand came to.
#[derive(Debug)]
pub struct Ran {
    /// The exit status.
    pub code: ExitCode,
    /// Whether it wrote to the record (a declaration, an entry, a joined
    /// device's log): then the record holds it whatever happens to the
    /// output, and the exit status must say so.
    pub saved: bool,
}

impl Ran {
    fn read(code: ExitCode) -> Self {
        Self { code, saved: false }
    }

    fn saved() -> Self {
        Self {
            code: ExitCode::SUCCESS,
            saved: true,
        }
    }
}

/// Runs one incident subcommand. What it has to say goes to `out`, its
/// warnings to `err`; the caller prints both once the work is done, so
/// the record never depends on the terminal (a closed pipe, a full disk
/// under standard output).
///
/// # Errors
/// A refused action, an unknown incident, or a log that cannot be written
/// anywhere; never after something was saved.
pub fn run(
    term: &Term,
    who: &args::IncidentWho,
    cmd: &IncidentCommand,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> anyhow::Result<Ran> {
    let service = Service::new(context(term, who)?);
    let times = service.context().times();
    let t = term.tr().cli;
    match cmd {
        IncidentCommand::New { .. } => new(term, &service, cmd, out, err),
        IncidentCommand::Join { folder } => {
            let dir = service.join(folder).or_say(term)?;
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            say!(out, "{}", (t.joined)(&name, service.context().device()))?;
            say!(out, "{}", (t.folder_is)(&dir.display().to_string()))?;
            match service.read(&dir) {
                Ok(snap) => render::notices(term, &snap.notices, err)?,
                Err(e) => say!(err, "! {}", render::failure(term, &e))?,
            }
            Ok(Ran::saved())
        }
        IncidentCommand::List => {
            let listed = service.list();
            if listed.is_empty() {
                let root = service.incidents_dir();
                say!(out, "{}", (t.no_incidents)(&root.display().to_string()))?;
            }
            render::list(term, &listed, &times, out)?;
            Ok(Ran::read(ExitCode::SUCCESS))
        }
        IncidentCommand::Action(args::ActionCommand::List { incident }) => {
            let lang = term.lang;
            match incident {
                Some(incident) => {
                    let snap = service
                        .read(&service.resolve(incident).or_say(term)?)
                        .or_say(term)?;
                    render::notices(term, &snap.notices, err)?;
                    followup::items_of(&snap, &times, lang, out)?;
                }
                None => followup::open_across(&service.list(), &times, lang, out)?,
            }
            Ok(Ran::read(ExitCode::SUCCESS))
        }
        IncidentCommand::Status { incident } => {
            let snap = service
                .read(&resolve(term, &service, incident)?)
                .or_say(term)?;
            render::status(term, &snap, &times, incident, out)?;
            Ok(Ran::read(ExitCode::SUCCESS))
        }
        IncidentCommand::Calls { incident } => {
            let snap = service
                .read(&resolve(term, &service, incident)?)
                .or_say(term)?;
            render::calls(term, &snap, &times, out)?;
            Ok(Ran::read(ExitCode::SUCCESS))
        }
        IncidentCommand::Timeline { incident, full } => {
            let snap = service
                .read(&resolve(term, &service, incident)?)
                .or_say(term)?;
            render::timeline(term, &snap, &times, *full, out)?;
            Ok(Ran::read(ExitCode::SUCCESS))
        }
        IncidentCommand::Message {
            incident,
            dry_run: true,
            ..
        } => {
            let ctx = service.context();
            let who = (ctx.operator(), ctx.device());
            dry_run(term, &service, incident, (out, err), |plan, state| {
                action(term, cmd, plan, state, &times, None, who)
            })
        }
        IncidentCommand::Close { incident, yes, .. } if !yes => {
            // What closing leaves, and no close without --yes: a person
            // reads the list before the response ends.
            let snap = service
                .read(&resolve(term, &service, incident)?)
                .or_say(term)?;
            render::notices(term, &snap.notices, err)?;
            if !snap.incident.is_open() {
                bail!(render::failure(
                    term,
                    &IncidentError::Action(ActionError::Closed)
                ));
            }
            render::closing(term, &snap, &times, out)?;
            bail!(t.not_closed)
        }
        _ => {
            if let IncidentCommand::Close { incident, .. } = cmd {
                // Closed with --yes: what was left is said first.
                let snap = service
                    .read(&resolve(term, &service, incident)?)
                    .or_say(term)?;
                if snap.incident.is_open() {
                    render::closing(term, &snap, &times, out)?;
                }
            }
            let Some((incident, when)) = cmd.acts_on() else {
                bail!("not an action on an incident");
            };
            // Read before the log is opened: a note that cannot be taken
            // (too long, not UTF-8) is refused with nothing written.
            let stdin_note = match cmd {
                IncidentCommand::Note { text, .. } if text == "-" => {
                    let stdin = std::io::stdin();
                    if std::io::IsTerminal::is_terminal(&stdin) {
                        eprintln!("runbook: {}", t.type_note);
                    }
                    Some(note_from(term, stdin.lock())?)
                }
                _ => None,
            };
            let ctx = service.context();
            let who = (ctx.operator(), ctx.device());
            act(term, &service, incident, when, (out, err), |plan, state| {
                action(term, cmd, plan, state, &times, stdin_note, who)
            })
        }
    }
}

/// The model action a subcommand asks for, built against the incident's
/// plan and state (a call target or a template is looked up there).
/// `stdin_note` is the note read from standard input for `note INCIDENT -`;
/// `who` the operator and the device, whose last entry `undo` takes back.
#[allow(clippy::too_many_lines)] // One arm per action subcommand.
fn action(
    term: &Term,
    cmd: &IncidentCommand,
    plan: &Plan,
    state: &Incident,
    times: &Times,
    stdin_note: Option<String>,
    (by, device): (&str, &str),
) -> anyhow::Result<Action> {
    Ok(match cmd {
        IncidentCommand::Undo { .. } => {
            let last = state
                .last_undoable(by, device, times.now())
                .map_err(|e| anyhow!(render::failure(term, &IncidentError::Action(e))))?;
            Action::Undo {
                entry: EntryRef::to(last),
            }
        }
        IncidentCommand::Reopen { reason, .. } => Action::Reopen {
            reason: reason.clone(),
        },
        IncidentCommand::Step { step, status, .. } => Action::SetStep {
            step: StepId::new(step.as_str()),
            status: status.status(),
        },
        IncidentCommand::Record { step, value, .. } => Action::Record {
            step: StepId::new(step.as_str()),
            value: value.clone(),
        },
        IncidentCommand::Decide { step, answer, .. } => Action::Decide {
            step: StepId::new(step.as_str()),
            yes: matches!(answer, YesNo::Yes),
        },
        IncidentCommand::Call {
            who,
            outcome,
            via,
            note,
            line,
            ..
        } => {
            let to = parse_target(term, plan, who)?;
            Action::Call {
                line: call_line(term, plan, state, &to, line.as_deref())?,
                to,
                via: (*via).into(),
                outcome: (*outcome).into(),
                note: note.clone(),
            }
        }
        IncidentCommand::Message {
            template,
            audience,
            text,
            set,
            channel,
            ..
        } => {
            let template_id = template.as_deref().map(TemplateId::new);
            let text = message_text(term, (plan, state, times), text, template_id.as_ref(), set)?;
            Action::Message {
                template: template_id,
                audience: audience.map(Into::into),
                channel: channel.map(Into::into),
                text,
            }
        }
        IncidentCommand::Note {
            text,
            step,
            corrects,
            ..
        } => Action::Note {
            text: stdin_note.unwrap_or_else(|| text.clone()),
            step: step.as_deref().map(StepId::new),
            corrects: corrects
                .as_deref()
                .map(|c| entry_ref(term, c, state))
                .transpose()?,
        },
        IncidentCommand::Level { level, reason, .. } => Action::ChangeLevel {
            to: names::level(plan, level),
            reason: reason.clone(),
        },
        IncidentCommand::Warning {
            action,
            level,
            note,
            ..
        } => {
            let level = names::level(plan, level);
            let note = note.clone();
            match action {
                WarningAction::Issue => Action::IssueWarning { level, note },
                WarningAction::Lift => Action::LiftWarning { level, note },
            }
        }
        IncidentCommand::Handover { to, note, .. } => Action::HandOver {
            to: Commander::find(plan, to).map_err(|e| {
                let e = IncidentError::Action(ActionError::Name(e));
                anyhow!(hinted(
                    term,
                    plan,
                    Some(state),
                    &e,
                    render::failure(term, &e)
                ))
            })?,
            note: note.clone(),
        },
        IncidentCommand::Ack { clock, snooze, .. } => {
            ack(term, plan, state, times, clock, *snooze)?
        }
        IncidentCommand::Duty { duty, note, .. } => Action::DutyDone {
            duty: ItemId::new(duty.as_str()),
            note: note.clone(),
        },
        IncidentCommand::Close { summary, .. } => Action::Close {
            summary: summary.clone(),
        },
        IncidentCommand::Action(_) | IncidentCommand::Review { .. } => {
            followup::action(term, cmd, plan)?
        }
        IncidentCommand::New { .. }
        | IncidentCommand::List
        | IncidentCommand::Join { .. }
        | IncidentCommand::Calls { .. }
        | IncidentCommand::Status { .. }
        | IncidentCommand::Timeline { .. } => bail!("not an action on an incident"),
    })
}

/// A typed name that names nobody, or several, in the command line's words.
pub(super) fn name_error(term: &Term, e: crate::model::plan::contacts::NameError) -> anyhow::Error {
    anyhow!(render::failure(
        term,
        &IncidentError::Action(ActionError::Name(e))
    ))
}

/// The acknowledgement (or snooze) of the clock a person names, at the
/// stage it is at now.
fn ack(
    term: &Term,
    plan: &Plan,
    state: &Incident,
    times: &Times,
    clock: &str,
    snooze_minutes: Option<u32>,
) -> anyhow::Result<Action> {
    let alert = state
        .alert_named(plan, clock, times.now())
        .map_err(|e| anyhow!(render::failure(term, &IncidentError::Action(e))))?;
    Ok(Action::AckClock {
        clock: alert.clock.kind,
        due: alert.clock.due,
        stage: alert.stage,
        snooze_minutes,
    })
}

/// A message's text: as given (`--text`), else its template filled from
/// the incident and `--set`.
fn message_text(
    term: &Term,
    (plan, state, times): (&Plan, &Incident, &Times),
    text: &Option<String>,
    template: Option<&TemplateId>,
    set: &[String],
) -> anyhow::Result<String> {
    Ok(match (text, template) {
        (Some(t), _) => t.clone(),
        (None, Some(id)) => {
            let t = plan.template(id).ok_or_else(|| {
                let e = IncidentError::Action(ActionError::UnknownTemplate(id.clone()));
                anyhow!(hinted(
                    term,
                    plan,
                    Some(state),
                    &e,
                    (term.tr().cli.no_template)(id.as_str())
                ))
            })?;
            let extra = key_values(term, set)?;
            state.render_template(plan, t, times.now(), &|t| times.datetime(t), &extra)
        }
        (None, None) => bail!(term.tr().cli.give_template),
    })
}

/// A note from standard input: UTF-8, as typed, less one final line break
/// (the one `echo`, a heredoc or an editor adds; the note is what is before
/// it). A command line argument is capped by the system (128 KiB on Linux);
/// this is how a long note, or a pasted log excerpt, is entered. At most
/// [`MAX_TEXT_BYTES`] and a line break are kept in memory: a longer input is
/// only counted, then refused with the model's own words.
///
/// # Errors
/// Input that cannot be read, is longer than one entry may hold, or is not UTF-8.
fn note_from(term: &Term, mut input: impl std::io::Read) -> anyhow::Result<String> {
    let t = term.tr().cli;
    let refuse = |e| anyhow!(render::failure(term, &IncidentError::Action(e)));
    // Enough for the longest note and its final line break, and one more
    // byte to tell that there is more.
    let keep = MAX_TEXT_BYTES + 2;
    let mut bytes = Vec::new();
    (&mut input)
        .take(keep as u64 + 1)
        .read_to_end(&mut bytes)
        .context(t.note_unreadable)?;
    if bytes.len() > keep {
        let rest = std::io::copy(&mut input, &mut std::io::sink()).context(t.note_unreadable)?;
        let total = usize::try_from(rest).map_or(usize::MAX, |r| bytes.len().saturating_add(r));
        return Err(refuse(ActionError::TooLong {
            field: Field::Note,
            bytes: total,
            max: MAX_TEXT_BYTES,
        }));
    }
    for end in [&b"\r\n"[..], b"\n"] {
        if let Some(body) = bytes.strip_suffix(end) {
            bytes.truncate(body.len());
            break;
        }
    }
    check_length(Field::Note, bytes.len()).map_err(refuse)?;
    String::from_utf8(bytes).map_err(|e| anyhow!((t.note_not_utf8)(e.utf8_error().valid_up_to())))
}

/// Which call of the tree an attempt on `to` was for: as given (`--for`),
/// else the one the person called may answer (a deputy who backs two
/// roles must say which, or reaching them for one would tell the other).
fn call_line(
    term: &Term,
    plan: &Plan,
    state: &Incident,
    to: &Target,
    given: Option<&str>,
) -> anyhow::Result<Option<Target>> {
    match given {
        Some(l) => parse_target(term, plan, l).map(Some),
        None => state
            .calls(plan)
            .line_for(plan, to)
            .map_err(|e| anyhow!(render::failure(term, &IncidentError::Action(e)))),
    }
}

/// Whom a typed name means: `role:ID`, `person:ID`, `external:ID`, an id
/// of exactly one of them, or the name the plan shows
/// ([`find_target`]); several with that name are listed, not guessed.
fn parse_target(term: &Term, plan: &Plan, who: &str) -> anyhow::Result<Target> {
    find_target(plan, who, Kinds::ANYONE).map_err(|e| {
        let e = IncidentError::Action(ActionError::Name(e));
        anyhow!(hinted(term, plan, None, &e, render::failure(term, &e)))
    })
}

/// `KEY=VALUE` pairs for placeholders.
fn key_values(
    term: &Term,
    pairs: &[String],
) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    pairs
        .iter()
        .map(|p| {
            let (k, v) = p
                .split_once('=')
                .ok_or_else(|| anyhow!((term.tr().cli.set_pair)(p)))?;
            Ok((k.trim().to_owned(), v.to_owned()))
        })
        .collect()
}

/// The entry a correction points at: its number in the timeline, or
/// `RECORDED_AT[@DEVICE]`; it must be in the incident.
fn entry_ref(term: &Term, given: &str, state: &Incident) -> anyhow::Result<EntryRef> {
    let t = term.tr().cli;
    if let Ok(n) = given.trim().trim_start_matches('#').parse::<usize>() {
        return n
            .checked_sub(1)
            .and_then(|i| state.timeline().get(i))
            .map(EntryRef::to)
            .ok_or_else(|| anyhow!((t.no_entry_number)(given, n)));
    }
    let (at, device) = match given.rsplit_once('@') {
        Some((at, device)) => (at, Some(device)),
        None => (given, None),
    };
    let at = DateTime::parse_from_rfc3339(at.trim())
        .with_context(|| (t.corrects_time)(given))?
        .with_timezone(&Utc);
    state
        .timeline()
        .iter()
        .find(|e| e.recorded_at == at && device.is_none_or(|d| e.device == d))
        .map(EntryRef::to)
        .ok_or_else(|| anyhow!((t.no_entry_then)(given)))
}

fn parse_answers(term: &Term, answers: &[String]) -> anyhow::Result<Vec<Answer>> {
    let t = term.tr().cli;
    answers
        .iter()
        .map(|a| {
            let (q, v) = a
                .split_once('=')
                .ok_or_else(|| anyhow!((t.answer_pair)(a)))?;
            let yes = match v.trim().to_ascii_lowercase().as_str() {
                "yes" | "y" | "true" => true,
                "no" | "n" | "false" => false,
                _ => bail!((t.answer_yes_no)(a)),
            };
            Ok(Answer {
                question: ItemId::new(q.trim()),
                yes,
            })
        })
        .collect()
}

fn new(
    term: &Term,
    service: &Service,
    cmd: &IncidentCommand,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> anyhow::Result<Ran> {
    let IncidentCommand::New {
        plan: plan_path,
        class,
        level,
        title,
        answers,
        level_reason,
        discovered,
        drill,
        scenario,
    } = cmd
    else {
        bail!("not a declaration");
    };
    let file = plan_path
        .as_deref()
        .map_or_else(plan_file::bundled, plan_file::load);
    let plan = match &file.outcome {
        Ok(checked) => &checked.plan,
        Err(diags) => {
            for text in file.rendered(term.tr().plan) {
                clean::lines(out, &text)?;
            }
            bail!((term.tr().cli.plan_errors)(
                &file.path.display().to_string(),
                diags.len()
            ));
        }
    };
    let declaration = Declaration {
        title: title.clone(),
        class: names::class(plan, class),
        level: level.as_deref().map(|l| names::level(plan, l)),
        level_reason: level_reason.clone(),
        answers: parse_answers(term, answers)?,
        discovered_at: past(term, service, discovered.as_deref())?,
        commander: None,
        drill: *drill,
    };
    // A scenario the plan does not have is refused before anything is written.
    let scenario = scenario.as_deref().map(ItemId::new);
    if let Some(s) = &scenario {
        crate::model::incident::check_scenario(plan, s)
            .map_err(|e| anyhow!(render::failure(term, &IncidentError::Action(e))))?;
    }
    let mut open = service
        .declare(plan, &file.bytes, declaration)
        .map_err(|e| anyhow!(hinted(term, plan, None, &e, render::failure(term, &e))))?;
    // Named in the declaration's own session, right after it.
    let named =
        scenario.map(|drill| service.record(&mut open, Action::NameScenario { drill }, None));
    let name = open
        .dir()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let level = open.incident().level().clone();
    let dir = open.dir().to_owned();
    // The declaration is saved: from here on nothing fails the command.
    let finished = service.finish(open);
    let t = term.tr().cli;
    say!(out, "{}", (t.declared_new)(&name, level.as_str()))?;
    say!(out, "{}", (t.folder_is)(&dir.display().to_string()))?;
    match named {
        Some(Ok(entry)) => say!(
            out,
            "{}",
            (term.tr().incident.event)(&entry.event, plan, &service.context().times())
        )?,
        Some(Err(e)) => say!(
            err,
            "{}",
            (t.scenario_not_recorded)(&render::failure(term, &e))
        )?,
        None => {}
    }
    match finished {
        Ok(Some(head)) => say!(out, "{}", (t.log_head)(crate::i18n::short_head(&head)))?,
        Ok(None) => {}
        Err(e) => say!(err, "! {}", render::failure(term, &e))?,
    }
    Ok(Ran::saved())
}

/// `message --dry-run`: the text as it would be logged, and whether the
/// model would take it; nothing is written. A refusal (a placeholder
/// nothing filled) is the command's failure, after the text, so the
/// operator sees what is missing in place.
fn dry_run(
    term: &Term,
    service: &Service,
    incident: &str,
    (out, err): (&mut dyn std::io::Write, &mut dyn std::io::Write),
    build: impl FnOnce(&Plan, &Incident) -> anyhow::Result<Action>,
) -> anyhow::Result<Ran> {
    let snap = service
        .read(&resolve(term, service, incident)?)
        .or_say(term)?;
    render::notices(term, &snap.notices, err)?;
    let action = build(&snap.plan, &snap.incident)?;
    if let Action::Message { text, .. } = &action {
        render::message_text(term, text, out)?;
    }
    match snap.incident.check(&snap.plan, action) {
        Ok(_) => {
            say!(out, "{}", term.tr().cli.not_logged)?;
            Ok(Ran::read(ExitCode::SUCCESS))
        }
        Err(e) => {
            let e = IncidentError::Action(e);
            let text = render::failure(term, &e);
            Err(anyhow!(hinted(
                term,
                &snap.plan,
                Some(&snap.incident),
                &e,
                text
            )))
        }
    }
}

/// How much of what was saved is echoed back, in characters.
const ECHO_CHARS: usize = 200;

/// Builds the action against the incident as read and has the service
/// record it the whole way (check, open, write, rescue, finish); prints
/// what it came to.
fn act(
    term: &Term,
    service: &Service,
    incident: &str,
    when: Option<&args::When>,
    (out, err): (&mut dyn std::io::Write, &mut dyn std::io::Write),
    build: impl FnOnce(&Plan, &Incident) -> anyhow::Result<Action>,
) -> anyhow::Result<Ran> {
    let dir = resolve(term, service, incident)?;
    let happened = match when {
        Some(w) => past(term, service, w.at.as_deref())?.map(|at| Happened {
            at,
            before_discovery: w.before_discovery,
        }),
        None => None,
    };
    let snap = service.read(&dir).or_say(term)?;
    let action = match build(&snap.plan, &snap.incident) {
        Ok(action) => action,
        Err(e) => {
            render::notices(term, &snap.notices, err)?;
            return Err(e);
        }
    };
    let acted = service
        .act(&snap, action, happened, &mut || {
            eprintln!("runbook: {}", term.tr().cli.waiting);
        })
        .or_say(term)?;
    render::notices(term, &acted.notices, err)?;
    let times = service.context().times();
    let t = term.tr().cli;
    let result = match acted.outcome {
        Outcome::Saved(entry) => {
            // A long note is not echoed whole: the line says what was saved
            // (an undo, what it took back).
            let event = (term.tr().incident.entry)(&entry, &snap.incident, &snap.plan, &times);
            // An addendum says so: the incident stays closed.
            let event = if snap.incident.is_open() {
                event
            } else {
                format!("{}{event}", t.addendum)
            };
            let line = (t.saved)(&clean::cut(&event, ECHO_CHARS));
            writeln!(out, "{}", term.fit(&clean::clean(&line)))?;
            // A message is printed whole: what went out is what was read.
            if let Event::MessageSent { text, .. } = &entry.event {
                render::message_text(term, text, out)?;
            }
            if matches!(entry.event, Event::Closed { .. }) {
                say!(out, "{}", t.closed_see_timeline)?;
            }
            Ok(Ran::saved())
        }
        Outcome::Rescued {
            error,
            failed,
            saved_in,
        } => {
            say!(err, "! {}", (term.tr().incident.log_error)(&error))?;
            tried(term, &failed, err)?;
            say!(
                out,
                "{}",
                (t.saved_instead)(&saved_in.display().to_string())
            )?;
            Ok(Ran::saved())
        }
        Outcome::NotSaved {
            error,
            failed,
            unsaved,
        } => {
            say!(err, "! {}", (term.tr().incident.log_error)(&error))?;
            tried(term, &failed, err)?;
            // Nowhere to write: print the entries so a person can copy them.
            // Still valid JSON, so it can be pasted back into a log's tooling.
            for entry in &unsaved {
                let json = serde_json::to_string(entry).unwrap_or_default();
                writeln!(err, "NOT SAVED: {}", clean::clean_json(&json))?;
            }
            Err(anyhow!(t.not_saved_anywhere))
        }
        Outcome::Refused(IncidentError::Action(ActionError::BeforeDiscovery {
            at,
            discovered,
        })) => {
            // A bare `--at 03:00` typed at 01:47 means yesterday: say how
            // it was read, or the refusal makes no sense.
            let e = IncidentError::Action(ActionError::BeforeDiscovery { at, discovered });
            Err(anyhow!((t.read_as)(
                &render::failure(term, &e),
                &times.datetime(at),
                &times.datetime(discovered)
            )))
        }
        Outcome::Refused(e) => {
            let text = render::refused(term, &e, incident);
            Err(anyhow!(hinted(
                term,
                &snap.plan,
                Some(&snap.incident),
                &e,
                text
            )))
        }
    };
    // A closing record that cannot be written is a warning, not a
    // failure: every entry is already saved.
    match acted.finished {
        Some(Ok(Some(head))) => say!(out, "{}", (t.log_head)(crate::i18n::short_head(&head)))?,
        Some(Err(e)) => say!(err, "! {}", render::failure(term, &e))?,
        Some(Ok(None)) | None => {}
    }
    result
}

/// The places a log could not continue in, and why.
fn tried(
    term: &Term,
    failed: &[(std::path::PathBuf, IncidentError)],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for (place, e) in failed {
        say!(
            out,
            "{}",
            (term.tr().cli.could_not_continue)(
                &place.display().to_string(),
                &render::failure(term, e)
            )
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(bytes: &[u8]) -> Result<String, String> {
        note_from(&Term::plain(), std::io::Cursor::new(bytes)).map_err(|e| e.to_string())
    }

    #[test]
    fn a_note_from_standard_input_is_kept_as_typed_less_its_final_line_break() {
        assert_eq!(note(b"a\n\nb\n").as_deref(), Ok("a\n\nb"));
        assert_eq!(note(b"a\r\n").as_deref(), Ok("a"));
        assert_eq!(note(b"a\n\n").as_deref(), Ok("a\n"));
        assert_eq!(note(b"  a\t").as_deref(), Ok("  a\t"));
        assert_eq!(note(b"").as_deref(), Ok(""));
        let full = "x".repeat(MAX_TEXT_BYTES);
        assert_eq!(note(format!("{full}\r\n").as_bytes()), Ok(full));
    }

    #[test]
    fn a_note_too_long_or_not_utf8_is_refused_in_plain_words() {
        let over = vec![b'x'; MAX_TEXT_BYTES + 1];
        let Err(e) = note(&over) else {
            panic!("1 MiB + 1 byte is refused");
        };
        assert!(e.contains("the note is too long: 1048577 bytes"), "{e}");
        // Far too long: counted without being kept, and said exactly.
        let Err(e) = note(&vec![b'x'; 3 * MAX_TEXT_BYTES]) else {
            panic!("3 MiB is refused");
        };
        assert!(e.contains("3145728 bytes"), "{e}");
        let Err(e) = note(b"ok \xff") else {
            panic!("not UTF-8");
        };
        assert!(e.contains("not UTF-8 text (byte 3 is not)"), "{e}");
    }
}
