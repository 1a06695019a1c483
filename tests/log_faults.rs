//! Fault injection for the durable incident log: the matrix of
//! `shared/reference/durable-log.md`, "Tests that prove it".
//!
//! Each test checks what a user would check afterwards: every entry that was
//! shown as saved is in the file, the hash chain verifies, and the message
//! says what happened in plain words and names the path.
//!
//! The crash test re-executes this very test binary (one test binary only):
//! the `#[ignore]`d `crash_child` appends when `RUNBOOK_CRASH_CHILD` names a
//! log, and does nothing otherwise.

use std::fs::{self, File};
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, TimeZone as _, Utc};
use proptest::prelude::*;
use runbook::i18n::incident::EN;
use runbook::io::incident_dir::{self, IncidentError};
use runbook::io::log::{self, GENESIS, LogError, Record, Session, Sink, Writer};
use runbook::model::ids::{ClassId, LevelId};
use runbook::model::incident::{Action, Declaration, Entry, Event, Incident};
use runbook::service::OpenIncident;

// ---------------------------------------------------------------- helpers

pub(crate) const DEVICE: &str = "desk-1";
const CRASH_ENV: &str = "RUNBOOK_CRASH_CHILD";
const SEED_ENV: &str = "RUNBOOK_CRASH_SEED";

/// A tiny deterministic PRNG (SplitMix64): no new dependency, reproducible runs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A fixed time, `minute` minutes after the start of the drill.
pub(crate) fn t(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + chrono::Duration::minutes(minute)
}

pub(crate) fn session() -> Session {
    Session {
        device: DEVICE.to_owned(),
        machine: None,
        plan_sha256: "ab".repeat(32),
        at: t(0),
    }
}

pub(crate) fn note(text: &str, minute: i64) -> Entry {
    Entry {
        recorded_at: t(minute),
        happened_at: None,
        by: "alex".into(),
        device: DEVICE.into(),
        after: runbook::model::incident::Causes::default(),
        event: Event::Note {
            text: text.to_owned(),
            step: None,
            corrects: None,
        },
    }
}

pub(crate) fn note_text_opt(entry: &Entry) -> Option<&str> {
    match &entry.event {
        Event::Note { text, .. } => Some(text),
        _ => None,
    }
}

fn note_text(entry: &Entry) -> &str {
    match &entry.event {
        Event::Note { text, .. } => text,
        other => panic!("not a note: {other:?}"),
    }
}

