//! The languages of a note agree: the facts that each language of a text
//! states (dates, times, numbers and ordinals in figures or in words,
//! symbols, e-mail and web addresses, telephone numbers, States) are found in
//! every other, for every text the meeting file gives in its languages
//! (French and English), and for the typeset notes as wholes. Each language
//! is read through its rules ([`Language`]). A fact that one language states
//! and the other does not, or states otherwise, is an error at both places;
//! a writer who means it acknowledges it beside either value:
//!
//! ```yaml
//! paragraphs:
//!   - fr: Le délai est de trois semaines.  # allow(languages-differ): as agreed
//!     en: The deadline is twenty-one days.
//! ```

mod facts;
mod words;

use std::collections::HashSet;
use std::ops::Range;

use serde_yaml::Value as Yaml;

pub use self::facts::{Fact, Found, facts, prepare, read};
use crate::error::{Diagnostic, Location, Related};
use crate::locale::{Lang, Language};
pub use crate::states::States;
use crate::yaml::YamlFile;

/// The name under which a difference is acknowledged.
pub const CODE: &str = "languages-differ";

/// A text of the meeting file in every language, and where.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The field path, as `paragraphs[0]`.
    pub path: String,
    /// The text in each language, in the order of [`Lang::ALL`].
    pub texts: Vec<(Lang, String)>,
}

