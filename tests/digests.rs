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
        "a92fbc2016490386cc96ace42acf7bc72b14700933eff4e3c1f76309ab308a64",
    ),
    (
        "ccm-7msp.en.pdf",
        "a028515f2564ec5b25a2936c82a1c50f569faf32ba3303d7d525307a18cf66e5",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "d893c7b5ed0bd01888bdaac39176da7694b70f18eb51affa33eb4abe09ac2647",
    ),
    (
        "HTI.fr.pdf",
        "05d8f78b825b106e930ebe65ed0e39858abf51542ef25eb958c9960048ee130b",
    ),
    (
        "NLD.en.pdf",
        "7b803737880ee5a458d6e44d6b1e1be46fa1041f0b9c903a00c63916b8fa31c7",
    ),
    (
        "USA.en.pdf",
        "4fcebcfede311bd840cce0afccfa1677e1cd7ec399a6201b7e3d04350d013542",
    ),
    (
        "VAT.en.pdf",
        "f96ee6fa10e3285bf5401f653eebfe1346d656a98dd5f6f00c655a060ba71ea2",
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
