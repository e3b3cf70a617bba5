//! The JSON Schemas of meeting files (`noteverbale schema`), as editors
//! read them: every example, every note of the corpus and every fixture
//! of the general kind validates against its kind's schema; a misspelt key
//! or a value outside its choices does not; `init` writes the schema beside
//! a new file, which names it on its first line.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{repo, succeed};

/// The schema of every built-in kind, by kind, as `schema --out` writes
/// them.
fn schemas(dir: &Path) -> BTreeMap<String, serde_json::Value> {
    succeed(dir, &["schema", "--out", "schemas"]);
    std::fs::read_dir(dir.join("schemas"))
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let kind = name.strip_suffix(".schema.json").unwrap().to_owned();
            let schema = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            (kind, schema)
        })
        .collect()
}

/// The errors of the meeting file `text` against its kind's schema.
fn errors(schemas: &BTreeMap<String, serde_json::Value>, text: &str) -> Vec<String> {
    let file: serde_json::Value = serde_yaml::from_str(text).unwrap();
    let kind = file["kind"].as_str().unwrap_or("invitation");
    let validator = jsonschema::validator_for(&schemas[kind]).unwrap();
    validator
        .iter_errors(&file)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect()
}

#[test]
fn every_example_and_real_note_is_valid_against_its_kind_s_schema() {
    let dir = tempfile::tempdir().unwrap();
    let schemas = schemas(dir.path());
    assert_eq!(schemas.keys().collect::<Vec<_>>(), common::BUILT_IN_KINDS);
    let mut files = vec![
        repo("examples/ccm-7msp.yaml"),
        repo("examples/request-for-views.yaml"),
    ];
    for folder in ["tests/fixtures/real", "tests/fixtures/note"] {
        let mut found: Vec<_> = std::fs::read_dir(repo(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        found.sort();
        files.extend(found);
    }
    assert!(files.len() > 20, "{files:?}");
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let found = errors(&schemas, &text);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

#[test]
fn a_misspelt_key_or_a_value_outside_its_choices_is_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let schemas = schemas(dir.path());
    let example = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    for (from, to) in [
        ("\npaper:", "\npapr:"),
        ("\naddressees: circular\n", "\naddressees: everyone\n"),
        ("\ndate: 2017\n", "\ndate: 12 April 2017\n"),
    ] {
        assert!(example.contains(from), "{from}");
        let found = errors(&schemas, &example.replacen(from, to, 1));
        assert!(!found.is_empty(), "{to} is valid");
    }
    // A field of the kind is typed as the kind's schema types it.
    assert!(example.contains("\n  ordinal: 7 "));
    let found = errors(
        &schemas,
        &example.replacen("\n  ordinal: 7 ", "\n  ordinal: seven ", 1),
    );
    assert!(!found.is_empty(), "an ordinal in words is valid");
}

#[test]
fn init_writes_the_schema_beside_the_new_file_and_names_it_on_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    succeed(dir.path(), &["init", "--kind", "note", "draft.yaml"]);
    let text = std::fs::read_to_string(dir.path().join("draft.yaml")).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=note.schema.json")
    );
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("note.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let file: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    let found: Vec<String> = validator
        .iter_errors(&file)
        .map(|e| e.to_string())
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    // Each frame field carries its doc, for the editor to show.
    assert!(
        schema["properties"]["date_style"]["description"]
            .as_str()
            .unwrap()
            .contains("August 14, 1987"),
        "{:#}",
        schema["properties"]["date_style"]
    );
}
