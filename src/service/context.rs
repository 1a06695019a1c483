//! Who is recording, on which device, where incidents are kept, and what
//! time it is: read once from the flags and the environment, then passed
//! down, so that nothing below reads them again.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::clock::{Clock, Zone};
use crate::i18n::time::Times;
use crate::io::incident_dir::Device;

/// Who, where and when.
#[derive(Clone, Debug)]
pub struct Context {
    data_dir: PathBuf,
    operator: String,
    device: String,
    machine: String,
    clock: Clock,
    zone: Zone,
}

/// What the command line or the window says, overriding the environment.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// The data folder (`--data-dir`).
    pub data_dir: Option<PathBuf>,
    /// Who is recording (`--operator`, the window's remembered name).
    pub operator: Option<String>,
    /// This device's name (`--device`).
    pub device: Option<String>,
    /// Which computer this is (tests: two "laptops" in one process, and
    /// snapshots that must not depend on the machine they run on).
    pub machine: Option<String>,
    /// The clock (`--now`, tests).
    pub clock: Option<Clock>,
    /// The time zone (tests).
    pub zone: Option<Zone>,
}

impl Context {
    /// Reads the context: each override, else the environment
    /// (`RUNBOOK_DATA_DIR`, `RUNBOOK_OPERATOR` or the user name,
    /// `RUNBOOK_DEVICE` or the host name), else the platform's defaults.
    #[must_use]
    pub fn from_env(o: Overrides) -> Self {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let data_dir = o
            .data_dir
            .or_else(|| env("RUNBOOK_DATA_DIR").map(PathBuf::from))
            .unwrap_or_else(platform_data_dir);
        let operator = o
            .operator
            .filter(|v| !v.trim().is_empty())
            .or_else(|| env("RUNBOOK_OPERATOR"))
            .or_else(|| env("USER"))
            .or_else(|| env("USERNAME"))
            .unwrap_or_else(|| "operator".to_owned());
        let device = o
            .device
            .filter(|v| !v.trim().is_empty())
            .or_else(|| env("RUNBOOK_DEVICE"))
            .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned());
        let machine = o
            .machine
            .or_else(|| env("RUNBOOK_MACHINE_ID").map(|id| id.trim().to_owned()))
            .unwrap_or_else(machine_id);
        Self {
            data_dir: absolute(data_dir),
            operator,
            device,
            machine,
            clock: o.clock.unwrap_or_else(Clock::system),
            zone: o.zone.unwrap_or(Zone::Local),
        }
    }

    /// The data folder, always absolute: a continuation record written with
    /// a relative path would not be found from another working directory.
    #[must_use]
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Who is recording.
    #[must_use]
    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// Changes who is recording (a shift change at the same laptop).
    pub fn set_operator(&mut self, name: &str) {
        if !name.trim().is_empty() {
            name.trim().clone_into(&mut self.operator);
        }
    }

    /// This device's name.
    #[must_use]
    pub fn device(&self) -> &str {
        &self.device
    }

    /// This device as a writer: its name and which computer it is.
    #[must_use]
    pub fn writer(&self) -> Device<'_> {
        Device {
            name: &self.device,
            machine: Some(&self.machine),
        }
    }

    /// The clock.
    #[must_use]
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The current instant.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The time zone times are read and shown in.
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// A formatter for times as of now.
    #[must_use]
    pub fn times(&self) -> Times {
        Times::new(self.now(), self.zone)
    }
}

/// The platform's data folder for the app (`~/.local/share/runbook` on
/// Linux), or `runbook-data` in the current folder when there is no home.
fn platform_data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "runbook").map_or_else(
        || PathBuf::from("runbook-data"),
        |d| d.data_dir().to_owned(),
    )
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// Which computer this is, for telling two laptops given the same device
/// name apart: a digest of the system's machine id (never the id itself,
/// which other software uses), else of the host name.
/// `RUNBOOK_MACHINE_ID` overrides it (two "laptops" in one test).
fn machine_id() -> String {
    let id = crate::io::platform::machine_id()
        .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned());
    let digest = crate::io::log::sha256_hex(format!("runbook machine {id}").as_bytes());
    digest.get(..16).unwrap_or(&digest).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_win_and_the_data_folder_is_absolute() {
        let ctx = Context::from_env(Overrides {
            data_dir: Some(PathBuf::from("data")),
            operator: Some("李明".to_owned()),
            device: Some("cmd-room-1".to_owned()),
            ..Overrides::default()
        });
        assert!(ctx.data_dir().is_absolute());
        assert!(ctx.data_dir().ends_with("data"));
        assert_eq!(ctx.operator(), "李明");
        assert_eq!(ctx.device(), "cmd-room-1");
    }
}
