//! The only code that touches files: reading plan files, and later the
//! durable incident log and exports.

pub mod plan_file;
