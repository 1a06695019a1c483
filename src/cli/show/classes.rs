//! `runbook show classes PLAN`: the fault classes with their detection
//! signals and assessment questions, the level table and the warnings, as
//! text — what the window's "fault classes and levels" view shows.

use std::io::Write;
use std::process::ExitCode;

use super::contacts::within;
use crate::cli::clean::say;
use crate::cli::term::Term;
use crate::i18n::cli::ShowTr;
use crate::model::plan::Plan;
use crate::model::plan::contacts::{Callee, span};
use crate::model::plan::doc::{Basis, Colour, Target};

/// Prints the classes, the level table and the warnings.
///
/// # Errors
/// When the output cannot be written.
pub fn run(term: &Term, plan: &Plan, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let doc = plan.doc();
    let t = term.tr().cli.show;
    say!(out, "{}", t.fault_classes)?;
    for class in &doc.classes {
        writeln!(out)?;
        say!(out, "{} ({})", class.name, class.id)?;
        say!(out, "    {}", class.description)?;
        list(out, t.detection, &class.detection)?;
        list(out, t.examples, &class.examples)?;
        if !class.assessment.is_empty() {
            say!(out, "    {}", t.assessment)?;
            for q in &class.assessment {
                say!(out, "        [{}] {}", q.level, q.text)?;
            }
        }
    }
    writeln!(out)?;
    say!(out, "{}", t.levels)?;
    for level in &doc.levels {
        writeln!(out)?;
        say!(
            out,
            "{}",
            (t.level)(level.id.as_str(), &level.name, colour(t, level.colour))
        )?;
        list(out, t.criteria, &level.criteria)?;
        let units: Vec<&str> = level
            .activates
            .iter()
            .map(|id| plan.unit(id).map_or(id.as_str(), |u| u.name.as_str()))
            .collect();
        say!(out, "    {}", (t.units)(&units.join(", ")))?;
        if !level.inform.is_empty() {
            say!(out, "    {}", t.inform)?;
            for duty in &level.inform {
                say!(
                    out,
                    "        {}, {}",
                    target(plan, &duty.to),
                    within(term, duty.within_minutes)
                )?;
            }
        }
        let cadence = level
            .update_every_minutes
            .map_or_else(|| t.no_cadence.to_owned(), |m| (t.every)(span(m)));
        say!(out, "    {}", (t.updates)(&cadence))?;
        if !level.duties.is_empty() {
            say!(out, "    {}", t.duties)?;
            for duty in &level.duties {
                say!(out, "        - {}", duty.text)?;
                if let Some(condition) = &duty.condition {
                    say!(out, "          {}", (t.when)(condition))?;
                }
                if let Some(to) = &duty.to {
                    say!(out, "          {}", (t.to)(&target(plan, to)))?;
                }
                if let Some(m) = duty.within_minutes {
                    say!(out, "          {}", within(term, m))?;
                }
                let basis = match &duty.basis {
                    Basis::Law(name) => name.as_str(),
                    Basis::Platform => t.platform_rule,
                };
                say!(out, "          {}", (t.basis)(basis))?;
            }
        }
    }
    if !doc.warnings.is_empty() {
        writeln!(out)?;
        say!(out, "{}", t.warnings)?;
        for w in &doc.warnings {
            writeln!(out)?;
            say!(
                out,
                "{}",
                (t.warning)(&w.name, colour(t, w.colour), w.level.as_str())
            )?;
            list(out, t.triggers, &w.triggers)?;
            list(out, t.measures, &w.measures)?;
            say!(
                out,
                "    {}",
                (t.issued_by)(&target(plan, &Target::Role(w.issued_by.clone())))
            )?;
            say!(
                out,
                "    {}",
                (t.lifted_by)(&target(plan, &Target::Role(w.lifted_by.clone())))
            )?;
        }
    }
    if !doc.signals.is_empty() {
        writeln!(out)?;
        say!(out, "{}", t.signals)?;
        for s in &doc.signals {
            writeln!(out)?;
            match &s.suggests {
                Some(level) => say!(out, "{}", (t.suggests)(&s.name, level.as_str()))?,
                None => say!(out, "{}", s.name)?,
            }
            say!(out, "    {}", (t.threshold)(&s.threshold))?;
            say!(out, "    {}", (t.source)(&s.source))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn target(plan: &Plan, to: &Target) -> String {
    Callee::of(plan, to).label()
}

fn colour(t: &ShowTr, c: Colour) -> &'static str {
    match c {
        Colour::Red => t.red,
        Colour::Orange => t.orange,
        Colour::Yellow => t.yellow,
        Colour::Blue => t.blue,
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
