//! A kind's fields read from a meeting file: each type parses its value and
//! checks it, and dates are checked against each other and against the
//! note's date. Every mistake is located at its field.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Deserialize;
use serde_yaml::{Mapping, Value as Yaml};

use super::{Bounds, DateRules, Field, Order, Symbol, Type};
use crate::error::{Diagnostic, Severity};
use crate::locale::Gender;
use crate::meeting::{
    Bilingual, Date, Text, Time, is_document_symbol, is_email, is_phone, is_resolution_symbol,
    is_web_address,
};
use crate::states::States;
use crate::yaml::YamlFile;

/// A field's value, as its type read it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An optional field the file does not give.
    Absent,
    /// A text or a quotation.
    Text(Bilingual),
    /// Texts or paragraphs.
    Texts(Vec<Bilingual>),
    /// A date.
    Date(NaiveDate),
    /// A range of dates, first and last.
    Dates(NaiveDate, NaiveDate),
    /// A time of day.
    Time(NaiveTime),
    /// An integer or an ordinal.
    Number(i64),
    /// Integers.
    Numbers(Vec<i64>),
    /// A symbol, an e-mail or web address, a telephone number, a choice.
    Word(String),
    /// A State, by its code.
    State(String),
    /// An address block.
    Address(Address),
    /// A gender.
    Gender(Gender),
    /// Yes or no.
    Boolean(bool),
    /// A record's fields.
    Record(Values),
    /// Records.
    Records(Vec<Values>),
}

/// Fields and their values, in the schema's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values(pub Vec<(String, Value)>);

impl Values {
    /// The value of the field `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// An address block: postal lines, telephone, fax, e-mail, website.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// The postal address, one line each.
    pub address: Vec<Bilingual>,
    /// Telephone, in international form: `+41 22 917 1234`.
    #[serde(default)]
    pub phone: Option<Text>,
    /// Fax, in international form.
    #[serde(default)]
    pub fax: Option<Text>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<Text>,
    /// Website, with or without `https://`.
    #[serde(default)]
    pub website: Option<Text>,
}

/// A range written in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    start: Date,
    end: Date,
}

/// Reads the fields of a kind from the top mapping of a meeting file; the
/// note's date, when it is one, bounds deadlines. Unknown keys at the top
/// are not looked at: they may be the frame's.
pub fn read(
    fields: &[Field],
    top: &Mapping,
    file: &YamlFile,
    note_date: Option<NaiveDate>,
) -> (Values, Vec<Diagnostic>) {
    let mut reader = Reader {
        file,
        problems: Vec::new(),
    };
    let values = reader.record(fields, top, "", false);
    let mut moments = Moments::default();
    moments.collect(&values, "");
    let mut checker = Checker {
        file,
        problems: reader.problems,
        moments,
        note_date,
    };
    checker.check(fields, &values, "");
    (values, checker.problems)
}