/// Every text of a meeting file given in every language, `{ fr: …, en: … }`,
/// in the file's order.
pub fn pairs(top: &Yaml) -> Vec<Pair> {
    fn walk(value: &Yaml, path: String, out: &mut Vec<Pair>) {
        match value {
            Yaml::Mapping(map) => {
                let texts: Option<Vec<(Lang, String)>> = Lang::ALL
                    .iter()
                    .map(|&lang| match map.get(lang.code()) {
                        Some(Yaml::String(text)) => Some((lang, text.clone())),
                        _ => None,
                    })
                    .collect();
                // A text, and beside its languages, perhaps, how it is set
                // (a paragraph's `items`, which are texts in turn).
                if let Some(texts) = texts {
                    out.push(Pair {
                        path: path.clone(),
                        texts,
                    });
                    if map.len() == Lang::ALL.len() {
                        return;
                    }
                }
                for (key, value) in map {
                    let Some(key) = key.as_str() else { continue };
                    let path = if path.is_empty() {
                        key.to_owned()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(value, path, out);
                }
            }
            Yaml::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(top, String::new(), &mut out);
    out
}

/// A fact that one language states and the other does not, or states
/// otherwise: what the first and the second language state, one of them or
/// both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What the first language states, if anything.
    pub first: Option<Found>,
    /// What the second language states, if anything.
    pub second: Option<Found>,
}

/// What `first` and `second`, the facts of the texts `first_text` and
/// `second_text` in two languages, disagree on: each fact of one that the
/// other does not state, paired with a fact of the same sort that the
/// other states instead. A weak fact
/// ("les deux", "le Premier Ministre") that the other language leaves out,
/// and a State named alike in both texts ("M. Maurice Dupont", "à Mexico"),
/// are no difference.
pub fn compare(
    first: &[Found],
    second: &[Found],
    first_text: &str,
    second_text: &str,
) -> Vec<Difference> {
    let unmatched = |these: &[Found], those: &[Found], other_text: &str| -> Vec<Found> {
        let stated: HashSet<Fact> = those.iter().flat_map(|f| f.fact.equivalents()).collect();
        let dates: Vec<&Fact> = those
            .iter()
            .map(|f| &f.fact)
            .filter(|f| matches!(f, Fact::Date { .. }))
            .collect();
        let mut seen = HashSet::new();
        these
            .iter()
            .filter(|f| match &f.fact {
                Fact::Date { .. } => !dates.iter().any(|d| f.fact.agrees(d)),
                fact => !stated.contains(fact),
            })
            .filter(|f| !(matches!(f.fact, Fact::State(_)) && said_alike(&f.written, other_text)))
            // A fact stated twice is missing once.
            .filter(|f| seen.insert(f.fact.clone()))
            .cloned()
            .collect()
    };
    let only_first = unmatched(first, second, second_text);
    let mut only_second = unmatched(second, first, first_text);
    let mut differences = Vec::new();
    for one in only_first {
        let other = only_second
            .iter()
            .position(|e| e.fact.what() == one.fact.what())
            .map(|at| only_second.remove(at));
        differences.push(Difference {
            first: Some(one),
            second: other,
        });
    }
    differences.extend(only_second.into_iter().map(|other| Difference {
        first: None,
        second: Some(other),
    }));
    // A weak fact is a difference only against another of its sort.
    differences.retain(|d| match (&d.first, &d.second) {
        (Some(alone), None) | (None, Some(alone)) => !alone.weak,
        _ => true,
    });
    differences.sort_by_key(|d| {
        (
            d.first.as_ref().map_or(usize::MAX, |f| f.span.start),
            d.second.as_ref().map_or(usize::MAX, |f| f.span.start),
        )
    });
    differences
}

/// Whether `written` stands, as a whole word, in `text`.
fn said_alike(written: &str, text: &str) -> bool {
    regex::Regex::new(&format!(r"\b{}\b", regex::escape(written)))
        .is_ok_and(|word| word.is_match(text))
}

/// What a text written in the note's first two languages (French and
/// English), `first` and `second`, disagrees on.
pub fn differences(first: &str, second: &str, states: &States) -> Vec<Difference> {
    let [first_lang, second_lang, ..] = Lang::ALL;
    let first_facts = facts(first, first_lang, states);
    let second_facts = facts(second, second_lang, states);
    compare(&first_facts, &second_facts, first, second)
}

/// The facts that the meeting file's own texts state, in either language:
/// compared as the file is read, and so left out of both notes when the
/// notes are compared as wholes; and the lines of those texts.
#[derive(Debug, Clone, Default)]
pub struct Given {
    facts: Vec<Fact>,
    /// The lines (from 0) of the texts given in every language, their keys
    /// and their parent keys: an acknowledgment there is about them.
    pub lines: Vec<usize>,
}

impl Given {
    /// Whether a text of the file states `fact`, in either language.
    pub fn states(&self, fact: &Fact) -> bool {
        self.facts.iter().any(|g| g.agrees(fact))
    }
}

/// What is said of a difference between the languages `first` and
/// `second`: the message and the labels at the first and at the second
/// language's place.
pub fn describe(
    difference: &Difference,
    first: &dyn Language,
    second: &dyn Language,
) -> (String, String, String) {
    let (one, other) = (first.name(), second.name());
    match (&difference.first, &difference.second) {
        (Some(a), Some(b)) => (
            format!("the {one} and the {other} differ: {a} in {one}, {b} in {other}"),
            format!("the {one} says {a}"),
            format!("the {other} says {b}"),
        ),
        (Some(a), None) => (
            format!(
                "the {one} gives the {} {a}, which the {other} does not",
                a.fact.what()
            ),
            format!("the {one} says {a}"),
            format!("the {other} does not say it"),
        ),
        (None, Some(b)) => (
            format!(
                "the {other} gives the {} {b}, which the {one} does not",
                b.fact.what()
            ),
            format!("the {one} does not say it"),
            format!("the {other} says {b}"),
        ),
        (None, None) => Default::default(),
    }
}

/// The hint of every difference.
pub const HINT: &str = "make both languages state the same; if the difference is meant, acknowledge it beside either value or their key: `# allow(languages-differ): why`";

/// What comparing the languages of a meeting file's texts finds.
#[derive(Debug, Clone, Default)]
pub struct Compared {
    /// The differences, each an error at the French and at the English
    /// place, without those that the file acknowledges.
    pub errors: Vec<Diagnostic>,
    /// The facts that the texts state.
    pub given: Given,
    /// The lines (from 0) of the comments that acknowledged a difference.
    pub acknowledged: Vec<usize>,
}

/// Compares the languages of every text of a meeting file given in all of
/// them, each with each other.
pub fn check_pairs(file: &YamlFile, top: &Yaml, states: &States) -> Compared {
    let mut errors = Vec::new();
    let mut given = Given::default();
    let mut acknowledgments = Vec::new();
    for pair in pairs(top) {
        let found: Vec<Vec<Found>> = pair
            .texts
            .iter()
            .map(|(lang, text)| facts(text, *lang, states))
            .collect();
        given
            .facts
            .extend(found.iter().flatten().map(|f| f.fact.clone()));
        // The lines of the text, in the file that gives it.
        let own = std::ptr::eq(file.holder(&pair.path), file);
        if own {
            given.lines.extend(text_lines(file, &pair));
        }
        for i in 0..pair.texts.len() {
            for j in i + 1..pair.texts.len() {
                let ((one, one_text), (other, other_text)) = (&pair.texts[i], &pair.texts[j]);
                // A text written alike in both languages (a name, a title
                // left in its own language) states the same facts in both.
                if one_text == other_text {
                    continue;
                }
                let differences = compare(&found[i], &found[j], one_text, other_text);
                if differences.is_empty() {
                    continue;
                }
                let one_path = format!("{}.{one}", pair.path);
                let other_path = format!("{}.{other}", pair.path);
                // The file that gives the text: this one, or one it extends.
                let holder = file.holder(&one_path);
                let own = std::ptr::eq(holder, file);
                let file = holder;
                let one_value = file.locate(&one_path);
                let other_value = file.locate(&other_path);
                let lines = acknowledgments_of(
                    file,
                    &[&pair.path, &one_path, &other_path],
                    &[&one_value, &other_value],
                );
                if !lines.is_empty() {
                    if own {
                        acknowledgments.extend(lines);
                    }
                    continue;
                }
                for difference in differences {
                    let (message, one_label, other_label) =
                        describe(&difference, one.rules(), other.rules());
                    let place =
                        |value: &Option<Range<usize>>, found: &Option<Found>, text: &str| {
                            value.as_ref().map(|value| Location {
                                source: file.source.clone(),
                                span: found
                                    .as_ref()
                                    .and_then(|f| within(&file.source.text, value.clone(), text, f))
                                    .unwrap_or_else(|| value.clone()),
                            })
                        };
                    let mut error = Diagnostic::error(message)
                        .in_file(&file.path)
                        .field(&pair.path)
                        .code(CODE)
                        .hint(HINT);
                    if let Some(location) = place(&one_value, &difference.first, one_text) {
                        error = error.at(location).label(one_label);
                    }
                    if let Some(location) = place(&other_value, &difference.second, other_text) {
                        error = error.related(Related {
                            location,
                            message: other_label,
                        });
                    }
                    errors.push(error);
                }
            }
        }
    }
    Compared {
        errors,
        given,
        acknowledged: acknowledgments,
    }
}

/// The lines (from 0) of a text given in every language: its key, each
/// language's key and value.
fn text_lines(file: &YamlFile, pair: &Pair) -> Vec<usize> {
    let line = |offset: usize| file.source.line_column(offset).0 - 1;
    let mut lines = Vec::new();
    if let Some(key) = file.locate_key(&pair.path) {
        lines.push(line(key.start));
    }
    for (lang, _) in &pair.texts {
        let path = format!("{}.{lang}", pair.path);
        if let Some(key) = file.locate_key(&path) {
            lines.push(line(key.start));
        }
        if let Some(value) = file.locate(&path) {
            lines.extend(line(value.start)..=line(value.end.min(file.source.text.len())));
        }
    }
    lines
}

/// The lines (from 0) of the comments by which the file acknowledges
/// differences between the values at `paths`: an `allow(languages-differ)`
/// on the line of either key or of their parent key, or on a line of either
/// value.
fn acknowledgments_of(
    file: &YamlFile,
    paths: &[&str],
    values: &[&Option<Range<usize>>],
) -> Vec<usize> {
    let text = &file.source.text;
    let mut lines = Vec::new();
    for path in paths {
        if let Some(key) = file.locate_key(path) {
            lines.push(file.source.line_column(key.start).0 - 1);
        }
    }
    for value in values.iter().copied().flatten() {
        let first = file.source.line_column(value.start).0 - 1;
        let last = file.source.line_column(value.end.min(text.len())).0 - 1;
        lines.extend(first..=last);
    }
    crate::allow::acknowledgments(&file.source, CODE, &lines)
}

/// Where the fact `found` of the value `text` is in the file's
/// `source[value]`: its words, white space aside (a folded value breaks them
/// across lines), as many times over as they stand in the value before it.
fn within(source: &str, value: Range<usize>, text: &str, found: &Found) -> Option<Range<usize>> {
    let slice = source.get(value.clone())?;
    let words = pattern(&found.written)?;
    let before = words
        .find_iter(text)
        .take_while(|m| m.start() < found.span.start)
        .count()
        .saturating_sub(1);
    let at = words.find_iter(slice).nth(before)?;
    Some(value.start + at.start()..value.start + at.end())
}

/// The words of `written`, white space aside, and not inside other words.
fn pattern(written: &str) -> Option<regex::Regex> {
    let words: Vec<String> = written.split_whitespace().map(regex::escape).collect();
    let edge = |c: Option<char>| {
        if c.is_some_and(char::is_alphanumeric) {
            r"\b"
        } else {
            ""
        }
    };
    let pattern = format!(
        "{}{}{}",
        edge(written.chars().next()),
        words.join(r"\s+"),
        edge(written.chars().next_back())
    );
    regex::Regex::new(&pattern).ok()
}

/// A note's text as the reader sees it, and where each part of it was
/// written, to name the template a difference comes from.
pub struct NoteText<'a> {
    /// The language it is written in.
    pub lang: Lang,
    /// The text of its pages, page numbers left out.
    pub text: String,
    /// Where the bytes of the text that state a fact were written: a
    /// place in a template.
    pub locate: &'a dyn Fn(Range<usize>) -> Option<Location>,
    /// The template, when no place is found.
    pub template: String,
}

/// The differences between two typeset notes in two languages (French and
/// English), as wholes: the facts that the templates and messages state.
/// Those that the meeting file's own texts state (`given`) were compared,
/// or acknowledged, as the file was read, and are left out.
/// A difference is left out when `acknowledged` says that the place
/// where either language states it ([`NoteText::locate`]), or the meeting
/// file's value that printed it, acknowledges it.
pub fn check_notes(
    first: &NoteText,
    second: &NoteText,
    given: &Given,
    states: &States,
    acknowledged: &dyn Fn(&Found, Option<&Location>) -> bool,
) -> Vec<Diagnostic> {
    // A fact the file's texts state was compared (or its difference
    // acknowledged) as the file was read: it is left out of both notes.
    let own = |f: &Found| !given.states(&f.fact);
    let first_facts: Vec<Found> = facts(&first.text, first.lang, states)
        .into_iter()
        .filter(own)
        .collect();
    let second_facts: Vec<Found> = facts(&second.text, second.lang, states)
        .into_iter()
        .filter(own)
        .collect();
    let place = |note: &NoteText, found: &Option<Found>| {
        found.as_ref().and_then(|f| (note.locate)(f.span.clone()))
    };
    compare(&first_facts, &second_facts, &first.text, &second.text)
        .into_iter()
        .filter(|difference| {
            let first_at = place(first, &difference.first);
            let second_at = place(second, &difference.second);
            let said = [
                (&difference.first, first_at.as_ref()),
                (&difference.second, second_at.as_ref()),
            ];
            !said
                .into_iter()
                .any(|(found, at)| found.as_ref().is_some_and(|f| acknowledged(f, at)))
        })
        .map(|difference| {
            let (message, first_label, second_label) =
                describe(&difference, first.lang.rules(), second.lang.rules());
            let mut error = Diagnostic::error(format!("the notes: {message}"))
                .code(CODE)
                .hint(
                    "the templates or the messages of the two languages say different things: make them agree; if the difference is meant, acknowledge it on the template's line, `{# allow(languages-differ): why #}`, or beside the meeting file's value that prints it, `# allow(languages-differ): why`",
                );
            // The place of the language that states the fact comes first.
            match (
                place(first, &difference.first),
                place(second, &difference.second),
            ) {
                (Some(first_at), second_at) => {
                    error = error.at(first_at).label(first_label);
                    if let Some(location) = second_at {
                        error = error.related(Related {
                            location,
                            message: second_label,
                        });
                    } else if difference.second.is_none() {
                        error = error.hint(format!("`{}` does not say it", second.template));
                    }
                }
                (None, Some(second_at)) => {
                    error = error.at(second_at).label(second_label);
                    if difference.first.is_none() {
                        error = error.hint(format!("`{}` does not say it", first.template));
                    }
                }
                (None, None) => error = error.in_file(&first.template),
            }
            error
        })
        .collect()
}

/// Whether a template acknowledges a difference of the notes on its line
/// `line` (from 0): `{# allow(languages-differ): why #}`.
pub fn template_acknowledges(template: &crate::error::SourceText, line: usize) -> bool {
    template.text.lines().nth(line).is_some_and(|text| {
        text.find("{#")
            .is_some_and(|at| text[at..].contains(&format!("allow({CODE})")))
    })
}

/// Where `written` first appears in `text`, white space aside.
pub fn find(text: &str, written: &str) -> Option<Range<usize>> {
    pattern(written)?.find(text).map(|m| m.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_found_at_their_paths() {
        let top: Yaml = serde_yaml::from_str(
            "a: { fr: x, en: y }\nb: [ { fr: u, en: v } ]\nc: { d: { fr: p, en: q }, e: 1 }\n",
        )
        .unwrap();
        let paths: Vec<String> = pairs(&top).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, ["a", "b[0]", "c.d"]);
    }

    /// A language that is neither French nor English is read and compared
    /// through its rules alone.
    #[test]
    fn a_new_language_is_compared_through_its_rules() {
        use crate::locale::toy::Toy;

        let toy = |text: &str| read(text, &Toy, None);
        let english = |text: &str| read(text, Lang::En.rules(), None);
        let date = |day, month, year| Fact::Date {
            month,
            day,
            year,
            weekday: None,
        };
        let facts_of = |found: Vec<Found>| found.into_iter().map(|f| f.fact).collect::<Vec<_>>();
        assert_eq!(
            facts_of(toy(
                "Kunveno de 30-a de aŭgusto ĝis 2-a de septembro 2022, je 15:30."
            )),
            [
                date(30, 8, Some(2022)),
                date(2, 9, Some(2022)),
                Fact::Time(15 * 60 + 30)
            ]
        );
        assert_eq!(
            facts_of(toy("la 7-a sesio, 3.000,5 eŭroj, sep")),
            [
                Fact::Ordinal(7),
                Fact::Number("3000.5".into()),
                Fact::Number("7".into())
            ]
        );

        // A date that agrees.
        let (one, other) = (
            "Kunveno je 4-a de septembro 2017.",
            "Meeting on 4 September 2017.",
        );
        assert_eq!(compare(&toy(one), &english(other), one, other), []);

        // A date that differs, at both places.
        let (one, other) = (
            "Kunveno je 5-a de septembro 2017.",
            "Meeting on 4 September 2017.",
        );
        let differences = compare(&toy(one), &english(other), one, other);
        assert_eq!(differences.len(), 1);
        let difference = &differences[0];
        assert_eq!(
            difference.first.as_ref().map(|f| &f.fact),
            Some(&date(5, 9, Some(2017)))
        );
        assert_eq!(
            difference.second.as_ref().map(|f| &f.fact),
            Some(&date(4, 9, Some(2017)))
        );
        assert_eq!(
            describe(difference, &Toy, Lang::En.rules()).0,
            "the Toy and the English differ: “5-a de septembro 2017” in Toy, “4 September 2017” in English"
        );
    }
}
