//! The incident on one time axis, as an inline SVG picture with its
//! legend: people read a timeline faster than a table.
//!
//! Lanes from top to bottom: the level held (a band in the level's colour),
//! steps (done: green on time, red late; their deadlines as grey ticks),
//! calls (filled when someone answered), messages sent, notes, and the
//! reporting duties' deadlines (a red dashed line, named) with when each
//! was met. Every mark carries a number, and the legend under the picture
//! says, number by number, when and what it was; a key shows what the
//! shapes mean. The axis runs from the discovery to the close (or now);
//! when the discovery came long before the declaration, the axis is broken
//! between them, so the response is not squeezed against the right edge.

use std::fmt::Write as _;

use chrono::{DateTime, Duration, Utc};

use super::html::esc;
use super::report::Facts;
use crate::model::incident::{CallOutcome, ClockKind, Event, ItemState};
use crate::model::plan::doc::Colour;

const WIDTH: f64 = 720.0;
const LEFT: f64 = 92.0;
const RIGHT: f64 = 12.0;
const LANE: f64 = 28.0;
const TOP: f64 = 16.0;
/// The width of the axis's first part, around the discovery, when broken.
const BEFORE: f64 = 46.0;
/// The width of the break.
const BREAK: f64 = 18.0;

const GREEN: &str = "#2e7d32";
const RED: &str = "#c62828";
const BLUE: &str = "#1565c0";
const PURPLE: &str = "#6a1b9a";
const GREY: &str = "#777";
const BROWN: &str = "#6d4c41";

fn colour(c: Colour) -> &'static str {
    match c {
        Colour::Red => "#c62828",
        Colour::Orange => "#ef6c00",
        Colour::Yellow => "#f9a825",
        Colour::Blue => "#1565c0",
    }
}

/// A stretch of time drawn between two x positions.
#[derive(Clone, Copy)]
struct Segment {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    x0: f64,
    x1: f64,
}

/// Where on the picture a time falls: one segment, or two with a break
/// between them.
struct Axis {
    segments: Vec<Segment>,
}

impl Axis {
    /// The axis from `start` (the discovery) through `declared` to `end`,
    /// broken when the time before the declaration is over an hour and
    /// more than a third of the whole.
    fn new(start: DateTime<Utc>, declared: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        let gap = declared - start;
        let whole = end - start;
        let (x0, x1) = (LEFT, WIDTH - RIGHT);
        if gap >= Duration::minutes(60) && gap * 3 > whole {
            // A few minutes either side of each side of the break.
            let pad = Duration::minutes(5);
            Self {
                segments: vec![
                    Segment {
                        from: start,
                        to: start + pad,
                        x0,
                        x1: x0 + BEFORE,
                    },
                    Segment {
                        from: declared - pad,
                        to: end,
                        x0: x0 + BEFORE + BREAK,
                        x1,
                    },
                ],
            }
        } else {
            Self {
                segments: vec![Segment {
                    from: start,
                    to: end,
                    x0,
                    x1,
                }],
            }
        }
    }

    fn x(&self, at: DateTime<Utc>) -> f64 {
        let mut last = LEFT;
        for s in &self.segments {
            if at < s.from {
                // In the break: its middle.
                return (last + s.x0) / 2.0;
            }
            if at <= s.to {
                let total = (s.to - s.from).num_seconds().max(1) as f64;
                let part = (at - s.from).num_seconds() as f64 / total;
                return s.x0 + (s.x1 - s.x0) * part;
            }
            last = s.x1;
        }
        last
    }

    fn broken(&self) -> Option<(f64, f64)> {
        match self.segments.as_slice() {
            [a, b] => Some((a.x1, b.x0)),
            _ => None,
        }
    }
}

/// The lanes, top to bottom.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lane {
    Level,
    Steps,
    Calls,
    Messages,
    Notes,
    Duties,
}

