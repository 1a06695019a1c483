//! The cost of one frame of each main view, for figure 5 of
//! `BENCHMARKS.md`: the window runs in the egui_kittest harness (no GPU, no
//! window), on a plan with an incident open, and each view is measured
//! after a few frames to settle. Two measures, because one frame is a
//! fraction of a millisecond and a busy machine swings its time by 2×:
//!
//! - `frames time SMALL LARGE [ROUNDS [VIEW,…]]`, where SMALL and LARGE are
//!   each `PLAN DATA_DIR INCIDENT_DIR`: both windows in one process, their
//!   frames interleaved (ten of the small, ten of the large, then the other
//!   way round, ROUNDS times), each batch timed in the thread's own CPU
//!   time, so that time the machine gives to others is not counted and a
//!   slow minute weighs on both sides alike. Prints one line per view:
//!   `<view> <large µs> <small µs> <ratio> <ratio q1> <ratio q3>` — the
//!   medians of each side's per-frame CPU time, and the median and quartiles
//!   of the paired ratios (each round's large over its small).
//! - `frames count PLAN DATA_DIR INCIDENT_DIR [FRAMES [VIEW,…]]`: one window;
//!   each view's FRAMES frames run inside a function of its own
//!   (`measure_<view>`), for `valgrind --tool=callgrind
//!   --toggle-collect='*measure_*'` to count their instructions: a count
//!   that does not depend on what else the machine is doing. Prints
//!   `<view> <frames>` per view.
//!
//! The incidents are opened for writing as the window would (each log gets
//! a writing session).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use runbook::app::{RunbookApp, Settings};
use runbook::i18n::Lang;
use runbook::service::context::Overrides;
use runbook::service::{Context, Service};
use runbook::ui::View;
use runbook::ui::incident::Tab;

/// The views measured, by the name the table prints.
const VIEWS: [(&str, View, Option<Tab>); 8] = [
    ("overview", View::Overview, None),
    ("organisation", View::Organisation, None),
    ("contacts", View::Contacts, None),
    ("text", View::Text, None),
    ("classes", View::Classes, None),
    ("walk", View::Incident, Some(Tab::Walk)),
    ("calls", View::Incident, Some(Tab::Calls)),
    ("timeline", View::Incident, Some(Tab::Timeline)),
];

/// Frames a view runs before it is measured: the first ones build what it
/// caches.
const SETTLE: usize = 5;

/// Frames in one timed batch of the interleaved measure.
const BATCH: u32 = 10;

type Window<'a> = Harness<'a, RunbookApp>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args[..] {
        ["time", sp, sd, si, lp, ld, li, ref rest @ ..] => {
            let rounds: u32 = rest.first().map_or(Ok(21), |n| n.parse())?;
            let only = views_named(rest.get(1).copied());
            let mut small = open(sp, sd, si)?;
            let mut large = open(lp, ld, li)?;
            for (name, view, tab) in VIEWS {
                if only.is_empty() || only.contains(&name) {
                    let t = interleaved(&mut small, &mut large, view, tab, rounds);
                    println!(
                        "{name} {:.0} {:.0} {:.3} {:.3} {:.3}",
                        t.large, t.small, t.ratio, t.ratio_q1, t.ratio_q3
                    );
                }
            }
        }
        ["count", plan, data, incident, ref rest @ ..] => {
            let frames: usize = rest.first().map_or(Ok(20), |n| n.parse())?;
            let only = views_named(rest.get(1).copied());
            let mut window = open(plan, data, incident)?;
            for (name, view, tab) in VIEWS {
                if only.is_empty() || only.contains(&name) {
                    show(&mut window, view, tab);
                    window.run_steps(SETTLE);
                    counted(name, &mut window, frames);
                    println!("{name} {frames}");
                }
            }
        }
        _ => {
            return Err(
                "usage: frames time PLAN DATA INCIDENT PLAN DATA INCIDENT [ROUNDS [VIEW,…]]\n   \
                        or: frames count PLAN DATA INCIDENT [FRAMES [VIEW,…]]"
                    .into(),
            );
        }
    }
    Ok(())
}

fn views_named(list: Option<&str>) -> Vec<&str> {
    list.map_or(Vec::new(), |v| v.split(',').collect())
}

