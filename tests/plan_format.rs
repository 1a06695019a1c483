//! Every validation rule has a broken fixture under `tests/data/broken/`, and
//! every warning one under `tests/data/warnings/`; each must give its kind of
//! diagnostic, with its data, at its line and column, pointing at the right
//! text. A few are read whole, in Chinese and English.

use std::path::Path;

use runbook::i18n::Lang;
use runbook::io::plan_file;
use runbook::model::ids::{
    ClassId, IdProblem, ItemId, LevelId, PersonId, PhaseId, RoleId, StepId, TemplateId, UnitId,
};
use runbook::model::notice::OsError;
use runbook::model::plan::doc::Target;
use runbook::model::plan::kind::{
    Branch, DiagnosticKind as K, IdKind, Late, Responses, Syntax, Token,
};
use runbook::model::plan::{self, Diagnostic, Position, Wording};

/// Fixture, line and column (none for whole-file problems), the text the
/// span starts at, and what is wrong, with its data.
type Expect = (&'static str, Option<(usize, usize)>, &'static str, K);

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|&s| s.to_owned()).collect()
}

fn unknown(what: IdKind, id: &str, known: &[&str]) -> K {
    K::UnknownId {
        what,
        id: id.to_owned(),
        known: strings(known),
        more: false,
    }
}