impl Lane {
    const ALL: [Self; 6] = [
        Self::Level,
        Self::Steps,
        Self::Calls,
        Self::Messages,
        Self::Notes,
        Self::Duties,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    /// The middle of the lane.
    fn mid(self) -> f64 {
        TOP + LANE * self.index() as f64 + LANE / 2.0
    }
}

/// How a mark is drawn.
#[derive(Clone, Copy)]
enum Shape {
    /// A dot, filled or open, in a colour.
    Dot(&'static str, bool),
    /// A square.
    Square(&'static str),
    /// A diamond.
    Diamond(&'static str),
    /// A deadline: a tick across the lane, dashed when it is a duty's.
    Tick(&'static str, bool),
}

/// One mark on the picture, and its line in the legend.
struct Mark {
    at: DateTime<Utc>,
    lane: Lane,
    shape: Shape,
    /// What the legend says.
    what: String,
    /// A name written beside it on the picture (a duty's deadline).
    name: Option<String>,
}

/// The picture of an incident, with its key and legend, as HTML.
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
    let mut marks = marks(f);
    marks.sort_by_key(|m| m.at);
    // The axis ends at the close (or now); a deadline up to an hour later
    // stretches it, one further off (a summary report due in 30 days) is
    // not on this picture.
    let base = f.end().max(last).max(start + Duration::minutes(10));
    let end = marks
        .iter()
        .map(|m| m.at)
        .filter(|at| *at <= base + Duration::hours(1))
        .fold(base, DateTime::max);
    marks.retain(|m| m.at <= end);
    let axis = Axis::new(start, i.declared_at(), end);
    let lanes = [
        t.lane_level,
        t.lane_steps,
        t.lane_calls,
        t.lane_messages,
        t.notes,
        t.lane_duties,
    ];
    let bottom = TOP + LANE * lanes.len() as f64;
    let height = bottom + 40.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         font-size=\"9\" font-family=\"Runbook CJK, sans-serif\" role=\"img\" aria-label=\"{}\">",
        esc(t.picture)
    );
    for (n, name) in lanes.iter().enumerate() {
        let y = TOP + LANE * (n + 1) as f64;
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{:.1}\">{}</text><line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ccc\"/>",
            Lane::ALL[n].mid() + 3.0,
            esc(name),
            WIDTH - RIGHT,
        );
    }
    levels(f, &axis, &mut s);
    // The discovery and the declaration, across every lane.
    for (at, label) in [
        (i.discovered_at(), t.review.found),
        (i.declared_at(), t.declared),
    ] {
        let x = axis.x(at);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP:.1}\" y2=\"{bottom:.1}\" stroke=\"#444\" stroke-width=\"0.6\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"8\">{}</text>",
            TOP - 5.0,
            esc(label)
        );
    }
    if let Some((a, b)) = axis.broken() {
        // Two slanted strokes where the axis skips time.
        for x in [a + 5.0, b - 5.0] {
            let _ = write!(
                s,
                "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#444\"/>",
                x - 3.0,
                x + 3.0,
                bottom + 4.0,
                bottom - 4.0
            );
        }
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{TOP:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f4f4f4\"/>",
            a + 1.0,
            (b - a - 2.0).max(1.0),
            bottom - TOP
        );
    }
    let legend = draw_marks(&axis, &marks, &mut s);
    ticks(f, &axis, bottom + 12.0, &mut s);
    key(f, bottom + 30.0, &mut s);
    s.push_str("</svg>");
    s.push_str(&legend_table(f, &marks, &legend));
    s
}

