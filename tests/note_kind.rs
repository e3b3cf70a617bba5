//! The general kind, `note`: the frame's formulas around the paragraphs the
//! meeting file gives, the first continuing the opening, the others set as
//! the file sets them (numbered, with lettered items, as a quotation), read
//! back from the PDFs in both languages; and the mistakes a body can hold.

use crate::common;

use common::{check_json, noteverbale, repo, squeeze, squeezed_pdf, succeed};

/// Renders `meeting` (a file of `tests/fixtures/note`) into a temporary
/// folder: its French and English notes' text, squeezed.
fn rendered(meeting: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = repo(&format!("tests/fixtures/note/{meeting}"));
    succeed(dir.path(), &["render", path.to_str().unwrap(), "-o", "out"]);
    let stem = meeting.trim_end_matches(".yaml");
    let read = |lang: &str| squeezed_pdf(&dir.path().join(format!("out/{stem}.{lang}.pdf")));
    (read("fr"), read("en"))
}

/// Asserts that the squeezed `text` holds each of `expected`, in order.
fn in_order(text: &str, expected: &[&str]) {
    let mut from = 0;
    for phrase in expected {
        let phrase = squeeze(phrase);
        match text[from..].find(&phrase) {
            Some(at) => from += at + phrase.len(),
            None => panic!("missing, or out of order: «{phrase}» in\n{text}"),
        }
    }
}

#[test]
fn the_body_continues_the_opening_and_is_set_as_the_file_sets_it() {
    let (fr, en) = rendered("articles.yaml");
    in_order(
        &fr,
        &[
            "Le Secrétaire général de l'Organisation des Nations Unies présente ses compliments",
            // `honour` and the first paragraph joined, "de" elided.
            "se référant à sa note C.N.45.2026 du 15 janvier 2026, a l'honneur d'informer les États de ce qui suit",
            "a) la Conférence se tiendra à Genève du 4 au 6 septembre 2026 ;",
            "b) l'ordre du jour provisoire sera distribué en juin.",
            "1. Le Secrétaire général rappelle l'article 11 de la Convention, qui dispose :",
            "Les États parties se réunissent régulièrement",
            "2. Les inscriptions seront ouvertes",
            "Le Secrétaire général saisit cette occasion",
            "New York, le 2 mars 2026",
        ],
    );
    in_order(
        &en,
        &[
            "The Secretary-General of the United Nations presents his compliments",
            "with reference to his note C.N.45.2026 of 15 January 2026, has the honour to inform the States of the following",
            "(a) the Conference will be held at Geneva from 4 to 6 September 2026;",
            "(b) the provisional agenda will be circulated in June.",
            "1. The Secretary-General recalls article 11 of the Convention, which provides:",
            "The States Parties shall meet on a regular basis",
            "2. Registration will be open until 1 August 2026.",
            "The Secretary-General avails himself of this opportunity",
            "New York, 2 March 2026",
        ],
    );
}

#[test]
fn a_consonant_keeps_de_whole() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/articles.yaml"))
        .unwrap()
        .replace(
            "fr: informer les États de ce qui suit",
            "fr: porter à la connaissance des États ce qui suit",
        );
    std::fs::write(dir.path().join("consonant.yaml"), text).unwrap();
    succeed(
        dir.path(),
        &["render", "consonant.yaml", "--lang", "fr", "-o", "out"],
    );
    let fr = squeezed_pdf(&dir.path().join("out/consonant.fr.pdf"));
    assert!(
        fr.contains(&squeeze(
            "a l'honneur de porter à la connaissance des États"
        )),
        "{fr}"
    );
}

