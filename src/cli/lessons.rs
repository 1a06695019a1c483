//! `runbook lessons [INCIDENT…]`: what the records of incidents and drills
//! propose the plan should change, each proposal with its evidence, for a
//! terminal or as Markdown for the plan's change request; in the locale's
//! language.

use std::io::Write;
use std::process::ExitCode;

use super::clean::say;
use super::incident::args::IncidentWho;
use super::term::Term;
use crate::i18n::lessons::worded;
use crate::model::lessons::{Record, lessons};
use crate::service::{Service, Snapshot};

/// Which records, and how to write them.
#[derive(Debug, clap::Args)]
pub struct LessonsArgs {
    /// The incidents and drills to read: folders, or names as `runbook
    /// incident list` shows them [default: every one in the data folder]
    incidents: Vec<String>,
    /// `text` for a terminal, `md` (Markdown) for the plan's change request.
    #[arg(long, value_enum, default_value_t)]
    format: super::diff::Format,
    /// Where incidents are kept [default: RUNBOOK_DATA_DIR, else the platform's data folder]
    #[arg(long, value_name = "DIR")]
    data_dir: Option<std::path::PathBuf>,
    /// Pretend it is this time (RFC 3339), for scripted drills and tests.
    #[arg(long, hide = true, value_name = "TIME")]
    now: Option<String>,
}

/// The service on the data folder the arguments name.
pub(super) fn service(
    term: &Term,
    data_dir: Option<&std::path::Path>,
    now: Option<&str>,
) -> anyhow::Result<Service> {
    let who = IncidentWho {
        data_dir: data_dir.map(std::path::Path::to_path_buf),
        operator: None,
        device: None,
        now: now.map(str::to_owned),
    };
    Ok(Service::new(super::incident::context(term, &who)?))
}

