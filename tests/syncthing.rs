//! The engine the README names, for real: two Syncthing daemons on the
//! loopback address carry one incident folder between two devices, each
//! with its own Syncthing home and its own runbook data folder.
//!
//! `multi_device` simulates a sync engine by copying files; this module
//! runs the one the README tells teams to use, so that what it really does
//! (temporary files renamed into place, a marker folder, version vectors,
//! conflict copies, a link that drops and comes back) meets the real binary.
//!
//! What a user checks: both laptops show the same timeline, with every
//! entry each of them saw acknowledged exactly once, after writing at the
//! same time through a dropped link; `runbook verify` passes on both; a
//! conflict copy Syncthing makes is reported.
//!
//! The daemons never leave the machine: they listen and talk on 127.0.0.1
//! only, know each other by device id and static address, and have local
//! discovery, global announce, relays, NAT traversal, usage and crash
//! reporting and upgrades off. Where `syncthing` is not installed or cannot
//! start, the test says so on standard error and passes, unless
//! `RUNBOOK_REQUIRE_SYNCTHING` is set (as `scripts/check.sh` does, having
//! installed it), where that is a failure.

use std::fs;
use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Barrier;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::log_faults::{BIN, Run, plan_path};

/// The Syncthing folder id of the shared incident folder.
const FOLDER: &str = "incident";
/// Set, a test that cannot run Syncthing fails instead of passing.
const REQUIRE_ENV: &str = "RUNBOOK_REQUIRE_SYNCTHING";
/// The whole test, daemons started to last assertion, stays within this.
const OVERALL: Duration = Duration::from_secs(120);
/// How many entries each device writes in each phase, and the pause
/// between two of them (long enough for the engine to carry some of them
/// while the other device is still writing).
const ENTRIES: usize = 12;
const BETWEEN: Duration = Duration::from_millis(250);

