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
        "927abc4ccca32927a80e165982761d2ac07107e59d9fc9433e80e44c10b71ca2",
    ),
    (
        "ccm-7msp.en.pdf",
        "09d3adeb2b3626b84351594467fdd014d2109546cf39800457fad4a785307b76",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "b750b5fb7fa0134de2e3827c7e34b097dfd0c81f2835c1d8e079b350cd913654",
    ),
    (
        "HTI.fr.pdf",
        "ad076e11c5a6b96517647b3805c8be2da90646e977adba00627334b8f0bb1174",
    ),
    (
        "NLD.en.pdf",
        "65624be095e5fa5a0c488b2baf62dd24b0ab1c5bdd3df8493a31d6224c9b64fc",
    ),
    (
        "USA.en.pdf",
        "7e7de06154c5802f6daef754393cfcf5b273acbd700bb3e0ca32d78fc9959186",
    ),
    (
        "VAT.en.pdf",
        "4699e7ddc09b23c4c9c92d34516c45d12db525bb126182672f2a0fe7a8a5a510",
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
