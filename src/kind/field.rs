//! A kind's field and what its type does: the interface every field type
//! implements ([`FieldType`]), and what a type works with while it reads a
//! value ([`Reader`]), checks it ([`Checker`]), reads its schema options
//! ([`Options`]) and checks the fields they name ([`Scope`]).

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json, json};
use serde_yaml::{Mapping, Value as Yaml};

use super::value::{Value, Values};
use crate::error::Diagnostic;
use crate::locale::{DateStyle, Lang};
use crate::yaml::YamlFile;

/// A field of a kind.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its key in the meeting file and its name in templates.
    pub name: String,
    /// What it holds, and how it is read, checked and put into a language.
    pub ty: Type,
    /// What it means, in one line.
    pub doc: String,
    /// Whether a meeting file must give it; a list that is required needs
    /// one item at least.
    pub required: bool,
    /// A value as a meeting file writes it.
    pub example: Option<serde_yaml::Value>,
    /// What to do when it is wrong, in the kind's own words.
    pub hint: Option<String>,
}

impl Field {
    /// Whether a meeting file writes this field: a range made of two other
    /// fields is not written.
    pub fn is_written(&self) -> bool {
        self.ty.made_of().is_none()
    }

    /// Whether the field is of the type `info`.
    pub fn is(&self, info: &TypeInfo) -> bool {
        std::ptr::eq(self.ty.info(), info)
    }
}

/// What a field type does.
pub trait FieldType: Any + fmt::Debug + Send + Sync {
    /// Its entry in [`TYPES`].
    fn info(&self) -> &'static TypeInfo;

    /// The JSON Schema of a value as a meeting file writes it, for
    /// editors.
    fn json_schema(&self) -> Json;

    /// The options its schema gave, as `kinds` shows them: `weekday`,
    /// `not_before date`, `min 1`.
    fn options(&self) -> Vec<String> {
        Vec::new()
    }

    /// Reads a value written in a meeting file at `at`; a mistake is noted
    /// in `reader` and gives `None`.
    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value>;

    /// Checks what reading alone cannot: bounds, shapes, how dates stand to
    /// each other.
    fn check(&self, _field: &Field, _value: &Value, _at: &Place, _checker: &mut Checker) {}

    /// The value in `lang`, as templates receive it; `siblings` are the
    /// values of its record.
    fn localize(&self, value: &Value, siblings: &Values, lang: Lang, dates: DateStyle) -> Json;

    /// The fields the schema names from this one, checked: each wrong one
    /// as its option, the name given, and what it should name.
    fn references(&self, _scope: &Scope) -> Vec<Reference> {
        Vec::new()
    }

    /// A record's fields, for a type made of fields.
    fn fields(&self) -> Option<&[Field]> {
        None
    }

    /// Whether a value is a list: an absent one is an empty list, and a
    /// required one needs an item.
    fn is_list(&self) -> bool {
        false
    }

    /// The two fields of the same record a value is made of, for a type
    /// that a meeting file does not write (a range of two dates).
    fn made_of(&self) -> Option<(&str, &str)> {
        None
    }

    /// The value made of its record's other values, for a type that
    /// [`made_of`](Self::made_of) names.
    fn make(&self, _record: &Values) -> Value {
        Value::Absent
    }
}

/// A field's type: shared by every field that has it.
pub type Type = Arc<dyn FieldType>;

/// A field type's entry in the table.
pub struct TypeInfo {
    /// Its name in a schema: `date`.
    pub name: &'static str,
    /// How a meeting file writes a value, as the guide says.
    pub written: &'static str,
    /// What a template receives for it, as the guide says.
    pub gives: &'static str,
    /// The options its schema accepts beside `type`, `doc`, `required`,
    /// `example` and `hint`.
    pub options: &'static [&'static str],
    /// Makes the type from its options.
    pub build: fn(&mut Options) -> Type,
}

