//! The shape of one language's words for incidents: a table per kind of
//! message, a field per thing said.
//!
//! A field is the words for one case, as a fixed text or as a function of
//! the facts the case names, already pulled out of the data and turned into
//! text (a path, a line number, a list of ids): the one match per message
//! in `super` decides which case it is, a table only words it. Grammar that
//! differs between the languages (an English plural, a Chinese measure word,
//! quotation marks, how a list is joined) stays in the table. Every field
//! must be given in both tables, so a case without words in one language
//! does not compile.

/// Every word for incidents in one language.
pub(super) struct Words {
    /// A system error: English says the system's own text, Chinese names
    /// the kinds it knows and gives the text after.
    pub os_error: OsWords,
    pub when: WhenWords,
    pub line_fault: LineFaultWords,
    pub notice: NoticeWords,
    pub refusal: RefusalWords,
    pub field: FieldWords,
    pub log_error: LogErrorWords,
    pub failure: FailureWords,
    pub file_op: FileOpWords,
    pub channel: ChannelWords,
    pub audience: AudienceWords,
    pub event: EventWords,
    pub status: StatusWords,
    pub outcome: OutcomeWords,
    /// How a plan diagnostic is worded (a pinned plan that does not load).
    pub plan: &'static crate::i18n::plan::PlanTr,
    pub file_kind: FileKindWords,
    /// The review's entries and refusals.
    pub follow: FollowWords,
}

/// The review: action items and findings, their entries and refusals.
pub(super) struct FollowWords {
    /// No action item has the number: the numbers there are, or empty.
    pub unknown_item: fn(given: &str, known: &str) -> String,
    /// The item is already done (or, not `done`, dropped).
    pub item_settled: fn(item: &str, done: bool) -> String,
    pub field_item: &'static str,
    pub field_owner: &'static str,
    /// An item added: its label (`A2`, or when it was added), text, owner
    /// and `due` worded by `due`, or empty.
    pub added: fn(item: &str, text: &str, owner: &str, due: &str) -> String,
    pub due: fn(date: &str) -> String,
    /// An item done, with its note (empty when none).
    pub done: fn(item: &str, note: &str) -> String,
    pub dropped: fn(item: &str, reason: &str) -> String,
    /// A review finding: the field's name and the text.
    pub review: fn(field: &str, text: &str) -> String,
    /// Said after an entry recorded while the incident was closed.
    pub after_close: &'static str,
    pub summary: &'static str,
    pub went_well: &'static str,
    pub went_badly: &'static str,
    pub causes: &'static str,
    pub factors: &'static str,
}

/// A system error.
pub(super) struct OsWords {
    /// The words for a kind of error, if the language names it.
    pub kind: fn(std::io::ErrorKind) -> Option<&'static str>,
    /// A kind named, with the system's text.
    pub named: fn(words: &str, detail: &str) -> String,
    /// A kind not named: the system's text.
    pub unnamed: fn(detail: &str) -> String,
}

/// A time typed that is not one.
pub(super) struct WhenWords {
    pub not_a_time: fn(typed: &str) -> String,
    pub not_in_zone: fn(typed: &str) -> String,
    pub in_future: fn(typed: &str) -> String,
    pub too_early: fn(typed: &str) -> String,
}

/// Why a line of a log does not check out.
pub(super) struct LineFaultWords {
    pub no_hash: &'static str,
    pub not_a_record: fn(error: &str) -> String,
    pub hash_not_last: &'static str,
    pub hash_changed: &'static str,
    pub sequence: fn(found: u64, expected: u64) -> String,
    pub chain: &'static str,
}

