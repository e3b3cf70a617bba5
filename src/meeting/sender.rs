//! Who sends a note, and the duty station that the formulas name.

use serde::Deserialize;

use crate::error::Diagnostic;
use crate::locale::Gender;
use crate::values::{Text, Translated};
use crate::yaml::YamlFile;

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
    pub(super) fn check(&self, file: &YamlFile) -> Vec<Diagnostic> {
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
