//! What the opening and the closing say besides the sender and the
//! addressees: an earlier note referred to, and the closing's degree and
//! verb.

use serde::{Deserialize, Deserializer};

use crate::values::{Text, Translated};

/// What the opening refers to: an earlier note, by its reference and date,
/// or something else, written out (talks, a meeting, a letter).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefersTo {
    /// The earlier note's reference, printed as given: `ODA/12-2015/CCM`,
    /// `No. 75`.
    #[serde(default)]
    pub reference: Option<Text>,
    /// The earlier note's date.
    #[serde(default)]
    pub date: Option<crate::values::Date>,
    /// Whose note it is: the sender's own (the default) or the addressee's,
    /// for a reply.
    #[serde(default)]
    pub by: Side,
    /// What else the opening refers to, written out, French with its
    /// preposition: `{ fr: aux entretiens qui ont eu lieu à Bonn, en: the
    /// talks held at Bonn }`.
    #[serde(default)]
    pub to: Option<Translated>,
}

/// Whose note an earlier note is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The sender's own: "sa note", "its note".
    #[default]
    Sender,
    /// The addressee's: "la note … de l'Ambassade", "the Embassy's note".
    Addressee,
}

/// How the note opens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Opening {
    /// The sender presents its compliments to the addressees and has the
    /// honour to …, and the note closes with the assurances of its
    /// consideration.
    #[default]
    Compliments,
    /// The compliments as a sentence of their own, "… presents its
    /// compliments to …."; the paragraphs follow it as sentences of their
    /// own, and the note closes as any other.
    ComplimentsAlone,
    /// The United Nations depositary's notification: "The Secretary-General
    /// of the United Nations, acting in his capacity as depositary,
    /// communicates the following:", a sentence of its own, with no
    /// addressee and no closing.
    Depositary,
}

/// The closing formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// With its degree and verb.
    Formula {
        /// "très haute" / "highest", or "haute" / "high".
        degree: Degree,
        /// "avails itself of this opportunity" or "takes this opportunity"
        /// (French "saisit cette occasion" for both).
        verb: Verb,
    },
    /// No closing formula: `closing: none`.
    None,
}

impl Default for Closing {
    fn default() -> Self {
        Closing::Formula {
            degree: Degree::Highest,
            verb: Verb::Avails,
        }
    }
}

/// The closing's degree of consideration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Degree {
    /// "sa très haute considération", "its highest consideration".
    #[default]
    Highest,
    /// "sa haute considération", "its high consideration".
    High,
}

/// The closing's verb.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verb {
    /// "avails itself of this opportunity to renew".
    #[default]
    Avails,
    /// "takes this opportunity to renew".
    Takes,
}

impl<'de> Deserialize<'de> for Closing {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Given {
            #[serde(default)]
            degree: Degree,
            #[serde(default)]
            verb: Verb,
        }
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Closing;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`none`, or `{ degree: highest | high, verb: avails | takes }`")
            }

            fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<Closing, E> {
                match word {
                    "none" => Ok(Closing::None),
                    other => Err(E::invalid_value(serde::de::Unexpected::Str(other), &self)),
                }
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Closing, A::Error> {
                let given = Given::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Closing::Formula {
                    degree: given.degree,
                    verb: given.verb,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
