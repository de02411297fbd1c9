//! The date of a `Received` field, read by RFC 5322 §3.3 only (with its obsolete zone names
//! and two-digit years, §4.3, and the fractional seconds some senders add): what does not
//! read exactly is dropped, so no delay is ever shown from a misread date.

use crate::timeline::{Date, days_from_civil};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Unix time of the date after the field's last `;`, or `None`.
pub fn received_time(raw: &str) -> Option<i64> {
    let (_, date) = raw.rsplit_once(';')?;
    parse(date)
}

/// `[day-of-week ,] day month year hour:minute[:second[.fraction]] zone [(comment)]`.
pub fn parse(text: &str) -> Option<i64> {
    let text = text.split('(').next().unwrap_or_default();
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_some_and(|w| w.ends_with(',')) {
        words.next();
    }
    let day: u8 = words.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    let month = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    let year = words.next()?;
    let year: u16 = match (year.len(), year.parse::<u16>().ok()?) {
        (4, y) => y,
        (2, y) if y < 50 => 2000 + y,
        (2, y) => 1900 + y,
        _ => return None,
    };
    let mut clock = words.next()?.split(':');
    let hour: i64 = number(clock.next()?, 23)?;
    let minute: i64 = number(clock.next()?, 59)?;
    let second: i64 = match clock.next() {
        Some(s) => number(s.split('.').next()?, 60)?,
        None => 0,
    };
    if clock.next().is_some() {
        return None;
    }
    let offset = zone(words.next()?)?;
    if words.next().is_some() {
        return None;
    }
    let days = days_from_civil(Date::new(year, month, day));
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Two digits, at most `max`.
fn number(text: &str, max: i64) -> Option<i64> {
    let ok = text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten().filter(|n| *n <= max)
}

/// The zone's offset from UTC in seconds: `+0200`, `-0400`, or an obsolete name.
fn zone(text: &str) -> Option<i64> {
    let named = match text.to_ascii_uppercase().as_str() {
        "UT" | "UTC" | "GMT" | "Z" => Some(0),
        "EDT" => Some(-4),
        "EST" | "CDT" => Some(-5),
        "CST" | "MDT" => Some(-6),
        "MST" | "PDT" => Some(-7),
        "PST" => Some(-8),
        _ => None,
    };
    if let Some(hours) = named {
        return Some(hours * 3600);
    }
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    (minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates as receivers write them, and the shapes outside RFC 5322 that must not be
    /// misread into another year.
    #[test]
    fn dates_read_exactly_or_not_at_all() {
        let cases = [
            ("Tue, 1 Dec 2026 10:00:00 +0000", Some(1_796_119_200)),
            ("Tue, 01 Dec 2026 11:00:00 +0100 (CET)", Some(1_796_119_200)),
            ("1 Dec 2026 05:00:00 -0500", Some(1_796_119_200)),
            ("Tue, 1 Dec 2026 10:00:00.123456789 +0000", Some(1_796_119_200)),
            ("Tue, 1 Dec 2026 10:00 GMT", Some(1_796_119_200)),
            ("Tue, 1 Dec 26 02:00:00 PST", Some(1_796_119_200)),
            ("Apr 21 2018 03:01:04", None),
            ("4/20/2018 23:01:06", None),
            ("Tue, 1 Dec 2026 10:00:00", None),
            ("Tue, 31 Feb 2026 10:00:00 +0000 extra", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), expected, "{text}");
        }
        assert_eq!(
            received_time("from a by b; Tue, 1 Dec 2026 10:00:00 +0000"),
            Some(1_796_119_200)
        );
    }
}
