//! Words for incidents: what the store and the model report (notices,
//! refusals, failures) and one line per event, in Chinese and English.
//!
//! The model and the store hand over typed data; this is where it becomes a
//! sentence. The English sentences are also the command line's, so the
//! terminal and the window say the same thing. Each language is one function
//! per kind of message, matching every variant, so a new variant without
//! words in both languages does not compile.

use std::io::ErrorKind;
use std::path::Path;

use crate::clock::WhenError;
use crate::i18n::time::Times;
use crate::model::incident::merge::Subject;
use crate::model::incident::{
    ActionError, CallOutcome, Commander, Event, Field, MessageChannel, NeededKind, ReplayError,
    StepStatus,
};
use crate::model::notice::{FileOp, IncidentError, LineFault, LogError, Notice, OsError};
use crate::model::plan::Plan;
use crate::model::plan::contacts::Callee;
use crate::model::plan::doc::{Audience, Target};

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
    pub audience: fn(Audience) -> &'static str,
    pub message_channel: fn(MessageChannel) -> &'static str,
}

/// 简体中文.
pub const ZH: IncidentTr = IncidentTr {
    notice: notice_zh,
    refusal: refusal_zh,
    failure: failure_zh,
    log_error: log_error_zh,
    line_fault: line_fault_zh,
    os_error: os_error_zh,
    when_error: when_error_zh,
    event: event_zh,
    audience: audience_zh,
    message_channel: channel_zh,
};

/// English, also the command line's words.
pub const EN: IncidentTr = IncidentTr {
    notice: notice_en,
    refusal: refusal_en,
    failure: failure_en,
    log_error: log_error_en,
    line_fault: line_fault_en,
    os_error: os_error_en,
    when_error: when_error_en,
    event: event_en,
    audience: audience_en,
    message_channel: channel_en,
};

fn show(path: &Path) -> std::path::Display<'_> {
    path.display()
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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

fn target_label(plan: &Plan, to: &Target) -> String {
    Callee::of(plan, to).label()
}

/// `1 MiB` for a whole number of mebibytes, in the brackets given.
fn mib(bytes: usize, (open, close): (&str, &str)) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{open}{} MiB{close}", bytes / MIB)
    } else {
        String::new()
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect()
}

// ---------------------------------------------------------------- English

fn os_error_en(e: &OsError) -> String {
    e.detail.clone()
}

fn when_error_en(e: &WhenError) -> String {
    match e {
        WhenError::NotATime(t) => {
            format!("{t:?} is not a time: write HH:MM, YYYY-MM-DD HH:MM or an RFC 3339 time")
        }
        WhenError::NotInZone(t) => format!("{t:?} does not exist in the local time zone"),
        WhenError::InFuture(t) => {
            format!("{t:?} is in the future; only what already happened can be recorded")
        }
        WhenError::TooEarly(t) => {
            format!("{t:?} is before the year 2000: check the date")
        }
    }
}

fn line_fault_en(f: &LineFault) -> String {
    match f {
        LineFault::NoHash => "the line has no hash".to_owned(),
        LineFault::NotARecord(e) => format!("not a valid record: {e}"),
        LineFault::HashNotLast => "the hash is not the last field".to_owned(),
        LineFault::HashChanged => {
            "the hash does not match the line: it was changed after it was written".to_owned()
        }
        LineFault::Sequence { found, expected } => format!(
            "sequence number {found} where {expected} was expected: a line was removed, duplicated or moved"
        ),
        LineFault::Chain => {
            "it does not follow the line before: a line was removed, inserted or moved".to_owned()
        }
    }
}

fn notice_en(n: &Notice) -> String {
    match n {
        Notice::ContinuesInRescue { rescue } => format!(
            "this folder could not be written at some point and the log continues in {}; open that folder for the whole record",
            show(rescue)
        ),
        Notice::Damaged {
            file,
            bad,
            following,
        } => {
            let Some((line, fault)) = bad.first() else {
                return format!("{} is damaged; the file is kept as it is", file_name(file));
            };
            let more = if bad.len() > 1 {
                format!(
                    "; also at line{} {}",
                    plural_s(bad.len() - 1),
                    line_numbers(&bad[1..])
                )
            } else {
                String::new()
            };
            let shown = match following.len() {
                0 => "the lines before it are shown".to_owned(),
                1 => "the lines before it are shown, and the 1 entry after it that checks out by itself, marked as following damage".to_owned(),
                n => format!("the lines before it are shown, and the {n} entries after it that check out by themselves, marked as following damage"),
            };
            format!(
                "{} is damaged at line {line} ({}){more}; {shown}; the file is kept as it is",
                file_name(file),
                line_fault_en(fault)
            )
        }
        // The damage itself is the `Damaged` notice of the same file.
        Notice::DamagedContinued {
            file, line, next, ..
        } => format!(
            "{} is kept as it is and not written again, because of its damage at line {line}; this device's log continues in {}",
            show(file),
            show(next)
        ),
        Notice::TornTail { file, at, bytes } => format!(
            "{} ends with an incomplete line at byte {at} ({bytes} bytes): still being written or synced, or left by a crash; the lines before it are read, and its own device repairs it when it next writes",
            file_name(file)
        ),
        Notice::Repaired {
            file,
            at,
            cut,
            kept_in,
        } => format!(
            "{} ended with an incomplete line at byte {at}, left by a crash; its {cut} bytes were kept in {} and the log was repaired",
            show(file),
            show(kept_in)
        ),
        Notice::Unclean { file } => format!(
            "the last session on {} did not end cleanly (a crash or power loss); every saved entry is intact",
            show(file)
        ),
        Notice::OriginUnreadable { file, origin } => format!(
            "{} continues the log {}, which cannot be read here; only the entries after it are shown",
            show(file),
            show(origin)
        ),
        Notice::Unwritable { file, error } => format!(
            "{} cannot be written ({}); entries are NOT saved until the log continues in another file",
            show(file),
            error.detail
        ),
        Notice::ClockSkew {
            device,
            ahead_of,
            minutes,
        } => format!(
            "the clock of {device} appears at least {minutes} min behind {ahead_of}'s: one of its entries was written after reading one of {ahead_of}'s that claims a later time; times are shown as each device recorded them"
        ),
        Notice::Conflict {
            subject,
            earlier,
            later,
        } => format!(
            "{} and {} both changed {} without either seeing the other's change; both entries are kept, and {}'s, the later in the merge, is the one in force",
            earlier.device,
            later.device,
            match subject {
                Subject::Step(step) => format!("step {step}"),
                Subject::Level => "the level".to_owned(),
            },
            later.device
        ),
        Notice::SyncConflict { file } => format!(
            "{} is a conflict copy left by a sync engine (two devices changed one file); runbook does not read it: compare it with the log it is named after",
            show(file)
        ),
    }
}

fn field_en(f: Field) -> &'static str {
    match f {
        Field::Title => "title",
        Field::Reason => "reason",
        Field::Value => "value",
        Field::Message => "message",
        Field::Note => "note",
        Field::Commander => "new commander's name",
        Field::Summary => "summary",
    }
}

