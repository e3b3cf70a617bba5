//! What holds together is never cut at a line's end, in either language:
//! e-mail and web addresses, document symbols, telephone numbers, dates
//! (day and month, month and year, "du 7 au 11"), a number and the word it
//! counts or follows ("article 14", "3 000 mots"), titles and initials
//! before a name ("S. E. M. Dupont"). Each is set at every place of a line,
//! the text before it growing by a letter at a time, and the lines Typst
//! laid out are read back.

use crate::common;

use common::{engine, example, repo};
use noteverbale::values::Translated;
use noteverbale::{Lang, Loaded};

/// What must stay on one line, as the note prints it (no-break spaces read
/// as spaces).
fn items(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &[
            "oda-ndv@un.org",
            "A/CONF.192/BMS/2008/3",
            "(+41) 22 917 0034",
            "22 avril 2005",
            "du 7 au 11 septembre 2015",
            "1er mai 2018",
            "l'article 14",
            "paragraphe 7",
            "résolution 70/54",
            "page 2",
            "3 000 mots",
            "S. E. M. Dupont",
            "nᵒ 5",
            "bureau C.117",
        ],
        Lang::En => &[
            "oda-ndv@un.org",
            "A/CONF.192/BMS/2008/3",
            "+41 22 917 0034",
            "22 April 2005",
            "29 June 2018",
            "from 7 to 11 September 2015",
            "article 14",
            "paragraph 7",
            "resolution 71/45",
            "page 2",
            "3,000 words",
            "H.E. Mr. Smith",
            "J. R. Doe",
            "Office C.117",
            "P.O. Box 20061",
        ],
    }
}

/// The first `length` characters of a text of words, to set before an item.
fn before(lang: Lang, length: usize) -> String {
    let words = match lang {
        Lang::Fr => {
            "Le texte qui précède cette mention grandit d'une lettre à chaque paragraphe pour \
             la placer partout sur une ligne, de son début à sa fin, puis sur la suivante"
        }
        Lang::En => {
            "The text before this mention grows by one letter in each paragraph so as to set \
             it at every place of a line, from its start to its end, then on the next line"
        }
    };
    words.chars().take(length).collect()
}

/// The lines of a note as its PDF gives them back, without white space
/// (text extraction guesses spaces), the apostrophes folded.
fn lines(input: &Loaded, lang: Lang) -> Vec<String> {
    common::pdf_text(&common::pdf(input, lang))
        .lines()
        .map(common::squeeze)
        .filter(|line| !line.is_empty())
        .collect()
}

/// How many times `item` stands whole on one of `lines`, and how many of
/// those it starts or ends its line.
fn whole(lines: &[String], item: &str) -> (usize, usize) {
    let item = common::squeeze(&common::fold(item)).replace('ᵒ', "o");
    let mut count = 0;
    let mut at_edge = 0;
    for line in lines {
        let found = line.matches(item.as_str()).count();
        count += found;
        let end = line.trim_end_matches(['.', ',', ';', ':', ')']);
        if found > 0 && (end.ends_with(&item) || line.starts_with(&item)) {
            at_edge += 1;
        }
    }
    (count, at_edge)
}

/// A value at every place of a line: each of 96 paragraphs gives the item
/// after a text one letter longer than the paragraph before.
#[test]
fn a_value_that_holds_together_is_never_cut_at_a_line_end() {
    const PLACES: usize = 96;
    for lang in Lang::ALL {
        let plain = lines(&example(), lang);
        for item in items(lang) {
            let mut input = example();
            input.frame.paragraphs = (0..PLACES)
                .map(|length| {
                    let text = format!("{} {item} et la suite.", before(lang, length));
                    Translated::from_fn(|_| text.clone()).into()
                })
                .collect();
            let lines = lines(&input, lang);
            let (in_example, _) = whole(&plain, item);
            let (count, at_edge) = whole(&lines, item);
            assert_eq!(
                count - in_example,
                PLACES,
                "{lang}: “{item}” is cut at a line end:\n{}",
                lines.join("\n")
            );
            assert!(
                at_edge >= 2,
                "{lang}: “{item}” never came to a line's end or start ({at_edge} times)"
            );
        }
    }
}

/// Where a value meets the template's text: "résolution {{ symbol }}",
/// and the date that follows, set at every place of a line by a title one
/// letter longer each time.
#[test]
fn the_template_and_its_values_hold_together_where_they_meet() {
    let seed = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    for (lang, title, held) in [
        (
            Lang::Fr,
            "    fr: la Convention sur les armes à sous-munitions\n",
            ["résolution 70/54", "7 décembre 2015"],
        ),
        (
            Lang::En,
            "    en: the Convention on Cluster Munitions\n",
            ["resolution 70/54", "7 December 2015"],
        ),
    ] {
        let mut at_edge = [0; 2];
        for length in 0..90 {
            let longer = format!("{} {}\n", title.trim_end(), before(lang, length));
            std::fs::write(&path, seed.replace(title, &longer)).unwrap();
            let input = engine()
                .load(&path)
                .unwrap_or_else(|e| panic!("{}", e.render(false)));
            let lines = lines(&input, lang);
            for (i, item) in held.iter().enumerate() {
                let (count, edge) = whole(&lines, item);
                assert!(
                    count >= 1,
                    "{lang}, {length} letters: “{item}” is cut:\n{}",
                    lines.join("\n")
                );
                at_edge[i] += edge;
            }
        }
        assert!(at_edge.iter().all(|&n| n >= 2), "{lang}: {at_edge:?}");
    }
}

/// A web address too long for a line breaks after one of its slashes, and
/// nowhere else: no hyphen is added, no part of a name is cut.
#[test]
fn a_long_web_address_breaks_only_after_a_slash() {
    let address = "https://www.un.org/disarmament/convention-on-cluster-munitions/meetings-of-states-parties/seventh-meeting";
    for lang in Lang::ALL {
        let mut input = example();
        input.frame.paragraphs = (0..60)
            .map(|length| {
                let text = format!("{} {address} et la suite.", before(lang, length));
                Translated::from_fn(|_| text.clone()).into()
            })
            .collect();
        let lines = lines(&input, lang);
        let mut broken = 0;
        for pair in lines.windows(2) {
            let (line, next) = (pair[0].trim_end(), pair[1].trim_start());
            let Some(start) = line.find("https://") else {
                continue;
            };
            let head = &line[start..];
            if head == address || !address.starts_with(head) {
                continue;
            }
            broken += 1;
            assert!(
                head.ends_with('/')
                    && next
                        .starts_with(&address[head.len()..].split('/').next().unwrap().to_owned()),
                "{lang}: the address breaks after “{head}”, then “{next}”"
            );
        }
        assert!(
            broken >= 10,
            "{lang}: the address broke {broken} times:\n{}",
            lines.join("\n")
        );
    }
}
