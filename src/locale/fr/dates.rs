//! French dates and times of day: `1er\u{a0}mars 2018`, `15\u{a0}h\u{a0}30`.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::locale::language::NBSP;

/// The months, January first.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Monday first, as chrono numbers them.
pub const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// The day number alone: the first of the month is `1er`.
pub fn day(d: NaiveDate) -> String {
    match d.day() {
        1 => "1er".to_owned(),
        n => n.to_string(),
    }
}

/// A time of day as the United Nations writes it in French running text:
/// `10\u{a0}heures`, `15\u{a0}h\u{a0}30`, `midi`, `minuit`.
pub fn time(t: NaiveTime) -> String {
    match (t.hour(), t.minute()) {
        (12, 0) => "midi".to_owned(),
        (0, 0) => "minuit".to_owned(),
        (1, 0) => format!("1{NBSP}heure"),
        (h, 0) => format!("{h}{NBSP}heures"),
        (h, m) => format!("{h}{NBSP}h{NBSP}{m:02}"),
    }
}
