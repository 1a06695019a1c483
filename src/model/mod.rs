//! The domain, pure: plan types and validation, and later the incident state.
//!
//! Nothing here touches egui, the file system or the clock; time and bytes
//! are passed in. That keeps every rule testable without a window or a disk.

pub mod ids;
pub mod incident;
pub mod notice;
pub mod plan;
