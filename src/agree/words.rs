//! Numbers written in words, cardinal and ordinal, in French and English:
//! "trois", "soixante et onze", "seventy-first", "vingt-deuxième".

use crate::locale::Lang;

/// The value of one cardinal word.
fn cardinal(word: &str, lang: Lang) -> Option<u64> {
    Some(match lang {
        Lang::Fr => match word {
            "un" | "une" => 1,
            "deux" => 2,
            "trois" => 3,
            "quatre" => 4,
            "cinq" => 5,
            "six" => 6,
            "sept" => 7,
            "huit" => 8,
            "neuf" => 9,
            "dix" => 10,
            "onze" => 11,
            "douze" => 12,
            "treize" => 13,
            "quatorze" => 14,
            "quinze" => 15,
            "seize" => 16,
            "vingt" | "vingts" => 20,
            "trente" => 30,
            "quarante" => 40,
            "cinquante" => 50,
            "soixante" => 60,
            // As Belgium and Switzerland count.
            "septante" => 70,
            "huitante" | "octante" => 80,
            "nonante" => 90,
            "cent" | "cents" => 100,
            "mille" => 1000,
            _ => return None,
        },
        Lang::En => match word {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => 100,
            "thousand" => 1000,
            _ => return None,
        },
    })
}

/// The cardinal an ordinal word is made from: "septième" gives "sept",
/// "twentieth" gives "twenty".
fn ordinal_stem(word: &str, lang: Lang) -> Option<String> {
    match lang {
        Lang::Fr => {
            if matches!(word, "premier" | "première" | "unième") {
                return Some("un".into());
            }
            if matches!(word, "second" | "seconde") {
                return Some("deux".into());
            }
            let stem = word.strip_suffix("ième")?;
            Some(match stem {
                "cinqu" => "cinq".into(),
                "neuv" => "neuf".into(),
                _ if cardinal(stem, lang).is_some() => stem.into(),
                _ => format!("{stem}e"),
            })
        }
        Lang::En => Some(
            match word {
                "first" => "one",
                "second" => "two",
                "third" => "three",
                "fifth" => "five",
                "eighth" => "eight",
                "ninth" => "nine",
                "twelfth" => "twelve",
                _ => {
                    if let Some(stem) = word.strip_suffix("ieth") {
                        return Some(format!("{stem}y"));
                    }
                    return word.strip_suffix("th").map(str::to_owned);
                }
            }
            .into(),
        ),
    }
}

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

/// The number that `words` make, each lowercase: "soixante", "et", "onze".
/// A lone "un", "une" or "one" is an article or a pronoun, not a number;
/// "cent" after "pour" is the percentage's. The words are those of one
/// number only; an ordinal is the last.
pub fn number(words: &[&str], lang: Lang, before: Option<&str>) -> Option<InWords> {
    let (last, init) = words.split_last()?;
    if words.len() == 1 && matches!(*last, "un" | "une" | "one") {
        return None;
    }
    if lang == Lang::Fr && words.len() == 1 && matches!(*last, "cent") && before == Some("pour") {
        return None;
    }
    // English writes "one third", "two fifths": a unit before an ordinal
    // makes a fraction.
    if lang == Lang::En
        && let [unit, fraction] = words
        && cardinal(unit, lang).is_some_and(|u| u < 10)
        && cardinal(fraction, lang).is_none()
    {
        return None;
    }
    let mut values = Vec::with_capacity(words.len());
    for word in init {
        if matches!(*word, "et" | "and") {
            continue;
        }
        values.push(cardinal(word, lang)?);
    }
    let ordinal = match cardinal(last, lang) {
        Some(value) => {
            values.push(value);
            false
        }
        None => {
            let stem = ordinal_stem(last, lang)?;
            // Compound ordinals keep the stem's own hyphens: "vingt-deuxième".
            for part in stem.split('-') {
                values.push(cardinal(part, lang)?);
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

/// Whether "et" or "and" between `before` and `after` joins the parts of
/// one number, "soixante et onze", "one hundred and five", rather than two
/// numbers, "trois et quatre".
pub fn joins(before: &str, after: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => {
            matches!(
                before,
                "vingt" | "trente" | "quarante" | "cinquante" | "soixante"
            ) && matches!(after, "un" | "une" | "onze" | "unième" | "onzième")
        }
        Lang::En => matches!(before, "hundred" | "thousand"),
    }
}

/// Whether `word` may be part of a number in words.
pub fn is_number_word(word: &str, lang: Lang) -> bool {
    cardinal(word, lang).is_some()
        || ordinal_stem(word, lang)
            .is_some_and(|stem| stem.split('-').all(|part| cardinal(part, lang).is_some()))
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
