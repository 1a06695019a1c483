//! The wall board (issue 24): its content as the model gives it, the board
//! window through egui_kittest in both languages at 1920×1080 and 1024×768
//! (snapshots), another device's note on the wall within two seconds, and
//! the folder's bytes unchanged by a board that ran on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use runbook::app::Settings;
use runbook::app::board::BoardApp;
use runbook::clock::{Clock, ClockHand, Zone};
use runbook::i18n::Lang;
use runbook::model::ids::{ClassId, ItemId, LevelId, PersonId};
use runbook::model::incident::{
    Action, Answer, CallOutcome, Channel, ClockKind, Declaration, Overdue, StepStatus, Urgency,
};
use runbook::model::plan::doc::Target;
use runbook::service::context::Overrides;
use runbook::service::{Context, Service};
use runbook::ui::theme::ThemePref;

use super::gui::data;

/// 09:00 in Beijing.
fn t0() -> DateTime<Utc> {
    "2026-03-02T01:00:00Z".parse().unwrap()
}

/// A command room: a data folder and a clock the test moves.
struct Room {
    data: tempfile::TempDir,
    clock: Clock,
    hand: ClockHand,
}

impl Room {
    fn new() -> Self {
        let (clock, hand) = Clock::manual(t0());
        Self {
            data: tempfile::tempdir().unwrap(),
            clock,
            hand,
        }
    }

    /// The service of someone on a device.
    fn service(&self, operator: &str, device: &str) -> Service {
        Service::new(Context::from_env(Overrides {
            data_dir: Some(self.data.path().to_owned()),
            operator: Some(operator.to_owned()),
            device: Some(device.to_owned()),
            machine: Some(format!("machine-{device}")),
            clock: Some(self.clock.clone()),
            zone: Some(Zone::beijing()),
        }))
    }

    /// Records one action on the incident in `dir`, as `service`.
    fn act(&self, service: &Service, dir: &Path, action: Action) {
        let snap = service.read(dir).unwrap();
        let acted = service.act(&snap, action, None, &mut || {}).unwrap();
        assert!(
            matches!(acted.outcome, runbook::service::Outcome::Saved(_)),
            "{:?}",
            acted.outcome
        );
    }

    /// The board window on `dir`, in a language, at a size.
    fn board(&self, dir: &Path, lang: Lang, size: egui::Vec2) -> Harness<'static, BoardApp> {
        self.board_in(dir, lang, size, ThemePref::Light)
    }

    /// The board window in a theme.
    fn board_in(
        &self,
        dir: &Path,
        lang: Lang,
        size: egui::Vec2,
        theme: ThemePref,
    ) -> Harness<'static, BoardApp> {
        let service = self.service("Wall", "wall");
        let dir = dir.to_owned();
        let settings = Settings {
            lang: Some(lang),
            theme,
            ..Settings::default()
        };
        Harness::builder()
            .with_size(size)
            .with_theme(match theme {
                ThemePref::Dark => egui::Theme::Dark,
                ThemePref::Light => egui::Theme::Light,
            })
            .build_eframe(move |cc| BoardApp::with_settings(&cc.egui_ctx, service, &dir, settings))
    }
}

/// The bundled plan in a language.
fn plan_of(lang: Lang) -> PathBuf {
    data(match lang {
        Lang::Zh => "plans/online-education-platform.ron",
        Lang::En => "plans/online-education-platform.en.ron",
    })
}

/// A level II network drill on the bundled plan, declared at 09:00 on
/// laptop `a` and found at 08:40; the first step done, the office
/// director reached, a note from laptop `b` at 09:30; then the clock at
/// 11:10, when the status update (every 60 min) and the education
/// bureau's report (within 120 min) are overdue.
fn drill(room: &Room, lang: Lang, title: &str) -> PathBuf {
    let a = room.service("Ann", "laptop-a");
    let bytes = std::fs::read(plan_of(lang)).unwrap();
    let plan = runbook::model::plan::parse(&bytes).unwrap().plan;
    let declaration = Declaration {
        title: title.to_owned(),
        class: ClassId::new("network"),
        level: None,
        level_reason: None,
        answers: vec![Answer {
            question: ItemId::new("region-cdn"),
            yes: true,
        }],
        discovered_at: Some(t0() - chrono::Duration::minutes(20)),
        commander: None,
        drill: true,
    };
    let open = a.declare(&plan, &bytes, declaration).unwrap();
    let dir = open.dir().to_owned();
    a.finish(open).unwrap();
    room.hand.advance_minutes(5);
    let first = plan.flow(&ClassId::new("network"))[0].step.id.clone();
    room.act(
        &a,
        &dir,
        Action::SetStep {
            step: first,
            status: StepStatus::Done,
        },
    );
    room.hand.advance_minutes(3);
    room.act(
        &a,
        &dir,
        Action::Call {
            to: Target::Person(PersonId::new("liu-yang")),
            via: Channel::Mobile,
            outcome: CallOutcome::Reached,
            note: String::new(),
            line: None,
        },
    );
    room.hand.advance_minutes(22);
    let b = room.service("Bob", "laptop-b");
    room.act(
        &b,
        &dir,
        Action::Note {
            text: match lang {
                Lang::Zh => "华东CDN节点已切换到备用线路".to_owned(),
                Lang::En => "East China CDN nodes moved to the standby route".to_owned(),
            },
            step: None,
            corrects: None,
        },
    );
    // 11:10.
    room.hand.advance_minutes(100);
    dir
}

