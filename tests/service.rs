//! The incident service without a terminal or a window: declaring with the
//! new facts (discovery, the suggested level and the reason for another, the
//! commander from the plan), listing with crash detection, resuming,
//! rescuing after a failed write, and the window's writer thread.

use std::path::Path;
use std::time::Duration as Wait;

use chrono::{DateTime, Duration, Utc};
use runbook::clock::{Clock, ClockHand, Zone};
use runbook::i18n::incident::EN;
use runbook::io::incident_dir::{IncidentError, Notice};
use runbook::io::log::{self, Sink, Writer};
use runbook::model::ids::{ClassId, ItemId, LevelId, PersonId, StepId};
use runbook::model::incident::{
    Action, ActionError, Answer, ClockKind, Commander, Declaration, Event, StepStatus,
};
use runbook::model::notice::LogError;
use runbook::model::plan::{self, Plan};
use runbook::service::context::Overrides;
use runbook::service::jobs::{Listing, RowState};
use runbook::service::live::Update;
use runbook::service::{Context, Outcome, Service};

const SETTLE: Wait = Wait::from_secs(10);

fn plan_bytes() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron"))
        .unwrap()
}

fn test_plan() -> Plan {
    plan::parse(&plan_bytes()).unwrap().plan
}

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A service on a temporary data folder, with a clock the test moves.
fn service(data: &Path, operator: &str) -> (Service, ClockHand) {
    let (clock, hand) = Clock::manual(t0());
    (service_on(data, operator, clock), hand)
}

/// A service on this device with a given clock.
fn service_on(data: &Path, operator: &str, clock: Clock) -> Service {
    Service::new(Context::from_env(Overrides {
        data_dir: Some(data.to_owned()),
        operator: Some(operator.to_owned()),
        device: Some("laptop-1".to_owned()),
        machine: Some("test-machine".to_owned()),
        clock: Some(clock),
        zone: Some(Zone::beijing()),
    }))
}

fn declaration(class: &str, level: Option<&str>, answers: &[(&str, bool)]) -> Declaration {
    Declaration {
        title: "Login down".into(),
        class: ClassId::new(class),
        level: level.map(LevelId::new),
        level_reason: None,
        answers: answers
            .iter()
            .map(|(q, yes)| Answer {
                question: ItemId::new(*q),
                yes: *yes,
            })
            .collect(),
        discovered_at: None,
        commander: None,
        drill: true,
    }
}

fn note(text: &str) -> Action {
    Action::Note {
        text: text.to_owned(),
        step: None,
        corrects: None,
    }
}

#[test]
fn discovery_time_and_the_reason_for_another_level_survive_replay() {
    let data = tempfile::tempdir().unwrap();
    let (service, _) = service(data.path(), "ann");
    let plan = test_plan();
    // The answers suggest level III; the operator declares II, with a reason.
    let mut d = declaration("software", Some("II"), &[("slow", true)]);
    let refused = service
        .declare(&plan, &plan_bytes(), d.clone())
        .unwrap_err();
    assert_eq!(
        refused,
        IncidentError::Action(ActionError::LevelReasonMissing {
            suggested: LevelId::new("III"),
            chosen: LevelId::new("II"),
        })
    );
    assert!((EN.failure)(&refused).contains("suggest level III"));
    d.level_reason = Some("exam day: every complaint goes to the bureau".into());
    d.discovered_at = Some(t0() - Duration::minutes(40));
    let open = service.declare(&plan, &plan_bytes(), d.clone()).unwrap();
    let dir = open.dir().to_owned();
    service.finish(open).unwrap();

    let s = service.read(&dir).unwrap().incident;
    assert_eq!(s.level(), &LevelId::new("II"));
    assert_eq!(s.suggested_level(), Some(&LevelId::new("III")));
    assert_eq!(
        s.level_reason(),
        Some("exam day: every complaint goes to the bureau")
    );
    assert_eq!(s.discovered_at(), t0() - Duration::minutes(40));
    assert_eq!(s.declared_at(), t0());
    // The operator's name is a person of the plan: she is the commander,
    // with the plan's phone number for the templates.
    assert_eq!(s.commander(), &Commander::Person(PersonId::new("ann")));

    // A discovery later than now is refused.
    d.discovered_at = Some(t0() + Duration::minutes(1));
    assert_eq!(
        service.declare(&plan, &plan_bytes(), d).unwrap_err(),
        IncidentError::Action(ActionError::DiscoveredLater)
    );
}

