//! Who sends a note, to whom and where: the opening and closing formulas of
//! each sender (the Secretary-General, an office, a permanent mission, a
//! ministry, an embassy, a person) to each form of addressees at each duty
//! station, with an earlier note referred to and the closing's degree and
//! verb, read back from the typeset notes in both languages; and the
//! mistakes of each, located.

use crate::common;

use noteverbale::yaml::YamlFile;
use noteverbale::{Error, Lang, Loaded, NoteOptions};

use common::{engine, laid_out_text, repo};

/// The bundled example sent by `sender` to `addressees`, dated 12 April
/// 2017, with `extra` added to its frame.
fn with_frame(sender: &str, addressees: &str, extra: &str) -> Result<Loaded, Error> {
    let example = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    let start = example
        .find("\nsender:\n")
        .expect("the example has a sender")
        + 1;
    let end = start
        + example[start..]
            .find("\n\n")
            .expect("a blank line after it");
    let text = format!("{}sender: {sender}{}", &example[..start], &example[end..])
        .replace(
            "\naddressees: circular\n",
            &format!("\naddressees: {addressees}\n"),
        )
        .replace("\ndate: 2017\n", "\ndate: 2017-04-12\n")
        + extra;
    let file = YamlFile::from_text(std::path::Path::new("frame.yaml"), text);
    noteverbale::load::read(&file, engine().kinds())
}

/// The example sent by `sender`, at `station` when given.
fn meeting(sender: &str, station: Option<&str>) -> Result<Loaded, Error> {
    let extra = station.map_or_else(String::new, |s| format!("duty_station: {s}\n"));
    with_frame(sender, "circular", &extra)
}

/// Asserts that the file is refused with `message` at `field`.
fn refused(outcome: Result<Loaded, Error>, message: &str, field: &str) {
    let Err(Error::Invalid(found)) = outcome else {
        panic!("accepted, where `{message}` was expected");
    };
    assert!(
        found
            .iter()
            .any(|d| d.message == message && d.field.as_deref() == Some(field)),
        "{message} at {field}: {found:#?}"
    );
}

