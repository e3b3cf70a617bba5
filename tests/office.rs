//! A batch as a protocol office runs it: many records broken the same way,
//! every note in one PDF to print, e-mail drafts to send, two batches into
//! one folder, and a run killed with `kill -9` then run again.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{files, noteverbale, pdfs, repo, squeeze, succeed};
use noteverbale::Lang;
use noteverbale::batch::{self, JOURNAL, LOCK, Manifest, Status};

/// A CSV list of the first `n` missions of the bundled list, with an e-mail
/// address for every other one.
fn list(dir: &Path, n: usize) -> PathBuf {
    let records = noteverbale::recipients::load(&repo("examples/missions.yaml"))
        .unwrap()
        .records;
    let mut csv = String::from("code,name_fr,name_en,language,status,email\n");
    for (i, record) in records.iter().take(n).enumerate() {
        let r = record.recipient.as_ref().unwrap();
        let status = match r.status {
            noteverbale::recipients::Status::Member => "",
            noteverbale::recipients::Status::Observer => "observer",
        };
        let email = if i % 2 == 0 {
            format!("{}@missions.example.org", r.code.to_lowercase())
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "{},\"{}\",\"{}\",{},{status},{email}\n",
            r.code,
            r.name.get(Lang::Fr),
            r.name.get(Lang::En),
            r.language
        ));
    }
    let path = dir.join("list.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

fn batch_args<'a>(list: &'a Path, extra: &[&'a str]) -> Vec<String> {
    let mut args = vec![
        "batch".to_owned(),
        repo("examples/ccm-7msp.yaml").display().to_string(),
        "-r".into(),
        list.display().to_string(),
        "-o".into(),
        "out".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

/// `batch_args` with more meeting files after the bundled example.
fn batch_args_with(list: &Path, more: &[&Path], extra: &[&str]) -> Vec<String> {
    let mut args = batch_args(list, extra);
    for (index, meeting) in more.iter().enumerate() {
        args.insert(2 + index, meeting.display().to_string());
    }
    args
}

/// Runs the command, which must end with `code`, and returns its standard
/// error.
fn ends_with(dir: &Path, args: &[String], code: i32) -> String {
    let out = noteverbale(dir, args);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    stderr
}

fn manifest(out: &Path) -> Manifest {
    serde_json::from_slice(&std::fs::read(out.join(batch::MANIFEST_JSON)).unwrap()).unwrap()
}

fn listed(out: &Path) -> Vec<String> {
    let mut files: Vec<String> = manifest(out)
        .notes
        .into_iter()
        .filter(|n| n.status == Status::Ok)
        .filter_map(|n| n.file)
        .collect();
    files.sort();
    files
}

#[test]
fn thousands_of_records_broken_alike_are_summed_up_in_a_few_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("code,name_fr,name_en,language\nFRA,la France,France,fr\n");
    for i in 0..2_000 {
        // Codes of three capitals, every one with the same wrong language.
        let code: String = [i / 676, i / 26 % 26, i % 26]
            .iter()
            .map(|&n| char::from(b'A' + n as u8))
            .collect();
        csv.push_str(&format!("{code},le {code},{code},french\n"));
    }
    std::fs::write(dir.path().join("list.csv"), csv).unwrap();
    let out = noteverbale(dir.path(), &batch_args(Path::new("list.csv"), &[]));
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines = stderr.lines().count();
    assert!(lines < 60, "{lines} lines:\n{stderr}");
    // The first thousand mistakes are said; the rows past them are refused
    // as the list's mistakes not said, summed up alike.
    assert!(
        stderr.contains("the same error in 997 more rows: 6–1,002"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: this record has mistakes, not said: the list has too many")
            && stderr.contains("the same error for 997 more notes: BMP, BMQ"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2,001 notes: 1 written, 0 unchanged, 2,000 failed"),
        "{stderr}"
    );
    let manifest = manifest(&dir.path().join("out"));
    assert_eq!(manifest.notes.len(), 2_001);
    assert_eq!(
        manifest
            .notes
            .iter()
            .filter(|n| n.status == Status::Failed)
            .count(),
        2_000
    );
}

/// The references of a PDF to objects it lacks.
fn dangling(document: &lopdf::Document) -> Vec<lopdf::ObjectId> {
    fn walk(document: &lopdf::Document, object: &lopdf::Object, found: &mut Vec<lopdf::ObjectId>) {
        match object {
            lopdf::Object::Reference(id) if !document.objects.contains_key(id) => found.push(*id),
            lopdf::Object::Array(items) => items.iter().for_each(|i| walk(document, i, found)),
            lopdf::Object::Dictionary(d) => d.iter().for_each(|(_, v)| walk(document, v, found)),
            lopdf::Object::Stream(s) => s.dict.iter().for_each(|(_, v)| walk(document, v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for object in document.objects.values() {
        walk(document, object, &mut found);
    }
    found
}

#[test]
fn print_puts_every_note_in_one_pdf_with_an_outline_and_odd_page_starts() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 4);
    // The invitation has two pages a note; the request for views one, so
    // that for printing on both sides a blank page follows each.
    for (meeting, file, duplex) in [
        ("examples/ccm-7msp.yaml", "all.pdf", false),
        ("examples/request-for-views.yaml", "duplex.pdf", true),
    ] {
        let mut extra = vec!["--lang", "all", "--print", file];
        if duplex {
            extra.push("--duplex");
        }
        let mut args = batch_args(&list, &extra);
        args[1] = repo(meeting).display().to_string();
        args.push("--force".into());
        let stderr = common::stderr(&succeed(dir.path(), &args));
        assert!(
            stderr.contains(&format!("8 notes in one PDF: {file}")),
            "{stderr}"
        );
        let document = lopdf::Document::load(dir.path().join(file)).unwrap();
        assert_eq!(dangling(&document), [], "{file}");
        let toc = document.get_toc().unwrap();
        let titles: Vec<&str> = toc.toc.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles.len(), 8, "{titles:?}");
        assert_eq!(titles[0], "AFG — Afghanistan (fr)");
        assert_eq!(titles[1], "AFG — Afghanistan (en)");
        assert_eq!(titles[2], "ALB — Albanie (fr)");
        // Each entry opens its note's first page, in list order.
        let manifest = manifest(&dir.path().join("out"));
        let pages = |code: &str, lang: &str| {
            manifest
                .notes
                .iter()
                .find(|n| n.mission == code && n.language.map(|l| l.code()) == Some(lang))
                .and_then(|n| n.pages)
                .unwrap()
        };
        let mut expected = 1;
        let mut starts = Vec::new();
        for code in ["AFG", "ALB", "DZA", "AND"] {
            for lang in ["fr", "en"] {
                starts.push(expected);
                expected += pages(code, lang);
                if duplex && expected % 2 == 0 {
                    expected += 1;
                }
            }
        }
        let found: Vec<usize> = toc.toc.iter().map(|t| t.page).collect();
        assert_eq!(found, starts, "{file}");
        if duplex {
            assert_eq!(found, [1, 3, 5, 7, 9, 11, 13, 15]);
        }
        // The last note needs no blank page after it.
        let last = *starts.last().unwrap() + pages("AND", "en") - 1;
        assert_eq!(document.get_pages().len(), last, "{file}");
    }
}

#[test]
fn the_print_outline_names_missions_as_lists_give_them() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.csv");
    std::fs::write(
        &list,
        "code,name_fr,name_en,list_name_fr,list_name_en,language\n\
         BOL,l'État plurinational de Bolivie,the Plurinational State of Bolivia,\
         Bolivie (État plurinational de),Bolivia (Plurinational State of),fr\n\
         FRA,la France,France,,,fr\n",
    )
    .unwrap();
    succeed(
        dir.path(),
        &batch_args(&list, &["--lang", "all", "--print", "all.pdf"]),
    );
    let document = lopdf::Document::load(dir.path().join("all.pdf")).unwrap();
    let toc = document.get_toc().unwrap();
    let titles: Vec<&str> = toc.toc.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "BOL — Bolivie (État plurinational de) (fr)",
            "BOL — Bolivia (Plurinational State of) (en)",
            "FRA — France (fr)",
            "FRA — France (en)",
        ]
    );
}

/// Decodes base64, skipping line breaks.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
        .map(value)
        .collect();
    let mut bytes = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        bytes.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    bytes
}

/// The first attachment of a draft, decoded.
fn attachment(message: &str) -> Vec<u8> {
    let encoded = message
        .split("Content-Transfer-Encoding: base64\r\n")
        .nth(1)
        .and_then(|part| part.trim_start().split("\r\n--").next())
        .unwrap_or_else(|| panic!("no attachment in {message}"));
    base64(encoded)
}

#[test]
fn mail_writes_a_draft_per_mission_with_an_address_and_its_note_attached() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 4);
    let stderr = common::stderr(&succeed(
        dir.path(),
        &batch_args(&list, &["--mail", "drafts"]),
    ));
    assert!(stderr.contains("2 e-mail drafts in drafts"), "{stderr}");
    assert!(
        stderr.contains("no e-mail address in the list for 2 missions: ALB, AND"),
        "{stderr}"
    );
    assert_eq!(files(&dir.path().join("drafts")), ["AFG.eml", "DZA.eml"]);

    let message = std::fs::read_to_string(dir.path().join("drafts/DZA.eml")).unwrap();
    let (head, body) = message.split_once("\r\n\r\n").unwrap();
    let header = |name: &str| {
        head.split("\r\n")
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} in {head}"))
            .to_owned()
    };
    assert_eq!(header("To"), "<dza@missions.example.org>");
    assert_eq!(header("X-Unsent"), "1");
    assert!(header("Message-ID").contains("DZA@noteverbale"));
    assert!(!header("Date").is_empty(), "{head}");
    assert!(
        header("Content-Type").starts_with("multipart/mixed"),
        "{head}"
    );
    // The French note, as Algeria receives notes in French; the subject and
    // body in French, from the meeting file.
    let subject = header("Subject");
    assert!(
        subject.starts_with("=?utf-8?") || subject.starts_with("Note verbale"),
        "{subject}"
    );
    assert!(body.contains("filename=\"DZA.fr.pdf\""), "{body}");
    let pdf = std::fs::read(dir.path().join("out/DZA.fr.pdf")).unwrap();
    assert_eq!(attachment(body), pdf);
}