#[test]
fn a_reporting_duty_counted_from_discovery_starts_at_the_discovery() {
    let data = tempfile::tempdir().unwrap();
    let (service, _) = service(data.path(), "Dana");
    let plan = test_plan();
    let mut d = declaration("software", Some("I"), &[]);
    d.discovered_at = Some(t0() - Duration::minutes(90));
    let open = service.declare(&plan, &plan_bytes(), d).unwrap();
    let s = open.incident();
    let clocks = s.status(open.plan(), t0()).clocks;
    let report = clocks
        .iter()
        .find(|c| c.kind == ClockKind::Duty(ItemId::new("report")))
        .unwrap();
    assert_eq!(
        report.due,
        t0() + Duration::minutes(240 - 90),
        "the regulator's 4 hours count from discovery"
    );
    let inform = clocks
        .iter()
        .find(|c| matches!(c.kind, ClockKind::Inform(_)))
        .unwrap();
    assert_eq!(
        inform.due,
        t0() + Duration::minutes(15),
        "the plan's own limits count from the declaration"
    );
    // Someone the plan does not know commands under their own name.
    assert_eq!(s.commander(), &Commander::Named("Dana".into()));
    service.finish(open).unwrap();
}

#[test]
fn a_note_about_a_step_is_kept_with_the_step() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let mut open = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    hand.advance_minutes(2);
    let step = StepId::new("confirm");
    service
        .record(
            &mut open,
            Action::Note {
                text: "alerts from two regions".into(),
                step: Some(step.clone()),
                corrects: None,
            },
            None,
        )
        .unwrap();
    let refused = service
        .record(
            &mut open,
            Action::Note {
                text: "x".into(),
                step: Some(StepId::new("switch")),
                corrects: None,
            },
            None,
        )
        .unwrap_err();
    assert_eq!(
        refused,
        IncidentError::Action(ActionError::UnknownStep(StepId::new("switch"))),
        "a step of another class's checklist"
    );
    let dir = open.dir().to_owned();
    service.finish(open).unwrap();
    let s = service.read(&dir).unwrap().incident;
    let about: Vec<&Event> = s.entries_about(&step).map(|e| &e.event).collect();
    assert_eq!(
        about,
        [&Event::Note {
            text: "alerts from two regions".into(),
            step: Some(step.clone()),
            corrects: None,
        }]
    );
}

#[test]
fn the_list_says_which_incident_did_not_close_cleanly_and_it_resumes() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let first = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("network", None, &[("cut", true)]),
        )
        .unwrap();
    let first_dir = first.dir().to_owned();
    service.finish(first).unwrap();
    hand.advance_minutes(5);
    let mut second = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("IV"), &[]),
        )
        .unwrap();
    hand.advance_minutes(3);
    service
        .record(&mut second, note("before the crash"), None)
        .unwrap();
    let second_dir = second.dir().to_owned();
    // The laptop dies: the log is never finished.
    drop(second);

    let listed = service.list();
    assert_eq!(listed.len(), 2);
    let a = &listed[0];
    let b = &listed[1];
    assert_eq!(a.dir, first_dir);
    assert_eq!(b.dir, second_dir);
    let sa = a.state.as_ref().unwrap();
    let sb = b.state.as_ref().unwrap();
    assert_eq!(sa.level, LevelId::new("II"), "the answers chose it");
    assert!(sa.drill && sa.open);
    assert_eq!(a.clean_exit, Some(true));
    assert!(!a.crashed_open());
    assert_eq!(sb.last_activity, t0() + Duration::minutes(8));
    assert_eq!(b.clean_exit, Some(false));
    assert!(
        b.crashed_open(),
        "the crashed incident is offered for resuming"
    );
    assert_eq!(service.resolve("software").unwrap(), second_dir);

    // Resuming rebuilds it from its log and says what happened.
    hand.advance_minutes(10);
    let resumed = service.open(&second_dir).unwrap();
    assert_eq!(&resumed.incident().headline(None), sb);
    assert!(
        resumed
            .notices()
            .iter()
            .any(|n| matches!(n, Notice::Unclean { .. })),
        "{:?}",
        resumed.notices()
    );
    service.finish(resumed).unwrap();
    let again = service.list();
    assert!(!again[1].crashed_open(), "closed cleanly this time");
}

