//! Words for incidents: what the store and the model report (notices,
//! refusals, failures) and one line per event, in Chinese and English.
//!
//! The model and the store hand over typed data; this is where it becomes a
//! sentence. The English sentences are also the command line's, so the
//! terminal and the window say the same thing.
//!
//! Each kind of message is one function here, matching every variant once
//! for both languages: it pulls the facts out of the data (file names, line
//! lists, counts, names from the plan) and hands them to the language's
//! words, a typed table per language (`en.rs`, `zh.rs`, of the shape in
//! `words.rs`). A new variant does not compile until it is matched here, and
//! a new case does not compile until both tables word it; no text is parsed
//! or looked up at run time.

mod en;
#[cfg(test)]
mod tests;
mod words;
mod zh;

use std::path::Path;

use crate::clock::WhenError;
use crate::i18n::time::Times;
use crate::model::ids::StepId;
use crate::model::incident::merge::Subject;
use crate::model::incident::{
    ActionError, CallOutcome, Commander, Entry, EntryRef, Event, Field, Incident, MessageChannel,
    NeededKind, ReplayError, ReviewField, StepStatus, UndoRefusal, followup,
};
use crate::model::notice::{
    DeclarationAt, FileKind, FileOp, IncidentError, LineFault, LogError, Notice, OsError, Parting,
    Shared,
};
use crate::model::plan::Plan;
use crate::model::plan::contacts::{Callee, NameError};
use crate::model::plan::doc::{Audience, Target};

use self::words::Words;

/// The incident strings of one language.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct IncidentTr {
    pub notice: fn(&Notice) -> String,
    pub refusal: fn(&ActionError) -> String,
    pub failure: fn(&IncidentError) -> String,
    pub log_error: fn(&LogError) -> String,
    pub line_fault: fn(&LineFault) -> String,
    pub os_error: fn(&OsError) -> String,
    pub when_error: fn(&WhenError) -> String,
    /// One line for an event, with names from the plan.
    pub event: fn(&Event, &Plan, &Times) -> String,
    /// One line for an entry of an incident: its event, and for an undo
    /// what it took back.
    pub entry: fn(&Entry, &Incident, &Plan, &Times) -> String,
    pub audience: fn(Audience) -> &'static str,
    pub message_channel: fn(MessageChannel) -> &'static str,
    /// A review field's name.
    pub review_field: fn(ReviewField) -> &'static str,
}

/// 简体中文.
pub const ZH: IncidentTr = IncidentTr {
    notice: |n| notice(&zh::WORDS, n),
    refusal: |e| refusal(&zh::WORDS, e),
    failure: |e| failure(&zh::WORDS, e),
    log_error: |e| log_error(&zh::WORDS, e),
    line_fault: |f| line_fault(&zh::WORDS, f),
    os_error: |e| os_error(&zh::WORDS, e),
    when_error: |e| when_error(&zh::WORDS, e),
    event: |e, plan, times| event(&zh::WORDS, e, plan, times),
    entry: |e, incident, plan, times| entry(&zh::WORDS, e, incident, plan, times),
    audience: |a| audience(&zh::WORDS, a),
    message_channel: |c| channel(&zh::WORDS, c),
    review_field: |f| review_field(&zh::WORDS, f),
};

/// English, also the command line's words.
pub const EN: IncidentTr = IncidentTr {
    notice: |n| notice(&en::WORDS, n),
    refusal: |e| refusal(&en::WORDS, e),
    failure: |e| failure(&en::WORDS, e),
    log_error: |e| log_error(&en::WORDS, e),
    line_fault: |f| line_fault(&en::WORDS, f),
    os_error: |e| os_error(&en::WORDS, e),
    when_error: |e| when_error(&en::WORDS, e),
    event: |e, plan, times| event(&en::WORDS, e, plan, times),
    entry: |e, incident, plan, times| entry(&en::WORDS, e, incident, plan, times),
    audience: |a| audience(&en::WORDS, a),
    message_channel: |c| channel(&en::WORDS, c),
    review_field: |f| review_field(&en::WORDS, f),
};

/// A path, whole.
fn show(path: &Path) -> String {
    path.display().to_string()
}

