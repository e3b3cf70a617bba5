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
        "65841073e3bc1a8dc9a04f61710386a2b0870f2e246beb273794fcb53f1aed0c",
    ),
    (
        "ccm-7msp.en.pdf",
        "fa811e6651d569b03499ac4844a46996ba06a519d0f9a6e3f0a7c8d7684061c6",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "0d0cc7cef7514253bc768b5aaa4e5b9e01defbc650a0b74cb392381b86db0ca6",
    ),
    (
        "HTI.fr.pdf",
        "5fe2ab2d4309a0c790fb3bdd3e5725df41836b5f6794cd5c5669de3ee4f0bc57",
    ),
    (
        "NLD.en.pdf",
        "d449ea184ab14f3ae7c27b0dcab588ba5016e4b6779de79968bd1d8f77356476",
    ),
    (
        "USA.en.pdf",
        "8343e2f18df9d0acc335d3c655f3f9a421288657c8d310f400bc4e17ac3165e5",
    ),
    (
        "VAT.en.pdf",
        "e26f18d5a7737878e101fc5ef574ef5aaebb7f785fa9b10c41ea84237b913b09",
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
