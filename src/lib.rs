//! `runbook`: an offline emergency-plan runbook for the command room of an
//! online education platform.
//!
//! The crate is a library with a thin binary. See `ARCHITECTURE.md` for the
//! modules and the direction of their dependencies: `cli` and `app` at the
//! top; `service` (the incident logic both share) over `io` (files) over
//! `model` (pure); `ui` (the window's panels) over `i18n` (every word) over
//! `model`; `clock` the only reader of the time.

pub mod app;
pub mod assets;
pub mod cli;
pub mod clock;
pub mod i18n;
pub mod io;
pub mod model;
pub mod paper;
pub mod service;
pub mod ui;

/// What `runbook --version` and the window's help say: the app's version
/// and the plan format it reads.
pub static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{} (plan format {})",
        env!("CARGO_PKG_VERSION"),
        model::plan::doc::FORMAT_VERSION
    )
});