/// Reads a log and asserts its whole chain verifies: no damage, no torn tail.
pub(crate) fn verified(path: &Path) -> log::Scan {
    let scan = log::read(path).unwrap();
    assert!(
        scan.damage.is_empty(),
        "{} is damaged: {:?}",
        path.display(),
        scan.damage
    );
    assert!(
        scan.torn_tail.is_none(),
        "{} ends with a torn line at byte {:?}",
        path.display(),
        scan.torn_tail.as_ref().map(|t| t.0)
    );
    scan
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// A log written by [`Writer`]: the opening record and `notes` notes, no closing record.
fn written_log(path: &Path, notes: usize) -> Vec<u8> {
    let mut w = Writer::create(path, &session(), None).unwrap();
    for i in 0..notes {
        w.append(&note(&format!("note {i}"), i64::try_from(i).unwrap()))
            .unwrap();
    }
    drop(w);
    fs::read(path).unwrap()
}

/// Where the last line of `bytes` (which ends in a newline) begins.
fn last_line_start(bytes: &[u8]) -> usize {
    bytes[..bytes.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// Reopens a log whose first `good.len()` bytes are good and which ends in
/// `torn`; checks the repair: cut back, bytes kept aside, `recovered` record.
fn check_repair(path: &Path, good: &[u8], torn: &[u8], side_no: u32) {
    let mut data = good.to_vec();
    data.extend_from_slice(torn);
    fs::write(path, &data).unwrap();
    // Private, as runbook makes its logs: one others may read is not written.
    let private = <fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600);
    fs::set_permissions(path, private).unwrap();
    let entries_before: Vec<Entry> = log::scan(good).entries().cloned().collect();
    let good_lines = log::scan(good).lines.len();

    let (w, report) = Writer::open(path, &session()).unwrap();
    let side = path.with_file_name(format!("{}.torn-{side_no}", file_name(path)));
    let at = good.len() as u64;
    assert_eq!(
        report.recovered,
        Some((at, torn.len() as u64, side.clone())),
        "{} torn bytes after byte {at}",
        torn.len()
    );
    assert!(report.unclean);
    assert_eq!(
        fs::read(&side).unwrap(),
        torn,
        "the side file keeps exactly the cut bytes"
    );
    drop(w);

    let after = fs::read(path).unwrap();
    assert_eq!(&after[..good.len()], good, "the good lines are untouched");
    let scan = verified(path);
    assert_eq!(scan.lines.len(), good_lines + 2);
    assert_eq!(
        scan.lines[good_lines].record,
        Record::Recovered {
            at_byte: at,
            cut_bytes: torn.len() as u64,
            kept_in: file_name(&side),
        }
    );
    assert!(matches!(
        scan.lines[good_lines + 1].record,
        Record::Opened { .. }
    ));
    let entries: Vec<Entry> = scan.entries().cloned().collect();
    assert_eq!(entries, entries_before, "no saved entry lost or added");
}

// ---- the command line

pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) signal: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        use std::os::unix::process::ExitStatusExt as _;
        Self {
            code: out.status.code(),
            signal: out.status.signal(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_runbook");

/// `--now`, for a call at a fixed time (after the subcommand: flags before it
/// would be taken for the window's).
pub(crate) fn now_arg(minute: i64) -> [String; 2] {
    [
        "--now".to_owned(),
        t(minute).to_rfc3339_opts(SecondsFormat::Secs, true),
    ]
}

/// The real binary with its data folder, device and operator set through
/// the environment, as an operator's shell would.
pub(crate) fn runbook_cmd(data: &Path, cwd: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(cwd)
        .env("RUNBOOK_DATA_DIR", data)
        .env("RUNBOOK_DEVICE", DEVICE)
        .env("RUNBOOK_OPERATOR", "alex");
    cmd
}

pub(crate) fn runbook_in(data: &Path, cwd: &Path, args: &[String]) -> Run {
    runbook_cmd(data, cwd).args(args).output().unwrap().into()
}

pub(crate) fn plan_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/minimal.ron")
}

/// Declares a drill with the real binary; returns the incident folder.
pub(crate) fn declare_cli(data: &Path, cwd: &Path) -> PathBuf {
    let mut args = ["incident", "new"].map(str::to_owned).to_vec();
    args.extend(now_arg(0));
    args.extend(
        [
            "--plan",
            &plan_path().display().to_string(),
            "--class",
            "other",
            "--level",
            "IV",
            "--title",
            "fault drill",
            "--drill",
        ]
        .map(str::to_owned),
    );
    let run = runbook_in(data, cwd, &args);
    assert_eq!(run.code, Some(0), "{}", run.text());
    let folder = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("folder: "))
        .unwrap_or_else(|| panic!("no folder in {}", run.text()));
    PathBuf::from(folder)
}

pub(crate) fn note_args(minute: i64, incident: &Path, text: &str) -> Vec<String> {
    let mut args = vec!["incident".to_owned(), "note".to_owned()];
    args.extend(now_arg(minute));
    args.extend([incident.display().to_string(), text.to_owned()]);
    args
}

pub(crate) fn verify_cli(path: &Path) -> Run {
    Command::new(BIN)
        .args(["verify".as_ref(), path.as_os_str()])
        .output()
        .unwrap()
        .into()
}

/// `runbook verify PATH --head PREFIX`.
pub(crate) fn verify_head_cli(path: &Path, prefix: &str) -> Run {
    Command::new(BIN)
        .args(["verify".as_ref(), path.as_os_str()])
        .args(["--head", prefix])
        .output()
        .unwrap()
        .into()
}

pub(crate) fn timeline_cli(data: &Path, cwd: &Path, incident: &Path) -> Run {
    let args = ["incident", "timeline", &incident.display().to_string()].map(str::to_owned);
    runbook_in(data, cwd, &args)
}

pub(crate) fn log_of(incident: &Path) -> PathBuf {
    incident.join(format!("log-{DEVICE}.jsonl"))
}

// ------------------------------------------------------------ 1. crash

/// Not a test on its own: the process the crash test kills. Appends notes
/// forever and prints `ACK <seq> <id> <length>` once each is saved.
#[test]
#[ignore = "helper process of crash_kills_at_random_moments_lose_no_acknowledged_entry"]
fn crash_child() {
    let Some(path) = std::env::var_os(CRASH_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let seed: u64 = std::env::var(SEED_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut rng = Rng::new(seed);
    let mut writer = if path.exists() {
        Writer::open(&path, &session()).unwrap().0
    } else {
        Writer::create(&path, &session(), None).unwrap()
    };
    let mut out = std::io::stdout().lock();
    for n in 0u64.. {
        let id = format!("c{seed}-{n}");
        // Mostly short notes; now and then a long one, so that a kill can
        // land in the middle of writing a line.
        let pad = if rng.below(6) == 0 {
            100_000 + rng.below(700_000)
        } else {
            rng.below(300)
        };
        let text = format!("{id} {}", "x".repeat(usize::try_from(pad).unwrap()));
        let seq = writer.append(&note(&text, 0)).unwrap();
        writeln!(out, "\nACK {seq} {id} {}", text.len()).unwrap();
        out.flush().unwrap();
    }
}

/// `(seq, id, text length)` from a line the child printed.
fn parse_ack(line: &str) -> Option<(u64, String, usize)> {
    let rest = &line[line.find("ACK ")? + 4..];
    let mut parts = rest.split_whitespace();
    let seq = parts.next()?.parse().ok()?;
    let id = parts.next()?.to_owned();
    let len = parts.next()?.parse().ok()?;
    Some((seq, id, len))
}

#[test]
fn crash_kills_at_random_moments_lose_no_acknowledged_entry() {
    const KILLS: u64 = 200;
    const MAX_REUSED_LOG: u64 = 2_000_000;
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut rng = Rng::new(0x00C0_FFEE);
    let started = Instant::now();
    let (mut logs, mut acked, mut repairs, mut early_kills) = (0u32, 0usize, 0u32, 0u32);
    let mut path = PathBuf::new();

    for kill in 0..KILLS {
        let too_big = fs::metadata(&path).is_ok_and(|m| m.len() > MAX_REUSED_LOG);
        if kill == 0 || too_big || rng.below(4) == 0 {
            logs += 1;
            path = dir.path().join(format!("log-{logs}.jsonl"));
        }
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "log_faults::crash_child",
                "--nocapture",
                "--include-ignored",
            ])
            .env(CRASH_ENV, &path)
            .env(SEED_ENV, kill.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut acks = Vec::new();
        if rng.below(8) == 0 {
            // Anywhere: while starting, opening, repairing or appending.
            early_kills += 1;
            std::thread::sleep(Duration::from_micros(rng.below(25_000)));
        } else {
            let mut line = String::new();
            loop {
                line.clear();
                if stdout.read_line(&mut line).unwrap() == 0 {
                    break;
                }
                if let Some(ack) = parse_ack(&line) {
                    acks.push(ack);
                    break;
                }
            }
            std::thread::sleep(Duration::from_micros(rng.below(12_000)));
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        acks.extend(rest.lines().filter_map(parse_ack));
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        {
            use std::os::unix::process::ExitStatusExt as _;
            assert_eq!(
                status.signal(),
                Some(9),
                "kill {kill}: the writer stopped by itself ({status}): {err}"
            );
        }
        acked += acks.len();
        if !path.exists() {
            assert!(acks.is_empty(), "kill {kill}: acknowledged without a file");
            continue;
        }

        // What the crash left: at most one torn line, at the end.
        let before = fs::read(&path).unwrap();
        let crashed = log::scan(&before);
        assert!(
            crashed.damage.is_empty(),
            "kill {kill}: a crash left damage before the last line: {:?}",
            crashed.damage
        );

        let (writer, report) = Writer::open(&path, &session()).unwrap();
        match &crashed.torn_tail {
            Some((at, bytes)) => {
                repairs += 1;
                let (r_at, r_cut, side) = report.recovered.clone().unwrap();
                assert_eq!((r_at, r_cut), (*at, bytes.len() as u64), "kill {kill}");
                assert_eq!(&fs::read(&side).unwrap(), bytes, "kill {kill}");
            }
            None => assert_eq!(report.recovered, None, "kill {kill}"),
        }
        // Sometimes a clean exit after the repair, sometimes another crash.
        if rng.below(2) == 0 {
            writer.close(t(1)).unwrap();
        } else {
            drop(writer);
        }

        let scan = verified(&path);
        let mut last = 0;
        for (seq, id, len) in &acks {
            assert!(*seq > last, "kill {kill}: acknowledgements out of order");
            last = *seq;
            let line = scan
                .lines
                .get(usize::try_from(*seq).unwrap() - 1)
                .unwrap_or_else(|| panic!("kill {kill}: acknowledged seq {seq} ({id}) is missing"));
            assert_eq!(line.seq, *seq);
            let Record::Event { entry } = &line.record else {
                panic!("kill {kill}: line {seq} is not the acknowledged entry {id}");
            };
            let text = note_text(entry);
            assert!(
                text.starts_with(&format!("{id} ")) && text.len() == *len,
                "kill {kill}: line {seq} is not the acknowledged entry {id}"
            );
        }
    }
    eprintln!(
        "crash: {KILLS} kills ({early_kills} at any moment) over {logs} logs, {acked} acknowledged entries all found, \
         {repairs} torn tails repaired, in {:.1?}",
        started.elapsed()
    );
}

// -------------------------------------------------------- 2. torn tail

#[test]
fn a_torn_last_line_is_cut_at_every_byte_offset_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let full = written_log(&dir.path().join("whole.jsonl"), 3);
    let start = last_line_start(&full);
    let last_len = full.len() - start;
    for k in 1..last_len {
        let path = dir.path().join(format!("cut-{k}.jsonl"));
        check_repair(&path, &full[..start], &full[start..start + k], 1);
    }
    // Cut exactly at a line end: nothing to repair.
    let path = dir.path().join("cut-0.jsonl");
    fs::write(&path, &full[..start]).unwrap();
    let private = <fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600);
    fs::set_permissions(&path, private).unwrap();
    let (_w, report) = Writer::open(&path, &session()).unwrap();
    assert_eq!(report.recovered, None);
    assert!(
        report.unclean,
        "no closing record: the last session crashed"
    );
}

#[test]
fn garbage_and_nul_tails_are_cut_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let full = written_log(&dir.path().join("whole.jsonl"), 2);
    let start = last_line_start(&full);
    let tails: [(&str, &[u8], Vec<u8>); 3] = [
        ("garbage", &full, b"\x7fELF \xff\xfe not a record".to_vec()),
        ("a tail of NUL bytes", &full, vec![0; 4096]),
        (
            // The file kept its new length but not its bytes.
            "the last line's bytes zeroed",
            &full[..start],
            vec![0; full.len() - start],
        ),
    ];
    for (i, (what, good, torn)) in tails.iter().enumerate() {
        eprintln!("tail: {what}");
        check_repair(&dir.path().join(format!("tail-{i}.jsonl")), good, torn, 1);
    }

    // A second repair of the same log keeps the first side file and adds another.
    let path = dir.path().join("tail-0.jsonl");
    let repaired = fs::read(&path).unwrap();
    check_repair(&path, &repaired, b"{\"seq\":", 2);
    assert_eq!(
        fs::read(dir.path().join("tail-0.jsonl.torn-1")).unwrap(),
        b"\x7fELF \xff\xfe not a record"
    );
}

