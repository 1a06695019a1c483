//! Every validation rule has a broken fixture under `tests/data/broken/`, and
//! every warning one under `tests/data/warnings/`; each must give its message
//! at its line and column, pointing at the right text.

use std::path::Path;

use runbook::io::plan_file;
use runbook::model::plan::{self, Diagnostic};

/// Fixture, line and column (none for whole-file problems), the text the
/// span starts at, and part of the message.
type Expect = (
    &'static str,
    Option<(usize, usize)>,
    &'static str,
    &'static str,
);

const BROKEN: &[Expect] = &[
    // Input hygiene.
    ("empty", None, "", "the file is empty"),
    ("utf16", None, "", "not UTF-8 text: the file is UTF-16"),
    (
        "not-utf8",
        Some((28, 32)),
        "",
        "not UTF-8 text: byte 0xE9 at byte offset 845",
    ),
    // Syntax and types, as ron sees them, in plain words.
    ("truncated", Some((29, 7)), "", "the file ends too early"),
    (
        "misspelt-field",
        Some((56, 77)),
        "rolee",
        "unknown field `rolee` in Step; the fields here are: id, text",
    ),
    (
        "misspelt-variant-field",
        Some((64, 87)),
        "yess",
        "unknown field `yess` in Decision; the fields here are: question, yes, no",
    ),
    (
        "missing-field",
        Some((62, 85)),
        ")",
        "missing field `role` in Step",
    ),
    (
        "duplicate-field",
        Some((14, 52)),
        "name",
        "the field `name` is given twice",
    ),
    (
        "unknown-variant",
        Some((32, 43)),
        "Purple",
        "`Purple` is not one of the choices for Colour: Red, Orange",
    ),
    (
        "wrong-type",
        Some((50, 97)),
        "\"thirty\"",
        "expected a whole number",
    ),
    (
        "unclosed-string",
        Some((6, 24)),
        "",
        "or a string before this is not closed",
    ),
    (
        "unclosed-comment",
        Some((13, 7)),
        "",
        "a `/*` comment is never closed",
    ),
    (
        "trailing-junk",
        Some((65, 2)),
        "",
        "unexpected text after the end of the plan",
    ),
    (
        "bad-date",
        Some((8, 21)),
        "",
        "\"2026-13-01\" is not a valid date; write dates as YYYY-MM-DD",
    ),
    // The validator's rules.
    (
        "format-version",
        Some((3, 13)),
        "2",
        "this plan is in format 2, but this version of runbook reads format 1",
    ),
    (
        "bad-id",
        Some((14, 14)),
        "\"emergency command\"",
        "an id may only contain ASCII letters",
    ),
    (
        "duplicate-unit",
        Some((15, 14)),
        "\"command\"",
        "units[1].id: duplicate unit id \"command\"",
    ),
    (
        "duplicate-step",
        Some((62, 18)),
        "\"confirm\"",
        "procedures[other].steps[confirm].id: duplicate step id \"confirm\"",
    ),
    (
        "unknown-role",
        Some((62, 79)),
        "\"dba\"",
        "procedures[other].steps[fix].role: no role \"dba\" (known: \"commander\")",
    ),
    (
        "unknown-person",
        Some((22, 21)),
        "\"alexa\"",
        "roles[commander].holder: no person \"alexa\"",
    ),
    (
        "unknown-unit",
        Some((15, 57)),
        "Some(\"technical\")",
        "units[tech].parent: no unit \"technical\"",
    ),
    (
        "unknown-level",
        Some((44, 73)),
        "\"V\"",
        "classes[other].assessment[degraded].level: no level \"V\"",
    ),
    (
        "unknown-template",
        Some((62, 124)),
        "\"tpl-teachers\"",
        "no template \"tpl-teachers\"",
    ),
    (
        "unknown-target",
        Some((51, 71)),
        "\"isp\"",
        "call_trees[III].calls[0].to: no external contact \"isp\"",
    ),
    (
        "unknown-branch",
        Some((64, 75)),
        "\"escalation\"",
        "the no branch goes to step \"escalation\", which does not exist",
    ),
    (
        "unit-cycle",
        Some((15, 43)),
        "Some(\"b\")",
        "the units form a cycle: a → b → a",
    ),
    (
        "no-top-unit",
        Some((14, 60)),
        "Some(\"command\")",
        "the units form a cycle: command → command",
    ),
    (
        "call-tree-cycle",
        Some((49, 114)),
        "Role(\"commander\")",
        "loops back: role \"commander\" → person \"sam\" → role \"commander\"",
    ),
    (
        "backward-branch",
        Some((64, 75)),
        "\"fix\"",
        "the no branch goes back to step \"fix\"",
    ),
    (
        "unreachable-step",
        Some((65, 18)),
        "\"escalate\"",
        "step \"escalate\" can never be reached in the response to \"other\"",
    ),
    (
        "empty-procedure",
        Some((61, 33)),
        "[]",
        "the procedure for \"other\" has no steps",
    ),
    (
        "class-without-procedure",
        Some((47, 14)),
        "\"network\"",
        "fault class \"network\" has no procedure",
    ),
    (
        "no-levels",
        Some((30, 13)),
        "[]",
        "the plan has no response levels",
    ),
    (
        "levels-out-of-order",
        Some((33, 14)),
        "\"II\"",
        "\"II\" cannot follow \"III\"",
    ),
    (
        "unknown-placeholder",
        Some((55, 81)),
        "\"{title}",
        "the placeholder {students} does not exist",
    ),
    (
        "unclosed-placeholder",
        Some((55, 81)),
        "\"{title}",
        "a `{` is never closed",
    ),
    (
        "deadline-not-positive",
        Some((56, 114)),
        "Some(-5)",
        "a time limit must be a positive number of minutes, not -5",
    ),
    (
        "step-without-phase",
        Some((62, 18)),
        "\"fix\"",
        "a procedure step must name its phase",
    ),
    (
        "second-call-tree",
        Some((53, 17)),
        "\"IV\"",
        "a second call tree for level \"IV\"",
    ),
    (
        "drill-measured-by-unknown-step",
        Some((67, 82)),
        "\"mend\"",
        "the target is measured by step \"mend\", which does not exist",
    ),
];