/// The note's text as laid out, its white space made single spaces.
fn text(loaded: &Loaded, lang: Lang) -> String {
    let note = engine()
        .note(loaded, lang, None, &NoteOptions::default())
        .expect("the note typesets");
    let text = laid_out_text(&note)
        .replace(['\u{a0}', '\u{202f}', '\n'], " ")
        .replace('’', "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `text` holds each of `expected`.
fn holds(text: &str, expected: &[&str]) {
    for phrase in expected {
        assert!(text.contains(phrase), "missing «{phrase}» in:\n{text}");
    }
}

#[test]
fn each_sender_speaks_with_its_own_formulas() {
    let cases: &[(&str, [&[&str]; 2])] = &[
        (
            "{ role: secretary-general, gender: female }",
            [
                &[
                    "La Secrétaire générale de l'Organisation des Nations Unies présente ses compliments aux représentants permanents",
                    "La Secrétaire générale saisit cette occasion pour renouveler aux représentants permanents",
                ],
                &[
                    "The Secretary-General of the United Nations presents her compliments to the Permanent Representatives",
                    "The Secretary-General avails herself of this opportunity",
                    "the assurances of her highest consideration.",
                ],
            ],
        ),
        (
            "{ role: mission, state: FRA }",
            [
                &[
                    "La Mission permanente de la France auprès de l'Organisation des Nations Unies présente ses compliments",
                    "La Mission permanente saisit cette occasion",
                ],
                &[
                    "The Permanent Mission of France to the United Nations presents its compliments",
                    "The Permanent Mission avails itself of this opportunity",
                    "the assurances of its highest consideration.",
                ],
            ],
        ),
        (
            "{ role: mission, state: PSE }",
            [
                &[
                    "La Mission permanente d'observation de l'État de Palestine auprès de l'Organisation des Nations Unies présente ses compliments",
                    "La Mission permanente d'observation saisit cette occasion",
                ],
                &[
                    "The Permanent Observer Mission of the State of Palestine to the United Nations presents its compliments",
                ],
            ],
        ),
        (
            "{ role: mission, state: CHE, name: { fr: La Mission permanente de la Suisse auprès de l'Office des Nations Unies et des autres organisations internationales à Genève, en: The Permanent Mission of Switzerland to the United Nations Office and to the other international organizations in Geneva } }",
            [
                &[
                    "La Mission permanente de la Suisse auprès de l'Office des Nations Unies et des autres organisations internationales à Genève présente ses compliments",
                ],
                &[
                    "The Permanent Mission of Switzerland to the United Nations Office and to the other international organizations in Geneva presents its compliments",
                ],
            ],
        ),
        (
            "{ role: ministry, name: { fr: Le Ministère des affaires étrangères du Royaume des Pays-Bas, en: The Ministry of Foreign Affairs of the Kingdom of the Netherlands }, short: { fr: Le Ministère, en: The Ministry } }",
            [
                &[
                    "Le Ministère des affaires étrangères du Royaume des Pays-Bas présente ses compliments",
                    "Le Ministère saisit cette occasion",
                ],
                &[
                    "The Ministry of Foreign Affairs of the Kingdom of the Netherlands presents its compliments",
                    "The Ministry avails itself of this opportunity",
                ],
            ],
        ),
        (
            "{ role: person, gender: male, name: { fr: Le Directeur général de l'Organisation mondiale de la propriété intellectuelle, en: The Director General of the World Intellectual Property Organization }, short: { fr: Le Directeur général, en: The Director General } }",
            [
                &[
                    "Le Directeur général de l'Organisation mondiale de la propriété intellectuelle présente ses compliments",
                    "Le Directeur général saisit cette occasion",
                ],
                &[
                    "The Director General of the World Intellectual Property Organization presents his compliments",
                    "The Director General avails himself of this opportunity",
                    "the assurances of his highest consideration.",
                ],
            ],
        ),
    ];
    for (sender, [fr, en]) in cases {
        let loaded = meeting(sender, None).unwrap_or_else(|e| panic!("{sender}: {e:?}"));
        holds(&text(&loaded, Lang::Fr), fr);
        holds(&text(&loaded, Lang::En), en);
    }
}

#[test]
fn the_duty_station_is_named_in_every_formula() {
    let stations: &[(&str, &str, &str)] = &[
        (
            "geneva",
            "auprès de l'Office des Nations Unies à Genève",
            "to the United Nations Office at Geneva",
        ),
        (
            "vienna",
            "auprès de l'Office des Nations Unies à Vienne",
            "to the United Nations (Vienna)",
        ),
        (
            "nairobi",
            "auprès de l'Office des Nations Unies à Nairobi",
            "to the United Nations Office at Nairobi",
        ),
    ];
    for (station, fr, en) in stations {
        let loaded = meeting("{ role: mission, state: CAN }", Some(station)).unwrap();
        let french = text(&loaded, Lang::Fr);
        let english = text(&loaded, Lang::En);
        holds(
            &french,
            &[
                &format!("La Mission permanente du Canada {fr} présente ses compliments"),
                &format!(
                    "aux missions permanentes des États Membres et des États observateurs {fr}"
                ),
            ],
        );
        holds(
            &english,
            &[
                &format!("The Permanent Mission of Canada {en} presents its compliments"),
                &format!("the Permanent Missions of the Member States and observer States {en}"),
            ],
        );
        assert!(
            !french.contains("auprès de l'Organisation des Nations Unies")
                && !english.contains("to the United Nations and"),
            "{station}: New York's formula left in a note of another duty station"
        );
    }
}

/// The example sent by `sender` to `addressees`, in both languages.
fn addressed(sender: &str, addressees: &str) -> [String; 2] {
    let loaded = with_frame(sender, addressees, "")
        .unwrap_or_else(|e| panic!("{sender} to {addressees}: {e:?}"));
    [text(&loaded, Lang::Fr), text(&loaded, Lang::En)]
}

#[test]
fn each_form_of_addressees_reads_in_the_opening_and_the_closing() {
    let sg = "{ role: secretary-general, gender: male }";
    let mission = "{ role: mission, state: FRA }";
    let embassy = "{ role: embassy, name: { fr: L'Ambassade des États-Unis d'Amérique, en: The Embassy of the United States of America }, short: { fr: L'Ambassade, en: The Embassy } }";
    let cases: &[(&str, &str, [&[&str]; 2])] = &[
        (
            sg,
            "member-states",
            [
                &[
                    "présente ses compliments aux représentants permanents des États Membres auprès de l'Organisation des Nations Unies et a l'honneur",
                ],
                &[
                    "presents his compliments to the Permanent Representatives of the Member States to the United Nations and has the honour",
                ],
            ],
        ),
        (
            "{ role: office, name: { fr: Le Bureau des affaires de désarmement, en: The Office for Disarmament Affairs }, short: { fr: Le Bureau, en: The Office } }",
            "{ states-parties: { fr: la Convention sur les armes à sous-munitions, en: the Convention on Cluster Munitions } }",
            [
                &[
                    "présente ses compliments aux missions permanentes des États parties à la Convention sur les armes à sous-munitions auprès de l'Organisation des Nations Unies et a l'honneur",
                    "Le Bureau saisit cette occasion pour renouveler aux missions permanentes des États parties à la Convention",
                ],
                &[
                    "presents its compliments to the Permanent Missions of the States parties to the Convention on Cluster Munitions to the United Nations and has the honour",
                ],
            ],
        ),
        (
            sg,
            "{ mission: FRA, gender: female }",
            [
                &[
                    "présente ses compliments à la Représentante permanente de la France auprès de l'Organisation des Nations Unies et a l'honneur",
                ],
                &[
                    "presents his compliments to the Permanent Representative of France to the United Nations and has the honour",
                ],
            ],
        ),
        (
            embassy,
            "{ mission: CAN }",
            [
                &[
                    "L'Ambassade des États-Unis d'Amérique présente ses compliments à la Mission permanente du Canada auprès de l'Organisation des Nations Unies et a l'honneur",
                ],
                &[
                    "The Embassy of the United States of America presents its compliments to the Permanent Mission of Canada to the United Nations and has the honour",
                ],
            ],
        ),
        (
            mission,
            "secretary-general",
            [
                &[
                    "La Mission permanente de la France auprès de l'Organisation des Nations Unies présente ses compliments au Secrétaire général de l'Organisation des Nations Unies et a l'honneur",
                    "La Mission permanente saisit cette occasion pour renouveler au Secrétaire général les assurances de sa très haute considération.",
                ],
                &[
                    "presents its compliments to the Secretary-General of the United Nations and has the honour",
                    "The Permanent Mission avails itself of this opportunity to renew to the Secretary-General the assurances of its highest consideration.",
                ],
            ],
        ),
        (
            embassy,
            "{ ministry: { fr: le Ministère des affaires étrangères du Royaume des Pays-Bas, en: the Ministry of Foreign Affairs of the Kingdom of the Netherlands }, short: { fr: le Ministère, en: the Ministry } }",
            [
                &[
                    "présente ses compliments au Ministère des affaires étrangères du Royaume des Pays-Bas et a l'honneur",
                    "L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances de sa très haute considération.",
                ],
                &[
                    "presents its compliments to the Ministry of Foreign Affairs of the Kingdom of the Netherlands and has the honour",
                    "The Embassy avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.",
                ],
            ],
        ),
        (
            embassy,
            "{ embassy: { fr: l'Ambassade du Japon, en: the Embassy of Japan }, closing: { fr: à l'Ambassade, en: the Embassy } }",
            [
                &[
                    "présente ses compliments à l'Ambassade du Japon et a l'honneur",
                    "saisit cette occasion pour renouveler à l'Ambassade les assurances",
                ],
                &["presents its compliments to the Embassy of Japan and has the honour"],
            ],
        ),
        (
            sg,
            "none",
            [
                &[
                    "Le Secrétaire général de l'Organisation des Nations Unies présente ses compliments et a l'honneur",
                    "Le Secrétaire général saisit cette occasion pour renouveler les assurances de sa très haute considération.",
                ],
                &[
                    "The Secretary-General of the United Nations presents his compliments and has the honour",
                    "The Secretary-General avails himself of this opportunity to renew the assurances of his highest consideration.",
                ],
            ],
        ),
    ];
    for (sender, addressees, [fr, en]) in cases {
        let [french, english] = addressed(sender, addressees);
        holds(&french, fr);
        holds(&english, en);
    }
}

#[test]
fn addressees_that_cannot_be_read_are_refused_at_their_key() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "{ fr: les missions permanentes, en: the Permanent Missions }",
            "the French addressees do not begin with their preposition: `les missions permanentes`",
            "addressees.fr",
        ),
        (
            "{ mission: XYZ }",
            "`XYZ` is not a State of the list of missions",
            "addressees.mission",
        ),
        (
            "{ mission: FRA, ministry: { fr: le Ministère, en: the Ministry } }",
            "the addressees are given in two forms at once: give one",
            "addressees",
        ),
        (
            "{ fr: aux missions }",
            "the addressees written out lack their English text: { fr: \"aux …\", en: \"the …\" }",
            "addressees",
        ),
    ];
    let sg = "{ role: secretary-general, gender: male }";
    for (addressees, message, field) in cases {
        refused(with_frame(sg, addressees, ""), message, field);
    }
}

