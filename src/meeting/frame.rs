//! The frame every note shares, whatever its kind: paper, letterhead, logo,
//! reference, markings, subject, place and date, sender, addressees, free
//! paragraphs and enclosures.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use crate::error::Diagnostic;
use crate::locale::Gender;
use crate::values::{Text, Translated, parse_date};
use crate::yaml::YamlFile;

/// The keys of the frame in a meeting file; every other key is a field of
/// the note's kind.
pub const FRAME_FIELDS: &[&str] = &[
    "kind",
    "paper",
    "letterhead",
    "logo",
    "reference",
    "markings",
    "subject",
    "place",
    "date",
    "sender",
    "addressees",
    "duty_station",
    "refers_to",
    "closing",
    "paragraphs",
    "enclosures",
];

/// The frame of a note, read and checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// The note's kind: its schema `<kind>.yaml` and templates
    /// `<kind>.<lang>.typ`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// Paper size: `a4` or `us-letter`.
    #[serde(default)]
    pub paper: Paper,
    /// The letterhead: its lines, printed as given in every language, and
    /// the labels it prints before the reference and the subject.
    #[serde(default)]
    pub letterhead: Letterhead,
    /// An emblem above the letterhead: an SVG, PNG or JPEG file, relative to
    /// the meeting file.
    #[serde(default)]
    pub logo: Option<PathBuf>,
    /// The reference number, as `ODA/25-2011/CCM`.
    #[serde(default)]
    pub reference: Option<Text>,
    /// A markings line under the reference, as `Confidentiel` / `Confidential`.
    #[serde(default)]
    pub markings: Option<Translated>,
    /// A subject line.
    #[serde(default)]
    pub subject: Option<Translated>,
    /// Where the note is signed, as `New York`.
    #[serde(default)]
    pub place: Option<Translated>,
    /// The date of the note; a year alone, or nothing, leaves dots to fill by hand.
    #[serde(default)]
    pub date: Option<NoteDate>,
    /// Who sends the note.
    pub sender: Sender,
    /// Who receives it.
    #[serde(default)]
    pub addressees: Addressees,
    /// The United Nations at which place the formulas name: New York by
    /// default, Geneva, Vienna or Nairobi.
    #[serde(default)]
    pub duty_station: DutyStation,
    /// An earlier note the opening refers to: "et, se référant à sa note …
    /// du …, a l'honneur de".
    #[serde(default)]
    pub refers_to: Option<RefersTo>,
    /// The closing formula's degree and verb, or no closing formula.
    #[serde(default)]
    pub closing: Closing,
    /// Free paragraphs, printed before the closing formula.
    #[serde(default)]
    pub paragraphs: Vec<Translated>,
    /// How many documents are enclosed; printed as "Pièce(s) jointe(s)".
    #[serde(default)]
    pub enclosures: Option<u32>,
}

fn default_kind() -> String {
    "invitation".into()
}

impl Frame {
    /// The day the note is dated, if it is.
    pub fn day(&self) -> Option<NaiveDate> {
        match self.date {
            Some(NoteDate::Day(day)) => Some(day),
            _ => None,
        }
    }

    /// What types alone cannot check.
    pub fn check(&self, file: &YamlFile) -> Vec<Diagnostic> {
        let mut problems = self.sender.check(file);
        problems.extend(self.addressees.check(file));
        if let Some(earlier) = &self.refers_to {
            if let Some(day) = self.day()
                && earlier.date.0 > day
            {
                problems.push(
                    file.error(
                        "refers_to.date",
                        format!(
                            "the note referred to is dated {}, after this note's date, {day}",
                            earlier.date.0
                        ),
                    )
                    .hint("a note refers to one sent before it, or the same day"),
                );
            }
            let named = matches!(
                self.addressees.form,
                Addressee::Body { .. }
                    | Addressee::Mission { .. }
                    | Addressee::SecretaryGeneral { .. }
            );
            if earlier.by == Side::Addressee && !named {
                problems.push(
                    file.error("refers_to.by", "the note referred to is the addressee's, but the addressees are not one body")
                        .hint("`by: addressee` refers to the note of one mission, office, ministry, embassy or the Secretary-General, as `addressees:` names it"),
                );
            }
        }
        problems
    }