fn refusal_en(e: &ActionError) -> String {
    match e {
        ActionError::Closed => {
            "the incident is closed; reopen it first if it needs more work".to_owned()
        }
        ActionError::AlreadyOpen => "the incident is already open".to_owned(),
        ActionError::UnknownClass { given, known } => format!(
            "no fault class {:?} in the plan; the classes are: {}",
            given.as_str(),
            ids(known)
        ),
        ActionError::UnknownLevel { given, known } => format!(
            "no level {:?} in the plan; the levels are: {}",
            given.as_str(),
            ids(known)
        ),
        ActionError::UnknownStep(step) => {
            format!("no step {:?} in this incident's checklist", step.as_str())
        }
        ActionError::WrongKind { step, needed } => {
            let kind = match needed {
                NeededKind::Record => "record",
                NeededKind::Decision => "decision",
            };
            format!("step {:?} is not a {kind} step", step.as_str())
        }
        ActionError::NotACount { step, value } => format!(
            "step {:?} takes a whole number, not {value:?}",
            step.as_str()
        ),
        ActionError::UnknownQuestion { given, known } => format!(
            "no assessment question {:?} for this fault class; the questions are: {}",
            given.as_str(),
            ids(known)
        ),
        ActionError::NoLevel => "choose a level, or answer yes to at least one assessment question so the plan can suggest one".to_owned(),
        ActionError::LevelReasonMissing { suggested, chosen } => format!(
            "the answers suggest level {suggested}; say why level {chosen} is declared instead"
        ),
        ActionError::DiscoveredLater => {
            "the discovery time is later than now; a fault is discovered before it is declared"
                .to_owned()
        }
        ActionError::BeforeDiscovery { .. } => {
            "that time is before the incident was discovered; if it really happened then, confirm it (--before-discovery on the command line, Enter again in the window)"
                .to_owned()
        }
        ActionError::UnknownTemplate(id) => format!("no template {:?} in the plan", id.as_str()),
        ActionError::NoAudience => "a message without a template needs an audience".to_owned(),
        ActionError::UnknownTarget(t) => {
            let (what, id) = match t {
                Target::Role(id) => ("role", id.as_str()),
                Target::Person(id) => ("person", id.as_str()),
                Target::External(id) => ("external contact", id.as_str()),
            };
            format!("no {what} {id:?} in the plan")
        }
        ActionError::UnknownDuty(id) => format!(
            "no reporting duty {:?} at the levels this incident has held",
            id.as_str()
        ),
        ActionError::SameLevel(l) => format!("the incident is already at level {l}"),
        ActionError::WarningNotInForce(l) => format!("no warning for level {l} is in force"),
        ActionError::Empty(f) => format!("the {} cannot be empty", field_en(*f)),
        ActionError::Unfilled(name) => format!(
            "the message still has {{{name}}} in it: fill it in or take it out before it is sent"
        ),
        ActionError::UnknownEntry(r) => format!(
            "no entry recorded at {} on {} to correct",
            r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC"),
            r.device
        ),
        ActionError::TooLong { field, bytes, max } => format!(
            "the {} is too long: {bytes} bytes, and one entry holds at most {max} bytes{}; split it into several entries",
            field_en(*field),
            mib(*max, (" (", ")"))
        ),
    }
}

fn log_error_en(e: &LogError) -> String {
    match e {
        LogError::Locked(path) => format!(
            "another runbook is already writing {}; use that window, or close it first (a second writer could corrupt the log)",
            show(path)
        ),
        LogError::Open { path, error } => format!(
            "cannot open the log {}: {}; choose another folder for the log",
            show(path),
            error.detail
        ),
        LogError::Write { path, error } => format!(
            "could not save to {}: {}. The entry is kept in memory but is NOT saved; continue the log in another folder",
            show(path),
            error.detail
        ),
        LogError::Failed(path) => format!(
            "the log {} failed earlier and is no longer written to; continue the log in another folder",
            show(path)
        ),
        LogError::Damaged { path, line, fault } => format!(
            "{} is damaged at line {line}: {}. runbook will not write to it; the log continues in a new file",
            show(path),
            line_fault_en(fault)
        ),
        LogError::Read { path, error } => {
            format!("cannot read the log {}: {}", show(path), error.detail)
        }
    }
}

fn failure_en(e: &IncidentError) -> String {
    match e {
        IncidentError::Action(e) => refusal_en(e),
        IncidentError::Log(e) => log_error_en(e),
        IncidentError::File { op, path, error } => {
            let what = match op {
                FileOp::CreateIncidents => "cannot create the incidents folder",
                FileOp::CreateIncident => "cannot create the incident folder",
                FileOp::SyncIncidents => "cannot sync the incidents folder",
                FileOp::CreateFolder => "cannot create the folder",
                FileOp::WritePlanCopy => "cannot write the plan copy",
                FileOp::ReadPlanCopy => "cannot read the plan copy",
                FileOp::CloseSession => {
                    "every entry is saved, but the closing record (the mark of a clean exit) could not be written to"
                }
                FileOp::RememberJoined => {
                    "this device's log is started in the incident, but the list of joined incidents could not be written; give the folder's path to find it:"
                }
            };
            format!("{what} {}: {}", show(path), error.detail)
        }
        IncidentError::PlanCopy { path, first } => format!(
            "the plan copy {} in the incident folder does not load: {}",
            show(path),
            first
                .as_ref()
                .map(|d| d.headline(&file_name(path)))
                .unwrap_or_default()
        ),
        IncidentError::Replay { dir, error } => {
            let why = match error {
                ReplayError::Empty => "the log holds no events: nothing was declared",
                ReplayError::NotDeclared => "the log does not start with a declaration",
            };
            format!("{}: {why}", show(dir))
        }
        IncidentError::NotFound(given) => format!("no incident {given:?}"),
        IncidentError::Ambiguous { given, matches } => {
            format!(
                "{given:?} matches several incidents: {}",
                matches.join(", ")
            )
        }
        IncidentError::DeviceTaken { device, dir } => format!(
            "another computer already writes in {} as the device {device:?}; nothing was written. Give this one its own name (--device NAME, or RUNBOOK_DEVICE)",
            show(dir)
        ),
    }
}

fn channel_en(c: MessageChannel) -> &'static str {
    match c {
        MessageChannel::Sms => "SMS",
        MessageChannel::AppPush => "app notification",
        MessageChannel::Im => "instant message",
        MessageChannel::Email => "e-mail",
        MessageChannel::Website => "website notice",
        MessageChannel::Phone => "phone",
        MessageChannel::Other => "other",
    }
}

fn audience_en(a: Audience) -> &'static str {
    match a {
        Audience::StudentsParents => "students and parents",
        Audience::Teachers => "teachers",
        Audience::Schools => "schools and the education bureau",
        Audience::Regulator => "the regulator",
        Audience::Partners => "partners",
        Audience::Media => "the media",
        Audience::Internal => "internal update",
    }
}

