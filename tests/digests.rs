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
        "d97e965bbee0cc99a4e1bc302b2d0a48ff33b1b830bd49928065d2aa965cdcbf",
    ),
    (
        "ccm-7msp.en.pdf",
        "9f42e51ce2da83d901c994267e3f6f7f9ac88bf5606877509321abef81ce1a32",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "53d93133e2bd059d5f5aafdc4a5d63f17a5cd17063fbe857e19c87d5c9236237",
    ),
    (
        "HTI.fr.pdf",
        "a0c925304bfad49c82f312f05182cf58aac23ffa556d79e787bbc36f498771ee",
    ),
    (
        "NLD.en.pdf",
        "9003b3328bad2ab26d1a643f7aca802968917b84ff5f4722fe01972fe702934d",
    ),
    (
        "USA.en.pdf",
        "881ded4d35013bf01300b5e28024081b9458c63df6a78c01cff0f926f0ea0ec8",
    ),
    (
        "VAT.en.pdf",
        "f52b4e4376c007de93e887b122223cbd3ff74480f6a63aff20f392da0feda82c",
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
