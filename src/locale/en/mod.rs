//! English: its dates, numbers in words, articles, typography, and the
//! patterns that read facts from an English text.

mod dates;
mod facts;
mod numbers;

#[cfg(test)]
pub use dates::MONTHS;

use chrono::NaiveTime;
use regex::Captures;

use super::language::{Language, Period, Reading};
use super::{Gender, typography};

/// The English language.
pub struct English;

impl Language for English {
    fn name(&self) -> &'static str {
        "English"
    }

    fn months(&self) -> &'static [&'static str; 12] {
        &dates::MONTHS
    }

    fn weekdays(&self) -> &'static [&'static str; 7] {
        &dates::WEEKDAYS
    }

    fn weekday_separator(&self) -> &'static str {
        ", "
    }

    fn period(&self) -> Period {
        Period {
            on: "on",
            from: "from",
            to: "to",
        }
    }

    fn time(&self, t: NaiveTime) -> String {
        dates::time(t)
    }

    fn ordinal(&self, n: u32, _gender: Gender) -> Option<String> {
        numbers::ordinal(n)
    }

    fn cardinal(&self, n: u32) -> Option<String> {
        numbers::cardinal_in_words(n)
    }

    fn and(&self) -> &'static str {
        "and"
    }

    /// `the ` or `The ` off the front.
    fn without_article<'a>(&self, np: &'a str) -> &'a str {
        np.strip_prefix("the ")
            .or_else(|| np.strip_prefix("The "))
            .unwrap_or(np)
    }

    fn with_article(&self, noun: &str, _gender: Gender) -> String {
        format!("the {noun}")
    }

    fn of(&self, np: &str) -> String {
        format!("of {np}")
    }

    fn to(&self, np: &str) -> String {
        format!("to {np}")
    }

    fn typography(&self, text: &str) -> String {
        typography::apostrophes(text)
    }

    fn phone(&self, code: &str, rest: &str) -> String {
        format!("+{code}{rest}")
    }

    fn thousands_separator(&self) -> char {
        ','
    }

    fn decimal_mark(&self) -> char {
        '.'
    }

    fn reading(&self) -> &Reading {
        &facts::READING
    }

    fn times(&self, captures: &Captures) -> Vec<(u32, u32)> {
        facts::times(captures)
    }

    fn range_ends(&self) -> &'static [&'static str] {
        &["to", "until"]
    }

    fn cardinal_word(&self, word: &str) -> Option<u64> {
        numbers::cardinal_word(word)
    }

    fn ordinal_stem(&self, word: &str) -> Option<String> {
        numbers::ordinal_stem(word)
    }

    fn joins(&self, before: &str, after: &str) -> bool {
        numbers::joins(before, after)
    }

    fn not_a_number(&self, words: &[&str], before: Option<&str>) -> bool {
        numbers::not_a_number(words, before)
    }
}
