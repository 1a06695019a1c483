//! The incident log under attack and accident: each finding of the
//! hardening review as a test that failed before its fix, the damage
//! matrix, and a property test of crashes and damage.
//!
//! What a user would check: the state the tools show after damage, what
//! `runbook verify` says, which bytes are on disk after a refused command.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use proptest::prelude::*;
use runbook::io::incident_dir;
use runbook::io::log::{self, Record, Session, Writer};
use runbook::model::ids::{LevelId, StepId};
use runbook::model::incident::{Action, Entry, Event, Incident, StepStatus};
use runbook::service::OpenIncident;

use super::log_faults::{
    BIN, DEVICE, Run, declaration, declare_cli, log_of, note_args, now_arg, plan_path, runbook_in,
    split_lines, t, verify_cli, verify_head_cli,
};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// `runbook incident <cmd> --now <minute> <incident> <rest…>`.
fn act_args(cmd: &str, minute: i64, incident: &Path, rest: &[&str]) -> Vec<String> {
    let mut a = args(&["incident", cmd]);
    a.extend(now_arg(minute));
    a.push(incident.display().to_string());
    a.extend(args(rest));
    a
}

/// Changes one byte in the middle of line `line` (from 1) of a file.
fn damage_line(path: &Path, line: usize) -> Vec<u8> {
    let mut lines = split_lines(&fs::read(path).unwrap());
    let l = &mut lines[line - 1];
    let at = l.len() / 2;
    l[at] = if l[at] == b'7' { b'8' } else { b'7' };
    let bytes = lines.concat();
    fs::write(path, &bytes).unwrap();
    bytes
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// --------------------------------------------- 1. damage hides nothing

#[test]
fn one_damaged_byte_hides_nothing_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    let run = |a: Vec<String>| {
        let r = runbook_in(&data, &cwd, &a);
        assert_eq!(r.code, Some(0), "{a:?}: {}", r.text());
        r
    };
    // Each command is a session of three lines: opened, the event, closed.
    run(act_args(
        "level",
        1,
        &incident,
        &["I", "--reason", "all down"],
    ));
    run(note_args(2, &incident, "first note"));
    run(note_args(3, &incident, "second note"));
    run(act_args(
        "close",
        4,
        &incident,
        &["--summary", "fixed", "--yes"],
    ));
    // Line 8 is the first note.
    let log = log_of(&incident);
    assert!(
        String::from_utf8_lossy(&split_lines(&fs::read(&log).unwrap())[7]).contains("first note")
    );
    damage_line(&log, 8);

    let status = run(args(&[
        "incident",
        "status",
        &incident.display().to_string(),
    ]));
    assert!(
        status.stdout.contains("closed") && status.stdout.contains("level I"),
        "the state folds every intact line, after the damage too: {}",
        status.text()
    );
    assert!(
        status.stdout.contains("damaged at line 8"),
        "the damage is said, with where: {}",
        status.text()
    );
    let timeline = run(args(&[
        "incident",
        "timeline",
        &incident.display().to_string(),
    ]));
    let text = &timeline.stdout;
    assert!(!text.contains("first note"), "{text}");
    let second = text.lines().find(|l| l.contains("second note")).unwrap();
    assert!(
        second.contains("(after damage)"),
        "an entry after the damage is marked: {text}"
    );
    let level = text.lines().find(|l| l.contains("all down")).unwrap();
    assert!(!level.contains("(after damage)"), "{text}");

    // The incident is closed: an action against it is refused, not taken
    // against a state that forgot the close.
    let refused = runbook_in(
        &data,
        &cwd,
        &act_args("level", 5, &incident, &["II", "--reason", "x"]),
    );
    assert_eq!(refused.code, Some(1), "{}", refused.text());
    assert!(refused.text().contains("closed"), "{}", refused.text());
}