#[test]
fn damage_before_the_last_line_is_never_cut_and_the_log_continues_in_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let plan = fs::read(plan_path()).unwrap();
    let mut open =
        OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap();
    for i in 1..=3 {
        open.record(
            Action::Note {
                text: format!("note {i}"),
                step: None,
                corrects: None,
            },
            "alex",
            None,
            t(i),
        )
        .unwrap();
    }
    let folder = open.dir().to_owned();
    open.finish(t(4)).unwrap();
    let path = log_of(&folder);
    let mut bytes = fs::read(&path).unwrap();
    // Flip one byte inside "note 2" (line 4).
    let at = bytes.windows(6).position(|w| w == b"note 2").unwrap() + 5;
    bytes[at] = b'7';
    fs::write(&path, &bytes).unwrap();

    let err = Writer::open(&path, &session()).unwrap_err();
    let msg = (EN.log_error)(&err);
    assert!(matches!(err, LogError::Damaged { line: 4, .. }), "{msg}");
    assert!(
        msg.contains(&path.display().to_string())
            && msg.contains("damaged at line 4")
            && msg.contains("changed after it was written"),
        "{msg}"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "a damaged log is never cut"
    );

    let open = OpenIncident::open(&folder, DEVICE, t(5)).unwrap();
    let next = folder.join(format!("log-{DEVICE}.2.jsonl"));
    assert_eq!(open.log().path(), Some(next.as_path()));
    assert!(
        open.notices()
            .iter()
            .map(|n| (EN.notice)(n))
            .any(|n| n.contains("damage at line 4") && n.contains(&next.display().to_string())),
        "{:?}",
        open.notices()
    );
    let timeline = format!("{:?}", open.incident().timeline());
    assert!(
        timeline.contains("note 1") && timeline.contains("note 3") && !timeline.contains("note 7"),
        "the intact entries on both sides of the damage are read: {timeline}"
    );
    open.finish(t(6)).unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "a damaged log is never cut"
    );
    let first = verified(&next).lines.remove(0);
    let Record::Opened {
        continues: Some(c), ..
    } = first.record
    else {
        panic!("the new file does not say where it continues from: {first:?}");
    };
    assert_eq!(
        c.file,
        format!("log-{DEVICE}.jsonl"),
        "linked relative to the folder"
    );
    assert_eq!(c.last_seq, 6, "the last intact line, after the damage");
    assert!(c.reason.contains("damaged at line 4"), "{}", c.reason);
}

// -------------------------------------------------------- 3. disk full

/// Writes the first `k` bytes of a line, then fails as a full disk does.
struct FullAfter {
    file: File,
    k: usize,
}

impl Sink for FullAfter {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let k = self.k.min(bytes.len());
        std::io::Write::write_all(&mut self.file, &bytes[..k])?;
        Err(std::io::Error::from_raw_os_error(28))
    }

    fn sync_data(&mut self) -> std::io::Result<()> {
        self.file.sync_data()
    }

    fn truncate(&mut self, len: u64) -> std::io::Result<()> {
        Sink::truncate(&mut self.file, len)
    }
}

fn append_handle(path: &Path) -> File {
    File::options().read(true).append(true).open(path).unwrap()
}

/// A writer continuing an existing, verified log through `sink`.
fn writer_over(path: &Path, sink: Box<dyn Sink>) -> Writer {
    let scan = verified(path);
    Writer::with_sink(
        sink,
        path.to_owned(),
        scan.lines.len() as u64,
        scan.head().to_owned(),
        scan.good_len,
    )
}

fn assert_not_saved(err: &LogError, path: &Path, cause: &str) {
    let msg = (EN.log_error)(err);
    assert!(matches!(err, LogError::Write { .. }), "{msg}");
    assert!(
        msg.contains("NOT saved")
            && msg.contains(&path.display().to_string())
            && msg.contains(cause),
        "the message must say the entry is NOT saved, name {} and say why ({cause}): {msg}",
        path.display()
    );
}

fn assert_refuses_more(w: &mut Writer, path: &Path) {
    assert!(w.has_failed());
    let err = w.append(&note("after the failure", 9)).unwrap_err();
    let msg = (EN.log_error)(&err);
    assert!(matches!(err, LogError::Failed(_)), "{msg}");
    assert!(
        msg.contains(&path.display().to_string())
            && msg.contains("continue the log in another folder"),
        "{msg}"
    );
}

#[test]
fn disk_full_after_k_bytes_cuts_the_partial_line_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.jsonl");
    let base = written_log(&path, 2);
    let entry = note("the entry that does not fit", 5);
    let scan = verified(&path);
    let (line, _) = log::format_line(
        scan.lines.len() as u64 + 1,
        scan.head(),
        &Record::Event {
            entry: entry.clone(),
        },
    );
    for k in 0..=line.len() {
        let sink = FullAfter {
            file: append_handle(&path),
            k,
        };
        let mut w = writer_over(&path, Box::new(sink));
        let err = w.append(&entry).unwrap_err();
        assert_not_saved(&err, &path, "No space left on device");
        let LogError::Write { error: source, .. } = &err else {
            unreachable!()
        };
        assert_eq!(source.kind, std::io::ErrorKind::StorageFull);
        assert_eq!(
            fs::read(&path).unwrap(),
            base,
            "after {k} of {} bytes the partial line must be cut off",
            line.len()
        );
        assert_refuses_more(&mut w, &path);
        assert!(matches!(w.close(t(9)), Err(LogError::Failed(_))));
        verified(&path);
    }
    // The log is intact and can be written again once there is room.
    let (mut w, report) = Writer::open(&path, &session()).unwrap();
    assert_eq!(report.recovered, None);
    w.append(&entry).unwrap();
    drop(w);
    assert_eq!(verified(&path).entries().count(), 3);
}

