//! Words for what the plan reader finds: every [`DiagnosticKind`] as a
//! sentence, the severities, and `runbook check`'s summary lines, in Chinese
//! and English.
//!
//! One shared `match` ([`message`]) takes each kind apart and hands its data
//! to the language's table ([`PlanTr`]), one typed field per sentence: a
//! kind without words in both languages does not compile, and the match is
//! written once. Ids, the file's field names and the parser's own tokens
//! stay as written in both languages; an id is quoted the way the file
//! quotes it (`"dba"`), so it can be searched for.

use std::io::ErrorKind;

use crate::model::ids::{IdProblem, LevelId, MAX_ID_LEN, UnitId};
use crate::model::notice::FileKind;
use crate::model::plan::contacts::UnknownLevel;
use crate::model::plan::doc::{Audience, Target};
use crate::model::plan::kind::{DiagnosticKind as K, IdKind, Late, Responses, Syntax as S, Token};
use crate::model::plan::{Position, Severity, Summary, Wording};

/// The plan reader's words in one language.
#[allow(missing_docs)] // Each field is named after the kind it words.
pub struct PlanTr {
    pub error: &'static str,
    pub warning: &'static str,
    pub note: &'static str,
    /// Between the items of a list of names: `a, b` or `a、b`.
    pub sep: &'static str,
    /// A list of clauses: `a, b and c`.
    pub and: fn(&[String]) -> String,
    // Reading the file.
    pub not_found: &'static str,
    pub permission_denied: &'static str,
    pub folder: &'static str,
    pub cannot_read: fn(&str) -> String,
    /// The size in MiB, and the cap in MiB.
    pub too_large: fn(f64, u64) -> String,
    pub utf16: &'static str,
    pub zero_byte: fn(usize) -> String,
    pub invalid_utf8: fn(u8, usize) -> String,
    pub empty: &'static str,
    // Syntax: (found, outer struct or enum, the list of choices).
    pub unknown_field: fn(&str, Option<&str>, &str) -> String,
    pub missing_field: fn(&str, Option<&str>) -> String,
    pub duplicate_field: fn(&str, Option<&str>) -> String,
    pub unknown_variant: fn(&str, Option<&str>, &str) -> String,
    pub eof: &'static str,
    pub unclosed_string: &'static str,
    pub unclosed_comment: &'static str,
    pub trailing: &'static str,
    pub too_deep: &'static str,
    pub expected_comma: &'static str,
    pub expected_integer: &'static str,
    pub expected_string: &'static str,
    pub expected_boolean: &'static str,
    pub expected_float: &'static str,
    pub expected_char: &'static str,
    pub expected_option: &'static str,
    pub expected_identifier: &'static str,
    pub expected_unit: &'static str,
    /// An opening or closing bracket: `[`, `(`, `{`.
    pub expected_open: fn(char) -> String,
    pub expected_close: fn(char) -> String,
    pub expected_colon: &'static str,
    pub expected_struct: fn(&str) -> String,
    pub wrong_struct_name: fn(&str, &str) -> String,
    pub unexpected_char: fn(char) -> String,
    pub integer_out_of_bounds: &'static str,
    /// ron's words for what was expected and what was found.
    pub invalid_value: fn(&str, &str) -> String,
    pub bad_date: fn(&str) -> String,
    /// Any other parser error, in ron's own words.
    pub other_syntax: fn(&str) -> String,
    // Ids.
    pub id_empty: &'static str,
    pub id_too_long: fn(usize) -> String,
    pub id_bad_start: &'static str,
    pub id_bad_char: fn(char) -> String,
    /// What is wrong with it, and the id.
    pub bad_id: fn(&str, &str) -> String,
    pub nouns: &'static Nouns,
    /// (kind of id, id, the item that has it first, where its id is).
    pub duplicate_id: fn(&str, &str, usize, Option<Position>) -> String,
    /// (person, the roles they hold, quoted and joined, how many, whether
    /// `Person(…)` may be written here).
    pub person_as_role: fn(&str, &str, usize, bool) -> String,
    /// (kind of id, id, what the plan has instead).
    pub unknown_id: fn(&str, &str, &str) -> String,
    /// The ids a namespace has (quoted, joined), and whether there are more.
    pub known_ids: fn(&str, bool) -> String,
    /// The namespace is empty: (kind of id).
    pub none_defined: fn(&str) -> String,
    // Targets of calls and duties.
    pub role_target: fn(&str) -> String,
    pub person_target: fn(&str) -> String,
    pub contact_target: fn(&str) -> String,
    /// A role target and the person holding it.
    pub held_by: fn(&str, &str) -> String,
    // The organisation.
    pub format_version: fn(u32, u32) -> String,
    pub no_title: &'static str,
    pub no_units: &'static str,
    /// The units of the cycle, joined with arrows.
    pub unit_cycle: fn(&str) -> String,
    pub no_top_unit: &'static str,
    pub no_roles: &'static str,
    pub role_without_name: &'static str,
    pub deputy_is_holder: fn(&str) -> String,
    pub deputy_twice: fn(&str) -> String,
    pub no_deputy: fn(&str) -> String,
    pub no_duties: fn(&str) -> String,
    /// (name, id).
    pub no_phone: fn(&str, &str) -> String,
    pub no_way_to_reach: fn(&str, &str) -> String,
    // Levels and classes.
    pub second_warning: fn(&str) -> String,
    pub no_levels: &'static str,
    /// (the level listed late, the level it follows).
    pub levels_out_of_order: fn(&str, &str) -> String,
    pub level_count: fn(usize) -> String,
    pub no_criteria: fn(&str) -> String,
    pub no_call_tree: fn(&str) -> String,
    pub no_classes: &'static str,
    pub no_assessment: fn(&str) -> String,
    pub no_procedure: fn(&str) -> String,
    pub second_procedure: fn(&str) -> String,
    pub empty_procedure: fn(&str) -> String,
    // Call trees.
    pub second_call_tree: fn(&str) -> String,
    pub no_calls: &'static str,
    /// (level, the calls joined with arrows).
    pub call_loop: fn(&str, &str) -> String,
    // Steps.
    pub no_phases: &'static str,
    /// (the phase it is listed under, the phase it names).
    pub common_step_phase: fn(&str, &str) -> String,
    /// Whether the file writes optional values on their own.
    pub step_without_phase: fn(bool) -> String,
    pub step_without_text: &'static str,
    /// (the class whose procedure lists the step).
    pub classes_on_class_step: fn(&str) -> String,
    pub classes_and_except: &'static str,
    pub step_in_no_response: &'static str,
    /// (the branch's field, the step).
    pub branch_to_nowhere: fn(&str, &str) -> String,
    pub branch_back: fn(&str, &str) -> String,
    /// (the branch's field, the step, the class).
    pub branch_outside: fn(&str, &str, &str) -> String,
    /// (step, class).
    pub step_unreachable: fn(&str, &str) -> String,
    pub inform_without_contacts: &'static str,
    pub bad_record_key: fn(&str) -> String,
    pub record_without_label: &'static str,
    /// A condition on a step's choice, at a step without choices.
    pub condition_needs_choices: fn(&str) -> String,
    /// A condition on a decision's answer, at a step that is no decision.
    pub condition_needs_decision: fn(&str) -> String,
    // Templates.
    /// (name, the names available, each in braces).
    pub unknown_placeholder: fn(&str, &str) -> String,
    pub unclosed_brace: &'static str,
    pub unopened_brace: &'static str,
    pub bad_placeholder: fn(&str) -> String,
    // Drills and time limits.
    pub measured_by_unknown_step: fn(&str) -> String,
    pub measured_by_unknown_duty: fn(&str) -> String,
    pub not_positive: fn(i64) -> String,
    pub over_a_year: fn(i64) -> String,
    // Whether the plan can be carried out.
    /// (step, deadline, role, how late at each level, joined).
    pub owner_late: fn(&str, i64, &str, &str) -> String,
    /// (level, minutes).
    pub late_called_at: fn(&str, i64) -> String,
    pub late_no_limit: fn(&str) -> String,
    pub late_not_called: fn(&str) -> String,
    /// (step, template, placeholder, in which responses).
    pub placeholder_unfilled: fn(&str, &str, &str, &str) -> String,
    pub in_every_response: &'static str,
    /// The classes, quoted and joined.
    pub in_responses_of: fn(&str) -> String,
    /// (template, placeholder).
    pub placeholder_never_recorded: fn(&str, &str) -> String,
    /// (step, phase, minutes).
    pub closing_step_timed: fn(&str, &str, i64) -> String,
    pub legal_limit_from_declaration: fn(&str) -> String,
    /// (who, milder level, severe level).
    pub not_called_at_severe: fn(&str, &str, &str) -> String,
    /// (who, the severe level's limit or none, severe level, the milder
    /// level's limit, milder level).
    pub called_later: fn(&str, Option<i64>, &str, i64, &str) -> String,
    // The order a response runs in.
    /// Some levels, quoted and joined, and how many: `level "IV"`.
    pub levels: fn(&str, usize) -> String,
    /// Some steps, quoted and joined, and how many: `steps "a" and "b"`.
    pub steps: fn(&str, usize) -> String,
    /// A step and its deadline, in a list: (step, minutes).
    pub due_at: fn(&str, i64) -> String,
    /// (step, deadline, the steps due later before it, in which responses).
    pub deadline_order: fn(&str, i64, &str, &str) -> String,
    /// (step, role, paging step, who is on duty, in which responses).
    pub before_paging: fn(&str, &str, &str, &str, &str) -> String,
    /// (role, its steps, the levels).
    pub owner_never_called: fn(&str, &str, &str) -> String,
    /// (step, template, placeholder, the levels).
    pub placeholder_unfilled_at: fn(&str, &str, &str, &str) -> String,
    /// `{next_update}` at levels without a cadence: (step, template, the levels).
    pub next_update_without_cadence: fn(&str, &str, &str) -> String,
    /// (step, deadline, role, the levels).
    pub no_slack: fn(&str, i64, &str, &str) -> String,
    /// (the decision, the branch's field, the step it goes to, the steps skipped).
    pub branch_skips_phase: fn(&str, &str, &str, &str) -> String,
    /// (step, template, placeholder, the steps recording it, decision, branch).
    pub recorded_on_one_branch: fn(&str, &str, &str, &str, &str, &str) -> String,
    /// (level, who, within, the caller, the caller's limit or none).
    pub call_before_caller: fn(&str, &str, i64, &str, Option<i64>) -> String,
    /// (role, deputy, the levels).
    pub reached_through_root: fn(&str, &str, &str) -> String,
    /// Who a template is for.
    pub audience: fn(Audience) -> &'static str,
    /// (class, its step, the template it sends).
    pub own_message: fn(&str, &str, &str) -> String,
    /// (step, template, audience, the classes' own messages).
    pub shared_step_misfit: fn(&str, &str, &str, &str) -> String,
    // `runbook check` and `runbook show`.
    pub summary: fn(&Summary) -> String,
    /// (file, summary).
    pub check_ok: fn(&str, &str) -> String,
    /// (file, warnings, notes, summary).
    pub check_ok_warnings: fn(&str, usize, usize, &str) -> String,
    /// (file, errors, warnings).
    pub check_failed: fn(&str, usize, usize) -> String,
    /// Warnings under `--strict`, which fail: (file, warnings, notes).
    pub check_failed_strict: fn(&str, usize, usize) -> String,
    /// (level as typed, the plan's levels joined).
    pub unknown_level: fn(&str, &str) -> String,
    /// Reading the file: what stands there instead of a file.
    pub not_a_file: fn(FileKind) -> String,
}

