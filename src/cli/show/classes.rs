//! `runbook show classes PLAN`: the fault classes with their detection
//! signals and assessment questions, the level table and the warnings, as
//! text — what the window's "fault classes and levels" view shows.

use std::io::Write;
use std::process::ExitCode;

use super::contacts::within;
use crate::cli::clean::say;
use crate::model::plan::Plan;
use crate::model::plan::contacts::{Callee, TimeSpan, span};
use crate::model::plan::doc::{Basis, Colour, Target};

/// Prints the classes, the level table and the warnings.
///
/// # Errors
/// When the output cannot be written.
pub fn run(plan: &Plan, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let doc = plan.doc();
    say!(out, "Fault classes")?;
    for class in &doc.classes {
        writeln!(out)?;
        say!(out, "{} ({})", class.name, class.id)?;
        say!(out, "    {}", class.description)?;
        list(out, "detection signals", &class.detection)?;
        list(out, "examples", &class.examples)?;
        if !class.assessment.is_empty() {
            say!(out, "    assessment (a yes suggests the level):")?;
            for q in &class.assessment {
                say!(out, "        [{}] {}", q.level, q.text)?;
            }
        }
    }
    writeln!(out)?;
    say!(out, "Response levels")?;
    for level in &doc.levels {
        writeln!(out)?;
        say!(
            out,
            "Level {} ({}, {})",
            level.id,
            level.name,
            colour(level.colour)
        )?;
        list(out, "criteria (any one)", &level.criteria)?;
        let units: Vec<&str> = level
            .activates
            .iter()
            .map(|id| plan.unit(id).map_or(id.as_str(), |u| u.name.as_str()))
            .collect();
        say!(out, "    units activated: {}", units.join(", "))?;
        if !level.inform.is_empty() {
            say!(out, "    inform:")?;
            for duty in &level.inform {
                say!(
                    out,
                    "        {}, {}",
                    target(plan, &duty.to),
                    within(duty.within_minutes)
                )?;
            }
        }
        let cadence = level.update_every_minutes.map_or_else(
            || "no fixed cadence".to_owned(),
            |m| match span(m) {
                TimeSpan::Minutes(n) => format!("every {n} min"),
                TimeSpan::Hours(1) => "every hour".to_owned(),
                TimeSpan::Hours(n) => format!("every {n} hours"),
                TimeSpan::Days(1) => "every day".to_owned(),
                TimeSpan::Days(n) => format!("every {n} days"),
            },
        );
        say!(out, "    status updates: {cadence}")?;
        if !level.duties.is_empty() {
            say!(out, "    reporting duties:")?;
            for duty in &level.duties {
                say!(out, "        - {}", duty.text)?;
                if let Some(condition) = &duty.condition {
                    say!(out, "          when: {condition}")?;
                }
                if let Some(to) = &duty.to {
                    say!(out, "          to: {}", target(plan, to))?;
                }
                if let Some(m) = duty.within_minutes {
                    say!(out, "          {}", within(m))?;
                }
                let basis = match &duty.basis {
                    Basis::Law(name) => name.as_str(),
                    Basis::Platform => "platform rule",
                };
                say!(out, "          basis: {basis}")?;
            }
        }
    }
    if !doc.warnings.is_empty() {
        writeln!(out)?;
        say!(out, "Warnings")?;
        for w in &doc.warnings {
            writeln!(out)?;
            say!(
                out,
                "{} ({}, for level {})",
                w.name,
                colour(w.colour),
                w.level
            )?;
            list(out, "triggers", &w.triggers)?;
            list(out, "measures", &w.measures)?;
            say!(
                out,
                "    issued by: {}",
                target(plan, &Target::Role(w.issued_by.clone()))
            )?;
            say!(
                out,
                "    lifted by: {}",
                target(plan, &Target::Role(w.lifted_by.clone()))
            )?;
        }
    }
    if !doc.signals.is_empty() {
        writeln!(out)?;
        say!(out, "Monitoring signals")?;
        for s in &doc.signals {
            writeln!(out)?;
            match &s.suggests {
                Some(level) => say!(out, "{} (suggests level {level})", s.name)?,
                None => say!(out, "{}", s.name)?,
            }
            say!(out, "    threshold: {}", s.threshold)?;
            say!(out, "    source: {}", s.source)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn target(plan: &Plan, to: &Target) -> String {
    Callee::of(plan, to).label()
}

fn colour(c: Colour) -> &'static str {
    match c {
        Colour::Red => "red",
        Colour::Orange => "orange",
        Colour::Yellow => "yellow",
        Colour::Blue => "blue",
    }
}

fn list(out: &mut dyn Write, what: &str, items: &[String]) -> anyhow::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    say!(out, "    {what}:")?;
    for item in items {
        say!(out, "        - {item}")?;
    }
    Ok(())
}
