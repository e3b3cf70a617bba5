//! The notes, to the byte: the SHA-256 of the example's two PDFs and of five
//! batch notes, as the tool made them when these digests were taken. A
//! change to the code that is meant to leave every note as it was keeps them;
//! a change to what the notes say or how they look changes them, on purpose,
//! and a reviewer compares the old and new PDFs before updating the list.

mod common;

use std::path::Path;
use std::process::Command;

use common::repo;
use sha2::{Digest, Sha256};

/// The example's notes, as `render` writes them.
const RENDERED: &[(&str, &str)] = &[
    (
        "ccm-7msp.fr.pdf",
        "bfa7c9a8fc4c00e5ae4828155a89aa9673104ffc31e6c0c450f3f4dafcb6c765",
    ),
    (
        "ccm-7msp.en.pdf",
        "b9035f169db90ed9276cd68b17f14b66a6f8ab01b0d2a6b5ca1c9eb8528974a3",
    ),
];

/// Five missions' notes, as `batch` writes them: French and English, a
/// Member and an observer State, names with and without their article.
const BATCHED: &[(&str, &str)] = &[
    (
        "FRA.fr.pdf",
        "2410226df98e9c947c709a5f5a438422e407b10ec24c834d3ab4ff274283668c",
    ),
    (
        "HTI.fr.pdf",
        "690343cc1c043211e6c5b5bd62bbbc8fd7596df782572f4216123425c1573695",
    ),
    (
        "NLD.en.pdf",
        "b5c752198f353b41a8bdd31433a4791decdfe93bafc2b1472a7e3f7b9d2ab734",
    ),
    (
        "USA.en.pdf",
        "3ec22cfb5864aa89de5059845ad620f6a646355c24823d7504198a0f8f8fdf52",
    ),
    (
        "VAT.en.pdf",
        "875297299ac28213d3ca1f73929b502c80a6d67f8ce3567e8ab3e08428985677",
    ),
];

fn run(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_noteverbale"))
        .args(args)
        .arg("-q")
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

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
    run(dir.path(), &["render", example, "-o", "render"]);
    run(
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
        ],
    );
    let mut differ = compare(&dir.path().join("render"), RENDERED);
    differ.extend(compare(&dir.path().join("batch"), BATCHED));
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
