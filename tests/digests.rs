//! The notes, to the byte: the SHA-256 of the example's two PDFs and of five
//! batch notes, as the tool made them when these digests were taken. A
//! change to the code that is meant to leave every note as it was keeps them;
//! a change to what the notes say or how they look changes them, on purpose,
//! and a reviewer compares the old and new PDFs before updating the list.

use crate::common;

use std::path::Path;

use common::{repo, succeed};
use sha2::{Digest, Sha256};

/// The example's notes, as `render` writes them.
const RENDERED: &[(&str, &str)] = &[
    (
        "ccm-7msp.fr.pdf",
        "8273a53598721affc3afca85e95e9d9fba28b2fd62994930b1fd638998e86b9d",
    ),
    (
        "ccm-7msp.en.pdf",
        "42735560267382d5938f7a68683e83b39939bf53f8bc4320eaa2c006c7d5ac3e",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "0ea376ca1ba4d68e7f610982ee876c3529162e5bf2c33a8fa601253822c3d640",
    ),
    (
        "HTI.fr.pdf",
        "ff3f7fabef10e9f897fe6dd5bb673b935aaf982b97c71c1a743458400993b8dc",
    ),
    (
        "NLD.en.pdf",
        "79af477dfd4d41addd0404bbf64912fae83dcc6ae0e764b873f50a222c18f015",
    ),
    (
        "USA.en.pdf",
        "f5d91ede11dee031491a23d17b6f6b2d66307633ffd863bc13097cf3e71a78c2",
    ),
    (
        "VAT.en.pdf",
        "8944ef3ca5ea8854a3ee2c98732882b6d5ea1acec2015cce273403aac6a3022a",
    ),
];

fn sha256(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn compare(dir: &Path, expected: &[(&str, &str)]) -> Vec<String> {
    expected
        .iter()
        .filter_map(|(file, digest)| {
            let found = sha256(&dir.join(file));
            (found != *digest).then(|| format!("{file}: {found}, expected {digest}"))
        })
        .collect()
}

#[test]
fn the_notes_are_the_same_to_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let example = repo("examples/ccm-7msp.yaml");
    let missions = repo("examples/missions.yaml");
    let example = example.to_str().unwrap();
    succeed(dir.path(), &["render", example, "-o", "render", "-q"]);
    succeed(
        dir.path(),
        &[
            "batch",
            example,
            "-r",
            missions.to_str().unwrap(),
            "--only",
            "FRA,HTI,NLD,USA,VAT",
            "-o",
            "batch",
            "-q",
        ],
    );
    let mut differ = compare(&dir.path().join("render"), RENDERED);
    differ.extend(compare(&dir.path().join("batch"), BATCHED));
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
