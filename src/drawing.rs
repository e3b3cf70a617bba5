//! Pages for a browser: each run of text drawn as one filled path of its
//! glyphs' outlines.
//!
//! Typst's SVG writes one `<use>` element per glyph, about 2,300 on a page of
//! a note, which browsers draw slowly: headless Chromium draws the same page
//! several times faster with one path per run. The outlines, positions and
//! paints are the same, so the page looks the same; only the SVG's structure
//! differs, and its size (about three times larger: each run is written in
//! font units, whole numbers, and scaled to points as a whole).
//!
//! A [`Drawer`] keeps what it drew of each item of a page (a line of text, a
//! box) while a page drawn holds it: after an edit, a page is drawn from the
//! elements of the page before it, and only the lines that changed are drawn
//! anew (a first page of the example after an edit of its ordinal: 0.65 ms
//! rather than 5 ms). [`changes`] then says which elements a browser keeps.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, Weak};

use typst::foundations::Smart;
use typst::layout::{Abs, Frame, FrameItem, FrameKind, GroupItem, Point, Ratio, Size, Transform};
use typst::syntax::Span;
use typst::text::{FontInstance, TextItem};
use typst::utils::hash128;
use typst::visualize::{Curve, FillRule, Geometry, Paint, Shape};
use typst_layout::Page;

/// A page as SVG for a browser: the drawing of Typst's SVG, with each run of
/// text one path.
pub fn svg(page: &Page) -> String {
    typst_svg::svg(&Outlines::default().page(page), &Default::default())
}

/// Draws pages as [`svg`] does, keeping each element of a page drawn while a
/// page drawn holds it: after an edit, a page is drawn from the elements of
/// the page before it, and only the lines that changed are drawn anew.
///
/// Typst's SVG writer puts each item of a page in the root, its place and
/// the transforms of the groups around it (those that add nothing of their
/// own to the markup) folded into the item's transform; a group of its own
/// (a box, a labelled or clipped group) is one element. Each such item is
/// drawn alone, on a page of the same size, and kept by a digest of what it
/// draws and where. A page whose items draw definitions (gradients, clips,
/// glyphs not drawn from outlines) is drawn whole.
///
/// Clones share what they keep.
#[derive(Clone, Default)]
pub struct Drawer {
    kept: Arc<Mutex<Kept>>,
}

/// The pieces drawn, while a page drawn holds them.
#[derive(Default)]
struct Kept {
    pieces: HashMap<u128, Weak<Piece>>,
    /// How many pieces there were after the last sweep of those no page
    /// holds: the next comes when there are twice as many.
    swept: usize,
    /// The items found to draw definitions: a page with one is drawn whole
    /// at once, without drawing its other items first.
    whole: HashSet<u128>,
}

/// How many items drawing definitions are remembered, at most.
const WHOLE: usize = 4096;

/// A page as SVG: the opening tag of its root, and the elements in the root.
pub struct Svg {
    root: String,
    pieces: Vec<Arc<Piece>>,
}

/// What an item of a page draws: elements of the root, each with a digest
/// of its markup.
struct Piece {
    elements: Vec<(u128, Arc<str>)>,
}

impl Piece {
    fn of(elements: &[&str]) -> Self {
        let elements = elements.iter().map(|&e| (hash128(e), e.into()));
        Self {
            elements: elements.collect(),
        }
    }
}

impl Svg {
    /// The markup of the whole page.
    pub fn markup(&self) -> String {
        let mut markup = String::with_capacity(self.markup_len());
        markup.push_str(&self.root);
        for (_, element) in self.elements() {
            markup.push_str(element);
        }
        markup.push_str("</svg>");
        markup
    }

    /// The length of the page's markup, in bytes.
    pub fn markup_len(&self) -> usize {
        let elements = self.elements().map(|(_, element)| element.len());
        self.root.len() + elements.sum::<usize>() + "</svg>".len()
    }

    /// The elements in the root, in order, with their digests.
    fn elements(&self) -> impl Iterator<Item = &(u128, Arc<str>)> {
        self.pieces.iter().flat_map(|piece| &piece.elements)
    }

