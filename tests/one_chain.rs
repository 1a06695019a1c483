//! One device, one chain (issue 27, findings 3, 5 and 6): a copied,
//! rewritten, impersonating or conflicting log and a forged second
//! declaration, each reproduced as the finding was written, through the
//! real binary, and what a person then sees: `verify` fails naming the
//! files, `status`, `list` and `timeline` say what is wrong, and no entry
//! is shown twice. The last test is the window's timeline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use egui::{Key, Modifiers};
use runbook::i18n::Lang;
use runbook::io::log::{self, Line, Record};
use runbook::model::incident::Entry;

use super::log_faults::{BIN, Run, now_arg, plan_path, split_lines, t};
use super::ui_incident::{DEVICE, Room, declare, press, settle, shows};

/// A data folder, with `runbook` run in it as an operator on a device.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `runbook ARGS` as the operator `tester` on `device`.
    fn run_as(&self, device: &str, args: &[String]) -> Run {
        Command::new(BIN)
            .current_dir(self.dir.path())
            .env("RUNBOOK_DATA_DIR", self.data())
            .env("RUNBOOK_DEVICE", device)
            .env("RUNBOOK_OPERATOR", "tester")
            .args(args)
            .output()
            .unwrap()
            .into()
    }

    /// `runbook ARGS` on `lap1`, which must succeed.
    fn ok(&self, args: &[&str]) -> String {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let run = self.run_as("lap1", &args);
        assert_eq!(run.code, Some(0), "runbook {args:?}:\n{}", run.text());
        run.stdout
    }

    /// Declares a drill on `device` at `minute`; returns its folder.
    fn declare(&self, device: &str, minute: i64, title: &str, level: &str) -> PathBuf {
        let mut args: Vec<String> = vec!["incident".into(), "new".into()];
        args.extend(now_arg(minute));
        for a in [
            "--plan",
            &plan_path().display().to_string(),
            "--class",
            "other",
            "--level",
            level,
            "--title",
            title,
            "--drill",
        ] {
            args.push(a.to_owned());
        }
        let run = self.run_as(device, &args);
        assert_eq!(run.code, Some(0), "{}", run.text());
        PathBuf::from(
            run.stdout
                .lines()
                .find_map(|l| l.strip_prefix("folder: "))
                .unwrap(),
        )
    }

    /// A note on `device` at `minute`.
    fn note(&self, device: &str, minute: i64, incident: &Path, text: &str) {
        let mut args: Vec<String> = vec!["incident".into(), "note".into()];
        args.extend(now_arg(minute));
        args.extend([incident.display().to_string(), text.to_owned()]);
        let run = self.run_as(device, &args);
        assert_eq!(run.code, Some(0), "{}", run.text());
    }

    fn verify(&self, path: &Path, head: Option<&str>) -> Run {
        let mut args = vec!["verify".to_owned(), path.display().to_string()];
        if let Some(h) = head {
            args.extend(["--head".to_owned(), h.to_owned()]);
        }
        self.run_as("lap1", &args)
    }

    fn timeline(&self, incident: &Path) -> String {
        self.ok(&["incident", "timeline", &incident.display().to_string()])
    }

    fn status(&self, incident: &Path) -> String {
        self.ok(&["incident", "status", &incident.display().to_string()])
    }
}

/// A drill on `lap1` with two notes: the folder and its log.
fn drill_with_notes(desk: &Desk) -> (PathBuf, PathBuf) {
    let incident = desk.declare("lap1", 0, "drill one", "IV");
    desk.note("lap1", 1, &incident, "first note");
    desk.note("lap1", 2, &incident, "second note");
    let log = incident.join("log-lap1.jsonl");
    assert!(log.is_file());
    (incident, log)
}

/// The last line's hash: the head `runbook` shows after a command.
fn head_of(log: &Path) -> String {
    let scan = log::read(log).unwrap();
    scan.last().unwrap().hash.clone()
}