/// The mistakes `check` finds in the articles' note changed by `change`:
/// each message with its line.
fn mistakes(change: impl Fn(String) -> String) -> Vec<(String, u64)> {
    let dir = tempfile::tempdir().unwrap();
    let text = change(std::fs::read_to_string(repo("tests/fixtures/note/articles.yaml")).unwrap());
    std::fs::write(dir.path().join("note.yaml"), text).unwrap();
    let (code, report) = check_json(dir.path(), &["note.yaml"]);
    assert_eq!(code, Some(1), "{report:#}");
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn the_first_paragraph_is_running_text_and_the_body_is_there() {
    let found = mistakes(|text| {
        text.replace(
            "    en: inform the States of the following concerning the Convention on Cluster Munitions.\n",
            "    en: inform the States of the following concerning the Convention on Cluster Munitions.\n    numbered: true\n",
        )
    });
    assert_eq!(
        found,
        [(
            "the first paragraph continues the opening: it is never numbered".to_owned(),
            17
        )]
    );
    let found = mistakes(|text| text[..text.find("paragraphs:").unwrap()].to_owned());
    assert_eq!(
        found[0].0,
        "a note of kind `note` says what it does in `paragraphs`, and there are none"
    );
    // A key that is neither a language nor a setting is named, with those
    // that are.
    let found = mistakes(|text| text.replace("    numbered: true\n", "    numbred: true\n"));
    assert!(
        found[0].0.starts_with("unknown field `numbred`")
            && found[0].0.contains("`numbered`")
            && found[0].0.contains("`quotation`"),
        "{found:?}"
    );
}

#[test]
fn a_template_that_prints_the_paragraphs_alone_is_warned_of_their_setting() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    for lang in ["fr", "en"] {
        let name = format!("note.{lang}.typ");
        // The built-in template, its body printed from `paragraphs` alone.
        let builtin = std::fs::read_to_string(repo(&format!("templates/{name}"))).unwrap();
        let body = builtin.find("{% if not honour %}").unwrap();
        let text = format!(
            "{}{{{{ opening }}}} {{{{ honour }}}} {{% for p in paragraphs %}}{{{{ p }}}}\n\n{{% endfor %}}\n",
            &builtin[..body]
        );
        std::fs::write(templates.join(name), text).unwrap();
    }
    std::fs::copy(repo("templates/note.yaml"), templates.join("note.yaml")).unwrap();
    std::fs::copy(
        repo("tests/fixtures/note/articles.yaml"),
        dir.path().join("note.yaml"),
    )
    .unwrap();
    let out = noteverbale(
        dir.path(),
        &["check", "--templates", "templates", "note.yaml"],
    );
    let stderr = common::stderr(&out);
    assert!(
        stderr.contains("warning: the template `note.fr.typ` does not print `body_paragraphs`, which the meeting file's `paragraphs` gives"),
        "{stderr}"
    );
}

#[test]
fn the_depositary_notification_opens_alone_and_does_not_close() {
    let (fr, en) = rendered("depositary.yaml");
    in_order(
        &fr,
        &[
            "Le Secrétaire général de l'Organisation des Nations Unies, agissant en sa qualité de dépositaire, communique ce qui suit :",
            "Convention sur les armes à sous-munitions, Dublin, 30 mai 2008",
            "L'action susmentionnée a été effectuée le 1er mars 2018.",
            "New York, le 5 mars 2018",
        ],
    );
    in_order(
        &en,
        &[
            "The Secretary-General of the United Nations, acting in his capacity as depositary, communicates the following:",
            "Convention on Cluster Munitions, Dublin, 30 May 2008",
            "The above action was effected on 1 March 2018.",
            "New York, 5 March 2018",
        ],
    );
    for text in [&fr, &en] {
        for formula in [
            "compliments",
            "considération",
            "consideration",
            "honneur",
            "honour",
        ] {
            assert!(!text.contains(formula), "«{formula}» in\n{text}");
        }
    }
}

#[test]
fn the_depositary_opening_is_the_secretary_general_s_to_no_addressee() {
    let depositary = |change: &dyn Fn(String) -> String| {
        let dir = tempfile::tempdir().unwrap();
        let text =
            change(std::fs::read_to_string(repo("tests/fixtures/note/depositary.yaml")).unwrap());
        std::fs::write(dir.path().join("n.yaml"), text).unwrap();
        let (code, report) = check_json(dir.path(), &["n.yaml"]);
        assert_eq!(code, Some(1), "{report:#}");
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{} ({})",
                    d["message"].as_str().unwrap(),
                    d["field"].as_str().unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
    };
    let found = depositary(&|text| {
        text.replace(
            "sender: { role: secretary-general, gender: male }",
            "sender: { role: office, name: { fr: Le Bureau, en: The Office } }\naddressees: member-states\nclosing: { degree: high }",
        )
    });
    assert_eq!(
        found,
        [
            "the depositary's notification is the Secretary-General's (opening)",
            "a depositary notification names no addressee (addressees)",
            "a depositary notification has no closing formula (closing)",
        ]
    );
    // A kind whose templates are written for the compliments alone.
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    std::fs::write(
        dir.path().join("i.yaml"),
        example.replace("\naddressees: circular\n", "\nopening: depositary\n"),
    )
    .unwrap();
    let (_, report) = check_json(dir.path(), &["i.yaml"]);
    assert_eq!(
        report["diagnostics"][0]["message"],
        "the templates of the kind `invitation` are not written for this opening",
        "{report:#}"
    );
}

