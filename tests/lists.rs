//! Lists of missions as protocol offices keep them: saved by LibreOffice as
//! xlsx and ods, and as the semicolon CSV with a byte-order mark and CRLF
//! line ends that a French Excel writes (`tests/lists/README.md` says how
//! each was made). Each holds one broken cell: its diagnostic names the
//! file, the sheet, the row and the column, and every other note is written.

use crate::common;

use common::{noteverbale, pdfs, repo, succeed};
use noteverbale::Lang;
use noteverbale::recipients;

/// The diagnostics of the records that failed, one line each.
fn failures(list: &str) -> Vec<String> {
    recipients::load(&repo(list))
        .unwrap()
        .records
        .into_iter()
        .filter_map(|r| r.recipient.err())
        .flatten()
        .map(|d| d.to_string())
        .collect()
}

/// A batch of the example over `list` into a temp folder: the exit status,
/// stderr, and the PDFs written.
fn batch(list: &str, extra: &[&str]) -> (Option<i32>, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let meeting = repo("examples/ccm-7msp.yaml");
    let list = repo(list);
    let mut args = vec![
        "batch",
        meeting.to_str().unwrap(),
        "-r",
        list.to_str().unwrap(),
        "-o",
        "out",
    ];
    args.extend(extra);
    let out = noteverbale(dir.path(), &args);
    (
        out.status.code(),
        common::stderr(&out),
        pdfs(&dir.path().join("out")),
    )
}

#[test]
fn an_xlsx_list_names_the_sheet_and_cell_of_its_mistake() {
    let failures = failures("tests/lists/missions.xlsx");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains("missions.xlsx, sheet Missions, cell E4: error: `femme` is not a gender (column `gender`)")
            && failures[0].contains("hint: write `female` or `male`"),
        "{}",
        failures[0]
    );
    let (code, stderr, pdfs) = batch("tests/lists/missions.xlsx", &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        pdfs,
        ["CAN.en.pdf", "FRA.fr.pdf", "GBR.en.pdf", "SEN.fr.pdf"]
    );
    assert!(stderr.contains("in `"), "{stderr}");
    assert!(
        stderr.contains("missions.xlsx, sheet Missions, cell E4`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("5 notes: 4 written, 0 unchanged, 1 failed"),
        "{stderr}"
    );
}

#[test]
fn an_ods_list_reads_numbers_as_the_sheet_shows_them() {
    let failures = failures("tests/lists/missions.ods");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains(
            "missions.ods, sheet Missions, cell D3: error: `2` is not a language of the notes (column `language`)"
        ),
        "{}",
        failures[0]
    );
    let (code, stderr, pdfs) = batch("tests/lists/missions.ods", &["--sheet", "Missions"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        pdfs,
        ["FRA.fr.pdf", "GBR.en.pdf", "HTI.fr.pdf", "SEN.fr.pdf"]
    );
}

#[test]
fn a_sheet_that_is_not_there_is_named_with_those_that_are() {
    let (code, stderr, _) = batch("tests/lists/missions.xlsx", &["--sheet", "Mision"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("the workbook has no sheet `Mision`")
            && stderr.contains("did you mean `Missions`?")
            && stderr.contains("its sheets are: Missions"),
        "{stderr}"
    );
}

#[test]
fn a_french_excel_csv_with_bom_semicolons_and_crlf_points_at_the_field() {
    let bytes = std::fs::read(repo("tests/lists/missions-semicolon.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF\"code\";"));
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    let failures = failures("tests/lists/missions-semicolon.csv");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains(
            "missions-semicolon.csv:6:36: error: `senegal(at)example.org` is not an e-mail address"
        ) && failures[0].contains("(column `email`)"),
        "{}",
        failures[0]
    );
    let (code, stderr, pdfs) = batch("tests/lists/missions-semicolon.csv", &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        pdfs,
        ["CAN.en.pdf", "FRA.fr.pdf", "GBR.en.pdf", "HTI.fr.pdf"]
    );
    // The line shown is the record's own, with the caret under the field.
    assert!(stderr.contains("\"SEN\";"), "{stderr}");
}

