//! `runbook verify`: the strict check of incident logs, for the review and
//! the regulator.
//!
//! The checking is `crate::io::incident_dir::verify`; this module words what
//! it found, one finding per line, each starting with the file it is about
//! and a word a script can match: `OK`, `BAD`, `REPAIRED`, `UNCLOSED`,
//! `NOTE`, `FOUND`, `FOUND IN A COPY OR FORK`, `NOT FOUND`. Those tokens
//! (and `at line N`) stay English in both languages; the explanation after
//! them is in the operator's language (`crate::i18n::verify`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::clean::say;
use crate::i18n::Tr;
use crate::i18n::verify::VerifyTr;
use crate::io::incident_dir::verify::{
    self, Cut, FileCheck, LinkState, Parting, RecordCheck, SharedChain,
};
use crate::io::log::LogError;
use crate::service::context::Overrides;
use crate::service::{Context, Service};

/// Adds one finding to a report, as one line: paths and device names come
/// from the disk and are escaped (`crate::cli::clean`).
macro_rules! note {
    ($text:expr, $($arg:tt)*) => {
        writeln!($text, "{}", super::clean::clean(&format!($($arg)*)))
    };
}

/// A head hash as given on the command line: 16 to 64 hex digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadPrefix(String);

impl std::str::FromStr for HeadPrefix {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex = s.trim().to_ascii_lowercase();
        let min = crate::i18n::HEAD_SHOWN;
        if (min..=64).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Self(hex))
        } else {
            Err(format!(
                "a head hash is {min} to 64 hexadecimal digits (0-9, a-f), as runbook shows it after `log head`; got {:?}",
                super::clean::clean(s)
            ))
        }
    }
}

