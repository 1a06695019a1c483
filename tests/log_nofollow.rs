//! Never follow, never block: symbolic links, named pipes and devices where
//! an incident's logs and plan should be (issue 27, findings 4 and 7).
//!
//! Each finding is reproduced as it was reported, through the real binary.
//! A command that would hang runs as a child process with a time limit: if
//! it is still running after [`LIMIT`], it is killed and the test fails,
//! instead of the whole suite hanging.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::log_faults::{
    BIN, DEVICE, Run, declare_cli, log_of, note_args, plan_path, runbook_cmd, verify_cli,
};

/// How long any command here may take. Each finishes in well under a
/// second; the margin is for a loaded machine.
const LIMIT: Duration = Duration::from_secs(20);

/// Runs a command to its end, or kills it after [`LIMIT`] and fails: a
/// command that blocks on a named pipe never ends by itself.
fn bounded(mut cmd: Command, what: &str) -> Run {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap().into();
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let out: Run = child.wait_with_output().unwrap().into();
            panic!(
                "`{what}` was still running after {} s: it blocked; killed. It had said: {}",
                LIMIT.as_secs(),
                out.text()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `runbook ARGS` with the data folder and a device, bounded.
fn runbook_as(data: &Path, cwd: &Path, device: &str, args: &[String]) -> Run {
    let mut cmd = runbook_cmd(data, cwd);
    cmd.env("RUNBOOK_DEVICE", device).args(args);
    bounded(cmd, &args.join(" "))
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// `runbook verify PATH`, bounded.
fn verify_bounded(path: &Path) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(["verify".as_ref(), path.as_os_str()]);
    bounded(cmd, &format!("verify {}", path.display()))
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Two incidents in one data folder, declared by [`DEVICE`].
fn two_incidents(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let data = dir.join("data");
    let a = declare_cli(&data, dir);
    let b = declare_cli(&data, dir);
    assert_ne!(a, b);
    (data, a, b)
}

// ------------------------------------------------ finding 4: links followed

/// Finding 4, first half, as reported: `log-lap2.jsonl` in incident A is a
/// link to incident B's log; lap2's note on A landed in B's log and both
/// verified OK.
#[test]
fn finding_4_a_log_linked_to_another_incidents_log_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let (data, a, b) = two_incidents(dir.path());
    let b_log = log_of(&b);
    let lap2 = a.join("log-lap2.jsonl");
    std::os::unix::fs::symlink(&b_log, &lap2).unwrap();
    let before = fs::read(&b_log).unwrap();

    let run = runbook_as(
        &data,
        dir.path(),
        "lap2",
        &note_args(5, &a, "lap2 writes on A"),
    );
    assert_eq!(run.code, Some(1), "refused: {}", run.text());
    assert!(!run.stdout.contains("saved"), "{}", run.text());
    assert!(
        run.stderr.contains(&lap2.display().to_string())
            && run.stderr.contains("symbolic link")
            && run.stderr.contains("nothing was written"),
        "says plainly what is in the way: {}",
        run.text()
    );
    assert_eq!(fs::read(&b_log).unwrap(), before, "B's log is untouched");
    assert!(is_link(&lap2), "the link is left as it is");

    let vb = verify_bounded(&b);
    assert_eq!(vb.code, Some(0), "B's own record is whole: {}", vb.text());
    let va = verify_bounded(&a);
    assert_eq!(va.code, Some(1), "A holds a link: {}", va.text());
    assert!(
        va.stdout
            .lines()
            .any(|l| l.contains("log-lap2.jsonl: BAD") && l.contains("symbolic link")),
        "verify names the link: {}",
        va.text()
    );

    // Reading A warns and goes on with its real log.
    let status = runbook_as(
        &data,
        dir.path(),
        DEVICE,
        &strings(&["incident", "status", &a.display().to_string()]),
    );
    assert_eq!(status.code, Some(0), "{}", status.text());
    assert!(
        status.stdout.contains("log-lap2.jsonl") && status.stdout.contains("symbolic link"),
        "{}",
        status.text()
    );
    assert!(status.stdout.contains("fault drill"), "{}", status.text());
    // A note by a device whose own log is real goes on, with the warning.
    let note = runbook_as(&data, dir.path(), DEVICE, &note_args(6, &a, "desk note"));
    assert_eq!(note.code, Some(0), "{}", note.text());
    assert!(
        note.stdout.contains("saved: note: desk note"),
        "{}",
        note.text()
    );
    assert!(
        note.stderr.contains("log-lap2.jsonl") && note.stderr.contains("symbolic link"),
        "{}",
        note.text()
    );
    assert_eq!(
        fs::read(&b_log).unwrap(),
        before,
        "B's log is still untouched"
    );
}

/// Finding 4, second half, as reported: a link to an empty file outside
/// the data folder got the log written into that file, with its 0644 mode.
#[test]
fn finding_4_a_log_linked_to_a_file_outside_gets_nothing_and_stays_as_it_was() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let a = declare_cli(&data, dir.path());
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, "").unwrap();
    fs::set_permissions(&outside, fs::Permissions::from_mode(0o644)).unwrap();
    let lap2 = a.join("log-lap2.jsonl");
    std::os::unix::fs::symlink(&outside, &lap2).unwrap();

    let run = runbook_as(&data, dir.path(), "lap2", &note_args(5, &a, "private"));
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stderr.contains("symbolic link") && run.stderr.contains("nothing was written"),
        "{}",
        run.text()
    );
    assert_eq!(fs::read(&outside).unwrap(), b"", "nothing written outside");
    assert_eq!(mode(&outside), 0o644);
    assert!(is_link(&lap2));
    // No other log of lap2's was started in the incident either.
    let names: Vec<String> = fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.iter().filter(|n| n.starts_with("log-lap2")).count(),
        1,
        "{names:?}"
    );
    // Once the link is moved aside, lap2 writes a private log of its own.
    fs::remove_file(&lap2).unwrap();
    let run = runbook_as(&data, dir.path(), "lap2", &note_args(6, &a, "private"));
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert_eq!(mode(&lap2), 0o600, "a log written is owner-only");
    assert_eq!(verify_cli(&a).code, Some(0));
}

