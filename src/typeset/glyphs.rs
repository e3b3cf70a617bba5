//! Characters the embedded fonts have no glyph for, which print as blank
//! boxes: found in the laid-out pages, reported as a warning at the first of
//! them in the meeting file.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::error::{Diagnostic, Location};
use crate::source::Composed;

/// How many of the characters a warning names.
const NAMED: usize = 8;

/// The warning for the characters of `document` that print as blank boxes,
/// if there are any.
pub fn missing(document: &PagedDocument, input: &Composed) -> Option<Diagnostic> {
    let missing = missing_characters(document);
    if missing.is_empty() {
        return None;
    }
    let list: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
        .collect();
    let more = if missing.len() > NAMED { ", …" } else { "" };
    let mut warning = Diagnostic::warning(format!(
        "the embedded fonts have no glyph for {}{more}: they print as blank boxes",
        list.join(", ")
    ))
    .hint("the fonts cover Latin, Greek, Cyrillic and Hebrew letters; write other characters out, or give a transliteration")
    .code("missing-glyph");
    let meeting = &input.meeting;
    match missing.iter().filter_map(|c| meeting.text.find(*c)).min() {
        Some(offset) => {
            let len = meeting.text[offset..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            warning = warning.in_file(&meeting.name).at(Location {
                source: meeting.clone(),
                span: offset..offset + len,
            });
        }
        // Not from the meeting file: from the mission's record or a locale.
        None => warning = warning.hint("they come from the list of missions or the locales"),
    }
    Some(warning)
}

/// The characters that the fonts have no glyph for, each once, in the order
/// they are met.
fn missing_characters(document: &PagedDocument) -> Vec<char> {
    fn walk(frame: &Frame, out: &mut Vec<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        let chars = text.text.get(glyph.range()).unwrap_or_default().chars();
                        for c in chars.filter(|c| !c.is_whitespace() && !is_invisible(*c)) {
                            if !out.contains(&c) {
                                out.push(c);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

/// Characters that print nothing whether or not a font has them: joiners,
/// variation selectors, marks of direction.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}
