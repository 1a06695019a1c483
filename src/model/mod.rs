//! The domain, pure: plan types and validation, the incident as the fold of
//! its events, and the typed notices and failures of the incident store.
//!
//! Nothing here touches egui, the file system or the clock; time and bytes
//! are passed in. That keeps every rule testable without a window or a disk.

pub mod ids;
pub mod incident;
pub mod lessons;
pub mod notice;
pub mod plan;
pub mod stats;
pub(crate) mod tag_first;
