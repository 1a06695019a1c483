//! `runbook`: an offline emergency-plan runbook for the command room of an
//! online education platform.
//!
//! The crate is a library with a thin binary. See `ARCHITECTURE.md` for the
//! modules and the direction of their dependencies:
//! `cli → {io, model}`, `io → model`, and `model` depends on neither.

pub mod app;
pub mod cli;
pub mod clock;
pub mod i18n;
pub mod io;
pub mod model;
pub mod service;
pub mod ui;