fn event_en(event: &Event, plan: &Plan, times: &Times) -> String {
    match event {
        Event::Declared {
            title,
            class,
            level,
            suggested_level,
            level_reason,
            drill,
            ..
        } => {
            let class_name = plan
                .class(class)
                .map_or(class.as_str(), |c| c.name.as_str());
            let kind = if *drill { "drill" } else { "incident" };
            let why = match (suggested_level, level_reason) {
                (Some(s), Some(r)) => format!(" (the answers suggested {s}: {r})"),
                _ => String::new(),
            };
            format!("{kind} declared: {title} ({class_name}), level {level}{why}")
        }
        Event::LevelChanged { from, to, reason } => format!("level {from} → {to}: {reason}"),
        Event::StepStatus { step, status } => {
            let s = match status {
                StepStatus::Done => "done".to_owned(),
                StepStatus::Skipped { reason } => format!("skipped ({reason})"),
                StepStatus::NotApplicable => "not applicable".to_owned(),
                StepStatus::Deferred => "deferred".to_owned(),
                StepStatus::Blocked { reason } => format!("blocked ({reason})"),
                StepStatus::Reopened => "reopened".to_owned(),
            };
            format!("step {step}: {s}")
        }
        Event::ValueRecorded { step, value } => {
            format!("step {step}: recorded {value}")
        }
        Event::DecisionAnswered { step, yes, next } => format!(
            "step {}: answered {} → {next}",
            step,
            if *yes { "yes" } else { "no" }
        ),
        Event::CallAttempt {
            to, outcome, note, ..
        } => {
            let o = match outcome {
                CallOutcome::Reached => "reached",
                CallOutcome::NoAnswer => "no answer",
                CallOutcome::LeftMessage => "left a message",
                CallOutcome::WrongNumber => "wrong number",
            };
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" ({note})")
            };
            format!("called {}: {o}{note}", target_label(plan, to))
        }
        Event::MessageSent {
            audience,
            channel,
            text,
            ..
        } => {
            let via = channel
                .map(|c| format!(" by {}", channel_en(c)))
                .unwrap_or_default();
            format!(
                "message to {}{via}: {}",
                audience_en(*audience),
                first_line(text)
            )
        }
        Event::Note {
            text,
            corrects: Some(r),
            ..
        } => format!(
            "correction to the entry of {}: {text}",
            times.short(r.recorded_at)
        ),
        Event::Note {
            text, step: None, ..
        } => format!("note: {text}"),
        Event::Note {
            text,
            step: Some(step),
            ..
        } => format!("note on step {step}: {text}"),
        Event::WarningIssued { level, .. } => format!("warning issued for level {level}"),
        Event::WarningLifted { level, .. } => format!("warning lifted for level {level}"),
        Event::CommandHandedOver { from, to, .. } => format!(
            "command handed over from {} to {}",
            commander_name(from, plan),
            commander_name(to, plan)
        ),
        Event::DutyDone { duty, note } => format!("duty {duty} fulfilled {note}")
            .trim_end()
            .to_owned(),
        Event::Closed { summary } => format!("closed: {summary}"),
        Event::Reopened { reason } => format!("reopened: {reason}"),
    }
}

// ---------------------------------------------------------------- 简体中文

fn os_error_zh(e: &OsError) -> String {
    let words = match e.kind {
        ErrorKind::StorageFull => "磁盘已满",
        ErrorKind::PermissionDenied => "没有写入权限",
        ErrorKind::NotFound => "找不到该文件或文件夹",
        ErrorKind::ReadOnlyFilesystem => "所在磁盘是只读的",
        ErrorKind::FileTooLarge => "文件超过了大小限制",
        ErrorKind::IsADirectory => "该路径是一个文件夹",
        ErrorKind::NotADirectory => "路径中的某一级不是文件夹",
        ErrorKind::AlreadyExists => "已经存在",
        ErrorKind::QuotaExceeded => "超出了磁盘配额",
        _ => return format!("系统报告：{}", e.detail),
    };
    format!("{words}（{}）", e.detail)
}

fn when_error_zh(e: &WhenError) -> String {
    match e {
        WhenError::NotATime(t) => {
            format!("“{t}”不是时间：请写 HH:MM、YYYY-MM-DD HH:MM 或 RFC 3339 格式")
        }
        WhenError::NotInZone(t) => format!("本地时区没有“{t}”这个时间（夏令时跳过）"),
        WhenError::InFuture(t) => format!("“{t}”是将来的时间；只能记录已经发生的事"),
        WhenError::TooEarly(t) => format!("“{t}”早于 2000 年，请检查日期"),
    }
}

fn line_fault_zh(f: &LineFault) -> String {
    match f {
        LineFault::NoHash => "该行没有哈希值".to_owned(),
        LineFault::NotARecord(e) => format!("不是有效的记录：{e}"),
        LineFault::HashNotLast => "哈希值不是该行的最后一个字段".to_owned(),
        LineFault::HashChanged => "哈希值与该行内容不符：写入后被改动过".to_owned(),
        LineFault::Sequence { found, expected } => {
            format!("序号为 {found}，应为 {expected}：有行被删除、重复或移动")
        }
        LineFault::Chain => "与上一行接不上：有行被删除、插入或移动".to_owned(),
    }
}

fn notice_zh(n: &Notice) -> String {
    match n {
        Notice::ContinuesInRescue { rescue } => format!(
            "此文件夹曾经无法写入，日志已在 {} 中继续；完整记录请打开那个文件夹",
            show(rescue)
        ),
        Notice::Damaged {
            file,
            bad,
            following,
        } => {
            let Some((line, fault)) = bad.first() else {
                return format!("{} 已损坏；文件保持原样", file_name(file));
            };
            let more = if bad.len() > 1 {
                format!("；另有第 {} 行损坏", line_numbers(&bad[1..]))
            } else {
                String::new()
            };
            let shown = match following.len() {
                0 => "显示此前的记录".to_owned(),
                n => format!("显示此前的记录，以及其后自身校验无误的 {n} 条记录（标为“损坏之后”）"),
            };
            format!(
                "{} 第 {line} 行已损坏（{}）{more}；{shown}；文件保持原样",
                file_name(file),
                line_fault_zh(fault)
            )
        }
        Notice::DamagedContinued {
            file, line, next, ..
        } => format!(
            "{} 因第 {line} 行损坏，保持原样、不再写入；本设备的日志在 {} 中继续",
            show(file),
            show(next)
        ),
        Notice::TornTail { file, at, bytes } => format!(
            "{} 末尾有一行不完整（第 {at} 字节起，共 {bytes} 字节）：可能仍在写入或同步，也可能是崩溃留下的；此前的记录照常读取，该日志所属设备下次写入时会修复",
            file_name(file)
        ),
        Notice::Repaired {
            file,
            at,
            cut,
            kept_in,
        } => format!(
            "{} 末尾有崩溃留下的不完整行（第 {at} 字节起）；这 {cut} 个字节已保存在 {}，日志已修复",
            show(file),
            show(kept_in)
        ),
        Notice::Unclean { file } => format!(
            "{} 上一次没有正常结束（崩溃或断电）；已保存的记录都完好",
            show(file)
        ),
        Notice::OriginUnreadable { file, origin } => format!(
            "{} 接续的日志 {} 在这里读不到；只显示接续之后的记录",
            show(file),
            show(origin)
        ),
        Notice::Unwritable { file, error } => format!(
            "{} 无法写入（{}）；在日志转到其他位置继续之前，新记录都【未保存】",
            show(file),
            os_error_zh(error)
        ),
        Notice::ClockSkew {
            device,
            ahead_of,
            minutes,
        } => format!(
            "{device} 的时钟似乎比 {ahead_of} 慢至少 {minutes} 分钟：它的一条记录写于读到 {ahead_of} 一条时间更晚的记录之后；各设备的时间按其记录原样显示"
        ),
        Notice::Conflict {
            subject,
            earlier,
            later,
        } => format!(
            "{} 和 {} 在互不知情的情况下都修改了{}；两条记录都保留，以合并顺序在后的 {} 的修改为准",
            earlier.device,
            later.device,
            match subject {
                Subject::Step(step) => format!("步骤 {step}"),
                Subject::Level => "响应等级".to_owned(),
            },
            later.device
        ),
        Notice::SyncConflict { file } => format!(
            "{} 是同步软件留下的冲突副本（两台设备改了同一个文件）；runbook 不读取它，请与同名日志核对",
            show(file)
        ),
    }
}

