//! The incident subcommands' arguments, as clap reads them, and their
//! translation into model values. clap stays out of the model: the few enums
//! the command line offers as choices are mirrored here.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::model::incident::{CallOutcome, Channel, MessageChannel, ReviewField, StepStatus};
use crate::model::plan::doc::Audience;

/// Incident subcommands.
#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Declare a new incident (or drill) under a plan.
    New {
        /// The plan file [default: the bundled plan, in Chinese]
        #[arg(long, value_name = "PLAN")]
        plan: Option<PathBuf>,
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
        /// Why the level differs from the one the answers suggest (required then).
        #[arg(long, value_name = "REASON")]
        level_reason: Option<String>,
        /// When the fault was discovered, if earlier than now (clocks that
        /// count from discovery start there): `HH:MM`, `YYYY-MM-DD HH:MM` or RFC 3339.
        #[arg(long, value_name = "TIME")]
        discovered: Option<String>,
        /// A drill, kept apart from real incidents.
        #[arg(long)]
        drill: bool,
        /// With --drill: the plan's drill scenario played (its id, as
        /// `runbook show` lists the drills); the drill's evaluation covers
        /// its targets.
        #[arg(long, requires = "drill", value_name = "DRILL")]
        scenario: Option<String>,
    },
    /// List incidents, open and closed.
    List,
    /// Join an incident that arrived in a folder from another laptop (a
    /// network share, a synced folder, a USB stick): this device starts its
    /// own log there, and the incident's name finds it from then on.
    Join {
        /// The incident's folder.
        folder: std::path::PathBuf,
    },
    /// The call tree of the current level: who has been reached, who is
    /// overdue, whom to call next.
    Calls {
        /// The incident.
        incident: String,
    },
    /// The checklist with statuses, what is overdue, the next deadline and status update.
    Status {
        /// The incident: its folder, or its name as `list` shows it.
        incident: String,
    },
    /// The whole timeline.
    Timeline {
        /// The incident.
        incident: String,
        /// Each message's whole text under its line, not only its first line.
        #[arg(long)]
        full: bool,
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
        /// The call of the tree this was for (its role, person or contact),
        /// when the person called is that call's fallback.
        #[arg(long = "for", value_name = "CALL")]
        line: Option<String>,
        #[command(flatten)]
        when: When,
    },
    /// Log a message sent and print its whole text; without --text, the
    /// template filled from the incident (a placeholder nothing filled is
    /// refused: record its step, or give it with --set).
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
        /// A placeholder's value the incident does not have, `KEY=VALUE`
        /// (such as `impact=...`); repeat for each. A message with a
        /// placeholder left unfilled is refused.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// How it went out.
        #[arg(long)]
        channel: Option<MessageChannelArg>,
        /// Print the text as it would be logged, and whether it could be,
        /// without logging it.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        when: When,
    },
    /// Add a note to the timeline, about the incident or one step.
    Note {
        /// The incident.
        incident: String,
        /// The note; `-` reads it from standard input (UTF-8, at most 1 MiB;
        /// one final line break is dropped), for a long note or a pasted log.
        text: String,
        /// The step the note is about.
        #[arg(long, value_name = "STEP")]
        step: Option<String>,
        /// The entry this note corrects: its number in `timeline` (`#7` or
        /// `7`), or when it was recorded as the log has it (RFC 3339), with
        /// `@DEVICE` when another device recorded it.
        #[arg(long, value_name = "ENTRY")]
        corrects: Option<String>,
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
        /// The new commander: a person or role of the plan (id or name), or any name.
        #[arg(long)]
        to: String,
        /// The briefing, in short.
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        when: When,
    },
    /// Acknowledge a clock's alert (amber or red), or hold it back for some
    /// minutes: logged with who, which clock and for how long.
    Ack {
        /// The incident.
        incident: String,
        /// The clock: `update` for the status update, or a duty's id.
        clock: String,
        /// Remind again after this many minutes (1 to 60) instead of
        /// acknowledging.
        #[arg(long, value_name = "MIN")]
        snooze: Option<u32>,
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
    /// Close the incident: lists what closing leaves (steps open, deferred
    /// or blocked, duties not fulfilled, calls not answered) and closes
    /// only with --yes.
    Close {
        /// The incident.
        incident: String,
        /// What happened and how it ended.
        #[arg(long)]
        summary: String,
        /// Close with what the list says is left.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        when: When,
    },
    /// Take back your last entry on this device (a step's status, value or
    /// answer, a call, a note, a duty), within 5 minutes of making it: a new
    /// entry points at it, and the old one stays, marked taken back.
    Undo {
        /// The incident.
        incident: String,
    },
    /// Reopen a closed incident.
    Reopen {
        /// The incident.
        incident: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
    /// The review's action items: add one, mark it done or dropped, list
    /// them. Taken on a closed incident too, without reopening it.
    #[command(subcommand)]
    Action(ActionCommand),
    /// Write down one of the review's findings (taken on a closed
    /// incident too); a later one of the same field adds to it.
    Review {
        /// The incident.
        incident: String,
        /// Which finding.
        field: ReviewFieldArg,
        /// The text.
        text: String,
    },
}

/// What to do with an action item.
#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add an action item, with its owner and due date.
    Add {
        /// The incident.
        incident: String,
        /// What is to be done.
        text: String,
        /// Who does it: a person of the plan (id or name), or any name.
        #[arg(long)]
        owner: String,
        /// By when: YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
    },
    /// Mark an action item done.
    Done {
        /// The incident.
        incident: String,
        /// The item's number, as `action list` shows it (A1, A2, …).
        item: String,
        /// What was done, where to see it.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Drop an action item, with the reason.
    Drop {
        /// The incident.
        incident: String,
        /// The item's number, as `action list` shows it (A1, A2, …).
        item: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
    /// List an incident's action items; without one, every open item of
    /// every incident, overdue first.
    List {
        /// The incident.
        incident: Option<String>,
    },
}

/// A review finding.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReviewFieldArg {
    /// What happened and what it did, in short.
    Summary,
    /// What went well.
    WentWell,
    /// What went badly.
    WentBadly,
    /// The causes.
    Causes,
    /// What contributed.
    Factors,
}

impl From<ReviewFieldArg> for ReviewField {
    fn from(f: ReviewFieldArg) -> Self {
        match f {
            ReviewFieldArg::Summary => Self::Summary,
            ReviewFieldArg::WentWell => Self::WentWell,
            ReviewFieldArg::WentBadly => Self::WentBadly,
            ReviewFieldArg::Causes => Self::Causes,
            ReviewFieldArg::Factors => Self::Factors,
        }
    }
}

/// Exactly one new status for a step.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct StatusArg {
    /// Done.
    #[arg(long)]
    pub done: bool,
    /// Skipped, with the reason.
    #[arg(long, value_name = "REASON")]
    pub skip: Option<String>,
    /// Not applicable.
    #[arg(long)]
    pub na: bool,
    /// Deferred: comes back later.
    #[arg(long)]
    pub defer: bool,
    /// Blocked, with the reason.
    #[arg(long, value_name = "REASON")]
    pub block: Option<String>,
    /// Back to open.
    #[arg(long)]
    pub reopen: bool,
}

