//! After the incident (issue 25): action items tracked to done in the
//! incident's own log — through the service and through the real binary —,
//! taken on a closed incident without reopening it, listed across
//! incidents overdue first, and carried by the report.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use runbook::clock::{Clock, Zone};
use runbook::io::incident_dir;
use runbook::model::ids::{ClassId, LevelId, PersonId};
use runbook::model::incident::{
    Action, ActionError, ActionState, Declaration, Event, Owner, ReviewField,
};
use runbook::service::context::Overrides;
use runbook::service::{Context, Outcome, Service};

use crate::cli_incident::Run;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn service(data: &Path, now: &str) -> Service {
    Service::new(Context::from_env(Overrides {
        data_dir: Some(data.to_owned()),
        operator: Some("Ann".to_owned()),
        device: Some("laptop-1".to_owned()),
        machine: Some("test-machine".to_owned()),
        clock: Some(Clock::fixed(at(now))),
        zone: Some(Zone::beijing()),
    }))
}

/// Records one action through the service, as both faces do; the saved
/// entry, or why it was refused.
fn act(data: &Path, now: &str, dir: &Path, action: Action) -> Result<Event, ActionError> {
    let s = service(data, now);
    let snap = s.read(dir).unwrap();
    match s.act(&snap, action, None, &mut || {}).unwrap().outcome {
        Outcome::Saved(entry) => Ok(entry.event),
        Outcome::Refused(runbook::io::incident_dir::IncidentError::Action(e)) => Err(e),
        other => panic!("{other:?}"),
    }
}

#[test]
#[allow(clippy::too_many_lines)] // One incident's review, entry by entry: the story is the test.
fn a_closed_incident_takes_action_items_without_reopening_and_verifies() {
    let data = tempfile::tempdir().unwrap();
    let plan_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron");
    let plan_bytes = std::fs::read(&plan_path).unwrap();
    let plan = runbook::model::plan::parse(&plan_bytes).unwrap().plan;
    let s = service(data.path(), "2026-03-02T08:00:00Z");
    let open = s
        .declare(
            &plan,
            &plan_bytes,
            Declaration {
                title: "CDN down".into(),
                class: ClassId::new("network"),
                level: Some(LevelId::new("II")),
                level_reason: None,
                answers: vec![],
                discovered_at: None,
                commander: None,
                drill: false,
            },
        )
        .unwrap();
    let dir = open.dir().to_owned();
    s.finish(open).unwrap();

    let add = |now, text: &str, owner, due| {
        act(
            data.path(),
            now,
            &dir,
            Action::AddActionItem {
                text: text.into(),
                owner,
                due,
            },
        )
    };
    // While open: an item for a person of the plan.
    let first = add(
        "2026-03-02T09:00:00Z",
        "Add a second CDN",
        Owner::Person(PersonId::new("bob")),
        NaiveDate::from_ymd_opt(2026, 3, 9),
    )
    .unwrap();
    assert!(
        matches!(
            &first,
            Event::ActionItemAdded {
                after_close: false,
                ..
            }
        ),
        "{first:?}"
    );
    // A person the plan does not have is refused, as is an empty text.
    assert_eq!(
        add(
            "2026-03-02T09:01:00Z",
            "x",
            Owner::Person(PersonId::new("nobody")),
            None
        ),
        Err(ActionError::UnknownTarget(
            runbook::model::plan::doc::Target::Person(PersonId::new("nobody"))
        ))
    );
    assert!(matches!(
        add(
            "2026-03-02T09:01:00Z",
            "  ",
            Owner::Named("Zoe".into()),
            None
        ),
        Err(ActionError::Empty(_))
    ));
    act(
        data.path(),
        "2026-03-02T10:00:00Z",
        &dir,
        Action::Close {
            summary: "CDN restored".into(),
        },
    )
    .unwrap();
    // Closed: a note is taken as an addendum (issue 26), and so are the
    // review's entries, all without reopening.
    assert!(matches!(
        act(
            data.path(),
            "2026-03-03T09:00:00Z",
            &dir,
            Action::Note {
                text: "late".into(),
                step: None,
                corrects: None
            }
        ),
        Ok(Event::Note { .. })
    ));
    let second = add(
        "2026-03-03T09:00:00Z",
        "Update the ISP's number",
        Owner::Named("Zoe".into()),
        NaiveDate::from_ymd_opt(2026, 3, 4),
    )
    .unwrap();
    assert!(
        matches!(
            &second,
            Event::ActionItemAdded {
                after_close: true,
                ..
            }
        ),
        "{second:?}"
    );
    add(
        "2026-03-03T09:05:00Z",
        "Buy a pager",
        Owner::Named("Zoe".into()),
        None,
    )
    .unwrap();
    act(
        data.path(),
        "2026-03-05T09:00:00Z",
        &dir,
        Action::ActionItemDone {
            item: 1,
            note: "second CDN live".into(),
        },
    )
    .unwrap();
    act(
        data.path(),
        "2026-03-05T09:10:00Z",
        &dir,
        Action::DropActionItem {
            item: 3,
            reason: "phones are enough".into(),
        },
    )
    .unwrap();
    act(
        data.path(),
        "2026-03-05T09:20:00Z",
        &dir,
        Action::Review {
            field: ReviewField::Causes,
            text: "One CDN, no fallback".into(),
        },
    )
    .unwrap();
    // Done twice, an unknown number, a drop without a reason: refused.
    assert_eq!(
        act(
            data.path(),
            "2026-03-05T09:30:00Z",
            &dir,
            Action::ActionItemDone {
                item: 1,
                note: String::new()
            }
        ),
        Err(ActionError::ActionItemSettled {
            item: 1,
            done: true
        })
    );
    assert_eq!(
        act(
            data.path(),
            "2026-03-05T09:30:00Z",
            &dir,
            Action::ActionItemDone {
                item: 9,
                note: String::new()
            }
        ),
        Err(ActionError::UnknownActionItem {
            given: 9,
            known: vec![1, 2, 3]
        })
    );
    assert!(matches!(
        act(
            data.path(),
            "2026-03-05T09:30:00Z",
            &dir,
            Action::DropActionItem {
                item: 2,
                reason: " ".into()
            }
        ),
        Err(ActionError::Empty(_))
    ));

    // The state: still closed; the items as recorded.
    let s = service(data.path(), "2026-03-06T09:00:00Z");
    let snap = s.read(&dir).unwrap();
    let incident = &snap.incident;
    assert!(!incident.is_open(), "the review did not reopen it");
    let items = incident.action_items();
    assert_eq!(items.len(), 3);
    assert!(matches!(&items[0].state, ActionState::Done { note, .. } if note == "second CDN live"));
    assert!(items[1].is_open());
    assert!(items[1].is_overdue(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap()));
    assert!(
        matches!(&items[2].state, ActionState::Dropped { reason, .. } if reason == "phones are enough")
    );
    assert_eq!(
        incident
            .review_texts(ReviewField::Causes)
            .collect::<Vec<_>>(),
        ["One CDN, no fallback"]
    );
    // The list's headline carries the open one, its owner named.
    let listed = s.list();
    let headline = listed[0].state.as_ref().unwrap();
    assert_eq!(headline.open_actions.len(), 1);
    assert_eq!(headline.open_actions[0].owner, "Zoe");
    assert_eq!(headline.open_actions[0].item.number, 2);

    // The whole record still verifies: the entries after the close are in
    // the chain like any other.
    let check = incident_dir::verify::check_folder(&dir, None);
    assert!(check.is_ok(), "{check:?}");
}