/// Holds the lock of a batch's folder, as a batch running into it does,
/// until the file returned is dropped.
fn hold(out: &Path) -> std::fs::File {
    std::fs::create_dir_all(out).unwrap();
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(LOCK))
        .unwrap();
    held.try_lock().unwrap();
    held
}

#[test]
fn a_second_batch_into_a_folder_in_use_is_refused_and_the_manifest_lists_every_note() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 6);
    let out = dir.path().join("out");
    // A batch holds the folder.
    let held = hold(&out);
    let refused = noteverbale(dir.path(), &batch_args(&list, &["--lang", "en"]));
    let stderr = common::stderr(&refused);
    assert_eq!(refused.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("the folder `out` is in use by another batch")
            && stderr.contains("hint: wait until that batch is done"),
        "{stderr}"
    );
    assert!(pdfs(&out).is_empty());
    drop(held);

    // Two at once: one is refused or both run in turn; either way the
    // manifest lists every note in the folder.
    let spawn = |lang: &str| {
        let args = batch_args(&list, &["--lang", lang, "-q"]);
        common::command(dir.path())
            .args(&args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (fr, en) = (spawn("fr"), spawn("en"));
    let codes: Vec<Option<i32>> = [fr, en]
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code())
        .collect();
    assert!(codes.contains(&Some(0)), "{codes:?}");
    assert!(
        codes.iter().all(|c| [Some(0), Some(3)].contains(c)),
        "{codes:?}"
    );
    assert_eq!(listed(&out), pdfs(&out));
    // Each language in turn: the folder's manifest lists both.
    for lang in ["fr", "en"] {
        succeed(dir.path(), &batch_args(&list, &["--lang", lang]));
    }
    assert_eq!(pdfs(&out).len(), 12);
    assert_eq!(listed(&out), pdfs(&out));
}

