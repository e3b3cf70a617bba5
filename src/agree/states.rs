//! The names of States, in French and English, so that "la France" and
//! "France" are one State: read from the bundled list of permanent missions,
//! in running text ("l'État plurinational de Bolivie") and in the list's
//! form ("Bolivie (État plurinational de)").

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::locale::{Lang, without_article};
use crate::meeting::Bilingual;

/// The bundled list of the permanent missions to the United Nations.
const MISSIONS: &str = include_str!("../../examples/missions.yaml");

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
    /// Every name of a language, longest first, as one pattern.
    patterns: [Option<Regex>; 2],
    /// The State each name is of, by language and name.
    codes: [HashMap<String, String>; 2],
}

#[derive(Deserialize)]
struct List {
    missions: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    code: String,
    name: Bilingual,
    #[serde(default)]
    list_name: Option<Bilingual>,
}

impl States {
    /// The States of the bundled list: the 193 Member States and the two
    /// observer States.
    pub fn builtin() -> &'static States {
        static BUILTIN: LazyLock<States> = LazyLock::new(|| {
            let list: List =
                serde_yaml::from_str(MISSIONS).expect("the bundled list of missions is valid");
            let short: Vec<(&str, Bilingual)> = SHORT_FORMS
                .iter()
                .map(|(code, fr, en)| {
                    let name = Bilingual {
                        fr: (*fr).to_owned(),
                        en: (*en).to_owned(),
                    };
                    (*code, name)
                })
                .collect();
            States::new(
                list.missions
                    .iter()
                    .map(|e| (e.code.as_str(), &e.name, e.list_name.as_ref()))
                    .chain(short.iter().map(|(code, name)| (*code, name, None))),
            )
        });
        &BUILTIN
    }

    /// The States named: their code, running-text name and list name.
    fn new<'a>(
        entries: impl Iterator<Item = (&'a str, &'a Bilingual, Option<&'a Bilingual>)>,
    ) -> Self {
        let mut codes: [HashMap<String, Option<String>>; 2] = Default::default();
        for (code, name, list_name) in entries {
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
        let patterns = [0, 1].map(|i| {
            let mut names: Vec<&String> = codes[i].keys().collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            let alternatives: Vec<String> = names
                .iter()
                .map(|n| regex::escape(n).replace('\'', "['’]"))
                .collect();
            (!alternatives.is_empty()).then(|| {
                Regex::new(&format!(r"\b(?:{})(?:\b|$)", alternatives.join("|")))
                    .expect("escaped names make a valid pattern")
            })
        });
        Self { patterns, codes }
    }

    /// The pattern that finds the names of `lang`.
    pub fn pattern(&self, lang: Lang) -> Option<&Regex> {
        self.patterns[index(lang)].as_ref()
    }

    /// The State that `name`, as found by [`States::pattern`], is of.
    pub fn code(&self, lang: Lang, name: &str) -> Option<&str> {
        self.codes[index(lang)]
            .get(&name.replace('’', "'"))
            .map(String::as_str)
    }
}

pub(super) fn index(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .expect("every language is in Lang::ALL")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, lang: Lang) -> Vec<&'static str> {
        let states = States::builtin();
        states
            .pattern(lang)
            .unwrap()
            .find_iter(text)
            .filter_map(|m| states.code(lang, m.as_str()))
            .collect()
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
