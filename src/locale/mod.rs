//! Languages and everything that makes text read right in one of them.

use std::fmt;
use std::str::FromStr;

mod dates;
mod grammar;
mod messages;
mod ordinals;
mod typography;

pub use dates::{date, date_range, date_with_weekday, month_names, time, weekday_names};
pub use grammar::{join_list, upper_first, with_a, with_article, with_de, without_article};
pub use messages::{Args, Messages};
pub use ordinals::ordinal;
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

impl Lang {
    /// Every supported language, in the order notes are produced.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The codes of [`Lang::ALL`], in the same order.
    pub const CODES: &'static [&'static str] = &["fr", "en"];

    /// The ISO 639-1 code: `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
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
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!(
                "unknown language `{other}` (expected `fr` or `en`)"
            )),
        }
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
