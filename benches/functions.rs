//! Micro-benchmarks of the functions behind the figures of `BENCHMARKS.md`
//! (`cargo bench`): loading a plan (figure 2) beside the ron floor,
//! appending an event durably (3), reading and replaying a log (4), and the
//! model calls a frame makes (5). The data is generated once, the way
//! `scripts/bench.sh` makes it (the hidden `runbook generate`), a size
//! smaller so that a run takes a minute: a 10,000-step plan and a
//! 20,000-event incident under it. The figures are ratios measured by
//! `scripts/bench.sh`; these say where the time goes inside each.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::Utc;
use divan::{Bencher, black_box};
use runbook::cli::generate::{GenerateCommand, run};
use runbook::io::incident_dir::read;
use runbook::io::log;
use runbook::model::incident::{Entry, Event, Incident};
use runbook::model::plan::{self, Plan};

fn main() {
    divan::main();
}

struct Data {
    _dir: tempfile::TempDir,
    plan_bytes: Vec<u8>,
    plan: Plan,
    incident_dir: PathBuf,
    log: PathBuf,
    incident: Incident,
}

static DATA: LazyLock<Data> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.ron");
    let mut out = Vec::new();
    run(
        &GenerateCommand::Plan {
            steps: 10_000,
            people: 2_000,
            units: 300,
            classes: 50,
            out: plan_path.clone(),
        },
        &mut out,
    )
    .unwrap();
    out.clear();
    run(
        &GenerateCommand::Incident {
            plan: plan_path.clone(),
            events: 20_000,
            data_dir: dir.path().join("data"),
        },
        &mut out,
    )
    .unwrap();
    let incident_dir = PathBuf::from(String::from_utf8(out).unwrap().trim());
    let plan_bytes = std::fs::read(&plan_path).unwrap();
    let plan = plan::parse(&plan_bytes).unwrap().plan;
    let (entries, _) = read::read_entries(&incident_dir).unwrap();
    let incident = Incident::from_entries(entries).unwrap();
    Data {
        log: incident_dir.join("log-gen.jsonl"),
        _dir: dir,
        plan_bytes,
        plan,
        incident_dir,
        incident,
    }
});

/// Figure 2: a 10,000-step plan parsed, validated and checked.
#[divan::bench]
fn plan_load(bencher: Bencher) {
    let bytes = &DATA.plan_bytes;
    bencher.bench(|| plan::parse(black_box(bytes)).is_ok());
}

/// Figure 2's floor: the same text into `ron::Value`.
#[divan::bench]
fn plan_ron_value(bencher: Bencher) {
    let text = std::str::from_utf8(&DATA.plan_bytes).unwrap();
    bencher.bench(|| ron::from_str::<ron::Value>(black_box(text)).is_ok());
}

/// Figure 3: one note appended durably (written and synced).
#[divan::bench(sample_count = 30, sample_size = 5)]
fn log_append(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let session = log::Session {
        device: "bench".to_owned(),
        machine: None,
        plan_sha256: String::new(),
        at: Utc::now(),
    };
    let mut writer = log::Writer::create(&dir.path().join("log.jsonl"), &session, None).unwrap();
    let entry = Entry {
        recorded_at: Utc::now(),
        happened_at: None,
        by: "bench".into(),
        device: "bench".into(),
        after: runbook::model::incident::Causes::default(),
        event: Event::Note {
            text: "A note the length of a real one, about what was seen.".to_owned(),
            step: None,
            corrects: None,
        },
    };
    bencher.bench_local(|| writer.append(black_box(&entry)).is_ok());
}

/// Figure 4, the reading: a 20,000-event log read and checked line by line.
#[divan::bench(sample_count = 20)]
fn log_read(bencher: Bencher) {
    let path = &DATA.log;
    bencher.bench(|| log::read(black_box(path)).map(|s| s.lines.len()));
}

/// Figure 4, the whole: every log of the folder read, merged and replayed.
#[divan::bench(sample_count = 20)]
fn incident_replay(bencher: Bencher) {
    let dir = &DATA.incident_dir;
    bencher.bench(|| {
        let (entries, _) = read::read_entries(black_box(dir)).unwrap();
        Incident::from_entries(entries).map(|i| i.timeline().len())
    });
}

/// Figure 5: the checklist and clocks a frame of the walk shows.
#[divan::bench]
fn frame_status(bencher: Bencher) {
    let (plan, incident) = (&DATA.plan, &DATA.incident);
    bencher.bench(|| incident.status(plan, Utc::now()).items.len());
}

/// Figure 5: the call tree a frame of the calls view works out (once per
/// recorded entry; the view keeps it).
#[divan::bench]
fn frame_call_sheet(bencher: Bencher) {
    let (plan, incident) = (&DATA.plan, &DATA.incident);
    bencher.bench(|| incident.calls(plan).lines.len());
}

/// Figure 5: the entries about one step, as the step panel shows them.
#[divan::bench]
fn frame_entries_about_a_step(bencher: Bencher) {
    let incident = &DATA.incident;
    let step = incident
        .timeline()
        .iter()
        .find_map(|e| e.event.step().cloned())
        .unwrap();
    bencher.bench(|| incident.entries_about(black_box(&step)).count());
}