/// What each kind of id is called.
#[allow(missing_docs)] // One field per [`IdKind`].
pub struct Nouns {
    pub unit: &'static str,
    pub role: &'static str,
    pub person: &'static str,
    pub external: &'static str,
    pub phase: &'static str,
    pub template: &'static str,
    pub class: &'static str,
    pub question: &'static str,
    pub level: &'static str,
    pub duty: &'static str,
    pub step: &'static str,
    pub text: &'static str,
    pub signal: &'static str,
    pub supply: &'static str,
    pub drill: &'static str,
    pub training: &'static str,
    pub evacuation: &'static str,
    pub choice: &'static str,
}

impl Wording for PlanTr {
    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Note => self.note,
        }
    }

    fn message(&self, kind: &K) -> String {
        message(kind, self)
    }
}

fn q(s: &str) -> String {
    format!("{s:?}")
}

fn quoted<T: AsRef<str>>(items: &[T], t: &PlanTr) -> String {
    items
        .iter()
        .map(|s| q(s.as_ref()))
        .collect::<Vec<_>>()
        .join(t.sep)
}

/// A call target, as the file names it: its kind and quoted id.
#[must_use]
pub fn target(to: &Target, t: &PlanTr) -> String {
    match to {
        Target::Role(id) => (t.role_target)(&q(id.as_str())),
        Target::Person(id) => (t.person_target)(&q(id.as_str())),
        Target::External(id) => (t.contact_target)(&q(id.as_str())),
    }
}

/// A call target, a role with the person who holds it.
fn called(to: &Target, holder: &str, t: &PlanTr) -> String {
    match to {
        Target::Role(_) => (t.held_by)(&target(to, t), &q(holder)),
        _ => target(to, t),
    }
}

/// What a kind of id is called.
#[must_use]
pub fn noun(kind: IdKind, n: &Nouns) -> &'static str {
    match kind {
        IdKind::Unit => n.unit,
        IdKind::Role => n.role,
        IdKind::Person => n.person,
        IdKind::External => n.external,
        IdKind::Phase => n.phase,
        IdKind::Template => n.template,
        IdKind::Class => n.class,
        IdKind::Question => n.question,
        IdKind::Level => n.level,
        IdKind::Duty => n.duty,
        IdKind::Step => n.step,
        IdKind::Text => n.text,
        IdKind::Signal => n.signal,
        IdKind::Supply => n.supply,
        IdKind::Drill => n.drill,
        IdKind::Training => n.training,
        IdKind::Evacuation => n.evacuation,
        IdKind::Choice => n.choice,
    }
}

fn id_problem(p: IdProblem, t: &PlanTr) -> String {
    match p {
        IdProblem::Empty => t.id_empty.to_owned(),
        IdProblem::TooLong => (t.id_too_long)(MAX_ID_LEN),
        IdProblem::BadStart => t.id_bad_start.to_owned(),
        IdProblem::BadChar(c) => (t.id_bad_char)(c),
    }
}

/// What a diagnostic says, in the words of `t`.
#[must_use]
#[allow(clippy::too_many_lines)] // One arm per kind: the one place they are all worded.
pub fn message(kind: &K, t: &PlanTr) -> String {
    let s = |id: &str| q(id);
    match kind {
        K::CannotRead(e) => match e.kind {
            ErrorKind::NotFound => t.not_found.to_owned(),
            ErrorKind::PermissionDenied => t.permission_denied.to_owned(),
            ErrorKind::IsADirectory => t.folder.to_owned(),
            _ => (t.cannot_read)(&e.detail),
        },
        K::Folder => t.folder.to_owned(),
        K::TooLarge { bytes, max_bytes } => {
            const MIB: u64 = 1024 * 1024;
            #[allow(clippy::cast_precision_loss)] // Only shown, rounded, to a person.
            let mib = *bytes as f64 / MIB as f64;
            (t.too_large)(mib, max_bytes / MIB)
        }
        K::Utf16 => t.utf16.to_owned(),
        K::ZeroByte { offset } => (t.zero_byte)(*offset),
        K::InvalidUtf8 { byte, offset } => (t.invalid_utf8)(*byte, *offset),
        K::Empty => t.empty.to_owned(),
        K::Syntax(e) => syntax(e, t),
        K::FormatVersion { found, supported } => (t.format_version)(*found, *supported),
        K::NoTitle => t.no_title.to_owned(),
        K::BadId { id, problem } => (t.bad_id)(&id_problem(*problem, t), &s(id)),
        K::DuplicateId {
            what,
            id,
            first_item,
            first_at,
        } => (t.duplicate_id)(noun(*what, t.nouns), &s(id), *first_item, *first_at),
        K::PersonAsRole {
            person,
            holds,
            target,
        } => (t.person_as_role)(
            &s(person.as_str()),
            &(t.and)(&holds.iter().map(|r| s(r.as_str())).collect::<Vec<_>>()),
            holds.len(),
            *target,
        ),
        K::UnknownId {
            what,
            id,
            known,
            more,
        } => {
            let what = noun(*what, t.nouns);
            let known = if known.is_empty() {
                (t.none_defined)(what)
            } else {
                (t.known_ids)(&quoted(known, t), *more)
            };
            (t.unknown_id)(what, &s(id), &known)
        }
        K::NoUnits => t.no_units.to_owned(),
        K::UnitCycle { chain } => {
            let chain: Vec<&str> = chain.iter().map(UnitId::as_str).collect();
            (t.unit_cycle)(&chain.join(" → "))
        }
        K::NoTopUnit => t.no_top_unit.to_owned(),
        K::NoRoles => t.no_roles.to_owned(),
        K::RoleWithoutName => t.role_without_name.to_owned(),
        K::DeputyIsHolder { person } => (t.deputy_is_holder)(&s(person.as_str())),
        K::DeputyTwice { person } => (t.deputy_twice)(&s(person.as_str())),
        K::NoDeputy { role } => (t.no_deputy)(&s(role.as_str())),
        K::NoDuties { role } => (t.no_duties)(&s(role.as_str())),
        K::NoPhone { name, person } => (t.no_phone)(name, &s(person.as_str())),
        K::NoWayToReach { name, contact } => (t.no_way_to_reach)(name, &s(contact.as_str())),
        K::SecondWarning { level } => (t.second_warning)(&s(level.as_str())),
        K::NoLevels => t.no_levels.to_owned(),
        K::LevelsOutOfOrder { level, after } => {
            (t.levels_out_of_order)(&s(level.as_str()), &s(after.as_str()))
        }
        K::LevelCount { count } => (t.level_count)(*count),
        K::NoCriteria { level } => (t.no_criteria)(&s(level.as_str())),
        K::NoCallTree { level } => (t.no_call_tree)(&s(level.as_str())),
        K::NoClasses => t.no_classes.to_owned(),
        K::NoAssessment { class } => (t.no_assessment)(&s(class.as_str())),
        K::NoProcedure { class } => (t.no_procedure)(&s(class.as_str())),
        K::SecondProcedure { class } => (t.second_procedure)(&s(class.as_str())),
        K::EmptyProcedure { class } => (t.empty_procedure)(&s(class.as_str())),
        K::SecondCallTree { level } => (t.second_call_tree)(&s(level.as_str())),
        K::NoCalls => t.no_calls.to_owned(),
        K::CallLoop { level, chain } => {
            let chain: Vec<String> = chain.iter().map(|to| target(to, t)).collect();
            (t.call_loop)(&s(level.as_str()), &chain.join(" → "))
        }
        K::NoPhases => t.no_phases.to_owned(),
        K::CommonStepPhase { listed, named } => {
            (t.common_step_phase)(&s(listed.as_str()), &s(named.as_str()))
        }
        K::StepWithoutPhase { implicit_some } => (t.step_without_phase)(*implicit_some),
        K::StepWithoutText => t.step_without_text.to_owned(),
        K::ClassesOnClassStep { class } => (t.classes_on_class_step)(&s(class.as_str())),
        K::ClassesAndExcept => t.classes_and_except.to_owned(),
        K::StepInNoResponse => t.step_in_no_response.to_owned(),
        K::BranchToNowhere { branch, step } => {
            (t.branch_to_nowhere)(branch.field(), &s(step.as_str()))
        }
        K::BranchBack { branch, step } => (t.branch_back)(branch.field(), &s(step.as_str())),
        K::BranchOutside {
            branch,
            step,
            class,
        } => (t.branch_outside)(branch.field(), &s(step.as_str()), &s(class.as_str())),
        K::StepUnreachable { step, class } => {
            (t.step_unreachable)(&s(step.as_str()), &s(class.as_str()))
        }
        K::InformWithoutContacts => t.inform_without_contacts.to_owned(),
        K::BadRecordKey { key } => (t.bad_record_key)(&s(key)),
        K::RecordWithoutLabel => t.record_without_label.to_owned(),
        K::ConditionNeedsChoices { step } => (t.condition_needs_choices)(step.as_str()),
        K::ConditionNeedsDecision { step } => (t.condition_needs_decision)(step.as_str()),
        K::UnknownPlaceholder { name, available } => {
            let available: Vec<String> = available.iter().map(|a| format!("{{{a}}}")).collect();
            (t.unknown_placeholder)(name, &available.join(" "))
        }
        K::UnclosedBrace => t.unclosed_brace.to_owned(),
        K::UnopenedBrace => t.unopened_brace.to_owned(),
        K::BadPlaceholder { text } => (t.bad_placeholder)(text),
        K::MeasuredByUnknownStep { step } => (t.measured_by_unknown_step)(&s(step.as_str())),
        K::MeasuredByUnknownDuty { duty } => (t.measured_by_unknown_duty)(&s(duty.as_str())),
        K::NotPositive { minutes } => (t.not_positive)(*minutes),
        K::OverAYear { minutes } => (t.over_a_year)(*minutes),
        K::OwnerLate {
            step,
            deadline,
            role,
            levels,
        } => {
            let late: Vec<String> = levels
                .iter()
                .map(|(level, how)| {
                    let level = s(level.as_str());
                    match how {
                        Late::CalledAt(m) => (t.late_called_at)(&level, *m),
                        Late::NoLimit => (t.late_no_limit)(&level),
                        Late::NotCalled => (t.late_not_called)(&level),
                    }
                })
                .collect();
            (t.owner_late)(
                &s(step.as_str()),
                *deadline,
                &s(role.as_str()),
                &(t.and)(&late),
            )
        }
        K::PlaceholderUnfilled {
            step,
            template,
            name,
            responses,
        } => (t.placeholder_unfilled)(
            &s(step.as_str()),
            &s(template.as_str()),
            name,
            &in_responses(responses, t),
        ),
        K::PlaceholderNeverRecorded { template, name } => {
            (t.placeholder_never_recorded)(&s(template.as_str()), name)
        }
        K::ClosingStepTimed {
            step,
            phase,
            minutes,
        } => (t.closing_step_timed)(&s(step.as_str()), &s(phase.as_str()), *minutes),
        K::LegalLimitFromDeclaration { duty } => {
            (t.legal_limit_from_declaration)(&s(duty.as_str()))
        }
        K::NotCalledAtSevere {
            to,
            holder,
            milder,
            severe,
        } => (t.not_called_at_severe)(
            &called(to, holder.as_str(), t),
            &s(milder.as_str()),
            &s(severe.as_str()),
        ),
        K::CalledLater {
            to,
            holder,
            within,
            severe,
            then,
            milder,
        } => (t.called_later)(
            &called(to, holder.as_str(), t),
            *within,
            &s(severe.as_str()),
            *then,
            &s(milder.as_str()),
        ),
        K::DeadlineOrder {
            step,
            deadline,
            after,
            responses,
        } => {
            let after: Vec<String> = after
                .iter()
                .map(|(step, m)| (t.due_at)(&s(step.as_str()), *m))
                .collect();
            (t.deadline_order)(
                &s(step.as_str()),
                *deadline,
                &(t.and)(&after),
                &in_responses(responses, t),
            )
        }
        K::BeforePaging {
            step,
            role,
            paging,
            on_duty,
            responses,
        } => {
            let on_duty: Vec<String> = on_duty.iter().map(|to| target(to, t)).collect();
            (t.before_paging)(
                &s(step.as_str()),
                &s(role.as_str()),
                &s(paging.as_str()),
                &(t.and)(&on_duty),
                &in_responses(responses, t),
            )
        }
        K::OwnerNeverCalled {
            role,
            steps,
            levels,
        } => (t.owner_never_called)(
            &s(role.as_str()),
            &steps_list(steps, t),
            &levels_list(levels, t),
        ),
        K::PlaceholderUnfilledAt {
            step,
            template,
            name,
            levels,
        } => {
            let levels = levels_list(levels, t);
            if name == "next_update" {
                (t.next_update_without_cadence)(&s(step.as_str()), &s(template.as_str()), &levels)
            } else {
                (t.placeholder_unfilled_at)(&s(step.as_str()), &s(template.as_str()), name, &levels)
            }
        }
        K::NoSlack {
            step,
            deadline,
            role,
            levels,
        } => (t.no_slack)(
            &s(step.as_str()),
            *deadline,
            &s(role.as_str()),
            &levels_list(levels, t),
        ),
        K::BranchSkipsPhase {
            step,
            branch,
            to,
            skipped,
        } => (t.branch_skips_phase)(
            &s(step.as_str()),
            branch.field(),
            &s(to.as_str()),
            &steps_list(skipped, t),
        ),
        K::RecordedOnOneBranch {
            step,
            template,
            name,
            recorded_by,
            decision,
            branch,
        } => (t.recorded_on_one_branch)(
            &s(step.as_str()),
            &s(template.as_str()),
            name,
            &steps_list(recorded_by, t),
            &s(decision.as_str()),
            branch.field(),
        ),
        K::CallBeforeCaller {
            level,
            to,
            within,
            caller,
            caller_within,
        } => (t.call_before_caller)(
            &s(level.as_str()),
            &target(to, t),
            *within,
            &target(caller, t),
            *caller_within,
        ),
        K::ReachedThroughRoot {
            role,
            deputy,
            levels,
        } => (t.reached_through_root)(
            &s(role.as_str()),
            &s(deputy.as_str()),
            &levels_list(levels, t),
        ),
        K::SharedStepMisfit {
            step,
            template,
            audience,
            own,
        } => {
            let own: Vec<String> = own
                .iter()
                .map(|(c, st, tp)| {
                    (t.own_message)(&s(c.as_str()), &s(st.as_str()), &s(tp.as_str()))
                })
                .collect();
            (t.shared_step_misfit)(
                &s(step.as_str()),
                &s(template.as_str()),
                (t.audience)(*audience),
                &(t.and)(&own),
            )
        }
        K::NotAFile(kind) => (t.not_a_file)(*kind),
    }
}

