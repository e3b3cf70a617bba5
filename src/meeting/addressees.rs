//! Who receives a note: the set forms of the addressees, one mission, the
//! Secretary-General, an office, a ministry or an embassy, text, or nobody.

use serde::{Deserialize, Deserializer};

use super::Role;
use crate::error::Diagnostic;
use crate::locale::{Gender, Lang};
use crate::values::{Text, Translated};
use crate::yaml::YamlFile;

/// Who receives the note: the form of the addressees in the opening, and,
/// when the closing names them otherwise, the closing's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Addressees {
    /// Who they are.
    pub form: Addressee,
    /// The addressees as the closing names them, written as it prints them
    /// ("au Ministère des affaires étrangères", "the Ministry"), when not
    /// as the opening does.
    pub closing: Option<Translated>,
    /// The addressee's postal address, its lines as given, for the block
    /// at the foot of bilateral notes (`addressee_block: true`).
    pub address: Vec<Text>,
}

/// Who receives a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Addressee {
    /// The Member States and the observer States: `circular`.
    #[default]
    Circular,
    /// The Member States alone: `member-states`.
    MemberStates,
    /// Every State: `all-states`.
    AllStates,
    /// The States parties to a treaty, named with its article: `{
    /// states-parties: { fr: la Convention …, en: the Convention … } }`.
    StatesParties(Translated),
    /// One permanent mission, by its State: `{ mission: FRA }`; the gender
    /// of its head, when the note is addressed to the person.
    Mission {
        /// The State, by its code or a name.
        state: Text,
        /// The head of mission's gender, if known.
        gender: Option<Gender>,
    },
    /// The Secretary-General of the United Nations.
    SecretaryGeneral {
        /// The Secretary-General's gender, if known.
        gender: Option<Gender>,
    },
    /// An office, a ministry or an embassy, named with its article, and
    /// its short form for the closing.
    Body {
        /// What it is.
        role: Role,
        /// Its name: "le Ministère des affaires étrangères …".
        name: Translated,
        /// Its short form: "le Ministère".
        short: Option<Translated>,
    },
    /// The addressees written out, French with its preposition and
    /// contraction ("au Secrétaire exécutif"), English without ("the
    /// Executive Secretary").
    Named(Translated),
    /// Nobody: a notification ("présente ses compliments et a l'honneur
    /// de …").
    None,
}

impl Addressees {
    /// What the forms cannot say alone: a known State, French with its
    /// preposition.
    pub(super) fn check(&self, file: &YamlFile) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        match &self.form {
            Addressee::Mission { state, .. } => {
                if let Err(hints) = crate::states::States::builtin().code_of(&state.0) {
                    let mut error = file.error(
                        "addressees.mission",
                        format!("`{}` is not a State of the list of missions", state.0),
                    );
                    error.hints = hints;
                    problems.push(error);
                }
            }
            Addressee::Named(text) => {
                problems.extend(preposition(file, "addressees.fr", text));
            }
            _ => {}
        }
        if let Some(closing) = &self.closing {
            problems.extend(preposition(file, "addressees.closing.fr", closing));
        }
        problems
    }
}

/// A mistake if the French of `text`, which follows « présente ses
/// compliments » or « renouveler », does not begin with its preposition.
pub(super) fn preposition(file: &YamlFile, at: &str, text: &Translated) -> Option<Diagnostic> {
    with_preposition(
        file,
        at,
        text,
        "the French addressees",
        "French names the addressees after « présente ses compliments » with à, au or aux, in lowercase: `aux missions permanentes …`, `au Ministère …`, `à l'Ambassade …`",
    )
}

/// Whether a French text that continues a sentence, `what` the message
/// calls it, begins with à, au or aux in lowercase; `hint` says how.
pub(super) fn with_preposition(
    file: &YamlFile,
    at: &str,
    text: &Translated,
    what: &str,
    hint: &str,
) -> Option<Diagnostic> {
    // A note written without French (`languages: [en]`) has none to check.
    let (_, french) = text.iter().find(|(lang, _)| *lang == Lang::Fr)?;
    let (first, rest) = french
        .split_once([' ', '\u{a0}', '\'', '’'])
        .unwrap_or((french, ""));
    if ["à", "au", "aux"].contains(&first) && !rest.trim().is_empty() {
        return None;
    }
    let message = if ["À", "Au", "Aux", "AU", "AUX", "A"].contains(&first) {
        format!("{what} begin with a capital, in the middle of the sentence: `{french}`")
    } else {
        format!("{what} do not begin with their preposition: `{french}`")
    };
    Some(file.error(at, message).hint(hint.to_owned()))
}

/// The keywords of the addressees' forms.
const KEYWORDS: &[&str] = &[
    "circular",
    "member-states",
    "all-states",
    "secretary-general",
    "none",
];

impl Addressee {
    fn keyword(word: &str, gender: Option<Gender>) -> Option<Self> {
        Some(match word {
            "circular" => Addressee::Circular,
            "member-states" => Addressee::MemberStates,
            "all-states" => Addressee::AllStates,
            "secretary-general" => Addressee::SecretaryGeneral { gender },
            "none" => Addressee::None,
            _ => return None,
        })
    }
}

