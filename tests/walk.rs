//! A walk that cannot be mis-keyed (issue 28), in the model and from the
//! command line: a decision or a value step is done by its answer or its
//! value, never marked done without it; `status` says each step's kind and
//! how the next one is done.

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use runbook::model::ids::{ClassId, LevelId, StepId};
use runbook::model::incident::{
    Action, ActionError, Declaration, Entry, Incident, NeededKind, StepStatus, declare,
};
use runbook::model::plan::{self, Plan};

use super::cli_incident::{Run, files_under};

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn entry(minute: i64, event: runbook::model::incident::Event) -> Entry {
    Entry {
        recorded_at: t0() + Duration::minutes(minute),
        happened_at: None,
        by: "Ann".into(),
        device: "laptop-1".into(),
        after: runbook::model::incident::Causes::default(),
        event,
    }
}

fn test_plan() -> Plan {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron"))
            .unwrap();
    plan::parse(&bytes).unwrap().plan
}

/// A software incident of the test plan, in memory.
fn software() -> (Plan, Incident) {
    let plan = test_plan();
    let event = declare(
        &plan,
        "sha",
        Declaration {
            title: "Login down".into(),
            class: ClassId::new("software"),
            level: Some(LevelId::new("III")),
            answers: vec![],
            level_reason: None,
            discovered_at: None,
            commander: None,
            drill: true,
        },
        t0(),
    )
    .unwrap();
    let incident = Incident::new(&entry(0, event)).unwrap();
    (plan, incident)
}

fn done(step: &str) -> Action {
    Action::SetStep {
        step: StepId::new(step),
        status: StepStatus::Done,
    }
}

#[test]
fn a_decision_or_a_value_step_is_done_by_its_answer_not_marked_done() {
    let (plan, mut s) = software();
    // The decision: refused while unanswered, and says so as data.
    assert_eq!(
        s.check(&plan, done("release")),
        Err(ActionError::AnswerFirst {
            step: StepId::new("release"),
            needed: NeededKind::Decision,
        })
    );
    // The value step, likewise.
    assert_eq!(
        s.check(&plan, done("students")),
        Err(ActionError::AnswerFirst {
            step: StepId::new("students"),
            needed: NeededKind::Record,
        })
    );
    // Any other status is still free: a decision may be skipped, deferred…
    for status in [
        StepStatus::NotApplicable,
        StepStatus::Deferred,
        StepStatus::Skipped {
            reason: "no release today".into(),
        },
    ] {
        assert!(
            s.check(
                &plan,
                Action::SetStep {
                    step: StepId::new("release"),
                    status: status.clone(),
                }
            )
            .is_ok(),
            "{status:?}"
        );
    }
    // Once answered, or its value recorded, done is accepted (a step
    // reopened and done again).
    for (minute, action) in [
        (
            1,
            Action::Decide {
                step: StepId::new("release"),
                yes: false,
            },
        ),
        (
            2,
            Action::Record {
                step: StepId::new("students"),
                value: "1,200".into(),
            },
        ),
    ] {
        let event = s.check(&plan, action).unwrap();
        s.apply(&entry(minute, event));
    }
    assert!(s.check(&plan, done("release")).is_ok());
    assert!(s.check(&plan, done("students")).is_ok());
    // Reopening takes the answer away: it must be given again.
    let event = s
        .check(
            &plan,
            Action::SetStep {
                step: StepId::new("release"),
                status: StepStatus::Reopened,
            },
        )
        .unwrap();
    s.apply(&entry(3, event));
    assert!(matches!(
        s.check(&plan, done("release")),
        Err(ActionError::AnswerFirst { .. })
    ));
    // Every other step is marked done as before.
    assert!(s.check(&plan, done("confirm")).is_ok());
}