/// In which responses, as the sentence ends.
fn in_responses(responses: &Responses, t: &PlanTr) -> String {
    match responses {
        Responses::Every => t.in_every_response.to_owned(),
        Responses::Of(classes) => {
            let classes: Vec<String> = classes.iter().map(|c| q(c.as_str())).collect();
            (t.in_responses_of)(&(t.and)(&classes))
        }
    }
}

/// Levels, quoted, joined and counted.
fn levels_list(levels: &[LevelId], t: &PlanTr) -> String {
    let quoted: Vec<String> = levels.iter().map(|l| q(l.as_str())).collect();
    (t.levels)(&(t.and)(&quoted), levels.len())
}

/// Steps, quoted, joined and counted.
fn steps_list(steps: &[crate::model::ids::StepId], t: &PlanTr) -> String {
    let quoted: Vec<String> = steps.iter().map(|x| q(x.as_str())).collect();
    (t.steps)(&(t.and)(&quoted), steps.len())
}

fn syntax(e: &S, t: &PlanTr) -> String {
    match e {
        S::UnknownField {
            found,
            outer,
            expected,
        } => (t.unknown_field)(found, outer.as_deref(), &expected.join(t.sep)),
        S::MissingField { field, outer } => (t.missing_field)(field, outer.as_deref()),
        S::DuplicateField { field, outer } => (t.duplicate_field)(field, outer.as_deref()),
        S::UnknownVariant {
            found,
            outer,
            expected,
        } => (t.unknown_variant)(found, outer.as_deref(), &expected.join(t.sep)),
        S::Eof => t.eof.to_owned(),
        S::UnclosedString => t.unclosed_string.to_owned(),
        S::UnclosedComment => t.unclosed_comment.to_owned(),
        S::TrailingCharacters => t.trailing.to_owned(),
        S::TooDeep => t.too_deep.to_owned(),
        S::Expected(token) => match token {
            Token::Comma => t.expected_comma.to_owned(),
            Token::Integer => t.expected_integer.to_owned(),
            Token::String => t.expected_string.to_owned(),
            Token::Boolean => t.expected_boolean.to_owned(),
            Token::Float => t.expected_float.to_owned(),
            Token::Char => t.expected_char.to_owned(),
            Token::Option => t.expected_option.to_owned(),
            Token::Identifier => t.expected_identifier.to_owned(),
            Token::Unit => t.expected_unit.to_owned(),
            Token::OpenBracket => (t.expected_open)('['),
            Token::CloseBracket => (t.expected_close)(']'),
            Token::OpenParen => (t.expected_open)('('),
            Token::CloseParen => (t.expected_close)(')'),
            Token::OpenBrace => (t.expected_open)('{'),
            Token::CloseBrace => (t.expected_close)('}'),
            Token::Colon => t.expected_colon.to_owned(),
        },
        S::ExpectedStruct { name } => (t.expected_struct)(name),
        S::WrongStructName { expected, found } => (t.wrong_struct_name)(expected, found),
        S::UnexpectedChar(c) => (t.unexpected_char)(*c),
        S::IntegerOutOfBounds => t.integer_out_of_bounds.to_owned(),
        S::InvalidValue { expected, found } => (t.invalid_value)(expected, found),
        S::BadDate { text } => (t.bad_date)(text),
        S::Other(text) => (t.other_syntax)(text),
    }
}

