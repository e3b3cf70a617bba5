//! `date`: a day, in words in the note's language, maybe with its weekday,
//! maybe a deadline, maybe bounded by other dates.

use chrono::{Datelike, NaiveDate};
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::error::Severity;
use crate::kind::field::{
    self, Checker, Field, FieldType, Options, Order, Place, Reader, Reference, Scope, TypeInfo,
    join,
};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Lang};
use crate::schema;
use crate::values::Date as Written;

/// `date`.
pub static DATE: TypeInfo = TypeInfo {
    name: "date",
    written: "`2017-09-04`",
    gives: "the date in words: `7 décembre 2015`, `Friday, 18 August 2017`",
    options: &[
        "weekday",
        "deadline",
        "before",
        "after",
        "not_before",
        "not_after",
    ],
    build,
};

fn build(options: &mut Options) -> field::Type {
    field::new(Date {
        weekday: options.get("weekday").unwrap_or(false),
        deadline: options.get("deadline").unwrap_or(false),
        bounds: Order::read_all(options),
    })
}

/// A day.
#[derive(Debug)]
pub struct Date {
    /// The date is printed with its weekday: "vendredi 18 août 2017".
    weekday: bool,
    /// The date is a deadline: after the note's date, and not at a weekend.
    deadline: bool,
    /// How it stands to other dates: a field (a sibling's name, or a path
    /// from the file's top) or `date`, the note's own.
    bounds: Vec<(Order, String)>,
}

impl Date {
    /// Whether this date is kept from coming before the date field `other`.
    pub(super) fn follows(&self, other: &str) -> bool {
        self.bounds.iter().any(|(order, target)| {
            matches!(order, Order::NotBefore | Order::After) && target == other
        })
    }
}

impl FieldType for Date {
    fn json_schema(&self) -> Json {
        schema::date()
    }

    fn info(&self) -> &'static TypeInfo {
        &DATE
    }

    fn options(&self) -> Vec<String> {
        let mut options = Vec::new();
        if self.weekday {
            options.push("weekday".into());
        }
        if self.deadline {
            options.push("deadline".into());
        }
        options.extend(Order::describe(&self.bounds));
        options
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader
            .parse::<Written>(at, node)
            .map(|date| Value::Date(date.0))
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let Value::Date(date) = *value else { return };
        let at = place.at;
        for (order, target) in &self.bounds {
            // A name of a field beside this one is that field, and only it;
            // any other, a path from the top.
            let path = if target == "date" {
                None
            } else if place.siblings.iter().any(|f| &f.name == target) {
                Some(join(place.parent, target))
            } else {
                Some(target.clone())
            };
            let (label, other) = match path {
                None => ("the note's date".to_owned(), checker.note_date),
                Some(path) => {
                    let other = checker.moments.dates.get(&path).copied();
                    (format!("`{path}`"), other)
                }
            };
            let Some(other) = other else { continue };
            if !order.holds(date, other) {
                let relation = order.broken();
                checker.error(
                    field,
                    at,
                    format!("this date, {date}, is {relation} {label}, {other}"),
                );
            }
        }
        if self.deadline {
            deadline(field, at, date, checker);
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, dates: DateStyle) -> Json {
        match value {
            Value::Date(date) if self.weekday => {
                locale::date_with_weekday_in(*date, lang, dates).into()
            }
            Value::Date(date) => locale::date_in(*date, lang, dates).into(),
            _ => Json::Null,
        }
    }

    fn references(&self, scope: &Scope) -> Vec<Reference> {
        self.bounds
            .iter()
            .filter(|(_, target)| {
                target != "date" && !scope.find(target).is_some_and(|f| f.is(&DATE))
            })
            .map(|(order, target)| Reference {
                option: order.name(),
                target: target.clone(),
                what: "a date field, or `date` (the note's)",
            })
            .collect()
    }
}

/// A deadline is after the note's date, and not at a weekend.
fn deadline(field: &Field, at: &str, date: NaiveDate, checker: &mut Checker) {
    if let Some(day) = checker.note_date
        && date <= day
    {
        checker
            .error(
                field,
                at,
                format!("this deadline, {date}, is not after the note's date, {day}"),
            )
            .hints
            .push("a note asks for what is due after it is sent".into());
    }
    let weekday = date.weekday();
    if matches!(weekday, chrono::Weekday::Sat | chrono::Weekday::Sun) {
        let name = if weekday == chrono::Weekday::Sat {
            "Saturday"
        } else {
            "Sunday"
        };
        let mut warning = checker
            .file
            .error(at, format!("this deadline, {date}, falls on a {name}"))
            .hint("offices are closed at weekends: the Friday before is the usual choice")
            .hint("if the day is right, say so beside it: `# allow(weekend-deadline): why`")
            .code("weekend-deadline");
        warning.severity = Severity::Warning;
        checker.problems.push(warning);
    }
}
