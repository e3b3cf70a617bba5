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
        "61710f4e8e4c6f5c61cb67980ed52c014cae661175e60a75cb4a7f53e07db69c",
    ),
    (
        "ccm-7msp.en.pdf",
        "2c9a3687d322c1b4d8f2e9aa9ea32d690c04e1e3b9077ee42599c8ccdd452b78",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "812b2b061775c937f82e68c17ea1e03cf7634465e31b5216edaf48aff58bda88",
    ),
    (
        "HTI.fr.pdf",
        "81ff47c633d54de642d840fbf35d89e99d29c9c405983619524ebf51e09ca1f0",
    ),
    (
        "NLD.en.pdf",
        "14157ab5351eb8786e07eda993e5f47f343bb9cbc17014731cf16b010b45d8af",
    ),
    (
        "USA.en.pdf",
        "04908fd156f6d0178a93ecfce123a7901275703d6154206e57c8d78c2d124d2d",
    ),
    (
        "VAT.en.pdf",
        "54dca2b4ceda09a7a6a6f8e2d18e1d72102fc537e8784b20b63a71a4a952c3d8",
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
