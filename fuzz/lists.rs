//! What the `lists` fuzz target checks, shared with the test that replays
//! its corpus (`tests/fuzz_corpus.rs`), so that the corpus is checked on
//! stable Rust too.
//!
//! From any bytes, read as a list of missions: reading never panics, and a
//! list that is read keeps to the limits of a list (its rows, the text of
//! each value, the warnings it gets). The first byte says what the rest is:
//!
//! - `0`: a CSV file; `1`: a YAML file; `2`: an `.xlsx` file; `3`: an `.ods`
//!   file; `4`: an `.xls` file;
//! - `5`: the XML of an `.xlsx` sheet, then a `0xFF` byte and its shared
//!   strings' XML, packed here into a workbook, so that the fuzzer changes
//!   cells, not the checksums of an archive;
//! - `6`: the `content.xml` of an `.ods`, packed likewise.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use noteverbale::input::{CELL_TEXT, LIST_ROWS};
use noteverbale::recipients;

/// Checks one input; panics on a failure.
pub fn check(data: &[u8]) {
    let Some(Ok(list)) = read(data) else {
        return;
    };
    assert!(
        list.records.len() <= LIST_ROWS as usize,
        "{} records",
        list.records.len()
    );
    assert!(list.warnings.len() <= 6, "{} warnings", list.warnings.len());
    for record in &list.records {
        let Ok(recipient) = &record.recipient else {
            continue;
        };
        for lang in noteverbale::Lang::ALL {
            let name = recipient.name.get(lang);
            assert!(
                name.chars().count() <= CELL_TEXT,
                "a name of {} bytes",
                name.len()
            );
        }
        assert!(
            recipient
                .address
                .iter()
                .all(|line| line.chars().count() <= CELL_TEXT)
        );
    }
}

/// The list an input gives, read; `None` for an empty input.
pub fn read(data: &[u8]) -> Option<noteverbale::Result<recipients::List>> {
    let (&format, rest) = data.split_first()?;
    let (extension, bytes) = match format % 7 {
        0 => ("csv", rest.to_vec()),
        1 => ("yaml", rest.to_vec()),
        2 => ("xlsx", rest.to_vec()),
        3 => ("ods", rest.to_vec()),
        4 => ("xls", rest.to_vec()),
        5 => {
            let (sheet, strings) = match rest.iter().position(|b| *b == 0xFF) {
                Some(at) => (&rest[..at], &rest[at + 1..]),
                None => (rest, &[][..]),
            };
            ("xlsx", xlsx(sheet, strings))
        }
        _ => ("ods", ods(rest)),
    };
    let path = scratch(extension);
    std::fs::write(&path, &bytes).expect("the scratch file is written");
    let list = recipients::load(&path);
    let _ = std::fs::remove_file(&path);
    Some(list)
}

/// A file of its own to write an input to, named with `extension`: the
/// folder is this process's, the name a count of the inputs so far.
fn scratch(extension: &str) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("noteverbale-fuzz-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the scratch folder is made");
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{count}.{extension}"))
}

/// An `.xlsx` of one sheet, `Missions`, of the XML `sheet` and the shared
/// strings `strings`.
fn xlsx(sheet: &[u8], strings: &[u8]) -> Vec<u8> {
    stored(&[
        ("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Missions" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", strings),
    ])
}

/// An `.ods` of the XML `content`.
fn ods(content: &[u8]) -> Vec<u8> {
    stored(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
        ("META-INF/manifest.xml", br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#),
    ])
}

/// A zip archive of `parts` (name, content), stored without compression.
fn stored(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut archive = Vec::new();
    let mut directory = Vec::new();
    for (name, content) in parts {
        let offset = archive.len() as u32;
        let crc = crc32(content);
        let size = content.len() as u32;
        // The fields both headers share, from "version needed" to the
        // name's length.
        let mut common = Vec::new();
        common.extend_from_slice(&20u16.to_le_bytes()); // version needed
        common.extend_from_slice(&0u16.to_le_bytes()); // flags
        common.extend_from_slice(&0u16.to_le_bytes()); // stored
        common.extend_from_slice(&0u32.to_le_bytes()); // time and date
        common.extend_from_slice(&crc.to_le_bytes());
        common.extend_from_slice(&size.to_le_bytes());
        common.extend_from_slice(&size.to_le_bytes());
        common.extend_from_slice(&(name.len() as u16).to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes()); // extra field
        archive.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        archive.extend_from_slice(&common);
        archive.extend_from_slice(name.as_bytes());
        archive.extend_from_slice(content);
        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // version made by
        directory.extend_from_slice(&common);
        directory.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let start = archive.len() as u32;
    archive.extend_from_slice(&directory);
    archive.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    archive.extend_from_slice(&[0; 4]); // disks
    archive.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    archive.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    archive.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    archive.extend_from_slice(&start.to_le_bytes());
    archive.extend_from_slice(&0u16.to_le_bytes()); // comment
    archive
}

/// The CRC-32 of zip archives.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
