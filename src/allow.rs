//! Warnings a writer acknowledges beside the value they are about, in a
//! comment on the value's line:
//!
//! ```yaml
//! deadline: 2017-04-30  # allow(weekend-deadline): article 7 fixes 30 April
//! ```
//!
//! An acknowledged warning is no longer reported. A comment that names no
//! warning is a warning itself, and so is one that acknowledges none of the
//! warnings found as the file is read, nor any difference between the
//! languages of a text, so that an acknowledgment does not outlive the
//! reason for it. What is found as each note is typeset (characters the
//! fonts lack, values a template does not print) is reviewed so by `check`,
//! which typesets every note ([`review_typeset`]).

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::error::{Diagnostic, Location, SourceText};
use crate::misspelling::{self, Near};

/// When a warning is found: as the meeting file is read, or as a note is
/// typeset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Reading and checking the meeting file.
    Load,
    /// Typesetting a note.
    Typeset,
    /// Comparing the languages of the file's texts, which looks for its
    /// acknowledgments itself ([`acknowledgments`]).
    Agreement,
}

/// The warnings a writer may acknowledge, and when each is found.
const WARNINGS: &[(&str, Stage)] = &[
    ("weekend-deadline", Stage::Load),
    ("missing-glyph", Stage::Typeset),
    ("quotation-marks", Stage::Load),
    ("resolution-tense", Stage::Load),
    ("unprinted", Stage::Typeset),
    ("languages-differ", Stage::Agreement),
];

/// The names of the warnings a writer may acknowledge.
pub fn names() -> impl Iterator<Item = &'static str> {
    WARNINGS.iter().map(|(name, _)| *name)
}

/// One `allow(…)` of a comment.
#[derive(Debug, PartialEq, Eq)]
struct Allowance {
    /// The warning named.
    name: String,
    /// The line of the comment, from 0.
    line: usize,
    /// The `allow(…)` itself, in bytes.
    span: Range<usize>,
}

/// `warnings` without those that `source` acknowledges.
pub fn acknowledge(warnings: Vec<Diagnostic>, source: &SourceText) -> Vec<Diagnostic> {
    partition(warnings, source).0
}

/// `warnings` parted into those that `source` does not acknowledge and those
/// it does.
pub fn partition(
    warnings: Vec<Diagnostic>,
    source: &SourceText,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    // Most notes warn of nothing, and most files acknowledge nothing: the
    // file is not parsed again for them (a batch would parse it per note).
    if warnings.is_empty() || !source.text.contains("allow(") {
        return (warnings, Vec::new());
    }
    let allowances = allowances(&source.text);
    warnings
        .into_iter()
        .partition(|warning| !allowances.iter().any(|a| acknowledges(a, warning, source)))
}

/// The comments of `source` that acknowledge a warning found as a note is
/// typeset and that acknowledge none of `found`, the warnings that every
/// note of the meeting had acknowledged: warnings themselves.
pub fn review_typeset(found: &[Diagnostic], source: &SourceText) -> Vec<Diagnostic> {
    if !source.text.contains("allow(") {
        return Vec::new();
    }
    allowances(&source.text)
        .into_iter()
        .filter(|allowance| {
            stage_of(&allowance.name) == Some(Stage::Typeset)
                && !found.iter().any(|w| acknowledges(allowance, w, source))
        })
        .map(|allowance| {
            let stale = stale(
                &allowance,
                "no note has such a warning on this line",
                VALUE_HINT,
            );
            at_allowance(stale, &allowance, source)
        })
        .collect()
}

/// The lines (from 0) of the comments by which `source` acknowledges the
/// warning or error `name` on one of `lines`.
pub fn acknowledgments(source: &SourceText, name: &str, lines: &[usize]) -> Vec<usize> {
    if !source.text.contains("allow(") {
        return Vec::new();
    }
    allowances(&source.text)
        .iter()
        .filter(|a| a.name == name && lines.contains(&a.line))
        .map(|a| a.line)
        .collect()
}

