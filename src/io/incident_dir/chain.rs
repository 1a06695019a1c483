//! One device, one chain: what tells a copied, forked, forged or mixed-in
//! log from the logs an incident's devices wrote.
//!
//! Each device writes its own file, and each file is one hash chain from its
//! opening record. A chain check shows edits inside a file, but not a whole
//! file copied beside the original (`cp log-a.jsonl log-b.jsonl` verifies
//! twice), a device's chain continued twice from one line, a log whose
//! entries say they are another device's, or a sync engine's conflict copy.
//! This is what finds those, for both the forgiving reading of a folder
//! (`super::read`, which then shows each entry once and marks what it
//! cannot vouch for) and the strict check (`super::verify`):
//!
//! - two files whose first lines have the same hash share their start: no
//!   two writing sessions ever write the same opening record, so one is a
//!   copy of the other (or was rewritten from where they part);
//! - two files that continue the same line of the same file, each with
//!   entries of its own, are one chain forked;
//! - an entry whose device is not the one its session's opening record
//!   names, and an opening record whose device would write under another
//!   file name, are another device's (or a forger's);
//! - entries equal once read, in the files of two writers, are one entry
//!   copied.
//!
//! Which of two files sharing a chain is the original cannot be told from
//! the files: only a head hash kept outside them can.

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use super::paths::writer_names;
use crate::io::log;
use crate::model::incident::Entry;
use crate::model::notice::Parting;

/// What a log file's chain starts from, as read.
#[derive(Clone, Debug, Default)]
pub(super) struct Start {
    /// The hash of its first line, when that line checks out.
    pub first: Option<String>,
    /// The line of another file it continues, if it is a continuation.
    pub continues: Option<Continues>,
    /// How many entries it holds.
    pub entries: u64,
}

/// The line a continuation file continues.
#[derive(Clone, Debug)]
pub(super) struct Continues {
    /// The file continued, as the link resolves.
    pub origin: PathBuf,
    /// Its line.
    pub line: u64,
    /// That line's hash.
    pub hash: String,
}

/// The pairs of files (by their place in `files`) that share a chain, and
/// where each pair parts. A file whose first line is another's is a copy
/// (or a rewrite) of it; two continuations of one line are a fork. Only
/// files that both hold entries are paired: a file without one doubles and
/// forks nothing, and a failed write can leave a continuation holding only
/// its opening record, the next one continuing from the same line (under
/// a clock given with `--now`, with the same opening record).
pub(super) fn shared(files: &[(&Path, &Start)]) -> Vec<(usize, usize, Parting)> {
    let mut out = Vec::new();
    for (i, (a, sa)) in files.iter().enumerate() {
        for (j, (b, sb)) in files.iter().enumerate().skip(i + 1) {
            if sa.entries == 0 || sb.entries == 0 {
                continue;
            }
            if sa.first.is_some() && sa.first == sb.first {
                out.push((i, j, shared_lines(a, b)));
            } else if let (Some(ca), Some(cb)) = (&sa.continues, &sb.continues)
                && ca.line == cb.line
                && ca.hash == cb.hash
                && same_file(&ca.origin, &cb.origin)
            {
                out.push((
                    i,
                    j,
                    Parting::Continuing {
                        origin: ca.origin.clone(),
                        line: ca.line,
                    },
                ));
            }
        }
    }
    out
}

/// How many lines two files that begin alike share, read again: this is
/// asked only of files found to share their first line, so reading is not
/// slowed for every log to know it.
fn shared_lines(a: &Path, b: &Path) -> Parting {
    let hashes = |p: &Path| {
        let mut out: Vec<String> = Vec::new();
        let _ = log::read_each(p, |_, line, chained| {
            if chained {
                out.push(line.hash);
            }
        });
        out
    };
    let (ha, hb) = (hashes(a), hashes(b));
    let lines = ha.iter().zip(&hb).take_while(|(x, y)| x == y).count();
    Parting::After {
        lines: lines as u64,
        identical: lines == ha.len() && lines == hb.len(),
    }
}

/// Whether a log whose file name gives `writer` may hold the opening record
/// of `device`: the names a device writes under are its own and a second
/// process's (`writer_names`). A file not named as a log (`writer` empty,
/// a file given to `verify` by another name) cannot be told: yes.
pub(super) fn writes_as(writer: &str, device: &str) -> bool {
    writer.is_empty() || writer_names(device).iter().any(|w| w == writer)
}

