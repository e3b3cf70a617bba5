//! A kind's values as their types read them from a meeting file.

use chrono::{NaiveDate, NaiveTime};

use serde::Deserialize;

use crate::locale::Gender;
use crate::values::{Text, Translated};

/// A field's value, as its type read it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An optional field the file does not give.
    Absent,
    /// A text or a quotation.
    Text(Translated),
    /// Texts or paragraphs.
    Texts(Vec<Translated>),
    /// A date.
    Date(NaiveDate),
    /// A range of dates, first and last.
    Dates(NaiveDate, NaiveDate),
    /// A time of day.
    Time(NaiveTime),
    /// An earlier note: its reference, as written, and its date.
    NoteRef(String, NaiveDate),
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

impl Value {
    /// Whether this is a list without items.
    pub fn is_empty_list(&self) -> bool {
        match self {
            Value::Texts(list) => list.is_empty(),
            Value::Numbers(list) => list.is_empty(),
            Value::Records(list) => list.is_empty(),
            _ => false,
        }
    }
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
    pub address: Vec<Translated>,
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
