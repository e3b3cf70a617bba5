//! One note per mission: the bundled list of every Member and observer State,
//! the single-addressee forms, failures that spoil only their own note, and
//! runs that skip what has not changed.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use common::{engine, example, files, pdfs, repo, squeeze, squeezed_pdf};
use noteverbale::batch::{self, BatchOptions, FilePattern, Languages, Status};
use noteverbale::recipients::{self, Record};
use noteverbale::typeset::Fonts;
use noteverbale::{Lang, NoteOptions, PdfOptions};

fn options(out: &Path, languages: Languages) -> BatchOptions {
    BatchOptions {
        out: out.to_owned(),
        languages,
        jobs: 2,
        pattern: FilePattern::default(),
        force: false,
        note: Default::default(),
        pdf: Default::default(),
        stop: None,
        print: None,
        mail: None,
    }
}

/// A batch of the bundled example over the records with these codes (all
/// when there are none), reporting no progress.
fn run(
    records: &[Record],
    only: &[&str],
    options: &BatchOptions,
) -> noteverbale::Result<batch::Outcome> {
    let codes: Vec<String> = only.iter().map(|c| c.to_string()).collect();
    let records = batch::select(records, &codes)?;
    batch::run(engine(), &example(), &records, options, &|_, _| {})
}

fn missions() -> Vec<Record> {
    recipients::load(&repo("examples/missions.yaml"))
        .unwrap()
        .records
}

/// The binary's batch over the bundled example and list, writing to `out`.
fn batch_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = common::command(dir);
    command
        .arg("batch")
        .arg(repo("examples/ccm-7msp.yaml"))
        .arg("-r")
        .arg(repo("examples/missions.yaml"))
        .args(["-o", "out", "-q"])
        .args(args);
    command
}

#[test]
fn the_bundled_list_holds_every_member_and_observer_state_and_renders_whole() {
    let records = missions();
    assert_eq!(records.len(), 195);
    let mut observers: Vec<_> = records
        .iter()
        .filter_map(|r| r.recipient.as_ref().ok())
        .filter(|r| r.status == recipients::Status::Observer)
        .map(|r| r.code.as_str())
        .collect();
    observers.sort();
    assert_eq!(observers, ["PSE", "VAT"]);

    let dir = tempfile::tempdir().unwrap();
    let summary = run(&records, &[], &options(dir.path(), Languages::Mission)).unwrap();
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    assert_eq!(summary.written, 195);
    assert_eq!(pdfs(dir.path()).len(), 195);
    assert!(
        summary
            .manifest
            .notes
            .iter()
            .all(|n| n.status == Status::Ok && n.pages >= Some(2))
    );
}

#[test]
fn each_note_names_its_one_addressee_with_french_contraction_and_english_form() {
    let dir = tempfile::tempdir().unwrap();
    let codes = [
        "FRA", "CAN", "NLD", "DZA", "HTI", "MHL", "USA", "GBR", "VAT", "PSE",
    ];
    let summary = run(&missions(), &codes, &options(dir.path(), Languages::All)).unwrap();
    assert_eq!(summary.written, 20);
    let fr = |code: &str| squeezed_pdf(&dir.path().join(format!("{code}.fr.pdf")));
    let en = |code: &str| squeezed_pdf(&dir.path().join(format!("{code}.en.pdf")));
    for (code, phrase) in [
        (
            "FRA",
            "présente ses compliments au Représentant permanent de la France auprès de l'Organisation des Nations Unies",
        ),
        ("CAN", "au Représentant permanent du Canada auprès"),
        (
            "NLD",
            "au Représentant permanent du Royaume des Pays-Bas auprès",
        ),
        ("DZA", "au Représentant permanent de l'Algérie auprès"),
        ("HTI", "au Représentant permanent d'Haïti auprès"),
        ("MHL", "au Représentant permanent des Îles Marshall auprès"),
        (
            "USA",
            "au Représentant permanent des États-Unis d'Amérique auprès",
        ),
        ("VAT", "à l'Observateur permanent du Saint-Siège auprès"),
        (
            "PSE",
            "à l'Observateur permanent de l'État de Palestine auprès",
        ),
        (
            "FRA",
            "saisit cette occasion pour renouveler au Représentant permanent de la France auprès de l'Organisation des Nations Unies les assurances",
        ),
    ] {
        assert!(
            fr(code).contains(&squeeze(&common::fold(phrase))),
            "{code}: {phrase}"
        );
    }
    for (code, phrase) in [
        (
            "FRA",
            "presents his compliments to the Permanent Representative of France to the United Nations and has the honour",
        ),
        (
            "GBR",
            "to the Permanent Representative of the United Kingdom of Great Britain and Northern Ireland to the United Nations",
        ),
        (
            "VAT",
            "to the Permanent Observer of the Holy See to the United Nations",
        ),
        (
            "PSE",
            "to the Permanent Observer of the State of Palestine to the United Nations",
        ),
        (
            "FRA",
            "avails himself of this opportunity to renew to the Permanent Representative of France to the United Nations the assurances",
        ),
    ] {
        assert!(en(code).contains(&squeeze(phrase)), "{code}: {phrase}");
    }
    // The circular form is gone from notes to one mission.
    assert!(!en("FRA").contains(&squeeze("Member States and observer States")));
}

