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
        "4fc24d687c9d434dde8facfaab16be950e898c7165fb6c1ef54f7952ce88a367",
    ),
    (
        "ccm-7msp.en.pdf",
        "4d173c887857b7bb6674709a20b824abf058609b7a4c517b7976b51005ad1530",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "fea25da7e0df82db51af811df7437e329dbe33e8acebceefaec9cb4e01d5aae5",
    ),
    (
        "HTI.fr.pdf",
        "3a73c1fda46a39892c140cc532afb538f942e442e45df20b942ba3ac5f182f7c",
    ),
    (
        "NLD.en.pdf",
        "a0c7782b1973791403463dce76a9a26b41b278378585a6541e18a21beebf9420",
    ),
    (
        "USA.en.pdf",
        "0781546254f6d7b8d118704ce859f10953a177ccc390b1fa844aa43c1af56581",
    ),
    (
        "VAT.en.pdf",
        "6332011cdb14aa94e96a2ca86bb0a9f1fc9cb8184a5d1219ba9a52748688e6a1",
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
