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
    let out = common::batch_example(dir.path(), repo(list).to_str().unwrap(), extra);
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

/// A list that gives France twice, the second time with Canada's address.
const FRANCE_TWICE_CSV: &str = "code,name_fr,name_en,language,email\n\
    FRA,la France,France,fr,mission.france@example.org\n\
    CAN,le Canada,Canada,en,\n\
    fra ,la France,France,fr,mission.canada@example.org\n";

/// The same, in YAML.
const FRANCE_TWICE_YAML: &str = "missions:
  - code: FRA
    name: { fr: la France, en: France }
    language: fr
    email: mission.france@example.org
  - code: CAN
    name: { fr: le Canada, en: Canada }
    language: en
  - code: FRA
    name: { fr: la France, en: France }
    language: fr
    email: mission.canada@example.org
";

/// A workbook of one sheet, `Missions`, holding `rows` as text cells.
fn workbook(path: &std::path::Path, rows: &[&[&str]]) {
    use std::io::Write;
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, text) in row.iter().enumerate() {
            let cell = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            sheet.push_str(&format!(
                r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#
            ));
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Missions" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// The errors `check --format json` finds in a list: message, line (or
/// row), column, and the related places' lines.
fn list_errors(dir: &std::path::Path, list: &str) -> (Option<i32>, Vec<serde_json::Value>) {
    let (code, report) = common::check_json(dir, &[list]);
    let errors = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .cloned()
        .collect();
    (code, errors)
}

#[test]
fn a_code_given_twice_is_an_error_at_both_places_in_yaml_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("twice.csv"), FRANCE_TWICE_CSV).unwrap();
    std::fs::write(dir.path().join("twice.yaml"), FRANCE_TWICE_YAML).unwrap();
    for (list, first, again) in [
        ("twice.csv", (2, 1), (4, 1)),
        ("twice.yaml", (2, 11), (9, 11)),
    ] {
        let (code, errors) = list_errors(dir.path(), list);
        assert_eq!(code, Some(1), "{list}: {errors:?}");
        let place =
            |e: &serde_json::Value| (e["line"].as_u64().unwrap(), e["column"].as_u64().unwrap());
        let duplicates: Vec<&serde_json::Value> = errors
            .iter()
            .filter(|e| e["message"].as_str().unwrap().contains("in the list"))
            .collect();
        assert_eq!(duplicates.len(), 2, "{list}: {errors:?}");
        let at_first = duplicates.iter().find(|e| place(e) == first).unwrap();
        let at_again = duplicates.iter().find(|e| place(e) == again).unwrap();
        assert_eq!(
            at_first["message"],
            format!("`FRA` is in the list again, at `line {}`", again.0),
            "{list}"
        );
        assert!(
            at_again["message"]
                .as_str()
                .unwrap()
                .ends_with(&format!("is already in the list, at `line {}`", first.0)),
            "{list}: {at_again}"
        );
        assert_eq!(at_again["file"], list);
        assert_eq!(
            at_again["related"][0]["line"], first.0,
            "{list}: {at_again}"
        );
        assert_eq!(at_again["related"][0]["message"], "first given here");
        assert!(
            at_again["hints"][0]
                .as_str()
                .unwrap()
                .contains("a list names each mission once"),
            "{at_again}"
        );

        // The batch writes Canada's note and neither of France's: no file
        // overwritten, no draft to Canada carrying France's note.
        let out = noteverbale(
            dir.path(),
            &[
                "batch",
                repo("examples/ccm-7msp.yaml").to_str().unwrap(),
                "-r",
                list,
                "-o",
                "out",
                "--mail",
                "drafts",
            ],
        );
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{list}: {stderr}");
        assert!(stderr.contains("is already in the list"), "{stderr}");
        assert_eq!(pdfs(&dir.path().join("out")), ["CAN.en.pdf"], "{list}");
        assert!(
            common::files(&dir.path().join("drafts")).is_empty(),
            "{list}"
        );
        let manifest = std::fs::read_to_string(dir.path().join("out/manifest.json")).unwrap();
        assert_eq!(manifest.matches("\"failed\"").count(), 2, "{manifest}");
        assert!(!manifest.contains("FRA.fr.pdf"), "{manifest}");
        std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    }
}

