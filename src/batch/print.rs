//! One PDF of every note of a batch, to print and stamp in one go: the
//! notes' pages in list order, each note on a new sheet (an odd page, for
//! printing on both sides, when asked), and an outline entry per note.

use std::path::Path;

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId};

use super::Entry;
use crate::error::{Error, Result};
use crate::output;
use crate::recipients::Record;

/// One note of the combined PDF: its outline title and its PDF.
#[derive(Debug, Clone)]
pub struct PrintNote {
    /// The outline entry, as `FRA — France (fr)`.
    pub title: String,
    /// The note's PDF.
    pub pdf: Vec<u8>,
}

/// One meeting file's notes of a run, in list order, in the folder they
/// were written to.
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    /// The meeting file's name, which the outline adds to each of its notes
    /// when a run has several (`ccm-7msp-reminder`); `None` for a run of one.
    pub meeting: Option<&'a str>,
    /// The notes, as the run's outcome lists them.
    pub notes: &'a [Entry],
    /// The folder their files are in.
    pub out: &'a Path,
}

/// The notes of a run, read from their files, each titled with its
/// mission's code, name as lists give it, and language: `FRA — France
/// (fr)`, `BOL — Bolivie (État plurinational de) (fr)`. Each mission's notes
/// come together, in list order, and a mission's notes of several meeting
/// files in the order of `meetings`: one envelope a mission.
pub fn gather(records: &[Record], meetings: &[Written<'_>]) -> Result<Vec<PrintNote>> {
    let recipients: Vec<_> = records
        .iter()
        .filter_map(|r| r.recipient.as_ref().ok())
        .collect();
    let position = |mission: &str| {
        recipients
            .iter()
            .position(|r| r.code == mission)
            .unwrap_or(usize::MAX)
    };
    let mut notes: Vec<(usize, usize, &Entry, &Written)> = meetings
        .iter()
        .enumerate()
        .flat_map(|(order, written)| written.notes.iter().map(move |note| (order, note, written)))
        .map(|(order, note, written)| (position(&note.mission), order, note, written))
        .collect();
    // Stable: a mission's notes of one meeting file keep their order.
    notes.sort_by_key(|&(position, order, ..)| (position, order));
    notes
        .into_iter()
        .filter_map(|(position, _, note, written)| {
            Some((position, note, note.file.as_ref()?, written))
        })
        .map(|(position, note, file, written)| {
            let path = written.out.join(file);
            let pdf = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
            let mut title = match (recipients.get(position), note.language) {
                (Some(recipient), Some(lang)) => {
                    format!("{} — {} ({lang})", note.mission, recipient.list_name(lang))
                }
                _ => note.mission.clone(),
            };
            if let Some(meeting) = written.meeting {
                title = format!("{title}, {meeting}");
            }
            Ok(PrintNote { title, pdf })
        })
        .collect()
}

/// Writes every note into one PDF at `path`; with `duplex`, a blank page
/// follows a note of an odd number of pages, so that the next starts on the
/// front of a sheet.
pub fn write_combined(notes: &[PrintNote], duplex: bool, path: &Path) -> Result<()> {
    let bytes = combine(notes, duplex).map_err(|e| {
        Error::environment(
            format!("could not put the notes into `{}`", path.display()),
            e,
        )
    })?;
    output::write_atomic(path, &bytes)
}

/// The combined PDF's bytes.
pub fn combine(notes: &[PrintNote], duplex: bool) -> lopdf::Result<Vec<u8>> {
    let mut combined = Document::with_version("1.7");
    let pages_id = combined.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    for (index, note) in notes.iter().enumerate() {
        let mut document = Document::load_mem(&note.pdf)?;
        document.renumber_objects_with(combined.max_id + 1);
        combined.max_id = combined.max_id.max(document.max_id);
        let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
        let mut media_box = None;
        for (id, object) in document.objects {
            match object.type_name().unwrap_or(b"") {
                // The note's own catalog, page tree and outline give way to
                // the combined one's.
                b"Catalog" | b"Pages" | b"Outlines" | b"ObjStm" | b"XRef" => {}
                b"Page" => {
                    let mut page = object.as_dict()?.clone();
                    page.set("Parent", pages_id);
                    if media_box.is_none() {
                        media_box = page.get(b"MediaBox").ok().cloned();
                    }
                    combined.objects.insert(id, Object::Dictionary(page));
                }
                _ => {
                    combined.objects.insert(id, object);
                }
            }
        }
        if let Some(&first) = pages.first() {
            combined.add_bookmark(Bookmark::new(note.title.clone(), [0.0; 3], 0, first), None);
        }
        kids.extend(pages.iter().map(|&id| Object::Reference(id)));
        let last = index + 1 == notes.len();
        if duplex && pages.len() % 2 == 1 && !last {
            let mut blank = Dictionary::new();
            blank.set("Type", "Page");
            blank.set("Parent", pages_id);
            blank.set("Resources", Dictionary::new());
            if let Some(media_box) = media_box {
                blank.set("MediaBox", media_box);
            }
            kids.push(Object::Reference(combined.add_object(blank)));
        }
    }
    let mut pages = Dictionary::new();
    pages.set("Type", "Pages");
    pages.set("Count", kids.len() as i64);
    pages.set("Kids", kids);
    combined.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", "Catalog");
    catalog.set("Pages", pages_id);
    if let Some(outline) = combined.build_outline() {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog_id = combined.add_object(catalog);
    combined.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    combined.save_to(&mut bytes).map_err(lopdf::Error::from)?;
    Ok(bytes)
}