#[test]
fn dev_full_is_reported_as_not_saved() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("/dev/full does not exist here: that case is not tested");
        return;
    }
    let file = File::options().write(true).open(full).unwrap();
    let mut w = Writer::with_sink(Box::new(file), full.to_owned(), 0, GENESIS.to_owned(), 0);
    let err = w.append(&note("into /dev/full", 0)).unwrap_err();
    assert_not_saved(&err, full, "No space left on device");
    assert_refuses_more(&mut w, full);
}

/// Runs `script` in `cwd` as root of a new user and mount namespace, with
/// `args` as `$1`…; `None` (said on stderr) when this machine does not allow it.
fn in_mount_namespace(data: &Path, cwd: &Path, script: &str, args: &[&Path]) -> Option<Run> {
    let refused = |why: &str| {
        eprintln!(
            "unshare -rm or mounting a tmpfs is refused here ({why}); the small-disk \
             case is NOT tested, only the injected and /dev/full ones"
        );
    };
    let run: Run = match Command::new("unshare")
        .args(["-rm", "sh", "-c", script, "sh"])
        .args(args)
        .current_dir(cwd)
        .env("RUNBOOK_DATA_DIR", data)
        .env("RUNBOOK_DEVICE", DEVICE)
        .env("RUNBOOK_OPERATOR", "alex")
        .output()
    {
        Ok(out) => out.into(),
        Err(e) => {
            refused(&format!("cannot run unshare: {e}"));
            return None;
        }
    };
    if run.code == Some(97) || (run.code != Some(0) && run.stdout.is_empty()) {
        refused(&format!("{:?}: {}", run.code, run.stderr.trim()));
        return None;
    }
    Some(run)
}

/// Notes through the real binary on a 64 KiB tmpfs until one does not fit:
/// it is reported NOT saved, saved in a continuation file elsewhere, and the
/// timeline there shows it with everything before it.
#[test]
fn a_full_small_disk_continues_the_log_elsewhere_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cwd = dir.path().join("cwd");
    let out = dir.path().join("out");
    let stash = dir.path().join("stash");
    for d in [&cwd, &out, &stash] {
        fs::create_dir(d).unwrap();
    }
    let incident = declare_cli(&data, &cwd);
    // Each call gets its own minute; the output of call `i` goes to out/i.
    let script = r#"
        set -u
        inc=$1 stash=$2 out=$3 bin=$4
        cp -a "$inc/." "$stash/" || exit 97
        mount -t tmpfs -o size=64k tmpfs "$inc" || exit 97
        cp -a "$stash/." "$inc/" || exit 98
        pad=$(printf '%0700d' 0)
        i=0
        while [ $i -lt 200 ]; do
            i=$((i+1))
            now=$(printf '2026-03-01T11:%02d:00Z' $((i % 60)))
            "$bin" incident note --now "$now" "$inc" "note $i $pad" >"$out/$i" 2>&1
            echo "$i $?"
            grep -q 'NOT saved' "$out/$i" && break
        done
        # Keep what the small disk held: copy it back under the mount point.
        rm -rf "$stash" && mkdir "$stash" && cp -a "$inc/." "$stash/" \
            && umount "$inc" && cp -a "$stash/." "$inc/" || exit 99
    "#;
    let Some(run) = in_mount_namespace(
        &data,
        &cwd,
        script,
        &[&incident, &stash, &out, Path::new(BIN)],
    ) else {
        return;
    };
    assert_eq!(run.code, Some(0), "{}", run.text());
    let mut acked = Vec::new();
    let mut last = None;
    for line in run.stdout.lines() {
        let (i, code) = line.split_once(' ').unwrap();
        let i: u32 = i.parse().unwrap();
        let text = fs::read_to_string(out.join(i.to_string())).unwrap();
        if text.contains("NOT saved") {
            last = Some((i, code.to_owned(), text));
            continue;
        }
        assert!(text.contains(&format!("saved: note: note {i} ")), "{text}");
        acked.push(i);
        // The note is saved; when only the closing record did not fit, the
        // message says exactly that.
        assert!(
            code == "0" || text.contains("every entry is saved, but the closing record"),
            "note {i} (exit {code}): {text}"
        );
        if code != "0" {
            eprintln!("the closing record of note {i} did not fit:\n{text}");
        }
    }
    let (i, code, text) = last.expect("the small disk never filled up");
    eprintln!("the small disk was full at note {i}:\n{text}");
    assert_eq!(code, "0", "{text}");
    assert!(acked.len() > 5, "only {} notes fitted", acked.len());
    assert!(
        text.contains("No space left on device")
            && text.contains(&log_of(&incident).display().to_string()),
        "{text}"
    );
    assert!(!text.contains("saved: note"), "{text}");
    let name = file_name(&incident);
    let rescue = data.join("rescue").join(&name);
    let cont = rescue.join(format!("log-{DEVICE}.2.jsonl"));
    assert!(
        text.contains(&format!("saved in {} instead", cont.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("could not continue in {}", incident.display())),
        "the full folder was tried first: {text}"
    );

    // Everything acknowledged, and the rescued note, are in the timeline of
    // the folder the log continues in; every file verifies.
    let timeline = timeline_cli(&data, &cwd, &rescue);
    assert_eq!(timeline.code, Some(0), "{}", timeline.text());
    for n in acked.iter().chain([&i]) {
        assert_eq!(
            timeline.stdout.matches(&format!("note: note {n} ")).count(),
            1,
            "note {n} must be in the timeline exactly once:\n{}",
            timeline.text()
        );
    }
    for path in [log_of(&incident), cont] {
        let v = verify_cli(&path);
        assert_eq!(v.code, Some(0), "{}", v.text());
    }
    let v = verify_cli(&incident);
    assert_eq!(
        v.code,
        Some(0),
        "every log in the incident folder verifies: {}",
        v.text()
    );
}

// ------------------------------------------------------- 4. fsync error

/// Writes normally; the first `sync_data` fails, as after "fsyncgate".
struct SyncFailsOnce {
    file: File,
    syncs: Arc<AtomicUsize>,
    truncate_fails: bool,
}

impl Sink for SyncFailsOnce {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        std::io::Write::write_all(&mut self.file, bytes)
    }

    fn sync_data(&mut self) -> std::io::Result<()> {
        if self.syncs.fetch_add(1, Ordering::SeqCst) == 0 {
            Err(std::io::Error::from_raw_os_error(5))
        } else {
            self.file.sync_data()
        }
    }

    fn truncate(&mut self, len: u64) -> std::io::Result<()> {
        if self.truncate_fails {
            Err(std::io::Error::from_raw_os_error(5))
        } else {
            Sink::truncate(&mut self.file, len)
        }
    }
}