/// Who records, on which device, and where incidents are kept; given
/// anywhere after `incident` (`runbook incident note x "…" --device b`).
#[derive(Clone, Debug, Default, Args)]
pub struct IncidentWho {
    /// Where incidents are kept [default: RUNBOOK_DATA_DIR, else the platform's data folder]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,
    /// Who is recording [default: RUNBOOK_OPERATOR, else the user name]
    #[arg(long, global = true, value_name = "NAME")]
    pub operator: Option<String>,
    /// This device's name, for the log file [default: RUNBOOK_DEVICE, else the host name]
    #[arg(long, global = true, value_name = "NAME")]
    pub device: Option<String>,
    /// Pretend it is this time (RFC 3339), for scripted drills and tests.
    #[arg(long, global = true, hide = true, value_name = "TIME")]
    pub now: Option<String>,
}

/// When it happened, if earlier than now.
#[derive(Debug, Args)]
pub struct When {
    /// When it happened, if earlier than now: `HH:MM` (the last time the clock showed it, so 23:50 after midnight is yesterday), `YYYY-MM-DD HH:MM` (local time) or RFC 3339.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// The time given with --at is before the incident was discovered, and
    /// that is right (it is refused otherwise, as a likely typo).
    #[arg(long, requires = "at")]
    pub before_discovery: bool,
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

/// How a message went out.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MessageChannelArg {
    /// Text message.
    Sms,
    /// The app's notification.
    AppPush,
    /// Instant messaging.
    Im,
    /// E-mail.
    Email,
    /// The website or a public notice.
    Website,
    /// Read out on the phone.
    Phone,
    /// Anything else.
    Other,
}

