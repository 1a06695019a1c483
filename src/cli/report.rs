//! `runbook report INCIDENT`: the papers about an incident — the report for
//! the review, the handover briefing, the draft for the regulator — written
//! to a file (atomically) or to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::clean::say;
use super::incident::args::IncidentWho;
use crate::paper::Paper;
use crate::service::Service;
use crate::service::paper::{
    Format, Source, incident_file_name, incident_text, numbered_regulator_name, write_incident,
};

/// What to write, and where.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The incident: its folder, or its name as `runbook incident list` shows it.
    incident: String,
    /// `html` to print (self-contained, the font inside) or `md`.
    #[arg(long, value_enum, default_value_t)]
    format: PaperFormat,
    /// Where to write it; `-` for standard output [default: the incident's folder name with -report, -briefing or -regulator and .html or .md, in the current folder]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Instead of the report, the handover briefing for a change of
    /// command: situation, level, actions so far, open steps, next clocks,
    /// who is reached.
    #[arg(long, conflicts_with = "regulator")]
    briefing: bool,
    /// Instead of the report, a draft of the report to the provincial 网信
    /// office (网络安全事件报告): the first report, items 1 and 2, filled from
    /// the incident and marked where a person must write.
    #[arg(long)]
    regulator: bool,
    /// With --regulator: the follow-up report, all eight items.
    #[arg(long, requires = "regulator")]
    follow_up: bool,
    /// Where incidents are kept [default: RUNBOOK_DATA_DIR, else the platform's data folder]
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Pretend it is this time (RFC 3339), for scripted drills and tests.
    #[arg(long, hide = true, value_name = "TIME")]
    now: Option<String>,
}

/// The format of a paper about an incident.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperFormat {
    /// One HTML file to open in a browser and print.
    #[default]
    Html,
    /// Markdown, to paste into the review.
    Md,
}

/// Where a paper goes when no `--out` is given: in the current folder,
/// named after the incident. A regulator report is numbered, the first and
/// each follow-up in turn, and never written over another: each one sent is
/// kept as it was sent.
fn default_name(dir: &Path, paper: Paper, format: Format) -> PathBuf {
    let Paper::Regulator { follow_up } = paper else {
        return PathBuf::from(incident_file_name(dir, paper, format));
    };
    // Taken: any report of that number, first or follow-up, in either format.
    let taken = |n: u32| {
        [false, true].iter().any(|&f| {
            [Format::Html, Format::Markdown].iter().any(|&fmt| {
                Path::new(&numbered_regulator_name(dir, f, n, fmt))
                    .symlink_metadata()
                    .is_ok()
            })
        })
    };
    let n = (1..=u32::MAX).find(|&n| !taken(n)).unwrap_or(u32::MAX);
    PathBuf::from(numbered_regulator_name(dir, follow_up, n, format))
}

/// Runs `runbook report`.
///
/// # Errors
/// An unknown incident, or a file that cannot be written.
pub fn run(
    term: &super::term::Term,
    args: &ReportArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let who = IncidentWho {
        data_dir: args.data_dir.clone(),
        operator: None,
        device: None,
        now: args.now.clone(),
    };
    let service = Service::new(super::incident::context(term, &who)?);
    let times = service.context().times();
    let dir = super::incident::resolve(term, &service, &args.incident)?;
    let snap = service
        .read(&dir)
        .map_err(|e| anyhow::anyhow!(super::incident::failure(term, &e)))?;
    // What reading found goes to standard error: the paper may be going to
    // standard output.
    for n in &snap.notices {
        eprintln!("! {}", super::clean::clean(&(term.tr().incident.notice)(n)));
    }
    let paper = if args.briefing {
        Paper::Briefing
    } else if args.regulator {
        Paper::Regulator {
            follow_up: args.follow_up,
        }
    } else {
        Paper::Report
    };
    let format = match args.format {
        PaperFormat::Html => Format::Html,
        PaperFormat::Md => Format::Markdown,
    };
    let source = Source {
        dir: &dir,
        plan: &snap.plan,
        incident: &snap.incident,
    };
    let file = args.out.as_deref();
    if file == Some(Path::new("-")) {
        // HTML is for a browser or a printer: megabytes of embedded font
        // would pour into a terminal.
        if format == Format::Html && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            anyhow::bail!(term.tr().cli.html_to_terminal);
        }
        let text = incident_text(source, paper, format, &times);
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let t = term.tr().cli;
    let what = match paper {
        Paper::Report => t.paper_report,
        Paper::Briefing => t.paper_briefing,
        Paper::Regulator { follow_up: false } => t.paper_first,
        Paper::Regulator { follow_up: true } => t.paper_follow_up,
    };
    let target = file.map_or_else(|| default_name(&dir, paper, format), Path::to_path_buf);
    write_incident(source, paper, format, &times, &target)?;
    say!(
        out,
        "{}",
        (t.paper_written)(&target.display().to_string(), what)
    )?;
    Ok(ExitCode::SUCCESS)
}
