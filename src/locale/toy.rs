//! A toy language, for tests only: dates written `4-a de septembro 2017`,
//! with its own month names, times `15:30`, ordinals `4-a`, and its own
//! typography. It proves that a language is one module behind
//! [`Language`]: nothing of French or English is touched to add it.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use regex::{Captures, Regex};

use super::language::{Language, Period, Reading};
use super::{Gender, apostrophes};

const MONTHS: [&str; 12] = [
    "januaro",
    "februaro",
    "marto",
    "aprilo",
    "majo",
    "junio",
    "julio",
    "aŭgusto",
    "septembro",
    "oktobro",
    "novembro",
    "decembro",
];

const WEEKDAYS: [&str; 7] = [
    "lundo", "mardo", "merkredo", "ĵaŭdo", "vendredo", "sabato", "dimanĉo",
];

const UNITS: [&str; 10] = [
    "unu", "du", "tri", "kvar", "kvin", "ses", "sep", "ok", "naŭ", "dek",
];

static READING: LazyLock<Reading> = LazyLock::new(|| {
    let days = WEEKDAYS.join("|");
    let months = MONTHS.join("|");
    let regex = |pattern: &str| Regex::new(pattern).expect("valid toy pattern");
    Reading {
        dates: vec![regex(&format!(
            r"(?i)\b(?:(?P<weekday>{days})\s+)?(?P<first>\d{{1,2}})-a(?:\s+ĝis\s+(?P<last>\d{{1,2}})-a)?\s+de\s+(?P<month>{months})\b(?:\s+(?P<year>\d{{4}}))?"
        ))],
        time: regex(r"\b(\d{1,2}):(\d{2})\b"),
        ordinal: regex(r"\b(\d+)-a\b"),
        number: regex(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"),
    }
});

/// The toy language.
pub struct Toy;

impl Language for Toy {
    fn addressed(&self, title: &str, _gender: Gender) -> Result<String, String> {
        Ok(title.to_owned())
    }

    fn dated(&self, _style: crate::locale::DateStyle) -> &'static dyn Language {
        &Toy
    }

    fn name(&self) -> &'static str {
        "Toy"
    }

    fn months(&self) -> &'static [&'static str; 12] {
        &MONTHS
    }

    fn weekdays(&self) -> &'static [&'static str; 7] {
        &WEEKDAYS
    }

    fn day(&self, d: NaiveDate) -> String {
        format!("{}-a", d.day())
    }

    fn day_month(&self, d: NaiveDate) -> String {
        format!("{} de {}", self.day(d), MONTHS[d.month0() as usize])
    }

    fn period(&self) -> Period {
        Period {
            on: "je",
            from: "de",
            to: "ĝis",
        }
    }

    fn time(&self, t: NaiveTime) -> String {
        format!("{}:{:02}", t.hour(), t.minute())
    }

    fn ordinal(&self, n: u32, _gender: Gender) -> Option<String> {
        self.cardinal(n).map(|cardinal| format!("{cardinal}a"))
    }

    fn cardinal(&self, n: u32) -> Option<String> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        UNITS.get(i).map(|unit| (*unit).to_owned())
    }

    fn and(&self) -> &'static str {
        "kaj"
    }

    fn without_article<'a>(&self, np: &'a str) -> &'a str {
        np.strip_prefix("la ").unwrap_or(np)
    }

    fn with_article(&self, noun: &str, _gender: Gender) -> String {
        format!("la {noun}")
    }

    fn of(&self, np: &str) -> String {
        format!("de {np}")
    }

    fn to(&self, np: &str) -> String {
        format!("al {np}")
    }

    /// Typographic apostrophes, and an em dash for a double hyphen.
    fn typography(&self, text: &str) -> String {
        apostrophes(text).replace("--", "—")
    }

    fn phone(&self, code: &str, rest: &str) -> String {
        format!("00{code}{rest}")
    }

    fn thousands_separator(&self) -> char {
        '.'
    }

    fn decimal_mark(&self) -> char {
        ','
    }

    fn reading(&self) -> &Reading {
        &READING
    }

    fn times(&self, captures: &Captures) -> Vec<(u32, u32)> {
        let part = |i: usize| captures[i].parse().unwrap_or(99);
        vec![(part(1), part(2))]
    }

    fn range_ends(&self) -> &'static [&'static str] {
        &["ĝis"]
    }

    fn numbered(&self) -> &'static [&'static str] {
        &["artikolo", "paragrafo"]
    }

    fn secretary_general(&self) -> &'static str {
        "la Ĝenerala Sekretario"
    }

    fn titles(&self) -> &'static [&'static str] {
        &["s-ro", "s-ino"]
    }

    fn cardinal_word(&self, word: &str) -> Option<u64> {
        UNITS.iter().position(|u| *u == word).map(|i| i as u64 + 1)
    }

    fn ordinal_stem(&self, word: &str) -> Option<String> {
        word.strip_suffix('a').map(str::to_owned)
    }

    fn joins(&self, _before: &str, _after: &str) -> bool {
        false
    }

    fn not_a_number(&self, _words: &[&str], _before: Option<&str>) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn dates_ranges_times_and_ordinals_of_a_new_language() {
        assert_eq!(Toy.date(ymd(2017, 9, 4)), "4-a de septembro 2017");
        assert_eq!(
            Toy.date_with_weekday(ymd(2017, 8, 18)),
            "vendredo 18-a de aŭgusto 2017"
        );
        assert_eq!(
            Toy.date_range(ymd(2017, 9, 6), ymd(2017, 9, 4)),
            "de 4-a ĝis 6-a de septembro 2017"
        );
        assert_eq!(
            Toy.date_range(ymd(2022, 8, 30), ymd(2022, 9, 2)),
            "de 30-a de aŭgusto ĝis 2-a de septembro 2022"
        );
        assert_eq!(
            Toy.date_range(ymd(2017, 9, 4), ymd(2017, 9, 4)),
            "je 4-a de septembro 2017"
        );
        let at = NaiveTime::from_hms_opt(15, 30, 0).expect("valid test time");
        assert_eq!(Toy.time(at), "15:30");
        assert_eq!(Toy.ordinal(7, Gender::Feminine).as_deref(), Some("sepa"));
        assert_eq!(Toy.ordinal(11, Gender::Masculine), None);
        assert_eq!(
            Toy.join_list(&["4".into(), "5".into(), "6".into()]),
            "4, 5 kaj 6"
        );
        assert_eq!(Toy.typography("l'afero -- fino"), "l’afero — fino");
        assert_eq!(
            Toy.of(&Toy.with_article("urbo", Gender::Feminine)),
            "de la urbo"
        );
        assert_eq!(Toy.without_article("la urbo"), "urbo");
    }
}
