//! The `noteverbale` command as a user runs it: files written, bytes stable,
//! fonts embedded, errors located.

use crate::common;

use std::path::Path;

use common::{check_json, files, noteverbale, repo, squeeze, squeezed_pdf, succeed};

/// `render` of the bundled example, run in `dir` with `args`; it must
/// succeed.
fn render_example(dir: &Path, args: &[&str]) {
    let example = repo("examples/ccm-7msp.yaml");
    succeed(
        dir,
        &[&["render", example.to_str().unwrap()], args].concat(),
    );
}

#[test]
fn render_writes_both_languages_and_the_same_bytes_from_any_folder() {
    let example = repo("examples/ccm-7msp.yaml");
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    // The meeting file copied elsewhere, rendered from another working folder.
    std::fs::copy(&example, second.path().join("ccm-7msp.yaml")).unwrap();

    render_example(first.path(), &["--out", "out"]);
    succeed(
        second.path(),
        &["render", "ccm-7msp.yaml", "--out", "elsewhere"],
    );

    assert_eq!(
        files(&first.path().join("out")),
        ["ccm-7msp.en.pdf", "ccm-7msp.fr.pdf"]
    );
    for name in ["ccm-7msp.fr.pdf", "ccm-7msp.en.pdf"] {
        let a = std::fs::read(first.path().join("out").join(name)).unwrap();
        let b = std::fs::read(second.path().join("elsewhere").join(name)).unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert!(a == b, "{name} differs between two renders");
    }
}

#[test]
fn every_font_in_the_pdf_is_embedded() {
    let dir = tempfile::tempdir().unwrap();
    render_example(dir.path(), &["--lang", "fr", "-o", "."]);
    let document = lopdf::Document::load(dir.path().join("ccm-7msp.fr.pdf")).unwrap();
    let mut descriptors = 0;
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor".as_slice()) {
            descriptors += 1;
            assert!(
                dict.has(b"FontFile") || dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "a font is not embedded: {dict:?}"
            );
        }
    }
    assert!(descriptors > 0, "the PDF has fonts");
}

#[test]
fn pdf_carries_title_author_and_language() {
    let dir = tempfile::tempdir().unwrap();
    render_example(dir.path(), &["--lang", "en", "-o", "."]);
    let bytes = std::fs::read(dir.path().join("ccm-7msp.en.pdf")).unwrap();
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = document.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    assert!(catalog.has(b"StructTreeRoot"), "the PDF is tagged");
    let info = document
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .unwrap();
    let info = document.get_dictionary(info).unwrap();
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    assert_eq!(
        title,
        "Seventh Meeting of States Parties to the Convention on Cluster Munitions"
    );
    let author = lopdf::decode_text_string(info.get(b"Author").unwrap()).unwrap();
    assert_eq!(author, "Secretary-General of the United Nations");
}

#[test]
fn pdf_standards_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
        .unwrap()
        .replace("date: 2017\n", "date: 2017-04-12\n");
    std::fs::write(dir.path().join("dated.yaml"), text).unwrap();
    succeed(
        dir.path(),
        &[
            "render",
            "dated.yaml",
            "-o",
            ".",
            "--pdf-standard",
            "a-2b",
            "--pdf-standard",
            "ua-1",
        ],
    );
    let bytes = std::fs::read(dir.path().join("dated.fr.pdf")).unwrap();
    let xmp = String::from_utf8_lossy(&bytes);
    assert!(
        xmp.contains("pdfaid:part") && xmp.contains("pdfuaid:part"),
        "PDF/A and PDF/UA identification"
    );

    // PDF/A wants the note's date; the example leaves it to be filled by hand.
    let example = repo("examples/ccm-7msp.yaml");
    let out = noteverbale(
        dir.path(),
        &[
            "render",
            example.to_str().unwrap(),
            "-o",
            "undated",
            "--pdf-standard",
            "a-2b",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("PDF/A needs the document's date"),
        "{stderr}"
    );
    assert!(
        files(&dir.path().join("undated")).is_empty(),
        "no file written on error"
    );
}

#[test]
fn typ_png_and_svg_formats() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["typ", "png", "svg"] {
        render_example(dir.path(), &["-f", format, "-l", "fr", "-o", format]);
    }
    let source = std::fs::read_to_string(dir.path().join("typ/ccm-7msp.fr.typ")).unwrap();
    assert!(source.starts_with("#import \"note.typ\""), "{source}");
    let pngs = files(&dir.path().join("png"));
    assert!(
        pngs.len() >= 2 && pngs[0] == "ccm-7msp.fr-1.png",
        "{pngs:?}"
    );
    let png = std::fs::read(dir.path().join("png").join(&pngs[0])).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let svgs = files(&dir.path().join("svg"));
    assert_eq!(svgs.len(), pngs.len());
}

