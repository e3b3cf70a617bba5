//! Helpers shared by the integration tests: the engine, the example, and the
//! text of a PDF as a reader sees it.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use noteverbale::{Engine, Lang, Loaded, Note, NoteOptions, PdfOptions, Sources};

/// The kinds built into the binary, in the order `kinds` lists them.
pub const BUILT_IN_KINDS: [&str; 7] = [
    "change-of-dates",
    "delegation",
    "invitation",
    "note",
    "reminder",
    "request-for-views",
    "transmittal",
];

/// The path of a file of the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The engine with the built-in templates and locales, shared by the tests.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&Sources::default()).expect("the built-in templates load"))
}

/// The command, in `dir`, without colours: give it its arguments, then run
/// it, spawn it or feed it.
pub fn command(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_noteverbale"));
    command.current_dir(dir).args(["--color", "never"]);
    command
}

/// The command, run in `dir` with `args`, without colours.
pub fn noteverbale<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Output {
    command(dir).args(args).output().expect("the binary runs")
}

/// A batch of the example meeting over `list` (a path, or a name in `dir`)
/// into `dir/out`, with `extra` arguments.
pub fn batch_example(dir: &Path, list: &str, extra: &[&str]) -> std::process::Output {
    let meeting = repo("examples/ccm-7msp.yaml");
    let mut args = vec!["batch", meeting.to_str().unwrap(), "-r", list, "-o", "out"];
    args.extend(extra);
    noteverbale(dir, &args)
}

/// The command, which must succeed.
pub fn succeed<S: AsRef<OsStr> + Debug>(dir: &Path, args: &[S]) -> Output {
    let out = noteverbale(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    out
}

/// `check --format json` in `dir` with `args`: its exit status and report.
pub fn check_json<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> (Option<i32>, serde_json::Value) {
    let out = command(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("the binary runs");
    let report = serde_json::from_slice(&out.stdout).expect("the report is JSON");
    (out.status.code(), report)
}

/// What the command printed on its standard output, which is UTF-8.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("the standard output is UTF-8")
}

/// What the command printed on its standard error.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names of the files and folders in `dir`, sorted; none when there is
/// no such folder.
pub fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The names of the PDFs in `dir`, sorted.
pub fn pdfs(dir: &Path) -> Vec<String> {
    files(dir)
        .into_iter()
        .filter(|name| name.ends_with(".pdf"))
        .collect()
}

/// The bundled example meeting.
pub fn example() -> Loaded {
    engine()
        .load(&repo("examples/ccm-7msp.yaml"))
        .expect("the example loads")
}

/// A meeting's note in one language, typeset.
pub fn note(loaded: &Loaded, lang: Lang) -> Note {
    engine()
        .note(loaded, lang, None, &NoteOptions::default())
        .expect("the note typesets")
}

/// The PDF of a meeting's note in one language.
pub fn pdf(loaded: &Loaded, lang: Lang) -> Vec<u8> {
    note(loaded, lang)
        .pdf(&PdfOptions::default())
        .expect("the PDF exports")
}

/// The text Typst laid out, character for character (no-break spaces
/// included), page after page: a space between lines, a line end between
/// pages.
pub fn laid_out_text(note: &Note) -> String {
    note.page_texts()
        .iter()
        .map(|page| page.replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a PDF as extracted, for comparing with expected text through
/// [`squeeze`]: page numbers ("– 2 –") taken out, typographic apostrophes and
/// ellipses folded.
pub fn pdf_text(pdf: &[u8]) -> String {
    let raw = pdf_extract::extract_text_from_mem(pdf).expect("text can be extracted from the PDF");
    let lines: Vec<&str> = raw.lines().filter(|line| !is_page_number(line)).collect();
    fold(&lines.join("\n"))
}

/// The text of each page of a PDF, folded as [`pdf_text`] folds it.
pub fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("text can be extracted from the PDF")
        .iter()
        .map(|page| {
            let lines: Vec<&str> = page.lines().filter(|line| !is_page_number(line)).collect();
            fold(&lines.join("\n"))
        })
        .collect()
}

/// Whether a line is a page number, "– 2 –".
fn is_page_number(line: &str) -> bool {
    let inner = line
        .trim()
        .strip_prefix('–')
        .and_then(|l| l.strip_suffix('–'));
    inner.is_some_and(|n| !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
}

/// Folds typographic apostrophes and ellipses to their plain forms.
pub fn fold(text: &str) -> String {
    text.replace(['’', 'ʼ'], "'").replace('…', "...")
}

/// The text of the PDF file at `path`, without any white space, as
/// [`squeeze`] leaves it.
pub fn squeezed_pdf(path: &Path) -> String {
    squeeze(&pdf_text(&std::fs::read(path).unwrap()))
}

/// The text without any white space (no-break spaces included): text
/// extraction decides spaces and line ends by guesswork, the words and their
/// order are what is compared.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A zip archive of `parts` (name, content), deflated, as a workbook is.
pub fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in parts {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        archive.start_file(*name, options).unwrap();
        archive.write_all(content).unwrap();
    }
    archive.finish().unwrap().into_inner()
}

/// An `.xlsx` of one sheet, `Missions`, whose `<sheetData>` is `rows`, with
/// the shared strings `strings`.
pub fn xlsx(rows: &str, strings: &[&str]) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    let strings: String = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>"#
    );
    zipped(&[
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Missions" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", strings.as_bytes()),
    ])
}

/// A row of an `.xlsx` sheet: cells as (reference, index of a shared
/// string).
pub fn xlsx_row(row: u32, cells: &[(&str, usize)]) -> String {
    let cells: String = cells
        .iter()
        .map(|(at, string)| format!(r#"<c r="{at}" t="s"><v>{string}</v></c>"#))
        .collect();
    format!(r#"<row r="{row}">{cells}</row>"#)
}

/// The header and one mission, as the first two rows of an `.xlsx` sheet
/// over the shared strings [`XLSX_STRINGS`].
pub fn xlsx_list() -> String {
    xlsx_row(1, &[("A1", 0), ("B1", 1), ("C1", 2), ("D1", 3)])
        + &xlsx_row(2, &[("A2", 4), ("B2", 5), ("C2", 6), ("D2", 7)])
}

/// The shared strings of [`xlsx_list`].
pub const XLSX_STRINGS: [&str; 8] = [
    "code",
    "name_fr",
    "name_en",
    "language",
    "FRA",
    "la France",
    "France",
    "fr",
];

/// An `.ods` of one sheet, `Missions`, whose rows are `rows`.
pub fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Missions">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zipped(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#),
    ])
}

/// A row of an `.ods` sheet of text cells.
pub fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|text| {
            format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
        })
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}
