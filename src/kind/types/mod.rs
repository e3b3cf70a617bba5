//! The field types a kind's schema can give its fields, each in its own
//! file: its name, what a template receives for it, the options its schema
//! accepts, how a value is read and checked, and how it is put into a
//! note's language (the interface, [`super::field::FieldType`], is in [`super::field`]).
//! [`TYPES`] lists them all; the schema's type names, `kinds` and the
//! template author's guide come from it.
//!
//! Adding a type is one new file here, implementing `FieldType` and
//! exporting its [`TypeInfo`], and one line in [`TYPES`].

mod address;
mod boolean;
mod choice;
mod contact;
mod date;
mod dates;
mod gender;
mod name;
mod note_ref;
mod number;
mod ordinal;
mod record;
pub mod state;
mod symbol;
mod text;
mod time;

use super::field::TypeInfo;

/// Every field type, in the order the guide lists them.
pub static TYPES: &[&TypeInfo] = &[
    &text::TEXT,
    &text::TEXTS,
    &text::PARAGRAPHS,
    &text::QUOTATION,
    &date::DATE,
    &dates::DATES,
    &time::TIME,
    &note_ref::NOTE_REF,
    &ordinal::ORDINAL,
    &number::INTEGER,
    &number::INTEGERS,
    &symbol::SYMBOL,
    &name::NAME,
    &contact::EMAIL,
    &contact::URL,
    &contact::PHONE,
    &state::STATE,
    &address::ADDRESS,
    &choice::CHOICE,
    &gender::GENDER,
    &boolean::BOOLEAN,
    &record::RECORD,
    &record::RECORDS,
];

/// The type named `name`.
pub fn find(name: &str) -> Option<&'static TypeInfo> {
    TYPES.iter().copied().find(|t| t.name == name)
}

/// Every option of every type, once each, in the table's order.
pub fn all_options() -> Vec<&'static str> {
    let mut all: Vec<&str> = Vec::new();
    for option in TYPES.iter().flat_map(|t| t.options) {
        if !all.contains(option) {
            all.push(option);
        }
    }
    all
}