/// The comments of `source` that name no warning, or that acknowledge none of
/// `found`, every warning that reading the file raised, nor a difference
/// between the languages of a text (`agreed`, the lines of the comments
/// that acknowledged one; `texts`, the lines of the texts given in every
/// language): warnings themselves. A difference acknowledged beside a value
/// written once is one of the notes, found as they are typeset: `check`
/// reviews those ([`review_notes`]).
pub fn review(
    found: &[Diagnostic],
    agreed: &[usize],
    texts: &[usize],
    source: &SourceText,
) -> Vec<Diagnostic> {
    if !source.text.contains("allow(") {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for allowance in allowances(&source.text) {
        let problem = match stage_of(&allowance.name) {
            None => unknown(&allowance),
            Some(Stage::Load) if !found.iter().any(|w| acknowledges(&allowance, w, source)) => {
                stale(
                    &allowance,
                    "there is no such warning on this line",
                    VALUE_HINT,
                )
            }
            Some(Stage::Agreement)
                if texts.contains(&allowance.line) && !agreed.contains(&allowance.line) =>
            {
                stale(
                    &allowance,
                    "the French and the English of the text on this line agree",
                    "remove the comment, or move it beside a text whose languages differ on purpose",
                )
            }
            Some(_) => continue,
        };
        problems.push(at_allowance(problem, &allowance, source));
    }
    problems
}

/// The comments of `source` that acknowledge a difference between the
/// languages beside a value written once (on none of `texts`, the lines of
/// the texts given in every language) and that acknowledge none of the
/// differences of the notes (`used`, the lines of the comments that did):
/// warnings themselves.
pub fn review_notes(used: &[usize], texts: &[usize], source: &SourceText) -> Vec<Diagnostic> {
    if !source.text.contains("allow(") {
        return Vec::new();
    }
    allowances(&source.text)
        .into_iter()
        .filter(|a| {
            stage_of(&a.name) == Some(Stage::Agreement)
                && !texts.contains(&a.line)
                && !used.contains(&a.line)
        })
        .map(|allowance| {
            let stale = stale(
                &allowance,
                "the notes say the same of the value on this line in every language",
                VALUE_HINT,
            );
            at_allowance(stale, &allowance, source)
        })
        .collect()
}

/// When the warning `name` is found, if it is one a writer may acknowledge.
fn stage_of(name: &str) -> Option<Stage> {
    WARNINGS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, stage)| stage)
}

/// A diagnostic about an `allow(…)`, placed at it.
fn at_allowance(diagnostic: Diagnostic, allowance: &Allowance, source: &SourceText) -> Diagnostic {
    diagnostic.in_file(&source.name).at(Location {
        source: source.clone(),
        span: allowance.span.clone(),
    })
}

/// What to do about an acknowledgment of a warning that is not there.
const VALUE_HINT: &str = "remove the comment, or move it beside the value the warning is about";

/// The warning for an `allow(…)` that acknowledges nothing, and `why`.
fn stale(allowance: &Allowance, why: &str, hint: &str) -> Diagnostic {
    Diagnostic::warning(format!(
        "`allow({})` acknowledges nothing: {why}",
        allowance.name
    ))
    .hint(hint)
}

/// The warning for an `allow(…)` that names no warning.
fn unknown(allowance: &Allowance) -> Diagnostic {
    let names: Vec<&str> = names().collect();
    let near = misspelling::nearest(&allowance.name, &names, Near::Word)
        .and_then(|name| misspelling::did_you_mean(&[format!("allow({name})")]));
    let warning = Diagnostic::warning(format!(
        "`allow({})` names no warning that can be acknowledged",
        allowance.name
    ));
    match near {
        Some(hint) => warning.hint(hint),
        None => warning.hint(format!(
            "the warnings that can be acknowledged are {}",
            crate::yaml::code_list(&names)
        )),
    }
}

/// Whether `allowance` acknowledges `warning`: it names it, on its line,
/// or on the key of a block scalar (`en: >-`) whose text the warning is at.
fn acknowledges(allowance: &Allowance, warning: &Diagnostic, source: &SourceText) -> bool {
    let Some(location) = &warning.location else {
        return false;
    };
    let at = line(&source.text, location.span.start);
    let opens_block = || {
        let key = source.text.lines().nth(allowance.line).unwrap_or_default();
        let before = key[..key.find(" #").unwrap_or(key.len())].trim_end();
        let indicator = before.rsplit(' ').next().unwrap_or_default();
        before.contains(": ") && matches!(indicator, ">" | ">-" | ">+" | "|" | "|-" | "|+")
    };
    warning.code == Some(allowance.name.as_str())
        && location.source.name == source.name
        && (at == allowance.line || (at == allowance.line + 1 && opens_block()))
}