#[cfg(unix)]
#[test]
fn a_run_killed_with_sigkill_is_resumed_without_writing_its_notes_again() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 195);
    let out = dir.path().join("out");
    let mut child = common::command(dir.path())
        .args(batch_args(&list, &["-j", "1", "-q"]))
        .spawn()
        .unwrap();
    let journaled = || std::fs::read_to_string(out.join(JOURNAL)).map_or(0, |t| t.lines().count());
    let started = std::time::Instant::now();
    while journaled() < 20 {
        assert!(started.elapsed().as_secs() < 120, "no note was journaled");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        !out.join(batch::MANIFEST_JSON).exists(),
        "no manifest was written"
    );
    let finished = journaled();
    assert!(finished < 195, "the run was over before it was killed");

    let stderr = common::stderr(&succeed(dir.path(), &batch_args(&list, &[])));
    // Every note the killed run journaled is kept; only the rest is written
    // (a journal line the kill cut short counts for nothing).
    let written = 195 - finished;
    assert!(
        stderr.contains(&format!(
            "195 notes: {written} written, {finished} unchanged"
        )) || stderr.contains(&format!(
            "195 notes: {} written, {} unchanged",
            written + 1,
            finished - 1
        )),
        "journaled {finished}: {stderr}"
    );
    assert!(
        !out.join(JOURNAL).exists(),
        "the journal is folded into the manifest"
    );
    assert_eq!(listed(&out).len(), 195);
}