impl From<MessageChannelArg> for MessageChannel {
    fn from(c: MessageChannelArg) -> Self {
        match c {
            MessageChannelArg::Sms => Self::Sms,
            MessageChannelArg::AppPush => Self::AppPush,
            MessageChannelArg::Im => Self::Im,
            MessageChannelArg::Email => Self::Email,
            MessageChannelArg::Website => Self::Website,
            MessageChannelArg::Phone => Self::Phone,
            MessageChannelArg::Other => Self::Other,
        }
    }
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

impl IncidentCommand {
    /// The incident an action subcommand works on, and when the action
    /// happened if earlier (`--at`); `None` for the subcommands that only
    /// declare or read.
    pub fn acts_on(&self) -> Option<(&str, Option<&When>)> {
        match self {
            Self::Reopen { incident, .. }
            | Self::Undo { incident }
            | Self::Review { incident, .. }
            | Self::Action(
                ActionCommand::Add { incident, .. }
                | ActionCommand::Done { incident, .. }
                | ActionCommand::Drop { incident, .. },
            )
            | Self::Ack { incident, .. } => Some((incident, None)),
            Self::Step { incident, when, .. }
            | Self::Record { incident, when, .. }
            | Self::Decide { incident, when, .. }
            | Self::Call { incident, when, .. }
            | Self::Message { incident, when, .. }
            | Self::Note { incident, when, .. }
            | Self::Level { incident, when, .. }
            | Self::Warning { incident, when, .. }
            | Self::Handover { incident, when, .. }
            | Self::Duty { incident, when, .. }
            | Self::Close { incident, when, .. } => Some((incident, Some(when))),
            Self::New { .. }
            | Self::List
            | Self::Join { .. }
            | Self::Calls { .. }
            | Self::Status { .. }
            | Self::Timeline { .. }
            | Self::Action(ActionCommand::List { .. }) => None,
        }
    }
}

impl StatusArg {
    /// The step status the flags ask for.
    pub fn status(&self) -> StepStatus {
        if self.done {
            StepStatus::Done
        } else if let Some(reason) = &self.skip {
            StepStatus::Skipped {
                reason: reason.clone(),
            }
        } else if self.na {
            StepStatus::NotApplicable
        } else if self.defer {
            StepStatus::Deferred
        } else if let Some(reason) = &self.block {
            StepStatus::Blocked {
                reason: reason.clone(),
            }
        } else {
            StepStatus::Reopened
        }
    }
}

impl From<OutcomeArg> for CallOutcome {
    fn from(o: OutcomeArg) -> Self {
        match o {
            OutcomeArg::Reached => Self::Reached,
            OutcomeArg::NoAnswer => Self::NoAnswer,
            OutcomeArg::LeftMessage => Self::LeftMessage,
            OutcomeArg::WrongNumber => Self::WrongNumber,
        }
    }
}

impl From<ChannelArg> for Channel {
    fn from(c: ChannelArg) -> Self {
        match c {
            ChannelArg::Mobile => Self::Mobile,
            ChannelArg::Office => Self::Office,
            ChannelArg::Im => Self::Im,
            ChannelArg::Email => Self::Email,
            ChannelArg::InPerson => Self::InPerson,
            ChannelArg::Other => Self::Other,
        }
    }
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::StudentsParents => Self::StudentsParents,
            AudienceArg::Teachers => Self::Teachers,
            AudienceArg::Schools => Self::Schools,
            AudienceArg::Regulator => Self::Regulator,
            AudienceArg::Partners => Self::Partners,
            AudienceArg::Media => Self::Media,
            AudienceArg::Internal => Self::Internal,
        }
    }
}
