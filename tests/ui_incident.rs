//! The incident window through egui_kittest: declaring from the keyboard,
//! walking the checklist, a decision taking its branch, a restart after a
//! crash, a failed write that loses nothing, and a note typed in a terminal
//! while the window is open. Each flow checks the screen and the log on disk.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use chrono::{DateTime, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::{RunbookApp, Settings};
use runbook::clock::{Clock, ClockHand, Zone};
use runbook::i18n::Lang;
use runbook::io::log::{self, Sink, Writer};
use runbook::model::ids::{LevelId, StepId};
use runbook::model::incident::{Event, Incident, StepStatus};
use runbook::service::context::Overrides;
use runbook::service::{Context, Service};
use runbook::ui::View;

use super::gui::data;

pub const DEVICE: &str = "laptop-1";

pub fn t0() -> DateTime<Utc> {
    // 09:00 in Beijing.
    DateTime::parse_from_rfc3339("2026-03-02T01:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A command room: a data folder and a clock the test moves.
pub struct Room {
    pub data: tempfile::TempDir,
    pub clock: Clock,
    pub hand: ClockHand,
}

impl Room {
    pub fn new() -> Self {
        let (clock, hand) = Clock::manual(t0());
        Self {
            data: tempfile::tempdir().unwrap(),
            clock,
            hand,
        }
    }

    pub fn service(&self) -> Service {
        Service::new(Context::from_env(Overrides {
            data_dir: Some(self.data.path().to_owned()),
            operator: Some("Ann".to_owned()),
            device: Some(DEVICE.to_owned()),
            machine: Some("test-machine".to_owned()),
            clock: Some(self.clock.clone()),
            zone: Some(Zone::beijing()),
        }))
    }

    /// The window on a plan, in a language, with this room's data and clock.
    pub fn app(&self, lang: Lang, plan: &str) -> Harness<'static, RunbookApp> {
        let service = self.service();
        let plan = data(plan);
        let settings = Settings {
            lang: Some(lang),
            ..Settings::default()
        };
        Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| {
                RunbookApp::with_service(&cc.egui_ctx, settings, Some(plan), false, service)
            })
    }

    /// The only incident folder.
    pub fn incident_dir(&self) -> PathBuf {
        let dirs = runbook::io::incident_dir::list_dirs(&self.data.path().join("incidents"));
        assert_eq!(dirs.len(), 1, "{dirs:?}");
        dirs[0].clone()
    }

    /// The incident as its folder says, read by another reader.
    pub fn on_disk(&self) -> Incident {
        self.service().read(&self.incident_dir()).unwrap().incident
    }
}

/// Lets every open incident's writer answer, then draws.
pub fn settle(h: &mut Harness<'static, RunbookApp>) {
    for live in h.state_mut().incidents_mut() {
        live.settle(Duration::from_secs(10));
    }
    h.run();
}

