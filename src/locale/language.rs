//! What a language is to noteverbale: the one interface each language's
//! module implements, for writing a note and for reading facts back out of it.

use chrono::{Datelike, NaiveDate, NaiveTime};
use regex::{Captures, Regex};

use super::{DateStyle, Gender};

/// No-break space: keeps the day on the same line as its month.
pub const NBSP: char = '\u{a0}';

/// The words of a period: `le`/`du`/`au` in French, `on`/`from`/`to` in
/// English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Before a single day: `le`, `on`.
    pub on: &'static str,
    /// Before the first day of a range: `du`, `from`.
    pub from: &'static str,
    /// Before the last day of a range: `au`, `to`.
    pub to: &'static str,
}

/// A pattern of the comparison's, compiled. Digits are written `[0-9]`, not
/// `\d`: the facts are read with `parse`, which knows no other digits, and
/// Unicode's `\d` made these patterns a fifth longer to compile.
pub fn pattern(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the comparison's patterns are valid")
}

/// The patterns with which the comparison reads facts from a text in a
/// language, compiled once.
#[derive(Debug)]
pub struct Reading {
    /// Dates, tried in order, each with the named groups `first` (the day),
    /// `month` (its name) and optionally `weekday`, `last` (the last day of
    /// a range) and `year`.
    pub dates: Vec<Regex>,
    /// Times of day, read by [`Language::times`].
    pub time: Regex,
    /// Ordinals in figures, group 1 the number (in digits or Roman).
    pub ordinal: Regex,
    /// Numbers in figures, as the language groups thousands and marks
    /// decimals.
    pub number: Regex,
}

/// One language's rules: how a note writes dates, times, numbers, lists,
/// articles and running text in it, and how the comparison of a note's
/// languages reads facts back from a text in it.
///
/// Month and weekday names, the period's words and the ordinals are all a
/// language needs for dates: the rest has a default that writes day, month,
/// year (`7\u{a0}December 2015`).
pub trait Language: Sync {
    /// The language's name in English, as messages name it: `French`.
    fn name(&self) -> &'static str;