/// Every mark of the incident, in no order.
fn marks(f: &Facts<'_>) -> Vec<Mark> {
    let tr = f.lang.tr();
    let t = tr.paper;
    let mut out = Vec::new();
    let event = |e: &crate::model::incident::Entry| (tr.incident.event)(&e.event, f.plan, f.times);
    for item in &f.status.items {
        let done = (item.state == ItemState::Done)
            .then(|| f.acted(item.step).map(crate::model::incident::Entry::at))
            .flatten();
        if let Some(due) = item.due {
            let missed = done.map_or(f.end() > due, |d| d > due);
            out.push(Mark {
                at: due,
                lane: Lane::Steps,
                shape: Shape::Tick(GREY, false),
                what: format!(
                    "{} {} ({})",
                    t.col_due,
                    item.step.id,
                    if missed { t.missed } else { t.met }
                ),
                name: None,
            });
        }
        if let Some(at) = done {
            let late = item.due.is_some_and(|due| at > due);
            out.push(Mark {
                at,
                lane: Lane::Steps,
                shape: Shape::Dot(if late { RED } else { GREEN }, true),
                what: format!(
                    "{} {}",
                    item.step.id,
                    super::briefing::gist(&item.step.text)
                ),
                name: None,
            });
        }
    }
    for e in f.incident.timeline() {
        let (lane, shape) = match &e.event {
            Event::CallAttempt { outcome, .. } => (
                Lane::Calls,
                Shape::Dot(BLUE, *outcome == CallOutcome::Reached),
            ),
            Event::MessageSent { .. } => (Lane::Messages, Shape::Square(PURPLE)),
            Event::Note { .. } => (Lane::Notes, Shape::Diamond(BROWN)),
            _ => continue,
        };
        let mut what = event(e);
        if what.chars().count() > 80 {
            what = what.chars().take(80).collect::<String>() + "…";
        }
        out.push(Mark {
            at: e.at(),
            lane,
            shape,
            what,
            name: None,
        });
    }
    for c in &f.status.clocks {
        let ClockKind::Duty(id) = &c.kind else {
            continue;
        };
        let done = f.incident.duty_done_at(id);
        let missed = done.map_or(f.end() > c.due, |d| d > c.due);
        out.push(Mark {
            at: c.due,
            lane: Lane::Duties,
            shape: Shape::Tick(RED, true),
            what: format!(
                "{} {} ({})",
                t.col_due,
                duty_short(id, &c.label),
                if missed { t.missed } else { t.met }
            ),
            name: Some(id.to_string()),
        });
        if let Some(at) = done {
            out.push(Mark {
                at,
                lane: Lane::Duties,
                shape: Shape::Dot(if at <= c.due { GREEN } else { RED }, true),
                what: (tr.paper.review.duty_done)(
                    &id.to_string(),
                    &if at <= c.due {
                        t.met.to_owned()
                    } else {
                        (t.late_by)(&f.span(c.due, at))
                    },
                ),
                name: None,
            });
        }
    }
    out
}

/// A duty on the legend: its id and the start of its text (the report's
/// tables give the rest).
fn duty_short(id: &crate::model::ids::ItemId, label: &str) -> String {
    let text: String = label.chars().take(24).collect();
    if text.chars().count() < label.chars().count() {
        format!("{id}: {text}…")
    } else {
        format!("{id}: {text}")
    }
}