/// A sink whose every write fails, as on a full disk.
struct Full;

impl Sink for Full {
    fn write_all(&mut self, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::from_raw_os_error(28))
    }
    fn sync_data(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn truncate(&mut self, _: u64) -> std::io::Result<()> {
        Ok(())
    }
}

/// A writer continuing a real log through a sink.
fn writer_through(path: &Path, sink: Box<dyn Sink>) -> Writer {
    let scan = log::read(path).unwrap();
    Writer::with_sink(
        sink,
        path.to_owned(),
        scan.lines.len() as u64,
        scan.head().to_owned(),
        scan.good_len,
    )
}

#[test]
fn after_a_failed_write_the_rescue_keeps_every_entry_in_order() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let mut open = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    hand.advance_minutes(1);
    service.record(&mut open, note("saved"), None).unwrap();
    let path = open.log().path().unwrap().to_owned();
    drop(
        open.log_mut()
            .replace_writer(writer_through(&path, Box::new(Full))),
    );
    hand.advance_minutes(1);
    let err = service.record(&mut open, note("lost?"), None).unwrap_err();
    assert!(matches!(err, IncidentError::Log(LogError::Write { .. })));
    let err = service
        .record(&mut open, note("after it"), None)
        .unwrap_err();
    assert!(matches!(err, IncidentError::Log(LogError::Failed(_))));
    assert_eq!(open.log().unsaved().len(), 2);

    let rescue = service.rescue(&mut open);
    let saved_in = rescue.saved_in.unwrap();
    assert!(rescue.failed.is_empty(), "{:?}", rescue.failed);
    assert_eq!(
        saved_in.parent(),
        Some(open.dir()),
        "first choice: a new file in the incident's own folder"
    );
    let dir = open.dir().to_owned();
    service.finish(open).unwrap();
    let texts: Vec<String> = service
        .read(&dir)
        .unwrap()
        .incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["saved", "lost?", "after it"]);
}

#[test]
fn a_relative_data_folder_is_made_absolute_so_continuations_are_found_anywhere() {
    let (service, _) = service(Path::new("relative-data"), "ann");
    assert!(service.context().data_dir().is_absolute());
    assert_eq!(
        service.rescue_places(&service.incidents_dir().join("x"))[1],
        service.context().data_dir().join("rescue").join("x")
    );
}

// ------------------------------------------------------ the writer thread

