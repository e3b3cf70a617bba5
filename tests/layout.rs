//! The page design holds whatever length a note takes: the closing formula
//! never stands alone on a page, no line ends at the hyphen of a compound,
//! continuation pages are numbered.

use crate::common;

use common::{engine, example};
use noteverbale::assets::Assets;
use noteverbale::typeset::{Fonts, Typesetter};
use noteverbale::values::Translated;
use noteverbale::{Composed, Lang, NoteOptions};
use typst::layout::{Frame, FrameItem, Point};
use typst_layout::PagedDocument;

/// Notes of every length, from one page to several, by adding paragraphs of
/// about two lines one at a time.
#[test]
fn the_closing_never_stands_alone_on_a_page() {
    let mut input = example();
    let paragraph = Translated::from_fn(|lang| {
        match lang {
        Lang::Fr => "Le Secrétaire général informe en outre les représentants permanents que des dispositions \
             particulières seront prises pour les délégations qui en feront la demande."
            .into(),
        Lang::En => "The Secretary-General further informs the Permanent Representatives that special \
             arrangements will be made for delegations that so request."
            .into(),
    }
    });
    let mut placements = std::collections::BTreeSet::new();
    for count in 0..40 {
        input.frame.paragraphs = vec![paragraph.clone().into(); count];
        for (lang, closing) in [
            (Lang::Fr, "saisit cette occasion"),
            (Lang::En, "avails himself"),
        ] {
            let note = engine()
                .note(&input, lang, None, &NoteOptions::default())
                .unwrap();
            let pages = note.page_texts();
            let (index, page) = pages
                .iter()
                .enumerate()
                .find(|(_, p)| p.contains(closing))
                .unwrap();
            let before = &page[..page.find(closing).unwrap()];
            let before_closing = before.trim_end_matches(|c: char| !c.is_alphabetic());
            let words_before = before_closing.split_whitespace().count();
            assert!(
                words_before > 5,
                "{count} extra paragraphs, {lang}: the closing opens page {} alone",
                index + 1
            );
            placements.insert(index);
        }
    }
    assert!(
        placements.len() >= 3,
        "the notes ran over one to several pages: {placements:?}"
    );
}

/// The lowest baseline of the body on each page, from the top, in points:
/// the page number at the foot left out.
fn body_bottoms(document: &PagedDocument, foot: f64) -> Vec<f64> {
    fn walk(frame: &Frame, at: Point, foot: f64, lowest: &mut f64) {
        for (pos, item) in frame.items() {
            let here = at + *pos;
            match item {
                FrameItem::Group(group) => walk(&group.frame, here, foot, lowest),
                FrameItem::Text(_) if here.y.to_pt() < foot => *lowest = lowest.max(here.y.to_pt()),
                _ => {}
            }
        }
    }
    document
        .pages()
        .iter()
        .map(|page| {
            let mut lowest = 0.0;
            walk(
                &page.frame,
                Point::zero(),
                page.frame.height().to_pt() - foot,
                &mut lowest,
            );
            lowest
        })
        .collect()
}

