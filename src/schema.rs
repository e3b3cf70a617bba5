//! The JSON Schema of a meeting file of a kind: the frame every note has
//! and the kind's fields, each with its doc, its type and its choices, for
//! the YAML extensions of editors to complete and check a file as it is
//! typed (`noteverbale schema`, and the file `init` writes beside a new
//! meeting file).

use serde_json::{Map, Value as Json, json};

use crate::init;
use crate::kind::{Field, Kind};
use crate::locale::Lang;
use crate::meeting::FRAME_FIELDS;

/// The draft of JSON Schema the schemas are written in.
const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The name of the schema file of `kind`: `note.schema.json`.
pub fn file_name(kind: &str) -> String {
    format!("{kind}.schema.json")
}

/// The first line of a meeting file that points editors to its schema.
pub fn modeline(schema: &str) -> String {
    format!("# yaml-language-server: $schema={schema}\n")
}

/// The schema of a meeting file of `kind`.
pub fn meeting(kind: &Kind) -> Json {
    let mut properties = Map::new();
    for &key in FRAME_FIELDS {
        let mut shape = frame_field(key, kind);
        if let Some(doc) = init::frame_doc(key) {
            shape["description"] = doc.into();
        }
        properties.insert(key.to_owned(), shape);
    }
    let (fields, required) = fields(&kind.fields);
    properties.extend(fields);
    let mut required = required;
    required.insert(0, "sender".to_owned());
    json!({
        "$schema": DRAFT,
        "title": format!("A meeting file of noteverbale, of the kind `{}`", kind.name),
        "description": format!("{} / {}", kind.description.get(Lang::En), kind.description.get(Lang::Fr)),
        "type": "object",
        "properties": properties,
        // A file that extends another may take every field from it.
        "if": { "required": ["extends"] },
        "then": {},
        "else": { "required": required },
        "additionalProperties": false,
    })
}

/// The properties of `fields` as a meeting file writes them, and the names
/// of those it must give.
pub fn fields(fields: &[Field]) -> (Map<String, Json>, Vec<String>) {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields.iter().filter(|f| f.is_written()) {
        let mut shape = field.ty.json_schema();
        shape["description"] = field.doc.clone().into();
        if let Some(example) = &field.example
            && let Ok(example) = serde_json::to_value(example)
        {
            shape["examples"] = json!([example]);
        }
        if field.required {
            required.push(field.name.clone());
        }
        properties.insert(field.name.clone(), shape);
    }
    (properties, required)
}

/// A text in the note's languages: `{ fr: …, en: … }`; a note written in
/// fewer languages (`languages`) gives fewer.
pub fn translated() -> Json {
    let languages: Map<String, Json> = Lang::ALL
        .iter()
        .map(|lang| (lang.code().to_owned(), json!({ "type": "string" })))
        .collect();
    json!({
        "type": "object",
        "properties": languages,
        "additionalProperties": false,
        "minProperties": 1,
    })
}

/// A date as meeting files write it: `2017-09-04`.
pub fn date() -> Json {
    json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

/// One of the words `words`.
pub fn one_of(words: &[&str]) -> Json {
    json!({ "type": "string", "enum": words })
}

/// An object of `properties`, no other.
fn object(properties: Json) -> Json {
    json!({ "type": "object", "properties": properties, "additionalProperties": false })
}

/// A paragraph: its text, and how it is set.
fn paragraph() -> Json {
    let mut shape = translated();
    let languages = shape["properties"].as_object_mut().expect("an object");
    languages.insert("numbered".into(), json!({ "type": "boolean" }));
    languages.insert("quotation".into(), json!({ "type": "boolean" }));
    languages.insert(
        "items".into(),
        json!({ "type": "array", "items": translated() }),
    );
    shape
}

/// The shape of the frame's field `key`.
fn frame_field(key: &str, kind: &Kind) -> Json {
    let genders = one_of(&["male", "female"]);
    match key {
        "kind" => json!({ "const": kind.name }),
        "extends" => json!({ "type": "string", "minLength": 1 }),
        "languages" => json!({
            "type": "array",
            "items": one_of(&Lang::CODES),
            "minItems": 1,
            "uniqueItems": true,
        }),
        "paper" => one_of(&["a4", "us-letter"]),
        "letterhead" => json!({ "anyOf": [
            { "type": "array", "items": { "type": "string" } },
            object(json!({
                "lines": { "type": "array", "items": { "type": "string" } },
                "reference_label": translated(),
                "subject_label": translated(),
            })),
        ] }),
        "logo" | "reference" => json!({ "type": "string" }),
        "markings" | "subject" | "place" => translated(),
        "date" => {
            json!({ "anyOf": [date(), { "type": "integer", "minimum": 1900, "maximum": 2999 }] })
        }
        "date_at" => one_of(&["foot", "head"]),
        "date_style" => one_of(&["un", "us"]),
        "sender" => json!({
            "type": "object",
            "properties": {
                "role": one_of(&["secretary-general", "office", "mission", "ministry", "embassy", "person"]),
                "name": translated(),
                "short": translated(),
                "gender": genders,
                "state": { "type": "string" },
            },
            "required": ["role"],
            "additionalProperties": false,
        }),
        "addressees" => {
            // The addressees written out, a text in each language, or a form.
            let mut forms = translated()["properties"].clone();
            let more = json!({
                "form": one_of(&["circular", "member-states", "all-states", "secretary-general", "none"]),
                "states-parties": translated(),
                "mission": { "type": "string" },
                "office": translated(),
                "ministry": translated(),
                "embassy": translated(),
                "short": translated(),
                "gender": genders,
                "closing": translated(),
                "address": { "type": "array", "items": { "type": "string" } },
            });
            if let (Some(forms), Some(more)) = (forms.as_object_mut(), more.as_object()) {
                forms.extend(more.clone());
            }
            json!({ "anyOf": [
                one_of(&["circular", "member-states", "all-states", "secretary-general", "none"]),
                object(forms),
            ] })
        }
        "addressee_block" => json!({ "type": "boolean" }),
        "duty_station" => one_of(&["new-york", "geneva", "vienna", "nairobi"]),
        "opening" => one_of(&["compliments", "compliments-alone", "depositary"]),
        "refers_to" => json!({
            "type": "object",
            "properties": {
                "reference": { "type": "string" },
                "date": date(),
                "by": one_of(&["sender", "addressee"]),
                "to": translated(),
            },
            "additionalProperties": false,
        }),
        "closing" => json!({ "anyOf": [
            { "const": "none" },
            object(json!({
                "degree": one_of(&["highest", "high"]),
                "verb": one_of(&["avails", "takes"]),
            })),
        ] }),
        "paragraphs" => json!({ "type": "array", "items": paragraph() }),
        "enclosures" => json!({ "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "array", "items": translated() },
        ] }),
        "annex" => json!({
            "type": "object",
            "properties": {
                "heading": translated(),
                "paragraphs": { "type": "array", "items": paragraph() },
            },
            "required": ["heading", "paragraphs"],
            "additionalProperties": false,
        }),
        // A frame field this table does not know yet takes any value: the
        // test of the schemas names it.
        _ => json!({}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_frame_field_has_a_shape_and_a_doc() {
        let assets = crate::assets::Assets::templates(None).unwrap();
        let kinds = crate::kind::Kinds::new(&assets);
        let kind = kinds.get("note").unwrap();
        for &key in FRAME_FIELDS {
            assert_ne!(frame_field(key, &kind), json!({}), "{key} has no shape");
            if key != "kind" {
                assert!(init::frame_doc(key).is_some(), "{key} has no doc");
            }
        }
    }
}
