//! The incident words in English, also the command line's. Names and ids
//! typed by people are quoted as Rust quotes them (`"net-switch"`), so an
//! empty or odd one is still visible in a terminal.

use super::words::{
    AudienceWords, ChannelWords, EventWords, FailureWords, FieldWords, FileKindWords, FileOpWords,
    FollowWords, LineFaultWords, LogErrorWords, NoticeWords, OsWords, OutcomeWords, RefusalWords,
    StatusWords, UndoWords, WhenWords, Words,
};

/// `s` for a count other than one.
fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub(super) const WORDS: Words = Words {
    plan: &crate::i18n::plan::EN,
    // The system's own text is English already: no kind is named, so
    // `named` is never reached.
    os_error: OsWords {
        kind: |_| None,
        named: |_, detail| detail.to_owned(),
        unnamed: str::to_owned,
    },
    when: WhenWords {
        not_a_time: |t| {
            format!("{t:?} is not a time: write HH:MM, YYYY-MM-DD HH:MM or an RFC 3339 time")
        },
        not_in_zone: |t| format!("{t:?} does not exist in the local time zone"),
        in_future: |t| {
            format!("{t:?} is in the future; only what already happened can be recorded")
        },
        too_early: |t| format!("{t:?} is before the year 2000: check the date"),
    },
    line_fault: LineFaultWords {
        no_hash: "the line has no hash",
        not_a_record: |e| format!("not a valid record: {e}"),
        hash_not_last: "the hash is not the last field",
        hash_changed: "the hash does not match the line: it was changed after it was written",
        sequence: |found, expected| {
            format!(
                "sequence number {found} where {expected} was expected: a line was removed, duplicated or moved"
            )
        },
        chain: "it does not follow the line before: a line was removed, inserted or moved",
    },
    follow: FollowWords {
        unknown_item: |given, known| {
            if known.is_empty() {
                format!("no action item {given}: this incident has none yet")
            } else {
                format!("no action item {given}; its action items are: {known}")
            }
        },
        item_settled: |item, done| {
            let how = if done { "done" } else { "dropped" };
            format!("action item {item} is already {how}; add a new one for more work")
        },
        field_item: "action item",
        field_owner: "owner",
        added: |item, text, owner, due| {
            if item.is_empty() {
                format!("action item: {text} (owner {owner}{due})")
            } else {
                format!("action item {item}: {text} (owner {owner}{due})")
            }
        },
        due: |date| format!(", due {date}"),
        done: |item, note| {
            if note.is_empty() {
                format!("action item {item} done")
            } else {
                format!("action item {item} done: {note}")
            }
        },
        dropped: |item, reason| format!("action item {item} dropped: {reason}"),
        review: |field, text| format!("review, {field}: {text}"),
        after_close: " [after the close]",
        summary: "summary",
        went_well: "what went well",
        went_badly: "what went badly",
        causes: "causes",
        factors: "contributing factors",
    },
    notice: NOTICE,
    refusal: REFUSAL,
    field: FieldWords {
        title: "title",
        reason: "reason",
        value: "value",
        message: "message",
        note: "note",
        commander: "new commander's name",
        summary: "summary",
    },
    log_error: LOG_ERROR,
    failure: FAILURE,
    file_op: FileOpWords {
        create_incidents: "cannot create the incidents folder",
        create_incident: "cannot create the incident folder",
        sync_incidents: "cannot sync the incidents folder",
        create_folder: "cannot create the folder",
        write_plan_copy: "cannot write the plan copy",
        read_plan_copy: "cannot read the plan copy",
        close_session: "every entry is saved, but the closing record (the mark of a clean exit) could not be written to",
        remember_joined: "this device's log is started in the incident, but the list of joined incidents could not be written; give the folder's path to find it:",
    },
    channel: ChannelWords {
        sms: "SMS",
        app_push: "app notification",
        im: "instant message",
        email: "e-mail",
        website: "website notice",
        phone: "phone",
        other: "other",
    },
    audience: AudienceWords {
        students_parents: "students and parents",
        teachers: "teachers",
        schools: "schools and the education bureau",
        regulator: "the regulator",
        partners: "partners",
        media: "the media",
        internal: "internal update",
    },
    event: EVENT,
    status: StatusWords {
        done: "done",
        skipped: |reason| format!("skipped ({reason})"),
        not_applicable: "not applicable",
        deferred: "deferred",
        blocked: |reason| format!("blocked ({reason})"),
        reopened: "reopened",
    },
    outcome: OutcomeWords {
        reached: "reached",
        no_answer: "no answer",
        left_message: "left a message",
        wrong_number: "wrong number",
    },
    file_kind: FileKindWords {
        symlink: "a symbolic link",
        folder: "a folder",
        fifo: "a named pipe",
        socket: "a socket",
        char_device: "a device",
        block_device: "a disk device",
        other: "a special file",
    },
};

