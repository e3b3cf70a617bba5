//! The closing formula never opens a page alone.
//!
//! Typst could decide this while laying out, but only by laying the note out
//! a second time on every compile. Instead the page design marks where the
//! body's last paragraph and the closing fall; in the rare note where the
//! closing opens a page below a last paragraph that ended, whole, at the foot
//! of the page before, the note is typeset again with
//! `sys.inputs.noteverbale-keep-last` set, which moves that paragraph with
//! the closing.

use typst::foundations::{Dict, Label, Value};
use typst::introspection::Introspector;
use typst::utils::{LazyHash, PicoStr};
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

/// The `sys.inputs` key that keeps the last paragraph with the closing.
pub const KEEP_LAST: &str = "noteverbale-keep-last";

/// The standard library with `sys.inputs` telling the page design to keep
/// the last paragraph with the closing.
pub fn keep_last_library() -> LazyHash<Library> {
    let inputs = Dict::from_iter([(KEEP_LAST.into(), Value::Str("yes".into()))]);
    LazyHash::new(Library::builder().with_inputs(inputs).build())
}

/// Whether the closing opens a page below a last paragraph that ends, whole,
/// at the foot of the page before: the one case that moving the paragraph
/// mends. A paragraph that itself runs over a page break already carries its
/// last lines to the closing's page.
pub fn stands_alone(document: &PagedDocument) -> bool {
    let introspector = document.introspector();
    let page = |name: &str| {
        let label = Label::new(PicoStr::intern(name))?;
        let location = introspector.query_label(label).ok()?.location()?;
        introspector.page(location)
    };
    match (
        page("noteverbale-last-start"),
        page("noteverbale-last-end"),
        page("noteverbale-closing"),
    ) {
        (Some(start), Some(end), Some(closing)) => start == end && closing > end,
        _ => false,
    }
}
