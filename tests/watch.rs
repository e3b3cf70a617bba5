//! `watch`: the notes are typeset again on each save, a mistake leaves the
//! last good PDFs in place, and the next good save replaces them.

use crate::common;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{files, pdf_text, repo, squeeze};

/// Waits until `test` holds, for at most a minute.
fn wait_for(what: &str, mut test: impl FnMut() -> bool) {
    let start = Instant::now();
    while !test() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "waited for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn french(out: &Path) -> String {
    std::fs::read(out.join("meeting.fr.pdf"))
        .map(|pdf| squeeze(&pdf_text(&pdf)))
        .unwrap_or_default()
}

#[test]
fn each_save_is_typeset_and_a_mistake_keeps_the_last_good_notes() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("meeting.yaml");
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    std::fs::write(&meeting, &text).unwrap();
    let out = dir.path().join("out");
    let mut child = common::command(dir.path())
        .args(["watch", "meeting.yaml", "--out", "out"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    wait_for("the first notes", || french(&out).contains("septième"));
    // Give the watcher time to start before the first save.
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(&meeting, text.replace("ordinal: 7 ", "ordinal: 8 ")).unwrap();
    wait_for("the eighth meeting", || french(&out).contains("huitième"));

    std::fs::write(&meeting, text.replace("ordinal: 7 ", "ordinal: eight ")).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        french(&out).contains("huitième"),
        "the last good note stays"
    );

    std::fs::write(&meeting, text.replace("ordinal: 7 ", "ordinal: 9 ")).unwrap();
    wait_for("the ninth meeting", || french(&out).contains("neuvième"));

    child.kill().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("#1 wrote"), "{stderr}");
    assert!(
        stderr.contains("invalid type: string \"eight\", expected u32 (field `meeting.ordinal`)"),
        "{stderr}"
    );
    assert!(stderr.contains("meeting.yaml:"), "{stderr}");
    assert!(stderr.contains("failed in"), "{stderr}");
    let leftovers: Vec<_> = files(&out)
        .into_iter()
        .filter(|n| !n.ends_with(".pdf"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
