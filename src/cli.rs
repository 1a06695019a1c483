//! The command line: every action the app offers, from a terminal.
//!
//! Subcommands end in the same model calls as the window, so a plan author
//! can check plans in their own CI and an operator can work over SSH when the
//! laptop's screen is what broke.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io::plan_file;

/// Offline emergency-plan runbook for the command room of an online
/// education platform.
#[derive(Debug, Parser)]
#[command(name = "runbook", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files: report every error and warning with its line and
    /// column, or a one-line summary when the plan is valid.
    ///
    /// Exits 0 when every plan is valid, 1 when any has an error (or, with
    /// --strict, a warning), 2 on a usage error.
    Check {
        /// Plan files (RON) to check.
        #[arg(required = true, value_name = "PLAN")]
        plans: Vec<PathBuf>,
        /// Treat warnings as errors, for a plan's own CI.
        #[arg(long)]
        strict: bool,
    },
}

/// Runs the command line and returns the process's exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Some(Command::Check { plans, strict }) => check(&plans, strict, &mut out),
        None => {
            // The window arrives with the desktop-app issue; until then the
            // bare command explains itself.
            let mut cmd = <Cli as clap::CommandFactory>::command();
            cmd.print_help()
                .map(|()| ExitCode::SUCCESS)
                .map_err(anyhow::Error::from)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("runbook: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `runbook check`: prints a report for each plan; 0 when all are valid.
///
/// # Errors
/// Only when the report cannot be written.
pub fn check(
    plans: &[PathBuf],
    strict: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in plans {
        let file = plan_file::load(path);
        let name = path.display();
        match &file.outcome {
            Ok(checked) => {
                let warnings = checked.warnings.len();
                let summary = checked.plan.summary();
                if warnings == 0 {
                    writeln!(out, "{name}: OK: {summary}")?;
                } else {
                    let s = if warnings == 1 { "" } else { "s" };
                    writeln!(out, "{name}: OK with {warnings} warning{s}: {summary}")?;
                    failed |= strict;
                }
            }
            Err(diags) => {
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let warnings = diags.len() - errors;
                let es = if errors == 1 { "" } else { "s" };
                let ws = if warnings == 1 { "" } else { "s" };
                writeln!(out, "{name}: {errors} error{es}, {warnings} warning{ws}")?;
                failed = true;
            }
        }
        for text in file.rendered() {
            writeln!(out, "{text}")?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
