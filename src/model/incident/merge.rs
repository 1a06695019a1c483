//! Several writers, one timeline: the causal merge.
//!
//! Each device (and each second process on a device) appends to its own log,
//! and the folder that holds them travels by whatever already syncs files.
//! Laptop clocks drift by minutes, so the time an entry was recorded cannot
//! order entries of different writers. Each entry therefore carries
//! [`Causes`]: how many entries of every other writer its writer had seen.
//! That makes "written after reading" an order:
//!
//! - within one writer, the order it wrote;
//! - an entry comes after the entries of other writers its causes count;
//! - among the entries whose predecessors are all placed, the declaration
//!   first, then the earliest recorded time, then the writer's name, then
//!   its position: a rule that needs no clock to agree, so every device that
//!   holds the same files computes the same timeline.
//!
//! Times are shown as recorded, never changed. Where causality contradicts a
//! clock by more than a minute, the merge reports the apparent skew
//! ([`Skew`]); where two writers changed the same step or the level without
//! either having seen the other's change, it reports a [`Conflict`] (the
//! state takes the later one in the merge, and both are kept).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::TimeDelta;

use super::event::{Causes, Entry, EntryRef, Event};
use crate::model::ids::StepId;

/// One writer's entries, in the order it wrote them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stream {
    /// The writer's name, as in its log's file name.
    pub writer: String,
    /// Its entries, in order.
    pub entries: Vec<Entry>,
}

/// What the merge found besides the order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Every entry, once, in causal order.
    pub entries: Vec<Entry>,
    /// Changes of one thing made on two devices without either seeing the other.
    pub conflicts: Vec<Conflict>,
    /// Clocks that causality shows to disagree by more than a minute.
    pub skews: Vec<Skew>,
}

/// What two concurrent entries both changed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// A step's status, value or answer.
    Step(StepId),
    /// The response level.
    Level,
}

/// Two entries of different devices that changed the same thing, neither
/// written after seeing the other. The state takes `later`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What both changed.
    pub subject: Subject,
    /// The one the merge puts first.
    pub earlier: EntryRef,
    /// The one the merge puts last: the one the state shows.
    pub later: EntryRef,
}

/// A device whose clock is behind another's by at least `by`: one of its
/// entries was written after reading an entry of `ahead_of` that claims a
/// later time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skew {
    /// The device whose clock reads earlier.
    pub device: String,
    /// The device whose clock reads later.
    pub ahead_of: String,
    /// How much earlier, at least.
    pub by: TimeDelta,
}

/// How far clocks may disagree before it is worth saying.
const TOLERANCE: TimeDelta = TimeDelta::minutes(1);

/// What a new entry of `own` has seen: every other writer's entries read,
/// and everything those had seen.
#[must_use]
pub fn frontier(streams: &[Stream], own: &str) -> Causes {
    seen(streams).without(own)
}

/// What a reader of these streams has seen of every writer, its own
/// included: each writer's entries, and everything those had seen. A new
/// entry's causes are this without its own writer ([`frontier`]); kept
/// apart so that the streams can be merged (and given up) first.
#[must_use]
pub fn seen(streams: &[Stream]) -> Causes {
    let mut seen = Causes::default();
    for s in streams {
        seen.raise(&s.writer, s.entries.len() as u64);
        for e in &s.entries {
            seen.join(&e.after);
        }
    }
    seen
}

/// Merges the writers' entries into one timeline in causal order; see the
/// module's documentation for the rule. The entries are moved, not copied:
/// a long incident is held once.
#[must_use]
pub fn merge(streams: Vec<Stream>) -> Merged {
    // The same order whatever order the files were read in.
    let mut streams: Vec<Stream> = streams
        .into_iter()
        .filter(|s| !s.entries.is_empty())
        .collect();
    streams.sort_by(|a, b| a.writer.cmp(&b.writer));
    // One writer (the usual case): its own order is the merge, with
    // nothing to conflict or disagree with, so no order of 16 bytes an
    // entry is built beside a long log's entries.
    if streams.len() <= 1 {
        return Merged {
            entries: streams.pop().map(|s| s.entries).unwrap_or_default(),
            conflicts: Vec::new(),
            skews: Vec::new(),
        };
    }
    let (order, conflicts, skews) = {
        let refs: Vec<&Stream> = streams.iter().collect();
        let index: BTreeMap<&str, usize> = refs
            .iter()
            .enumerate()
            .map(|(i, s)| (s.writer.as_str(), i))
            .collect();
        let order = causal_order(&refs, &index);
        let conflicts = conflicts(&refs, &index, &order);
        let skews = skews(&refs, &index);
        (order, conflicts, skews)
    };
    // `order` keeps each writer's own order, so each stream gives its
    // entries up front to back; one writer's are already in order.
    let entries = {
        let mut rest: Vec<_> = streams.into_iter().map(|s| s.entries.into_iter()).collect();
        order
            .iter()
            .filter_map(|&(s, _)| rest.get_mut(s)?.next())
            .collect()
    };
    Merged {
        entries,
        conflicts,
        skews,
    }
}

