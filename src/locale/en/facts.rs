//! How the comparison reads facts from an English text: `from 4 to 6
//! September 2017`, `April 28, 2017`, `from 3 to 6 p.m.`, `7th`, `3,000.5`.

use std::sync::LazyLock;

use regex::Captures;

use super::dates::{MONTHS, WEEKDAYS};
use crate::locale::language::{Reading, pattern};

/// The English patterns, compiled once.
pub static READING: LazyLock<Reading> = LazyLock::new(|| {
    let days = WEEKDAYS.join("|");
    let months = MONTHS.join("|");
    Reading {
        dates: vec![
            // Day (to day) month (year), with the weekday before it.
            pattern(&format!(
                r"\b(?:(?P<weekday>{days}),?\s+)?(?P<first>[0-9]{{1,2}})(?:\s*(?:to|and|-|–)\s*(?:(?:{days}),?\s+)?(?P<last>[0-9]{{1,2}}))?\s+(?P<month>{months})\b(?:,?\s+(?P<year>[0-9]{{4}}))?"
            )),
            // Month day (to day)(, year), as the United States write it.
            pattern(&format!(
                r"\b(?:(?P<weekday>{days}),?\s+)?(?P<month>{months})\s+(?P<first>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:to|and|-|–)\s*(?P<last>[0-9]{{1,2}})(?:st|nd|rd|th)?)?\b(?:,\s*(?P<year>[0-9]{{4}}))?"
            )),
        ],
        // "from 10 a.m. to 1 p.m.", "from 3 to 6 p.m.", "noon", "midnight".
        time: pattern(
            r"(?i)\b(?:([0-9]{1,2})(?:[.:]([0-9]{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b)?\s*(?:to|and|-|–)\s*)?([0-9]{1,2})(?:[.:]([0-9]{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b)|\b(noon|midday|midnight)\b",
        ),
        ordinal: pattern(r"\b([0-9]+)(?:st|nd|rd|th)\b"),
        number: pattern(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"),
    }
});

/// The times, hours and minutes, of a match of the time pattern.
pub fn times(c: &Captures) -> Vec<(u32, u32)> {
    if let Some(word) = c.get(7) {
        return vec![(if word.as_str() == "midnight" { 0 } else { 12 }, 0)];
    }
    // The first time of a range takes the second's a.m. or p.m. when it
    // has none of its own: "from 3 to 6 p.m.".
    let meridiem = |i: usize| c.get(i).map(|m| m.as_str().to_lowercase().starts_with('p'));
    let last = meridiem(6).unwrap_or(false);
    let mut times = Vec::new();
    for (h, m, half) in [(1, 2, meridiem(3).unwrap_or(last)), (4, 5, last)] {
        let Some(hours) = c.get(h) else { continue };
        let hours: u32 = hours.as_str().parse().unwrap_or(99);
        let minutes: u32 = c.get(m).map_or(0, |m| m.as_str().parse().unwrap_or(99));
        times.push(match (hours, half) {
            (12, false) => (0, minutes),
            (12, true) => (12, minutes),
            (h, true) => (h + 12, minutes),
            (h, false) => (h, minutes),
        });
    }
    times
}
