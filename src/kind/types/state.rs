//! `state`: a State of the list of missions, given by its code or a name in
//! either language, named in the note's language with its prepositions.

use serde_json::{Value as Json, json};
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, FieldType, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::states::States;
use crate::values::Text;

/// `state`.
pub static STATE: TypeInfo = TypeInfo {
    name: "state",
    written: "`CHE`, or a name: `Switzerland`, `la Suisse`",
    gives: "`name` (`la Suisse`, `Switzerland`), `of` (`de la Suisse`, `of Switzerland`), `to` (`à la Suisse`, `to Switzerland`), `list_name`, `code`",
    options: &[],
    build: |_| field::new(State),
};

/// A State.
#[derive(Debug)]
struct State;

impl FieldType for State {
    fn json_schema(&self) -> Json {
        json!({ "type": "string" })
    }

    fn info(&self) -> &'static TypeInfo {
        &STATE
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        let written = reader.parse::<Text>(at, node)?.0;
        match States::builtin().code_of(&written) {
            Ok(code) => Some(Value::State(code.to_owned())),
            Err(hints) => {
                let mut error = reader.file.error(
                    at,
                    format!("`{written}` is not a State of the list of missions"),
                );
                error.hints = hints;
                reader.problems.push(error);
                None
            }
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::State(code) => localized(code, lang),
            _ => Json::Null,
        }
    }
}

/// A State as a template names it in `lang`: `name` as running text says
/// it, `of` and `to` with their prepositions (French contracts them: `du
/// Mexique`, `aux Pays-Bas`), `list_name` as lists give it, and `code`.
pub fn localized(code: &str, lang: Lang) -> Json {
    let Some(names) = States::builtin().names(code) else {
        return Json::Null;
    };
    let name = names.name.get(lang);
    let (of, to) = (lang.rules().of(name), lang.rules().to(name));
    json!({
        "name": name,
        "of": of,
        "to": to,
        "list_name": names.list_name.get(lang),
        "code": code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_is_named_with_its_prepositions() {
        let of = |code: &str, lang: Lang| {
            let names = localized(code, lang);
            [
                &names["name"],
                &names["of"],
                &names["to"],
                &names["list_name"],
            ]
            .map(|v| v.as_str().unwrap().to_owned())
        };
        assert_eq!(
            of("MEX", Lang::Fr),
            ["le Mexique", "du Mexique", "au Mexique", "Mexique"]
        );
        assert_eq!(
            of("NLD", Lang::Fr),
            [
                "le Royaume des Pays-Bas",
                "du Royaume des Pays-Bas",
                "au Royaume des Pays-Bas",
                "Pays-Bas (Royaume des)"
            ]
        );
        assert_eq!(
            of("CHE", Lang::En),
            [
                "Switzerland",
                "of Switzerland",
                "to Switzerland",
                "Switzerland"
            ]
        );
        assert_eq!(of("AUT", Lang::Fr)[1], "de l'Autriche");
        assert_eq!(localized("XXX", Lang::Fr), Json::Null);
    }
}
