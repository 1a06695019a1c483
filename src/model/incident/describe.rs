//! One line per event, for the timeline and the command line.
//!
//! Names come from the plan (so they are in the plan's language); the
//! connecting words are English, as the command line's are. The window
//! renders events with its own translated strings.

use crate::model::plan::Plan;

use super::event::{CallOutcome, Event, StepStatus};

/// A short description of an event, such as `step net-switch-cdn: done`.
#[must_use]
pub fn describe(event: &Event, plan: &Plan) -> String {
    match event {
        Event::Declared {
            title,
            class,
            level,
            drill,
            ..
        } => {
            let class_name = plan
                .class(class)
                .map_or(class.as_str(), |c| c.name.as_str());
            let kind = if *drill { "drill" } else { "incident" };
            format!("{kind} declared: {title} ({class_name}), level {level}")
        }
        Event::LevelChanged { from, to, reason } => format!("level {from} → {to}: {reason}"),
        Event::StepStatus { step, status } => {
            let s = match status {
                StepStatus::Done => "done".to_owned(),
                StepStatus::Skipped { reason } => format!("skipped ({reason})"),
                StepStatus::NotApplicable => "not applicable".to_owned(),
                StepStatus::Deferred => "deferred".to_owned(),
                StepStatus::Blocked { reason } => format!("blocked ({reason})"),
                StepStatus::Reopened => "reopened".to_owned(),
            };
            format!("step {step}: {s}")
        }
        Event::ValueRecorded { step, value } => format!("step {step}: recorded {value}"),
        Event::DecisionAnswered { step, yes, next } => {
            format!(
                "step {step}: answered {} → {next}",
                if *yes { "yes" } else { "no" }
            )
        }
        Event::CallAttempt {
            to, outcome, note, ..
        } => {
            let o = match outcome {
                CallOutcome::Reached => "reached",
                CallOutcome::NoAnswer => "no answer",
                CallOutcome::LeftMessage => "left a message",
                CallOutcome::WrongNumber => "wrong number",
            };
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" ({note})")
            };
            format!("called {}: {o}{note}", plan.target_name(to))
        }
        Event::MessageSent { audience, text, .. } => {
            let first: String = text
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(60)
                .collect();
            format!("message to {audience:?}: {first}")
        }
        Event::Note { text } => format!("note: {text}"),
        Event::WarningIssued { level, .. } => format!("warning issued for level {level}"),
        Event::WarningLifted { level, .. } => format!("warning lifted for level {level}"),
        Event::CommandHandedOver { from, to, .. } => {
            format!("command handed over from {from} to {to}")
        }
        Event::DutyDone { duty, note } => format!("duty {duty} fulfilled {note}")
            .trim_end()
            .to_owned(),
        Event::Closed { summary } => format!("closed: {summary}"),
        Event::Reopened { reason } => format!("reopened: {reason}"),
    }
}
