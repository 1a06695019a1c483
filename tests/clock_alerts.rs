//! Clocks nobody can miss (issue 24, part 3): a clock's alert when it turns
//! amber and again red, acknowledged or snoozed, each logged; in the model,
//! in the window from the keyboard (with the test clock), and from the
//! command line.

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use runbook::i18n::Lang;
use runbook::model::ids::ItemId;
use runbook::model::incident::{Action, ActionError, ClockKind, Event, Incident, Stage};
use runbook::model::plan::Plan;
use runbook::model::plan::doc::Audience;

use super::cli_incident::Run;
use super::ui_incident::{Room, declare, press, settle, shows};

const TEST_PLAN: &str = "tests/data/incident-plan.ron";

fn plan() -> Plan {
    let bytes = std::fs::read(super::gui::data(TEST_PLAN)).unwrap();
    runbook::model::plan::parse(&bytes).unwrap().plan
}

/// The acknowledgements in the log, oldest first: clock, stage, snooze.
fn acks(s: &Incident) -> Vec<(ClockKind, Stage, Option<u32>)> {
    s.timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::ClockAcknowledged {
                clock,
                stage,
                snooze_minutes,
                ..
            } => Some(((**clock).clone(), *stage, *snooze_minutes)),
            _ => None,
        })
        .collect()
}

#[test]
fn an_amber_clock_raises_the_banner_f6_logs_the_acknowledgement_and_red_raises_it_again() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    // Level II: a status update every 60 min.
    declare(&mut h, "network", &["cut"], true);
    room.hand.advance_minutes(44);
    h.run();
    assert!(!shows(&h, "Due soon: Next status update"));
    room.hand.advance_minutes(2);
    h.run();
    assert!(shows(&h, "Due soon: Next status update (10:00, in 14 min)"));
    press(&mut h, Key::F6);
    settle(&mut h);
    assert!(!shows(&h, "Due soon: Next status update"));
    assert_eq!(
        acks(&room.on_disk()),
        [(ClockKind::StatusUpdate, Stage::Amber, None)]
    );
    // Acknowledged at amber, it comes back red.
    room.hand.advance_minutes(16);
    h.run();
    assert!(shows(
        &h,
        "OVERDUE: Next status update (10:00, overdue by 2 min)"
    ));
    h.get_by_label("Acknowledge  F6").click();
    h.run();
    settle(&mut h);
    assert!(!shows(&h, "OVERDUE: Next status update"));
    let on_disk = room.on_disk();
    assert_eq!(
        acks(&on_disk)[1],
        (ClockKind::StatusUpdate, Stage::Red, None)
    );
    // Who: the operator at the window, as every entry of theirs.
    let entry = on_disk.timeline().last().unwrap();
    assert_eq!(entry.by, on_disk.timeline()[0].by);
    assert!(!entry.by.is_empty());
    h.state_mut().finish_incidents();
}

#[test]
fn a_snooze_holds_the_alert_back_for_its_minutes_then_it_comes_back() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "network", &["cut"], true);
    room.hand.advance_minutes(61);
    h.run();
    assert!(shows(&h, "OVERDUE: Next status update"));
    // F8: remind again in 10 minutes.
    press(&mut h, Key::F8);
    settle(&mut h);
    assert!(!shows(&h, "OVERDUE: Next status update"));
    assert_eq!(
        acks(&room.on_disk()),
        [(ClockKind::StatusUpdate, Stage::Red, Some(10))]
    );
    room.hand.advance_minutes(9);
    h.run();
    assert!(!shows(&h, "OVERDUE: Next status update"), "held back");
    room.hand.advance_minutes(1);
    h.run();
    assert!(
        shows(&h, "OVERDUE: Next status update (10:00, overdue by 11 min)"),
        "back after its 10 minutes"
    );
    h.state_mut().finish_incidents();
}

