//! Replays the corpus of the `meeting` fuzz target (`fuzz/corpus/meeting/`)
//! through the same check, so that every input the fuzzer kept is checked on
//! every test run, with no nightly toolchain.

use crate::common;

#[path = "../fuzz/meeting.rs"]
mod meeting;

#[test]
fn every_input_of_the_fuzz_corpus_passes() {
    let folder = common::repo("fuzz/corpus/meeting");
    let mut count = 0;
    for name in common::files(&folder) {
        let path = folder.join(name);
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| meeting::check(&data));
        assert!(outcome.is_ok(), "{} fails", path.display());
        count += 1;
    }
    assert!(count >= 10, "only {count} inputs in {}", folder.display());
}