#[test]
fn the_writer_thread_confirms_each_entry_in_order() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let open = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    let mut live = service.go_live(open);
    let mut tickets = Vec::new();
    for i in 0..20 {
        hand.advance_minutes(1);
        tickets.push(live.submit(note(&format!("note {i}")), None).unwrap());
    }
    hand.advance_minutes(1);
    tickets.push(
        live.submit(
            Action::SetStep {
                step: StepId::new("confirm"),
                status: StepStatus::Done,
            },
            None,
        )
        .unwrap(),
    );
    // A refusal comes at once, without the writer.
    assert_eq!(
        live.submit(
            Action::SetStep {
                step: StepId::new("switch"),
                status: StepStatus::Done,
            },
            None,
        ),
        Err(ActionError::UnknownStep(StepId::new("switch")))
    );
    let updates = live.settle(SETTLE);
    let saved: Vec<u64> = updates
        .iter()
        .map(|u| match u {
            Update::Saved(t) => *t,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(saved, tickets, "confirmed one by one, in order");
    assert!(!live.is_saving());
    assert_eq!(live.saved(), live.projected());
    assert_eq!(
        live.saved().step_status(&StepId::new("confirm")),
        Some(&StepStatus::Done)
    );
    let head = live.head().unwrap().to_owned();
    let dir = live.dir().to_owned();
    let final_head = live.finish().unwrap().unwrap();
    assert_ne!(
        head, final_head,
        "the closing record follows the last entry"
    );
    let on_disk = service.read(&dir).unwrap().incident;
    assert_eq!(on_disk.timeline().len(), 22);
}

#[test]
fn the_writer_thread_reports_a_failed_write_and_loses_nothing() {
    let data = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let mut open = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    let path = open.log().path().unwrap().to_owned();
    drop(
        open.log_mut()
            .replace_writer(writer_through(&path, Box::new(Full))),
    );
    let mut live = service.go_live(open);
    hand.advance_minutes(1);
    let first = live.submit(note("typed during the outage"), None).unwrap();
    hand.advance_minutes(1);
    let second = live
        .submit(
            Action::SetStep {
                step: StepId::new("confirm"),
                status: StepStatus::Done,
            },
            None,
        )
        .unwrap();
    let updates = live.settle(SETTLE);
    assert!(
        matches!(&updates[..], [
            Update::NotSaved(a, LogError::Write { .. }),
            Update::NotSaved(b, LogError::Failed(_)),
        ] if *a == first && *b == second),
        "{updates:?}"
    );
    assert!(live.failure().is_some());
    assert_eq!(live.unsaved().len(), 2, "nothing typed is lost");
    assert_eq!(
        live.projected().step_status(&StepId::new("confirm")),
        Some(&StepStatus::Done),
        "the operator's work stays on screen"
    );
    assert_eq!(
        live.saved().step_status(&StepId::new("confirm")),
        None,
        "but it is not shown as saved"
    );

    // Continue on the USB stick: everything is saved there, in order.
    let stick = usb.path().join("incident");
    live.continue_in(&stick);
    let updates = live.settle(SETTLE);
    let [Update::Continued(new_log)] = &updates[..] else {
        panic!("{updates:?}");
    };
    assert_eq!(new_log.parent(), Some(stick.as_path()));
    assert!(live.failure().is_none() && live.unsaved().is_empty());
    assert_eq!(live.saved(), live.projected());
    hand.advance_minutes(1);
    live.submit(note("after the move"), None).unwrap();
    live.settle(SETTLE);
    assert_eq!(live.dir(), stick.as_path());
    live.finish().unwrap();
    let texts: Vec<String> = service
        .read(&stick)
        .unwrap()
        .incident
        .timeline()
        .iter()
        .map(|e| (EN.event)(&e.event, &plan, &service.context().times()))
        .collect();
    assert_eq!(
        texts[1..],
        [
            "note: typed during the outage",
            "step confirm: done",
            "note: after the move"
        ]
    );
}

#[test]
fn a_note_from_a_terminal_on_the_same_device_reaches_the_open_window() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let open = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    let dir = open.dir().to_owned();
    let mut live = service.go_live(open);
    hand.advance_minutes(1);
    live.submit(note("from the window"), None).unwrap();
    live.settle(SETTLE);

    // The scribe's terminal, same device: not refused, its own file.
    let scribe = service_on(data.path(), "scribe", service.context().clock().clone());
    hand.advance_minutes(1);
    let mut cli = scribe.open(&dir).unwrap();
    scribe
        .record(&mut cli, note("from the terminal"), None)
        .unwrap();
    let cli_log = cli.log().path().unwrap().to_owned();
    scribe.finish(cli).unwrap();
    assert!(
        cli_log.ends_with("log-laptop-1+2.jsonl"),
        "{}",
        cli_log.display()
    );

    let until = std::time::Instant::now() + Wait::from_secs(2);
    let mut arrived = 0;
    while arrived == 0 && std::time::Instant::now() < until {
        std::thread::sleep(Wait::from_millis(50));
        for u in live.poll() {
            if let Update::Arrived(n) = u {
                arrived += n;
            }
        }
    }
    assert_eq!(arrived, 1, "the note arrives within two seconds");
    let texts: Vec<String> = live
        .saved()
        .timeline()
        .iter()
        .map(|e| (EN.event)(&e.event, &plan, &service.context().times()))
        .collect();
    assert_eq!(
        texts[1..],
        ["note: from the window", "note: from the terminal"]
    );
    // The window keeps writing its own log after the refresh.
    live.submit(note("after"), None).unwrap();
    live.settle(SETTLE);
    assert_eq!(live.saved(), live.projected());
    live.finish().unwrap();
    assert_eq!(service.read(&dir).unwrap().incident.timeline().len(), 4);
}

