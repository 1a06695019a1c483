//! `runbook verify`: the strict check of incident logs, for the review and
//! the regulator.
//!
//! The checking is `crate::io::incident_dir::verify`; this module words what
//! it found, one finding per line, each starting with the file it is about
//! and a word a script can match: `OK`, `BAD`, `REPAIRED`, `UNCLOSED`,
//! `NOTE`, `FOUND`, `FOUND IN A COPY OR FORK`, `NOT FOUND`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::clean::say;
use crate::i18n::incident::EN;
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
            let (ok, text) = folder_report(p, &record);
            (record, ok, text)
        } else {
            let record = verify::check_file(p, prefix);
            let mut text = String::new();
            let mut ok = true;
            for f in &record.files {
                ok &= file_report(f, &mut text);
            }
            for d in record.dangling.iter().filter(|d| d.file == *p) {
                ok = false;
                dangling_line(&d.file, &d.refers, &mut text);
            }
            // What the other logs of its folder show of it: a copy of it,
            // or it of another, or a fork.
            ok &= copies_report(&record, &mut text);
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
            say!(out, "head {}: not looked for: no log could be read", head.0)?;
        }
        Some(head) => failed |= !head_report(&head.0, &records, out)?,
        None => {}
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn folder_report(dir: &Path, record: &RecordCheck) -> (bool, String) {
    let mut text = String::new();
    let name = dir.display();
    if record.files.is_empty() {
        let _ = note!(
            text,
            "{name}: BAD: no log files (log-*.jsonl) in this folder"
        );
        return (false, text);
    }
    let mut ok = true;
    for f in &record.files {
        ok &= file_report(f, &mut text);
    }
    for (plan, kind) in &record.plans_not_files {
        ok = false;
        let e = LogError::NotAFile {
            path: plan.clone(),
            kind: *kind,
        };
        let _ = note!(text, "{}: BAD: {}", plan.display(), (EN.log_error)(&e));
    }
    ok &= copies_report(record, &mut text);
    for copy in &record.conflict_copies {
        ok = false;
        let _ = note!(
            text,
            "{}: BAD: a conflict copy left by a sync engine (two devices changed one file at once); runbook does not read it: compare it with the log it is named after",
            copy.display()
        );
    }
    match record.declarations {
        1 => {}
        0 => {
            ok = false;
            let _ = note!(
                text,
                "{name}: BAD: no log holds the declaration: the log that held it is missing or damaged"
            );
        }
        n => {
            ok = false;
            let _ = note!(
                text,
                "{name}: BAD: the logs hold {n} declarations; an incident has one: logs of other incidents were put in this folder"
            );
            for d in &record.declared {
                let _ = note!(
                    text,
                    "{}: BAD at line {}: a declaration: {:?} at level {}, recorded at {} on {}",
                    d.file.display(),
                    d.line,
                    d.title,
                    d.level,
                    d.entry.recorded_at.to_rfc3339(),
                    d.entry.device
                );
            }
        }
    }
    for d in &record.dangling {
        ok = false;
        dangling_line(&d.file, &d.refers, &mut text);
    }
    for s in &record.short {
        ok = false;
        let _ = note!(
            text,
            "{name}: BAD: an entry in {} says its device had seen {} entries of {}, but the logs here hold {}: a log of {} is missing, or was cut",
            s.seen_in.display(),
            s.seen,
            s.writer,
            s.holds,
            s.writer
        );
    }
    if let Some(rescue) = &record.rescue {
        let _ = note!(
            text,
            "{name}: NOTE: the record continues in {}, whose logs are checked with it",
            rescue.display()
        );
    }
    let files = record.files.len();
    let sessions: usize = record.files.iter().map(FileCheck::sessions).sum();
    if ok {
        let _ = note!(
            text,
            "{name}: OK: the whole record checks out: {files} file{}, {sessions} writing session{}",
            plural(files),
            plural(sessions)
        );
    } else {
        let _ = note!(
            text,
            "{name}: BAD: the record does not check out (see above)"
        );
    }
    (ok, text)
}

