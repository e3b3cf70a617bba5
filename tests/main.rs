//! The integration tests, in one binary: each module is one part of the
//! product tried from the outside, through the library or the command line.
//! One binary links the library and Typst once, not once per file.

mod common;

mod agree;
mod bad;
mod batch;
mod bounded;
mod browser;
mod cli;
mod digests;
mod escape;
mod folder;
mod fuzz_corpus;
mod kinds;
mod layout;
mod limits;
mod lists;
mod locales;
mod meeting;
mod missions;
mod note_kind;
mod office;
mod real;
mod sandbox;
mod schemas;
mod seed;
mod senders;
mod together;
mod trace;
mod typst_project;
mod variants;
mod watch;
