//! French and English agree: a corpus of texts as notes write them, each
//! pair known to state the same facts or not; meeting files with one fact
//! changed in one language only, refused at both places; a difference that
//! the writer acknowledges, no longer reported.

use crate::common;

use std::path::Path;

use common::{check_json, noteverbale, repo, succeed};
use noteverbale::Lang;
use noteverbale::agree::{self, States};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    pairs: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    fr: String,
    en: String,
    agree: bool,
}

#[test]
fn the_corpus_tells_agreeing_pairs_from_the_others() {
    let corpus: Corpus = serde_yaml::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/agree/pairs.yaml")).unwrap(),
    )
    .unwrap();
    assert!(corpus.pairs.len() >= 30);
    let states = States::builtin();
    let mut wrong = Vec::new();
    for pair in &corpus.pairs {
        let differences = agree::differences(&pair.fr, &pair.en, states);
        if differences.is_empty() != pair.agree {
            let fr = agree::facts(&pair.fr, Lang::Fr, states);
            let en = agree::facts(&pair.en, Lang::En, states);
            wrong.push(format!(
                "{:?} / {:?}: expected {}, found {:?} / {:?}",
                pair.fr,
                pair.en,
                if pair.agree {
                    "agreement"
                } else {
                    "a difference"
                },
                fr.iter().map(|f| &f.fact).collect::<Vec<_>>(),
                en.iter().map(|f| &f.fact).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The example with `from` replaced by `to`, once, in `dir`.
fn changed(dir: &Path, example: &str, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(repo(example)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    let name = Path::new(example).file_name().unwrap().to_str().unwrap();
    std::fs::write(dir.join(name), text.replacen(from, to, 1)).unwrap();
    if let Some(logo) = text.lines().find_map(|l| l.strip_prefix("logo: ")) {
        let logo = logo.trim().trim_matches('"');
        std::fs::copy(
            repo("examples").join(logo),
            dir.join(Path::new(logo).file_name().unwrap()),
        )
        .ok();
    }
    name.to_owned()
}

/// The line of the first occurrence of `needle` in the file, from 1.
fn line_of(dir: &Path, name: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    text[..text.find(needle).unwrap_or_else(|| panic!("{needle}"))]
        .matches('\n')
        .count()
        + 1
}

/// A folder `kinds` in `dir` holding a copy of the built-in transmittal
/// kind, its schema and both templates, for a test to change.
fn transmittal_kinds(dir: &Path) -> std::path::PathBuf {
    let kinds = dir.join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    for name in [
        "transmittal.yaml",
        "transmittal.fr.typ",
        "transmittal.en.typ",
    ] {
        std::fs::copy(repo("templates").join(name), kinds.join(name)).unwrap();
    }
    kinds
}

/// That `error` says `message` and stands at the line of the English
/// template in `kinds` that holds `needle`.
fn assert_at_english_line(error: &serde_json::Value, message: &str, kinds: &Path, needle: &str) {
    assert!(
        error["message"].as_str().unwrap().contains(message),
        "{error:#}"
    );
    assert!(
        error["file"]
            .as_str()
            .unwrap()
            .ends_with("transmittal.en.typ"),
        "{error:#}"
    );
    assert_eq!(
        error["line"],
        line_of(kinds, "transmittal.en.typ", needle),
        "{error:#}"
    );
}

/// The one error of a report of `check --format json`.
fn the_error(report: &serde_json::Value) -> serde_json::Value {
    let errors: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{report:#}");
    errors[0].clone()
}

#[test]
fn a_fact_changed_in_one_language_is_refused_at_both_places() {
    // (example, text replaced, replacement, where the French is, where the English is)
    let cases = [
        (
            "examples/ccm-7msp.yaml",
            "de la première Conférence d'examen",
            "de la deuxième Conférence d'examen",
            "deuxième",
            "First Review Conference",
        ),
        (
            "examples/ccm-7msp.yaml",
            "visées à l'article 7",
            "visées à l'article 8",
            "l'article 8",
            "under article 7",
        ),
        (
            "examples/ccm-7msp.yaml",
            "Palais des Nations, Office C.117",
            "Palais des Nations, Office C.171",
            "bureau C.117",
            "Office C.171",
        ),
        (
            "examples/request-for-views.yaml",
            "au plus tard le 28 avril 2017",
            "au plus tard le 28 avril 2018",
            "28 avril 2018",
            "input required by 28 April 2017",
        ),
        (
            "examples/request-for-views.yaml",
            "Resolution 71/41,",
            "Resolution 71/14,",
            "Résolution 71/41",
            "Resolution 71/14",
        ),
    ];
    for (example, from, to, fr_at, en_at) in cases {
        let dir = tempfile::tempdir().unwrap();
        let name = changed(dir.path(), example, from, to);
        let (code, report) = check_json(dir.path(), &[&name]);
        assert_eq!(code, Some(1), "{example}: {from} → {to}");
        let error = the_error(&report);
        assert_eq!(error["code"], "languages-differ");
        assert_eq!(error["file"], name);
        assert_eq!(
            error["line"],
            line_of(dir.path(), &name, fr_at),
            "{error:#}"
        );
        let related = &error["related"][0];
        assert_eq!(related["file"], name);
        assert_eq!(
            related["line"],
            line_of(dir.path(), &name, en_at),
            "{error:#}"
        );
        assert!(!error["hints"][0].as_str().unwrap().is_empty());

        // render and batch refuse it as well, and write nothing.
        let missions = repo("examples/missions.yaml");
        let missions = missions.to_str().unwrap();
        for args in [
            &["render", &name, "--out", "out"][..],
            &["batch", &name, "--recipients", missions, "--out", "out"],
        ] {
            let out = noteverbale(dir.path(), args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert!(!dir.path().join("out").exists(), "{args:?}");
            let text = String::from_utf8_lossy(&out.stderr);
            assert!(text.contains("the English"), "{args:?}: {text}");
        }
    }
}

#[test]
fn an_acknowledged_difference_is_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let name = changed(
        dir.path(),
        "examples/ccm-7msp.yaml",
        "    - { fr: CH-1211 Genève 10, en: CH-1211 Geneva 10 }",
        "    - { fr: CH-1211 Genève 10, en: CH-1211 Geneva 20 }",
    );
    let out = noteverbale(dir.path(), &["check", &name]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("“10”") && text.contains("“20”"), "{text}");

    let name = changed(
        dir.path(),
        "examples/ccm-7msp.yaml",
        "    - { fr: CH-1211 Genève 10, en: CH-1211 Geneva 10 }",
        "    - { fr: CH-1211 Genève 10, en: CH-1211 Geneva 20 }  # allow(languages-differ): the English keeps the old box",
    );
    succeed(dir.path(), &["check", "--deny-warnings", &name]);
}

#[test]
fn an_acknowledgment_that_outlives_its_difference_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // The English was put right, the comment left behind.
    let line = "    - { fr: CH-1211 Genève 10, en: CH-1211 Geneva 10 }";
    let name = changed(
        dir.path(),
        "examples/ccm-7msp.yaml",
        line,
        &format!("{line}  # allow(languages-differ): the English keeps the old box"),
    );
    let (code, report) = check_json(dir.path(), &[&name]);
    assert_eq!(code, Some(0));
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 1, "{report:#}");
    let warning = &report["diagnostics"][0];
    assert_eq!(
        warning["message"],
        "`allow(languages-differ)` acknowledges nothing: the French and the English of the text on this line agree"
    );
    assert_eq!(
        warning["line"],
        line_of(dir.path(), &name, "allow(languages-differ)")
    );
    let out = noteverbale(dir.path(), &["check", "--deny-warnings", &name]);
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn a_state_named_in_one_language_of_an_acknowledged_text_is_no_difference_of_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let venue = "  venue: { fr: à Dubrovnik (Croatie), en: \"in Dubrovnik, Croatia\" }";
    // The English leaves the State out, on purpose, acknowledged on both
    // lines; the template names the host State in both notes.
    let name = changed(
        dir.path(),
        "examples/ccm-review-change-of-dates.yaml",
        venue,
        "  venue:\n    fr: à Dubrovnik (Croatie)  # allow(languages-differ): the French names the country\n    en: in Dubrovnik  # allow(languages-differ): the English does not",
    );
    succeed(dir.path(), &["check", "--deny-warnings", &name]);
    succeed(dir.path(), &["render", &name, "-o", "out"]);
}

#[test]
fn notes_whose_templates_differ_are_refused_at_the_template_line() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = transmittal_kinds(dir.path());
    std::fs::copy(
        repo("examples/ccm-8msp-transmittal.yaml"),
        kinds.join("agenda.yaml"),
    )
    .unwrap();
    let template = kinds.join("transmittal.en.typ");
    let text = std::fs::read_to_string(&template).unwrap();
    let from = "no later than {{ comments.deadline }}.";
    assert!(text.contains(from));
    std::fs::write(
        &template,
        text.replace(
            from,
            &format!("{from} Comments of at most 2,000 words are kindly requested."),
        ),
    )
    .unwrap();
    let (code, report) = check_json(dir.path(), &["--templates", "kinds", "kinds/agenda.yaml"]);
    assert_eq!(code, Some(1));
    let error = the_error(&report);
    // At the English template's line that prints it.
    assert_at_english_line(&error, "“2,000”", &kinds, "2,000 words");
    assert!(
        error["hints"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h.as_str().unwrap().contains("transmittal.fr.typ")),
        "{error:#}"
    );

    // render, in both languages, refuses it.
    let out = noteverbale(
        dir.path(),
        &[
            "render",
            "--templates",
            "kinds",
            "kinds/agenda.yaml",
            "--out",
            "out",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("out").exists());

    // batch, which reads its list meanwhile, refuses it before any note.
    let missions = repo("examples/missions.yaml");
    let out = noteverbale(
        dir.path(),
        &[
            "batch",
            "--templates",
            "kinds",
            "kinds/agenda.yaml",
            "--recipients",
            missions.to_str().unwrap(),
            "--out",
            "notes",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("“2,000”"), "{text}");
    assert!(!dir.path().join("notes").exists());
}

/// The notes are compared as they read, wherever their lines end: an
/// e-mail address and a document symbol set at every place of a line, and
/// a foot address whose street number and postcode stand on two lines, are
/// no difference.
#[test]
fn the_notes_are_compared_as_they_read_wherever_their_lines_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hague.yaml");
    let words = "que les documents de la conférence qui se tiendra bientôt à La Haye";
    let english = "that the documents of the conference to be held soon in The Hague";
    for length in (0..words.len().min(english.len())).step_by(2) {
        let fr: String = words.chars().take(length).collect();
        let en: String = english.chars().take(length).collect();
        let file = format!(
            "kind: note\n\
             date_at: head\n\
             addressee_block: true\n\
             place: {{ fr: La Haye, en: The Hague }}\n\
             date: 2026-05-14\n\
             sender:\n  role: embassy\n  \
             name: {{ fr: L'Ambassade de la République de Ruritanie, en: The Embassy of the Republic of Ruritania }}\n  \
             short: {{ fr: L'Ambassade, en: The Embassy }}\n\
             addressees:\n  \
             ministry: {{ fr: le Ministère des affaires étrangères, en: the Ministry of Foreign Affairs }}\n  \
             short: {{ fr: le Ministère, en: the Ministry }}\n  \
             address: [Scheveningseweg 6, 2517 KT Den Haag]\n\
             paragraphs:\n  \
             - fr: \"informer le Ministère {fr} (A/CONF.192/BMS/2008/3) peuvent être demandés à oda-ndv@un.org.\"\n    \
             en: \"inform the Ministry {en} (A/CONF.192/BMS/2008/3) may be requested at oda-ndv@un.org.\"\n"
        );
        std::fs::write(&path, file).unwrap();
        let loaded = common::engine()
            .load(&path)
            .unwrap_or_else(|e| panic!("{}", e.render(false)));
        if let Err(error) = common::engine().check_agreement(&loaded, &Default::default()) {
            panic!("{length} letters before: {}", error.render(false));
        }
    }
    // Read as one line, the street number and the postcode make another
    // number in French: a line end parts them.
    let states = States::builtin();
    let numbers = |text: &str, lang| {
        agree::facts(text, lang, states)
            .into_iter()
            .map(|f| f.fact)
            .collect::<Vec<_>>()
    };
    let address = "Scheveningseweg 6\n2517 KT Den Haag";
    assert_eq!(numbers(address, Lang::Fr), numbers(address, Lang::En));
    assert_ne!(
        numbers(&address.replace('\n', " "), Lang::Fr),
        numbers(&address.replace('\n', " "), Lang::En)
    );
}

/// A difference of the notes that the writer means is acknowledged on the
/// template's line that prints it, or beside the meeting file's value that
/// it prints; an acknowledgment beside a value that the notes give alike is
/// a warning. So is the parent key of a text given in both languages a
/// place to acknowledge its difference.
#[test]
fn a_difference_of_the_notes_is_acknowledged_in_the_template_or_beside_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = transmittal_kinds(dir.path());
    // The French note leaves the e-mail address out.
    let french = kinds.join("transmittal.fr.typ");
    let text = std::fs::read_to_string(&french).unwrap();
    let link = "{% if comments.email %} à l'adresse #link({{ comments.email | href | str }})[{{ comments.email }}]{% endif %}";
    assert!(text.contains(link), "{text}");
    std::fs::write(&french, text.replace(link, "")).unwrap();
    let meeting = std::fs::read_to_string(repo("examples/ccm-8msp-transmittal.yaml")).unwrap();
    let write = |text: &str| std::fs::write(kinds.join("agenda.yaml"), text).unwrap();
    let check = |extra: &[&str]| {
        let mut args = vec!["--templates", "kinds", "kinds/agenda.yaml"];
        args.extend(extra);
        check_json(dir.path(), &args)
    };

    write(&meeting);
    let (code, report) = check(&[]);
    assert_eq!(code, Some(1));
    let error = the_error(&report);
    // At the line that prints it, though the note prints it escaped.
    assert_at_english_line(
        &error,
        "the English gives the e-mail address “ccm@unog.ch”",
        &kinds,
        "[{{ comments.email }}]",
    );

    // Beside the value.
    let email = "  email: ccm@unog.ch";
    write(&meeting.replace(
        email,
        &format!("{email}  # allow(languages-differ): the French note gives it by telephone"),
    ));
    let (code, report) = check(&["--deny-warnings"]);
    assert_eq!(code, Some(0), "{report:#}");

    // On the template's line.
    write(&meeting);
    let english = kinds.join("transmittal.en.typ");
    let text = std::fs::read_to_string(&english).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("{{ comments.email }}"))
        .unwrap();
    std::fs::write(
        &english,
        text.replace(
            line,
            &format!(
                "{line}{{# allow(languages-differ): the French note gives it by telephone #}}"
            ),
        ),
    )
    .unwrap();
    let (code, report) = check(&["--deny-warnings"]);
    assert_eq!(code, Some(0), "{report:#}");

    // Beside a value the notes give alike: a warning.
    let deadline = "  deadline: 2018-06-29";
    write(&meeting.replace(
        deadline,
        &format!("{deadline}  # allow(languages-differ): nothing differs"),
    ));
    let (code, report) = check(&[]);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["warnings"], 1, "{report:#}");
    assert_eq!(
        report["diagnostics"][0]["message"],
        "`allow(languages-differ)` acknowledges nothing: the notes say the same of the value on this line in every language"
    );

    // The parent key of a text given in both languages.
    let venue = "  venue: { fr: \"au Palais des Nations, à Genève\", en: at the Palais des Nations in Geneva }";
    assert!(meeting.contains(venue));
    let parent = meeting.replace(
        venue,
        "  venue:  # allow(languages-differ): the French names the hall\n    fr: \"au Palais des Nations, salle 19, à Genève\"\n    en: at the Palais des Nations in Geneva",
    );
    write(&parent);
    let (code, report) = check(&["--deny-warnings"]);
    assert_eq!(code, Some(0), "{report:#}");
}
