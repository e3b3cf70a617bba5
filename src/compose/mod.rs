//! From a note's context to Typst source, through Tera templates that escape
//! every value for Typst markup, with the way back from the source to the
//! template lines that wrote it.

mod escape;
mod lines;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use tera::{Context, Kwargs, State, Tera};

pub use self::escape::{markup, string_literal};
use crate::assets::Assets;
use crate::error::{Diagnostic, Error, Location, Result, SourceText};
use crate::locale::{self, Args, Gender, Lang, Messages};
use crate::source::{Origins, SourceMap};
use crate::template::{is_part, note_template_lang};

/// The most Typst source a note template may write: a note is a few
/// kilobytes, a thousand times that is plenty, and more is a loop gone wrong.
pub const MAX_SOURCE: usize = 4 * 1024 * 1024;

/// Where a template's output goes: refused past [`MAX_SOURCE`] bytes, which
/// stops Tera as it writes.
#[derive(Default)]
struct Bounded {
    bytes: Vec<u8>,
    overflowed: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_SOURCE {
            self.overflowed = true;
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A language's Tera engine, or the mistakes of its templates, once parsed.
type Parsed = OnceLock<std::result::Result<Tera, Vec<Diagnostic>>>;

/// Renders note templates, one Tera engine a language, made when a note
/// in that language is first composed: a note in French does not wait for
/// the English templates to be parsed ([`Composer::check`] parses them all).
pub struct Composer {
    engines: Vec<(Lang, Parsed)>,
    messages: Arc<Messages>,
    templates: Assets,
    /// Each note template as Tera has it, marked, by name.
    marked: HashMap<String, lines::Marked>,
    /// The note templates as written, and what their marks stand for.
    lines: Arc<Origins>,
    /// The words each template's tags use, by name.
    words: HashMap<String, std::collections::HashSet<String>>,
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

impl Composer {
    /// Parses every note template of the set.
    pub fn new(templates: &Assets, messages: Arc<Messages>) -> Result<Self> {
        let mut lines = Origins::default();
        let mut marked = HashMap::new();
        let mut words = HashMap::new();
        let mut included: HashMap<String, Vec<String>> = HashMap::new();
        for (name, asset) in templates.iter() {
            if note_template_lang(name).is_none() && !is_part(name) {
                continue;
            }
            let text = asset.text(templates.set, name)?;
            let source = SourceText::new(asset.display_name(templates.set, name), text);
            if let Some(at) = text.find(lines::is_mark_character) {
                return Err(Error::invalid(kept_character(&source, at)));
            }
            let unsafe_places = lines::safe_filters(text);
            if !unsafe_places.is_empty() {
                return Err(Error::Invalid(
                    unsafe_places
                        .into_iter()
                        .map(|span| safe_refused(&source, span))
                        .collect(),
                ));
            }
            words.insert(name.to_owned(), lines::tag_words(text));
            included.insert(name.to_owned(), lines::includes(text));
            let index = lines.sources.len() as u32;
            marked.insert(
                name.to_owned(),
                lines::mark(text, index, &mut lines.origins),
            );
            lines.sources.push(source);
        }
        // A template prints what the parts it includes print.
        let parts: Vec<(String, std::collections::HashSet<String>)> = words
            .iter()
            .filter(|(name, _)| is_part(name))
            .map(|(name, words)| (name.clone(), words.clone()))
            .collect();
        for (name, words) in words.iter_mut().filter(|(name, _)| !is_part(name)) {
            let included = included.get(name).map_or(&[][..], Vec::as_slice);
            for (part, part_words) in &parts {
                if included.contains(part) {
                    words.extend(part_words.iter().cloned());
                }
            }
            // What the parts print is known: only another template's is not.
            if !included.is_empty() && included.iter().all(|name| is_part(name)) {
                words.remove("include");
            }
        }
        Ok(Self {
            engines: Lang::ALL.map(|lang| (lang, OnceLock::new())).into(),
            messages,
            templates: templates.clone(),
            marked,
            lines: Arc::new(lines),
            words,
        })
    }

    /// The Tera engine of `lang`, with the note templates of that language
    /// and the parts, parsed the first time it is asked for.
    fn engine(&self, lang: Lang) -> Result<&Tera> {
        let (_, engine) = self
            .engines
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("an engine for every language");
        engine
            .get_or_init(|| {
                let mut tera = Tera::new();
                tera.set_escape_fn(escape::in_lang(lang));
                tera.autoescape_on([".typ"]);
                register(&mut tera, lang, self.messages.clone());
                let sources = self
                    .marked
                    .iter()
                    .filter(|(name, _)| note_template_lang(name) == Some(lang) || is_part(name))
                    .map(|(name, marked)| (name.as_str(), marked.text.as_str()));
                match tera.add_raw_templates(sources) {
                    Ok(()) => Ok(tera),
                    Err(error) => Err(self.tera_error(error).into_diagnostics()),
                }
            })
            .as_ref()
            .map_err(|diagnostics| Error::Invalid(diagnostics.clone()))
    }

    /// Parses the templates of every language: their mistakes, all of them.
    pub fn check(&self) -> Result<()> {
        let diagnostics: Vec<Diagnostic> = Lang::ALL
            .into_iter()
            .filter_map(|lang| self.engine(lang).err())
            .flat_map(Error::into_diagnostics)
            .collect();
        if diagnostics.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(diagnostics))
        }
    }

    /// Whether the template of `kind` in `lang` may print `value`: its tags
    /// name it, or include another template.
    pub fn may_print(&self, kind: &str, lang: Lang, value: &str) -> bool {
        self.words
            .get(&template_name(kind, lang))
            .is_none_or(|words| words.contains(value) || words.contains("include"))
    }

    /// Whether a template exists for this kind and language.
    pub fn has_template(&self, kind: &str, lang: Lang) -> bool {
        self.templates.get(&template_name(kind, lang)).is_some()
    }

    /// The kinds of note for which a template exists, with their languages.
    pub fn kinds(&self) -> Vec<(String, Vec<Lang>)> {
        let mut kinds: Vec<(String, Vec<Lang>)> = Vec::new();
        for (name, _) in self.templates.iter() {
            let Some(lang) = note_template_lang(name) else {
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

    /// Renders the note of kind `kind` in the context's language to Typst
    /// source, with the way back to the template lines that wrote it.
    pub fn compose(
        &self,
        kind: &str,
        lang: Lang,
        note: &impl serde::Serialize,
    ) -> Result<(String, SourceMap)> {
        let name = template_name(kind, lang);
        if !self.has_template(kind, lang) {
            let known: Vec<String> = self.kinds().into_iter().map(|(k, _)| k).collect();
            return Err(Error::invalid(
                Diagnostic::error(format!("there is no template `{name}`"))
                    .field("kind")
                    .hint(format!("known kinds: {}", known.join(", "))),
            ));
        }
        let tera = self.engine(lang)?;
        let context = Context::from_serialize(note).map_err(|e| {
            Error::invalid(Diagnostic::error(format!(
                "could not prepare the template values: {e}"
            )))
        })?;
        let mut output = Bounded::default();
        let result = tera.render_to(&name, &context, &mut output);
        if output.overflowed {
            let template = self
                .templates
                .get(&name)
                .map(|asset| asset.display_name(self.templates.set, &name))
                .unwrap_or_else(|| format!("{}/{name}", self.templates.set));
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the template writes more than the {} MiB of Typst source a note may have",
                    MAX_SOURCE / (1024 * 1024)
                ))
                .in_file(template)
                .hint("look for a loop that never ends or repeats more than the note needs"),
            ));
        }
        result.map_err(|e| self.tera_error(e))?;
        let rendered = String::from_utf8(output.bytes).map_err(|_| {
            Error::invalid(Diagnostic::error(
                "the template wrote text that is not UTF-8",
            ))
        })?;
        let (mut source, points) = lines::strip(&rendered);
        keep_together_where_values_meet(&mut source, &points, lang);
        Ok((source, SourceMap::new(points, self.lines.clone())))
    }