/// What opening a log found. Paths are given whole, file names alone.
pub(super) struct NoticeWords {
    pub continues_in_rescue: fn(rescue: &str) -> String,
    /// A file said to be damaged with no bad line listed.
    pub damaged_somewhere: fn(file_name: &str) -> String,
    /// The first bad line and why, then `also` and `shown`.
    pub damaged: fn(file_name: &str, line: u64, fault: &str, also: &str, shown: &str) -> String,
    /// The other bad lines: how many, and their numbers.
    pub also_damaged: fn(count: usize, lines: &str) -> String,
    /// What is shown of the file: how many entries after the damage.
    pub shown_after_damage: fn(following: usize) -> String,
    pub damaged_continued: fn(file: &str, line: u64, next: &str) -> String,
    pub torn_tail: fn(file_name: &str, at: u64, bytes: u64) -> String,
    pub repaired: fn(file: &str, at: u64, cut: u64, kept_in: &str) -> String,
    pub unclean: fn(file: &str) -> String,
    pub origin_unreadable: fn(file: &str, origin: &str) -> String,
    pub rescue_joined: fn(from: &str, into: &str) -> String,
    pub unwritable: fn(file: &str, error: &str) -> String,
    pub clock_skew: fn(device: &str, ahead_of: &str, minutes: i64) -> String,
    /// Two devices changed `what` without seeing each other's change.
    pub conflict: fn(earlier: &str, later: &str, what: &str) -> String,
    pub conflict_step: fn(step: &str) -> String,
    pub conflict_level: &'static str,
    pub sync_conflict: fn(file: &str) -> String,
    /// `kind` is worded by `FileKindWords`.
    pub not_a_file: fn(file: &str, kind: &str) -> String,
    /// Two logs begin with the same `lines` lines, and part after them.
    pub shared_start: fn(file: &str, other: &str, lines: u64) -> String,
    /// Two logs hold the same `lines` lines, and no other.
    pub shared_all: fn(file: &str, other: &str, lines: u64) -> String,
    /// Two logs continue `origin` after its line `line`.
    pub shared_origin: fn(file: &str, other: &str, origin: &str, line: u64) -> String,
    /// A log opened by `device` holds `count` entries naming another
    /// (`named`, the first), `shown` of which the timeline shows, marked.
    pub foreign_entries:
        fn(file: &str, device: &str, named: &str, count: usize, shown: usize) -> String,
    /// A log named for another device than its opening record's `device`.
    pub misnamed: fn(file: &str, device: &str) -> String,
    /// `count` entries of `file` are also in `kept_in`, shown from there.
    pub duplicated: fn(file: &str, kept_in: &str, count: usize) -> String,
    /// `count` declarations: the one `used` and the `others`, each worded
    /// by `declaration`.
    pub declarations: fn(count: usize, used: &str, others: &[String]) -> String,
    /// One declaration: its title, level, when (UTC, to the second), on
    /// which device, and the log it is in.
    pub declaration: fn(title: &str, level: &str, at: &str, device: &str, file: &str) -> String,
}

/// Why an action is refused. Lists of ids come joined.
pub(super) struct RefusalWords {
    pub closed: &'static str,
    pub already_open: &'static str,
    pub unknown_class: fn(given: &str, known: &str) -> String,
    pub unknown_level: fn(given: &str, known: &str) -> String,
    pub unknown_step: fn(step: &str) -> String,
    pub wrong_kind: fn(step: &str, kind: &str) -> String,
    pub kind_record: &'static str,
    pub kind_decision: &'static str,
    /// A decision marked done without its answer.
    pub answer_first: fn(step: &str) -> String,
    /// A step that takes a value marked done without it.
    pub value_first: fn(step: &str) -> String,
    pub not_a_count: fn(step: &str, value: &str) -> String,
    /// A value none of the step's choices: each as id and label.
    pub not_a_choice: fn(step: &str, value: &str, choices: &[(String, String)]) -> String,
    pub unknown_question: fn(given: &str, known: &str) -> String,
    pub no_level: &'static str,
    pub level_reason_missing: fn(suggested: &str, chosen: &str) -> String,
    pub discovered_later: &'static str,
    pub before_discovery: &'static str,
    pub unknown_template: fn(id: &str) -> String,
    pub no_audience: &'static str,
    /// No such role, person or external contact (`what`).
    pub unknown_target: fn(what: &str, id: &str) -> String,
    pub target_role: &'static str,
    pub target_person: &'static str,
    pub target_external: &'static str,
    pub unknown_duty: fn(id: &str) -> String,
    pub same_level: fn(level: &str) -> String,
    pub warning_not_in_force: fn(level: &str) -> String,
    pub empty: fn(field: &str) -> String,
    pub unfilled: fn(placeholder: &str) -> String,
    /// `at` is the entry's recorded time in UTC, to the second.
    pub unknown_entry: fn(at: &str, device: &str) -> String,
    pub not_a_drill: &'static str,
    /// No clock of that name is amber or red; the ones that are, if any.
    pub no_alert: fn(given: &str, standing: &str) -> String,
    pub snooze_minutes: fn(given: u32, max: u32) -> String,
    pub unknown_scenario: fn(given: &str, known: &str) -> String,
    /// `in_mib` is the limit in MiB when it is a whole number of them,
    /// worded by `in_mib`, else empty.
    pub too_long: fn(field: &str, bytes: usize, max: usize, in_mib: &str) -> String,
    pub in_mib: fn(mib: usize) -> String,
    /// The clock cannot be right: it says `now`, long before (or, when
    /// `ahead`, decades after) the plan's `plan_date`.
    pub clock_wrong: fn(now: &str, plan_date: &str, ahead: bool) -> String,
    /// Why an entry cannot be taken back.
    pub undo: UndoWords,
    /// Nobody in the plan has this id or name.
    pub unknown_name: fn(given: &str) -> String,
    /// Several have it: `matches` lists them, each `kind:id` and its name.
    pub ambiguous_name: fn(given: &str, matches: &[(String, String)]) -> String,
    /// Someone who answers several calls still open: who, and each call's
    /// place in the tree and name.
    pub which_call: fn(who: &str, calls: &[(String, String)]) -> String,
}