/// Rewrites a log line by line through `change`, and re-hashes every line,
/// as someone who knows the format would: the chain checks out.
fn rewrite(path: &Path, change: impl Fn(Record) -> Record) {
    let mut out = Vec::new();
    let mut prev = log::GENESIS.to_owned();
    for raw in split_lines(&fs::read(path).unwrap()) {
        let line: Line = serde_json::from_slice(&raw).unwrap();
        let (bytes, hash) = log::format_line(line.seq, &prev, &change(line.record));
        out.extend(bytes);
        prev = hash;
    }
    fs::write(path, out).unwrap();
}

/// The lines of `text` that contain `what`.
fn lines_with<'a>(text: &'a str, what: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.contains(what)).collect()
}

// ---------------------------------------------------------- finding 3

/// Finding 3: `cp log-lap1.jsonl log-zz.jsonl`. Verify said OK for both
/// files, `--head` FOUND in the copy, and the timeline showed every entry
/// twice.
#[test]
fn a_copied_log_fails_verify_and_never_doubles_the_timeline() {
    let desk = Desk::new();
    let (incident, log) = drill_with_notes(&desk);
    let head = head_of(&log);
    fs::copy(&log, incident.join("log-zz.jsonl")).unwrap();

    let v = desk.verify(&incident, None);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        !v.stdout.contains(": OK"),
        "neither file checks out: {}",
        v.text()
    );
    let copy = lines_with(&v.stdout, "holds the same 9 lines");
    assert_eq!(copy.len(), 1, "{}", v.text());
    assert!(
        copy[0].contains("log-lap1.jsonl") && copy[0].contains("log-zz.jsonl"),
        "the finding names both files: {}",
        v.text()
    );
    assert!(
        v.stdout
            .lines()
            .any(|l| l.contains("log-zz.jsonl: BAD at line 1")
                && l.contains("names the device lap1")),
        "the copy's name is not its device's: {}",
        v.text()
    );

    let v = desk.verify(&incident, Some(&head[..16]));
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        !v.stdout.contains("FOUND: line"),
        "not plain FOUND: {}",
        v.text()
    );
    assert!(
        lines_with(&v.stdout, "FOUND IN A COPY OR FORK: line 9 of")
            .iter()
            .any(|l| l.contains("log-zz.jsonl")),
        "{}",
        v.text()
    );

    let timeline = desk.timeline(&incident);
    for entry in ["drill declared", "first note", "second note"] {
        assert_eq!(
            lines_with(&timeline, entry).len(),
            1,
            "{entry} is shown once: {timeline}"
        );
    }
    assert!(
        lines_with(&timeline, "! ")
            .iter()
            .any(|l| l.contains("log-lap1.jsonl and")
                && l.contains("log-zz.jsonl hold the same 9 lines")),
        "the timeline says why: {timeline}"
    );
    let status = desk.status(&incident);
    assert!(
        status.contains("log-zz.jsonl hold the same 9 lines"),
        "{status}"
    );
    let list = desk.ok(&["incident", "list"]);
    assert!(
        list.contains("  ! ") && list.contains("log-zz.jsonl hold the same 9 lines"),
        "{list}"
    );
}