pub(crate) fn declaration() -> Declaration {
    Declaration {
        title: "fault drill".to_owned(),
        class: ClassId::new("other"),
        level: Some(LevelId::new("IV")),
        answers: Vec::new(),
        level_reason: None,
        discovered_at: None,
        commander: None,
        drill: true,
    }
}

#[test]
fn a_failed_fsync_is_never_retried_and_the_entry_continues_in_a_new_file() {
    for truncate_fails in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let plan = fs::read(plan_path()).unwrap();
        let mut open =
            OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap();
        for i in 1..=2 {
            open.record(
                Action::Note {
                    text: format!("saved {i}"),
                    step: None,
                    corrects: None,
                },
                "alex",
                None,
                t(i),
            )
            .unwrap();
        }
        let old = open.log().path().unwrap().to_owned();
        let before = fs::read(&old).unwrap();
        let syncs = Arc::new(AtomicUsize::new(0));
        let sink = SyncFailsOnce {
            file: append_handle(&old),
            syncs: Arc::clone(&syncs),
            truncate_fails,
        };
        // Let go of the real writer (and its lock) first.
        drop(
            open.log_mut()
                .replace_writer(writer_over(&old, Box::new(sink))),
        );

        let err = open
            .record(
                Action::Note {
                    text: "unsaved 1".to_owned(),
                    step: None,
                    corrects: None,
                },
                "alex",
                None,
                t(3),
            )
            .unwrap_err();
        let IncidentError::Log(log_err) = &err else {
            panic!("{err:?}");
        };
        assert_not_saved(log_err, &old, "Input/output error");
        assert_eq!(
            syncs.load(Ordering::SeqCst),
            1,
            "the failed sync was retried"
        );
        // The next entry is not written after an unsaved one either.
        open.record(
            Action::Note {
                text: "unsaved 2".to_owned(),
                step: None,
                corrects: None,
            },
            "alex",
            None,
            t(4),
        )
        .unwrap_err();
        assert_eq!(
            syncs.load(Ordering::SeqCst),
            1,
            "the failed sync was retried"
        );
        assert_eq!(open.log().unsaved().len(), 2);
        let live = open.incident().clone();
        assert_eq!(live.timeline().len(), 5, "the screen shows every entry");

        let old_scan = verified(&old);
        if truncate_fails {
            // The line reached the file, though it was reported NOT saved.
            assert_eq!(old_scan.entries().count(), 4);
        } else {
            assert_eq!(
                fs::read(&old).unwrap(),
                before,
                "the unsynced line is cut off"
            );
        }

        let other = dir.path().join("elsewhere");
        let new = open.continue_in(&other, t(5)).unwrap();
        assert!(open.log().unsaved().is_empty());
        assert_eq!(new.parent(), Some(other.as_path()));
        let new_scan = verified(&new);
        let Record::Opened {
            continues: Some(c), ..
        } = &new_scan.lines[0].record
        else {
            panic!(
                "the first record must be `opened` with `continues`: {:?}",
                new_scan.lines[0]
            );
        };
        let written = log::scan(&before);
        assert_eq!(
            other.join(&c.file).canonicalize().unwrap(),
            old.canonicalize().unwrap(),
            "the link is relative to the folder of the file that holds it: {}",
            c.file
        );
        assert_eq!(c.last_seq, written.lines.len() as u64);
        assert_eq!(c.last_hash, written.head());
        assert_eq!(new_scan.entries().count(), 2);

        let (entries, _) = incident_dir::read_entries(&other).unwrap();
        let texts: Vec<String> = entries
            .iter()
            .skip(1)
            .map(|e| note_text(e).to_owned())
            .collect();
        assert_eq!(
            texts,
            ["saved 1", "saved 2", "unsaved 1", "unsaved 2"],
            "every entry exactly once (truncate fails: {truncate_fails})"
        );
        assert_eq!(Incident::replay(&entries).unwrap(), live);
        open.finish(t(6)).unwrap().unwrap();
        verified(&new);
    }
}

// ---------------------------------------------------- 5. file-size limit