pub fn press(h: &mut Harness<'static, RunbookApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// Presses Tab until the node labelled `label` has the keyboard.
fn tab_to(h: &mut Harness<'static, RunbookApp>, label: &str) {
    for _ in 0..40 {
        if h.query_all_by_label(label).any(|n| n.is_focused()) {
            return;
        }
        press(h, Key::Tab);
    }
    panic!("Tab never reached {label:?}");
}

/// Whether any node's label contains `text` (several may: a step's text is
/// in the checklist and in the step's panel).
pub fn shows(h: &Harness<'static, RunbookApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

pub fn status_of(s: &Incident, step: &str) -> Option<StepStatus> {
    s.step_status(&StepId::new(step)).cloned()
}

#[test]
fn a_drill_is_declared_and_walked_from_the_keyboard() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let title = h.get_by_label("Title");
    assert!(
        title.is_focused(),
        "the form opens with the keyboard in the title"
    );
    title.type_text("Core switch down");
    h.run();
    // The class cards, the answers and the drill box, by Tab and Space.
    tab_to(&mut h, "Network");
    press(&mut h, Key::Space);
    tab_to(&mut h, "Yes");
    press(&mut h, Key::Space);
    h.get_by_label_contains("Suggested: level II Major");
    h.get_by_label_contains("Because: Cut?");
    tab_to(&mut h, "This is a drill");
    press(&mut h, Key::Space);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    settle(&mut h);

    // Declared: the log says so, and the window walks it.
    let s = room.on_disk();
    assert_eq!(s.title(), "Core switch down");
    assert!(s.is_drill());
    assert_eq!(s.level(), &LevelId::new("II"));
    assert_eq!(s.suggested_level(), Some(&LevelId::new("II")));
    assert_eq!(s.answers().len(), 1);
    assert_eq!(h.state_mut().views_mut().view, View::Incident);
    h.get_by_label("DRILL — this is not a real incident");
    assert!(
        h.state().title().starts_with("[DRILL"),
        "{}",
        h.state().title()
    );
    h.get_by_label("Current step");
    h.get_by_label_contains("0 of 5 settled");
    // The clocks: the next status update at level II is due in 60 minutes.
    h.get_by_label("Next status update — 10:00 · in 60 min");

    // Done, from the keyboard; saved means on disk.
    room.hand.advance_minutes(2);
    press(&mut h, Key::D);
    settle(&mut h);
    assert_eq!(
        status_of(&room.on_disk(), "confirm"),
        Some(StepStatus::Done)
    );
    h.get_by_label_contains("1 of 5 settled");
    h.get_by_label_contains("✓ Saved · log");

    // A record step takes its value: Enter goes to the field.
    press(&mut h, Key::Enter);
    h.get_by_label("Students").type_text("1,200");
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(
        room.on_disk().value(&StepId::new("students")),
        Some("1,200")
    );

    // Skip with a reason; Esc cancels, S asks again.
    press(&mut h, Key::S);
    h.get_by_label("Reason")
        .type_text("the CEO was told in person");
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(
        status_of(&room.on_disk(), "exec-brief"),
        Some(StepStatus::Skipped {
            reason: "the CEO was told in person".into()
        })
    );

    // Blocked with a reason: the walk moves on to the next open step.
    press(&mut h, Key::B);
    h.get_by_label("Reason")
        .type_text("waiting for the carrier");
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert!(shows(&h, "Send the internal update."));
    // Later: then only the blocked step is left, and it is current again.
    press(&mut h, Key::L);
    settle(&mut h);
    // The arrows choose another step; Home comes back to the current one.
    press(&mut h, Key::ArrowUp);
    assert!(shows(&h, "Selected step"));
    press(&mut h, Key::Home);
    assert!(shows(&h, "Current step"));
    // Reopen the blocked step and finish it.
    press(&mut h, Key::R);
    settle(&mut h);
    press(&mut h, Key::D);
    settle(&mut h);
    // Nothing is current now; the arrows pick a step: a note on it.
    assert!(shows(&h, "Every step is settled except deferred ones"));
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::ArrowUp);
    assert!(shows(&h, "Selected step"));
    press(&mut h, Key::M);
    h.get_by_label("Note").type_text("carrier ticket 4471");
    press(&mut h, Key::Enter);
    settle(&mut h);
    let s = room.on_disk();
    assert_eq!(status_of(&s, "update"), Some(StepStatus::Deferred));
    assert_eq!(status_of(&s, "switch"), Some(StepStatus::Done));
    let switch = StepId::new("switch");
    let notes: Vec<&Event> = s
        .entries_about(&switch)
        .map(|e| &e.event)
        .filter(|e| matches!(e, Event::Note { .. }))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(shows(&h, "carrier ticket 4471"));
    h.state_mut().finish_incidents();
    let dir = room.incident_dir();
    let verify = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .arg("verify")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(verify.status.success(), "{verify:?}");
}

/// Declares through the window's own command, as the form would.
pub fn declare(h: &mut Harness<'static, RunbookApp>, class: &str, answers: &[&str], drill: bool) {
    use runbook::model::ids::{ClassId, ItemId};
    use runbook::model::incident::{Answer, Declaration};
    let declaration = Declaration {
        title: "华东直播卡顿".into(),
        class: ClassId::new(class),
        level: None,
        level_reason: None,
        answers: answers
            .iter()
            .map(|q| Answer {
                question: ItemId::new(*q),
                yes: true,
            })
            .collect(),
        discovered_at: None,
        commander: None,
        drill,
    };
    h.state_mut().apply(runbook::ui::Command::Declare {
        declaration,
        operator: "值班长 王芳".into(),
    });
    settle(h);
}

