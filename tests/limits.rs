//! Lists and logos that cost far more to read than their size on disk: a
//! stray cell far from the list, parts that unpack to gigabytes, repeated
//! rows and cells, texts of megabytes, images of billions of pixels. Each is
//! made here, small, and refused with the limit it passes and its place.

use std::path::{Path, PathBuf};

use crate::common::{
    self, XLSX_STRINGS, noteverbale, ods, ods_row, repo, xlsx, xlsx_list, xlsx_row,
};
use noteverbale::recipients;

/// `bytes` written to `name` in `dir`.
fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Why the list `bytes`, saved as `name`, is refused.
fn refusal(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), name, bytes);
    match recipients::load(&path) {
        Ok(list) => panic!("{name} is read: {} records", list.records.len()),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_list_within_the_limits_is_read_from_each_kind_of_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "list.xlsx", &xlsx(&xlsx_list(), &XLSX_STRINGS));
    let list = recipients::load(&path).unwrap();
    assert_eq!(list.records.len(), 1);
    assert_eq!(list.records[0].code.as_deref(), Some("FRA"));
    let rows = ods_row(&["code", "name_fr", "name_en", "language"])
        + &ods_row(&["FRA", "la France", "France", "fr"]);
    let path = file(dir.path(), "list.ods", &ods(&rows));
    let list = recipients::load(&path).unwrap();
    assert!(list.records[0].recipient.is_ok(), "{:?}", list.records);
}

#[test]
fn a_stray_cell_far_from_the_list_is_refused_at_its_place() {
    // A note typed in the last column of the sheet: the whole grid to it
    // would be sixteen thousand columns wide.
    let rows = xlsx_list() + &xlsx_row(3, &[("XFD3", 4)]);
    let error = refusal("stray.xlsx", &xlsx(&rows, &XLSX_STRINGS));
    assert!(
        error.contains("stray.xlsx, sheet Missions, cell XFD3: error: cell XFD3 of sheet Missions is far outside the list: delete it")
            && error.contains("a list keeps to the first 100001 rows and the columns A to IV"),
        "{error}"
    );
    // In the last row.
    let rows = xlsx_list() + &xlsx_row(1_048_576, &[("B1048576", 4)]);
    let error = refusal("stray.xlsx", &xlsx(&rows, &XLSX_STRINGS));
    assert!(
        error.contains("cell B1048576 of sheet Missions is far outside the list: delete it"),
        "{error}"
    );
}

#[test]
fn a_part_that_unpacks_past_its_limit_is_refused_before_it_is_unpacked() {
    // 65 MiB of blanks in the shared strings pack to a few dozen kilobytes.
    let blanks = " ".repeat(65 << 20);
    let bytes = xlsx(&xlsx_list(), &[&blanks]);
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let error = refusal("bomb.xlsx", &bytes);
    assert!(
        error.contains("bomb.xlsx: error: the workbook's xl/sharedStrings.xml unpacks to 65.0 MiB, more than the 64 MiB allowed"),
        "{error}"
    );
}

#[test]
fn a_cell_too_long_is_refused_at_its_place() {
    let long = "x".repeat(5_000);
    let mut strings = XLSX_STRINGS.to_vec();
    strings[5] = &long;
    let error = refusal("long.xlsx", &xlsx(&xlsx_list(), &strings));
    assert!(
        error.contains("long.xlsx, sheet Missions, cell B2: error: this cell holds 5000 characters, more than the 1000 allowed"),
        "{error}"
    );
    let error = refusal(
        "long.csv",
        format!("code,name_fr,name_en,language\nFRA,{long},France,fr\n").as_bytes(),
    );
    assert!(
        error.contains(
            "long.csv:2:5: error: this field holds 5000 characters, more than the 1000 allowed"
        ),
        "{error}"
    );
    // The line shown under the message is cut a little past the field.
    let dir = tempfile::tempdir().unwrap();
    let name = "x".repeat(100_000);
    let text = format!("code,name_fr,name_en,language\nFRA,{name},France,fr\n");
    file(dir.path(), "long.csv", text.as_bytes());
    let out = noteverbale(dir.path(), &["check", "long.csv"]);
    let stderr = common::stderr(&out);
    assert!(
        stderr.contains("long.csv:2:5") && stderr.contains("x …") && stderr.len() < 3_000,
        "{} bytes: {}",
        stderr.len(),
        &stderr[..stderr.len().min(600)]
    );
    // In YAML, the record is refused, and the others read.
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "missions:\n  - {{code: FRA, name: {{fr: {long}, en: France}}, language: fr}}\n  - {{code: GHA, name: {{fr: le Ghana, en: Ghana}}, language: en}}\n"
    );
    let path = file(dir.path(), "long.yaml", yaml.as_bytes());
    let list = recipients::load(&path).unwrap();
    let error = list.records[0].recipient.as_ref().unwrap_err()[0].to_string();
    assert!(
        error.contains("this value holds 5000 characters, more than the 1000 allowed")
            && error.contains("missions[0].name.fr"),
        "{error}"
    );
    assert!(list.records[1].recipient.is_ok());
}

