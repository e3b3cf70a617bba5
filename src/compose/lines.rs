//! Where each part of a note's Typst source came from, recorded while the
//! template is rendered.
//!
//! Before a template is handed to Tera, a mark is written into it at the start
//! of each run of literal text on each line, and before each `{{ … }}` tag.
//! A mark is a few Unicode noncharacters that stand for a place in the
//! template; Tera copies the marks of the literal text and of the tags it
//! renders into its output, and taking them out again leaves exactly the
//! output the unmarked template gives, with the place in the output of every
//! mark. The marks never touch the white space that `{%-`, `-%}` and their
//! kin remove, and none is written where Tera would take it for part of a
//! value: in the bodies of `{% set %}`, `{% filter %}` and `{% component %}`,
//! which become values, nor in `{% raw %}` blocks. Templates may not hold
//! the marks' characters themselves ([`is_mark_character`]).

use crate::source::{Origin, Span};

/// Opens a mark.
const OPEN: char = '\u{FDD0}';
/// Closes a mark.
const CLOSE: char = '\u{FDD1}';
/// The sixteen hexadecimal digits of a mark's number: U+FDE0 to U+FDEF.
const DIGIT_0: u32 = 0xFDE0;

/// Whether a character belongs to a mark. These are the noncharacters that
/// Unicode keeps for a program's own use; they never come from a file, as the
/// escaping of values drops them.
pub fn is_mark_character(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// A template with its marks, and what is needed to find a place of the
/// original template from a place of the marked one (Tera's own errors point
/// into the marked text).
#[derive(Debug, Clone)]
pub struct Marked {
    /// The template as Tera gets it.
    pub text: String,
    /// Each piece of text added: where it starts in the marked text, and how
    /// long it is, in order.
    added: Vec<(usize, usize)>,
}

impl Marked {
    /// The offset in the original template of an offset in the marked one; a
    /// place inside an added piece is the place it was added at.
    pub fn original(&self, marked: usize) -> usize {
        let mut shift = 0;
        for &(at, len) in &self.added {
            if marked < at {
                break;
            }
            if marked < at + len {
                return at - shift;
            }
            shift += len;
        }
        marked - shift
    }
}

/// Writes the marks into `template`, the template numbered `template_index`;
/// each mark's place is pushed onto `origins`, and the mark carries its
/// index there.
pub fn mark(template: &str, template_index: u32, origins: &mut Vec<Origin>) -> Marked {
    let mut marked = Marking {
        out: String::with_capacity(template.len() + template.len() / 4),
        added: Vec::new(),
        template_index,
        origins,
    };
    let mut pos = 0;
    // How deep in bodies whose output becomes a value: nothing is marked there.
    let mut captured: usize = 0;
    while pos < template.len() {
        let start = next_tag(template, pos).unwrap_or(template.len());
        if captured == 0 {
            marked.literal(template, pos, start);
        } else {
            marked.out.push_str(&template[pos..start]);
        }
        if start == template.len() {
            break;
        }
        let end = match &template[start..start + 2] {
            "{#" => comment_end(template, start),
            "{%" => raw_block_end(template, start).or_else(|| tag_end(template, start, "%}")),
            _ => tag_end(template, start, "}}"),
        };
        // An unclosed tag: Tera refuses the template, and says where.
        let end = end.unwrap_or(template.len());
        let tag = &template[start..end];
        if tag.starts_with("{{") && captured == 0 {
            marked.value(template, start, end);
        } else {
            marked.out.push_str(tag);
        }
        if tag.starts_with("{%") {
            match capture(tag) {
                Capture::Opens => captured += 1,
                Capture::Closes => captured = captured.saturating_sub(1),
                Capture::Neither => {}
            }
        }
        pos = end;
    }
    Marked {
        text: marked.out,
        added: marked.added,
    }
}

/// The marked template being written.
struct Marking<'a> {
    out: String,
    added: Vec<(usize, usize)>,
    template_index: u32,
    origins: &'a mut Vec<Origin>,
}

