//! The walk from the keyboard as a person types at three in the morning:
//! keys arrive with their text (as a real keyboard sends them), fast, and
//! without a click first. What is typed on a value step goes into its
//! field and nowhere else; no letter typed into a text field is ever read
//! as a shortcut. Each flow checks the log on disk.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::RunbookApp;
use runbook::i18n::Lang;
use runbook::model::ids::StepId;
use runbook::model::incident::{Event as LogEvent, Incident, StepStatus};
use runbook::ui::View;
use runbook::ui::incident::Prompt;

use super::ui_incident::{Room, declare, press, settle, status_of};

/// The events a keyboard sends for one character: the key going down with
/// the character it types, then the key coming up.
fn keystroke(c: char) -> Vec<Event> {
    let key = Key::from_name(&c.to_uppercase().to_string());
    let modifiers = Modifiers {
        shift: c.is_uppercase(),
        ..Modifiers::NONE
    };
    let mut events = Vec::new();
    if let Some(key) = key {
        events.push(Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        });
    }
    events.push(Event::Text(c.to_string()));
    if let Some(key) = key {
        events.push(Event::Key {
            key,
            physical_key: None,
            pressed: false,
            repeat: false,
            modifiers,
        });
    }
    events
}

/// Types `text` one key a frame, as a person types.
pub fn type_keys(h: &mut Harness<'static, RunbookApp>, text: &str) {
    for c in text.chars() {
        for e in keystroke(c) {
            h.event(e);
        }
        h.run();
    }
}

/// Types `text` and Enter all within one frame, as a fast typist does
/// before the window has drawn again.
fn type_in_one_frame(h: &mut Harness<'static, RunbookApp>, text: &str) {
    for e in text.chars().flat_map(keystroke) {
        h.event(e);
    }
    h.key_press(Key::Enter);
    h.run();
}

