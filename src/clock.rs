//! The time of the world: the only code that reads the wall clock and the
//! system's time zone.
//!
//! Everything else is handed a [`Clock`] and a [`Zone`], so a scripted drill
//! (`--now`), a test or a snapshot can fix the time, and the model never
//! reads it at all (it is passed instants).

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, Offset as _, TimeZone as _, Utc};

/// Where "now" comes from.
#[derive(Clone, Debug)]
pub struct Clock(Source);

#[derive(Clone, Debug)]
enum Source {
    System,
    Fixed(DateTime<Utc>),
    Manual(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    /// The system clock.
    #[must_use]
    pub fn system() -> Self {
        Self(Source::System)
    }

    /// A clock that always says `t` (the command line's `--now`).
    #[must_use]
    pub fn fixed(t: DateTime<Utc>) -> Self {
        Self(Source::Fixed(t))
    }

    /// A clock that says `start` until its hand moves it: for tests of
    /// countdowns in a running window.
    #[must_use]
    pub fn manual(start: DateTime<Utc>) -> (Self, ClockHand) {
        let shared = Arc::new(Mutex::new(start));
        (Self(Source::Manual(shared.clone())), ClockHand(shared))
    }

    /// The current instant.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            Source::System => Utc::now(),
            Source::Fixed(t) => *t,
            Source::Manual(t) => *t.lock().unwrap_or_else(PoisonError::into_inner),
        }
    }
}

/// Moves a manual clock.
#[derive(Clone, Debug)]
pub struct ClockHand(Arc<Mutex<DateTime<Utc>>>);

impl ClockHand {
    /// Sets the time.
    pub fn set(&self, t: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = t;
    }

    /// Moves the time on by some minutes.
    pub fn advance_minutes(&self, minutes: i64) {
        let mut t = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *t += chrono::Duration::minutes(minutes);
    }
}

/// The time zone people read and type times in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// The system's time zone.
    Local,
    /// A fixed offset from UTC (tests; a command room in Beijing is +08:00
    /// all year).
    Fixed(FixedOffset),
}

impl Zone {
    /// Beijing time, UTC+8, which has no daylight saving.
    #[must_use]
    pub fn beijing() -> Self {
        FixedOffset::east_opt(8 * 3600).map_or(Self::Local, Self::Fixed)
    }

    /// An instant as the wall clock of this zone shows it.
    #[must_use]
    pub fn local(self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            Self::Local => t.with_timezone(&Local).fixed_offset(),
            Self::Fixed(offset) => t.with_timezone(&offset),
        }
    }

    /// The instant a wall-clock time means here; the earlier one when the
    /// clock shows it twice (daylight saving ends), `None` when it never
    /// shows it (daylight saving starts).
    #[must_use]
    pub fn instant(self, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Self::Local => Local
                .from_local_datetime(&wall)
                .earliest()
                .map(|t| t.with_timezone(&Utc)),
            Self::Fixed(offset) => offset
                .from_local_datetime(&wall)
                .single()
                .map(|t| t.with_timezone(&Utc)),
        }
    }

    /// The zone's offset at an instant, such as `+08:00`.
    #[must_use]
    pub fn offset_at(self, t: DateTime<Utc>) -> FixedOffset {
        self.local(t).offset().fix()
    }
}

/// Why a typed time is not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhenError {
    /// Not a time in any accepted form.
    NotATime(String),
    /// A wall-clock time the zone skips (daylight saving starts).
    NotInZone(String),
    /// A time after now (beyond a minute's skew between clocks), where only
    /// the past makes sense.
    InFuture(String),
    /// A time before the year 2000: a typo, or a clock that was never set.
    TooEarly(String),
}

/// How far ahead of this clock a typed time may be: another laptop's clock,
/// or the minute shown on a wall clock, can run a little ahead.
const SKEW: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// No incident this app records happened before this (2000-01-01, UTC).
const EARLIEST: DateTime<Utc> = DateTime::from_timestamp_nanos(946_684_800_000_000_000);

