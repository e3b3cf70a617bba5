//! `kinds`: the note kinds, or one kind's fields.

use noteverbale::kind::{Field, Kind};
use noteverbale::{Engine, Lang, Result};
use serde_json::json;

use super::Exit;
use crate::cli::{CheckFormat, KindsArgs};
use crate::console::{self, Console};

/// Lists the kinds, one a line, or describes the one asked for.
pub fn run(args: &KindsArgs, console: &Console) -> Result<Exit> {
    let engine = Engine::new(&(&args.sources).into())?;
    engine.check_templates()?;
    console.warnings(engine.kinds().warnings());
    let kinds: Vec<_> = match &args.kind {
        Some(name) => vec![engine.kinds().get(name)?],
        None => engine.kinds().all()?,
    };
    let text = match (args.format, &args.kind) {
        (CheckFormat::Json, _) => {
            let list: Vec<_> = kinds.iter().map(|kind| kind_json(kind)).collect();
            format!("{:#}\n", json!(list))
        }
        (CheckFormat::Human, None) => {
            let width = kinds
                .iter()
                .map(|k| console::shown(&k.name).chars().count())
                .max()
                .unwrap_or(0);
            kinds
                .iter()
                .map(|k| {
                    format!(
                        "{:width$}  {}\n",
                        console::shown(&k.name),
                        console::shown(k.description.get(Lang::En))
                    )
                })
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
        console::shown(&kind.name),
        console::shown(kind.description.get(Lang::En)),
        console::shown(kind.description.get(Lang::Fr)),
        langs.join(", "),
        console::shown(&kind.source.name),
    );
    fields(&mut out, &kind.fields, 1);
    out
}

fn fields(out: &mut String, list: &[Field], depth: usize) {
    for field in list {
        let name = format!(
            "{}{}{}",
            "  ".repeat(depth),
            console::shown(&field.name),
            if field.required { " *" } else { "" }
        );
        out.push_str(&format!(
            "{name:28} {:34} {}\n",
            console::shown(&type_of(field)),
            console::shown(&field.doc)
        ));
        if let Some(inner) = field.ty.fields() {
            fields(out, inner, depth + 1);
        }
    }
}

/// A field's type with its options: `date (weekday, deadline)`.
fn type_of(field: &Field) -> String {
    let name = field.ty.info().name;
    let options = field.ty.options();
    if options.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", options.join(", "))
    }
}

fn kind_json(kind: &Kind) -> serde_json::Value {
    json!({
        "name": kind.name,
        "description": kind
            .description
            .iter()
            .map(|(lang, text)| (lang.code().to_owned(), json!(text)))
            .collect::<serde_json::Map<_, _>>(),
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
                "type": field.ty.info().name,
                "options": type_of(field),
                "doc": field.doc,
                "required": field.required,
                "written": field.is_written(),
                "example": field.example,
            });
            if let Some(inner) = field.ty.fields() {
                value["fields"] = fields_json(inner).into();
            }
            value
        })
        .collect()
}
