//! A preview session over many saves: the time of each render and the
//! memory of the process, which must stay flat (Typst's caches are trimmed
//! after each render).
//!
//! cargo bench --bench preview
//!
//! `NOTEVERBALE_RENDERS` sets the number of renders (default 1,000). Each
//! render follows an edit of the meeting file: the ordinal changes, so that
//! every note differs from the last.

use std::path::Path;
use std::time::{Duration, Instant};

use noteverbale::preview::{Change, Preview};
use noteverbale::{NoteOptions, PdfOptions, Sources};

fn main() {
    let renders: usize = std::env::var("NOTEVERBALE_RENDERS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1000)
        .max(1);
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ccm-7msp.yaml");
    let text = std::fs::read_to_string(&example).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let meeting = folder.path().join("meeting.yaml");
    std::fs::write(&meeting, &text).unwrap();

    let mut preview = Preview::new(Sources::default(), &meeting, NoteOptions::default());
    let mut times: Vec<Duration> = Vec::with_capacity(renders);
    println!("render   resident memory");
    for i in 1..=renders {
        let ordinal = 1 + i % 40;
        std::fs::write(
            &meeting,
            text.replace("ordinal: 7 ", &format!("ordinal: {ordinal} ")),
        )
        .unwrap();
        let change = if i == 1 {
            Change::Engine
        } else {
            Change::Meeting
        };
        let start = Instant::now();
        let notes = preview.render(change).unwrap();
        for note in &notes {
            std::hint::black_box(note.pdf(&PdfOptions::default()).unwrap());
        }
        times.push(start.elapsed());
        if [1, 10, 100, 250, 500, 750, 1000].contains(&i) || i == renders {
            println!("{i:6}   {} MB", resident_mb());
        }
    }
    times.sort();
    println!(
        "render and PDF of both notes after an edit: median {:.1} ms, 90th percentile {:.1} ms",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() * 9 / 10].as_secs_f64() * 1000.0
    );
}

/// The process's resident memory, from `/proc` (Linux).
fn resident_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or_else(|| "?".into(), |kb| format!("{}", kb / 1024))
}
