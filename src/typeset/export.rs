//! A typeset note as PDF, PNG or SVG pages, or as the text of its pages.

use chrono::NaiveDate;
use std::ops::Range;
use typst::foundations::Smart;

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::{Source, Span, SpanKind, SyntaxNode};
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandards, Timestamp};

pub use typst_pdf::PdfStandard;

use super::world::typst_date;
use crate::error::{Diagnostic, Error, Result};

/// How a PDF is made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Standards to conform to: PDF/A-2b for archiving, PDF/UA-1 for
    /// accessibility.
    pub standards: Vec<PdfStandard>,
}

/// The PDF of a note; the same note gives the same bytes. `ident` is a stable
/// identifier for the document, `date` its date.
pub fn pdf(
    document: &PagedDocument,
    ident: &str,
    date: Option<NaiveDate>,
    options: &PdfOptions,
) -> Result<Vec<u8>> {
    let standards = PdfStandards::new(&options.standards).map_err(|e| {
        Error::invalid(Diagnostic::error(format!("PDF standards: {}", e.message())))
    })?;
    let timestamp = date.and_then(typst_date).map(Timestamp::new_utc);
    if timestamp.is_none() && options.standards.iter().any(|s| is_archival(*s)) {
        return Err(Error::invalid(
            Diagnostic::error("PDF/A needs the document's date, and the note is not dated")
                .field("date")
                .hint("give the note's date in the meeting file, as `date: 2017-04-12`"),
        ));
    }
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("noteverbale {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(document, &options).map_err(|errors| {
        Error::Invalid(
            errors
                .iter()
                .map(|e| {
                    let mut d = Diagnostic::error(format!("PDF export: {}", e.message));
                    d.hints = e.hints.iter().map(|h| h.v.to_string()).collect();
                    d
                })
                .collect(),
        )
    })?;
    Ok(show_title(pdf))
}

/// The PDF marked for viewers to show the note's title rather than its file
/// name (`/DisplayDocTitle` in the catalog's viewer preferences), which
/// typst-pdf writes only for PDF/UA. The catalog is written again after the
/// file's end, with a cross-reference section and a trailer of its own: an
/// incremental update, as PDF allows, that leaves every byte before it as it
/// was. A file not laid out as typst-pdf writes it is left as it is.
fn show_title(mut pdf: Vec<u8>) -> Vec<u8> {
    let Some(update) = title_update(&pdf) else {
        return pdf;
    };
    pdf.extend_from_slice(update.as_bytes());
    pdf
}

/// The incremental update that [`show_title`] appends, if one is needed.
fn title_update(pdf: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(pdf.get(pdf.len().saturating_sub(512)..)?).ok()?;
    let prev: usize = text
        .rsplit_once("startxref")?
        .1
        .trim()
        .strip_suffix("%%EOF")?
        .trim()
        .parse()
        .ok()?;
    let trailer = text
        .rsplit_once("trailer")?
        .1
        .split_once("startxref")?
        .0
        .trim();
    let inner = trailer.strip_prefix("<<")?.strip_suffix(">>")?;
    let root: usize = inner
        .split_once("/Root ")?
        .1
        .split_once(' ')?
        .0
        .parse()
        .ok()?;
    // The catalog, as written.
    let opening = format!("\n{root} 0 obj\n");
    let start = find_last(pdf, opening.as_bytes())? + opening.len();
    let length = find_last(&pdf[start..], b"\nendobj")?;
    let catalog = std::str::from_utf8(&pdf[start..start + length])
        .ok()?
        .trim();
    if catalog.contains("/DisplayDocTitle") {
        return None;
    }
    let catalog = match catalog.split_once("/ViewerPreferences<<") {
        Some((before, after)) => {
            format!("{before}/ViewerPreferences<</DisplayDocTitle true{after}")
        }
        None => format!(
            "{}/ViewerPreferences<</DisplayDocTitle true>>>>",
            catalog.strip_suffix(">>")?
        ),
    };
    let object = format!("{root} 0 obj\n{catalog}\nendobj\n");
    let object_at = pdf.len() + 1;
    let xref_at = object_at + object.len();
    Some(format!(
        "\n{object}xref\n0 1\n0000000000 65535 f \n{root} 1\n{object_at:010} 00000 n \ntrailer\n<<{inner}/Prev {prev}>>\nstartxref\n{xref_at}\n%%EOF\n"
    ))
}

