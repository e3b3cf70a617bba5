//! How the comparison reads facts from a French text: `du 4 au 6 septembre
//! 2017`, `de 10 à 13 heures`, `7e`, `XXIe`, `3 000,5`.

use std::sync::LazyLock;

use regex::Captures;

use super::dates::{MONTHS, WEEKDAYS};
use crate::locale::language::{Reading, pattern};

/// The French patterns, compiled once.
pub static READING: LazyLock<Reading> = LazyLock::new(|| {
    let days = WEEKDAYS.join("|");
    let months = MONTHS.join("|");
    Reading {
        // Day (to day) month (year), with the weekday before it.
        dates: vec![pattern(&format!(
            r"(?i)\b(?:(?P<weekday>{days})\s+)?(?P<first>1er|1ᵉʳ|[0-9]{{1,2}})(?:\s*(?:au|et|à|-|–)\s*(?:(?:{days})\s+)?(?P<last>1er|1ᵉʳ|[0-9]{{1,2}}))?\s+(?P<month>{months})\b(?:\s+(?P<year>[0-9]{{4}}))?"
        ))],
        // "de 10 à 13 heures", "à 15 h 30", "midi" (not "après-midi").
        time: pattern(
            r"\b(?:([0-9]{1,2})(?:\s*h\s*([0-9]{2}))?\s*(?:à|et|-|–)\s*)?([0-9]{1,2})\s*(?:h|heures?)(?:\s*([0-9]{2}))?\b|(?:^|[^-\p{L}])(midi|minuit)\b",
        ),
        // Roman numerals of two letters at least, so that "Le" and "Ce" stay words.
        ordinal: pattern(r"\b([0-9]+|[IVXLC]{2,})(?:ers?|res?|ères?|es|e|èmes?|è|ᵉʳ|ᵉ)(?:\b|$)"),
        // Section numbers, "3.2", "16.4.1", are written alike in both languages.
        number: pattern(
            r"[0-9]+(?:\.[0-9]+)+|[0-9]{1,3}(?:[\u{a0}\u{202f} ][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?",
        ),
    }
});

/// The times, hours and minutes, of a match of the time pattern.
pub fn times(c: &Captures) -> Vec<(u32, u32)> {
    if let Some(word) = c.get(5) {
        return vec![(if word.as_str() == "midi" { 12 } else { 0 }, 0)];
    }
    let minutes = |i| c.get(i).map_or(Some(0), |m| m.as_str().parse().ok());
    let mut times = Vec::new();
    for (h, m) in [(1, 2), (3, 4)] {
        if let (Some(hours), Some(minutes)) = (c.get(h), minutes(m)) {
            times.push((hours.as_str().parse().unwrap_or(99), minutes));
        }
    }
    times
}