const NOTICE: NoticeWords = NoticeWords {
    continues_in_rescue: |rescue| {
        format!(
            "this folder could not be written at some point and the log continues in {rescue}; open that folder for the whole record"
        )
    },
    damaged_somewhere: |file| format!("{file} is damaged; the file is kept as it is"),
    damaged: |file, line, fault, also, shown| {
        format!(
            "{file} is damaged at line {line} ({fault}){also}; {shown}; the file is kept as it is"
        )
    },
    also_damaged: |count, lines| format!("; also at line{} {lines}", plural_s(count)),
    shown_after_damage: |following| {
        match following {
        0 => "the lines before it are shown".to_owned(),
        1 => "the lines before it are shown, and the 1 entry after it that checks out by itself, marked as following damage".to_owned(),
        n => format!(
            "the lines before it are shown, and the {n} entries after it that check out by themselves, marked as following damage"
        ),
    }
    },
    damaged_continued: |file, line, next| {
        format!(
            "{file} is kept as it is and not written again, because of its damage at line {line}; this device's log continues in {next}"
        )
    },
    torn_tail: |file, at, bytes| {
        format!(
            "{file} ends with an incomplete line at byte {at} ({bytes} bytes): still being written or synced, or left by a crash; the lines before it are read, and its own device repairs it when it next writes"
        )
    },
    repaired: |file, at, cut, kept_in| {
        format!(
            "{file} ended with an incomplete line at byte {at}, left by a crash; its {cut} bytes were kept in {kept_in} and the log was repaired"
        )
    },
    unclean: |file| {
        format!(
            "the last session on {file} did not end cleanly (a crash or power loss); every saved entry is intact"
        )
    },
    rescue_joined: |from, into| {
        format!(
            "entries were saved in {from} while this folder could not be written; this device's log continues from them in {into}, so the record is whole here again"
        )
    },
    origin_unreadable: |file, origin| {
        format!(
            "{file} continues the log {origin}, which cannot be read here; only the entries after it are shown"
        )
    },
    unwritable: |file, error| {
        format!(
            "{file} cannot be written ({error}); entries are NOT saved until the log continues in another file"
        )
    },
    clock_skew: |device, ahead_of, minutes| {
        format!(
            "the clock of {device} appears at least {minutes} min behind {ahead_of}'s: one of its entries was written after reading one of {ahead_of}'s that claims a later time; times are shown as each device recorded them"
        )
    },
    conflict: |earlier, later, what| {
        format!(
            "{earlier} and {later} both changed {what} without either seeing the other's change; both entries are kept, and {later}'s, the later in the merge, is the one in force"
        )
    },
    conflict_step: |step| format!("step {step}"),
    conflict_level: "the level",
    sync_conflict: |file| {
        format!(
            "{file} is a conflict copy left by a sync engine (two devices changed one file); runbook does not read it: compare it with the log it is named after"
        )
    },
    not_a_file: |file, kind| {
        format!(
            "{file} is {kind} where a regular file should be: runbook neither reads it nor writes through it, and goes on with the other files; find out who put it there, and move it out of the incident folder"
        )
    },
    shared_start: |file, other, lines| {
        format!(
            "{file} and {other} begin with the same {lines} line{} and part after line {lines}: one was copied from the other and changed, or one device's chain was forked; which is the original the files cannot tell: compare the head hashes written down",
            plural_s(usize::try_from(lines).unwrap_or(usize::MAX))
        )
    },
    shared_all: |file, other, lines| {
        format!(
            "{file} and {other} hold the same {lines} line{}: one is a copy of the other; their entries are shown once",
            plural_s(usize::try_from(lines).unwrap_or(usize::MAX))
        )
    },
    shared_origin: |file, other, origin, line| {
        format!(
            "{file} and {other} both continue {origin} after its line {line}: one device's chain was forked; the entries of both are shown"
        )
    },
    foreign_entries: |file, device, named, count, shown| {
        let entries = if count == 1 {
            format!("1 of its entries names another device ({named})")
        } else {
            format!("{count} of its entries name another device (the first, {named})")
        };
        let kept = if shown == 0 {
            "each is in another log too, and the timeline shows it from there".to_owned()
        } else if shown == count {
            "they are kept, and marked in the timeline".to_owned()
        } else {
            format!(
                "they are kept, and the {shown} the timeline shows from this log are marked (the others are in another log too)"
            )
        };
        format!(
            "{file} was opened by the device {device}, but {entries}: a forged log, or another device's entries put in it; {kept}"
        )
    },
    misnamed: |file, device| {
        format!(
            "{file} is named for another device than the one its opening record names ({device}): a log copied or renamed from {device}'s"
        )
    },
    duplicated: |file, kept_in, count| {
        let (n, are) = if count == 1 {
            ("1 entry".to_owned(), "is")
        } else {
            (format!("{count} entries"), "are")
        };
        format!(
            "{n} of {file} {are} also in {kept_in}, the same to the byte: a copied log; each is shown once, from {kept_in}"
        )
    },
    declarations: |count, used, others| {
        format!(
            "the logs hold {count} declarations, and an incident has one: the incident is read under the first in the merge, {used}; not used: {}. A log of another incident, or a forged one, is in this folder",
            others.join("; ")
        )
    },
    declaration: |title, level, at, device, file| {
        format!("{title:?} at level {level}, recorded at {at} on {device} in {file}")
    },
};