#[test]
fn a_decision_takes_its_branch_and_greys_the_other_with_why() {
    let room = Room::new();
    let mut h = room.app(Lang::Zh, "plans/online-education-platform.ron");
    h.run();
    declare(&mut h, "network", &["region-cdn"], true);
    h.get_by_label_contains("II级");
    // Down the list to the CDN decision.
    for _ in 0..40 {
        if h.state_mut().views_mut().incident.selected == Some(StepId::new("net-cdn")) {
            break;
        }
        press(&mut h, Key::ArrowDown);
    }
    h.get_by_label("所选步骤");
    room.hand.advance_minutes(4);
    press(&mut h, Key::N);
    settle(&mut h);
    let s = room.on_disk();
    let (yes, next) = s.decision(&StepId::new("net-cdn")).unwrap();
    assert!(!yes);
    assert_eq!(next, &StepId::new("net-change"));
    // The branch not taken is greyed, and says why when chosen.
    let skipped = h
        .state()
        .incidents()
        .next()
        .unwrap()
        .plan()
        .step(&StepId::new("net-switch-cdn"))
        .unwrap()
        .text
        .clone();
    let row: String = skipped.chars().take(12).collect();
    h.get_by_label_contains(&format!("⤵ {row}")).scroll_to_me();
    h.run();
    h.get_by_label_contains(&format!("⤵ {row}")).click();
    h.run();
    h.get_by_label_contains("因步骤 net-cdn 的回答而跳过");
    h.state_mut().finish_incidents();
}

#[test]
fn after_a_crash_the_incident_is_offered_and_resumes_as_it_was() {
    let room = Room::new();
    let progress;
    {
        let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
        h.run();
        declare(&mut h, "software", &["slow"], false);
        room.hand.advance_minutes(3);
        press(&mut h, Key::D);
        settle(&mut h);
        progress = "1 of 7 settled";
        h.get_by_label_contains(progress);
        // The laptop dies: no clean exit, the harness is dropped.
    }
    room.hand.advance_minutes(10);
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    assert!(shows(&h, "The last session did not end cleanly"));
    h.get_by_label_contains("“华东直播卡顿”");
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(h.state_mut().views_mut().view, View::Incident);
    h.get_by_label_contains(progress);
    h.get_by_label_contains("did not end cleanly (a crash or power loss)");
    assert_eq!(
        status_of(&room.on_disk(), "confirm"),
        Some(StepStatus::Done)
    );
    h.state_mut().finish_incidents();
    // Closed cleanly now: no offer on the next start.
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    assert!(!shows(&h, "The last session did not end cleanly"));
}