    /// The logo's path, resolved against the folder of the meeting file.
    pub fn logo_path(&self, meeting_file: &Path) -> Option<PathBuf> {
        let logo = self.logo.as_ref()?;
        Some(match meeting_file.parent() {
            Some(folder) => folder.join(logo),
            None => logo.clone(),
        })
    }
}

/// An earlier note, referred to in the opening.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefersTo {
    /// Its reference, printed as given: `ODA/12-2015/CCM`, `No. 75`.
    pub reference: Text,
    /// Its date.
    pub date: crate::values::Date,
    /// Whose note it is: the sender's own (the default) or the addressee's,
    /// for a reply.
    #[serde(default)]
    pub by: Side,
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

/// The letterhead: written as its lines alone, `[LINE, LINE]`, or with the
/// labels of its stationery, `{ lines: […], reference_label: { fr: …, en: … },
/// subject_label: { fr: …, en: … } }`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// Its lines.
    pub lines: Vec<Text>,
    /// The label before the reference, when not the built-in stationery's
    /// `REFERENCE:`.
    pub reference_label: Option<Translated>,
    /// The label before the subject, when not the locale's.
    pub subject_label: Option<Translated>,
}

impl Letterhead {
    /// Whether it has no line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

impl<'de> Deserialize<'de> for Letterhead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            #[serde(default)]
            lines: Vec<Text>,
            #[serde(default)]
            reference_label: Option<Translated>,
            #[serde(default)]
            subject_label: Option<Translated>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Lines(Vec<Text>),
            Full(Full),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::Lines(lines)) => Ok(Letterhead {
                lines,
                ..Letterhead::default()
            }),
            Ok(Raw::Full(full)) => Ok(Letterhead {
                lines: full.lines,
                reference_label: full.reference_label,
                subject_label: full.subject_label,
            }),
            Err(_) => Err(serde::de::Error::custom(
                "expected the letterhead's lines, `[LINE, LINE]`, or `{ lines: […], reference_label: { fr: …, en: … }, subject_label: { fr: …, en: … } }`",
            )),
        }
    }
}

/// The date of the note: a full date, or only its year when the day is to be
/// filled in by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteDate {
    /// The note is dated.
    Day(NaiveDate),
    /// Only the year is known.
    Year(i32),
}

impl NoteDate {
    /// The year of the note.
    pub fn year(self) -> i32 {
        match self {
            NoteDate::Day(day) => day.year(),
            NoteDate::Year(year) => year,
        }
    }
}

impl<'de> Deserialize<'de> for NoteDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Year(i32),
            Text(String),
        }
        let raw = Raw::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom("expected a date such as 2017-04-12, or a year such as 2017")
        })?;
        match raw {
            Raw::Year(year) if (1900..=2999).contains(&year) => Ok(NoteDate::Year(year)),
            Raw::Year(year) => Err(serde::de::Error::custom(format!(
                "{year} is not a plausible year"
            ))),
            Raw::Text(text) => match text.trim().parse::<i32>() {
                Ok(year) if (1900..=2999).contains(&year) => Ok(NoteDate::Year(year)),
                _ => parse_date(&text)
                    .map(NoteDate::Day)
                    .map_err(serde::de::Error::custom),
            },
        }
    }
}

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, used in Geneva, Vienna and most capitals.
    #[default]
    A4,
    /// US Letter, used at Headquarters in New York.
    UsLetter,
}

