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
        "0d8df7f78bb4b2a54d90cd6fd20a9d2bdd503439a67c64860b50d6295cbaae43",
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
        "29a58a44cbe814ce0e1741cb71c95bb9848567459d6737288ec55b3178af80a4",
    ),
    (
        "USA.en.pdf",
        "662348f931579b9575bbe39a626b973e476ae3f41ad2b9df20be55b18ff0fd94",
    ),
    (
        "VAT.en.pdf",
        "92a4c9373032e680468f135fcf5bfa6e865255ffef49c76d35fafdb0c7045cd3",
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
