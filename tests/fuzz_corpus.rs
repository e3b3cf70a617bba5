//! Replays the corpora of the fuzz targets (`fuzz/corpus/meeting/`,
//! `fuzz/corpus/lists/`) through the same checks, so that every input the
//! fuzzer kept is checked on every test run, with no nightly toolchain.

use crate::common;

#[path = "../fuzz/meeting.rs"]
mod meeting;

#[path = "../fuzz/lists.rs"]
mod lists;

/// Runs `check` on every input of `fuzz/corpus/<target>/`; there are at
/// least `least` of them.
fn replay(target: &str, least: usize, check: fn(&[u8])) {
    let folder = common::repo(&format!("fuzz/corpus/{target}"));
    let mut count = 0;
    for name in common::files(&folder) {
        let path = folder.join(name);
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails", path.display());
        count += 1;
    }
    assert!(
        count >= least,
        "only {count} inputs in {}",
        folder.display()
    );
}

#[test]
fn every_input_of_the_fuzz_corpus_passes() {
    replay("meeting", 10, meeting::check);
}

#[test]
fn every_input_of_the_lists_fuzz_corpus_passes() {
    replay("lists", 10, lists::check);
}

/// The seeds reach the reader: of each form of input, one at least is read
/// as a list with a mission, so the fuzzer starts from lists, not noise.
#[test]
fn the_lists_corpus_holds_a_list_of_each_form() {
    let folder = common::repo("fuzz/corpus/lists");
    let mut read = std::collections::BTreeSet::new();
    for name in common::files(&folder) {
        let data = std::fs::read(folder.join(name)).unwrap();
        if let Some(Ok(list)) = lists::read(&data)
            && list.records.iter().any(|r| r.recipient.is_ok())
        {
            read.insert(data[0] % 7);
        }
    }
    assert_eq!(read, [0, 1, 2, 3, 5, 6].into());
}