#[test]
fn a_note_dated_at_its_head_carries_place_and_date_above_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/depositary.yaml"))
        .unwrap()
        .replace("paper: us-letter\n", "paper: a4\ndate_at: head\n");
    std::fs::write(dir.path().join("head.yaml"), text).unwrap();
    succeed(dir.path(), &["render", "head.yaml", "-o", "out"]);
    let fr = squeezed_pdf(&dir.path().join("out/head.fr.pdf"));
    let en = squeezed_pdf(&dir.path().join("out/head.en.pdf"));
    in_order(
        &fr,
        &[
            "NATIONS UNIES",
            "New York, le 5 mars 2018",
            "REFERENCE",
            "L'action susmentionnée",
        ],
    );
    in_order(
        &en,
        &[
            "NATIONS UNIES",
            "New York, 5 March 2018",
            "REFERENCE",
            "The above action",
        ],
    );
    // Once only: not at the foot too.
    assert_eq!(en.matches(&squeeze("5 March 2018")).count(), 1, "{en}");
}

#[test]
fn a_note_in_one_language_needs_its_texts_in_that_language_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = repo("tests/fixtures/note/embassy.yaml");
    let path = path.to_str().unwrap();
    succeed(dir.path(), &["render", path, "-o", "out"]);
    assert_eq!(common::pdfs(&dir.path().join("out")), ["embassy.en.pdf"]);
    let en = squeezed_pdf(&dir.path().join("out/embassy.en.pdf"));
    in_order(
        &en,
        &[
            "The Hague, 14 May 2026",
            "The Embassy of the Republic of Ruritania presents its compliments to the Ministry of Foreign Affairs of the Kingdom of the Netherlands and, with reference to the Ministry's note DVB/CV-123/26 of 2 May 2026, has the honour to inform the Ministry that",
            "The Embassy avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.",
            // The addressee's block, at the foot.
            "Ministry of Foreign Affairs of the Kingdom of the Netherlands P.O. Box 20061 2500 EB The Hague",
        ],
    );
    // A language it is not written in is refused, with the way out.
    let out = noteverbale(dir.path(), &["render", path, "--lang", "fr", "-o", "fr"]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: the note is not written in French: its `languages` are en (field `languages`)"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("fr").exists());
    // `check` compares nothing and finds nothing.
    let (code, report) = check_json(dir.path(), &[path]);
    assert_eq!(code, Some(0), "{report:#}");

    // A note in every language still needs every text in each.
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("languages: [en]\n", "");
    std::fs::write(dir.path().join("both.yaml"), text).unwrap();
    let (code, report) = check_json(dir.path(), &["both.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        report["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("missing field `fr`"),
        "{report:#}"
    );
    // `languages` names languages, each once.
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("languages: [en]", "languages: [en, en]");
    std::fs::write(dir.path().join("twice.yaml"), text).unwrap();
    let (_, report) = check_json(dir.path(), &["twice.yaml"]);
    assert_eq!(
        report["diagnostics"][0]["message"],
        "`languages` names each language of the note once"
    );
}

#[test]
fn a_batch_of_a_note_in_one_language_sends_it_to_every_mission_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("list.csv"),
        "code,name_fr,name_en,language\nFRA,la France,France,fr\nGHA,le Ghana,Ghana,en\n",
    )
    .unwrap();
    let path = repo("tests/fixtures/note/embassy.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // A note from an office to each mission, in English alone.
    let text = text[..text.find("sender:").unwrap()].to_owned()
        + "sender:\n  role: office\n  name: { en: The Office for Disarmament Affairs }\n  short: { en: The Office }\nparagraphs:\n  - en: inform the Permanent Mission that the meeting will be held on 4 June 2026.\n";
    std::fs::write(
        dir.path().join("office.yaml"),
        text.replace("addressee_block: true\n", ""),
    )
    .unwrap();
    succeed(
        dir.path(),
        &["batch", "office.yaml", "-r", "list.csv", "-o", "out"],
    );
    assert_eq!(
        common::pdfs(&dir.path().join("out")),
        ["FRA.en.pdf", "GHA.en.pdf"]
    );
    let france = squeezed_pdf(&dir.path().join("out/FRA.en.pdf"));
    assert!(
        france.contains(&squeeze(
            "presents its compliments to the Permanent Mission of France to the United Nations"
        )),
        "{france}"
    );
}

