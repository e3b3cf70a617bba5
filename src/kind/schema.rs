//! A kind's schema file, `<kind>.yaml`, read and checked: every mistake in
//! it is located in the file, as a meeting file's are.

use serde::Deserialize;
use serde_yaml::{Mapping, Value as Yaml};

use super::field::{Options, Scope};
use super::types::{self, TYPES};
use super::{Field, Kind};
use crate::error::Diagnostic;
use crate::locale::Lang;
use crate::meeting::{Opening, Role};
use crate::values::Translated;
use crate::yaml::YamlFile;

/// Whether a kind's field may not take this name: the frame's fields and
/// the values every template receives have it.
fn is_reserved(name: &str) -> bool {
    crate::meeting::FRAME_FIELDS.contains(&name)
        || crate::template::FRAME_VARIABLES
            .iter()
            .any(|(n, _)| *n == name)
}

/// A field as written: what every field has, and its type's options.
#[derive(Deserialize)]
struct RawField {
    #[serde(rename = "type")]
    ty: String,
    doc: String,
    #[serde(default = "yes")]
    required: bool,
    #[serde(default)]
    example: Option<Yaml>,
    #[serde(default)]
    hint: Option<String>,
    /// The type's options.
    #[serde(flatten)]
    options: Mapping,
}

/// The keys every field takes, whatever its type.
const COMMON: &[&str] = &["type", "doc", "required", "example", "hint"];

/// The most fields a schema may declare, its records' fields included: a
/// kind of note has a few dozen, and each is a line of the template to write.
pub const MAX_FIELDS: usize = 1000;

/// How many fields `fields` declares, the fields of its records included,
/// counted up to just past [`MAX_FIELDS`].
fn count_fields(fields: Option<&Yaml>) -> usize {
    let Some(Yaml::Mapping(fields)) = fields else {
        return 0;
    };
    let mut count = 0;
    for value in fields.values() {
        count += 1 + count_fields(value.get("fields"));
        if count > MAX_FIELDS {
            break;
        }
    }
    count
}

fn yes() -> bool {
    true
}

/// The keys of a schema.
const TOP_KEYS: &[&str] = &[
    "description",
    "lead",
    "openings",
    "follows",
    "senders",
    "frame",
    "fields",
];

/// Reads the schema of the kind `name` from `file`.
pub fn read(name: &str, file: &YamlFile, languages: Vec<Lang>) -> Result<Kind, Vec<Diagnostic>> {
    let top = match file.parse_value().map_err(|e| e.into_diagnostics())? {
        Yaml::Mapping(top) => top,
        _ => {
            return Err(vec![Diagnostic::error(
                "a kind's schema is a mapping: `description:`, `fields:` and, if need be, `frame:`",
            )
            .in_file(&file.path)]);
        }
    };
    if count_fields(top.get("fields")) > MAX_FIELDS {
        return Err(vec![
            file.error(
                "fields",
                format!("the schema declares more than {MAX_FIELDS} fields"),
            )
            .hint(
                "a kind of note has a few dozen fields: group them in records, or split the kind",
            ),
        ]);
    }
    let mut problems = Vec::new();
    for key in top.keys() {
        let key = key.as_str().unwrap_or_default();
        if !TOP_KEYS.contains(&key) {
            problems.push(file.unknown_field(key, key, TOP_KEYS));
        }
    }
    // Each part is read on its own, so that all their mistakes are found.
    for key in ["description", "fields"] {
        if !top.contains_key(key) {
            problems.push(file.error("", format!("missing field `{key}`")));
        }
    }
    let description: Option<Translated> = top.get("description").and_then(|value| {
        file.read_value("description", value.clone())
            .map_err(|e| problems.extend(e.into_diagnostics()))
            .ok()
    });
    let lead = match top.get("lead") {
        None => false,
        Some(Yaml::Bool(lead)) => *lead,
        Some(_) => {
            problems.push(
                file.error("lead", "`lead` is `true` or `false`")
                    .hint("`lead: true` makes the frame's `paragraphs` the note's body, the first continuing the opening"),
            );
            false
        }
    };
    let openings = match top.get("openings") {
        None => vec![Opening::Compliments],
        Some(value) => file
            .read_value::<Vec<Opening>>("openings", value.clone())
            .map_err(|e| problems.extend(e.into_diagnostics()))
            .unwrap_or_default(),
    };
    let follows = match top.get("follows") {
        None => false,
        Some(Yaml::Bool(follows)) => *follows,
        Some(_) => {
            problems.push(
                file.error("follows", "`follows` is `true` or `false`")
                    .hint("`follows: true` makes the note refer to the one it follows, as a reminder does"),
            );
            false
        }
    };
    let senders = match top.get("senders") {
        None => Vec::new(),
        Some(value) => file
            .read_value::<Vec<Role>>("senders", value.clone())
            .map_err(|e| problems.extend(e.into_diagnostics()))
            .unwrap_or_default(),
    };
    let frame = match top.get("frame") {
        Some(Yaml::Mapping(frame)) => {
            problems.extend(check_frame(file, frame));
            frame.clone()
        }
        Some(_) => {
            problems.push(file.error("frame", "`frame` is a mapping of the frame's fields"));
            Mapping::new()
        }
        None => Mapping::new(),
    };
    let fields = match top.get("fields") {
        Some(Yaml::Mapping(raw)) => fields(file, "fields", raw, &mut problems),
        Some(_) => {
            problems.push(file.error("fields", "`fields` is a mapping of the kind's fields"));
            Vec::new()
        }
        None => Vec::new(),
    };
    let mut reader = Review {
        file,
        problems: &mut problems,
        root: &fields,
    };
    reader.check_all("fields", &fields, true);
    match description {
        Some(description) if problems.is_empty() => Ok(Kind {
            name: name.to_owned(),
            description,
            lead,
            openings,
            follows,
            senders,
            fields,
            frame,
            languages,
            source: file.source.clone(),
        }),
        _ => Err(problems),
    }
}

