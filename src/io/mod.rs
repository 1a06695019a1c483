//! The only code that touches files: reading plan files, the durable
//! incident log, and incident folders (the pinned plan, every writer's log,
//! continuations and rescues). What it finds and what fails is reported as
//! typed data (`crate::model::notice`), worded by each face.

pub mod fault;
pub mod incident_dir;
pub mod log;
pub mod notify;
pub mod output;
pub mod plan_file;
pub mod platform;
pub mod progress;
