//! English: its dates, numbers in words, articles, typography, and the
//! patterns that read facts from an English text.

mod dates;
mod facts;
mod numbers;

#[cfg(test)]
pub use dates::MONTHS;

use chrono::{Datelike, NaiveDate, NaiveTime};
use regex::Captures;

use super::language::{Language, Period, Reading};
use super::{DateStyle, Gender, typography};

/// The English language, its dates written as the United Nations writes
/// them ("14 August 1987") or as the United States does ("August 14,
/// 1987").
pub struct English {
    /// Whether dates are written month first.
    us_dates: bool,
}

impl English {
    /// English with the United Nations' dates.
    pub const UN: English = English { us_dates: false };
    /// English with the United States' dates.
    pub const US: English = English { us_dates: true };
}

impl Language for English {
    fn name(&self) -> &'static str {
        "English"
    }

    fn dated(&self, style: DateStyle) -> &'static dyn Language {
        match style {
            DateStyle::Un => &English::UN,
            DateStyle::Us => &English::US,
        }
    }

    /// "14\u{a0}August", or "August\u{a0}14" month first.
    fn day_month(&self, d: NaiveDate) -> String {
        if self.us_dates {
            dates::us_day_month(d)
        } else {
            dates::day_month(d)
        }
    }

    /// "14\u{a0}August 1987", or "August\u{a0}14, 1987" month first.
    fn date(&self, d: NaiveDate) -> String {
        if self.us_dates {
            format!("{}, {}", dates::us_day_month(d), d.year())
        } else {
            format!("{} {}", dates::day_month(d), d.year())
        }
    }

    /// "from 4 to 6\u{a0}September 2017", or "from September\u{a0}4 to 6,
    /// 2017" month first.
    fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        if self.us_dates {
            dates::us_range(start, end)
        } else {
            super::language::day_first_range(self, start, end)
        }
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

    /// `the Chargé d'affaires a.i.`; a title that begins with `the` is
    /// kept.
    fn addressed(&self, title: &str, _gender: Gender) -> Result<String, String> {
        let title = title.trim();
        if title.is_empty() {
            return Err("the title is empty".to_owned());
        }
        if let Some(rest) = title.strip_prefix("The ") {
            return Err(format!(
                "the title `{title}` begins with a capital, in the middle of the sentence: write `the {rest}`"
            ));
        }
        Ok(if title.starts_with("the ") {
            title.to_owned()
        } else {
            format!("the {title}")
        })
    }

    fn of(&self, np: &str) -> String {
        format!("of {np}")
    }

    fn to(&self, np: &str) -> String {
        format!("to {np}")
    }

    fn typography(&self, text: &str) -> String {
        super::keep_together(&typography::apostrophes(text), self)
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

    fn numbered(&self) -> &'static [&'static str] {
        &[
            "article",
            "articles",
            "art.",
            "paragraph",
            "paragraphs",
            "para.",
            "paras.",
            "subparagraph",
            "subparagraphs",
            "resolution",
            "resolutions",
            "decision",
            "decisions",
            "page",
            "pages",
            "p.",
            "pp.",
            "annex",
            "annexes",
            "chapter",
            "chapters",
            "section",
            "sections",
            "rule",
            "rules",
            "item",
            "items",
            "part",
            "parts",
            "volume",
            "vol.",
            "no.",
            "nos.",
            "§",
            "office",
            "room",
            "box",
            "suite",
        ]
    }

    fn reported(&self, verb: &str) -> Option<&'static str> {
        const VERBS: [(&str, &str); 24] = [
            ("requests", "requested"),
            ("urges", "urged"),
            ("invites", "invited"),
            ("decides", "decided"),
            ("calls", "called"),
            ("encourages", "encouraged"),
            ("welcomes", "welcomed"),
            ("notes", "noted"),
            ("recognizes", "recognized"),
            ("stresses", "stressed"),
            ("emphasizes", "emphasized"),
            ("reaffirms", "reaffirmed"),
            ("expresses", "expressed"),
            ("takes", "took"),
            ("underlines", "underlined"),
            ("acknowledges", "acknowledged"),
            ("appeals", "appealed"),
            ("authorizes", "authorized"),
            ("endorses", "endorsed"),
            ("approves", "approved"),
            ("recommends", "recommended"),
            ("reiterates", "reiterated"),
            ("affirms", "affirmed"),
            ("demands", "demanded"),
        ];
        let verb = verb.to_lowercase();
        VERBS
            .iter()
            .find(|(present, _)| *present == verb)
            .map(|&(_, past)| past)
    }

    fn secretary_general(&self) -> &'static str {
        "the Secretary-General"
    }

    fn titles(&self) -> &'static [&'static str] {
        &[
            "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "H.E.",
        ]
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