const REFUSAL: RefusalWords = RefusalWords {
    closed: "the incident is closed; reopen it first if it needs more work",
    already_open: "the incident is already open",
    unknown_class: |given, known| {
        format!("no fault class {given:?} in the plan; the classes are: {known}")
    },
    unknown_level: |given, known| {
        format!("no level {given:?} in the plan; the levels are: {known}")
    },
    unknown_step: |step| format!("no step {step:?} in this incident's checklist"),
    wrong_kind: |step, kind| format!("step {step:?} is not a {kind} step"),
    kind_record: "record",
    kind_decision: "decision",
    answer_first: |step| {
        format!("step {step:?} is a decision: it is done by its answer, yes or no, not marked done")
    },
    value_first: |step| {
        format!(
            "step {step:?} takes a value: it is done when the value is recorded, not marked done"
        )
    },
    not_a_count: |step, value| format!("step {step:?} takes a whole number, not {value:?}"),
    not_a_choice: |step, value, choices| {
        let list: Vec<String> = choices
            .iter()
            .map(|(id, label)| format!("{label} ({id})"))
            .collect();
        format!(
            "step {step:?} takes one of its choices, not {value:?}: {}",
            list.join(", ")
        )
    },
    unknown_question: |given, known| {
        format!("no assessment question {given:?} for this fault class; the questions are: {known}")
    },
    no_level: "choose a level, or answer yes to at least one assessment question so the plan can suggest one",
    level_reason_missing: |suggested, chosen| {
        format!("the answers suggest level {suggested}; say why level {chosen} is declared instead")
    },
    discovered_later: "the discovery time is later than now; a fault is discovered before it is declared",
    before_discovery: "that time is before the incident was discovered; if it really happened then, confirm it (--before-discovery on the command line, Enter again in the window)",
    unknown_template: |id| format!("no template {id:?} in the plan"),
    no_audience: "a message without a template needs an audience",
    unknown_target: |what, id| format!("no {what} {id:?} in the plan"),
    target_role: "role",
    target_person: "person",
    target_external: "external contact",
    unknown_duty: |id| format!("no reporting duty {id:?} at the levels this incident has held"),
    same_level: |level| format!("the incident is already at level {level}"),
    warning_not_in_force: |level| format!("no warning for level {level} is in force"),
    empty: |field| format!("the {field} cannot be empty"),
    unfilled: |name| {
        format!(
            "the message still has {{{name}}} in it: fill it in or take it out before it is sent"
        )
    },
    unknown_entry: |at, device| format!("no entry recorded at {at} on {device} to correct"),
    not_a_drill: "only a drill names a drill scenario",
    no_alert: |given, standing| {
        if standing.is_empty() {
            format!("no clock is amber or red now, so \"{given}\" has no alert to acknowledge")
        } else {
            format!("\"{given}\" has no alert to acknowledge; amber or red now: {standing}")
        }
    },
    snooze_minutes: |given, max| format!("a snooze lasts 1 to {max} minutes, not {given}"),
    unknown_scenario: |given, known| {
        format!("no drill scenario {given:?} in the plan; its drills are: {known}")
    },
    too_long: |field, bytes, max, in_mib| {
        format!(
            "the {field} is too long: {bytes} bytes, and one entry holds at most {max} bytes{in_mib}; split it into several entries"
        )
    },
    in_mib: |mib| format!(" ({mib} MiB)"),
    clock_wrong: |now, plan_date, ahead| {
        let when = if ahead {
            "decades after"
        } else {
            "long before"
        };
        format!(
            "this computer's clock says {now}, {when} this plan's date ({plan_date}): it cannot be right, and an entry stamped with it would stay out of order for good. Nothing was written. Set the computer's date and time (on Linux: sudo date -s 'YYYY-MM-DD HH:MM'), then do it again"
        )
    },
    undo: UndoWords {
        nothing: "there is no entry of yours on this device to take back",
        stands: |at, device| {
            format!(
                "the entry of {at} on {device} cannot be taken back: a message, a level change, a warning, a handover, a close, a reopening or the review's entries stand; do the opposite (drop an action item, with the reason), or correct it with a note"
            )
        },
        already: |at, device| format!("the entry of {at} on {device} is already taken back"),
        not_yours: |at, device| {
            format!(
                "the entry of {at} on {device} is another operator's or another device's: only who made it takes it back; correct it with a note"
            )
        },
        too_late: |at, device, minutes| {
            format!(
                "the entry of {at} on {device} is more than {minutes} min old and stays: correct it with a note"
            )
        },
    },
    unknown_name: |given| {
        format!("no role, person or external contact in the plan has the id or name {given:?}")
    },
    ambiguous_name: |given, matches| {
        let list: Vec<String> = matches
            .iter()
            .map(|(id, name)| format!("{id} ({name})"))
            .collect();
        format!(
            "{given:?} may mean {}: give one of these ids",
            list.join(", ")
        )
    },
    which_call: |who, calls| {
        let list: Vec<String> = calls
            .iter()
            .map(|(order, name)| format!("{order} {name}"))
            .collect();
        format!(
            "{who} may answer several calls still open ({}): say which one this was for (--for on the command line)",
            list.join("; ")
        )
    },
};