/// The damage matrix: one byte changed in each line of a 50-line log; the
/// state read is the state of the other 49 lines.
#[test]
fn the_damage_matrix_folds_exactly_the_good_lines() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let plan = fs::read(plan_path()).unwrap();
    let mut open =
        OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap();
    // Opened + declared, then 48 varied entries: 50 lines, no closing record.
    for i in 1..=48_i64 {
        let action = match i % 4 {
            0 => Action::SetStep {
                step: StepId::new("fix"),
                status: if i % 8 == 0 {
                    StepStatus::Done
                } else {
                    StepStatus::Deferred
                },
            },
            1 => Action::ChangeLevel {
                to: LevelId::new(if i % 8 == 1 { "II" } else { "III" }),
                reason: format!("reason {i}"),
            },
            _ => Action::Note {
                text: format!("note {i}"),
                step: None,
                corrects: None,
            },
        };
        open.record(action, "alex", None, t(i)).unwrap();
    }
    let folder = open.dir().to_owned();
    drop(open);
    let path = log_of(&folder);
    let good = fs::read(&path).unwrap();
    let lines = split_lines(&good);
    assert_eq!(lines.len(), 50);
    let entry_of = |line: &[u8]| match log::check_self(line.strip_suffix(b"\n").unwrap()) {
        Ok(log::Line {
            record: Record::Event { entry },
            ..
        }) => Some(entry),
        _ => None,
    };
    for n in 1..=50 {
        fs::write(&path, &good).unwrap();
        damage_line(&path, n);
        let expected: Vec<Entry> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| i + 1 != n)
            .filter_map(|(_, l)| entry_of(l))
            .collect();
        let (entries, notices) = incident_dir::read_entries(&folder).unwrap();
        assert_eq!(entries, expected, "line {n} damaged");
        assert_eq!(
            Incident::replay(&entries),
            Incident::replay(&expected),
            "line {n} damaged: the fold is the fold of the good lines"
        );
        assert!(
            notices.iter().any(|n2| matches!(
                n2,
                incident_dir::Notice::Damaged { bad, .. } if bad.iter().map(|b| b.0).eq([n as u64])
            )),
            "line {n}: {notices:?}"
        );
    }
}

// ------------------------------- 2. repair does not launder tampering

#[test]
fn a_complete_bad_last_line_is_damage_never_cut_and_the_log_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    let ok = runbook_in(&data, &cwd, &note_args(1, &incident, "a note"));
    assert_eq!(ok.code, Some(0), "{}", ok.text());
    let log = log_of(&incident);
    // Line 6 is the last: the closing record of the note's session.
    let tampered = damage_line(&log, 6);

    // A refused command touches nothing.
    let refused = runbook_in(
        &data,
        &cwd,
        &act_args("step", 2, &incident, &["nosuch", "--done"]),
    );
    assert_eq!(refused.code, Some(1), "{}", refused.text());
    assert_eq!(fs::read(&log).unwrap(), tampered);
    assert_eq!(
        files_in(&incident),
        [format!("log-{DEVICE}.jsonl"), "plan.ron".into()]
    );

    // An accepted one keeps the damaged file as it is and moves on.
    let ok = runbook_in(&data, &cwd, &note_args(3, &incident, "after"));
    assert_eq!(ok.code, Some(0), "{}", ok.text());
    assert_eq!(fs::read(&log).unwrap(), tampered, "never cut as a crash");
    assert!(incident.join(format!("log-{DEVICE}.2.jsonl")).is_file());
    assert!(!files_in(&incident).iter().any(|f| f.contains(".torn-")));
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(v.stdout.contains(": BAD at line 6: "), "{}", v.text());
}

#[test]
fn verify_reports_every_repair_and_what_it_cut() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    let log = log_of(&incident);
    let note = |minute: i64, text: &str| {
        let r = runbook_in(&data, &cwd, &note_args(minute, &incident, text));
        assert_eq!(r.code, Some(0), "{}", r.text());
    };
    // A crash's torn tail: half a line.
    let mut bytes = fs::read(&log).unwrap();
    bytes.extend_from_slice(br#"{"seq":4,"prev":"ab"#);
    fs::write(&log, &bytes).unwrap();
    note(1, "after the crash");
    let v = verify_cli(&incident);
    assert_eq!(
        v.code,
        Some(0),
        "a crash's repair is no fault: {}",
        v.text()
    );
    assert!(
        v.stdout.contains(": REPAIRED at line 4: ")
            && v.stdout.contains(".torn-1")
            && v.stdout.contains("its 19 bytes were cut"),
        "{}",
        v.text()
    );

    // The newline of a whole last line removed: reopening cuts it as torn,
    // and verify says no crash leaves that.
    let mut bytes = fs::read(&log).unwrap();
    assert_eq!(bytes.pop(), Some(b'\n'));
    fs::write(&log, &bytes).unwrap();
    note(2, "after the cut");
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout.contains("a whole line that checks out by itself"),
        "{}",
        v.text()
    );
}

// ------------------------------------------------------ 3. links

/// A path relative to the current folder, to the same place as `abs`.
fn relative_to_cwd(abs: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap();
    let up = cwd.components().count() - 1;
    let mut rel = PathBuf::new();
    for _ in 0..up {
        rel.push("..");
    }
    rel.join(abs.strip_prefix("/").unwrap())
}

