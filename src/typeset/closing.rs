//! The closing formula never opens a page alone.
//!
//! Typst could decide this while laying out, but only by laying the note out
//! a second time on every compile. Instead the page design marks where the
//! body's last paragraph and the closing fall; in the rare note where the
//! closing opens a page below a last paragraph that ended, whole, at the foot
//! of the page before, the note is typeset again with
//! `sys.inputs.noteverbale-keep-last` set to the room, in points, that the
//! page gives up at its foot: the room of the paragraph's last two lines and
//! of the space below them, so that those lines go over with the closing and
//! the page before ends two lines early, not by a whole paragraph.

use typst::Library;
use typst::foundations::{Label, Value};
use typst::introspection::Introspector;
use typst::layout::{Frame, FrameItem, Point};
use typst::utils::{LazyHash, PicoStr};
use typst_layout::PagedDocument;

/// The `sys.inputs` key that carries the last paragraph's lines over.
pub const KEEP_LAST: &str = "noteverbale-keep-last";

/// The standard library with `sys.inputs` telling the page design to give
/// up `room` at the foot of the last paragraph's page.
pub fn keep_last_library(room: &str) -> LazyHash<Library> {
    super::library_with(KEEP_LAST, room)
}

/// When the closing opens a page below a last paragraph that ends, whole,
/// at the foot of the page before (the one case that carrying lines over
/// mends: a paragraph that runs over a page break already carries its last
/// lines to the closing's page), the room in points that the page before
/// must give up at its foot for the paragraph's last two lines to go over;
/// all the room below the paragraph's first line when it has fewer than
/// four, which then goes over whole.
pub fn keep_room(document: &PagedDocument) -> Option<String> {
    let introspector = document.introspector();
    let label = |name: &str| Label::new(PicoStr::intern(name));
    let position = |name: &str| {
        let location = introspector.query_label(label(name)?).ok()?.location()?;
        introspector.position(location)
    };
    let (start, end, closing) = (
        position("noteverbale-last-start")?,
        position("noteverbale-last-end")?,
        position("noteverbale-closing")?,
    );
    if start.page != end.page || closing.page <= end.page {
        return None;
    }
    let margin = introspector
        .query_label(label("noteverbale-bottom-margin")?)
        .ok()?
        .get_by_name("value")
        .ok()?;
    let margin = match margin {
        Value::Float(points) => points,
        Value::Int(points) => points as f64,
        _ => return None,
    };
    let page = document.pages().get(end.page.get() - 1)?;
    let foot = page.frame.height().to_pt() - margin;
    let last = end.point.y.to_pt();
    // The distance between the paragraph's last two baselines.
    let pitch = last - baseline_above(&page.frame, last)?;
    let room = (foot - last + 1.5 * pitch).min(foot - start.point.y.to_pt() - 1.0);
    Some(format!("{room:.2}"))
}

/// The lowest baseline of a text run on the page above `y`.
fn baseline_above(frame: &Frame, y: f64) -> Option<f64> {
    fn walk(frame: &Frame, at: Point, y: f64, best: &mut Option<f64>) {
        for (pos, item) in frame.items() {
            let here = at + *pos;
            match item {
                FrameItem::Group(group) => walk(&group.frame, here, y, best),
                FrameItem::Text(_) => {
                    let baseline = here.y.to_pt();
                    if baseline < y - 1.0 && best.is_none_or(|b| baseline > b) {
                        *best = Some(baseline);
                    }
                }
                _ => {}
            }
        }
    }
    let mut best = None;
    walk(frame, Point::zero(), y, &mut best);
    best
}
