//! The names of States, in French and English, so that "la France" and
//! "France" are one State: read from the bundled list of permanent missions,
//! in running text ("l'État plurinational de Bolivie") and in the list's
//! form ("Bolivie (État plurinational de)").

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use regex::Regex;
use serde::Deserialize;

use crate::locale::{Lang, without_article};
use crate::misspelling::{self, Near};
use crate::values::Translated;

/// The bundled list of the permanent missions to the United Nations.
const MISSIONS: &str = include_str!("../examples/missions.yaml");

/// Short forms that running text uses beside the list's names: code,
/// French, English.
const SHORT_FORMS: &[(&str, &str, &str)] = &[
    ("USA", "États-Unis", "United States"),
    ("USA", "États-Unis", "US"),
    ("GBR", "Royaume-Uni", "United Kingdom"),
    ("CZE", "République tchèque", "Czech Republic"),
    ("RUS", "Russie", "Russia"),
    ("SYR", "Syrie", "Syria"),
    ("TZA", "Tanzanie", "Tanzania"),
    ("LAO", "Laos", "Laos"),
    ("TUR", "Turquie", "Turkey"),
];

/// State names, matched in a text of either language.
#[derive(Debug, Default)]
pub struct States {
    /// Every name of a language, found in a text at once; built the first
    /// time a text of that language is read.
    finders: [OnceLock<Option<AhoCorasick>>; Lang::ALL.len()],
    /// The State each name is of, by language and name.
    codes: [HashMap<String, String>; Lang::ALL.len()],
    /// The names of each State of the list, by its code.
    names: HashMap<String, StateNames>,
}

/// The names of a State, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateNames {
    /// As running text names it: `l'État plurinational de Bolivie`, `the
    /// Plurinational State of Bolivia`, `la France`, `France`.
    pub name: Translated,
    /// As lists give it, for sorting: `Bolivie (État plurinational de)`,
    /// `France`.
    pub list_name: Translated,
    /// Whether it is a non-member observer State, whose mission is a
    /// permanent observer mission.
    pub observer: bool,
}

impl StateNames {
    /// Its status as the locales' selectors name it: `member`, `observer`.
    pub fn status(&self) -> &'static str {
        if self.observer { "observer" } else { "member" }
    }
}

#[derive(Deserialize)]
struct List {
    missions: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    code: String,
    name: Translated,
    #[serde(default)]
    list_name: Option<Translated>,
    #[serde(default)]
    status: Option<String>,
}