#[test]
fn a_damaged_log_says_where_and_marks_what_follows_the_damage() {
    let room = Room::new();
    {
        let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
        h.run();
        declare(&mut h, "software", &["slow"], false);
        room.hand.advance_minutes(3);
        press(&mut h, Key::D);
        settle(&mut h);
        room.hand.advance_minutes(1);
        // The second step takes a value: its letters type it, so not
        // applicable is its button.
        h.get_by_label("Not applicable  X").click();
        h.run();
        settle(&mut h);
        h.get_by_label_contains("2 of 7 settled");
        h.state_mut().finish_incidents();
    }
    // Lines: opened, declared, the first step, the second, closed. One byte
    // of the first step changes.
    let log = room.incident_dir().join(format!("log-{DEVICE}.jsonl"));
    let mut lines: Vec<Vec<u8>> = std::fs::read(&log)
        .unwrap()
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    assert_eq!(lines.len(), 5);
    let mid = lines[2].len() / 2;
    lines[2][mid] ^= 1;
    std::fs::write(&log, lines.concat()).unwrap();

    room.hand.advance_minutes(10);
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert_eq!(h.state_mut().views_mut().view, View::Incident);
    h.get_by_label_contains("is damaged at line 3");
    // The second step, after the damage, still counts.
    h.get_by_label_contains("1 of 7 settled");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert!(shows(&h, "after damage"));
    h.state_mut().finish_incidents();
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

#[test]
fn a_failed_write_raises_the_banner_and_another_folder_saves_everything() {
    let room = Room::new();
    let service = room.service();
    let plan_bytes = std::fs::read(data("tests/data/incident-plan.ron")).unwrap();
    let plan = runbook::model::plan::parse(&plan_bytes).unwrap().plan;
    let declaration = runbook::model::incident::Declaration {
        title: "Login down".into(),
        class: runbook::model::ids::ClassId::new("software"),
        level: Some(LevelId::new("III")),
        level_reason: None,
        answers: vec![],
        discovered_at: None,
        commander: None,
        drill: true,
    };
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    let mut open = service.declare(&plan, &plan_bytes, declaration).unwrap();
    // From now on the disk is full.
    let path = open.log().path().unwrap().to_owned();
    let scan = log::read(&path).unwrap();
    drop(open.log_mut().replace_writer(Writer::with_sink(
        Box::new(Full),
        path,
        scan.lines.len() as u64,
        scan.head().to_owned(),
        scan.good_len,
    )));
    h.state_mut().open_incident(open);
    h.run();
    room.hand.advance_minutes(1);
    press(&mut h, Key::D);
    settle(&mut h);
    assert!(shows(&h, "The log cannot be written: 1 entries NOT saved"));
    h.get_by_label_contains("No space left on device");
    assert!(shows(&h, "step “Confirm the fault.”: done"));
    // The next action is kept too, in order (the step takes a value, so
    // not applicable is its button, not its letter).
    h.get_by_label("Not applicable  X").click();
    h.run();
    settle(&mut h);
    assert!(shows(&h, "2 entries NOT saved"));
    let live = h.state().incidents().next().unwrap();
    assert_eq!(live.unsaved().len(), 2, "nothing typed is lost");

    // Continue on the USB stick, typed into the banner's folder field.
    let usb = tempfile::tempdir().unwrap();
    let stick = usb.path().join("incident");
    h.get_by_label("Folder").focus();
    h.run();
    h.get_by_label("Folder")
        .type_text(&stick.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    settle(&mut h);
    assert!(
        !shows(&h, "NOT saved"),
        "the banner goes once everything is saved"
    );
    h.get_by_label_contains("✓ Saved · log");
    h.state_mut().finish_incidents();
    let s = service.read(&stick).unwrap().incident;
    assert_eq!(status_of(&s, "confirm"), Some(StepStatus::Done));
    assert_eq!(status_of(&s, "students"), Some(StepStatus::NotApplicable));
}

#[test]
fn a_note_typed_in_a_terminal_appears_in_the_open_window() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["slow"], true);
    let dir = room.incident_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["incident", "note"])
        .arg(&dir)
        .arg("the scribe's note from the terminal")
        .env("RUNBOOK_DATA_DIR", room.data.path())
        .env("RUNBOOK_DEVICE", DEVICE)
        .env("RUNBOOK_MACHINE_ID", "test-machine")
        .env("RUNBOOK_OPERATOR", "scribe")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let until = std::time::Instant::now() + Duration::from_secs(2);
    while h
        .query_by_label_contains("the scribe's note from the terminal")
        .is_none()
    {
        assert!(
            std::time::Instant::now() < until,
            "the note did not appear within two seconds"
        );
        std::thread::sleep(Duration::from_millis(50));
        h.run();
    }
    h.state_mut().finish_incidents();
}

#[test]
fn another_laptops_change_of_the_same_step_arrives_and_is_marked() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["slow"], true);
    settle(&mut h);
    let dir = room.incident_dir();
    // Laptop B has its own copy of the folder (the link is down) and marks
    // the first step not applicable, while this window marks it done.
    let b_dir = room.data.path().join("laptop-b-copy");
    std::fs::create_dir(&b_dir).unwrap();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, b_dir.join(p.file_name().unwrap())).unwrap();
    }
    let mut b = runbook::service::OpenIncident::open(&b_dir, "laptop-b", t0()).unwrap();
    b.record(
        runbook::model::incident::Action::SetStep {
            step: StepId::new("confirm"),
            status: StepStatus::NotApplicable,
        },
        "Bo",
        None,
        t0(),
    )
    .unwrap();
    b.finish(t0()).unwrap();
    room.hand.advance_minutes(2);
    press(&mut h, Key::D);
    settle(&mut h);
    // The link comes back: B's log arrives in this folder.
    std::fs::copy(
        b_dir.join("log-laptop-b.jsonl"),
        dir.join("log-laptop-b.jsonl"),
    )
    .unwrap();
    let until = std::time::Instant::now() + Duration::from_secs(2);
    while !shows(&h, "both changed step confirm") {
        assert!(
            std::time::Instant::now() < until,
            "laptop B's change did not arrive within two seconds"
        );
        std::thread::sleep(Duration::from_millis(50));
        h.run();
    }
    // The step is marked in the checklist and on its card.
    h.get_by_label_contains("⇄ Confirm the fault.").click();
    h.run();
    // One click on the mark shows both entries in the timeline.
    h.get_by_label("⇄ changed on two devices").click();
    h.run();
    assert!(shows(&h, "Bo@laptop-b"));
    assert!(shows(&h, &format!("@{DEVICE}")), "this window's entry too");
    h.state_mut().finish_incidents();
}