/// A digest of an entry as read, the same for equal entries: how the check
/// of a long record finds an entry held twice without holding the entries.
/// 64 bits: two different entries of one record share one with odds of
/// one in billions of billions. `buf` is scratch space, kept by the caller
/// so that a long log is not one allocation an entry.
pub(super) fn digest(entry: &Entry, buf: &mut Vec<u8>) -> u64 {
    buf.clear();
    // Serialising plain data to memory cannot fail; if it did, the digest
    // would only be weaker.
    let _ = serde_json::to_writer(&mut *buf, entry);
    // `DefaultHasher::new` has fixed keys: the same digest in every run.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(buf);
    h.finish()
}

/// Files a sync engine left beside the logs when two devices changed one
/// file at once (Syncthing's `.sync-conflict-`): with one log per device
/// that should not happen, and it deserves a look.
pub(super) fn conflict_copies(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".sync-conflict-"))
        })
        .collect();
    out.sort();
    out
}

/// Whether two paths are one file (by another path, too).
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Logs written for the tests of reading and checking a folder.
#[cfg(test)]
pub(super) mod fixtures {
    use std::path::Path;

    use crate::io::log::{Session, Writer};
    use crate::model::ids::{ClassId, LevelId};
    use crate::model::incident::{Causes, Entry, Event};

