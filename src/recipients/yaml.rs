//! The YAML form of a list: `missions:` and a list of records.

use std::path::Path;

use serde::Deserialize;

use super::{GivenCode, Recipient, Record, check};
use crate::error::Result;
use crate::input;
use crate::yaml::YamlFile;

/// Reads `missions:`, each record on its own.
pub(super) fn read(path: &Path) -> Result<Vec<Record>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct List {
        missions: Vec<serde_yaml::Value>,
    }
    let file = YamlFile::read_within(path, input::LIST)?;
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
            let given = code.as_ref().map(|text| GivenCode {
                text: text.clone(),
                file: file.path.clone(),
                location: file
                    .locate(&format!("{field}.code"))
                    .map(|span| file.location(span)),
                cell: None,
            });
            if let Some((inner, chars)) = too_long(&value, String::new()) {
                let message = super::table::too_long("value", chars);
                let diagnostic = file
                    .error(&format!("{field}{inner}"), message)
                    .hint("a value is one name, title or address of one mission: shorten it");
                return Record {
                    index,
                    code,
                    recipient: Err(vec![diagnostic]),
                    given,
                };
            }
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
                given,
            }
        })
        .collect())
}

/// The path (after the record's own, as `.name.fr`) and length of the first
/// text of `value` longer than a list allows.
fn too_long(value: &serde_yaml::Value, path: String) -> Option<(String, usize)> {
    use serde_yaml::Value;
    match value {
        Value::String(text) if text.len() > input::CELL_TEXT => {
            let chars = text.chars().count();
            (chars > input::CELL_TEXT).then_some((path, chars))
        }
        Value::Sequence(items) => items
            .iter()
            .enumerate()
            .find_map(|(at, item)| too_long(item, format!("{path}[{at}]"))),
        Value::Mapping(fields) => fields.iter().find_map(|(key, item)| {
            let key = key.as_str()?;
            too_long(item, format!("{path}.{key}"))
        }),
        Value::Tagged(tagged) => too_long(&tagged.value, path),
        _ => None,
    }
}
