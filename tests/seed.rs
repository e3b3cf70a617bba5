//! The bundled example reproduces the seed note in French, and its English
//! counterpart uses the UN's formulas.

use crate::common;

use common::{example, fold, laid_out_text, note, pdf, pdf_text, repo, squeeze};
use noteverbale::Lang;

/// The seed's paragraphs and address lines, with the artefacts of its text
/// extraction undone: the `**` around letterhead lines, the Markdown links and
/// line breaks, the page break inside "l'article 7 de la / Convention", the
/// date placeholder, and the lone capital in "États Parties".
fn seed_blocks() -> Vec<String> {
    let seed = std::fs::read_to_string(repo("tests/fixtures/ccm-7msp.seed.fr.md")).unwrap();
    let seed = seed
        .replace("**", "")
        .replace("[ccm@unog.ch](mailto:ccm@unog.ch)", "ccm@unog.ch")
        .replace(
            "[www.unog.ch/ccm](http://www.unog.ch/ccm)",
            "www.unog.ch/ccm",
        )
        .replace(
            "l'article 7 de la\n\nConvention",
            "l'article 7 de la Convention",
        )
        .replace("États Parties", "États parties");
    seed.split("\n\n")
        .flat_map(|block| {
            let block = block.trim();
            // The address block is one line a line; the rest are paragraphs.
            if block.contains("  \n") {
                block.split("  \n").map(str::to_owned).collect::<Vec<_>>()
            } else {
                vec![block.to_owned()]
            }
        })
        .filter(|b| !b.is_empty() && !b.starts_with("....."))
        .map(|b| fold(&b))
        .collect()
}

#[test]
fn french_note_holds_every_paragraph_and_address_line_of_the_seed_in_order() {
    let blocks = seed_blocks();
    assert!(
        blocks.len() >= 18,
        "the seed has its paragraphs and address lines: {blocks:#?}"
    );
    let text = pdf_text(&pdf(&example(), Lang::Fr));
    let squeezed = squeeze(&text);
    let mut from = 0;
    for block in &blocks {
        let wanted = squeeze(block);
        match squeezed[from..].find(&wanted) {
            Some(at) => from += at + wanted.len(),
            None => panic!("the French note lacks, at its place:\n  {block}\n\nnote text:\n{text}"),
        }
    }
}

#[test]
fn french_note_has_french_typography() {
    let text = laid_out_text(&note(&example(), Lang::Fr));
    assert!(
        text.contains("«\u{202f}la Convention\u{202f}»"),
        "narrow no-break spaces inside « »:\n{text}"
    );
    assert!(
        text.contains("ci-après\u{a0}:"),
        "a no-break space before the colon"
    );
    assert!(
        text.contains("l’Organisation") && !text.contains('\''),
        "typographic apostrophes"
    );
    assert!(text.contains("18\u{a0}août"), "day and month held together");
    assert!(text.contains("Télécopie\u{a0}: (+41)\u{a0}22\u{a0}917\u{a0}0034"));
    for bad in [" :", " ;", " »", "« ", " ?", " !", "\u{a0}»", "«\u{a0}"] {
        assert!(!text.contains(bad), "a wrong space in `{bad}`:\n{text}");
    }
}

#[test]
fn english_note_uses_the_un_formulas() {
    let text = pdf_text(&pdf(&example(), Lang::En));
    for phrase in [
        "The Secretary-General of the United Nations presents his compliments to the Permanent \
         Representatives of the Member States and observer States to the United Nations and has the \
         honour to refer to the 2008 Convention on Cluster Munitions (hereinafter “the Convention”) \
         and to resolution 70/54, entitled “Implementation of the Convention on Cluster Munitions”, \
         adopted by the General Assembly on 7 December 2015.",
        "The Secretary-General has the pleasure to convene the Seventh Meeting of States Parties to \
         the Convention on Cluster Munitions, from 4 to 6 September 2017, at the Palais des Nations \
         in Geneva,",
        "in accordance with article 14, paragraph 1, of the Convention, “the costs of the Meetings of \
         States Parties [...] shall be borne by the States Parties and States not party to this \
         Convention participating therein, in accordance with the United Nations scale of assessment \
         adjusted appropriately”.",
        "no later than Friday, 18 August 2017, at the following address:",
        "Office for Disarmament Affairs (Geneva Branch) United Nations Office at Geneva Palais des \
         Nations, Office C.117 CH-1211 Geneva 10 Switzerland Fax: +41 22 917 0034 Email: ccm@unog.ch \
         Website: www.unog.ch/ccm",
        "Further information on the organizational arrangements for the Meeting will be communicated \
         by the secretariat in due course.",
        "The Secretary-General avails himself of this opportunity to renew to the Permanent \
         Representatives of the Member States and observer States to the United Nations the \
         assurances of his highest consideration.",
    ] {
        assert!(
            squeeze(&text).contains(&squeeze(&fold(phrase))),
            "the English note lacks:\n  {phrase}\n\nnote text:\n{text}"
        );
    }
}

#[test]
fn english_note_has_no_french_word() {
    let text = pdf_text(&pdf(&example(), Lang::En));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The letterhead is bilingual by design, and the Palais des Nations keeps its name.
    let text = text
        .replace("CABINET DU SECRETAIRE GENERAL", "")
        .replace("Palais des Nations", "");
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    for french in [
        "le",
        "la",
        "les",
        "du",
        "des",
        "et",
        "au",
        "aux",
        "de",
        "une",
        "Secrétaire",
        "général",
        "Assemblée",
        "Genève",
        "Suisse",
        "Télécopie",
        "septembre",
        "août",
        "vendredi",
        "présente",
    ] {
        assert!(
            !words.contains(&french),
            "French word `{french}` in the English note:\n{text}"
        );
    }
    assert!(
        !text.contains('«') && !text.contains('»'),
        "French quotation marks in the English note"
    );
}