#[test]
fn links_between_files_survive_a_relative_data_folder_and_a_move() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().canonicalize().unwrap();
    let data = relative_to_cwd(&base.join("data"));
    let plan = fs::read(plan_path()).unwrap();
    let mut open =
        OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap();
    let name = open.dir().file_name().unwrap().to_owned();
    let rescue = data.join("rescue").join(&name);
    open.continue_in(&rescue, t(1)).unwrap();
    open.record(
        Action::Note {
            text: "in the rescue folder".into(),
            step: None,
            corrects: None,
        },
        "alex",
        None,
        t(2),
    )
    .unwrap();
    open.finish(t(3)).unwrap();

    // The whole data folder moves (copied to another machine for review).
    let moved = base.join("moved");
    fs::create_dir(&moved).unwrap();
    fs::rename(base.join("data"), moved.join("data")).unwrap();
    let rescue = moved.join("data/rescue").join(&name);
    let (entries, notices) = incident_dir::read_entries(&rescue).unwrap();
    assert!(
        matches!(entries.first().map(|e| &e.event), Some(Event::Declared(..))),
        "the rescue folder reads from the declaration, in the folder it continues: {notices:?}"
    );
    assert_eq!(entries.len(), 2);
    let v = verify_cli(&rescue);
    assert_eq!(v.code, Some(0), "{}", v.text());
    assert!(v.stdout.contains("that line is there"), "{}", v.text());
}

// ------------------------------------------------------ 4. times

#[test]
fn absurd_times_are_refused_and_earlier_ones_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    let log = log_of(&incident);
    let before = fs::read(&log).unwrap();
    let note_at = |at: &str, extra: &[&str]| {
        let mut a = note_args(5, &incident, "late");
        a.extend(args(&["--at", at]));
        a.extend(args(extra));
        runbook_in(&data, &cwd, &a)
    };
    for (at, says) in [
        ("2999-01-01T00:00:00Z", "in the future"),
        ("0001-01-01T00:00:00Z", "before the year 2000"),
        ("2026-03-01T09:00:00Z", "before the incident was discovered"),
    ] {
        let r = note_at(at, &[]);
        assert_eq!(r.code, Some(1), "{at}: {}", r.text());
        assert!(r.text().contains(says), "{at}: {}", r.text());
        assert_eq!(fs::read(&log).unwrap(), before, "{at}: nothing written");
    }
    let r = note_at("2026-03-01T09:00:00Z", &["--before-discovery"]);
    assert_eq!(r.code, Some(0), "{}", r.text());
    let timeline = runbook_in(
        &data,
        &cwd,
        &args(&["incident", "timeline", &incident.display().to_string()]),
    );
    assert!(
        timeline.stdout.contains("(happened 2026-03-01 17:00)")
            || timeline.stdout.contains("(happened 03-01 17:00)")
            || timeline.stdout.contains("(happened 2026-03-01 09:00)")
            || timeline.stdout.contains("(happened 03-01 09:00)"),
        "{}",
        timeline.text()
    );
}

// -------------------------------------------------- 8. verify a record

#[test]
fn verify_checks_the_whole_record_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    // A second device corrects an entry of the first.
    let other = |a: Vec<String>| {
        let r = super::log_faults::runbook_cmd(&data, &cwd)
            .env("RUNBOOK_DEVICE", "desk-2")
            .args(&a)
            .output()
            .unwrap();
        let r: Run = r.into();
        assert_eq!(r.code, Some(0), "{}", r.text());
    };
    let r = runbook_in(&data, &cwd, &note_args(1, &incident, "typo hree"));
    assert_eq!(r.code, Some(0), "{}", r.text());
    other(act_args(
        "note",
        2,
        &incident,
        &["three", "--corrects", "#2"],
    ));
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(0), "{}", v.text());
    assert!(
        v.stdout
            .contains("OK: the whole record checks out: 2 files, 3 writing sessions"),
        "{}",
        v.text()
    );

    let first = log_of(&incident);
    let kept = fs::read(&first).unwrap();
    // The whole log of the first device deleted: its declaration and the
    // entry the second device corrects are missing.
    fs::remove_file(&first).unwrap();
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout.contains("no log holds the declaration"),
        "{}",
        v.text()
    );
    assert!(
        v.stdout.contains("a log of desk-1 may be missing"),
        "{}",
        v.text()
    );
    // The second device's entries say they had seen the first device's.
    assert!(
        v.stdout.contains(
            "entries of desk-1, but the logs here hold 0: a log of desk-1 is missing, or was cut"
        ),
        "{}",
        v.text()
    );
    fs::write(&first, &kept).unwrap();

    // The pinned plan changed after the fact.
    let plan = incident.join("plan.ron");
    let pinned = fs::read(&plan).unwrap();
    fs::write(&plan, [pinned.as_slice(), b"\n"].concat()).unwrap();
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(v.stdout.contains("another plan"), "{}", v.text());
    fs::write(&plan, &pinned).unwrap();

    // A continuation whose origin is gone.
    let cont = incident.join(format!("log-{DEVICE}.2.jsonl"));
    let session = Session {
        device: DEVICE.into(),
        machine: None,
        plan_sha256: log::sha256_hex(&pinned),
        at: t(9),
    };
    let w = Writer::create(
        &cont,
        &session,
        Some(log::Continuation {
            file: "log-gone.jsonl".into(),
            last_seq: 3,
            last_hash: log::GENESIS.into(),
            reason: "test".into(),
        }),
    )
    .unwrap();
    w.close(t(9)).unwrap();
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout.contains("log-gone.jsonl, which is missing"),
        "{}",
        v.text()
    );
}

