//! Numbers written in words, cardinal and ordinal, in any language: "trois",
//! "soixante et onze", "seventy-first", "vingt-deuxième"; each language
//! gives its words (see [`Language`]), the sum is the same for all.

use crate::locale::{Lang, Language};

/// A number found in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InWords {
    /// Its value.
    pub value: u64,
    /// Whether it is an ordinal.
    pub ordinal: bool,
    /// Whether the words may well not be a number at all: a lone "deux",
    /// "premier", "second".
    pub weak: bool,
}

/// The number that `words` make, each lowercase, in `lang`: "soixante",
/// "et", "onze". The words are those of one number only; an ordinal is the
/// last.
#[cfg(test)]
fn number(words: &[&str], lang: Lang, before: Option<&str>) -> Option<InWords> {
    number_in(words, lang.rules(), before)
}

/// The number that `words` make, each lowercase, in `language`, after the
/// word `before`: none when the language says they are no number (a lone
/// "un", "une" or "one" is an article or a pronoun, "pour cent" a
/// percentage, "one third" a fraction).
pub fn number_in(words: &[&str], language: &dyn Language, before: Option<&str>) -> Option<InWords> {
    let (last, init) = words.split_last()?;
    if language.not_a_number(words, before) {
        return None;
    }
    let mut values = Vec::with_capacity(words.len());
    for word in init {
        if is_and(word, language) {
            continue;
        }
        values.push(language.cardinal_word(word)?);
    }
    let ordinal = match language.cardinal_word(last) {
        Some(value) => {
            values.push(value);
            false
        }
        None => {
            let stem = language.ordinal_stem(last)?;
            // Compound ordinals keep the stem's own hyphens: "vingt-deuxième".
            for part in stem.split('-') {
                values.push(language.cardinal_word(part)?);
            }
            true
        }
    };
    let value = sum(&values);
    Some(InWords {
        value,
        ordinal,
        // "deux" is "both" or "twice" as often as "two", and "premier" or
        // "second" is "Prime" or "secondly" as often as an ordinal.
        weak: words.len() == 1 && value <= 2,
    })
}

/// Whether `word` is a word for "and", "et": the text's language's or, as a
/// text may quote another, any language's.
pub fn is_and(word: &str, language: &dyn Language) -> bool {
    language.and() == word || Lang::ALL.iter().any(|lang| lang.rules().and() == word)
}

/// Whether `word` may be part of a number in words.
pub fn is_number_word(word: &str, language: &dyn Language) -> bool {
    language.cardinal_word(word).is_some()
        || language.ordinal_stem(word).is_some_and(|stem| {
            stem.split('-')
                .all(|part| language.cardinal_word(part).is_some())
        })
}

/// The value of cardinal parts in order: "quatre vingt dix" is 90, "two
/// thousand five hundred" 2,500.
fn sum(values: &[u64]) -> u64 {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    for &value in values {
        match value {
            100 => current = current.max(1).saturating_mul(100),
            1000 => {
                total = current.max(1).saturating_mul(1000).saturating_add(total);
                current = 0;
            }
            // "quatre-vingts": four twenties, after hundreds as well.
            20 if current % 100 == 4 => current += 76,
            _ => current = current.saturating_add(value),
        }
    }
    total.saturating_add(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(text: &str) -> Option<(u64, bool)> {
        let words: Vec<&str> = text.split([' ', '-']).collect();
        number(&words, Lang::Fr, None).map(|n| (n.value, n.ordinal))
    }

    fn en(text: &str) -> Option<(u64, bool)> {
        let words: Vec<&str> = text.split([' ', '-']).collect();
        number(&words, Lang::En, None).map(|n| (n.value, n.ordinal))
    }

    #[test]
    fn french_numbers() {
        assert_eq!(fr("trois"), Some((3, false)));
        assert_eq!(fr("soixante et onze"), Some((71, false)));
        assert_eq!(fr("soixante-dix"), Some((70, false)));
        assert_eq!(fr("quatre-vingt-dix-neuf"), Some((99, false)));
        assert_eq!(fr("quatre-vingts"), Some((80, false)));
        assert_eq!(fr("deux mille cinq cents"), Some((2500, false)));
        assert_eq!(fr("septième"), Some((7, true)));
        assert_eq!(fr("neuvième"), Some((9, true)));
        assert_eq!(fr("cinquième"), Some((5, true)));
        assert_eq!(fr("quatrième"), Some((4, true)));
        assert_eq!(fr("onzième"), Some((11, true)));
        assert_eq!(fr("soixante-douzième"), Some((72, true)));
        assert_eq!(fr("soixante et onzième"), Some((71, true)));
        assert_eq!(fr("vingt et unième"), Some((21, true)));
        assert_eq!(fr("première"), Some((1, true)));
        assert_eq!(fr("cent quatre-vingts"), Some((180, false)));
        assert_eq!(
            fr("mille neuf cent quatre-vingt-dix-neuf"),
            Some((1999, false))
        );
        assert_eq!(fr("cent quatre-vingtième"), Some((180, true)));
        assert_eq!(fr("septante"), Some((70, false)));
        assert!(fr(&["cent"; 12].join(" ")).is_some());
        assert_eq!(fr("une"), None);
        assert_eq!(fr("problème"), None);
    }

    #[test]
    fn english_numbers() {
        assert_eq!(en("three"), Some((3, false)));
        assert_eq!(en("seventy-one"), Some((71, false)));
        assert_eq!(en("one hundred and fifty"), Some((150, false)));
        assert_eq!(en("seventh"), Some((7, true)));
        assert_eq!(en("twentieth"), Some((20, true)));
        assert_eq!(en("seventy-second"), Some((72, true)));
        assert_eq!(en("twelfth"), Some((12, true)));
        assert_eq!(en("first"), Some((1, true)));
        assert_eq!(en("one hundred and eightieth"), Some((180, true)));
        assert_eq!(en("one third"), None);
        assert_eq!(en("one"), None);
        assert_eq!(en("month"), None);
        assert_eq!(en("north"), None);
    }
}