/// The line (from 0) of a byte offset.
fn line(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

/// Every `allow(name)` that opens a comment after a value: `# allow(a),
/// allow(b): why`. A comment starts at a `#` after white space, outside any
/// value; one alone on its line acknowledges nothing, and neither does an
/// `allow(…)` further on in the comment's text.
fn allowances(text: &str) -> Vec<Allowance> {
    let values = scalar_spans(text);
    // The values come in the text's order: the one that may hold `offset` is
    // the first that ends after it.
    let inside = |offset: usize| {
        let at = values.partition_point(|v| v.end <= offset);
        values.get(at).is_some_and(|v| v.contains(&offset))
    };
    let mut found = Vec::new();
    let mut line_start = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let comment = line.char_indices().find(|&(i, c)| {
            c == '#'
                && line[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
                && !inside(line_start + i)
        });
        if let Some((start, _)) = comment.filter(|(start, _)| !line[..*start].trim().is_empty()) {
            let mut rest = start + 1;
            loop {
                rest +=
                    line[rest..].len() - line[rest..].trim_start_matches([' ', '\t', ',']).len();
                let Some(name_start) = line[rest..].starts_with("allow(").then_some(rest + 6)
                else {
                    break;
                };
                let Some(len) = line[name_start..].find(')') else {
                    break;
                };
                let end = name_start + len + 1;
                found.push(Allowance {
                    name: line[name_start..name_start + len].trim().to_owned(),
                    line: number,
                    span: line_start + rest..line_start + end,
                });
                rest = end;
            }
        }
        line_start += line.len();
    }
    found
}

/// The byte ranges of the file's scalar values, inside which a `#` is text.
fn scalar_spans(text: &str) -> Vec<Range<usize>> {
    let mut offsets = crate::yaml::CharOffsets::new(text);
    let mut spans = Vec::new();
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        if let Event::Scalar(_, style, ..) = event {
            let start = offsets.byte(span.start.index());
            let mut end = offsets.byte(span.end.index());
            // The parser ends a quoted scalar where the next token starts,
            // past a comment on its line: it ends at its closing quote.
            if matches!(style, ScalarStyle::DoubleQuoted | ScalarStyle::SingleQuoted) {
                end = closing_quote(text, start).map_or(end, |close| end.min(close + 1));
            }
            spans.push(start..end);
        }
    }
    spans
}

/// The offset of the quote that closes the quoted scalar opening at `start`:
/// `\"` is a quote inside a double-quoted one, `''` inside a single-quoted.
fn closing_quote(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = *bytes.get(start)?;
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if quote == b'"' => at += 2,
            b'\'' if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') => at += 2,
            byte if byte == quote => return Some(at),
            _ => at += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, usize)> {
        allowances(text)
            .into_iter()
            .map(|a| (a.name, a.line))
            .collect()
    }

    #[test]
    fn allowances_are_read_from_comments_only() {
        let text = "a: 2017-04-30  # allow(weekend-deadline): fixed by the treaty\n\
                    b: \"x # allow(not-a-comment)\"\n\
                    c: >-\n  text # allow(in-a-value)\n\
                    # allow(alone-on-its-line)\n\
                    d: 1  # allow(one), allow( two ): why, not allow(three)\n\
                    e: l'Assemblée # allow(four)\n";
        assert_eq!(
            names(text),
            [
                ("weekend-deadline".to_owned(), 0),
                ("one".to_owned(), 5),
                ("two".to_owned(), 5),
                ("four".to_owned(), 6),
            ]
        );
    }

    #[test]
    fn allowances_after_quoted_values_are_read() {
        let text = "a: \"2017-04-30\"  # allow(one)\nb: '10:00'  # allow(two)\nc:\n  d: \"x\"  # allow(three)\n\
                    e: \"say \\\"# allow(no)\\\"\"  # allow(four)\nf: 'l''# allow(no)'  # allow(five)\n";
        assert_eq!(
            names(text),
            [
                ("one".to_owned(), 0),
                ("two".to_owned(), 1),
                ("three".to_owned(), 3),
                ("four".to_owned(), 4),
                ("five".to_owned(), 5),
            ]
        );
    }

    #[test]
    fn a_warning_is_acknowledged_on_its_own_line_only() {
        let text = "a: 2017-04-30  # allow(weekend-deadline)\nb: 2017-04-29\n";
        let source = SourceText::new("m.yaml", text);
        let warning = |value: &str| {
            let start = text.find(value).unwrap();
            Diagnostic::warning("on a weekend")
                .code("weekend-deadline")
                .at(Location {
                    source: source.clone(),
                    span: start..start + value.len(),
                })
        };
        let found = vec![warning("2017-04-30"), warning("2017-04-29")];
        assert!(review(&found, &[], &[], &source).is_empty());
        let kept = acknowledge(found, &source);
        assert_eq!(kept.len(), 1);
        assert!(kept[0].location.as_ref().unwrap().span.start > text.find('\n').unwrap());
    }

    #[test]
    fn allowances_that_name_or_acknowledge_nothing_are_warnings() {
        let text = "a: 1  # allow(weekend-deadlin)\nb: 2  # allow(weekend-deadline)\n\
                    c: x  # allow(languages-differ)\nd: y  # allow(languages-differ)\n";
        let source = SourceText::new("m.yaml", text);
        let kept = review(&[], &[3], &[2, 3], &source);
        let messages: Vec<&str> = kept.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`allow(weekend-deadlin)` names no warning that can be acknowledged",
                "`allow(weekend-deadline)` acknowledges nothing: there is no such warning on this line",
                "`allow(languages-differ)` acknowledges nothing: the French and the English of the text on this line agree",
            ]
        );
        assert_eq!(
            kept[2].location.as_ref().unwrap().span.start,
            text.find("allow(languages").unwrap()
        );
        assert_eq!(kept[0].hints, ["did you mean `allow(weekend-deadline)`?"]);
    }
}
