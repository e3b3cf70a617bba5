//! The values every part of a note is made of, as meeting files and lists
//! write them: texts in every language of the note ([`Translated`]), texts
//! the same in every language ([`Text`]), dates and times of day, and the
//! shapes of what notes cite (symbols, e-mail and web addresses, telephone
//! numbers).

mod shapes;
mod text;

pub use self::shapes::{
    href, is_document_symbol, is_email, is_phone, is_resolution_symbol, is_web_address,
};
pub use self::text::{Date, Paragraph, Text, Time, Translated, reading_in};
pub(crate) use self::text::{cleaned_option, parse_date};
