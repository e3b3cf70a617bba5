//! noteverbale against the typst command line, side by side, on the same 195
//! notes: one per mission of `examples/missions.yaml`, each in the mission's
//! language.
//!
//! Three ways of making them are timed in turn, round after round, so that a
//! busy machine slows all three alike:
//! - `noteverbale batch` with two jobs, from the meeting file to 195 PDFs;
//! - `typst compile` once per note, two at a time (`xargs -P 2`), on the
//!   Typst sources noteverbale generates;
//! - `typst compile` once, on one document made of the 195 sources.
//!
//! The typst command line is taken from `$TYPST`, else from the `PATH`:
//!
//! cargo install typst-cli --version 0.15.1 --locked
//! cargo bench --bench typst_cli
//!
//! `NOTEVERBALE_ROUNDS` sets the number of rounds (default 5). The medians
//! and their ratios are printed; without a typst command line, the bench says
//! so and stops.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use noteverbale::recipients;
use noteverbale::{Engine, NoteOptions, Sources};

fn main() {
    // `cargo bench` passes `--bench`; a name filter, if any, is ignored.
    let typst = std::env::var_os("TYPST").map_or_else(|| PathBuf::from("typst"), PathBuf::from);
    let version = Command::new(&typst).arg("--version").output().ok();
    let Some(version) = version.filter(|o| o.status.success()) else {
        println!(
            "typst_cli: no typst command line found (set TYPST or install it with \
             `cargo install typst-cli --version 0.15.1 --locked`); nothing measured"
        );
        return;
    };
    let rounds: usize = std::env::var("NOTEVERBALE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let meeting = root.join("examples/ccm-7msp.yaml");
    let missions = root.join("examples/missions.yaml");
    let work = tempfile::tempdir().unwrap();
    let sources = work.path().join("sources");
    let count = write_sources(&meeting, &missions, &sources);
    let merged = work.path().join("merged");
    write_merged(&sources, &merged);

    println!(
        "{count} notes; {}; {rounds} rounds",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    let noteverbale = env!("CARGO_BIN_EXE_noteverbale");
    let out = work.path().join("out");
    let mut ours = Vec::new();
    let mut per_note = Vec::new();
    let mut merged_times = Vec::new();
    for _ in 0..rounds {
        let _ = std::fs::remove_dir_all(&out);
        ours.push(time(
            Command::new(noteverbale)
                .args(["batch", "--quiet", "--jobs", "2", "--recipients"])
                .arg(&missions)
                .arg("--out")
                .arg(&out)
                .arg(&meeting),
        ));
        per_note.push(time(
            Command::new("sh")
                .arg("-c")
                .arg("ls *.*.typ | xargs -P 2 -n 1 \"$TYPST_BIN\" compile --ignore-system-fonts")
                .env("TYPST_BIN", &typst)
                .current_dir(&sources),
        ));
        merged_times.push(time(
            Command::new(&typst)
                .args(["compile", "--ignore-system-fonts", "all.typ"])
                .current_dir(&merged),
        ));
    }
    let pdfs = std::fs::read_dir(&sources)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count();
    assert_eq!(pdfs, count, "typst compiled every note");

    let (ours, per_note, merged) = (median(ours), median(per_note), median(merged_times));
    println!("noteverbale batch -j 2:           {}", seconds(ours));
    println!("typst compile per note, -P 2:     {}", seconds(per_note));
    println!("typst compile, one merged document: {}", seconds(merged));
    println!(
        "noteverbale is {:.1}x as fast as typst per note, {:.2}x as fast as the merged document",
        per_note.as_secs_f64() / ours.as_secs_f64(),
        merged.as_secs_f64() / ours.as_secs_f64(),
    );
}

/// Writes the Typst source of every note, and the page design they import.
fn write_sources(meeting: &Path, missions: &Path, folder: &Path) -> usize {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/note.typ"),
        folder.join("note.typ"),
    )
    .unwrap();
    let engine = Engine::new(&Sources::default()).unwrap();
    let loaded = engine.load(meeting).unwrap();
    assert!(loaded.logo.is_none(), "the example has no logo to copy");
    let records = recipients::load(missions).unwrap().records;
    for record in &records {
        let recipient = record.recipient.as_ref().unwrap();
        let composed = engine
            .compose_note(
                &loaded,
                recipient.language,
                Some(recipient),
                &NoteOptions::default(),
            )
            .unwrap();
        let name = format!("{}.{}.typ", recipient.code, recipient.language);
        std::fs::write(folder.join(name), composed.source).unwrap();
    }
    records.len()
}

/// One document of every note: each source in a content block of its own, so
/// that its `#show: note.with(..)` rule ends with it, and its pages numbered
/// afresh.
fn write_merged(sources: &Path, folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::copy(sources.join("note.typ"), folder.join("note.typ")).unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir(sources)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "note.typ"))
        .collect();
    names.sort();
    let mut all = String::new();
    for name in names {
        all.push_str("#counter(page).update(1)\n#[\n");
        all.push_str(&std::fs::read_to_string(name).unwrap());
        all.push_str("\n]\n");
    }
    std::fs::write(folder.join("all.typ"), all).unwrap();
}

/// Runs a command to its end, and how long it took.
fn time(command: &mut Command) -> Duration {
    let start = Instant::now();
    let output = command.stdout(Stdio::null()).output().unwrap();
    let elapsed = start.elapsed();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    elapsed
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn seconds(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}