/// Declares a level II network drill on the bundled plan; returns its
/// folder.
fn bundled_network(run: &Run) -> std::path::PathBuf {
    let out = run.ok(&[
        "incident",
        "new",
        "--class",
        "network",
        "--answer",
        "region-cdn=yes",
        "--title",
        "华东直播卡顿",
        "--drill",
    ]);
    let folder = out
        .lines()
        .find_map(|l| l.strip_prefix("folder: "))
        .unwrap_or_else(|| panic!("no folder in {out}"));
    std::path::PathBuf::from(folder)
}

#[test]
fn step_done_on_a_decision_is_refused_with_the_command_and_writes_nothing() {
    let run = Run::new();
    let dir = bundled_network(&run);
    let before = files_under(&dir);
    let (code, text) = run.runbook(&["incident", "step", "network", "net-change", "--done"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("step \"net-change\" is a decision: it is done by its answer"),
        "{text}"
    );
    assert!(
        text.contains("`runbook incident decide network net-change yes|no` does it"),
        "{text}"
    );
    assert_eq!(
        files_under(&dir),
        before,
        "the log unchanged, byte for byte"
    );
    // A value step: the command that records it.
    let (code, text) = run.runbook(&["incident", "step", "network", "assess-impact", "--done"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("`runbook incident record network assess-impact VALUE` does it"),
        "{text}"
    );
    assert_eq!(
        files_under(&dir),
        before,
        "the log unchanged, byte for byte"
    );
    // Answered, the walk takes its branch.
    run.ok(&["incident", "decide", "network", "net-change", "no"]);
    assert_ne!(files_under(&dir), before);
}

#[test]
fn status_shows_each_steps_kind_and_how_the_next_is_done() {
    let run = Run::new();
    bundled_network(&run);
    let status = run.ok(&["incident", "status", "network"]);
    // A checklist line: four spaces, the mark, the id, the kind, the text.
    let kind_of = |id: &str| {
        status
            .lines()
            .filter_map(|l| l.strip_prefix("    ").and_then(|r| r.get(4..)))
            .map(|r| r.split_whitespace().take(2).collect::<Vec<_>>())
            .find(|w| w.first() == Some(&id))
            .and_then(|w| w.get(1).map(|k| (*k).to_owned()))
            .unwrap_or_else(|| panic!("no line for {id} in\n{status}"))
    };
    for (id, kind) in [
        ("assess-confirm", "check"),
        ("assess-discovery", "record"),
        ("net-change", "decision"),
    ] {
        assert_eq!(kind_of(id), kind, "{status}");
    }
    assert!(
        status.contains("when done: runbook incident step network assess-confirm --done"),
        "{status}"
    );
    run.ok(&["incident", "step", "network", "assess-confirm", "--done"]);
    let status = run.ok(&["incident", "status", "network"]);
    assert!(
        status.contains("record it: runbook incident record network assess-discovery VALUE"),
        "{status}"
    );
    run.ok(&["incident", "decide", "network", "net-change", "yes"]);
    let status = run.ok(&["incident", "status", "network"]);
    let answered = status
        .lines()
        .find(|l| l.contains("net-change "))
        .unwrap()
        .to_owned();
    assert!(answered.starts_with("    [x]"), "{answered}");
    assert!(answered.ends_with("= yes"), "{answered}");
}

/// `runbook incident ARGS` at `minutes` after 09:00 Beijing time on the
/// drill's day.
fn at_minute(run: &Run, minutes: i64, args: &[&str]) -> (i32, String) {
    let now = (DateTime::parse_from_rfc3339("2026-03-02T01:00:00Z").unwrap()
        + Duration::minutes(minutes))
    .to_rfc3339();
    let mut all = vec!["incident", "--now", now.as_str()];
    all.extend_from_slice(args);
    run.runbook(&all)
}

#[test]
fn close_lists_what_is_left_and_closes_only_with_yes() {
    let run = Run::new();
    let (code, out) = at_minute(
        &run,
        0,
        &[
            "new",
            "--class",
            "network",
            "--answer",
            "region-cdn=yes",
            "--title",
            "华东直播卡顿",
            "--drill",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let dir = std::path::PathBuf::from(
        out.lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap(),
    );
    for (minute, args) in [
        (2, &["step", "network", "assess-confirm", "--done"][..]),
        (3, &["step", "network", "assess-declare", "--defer"][..]),
        (
            4,
            &[
                "call",
                "network",
                "role:office-director",
                "--outcome",
                "reached",
            ][..],
        ),
    ] {
        let (code, out) = at_minute(&run, minute, args);
        assert_eq!(code, 0, "{args:?}: {out}");
    }
    let before = files_under(&dir);
    // Three hours in: the city education bureau's two hours are past.
    let close = ["close", "network", "--summary", "drill over"];
    let (code, out) = at_minute(&run, 180, &close);
    assert_eq!(code, 1, "refused without --yes:\n{out}");
    assert!(out.contains("not closed"), "{out}");
    assert_eq!(files_under(&dir), before, "nothing written");
    let lines: Vec<&str> = out.lines().collect();
    let after = |head: &str| {
        let i = lines
            .iter()
            .position(|l| l.contains(head))
            .unwrap_or_else(|| panic!("no {head:?} in\n{out}"));
        lines[i + 1].split_whitespace().next().unwrap_or_default()
    };
    assert!(out.contains("step(s) open:"), "{out}");
    assert_eq!(after("1 step(s) deferred:"), "assess-declare", "{out}");
    // Duties: the overdue one first, then by when they fall due.
    assert_eq!(
        after("duty(ies) not fulfilled, overdue first:"),
        "edu-report"
    );
    let duties: Vec<&str> = lines
        .iter()
        .skip_while(|l| !l.contains("not fulfilled"))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .copied()
        .collect();
    assert!(duties[0].contains("OVERDUE by 60 min"), "{out}");
    assert!(
        duties[1].starts_with("    cac-report") && duties[1].contains("(in 60 min)"),
        "{out}"
    );
    assert!(
        duties
            .iter()
            .any(|l| l.starts_with("    summary-report") && l.contains("counts from the close")),
        "{out}"
    );
    // The calls nobody answered: all but the one reached.
    let calls = run.ok(&["incident", "calls", "network"]);
    let all: usize = calls
        .lines()
        .find_map(|l| l.strip_prefix("reached 1 of "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{calls}"));
    assert!(
        out.contains(&format!("{} call(s) not answered:", all - 1)),
        "{out}"
    );
    // With --yes: the same list, then closed.
    let (code, out) = at_minute(&run, 181, &[&close[..], &["--yes"]].concat());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 step(s) deferred:"), "{out}");
    assert!(out.contains("the incident is closed"), "{out}");
    let status = run.ok(&["incident", "status", "network"]);
    assert!(status.contains("DRILL, closed"), "{status}");
}

/// The incident `s` under `plan`, recorded by Ann on laptop-1 at
/// `minute`, as the service does: the model builds the entry, then it is
/// applied.
fn record(
    plan: &Plan,
    s: &mut Incident,
    minute: i64,
    action: Action,
) -> Result<Entry, ActionError> {
    record_as(plan, s, minute, action, "Ann")
}

fn record_as(
    plan: &Plan,
    s: &mut Incident,
    minute: i64,
    action: Action,
    by: &str,
) -> Result<Entry, ActionError> {
    let stamp = runbook::model::incident::Stamp {
        by,
        device: "laptop-1",
        now: t0() + Duration::minutes(minute),
    };
    let e = s.entry(plan, action, None, stamp)?;
    s.apply(&e);
    Ok(e)
}

fn undo_last(plan: &Plan, s: &mut Incident, minute: i64) -> Result<Entry, ActionError> {
    let now = t0() + Duration::minutes(minute);
    let last = runbook::model::incident::EntryRef::to(s.last_undoable("Ann", "laptop-1", now)?);
    record(plan, s, minute, Action::Undo { entry: last })
}

#[test]
fn an_undo_is_a_new_entry_that_puts_back_what_the_last_one_changed() {
    use runbook::model::incident::{CallOutcome, Channel, ItemState, UndoRefusal};
    use runbook::model::plan::doc::Target;
    let (plan, mut s) = software();
    let state = |s: &Incident, step: &str| {
        s.status(&plan, t0())
            .items
            .iter()
            .find(|i| i.step.id == StepId::new(step))
            .map(|i| i.state.clone())
            .unwrap()
    };
    // Nothing of Ann's yet: the declaration is not hers to take back.
    assert_eq!(
        undo_last(&plan, &mut s, 1).map(|_| ()),
        Err(ActionError::Undo(UndoRefusal::Nothing))
    );
    record(&plan, &mut s, 1, done("confirm")).unwrap();
    // An accidental skip (the `s` of a word typed at the wrong place).
    let skip = record(
        &plan,
        &mut s,
        2,
        Action::SetStep {
            step: StepId::new("confirm"),
            status: StepStatus::Skipped {
                reason: "ky 1200".into(),
            },
        },
    )
    .unwrap();
    assert!(matches!(state(&s, "confirm"), ItemState::Skipped(_)));
    let undo = undo_last(&plan, &mut s, 3).unwrap();
    assert_eq!(
        undo.event,
        runbook::model::incident::Event::Undone {
            undoes: runbook::model::incident::EntryRef::to(&skip)
        }
    );
    // Back to done, as the entry before the skip left it; both are kept.
    assert_eq!(state(&s, "confirm"), ItemState::Done);
    assert!(s.is_undone(&skip));
    assert_eq!(s.timeline().len(), 4);
    // A second undo steps back once more: the step is open again.
    undo_last(&plan, &mut s, 4).unwrap();
    assert_eq!(state(&s, "confirm"), ItemState::Open);
    // A value and an answer come back as they were.
    record(
        &plan,
        &mut s,
        5,
        Action::Record {
            step: StepId::new("students"),
            value: "1,200".into(),
        },
    )
    .unwrap();
    record(
        &plan,
        &mut s,
        6,
        Action::Record {
            step: StepId::new("students"),
            value: "12,000".into(),
        },
    )
    .unwrap();
    undo_last(&plan, &mut s, 7).unwrap();
    assert_eq!(s.value(&StepId::new("students")), Some("1,200"));
    // A call answered, taken back, no longer counts.
    record(
        &plan,
        &mut s,
        8,
        Action::Call {
            to: Target::Role(runbook::model::ids::RoleId::new("commander")),
            via: Channel::Mobile,
            outcome: CallOutcome::Reached,
            note: String::new(),
            line: None,
        },
    )
    .unwrap();
    assert_eq!(s.calls(&plan).progress().0, 1);
    undo_last(&plan, &mut s, 9).unwrap();
    assert_eq!(s.calls(&plan).progress().0, 0);
    // Someone else's entry, or one too old, stays.
    record_as(&plan, &mut s, 10, done("debug"), "Bob").unwrap();
    let bobs = runbook::model::incident::EntryRef::to(s.timeline().last().unwrap());
    assert!(matches!(
        record(&plan, &mut s, 10, Action::Undo { entry: bobs }),
        Err(ActionError::Undo(UndoRefusal::NotYours(_)))
    ));
    record(&plan, &mut s, 11, done("rollback")).unwrap();
    assert!(matches!(
        undo_last(
            &plan,
            &mut s,
            11 + runbook::model::incident::UNDO_MINUTES + 1
        ),
        Err(ActionError::Undo(UndoRefusal::TooLate(_)))
    ));
    // A message stands.
    record(
        &plan,
        &mut s,
        20,
        Action::Message {
            template: None,
            audience: Some(runbook::model::plan::doc::Audience::Internal),
            channel: None,
            text: "all good".into(),
        },
    )
    .unwrap();
    assert!(matches!(
        undo_last(&plan, &mut s, 21),
        Err(ActionError::Undo(UndoRefusal::Stands(_)))
    ));
    // The state read back from the log is the state shown.
    let replayed = Incident::replay(s.timeline()).unwrap();
    assert_eq!(replayed, s);
}

#[test]
fn undo_from_the_command_line_takes_back_the_last_entry_soon_after() {
    let run = Run::new();
    let (code, out) = at_minute(
        &run,
        0,
        &[
            "new",
            "--plan",
            "tests/data/incident-plan.ron",
            "--class",
            "software",
            "--answer",
            "slow=yes",
            "--title",
            "Login slow",
            "--drill",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let (code, out) = at_minute(&run, 2, &["step", "software", "confirm", "--skip", "oops"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = at_minute(&run, 3, &["undo", "software"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("saved: took back the entry of")
            && out.contains("(step “Confirm the fault.”: skipped (oops))"),
        "{out}"
    );
    let status = run.ok(&["incident", "status", "software"]);
    assert!(status.contains("[ ] confirm"), "open again:\n{status}");
    let timeline = run.ok(&["incident", "timeline", "software"]);
    let skip = timeline
        .lines()
        .find(|l| l.contains("skipped (oops)"))
        .unwrap();
    assert!(skip.contains("(taken back)"), "{timeline}");
    // The declaration is nobody's to take back: nothing is left.
    let (code, out) = at_minute(&run, 3, &["undo", "software"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no entry of yours on this device"), "{out}");
    // Too late: ten minutes on, a correction is a note.
    let (code, _) = at_minute(&run, 10, &["step", "software", "confirm", "--na"]);
    assert_eq!(code, 0);
    let (code, out) = at_minute(&run, 20, &["undo", "software"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("more than 5 min old"), "{out}");
    // Another operator's entry is not this one's to take back.
    let (code, out) = at_minute(&run, 21, &["--operator", "Bob", "undo", "software"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no entry of yours"), "{out}");
}

#[test]
fn a_call_takes_the_name_the_plan_shows_and_a_deputy_of_two_roles_says_which() {
    let run = Run::new();
    let dir = bundled_network(&run);
    let before = files_under(&dir);
    // 韩东 backs both the SRE on call (call 1) and the release manager
    // (call 1.1): reaching him for one must not tell the other.
    let (code, out) = run.runbook(&[
        "incident",
        "call",
        "network",
        "韩东",
        "--outcome",
        "reached",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("person:han-dong may answer several calls still open (1 SRE值班工程师"),
        "{out}"
    );
    assert!(out.contains("1.1 发布负责人"), "{out}");
    assert_eq!(files_under(&dir), before, "nothing written");
    run.ok(&[
        "incident",
        "call",
        "network",
        "韩东",
        "--for",
        "SRE值班工程师",
        "--outcome",
        "reached",
    ]);
    let calls = run.ok(&["incident", "calls", "network"]);
    let line = |order: &str| {
        let lines: Vec<&str> = calls.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.trim_start().starts_with(&format!("{order} ")))
            .unwrap_or_else(|| panic!("no call {order} in\n{calls}"));
        format!("{}\n{}", lines[i], lines[i + 1])
    };
    assert!(line("1").contains("reached 韩东 at"), "{calls}");
    assert!(line("1.1").contains("next: 郑凯"), "{calls}");
    // The ids `call` takes are beside the names.
    assert!(line("1").contains("[sre-oncall]"), "{calls}");
    assert!(line("1").contains("[han-dong]"), "{calls}");
    // A holder by name, on the one call they answer: no --for needed.
    run.ok(&[
        "incident",
        "call",
        "network",
        "马超",
        "--outcome",
        "no-answer",
    ]);
    let calls = run.ok(&["incident", "calls", "network"]);
    assert!(calls.contains("tried 马超: no answer"), "{calls}");
    // Command by name.
    let out = run.ok(&["incident", "handover", "network", "--to", "李娜"]);
    assert!(out.contains("李娜"), "{out}");
}

#[test]
fn a_name_two_people_share_is_refused_with_both_ids() {
    let run = Run::new();
    let plan = run.data.path().join("two-bobs.ron");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron"),
    )
    .unwrap()
    .replace(r#"(id: "cy", name: "Cy""#, r#"(id: "cy", name: "Bob""#);
    std::fs::write(&plan, text).unwrap();
    let plan = plan.to_string_lossy().into_owned();
    run.ok(&[
        "incident", "new", "--plan", &plan, "--class", "software", "--level", "III", "--title",
        "Two Bobs",
    ]);
    for args in [
        &["call", "software", "Bob", "--outcome", "reached"][..],
        &["handover", "software", "--to", "Bob"][..],
    ] {
        let (code, out) = run.runbook(&[&["incident"][..], args].concat());
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(
            out.contains(
                r#""Bob" may mean person:bob (Bob), person:cy (Bob): give one of these ids"#
            ),
            "{args:?}: {out}"
        );
    }
    // An id says which.
    run.ok(&["incident", "call", "software", "cy", "--outcome", "reached"]);
    run.ok(&["incident", "handover", "software", "--to", "person:bob"]);
}

/// The test plan with a step that offers choices, steps and duties with
/// conditions, and a duty for one class only; parsed, so the format takes
/// them.
fn conditions_plan() -> Plan {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron"))
            .unwrap()
            .replace(
                r#"kind: Record(key: "affected_students", label: "Students", value: Count)),"#,
                r#"kind: Record(key: "affected_students", label: "Students", value: Count)),
            (id: "grade", text: "Grade it.", role: "engineer",
                kind: Record(key: "grade", label: "Grade", value: Text,
                    choices: [(id: "minor", label: "Minor"), (id: "major", label: "Major")])),"#,
            )
            .replace(
                r#"(id: "debug", text: "Debug.", phase: "contain", role: "engineer", kind: Action),"#,
                r#"(id: "debug", text: "Debug.", phase: "contain", role: "engineer", kind: Action),
            (id: "notify", text: "Notify the regulator.", phase: "contain", role: "commander", kind: Action,
                when: All([AtLeast(step: "grade", choice: "major"), Decided(step: "release", yes: true)])),"#,
            )
            .replace(
                r#"basis: Law("Reporting rules")),
                (id: "summary","#,
                r#"basis: Law("Reporting rules"), when: AtLeast(step: "grade", choice: "major")),
                (id: "net-only", text: "Tell the carrier.", within_minutes: 60, basis: Platform, classes: ["network"]),
                (id: "if-down", text: "Tell the app team.", within_minutes: 60, basis: Platform,
                    when: Answered(question: "all-down", yes: true)),
                (id: "summary","#,
            );
    match plan::parse(text.as_bytes()) {
        Ok(checked) => checked.plan,
        Err(diags) => panic!("{diags:#?}"),
    }
}

#[test]
#[allow(clippy::too_many_lines)] // One incident recorded in turn: the story is the test.
fn a_choice_and_conditions_decide_which_clocks_run_and_which_steps_apply() {
    use runbook::model::incident::{Applies, ClockKind, ItemState, Truth};
    let plan = conditions_plan();
    let event = declare(
        &plan,
        "sha",
        Declaration {
            title: "All down".into(),
            class: ClassId::new("software"),
            level: None,
            answers: vec![runbook::model::incident::Answer {
                question: runbook::model::ids::ItemId::new("all-down"),
                yes: true,
            }],
            level_reason: None,
            discovered_at: None,
            commander: None,
            drill: true,
        },
        t0(),
    )
    .unwrap();
    let mut s = Incident::new(&entry(0, event)).unwrap();
    let applies = |s: &Incident, duty: &str| {
        let st = s.status(&plan, t0());
        let kind = ClockKind::Duty(runbook::model::ids::ItemId::new(duty));
        st.clocks
            .iter()
            .chain(&st.ruled_out)
            .find(|c| c.kind == kind)
            .map(|c| c.applies)
    };
    let notify = |s: &Incident| {
        s.status(&plan, t0())
            .items
            .into_iter()
            .find(|i| i.step.id == StepId::new("notify"))
            .map(|i| (i.state, i.ruled_out))
            .unwrap()
    };
    // Before the grade is recorded: the report's clock counts, not known.
    assert_eq!(applies(&s, "report"), Some(Applies::NotYetKnown));
    assert_eq!(applies(&s, "if-down"), Some(Applies::Yes), "answered yes");
    assert_eq!(applies(&s, "net-only"), None, "another class's duty");
    assert_eq!(applies(&s, "summary"), None, "counts from the close");
    assert_eq!(notify(&s), (ItemState::Open, false));
    // "yiban" is not a grade; an id or a label is, and the label is kept.
    assert!(matches!(
        record(
            &plan,
            &mut s,
            1,
            Action::Record {
                step: StepId::new("grade"),
                value: "yiban".into(),
            },
        ),
        Err(ActionError::NotAChoice { .. })
    ));
    record(
        &plan,
        &mut s,
        2,
        Action::Record {
            step: StepId::new("grade"),
            value: "minor".into(),
        },
    )
    .unwrap();
    assert_eq!(s.value(&StepId::new("grade")), Some("Minor"));
    // Minor rules the report out: no clock runs, nothing is owed.
    let st = s.status(&plan, t0());
    assert!(
        st.clocks
            .iter()
            .all(|c| c.kind != ClockKind::Duty(runbook::model::ids::ItemId::new("report")))
    );
    assert_eq!(applies(&s, "report"), Some(Applies::No));
    assert_eq!(notify(&s), (ItemState::NotApplicable, true));
    let owed: Vec<String> = s
        .closing_check(&plan, t0())
        .duties
        .iter()
        .map(|d| d.duty.id.to_string())
        .collect();
    assert!(!owed.contains(&"report".to_owned()), "{owed:?}");
    assert!(!owed.contains(&"net-only".to_owned()), "{owed:?}");
    assert!(owed.contains(&"if-down".to_owned()), "{owed:?}");
    // Major, re-assessed: the report's clock runs again, from discovery.
    record(
        &plan,
        &mut s,
        3,
        Action::Record {
            step: StepId::new("grade"),
            value: "MAJOR".into(),
        },
    )
    .unwrap();
    assert_eq!(s.value(&StepId::new("grade")), Some("Major"));
    assert_eq!(applies(&s, "report"), Some(Applies::Yes));
    // The step's other condition is not known until the decision.
    assert_eq!(notify(&s), (ItemState::Open, false));
    let cond = plan
        .step(&StepId::new("notify"))
        .unwrap()
        .when
        .clone()
        .unwrap();
    assert_eq!(s.truth(&plan, &cond), Truth::NotYetKnown);
    record(
        &plan,
        &mut s,
        4,
        Action::Decide {
            step: StepId::new("release"),
            yes: true,
        },
    )
    .unwrap();
    assert_eq!(s.truth(&plan, &cond), Truth::Holds);
    // A report made stays met, whatever is recorded after.
    record(
        &plan,
        &mut s,
        5,
        Action::DutyDone {
            duty: runbook::model::ids::ItemId::new("report"),
            note: "ref 17".into(),
        },
    )
    .unwrap();
    record(
        &plan,
        &mut s,
        6,
        Action::Record {
            step: StepId::new("grade"),
            value: "Minor".into(),
        },
    )
    .unwrap();
    let st = s.status(&plan, t0());
    let report = st
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Duty(runbook::model::ids::ItemId::new("report")))
        .unwrap();
    assert!(report.met);
}