/// A path's last part, for a file its folder goes without saying.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The line numbers of bad lines, for a sentence: `9, 12, 30`.
fn line_numbers(bad: &[(u64, LineFault)]) -> String {
    let mut out: Vec<String> = bad.iter().take(10).map(|(l, _)| l.to_string()).collect();
    if bad.len() > 10 {
        out.push("…".to_owned());
    }
    out.join(", ")
}

fn ids<T: std::fmt::Display>(list: &[T]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A commander's name: the person, the role and its holder, or the name given.
#[must_use]
pub fn commander_name(c: &Commander, plan: &Plan) -> String {
    match (c, c.callee(plan)) {
        (Commander::Person(_), Some(callee)) => callee.name().to_owned(),
        (Commander::Role(_), Some(callee)) => callee.label(),
        (Commander::Person(id), None) => id.to_string(),
        (Commander::Role(id), None) => id.to_string(),
        (Commander::Named(name), _) => name.clone(),
    }
}

/// A target as it is typed: `role:ID`, `person:ID`, `external:ID`.
#[must_use]
pub fn target_ref(t: &Target) -> String {
    match t {
        Target::Role(id) => format!("role:{id}"),
        Target::Person(id) => format!("person:{id}"),
        Target::External(id) => format!("external:{id}"),
    }
}

fn target_label(plan: &Plan, to: &Target) -> String {
    Callee::of(plan, to).label()
}

/// How many mebibytes `bytes` is, when it is a whole number of them.
fn whole_mib(bytes: usize) -> Option<usize> {
    const MIB: usize = 1024 * 1024;
    (bytes >= MIB && bytes.is_multiple_of(MIB)).then_some(bytes / MIB)
}

/// A message's first line, at most 60 characters of it.
fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect()
}

fn os_error(w: &Words, e: &OsError) -> String {
    let w = &w.os_error;
    match (w.kind)(e.kind) {
        Some(words) => (w.named)(words, &e.detail),
        None => (w.unnamed)(&e.detail),
    }
}

fn when_error(w: &Words, e: &WhenError) -> String {
    let w = &w.when;
    match e {
        WhenError::NotATime(t) => (w.not_a_time)(t),
        WhenError::NotInZone(t) => (w.not_in_zone)(t),
        WhenError::InFuture(t) => (w.in_future)(t),
        WhenError::TooEarly(t) => (w.too_early)(t),
    }
}

fn line_fault(w: &Words, f: &LineFault) -> String {
    let w = &w.line_fault;
    match f {
        LineFault::NoHash => w.no_hash.to_owned(),
        LineFault::NotARecord(e) => (w.not_a_record)(e),
        LineFault::HashNotLast => w.hash_not_last.to_owned(),
        LineFault::HashChanged => w.hash_changed.to_owned(),
        LineFault::Sequence { found, expected } => (w.sequence)(*found, *expected),
        LineFault::Chain => w.chain.to_owned(),
    }
}