/// What `verify` says of one log, line by line: where a head written down
/// is and how much follows it, the intact lines after a damaged one, and a
/// torn last line, each at its line and byte.
#[test]
fn verify_says_where_a_head_damage_and_a_torn_tail_are() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    for minute in 1..=3 {
        let r = runbook_in(&data, &cwd, &note_args(minute, &incident, "a note"));
        assert_eq!(r.code, Some(0), "{}", r.text());
    }
    let path = log_of(&incident);
    let lines = split_lines(&fs::read(&path).unwrap());
    let n = lines.len();
    assert!(n >= 10, "{n} lines");
    let fifth = log::check_self(lines[4].strip_suffix(b"\n").unwrap())
        .unwrap()
        .hash;
    let head = |prefix: &str| verify_head_cli(&path, prefix);
    let v = head(&fifth[..16]);
    assert_eq!(v.code, Some(0), "{}", v.text());
    assert!(
        v.stdout.contains(&format!(
            "head {}: FOUND: line 5 of {}, {} lines follow it; full hash {fifth}",
            &fifth[..16],
            path.display(),
            n - 5
        )),
        "{}",
        v.text()
    );

    damage_line(&path, 8);
    let v = verify_cli(&path);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout.contains(&format!(
            "NOTE: {} intact lines after the damage (lines 9–{n}) are read, marked as following damage",
            n - 8
        )),
        "{}",
        v.text()
    );
    // The damaged line does not hide the head before it.
    let v = head(&fifth);
    assert!(v.stdout.contains("FOUND: line 5 of"), "{}", v.text());

    let len = fs::metadata(&path).unwrap().len();
    let mut file = fs::OpenOptions::new().append(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, b"{\"seq\":").unwrap();
    drop(file);
    let v = verify_cli(&path);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout.contains(&format!(
            "BAD at line {}: the last line is incomplete (7 bytes at byte {len})",
            n + 1
        )),
        "{}",
        v.text()
    );

    // A file that is nothing but the start of its first line.
    let only = incident.join("log-torn.jsonl");
    fs::write(&only, b"{\"seq\":1,").unwrap();
    let v = verify_cli(&only);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout
            .contains("BAD: the file holds only an incomplete line (9 bytes)"),
        "{}",
        v.text()
    );
}

#[test]
fn a_head_must_be_sixteen_hex_digits() {
    let out = Command::new(BIN)
        .args(["verify", ".", "--head", "abc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("16 to 64 hexadecimal digits"));
}

// ------------------------------------------------ 9. noise and races

#[test]
fn two_first_notes_from_a_new_device_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cwd) = (dir.path().join("data"), dir.path().to_owned());
    let incident = declare_cli(&data, &cwd);
    for round in 0..10 {
        let device = format!("new-{round}");
        let children: Vec<_> = (0..2)
            .map(|k| {
                super::log_faults::runbook_cmd(&data, &cwd)
                    .env("RUNBOOK_DEVICE", &device)
                    .args(note_args(
                        10 + round,
                        &incident,
                        &format!("race {round} {k}"),
                    ))
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let r: Run = c.wait_with_output().unwrap().into();
            assert_eq!(r.code, Some(0), "round {round}: {}", r.text());
        }
    }
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(0), "{}", v.text());
}

