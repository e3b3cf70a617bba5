//! From a note's context to Typst source, through Tera templates that escape
//! every value for Typst markup.

use std::io::Write;
use std::sync::Arc;

use tera::{Context, Kwargs, State, Tera};

use crate::assets::Assets;
use crate::context::NoteContext;
use crate::error::{Diagnostic, Error, Location, Result, SourceText};
use crate::locale::{self, Args, Lang, Messages};

/// Renders note templates, one Tera engine a language.
pub struct Composer {
    engines: Vec<(Lang, Tera)>,
    templates: Assets,
}

impl std::fmt::Debug for Composer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Composer").finish_non_exhaustive()
    }
}

/// The name of the template of a note kind in a language: `invitation.fr.typ`.
pub fn template_name(kind: &str, lang: Lang) -> String {
    format!("{kind}.{lang}.typ")
}

/// Whether a file of the template set is a Tera template (`<kind>.<lang>.typ`)
/// rather than Typst source served as is (the page design, images).
fn is_note_template(name: &str) -> Option<Lang> {
    let stem = name.strip_suffix(".typ")?;
    let (_, lang) = stem.rsplit_once('.')?;
    lang.parse().ok()
}

impl Composer {
    /// Parses every note template of the set.
    pub fn new(templates: &Assets, messages: Arc<Messages>) -> Result<Self> {
        let mut engines = Vec::new();
        for lang in Lang::ALL {
            let mut tera = Tera::new();
            tera.set_escape_fn(match lang {
                Lang::Fr => escape_french,
                Lang::En => escape_english,
            });
            tera.autoescape_on([".typ"]);
            register(&mut tera, lang, messages.clone());
            let sources: Vec<(&str, &str)> = templates
                .iter()
                .filter(|(name, _)| is_note_template(name) == Some(lang))
                .map(|(name, asset)| Ok((name, asset.text(templates.set, name)?)))
                .collect::<Result<_>>()?;
            tera.add_raw_templates(sources)
                .map_err(|e| tera_error(templates, e))?;
            engines.push((lang, tera));
        }
        Ok(Self {
            engines,
            templates: templates.clone(),
        })
    }

    /// Whether a template exists for this kind and language.
    pub fn has_template(&self, kind: &str, lang: Lang) -> bool {
        self.templates.get(&template_name(kind, lang)).is_some()
    }

    /// The kinds of note for which a template exists, with their languages.
    pub fn kinds(&self) -> Vec<(String, Vec<Lang>)> {
        let mut kinds: Vec<(String, Vec<Lang>)> = Vec::new();
        for (name, _) in self.templates.iter() {
            let Some(lang) = is_note_template(name) else {
                continue;
            };
            let kind = name
                .trim_end_matches(".typ")
                .trim_end_matches(lang.code())
                .trim_end_matches('.');
            match kinds.iter_mut().find(|(k, _)| k == kind) {
                Some((_, langs)) => langs.push(lang),
                None => kinds.push((kind.to_owned(), vec![lang])),
            }
        }
        kinds
    }

    /// Renders the note of kind `kind` in the context's language to Typst source.
    pub fn compose(&self, kind: &str, lang: Lang, note: &NoteContext) -> Result<String> {
        let name = template_name(kind, lang);
        if !self.has_template(kind, lang) {
            let known: Vec<String> = self.kinds().into_iter().map(|(k, _)| k).collect();
            return Err(Error::invalid(
                Diagnostic::error(format!("there is no template `{name}`"))
                    .field("kind")
                    .hint(format!("known kinds: {}", known.join(", "))),
            ));
        }
        let tera = &self
            .engines
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("an engine for every language")
            .1;
        let context = Context::from_serialize(note).map_err(|e| {
            Error::invalid(Diagnostic::error(format!(
                "could not prepare the template values: {e}"
            )))
        })?;
        tera.render(&name, &context)
            .map_err(|e| tera_error(&self.templates, e))
    }
}

