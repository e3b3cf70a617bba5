//! Note kinds as data. A kind is three files of the template set:
//! `<kind>.yaml`, its schema (a description in both languages and its typed
//! fields), and `<kind>.fr.typ` and `<kind>.en.typ`, its templates. A
//! meeting file holds the frame every kind shares and the fields its kind
//! declares; each field's type reads it ([`read`]), checks it, and puts it
//! into a note's language ([`localize`]) before any template sees it. No code
//! here names a kind.

mod localize;
mod read;
mod schema;

use std::path::Path;
use std::sync::Arc;

pub use self::localize::{href, localize};
pub use self::read::{Value, Values, read};
use crate::assets::Assets;
use crate::compose::note_template_lang;
use crate::error::{Diagnostic, Error, Result, SourceText};
use crate::locale::{Gender, Lang};
use crate::meeting::Bilingual;

/// A kind of note: what its meeting files hold, and what it is for.
#[derive(Debug)]
pub struct Kind {
    /// Its name, as `kind:` gives it: `invitation`.
    pub name: String,
    /// What notes of this kind are for, in both languages.
    pub description: Bilingual,
    /// Its fields, in the order of the schema.
    pub fields: Vec<Field>,
    /// Example values of frame fields that suit this kind (a sender, the
    /// addressees), for a new meeting file.
    pub frame: serde_yaml::Mapping,
    /// The languages it has a template for.
    pub languages: Vec<Lang>,
    /// The schema file, to point into it.
    pub source: SourceText,
}

/// A field of a kind.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its key in the meeting file and its name in templates.
    pub name: String,
    /// What it holds.
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

/// The type of a field, with its options.
#[derive(Debug, Clone)]
pub enum Type {
    /// A text in both languages.
    Text,
    /// A list of texts.
    Texts,
    /// Paragraphs, printed one after another.
    Paragraphs,
    /// An official text quoted as it is, in both languages.
    Quotation,
    /// A day.
    Date(DateRules),
    /// A range of days: written `{ start: …, end: … }`, or made of two date
    /// fields of the same record.
    Dates(Option<(String, String)>),
    /// A time of day, and how it stands to other times of the same record.
    Time(Vec<(Order, String)>),
    /// An ordinal number, 1 to 999, agreeing with a French noun's gender.
    Ordinal(GenderOf),
    /// A whole number.
    Integer(Bounds),
    /// A list of whole numbers: paragraphs 4 and 5.
    Integers(Bounds),
    /// A resolution or document symbol.
    Symbol(Symbol),
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
    /// A telephone or fax number, in international form.
    Phone,
    /// A State of the list of missions, by its code or a name.
    State,
    /// An address block: lines, telephone, fax, e-mail, website.
    Address,
    /// One of named values.
    Choice(Vec<String>),
    /// A French noun's gender: `masculine` or `feminine`.
    Gender,
    /// Yes or no.
    Boolean,
    /// Fields of their own.
    Record(Vec<Field>),
    /// A list of records, each with these fields.
    Records(Vec<Field>),
}

/// What a date must be.
#[derive(Debug, Clone, Default)]
pub struct DateRules {
    /// The date is printed with its weekday: "vendredi 18 août 2017".
    pub weekday: bool,
    /// The date is a deadline: after the note's date, and not at a weekend.
    pub deadline: bool,
    /// How it stands to other dates: a field (a sibling's name, or a path
    /// from the file's top) or `date`, the note's own.
    pub bounds: Vec<(Order, String)>,
}

/// How a date stands to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Strictly before.
    Before,
    /// Strictly after.
    After,
    /// The same day or after.
    NotBefore,
    /// The same day or before.
    NotAfter,
}

impl Order {
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
}

/// Where an ordinal takes its gender from.
#[derive(Debug, Clone)]
pub enum GenderOf {
    /// A gender field of the same record.
    Field(String),
    /// Always the same: the noun is written in the template ("session").
    Fixed(Gender),
}