/// A header of an e-mail draft.
fn header(message: &str, name: &str) -> String {
    let head = message.split("\r\n\r\n").next().unwrap();
    head.split("\r\n")
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("no {name} in {head}"))
        .to_owned()
}

#[test]
fn an_internationalised_domain_is_written_in_ascii_and_a_local_part_outside_ascii_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.csv");
    std::fs::write(
        &list,
        "code,name_fr,name_en,language,email\n\
         DEU,l'Allemagne,Germany,en,mission@münchen.example.org\n\
         FRA,la France,France,fr,josé@example.org\n",
    )
    .unwrap();
    let out = noteverbale(dir.path(), &batch_args(&list, &["--mail", "drafts"]));
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`josé@example.org` has a letter outside ASCII (`é`) before the `@`")
            && stderr.contains("list.csv:3:25"),
        "{stderr}"
    );
    assert_eq!(files(&dir.path().join("drafts")), ["DEU.eml"]);
    let message = std::fs::read(dir.path().join("drafts/DEU.eml")).unwrap();
    assert!(message.is_ascii(), "the draft is 7-bit");
    let message = String::from_utf8(message).unwrap();
    assert_eq!(
        header(&message, "To"),
        "<mission@xn--mnchen-3ya.example.org>"
    );
}

#[test]
fn drafts_are_dated_from_the_note_or_from_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 1);
    // The example is dated by its year only: its drafts take
    // `SOURCE_DATE_EPOCH`, and two runs write the same bytes.
    let draft = |extra: &[&str], epoch: Option<&str>| {
        let mut command = common::command(dir.path());
        command
            .args(batch_args(&list, extra))
            .args(["--mail", "drafts", "--force"]);
        match epoch {
            Some(epoch) => command.env("SOURCE_DATE_EPOCH", epoch),
            None => command.env_remove("SOURCE_DATE_EPOCH"),
        };
        let out = command.output().unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        std::fs::read_to_string(dir.path().join("drafts/AFG.eml")).unwrap()
    };
    let first = draft(&[], Some("1491998400"));
    assert_eq!(header(&first, "Date"), "Wed, 12 Apr 2017 12:00:00 +0000");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(
        draft(&[], Some("1491998400")) == first,
        "two runs, one draft"
    );
    let bad = common::command(dir.path())
        .args(batch_args(&list, &["--mail", "drafts"]))
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(3));
    assert!(
        common::stderr(&bad)
            .contains("`SOURCE_DATE_EPOCH` is `yesterday`, not a number of seconds"),
        "{}",
        common::stderr(&bad)
    );

    // A dated note's drafts are dated at noon (UTC) of its day, whatever
    // `SOURCE_DATE_EPOCH` says.
    let meeting = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    let dated = meeting.replace("\ndate: 2017\n", "\ndate: 2017-04-12\n");
    assert_ne!(dated, meeting);
    std::fs::write(dir.path().join("dated.yaml"), dated).unwrap();
    let mut args = batch_args(&list, &["--mail", "drafts", "--force"]);
    args[1] = "dated.yaml".into();
    for epoch in [None, Some("0")] {
        let mut command = common::command(dir.path());
        command.args(&args);
        match epoch {
            Some(epoch) => command.env("SOURCE_DATE_EPOCH", epoch),
            None => command.env_remove("SOURCE_DATE_EPOCH"),
        };
        let out = command.output().unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        let message = std::fs::read_to_string(dir.path().join("drafts/AFG.eml")).unwrap();
        assert_eq!(header(&message, "Date"), "Wed, 12 Apr 2017 12:00:00 +0000");
    }
}