    /// A page as Typst's SVG writer writes it, its elements told apart by
    /// their markup; if it is not written as Typst writes it, one piece of
    /// markup, in which no change is found.
    fn whole(svg: String) -> Self {
        match Split::of(&svg) {
            Some(split) => Self {
                root: split.root.to_owned(),
                pieces: vec![Arc::new(Piece::of(&split.children))],
            },
            None => Self {
                root: svg.strip_suffix("</svg>").unwrap_or(&svg).to_owned(),
                pieces: Vec::new(),
            },
        }
    }
}

impl Drawer {
    /// `page` as SVG: the same markup as [`svg`] writes.
    pub fn draw(&self, page: &Page) -> Svg {
        self.pieces(page).unwrap_or_else(|| Svg::whole(svg(page)))
    }

    /// `page` drawn from its items, those drawn before taken as they are;
    /// `None` if an item draws definitions.
    fn pieces(&self, page: &Page) -> Option<Svg> {
        let size = page.frame.size();
        // The root and the page's fill.
        let blank = Page {
            frame: Frame::hard(size),
            ..page.clone()
        };
        let blank = typst_svg::svg(&blank, &Default::default());
        let blank = Blank::of(&blank)?;
        let mut items = Vec::new();
        items_of(&page.frame, Transform::identity(), &mut items);
        let keys: Vec<u128> = (items.iter())
            .map(|(transform, item)| hash128(&(size, transform, Item(item))))
            .collect();
        let mut pieces: Vec<Option<Arc<Piece>>> = {
            let kept = self.kept();
            if keys.iter().any(|key| kept.whole.contains(key)) {
                return None;
            }
            let kept = keys.iter().map(|key| kept.pieces.get(key)?.upgrade());
            kept.collect()
        };
        let mut outlines = Outlines::default();
        let mut drawn = Vec::new();
        for (i, (transform, item)) in items.iter().enumerate() {
            if pieces[i].is_some() {
                continue;
            }
            let Some(piece) = piece(page, size, *transform, item, &mut outlines, &blank.root)
            else {
                let mut kept = self.kept();
                if kept.whole.len() >= WHOLE {
                    kept.whole.clear();
                }
                kept.whole.insert(keys[i]);
                return None;
            };
            let piece = Arc::new(piece);
            drawn.push((keys[i], Arc::downgrade(&piece)));
            pieces[i] = Some(piece);
        }
        let mut kept = self.kept();
        kept.pieces.extend(drawn);
        if kept.pieces.len() > 2 * kept.swept.max(256) {
            kept.pieces.retain(|_, piece| piece.strong_count() > 0);
            kept.swept = kept.pieces.len();
        }
        drop(kept);
        let fill = Piece::of(&blank.children);
        let pieces = std::iter::once(Arc::new(fill)).chain(pieces.into_iter().flatten());
        Some(Svg {
            root: blank.root,
            pieces: pieces.collect(),
        })
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A page without its items, as Typst's SVG writer writes it: the opening
/// tag of its root, and the page's fill.
struct Blank<'a> {
    root: String,
    children: Vec<&'a str>,
}

impl<'a> Blank<'a> {
    /// `None` if the fill draws definitions (a gradient, a tiling), which
    /// the writer puts after the page's items.
    fn of(svg: &'a str) -> Option<Self> {
        // A page without a fill is an empty root.
        if let Some(empty) = svg.strip_suffix("/>")
            && empty.rfind('<') == Some(0)
        {
            return Some(Self {
                root: format!("{empty}>"),
                children: Vec::new(),
            });
        }
        let split = Split::of(svg)?;
        if split.defines() {
            return None;
        }
        Some(Self {
            root: split.root.to_owned(),
            children: split.children,
        })
    }
}

/// The items of `frame` that Typst's SVG writer puts in the root, each with
/// its transform from the page: the groups that add nothing to the markup
/// (soft, without a label or a clip) are passed through.
fn items_of<'a>(
    frame: &'a Frame,
    transform: Transform,
    items: &mut Vec<(Transform, &'a FrameItem)>,
) {
    for (pos, item) in frame.items() {
        let transform = transform.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group)
                if group.frame.kind() == FrameKind::Soft
                    && group.label.is_none()
                    && group.clip.is_none() =>
            {
                items_of(&group.frame, transform.pre_concat(group.transform), items);
            }
            FrameItem::Tag(_) => {}
            _ => items.push((transform, item)),
        }
    }
}