#[test]
fn a_text_too_long_for_any_cell_is_refused_before_the_workbook_is_read() {
    // The XML reader would hold it whole before the cell is known.
    let text = "x".repeat(100_000);
    let rows = xlsx_list()
        + &format!(r#"<row r="3"><c r="B3" t="inlineStr"><is><t>{text}</t></is></c></row>"#);
    let error = refusal("inline.xlsx", &xlsx(&rows, &XLSX_STRINGS));
    assert!(
        error.contains("inline.xlsx: error: the workbook's xl/worksheets/sheet1.xml holds a text of more than 64 KiB at byte ")
            && error.contains("no value of a list is so long"),
        "{error}"
    );
}

#[test]
fn a_text_used_in_many_cells_is_counted_each_time() {
    // One shared string of 900 characters in 80,000 cells: 72 MB to keep.
    let text = "x".repeat(900);
    let mut strings = XLSX_STRINGS.to_vec();
    strings.push(&text);
    let mut rows = xlsx_list();
    for row in 3..80_003 {
        rows.push_str(&xlsx_row(row, &[(&format!("E{row}"), 8)]));
    }
    let error = refusal("many.xlsx", &xlsx(&rows, &strings));
    assert!(
        error.contains(
            "error: the cells of sheet Missions hold more than the 64 MiB of text allowed"
        ),
        "{error}"
    );
}

#[test]
fn repeated_rows_and_cells_of_an_ods_are_counted_not_written_out() {
    let header = ods_row(&["code", "name_fr", "name_en", "language"]);
    // A number repeated down every row of the sheet.
    let rows = format!(
        r#"{header}<table:table-row table:number-rows-repeated="1048575"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#
    );
    let bytes = ods(&rows);
    assert!(bytes.len() < 2_000, "{}", bytes.len());
    let error = refusal("repeated.ods", &bytes);
    assert!(
        error.contains("repeated.ods, sheet Missions, cell A100002: error: cell A100002 of sheet Missions is far outside the list: delete it"),
        "{error}"
    );
    // Within the rows and columns, but too many cells together.
    let rows = format!(
        r#"{header}<table:table-row table:number-rows-repeated="50000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row>"#
    );
    let error = refusal("repeated.ods", &ods(&rows));
    assert!(
        error.contains("error: the list in sheet Missions spans cells A1 to CV50001: 5000100 cells, more than the 2000000 allowed"),
        "{error}"
    );
    // A run of a billion spaces in one cell.
    let rows = format!(
        r#"{header}<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row>"#
    );
    let error = refusal("spaces.ods", &ods(&rows));
    assert!(
        error.contains("spaces.ods, sheet Missions, cell A2: error: this cell holds 1000000002 characters, more than the 1000 allowed"),
        "{error}"
    );
}

#[test]
fn a_csv_list_keeps_to_the_columns_and_cells_of_a_list() {
    let header = vec!["x"; 300].join(",");
    let error = refusal("wide.csv", format!("{header}\n").as_bytes());
    assert!(
        error.contains(
            "wide.csv:1:513: error: this is field 257 of its line, far outside the list: delete it"
        ),
        "{error}"
    );
    // 200 columns and 20,000 lines of one field each: 4,000,000 cells once
    // each line is given a cell for each column.
    let header = (0..200)
        .map(|n| format!("c{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let text = format!("{header}\n{}", "x\n".repeat(20_000));
    let error = refusal("long.csv", text.as_bytes());
    assert!(
        error.contains("error: the list has 20001 lines of 200 fields: 4000200 cells, more than the 2000000 allowed"),
        "{error}"
    );
}

#[test]
fn columns_left_out_are_named_five_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let own: Vec<String> = (1..=20).map(|n| format!("Extra {n}")).collect();
    let text = format!(
        "code,name_fr,name_en,language,{}\nFRA,la France,France,fr{}\n",
        own.join(","),
        ",".repeat(20)
    );
    let path = file(dir.path(), "wide.csv", text.as_bytes());
    let list = recipients::load(&path).unwrap();
    let warnings: Vec<String> = list.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 6, "{warnings:?}");
    assert!(
        warnings[4].contains("the column `Extra 5` is not one a note uses"),
        "{warnings:?}"
    );
    assert!(
        warnings[5].contains("warning: and 15 more columns a note does not use are left out"),
        "{warnings:?}"
    );
}

/// A PNG's signature and header, declaring its size, and nothing else.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&width.to_be_bytes());
    png.extend_from_slice(&height.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    png
}

#[test]
fn a_logo_of_too_many_pixels_is_refused_before_it_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    for (name, bytes) in [
        ("huge.png", png_header(30_000, 30_000)),
        (
            "huge.svg",
            br#"<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"/>"#.to_vec(),
        ),
    ] {
        file(dir.path(), name, &bytes);
        let text = meeting.replace("# logo: un-emblem.svg", &format!("logo: {name}"));
        file(dir.path(), "meeting.yaml", text.as_bytes());
        let out = noteverbale(dir.path(), &["render", "meeting.yaml", "-o", "out"]);
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "error: `{name}` is 30000 × 30000 pixels, more than the 25 megapixels allowed (field `logo`)"
            )) && stderr.contains("meeting.yaml:"),
            "{stderr}"
        );
    }
    // A logo within the limit is read.
    file(dir.path(), "small.png", &png_header(2_000, 2_000));
    let text = meeting.replace("# logo: un-emblem.svg", "logo: small.png");
    file(dir.path(), "meeting.yaml", text.as_bytes());
    let out = noteverbale(dir.path(), &["check", "meeting.yaml"]);
    assert!(!common::stderr(&out).contains("megapixels"));
}

#[test]
fn an_xls_workbook_is_refused_before_its_reader_allocates() {
    // The compound file's signature, and nothing a reader could lay out:
    // the refusal comes from the format, not from what the file holds.
    let signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let error = refusal("missions.XLS", &signature);
    assert!(
        error.contains("an .xls workbook (Excel 97–2003) is not read")
            && error.contains("save the list as .xlsx"),
        "{error}"
    );
}