    /// A Tera error as a diagnostic at the template's line, as the user
    /// wrote it.
    fn tera_error(&self, error: tera::Error) -> Error {
        use tera::ErrorKind;
        let report = match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => Some(report),
            _ => None,
        };
        if let Some(report) = report {
            return Error::invalid(self.located(
                report.filename(),
                report.message(),
                report.span().range.clone(),
            ));
        }
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(inner) = source {
            message = format!("{message}: {inner}");
            source = inner.source();
        }
        // The checks Tera makes once every template is read (templates
        // included, components called) give their reports as text.
        let located: Vec<Diagnostic> = tera_reports(&message)
            .into_iter()
            .map(|(text, name, line, column)| {
                let span = self
                    .marked
                    .get(name)
                    .and_then(|marked| offset_of(&marked.text, line, column))
                    .map(|at| at..at);
                self.located(name, text, span.unwrap_or(0..0))
            })
            .collect();
        if !located.is_empty() {
            return Error::Invalid(located);
        }
        let message = message
            .strip_prefix("error: ")
            .unwrap_or(&message)
            .to_owned();
        Error::invalid(Diagnostic::error(message).in_file(self.templates.set))
    }

    /// A diagnostic of Tera's at `range` of the marked template `name`.
    fn located(&self, name: &str, message: &str, range: std::ops::Range<usize>) -> Diagnostic {
        let templates = &self.templates;
        let mut diagnostic = Diagnostic::error(message.to_owned());
        if let Some(asset) = templates.get(name) {
            let display = asset.display_name(templates.set, name);
            diagnostic = diagnostic.in_file(&display);
            if let Ok(text) = asset.text(templates.set, name) {
                let span = match self.marked.get(name) {
                    Some(marked) => marked.original(range.start)..marked.original(range.end),
                    None => range,
                };
                diagnostic = diagnostic.at(Location {
                    source: SourceText::new(display, text),
                    span,
                });
            }
        } else {
            diagnostic = diagnostic.in_file(format!("{}/{name}", templates.set));
        }
        if message.contains("not found in context") || message.contains("undefined") {
            diagnostic =
                diagnostic.hint("the values a template receives are in docs/kinds.md; `noteverbale kinds KIND` lists a kind's fields");
        }
        if message.starts_with("Unknown template") {
            diagnostic = diagnostic.hint(
                "a template includes another by its name in the folder, as `{% include \"name.typ\" %}`",
            );
        }
        diagnostic
    }
}