impl fmt::Debug for TypeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A wrong name of a field that a schema option gives.
#[derive(Debug)]
pub struct Reference {
    /// The option: `not_before`.
    pub option: &'static str,
    /// The name it gives.
    pub target: String,
    /// What it should name: `a date field beside it`.
    pub what: &'static str,
}

/// Where a value stands: its path, its record's path and its record's
/// fields.
pub struct Place<'a> {
    /// The value's path: `meeting.start`.
    pub at: &'a str,
    /// Its record's path: `meeting`, or empty at the top.
    pub parent: &'a str,
    /// Its record's fields.
    pub siblings: &'a [Field],
}

/// Reads the fields of a record's schema, at a path, noting its mistakes.
pub(super) type ReadFields = dyn Fn(&YamlFile, &str, &Mapping, &mut Vec<Diagnostic>) -> Vec<Field>;

/// A field's options in its schema, read by its type: each mistake is
/// noted at the option.
pub struct Options<'a> {
    pub(super) file: &'a YamlFile,
    /// The field's path in the schema: `fields.deadline`.
    pub(super) at: &'a str,
    pub(super) given: Mapping,
    pub(super) problems: &'a mut Vec<Diagnostic>,
    /// Reads the fields of a record.
    pub(super) fields: &'a ReadFields,
}

impl Options<'_> {
    /// The option `name` read as a `T`, if the schema gives it.
    pub fn get<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let value = self.given.get(name)?.clone();
        match self.file.read_value(&format!("{}.{name}", self.at), value) {
            Ok(value) => Some(value),
            Err(error) => {
                self.problems.extend(error.into_diagnostics());
                None
            }
        }
    }

    /// A needed option that the schema does not give, with what to write.
    pub fn missing(&mut self, ty: &str, option: &str, what: &str) {
        self.problems.push(
            self.file
                .error(self.at, format!("a field of type `{ty}` needs `{option}`"))
                .hint(what.to_owned()),
        );
    }

    /// A mistake in the option `name`.
    pub fn wrong(&mut self, name: &str, message: String) {
        let at = format!("{}.{name}", self.at);
        self.problems.push(self.file.error(&at, message));
    }

    /// The fields of a record, from the option `fields`.
    pub fn fields(&mut self, ty: &str) -> Vec<Field> {
        match self.given.get("fields") {
            Some(Yaml::Mapping(inner)) if !inner.is_empty() => {
                let inner = inner.clone();
                (self.fields)(
                    self.file,
                    &format!("{}.fields", self.at),
                    &inner,
                    self.problems,
                )
            }
            _ => {
                self.missing(
                    ty,
                    "fields",
                    "give its fields, each with a `type` and a `doc`",
                );
                Vec::new()
            }
        }
    }
}

/// How a value stands to another: a date to a date, a time to a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Strictly before.
    Before,
    /// Strictly after.
    After,
    /// The same or after.
    NotBefore,
    /// The same or before.
    NotAfter,
}

impl Order {
    /// Every order, with its option's name.
    pub const ALL: [Order; 4] = [
        Order::Before,
        Order::After,
        Order::NotBefore,
        Order::NotAfter,
    ];

    /// The schema's name of this order.
    pub fn name(self) -> &'static str {
        match self {
            Order::Before => "before",
            Order::After => "after",
            Order::NotBefore => "not_before",
            Order::NotAfter => "not_after",
        }
    }

    /// How a value that breaks this order stands to the other: `not
    /// before`, for a date that must be before another.
    pub fn broken(self) -> &'static str {
        match self {
            Order::Before => "not before",
            Order::After => "not after",
            Order::NotBefore => "before",
            Order::NotAfter => "after",
        }
    }

    /// Whether `value` (a date, a time) stands so to `other`.
    pub fn holds<T: Ord>(self, value: T, other: T) -> bool {
        match self {
            Order::Before => value < other,
            Order::After => value > other,
            Order::NotBefore => value >= other,
            Order::NotAfter => value <= other,
        }
    }

    /// The orders a schema gives a field, each with the field it names.
    pub fn read_all(options: &mut Options) -> Vec<(Order, String)> {
        Order::ALL
            .into_iter()
            .filter_map(|order| Some((order, options.get::<String>(order.name())?)))
            .collect()
    }

    /// The orders as `kinds` shows them: `not_before date`.
    pub fn describe(orders: &[(Order, String)]) -> Vec<String> {
        orders
            .iter()
            .map(|(order, target)| format!("{} {target}", order.name()))
            .collect()
    }
}

