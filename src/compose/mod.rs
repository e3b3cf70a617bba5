//! From a note's context to Typst source, through Tera templates that escape
//! every value for Typst markup, with the way back from the source to the
//! template lines that wrote it.

mod escape;
mod lines;

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Context, Kwargs, State, Tera};

pub use self::escape::{markup, string_literal};
use crate::assets::Assets;
use crate::error::{Diagnostic, Error, Location, Result, SourceText};
use crate::locale::{self, Args, Gender, Lang, Messages};
use crate::source::{Origins, SourceMap};
use crate::template::{NoteContext, note_template_lang};

/// Renders note templates, one Tera engine a language.
pub struct Composer {
    engines: Vec<(Lang, Tera)>,
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
        for (name, asset) in templates.iter() {
            if note_template_lang(name).is_none() {
                continue;
            }
            let text = asset.text(templates.set, name)?;
            let source = SourceText::new(asset.display_name(templates.set, name), text);
            if let Some(at) = text.find(lines::is_mark_character) {
                return Err(Error::invalid(kept_character(&source, at)));
            }
            words.insert(name.to_owned(), lines::tag_words(text));
            let index = lines.sources.len() as u32;
            marked.insert(
                name.to_owned(),
                lines::mark(text, index, &mut lines.origins),
            );
            lines.sources.push(source);
        }
        let mut composer = Self {
            engines: Vec::new(),
            templates: templates.clone(),
            marked,
            lines: Arc::new(lines),
            words,
        };
        for lang in Lang::ALL {
            let mut tera = Tera::new();
            tera.set_escape_fn(escape::in_lang(lang));
            tera.autoescape_on([".typ"]);
            register(&mut tera, lang, messages.clone());
            let sources = composer
                .marked
                .iter()
                .filter(|(name, _)| note_template_lang(name) == Some(lang))
                .map(|(name, marked)| (name.as_str(), marked.text.as_str()));
            tera.add_raw_templates(sources)
                .map_err(|e| composer.tera_error(e))?;
            composer.engines.push((lang, tera));
        }
        Ok(composer)
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
        note: &NoteContext,
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
        let rendered = tera
            .render(&name, &context)
            .map_err(|e| self.tera_error(e))?;
        let (source, points) = lines::strip(&rendered);
        Ok((source, SourceMap::new(points, self.lines.clone())))
    }

    /// A Tera error as a diagnostic at the template's line, as the user
    /// wrote it.
    fn tera_error(&self, error: tera::Error) -> Error {
        use tera::ErrorKind;
        let templates = &self.templates;
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
                let range = report.span().range.clone();
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
        if report.message().contains("not found in context")
            || report.message().contains("undefined")
        {
            diagnostic =
                diagnostic.hint("the values a template receives are in docs/kinds.md; `noteverbale kinds KIND` lists a kind's fields");
        }
        Error::invalid(diagnostic)
    }
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
    // `{{ value | str }}`: a Typst string literal, for code positions.
    tera.register_filter("str", |value: tera::Value, _: Kwargs, _: &State| {
        let text = match value.as_str() {
            Some(text) => text.to_owned(),
            None => value.to_string(),
        };
        tera::Value::safe_string(&string_literal(&text))
    });
}
