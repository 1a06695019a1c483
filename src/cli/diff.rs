//! `runbook diff OLD NEW`: what changed between two revisions of a plan.
//!
//! The comparison is the model's ([`crate::model::plan::diff`]); this module
//! only writes it, for a terminal or as Markdown to paste into a change
//! request. The plan's words are its author's: in the terminal every line is
//! escaped (`super::clean`), in Markdown every character that would become
//! markup is escaped, so a step's text cannot reformat the request.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::clean::say;
use crate::model::plan::diff::{
    Change, ChangeKind, FieldChange, LineChange, PlanDiff, diff, line_changes,
};

/// How to write the changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, for a terminal.
    #[default]
    Text,
    /// Markdown, for a change request.
    Md,
}

/// Runs `runbook diff`.
///
/// # Errors
/// A plan that does not load, or output that cannot be written.
pub fn run(
    old: &Path,
    new: &Path,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let old_plan = super::show::load_to(old, "compared", out)?;
    let new_plan = super::show::load_to(new, "compared", out)?;
    let d = diff(&old_plan, &new_plan);
    match format {
        Format::Text => text(&d, out)?,
        Format::Md => markdown(&d, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// "3 added, 1 removed, 12 changed", leaving out the zeros.
fn counts(changes: &[&Change]) -> String {
    let n = |k: ChangeKind| changes.iter().filter(|c| c.kind == k).count();
    let parts: Vec<String> = [
        (n(ChangeKind::Added), "added"),
        (n(ChangeKind::Removed), "removed"),
        (n(ChangeKind::Changed), "changed"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    parts.join(", ")
}

fn all(d: &PlanDiff) -> Vec<&Change> {
    d.topics.iter().flat_map(|t| &t.changes).collect()
}

fn heading(d: &PlanDiff) -> String {
    format!(
        "Changes to {} from revision {} to {}",
        d.title, d.old_version, d.new_version
    )
}

/// The fields a change shows: a removed thing is named by its first field
/// (the rest is gone with it); anything else shows every field.
fn shown(c: &Change) -> &[FieldChange] {
    match c.kind {
        ChangeKind::Removed => &c.fields[..c.fields.len().min(1)],
        _ => &c.fields,
    }
}

/// Whether a field's change fits on one line as `old → new`.
fn short(f: &FieldChange) -> bool {
    [&f.old, &f.new]
        .into_iter()
        .flatten()
        .all(|v| !v.contains('\n') && v.chars().count() <= 48)
}

fn text(d: &PlanDiff, out: &mut dyn Write) -> std::io::Result<()> {
    if d.topics.is_empty() {
        return say!(out, "{}: no changes", heading(d));
    }
    say!(out, "{}: {}", heading(d), counts(&all(d)))?;
    for topic in &d.topics {
        let changes: Vec<&Change> = topic.changes.iter().collect();
        writeln!(out)?;
        say!(out, "{}: {}", topic.topic.title(), counts(&changes))?;
        for c in changes {
            let mark = match c.kind {
                ChangeKind::Added => '+',
                ChangeKind::Removed => '-',
                ChangeKind::Changed => '~',
            };
            if c.place.is_empty() {
                say!(out, "  {mark} {}", c.subject)?;
            } else {
                say!(out, "  {mark} {} ({})", c.subject, c.place)?;
            }
            for f in shown(c) {
                match (&f.old, &f.new) {
                    (Some(old), Some(new)) if short(f) => {
                        say!(out, "      {}: {old} → {new}", f.field)?;
                    }
                    (Some(old), Some(new)) if old.contains('\n') || new.contains('\n') => {
                        say!(out, "      {}, the lines that changed:", f.field)?;
                        for line in line_changes(old, new) {
                            match line {
                                LineChange::Removed(l) => say!(out, "        - {l}")?,
                                LineChange::Added(l) => say!(out, "        + {l}")?,
                            }
                        }
                    }
                    (Some(old), Some(new)) => {
                        block(out, &format!("{} was", f.field), old)?;
                        block(out, &format!("{} now", f.field), new)?;
                    }
                    (Some(v), None) | (None, Some(v)) => block(out, f.field, v)?,
                    (None, None) => {}
                }
            }
        }
    }
    Ok(())
}

/// `label: value`, a multi-line value with its lines indented under it.
fn block(out: &mut dyn Write, label: &str, value: &str) -> std::io::Result<()> {
    let mut lines = value.lines();
    say!(out, "      {label}: {}", lines.next().unwrap_or_default())?;
    for line in lines {
        say!(out, "        {line}")?;
    }
    Ok(())
}

fn markdown(d: &PlanDiff, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {}", md(&heading(d)))?;
    writeln!(out)?;
    if d.topics.is_empty() {
        return writeln!(out, "No changes.");
    }
    writeln!(out, "{}.", counts(&all(d)))?;
    for topic in &d.topics {
        let changes: Vec<&Change> = topic.changes.iter().collect();
        writeln!(out)?;
        writeln!(out, "## {}", topic.topic.title())?;
        writeln!(out)?;
        writeln!(out, "{}.", counts(&changes))?;
        writeln!(out)?;
        for c in changes {
            let kind = match c.kind {
                ChangeKind::Added => "Added",
                ChangeKind::Removed => "Removed",
                ChangeKind::Changed => "Changed",
            };
            if c.place.is_empty() {
                writeln!(out, "- **{kind}** {}", md(&c.subject))?;
            } else {
                writeln!(out, "- **{kind}** {} ({})", md(&c.subject), md(&c.place))?;
            }
            for f in shown(c) {
                match (&f.old, &f.new) {
                    (Some(old), Some(new)) if short(f) => {
                        writeln!(out, "  - {}: {} → {}", f.field, md(old), md(new))?;
                    }
                    (Some(old), Some(new)) if old.contains('\n') || new.contains('\n') => {
                        writeln!(out, "  - {}, the lines that changed:", f.field)?;
                        for line in line_changes(old, new) {
                            match line {
                                LineChange::Removed(l) => {
                                    writeln!(out, "    - was: ~~{}~~", md(l))?;
                                }
                                LineChange::Added(l) => writeln!(out, "    - now: {}", md(l))?,
                            }
                        }
                    }
                    (Some(old), Some(new)) => {
                        writeln!(out, "  - {}:", f.field)?;
                        md_block(out, "was", old)?;
                        md_block(out, "now", new)?;
                    }
                    (Some(v), None) | (None, Some(v)) if !v.contains('\n') => {
                        writeln!(out, "  - {}: {}", f.field, md(v))?;
                    }
                    (Some(v), None) | (None, Some(v)) => {
                        writeln!(out, "  - {}:", f.field)?;
                        for line in v.lines() {
                            writeln!(out, "    - {}", md(line))?;
                        }
                    }
                    (None, None) => {}
                }
            }
        }
    }
    Ok(())
}

/// A nested item `was: …`; a multi-line value as one sub-item per line.
fn md_block(out: &mut dyn Write, label: &str, value: &str) -> std::io::Result<()> {
    if !value.contains('\n') {
        return writeln!(out, "    - {label}: {}", md(value));
    }
    writeln!(out, "    - {label}:")?;
    for line in value.lines() {
        writeln!(out, "      - {}", md(line))?;
    }
    Ok(())
}

/// Text escaped for Markdown: the terminal-unsafe characters first (the
/// file may well be shown in one), then the markup (`paper::doc::md`).
fn md(text: &str) -> String {
    crate::paper::doc::md(&super::clean::clean(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_plan_is_escaped_in_markdown() {
        assert_eq!(
            md("<script>*x*</script>"),
            "\\<script\\>\\*x\\*\\</script\\>"
        );
        assert_eq!(md("# not a heading"), "\\# not a heading");
        // A line break that reached this far is shown, not obeyed.
        assert_eq!(md("第一行\n第二"), "第一行\\\\n第二");
    }
}