#[test]
fn a_code_given_twice_in_a_workbook_names_both_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.xlsx");
    workbook(
        &path,
        &[
            &["code", "name_fr", "name_en", "language"],
            &["FRA", "la France", "France", "fr"],
            &["CAN", "le Canada", "Canada", "en"],
            &["FRA", "la France", "France", "fr"],
        ],
    );
    let records = recipients::load(&path).unwrap().records;
    let errors: Vec<String> = records
        .iter()
        .map(|r| match &r.recipient {
            Ok(_) => "ok".to_owned(),
            Err(diagnostics) => diagnostics[0].to_string(),
        })
        .collect();
    assert!(
        errors[0].contains(
            "twice.xlsx, sheet Missions, cell A2: error: `FRA` is in the list again, at `cell A4`"
        ),
        "{errors:?}"
    );
    assert_eq!(errors[1], "ok");
    assert!(
        errors[2].contains(
            "twice.xlsx, sheet Missions, cell A4: error: `FRA` is already in the list, at `cell A2`"
        ),
        "{errors:?}"
    );
    let (code, errors) = list_errors(dir.path(), "twice.xlsx");
    assert_eq!(code, Some(1));
    let cells: Vec<&str> = errors.iter().map(|e| e["cell"].as_str().unwrap()).collect();
    assert_eq!(cells, ["A2", "A4"]);
}

#[test]
fn a_list_of_a_hundred_thousand_rows_whose_codes_repeat_is_refused_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.csv");
    // Three capitals make 17,576 codes: 100,000 rows repeat them.
    let mut csv = String::from("code,name_fr,name_en,language\n");
    for i in 0..100_000u32 {
        let code: String = [i / 676 % 26, i / 26 % 26, i % 26]
            .iter()
            .map(|&n| char::from(b'A' + n as u8))
            .collect();
        csv.push_str(&format!("{code},le pays,Country,en\n"));
    }
    std::fs::write(&path, csv).unwrap();
    let records = recipients::load(&path).unwrap().records;
    assert_eq!(records.len(), 100_000);
    let refused = records.iter().filter(|r| r.recipient.is_err()).count();
    assert_eq!(refused, 100_000, "every code is given more than once");
    let error = records[17_576].recipient.as_ref().unwrap_err()[0].to_string();
    assert!(
        error.contains("long.csv:17578:1: error: `AAA` is already in the list, at `line 2`"),
        "{error}"
    );
    // `check` says so of every row, and in seconds.
    let started = std::time::Instant::now();
    let (code, report) = common::check_json(dir.path(), &["long.csv"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["errors"], 100_000);
    // The first thousand are said, the others counted in one line.
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1_001);
    assert_eq!(
        diagnostics[1_000]["message"],
        "and 99000 more mistakes in the list, not said: only the first 1000 are"
    );
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    // `batch` writes no note, and sums the rows up in a few lines.
    let out = common::batch_example(dir.path(), "long.csv", &[]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(pdfs(&dir.path().join("out")).is_empty());
    assert!(stderr.lines().count() < 200, "{stderr}");
    assert!(
        stderr.contains("100,000 notes: 0 written, 0 unchanged, 100,000 failed"),
        "{stderr}"
    );
}

