//! Calendar arithmetic for period rows: the day a date starts with, and the
//! ISO week or month it falls in.

use serde::{Deserialize, Serialize};

/// The calendar unit of period rows and of the HTML trend chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// ISO week, `2026-W47`.
    Week,
    /// Calendar month, `2026-11`.
    Month,
}

impl Period {
    /// `week` or `month`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The period a `YYYY-MM-DD` day falls in.
    pub(super) fn of(self, (y, m, d): (i32, u32, u32)) -> String {
        match self {
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Week => {
                let (year, week) = iso_week(y, m, d);
                format!("{year:04}-W{week:02}")
            }
        }
    }
}

/// The day a date starts with: `2026-11-03` or `2026-11-03T10:00:00Z`.
pub(super) fn parse_day(date: &str) -> Option<(i32, u32, u32)> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        let part = date.get(from..to)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = (number(0, 4)? as i32, number(5, 7)?, number(8, 10)?);
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((y, m, d))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * i64::from((m + 9) % 12) + 2) / 5 + i64::from(d) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// ISO 8601 week-numbering year and week: weeks start on Monday, and week 1
/// is the one with the year's first Thursday.
fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let days = days_from_civil(y, m, d);
    let monday_based = (days + 3).rem_euclid(7);
    let thursday = days - monday_based + 3;
    let year = if thursday < days_from_civil(y, 1, 1) {
        y - 1
    } else if thursday >= days_from_civil(y + 1, 1, 1) {
        y + 1
    } else {
        y
    };
    (
        year,
        ((thursday - days_from_civil(year, 1, 1)) / 7 + 1) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_weeks_and_months() {
        for (date, week, month) in [
            ("2026-11-16", Some("2026-W47"), Some("2026-11")),
            ("2026-01-01", Some("2026-W01"), Some("2026-01")),
            ("2025-12-29", Some("2026-W01"), Some("2025-12")),
            ("2027-01-01", Some("2026-W53"), Some("2027-01")),
            ("2021-01-03", Some("2020-W53"), Some("2021-01")),
            ("2024-12-30", Some("2025-W01"), Some("2024-12")),
            ("2024-02-29T08:00:00Z", Some("2024-W09"), Some("2024-02")),
            ("2023-02-29", None, None),
            ("2026-13-01", None, None),
            ("2026-11-031", None, None),
            ("26-11-03", None, None),
            ("Nov 3, 2026", None, None),
            ("2026-1१-03", None, None),
        ] {
            let day = parse_day(date);
            assert_eq!(day.map(|d| Period::Week.of(d)).as_deref(), week, "{date}");
            assert_eq!(day.map(|d| Period::Month.of(d)).as_deref(), month, "{date}");
        }
    }
}
