//! Issue 28's "done when", in the real window under Xvfb: a drill walked
//! from the keyboard alone — Enter to resume it, values typed without a
//! click, a legal grade chosen by its digit, a decision answered, Ctrl+Z
//! once — leaves a log with exactly the entries intended. The keys go in
//! through XTEST as a keyboard's would, text and all.
//!
//! Needs `Xvfb` and `mesa-vulkan-drivers`, like `window`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use runbook::model::ids::StepId;
use runbook::model::incident::{Entry, EntryRef, Event, StepStatus};
use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{self, ConnectionExt as _};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;

use super::window::{Killed, ONE_AT_A_TIME, atom, find_window, screenshot, start_xvfb};

const RETURN: u32 = 0xff0d;
const DOWN: u32 = 0xff54;
const CONTROL: u32 = 0xffe3;

/// A keyboard on the virtual display: each keysym's keycode.
struct Keyboard<'c> {
    conn: &'c RustConnection,
    root: u32,
    codes: HashMap<u32, u8>,
}

impl<'c> Keyboard<'c> {
    fn new(conn: &'c RustConnection, root: u32) -> Self {
        let setup = conn.setup();
        let (min, max) = (setup.min_keycode, setup.max_keycode);
        let map = conn
            .get_keyboard_mapping(min, max - min + 1)
            .unwrap()
            .reply()
            .unwrap();
        let per = usize::from(map.keysyms_per_keycode);
        let mut codes = HashMap::new();
        for (i, syms) in map.keysyms.chunks(per).enumerate() {
            if let Some(&sym) = syms.first() {
                codes.entry(sym).or_insert(min + u8::try_from(i).unwrap());
            }
        }
        Self { conn, root, codes }
    }

    fn key(&self, sym: u32, pressed: bool) {
        let code = *self
            .codes
            .get(&sym)
            .unwrap_or_else(|| panic!("no key for keysym {sym:#x}"));
        let kind = if pressed {
            xproto::KEY_PRESS_EVENT
        } else {
            xproto::KEY_RELEASE_EVENT
        };
        self.conn
            .xtest_fake_input(kind, code, 0, self.root, 0, 0, 0)
            .unwrap();
        self.conn.flush().unwrap();
    }

