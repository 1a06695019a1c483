//! Every file operation a command performs, failed in turn, and the
//! sequence cut at every point as a power cut would (issue 27).
//!
//! The real binary is run with `RUNBOOK_FAULTS` (see `runbook::io::fault`):
//! first once with a trace, to count the operations a command performs;
//! then once per operation with that operation failing (`fail:K`), and
//! once per operation with the process ending before it (`cut:K`). After
//! each run, on a fresh copy of the same starting record:
//!
//! - a command that acknowledged (exit 0, or 3) has its entry in the
//!   record exactly once, and the record verifies;
//! - one that refused (exit 1) has not;
//! - a cut one may or may not have it, never twice;
//! - nothing acknowledged before is missing;
//! - the next command, with no fault, works, and then the whole record
//!   verifies with everything acknowledged in it.
//!
//! The scenarios: `new`, `note`, `step`, `close`, and a rescue (a note
//! whose line cannot be written, with each operation of the rescue that
//! follows failed in turn). The counts of failure and cut points are in
//! `docs/incident-log.md`.

use std::path::{Path, PathBuf};
use std::process::Command;

use runbook::io::incident_dir;
use runbook::model::incident::{Entry, Event, StepStatus};

const BIN: &str = env!("CARGO_BIN_EXE_runbook");
const DEVICE: &str = "lap1";

/// A run of the binary: its exit code (`None` when cut) and what it said.
struct Ran {
    code: Option<i32>,
    text: String,
}