#[test]
fn a_note_is_the_same_bytes_whichever_worker_typesets_it() {
    // Each worker of a batch typesets with its own copy of the fonts; the
    // copy must change nothing in the PDF.
    let loaded = example();
    for lang in Lang::ALL {
        let composed = engine()
            .compose_note(&loaded, lang, None, &NoteOptions::default())
            .unwrap();
        let pdf = |fonts: &Fonts| {
            engine()
                .typeset_with(&composed, fonts)
                .unwrap()
                .pdf(&PdfOptions::default())
                .unwrap()
        };
        let first = pdf(&Fonts::for_worker(0));
        assert!(first == pdf(&Fonts::for_worker(1)), "{lang:?}: worker 1");
        assert!(first == pdf(&Fonts::for_worker(7)), "{lang:?}: worker 7");
    }

    // And so is a whole batch, with one job or three.
    let records = missions();
    let codes = ["FRA", "CAN", "CIV", "GBR", "HTI", "MLI", "NLD", "USA"];
    let (one, three) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut single = options(one.path(), Languages::All);
    single.jobs = 1;
    let mut parallel = options(three.path(), Languages::All);
    parallel.jobs = 3;
    run(&records, &codes, &single).unwrap();
    run(&records, &codes, &parallel).unwrap();
    let written = pdfs(one.path());
    assert_eq!(written.len(), 16);
    for name in written {
        let read = |dir: &Path| std::fs::read(dir.join(&name)).unwrap();
        assert!(
            read(one.path()) == read(three.path()),
            "{name} differs between one job and three"
        );
    }
}

#[test]
fn a_second_run_skips_every_note_and_writes_the_same_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let only = ["FRA", "CHN", "SEN", "BRA"];
    let again = || run(&missions(), &only, &options(dir.path(), Languages::All)).unwrap();
    let first = again();
    let manifest = std::fs::read(dir.path().join("manifest.json")).unwrap();
    let csv = std::fs::read(dir.path().join("manifest.csv")).unwrap();
    let second = again();
    assert_eq!((first.written, first.skipped), (8, 0));
    assert_eq!((second.written, second.skipped), (0, 8));
    assert_eq!(
        std::fs::read(dir.path().join("manifest.json")).unwrap(),
        manifest
    );
    assert_eq!(std::fs::read(dir.path().join("manifest.csv")).unwrap(), csv);

    // A note changed on disk is typeset again; --force typesets all.
    std::fs::write(dir.path().join("FRA.fr.pdf"), b"edited").unwrap();
    let third = again();
    assert_eq!((third.written, third.skipped), (1, 7));
    let forced = run(
        &missions(),
        &only,
        &BatchOptions {
            force: true,
            ..options(dir.path(), Languages::All)
        },
    )
    .unwrap();
    assert_eq!(forced.written, 8);
    assert_eq!(
        std::fs::read(dir.path().join("manifest.json")).unwrap(),
        manifest
    );
}