#[test]
fn the_board_holds_the_level_the_clocks_what_is_overdue_and_every_devices_entries() {
    let room = Room::new();
    let dir = drill(&room, Lang::En, "CDN East China down");
    let snap = room.service("Wall", "wall").read(&dir).unwrap();
    let now = room.clock.now();
    let board = snap.incident.board(&snap.plan, now);
    assert_eq!(board.title, "CDN East China down");
    assert_eq!(board.level_id, &LevelId::new("II"));
    assert_eq!(board.level.map(|l| l.name.as_str()), Some("Orange"));
    assert!(board.drill && board.open);
    assert_eq!(board.commanding_since, t0());
    assert_eq!(board.discovered_at, t0() - chrono::Duration::minutes(20));
    // The status update first: due at 10:00 (declared 09:00, every 60 min).
    let update = board
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::StatusUpdate)
        .unwrap();
    assert_eq!(update.due, t0() + chrono::Duration::minutes(60));
    assert_eq!(update.urgency(now), Urgency::Missed);
    // The education bureau's report, due at 11:00, is an overdue duty: the
    // first thing overdue, duties before everything else.
    let edu = ItemId::new("edu-report");
    assert!(
        board
            .clocks
            .iter()
            .any(|c| c.kind == ClockKind::Duty(edu.clone()))
    );
    assert!(
        matches!(&board.overdue[0], Overdue::Clock(c) if c.kind == ClockKind::Duty(edu.clone())),
        "{:?}",
        board.overdue.first()
    );
    assert!(
        board
            .overdue
            .iter()
            .any(|o| matches!(o, Overdue::Clock(c) if c.kind == ClockKind::StatusUpdate))
    );
    // No person to inform is a clock of the wall: those are the calls.
    assert!(
        !board
            .clocks
            .iter()
            .any(|c| matches!(c.kind, ClockKind::Inform(_)))
    );
    // The next three steps, the first one done left out.
    assert_eq!(board.next_steps.len(), 3);
    let first = snap.plan.flow(&ClassId::new("network"))[0].step.id.clone();
    assert!(board.next_steps.iter().all(|s| s.id != first));
    // The office director was reached; the other calls are owed.
    assert!(!board.calls_owed.is_empty());
    assert!(
        board
            .calls_owed
            .iter()
            .all(|l| l.reached.is_none() && l.target != Target::Role("office-director".into()))
    );
    // The latest entries, newest first, from both laptops.
    let devices: Vec<&str> = board.latest.iter().map(|e| e.device.as_str()).collect();
    assert_eq!(devices[0], "laptop-b");
    assert!(devices.contains(&"laptop-a"));
}

#[test]
fn a_handover_restarts_how_long_the_commander_has_commanded() {
    let room = Room::new();
    let dir = drill(&room, Lang::En, "Handover");
    let a = room.service("Ann", "laptop-a");
    room.act(
        &a,
        &dir,
        Action::HandOver {
            to: runbook::model::incident::Commander::Named("Cy".into()),
            note: String::new(),
        },
    );
    let snap = a.read(&dir).unwrap();
    let board = snap.incident.board(&snap.plan, room.clock.now());
    assert_eq!(board.commanding_since, room.clock.now());
}

/// Runs the board until it settles.
fn frames(h: &mut Harness<'static, BoardApp>) {
    for _ in 0..3 {
        h.run();
    }
}

fn shows(h: &Harness<'static, BoardApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn snapshot(lang: Lang, title: &str, size: egui::Vec2, name: &str) {
    let room = Room::new();
    let dir = drill(&room, lang, title);
    let mut h = room.board(&dir, lang, size);
    frames(&mut h);
    let tr = lang.tr();
    assert!(shows(&h, title));
    assert!(shows(&h, tr.board.drill));
    assert!(shows(&h, tr.board.overdue));
    assert!(shows(&h, tr.board.next_update));
    h.snapshot(name);
}