/// A regular file that is not ours to write is not written either: one
/// that others may read (a wider mode than runbook creates), and one with
/// a second name elsewhere (a hard link, which a symlink check does not see).
#[test]
fn a_log_others_may_read_or_with_a_second_name_is_not_written() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let a = declare_cli(&data, dir.path());
    let log = log_of(&a);
    fs::set_permissions(&log, fs::Permissions::from_mode(0o644)).unwrap();
    let before = fs::read(&log).unwrap();
    let run = runbook_as(&data, dir.path(), DEVICE, &note_args(5, &a, "exposed"));
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stderr.contains(&log.display().to_string())
            && run.stderr.contains("0644")
            && run.stderr.contains("chmod 600"),
        "{}",
        run.text()
    );
    assert_eq!(fs::read(&log).unwrap(), before);
    assert_eq!(mode(&log), 0o644, "its mode is left as it is");

    // Made private again, it is written.
    fs::set_permissions(&log, fs::Permissions::from_mode(0o600)).unwrap();
    let run = runbook_as(&data, dir.path(), DEVICE, &note_args(6, &a, "private"));
    assert_eq!(run.code, Some(0), "{}", run.text());

    // A second name outside the incident: writing would write there too.
    let other = dir.path().join("elsewhere.jsonl");
    fs::hard_link(&log, &other).unwrap();
    let before = fs::read(&log).unwrap();
    let run = runbook_as(&data, dir.path(), DEVICE, &note_args(7, &a, "linked"));
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stderr.contains("2 names") && run.stderr.contains(&log.display().to_string()),
        "{}",
        run.text()
    );
    assert_eq!(fs::read(&other).unwrap(), before, "nothing written");
}

// ------------------------------------------------ finding 7: a FIFO blocks