/// Registers our filters and functions on one language's engine.
fn register(tera: &mut Tera, lang: Lang, messages: Arc<Messages>) {
    // `t(key="label-fax", count=2)`: a Fluent message of the note's language.
    tera.register_function(
        "t",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let key: &str = kwargs.must_get("key")?;
            let mut args = Args::new();
            for (name, value) in kwargs.iter() {
                let name = name.to_string();
                if name == "key" {
                    continue;
                }
                match value.as_i64() {
                    Some(number) => args.set(name.replace('_', "-"), number),
                    None => args.set(name.replace('_', "-"), value.to_string()),
                }
            }
            messages
                .format(lang, key, Some(&args))
                .map_err(|e| tera::Error::message(e.to_string()))
        },
    );
    // French contractions: `{{ name | de }}` gives "de la France", "du Canada".
    tera.register_filter("de", |text: &str, _: Kwargs, _: &State| {
        locale::with_de(text)
    });
    tera.register_filter("a", |text: &str, _: Kwargs, _: &State| locale::with_a(text));
    tera.register_filter("upper_first", |text: &str, _: Kwargs, _: &State| {
        locale::upper_first(text)
    });
    tera.register_filter("bare", move |text: &str, _: Kwargs, _: &State| {
        locale::without_article(text, lang).to_owned()
    });
    // `{{ value | str }}`: a Typst string literal, for code positions.
    tera.register_filter("str", |value: tera::Value, _: Kwargs, _: &State| {
        let text = match value.as_str() {
            Some(text) => text.to_owned(),
            None => value.to_string(),
        };
        tera::Value::safe_string(&string_literal(&text))
    });
}

/// Escapes text for Typst markup, after French typography.
fn escape_french(input: &str, output: &mut dyn Write) -> std::io::Result<()> {
    output.write_all(markup(&locale::french_spacing(&locale::apostrophes(input))).as_bytes())
}

/// Escapes text for Typst markup, after English typography.
fn escape_english(input: &str, output: &mut dyn Write) -> std::io::Result<()> {
    output.write_all(markup(&locale::apostrophes(input)).as_bytes())
}

/// Typst markup that prints `text` literally: every character that markup
/// gives a meaning (`*strong*`, `#code`, `$math$`, `<label>`, `@ref`, `- list`,
/// `= heading`, `"quotes"`, `--` dashes, `~`, URLs, comments, escapes) is
/// preceded by a backslash, and line breaks become spaces.
///
/// Hyphenated compounds (`sous-munitions`, `Secretary-General`) are boxed, so
/// that no line ends at their hyphen, which would read as a word cut in two.
/// The `;` ends the box's call: a `[` that follows is text, not an argument.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let (plain, compound, after) = split_compound(rest);
        escape_into(plain, &mut out);
        if !compound.is_empty() {
            out.push_str("#box[");
            escape_into(compound, &mut out);
            out.push_str("];");
        }
        rest = after;
    }
    out
}

/// Splits `text` around its first hyphenated compound (`sous-munitions`,
/// `CH-1211`): the text before it, the compound, and the rest.
fn split_compound(text: &str) -> (&str, &str, &str) {
    // Letters, digits, and the combining marks that decomposed letters carry.
    let word = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    // A hyphen with a word character on either side.
    let joins = |i: usize| {
        text[..i].chars().next_back().is_some_and(word)
            && text[i + 1..].chars().next().is_some_and(word)
    };
    let Some(hyphen) = text.match_indices('-').map(|(i, _)| i).find(|&i| joins(i)) else {
        return (text, "", "");
    };
    let start = text[..hyphen].trim_end_matches(word).len();
    let mut end = hyphen;
    loop {
        end += 1;
        end += text[end..]
            .find(|c: char| !word(c))
            .unwrap_or(text.len() - end);
        if !(text[end..].starts_with('-') && joins(end)) {
            break;
        }
    }
    (&text[..start], &text[start..end], &text[end..])
}

/// A combining mark of the common blocks: the accent of a decomposed `é`.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Appends `text` to `out` with every markup character escaped.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '[' | ']' | '~' | '/' | '-'
            | '+' | '=' | '.' | ':' | '\'' | '"' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// A Typst string literal holding `text`.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The line of a Tera template (0-based) that most likely wrote
/// `generated_line` of its output, for pointing a Typst error at the
/// template: a line whose literal text, between the `{{ … }}` and `{% … %}`
/// tags, all appears in the generated line, in order. Of several, the one
/// with the most literal text wins, then the nearest to `near`, the generated
/// line's own number.
pub fn template_line(template: &str, generated_line: &str, near: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (index, line) in template.lines().enumerate() {
        let Some(matched) = literal_match(line, generated_line) else {
            continue;
        };
        if matched < 3 {
            continue;
        }
        let better = match best {
            None => true,
            Some((best_index, best_matched)) => {
                matched > best_matched
                    || (matched == best_matched && index.abs_diff(near) < best_index.abs_diff(near))
            }
        };
        if better {
            best = Some((index, matched));
        }
    }
    best.map(|(index, _)| index)
}