#[allow(clippy::too_many_lines)] // One entry per rule: the table is the point.
fn broken() -> Vec<Expect> {
    vec![
        // Input hygiene.
        ("empty", None, "", K::Empty),
        ("utf16", None, "", K::Utf16),
        (
            "not-utf8",
            Some((28, 32)),
            "",
            K::InvalidUtf8 {
                byte: 0xE9,
                offset: 845,
            },
        ),
        // Syntax and types, as ron sees them.
        ("truncated", Some((29, 7)), "", K::Syntax(Syntax::Eof)),
        (
            "misspelt-field",
            Some((56, 77)),
            "rolee",
            K::Syntax(Syntax::UnknownField {
                found: "rolee".to_owned(),
                outer: Some("Step".to_owned()),
                expected: &[
                    "id",
                    "text",
                    "phase",
                    "role",
                    "min_level",
                    "deadline_minutes",
                    "kind",
                    "when",
                    "classes",
                    "except_classes",
                ],
            }),
        ),
        (
            "misspelt-variant-field",
            Some((64, 87)),
            "yess",
            K::Syntax(Syntax::UnknownField {
                found: "yess".to_owned(),
                outer: Some("Decision".to_owned()),
                expected: &["question", "yes", "no"],
            }),
        ),
        (
            "missing-field",
            Some((62, 85)),
            ")",
            K::Syntax(Syntax::MissingField {
                field: "role",
                outer: Some("Step".to_owned()),
            }),
        ),
        (
            "duplicate-field",
            Some((14, 52)),
            "name",
            K::Syntax(Syntax::DuplicateField {
                field: "name",
                outer: Some("Unit".to_owned()),
            }),
        ),
        (
            "unknown-variant",
            Some((32, 43)),
            "Purple",
            K::Syntax(Syntax::UnknownVariant {
                found: "Purple".to_owned(),
                outer: Some("Colour".to_owned()),
                expected: &["Red", "Orange", "Yellow", "Blue"],
            }),
        ),
        (
            "wrong-type",
            Some((50, 97)),
            "\"thirty\"",
            K::Syntax(Syntax::Expected(Token::Integer)),
        ),
        // ron sees the comma missing after a string left open.
        (
            "unclosed-string",
            Some((6, 24)),
            "",
            K::Syntax(Syntax::Expected(Token::Comma)),
        ),
        (
            "unclosed-comment",
            Some((13, 7)),
            "",
            K::Syntax(Syntax::UnclosedComment),
        ),
        (
            "trailing-junk",
            Some((65, 2)),
            "",
            K::Syntax(Syntax::TrailingCharacters),
        ),
        (
            "bad-date",
            Some((8, 21)),
            "",
            K::Syntax(Syntax::BadDate {
                text: "2026-13-01".to_owned(),
            }),
        ),
        // The validator's rules.
        (
            "format-version",
            Some((3, 13)),
            "2",
            K::FormatVersion {
                found: 2,
                supported: 1,
            },
        ),
        (
            "bad-id",
            Some((14, 14)),
            "\"emergency command\"",
            K::BadId {
                id: "emergency command".to_owned(),
                problem: IdProblem::BadChar(' '),
            },
        ),
        (
            "duplicate-unit",
            Some((15, 14)),
            "\"command\"",
            K::DuplicateId {
                what: IdKind::Unit,
                id: "command".to_owned(),
                first_item: 1,
                first_at: Some(Position { line: 14, col: 14 }),
            },
        ),
        (
            "duplicate-step",
            Some((62, 18)),
            "\"confirm\"",
            K::DuplicateId {
                what: IdKind::Step,
                id: "confirm".to_owned(),
                first_item: 1,
                first_at: Some(Position { line: 56, col: 18 }),
            },
        ),
        (
            "unknown-role",
            Some((62, 79)),
            "\"dba\"",
            unknown(IdKind::Role, "dba", &["commander"]),
        ),
        // A person's id where a role belongs says whose it is.
        (
            "person-as-role",
            Some((62, 79)),
            "\"alex\"",
            K::PersonAsRole {
                person: PersonId::new("alex"),
                holds: vec![RoleId::new("commander")],
                target: false,
            },
        ),
        (
            "unknown-person",
            Some((22, 21)),
            "\"alexa\"",
            unknown(IdKind::Person, "alexa", &["alex", "sam"]),
        ),
        (
            "unknown-unit",
            Some((15, 57)),
            "Some(\"technical\")",
            unknown(IdKind::Unit, "technical", &["tech", "command"]),
        ),
        (
            "unknown-level",
            Some((44, 73)),
            "\"V\"",
            unknown(IdKind::Level, "V", &["I", "IV", "II", "III"]),
        ),
        (
            "classes-on-class-step",
            Some((72, 112)),
            "[\"leak\"]",
            K::ClassesOnClassStep {
                class: ClassId::new("leak"),
            },
        ),
        (
            "classes-and-except",
            Some((61, 203)),
            "[\"leak\"]",
            K::ClassesAndExcept,
        ),
        (
            "unknown-template",
            Some((62, 124)),
            "\"tpl-teachers\"",
            unknown(IdKind::Template, "tpl-teachers", &[]),
        ),
        (
            "unknown-target",
            Some((51, 71)),
            "\"isp\"",
            unknown(IdKind::External, "isp", &[]),
        ),
        // Choices and conditions.
        (
            "condition-unknown-choice",
            Some((66, 59)),
            "\"severe\"",
            unknown(IdKind::Choice, "severe", &["major", "minor"]),
        ),
        (
            "condition-not-choices",
            Some((64, 47)),
            "\"fix\"",
            K::ConditionNeedsChoices {
                step: StepId::new("fix"),
            },
        ),
        (
            "condition-not-decision",
            Some((33, 42)),
            "\"fix\"",
            K::ConditionNeedsDecision {
                step: StepId::new("fix"),
            },
        ),
        (
            "condition-unknown-question",
            Some((33, 47)),
            "\"leak\"",
            unknown(IdKind::Question, "leak", &["down", "degraded"]),
        ),
        (
            "duplicate-choice",
            Some((64, 67)),
            "\"major\"",
            K::DuplicateId {
                what: IdKind::Choice,
                id: "major".to_owned(),
                first_item: 1,
                first_at: Some(Position { line: 64, col: 36 }),
            },
        ),
        (
            "duty-unknown-class",
            Some((33, 27)),
            "\"dns\"",
            unknown(IdKind::Class, "dns", &["other"]),
        ),
        (
            "unknown-branch",
            Some((64, 75)),
            "\"escalation\"",
            K::BranchToNowhere {
                branch: Branch::No,
                step: StepId::new("escalation"),
            },
        ),
        (
            "unit-cycle",
            Some((15, 43)),
            "Some(\"b\")",
            K::UnitCycle {
                chain: vec![UnitId::new("a"), UnitId::new("b"), UnitId::new("a")],
            },
        ),
        (
            "no-top-unit",
            Some((14, 60)),
            "Some(\"command\")",
            K::UnitCycle {
                chain: vec![UnitId::new("command"), UnitId::new("command")],
            },
        ),
        (
            "call-tree-cycle",
            Some((49, 114)),
            "Role(\"commander\")",
            K::CallLoop {
                level: LevelId::new("I"),
                chain: vec![
                    Target::Role(RoleId::new("commander")),
                    Target::Person(PersonId::new("sam")),
                    Target::Role(RoleId::new("commander")),
                ],
            },
        ),
        (
            "backward-branch",
            Some((64, 75)),
            "\"fix\"",
            K::BranchBack {
                branch: Branch::No,
                step: StepId::new("fix"),
            },
        ),
        (
            "unreachable-step",
            Some((65, 18)),
            "\"escalate\"",
            K::StepUnreachable {
                step: StepId::new("escalate"),
                class: ClassId::new("other"),
            },
        ),
        (
            "empty-procedure",
            Some((61, 33)),
            "[]",
            K::EmptyProcedure {
                class: ClassId::new("other"),
            },
        ),
        (
            "class-without-procedure",
            Some((47, 14)),
            "\"network\"",
            K::NoProcedure {
                class: ClassId::new("network"),
            },
        ),
        ("no-levels", Some((30, 13)), "[]", K::NoLevels),
        (
            "levels-out-of-order",
            Some((33, 14)),
            "\"II\"",
            K::LevelsOutOfOrder {
                level: LevelId::new("II"),
                after: LevelId::new("III"),
            },
        ),
        // The caret goes under the placeholder itself, not the whole text.
        (
            "unknown-placeholder",
            Some((55, 130)),
            "{students}\"",
            K::UnknownPlaceholder {
                name: "students".to_owned(),
                available: strings(&[
                    "actions",
                    "class",
                    "class_name",
                    "commander",
                    "contact_phone",
                    "declared_at",
                    "discovered_at",
                    "eta",
                    "impact",
                    "level",
                    "level_name",
                    "next_update",
                    "now",
                    "organisation",
                    "title",
                ]),
            },
        ),
        // A key that cannot be a placeholder is not offered as one.
        (
            "bad-record-key",
            Some((67, 91)),
            "{students}",
            K::UnknownPlaceholder {
                name: "students".to_owned(),
                available: strings(&[
                    "actions",
                    "class",
                    "class_name",
                    "commander",
                    "contact_phone",
                    "declared_at",
                    "discovered_at",
                    "eta",
                    "impact",
                    "level",
                    "level_name",
                    "next_update",
                    "now",
                    "organisation",
                    "title",
                ]),
            },
        ),
        (
            "unclosed-placeholder",
            Some((55, 102)),
            "{level\"",
            K::UnclosedBrace,
        ),
        (
            "deadline-not-positive",
            Some((56, 114)),
            "Some(-5)",
            K::NotPositive { minutes: -5 },
        ),
        (
            "step-without-phase",
            Some((62, 18)),
            "\"fix\"",
            K::StepWithoutPhase {
                implicit_some: false,
            },
        ),
        (
            "second-call-tree",
            Some((53, 17)),
            "\"IV\"",
            K::SecondCallTree {
                level: LevelId::new("IV"),
            },
        ),
        (
            "drill-measured-by-unknown-step",
            Some((67, 82)),
            "\"mend\"",
            K::MeasuredByUnknownStep {
                step: StepId::new("mend"),
            },
        ),
    ]
}

