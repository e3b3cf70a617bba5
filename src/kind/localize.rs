//! A kind's values in one language, as its templates receive them: every
//! text in the language, every date in words, every ordinal agreeing with
//! its noun. What each type gives is listed in [`super::TYPES`].

use serde_json::{Map, Value as Json, json};

use super::{Field, GenderOf, Type, Value, Values};
use crate::locale::{self, Gender, Lang};

/// The values of `fields` in `lang`, by name.
pub fn localize(fields: &[Field], values: &Values, lang: Lang) -> Map<String, Json> {
    let mut out = Map::new();
    for field in fields {
        let value = values.get(&field.name).unwrap_or(&Value::Absent);
        out.insert(field.name.clone(), one(field, value, values, lang));
    }
    out
}

/// One value, in `lang`; `siblings` are the values of its record.
fn one(field: &Field, value: &Value, siblings: &Values, lang: Lang) -> Json {
    match (&field.ty, value) {
        // An absent list is an empty one, which a template loops over as well.
        (Type::Texts | Type::Paragraphs | Type::Integers(_) | Type::Records(_), Value::Absent) => {
            json!([])
        }
        (_, Value::Absent) => Json::Null,
        (_, Value::Text(text)) => text.get(lang).into(),
        (_, Value::Texts(list)) => list.iter().map(|t| t.get(lang)).collect(),
        (Type::Date(rules), Value::Date(date)) if rules.weekday => {
            locale::date_with_weekday(*date, lang).into()
        }
        (_, Value::Date(date)) => locale::date(*date, lang).into(),
        (_, Value::Dates(start, end)) => locale::date_range(*start, *end, lang).into(),
        (_, Value::Time(time)) => locale::time(*time, lang).into(),
        (Type::Phone, Value::Word(number)) => locale::phone(number, lang).into(),
        (_, Value::State(code)) => state(code, lang),
        (Type::Ordinal(of), Value::Number(n)) => {
            let gender = match of {
                GenderOf::Fixed(gender) => *gender,
                GenderOf::Field(name) => match siblings.get(name) {
                    Some(Value::Gender(gender)) => *gender,
                    _ => Gender::Masculine,
                },
            };
            let n = u32::try_from(*n).unwrap_or(0);
            locale::ordinal(n, lang, gender).unwrap_or_default().into()
        }
        (_, Value::Number(n)) => (*n).into(),
        (_, Value::Numbers(list)) => list.clone().into(),
        (_, Value::Word(word)) => word.clone().into(),
        (_, Value::Gender(gender)) => gender.noun().into(),
        (_, Value::Boolean(yes)) => (*yes).into(),
        (_, Value::Address(address)) => {
            let website = address.website.as_ref().map(|w| w.0.clone());
            json!({
                "address": address.address.iter().map(|l| l.get(lang)).collect::<Vec<_>>(),
                "phone": address.phone.as_ref().map(|p| locale::phone(&p.0, lang)),
                "fax": address.fax.as_ref().map(|p| locale::phone(&p.0, lang)),
                "email": address.email.as_ref().map(|e| e.0.clone()),
                "website_url": website.as_deref().map(href),
                "website": website,
            })
        }
        (Type::Record(fields), Value::Record(values)) => localize(fields, values, lang).into(),
        (Type::Records(fields), Value::Records(list)) => list
            .iter()
            .map(|values| Json::Object(localize(fields, values, lang)))
            .collect(),
        _ => Json::Null,
    }
}

/// A State as a template names it in `lang`: `name` as running text says
/// it, `of` and `to` with their prepositions (French contracts them: `du
/// Mexique`, `aux Pays-Bas`), `list_name` as lists give it, and `code`.
fn state(code: &str, lang: Lang) -> Json {
    let Some(names) = crate::states::States::builtin().names(code) else {
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

/// A link's target for an address as a note prints it: `https://` before a
/// web address without its scheme, `mailto:` before an e-mail address.
pub fn href(address: &str) -> String {
    if address.contains("://") || address.starts_with("mailto:") {
        address.to_owned()
    } else if address.contains('@') && !address.contains('/') {
        format!("mailto:{address}")
    } else {
        format!("https://{address}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_is_named_with_its_prepositions() {
        let of = |code: &str, lang: Lang| {
            let names = state(code, lang);
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
        assert_eq!(state("XXX", Lang::Fr), Json::Null);
    }

    #[test]
    fn links_get_their_scheme() {
        assert_eq!(href("www.unog.ch/ccm"), "https://www.unog.ch/ccm");
        assert_eq!(href("http://un.org"), "http://un.org");
        assert_eq!(href("ccm@unog.ch"), "mailto:ccm@unog.ch");
    }
}
