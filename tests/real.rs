//! The corpus of real notes verbales (`tests/fixtures/real/`): notes that
//! ministries, a mission, an office of the Secretariat and the depositary
//! sent, each written as a meeting file with the built-in kinds alone, its
//! source cited in its comments. Each is rendered, and its PDFs' text holds
//! the opening, a sentence of the body and the closing as the original
//! reads them.

use crate::common;

use common::{repo, squeeze, squeezed_pdf, succeed};

/// What a note of the corpus reads, in one language.
struct Expected {
    /// The meeting file, without `.yaml`.
    file: &'static str,
    lang: &'static str,
    /// The opening, as the original reads it.
    opening: &'static str,
    /// The start of the body's last paragraph.
    body: &'static str,
    /// A phrase of the closing, as the original writes it, or `None` for a
    /// note without one.
    closing: Option<&'static str>,
}

const CORPUS: &[Expected] = &[
    Expected {
        file: "canada-xdc-0005-residential-address",
        lang: "en",
        opening: "The Department of Foreign Affairs and International Trade (Office of Protocol) presents its compliments",
        body: "It is therefore hoped that the Heads of Diplomatic Missions",
        closing: Some(
            "The Department of Foreign Affairs and International Trade (Office of Protocol) takes this opportunity to renew",
        ),
    },
    Expected {
        file: "canada-xdc-0394-2-agrement-en",
        lang: "en",
        opening: "The Department of Foreign Affairs, Trade and Development (Office of Protocol) presents its compliments",
        body: "The request must be accompanied by a curriculum vitae (CV)",
        closing: Some("the assurances of its highest consideration"),
    },
    Expected {
        file: "canada-xdc-0394-4-agrement-fr",
        lang: "fr",
        opening: "Le ministère des Affaires étrangères, du Commerce et du Développement (Bureau du Protocole) présente ses compliments",
        body: "Les demandes d'agrément pour les Chefs de mission non-résidents peuvent",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "canada-xdc-0531-service-staff",
        lang: "fr",
        opening: "Le ministère des Affaires étrangères présente ses compliments",
        body: "L'expression « membres du personnel de service » désigne soit",
        closing: Some("Le ministère des Affaires étrangères saisit cette occasion pour renouveler"),
    },
    Expected {
        file: "canada-xdc-0531-service-staff",
        lang: "en",
        opening: "The Department of Foreign Affairs and International Trade presents its compliments",
        body: "Members of the service staff are defined as either members",
        closing: Some(
            "The Department of Foreign Affairs takes this opportunity to renew to Their Excellencies",
        ),
    },
    Expected {
        file: "canada-xdc-0904-health-care-ontario",
        lang: "en",
        opening: "The Department of Foreign Affairs and International Trade (Office of Protocol) presents its compliments",
        body: "On May 5th, the Cabinet Office of Intergovernmental Affairs of",
        closing: Some(
            "The Department of Foreign Affairs and International Trade (Office of Protocol) avails itself of this opportunity to renew",
        ),
    },
    Expected {
        file: "canada-xdc-1081-emergency-contacts",
        lang: "fr",
        opening: "Le Ministère des Affaires étrangères, du Commerce et du Développement (Bureau du Protocole) présente ses compliments",
        body: "Le Ministère assure Leurs Excellences que la collecte, l'utilisation et",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "canada-xdc-1081-emergency-contacts",
        lang: "en",
        opening: "The Department of Foreign Affairs, Trade and Development (Office of Protocol) presents its compliments",
        body: "The Department assures Their Excellencies that the use, collection and",
        closing: Some("the assurances of its highest consideration"),
    },
    Expected {
        file: "canada-xdc-1760-designations",
        lang: "en",
        opening: "The Department of Foreign Affairs and International Trade presents its compliments",
        body: "refer to Government of Canada's policy on the designations for",
        closing: Some("the assurances of its highest consideration"),
    },
    Expected {
        file: "canada-xdc-2157-residences",
        lang: "fr",
        opening: "Le ministère des Affaires étrangères et du Commerce international présente ses compliments",
        body: "En conséquence de cette politique qui demeure inchangée, les chefs",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "canada-xdc-4844-hom-visits",
        lang: "en",
        opening: "The Department of Foreign Affairs, Trade and Development (Office of Protocol) presents its compliments",
        body: "The contact list for the Offices of Protocol of Canada's",
        closing: Some(
            "The Department of Foreign Affairs, Trade and Development (Office of Protocol) avails itself of this opportunity to renew",
        ),
    },
    Expected {
        file: "canada-xdc-4884-official-travel",
        lang: "fr",
        opening: "Le ministère des Affaires étrangères, du Commerce et du Développement (Bureau du Protocole) présente ses compliments",
        body: "Le Ministère a en outre l'honneur de préciser que, depuis",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "canada-xdc-4884-official-travel",
        lang: "en",
        opening: "The Department of Foreign Affairs, Trade and Development (Office of Protocol) presents its compliments",
        body: "The Department also has the honour to explain that, on",
        closing: Some("the assurances of its highest consideration"),
    },
    Expected {
        file: "canada-xdc-4910-official-addresses",
        lang: "fr",
        opening: "Le ministère des Affaires étrangères, du Commerce et du Développement (Bureau du protocole) présente ses compliments",
        body: "Le Ministère a constaté de nombreuses lacunes dans ses dossiers",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "canada-xdv-0093-courtesy-program",
        lang: "fr",
        opening: "Le Ministère des Affaires étrangères et du Commerce international (Bureau du Protocole) présente ses compliments",
        body: "Compte-tenu que le Ministère ne peut offrir des courtoisies sans",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "depositary-paris-agreement-us-communication",
        lang: "en",
        opening: "The Secretary-General of the United Nations, acting in his capacity as depositary, communicates the following:",
        body: "This is to inform the Secretary-General, in connection with the",
        closing: None,
    },
    Expected {
        file: "germany-aa-arbitral-archives-fr",
        lang: "fr",
        opening: "Le ministère fédéral des Affaires étrangères présente ses compliments aux ambassades de la République française, du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord ainsi que des Etats-Unis d'Amérique et, se référant aux entretiens menés avec les représentants des ambassades",
        body: "leur proposer de conclure l'arrangement suivant :",
        closing: Some("les assurances de sa très haute considération"),
    },
    Expected {
        file: "oda-16-2017-ndv-views",
        lang: "en",
        opening: "The Office for Disarmament Affairs presents its compliments",
        body: "The Office for Disarmament Affairs would be grateful to receive",
        closing: Some("the assurances of its highest consideration"),
    },
    Expected {
        file: "oda-37-2009-salw-reports",
        lang: "en",
        opening: "The Office for Disarmament Affairs of the United Nations presents its compliments",
        body: "In order to facilitate preparations for the Fourth Biennial Meeting",
        closing: Some("the assurances of its highest consideration"),
    },
    Expected {
        file: "usa-note-paris-agreement-intent",
        lang: "en",
        opening: "The Representative of the United States of America to the United Nations presents her compliments",
        body: "This is to inform the Secretary-General, in connection with the",
        closing: None,
    },
];

