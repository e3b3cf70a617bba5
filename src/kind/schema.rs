//! A kind's schema file, `<kind>.yaml`, read and checked: every mistake in
//! it is located in the file, as a meeting file's are.

use serde::Deserialize;
use serde_yaml::{Mapping, Value as Yaml};

use super::{Bounds, DateRules, Field, GenderOf, Kind, Order, Symbol, Type};
use crate::error::Diagnostic;
use crate::locale::Lang;
use crate::meeting::Bilingual;
use crate::yaml::YamlFile;

/// Whether a kind's field may not take this name: the frame's fields and
/// the values every template receives have it.
fn is_reserved(name: &str) -> bool {
    crate::meeting::FRAME_FIELDS.contains(&name)
        || crate::context::FRAME_VARIABLES
            .iter()
            .any(|(n, _)| *n == name)
}

/// A field as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    #[serde(rename = "type")]
    ty: TypeName,
    doc: String,
    #[serde(default = "yes")]
    required: bool,
    #[serde(default)]
    example: Option<Yaml>,
    #[serde(default)]
    hint: Option<String>,
    // Dates.
    #[serde(default)]
    weekday: Option<bool>,
    #[serde(default)]
    deadline: Option<bool>,
    #[serde(default)]
    before: Option<String>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    not_before: Option<String>,
    #[serde(default)]
    not_after: Option<String>,
    // Ranges made of two fields.
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    // Ordinals.
    #[serde(default)]
    gender: Option<String>,
    // Numbers.
    #[serde(default)]
    min: Option<i64>,
    #[serde(default)]
    max: Option<i64>,
    // Symbols.
    #[serde(default)]
    of: Option<Symbol>,
    // Choices.
    #[serde(default)]
    values: Option<Vec<String>>,
    // Records.
    #[serde(default)]
    fields: Option<Mapping>,
}

fn yes() -> bool {
    true
}