/// When the closing would open a page alone below a long last paragraph,
/// the paragraph's last lines go over with it, and the page before stays
/// full but for those lines: it never ends a quarter of a page early, as it
/// would if the whole paragraph were moved.
#[test]
fn a_page_gives_the_closing_two_lines_not_a_paragraph() {
    let text = std::fs::read_to_string(common::repo("examples/ccm-7msp.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let foot = 2.5 / 2.54 * 72.0;
    let mut kept = 0;
    for words in 150..172 {
        let long = "et des décisions pertinentes de la première Conférence d'examen";
        let padded = text.replacen(
            long,
            &format!("{long}{}", " et des autres décisions".repeat(words)),
            1,
        );
        let path = dir.path().join("long.yaml");
        std::fs::write(&path, padded).unwrap();
        let loaded = engine().load(&path).unwrap();
        let note = engine()
            .note(&loaded, Lang::Fr, None, &NoteOptions::default())
            .unwrap();
        let pages = note.page_texts();
        let closing = "saisit cette occasion";
        let at = pages.iter().position(|p| p.contains(closing)).unwrap();
        let before = &pages[at][..pages[at].find(closing).unwrap()];
        assert!(
            before.split_whitespace().count() > 5,
            "{words}: the closing opens page {} alone",
            at + 1
        );
        if note.typst_inputs().is_empty() {
            continue;
        }
        kept += 1;
        // The last paragraph is broken: it ends on the closing's page and
        // begins on the page before.
        assert!(
            pages[at - 1].contains("souhaite appeler"),
            "{words}: {}",
            pages[at - 1]
        );
        let page_height = note.document.pages()[at - 1].frame.height().to_pt();
        let body_height = page_height - foot - 2.2 / 2.54 * 72.0;
        let gap = page_height - foot - body_bottoms(&note.document, foot)[at - 1];
        assert!(
            gap < body_height / 4.0,
            "{words}: page {} ends {gap:.0} pt early, of {body_height:.0}",
            at
        );
    }
    assert!(
        kept >= 2,
        "the lengths tried kept the last paragraph {kept} times"
    );
}

#[test]
fn continuation_pages_are_numbered_and_the_first_is_not() {
    let note = engine()
        .note(&example(), Lang::Fr, None, &NoteOptions::default())
        .unwrap();
    let pages = note.page_texts();
    assert!(pages.len() >= 2);
    assert!(!pages[0].contains("– 1 –"), "{}", pages[0]);
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(
            page.contains(&format!("–\u{a0}{}\u{a0}–", i + 1)),
            "page {} lacks its number: {page}",
            i + 1
        );
    }
}

/// A note's layout starts from what the note before it found out about its
/// pages, which may be wrong for it (a note of one page before one of two):
/// whatever came before it, a note is numbered as it should be and comes out
/// the same, to the byte.
#[test]
fn a_note_comes_out_the_same_whatever_the_note_before_it_held() {
    use noteverbale::{Engine, PdfOptions, Sources};
    let invitation = example();
    let reminder = engine()
        .load(&common::repo("examples/ccm-7msp-reminder.yaml"))
        .unwrap();
    // A fresh engine typesets its first note with page numbers.
    let in_turn = |order: &[&noteverbale::Loaded]| -> Vec<(usize, Vec<u8>, Vec<String>)> {
        let engine = Engine::new(&Sources::default()).unwrap();
        order
            .iter()
            .map(|loaded| {
                let note = engine
                    .note(loaded, Lang::Fr, None, &NoteOptions::default())
                    .unwrap();
                let pdf = note.pdf(&PdfOptions::default()).unwrap();
                (note.pages(), pdf, note.page_texts())
            })
            .collect()
    };
    let alone = in_turn(&[&invitation]);
    let after_one_page = in_turn(&[&reminder, &reminder, &invitation, &reminder]);
    assert_eq!(alone[0].0, 2);
    assert_eq!(after_one_page[0].0, 1);
    // The second reminder, laid out from the first's pages, is its bytes.
    assert!(after_one_page[0].1 == after_one_page[1].1);
    // The invitation ran on: numbered, and the same as alone.
    assert!(after_one_page[2].2[1].contains("–\u{a0}2\u{a0}–"));
    assert!(after_one_page[2].1 == alone[0].1, "the invitation differs");
    // After a note of two pages, the reminder is the same again.
    assert!(after_one_page[3].1 == after_one_page[0].1);
}

/// The lines Typst laid out: text runs grouped by page and baseline, left to
/// right.
fn lines(document: &PagedDocument) -> Vec<String> {
    fn walk(frame: &Frame, at: Point, runs: &mut Vec<(i64, i64, String)>) {
        for (pos, item) in frame.items() {
            let here = at + *pos;
            match item {
                FrameItem::Group(group) => {
                    let shift = Point::new(group.transform.tx, group.transform.ty);
                    walk(&group.frame, here + shift, runs);
                }
                FrameItem::Text(text) => runs.push((
                    here.y.to_pt().round() as i64,
                    (here.x.to_pt() * 100.0) as i64,
                    text.text.to_string(),
                )),
                _ => {}
            }
        }
    }
    let mut lines = Vec::new();
    for page in document.pages() {
        let mut runs = Vec::new();
        walk(&page.frame, Point::zero(), &mut runs);
        runs.sort();
        let mut line: Option<(i64, String)> = None;
        for (y, _, text) in runs {
            match &mut line {
                Some((at, current)) if *at == y => current.push_str(&text),
                _ => lines.extend(line.replace((y, text)).map(|(_, l)| l)),
            }
        }
        lines.extend(line.map(|(_, l)| l));
    }
    lines
}

/// Whether a line ends with the hyphen of a word (not a page number's dash).
fn ends_at_hyphen(line: &str) -> bool {
    line.trim_end()
        .strip_suffix('-')
        .and_then(|rest| rest.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

/// Paragraphs thick with compounds, each shifted by a word more than the one
/// before, so that compounds fall at every place of a line.
fn compound_paragraphs(lang: Lang) -> Vec<String> {
    let words = match lang {
        Lang::Fr => {
            "les sous-munitions, le Secrétaire général adjoint, le porte-parole et l'après-midi du vingt-deux, ci-après"
        }
        Lang::En => {
            "the Under-Secretary-General, the follow-up, a well-known twenty-two-day meeting, in mid-September"
        }
    };
    (0..24)
        .map(|shift| format!("{}{}", "a ".repeat(shift), [words; 4].join(" ")))
        .collect()
}

#[test]
fn no_line_ends_at_the_hyphen_of_a_compound() {
    let mut input = example();
    let fr = compound_paragraphs(Lang::Fr);
    let en = compound_paragraphs(Lang::En);
    input.frame.paragraphs = fr
        .iter()
        .zip(&en)
        .map(|(fr, en)| {
            Translated::from_fn(|lang| match lang {
                Lang::Fr => fr.clone(),
                Lang::En => en.clone(),
            })
            .into()
        })
        .collect();
    for lang in [Lang::Fr, Lang::En] {
        let note = engine()
            .note(&input, lang, None, &NoteOptions::default())
            .unwrap();
        let lines = lines(&note.document);
        assert!(lines.len() > 100, "{lang}: {} lines", lines.len());
        let broken: Vec<&String> = lines.iter().filter(|l| ends_at_hyphen(l)).collect();
        assert!(
            broken.is_empty(),
            "{lang}: lines end at a hyphen: {broken:#?}"
        );
    }
}

/// The same paragraphs typeset as plain Typst do break at hyphens: the test
/// above would see it if compounds were not kept whole.
#[test]
fn without_protection_lines_would_end_at_hyphens() {
    let typesetter = Typesetter::new(&Assets::templates(None).unwrap()).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        // These paragraphs hold no character that Typst markup gives a
        // meaning, but for `'`, which it sets as an apostrophe.
        let body = compound_paragraphs(lang);
        let source = format!(
            "#set text(font: \"Libertinus Serif\", size: 12pt, hyphenate: false)\n\
             #set par(justify: true)\n\n{}",
            body.join("\n\n")
        );
        let composed = Composed::handwritten(lang, "/probe.typ", source);
        let document = typesetter
            .typeset(&composed, &Fonts::embedded())
            .unwrap()
            .document;
        let broken = lines(&document)
            .iter()
            .filter(|l| ends_at_hyphen(l))
            .count();
        assert!(broken > 3, "{lang}: only {broken} lines end at a hyphen");
    }
}
