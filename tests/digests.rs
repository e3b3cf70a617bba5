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
        "985761d2b3f2cd179758ff1908026492d2da58c01326af6cf98cfee9a219afea",
    ),
    (
        "ccm-7msp.en.pdf",
        "d084cf108bed20f4a6659852375172e71c7fd89f1c76c7b057c27c1cda96a3c5",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "83378d99abee25d767619485b9261fe18898810027c34d1618f134f3841ac607",
    ),
    (
        "HTI.fr.pdf",
        "8c925ffe0e3ddd2a4f5a2bf568e1dfaf4c4f56679e03703fa1f6da3708019aef",
    ),
    (
        "NLD.en.pdf",
        "33045a07b1ebd5ff103fa0320ade226a1a9a8d3d736337ce12231fa450636e5b",
    ),
    (
        "USA.en.pdf",
        "c968110aa9bdbe2b0bd8cccb0db1a9499ec2c27de021378a46bb7b663511324a",
    ),
    (
        "VAT.en.pdf",
        "190241fad1d99741964abf7e54d01e421d760401ce449f0e67d1324ddc8a1b57",
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