/// Declares a network drill on the bundled plan through the form (clicks
/// here: the keyboard has its own test), with a snapshot of the form filled
/// in, then works three steps and takes a snapshot of the walk.
fn snapshot_declare_and_walk(
    lang: Lang,
    plan: &str,
    title: &str,
    declare_name: &str,
    walk_name: &str,
) {
    let room = Room::new();
    let mut h = room.app(lang, plan);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label(lang.tr().walk.title_label).type_text(title);
    h.run();
    let network = h
        .state()
        .plan()
        .class(&runbook::model::ids::ClassId::new("network"))
        .unwrap()
        .name
        .clone();
    h.get_by_role_and_label(egui::accesskit::Role::Button, &network)
        .click();
    h.run();
    // The second question of the class is the level-II one.
    let yes = lang.tr().walk.act_yes;
    h.query_all_by_label(yes).nth(1).unwrap().scroll_to_me();
    h.run();
    h.query_all_by_label(yes).nth(1).unwrap().click();
    h.run();
    let drill = lang.tr().walk.drill_label;
    h.get_by_label(drill).scroll_to_me();
    h.run();
    h.get_by_label(drill).click();
    h.run();
    h.snapshot(declare_name);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    settle(&mut h);
    room.hand.advance_minutes(3);
    press(&mut h, Key::D);
    settle(&mut h);
    room.hand.advance_minutes(2);
    press(&mut h, Key::Enter);
    // The step after the confirmation records how the fault was discovered.
    let label = label_of(&h, "assess-discovery");
    let discovery = match lang {
        Lang::Zh => "21:05 多地拨测告警",
        Lang::En => "21:05 probe alerts from several regions",
    };
    h.get_by_label(&label).type_text(discovery);
    press(&mut h, Key::Enter);
    settle(&mut h);
    room.hand.advance_minutes(1);
    // The impact step takes a value: its field has the keyboard, and what
    // is typed goes there.
    let impact = match lang {
        Lang::Zh => "华东地区部分直播课卡顿",
        Lang::En => "Live classes stalling in East China",
    };
    h.get_by_label(label_of(&h, "assess-impact").as_str())
        .type_text(impact);
    h.run();
    h.snapshot(walk_name);
    h.state_mut().finish_incidents();
}

/// The label of a record step's field, in the open incident's plan.
fn label_of(h: &Harness<'static, RunbookApp>, step: &str) -> String {
    h.state()
        .incidents()
        .next()
        .unwrap()
        .plan()
        .step(&StepId::new(step))
        .map(|s| match &s.kind {
            runbook::model::plan::doc::StepKind::Record { label, .. } => label.clone(),
            _ => String::new(),
        })
        .unwrap()
}

#[test]
fn snapshots_zh() {
    snapshot_declare_and_walk(
        Lang::Zh,
        "plans/online-education-platform.ron",
        "华东直播卡顿",
        "declare_zh",
        "walk_zh",
    );
}

#[test]
fn snapshots_en() {
    snapshot_declare_and_walk(
        Lang::En,
        "plans/online-education-platform.en.ron",
        "Live classes stalling in East China",
        "declare_en",
        "walk_en",
    );
}

