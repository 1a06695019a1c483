//! Several laptops, one incident folder, no server: separate processes with
//! their own device names, data folders and skewed clocks (`--now`), and
//! folders that meet late or half-copied, as a sync engine leaves them.
//!
//! What a user checks: every laptop shows the same timeline, the
//! declaration first, every entry once, in the order things were done
//! whatever the clocks say; `runbook verify` passes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{SecondsFormat, TimeDelta};
use runbook::io::incident_dir;
use runbook::model::ids::LevelId;
use runbook::model::incident::{Action, Event, Incident};
use runbook::service::OpenIncident;

use super::log_faults::{BIN, Run, declaration, plan_path, split_lines, t};

/// One laptop: its name, its own data folder and computer, and how far its
/// clock is off, in minutes.
struct Laptop {
    name: &'static str,
    data: PathBuf,
    skew: i64,
}

impl Laptop {
    fn new(root: &Path, name: &'static str, skew: i64) -> Self {
        let data = root.join(format!("data-{name}"));
        fs::create_dir_all(&data).unwrap();
        Self { name, data, skew }
    }

    /// Runs `runbook incident <args…>` at real minute `minute`, as this
    /// laptop's clock shows it.
    fn run(&self, minute: i64, args: &[&str]) -> Run {
        let now =
            (t(minute) + TimeDelta::minutes(self.skew)).to_rfc3339_opts(SecondsFormat::Secs, true);
        let (first, rest) = args.split_first().unwrap();
        Command::new(BIN)
            .args(["incident", first, "--now", &now])
            .args(rest)
            .env("RUNBOOK_DATA_DIR", &self.data)
            .env("RUNBOOK_DEVICE", self.name)
            .env("RUNBOOK_OPERATOR", format!("op-{}", self.name))
            .env("RUNBOOK_MACHINE_ID", format!("machine-{}", self.name))
            .output()
            .unwrap()
            .into()
    }

    fn ok(&self, minute: i64, args: &[&str]) -> String {
        let r = self.run(minute, args);
        assert_eq!(r.code, Some(0), "{} {args:?}: {}", self.name, r.text());
        r.stdout
    }
}