fn notice(words: &Words, n: &Notice) -> String {
    let w = &words.notice;
    match n {
        Notice::ContinuesInRescue { rescue } => (w.continues_in_rescue)(&show(rescue)),
        Notice::Damaged {
            file,
            bad,
            following,
        } => {
            let Some((line, fault)) = bad.first() else {
                return (w.damaged_somewhere)(&file_name(file));
            };
            let also = match bad.get(1..) {
                Some(rest) if !rest.is_empty() => (w.also_damaged)(rest.len(), &line_numbers(rest)),
                _ => String::new(),
            };
            (w.damaged)(
                &file_name(file),
                *line,
                &line_fault(words, fault),
                &also,
                &(w.shown_after_damage)(following.len()),
            )
        }
        // The damage itself is the `Damaged` notice of the same file.
        Notice::DamagedContinued {
            file, line, next, ..
        } => (w.damaged_continued)(&show(file), *line, &show(next)),
        Notice::TornTail { file, at, bytes } => (w.torn_tail)(&file_name(file), *at, *bytes),
        Notice::Repaired {
            file,
            at,
            cut,
            kept_in,
        } => (w.repaired)(&show(file), *at, *cut, &show(kept_in)),
        Notice::Unclean { file } => (w.unclean)(&show(file)),
        Notice::RescueJoined { from, into } => (w.rescue_joined)(&show(from), &show(into)),
        Notice::OriginUnreadable { file, origin } => {
            (w.origin_unreadable)(&show(file), &show(origin))
        }
        Notice::Unwritable { file, error } => (w.unwritable)(&show(file), &os_error(words, error)),
        Notice::ClockSkew {
            device,
            ahead_of,
            minutes,
        } => (w.clock_skew)(device, ahead_of, *minutes),
        Notice::Conflict {
            subject,
            earlier,
            later,
        } => {
            let what = match subject {
                Subject::Step(step) => (w.conflict_step)(step.as_str()),
                Subject::Level => w.conflict_level.to_owned(),
            };
            (w.conflict)(&earlier.device, &later.device, &what)
        }
        Notice::SyncConflict { file } => (w.sync_conflict)(&show(file)),
        Notice::NotAFile { file, kind } => (w.not_a_file)(&show(file), file_kind(words, *kind)),
        Notice::SharedChain {
            file,
            other,
            parting,
        } => match parting {
            Parting::After {
                lines,
                identical: false,
            } => (w.shared_start)(&show(file), &show(other), *lines),
            Parting::After {
                lines,
                identical: true,
            } => (w.shared_all)(&show(file), &show(other), *lines),
            Parting::Continuing { origin, line } => {
                (w.shared_origin)(&show(file), &show(other), &show(origin), *line)
            }
        },
        Notice::ForeignEntries {
            file,
            device,
            named,
            count,
            shown,
        } => (w.foreign_entries)(&show(file), device, named, *count, shown.len()),
        Notice::Misnamed { file, device } => (w.misnamed)(&show(file), device),
        Notice::Duplicated {
            file,
            kept_in,
            count,
        } => (w.duplicated)(&show(file), &show(kept_in), *count),
        Notice::Declarations { used, others } => {
            let one = |d: &DeclarationAt| {
                (w.declaration)(
                    &d.title,
                    d.level.as_str(),
                    &d.entry
                        .recorded_at
                        .format("%Y-%m-%d %H:%M:%S UTC")
                        .to_string(),
                    &d.entry.device,
                    &show(&d.file),
                )
            };
            let others: Vec<String> = others.iter().map(one).collect();
            (w.declarations)(others.len() + 1, &one(used), &others)
        }
    }
}

fn file_kind(w: &Words, kind: FileKind) -> &'static str {
    let w = &w.file_kind;
    match kind {
        FileKind::Symlink => w.symlink,
        FileKind::Folder => w.folder,
        FileKind::Fifo => w.fifo,
        FileKind::Socket => w.socket,
        FileKind::CharDevice => w.char_device,
        FileKind::BlockDevice => w.block_device,
        FileKind::Other => w.other,
    }
}

/// A review field's name.
fn review_field(words: &Words, f: ReviewField) -> &'static str {
    let w = &words.follow;
    match f {
        ReviewField::Summary => w.summary,
        ReviewField::WentWell => w.went_well,
        ReviewField::WentBadly => w.went_badly,
        ReviewField::Causes => w.causes,
        ReviewField::Factors => w.factors,
    }
}

fn field(words: &Words, f: Field) -> &'static str {
    let w = &words.field;
    match f {
        Field::Title => w.title,
        Field::Reason => w.reason,
        Field::Value => w.value,
        Field::Message => w.message,
        Field::Note => w.note,
        Field::Commander => w.commander,
        Field::Summary => w.summary,
        Field::ActionItem => words.follow.field_item,
        Field::Owner => words.follow.field_owner,
    }
}

