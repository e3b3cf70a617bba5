//! `kinds`: the note kinds, or one kind's fields.

use noteverbale::kind::{Field, GenderOf, Kind, Symbol, Type};
use noteverbale::{Engine, Result};
use serde_json::json;

use super::Exit;
use crate::cli::{CheckFormat, KindsArgs};
use crate::console::{self, Console};

/// Lists the kinds, one a line, or describes the one asked for.
pub fn run(args: &KindsArgs, console: &Console) -> Result<Exit> {
    let engine = Engine::new(&(&args.sources).into())?;
    console.warnings(engine.kinds().warnings());
    let kinds: Vec<_> = match &args.kind {
        Some(name) => vec![engine.kinds().get(name)?],
        None => engine.kinds().iter().cloned().collect(),
    };
    let text = match (args.format, &args.kind) {
        (CheckFormat::Json, _) => {
            let list: Vec<_> = kinds.iter().map(|kind| kind_json(kind)).collect();
            format!("{:#}\n", json!(list))
        }
        (CheckFormat::Human, None) => {
            let width = kinds.iter().map(|k| k.name.len()).max().unwrap_or(0);
            kinds
                .iter()
                .map(|k| format!("{:width$}  {}\n", k.name, k.description.en))
                .collect()
        }
        (CheckFormat::Human, Some(_)) => describe(&kinds[0]),
    };
    console::print(text.as_bytes())?;
    Ok(Exit::Success)
}

/// A kind and every field, for people.
fn describe(kind: &Kind) -> String {
    let langs: Vec<&str> = kind.languages.iter().map(|l| l.code()).collect();
    let mut out = format!(
        "{}: {}\n  {}\n  templates: {}; schema: {}\n\nfields (* required):\n",
        kind.name,
        kind.description.en,
        kind.description.fr,
        langs.join(", "),
        kind.source.name,
    );
    fields(&mut out, &kind.fields, 1);
    out
}

fn fields(out: &mut String, list: &[Field], depth: usize) {
    for field in list {
        let name = format!(
            "{}{}{}",
            "  ".repeat(depth),
            field.name,
            if field.required { " *" } else { "" }
        );
        out.push_str(&format!("{name:28} {:34} {}\n", type_of(field), field.doc));
        if let Type::Record(inner) | Type::Records(inner) = &field.ty {
            fields(out, inner, depth + 1);
        }
    }
}

/// A field's type with its options: `date (weekday, deadline)`.
fn type_of(field: &Field) -> String {
    let mut options: Vec<String> = Vec::new();
    match &field.ty {
        Type::Date(rules) => {
            if rules.weekday {
                options.push("weekday".into());
            }
            if rules.deadline {
                options.push("deadline".into());
            }
            for (order, target) in &rules.bounds {
                options.push(format!("{} {target}", order.name()));
            }
        }
        Type::Time(bounds) => {
            for (order, target) in bounds {
                options.push(format!("{} {target}", order.name()));
            }
        }
        Type::Dates(Some((start, end))) => options.push(format!("of {start} and {end}")),
        Type::Ordinal(GenderOf::Field(name)) => options.push(format!("gender of {name}")),
        Type::Ordinal(GenderOf::Fixed(gender)) => options.push(gender.noun().into()),
        Type::Integer(bounds) | Type::Integers(bounds) => {
            options.extend(bounds.min.map(|min| format!("min {min}")));
            options.extend(bounds.max.map(|max| format!("max {max}")));
        }
        Type::Symbol(Symbol::Resolution) => options.push("resolution".into()),
        Type::Symbol(Symbol::Document) => options.push("document".into()),
        Type::Choice(values) => options.push(values.join(" | ")),
        _ => {}
    }
    if options.is_empty() {
        field.ty.name().to_owned()
    } else {
        format!("{} ({})", field.ty.name(), options.join(", "))
    }
}

fn kind_json(kind: &Kind) -> serde_json::Value {
    json!({
        "name": kind.name,
        "description": { "fr": kind.description.fr, "en": kind.description.en },
        "languages": kind.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
        "schema": kind.source.name,
        "fields": fields_json(&kind.fields),
    })
}

fn fields_json(list: &[Field]) -> Vec<serde_json::Value> {
    list.iter()
        .map(|field| {
            let mut value = json!({
                "name": field.name,
                "type": field.ty.name(),
                "options": type_of(field),
                "doc": field.doc,
                "required": field.required,
                "written": field.is_written(),
                "example": field.example,
            });
            if let Type::Record(inner) | Type::Records(inner) = &field.ty {
                value["fields"] = fields_json(inner).into();
            }
            value
        })
        .collect()
}