/// Words the files that share a chain and the entries held twice; returns
/// whether there are none.
fn copies_report(record: &RecordCheck, text: &mut String) -> bool {
    for SharedChain {
        file,
        other,
        parting,
    } in &record.shared
    {
        let (a, b) = (file.display(), other.display());
        let _ = match parting {
            Parting::After {
                lines,
                identical: true,
            } => note!(
                text,
                "{a}: BAD: {b} holds the same {lines} line{}: one is a copy of the other",
                plural(*lines)
            ),
            Parting::After {
                lines,
                identical: false,
            } => note!(
                text,
                "{a}: BAD: it begins with the same {lines} line{} as {b}, and they part after line {lines}: one was copied from the other and changed, or one device's chain was forked; which is the original the files cannot tell",
                plural(*lines)
            ),
            Parting::Continuing { origin, line } => note!(
                text,
                "{a}: BAD: it and {b} both continue {} after its line {line}: one device's chain was forked",
                origin.display()
            ),
        };
    }
    for d in &record.duplicated {
        let _ = note!(
            text,
            "{}: BAD at line {}: {} entr{} here {} also in {}, the same once read: a copied log (the timeline shows each once)",
            d.file.display(),
            d.line,
            d.count,
            if d.count == 1 { "y" } else { "ies" },
            if d.count == 1 { "is" } else { "are" },
            d.also_in.display()
        );
    }
    record.shared.is_empty() && record.duplicated.is_empty()
}

fn dangling_line(file: &Path, r: &crate::model::incident::EntryRef, text: &mut String) {
    let _ = note!(
        text,
        "{}: BAD: an entry corrects the entry recorded at {} on {}, which no log here holds: a log of {} may be missing",
        file.display(),
        r.recorded_at.to_rfc3339(),
        r.device,
        r.device
    );
}

/// Words the check of one file; returns whether it checks out.
fn file_report(f: &FileCheck, text: &mut String) -> bool {
    let name = f.path.display();
    let read = match &f.read {
        Ok(read) => read,
        Err(e) => {
            let _ = note!(text, "{name}: BAD: {}", (EN.log_error)(e));
            return false;
        }
    };
    if read.chained == 0 && read.after_damage.is_none() && read.damage.is_empty() {
        let _ = match &read.torn_tail {
            Some((_, bytes)) => note!(
                text,
                "{name}: BAD: the file holds only an incomplete line ({bytes} bytes), left by a crash while it was being created"
            ),
            None => note!(text, "{name}: BAD: the file is empty"),
        };
        return false;
    }
    for d in &read.damage {
        let kept = if d.line_kept() {
            " (the line itself is intact and is kept)"
        } else {
            ""
        };
        let _ = note!(
            text,
            "{name}: BAD at line {}: {}{kept}",
            d.line,
            (EN.line_fault)(&d.fault)
        );
    }
    if let Some(verify::AfterDamage {
        count: n,
        first,
        last,
    }) = read.after_damage
    {
        let _ = note!(
            text,
            "{name}: NOTE: {n} intact line{} after the damage (lines {first}–{last}) {} read, marked as following damage",
            plural(n),
            if n == 1 { "is" } else { "are" }
        );
    }
    if let Some((at, bytes)) = &read.torn_tail {
        let after = read.after_damage.map_or(0, |a| a.count);
        let line = read.chained + after + read.damage.len() as u64 + 1;
        let _ = note!(
            text,
            "{name}: BAD at line {line}: the last line is incomplete ({bytes} bytes at byte {at}), left by a crash while writing; \
             runbook keeps its bytes in a side file and cuts it when it next writes this log"
        );
    }
    repairs_and_link(f, text);
    if let Some(m) = &f.misnamed {
        let _ = note!(
            text,
            "{name}: BAD at line {}: its opening record names the device {}, which does not write under this file's name: a log copied or renamed from another device's",
            m.line,
            m.device
        );
    }
    if let Some(x) = &f.foreign {
        let _ = note!(
            text,
            "{name}: BAD at line {}: the entry names the device {}, but its writing session was opened by {}: {} entr{} of this log name another device than their opening record (a forged log, or another device's entries put in it)",
            x.line,
            x.named,
            x.device,
            x.count,
            if x.count == 1 { "y" } else { "ies" }
        );
    }
    for line in &f.other_plan {
        let _ = note!(
            text,
            "{name}: BAD at line {line}: this session ran under another plan than the {} beside the log: the pinned plan was changed",
            crate::io::incident_dir::PLAN_FILE
        );
    }
    if f.unclosed() {
        let _ = note!(
            text,
            "{name}: UNCLOSED: the last writing session has no closing record: runbook is still writing it, or it crashed, or the end of the file was cut off"
        );
    }
    let ok = f.is_ok();
    if ok {
        let sessions = f.sessions();
        let _ = note!(
            text,
            "{name}: OK: {} lines in {sessions} session{}, head {}",
            read.chained,
            plural(sessions),
            read.head
        );
    }
    ok
}