/// What `item` draws on `page`, at `transform`: its elements as Typst's SVG
/// writer writes them in the whole page; `None` if it draws definitions,
/// which the writer puts after the page's items, or the root is not `root`.
fn piece(
    page: &Page,
    size: Size,
    transform: Transform,
    item: &FrameItem,
    outlines: &mut Outlines,
    root: &str,
) -> Option<Piece> {
    let mut placed = Frame::soft(Size::zero());
    placed.push(Point::zero(), item.clone());
    let mut frame = Frame::hard(size);
    let group = GroupItem {
        transform,
        ..GroupItem::new(placed)
    };
    frame.push(Point::zero(), FrameItem::Group(group));
    let alone = Page {
        frame: outlines.frame(&frame),
        fill: Smart::Custom(None),
        ..page.clone()
    };
    let svg = typst_svg::svg(&alone, &Default::default());
    let split = Split::of(&svg)?;
    if split.root != root || split.defines() {
        return None;
    }
    Some(Piece::of(&split.children))
}

/// What a browser showing one page needs to show another: the elements in
/// the new page's root, in order, each either the index of an element of the
/// old page's root that stays where it is (the indices rise), or the markup
/// of a new one. As JSON, an array of numbers and strings. An edit changes a
/// few lines of a page: the browser parses and draws those alone, and keeps
/// the rest as it is.
#[derive(Debug, Clone)]
pub struct Changes(Vec<Element>);

#[derive(Debug, Clone)]
enum Element {
    Stays(usize),
    New(Arc<str>),
}

impl Changes {
    /// The length of the new elements' markup.
    pub fn new_len(&self) -> usize {
        let new = self.0.iter().map(|element| match element {
            Element::Stays(_) => 0,
            Element::New(markup) => markup.len(),
        });
        new.sum()
    }
}

impl serde::Serialize for Changes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut elements = serializer.serialize_seq(Some(self.0.len()))?;
        for element in &self.0 {
            match element {
                Element::Stays(i) => elements.serialize_element(i)?,
                Element::New(markup) => elements.serialize_element(&**markup)?,
            }
        }
        elements.end()
    }
}

/// What a browser showing `old` needs to show `new` instead; `None` when the
/// roots differ (another size of page) or nothing stays.
pub fn changes(old: &Svg, new: &Svg) -> Option<Changes> {
    if old.root != new.root {
        return None;
    }
    // Where each of the old elements is, by its digest, in rising order.
    let mut places: HashMap<u128, VecDeque<usize>> = HashMap::new();
    for (i, (digest, _)) in old.elements().enumerate() {
        places.entry(*digest).or_default().push_back(i);
    }
    let mut passed = None;
    let mut stays = 0;
    let elements = new.elements().map(|(digest, markup)| {
        let place = places.get_mut(digest).and_then(|places| {
            // An element met again after an old one kept after it is new:
            // the ones that stay keep their order.
            while places
                .front()
                .is_some_and(|&i| passed.is_some_and(|p| i <= p))
            {
                places.pop_front();
            }
            places.pop_front()
        });
        match place {
            Some(i) => {
                passed = Some(i);
                stays += 1;
                Element::Stays(i)
            }
            None => Element::New(markup.clone()),
        }
    });
    let elements: Vec<Element> = elements.collect();
    (stays > 0).then_some(Changes(elements))
}

/// An SVG as Typst writes it: the opening tag of its root, and the markup of
/// each element in the root.
struct Split<'a> {
    root: &'a str,
    children: Vec<&'a str>,
}

impl<'a> Split<'a> {
    /// Whether it writes definitions (of gradients, clips, glyphs), which
    /// Typst's writer puts after the page's items.
    fn defines(&self) -> bool {
        self.children.iter().any(|e| e.starts_with("<defs"))
    }

