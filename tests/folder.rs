//! The output folder of a batch is the run's alone: no two outputs on one
//! name, nothing written through a symbolic link, and only the temporary
//! files of the run that held the folder before cleared.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{files, pdfs, repo};
use noteverbale::batch::{JOURNAL, LOCK};

/// Two missions, both with an address.
fn list(dir: &Path) -> PathBuf {
    let path = dir.join("list.csv");
    std::fs::write(
        &path,
        "code,name_fr,name_en,language,email\n\
         FRA,la France,France,fr,mission.france@example.org\n\
         CAN,le Canada,Canada,en,mission.canada@example.org\n",
    )
    .unwrap();
    path
}

/// A batch of the example over the two missions into `out`, in `dir`.
fn batch(dir: &Path, extra: &[&str]) -> Output {
    let list = list(dir);
    let mut args = vec!["-q"];
    args.extend(extra);
    common::batch_example(dir, list.to_str().unwrap(), &args)
}

#[cfg(unix)]
fn link(target: &str, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[test]
#[cfg(unix)]
fn a_journal_planted_as_a_link_is_refused_and_what_it_points_to_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "untouched\n").unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    link("../victim.txt", &dir.path().join("out").join(JOURNAL));
    let out = batch(dir.path(), &[]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(
            "error: `out/.noteverbale-journal.jsonl` is a symbolic link: nothing is written through a link"
        ),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched\n");
    assert!(pdfs(&dir.path().join("out")).is_empty());
}

#[test]
#[cfg(unix)]
fn a_manifest_or_a_note_planted_as_a_link_is_refused() {
    for planted in ["manifest.json", "FRA.fr.pdf", LOCK] {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "untouched\n").unwrap();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        link("../victim.txt", &dir.path().join("out").join(planted));
        let out = batch(dir.path(), &[]);
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{planted}: {stderr}");
        assert!(
            stderr.contains(&format!("`out/{planted}` is a symbolic link")),
            "{stderr}"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched\n");
        assert!(pdfs(&dir.path().join("out")).iter().all(|p| p == planted));
    }
}

#[test]
#[cfg(unix)]
fn a_subfolder_that_is_a_link_is_refused_and_nothing_is_written_outside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    link("../elsewhere", &dir.path().join("out/sub"));
    let out = batch(dir.path(), &["--pattern", "sub/{code}.pdf"]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("error: `out/sub` is a symbolic link: nothing is written through a link"),
        "{stderr}"
    );
    assert!(files(&dir.path().join("elsewhere")).is_empty());
    assert_eq!(files(&dir.path().join("out")), ["sub"], "nothing written");
}

#[test]
fn print_and_mail_may_not_name_a_file_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    for (args, message) in [
        (
            &["--print", "out/FRA.fr.pdf"][..],
            "`out/FRA.fr.pdf` would be both the note FRA fr and the combined PDF to print",
        ),
        // Some file systems fold case: `fra.FR.pdf` is France's note there.
        (
            &["--print", "out/fra.FR.pdf"][..],
            "`out/FRA.fr.pdf` and `out/fra.FR.pdf` would be both the note FRA fr and the combined PDF to print",
        ),
        (
            &["--print", "out/manifest.json"][..],
            "would be both a file the batch keeps in its output folder and the combined PDF",
        ),
        (
            &["--print", "out"][..],
            "`out` would be both a folder the notes are written into and the combined PDF",
        ),
        (
            &["--mail", "out/CAN.en.pdf"][..],
            "`out/CAN.en.pdf` would be both the note CAN en and the folder of the e-mail drafts",
        ),
        (
            &["--mail", "drafts", "--print", "drafts/FRA.eml"][..],
            "`drafts/FRA.eml` would be both the e-mail draft to FRA and the combined PDF to print",
        ),
    ] {
        let out = batch(dir.path(), args);
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(
            !dir.path().join("out").exists() && !dir.path().join("drafts").exists(),
            "{args:?}: nothing written"
        );
    }
    // The drafts may go into the output folder itself: no file of the run
    // is named.
    let out = batch(dir.path(), &["--mail", "out", "--print", "all.pdf"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        files(&dir.path().join("out")),
        [
            "CAN.eml",
            "CAN.en.pdf",
            "FRA.eml",
            "FRA.fr.pdf",
            "manifest.csv",
            "manifest.json"
        ]
        .into_iter()
        .chain([LOCK])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
}

#[test]
fn an_output_folder_that_is_a_file_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("out"), "a file").unwrap();
    let out = batch(dir.path(), &[]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: `out` is a file, not a folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out")).unwrap(),
        "a file"
    );
}

#[test]
fn a_batch_clears_the_temporary_files_of_the_run_before_it_and_no_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(batch(dir.path(), &[]).status.success());
    // The run that held the folder, as if killed while writing: its token
    // is in the lock's file.
    let token = std::fs::read_to_string(out.join(LOCK)).unwrap();
    assert!(!token.trim().is_empty());
    std::fs::write(out.join(format!(".noteverbale-{token}-abcdef.part")), "cut").unwrap();
    // Another batch's, into a folder inside this one, and another
    // process's in this folder.
    std::fs::create_dir(out.join("inner")).unwrap();
    let inner = out.join("inner/.noteverbale-1-0badcafe-abcdef.part");
    std::fs::write(&inner, "another batch's").unwrap();
    let other = out.join(".noteverbale-1-0badcafe-ghijkl.part");
    std::fs::write(&other, "another process's").unwrap();
    let again = batch(dir.path(), &["--force"]);
    assert!(again.status.success(), "{}", common::stderr(&again));
    let parts: Vec<String> = files(&out)
        .into_iter()
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert_eq!(parts, [".noteverbale-1-0badcafe-ghijkl.part"]);
    assert_eq!(std::fs::read_to_string(&inner).unwrap(), "another batch's");
    assert_ne!(std::fs::read_to_string(out.join(LOCK)).unwrap(), token);
}

#[test]
fn a_batch_into_a_folder_leaves_alone_a_batch_running_into_a_folder_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    // Thirty missions of the bundled list, one note at a time: long enough
    // to be running still when the other batch starts.
    let records = noteverbale::recipients::load(&repo("examples/missions.yaml"))
        .unwrap()
        .records;
    let mut csv = String::from("code,name_fr,name_en,language\n");
    for record in records.iter().take(30) {
        let r = record.recipient.as_ref().unwrap();
        csv.push_str(&format!(
            "{},\"{}\",\"{}\",{}\n",
            r.code,
            r.name.get(noteverbale::Lang::Fr),
            r.name.get(noteverbale::Lang::En),
            r.language
        ));
    }
    std::fs::write(dir.path().join("thirty.csv"), csv).unwrap();
    let inner = dir.path().join("out/inner");
    let mut running = common::command(dir.path())
        .arg("batch")
        .arg(repo("examples/ccm-7msp.yaml"))
        .args(["-r", "thirty.csv", "-o", "out/inner", "-j", "1", "-q"])
        .spawn()
        .unwrap();
    let journaled =
        || std::fs::read_to_string(inner.join(JOURNAL)).map_or(0, |t| t.lines().count());
    let started = std::time::Instant::now();
    while journaled() < 2 {
        assert!(started.elapsed().as_secs() < 120, "no note was journaled");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let outer = batch(dir.path(), &[]);
    assert!(outer.status.success(), "{}", common::stderr(&outer));
    assert!(running.wait().unwrap().success(), "the inner batch failed");
    assert_eq!(pdfs(&inner).len(), 30);
    assert_eq!(pdfs(&dir.path().join("out")), ["CAN.en.pdf", "FRA.fr.pdf"]);
}
