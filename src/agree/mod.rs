//! French and English agree: the facts that each language of a text states
//! (dates, times, numbers and ordinals in figures or in words, symbols,
//! e-mail and web addresses, telephone numbers, States) are found in both,
//! for every text the meeting file gives in both languages, and for the two
//! typeset notes as wholes. A fact that one language states and the other
//! does not, or states otherwise, is an error at both places; a writer who
//! means it acknowledges it beside either value:
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

pub use self::facts::{Fact, Found, facts};
use crate::error::{Diagnostic, Location, Related};
use crate::locale::Lang;
pub use crate::states::States;
use crate::yaml::YamlFile;

/// The name under which a difference is acknowledged.
pub const CODE: &str = "languages-differ";

/// A text of the meeting file in both languages, and where.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The field path, as `paragraphs[0]`.
    pub path: String,
    /// The French.
    pub fr: String,
    /// The English.
    pub en: String,
}

/// Every text of a meeting file given in both languages, `{ fr: …, en: … }`,
/// in the file's order.
pub fn pairs(top: &Yaml) -> Vec<Pair> {
    fn walk(value: &Yaml, path: String, out: &mut Vec<Pair>) {
        match value {
            Yaml::Mapping(map) => {
                let (fr, en) = (map.get("fr"), map.get("en"));
                if map.len() == 2
                    && let (Some(Yaml::String(fr)), Some(Yaml::String(en))) = (fr, en)
                {
                    out.push(Pair {
                        path,
                        fr: fr.clone(),
                        en: en.clone(),
                    });
                    return;
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
/// otherwise: the French and the English found, one of them or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What the French states, if anything.
    pub fr: Option<Found>,
    /// What the English states, if anything.
    pub en: Option<Found>,
}

/// What `fr` and `en`, the facts of the texts `fr_text` and `en_text`,
/// disagree on: each fact of one that the other does not state, paired
/// with a fact of the same sort that the other states instead. A weak fact
/// ("les deux", "le Premier Ministre") that the other language leaves out,
/// and a State named alike in both texts ("M. Maurice Dupont", "à Mexico"),
/// are no difference.
pub fn compare(fr: &[Found], en: &[Found], fr_text: &str, en_text: &str) -> Vec<Difference> {
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
    let only_fr = unmatched(fr, en, en_text);
    let mut only_en = unmatched(en, fr, fr_text);
    let mut differences = Vec::new();
    for french in only_fr {
        let english = only_en
            .iter()
            .position(|e| e.fact.what() == french.fact.what())
            .map(|at| only_en.remove(at));
        differences.push(Difference {
            fr: Some(french),
            en: english,
        });
    }
    differences.extend(only_en.into_iter().map(|english| Difference {
        fr: None,
        en: Some(english),
    }));
    // A weak fact is a difference only against another of its sort.
    differences.retain(|d| match (&d.fr, &d.en) {
        (Some(alone), None) | (None, Some(alone)) => !alone.weak,
        _ => true,
    });
    differences.sort_by_key(|d| {
        (
            d.fr.as_ref().map_or(usize::MAX, |f| f.span.start),
            d.en.as_ref().map_or(usize::MAX, |f| f.span.start),
        )
    });
    differences
}

/// Whether `written` stands, as a whole word, in `text`.
fn said_alike(written: &str, text: &str) -> bool {
    regex::Regex::new(&format!(r"\b{}\b", regex::escape(written)))
        .is_ok_and(|word| word.is_match(text))
}

/// What the two languages of a text disagree on.
pub fn differences(fr: &str, en: &str, states: &States) -> Vec<Difference> {
    let fr_facts = facts(fr, Lang::Fr, states);
    let en_facts = facts(en, Lang::En, states);
    compare(&fr_facts, &en_facts, fr, en)
}

/// The facts that the meeting file's own texts state, in either language:
/// compared as the file is read, and so left out of both notes when the
/// notes are compared as wholes.
#[derive(Debug, Clone, Default)]
pub struct Given(Vec<Fact>);

impl Given {
    /// Whether a text of the file states `fact`, in either language.
    pub fn states(&self, fact: &Fact) -> bool {
        self.0.iter().any(|g| g.agrees(fact))
    }
}

/// What is said of a difference: the message and the labels at the French
/// and at the English place.
pub fn describe(difference: &Difference) -> (String, String, String) {
    match (&difference.fr, &difference.en) {
        (Some(fr), Some(en)) => (
            format!(
                "the French and the English differ: {} in French, {} in English",
                fr, en
            ),
            format!("the French says {fr}"),
            format!("the English says {en}"),
        ),
        (Some(fr), None) => (
            format!(
                "the French gives the {} {fr}, which the English does not",
                fr.fact.what()
            ),
            format!("the French says {fr}"),
            "the English does not say it".to_owned(),
        ),
        (None, Some(en)) => (
            format!(
                "the English gives the {} {en}, which the French does not",
                en.fact.what()
            ),
            "the French does not say it".to_owned(),
            format!("the English says {en}"),
        ),
        (None, None) => Default::default(),
    }
}

/// The hint of every difference.
pub const HINT: &str = "make both languages state the same; if the difference is meant, acknowledge it beside either value: `# allow(languages-differ): why`";

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

/// Compares the languages of every text of a meeting file given in both.
pub fn check_pairs(file: &YamlFile, top: &Yaml, states: &States) -> Compared {
    let mut errors = Vec::new();
    let mut given = Given::default();
    let mut acknowledgments = Vec::new();
    for pair in pairs(top) {
        let fr = facts(&pair.fr, Lang::Fr, states);
        let en = facts(&pair.en, Lang::En, states);
        given.0.extend(fr.iter().chain(&en).map(|f| f.fact.clone()));
        // A text written alike in both languages (a name, a title left in
        // its own language) states the same facts in both.
        if pair.fr == pair.en {
            continue;
        }
        let differences = compare(&fr, &en, &pair.fr, &pair.en);
        if differences.is_empty() {
            continue;
        }
        let fr_path = format!("{}.fr", pair.path);
        let en_path = format!("{}.en", pair.path);
        let fr_value = file.locate(&fr_path);
        let en_value = file.locate(&en_path);
        let lines = acknowledgments_of(file, &[&fr_path, &en_path], &[&fr_value, &en_value]);
        if !lines.is_empty() {
            acknowledgments.extend(lines);
            continue;
        }
        for difference in differences {
            let (message, fr_label, en_label) = describe(&difference);
            let place = |value: &Option<Range<usize>>, found: &Option<Found>, text: &str| {
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
            if let Some(location) = place(&fr_value, &difference.fr, &pair.fr) {
                error = error.at(location).label(fr_label);
            }
            if let Some(location) = place(&en_value, &difference.en, &pair.en) {
                error = error.related(Related {
                    location,
                    message: en_label,
                });
            }
            errors.push(error);
        }
    }
    Compared {
        errors,
        given,
        acknowledged: acknowledgments,
    }
}

/// The lines (from 0) of the comments by which the file acknowledges
/// differences between the values at `paths`: an `allow(languages-differ)`
/// on the line of either key, or on a line of either value.
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
    /// The text of its pages, page numbers left out.
    pub text: String,
    /// Where a fact found in the text is written: a place in a template.
    pub locate: &'a dyn Fn(&str) -> Option<Location>,
    /// The template, when no place is found.
    pub template: String,
}

/// The differences between the two typeset notes, French and English, as
/// wholes: the facts that the templates and messages state. Those that the
/// meeting file's own texts state (`given`) were compared, or acknowledged,
/// as the file was read, and are left out.
pub fn check_notes(
    fr: &NoteText,
    en: &NoteText,
    given: &Given,
    states: &States,
) -> Vec<Diagnostic> {
    // A fact the file's texts state was compared (or its difference
    // acknowledged) as the file was read: it is left out of both notes.
    let own = |f: &Found| !given.states(&f.fact);
    let fr_facts: Vec<Found> = facts(&fr.text, Lang::Fr, states)
        .into_iter()
        .filter(own)
        .collect();
    let en_facts: Vec<Found> = facts(&en.text, Lang::En, states)
        .into_iter()
        .filter(own)
        .collect();
    compare(&fr_facts, &en_facts, &fr.text, &en.text)
        .into_iter()
        .map(|difference| {
            let (message, fr_label, en_label) = describe(&difference);
            let place = |note: &NoteText, found: &Option<Found>| {
                found.as_ref().and_then(|f| (note.locate)(&f.written))
            };
            let mut error = Diagnostic::error(format!("the notes: {message}")).hint(
                "the templates or the messages of the two languages say different things: make them agree",
            );
            // The place of the language that states the fact comes first.
            match (place(fr, &difference.fr), place(en, &difference.en)) {
                (Some(fr_at), en_at) => {
                    error = error.at(fr_at).label(fr_label);
                    if let Some(location) = en_at {
                        error = error.related(Related {
                            location,
                            message: en_label,
                        });
                    } else if difference.en.is_none() {
                        error = error.hint(format!("`{}` does not say it", en.template));
                    }
                }
                (None, Some(en_at)) => {
                    error = error.at(en_at).label(en_label);
                    if difference.fr.is_none() {
                        error = error.hint(format!("`{}` does not say it", fr.template));
                    }
                }
                (None, None) => error = error.in_file(&fr.template),
            }
            error
        })
        .collect()
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
}