/// The real binary: add, done, drop and list; the list across incidents
/// overdue first; `incident list`; the report's review section; `verify`.
#[test]
#[allow(clippy::too_many_lines)] // Two incidents scripted from the terminal, start to finish.
fn the_command_line_tracks_action_items_to_done() {
    let run = Run::new();
    let now = |t: &'static str| ["--now", t];
    let first = run.declare_network("CDN down", &now("2026-03-02T08:00:00Z"));
    let inc = first.to_str().unwrap();
    let mut args = vec![
        "incident",
        "action",
        "add",
        inc,
        "Add a second CDN",
        "--owner",
        "Bob",
        "--due",
        "2026-03-20",
    ];
    args.extend(now("2026-03-02T09:00:00Z"));
    let out = run.ok(&args);
    assert!(
        out.contains("action item A1: Add a second CDN (owner Bob, due 2026-03-20)"),
        "{out}"
    );
    run.ok(&[
        "incident",
        "close",
        inc,
        "--summary",
        "restored",
        "--yes",
        "--now",
        "2026-03-02T10:00:00Z",
    ]);
    // After the close: more items, without reopening.
    let out = run.ok(&[
        "incident",
        "action",
        "add",
        inc,
        "Update the ISP's number",
        "--owner",
        "Zoe Field",
        "--due",
        "2026-03-04",
        "--now",
        "2026-03-03T09:00:00Z",
    ]);
    assert!(
        out.contains("A2") && out.contains("[after the close]"),
        "{out}"
    );
    run.ok(&[
        "incident",
        "action",
        "add",
        inc,
        "Buy a pager",
        "--owner",
        "cy",
        "--now",
        "2026-03-03T09:01:00Z",
    ]);
    run.ok(&[
        "incident",
        "action",
        "drop",
        inc,
        "A3",
        "--reason",
        "phones are enough",
        "--now",
        "2026-03-03T09:02:00Z",
    ]);
    // A second incident, still open, with an item due later.
    let second = run.declare_network("Line cut", &now("2026-03-04T08:00:00Z"));
    run.ok(&[
        "incident",
        "action",
        "add",
        second.to_str().unwrap(),
        "Label the cables",
        "--owner",
        "Ann",
        "--due",
        "2026-03-30",
        "--now",
        "2026-03-04T09:00:00Z",
    ]);

    // Typos are refused with what to type, and nothing is written.
    let before = crate::cli_incident::files_under(run.data.path());
    let (code, text) = run.runbook(&[
        "incident",
        "action",
        "add",
        inc,
        "x",
        "--owner",
        "Bob",
        "--due",
        "next week",
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("YYYY-MM-DD"), "{text}");
    let (code, text) = run.runbook(&["incident", "action", "done", inc, "B7"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("A1, A2"), "{text}");
    let (code, text) = run.runbook(&["incident", "action", "done", inc, "A7"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("no action item A7") && text.contains("A1, A2, A3"),
        "{text}"
    );
    let (code, text) = run.runbook(&["incident", "action", "done", inc, "A3"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("action item A3 is already dropped"), "{text}");
    assert_eq!(before, crate::cli_incident::files_under(run.data.path()));

    // Across incidents, on the 10th: the overdue one first, then by date.
    let all = run.ok(&[
        "incident",
        "action",
        "list",
        "--now",
        "2026-03-10T09:00:00Z",
    ]);
    let lines: Vec<&str> = all.lines().collect();
    assert!(lines[0].contains("3 open action items, 1 overdue"), "{all}");
    assert!(
        lines[1].starts_with("A2")
            && lines[1].contains("OVERDUE")
            && lines[1].contains("Zoe Field"),
        "{all}"
    );
    assert!(
        lines[2].contains("Add a second CDN") && lines[2].contains("Bob"),
        "{all}"
    );
    assert!(
        lines[3].contains("Label the cables") && lines[3].contains("open"),
        "{all}"
    );
    assert!(
        !all.contains("Buy a pager"),
        "a dropped item is not open: {all}"
    );

    // `incident list` says it under each incident.
    let list = run.ok(&["incident", "list", "--now", "2026-03-10T09:00:00Z"]);
    assert!(
        list.contains("action items: 2 open, 1 overdue") && list.contains("action items: 1 open"),
        "{list}"
    );

    // Done, then one incident's list has every item with its state.
    run.ok(&[
        "incident",
        "action",
        "done",
        inc,
        "a1",
        "--note",
        "second CDN live",
        "--now",
        "2026-03-11T09:00:00Z",
    ]);
    let one = run.ok(&[
        "incident",
        "action",
        "list",
        inc,
        "--now",
        "2026-03-11T10:00:00Z",
    ]);
    assert!(one.contains("3 action items"), "{one}");
    assert!(
        one.contains("A1   done 2026-03-11: second CDN live"),
        "{one}"
    );
    assert!(
        one.contains("A3   dropped 2026-03-03: phones are enough"),
        "{one}"
    );

    // A finding, after the close too; the report carries it.
    run.ok(&[
        "incident",
        "review",
        inc,
        "causes",
        "one CDN vendor, no fallback",
        "--now",
        "2026-03-11T09:30:00Z",
    ]);
    // The report carries them, with owner, due date, state and when.
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("report.md");
    run.ok(&[
        "report",
        inc,
        "--format",
        "md",
        "--out",
        out_path.to_str().unwrap(),
        "--now",
        "2026-03-11T10:00:00Z",
    ]);
    let report = std::fs::read_to_string(&out_path).unwrap();
    let row = report
        .lines()
        .find(|l| l.contains("Add a second CDN"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        row.contains("A1")
            && row.contains("Bob")
            && row.contains("2026-03-20")
            && row.contains("second CDN live")
            && row.contains("2026-03-11"),
        "{row}"
    );
    let causes = report.find("one CDN vendor, no fallback");
    let heading = report.find("Causes");
    assert!(
        causes.is_some() && heading.is_some_and(|h| causes.is_some_and(|c| c > h)),
        "the finding under the causes: {report}"
    );
    let row = report
        .lines()
        .find(|l| l.contains("Update the ISP"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        row.contains("Zoe Field") && row.contains("OVERDUE"),
        "{row}"
    );

    // The record verifies, entries after the close and all.
    let log = first.join("log-cmd-room-1.jsonl");
    let verify = run.ok(&["verify", log.to_str().unwrap()]);
    assert!(verify.contains(": OK: "), "{verify}");
    let timeline = run.ok(&["incident", "timeline", inc]);
    assert!(
        timeline.contains("action item A1 done: second CDN live [after the close]"),
        "{timeline}"
    );
}