    /// One key pressed and let go, with `held` held down around it.
    fn tap(&self, sym: u32, held: &[u32]) {
        for &h in held {
            self.key(h, true);
        }
        self.key(sym, true);
        self.key(sym, false);
        for &h in held.iter().rev() {
            self.key(h, false);
        }
        // A person's pace: the software renderer draws a frame in between.
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Types lower-case ASCII letters, digits and spaces.
    fn type_text(&self, text: &str) {
        for c in text.chars() {
            self.tap(u32::from(c), &[]);
        }
    }
}

/// `runbook` with the room's data folder, operator and device.
fn runbook(data: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .env("RUNBOOK_DATA_DIR", data)
        .env("RUNBOOK_OPERATOR", "Ann")
        .env("RUNBOOK_DEVICE", "laptop-1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "runbook {args:?}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// The incident's entries, as its folder holds them.
fn entries(dir: &Path) -> Vec<Entry> {
    runbook::io::incident_dir::read_entries(dir)
        .map(|(e, _)| e)
        .unwrap_or_default()
}

/// Waits until the folder holds `n` entries.
fn wait_for(dir: &Path, n: usize, what: &str) -> Vec<Entry> {
    let start = Instant::now();
    loop {
        let e = entries(dir);
        if e.len() >= n {
            return e;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what}: {} entries, not {n}: {:#?}",
            e.len(),
            e.iter().map(|e| &e.event).collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The place of a step in `status`'s checklist.
fn place(status: &str, step: &str) -> usize {
    status
        .lines()
        .filter_map(|l| l.strip_prefix("    ").and_then(|r| r.get(4..)))
        .filter_map(|r| r.split_whitespace().next())
        .position(|id| id == step)
        .unwrap_or_else(|| panic!("no {step} in\n{status}"))
}

#[test]
#[allow(clippy::too_many_lines)] // One walk, key by key: the story is the test.
fn a_drill_walked_from_the_keyboard_alone_leaves_exactly_the_entries_intended() {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("runbook-data");
    let out = runbook(
        &data,
        &[
            "incident",
            "new",
            "--class",
            "network",
            "--answer",
            "region-cdn=yes",
            "--title",
            "keyboard drill",
            "--drill",
        ],
    );
    let dir = PathBuf::from(
        out.lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap(),
    );
    runbook(
        &data,
        &["incident", "step", "network", "assess-confirm", "--done"],
    );
    let (_xvfb, display) = start_xvfb();
    let app = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("RUNBOOK_DATA_DIR", &data)
        .env("RUNBOOK_OPERATOR", "Ann")
        .env("RUNBOOK_DEVICE", "laptop-1")
        .env("LANG", "zh_CN.UTF-8")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(home.path().join("app.err")).unwrap())
        .spawn()
        .unwrap();
    let mut app = Killed(app);
    let (conn, screen) = RustConnection::connect(Some(&display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let start = Instant::now();
    let window = loop {
        if let Some(w) = find_window(&conn, root) {
            break w;
        }
        assert!(app.0.try_wait().unwrap().is_none(), "the app exited");
        assert!(start.elapsed() < Duration::from_secs(60), "no window");
        std::thread::sleep(Duration::from_millis(100));
    };
    while screenshot(&conn, root, 1280, 800).1 <= 50 {
        assert!(start.elapsed() < Duration::from_secs(60), "never drawn");
        std::thread::sleep(Duration::from_millis(200));
    }
    conn.set_input_focus(
        xproto::InputFocus::POINTER_ROOT,
        window,
        x11rb::CURRENT_TIME,
    )
    .unwrap();
    conn.flush().unwrap();
    let keys = Keyboard::new(&conn, root);
    let log = dir.join("log-laptop-1.jsonl");
    let lines = || {
        std::fs::read_to_string(&log)
            .map(|t| t.lines().count())
            .unwrap_or(0)
    };
    let before = lines();

    // Enter resumes the incident: its log gets the session's opening.
    keys.tap(RETURN, &[]);
    let start = Instant::now();
    while lines() == before {
        assert!(start.elapsed() < Duration::from_secs(30), "not resumed");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(1));
    // The discovery and the impact: typed.
    let mut n = 2;
    for text in ["sky 1200", "east china live"] {
        keys.type_text(text);
        keys.tap(RETURN, &[]);
        n += 1;
        wait_for(&dir, n, text);
    }
    // The level confirmed, by mistake too soon: Ctrl+Z takes it back, and
    // it is confirmed again.
    keys.tap(u32::from('d'), &[]);
    n += 1;
    wait_for(&dir, n, "done");
    keys.tap(u32::from('z'), &[CONTROL]);
    n += 1;
    wait_for(&dir, n, "undone");
    keys.tap(u32::from('d'), &[]);
    n += 1;
    wait_for(&dir, n, "done again");
    // The call tree started and the log opened (revision 2.2 pages before
    // the detailed assessment), then the students and the classes typed.
    for what in ["call tree", "incident log"] {
        keys.tap(u32::from('d'), &[]);
        n += 1;
        wait_for(&dir, n, what);
    }
    for text in ["1200", "30"] {
        keys.type_text(text);
        keys.tap(RETURN, &[]);
        n += 1;
        wait_for(&dir, n, text);
    }
    // The legal grade, by its digit: 较大.
    keys.tap(u32::from('2'), &[]);
    n += 1;
    wait_for(&dir, n, "legal grade");
    // Down the checklist to the change decision, answered yes.
    let status = runbook(&data, &["incident", "status", "network"]);
    let next = status
        .lines()
        .find_map(|l| l.strip_prefix("next step: "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_owned();
    // The window moves to the next step once its writer says the grade is
    // saved, a moment after the file has it: let it, then go down.
    std::thread::sleep(Duration::from_secs(1));
    for _ in place(&status, &next)..place(&status, "net-change") {
        keys.tap(DOWN, &[]);
        // Each step down scrolls the list to it: a frame to draw.
        std::thread::sleep(Duration::from_millis(250));
    }
    keys.tap(u32::from('y'), &[]);
    n += 1;
    let got = wait_for(&dir, n, "decision");

    // Closed as a window manager closes it.
    let protocols = atom(&conn, "WM_PROTOCOLS");
    let delete = atom(&conn, "WM_DELETE_WINDOW");
    let event = xproto::ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
    conn.send_event(false, window, xproto::EventMask::NO_EVENT, event)
        .unwrap();
    conn.flush().unwrap();
    let start = Instant::now();
    while app.0.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "did not exit");
        std::thread::sleep(Duration::from_millis(100));
    }
    let after = entries(&dir);
    assert_eq!(
        after.len(),
        got.len(),
        "nothing more written on the way out"
    );

    // Exactly the entries intended, in order.
    let value = |step: &str, v: &str| Event::ValueRecorded {
        step: StepId::new(step),
        value: v.into(),
    };
    let done = |step: &str| Event::StepStatus {
        step: StepId::new(step),
        status: StepStatus::Done,
    };
    let events: Vec<&Event> = after.iter().skip(1).map(|e| &e.event).collect();
    let declare_done = EntryRef::to(&after[4]);
    let want = [
        done("assess-confirm"),
        value("assess-discovery", "sky 1200"),
        value("assess-impact", "east china live"),
        done("assess-declare"),
        Event::Undone {
            undoes: declare_done,
        },
        done("assess-declare"),
        done("inform-calltree"),
        done("inform-log"),
        value("assess-students", "1200"),
        value("assess-classes", "30"),
        value("assess-legal-grade", "较大"),
    ];
    assert_eq!(events.len(), want.len() + 1, "{events:#?}");
    for (got, want) in events.iter().zip(&want) {
        assert_eq!(*got, want);
    }
    assert!(
        matches!(
            events.last(),
            Some(Event::DecisionAnswered { step, yes: true, .. }) if step.as_str() == "net-change"
        ),
        "{events:#?}"
    );
}