/// A level that is not in the plan, as `runbook show contacts --level` says it.
#[must_use]
pub fn unknown_level(e: &UnknownLevel, t: &PlanTr) -> String {
    let known: Vec<&str> = e.known.iter().map(LevelId::as_str).collect();
    (t.unknown_level)(&e.given, &known.join(t.sep))
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The English plural of a kind of id.
fn plural(noun: &str) -> String {
    if noun.ends_with('s') {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// 简体中文.
pub const ZH: PlanTr = PlanTr {
    error: "错误",
    warning: "警告",
    note: "提示",
    sep: "、",
    and: |items| match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}和{last}", init.join("、")),
    },
    not_found: "文件不存在，请检查路径",
    permission_denied: "没有权限读取这个文件",
    folder: "这是一个文件夹，不是预案文件",
    cannot_read: |detail| format!("无法读取该文件：{detail}"),
    too_large: |mib, max| {
        format!("文件大小为 {mib:.1} MiB，超过了预案文件 {max} MiB 的上限；是不是选错了文件？")
    },
    utf16: "不是 UTF-8 文本：该文件是 UTF-16 编码（以 UTF-16 字节顺序标记开头）；请另存为 UTF-8 后重试",
    zero_byte: |offset| {
        format!(
            "不是 UTF-8 文本：字节偏移 {offset} 处有一个零字节，该文件像是 UTF-16 编码或二进制文件。请另存为 UTF-8 后重试"
        )
    },
    invalid_utf8: |byte, offset| {
        format!(
            "不是 UTF-8 文本：字节偏移 {offset} 处的字节 0x{byte:02X} 不是有效的 UTF-8；请将文件另存为 UTF-8 后重试"
        )
    },
    empty: "文件是空的：预案以 `Plan(` 开头（可参考 plans/minimal.ron）",
    unknown_field: |found, outer, fields| match outer {
        Some(outer) => format!("{outer} 中没有字段 `{found}`；此处可用的字段有：{fields}"),
        None => format!("没有字段 `{found}`；此处可用的字段有：{fields}"),
    },
    missing_field: |field, outer| match outer {
        Some(outer) => format!("{outer} 缺少字段 `{field}`"),
        None => format!("缺少字段 `{field}`"),
    },
    duplicate_field: |field, outer| match outer {
        Some(outer) => format!("{outer} 中的字段 `{field}` 写了两次"),
        None => format!("字段 `{field}` 写了两次"),
    },
    unknown_variant: |found, outer, choices| match outer {
        Some(outer) => format!("`{found}` 不是 {outer} 的可选值，可选的有：{choices}"),
        None => format!("`{found}` 不是可选值，可选的有：{choices}"),
    },
    eof: "文件提前结束了：有括号或字符串没有闭合",
    unclosed_string: "字符串没有闭合：请补上结尾的 `\"`",
    unclosed_comment: "`/*` 注释没有用 `*/` 结束",
    trailing: "预案结束之后还有多余的内容",
    too_deep: "预案嵌套层数过深（超过 128 层）；请减少呼叫树的层级",
    expected_comma: "各项之间应有逗号 `,`（也可能是此前有字符串没有闭合）",
    expected_integer: "此处应为整数",
    expected_string: "此处应为双引号括起来的文字",
    expected_boolean: "此处应为 true 或 false",
    expected_float: "此处应为数字",
    expected_char: "此处应为单引号括起来的字符",
    expected_option: "此处应为可选值，写作 Some(…) 或 None：文件第一行没有 `#![enable(implicit_some)]`，可选值要写成 `Some(15)` 而不是 `15`；请照此书写，或在文件第一行加上这一行",
    expected_identifier: "此处应为名称",
    expected_unit: "此处应为 ()",
    expected_open: |c| format!("此处应为左括号 `{c}`"),
    expected_close: |c| format!("缺少右括号 `{c}`"),
    expected_colon: "此处应为冒号 `:`",
    expected_struct: |name| format!("`{name}` 之后应为左括号 `(`"),
    wrong_struct_name: |expected, found| format!("此处应为 `{expected}`，写的却是 `{found}`"),
    unexpected_char: |c| format!("此处不应出现字符 {c:?}"),
    integer_out_of_bounds: "数字超出了允许的范围",
    invalid_value: |expected, found| format!("此处应为 {expected}，实际为 {found}"),
    bad_date: |text| format!("{text:?} 不是有效的日期；日期请写成 YYYY-MM-DD，例如 \"2026-09-01\""),
    other_syntax: |text| format!("RON 解析出错：{text}"),
    id_empty: "id 不能为空",
    id_too_long: |n| format!("id 最多只能有 {n} 个字符"),
    id_bad_start: "id 必须以 ASCII 字母或数字开头",
    id_bad_char: |c| format!("id 只能包含 ASCII 字母、数字以及 '-'、'_'、'.'，不能包含 {c:?}"),
    bad_id: |problem, id| format!("{problem}（实际为 {id}）"),
    nouns: &Nouns {
        unit: "单位",
        role: "岗位",
        person: "人员",
        external: "外部联系人",
        phase: "阶段",
        template: "模板",
        class: "故障分类",
        question: "评估问题",
        level: "等级",
        duty: "报告义务",
        step: "步骤",
        text: "章节",
        signal: "监测信号",
        supply: "应急物资",
        drill: "演练",
        training: "培训",
        evacuation: "疏散方案",
        choice: "选项",
    },
    duplicate_id: |what, id, first, at| match at {
        Some(at) => format!(
            "{what} id {id} 重复：第 {line} 行第 {col} 列（第 {first} 项）已经用了这个 id；id 必须唯一",
            line = at.line,
            col = at.col
        ),
        None => format!("{what} id {id} 重复：第 {first} 项已经用了这个 id；id 必须唯一"),
    },
    person_as_role: |person, holds, n, target| {
        let holds = if n == 0 {
            "不担任任何岗位".to_owned()
        } else {
            format!("担任岗位 {holds}")
        };
        let or = if target {
            format!("；要呼叫这个人本人，请写 `Person({person})`")
        } else {
            String::new()
        };
        format!("{person} 是人员，不是岗位（{holds}）：这里要写岗位 id{or}")
    },
    unknown_id: |what, id, known| format!("找不到{what} {id}（{known}）"),
    known_ids: |ids, more| format!("已有：{ids}{}", if more { "、…" } else { "" }),
    none_defined: |what| format!("预案中没有定义任何{what}"),
    role_target: |id| format!("岗位 {id}"),
    person_target: |id| format!("人员 {id}"),
    contact_target: |id| format!("外部联系人 {id}"),
    held_by: |role, person| format!("{role}（负责人 {person}）"),
    format_version: |found, supported| {
        format!("该预案的格式版本为 {found}，而此版本的 runbook 只能读取格式版本 {supported}")
    },
    no_title: "预案没有标题",
    no_units: "预案中没有任何单位：至少要有应急指挥部",
    unit_cycle: |chain| format!("单位的上下级关系形成了循环：{chain}"),
    no_top_unit: "没有最高一级的单位：必须有一个单位不写 parent",
    no_roles: "预案中没有任何岗位：至少要有总指挥",
    role_without_name: "该岗位没有名称",
    deputy_is_holder: |p| format!("{p} 既是该岗位的负责人，又被列为替补"),
    deputy_twice: |p| format!("{p} 被重复列为替补"),
    no_deputy: |r| format!("岗位 {r} 没有替补：负责人联系不上时无人顶替"),
    no_duties: |r| format!("岗位 {r} 没有列出职责"),
    no_phone: |name, id| format!("{name}（{id}）没有电话号码：请补充手机或办公电话"),
    no_way_to_reach: |name, id| format!("{name}（{id}）没有任何联系方式"),
    second_warning: |l| format!("等级 {l} 已有一个预警，这里又写了一个"),
    no_levels: "预案中没有响应等级：请按从重到轻的顺序添加 I 至 IV 级",
    levels_out_of_order: |level, after| {
        format!(
            "响应等级按从重到轻排列，{level} 不能排在 {after} 之后：请按 I、II、III、IV 的顺序排列"
        )
    },
    level_count: |n| {
        format!(
            "预案写明采用国家四级响应分级（`level_scheme: National`，Ⅰ级红色至Ⅳ级蓝色），却有 {n} 个响应等级：请按四级设置，或去掉 `level_scheme`，按本单位自己的分级"
        )
    },
    no_criteria: |l| format!("等级 {l} 没有判定标准"),
    no_call_tree: |l| format!("等级 {l} 没有呼叫树：请在 call_trees 下添加"),
    no_classes: "预案中没有故障分类",
    no_assessment: |c| format!("故障分类 {c} 没有用来建议响应等级的评估问题"),
    no_procedure: |c| format!("故障分类 {c} 没有处置流程：请在 procedures 下添加"),
    second_procedure: |c| format!("故障分类 {c} 有第二个处置流程：请合并为一个"),
    empty_procedure: |c| format!("{c} 的处置流程没有任何步骤"),
    second_call_tree: |l| format!("等级 {l} 有第二棵呼叫树"),
    no_calls: "该呼叫树没有任何呼叫",
    call_loop: |l, chain| format!("等级 {l} 的呼叫树绕回了上一级：{chain}"),
    no_phases: "预案中没有响应阶段：请添加 assess、inform、contain、communicate、recover、close",
    common_step_phase: |listed, named| {
        format!("该通用步骤列在阶段 {listed} 下，却写了阶段 {named}；通用步骤不要写 `phase`")
    },
    step_without_phase: |implicit_some| {
        let example = if implicit_some {
            "phase: \"contain\""
        } else {
            "phase: Some(\"contain\")"
        };
        format!("处置流程中的步骤必须写明所属阶段，例如 `{example}`")
    },
    step_without_text: "该步骤没有内容",
    classes_on_class_step: |class| {
        format!(
            "该步骤列在故障类别 {class} 的处置程序中，只属于这个类别的处置；`classes` 和 `except_classes` 只用于通用步骤"
        )
    },
    classes_and_except: "通用步骤要么写它适用的类别（`classes`），要么写它不适用的类别（`except_classes`），不能两者都写",
    step_in_no_response: "该通用步骤排除了所有故障分类，不在任何一类的处置中：请从 `except_classes` 中去掉应当执行它的分类，或删除该步骤",
    branch_to_nowhere: |branch, step| format!("{branch} 分支指向的步骤 {step} 不存在"),
    branch_back: |branch, step| {
        format!("{branch} 分支回到了前面的步骤 {step}；分支只能指向后面的步骤")
    },
    branch_outside: |branch, step, class| {
        format!(
            "{branch} 分支指向的步骤 {step} 不在 {class} 的响应流程中；分支只能指向通用步骤或同一处置流程中的步骤"
        )
    },
    step_unreachable: |step, class| {
        format!("在 {class} 的响应中永远走不到步骤 {step}：前面的判断跳过了它，也没有分支指向它")
    },
    inform_without_contacts: "该通知步骤没有列出任何通知对象",
    bad_record_key: |key| format!("键 {key} 只能由小写 ASCII 字母、数字和 '_' 组成，并以字母开头"),
    record_without_label: "该记录步骤没有标签",
    condition_needs_choices: |step| {
        format!("条件针对步骤 {step} 所选的值，但该步骤不是带选项的记录步骤")
    },
    condition_needs_decision: |step| format!("条件针对步骤 {step} 的回答，但该步骤不是判断步骤"),
    unknown_placeholder: |name, available| {
        format!("占位符 {{{name}}} 不存在；可用的有：{available}")
    },
    unclosed_brace: "`{` 没有闭合；如需大括号本身，请写 `{{`",
    unopened_brace: "`}` 前面缺少对应的 `{`；如需大括号本身，请写 `}}`",
    bad_placeholder: |text| format!("`{text}` 不是占位符：名称只能由小写字母、数字和 '_' 组成"),
    measured_by_unknown_step: |step| format!("该目标按步骤 {step} 计时，但这个步骤不存在"),
    measured_by_unknown_duty: |duty| {
        format!("该目标按报告义务 {duty} 计时，但没有哪个等级有这项义务")
    },
    not_positive: |m| format!("时限必须是正的分钟数，不能是 {m}"),
    over_a_year: |m| format!("{m} 分钟超过了一年；是不是多写了一位数？"),
    owner_late: |step, deadline, role, late| {
        format!(
            "步骤 {step} 须在启动响应后 {deadline} 分钟内完成，但负责它的岗位 {role}（负责人或替补）到时还联系不到：{late}；请在这些呼叫树中提前呼叫他们，或把这个步骤交给能及时联系到的人"
        )
    },
    late_called_at: |level, m| format!("等级 {level} 到第 {m} 分钟才呼叫"),
    late_no_limit: |level| format!("等级 {level} 的呼叫没有时限"),
    late_not_called: |level| format!("等级 {level} 不呼叫"),
    placeholder_unfilled: |step, template, name, responses| {
        format!(
            "步骤 {step} 发送模板 {template}，但{responses}，发送前没有任何步骤填写其中的 {{{name}}}，消息会原样带着 {{{name}}} 发出：请在前面添加一个键为 {name:?}、适用等级相同的记录步骤，或删去这个占位符"
        )
    },
    in_every_response: "在任何故障分类的响应中",
    in_responses_of: |classes| format!("在 {classes} 的响应中"),
    placeholder_never_recorded: |template, name| {
        format!(
            "模板 {template} 用到了 {{{name}}}，但没有任何步骤记录它，消息会原样带着 {{{name}}} 发出：请添加一个键为 {name:?} 的记录步骤，或删去这个占位符"
        )
    },
    closing_step_timed: |step, phase, m| {
        format!(
            "步骤 {step} 属于收尾阶段 {phase}，这个阶段要到响应结束才开始，但它的 {m} 分钟时限从启动响应时算起，响应还没结束时限就可能已经过了：请去掉这个时限，改在各等级中设一项 `counts_from: Closing` 的报告义务"
        )
    },
    legal_limit_from_declaration: |duty| {
        format!(
            "报告义务 {duty} 的法定时限从启动响应时算起，而启动响应是平台自己的行为，可能远晚于发现故障的时间；法定时限从发现时起算：请写 `counts_from: Discovery`（响应结束后才提交的报告写 `Closing`）"
        )
    },
    not_called_at_severe: |who, milder, severe| {
        format!(
            "{who} 在等级 {milder} 中会被呼叫，在更严重的等级 {severe} 中却不会：请在这棵呼叫树中加上这次呼叫"
        )
    },
    called_later: |who, within, severe, then, milder| {
        let within = within.map_or_else(
            || "的呼叫不限时".to_owned(),
            |m| format!("的呼叫时限为 {m} 分钟"),
        );
        format!(
            "{who} 在等级 {severe} 中{within}，而在较轻的等级 {milder} 中为 {then} 分钟：更严重的等级不应更晚呼叫"
        )
    },
    summary: |s| {
        format!(
            "{} 个单位，{} 个岗位，{} 人，{} 类故障，{} 个处置流程，{} 个步骤，{} 个通知模板",
            s.units, s.roles, s.people, s.classes, s.procedures, s.steps, s.templates
        )
    },
    levels: |levels, _| format!("等级 {levels}"),
    steps: |steps, _| format!("步骤 {steps}"),
    due_at: |step, m| format!("{step}（{m} 分钟）"),
    deadline_order: |step, deadline, after, responses| {
        format!(
            "步骤 {step} 须在启动响应后 {deadline} 分钟内完成，但{responses}，它排在时限更晚的步骤 {after} 之后，按顺序执行就会超时：请把它移到这些步骤之前，或放宽它的时限"
        )
    },
    before_paging: |step, role, paging, on_duty, responses| {
        format!(
            "{responses}，步骤 {step} 排在启动呼叫树的步骤 {paging} 之前，但负责它的岗位 {role} 在启动响应时并不在岗：此时在岗的只有发起呼叫的{on_duty}，负责这一步的人还没有被呼叫：请把它移到 {paging} 之后，或交给值班人员本人担任的岗位"
        )
    },
    owner_never_called: |role, steps, levels| {
        format!(
            "岗位 {role} 负责{steps}，但在适用这些步骤的{levels}中，呼叫树从不呼叫它（负责人和替补都不呼叫）：请在这些等级的呼叫树中加上对它的呼叫，或把这些步骤交给会被呼叫的岗位"
        )
    },
    placeholder_unfilled_at: |step, template, name, levels| {
        format!(
            "步骤 {step} 发送模板 {template}，但在{levels}中没有任何内容填写其中的 {{{name}}}，消息会原样带着 {{{name}}} 发出：请在这些等级中填写它，或删去这个占位符"
        )
    },
    next_update_without_cadence: |step, template, levels| {
        format!(
            "步骤 {step} 发送模板 {template}，其中的 {{next_update}} 在{levels}中无法填写：这些等级没有 `update_every_minutes`，不安排定时通报，消息会原样带着 {{next_update}} 发出：请给这些等级设定通报间隔，或用 `min_level` 让这一步只在有通报间隔的等级中发送"
        )
    },
    no_slack: |step, deadline, role, levels| {
        format!(
            "步骤 {step} 须在启动响应后 {deadline} 分钟内完成，而在{levels}中，负责它的岗位 {role} 恰好在第 {deadline} 分钟才呼叫，没有留出任何余量：请提前呼叫，或放宽时限"
        )
    },
    branch_skips_phase: |step, branch, to, skipped| {
        format!(
            "判断 {step} 的 {branch} 分支跳到后面阶段的步骤 {to}，途中跳过了{skipped}：分支会跳过它与目标之间的所有步骤，包括整个阶段，这些步骤会被标为跳过：请让分支在这些步骤之前结束，或把只有一种回答才需要的步骤放到单独的判断之后"
        )
    },
    recorded_on_one_branch: |step, template, name, recorded_by, decision, branch| {
        format!(
            "步骤 {step} 发送模板 {template}，其中的 {{{name}}} 只由{recorded_by}记录，而判断 {decision} 的 {branch} 分支会跳过它，这条路径上的消息会原样带着 {{{name}}} 发出：请在判断之前记录它，或只在记录了它的路径上发送这个模板"
        )
    },
    call_before_caller: |level, to, within, caller, caller_within| {
        let caller_within = caller_within.map_or_else(
            || "的呼叫不限时".to_owned(),
            |m| format!("要到第 {m} 分钟才呼叫"),
        );
        format!(
            "在等级 {level} 的呼叫树中，{to} 的呼叫时限为 {within} 分钟，但这个呼叫由 {caller} 发起，而 {caller}{caller_within}：请把这个呼叫移到能及时联系到的人下面，或放宽它的时限"
        )
    },
    audience: super::paper::ZH.audience,
    own_message: |class, step, template| format!("类别 {class} 的步骤 {step} 发送模板 {template}"),
    shared_step_misfit: |step, template, audience, own| {
        format!(
            "通用步骤 {step} 没有写适用的类别，因此在每个类别的处置中都向{audience}发送模板 {template}，而{own}，也是发给{audience}的：通用模板的内容和承诺未必适合这些处置；请用 `classes` 写明该步骤适用的类别，或用 `except_classes` 排除不适用的类别"
        )
    },
    reached_through_root: |role, deputy, levels| {
        format!(
            "在{levels}中，岗位 {role} 之所以算作已联系到，只是因为它的替补 {deputy} 就是发起呼叫的人：没有人为这个岗位打电话，负责人也不会得知事件：请在这些呼叫树中呼叫这个岗位"
        )
    },
    check_ok: |file, summary| format!("{file}: 通过：{summary}"),
    check_ok_warnings: |file, n, notes, summary| match (n, notes) {
        (n, 0) => format!("{file}: 通过，有 {n} 条警告：{summary}"),
        (0, notes) => format!("{file}: 通过，有 {notes} 条提示：{summary}"),
        (n, notes) => format!("{file}: 通过，有 {n} 条警告、{notes} 条提示：{summary}"),
    },
    check_failed: |file, errors, warnings| format!("{file}: {errors} 个错误，{warnings} 条警告"),
    check_failed_strict: |file, warnings, notes| {
        let notes = if notes == 0 {
            String::new()
        } else {
            format!("（另有 {notes} 条提示）")
        };
        format!("{file}: 未通过：{warnings} 条警告{notes}，`--strict` 把警告当作错误")
    },
    unknown_level: |given, known| format!("没有等级 {given:?}；预案中的等级有：{known}"),
    not_a_file: |kind| {
        let what = match kind {
            FileKind::Symlink => "符号链接",
            FileKind::Folder => "文件夹",
            FileKind::Fifo => "命名管道",
            FileKind::Socket => "套接字",
            FileKind::CharDevice => "设备文件",
            FileKind::BlockDevice => "磁盘设备",
            FileKind::Other => "特殊文件",
        };
        format!("这是{what}，不是预案文件；runbook 不读取它")
    },
};

/// English, also the command line's words outside a Chinese locale.
pub const EN: PlanTr = PlanTr {
    error: "error",
    warning: "warning",
    note: "note",
    sep: ", ",
    and: |items| match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    },
    not_found: "the file does not exist; check the path",
    permission_denied: "permission denied: you may not read this file",
    folder: "this is a folder, not a plan file",
    cannot_read: |detail| format!("the file cannot be read: {detail}"),
    too_large: |mib, max| {
        format!(
            "the file is {mib:.1} MiB, larger than the {max} MiB a plan may be; is this the right file?"
        )
    },
    utf16: "not UTF-8 text: the file is UTF-16 (it starts with a UTF-16 byte-order mark); \
            save it as UTF-8 and try again",
    zero_byte: |offset| {
        format!(
            "not UTF-8 text: a zero byte at byte offset {offset}; the file looks like UTF-16 or binary. \
             Save it as UTF-8 and try again"
        )
    },
    invalid_utf8: |byte, offset| {
        format!(
            "not UTF-8 text: byte 0x{byte:02X} at byte offset {offset} is not valid UTF-8; \
             save the file as UTF-8 and try again"
        )
    },
    empty: "the file is empty: a plan starts with `Plan(` (see plans/minimal.ron)",
    unknown_field: |found, outer, fields| {
        let outer = outer.map(|o| format!(" in {o}")).unwrap_or_default();
        format!("unknown field `{found}`{outer}; the fields here are: {fields}")
    },
    missing_field: |field, outer| {
        let outer = outer.map(|o| format!(" in {o}")).unwrap_or_default();
        format!("missing field `{field}`{outer}")
    },
    duplicate_field: |field, outer| {
        let outer = outer.map(|o| format!(" in {o}")).unwrap_or_default();
        format!("the field `{field}` is given twice{outer}")
    },
    unknown_variant: |found, outer, choices| {
        let outer = outer.map(|o| format!(" for {o}")).unwrap_or_default();
        format!("`{found}` is not one of the choices{outer}: {choices}")
    },
    eof: "the file ends too early: a bracket or a string is not closed",
    unclosed_string: "a string is not closed: add the closing `\"`",
    unclosed_comment: "a `/*` comment is never closed with `*/`",
    trailing: "unexpected text after the end of the plan",
    too_deep: "the plan is nested too deeply (over 128 levels); flatten the call tree",
    expected_comma: "expected a comma `,` between items (or a string before this is not closed)",
    expected_integer: "expected a whole number",
    expected_string: "expected text in double quotes",
    expected_boolean: "expected boolean",
    expected_float: "expected float",
    expected_char: "expected char",
    expected_option: "expected an optional value, `Some(…)` or `None`: without \
                      `#![enable(implicit_some)]` as the file's first line, an optional \
                      value is written `Some(15)`, not `15`; write it so, or add that line",
    expected_identifier: "expected identifier",
    expected_unit: "expected unit",
    expected_open: |c| format!("expected opening `{c}`"),
    expected_close: |c| format!("expected closing `{c}`"),
    expected_colon: "expected colon",
    expected_struct: |name| format!("expected opening `(` for struct `{name}`"),
    wrong_struct_name: |expected, found| {
        format!("expected struct `{expected}` but found `{found}`")
    },
    unexpected_char: |c| format!("unexpected char {c:?}"),
    integer_out_of_bounds: "integer is out of bounds",
    invalid_value: |expected, found| format!("expected {expected}, found {found}"),
    bad_date: |text| {
        format!(
            "{text:?} is not a valid date; write dates as YYYY-MM-DD, for example \"2026-09-01\""
        )
    },
    // ron's messages start with a capital; lower-cased to read as the
    // rest of the sentences do.
    other_syntax: |text| {
        let mut c = text.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    },
    id_empty: "an id cannot be empty",
    id_too_long: |n| format!("an id can have at most {n} characters"),
    id_bad_start: "an id must start with an ASCII letter or digit",
    id_bad_char: |c| {
        format!("an id may only contain ASCII letters, digits, '-', '_' and '.', not {c:?}")
    },
    bad_id: |problem, id| format!("{problem} (got {id})"),
    nouns: &Nouns {
        unit: "unit",
        role: "role",
        person: "person",
        external: "external contact",
        phase: "phase",
        template: "template",
        class: "fault class",
        question: "question",
        level: "level",
        duty: "duty",
        step: "step",
        text: "chapter or section",
        signal: "signal",
        supply: "supply",
        drill: "drill",
        training: "training",
        evacuation: "evacuation",
        choice: "choice",
    },
    duplicate_id: |what, id, first, at| match at {
        Some(at) => format!(
            "duplicate {what} id {id}: already used on line {line}, column {col} \
             (item {first}); ids must be unique",
            line = at.line,
            col = at.col
        ),
        None => {
            format!("duplicate {what} id {id}: item {first} already uses it; ids must be unique")
        }
    },
    person_as_role: |person, holds, n, target| {
        let holds = match n {
            0 => "who holds no role".to_owned(),
            1 => format!("who holds role {holds}"),
            _ => format!("who holds roles {holds}"),
        };
        let or = if target {
            format!(", or write `Person({person})` to call the person")
        } else {
            String::new()
        };
        format!("{person} is a person, not a role ({holds}): name a role here{or}")
    },
    unknown_id: |what, id, known| format!("no {what} {id} ({known})"),
    known_ids: |ids, more| format!("known: {ids}{}", if more { ", …" } else { "" }),
    none_defined: |what| format!("the plan defines no {}", plural(what)),
    role_target: |id| format!("role {id}"),
    person_target: |id| format!("person {id}"),
    contact_target: |id| format!("contact {id}"),
    held_by: |role, person| format!("{role} (held by {person})"),
    format_version: |found, supported| {
        format!(
            "this plan is in format {found}, but this version of runbook reads format {supported}"
        )
    },
    no_title: "the plan has no title",
    no_units: "the plan has no units: add at least the command unit",
    unit_cycle: |chain| format!("the units form a cycle: {chain}"),
    no_top_unit: "no unit is at the top: one unit must have no parent",
    no_roles: "the plan has no roles: add at least the commander",
    role_without_name: "the role has no name",
    deputy_is_holder: |p| format!("{p} is both the holder and a deputy of this role"),
    deputy_twice: |p| format!("{p} is listed twice as a deputy"),
    no_deputy: |r| {
        format!("role {r} has no deputy: nobody stands in when the holder cannot be reached")
    },
    no_duties: |r| format!("role {r} has no duties listed"),
    no_phone: |name, id| {
        format!("{name} ({id}) has no phone number: add a mobile or office number")
    },
    no_way_to_reach: |name, id| format!("{name} ({id}) has no way to be reached"),
    second_warning: |l| format!("a second warning for level {l}"),
    no_levels: "the plan has no response levels: add I to IV, most severe first",
    levels_out_of_order: |level, after| {
        format!(
            "levels are listed most severe first, so {level} cannot follow {after}: \
             list them in order I, II, III, IV"
        )
    },
    level_count: |n| {
        format!(
            "the plan says it follows the national four-level scheme (`level_scheme: National`, \
             Ⅰ red to Ⅳ blue) but has {n} response levels: use four, or take `level_scheme` \
             out to keep the plan's own levels"
        )
    },
    no_criteria: |l| format!("level {l} has no criteria"),
    no_call_tree: |l| format!("level {l} has no call tree: add one under call_trees"),
    no_classes: "the plan has no fault classes",
    no_assessment: |c| format!("fault class {c} has no assessment questions to suggest a level"),
    no_procedure: |c| format!("fault class {c} has no procedure: add one under procedures"),
    second_procedure: |c| format!("a second procedure for fault class {c}: merge the two"),
    empty_procedure: |c| format!("the procedure for {c} has no steps"),
    second_call_tree: |l| format!("a second call tree for level {l}"),
    no_calls: "the call tree makes no calls",
    call_loop: |l, chain| format!("the call tree for level {l} loops back: {chain}"),
    no_phases: "the plan has no phases: add assess, inform, contain, communicate, recover, close",
    common_step_phase: |listed, named| {
        format!(
            "this common step is listed under phase {listed} but names phase {named}; \
             leave `phase` out of common steps"
        )
    },
    step_without_phase: |implicit_some| {
        let example = if implicit_some {
            "phase: \"contain\""
        } else {
            "phase: Some(\"contain\")"
        };
        format!("a procedure step must name its phase, for example `{example}`")
    },
    step_without_text: "the step has no text",
    classes_on_class_step: |class| {
        format!(
            "this step is listed in the procedure of class {class} and is in that response \
             only; `classes` and `except_classes` are for common steps"
        )
    },
    classes_and_except: "a common step names either the classes it is for (`classes`) or \
                         those it leaves out (`except_classes`), not both",
    step_in_no_response: "this common step leaves out every fault class, so it is in no \
                          response: take the classes that should work it out of \
                          `except_classes`, or remove the step",
    branch_to_nowhere: |branch, step| {
        format!("the {branch} branch goes to step {step}, which does not exist")
    },
    branch_back: |branch, step| {
        format!(
            "the {branch} branch goes back to step {step}; branches must go forward to a later step"
        )
    },
    branch_outside: |branch, step, class| {
        format!(
            "the {branch} branch goes to step {step}, which is not part of the response to {class}; \
             a branch may only go to a common step or a step of the same procedure"
        )
    },
    step_unreachable: |step, class| {
        format!(
            "step {step} can never be reached in the response to {class}: \
             a decision before it jumps over it and no branch leads to it"
        )
    },
    inform_without_contacts: "the inform step names no contacts",
    bad_record_key: |key| {
        format!(
            "the key {key} must be lower-case ASCII letters, digits and '_', starting with a letter"
        )
    },
    record_without_label: "the record step has no label",
    condition_needs_choices: |step| {
        format!(
            "the condition is on the value chosen at step {step}, which is not a record step with choices"
        )
    },
    condition_needs_decision: |step| {
        format!("the condition is on the answer to step {step}, which is not a decision")
    },
    unknown_placeholder: |name, available| {
        format!("the placeholder {{{name}}} does not exist; available: {available}")
    },
    unclosed_brace: "a `{` is never closed; write `{{` for a literal brace",
    unopened_brace: "a `}` without its `{`; write `}}` for a literal brace",
    bad_placeholder: |text| {
        format!("`{text}` is not a placeholder: names are lower-case letters, digits and '_'")
    },
    measured_by_unknown_step: |step| {
        format!("the target is measured by step {step}, which does not exist")
    },
    measured_by_unknown_duty: |duty| {
        format!("the target is measured by duty {duty}, which no level has")
    },
    not_positive: |m| format!("a time limit must be a positive number of minutes, not {m}"),
    over_a_year: |m| format!("{m} minutes is more than a year; is a digit too many?"),
    owner_late: |step, deadline, role, late| {
        format!(
            "step {step} is due {deadline} minutes after the declaration, but its owner \
             (role {role}, the holder or a deputy) is not reached by then: {late}; call them \
             earlier in those call trees, or give the step to someone called in time"
        )
    },
    late_called_at: |level, m| format!("called at {m} minutes at level {level}"),
    late_no_limit: |level| format!("with no time limit at level {level}"),
    late_not_called: |level| format!("not called at level {level}"),
    placeholder_unfilled: |step, template, name, responses| {
        format!(
            "step {step} sends template {template}, but nothing fills its {{{name}}} \
             before then {responses}, so the message would go out with {{{name}}} in it: \
             add an earlier record step with key {name:?} that applies at the same levels, \
             or take the placeholder out"
        )
    },
    in_every_response: "in the response to any fault class",
    in_responses_of: |classes| format!("in the response to {classes}"),
    placeholder_never_recorded: |template, name| {
        format!(
            "template {template} uses {{{name}}}, which no step records, so it would go \
             out with {{{name}}} in it: add a record step with key {name:?}, \
             or take the placeholder out"
        )
    },
    closing_step_timed: |step, phase, m| {
        format!(
            "step {step} belongs to the closing phase {phase}, which starts only when the \
             response ends, but its {m} minutes count from the declaration, so the \
             time can run out before the response is over: drop the deadline and \
             give the levels a duty with `counts_from: Closing`"
        )
    },
    legal_limit_from_declaration: |duty| {
        format!(
            "the legal time limit of duty {duty} counts from the declaration, which \
             is the platform's own act and may come well after the fault was \
             found; the law's clock starts at the discovery: write \
             `counts_from: Discovery` (or `Closing` for a report due after the close)"
        )
    },
    not_called_at_severe: |who, milder, severe| {
        format!(
            "{who} is called at level {milder} but not at the more severe level {severe}: \
             add the call to this tree"
        )
    },
    called_later: |who, within, severe, then, milder| {
        let late = within.map_or_else(
            || "with no time limit".to_owned(),
            |m| format!("within {m} minutes"),
        );
        format!(
            "{who} is called {late} at level {severe} but within {then} at the \
             less severe level {milder}: a more severe level should not call later"
        )
    },
    summary: |s| {
        format!(
            "{} units, {} roles, {} people, {} fault classes, {} procedures, {} steps, {} templates",
            s.units, s.roles, s.people, s.classes, s.procedures, s.steps, s.templates
        )
    },
    levels: |levels, n| format!("level{} {levels}", plural_s(n)),
    steps: |steps, n| format!("step{} {steps}", plural_s(n)),
    due_at: |step, m| format!("{step} (due at {m} minutes)"),
    deadline_order: |step, deadline, after, responses| {
        format!(
            "step {step} is due {deadline} minutes after the declaration but comes after \
             {after} {responses}: worked in order, it is late; move it before them, or \
             give it a later deadline"
        )
    },
    before_paging: |step, role, paging, on_duty, responses| {
        format!(
            "step {step} comes before {paging}, which starts the call tree, {responses}, \
             but its owner, role {role}, is not on duty at the declaration (only {on_duty}, \
             who starts the calls, is): nobody who owns it has been paged yet; move it after \
             {paging}, or give it to a role the duty officer holds"
        )
    },
    owner_never_called: |role, steps, levels| {
        format!(
            "role {role} owns {steps} but is never called (neither the holder nor a deputy) \
             at {levels}, where they apply: call the role in those call trees, or give the \
             steps to a role that is called there"
        )
    },
    placeholder_unfilled_at: |step, template, name, levels| {
        format!(
            "step {step} sends template {template}, but nothing fills its {{{name}}} at \
             {levels}, so the message would go out with {{{name}}} in it there: fill it at \
             those levels, or take the placeholder out"
        )
    },
    next_update_without_cadence: |step, template, levels| {
        format!(
            "step {step} sends template {template}, whose {{next_update}} cannot be filled at \
             {levels}: no status update is due there (no `update_every_minutes`), so the \
             message would go out with {{next_update}} in it; give those levels a cadence, or \
             send the step only where there is one (`min_level`)"
        )
    },
    no_slack: |step, deadline, role, levels| {
        format!(
            "step {step} is due {deadline} minutes after the declaration, and its owner \
             (role {role}) is first called at exactly {deadline} minutes at {levels}: no \
             minute to spare; call them earlier, or allow more time"
        )
    },
    branch_skips_phase: |step, branch, to, skipped| {
        format!(
            "the {branch} branch of decision {step} jumps to step {to} in a later phase and \
             skips {skipped} on the way: a branch skips every step between it and its target, \
             whole phases included, and they are marked skipped; end the branch before them, \
             or put what only one answer needs behind a decision of its own"
        )
    },
    recorded_on_one_branch: |step, template, name, recorded_by, decision, branch| {
        format!(
            "step {step} sends template {template}, whose {{{name}}} is recorded only by \
             {recorded_by}, which the {branch} branch of decision {decision} skips: on that \
             path the message would go out with {{{name}}} in it; record it before the \
             decision, or send the template only where it is recorded"
        )
    },
    call_before_caller: |level, to, within, caller, caller_within| {
        let caller_within = caller_within.map_or_else(
            || "with no time limit".to_owned(),
            |m| format!("only within {m} minutes"),
        );
        format!(
            "in the call tree for level {level}, {to} is to be called within {within} minutes, \
             but by {caller}, who is called {caller_within}: move the call under someone \
             reached in time, or give it a later limit"
        )
    },
    audience: super::paper::EN.audience,
    own_message: |class, step, template| {
        format!("class {class} sends {template} by its step {step}")
    },
    shared_step_misfit: |step, template, audience, own| {
        format!(
            "common step {step} names no classes, so every response sends template \
             {template} to {audience}, while {own} to them as well: the shared message's \
             words and promises may not fit those responses; name the classes the step is \
             for (`classes`) or leave some out (`except_classes`)"
        )
    },
    reached_through_root: |role, deputy, levels| {
        format!(
            "role {role} counts as reached at {levels} only because its deputy {deputy} \
             starts the call tree: nobody is called for it, and its holder does not hear of \
             the incident; call the role in those trees"
        )
    },
    check_ok: |file, summary| format!("{file}: OK: {summary}"),
    check_ok_warnings: |file, n, notes, summary| match (n, notes) {
        (n, 0) => format!("{file}: OK with {n} warning{}: {summary}", plural_s(n)),
        (0, notes) => format!("{file}: OK with {notes} note{}: {summary}", plural_s(notes)),
        (n, notes) => format!(
            "{file}: OK with {n} warning{} and {notes} note{}: {summary}",
            plural_s(n),
            plural_s(notes)
        ),
    },
    check_failed: |file, errors, warnings| {
        format!(
            "{file}: {errors} error{}, {warnings} warning{}",
            plural_s(errors),
            plural_s(warnings)
        )
    },
    check_failed_strict: |file, warnings, notes| {
        let notes = if notes == 0 {
            String::new()
        } else {
            format!(" (and {notes} note{})", plural_s(notes))
        };
        format!(
            "{file}: failed: {warnings} warning{}{notes}, which --strict treats as errors",
            plural_s(warnings)
        )
    },
    unknown_level: |given, known| format!("no level {given:?}; the levels are: {known}"),
    not_a_file: |kind| {
        let what = match kind {
            FileKind::Symlink => "a symbolic link",
            FileKind::Folder => "a folder",
            FileKind::Fifo => "a named pipe",
            FileKind::Socket => "a socket",
            FileKind::CharDevice => "a device",
            FileKind::BlockDevice => "a disk device",
            FileKind::Other => "a special file",
        };
        format!("this is {what}, not a plan file; runbook does not read it")
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::{
        ClassId, ExternalId, ItemId, PersonId, PhaseId, RoleId, StepId, TemplateId,
    };
    use crate::model::notice::OsError;
    use crate::model::plan::kind::{Branch, Syntax};

    /// One of every kind, with data that is no English word, so that what
    /// English a Chinese sentence holds is its own.
    #[allow(clippy::too_many_lines)] // One line per kind.
    fn samples() -> Vec<K> {
        let id = || "x1".to_owned();
        let level = || LevelId::new("L2");
        let step = || StepId::new("s1");
        let class = || ClassId::new("c1");
        let role = || Target::Role(RoleId::new("r1"));
        let os = |kind| OsError {
            kind,
            detail: "—".to_owned(),
        };
        let mut out = vec![
            K::CannotRead(os(ErrorKind::NotFound)),
            K::CannotRead(os(ErrorKind::PermissionDenied)),
            K::CannotRead(os(ErrorKind::IsADirectory)),
            K::CannotRead(os(ErrorKind::Other)),
            K::Folder,
            K::TooLarge {
                bytes: 20 << 20,
                max_bytes: 16 << 20,
            },
            K::Utf16,
            K::ZeroByte { offset: 3 },
            K::InvalidUtf8 {
                byte: 0xE9,
                offset: 3,
            },
            K::Empty,
            K::FormatVersion {
                found: 2,
                supported: 1,
            },
            K::NoTitle,
            K::DuplicateId {
                what: IdKind::Unit,
                id: id(),
                first_item: 1,
                first_at: Some(Position { line: 12, col: 9 }),
            },
            K::PersonAsRole {
                person: PersonId::new("p1"),
                holds: vec![RoleId::new("r1"), RoleId::new("r2")],
                target: true,
            },
            K::PersonAsRole {
                person: PersonId::new("p1"),
                holds: Vec::new(),
                target: false,
            },
            K::StepWithoutPhase {
                implicit_some: true,
            },
            K::UnknownId {
                what: IdKind::Role,
                id: id(),
                known: vec!["a1".to_owned(), "b2".to_owned()],
                more: true,
            },
            K::UnknownId {
                what: IdKind::External,
                id: id(),
                known: Vec::new(),
                more: false,
            },
            K::NoUnits,
            K::UnitCycle {
                chain: vec![UnitId::new("u1"), UnitId::new("u1")],
            },
            K::NoTopUnit,
            K::NoRoles,
            K::RoleWithoutName,
            K::DeputyIsHolder {
                person: PersonId::new("p1"),
            },
            K::DeputyTwice {
                person: PersonId::new("p1"),
            },
            K::NoDeputy {
                role: RoleId::new("r1"),
            },
            K::NoDuties {
                role: RoleId::new("r1"),
            },
            K::NoPhone {
                name: "Xy Zz".to_owned(),
                person: PersonId::new("p1"),
            },
            K::NoWayToReach {
                name: "Aa Bb".to_owned(),
                contact: ExternalId::new("e1"),
            },
            K::SecondWarning { level: level() },
            K::NoLevels,
            K::LevelsOutOfOrder {
                level: level(),
                after: LevelId::new("L3"),
            },
            K::LevelCount { count: 3 },
            K::NoCriteria { level: level() },
            K::NoCallTree { level: level() },
            K::NoClasses,
            K::NoAssessment { class: class() },
            K::NoProcedure { class: class() },
            K::SecondProcedure { class: class() },
            K::EmptyProcedure { class: class() },
            K::SecondCallTree { level: level() },
            K::NoCalls,
            K::CallLoop {
                level: level(),
                chain: vec![
                    role(),
                    Target::Person(PersonId::new("p1")),
                    Target::External(ExternalId::new("e1")),
                ],
            },
            K::NoPhases,
            K::CommonStepPhase {
                listed: PhaseId::new("ph1"),
                named: PhaseId::new("ph2"),
            },
            K::StepWithoutPhase {
                implicit_some: false,
            },
            K::StepWithoutText,
            K::BranchToNowhere {
                branch: Branch::Yes,
                step: step(),
            },
            K::BranchBack {
                branch: Branch::No,
                step: step(),
            },
            K::BranchOutside {
                branch: Branch::No,
                step: step(),
                class: class(),
            },
            K::StepUnreachable {
                step: step(),
                class: class(),
            },
            K::InformWithoutContacts,
            K::BadRecordKey {
                key: "K1".to_owned(),
            },
            K::RecordWithoutLabel,
            K::ConditionNeedsChoices { step: step() },
            K::ConditionNeedsDecision { step: step() },
            K::UnknownPlaceholder {
                name: "n1".to_owned(),
                available: vec!["a1".to_owned(), "b2".to_owned()],
            },
            K::UnclosedBrace,
            K::UnopenedBrace,
            K::BadPlaceholder {
                text: "{N1}".to_owned(),
            },
            K::MeasuredByUnknownStep { step: step() },
            K::MeasuredByUnknownDuty {
                duty: ItemId::new("d1"),
            },
            K::NotPositive { minutes: -5 },
            K::OverAYear { minutes: 999_999 },
            K::OwnerLate {
                step: step(),
                deadline: 15,
                role: RoleId::new("r1"),
                levels: vec![
                    (level(), Late::CalledAt(20)),
                    (LevelId::new("L3"), Late::NoLimit),
                    (LevelId::new("L4"), Late::NotCalled),
                ],
            },
            K::PlaceholderUnfilled {
                step: step(),
                template: TemplateId::new("t1"),
                name: "n1".to_owned(),
                responses: Responses::Every,
            },
            K::PlaceholderUnfilled {
                step: step(),
                template: TemplateId::new("t1"),
                name: "n1".to_owned(),
                responses: Responses::Of(vec![class(), ClassId::new("c2")]),
            },
            K::PlaceholderNeverRecorded {
                template: TemplateId::new("t1"),
                name: "n1".to_owned(),
            },
            K::ClosingStepTimed {
                step: step(),
                phase: PhaseId::new("ph1"),
                minutes: 60,
            },
            K::LegalLimitFromDeclaration {
                duty: ItemId::new("d1"),
            },
            K::NotCalledAtSevere {
                to: role(),
                holder: PersonId::new("p1"),
                milder: LevelId::new("L3"),
                severe: level(),
            },
            K::CalledLater {
                to: Target::Person(PersonId::new("p1")),
                holder: PersonId::new("p1"),
                within: None,
                severe: level(),
                then: 10,
                milder: LevelId::new("L3"),
            },
            K::DeadlineOrder {
                step: step(),
                deadline: 15,
                after: vec![(StepId::new("s2"), 30), (StepId::new("s3"), 60)],
                responses: Responses::Of(vec![class()]),
            },
            K::BeforePaging {
                step: step(),
                role: RoleId::new("r1"),
                paging: StepId::new("s2"),
                on_duty: vec![role()],
                responses: Responses::Every,
            },
            K::OwnerNeverCalled {
                role: RoleId::new("r1"),
                steps: vec![step(), StepId::new("s2")],
                levels: vec![LevelId::new("L3"), LevelId::new("L4")],
            },
            K::OwnerNeverCalled {
                role: RoleId::new("r1"),
                steps: vec![step()],
                levels: vec![LevelId::new("L4")],
            },
            K::PlaceholderUnfilledAt {
                step: step(),
                template: TemplateId::new("t1"),
                name: "next_update".to_owned(),
                levels: vec![LevelId::new("L4")],
            },
            K::PlaceholderUnfilledAt {
                step: step(),
                template: TemplateId::new("t1"),
                name: "n1".to_owned(),
                levels: vec![LevelId::new("L4")],
            },
            K::NoSlack {
                step: step(),
                deadline: 5,
                role: RoleId::new("r1"),
                levels: vec![level()],
            },
            K::BranchSkipsPhase {
                step: step(),
                branch: Branch::No,
                to: StepId::new("s2"),
                skipped: vec![StepId::new("s3")],
            },
            K::RecordedOnOneBranch {
                step: step(),
                template: TemplateId::new("t1"),
                name: "n1".to_owned(),
                recorded_by: vec![StepId::new("s2")],
                decision: StepId::new("s3"),
                branch: Branch::Yes,
            },
            K::CallBeforeCaller {
                level: level(),
                to: role(),
                within: 10,
                caller: Target::Person(PersonId::new("p1")),
                caller_within: Some(20),
            },
            K::CallBeforeCaller {
                level: level(),
                to: role(),
                within: 10,
                caller: Target::Person(PersonId::new("p1")),
                caller_within: None,
            },
            K::ReachedThroughRoot {
                role: RoleId::new("r1"),
                deputy: PersonId::new("p1"),
                levels: vec![level()],
            },
            K::ClassesOnClassStep { class: class() },
            K::ClassesAndExcept,
            K::StepInNoResponse,
            K::SharedStepMisfit {
                step: step(),
                template: TemplateId::new("t1"),
                audience: crate::model::plan::doc::Audience::StudentsParents,
                own: vec![(class(), StepId::new("s2"), TemplateId::new("t2"))],
            },
            K::NotAFile(FileKind::Fifo),
            K::NotAFile(FileKind::CharDevice),
            K::NotAFile(FileKind::Socket),
        ];
        for problem in [
            IdProblem::Empty,
            IdProblem::TooLong,
            IdProblem::BadStart,
            IdProblem::BadChar(' '),
        ] {
            out.push(K::BadId { id: id(), problem });
        }
        for what in [
            IdKind::Unit,
            IdKind::Role,
            IdKind::Person,
            IdKind::External,
            IdKind::Phase,
            IdKind::Template,
            IdKind::Class,
            IdKind::Question,
            IdKind::Level,
            IdKind::Duty,
            IdKind::Step,
            IdKind::Text,
            IdKind::Signal,
            IdKind::Supply,
            IdKind::Drill,
            IdKind::Training,
            IdKind::Evacuation,
            IdKind::Choice,
        ] {
            out.push(K::DuplicateId {
                what,
                id: id(),
                first_item: 2,
                first_at: None,
            });
        }
        let outer = || Some("Xy".to_owned());
        for syntax in [
            Syntax::UnknownField {
                found: "x1".to_owned(),
                outer: outer(),
                expected: &["a1", "b2"],
            },
            Syntax::UnknownField {
                found: "x1".to_owned(),
                outer: None,
                expected: &["a1"],
            },
            Syntax::MissingField {
                field: "a1",
                outer: outer(),
            },
            Syntax::MissingField {
                field: "a1",
                outer: None,
            },
            Syntax::DuplicateField {
                field: "a1",
                outer: outer(),
            },
            Syntax::DuplicateField {
                field: "a1",
                outer: None,
            },
            Syntax::UnknownVariant {
                found: "Zz".to_owned(),
                outer: outer(),
                expected: &["Aa", "Bb"],
            },
            Syntax::UnknownVariant {
                found: "Zz".to_owned(),
                outer: None,
                expected: &["Aa"],
            },
            Syntax::Eof,
            Syntax::UnclosedString,
            Syntax::UnclosedComment,
            Syntax::TrailingCharacters,
            Syntax::TooDeep,
            Syntax::ExpectedStruct { name: "Xy" },
            Syntax::WrongStructName {
                expected: "Xy",
                found: "Zz".to_owned(),
            },
            Syntax::UnexpectedChar('#'),
            Syntax::IntegerOutOfBounds,
            Syntax::InvalidValue {
                expected: "Aa".to_owned(),
                found: "Bb".to_owned(),
            },
            Syntax::BadDate {
                text: "2026-13-01".to_owned(),
            },
            Syntax::Other("—".to_owned()),
        ] {
            out.push(K::Syntax(syntax));
        }
        for token in [
            Token::Comma,
            Token::Integer,
            Token::String,
            Token::Boolean,
            Token::Float,
            Token::Char,
            Token::Option,
            Token::Identifier,
            Token::Unit,
            Token::OpenBracket,
            Token::CloseBracket,
            Token::OpenParen,
            Token::CloseParen,
            Token::OpenBrace,
            Token::CloseBrace,
            Token::Colon,
        ] {
            out.push(K::Syntax(Syntax::Expected(token)));
        }
        out
    }

    /// Fails to compile when a kind is added, until it has a sample above.
    fn sampled(kind: &K) {
        match kind {
            K::CannotRead(_)
            | K::Folder
            | K::TooLarge { .. }
            | K::Utf16
            | K::ZeroByte { .. }
            | K::InvalidUtf8 { .. }
            | K::Empty
            | K::Syntax(_)
            | K::FormatVersion { .. }
            | K::NoTitle
            | K::BadId { .. }
            | K::DuplicateId { .. }
            | K::UnknownId { .. }
            | K::NoUnits
            | K::UnitCycle { .. }
            | K::NoTopUnit
            | K::NoRoles
            | K::RoleWithoutName
            | K::DeputyIsHolder { .. }
            | K::DeputyTwice { .. }
            | K::NoDeputy { .. }
            | K::NoDuties { .. }
            | K::NoPhone { .. }
            | K::NoWayToReach { .. }
            | K::SecondWarning { .. }
            | K::NoLevels
            | K::LevelsOutOfOrder { .. }
            | K::LevelCount { .. }
            | K::NoCriteria { .. }
            | K::NoCallTree { .. }
            | K::NoClasses
            | K::NoAssessment { .. }
            | K::NoProcedure { .. }
            | K::SecondProcedure { .. }
            | K::EmptyProcedure { .. }
            | K::SecondCallTree { .. }
            | K::NoCalls
            | K::CallLoop { .. }
            | K::NoPhases
            | K::CommonStepPhase { .. }
            | K::StepWithoutPhase { .. }
            | K::PersonAsRole { .. }
            | K::StepWithoutText
            | K::BranchToNowhere { .. }
            | K::BranchBack { .. }
            | K::BranchOutside { .. }
            | K::StepUnreachable { .. }
            | K::InformWithoutContacts
            | K::BadRecordKey { .. }
            | K::RecordWithoutLabel
            | K::ConditionNeedsChoices { .. }
            | K::ConditionNeedsDecision { .. }
            | K::UnknownPlaceholder { .. }
            | K::UnclosedBrace
            | K::UnopenedBrace
            | K::BadPlaceholder { .. }
            | K::MeasuredByUnknownStep { .. }
            | K::MeasuredByUnknownDuty { .. }
            | K::NotPositive { .. }
            | K::OverAYear { .. }
            | K::OwnerLate { .. }
            | K::PlaceholderUnfilled { .. }
            | K::PlaceholderNeverRecorded { .. }
            | K::ClosingStepTimed { .. }
            | K::LegalLimitFromDeclaration { .. }
            | K::NotCalledAtSevere { .. }
            | K::CalledLater { .. }
            | K::DeadlineOrder { .. }
            | K::BeforePaging { .. }
            | K::OwnerNeverCalled { .. }
            | K::PlaceholderUnfilledAt { .. }
            | K::NoSlack { .. }
            | K::BranchSkipsPhase { .. }
            | K::RecordedOnOneBranch { .. }
            | K::CallBeforeCaller { .. }
            | K::ReachedThroughRoot { .. }
            | K::ClassesOnClassStep { .. }
            | K::ClassesAndExcept
            | K::StepInNoResponse
            | K::SharedStepMisfit { .. }
            | K::NotAFile(_) => {}
        }
    }

    /// The words a Chinese sentence may keep in Latin letters: the file's
    /// own syntax (field names, choices, examples), encodings and units.
    #[rustfmt::skip]
    const WRITTEN_AS_IN_THE_FILE: &[&str] = &[
        "UTF", "MiB", "Plan", "plans", "minimal", "ron", "RON", "id", "ASCII", "YYYY", "MM", "DD",
        "Some", "None", "true", "false", "parent", "call_trees", "procedures", "phase", "contain",
        "counts_from", "Discovery", "Closing", "runbook", "assess", "inform", "communicate",
        "recover", "close", "yes", "no", "I", "II", "III", "IV", "0xE9",
    ];

    /// The samples' own names (not English, but Latin letters).
    fn sample_data(word: &str) -> bool {
        let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
        ["Xy", "Zz", "Aa", "Bb"].contains(&word)
            || (letters.len() <= 2 && letters.len() < word.len())
    }

    /// Every run of Latin letters (with digits and `_`) in a sentence, less
    /// what is quoted (ids) or in backticks or braces (the file's syntax).
    fn latin_words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut word = String::new();
        let mut quoted: Option<char> = None;
        for c in text.chars() {
            match quoted {
                Some(close) if c == close => quoted = None,
                Some(_) => {}
                None if matches!(c, '"' | '`' | '{' | '\'') => {
                    quoted = Some(match c {
                        '{' => '}',
                        other => other,
                    });
                }
                None if c.is_ascii_alphanumeric() || c == '_' => word.push(c),
                None => {
                    if word.chars().any(|c| c.is_ascii_alphabetic()) {
                        words.push(std::mem::take(&mut word));
                    }
                    word.clear();
                }
            }
        }
        if word.chars().any(|c| c.is_ascii_alphabetic()) {
            words.push(word);
        }
        words
    }

    #[test]
    fn every_kind_reads_in_both_languages_and_no_english_leaks_into_chinese() {
        let mut wrong = Vec::new();
        for kind in samples() {
            sampled(&kind);
            let en = message(&kind, &EN);
            let zh = message(&kind, &ZH);
            if en.trim().is_empty() || zh.trim().is_empty() || en == zh {
                wrong.push(format!("not worded: {kind:?}"));
            }
            if en.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
                wrong.push(format!("Chinese in English: {en}"));
            }
            let leaked: Vec<String> = latin_words(&zh)
                .into_iter()
                .filter(|w| !WRITTEN_AS_IN_THE_FILE.contains(&w.as_str()) && !sample_data(w))
                .collect();
            if !leaked.is_empty() {
                wrong.push(format!("English {leaked:?} in Chinese: {zh}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_severities_and_summaries_are_worded() {
        assert_eq!(ZH.severity(Severity::Error), "错误");
        assert_eq!(ZH.severity(Severity::Warning), "警告");
        assert_eq!(EN.severity(Severity::Warning), "warning");
        assert_eq!(ZH.severity(Severity::Note), "提示");
        assert_eq!(EN.severity(Severity::Note), "note");
        assert_eq!(
            (EN.check_ok_warnings)("p.ron", 1, 2, "s"),
            "p.ron: OK with 1 warning and 2 notes: s"
        );
        assert_eq!(
            (EN.check_failed_strict)("p.ron", 1, 0),
            "p.ron: failed: 1 warning, which --strict treats as errors"
        );
        assert_eq!(
            (ZH.check_failed_strict)("p.ron", 2, 1),
            "p.ron: 未通过：2 条警告（另有 1 条提示），`--strict` 把警告当作错误"
        );
        assert_eq!(
            (ZH.check_ok_warnings)("p.ron", 0, 1, "s"),
            "p.ron: 通过，有 1 条提示：s"
        );
        assert_eq!(
            (EN.check_failed)("p.ron", 1, 2),
            "p.ron: 1 error, 2 warnings"
        );
        assert_eq!(
            (ZH.check_failed)("p.ron", 1, 2),
            "p.ron: 1 个错误，2 条警告"
        );
    }

    #[test]
    fn an_unknown_level_lists_the_plans_levels() {
        let e = UnknownLevel {
            given: "V".to_owned(),
            known: vec![LevelId::new("I"), LevelId::new("II")],
        };
        assert_eq!(
            unknown_level(&e, &EN),
            "no level \"V\"; the levels are: I, II"
        );
        assert_eq!(
            unknown_level(&e, &ZH),
            "没有等级 \"V\"；预案中的等级有：I、II"
        );
    }
}