/// Finding 3, second way: copy the log aside, then edit the original and
/// re-hash it. Verify said OK for both, and the head written down before
/// the edit was FOUND, in the copy only.
#[test]
fn a_rewritten_log_beside_its_old_copy_is_a_fork_and_its_old_head_is_in_a_copy() {
    let desk = Desk::new();
    let (incident, log) = drill_with_notes(&desk);
    let head = head_of(&log);
    fs::copy(&log, incident.join("log-zz.jsonl")).unwrap();
    // Line 5 is the first note.
    rewrite(&log, |record| match record {
        Record::Event { mut entry } => {
            if let runbook::model::incident::Event::Note { text, .. } = &mut entry.event
                && text == "first note"
            {
                *text = "nothing happened".to_owned();
            }
            Record::Event { entry }
        }
        other => other,
    });
    // The rewritten log's own chain checks out (the chain has no key), but
    // verifying it names the copy it parts from.
    let alone = desk.verify(&log, None);
    assert_eq!(alone.code, Some(1), "{}", alone.text());
    assert!(
        alone.stdout.contains("part after line 4"),
        "{}",
        alone.text()
    );
    let v = desk.verify(&incident, None);
    assert_eq!(v.code, Some(1), "{}", v.text());
    let fork = lines_with(&v.stdout, "begins with the same 4 lines as");
    assert_eq!(fork.len(), 1, "{}", v.text());
    assert!(
        fork[0].contains("log-lap1.jsonl") && fork[0].contains("log-zz.jsonl"),
        "{}",
        v.text()
    );
    assert!(fork[0].contains("part after line 4"), "{}", v.text());

    let v = desk.verify(&incident, Some(&head[..16]));
    assert_eq!(v.code, Some(1), "{}", v.text());
    let found = lines_with(&v.stdout, "FOUND");
    assert_eq!(
        found.len(),
        1,
        "only the copy holds the old head: {}",
        v.text()
    );
    assert!(
        found[0].contains("FOUND IN A COPY OR FORK: line 9 of")
            && found[0].contains("log-zz.jsonl")
            && found[0].contains("shares its chain with")
            && found[0].contains("log-lap1.jsonl"),
        "{}",
        v.text()
    );

    // Both versions of the edited entry are evidence; the others once.
    let timeline = desk.timeline(&incident);
    assert_eq!(lines_with(&timeline, "first note").len(), 1, "{timeline}");
    assert_eq!(
        lines_with(&timeline, "nothing happened").len(),
        1,
        "{timeline}"
    );
    assert_eq!(lines_with(&timeline, "second note").len(), 1, "{timeline}");
    assert_eq!(
        lines_with(&timeline, "drill declared").len(),
        1,
        "{timeline}"
    );
    assert!(
        timeline.contains("begin with the same 4 lines and part after line 4"),
        "{timeline}"
    );
}

/// Finding 3, third way: `log-evil.jsonl`, opened as the device `evil`,
/// whose entries say they are `lap1`'s. It showed as `[tester@lap1]` and
/// verified OK.
#[test]
fn a_log_whose_entries_name_another_device_is_marked_and_fails_verify() {
    let desk = Desk::new();
    let (incident, _) = drill_with_notes(&desk);
    desk.note("evil", 3, &incident, "all clear, stand down");
    let evil = incident.join("log-evil.jsonl");
    rewrite(&evil, |record| match record {
        Record::Event { entry } => Record::Event {
            entry: Entry {
                device: "lap1".into(),
                ..entry
            },
        },
        other => other,
    });

    let v = desk.verify(&incident, None);
    assert_eq!(v.code, Some(1), "{}", v.text());
    let claim = lines_with(&v.stdout, "log-evil.jsonl: BAD at line 2");
    assert_eq!(claim.len(), 1, "{}", v.text());
    assert!(
        claim[0].contains("names the device lap1") && claim[0].contains("opened by evil"),
        "{}",
        v.text()
    );
    assert!(
        v.stdout.lines().any(|l| l.contains("log-lap1.jsonl: OK")),
        "lap1's own log checks out: {}",
        v.text()
    );

    let timeline = desk.timeline(&incident);
    let forged = lines_with(&timeline, "all clear, stand down");
    assert_eq!(forged.len(), 1, "kept, once: {timeline}");
    assert!(
        forged[0].contains("(in another device's log)") && forged[0].contains("[tester@lap1]"),
        "{timeline}"
    );
    let genuine = lines_with(&timeline, "second note");
    assert!(!genuine[0].contains("another device"), "{timeline}");
    assert!(
        timeline.contains("log-evil.jsonl was opened by the device evil, but 1 of its entries names another device (lap1)"),
        "{timeline}"
    );
    let status = desk.status(&incident);
    assert!(
        status.contains("log-evil.jsonl was opened by the device evil"),
        "{status}"
    );
}

// ---------------------------------------------------------- finding 5