#[test]
fn typst_syntax_in_any_field_prints_literally() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = r#"#set page(fill: red) *gras* _it_ $x$ <l> @ref = Titre [x](y) // fin"#;
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
        .unwrap()
        .replace(
            "fr: au Palais des Nations, à Genève",
            &format!("fr: '{hostile}'"),
        )
        .replace(
            "- EXECUTIVE OFFICE OF THE SECRETARY-GENERAL",
            &format!("- '{hostile}'"),
        )
        .replace(
            "- { fr: CH-1211 Genève 10, en: CH-1211 Geneva 10 }",
            r#"- { fr: '") #panic("x") //@x', en: '") #panic("x") //@x' }"#,
        );
    std::fs::write(dir.path().join("hostile.yaml"), text).unwrap();
    succeed(
        dir.path(),
        &["render", "hostile.yaml", "-l", "fr", "-o", "."],
    );
    let text = squeezed_pdf(&dir.path().join("hostile.fr.pdf"));
    assert_eq!(text.matches(&squeeze(hostile)).count(), 2, "{text}");
    assert!(text.contains(&squeeze(r#"") #panic("x") //@x"#)), "{text}");
}

#[test]
fn mistakes_are_reported_with_file_line_column_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
        .unwrap()
        .replace("  deadline: 2017-08-18", "  dedline: 2017-08-18");
    std::fs::write(dir.path().join("typo.yaml"), &text).unwrap();
    let out = noteverbale(dir.path(), &["render", "typo.yaml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().position(|l| l.contains("dedline")).unwrap() + 1;
    assert!(stderr.contains("unknown field `dedline`"), "{stderr}");
    assert!(stderr.contains(&format!("typo.yaml:{line}:3")), "{stderr}");
    assert!(stderr.contains("delegations.dedline"), "{stderr}");
    assert!(!dir.path().join("out").exists(), "nothing is written");

    // A missing language names its field.
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml"))
        .unwrap()
        .replace(
            "  noun: { fr: Assemblée, en: Meeting }",
            "  noun: { fr: Assemblée }",
        );
    std::fs::write(dir.path().join("lang.yaml"), &text).unwrap();
    let out = noteverbale(dir.path(), &["check", "lang.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("missing field `en`") && stderr.contains("meeting.noun"),
        "{stderr}"
    );
}

#[test]
fn templates_and_locales_are_overridden_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("locales/en")).unwrap();
    let english = std::fs::read_to_string(repo("locales/en/notes.ftl"))
        .unwrap()
        .replace("label-fax = Fax", "label-fax = Facsimile");
    std::fs::write(dir.path().join("locales/en/notes.ftl"), english).unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    let note = std::fs::read_to_string(repo("templates/note.typ"))
        .unwrap()
        .replace("size: 12pt", "size: 11pt");
    std::fs::write(dir.path().join("templates/note.typ"), note).unwrap();
    render_example(
        dir.path(),
        &[
            "-l",
            "en",
            "-f",
            "typ",
            "-o",
            "out",
            "--locales",
            "locales",
            "--templates",
            "templates",
        ],
    );
    let source = std::fs::read_to_string(dir.path().join("out/ccm-7msp.en.typ")).unwrap();
    assert!(source.contains("Facsimile: \\+41"), "{source}");
    // The French locale was not overridden, and still loads from the binary.
    render_example(
        dir.path(),
        &[
            "-l",
            "fr",
            "-o",
            "out",
            "--locales",
            "locales",
            "--templates",
            "templates",
        ],
    );
}

#[test]
fn check_reports_for_programs_with_exit_statuses_by_severity() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    // The example's reminder deadline, 30 April 2017, is a Sunday, which the
    // example acknowledges.
    let acknowledged = "  # allow(weekend-deadline): article 7 of the Convention fixes 30 April";
    assert!(clean.contains(acknowledged));
    let example = clean.replace(acknowledged, "");
    let broken = clean.replace("email: ccm@unog.ch", "email: ccm at unog.ch");
    for (name, text) in [
        ("warned.yaml", &example),
        ("clean.yaml", &clean),
        ("broken.yaml", &broken),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (code, report) = check_json(dir.path(), &["clean.yaml"]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 0);

    // Warnings do not fail, unless denied.
    let (code, report) = check_json(dir.path(), &["warned.yaml"]);
    assert_eq!(code, Some(0), "{report}");
    let denied = noteverbale(
        dir.path(),
        &[
            "check",
            "warned.yaml",
            "--deny-warnings",
            "--format",
            "json",
        ],
    );
    assert_eq!(denied.status.code(), Some(4));
    let warning = &report["diagnostics"][0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["field"], "reminders[0].deadline");
    let line = example
        .lines()
        .position(|l| l.trim_start().starts_with("deadline: 2017-04-30"))
        .unwrap()
        + 1;
    assert_eq!(warning["line"], line);
    assert!(warning["message"].as_str().unwrap().contains("Sunday"));

    let (code, report) = check_json(dir.path(), &["broken.yaml"]);
    assert_eq!(code, Some(1), "{report}");
    assert_eq!(report["errors"], 1);
    let error = &report["diagnostics"][0];
    assert_eq!(error["field"], "secretariat.email");
    assert_eq!(error["file"], "broken.yaml");
    assert_eq!(error["column"], 10);
    assert!(error["hints"][0].as_str().unwrap().contains("ccm@unog.ch"));
    assert!(
        files(dir.path()).iter().all(|f| f.ends_with(".yaml")),
        "check writes nothing"
    );
}

#[test]
fn acknowledgments_of_what_typesetting_finds_are_reviewed_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    let placeholder = "# paragraphs:\n#   - { fr: …, en: … }";
    assert!(example.contains(placeholder));
    let with = |paragraph: &str| {
        example.replace(
            placeholder,
            &format!("paragraphs:\n  - {paragraph}  # allow(missing-glyph): the name as the mission writes it"),
        )
    };
    // A name in Arabic script, which the fonts cannot print, acknowledged.
    let arabic = with(
        "{ fr: \"Le nom de la ville, الرياض, est donné.\", en: \"The name of the city, الرياض, is given.\" }",
    );
    std::fs::write(dir.path().join("arabic.yaml"), arabic).unwrap();
    succeed(dir.path(), &["check", "--deny-warnings", "arabic.yaml"]);
    // The name written out, the acknowledgment left behind.
    let written_out = with(
        "{ fr: \"Le nom de la ville, Riyad, est donné.\", en: \"The name of the city, Riyadh, is given.\" }",
    );
    std::fs::write(dir.path().join("stale.yaml"), &written_out).unwrap();
    let (code, report) = check_json(dir.path(), &["stale.yaml"]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["warnings"], 1, "{report:#}");
    let warning = &report["diagnostics"][0];
    assert_eq!(
        warning["message"],
        "`allow(missing-glyph)` acknowledges nothing: no note has such a warning on this line"
    );
    let line = written_out
        .lines()
        .position(|l| l.contains("allow(missing-glyph)"))
        .unwrap()
        + 1;
    assert_eq!(warning["line"], line);
}

#[test]
fn the_bundled_examples_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = repo("examples/ccm-7msp.yaml");
    let missions = repo("examples/missions.yaml");
    let (code, report) = check_json(
        dir.path(),
        &[
            meeting.to_str().unwrap(),
            missions.to_str().unwrap(),
            "--deny-warnings",
        ],
    );
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["files"].as_array().unwrap().len(), 2);
    assert_eq!(
        (&report["errors"], &report["warnings"]),
        (&0.into(), &0.into())
    );

    // A list of missions is checked record by record.
    std::fs::write(
        dir.path().join("list.csv"),
        "code,name_fr,name_en,language\nFRA,la France,France,fr\nfr,la France,France,fr\n",
    )
    .unwrap();
    let out = noteverbale(dir.path(), &["check", "list.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`fr` is not an ISO 3166 alpha-3 code"),
        "{stderr}"
    );
    assert!(stderr.contains("list.csv: 1 error, 0 warnings"), "{stderr}");
}