/// The window on `plan`, with the incident in `incident` open.
fn open(plan: &str, data: &str, incident: &str) -> Result<Window<'static>, String> {
    let service = Service::new(Context::from_env(Overrides {
        data_dir: Some(PathBuf::from(data)),
        operator: Some("bench".to_owned()),
        device: Some("bench".to_owned()),
        machine: Some("bench-machine".to_owned()),
        clock: None,
        zone: None,
    }));
    let plan = PathBuf::from(plan);
    let settings = Settings {
        lang: Some(Lang::Zh),
        ..Settings::default()
    };
    let mut window = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            RunbookApp::with_service(&cc.egui_ctx, settings, Some(plan), false, service)
        });
    // A long incident opens on another thread: frames run meanwhile.
    window.state_mut().resume(&PathBuf::from(incident));
    let started = Instant::now();
    while window.state().incidents().next().is_none() {
        if started.elapsed() > Duration::from_secs(300) {
            return Err(format!("{incident} did not open"));
        }
        std::thread::sleep(Duration::from_millis(20));
        window.step();
    }
    // And the incident list, read on another thread too: until its row
    // comes, the views draw one row fewer, so a measure taken before it
    // would differ from one taken after by the time the reading took.
    let listed = |w: &Window<'_>| {
        let rows = w.state().rows();
        !rows.is_empty() && rows.iter().all(|r| !r.reading)
    };
    while !listed(&window) {
        if started.elapsed() > Duration::from_secs(600) {
            return Err(format!("the incidents in {data} were not listed"));
        }
        std::thread::sleep(Duration::from_millis(20));
        window.step();
    }
    Ok(window)
}

fn show(window: &mut Window<'_>, view: View, tab: Option<Tab>) {
    let state = window.state_mut().views_mut();
    state.view = view;
    if let Some(tab) = tab {
        state.incident.tab = tab;
    }
}

/// The medians of an interleaved measure, in µs per frame, and the paired
/// ratios' median and quartiles.
struct Timed {
    large: f64,
    small: f64,
    ratio: f64,
    ratio_q1: f64,
    ratio_q3: f64,
}

fn interleaved(
    small: &mut Window<'_>,
    large: &mut Window<'_>,
    view: View,
    tab: Option<Tab>,
    rounds: u32,
) -> Timed {
    show(small, view, tab);
    show(large, view, tab);
    small.run_steps(SETTLE);
    large.run_steps(SETTLE);
    let (mut s, mut l, mut r) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        // Which side goes first alternates, so that neither always runs
        // with the caches the other left behind.
        let (a, b) = if round % 2 == 0 {
            let a = batch(small);
            (a, batch(large))
        } else {
            let b = batch(large);
            (batch(small), b)
        };
        s.push(a);
        l.push(b);
        if a > 0.0 {
            r.push(b / a);
        }
    }
    let (_, small_med, _) = quartiles(&mut s);
    let (_, large_med, _) = quartiles(&mut l);
    let (q1, ratio, q3) = quartiles(&mut r);
    Timed {
        large: large_med,
        small: small_med,
        ratio,
        ratio_q1: q1,
        ratio_q3: q3,
    }
}

/// Microseconds of this thread's CPU time per frame over one batch.
fn batch(window: &mut Window<'_>) -> f64 {
    let start = thread_cpu();
    window.run_steps(BATCH as usize);
    (thread_cpu() - start).as_secs_f64() * 1e6 / f64::from(BATCH)
}

/// The CPU time this thread has used (`CLOCK_THREAD_CPUTIME_ID`): time
/// the machine gives to other processes is not in it.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// The first quartile, the median and the third quartile (the middle
/// values of each half, interpolated), of samples sorted in place.
fn quartiles(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |p: f64| {
        if v.is_empty() {
            return 0.0;
        }
        let x = p * (v.len() - 1) as f64;
        let (lo, hi) = (x.floor() as usize, x.ceil() as usize);
        v[lo] + (v[hi] - v[lo]) * (x - x.floor())
    };
    (at(0.25), at(0.5), at(0.75))
}

/// Runs a view's frames under a name of its own, for callgrind to count
/// (`--toggle-collect='*measure_*'`): one function per view, so one run
/// counts them all, each apart.
fn counted(name: &str, window: &mut Window<'_>, frames: usize) {
    macro_rules! per_view {
        ($($view:literal => $f:ident),* $(,)?) => {
            $(
                // Each body differs (its view's name), so that the compiler
                // does not fold the eight into one function.
                #[inline(never)]
                fn $f(window: &mut Window<'_>, frames: usize) {
                    std::hint::black_box($view);
                    window.run_steps(std::hint::black_box(frames));
                }
            )*
            match name {
                $($view => $f(window, frames),)*
                _ => {}
            }
        };
    }
    per_view!(
        "overview" => measure_overview,
        "organisation" => measure_organisation,
        "contacts" => measure_contacts,
        "text" => measure_text,
        "classes" => measure_classes,
        "walk" => measure_walk,
        "calls" => measure_calls,
        "timeline" => measure_timeline,
    );
}