#[test]
fn snapshot_board_en_1080p() {
    snapshot(
        Lang::En,
        "CDN East China down",
        egui::vec2(1920.0, 1080.0),
        "board_en_1920x1080",
    );
}

#[test]
fn snapshot_board_zh_1080p() {
    snapshot(
        Lang::Zh,
        "华东CDN故障",
        egui::vec2(1920.0, 1080.0),
        "board_zh_1920x1080",
    );
}

#[test]
fn snapshot_board_en_4_3() {
    snapshot(
        Lang::En,
        "CDN East China down",
        egui::vec2(1024.0, 768.0),
        "board_en_1024x768",
    );
}

#[test]
fn snapshot_board_zh_4_3() {
    snapshot(
        Lang::Zh,
        "华东CDN故障",
        egui::vec2(1024.0, 768.0),
        "board_zh_1024x768",
    );
}

#[test]
fn snapshot_board_zh_dark() {
    let room = Room::new();
    let dir = drill(&room, Lang::Zh, "华东CDN故障");
    let mut h = room.board_in(&dir, Lang::Zh, egui::vec2(1920.0, 1080.0), ThemePref::Dark);
    frames(&mut h);
    assert!(shows(&h, "华东CDN故障"));
    h.snapshot("board_zh_1920x1080_dark");
}

#[test]
fn another_devices_note_is_on_the_wall_within_two_seconds() {
    let room = Room::new();
    let dir = drill(&room, Lang::En, "Two laptops");
    let mut h = room.board(&dir, Lang::En, egui::vec2(1920.0, 1080.0));
    frames(&mut h);
    let note = "Carrier confirms the fibre cut near Suzhou";
    assert!(!shows(&h, note));
    let c = room.service("Cy", "laptop-c");
    room.act(
        &c,
        &dir,
        Action::Note {
            text: note.to_owned(),
            step: None,
            corrects: None,
        },
    );
    let written = Instant::now();
    while !shows(&h, note) && written.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(50));
        h.run();
    }
    assert!(shows(&h, note), "the note never reached the board");
    assert!(
        written.elapsed() < Duration::from_secs(2),
        "the note took {:?}",
        written.elapsed()
    );
}