#[test]
fn a_sender_that_does_not_fit_its_role_is_refused_at_its_key() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "{ role: office, gender: male, name: { fr: Le Bureau, en: The Office } }",
            "an office takes no `gender`",
            "sender.gender",
        ),
        (
            "{ role: person, name: { fr: Le Directeur général, en: The Director General } }",
            "the gender of the person who sends the note is missing",
            "sender",
        ),
        (
            "{ role: mission }",
            "a permanent mission that sends a note needs its State",
            "sender",
        ),
        (
            "{ role: mission, state: Francia }",
            "`Francia` is not a State of the list of missions",
            "sender.state",
        ),
        (
            "{ role: embassy, state: USA, name: { fr: L'Ambassade, en: The Embassy } }",
            "an embassy takes no `state`",
            "sender.state",
        ),
        (
            "{ role: secretary-general, gender: male, name: { fr: Le Secrétaire, en: The Secretary } }",
            "the Secretary-General takes no `name`",
            "sender.name",
        ),
    ];
    for (sender, message, field) in cases {
        refused(meeting(sender, None), message, field);
    }
}

#[test]
fn the_opening_refers_to_an_earlier_note_and_the_closing_takes_its_degree() {
    let sg = "{ role: secretary-general, gender: female }";
    let embassy = "{ role: embassy, name: { fr: L'Ambassade des États-Unis d'Amérique, en: The Embassy of the United States of America }, short: { fr: L'Ambassade, en: The Embassy } }";
    let ministry = "{ ministry: { fr: le Ministère des affaires étrangères, en: the Ministry of Foreign Affairs }, short: { fr: le Ministère, en: the Ministry } }";
    let cases: &[(&str, &str, &str, [&[&str]; 2])] = &[
        (
            sg,
            "circular",
            "refers_to: { reference: ODA/12-2015/CCM, date: 2015-02-16 }\n",
            [
                &[
                    "observateurs auprès de l'Organisation des Nations Unies et, se référant à sa note ODA/12-2015/CCM du 16 février 2015, a l'honneur de se référer",
                ],
                &[
                    "to the United Nations and, with reference to her note ODA/12-2015/CCM of 16 February 2015, has the honour to refer",
                ],
            ],
        ),
        (
            embassy,
            ministry,
            "refers_to: { reference: No. 75, date: 2017-04-12, by: addressee }\nclosing: { degree: high, verb: takes }\n",
            [
                &[
                    "au Ministère des affaires étrangères et, se référant à la note No. 75 du Ministère en date du 12 avril 2017, a l'honneur de",
                    "L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances de sa haute considération.",
                ],
                &[
                    "to the Ministry of Foreign Affairs and, with reference to the Ministry's note No. 75 of 12 April 2017, has the honour to",
                    "The Embassy takes this opportunity to renew to the Ministry the assurances of its high consideration.",
                ],
            ],
        ),
        (
            sg,
            "circular",
            "closing: none\n",
            [&["présente ses compliments"], &["presents her compliments"]],
        ),
    ];
    for (sender, addressees, extra, [fr, en]) in cases {
        let loaded =
            with_frame(sender, addressees, extra).unwrap_or_else(|e| panic!("{extra}: {e:?}"));
        let (french, english) = (text(&loaded, Lang::Fr), text(&loaded, Lang::En));
        holds(&french, fr);
        holds(&english, en);
        if extra.contains("closing: none") {
            assert!(
                !french.contains("saisit cette occasion") && !english.contains("this opportunity"),
                "a closing printed: {english}"
            );
        }
    }
}