/// How many bytes of literal text of a template line appear, in order, in a
/// generated line; none if less than three fifths of it does (a branch of an
/// `{% if %}` not taken writes nothing).
fn literal_match(template_line: &str, generated: &str) -> Option<usize> {
    let mut rest = template_line;
    let (mut at, mut matched, mut total) = (0, 0, 0);
    loop {
        let tag = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|open| rest.find(open))
            .min();
        let literal = rest[..tag.unwrap_or(rest.len())].trim();
        total += literal.len();
        if !literal.is_empty()
            && let Some(found) = generated[at..].find(literal)
        {
            at += found + literal.len();
            matched += literal.len();
        }
        let close = tag.and_then(|tag| {
            let close = match &rest[tag..tag + 2] {
                "{{" => "}}",
                "{%" => "%}",
                _ => "#}",
            };
            rest[tag..].find(close).map(|end| tag + end + 2)
        });
        match close {
            Some(next) => rest = &rest[next..],
            None => break,
        }
    }
    (matched * 5 >= total * 3).then_some(matched)
}

/// A Tera error as a diagnostic at the template's line.
fn tera_error(templates: &Assets, error: tera::Error) -> Error {
    use tera::ErrorKind;
    let report = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => Some(report),
        _ => None,
    };
    let Some(report) = report else {
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(inner) = source {
            message = format!("{message}: {inner}");
            source = inner.source();
        }
        return Error::invalid(Diagnostic::error(message).in_file(templates.set));
    };
    let name = report.filename();
    let mut diagnostic = Diagnostic::error(report.message().to_owned());
    if let Some(asset) = templates.get(name) {
        let display = asset.display_name(templates.set, name);
        diagnostic = diagnostic.in_file(&display);
        if let Ok(text) = asset.text(templates.set, name) {
            let source = SourceText::new(display, text);
            diagnostic = diagnostic.at(Location {
                source,
                span: report.span().range.clone(),
            });
        }
    } else {
        diagnostic = diagnostic.in_file(format!("{}/{name}", templates.set));
    }
    if report.message().contains("not found in context") || report.message().contains("undefined") {
        diagnostic =
            diagnostic.hint("check the name against the template values listed in the README");
    }
    Error::invalid(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_special_character() {
        assert_eq!(markup("*a* #b $c$"), "\\*a\\* \\#b \\$c\\$");
        assert_eq!(markup("= T"), "\\= T");
        assert_eq!(markup("http://x.org"), "http\\:\\/\\/x\\.org");
        assert_eq!(markup("a\nb"), "a b");
        assert_eq!(markup("été « x »"), "été « x »");
    }

    #[test]
    fn typst_lines_are_traced_to_their_template_line() {
        let template = "#import \"note.typ\": note\n\
                        {{ opening }} a l'honneur de {{ x }}.\n\
                        #adress(\n\
                        \x20 [{{ line }}],\n\
                        )\n\
                        #adress(\n";
        assert_eq!(template_line(template, "#adress(", 2), Some(2));
        assert_eq!(template_line(template, "#adress(", 5), Some(5));
        assert_eq!(
            template_line(template, "Le Secrétaire général a l'honneur de vous.", 0),
            Some(1)
        );
        assert_eq!(template_line(template, "  [Genève],", 3), Some(3));
        assert_eq!(template_line(template, "nothing like it", 1), None);
    }

    #[test]
    fn compounds_are_boxed_whole() {
        assert_eq!(markup("sous-munitions"), "#box[sous\\-munitions];");
        assert_eq!(
            markup("the Under-Secretary-General."),
            "the #box[Under\\-Secretary\\-General];\\."
        );
        assert_eq!(markup("CH-1211 Genève"), "#box[CH\\-1211]; Genève");
        assert_eq!(markup("l’État-partie"), "l’#box[État\\-partie];");
        assert_eq!(markup("a - b -c d- --"), "a \\- b \\-c d\\- \\-\\-");
        assert_eq!(markup("x-[y]"), "x\\-\\[y\\]");
        // A decomposed accent stays with its letter, inside the box.
        assert_eq!(
            markup("sous-mu\u{301}nitions"),
            "#box[sous\\-mu\u{301}nitions];"
        );
    }

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }

    #[test]
    fn only_language_suffixed_typ_files_are_note_templates() {
        assert_eq!(is_note_template("invitation.fr.typ"), Some(Lang::Fr));
        assert_eq!(is_note_template("invitation.en.typ"), Some(Lang::En));
        assert_eq!(is_note_template("note.typ"), None);
        assert_eq!(is_note_template("logo.svg"), None);
    }
}