/// `runbook incident note` under `ulimit -f` (4 KiB), bash becoming the
/// binary with no `trap`: the binary itself survives SIGXFSZ. The limit is
/// crossed by each record a call writes in turn: the closing record (the
/// note is saved and the message says so), the opening record and the note
/// itself (the note is NOT saved there and the output says where it was
/// saved instead). Nothing acknowledged is missing afterwards.
#[test]
#[allow(clippy::too_many_lines)] // Three stages of one file-size limit, each depending on the last.
fn a_file_size_limit_is_an_error_not_a_killed_process() {
    const BLOCKS: u64 = 4;
    const LIMIT: u64 = BLOCKS * 1024;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let incident = declare_cli(&data, dir.path());
    let log = log_of(&incident);
    let limited = |minute: i64, text: &str| -> Run {
        let cmd = runbook_cmd(&data, dir.path());
        let run: Run = Command::new("bash")
            .arg("-c")
            .arg(format!("ulimit -f {BLOCKS}; exec \"$@\""))
            .arg("bash")
            .arg(BIN)
            .args(note_args(minute, &incident, text))
            .current_dir(dir.path())
            .envs(cmd.get_envs().filter_map(|(k, v)| Some((k, v?))))
            .output()
            .unwrap()
            .into();
        assert_eq!(run.signal, None, "killed by a signal: {}", run.text());
        assert!(run.code.is_some());
        run
    };
    let len = |p: &Path| fs::metadata(p).unwrap().len();
    let lines = |p: &Path| -> Vec<u64> {
        fs::read(p)
            .unwrap()
            .split_inclusive(|&b| b == b'\n')
            .map(|l| l.len() as u64)
            .collect()
    };
    // The length of each record a call writes, from the format: `opened`
    // and `closed` as in the first call, with the sequence number's digits;
    // the note's line exactly (its `prev` hash is always 64 characters).
    let first = lines(&log);
    let digits = |n: u64| n.to_string().len() as u64;
    let opened_len = |seq: u64| first[0] - 1 + digits(seq);
    let closed_len = |seq: u64| first[2] - 1 + digits(seq);
    let note_len = |seq: u64, minute: i64, text: &str| -> u64 {
        let record = Record::Event {
            entry: note(text, minute),
        };
        log::format_line(seq, GENESIS, &record).0.len() as u64
    };
    let next_seq = |p: &Path| lines(p).len() as u64 + 1;
    // A note text whose line, written at `seq`, is exactly `target` bytes long.
    let sized = |seq: u64, minute: i64, target: u64| -> String {
        let bare = format!("n{minute} ");
        let pad = usize::try_from(target - note_len(seq, minute, &bare)).unwrap();
        let text = format!("{bare}{}", "z".repeat(pad));
        assert_eq!(note_len(seq, minute, &text), target);
        text
    };
    let mut acked = Vec::new();
    let mut minute = 1;

    // Short notes while a note whose closing record crosses the limit still fits after.
    loop {
        let text = format!("n{minute} a short note");
        let s = next_seq(&log);
        let after = len(&log) + opened_len(s) + note_len(s + 1, minute, &text) + closed_len(s + 2);
        let bare = note_len(s + 4, minute + 1, &format!("n{} ", minute + 1));
        if after + opened_len(s + 3) + bare + closed_len(s + 5) > LIMIT + 20 {
            break;
        }
        let run = limited(minute, &text);
        assert_eq!(run.code, Some(0), "{}", run.text());
        assert!(
            run.stdout.contains(&format!("saved: note: {text}")),
            "{}",
            run.text()
        );
        assert_eq!(len(&log), after);
        acked.push(text);
        minute += 1;
    }
    assert!(acked.len() >= 2, "{} notes before the limit", acked.len());

    // The closing record crosses the limit: the note is saved, and the
    // message says that only the mark of a clean exit is missing.
    let (l, s) = (len(&log), next_seq(&log));
    let target = LIMIT + 20 - l - opened_len(s) - closed_len(s + 2);
    let text = sized(s + 1, minute, target);
    let run = limited(minute, &text);
    let all = run.text();
    // A long note is echoed cut short, with an ellipsis.
    let echoed: String = format!("note: {text}").chars().take(200).collect();
    assert!(run.stdout.contains(&format!("saved: {echoed}…")), "{all}");
    assert!(
        all.contains("every entry is saved, but the closing record")
            && all.contains("File too large")
            && all.contains(&log.display().to_string())
            && !all.contains("NOT saved"),
        "{all}"
    );
    assert_eq!(
        len(&log),
        l + opened_len(s) + target,
        "the partial closing record is cut off"
    );
    acked.push(text);
    minute += 1;

    // Now the opening record crosses it: the note is saved in a new file.
    let l = len(&log);
    assert!(l + opened_len(next_seq(&log)) > LIMIT);
    let text = format!("n{minute} after the limit");
    let run = limited(minute, &text);
    let all = run.text();
    let cont = incident.join(format!("log-{DEVICE}.2.jsonl"));
    assert_eq!(run.code, Some(0), "{all}");
    assert!(
        all.contains("NOT saved")
            && all.contains("File too large")
            && all.contains(&log.display().to_string())
            && all.contains(&format!("saved in {} instead", cont.display())),
        "{all}"
    );
    assert_eq!(
        len(&log),
        l,
        "nothing of the failed call stays in the full file"
    );
    acked.push(text);
    minute += 1;

    // And the note's own line crosses it, in that new file.
    let (l, s) = (len(&cont), next_seq(&cont));
    let target = LIMIT - l - opened_len(s) + 40;
    let text = sized(s + 1, minute, target);
    let run = limited(minute, &text);
    let all = run.text();
    let cont3 = incident.join(format!("log-{DEVICE}.3.jsonl"));
    assert_eq!(run.code, Some(0), "{all}");
    assert!(
        all.contains("NOT saved")
            && all.contains("File too large")
            && all.contains(&cont.display().to_string())
            && all.contains(&format!("saved in {} instead", cont3.display())),
        "{all}"
    );
    assert_eq!(len(&cont), l + opened_len(s), "the partial line is cut off");
    acked.push(text);

    let timeline = timeline_cli(&data, dir.path(), &incident);
    for text in &acked {
        assert_eq!(
            timeline.stdout.matches(&format!("note: {text}\n")).count(),
            1,
            "{text:.20}… must be in the timeline once:\n{}",
            timeline.text()
        );
    }
    let v = verify_cli(&incident);
    assert_eq!(v.code, Some(0), "{}", v.text());
    for path in [&log, &cont, &cont3] {
        assert!(len(path) <= LIMIT);
    }
    eprintln!(
        "file-size limit: {} notes, all in the timeline once, over 3 files of at most {LIMIT} bytes",
        acked.len()
    );
}

// --------------------------------------------------- 6. unwritable place

#[test]
fn a_log_path_that_is_a_folder_is_named_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.jsonl");
    fs::create_dir(&path).unwrap();
    let err = Writer::open(&path, &session()).unwrap_err();
    let msg = (EN.log_error)(&err);
    assert!(matches!(err, LogError::Open { .. }), "{msg}");
    assert!(
        msg.contains(&path.display().to_string())
            && msg.contains("Is a directory")
            && msg.contains("choose another folder"),
        "{msg}"
    );
    let err = Writer::create(&path, &session(), None).unwrap_err();
    assert!(
        (EN.log_error)(&err).contains(&path.display().to_string()),
        "{err:?}"
    );

    // Through the command line: this device's log in the incident folder is a folder.
    let data = dir.path().join("data");
    let incident = declare_cli(&data, dir.path());
    let log = log_of(&incident);
    fs::remove_file(&log).unwrap();
    fs::create_dir(&log).unwrap();
    let run = runbook_in(&data, dir.path(), &note_args(1, &incident, "a note"));
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stderr.contains(&log.display().to_string()) && run.stderr.contains("Is a directory"),
        "{}",
        run.text()
    );
    assert!(!run.stdout.contains("saved:"), "{}", run.text());
}

#[test]
fn a_data_folder_that_is_a_file_is_named_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::write(&data, "not a folder").unwrap();
    let mut args = ["incident", "new"].map(str::to_owned).to_vec();
    args.extend(
        [
            "--plan",
            &plan_path().display().to_string(),
            "--class",
            "other",
            "--level",
            "IV",
            "--title",
            "t",
        ]
        .map(str::to_owned),
    );
    let run = runbook_in(&data, dir.path(), &args);
    assert_eq!(run.code, Some(1), "{}", run.text());
    let incidents = data.join("incidents");
    assert!(
        run.stderr.contains(&format!(
            "cannot create the incidents folder {}",
            incidents.display()
        )) && run.stderr.contains("Not a directory"),
        "{}",
        run.text()
    );
}

#[test]
fn a_read_only_data_folder_is_named_in_the_message_unless_running_as_root() {
    let uid = Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        eprintln!(
            "running as root, whom a read-only folder does not stop: the read-only case is NOT tested"
        );
        return;
    }
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).unwrap();
    let plan = fs::read(plan_path()).unwrap();
    let err = OpenIncident::declare(&data, &plan, declaration(), "alex", DEVICE, t(0)).unwrap_err();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    let msg = (EN.failure)(&err);
    assert!(
        msg.contains(&data.join("incidents").display().to_string())
            && msg.contains("Permission denied"),
        "{msg}"
    );
}

// ------------------------------------- 7. a second writer never shares a file

