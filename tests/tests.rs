//! The one integration test binary (egui test binaries are large and slow to
//! link, so every integration test lives in a module here).

// A panic in a test is a failed test, which is what a test is for; helper
// functions outside `#[test]` need the allowance spelled out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod board;
mod cli;
mod cli_incident;
mod cli_lang;
mod clock_alerts;
mod drill_order;
mod editions;
mod fault_ops;
mod followup;
mod gui;
mod incident;
mod lessons;
mod log_faults;
mod log_hardening;
mod log_nofollow;
mod multi_device;
mod one_chain;
mod paper;
mod paper_drill;
mod plan_diff;
mod plan_format;
mod plan_order;
mod plan_props;
mod plans;
mod service;
mod syncthing;
mod ui_contacts;
mod ui_incident;
mod ui_keys;
mod ui_org;
mod ui_review;
mod ui_talk;
mod ui_text;
mod walk;
mod window;
mod window_walk;