/// Where `needle` last begins in `haystack`.
fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Whether a standard is one of PDF/A's, which need the document's date.
fn is_archival(standard: PdfStandard) -> bool {
    use PdfStandard::*;
    matches!(
        standard,
        A_1b | A_1a | A_2b | A_2u | A_2a | A_3b | A_3u | A_3a | A_4 | A_4f | A_4e
    )
}

/// Each page as a PNG, at `dpi` dots per inch.
pub fn png(document: &PagedDocument, dpi: f32) -> Result<Vec<Vec<u8>>> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: (f64::from(dpi) / 72.0).into(),
        ..Default::default()
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| Error::invalid(Diagnostic::error(format!("PNG export: {e}"))))
        })
        .collect()
}

/// Each page as an SVG.
pub fn svg(document: &PagedDocument) -> Vec<String> {
    document
        .pages()
        .iter()
        .map(|page| typst_svg::svg(page, &Default::default()))
        .collect()
}

/// A page's text as it reads, and where the note's own source wrote each
/// part of it.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    /// The text, runs in layout order, a line end after each line: a space
    /// between runs of a line that do not touch, none where a run is cut
    /// without a gap (at a boxed compound, for one), and none where a line
    /// ends inside a word (a long web address broken after a slash).
    pub text: String,
    /// For each glyph that the note's source wrote: its bytes in `text`,
    /// and where it starts in the source, in order.
    pub places: Vec<(Range<usize>, usize)>,
}

impl PageText {
    /// The bytes of the note's source that wrote `range` of the text, if
    /// the source wrote any of it.
    pub fn source_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let first = self
            .places
            .partition_point(|(text, _)| text.end <= range.start);
        self.places[first..]
            .iter()
            .take_while(|(text, _)| text.start < range.end)
            .fold(None, |span: Option<Range<usize>>, &(_, at)| {
                Some(span.map_or(at..at + 1, |s| s.start.min(at)..s.end.max(at + 1)))
            })
    }
}

/// Where each node of a source starts, by its span: Typst finds one node by
/// walking its siblings from the first, which, for every run of a note's
/// text, took most of the time of reading its pages.
struct Starts(Vec<(Span, usize)>);

impl Starts {
    fn of(source: &Source) -> Self {
        fn walk(node: &SyntaxNode, offset: usize, starts: &mut Vec<(Span, usize)>) {
            starts.push((node.span(), offset));
            let mut at = offset;
            for child in node.children() {
                walk(child, at, starts);
                at += child.len();
            }
        }
        let mut starts = Vec::new();
        walk(source.root(), 0, &mut starts);
        // A parent's number is below its children's, a node's below its
        // next sibling's: in this order they rise, and are sorted only to
        // be sure.
        starts.sort_by_key(|(span, _)| span.into_raw());
        Self(starts)
    }

    /// Where the node of `span` starts in the source.
    fn get(&self, span: Span) -> Option<usize> {
        let at = self
            .0
            .binary_search_by_key(&span.into_raw(), |(span, _)| span.into_raw())
            .ok()?;
        Some(self.0[at].1)
    }
}