/// The bounds of a number, inclusive.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    /// The least.
    pub min: Option<i64>,
    /// The greatest.
    pub max: Option<i64>,
}

/// What a symbol is the symbol of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    /// A General Assembly or Security Council resolution: `70/54`,
    /// `A/RES/70/54`, `S/RES/2334 (2016)`.
    Resolution,
    /// A United Nations document: `A/72/123`, `CCM/MSP/2017/1`.
    Document,
}

/// The field types, each with what a template receives for it: the list the
/// template author's guide gives.
pub const TYPES: &[(&str, &str)] = &[
    ("text", "the text in the note's language"),
    ("texts", "a list of texts in the note's language"),
    ("paragraphs", "a list of paragraphs in the note's language"),
    ("quotation", "the quoted text in the note's language"),
    (
        "date",
        "the date in words: `7 décembre 2015`, `Friday, 18 August 2017`",
    ),
    (
        "dates",
        "the range in words: `du 4 au 6 septembre 2017`, `from 4 to 6 September 2017`",
    ),
    (
        "time",
        "the time as notes write it: `10 heures`, `15 h 30`, `midi`; `10 a.m.`, `3.30 p.m.`, `noon`",
    ),
    (
        "ordinal",
        "the ordinal in words, lowercase: `septième`, `seventh`",
    ),
    ("integer", "the number"),
    ("integers", "a list of numbers (join them with `| and`)"),
    ("symbol", "the symbol as written"),
    ("email", "the address as written"),
    ("url", "the address as written (`| href` gives the link)"),
    (
        "phone",
        "the number, unbreakable: `(+41) 22 917 1234` in French, `+41 22 917 1234` in English",
    ),
    (
        "state",
        "`name` (`la Suisse`, `Switzerland`), `of` (`de la Suisse`, `of Switzerland`), `to` (`à la Suisse`, `to Switzerland`), `list_name`, `code`",
    ),
    (
        "address",
        "`address` (the lines), `phone`, `fax`, `email`, `website`, `website_url`",
    ),
    ("choice", "the name of the value chosen"),
    ("gender", "`masculine` or `feminine`"),
    ("boolean", "`true` or `false`"),
    ("record", "its fields, by name"),
    ("records", "a list of records"),
];

impl Type {
    /// The type's name in a schema.
    pub fn name(&self) -> &'static str {
        match self {
            Type::Text => "text",
            Type::Texts => "texts",
            Type::Paragraphs => "paragraphs",
            Type::Quotation => "quotation",
            Type::Date(_) => "date",
            Type::Dates(_) => "dates",
            Type::Time(_) => "time",
            Type::Ordinal(_) => "ordinal",
            Type::Integer(_) => "integer",
            Type::Integers(_) => "integers",
            Type::Symbol(_) => "symbol",
            Type::Email => "email",
            Type::Url => "url",
            Type::Phone => "phone",
            Type::State => "state",
            Type::Address => "address",
            Type::Choice(_) => "choice",
            Type::Gender => "gender",
            Type::Boolean => "boolean",
            Type::Record(_) => "record",
            Type::Records(_) => "records",
        }
    }
}

impl Field {
    /// Whether a meeting file writes this field: a range made of two other
    /// fields is not written.
    pub fn is_written(&self) -> bool {
        !matches!(self.ty, Type::Dates(Some(_)))
    }
}

/// The mistakes in a schema file read on its own (`noteverbale check
/// transmittal.yaml`), its kind named after the file.
pub fn check_schema(path: &Path) -> Result<Vec<Diagnostic>> {
    let file = crate::yaml::YamlFile::read(path)?;
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Ok(match schema::read(&name, &file, Vec::new()) {
        Ok(_) => Vec::new(),
        Err(found) => found,
    })
}

/// Every kind of a template set.
#[derive(Debug, Default)]
pub struct Kinds {
    kinds: Vec<Arc<Kind>>,
    /// Names that have templates but no schema.
    unschematic: Vec<String>,
    /// Files that look like a kind's but make none.
    warnings: Vec<Diagnostic>,
}