#[test]
fn the_english_note_writes_its_dates_in_the_united_states_style_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
        .unwrap()
        .replace("\ndate: 2017\n", "\ndate: 2017-04-12\ndate_style: us\n");
    std::fs::write(dir.path().join("us.yaml"), text).unwrap();
    // The two notes still agree: the comparison reads the dates month first.
    let (code, report) = check_json(dir.path(), &["us.yaml"]);
    assert_eq!(code, Some(0), "{report:#}");
    succeed(dir.path(), &["render", "us.yaml", "-o", "out"]);
    let en = squeezed_pdf(&dir.path().join("out/us.en.pdf"));
    in_order(
        &en,
        &[
            "adopted by the General Assembly on December 7, 2015",
            "from September 4 to 6, 2017",
            "no later than Friday, August 18, 2017",
            "April 12, 2017",
        ],
    );
    // French writes its dates one way.
    let fr = squeezed_pdf(&dir.path().join("out/us.fr.pdf"));
    in_order(&fr, &["du 4 au 6 septembre 2017", "Le 12 avril 2017"]);
}

#[test]
fn an_annex_is_printed_after_the_note_on_a_page_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/depositary.yaml")).unwrap()
        + "annex:\n  heading: { fr: Annexe, en: Annex }\n  paragraphs:\n    - fr: Texte de la déclaration faite lors de l'adhésion.\n      en: Text of the declaration made upon accession.\n    - fr: La déclaration est reproduite ci-après.\n      en: The declaration reads as follows.\n      numbered: true\n";
    std::fs::write(dir.path().join("annexed.yaml"), text).unwrap();
    succeed(dir.path(), &["render", "annexed.yaml", "-o", "out"]);
    for (lang, heading, first, numbered) in [
        (
            "fr",
            "Annexe",
            "Texte de la déclaration faite lors de l'adhésion.",
            "1. La déclaration est reproduite ci-après.",
        ),
        (
            "en",
            "Annex",
            "Text of the declaration made upon accession.",
            "1. The declaration reads as follows.",
        ),
    ] {
        let pdf = std::fs::read(dir.path().join(format!("out/annexed.{lang}.pdf"))).unwrap();
        let pages: Vec<String> = common::pdf_pages(&pdf);
        assert_eq!(pages.len(), 2, "{lang}: {pages:?}");
        // The note ends on its page; the annex has the next to itself.
        assert!(!squeeze(&pages[0]).contains(&squeeze(first)), "{lang}");
        in_order(&squeeze(&pages[1]), &[heading, first, numbered]);
    }
}

#[test]
fn each_mission_of_a_batch_is_named_with_its_address_in_the_block_at_the_foot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("list.csv"),
        "code,name_fr,name_en,language,city,address\nGHA,le Ghana,Ghana,en,New York,19 East 47th Street\n",
    )
    .unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/embassy.yaml")).unwrap();
    let text = text[..text.find("sender:").unwrap()].to_owned()
        + "sender:\n  role: office\n  name: { en: The Office for Disarmament Affairs }\n  short: { en: The Office }\nparagraphs:\n  - en: inform the Permanent Mission that the meeting will be held on 4 June 2026.\n";
    std::fs::write(dir.path().join("office.yaml"), text).unwrap();
    succeed(
        dir.path(),
        &["batch", "office.yaml", "-r", "list.csv", "-o", "out"],
    );
    let ghana = squeezed_pdf(&dir.path().join("out/GHA.en.pdf"));
    in_order(
        &ghana,
        &[
            "The Office avails itself",
            "Permanent Mission of Ghana to the United Nations 19 East 47th Street New York",
        ],
    );
    // A note to nobody has no block.
    let example = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    std::fs::write(
        dir.path().join("nobody.yaml"),
        example.replace(
            "\naddressees: circular\n",
            "\naddressees: none\naddressee_block: true\n",
        ),
    )
    .unwrap();
    let (_, report) = check_json(dir.path(), &["nobody.yaml"]);
    assert_eq!(
        report["diagnostics"][0]["message"],
        "the addressee's block names the addressee, and this note has none"
    );
}

