//! French: its dates, numbers in words, articles, typography, and the
//! patterns that read facts from a French text.

mod dates;
mod facts;
mod grammar;
mod numbers;
mod typography;

#[cfg(test)]
pub use dates::MONTHS;
pub use grammar::{with_a, with_de};
pub use typography::french_spacing;

use chrono::{NaiveDate, NaiveTime};
use regex::Captures;

use super::Gender;
use super::language::{Language, Period, Reading};

/// Narrow no-break space: groups thousands.
const NNBSP: char = '\u{202f}';

/// The French language.
pub struct French;

impl Language for French {
    fn name(&self) -> &'static str {
        "French"
    }

    /// French writes its dates one way.
    fn dated(&self, _style: crate::locale::DateStyle) -> &'static dyn Language {
        &French
    }

    fn months(&self) -> &'static [&'static str; 12] {
        &dates::MONTHS
    }

    fn weekdays(&self) -> &'static [&'static str; 7] {
        &dates::WEEKDAYS
    }

    fn day(&self, d: NaiveDate) -> String {
        dates::day(d)
    }

    fn period(&self) -> Period {
        Period {
            on: "le",
            from: "du",
            to: "au",
        }
    }

    fn time(&self, t: NaiveTime) -> String {
        dates::time(t)
    }

    fn ordinal(&self, n: u32, gender: Gender) -> Option<String> {
        numbers::ordinal(n, gender)
    }

    fn cardinal(&self, n: u32) -> Option<String> {
        numbers::cardinal_in_words(n)
    }

    fn and(&self) -> &'static str {
        "et"
    }

    fn without_article<'a>(&self, np: &'a str) -> &'a str {
        grammar::without_article(np)
    }

    fn with_article(&self, noun: &str, gender: Gender) -> String {
        grammar::with_article(noun, gender)
    }

    fn of(&self, np: &str) -> String {
        grammar::with_de(np)
    }

    fn to(&self, np: &str) -> String {
        grammar::with_a(np)
    }

    fn addressed(&self, title: &str, gender: Gender) -> Result<String, String> {
        grammar::addressed(title, gender)
    }

    fn continued(&self, before: &str, after: &str) -> String {
        grammar::continued(before, after)
    }

    fn typography(&self, text: &str) -> String {
        // An omission in a quotation is the ellipsis in brackets, « […] »,
        // as the Imprimerie nationale sets it.
        let text = super::apostrophes(text);
        let text = if text.contains("[...]") {
            french_spacing(&text.replace("[...]", "[…]"))
        } else {
            french_spacing(&text)
        };
        super::keep_together(&typography::figures(&text), self)
    }

    fn phone(&self, code: &str, rest: &str) -> String {
        format!("(+{code}){rest}")
    }

    fn thousands_separator(&self) -> char {
        NNBSP
    }

    fn decimal_mark(&self) -> char {
        ','
    }

    fn reading(&self) -> &Reading {
        &facts::READING
    }

    /// `1er` and `1ᵉʳ` are the first.
    fn day_number(&self, written: &str) -> Option<u32> {
        written
            .trim_end_matches("er")
            .trim_end_matches("ᵉʳ")
            .parse()
            .ok()
    }

    fn times(&self, captures: &Captures) -> Vec<(u32, u32)> {
        facts::times(captures)
    }

    fn range_ends(&self) -> &'static [&'static str] {
        &["au", "jusqu'au", "jusqu’au"]
    }

    fn numbered(&self) -> &'static [&'static str] {
        &[
            "article",
            "articles",
            "art.",
            "paragraphe",
            "paragraphes",
            "par.",
            "alinéa",
            "alinéas",
            "résolution",
            "résolutions",
            "décision",
            "décisions",
            "page",
            "pages",
            "p.",
            "annexe",
            "annexes",
            "chapitre",
            "chapitres",
            "section",
            "sections",
            "règle",
            "règles",
            "point",
            "points",
            "partie",
            "parties",
            "titre",
            "tome",
            "volume",
            "vol.",
            "numéro",
            "numéros",
            "no",
            "nᵒ",
            "n°",
            "nº",
            "§",
            "bureau",
            "salle",
            "postale",
        ]
    }

    fn secretary_general(&self) -> &'static str {
        "le Secrétaire général"
    }

    fn titles(&self) -> &'static [&'static str] {
        &[
            "M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Pr", "Mgr", "S.E.",
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

#[cfg(test)]
mod omission_tests {
    use crate::locale::Lang;

    #[test]
    fn an_omission_in_a_french_quotation_is_the_ellipsis_in_brackets() {
        let french = Lang::Fr.rules();
        assert_eq!(
            french.typography("les coûts [...] seront pris en charge"),
            "les coûts […] seront pris en charge"
        );
        let english = Lang::En.rules();
        assert_eq!(
            english.typography("the costs [...] shall be borne"),
            "the costs [...] shall be borne"
        );
    }
}