#[test]
fn an_earlier_note_dated_after_this_one_or_of_no_one_is_refused() {
    let sg = "{ role: secretary-general, gender: male }";
    let cases: &[(&str, &str, &str)] = &[
        (
            "refers_to: { reference: A/1, date: 2017-05-01 }\n",
            "the note referred to is dated 2017-05-01, after this note's date, 2017-04-12",
            "refers_to.date",
        ),
        (
            "refers_to: { reference: A/1, date: 2017-01-01, by: addressee }\n",
            "the note referred to is the addressee's, but the addressees are not one body",
            "refers_to.by",
        ),
    ];
    for (extra, message, field) in cases {
        refused(with_frame(sg, "circular", extra), message, field);
    }
    // The same day is a reply's.
    with_frame(
        sg,
        "circular",
        "refers_to: { reference: A/1, date: 2017-04-12 }\n",
    )
    .unwrap();
}

#[test]
fn enclosures_are_counted_or_listed_by_their_titles() {
    let sg = "{ role: secretary-general, gender: male }";
    let titles = "enclosures:\n  - { fr: Ordre du jour provisoire, en: Provisional agenda }\n  - { fr: Programme de travail, en: Programme of work }\n";
    let loaded = with_frame(sg, "circular", titles).unwrap();
    holds(
        &text(&loaded, Lang::Fr),
        &["Pièces jointes Ordre du jour provisoire Programme de travail"],
    );
    holds(
        &text(&loaded, Lang::En),
        &["Enclosures Provisional agenda Programme of work"],
    );
    let loaded = with_frame(sg, "circular", "enclosures: 1\n").unwrap();
    holds(&text(&loaded, Lang::Fr), &["Pièce jointe"]);
}