/// The reports in the text of a Tera error: each message, with the template,
/// line and column (from 1, in characters) it names.
fn tera_reports(text: &str) -> Vec<(&str, &str, usize, usize)> {
    let mut reports = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let Some(place) = lines
            .peek()
            .and_then(|l| l.trim_start().strip_prefix("--> "))
        else {
            continue;
        };
        let mut parts = place.rsplitn(3, ':');
        let (Some(column), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if let (Ok(line), Ok(column)) = (line.parse(), column.parse()) {
            reports.push((message, name, line, column));
        }
    }
    reports
}

/// The byte offset of a line and column (from 1, the column in characters).
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let rest = text.get(start..)?;
    Some(
        start
            + rest
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(rest.len(), |(at, _)| at),
    )
}

/// The error for a template that applies `safe`: Tera cannot tell a value
/// the template wrote from one the meeting file gave, so a value left
/// unescaped could run the meeting file's text as Typst.
fn safe_refused(source: &SourceText, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::error("a template may not use the `safe` filter")
        .in_file(&source.name)
        .at(Location {
            source: source.clone(),
            span,
        })
        .hint("write Typst markup in the template's own text; a value is always escaped, and `| str` makes a string literal of it")
}

/// The error for a template that holds a character of the marks.
fn kept_character(source: &SourceText, at: usize) -> Diagnostic {
    let c = source.text[at..].chars().next().unwrap_or_default();
    Diagnostic::error(format!(
        "the template holds U+{:04X}, a character kept for noteverbale's own use",
        u32::from(c)
    ))
    .in_file(&source.name)
    .at(Location {
        source: source.clone(),
        span: at..at + c.len_utf8(),
    })
    .hint("remove it: U+FDD0 to U+FDEF are not characters to print")
}