impl Marking<'_> {
    /// Adds a mark for `origin` to the output.
    fn add_mark(&mut self, origin: Origin) {
        let at = self.out.len();
        push_mark(&mut self.out, self.origins.len());
        self.origins.push(origin);
        self.added.push((at, self.out.len() - at));
    }

    /// Copies the literal text `template[from..to]`, with a mark before the
    /// first character that is not white space on each of its lines.
    fn literal(&mut self, template: &str, from: usize, to: usize) {
        let mut line_start = from;
        while line_start < to {
            let line_end = template[line_start..to]
                .find('\n')
                .map_or(to, |i| line_start + i);
            let line = &template[line_start..line_end];
            match line.find(|c: char| !c.is_whitespace()) {
                Some(first) => {
                    let first = line_start + first;
                    self.out.push_str(&template[line_start..first]);
                    self.add_mark(Origin::Literal(Span {
                        template: self.template_index,
                        start: first,
                        end: line_end,
                    }));
                    self.out.push_str(&template[first..line_end]);
                }
                None => self.out.push_str(line),
            }
            if line_end < to {
                self.out.push('\n');
            }
            line_start = line_end + 1;
        }
    }

    /// Copies the tag `template[start..end]`, `{{ … }}`, with a mark before
    /// it. A tag that opens with `{{-` trims the white space before it: the
    /// mark is then a tag of its own that takes over the `-`, so that the
    /// white space goes as before and the mark stands where the value does.
    fn value(&mut self, template: &str, start: usize, end: usize) {
        let origin = Origin::Value(Span {
            template: self.template_index,
            start,
            end,
        });
        if template[start..].starts_with("{{-") {
            self.out.push_str("{{-");
            let at = self.out.len();
            self.out.push_str(" \"");
            push_mark(&mut self.out, self.origins.len());
            self.origins.push(origin);
            // `{{ ` with its space: the tag's own text may start with `-`.
            self.out.push_str("\" | safe }}{{ ");
            self.added.push((at, self.out.len() - at));
            self.out.push_str(&template[start + 3..end]);
        } else {
            self.add_mark(origin);
            self.out.push_str(&template[start..end]);
        }
    }
}

/// The words a template's tags use: the names of the values it reads,
/// among others. Literal text, comments and `{% raw %}` blocks are left out.
pub fn tag_words(template: &str) -> std::collections::HashSet<String> {
    tag_insides(template)
        .flat_map(|inside| {
            template[inside]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
        })
        .collect()
}

/// The templates that a template's `{% include "…" %}` tags name, in
/// order; comments and raw blocks are passed over.
pub fn includes(template: &str) -> Vec<String> {
    tag_insides(template)
        .filter_map(|inside| {
            let tag = template[inside].trim().trim_matches('-').trim();
            let name = tag.strip_prefix("include")?.trim();
            let name = name.strip_prefix('"')?.split_once('"')?.0;
            Some(name.to_owned())
        })
        .collect()
}

/// The byte ranges of what stands inside each tag of a template, `{{ … }}`
/// or `{% … %}`, in order; comments and `{% raw %}` blocks are passed over.
fn tag_insides(template: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            let start = next_tag(template, pos)?;
            let skipped = match &template[start..start + 2] {
                "{#" => comment_end(template, start),
                // Nothing inside a raw block is read.
                "{%" => raw_block_end(template, start),
                _ => None,
            };
            if let Some(end) = skipped {
                pos = end;
                continue;
            }
            let close = if template[start..].starts_with("{{") {
                "}}"
            } else {
                "%}"
            };
            let end = tag_end(template, start, close).unwrap_or(template.len());
            pos = end;
            return Some(start + 2..end.saturating_sub(2).max(start + 2));
        }
    })
}