/// The text of each page ([`PageText`]); `source` is the note's own, which
/// tells where a line ends inside a word.
pub fn page_texts(document: &PagedDocument, source: Option<&Source>) -> Vec<PageText> {
    /// A page being read.
    struct Page<'a> {
        out: PageText,
        /// Where the last run ended on the page.
        end: Option<Point>,
        /// Where the source wrote the last glyph read.
        last: Option<usize>,
        source: Option<(&'a Source, &'a Starts)>,
        /// The last span resolved, and where it starts in the source.
        resolved: Option<(Span, Option<usize>)>,
    }

    impl Page<'_> {
        /// Where the source wrote a glyph.
        fn place(&mut self, (span, offset): (Span, u16)) -> Option<usize> {
            let (source, starts) = self.source?;
            let start = match self.resolved {
                Some((last, start)) if last == span => start,
                _ => {
                    let start = match span.get() {
                        SpanKind::Number { id, .. } if id == source.id() => starts.get(span),
                        SpanKind::Range { id, range } if id == source.id() => Some(range.start),
                        _ => None,
                    };
                    self.resolved = Some((span, start));
                    start
                }
            };
            Some(start? + usize::from(offset))
        }

        /// Whether a line that ends at the source's `before` and goes on
        /// at `after` ends inside a word: nothing but markup between them,
        /// no space.
        fn inside_word(&self, before: Option<usize>, after: Option<usize>) -> bool {
            let (Some((source, _)), Some(before), Some(after)) = (self.source, before, after)
            else {
                return false;
            };
            source.text().get(before..after).is_some_and(|between| {
                between.len() <= 16 && !between.contains(|c: char| c.is_whitespace() || c == '~')
            })
        }
    }

    fn walk(frame: &Frame, ts: Transform, page: &mut Page) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(group) => {
                    walk(&group.frame, here.pre_concat(group.transform), page)
                }
                FrameItem::Text(run) => {
                    let start = Point::zero().transform(here);
                    let close = |end: Point, x: bool| {
                        (start.y - end.y).abs() < Abs::pt(1.0)
                            && (!x || (start.x - end.x).abs() < Abs::pt(1.0))
                    };
                    let touches = page.end.is_some_and(|end| close(end, true));
                    let same_line = page.end.is_some_and(|end| close(end, false));
                    let first = run.glyphs.first().and_then(|g| page.place(g.span));
                    let text = &mut page.out.text;
                    let spaced = text.is_empty()
                        || text.ends_with(char::is_whitespace)
                        || run.text.starts_with(char::is_whitespace);
                    if !touches && !same_line && !text.is_empty() {
                        if !page.inside_word(page.last, first) {
                            // A line of its own: the next line starts.
                            let text = &mut page.out.text;
                            while text.ends_with([' ', '\n']) {
                                text.pop();
                            }
                            text.push('\n');
                        }
                    } else if !touches && !spaced {
                        text.push(' ');
                    }
                    let at = page.out.text.len();
                    page.out.text.push_str(&run.text);
                    for glyph in &run.glyphs {
                        if let Some(place) = page.place(glyph.span) {
                            let range = glyph.range();
                            page.out
                                .places
                                .push((at + range.start..at + range.end, place));
                            page.last = Some(place);
                        }
                    }
                    page.end = Some(Point::with_x(run.width()).transform(here));
                }
                _ => {}
            }
        }
    }

    let starts = source.map(Starts::of);
    let source = source.zip(starts.as_ref());
    document
        .pages()
        .iter()
        .map(|frame| {
            let mut page = Page {
                out: PageText::default(),
                end: None,
                last: None,
                source,
                resolved: None,
            };
            walk(&frame.frame, Transform::identity(), &mut page);
            page.out.places.sort_by_key(|(text, _)| text.start);
            page.out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::syntax::{LinkedNode, RootedPath, VirtualPath, VirtualRoot};

    #[test]
    fn every_node_is_found_where_typst_finds_it() {
        let id =
            RootedPath::new(VirtualRoot::Project, VirtualPath::new("/note.typ").unwrap()).intern();
        let text = "#show: note.with(lang: \"fr\", dateline: ([Le ], [ 2017]))\n\n\
                    Le Secrétaire général présente ses compliments *aux représentants* \
                    #box[sous\\-munitions]; (#link(\"https://un.org\")[site]) et _a l’honneur_.\n\n\
                    - un\n- deux #{ 1 + 2 }\n";
        let source = Source::new(id, text.into());
        let starts = Starts::of(&source);
        fn check(node: &LinkedNode, source: &Source, starts: &Starts, seen: &mut usize) {
            let span = node.span();
            if let SpanKind::Number { num, .. } = span.get() {
                assert_eq!(
                    starts.get(span),
                    source.range(num, None).map(|r| r.start),
                    "{node:?}"
                );
                *seen += 1;
            }
            for child in node.children() {
                check(&child, source, starts, seen);
            }
        }
        let mut seen = 0;
        check(&LinkedNode::new(source.root()), &source, &starts, &mut seen);
        assert!(seen > 50, "{seen} nodes");
        // A node of another file is not one of this source's.
        let other = RootedPath::new(VirtualRoot::Project, VirtualPath::new("/b.typ").unwrap());
        let other = Source::new(other.intern(), "x".into());
        assert_eq!(starts.get(other.root().span()), None);
    }
}