#[test]
fn two_incidents_switch_in_one_click_and_esc_closes_the_help() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["slow"], true);
    room.hand.advance_minutes(1);
    declare(&mut h, "network", &["cut"], false);
    // Both in the navigation; the real one is on screen, with no drill banner.
    assert!(
        h.state().title().starts_with("华东直播卡顿"),
        "{}",
        h.state().title()
    );
    assert!(!shows(&h, "DRILL — this is not a real incident"));
    h.get_by_label("[DRILL] III  华东直播卡顿").click();
    h.run();
    assert!(shows(&h, "DRILL — this is not a real incident"));
    assert!(
        h.state().title().starts_with("[DRILL"),
        "{}",
        h.state().title()
    );
    // Each has its own log.
    let dirs = runbook::io::incident_dir::list_dirs(&room.data.path().join("incidents"));
    assert_eq!(dirs.len(), 2);
    // F1 opens the help with the incident keys; Esc closes it.
    press(&mut h, Key::F1);
    assert!(shows(&h, "Decision: yes, no"));
    press(&mut h, Key::Escape);
    assert!(!shows(&h, "Decision: yes, no"));
    // The plan on screen is another plan than the one pinned: it says so.
    assert!(!shows(&h, "differs from the one pinned"));
    h.state_mut().apply(runbook::ui::Command::OpenPath(data(
        "plans/online-education-platform.en.ron",
    )));
    h.run();
    h.state_mut().views_mut().view = View::Incident;
    h.run();
    assert!(shows(&h, "differs from the one pinned"));
    h.state_mut().finish_incidents();
}

#[test]
fn the_papers_menu_writes_the_report_briefing_and_regulator_draft() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "software", &["all-down"], true);
    // The menu is on the incident's bar; each entry asks where to save, so
    // the test sends the same command with the path given.
    h.get_by_label("Papers").click();
    h.run();
    for entry in [
        "Export report…",
        "Handover briefing…",
        "Regulator draft (first report)…",
    ] {
        h.get_by_label(entry);
    }
    let out = tempfile::tempdir().unwrap();
    let key = runbook::ui::incident::IncidentKey(1);
    for (paper, name, says) in [
        (
            runbook::paper::Paper::Report,
            "r.html",
            "Incident report: 华东直播卡顿",
        ),
        (
            runbook::paper::Paper::Briefing,
            "b.html",
            "Handover briefing: 华东直播卡顿",
        ),
        (
            runbook::paper::Paper::Regulator { follow_up: false },
            "g.html",
            "Cybersecurity incident report (first report), draft",
        ),
    ] {
        let path = out.path().join(name);
        h.state_mut().apply(runbook::ui::Command::WritePaper {
            key,
            paper,
            path: Some(path.clone()),
        });
        h.run();
        assert!(shows(
            &h,
            &format!("Written to {}; open it in a browser", path.display())
        ));
        let html = std::fs::read_to_string(&path).unwrap();
        assert!(html.contains(says), "{name}");
    }
    // The window holds the log open: the report says it checks out so far.
    let report = std::fs::read_to_string(out.path().join("r.html")).unwrap();
    assert!(report.contains("The log checks out so far"), "{report}");
}

/// An incident hours long opens on another thread: the window shows how
/// much of the log was read and keeps answering, then shows the incident.
#[test]
fn a_long_incident_opens_in_the_background_with_its_progress() {
    let room = Room::new();
    let dir = long_incident(&room);
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    h.state_mut().resume(&dir);
    assert!(h.state().opening().is_some(), "opening in the background");
    // A window is measured on its first frame and shown on the next.
    h.step();
    h.step();
    // Either still reading or already read: the window said so first.
    assert!(shows(&h, "Opening the incident"), "the progress window");
    assert!(shows(&h, "MB of its log"));
    let started = std::time::Instant::now();
    while h.state().incidents().next().is_none() {
        assert!(started.elapsed() < Duration::from_secs(60), "still opening");
        std::thread::sleep(Duration::from_millis(20));
        // The window answers meanwhile: a frame, and the plan's views.
        h.step();
    }
    settle(&mut h);
    assert_eq!(h.state_mut().views_mut().view, View::Incident);
    assert!(!shows(&h, "Opening the incident"));
    assert!(shows(&h, "Synthetic incident"));
    let open = h.state().incidents().next().unwrap();
    assert_eq!(open.projected().timeline().len(), 12_001);
    h.state_mut().finish_incidents();
}

/// A 12,000-event incident (more than a megabyte of log) in the room's
/// data folder.
fn long_incident(room: &Room) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["generate", "incident", "--events", "12000", "--plan"])
        .arg(data("tests/data/incident-plan.ron"))
        .arg("--data-dir")
        .arg(room.data.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let dir = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    let bytes: u64 = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(bytes > 1 << 20, "a long log: {bytes} bytes");
    dir
}