/// Finding 5: a second declaration, written earlier by another device's
/// clock, is put in the folder. `status` and `list` showed its title and
/// level with no word of the other; only `verify` said "2 declarations".
#[test]
fn a_forged_second_declaration_is_never_adopted_silently() {
    let desk = Desk::new();
    let (incident, _) = drill_with_notes(&desk);
    let other = desk.declare("evil", -5, "forged", "I");
    fs::rename(
        other.join("log-evil.jsonl"),
        incident.join("log-evil.jsonl"),
    )
    .unwrap();
    fs::remove_dir_all(&other).unwrap();

    let status = desk.status(&incident);
    let said = lines_with(&status, "the logs hold 2 declarations");
    assert_eq!(said.len(), 1, "{status}");
    assert!(
        said[0].contains("read under the first in the merge, \"forged\" at level I")
            && said[0].contains("on evil in")
            && said[0].contains("log-evil.jsonl")
            && said[0].contains("not used: \"drill one\" at level IV")
            && said[0].contains("log-lap1.jsonl"),
        "which one is used, and that another exists: {status}"
    );
    let list = desk.ok(&["incident", "list"]);
    assert!(list.contains("  ! the logs hold 2 declarations"), "{list}");

    let v = desk.verify(&incident, None);
    assert_eq!(v.code, Some(1), "{}", v.text());
    assert!(
        v.stdout.contains("the logs hold 2 declarations"),
        "{}",
        v.text()
    );
    for (file, title) in [
        ("log-evil.jsonl", "\"forged\""),
        ("log-lap1.jsonl", "\"drill one\""),
    ] {
        assert!(
            v.stdout
                .lines()
                .any(|l| l.contains(&format!("{file}: BAD at line 2: a declaration: {title}"))),
            "{file}: {}",
            v.text()
        );
    }
}

// ---------------------------------------------------------- finding 6

/// Finding 6: a Syncthing conflict copy beside the logs. `status` warned,
/// but `verify` said OK and exited 0.
#[test]
fn a_sync_conflict_copy_fails_verify() {
    let desk = Desk::new();
    let (incident, log) = drill_with_notes(&desk);
    let copy = incident.join("log-lap1.sync-conflict-20260301-100500-ABCDEFG.jsonl");
    fs::copy(&log, &copy).unwrap();

    let status = desk.status(&incident);
    assert!(status.contains("is a conflict copy"), "{status}");
    let v = desk.verify(&incident, None);
    assert_eq!(v.code, Some(1), "{}", v.text());
    let said = lines_with(&v.stdout, "BAD: a conflict copy left by a sync engine");
    assert_eq!(said.len(), 1, "{}", v.text());
    assert!(
        said[0].starts_with(&copy.display().to_string()),
        "the line starts with the copy: {}",
        v.text()
    );
    let list = desk.ok(&["incident", "list"]);
    assert!(list.contains("is a conflict copy"), "{list}");
}

// ---------------------------------------------------------- the window

/// The window says so too: a log opened by another device, whose entry
/// claims this one, is named in a notice, and the entry is marked in the
/// timeline.
#[test]
fn the_window_marks_an_entry_in_another_devices_log() {
    let room = Room::new();
    {
        let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
        h.run();
        declare(&mut h, "software", &["slow"], false);
        h.state_mut().finish_incidents();
    }
    let incident = room.incident_dir();
    let plan = fs::read(incident.join("plan.ron")).unwrap();
    let session = log::Session {
        device: "evil".into(),
        machine: None,
        plan_sha256: log::sha256_hex(&plan),
        at: t(0),
    };
    let mut w = log::Writer::create(&incident.join("log-evil.jsonl"), &session, None).unwrap();
    let on_disk = room.on_disk();
    let declared = on_disk.timeline()[0].clone();
    w.append(&Entry {
        recorded_at: declared.recorded_at + chrono::Duration::minutes(1),
        device: DEVICE.into(),
        event: runbook::model::incident::Event::Note {
            text: "stand down, false alarm".into(),
            step: None,
            corrects: None,
        },
        ..declared
    })
    .unwrap();
    w.close(t(0)).unwrap();

    room.hand.advance_minutes(5);
    let mut h = room.app(Lang::En, "tests/data/incident-plan.ron");
    h.run();
    press(&mut h, Key::Enter);
    settle(&mut h);
    assert!(
        shows(
            &h,
            "was opened by the device evil, but 1 of its entries names another device"
        ),
        "the notice names the log"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert!(shows(&h, "stand down, false alarm"));
    assert!(shows(&h, "in another device's log"));
    h.state_mut().finish_incidents();
}
