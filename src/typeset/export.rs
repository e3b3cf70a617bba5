//! A typeset note as PDF, PNG or SVG pages, or as the text of its pages.

use chrono::NaiveDate;
use typst::foundations::Smart;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
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
    typst_pdf::pdf(document, &options).map_err(|errors| {
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
    })
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

/// The text of each page, runs in layout order: a space between runs that
/// do not touch, as between lines, but none where a run is cut without a gap
/// (at a boxed compound, for one).
pub fn page_texts(document: &PagedDocument) -> Vec<String> {
    /// Where the last run ended on the page.
    struct Page {
        text: String,
        end: Option<Point>,
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
                    let touches = page.end.is_some_and(|end| {
                        (start.y - end.y).abs() < Abs::pt(1.0)
                            && (start.x - end.x).abs() < Abs::pt(1.0)
                    });
                    let spaced = page.text.is_empty()
                        || page.text.ends_with(char::is_whitespace)
                        || run.text.starts_with(char::is_whitespace);
                    if !touches && !spaced {
                        page.text.push(' ');
                    }
                    page.text.push_str(&run.text);
                    page.end = Some(Point::with_x(run.width()).transform(here));
                }
                _ => {}
            }
        }
    }

    document
        .pages()
        .iter()
        .map(|page| {
            let mut out = Page {
                text: String::new(),
                end: None,
            };
            walk(&page.frame, Transform::identity(), &mut out);
            out.text
        })
        .collect()
}
