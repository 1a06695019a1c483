//! `runbook diff OLD NEW`: what changed between two revisions of a plan.
//!
//! The comparison is the model's ([`crate::model::plan::diff`]) and its
//! words are the locale's language's (`crate::i18n::diff`); this module only
//! lays it out, for a terminal or as Markdown to paste into a change request. The plan's words are its author's: in the terminal every line is
//! escaped (`super::clean`), in Markdown every character that would become
//! markup is escaped, so a step's text cannot reformat the request.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::clean::say;
use crate::i18n::diff::{self as words, DiffTr};
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

/// Runs `runbook diff`, in the locale's language.
///
/// # Errors
/// A plan that does not load, or output that cannot be written.
pub fn run(
    term: &super::term::Term,
    old: &Path,
    new: &Path,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let done = term.tr().cli.done_compared;
    let old_plan = super::show::load_to(term, old, done, out)?;
    let new_plan = super::show::load_to(term, new, done, out)?;
    let d = diff(&old_plan, &new_plan);
    let t = term.tr().diff;
    match format {
        Format::Text => text(&d, t, out)?,
        Format::Md => markdown(&d, t, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// "3 added, 1 removed, 12 changed", leaving out the zeros.
fn counts(changes: &[&Change], t: &DiffTr) -> String {
    let n = |k: ChangeKind| changes.iter().filter(|c| c.kind == k).count();
    words::counts(
        n(ChangeKind::Added),
        n(ChangeKind::Removed),
        n(ChangeKind::Changed),
        t,
    )
}

fn all(d: &PlanDiff) -> Vec<&Change> {
    d.topics.iter().flat_map(|t| &t.changes).collect()
}

fn heading(d: &PlanDiff, t: &DiffTr) -> String {
    (t.heading)(&d.title, &d.old_version, &d.new_version)
}

/// A field's change as the reader sees it: its name and both values in
/// words.
struct Shown {
    field: &'static str,
    old: Option<String>,
    new: Option<String>,
}

/// The fields a change shows: a removed thing is named by its first field
/// (the rest is gone with it); anything else shows every field.
fn shown(c: &Change, t: &DiffTr) -> Vec<Shown> {
    let fields: &[FieldChange] = match c.kind {
        ChangeKind::Removed => &c.fields[..c.fields.len().min(1)],
        _ => &c.fields,
    };
    fields
        .iter()
        .map(|f| Shown {
            field: words::field(f.field, t),
            old: f.old.as_ref().map(|v| words::value(v, t)),
            new: f.new.as_ref().map(|v| words::value(v, t)),
        })
        .collect()
}

/// What a change is about, and where, as one line's text.
fn about(c: &Change, t: &DiffTr) -> String {
    let subject = words::subject(&c.subject, t);
    if c.place.is_nowhere() {
        subject
    } else {
        let (open, close) = t.brackets;
        format!("{subject}{open}{}{close}", words::place(&c.place, t))
    }
}

/// Whether a field's change fits on one line as `old → new`.
fn short(f: &Shown) -> bool {
    [&f.old, &f.new]
        .into_iter()
        .flatten()
        .all(|v| !v.contains('\n') && v.chars().count() <= 48)
}

fn text(d: &PlanDiff, t: &DiffTr, out: &mut dyn Write) -> std::io::Result<()> {
    let colon = t.colon;
    if d.topics.is_empty() {
        return say!(out, "{}{colon}{}", heading(d, t), t.no_changes);
    }
    say!(out, "{}{colon}{}", heading(d, t), counts(&all(d), t))?;
    for topic in &d.topics {
        let changes: Vec<&Change> = topic.changes.iter().collect();
        writeln!(out)?;
        say!(
            out,
            "{}{colon}{}",
            words::topic(topic.topic, t),
            counts(&changes, t)
        )?;
        for c in changes {
            let mark = match c.kind {
                ChangeKind::Added => '+',
                ChangeKind::Removed => '-',
                ChangeKind::Changed => '~',
            };
            say!(out, "  {mark} {}", about(c, t))?;
            for f in shown(c, t) {
                let field = f.field;
                match (&f.old, &f.new) {
                    (Some(old), Some(new)) if short(&f) => {
                        say!(out, "      {field}{colon}{old} → {new}")?;
                    }
                    (Some(old), Some(new)) if old.contains('\n') || new.contains('\n') => {
                        say!(out, "      {}", (t.lines_changed)(field))?;
                        for line in line_changes(old, new) {
                            match line {
                                LineChange::Removed(l) => say!(out, "        - {l}")?,
                                LineChange::Added(l) => say!(out, "        + {l}")?,
                            }
                        }
                    }
                    (Some(old), Some(new)) => {
                        block(out, &(t.field_was)(field), old, colon)?;
                        block(out, &(t.field_now)(field), new, colon)?;
                    }
                    (Some(v), None) | (None, Some(v)) => block(out, field, v, colon)?,
                    (None, None) => {}
                }
            }
        }
    }
    Ok(())
}

/// `label: value`, a multi-line value with its lines indented under it.
fn block(out: &mut dyn Write, label: &str, value: &str, colon: &str) -> std::io::Result<()> {
    let mut lines = value.lines();
    say!(
        out,
        "      {label}{colon}{}",
        lines.next().unwrap_or_default()
    )?;
    for line in lines {
        say!(out, "        {line}")?;
    }
    Ok(())
}

fn markdown(d: &PlanDiff, t: &DiffTr, out: &mut dyn Write) -> std::io::Result<()> {
    let (colon, stop) = (t.colon, t.full_stop);
    writeln!(out, "# {}", md(&heading(d, t)))?;
    writeln!(out)?;
    if d.topics.is_empty() {
        return writeln!(out, "{}", t.no_changes_md);
    }
    writeln!(out, "{}{stop}", counts(&all(d), t))?;
    for topic in &d.topics {
        let changes: Vec<&Change> = topic.changes.iter().collect();
        writeln!(out)?;
        writeln!(out, "## {}", words::topic(topic.topic, t))?;
        writeln!(out)?;
        writeln!(out, "{}{stop}", counts(&changes, t))?;
        writeln!(out)?;
        for c in changes {
            let kind = match c.kind {
                ChangeKind::Added => t.kind_added,
                ChangeKind::Removed => t.kind_removed,
                ChangeKind::Changed => t.kind_changed,
            };
            let subject = md(&words::subject(&c.subject, t));
            if c.place.is_nowhere() {
                writeln!(out, "- **{kind}** {subject}")?;
            } else {
                let place = md(&words::place(&c.place, t));
                let (open, close) = t.brackets;
                writeln!(out, "- **{kind}** {subject}{open}{place}{close}")?;
            }
            for f in shown(c, t) {
                let field = f.field;
                match (&f.old, &f.new) {
                    (Some(old), Some(new)) if short(&f) => {
                        writeln!(out, "  - {field}{colon}{} → {}", md(old), md(new))?;
                    }
                    (Some(old), Some(new)) if old.contains('\n') || new.contains('\n') => {
                        writeln!(out, "  - {}", (t.lines_changed)(field))?;
                        for line in line_changes(old, new) {
                            match line {
                                LineChange::Removed(l) => {
                                    writeln!(out, "    - {}{colon}~~{}~~", t.was, md(l))?;
                                }
                                LineChange::Added(l) => {
                                    writeln!(out, "    - {}{colon}{}", t.now, md(l))?;
                                }
                            }
                        }
                    }
                    (Some(old), Some(new)) => {
                        writeln!(out, "  - {field}{}", colon.trim_end())?;
                        md_block(out, t.was, old, colon)?;
                        md_block(out, t.now, new, colon)?;
                    }
                    (Some(v), None) | (None, Some(v)) if !v.contains('\n') => {
                        writeln!(out, "  - {field}{colon}{}", md(v))?;
                    }
                    (Some(v), None) | (None, Some(v)) => {
                        writeln!(out, "  - {field}{}", colon.trim_end())?;
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
fn md_block(out: &mut dyn Write, label: &str, value: &str, colon: &str) -> std::io::Result<()> {
    if !value.contains('\n') {
        return writeln!(out, "    - {label}{colon}{}", md(value));
    }
    writeln!(out, "    - {label}{}", colon.trim_end())?;
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
