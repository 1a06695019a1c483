//! A whole incident scripted from the command line, as an operator over SSH
//! would run it: the log it leaves verifies with `runbook verify` and with the
//! Python lines documented in `docs/incident-log.md`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use runbook::io::incident_dir;
use runbook::model::incident::{Entry, Event};

pub struct Run {
    pub data: tempfile::TempDir,
}

impl Run {
    pub fn new() -> Self {
        Self {
            data: tempfile::tempdir().unwrap(),
        }
    }

    pub fn runbook(&self, args: &[&str]) -> (i32, String) {
        self.runbook_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
    }

    /// The real binary, run in `cwd`, with `stdin` fed to it when given (from
    /// a thread, so a child that does not read it cannot block the test).
    fn runbook_in(&self, cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> (i32, String) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .current_dir(cwd)
            .env("RUNBOOK_DATA_DIR", self.data.path())
            .env("RUNBOOK_OPERATOR", "值班长 王芳")
            .env("RUNBOOK_DEVICE", "cmd-room-1")
            // English and uncut, whatever the machine running the tests
            // speaks; the tests in both languages and widths say so.
            .env("RUNBOOK_LANG", "en")
            .env_remove("COLUMNS")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let feeder = child.stdin.take().map(|mut pipe| {
            let bytes = stdin.unwrap_or_default().to_vec();
            // A child that exits without reading everything closes the pipe:
            // the write then fails, which is not the test's business.
            std::thread::spawn(move || pipe.write_all(&bytes).is_ok())
        });
        let out = child.wait_with_output().unwrap();
        if let Some(feeder) = feeder {
            feeder.join().unwrap();
        }
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    /// The real binary with more environment (`LANG`, say).
    pub fn runbook_env(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_DATA_DIR", self.data.path())
            .env("RUNBOOK_OPERATOR", "值班长 王芳")
            .env("RUNBOOK_DEVICE", "cmd-room-1")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let (code, text) = self.runbook(args);
        assert_eq!(code, 0, "runbook {args:?}:\n{text}");
        text
    }

    /// Declares a level II network incident; returns its folder.
    pub fn declare_network(&self, title: &str, extra: &[&str]) -> PathBuf {
        let mut args = vec![
            "incident",
            "new",
            "--plan",
            "tests/data/incident-plan.ron",
            "--class",
            "network",
            "--level",
            "II",
            "--title",
            title,
        ];
        args.extend_from_slice(extra);
        let out = self.ok(&args);
        let folder = out
            .lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap_or_else(|| panic!("no folder in {out}"));
        PathBuf::from(folder)
    }
}

/// The entries of an incident as its logs hold them.
fn entries(folder: &Path) -> Vec<Entry> {
    incident_dir::read_entries(folder).unwrap().0
}

/// Every file under a folder with its bytes, to show that nothing was written.
pub fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

/// The Python verifier, taken from the documentation so the two cannot drift apart.
fn documented_python() -> String {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/incident-log.md"))
            .unwrap();
    let start = doc.find("```python\n").unwrap() + "```python\n".len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_owned()
}

fn python_verify(log: &Path) -> (bool, String) {
    let out = Command::new("python3")
        .arg("-c")
        .arg(documented_python())
        .arg(log)
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
#[allow(clippy::too_many_lines)] // One incident, start to finish, reads best as one script.
fn a_scripted_incident_leaves_a_log_that_verifies() {
    let run = Run::new();
    let out = run.ok(&[
        "incident",
        "new",
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "software",
        "--title",
        "Login fails for all students",
        "--answer",
        "slow=yes",
    ]);
    assert!(out.contains("level III"), "{out}");
    let inc = "software";
    // 20 step actions.
    let steps: &[&[&str]] = &[
        &["step", inc, "confirm", "--done"],
        &["record", inc, "students", "12000"],
        &["decide", inc, "release", "no"],
        &["step", inc, "debug", "--block", "no access to the logs"],
        &["step", inc, "debug", "--reopen"],
        &["step", inc, "debug", "--done"],
        &["step", inc, "rollback", "--skip", "no release to roll back"],
        &["step", inc, "update", "--defer"],
        &["step", inc, "review", "--na"],
        &["step", inc, "review", "--reopen"],
        &["step", inc, "update", "--done"],
        &["step", inc, "confirm", "--reopen"],
        &[
            "step",
            inc,
            "confirm",
            "--done",
            "--at",
            "2020-01-01T00:00:00Z",
            "--before-discovery",
        ],
        &["record", inc, "students", "15,000"],
        &["step", inc, "students", "--done"],
        &["step", inc, "release", "--done"],
        &["step", inc, "rollback", "--reopen"],
        &["step", inc, "rollback", "--na"],
        &["step", inc, "war-room", "--defer"],
        &["step", inc, "exec-brief", "--done"],
    ];
    // Escalate first so the level-I steps exist, then work the checklist.
    run.ok(&[
        "incident",
        "level",
        inc,
        "I",
        "--reason",
        "exam in progress",
    ]);
    for s in steps {
        let mut args = vec!["incident"];
        args.extend_from_slice(s);
        run.ok(&args);
    }
    run.ok(&[
        "incident",
        "call",
        inc,
        "commander",
        "--outcome",
        "no-answer",
    ]);
    run.ok(&[
        "incident",
        "call",
        inc,
        "bob",
        "--outcome",
        "reached",
        "--via",
        "office",
        "--note",
        "deputy took command",
    ]);
    run.ok(&[
        "incident",
        "call",
        inc,
        "external:regulator",
        "--outcome",
        "reached",
    ]);
    run.ok(&["incident", "note", inc, "用户反馈：登录页白屏"]);
    run.ok(&[
        "incident",
        "note",
        inc,
        "CDN vendor notified",
        "--at",
        "2020-01-01T00:00:00Z",
        "--before-discovery",
    ]);
    // A template with a placeholder nothing filled is refused; --set fills it.
    let (code, text) = run.runbook(&["incident", "message", inc, "--template", "tpl-internal"]);
    assert_eq!(code, 1);
    assert!(text.contains("{impact}"), "{text}");
    run.ok(&[
        "incident",
        "message",
        inc,
        "--template",
        "tpl-internal",
        "--set",
        "impact=login fails for most users",
        "--channel",
        "im",
    ]);
    run.ok(&[
        "incident",
        "duty",
        inc,
        "report",
        "--note",
        "reference 2026-17",
    ]);
    run.ok(&[
        "incident",
        "handover",
        inc,
        "--to",
        "Bob",
        "--note",
        "night shift",
    ]);
    let status = run.ok(&["incident", "status", inc]);
    assert!(status.contains("[x] confirm"), "{status}");
    assert!(status.contains("= 15,000"), "{status}");
    assert!(status.contains("commander Bob"), "{status}");
    run.ok(&["incident", "level", inc, "II", "--reason", "exam finished"]);
    run.ok(&[
        "incident",
        "close",
        inc,
        "--summary",
        "SSO certificate expired; renewed",
        "--yes",
    ]);

    // Refused actions say why and exit 1, and write nothing.
    let (code, text) = run.runbook(&["incident", "level", inc, "I", "--reason", "late"]);
    assert_eq!(code, 1);
    assert!(text.contains("the incident is closed"), "{text}");
    // A note after the close is an addendum: saved, marked, still closed,
    // and the log it goes into still verifies below.
    let added = run.ok(&[
        "incident",
        "note",
        inc,
        "vendor: the certificate was not renewed",
    ]);
    assert!(
        added.contains("saved: (addendum after close) note: vendor: the certificate"),
        "{added}"
    );

    let list = run.ok(&["incident", "list"]);
    assert!(
        list.contains("closed") && list.contains("REAL") && list.contains("Login fails"),
        "{list}"
    );
    let timeline = run.ok(&["incident", "timeline", inc]);
    assert!(
        timeline.contains("(happened "),
        "an entry written after the fact keeps both times: {timeline}"
    );
    assert!(
        timeline.contains("closed: SSO certificate expired"),
        "{timeline}"
    );
    let addendum = timeline.lines().last().unwrap_or_default();
    assert!(
        addendum.contains("(addendum after close)")
            && addendum.ends_with("note: vendor: the certificate was not renewed"),
        "the last entry is the addendum, marked: {timeline}"
    );
    assert!(
        !timeline.contains("(addendum after close) closed"),
        "only what came after the close is an addendum: {timeline}"
    );

    let folder = std::fs::read_dir(run.data.path().join("incidents"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let log = folder.join("log-cmd-room-1.jsonl");
    let verify = run.ok(&["verify", log.to_str().unwrap()]);
    let head = verify.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(verify.contains(": OK: ") && head.len() == 64, "{verify}");
    let (ok, py) = python_verify(&log);
    assert!(ok, "the documented Python rejects a good log: {py}");
    assert_eq!(
        py.trim(),
        format!("OK {head}"),
        "Python and runbook agree on the head"
    );

    // One changed byte: both verifiers reject the log.
    let mut bytes = std::fs::read(&log).unwrap();
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 40;
    bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
    std::fs::write(&log, &bytes).unwrap();
    let (code, text) = run.runbook(&["verify", log.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(text.contains("BAD at line 2"), "{text}");
    let (ok, py) = python_verify(&log);
    assert!(!ok && py.contains("line 2 is bad"), "{py}");
}

#[test]
fn wrong_ids_and_unknown_incidents_are_explained() {
    let run = Run::new();
    let (code, text) = run.runbook(&[
        "incident",
        "new",
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "dns",
        "--level",
        "I",
        "--title",
        "x",
    ]);
    assert_eq!(code, 1);
    assert!(
        text.contains("no fault class \"dns\" in the plan; the classes are: software, network"),
        "{text}"
    );
    let (code, text) = run.runbook(&[
        "incident",
        "new",
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "network",
        "--level",
        "V",
        "--title",
        "x",
    ]);
    assert_eq!(code, 1);
    assert!(text.contains("no level \"V\""), "{text}");
    let (code, text) = run.runbook(&["incident", "status", "nothing-here"]);
    assert_eq!(code, 1);
    assert!(text.contains("no incident \"nothing-here\""), "{text}");
    run.ok(&[
        "incident",
        "new",
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "network",
        "--level",
        "II",
        "--title",
        "x",
        "--drill",
    ]);
    let (code, text) = run.runbook(&["incident", "step", "network", "confirmm", "--done"]);
    assert_eq!(code, 1);
    assert!(text.contains("no step \"confirmm\""), "{text}");
    let (code, _) = run.runbook(&["incident", "step", "network", "confirm"]);
    assert_eq!(code, 2, "a step needs exactly one status");
    let list = run.ok(&["incident", "list"]);
    assert!(list.contains("drill"), "{list}");
}

#[test]
fn a_declaration_records_the_discovery_and_why_the_level_differs() {
    let run = Run::new();
    let new = |level: &str, extra: &[&str]| {
        let mut args = vec![
            "incident",
            "new",
            "--now",
            "2026-03-02T08:00:00Z",
            "--plan",
            "tests/data/incident-plan.ron",
            "--class",
            "network",
            "--answer",
            "cut=yes",
            "--level",
            level,
            "--title",
            "Exam stream down",
        ];
        args.extend_from_slice(extra);
        run.runbook(&args)
    };
    let (code, text) = new("I", &[]);
    assert_eq!(code, 1);
    assert!(
        text.contains("the answers suggest level II; say why level I is declared instead"),
        "{text}"
    );
    let (code, text) = new(
        "I",
        &[
            "--level-reason",
            "a national exam is streaming",
            "--discovered",
            "2026-03-02T07:20:00Z",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let status = run.ok(&[
        "incident",
        "status",
        "network",
        "--now",
        "2026-03-02T08:05:00Z",
    ]);
    assert!(
        status.contains(
            "the answers suggested level II; declared otherwise because: a national exam is streaming"
        ),
        "{status}"
    );
    assert!(status.contains("discovered 2026-03-02"), "{status}");
    // The regulator's 4 hours count from the discovery at 07:20 UTC: 40 min are gone.
    assert!(status.contains("in 3 h 15 min"), "{status}");
    run.ok(&[
        "incident",
        "note",
        "network",
        "--step",
        "switch",
        "backup line ordered",
        "--now",
        "2026-03-02T08:06:00Z",
    ]);
    let timeline = run.ok(&["incident", "timeline", "network"]);
    assert!(
        timeline.contains("note on step “Switch the line.”: backup line ordered"),
        "{timeline}"
    );
    assert!(
        timeline.contains("(the answers suggested II: a national exam is streaming)"),
        "{timeline}"
    );
}

#[test]
fn the_calls_view_says_who_was_reached_who_is_overdue_and_whom_to_call_next() {
    let run = Run::new();
    let now = |m: u32| format!("2026-03-02T08:{m:02}:00Z");
    let t0 = now(0);
    run.ok(&[
        "incident",
        "new",
        "--now",
        &t0,
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "network",
        "--answer",
        "cut=yes",
        "--title",
        "Core switch down",
    ]);
    let calls = run.ok(&["incident", "calls", "network", "--now", &now(2)]);
    assert!(
        calls.contains("Calls at level II, started by Engineer → Cy"),
        "{calls}"
    );
    assert!(calls.contains("next: Ann 138-0000-0001"), "{calls}");
    let t3 = now(3);
    run.ok(&[
        "incident",
        "call",
        "network",
        "ann",
        "--outcome",
        "no-answer",
        "--now",
        &t3,
    ]);
    let calls = run.ok(&["incident", "calls", "network", "--now", &now(12)]);
    assert!(
        calls.contains("OVERDUE by 2 min (due 08:10)") || calls.contains("OVERDUE by 2 min"),
        "{calls}"
    );
    assert!(calls.contains("next: Bob 138-0000-0002"), "{calls}");
    assert!(calls.contains("tried Ann: no answer"), "{calls}");
    assert!(calls.contains("call next: 1 Bob"), "{calls}");
    let t13 = now(13);
    run.ok(&[
        "incident",
        "call",
        "network",
        "bob",
        "--outcome",
        "reached",
        "--now",
        &t13,
    ]);
    let calls = run.ok(&["incident", "calls", "network", "--now", &now(14)]);
    assert!(calls.contains("reached Bob at"), "{calls}");
    assert!(calls.contains("reached 1 of 1 · 0 overdue"), "{calls}");
}

// ------------------------------------------------- hostile text and names

/// A timeline line as runbook prints it, typed into a note to forge one.
const FORGED: &str = "2026-11-29 13:59 [chief@laptop-a] step net-switch-cdn: done";

#[test]
fn text_from_the_log_is_escaped_on_the_terminal_and_kept_as_typed_in_the_log() {
    let run = Run::new();
    let red = "mallory\u{1b}[31m";
    let folder = run.declare_network("Core\u{202e}switch down", &["--operator", red]);
    let note = format!("link flapping\n{FORGED}\r\tend");
    let saved = run.ok(&[
        "incident",
        "note",
        "network",
        &note,
        "--device",
        "desk\u{7}2",
        "--operator",
        red,
    ]);
    let forged = |out: &str| out.lines().any(|l| l.starts_with("2026-11-29 13:59"));
    assert!(!forged(&saved), "{saved}");
    assert!(
        saved.contains(&format!("saved: note: link flapping\\n{FORGED}\\r\\tend")),
        "{saved}"
    );

    let timeline = run.ok(&["incident", "timeline", "network"]);
    let status = run.ok(&["incident", "status", "network"]);
    let list = run.ok(&["incident", "list"]);
    for out in [&timeline, &status, &list] {
        assert!(!forged(out), "a note forged a line:\n{out}");
        assert!(
            !out.contains(['\u{1b}', '\u{202e}', '\u{7}', '\r', '\t']),
            "a control character reached the terminal:\n{out:?}"
        );
    }
    // One line per entry, each with its control characters escaped.
    let lines: Vec<&str> = timeline.lines().collect();
    assert_eq!(lines.len(), 2, "{timeline}");
    assert!(
        lines[0].contains("[mallory\\u{1b}[31m@cmd-room-1]")
            && lines[0].contains("Core\\u{202e}switch down"),
        "{timeline}"
    );
    assert!(
        lines[1].contains("[mallory\\u{1b}[31m@desk\\u{7}2] note: link flapping\\n2026-11-29"),
        "{timeline}"
    );
    assert!(
        status.contains("Core\\u{202e}switch down — REAL INCIDENT")
            && status.contains("by mallory\\u{1b}[31m · commander mallory\\u{1b}[31m"),
        "{status}"
    );
    assert!(list.contains("Core\\u{202e}switch down"), "{list}");

    // The log keeps exactly what was typed.
    let kept = entries(&folder);
    assert_eq!(kept[0].by, red);
    assert_eq!(kept[1].device, "desk\u{7}2");
    assert!(
        matches!(&kept[1].event, Event::Note { text, .. } if *text == note),
        "{:?}",
        kept[1]
    );

    // A file name given to `verify` is a text too: it stays on its line.
    let evil = run.data.path().join(format!("x\n{FORGED}"));
    std::fs::create_dir(&evil).unwrap();
    // Under its own name: a log named for another device is a finding of
    // its own (a copied or renamed log), and this is about the path.
    std::fs::copy(
        folder.join("log-cmd-room-1.jsonl"),
        evil.join("log-cmd-room-1.jsonl"),
    )
    .unwrap();
    let verify = run.ok(&["verify", evil.to_str().unwrap()]);
    // The file's line and the record's: each starts with the escaped path.
    assert_eq!(verify.lines().count(), 2, "{verify}");
    assert!(
        verify.lines().all(|l| l.contains("x\\n2026-11-29")),
        "{verify}"
    );
    assert!(
        verify.contains("x\\n2026-11-29") && verify.contains(": OK: "),
        "{verify}"
    );
}

#[test]
fn a_path_is_not_a_name_and_nothing_is_written_outside_the_data_folder() {
    let run = Run::new();
    let folder = run.declare_network("Core switch down", &[]);
    // A folder beside the data folder that looks like an incident from
    // `<data>/incidents/`: `../../outside`.
    let outside = run.data.path().join("..").join(format!(
        "outside-{}",
        run.data.path().file_name().unwrap().to_string_lossy()
    ));
    std::fs::create_dir(&outside).unwrap();
    std::fs::copy("tests/data/incident-plan.ron", outside.join("plan.ron")).unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let before_outside = files_under(&outside);
    let before_data = files_under(run.data.path());
    let outside_name = format!("../../{}", outside.file_name().unwrap().to_string_lossy());
    let outside_abs = outside.canonicalize().unwrap().display().to_string();
    for given in [outside_name.as_str(), outside_abs.as_str()] {
        let (code, text) = run.runbook_in(cwd.path(), &["incident", "note", given, "hi"], None);
        assert_eq!(code, 1, "{given}: {text}");
        assert!(text.contains(&format!("no incident {given:?}")), "{text}");
    }
    // A plan and a log that holds no declaration is no incident either.
    std::fs::write(outside.join("log-x.jsonl"), "").unwrap();
    let before_outside_log = files_under(&outside);
    let (code, text) = run.runbook_in(cwd.path(), &["incident", "status", &outside_abs], None);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("no incident"), "{text}");
    assert_eq!(files_under(&outside), before_outside_log, "nothing written");
    std::fs::remove_file(outside.join("log-x.jsonl")).unwrap();
    assert_eq!(files_under(&outside), before_outside, "nothing written");

    // An empty, blank or `-` name matches nothing, however few incidents there are.
    for given in ["", "  ", "-", ".", ".."] {
        let (code, text) = run.runbook_in(cwd.path(), &["incident", "note", given, "hi"], None);
        assert_eq!(code, 1, "{given:?}: {text}");
        assert!(text.contains("no incident"), "{given:?}: {text}");
    }
    assert_eq!(files_under(run.data.path()), before_data, "nothing written");
    assert_eq!(files_under(cwd.path()), Vec::new(), "nothing written");

    // The incident's own folder, given as a path, and its name still work.
    let (code, text) = run.runbook_in(
        cwd.path(),
        &["incident", "note", folder.to_str().unwrap(), "by path"],
        None,
    );
    assert_eq!(code, 0, "{text}");
    run.ok(&["incident", "note", "network", "by name"]);
    assert_eq!(entries(&folder).len(), 3);
    std::fs::remove_dir_all(&outside).unwrap();
}

#[test]
fn a_note_of_a_megabyte_comes_from_standard_input_and_a_longer_one_is_refused() {
    let run = Run::new();
    let folder = run.declare_network("Core switch down", &[]);
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // 1 000 000 bytes of several lines, Chinese and English.
    let mut note = String::new();
    while note.len() < 1_000_000 - 40 {
        note.push_str("交换机端口 7 反复断开 / port 7 flapping\n");
    }
    while note.len() < 1_000_000 {
        note.push('.');
    }
    assert_eq!(note.len(), 1_000_000);
    let (code, text) = run.runbook_in(
        manifest,
        &["incident", "note", "network", "-"],
        Some(note.as_bytes()),
    );
    assert_eq!(code, 0, "{}", &text[..text.len().min(2000)]);
    let kept = entries(&folder);
    assert_eq!(kept.len(), 2);
    assert!(
        matches!(&kept[1].event, Event::Note { text, .. } if *text == note),
        "the note reads back exactly"
    );
    // The line break that ends what was typed (`echo`, a heredoc) is not the note's.
    let (code, text) = run.runbook_in(
        manifest,
        &["incident", "note", "network", "-"],
        Some("端口已恢复\nport back\r\n".as_bytes()),
    );
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("saved: note: 端口已恢复\\nport back\nlog head"),
        "{text}"
    );
    assert!(matches!(
        &entries(&folder)[2].event,
        Event::Note { text, .. } if text == "端口已恢复\nport back"
    ));

    // One byte over 1 MiB is refused, before anything is written.
    let before = files_under(run.data.path());
    let long = "x".repeat(1024 * 1024 + 1);
    let (code, text) = run.runbook_in(
        manifest,
        &["incident", "note", "network", "-"],
        Some(long.as_bytes()),
    );
    assert_eq!(code, 1, "{}", &text[..text.len().min(2000)]);
    assert!(
        text.contains("the note is too long: 1048577 bytes")
            && text.contains("at most 1048576 bytes"),
        "{text}"
    );
    assert_eq!(files_under(run.data.path()), before, "nothing written");

    // Bytes that are not UTF-8 are not a note.
    let (code, text) = run.runbook_in(
        manifest,
        &["incident", "note", "network", "-"],
        Some(b"port \xff down"),
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("not UTF-8"), "{text}");
    assert_eq!(files_under(run.data.path()), before, "nothing written");
}

impl Run {
    /// The real binary with its standard output going to `stdout`; the
    /// exit code and standard error.
    fn runbook_to(&self, args: &[&str], stdout: Stdio) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_DATA_DIR", self.data.path())
            .env("RUNBOOK_OPERATOR", "值班长 王芳")
            .env("RUNBOOK_DEVICE", "cmd-room-1")
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// A pipe whose reader is gone: every write to it fails with EPIPE, as
/// `runbook … | true` and `| head -1` do to a command.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

/// Whether the session each log file of the incident opened was closed
/// with its closing record (a clean exit).
fn sessions_closed(folder: &Path) -> bool {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .all(|p| incident_dir::read::ended_cleanly(&p))
}

#[test]
fn a_closed_pipe_or_a_full_disk_under_stdout_loses_nothing_and_says_saved() {
    let run = Run::new();
    // `new … | true`: declared, its session closed, and not "success".
    let (code, err) = run.runbook_to(
        &[
            "incident",
            "new",
            "--plan",
            "tests/data/incident-plan.ron",
            "--class",
            "network",
            "--level",
            "II",
            "--title",
            "piped away",
        ],
        closed_pipe(),
    );
    assert_eq!(code, 3, "saved, not printed: {err}");
    assert!(
        err.contains("saved, but standard output could not be written"),
        "{err}"
    );
    let folder = std::fs::read_dir(run.data.path().join("incidents"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        sessions_closed(&folder),
        "the closing record is written first"
    );

    // `note … | true`: the note is in the log, exit 3, not 0.
    let (code, err) = run.runbook_to(
        &["incident", "note", "network", "into the void"],
        closed_pipe(),
    );
    assert_eq!(code, 3, "{err}");
    let notes = |folder: &Path| {
        entries(folder)
            .iter()
            .filter(|e| matches!(&e.event, Event::Note { text, .. } if text == "into the void"))
            .count()
    };
    assert_eq!(notes(&folder), 1);
    assert!(sessions_closed(&folder));

    // `note … > /dev/full`: saved once, and a status a script will not
    // take for "failed, try again".
    let full = Path::new("/dev/full");
    let is_device = {
        use std::os::unix::fs::FileTypeExt as _;
        std::fs::metadata(full).is_ok_and(|m| m.file_type().is_char_device())
    };
    if is_device {
        let dev = std::fs::OpenOptions::new().write(true).open(full).unwrap();
        let (code, err) = run.runbook_to(
            &["incident", "note", "network", "to a full disk"],
            Stdio::from(dev),
        );
        assert_eq!(code, 3, "{err}");
        assert!(err.contains("No space left on device"), "{err}");
        assert_eq!(
            entries(&folder)
                .iter()
                .filter(
                    |e| matches!(&e.event, Event::Note { text, .. } if text == "to a full disk")
                )
                .count(),
            1
        );
    } else {
        eprintln!("/dev/full is not a device on this machine: that part is skipped");
    }

    // A refused action says so whatever stdout is: 1, and nothing saved.
    let (code, err) = run.runbook_to(
        &["incident", "step", "network", "no-such-step", "--done"],
        closed_pipe(),
    );
    assert_eq!(code, 1, "{err}");
    // Reading into a pipe that closes is no failure.
    let (code, err) = run.runbook_to(&["incident", "timeline", "network"], closed_pipe());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_saved_note_is_echoed_cut_short_and_warnings_go_to_standard_error() {
    let run = Run::new();
    let folder = run.declare_network("long notes", &[]);
    let long = "长".repeat(5000);
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["incident", "note", "network", &long])
        .env("RUNBOOK_DATA_DIR", run.data.path())
        .env("RUNBOOK_DEVICE", "cmd-room-1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let saved = stdout.lines().find(|l| l.starts_with("saved: ")).unwrap();
    assert!(
        saved.ends_with('…') && saved.chars().count() < 300,
        "{saved}"
    );
    // The log has it whole.
    assert!(
        entries(&folder)
            .iter()
            .any(|e| matches!(&e.event, Event::Note { text, .. } if *text == long))
    );

    // A crash leaves the session open: the next command warns on standard
    // error, after saving, and standard output says only what was saved.
    let log = folder.join("log-cmd-room-1.jsonl");
    let text = std::fs::read_to_string(&log).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.last().unwrap().contains("\"closed\""),
        "{}",
        lines.last().unwrap()
    );
    lines.pop();
    std::fs::write(&log, format!("{}\n", lines.join("\n"))).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["incident", "note", "network", "after the crash"])
        .env("RUNBOOK_DATA_DIR", run.data.path())
        .env("RUNBOOK_DEVICE", "cmd-room-1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did not end cleanly"), "{stderr}");
    assert!(!stdout.contains("did not end cleanly"), "{stdout}");
    assert!(
        stdout.starts_with("saved: note: after the crash"),
        "{stdout}"
    );
}

#[test]
fn out_writes_through_a_link_and_never_replaces_a_device() {
    use std::os::unix::fs::FileTypeExt as _;
    let run = Run::new();
    run.declare_network("papers", &[]);
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.html");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (code, text) = run.runbook(&["report", "network", "--out", link.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    assert!(std::fs::read_to_string(&real).unwrap().contains("<html"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let full = Path::new("/dev/full");
    if std::fs::metadata(full).is_ok_and(|m| m.file_type().is_char_device()) {
        let (code, text) = run.runbook(&["report", "network", "--out", "/dev/full"]);
        assert_eq!(
            code, 1,
            "a paper that cannot be written is a failure: {text}"
        );
        assert!(text.contains("No space left on device"), "{text}");
        assert!(
            std::fs::metadata(full)
                .unwrap()
                .file_type()
                .is_char_device(),
            "/dev/full is still a device"
        );
        let (code, text) = run.runbook(&["print", "plans/minimal.ron", "--out", "/dev/full"]);
        assert_eq!(code, 1, "{text}");
        assert!(
            std::fs::metadata(full)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    let (code, text) = run.runbook(&["report", "network", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("is a folder"), "{text}");
}

#[test]
fn a_clock_that_cannot_be_right_writes_nothing_and_says_how_to_fix_it() {
    let run = Run::new();
    for now in ["1970-01-01T00:00:00Z", "9999-12-31T00:00:00Z"] {
        let (code, text) = run.runbook(&[
            "incident",
            "new",
            "--now",
            now,
            "--plan",
            "tests/data/incident-plan.ron",
            "--class",
            "network",
            "--level",
            "II",
            "--title",
            "clock",
        ]);
        assert_eq!(code, 1, "{now}: {text}");
        assert!(
            text.contains("clock says") && text.contains("Set the computer's date and time"),
            "{text}"
        );
        assert!(
            !run.data.path().join("incidents").exists()
                || std::fs::read_dir(run.data.path().join("incidents"))
                    .unwrap()
                    .next()
                    .is_none(),
            "nothing declared at {now}"
        );
    }
    let folder = run.declare_network("clock", &[]);
    let before = files_under(&folder);
    let (code, text) = run.runbook(&[
        "incident",
        "note",
        "network",
        "--now",
        "1970-01-01T00:00:00Z",
        "from the past",
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("long before this plan's date (2026-01-01)"),
        "{text}"
    );
    assert_eq!(files_under(&folder), before, "not even a session record");
}

#[test]
fn names_find_the_incident_a_person_means() {
    let run = Run::new();
    let first = run.declare_network("first outage", &["--now", "2026-03-02T08:00:00Z"]);
    run.ok(&[
        "incident",
        "close",
        "network",
        "--summary",
        "done",
        "--yes",
        "--now",
        "2026-03-02T09:00:00Z",
    ]);
    let second = run.declare_network("Second Outage", &["--now", "2026-03-02T10:00:00Z"]);
    // Two network incidents, one open: the class means the open one.
    let text = run.ok(&[
        "incident",
        "note",
        "network",
        "by class",
        "--now",
        "2026-03-02T10:05:00Z",
    ]);
    assert!(text.contains("saved: note: by class"), "{text}");
    assert!(
        entries(&second)
            .iter()
            .any(|e| matches!(&e.event, Event::Note { text, .. } if text == "by class"))
    );
    // A title, in any case.
    let text = run.ok(&[
        "incident",
        "note",
        "second outage",
        "by title",
        "--now",
        "2026-03-02T10:06:00Z",
    ]);
    assert!(text.contains("saved"), "{text}");
    // The closed one lasted an hour, whenever the list is read.
    let list = run.ok(&["incident", "list", "--now", "2026-03-05T10:00:00Z"]);
    let row = list
        .lines()
        .find(|l| l.contains("first outage"))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(row.contains("closed") && row.contains("60 min"), "{row}");
    // verify takes names too; an unknown one is no incident, not tampering.
    let (code, text) = run.runbook(&["verify", "network"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(&second.display().to_string()), "{text}");
    let (code, text) = run.runbook(&["verify", "nothing-here", "--head", "0123456789abcdef"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(r#"no incident "nothing-here""#), "{text}");
    assert!(
        !text.contains("NOT FOUND") && !text.contains("rewritten"),
        "{text}"
    );
    // With a third, also open: several open, so the name is refused with the list.
    run.declare_network("third", &["--now", "2026-03-02T11:00:00Z"]);
    let (code, text) = run.runbook(&["incident", "note", "network", "which?"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("matches several incidents"), "{text}");
    let _ = first;
}

#[test]
fn without_a_display_the_window_says_so_in_plain_words() {
    let refused = |args: &[&str], lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env("RUNBOOK_LANG", lang)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = refused(&[], "en");
    assert!(
        err.contains("there is no display here") && err.contains("runbook incident status"),
        "{err}"
    );
    assert!(!err.contains(".cargo/registry"), "{err}");
    // In the operator's language, and for the wall board too.
    let err = refused(&[], "zh");
    assert!(
        err.contains("这里没有显示器") && err.contains("runbook incident status"),
        "{err}"
    );
    let data = tempfile::tempdir().unwrap();
    let declared = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(["incident", "new", "--plan", "tests/data/incident-plan.ron"])
        .args(["--class", "network", "--level", "II", "--title", "t"])
        .env("RUNBOOK_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(declared.status.success(), "{declared:?}");
    let board = ["board", "--data-dir", data.path().to_str().unwrap()];
    let err = refused(&board, "zh");
    assert!(err.contains("这里没有显示器"), "{err}");
}

/// The messages of an incident as its logs hold them.
fn messages(folder: &Path) -> Vec<String> {
    entries(folder)
        .into_iter()
        .filter_map(|e| match e.event {
            Event::MessageSent { text, .. } => Some(text),
            _ => None,
        })
        .collect()
}

#[test]
fn a_message_goes_out_only_with_the_actions_a_person_wrote_and_is_printed_whole() {
    let run = Run::new();
    let out = run.ok(&[
        "incident",
        "new",
        "--class",
        "software",
        "--answer",
        "whole-down=yes",
        "--title",
        "直播中断",
        "--drill",
    ]);
    let folder = PathBuf::from(
        out.lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap(),
    );
    // Steps done: the plan's own checklist wording, written for the
    // responders, never goes to teachers.
    run.ok(&["incident", "step", "software", "assess-declare", "--done"]);
    run.ok(&["incident", "step", "software", "inform-channel", "--done"]);
    let send = [
        "incident",
        "message",
        "software",
        "--template",
        "tpl-teachers",
        "--set",
        "impact=华东地区直播课无法进入",
        "--set",
        "affected_classes=340",
        "--set",
        "eta=10:30前",
    ];
    let (code, text) = run.runbook(&send);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("{actions}"), "{text}");
    assert!(messages(&folder).is_empty(), "refused, nothing logged");
    // Dry run: the whole text as it would go out, still refused, nothing logged.
    let mut dry = send.to_vec();
    dry.push("--dry-run");
    let (code, text) = run.runbook(&dry);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("平台已采取的措施：{actions}。"), "{text}");
    assert!(!text.contains("逐项回答"), "{text}");
    assert!(!text.contains("开启应急指挥室"), "{text}");
    // The office director writes the actions in words for teachers.
    run.ok(&[
        "incident",
        "record",
        "software",
        "comm-actions",
        "已将直播切换到备用线路，正在逐步恢复",
    ]);
    let text = run.ok(&dry);
    assert!(text.contains("not logged (--dry-run)"), "{text}");
    assert!(messages(&folder).is_empty(), "a dry run logs nothing");
    // Sent: logged, and every line of what was logged is printed.
    let printed = run.ok(&send);
    let logged = messages(&folder);
    assert_eq!(logged.len(), 1, "{printed}");
    assert!(
        logged[0].contains("平台已采取的措施：已将直播切换到备用线路，正在逐步恢复。"),
        "{}",
        logged[0]
    );
    assert!(
        printed.contains(&format!("--- message text ---\n{}\n---", logged[0])),
        "{printed}"
    );
    // The timeline shows the first line; --full the whole text.
    let short = run.ok(&["incident", "timeline", "software"]);
    assert!(!short.contains("平台已采取的措施"), "{short}");
    let full = run.ok(&["incident", "timeline", "software", "--full"]);
    for line in logged[0].lines().filter(|l| !l.is_empty()) {
        assert!(full.contains(&format!("| {line}")), "{line}\n{full}");
    }
}

#[test]
fn a_drill_names_its_scenario_and_a_wrong_one_is_refused_before_anything_is_written() {
    let run = Run::new();
    let new = |scenario: &str| {
        run.runbook(&[
            "incident",
            "new",
            "--plan",
            "tests/data/incident-plan.ron",
            "--class",
            "software",
            "--answer",
            "all-down=yes",
            "--title",
            "Login down",
            "--drill",
            "--scenario",
            scenario,
        ])
    };
    let (code, text) = new("drill-nope");
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("\"drill-nope\"") && text.contains("drill-login"),
        "{text}"
    );
    assert!(files_under(run.data.path()).is_empty(), "nothing written");
    // Only a drill plays a scenario.
    let (code, text) = run.runbook(&[
        "incident",
        "new",
        "--plan",
        "tests/data/incident-plan.ron",
        "--class",
        "software",
        "--answer",
        "all-down=yes",
        "--title",
        "Login down",
        "--scenario",
        "drill-login",
    ]);
    assert_eq!(code, 2, "{text}");
    let (code, text) = new("drill-login");
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("drill scenario: Login drill (drill-login)"),
        "{text}"
    );
    let folder = PathBuf::from(
        text.lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap(),
    );
    let events: Vec<Event> = entries(&folder).into_iter().map(|e| e.event).collect();
    assert!(matches!(events[0], Event::Declared(..)));
    assert_eq!(
        events[1],
        Event::ScenarioNamed {
            drill: runbook::model::ids::ItemId::new("drill-login")
        }
    );
}