    /// The names of the months, January first, as a date prints them.
    fn months(&self) -> &'static [&'static str; 12];

    /// This language writing its dates in `style`: itself, unless it
    /// writes them otherwise in that style (English in the United States'
    /// style: "August 14, 1987").
    fn dated(&self, style: DateStyle) -> &'static dyn Language;

    /// The names of the days of the week, Monday first.
    fn weekdays(&self) -> &'static [&'static str; 7];

    /// The day of the month alone: `4`; French writes the first `1er`.
    fn day(&self, d: NaiveDate) -> String {
        d.day().to_string()
    }

    /// Day and month without the year: `4\u{a0}septembre`.
    fn day_month(&self, d: NaiveDate) -> String {
        // month0() is always 0..=11, so indexing cannot fail.
        let month = self.months()[d.month0() as usize];
        format!("{}{NBSP}{month}", self.day(d))
    }

    /// A date in full: `7\u{a0}décembre 2015`, `7\u{a0}December 2015`.
    fn date(&self, d: NaiveDate) -> String {
        format!("{} {}", self.day_month(d), d.year())
    }

    /// The separator after a weekday before its date: ` `, `, `.
    fn weekday_separator(&self) -> &'static str {
        " "
    }

    /// A date with its weekday: `vendredi 18\u{a0}août 2017`,
    /// `Friday, 18\u{a0}August 2017`.
    fn date_with_weekday(&self, d: NaiveDate) -> String {
        let weekday = self.weekdays()[d.weekday().num_days_from_monday() as usize];
        format!("{weekday}{}{}", self.weekday_separator(), self.date(d))
    }

    /// The words of a period: `du … au …`.
    fn period(&self) -> Period;

    /// A period: `du 4 au 6\u{a0}septembre 2017`, a single day `le …`;
    /// month and year are written once when the two ends share them. If
    /// `end` is before `start` the two are swapped.
    fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        day_first_range(self, start, end)
    }

    /// A time of day in running text: `15\u{a0}h\u{a0}30`, `3.30\u{a0}p.m.`.
    fn time(&self, t: NaiveTime) -> String;

    /// The ordinal in words, lowercase, for 1..=999 (`None` outside):
    /// `vingt et unième`, `twenty-first`; `gender` is the noun's.
    fn ordinal(&self, n: u32, gender: Gender) -> Option<String>;

    /// The cardinal in words, lowercase, for 1..=999 (`None` outside):
    /// `soixante et onze`, `seventy-one`.
    fn cardinal(&self, n: u32) -> Option<String>;

    /// The word that joins the last item of a list: `et`, `and`.
    fn and(&self) -> &'static str;

    /// Items joined as in prose: `4, 5 et 6` (no serial comma).
    fn join_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [only] => only.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.and()),
        }
    }

    /// The noun phrase without its leading definite article, if it has one.
    fn without_article<'a>(&self, np: &'a str) -> &'a str;

    /// A noun with its definite article: `l’Assemblée`, `the Assembly`.
    fn with_article(&self, noun: &str, gender: Gender) -> String;

    /// "of" a noun phrase given with its article: `du Canada`, `of Canada`.
    fn of(&self, np: &str) -> String;

    /// "to" a noun phrase given with its article: `au Canada`, `to Canada`.
    fn to(&self, np: &str) -> String;

    /// A head of mission's title as the opening names the person after
    /// its compliments, with what the language puts before it and in
    /// agreement with `gender`: `au Chargé d'affaires par intérim`, `à la
    /// Chargée d'affaires par intérim`, `the Chargé d'affaires a.i.`; a title
    /// already so written is kept. `Err` says why a title cannot be so
    /// composed.
    fn addressed(&self, title: &str, gender: Gender) -> Result<String, String>;

    /// The start of a sentence, `before` (`et a l'honneur de`), and what
    /// continues it, `after` (`informer …`), joined as the language joins
    /// words: `et a l'honneur d'informer …`.
    fn continued(&self, before: &str, after: &str) -> String {
        format!("{before} {after}")
    }

    /// Running text with the language's typography: apostrophes, and in
    /// French the spaces before high punctuation and inside guillemets.
    fn typography(&self, text: &str) -> String;

    /// A telephone number in international form, from its country code and
    /// the rest (which starts with a space): `(+41) 22…`, `+41 22…`.
    fn phone(&self, code: &str, rest: &str) -> String;

    /// The separator of thousands in figures: `12\u{202f}345`, `12,345`.
    fn thousands_separator(&self) -> char;

    /// The decimal mark in figures: `2,5`, `2.5`.
    fn decimal_mark(&self) -> char;

    /// The patterns with which the comparison reads facts from a text.
    fn reading(&self) -> &Reading;

    /// The day of the month that a date read by [`Reading::dates`] writes
    /// (its `first` or `last` group): `4` is 4.
    fn day_number(&self, written: &str) -> Option<u32> {
        written.parse().ok()
    }

    /// The times of day, as hours and minutes, that a match of
    /// [`Reading::time`] states (both ends of a range).
    fn times(&self, captures: &Captures) -> Vec<(u32, u32)>;

    /// The words that end a range of dates before its last day: `au`, `to`.
    fn range_ends(&self) -> &'static [&'static str];

    /// The words, lowercase, that a number follows on the same line:
    /// `article`, `paragraphe`, `résolution`, `page`, `no.`
    /// ([`super::keep_together`]).
    fn numbered(&self) -> &'static [&'static str];

    /// How this language's notes report the verb with which a resolution's
    /// paragraph opens, when they write it otherwise: UN English reports
    /// what a resolution did in the past tense, `requests` is `requested`.
    /// `None` when the verb is written as it is (French keeps the verb of
    /// the resolution as adopted: `prie`).
    fn reported(&self, verb: &str) -> Option<&'static str> {
        let _ = verb;
        None
    }

    /// The Secretary-General, as running text names the office:
    /// `le Secrétaire général`, `the Secretary-General`.
    fn secretary_general(&self) -> &'static str;

    /// The titles that stay on the line of the name after them: `M.`,
    /// `Mme`, `Mr.`; initials (`J.`, `H.E.`) do in every language.
    fn titles(&self) -> &'static [&'static str];

    /// The value of one cardinal word, lowercase: `onze` is 11.
    fn cardinal_word(&self, word: &str) -> Option<u64>;

    /// The cardinal an ordinal word, lowercase, is made from: `septième`
    /// gives `sept`, `twentieth` gives `twenty`.
    fn ordinal_stem(&self, word: &str) -> Option<String>;

    /// Whether the word [`Language::and`] between `before` and `after`
    /// joins the parts of one number (`soixante et onze`) rather than two
    /// numbers.
    fn joins(&self, before: &str, after: &str) -> bool;

    /// Whether number words, lowercase, after the word `before`, are no
    /// number at all: an article (`une`), a percentage's `cent`, a fraction.
    fn not_a_number(&self, words: &[&str], before: Option<&str>) -> bool;
}

/// A period whose dates are written day first: `du 4 au 6\u{a0}septembre
/// 2017`, a single day `le …`; month and year are written once when the two
/// ends share them. If `end` is before `start` the two are swapped.
pub(super) fn day_first_range<L: Language + ?Sized>(
    language: &L,
    start: NaiveDate,
    end: NaiveDate,
) -> String {
    let (start, end) = if end < start {
        (end, start)
    } else {
        (start, end)
    };
    let Period { on, from, to } = language.period();
    if start == end {
        return format!("{on} {}", language.date(start));
    }
    let first = if start.year() != end.year() {
        language.date(start)
    } else if start.month() != end.month() {
        language.day_month(start)
    } else {
        language.day(start)
    };
    format!("{from} {first} {to} {}", language.date(end))
}