#[test]
fn a_second_writer_waits_for_a_free_log_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let plan = fs::read(plan_path()).unwrap();
    let open = OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap();
    let folder = open.dir().to_owned();
    open.finish(t(1)).unwrap();
    // Every name this device writes under is held by another writer.
    let mut held: Vec<OpenIncident> = Vec::new();
    for _ in 0..9 {
        held.push(OpenIncident::open(&folder, DEVICE, t(2)).unwrap());
    }
    assert!(OpenIncident::open(&folder, DEVICE, t(2)).is_err());
    let told = AtomicUsize::new(0);
    let opened = std::thread::scope(|s| {
        let waiter = s.spawn(|| {
            OpenIncident::open_waiting(&folder, DEVICE, t(3), Duration::from_secs(5), &mut || {
                told.fetch_add(1, Ordering::SeqCst);
            })
        });
        std::thread::sleep(Duration::from_millis(2500));
        for h in held.drain(..) {
            h.finish(t(3)).unwrap();
        }
        waiter.join().unwrap()
    });
    assert!(opened.is_ok(), "{opened:?}");
    assert_eq!(told.load(Ordering::SeqCst), 1, "said once that it waits");
}

// ------------------------------------------------ the property

#[derive(Clone, Debug)]
enum Op {
    /// Record a note; it is acknowledged when `record` returns Ok.
    Note,
    /// The process dies mid-line: some bytes of a line, no newline.
    Crash(usize),
    /// One byte of the file changes, at this fraction of its length.
    Damage(u16),
    /// The session ends cleanly and the incident is opened again.
    Reopen,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => Just(Op::Note),
        1 => (1usize..80).prop_map(Op::Crash),
        1 => any::<u16>().prop_map(Op::Damage),
        1 => Just(Op::Reopen),
    ]
}

/// The entries a file's lines held before a byte of line `at` changed.
fn entries_on_line(bytes: &[u8], at: usize) -> Vec<String> {
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i);
    match log::check_self(&bytes[start..end]) {
        Ok(log::Line {
            record: Record::Event { entry },
            ..
        }) => match entry.event {
            Event::Note { text, .. } => vec![text],
            _ => vec!["(declaration)".into()],
        },
        _ => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random appends, crashes, damage and reopenings never lose an
    /// acknowledged entry that lies on undamaged bytes.
    #[test]
    fn nothing_acknowledged_on_undamaged_bytes_is_lost(ops in prop::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let plan = fs::read(plan_path()).unwrap();
        let mut open = Some(
            OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap(),
        );
        let folder = open.as_ref().unwrap().dir().to_owned();
        let mut acked: Vec<String> = Vec::new();
        let mut damaged: Vec<String> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            let minute = i64::try_from(i).unwrap() + 1;
            if open.is_none() {
                open = Some(OpenIncident::open(&folder, DEVICE, t(minute)).unwrap());
            }
            let inc = open.as_mut().unwrap();
            let current = inc.log().path().unwrap().to_owned();
            match op {
                Op::Note => {
                    let text = format!("note {i}");
                    let action = Action::Note { text: text.clone(), step: None, corrects: None };
                    if inc.record(action, "alex", None, t(minute)).is_ok() {
                        acked.push(text);
                    }
                }
                Op::Crash(n) => {
                    drop(open.take());
                    let mut bytes = fs::read(&current).unwrap();
                    let line = br#"{"seq":99,"prev":"00","record":{"type":"closed","at":"2026-03-01T10:00:00Z"}"#;
                    bytes.extend_from_slice(&line[..(*n).min(line.len())]);
                    fs::write(&current, bytes).unwrap();
                }
                Op::Damage(f) => {
                    drop(open.take());
                    let mut bytes = fs::read(&current).unwrap();
                    let at = bytes.len() * usize::from(*f) / 65536;
                    if bytes[at] != b'\n' {
                        damaged.extend(entries_on_line(&bytes, at));
                        bytes[at] = if bytes[at] ^ 1 == b'\n' { bytes[at] ^ 2 } else { bytes[at] ^ 1 };
                        fs::write(&current, bytes).unwrap();
                    }
                    if damaged.iter().any(|d| d == "(declaration)") {
                        // Without its declaration the incident cannot be opened again.
                        return Ok(());
                    }
                }
                Op::Reopen => {
                    if let Some(o) = open.take() {
                        o.finish(t(minute)).unwrap();
                    }
                }
            }
        }
        drop(open);
        let (entries, _) = incident_dir::read_entries(&folder).unwrap();
        let read: Vec<&str> = entries
            .iter()
            .filter_map(|e| match &e.event {
                Event::Note { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        for text in acked.iter().filter(|t| !damaged.contains(t)) {
            prop_assert!(read.contains(&text.as_str()), "{} lost; read {:?}", text, read);
        }
    }
}