/// Every byte of every file in an incident's folder, by name.
fn folder_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn one_service_call_records_an_action_the_whole_way_and_says_what_it_came_to() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let open = service
        .declare(
            &test_plan(),
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    let dir = open.dir().to_owned();
    service.finish(open).unwrap();
    hand.advance_minutes(2);

    // Saved: the entry as written, and the session ended with its head.
    let snap = service.read(&dir).unwrap();
    let acted = service
        .act(&snap, note("bridge opened"), None, &mut || {})
        .unwrap();
    let Outcome::Saved(entry) = &acted.outcome else {
        panic!("saved: {:?}", acted.outcome);
    };
    assert_eq!(entry.by, "ann");
    assert_eq!(entry.device, "laptop-1");
    assert_eq!(entry.recorded_at, t0() + Duration::minutes(2));
    assert!(matches!(&entry.event, Event::Note { text, .. } if text == "bridge opened"));
    let head = match &acted.finished {
        Some(Ok(Some(head))) => head.clone(),
        other => panic!("a clean end with a head: {other:?}"),
    };
    let log = service
        .incident_dirs()
        .first()
        .map(|d| d.join("log-laptop-1.jsonl"))
        .unwrap();
    assert_eq!(
        log::read(&log).unwrap().head(),
        head,
        "the head printed is the log's"
    );
    let after = service.read(&dir).unwrap();
    assert_eq!(after.incident.timeline().last(), Some(entry));

    // Refused: with why, and not one byte written (not even a session).
    let before = folder_bytes(&dir);
    let refused = service
        .act(
            &after,
            Action::SetStep {
                step: StepId::new("no-such-step"),
                status: StepStatus::Done,
            },
            None,
            &mut || {},
        )
        .unwrap();
    assert!(
        matches!(
            &refused.outcome,
            Outcome::Refused(IncidentError::Action(ActionError::UnknownStep(s))) if s.as_str() == "no-such-step"
        ),
        "{:?}",
        refused.outcome
    );
    assert!(refused.finished.is_none(), "the log was never opened");
    assert_eq!(
        folder_bytes(&dir),
        before,
        "a refused action writes nothing"
    );
}

