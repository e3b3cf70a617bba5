//! Broken and hostile inputs, from `tests/bad/`: each gives a clear, located
//! error, or prints its text literally. None panics, none leaves a file
//! behind, and `check` finds an error exactly when `render` refuses.
//!
//! What each prints is kept in `tests/bad/snapshots/`; review a change with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test integration bad::` and
//! `git diff`).

use crate::common;

use std::path::Path;

use common::{files, pdf_text, repo};

/// What one run of the command came to.
struct Run {
    code: i32,
    stderr: String,
}

/// The command, run from the repository; the paths in its messages made the
/// same on every machine, `out` written OUT.
fn run(args: &[&str], out: &Path) -> Run {
    let output = common::noteverbale(&repo(""), args);
    let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    let stderr = common::stderr(&output)
        .replace(&out.display().to_string(), "OUT")
        .replace(&root, "");
    Run {
        code: output
            .status
            .code()
            .expect("the command ends by itself, not by a signal"),
        stderr,
    }
}

/// Renders `meeting` (with `templates`, if given), checks it, and returns
/// what to keep in the snapshot.
fn case(meeting: &str, templates: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_arg = out.display().to_string();
    let mut render = vec!["render", meeting, "--out", &out_arg];
    let mut check = vec!["check", meeting];
    if let Some(templates) = templates {
        render.extend(["--templates", templates]);
        check.extend(["--templates", templates]);
    }
    let rendered = run(&render, dir.path());
    let checked = run(&check, dir.path());

    for run in [&rendered, &checked] {
        assert!(
            !run.stderr.contains("panicked"),
            "{meeting}: a panic\n{}",
            run.stderr
        );
        assert!(
            [0, 1, 3, 4].contains(&run.code),
            "{meeting}: exit status {}\n{}",
            run.code,
            run.stderr
        );
    }
    let written = files(&out);
    let mut snapshot = format!("render: exit {}\n{}", rendered.code, rendered.stderr);
    if rendered.code == 0 {
        assert_eq!(written.len(), 2, "{meeting}: {written:?}");
        assert!(
            [0, 4].contains(&checked.code),
            "{meeting}: render succeeds but check finds errors\n{}",
            checked.stderr
        );
        let french = std::fs::read(out.join(format!("{}.fr.pdf", stem(meeting)))).unwrap();
        if let Some(probe) = probe(&pdf_text(&french)) {
            snapshot.push_str("--- the French note, from PROBE\n");
            snapshot.push_str(&probe);
            snapshot.push('\n');
        }
    } else {
        assert!(written.is_empty(), "{meeting}: left {written:?}");
        assert!(
            checked.code == rendered.code,
            "{meeting}: render exits {}, check {}\n{}",
            rendered.code,
            checked.code,
            checked.stderr
        );
    }
    snapshot
}

fn stem(meeting: &str) -> String {
    Path::new(meeting)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// The text from the first `PROBE` to the closing formula, shortened.
fn probe(text: &str) -> Option<String> {
    let start = text.find("PROBE")?;
    let rest = &text[start..];
    let end = rest
        .find("Le Secrétaire général saisit")
        .unwrap_or(rest.len());
    let probe: String = rest[..end].trim_end().chars().take(600).collect();
    Some(probe)
}

fn snapshot(name: &str, content: &str) {
    insta::with_settings!({
        snapshot_path => repo("tests/bad/snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, content);
    });
}

#[test]
fn every_broken_meeting_file_is_refused_clearly_or_printed_literally() {
    let names: Vec<String> = files(&repo("tests/bad"))
        .into_iter()
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    assert!(names.len() >= 40, "{} cases", names.len());
    for name in names {
        let content = case(&format!("tests/bad/{name}"), None);
        snapshot(name.trim_end_matches(".yaml"), &content);
    }
}

#[test]
fn hostile_templates_are_refused() {
    let names = files(&repo("tests/bad/templates"));
    assert!(!names.is_empty(), "no hostile templates");
    for name in names {
        let content = case(
            "examples/ccm-7msp.yaml",
            Some(&format!("tests/bad/templates/{name}")),
        );
        snapshot(&format!("template-{name}"), &content);
    }
}

#[test]
fn files_that_are_not_meeting_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("large.yaml");
    // One byte over the limit, whatever the example's own length.
    let mut text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    text.push('#');
    text.push_str(&"-".repeat(4 * 1024 * 1024 - text.len()));
    text.push('\n');
    std::fs::write(&large, text).unwrap();
    let folder = dir.path().join("folder.yaml");
    std::fs::create_dir(&folder).unwrap();
    let missing = dir.path().join("missing.yaml");
    for (name, path) in [
        ("too-large", large),
        ("a-folder", folder),
        ("missing", missing),
    ] {
        let content = case(&path.display().to_string(), None)
            .replace(&dir.path().display().to_string(), "TMP");
        snapshot(&format!("file-{name}"), &content);
    }
}

#[test]
fn devices_and_pipes_are_refused_at_once_as_meeting_files_and_lists() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out").display().to_string();
    let example = repo("examples/ccm-7msp.yaml").display().to_string();
    let mut given = vec![("/dev/zero".to_owned(), "a device")];
    let pipe = dir.path().join("pipe.yaml");
    match std::process::Command::new("mkfifo").arg(&pipe).status() {
        Ok(status) if status.success() => given.push((pipe.display().to_string(), "a named pipe")),
        _ => eprintln!("skipped the named pipe: no `mkfifo`"),
    }
    for (path, what) in given {
        let meeting = ["render", path.as_str(), "--out", &out];
        let list = ["batch", &example, "-r", path.as_str(), "--out", &out];
        for args in [&meeting[..], &list[..]] {
            let start = std::time::Instant::now();
            let run = common::noteverbale(dir.path(), args);
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert_eq!(run.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("error: this is {what}, not a regular file"))
                    && stderr.contains(&format!("in `{path}`")),
                "{args:?}: {stderr}"
            );
            assert!(
                start.elapsed().as_secs() < 30,
                "{args:?}: {:?}",
                start.elapsed()
            );
        }
    }
    assert!(files(&dir.path().join("out")).is_empty());
}

#[test]
fn broken_lists_of_missions_are_refused_with_their_place() {
    let names = files(&repo("tests/bad/lists"));
    assert!(!names.is_empty(), "no broken lists");
    for name in names {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let list = format!("tests/bad/lists/{name}");
        let out_arg = out.display().to_string();
        let args = [
            "batch",
            "examples/ccm-7msp.yaml",
            "-r",
            &list,
            "--out",
            &out_arg,
        ];
        let run = run(&args, dir.path());
        assert!(
            !run.stderr.contains("panicked"),
            "{name}: a panic\n{}",
            run.stderr
        );
        assert!(
            [1, 3].contains(&run.code),
            "{name}: exit status {}\n{}",
            run.code,
            run.stderr
        );
        // The timing of the summary line differs from run to run.
        let stderr: String = run
            .stderr
            .lines()
            .map(|line| match (line.find(", in "), line.find("; manifest")) {
                (Some(at), Some(end)) if at < end => {
                    format!("{}{}", &line[..at], &line[end..])
                }
                _ => line.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        snapshot(
            &format!("list-{name}"),
            &format!("batch: exit {}\n{stderr}\n", run.code),
        );
    }
}
