//! `runbook incident …`: the incident engine from a terminal.
//!
//! Each subcommand opens the incident folder, turns its arguments into one
//! model [`Action`], records it durably and closes the log cleanly. If the
//! log cannot be written, the entry is saved in a continuation file (in the
//! incident folder, else a rescue folder, else the current folder) before the
//! process exits, so an acknowledged action is never lost.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use chrono::{DateTime, Local, NaiveDateTime, NaiveTime, TimeZone as _, Utc};
use clap::{Args, Subcommand, ValueEnum};

use super::Cli;
use crate::io::incident_dir::{self, IncidentError, OpenIncident};
use crate::io::plan_file;
use crate::model::ids::{
    ClassId, ExternalId, ItemId, LevelId, PersonId, RoleId, StepId, TemplateId,
};
use crate::model::incident::{
    Action, Answer, CallOutcome, Channel, ClockKind, Declaration, Event, Incident, ItemState,
    StepStatus, describe,
};
use crate::model::plan::Plan;
use crate::model::plan::doc::{Audience, Target};

/// Incident subcommands.
#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Declare a new incident (or drill) under a plan.
    New {
        /// The plan file.
        #[arg(long, value_name = "PLAN")]
        plan: PathBuf,
        /// The fault class id, such as `network`.
        #[arg(long, value_name = "CLASS")]
        class: String,
        /// The response level (`I` … `IV`); without it, the level the answers suggest.
        #[arg(long, value_name = "LEVEL")]
        level: Option<String>,
        /// A short title.
        #[arg(long)]
        title: String,
        /// An assessment answer, `QUESTION=yes` or `QUESTION=no`; repeat for each.
        #[arg(long = "answer", value_name = "QUESTION=yes|no")]
        answers: Vec<String>,
        /// A drill, kept apart from real incidents.
        #[arg(long)]
        drill: bool,
    },
    /// List incidents, open and closed.
    List,
    /// The checklist with statuses, what is overdue, the next deadline and status update.
    Status {
        /// The incident: its folder, or its name as `list` shows it.
        incident: String,
    },
    /// The whole timeline.
    Timeline {
        /// The incident.
        incident: String,
    },
    /// Set a step's status.
    Step {
        /// The incident.
        incident: String,
        /// The step id.
        step: String,
        #[command(flatten)]
        status: StatusArg,
        #[command(flatten)]
        when: When,
    },
    /// Record the value of a record step (such as the number of affected students).
    Record {
        /// The incident.
        incident: String,
        /// The step id.
        step: String,
        /// The value.
        value: String,
        #[command(flatten)]
        when: When,
    },
    /// Answer a decision step.
    Decide {
        /// The incident.
        incident: String,
        /// The step id.
        step: String,
        /// The answer.
        answer: YesNo,
        #[command(flatten)]
        when: When,
    },
    /// Log a call attempt.
    Call {
        /// The incident.
        incident: String,
        /// Who: a role, person or external contact id (`role:ID`, `person:ID`, `external:ID` when ambiguous).
        who: String,
        /// What came of it.
        #[arg(long)]
        outcome: OutcomeArg,
        /// How.
        #[arg(long, default_value = "mobile")]
        via: ChannelArg,
        /// A note.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        when: When,
    },
    /// Log a message sent; without --text, the template filled from the incident.
    Message {
        /// The incident.
        incident: String,
        /// The template id.
        #[arg(long)]
        template: Option<String>,
        /// The audience, when there is no template.
        #[arg(long)]
        audience: Option<AudienceArg>,
        /// The text as sent.
        #[arg(long)]
        text: Option<String>,
        #[command(flatten)]
        when: When,
    },
    /// Add a note to the timeline.
    Note {
        /// The incident.
        incident: String,
        /// The note.
        text: String,
        #[command(flatten)]
        when: When,
    },
    /// Raise or lower the level.
    Level {
        /// The incident.
        incident: String,
        /// The new level.
        level: String,
        /// Why.
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        when: When,
    },
    /// Issue or lift a warning.
    Warning {
        /// The incident.
        incident: String,
        /// Issue or lift.
        action: WarningAction,
        /// The warning's level.
        level: String,
        /// Why.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        when: When,
    },
    /// Hand command over to someone else.
    Handover {
        /// The incident.
        incident: String,
        /// The new commander.
        #[arg(long)]
        to: String,
        /// The briefing, in short.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        when: When,
    },
    /// Mark a reporting duty as fulfilled (such as the report to the regulator).
    Duty {
        /// The incident.
        incident: String,
        /// The duty id.
        duty: String,
        /// Reference number, who took it.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        when: When,
    },
    /// Close the incident.
    Close {
        /// The incident.
        incident: String,
        /// What happened and how it ended.
        #[arg(long)]
        summary: String,
        #[command(flatten)]
        when: When,
    },
    /// Reopen a closed incident.
    Reopen {
        /// The incident.
        incident: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
}