/// Why an entry cannot be taken back: the entry's recorded time (UTC, to
/// the second) and device.
pub(super) struct UndoWords {
    pub nothing: &'static str,
    pub stands: fn(at: &str, device: &str) -> String,
    pub already: fn(at: &str, device: &str) -> String,
    pub not_yours: fn(at: &str, device: &str) -> String,
    /// `minutes` is how long an entry may be taken back.
    pub too_late: fn(at: &str, device: &str, minutes: i64) -> String,
}

/// A field of an action, as a refusal names it.
pub(super) struct FieldWords {
    pub title: &'static str,
    pub reason: &'static str,
    pub value: &'static str,
    pub message: &'static str,
    pub note: &'static str,
    pub commander: &'static str,
    pub summary: &'static str,
}

/// Why the log cannot be written or read. `error` is a system error worded.
pub(super) struct LogErrorWords {
    pub locked: fn(path: &str) -> String,
    pub open: fn(path: &str, error: &str) -> String,
    pub write: fn(path: &str, error: &str) -> String,
    pub failed: fn(path: &str) -> String,
    pub damaged: fn(path: &str, line: u64, fault: &str) -> String,
    pub read: fn(path: &str, error: &str) -> String,
    /// `kind` is worded by `FileKindWords`.
    pub not_a_file: fn(path: &str, kind: &str) -> String,
    /// Others than its owner may read or write it: its mode, as `0644`.
    pub shared_mode: fn(path: &str, mode: &str) -> String,
    /// It has `names` names (hard links).
    pub shared_links: fn(path: &str, names: u64) -> String,
}

/// Why an incident could not be declared, opened or written.
pub(super) struct FailureWords {
    /// What could not be done (`FileOpWords`), to which path, and why.
    pub file: fn(what: &str, path: &str, error: &str) -> String,
    /// `first` is the plan copy's first problem, if it was read.
    pub plan_copy: fn(path: &str, first: &str) -> String,
    pub replay: fn(dir: &str, why: &str) -> String,
    pub replay_empty: &'static str,
    pub replay_not_declared: &'static str,
    pub not_found: fn(given: &str) -> String,
    pub ambiguous: fn(given: &str, matches: &[String]) -> String,
    pub device_taken: fn(device: &str, dir: &str) -> String,
    /// Another device name that gives the same log file name.
    pub device_name_clash: fn(device: &str, taken_by: &str, dir: &str) -> String,
}

/// What was being done with a file when it failed.
pub(super) struct FileOpWords {
    pub create_incidents: &'static str,
    pub create_incident: &'static str,
    pub sync_incidents: &'static str,
    pub create_folder: &'static str,
    pub write_plan_copy: &'static str,
    pub read_plan_copy: &'static str,
    pub close_session: &'static str,
    pub remember_joined: &'static str,
}

