//! How long one note takes: the bundled example, in French and English, from
//! the meeting file to PDF bytes.
//!
//! cargo bench --bench render

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use noteverbale::{Engine, Lang, RenderOptions, Sources};

fn render(c: &mut Criterion) {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ccm-7msp.yaml");
    let engine = Engine::new(&Sources::default()).unwrap();
    let input = engine.load(&example).unwrap();
    let options = RenderOptions::default();

    // Typst memoizes whole compiles: without eviction, repeated renders of
    // the same note would measure a cache lookup, not typesetting.
    c.bench_function(
        "example: load + typeset + PDF, fr and en, cold caches",
        |b| {
            b.iter(|| {
                typst::comemo::evict(0);
                let input = engine.load(black_box(&example)).unwrap();
                for lang in Lang::ALL {
                    let note = engine.typeset(&input, lang, &options).unwrap();
                    black_box(note.pdf().unwrap());
                }
            })
        },
    );
    c.bench_function("example: Typst source only, fr and en", |b| {
        b.iter(|| {
            for lang in Lang::ALL {
                black_box(engine.source(&input, lang, &options).unwrap());
            }
        })
    });
    c.bench_function("engine start: templates, locales, fonts", |b| {
        b.iter(|| black_box(Engine::new(&Sources::default()).unwrap()))
    });
}

criterion_group!(benches, render);
criterion_main!(benches);