/// The records named, or every readable one; what cannot be read is said
/// on standard error and left out.
///
/// # Errors
/// A name that names no incident, or several.
pub(super) fn records(
    term: &Term,
    service: &Service,
    names: &[String],
) -> anyhow::Result<Vec<Snapshot>> {
    let dirs = if names.is_empty() {
        service.incident_dirs()
    } else {
        names
            .iter()
            .map(|n| {
                service
                    .resolve(n)
                    .map_err(|e| anyhow::anyhow!(super::incident::failure(term, &e)))
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let mut out = Vec::new();
    for dir in dirs {
        match service.read(&dir) {
            Ok(snap) => out.push(snap),
            Err(e) => eprintln!(
                "! {}",
                super::clean::clean(&super::incident::failure(term, &e))
            ),
        }
    }
    Ok(out)
}

/// The folder name a record is known by.
pub(super) fn name(snap: &Snapshot) -> String {
    snap.dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs `runbook lessons`.
///
/// # Errors
/// An unknown incident; output that cannot be written.
pub fn run(term: &Term, args: &LessonsArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let lang = term.lang;
    let w = lang.tr().lessons;
    let service = service(term, args.data_dir.as_deref(), args.now.as_deref())?;
    let times = service.context().times();
    let snaps = records(term, &service, &args.incidents)?;
    let names: Vec<String> = snaps.iter().map(name).collect();
    let recs: Vec<Record<'_>> = snaps
        .iter()
        .zip(&names)
        .map(|(s, n)| Record {
            name: n,
            plan: &s.plan,
            incident: &s.incident,
        })
        .collect();
    let md = args.format == super::diff::Format::Md;
    if md {
        say!(out, "# {}", w.title)?;
    } else {
        say!(out, "{}", w.title)?;
    }
    if recs.is_empty() {
        say!(out, "{}", w.no_records)?;
        return Ok(ExitCode::SUCCESS);
    }
    for group in lessons(&recs) {
        let Some(plan) = recs.get(group.plan_of).map(|r| r.plan) else {
            continue;
        };
        let lines = worded(&group, plan, &times, lang);
        let mut n = 0;
        for line in lines {
            let text = if md {
                crate::paper::doc::md(&line.text)
            } else {
                line.text
            };
            match (line.depth, md) {
                (0, _) if n == 0 => {
                    n += 1;
                    say!(out, "")?;
                    if md {
                        say!(out, "## {text}")?;
                        say!(out, "")?;
                    } else {
                        say!(out, "{text}")?;
                    }
                }
                (0, true) => {
                    say!(out, "{n}. {text}")?;
                    n += 1;
                }
                (0, false) => {
                    say!(out, "{n:>3}. {text}")?;
                    n += 1;
                }
                (_, true) => say!(out, "    - {text}")?,
                (_, false) => say!(out, "       - {text}")?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Which records the numbers are over.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The incidents and drills to count: folders, or names as `runbook
    /// incident list` shows them [default: every one in the data folder]
    incidents: Vec<String>,
    /// Where incidents are kept [default: RUNBOOK_DATA_DIR, else the platform's data folder]
    #[arg(long, value_name = "DIR")]
    data_dir: Option<std::path::PathBuf>,
    /// Pretend it is this time (RFC 3339), for scripted drills and tests.
    #[arg(long, hide = true, value_name = "TIME")]
    now: Option<String>,
}

/// Runs `runbook stats`: a table per kind (real incidents, then drills),
/// a row per fault class and level.
///
/// # Errors
/// An unknown incident; output that cannot be written.
pub fn run_stats(term: &Term, args: &StatsArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    use crate::model::stats::{Measure, stats};
    let lang = term.lang;
    let tr = lang.tr();
    let w = tr.stats;
    let service = service(term, args.data_dir.as_deref(), args.now.as_deref())?;
    let snaps = records(term, &service, &args.incidents)?;
    let names: Vec<String> = snaps.iter().map(name).collect();
    let recs: Vec<Record<'_>> = snaps
        .iter()
        .zip(&names)
        .map(|(s, n)| Record {
            name: n,
            plan: &s.plan,
            incident: &s.incident,
        })
        .collect();
    say!(out, "{}", w.title)?;
    if recs.is_empty() {
        say!(out, "{}", tr.lessons.no_records)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = stats(&recs);
    let span = |d: chrono::Duration| (tr.span)(crate::i18n::time::Span::of(d));
    // The class's name from the newest plan that has it.
    let class_name = |id: &crate::model::ids::ClassId| {
        recs.iter()
            .rev()
            .find_map(|r| r.plan.class(id).map(|c| c.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    for drill in [false, true] {
        let mut table: Vec<Vec<String>> = vec![
            [w.col_class, w.col_level, w.col_count]
                .into_iter()
                .chain(w.measures)
                .chain([w.col_duties])
                .map(str::to_owned)
                .collect(),
        ];
        for r in rows.iter().filter(|r| r.drill == drill) {
            let mut cells = vec![
                class_name(&r.class),
                r.level.to_string(),
                r.count.to_string(),
            ];
            cells.extend(Measure::ALL.iter().map(|m| {
                r.times.get(m).map_or_else(
                    || "—".to_owned(),
                    |s| (w.cell)(&span(s.median), &span(s.worst)),
                )
            }));
            cells.push((w.duties)(r.duties.1, r.duties.0));
            table.push(cells);
        }
        say!(out, "")?;
        say!(out, "{}", if drill { w.drills } else { w.real })?;
        if table.len() == 1 {
            say!(out, "  {}", w.none)?;
            continue;
        }
        let widths: Vec<usize> = (0..table[0].len())
            .map(|c| {
                table
                    .iter()
                    .map(|row| row.get(c).map_or(0, |x| super::term::cols(x)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &table {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                // Padded by the columns a text takes: a Chinese
                // character is two.
                .map(|(cell, &wd)| super::term::pad(cell, wd))
                .collect();
            say!(out, "  {}", term.fit(line.join("  ").trim_end()))?;
        }
    }
    say!(out, "")?;
    say!(out, "{}", w.legend)?;
    Ok(ExitCode::SUCCESS)
}
