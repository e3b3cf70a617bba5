//! The list of permanent missions a batch writes to: YAML or CSV, each record
//! checked on its own, so that one bad record spoils only its own note.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Location, Result};
use crate::locale::{Gender, Lang};
use crate::meeting::Bilingual;
use crate::yaml::YamlFile;

/// A permanent mission, addressed through its head.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// ISO 3166-1 alpha-3 code: `FRA`.
    pub code: String,
    /// The State's short name in running text: French with its article
    /// (`la France`, `Haïti`), English with "the" where English uses it.
    pub name: Bilingual,
    /// The name as the UN's lists write it, with a parenthesis, when it is
    /// not the name of running text: `Bolivie (État plurinational de)`.
    #[serde(default)]
    pub list_name: Option<Bilingual>,
    /// The language the mission receives notes in.
    pub language: Lang,
    /// Member State or observer State.
    #[serde(default)]
    pub status: Status,
    /// The head of mission, when known.
    #[serde(default)]
    pub representative: Option<Representative>,
    /// The mission's city, as `New York`.
    #[serde(default)]
    pub city: Option<String>,
    /// The mission's postal address, one line each.
    #[serde(default)]
    pub address: Vec<String>,
}

/// Whether the State is a Member of the United Nations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A Member State: a Permanent Representative.
    #[default]
    Member,
    /// A non-member observer State: a Permanent Observer.
    Observer,
}

/// What is known of the head of mission.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// Gender, for "au Représentant permanent" / "à la Représentante permanente".
    #[serde(default, deserialize_with = "crate::locale::person_gender")]
    pub gender: Option<Gender>,
    /// A title that replaces the usual one, as "Chargé d'affaires par intérim".
    #[serde(default)]
    pub title: Option<Bilingual>,
}

impl Recipient {
    /// The State's name as a list gives it, for sorting and listing:
    /// `Bolivia (Plurinational State of)`, `France`.
    pub fn list_name(&self, lang: Lang) -> &str {
        match &self.list_name {
            Some(name) => name.get(lang),
            None => crate::locale::without_article(self.name.get(lang), lang),
        }
    }

    /// The representative's gender, masculine when not given, as the UN's
    /// French writes by default.
    pub fn gender(&self) -> Gender {
        self.representative
            .as_ref()
            .and_then(|r| r.gender)
            .unwrap_or(Gender::Masculine)
    }
}

/// A record of the list and what became of it.
#[derive(Debug, Clone)]
pub struct Record {
    /// Which record of the file, from 0.
    pub index: usize,
    /// The code, when it could be read, for file names and reports.
    pub code: Option<String>,
    /// The recipient, or why the record is unusable.
    pub recipient: Result<Recipient, Vec<Diagnostic>>,
}

/// Reads a list of missions: `.csv` files as CSV, anything else as YAML.
pub fn load(path: &Path) -> Result<Vec<Record>> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let file = YamlFile::read(path)?;
    if is_csv {
        from_csv(&file)
    } else {
        from_yaml(&file)
    }
}

/// The YAML form: `missions:` and a list of records.
fn from_yaml(file: &YamlFile) -> Result<Vec<Record>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct List {
        missions: Vec<serde_yaml::Value>,
    }
    let list: List = file.parse()?;
    Ok(list
        .missions
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let code = value
                .get("code")
                .and_then(|c| c.as_str())
                .map(str::to_owned);
            let field = format!("missions[{index}]");
            let recipient = serde_path_to_error::deserialize::<_, Recipient>(value)
                .map_err(|error| {
                    let inner = error.path().to_string();
                    let path = if inner == "." {
                        field.clone()
                    } else {
                        format!("{field}.{inner}")
                    };
                    vec![file.error(&path, error.into_inner().to_string())]
                })
                .and_then(|recipient| check(recipient).map_err(|d| vec![file.error(&field, d)]));
            Record {
                index,
                code,
                recipient,
            }
        })
        .collect())
}

