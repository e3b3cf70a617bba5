//! Template sets bounded and read exactly: template folders walked without
//! following links to folders, only regular files read, names printed as they
//! are written, kinds listed only where they render, and templates that run
//! past their limits stopped with a located message.

use crate::common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{noteverbale, repo, stderr, stdout};

/// `kinds --templates FOLDER`, which must end within `limit`: its exit
/// status, standard output and error.
fn kinds_within(folder: &Path, limit: Duration) -> (Option<i32>, String, String) {
    let started = Instant::now();
    let mut child = common::command(folder)
        .args(["kinds", "--templates"])
        .arg(folder)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let read = |mut from: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            from.read_to_string(&mut text).unwrap();
            text
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("`kinds` still runs after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (status.code(), out.join().unwrap(), err.join().unwrap())
}

#[cfg(unix)]
#[test]
fn a_link_of_a_template_folder_to_itself_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("self` is a link to a folder"), "{err}");
    // With other files beside it, the same.
    std::fs::write(dir.path().join("note.typ"), "#let x = 1").unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("is a link to a folder"), "{err}");
    assert!(!err.contains("more than"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_loop_and_a_pipe_in_a_template_folder_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b.typ", dir.path().join("a.typ")).unwrap();
    std::os::unix::fs::symlink("a.typ", dir.path().join("b.typ")).unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("a link that leads nowhere, or round in a loop"),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("note.typ");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("this is a named pipe, not a regular file"),
        "{err}"
    );
    assert!(err.contains("note.typ"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("note.typ")).unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("leads outside the folder"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_inside_the_folder_is_read_under_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let built_in = repo("templates");
    std::fs::copy(
        built_in.join("invitation.yaml"),
        dir.path().join("schema.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("schema.yaml", dir.path().join("meeting.yaml")).unwrap();
    for lang in ["fr", "en"] {
        std::fs::copy(
            built_in.join(format!("invitation.{lang}.typ")),
            dir.path().join(format!("meeting.{lang}.typ")),
        )
        .unwrap();
    }
    let (code, out, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.lines().any(|l| l.starts_with("meeting ")), "{out}");
}

#[test]
fn names_are_printed_with_their_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let built_in = repo("templates");
    let kind = "red\u{1b}[31m";
    std::fs::copy(
        built_in.join("invitation.yaml"),
        dir.path().join(format!("{kind}.yaml")),
    )
    .unwrap();
    for lang in ["fr", "en"] {
        std::fs::copy(
            built_in.join(format!("invitation.{lang}.typ")),
            dir.path().join(format!("{kind}.{lang}.typ")),
        )
        .unwrap();
    }
    let (code, out, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("red\\u{1b}[31m"), "{out}");
    let out = noteverbale(dir.path(), &["kinds", kind, "--templates", "."]);
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!text.contains('\u{1b}'), "{text:?}");
    // In a warning, too: a template without a schema.
    std::fs::remove_file(dir.path().join(format!("{kind}.yaml"))).unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(
        err.contains("the templates of `red\\u{1b}[31m` have no schema"),
        "{err}"
    );
}

#[test]
fn a_kind_in_a_subfolder_is_not_listed_and_does_not_render() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let built_in = repo("templates");
    std::fs::copy(built_in.join("invitation.yaml"), sub.join("nested.yaml")).unwrap();
    for lang in ["fr", "en"] {
        std::fs::copy(
            built_in.join(format!("invitation.{lang}.typ")),
            sub.join(format!("nested.{lang}.typ")),
        )
        .unwrap();
    }
    let (code, out, err) = kinds_within(dir.path(), Duration::from_secs(10));
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.contains("nested"), "{out}");
    let meeting = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
        .unwrap()
        .replace("kind: invitation", "kind: sub/nested");
    std::fs::write(dir.path().join("m.yaml"), meeting).unwrap();
    let out = noteverbale(dir.path(), &["check", "m.yaml", "--templates", "."]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
}

/// A schema of `count` fields, each without an example (a mistake apiece).
fn wide_schema(count: usize) -> String {
    let mut text = String::from("description: { fr: large, en: wide }\nfields:\n");
    for i in 0..count {
        text.push_str(&format!(
            "  f{i}:\n    type: text\n    doc: Field {i}.\n    required: false\n"
        ));
    }
    text
}

#[test]
fn a_schema_is_read_in_one_pass_and_its_fields_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fr", "en"] {
        std::fs::copy(
            repo(&format!("templates/invitation.{lang}.typ")),
            dir.path().join(format!("invitation.{lang}.typ")),
        )
        .unwrap();
    }
    // 40,000 fields: refused as a whole, at once.
    std::fs::write(dir.path().join("invitation.yaml"), wide_schema(40_000)).unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(20));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("error: the schema declares more than 1000 fields"),
        "{err}"
    );
    assert!(err.contains("invitation.yaml:2:1"), "{err}");
    // 1,000 fields, each with a mistake: each located, the file read once.
    std::fs::write(dir.path().join("invitation.yaml"), wide_schema(1000)).unwrap();
    let (code, _, err) = kinds_within(dir.path(), Duration::from_secs(20));
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err.matches("has no example").count(), 1000);
    assert!(err.contains("invitation.yaml:3999:3"), "{err}");
}

/// A folder of templates holding the built-in ones, and a French template
/// for invitations that is `french`.
fn templates_with(french: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo("templates")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.path().join("invitation.fr.typ"), french).unwrap();
    dir
}