/// Every step status in the log.
fn statuses(s: &Incident) -> Vec<(String, StepStatus)> {
    s.timeline()
        .iter()
        .filter_map(|e| match &e.event {
            LogEvent::StepStatus { step, status } => Some((step.to_string(), status.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn typing_a_value_right_after_resuming_records_exactly_that() {
    let room = Room::new();
    {
        let mut h = room.app(Lang::Zh, "plans/online-education-platform.ron");
        h.run();
        declare(&mut h, "network", &["region-cdn"], true);
        room.hand.advance_minutes(2);
        press(&mut h, Key::D);
        settle(&mut h);
        // The laptop dies with the discovery step current.
    }
    let before = room.on_disk().timeline().len();
    assert_eq!(
        status_of(&room.on_disk(), "assess-confirm"),
        Some(StepStatus::Done)
    );
    room.hand.advance_minutes(5);
    let mut h = room.app(Lang::Zh, "plans/online-education-platform.ron");
    h.run();
    // Enter resumes; the operator types at once, without a click.
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(h.state_mut().views_mut().view, View::Incident);
    type_keys(&mut h, "sky 1200");
    press(&mut h, Key::Enter);
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(s.value(&StepId::new("assess-discovery")), Some("sky 1200"));
    assert_eq!(
        s.timeline().len(),
        before + 1,
        "exactly the value, nothing else: {:?}",
        &s.timeline()[before..]
    );
    assert!(
        statuses(&s)
            .iter()
            .all(|(step, _)| step == "assess-confirm")
    );

    // The impact step is next: its field has the keyboard. Esc takes the
    // keyboard out of it; a letter typed then starts the value again, so
    // `s` (the skip key) is the first letter of the value, not a skip.
    h.get_by_label("影响（对外表述）");
    press(&mut h, Key::Escape);
    type_keys(&mut h, "east China live");
    press(&mut h, Key::Enter);
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(
        s.value(&StepId::new("assess-impact")),
        Some("east China live")
    );
    assert_eq!(s.timeline().len(), before + 2);
    assert!(
        !statuses(&s)
            .iter()
            .any(|(_, st)| matches!(st, StepStatus::Skipped { .. })),
        "{:?}",
        statuses(&s)
    );

    // Typed faster than the window draws: the keys, the digits and Enter
    // in one frame, with no field holding the keyboard. The head count is
    // a few steps down, after the call tree has been started (revision
    // 2.2 pages before the detailed assessment): the arrows go there.
    press(&mut h, Key::Escape);
    for _ in 0..20 {
        if h.state_mut().views_mut().incident.selected == Some(StepId::new("assess-students")) {
            break;
        }
        press(&mut h, Key::ArrowDown);
    }
    assert_eq!(
        h.state_mut().views_mut().incident.selected,
        Some(StepId::new("assess-students"))
    );
    type_in_one_frame(&mut h, "1,200");
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(s.value(&StepId::new("assess-students")), Some("1,200"));
    assert_eq!(s.timeline().len(), before + 3);
    h.state_mut().finish_incidents();
}

#[test]
fn s_typed_into_any_text_field_never_skips() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["slow"], true);
    room.hand.advance_minutes(1);
    press(&mut h, Key::D);
    settle(&mut h);
    let no_skip = |h: &mut Harness<'static, RunbookApp>, field: &str| {
        settle(h);
        let s = room.on_disk();
        assert!(
            !statuses(&s)
                .iter()
                .any(|(_, st)| matches!(st, StepStatus::Skipped { .. })),
            "{field}: {:?}",
            statuses(&s)
        );
        assert!(
            !matches!(
                h.state_mut().views_mut().incident.prompt,
                Some((Prompt::Skip | Prompt::Block, _))
            ),
            "{field}: no reason asked for"
        );
    };
    // The value field of the step on screen, which has the keyboard.
    assert!(h.get_by_label("Students").is_focused());
    type_keys(&mut h, "s");
    no_skip(&mut h, "value");
    assert_eq!(h.get_by_label("Students").value().as_deref(), Some("s"));
    // The quick note.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    type_keys(&mut h, "s");
    no_skip(&mut h, "quick note");
    // A note on the step, on an action step where S is the skip key.
    press(&mut h, Key::Escape);
    h.get_by_label("Not applicable  X").click();
    h.run();
    settle(&mut h);
    assert!(h.query_by_label("Students").is_none(), "the next step");
    press(&mut h, Key::M);
    type_keys(&mut h, "s");
    no_skip(&mut h, "note");
    h.get_by_label("Cancel").click();
    h.run();
    // The timeline's search.
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    h.get_by_label("Search").focus();
    h.run();
    type_keys(&mut h, "s");
    no_skip(&mut h, "timeline search");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    // The dialogs: handover, close.
    for (shortcut, field) in [(Key::H, "To"), (Key::E, "Summary")] {
        h.key_press_modifiers(Modifiers::COMMAND, shortcut);
        h.run();
        h.run();
        assert!(h.get_by_label(field).is_focused(), "{field}");
        type_keys(&mut h, "s");
        no_skip(&mut h, field);
        h.get_by_label("Cancel").click();
        h.run();
    }
    // And with nothing holding the keyboard, S on an action step still asks
    // for the reason: the key works where it is meant.
    h.state_mut().views_mut().incident.quick.clear();
    press(&mut h, Key::S);
    assert!(matches!(
        h.state_mut().views_mut().incident.prompt,
        Some((Prompt::Skip, _))
    ));
    h.state_mut().finish_incidents();
}

/// The labels in the window that are exactly `text`.
fn count(h: &Harness<'static, RunbookApp>, text: &str) -> usize {
    h.query_all_by_label(text).count()
}

#[test]
fn the_help_fits_the_window_scrolls_filters_and_lists_each_key_once() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.set_size(egui::vec2(1024.0, 600.0));
    h.run();
    declare(&mut h, "software", &["slow"], true);
    // From the overview, the incident's keys are near the end: below the
    // edge of the list until it is scrolled.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    press(&mut h, Key::F1);
    h.run();
    let close = h.get_by_label("Ctrl+E").rect();
    assert!(close.top() > 600.0, "below the edge at first: {close:?}");
    // Each key once: Ctrl+N and Ctrl+6 were listed twice.
    for keys in ["Ctrl+N", "Ctrl+6", "Ctrl+Shift+N", "F1"] {
        assert_eq!(count(&h, keys), 1, "{keys}");
    }
    // Scrolled to its end, with the wheel over the list.
    let over = h.get_by_label("Ctrl+1").rect().center();
    h.hover_at(over);
    for _ in 0..20 {
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    let close = h.get_by_label("Ctrl+E").rect();
    assert!(
        close.top() >= 0.0 && close.bottom() <= 600.0,
        "Ctrl+E in view at the end: {close:?}"
    );
    assert!(shows_label(&h, "Close the response"));
    // The whole help is inside the window.
    let filter = h.get_by_label("Filter").rect();
    assert!(filter.top() >= 0.0, "{filter:?}");
    // In the incident view its keys come first, and the filter keeps only
    // what matches.
    press(&mut h, Key::Escape);
    assert!(!shows_label(&h, "Keyboard shortcuts"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    h.run();
    press(&mut h, Key::F1);
    h.run();
    h.get_by_label("This view: Incident");
    let first = h.get_by_label("This view: Incident").rect().top();
    let every = h.get_by_label("In every view").rect().top();
    assert!(first < every, "the view's keys first");
    assert!(h.get_by_label("Ctrl+E").rect().bottom() <= 600.0);
    assert!(h.get_by_label("Filter").is_focused());
    type_keys(&mut h, "level");
    assert!(shows_label(&h, "Raise, lower the level"));
    assert_eq!(count(&h, "Ctrl+K"), 0, "filtered out");
    assert_eq!(count(&h, "Ctrl+E"), 0, "filtered out");
    // Esc closes it, from its filter too; nothing typed reached the walk.
    press(&mut h, Key::Escape);
    assert!(!shows_label(&h, "Keyboard shortcuts"));
    let s = room.on_disk();
    assert_eq!(s.timeline().len(), 1, "only the declaration");
    h.state_mut().finish_incidents();
}

/// Whether a label contains `text`.
fn shows_label(h: &Harness<'static, RunbookApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The help over a drill on the bundled plan, in the incident view.
fn help_snapshot(lang: Lang, plan: &str, name: &str) {
    let room = Room::new();
    let mut h = room.app(lang, plan);
    h.run();
    declare(&mut h, "network", &["region-cdn"], true);
    press(&mut h, Key::F1);
    h.run();
    h.snapshot(name);
    h.state_mut().finish_incidents();
}

#[test]
fn help_snapshot_en() {
    help_snapshot(
        Lang::En,
        "plans/online-education-platform.en.ron",
        "help_en",
    );
}

#[test]
fn help_snapshot_zh() {
    help_snapshot(Lang::Zh, "plans/online-education-platform.ron", "help_zh");
}

#[test]
fn ctrl_z_after_an_accidental_skip_restores_the_step_and_the_log_keeps_both() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["slow"], true);
    room.hand.advance_minutes(1);
    // Typed where there is no field: `s` asks for a reason, the word
    // becomes one, Enter skips.
    type_keys(&mut h, "sky");
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(
        status_of(&room.on_disk(), "confirm"),
        Some(StepStatus::Skipped {
            reason: "sky".into()
        })
    );
    // Ctrl+Z takes it back: a new entry points at the skip.
    room.hand.advance_minutes(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(status_of(&s, "confirm"), None, "open again");
    let skip = &s.timeline()[1];
    assert!(matches!(
        &skip.event,
        LogEvent::StepStatus {
            status: StepStatus::Skipped { .. },
            ..
        }
    ));
    assert_eq!(
        s.timeline()[2].event,
        LogEvent::Undone {
            undoes: runbook::model::incident::EntryRef::to(skip)
        }
    );
    assert!(s.is_undone(skip));
    h.get_by_label("Current step");
    assert!(shows_label(&h, "Confirm the fault."));
    // The timeline shows both: the skip taken back, and the undo saying
    // what it took back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert!(shows_label(&h, "step “Confirm the fault.”: skipped (sky)"));
    assert!(shows_label(&h, "(taken back)"));
    assert!(shows_label(
        &h,
        "took back the entry of 09:01 (step “Confirm the fault.”: skipped (sky))"
    ));
    // Nothing more to take back: it says so, and writes nothing.
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    settle(&mut h);
    assert!(shows_label(&h, "no entry of yours on this device"));
    assert_eq!(room.on_disk().timeline().len(), 3);
    h.state_mut().finish_incidents();
}

/// A click with the pointer where `pos` is, as a hand on a mouse does it.
fn click_at(h: &mut Harness<'static, RunbookApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.drop_at(pos);
    h.run();
}

#[test]
fn steps_are_named_by_their_text_and_the_incident_card_opens_on_a_click() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["slow"], true);
    room.hand.advance_minutes(1);
    press(&mut h, Key::D);
    settle(&mut h);
    // The latest entries name the step by its text, in the body's size.
    let latest = h
        .get_by_label_contains("step “Confirm the fault.”: done")
        .rect();
    let body = h.get_by_label("Latest entries").rect();
    assert!(
        latest.height() >= body.height() - 0.5,
        "latest {latest:?}, body {body:?}"
    );
    // So does the timeline.
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert!(shows_label(&h, "step “Confirm the fault.”: done"));
    // On the overview, a click on the incident's title (not its button)
    // opens it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state_mut().views_mut().view, View::Overview);
    let title = h
        .query_all_by_label("华东直播卡顿")
        .map(|n| n.rect())
        .find(|r| r.left() > 200.0)
        .unwrap_or_else(|| panic!("the card's title"));
    click_at(&mut h, title.center());
    assert_eq!(h.state_mut().views_mut().view, View::Incident);
    h.state_mut().finish_incidents();
}

/// The accessible label of the regulator's clock chip (its words and when).
fn regulator_clock(h: &Harness<'static, RunbookApp>) -> String {
    h.query_all_by_label_contains("向省网信办报告")
        .map(|n| format!("{n:?}"))
        .find(|n| n.contains("— "))
        .unwrap_or_else(|| panic!("no clock for the report to the 网信 office"))
}

#[test]
fn choosing_the_legal_grade_stops_or_starts_the_regulators_clock() {
    let room = Room::new();
    let mut h = room.app(Lang::Zh, "plans/online-education-platform.ron");
    h.run();
    declare(&mut h, "network", &["region-cdn"], true);
    // Not known yet: it counts anyway, and says so.
    let clock = regulator_clock(&h);
    assert!(
        clock.contains("尚不确定") && clock.contains("还有"),
        "{clock}"
    );
    let to_grade = |h: &mut Harness<'static, RunbookApp>| {
        for _ in 0..20 {
            if h.state_mut().views_mut().incident.selected
                == Some(StepId::new("assess-legal-grade"))
            {
                return;
            }
            press(h, Key::ArrowDown);
        }
        panic!("never reached the legal grade");
    };
    to_grade(&mut h);
    h.get_by_label_contains("一般  1");
    h.snapshot("legal_grade_zh");
    // 一般: the duty does not apply, its clock stops.
    room.hand.advance_minutes(5);
    press(&mut h, Key::Num1);
    settle(&mut h);
    assert_eq!(
        room.on_disk().value(&StepId::new("assess-legal-grade")),
        Some("一般")
    );
    let clock = regulator_clock(&h);
    assert!(
        clock.contains("不适用") && !clock.contains("还有"),
        "{clock}"
    );
    // 较大, on a second look: the clock runs, from the discovery.
    to_grade(&mut h);
    room.hand.advance_minutes(5);
    press(&mut h, Key::Num2);
    settle(&mut h);
    assert_eq!(
        room.on_disk().value(&StepId::new("assess-legal-grade")),
        Some("较大")
    );
    let clock = regulator_clock(&h);
    assert!(
        clock.contains("13:00 · 还有") && !clock.contains("尚不确定"),
        "{clock}"
    );
    h.state_mut().finish_incidents();
}
