//! `runbook show contacts PLAN [--level L] [--search TEXT]`: a level's call
//! tree as indented text, or the directory, in a terminal.
//!
//! The same model calls as the window's contacts view
//! ([`crate::model::plan::contacts`]), so a call tree printed for a wall or
//! read over SSH says exactly what the window says.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::clean::say;
use crate::cli::term::Term;
use crate::i18n::cli::ShowTr;
use crate::i18n::plan as plan_words;
use crate::model::plan::Plan;
use crate::model::plan::contacts::{self, CallNode, Callee, Phone, PhoneKind};
use crate::model::plan::doc::{Contact, Minutes};

/// Prints a level's call tree (with `level`) or the directory, filtered by
/// `search`.
///
/// # Errors
/// An unknown level (the message lists the plan's levels), or output that
/// cannot be written.
pub fn run(
    term: &Term,
    plan: &Plan,
    level: Option<&str>,
    search: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match level {
        Some(level) => tree(term, plan, level, out)?,
        None => directory(term.tr().cli.show, plan, search.unwrap_or(""), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn tree(term: &Term, plan: &Plan, level: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let t = term.tr().cli.show;
    // The command's other words are the terminal's; so is its refusal.
    let level = contacts::find_level(plan, level)
        .map_err(|e| anyhow::anyhow!(plan_words::unknown_level(&e, term.tr().plan)))?;
    let tree = contacts::call_tree(plan, level);
    say!(out, "{}", (t.tree)(level.id.as_str(), &level.name))?;
    let Some(root) = tree.root else {
        say!(out, "{}", t.no_tree)?;
        return Ok(());
    };
    say!(
        out,
        "{}",
        (t.starts)(&format!("{}{}", root.label(), numbers(t, &root.phones())))
    )?;
    for node in tree.flatten() {
        call(term, node, out)?;
    }
    Ok(())
}

fn call(term: &Term, node: &CallNode<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let t = term.tr().cli.show;
    let indent = "    ".repeat(node.depth() - 1);
    let limit = node
        .within
        .map_or_else(|| t.no_limit.to_owned(), |m| within(term, m));
    say!(
        out,
        "{indent}{}  {}, {limit}{}",
        node.order_label(),
        node.callee.label(),
        numbers(t, &node.callee.phones())
    )?;
    if !node.fallback.is_empty() {
        let fallbacks: Vec<String> = node.fallback.iter().map(|f| fallback(t, f)).collect();
        say!(
            out,
            "{indent}    {}",
            (t.unreachable)(&fallbacks.join(t.then))
        )?;
    }
    Ok(())
}

/// A fallback with the first number to try.
fn fallback(t: &ShowTr, callee: &Callee<'_>) -> String {
    let phones = callee.phones();
    format!(
        "{}{}",
        callee.label(),
        numbers(t, &phones[..phones.len().min(1)])
    )
}

/// "within 15 min", "15分钟内".
#[must_use]
pub fn within(term: &Term, minutes: Minutes) -> String {
    (term.tr().within)(contacts::span(minutes))
}

/// ": mobile 138-…, phone 010-…", or nothing.
fn numbers(t: &ShowTr, phones: &[Phone<'_>]) -> String {
    if phones.is_empty() {
        return t.no_phone.to_owned();
    }
    let list: Vec<String> = phones
        .iter()
        .map(|p| format!("{} {}", kind(t, p.kind), p.number))
        .collect();
    format!(": {}", list.join(", "))
}

fn kind(t: &ShowTr, kind: PhoneKind) -> &'static str {
    match kind {
        PhoneKind::Mobile => t.mobile,
        PhoneKind::Office => t.phone,
    }
}

fn directory(t: &ShowTr, plan: &Plan, search: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let found = contacts::directory(plan, search);
    if found.people.is_empty() && found.externals.is_empty() {
        say!(out, "{}", (t.no_contact)(search))?;
        return Ok(());
    }
    let count = |n: usize, total: usize| {
        if n == total {
            format!("{total}")
        } else {
            (t.of)(n, total)
        }
    };
    say!(
        out,
        "{}",
        (t.people)(&count(found.people.len(), found.total_people))
    )?;
    for entry in &found.people {
        let p = entry.person;
        if p.title.is_empty() {
            say!(out, "{}", p.name)?;
        } else {
            say!(out, "{}, {}", p.name, p.title)?;
        }
        for (what, roles) in [(t.holds, &entry.holds), (t.deputy_for, &entry.deputises)] {
            if !roles.is_empty() {
                let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
                say!(out, "    {what}: {}", names.join(", "))?;
            }
        }
        contact(t, &p.contact, out)?;
    }
    writeln!(out)?;
    say!(
        out,
        "{}",
        (t.externals)(&count(found.externals.len(), found.total_externals))
    )?;
    for e in &found.externals {
        say!(
            out,
            "{} [{}]",
            e.name,
            format!("{:?}", e.kind).to_lowercase()
        )?;
        contact(t, &e.contact, out)?;
        if !e.notes.is_empty() {
            say!(out, "    {}: {}", t.notes, e.notes)?;
        }
    }
    Ok(())
}

fn contact(t: &ShowTr, c: &Contact, out: &mut dyn Write) -> anyhow::Result<()> {
    for phone in contacts::phones(c) {
        say!(out, "    {}: {}", kind(t, phone.kind), phone.number)?;
    }
    for (what, value) in [
        (t.im, &c.im),
        (t.email, &c.email),
        (t.location, &c.location),
    ] {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            say!(out, "    {what}: {value}")?;
        }
    }
    Ok(())
}