/// Whether `example` is a value that `field` takes: what is wrong with it,
/// if anything.
pub(super) fn example(field: &Field, example: &Yaml) -> Result<(), Vec<String>> {
    let mut top = Mapping::new();
    top.insert(Yaml::String(field.name.clone()), example.clone());
    let text = serde_yaml::to_string(&top).unwrap_or_default();
    let file = YamlFile::from_text(Path::new("example"), text);
    let (_, problems) = read(std::slice::from_ref(field), &top, &file, None);
    let errors: Vec<String> = problems
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match d.field {
            Some(inner) if inner != field.name => format!("{} (field `{inner}`)", d.message),
            _ => d.message,
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A doc line as the end of a sentence: "Its first day." gives "its first day".
fn lower_first(doc: &str) -> String {
    let doc = doc.trim_end_matches('.');
    let mut chars = doc.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `parent.name`, or `name` at the top.
fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// Parses values, collecting what is wrong.
struct Reader<'a> {
    file: &'a YamlFile,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    /// The fields of a record at `at`; its unknown keys are mistakes unless
    /// it is the top of the file.
    fn record(&mut self, fields: &[Field], node: &Mapping, at: &str, closed: bool) -> Values {
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
                Some(node) => self.value(field, node, &path),
            };
            values.0.push((field.name.clone(), value));
        }
        // Ranges made of two of the record's dates.
        for field in fields {
            if let Type::Dates(Some((start, end))) = &field.ty {
                let value = match (values.get(start), values.get(end)) {
                    (Some(Value::Date(start)), Some(Value::Date(end))) => {
                        Value::Dates(*start, *end)
                    }
                    _ => Value::Absent,
                };
                values.0.push((field.name.clone(), value));
            }
        }
        values
    }

    /// One field's value, as its type reads it.
    fn value(&mut self, field: &Field, node: &Yaml, at: &str) -> Value {
        let parsed = match &field.ty {
            Type::Text | Type::Quotation => self.parse(at, node).map(Value::Text),
            Type::Texts | Type::Paragraphs => self.parse(at, node).map(Value::Texts),
            Type::Date(_) => self.parse::<Date>(at, node).map(|d| Value::Date(d.0)),
            Type::Dates(_) => self
                .parse::<Range>(at, node)
                .map(|r| Value::Dates(r.start.0, r.end.0)),
            Type::Ordinal(_) => self.parse::<u32>(at, node).map(|n| Value::Number(n.into())),
            Type::Integer(_) => self.parse(at, node).map(Value::Number),
            Type::Integers(_) => self.parse(at, node).map(Value::Numbers),
            Type::Time(_) => self.parse::<Time>(at, node).map(|t| Value::Time(t.0)),
            Type::Symbol(_) | Type::Email | Type::Url | Type::Phone => {
                self.parse::<Text>(at, node).map(|t| Value::Word(t.0))
            }
            Type::State => self
                .parse::<Text>(at, node)
                .and_then(|t| self.state(at, &t.0)),
            Type::Choice(names) => self.parse::<Text>(at, node).and_then(|t| {
                if names.contains(&t.0) {
                    Some(Value::Word(t.0))
                } else {
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    self.problems
                        .push(self.file.unknown_variant(at, &t.0, &names));
                    None
                }
            }),
            Type::Address => self.parse(at, node).map(Value::Address),
            Type::Gender => self
                .parse::<NounGender>(at, node)
                .map(|g| Value::Gender(g.0)),
            Type::Boolean => self.parse(at, node).map(Value::Boolean),
            Type::Record(fields) => match node {
                Yaml::Mapping(mapping) => {
                    Some(Value::Record(self.record(fields, mapping, at, true)))
                }
                _ => self.wrong_shape(at, node, "a mapping of fields"),
            },
            Type::Records(fields) => match node {
                Yaml::Sequence(items) => Some(Value::Records(
                    items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, item)| {
                            let at = format!("{at}[{i}]");
                            match item {
                                Yaml::Mapping(mapping) => {
                                    Some(self.record(fields, mapping, &at, true))
                                }
                                _ => self.wrong_shape(&at, item, "a mapping of fields"),
                            }
                        })
                        .collect(),
                )),
                _ => self.wrong_shape(at, node, "a list of records, `- …` each"),
            },
        };
        parsed.unwrap_or(Value::Absent)
    }

    /// The State that `written` names, by its code, or the mistake noted.
    fn state(&mut self, at: &str, written: &str) -> Option<Value> {
        let states = States::builtin();
        if let Some(code) = states.find(written) {
            return Some(Value::State(code.to_owned()));
        }
        let mut error = self.file.error(
            at,
            format!("`{written}` is not a State of the list of missions"),
        );
        if let Some(hint) = crate::misspelling::did_you_mean(&states.suggest(written)) {
            error = error.hint(hint);
        }
        error = error.hint(
            "give the State's three-letter code (ISO 3166), as `CHE`, or its name, as `Switzerland` or `la Suisse`",
        );
        self.problems.push(error);
        None
    }

    /// `node` read as a `T`, or the mistake noted.
    fn parse<T: serde::de::DeserializeOwned>(&mut self, at: &str, node: &Yaml) -> Option<T> {
        match self.file.read_value(at, node.clone()) {
            Ok(value) => Some(value),
            Err(error) => {
                self.problems.extend(error.into_diagnostics());
                None
            }
        }
    }

    fn wrong_shape<T>(&mut self, at: &str, node: &Yaml, expected: &str) -> Option<T> {
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

/// Whether the date field `field` among `fields` is already kept from
/// coming before `other`.
fn bounded(fields: &[Field], field: &str, other: &str) -> bool {
    fields.iter().any(|f| {
        f.name == field
            && matches!(&f.ty, Type::Date(rules) if rules.bounds.iter().any(|(order, target)| {
                matches!(order, Order::NotBefore | Order::After) && target == other
            }))
    })
}

/// A noun's gender, as a field of type `gender` reads it.
struct NounGender(Gender);

impl<'de> Deserialize<'de> for NounGender {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::locale::noun_gender(deserializer).map(NounGender)
    }
}

/// Every date and time of a set of values, by its path.
#[derive(Default)]
struct Moments {
    dates: HashMap<String, NaiveDate>,
    times: HashMap<String, NaiveTime>,
}

