//! The retirement of basic authentication for SMTP AUTH in Exchange Online, worded against
//! today's date (Exchange team blog, 27 January 2026).

/// A calendar date, compared field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }
}

/// Basic authentication becomes disabled by default for existing tenants at the end of
/// December 2026; the day itself was not announced, so the last day of the month is used.
pub const DISABLED_BY_DEFAULT: Date = Date::new(2026, 12, 31);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Still on by default; the change is `days_left` days away.
    Before { days_left: u32 },
    /// Off by default for existing tenants; an administrator can turn it back on until the
    /// final removal (date announced in the second half of 2027).
    After,
}

pub fn phase(today: Date) -> Phase {
    if today > DISABLED_BY_DEFAULT {
        Phase::After
    } else {
        Phase::Before {
            days_left: days_between(today, DISABLED_BY_DEFAULT),
        }
    }
}

pub(crate) fn days_from_civil(date: Date) -> i64 {
    // Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
    let (m, d) = (i64::from(date.month), i64::from(date.day));
    let y = i64::from(date.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_between(from: Date, to: Date) -> u32 {
    u32::try_from(days_from_civil(to) - days_from_civil(from)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases() {
        let cases = [
            (Date::new(2026, 1, 27), Phase::Before { days_left: 338 }),
            (Date::new(2026, 11, 21), Phase::Before { days_left: 40 }),
            (Date::new(2026, 12, 31), Phase::Before { days_left: 0 }),
            (Date::new(2027, 1, 1), Phase::After),
            (Date::new(2028, 6, 1), Phase::After),
        ];
        for (today, expected) in cases {
            assert_eq!(phase(today), expected, "{today:?}");
        }
    }

    #[test]
    fn epoch() {
        assert_eq!(days_from_civil(Date::new(1970, 1, 1)), 0);
        assert_eq!(days_from_civil(Date::new(2000, 3, 1)), 11_017);
    }
}