fn refusal(words: &Words, e: &ActionError) -> String {
    let w = &words.refusal;
    match e {
        ActionError::Closed => w.closed.to_owned(),
        ActionError::AlreadyOpen => w.already_open.to_owned(),
        ActionError::UnknownClass { given, known } => {
            (w.unknown_class)(given.as_str(), &ids(known))
        }
        ActionError::UnknownLevel { given, known } => {
            (w.unknown_level)(given.as_str(), &ids(known))
        }
        ActionError::UnknownStep(step) => (w.unknown_step)(step.as_str()),
        ActionError::WrongKind { step, needed } => {
            let kind = match needed {
                NeededKind::Record => w.kind_record,
                NeededKind::Decision => w.kind_decision,
            };
            (w.wrong_kind)(step.as_str(), kind)
        }
        ActionError::AnswerFirst { step, needed } => match needed {
            NeededKind::Decision => (w.answer_first)(step.as_str()),
            NeededKind::Record => (w.value_first)(step.as_str()),
        },
        ActionError::NotACount { step, value } => (w.not_a_count)(step.as_str(), value),
        ActionError::NotAChoice {
            step,
            value,
            choices,
        } => (w.not_a_choice)(step.as_str(), value, choices),
        ActionError::UnknownQuestion { given, known } => {
            (w.unknown_question)(given.as_str(), &ids(known))
        }
        ActionError::NoLevel => w.no_level.to_owned(),
        ActionError::LevelReasonMissing { suggested, chosen } => {
            (w.level_reason_missing)(suggested.as_str(), chosen.as_str())
        }
        ActionError::DiscoveredLater => w.discovered_later.to_owned(),
        ActionError::BeforeDiscovery { .. } => w.before_discovery.to_owned(),
        ActionError::UnknownTemplate(id) => (w.unknown_template)(id.as_str()),
        ActionError::NoAudience => w.no_audience.to_owned(),
        ActionError::UnknownTarget(t) => {
            let (what, id) = match t {
                Target::Role(id) => (w.target_role, id.as_str()),
                Target::Person(id) => (w.target_person, id.as_str()),
                Target::External(id) => (w.target_external, id.as_str()),
            };
            (w.unknown_target)(what, id)
        }
        ActionError::UnknownDuty(id) => (w.unknown_duty)(id.as_str()),
        ActionError::SameLevel(l) => (w.same_level)(l.as_str()),
        ActionError::WarningNotInForce(l) => (w.warning_not_in_force)(l.as_str()),
        ActionError::Empty(f) => (w.empty)(field(words, *f)),
        ActionError::Unfilled(name) => (w.unfilled)(name),
        ActionError::NotADrill => w.not_a_drill.to_owned(),
        ActionError::NoAlert { given, standing } => (w.no_alert)(given, &standing.join(", ")),
        ActionError::SnoozeMinutes { given, max } => (w.snooze_minutes)(*given, *max),
        ActionError::UnknownScenario { given, known } => {
            (w.unknown_scenario)(given.as_str(), &ids(known))
        }
        ActionError::UnknownEntry(r) => (w.unknown_entry)(
            &r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            &r.device,
        ),
        ActionError::TooLong {
            field: f,
            bytes,
            max,
        } => {
            let in_mib = whole_mib(*max).map(w.in_mib).unwrap_or_default();
            (w.too_long)(field(words, *f), *bytes, *max, &in_mib)
        }
        ActionError::Undo(why) => undo_refusal(words, why),
        ActionError::Name(NameError::Unknown(given)) => (w.unknown_name)(given),
        ActionError::WhichCall { to, calls } => {
            let list: Vec<(String, String)> = calls
                .iter()
                .map(|(order, _, label)| (order.clone(), label.clone()))
                .collect();
            (w.which_call)(&target_ref(to), &list)
        }
        ActionError::Name(NameError::Ambiguous { given, matches }) => {
            let list: Vec<(String, String)> = matches
                .iter()
                .map(|(t, label)| (target_ref(t), label.clone()))
                .collect();
            (w.ambiguous_name)(given, &list)
        }
        ActionError::ClockWrong {
            now,
            plan_date,
            ahead,
        } => (w.clock_wrong)(
            &now.format("%Y-%m-%d %H:%M UTC").to_string(),
            &plan_date.to_string(),
            *ahead,
        ),
        ActionError::UnknownActionItem { given, known } => (words.follow.unknown_item)(
            &followup::label(*given),
            &known
                .iter()
                .map(|&n| followup::label(n))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ActionError::ActionItemSettled { item, done } => {
            (words.follow.item_settled)(&followup::label(*item), *done)
        }
    }
}

fn undo_refusal(words: &Words, why: &UndoRefusal) -> String {
    let w = &words.refusal.undo;
    let said = |r: &crate::model::incident::EntryRef| {
        (
            r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            r.device.clone(),
        )
    };
    match why {
        UndoRefusal::Nothing => w.nothing.to_owned(),
        UndoRefusal::Stands(r) => {
            let (at, device) = said(r);
            (w.stands)(&at, &device)
        }
        UndoRefusal::AlreadyUndone(r) => {
            let (at, device) = said(r);
            (w.already)(&at, &device)
        }
        UndoRefusal::NotYours(r) => {
            let (at, device) = said(r);
            (w.not_yours)(&at, &device)
        }
        UndoRefusal::TooLate(r) => {
            let (at, device) = said(r);
            (w.too_late)(&at, &device, crate::model::incident::UNDO_MINUTES)
        }
    }
}

fn log_error(words: &Words, e: &LogError) -> String {
    let w = &words.log_error;
    match e {
        LogError::Locked(path) => (w.locked)(&show(path)),
        LogError::Open { path, error } => (w.open)(&show(path), &os_error(words, error)),
        LogError::Write { path, error } => (w.write)(&show(path), &os_error(words, error)),
        LogError::Failed(path) => (w.failed)(&show(path)),
        LogError::Damaged { path, line, fault } => {
            (w.damaged)(&show(path), *line, &line_fault(words, fault))
        }
        LogError::Read { path, error } => (w.read)(&show(path), &os_error(words, error)),
        LogError::NotAFile { path, kind } => (w.not_a_file)(&show(path), file_kind(words, *kind)),
        LogError::NotPrivate { path, shared } => match shared {
            Shared::Mode(mode) => (w.shared_mode)(&show(path), &format!("{mode:04o}")),
            Shared::Links(names) => (w.shared_links)(&show(path), *names),
        },
    }
}

fn file_op(w: &Words, op: FileOp) -> &'static str {
    let w = &w.file_op;
    match op {
        FileOp::CreateIncidents => w.create_incidents,
        FileOp::CreateIncident => w.create_incident,
        FileOp::SyncIncidents => w.sync_incidents,
        FileOp::CreateFolder => w.create_folder,
        FileOp::WritePlanCopy => w.write_plan_copy,
        FileOp::ReadPlanCopy => w.read_plan_copy,
        FileOp::CloseSession => w.close_session,
        FileOp::RememberJoined => w.remember_joined,
    }
}