fn field_zh(f: Field) -> &'static str {
    match f {
        Field::Title => "标题",
        Field::Reason => "原因",
        Field::Value => "数值",
        Field::Message => "消息内容",
        Field::Note => "备注",
        Field::Commander => "新指挥人",
        Field::Summary => "总结",
    }
}

fn refusal_zh(e: &ActionError) -> String {
    match e {
        ActionError::Closed => "事件已关闭；如需继续处置，请先重新打开".to_owned(),
        ActionError::AlreadyOpen => "事件尚未关闭".to_owned(),
        ActionError::UnknownClass { given, known } => {
            format!("预案中没有故障分类“{given}”；现有分类：{}", ids(known))
        }
        ActionError::UnknownLevel { given, known } => {
            format!("预案中没有等级“{given}”；现有等级：{}", ids(known))
        }
        ActionError::UnknownStep(step) => format!("本事件的检查单中没有步骤“{step}”"),
        ActionError::WrongKind { step, needed } => {
            let kind = match needed {
                NeededKind::Record => "记录",
                NeededKind::Decision => "判断",
            };
            format!("步骤“{step}”不是{kind}步骤")
        }
        ActionError::NotACount { step, value } => {
            format!("步骤“{step}”要填整数，不能填“{value}”")
        }
        ActionError::UnknownQuestion { given, known } => {
            format!("本故障分类没有研判问题“{given}”；现有问题：{}", ids(known))
        }
        ActionError::NoLevel => {
            "请选择等级，或至少对一个研判问题回答“是”，以便预案给出建议等级".to_owned()
        }
        ActionError::LevelReasonMissing { suggested, chosen } => {
            format!("研判结果建议 {suggested} 级；改定为 {chosen} 级需要说明原因")
        }
        ActionError::DiscoveredLater => "发现时间晚于现在；故障应先发现、后启动响应".to_owned(),
        ActionError::BeforeDiscovery { .. } => {
            "该时间早于故障发现时间；如确实发生在那时，请确认（命令行加 --before-discovery，窗口中再按一次回车）"
                .to_owned()
        }
        ActionError::UnknownTemplate(id) => format!("预案中没有通知模板“{id}”"),
        ActionError::NoAudience => "不用模板的消息需要选择发送对象".to_owned(),
        ActionError::UnknownTarget(t) => {
            let (what, id) = match t {
                Target::Role(id) => ("岗位", id.as_str()),
                Target::Person(id) => ("人员", id.as_str()),
                Target::External(id) => ("外部联系人", id.as_str()),
            };
            format!("预案中没有{what}“{id}”")
        }
        ActionError::UnknownDuty(id) => format!("本事件经历过的等级中没有报告义务“{id}”"),
        ActionError::SameLevel(l) => format!("事件已经是 {l} 级"),
        ActionError::WarningNotInForce(l) => format!("{l} 级预警并未发布"),
        ActionError::Empty(f) => format!("{}不能为空", field_zh(*f)),
        ActionError::Unfilled(name) => {
            format!("消息中还有未填写的 {{{name}}}：请填写或删除后再发送")
        }
        ActionError::UnknownEntry(r) => format!(
            "没有 {} 在 {} 上记录的条目可以更正",
            r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC"),
            r.device
        ),
        ActionError::TooLong { field, bytes, max } => format!(
            "{}过长：{bytes} 字节，一条记录最多 {max} 字节{}；请分成几条记录",
            field_zh(*field),
            mib(*max, ("（", "）"))
        ),
    }
}

fn log_error_zh(e: &LogError) -> String {
    match e {
        LogError::Locked(path) => format!(
            "另一个 runbook 正在写入 {}；请使用那个窗口，或先关闭它（两处同时写入会损坏日志）",
            show(path)
        ),
        LogError::Open { path, error } => format!(
            "无法打开日志 {}：{}；请为日志选择其他文件夹",
            show(path),
            os_error_zh(error)
        ),
        LogError::Write { path, error } => format!(
            "无法保存到 {}：{}。这条记录保留在内存中，但【未保存】；请把日志转到其他文件夹继续",
            show(path),
            os_error_zh(error)
        ),
        LogError::Failed(path) => format!(
            "日志 {} 之前写入失败，已停止写入；请把日志转到其他文件夹继续",
            show(path)
        ),
        LogError::Damaged { path, line, fault } => format!(
            "{} 第 {line} 行已损坏：{}。runbook 不会再写入该文件，日志在新文件中继续",
            show(path),
            line_fault_zh(fault)
        ),
        LogError::Read { path, error } => {
            format!("无法读取日志 {}：{}", show(path), os_error_zh(error))
        }
    }
}

fn failure_zh(e: &IncidentError) -> String {
    match e {
        IncidentError::Action(e) => refusal_zh(e),
        IncidentError::Log(e) => log_error_zh(e),
        IncidentError::File { op, path, error } => {
            let what = match op {
                FileOp::CreateIncidents => "无法创建事件文件夹",
                FileOp::CreateIncident => "无法创建本事件的文件夹",
                FileOp::SyncIncidents => "无法同步事件文件夹",
                FileOp::CreateFolder => "无法创建文件夹",
                FileOp::WritePlanCopy => "无法写入预案副本",
                FileOp::ReadPlanCopy => "无法读取预案副本",
                FileOp::CloseSession => "所有记录都已保存，只是无法写入正常退出的结束标记",
                FileOp::RememberJoined => {
                    "本设备的日志已在该事件中建立，但无法写入已加入事件的列表；请用文件夹路径找到它："
                }
            };
            format!("{what} {}：{}", show(path), os_error_zh(error))
        }
        IncidentError::PlanCopy { path, first } => format!(
            "事件文件夹中的预案副本 {} 无法加载：{}",
            show(path),
            first
                .as_ref()
                .map(|d| d.headline(&file_name(path)))
                .unwrap_or_default()
        ),
        IncidentError::Replay { dir, error } => {
            let why = match error {
                ReplayError::Empty => "日志中没有任何记录：事件从未启动",
                ReplayError::NotDeclared => "日志不是以启动响应开头的",
            };
            format!("{}：{why}", show(dir))
        }
        IncidentError::NotFound(given) => format!("找不到事件“{given}”"),
        IncidentError::Ambiguous { given, matches } => {
            format!("“{given}”对应多个事件：{}", matches.join("、"))
        }
        IncidentError::DeviceTaken { device, dir } => format!(
            "另一台电脑已经以设备名“{device}”在 {} 中写入；本次未写入任何内容。请给这台电脑另起一个名字（--device 名称，或 RUNBOOK_DEVICE）",
            show(dir)
        ),
    }
}