#[test]
fn a_second_writer_is_refused_its_file_and_a_second_process_writes_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.jsonl");
    let first = Writer::create(&path, &session(), None).unwrap();
    let check = |err: LogError| {
        let msg = (EN.log_error)(&err);
        assert!(matches!(err, LogError::Locked(_)), "{msg}");
        assert!(
            msg.contains("another runbook is already writing")
                && msg.contains(&path.display().to_string()),
            "{msg}"
        );
    };
    check(Writer::open(&path, &session()).unwrap_err());
    drop(first);
    let (second, _) = Writer::open(&path, &session()).unwrap();
    check(Writer::open(&path, &session()).unwrap_err());
    drop(second);
    verified(&path);

    // Two processes on one device: this one holds the device's log (as the
    // window does), and the command line is not refused: it writes its own
    // file, and the held log is left untouched.
    let data = dir.path().join("data");
    let incident = declare_cli(&data, dir.path());
    let log = log_of(&incident);
    let (holder, _) = Writer::open(&log, &session()).unwrap();
    let before = fs::read(&log).unwrap();
    let run = runbook_in(
        &data,
        dir.path(),
        &note_args(1, &incident, "from the terminal"),
    );
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert!(
        run.stdout.contains("saved: note: from the terminal"),
        "{}",
        run.text()
    );
    assert_eq!(
        fs::read(&log).unwrap(),
        before,
        "the held log is not touched"
    );
    let second = incident.join(format!("log-{DEVICE}+2.jsonl"));
    assert_eq!(verified(&second).entries().count(), 1);
    let (entries, _) = incident_dir::read_entries(&incident).unwrap();
    assert!(
        entries
            .iter()
            .any(|e| note_text_opt(e) == Some("from the terminal")),
        "the incident reads both files"
    );
    drop(holder);
    let run = runbook_in(&data, dir.path(), &note_args(2, &incident, "accepted"));
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert!(
        run.stdout.contains("saved: note: accepted"),
        "{}",
        run.text()
    );
}

// -------------------------------------------------------- 8. tampering

pub(crate) fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// Replaces `from` by `to` in a line and recomputes the line's own hash, as
/// someone who knows the format would.
pub(crate) fn rehash(line: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = std::str::from_utf8(line).unwrap().trim_end();
    let (body, _) = text.rsplit_once(",\"hash\":\"").unwrap();
    assert!(body.contains(from));
    let body = body.replacen(from, to, 1);
    let hash = log::sha256_hex(body.as_bytes());
    format!("{body},\"hash\":\"{hash}\"}}\n").into_bytes()
}

#[test]
fn tampering_is_found_and_the_first_bad_line_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let incident = declare_cli(&data, dir.path());
    let mut head_shown = String::new();
    for i in 1..=4 {
        let run = runbook_in(
            &data,
            dir.path(),
            &note_args(i, &incident, &format!("note number {i}")),
        );
        assert_eq!(run.code, Some(0), "{}", run.text());
        head_shown = run
            .stdout
            .lines()
            .find_map(|l| l.strip_prefix("log head "))
            .unwrap()
            .to_owned();
    }
    let log = log_of(&incident);
    let original = fs::read(&log).unwrap();
    let lines = split_lines(&original);
    // opened, declared, closed, then opened, note, closed for each note.
    assert_eq!(lines.len(), 15);
    assert!(String::from_utf8_lossy(&lines[7]).contains("note number 2"));

    let run = verify_cli(&log);
    assert_eq!(run.code, Some(0), "{}", run.text());
    let head = verified(&log).head().to_owned();
    assert_eq!(
        run.stdout,
        format!(
            "{}: OK: 15 lines in 5 sessions, head {head}\n",
            log.display()
        )
    );
    assert!(
        head.starts_with(&head_shown),
        "the head shown after the last note"
    );

    let flip = |at: usize| {
        let mut l = lines.clone();
        l[7][at] ^= 0x01;
        l
    };
    let in_text = lines[7].windows(8).position(|w| w == b"number 2").unwrap();
    let mut dup = lines.clone();
    dup.insert(8, lines[7].clone());
    let mut swapped = lines.clone();
    swapped.swap(7, 8);
    let mut deleted = lines.clone();
    deleted.remove(7);
    let mut edited = lines.clone();
    edited[7] = rehash(&lines[7], "note number 2", "note number 9");
    let mut last = lines.clone();
    let at = lines[14].windows(5).position(|w| w == b"10:04").unwrap() + 4;
    last[14][at] = b'5';

    let cases: [(&str, Vec<Vec<u8>>, usize, &str); 7] = [
        (
            "a byte flipped in the text",
            flip(in_text),
            8,
            "the hash does not match",
        ),
        (
            "a byte flipped in the syntax",
            flip(0),
            8,
            "not a valid record",
        ),
        (
            "a line deleted",
            deleted,
            8,
            "sequence number 9 where 8 was expected",
        ),
        (
            "two lines swapped",
            swapped,
            8,
            "sequence number 9 where 8 was expected",
        ),
        (
            "a line duplicated",
            dup,
            9,
            "sequence number 8 where 9 was expected",
        ),
        (
            "a field edited and its hash recomputed",
            edited,
            9,
            "does not follow the line before",
        ),
        ("the last line edited", last, 15, "BAD at line 15"),
    ];
    for (what, tampered, line, reason) in cases {
        let path = dir.path().join("tampered.jsonl");
        fs::write(&path, tampered.concat()).unwrap();
        let run = verify_cli(&path);
        assert_eq!(run.code, Some(1), "{what}: {}", run.text());
        assert!(
            run.stdout
                .starts_with(&format!("{}: BAD at line {line}: ", path.display()))
                && run.stdout.contains(reason),
            "{what}: expected line {line} and {reason:?}: {}",
            run.text()
        );
    }

    cut_and_rewritten(dir.path(), &lines, &log, &head_shown);
}

/// A log cut at a line boundary, and one whose last line was rewritten with
/// its hash recomputed: what `verify` and `verify --head` say.
fn cut_and_rewritten(dir: &Path, lines: &[Vec<u8>], log: &Path, head_shown: &str) {
    // Cutting the log at a line boundary removes its closing record: the
    // session is reported as never ended.
    let path = dir.join("cut.jsonl");
    fs::write(&path, lines[..14].concat()).unwrap();
    let run = verify_cli(&path);
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stdout.contains(": UNCLOSED: ") && run.stdout.contains("cut off"),
        "{}",
        run.text()
    );

    // Editing the last line and recomputing its hash leaves a chain that
    // verifies: only the head hash written down elsewhere shows it.
    let mut rewritten = lines.to_vec();
    rewritten[14] = rehash(&lines[14], "T10:04", "T10:05");
    let path = dir.join("rewritten.jsonl");
    fs::write(&path, rewritten.concat()).unwrap();
    let run = verify_cli(&path);
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert!(
        run.stdout.contains(": OK: ") && !run.stdout.contains(&format!("head {head_shown}")),
        "the head hash changes: {}",
        run.text()
    );
    let with_head = |path: &Path| verify_head_cli(path, head_shown);
    let run = with_head(&path);
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stdout
            .contains(&format!("head {head_shown}: NOT FOUND: ")),
        "the head written down is no longer in the chain: {}",
        run.text()
    );
    let run = with_head(log);
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert!(
        run.stdout.contains(&format!(
            "head {head_shown}: FOUND: line 15 of {}, the last line of the file",
            log.display()
        )),
        "the head shown after the last note is the closing record's: {}",
        run.text()
    );
}

// ------------------------------------------------------ 9. model check

#[derive(Clone, Debug)]
enum Op {
    /// Append a note with this much text.
    Append(usize),
    /// Crash, losing everything after this byte (taken modulo the length + 1), then reopen.
    Crash(u64),
    /// Crash without losing bytes, then reopen.
    Reopen,
    /// A clean exit, then reopen.
    Close,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0usize..120).prop_map(Op::Append),
        2 => any::<u64>().prop_map(Op::Crash),
        1 => Just(Op::Reopen),
        1 => Just(Op::Close),
    ]
}