/// The entries that must come before entry `i` of stream `s`, besides its
/// own predecessor: for each other writer it counts, that writer's last
/// counted entry (or its last entry here, when its log has not arrived whole).
fn causes_of<'a>(
    streams: &'a [&Stream],
    index: &'a BTreeMap<&str, usize>,
    s: usize,
    e: &'a Entry,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    e.after.iter().filter_map(move |(w, &n)| {
        let &t = index.get(w.as_str())?;
        let have = streams[t].entries.len();
        (t != s && n > 0).then(|| (t, usize::try_from(n).unwrap_or(have).min(have) - 1))
    })
}

/// Kahn's topological sort with a deterministic choice among the ready.
fn causal_order(streams: &[&Stream], index: &BTreeMap<&str, usize>) -> Vec<(usize, usize)> {
    let key = |s: usize, i: usize| {
        let e = &streams[s].entries[i];
        Reverse((!matches!(e.event, Event::Declared(..)), e.recorded_at, s, i))
    };
    // waiting[(s, i)]: how many cross-writer causes are not yet placed;
    // followers[(t, j)]: the entries waiting for (t, j).
    let mut waiting: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut followers: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (s, stream) in streams.iter().enumerate() {
        for (i, e) in stream.entries.iter().enumerate() {
            for cause in causes_of(streams, index, s, e) {
                *waiting.entry((s, i)).or_insert(0) += 1;
                followers.entry(cause).or_default().push((s, i));
            }
        }
    }
    let total: usize = streams.iter().map(|s| s.entries.len()).sum();
    let mut next = vec![0usize; streams.len()];
    let mut ready = BinaryHeap::new();
    let is_ready = |s: usize, i: usize, waiting: &BTreeMap<(usize, usize), usize>| {
        waiting.get(&(s, i)).is_none_or(|&n| n == 0)
    };
    for s in 0..streams.len() {
        if is_ready(s, 0, &waiting) {
            ready.push(key(s, 0));
        }
    }
    let mut out = Vec::with_capacity(total);
    while out.len() < total {
        let (s, i) = match ready.pop() {
            Some(Reverse((_, _, s, i))) => (s, i),
            // Causes that contradict each other (a log edited by hand): place
            // the earliest next entry of any writer and carry on.
            None => {
                let Some(Reverse((_, _, s, i))) = (0..streams.len())
                    .filter(|&s| next[s] < streams[s].entries.len())
                    .map(|s| key(s, next[s]))
                    .max()
                else {
                    break;
                };
                waiting.insert((s, i), 0);
                (s, i)
            }
        };
        if next[s] != i {
            continue; // placed already, through the fallback
        }
        out.push((s, i));
        next[s] = i + 1;
        if next[s] < streams[s].entries.len() && is_ready(s, next[s], &waiting) {
            ready.push(key(s, next[s]));
        }
        for &(t, j) in followers.get(&(s, i)).map_or(&[][..], Vec::as_slice) {
            if let Some(n) = waiting.get_mut(&(t, j)) {
                *n = n.saturating_sub(1);
                if *n == 0 && next[t] == j {
                    ready.push(key(t, j));
                }
            }
        }
    }
    out
}