#[test]
fn a_broken_record_spoils_only_its_own_note() {
    let dir = tempfile::tempdir().unwrap();
    let list = "missions:\n\
                \x20 - { code: FRA, name: { fr: la France, en: France }, language: fr }\n\
                \x20 - { code: ESP, name: { fr: l'Espagne, en: Spain }, language: es }\n\
                \x20 - { code: CAN, name: { fr: le Canada }, language: en }\n\
                \x20 - { code: IRL, name: { fr: l'Irlande, en: Ireland }, language: en }\n";
    std::fs::write(dir.path().join("list.yaml"), list).unwrap();
    let out = common::batch_example(dir.path(), "list.yaml", &[]);
    let stderr = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("list.yaml:3:") && stderr.contains("unknown variant `es`"),
        "{stderr}"
    );
    assert!(stderr.contains("missions[1].language"), "{stderr}");
    assert!(
        stderr.contains("list.yaml:4:") && stderr.contains("missing field `en`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 notes: 2 written, 0 unchanged, 2 failed"),
        "{stderr}"
    );
    // Besides the notes and manifests, only the folder's lock, hidden.
    assert_eq!(
        files(&dir.path().join("out")),
        [
            batch::LOCK,
            "FRA.fr.pdf",
            "IRL.en.pdf",
            "manifest.csv",
            "manifest.json"
        ]
    );
    let manifest: batch::Manifest =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/manifest.json")).unwrap())
            .unwrap();
    let failed: Vec<&str> = manifest
        .notes
        .iter()
        .filter(|n| n.status == Status::Failed)
        .map(|n| n.mission.as_str())
        .collect();
    assert_eq!(failed, ["CAN", "ESP"]);
}

#[test]
fn a_name_the_fonts_cannot_print_is_a_warning_for_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "code,name_fr,name_en,language\n\
               SAU,l'Arabie saoudite (السعودية),Saudi Arabia (السعودية),en\n\
               FRA,la France,France,fr\n";
    std::fs::write(dir.path().join("list.csv"), csv).unwrap();
    let records = recipients::load(&dir.path().join("list.csv"))
        .unwrap()
        .records;
    let summary = run(&records, &[], &options(dir.path(), Languages::Mission)).unwrap();
    assert_eq!(summary.written, 2);
    assert_eq!(summary.warnings.len(), 1, "{:?}", summary.warnings);
    let (note, warnings) = &summary.warnings[0];
    assert_eq!(note, "SAU en");
    let message = warnings[0].to_string();
    assert!(
        message.contains("no glyph for") && message.contains("U+0633"),
        "{message}"
    );
}

#[test]
fn lists_kept_in_a_spreadsheet_are_read_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "code,name_fr,name_en,language,gender\n\
               FRA,la France,France,fr,female\n\
               BEL,la Belgique,Belgium,de,\n\
               GHA,le Ghana,Ghana,en,\n";
    std::fs::write(dir.path().join("list.csv"), csv).unwrap();
    let records = recipients::load(&dir.path().join("list.csv"))
        .unwrap()
        .records;
    assert_eq!(records.len(), 3);
    let belgium = records[1].recipient.as_ref().unwrap_err();
    assert!(
        belgium[0].to_string().contains("list.csv:3:25")
            && belgium[0].to_string().contains("(column `language`)"),
        "{}",
        belgium[0]
    );
    let summary = run(&records, &[], &options(dir.path(), Languages::Mission)).unwrap();
    assert_eq!((summary.written, summary.failures.len()), (2, 1));
    assert!(
        squeezed_pdf(&dir.path().join("FRA.fr.pdf")).contains(&squeeze(
            "à la Représentante permanente de la France auprès"
        ))
    );
}

#[test]
fn unknown_codes_and_colliding_patterns_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let error = run(
        &missions(),
        &["XXX"],
        &options(dir.path(), Languages::Mission),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("no mission with the code XXX"),
        "{error}"
    );
    for pattern in [
        "{lang}.pdf",
        "{code}.pdf",
        "../{code}.{lang}.pdf",
        "{code}.{lang}.txt",
    ] {
        assert!(
            FilePattern::new(pattern, Languages::All).is_err(),
            "{pattern}"
        );
    }
    let written = files(dir.path());
    assert!(written.is_empty(), "nothing written: {written:?}");
}