/// The types, as a schema names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum TypeName {
    Text,
    Texts,
    Paragraphs,
    Quotation,
    Date,
    Dates,
    Time,
    Ordinal,
    Integer,
    Integers,
    Symbol,
    Email,
    Url,
    Phone,
    State,
    Address,
    Choice,
    Gender,
    Boolean,
    Record,
    Records,
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        match word.as_str() {
            "resolution" => Ok(Symbol::Resolution),
            "document" => Ok(Symbol::Document),
            other => Err(serde::de::Error::unknown_variant(
                other,
                &["resolution", "document"],
            )),
        }
    }
}

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
    let mut problems = Vec::new();
    for key in top.keys() {
        let key = key.as_str().unwrap_or_default();
        if !["description", "frame", "fields"].contains(&key) {
            problems.push(file.unknown_field(key, key, &["description", "frame", "fields"]));
        }
    }
    // Each part is read on its own, so that all their mistakes are found.
    for key in ["description", "fields"] {
        if !top.contains_key(key) {
            problems.push(file.error("", format!("missing field `{key}`")));
        }
    }
    let description: Option<Bilingual> = top.get("description").and_then(|value| {
        file.read_value("description", value.clone())
            .map_err(|e| problems.extend(e.into_diagnostics()))
            .ok()
    });
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
    let mut reader = Checker {
        file,
        problems: &mut problems,
        root: &fields,
    };
    reader.check_all("fields", &fields, true);
    match description {
        Some(description) if problems.is_empty() => Ok(Kind {
            name: name.to_owned(),
            description,
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
    let fields = &crate::meeting::FRAME_FIELDS[1..];
    for (key, value) in frame {
        let name = key.as_str().unwrap_or_default();
        if fields.contains(&name) {
            whole.insert(key.clone(), value.clone());
        } else {
            problems.push(file.unknown_field(&format!("frame.{name}"), name, fields));
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

/// One field, its options checked against its type.
fn field(
    file: &YamlFile,
    at: &str,
    name: &str,
    raw: RawField,
    problems: &mut Vec<Diagnostic>,
) -> Option<Field> {
    use TypeName as T;
    let before = problems.len();
    let mut misplaced = |option: &str, given: bool, fits: bool| {
        if given && !fits {
            problems.push(
                file.error(
                    &format!("{at}.{option}"),
                    format!(
                        "`{option}` does not apply to a field of type `{}`",
                        type_word(raw.ty)
                    ),
                )
                .hint("see the options of each type in docs/kinds.md"),
            );
        }
    };
    let is = |types: &[TypeName]| types.contains(&raw.ty);
    let date_bounds = [
        ("before", raw.before.is_some()),
        ("after", raw.after.is_some()),
        ("not_before", raw.not_before.is_some()),
        ("not_after", raw.not_after.is_some()),
    ];
    misplaced("weekday", raw.weekday.is_some(), is(&[T::Date]));
    misplaced("deadline", raw.deadline.is_some(), is(&[T::Date]));
    for (option, given) in date_bounds {
        misplaced(option, given, is(&[T::Date, T::Time]));
    }
    misplaced("start", raw.start.is_some(), is(&[T::Dates]));
    misplaced("end", raw.end.is_some(), is(&[T::Dates]));
    misplaced("gender", raw.gender.is_some(), is(&[T::Ordinal]));
    misplaced("min", raw.min.is_some(), is(&[T::Integer, T::Integers]));
    misplaced("max", raw.max.is_some(), is(&[T::Integer, T::Integers]));
    misplaced("of", raw.of.is_some(), is(&[T::Symbol]));
    misplaced("values", raw.values.is_some(), is(&[T::Choice]));
    misplaced("fields", raw.fields.is_some(), is(&[T::Record, T::Records]));

    let ty_word = type_word(raw.ty);
    let missing = |problems: &mut Vec<Diagnostic>, option: &str, what: &str| {
        problems.push(
            file.error(at, format!("a field of type `{ty_word}` needs `{option}`"))
                .hint(what.to_owned()),
        );
    };
    let bounds = Bounds {
        min: raw.min,
        max: raw.max,
    };
    let order_bounds: Vec<(Order, String)> = [
        (Order::Before, raw.before),
        (Order::After, raw.after),
        (Order::NotBefore, raw.not_before),
        (Order::NotAfter, raw.not_after),
    ]
    .into_iter()
    .filter_map(|(order, target)| Some((order, target?)))
    .collect();
    let ty = match raw.ty {
        T::Text => Type::Text,
        T::Texts => Type::Texts,
        T::Paragraphs => Type::Paragraphs,
        T::Quotation => Type::Quotation,
        T::Date => Type::Date(DateRules {
            weekday: raw.weekday.unwrap_or(false),
            deadline: raw.deadline.unwrap_or(false),
            bounds: order_bounds,
        }),
        T::Time => Type::Time(order_bounds),
        T::Dates => match (raw.start, raw.end) {
            (Some(start), Some(end)) => Type::Dates(Some((start, end))),
            (None, None) => Type::Dates(None),
            _ => {
                missing(
                    problems,
                    "start` and `end",
                    "name both date fields the range is made of, or neither to write it as `{ start: …, end: … }`",
                );
                Type::Dates(None)
            }
        },
        T::Ordinal => match raw.gender.as_deref() {
            Some("masculine") => Type::Ordinal(GenderOf::Fixed(crate::locale::Gender::Masculine)),
            Some("feminine") => Type::Ordinal(GenderOf::Fixed(crate::locale::Gender::Feminine)),
            Some(field) => Type::Ordinal(GenderOf::Field(field.to_owned())),
            None => {
                missing(
                    problems,
                    "gender",
                    "give the French noun's gender, `masculine` or `feminine`, or the name of a `gender` field beside it",
                );
                Type::Ordinal(GenderOf::Fixed(crate::locale::Gender::Feminine))
            }
        },
        T::Integer => Type::Integer(bounds),
        T::Integers => Type::Integers(bounds),
        T::Symbol => Type::Symbol(raw.of.unwrap_or(Symbol::Resolution)),
        T::Email => Type::Email,
        T::Url => Type::Url,
        T::Phone => Type::Phone,
        T::State => Type::State,
        T::Address => Type::Address,
        T::Choice => match raw.values {
            Some(values) if !values.is_empty() => Type::Choice(values),
            _ => {
                missing(
                    problems,
                    "values",
                    "list the names it may take, as `values: [member, observer]`",
                );
                Type::Choice(Vec::new())
            }
        },
        T::Gender => Type::Gender,
        T::Boolean => Type::Boolean,
        T::Record | T::Records => {
            let inner = match &raw.fields {
                Some(inner) if !inner.is_empty() => {
                    fields(file, &format!("{at}.fields"), inner, problems)
                }
                _ => {
                    missing(
                        problems,
                        "fields",
                        "give its fields, each with a `type` and a `doc`",
                    );
                    Vec::new()
                }
            };
            if raw.ty == T::Record {
                Type::Record(inner)
            } else {
                Type::Records(inner)
            }
        }
    };
    if let (Some(min), Some(max)) = (raw.min, raw.max)
        && min > max
    {
        problems.push(file.error(
            &format!("{at}.min"),
            format!("`min`, {min}, is above `max`, {max}"),
        ));
    }
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

fn type_word(ty: TypeName) -> &'static str {
    use TypeName as T;
    match ty {
        T::Text => "text",
        T::Texts => "texts",
        T::Paragraphs => "paragraphs",
        T::Quotation => "quotation",
        T::Date => "date",
        T::Dates => "dates",
        T::Time => "time",
        T::Ordinal => "ordinal",
        T::Integer => "integer",
        T::Integers => "integers",
        T::Symbol => "symbol",
        T::Email => "email",
        T::Url => "url",
        T::Phone => "phone",
        T::State => "state",
        T::Address => "address",
        T::Choice => "choice",
        T::Gender => "gender",
        T::Boolean => "boolean",
        T::Record => "record",
        T::Records => "records",
    }
}

/// What the fields ask of each other, and of their examples.
struct Checker<'a> {
    file: &'a YamlFile,
    problems: &'a mut Vec<Diagnostic>,
    root: &'a [Field],
}

impl Checker<'_> {
    /// Checks the fields of one record (the top when `top`): names, the
    /// fields they name, and each example.
    fn check_all(&mut self, at: &str, fields: &[Field], top: bool) {
        for field in fields {
            let path = format!("{at}.{}", field.name);
            if top && is_reserved(&field.name) {
                self.problems.push(
                    self.file
                        .error(
                            &path,
                            format!("`{}` is a field of every note's frame", field.name),
                        )
                        .hint(
                            "give the kind's field another name; docs/kinds.md lists the frame's",
                        ),
                );
            }
            self.check_references(&path, field, fields);
            match &field.ty {
                Type::Record(inner) | Type::Records(inner) => {
                    self.check_all(&format!("{path}.fields"), inner, false)
                }
                _ if field.is_written() && field.example.is_none() => self.problems.push(
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
        let find = |name: &str| -> Option<&Field> {
            siblings
                .iter()
                .find(|f| f.name == name)
                .or_else(|| find_path(self.root, name))
        };
        let mut wrong = Vec::new();
        match &field.ty {
            Type::Date(rules) => {
                for (order, target) in &rules.bounds {
                    let fits = target == "date"
                        || find(target).is_some_and(|f| matches!(f.ty, Type::Date(_)));
                    if !fits {
                        wrong.push((
                            order.name(),
                            target.clone(),
                            "a date field, or `date` (the note's)",
                        ));
                    }
                }
            }
            Type::Time(bounds) => {
                for (order, target) in bounds {
                    let fits = siblings
                        .iter()
                        .any(|f| &f.name == target && matches!(f.ty, Type::Time(_)));
                    if !fits {
                        wrong.push((order.name(), target.clone(), "a time field beside it"));
                    }
                }
            }
            Type::Dates(Some((start, end))) => {
                for (option, name) in [("start", start), ("end", end)] {
                    let fits = siblings
                        .iter()
                        .any(|f| &f.name == name && matches!(f.ty, Type::Date(_)));
                    if !fits {
                        wrong.push((option, name.clone(), "a date field beside it"));
                    }
                }
            }
            Type::Ordinal(GenderOf::Field(name)) => {
                let fits = siblings
                    .iter()
                    .any(|f| &f.name == name && matches!(f.ty, Type::Gender) && f.required);
                if !fits {
                    wrong.push((
                        "gender",
                        name.clone(),
                        "a required `gender` field beside it, or `masculine` or `feminine`",
                    ));
                }
            }
            _ => {}
        }
        for (option, target, what) in wrong {
            self.problems.push(self.file.error(
                &format!("{at}.{option}"),
                format!("`{target}` is not {what}"),
            ));
        }
    }
}

/// The field at a path of names from the top: `meeting.start`.
fn find_path<'a>(fields: &'a [Field], path: &str) -> Option<&'a Field> {
    let (head, rest) = match path.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    let field = fields.iter().find(|f| f.name == head)?;
    match (rest, &field.ty) {
        (None, _) => Some(field),
        (Some(rest), Type::Record(inner)) => find_path(inner, rest),
        _ => None,
    }
}
