//! `address`: an address block, its postal lines in every language, its
//! telephone, fax, e-mail and website each checked for its form.

use serde_json::{Value as Json, json};
use serde_yaml::Value as Yaml;

use super::contact::Contact;
use crate::kind::field::{self, Checker, Field, FieldType, Place, Reader, TypeInfo, join};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Lang};
use crate::schema;
use crate::values::href;

/// `address`.
pub static ADDRESS: TypeInfo = TypeInfo {
    name: "address",
    written: "`{ address: [text…], phone, fax, email, website }`",
    gives: "`address` (the lines), `phone`, `fax`, `email`, `website`, `website_url`",
    options: &[],
    build: |_| field::new(AddressBlock),
};

#[derive(Debug)]
struct AddressBlock;

impl FieldType for AddressBlock {
    fn json_schema(&self) -> Json {
        json!({
            "type": "object",
            "properties": {
                "address": { "type": "array", "items": { "anyOf": [{ "type": "string" }, schema::translated()] } },
                "phone": { "type": "string" },
                "fax": { "type": "string" },
                "email": { "type": "string" },
                "website": { "type": "string" },
            },
            "additionalProperties": false,
        })
    }

    fn info(&self) -> &'static TypeInfo {
        &ADDRESS
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader.parse(at, node).map(Value::Address)
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let Value::Address(address) = value else {
            return;
        };
        let at = place.at;
        if address.address.is_empty() {
            checker.error(
                field,
                &join(at, "address"),
                "the address has no lines".into(),
            );
        }
        let parts = [
            ("phone", Contact::Phone, &address.phone),
            ("fax", Contact::Phone, &address.fax),
            ("email", Contact::Email, &address.email),
            ("website", Contact::Url, &address.website),
        ];
        for (key, form, text) in parts {
            if let Some(text) = text {
                form.check_form(field, &join(at, key), &text.0, checker);
            }
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, _dates: DateStyle) -> Json {
        let Value::Address(address) = value else {
            return Json::Null;
        };
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
}