/// For each entry that changes a [`Subject`], how many entries of each
/// writer precede it causally (its causes, and those of its writer's earlier
/// entries). Only those are kept: the rest never take part in a conflict.
fn known_before(
    streams: &[&Stream],
    index: &BTreeMap<&str, usize>,
) -> BTreeMap<(usize, usize), Vec<usize>> {
    let mut out = BTreeMap::new();
    for (s, stream) in streams.iter().enumerate() {
        let mut known = vec![0usize; streams.len()];
        for (i, e) in stream.entries.iter().enumerate() {
            known[s] = i;
            for (t, j) in causes_of(streams, index, s, e) {
                known[t] = known[t].max(j + 1);
            }
            if subject(e).is_some() {
                out.insert((s, i), known.clone());
            }
        }
    }
    out
}

/// What an entry changes that another device may have changed too.
fn subject(e: &Entry) -> Option<Subject> {
    match &e.event {
        Event::StepStatus { step, .. }
        | Event::ValueRecorded { step, .. }
        | Event::DecisionAnswered { step, .. } => Some(Subject::Step(step.clone())),
        Event::LevelChanged { .. } => Some(Subject::Level),
        _ => None,
    }
}

/// Pairs of changes of one subject made without either writer having seen
/// the other's. Linear in the changes (plus what it finds): the one placed
/// later in the merge cannot have been seen by the earlier one (it would
/// have been placed first), so a pair is concurrent exactly when the later
/// had not seen the earlier, and the earlier changes a later one had not
/// seen are, per writer, the ones after what it knew of that writer.
fn conflicts(
    streams: &[&Stream],
    index: &BTreeMap<&str, usize>,
    order: &[(usize, usize)],
) -> Vec<Conflict> {
    if streams.len() < 2 {
        return Vec::new();
    }
    let known = known_before(streams, index);
    // Each writer's changes of each subject placed so far, in merge order
    // (which is each writer's own order), with their places in the merge.
    let mut placed: BTreeMap<Subject, Vec<Vec<(usize, usize)>>> = BTreeMap::new();
    let device = |s: usize, i: usize| &streams[s].entries[i].device;
    let knew = |(s, i): (usize, usize), t: usize| known.get(&(s, i)).map_or(0, |k| k[t]);
    let mut found = Vec::new();
    for (at, &(t, j)) in order.iter().enumerate() {
        let Some(subject) = subject(&streams[t].entries[j]) else {
            continue;
        };
        let by_writer = placed
            .entry(subject.clone())
            .or_insert_with(|| vec![Vec::new(); streams.len()]);
        for (s, earlier) in by_writer.iter().enumerate() {
            if s == t {
                continue;
            }
            let unseen = earlier.partition_point(|&(i, _)| i < knew((t, j), s));
            for &(i, earlier_at) in &earlier[unseen..] {
                // Only a log edited by hand can have the earlier one see the later.
                let earlier_saw = knew((s, i), t) > j;
                if device(s, i) != device(t, j) && !earlier_saw {
                    found.push((subject.clone(), earlier_at, at, (s, i), (t, j)));
                }
            }
        }
        by_writer[t].push((j, at));
    }
    // By subject, then in merge order: the order a reader follows.
    found.sort();
    found
        .into_iter()
        .map(|(subject, _, _, (s, i), (t, j))| Conflict {
            subject,
            earlier: EntryRef::to(&streams[s].entries[i]),
            later: EntryRef::to(&streams[t].entries[j]),
        })
        .collect()
}