const LOG_ERROR: LogErrorWords = LogErrorWords {
    locked: |path| {
        format!(
            "another runbook is already writing {path}; use that window, or close it first (a second writer could corrupt the log)"
        )
    },
    open: |path, error| {
        format!("cannot open the log {path}: {error}; choose another folder for the log")
    },
    write: |path, error| {
        format!(
            "could not save to {path}: {error}. The entry is kept in memory but is NOT saved; continue the log in another folder"
        )
    },
    failed: |path| {
        format!(
            "the log {path} failed earlier and is no longer written to; continue the log in another folder"
        )
    },
    damaged: |path, line, fault| {
        format!(
            "{path} is damaged at line {line}: {fault}. runbook will not write to it; the log continues in a new file"
        )
    },
    read: |path, error| format!("cannot read the log {path}: {error}"),
    not_a_file: |path, kind| {
        format!(
            "{path} is {kind}, not a regular file: runbook never reads it or writes through it, and nothing was written; move it out of the incident folder, then try again"
        )
    },
    shared_mode: |path, mode| {
        format!(
            "{path} may be read or written by others than its owner (mode {mode}), and a log is kept private: runbook did not write to it, and nothing was written. If it is this device's log, make it private (chmod 600 {path}), then try again"
        )
    },
    shared_links: |path, names| {
        format!(
            "{path} has {names} names (hard links): writing it would write under its other names too, perhaps outside the incident folder; runbook did not write to it, and nothing was written. Remove its other names, then try again"
        )
    },
};