/// A type, to share.
pub fn new(ty: impl FieldType + 'static) -> Type {
    Arc::new(ty)
}

/// A doc line as the end of a sentence: "Its first day." gives "its first day".
fn lower_first(doc: &str) -> String {
    crate::locale::lower_first(doc.trim_end_matches('.'))
}

/// `parent.name`, or `name` at the top.
pub(crate) fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// Reads values, collecting what is wrong.
pub struct Reader<'a> {
    /// The meeting file.
    pub file: &'a YamlFile,
    /// The mistakes found so far.
    pub problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    /// The fields of a record at `at`; its unknown keys are mistakes unless
    /// it is the top of the file.
    pub fn record(&mut self, fields: &[Field], node: &Mapping, at: &str, closed: bool) -> Values {
        if closed {
            let written: Vec<&str> = fields
                .iter()
                .filter(|f| f.is_written())
                .map(|f| f.name.as_str())
                .collect();
            for key in node.keys() {
                let key = key.as_str().unwrap_or_default();
                if !written.contains(&key) {
                    self.problems
                        .push(self.file.unknown_field(&join(at, key), key, &written));
                }
            }
        }
        let mut values = Values::default();
        for field in fields.iter().filter(|f| f.is_written()) {
            let path = join(at, &field.name);
            let value = match node.get(field.name.as_str()) {
                None if field.required => {
                    self.problems.push(
                        self.file
                            .error(at, format!("missing field `{}`", field.name))
                            .hint(format!("add `{}`: {}", field.name, lower_first(&field.doc))),
                    );
                    Value::Absent
                }
                Some(Yaml::Null) if field.required => {
                    self.problems.push(
                        self.file
                            .error(&path, format!("the field `{}` is empty", field.name))
                            .hint(format!("give {}", lower_first(&field.doc))),
                    );
                    Value::Absent
                }
                None | Some(Yaml::Null) => Value::Absent,
                Some(node) => field.ty.read(node, &path, self).unwrap_or(Value::Absent),
            };
            values.0.push((field.name.clone(), value));
        }
        // Values made of the record's others: a range of two of its dates.
        for field in fields.iter().filter(|f| !f.is_written()) {
            let value = field.ty.make(&values);
            values.0.push((field.name.clone(), value));
        }
        values
    }

    /// `node` read as a `T`, or the mistake noted.
    pub fn parse<T: serde::de::DeserializeOwned>(&mut self, at: &str, node: &Yaml) -> Option<T> {
        match self.file.read_value(at, node.clone()) {
            Ok(value) => Some(value),
            Err(error) => {
                self.problems.extend(error.into_diagnostics());
                None
            }
        }
    }

    /// A value of the wrong shape: `expected` says the right one.
    pub fn wrong_shape<T>(&mut self, at: &str, node: &Yaml, expected: &str) -> Option<T> {
        let found = match node {
            Yaml::Sequence(_) => "sequence",
            Yaml::Mapping(_) => "mapping",
            Yaml::String(_) => "string",
            Yaml::Number(_) => "number",
            Yaml::Bool(_) => "boolean",
            _ => "value",
        };
        self.problems.push(
            self.file
                .error(at, format!("invalid type: {found}, expected {expected}")),
        );
        None
    }
}

/// Every date and time of a set of values, by its path.
#[derive(Default)]
pub struct Moments {
    /// The dates.
    pub dates: HashMap<String, NaiveDate>,
    /// The times of day.
    pub times: HashMap<String, NaiveTime>,
}