/// Where a template's tags apply the `safe` filter, in any form: `| safe`,
/// in a chain, `{% filter safe %}`, `{% set x | safe %}`. Each place is the
/// byte range of the word `safe`. Strings, comments and `{% raw %}` blocks
/// are left out.
pub fn safe_filters(template: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    for inside in tag_insides(template) {
        let start = inside.start - 2;
        let inner = &template[inside];
        // The tokens before each word: `|`, or `filter` opening the tag.
        let mut previous: Option<&str> = None;
        let mut first_word = true;
        let mut chars = inner.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c == '"' || c == '\'' || c == '`' {
                for (_, d) in chars.by_ref() {
                    if d == c {
                        break;
                    }
                }
                previous = Some("string");
                first_word = false;
            } else if c.is_alphanumeric() || c == '_' {
                let mut word_end = at + c.len_utf8();
                while let Some(&(next, d)) = chars.peek() {
                    if !(d.is_alphanumeric() || d == '_') {
                        break;
                    }
                    word_end = next + d.len_utf8();
                    chars.next();
                }
                let word = &inner[at..word_end];
                if word == "safe" && matches!(previous, Some("|") | Some("filter")) {
                    found.push(start + 2 + at..start + 2 + word_end);
                }
                previous = Some(if first_word && word == "filter" {
                    "filter"
                } else {
                    "word"
                });
                first_word = false;
            } else if c == '|' {
                previous = Some("|");
            } else if !c.is_whitespace() && c != '-' || c == '-' && !first_word {
                previous = Some("other");
            }
        }
    }
    found
}

/// Appends the mark of the origin numbered `index`.
fn push_mark(out: &mut String, index: usize) {
    out.push(OPEN);
    let digits = format!("{index:x}");
    for digit in digits.chars() {
        let value = digit.to_digit(16).unwrap_or(0);
        out.extend(char::from_u32(DIGIT_0 + value));
    }
    out.push(CLOSE);
}

/// Takes the marks out of a rendered template: the text as the unmarked
/// template renders it, and each mark's place in that text with the number
/// of its origin, in order. Stray mark characters are dropped.
pub fn strip(rendered: &str) -> (String, Vec<(usize, u32)>) {
    let mut text = String::with_capacity(rendered.len());
    let mut points = Vec::new();
    let mut chars = rendered.chars().peekable();
    while let Some(c) = chars.next() {
        if c != OPEN {
            if !is_mark_character(c) {
                text.push(c);
            }
            continue;
        }
        let mut index: u32 = 0;
        while let Some(digit) = chars
            .peek()
            .and_then(|c| u32::from(*c).checked_sub(DIGIT_0))
            .filter(|d| *d < 16)
        {
            index = index.saturating_mul(16).saturating_add(digit);
            chars.next();
        }
        if chars.next_if_eq(&CLOSE).is_some() {
            points.push((text.len(), index));
        }
    }
    (text, points)
}

/// What a block tag does to the capture of output as a value.
enum Capture {
    /// It opens a body whose output becomes a value.
    Opens,
    /// It closes one.
    Closes,
    /// Neither.
    Neither,
}

/// Whether a `{% … %}` tag opens or closes a body whose output Tera keeps as
/// a value: `{% set x %}`, `{% set_global x | upper %}`, `{% filter f %}`,
/// `{% component c() %}`, and their ends. `{% set x = … %}` has no body.
fn capture(tag: &str) -> Capture {
    let inside = tag
        .trim_start_matches("{%")
        .trim_end_matches("%}")
        .trim_matches('-')
        .trim();
    let mut words = inside.splitn(2, char::is_whitespace);
    match words.next().unwrap_or_default() {
        "set" | "set_global" => {
            // The name, then `=` for a value, or the body's filters or end.
            let rest = words.next().unwrap_or_default().trim_start();
            let name_end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if rest[name_end..].trim_start().starts_with('=') {
                Capture::Neither
            } else {
                Capture::Opens
            }
        }
        "filter" | "component" => Capture::Opens,
        "endset" | "endfilter" | "endcomponent" => Capture::Closes,
        _ => Capture::Neither,
    }
}

