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

/// The text of each page, runs in layout order, a line end after each line:
/// a space between runs of a line that do not touch, but none where a run
/// is cut without a gap (at a boxed compound, for one).
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
                    let same_line = page.end.is_some_and(|end| (start.y - end.y).abs() < Abs::pt(1.0));
                    if !touches && !same_line && !page.text.is_empty() {
                        // A line of its own: the next line starts.
                        while page.text.ends_with([' ', '\n']) {
                            page.text.pop();
                        }
                        page.text.push('\n');
                    } else if !touches && !spaced {
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