#[test]
fn in_a_batch_the_secretary_general_writes_to_the_representative_and_an_office_to_the_mission() {
    let list = noteverbale::recipients::load(&repo("examples/missions.yaml")).unwrap();
    let france = list
        .records
        .iter()
        .find(|r| r.code.as_deref() == Some("FRA"))
        .and_then(|r| r.recipient.as_ref().ok())
        .expect("France is in the bundled list")
        .clone();
    let note = |sender: &str, lang: Lang| {
        let loaded = with_frame(sender, "circular", "").unwrap();
        let note = engine()
            .note(&loaded, lang, Some(&france), &NoteOptions::default())
            .unwrap();
        laid_out_text(&note)
            .replace(['\u{a0}', '\u{202f}', '\n'], " ")
            .replace('’', "'")
    };
    let office = "{ role: office, name: { fr: Le Bureau des affaires de désarmement, en: The Office for Disarmament Affairs }, short: { fr: Le Bureau, en: The Office } }";
    holds(
        &note(office, Lang::Fr),
        &[
            "présente ses compliments à la Mission permanente de la France auprès de l'Organisation des Nations Unies",
        ],
    );
    holds(
        &note(office, Lang::En),
        &["presents its compliments to the Permanent Mission of France to the United Nations"],
    );
    holds(
        &note("{ role: secretary-general, gender: male }", Lang::Fr),
        &[
            "présente ses compliments au Représentant permanent de la France auprès de l'Organisation des Nations Unies",
        ],
    );
}

#[test]
fn addressees_given_what_they_do_not_take_are_refused() {
    let sg = "{ role: secretary-general, gender: male }";
    let embassy = "{ role: embassy, name: { fr: L'Ambassade, en: The Embassy } }";
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            sg,
            "{ fr: Aux missions permanentes, en: the Permanent Missions }",
            "",
            "the French addressees begin with a capital, in the middle of the sentence: `Aux missions permanentes`",
            "addressees.fr",
        ),
        (
            sg,
            "{ form: circular, gender: female }",
            "",
            "`gender` is the gender of the head of a mission (`mission:`) or the Secretary-General: these addressees take none",
            "addressees",
        ),
        (
            sg,
            "{ form: member-states, short: { fr: les États, en: the States } }",
            "",
            "`short` is the short name of an office, a ministry or an embassy: these addressees take none",
            "addressees",
        ),
        (
            sg,
            "{ form: member-states, closing: { fr: Aux États, en: the States } }",
            "",
            "the French addressees begin with a capital, in the middle of the sentence: `Aux États`",
            "addressees.closing.fr",
        ),
        (
            embassy,
            "{ ministry: { fr: le Ministère des affaires étrangères, en: the Ministry of Foreign Affairs } }",
            "refers_to: { reference: No. 12, date: 2017-04-01, by: addressee }\n",
            "the note referred to is the addressee's, and the addressee has no short name",
            "addressees",
        ),
    ];
    for (sender, addressees, extra, message, field) in cases {
        refused(with_frame(sender, addressees, extra), message, field);
    }
}