/// Draws the marks, each with its number (above the mark, or below when
/// the last number above stands too close); returns the numbers, in order.
fn draw_marks(axis: &Axis, marks: &[Mark], s: &mut String) -> Vec<usize> {
    // Per lane: where the last number above, the last below and the last
    // name end.
    let mut last = vec![[f64::NEG_INFINITY; 3]; Lane::ALL.len()];
    let mut numbers = Vec::new();
    for (n, m) in marks.iter().enumerate() {
        let number = n + 1;
        numbers.push(number);
        let x = axis.x(m.at);
        let y = m.lane.mid();
        match m.shape {
            Shape::Dot(c, filled) => {
                let fill = if filled { c } else { "#fff" };
                let _ = write!(
                    s,
                    "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.2\" fill=\"{fill}\" stroke=\"{c}\"/>"
                );
            }
            Shape::Square(c) => {
                let _ = write!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\" fill=\"{c}\"/>",
                    x - 3.0,
                    y - 3.0
                );
            }
            Shape::Diamond(c) => {
                let _ = write!(
                    s,
                    "<path d=\"M{x:.1} {:.1} l3.5 3.5 l-3.5 3.5 l-3.5 -3.5 z\" fill=\"{c}\"/>",
                    y - 3.5
                );
            }
            Shape::Tick(c, dashed) => {
                let dash = if dashed {
                    " stroke-dasharray=\"2 2\""
                } else {
                    ""
                };
                let _ = write!(
                    s,
                    "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{c}\"{dash}/>",
                    y - LANE / 2.0 + 2.0,
                    y + LANE / 2.0 - 2.0
                );
            }
        }
        let lane = &mut last[m.lane.index()];
        if let Some(name) = &m.name {
            // Names of deadlines at the same time are stacked, not overlaid.
            let raise = if x < lane[2] { 8.0 } else { 0.0 };
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"7\" fill=\"{RED}\">{}</text>",
                x + 2.0,
                y + LANE / 2.0 - 3.0 - raise,
                esc(name)
            );
            lane[2] = x + 2.0 + 4.0 * name.chars().count() as f64;
        }
        // A deadline's number stays above, beside any other at that time.
        let (nx, ny) = if matches!(m.shape, Shape::Tick(..)) {
            let nx = if x + 2.0 < lane[0] { lane[0] } else { x + 2.0 };
            lane[0] = nx + 10.0;
            (nx, y - 5.0)
        } else {
            let below = x - lane[0] < 7.0 && x - lane[1] >= 10.0;
            if below {
                lane[1] = x;
            } else {
                lane[0] = x + 3.5;
            }
            (x + 3.5, if below { y + 11.0 } else { y - 5.0 })
        };
        let _ = write!(
            s,
            "<text x=\"{nx:.1}\" y=\"{ny:.1}\" font-size=\"7\" fill=\"#333\">{number}</text>"
        );
    }
    numbers
}

/// Lane 0: the level held, band by band.
fn levels(f: &Facts<'_>, axis: &Axis, s: &mut String) {
    let history = f.level_history();
    let end = axis.segments.last().map_or_else(|| f.end(), |seg| seg.to);
    for (k, (from, level)) in history.iter().enumerate() {
        let to = history.get(k + 1).map_or(end, |(at, _)| *at);
        let fill = f.plan.level(level).map_or("#999", |l| colour(l.colour));
        let (x0, x1) = (axis.x(*from), axis.x(to));
        let y = Lane::Level.mid();
        let _ = write!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\" opacity=\"0.8\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#fff\">{}</text>",
            y - LANE / 2.0 + 4.0,
            (x1 - x0).max(1.0),
            LANE - 8.0,
            x0 + 3.0,
            y + 3.0,
            esc(&f.level_name(level))
        );
    }
}

/// The clock times under the lanes: about six per part of the axis, at
/// round minutes; the first part of a broken axis shows only its start.
fn ticks(f: &Facts<'_>, axis: &Axis, y: f64, s: &mut String) {
    let parts = axis.segments.len();
    for (k, seg) in axis.segments.iter().enumerate() {
        let minutes = (seg.to - seg.from).num_minutes().max(1);
        if parts > 1 && k == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"start\">{}</text>",
                seg.x0,
                esc(&f.times.clock_time(seg.from))
            );
            continue;
        }
        let step = [5, 10, 15, 30, 60, 120, 240, 480, 1440]
            .into_iter()
            .find(|m| minutes / m <= 6)
            .unwrap_or(2880);
        // Round times: the first multiple of the step at or after the start.
        let offset = (step - minutes_of_day(f, seg.from) % step) % step;
        let mut m = offset;
        while m <= minutes {
            let at = seg.from + Duration::minutes(m);
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>",
                axis.x(at),
                esc(&f.times.clock_time(at))
            );
            m += step;
        }
    }
}

/// The minutes since midnight of a time, in the papers' zone.
fn minutes_of_day(f: &Facts<'_>, at: DateTime<Utc>) -> i64 {
    let hm = f.times.clock_time(at);
    let mut parts = hm.split(':').filter_map(|p| p.parse::<i64>().ok());
    match (parts.next(), parts.next()) {
        (Some(h), Some(m)) => h * 60 + m,
        _ => 0,
    }
}