impl States {
    /// The States of the bundled list: the 193 Member States and the two
    /// observer States.
    pub fn builtin() -> &'static States {
        static BUILTIN: LazyLock<States> = LazyLock::new(|| {
            let list: List =
                serde_yaml::from_str(MISSIONS).expect("the bundled list of missions is valid");
            let short: Vec<(&str, Translated)> = SHORT_FORMS
                .iter()
                .map(|(code, fr, en)| {
                    let name = Translated::from_fn(|lang| match lang {
                        Lang::Fr => (*fr).to_owned(),
                        Lang::En => (*en).to_owned(),
                    });
                    (*code, name)
                })
                .collect();
            States::new(
                list.missions
                    .iter()
                    .map(|e| {
                        let observer = e.status.as_deref() == Some("observer");
                        (e.code.as_str(), &e.name, e.list_name.as_ref(), observer)
                    })
                    .chain(short.iter().map(|(code, name)| (*code, name, None, false))),
            )
        });
        &BUILTIN
    }

    /// The State that `written` names, by its code, or the hints that say
    /// what it may mean and how to write a State.
    pub fn code_of(&self, written: &str) -> Result<&str, Vec<String>> {
        if let Some(code) = self.find(written) {
            return Ok(code);
        }
        let mut hints: Vec<String> = crate::misspelling::did_you_mean(&self.suggest(written))
            .into_iter()
            .collect();
        hints.push(
            "give the State's three-letter code (ISO 3166), as `CHE`, or its name, as `Switzerland` or `la Suisse`".into(),
        );
        Err(hints)
    }

    /// The States named: their code, running-text name and list name.
    fn new<'a>(
        entries: impl Iterator<Item = (&'a str, &'a Translated, Option<&'a Translated>, bool)>,
    ) -> Self {
        let mut codes: [HashMap<String, Option<String>>; Lang::ALL.len()] = Default::default();
        let mut names = HashMap::new();
        for (code, name, list_name, observer) in entries {
            // The first names given of a State are its own; later ones are
            // short forms that running text also uses.
            names.entry(code.to_owned()).or_insert_with(|| StateNames {
                name: name.clone(),
                list_name: list_name.cloned().unwrap_or_else(|| {
                    Translated::from_fn(|lang| without_article(name.get(lang), lang).to_owned())
                }),
                observer,
            });
            for (i, lang) in Lang::ALL.iter().enumerate() {
                let mut forms = vec![without_article(name.get(*lang), *lang).to_owned()];
                if let Some(list) = list_name {
                    let list = without_article(list.get(*lang), *lang);
                    forms.push(list.to_owned());
                    if let Some((base, _)) = list.split_once(" (") {
                        forms.push(base.to_owned());
                    }
                }
                for form in forms {
                    let form = form.replace('’', "'");
                    let entry = codes[i]
                        .entry(form)
                        .or_insert_with(|| Some(code.to_owned()));
                    // A name that two States share names neither.
                    if entry.as_deref() != Some(code) {
                        *entry = None;
                    }
                }
            }
        }
        let codes = codes.map(|names| {
            names
                .into_iter()
                .filter_map(|(name, code)| Some((name, code?)))
                .collect::<HashMap<_, _>>()
        });
        Self {
            finders: Default::default(),
            codes,
            names,
        }
    }

    /// Where `text`, written in `lang`, names a State: each name whole,
    /// between word boundaries, the longest where names overlap, its
    /// apostrophe straight or typographic.
    pub fn find_in(&self, lang: Lang, text: &str) -> Vec<std::ops::Range<usize>> {
        let finder = self.finders[lang.index()].get_or_init(|| {
            let names = self.codes[lang.index()].keys();
            // Each name with an apostrophe, in both its forms.
            let forms: Vec<String> = names
                .flat_map(|name| {
                    let curly = name.replace('\'', "’");
                    let both = curly != *name;
                    std::iter::once(name.clone()).chain(both.then_some(curly))
                })
                .collect();
            // A text is short: building the automaton quickly matters more
            // than searching with it quickly.
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&forms)
                .ok()
        });
        let Some(finder) = finder else {
            return Vec::new();
        };
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        finder
            .find_iter(text)
            .map(|m| m.range())
            .filter(|range| {
                let before = text[..range.start].chars().next_back();
                let first = text[range.clone()].chars().next();
                let last = text[range.clone()].chars().next_back();
                let after = text[range.end..].chars().next();
                word(before) != word(first) && (after.is_none() || word(last) != word(after))
            })
            .collect()
    }

    /// The State that `name`, as found by [`States::pattern`], is of.
    pub fn code(&self, lang: Lang, name: &str) -> Option<&str> {
        self.codes[lang.index()]
            .get(&name.replace('’', "'"))
            .map(String::as_str)
    }

    /// The names of the State that `written` names, by its code or a name.
    pub fn named(&self, written: &str) -> Option<&StateNames> {
        self.names(self.find(written)?)
    }

    /// The names of the State whose code is `code`: `CHE`.
    pub fn names(&self, code: &str) -> Option<&StateNames> {
        self.names.get(code)
    }

    /// The code of the State that `written` names: its code (`che` or
    /// `CHE`), or a name of it in either language, with or without its
    /// article (`la Suisse`, `Suisse`, `Switzerland`).
    pub fn find(&self, written: &str) -> Option<&str> {
        let written = written.trim();
        let upper = written.to_uppercase();
        if let Some((code, _)) = self.names.get_key_value(upper.as_str()) {
            return Some(code);
        }
        let exact = Lang::ALL
            .iter()
            .find_map(|&lang| self.code(lang, without_article(written, lang)));
        // In any case: `switzerland`, `LA SUISSE`.
        exact.or_else(|| {
            let lower = written.to_lowercase().replace('’', "'");
            Lang::ALL.iter().find_map(|&lang| {
                let bare = without_article(&lower, lang);
                self.codes[lang.index()]
                    .iter()
                    .find(|(name, _)| name.to_lowercase() == bare)
                    .map(|(_, code)| code.as_str())
            })
        })
    }

    /// The names of the list a writer may have meant by `written`, which
    /// names no State: those it is a word of (`Korea`: `Republic of Korea`,
    /// `Democratic People's Republic of Korea`), or else the nearest.
    pub fn suggest(&self, written: &str) -> Vec<&str> {
        let lower = written.trim().to_lowercase();
        let spellings = self.spellings();
        let word = Regex::new(&format!(r"\b{}\b", regex::escape(&lower))).ok();
        let mut holding: Vec<&str> = spellings
            .iter()
            .copied()
            .filter(|s| s.contains(' ') && !lower.is_empty())
            .filter(|s| word.as_ref().is_some_and(|w| w.is_match(&s.to_lowercase())))
            .collect();
        if !holding.is_empty() {
            holding.sort_by_key(|s| s.len());
            holding.truncate(3);
            return holding;
        }
        misspelling::nearest(&lower, &spellings, Near::StateName)
            .copied()
            .into_iter()
            .collect()
    }

    /// Every code and every name of the list, in English and French, as a
    /// writer might give them: what "did you mean" chooses from.
    fn spellings(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self.names.keys().map(String::as_str).collect();
        for names in self.names.values() {
            for lang in Lang::ALL {
                all.push(without_article(names.name.get(lang), lang));
                all.push(names.list_name.get(lang));
            }
        }
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The place of `lang` in [`Lang::ALL`], to index what is kept per language.
#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, lang: Lang) -> Vec<&'static str> {
        let states = States::builtin();
        states
            .find_in(lang, text)
            .into_iter()
            .filter_map(|range| states.code(lang, &text[range]))
            .collect()
    }

    #[test]
    fn a_state_is_found_by_its_code_or_any_of_its_names() {
        let states = States::builtin();
        for written in ["CHE", "che", "la Suisse", "Suisse", "Switzerland"] {
            assert_eq!(states.find(written), Some("CHE"), "{written}");
        }
        assert_eq!(states.find("Bolivia (Plurinational State of)"), Some("BOL"));
        assert_eq!(states.find("the Netherlands"), Some("NLD"));
        assert_eq!(states.find("United States"), Some("USA"));
        assert_eq!(states.find("Suise"), None);
        assert_eq!(states.find("switzerland"), Some("CHE"));
        assert_eq!(states.find("LA SUISSE"), Some("CHE"));
        assert_eq!(states.suggest("Suise"), ["Suisse"]);
        assert_eq!(states.suggest("Vietnam"), ["Viet Nam"]);
        let korea = states.suggest("Korea");
        assert!(korea.contains(&"Republic of Korea"), "{korea:?}");
        assert!(states.suggest("Atlantis").is_empty());
        let bolivia = states.names("BOL").unwrap();
        assert_eq!(
            bolivia.name.get(Lang::Fr),
            "l'État plurinational de Bolivie"
        );
        assert_eq!(
            bolivia.list_name.get(Lang::En),
            "Bolivia (Plurinational State of)"
        );
        // A short form does not replace the State's own names.
        assert_eq!(
            states.names("USA").unwrap().name.get(Lang::En),
            "the United States of America"
        );
        assert!(states.spellings().contains(&"Switzerland"));
    }

    #[test]
    fn the_same_state_in_both_languages() {
        assert_eq!(codes("la France et les Pays-Bas", Lang::Fr), ["FRA", "NLD"]);
        assert_eq!(
            codes("France and the Netherlands", Lang::En),
            ["FRA", "NLD"]
        );
        assert_eq!(
            codes(
                "du Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
                Lang::Fr
            ),
            ["GBR"]
        );
        assert_eq!(
            codes("la Guinée-Bissau et la Guinée", Lang::Fr),
            ["GNB", "GIN"]
        );
        assert_eq!(codes("Niger, Nigeria", Lang::En), ["NER", "NGA"]);
        assert_eq!(
            codes("the Plurinational State of Bolivia, Bolivia", Lang::En),
            ["BOL", "BOL"]
        );
    }
}