#[allow(clippy::too_many_lines)] // One entry per warning: the table is the point.
fn warnings() -> Vec<Expect> {
    vec![
        (
            "step-in-no-response",
            Some((62, 182)),
            "[\"outage\", \"leak\"]",
            K::StepInNoResponse,
        ),
        (
            "shared-step-misfit",
            Some((63, 151)),
            "\"tpl-outage\"",
            K::SharedStepMisfit {
                step: StepId::new("notice"),
                template: TemplateId::new("tpl-outage"),
                audience: plan::doc::Audience::StudentsParents,
                own: vec![(
                    ClassId::new("leak"),
                    StepId::new("leak-notice"),
                    TemplateId::new("tpl-leak"),
                )],
            },
        ),
        (
            "role-without-deputy",
            Some((17, 9)),
            "(",
            K::NoDeputy {
                role: RoleId::new("commander"),
            },
        ),
        (
            "person-without-phone",
            Some((28, 51)),
            "(email",
            K::NoPhone {
                name: "Sam Example".to_owned(),
                person: PersonId::new("sam"),
            },
        ),
        (
            "level-without-call-tree",
            Some((34, 14)),
            "\"IV\"",
            K::NoCallTree {
                level: LevelId::new("IV"),
            },
        ),
        (
            "step-owner-called-late",
            Some((62, 131)),
            "Some(15)",
            K::OwnerLate {
                step: StepId::new("fix"),
                deadline: 15,
                role: RoleId::new("oncall"),
                levels: vec![(LevelId::new("III"), Late::CalledAt(20))],
            },
        ),
        (
            "placeholder-filled-too-late",
            Some((54, 78)),
            "Communicate(",
            K::PlaceholderUnfilled {
                step: StepId::new("notice"),
                template: TemplateId::new("tpl-users"),
                name: "impact".to_owned(),
                responses: Responses::Of(vec![ClassId::new("other")]),
            },
        ),
        (
            "closing-step-timed-from-declaration",
            Some((57, 106)),
            "Some(43200)",
            K::ClosingStepTimed {
                step: StepId::new("review"),
                phase: PhaseId::new("close"),
                minutes: 43200,
            },
        ),
        (
            "legal-limit-from-declaration",
            Some((28, 22)),
            "(id: \"report\"",
            K::LegalLimitFromDeclaration {
                duty: ItemId::new("report"),
            },
        ),
        (
            "deadline-out-of-order",
            Some((63, 158)),
            "Some(25)",
            K::DeadlineOrder {
                step: StepId::new("maintenance-page"),
                deadline: 25,
                after: vec![(StepId::new("fix"), 30)],
                responses: Responses::Of(vec![ClassId::new("other")]),
            },
        ),
        (
            "step-before-paging",
            Some((52, 65)),
            "\"oncall\"",
            K::BeforePaging {
                step: StepId::new("scope"),
                role: RoleId::new("oncall"),
                paging: StepId::new("page"),
                on_duty: vec![Target::Role(RoleId::new("commander"))],
                responses: Responses::Of(vec![ClassId::new("other")]),
            },
        ),
        (
            "owner-never-called",
            Some((65, 90)),
            "\"facilities\"",
            K::OwnerNeverCalled {
                role: RoleId::new("facilities"),
                steps: vec![StepId::new("power")],
                levels: ["I", "II", "III", "IV"].map(LevelId::new).to_vec(),
            },
        ),
        (
            "next-update-without-cadence",
            Some((54, 78)),
            "Communicate(",
            K::PlaceholderUnfilledAt {
                step: StepId::new("notice"),
                template: TemplateId::new("tpl-users"),
                name: "next_update".to_owned(),
                levels: vec![LevelId::new("IV")],
            },
        ),
        (
            "owner-reached-without-slack",
            Some((62, 131)),
            "Some(20)",
            K::NoSlack {
                step: StepId::new("fix"),
                deadline: 20,
                role: RoleId::new("oncall"),
                levels: vec![LevelId::new("III")],
            },
        ),
        (
            "branch-skips-phase",
            Some((138, 209)),
            "\"leak-stop\"",
            K::BranchSkipsPhase {
                step: StepId::new("leak-confirmed"),
                branch: Branch::No,
                to: StepId::new("leak-stop"),
                skipped: vec![StepId::new("inform-csirt"), StepId::new("inform-log")],
            },
        ),
        (
            "recorded-on-one-branch",
            Some((142, 111)),
            "Communicate(",
            K::RecordedOnOneBranch {
                step: StepId::new("leak-notice"),
                template: TemplateId::new("tpl-leak"),
                name: "records".to_owned(),
                recorded_by: vec![StepId::new("leak-records")],
                decision: StepId::new("leak-confirmed"),
                branch: Branch::No,
            },
        ),
        (
            "call-before-caller",
            Some((76, 105)),
            "10)",
            K::CallBeforeCaller {
                level: LevelId::new("I"),
                to: Target::Role(RoleId::new("comms")),
                within: 10,
                caller: Target::Role(RoleId::new("commander")),
                caller_within: Some(15),
            },
        ),
        (
            "reached-through-root",
            Some((25, 119)),
            "\"cai\"",
            K::ReachedThroughRoot {
                role: RoleId::new("scribe"),
                deputy: PersonId::new("cai"),
                levels: vec![LevelId::new("III")],
            },
        ),
        (
            "national-scheme-with-three-levels",
            Some((56, 13)),
            "[",
            K::LevelCount { count: 3 },
        ),
        (
            "severe-level-calls-later",
            Some((44, 92)),
            "Some(25)",
            K::CalledLater {
                to: Target::Role(RoleId::new("oncall")),
                holder: PersonId::new("sam"),
                within: Some(25),
                severe: LevelId::new("I"),
                then: 10,
                milder: LevelId::new("II"),
            },
        ),
    ]
}