/// What the shapes mean, in one row under the picture.
fn key(f: &Facts<'_>, y: f64, s: &mut String) {
    let t = f.lang.tr().paper;
    let k = &t.picture_key;
    let items: [(Shape, &str); 7] = [
        (Shape::Dot(GREEN, true), k.on_time),
        (Shape::Dot(RED, true), k.late),
        (Shape::Dot(BLUE, false), k.not_reached),
        (Shape::Square(PURPLE), k.message),
        (Shape::Diamond(BROWN), k.note),
        (Shape::Tick(GREY, false), k.step_due),
        (Shape::Tick(RED, true), k.duty_due),
    ];
    let mut x = LEFT;
    for (shape, label) in items {
        match shape {
            Shape::Dot(c, filled) => {
                let fill = if filled { c } else { "#fff" };
                let _ = write!(
                    s,
                    "<circle cx=\"{x:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{fill}\" stroke=\"{c}\"/>",
                    y - 3.0
                );
            }
            Shape::Square(c) => {
                let _ = write!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\" fill=\"{c}\"/>",
                    x - 3.0,
                    y - 6.0
                );
            }
            Shape::Diamond(c) => {
                let _ = write!(
                    s,
                    "<path d=\"M{x:.1} {:.1} l3.5 3.5 l-3.5 3.5 l-3.5 -3.5 z\" fill=\"{c}\"/>",
                    y - 7.0
                );
            }
            Shape::Tick(c, dashed) => {
                let dash = if dashed {
                    " stroke-dasharray=\"2 2\""
                } else {
                    ""
                };
                let _ = write!(
                    s,
                    "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{c}\"{dash}/>",
                    y - 9.0,
                    y + 1.0
                );
            }
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{y:.1}\">{}</text>",
            x + 6.0,
            esc(label)
        );
        // About the width of the label at 9 units: Chinese characters are
        // square, Latin ones about half as wide.
        x += 14.0
            + label
                .chars()
                .map(|c| if c.is_ascii() { 4.6 } else { 9.0 })
                .sum::<f64>();
    }
}

/// The legend under the picture: each mark's number, time and what it was.
fn legend_table(f: &Facts<'_>, marks: &[Mark], numbers: &[usize]) -> String {
    let t = f.lang.tr().paper;
    let mut out = format!(
        "<table class=\"legend\">\n<thead><tr><th class=\"whole\">#</th><th class=\"words\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(t.col_time),
        esc(t.col_what)
    );
    for (m, n) in marks.iter().zip(numbers) {
        let _ = writeln!(
            out,
            "<tr><td class=\"whole\">{n}</td><td class=\"whole\">{}</td><td class=\"pre\">{}</td></tr>",
            esc(&f.times.datetime(m.at)),
            esc(&m.what)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default() + Duration::minutes(minutes)
    }

    #[test]
    fn the_axis_breaks_when_the_discovery_came_hours_before_the_declaration() {
        // Found at 0, declared at 130 min, over at 340: broken, and the
        // response takes all but the first part and the break.
        let axis = Axis::new(at(0), at(130), at(340));
        let Some((a, b)) = axis.broken() else {
            panic!("not broken");
        };
        assert!((axis.x(at(0)) - LEFT).abs() < 0.1);
        assert!(axis.x(at(60)) > a && axis.x(at(60)) < b, "inside the break");
        assert!(axis.x(at(130)) > b);
        assert!((axis.x(at(340)) - (WIDTH - RIGHT)).abs() < 0.1);
        let response = axis.x(at(340)) - axis.x(at(130));
        assert!(response > 0.85 * (WIDTH - LEFT - RIGHT), "{response}");
        // Found 8 minutes before a short response: one axis, in proportion.
        let axis = Axis::new(at(0), at(8), at(58));
        assert!(axis.broken().is_none());
        let half = axis.x(at(29));
        assert!((half - (LEFT + (WIDTH - LEFT - RIGHT) / 2.0)).abs() < 0.1);
    }
}