/// The frame values a schema gives for new files: frame fields, each of its
/// type.
fn check_frame(file: &YamlFile, frame: &Mapping) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut whole = Mapping::new();
    let fields: Vec<&str> = crate::meeting::FRAME_FIELDS
        .iter()
        .copied()
        .filter(|name| !matches!(*name, "kind" | "extends"))
        .collect();
    for (key, value) in frame {
        let name = key.as_str().unwrap_or_default();
        if fields.contains(&name) {
            whole.insert(key.clone(), value.clone());
        } else {
            problems.push(file.unknown_field(&format!("frame.{name}"), name, &fields));
        }
    }
    // A sender, for a frame that gives none, so that the rest is read.
    if !whole.contains_key("sender") {
        let sender: Yaml =
            serde_yaml::from_str("{ role: secretary-general, gender: male }").unwrap_or(Yaml::Null);
        whole.insert("sender".into(), sender);
    }
    if let Err(error) = file.read_value::<crate::meeting::Frame>("frame", Yaml::Mapping(whole)) {
        problems.extend(error.into_diagnostics());
    }
    problems
}

/// The fields of a mapping of the schema, at `at`.
fn fields(file: &YamlFile, at: &str, raw: &Mapping, problems: &mut Vec<Diagnostic>) -> Vec<Field> {
    let mut fields = Vec::new();
    for (key, value) in raw {
        let Some(name) = key.as_str() else {
            problems.push(file.error(at, "field names are words, as `deadline`"));
            continue;
        };
        let path = format!("{at}.{name}");
        if !is_name(name) {
            problems.push(
                file.error(&path, format!("`{name}` is not a field name"))
                    .hint("use lowercase letters, digits and `_`, starting with a letter; not a word of Tera's, as `and` or `loop`"),
            );
            continue;
        }
        let raw: RawField = match file.read_value(&path, value.clone()) {
            Ok(raw) => raw,
            Err(error) => {
                problems.extend(error.into_diagnostics());
                continue;
            }
        };
        if let Some(field) = field(file, &path, name, raw, problems) {
            fields.push(field);
        }
    }
    fields
}