/// Runs the operations against a real log and a model of what it must hold.
fn model_check(ops: &[Op]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.jsonl");
    let mut writer = Some(Writer::create(&path, &session(), None).unwrap());
    // The acknowledged entries that must be in the file, each with where its line ends.
    let mut model: Vec<(Entry, u64)> = Vec::new();
    let mut torn_files = 0;
    for (i, op) in ops.iter().enumerate() {
        let minute = i64::try_from(i).unwrap();
        match op {
            Op::Append(n) => {
                let entry = note(&format!("p{i} {}", "y".repeat(*n)), minute);
                writer.as_mut().unwrap().append(&entry).unwrap();
                model.push((entry, fs::metadata(&path).unwrap().len()));
            }
            Op::Crash(_) | Op::Reopen | Op::Close => {
                let w = writer.take().unwrap();
                if matches!(op, Op::Close) {
                    w.close(t(minute)).unwrap();
                } else {
                    drop(w);
                }
                let before = fs::read(&path).unwrap();
                let k = match op {
                    Op::Crash(at) => usize::try_from(at % (before.len() as u64 + 1)).unwrap(),
                    _ => before.len(),
                };
                File::options()
                    .write(true)
                    .open(&path)
                    .unwrap()
                    .set_len(k as u64)
                    .unwrap();
                let acknowledged: Vec<Entry> = model.iter().map(|(e, _)| e.clone()).collect();
                model.retain(|(_, end)| *end <= k as u64);
                assert!(
                    acknowledged
                        .starts_with(&model.iter().map(|(e, _)| e.clone()).collect::<Vec<_>>()),
                    "what survives a cut is a prefix of what was acknowledged"
                );
                let (w, report) = Writer::open(&path, &session()).unwrap();
                let cut_mid_line = k > 0 && before[k - 1] != b'\n';
                if cut_mid_line {
                    torn_files += 1;
                    let start = before[..k]
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1);
                    let side = dir.path().join(format!("log.jsonl.torn-{torn_files}"));
                    assert_eq!(
                        report.recovered,
                        Some((start as u64, (k - start) as u64, side.clone()))
                    );
                    assert_eq!(fs::read(&side).unwrap(), &before[start..k]);
                    let after = fs::read(&path).unwrap();
                    assert_eq!(&after[..start], &before[..start]);
                    let scan = log::scan(&after);
                    let n = log::scan(&before[..start]).lines.len();
                    assert!(matches!(scan.lines[n].record, Record::Recovered { .. }));
                } else {
                    assert_eq!(report.recovered, None);
                }
                writer = Some(w);
            }
        }
        let scan = verified(&path);
        let in_file: Vec<&Entry> = scan.entries().collect();
        let expected: Vec<&Entry> = model.iter().map(|(e, _)| e).collect();
        assert_eq!(in_file, expected, "after op {i} ({op:?})");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_appends_crashes_and_reopenings_keep_a_verified_prefix(
        ops in prop::collection::vec(op(), 1..24),
    ) {
        model_check(&ops);
    }
}

/// A data folder on a small tmpfs: a declaration that does not fit leaves
/// nothing behind, and a rescue that cannot pin the plan leaves no empty
/// copy that later commands would trip on (issue 27, finding 2).
#[test]
fn a_full_disk_leaves_no_half_made_incident_and_no_empty_plan() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cwd = dir.path().join("cwd");
    fs::create_dir_all(&data).unwrap();
    fs::create_dir_all(&cwd).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let big = root.join("plans/online-education-platform.ron");
    let small = plan_path();
    let script = r#"
        set -u
        data=$1 bin=$2 big=$3 small=$4
        mount -t tmpfs -o size=128k tmpfs "$data" || exit 97
        "$bin" incident new --plan "$big" --class network --level II --title big >/dev/null 2>&1
        echo "big $?"
        echo "left: $(ls -A "$data/incidents" | tr '\n' ' ')"
        "$bin" incident new --plan "$small" --class other --level IV --title small --drill >/dev/null 2>&1
        echo "small $?"
        dd if=/dev/zero of="$data/filler" bs=1k 2>/dev/null
        pad=$(printf '%08000d' 0)
        "$bin" incident note other "on a full disk $pad" >"$data/../full.out" 2>&1
        echo "full $?"
        echo "read: $("$bin" incident timeline other | grep -c 'on a full disk')"
        "$bin" verify "$data"/incidents/*other* >"$data/../verify-full.out" 2>&1
        echo "verify-full $? $(grep -c runbook-rescue "$data/../verify-full.out")"
        for f in "$data"/rescue/*/plan.ron; do
            [ -e "$f" ] && echo "rescue plan: $(wc -c < "$f")"
        done
        rm -f "$data/filler"
        "$bin" incident note other "space is back" >/dev/null 2>"$data/../back.err"
        echo "back $?"
        echo "joined: $(grep -c 'continues from them' "$data/../back.err")"
        echo "once: $("$bin" incident timeline other | grep -c 'on a full disk')"
        echo "after: $("$bin" incident timeline other | grep -c 'space is back')"
        "$bin" verify "$data"/incidents/*other* >/dev/null 2>&1
        echo "verify $?"
        umount "$data"
    "#;
    let Some(run) = in_mount_namespace(&data, &cwd, script, &[&data, Path::new(BIN), &big, &small])
    else {
        return;
    };
    let said = |what: &str| {
        run.stdout
            .lines()
            .find_map(|l| l.strip_prefix(what))
            .unwrap_or_else(|| panic!("no {what:?} in {}", run.text()))
            .trim()
            .to_owned()
    };
    assert_eq!(
        said("big "),
        "1",
        "the big plan does not fit: {}",
        run.text()
    );
    assert_eq!(said("left:"), "", "nothing of it is left: {}", run.text());
    assert_eq!(said("small "), "0", "{}", run.text());
    assert_eq!(
        said("full "),
        "0",
        "saved in the current folder: {}",
        run.text()
    );
    assert!(
        !run.stdout.contains("rescue plan: 0"),
        "no empty plan copy: {}",
        run.text()
    );
    assert_eq!(
        said("back "),
        "0",
        "commands work once space returns: {}",
        run.text()
    );
    // Before space returns, reading and verifying the incident's folder
    // already take in the note saved in the current folder.
    assert_eq!(said("read:"), "1", "{}", run.text());
    let verify_full = said("verify-full ");
    let named: u32 = verify_full
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        named > 0,
        "verify takes in the rescued log: {verify_full}: {}",
        run.text()
    );
    // The rescued note stays part of the incident's record: the log here
    // continues from the rescue instead of forking beside it.
    assert_eq!(said("joined:"), "1", "{}", run.text());
    assert_eq!(said("once:"), "1", "the rescued note, once: {}", run.text());
    assert_eq!(said("after:"), "1", "{}", run.text());
    assert_eq!(
        said("verify "),
        "0",
        "the whole record verifies: {}",
        run.text()
    );
    assert!(
        fs::read_dir(&cwd).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("runbook-rescue-")),
        "the note went to the current folder"
    );
}
