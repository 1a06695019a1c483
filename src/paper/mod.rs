//! Paper: the plan as a printable binder, and (next) the incident as a
//! report, a handover briefing and a draft for the regulator.
//!
//! In a command room paper is the last fallback, and after an incident the
//! log becomes the report. Everything here is pure string building from the
//! validated plan and the replayed incident — no files, no clock — so the
//! command line and the window write the same pages and tests read them
//! without a browser. Writing the file is `io::output`'s job.
//!
//! Pages are written in the plan's language (`binder::lang_of`) with the
//! strings of `i18n::paper`, and every text from a plan or a log is escaped
//! (`html::esc`).

pub mod binder;
pub mod html;