impl Kinds {
    /// The kinds of a template set: each `<kind>.yaml` beside a template
    /// `<kind>.<lang>.typ`, its schema read and checked.
    pub fn new(templates: &Assets) -> Result<Self> {
        let mut kinds = Vec::new();
        let mut problems = Vec::new();
        let mut names: Vec<String> = templates
            .iter()
            .filter_map(|(name, _)| {
                note_template_lang(name)?;
                let stem = name.strip_suffix(".typ")?;
                Some(stem.rsplit_once('.')?.0.to_owned())
            })
            .collect();
        names.dedup();
        let mut unschematic = Vec::new();
        for name in names {
            let languages: Vec<Lang> = Lang::ALL
                .into_iter()
                .filter(|lang| templates.get(&format!("{name}.{lang}.typ")).is_some())
                .collect();
            let file = format!("{name}.yaml");
            let Some(asset) = templates.get(&file) else {
                unschematic.push(name);
                continue;
            };
            let display = asset.display_name(templates.set, &file);
            let text = asset.text(templates.set, &file)?;
            let yaml = crate::yaml::YamlFile::from_text(Path::new(&display), text);
            match schema::read(&name, &yaml, languages) {
                Ok(kind) => kinds.push(Arc::new(kind)),
                Err(found) => problems.extend(found),
            }
        }
        let mut warnings: Vec<Diagnostic> = unschematic
            .iter()
            .map(|name| {
                Diagnostic::warning(format!(
                    "the templates of `{name}` have no schema, `{name}.yaml`: it is no kind"
                ))
                .in_file(
                    Lang::ALL
                        .iter()
                        .find_map(|lang| {
                            let file = format!("{name}.{lang}.typ");
                            Some(templates.get(&file)?.display_name(templates.set, &file))
                        })
                        .unwrap_or_default(),
                )
                .hint("a kind's schema gives its fields: see docs/kinds.md")
            })
            .collect();
        for (file, asset) in templates.iter() {
            let Some(stem) = file.strip_suffix(".yaml").filter(|s| !s.contains('/')) else {
                continue;
            };
            let looks_like_schema = asset
                .text(templates.set, file)
                .ok()
                .and_then(|text| serde_yaml::from_str::<serde_yaml::Mapping>(text).ok())
                .is_some_and(|top| top.contains_key("fields") && top.contains_key("description"));
            if looks_like_schema && !kinds.iter().any(|k| k.name == stem) {
                warnings.push(
                    Diagnostic::warning(format!(
                        "the schema `{file}` has no template `{stem}.fr.typ` or `{stem}.en.typ`: it is no kind"
                    ))
                    .in_file(asset.display_name(templates.set, file))
                    .hint("name its templates after it, as `<kind>.fr.typ` and `<kind>.en.typ`"),
                );
            }
        }
        if problems.is_empty() {
            Ok(Self {
                kinds,
                unschematic,
                warnings,
            })
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// What looks like a kind's file but makes none: templates without a
    /// schema, a schema without templates.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Every kind, by name.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Kind>> {
        self.kinds.iter()
    }

    /// The kind named `name`, or what to tell the writer who named it.
    pub fn get(&self, name: &str) -> Result<Arc<Kind>> {
        if let Some(kind) = self.kinds.iter().find(|k| k.name == name) {
            return Ok(kind.clone());
        }
        if self.unschematic.iter().any(|n| n == name) {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the kind `{name}` has templates but no schema, `{name}.yaml`"
                ))
                .hint("a kind's schema gives its fields: see the template author's guide, docs/kinds.md"),
            ));
        }
        let names: Vec<&str> = self.kinds.iter().map(|k| k.name.as_str()).collect();
        let diagnostic = Diagnostic::error(format!("there is no kind `{name}`"));
        let near = crate::misspelling::hint(name, &names, crate::misspelling::Near::Word);
        Err(Error::invalid(match near {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic.hint(format!(
                "the kinds are {}; `noteverbale kinds` describes them",
                crate::yaml::code_list(&names)
            )),
        }))
    }
}