/// How a message went out.
pub(super) struct ChannelWords {
    pub sms: &'static str,
    pub app_push: &'static str,
    pub im: &'static str,
    pub email: &'static str,
    pub website: &'static str,
    pub phone: &'static str,
    pub other: &'static str,
}

/// Whom a message is for.
pub(super) struct AudienceWords {
    pub students_parents: &'static str,
    pub teachers: &'static str,
    pub schools: &'static str,
    pub regulator: &'static str,
    pub partners: &'static str,
    pub media: &'static str,
    pub internal: &'static str,
}

/// One line for each event. Names come from the plan where it has them.
pub(super) struct EventWords {
    /// `kind` is `drill` or `incident`; `why` the suggestion overruled, or empty.
    pub declared: fn(kind: &str, title: &str, class: &str, level: &str, why: &str) -> String,
    pub drill: &'static str,
    pub incident: &'static str,
    /// The level the answers suggested, and why another was declared.
    pub suggested: fn(level: &str, reason: &str) -> String,
    pub level_changed: fn(from: &str, to: &str, reason: &str) -> String,
    /// A step's new status, worded by `StatusWords`.
    pub step_status: fn(step: &str, status: &str) -> String,
    pub value_recorded: fn(step: &str, value: &str) -> String,
    pub decision: fn(step: &str, answer: &str, next: &str) -> String,
    pub yes: &'static str,
    pub no: &'static str,
    /// A call: to whom, its outcome (`OutcomeWords`), and `note` worded
    /// by `call_note`, or empty.
    pub called: fn(who: &str, outcome: &str, note: &str) -> String,
    pub call_note: fn(note: &str) -> String,
    /// A message: to whom, `via` worded by `via` or empty, its first line.
    pub message: fn(audience: &str, via: &str, first_line: &str) -> String,
    pub via: fn(channel: &str) -> String,
    /// A correction of the entry recorded at `at`.
    pub correction: fn(at: &str, text: &str) -> String,
    pub note: fn(text: &str) -> String,
    pub step_note: fn(step: &str, text: &str) -> String,
    pub warning_issued: fn(level: &str) -> String,
    pub warning_lifted: fn(level: &str) -> String,
    /// Command handed over, with the briefing note when one was given.
    pub handed_over: fn(from: &str, to: &str, note: &str) -> String,
    /// A duty fulfilled, with its note (the line is trimmed at its end, so
    /// an empty note leaves no space).
    pub duty_done: fn(duty: &str, note: &str) -> String,
    pub closed: fn(summary: &str) -> String,
    pub reopened: fn(reason: &str) -> String,
    /// The drill scenario named: (id, its name in the plan, or the id
    /// again when the plan no longer has it).
    pub scenario_named: fn(id: &str, name: &str) -> String,
    /// An entry taken back: when it was recorded.
    pub undone: fn(at: &str) -> String,
    /// That line, and what the entry taken back said.
    pub undone_what: fn(line: &str, what: &str) -> String,
    /// A clock's alert acknowledged (`snooze` `None`) or snoozed: the
    /// clock, whether it was red (else amber), for how many minutes.
    pub clock_acknowledged: fn(what: &str, red: bool, snooze: Option<u32>) -> String,
    /// The status update's clock, as an acknowledgement names it.
    pub status_update: &'static str,
}

/// A step's status, in an event's line.
pub(super) struct StatusWords {
    pub done: &'static str,
    pub skipped: fn(reason: &str) -> String,
    pub not_applicable: &'static str,
    pub deferred: &'static str,
    pub blocked: fn(reason: &str) -> String,
    pub reopened: &'static str,
}

/// What came of a call.
pub(super) struct OutcomeWords {
    pub reached: &'static str,
    pub no_answer: &'static str,
    pub left_message: &'static str,
    pub wrong_number: &'static str,
}

/// What stands where a regular file should be, as a noun.
pub(super) struct FileKindWords {
    pub symlink: &'static str,
    pub folder: &'static str,
    pub fifo: &'static str,
    pub socket: &'static str,
    pub char_device: &'static str,
    pub block_device: &'static str,
    pub other: &'static str,
}
