//! `runbook board`: the wall board of an incident, in a window of its own,
//! for the command room's projector or TV. It reads the incident's folder
//! and never writes to it, so it can run on a laptop that only shares the
//! folder; it picks up every device's entries as they arrive.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, bail};

use crate::service::context::Overrides;
use crate::service::{Context, Service};

/// The board's arguments.
#[derive(Debug, clap::Args)]
pub struct BoardArgs {
    /// The incident: its folder, or its name as `incident list` shows it
    /// [default: the one open incident]
    #[arg(value_name = "INCIDENT")]
    pub incident: Option<String>,
    /// Fill the screen (F11 switches it too).
    #[arg(long)]
    pub fullscreen: bool,
    /// Where incidents are kept [default: $RUNBOOK_DATA_DIR, else the
    /// platform's data folder].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// Finds the incident and opens its board.
///
/// # Errors
/// When no incident matches (or several), or the window cannot open.
pub fn run(term: &super::term::Term, args: &BoardArgs) -> anyhow::Result<ExitCode> {
    let service = Service::new(Context::from_env(Overrides {
        data_dir: args.data_dir.clone(),
        ..Overrides::default()
    }));
    let dir = match &args.incident {
        Some(name) => service
            .resolve(name)
            .map_err(|e| anyhow!(super::incident::failure(term, &e)))?,
        None => the_open_one(term, &service)?,
    };
    if crate::app::display_missing() {
        bail!(term.tr().cli.no_display);
    }
    crate::app::board::run(service, dir, args.fullscreen)?;
    Ok(ExitCode::SUCCESS)
}

/// The one incident open in the data folder, when no name is given.
fn the_open_one(term: &super::term::Term, service: &Service) -> anyhow::Result<PathBuf> {
    let open: Vec<_> = service
        .list()
        .into_iter()
        .filter(|l| l.state.as_ref().is_ok_and(|h| h.open))
        .collect();
    match open.as_slice() {
        [one] => Ok(one.dir.clone()),
        [] => Err(anyhow!((term.tr().cli.board_none_open)(
            &service.incidents_dir().display().to_string()
        ))),
        many => Err(anyhow!((term.tr().cli.board_many_open)(
            &many
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