/// Where the next tag, comment or block opens, from `from` on.
fn next_tag(template: &str, from: usize) -> Option<usize> {
    template.as_bytes()[from..]
        .windows(2)
        .position(|w| w == b"{{" || w == b"{%" || w == b"{#")
        .map(|i| from + i)
}

/// The end of the comment opening at `start`, after its `#}`.
fn comment_end(template: &str, start: usize) -> Option<usize> {
    let body = start + 2 + usize::from(template[start + 2..].starts_with('-'));
    template[body..].find("#}").map(|i| body + i + 2)
}

/// The end of the tag opening at `start` and closed by `close`, strings in
/// it skipped.
fn tag_end(template: &str, start: usize, close: &str) -> Option<usize> {
    let bytes = template.as_bytes();
    let mut i = start + 2;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            _ if bytes[i..].starts_with(close.as_bytes()) => return Some(i + 2),
            _ => i += 1,
        }
    }
    None
}

/// The end of a `{% raw %} … {% endraw %}` block opening at `start`, whose
/// text Tera copies as is: nothing in it is marked.
fn raw_block_end(template: &str, start: usize) -> Option<usize> {
    let after = start + 2 + usize::from(template[start + 2..].starts_with('-'));
    let body = after + block_named(&template[after..], "raw")?;
    let mut from = body;
    while let Some(found) = template[from..].find("{%") {
        let tag = from + found + 2;
        if let Some(len) = block_named(&template[tag..], "endraw") {
            return Some(tag + len);
        }
        from = tag;
    }
    None
}