/// Says why the test cannot run here: on standard error past the test
/// harness's capture, so that a skip shows in the suite's output; a failure
/// where Syncthing is required.
fn skip(why: &str) {
    let text = format!("syncthing test skipped: {why}");
    assert!(
        std::env::var_os(REQUIRE_ENV).is_none(),
        "{REQUIRE_ENV} is set: {text}"
    );
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

// ------------------------------------------------------------ the daemons

/// One Syncthing daemon: its API port and key, device id and log. Dropping
/// it stops the process (asked, then killed), so that a failed assertion
/// never leaves one running.
struct Daemon {
    name: &'static str,
    id: String,
    gui: u16,
    key: String,
    log: PathBuf,
    child: Child,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        // Asked to stop first: were it a monitor with the daemon as its
        // child (`STMONITORED` not honoured), killing the monitor alone
        // would leave the daemon running.
        let _ = http(self.gui, &self.key, "POST", "/rest/system/shutdown", "");
        let until = Instant::now() + Duration::from_secs(5);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Free loopback ports, all distinct: every listener is held until all
/// are picked.
fn free_ports<const N: usize>() -> [u16; N] {
    let held: Vec<TcpListener> = (0..N)
        .map(|_| TcpListener::bind(("127.0.0.1", 0)).unwrap())
        .collect();
    std::array::from_fn(|i| held[i].local_addr().unwrap().port())
}

/// Sets the text of every `<tag>…</tag>` in a generated config: the first
/// to `value`, any further one removed. The tag must be there: a config
/// this test does not understand must not start a daemon that reaches out.
fn set_option(xml: &str, tag: &str, value: &str) -> String {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = String::new();
    let mut rest = xml;
    let mut first = true;
    while let Some(start) = rest.find(&open) {
        let end = start + rest[start..].find(&close).unwrap() + close.len();
        out.push_str(&rest[..start]);
        if first {
            out.push_str(&format!("{open}{value}{close}"));
            first = false;
        }
        rest = &rest[end..];
    }
    assert!(!first, "the generated config.xml has no <{tag}>");
    out.push_str(rest);
    out
}

/// A minimal HTTP/1.0 exchange with a daemon's REST API (HTTP/1.0: the
/// answer is never chunked and ends when the connection closes).
fn http(
    port: u16,
    key: &str,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nX-API-Key: {key}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let bad = || std::io::Error::other(format!("not an HTTP answer: {answer:?}"));
    let (head, body) = answer.split_once("\r\n\r\n").ok_or_else(bad)?;
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(bad)?;
    Ok((code, body.to_owned()))
}

impl Daemon {
    /// Generates a home with its key and config, sets the config to stay
    /// on loopback, starts the daemon and waits for its API. `Err` says
    /// why Syncthing cannot run here.
    fn start(root: &Path, name: &'static str, listen: u16, gui: u16) -> Result<Self, String> {
        let home = root.join(format!("syncthing-{name}"));
        let out = Command::new("syncthing")
            .arg("generate")
            .arg(format!("--home={}", home.display()))
            .args(["--no-default-folder", "--skip-port-probing"])
            .output()
            .map_err(|e| format!("`syncthing generate` could not run: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "`syncthing generate` failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let out = Command::new("syncthing")
            .args(["serve", "--device-id"])
            .arg(format!("--home={}", home.display()))
            .output()
            .map_err(|e| format!("`syncthing serve --device-id` could not run: {e}"))?;
        let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if !out.status.success() || id.len() < 50 {
            return Err(format!("no device id from syncthing: {id:?}"));
        }
        let config = home.join("config.xml");
        let mut xml = fs::read_to_string(&config).unwrap();
        for (tag, value) in [
            ("listenAddress", format!("tcp://127.0.0.1:{listen}")),
            ("globalAnnounceEnabled", "false".to_owned()),
            ("localAnnounceEnabled", "false".to_owned()),
            ("relaysEnabled", "false".to_owned()),
            ("natEnabled", "false".to_owned()),
            // -1: usage reporting declined, and never asked again.
            ("urAccepted", "-1".to_owned()),
            ("crashReportingEnabled", "false".to_owned()),
            ("autoUpgradeIntervalH", "0".to_owned()),
            ("startBrowser", "false".to_owned()),
            // A link that comes back is tried again at once, not in a minute.
            ("reconnectionIntervalS", "1".to_owned()),
        ] {
            xml = set_option(&xml, tag, &value);
        }
        fs::write(&config, xml).unwrap();
        let log = root.join(format!("syncthing-{name}.log"));
        let out = fs::File::create(&log).unwrap();
        let key = format!("runbook-test-{name}-{gui}");
        let child = Command::new("syncthing")
            .arg("serve")
            .arg(format!("--home={}", home.display()))
            .arg(format!("--gui-address=http://127.0.0.1:{gui}"))
            .arg(format!("--gui-apikey={key}"))
            .args(["--no-browser", "--no-restart", "--no-upgrade"])
            .env("HOME", root)
            // One process: without `STMONITORED`, Syncthing 1.19 starts a
            // monitor that runs the daemon as its child, even with
            // `--no-restart`.
            .env("STMONITORED", "yes")
            .env("STNORESTART", "1")
            .env("STNOUPGRADE", "1")
            .env("STNODEFAULTFOLDER", "1")
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .map_err(|e| format!("`syncthing serve` could not start: {e}"))?;
        let mut daemon = Self {
            name,
            id,
            gui,
            key,
            log,
            child,
        };
        let ready = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok((200, body)) = http(gui, &daemon.key, "GET", "/rest/system/ping", "")
                && body.contains("pong")
            {
                return Ok(daemon);
            }
            let exited = daemon.child.try_wait().ok().flatten();
            if exited.is_some() || Instant::now() > ready {
                return Err(format!(
                    "the {name} daemon did not answer on 127.0.0.1:{gui} ({exited:?}):\n{}",
                    daemon.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(25)..].join("\n")
    }

    /// A REST call that must succeed; its answer as JSON (`null` when empty).
    fn api(&self, method: &str, path: &str, body: &Value) -> Value {
        let body = if body.is_null() {
            String::new()
        } else {
            body.to_string()
        };
        let (code, answer) = http(self.gui, &self.key, method, path, &body)
            .unwrap_or_else(|e| panic!("{} {method} {path}: {e}\n{}", self.name, self.log_tail()));
        assert_eq!(code, 200, "{} {method} {path}: {answer}", self.name);
        serde_json::from_str(&answer).unwrap_or(Value::Null)
    }

    fn get(&self, path: &str) -> Value {
        self.api("GET", path, &Value::Null)
    }

    /// Introduces the other device (static loopback address) and shares
    /// the incident folder, at `dir` on this side, with it. Rescans are
    /// short and the watcher quick, so that the test is fast.
    fn share(&self, other: &Self, other_listen: u16, dir: &Path) {
        self.api(
            "POST",
            "/rest/config/devices",
            &json!({
                "deviceID": other.id,
                "name": other.name,
                "addresses": [format!("tcp://127.0.0.1:{other_listen}")],
            }),
        );
        self.api(
            "POST",
            "/rest/config/folders",
            &json!({
                "id": FOLDER,
                "label": FOLDER,
                "path": dir,
                "type": "sendreceive",
                "rescanIntervalS": 2,
                "fsWatcherEnabled": true,
                "fsWatcherDelayS": 1,
                // Syncthing's default, said here: the conflict copy below
                // depends on it.
                "maxConflicts": 10,
                "devices": [{"deviceID": self.id}, {"deviceID": other.id}],
            }),
        );
    }

    fn connected(&self, other: &Self) -> bool {
        self.get("/rest/system/connections")["connections"][&other.id]["connected"] == true
    }

    /// Pauses (the link drops) or resumes the other device.
    fn pause(&self, other: &Self, paused: bool) {
        self.api(
            "PATCH",
            &format!("/rest/config/devices/{}", other.id),
            &json!({ "paused": paused }),
        );
    }

    /// Scans the folder now (the call returns when the scan is done).
    fn scan(&self) {
        self.api(
            "POST",
            &format!("/rest/db/scan?folder={FOLDER}"),
            &Value::Null,
        );
    }

    /// Whether this side has nothing left to do: the folder idle, nothing
    /// needed from the other side, and the other side needing nothing from
    /// this one, as far as this daemon knows.
    fn settled(&self, other: &Self) -> bool {
        let status = self.get(&format!("/rest/db/status?folder={FOLDER}"));
        let completion = self.get(&format!(
            "/rest/db/completion?folder={FOLDER}&device={}",
            other.id
        ));
        status["state"] == "idle"
            && status["needTotalItems"] == 0
            && completion["completion"].as_f64() == Some(100.0)
    }
}

/// Both daemons, each with the incident folder's path on its side.
struct Pair {
    a: Daemon,
    b: Daemon,
    dir_a: PathBuf,
    dir_b: PathBuf,
    deadline: Instant,
}

impl Pair {
    /// Polls `done` every quarter second until it holds; fails, with both
    /// daemons' logs, at the overall deadline.
    fn wait(&self, what: &str, mut done: impl FnMut(&Self) -> bool) {
        while !done(self) {
            assert!(
                Instant::now() < self.deadline,
                "timed out waiting for {what}\nA has {:?}\nB has {:?}\n-- A's log\n{}\n-- B's log\n{}",
                files(&self.dir_a),
                files(&self.dir_b),
                self.a.log_tail(),
                self.b.log_tail()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// Waits until both sides hold the same files, byte for byte, and both
    /// daemons say they are in sync.
    fn wait_in_sync(&self, what: &str) {
        self.a.scan();
        self.b.scan();
        self.wait(what, |p| {
            contents(&p.dir_a) == contents(&p.dir_b) && p.a.settled(&p.b) && p.b.settled(&p.a)
        });
    }

    /// Drops the link (A pauses B) or brings it back, and waits until both
    /// sides see it.
    fn link(&self, up: bool) {
        self.a.pause(&self.b, !up);
        let what = if up {
            "the link to come back"
        } else {
            "the link to drop"
        };
        self.wait(what, |p| {
            p.a.connected(&p.b) == up && p.b.connected(&p.a) == up
        });
    }
}

/// The file names in a folder that a sync engine carries (not its own
/// marker and temporary files, which start with a dot), sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files(dir)
        .into_iter()
        .map(|n| {
            let bytes = fs::read(dir.join(&n)).unwrap_or_default();
            (n, bytes)
        })
        .collect()
}

// ------------------------------------------------------ the runbook devices

/// One laptop's runbook: its device name, computer and data folder, and
/// the two levels it moves the incident between (each device its own, so
/// that no change is ever to the level the incident is already at).
struct Device {
    name: &'static str,
    machine: String,
    data: PathBuf,
    levels: [&'static str; 2],
    level_changes: AtomicUsize,
}

impl Device {
    fn new(root: &Path, name: &'static str, levels: [&'static str; 2]) -> Self {
        let data = root.join(format!("data-{name}"));
        fs::create_dir_all(&data).unwrap();
        Self {
            name,
            machine: format!("machine-{name}"),
            data,
            levels,
            level_changes: AtomicUsize::new(0),
        }
    }

    /// `runbook <args…>` as this device, on the real clock.
    fn run(&self, args: &[&str]) -> Run {
        Command::new(BIN)
            .args(args)
            .env("RUNBOOK_DATA_DIR", &self.data)
            .env("RUNBOOK_DEVICE", self.name)
            .env("RUNBOOK_OPERATOR", format!("op-{}", self.name))
            .env("RUNBOOK_MACHINE_ID", &self.machine)
            .output()
            .unwrap()
            .into()
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, Some(0), "{} {args:?}: {}", self.name, r.text());
        r.stdout
    }

    /// Writes the `i`th entry of a phase in `dir`: a note, a step's status
    /// or a level change, each carrying `token` (the note, the reason), so
    /// that the timeline shows where it went. Returns the command's result.
    fn write(&self, dir: &Path, i: usize, token: &str) -> Run {
        let dir = dir.to_str().unwrap();
        match i % 4 {
            1 => {
                let how = if i % 8 == 1 { "--skip" } else { "--block" };
                let step = if i.is_multiple_of(3) {
                    "confirm"
                } else {
                    "fix"
                };
                self.run(&["incident", "step", dir, step, how, token])
            }
            3 => {
                let n = self.level_changes.fetch_add(1, Ordering::Relaxed);
                let to = self.levels[n % 2];
                self.run(&["incident", "level", dir, to, "--reason", token])
            }
            _ => self.run(&["incident", "note", dir, token]),
        }
    }

    fn timeline(&self, dir: &Path) -> String {
        self.ok(&["incident", "timeline", dir.to_str().unwrap()])
    }

    fn verify(&self, dir: &Path) -> Run {
        self.run(&["verify", dir.to_str().unwrap()])
    }
}

/// Both devices write `ENTRIES` entries each at the same time, every one a
/// separate process, each in its own side's folder; every one must be
/// acknowledged. Returns each device's tokens, in the order written.
fn write_at_once(sides: [(&Device, &Path); 2], phase: &str) -> [Vec<String>; 2] {
    let start = Barrier::new(2);
    std::thread::scope(|s| {
        let writers = sides.map(|(device, dir)| {
            let start = &start;
            s.spawn(move || {
                start.wait();
                (0..ENTRIES)
                    .map(|i| {
                        let token = format!("{}-{phase}-{i:02}", device.name);
                        let r = device.write(dir, i, &token);
                        assert!(
                            r.code == Some(0) && r.stdout.starts_with("saved:"),
                            "{} did not acknowledge {token}: {:?} {}\nthe folder then:\n{}",
                            device.name,
                            r.code,
                            r.text(),
                            folder_state(dir)
                        );
                        std::thread::sleep(BETWEEN);
                        token
                    })
                    .collect::<Vec<String>>()
            })
        });
        writers.map(|w| w.join().unwrap())
    })
}

/// Each file of a folder with its size and first line, for a failure's
/// message: what a sync engine had left there at that moment.
fn folder_state(dir: &Path) -> String {
    let mut out = String::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return format!("{} cannot be read", dir.display());
    };
    let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    names.sort();
    for p in names {
        let len = fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        let first = fs::read_to_string(&p)
            .ok()
            .and_then(|t| {
                t.lines()
                    .next()
                    .map(|l| l.chars().take(160).collect::<String>())
            })
            .unwrap_or_default();
        out.push_str(&format!("  {} ({len} bytes): {first}\n", p.display()));
    }
    out
}

/// The timeline's entries (each starts with `#n`).
fn entries(timeline: &str) -> Vec<&str> {
    timeline.lines().filter(|l| l.starts_with('#')).collect()
}

/// Asserts every acknowledged token is in the timeline exactly once, each
/// device's in the order it wrote them, and nothing else was added beyond
/// the `before` entries that were there already.
fn assert_each_once(timeline: &str, before: usize, written: &[Vec<String>]) {
    let lines = entries(timeline);
    for token in written.iter().flatten() {
        let n = lines.iter().filter(|l| l.contains(token.as_str())).count();
        assert_eq!(n, 1, "{token} is in the timeline {n} times:\n{timeline}");
    }
    let total: usize = written.iter().map(Vec::len).sum();
    assert_eq!(lines.len(), before + total, "{timeline}");
    for tokens in written {
        let order: Vec<&String> = lines
            .iter()
            .filter_map(|l| tokens.iter().find(|t| l.contains(t.as_str())))
            .collect();
        assert_eq!(order, tokens.iter().collect::<Vec<_>>(), "{timeline}");
    }
}

/// Starts both daemons and shares the incident folder (A's, where it was
/// declared; B's, still empty, where it will arrive). `None` when Syncthing
/// cannot run here (said by [`skip`]).
fn start_pair(root: &Path, dir_a: &Path, dir_b: &Path) -> Option<Pair> {
    if Command::new("syncthing").arg("--version").output().is_err() {
        skip("`syncthing` is not installed (Debian: apt-get install syncthing)");
        return None;
    }
    let [listen_a, gui_a, listen_b, gui_b] = free_ports();
    let started = Daemon::start(root, "laptop-a", listen_a, gui_a)
        .and_then(|a| Daemon::start(root, "laptop-b", listen_b, gui_b).map(|b| (a, b)));
    let (a, b) = match started {
        Ok(pair) => pair,
        Err(why) => {
            skip(&why);
            return None;
        }
    };
    a.share(&b, listen_b, dir_a);
    b.share(&a, listen_a, dir_b);
    Some(Pair {
        a,
        b,
        dir_a: dir_a.to_owned(),
        dir_b: dir_b.to_owned(),
        deadline: Instant::now() + OVERALL,
    })
}

#[test]
fn two_syncthing_daemons_carry_one_incident_through_a_dropped_link() {
    let root = tempfile::tempdir().unwrap();
    let a = Device::new(root.path(), "laptop-a", ["I", "II"]);
    let b = Device::new(root.path(), "laptop-b", ["III", "IV"]);
    let plan = plan_path().display().to_string();
    let declared = a.ok(&[
        "incident",
        "new",
        "--plan",
        &plan,
        "--class",
        "other",
        "--level",
        "II",
        "--title",
        "synced drill",
        "--drill",
    ]);
    let dir_a = PathBuf::from(
        declared
            .lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap(),
    );
    // B's copy of the folder lives outside its data folder, where its
    // Syncthing puts it; B joins it once it has arrived.
    let dir_b = root.path().join("synced").join(dir_a.file_name().unwrap());
    fs::create_dir_all(&dir_b).unwrap();
    let Some(pair) = start_pair(root.path(), &dir_a, &dir_b) else {
        return;
    };
    pair.wait_in_sync("the declared incident to arrive on B");
    let joined = b.ok(&["incident", "join", dir_b.to_str().unwrap()]);
    assert!(joined.contains("joined"), "{joined}");
    let before = entries(&a.timeline(&dir_a)).len();

    // Linked: both write at once; the engine carries what it can meanwhile.
    let linked = write_at_once([(&a, &dir_a), (&b, &dir_b)], "linked");
    pair.wait_in_sync("both sides to hold the same files");
    assert_eq!(a.timeline(&dir_a), b.timeline(&dir_b));

    // The link drops; both keep writing, and neither sees the other's.
    pair.link(false);
    let paused = write_at_once([(&a, &dir_a), (&b, &dir_b)], "paused");
    let (seen_a, seen_b) = (a.timeline(&dir_a), b.timeline(&dir_b));
    assert!(
        !seen_b.contains(&paused[0][0]),
        "the link was down:\n{seen_b}"
    );
    assert!(
        !seen_a.contains(&paused[1][0]),
        "the link was down:\n{seen_a}"
    );

    // It comes back: one timeline, every acknowledged entry once, verified.
    pair.link(true);
    pair.wait_in_sync("both sides to catch up after the link came back");
    let timeline = a.timeline(&dir_a);
    assert_eq!(timeline, b.timeline(&dir_b), "both sides show one timeline");
    let written: Vec<Vec<String>> = linked.into_iter().chain(paused).collect();
    assert_each_once(&timeline, before, &written);
    for (device, dir) in [(&a, &dir_a), (&b, &dir_b)] {
        let v = device.verify(dir);
        assert_eq!(v.code, Some(0), "{}: {}", device.name, v.text());
        assert!(
            v.stdout.contains("the whole record checks out"),
            "{}",
            v.stdout
        );
    }

    conflict_copy_is_reported(&pair, root.path(), &a, &b);
}

/// A laptop cloned from A (same device name, same computer id) writes into
/// its copy of A's log while the link is down, as A does too: when the link
/// comes back, Syncthing keeps one version of `log-laptop-a.jsonl` and the
/// other as a `.sync-conflict-` copy, which both sides must report.
fn conflict_copy_is_reported(pair: &Pair, root: &Path, a: &Device, b: &Device) {
    let clone = Device {
        name: a.name,
        machine: a.machine.clone(),
        data: root.join("data-clone-of-a"),
        levels: a.levels,
        level_changes: AtomicUsize::new(0),
    };
    let split = [
        "written-on-a-while-split",
        "written-on-the-clone-while-split",
    ];
    pair.link(false);
    for (device, dir, token) in [(a, &pair.dir_a, split[0]), (&clone, &pair.dir_b, split[1])] {
        let r = device.write(dir, 0, token);
        assert_eq!(r.code, Some(0), "{}", r.text());
    }
    // Both versions known to their daemons before they meet again.
    pair.a.scan();
    pair.b.scan();
    pair.link(true);
    pair.wait("a conflict copy on both sides", |p| {
        [&p.dir_a, &p.dir_b]
            .iter()
            .all(|d| files(d).iter().any(|n| n.contains(".sync-conflict-")))
    });
    pair.wait_in_sync("both sides to hold the conflict copy");
    let copies: Vec<String> = files(&pair.dir_a)
        .into_iter()
        .filter(|n| n.contains(".sync-conflict-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(
        copies[0].starts_with("log-laptop-a.sync-conflict-") && copies[0].ends_with(".jsonl"),
        "{copies:?}"
    );
    for (device, dir) in [(a, &pair.dir_a), (b, &pair.dir_b)] {
        let status = device.run(&["incident", "status", dir.to_str().unwrap()]);
        let text = status.text();
        assert!(
            text.contains("conflict copy") && text.contains(&copies[0]),
            "{}: the conflict copy is reported: {text}",
            device.name
        );
        let v = device.verify(dir);
        assert!(
            v.code != Some(0) && v.text().contains(&copies[0]),
            "{}: verify fails naming the conflict copy: {}",
            device.name,
            v.text()
        );
    }
    // The timeline's warnings name each side's own path; its entries agree.
    let (seen_a, seen_b) = (a.timeline(&pair.dir_a), b.timeline(&pair.dir_b));
    assert_eq!(entries(&seen_a), entries(&seen_b));
    // Following the warning finds what is not in the timeline: both entries
    // written apart are on disk on both sides, in the log or in the copy.
    for dir in [&pair.dir_a, &pair.dir_b] {
        let copy = fs::read_to_string(dir.join(&copies[0])).unwrap();
        for token in split {
            assert!(
                seen_a.contains(token) || copy.contains(token),
                "{token} is neither in the timeline nor in {}:\n{seen_a}",
                copies[0]
            );
        }
    }
}