/// Words a file's crash repairs and its link to the file it continues.
fn repairs_and_link(f: &FileCheck, text: &mut String) {
    let name = f.path.display();
    for r in &f.repairs {
        let what = format!(
            "{name}: REPAIRED at line {}: a crash left an incomplete line at byte {}; its {} bytes were cut and are kept in {}",
            r.line,
            r.at_byte,
            r.cut_bytes,
            r.kept_in.display()
        );
        let _ = note!(text, "{what}");
        let _ = match r.cut {
            Cut::Incomplete => Ok(()),
            Cut::WholeLine => note!(
                text,
                "{name}: BAD at line {}: the bytes cut are a whole line that checks out by itself: no crash leaves that; a line was cut on purpose",
                r.line
            ),
            Cut::Missing => note!(
                text,
                "{name}: BAD at line {}: the side file that keeps the bytes cut is missing",
                r.line
            ),
            Cut::OtherLength(len) => note!(
                text,
                "{name}: BAD at line {}: the side file holds {len} bytes, not the {} cut",
                r.line,
                r.cut_bytes
            ),
        };
    }
    if let Some(link) = &f.link {
        let _ = match link.state {
            LinkState::Holds => note!(
                text,
                "{name}: NOTE: it continues {} after its line {}, and that line is there",
                link.stored,
                link.last_seq
            ),
            LinkState::Missing => note!(
                text,
                "{name}: BAD: it continues {}, which is missing",
                link.target.display()
            ),
            LinkState::NoSuchLine => note!(
                text,
                "{name}: BAD: it continues {} after its line {}, but that file has no such line with the hash the link names: it was changed",
                link.target.display(),
                link.last_seq
            ),
        };
    }
}

/// Says where a head written down earlier is; returns whether it was found.
fn head_report(
    prefix: &str,
    records: &[RecordCheck],
    out: &mut dyn std::io::Write,
) -> anyhow::Result<bool> {
    let found: Vec<_> = records.iter().flat_map(|r| &r.found).collect();
    // A head only in a copy, or in one branch of a fork, is not proof that
    // the record holds it: which file is the original cannot be told.
    let in_original = found.iter().any(|h| h.shared_with.is_none());
    if found.is_empty() {
        say!(
            out,
            "head {prefix}: NOT FOUND: no line of these logs has this hash: the log was rewritten or cut after the head was written down, or the head belongs to another incident"
        )?;
        return Ok(false);
    }
    for h in found {
        let after = match h.after {
            0 => "the last line of the file".to_owned(),
            1 => "1 line follows it".to_owned(),
            n => format!("{n} lines follow it"),
        };
        match &h.shared_with {
            None => say!(
                out,
                "head {prefix}: FOUND: line {} of {}, {after}; full hash {}",
                h.line,
                h.file.display(),
                h.hash
            )?,
            Some(other) => say!(
                out,
                "head {prefix}: FOUND IN A COPY OR FORK: line {} of {}, {after}; full hash {}; that file shares its chain with {}, and which of the two is the original the files cannot tell",
                h.line,
                h.file.display(),
                h.hash,
                other.display()
            )?,
        }
    }
    Ok(in_original)
}

fn plural<N: PartialEq + From<u8> + Copy>(n: N) -> &'static str {
    if n == N::from(1) { "" } else { "s" }
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
