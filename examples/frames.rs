//! The CPU cost of one frame of each main view, for figure 5 of
//! `BENCHMARKS.md`: the window runs in the egui_kittest harness (no GPU, no
//! window), on a plan with an incident open, and each view is timed over
//! many frames after a few to settle. `scripts/bench.sh` runs it twice —
//! the bundled plan with a short incident, then a 10,000-step plan with a
//! 100,000-event incident — and divides.
//!
//! Usage: `frames PLAN DATA_DIR INCIDENT_DIR [FRAMES [VIEW,…]]`; prints one
//! line per view, `<view> <microseconds per frame>` (only the views named,
//! when some are: for profiling one). The incident is opened for
//! writing as the window would (its log gets a writing session).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use runbook::app::{RunbookApp, Settings};
use runbook::i18n::Lang;
use runbook::service::context::Overrides;
use runbook::service::{Context, Service};
use runbook::ui::View;
use runbook::ui::incident::Tab;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [plan, data, incident, rest @ ..] = &args[..] else {
        return Err("usage: frames PLAN DATA_DIR INCIDENT_DIR [FRAMES [VIEW,…]]".into());
    };
    let frames: u32 = rest.first().map_or(Ok(50), |n| n.parse())?;
    let only: Vec<&str> = rest.get(1).map_or(Vec::new(), |v| v.split(',').collect());
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
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            RunbookApp::with_service(&cc.egui_ctx, settings, Some(plan), false, service)
        });
    // A long incident opens on another thread: frames run meanwhile.
    harness.state_mut().resume(&PathBuf::from(incident));
    let started = Instant::now();
    while harness.state().incidents().next().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            return Err(format!("{incident} did not open").into());
        }
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    let views: [(&str, View, Option<Tab>); 8] = [
        ("overview", View::Overview, None),
        ("organisation", View::Organisation, None),
        ("contacts", View::Contacts, None),
        ("text", View::Text, None),
        ("classes", View::Classes, None),
        ("walk", View::Incident, Some(Tab::Walk)),
        ("calls", View::Incident, Some(Tab::Calls)),
        ("timeline", View::Incident, Some(Tab::Timeline)),
    ];
    for (name, view, tab) in views {
        if !only.is_empty() && !only.contains(&name) {
            continue;
        }
        let state = harness.state_mut().views_mut();
        state.view = view;
        if let Some(tab) = tab {
            state.incident.tab = tab;
        }
        // The first frames of a view build what it caches.
        harness.run_steps(5);
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let start = Instant::now();
            harness.run_steps(frames as usize);
            best = best.min(start.elapsed() / frames);
        }
        println!("{name} {}", best.as_micros());
    }
    Ok(())
}