const WARNINGS: &[Expect] = &[
    (
        "role-without-deputy",
        Some((17, 9)),
        "(",
        "role \"commander\" has no deputy",
    ),
    (
        "person-without-phone",
        Some((28, 51)),
        "(email",
        "Sam Example (\"sam\") has no phone number",
    ),
    (
        "level-without-call-tree",
        Some((34, 14)),
        "\"IV\"",
        "level \"IV\" has no call tree",
    ),
    (
        "step-owner-called-late",
        Some((62, 131)),
        "Some(15)",
        "step \"fix\" is due 15 minutes after the declaration, but its owner (role \"oncall\", \
         the holder or a deputy) is not reached by then: called at 20 minutes at level \"III\"",
    ),
    (
        "placeholder-filled-too-late",
        Some((54, 78)),
        "Communicate(",
        "step \"notice\" sends template \"tpl-users\", but nothing fills its {impact} before then",
    ),
    (
        "closing-step-timed-from-declaration",
        Some((57, 106)),
        "Some(43200)",
        "step \"review\" belongs to the closing phase \"close\"",
    ),
    (
        "legal-limit-from-declaration",
        Some((28, 22)),
        "(id: \"report\"",
        "the legal time limit of duty \"report\" counts from the declaration",
    ),
    (
        "severe-level-calls-later",
        Some((44, 92)),
        "Some(25)",
        "role \"oncall\" (held by \"sam\") is called within 25 minutes at level \"I\" but within \
         10 at the less severe level \"II\"",
    ),
];

fn fixture(dir: &str, name: &str) -> plan_file::PlanFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(dir)
        .join(format!("{name}.ron"));
    plan_file::load(&path)
}

