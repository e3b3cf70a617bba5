//! The bundled list of missions reads right in French: every name contracts
//! with "de" and "à" as French grammar wants, and names that take no article
//! have none.

use crate::common;

use common::repo;
use noteverbale::Lang;
use noteverbale::locale::{with_a, with_de};
use noteverbale::recipients::{self, Recipient};

fn missions() -> Vec<Recipient> {
    recipients::load(&repo("examples/missions.yaml"))
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.recipient.unwrap_or_else(|d| panic!("{}", d[0])))
        .collect()
}

#[test]
fn every_name_contracts_correctly() {
    for mission in missions() {
        let name = mission.name.get(Lang::Fr);
        let (de, a) = (with_de(name), with_a(name));
        for wrong in [
            "de le ", "de les ", "à le ", "à les ", "de l' ", "du l", "au l'", "d'le", "d’le",
        ] {
            assert!(
                !de.starts_with(wrong) && !a.starts_with(wrong),
                "{}: {de} / {a}",
                mission.code
            );
        }
        for article in ["Le ", "La ", "Les ", "L'", "L’"] {
            assert!(
                !name.starts_with(article),
                "{}: the article is lowercase in running text: {name}",
                mission.code
            );
        }
        assert!(
            !name.contains("  ") && name.trim() == name,
            "{}: {name:?}",
            mission.code
        );
        let en = mission.name.get(Lang::En);
        assert!(!en.starts_with("The "), "{}: {en}", mission.code);
    }
}

/// French usage for a sample of names, as the UN writes "la Mission permanente de …".
#[test]
fn french_forms_as_the_un_writes_them() {
    let missions = missions();
    let name = |code: &str| {
        missions
            .iter()
            .find(|m| m.code == code)
            .unwrap()
            .name
            .get(Lang::Fr)
            .to_owned()
    };
    for (code, de, a) in [
        ("FRA", "de la France", "à la France"),
        ("CAN", "du Canada", "au Canada"),
        ("NLD", "du Royaume des Pays-Bas", "au Royaume des Pays-Bas"),
        ("DZA", "de l'Algérie", "à l'Algérie"),
        ("HTI", "d’Haïti", "à Haïti"),
        ("ISR", "d’Israël", "à Israël"),
        ("MHL", "des Îles Marshall", "aux Îles Marshall"),
        (
            "USA",
            "des États-Unis d'Amérique",
            "aux États-Unis d'Amérique",
        ),
        (
            "GBR",
            "du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
            "au Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        ),
        ("CUB", "de Cuba", "à Cuba"),
        ("MCO", "de Monaco", "à Monaco"),
        ("OMN", "d’Oman", "à Oman"),
        ("BHS", "des Bahamas", "aux Bahamas"),
        ("VAT", "du Saint-Siège", "au Saint-Siège"),
        ("PSE", "de l'État de Palestine", "à l'État de Palestine"),
        (
            "COD",
            "de la République démocratique du Congo",
            "à la République démocratique du Congo",
        ),
        (
            "RUS",
            "de la Fédération de Russie",
            "à la Fédération de Russie",
        ),
    ] {
        assert_eq!(with_de(&name(code)), de, "{code}");
        assert_eq!(with_a(&name(code)), a, "{code}");
    }
}

#[test]
fn codes_are_unique_and_languages_are_french_or_english() {
    let missions = missions();
    let mut codes: Vec<&str> = missions.iter().map(|m| m.code.as_str()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 195);
    let french = missions
        .iter()
        .filter(|m| m.language == noteverbale::Lang::Fr)
        .count();
    assert!((20..60).contains(&french), "{french} missions in French");
}

/// A note names its State as running text does, "de l'État plurinational de
/// Bolivie", never in the list's form with a parenthesis, in both languages.
#[test]
fn every_note_names_its_state_in_running_text() {
    let engine = common::engine();
    let loaded = common::example();
    let options = noteverbale::NoteOptions::default();
    for mission in missions() {
        for lang in noteverbale::Lang::ALL {
            let context = engine
                .context(&loaded, lang, Some(&mission), &options)
                .unwrap();
            let name = noteverbale::locale::without_article(mission.name.get(lang), lang);
            assert!(
                context.opening.contains(name),
                "{} ({lang}): {}",
                mission.code,
                context.opening
            );
            assert!(
                !context.opening.contains('('),
                "{} ({lang}): a parenthesis in {}",
                mission.code,
                context.opening
            );
        }
    }
}

/// The French and English names of a State have one form: both name the
/// kingdom, the republic or the State, or neither does.
#[test]
fn both_languages_name_a_state_in_one_form() {
    let pairs = [
        ("Kingdom", "Royaume"),
        ("Republic", "République"),
        ("State", "État"),
        ("Federation", "Fédération"),
        ("Federated", "fédérés"),
        ("Islands", "Îles"),
        ("Plurinational", "plurinational"),
        ("Islamic", "islamique"),
        ("Bolivarian", "bolivarienne"),
    ];
    for mission in missions() {
        for (en, fr) in pairs {
            assert_eq!(
                mission.name.get(Lang::En).contains(en),
                mission.name.get(Lang::Fr).contains(fr),
                "{}: {} / {}",
                mission.code,
                mission.name.get(Lang::Fr),
                mission.name.get(Lang::En)
            );
        }
    }
}