fn fixture(dir: &str, name: &str) -> plan_file::PlanFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
        .join(format!("{name}.ron"));
    plan_file::load(&path)
}

/// Checks that one of `diags` is the expected kind, and that its span
/// starts at the expected text.
fn assert_reported(name: &str, text: &str, diags: &[Diagnostic], expect: &Expect) {
    let (_, at, starts_with, kind) = expect;
    let Some(d) = diags.iter().find(|d| d.kind == *kind) else {
        panic!("{name}: no diagnostic is {kind:?}; got {diags:#?}");
    };
    let got = d.span.map(|s| (s.start.line, s.start.col));
    assert_eq!(got, *at, "{name}: wrong position for {:?}", d.kind);
    if let Some((line, col)) = *at {
        let line_text = text.lines().nth(line - 1).unwrap_or_default();
        let rest: String = line_text.chars().skip(col - 1).collect();
        assert!(
            rest.starts_with(starts_with),
            "{name}: the span starts at {rest:?}, expected {starts_with:?}"
        );
    }
}

#[test]
fn every_broken_fixture_gives_its_located_error() {
    for expect in &broken() {
        let file = fixture("broken", expect.0);
        let Err(diags) = &file.outcome else {
            panic!("{}: the plan was accepted", expect.0);
        };
        assert_reported(expect.0, &file.text(), diags, expect);
    }
}

