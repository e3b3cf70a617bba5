//! The values every note is made of: texts in both languages, texts the
//! same in both, dates, times of day.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer};

use crate::locale::{Lang, clean};

thread_local! {
    /// The languages a text read now must give, as a set of places in
    /// [`Lang::ALL`]: every language, unless a meeting file written in
    /// fewer is being read ([`reading_in`]).
    static REQUIRED: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// Runs `read` with the texts it reads required in `languages` only: a
/// meeting file that says `languages: [en]` gives its texts in English
/// alone. serde gives a value no context as it is read, so the languages
/// are set for this thread while `read` runs, and restored after it.
pub fn reading_in<R>(languages: &[Lang], read: impl FnOnce() -> R) -> R {
    struct Restore(Option<u32>);
    impl Drop for Restore {
        fn drop(&mut self) {
            REQUIRED.set(self.0);
        }
    }
    let set = languages
        .iter()
        .fold(0, |set, lang| set | 1 << lang.index());
    let _restore = Restore(REQUIRED.replace(Some(set)));
    read()
}

/// The first language a text read now must give and `texts` lacks.
fn missing<T>(texts: &BTreeMap<Lang, T>) -> Option<Lang> {
    let required = REQUIRED.get();
    Lang::ALL.into_iter().find(|lang| {
        required.is_none_or(|set| set & 1 << lang.index() != 0) && !texts.contains_key(lang)
    })
}

/// A text in every language a note is written in, as a meeting file writes
/// it: one value a language, `{ fr: …, en: … }`, each language required
/// (each of those the file is written in, [`reading_in`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated(BTreeMap<Lang, String>);

impl Translated {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(&lang).map_or("", String::as_str)
    }

    /// The text in each language, as `text` gives it.
    pub fn from_fn(mut text: impl FnMut(Lang) -> String) -> Self {
        Self(
            Lang::ALL
                .into_iter()
                .map(|lang| (lang, text(lang)))
                .collect(),
        )
    }

    /// The texts given, or the first language that a text read now must
    /// give and they lack (every language, or those of the meeting file
    /// being read, [`reading_in`]).
    pub fn from_given(texts: impl IntoIterator<Item = (Lang, String)>) -> Result<Self, Lang> {
        let texts: BTreeMap<Lang, String> = texts.into_iter().collect();
        match missing(&texts) {
            Some(lang) => Err(lang),
            None => Ok(Self(texts)),
        }
    }

    /// Each language and its text, in the order of [`Lang::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(lang, text)| (*lang, text.as_str()))
    }
}

impl<'de> Deserialize<'de> for Translated {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TranslatedVisitor)
    }
}

struct TranslatedVisitor;

impl<'de> serde::de::Visitor<'de> for TranslatedVisitor {
    type Value = Translated;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        // The words serde gives a struct, which the hints of `crate::yaml`
        // recognize.
        f.write_str("struct Bilingual")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Translated, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some(LangKey(lang)) = map.next_key()? {
            if texts.contains_key(&lang) {
                return Err(serde::de::Error::duplicate_field(lang.code()));
            }
            let text: Cleaned = map.next_value()?;
            texts.insert(lang, text.0);
        }
        match missing(&texts) {
            Some(missing) => Err(serde::de::Error::missing_field(missing.code())),
            None => Ok(Translated(texts)),
        }
    }
}

/// A paragraph of a note, as a meeting file writes it: its text in every
/// language, `{ fr: …, en: … }`, with, beside the languages, how it is set:
/// `numbered: true` ("1.", "2."), `items: [{ fr, en }, …]` for lettered
/// items under it ("a)" in French, "(a)" in UN English), `quotation: true`
/// to set it off as a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its text.
    pub text: Translated,
    /// Whether it is numbered, after the numbered paragraphs before it.
    pub numbered: bool,
    /// The items under it, lettered.
    pub items: Vec<Translated>,
    /// Whether it is a quotation, set off from the body.
    pub quotation: bool,
}

impl From<Translated> for Paragraph {
    /// A paragraph of running text, neither numbered, nor with items, nor
    /// a quotation.
    fn from(text: Translated) -> Self {
        Paragraph {
            text,
            numbered: false,
            items: Vec::new(),
            quotation: false,
        }
    }
}

/// The keys of a paragraph besides its languages.
const PARAGRAPH_KEYS: [&str; 3] = ["numbered", "items", "quotation"];

impl<'de> Deserialize<'de> for Paragraph {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ParagraphVisitor)
    }
}

struct ParagraphVisitor;

impl<'de> serde::de::Visitor<'de> for ParagraphVisitor {
    type Value = Paragraph;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a paragraph in every language, `{ fr: …, en: … }`, with `numbered`, `items` or `quotation` beside them if need be")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Paragraph, A::Error> {
        let mut texts = BTreeMap::new();
        let mut paragraph = Paragraph {
            text: Translated(BTreeMap::new()),
            numbered: false,
            items: Vec::new(),
            quotation: false,
        };
        let mut seen = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(serde::de::Error::custom(format!("duplicate field `{key}`")));
            }
            seen.push(key.clone());
            match key.as_str() {
                "numbered" => paragraph.numbered = map.next_value()?,
                "items" => paragraph.items = map.next_value()?,
                "quotation" => paragraph.quotation = map.next_value()?,
                code => match code.parse::<Lang>() {
                    Ok(lang) => {
                        texts.insert(lang, map.next_value::<Cleaned>()?.0);
                    }
                    Err(_) => {
                        const KEYS: [&str; Lang::ALL.len() + PARAGRAPH_KEYS.len()] = {
                            let mut keys = [""; Lang::ALL.len() + PARAGRAPH_KEYS.len()];
                            let mut i = 0;
                            while i < keys.len() {
                                keys[i] = if i < Lang::CODES.len() {
                                    Lang::CODES[i]
                                } else {
                                    PARAGRAPH_KEYS[i - Lang::CODES.len()]
                                };
                                i += 1;
                            }
                            keys
                        };
                        return Err(serde::de::Error::unknown_field(code, &KEYS));
                    }
                },
            }
        }
        match missing(&texts) {
            Some(missing) => Err(serde::de::Error::missing_field(missing.code())),
            None => {
                paragraph.text = Translated(texts);
                Ok(paragraph)
            }
        }
    }
}

