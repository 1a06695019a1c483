//! The numbers across incidents: are we getting faster?
//!
//! Per fault class and level, drills apart from real incidents (a drill's
//! times would flatter or spoil the real ones): how many, and the median
//! and worst time from discovery to the declaration, to the commander
//! reached, to the first message to students and parents, to the first
//! report to the regulator and to the close; and how many reporting
//! duties were met on time. Pure: records in, figures out.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use crate::model::ids::{ClassId, LevelId, RoleId};
use crate::model::incident::{ClockKind, Commander, Event, Incident};
use crate::model::lessons::Record;
use crate::model::plan::Plan;
use crate::model::plan::doc::{Audience, ExternalKind, Milestone, Target};

/// What is timed from the discovery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// The response declared.
    Declared,
    /// The commander reached on the phone.
    Commander,
    /// The first message to students and parents.
    Parents,
    /// The first report to the regulator.
    Regulator,
    /// The close.
    Closed,
}

impl Measure {
    /// Every measure, in the order of a response.
    pub const ALL: [Self; 5] = [
        Self::Declared,
        Self::Commander,
        Self::Parents,
        Self::Regulator,
        Self::Closed,
    ];
}

/// The median and the worst of a measure over the records that reached it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spread {
    /// How many records reached it.
    pub n: usize,
    /// The median (of an even count, the lower middle: a time that happened).
    pub median: Duration,
    /// The longest.
    pub worst: Duration,
}

/// One row: a fault class at a level, drills or real incidents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Drills, rather than real incidents.
    pub drill: bool,
    /// The fault class.
    pub class: ClassId,
    /// The level declared.
    pub level: LevelId,
    /// How many records.
    pub count: usize,
    /// Each measure's spread, where any record reached it.
    pub times: BTreeMap<Measure, Spread>,
    /// Reporting duties fallen due (or met), and met on time.
    pub duties: (usize, usize),
}

/// When a record reached a measure, from its discovery.
#[must_use]
pub fn time_to(plan: &Plan, incident: &Incident, m: Measure) -> Option<Duration> {
    let at = match m {
        Measure::Declared => Some(incident.declared_at()),
        Measure::Commander => commander_target(plan, incident)
            .and_then(|t| incident.milestone_at(plan, &Milestone::Reached(t))),
        Measure::Parents => {
            incident.milestone_at(plan, &Milestone::FirstMessage(Audience::StudentsParents))
        }
        Measure::Regulator => first_to_regulator(plan, incident),
        Measure::Closed => incident.closed_at(),
    }?;
    Some(at - incident.discovered_at())
}

/// Whom "the commander reached" means: the incident's commander when the
/// plan names them, else the plan's `commander` role (the one the bundled
/// plans, and their drills' targets, call so). A commander who declared
/// the incident themselves was reached when they declared it.
fn commander_target(plan: &Plan, incident: &Incident) -> Option<Target> {
    match incident.commander() {
        Commander::Person(id) => Some(Target::Person(id.clone())),
        Commander::Role(id) => Some(Target::Role(id.clone())),
        Commander::Named(_) => {
            let id = RoleId::new("commander");
            plan.role(&id).map(|_| Target::Role(id))
        }
    }
}

/// The first message to the regulator, or the first duty to a regulator
/// marked fulfilled, whichever came first.
fn first_to_regulator(plan: &Plan, incident: &Incident) -> Option<DateTime<Utc>> {
    let regulator = |t: &Option<Target>| match t {
        Some(Target::External(id)) => plan
            .doc()
            .externals
            .iter()
            .any(|e| e.id == *id && e.kind == ExternalKind::Regulator),
        _ => false,
    };
    let duty_to_regulator = |id: &crate::model::ids::ItemId| {
        plan.doc()
            .levels
            .iter()
            .flat_map(|l| &l.duties)
            .any(|d| d.id == *id && regulator(&d.to))
    };
    incident
        .timeline()
        .iter()
        .filter(|e| !incident.is_undone(e))
        .find(|e| match &e.event {
            Event::MessageSent { audience, .. } => *audience == Audience::Regulator,
            Event::DutyDone { duty, .. } => duty_to_regulator(duty),
            _ => false,
        })
        .map(crate::model::incident::Entry::at)
}

/// Reporting duties fallen due by the end of the record (or met), and
/// those met on time.
fn duties(plan: &Plan, incident: &Incident) -> (usize, usize) {
    let end = incident
        .closed_at()
        .unwrap_or_else(|| incident.last_activity());
    let status = incident.status(plan, end);
    let mut due = 0;
    let mut met = 0;
    for c in &status.clocks {
        let ClockKind::Duty(id) = &c.kind else {
            continue;
        };
        let done = incident.duty_done_at(id);
        if done.is_none() && end <= c.due {
            continue;
        }
        due += 1;
        if done.is_some_and(|at| at <= c.due) {
            met += 1;
        }
    }
    (due, met)
}

fn spread(mut times: Vec<Duration>) -> Option<Spread> {
    times.sort_unstable();
    let worst = *times.last()?;
    let median = *times.get((times.len() - 1) / 2)?;
    Some(Spread {
        n: times.len(),
        median,
        worst,
    })
}

/// The rows: real incidents first, then drills; each by class and level
/// in the order the plan lists them.
#[must_use]
pub fn stats(records: &[Record<'_>]) -> Vec<Row> {
    type Key = (bool, ClassId, LevelId);
    let mut groups: BTreeMap<Key, Vec<&Record<'_>>> = BTreeMap::new();
    for r in records {
        let i = r.incident;
        let level = i.levels_held().first().unwrap_or(i.level()).clone();
        groups
            .entry((i.is_drill(), i.class().clone(), level))
            .or_default()
            .push(r);
    }
    groups
        .into_iter()
        .map(|((drill, class, level), rs)| {
            let times = Measure::ALL
                .iter()
                .filter_map(|&m| {
                    let ts = rs
                        .iter()
                        .filter_map(|r| time_to(r.plan, r.incident, m))
                        .collect();
                    spread(ts).map(|s| (m, s))
                })
                .collect();
            let duties = rs.iter().fold((0, 0), |(d, m), r| {
                let (dd, mm) = duties(r.plan, r.incident);
                (d + dd, m + mm)
            });
            Row {
                drill,
                class,
                level,
                count: rs.len(),
                times,
                duties,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_a_time_that_happened() {
        let m = |n| Duration::minutes(n);
        let s = spread(vec![m(9), m(3), m(5), m(20)]).unwrap();
        assert_eq!((s.n, s.median, s.worst), (4, m(5), m(20)));
        assert!(spread(Vec::new()).is_none());
    }
}