/// Runs the binary on `data` from `cwd`, with `faults` (`RUNBOOK_FAULTS`)
/// and a trace file when given.
fn run(data: &Path, cwd: &Path, args: &[&str], faults: &str, trace: Option<&Path>) -> Ran {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(cwd)
        .env("RUNBOOK_DATA_DIR", data)
        .env("RUNBOOK_DEVICE", DEVICE)
        .env("RUNBOOK_OPERATOR", "tester")
        .env("RUNBOOK_MACHINE_ID", "machine-lap1")
        .env("RUNBOOK_FAULTS", faults)
        .env_remove("RUNBOOK_FAULTS_TRACE");
    if let Some(trace) = trace {
        cmd.env("RUNBOOK_FAULTS_TRACE", trace);
    }
    let out = cmd.output().unwrap();
    let code = match out.status.code() {
        Some(86) => None,
        code => code,
    };
    Ran {
        code,
        text: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// How many operations a command performs, with these faults.
fn count(data: &Path, cwd: &Path, args: &[&str], faults: &str) -> u64 {
    let trace = cwd.join("trace");
    let _ = std::fs::remove_file(&trace);
    run(data, cwd, args, faults, Some(&trace));
    let n = std::fs::read_to_string(&trace)
        .map(|t| t.lines().count() as u64)
        .unwrap_or(0);
    let _ = std::fs::remove_file(&trace);
    n
}

/// The trace's lines of a command, with these faults.
fn trace_of(data: &Path, cwd: &Path, args: &[&str], faults: &str) -> Vec<String> {
    let trace = cwd.join("trace");
    let _ = std::fs::remove_file(&trace);
    run(data, cwd, args, faults, Some(&trace));
    let lines = std::fs::read_to_string(&trace)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    let _ = std::fs::remove_file(&trace);
    lines
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The incident folders of a data folder (not the hidden half-made ones).
fn incidents(data: &Path) -> Vec<PathBuf> {
    incident_dir::list_dirs(&incident_dir::incidents_dir(data))
}

/// Every entry of an incident, as reading its folder gives them.
fn entries(dir: &Path) -> Vec<Entry> {
    incident_dir::read_entries(dir)
        .map(|(e, _)| e)
        .unwrap_or_default()
}

fn verifies(data: &Path, cwd: &Path, dir: &Path) -> Ran {
    run(data, cwd, &["verify", dir.to_str().unwrap()], "", None)
}

/// A note's text, as it is in the record.
fn note_count(dir: &Path, text: &str) -> usize {
    entries(dir)
        .iter()
        .filter(|e| matches!(&e.event, Event::Note { text: t, .. } if t == text))
        .count()
}

/// A starting record: a data folder with one incident declared and a note
/// in it; returns the data folder's template.
fn template(root: &Path) -> PathBuf {
    let data = root.join("template");
    let cwd = root.join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron");
    let r = run(
        &data,
        &cwd,
        &[
            "incident",
            "new",
            "--plan",
            plan.to_str().unwrap(),
            "--class",
            "network",
            "--level",
            "II",
            "--title",
            "faults",
        ],
        "",
        None,
    );
    assert_eq!(r.code, Some(0), "{}", r.text);
    let r = run(
        &data,
        &cwd,
        &["incident", "note", "network", "before"],
        "",
        None,
    );
    assert_eq!(r.code, Some(0), "{}", r.text);
    data
}

/// What a scenario's command records, and how to tell it is there.
struct Scenario {
    name: &'static str,
    args: Vec<String>,
    /// How many times its entry is in the incident's record.
    found: fn(&Path) -> usize,
    /// A command, with no fault, that works after it, acknowledged or not.
    then: fn(&Path) -> Vec<String>,
    /// The faults every run of this scenario has (a rescue's first failure).
    base: String,
}

/// What the tries of a scenario found.
#[derive(Default)]
struct Tally {
    failed: u64,
    cut: u64,
}

/// Runs a scenario's command once per operation failed and once per
/// operation cut, each on a fresh copy of `template`, and checks the
/// record after each.
fn try_every_point(root: &Path, template: &Path, s: &Scenario, tally: &mut Tally) {
    let args: Vec<&str> = s.args.iter().map(String::as_str).collect();
    let probe = root.join(format!("{}-probe", s.name));
    let cwd = root.join(format!("{}-cwd", s.name));
    std::fs::create_dir_all(&cwd).unwrap();
    copy_dir(template, &probe);
    let total = count(&probe, &cwd, &args, &s.base);
    assert!(total > 0, "{}: no operation traced", s.name);
    for k in 1..=total {
        for cut in [false, true] {
            let faults = match (s.base.is_empty(), cut) {
                (true, false) => format!("fail:{k}"),
                (true, true) => format!("cut:{k}"),
                (false, false) => format!("{},fail:{k}", s.base),
                (false, true) => format!("{},cut:{k}", s.base),
            };
            // The base's own failure is not tried twice.
            if !cut && s.base.contains(&format!("fail:{k}")) {
                continue;
            }
            let data = root.join(format!("{}-{k}-{cut}", s.name));
            let _ = std::fs::remove_dir_all(&data);
            copy_dir(template, &data);
            let dir = incidents(&data).first().cloned();
            let before = dir.as_deref().map(|d| note_count(d, "before"));
            let ran = run(&data, &cwd, &args, &faults, None);
            let what = format!("{} with {faults}: {:?}\n{}", s.name, ran.code, ran.text);
            check_after(&data, &cwd, s, &ran, &what, before);
            if cut {
                tally.cut += 1;
            } else {
                tally.failed += 1;
            }
            let _ = std::fs::remove_dir_all(&data);
        }
    }
    let _ = std::fs::remove_dir_all(&probe);
}

/// The checks after one run; see the module's doc.
fn check_after(
    data: &Path,
    cwd: &Path,
    s: &Scenario,
    ran: &Ran,
    what: &str,
    before: Option<usize>,
) {
    let dirs = incidents(data);
    let found: usize = dirs.iter().map(|d| (s.found)(d)).sum();
    match ran.code {
        Some(0 | 3) => {
            assert_eq!(found, 1, "acknowledged, so in the record once: {what}");
            for d in &dirs {
                let v = verifies(data, cwd, d);
                assert!(
                    v.code == Some(0) || only_unclosed(&v.text),
                    "acknowledged, and it verifies: {what}\n{}",
                    v.text
                );
            }
        }
        Some(1) => assert_eq!(found, 0, "refused, so not in the record: {what}"),
        None => assert!(found <= 1, "cut: in the record once at most: {what}"),
        Some(other) => panic!("exit {other}: {what}"),
    }
    if let Some(n) = before {
        for d in &dirs {
            assert_eq!(
                note_count(d, "before"),
                n,
                "what was acknowledged before: {what}"
            );
        }
    }
    // The next command, with no fault, works; then everything verifies.
    let then = (s.then)(dirs.first().map_or(data, PathBuf::as_path));
    let then: Vec<&str> = then.iter().map(String::as_str).collect();
    let next = run(data, cwd, &then, "", None);
    assert_eq!(
        next.code,
        Some(0),
        "the next command works: {what}\nnext: {}",
        next.text
    );
    for d in incidents(data) {
        let v = verifies(data, cwd, &d);
        assert_eq!(v.code, Some(0), "then it verifies: {what}\n{}", v.text);
        if let Some(n) = before {
            assert_eq!(note_count(&d, "before"), n, "{what}");
        }
        assert!((s.found)(&d) <= 1, "never twice: {what}");
    }
}

/// Whether all `verify` found is a last session without its closing
/// record: what a command says when it saved everything but could not
/// write that record (the next session closes the question).
fn only_unclosed(text: &str) -> bool {
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains(": OK") && !l.contains(": NOTE:"))
        .collect();
    problems.iter().any(|l| l.contains(": UNCLOSED:"))
        && problems
            .iter()
            .all(|l| l.contains(": UNCLOSED:") || l.contains("BAD: the record does not check out"))
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_owned()).collect()
}

fn note_then(_: &Path) -> Vec<String> {
    strings(&["incident", "note", "network", "after"])
}

#[test]
#[allow(clippy::too_many_lines)] // The five scenarios, side by side.
fn every_operation_of_new_note_step_close_and_a_rescue_failed_and_cut() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let template = template(root);
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron");
    let empty = root.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let mut tally = Tally::default();

    let new_args = strings(&[
        "incident",
        "new",
        "--plan",
        plan.to_str().unwrap(),
        "--class",
        "software",
        "--level",
        "III",
        "--title",
        "declared under faults",
    ]);
    let declared = |d: &Path| {
        entries(d)
            .iter()
            .filter(
                |e| matches!(&e.event, Event::Declared(d) if d.title == "declared under faults"),
            )
            .count()
    };
    let scenarios = [
        Scenario {
            name: "new",
            args: new_args.clone(),
            found: declared,
            // A note on the incident when there is one (a crash may leave
            // its session open, which the next session closes), else
            // another declaration.
            then: |d| {
                if d.join("plan.ron").exists() {
                    return strings(&["incident", "note", d.to_str().unwrap(), "after"]);
                }
                let plan =
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/incident-plan.ron");
                strings(&[
                    "incident",
                    "new",
                    "--plan",
                    plan.to_str().unwrap(),
                    "--class",
                    "network",
                    "--level",
                    "IV",
                    "--title",
                    "after",
                ])
            },
            base: String::new(),
        },
        Scenario {
            name: "note",
            args: strings(&["incident", "note", "network", "under faults"]),
            found: |d| note_count(d, "under faults"),
            then: note_then,
            base: String::new(),
        },
        Scenario {
            name: "step",
            args: strings(&["incident", "step", "network", "switch", "--done"]),
            found: |d| {
                entries(d)
                    .iter()
                    .filter(|e| {
                        matches!(&e.event, Event::StepStatus { step, status: StepStatus::Done } if step.as_str() == "switch")
                    })
                    .count()
            },
            then: note_then,
            base: String::new(),
        },
        Scenario {
            name: "close",
            args: strings(&[
                "incident",
                "close",
                "network",
                "--summary",
                "closed under faults",
                "--yes",
            ]),
            found: |d| {
                entries(d)
                    .iter()
                    .filter(|e| matches!(&e.event, Event::Closed { .. }))
                    .count()
            },
            then: |d| {
                let closed = entries(d)
                    .iter()
                    .any(|e| matches!(&e.event, Event::Closed { .. }));
                if closed {
                    strings(&["incident", "reopen", "network", "--reason", "after"])
                } else {
                    note_then(d)
                }
            },
            base: String::new(),
        },
    ];
    // `new` starts from an empty data folder; the others from the template.
    try_every_point(root, &empty, &scenarios[0], &mut tally);
    for s in &scenarios[1..] {
        try_every_point(root, &template, s, &mut tally);
    }

    // A rescue: the note's line cannot be written (the second write: the
    // first is the session's opening record), and each operation of the
    // rescue that follows is failed, and cut, in turn.
    let cwd = root.join("rescue-probe-cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    let probe = root.join("rescue-probe");
    copy_dir(&template, &probe);
    let trace = trace_of(
        &probe,
        &cwd,
        &["incident", "note", "network", "rescued"],
        "",
    );
    let line = trace
        .iter()
        .filter(|l| l.contains(" Write "))
        .nth(1)
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_owned();
    let rescue = Scenario {
        name: "rescue",
        args: strings(&["incident", "note", "network", "rescued"]),
        found: |d| note_count(d, "rescued"),
        then: note_then,
        base: format!("fail:{line}"),
    };
    try_every_point(root, &template, &rescue, &mut tally);

    eprintln!(
        "fault points tried: {} failed, {} cut (new, note, step, close, a rescue)",
        tally.failed, tally.cut
    );
    assert!(
        tally.failed >= 40 && tally.cut >= 40,
        "{} {}",
        tally.failed,
        tally.cut
    );
}