/// Who sends the note.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// Whose name the note is sent in.
    pub role: Role,
    /// The gender of a person who sends it (the Secretary-General, a
    /// Director General), `male` or `female`: the formulas agree with it.
    #[serde(default, deserialize_with = "crate::locale::person_gender")]
    pub gender: Option<Gender>,
    /// The sender's name as it opens a sentence: "Le Bureau des affaires de
    /// désarmement", "Le Directeur général de …"; for a mission, a formal
    /// name in place of the one the tool composes.
    #[serde(default)]
    pub name: Option<Translated>,
    /// The sender's short name for later sentences: "Le Bureau".
    #[serde(default)]
    pub short: Option<Translated>,
    /// The State of a permanent mission, by its code or a name: `FRA`.
    #[serde(default)]
    pub state: Option<Text>,
}

impl Sender {
    /// Whether the sender is a person, whose gender the formulas agree with
    /// ("his", "her"), rather than a body ("its").
    pub fn is_person(&self) -> bool {
        matches!(self.role, Role::SecretaryGeneral | Role::Person)
    }

    /// What each role needs, and what it does not take: every mistake at
    /// its key.
    fn check(&self, file: &YamlFile) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let role = self.role.with_article();
        let needless = |key: &str, why: &str| {
            file.error(&format!("sender.{key}"), format!("{role} takes no `{key}`"))
                .hint(why.to_owned())
        };
        match (self.is_person(), self.gender) {
            (true, None) if self.role == Role::SecretaryGeneral => problems.push(
                file.error("sender", "the Secretary-General's gender is missing")
                    .hint("add `gender: male` or `gender: female`: the formulas agree with it"),
            ),
            (true, None) => problems.push(
                file.error("sender", "the gender of the person who sends the note is missing")
                    .hint("add `gender: male` or `gender: female`: the formulas agree with it (\"his\", \"her\")"),
            ),
            (false, Some(_)) => problems.push(needless(
                "gender",
                "the formulas speak of a body as \"its\": give a gender only for a person (`role: person`, `role: secretary-general`)",
            )),
            _ => {}
        }
        match self.role {
            Role::SecretaryGeneral => {
                for (key, given) in [
                    ("name", self.name.is_some()),
                    ("short", self.short.is_some()),
                ] {
                    if given {
                        problems.push(needless(
                            key,
                            "the Secretary-General's title is the locales' own",
                        ));
                    }
                }
            }
            Role::Mission if self.state.is_none() => problems.push(
                file.error(
                    "sender",
                    "a permanent mission that sends a note needs its State",
                )
                .hint("add `state: FRA`, the State's three-letter code, or its name"),
            ),
            Role::Mission => {
                let state = self.state.as_ref().map_or("", |s| s.0.as_str());
                if let Err(hints) = crate::states::States::builtin().code_of(state) {
                    let mut error = file.error(
                        "sender.state",
                        format!("`{state}` is not a State of the list of missions"),
                    );
                    error.hints = hints;
                    problems.push(error);
                }
            }
            Role::Office | Role::Ministry | Role::Embassy | Role::Person if self.name.is_none() => {
                problems.push(
                    file.error("sender", format!("{role} that sends a note needs its name"))
                        .hint(self.role.name_example()),
                )
            }
            _ => {}
        }
        if self.role != Role::Mission && self.state.is_some() {
            problems.push(needless(
                "state",
                "only a permanent mission (`role: mission`) is named from its State",
            ));
        }
        problems
    }
}

/// Whose name the note is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The Secretary-General: "presents his/her compliments" to persons.
    SecretaryGeneral,
    /// An office, a department, a secretariat, an organization: "its".
    Office,
    /// A permanent mission, named from its State and the duty station:
    /// "its".
    Mission,
    /// A ministry: "its".
    Ministry,
    /// An embassy: "its".
    Embassy,
    /// A person holding an office, as a Director General: "his", "her".
    Person,
}

