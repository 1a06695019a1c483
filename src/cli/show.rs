//! `runbook show PLAN …`: the plan's reading views, in a terminal.
//!
//! The same model calls as the window's views (organisation, contacts and
//! call trees, full-text search, fault classes and levels), so what a person
//! reads in the window can also be scripted, printed or read over SSH.
//! A plan's words are whatever its author typed: every line is escaped for
//! the terminal (`super::clean`), so a plan cannot drive it.

mod classes;
mod contacts;
mod org;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::Subcommand;

use crate::io::plan_file;
use crate::model::plan::Plan;

/// What to show.
#[derive(Debug, Subcommand)]
pub enum ShowCommand {
    /// The organisation: units, roles, holders and deputies, as a tree.
    Org {
        /// The plan file.
        plan: PathBuf,
    },
    /// The call tree of a level, or the whole directory.
    Contacts {
        /// The plan file.
        plan: PathBuf,
        /// The level whose call tree to show; without it, the directory.
        #[arg(long)]
        level: Option<String>,
        /// Only entries whose name, role or number contains this text.
        #[arg(long)]
        search: Option<String>,
    },
    /// Search the plan's full text (Chinese works: substring matching).
    Search {
        /// The plan file.
        plan: PathBuf,
        /// The text to find.
        query: String,
    },
    /// Fault classes and the level table.
    Classes {
        /// The plan file.
        plan: PathBuf,
    },
}

fn load(
    term: &super::term::Term,
    path: &std::path::Path,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<Plan> {
    load_to(term, path, term.tr().cli.done_shown, out)
}

/// Loads a plan for a command that does something with it ("shown",
/// "printed", "compared"); a plan with errors gets them printed, in the
/// locale's language, and a refusal that says so. Warnings do not matter here.
pub(super) fn load_to(
    term: &super::term::Term,
    path: &std::path::Path,
    done: &str,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<Plan> {
    let file = plan_file::load(path);
    match file.outcome {
        Ok(checked) => Ok(checked.plan),
        Err(_) => {
            for text in file.rendered(term.tr().plan) {
                crate::cli::clean::lines(out, &text)?;
            }
            bail!((term.tr().cli.fix_first)(&path.display().to_string(), done))
        }
    }
}

/// Runs a show command.
///
/// # Errors
/// A plan that does not load, an unknown level, or output that cannot be written.
pub fn run(
    term: &super::term::Term,
    cmd: &ShowCommand,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        ShowCommand::Org { plan } => org::run(term, &load(term, plan, out)?, out),
        ShowCommand::Contacts {
            plan,
            level,
            search,
        } => contacts::run(
            term,
            &load(term, plan, out)?,
            level.as_deref(),
            search.as_deref(),
            out,
        ),
        ShowCommand::Search { plan, query } => text::run(term, &load(term, plan, out)?, query, out),
        ShowCommand::Classes { plan } => classes::run(term, &load(term, plan, out)?, out),
    }
}