#[test]
fn a_port_in_use_is_a_failure_of_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let example = repo("examples/ccm-7msp.yaml");
    let out = noteverbale(
        dir.path(),
        &["serve", example.to_str().unwrap(), "--port", &port],
    );
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("could not listen on 127.0.0.1:{port}: ")),
        "{stderr}"
    );
    assert!(
        stderr.contains("`--port`"),
        "the command line names its flag: {stderr}"
    );
}

#[test]
fn shells_get_completions_and_man_gets_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F _noteverbale"),
        ("zsh", "#compdef noteverbale"),
        ("fish", "complete -c noteverbale"),
    ] {
        let script = common::stdout(&succeed(dir.path(), &["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script}");
        for command in ["render", "batch", "check", "serve", "recipients"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let page = common::stdout(&succeed(dir.path(), &["manpage"]));
    assert!(page.contains(".TH noteverbale 1"), "{page}");
    assert!(
        page.contains("Exit status"),
        "the page says what statuses mean"
    );
    succeed(dir.path(), &["manpage", "--out", "man"]);
    let pages = files(&dir.path().join("man"));
    for command in ["", "-render", "-batch", "-check", "-serve", "-watch"] {
        assert!(
            pages.contains(&format!("noteverbale{command}.1")),
            "{pages:?}"
        );
    }
}

#[test]
fn the_exit_statuses_read_the_same_in_the_help_and_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    let help = common::stdout(&succeed(dir.path(), &["--help"]));
    let table = &help[help.find("Exit status:").expect("the help has the table")..];
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    assert!(
        readme.contains(table.trim_end()),
        "the README's table differs from the help's:\n{table}"
    );
}