/// Exactly one new status for a step.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct StatusArg {
    /// Done.
    #[arg(long)]
    done: bool,
    /// Skipped, with the reason.
    #[arg(long, value_name = "REASON")]
    skip: Option<String>,
    /// Not applicable.
    #[arg(long)]
    na: bool,
    /// Deferred: comes back later.
    #[arg(long)]
    defer: bool,
    /// Blocked, with the reason.
    #[arg(long, value_name = "REASON")]
    block: Option<String>,
    /// Back to open.
    #[arg(long)]
    reopen: bool,
}

/// When it happened, if earlier than now.
#[derive(Debug, Args)]
pub struct When {
    /// When it happened, if earlier than now: `HH:MM` (the last time the clock showed it, so 23:50 after midnight is yesterday), `YYYY-MM-DD HH:MM` (local time) or RFC 3339.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

/// Yes or no.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

/// Issue or lift.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum WarningAction {
    /// Issue the warning.
    Issue,
    /// Lift the warning.
    Lift,
}

/// A call outcome.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum OutcomeArg {
    /// Reached and informed.
    Reached,
    /// No answer.
    NoAnswer,
    /// Left a message.
    LeftMessage,
    /// Wrong number.
    WrongNumber,
}

/// How a call was made.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ChannelArg {
    /// Mobile phone.
    Mobile,
    /// Office phone.
    Office,
    /// Instant messaging.
    Im,
    /// E-mail.
    Email,
    /// In person.
    InPerson,
    /// Anything else.
    Other,
}

/// A message audience.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum AudienceArg {
    /// Students and parents.
    StudentsParents,
    /// Teachers.
    Teachers,
    /// Schools and the education bureau.
    Schools,
    /// The regulator.
    Regulator,
    /// Partners.
    Partners,
    /// The media.
    Media,
    /// Internal update.
    Internal,
}

/// Who, where and when, read from the flags and the environment.
struct Context {
    data_dir: PathBuf,
    operator: String,
    device: String,
    now: DateTime<Utc>,
}

impl Context {
    fn new(cli: &Cli) -> anyhow::Result<Self> {
        let now = match &cli.now {
            Some(t) => DateTime::parse_from_rfc3339(t)
                .with_context(|| format!("--now {t:?} is not an RFC 3339 time"))?
                .with_timezone(&Utc),
            None => Utc::now(),
        };
        let operator = cli
            .operator
            .clone()
            .or_else(|| std::env::var("RUNBOOK_OPERATOR").ok())
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .filter(|o| !o.trim().is_empty())
            .unwrap_or_else(|| "operator".to_owned());
        Ok(Self {
            data_dir: incident_dir::data_dir(cli.data_dir.as_deref()),
            operator,
            device: cli.device.clone().unwrap_or_else(incident_dir::this_device),
            now,
        })
    }
}