#[test]
fn every_warning_fixture_loads_with_its_warning() {
    for expect in &warnings() {
        let file = fixture("warnings", expect.0);
        let Ok(checked) = &file.outcome else {
            panic!("{}: the plan was refused: {:#?}", expect.0, file.outcome);
        };
        assert_eq!(
            checked.warnings.len(),
            1,
            "{}: {:#?}",
            expect.0,
            checked.warnings
        );
        assert_reported(expect.0, &file.text(), &checked.warnings, expect);
    }
}

#[test]
fn every_fixture_on_disk_is_in_a_table() {
    for (dir, table) in [("broken", broken()), ("warnings", warnings())] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(dir);
        for entry in std::fs::read_dir(path).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let stem = name.trim_end_matches(".ron");
            assert!(
                table.iter().any(|e| e.0 == stem),
                "{dir}/{name} has no expectation"
            );
        }
    }
}

/// A few diagnostics as a plan author reads them, whole, in each language:
/// the same place, path and caret, the words of the language.
#[test]
fn diagnostics_read_the_same_in_chinese_and_english() {
    let file = fixture("broken", "unknown-role");
    let en = file.rendered(Lang::En.tr().plan);
    let zh = file.rendered(Lang::Zh.tr().plan);
    let name = file.path.display();
    let excerpt = format!(
        "   |\n62 |             (id: \"fix\", text: \"Fix the fault.\", phase: Some(\"recover\"), role: \"dba\", kind: Action),\n   | {}^^^^^\n",
        " ".repeat(78)
    );
    assert_eq!(
        en,
        [format!(
            "{name}:62:79: error: procedures[other].steps[fix].role: no role \"dba\" (known: \"commander\")\n{excerpt}"
        )]
    );
    assert_eq!(
        zh,
        [format!(
            "{name}:62:79: 错误: procedures[other].steps[fix].role: 找不到岗位 \"dba\"（已有：\"commander\"）\n{excerpt}"
        )]
    );
    let file = fixture("warnings", "severe-level-calls-later");
    let headline = |lang: Lang| match &file.outcome {
        Ok(checked) => checked.warnings[0].headline("p.ron", lang.tr().plan),
        Err(e) => panic!("{e:#?}"),
    };
    assert_eq!(
        headline(Lang::En),
        "p.ron:44:92: warning: call_trees[I].calls[0].within_minutes: role \"oncall\" (held by \"sam\") \
         is called within 25 minutes at level \"I\" but within 10 at the less severe level \"II\": \
         a more severe level should not call later"
    );
    assert_eq!(
        headline(Lang::Zh),
        "p.ron:44:92: 警告: call_trees[I].calls[0].within_minutes: 岗位 \"oncall\"（负责人 \"sam\"） \
         在等级 \"I\" 中的呼叫时限为 25 分钟，而在较轻的等级 \"II\" 中为 10 分钟：更严重的等级不应更晚呼叫"
    );
    // A message with nothing to fill in.
    let file = fixture("broken", "truncated");
    let Err(diags) = &file.outcome else {
        panic!("accepted")
    };
    assert_eq!(
        Lang::En.tr().plan.message(&diags[0].kind),
        "the file ends too early: a bracket or a string is not closed"
    );
    assert_eq!(
        Lang::Zh.tr().plan.message(&diags[0].kind),
        "文件提前结束了：有括号或字符串没有闭合"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/minimal.ron")).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&text);
    assert!(plan::parse(&with_bom).is_ok());
}

#[test]
fn nesting_past_the_recursion_limit_is_refused_in_plain_words() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/minimal.ron"))
            .unwrap();
    let deep = format!(
        "{}{}",
        "(to: Person(\"sam\"), calls: [".repeat(200),
        "]) ".repeat(200)
    );
    let text = text.replacen(
        "calls: [(to: Person(\"sam\"))]",
        &format!("calls: [{deep}]"),
        1,
    );
    let errors = plan::parse(text.as_bytes()).unwrap_err();
    assert_eq!(errors[0].kind, K::Syntax(Syntax::TooDeep), "{errors:#?}");
}

