//! Note kinds as data: the built-in kinds, a kind written as files only,
//! every field type as a template receives it, new meeting files from a
//! schema, mistakes in a schema located, and the template author's guide
//! naming what the code offers.

use crate::common;

use std::path::Path;

use common::{BUILT_IN_KINDS, check_json, noteverbale, repo, squeeze, squeezed_pdf, succeed};

/// The kind `trial` in the folder `kinds`: its schema, and a template in
/// each language over the page design, printing `body`.
fn write_trial_kind(kinds: &Path, schema: &str, body: &str) {
    std::fs::write(kinds.join("trial.yaml"), schema).unwrap();
    for lang in ["fr", "en"] {
        std::fs::write(
            kinds.join(format!("trial.{lang}.typ")),
            format!("#import \"note.typ\": note\n#show: note.with(lang: \"{lang}\")\n{body}\n"),
        )
        .unwrap();
    }
}

/// The names in the first column of the table under `heading` in `text`.
fn table_names(text: &str, heading: &str) -> Vec<String> {
    let section = &text[text.find(heading).expect(heading)..];
    let section = &section[heading.len()..];
    let end = section.find("\n## ").unwrap_or(section.len());
    section[..end]
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`'))
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// The rows of the four-column table under `heading` in `text`, each cell
/// trimmed, `\|` read as `|`.
fn table_rows(text: &str, heading: &str) -> Vec<[String; 4]> {
    let section = &text[text.find(heading).expect(heading) + heading.len()..];
    let end = section.find("\n## ").unwrap_or(section.len());
    section[..end]
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let line = line.replace("\\|", "\u{1}");
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().replace('\u{1}', "|"))
                .collect();
            cells.try_into().expect("four cells a row")
        })
        .collect()
}

#[test]
fn the_guide_names_exactly_the_types_and_values_the_code_offers() {
    let guide = std::fs::read_to_string(repo("docs/kinds.md")).unwrap();
    // Each field type's row: its name, how a file writes it, what a
    // template receives, and its options, as the table of types gives them.
    let rows: Vec<[String; 4]> = table_rows(&guide, "## Field types");
    let types: Vec<[String; 4]> = noteverbale::kind::TYPES
        .iter()
        .map(|t| {
            let options: Vec<String> = t.options.iter().map(|o| format!("`{o}`")).collect();
            [
                format!("`{}`", t.name),
                t.written.to_owned(),
                t.gives.to_owned(),
                options.join(", "),
            ]
        })
        .collect();
    assert_eq!(rows, types);
    let values: Vec<&str> = noteverbale::template::FRAME_VARIABLES
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(
        table_names(&guide, "## What every template receives"),
        values
    );
    // The frame's fields, as the guide lists them.
    for field in noteverbale::meeting::FRAME_FIELDS {
        assert!(guide.contains(&format!("`{field}`")), "{field}");
    }
}

#[test]
fn the_built_in_kinds_are_listed_and_described() {
    let dir = tempfile::tempdir().unwrap();
    let list = common::stdout(&succeed(dir.path(), &["kinds"]));
    assert!(
        list.contains("invitation ") && list.contains("request-for-views "),
        "{list}"
    );
    let one = common::stdout(&succeed(dir.path(), &["kinds", "request-for-views"]));
    for expected in [
        "Request for the views of Member States",
        "deadline *",
        "date (weekday, deadline)",
        "session",
        "ordinal (feminine)",
    ] {
        assert!(one.contains(expected), "{expected}:\n{one}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&succeed(dir.path(), &["kinds", "--format", "json"]).stdout)
            .unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, BUILT_IN_KINDS);
    let out = noteverbale(dir.path(), &["kinds", "request-for-view"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean `request-for-views`?"),
        "{stderr}"
    );
}

#[test]
fn a_new_meeting_file_of_every_kind_checks_and_renders_as_written() {
    let dir = tempfile::tempdir().unwrap();
    for kind in BUILT_IN_KINDS {
        let file = format!("{kind}.yaml");
        succeed(dir.path(), &["init", "--kind", kind, &file]);
        let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert!(text.contains(&format!("kind: {kind}")), "{text}");
        // Every field is explained.
        assert!(text.matches("\n# ").count() > 10, "{text}");
        succeed(dir.path(), &["check", "--deny-warnings", &file]);
        succeed(dir.path(), &["render", &file, "-o", "out"]);
        assert!(dir.path().join(format!("out/{kind}.fr.pdf")).is_file());
        assert!(dir.path().join(format!("out/{kind}.en.pdf")).is_file());
    }
    // The file is there: it is not replaced without `--force`.
    let out = noteverbale(dir.path(), &["init", "invitation.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    succeed(dir.path(), &["init", "invitation.yaml", "--force"]);
}

/// A kind of one's own in `dir/kinds`: the built-in transmittal's files,
/// copied under the name `documents`, and the transmittal example written
/// for it, `agenda.yaml`.
fn documents_kind(dir: &Path) -> std::path::PathBuf {
    let kinds = dir.join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    for ext in ["yaml", "fr.typ", "en.typ"] {
        std::fs::copy(
            repo(&format!("templates/transmittal.{ext}")),
            kinds.join(format!("documents.{ext}")),
        )
        .unwrap();
    }
    let example = std::fs::read_to_string(repo("examples/ccm-8msp-transmittal.yaml")).unwrap();
    std::fs::write(
        dir.join("agenda.yaml"),
        example.replace("kind: transmittal", "kind: documents"),
    )
    .unwrap();
    kinds
}

#[test]
fn a_kind_written_as_files_renders_and_its_fields_are_checked_by_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    documents_kind(dir.path());
    succeed(
        dir.path(),
        &["render", "agenda.yaml", "--templates", "kinds", "-o", "out"],
    );
    let fr = squeezed_pdf(&dir.path().join("out/agenda.fr.pdf"));
    for expected in [
        "a l'honneur de transmettre ci-joint, en vue de la huitième Assemblée des États parties",
        "qui se tiendra du 3 au 5 septembre 2018, au Palais des Nations, à Genève, le document suivant :",
        "Ordre du jour provisoire (CCM/MSP/2018/1)",
        "Le Bureau saurait gré aux gouvernements de bien vouloir lui faire parvenir leurs observations sur ce document",
        "le vendredi 29 juin 2018 au plus tard",
    ] {
        assert!(fr.contains(&squeeze(expected)), "{expected}\n{fr}");
    }
    let en = squeezed_pdf(&dir.path().join("out/agenda.en.pdf"));
    for expected in [
        "has the honour to transmit herewith, for the Eighth Meeting",
        "The Office would be grateful to receive the comments of Governments on this document",
        "no later than Friday, 29 June 2018",
    ] {
        assert!(en.contains(&squeeze(expected)), "{expected}\n{en}");
    }

    // A misspelled field of that kind gets the nearest of its schema's.
    let text = std::fs::read_to_string(dir.path().join("agenda.yaml")).unwrap();
    let broken = text.replace("\ndocuments:", "\ndocuments_list:");
    assert_ne!(broken, text);
    std::fs::write(dir.path().join("broken.yaml"), &broken).unwrap();
    let out = noteverbale(
        dir.path(),
        &["check", "broken.yaml", "--templates", "kinds"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = broken
        .lines()
        .position(|l| l.starts_with("documents_list:"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains("unknown field `documents_list`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("broken.yaml:{line}:1")),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `documents`?"), "{stderr}");
    assert!(stderr.contains("missing field `documents`"), "{stderr}");
}

#[test]
fn a_change_of_dates_gives_the_new_dates_venue_host_and_opening_time() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = repo("examples/ccm-review-change-of-dates.yaml");
    let render = |file: &str| {
        succeed(dir.path(), &["render", file, "-o", "out"]);
    };
    render(meeting.to_str().unwrap());
    let fr = squeezed_pdf(&dir.path().join("out/ccm-review-change-of-dates.fr.pdf"));
    for expected in [
        "et, comme suite à sa note ODA/12-2015/CCM du 16 février 2015, a l'honneur de faire savoir que la première Conférence d'examen de la Convention sur les armes à sous-munitions,",
        "qui devait se tenir du 22 au 26 juin 2015, au Palais des Nations, à Genève,",
        "se tiendra du 7 au 11 septembre 2015, à Dubrovnik (Croatie), à l'invitation du Gouvernement de la Croatie.",
        "La séance d'ouverture commencera le lundi 7 septembre 2015 à 10 heures.",
        "Les autres dispositions de la note susmentionnée demeurent inchangées.",
    ] {
        assert!(fr.contains(&squeeze(expected)), "{expected}\n{fr}");
    }
    let en = squeezed_pdf(&dir.path().join("out/ccm-review-change-of-dates.en.pdf"));
    for expected in [
        "and, further to its note ODA/12-2015/CCM of 16 February 2015, has the honour to announce that the First Review Conference",
        "which was to be held from 22 to 26 June 2015, at the Palais des Nations in Geneva,",
        "will now be held from 7 to 11 September 2015, in Dubrovnik, Croatia, at the invitation of the Government of Croatia.",
        "The opening meeting will begin at 10 a.m. on Monday, 7 September 2015.",
        "All other arrangements set out in the above-mentioned note remain unchanged.",
    ] {
        assert!(en.contains(&squeeze(expected)), "{expected}\n{en}");
    }

    // New dates alone: the venue stands, and the sentences read without
    // a host or an opening time.
    let text = std::fs::read_to_string(&meeting).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            !["  venue: { fr: à Dubrovnik", "  host:", "  opens:"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect();
    std::fs::write(dir.path().join("plain.yaml"), kept.join("\n")).unwrap();
    render("plain.yaml");
    let fr = squeezed_pdf(&dir.path().join("out/plain.fr.pdf"));
    assert!(
        fr.contains(&squeeze(
            "se tiendra du 7 au 11 septembre 2015, au Palais des Nations, à Genève. Les autres dispositions"
        )),
        "{fr}"
    );
    let en = squeezed_pdf(&dir.path().join("out/plain.en.pdf"));
    assert!(
        en.contains(&squeeze(
            "will now be held from 7 to 11 September 2015, at the Palais des Nations in Geneva. All other arrangements"
        )),
        "{en}"
    );
}

#[test]
fn the_request_for_views_reads_right_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo("examples/request-for-views.yaml");
    succeed(
        dir.path(),
        &["render", example.to_str().unwrap(), "-o", "out"],
    );
    let fr = squeezed_pdf(&dir.path().join("out/request-for-views.fr.pdf"));
    for expected in [
        "Le Bureau des affaires de désarmement présente ses compliments aux missions permanentes des États Membres auprès de l'Organisation des Nations Unies et a l'honneur de se référer à la résolution 71/41 intitulée « Maîtrise des armes classiques aux niveaux régional et sous-régional », que l'Assemblée générale a adoptée le 5 décembre 2016.",
        "Au paragraphe 3 de cette résolution, l'Assemblée générale a prié le Secrétaire général « de s'enquérir [...] des vues des États Membres",
        "Le Bureau saurait gré aux gouvernements de bien vouloir lui communiquer leurs vues sur cette question le vendredi 28 avril 2017 au plus tard.",
        "Les contributions devront être adressées par courriel à l'adresse suivante : oda-views@un.org",
        "d'un résumé analytique de 300 mots au plus, qui figurera dans le rapport du Secrétaire général à l'Assemblée générale à sa soixante-douzième session.",
        "Le Bureau saisit cette occasion pour renouveler aux missions permanentes",
        "OBJET : Résolution 71/41",
    ] {
        assert!(fr.contains(&squeeze(expected)), "{expected}\n{fr}");
    }
    let en = squeezed_pdf(&dir.path().join("out/request-for-views.en.pdf"));
    for expected in [
        "The Office for Disarmament Affairs presents its compliments to the Permanent Missions of Member States to the United Nations and has the honour to refer to resolution 71/41, entitled \u{201c}Conventional arms control at the regional and subregional levels\u{201d}, adopted by the General Assembly on 5 December 2016.",
        "In paragraph 3 of that resolution, the General Assembly requested the Secretary-General \u{201c}to seek the views of Member States",
        "no later than Friday, 28 April 2017",
        "views of Governments on the subject no later than Friday, 28 April 2017",
        "Submissions should be sent by email to oda-views@un.org",
        "an executive summary not exceeding 300 words, which will be included in the report of the Secretary-General to the General Assembly at its seventy-second session.",
        "The Office avails itself of this opportunity to renew to the Permanent Missions",
        "SUBJECT: Resolution 71/41",
    ] {
        assert!(en.contains(&squeeze(expected)), "{expected}\n{en}");
    }
}

/// A kind with a field of every type, whose template prints what it gets.
const SAMPLER: &str = r#"
description: { fr: Échantillon, en: Sampler }
fields:
  text: { type: text, doc: A text., example: { fr: un texte, en: a text } }
  texts: { type: texts, doc: Texts., example: [{ fr: un, en: one }, { fr: deux, en: two }] }
  paras: { type: paragraphs, doc: Paragraphs., example: [{ fr: Premier., en: First. }] }
  quotation: { type: quotation, doc: A quotation., example: { fr: prie le Secrétaire général, en: requests the Secretary-General } }
  day: { type: date, doc: A day., weekday: true, example: 2017-08-18 }
  days: { type: dates, doc: Days., example: { start: 2022-08-30, end: 2022-09-02 } }
  earlier: { type: note-ref, doc: An earlier note., example: { reference: ODA/12-2015/CCM, date: 2015-02-16 } }
  rank: { type: ordinal, gender: noun_gender, doc: A rank., example: 1 }
  noun_gender: { type: gender, doc: A noun's gender., example: feminine }
  count: { type: integer, doc: A count., min: 1, example: 3000 }
  items: { type: integers, doc: Items., example: [4, 5, 6] }
  symbol: { type: symbol, of: document, doc: A document., example: A/72/123 }
  email: { type: email, doc: An address., example: ccm@unog.ch }
  url: { type: url, doc: A site., example: www.un.org }
  opens: { type: time, doc: When it opens., example: "10:00" }
  closes: { type: time, after: opens, doc: When it closes., example: "15:30" }
  line: { type: phone, doc: A number., example: "+41 22 917 1234" }
  host: { type: state, doc: The host., example: MEX }
  office: { type: address, doc: An office., example: { address: [{ fr: Genève, en: Geneva }], phone: "+41 22 917 1234" } }
  status: { type: choice, values: [member, observer], doc: A status., example: observer }
  flag: { type: boolean, doc: A flag., example: true }
  group: { type: record, doc: A group., fields: { inner: { type: text, doc: Inside., example: { fr: dedans, en: inside } } } }
  rows: { type: records, doc: Rows., fields: { n: { type: integer, doc: A number., example: 7 } } }
"#;

const SAMPLER_BODY: &str = r#"
text={{ text }}; texts={{ texts | and }}; paragraphs={{ paras | length }}; quotation={{ quotation }};
day={{ day }}; days={{ days }}; earlier={{ earlier.reference }} {{ earlier.date }}; rank={{ rank }}; the={{ rank | the(gender=noun_gender) }}; gender={{ noun_gender }};
count={{ count }}, {{ count | number }}; items={{ items | and }}; symbol={{ symbol }}; email={{ email }};
url={{ url | href }}; phone={{ office.phone }}; line={{ office.address | first }}; status={{ status }};
flag={{ flag }}; inner={{ group.inner }}; rows={% for r in rows %}{{ r.n }}{% endfor %}.
opens={{ opens }}; closes={{ closes }}; line={{ line }};
host={{ host.name }}, {{ host.of }}, {{ host.to }}, {{ host.list_name }}, {{ host.code }}.
"#;

#[test]
fn every_field_type_reaches_the_template_as_the_guide_says() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = dir.path().join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    std::fs::write(kinds.join("sampler.yaml"), SAMPLER).unwrap();
    for lang in ["fr", "en"] {
        let template = format!(
            "#import \"note.typ\": note\n#show: note.with(lang: \"{lang}\", closing: [{{{{ closing }}}}])\n{SAMPLER_BODY}"
        );
        std::fs::write(kinds.join(format!("sampler.{lang}.typ")), template).unwrap();
    }
    succeed(
        dir.path(),
        &[
            "init",
            "--kind",
            "sampler",
            "--templates",
            "kinds",
            "sample.yaml",
        ],
    );
    succeed(
        dir.path(),
        &["render", "sample.yaml", "--templates", "kinds", "-o", "out"],
    );
    let fr = squeezed_pdf(&dir.path().join("out/sample.fr.pdf"));
    for expected in [
        "text=untexte;",
        "texts=unetdeux;",
        "paragraphs=1;",
        "quotation=prieleSecrétairegénéral;",
        "day=vendredi18août2017;",
        "days=du30aoûtau2septembre2022;",
        "earlier=ODA/12-2015/CCM16février2015;",
        "rank=première;",
        "the=lapremière;",
        "gender=feminine;",
        "count=3000,3000;",
        "items=4,5et6;",
        "symbol=A/72/123;",
        "email=ccm@unog.ch;",
        "url=https://www.un.org;",
        "phone=(+41)229171234;",
        "line=Genève;",
        "status=observer;",
        "flag=true;",
        "inner=dedans;",
        "rows=7.",
        "opens=10heures;",
        "closes=15h30;",
        "line=(+41)229171234;",
        "host=leMexique,duMexique,auMexique,Mexique,MEX.",
    ] {
        assert!(fr.contains(expected), "{expected}\n{fr}");
    }
    let en = squeezed_pdf(&dir.path().join("out/sample.en.pdf"));
    for expected in [
        "day=Friday,18August2017;",
        "days=from30Augustto2September2022;",
        "earlier=ODA/12-2015/CCM16February2015;",
        "rank=first;",
        "the=thefirst;",
        "count=3000,3,000;",
        "items=4,5and6;",
        "phone=+41229171234;",
        "opens=10a.m.;",
        "closes=3.30p.m.;",
        "line=+41229171234;",
        "host=Mexico,ofMexico,toMexico,Mexico,MEX.",
    ] {
        assert!(en.contains(expected), "{expected}\n{en}");
    }
}

#[test]
fn mistakes_in_a_schema_are_located_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "fields:\n  a: { type: txt, doc: A., example: x }\n",
            "unknown variant `txt`",
            ":3:",
        ),
        (
            "fields:\n  a: { type: text, doc: A., weekday: true, example: { fr: a, en: a } }\n",
            "`weekday` does not apply to a field of type `text`",
            ":3:",
        ),
        (
            "fields:\n  a: { type: date, doc: A., not_before: b, example: 2017-01-02 }\n",
            "`b` is not a date field",
            ":3:",
        ),
        (
            "fields:\n  a: { type: date, doc: A., example: 2017-02-30 }\n",
            "the example does not fit: `2017-02-30` is not a date: February 2017 has 28 days",
            ":3:",
        ),
        (
            "fields:\n  sender: { type: text, doc: A., example: { fr: a, en: a } }\n",
            "`sender` is a field of every note's frame",
            ":3:",
        ),
        (
            "fields:\n  document: { type: text, doc: A., example: { fr: a, en: a } }\n",
            "`document` is a value that every template receives already",
            ":3:",
        ),
        (
            "fields:\n  a: { type: text, doc: A. }\n",
            "the field `a` has no example",
            ":3:",
        ),
        (
            "fields:\n  a: { type: text, doc: \"\", example: { fr: a, en: a } }\n",
            "the doc is empty",
            ":3:",
        ),
        (
            "fields:\n  and: { type: text, doc: A., example: { fr: a, en: a } }\n",
            "`and` is not a field name",
            ":3:",
        ),
        (
            "frame:\n  paper: a5\nfields:\n  a: { type: text, doc: A., example: { fr: a, en: a } }\n",
            "unknown variant `a5`",
            ":3:",
        ),
        (
            "fields:\n  a: { type: ordinal, doc: A., gender: g, example: 1 }\n",
            "`g` is not a required `gender` field beside it",
            ":3:",
        ),
        (
            "fields:\n  b: { type: date, doc: B., example: 2017-01-02 }\n  a: { type: time, doc: A., after: b, example: \"10:00\" }\n",
            "`b` is not a time field beside it",
            ":4:",
        ),
        (
            "fields:\n  a: { type: time, doc: A., example: \"25:00\" }\n",
            "the example does not fit: `25:00` is not a time of day: the hours go from 0 to 23",
            ":3:",
        ),
        (
            "fields:\n  a: { type: state, doc: A., example: Atlantis }\n",
            "the example does not fit: `Atlantis` is not a State of the list of missions",
            ":3:",
        ),
    ];
    for (i, (fields, message, place)) in cases.iter().enumerate() {
        let kinds = dir.path().join(format!("kinds{i}"));
        std::fs::create_dir(&kinds).unwrap();
        let schema = format!("description: {{ fr: Essai, en: Trial }}\n{fields}");
        std::fs::write(kinds.join("trial.yaml"), schema).unwrap();
        std::fs::write(kinds.join("trial.fr.typ"), "x").unwrap();
        let templates = kinds.display().to_string();
        let out = noteverbale(dir.path(), &["kinds", "--templates", &templates]);
        assert_eq!(out.status.code(), Some(1), "{fields}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{message}:\n{stderr}");
        assert!(
            stderr.contains(&format!("trial.yaml{place}")),
            "{place}:\n{stderr}"
        );
    }
}

#[test]
fn a_batch_writes_one_note_per_mission_of_any_kind() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo("examples/request-for-views.yaml");
    let missions = repo("examples/missions.yaml");
    succeed(
        dir.path(),
        &[
            "batch",
            example.to_str().unwrap(),
            "-r",
            missions.to_str().unwrap(),
            "--only",
            "FRA,USA",
            "-o",
            "out",
            "-q",
        ],
    );
    let fra = squeezed_pdf(&dir.path().join("out/FRA.fr.pdf"));
    assert!(
        fra.contains(&squeeze(
            // An office writes to the mission, the Secretary-General to its head.
            "Le Bureau des affaires de désarmement présente ses compliments à la Mission permanente de la France"
        )),
        "{fra}"
    );
    let usa = squeezed_pdf(&dir.path().join("out/USA.en.pdf"));
    assert!(
        usa.contains(&squeeze(
            "presents its compliments to the Permanent Mission of the United States of America"
        )),
        "{usa}"
    );
}

#[test]
fn dates_are_checked_against_the_fields_they_name_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = dir.path().join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    let schema = r#"description: { fr: Essai, en: Trial }
fields:
  start: { type: date, doc: A day., example: 2030-05-01 }
  first: { type: date, doc: The first day., example: 2030-04-01 }
  last: { type: date, doc: The last day., example: 2030-04-03 }
  span: { type: dates, start: first, end: last, doc: The days. }
  items:
    type: records
    doc: Items.
    fields:
      start: { type: date, required: false, doc: Its first day., example: 2030-01-01 }
      end: { type: date, after: start, doc: Its last day., example: 2030-01-02 }
"#;
    write_trial_kind(&kinds, schema, "{{ span }}");
    let base =
        "sender: { role: secretary-general, gender: male }\nkind: trial\nstart: 2030-05-01\n";
    // An item without its own start is not compared with the top's.
    let fine = format!("{base}first: 2030-04-01\nlast: 2030-04-03\nitems:\n  - end: 2030-01-02\n");
    std::fs::write(dir.path().join("fine.yaml"), fine).unwrap();
    succeed(dir.path(), &["check", "fine.yaml", "--templates", "kinds"]);
    // A range made of two fields is in order.
    let reversed =
        format!("{base}first: 2030-04-03\nlast: 2030-04-01\nitems:\n  - end: 2030-01-02\n");
    std::fs::write(dir.path().join("reversed.yaml"), reversed).unwrap();
    let out = noteverbale(
        dir.path(),
        &["check", "reversed.yaml", "--templates", "kinds"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the range ends on 2030-04-01, before it starts, on 2030-04-03 (field `last`)"
        ),
        "{stderr}"
    );
    // A sibling's date is the one compared.
    let early = format!(
        "{base}first: 2030-04-01\nlast: 2030-04-03\nitems:\n  - start: 2030-02-01\n    end: 2030-01-02\n"
    );
    std::fs::write(dir.path().join("early.yaml"), early).unwrap();
    let out = noteverbale(dir.path(), &["check", "early.yaml", "--templates", "kinds"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("this date, 2030-01-02, is not after `items[0].start`, 2030-02-01"),
        "{stderr}"
    );
}

#[test]
fn times_telephone_numbers_and_states_are_checked_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = dir.path().join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    let schema = r#"description: { fr: Essai, en: Trial }
fields:
  host: { type: state, doc: The host., example: CHE }
  sittings:
    type: records
    doc: The sittings.
    fields:
      opens: { type: time, doc: When it opens., example: "10:00" }
      closes: { type: time, after: opens, doc: When it closes., example: "13:00" }
  office:
    type: address
    doc: The office.
    example: { address: [{ fr: Genève, en: Geneva }], phone: "+41 22 917 1234" }
"#;
    write_trial_kind(&kinds, schema, "{{ host.name }}");
    let meeting = "sender: { role: secretary-general, gender: male }\nkind: trial\n\
                   host: Suise\n\
                   sittings:\n  - { opens: \"10:00\", closes: \"13:00\" }\n  - { opens: \"15:00\", closes: \"14:30\" }\n  - { opens: \"9h30\", closes: \"12:00\" }\n\
                   office: { address: [{ fr: Genève, en: Geneva }], phone: \"022 917 1234\" }\n";
    std::fs::write(dir.path().join("m.yaml"), meeting).unwrap();
    let (code, report) = check_json(dir.path(), &["m.yaml", "--templates", "kinds"]);
    assert_eq!(code, Some(1));
    let found: Vec<(String, String, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["field"].as_str().unwrap_or_default().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let expect = |field: &str, message: &str, line: u64| {
        assert!(
            found
                .iter()
                .any(|(f, m, l)| f == field && m.starts_with(message) && *l == line),
            "{field}: {message} at line {line}\n{found:#?}"
        );
    };
    expect("host", "`Suise` is not a State of the list of missions", 3);
    expect(
        "sittings[1].closes",
        "this time, 14:30, is not after `sittings[1].opens`, 15:00",
        6,
    );
    expect(
        "sittings[2].opens",
        "`9h30` is not a time written hours:minutes",
        7,
    );
    expect(
        "office.phone",
        "`022 917 1234` is not a telephone number in international form",
        8,
    );
    assert_eq!(found.len(), 4, "{found:#?}");
    let host = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["field"] == "host")
        .unwrap();
    let hints = host["hints"].to_string();
    assert!(hints.contains("did you mean `Suisse`?"), "{hints}");
}

#[test]
fn an_acknowledged_unprinted_value_is_reviewed_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = dir.path().join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    let schema = "description: { fr: Essai, en: Trial }\nfields:\n  body: { type: text, doc: The body., example: { fr: Texte, en: Text } }\n";
    let meeting = "sender: { role: secretary-general, gender: male }\nkind: trial\n\
                   subject: { fr: Objet, en: Subject }  # allow(unprinted): kept for the register\n\
                   body: { fr: Texte, en: Text }\n";
    std::fs::write(dir.path().join("m.yaml"), meeting).unwrap();
    let check = || check_json(dir.path(), &["--templates", "kinds", "m.yaml"]);
    // The template does not print the subject, which the file acknowledges.
    write_trial_kind(&kinds, schema, "{{ body }}");
    let (code, report) = check();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["warnings"], 0, "{report:#}");
    // Once it prints it, the acknowledgment has outlived its reason.
    write_trial_kind(&kinds, schema, "{{ subject }} {{ body }}");
    let (code, report) = check();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["warnings"], 1, "{report:#}");
    assert_eq!(
        report["diagnostics"][0]["message"],
        "`allow(unprinted)` acknowledges nothing: no note has such a warning on this line"
    );
    assert_eq!(report["diagnostics"][0]["line"], 3);
}

/// What a resolution did is reported as UN English notes report it: the
/// present ("requests") is a warning that the writer may acknowledge; a
/// request quoted after "requested the Secretary-General" that repeats
/// those words is refused.
#[test]
fn a_resolution_is_reported_as_un_notes_report_it() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    let past =
        "      requested the Secretary-General to continue to convene the Meetings of States";
    assert!(example.contains(past));
    let present = past.replace("requested", "requests");
    std::fs::write(dir.path().join("m.yaml"), example.replace(past, &present)).unwrap();
    let (code, report) = check_json(dir.path(), &["m.yaml"]);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["warnings"], 1, "{report:#}");
    let warning = &report["diagnostics"][0];
    assert_eq!(
        warning["message"],
        "the English says what the resolution did in the present, “requests”, where its notes write “requested”"
    );
    assert_eq!(warning["field"], "mandate.text.en");
    // Acknowledged beside the value.
    let acknowledged = example.replace(
        "    en: >-\n      requested the Secretary-General",
        "    en: >-  # allow(resolution-tense): quoted as adopted\n      requests the Secretary-General",
    );
    assert_ne!(acknowledged, example);
    std::fs::write(dir.path().join("m.yaml"), acknowledged).unwrap();
    let (code, report) = check_json(dir.path(), &["--deny-warnings", "m.yaml"]);
    assert_eq!(code, Some(0), "{report:#}");

    let views = std::fs::read_to_string(repo("examples/request-for-views.yaml")).unwrap();
    let words = "    to seek the views of Member States";
    assert!(views.contains(words));
    std::fs::write(
        dir.path().join("v.yaml"),
        views.replace(
            words,
            "    requests the Secretary-General to seek the views of Member States",
        ),
    )
    .unwrap();
    let (code, report) = check_json(dir.path(), &["v.yaml"]);
    assert_eq!(code, Some(1), "{report:#}");
    assert_eq!(
        report["diagnostics"][0]["message"],
        "the request opens with “requests the Secretary-General”, which the note writes before it"
    );
    assert_eq!(report["diagnostics"][0]["field"], "request.en");
}

#[test]
fn a_mistake_in_one_kind_s_schema_stops_its_notes_and_check_but_not_another_kind_s_note() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = dir.path().join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    write_trial_kind(
        &kinds,
        "description: { fr: Essai, en: Trial }\nfields:\n  a: { type: date, doc: A., example: 2017-02-30 }\n",
        "x",
    );
    let example = repo("examples/ccm-7msp.yaml");
    let example = example.to_str().unwrap();
    // The invitation reads its own schema alone.
    succeed(
        dir.path(),
        &[
            "render",
            example,
            "--templates",
            "kinds",
            "--lang",
            "fr",
            "-o",
            "out",
        ],
    );
    assert!(dir.path().join("out/ccm-7msp.fr.pdf").is_file());
    // A note of the broken kind is refused, the mistake shown in the schema.
    std::fs::write(
        dir.path().join("meeting.yaml"),
        std::fs::read_to_string(example)
            .unwrap()
            .replace("kind: invitation", "kind: trial"),
    )
    .unwrap();
    let out = noteverbale(
        dir.path(),
        &[
            "render",
            "meeting.yaml",
            "--templates",
            "kinds",
            "-o",
            "out2",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("February 2017 has 28 days"), "{stderr}");
    assert!(stderr.contains("kinds/trial.yaml:3:"), "{stderr}");
    assert!(!dir.path().join("out2").exists());
    // `check` reads every kind's schema, whichever files it is given.
    let (code, report) = check_json(dir.path(), &["--templates", "kinds", example]);
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.to_string().contains("February 2017 has 28 days"),
        "{report}"
    );
}

#[test]
fn a_mistake_in_one_language_s_templates_stops_its_notes_and_check_but_not_another_language_s() {
    let dir = tempfile::tempdir().unwrap();
    let kinds = dir.path().join("kinds");
    std::fs::create_dir(&kinds).unwrap();
    let english = std::fs::read_to_string(repo("templates/invitation.en.typ")).unwrap();
    // A tag left open on the English template's last line.
    std::fs::write(
        kinds.join("invitation.en.typ"),
        format!("{english}{{% if meeting %}}\n"),
    )
    .unwrap();
    let line = english.lines().count() + 1;
    let example = repo("examples/ccm-7msp.yaml");
    let example = example.to_str().unwrap();
    // The French note reads the French templates alone.
    let args = ["render", example, "--templates", "kinds", "-o", "out"];
    succeed(dir.path(), &[&args[..], &["--lang", "fr"]].concat());
    assert!(dir.path().join("out/ccm-7msp.fr.pdf").is_file());
    // Both notes are refused, the mistake shown where it was written.
    let out = noteverbale(dir.path(), &[&args[..4], &["-o", "both"]].concat());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("invitation.en.typ:{line}:")),
        "{stderr}"
    );
    assert!(!dir.path().join("both").exists());
    // `check` parses every template, whichever files it is given: here a
    // list, which composes no note.
    let missions = repo("examples/missions.yaml");
    let (code, report) = check_json(
        dir.path(),
        &["--templates", "kinds", missions.to_str().unwrap()],
    );
    assert_eq!(code, Some(1), "{report}");
    assert!(report.to_string().contains("invitation.en.typ"), "{report}");
    // `kinds` and `batch` refuse the broken set before anything else.
    let out = noteverbale(dir.path(), &["kinds", "--templates", "kinds"]);
    assert_eq!(out.status.code(), Some(1));
    let out = noteverbale(
        dir.path(),
        &[
            "batch",
            example,
            "--templates",
            "kinds",
            "--lang",
            "fr",
            "--recipients",
            missions.to_str().unwrap(),
            "--out",
            "notes",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("notes").exists());
}