#[test]
fn crlf_and_lf_give_the_same_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        "code,name_fr,name_en,language",
        "FRA,la France,France,fr",
        "BEL,la Belgique,Belgium,de",
    ];
    for (name, end) in [("lf.csv", "\n"), ("crlf.csv", "\r\n")] {
        let path = dir.path().join(name);
        std::fs::write(&path, lines.join(end) + end).unwrap();
        let records = recipients::load(&path).unwrap().records;
        let error = records[1].recipient.as_ref().unwrap_err()[0].to_string();
        assert!(
            error.contains(&format!("{name}:3:25: error: `de` is not a language")),
            "{error}"
        );
    }
}

#[test]
fn an_unknown_column_gets_the_nearest_name_and_the_list_of_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.csv");
    std::fs::write(
        &path,
        "code;name_fr;name_en;langage;E-mail\nFRA;la France;France;fr;a@example.org\n",
    )
    .unwrap();
    let error = recipients::load(&path).unwrap_err().to_string();
    assert!(
        error.contains("list.csv:1:22: error: `langage` is not a column of a list of missions")
            && error.contains("did you mean `language`?")
            && error.contains("the columns are: code, name_fr, name_en, language, list_name_fr"),
        "{error}"
    );
    // `E-mail` is taken for `email`, as a person means it.
    assert!(!error.contains("`E-mail`"), "{error}");
}