fn failure(words: &Words, e: &IncidentError) -> String {
    let w = &words.failure;
    match e {
        IncidentError::Action(e) => refusal(words, e),
        IncidentError::Log(e) => log_error(words, e),
        IncidentError::File { op, path, error } => {
            (w.file)(file_op(words, *op), &show(path), &os_error(words, error))
        }
        IncidentError::PlanCopy { path, first } => {
            let first = first
                .as_ref()
                .map(|d| d.headline(&file_name(path), words.plan))
                .unwrap_or_default();
            (w.plan_copy)(&show(path), &first)
        }
        IncidentError::Replay { dir, error } => {
            let why = match error {
                ReplayError::Empty => w.replay_empty,
                ReplayError::NotDeclared => w.replay_not_declared,
            };
            (w.replay)(&show(dir), why)
        }
        IncidentError::NotFound(given) => (w.not_found)(given),
        IncidentError::Ambiguous { given, matches } => (w.ambiguous)(given, matches),
        IncidentError::DeviceTaken {
            device,
            taken_by,
            dir,
        } => {
            if taken_by == device {
                (w.device_taken)(device, &show(dir))
            } else {
                (w.device_name_clash)(device, taken_by, &show(dir))
            }
        }
    }
}

fn channel(w: &Words, c: MessageChannel) -> &'static str {
    let w = &w.channel;
    match c {
        MessageChannel::Sms => w.sms,
        MessageChannel::AppPush => w.app_push,
        MessageChannel::Im => w.im,
        MessageChannel::Email => w.email,
        MessageChannel::Website => w.website,
        MessageChannel::Phone => w.phone,
        MessageChannel::Other => w.other,
    }
}

fn audience(w: &Words, a: Audience) -> &'static str {
    let w = &w.audience;
    match a {
        Audience::StudentsParents => w.students_parents,
        Audience::Teachers => w.teachers,
        Audience::Schools => w.schools,
        Audience::Regulator => w.regulator,
        Audience::Partners => w.partners,
        Audience::Media => w.media,
        Audience::Internal => w.internal,
    }
}