    /// Reads the markup as Typst writes it (each `<` opens or closes a tag,
    /// as attribute values and text escape it), or `None`: a declaration, a
    /// comment, text beside the root's elements or unbalanced tags.
    fn of(svg: &'a str) -> Option<Self> {
        let bytes = svg.as_bytes();
        let mut root = None;
        let mut children = Vec::new();
        let mut depth = 0_usize;
        let mut child = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Up to the next tag: beside the root's elements, only spaces.
            let next = memchr::memchr(b'<', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            if depth <= 1 && !bytes[i..next].iter().all(u8::is_ascii_whitespace) {
                return None;
            }
            if next == bytes.len() {
                i = next;
                break;
            }
            let start = next;
            // The tag's end, past any quoted value.
            i = next + 1;
            loop {
                let at = i + memchr::memchr3(b'>', b'"', b'\'', bytes.get(i..)?)?;
                let byte = bytes[at];
                if byte == b'>' {
                    i = at + 1;
                    break;
                }
                i = at + 1 + memchr::memchr(byte, bytes.get(at + 1..)?)? + 1;
            }
            let tag = &svg[start..i];
            if tag.starts_with("</") {
                depth = depth.checked_sub(1)?;
                match depth {
                    0 => break,
                    1 => children.push(&svg[child..i]),
                    _ => {}
                }
            } else if tag.starts_with("<!") || tag.starts_with("<?") {
                return None;
            } else {
                let empty = tag.ends_with("/>");
                match depth {
                    0 if empty => return None,
                    0 => root = Some(tag),
                    1 if empty => children.push(tag),
                    1 => child = start,
                    _ => {}
                }
                if !empty {
                    depth += 1;
                }
            }
        }
        let rest = svg.get(i..)?;
        if depth != 0 || !rest.trim().is_empty() {
            return None;
        }
        Some(Self {
            root: root?,
            children,
        })
    }
}

/// A digest of what `page` draws, and of the code that draws it: the same
/// for two layouts that look the same, whatever source positions (spans) and
/// introspection marks they carry, which change with every edit.
pub fn digest(page: &Page) -> u128 {
    hash128(&(env!("CARGO_PKG_VERSION"), &page.fill, Drawing(&page.frame)))
}

/// A frame, hashed for what it draws.
struct Drawing<'a>(&'a Frame);

impl Hash for Drawing<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.0.size(), self.0.kind()).hash(state);
        for (pos, item) in self.0.items() {
            pos.hash(state);
            Item(item).hash(state);
        }
    }
}

/// An item of a frame, hashed for what it draws: not its source positions
/// (spans), and not introspection's marks (tags), which draw nothing.
struct Item<'a>(&'a FrameItem);

impl Hash for Item<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self.0).hash(state);
        match self.0 {
            FrameItem::Group(group) => {
                (group.transform, &group.clip, &group.label).hash(state);
                Drawing(&group.frame).hash(state);
            }
            FrameItem::Text(text) => {
                (&text.font, text.size, &text.fill, &text.stroke).hash(state);
                for glyph in &text.glyphs {
                    let placed = (glyph.x_advance, glyph.x_offset);
                    (glyph.id, placed, glyph.y_advance, glyph.y_offset).hash(state);
                }
            }
            FrameItem::Shape(shape, _) => shape.hash(state),
            FrameItem::Image(image, size, _) => (image, size).hash(state),
            FrameItem::Link(destination, size) => (destination, size).hash(state),
            FrameItem::Tag(_) => {}
        }
    }
}

/// Glyph outlines in font units, kept across the runs of a page.
#[derive(Default)]
struct Outlines {
    glyphs: HashMap<(FontInstance, u16), Option<Vec<Segment>>>,
}