fn skews(streams: &[&Stream], index: &BTreeMap<&str, usize>) -> Vec<Skew> {
    let mut worst: BTreeMap<(String, String), TimeDelta> = BTreeMap::new();
    for (s, stream) in streams.iter().enumerate() {
        for e in &stream.entries {
            for (t, j) in causes_of(streams, index, s, e) {
                let cause = &streams[t].entries[j];
                let behind = cause.recorded_at - e.recorded_at;
                if behind > TOLERANCE && cause.device != e.device {
                    let w = worst
                        .entry((e.device.to_string(), cause.device.to_string()))
                        .or_insert(behind);
                    *w = (*w).max(behind);
                }
            }
        }
    }
    worst
        .into_iter()
        .map(|((device, ahead_of), by)| Skew {
            device,
            ahead_of,
            by,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::{ClassId, LevelId};
    use chrono::{DateTime, Utc};

    fn t(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default() + TimeDelta::minutes(minute)
    }

    fn entry(device: &str, minute: i64, event: Event, after: &[(&str, u64)]) -> Entry {
        Entry {
            recorded_at: t(minute),
            happened_at: None,
            by: "x".into(),
            device: device.into(),
            after: Causes::from(
                after
                    .iter()
                    .map(|(w, n)| ((*w).to_owned(), *n))
                    .collect::<std::collections::BTreeMap<_, _>>(),
            ),
            event,
        }
    }

    fn declared() -> Event {
        Event::Declared(Box::new(crate::model::incident::Declared {
            title: "t".into(),
            class: ClassId::new("network"),
            level: LevelId::new("II"),
            answers: Vec::new(),
            suggested_level: None,
            level_reason: None,
            discovered_at: None,
            commander: None,
            drill: true,
            plan_version: "1".into(),
            plan_sha256: String::new(),
        }))
    }

    fn note(text: &str) -> Event {
        Event::Note {
            text: text.into(),
            step: None,
            corrects: None,
        }
    }

    fn level(to: &str) -> Event {
        Event::LevelChanged {
            from: LevelId::new("II"),
            to: LevelId::new(to),
            reason: Box::new("r".into()),
        }
    }

    fn stream(writer: &str, entries: Vec<Entry>) -> Stream {
        Stream {
            writer: writer.into(),
            entries,
        }
    }

    fn texts(m: &Merged) -> Vec<String> {
        m.entries
            .iter()
            .map(|e| match &e.event {
                Event::Note { text, .. } => text.clone(),
                Event::Declared(..) => "declared".into(),
                Event::LevelChanged { to, .. } => format!("level {to}"),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_slow_clock_cannot_put_an_entry_before_what_it_read() {
        // A declares at 10:00; B, 4 minutes slow, reads it and notes at "09:57".
        let a = stream("a", vec![entry("a", 0, declared(), &[])]);
        let b = stream("b", vec![entry("b", -3, note("from b"), &[("a", 1)])]);
        let m = merge(vec![b.clone(), a.clone()]);
        assert_eq!(texts(&m), ["declared", "from b"]);
        assert_eq!(m, merge(vec![a, b]), "the same whatever the reading order");
        assert_eq!(
            m.skews,
            [Skew {
                device: "b".into(),
                ahead_of: "a".into(),
                by: TimeDelta::minutes(3)
            }]
        );
    }

    #[test]
    fn a_decision_made_after_reading_another_comes_after_it() {
        // B (10 min fast) raises to I at real 10:01; A reads it and lowers
        // to III at 10:05.
        let a = stream(
            "a",
            vec![
                entry("a", 0, declared(), &[]),
                entry("a", 5, level("III"), &[("b", 1)]),
            ],
        );
        let b = stream("b", vec![entry("b", 11, level("I"), &[("a", 1)])]);
        let m = merge(vec![a, b]);
        assert_eq!(texts(&m), ["declared", "level I", "level III"]);
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn concurrent_changes_of_one_thing_are_a_conflict_ordered_by_time() {
        let a = stream(
            "a",
            vec![
                entry("a", 0, declared(), &[]),
                entry("a", 5, level("III"), &[]),
            ],
        );
        let b = stream("b", vec![entry("b", 3, level("I"), &[("a", 1)])]);
        let m = merge(vec![a, b]);
        assert_eq!(texts(&m), ["declared", "level I", "level III"]);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].subject, Subject::Level);
        assert_eq!(m.conflicts[0].later.device, "a");
    }

    #[test]
    fn the_declaration_comes_first_even_in_logs_without_causes() {
        let a = stream("a", vec![entry("a", 0, declared(), &[])]);
        let b = stream("b", vec![entry("b", -30, note("old log"), &[])]);
        assert_eq!(texts(&merge(vec![a, b])), ["declared", "old log"]);
    }

    #[test]
    fn causes_beyond_what_has_arrived_wait_for_what_is_there() {
        // B saw 3 of A's entries; only 2 have arrived.
        let a = stream(
            "a",
            vec![
                entry("a", 0, declared(), &[]),
                entry("a", 1, note("a1"), &[]),
            ],
        );
        let b = stream("b", vec![entry("b", -10, note("b1"), &[("a", 3)])]);
        assert_eq!(texts(&merge(vec![a, b])), ["declared", "a1", "b1"]);
    }

    #[test]
    fn contradictory_causes_still_place_every_entry_once() {
        let a = stream(
            "a",
            vec![
                entry("a", 0, declared(), &[]),
                entry("a", 1, note("a1"), &[("b", 1)]),
            ],
        );
        let b = stream("b", vec![entry("b", 2, note("b1"), &[("a", 2)])]);
        let m = merge(vec![a, b]);
        assert_eq!(m.entries.len(), 3);
        assert_eq!(texts(&m)[0], "declared");
    }

    #[test]
    fn the_frontier_counts_what_was_read_and_what_that_had_read() {
        let a = stream("a", vec![entry("a", 0, declared(), &[])]);
        let b = stream("b", vec![entry("b", 1, note("b"), &[("a", 1), ("c", 4)])]);
        let own = stream("c", vec![entry("c", 1, note("c"), &[])]);
        let f = frontier(&[a, b, own], "c");
        assert_eq!(f.of("a"), 1);
        assert_eq!(f.of("b"), 1);
        assert_eq!(f.of("c"), 0, "its own writer is not counted");
    }

    /// Every pair of concurrent changes, found the slow way: all pairs of
    /// changes of one subject, each writer's knowledge worked out again.
    fn all_conflicting_pairs(streams: &[Stream]) -> Vec<(String, String)> {
        let m = merge(streams.to_vec());
        let position = |e: &Entry| m.entries.iter().position(|x| x == e);
        // knows[w][i][v]: how many entries of v entry i of w comes after.
        let knows = |w: &Stream, i: usize, v: &Stream| -> u64 {
            if w.writer == v.writer {
                return i as u64;
            }
            w.entries[..=i]
                .iter()
                .map(|e| e.after.of(&v.writer))
                .max()
                .unwrap_or(0)
        };
        let mut out = Vec::new();
        for a in streams {
            for b in streams {
                if a.writer == b.writer {
                    continue;
                }
                for (i, x) in a.entries.iter().enumerate() {
                    for (j, y) in b.entries.iter().enumerate() {
                        let same = subject(x).is_some() && subject(x) == subject(y);
                        let concurrent = knows(b, j, a) <= i as u64 && knows(a, i, b) <= j as u64;
                        if same && concurrent && x.device != y.device && position(x) < position(y) {
                            out.push((texts_of(x), texts_of(y)));
                        }
                    }
                }
            }
        }
        out.sort();
        out
    }

    fn texts_of(e: &Entry) -> String {
        format!("{}@{}", e.device, e.recorded_at.timestamp())
    }

    #[test]
    fn conflicts_are_every_concurrent_pair_and_no_other() {
        // Three writers changing the level, each now and then reading the
        // others: a small deterministic mix of seen and unseen changes.
        let names = ["a", "b", "c"];
        let mut streams: Vec<Stream> = names.iter().map(|w| stream(w, Vec::new())).collect();
        streams[0].entries.push(entry("a", 0, declared(), &[]));
        let mut seed = 7u64;
        for minute in 1..60 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let w = usize::try_from(seed >> 62).unwrap_or(0) % 3;
            let reads = (seed >> 40).is_multiple_of(2);
            let after: Vec<(&str, u64)> = if reads {
                names
                    .iter()
                    .enumerate()
                    .filter(|&(v, _)| v != w)
                    .map(|(v, n)| (*n, streams[v].entries.len() as u64))
                    .collect()
            } else {
                vec![("a", 1)]
            };
            let e = entry(names[w], minute, level("I"), &after);
            streams[w].entries.push(e);
        }
        let found: Vec<(String, String)> = {
            let mut f: Vec<(String, String)> = merge(streams.clone())
                .conflicts
                .iter()
                .map(|c| {
                    (
                        format!("{}@{}", c.earlier.device, c.earlier.recorded_at.timestamp()),
                        format!("{}@{}", c.later.device, c.later.recorded_at.timestamp()),
                    )
                })
                .collect();
            f.sort();
            f
        };
        let expected = all_conflicting_pairs(&streams);
        assert!(
            expected.len() > 10,
            "the mix has conflicts: {}",
            expected.len()
        );
        assert_eq!(found, expected);
    }
}