fn step_status(words: &Words, status: &StepStatus) -> String {
    let w = &words.status;
    match status {
        StepStatus::Done => w.done.to_owned(),
        StepStatus::Skipped { reason } => (w.skipped)(reason),
        StepStatus::NotApplicable => w.not_applicable.to_owned(),
        StepStatus::Deferred => w.deferred.to_owned(),
        StepStatus::Blocked { reason } => (w.blocked)(reason),
        StepStatus::Reopened => w.reopened.to_owned(),
    }
}

fn outcome(words: &Words, o: CallOutcome) -> &'static str {
    let w = &words.outcome;
    match o {
        CallOutcome::Reached => w.reached,
        CallOutcome::NoAnswer => w.no_answer,
        CallOutcome::LeftMessage => w.left_message,
        CallOutcome::WrongNumber => w.wrong_number,
    }
}

/// How many characters of a step's text name it in an entry's line.
const STEP_CHARS: usize = 40;

/// A step as an entry's line names it: the start of its text, quoted; its
/// id when the plan does not have it (a log of another plan version).
fn step_label(plan: &Plan, step: &StepId) -> String {
    match plan.step(step) {
        Some(s) => {
            let mut text: String = s.text.chars().take(STEP_CHARS).collect();
            if s.text.chars().nth(STEP_CHARS).is_some() {
                text.push('…');
            }
            format!("\u{201c}{text}\u{201d}")
        }
        None => step.to_string(),
    }
}

fn entry(words: &Words, e: &Entry, incident: &Incident, plan: &Plan, times: &Times) -> String {
    let by_text = |s: &StepId| step_label(plan, s);
    // An action item by its number in this incident.
    let item = |r: &EntryRef, n: usize| {
        incident
            .action_item_at(r, n)
            .map_or_else(|| by_number(r, n, times), followup::ActionItem::label)
    };
    // An item this entry adds: its number, or the next one when the
    // entry is not folded yet (the line that says it was saved).
    let items = incident.action_items();
    let this = EntryRef::to(e);
    let this_label = items.iter().find(|i| i.added == this).map_or_else(
        || followup::label(items.len() + 1),
        followup::ActionItem::label,
    );
    let naming = Naming {
        step: &by_text,
        item: &item,
        this: Some(this_label),
    };
    let mut line = event_naming(words, &e.event, plan, times, &naming);
    if Incident::after_close(e) {
        line.push_str(words.follow.after_close);
    }
    match &e.event {
        Event::Undone { undoes } => match incident.entry_by_ref(undoes) {
            Some(taken) => (words.event.undone_what)(
                &line,
                &event_naming(words, &taken.event, plan, times, &naming),
            ),
            None => line,
        },
        _ => line,
    }
}

fn event(words: &Words, event: &Event, plan: &Plan, times: &Times) -> String {
    let naming = Naming {
        step: &|s| s.to_string(),
        item: &|r, n| by_number(r, n, times),
        this: None,
    };
    event_naming(words, event, plan, times, &naming)
}

/// An action item by the number its entry gives (`A2`), or, when it
/// gives none, by when it was added.
fn by_number(r: &EntryRef, n: usize, times: &Times) -> String {
    if n > 0 {
        followup::label(n)
    } else {
        times.short(r.recorded_at)
    }
}

/// How an event's line names what it refers to.
struct Naming<'a> {
    /// A step.
    step: &'a dyn Fn(&StepId) -> String,
    /// An action item, by the entry that added it and its number.
    item: &'a dyn Fn(&EntryRef, usize) -> String,
    /// The number of the item the event adds, when known.
    this: Option<String>,
}