/// A language's code as the key of a text: a key that is none is an
/// unknown field, at its own place.
struct LangKey(Lang);

impl<'de> Deserialize<'de> for LangKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        key.parse()
            .map(LangKey)
            .map_err(|_| serde::de::Error::unknown_field(&key, &Lang::CODES))
    }
}

/// A scalar as text, its white space cleaned.
struct Cleaned(String);

impl<'de> Deserialize<'de> for Cleaned {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        cleaned(deserializer).map(Cleaned)
    }
}

/// A text printed as given in every language, with its white space cleaned.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Text(#[serde(deserialize_with = "cleaned")] pub String);

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An optional scalar as text, its white space cleaned; for
/// `#[serde(deserialize_with)]`.
pub(crate) fn cleaned_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(Option::<Cleaned>::deserialize(deserializer)?.map(|c| c.0))
}

fn cleaned<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(clean(&deserializer.deserialize_any(Scalar)?))
}

/// Any scalar as text: a meeting file may write `resolution: 70`, which is
/// then found not to be a symbol, rather than refused as a number.
struct Scalar;

impl serde::de::Visitor<'_> for Scalar {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// A calendar date, written `2017-09-04` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parsed(deserializer, parse_date).map(Date)
    }
}

/// A scalar, read as text and parsed by `parse`, whose error says in words
/// what is wrong.
fn parsed<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    let text = deserializer.deserialize_any(Scalar)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// A date written `2017-09-04`; what is wrong with any other text, in words.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        return Ok(date);
    }
    let numbers: Vec<Option<u32>> = trimmed
        .split('-')
        .map(|part| {
            (!part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect();
    let general =
        || format!("`{text}` is not a date written year-month-day; write it as 2017-09-04");
    let [Some(year), Some(month), Some(day)] = numbers.as_slice() else {
        return Err(general());
    };
    let year = *year as i32;
    let why = match u8::try_from(*month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
    {
        None => "a year has 12 months".to_owned(),
        Some(_) if *day == 0 => "days are numbered from 1".to_owned(),
        Some(name) if *day > days_in_month(year, *month) => {
            let days = days_in_month(year, *month);
            if *month == 2 {
                format!("{} {year} has {days} days", name.name())
            } else {
                format!("{} has {days} days", name.name())
            }
        }
        // Digits that chrono reads otherwise: `2017-09-004`, `17-09-04`.
        Some(_) => return Err(general()),
    };
    Err(format!("`{text}` is not a date: {why}"))
}

/// A time of day, written `15:30` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time(pub NaiveTime);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parsed(deserializer, parse_time).map(Time)
    }
}

/// A time written `15:30` or `9:05`, on the 24-hour clock; what is wrong
/// with any other text, in words.
pub(crate) fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let general = || {
        format!(
            "`{text}` is not a time written hours:minutes; write it on the 24-hour clock, as 15:30"
        )
    };
    let (hours, minutes) = text.trim().split_once(':').ok_or_else(general)?;
    let number = |part: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (Some(hours), Some(minutes)) = (number(hours, 1..=2), number(minutes, 2..=2)) else {
        return Err(general());
    };
    if hours > 23 {
        return Err(format!(
            "`{text}` is not a time of day: the hours go from 0 to 23 (midnight is 0:00)"
        ));
    }
    if minutes > 59 {
        return Err(format!(
            "`{text}` is not a time of day: the minutes go from 00 to 59"
        ));
    }
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(general)
}

/// How many days a month has.
fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|first| first.pred_opt())
        .map_or(31, |last| last.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_on_the_24_hour_clock() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_time("15:30"), Ok(at(15, 30)));
        assert_eq!(parse_time("9:05"), Ok(at(9, 5)));
        assert_eq!(parse_time("00:00"), Ok(at(0, 0)));
        assert_eq!(
            parse_time("24:00").unwrap_err(),
            "`24:00` is not a time of day: the hours go from 0 to 23 (midnight is 0:00)"
        );
        assert_eq!(
            parse_time("10:60").unwrap_err(),
            "`10:60` is not a time of day: the minutes go from 00 to 59"
        );
        for bad in ["10h30", "10", "10:5", "3 p.m.", "10:30:00", ":30"] {
            assert!(parse_time(bad).unwrap_err().ends_with("as 15:30"), "{bad}");
        }
    }

    #[test]
    fn impossible_dates_are_explained_in_words() {
        for (text, message) in [
            (
                "2018-09-31",
                "`2018-09-31` is not a date: September has 30 days",
            ),
            (
                "2019-02-29",
                "`2019-02-29` is not a date: February 2019 has 28 days",
            ),
            (
                "2017-13-01",
                "`2017-13-01` is not a date: a year has 12 months",
            ),
            (
                "2017-09-00",
                "`2017-09-00` is not a date: days are numbered from 1",
            ),
            (
                "04/09/2017",
                "`04/09/2017` is not a date written year-month-day; write it as 2017-09-04",
            ),
            (
                "2017-09-004",
                "`2017-09-004` is not a date written year-month-day; write it as 2017-09-04",
            ),
        ] {
            assert_eq!(parse_date(text).unwrap_err(), message);
        }
        assert_eq!(
            parse_date("2020-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
    }
}