impl Moments {
    /// Collects the dates and times of `values`, at `at`.
    pub fn collect(&mut self, values: &Values, at: &str) {
        for (name, value) in &values.0 {
            let path = join(at, name);
            match value {
                Value::Date(date) => {
                    self.dates.insert(path, *date);
                }
                Value::Time(time) => {
                    self.times.insert(path, *time);
                }
                Value::Record(inner) => self.collect(inner, &path),
                Value::Records(list) => {
                    for (i, inner) in list.iter().enumerate() {
                        self.collect(inner, &format!("{path}[{i}]"));
                    }
                }
                _ => {}
            }
        }
    }
}

/// Checks what reading alone cannot: bounds, shapes, dates.
pub struct Checker<'a> {
    /// The meeting file.
    pub file: &'a YamlFile,
    /// The mistakes found so far.
    pub problems: Vec<Diagnostic>,
    /// Every date and time of the file, by path.
    pub moments: Moments,
    /// The note's date, if it is one.
    pub note_date: Option<NaiveDate>,
    /// The values at the top of the file, for a field that compares its
    /// value with another's.
    pub root: &'a Values,
}

impl Checker<'_> {
    /// Checks the values of one record, at `at`.
    pub fn check(&mut self, fields: &[Field], values: &Values, at: &str) {
        for field in fields {
            let Some(value) = values.get(&field.name) else {
                continue;
            };
            let path = join(at, &field.name);
            if value.is_empty_list() && field.required {
                self.error(
                    field,
                    &path,
                    "the list is empty: give one item at least".into(),
                );
            }
            let place = Place {
                at: &path,
                parent: at,
                siblings: fields,
            };
            field.ty.check(field, value, &place, self);
        }
    }

    /// A mistake about the field at `at`, with the field's own hint.
    pub fn error(&mut self, field: &Field, at: &str, message: String) -> &mut Diagnostic {
        let mut diagnostic = self.file.error(at, message);
        if let Some(hint) = &field.hint {
            diagnostic = diagnostic.hint(hint.clone());
        }
        self.problems.push(diagnostic);
        self.problems.last_mut().expect("just pushed")
    }
}

/// The values of `fields` in `lang`, its dates in `dates`' style, by name.
pub fn localize(
    fields: &[Field],
    values: &Values,
    lang: Lang,
    dates: DateStyle,
) -> Map<String, Json> {
    let mut out = Map::new();
    for field in fields {
        let value = match values.get(&field.name).unwrap_or(&Value::Absent) {
            // An absent list is an empty one, which a template loops over
            // as well.
            Value::Absent if field.ty.is_list() => json!([]),
            Value::Absent => Json::Null,
            value => field.ty.localize(value, values, lang, dates),
        };
        out.insert(field.name.clone(), value);
    }
    out
}

/// The fields a field's options may name: those of its record, and, by a
/// path, those of the file's top.
pub struct Scope<'a> {
    siblings: &'a [Field],
    root: &'a [Field],
}

impl<'a> Scope<'a> {
    /// The fields of a record, in a schema whose top fields are `root`.
    pub fn new(siblings: &'a [Field], root: &'a [Field]) -> Self {
        Self { siblings, root }
    }

    /// The field of the same record named `name`.
    pub fn sibling(&self, name: &str) -> Option<&'a Field> {
        self.siblings.iter().find(|f| f.name == name)
    }

    /// The field of the same record named `name`, or else the field at the
    /// path `name` from the top.
    pub fn find(&self, name: &str) -> Option<&'a Field> {
        self.sibling(name).or_else(|| find_path(self.root, name))
    }
}

/// The field at a path of names from the top: `meeting.start`.
fn find_path<'a>(fields: &'a [Field], path: &str) -> Option<&'a Field> {
    let (head, rest) = match path.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    let field = fields.iter().find(|f| f.name == head)?;
    match rest {
        None => Some(field),
        // A record's fields, not a list's.
        Some(rest) if !field.ty.is_list() => find_path(field.ty.fields()?, rest),
        Some(_) => None,
    }
}
