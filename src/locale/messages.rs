//! Fluent messages: the phrases that several note kinds share, in each language.

use std::collections::BTreeSet;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::Entry;

use super::Lang;
use crate::assets::Assets;
use crate::error::{Diagnostic, Error, Location, Result, SourceText};

/// Arguments passed to a message: `$gender`, `$name`, ….
pub type Args<'a> = FluentArgs<'a>;

/// The messages of every language, from `locales/<lang>/*.ftl`.
pub struct Messages {
    bundles: Vec<Bundle>,
}

/// One language's messages, and the ids they define.
struct Bundle {
    lang: Lang,
    fluent: FluentBundle<FluentResource>,
    keys: BTreeSet<String>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages").finish_non_exhaustive()
    }
}

impl Messages {
    /// Parses every `.ftl` file of the set; syntax errors and messages defined
    /// twice are reported at their line.
    pub fn load(locales: &Assets) -> Result<Self> {
        let mut problems = Vec::new();
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let langid = lang.code().parse().map_err(|_| {
                Error::invalid(Diagnostic::error(format!(
                    "`{lang}` is not a language identifier"
                )))
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Unicode isolation marks would reach the PDF as invisible characters.
            bundle.set_use_isolating(false);
            let mut keys = BTreeSet::new();
            let prefix = format!("{}/", lang.code());
            for (name, asset) in locales.iter() {
                if !name.starts_with(&prefix) || !name.ends_with(".ftl") {
                    continue;
                }
                let source = SourceText::new(
                    asset.display_name(locales.set, name),
                    asset.text(locales.set, name)?,
                );
                let resource = match FluentResource::try_new(source.text.to_string()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        for error in errors {
                            problems.push(
                                Diagnostic::error(format!("Fluent syntax: {}", error.kind))
                                    .in_file(&source.name)
                                    .at(Location {
                                        source: source.clone(),
                                        span: error.pos.clone(),
                                    }),
                            );
                        }
                        resource
                    }
                };
                let ids: Vec<String> = message_ids(&resource).map(str::to_owned).collect();
                keys.extend(ids.iter().cloned());
                if let Err(errors) = bundle.add_resource(resource) {
                    for error in errors {
                        let id = ids
                            .iter()
                            .find(|id| error.to_string().contains(id.as_str()));
                        let span = id
                            .and_then(|id| find_definition(&source.text, id))
                            .unwrap_or(0..0);
                        problems.push(
                            Diagnostic::error(error.to_string())
                                .in_file(&source.name)
                                .at(Location {
                                    source: source.clone(),
                                    span,
                                }),
                        );
                    }
                }
            }
            bundles.push(Bundle {
                lang,
                fluent: bundle,
                keys,
            });
        }
        if problems.is_empty() {
            Ok(Self { bundles })
        } else {
            Err(Error::Invalid(problems))
        }
    }

    fn bundle(&self, lang: Lang) -> &Bundle {
        // `load` builds one bundle for each language of `Lang::ALL`.
        self.bundles
            .iter()
            .find(|b| b.lang == lang)
            .expect("a bundle for every language")
    }

    /// Formats the message `key` (or `key.attribute`); a missing message or a
    /// missing argument is an error, never text in a note.
    pub fn format(&self, lang: Lang, key: &str, args: Option<&Args>) -> Result<String> {
        let bundle = &self.bundle(lang).fluent;
        let (id, attribute) = match key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (key, None),
        };
        let missing = |what: &str| {
            Error::invalid(
                Diagnostic::error(format!("no {what} `{key}` in the {lang} locale"))
                    .in_file(format!("locales/{lang}/"))
                    .hint(format!(
                        "define `{key}` in a `.ftl` file of `locales/{lang}/`"
                    )),
            )
        };
        let message = bundle.get_message(id).ok_or_else(|| missing("message"))?;
        let pattern = match attribute {
            Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
            None => message.value(),
        }
        .ok_or_else(|| missing("value for"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if let Some(error) = errors.first() {
            return Err(Error::invalid(
                Diagnostic::error(format!("message `{key}` in the {lang} locale: {error}"))
                    .in_file(format!("locales/{lang}/"))
                    .hint("pass every variable the message uses, and define every message it refers to"),
            ));
        }
        Ok(text.into_owned())
    }

    /// Every message present in one language and missing in another, as
    /// errors: a note in that language would fail where it uses it.
    pub fn check_languages(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            for other in Lang::ALL {
                for key in self.keys(lang).difference(self.keys(other)) {
                    problems.push(
                        Diagnostic::error(format!(
                            "the message `{key}` is in the {lang} locale but not in the {other} one"
                        ))
                        .in_file(format!("locales/{}/", other.code()))
                        .hint(format!(
                            "add `{key} = …` to a `.ftl` file of `locales/{}/`",
                            other.code()
                        )),
                    );
                }
            }
        }
        problems
    }

    /// The ids of every message defined for `lang`.
    pub fn keys(&self, lang: Lang) -> &BTreeSet<String> {
        &self.bundle(lang).keys
    }
}

fn message_ids(resource: &FluentResource) -> impl Iterator<Item = &str> {
    resource.entries().filter_map(|entry| match entry {
        Entry::Message(message) => Some(message.id.name),
        _ => None,
    })
}

/// The byte range of `id =` at the start of a line.
fn find_definition(text: &str, id: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line
            .strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return Some(offset..offset + id.len());
        }
        offset += line.len();
    }
    None
}