#[test]
fn columns_of_the_office_s_own_are_left_out_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.csv");
    std::fs::write(
        &path,
        "code,name_fr,name_en,language,Phone,Notes\n\
         FRA,la France,France,fr,+33 1 00 00 00 00,Ambassador arrives in May\n\
         GHA,le Ghana,Ghana,en,,\n",
    )
    .unwrap();
    let list = recipients::load(&path).unwrap();
    assert_eq!(list.records.len(), 2);
    assert!(list.records.iter().all(|r| r.recipient.is_ok()));
    let warnings: Vec<String> = list.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains(
            "list.csv:1:31: warning: the column `Phone` is not one a note uses: it is left out"
        ),
        "{warnings:?}"
    );
    assert!(warnings[1].contains("`Notes`"), "{warnings:?}");

    // The batch says so, and writes every note.
    let meeting = repo("examples/ccm-7msp.yaml");
    let meeting = meeting.to_str().unwrap();
    let stderr = common::stderr(&succeed(
        dir.path(),
        &["batch", meeting, "-r", "list.csv", "-o", "out"],
    ));
    assert!(
        stderr.contains("the column `Notes` is not one a note uses"),
        "{stderr}"
    );
    assert_eq!(pdfs(&dir.path().join("out")), ["FRA.fr.pdf", "GHA.en.pdf"]);
    // check reports them as warnings, which fail only when denied.
    let out = noteverbale(dir.path(), &["check", "list.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let out = noteverbale(dir.path(), &["check", "--deny-warnings", "list.csv"]);
    assert_eq!(out.status.code(), Some(4));

    // Short names of the office's own are not taken for misspellings.
    std::fs::write(
        &path,
        "code,name_fr,name_en,language,ID,Date,State,Key,Titre,Order\nFRA,la France,France,fr,1,2017,x,y,z,3\n",
    )
    .unwrap();
    let list = recipients::load(&path).unwrap();
    assert_eq!(list.warnings.len(), 6, "{:?}", list.warnings);
    assert!(list.records[0].recipient.is_ok());

    // Headers offices write for the columns a note uses are read as such.
    std::fs::write(
        &path,
        "code,name_fr,name_en,language,E-mail address,Ville\nFRA,la France,France,fr,a@example.org,Paris\n",
    )
    .unwrap();
    let list = recipients::load(&path).unwrap();
    assert!(list.warnings.is_empty(), "{:?}", list.warnings);
    let france = list.records[0].recipient.as_ref().unwrap();
    assert_eq!(france.email.as_deref(), Some("a@example.org"));

    // A misspelling of a column the list lacks is still refused.
    for (header, meant) in [
        ("emial", "email"),
        ("adress", "address"),
        ("langauge", "language"),
        ("nme_fr", "name_fr"),
    ] {
        let columns = "code,name_fr,name_en,language,email,address"
            .split(',')
            .map(|c| if c == meant { header } else { c })
            .collect::<Vec<_>>()
            .join(",");
        std::fs::write(
            &path,
            format!("{columns}\nFRA,la France,France,fr,a@example.org,x\n"),
        )
        .unwrap();
        let error = recipients::load(&path).unwrap_err().to_string();
        assert!(
            error.contains(&format!("`{header}` is not a column of a list of missions"))
                && error.contains(&format!("did you mean `{meant}`?")),
            "{header}: {error}"
        );
    }
}

#[test]
fn emails_are_read_from_every_form_of_list() {
    for list in ["tests/lists/missions.xlsx", "tests/lists/missions.ods"] {
        let records = recipients::load(&repo(list)).unwrap().records;
        let france = records[0].recipient.as_ref().unwrap();
        assert_eq!(
            france.email.as_deref(),
            Some("france@example.org"),
            "{list}"
        );
        assert_eq!(
            france.address,
            ["245 East 47th Street", "New York NY 10017"],
            "{list}"
        );
        let britain = records[3].recipient.as_ref().unwrap();
        assert_eq!(britain.email, None, "{list}");
    }
}

#[test]
fn check_names_the_cell_and_blames_the_list_not_the_meeting_file() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = repo("examples/ccm-7msp.yaml");
    let list = repo("tests/lists/missions.ods");
    let out = noteverbale(
        dir.path(),
        &[
            "check",
            meeting.to_str().unwrap(),
            "-r",
            list.to_str().unwrap(),
            "--sheet",
            "Missions",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("missions.ods, sheet Missions, cell D3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("missions.ods: 1 error, 0 warnings"),
        "{stderr}"
    );
    assert!(stderr.contains("ccm-7msp.yaml: ok"), "{stderr}");
}

#[test]
fn excel_unicode_text_in_utf16_with_tabs_is_read() {
    // Excel's "Unicode text": UTF-16 with a byte-order mark, tabs, CRLF.
    let bytes = std::fs::read(repo("tests/lists/missions-unicode-text.csv")).unwrap();
    assert!(bytes.starts_with(&[0xFF, 0xFE]));
    let failures = failures("tests/lists/missions-unicode-text.csv");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains(
            "missions-unicode-text.csv:3:17: error: `français` is not a language of the notes"
        ),
        "{}",
        failures[0]
    );
    let records = recipients::load(&repo("tests/lists/missions-unicode-text.csv"))
        .unwrap()
        .records;
    assert_eq!(
        records[0].recipient.as_ref().unwrap().name.get(Lang::Fr),
        "la France"
    );
}

#[test]
fn excel_csv_in_the_windows_code_page_is_read() {
    // Excel's plain "CSV (semicolon)" on a French Windows: Windows-1252.
    let failures = failures("tests/lists/missions-windows-1252.csv");
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].contains("missions-windows-1252.csv:3:36: error: `francais` is not a language"),
        "{}",
        failures[0]
    );
    let records = recipients::load(&repo("tests/lists/missions-windows-1252.csv"))
        .unwrap()
        .records;
    assert_eq!(records[1].code.as_deref(), Some("CIV"));
    // The line shown under the message reads as the sheet did.
    let shown = records[1].recipient.as_ref().unwrap_err()[0].render(false);
    assert!(
        shown.contains("CIV;la Côte d’Ivoire;Côte d’Ivoire;francais"),
        "{shown}"
    );
}