#[test]
fn an_update_sent_restarts_the_reminder_and_an_acknowledgement_does_not_silence_the_next() {
    let room = Room::new();
    let service = room.service();
    let plan = plan();
    let bytes = std::fs::read(super::gui::data(TEST_PLAN)).unwrap();
    let open = service
        .declare(
            &plan,
            &bytes,
            runbook::model::incident::Declaration {
                title: "Reminders".into(),
                class: "network".into(),
                level: Some("II".into()),
                level_reason: None,
                answers: Vec::new(),
                discovered_at: None,
                commander: None,
                drill: true,
            },
        )
        .unwrap();
    let dir = open.dir().to_owned();
    service.finish(open).unwrap();
    let act = |action: Action| {
        let snap = service.read(&dir).unwrap();
        let acted = service.act(&snap, action, None, &mut || {}).unwrap();
        assert!(
            matches!(acted.outcome, runbook::service::Outcome::Saved(_)),
            "{:?}",
            acted.outcome
        );
    };
    room.hand.advance_minutes(50);
    let s = service.read(&dir).unwrap().incident;
    let alerts = s.alerts(&plan, room.clock.now());
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].stage, Stage::Amber);
    let first_due = alerts[0].clock.due;
    act(Action::AckClock {
        clock: ClockKind::StatusUpdate,
        due: first_due,
        stage: Stage::Amber,
        snooze_minutes: None,
    });
    assert!(
        service
            .read(&dir)
            .unwrap()
            .incident
            .alerts(&plan, room.clock.now())
            .is_empty()
    );
    // The update goes out at 09:55: the clock restarts, due 10:55.
    room.hand.advance_minutes(5);
    act(Action::Message {
        template: None,
        audience: Some(Audience::Internal),
        channel: None,
        text: "Line switched; next update 10:55".into(),
    });
    room.hand.advance_minutes(46);
    let s = service.read(&dir).unwrap().incident;
    let alerts = s.alerts(&plan, room.clock.now());
    assert_eq!(alerts.len(), 1, "the next reminder is not silenced");
    assert_eq!(
        alerts[0].clock.due,
        first_due + chrono::Duration::minutes(55)
    );
    // A snooze too long, and a clock that is not asking: refused, nothing
    // written.
    let snap = service.read(&dir).unwrap();
    assert_eq!(
        snap.incident.check(
            &plan,
            Action::AckClock {
                clock: ClockKind::StatusUpdate,
                due: alerts[0].clock.due,
                stage: Stage::Amber,
                snooze_minutes: Some(120),
            }
        ),
        Err(ActionError::SnoozeMinutes {
            given: 120,
            max: 60
        })
    );
    assert!(matches!(
        snap.incident.check(
            &plan,
            Action::AckClock {
                clock: ClockKind::Duty(ItemId::new("report")),
                due: alerts[0].clock.due,
                stage: Stage::Red,
                snooze_minutes: None,
            }
        ),
        Err(ActionError::NoAlert { .. })
    ));
}

#[test]
fn incident_ack_logs_from_the_command_line_and_status_marks_what_is_due_soon() {
    let run = Run::new();
    let folder = run.declare_network("Ack from a terminal", &["--drill"]);
    let name = folder.file_name().unwrap().to_str().unwrap().to_owned();
    // The declaration was now; 50 minutes on, the update (every 60) is
    // due within the quarter of an hour.
    let later = (chrono::Utc::now() + chrono::Duration::minutes(50)).to_rfc3339();
    let status = run.ok(&["incident", "--now", &later, "status", &name]);
    assert!(
        status
            .lines()
            .any(|l| l.contains("DUE SOON") && l.contains("next status update")),
        "{status}"
    );
    let (code, text) = run.runbook(&["incident", "--now", &later, "ack", &name, "cac-report"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("has no alert to acknowledge; amber or red now: update"),
        "{text}"
    );
    let out = run.ok(&[
        "incident", "--now", &later, "ack", &name, "update", "--snooze", "5",
    ]);
    assert!(
        out.contains("snoozed the amber alert of the status update for 5 min"),
        "{out}"
    );
    let entries = runbook::io::incident_dir::read_entries(&folder).unwrap().0;
    assert!(entries.iter().any(|e| matches!(
        &e.event,
        Event::ClockAcknowledged {
            clock,
            stage: Stage::Amber,
            snooze_minutes: Some(5),
            ..
        } if **clock == ClockKind::StatusUpdate
    ) && e.by == "值班长 王芳"));
}

/// Notifications recorded instead of shown; the first fails as on a
/// laptop with no notification service.
struct Recorded {
    shown: std::sync::Arc<std::sync::Mutex<Vec<(String, String, bool)>>>,
    fail_once: Option<String>,
    failed: Option<String>,
}

impl runbook::io::notify::Notifier for Recorded {
    fn notify(
        &mut self,
        title: &str,
        body: &str,
        _pressing: runbook::io::notify::Pressing,
        sound: bool,
    ) {
        self.shown
            .lock()
            .unwrap()
            .push((title.to_owned(), body.to_owned(), sound));
        self.failed = self.fail_once.take();
    }

    fn failure(&mut self) -> Option<String> {
        self.failed.take()
    }
}

#[test]
fn an_alert_is_notified_once_with_its_sound_unless_drills_are_muted_and_no_daemon_is_said_once() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    let shown = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    h.state_mut().set_notifier(Box::new(Recorded {
        shown: shown.clone(),
        fail_once: Some("no notification service".into()),
        failed: None,
    }));
    h.run();
    declare(&mut h, "network", &["cut"], true);
    room.hand.advance_minutes(46);
    h.run();
    h.run();
    {
        let got = shown.lock().unwrap();
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "runbook: 华东直播卡顿");
        assert!(
            got[0].1.starts_with("Due soon: Next status update"),
            "{got:?}"
        );
        assert!(got[0].2, "with its sound");
    }
    assert!(shows(
        &h,
        "Desktop notifications do not work here (no notification service)"
    ));
    // Drills muted from the banner: the red alert comes without a sound.
    h.get_by_label("Sound: on").click();
    h.run();
    assert!(h.state().settings().mute_drills);
    assert!(shows(&h, "Sound: off"));
    press(&mut h, Key::F6);
    settle(&mut h);
    room.hand.advance_minutes(16);
    h.run();
    h.run();
    let got = shown.lock().unwrap();
    assert!(got.iter().skip(1).all(|(_, _, sound)| !sound), "{got:?}");
    drop(got);
    h.state_mut().finish_incidents();
}
