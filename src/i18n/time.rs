//! Times and spans of time for people, the one formatter for both faces.
//!
//! Instants are shown in the command room's time zone relative to "now"
//! (both injected, see [`crate::clock`]): today's times as `09:15`, this
//! year's as `03-01 23:50`, and anything else with its year, so a log from
//! another year never passes for today's. Spans of time are worded per
//! language by [`super::Tr::span`].

use chrono::{DateTime, Datelike as _, Duration, Utc};

use crate::clock::Zone;

/// Shows instants relative to a fixed "now" in one time zone.
#[derive(Clone, Copy, Debug)]
pub struct Times {
    now: DateTime<Utc>,
    zone: Zone,
}

impl Times {
    /// A formatter for this instant and zone.
    #[must_use]
    pub fn new(now: DateTime<Utc>, zone: Zone) -> Self {
        Self { now, zone }
    }

    /// "Now", as this formatter sees it.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The zone times are shown in.
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// Date and time: `2026-03-02 09:15`.
    #[must_use]
    pub fn datetime(&self, t: DateTime<Utc>) -> String {
        self.zone.local(t).format("%Y-%m-%d %H:%M").to_string()
    }

    /// As short as is unambiguous: `09:15` today, `03-01 23:50` this year,
    /// `2025-12-31 23:50` otherwise.
    #[must_use]
    pub fn short(&self, t: DateTime<Utc>) -> String {
        let local = self.zone.local(t);
        let today = self.zone.local(self.now);
        let format = if local.date_naive() == today.date_naive() {
            "%H:%M"
        } else if local.year() == today.year() {
            "%m-%d %H:%M"
        } else {
            "%Y-%m-%d %H:%M"
        };
        local.format(format).to_string()
    }

    /// The time of day: `09:15`.
    #[must_use]
    pub fn clock_time(&self, t: DateTime<Utc>) -> String {
        self.zone.local(t).format("%H:%M").to_string()
    }

    /// The span from `t` to now (negative when `t` is still to come).
    #[must_use]
    pub fn since(&self, t: DateTime<Utc>) -> Duration {
        self.now - t
    }
}

/// A span of time in the units people read it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// Under two hours: minutes.
    Minutes(i64),
    /// Under two days: hours and minutes.
    HoursMinutes(i64, i64),
    /// Days.
    Days(i64),
}

impl Span {
    /// Buckets a duration; a negative one counts as zero.
    #[must_use]
    pub fn of(d: Duration) -> Self {
        let m = d.num_minutes().max(0);
        if m < 120 {
            Self::Minutes(m)
        } else if m < 48 * 60 {
            Self::HoursMinutes(m / 60, m % 60)
        } else {
            Self::Days(m / (24 * 60))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn short_times_say_the_day_and_the_year_only_when_needed() {
        let t = Times::new(at("2026-03-02T02:00:00Z"), Zone::beijing());
        assert_eq!(t.short(at("2026-03-02T01:15:00Z")), "09:15");
        assert_eq!(t.short(at("2026-03-01T15:50:00Z")), "03-01 23:50");
        assert_eq!(t.short(at("2025-12-31T15:50:00Z")), "2025-12-31 23:50");
        assert_eq!(t.datetime(at("2026-03-02T01:15:00Z")), "2026-03-02 09:15");
    }

    #[test]
    fn spans_use_minutes_then_hours_then_days() {
        assert_eq!(Span::of(Duration::minutes(12)), Span::Minutes(12));
        assert_eq!(Span::of(Duration::minutes(185)), Span::HoursMinutes(3, 5));
        assert_eq!(Span::of(Duration::days(29)), Span::Days(29));
        assert_eq!(Span::of(Duration::minutes(-5)), Span::Minutes(0));
    }
}