#[test]
fn the_opening_refers_to_talks_as_well_as_to_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/articles.yaml"))
        .unwrap()
        .replace(
            "refers_to: { reference: C.N.45.2026, date: 2026-01-15 }",
            "refers_to:\n  to: { fr: aux consultations tenues à Genève en janvier 2026, en: the consultations held at Geneva in January 2026 }",
        );
    std::fs::write(dir.path().join("talks.yaml"), &text).unwrap();
    succeed(dir.path(), &["render", "talks.yaml", "-o", "out"]);
    let fr = squeezed_pdf(&dir.path().join("out/talks.fr.pdf"));
    let en = squeezed_pdf(&dir.path().join("out/talks.en.pdf"));
    in_order(
        &fr,
        &[
            "et, se référant aux consultations tenues à Genève en janvier 2026, a l'honneur d'informer les États",
        ],
    );
    in_order(
        &en,
        &[
            "and, with reference to the consultations held at Geneva in January 2026, has the honour to inform the States",
        ],
    );
    // A note by its reference and date, or something else: not both.
    std::fs::write(
        dir.path().join("both.yaml"),
        text.replace(
            "refers_to:\n  to:",
            "refers_to:\n  reference: C.N.45.2026\n  to:",
        ),
    )
    .unwrap();
    let (_, report) = check_json(dir.path(), &["both.yaml"]);
    assert_eq!(
        report["diagnostics"][0]["message"],
        "the opening refers to an earlier note, by its `reference` and `date`, or to something else written out, `to`"
    );
}

#[test]
fn the_letterhead_is_printed_as_given_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/articles.yaml"))
        .unwrap()
        .replace(
            "letterhead: [UNITED NATIONS, NATIONS UNIES]",
            "letterhead: [UNITED NATIONS, \"TEL.: 1 (212) 963.1234\"]",
        );
    std::fs::write(dir.path().join("head.yaml"), text).unwrap();
    succeed(
        dir.path(),
        &["render", "head.yaml", "-o", "out", "--lang", "fr"],
    );
    let raw = pdf_extract::extract_text(dir.path().join("out/head.fr.pdf")).unwrap();
    assert!(raw.contains("TEL.: 1 (212) 963.1234"), "{raw}");
}

#[test]
fn after_an_opening_of_its_own_the_first_paragraph_is_set_as_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/depositary.yaml"))
        .unwrap()
        .replace(
            "    en: \"Convention on Cluster Munitions, Dublin, 30 May 2008\"\n",
            "    en: \"Convention on Cluster Munitions, Dublin, 30 May 2008\"\n    numbered: true\n",
        );
    std::fs::write(dir.path().join("numbered.yaml"), &text).unwrap();
    succeed(
        dir.path(),
        &["render", "numbered.yaml", "-o", "out", "--lang", "en"],
    );
    let en = squeezed_pdf(&dir.path().join("out/numbered.en.pdf"));
    in_order(
        &en,
        &[
            "communicates the following:",
            "1. Convention on Cluster Munitions",
        ],
    );
    // The compliments alone end with one point, whatever the addressee's.
    let alone = text
        .replace("opening: depositary", "opening: compliments-alone")
        .replace(
            "sender: { role: secretary-general, gender: male }",
            "sender: { role: secretary-general, gender: male }\naddressees: { fr: \"au Chargé d'affaires p.i.\", en: \"the Chargé d'affaires a.i.\" }",
        );
    std::fs::write(dir.path().join("alone.yaml"), alone).unwrap();
    succeed(
        dir.path(),
        &["render", "alone.yaml", "-o", "out", "--lang", "en"],
    );
    let en = squeezed_pdf(&dir.path().join("out/alone.en.pdf"));
    assert!(
        en.contains(&squeeze("his compliments to the Chargé d'affaires a.i. 1.")),
        "{en}"
    );
}

#[test]
fn more_items_than_letters_and_a_reference_without_its_preposition_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("tests/fixtures/note/articles.yaml")).unwrap();
    let item = "      - { fr: un point ;, en: an item; }\n";
    let many = text.replacen(
        "    items:\n",
        &format!("    items:\n{}", item.repeat(26)),
        1,
    );
    std::fs::write(dir.path().join("many.yaml"), &many).unwrap();
    let out = noteverbale(dir.path(), &["check", "many.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a paragraph has at most 26 lettered items, a) to z), and this one has 28"),
        "{stderr}"
    );
    assert!(stderr.contains("paragraphs[0].items[26]"), "{stderr}");

    let to = text.replace(
        "refers_to: { reference: C.N.45.2026, date: 2026-01-15 }",
        "refers_to: { to: { fr: les entretiens de Bonn, en: the talks held at Bonn } }",
    );
    assert_ne!(to, text);
    std::fs::write(dir.path().join("to.yaml"), &to).unwrap();
    let out = noteverbale(dir.path(), &["check", "to.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the French words of what the opening refers to do not begin with their preposition"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("addressees"), "{stderr}");
}