fn declare(a: &Laptop) -> PathBuf {
    let plan = plan_path().display().to_string();
    let out = a.ok(
        0,
        &[
            "new", "--plan", &plan, "--class", "other", "--level", "II", "--title", "drill",
            "--drill",
        ],
    );
    PathBuf::from(
        out.lines()
            .find_map(|l| l.strip_prefix("folder: "))
            .unwrap(),
    )
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// The timeline as a laptop's terminal shows it.
fn timeline(l: &Laptop, minute: i64, dir: &Path) -> String {
    l.ok(minute, &["timeline", &path(dir)])
}

#[test]
fn a_laptop_with_a_slow_clock_does_not_break_the_incident() {
    let root = tempfile::tempdir().unwrap();
    let a = Laptop::new(root.path(), "laptop-a", 0);
    let b = Laptop::new(root.path(), "laptop-b", -4);
    let dir = declare(&a);
    let joined = b.ok(1, &["join", &path(&dir)]);
    assert!(
        joined.contains("joined") && joined.contains("laptop-b"),
        "{joined}"
    );
    b.ok(1, &["note", &path(&dir), "from the slow laptop"]);
    for l in [&a, &b] {
        let status = l.ok(2, &["status", &path(&dir)]);
        assert!(
            status.contains("appears at least 3 min behind laptop-a"),
            "{}: the skew is said: {status}",
            l.name
        );
        let text = timeline(l, 2, &dir);
        let first = text.lines().find(|l| l.starts_with("#1")).unwrap();
        assert!(first.contains("declared"), "{text}");
        let list = l.ok(2, &["list"]);
        assert!(!list.contains("no readable declaration"), "{list}");
    }
    // The joined folder is found by its name on the laptop that joined it.
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    b.ok(3, &["note", &name, "by name"]);
    assert_eq!(timeline(&a, 4, &dir), timeline(&b, 4, &dir));
    let v = Command::new(BIN).arg("verify").arg(&dir).output().unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
}

#[test]
fn decisions_come_out_in_the_order_they_were_made() {
    let root = tempfile::tempdir().unwrap();
    let a = Laptop::new(root.path(), "laptop-a", 0);
    let b = Laptop::new(root.path(), "laptop-b", 10);
    let dir = declare(&a);
    b.ok(1, &["join", &path(&dir)]);
    // B, ten minutes fast, raises to I at 10:01; A then lowers to III.
    b.ok(1, &["level", &path(&dir), "I", "--reason", "exam hit"]);
    a.ok(
        5,
        &["level", &path(&dir), "III", "--reason", "exam rescheduled"],
    );
    for l in [&a, &b] {
        let status = l.ok(6, &["status", &path(&dir)]);
        assert!(status.contains("level III"), "{}: {status}", l.name);
        assert!(
            !status.contains("changed the level"),
            "one after the other is no conflict: {status}"
        );
        let text = timeline(l, 6, &dir);
        let raise = text.find("II → I:").unwrap();
        let lower = text.find("I → III:").unwrap();
        assert!(raise < lower, "{text}");
    }
}

#[test]
fn three_laptops_with_skewed_clocks_agree_on_one_timeline() {
    let root = tempfile::tempdir().unwrap();
    let laptops = [
        Laptop::new(root.path(), "laptop-a", 0),
        Laptop::new(root.path(), "laptop-b", -10),
        Laptop::new(root.path(), "laptop-c", 10),
    ];
    let dir = declare(&laptops[0]);
    for l in &laptops[1..] {
        l.ok(1, &["join", &path(&dir)]);
    }
    // Interleaved at random (a fixed seed), one after the other.
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut said = Vec::new();
    for i in 0..24 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let l = &laptops[usize::try_from(seed % 3).unwrap()];
        let text = format!("note {i} from {}", l.name);
        l.ok(2 + i, &["note", &path(&dir), &text]);
        said.push(text);
    }
    let seen: Vec<String> = laptops.iter().map(|l| timeline(l, 40, &dir)).collect();
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
    let text = &seen[0];
    assert!(
        text.lines()
            .find(|l| l.starts_with("#1"))
            .unwrap()
            .contains("declared")
    );
    let order: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split("note: ").nth(1))
        .collect();
    assert_eq!(
        order, said,
        "the order things were done, whatever the clocks say"
    );
    let v = Command::new(BIN).arg("verify").arg(&dir).output().unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
}

#[test]
fn a_second_computer_with_the_same_device_name_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let a = Laptop::new(root.path(), "laptop-a", 0);
    let dir = declare(&a);
    let before: Vec<String> = files(&dir);
    // Another computer, also called laptop-a.
    let r = Command::new(BIN)
        .args(["incident", "join"])
        .arg(&dir)
        .env("RUNBOOK_DATA_DIR", root.path().join("data-other"))
        .env("RUNBOOK_DEVICE", "laptop-a")
        .env("RUNBOOK_MACHINE_ID", "another-computer")
        .output()
        .unwrap();
    let r: Run = r.into();
    assert_eq!(r.code, Some(1), "{}", r.text());
    assert!(
        r.text().contains("another computer already writes") && r.text().contains("--device"),
        "{}",
        r.text()
    );
    assert_eq!(files(&dir), before, "nothing written");
    let log = dir.join("log-laptop-a.jsonl");
    assert_eq!(split_lines(&fs::read(&log).unwrap()).len(), 3);
}