/// The CSV form, for lists kept in a spreadsheet: a header line naming the
/// columns `code`, `name_fr`, `name_en`, `language`, and optionally
/// `list_name_fr`, `list_name_en`, `status`, `gender`, `title_fr`, `title_en`, `city`, `address` (lines separated by
/// `|`). Each row becomes the record the YAML form would hold.
fn from_csv(file: &YamlFile) -> Result<Vec<Record>> {
    use serde_yaml::{Mapping, Value};

    let text: &str = &file.source.text;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(file, &e, "header"))?
        .clone();
    let mut records = Vec::new();
    for (index, row) in reader.records().enumerate() {
        let line = format!("row {}", index + 2);
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                let diagnostic = csv_error(file, &error, &line);
                records.push(Record {
                    index,
                    code: None,
                    recipient: Err(diagnostic.diagnostics().to_vec()),
                });
                continue;
            }
        };
        let offset = row.position().map_or(0, |p| p.byte() as usize);
        let cell = |name: &str| -> Option<Value> {
            let at = headers.iter().position(|h| h == name)?;
            let value = row.get(at)?.trim();
            (!value.is_empty()).then(|| Value::String(value.to_owned()))
        };
        let pair = |fr: &str, en: &str| -> Option<Value> {
            let (fr, en) = (cell(fr), cell(en));
            if fr.is_none() && en.is_none() {
                return None;
            }
            let mut map = Mapping::new();
            map.extend(fr.map(|v| ("fr".into(), v)));
            map.extend(en.map(|v| ("en".into(), v)));
            Some(Value::Mapping(map))
        };
        let mut record = Mapping::new();
        let mut put = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                record.insert(key.into(), value);
            }
        };
        put("code", cell("code"));
        put("name", pair("name_fr", "name_en"));
        put("list_name", pair("list_name_fr", "list_name_en"));
        put("language", cell("language"));
        put("status", cell("status"));
        put("city", cell("city"));
        put(
            "address",
            cell("address").map(|a| {
                Value::Sequence(
                    a.as_str()
                        .unwrap_or("")
                        .split('|')
                        .map(|l| Value::String(l.trim().into()))
                        .collect(),
                )
            }),
        );
        let mut representative = Mapping::new();
        representative.extend(cell("gender").map(|g| ("gender".into(), g)));
        representative.extend(pair("title_fr", "title_en").map(|t| ("title".into(), t)));
        if !representative.is_empty() {
            put("representative", Some(Value::Mapping(representative)));
        }
        let code = cell("code").and_then(|c| c.as_str().map(str::to_owned));
        let located = |message: String| {
            vec![
                Diagnostic::error(message)
                    .in_file(&file.path)
                    .field(line.clone())
                    .at(Location {
                        source: file.source.clone(),
                        span: offset..offset,
                    }),
            ]
        };
        let recipient = serde_path_to_error::deserialize::<_, Recipient>(Value::Mapping(record))
            .map_err(|error| located(format!("{} (column `{}`)", error.inner(), error.path())))
            .and_then(|recipient| check(recipient).map_err(located));
        records.push(Record {
            index,
            code,
            recipient,
        });
    }
    if records.is_empty() {
        return Err(Error::invalid(
            Diagnostic::error("the list has no missions")
                .in_file(&file.path)
                .hint("the first line names the columns: code,name_fr,name_en,language"),
        ));
    }
    Ok(records)
}

fn csv_error(file: &YamlFile, error: &csv::Error, line: &str) -> Error {
    let offset = error.position().map_or(0, |p| p.byte() as usize);
    Error::invalid(
        Diagnostic::error(error.to_string())
            .in_file(&file.path)
            .field(line)
            .at(Location {
                source: file.source.clone(),
                span: offset..offset,
            }),
    )
}

/// What types alone cannot check.
fn check(recipient: Recipient) -> Result<Recipient, String> {
    let code = &recipient.code;
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "`{code}` is not an ISO 3166 alpha-3 code such as `FRA`"
        ));
    }
    Ok(recipient)
}