#[test]
fn notes_are_whole_files_even_when_a_run_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = batch_command(dir.path(), &["--lang", "all"])
        .spawn()
        .unwrap();
    let out = dir.path().join("out");
    // Killed once it holds its folder, while it writes notes.
    let started = std::time::Instant::now();
    while std::fs::read(out.join(batch::LOCK)).map_or(true, |t| t.is_empty()) {
        assert!(
            started.elapsed().as_secs() < 120,
            "the run never took its folder"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(out.is_dir(), "the killed run made its folder");
    for name in pdfs(&out) {
        let bytes = std::fs::read(out.join(&name)).unwrap();
        assert!(
            bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
            "{name} is cut short"
        );
    }
    // The next run clears what the killed one left half-way: a temporary
    // file named with its token, which the lock's file holds, whether or
    // not it left one.
    let token = std::fs::read_to_string(out.join(batch::LOCK)).unwrap();
    assert!(
        !token.is_empty(),
        "the killed run named itself in the lock's file"
    );
    std::fs::write(
        out.join(format!(".noteverbale-{token}-stale.part")),
        b"%PDF-1.7 cut",
    )
    .unwrap();
    let status = batch_command(dir.path(), &["--only", "FRA"])
        .status()
        .unwrap();
    assert!(status.success());
    let leftovers: Vec<_> = files(&out)
        .into_iter()
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_stopped_batch_lists_what_it_wrote_and_the_next_run_goes_on_from_there() {
    let dir = tempfile::tempdir().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let records = missions();
    let stopping = BatchOptions {
        jobs: 1,
        stop: Some(stop.clone()),
        ..options(dir.path(), Languages::Mission)
    };
    // Stop as a Ctrl-C would, once ten notes are done.
    let seen = AtomicUsize::new(0);
    let first = batch::run(engine(), &example(), &records, &stopping, &|_, _| {
        if seen.fetch_add(1, Ordering::SeqCst) + 1 == 10 {
            stop.store(true, Ordering::SeqCst);
        }
    })
    .unwrap();
    assert_eq!(first.written, 10);
    assert_eq!(first.unstarted, records.len() - 10);
    assert_eq!(first.manifest.notes.len(), 10);
    for note in &first.manifest.notes {
        assert!(dir.path().join(note.file.as_ref().unwrap()).is_file());
    }

    let second = run(&records, &[], &options(dir.path(), Languages::Mission)).unwrap();
    assert_eq!((second.skipped, second.written), (10, records.len() - 10));
    assert_eq!(second.unstarted, 0);
}

/// Runs `command`, sends it Ctrl-C (SIGINT) once a note is in `folder`,
/// and returns what it wrote on its standard error once it has stopped, with
/// the exit status of an interrupted run.
#[cfg(unix)]
fn interrupted(mut command: Command, folder: &Path) -> String {
    let child = command
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while pdfs(folder).is_empty() {
        assert!(started.elapsed().as_secs() < 120, "no note was written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let signal = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(signal.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    stderr
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_command_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let stderr = interrupted(
        batch_command(dir.path(), &["--lang", "all", "-j", "1"]),
        &out,
    );
    assert!(
        stderr.contains("stopping after the notes being typeset"),
        "{stderr}"
    );
    let manifest: batch::Manifest =
        serde_json::from_slice(&std::fs::read(out.join(batch::MANIFEST_JSON)).unwrap()).unwrap();
    let notes = manifest.notes.len();
    assert!(notes > 0 && notes < 390, "{notes} notes listed");
    let names = files(&out);
    assert!(!names.iter().any(|n| n.ends_with(".part")), "{names:?}");
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".pdf")).count(),
        notes,
        "every note written is listed"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_the_first_of_two_meeting_files_leaves_the_second_unstarted() {
    let dir = tempfile::tempdir().unwrap();
    let reminder = repo("examples/ccm-7msp-reminder.yaml");
    let first = dir.path().join("out/ccm-7msp");
    let stderr = interrupted(
        batch_command(
            dir.path(),
            &["--lang", "all", "-j", "1", reminder.to_str().unwrap()],
        ),
        &first,
    );
    assert!(
        stderr.contains(&format!("not made (stopped): {}", reminder.display())),
        "{stderr}"
    );
    assert!(first.join(batch::MANIFEST_JSON).is_file(), "{stderr}");
    assert_eq!(files(&dir.path().join("out")), ["ccm-7msp"]);
}

#[test]
fn records_that_would_write_one_file_are_refused_before_anything_is_written() {
    // Records made by a program, not read from a list, may repeat a code:
    // every output name of the run is computed, and the first collision
    // refused.
    let dir = tempfile::tempdir().unwrap();
    let records = missions();
    let france = records
        .iter()
        .find(|r| r.code.as_deref() == Some("FRA"))
        .unwrap()
        .clone();
    let twice = vec![france.clone(), france];
    let error = batch::run(
        engine(),
        &example(),
        &twice,
        &options(&dir.path().join("out"), Languages::All),
        &|_, _| {},
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("would be both the note FRA fr and the note FRA fr"),
        "{error}"
    );
    assert!(files(dir.path()).is_empty(), "nothing written");
}
