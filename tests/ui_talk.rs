//! The incident window, part 2, through egui_kittest: calls down the tree,
//! a message from its template, a level change, a backdated note, a
//! handover and the close, each checked on screen and in the log on disk;
//! and snapshots of the call tree, the message editor and the timeline.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use runbook::app::RunbookApp;
use runbook::i18n::Lang;
use runbook::model::ids::{LevelId, PersonId, StepId};
use runbook::model::incident::{CallOutcome, Commander, Event, StepStatus};
use runbook::model::plan::doc::Target;

use super::ui_incident::{Room, declare, press, settle, shows, status_of};

const TEST_PLAN: &str = "tests/data/incident-plan.ron";

fn key(h: &mut Harness<'static, RunbookApp>, modifiers: Modifiers, k: Key) {
    h.key_press_modifiers(modifiers, k);
    h.run();
}

/// Replaces the text of the focused multiline editor with `text`.
fn retype(h: &mut Harness<'static, RunbookApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    key(h, Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn a_call_with_no_answer_leads_to_the_deputy_who_is_reached() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "network", &["cut"], true);
    key(&mut h, Modifiers::COMMAND, Key::K);
    assert!(shows(&h, "Call tree, level II"));
    assert!(shows(&h, "0 of 1 reached"));
    room.hand.advance_minutes(2);
    press(&mut h, Key::Num2);
    settle(&mut h);
    // Ann did not answer: Bob, the deputy, is next.
    assert!(shows(&h, "no answer"));
    room.hand.advance_minutes(1);
    press(&mut h, Key::Num1);
    settle(&mut h);
    assert!(shows(&h, "1 of 1 reached"));
    assert!(shows(&h, "Bob reached at 09:03"));
    let calls: Vec<(Target, CallOutcome)> = room
        .on_disk()
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::CallAttempt { to, outcome, .. } => Some(((**to).clone(), *outcome)),
            _ => None,
        })
        .collect();
    assert_eq!(
        calls,
        [
            (Target::Person(PersonId::new("ann")), CallOutcome::NoAnswer),
            (Target::Person(PersonId::new("bob")), CallOutcome::Reached),
        ]
    );
    h.state_mut().finish_incidents();
}

#[test]
fn a_message_is_sent_only_when_every_placeholder_is_filled_and_its_exact_text_is_logged() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "network", &["cut"], true);
    // Down to the communicate step.
    for _ in 0..10 {
        if h.state_mut().views_mut().incident.selected == Some(StepId::new("update")) {
            break;
        }
        press(&mut h, Key::ArrowDown);
    }
    assert!(shows(&h, "Message: Internal update"));
    assert!(shows(&h, "Still to fill in: {affected_students} {impact}"));
    let sent = h.get_by_label("Mark as sent");
    assert!(
        sent.accesskit_node().is_disabled(),
        "not while placeholders are left"
    );
    let text = "[II Major] 华东直播卡顿: 1,200 students. Next update 10:00. Core switch replaced.";
    retype(&mut h, "Text", text);
    assert!(shows(&h, "Ready to send"));
    h.get_by_label("Copy the text").click();
    h.run();
    h.get_by_label("instant message").click();
    h.run();
    h.get_by_label("Mark as sent").click();
    h.run();
    settle(&mut h);
    let s = room.on_disk();
    let logged = s
        .timeline()
        .iter()
        .find_map(|e| match &e.event {
            Event::MessageSent { text, channel, .. } => Some((text.clone(), *channel)),
            _ => None,
        })
        .unwrap();
    assert_eq!(logged.0, text, "the exact text sent");
    assert_eq!(logged.1, Some(runbook::model::incident::MessageChannel::Im));
    // The step is done by the message it sent.
    let plan = runbook::model::plan::parse(&std::fs::read(super::gui::data(TEST_PLAN)).unwrap())
        .unwrap()
        .plan;
    let status = s.status(&plan, room.clock.now());
    let update = status
        .items
        .iter()
        .find(|i| i.step.id == StepId::new("update"))
        .unwrap();
    assert_eq!(update.state, runbook::model::incident::ItemState::Done);
    // The timeline's line gives the message's start; its whole text is
    // folded under it, one click away.
    key(&mut h, Modifiers::COMMAND, Key::T);
    assert!(!shows(&h, "Core switch replaced."));
    h.get_by_label("Text as sent").click();
    h.run();
    assert!(shows(&h, "Core switch replaced."));
    h.state_mut().finish_incidents();
}