#[test]
fn a_workbook_row_is_read_whatever_column_holds_something_and_its_mistakes_are_placed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.xlsx");
    // Column E is the office's own: left out, but a row that holds
    // something only there is still a row, whose missing values are said.
    workbook(
        &path,
        &[
            &["code", "name_fr", "name_en", "language", "Notes", "email"],
            &["FRA", "la France", "France", "fr", "", "paris@example.org"],
            &["", "", "", "", "called on Monday", ""],
            &["GHA", "le Ghana", "Ghana", "en"],
        ],
    );
    let list = recipients::load(&path).unwrap();
    assert_eq!(list.records.len(), 3);
    let france = list.records[0].recipient.as_ref().unwrap();
    assert_eq!(france.email.as_deref(), Some("paris@example.org"));
    let errors: Vec<String> = list.records[1]
        .recipient
        .as_ref()
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(
        errors[0].contains(
            "list.xlsx, sheet Missions, cell A3: error: the cell is empty (column `code`)"
        ),
        "{errors:?}"
    );
    assert_eq!(errors.len(), 4, "code, both names and language: {errors:?}");
    assert!(list.records[2].recipient.is_ok());
    assert_eq!(list.warnings.len(), 1, "{:?}", list.warnings);

    // A header mistake is said at its cell, whatever the rows hold.
    workbook(
        &path,
        &[
            &["code", "name_fr", "name_en", "langauge"],
            &["FRA", "la France", "France", "fr"],
        ],
    );
    let error = recipients::load(&path).unwrap_err().to_string();
    assert!(
        error.contains("list.xlsx, sheet Missions, cell D1: error: `langauge` is not a column of a list of missions"),
        "{error}"
    );
    // An unnamed column that holds values is a mistake; an empty one is not.
    workbook(
        &path,
        &[
            &["code", "name_fr", "name_en", "language", "", "email"],
            &["FRA", "la France", "France", "fr", "x", ""],
        ],
    );
    let error = recipients::load(&path).unwrap_err().to_string();
    assert!(
        error.contains("cell E1: error: this column has no name in the first row"),
        "{error}"
    );
    workbook(
        &path,
        &[
            &["code", "name_fr", "name_en", "language", "", "email"],
            &["FRA", "la France", "France", "fr", "", "a@example.org"],
        ],
    );
    assert!(
        recipients::load(&path).unwrap().records[0]
            .recipient
            .is_ok()
    );
}

#[test]
fn a_list_wrong_in_every_row_says_its_first_thousand_mistakes_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("code,name_fr,name_en,language\n");
    for i in 0..1_500u32 {
        let code: String = [i / 676 % 26, i / 26 % 26, i % 26]
            .iter()
            .map(|&n| char::from(b'A' + n as u8))
            .collect();
        csv.push_str(&format!("{code},le pays,Country,de\n"));
    }
    std::fs::write(dir.path().join("wrong.csv"), csv).unwrap();
    let (code, report) = common::check_json(dir.path(), &["wrong.csv"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["errors"], 1_500);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1_001);
    assert!(
        diagnostics[999]["message"]
            .as_str()
            .unwrap()
            .contains("`de` is not a language of the notes"),
        "{:?}",
        diagnostics[999]
    );
    assert_eq!(diagnostics[999]["line"], 1_001);
    assert_eq!(
        diagnostics[1_000]["message"],
        "and 500 more mistakes in the list, not said: only the first 1000 are"
    );
    // The human report says the same count, the line last.
    let out = noteverbale(dir.path(), &["check", "wrong.csv"]);
    let stderr = common::stderr(&out);
    let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
    assert!(
        stderr.contains("wrong.csv: 1500 errors, 0 warnings"),
        "{tail:?}"
    );
    assert!(
        stderr.contains("error: and 500 more mistakes in the list, not said"),
        "{tail:?}"
    );
    // A batch refuses every row, and says why of those past the thousand.
    let out = common::batch_example(dir.path(), "wrong.csv", &[]);
    assert_eq!(out.status.code(), Some(1));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/manifest.json")).unwrap())
            .unwrap();
    let notes = manifest["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1_500);
    assert!(
        notes[1_499]["error"]
            .as_str()
            .unwrap()
            .contains("this record has mistakes, not said: the list has too many"),
        "{}",
        notes[1_499]
    );
}

