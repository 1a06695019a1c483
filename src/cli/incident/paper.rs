//! `runbook incident report`: the papers about an incident, written to a
//! file (atomically) or to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::PaperFormat;
use crate::cli::clean::say;
use crate::i18n::time::Times;
use crate::io::output::write_atomic;
use crate::paper::Paper;
use crate::service::{Snapshot, verification};

/// Writes a paper about an incident.
///
/// # Errors
/// A file that cannot be written.
pub fn write_paper(
    dir: &Path,
    snap: &Snapshot,
    times: &Times,
    paper: Paper,
    format: PaperFormat,
    file: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let doc = paper.build(&snap.plan, &snap.incident, times, &verification(dir));
    let text = match format {
        PaperFormat::Html => doc.html(crate::ui::fonts::CJK_FONT),
        PaperFormat::Md => doc.markdown(),
    };
    if file == Some(Path::new("-")) {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let what = paper.slug();
    let target = file.map_or_else(
        || {
            let name = dir
                .file_name()
                .map_or_else(|| "incident".into(), |n| n.to_string_lossy().into_owned());
            let ext = match format {
                PaperFormat::Html => "html",
                PaperFormat::Md => "md",
            };
            PathBuf::from(format!("{name}-{what}.{ext}"))
        },
        Path::to_path_buf,
    );
    write_atomic(&target, text.as_bytes())?;
    say!(out, "{}: the {what} is written", target.display())?;
    Ok(ExitCode::SUCCESS)
}
