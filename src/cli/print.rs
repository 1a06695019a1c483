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
pub fn run(plan: &Path, out_file: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let loaded = super::show::load_to(plan, "printed", out)?;
    let target = out_file.map_or_else(|| default_name(plan), Path::to_path_buf);
    let bytes = write_binder(&loaded, &target)?;
    say!(
        out,
        "{}: the binder ({} KiB); open it in a browser and print it (A4)",
        target.display(),
        bytes / 1024
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