/// Where a value meets the template's text or another value with one space
/// between, the space is made a no-break space (`~`) when the words on
/// either side hold together in `lang` ([`locale::keep_together`]): the
/// template's `paragraphe {{ n }}` and `{{ courtesy }} {{ name }}` are kept
/// on one line as a value's own words are. `points` are the places where
/// the template's pieces start; nothing else moves.
fn keep_together_where_values_meet(source: &mut String, points: &[(usize, u32)], lang: Lang) {
    // The word of markup before `end` or from `start`, as it prints, if it
    // is text: `#box[70\/54];` is `70/54`.
    fn printed(markup: &str) -> Option<String> {
        let mut out = String::with_capacity(markup.len());
        let mut rest = markup;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = ["#box[", "#super[", "];"]
                .iter()
                .find_map(|wrap| rest.strip_prefix(wrap))
            {
                rest = after;
                continue;
            }
            rest = &rest[c.len_utf8()..];
            match c {
                '\\' => {
                    if let Some(escaped) = rest.chars().next() {
                        out.push(escaped);
                        rest = &rest[escaped.len_utf8()..];
                    }
                }
                '#' | '[' | ']' | '(' | ')' | '{' | '}' | '"' | '$' => return None,
                _ => out.push(c),
            }
        }
        (!out.is_empty()).then_some(out)
    }
    let parts = |c: char| c.is_whitespace() || c == '~';
    let mut spaces = Vec::new();
    for &(at, _) in points {
        let Some(before) = source[..at].strip_suffix(' ') else {
            continue;
        };
        let left_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| parts(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let right_end = source[at..].find(parts).map_or(source.len(), |i| at + i);
        let (Some(left), Some(right)) = (
            printed(&source[left_start..at - 1]),
            printed(&source[at..right_end]),
        ) else {
            continue;
        };
        if locale::together::binds(None, &left, &right, lang.rules()) {
            spaces.push(at - 1);
        }
    }
    for at in spaces {
        source.replace_range(at..at + 1, "~");
    }
}

/// Registers our filters and functions on one language's engine.
fn register(tera: &mut Tera, lang: Lang, messages: Arc<Messages>) {
    // Templates that use `safe` are refused as they are read; this is for a
    // form that the reading missed.
    tera.register_filter(
        "safe",
        |_: tera::Value, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            Err(tera::Error::message(
                "a template may not use the `safe` filter",
            ))
        },
    );
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
    // `{{ noun | the(gender=meeting.gender) }}`: the noun with its definite
    // article, agreeing with a `gender` value: "l’Assemblée", "la septième",
    // "the Meeting".
    tera.register_filter(
        "the",
        move |text: &str, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let gender = match kwargs.get::<&str>("gender")? {
                Some("masculine") | None => Gender::Masculine,
                Some("feminine") => Gender::Feminine,
                Some(other) => {
                    return Err(tera::Error::message(format!(
                        "`the` takes `gender=\"masculine\"` or `gender=\"feminine\"`, not `{other}`"
                    )));
                }
            };
            Ok(lang.rules().with_article(text, gender))
        },
    );
    // `{{ r.paragraphs | and }}`: a list in running text, "4 et 5", "4, 5 and 6".
    tera.register_filter(
        "and",
        move |value: tera::Value, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            let items = value.as_array().ok_or_else(|| {
                tera::Error::message("`and` joins a list, as a field of type `integers` or `texts`")
            })?;
            let items: Vec<String> = items
                .iter()
                .map(|item| match item.as_str() {
                    Some(text) => text.to_owned(),
                    None => item.to_string(),
                })
                .collect();
            Ok(locale::join_list(&items, lang))
        },
    );
    // `{{ limit | number }}`: a number with the language's thousands, "3 000".
    tera.register_filter("number", move |n: i64, _: Kwargs, _: &State| {
        locale::number(n, lang)
    });
    // `{{ website | href | str }}`: a link's target, with its scheme.
    tera.register_filter("href", |text: &str, _: Kwargs, _: &State| {
        crate::values::href(text)
    });
    // `{{ line | as_given }}`: markup of the text as it is written, without
    // the language's typography: a letterhead printed the same in every
    // language ("TEL.: 1 (212)", not "TEL. : 1 (212)" in French).
    tera.register_filter("as_given", |text: &str, _: Kwargs, _: &State| {
        tera::Value::safe_string(&escape::markup(text))
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
