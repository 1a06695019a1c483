//! A whole incident scripted from the command line, as an operator over SSH
//! would run it: the log it leaves verifies with `runbook verify` and with the
//! Python lines documented in `docs/incident-log.md`.

use std::path::Path;
use std::process::Command;

struct Run {
    data: tempfile::TempDir,
}

impl Run {
    fn new() -> Self {
        Self {
            data: tempfile::tempdir().unwrap(),
        }
    }

    fn runbook(&self, args: &[&str]) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_runbook"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUNBOOK_DATA_DIR", self.data.path())
            .env("RUNBOOK_OPERATOR", "值班长 王芳")
            .env("RUNBOOK_DEVICE", "cmd-room-1")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, text) = self.runbook(args);
        assert_eq!(code, 0, "runbook {args:?}:\n{text}");
        text
    }
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
    ]);

    // Refused actions say why and exit 1, and write nothing.
    let (code, text) = run.runbook(&["incident", "note", inc, "after close"]);
    assert_eq!(code, 1);
    assert!(text.contains("the incident is closed"), "{text}");

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
        timeline.contains("note on step switch: backup line ordered"),
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
