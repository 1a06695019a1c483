//! `runbook show search PLAN QUERY`: the plan-text view's full-text search in
//! a terminal, one line per hit, like grep.
//!
//! Each line names where the hit is (`ch9.s2 §section title`) and shows it in
//! `[brackets]` with some text around it; a count follows. The exit code is
//! grep's: 0 when something was found, 1 when nothing was, so scripts can
//! test for a phrase.

use std::process::ExitCode;

use crate::cli::clean::say;
use crate::cli::term::Term;
use crate::model::plan::Plan;
use crate::model::plan::search::{self, Hit};

/// Columns of context on either side of a hit: a hit and its context fit an
/// 80-column terminal line in Chinese and in English.
const CONTEXT_COLUMNS: usize = 24;

/// Prints every hit of `query` in the plan's text and a count.
///
/// # Errors
/// When the output cannot be written.
pub fn run(
    term: &Term,
    plan: &Plan,
    query: &str,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let t = term.tr().cli.show;
    let hits = search::search(plan, query);
    for hit in &hits {
        say!(out, "{}", line(plan, hit))?;
    }
    let shown = query.trim();
    if hits.is_empty() && shown.is_empty() {
        say!(out, "{}", t.no_hits_blank)?;
    } else {
        say!(out, "{}", (t.hits)(hits.len(), shown))?;
    }
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `ch9.s2 §title: …context [hit] context…`.
fn line(plan: &Plan, hit: &Hit) -> String {
    let chapters = &plan.doc().chapters;
    let chapter = chapters.get(hit.location.chapter);
    let title = hit
        .location
        .section
        .and_then(|s| chapter.and_then(|c| c.sections.get(s)))
        .map(|s| s.title.as_str())
        .or_else(|| chapter.map(|c| c.title.as_str()))
        .unwrap_or_default();
    let text = hit.text(chapters).unwrap_or_default();
    let s = search::snippet(text, hit.range.clone(), CONTEXT_COLUMNS);
    format!(
        "{} §{}: {}{}[{}]{}{}",
        hit.id(),
        one_line(title),
        if s.cut_before { "…" } else { "" },
        one_line(s.before),
        one_line(s.hit),
        one_line(s.after),
        if s.cut_after { "…" } else { "" },
    )
}

/// The text with line breaks and tabs as spaces, so one hit is one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
