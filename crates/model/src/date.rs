//! A calendar day that exists: `Date::new(2021, 2, 31)` is `None`, so no parser can hand the
//! mapping a 31 February. Printed and serialised as ISO 8601 (`2021-12-02`), the form
//! `xsd:date` takes; ordered as days are.

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The day, if the calendar has it (Gregorian; years 1000 to 9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// `YYYY-MM-DD`, as `Display` writes it; anything else is `None`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let mut next = |len: usize| {
            let p = parts.next().filter(|p| p.len() == len)?;
            p.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| p.parse().ok())?
        };
        let (y, m, d) = (next(4)?, next(2)?, next(2)?);
        parts.next().is_none().then(|| Date::new(y, m, d))?
    }

    pub fn year(self) -> u32 {
        self.year.into()
    }

    /// The last day of `year`: what `bis Ende 2021` means.
    pub fn end_of_year(year: u32) -> Option<Date> {
        Date::new(year, 12, 31)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn only_days_the_calendar_has() {
        assert_eq!(Date::new(2021, 12, 2).unwrap().to_string(), "2021-12-02");
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2021, 4, 31).is_none());
        assert!(Date::new(2021, 13, 1).is_none());
        assert!(Date::new(2021, 1, 0).is_none());
        for s in ["2021-12-02", "1947-05-19"] {
            assert_eq!(Date::parse_iso(s).unwrap().to_string(), s);
        }
        for s in [
            "2021-02-31",
            "2021-1-02",
            "2021-12-02x",
            "21-12-02",
            "",
            "2021-12",
        ] {
            assert!(Date::parse_iso(s).is_none(), "{s}");
        }
        assert!(Date::new(1999, 12, 31) < Date::new(2000, 1, 1));
    }
}
