//! Any bytes read as a list of missions, as CSV, YAML or a workbook:
//! `cargo fuzz run lists` (see `fuzz/README.md`).

#![no_main]

#[path = "../lists.rs"]
mod lists;

libfuzzer_sys::fuzz_target!(|data: &[u8]| lists::check(data));