#[test]
fn every_real_note_reads_as_its_original() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<&str> = CORPUS.iter().map(|e| e.file).collect();
    files.dedup();
    // Every file of the corpus is read here, and no other.
    let mut found: Vec<String> = std::fs::read_dir(repo("tests/fixtures/real"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".yaml").map(str::to_owned))
        .collect();
    found.sort();
    assert_eq!(found, files);
    for file in files {
        let path = repo(&format!("tests/fixtures/real/{file}.yaml"));
        succeed(dir.path(), &["check", path.to_str().unwrap()]);
        succeed(dir.path(), &["render", path.to_str().unwrap(), "-o", "out"]);
    }
    for expected in CORPUS {
        let pdf = dir
            .path()
            .join(format!("out/{}.{}.pdf", expected.file, expected.lang));
        let text = squeezed_pdf(&pdf);
        let at = |phrase: &str| {
            text.find(&squeeze(phrase)).unwrap_or_else(|| {
                panic!(
                    "{}.{}: missing «{phrase}» in\n{text}",
                    expected.file, expected.lang
                )
            })
        };
        let opening = at(expected.opening);
        let body = at(expected.body);
        assert!(
            opening < body,
            "{}: the body before the opening",
            expected.file
        );
        match expected.closing {
            Some(closing) => assert!(
                body < at(closing),
                "{}: the closing before the body",
                expected.file
            ),
            None => assert!(
                !text.contains("consideration") && !text.contains("considération"),
                "{}: a closing where the original has none",
                expected.file
            ),
        }
    }
}
