//! `runbook print PLAN`: the plan as a binder to print, one HTML file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::clean::say;
use crate::service::paper::write_binder;

/// Runs `runbook print`.
///
/// # Errors
/// A plan that does not load, or a file that cannot be written.
pub fn run(
    term: &super::term::Term,
    plan: &Path,
    out_file: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let t = term.tr().cli;
    let loaded = super::show::load_to(term, plan, t.done_printed, out)?;
    let target = out_file.map_or_else(|| default_name(plan), Path::to_path_buf);
    let bytes = write_binder(&loaded, &target)?;
    say!(
        out,
        "{}",
        (t.binder_written)(&target.display().to_string(), (bytes / 1024) as u64)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `plan.ron` → `plan.html`, in the current folder.
fn default_name(plan: &Path) -> PathBuf {
    let stem = plan
        .file_stem()
        .map_or_else(|| "plan".into(), std::ffi::OsStr::to_os_string);
    let mut name = PathBuf::from(stem);
    name.set_extension("html");
    name
}
