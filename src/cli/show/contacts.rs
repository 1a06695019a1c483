//! `runbook show contacts PLAN [--level L] [--search TEXT]`: a level's call
//! tree as indented text, or the directory, in a terminal.
//!
//! The same model calls as the window's contacts view
//! ([`crate::model::plan::contacts`]), so a call tree printed for a wall or
//! read over SSH says exactly what the window says.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::clean::say;
use crate::i18n::Lang;
use crate::i18n::plan as plan_words;
use crate::model::plan::Plan;
use crate::model::plan::contacts::{self, CallNode, Callee, Phone, PhoneKind, TimeSpan};
use crate::model::plan::doc::{Contact, Minutes};

/// Prints a level's call tree (with `level`) or the directory, filtered by
/// `search`.
///
/// # Errors
/// An unknown level (the message lists the plan's levels), or output that
/// cannot be written.
pub fn run(
    plan: &Plan,
    level: Option<&str>,
    search: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match level {
        Some(level) => tree(plan, level, out)?,
        None => directory(plan, search.unwrap_or(""), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn tree(plan: &Plan, level: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    // The command's other words are English; so is its refusal.
    let level = contacts::find_level(plan, level)
        .map_err(|e| anyhow::anyhow!(plan_words::unknown_level(&e, Lang::En.tr().plan)))?;
    let tree = contacts::call_tree(plan, level);
    say!(out, "Call tree for level {} ({})", level.id, level.name)?;
    let Some(root) = tree.root else {
        say!(out, "The plan sets no call tree for this level.")?;
        return Ok(());
    };
    say!(
        out,
        "Starts the calls: {}{}",
        root.label(),
        numbers(&root.phones())
    )?;
    for node in tree.flatten() {
        call(node, out)?;
    }
    Ok(())
}

fn call(node: &CallNode<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let indent = "    ".repeat(node.depth() - 1);
    let limit = node
        .within
        .map_or_else(|| "no time limit".to_owned(), within);
    say!(
        out,
        "{indent}{}  {}, {limit}{}",
        node.order_label(),
        node.callee.label(),
        numbers(&node.callee.phones())
    )?;
    if !node.fallback.is_empty() {
        let fallbacks: Vec<String> = node.fallback.iter().map(fallback).collect();
        say!(
            out,
            "{indent}    if unreachable: {}",
            fallbacks.join(", then ")
        )?;
    }
    Ok(())
}

/// A fallback with the first number to try.
fn fallback(callee: &Callee<'_>) -> String {
    let phones = callee.phones();
    format!(
        "{}{}",
        callee.label(),
        numbers(&phones[..phones.len().min(1)])
    )
}

/// "within 15 min", "within 4 hours".
#[must_use]
pub fn within(minutes: Minutes) -> String {
    match contacts::span(minutes) {
        TimeSpan::Minutes(n) => format!("within {n} min"),
        TimeSpan::Hours(1) => "within 1 hour".to_owned(),
        TimeSpan::Hours(n) => format!("within {n} hours"),
        TimeSpan::Days(1) => "within 1 day".to_owned(),
        TimeSpan::Days(n) => format!("within {n} days"),
    }
}

/// ": mobile 138-…, phone 010-…", or nothing.
fn numbers(phones: &[Phone<'_>]) -> String {
    if phones.is_empty() {
        return ": no phone number".to_owned();
    }
    let list: Vec<String> = phones
        .iter()
        .map(|p| format!("{} {}", kind(p.kind), p.number))
        .collect();
    format!(": {}", list.join(", "))
}

fn kind(kind: PhoneKind) -> &'static str {
    match kind {
        PhoneKind::Mobile => "mobile",
        PhoneKind::Office => "phone",
    }
}

fn directory(plan: &Plan, search: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    let found = contacts::directory(plan, search);
    if found.people.is_empty() && found.externals.is_empty() {
        say!(out, "No contact matches {search:?}.")?;
        return Ok(());
    }
    let count = |n: usize, total: usize| {
        if n == total {
            format!("{total}")
        } else {
            format!("{n} of {total}")
        }
    };
    say!(
        out,
        "People ({})",
        count(found.people.len(), found.total_people)
    )?;
    for entry in &found.people {
        let p = entry.person;
        if p.title.is_empty() {
            say!(out, "{}", p.name)?;
        } else {
            say!(out, "{}, {}", p.name, p.title)?;
        }
        for (what, roles) in [("holds", &entry.holds), ("deputy for", &entry.deputises)] {
            if !roles.is_empty() {
                let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
                say!(out, "    {what}: {}", names.join(", "))?;
            }
        }
        contact(&p.contact, out)?;
    }
    writeln!(out)?;
    say!(
        out,
        "External contacts ({})",
        count(found.externals.len(), found.total_externals)
    )?;
    for e in &found.externals {
        say!(
            out,
            "{} [{}]",
            e.name,
            format!("{:?}", e.kind).to_lowercase()
        )?;
        contact(&e.contact, out)?;
        if !e.notes.is_empty() {
            say!(out, "    notes: {}", e.notes)?;
        }
    }
    Ok(())
}

fn contact(c: &Contact, out: &mut dyn Write) -> anyhow::Result<()> {
    for phone in contacts::phones(c) {
        say!(out, "    {}: {}", kind(phone.kind), phone.number)?;
    }
    for (what, value) in [
        ("IM", &c.im),
        ("e-mail", &c.email),
        ("location", &c.location),
    ] {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            say!(out, "    {what}: {value}")?;
        }
    }
    Ok(())
}