#[test]
fn several_meeting_files_make_their_notes_into_folders_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 4);
    let reminder = repo("examples/ccm-7msp-reminder.yaml");
    let mut args = batch_args_with(
        &list,
        &[&reminder],
        &["--print", "all.pdf", "--mail", "drafts"],
    );
    let stderr = common::stderr(&succeed(dir.path(), &args));
    let out = dir.path().join("out");
    let (invitations, reminders) = (out.join("ccm-7msp"), out.join("ccm-7msp-reminder"));
    for folder in [&invitations, &reminders] {
        assert_eq!(
            listed(folder),
            ["AFG.en.pdf", "ALB.en.pdf", "AND.en.pdf", "DZA.fr.pdf"]
        );
    }
    for folder in ["ccm-7msp", "ccm-7msp-reminder"] {
        let summary = stderr
            .lines()
            .find(|l| l.ends_with(&format!("manifest in out/{folder}/manifest.json")))
            .unwrap_or_else(|| panic!("no summary of {folder} in {stderr}"));
        assert!(
            summary.starts_with("4 notes: 4 written, 0 unchanged, 0 failed, in"),
            "{summary}"
        );
    }
    // The missions without an address are said once.
    assert_eq!(
        stderr
            .matches("no e-mail address in the list for 2 missions: ALB, AND")
            .count(),
        1,
        "{stderr}"
    );
    assert_eq!(files(&out), ["ccm-7msp", "ccm-7msp-reminder"]);
    // Each folder holds its own meeting file's notes.
    let invitation = common::squeezed_pdf(&invitations.join("DZA.fr.pdf"));
    let reminder = common::squeezed_pdf(&reminders.join("DZA.fr.pdf"));
    assert!(invitation.contains("aleplaisirdeconvoquer"), "{invitation}");
    assert!(
        reminder.contains("rappelerquelaseptièmeAssemblée"),
        "{reminder}"
    );
    assert!(!reminder.contains("aleplaisirdeconvoquer"), "{reminder}");
    assert!(reminder.contains("l'Algérie"), "{reminder}");

    // One PDF to print: each mission's two notes together, in list order.
    assert!(stderr.contains("8 notes in one PDF: all.pdf"), "{stderr}");
    let printed = std::fs::read(dir.path().join("all.pdf")).unwrap();
    let document = lopdf::Document::load_mem(&printed).unwrap();
    let toc = document.get_toc().unwrap().toc;
    // Each entry opens its own file's note.
    let pages = common::pdf_pages(&printed);
    let opening = |entry: usize| squeeze(&pages[toc[entry].page - 1]);
    assert!(
        opening(0).contains("hasthepleasuretoconvene"),
        "{}",
        opening(0)
    );
    assert!(
        opening(1).contains("hasthehonourtorecall"),
        "{}",
        opening(1)
    );
    assert!(opening(1).contains("Afghanistan"), "{}", opening(1));
    let titles: Vec<String> = toc.into_iter().map(|t| t.title).collect();
    assert_eq!(
        titles,
        [
            "AFG — Afghanistan (en), ccm-7msp",
            "AFG — Afghanistan (en), ccm-7msp-reminder",
            "ALB — Albania (en), ccm-7msp",
            "ALB — Albania (en), ccm-7msp-reminder",
            "DZA — Algérie (fr), ccm-7msp",
            "DZA — Algérie (fr), ccm-7msp-reminder",
            "AND — Andorra (en), ccm-7msp",
            "AND — Andorra (en), ccm-7msp-reminder",
        ]
    );

    // A folder of drafts for each meeting file, each draft with its note.
    for (folder, notes) in [
        ("ccm-7msp", &invitations),
        ("ccm-7msp-reminder", &reminders),
    ] {
        let drafts = dir.path().join("drafts").join(folder);
        assert_eq!(files(&drafts), ["AFG.eml", "DZA.eml"]);
        let message = std::fs::read_to_string(drafts.join("DZA.eml")).unwrap();
        assert_eq!(
            attachment(&message),
            std::fs::read(notes.join("DZA.fr.pdf")).unwrap(),
            "{folder}"
        );
    }

    // Run again, every note of both is left as it is.
    args.retain(|a| a != "--mail" && a != "drafts");
    let stderr = common::stderr(&succeed(dir.path(), &args));
    assert_eq!(
        stderr
            .matches("4 notes: 0 written, 4 unchanged, 0 failed")
            .count(),
        2,
        "{stderr}"
    );
}

