//! English dates and times of day: `1\u{a0}March 2018`, `3.30\u{a0}p.m.`.

use chrono::{NaiveTime, Timelike};

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