#[test]
fn a_title_of_the_list_is_composed_with_its_preposition_and_the_head_s_gender() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("list.csv"),
        "code,name_fr,name_en,language,gender,title_fr,title_en\n\
         FRA,la France,France,fr,female,Chargée d'affaires par intérim,Chargé d'affaires a.i.\n\
         GHA,le Ghana,Ghana,en,male,Chargé d'affaires par intérim,the Chargé d'affaires a.i.\n",
    )
    .unwrap();
    let out = common::batch_example(dir.path(), "list.csv", &["--lang", "all"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let read = |file: &str| common::squeezed_pdf(&dir.path().join("out").join(file));
    let phrase = |text: &str| common::squeeze(text);
    assert!(
        read("FRA.fr.pdf").contains(&phrase("présente ses compliments à la Chargée d'affaires par intérim de la France auprès de l'Organisation des Nations Unies")),
        "{}",
        read("FRA.fr.pdf")
    );
    assert!(
        read("FRA.en.pdf").contains(&phrase(
            "presents his compliments to the Chargé d'affaires a.i. of France to the United Nations"
        )),
        "{}",
        read("FRA.en.pdf")
    );
    assert!(
        read("GHA.fr.pdf").contains(&phrase(
            "présente ses compliments au Chargé d'affaires par intérim du Ghana"
        )),
        "{}",
        read("GHA.fr.pdf")
    );
    // A title that cannot be composed is refused at its cell.
    std::fs::write(
        dir.path().join("wrong.csv"),
        "code,name_fr,name_en,language,gender,title_fr,title_en\n\
         FRA,la France,France,fr,male,la Chargée d'affaires par intérim,Chargé d'affaires a.i.\n",
    )
    .unwrap();
    let (_, errors) = list_errors(dir.path(), "wrong.csv");
    assert_eq!(
        errors[0]["message"],
        "the title `la Chargée d'affaires par intérim` has the article of the other gender than the head of mission's (column `title_fr`)",
        "{errors:?}"
    );
    assert_eq!(errors[0]["line"], 2);
}

#[test]
fn a_mission_s_own_formal_name_from_the_list_wins_in_the_notes_to_missions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("list.csv"),
        "code,name_fr,name_en,language,mission_name_fr,mission_name_en\n\
         FRA,la France,France,fr,la Représentation permanente de la France auprès de l'Office des Nations Unies à Genève et des organisations internationales en Suisse,the Permanent Mission of France to the United Nations Office at Geneva and other international organizations in Switzerland\n\
         GHA,le Ghana,Ghana,en,,\n",
    )
    .unwrap();
    // An office writes to missions: the list's name, contracted in French.
    let meeting = std::fs::read_to_string(repo("examples/request-for-views.yaml")).unwrap();
    std::fs::write(dir.path().join("views.yaml"), meeting).unwrap();
    succeed(
        dir.path(),
        &[
            "batch",
            "views.yaml",
            "-r",
            "list.csv",
            "-o",
            "out",
            "--lang",
            "all",
        ],
    );
    let read = |file: &str| common::squeezed_pdf(&dir.path().join("out").join(file));
    for (file, phrase) in [
        (
            "FRA.fr.pdf",
            "présente ses compliments à la Représentation permanente de la France auprès de l'Office des Nations Unies à Genève et des organisations internationales en Suisse et a l'honneur",
        ),
        (
            "FRA.en.pdf",
            "presents its compliments to the Permanent Mission of France to the United Nations Office at Geneva and other international organizations in Switzerland and has the honour",
        ),
        (
            "GHA.fr.pdf",
            "présente ses compliments à la Mission permanente du Ghana auprès de l'Organisation des Nations Unies",
        ),
    ] {
        assert!(
            read(file).contains(&common::squeeze(phrase)),
            "{file}: {}",
            read(file)
        );
    }
}