#[test]
fn a_file_over_the_size_cap_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: no 16 MiB are written.
    file.set_len(plan::input::MAX_PLAN_BYTES as u64 + 1)
        .unwrap();
    let loaded = plan_file::load(&path);
    let errors = loaded.outcome.unwrap_err();
    assert_eq!(
        errors[0].kind,
        K::TooLarge {
            bytes: 16 * 1024 * 1024 + 1,
            max_bytes: 16 * 1024 * 1024
        },
        "{errors:#?}"
    );
    assert!(
        Lang::En
            .tr()
            .plan
            .message(&errors[0].kind)
            .contains("the file is 16.0 MiB, larger than the 16 MiB a plan may be")
    );
}

#[test]
fn a_missing_file_and_a_folder_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = plan_file::load(&dir.path().join("nope.ron"))
        .outcome
        .unwrap_err();
    assert!(
        matches!(&missing[0].kind, K::CannotRead(OsError { kind, .. }) if *kind == std::io::ErrorKind::NotFound),
        "{missing:#?}"
    );
    let folder = plan_file::load(dir.path()).outcome.unwrap_err();
    assert_eq!(folder[0].kind, K::Folder, "{folder:#?}");
}

#[test]
fn all_validation_errors_come_in_one_pass() {
    let file = fixture("broken", "bad-id");
    let errors = file.outcome.unwrap_err();
    // The bad id itself, and each of the five references to the unit it broke.
    assert_eq!(
        errors.iter().filter(|d| d.is_error()).count(),
        6,
        "{errors:#?}"
    );
}

/// The feasibility checks on variations of one fixture: the kinds the
/// fixtures above do not show, and the fixes that silence them.
#[test]
fn feasibility_warnings_come_and_go_with_the_plan() {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/warnings/severe-level-calls-later.ron"),
    )
    .unwrap();
    let warnings = |edits: &[(&str, &str)]| -> Vec<K> {
        let mut text = base.clone();
        for (from, to) in edits {
            assert_eq!(text.matches(from).count(), 1, "{from:?}");
            text = text.replacen(from, to, 1);
        }
        match plan::parse(text.as_bytes()) {
            Ok(checked) => checked.warnings.into_iter().map(|d| d.kind).collect(),
            Err(e) => panic!("{e:#?}"),
        }
    };
    // The fixture's own warning, fixed: nothing left.
    let fixed = ("within_minutes: Some(25))])", "within_minutes: Some(5))])");
    assert_eq!(warnings(&[fixed]), Vec::<K>::new());
    // Nobody who owns the step is called at level III.
    let iii = (
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Role(\"oncall\"), within_minutes: Some(20))])",
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"alex\"), within_minutes: Some(20))])",
    );
    let w = warnings(&[fixed, iii]);
    assert_eq!(w.len(), 2, "{w:#?}");
    assert!(
        w.contains(&K::OwnerLate {
            step: StepId::new("fix"),
            deadline: 30,
            role: RoleId::new("oncall"),
            levels: vec![(LevelId::new("III"), Late::NotCalled)],
        }),
        "{w:#?}"
    );
    // ... which also means level III leaves out someone level IV calls.
    assert!(
        w.contains(&K::NotCalledAtSevere {
            to: Target::Role(RoleId::new("oncall")),
            holder: PersonId::new("sam"),
            milder: LevelId::new("IV"),
            severe: LevelId::new("III"),
        }),
        "{w:#?}"
    );
    // A deputy of the owner counts: kim stands in for sam.
    let deputy = (
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Role(\"oncall\"), within_minutes: Some(20))])",
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"kim\"), within_minutes: Some(20)), (to: Role(\"oncall\"), within_minutes: Some(30))])",
    );
    let w = warnings(&[fixed, deputy]);
    assert!(
        !w.iter().any(|k| matches!(k, K::OwnerLate { .. })),
        "{w:#?}"
    );
    // (Kim is now called at level III but not at I or II.)
    assert_eq!(w.len(), 2, "{w:#?}");
    // A value recorded after the message is sent does not fill it.
    let record = "            (id: \"impact\", text: \"Describe the impact for users.\", role: \"commander\", kind: Record(key: \"impact\", label: \"Impact\", value: Text)),\n";
    let late = [
        fixed,
        (record, ""),
        (
            "            (id: \"review\"",
            &format!("{record}            (id: \"review\""),
        ),
    ];
    let w = warnings(&late);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        matches!(
            &w[0],
            K::PlaceholderUnfilled { name, responses: Responses::Of(classes), .. }
                if name == "impact" && *classes == [ClassId::new("other")]
        ),
        "{w:#?}"
    );
}