/// Reads a time a person typed for something that already happened:
/// `HH:MM` (the last time the clock showed it, so 23:50 typed at 00:15 is
/// yesterday), `YYYY-MM-DD HH:MM` (wall-clock time in `zone`) or RFC 3339.
///
/// # Errors
/// When the text is not a time, the time is more than a minute after
/// `now`, or before the year 2000.
pub fn parse_past(text: &str, now: DateTime<Utc>, zone: Zone) -> Result<DateTime<Utc>, WhenError> {
    let halfwidth = halfwidth(text);
    let text = halfwidth.trim();
    let instant = |wall: NaiveDateTime| {
        zone.instant(wall)
            .ok_or_else(|| WhenError::NotInZone(text.to_owned()))
    };
    let t = if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        t.with_timezone(&Utc)
    } else if let Ok(wall) = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        instant(wall)?
    } else if let Ok(time) = chrono::NaiveTime::parse_from_str(text, "%H:%M") {
        // A bare time is the last time the clock showed it: a scribe writing
        // down at 00:15 what happened at 23:50 means yesterday.
        let today = zone.local(now).date_naive();
        let t = instant(today.and_time(time))?;
        match today.pred_opt() {
            Some(yesterday) if t > now => instant(yesterday.and_time(time))?,
            _ => t,
        }
    } else {
        return Err(WhenError::NotATime(text.to_owned()));
    };
    if t > now + SKEW {
        return Err(WhenError::InFuture(text.to_owned()));
    }
    if t < EARLIEST {
        return Err(WhenError::TooEarly(text.to_owned()));
    }
    Ok(t)
}

/// The text with full-width digits, colons, hyphens and spaces (what a
/// Chinese input method types: `０１：４０`) made their ASCII selves, so a
/// time typed either way reads the same.
fn halfwidth(text: &str) -> std::borrow::Cow<'_, str> {
    let wide = |c: char| matches!(c, '０'..='９' | '：' | '－' | '\u{3000}' | 'Ｔ' | '＋');
    if !text.chars().any(wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '０'..='９' | '：' | '－' | 'Ｔ' | '＋' => {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_colons_read_as_ascii() {
        let now = DateTime::parse_from_rfc3339("2026-12-07T02:00:00+08:00")
            .unwrap()
            .with_timezone(&Utc);
        let zone = Zone::beijing();
        assert_eq!(
            parse_past("０１：４０", now, zone).ok(),
            parse_past("01:40", now, zone).ok()
        );
        assert!(parse_past("０１：４０", now, zone).is_ok());
        assert_eq!(
            parse_past("２０２６－１２－０７\u{3000}０１：４０", now, zone).ok(),
            parse_past("2026-12-07 01:40", now, zone).ok()
        );
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let start = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let (clock, hand) = Clock::manual(start);
        assert_eq!(clock.now(), start);
        hand.advance_minutes(5);
        assert_eq!(clock.now(), start + chrono::Duration::minutes(5));
        assert_eq!(Clock::fixed(start).now(), start);
    }

    #[test]
    fn beijing_wall_time_is_eight_hours_ahead() {
        let zone = Zone::beijing();
        let wall = NaiveDateTime::parse_from_str("2026-03-02 09:15", "%Y-%m-%d %H:%M").unwrap();
        let t = zone.instant(wall).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-02T01:15:00+00:00");
        assert_eq!(zone.local(t).naive_local(), wall);
    }

    #[test]
    fn a_bare_time_after_now_means_yesterday() {
        let zone = Zone::beijing();
        let wall = |s: &str| {
            zone.instant(NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
                .unwrap()
        };
        let now = wall("2026-03-02 00:15");
        assert_eq!(parse_past("23:50", now, zone), Ok(wall("2026-03-01 23:50")));
        assert_eq!(parse_past("00:05", now, zone), Ok(wall("2026-03-02 00:05")));
    }

    #[test]
    fn a_full_time_in_the_future_or_nonsense_is_refused() {
        let zone = Zone::beijing();
        let now = DateTime::parse_from_rfc3339("2026-03-01T16:15:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_past("2026-03-02 09:00", now, zone),
            Err(WhenError::InFuture("2026-03-02 09:00".to_owned()))
        );
        assert_eq!(
            parse_past("half past", now, zone),
            Err(WhenError::NotATime("half past".to_owned()))
        );
        for far in ["2999-01-01T00:00:00Z", "2026-03-01T16:16:01Z"] {
            assert_eq!(
                parse_past(far, now, zone),
                Err(WhenError::InFuture(far.to_owned())),
                "an RFC 3339 time is checked like any other"
            );
        }
        for early in ["0001-01-01T00:00:00Z", "1999-12-31 23:59"] {
            assert_eq!(
                parse_past(early, now, zone),
                Err(WhenError::TooEarly(early.to_owned()))
            );
        }
    }

    #[test]
    fn a_minute_of_skew_between_clocks_is_allowed() {
        let zone = Zone::beijing();
        let now = DateTime::parse_from_rfc3339("2026-03-01T16:15:30Z")
            .unwrap()
            .with_timezone(&Utc);
        let ahead = "2026-03-01T16:16:20Z";
        assert!(parse_past(ahead, now, zone).is_ok());
        assert!(parse_past("2000-01-01T00:00:00Z", now, zone).is_ok());
    }
}