    /// An instant, `minute` minutes into the test's day.
    pub fn at(minute: i64) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap_or_default()
    }

    /// A note by `device` at `minute`.
    pub fn note(device: &str, minute: i64, text: &str) -> Entry {
        Entry {
            recorded_at: at(minute),
            happened_at: None,
            by: "ann".into(),
            device: device.into(),
            after: Causes::default(),
            event: Event::Note {
                text: text.into(),
                step: None,
                corrects: None,
            },
        }
    }

    /// A declaration by `device` at `minute`.
    pub fn declared(device: &str, minute: i64, title: &str, level: &str) -> Entry {
        Entry {
            event: Event::Declared(Box::new(crate::model::incident::Declared {
                title: title.into(),
                class: ClassId::new("network"),
                level: LevelId::new(level),
                answers: Vec::new(),
                suggested_level: None,
                level_reason: None,
                discovered_at: None,
                commander: None,
                drill: true,
                plan_version: "1".into(),
                plan_sha256: String::new(),
            })),
            ..note(device, minute, "")
        }
    }

    /// A writing session of `device`, begun at `minute`.
    pub fn session(device: &str, minute: i64) -> Session {
        Session {
            device: device.into(),
            machine: None,
            plan_sha256: "0".repeat(64),
            at: at(minute),
        }
    }

    /// A log opened by `device` holding `entries`, closed.
    pub fn log(path: &Path, device: &str, entries: &[Entry]) {
        let mut w = Writer::create(path, &session(device, 0), None).unwrap();
        for e in entries {
            w.append(e).unwrap();
        }
        w.close(at(99)).unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{at, note, session};
    use super::*;
    use crate::io::log::{Record, Writer};

    fn write(path: &Path, device: &str, notes: &[&str]) {
        let mut w = Writer::create(path, &session(device, 0), None).unwrap();
        for (i, n) in notes.iter().enumerate() {
            w.append(&note(device, i as i64, n)).unwrap();
        }
        w.close(at(9)).unwrap();
    }

    fn start(path: &Path) -> Start {
        let mut s = Start::default();
        log::read_each(path, |n, line, chained| {
            if n == 1 && chained {
                s.first = Some(line.hash.clone());
            }
            match line.record {
                Record::Opened {
                    continues: Some(c), ..
                } if n == 1 => {
                    s.continues = Some(Continues {
                        origin: path.with_file_name(&c.file),
                        line: c.last_seq,
                        hash: c.last_hash,
                    });
                }
                Record::Event { .. } => s.entries += 1,
                _ => {}
            }
        })
        .unwrap();
        s
    }

    #[test]
    fn a_copy_shares_every_line_and_a_rewrite_parts_where_it_was_edited() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("log-a.jsonl"),
            dir.path().join("log-b.jsonl"),
            dir.path().join("log-c.jsonl"),
        );
        write(&a, "a", &["one", "two", "three"]);
        std::fs::copy(&a, &b).unwrap();
        // A rewrite from its fourth line on (the third note), re-hashed: it
        // chains, and it shares three lines with the original.
        let scan = log::read(&a).unwrap();
        let mut bytes = Vec::new();
        let mut prev = log::GENESIS.to_owned();
        for (i, line) in scan.kept().enumerate() {
            let record = match (&line.record, i) {
                (Record::Event { .. }, 3) => Record::Event {
                    entry: note("a", 2, "three, rewritten"),
                },
                (r, _) => r.clone(),
            };
            let (l, hash) = log::format_line(line.seq, &prev, &record);
            bytes.extend(l);
            prev = hash;
        }
        std::fs::write(&c, bytes).unwrap();
        write(&dir.path().join("log-d.jsonl"), "d", &["own"]);
        let paths = [
            a.clone(),
            b.clone(),
            c.clone(),
            dir.path().join("log-d.jsonl"),
        ];
        let starts: Vec<Start> = paths.iter().map(|p| start(p)).collect();
        let files: Vec<(&Path, &Start)> = paths.iter().map(PathBuf::as_path).zip(&starts).collect();
        let found = shared(&files);
        assert_eq!(
            found,
            vec![
                (
                    0,
                    1,
                    Parting::After {
                        lines: 5,
                        identical: true
                    }
                ),
                (
                    0,
                    2,
                    Parting::After {
                        lines: 3,
                        identical: false
                    }
                ),
                (
                    1,
                    2,
                    Parting::After {
                        lines: 3,
                        identical: false
                    }
                ),
            ],
            "the file of another session shares nothing"
        );
    }

    #[test]
    fn two_continuations_of_one_line_fork_only_when_both_hold_entries() {
        let dir = tempfile::tempdir().unwrap();
        let origin = dir.path().join("log-a.jsonl");
        write(&origin, "a", &["one"]);
        let scan = log::read(&origin).unwrap();
        let last = scan.last().unwrap();
        let cont = |name: &str, minute: i64, notes: &[&str]| {
            let path = dir.path().join(name);
            let link = log::Continuation {
                file: "log-a.jsonl".into(),
                last_seq: last.seq,
                last_hash: last.hash.clone(),
                reason: "test".into(),
            };
            let mut w = Writer::create(&path, &session("a", minute), Some(link)).unwrap();
            for n in notes {
                w.append(&note("a", 5, n)).unwrap();
            }
            w.close(at(9)).unwrap();
            path
        };
        let empty = cont("log-a.2.jsonl", 1, &[]);
        // Opened at the same instant as the empty one: the same first line.
        let one = cont("log-a.3.jsonl", 1, &["two"]);
        let other = cont("log-a.4.jsonl", 2, &["two, elsewhere"]);
        let paths = [empty, one, other];
        let starts: Vec<Start> = paths.iter().map(|p| start(p)).collect();
        let files: Vec<(&Path, &Start)> = paths.iter().map(PathBuf::as_path).zip(&starts).collect();
        assert_eq!(
            shared(&files),
            vec![(
                1,
                2,
                Parting::Continuing {
                    origin: origin.clone(),
                    line: last.seq
                }
            )]
        );
    }

    #[test]
    fn a_log_name_belongs_to_its_device_and_a_second_process_of_it() {
        assert!(writes_as("lap1", "lap1"));
        assert!(writes_as("lap1+2", "lap1"));
        assert!(writes_as("Ann-s-laptop", "Ann's laptop"));
        assert!(!writes_as("zz", "lap1"));
        assert!(!writes_as("lap1", "evil"));
        assert!(!writes_as("lap1+12", "lap1"));
        // A file not named as a log cannot be told.
        assert!(writes_as("", "lap1"));
    }

    #[test]
    fn equal_entries_have_one_digest_and_different_ones_another() {
        let buf = &mut Vec::new();
        let a = note("lap1", 1, "one");
        let d = digest(&a, buf);
        assert_eq!(d, digest(&a.clone(), buf));
        assert_ne!(d, digest(&note("lap1", 1, "one "), buf));
        assert_ne!(d, digest(&note("lap2", 1, "one"), buf));
        assert_ne!(d, digest(&note("lap1", 2, "one"), buf));
    }
}