#[test]
fn meeting_files_that_would_share_a_folder_or_fail_are_refused_before_any_note() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 2);
    // A meeting file of the bundled examples under another name.
    let named = |name: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::copy(repo("examples/request-for-views.yaml"), &path).unwrap();
        path
    };
    std::fs::write(dir.path().join("broken.yaml"), "kind: invitation\n").unwrap();
    let refused = |second: &Path, says: &str| {
        let stderr = ends_with(dir.path(), &batch_args_with(&list, &[second], &[]), 1);
        assert!(stderr.contains(says), "{stderr}");
        assert!(!dir.path().join("out").exists(), "{stderr}");
    };
    refused(
        &named("other/ccm-7msp.yaml"),
        "would write their notes into one folder, `out/ccm-7msp`",
    );
    // Some file systems fold case: `out/CCM-7MSP` is `out/ccm-7msp`.
    refused(
        &named("CCM-7MSP.yaml"),
        "would write their notes into one folder, `out/CCM-7MSP`",
    );
    refused(
        &repo("examples/ccm-7msp.yaml"),
        "give each meeting file once",
    );
    // A folder named as a batch's own file would keep a later run of one
    // meeting file into `out` from writing it.
    refused(
        &named("manifest.json.yaml"),
        "would go into a folder `out/manifest.json`, the name of a file a batch keeps",
    );
    refused(&dir.path().join("broken.yaml"), "broken.yaml");
    // Every file's two languages are compared before a note is written.
    refused(
        &repo("tests/bad/languages-differ.yaml"),
        "the French and the English differ",
    );

    // The combined PDF on a note of the second file's run is refused before
    // the first writes a note.
    let reminder = repo("examples/ccm-7msp-reminder.yaml");
    let print = ["--print", "out/ccm-7msp-reminder/AFG.en.pdf"];
    let stderr = ends_with(dir.path(), &batch_args_with(&list, &[&reminder], &print), 1);
    assert!(
        stderr.contains("would be both the note AFG en and the combined PDF to print"),
        "{stderr}"
    );
    assert!(
        pdfs(&dir.path().join("out/ccm-7msp")).is_empty(),
        "{stderr}"
    );

    // A file's folder that is a link to another's would have its notes
    // written over the other's.
    let outer = dir.path().join("out");
    std::fs::create_dir_all(outer.join("ccm-7msp")).unwrap();
    std::os::unix::fs::symlink("ccm-7msp", outer.join("ccm-7msp-reminder")).unwrap();
    let stderr = ends_with(dir.path(), &batch_args_with(&list, &[&reminder], &[]), 3);
    assert!(
        stderr.contains("`out/ccm-7msp-reminder` is a symbolic link"),
        "{stderr}"
    );
    assert!(pdfs(&outer.join("ccm-7msp")).is_empty(), "{stderr}");
}

#[test]
fn a_run_that_fails_after_another_keeps_the_notes_done_and_says_what_was_not_made() {
    let dir = tempfile::tempdir().unwrap();
    let list = list(dir.path(), 2);
    // Another batch holds the second file's folder.
    let held = hold(&dir.path().join("out/request-for-views"));
    let (second, third) = (
        repo("examples/request-for-views.yaml"),
        repo("examples/ccm-7msp-reminder.yaml"),
    );
    let args = batch_args_with(&list, &[&second, &third], &["--print", "all.pdf"]);
    let stderr = ends_with(dir.path(), &args, 3);
    assert!(
        stderr.contains("the folder `out/request-for-views` is in use by another batch"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "not made (for the error above): {}, {}",
            second.display(),
            third.display()
        )),
        "{stderr}"
    );
    assert_eq!(
        listed(&dir.path().join("out/ccm-7msp")),
        ["AFG.en.pdf", "ALB.en.pdf"]
    );
    assert!(!dir.path().join("out/ccm-7msp-reminder").exists());
    // The notes made are printed.
    assert!(stderr.contains("2 notes in one PDF: all.pdf"), "{stderr}");
    drop(held);
}
