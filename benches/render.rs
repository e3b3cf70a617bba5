//! How long notes take: the bundled example, in French and English, from the
//! meeting file to PDF bytes; and a batch of one note per mission of
//! `examples/missions.yaml`, written to disk.
//!
//! cargo bench --bench render

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use noteverbale::batch::{self, BatchOptions, FilePattern, Languages};
use noteverbale::{Engine, Lang, NoteOptions, PdfOptions, Sources, drawing, recipients};

fn render(c: &mut Criterion) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ccm-7msp.yaml");
    let engine = Engine::new(&Sources::default()).unwrap();
    let loaded = engine.load(&example).unwrap();
    let options = NoteOptions::default();

    // Typst memoizes whole compiles: without eviction, repeated renders of
    // the same note would measure a cache lookup, not typesetting.
    c.bench_function(
        "example: load + typeset + PDF, fr and en, cold caches",
        |b| {
            b.iter(|| {
                typst::comemo::evict(0);
                let loaded = engine.load(black_box(&example)).unwrap();
                for lang in Lang::ALL {
                    let note = engine.note(&loaded, lang, None, &options).unwrap();
                    black_box(note.pdf(&PdfOptions::default()).unwrap());
                }
            })
        },
    );
    c.bench_function("example: Typst source only, fr and en", |b| {
        b.iter(|| {
            for lang in Lang::ALL {
                black_box(engine.compose_note(&loaded, lang, None, &options).unwrap());
            }
        })
    });
    // The file read and checked, its texts of both languages compared.
    c.bench_function("example: load and check the meeting file", |b| {
        b.iter(|| black_box(engine.load(black_box(&example)).unwrap()))
    });
    let notes: Vec<_> = Lang::ALL
        .iter()
        .map(|&lang| {
            let composed = engine.compose_note(&loaded, lang, None, &options).unwrap();
            let note = engine.typeset(&composed).unwrap();
            (composed, note)
        })
        .collect();
    let notes: Vec<_> = notes.iter().map(|(c, n)| (c, n)).collect();
    c.bench_function("example: the two notes compared as wholes", |b| {
        b.iter(|| {
            assert!(
                engine
                    .agreement(&loaded, black_box(&notes))
                    .errors
                    .is_empty()
            )
        })
    });
    c.bench_function("engine start: templates, locales, fonts", |b| {
        b.iter(|| black_box(Engine::new(&Sources::default()).unwrap()))
    });
}

fn batch(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let engine = Engine::new(&Sources::default()).unwrap();
    let loaded = engine.load(&root.join("examples/ccm-7msp.yaml")).unwrap();
    let records = recipients::load(&root.join("examples/missions.yaml"))
        .unwrap()
        .records;
    let out = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    for jobs in [1, 2] {
        let options = BatchOptions {
            out: out.path().to_owned(),
            languages: Languages::Mission,
            jobs,
            pattern: FilePattern::default(),
            force: true,
            note: NoteOptions::default(),
            pdf: PdfOptions::default(),
            stop: None,
            print: None,
            mail: None,
        };
        group.bench_function(
            format!("{} notes, one per mission, {jobs} jobs", records.len()),
            |b| {
                b.iter(|| {
                    let outcome =
                        batch::run(&engine, &loaded, &records, &options, &|_, _| {}).unwrap();
                    assert_eq!(outcome.written, records.len());
                })
            },
        );
    }
    group.finish();
}

/// The preview's first page drawn as SVG after an edit of the meeting's
/// ordinal, and what changed from the page shown before it: an edit and its
/// undo, in turn.
fn drawing(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("examples/ccm-7msp.yaml")).unwrap();
    let engine = Engine::new(&Sources::default()).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let options = NoteOptions {
        preview: true,
        ..NoteOptions::default()
    };
    let notes: Vec<_> = ["7", "8"]
        .iter()
        .map(|ordinal| {
            let meeting = folder.path().join(format!("meeting-{ordinal}.yaml"));
            let edited = text.replace("ordinal: 7 ", &format!("ordinal: {ordinal} "));
            std::fs::write(&meeting, edited).unwrap();
            let loaded = engine.load(&meeting).unwrap();
            engine.note(&loaded, Lang::Fr, None, &options).unwrap()
        })
        .collect();
    let pages: Vec<_> = notes.iter().map(|note| &note.document.pages()[0]).collect();
    let drawer = drawing::Drawer::default();
    let mut shown = drawer.draw(pages[0]);
    let mut edits = 0;
    c.bench_function(
        "preview: a first page drawn after an edit, and its changes",
        |b| {
            b.iter(|| {
                edits += 1;
                let new = drawer.draw(pages[edits % 2]);
                black_box(drawing::changes(&shown, &new).unwrap());
                shown = new;
            })
        },
    );
    // The first page of a preview, with nothing drawn before it.
    c.bench_function("preview: a first page drawn anew", |b| {
        b.iter(|| black_box(drawing::Drawer::default().draw(pages[0]).markup()))
    });
    c.bench_function(
        "preview: a first page drawn whole, by Typst's writer",
        |b| b.iter(|| black_box(drawing::svg(pages[0]))),
    );
}

criterion_group!(benches, render, batch, drawing);
criterion_main!(benches);