/// Checks that one of `diags` matches the expectation, and that its span
/// starts at the expected text.
fn assert_reported(name: &str, text: &str, diags: &[Diagnostic], expect: &Expect) {
    let (_, at, starts_with, message) = *expect;
    let found = diags
        .iter()
        .find(|d| d.message.contains(message) || d.headline("").contains(message));
    let Some(d) = found else {
        panic!("{name}: no diagnostic says {message:?}; got {diags:#?}");
    };
    let got = d.span.map(|s| (s.start.line, s.start.col));
    assert_eq!(got, at, "{name}: wrong position for {:?}", d.message);
    if let Some((line, col)) = at {
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
    for expect in BROKEN {
        let file = fixture("broken", expect.0);
        let Err(diags) = &file.outcome else {
            panic!("{}: the plan was accepted", expect.0);
        };
        assert_reported(expect.0, &file.text(), diags, expect);
    }
}

#[test]
fn every_warning_fixture_loads_with_its_warning() {
    for expect in WARNINGS {
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
    for (dir, table) in [("broken", BROKEN), ("warnings", WARNINGS)] {
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
    assert!(
        errors[0].message.contains("nested too deeply"),
        "{errors:#?}"
    );
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
    assert!(
        errors[0]
            .message
            .contains("larger than the 16 MiB a plan may be"),
        "{errors:#?}"
    );
}

#[test]
fn a_missing_file_and_a_folder_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = plan_file::load(&dir.path().join("nope.ron"))
        .outcome
        .unwrap_err();
    assert!(missing[0].message.contains("does not exist"));
    let folder = plan_file::load(dir.path()).outcome.unwrap_err();
    assert!(folder[0].message.contains("folder"), "{folder:#?}");
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

/// The feasibility checks on variations of one fixture: the messages for
/// what the fixtures above do not show, and the fixes that silence them.
#[test]
fn feasibility_warnings_come_and_go_with_the_plan() {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/warnings/severe-level-calls-later.ron"),
    )
    .unwrap();
    let warnings = |edits: &[(&str, &str)]| -> Vec<String> {
        let mut text = base.clone();
        for (from, to) in edits {
            assert_eq!(text.matches(from).count(), 1, "{from:?}");
            text = text.replacen(from, to, 1);
        }
        match plan::parse(text.as_bytes()) {
            Ok(checked) => checked.warnings.into_iter().map(|d| d.message).collect(),
            Err(e) => panic!("{e:#?}"),
        }
    };
    // The fixture's own warning, fixed: nothing left.
    let fixed = ("within_minutes: Some(25))])", "within_minutes: Some(5))])");
    assert_eq!(warnings(&[fixed]), Vec::<String>::new());
    // Nobody who owns the step is called at level III.
    let iii = (
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Role(\"oncall\"), within_minutes: Some(20))])",
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"alex\"), within_minutes: Some(20))])",
    );
    let w = warnings(&[fixed, iii]);
    assert_eq!(w.len(), 2, "{w:#?}");
    let says = |what: &str| w.iter().any(|m| m.contains(what));
    assert!(
        says("is not reached by then: not called at level \"III\""),
        "{w:#?}"
    );
    // ... which also means level III leaves out someone level IV calls.
    assert!(
        says(
            "role \"oncall\" (held by \"sam\") is called at level \"IV\" but not at the more severe level \"III\""
        ),
        "{w:#?}"
    );
    // A deputy of the owner counts: kim stands in for sam.
    let deputy = (
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Role(\"oncall\"), within_minutes: Some(20))])",
        "(level: \"III\", root: Role(\"commander\"), calls: [(to: Person(\"kim\"), within_minutes: Some(20)), (to: Role(\"oncall\"), within_minutes: Some(30))])",
    );
    let w = warnings(&[fixed, deputy]);
    assert!(!w.iter().any(|m| m.contains("step \"fix\"")), "{w:#?}");
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
        w[0].contains("nothing fills its {impact} before then in the response to \"other\""),
        "{w:#?}"
    );
}