/// Checks every path given (log files or incident folders) and, with a
/// head, finds it in their records. 0 when all check out (and the head is
/// found), 1 otherwise.
///
/// # Errors
/// Only when the report cannot be written.
pub fn run(
    term: &super::term::Term,
    paths: &[PathBuf],
    head: Option<&HeadPrefix>,
    data_dir: Option<PathBuf>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let tr = term.tr();
    let mut failed = false;
    let mut records = Vec::new();
    // The head is looked for as the logs are read: they are never held.
    let prefix = head.map(|h| h.0.as_str());
    let service = Service::new(Context::from_env(Overrides {
        data_dir,
        ..Overrides::default()
    }));
    for given in paths {
        // A path that is there is read as given; anything else is an
        // incident's name, as every other command takes it.
        let resolved;
        let p = if std::fs::symlink_metadata(given).is_ok() {
            given
        } else {
            match service.resolve(&given.to_string_lossy()) {
                Ok(dir) => {
                    resolved = dir;
                    &resolved
                }
                Err(e) => {
                    say!(
                        out,
                        "{}: {}",
                        given.display(),
                        super::incident::failure(term, &e)
                    )?;
                    failed = true;
                    continue;
                }
            }
        };
        let (record, ok, text) = if p.is_dir() {
            let record = verify::check_folder(p, prefix);
            let (ok, text) = folder_report(tr, p, &record);
            (record, ok, text)
        } else {
            let record = verify::check_file(p, prefix);
            let mut text = String::new();
            let mut ok = true;
            for f in &record.files {
                ok &= file_report(tr, f, &mut text);
            }
            for d in record.dangling.iter().filter(|d| d.file == *p) {
                ok = false;
                dangling_line(tr.verify, &d.file, &d.refers, &mut text);
            }
            // What the other logs of its folder show of it: a copy of it,
            // or it of another, or a fork.
            ok &= copies_report(tr.verify, &record, &mut text);
            (record, ok, text)
        };
        out.write_all(text.as_bytes())?;
        failed |= !ok;
        records.push(record);
    }
    match head {
        // Nothing was read: whether the head is there cannot be said, and
        // "not found" would be a false alarm of tampering.
        Some(head) if records.is_empty() => {
            say!(out, "head {}: {}", head.0, tr.verify.head_not_looked_for)?;
        }
        Some(head) => failed |= !head_report(tr.verify, &head.0, &records, out)?,
        None => {}
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn folder_report(tr: &Tr, dir: &Path, record: &RecordCheck) -> (bool, String) {
    let v = tr.verify;
    let mut text = String::new();
    let name = dir.display();
    if record.files.is_empty() {
        let _ = note!(text, "{name}: BAD: {}", v.no_log_files);
        return (false, text);
    }
    let mut ok = true;
    for f in &record.files {
        ok &= file_report(tr, f, &mut text);
    }
    for (plan, kind) in &record.plans_not_files {
        ok = false;
        let e = LogError::NotAFile {
            path: plan.clone(),
            kind: *kind,
        };
        let _ = note!(
            text,
            "{}: BAD: {}",
            plan.display(),
            (tr.incident.log_error)(&e)
        );
    }
    ok &= copies_report(v, record, &mut text);
    for copy in &record.conflict_copies {
        ok = false;
        let _ = note!(text, "{}: BAD: {}", copy.display(), v.conflict_copy);
    }
    match record.declarations {
        1 => {}
        0 => {
            ok = false;
            let _ = note!(text, "{name}: BAD: {}", v.no_declaration);
        }
        n => {
            ok = false;
            let _ = note!(text, "{name}: BAD: {}", (v.declarations)(n));
            for d in &record.declared {
                let _ = note!(
                    text,
                    "{}: BAD at line {}: {}",
                    d.file.display(),
                    d.line,
                    (v.a_declaration)(
                        &d.title,
                        &d.level.to_string(),
                        &d.entry.recorded_at.to_rfc3339(),
                        &d.entry.device
                    )
                );
            }
        }
    }
    for d in &record.dangling {
        ok = false;
        dangling_line(v, &d.file, &d.refers, &mut text);
    }
    for s in &record.short {
        ok = false;
        let _ = note!(
            text,
            "{name}: BAD: {}",
            (v.short)(&s.seen_in.display().to_string(), s.seen, &s.writer, s.holds)
        );
    }
    if let Some(rescue) = &record.rescue {
        let _ = note!(
            text,
            "{name}: NOTE: {}",
            (v.continues_in)(&rescue.display().to_string())
        );
    }
    let files = record.files.len();
    let sessions: usize = record.files.iter().map(FileCheck::sessions).sum();
    if ok {
        let _ = note!(text, "{name}: OK: {}", (v.record_ok)(files, sessions));
    } else {
        let _ = note!(text, "{name}: BAD: {}", v.record_bad);
    }
    (ok, text)
}

/// Words the files that share a chain and the entries held twice; returns
/// whether there are none.
fn copies_report(v: &VerifyTr, record: &RecordCheck, text: &mut String) -> bool {
    for SharedChain {
        file,
        other,
        parting,
    } in &record.shared
    {
        let (a, b) = (file.display(), other.display().to_string());
        let _ = match parting {
            Parting::After {
                lines,
                identical: true,
            } => note!(text, "{a}: BAD: {}", (v.same_lines)(&b, *lines)),
            Parting::After {
                lines,
                identical: false,
            } => note!(text, "{a}: BAD: {}", (v.part_after)(&b, *lines)),
            Parting::Continuing { origin, line } => note!(
                text,
                "{a}: BAD: {}",
                (v.both_continue)(&b, &origin.display().to_string(), *line)
            ),
        };
    }
    for d in &record.duplicated {
        let _ = note!(
            text,
            "{}: BAD at line {}: {}",
            d.file.display(),
            d.line,
            (v.duplicated)(d.count, &d.also_in.display().to_string())
        );
    }
    record.shared.is_empty() && record.duplicated.is_empty()
}

fn dangling_line(
    v: &VerifyTr,
    file: &Path,
    r: &crate::model::incident::EntryRef,
    text: &mut String,
) {
    let _ = note!(
        text,
        "{}: BAD: {}",
        file.display(),
        (v.dangling)(&r.recorded_at.to_rfc3339(), &r.device)
    );
}

/// Words the check of one file; returns whether it checks out.
fn file_report(tr: &Tr, f: &FileCheck, text: &mut String) -> bool {
    let v = tr.verify;
    let name = f.path.display();
    let read = match &f.read {
        Ok(read) => read,
        Err(e) => {
            let _ = note!(text, "{name}: BAD: {}", (tr.incident.log_error)(e));
            return false;
        }
    };
    if read.chained == 0 && read.after_damage.is_none() && read.damage.is_empty() {
        let _ = match &read.torn_tail {
            Some((_, bytes)) => note!(text, "{name}: BAD: {}", (v.only_torn)(*bytes)),
            None => note!(text, "{name}: BAD: {}", v.empty),
        };
        return false;
    }
    for d in &read.damage {
        let kept = if d.line_kept() { v.line_kept } else { "" };
        let _ = note!(
            text,
            "{name}: BAD at line {}: {}{kept}",
            d.line,
            (tr.incident.line_fault)(&d.fault)
        );
    }
    if let Some(verify::AfterDamage {
        count: n,
        first,
        last,
    }) = read.after_damage
    {
        let _ = note!(text, "{name}: NOTE: {}", (v.after_damage)(n, first, last));
    }
    if let Some((at, bytes)) = &read.torn_tail {
        let after = read.after_damage.map_or(0, |a| a.count);
        let line = read.chained + after + read.damage.len() as u64 + 1;
        let _ = note!(
            text,
            "{name}: BAD at line {line}: {}",
            (v.torn_tail)(*bytes, *at)
        );
    }
    repairs_and_link(v, f, text);
    if let Some(m) = &f.misnamed {
        let _ = note!(
            text,
            "{name}: BAD at line {}: {}",
            m.line,
            (v.misnamed)(&m.device)
        );
    }
    if let Some(x) = &f.foreign {
        let _ = note!(
            text,
            "{name}: BAD at line {}: {}",
            x.line,
            (v.foreign)(&x.named, &x.device, x.count)
        );
    }
    for line in &f.other_plan {
        let _ = note!(
            text,
            "{name}: BAD at line {line}: {}",
            (v.other_plan)(crate::io::incident_dir::PLAN_FILE)
        );
    }
    if f.unclosed() {
        let _ = note!(text, "{name}: UNCLOSED: {}", v.unclosed);
    }
    let ok = f.is_ok();
    if ok {
        let sessions = f.sessions();
        let _ = note!(
            text,
            "{name}: OK: {}",
            (v.file_ok)(read.chained, sessions, &read.head)
        );
    }
    ok
}

/// Words a file's crash repairs and its link to the file it continues.
fn repairs_and_link(v: &VerifyTr, f: &FileCheck, text: &mut String) {
    let name = f.path.display();
    for r in &f.repairs {
        let what = format!(
            "{name}: REPAIRED at line {}: {}",
            r.line,
            (v.repaired)(r.at_byte, r.cut_bytes, &r.kept_in.display().to_string())
        );
        let _ = note!(text, "{what}");
        let _ = match r.cut {
            Cut::Incomplete => Ok(()),
            Cut::WholeLine => note!(text, "{name}: BAD at line {}: {}", r.line, v.whole_line_cut),
            Cut::Missing => note!(
                text,
                "{name}: BAD at line {}: {}",
                r.line,
                v.side_file_missing
            ),
            Cut::OtherLength(len) => note!(
                text,
                "{name}: BAD at line {}: {}",
                r.line,
                (v.side_file_length)(len, r.cut_bytes)
            ),
        };
    }
    if let Some(link) = &f.link {
        let _ = match link.state {
            LinkState::Holds => note!(
                text,
                "{name}: NOTE: {}",
                (v.link_holds)(&link.stored, link.last_seq)
            ),
            LinkState::Missing => note!(
                text,
                "{name}: BAD: {}",
                (v.link_missing)(&link.target.display().to_string())
            ),
            LinkState::NoSuchLine => note!(
                text,
                "{name}: BAD: {}",
                (v.link_no_line)(&link.target.display().to_string(), link.last_seq)
            ),
        };
    }
}

/// Says where a head written down earlier is; returns whether it was found.
fn head_report(
    v: &VerifyTr,
    prefix: &str,
    records: &[RecordCheck],
    out: &mut dyn std::io::Write,
) -> anyhow::Result<bool> {
    let found: Vec<_> = records.iter().flat_map(|r| &r.found).collect();
    // A head only in a copy, or in one branch of a fork, is not proof that
    // the record holds it: which file is the original cannot be told.
    let in_original = found.iter().any(|h| h.shared_with.is_none());
    if found.is_empty() {
        say!(out, "head {prefix}: NOT FOUND: {}", v.head_not_found)?;
        return Ok(false);
    }
    for h in found {
        let after = (v.lines_after)(h.after);
        let file = h.file.display().to_string();
        match &h.shared_with {
            None => say!(
                out,
                "head {prefix}: FOUND: {}",
                (v.found)(h.line, &file, &after, &h.hash)
            )?,
            Some(other) => say!(
                out,
                "head {prefix}: FOUND IN A COPY OR FORK: {}",
                (v.found_in_copy)(h.line, &file, &after, &h.hash, &other.display().to_string())
            )?,
        }
    }
    Ok(in_original)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::log;

    #[test]
    fn a_head_is_sixteen_to_sixty_four_hex_digits() {
        assert!("0123456789abcdef".parse::<HeadPrefix>().is_ok());
        assert!(" 0123456789ABCDEF0 ".parse::<HeadPrefix>().is_ok());
        assert!("0123456789abcde".parse::<HeadPrefix>().is_err());
        assert!("0123456789abcdeg".parse::<HeadPrefix>().is_err());
        assert!(log::GENESIS.parse::<HeadPrefix>().is_ok());
        assert!(format!("{}0", log::GENESIS).parse::<HeadPrefix>().is_err());
    }
}
