//! Languages and everything that makes text read right in one of them.

use std::fmt;
use std::str::FromStr;

mod dates;
mod grammar;
mod messages;
mod ordinals;
mod typography;

pub use dates::{date, date_range, date_with_weekday};
pub use grammar::{join_list, upper_first, with_a, with_article, with_de, without_article};
pub use messages::{Args, Messages};
pub use ordinals::ordinal;
pub use typography::{apostrophes, clean, french_spacing, number, phone};

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

/// Grammatical gender, for French agreement and English pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine: premier, le Secrétaire général, his.
    Masculine,
    /// Feminine: première, la Secrétaire générale, her.
    Feminine,
}
