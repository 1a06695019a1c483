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
pub mod briefing;
pub mod doc;
mod followup;
pub mod html;
pub mod regulator;
pub mod report;
mod review;
mod svg;

use crate::i18n::time::Times;
use crate::model::incident::Incident;
use crate::model::plan::Plan;

/// A paper about an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// The report for the review.
    Report,
    /// The handover briefing for a change of command.
    Briefing,
    /// The draft report to the regulator.
    Regulator {
        /// All eight items rather than the first two.
        follow_up: bool,
    },
}

impl Paper {
    /// The paper, from the incident as recorded.
    #[must_use]
    pub fn build(
        self,
        plan: &Plan,
        incident: &Incident,
        times: &Times,
        verification: &report::Verification,
    ) -> doc::Doc {
        match self {
            Self::Report => report::report(plan, incident, times, verification),
            Self::Briefing => briefing::handover(plan, incident, times),
            Self::Regulator { follow_up } => regulator::regulator(
                plan,
                incident,
                times,
                if follow_up {
                    regulator::RegulatorReport::FollowUp
                } else {
                    regulator::RegulatorReport::First
                },
                verification,
            ),
        }
    }

    /// The word a file of this paper is named with: `…-report.html`.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Briefing => "briefing",
            Self::Regulator { follow_up: false } => "regulator-first",
            Self::Regulator { follow_up: true } => "regulator-follow-up",
        }
    }
}