/// The window starts with a long incident in the data folder: the list
/// shows it by its folder's name while its log is read on another thread,
/// and the first frames do not wait for it; then its row has its title.
#[test]
fn a_long_incident_is_listed_in_the_background_at_start_up() {
    let room = Room::new();
    let dir = long_incident(&room);
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    let rows = h.state().rows();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].reading, "{:?}", rows[0]);
    assert_eq!(rows[0].title, name);
    let started = std::time::Instant::now();
    while h.state().rows()[0].reading {
        assert!(started.elapsed() < Duration::from_secs(60), "still reading");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
    let row = &h.state().rows()[0];
    assert_eq!(row.title, "Synthetic incident");
    assert!(row.declared_at.is_some());
    assert!(shows(&h, "Synthetic incident"));
    assert!(!shows(&h, "Reading its log"));
}

/// A long incident a crash left open, resumed at once on the next start:
/// it opens on one thread while the incident list is read on another, and
/// whichever comes first, the window never asks whether to resume the
/// incident it is resuming.
#[test]
fn a_long_incident_resumed_at_start_up_is_not_offered_again_while_it_opens() {
    let room = Room::new();
    let dir = long_incident(&room);
    let opened = |h: &mut Harness<'static, RunbookApp>, listed: bool| {
        let started = std::time::Instant::now();
        loop {
            // The offer's question (the overview's row may say the last
            // session did not end cleanly: that is true until it opens).
            assert!(
                !shows(h, "Resume it now?"),
                "the incident being opened was offered for resuming"
            );
            let open = h.state().incidents().next().is_some();
            let read = h.state().rows().iter().all(|r| !r.reading);
            if open && (read || !listed) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "still opening"
            );
            std::thread::sleep(Duration::from_millis(20));
            h.step();
        }
    };
    {
        let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
        h.state_mut().resume(&dir);
        opened(&mut h, false);
        // The laptop dies: no clean exit, the harness is dropped.
    }
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.state_mut().resume(&dir);
    opened(&mut h, true);
    h.run();
    assert!(!shows(&h, "Resume it now?"));
    assert!(shows(&h, "Synthetic incident"));
    h.state_mut().finish_incidents();
}

/// Two days into a level-II network drill on the Chinese plan, with the
/// interface in English: seven clocks, five overdue, their Chinese labels
/// long. They wrap to a second row, each chip as tall as its two lines,
/// and the checklist, the step and the quick note stay in the window, in
/// a wide window and in the narrowest one allowed.
#[test]
fn overdue_clocks_wrap_to_rows_and_leave_the_checklist_in_view() {
    let room = Room::new();
    let mut h = room.app(Lang::En, "plans/online-education-platform.ron");
    h.run();
    declare(&mut h, "network", &["region-cdn"], true);
    room.hand.advance_minutes(2 * 24 * 60);
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(720.0, 480.0)] {
        h.set_size(size);
        h.run();
        h.run();
        let chips: Vec<egui::Rect> = h
            .query_all_by_label_contains("overdue by")
            .map(|n| n.rect())
            .collect();
        assert!(chips.len() >= 5, "{size:?}: {} overdue clocks", chips.len());
        for chip in &chips {
            assert!(chip.height() < 90.0, "{size:?}: a clock {chip:?} tall");
            assert!(
                chip.right() <= size.x,
                "{size:?}: a clock {chip:?} off the side"
            );
        }
        let rows = chips
            .iter()
            .map(|c| c.top() as i32)
            .collect::<std::collections::BTreeSet<_>>();
        assert!(rows.len() >= 2, "{size:?}: the clocks in one row");
        let tr = Lang::En.tr();
        for label in [tr.talk.quick_label, tr.walk.current_step] {
            let r = h.get_by_label(label).rect();
            assert!(
                r.bottom() <= size.y,
                "{size:?}: {label} at {r:?}, out of view"
            );
        }
        let first = h
            .query_all_by_label_contains("确认告警真实")
            .next()
            .map(|n| n.rect())
            .unwrap();
        assert!(
            first.bottom() <= size.y,
            "{size:?}: the first step at {first:?}"
        );
    }
    h.set_size(egui::vec2(1280.0, 800.0));
    h.run();
    h.snapshot("clocks_overdue_en_zh");
    h.state_mut().finish_incidents();
}