#[test]
fn raising_the_level_adds_its_steps_and_keeps_what_was_done() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "software", &["slow"], false);
    press(&mut h, Key::D);
    settle(&mut h);
    key(&mut h, Modifiers::COMMAND, Key::ArrowUp);
    assert!(shows(&h, "Change to level II Major"));
    assert!(shows(&h, "1 steps join the checklist"));
    h.get_by_label("Reason")
        .type_text("most users cannot log in");
    press(&mut h, Key::Enter);
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(s.level(), &LevelId::new("II"));
    assert_eq!(
        status_of(&s, "confirm"),
        Some(StepStatus::Done),
        "done stays"
    );
    assert!(
        shows(&h, "Brief the executives."),
        "the level's own step joins"
    );
    assert!(shows(&h, "Level II Major"));
    h.state_mut().finish_incidents();
}

#[test]
fn a_backdated_quick_note_shows_at_its_time_and_says_so() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "software", &["slow"], false);
    room.hand.advance_minutes(20);
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.get_by_label("Quick note")
        .type_text("users first complained in the parents' group");
    h.run();
    h.get_by_label("Happened at").focus();
    h.run();
    h.get_by_label("Happened at").type_text("08:55");
    h.run();
    h.get_by_label("Quick note").focus();
    h.run();
    press(&mut h, Key::Enter);
    h.run();
    // 08:55 is before the incident was discovered (at its declaration,
    // 09:00): the first Enter asks, the second records.
    assert!(shows(&h, "that time is before the incident was discovered"));
    press(&mut h, Key::Enter);
    settle(&mut h);
    key(&mut h, Modifiers::COMMAND, Key::T);
    assert!(shows(
        &h,
        "note: users first complained in the parents' group"
    ));
    assert!(shows(&h, "happened 08:55, written down 09:20"));
    let s = room.on_disk();
    let note = s
        .timeline()
        .iter()
        .find(|e| matches!(e.event, Event::Note { .. }))
        .unwrap();
    assert_eq!(
        note.happened_at.map(|t| t.to_rfc3339()),
        Some("2026-03-02T00:55:00+00:00".to_owned())
    );
    // In the timeline, it comes before the declaration it preceded.
    let first_note = h
        .query_all_by_label_contains("users first complained")
        .next()
        .unwrap()
        .rect()
        .top();
    let declared = h
        .query_all_by_label_contains("incident declared")
        .next()
        .unwrap()
        .rect()
        .top();
    assert!(first_note < declared, "ordered by when it happened");
    h.state_mut().finish_incidents();
}

#[test]
fn command_is_handed_over_with_a_drafted_briefing_and_the_close_lists_what_is_open() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "software", &["all-down"], false);
    h.get_by_label("Hand over…").click();
    h.run();
    h.get_by_label("To").type_text("Bob");
    h.run();
    let briefing = h.get_by_label("Briefing").value().unwrap_or_default();
    assert!(
        briefing.starts_with("Level I.") && briefing.contains("steps open"),
        "the briefing is drafted from the state: {briefing}"
    );
    h.get_by_label("Confirm").click();
    h.run();
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(s.commander(), &Commander::Person(PersonId::new("bob")));
    let Some(Event::CommandHandedOver { note, .. }) = s
        .timeline()
        .iter()
        .map(|e| &e.event)
        .find(|e| matches!(e, Event::CommandHandedOver { .. }))
    else {
        panic!("no handover in the log");
    };
    assert!(note.starts_with("Level I."), "{note}");

    h.get_by_label("Close the response…").click();
    h.run();
    assert!(shows(&h, "steps still open"));
    assert!(shows(&h, "Reporting duties still due"));
    assert!(shows(&h, "Send the summary report."));
    // The call nobody answered, as the command line lists it too.
    assert!(shows(&h, "1 call not answered"));
    assert!(shows(&h, "1 Commander"));
    h.get_by_label("Summary")
        .type_text("SSO certificate renewed");
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    let s = room.on_disk();
    assert!(!s.is_open());
    // The summary report counts from the close and stays in sight.
    assert!(shows(&h, "Send the summary report."));
    assert!(shows(&h, "Reopen…"));
    h.state_mut().finish_incidents();
}

