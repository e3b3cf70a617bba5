//! Languages and everything that makes text read right in one of them.

use std::fmt;
use std::str::FromStr;

mod dates;
mod en;
mod fr;
mod grammar;
pub mod language;
mod messages;
mod ordinals;
pub mod together;
#[cfg(test)]
pub mod toy;
mod typography;

pub use dates::{
    DateStyle, date, date_in, date_range, date_range_in, date_with_weekday, date_with_weekday_in,
    month_names, time, weekday_names,
};
pub use en::English;
pub use fr::French;
pub use grammar::{
    join_list, lower_first, upper_first, with_a, with_article, with_de, without_article,
};
pub use language::Language;
pub use messages::{Args, Messages};
pub use ordinals::{cardinal, ordinal};
pub use together::keep_together;
pub use typography::{apostrophes, clean, french_spacing, number, phone, whole_phone_numbers};

/// A language a note is written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

/// A language's entry in [`LANGUAGES`].
struct Entry {
    /// The value code passes around.
    lang: Lang,
    /// The ISO 639-1 code.
    code: &'static str,
    /// Its rules.
    rules: &'static dyn Language,
}

/// Every supported language, in the order notes are produced and in the
/// order of [`Lang`]'s variants: its value, its code and its rules. A new
/// language is a variant, a module implementing [`Language`], its
/// `locales/<code>/*.ftl`, and one line here.
const LANGUAGES: [Entry; 2] = [
    Entry {
        lang: Lang::Fr,
        code: "fr",
        rules: &French,
    },
    Entry {
        lang: Lang::En,
        code: "en",
        rules: &English::UN,
    },
];

impl Lang {
    /// Every supported language, in the order notes are produced.
    pub const ALL: [Lang; LANGUAGES.len()] = {
        let mut all = [Lang::Fr; LANGUAGES.len()];
        let mut i = 0;
        while i < LANGUAGES.len() {
            all[i] = LANGUAGES[i].lang;
            i += 1;
        }
        all
    };

    /// The language's place in [`Lang::ALL`].
    pub fn index(self) -> usize {
        // The table lists the variants in their order.
        self as usize
    }

    fn entry(self) -> &'static Entry {
        &LANGUAGES[self.index()]
    }

    /// The codes of [`Lang::ALL`], in the same order.
    pub const CODES: [&'static str; LANGUAGES.len()] = {
        let mut codes = [""; LANGUAGES.len()];
        let mut i = 0;
        while i < LANGUAGES.len() {
            codes[i] = LANGUAGES[i].code;
            i += 1;
        }
        codes
    };

    /// The ISO 639-1 code: `fr`, `en`.
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The language's rules: its dates, numbers, articles, typography and
    /// the patterns that read facts from its texts.
    pub fn rules(self) -> &'static dyn Language {
        self.entry().rules
    }

    /// The language whose ISO 639-1 code is `code`.
    pub fn from_code(code: &str) -> Option<Lang> {
        LANGUAGES.iter().find(|e| e.code == code).map(|e| e.lang)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| {
            let codes: Vec<String> = LANGUAGES.iter().map(|e| format!("`{}`", e.code)).collect();
            format!("unknown language `{s}` (expected {})", codes.join(" or "))
        })
    }
}

/// Gender: a person's, for the formulas that agree with it (he, she), or a
/// French noun's, for the words that agree with it (la première Assemblée).
/// Written `male` or `female` for a person ([`person_gender`]), `masculine`
/// or `feminine` for a noun ([`noun_gender`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine: premier, le Secrétaire général, his.
    Masculine,
    /// Feminine: première, la Secrétaire générale, her.
    Feminine,
}

impl Gender {
    /// The noun's gender as a schema and a template name it: `masculine`,
    /// `feminine`.
    pub fn noun(self) -> &'static str {
        match self {
            Gender::Masculine => "masculine",
            Gender::Feminine => "feminine",
        }
    }

    /// The person's gender as the locales' selectors name it: `male`,
    /// `female`.
    pub fn person(self) -> &'static str {
        match self {
            Gender::Masculine => "male",
            Gender::Feminine => "female",
        }
    }
}

/// A person's gender, as a meeting file or a list of missions writes it:
/// `male` or `female`; for `#[serde(deserialize_with)]`.
pub fn person_gender<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Gender>, D::Error> {
    let word: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    word.map(|word| match word.as_str() {
        "male" => Ok(Gender::Masculine),
        "female" => Ok(Gender::Feminine),
        other => Err(serde::de::Error::unknown_variant(
            other,
            &["male", "female"],
        )),
    })
    .transpose()
}

/// A French noun's grammatical gender, as a meeting file writes it:
/// `masculine` or `feminine`; for `#[serde(deserialize_with)]`.
pub fn noun_gender<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Gender, D::Error> {
    let word: String = serde::Deserialize::deserialize(deserializer)?;
    match word.as_str() {
        "masculine" => Ok(Gender::Masculine),
        "feminine" => Ok(Gender::Feminine),
        other => Err(serde::de::Error::unknown_variant(
            other,
            &["masculine", "feminine"],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_variants() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i);
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
        assert_eq!(Lang::ALL, [Lang::Fr, Lang::En]);
        assert_eq!(
            "de".parse::<Lang>(),
            Err("unknown language `de` (expected `fr` or `en`)".to_owned())
        );
    }
}
