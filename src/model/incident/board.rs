//! The wall board's picture: what a command room's shared screen shows of
//! an incident, as data.
//!
//! The board is read from across the room, so it holds few things, the
//! most pressing first: the level, the title and class, whether it is a
//! drill, who commands and since when; the clocks (the next status update
//! and each reporting duty, the regulator's among them); what is overdue;
//! the next steps with their owners; the calls nobody has answered; and the
//! latest entries of the timeline, from every device. It is derived from
//! the same [`Incident::status`] and [`Incident::calls`] the walk shows, so
//! the board and the laptop can never disagree; the window lays it out and
//! words it.

use chrono::{DateTime, Utc};

use crate::model::ids::LevelId;
use crate::model::plan::Plan;
use crate::model::plan::doc::{FaultClass, Level, Step};

use super::checklist::{Applies, Clock, ClockKind, Urgency};
use super::{CallLine, Commander, Entry, Event, Incident};

/// How many of the next steps the board names.
pub const NEXT_STEPS: usize = 3;
/// How many of the latest timeline entries the board carries (the window
/// shows as many as fit).
pub const LATEST_ENTRIES: usize = 8;

/// The wall board's picture of an incident at one instant.
#[derive(Clone, Debug)]
pub struct Board<'a> {
    /// The incident's title.
    pub title: &'a str,
    /// Its level's id (`II`).
    pub level_id: &'a LevelId,
    /// Its level in the plan, for the name and the colour; `None` only when
    /// the pinned plan lacks the level the log names.
    pub level: Option<&'a Level>,
    /// Its fault class in the plan.
    pub class: Option<&'a FaultClass>,
    /// Whether it is a drill.
    pub drill: bool,
    /// Whether the response is still open.
    pub open: bool,
    /// Who commands.
    pub commander: &'a Commander,
    /// Since when they command: the declaration, or the handover to them.
    pub commanding_since: DateTime<Utc>,
    /// When the incident was discovered.
    pub discovered_at: DateTime<Utc>,
    /// The clocks on the wall: the next status update and each reporting
    /// duty that applies (met ones included, last), still owed first and
    /// earliest first.
    pub clocks: Vec<Clock>,
    /// What is past its time limit: reporting duties first, then steps,
    /// then the rest; the longest overdue first within each.
    pub overdue: Vec<Overdue<'a>>,
    /// The next steps to do, in the walk's order, at most [`NEXT_STEPS`].
    pub next_steps: Vec<&'a Step>,
    /// The calls of the level's tree nobody has answered, in tree order.
    pub calls_owed: Vec<CallLine>,
    /// The latest entries of the timeline, from every device, newest first,
    /// at most [`LATEST_ENTRIES`]; entries taken back are left out.
    pub latest: Vec<&'a Entry>,
}

/// Something past its time limit.
#[derive(Clone, Debug)]
pub enum Overdue<'a> {
    /// A clock: a reporting duty, someone to inform, the status update.
    Clock(Clock),
    /// A step with a deadline, not settled; with the deadline.
    Step(&'a Step, DateTime<Utc>),
}

impl Overdue<'_> {
    /// When it fell due.
    #[must_use]
    pub fn due(&self) -> DateTime<Utc> {
        match self {
            Self::Clock(c) => c.due,
            Self::Step(_, due) => *due,
        }
    }

    /// Reporting duties first, then steps, then the rest.
    fn rank(&self) -> u8 {
        match self {
            Self::Clock(Clock {
                kind: ClockKind::Duty(_),
                ..
            }) => 0,
            Self::Step(..) => 1,
            Self::Clock(_) => 2,
        }
    }
}

impl Board<'_> {
    /// The most pressing state of any clock on the board, for a frame
    /// around it: missed when anything is overdue.
    #[must_use]
    pub fn worst(&self, now: DateTime<Utc>) -> Urgency {
        if self.overdue.is_empty() {
            self.clocks
                .iter()
                .map(|c| c.urgency(now))
                .max()
                .unwrap_or(Urgency::Running)
        } else {
            Urgency::Missed
        }
    }
}

impl Incident {
    /// The wall board's picture at `now`, under `plan`.
    #[must_use]
    pub fn board<'a>(&'a self, plan: &'a Plan, now: DateTime<Utc>) -> Board<'a> {
        let status = self.status(plan, now);
        let sheet = self.calls(plan);
        // The status update and the duties; the people to inform are the
        // calls' business, listed under the calls owed.
        let mut clocks: Vec<Clock> = status
            .clocks
            .iter()
            .filter(|c| !matches!(c.kind, ClockKind::Inform(_)))
            .filter(|c| c.applies != Applies::No)
            .cloned()
            .collect();
        clocks.sort_by_key(|c| (c.met, c.due));
        let mut overdue: Vec<Overdue<'a>> = status
            .clocks
            .iter()
            .filter(|c| c.overdue(now))
            .cloned()
            .map(Overdue::Clock)
            .collect();
        overdue.extend(
            status
                .items
                .iter()
                .filter(|i| i.overdue)
                .filter_map(|i| Some(Overdue::Step(i.step, i.due?))),
        );
        overdue.sort_by_key(|o| (o.rank(), o.due()));
        // The next steps: open ones in the walk's order, the current first.
        let next_steps = status
            .items
            .iter()
            .filter(|i| i.state == super::ItemState::Open)
            .map(|i| i.step)
            .take(NEXT_STEPS)
            .collect();
        let calls_owed = sheet.open().cloned().collect();
        let latest = self
            .timeline()
            .iter()
            .rev()
            .filter(|e| !self.is_undone(e) && !matches!(e.event, Event::Undone { .. }))
            .take(LATEST_ENTRIES)
            .collect();
        Board {
            title: self.title(),
            level_id: self.level(),
            level: plan.level(self.level()),
            class: plan.class(self.class()),
            drill: self.is_drill(),
            open: self.is_open(),
            commander: self.commander(),
            commanding_since: self.commanding_since(),
            discovered_at: self.discovered_at(),
            clocks,
            overdue,
            next_steps,
            calls_owed,
            latest,
        }
    }

    /// When the commander took command: the last handover to them not taken
    /// back, else the declaration.
    fn commanding_since(&self) -> DateTime<Utc> {
        self.timeline()
            .iter()
            .rev()
            .find(|e| {
                matches!(&e.event, Event::CommandHandedOver { to, .. } if **to == *self.commander())
                    && !self.is_undone(e)
            })
            .map_or(self.declared_at(), Entry::at)
    }
}