/// The messages of issue 29's plan author, each now saying what to do.
#[test]
fn messages_say_where_and_what_to_do() {
    let en = |d: &Diagnostic| Lang::En.tr().plan.message(&d.kind);
    // A duplicate says where the first one is.
    let file = fixture("broken", "duplicate-unit");
    let Err(diags) = &file.outcome else {
        panic!("accepted")
    };
    assert_eq!(
        en(&diags[0]),
        "duplicate unit id \"command\": already used on line 14, column 14 (item 1); \
         ids must be unique"
    );
    assert_eq!(
        Lang::Zh.tr().plan.message(&diags[0].kind),
        "单位 id \"command\" 重复：第 14 行第 14 列（第 1 项）已经用了这个 id；id 必须唯一"
    );
    // A placeholder error puts the caret under the placeholder.
    let file = fixture("broken", "unknown-placeholder");
    let rendered = file.rendered(Lang::En.tr().plan).join("");
    assert!(
        rendered.ends_with(&format!("\n   | {}^^^^^^^^^^\n", " ".repeat(129))),
        "{rendered}"
    );
    // A person's id used as a role in a call tree: a person may be called.
    let file = fixture("broken", "person-as-role");
    let Err(diags) = &file.outcome else {
        panic!("accepted")
    };
    assert!(
        diags.iter().any(|d| d.kind
            == K::PersonAsRole {
                person: PersonId::new("sam"),
                holds: Vec::new(),
                target: true,
            }
            && en(d).contains("write `Person(\"sam\")` to call the person")),
        "{diags:#?}"
    );
    // The known ids are the closest to what was typed: in a plan with 31
    // roles, the one meant comes first.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/revisions/2.1.en.ron"),
    )
    .unwrap()
    .replacen("role: \"net-oncall\"", "role: \"net-oncal\"", 1);
    let diags = plan::parse(text.as_bytes()).unwrap_err();
    assert!(
        matches!(&diags[0].kind, K::UnknownId { known, more: true, .. } if known[0] == "net-oncall"),
        "{diags:#?}"
    );
    // A hint is written the way the file writes optional values.
    let university = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/order/university.ron"),
    )
    .unwrap();
    let text = university.replacen("phase: \"contain\", ", "", 1);
    let diags = plan::parse(text.as_bytes()).unwrap_err();
    assert_eq!(
        diags[0].kind,
        K::StepWithoutPhase {
            implicit_some: true
        }
    );
    assert_eq!(
        en(&diags[0]),
        "a procedure step must name its phase, for example `phase: \"contain\"`"
    );
    // "expected option" says why, and what to do.
    let minimal =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/minimal.ron"))
            .unwrap();
    let text = minimal.replacen("within_minutes: Some(15)", "within_minutes: 15", 1);
    let diags = plan::parse(text.as_bytes()).unwrap_err();
    assert_eq!(diags[0].kind, K::Syntax(Syntax::Expected(Token::Option)));
    assert!(
        en(&diags[0]).contains("without `#![enable(implicit_some)]` as the file's first line"),
        "{}",
        en(&diags[0])
    );
}