/// Local time for people.
fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// `HH:MM` today, `MM-DD HH:MM` on another day.
fn short(t: DateTime<Utc>) -> String {
    let t = t.with_timezone(&Local);
    if t.date_naive() == Local::now().date_naive() {
        t.format("%H:%M").to_string()
    } else {
        t.format("%m-%d %H:%M").to_string()
    }
}

/// A span of time for people: `12 min`, `3 h 05 min`, `29 d`.
fn span(d: chrono::Duration) -> String {
    let m = d.num_minutes().max(0);
    if m < 120 {
        format!("{m} min")
    } else if m < 48 * 60 {
        format!("{} h {:02} min", m / 60, m % 60)
    } else {
        format!("{} d", m / (24 * 60))
    }
}

fn parse_time(text: &str, now: DateTime<Utc>) -> anyhow::Result<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let local = |naive: NaiveDateTime| {
        Local
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| anyhow!("{text:?} does not exist in the local time zone"))
    };
    let t = if let Ok(naive) = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        local(naive)?
    } else if let Ok(time) = NaiveTime::parse_from_str(text, "%H:%M") {
        // A bare time is the last time the clock showed it: a scribe writing
        // down at 00:15 what happened at 23:50 means yesterday.
        let today = now.with_timezone(&Local).date_naive();
        let t = local(today.and_time(time))?;
        match today.pred_opt() {
            Some(yesterday) if t > now => local(yesterday.and_time(time))?,
            _ => t,
        }
    } else {
        bail!("{text:?} is not a time: write HH:MM, YYYY-MM-DD HH:MM or an RFC 3339 time");
    };
    if t > now {
        bail!("{text:?} is in the future; --at is for things that already happened");
    }
    Ok(t)
}