const FAILURE: FailureWords = FailureWords {
    file: |what, path, error| format!("{what} {path}: {error}"),
    plan_copy: |path, first| {
        format!("the plan copy {path} in the incident folder does not load: {first}")
    },
    replay: |dir, why| format!("{dir}: {why}"),
    replay_empty: "the log holds no events: nothing was declared",
    replay_not_declared: "the log does not start with a declaration",
    not_found: |given| format!("no incident {given:?}"),
    ambiguous: |given, matches| {
        format!(
            "{given:?} matches several incidents, and not just one of them is open: {}; give the whole folder name (as `runbook incident list` shows it) or more of it",
            matches.join(", ")
        )
    },
    device_name_clash: |device, taken_by, dir| {
        format!(
            "another computer already writes in {dir} as the device {taken_by:?}, whose log file has the same name as {device:?}'s would; nothing was written. Give this one a name that differs in its letters or digits (--device NAME, or RUNBOOK_DEVICE)"
        )
    },
    device_taken: |device, dir| {
        format!(
            "another computer already writes in {dir} as the device {device:?}; nothing was written. Give this one its own name (--device NAME, or RUNBOOK_DEVICE)"
        )
    },
};

const EVENT: EventWords = EventWords {
    declared: |kind, title, class, level, why| {
        format!("{kind} declared: {title} ({class}), level {level}{why}")
    },
    drill: "drill",
    incident: "incident",
    suggested: |level, reason| format!(" (the answers suggested {level}: {reason})"),
    level_changed: |from, to, reason| format!("level {from} → {to}: {reason}"),
    step_status: |step, status| format!("step {step}: {status}"),
    value_recorded: |step, value| format!("step {step}: recorded {value}"),
    decision: |step, answer, next| format!("step {step}: answered {answer} → {next}"),
    yes: "yes",
    no: "no",
    called: |who, outcome, note| format!("called {who}: {outcome}{note}"),
    call_note: |note| format!(" ({note})"),
    message: |audience, via, first_line| format!("message to {audience}{via}: {first_line}"),
    via: |channel| format!(" by {channel}"),
    correction: |at, text| format!("correction to the entry of {at}: {text}"),
    note: |text| format!("note: {text}"),
    step_note: |step, text| format!("note on step {step}: {text}"),
    warning_issued: |level| format!("warning issued for level {level}"),
    warning_lifted: |level| format!("warning lifted for level {level}"),
    handed_over: |from, to, note| {
        if note.is_empty() {
            format!("command handed over from {from} to {to}")
        } else {
            format!("command handed over from {from} to {to}: {note}")
        }
    },
    duty_done: |duty, note| format!("duty {duty} fulfilled {note}"),
    closed: |summary| format!("closed: {summary}"),
    reopened: |reason| format!("reopened: {reason}"),
    scenario_named: |id, name| {
        if name == id {
            format!("drill scenario: {id}")
        } else {
            format!("drill scenario: {name} ({id})")
        }
    },
    undone: |at| format!("took back the entry of {at}"),
    undone_what: |line, what| format!("{line} ({what})"),
    clock_acknowledged: |what, red, snooze| {
        let stage = if red { "red" } else { "amber" };
        match snooze {
            Some(m) => format!("snoozed the {stage} alert of {what} for {m} min"),
            None => format!("acknowledged the {stage} alert of {what}"),
        }
    },
    status_update: "the status update",
};
