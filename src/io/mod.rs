//! The only code that touches files: reading plan files, and later the
//! durable incident log and exports.

pub mod incident_dir;
pub mod log;
pub mod plan_file;