/// Runs one incident subcommand.
///
/// # Errors
/// A refused action, an unknown incident, or a log that cannot be written anywhere.
pub fn run(
    cli: &Cli,
    cmd: &IncidentCommand,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let ctx = Context::new(cli)?;
    match cmd {
        IncidentCommand::New {
            plan,
            class,
            level,
            title,
            answers,
            drill,
        } => new(
            &ctx,
            plan,
            class,
            level.as_deref(),
            title,
            answers,
            *drill,
            out,
        ),
        IncidentCommand::List => list(&ctx, out),
        IncidentCommand::Status { incident } => {
            let dir = incident_dir::resolve(&ctx.data_dir, incident)?;
            let (plan, _) = incident_dir::load_plan(&dir)?;
            let (entries, notices) = incident_dir::read_entries(&dir)?;
            let state =
                Incident::replay(&entries).map_err(|e| IncidentError::Replay(dir.clone(), e))?;
            status(&dir, &plan, &state, &notices, ctx.now, out)?;
            Ok(ExitCode::SUCCESS)
        }
        IncidentCommand::Timeline { incident } => {
            let dir = incident_dir::resolve(&ctx.data_dir, incident)?;
            let (plan, _) = incident_dir::load_plan(&dir)?;
            let (entries, notices) = incident_dir::read_entries(&dir)?;
            for n in notices {
                writeln!(out, "! {n}")?;
            }
            for e in &entries {
                let late = e
                    .happened_at
                    .map(|h| format!(" (happened {})", short(h)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}{late} [{}@{}] {}",
                    local(e.recorded_at),
                    e.by,
                    e.device,
                    describe(&e.event, &plan)
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        IncidentCommand::Reopen { incident, reason } => act(&ctx, incident, None, out, |_, _| {
            Ok(Action::Reopen {
                reason: reason.clone(),
            })
        }),
        IncidentCommand::Step {
            incident,
            step,
            status,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            let status = if status.done {
                StepStatus::Done
            } else if let Some(reason) = &status.skip {
                StepStatus::Skipped {
                    reason: reason.clone(),
                }
            } else if status.na {
                StepStatus::NotApplicable
            } else if status.defer {
                StepStatus::Deferred
            } else if let Some(reason) = &status.block {
                StepStatus::Blocked {
                    reason: reason.clone(),
                }
            } else {
                StepStatus::Reopened
            };
            Ok(Action::SetStep {
                step: StepId::new(step.as_str()),
                status,
            })
        }),
        IncidentCommand::Record {
            incident,
            step,
            value,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::Record {
                step: StepId::new(step.as_str()),
                value: value.clone(),
            })
        }),
        IncidentCommand::Decide {
            incident,
            step,
            answer,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::Decide {
                step: StepId::new(step.as_str()),
                yes: matches!(answer, YesNo::Yes),
            })
        }),
        IncidentCommand::Call {
            incident,
            who,
            outcome,
            via,
            note,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |plan, _| {
            Ok(Action::Call {
                to: parse_target(plan, who)?,
                via: match via {
                    ChannelArg::Mobile => Channel::Mobile,
                    ChannelArg::Office => Channel::Office,
                    ChannelArg::Im => Channel::Im,
                    ChannelArg::Email => Channel::Email,
                    ChannelArg::InPerson => Channel::InPerson,
                    ChannelArg::Other => Channel::Other,
                },
                outcome: match outcome {
                    OutcomeArg::Reached => CallOutcome::Reached,
                    OutcomeArg::NoAnswer => CallOutcome::NoAnswer,
                    OutcomeArg::LeftMessage => CallOutcome::LeftMessage,
                    OutcomeArg::WrongNumber => CallOutcome::WrongNumber,
                },
                note: note.clone(),
            })
        }),
        IncidentCommand::Message {
            incident,
            template,
            audience,
            text,
            when,
        } => {
            let now = ctx.now;
            act(&ctx, incident, when.at.as_deref(), out, |plan, state| {
                let template_id = template.as_deref().map(TemplateId::new);
                let text = match (text, &template_id) {
                    (Some(t), _) => t.clone(),
                    (None, Some(id)) => {
                        let t = plan
                            .template(id)
                            .ok_or_else(|| anyhow!("no template {id:?} in the plan"))?;
                        state.render_template(plan, t, now, &|t| local(t))
                    }
                    (None, None) => bail!("give --template, or --text with --audience"),
                };
                Ok(Action::Message {
                    template: template_id,
                    audience: audience.map(audience_of),
                    text,
                })
            })
        }
        IncidentCommand::Note {
            incident,
            text,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::Note { text: text.clone() })
        }),
        IncidentCommand::Level {
            incident,
            level,
            reason,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::ChangeLevel {
                to: LevelId::new(level.as_str()),
                reason: reason.clone(),
            })
        }),
        IncidentCommand::Warning {
            incident,
            action,
            level,
            note,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            let level = LevelId::new(level.as_str());
            Ok(match action {
                WarningAction::Issue => Action::IssueWarning {
                    level,
                    note: note.clone(),
                },
                WarningAction::Lift => Action::LiftWarning {
                    level,
                    note: note.clone(),
                },
            })
        }),
        IncidentCommand::Handover {
            incident,
            to,
            note,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::HandOver {
                to: to.clone(),
                note: note.clone(),
            })
        }),
        IncidentCommand::Duty {
            incident,
            duty,
            note,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::DutyDone {
                duty: ItemId::new(duty.as_str()),
                note: note.clone(),
            })
        }),
        IncidentCommand::Close {
            incident,
            summary,
            when,
        } => act(&ctx, incident, when.at.as_deref(), out, |_, _| {
            Ok(Action::Close {
                summary: summary.clone(),
            })
        }),
    }
}

fn audience_of(a: AudienceArg) -> Audience {
    match a {
        AudienceArg::StudentsParents => Audience::StudentsParents,
        AudienceArg::Teachers => Audience::Teachers,
        AudienceArg::Schools => Audience::Schools,
        AudienceArg::Regulator => Audience::Regulator,
        AudienceArg::Partners => Audience::Partners,
        AudienceArg::Media => Audience::Media,
        AudienceArg::Internal => Audience::Internal,
    }
}

