//! A Typst error in a note's source is reported at the template line that
//! wrote it, to the character: in the template's literal text, or at the
//! `{{ … }}` tag whose value Typst refused, even on a line made of tags only.

use crate::common;

use common::repo;
use noteverbale::{Engine, Lang, NoteOptions, Sources};

/// The French template with `replace` put in place of `line`, the example
/// typeset with it, and the first error's position and underlined text.
fn error_with(line: &str, replace: &str) -> (String, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(repo("templates/invitation.fr.typ")).unwrap();
    assert!(template.contains(line), "{line}");
    let template = template.replacen(line, replace, 1);
    std::fs::write(dir.path().join("invitation.fr.typ"), &template).unwrap();
    let engine = Engine::new(&Sources {
        templates: Some(dir.path().to_owned()),
        locales: None,
        worker: None,
    })
    .unwrap();
    let loaded = engine.load(&repo("examples/ccm-7msp.yaml")).unwrap();
    let error = engine
        .note(&loaded, Lang::Fr, None, &NoteOptions::default())
        .unwrap_err();
    let diagnostic = error.diagnostics()[0].clone();
    let location = diagnostic.location.clone().expect("a place");
    let position = diagnostic.position().unwrap();
    let position = position.rsplit('/').next().unwrap().to_owned();
    (
        position,
        location.source.text[location.span].to_owned(),
        diagnostic.hints,
    )
}

/// The 1-based line of the template that holds `text`.
fn line_of(text: &str) -> usize {
    let template = std::fs::read_to_string(repo("templates/invitation.fr.typ")).unwrap();
    template.lines().position(|l| l.contains(text)).unwrap() + 1
}

#[test]
fn an_error_in_literal_text_points_at_its_characters() {
    let (position, underlined, hints) = error_with("#address(", "#adress(");
    assert_eq!(
        position,
        format!("invitation.fr.typ:{}:2", line_of("#address("))
    );
    assert_eq!(underlined, "adress");
    assert_eq!(hints, ["in the Typst this template line wrote: #adress("]);
}

#[test]
fn an_error_in_a_value_points_at_its_tag_on_a_line_of_tags_only() {
    // The treaty's year, in a function call that wants a string: the call is
    // on one line, the value alone on the next.
    let (position, underlined, _) =
        error_with("#address(", "#upper(\n{{ instrument.year }}\n)\n#address(");
    assert_eq!(
        position,
        format!("invitation.fr.typ:{}:1", line_of("#address(") + 1)
    );
    assert_eq!(underlined, "{{ instrument.year }}");
}

#[test]
fn an_error_after_a_trimmed_tag_is_still_at_its_line() {
    let (position, underlined, _) = error_with(
        "{%- for line in secretariat.address %}\n  [{{ line }}],",
        "{%- for line in secretariat.address %}\n  [{{ line }}], nope,",
    );
    assert_eq!(
        position,
        format!("invitation.fr.typ:{}:17", line_of("  [{{ line }}],"))
    );
    assert_eq!(underlined, "nope");
}