impl Role {
    /// The role as a meeting file writes it, in words.
    pub fn name(self) -> &'static str {
        match self {
            Role::SecretaryGeneral => "secretary-general",
            Role::Office => "office",
            Role::Mission => "mission",
            Role::Ministry => "ministry",
            Role::Embassy => "embassy",
            Role::Person => "person",
        }
    }

    /// The role in running text: "an office", "a ministry".
    fn with_article(self) -> &'static str {
        match self {
            Role::SecretaryGeneral => "the Secretary-General",
            Role::Office => "an office",
            Role::Mission => "a permanent mission",
            Role::Ministry => "a ministry",
            Role::Embassy => "an embassy",
            Role::Person => "a person",
        }
    }

    /// How to give the name of a sender of this role.
    fn name_example(self) -> String {
        let example = match self {
            Role::Ministry => {
                "{ fr: Le Ministère des affaires étrangères du Royaume des Pays-Bas, en: The Ministry of Foreign Affairs of the Kingdom of the Netherlands }"
            }
            Role::Embassy => {
                "{ fr: L'Ambassade des États-Unis d'Amérique, en: The Embassy of the United States of America }"
            }
            Role::Person => {
                "{ fr: Le Directeur général de l'Organisation mondiale de la propriété intellectuelle, en: The Director General of the World Intellectual Property Organization }"
            }
            _ => {
                "{ fr: Le Bureau des affaires de désarmement, en: The Office for Disarmament Affairs }"
            }
        };
        format!("add `name: {example}`, and `short:` for later sentences")
    }
}

/// The United Nations at a place, as the formulas name it: missions are
/// accredited at a duty station.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DutyStation {
    /// Headquarters: "auprès de l'Organisation des Nations Unies", "to the
    /// United Nations".
    #[default]
    NewYork,
    /// "auprès de l'Office des Nations Unies à Genève", "to the United
    /// Nations Office at Geneva".
    Geneva,
    /// "auprès de l'Office des Nations Unies à Vienne", "to the United
    /// Nations (Vienna)".
    Vienna,
    /// "auprès de l'Office des Nations Unies à Nairobi", "to the United
    /// Nations Office at Nairobi".
    Nairobi,
}

impl DutyStation {
    /// The station as a meeting file and the locales name it.
    pub fn name(self) -> &'static str {
        match self {
            DutyStation::NewYork => "new-york",
            DutyStation::Geneva => "geneva",
            DutyStation::Vienna => "vienna",
            DutyStation::Nairobi => "nairobi",
        }
    }
}

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
    fn check(&self, file: &YamlFile) -> Vec<Diagnostic> {
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
                let french = text.get(crate::locale::Lang::Fr);
                let first = french.split([' ', '\'', '’']).next().unwrap_or_default();
                if !["à", "au", "aux", "À", "Au", "Aux"].contains(&first) {
                    problems.push(
                        file.error(
                            "addressees.fr",
                            format!("the French addressees do not begin with their preposition: `{french}`"),
                        )
                        .hint("French names the addressees after « présente ses compliments » with à, au or aux: `aux missions permanentes …`, `au Ministère …`, `à l'Ambassade …`"),
                    );
                }
            }
            _ => {}
        }
        problems
    }
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
}

impl AddresseesMap {
    fn into_addressees(self) -> Result<Addressees, String> {
        let text = match (self.fr, self.en) {
            (Some(fr), Some(en)) => Some(Translated::from_fn(|lang| match lang {
                crate::locale::Lang::Fr => fr.clone(),
                crate::locale::Lang::En => en.clone(),
            })),
            (None, None) => None,
            _ => return Err(
                "the addressees written out need both languages: { fr: \"aux …\", en: \"the …\" }"
                    .into(),
            ),
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
        let form = match forms.len() {
            1 => forms.remove(0),
            0 => return Err("say who receives the note: `form:`, `states-parties:`, `mission:`, `office:`, `ministry:`, `embassy:`, or the text in both languages".into()),
            _ => return Err("the addressees are given in two forms at once: give one".into()),
        };
        Ok(Addressees {
            form,
            closing: self.closing,
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
