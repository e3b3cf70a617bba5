//! Templates are sandboxed: they read only the files of their own set, never
//! packages, the network or the rest of the disk.

use crate::common;

use common::repo;
use noteverbale::{Engine, Lang, NoteOptions, Sources};

/// Renders the example with a template folder whose `note.typ` starts with `line`.
fn render_with(line: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let note = std::fs::read_to_string(repo("templates/note.typ")).unwrap();
    std::fs::write(dir.path().join("note.typ"), format!("{line}\n{note}")).unwrap();
    let engine = Engine::new(&Sources {
        templates: Some(dir.path().to_owned()),
        locales: None,
        worker: None,
    })
    .map_err(|e| e.render(false))?;
    let input = engine
        .load(&repo("examples/ccm-7msp.yaml"))
        .map_err(|e| e.render(false))?;
    engine
        .note(&input, Lang::Fr, None, &NoteOptions::default())
        .map(drop)
        .map_err(|e| e.render(false))
}

#[test]
fn the_unchanged_page_design_renders_from_a_folder() {
    render_with("// a user's copy").unwrap();
}

#[test]
fn packages_are_refused() {
    let error = render_with("#import \"@preview/example:0.1.0\": *").unwrap_err();
    assert!(error.contains("packages are not available"), "{error}");
    assert!(
        error.contains("note.typ"),
        "the error names the template: {error}"
    );
}

#[test]
fn files_outside_the_template_set_cannot_be_read() {
    for line in [
        "#read(\"/etc/passwd\")",
        "#read(\"../../../../etc/passwd\")",
        "#image(\"/etc/hostname\")",
    ] {
        let error = render_with(line).unwrap_err();
        assert!(!error.contains("root:"), "{error}");
        assert!(
            error.contains("not found") || error.contains("escape the project root"),
            "{line}: {error}"
        );
    }
}

#[cfg(unix)]
#[test]
fn links_leading_out_of_the_template_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/etc/hostname", dir.path().join("secret.txt")).unwrap();
    let error = Engine::new(&Sources {
        templates: Some(dir.path().to_owned()),
        locales: None,
        worker: None,
    })
    .unwrap_err();
    assert!(
        error.render(false).contains("leads outside the folder"),
        "{}",
        error.render(false)
    );
}