fn snapshot_talk(lang: Lang, plan: &str, calls: &str, message: &str, timeline: &str) {
    let room = Room::new();
    let mut h = room.app(lang, plan);
    h.run();
    declare(&mut h, "network", &["region-cdn"], true);
    room.hand.advance_minutes(2);
    key(&mut h, Modifiers::COMMAND, Key::K);
    press(&mut h, Key::Num2);
    settle(&mut h);
    room.hand.advance_minutes(1);
    press(&mut h, Key::Num1);
    settle(&mut h);
    h.snapshot(calls);
    key(&mut h, Modifiers::COMMAND, Key::K);
    for _ in 0..40 {
        if h.state_mut().views_mut().incident.selected == Some(StepId::new("comm-students")) {
            break;
        }
        press(&mut h, Key::ArrowDown);
    }
    h.snapshot(message);
    room.hand.advance_minutes(1);
    key(&mut h, Modifiers::COMMAND, Key::T);
    // A note for now, and one for something that happened before it was
    // written down.
    for (text, at) in [
        ("CDN vendor confirms the East China nodes failed", ""),
        ("first complaints in the parents' group", "08:58"),
    ] {
        key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
        h.get_by_label(lang.tr().talk.quick_label).type_text(text);
        h.run();
        if !at.is_empty() {
            h.get_by_label(lang.tr().talk.occurred_at).focus();
            h.run();
            h.get_by_label(lang.tr().talk.occurred_at).type_text(at);
            h.run();
            h.get_by_label(lang.tr().talk.quick_label).focus();
            h.run();
        }
        press(&mut h, Key::Enter);
        settle(&mut h);
    }
    h.snapshot(timeline);
    h.state_mut().finish_incidents();
}

#[test]
fn snapshots_zh() {
    snapshot_talk(
        Lang::Zh,
        "plans/online-education-platform.ron",
        "calls_zh",
        "message_zh",
        "timeline_zh",
    );
}

#[test]
fn snapshots_en() {
    snapshot_talk(
        Lang::En,
        "plans/online-education-platform.en.ron",
        "calls_en",
        "message_en",
        "timeline_en",
    );
}

#[test]
fn a_duty_is_fulfilled_from_its_clock_and_a_closed_incident_reopens() {
    let room = Room::new();
    let mut h = room.app(Lang::En, TEST_PLAN);
    h.run();
    declare(&mut h, "software", &["all-down"], false);
    // The regulator report, from its clock.
    room.hand.advance_minutes(30);
    h.run();
    // The clock's button says what is owed, then when.
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("Report to the regulator. — "))
    })
    .click();
    h.run();
    assert!(shows(&h, "Reporting duty fulfilled"));
    h.get_by_label("Reference, who took it")
        .type_text("ref 2026-031, taken by Officer Liu");
    press(&mut h, Key::Enter);
    settle(&mut h);
    let s = room.on_disk();
    assert!(
        s.duty_done_at(&runbook::model::ids::ItemId::new("report"))
            .is_some()
    );
    assert!(s.timeline().iter().any(|e| matches!(
        &e.event,
        Event::DutyDone { note, .. } if note == "ref 2026-031, taken by Officer Liu"
    )));
    // Close, then reopen with a reason.
    h.get_by_label("Close the response…").click();
    h.run();
    h.get_by_label("Summary").type_text("fixed");
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    assert!(!room.on_disk().is_open());
    h.get_by_label("Reopen…").click();
    h.run();
    h.get_by_label("Reason").type_text("errors came back");
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert!(room.on_disk().is_open());
    h.state_mut().finish_incidents();
}

#[test]
fn a_warning_is_issued_with_why_and_lifted() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "plans/online-education-platform.en.ron");
    h.run();
    declare(&mut h, "network", &["region-cdn"], false);
    h.get_by_label("Warnings…").click();
    h.run();
    h.get_by_label("Why").focus();
    h.run();
    h.get_by_label("Why").type_text("CDN vendor expects hours");
    h.run();
    h.query_all_by_label("Issue").nth(1).unwrap().click();
    h.run();
    settle(&mut h);
    assert!(shows(&h, "in force"));
    h.get_by_label("Lift").click();
    h.run();
    settle(&mut h);
    press(&mut h, Key::Escape);
    let events: Vec<String> = room
        .on_disk()
        .timeline()
        .iter()
        .filter_map(|e| match &e.event {
            Event::WarningIssued { level, note } => Some(format!("issued {level}: {note}")),
            Event::WarningLifted { level, .. } => Some(format!("lifted {level}")),
            _ => None,
        })
        .collect();
    assert_eq!(events, ["issued II: CDN vendor expects hours", "lifted II"]);
    h.state_mut().finish_incidents();
}