impl Moments {
    fn collect(&mut self, values: &Values, at: &str) {
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

/// Checks what types alone cannot: bounds, shapes, dates.
struct Checker<'a> {
    file: &'a YamlFile,
    problems: Vec<Diagnostic>,
    moments: Moments,
    note_date: Option<NaiveDate>,
}

impl Checker<'_> {
    fn check(&mut self, fields: &[Field], values: &Values, at: &str) {
        for field in fields {
            let Some(value) = values.get(&field.name) else {
                continue;
            };
            let path = join(at, &field.name);
            self.check_value(field, value, &path, at, fields);
        }
    }

    /// A mistake about the field at `at`, with the field's own hint.
    fn error(&mut self, field: &Field, at: &str, message: String) -> &mut Diagnostic {
        let mut diagnostic = self.file.error(at, message);
        if let Some(hint) = &field.hint {
            diagnostic = diagnostic.hint(hint.clone());
        }
        self.problems.push(diagnostic);
        self.problems.last_mut().expect("just pushed")
    }

    /// Checks one value at `at`, in the record at `parent` whose fields are
    /// `siblings`.
    fn check_value(
        &mut self,
        field: &Field,
        value: &Value,
        at: &str,
        parent: &str,
        siblings: &[Field],
    ) {
        let empty = match value {
            Value::Texts(list) => list.is_empty(),
            Value::Numbers(list) => list.is_empty(),
            Value::Records(list) => list.is_empty(),
            _ => false,
        };
        if empty && field.required {
            self.error(
                field,
                at,
                "the list is empty: give one item at least".into(),
            );
        }
        match (&field.ty, value) {
            (Type::Ordinal(_), Value::Number(n)) if !(1..=999).contains(n) => {
                self.error(field, at, format!("{n} is not an ordinal from 1 to 999"));
            }
            (Type::Integer(bounds), Value::Number(n)) => self.bounds(field, at, *bounds, &[*n]),
            (Type::Integers(bounds), Value::Numbers(list)) => self.bounds(field, at, *bounds, list),
            (Type::Symbol(symbol), Value::Word(text)) => self.symbol(field, at, *symbol, text),
            (Type::Email, Value::Word(text)) => self.email(field, at, text),
            (Type::Url, Value::Word(text)) => self.url(field, at, text),
            (Type::Phone, Value::Word(text)) => self.phone(field, at, text),
            (Type::Time(bounds), Value::Time(time)) => {
                for (order, target) in bounds {
                    let path = join(parent, target);
                    let Some(other) = self.moments.times.get(&path).copied() else {
                        continue;
                    };
                    if !order.holds(*time, other) {
                        let (time, other) = (time.format("%H:%M"), other.format("%H:%M"));
                        let relation = order.broken();
                        self.error(
                            field,
                            at,
                            format!("this time, {time}, is {relation} `{path}`, {other}"),
                        );
                    }
                }
            }
            (Type::Address, Value::Address(address)) => {
                if address.address.is_empty() {
                    self.error(
                        field,
                        &join(at, "address"),
                        "the address has no lines".into(),
                    );
                }
                for (key, number) in [("phone", &address.phone), ("fax", &address.fax)] {
                    if let Some(number) = number {
                        self.phone(field, &join(at, key), &number.0);
                    }
                }
                if let Some(email) = &address.email {
                    self.email(field, &join(at, "email"), &email.0);
                }
                if let Some(website) = &address.website {
                    self.url(field, &join(at, "website"), &website.0);
                }
            }
            (Type::Quotation, Value::Text(text)) => self.quotation(at, text),
            (Type::Date(rules), Value::Date(date)) => {
                self.date(field, at, parent, siblings, rules, *date)
            }
            (Type::Dates(Some((first, last))), Value::Dates(start, end))
                if end < start && !bounded(siblings, last, first) =>
            {
                self.error(
                    field,
                    &join(parent, last),
                    format!("the range ends on {end}, before it starts, on {start}"),
                );
            }
            (Type::Dates(None), Value::Dates(start, end)) if end < start => {
                self.error(
                    field,
                    &join(at, "end"),
                    format!("the range ends on {end}, before it starts, on {start}"),
                );
            }
            (Type::Record(fields), Value::Record(values)) => self.check(fields, values, at),
            (Type::Records(fields), Value::Records(list)) => {
                for (i, values) in list.iter().enumerate() {
                    self.check(fields, values, &format!("{at}[{i}]"));
                }
            }
            _ => {}
        }
    }

