//! The page design holds whatever length a note takes: the closing formula
//! never stands alone on a page, continuation pages are numbered.

mod common;

use common::{engine, example, page_texts};
use noteverbale::meeting::Bilingual;
use noteverbale::{Lang, RenderOptions};

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
        input.meeting.paragraphs = vec![paragraph.clone(); count];
        for (lang, closing) in [
            (Lang::Fr, "saisit cette occasion"),
            (Lang::En, "avails himself"),
        ] {
            let note = engine()
                .typeset(&input, lang, &RenderOptions::default())
                .unwrap();
            let pages = page_texts(&note);
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
        .typeset(&example(), Lang::Fr, &RenderOptions::default())
        .unwrap();
    let pages = page_texts(&note);
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