/// Finding 7, as reported: `mkfifo log-x.jsonl` in an incident folder made
/// `incident list` (every incident), `status`, `note`, `verify` and
/// `check` block forever. Each now finishes, says what the pipe is, and
/// goes on with the real logs.
#[test]
fn finding_7_a_fifo_named_like_a_log_blocks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (data, a, b) = two_incidents(dir.path());
    let fifo = a.join("log-x.jsonl");
    mkfifo(&fifo);
    let cwd = dir.path();
    let a_arg = a.display().to_string();

    let list = runbook_as(&data, cwd, DEVICE, &strings(&["incident", "list"]));
    assert_eq!(list.code, Some(0), "{}", list.text());
    for incident in [&a, &b] {
        let name = incident.file_name().unwrap().to_string_lossy();
        assert!(
            list.stdout
                .lines()
                .any(|l| l.starts_with(&*name) && l.contains("fault drill")),
            "every incident is listed: {}",
            list.text()
        );
    }
    assert!(
        list.stdout.contains("log-x.jsonl") && list.stdout.contains("named pipe"),
        "the list warns, under the incident's row: {}",
        list.text()
    );

    let status = runbook_as(
        &data,
        cwd,
        DEVICE,
        &strings(&["incident", "status", &a_arg]),
    );
    assert_eq!(status.code, Some(0), "{}", status.text());
    assert!(
        status.stdout.contains("log-x.jsonl") && status.stdout.contains("named pipe"),
        "{}",
        status.text()
    );

    let note = runbook_as(&data, cwd, DEVICE, &note_args(5, &a, "past the pipe"));
    assert_eq!(note.code, Some(0), "{}", note.text());
    assert!(
        note.stdout.contains("saved: note: past the pipe"),
        "{}",
        note.text()
    );
    assert!(note.stderr.contains("named pipe"), "{}", note.text());

    let verify = verify_bounded(&a);
    assert_eq!(verify.code, Some(1), "{}", verify.text());
    assert!(
        verify
            .stdout
            .lines()
            .any(|l| l.contains("log-x.jsonl: BAD") && l.contains("named pipe")),
        "{}",
        verify.text()
    );
    assert!(
        verify
            .stdout
            .lines()
            .any(|l| l.contains(&format!("log-{DEVICE}.jsonl: OK"))),
        "the real log is checked: {}",
        verify.text()
    );
    let verify_file = verify_bounded(&fifo);
    assert_eq!(verify_file.code, Some(1), "{}", verify_file.text());

    // `check` of the pipe, and of a pipe named like a plan.
    let ron = cwd.join("fifo.ron");
    mkfifo(&ron);
    for path in [&fifo, &ron] {
        let mut cmd = Command::new(BIN);
        cmd.arg("check").arg(path).env("LANG", "C");
        let check = bounded(cmd, &format!("check {}", path.display()));
        assert_eq!(check.code, Some(1), "{}", check.text());
        assert!(
            check.stdout.contains("named pipe"),
            "says what it is: {}",
            check.text()
        );
    }

    // The other incident was never held up, and the pipe is still a pipe.
    assert_eq!(verify_bounded(&b).code, Some(0));
    assert!(
        fs::symlink_metadata(&fifo)
            .is_ok_and(|m| std::os::unix::fs::FileTypeExt::is_fifo(&m.file_type()))
    );
}

/// A pipe where this device's own log is: the note is refused in plain
/// words, at once, and nothing is written (see `docs/incident-log.md`).
#[test]
fn a_fifo_at_this_devices_own_log_name_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let a = declare_cli(&data, dir.path());
    let first = runbook_as(
        &data,
        dir.path(),
        "lap2",
        &note_args(4, &a, "lap2 was here"),
    );
    assert_eq!(first.code, Some(0), "{}", first.text());
    let log = a.join("log-lap2.jsonl");
    fs::rename(&log, dir.path().join("kept.jsonl")).unwrap();
    mkfifo(&log);
    let run = runbook_as(
        &data,
        dir.path(),
        "lap2",
        &note_args(5, &a, "into the pipe"),
    );
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stderr.contains(&log.display().to_string())
            && run.stderr.contains("named pipe")
            && run.stderr.contains("nothing was written"),
        "{}",
        run.text()
    );
    let names: Vec<String> = fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().filter(|n| n.starts_with("log-lap2")).count() == 1,
        "no other file of lap2's: {names:?}"
    );
}

