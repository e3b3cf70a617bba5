//! Any bytes through the meeting model and the templates to Typst source:
//! `cargo fuzz run meeting` (see `fuzz/README.md`).

#![no_main]

#[path = "../meeting.rs"]
mod meeting;

libfuzzer_sys::fuzz_target!(|data: &[u8]| meeting::check(data));
