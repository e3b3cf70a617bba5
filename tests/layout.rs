//! The page design holds whatever length a note takes: the closing formula
//! never stands alone on a page, no line ends at the hyphen of a compound,
//! continuation pages are numbered.

mod common;

use common::{engine, example};
use noteverbale::assets::Assets;
use noteverbale::meeting::Bilingual;
use noteverbale::typeset::Typesetter;
use noteverbale::{Composed, Lang, NoteOptions};
use typst::layout::{Frame, FrameItem, Point};
use typst_layout::PagedDocument;

/// Notes of every length, from one page to several, by adding paragraphs of
/// about two lines one at a time.
#[test]
fn the_closing_never_stands_alone_on_a_page() {
    let mut input = example();
    let paragraph = Bilingual {
        fr: "Le Secrétaire général informe en outre les représentants permanents que des dispositions \
             particulières seront prises pour les délégations qui en feront la demande."
            .into(),
        en: "The Secretary-General further informs the Permanent Representatives that special \
             arrangements will be made for delegations that so request."
            .into(),
    };
    let mut placements = std::collections::BTreeSet::new();
    for count in 0..40 {
        input.frame.paragraphs = vec![paragraph.clone(); count];
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

#[test]
fn continuation_pages_are_numbered_and_the_first_is_not() {
    let note = engine()
        .note(&example(), Lang::Fr, None, &NoteOptions::default())
        .unwrap();
    let pages = note.page_texts();
    assert!(pages.len() >= 2);
    assert!(!pages[0].contains("- 1 -"), "{}", pages[0]);
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(
            page.contains(&format!("- {} -", i + 1)),
            "page {} lacks its number: {page}",
            i + 1
        );
    }
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
        .map(|(fr, en)| Bilingual {
            fr: fr.clone(),
            en: en.clone(),
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
        let document = typesetter.typeset(&composed).unwrap().document;
        let broken = lines(&document)
            .iter()
            .filter(|l| ends_at_hyphen(l))
            .count();
        assert!(broken > 3, "{lang}: only {broken} lines end at a hyphen");
    }
}