/// The pinned plan as a pipe, or as a link to another plan: nothing blocks,
/// nothing is read through the link, and each command names it.
#[test]
fn a_fifo_or_a_link_as_the_pinned_plan_blocks_nothing_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (data, a, b) = two_incidents(dir.path());
    let cwd = dir.path();
    let plan = a.join("plan.ron");
    fs::remove_file(&plan).unwrap();
    mkfifo(&plan);
    let b_plan = b.join("plan.ron");
    fs::remove_file(&b_plan).unwrap();
    std::os::unix::fs::symlink(plan_path(), &b_plan).unwrap();

    let list = runbook_as(&data, cwd, DEVICE, &strings(&["incident", "list"]));
    assert_eq!(list.code, Some(0), "{}", list.text());
    assert!(
        list.stdout.contains("plan.ron") && list.stdout.contains("named pipe"),
        "{}",
        list.text()
    );
    assert!(list.stdout.contains("symbolic link"), "{}", list.text());
    for (incident, kind) in [(&a, "named pipe"), (&b, "symbolic link")] {
        let arg = incident.display().to_string();
        let status = runbook_as(&data, cwd, DEVICE, &strings(&["incident", "status", &arg]));
        assert_eq!(status.code, Some(1), "{}", status.text());
        assert!(
            status.stderr.contains("plan.ron") && status.stderr.contains(kind),
            "{}",
            status.text()
        );
        let note = runbook_as(&data, cwd, DEVICE, &note_args(5, incident, "n"));
        assert_eq!(note.code, Some(1), "{}", note.text());
        assert!(note.stderr.contains(kind), "{}", note.text());
        let verify = verify_bounded(incident);
        assert_eq!(verify.code, Some(1), "{}", verify.text());
        assert!(
            verify
                .stdout
                .lines()
                .any(|l| l.contains("plan.ron: BAD") && l.contains(kind)),
            "{}",
            verify.text()
        );
    }
}

/// The window: opening an incident with a pipe among its logs finishes,
/// and the incident's notices (which the window shows as banners) name
/// it; the overview's list carries it too.
#[test]
fn the_window_opens_past_a_fifo_and_shows_what_it_is() {
    use runbook::model::notice::{FileKind, Notice};
    use runbook::service::context::Overrides;
    use runbook::service::{Context, Service};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let a = declare_cli(&data, dir.path());
    let fifo = a.join("log-x.jsonl");
    mkfifo(&fifo);
    let service = Service::new(Context::from_env(Overrides {
        data_dir: Some(data.clone()),
        operator: Some("alex".to_owned()),
        device: Some("window".to_owned()),
        ..Overrides::default()
    }));
    // On a thread, so that a blocked open fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = a.clone();
    std::thread::spawn(move || {
        let opened = service.open(&folder).map(|open| {
            let live = service.go_live(open);
            let notices = live.notices().to_vec();
            let _ = live.finish();
            notices
        });
        let _ = tx.send((opened, service.list()));
    });
    let (opened, listed) = rx.recv_timeout(LIMIT).expect("opening blocked on the pipe");
    let is_fifo =
        |n: &Notice| matches!(n, Notice::NotAFile { file, kind: FileKind::Fifo } if *file == fifo);
    let notices = opened.unwrap();
    assert!(notices.iter().any(is_fifo), "{notices:?}");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].state.is_ok(), "{:?}", listed[0].state);
    assert!(listed[0].warnings.iter().any(is_fifo), "{listed:?}");
}

/// A link among the incident folders is not an incident folder: it is not
/// listed and its name finds nothing, so nothing is read or written
/// through it (an incident of another data folder, or any folder at all).
#[test]
fn a_link_among_the_incident_folders_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let a = declare_cli(&data, dir.path());
    let link = data.join("incidents").join("zz-linked");
    std::os::unix::fs::symlink(&a, &link).unwrap();
    let list = runbook_as(&data, dir.path(), DEVICE, &strings(&["incident", "list"]));
    assert_eq!(list.code, Some(0), "{}", list.text());
    assert_eq!(list.stdout.lines().count(), 1, "{}", list.text());
    assert!(!list.stdout.contains("zz-linked"), "{}", list.text());
    let note = runbook_as(
        &data,
        dir.path(),
        DEVICE,
        &strings(&["incident", "note", "zz-linked", "through the link"]),
    );
    assert_eq!(note.code, Some(1), "{}", note.text());
    assert!(note.stderr.contains("no incident"), "{}", note.text());
    assert!(is_link(&link));
}