fn channel_zh(c: MessageChannel) -> &'static str {
    match c {
        MessageChannel::Sms => "短信",
        MessageChannel::AppPush => "App推送",
        MessageChannel::Im => "即时通讯群",
        MessageChannel::Email => "电子邮件",
        MessageChannel::Website => "网站公告",
        MessageChannel::Phone => "电话",
        MessageChannel::Other => "其他",
    }
}

fn audience_zh(a: Audience) -> &'static str {
    match a {
        Audience::StudentsParents => "学生和家长",
        Audience::Teachers => "教师",
        Audience::Schools => "学校和教育局",
        Audience::Regulator => "监管部门",
        Audience::Partners => "合作伙伴",
        Audience::Media => "媒体",
        Audience::Internal => "内部通报",
    }
}

fn event_zh(event: &Event, plan: &Plan, times: &Times) -> String {
    match event {
        Event::Declared {
            title,
            class,
            level,
            suggested_level,
            level_reason,
            drill,
            ..
        } => {
            let class_name = plan
                .class(class)
                .map_or(class.as_str(), |c| c.name.as_str());
            let kind = if *drill { "演练" } else { "事件" };
            let why = match (suggested_level, level_reason) {
                (Some(s), Some(r)) => format!("（研判建议 {s} 级：{r}）"),
                _ => String::new(),
            };
            format!("启动{kind}响应：{title}（{class_name}），{level} 级{why}")
        }
        Event::LevelChanged { from, to, reason } => {
            format!("响应等级 {from} → {to}：{reason}")
        }
        Event::StepStatus { step, status } => {
            let s = match status {
                StepStatus::Done => "完成".to_owned(),
                StepStatus::Skipped { reason } => format!("跳过（{reason}）"),
                StepStatus::NotApplicable => "不适用".to_owned(),
                StepStatus::Deferred => "推迟".to_owned(),
                StepStatus::Blocked { reason } => format!("受阻（{reason}）"),
                StepStatus::Reopened => "重新打开".to_owned(),
            };
            format!("步骤 {step}：{s}")
        }
        Event::ValueRecorded { step, value } => {
            format!("步骤 {step}：记录 {value}")
        }
        Event::DecisionAnswered { step, yes, next } => format!(
            "步骤 {}：回答“{}”→ {next}",
            step,
            if *yes { "是" } else { "否" }
        ),
        Event::CallAttempt {
            to, outcome, note, ..
        } => {
            let o = match outcome {
                CallOutcome::Reached => "已联系上",
                CallOutcome::NoAnswer => "无人接听",
                CallOutcome::LeftMessage => "已留言",
                CallOutcome::WrongNumber => "号码错误",
            };
            let note = if note.is_empty() {
                String::new()
            } else {
                format!("（{note}）")
            };
            format!("呼叫 {}：{o}{note}", target_label(plan, to))
        }
        Event::MessageSent {
            audience,
            channel,
            text,
            ..
        } => {
            let via = channel
                .map(|c| format!("（{}）", channel_zh(c)))
                .unwrap_or_default();
            format!(
                "发给{}的消息{via}：{}",
                audience_zh(*audience),
                first_line(text)
            )
        }
        Event::Note {
            text,
            corrects: Some(r),
            ..
        } => format!("更正 {} 的记录：{text}", times.short(r.recorded_at)),
        Event::Note {
            text, step: None, ..
        } => format!("备注：{text}"),
        Event::Note {
            text,
            step: Some(step),
            ..
        } => format!("步骤 {step} 备注：{text}"),
        Event::WarningIssued { level, .. } => format!("发布 {level} 级预警"),
        Event::WarningLifted { level, .. } => format!("解除 {level} 级预警"),
        Event::CommandHandedOver { from, to, .. } => format!(
            "指挥权由 {} 移交给 {}",
            commander_name(from, plan),
            commander_name(to, plan)
        ),
        Event::DutyDone { duty, note } => format!("报告义务 {duty} 已履行 {note}")
            .trim_end()
            .to_owned(),
        Event::Closed { summary } => format!("关闭：{summary}"),
        Event::Reopened { reason } => format!("重新打开：{reason}"),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::ids::{ClassId, ItemId, LevelId, PersonId, RoleId, StepId, TemplateId};
    use crate::model::plan::doc::Target;

    fn os() -> OsError {
        OsError {
            kind: ErrorKind::StorageFull,
            detail: "No space left on device (os error 28)".into(),
        }
    }

    fn p(s: &str) -> PathBuf {
        PathBuf::from(format!("/data/incidents/x/{s}"))
    }

    /// One of each notice. The match below has no wildcard: a new variant
    /// does not compile until it is listed here, and so is worded.
    fn every_notice() -> Vec<Notice> {
        let all = vec![
            Notice::ContinuesInRescue {
                rescue: p("rescue"),
            },
            Notice::Damaged {
                file: p("log-a.jsonl"),
                bad: vec![(17, LineFault::HashChanged), (30, LineFault::Chain)],
                following: vec![crate::model::incident::EntryRef {
                    recorded_at: chrono::DateTime::UNIX_EPOCH,
                    device: "laptop-a".into(),
                }],
            },
            Notice::DamagedContinued {
                file: p("log-a.jsonl"),
                line: 17,
                fault: LineFault::Chain,
                next: p("log-a.2.jsonl"),
            },
            Notice::TornTail {
                file: p("log-a.jsonl"),
                at: 4096,
                bytes: 17,
            },
            Notice::Repaired {
                file: p("log-a.jsonl"),
                at: 4096,
                cut: 17,
                kept_in: p("log-a.jsonl.torn-1"),
            },
            Notice::Unclean {
                file: p("log-a.jsonl"),
            },
            Notice::OriginUnreadable {
                file: p("log-a.2.jsonl"),
                origin: p("gone.jsonl"),
            },
            Notice::Unwritable {
                file: p("log-a.jsonl"),
                error: os(),
            },
            Notice::ClockSkew {
                device: "laptop-b".into(),
                ahead_of: "laptop-a".into(),
                minutes: 4,
            },
            Notice::Conflict {
                subject: Subject::Step(crate::model::ids::StepId::new("net-switch")),
                earlier: crate::model::incident::EntryRef {
                    recorded_at: chrono::DateTime::UNIX_EPOCH,
                    device: "laptop-a".into(),
                },
                later: crate::model::incident::EntryRef {
                    recorded_at: chrono::DateTime::UNIX_EPOCH,
                    device: "laptop-b".into(),
                },
            },
            Notice::SyncConflict {
                file: p("log-a.sync-conflict-20261129-101010-ABCDEFG.jsonl"),
            },
        ];
        let mut seen = [false; 11];
        for n in &all {
            let i = match n {
                Notice::ContinuesInRescue { .. } => 0,
                Notice::Damaged { .. } => 1,
                Notice::DamagedContinued { .. } => 2,
                Notice::TornTail { .. } => 3,
                Notice::Repaired { .. } => 4,
                Notice::Unclean { .. } => 5,
                Notice::OriginUnreadable { .. } => 6,
                Notice::Unwritable { .. } => 7,
                Notice::ClockSkew { .. } => 8,
                Notice::Conflict { .. } => 9,
                Notice::SyncConflict { .. } => 10,
            };
            seen[i] = true;
        }
        assert!(seen.iter().all(|s| *s), "every notice is listed");
        all
    }

    fn every_refusal() -> Vec<ActionError> {
        let all = vec![
            ActionError::Closed,
            ActionError::AlreadyOpen,
            ActionError::UnknownClass {
                given: ClassId::new("dns"),
                known: vec![ClassId::new("network")],
            },
            ActionError::UnknownLevel {
                given: LevelId::new("V"),
                known: vec![LevelId::new("I")],
            },
            ActionError::UnknownStep(StepId::new("swich")),
            ActionError::WrongKind {
                step: StepId::new("confirm"),
                needed: NeededKind::Record,
            },
            ActionError::NotACount {
                step: StepId::new("students"),
                value: "many".into(),
            },
            ActionError::UnknownQuestion {
                given: ItemId::new("q9"),
                known: vec![ItemId::new("cut")],
            },
            ActionError::NoLevel,
            ActionError::LevelReasonMissing {
                suggested: LevelId::new("III"),
                chosen: LevelId::new("II"),
            },
            ActionError::DiscoveredLater,
            ActionError::UnknownTemplate(TemplateId::new("tpl-x")),
            ActionError::NoAudience,
            ActionError::UnknownTarget(Target::Person(PersonId::new("zed"))),
            ActionError::UnknownDuty(ItemId::new("cac-x")),
            ActionError::SameLevel(LevelId::new("II")),
            ActionError::WarningNotInForce(LevelId::new("II")),
            ActionError::Empty(Field::Reason),
            ActionError::Unfilled("impact".into()),
            ActionError::UnknownEntry(crate::model::incident::EntryRef {
                recorded_at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
                device: "laptop-9".into(),
            }),
            ActionError::BeforeDiscovery {
                at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
                discovered: chrono::DateTime::from_timestamp(60, 0).unwrap_or_default(),
            },
            ActionError::TooLong {
                field: Field::Note,
                bytes: 1_048_577,
                max: 1_048_576,
            },
        ];
        let mut seen = [false; 22];
        for e in &all {
            let i = match e {
                ActionError::Closed => 0,
                ActionError::AlreadyOpen => 1,
                ActionError::UnknownClass { .. } => 2,
                ActionError::UnknownLevel { .. } => 3,
                ActionError::UnknownStep(_) => 4,
                ActionError::WrongKind { .. } => 5,
                ActionError::NotACount { .. } => 6,
                ActionError::UnknownQuestion { .. } => 7,
                ActionError::NoLevel => 8,
                ActionError::LevelReasonMissing { .. } => 9,
                ActionError::DiscoveredLater => 10,
                ActionError::UnknownTemplate(_) => 11,
                ActionError::NoAudience => 12,
                ActionError::UnknownTarget(_) => 13,
                ActionError::UnknownDuty(_) => 14,
                ActionError::SameLevel(_) => 15,
                ActionError::WarningNotInForce(_) => 16,
                ActionError::Empty(_) => 17,
                ActionError::Unfilled(_) => 18,
                ActionError::UnknownEntry(_) => 19,
                ActionError::BeforeDiscovery { .. } => 20,
                ActionError::TooLong { .. } => 21,
            };
            seen[i] = true;
        }
        assert!(seen.iter().all(|s| *s), "every refusal is listed");
        all
    }

    fn every_failure() -> Vec<IncidentError> {
        let log = |e| IncidentError::Log(e);
        vec![
            IncidentError::Action(ActionError::Closed),
            log(LogError::Locked(p("log-a.jsonl"))),
            log(LogError::Open {
                path: p("log-a.jsonl"),
                error: os(),
            }),
            log(LogError::Write {
                path: p("log-a.jsonl"),
                error: os(),
            }),
            log(LogError::Failed(p("log-a.jsonl"))),
            log(LogError::Damaged {
                path: p("log-a.jsonl"),
                line: 17,
                fault: LineFault::Sequence {
                    found: 19,
                    expected: 17,
                },
            }),
            log(LogError::Read {
                path: p("log-a.jsonl"),
                error: os(),
            }),
            IncidentError::File {
                op: FileOp::WritePlanCopy,
                path: p("plan.ron"),
                error: os(),
            },
            IncidentError::PlanCopy {
                path: p("plan.ron"),
                first: None,
            },
            IncidentError::Replay {
                dir: p(""),
                error: ReplayError::NotDeclared,
            },
            IncidentError::NotFound("nothing".into()),
            IncidentError::Ambiguous {
                given: "net".into(),
                matches: vec!["a-net".into(), "b-net".into()],
            },
            IncidentError::DeviceTaken {
                device: "laptop-a".into(),
                dir: p(""),
            },
        ]
    }

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Worded in both languages, differently, with Chinese in the Chinese,
    /// and each fact (a path, a line, an id) in both.
    fn check_both(en: &str, zh: &str, facts: &[&str]) {
        assert!(!en.is_empty() && !zh.is_empty());
        assert_ne!(en, zh);
        assert!(has_chinese(zh), "not Chinese: {zh}");
        assert!(!has_chinese(en), "not English: {en}");
        for fact in facts {
            assert!(en.contains(fact), "{fact:?} missing in {en:?}");
            assert!(zh.contains(fact), "{fact:?} missing in {zh:?}");
        }
    }

    #[test]
    fn every_notice_is_worded_in_both_languages_with_its_facts() {
        for n in every_notice() {
            let facts: Vec<String> = match &n {
                Notice::ContinuesInRescue { rescue } => vec![rescue.display().to_string()],
                Notice::Damaged { bad, following, .. } => vec![
                    "log-a.jsonl".into(),
                    bad[0].0.to_string(),
                    bad[1].0.to_string(),
                    following.len().to_string(),
                ],
                Notice::DamagedContinued { line, next, .. } => {
                    vec![line.to_string(), next.display().to_string()]
                }
                Notice::TornTail { at, bytes, .. } => vec![at.to_string(), bytes.to_string()],
                Notice::Repaired { kept_in, cut, .. } => {
                    vec![kept_in.display().to_string(), cut.to_string()]
                }
                Notice::Unclean { file } | Notice::Unwritable { file, .. } => {
                    vec![file.display().to_string()]
                }
                Notice::OriginUnreadable { origin, .. } => vec![origin.display().to_string()],
                Notice::ClockSkew { .. } => vec!["laptop-b".into(), "laptop-a".into(), "4".into()],
                Notice::Conflict { .. } => {
                    vec!["laptop-a".into(), "laptop-b".into(), "net-switch".into()]
                }
                Notice::SyncConflict { file } => vec![file.display().to_string()],
            };
            let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
            check_both(&(EN.notice)(&n), &(ZH.notice)(&n), &facts);
        }
    }

    #[test]
    fn every_refusal_is_worded_in_both_languages() {
        for e in every_refusal() {
            let en = (EN.refusal)(&e);
            let zh = (ZH.refusal)(&e);
            let facts: Vec<&str> = match &e {
                ActionError::UnknownClass { .. } => vec!["dns", "network"],
                ActionError::UnknownStep(_) => vec!["swich"],
                ActionError::NotACount { .. } => vec!["students", "many"],
                ActionError::LevelReasonMissing { .. } => vec!["III", "II"],
                ActionError::UnknownTarget(_) => vec!["zed"],
                ActionError::Unfilled(_) => vec!["{impact}"],
                ActionError::UnknownEntry(_) => vec!["laptop-9"],
                ActionError::TooLong { .. } => vec!["1048577", "1048576", "1 MiB"],
                _ => vec![],
            };
            check_both(&en, &zh, &facts);
        }
    }

    #[test]
    fn every_failure_is_worded_in_both_languages_with_the_system_text() {
        for e in every_failure() {
            let en = (EN.failure)(&e);
            let zh = (ZH.failure)(&e);
            check_both(&en, &zh, &[]);
            if let IncidentError::Log(LogError::Write { path, .. }) = &e {
                assert!(en.contains("NOT saved") && zh.contains("未保存"));
                assert!(
                    zh.contains("磁盘已满") && zh.contains("os error 28"),
                    "{zh}"
                );
                assert!(zh.contains(&path.display().to_string()));
            }
        }
        for w in [
            WhenError::NotATime("noon".into()),
            WhenError::NotInZone("02:30".into()),
            WhenError::InFuture("23:00".into()),
            WhenError::TooEarly("0001-01-01 00:00".into()),
        ] {
            check_both(&(EN.when_error)(&w), &(ZH.when_error)(&w), &[]);
        }
    }

    #[test]
    fn commanders_are_named_from_the_plan() {
        let Ok(checked) = crate::model::plan::parse(include_bytes!("../../plans/minimal.ron"))
        else {
            panic!("the minimal plan loads");
        };
        let plan = &checked.plan;
        let role = &plan.doc().roles[0];
        let holder = plan
            .person(&role.holder)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        assert_eq!(
            commander_name(&Commander::Person(role.holder.clone()), plan),
            holder
        );
        let by_role = commander_name(&Commander::Role(role.id.clone()), plan);
        assert!(by_role.contains(&role.name) && by_role.contains(&holder));
        assert_eq!(commander_name(&Commander::Named("Bob".into()), plan), "Bob");
        assert_eq!(
            commander_name(&Commander::Role(RoleId::new("gone")), plan),
            "gone"
        );
    }

    /// Every kind of message, every variant and the cases where the words
    /// branch (plurals, lists cut short, optional parts), in both languages,
    /// as one text compared with `tests/data/words/incident.txt`
    /// (`UPDATE_GOLDEN=1` rewrites it). A change of wording shows there as
    /// a diff to read; a refactoring of the words changes nothing in it.
    #[test]
    fn the_words_match_their_golden_file() {
        let got = golden_words();
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/words/incident.txt");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", path.display()));
        for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "line {} of {} differs", i + 1, path.display());
        }
        assert_eq!(
            got.lines().count(),
            want.lines().count(),
            "{}",
            path.display()
        );
    }

    /// The golden text: a heading for each case, then its English and its
    /// Chinese.
    fn golden_words() -> String {
        let mut out = String::new();
        golden_notices(&mut out);
        golden_refusals(&mut out);
        golden_failures(&mut out);
        golden_parts(&mut out);
        golden_events(&mut out);
        out
    }

    /// One case of the golden text.
    fn case(out: &mut String, name: &str, en: &str, zh: &str) {
        use std::fmt::Write as _;
        let _ = writeln!(out, "## {name}\nen: {en}\nzh: {zh}");
    }

    /// An instant on the day the golden text is written.
    fn at(h: u32, m: u32) -> chrono::DateTime<chrono::Utc> {
        use chrono::TimeZone as _;
        chrono::Utc
            .with_ymd_and_hms(2026, 3, 2, h, m, 0)
            .single()
            .unwrap()
    }

    fn golden_notices(out: &mut String) {
        let entry = |device: &str| crate::model::incident::EntryRef {
            recorded_at: at(1, 30),
            device: device.into(),
        };
        let mut notices = every_notice();
        // The damage's words branch on how many lines are bad (a list cut
        // after ten) and how many entries follow it.
        for (n_bad, n_following) in [(0, 0), (1, 0), (1, 1), (2, 2), (3, 0), (13, 3)] {
            notices.push(Notice::Damaged {
                file: p("log-a.jsonl"),
                bad: (0..n_bad).map(|i| (17 + i, LineFault::Chain)).collect(),
                following: (0..n_following).map(|_| entry("laptop-a")).collect(),
            });
        }
        notices.push(Notice::Conflict {
            subject: Subject::Level,
            earlier: entry("laptop-a"),
            later: entry("laptop-b"),
        });
        notices.push(Notice::Unwritable {
            file: p("log-a.jsonl"),
            error: OsError {
                kind: ErrorKind::Other,
                detail: "Input/output error (os error 5)".into(),
            },
        });
        for n in &notices {
            case(
                out,
                &format!("notice {n:?}"),
                &(EN.notice)(n),
                &(ZH.notice)(n),
            );
        }
    }

    fn golden_refusals(out: &mut String) {
        let mut refusals = every_refusal();
        refusals.push(ActionError::WrongKind {
            step: StepId::new("confirm"),
            needed: NeededKind::Decision,
        });
        refusals.push(ActionError::UnknownTarget(Target::Role(RoleId::new(
            "nobody",
        ))));
        refusals.push(ActionError::UnknownTarget(Target::External(
            crate::model::ids::ExternalId::new("isp"),
        )));
        for f in [
            Field::Title,
            Field::Reason,
            Field::Value,
            Field::Message,
            Field::Note,
            Field::Commander,
            Field::Summary,
        ] {
            refusals.push(ActionError::Empty(f));
        }
        // A limit that is not a whole number of MiB says only the bytes.
        refusals.push(ActionError::TooLong {
            field: Field::Message,
            bytes: 70_000,
            max: 65_536,
        });
        for e in &refusals {
            case(
                out,
                &format!("refusal {e:?}"),
                &(EN.refusal)(e),
                &(ZH.refusal)(e),
            );
        }
    }

    fn golden_failures(out: &mut String) {
        let mut failures = every_failure();
        for op in [
            FileOp::CreateIncidents,
            FileOp::CreateIncident,
            FileOp::SyncIncidents,
            FileOp::CreateFolder,
            FileOp::ReadPlanCopy,
            FileOp::CloseSession,
            FileOp::RememberJoined,
        ] {
            failures.push(IncidentError::File {
                op,
                path: p("plan.ron"),
                error: os(),
            });
        }
        failures.push(IncidentError::PlanCopy {
            path: p("plan.ron"),
            first: Some(Box::new(crate::model::plan::Diagnostic::error(
                crate::model::plan::DocPath::root(),
                "expected `(`",
            ))),
        });
        failures.push(IncidentError::Replay {
            dir: p(""),
            error: ReplayError::Empty,
        });
        failures.push(IncidentError::Action(ActionError::NoAudience));
        for e in &failures {
            case(
                out,
                &format!("failure {e:?}"),
                &(EN.failure)(e),
                &(ZH.failure)(e),
            );
            if let IncidentError::Log(l) = e {
                case(
                    out,
                    &format!("log error {l:?}"),
                    &(EN.log_error)(l),
                    &(ZH.log_error)(l),
                );
            }
        }
    }

    /// The parts other messages are made of: line faults, system errors,
    /// times that are not, audiences and channels.
    fn golden_parts(out: &mut String) {
        for f in [
            LineFault::NoHash,
            LineFault::NotARecord("expected value at line 1 column 2".into()),
            LineFault::HashNotLast,
            LineFault::HashChanged,
            LineFault::Sequence {
                found: 19,
                expected: 17,
            },
            LineFault::Chain,
        ] {
            let (en, zh) = ((EN.line_fault)(&f), (ZH.line_fault)(&f));
            case(out, &format!("line fault {f:?}"), &en, &zh);
        }
        for kind in [
            ErrorKind::StorageFull,
            ErrorKind::PermissionDenied,
            ErrorKind::NotFound,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::FileTooLarge,
            ErrorKind::IsADirectory,
            ErrorKind::NotADirectory,
            ErrorKind::AlreadyExists,
            ErrorKind::QuotaExceeded,
            ErrorKind::Other,
        ] {
            let e = OsError {
                kind,
                detail: format!("{kind} (os error 99)"),
            };
            let (en, zh) = ((EN.os_error)(&e), (ZH.os_error)(&e));
            case(out, &format!("os error {kind:?}"), &en, &zh);
        }
        for w in [
            WhenError::NotATime("noon".into()),
            WhenError::NotInZone("02:30".into()),
            WhenError::InFuture("23:00".into()),
            WhenError::TooEarly("0001-01-01 00:00".into()),
        ] {
            let (en, zh) = ((EN.when_error)(&w), (ZH.when_error)(&w));
            case(out, &format!("when error {w:?}"), &en, &zh);
        }
        for a in [
            Audience::StudentsParents,
            Audience::Teachers,
            Audience::Schools,
            Audience::Regulator,
            Audience::Partners,
            Audience::Media,
            Audience::Internal,
        ] {
            case(
                out,
                &format!("audience {a:?}"),
                (EN.audience)(a),
                (ZH.audience)(a),
            );
        }
        for c in [
            MessageChannel::Sms,
            MessageChannel::AppPush,
            MessageChannel::Im,
            MessageChannel::Email,
            MessageChannel::Website,
            MessageChannel::Phone,
            MessageChannel::Other,
        ] {
            let (en, zh) = ((EN.message_channel)(c), (ZH.message_channel)(c));
            case(out, &format!("channel {c:?}"), en, zh);
        }
    }

    fn golden_events(out: &mut String) {
        let Ok(checked) = crate::model::plan::parse(include_bytes!("../../plans/minimal.ron"))
        else {
            panic!("the minimal plan loads");
        };
        let plan = &checked.plan;
        let times = Times::new(at(6, 0), crate::clock::Zone::beijing());
        let mut events = decisions_and_steps();
        events.extend(calls_and_messages());
        events.extend(notes_and_command());
        for e in &events {
            let (en, zh) = ((EN.event)(e, plan, &times), (ZH.event)(e, plan, &times));
            case(out, &format!("event {e:?}"), &en, &zh);
        }
    }

    fn confirm() -> StepId {
        StepId::new("confirm")
    }

    /// The declaration (an incident or a drill, with the level the answers
    /// suggested or not, its class in the plan or not), level changes, a
    /// step's every status, values and decisions.
    fn decisions_and_steps() -> Vec<Event> {
        use crate::model::incident::Answer;
        let declared = |class: &str, drill: bool, why: bool| Event::Declared {
            title: "Platform down".into(),
            class: ClassId::new(class),
            level: LevelId::new("II"),
            answers: vec![Answer {
                question: ItemId::new("down"),
                yes: false,
            }],
            suggested_level: why.then(|| LevelId::new("III")),
            level_reason: why.then(|| "the exam is tomorrow".to_owned()),
            discovered_at: None,
            commander: None,
            drill,
            plan_version: "1.0".into(),
            plan_sha256: "ab".repeat(32),
        };
        let mut all = vec![
            declared("other", false, false),
            declared("other", true, true),
            declared("gone", false, true),
            Event::LevelChanged {
                from: LevelId::new("III"),
                to: LevelId::new("II"),
                reason: "more users".into(),
            },
        ];
        for status in [
            StepStatus::Done,
            StepStatus::Skipped {
                reason: "done by the vendor".into(),
            },
            StepStatus::NotApplicable,
            StepStatus::Deferred,
            StepStatus::Blocked {
                reason: "no access".into(),
            },
            StepStatus::Reopened,
        ] {
            all.push(Event::StepStatus {
                step: confirm(),
                status,
            });
        }
        all.push(Event::ValueRecorded {
            step: confirm(),
            value: "1200".into(),
        });
        for yes in [true, false] {
            all.push(Event::DecisionAnswered {
                step: confirm(),
                yes,
                next: StepId::new("fix"),
            });
        }
        all
    }

    /// A call of each outcome to each kind of target, with a note or not,
    /// and messages with a channel or not, a second line and a long first.
    fn calls_and_messages() -> Vec<Event> {
        use crate::model::incident::Channel;
        let call = |to: Target, outcome, note: &str| Event::CallAttempt {
            to,
            via: Channel::Mobile,
            outcome,
            note: note.into(),
            line: None,
        };
        let message = |channel, text: &str| Event::MessageSent {
            template: None,
            audience: Audience::Teachers,
            channel,
            text: text.into(),
        };
        vec![
            call(
                Target::Role(RoleId::new("commander")),
                CallOutcome::Reached,
                "",
            ),
            call(
                Target::Person(PersonId::new("sam")),
                CallOutcome::NoAnswer,
                "twice",
            ),
            call(
                Target::External(crate::model::ids::ExternalId::new("isp")),
                CallOutcome::LeftMessage,
                "",
            ),
            call(
                Target::Person(PersonId::new("zed")),
                CallOutcome::WrongNumber,
                "",
            ),
            message(None, "Classes move online.\nMore at noon."),
            message(
                Some(MessageChannel::Sms),
                "A long message that goes on well past sixty characters, to be cut.",
            ),
        ]
    }

    /// Notes (on the incident, on a step, a correction), warnings,
    /// handovers between commanders named in every way, duties with a note
    /// or not, closing and reopening.
    fn notes_and_command() -> Vec<Event> {
        let note = |text: &str, step, corrects| Event::Note {
            text: text.into(),
            step,
            corrects,
        };
        let correction = crate::model::incident::EntryRef {
            recorded_at: at(1, 20) - chrono::Duration::hours(4),
            device: "laptop-a".into(),
        };
        vec![
            note("bridge call open", None, None),
            note("vendor called back", Some(confirm()), None),
            note("it was 01:20", None, Some(correction)),
            Event::WarningIssued {
                level: LevelId::new("II"),
                note: "storm".into(),
            },
            Event::WarningLifted {
                level: LevelId::new("II"),
                note: String::new(),
            },
            Event::CommandHandedOver {
                from: Commander::Person(PersonId::new("alex")),
                to: Commander::Role(RoleId::new("commander")),
                note: String::new(),
            },
            Event::CommandHandedOver {
                from: Commander::Named("Bob".into()),
                to: Commander::Person(PersonId::new("zed")),
                note: String::new(),
            },
            Event::DutyDone {
                duty: ItemId::new("cac-report"),
                note: "ref 42".into(),
            },
            Event::DutyDone {
                duty: ItemId::new("cac-report"),
                note: String::new(),
            },
            Event::Closed {
                summary: "restored".into(),
            },
            Event::Reopened {
                reason: "it failed again".into(),
            },
        ]
    }
}
