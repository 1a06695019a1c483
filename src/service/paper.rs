//! The papers, made and written once for both faces: the binder of a plan,
//! and the report, briefing and regulator draft of an incident.
//!
//! `paper` builds pages as strings and touches nothing; here they get what
//! only the application knows — the record's check of the incident's folder,
//! the time and zone, the font to embed — and are written atomically
//! (`io::output`), so `runbook print`/`report` and the window's menu write
//! the same file from the same call.

use std::path::Path;

use crate::assets::CJK_FONT;
use crate::i18n::time::Times;
use crate::io::output::write_atomic;
use crate::model::incident::Incident;
use crate::model::plan::Plan;
use crate::paper::report::Verification;
use crate::paper::{Paper, binder};

/// The format of a paper about an incident.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One HTML file to open in a browser and print, the font inside.
    #[default]
    Html,
    /// Markdown, to paste into the review.
    Markdown,
}

impl Format {
    /// The file name's extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
        }
    }
}

/// An incident as a paper is made from it: its folder (whose record is
/// checked for the paper's last section), the plan it ran under and its
/// state as saved.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The incident's folder.
    pub dir: &'a Path,
    /// The pinned plan.
    pub plan: &'a Plan,
    /// The state, as saved.
    pub incident: &'a Incident,
}

/// The text of a paper about an incident.
#[must_use]
pub fn incident_text(source: Source<'_>, paper: Paper, format: Format, times: &Times) -> String {
    let doc = paper.build(
        source.plan,
        source.incident,
        times,
        &verification(source.dir),
    );
    match format {
        Format::Html => doc.html(CJK_FONT),
        Format::Markdown => doc.markdown(),
    }
}

/// Writes a paper about an incident to `to`, atomically.
///
/// # Errors
/// When the file cannot be written; the message names it.
pub fn write_incident(
    source: Source<'_>,
    paper: Paper,
    format: Format,
    times: &Times,
    to: &Path,
) -> anyhow::Result<()> {
    write_atomic(to, incident_text(source, paper, format, times).as_bytes())
}

/// The name a paper about the incident in `dir` is offered under:
/// `<incident>-report.html`, `<incident>-briefing.md`,
/// `<incident>-regulator-first.html`, `<incident>-regulator-follow-up.html`
/// (a follow-up is never offered the first report's name).
#[must_use]
pub fn incident_file_name(dir: &Path, paper: Paper, format: Format) -> String {
    format!(
        "{}-{}.{}",
        incident_name(dir),
        paper.slug(),
        format.extension()
    )
}

/// The name of the `n`th regulator report about the incident in `dir`,
/// counting the first and every follow-up:
/// `<incident>-regulator-1-first.html`, `<incident>-regulator-2-follow-up.html`.
/// Each report sent is a paper of its own, kept beside the others; the
/// caller picks the first number whose name is free.
#[must_use]
pub fn numbered_regulator_name(dir: &Path, follow_up: bool, n: u32, format: Format) -> String {
    format!(
        "{}-regulator-{n}-{}.{}",
        incident_name(dir),
        if follow_up { "follow-up" } else { "first" },
        format.extension()
    )
}

/// The incident's name, as its folder is named.
fn incident_name(dir: &Path) -> std::borrow::Cow<'_, str> {
    dir.file_name()
        .map_or_else(|| "incident".into(), |n| n.to_string_lossy())
}

/// The plan as a binder to print: one HTML file, the font inside.
#[must_use]
pub fn binder_text(plan: &Plan) -> String {
    binder::binder(plan, CJK_FONT)
}

/// Writes the plan's binder to `to`, atomically; returns its size in bytes.
///
/// # Errors
/// When the file cannot be written; the message names it.
pub fn write_binder(plan: &Plan, to: &Path) -> anyhow::Result<usize> {
    let html = binder_text(plan);
    write_atomic(to, html.as_bytes())?;
    Ok(html.len())
}

/// What checking an incident folder's record finds, for a report's last
/// section: whether it checks out, each log's head hash, and what does not.
#[must_use]
pub fn verification(dir: &Path) -> Verification {
    let record = crate::io::incident_dir::verify::check_folder(dir, None);
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    Verification {
        ok: record.is_ok(),
        heads: record
            .files
            .iter()
            .filter_map(|f| Some((name(&f.path), f.read.as_ref().ok()?.head.clone())))
            .collect(),
        bad_files: record
            .files
            .iter()
            .filter(|f| !f.is_ok_but_unclosed())
            .map(|f| name(&f.path))
            .collect(),
        open_files: record
            .files
            .iter()
            .filter(|f| f.is_ok_but_unclosed() && f.unclosed())
            .map(|f| name(&f.path))
            .collect(),
        record_incomplete: record.declarations != 1
            || !record.dangling.is_empty()
            || !record.short.is_empty()
            || !record.conflict_copies.is_empty(),
    }
}
