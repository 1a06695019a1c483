//! `runbook generate` (hidden): synthetic plans and incident logs of a given
//! size, for measuring how the app behaves as plans and incidents grow
//! (`scripts/bench.sh`, `BENCHMARKS.md`).
//!
//! A generated plan is valid (it loads; warnings are allowed) and has the
//! shape of a real one: a tree of units, a role per unit with a holder and a
//! deputy, four levels with call trees, fault classes with procedures spread
//! over the phases, templates. A generated incident is a real incident
//! folder: declared through the service, then given events written as
//! hash-chained lines in one writing session, so `verify` checks it and
//! every reader replays it — only the per-line sync is left out, which is
//! what makes writing 100,000 events take seconds instead of minutes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Duration, Utc};

use super::clean::say;
use crate::i18n::Lang;
use crate::io::log::{self, Record};
use crate::model::ids::{ClassId, StepId};
use crate::model::incident::{Answer, Declaration, Entry, Event, StepStatus};
use crate::model::plan::Wording as _;
use crate::service::context::Overrides;
use crate::service::{Context, Service};

/// What to generate.
#[derive(Debug, clap::Subcommand)]
pub enum GenerateCommand {
    /// A valid synthetic plan.
    Plan {
        /// Steps in all, spread over the fault classes' procedures.
        #[arg(long, default_value_t = 10_000)]
        steps: usize,
        /// People in the directory.
        #[arg(long, default_value_t = 2_000)]
        people: usize,
        /// Units of the organisation.
        #[arg(long, default_value_t = 300)]
        units: usize,
        /// Fault classes.
        #[arg(long, default_value_t = 50)]
        classes: usize,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// An incident under a plan, with a long log.
    Incident {
        /// The plan.
        #[arg(long, value_name = "FILE")]
        plan: PathBuf,
        /// Events after the declaration.
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// The data folder to declare it in.
        #[arg(long, value_name = "DIR")]
        data_dir: PathBuf,
    },
}

/// Runs `runbook generate`.
///
/// # Errors
/// A file that cannot be written, or a generated plan that does not load.
pub fn run(cmd: &GenerateCommand, out: &mut dyn std::io::Write) -> anyhow::Result<ExitCode> {
    match cmd {
        GenerateCommand::Plan {
            steps,
            people,
            units,
            classes,
            out: file,
        } => {
            let text = plan(*steps, *people, (*units).max(1), (*classes).max(1));
            if let Err(diags) = crate::model::plan::parse(text.as_bytes()) {
                bail!(
                    "the generated plan does not load: {}",
                    // For the benchmarks' scripts, in English.
                    diags
                        .first()
                        .map_or_else(String::new, |d| Lang::En.tr().plan.message(&d.kind))
                );
            }
            crate::io::output::write_atomic(file, text.as_bytes())?;
            say!(out, "{}: {} bytes", file.display(), text.len())?;
        }
        GenerateCommand::Incident {
            plan,
            events,
            data_dir,
        } => {
            let dir = incident(plan, *events, data_dir)?;
            say!(out, "{}", dir.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The text of a synthetic plan.
fn plan(steps: usize, people: usize, units: usize, classes: usize) -> String {
    let people = people.max(units * 2);
    let mut s = String::from(
        "Plan(\n    format: 1,\n    meta: (title: \"Synthetic plan\", organisation: \"Example\", version: \"1\", \
         effective: \"2026-01-01\", owner: \"Office\", approver: \"Chief\", language: \"en\"),\n",
    );
    s.push_str("    units: [\n");
    for u in 0..units {
        let parent = if u == 0 {
            String::new()
        } else {
            format!(", parent: Some(\"u{}\")", (u - 1) / 4)
        };
        let _ = writeln!(s, "        (id: \"u{u}\", name: \"Unit {u}\"{parent}),");
    }
    s.push_str("    ],\n    roles: [\n");
    for u in 0..units {
        let _ = writeln!(
            s,
            "        (id: \"r{u}\", unit: \"u{u}\", name: \"Role {u}\", duties: [\"Leads unit {u}.\"], \
             holder: \"p{}\", deputies: [\"p{}\"]),",
            2 * u,
            2 * u + 1
        );
    }
    s.push_str("    ],\n    people: [\n");
    for p in 0..people {
        let _ = writeln!(
            s,
            "        (id: \"p{p}\", name: \"Person {p}\", contact: (mobile: Some(\"138-{:04}-{:04}\"))),",
            p / 10_000,
            p % 10_000
        );
    }
    s.push_str("    ],\n    levels: [\n");
    for (l, colour) in ["I", "II", "III", "IV"]
        .iter()
        .zip(["Red", "Orange", "Yellow", "Blue"])
    {
        let _ = writeln!(
            s,
            "        (id: \"{l}\", name: \"{colour}\", colour: {colour}, criteria: [\"Level {l}.\"], activates: [\"u0\"]),"
        );
    }
    // Every level calls every unit's role at once: all steps' owners are
    // reached at 5 minutes.
    s.push_str("    ],\n    call_trees: [\n");
    for l in ["I", "II", "III", "IV"] {
        let _ = write!(s, "        (level: \"{l}\", root: Role(\"r0\"), calls: [");
        for u in 1..units {
            let _ = write!(s, "(to: Role(\"r{u}\"), within_minutes: Some(5)), ");
        }
        if units == 1 {
            s.push_str("(to: Person(\"p1\"), within_minutes: Some(5))");
        }
        s.push_str("]),\n");
    }
    s.push_str("    ],\n    classes: [\n");
    for c in 0..classes {
        let _ = writeln!(
            s,
            "        (id: \"c{c}\", name: \"Class {c}\", description: \"Faults of kind {c}.\", \
             detection: [\"Alerts\"], assessment: [(id: \"q\", text: \"All down?\", level: \"I\")]),"
        );
    }
    let phases = [
        "assess",
        "inform",
        "contain",
        "communicate",
        "recover",
        "close",
    ];
    s.push_str("    ],\n    phases: [\n");
    for p in phases {
        let _ = writeln!(s, "        (id: \"{p}\", name: \"Phase {p}\"),");
    }
    s.push_str("    ],\n    procedures: [\n");
    let per_class = steps.div_ceil(classes).max(1);
    let mut n = 0;
    for c in 0..classes {
        let _ = writeln!(s, "        (class: \"c{c}\", steps: [");
        for k in 0..per_class {
            if n >= steps && k > 0 {
                break;
            }
            let phase = phases[(k * phases.len() / per_class).min(phases.len() - 1)];
            let role = n % units;
            let kind = match k % 10 {
                3 => format!("Record(key: \"v{k}\", label: \"Value {k}\", value: Text)"),
                7 => "Communicate(template: \"t0\")".to_owned(),
                _ => "Action".to_owned(),
            };
            // No deadline in the closing phase, which counts from the close.
            let deadline = if k.is_multiple_of(5) && phase != "close" {
                ", deadline_minutes: Some(30)"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "            (id: \"s{n}\", text: \"Step {n} of class {c}: do the thing, check it, and say so.\", \
                 phase: Some(\"{phase}\"), role: \"r{role}\"{deadline}, kind: {kind}),"
            );
            n += 1;
        }
        s.push_str("        ]),\n");
    }
    s.push_str(
        "    ],\n    templates: [\n        (id: \"t0\", audience: Internal, name: \"Update\", \
         body: \"[{level}] {title}: {now}.\"),\n    ],\n)\n",
    );
    s
}

/// Declares an incident under `plan` in `data_dir` and gives it `events`
/// events in one more writing session; returns its folder.
fn incident(plan_path: &Path, events: usize, data_dir: &Path) -> anyhow::Result<PathBuf> {
    let bytes =
        std::fs::read(plan_path).with_context(|| format!("cannot read {}", plan_path.display()))?;
    let plan = crate::model::plan::parse(&bytes)
        .map_err(|_| anyhow::anyhow!("{} does not load: runbook check", plan_path.display()))?
        .plan;
    let t0: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-03-02T01:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .context("the start time")?;
    let service = Service::new(Context::from_env(Overrides {
        data_dir: Some(data_dir.to_owned()),
        operator: Some("bench".to_owned()),
        device: Some("gen".to_owned()),
        machine: Some("bench-machine".to_owned()),
        clock: Some(crate::clock::Clock::fixed(t0)),
        zone: None,
    }));
    let first = plan
        .doc()
        .classes
        .first()
        .context("the plan has no class")?;
    let class = first.id.clone();
    // Answer the class's first question yes: the level it suggests.
    let answers: Vec<Answer> = first
        .assessment
        .first()
        .map(|q| Answer {
            question: q.id.clone(),
            yes: true,
        })
        .into_iter()
        .collect();
    let level = first
        .assessment
        .is_empty()
        .then(|| plan.doc().levels[0].id.clone());
    let say = |e: crate::io::incident_dir::IncidentError| {
        anyhow::anyhow!((crate::i18n::incident::EN.failure)(&e))
    };
    let open = service
        .declare(
            &plan,
            &bytes,
            Declaration {
                title: "Synthetic incident".to_owned(),
                class: class.clone(),
                level,
                level_reason: None,
                answers,
                discovered_at: None,
                commander: None,
                drill: true,
            },
        )
        .map_err(say)?;
    let dir = open.dir().to_owned();
    service.finish(open).map_err(say)?;
    let path = dir.join("log-gen.jsonl");
    let scan =
        log::read(&path).map_err(|e| anyhow::anyhow!((crate::i18n::incident::EN.log_error)(&e)))?;
    let Some(first) = scan.lines.first() else {
        bail!("{} is empty", path.display());
    };
    let Record::Opened {
        app_version,
        device,
        machine,
        plan_sha256,
        ..
    } = first.record.clone()
    else {
        bail!("{} does not start with its session", path.display());
    };
    let steps: Vec<StepId> = plan
        .flow(&ClassId::new(class.as_str()))
        .iter()
        .map(|f| f.step.id.clone())
        .collect();
    let mut seq = scan.lines.last().map_or(0, |l| l.seq);
    let mut head = scan.head().to_owned();
    let file = std::fs::OpenOptions::new().append(true).open(&path)?;
    let mut w = std::io::BufWriter::new(file);
    let mut put = |record: &Record| -> std::io::Result<()> {
        seq += 1;
        let (line, hash) = log::format_line(seq, &head, record);
        head = hash;
        w.write_all(&line)
    };
    let at = |k: usize| t0 + Duration::seconds(60 + i64::try_from(k).unwrap_or(i64::MAX / 4));
    put(&Record::Opened {
        app_version,
        device: device.clone(),
        machine,
        plan_sha256,
        at: at(0),
        continues: None,
    })?;
    for k in 0..events {
        let event = synthetic_event(k, &steps);
        put(&Record::Event {
            entry: Entry {
                recorded_at: at(k + 1),
                happened_at: None,
                by: "bench".into(),
                device: device.as_str().into(),
                after: crate::model::incident::Causes::default(),
                event,
            },
        })?;
    }
    put(&Record::Closed { at: at(events + 1) })?;
    w.flush()?;
    w.get_ref().sync_all()?;
    Ok(dir)
}

/// The k-th event of a generated log: a step opened or done, or a note of
/// the length a real one has.
fn synthetic_event(k: usize, steps: &[StepId]) -> Event {
    match (k % 4, steps.get(k % steps.len().max(1))) {
        (0, Some(step)) => Event::StepStatus {
            step: step.clone(),
            status: if k.is_multiple_of(8) {
                StepStatus::Done
            } else {
                StepStatus::Reopened
            },
        },
        _ => Event::Note {
            text: format!(
                "Observation {k}: the edge nodes in region {} report a packet loss of {}.{} % \
                 and the vendor is looking into it; next check in five minutes.",
                k % 37,
                k % 9,
                k % 10
            ),
            step: None,
            corrects: None,
        },
    }
}