#[test]
fn a_device_name_that_gives_the_same_file_name_is_refused_naming_both() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data-a");
    let run = |device: &str, machine: &str, args: &[&str]| -> Run {
        Command::new(BIN)
            .args(args)
            .env("RUNBOOK_DATA_DIR", &data)
            .env("RUNBOOK_DEVICE", device)
            .env("RUNBOOK_MACHINE_ID", machine)
            .output()
            .unwrap()
            .into()
    };
    let plan = plan_path().display().to_string();
    let r = run(
        "lap1.2",
        "computer-one",
        &[
            "incident", "new", "--plan", &plan, "--class", "other", "--level", "II", "--title",
            "clash", "--drill",
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.text());
    // lap1+2 and lap1.2 both write log-lap1-2.jsonl.
    let r = run(
        "lap1+2",
        "computer-two",
        &["incident", "note", "other", "mine"],
    );
    assert_eq!(r.code, Some(1), "{}", r.text());
    assert!(
        r.text().contains(r#"as the device "lap1.2""#) && r.text().contains(r#""lap1+2""#),
        "the other computer's name is the one that writes there: {}",
        r.text()
    );
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ------------------------------------------- a sync engine, simulated

/// Copies `from`'s log files of `writer` into `to`, each cut at a
/// pseudo-random byte (a file being synced), or whole.
fn sync(from: &Path, to: &Path, writer: &str, cut: Option<u64>) {
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with(&format!("log-{writer}")) {
            continue;
        }
        let bytes = fs::read(&p).unwrap();
        // A synced file only grows: a share shows it mid-append, never
        // shorter than it was.
        let had = fs::metadata(to.join(&name)).map_or(0, |m| usize::try_from(m.len()).unwrap());
        let keep = cut.map_or(bytes.len(), |c| {
            (usize::try_from(c).unwrap() % (bytes.len() + 1)).max(had)
        });
        fs::write(to.join(&name), &bytes[..keep]).unwrap();
    }
}

fn state(dir: &Path) -> (Incident, Vec<String>) {
    let (entries, _) = incident_dir::read_entries(dir).unwrap();
    let notes = entries
        .iter()
        .map(|e| match &e.event {
            Event::Note { text, .. } => text.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    (Incident::replay(&entries).unwrap(), notes)
}

#[test]
fn folders_that_meet_late_and_half_copied_converge() {
    for seed in [1_u64, 7, 42] {
        let root = tempfile::tempdir().unwrap();
        let plan = fs::read(plan_path()).unwrap();
        let open = OpenIncident::declare(
            &root.path().join("a"),
            &plan,
            declaration(),
            "ann",
            "laptop-a",
            t(0),
        )
        .unwrap();
        let dir_a = open.dir().to_owned();
        open.finish(t(0)).unwrap();
        // B's copy of the folder, which meets A's only now and then.
        let dir_b = root.path().join("b");
        fs::create_dir_all(&dir_b).unwrap();
        for e in fs::read_dir(&dir_a).unwrap() {
            let p = e.unwrap().path();
            fs::copy(&p, dir_b.join(p.file_name().unwrap())).unwrap();
        }
        let mut rng = seed;
        let mut next = || {
            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            rng >> 33
        };
        for i in 1..=16_i64 {
            let (dir, me, skew) = if next() % 2 == 0 {
                (&dir_a, "laptop-a", 0)
            } else {
                (&dir_b, "laptop-b", -7)
            };
            let mut open = OpenIncident::open(dir, me, t(i + skew)).unwrap();
            let action = if i % 5 == 0 {
                Action::ChangeLevel {
                    to: LevelId::new(if open.incident().level().as_str() == "I" {
                        "III"
                    } else {
                        "I"
                    }),
                    reason: format!("{me} {i}"),
                }
            } else {
                Action::Note {
                    text: format!("{me} {i}"),
                    step: None,
                    corrects: None,
                }
            };
            open.record(action, me, None, t(i + skew)).unwrap();
            open.finish(t(i + skew)).unwrap();
            // Now and then the sync engine copies a file, maybe half of it;
            // reading a half-copied folder never fails.
            match next() % 4 {
                0 => sync(&dir_a, &dir_b, "laptop-a", Some(next())),
                1 => sync(&dir_b, &dir_a, "laptop-b", Some(next())),
                2 => sync(&dir_a, &dir_b, "laptop-a", None),
                _ => {}
            }
            let _ = state(&dir_a);
            let _ = state(&dir_b);
        }
        // The link comes back: every file whole on both sides.
        sync(&dir_a, &dir_b, "laptop-a", None);
        sync(&dir_b, &dir_a, "laptop-b", None);
        let (state_a, notes_a) = state(&dir_a);
        let (state_b, notes_b) = state(&dir_b);
        assert_eq!(notes_a, notes_b, "seed {seed}: one timeline");
        assert_eq!(state_a, state_b, "seed {seed}: one state");
        assert_eq!(notes_a.len(), 17, "seed {seed}: every entry once");
    }
}