fn is_name(name: &str) -> bool {
    // The words of Tera's own language cannot name a value in a template.
    const TERA: &[&str] = &[
        "and", "or", "not", "in", "is", "true", "false", "none", "loop", "self", "super", "if",
        "else", "elif", "for", "set", "macro", "block",
    ];
    !TERA.contains(&name)
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// One field, its options checked against its type and read by it.
fn field(
    file: &YamlFile,
    at: &str,
    name: &str,
    raw: RawField,
    problems: &mut Vec<Diagnostic>,
) -> Option<Field> {
    let names: Vec<&str> = TYPES.iter().map(|t| t.name).collect();
    let Some(info) = types::find(&raw.ty) else {
        problems.push(file.unknown_variant(&format!("{at}.type"), &raw.ty, &names));
        return None;
    };
    let before = problems.len();
    let all = types::all_options();
    for key in raw.options.keys() {
        let key = key.as_str().unwrap_or_default();
        let path = format!("{at}.{key}");
        if !all.contains(&key) {
            let expected: Vec<&str> = COMMON.iter().chain(&all).copied().collect();
            problems.push(file.unknown_field(&path, key, &expected));
        } else if !info.options.contains(&key) {
            problems.push(
                file.error(
                    &path,
                    format!("`{key}` does not apply to a field of type `{}`", info.name),
                )
                .hint("see the options of each type in docs/kinds.md"),
            );
        }
    }
    if problems.len() > before {
        return None;
    }
    let mut options = Options {
        file,
        at,
        given: raw.options,
        problems: &mut *problems,
        fields: &fields,
    };
    let ty = (info.build)(&mut options);
    if raw.doc.trim().trim_end_matches('.').is_empty() {
        problems.push(
            file.error(&format!("{at}.doc"), "the doc is empty")
                .hint("say in one line what the field means: `kinds` and `init` show it"),
        );
    }
    (problems.len() == before).then(|| Field {
        name: name.to_owned(),
        ty,
        doc: raw.doc,
        required: raw.required,
        example: raw.example,
        hint: raw.hint,
    })
}

/// What the fields ask of each other, and of their examples.
struct Review<'a> {
    file: &'a YamlFile,
    problems: &'a mut Vec<Diagnostic>,
    root: &'a [Field],
}

impl Review<'_> {
    /// Checks the fields of one record (the top when `top`): names, the
    /// fields they name, and each example.
    fn check_all(&mut self, at: &str, fields: &[Field], top: bool) {
        for field in fields {
            let path = format!("{at}.{}", field.name);
            if top && is_reserved(&field.name) {
                let frame = crate::meeting::FRAME_FIELDS.contains(&field.name.as_str());
                let (message, hint) = if frame {
                    (
                        format!("`{}` is a field of every note's frame", field.name),
                        "give the kind's field another name; docs/kinds.md lists the frame's fields",
                    )
                } else {
                    (
                        format!(
                            "`{}` is a value that every template receives already",
                            field.name
                        ),
                        "give the kind's field another name; docs/kinds.md lists what every template receives",
                    )
                };
                self.problems
                    .push(self.file.error(&path, message).hint(hint));
            }
            self.check_references(&path, field, fields);
            match field.ty.fields() {
                Some(inner) => self.check_all(&format!("{path}.fields"), inner, false),
                None if field.is_written() && field.example.is_none() => self.problems.push(
                    self.file
                        .error(&path, format!("the field `{}` has no example", field.name))
                        .hint("give `example:`, a value as a meeting file writes it: a new meeting file is filled with it"),
                ),
                _ => {}
            }
            if let Some(example) = &field.example
                && let Err(found) = super::read::example(field, example)
            {
                for message in found {
                    self.problems.push(self.file.error(
                        &format!("{path}.example"),
                        format!("the example does not fit: {message}"),
                    ));
                }
            }
        }
    }

    /// The fields `field` names exist, and are of the right type.
    fn check_references(&mut self, at: &str, field: &Field, siblings: &[Field]) {
        let scope = Scope::new(siblings, self.root);
        for wrong in field.ty.references(&scope) {
            self.problems.push(self.file.error(
                &format!("{at}.{}", wrong.option),
                format!("`{}` is not {}", wrong.target, wrong.what),
            ));
        }
    }
}