/// `role:ID`, `person:ID`, `external:ID`, or a bare id found in exactly one of them.
fn parse_target(plan: &Plan, who: &str) -> anyhow::Result<Target> {
    if let Some((kind, id)) = who.split_once(':') {
        return match kind {
            "role" => Ok(Target::Role(RoleId::new(id))),
            "person" => Ok(Target::Person(PersonId::new(id))),
            "external" => Ok(Target::External(ExternalId::new(id))),
            _ => bail!("{kind:?} is not role, person or external"),
        };
    }
    let mut found = Vec::new();
    if plan.role(&RoleId::new(who)).is_some() {
        found.push(Target::Role(RoleId::new(who)));
    }
    if plan.person(&PersonId::new(who)).is_some() {
        found.push(Target::Person(PersonId::new(who)));
    }
    if plan.doc().externals.iter().any(|e| e.id.as_str() == who) {
        found.push(Target::External(ExternalId::new(who)));
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!("no role, person or external contact {who:?} in the plan"),
        _ => bail!(
            "{who:?} is both a role and a person or contact: write role:{who}, person:{who} or external:{who}"
        ),
    }
}

#[allow(clippy::too_many_arguments)] // One per command-line flag.
fn new(
    ctx: &Context,
    plan_path: &Path,
    class: &str,
    level: Option<&str>,
    title: &str,
    answers: &[String],
    drill: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let file = plan_file::load(plan_path);
    if let Err(diags) = &file.outcome {
        for text in file.rendered() {
            writeln!(out, "{text}")?;
        }
        bail!(
            "{} has {} error(s); fix the plan first (runbook check)",
            plan_path.display(),
            diags.len()
        );
    }
    let answers = answers
        .iter()
        .map(|a| {
            let (q, v) = a
                .split_once('=')
                .ok_or_else(|| anyhow!("--answer {a:?}: write QUESTION=yes or QUESTION=no"))?;
            let yes = match v.trim().to_ascii_lowercase().as_str() {
                "yes" | "y" | "true" => true,
                "no" | "n" | "false" => false,
                _ => bail!("--answer {a:?}: the answer must be yes or no"),
            };
            Ok(Answer {
                question: ItemId::new(q.trim()),
                yes,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let declaration = Declaration {
        title: title.to_owned(),
        class: ClassId::new(class),
        level: level.map(LevelId::new),
        answers,
        drill,
    };
    let open = OpenIncident::declare(
        &ctx.data_dir,
        &file.bytes,
        declaration,
        &ctx.operator,
        &ctx.device,
        ctx.now,
    )?;
    let name = open
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let level = open.incident.level.clone();
    writeln!(out, "declared {name}: level {level}")?;
    writeln!(out, "folder: {}", open.dir.display())?;
    if let Some(head) = open.finish(ctx.now)? {
        writeln!(out, "log head: {}", &head[..12.min(head.len())])?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list(ctx: &Context, out: &mut dyn std::io::Write) -> anyhow::Result<ExitCode> {
    let root = incident_dir::incidents_dir(&ctx.data_dir);
    let dirs = incident_dir::list_dirs(&root);
    if dirs.is_empty() {
        writeln!(out, "no incidents under {}", root.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let state = incident_dir::read_entries(&dir)
            .ok()
            .and_then(|(entries, _)| Incident::replay(&entries).ok());
        let Some(s) = state else {
            writeln!(out, "{name}  (no readable declaration)")?;
            continue;
        };
        let age = ctx.now - s.declared_at;
        let age = if age.num_hours() >= 48 {
            format!("{}d", age.num_days())
        } else if age.num_minutes() >= 60 {
            format!("{}h{:02}m", age.num_hours(), age.num_minutes() % 60)
        } else {
            format!("{}m", age.num_minutes().max(0))
        };
        let open = if s.is_open() { "open" } else { "closed" };
        let kind = if s.drill { "drill" } else { "REAL" };
        writeln!(
            out,
            "{name}  {open:<6} {kind:<5} level {:<4} {age:>7}  {}",
            s.level.as_str(),
            s.title
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn status(
    dir: &Path,
    plan: &Plan,
    s: &Incident,
    notices: &[String],
    now: DateTime<Utc>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let st = s.status(plan, now);
    let level_name = plan.level(&s.level).map_or("", |l| l.name.as_str());
    let class_name = plan.class(&s.class).map_or("", |c| c.name.as_str());
    let kind = if s.drill { "DRILL" } else { "REAL INCIDENT" };
    let state = if s.is_open() {
        "open".to_owned()
    } else {
        format!("closed {}", s.closed_at.map(local).unwrap_or_default())
    };
    writeln!(out, "{} — {kind}, {state}", s.title)?;
    writeln!(
        out,
        "level {} {level_name} · {} {class_name}",
        s.level, s.class
    )?;
    writeln!(
        out,
        "declared {} by {} · commander {} · plan {} (sha256 {})",
        local(s.declared_at),
        s.declared_by,
        s.commander,
        s.plan_version,
        &s.plan_sha256[..12.min(s.plan_sha256.len())]
    )?;
    writeln!(out, "folder {}", dir.display())?;
    for n in notices {
        writeln!(out, "! {n}")?;
    }
    writeln!(out)?;
    writeln!(out, "Clocks")?;
    for c in &st.clocks {
        let what = match &c.kind {
            ClockKind::StatusUpdate => "next status update".to_owned(),
            ClockKind::Inform(_) => format!("inform {}", c.label),
            ClockKind::Duty(id) => format!("{id}: {}", c.label),
        };
        let mark = if c.met {
            "met".to_owned()
        } else if c.overdue(now) {
            format!("OVERDUE by {}", span(now - c.due))
        } else {
            format!("in {}", span(c.due - now))
        };
        writeln!(out, "  {:<11}  {mark:<20} {what}", short(c.due))?;
    }
    writeln!(out)?;
    writeln!(out, "Checklist")?;
    let mut phase = "";
    for item in &st.items {
        if item.phase.id.as_str() != phase {
            phase = item.phase.id.as_str();
            writeln!(out, "  {}", item.phase.name)?;
        }
        let mark = match &item.state {
            ItemState::Open => "[ ]",
            ItemState::Done => "[x]",
            ItemState::Skipped(_) => "[s]",
            ItemState::NotApplicable => "[-]",
            ItemState::Deferred => "[d]",
            ItemState::Blocked(_) => "[!]",
            ItemState::Bypassed => "[~]",
        };
        let due = match (item.due, item.overdue) {
            (Some(d), true) => format!(" OVERDUE (due {})", short(d)),
            (Some(d), false) if !item.state.is_settled() => format!(" (due {})", short(d)),
            _ => String::new(),
        };
        let value = s
            .values
            .get(&item.step.id)
            .map(|v| format!(" = {v}"))
            .unwrap_or_default();
        let text: String = item.step.text.chars().take(70).collect();
        writeln!(
            out,
            "    {mark} {:<22} {text}{value}{due}",
            item.step.id.as_str()
        )?;
    }
    if !st.foreign_steps.is_empty() {
        let list: Vec<&str> = st.foreign_steps.iter().map(StepId::as_str).collect();
        writeln!(
            out,
            "  Steps in the log that this plan does not have: {}",
            list.join(", ")
        )?;
    }
    writeln!(out)?;
    let overdue = st.overdue().count();
    if overdue > 0 {
        writeln!(out, "{overdue} step(s) overdue")?;
    }
    match st.next_deadline() {
        Some(d) => writeln!(out, "next deadline {}", local(d))?,
        None => writeln!(out, "no open deadline")?,
    }
    match &st.next {
        Some(id) => {
            let text = plan.step(id).map(|s| s.text.as_str()).unwrap_or_default();
            writeln!(out, "next step: {id} — {text}")?;
        }
        None if st.complete_except_deferred() && s.is_open() => {
            writeln!(
                out,
                "every step is settled except deferred ones; close when they are done"
            )?;
        }
        None => {}
    }
    Ok(())
}

/// Opens an incident, builds the action, records it, and closes the log;
/// on a write failure continues the log elsewhere so nothing is lost.
fn act(
    ctx: &Context,
    incident: &str,
    at: Option<&str>,
    out: &mut dyn std::io::Write,
    build: impl FnOnce(&Plan, &Incident) -> anyhow::Result<Action>,
) -> anyhow::Result<ExitCode> {
    let dir = incident_dir::resolve(&ctx.data_dir, incident)?;
    let happened_at = at.map(|t| parse_time(t, ctx.now)).transpose()?;
    let mut open = OpenIncident::open(&dir, &ctx.device, ctx.now)?;
    for n in &open.notices {
        writeln!(out, "! {n}")?;
    }
    let recorded = build(&open.plan, &open.incident)
        .and_then(|action| Ok(open.record(action, &ctx.operator, happened_at, ctx.now)?));
    match recorded {
        Ok(entry) => {
            writeln!(out, "saved: {}", describe(&entry.event, &open.plan))?;
            if matches!(entry.event, Event::Closed { .. }) {
                writeln!(
                    out,
                    "the incident is closed; `runbook incident timeline` gives the full record"
                )?;
            }
            finish(ctx, open, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => match e.downcast::<IncidentError>() {
            Ok(IncidentError::Log(e)) => {
                writeln!(out, "! {e}")?;
                let code = rescue(ctx, &mut open, out)?;
                finish(ctx, open, out)?;
                Ok(code)
            }
            // Refused: nothing was written; end the session cleanly.
            Ok(e) => {
                finish(ctx, open, out)?;
                Err(e.into())
            }
            Err(e) => {
                finish(ctx, open, out)?;
                Err(e)
            }
        },
    }
}

/// Ends the log session with its closing record and prints the head. A
/// closing record that cannot be written is a warning, not a failure: every
/// entry is already saved.
fn finish(ctx: &Context, open: OpenIncident, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    match open.finish(ctx.now) {
        Ok(Some(head)) => writeln!(out, "log head {}", &head[..12.min(head.len())])?,
        Ok(None) => {}
        Err(e) => writeln!(out, "! {e}")?,
    }
    Ok(())
}

/// Saves unsaved entries in a continuation file: the incident folder first,
/// then `<data>/rescue/<incident>`, then the current folder.
fn rescue(
    ctx: &Context,
    open: &mut OpenIncident,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let name = open
        .dir
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    let places = [
        open.dir.clone(),
        incident_dir::rescue_dir(&ctx.data_dir, &name),
        std::env::current_dir()
            .unwrap_or_default()
            .join(format!("runbook-rescue-{}", name.to_string_lossy())),
    ];
    for place in places {
        match open.continue_in(&place, ctx.now) {
            Ok(path) => {
                writeln!(
                    out,
                    "saved in {} instead; the log continues there",
                    path.display()
                )?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) => writeln!(out, "! could not continue in {}: {e}", place.display())?,
        }
    }
    // Nowhere to write: print the entries so a person can copy them.
    for entry in &open.unsaved {
        writeln!(
            out,
            "NOT SAVED: {}",
            serde_json::to_string(entry).unwrap_or_default()
        )?;
    }
    bail!("the entry could not be saved anywhere; copy the NOT SAVED line above")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Local
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_bare_time_after_now_means_yesterday() {
        let now = local(2026, 3, 2, 0, 15);
        assert_eq!(parse_time("23:50", now).unwrap(), local(2026, 3, 1, 23, 50));
        assert_eq!(parse_time("00:05", now).unwrap(), local(2026, 3, 2, 0, 5));
    }

    #[test]
    fn a_full_time_in_the_future_is_refused() {
        let now = local(2026, 3, 2, 0, 15);
        let err = parse_time("2026-03-02 09:00", now).unwrap_err();
        assert!(err.to_string().contains("in the future"), "{err}");
        assert!(parse_time("half past", now).is_err());
    }
}