/// `render` of the example in French with the templates of `templates`:
/// what it printed, how long it took, and the folder it wrote into.
fn render_french(templates: &Path) -> (Output, Duration, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let output = noteverbale(
        &repo(""),
        &[
            "render",
            "examples/ccm-7msp.yaml",
            "--lang",
            "fr",
            "--out",
            &out.path().display().to_string(),
            "--templates",
            &templates.display().to_string(),
        ],
    );
    (output, started.elapsed(), out)
}

/// `render` of the example in French with `french` as its template, which
/// must end within 30 s: its standard error.
fn render_refused(french: &str) -> String {
    let templates = templates_with(french);
    let (output, took, out) = render_french(templates.path());
    let err = stderr(&output).replace(&templates.path().display().to_string(), "TEMPLATES");
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(took < Duration::from_secs(30), "{took:?}: {err}");
    assert!(common::files(out.path()).is_empty(), "{err}");
    err
}

/// Tera: loops inside loops.
const TERA_FOREVER: &str =
    "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}\n";

#[test]
fn a_template_that_loops_forever_is_stopped_at_its_time_limit() {
    let err = render_refused(TERA_FOREVER);
    assert!(
        err.contains("error: the template ran longer than the 10 s a note may take"),
        "{err}"
    );
    assert!(err.contains("TEMPLATES/invitation.fr.typ"), "{err}");
    assert!(err.contains("hint: look for a `for` loop"), "{err}");
}

#[test]
fn a_template_that_takes_memory_without_bound_is_stopped_at_its_limit() {
    let err = render_refused(
        "{% set_global s = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" %}{% for i in range(end=60) %}{% set_global s = s ~ s %}{% endfor %}{{ s | length }}\n",
    );
    assert!(
        err.contains("error: the template took more than the 2048 MiB of memory a note may take"),
        "{err}"
    );
    assert!(err.contains("TEMPLATES/invitation.fr.typ"), "{err}");
}

#[test]
fn typst_that_loops_or_takes_memory_without_bound_is_stopped() {
    let err = render_refused(
        "#let n = 0\n#while n < 9999 { n += 1; let m = 0; while m < 9999 { m += 1 } }\n",
    );
    assert!(
        err.contains(
            "error: the Typst that the template wrote ran longer than the 10 s a note may take"
        ),
        "{err}"
    );
    assert!(err.contains("TEMPLATES/invitation.fr.typ"), "{err}");
    let err = render_refused("#for i in range(2000000000) {}\n");
    assert!(
        err.contains("error: the Typst that the template wrote took more than the 2048 MiB"),
        "{err}"
    );
}

#[test]
fn a_template_that_writes_too_much_or_too_many_pages_is_refused() {
    let err = render_refused(
        "{% for i in range(end=100000) %}a line of the note, written again and again and again\n{% endfor %}",
    );
    assert!(
        err.contains(
            "error: the template writes more than the 4 MiB of Typst source a note may have"
        ),
        "{err}"
    );
    assert!(err.contains("TEMPLATES/invitation.fr.typ"), "{err}");
    let err = render_refused("#for i in range(150) { pagebreak() }\n");
    assert!(
        err.contains("error: the note has 151 pages, more than the 100 a note may have"),
        "{err}"
    );
}

/// `GET path` from the server at `port`: the body, if it answered.
fn get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let body = response.split_once("\r\n\r\n")?.1;
    // A chunked body: the JSON between its sizes.
    let start = body.find('{').unwrap_or(0);
    let end = body.rfind('}').map_or(body.len(), |end| end + 1);
    Some(body[start..end.max(start)].to_owned())
}

#[test]
fn serve_survives_a_template_past_its_limit_and_shows_the_error_on_the_page() {
    let templates = templates_with(TERA_FOREVER);
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = common::command(&repo(""))
        .args(["serve", "examples/ccm-7msp.yaml", "--port"])
        .arg(port.to_string())
        .arg("--templates")
        .arg(templates.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut shown = None;
    while started.elapsed() < Duration::from_secs(40) {
        if let Some(state) = get(port, "/state.json")
            && let Ok(state) = serde_json::from_str::<serde_json::Value>(&state)
            && let Some(error) = state["error"].as_str()
        {
            shown = Some(error.to_owned());
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    // Still serving after the error.
    let page = get(port, "/");
    server.kill().unwrap();
    server.wait().unwrap();
    let shown = shown.expect("the page shows an error within 40 s");
    assert!(
        shown.contains("the template ran longer than the 10 s a note may take"),
        "{shown}"
    );
    assert!(shown.contains("invitation.fr.typ"), "{shown}");
    assert!(page.is_some_and(|page| !page.is_empty()));
}

#[test]
fn the_built_in_templates_run_in_the_command_beside_a_folder_of_other_files() {
    // A folder that replaces the English template only (with one that
    // never ends): the French note runs built-in files only.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("invitation.en.typ"), TERA_FOREVER).unwrap();
    let (output, took, _out) = render_french(dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(took < Duration::from_secs(10));
}

#[test]
fn a_batch_stops_each_note_of_a_template_past_its_limit_at_once_after_the_first() {
    let templates = templates_with(TERA_FOREVER);
    let out = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let output = noteverbale(
        &repo(""),
        &[
            "batch",
            "examples/ccm-7msp.yaml",
            "-r",
            "examples/missions.yaml",
            "-j",
            "2",
            "--out",
            &out.path().display().to_string(),
            "--templates",
            &templates.path().display().to_string(),
        ],
    );
    let took = started.elapsed();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(took < Duration::from_secs(40), "{took:?}: {err}");
    assert!(
        err.contains("the template ran longer than the 10 s a note may take"),
        "{err}"
    );
}