/// The length of ` name -%}` (spaces and dashes optional) at the start of
/// `text`, as Tera reads the inside of a block tag.
fn block_named(text: &str, name: &str) -> Option<usize> {
    let rest = text.strip_prefix('-').unwrap_or(text);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.strip_prefix(name)?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let rest = rest.strip_prefix("%}")?;
    Some(text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_are_read_from_tags_alone() {
        let template = "{# {% include \"_no.typ\" %} #}{% include \"_frame.typ\" %}\nx {%- include \"_paragraphs.typ\" -%}";
        assert_eq!(includes(template), ["_frame.typ", "_paragraphs.typ"]);
    }

    /// Renders `template` with Tera, unmarked and marked: both outputs, the
    /// second with its marks taken out, and where its marks were.
    fn both(template: &str) -> (String, String, Vec<(usize, Origin)>) {
        let context = tera::Context::from_serialize(&serde_json::json!({
            "x": "ex",
            "n": 5,
            "items": ["a", "b"],
            "flag": true,
        }))
        .unwrap();
        let render = |text: &str| {
            let mut tera = tera::Tera::new();
            tera.add_raw_template("t", text).unwrap();
            tera.render("t", &context).unwrap()
        };
        let mut origins = Vec::new();
        let marked = mark(template, 0, &mut origins);
        let (text, points) = strip(&render(&marked.text));
        let points = points
            .into_iter()
            .map(|(at, i)| (at, origins[i as usize]))
            .collect();
        (render(template), text, points)
    }

    #[test]
    fn marks_leave_the_output_as_it_was_whatever_white_space_control() {
        for template in [
            "plain text\n  indented {{ x }} after\n",
            "{% for i in items -%}\n  [{{ i }}],\n{%- endfor %}\n",
            "a\n{%- if flag %} b {% endif -%}\n  c",
            "{{- x -}}\n\n  {{- x }}  {{ x -}}  \n{#- note -#}\n  d",
            "x  {{- x }}\n \n{%- for i in items %}{{- i -}}{% endfor -%}\n\n",
            "{% raw %}{{ not }} a tag{% endraw %} {{ x }}",
            "{%- raw -%}  {{ x }}  {%- endraw -%}  y",
            "{{ \"}}\" ~ x }} and {{ 'a' }} {{ \"é…\" }} {# é #} ü",
            "{# {{ x }} #}{##}z",
            "a {{--n }} b {{- -n -}} c",
            "{% set p %}le Canada {{ x }}{% endset %}[{{ p | upper }}] {{ p | length }}",
            "{% set q | upper %}\n  q {{ x }}\n{% endset %}{{ q }}",
            "{%- filter upper -%}\n  inside {{ x }}\n{%- endfilter %} after",
            "{% set r = \"x\" %}{{ r }} and {% set s=1 %}{{ s }}",
            "{% set t | truncate(length=3) %}\n  long {{ x }}{% endset %}{{ t }}",
            "\n\n   \n",
            "",
        ] {
            let (plain, stripped, _) = both(template);
            assert_eq!(plain, stripped, "{template:?}");
        }
    }

    #[test]
    fn each_place_of_the_output_knows_its_template_line() {
        let template = "#note(\n  [{{ x }}],\n{{ x }}\n)\n";
        let (_, text, points) = both(template);
        assert_eq!(text, "#note(\n  [ex],\nex\n)\n");
        let origin_of = |offset: usize| {
            points
                .iter()
                .rev()
                .find(|(at, _)| *at <= offset)
                .map(|(_, o)| *o)
        };
        // `ex` on its own line came from the tag on the template's third line.
        let Some(Origin::Value(span)) = origin_of(text.find("\nex").unwrap() + 1) else {
            panic!("no origin");
        };
        assert_eq!(&template[span.start..span.end], "{{ x }}");
        // `[` came from the literal text of the second line, up to its tag.
        let Some(Origin::Literal(span)) = origin_of(text.find('[').unwrap()) else {
            panic!("no origin");
        };
        assert_eq!(&template[span.start..span.end], "[");
        // `],` from the literal text after it.
        let Some(Origin::Literal(span)) = origin_of(text.find("],").unwrap()) else {
            panic!("no origin");
        };
        assert_eq!(&template[span.start..span.end], "],");
    }

    #[test]
    fn places_in_the_marked_template_lead_back_to_the_original() {
        let template = "ab {{- x }} cd {{ y }}";
        let mut origins = Vec::new();
        let marked = mark(template, 0, &mut origins);
        for needle in ["ab", "x }}", "cd", "y }}"] {
            let at = marked.text.find(needle).unwrap();
            assert_eq!(
                marked.original(at),
                template.find(needle).unwrap(),
                "{needle}"
            );
        }
    }

    #[test]
    fn every_form_of_safe_is_found() {
        for template in [
            "{{ x | safe }}",
            "{{ x | upper | safe }}",
            "{{ x|safe|upper }}",
            "{% filter safe %}{{ x }}{% endfilter %}",
            "{%- filter safe -%}{{ x }}{% endfilter %}",
            "{% set y = x | safe %}",
            "{% set y | safe %}{{ x }}{% endset %}",
            "{% if x | safe %}a{% endif %}",
        ] {
            let found = safe_filters(template);
            assert_eq!(found.len(), 1, "{template:?}");
            assert_eq!(&template[found[0].clone()], "safe", "{template:?}");
        }
        for template in [
            "safe | {{ x }}",
            "{{ \"| safe\" }}",
            "{# {{ x | safe }} #}",
            "{% raw %}{{ x | safe }}{% endraw %}",
            "{{ safe }}",
            "{{ x | unsafe }}",
            "{% set safe = 1 %}",
        ] {
            assert!(safe_filters(template).is_empty(), "{template:?}");
        }
    }

    #[test]
    fn stray_mark_characters_are_dropped() {
        let (text, points) = strip("a\u{FDD0}\u{FDE1}b\u{FDEF}c\u{FDD1}");
        assert_eq!(text, "abc");
        assert!(points.is_empty());
    }
}
