//! The forms a note takes besides the seed's: an office as sender, named
//! addressees, a female Secretary-General, a dated note with its place, a
//! logo, markings, subject, free paragraphs and enclosures.

use crate::common;

use common::{engine, fold, laid_out_text, pdf_text, repo, squeeze};
use noteverbale::{Lang, NoteOptions, PdfOptions};

fn meeting(edit: impl Fn(String) -> String) -> noteverbale::Loaded {
    let dir = tempfile::tempdir().unwrap();
    let text = edit(std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap());
    std::fs::copy(
        repo("tests/fixtures/emblem.svg"),
        dir.path().join("emblem.svg"),
    )
    .unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, text).unwrap();
    let input = engine()
        .load(&path)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    // The logo is read at load time: the folder may go.
    drop(dir);
    input
}

fn text_of(input: &noteverbale::Loaded, lang: Lang) -> String {
    let note = engine()
        .note(input, lang, None, &NoteOptions::default())
        .unwrap();
    assert!(note.warnings.is_empty(), "{:?}", note.warnings);
    laid_out_text(&note)
}

#[test]
fn an_office_sends_to_named_addressees_with_markings_subject_and_enclosures() {
    let input = meeting(|text| {
        text.replace(
            "sender:\n  role: secretary-general\n  gender: male",
            "sender:\n  role: office\n  name: { fr: Le Bureau des affaires de désarmement, en: The Office for Disarmament Affairs }\n  short: { fr: Le Bureau, en: The Office }",
        )
        .replace(
            "addressees: circular",
            "addressees: { fr: aux missions permanentes des États parties, en: the Permanent Missions of the States parties }",
        )
        .replace("# markings: { fr: Confidentiel, en: Confidential }", "markings: { fr: Confidentiel, en: Confidential }")
        .replace("# subject: { fr: Septième", "subject: { fr: Septième")
        .replace("# paragraphs:\n#   - { fr: …, en: … }", "paragraphs:\n  - { fr: Un paragraphe libre.', en: A free paragraph. }\nenclosures: 2")
        .replace("fr: Un paragraphe libre.'", "fr: \"Un paragraphe libre.\"")
    });
    let fr = text_of(&input, Lang::Fr);
    for expected in [
        "CONFIDENTIEL",
        "OBJET\u{a0}: Septième Assemblée des États parties",
        "Le Bureau des affaires de désarmement présente ses compliments aux missions permanentes des États parties et a l’honneur",
        "Le Bureau a le plaisir de convoquer",
        "Un paragraphe libre.",
        "Le Bureau saisit cette occasion pour renouveler aux missions permanentes des États parties les assurances de sa très haute considération.",
        "Pièces jointes",
    ] {
        assert!(
            fold(&fr).contains(&fold(expected)),
            "missing {expected:?} in:\n{fr}"
        );
    }
    let en = text_of(&input, Lang::En);
    for expected in [
        "CONFIDENTIAL",
        "SUBJECT: Seventh Meeting of States Parties",
        "The Office for Disarmament Affairs presents its compliments to the Permanent Missions of the States parties and has the honour",
        "The Office avails itself of this opportunity to renew to the Permanent Missions of the States parties the assurances of its highest consideration.",
        "A free paragraph.",
        "Enclosures",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in:\n{en}");
    }
}

#[test]
fn a_female_secretary_general_and_a_dated_note_with_its_place() {
    let input = meeting(|text| {
        text.replace("  gender: male", "  gender: female")
            .replace(
                "# place: { fr: New York, en: New York }",
                "place: { fr: New York, en: New York }",
            )
            .replace("date: 2017\n", "date: 2017-04-01\n")
    });
    let fr = text_of(&input, Lang::Fr);
    assert!(
        fr.contains(
            "La Secrétaire générale de l’Organisation des Nations Unies présente ses compliments"
        ),
        "{fr}"
    );
    assert!(
        fr.contains("La Secrétaire générale saisit cette occasion"),
        "{fr}"
    );
    assert!(fr.contains("New York, le 1er\u{a0}avril\u{a0}2017"), "{fr}");
    let en = text_of(&input, Lang::En);
    assert!(en.contains("presents her compliments"), "{en}");
    assert!(
        en.contains("avails herself of this opportunity")
            && en.contains("of her highest consideration"),
        "{en}"
    );
    assert!(en.contains("New York, 1\u{a0}April\u{a0}2017"), "{en}");
    // The PDF is dated from the note.
    let pdf = engine()
        .note(&input, Lang::En, None, &NoteOptions::default())
        .unwrap()
        .pdf(&PdfOptions::default())
        .unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let info = document
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .unwrap();
    let date = document
        .get_dictionary(info)
        .unwrap()
        .get(b"CreationDate")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    assert!(
        String::from_utf8_lossy(&date).starts_with("D:20170401"),
        "{}",
        String::from_utf8_lossy(&date)
    );
}

#[test]
fn a_logo_named_in_the_meeting_file_is_placed_above_the_letterhead() {
    let with = meeting(|text| text.replace("# logo: un-emblem.svg", "logo: emblem.svg"));
    let without = meeting(|text| text);
    let image_count = |input: &noteverbale::Loaded| {
        let note = engine()
            .note(input, Lang::Fr, None, &NoteOptions::default())
            .unwrap();
        fn images(frame: &typst::layout::Frame) -> usize {
            frame
                .items()
                .map(|(_, item)| match item {
                    typst::layout::FrameItem::Group(group) => images(&group.frame),
                    typst::layout::FrameItem::Image(..) => 1,
                    _ => 0,
                })
                .sum()
        }
        images(&note.document.pages()[0].frame)
    };
    assert_eq!(
        (image_count(&with), image_count(&without)),
        (1, 0),
        "the logo is drawn on the first page"
    );
    let text = squeeze(&pdf_text(
        &engine()
            .note(&with, Lang::Fr, None, &NoteOptions::default())
            .unwrap()
            .pdf(&PdfOptions::default())
            .unwrap(),
    ));
    assert!(text.contains("EXECUTIVEOFFICEOFTHESECRETARY-GENERAL"));
}

#[test]
fn a_missing_or_foreign_logo_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for (logo, message) in [
        ("nowhere.svg", "cannot read"),
        ("notes.txt", "is not an SVG, PNG or JPEG image"),
    ] {
        let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
            .unwrap()
            .replace("# logo: un-emblem.svg", &format!("logo: {logo}"));
        let path = dir.path().join("meeting.yaml");
        std::fs::write(&path, &text).unwrap();
        let error = engine().load(&path).unwrap_err();
        let diagnostic = &error.diagnostics()[0];
        assert!(
            diagnostic.message.contains(message),
            "{}",
            diagnostic.message
        );
        assert_eq!(diagnostic.field.as_deref(), Some("logo"));
        let line = text.lines().position(|l| l.starts_with("logo:")).unwrap() + 1;
        assert!(
            diagnostic
                .position()
                .unwrap()
                .contains(&format!(":{line}:")),
            "{:?}",
            diagnostic.position()
        );
    }
}