/// A piece of a glyph's outline, in font units, y up.
#[derive(Clone, Copy)]
enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    Quad(f32, f32, f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

impl Outlines {
    /// A copy of `page` with its text drawn as paths.
    fn page(&mut self, page: &Page) -> Page {
        Page {
            frame: self.frame(&page.frame),
            ..page.clone()
        }
    }

    fn frame(&mut self, frame: &Frame) -> Frame {
        let mut out = Frame::new(frame.size(), frame.kind());
        if frame.has_baseline() {
            out.set_baseline(frame.baseline());
        }
        for (pos, item) in frame.items() {
            let item = match item {
                FrameItem::Group(group) => FrameItem::Group(GroupItem {
                    frame: self.frame(&group.frame),
                    ..group.clone()
                }),
                FrameItem::Text(text) => self.run(text).unwrap_or_else(|| item.clone()),
                _ => item.clone(),
            };
            out.push(*pos, item);
        }
        out
    }

    /// A run's glyphs as one shape, placed at the run's baseline origin; or
    /// nothing if a glyph is not a plain outline (a colour or bitmap glyph)
    /// or a paint depends on the text's own box (a gradient, a tiling).
    ///
    /// An unstroked run is drawn in font units, each glyph placed at the
    /// nearest unit (a hundredth of a point at 12 points), and scaled to
    /// points as a whole: its path is written in whole numbers, a third
    /// shorter than in points, and the browser reads it sooner. A stroke's
    /// width would be scaled with it: a stroked run is drawn in points.
    fn run(&mut self, text: &TextItem) -> Option<FrameItem> {
        let solid = |paint: &Paint| matches!(paint, Paint::Solid(_));
        if !solid(&text.fill) || text.stroke.as_ref().is_some_and(|s| !solid(&s.paint)) {
            return None;
        }
        let per_unit = text.size.to_pt() / text.font.units_per_em();
        let in_units = text.stroke.is_none();
        let (scale, place): (f64, fn(f64) -> f64) = if in_units {
            (1.0, f64::round)
        } else {
            (per_unit, |points| points)
        };
        let mut curve = Curve::default();
        let (mut x, mut y) = (Abs::zero(), Abs::zero());
        for glyph in &text.glyphs {
            let key = (text.font.clone(), glyph.id);
            let outline = self
                .glyphs
                .entry(key)
                .or_insert_with(|| outline(&text.font, glyph.id));
            // A glyph without an outline is a space; one that cannot be
            // outlined keeps the run as text.
            let segments = outline.as_ref()?;
            let at = |position: Abs| place(position.to_pt() / per_unit * scale);
            let origin = (
                at(x + glyph.x_offset.at(text.size)),
                at(y + glyph.y_offset.at(text.size)),
            );
            draw(&mut curve, segments, origin, scale);
            x += glyph.x_advance.at(text.size);
            y += glyph.y_advance.at(text.size);
        }
        let shape = FrameItem::Shape(
            Shape {
                geometry: Geometry::Curve(curve),
                fill: Some(text.fill.clone()),
                fill_rule: FillRule::NonZero,
                stroke: text.stroke.clone(),
            },
            Span::detached(),
        );
        if !in_units {
            return Some(shape);
        }
        let mut units = Frame::soft(Size::zero());
        units.push(Point::zero(), shape);
        let ratio = Ratio::new(per_unit);
        Some(FrameItem::Group(GroupItem {
            transform: Transform::scale(ratio, ratio),
            ..GroupItem::new(units)
        }))
    }
}

/// A glyph's outline: empty for a glyph that draws nothing, `None` for one
/// that Typst does not draw from an outline.
fn outline(font: &FontInstance, id: u16) -> Option<Vec<Segment>> {
    let id = ttf_parser::GlyphId(id);
    if !typst::text::color::should_outline(font, id) {
        return None;
    }
    let mut segments = Segments(Vec::new());
    font.ttf().outline_glyph(id, &mut segments);
    Some(segments.0)
}

struct Segments(Vec<Segment>);

impl ttf_parser::OutlineBuilder for Segments {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(Segment::Move(x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(Segment::Line(x, y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.push(Segment::Quad(x1, y1, x, y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.push(Segment::Cubic(x1, y1, x2, y2, x, y));
    }
    fn close(&mut self) {
        self.0.push(Segment::Close);
    }
}

/// Adds a glyph's outline to `curve`, its origin at `origin` (y up, from the
/// run's baseline origin): font units are scaled by `scale` (to points, or 1
/// to stay in font units) and flipped, as the page is y down.
fn draw(curve: &mut Curve, segments: &[Segment], origin: (f64, f64), scale: f64) {
    let at = |x: f32, y: f32| {
        Point::new(
            Abs::pt(origin.0 + f64::from(x) * scale),
            Abs::pt(-(origin.1 + f64::from(y) * scale)),
        )
    };
    let mut current = Point::zero();
    for segment in segments {
        match *segment {
            Segment::Move(x, y) => {
                current = at(x, y);
                curve.move_(current);
            }
            Segment::Line(x, y) => {
                current = at(x, y);
                curve.line(current);
            }
            Segment::Quad(x1, y1, x, y) => {
                // The cubic that draws the same curve.
                let (control, end) = (at(x1, y1), at(x, y));
                curve.cubic(
                    current + (control - current) * (2.0 / 3.0),
                    end + (control - end) * (2.0 / 3.0),
                    end,
                );
                current = end;
            }
            Segment::Cubic(x1, y1, x2, y2, x, y) => {
                current = at(x, y);
                curve.cubic(at(x1, y1), at(x2, y2), current);
            }
            Segment::Close => curve.close(),
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::testing::Example;
    use crate::{Lang, NoteOptions};

    /// The pixels of a page drawn by Typst at 2 pixels a point.
    fn raster(page: &Page) -> Vec<u8> {
        let options = typst_render::RenderOptions {
            pixel_per_pt: 2.0.into(),
            ..Default::default()
        };
        typst_render::render(page, &options).data().to_vec()
    }

    /// The share of pixels that differ visibly between two rasters.
    fn differing(a: &[u8], b: &[u8]) -> f64 {
        assert_eq!(a.len(), b.len());
        let pixels = a.chunks(4).zip(b.chunks(4));
        let differ = pixels
            .filter(|(p, q)| p.iter().zip(*q).any(|(x, y)| x.abs_diff(*y) > 64))
            .count();
        differ as f64 / (a.len() / 4) as f64
    }

    fn has_text(frame: &Frame) -> bool {
        frame.items().any(|(_, item)| match item {
            FrameItem::Text(_) => true,
            FrameItem::Group(group) => has_text(&group.frame),
            _ => false,
        })
    }

    /// The example's notes in French and English, marked as drafts: the
    /// mark adds text in a rotated frame.
    fn drafts() -> Vec<crate::Note> {
        let options = NoteOptions {
            preview: true,
            ..NoteOptions::default()
        };
        Example::new().notes(7, &options)
    }

    /// The first page of the example's French note, its meeting the
    /// `ordinal`-th.
    fn first_page(example: &Example, ordinal: u32) -> Page {
        let notes = example.notes(ordinal, &NoteOptions::default());
        notes[0].document.pages()[0].clone()
    }

    #[test]
    fn outlined_pages_look_the_same() {
        for note in drafts() {
            let lang = note.lang;
            let pages = note.document.pages();
            assert!(pages.len() >= 2);
            for (i, page) in pages.iter().enumerate() {
                let outlined = Outlines::default().page(page);
                assert!(has_text(&page.frame) && !has_text(&outlined.frame));
                let share = differing(&raster(page), &raster(&outlined));
                assert!(share < 0.001, "{lang} page {}: {share:.4} differ", i + 1);
                let svg = svg(page);
                assert!(!svg.contains("<use") && svg.contains("<path"));
            }
            // The comparison sees a difference when there is one.
            let other = differing(&raster(&pages[0]), &raster(&pages[1]));
            assert!(other > 0.01, "{lang}: pages 1 and 2 differ by {other:.4}");
        }
    }

    #[test]
    fn the_digest_follows_the_drawing_not_the_source() {
        let example = Example::new();
        let (engine, loaded) = (example.engine(), example.loaded(7));
        let composed = engine
            .compose_note(&loaded, Lang::Fr, None, &NoteOptions::default())
            .unwrap();
        let source = composed.source.clone();
        let compile = |source: String| {
            let edited = crate::source::Composed {
                source,
                ..composed.clone()
            };
            let note = engine.typeset(&edited).unwrap();
            note.document.pages().to_vec()
        };
        let before = compile(source.clone());
        // A comment first: the same drawing, but every source position moves.
        let moved = compile(format!("// A comment.\n{source}"));
        // A word changed on the first page.
        let edited = compile(source.replacen("septième", "huitième", 1));
        assert!(before.len() >= 2 && before.len() == moved.len());
        for (page, same) in before.iter().zip(&moved) {
            assert_ne!(typst::utils::hash128(page), typst::utils::hash128(same));
            assert_eq!(digest(page), digest(same));
        }
        assert_ne!(digest(&before[0]), digest(&edited[0]));
    }

    fn json(changes: Option<Changes>) -> String {
        serde_json::to_string(&changes.unwrap()).unwrap()
    }

    /// `old`'s root's children made into the new ones as `changes` says.
    fn apply(old: &Svg, changes: &str) -> Vec<String> {
        let old: Vec<&str> = old.elements().map(|(_, element)| &**element).collect();
        let changes: Vec<serde_json::Value> = serde_json::from_str(changes).unwrap();
        let mut passed = None;
        let children = changes.iter().map(|child| match child {
            serde_json::Value::Number(i) => {
                let i = i.as_u64().unwrap() as usize;
                assert!(passed < Some(i), "the children that stay keep their order");
                passed = Some(i);
                old[i].to_owned()
            }
            serde_json::Value::String(markup) => markup.clone(),
            other => panic!("not a child: {other}"),
        });
        children.collect()
    }

    #[test]
    fn an_edit_sends_the_lines_it_changed_and_keeps_the_others() {
        let example = Example::new();
        let drawer = Drawer::default();
        let before = drawer.draw(&first_page(&example, 7));
        let after = drawer.draw(&first_page(&example, 8));
        let changes = json(super::changes(&before, &after));
        let markup = after.markup();
        let whole = Split::of(&markup).unwrap().children;
        assert_eq!(apply(&before, &changes), whole);
        // The lines of the first paragraph that name the meeting.
        let new = serde_json::from_str::<Vec<serde_json::Value>>(&changes).unwrap();
        let new = new.iter().filter(|child| child.is_string()).count();
        assert!((1..=4).contains(&new), "{new} new of {}", whole.len());
        assert!(
            changes.len() * 5 < markup.len(),
            "{} bytes of {}",
            changes.len(),
            markup.len()
        );
        // Nothing changed: every child stays.
        assert_eq!(
            apply(&before, &json(super::changes(&before, &before))),
            Split::of(&before.markup()).unwrap().children
        );
    }

    #[test]
    fn a_page_drawn_from_the_pieces_of_others_is_the_page_drawn_whole() {
        let drawer = Drawer::default();
        for note in drafts() {
            let lang = note.lang;
            for page in note.document.pages() {
                let drawn = drawer.draw(page);
                // The fill, then each item: not one piece, drawn whole.
                assert!(drawn.pieces.len() > 2, "{lang}: drawn in pieces");
                assert_eq!(drawn.markup(), svg(page), "{lang}");
            }
        }
        // After an edit, from the pieces of the page before it, and again
        // once nothing holds them.
        let example = Example::new();
        let shown = drawer.draw(&first_page(&example, 7));
        let edited = first_page(&example, 8);
        let after = drawer.draw(&edited);
        let kept = |svg: &Svg| {
            let pieces = svg.pieces.iter();
            pieces
                .filter(|piece| shown.pieces.iter().any(|p| Arc::ptr_eq(p, piece)))
                .count()
        };
        assert!(
            kept(&after) + 5 > after.pieces.len(),
            "{} of {}",
            kept(&after),
            after.pieces.len()
        );
        assert_eq!(after.markup(), svg(&edited));
        drop(after);
        drop(shown);
        assert_eq!(drawer.draw(&edited).markup(), svg(&edited));
    }

    /// A page with a clipped box: drawn whole, as [`svg`] draws it, for the
    /// clip's definition follows the page's items.
    #[test]
    fn a_page_with_definitions_is_drawn_whole() {
        let page = first_page(&Example::new(), 7);
        let mut frame = page.frame.clone();
        let square = Size::new(Abs::pt(20.0), Abs::pt(20.0));
        let mut clipped = Frame::soft(square);
        let shape =
            Geometry::Rect(square * 2.0).filled(Paint::Solid(typst::visualize::Color::BLACK));
        clipped.push(Point::zero(), FrameItem::Shape(shape, Span::detached()));
        let group = GroupItem {
            clip: Some(Curve::rect(square)),
            ..GroupItem::new(clipped)
        };
        frame.push(Point::zero(), FrameItem::Group(group));
        let page = Page { frame, ..page };
        let drawer = Drawer::default();
        for _ in 0..2 {
            // The second time, the clipped item is known to draw definitions.
            let drawn = drawer.draw(&page);
            assert_eq!(drawn.pieces.len(), 1);
            assert!(drawn.markup().contains("<clipPath"));
            assert_eq!(drawn.markup(), svg(&page));
        }
        assert_eq!(drawer.kept().whole.len(), 1);
    }

    /// A page filled with a gradient, whose definition follows the page's
    /// items, is drawn whole; a page without a fill, in pieces: both as
    /// [`svg`] draws them.
    #[test]
    fn pages_of_any_fill_are_drawn_as_typst_draws_them() {
        use typst::layout::Angle;
        use typst::visualize::{Color, ColorSpace, Gradient, LinearGradient, ProcessColorSpace};
        let page = first_page(&Example::new(), 7);
        let gradient = Gradient::Linear(Arc::new(LinearGradient {
            stops: vec![(Color::WHITE, Ratio::zero()), (Color::BLACK, Ratio::one())],
            angle: Angle::zero(),
            space: ColorSpace::Process(ProcessColorSpace::Oklab),
            relative: Smart::Auto,
            anti_alias: true,
        }));
        let drawer = Drawer::default();
        let filled = Page {
            fill: Smart::Custom(Some(Paint::Gradient(gradient))),
            ..page.clone()
        };
        let drawn = drawer.draw(&filled);
        assert_eq!(drawn.pieces.len(), 1, "drawn whole");
        assert_eq!(drawn.markup(), svg(&filled));
        let bare = Page {
            fill: Smart::Custom(None),
            ..page
        };
        let drawn = drawer.draw(&bare);
        assert!(drawn.pieces.len() > 2, "drawn in pieces");
        assert_eq!(drawn.markup(), svg(&bare));
    }

    #[test]
    fn changes_are_found_only_between_svgs_as_typst_writes_them() {
        let whole = |svg: &str| Svg::whole(svg.to_owned());
        let page = r#"<svg viewBox="0 0 10 10"><path d="M 0 0"/><g title="a > b"><path d="M 1 1"/></g><a href="x">t</a></svg>"#;
        let split = Split::of(page).unwrap();
        assert_eq!(split.root, r#"<svg viewBox="0 0 10 10">"#);
        assert_eq!(
            split.children,
            [
                r#"<path d="M 0 0"/>"#,
                r#"<g title="a > b"><path d="M 1 1"/></g>"#,
                r#"<a href="x">t</a>"#
            ]
        );
        assert_eq!(whole(page).markup(), page);
        let moved =
            r#"<svg viewBox="0 0 10 10"><a href="x">t</a><path d="M 2 2"/><path d="M 0 0"/></svg>"#;
        // The link stays; the first path, met after it, is new again.
        assert_eq!(
            json(changes(&whole(page), &whole(moved))),
            r#"[2,"<path d=\"M 2 2\"/>","<path d=\"M 0 0\"/>"]"#
        );
        // A quote of the other kind inside a value, and a `>`, end nothing.
        let quoted = r#"<svg viewBox="0 0 10 10"><g title="it's > that" class='a"b'><path d="M 1 1"/></g> </svg>"#;
        assert_eq!(
            Split::of(quoted).unwrap().children,
            [r#"<g title="it's > that" class='a"b'><path d="M 1 1"/></g>"#]
        );
        // Another size of page, or nothing in common.
        let other_size = page.replace("0 0 10 10", "0 0 10 20");
        assert!(changes(&whole(page), &whole(&other_size)).is_none());
        let other = r#"<svg viewBox="0 0 10 10"><path d="M 3 3"/></svg>"#;
        assert!(changes(&whole(page), &whole(other)).is_none());
        // Markup not Typst's: kept whole, and changes are never found.
        for odd in [
            r#"<?xml version="1.0"?><svg><path/></svg>"#,
            "<svg><!-- a comment --><path/></svg>",
            "<svg>text<path/></svg>",
            "<svg><g><path/></svg>",
            "<svg><path/></svg><svg/>",
            "<svg><path d='M 0 0",
            "<svg/>",
        ] {
            assert!(Split::of(odd).is_none(), "{odd}");
            let odd = whole(odd);
            assert!(changes(&odd, &odd).is_none());
            assert!(changes(&odd, &whole(page)).is_none());
        }
    }
}