#[test]
fn the_list_job_reads_each_incident_and_again_only_when_it_changed() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let plan = test_plan();
    let mut first = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    let first_dir = first.dir().to_owned();
    hand.advance_minutes(1);
    let second = service
        .declare(
            &plan,
            &plan_bytes(),
            declaration("software", Some("II"), &[]),
        )
        .unwrap();
    let second_dir = second.dir().to_owned();
    service.finish(second).unwrap();
    // A folder with a plan and no readable log.
    let broken = service.incidents_dir().join("20260302-090000-broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("plan.ron"), plan_bytes()).unwrap();
    std::fs::write(broken.join("log-x.jsonl"), "not a log\n").unwrap();

    let woken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&woken);
    let mut listing = Listing::new(
        service.clone(),
        std::sync::Arc::new(move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }),
    );
    let rows = listing.refresh(&|_| None).to_vec();
    let row = |dir: &Path| rows.iter().find(|r| r.dir == dir).unwrap().clone();
    let RowState::Read(h) = row(&first_dir).state else {
        panic!("read: {:?}", row(&first_dir));
    };
    assert_eq!((h.level.as_str(), h.open), ("III", true));
    assert!(
        row(&first_dir).crashed,
        "its session is still running, so to this list it did not end cleanly"
    );
    assert!(!row(&second_dir).crashed);
    assert!(
        matches!(row(&broken).state, RowState::Unreadable(_)),
        "{:?}",
        row(&broken)
    );

    // Open in the window: its state is taken as the window has it.
    let shown = first.incident().headline(None);
    let rows = listing
        .refresh(&|d| (d == first_dir).then(|| shown.clone()))
        .to_vec();
    let open_row = rows.iter().find(|r| r.dir == first_dir).unwrap();
    assert_eq!(open_row.state, RowState::Read(shown.clone()));
    assert!(!open_row.crashed, "open here, its session is running");

    // A note: the changed folder is read again.
    hand.advance_minutes(5);
    service.record(&mut first, note("later"), None).unwrap();
    service.finish(first).unwrap();
    let rows = listing.refresh(&|_| None).to_vec();
    let RowState::Read(h) = &rows.iter().find(|r| r.dir == first_dir).unwrap().state else {
        panic!("read");
    };
    assert_eq!(h.last_activity, t0() + Duration::minutes(6));
    assert!(listing.poll().is_empty(), "short logs are read at once");
    assert!(!listing.is_reading());
    assert_eq!(woken.load(std::sync::atomic::Ordering::Relaxed), 0);
}

#[test]
fn a_log_saved_in_the_rescue_folder_is_continued_here_not_forked() {
    let data = tempfile::tempdir().unwrap();
    let (service, hand) = service(data.path(), "ann");
    let mut open = service
        .declare(
            &test_plan(),
            &plan_bytes(),
            declaration("software", Some("III"), &[]),
        )
        .unwrap();
    let home = open.dir().to_owned();
    hand.advance_minutes(1);
    service.record(&mut open, note("before"), None).unwrap();
    let path = open.log().path().unwrap().to_owned();
    drop(
        open.log_mut()
            .replace_writer(writer_through(&path, Box::new(Full))),
    );
    hand.advance_minutes(1);
    assert!(service.record(&mut open, note("rescued"), None).is_err());
    // The incident's folder cannot be written: the rescue folder takes it.
    let rescue = runbook::io::incident_dir::rescue_dir(data.path(), home.file_name().unwrap());
    open.continue_in(&rescue, service.now()).unwrap();
    service.finish(open).unwrap();

    // Space is back: the next session here continues from the rescued log.
    hand.advance_minutes(1);
    let mut open = service.open(&home).unwrap();
    assert!(
        open.notices()
            .iter()
            .any(|n| matches!(n, Notice::RescueJoined { from, .. } if from.starts_with(&rescue))),
        "{:?}",
        open.notices()
    );
    service.record(&mut open, note("after"), None).unwrap();
    service.finish(open).unwrap();

    let snap = service.read(&home).unwrap();
    let notes: Vec<&str> = snap
        .incident
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(notes, ["before", "rescued", "after"]);
    assert!(
        !snap
            .notices
            .iter()
            .any(|n| matches!(n, Notice::ContinuesInRescue { .. })),
        "the rescue is part of what is read here now: {:?}",
        snap.notices
    );
    let record = runbook::io::incident_dir::verify::check_folder(&home, None);
    assert!(record.is_ok(), "{record:?}");
    // And a session after that appends here as usual: no second join.
    let again = service.open(&home).unwrap();
    assert!(
        !again
            .notices()
            .iter()
            .any(|n| matches!(n, Notice::RescueJoined { .. }))
    );
    service.finish(again).unwrap();
}
