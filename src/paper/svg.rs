//! The incident on one time axis, as an inline SVG picture: people read a
//! timeline faster than a table.
//!
//! Lanes from top to bottom: the level held (a band in the level's colour),
//! steps done (green when on time, red when late) against their deadlines
//! (grey ticks), calls (filled when someone answered), messages sent, and
//! the reporting duties' deadlines with when they were met. The axis runs
//! from the discovery to the close (or now).

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::html::esc;
use super::report::Facts;
use crate::model::incident::{CallOutcome, ClockKind, Event, ItemState};
use crate::model::plan::doc::Colour;

const WIDTH: f64 = 720.0;
const LEFT: f64 = 92.0;
const RIGHT: f64 = 12.0;
const LANE: f64 = 26.0;
const TOP: f64 = 8.0;

fn colour(c: Colour) -> &'static str {
    match c {
        Colour::Red => "#c62828",
        Colour::Orange => "#ef6c00",
        Colour::Yellow => "#f9a825",
        Colour::Blue => "#1565c0",
    }
}

/// Where on the picture a time falls.
struct Axis {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Axis {
    fn x(&self, at: DateTime<Utc>) -> f64 {
        let total = (self.end - self.start).num_seconds().max(1) as f64;
        let part = ((at - self.start).num_seconds() as f64 / total).clamp(0.0, 1.0);
        LEFT + (WIDTH - LEFT - RIGHT) * part
    }
}

/// The middle of a lane.
fn mid(lane: usize) -> f64 {
    TOP + LANE * lane as f64 + LANE / 2.0
}

/// The picture of an incident.
pub(super) fn picture(f: &Facts<'_>) -> String {
    let t = f.lang.tr().paper;
    let i = f.incident;
    let start = i.discovered_at().min(i.declared_at());
    let last = i
        .timeline()
        .iter()
        .map(crate::model::incident::Entry::at)
        .max()
        .unwrap_or(start);
    let axis = Axis {
        start,
        end: f.end().max(last).max(start + chrono::Duration::minutes(10)),
    };
    let lanes = [
        t.lane_level,
        t.lane_steps,
        t.lane_calls,
        t.lane_messages,
        t.lane_duties,
    ];
    let height = TOP + LANE * lanes.len() as f64 + 22.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         font-size=\"9\" font-family=\"Runbook CJK, sans-serif\" role=\"img\" aria-label=\"{}\">",
        esc(t.picture)
    );
    for (n, name) in lanes.iter().enumerate() {
        let bottom = TOP + LANE * (n + 1) as f64;
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{:.1}\">{}</text><line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{bottom:.1}\" y2=\"{bottom:.1}\" stroke=\"#ccc\"/>",
            mid(n) + 3.0,
            esc(name),
            WIDTH - RIGHT,
        );
    }
    levels(f, &axis, &mut s);
    steps(f, &axis, &f.status, &mut s);
    calls_and_messages(f, &axis, &mut s);
    duties(f, &axis, &f.status, &mut s);
    ticks(f, &axis, mid(lanes.len() - 1) + LANE / 2.0 + 12.0, &mut s);
    s.push_str("</svg>");
    s
}

/// Lane 0: the level held, band by band.
fn levels(f: &Facts<'_>, axis: &Axis, s: &mut String) {
    let history = f.level_history();
    for (k, (from, level)) in history.iter().enumerate() {
        let to = history.get(k + 1).map_or(axis.end, |(at, _)| *at);
        let fill = f.plan.level(level).map_or("#999", |l| colour(l.colour));
        let (x0, x1) = (axis.x(*from), axis.x(to));
        let _ = write!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\" opacity=\"0.8\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#fff\">{}</text>",
            TOP + 4.0,
            (x1 - x0).max(1.0),
            LANE - 8.0,
            x0 + 3.0,
            mid(0) + 3.0,
            esc(level.as_str())
        );
    }
}

/// Lane 1: steps done (green on time, red late) against their deadlines.
fn steps(f: &Facts<'_>, axis: &Axis, status: &crate::model::incident::Status<'_>, s: &mut String) {
    let y = mid(1);
    for item in &status.items {
        if let Some(due) = item.due {
            let _ = write!(
                s,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\" stroke=\"#888\"/>",
                axis.x(due),
                y - 8.0,
                y + 8.0
            );
        }
        if item.state != ItemState::Done {
            continue;
        }
        let Some(done) = f.acted(item.step).map(crate::model::incident::Entry::at) else {
            continue;
        };
        let late = item.due.is_some_and(|due| done > due);
        let fill = if late { "#c62828" } else { "#2e7d32" };
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"3.2\" fill=\"{fill}\"><title>{}</title></circle>",
            axis.x(done),
            esc(&item.step.text)
        );
    }
}

/// Lanes 2 and 3: calls (filled when answered) and messages.
fn calls_and_messages(f: &Facts<'_>, axis: &Axis, s: &mut String) {
    for e in f.incident.timeline() {
        match &e.event {
            Event::CallAttempt { outcome, .. } => {
                let fill = if *outcome == CallOutcome::Reached {
                    "#1565c0"
                } else {
                    "#fff"
                };
                let _ = write!(
                    s,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{fill}\" stroke=\"#1565c0\"/>",
                    axis.x(e.at()),
                    mid(2)
                );
            }
            Event::MessageSent { .. } => {
                let _ = write!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\" fill=\"#6a1b9a\"/>",
                    axis.x(e.at()) - 3.0,
                    mid(3) - 3.0
                );
            }
            _ => {}
        }
    }
}

/// Lane 4: the reporting duties' deadlines, and when each was met.
fn duties(f: &Facts<'_>, axis: &Axis, status: &crate::model::incident::Status<'_>, s: &mut String) {
    let y = mid(4);
    for c in status
        .clocks
        .iter()
        .filter(|c| matches!(c.kind, ClockKind::Duty(_)))
    {
        let _ = write!(
            s,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\" stroke=\"#c62828\" stroke-dasharray=\"2 2\"><title>{3}</title></line>",
            axis.x(c.due),
            y - 9.0,
            y + 9.0,
            esc(&c.label)
        );
        if let ClockKind::Duty(id) = &c.kind
            && let Some(done) = f.incident.duty_done_at(id)
        {
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"3.2\" fill=\"{}\"/>",
                axis.x(done),
                if done <= c.due { "#2e7d32" } else { "#c62828" }
            );
        }
    }
}

/// The clock times under the lanes: about six, at round minutes.
fn ticks(f: &Facts<'_>, axis: &Axis, y: f64, s: &mut String) {
    let minutes = (axis.end - axis.start).num_minutes().max(1);
    let step = [5, 10, 15, 30, 60, 120, 240, 480, 1440]
        .into_iter()
        .find(|m| minutes / m <= 6)
        .unwrap_or(2880);
    let mut m = 0;
    while m <= minutes {
        let at = axis.start + chrono::Duration::minutes(m);
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>",
            axis.x(at),
            esc(&f.times.clock_time(at))
        );
        m += step;
    }
}