/// One line for an event, named as `naming` says.
fn event_naming(
    words: &Words,
    event: &Event,
    plan: &Plan,
    times: &Times,
    naming: &Naming<'_>,
) -> String {
    let step = naming.step;
    let w = &words.event;
    match event {
        Event::Declared(d) => {
            let crate::model::incident::Declared {
                title,
                class,
                level,
                suggested_level,
                level_reason,
                drill,
                ..
            } = &**d;
            let class_name = plan
                .class(class)
                .map_or(class.as_str(), |c| c.name.as_str());
            let kind = if *drill { w.drill } else { w.incident };
            let why = match (suggested_level, level_reason) {
                (Some(s), Some(r)) => (w.suggested)(s.as_str(), r),
                _ => String::new(),
            };
            (w.declared)(kind, title, class_name, level.as_str(), &why)
        }
        Event::LevelChanged { from, to, reason } => {
            (w.level_changed)(from.as_str(), to.as_str(), reason)
        }
        Event::StepStatus { step: s, status } => {
            (w.step_status)(&step(s), &step_status(words, status))
        }
        Event::ValueRecorded { step: s, value } => (w.value_recorded)(&step(s), value),
        Event::DecisionAnswered { step: s, yes, next } => {
            let answer = if *yes { w.yes } else { w.no };
            (w.decision)(&step(s), answer, &step(next))
        }
        Event::CallAttempt {
            to,
            outcome: o,
            note,
            ..
        } => {
            let note = if note.is_empty() {
                String::new()
            } else {
                (w.call_note)(note)
            };
            (w.called)(&target_label(plan, to), outcome(words, *o), &note)
        }
        Event::MessageSent {
            audience: a,
            channel: c,
            text,
            ..
        } => {
            let via = c.map(|c| (w.via)(channel(words, c))).unwrap_or_default();
            (w.message)(audience(words, *a), &via, &first_line(text))
        }
        Event::Note {
            text,
            corrects: Some(r),
            ..
        } => (w.correction)(&times.short(r.recorded_at), text),
        Event::Note {
            text, step: None, ..
        } => (w.note)(text),
        Event::Note {
            text,
            step: Some(s),
            ..
        } => (w.step_note)(&step(s), text),
        Event::WarningIssued { level, .. } => (w.warning_issued)(level.as_str()),
        Event::WarningLifted { level, .. } => (w.warning_lifted)(level.as_str()),
        Event::CommandHandedOver { from, to, note } => (w.handed_over)(
            &commander_name(from, plan),
            &commander_name(to, plan),
            note.trim(),
        ),
        Event::DutyDone { duty, note } => (w.duty_done)(duty.as_str(), note).trim_end().to_owned(),
        Event::Closed { summary } => (w.closed)(summary),
        Event::Reopened { reason } => (w.reopened)(reason),
        Event::ScenarioNamed { drill } => {
            let name = plan
                .doc()
                .drills
                .iter()
                .find(|d| d.id == *drill)
                .map_or(drill.as_str(), |d| d.name.as_str());
            (w.scenario_named)(drill.as_str(), name)
        }
        Event::Undone { undoes } => (w.undone)(&times.short(undoes.recorded_at)),
        Event::ActionItemAdded {
            text, owner, due, ..
        } => {
            let f = &words.follow;
            let label = naming.this.clone().unwrap_or_default();
            let due = due.map(|d| (f.due)(&d.to_string())).unwrap_or_default();
            (f.added)(&label, text, owner.name(plan), &due)
        }
        Event::ActionItemDone {
            item, number, note, ..
        } => (words.follow.done)(&(naming.item)(item, *number), note),
        Event::ActionItemDropped {
            item,
            number,
            reason,
            ..
        } => (words.follow.dropped)(&(naming.item)(item, *number), reason),
        Event::ReviewRecorded { field, text, .. } => {
            (words.follow.review)(review_field(words, *field), text)
        }
        Event::ClockAcknowledged {
            clock,
            stage,
            snooze_minutes,
            ..
        } => (w.clock_acknowledged)(
            &clock_label(w, plan, clock),
            *stage == crate::model::incident::Stage::Red,
            *snooze_minutes,
        ),
    }
}

/// A clock as an acknowledgement names it: the status update, a duty's
/// text cut short (its id when the plan lacks it), someone to inform.
fn clock_label(
    w: &words::EventWords,
    plan: &Plan,
    clock: &crate::model::incident::ClockKind,
) -> String {
    use crate::model::incident::ClockKind;
    match clock {
        ClockKind::StatusUpdate => w.status_update.to_owned(),
        ClockKind::Duty(id) => plan
            .doc()
            .levels
            .iter()
            .flat_map(|l| &l.duties)
            .find(|d| d.id == *id)
            .map_or_else(
                || id.to_string(),
                |d| {
                    let mut text: String = d.text.chars().take(STEP_CHARS).collect();
                    if d.text.chars().nth(STEP_CHARS).is_some() {
                        text.push('…');
                    }
                    format!("\u{201c}{text}\u{201d}")
                },
            ),
        ClockKind::Inform(t) => target_label(plan, t),
    }
}