/// The addressees as a mapping.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct AddresseesMap {
    #[serde(default, deserialize_with = "crate::values::cleaned_option")]
    fr: Option<String>,
    #[serde(default, deserialize_with = "crate::values::cleaned_option")]
    en: Option<String>,
    #[serde(default)]
    form: Option<String>,
    #[serde(default)]
    states_parties: Option<Translated>,
    #[serde(default)]
    mission: Option<Text>,
    #[serde(default)]
    office: Option<Translated>,
    #[serde(default)]
    ministry: Option<Translated>,
    #[serde(default)]
    embassy: Option<Translated>,
    #[serde(default)]
    short: Option<Translated>,
    #[serde(default, deserialize_with = "crate::locale::person_gender")]
    gender: Option<Gender>,
    #[serde(default)]
    closing: Option<Translated>,
    #[serde(default)]
    address: Vec<Text>,
}

impl AddresseesMap {
    fn into_addressees(self) -> Result<Addressees, String> {
        let given: Vec<(Lang, String)> = [(Lang::Fr, self.fr), (Lang::En, self.en)]
            .into_iter()
            .filter_map(|(lang, text)| Some((lang, text?)))
            .collect();
        let text = if given.is_empty() {
            None
        } else {
            Some(Translated::from_given(given).map_err(|lang| {
                format!(
                    "the addressees written out lack their {} text: {{ fr: \"aux …\", en: \"the …\" }}",
                    lang.rules().name()
                )
            })?)
        };
        let mut forms = Vec::new();
        if let Some(text) = text {
            forms.push(Addressee::Named(text));
        }
        if let Some(word) = &self.form {
            forms.push(Addressee::keyword(word, self.gender).ok_or_else(|| {
                format!(
                    "unknown form `{word}`, expected one of {}",
                    crate::yaml::code_list(KEYWORDS)
                )
            })?);
        }
        if let Some(treaty) = self.states_parties {
            forms.push(Addressee::StatesParties(treaty));
        }
        if let Some(state) = self.mission {
            forms.push(Addressee::Mission {
                state,
                gender: self.gender,
            });
        }
        for (role, name) in [
            (Role::Office, self.office),
            (Role::Ministry, self.ministry),
            (Role::Embassy, self.embassy),
        ] {
            if let Some(name) = name {
                forms.push(Addressee::Body {
                    role,
                    name,
                    short: self.short.clone(),
                });
            }
        }
        // What a form does not take would be silently dropped.
        let form_of = |form: &Addressee| match form {
            Addressee::Mission { .. } | Addressee::SecretaryGeneral { .. } => "",
            _ => "the head of a mission (`mission:`) or the Secretary-General",
        };
        if self.gender.is_some()
            && let Some(form) = forms.first()
            && !form_of(form).is_empty()
        {
            return Err(format!(
                "`gender` is the gender of {}: these addressees take none",
                form_of(form)
            ));
        }
        if self.short.is_some() && !forms.iter().any(|f| matches!(f, Addressee::Body { .. })) {
            return Err(
                "`short` is the short name of an office, a ministry or an embassy: these addressees take none"
                    .into(),
            );
        }
        if self.closing.is_some() && forms.iter().any(|f| matches!(f, Addressee::None)) {
            return Err(
                "a note to nobody names no addressees in its closing: leave out `closing`".into(),
            );
        }
        let form = match forms.len() {
            1 => forms.remove(0),
            0 => return Err("say who receives the note: `form:`, `states-parties:`, `mission:`, `office:`, `ministry:`, `embassy:`, or the text in both languages".into()),
            _ => return Err("the addressees are given in two forms at once: give one".into()),
        };
        if !self.address.is_empty() && matches!(form, Addressee::None) {
            return Err("a note to nobody has no address: leave out `address`".into());
        }
        Ok(Addressees {
            form,
            closing: self.closing,
            address: self.address,
        })
    }
}

impl<'de> Deserialize<'de> for Addressees {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Addressees;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the addressees: `circular`, `member-states`, `all-states`, `secretary-general`, `none`, a mapping such as `{ mission: FRA }`, or the text in both languages")
            }

            fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<Addressees, E> {
                let form = Addressee::keyword(word, None).ok_or_else(|| {
                    E::custom(format!(
                        "unknown addressees `{word}`: expected one of {}, a mapping such as `{{ mission: FRA }}` or `{{ ministry: {{ fr: …, en: … }} }}`, or the addressees in both languages: {{ fr: \"aux …\", en: \"the …\" }}",
                        crate::yaml::code_list(KEYWORDS)
                    ))
                })?;
                Ok(Addressees {
                    form,
                    closing: None,
                    address: Vec::new(),
                })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Addressees, A::Error> {
                let raw =
                    AddresseesMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                raw.into_addressees().map_err(serde::de::Error::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