/// Every file under a folder, with its bytes.
fn bytes_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_board_writes_nothing_to_the_incident() {
    let room = Room::new();
    let dir = drill(&room, Lang::Zh, "只读");
    let before = bytes_under(room.data.path());
    let mut h = room.board(&dir, Lang::Zh, egui::vec2(1280.0, 720.0));
    let start = Instant::now();
    // Long enough for the board to look at the folder more than once.
    while start.elapsed() < Duration::from_millis(2500) {
        h.run();
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(shows(&h, "只读"));
    drop(h);
    assert_eq!(bytes_under(room.data.path()), before);
    // And a writer on this device is not kept waiting by it.
    let a = room.service("Ann", "laptop-a");
    let mut h = room.board(&dir, Lang::Zh, egui::vec2(1280.0, 720.0));
    h.run();
    let open = a.open(&dir).unwrap();
    a.finish(open).unwrap();
    h.run();
}

#[test]
fn an_unreadable_folder_is_said_on_the_wall() {
    let room = Room::new();
    let dir = room.data.path().join("incidents").join("missing");
    let mut h = room.board(&dir, Lang::En, egui::vec2(1280.0, 720.0));
    frames(&mut h);
    assert!(shows(&h, "The incident folder cannot be read"));
    assert!(shows(&h, "No incident"));
}

#[test]
fn wall_board_in_the_window_opens_the_incidents_board_in_a_second_viewport() {
    use super::ui_incident::{Room as Window, declare, settle};
    let room = Window::new();
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    declare(&mut h, "network", &["cut"], true);
    settle(&mut h);
    let key = h.state_mut().views_mut().incident.active.unwrap();
    assert!(!h.state().board_open(key));
    h.get_by_label("Wall board").click();
    for _ in 0..4 {
        h.run();
    }
    assert!(h.state().board_open(key));
    // The second viewport is the incident's board (inside the test's one
    // window, where there are no native windows; its own window otherwise).
    assert!(
        h.query_all_by_label("Wall board · 华东直播卡顿 — runbook")
            .next()
            .is_some()
    );
    h.state_mut().finish_incidents();
}

/// Issue 24's "done when", in a real window under Xvfb: `runbook board`
/// on a drill that only the folder carries, photographed, scaled to a third
/// of its size (the wall seen from across the room), and read by OCR
/// (tesseract, which `scripts/check.sh` installs): the title and the level.
#[test]
fn the_board_in_a_real_window_reads_at_a_third_of_its_size() {
    use std::process::{Command, Stdio};
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::ConnectionExt as _;
    use x11rb::rust_connection::RustConnection;

    use super::window::{
        Killed, ONE_AT_A_TIME, atom, close_as_a_desktop_does, screenshot, start_xvfb,
    };

    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("runbook-data");
    let runbook = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_DATA_DIR", &data)
            .env("RUNBOOK_OPERATOR", "Ann")
            .env("RUNBOOK_DEVICE", "laptop-1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    runbook(&[
        "incident",
        "new",
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "network",
        "--level",
        "II",
        "--title",
        "Fibre cut in Suzhou",
        "--drill",
    ]);
    let (_xvfb, display) = start_xvfb();
    // No system font at all, as on a bare command-room laptop: the board
    // draws from the fonts the app carries.
    let fontconfig = home.path().join("fonts.conf");
    std::fs::write(
        &fontconfig,
        "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
    )
    .unwrap();
    let app = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["board", "--data-dir", data.to_str().unwrap()])
        .env("FONTCONFIG_FILE", &fontconfig)
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("LANG", "en_US.UTF-8")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(home.path().join("board.err")).unwrap())
        .spawn()
        .unwrap();
    let mut app = Killed(app);
    let (conn, screen) = RustConnection::connect(Some(&display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let net_wm_name = atom(&conn, "_NET_WM_NAME");
    let utf8 = atom(&conn, "UTF8_STRING");
    // The board's window: its title ends in "runbook" (it names the
    // incident once the folder is read).
    let find = || {
        let tree = conn.query_tree(root).ok()?.reply().ok()?;
        tree.children.into_iter().find(|&w| {
            conn.get_property(false, w, net_wm_name, utf8, 0, 256)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|r| r.value.ends_with(b"runbook"))
        })
    };
    let start = Instant::now();
    let window = loop {
        if let Some(w) = find() {
            break w;
        }
        if let Ok(Some(status)) = app.0.try_wait() {
            let err = std::fs::read_to_string(home.path().join("board.err")).unwrap_or_default();
            panic!("the board exited ({status}) before opening its window:\n{err}");
        }
        assert!(start.elapsed() < Duration::from_secs(60), "no board window");
        std::thread::sleep(Duration::from_millis(100));
    };
    let (rgb, _) = loop {
        let shot = screenshot(&conn, root, 1280, 800);
        if shot.1 > 50 || start.elapsed() > Duration::from_secs(60) {
            break shot;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_millis(500));
    let (rgb, _) = (screenshot(&conn, root, 1280, 800).0, rgb);
    let (text, png) = read_at_a_third(rgb);
    assert!(
        text.contains("Fibre cut in Suzhou"),
        "the title, read from {}:\n{text}",
        png.display()
    );
    // OCR reads a capital I as l, | or 1 now and then.
    let text = text.replace(['l', '|', '1'], "I");
    assert!(
        text.contains("LeveI II Major"),
        "the level, read from {}:\n{text}",
        png.display()
    );
    let status = close_as_a_desktop_does(&conn, window, &mut app);
    assert!(status.success(), "{status}");
}

/// A 1280×800 screenshot scaled to a third, saved under `target/`, and what
/// tesseract reads in it; with where the third was saved.
fn read_at_a_third(rgb: Vec<u8>) -> (String, PathBuf) {
    use std::process::Command;
    let full = image::RgbImage::from_raw(1280, 800, rgb).unwrap();
    let third = image::imageops::resize(&full, 427, 267, image::imageops::FilterType::Triangle);
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let png = target.join("board-third.png");
    third.save(&png).unwrap();
    // Tesseract reads best at about 30 px a letter: the third is enlarged
    // back for it, which adds no detail the third did not have.
    let enlarged =
        image::imageops::resize(&third, 1281, 801, image::imageops::FilterType::CatmullRom);
    let for_ocr = target.join("board-third-for-ocr.png");
    enlarged.save(&for_ocr).unwrap();
    let ocr = Command::new("tesseract")
        .arg(&for_ocr)
        .arg("stdout")
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run tesseract ({e}): install tesseract-ocr (scripts/check.sh does)")
        });
    let text = String::from_utf8_lossy(&ocr.stdout).into_owned();
    (text, png)
}
