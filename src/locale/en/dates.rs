//! English dates and times of day: `1\u{a0}March 2018`, `3.30\u{a0}p.m.`.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::locale::language::NBSP;

/// The months, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Monday first, as chrono numbers them.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A time of day as the United Nations writes it in English running text:
/// `10\u{a0}a.m.`, `3.30\u{a0}p.m.`, `noon`, `midnight`.
pub fn time(t: NaiveTime) -> String {
    match (t.hour(), t.minute()) {
        (12, 0) => "noon".to_owned(),
        (0, 0) => "midnight".to_owned(),
        (h, m) => {
            let half = if h < 12 { "a.m." } else { "p.m." };
            let h = match h % 12 {
                0 => 12,
                h => h,
            };
            match m {
                0 => format!("{h}{NBSP}{half}"),
                m => format!("{h}.{m:02}{NBSP}{half}"),
            }
        }
    }
}

/// Day and month, day first: `14\u{a0}August`.
pub fn day_month(d: NaiveDate) -> String {
    format!("{}{NBSP}{}", d.day(), MONTHS[d.month0() as usize])
}

/// Month and day, month first, as the United States writes them:
/// `August\u{a0}14`.
pub fn us_day_month(d: NaiveDate) -> String {
    format!("{}{NBSP}{}", MONTHS[d.month0() as usize], d.day())
}

/// A period month first: `from September\u{a0}4 to 6, 2017`, `from
/// August\u{a0}30 to September\u{a0}2, 2022`, `from December\u{a0}30, 2022
/// to January\u{a0}2, 2023`, a single day `on August\u{a0}14, 1987`.
pub fn us_range(start: NaiveDate, end: NaiveDate) -> String {
    let (start, end) = if end < start {
        (end, start)
    } else {
        (start, end)
    };
    let full = |d: NaiveDate| format!("{}, {}", us_day_month(d), d.year());
    if start == end {
        return format!("on {}", full(start));
    }
    if start.year() != end.year() {
        return format!("from {} to {}", full(start), full(end));
    }
    let last = if start.month() == end.month() {
        end.day().to_string()
    } else {
        us_day_month(end)
    };
    format!("from {} to {last}, {}", us_day_month(start), end.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_month_first_name_the_month_and_year_once() {
        assert_eq!(
            us_range(day(2017, 9, 4), day(2017, 9, 6)),
            format!("from September{NBSP}4 to 6, 2017")
        );
        assert_eq!(
            us_range(day(2022, 8, 30), day(2022, 9, 2)),
            format!("from August{NBSP}30 to September{NBSP}2, 2022")
        );
        assert_eq!(
            us_range(day(2022, 12, 30), day(2023, 1, 2)),
            format!("from December{NBSP}30, 2022 to January{NBSP}2, 2023")
        );
        assert_eq!(
            us_range(day(1987, 8, 14), day(1987, 8, 14)),
            format!("on August{NBSP}14, 1987")
        );
    }
}