    fn bounds(&mut self, field: &Field, at: &str, bounds: Bounds, numbers: &[i64]) {
        let list = matches!(field.ty, Type::Integers(_));
        for (i, n) in numbers.iter().enumerate() {
            let at = if list {
                format!("{at}[{i}]")
            } else {
                at.to_owned()
            };
            let at = at.as_str();
            if let Some(min) = bounds.min.filter(|min| n < min) {
                self.error(
                    field,
                    at,
                    format!("{n} is below the least this field takes, {min}"),
                );
            } else if let Some(max) = bounds.max.filter(|max| n > max) {
                self.error(
                    field,
                    at,
                    format!("{n} is above the greatest this field takes, {max}"),
                );
            }
        }
    }

    fn symbol(&mut self, field: &Field, at: &str, symbol: Symbol, text: &str) {
        match symbol {
            Symbol::Resolution if !is_resolution_symbol(text) => {
                self.error(field, at, format!("`{text}` is not a resolution symbol"))
                    .hints
                    .push("write the session and number, as `70/54`, or the full symbol, as `A/RES/70/54`".into());
            }
            Symbol::Document if !is_document_symbol(text) => {
                self.error(field, at, format!("`{text}` is not a document symbol"))
                    .hints
                    .push(
                        "write it as the document bears it, as `A/72/123` or `CCM/MSP/2017/1`"
                            .into(),
                    );
            }
            _ => {}
        }
    }

    fn email(&mut self, field: &Field, at: &str, text: &str) {
        if !is_email(text) {
            self.error(field, at, format!("`{text}` is not an e-mail address"))
                .hints
                .push("write it as `ccm@unog.ch`, with no `mailto:` and no spaces".into());
        }
    }

    fn url(&mut self, field: &Field, at: &str, text: &str) {
        if !is_web_address(text) {
            self.error(field, at, format!("`{text}` is not a web address"))
                .hints
                .push("write it as `www.unog.ch/ccm` or `https://www.unog.ch/ccm`".into());
        }
    }

    fn phone(&mut self, field: &Field, at: &str, text: &str) {
        if !is_phone(text) {
            self.error(field, at, format!("`{text}` is not a telephone number in international form"))
                .hints
                .push("write it with the country code, the groups of digits after single spaces, between quotes: `\"+41 22 917 1234\"`".into());
        }
    }

    /// A quotation given with its own quotation marks would print them twice.
    fn quotation(&mut self, at: &str, text: &Bilingual) {
        const MARKS: &[char] = &['«', '»', '“', '”', '"', '„'];
        for (lang, text) in [("fr", &text.fr), ("en", &text.en)] {
            if text.starts_with(MARKS) || text.ends_with(MARKS) {
                let mut warning = self
                    .file
                    .error(
                        &join(at, lang),
                        "the quotation is given with quotation marks, which the note prints too",
                    )
                    .hint("give the text alone: the template sets the marks of the language")
                    .code("quotation-marks");
                warning.severity = Severity::Warning;
                self.problems.push(warning);
            }
        }
    }

    fn date(
        &mut self,
        field: &Field,
        at: &str,
        parent: &str,
        siblings: &[Field],
        rules: &DateRules,
        date: NaiveDate,
    ) {
        for (order, target) in &rules.bounds {
            // A name of a field beside this one is that field, and only it;
            // any other, a path from the top.
            let path = if target == "date" {
                None
            } else if siblings.iter().any(|f| &f.name == target) {
                Some(join(parent, target))
            } else {
                Some(target.clone())
            };
            let (label, other) = match path {
                None => ("the note's date".to_owned(), self.note_date),
                Some(path) => {
                    let other = self.moments.dates.get(&path).copied();
                    (format!("`{path}`"), other)
                }
            };
            let Some(other) = other else { continue };
            if !order.holds(date, other) {
                let relation = order.broken();
                self.error(
                    field,
                    at,
                    format!("this date, {date}, is {relation} {label}, {other}"),
                );
            }
        }
        if !rules.deadline {
            return;
        }
        if let Some(day) = self.note_date
            && date <= day
        {
            self.error(
                field,
                at,
                format!("this deadline, {date}, is not after the note's date, {day}"),
            )
            .hints
            .push("a note asks for what is due after it is sent".into());
        }
        let weekday = date.weekday();
        if matches!(weekday, chrono::Weekday::Sat | chrono::Weekday::Sun) {
            let mut warning = self
                .file
                .error(
                    at,
                    format!(
                        "this deadline, {date}, falls on a {weekday_name}",
                        weekday_name = weekday_name(weekday)
                    ),
                )
                .hint("offices are closed at weekends: the Friday before is the usual choice")
                .hint("if the day is right, say so beside it: `# allow(weekend-deadline): why`")
                .code("weekend-deadline");
            warning.severity = Severity::Warning;
            self.problems.push(warning);
        }
    }
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
    }
}
