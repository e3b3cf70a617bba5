//! Note kinds as data. A kind is three files of the template set:
//! `<kind>.yaml`, its schema (a description in both languages and its typed
//! fields), and `<kind>.fr.typ` and `<kind>.en.typ`, its templates. A
//! meeting file holds the frame every kind shares and the fields its kind
//! declares; each field's type reads it ([`read`]), checks it, and puts it
//! into a note's language ([`localize`]) before any template sees it. No code
//! here names a kind.

mod field;
mod read;
mod schema;
pub mod types;
mod value;

use std::path::Path;
use std::sync::{Arc, OnceLock};

pub use self::field::{Field, FieldType, Type, TypeInfo, localize};
pub use self::read::read;
pub use self::types::TYPES;
pub use self::value::{Address, Value, Values};
use crate::assets::{Asset, Assets};
use crate::error::{Diagnostic, Error, Result, SourceText};
use crate::locale::Lang;
use crate::template::note_template_lang;
use crate::values::Translated;

/// A kind of note: what its meeting files hold, and what it is for.
#[derive(Debug)]
pub struct Kind {
    /// Its name, as `kind:` gives it: `invitation`.
    pub name: String,
    /// What notes of this kind are for, in both languages.
    pub description: Translated,
    /// Whether the note's body is the frame's `paragraphs`, the first
    /// continuing the opening after `honour` (`lead: true`): they must be
    /// given, and the first is running text.
    pub lead: bool,
    /// The openings its templates are written for (`openings:`): with
    /// compliments alone unless the schema says otherwise.
    pub openings: Vec<crate::meeting::Opening>,
    /// Whether a note of this kind follows an earlier one (`follows:
    /// true`): its opening refers to it, « comme suite à sa note … »,
    /// "further to its note …", the meeting file's `refers_to` or, when it
    /// extends another file, that file's note.
    pub follows: bool,
    /// The roles that send notes of this kind (`senders:`), or any.
    pub senders: Vec<crate::meeting::Role>,
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

/// Every kind of a template set. A kind's schema is read and checked when
/// the kind is first asked for: a note reads its own kind's alone, and a
/// mistake in another kind's schema does not stop it.
#[derive(Debug, Default)]
pub struct Kinds {
    schemas: Vec<Schema>,
    /// Names that have templates but no schema.
    unschematic: Vec<String>,
    /// Files that look like a kind's but make none.
    warnings: Vec<Diagnostic>,
}

/// A kind's schema file, and the kind it makes once read.
#[derive(Debug)]
struct Schema {
    name: String,
    /// The languages the kind has a template for.
    languages: Vec<Lang>,
    /// The template set it belongs to ([`Assets::set`]).
    set: &'static str,
    /// The file, `<kind>.yaml`.
    asset: Asset,
    kind: OnceLock<Result<Arc<Kind>, Vec<Diagnostic>>>,
}

impl Schema {
    /// The kind, its schema read and checked the first time.
    fn kind(&self) -> Result<Arc<Kind>> {
        self.kind
            .get_or_init(|| {
                let file = format!("{}.yaml", self.name);
                let text = self
                    .asset
                    .text(self.set, &file)
                    .map_err(|e| e.into_diagnostics())?;
                let display = self.asset.display_name(self.set, &file);
                let yaml = crate::yaml::YamlFile::from_text(Path::new(&display), text);
                schema::read(&self.name, &yaml, self.languages.clone()).map(Arc::new)
            })
            .clone()
            .map_err(Error::Invalid)
    }
}

impl Kinds {
    /// The kinds of a template set: each `<kind>.yaml` beside a template
    /// `<kind>.<lang>.typ`, its schema read when first needed.
    pub fn new(templates: &Assets) -> Self {
        let mut names: Vec<String> = templates
            .iter()
            .filter_map(|(name, _)| {
                note_template_lang(name)?;
                let stem = name.strip_suffix(".typ")?;
                Some(stem.rsplit_once('.')?.0.to_owned())
            })
            .collect();
        names.dedup();
        let mut schemas = Vec::new();
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
            schemas.push(Schema {
                set: templates.set,
                asset: asset.clone(),
                name,
                languages,
                kind: OnceLock::new(),
            });
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
            if schemas.iter().any(|k| k.name == stem) {
                continue;
            }
            let looks_like_schema = asset
                .text(templates.set, file)
                .ok()
                .and_then(|text| serde_yaml::from_str::<serde_yaml::Mapping>(text).ok())
                .is_some_and(|top| top.contains_key("fields") && top.contains_key("description"));
            if looks_like_schema {
                warnings.push(
                    Diagnostic::warning(format!(
                        "the schema `{file}` has no template `{stem}.fr.typ` or `{stem}.en.typ`: it is no kind"
                    ))
                    .in_file(asset.display_name(templates.set, file))
                    .hint("name its templates after it, as `<kind>.fr.typ` and `<kind>.en.typ`"),
                );
            }
        }
        Self {
            schemas,
            unschematic,
            warnings,
        }
    }

    /// What looks like a kind's file but makes none: templates without a
    /// schema, a schema without templates.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The names of the kinds, whether or not their schemas hold.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.schemas.iter().map(|s| s.name.as_str())
    }

    /// Every kind, by name, each schema read and checked; the mistakes of
    /// them all, if any has one.
    pub fn all(&self) -> Result<Vec<Arc<Kind>>> {
        let mut kinds = Vec::new();
        let mut problems = Vec::new();
        for schema in &self.schemas {
            match schema.kind() {
                Ok(kind) => kinds.push(kind),
                Err(error) => problems.extend(error.into_diagnostics()),
            }
        }
        if problems.is_empty() {
            Ok(kinds)
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// The kind named `name`, or what to tell the writer who named it.
    pub fn get(&self, name: &str) -> Result<Arc<Kind>> {
        if let Some(schema) = self.schemas.iter().find(|k| k.name == name) {
            return schema.kind();
        }
        if self.unschematic.iter().any(|n| n == name) {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the kind `{name}` has templates but no schema, `{name}.yaml`"
                ))
                .hint("a kind's schema gives its fields: see the template author's guide, docs/kinds.md"),
            ));
        }
        let names: Vec<&str> = self.names().collect();
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
