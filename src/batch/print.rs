//! One PDF of every note of a batch, to print and stamp in one go: the
//! notes' pages in list order, each note on a new sheet (an odd page, for
//! printing on both sides, when asked), and an outline entry per note.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::Entry;
use crate::error::{Diagnostic, Error, Result};
use crate::output;
use crate::recipients::Record;

/// One note of the combined PDF: its outline title and its file.
#[derive(Debug, Clone)]
pub struct PrintNote {
    /// The outline entry, as `FRA — France (fr)`.
    pub title: String,
    /// The note's PDF file, read when its turn comes.
    pub path: PathBuf,
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

/// The notes of a run, in their files, each titled with its
/// mission's code, name as lists give it, and language: `FRA — France
/// (fr)`, `BOL — Bolivie (État plurinational de) (fr)`. Each mission's notes
/// come together, in list order, and a mission's notes of several meeting
/// files in the order of `meetings`: one envelope a mission.
pub fn gather(records: &[Record], meetings: &[Written<'_>]) -> Vec<PrintNote> {
    let recipients: Vec<_> = records
        .iter()
        .filter_map(|r| r.recipient.as_ref().ok())
        .collect();
    let positions: HashMap<&str, usize> = (recipients.iter().enumerate())
        .map(|(position, r)| (r.code.as_str(), position))
        .collect();
    let position = |mission: &str| positions.get(mission).copied().unwrap_or(usize::MAX);
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
            let mut title = match (recipients.get(position), note.language) {
                (Some(recipient), Some(lang)) => {
                    format!("{} — {} ({lang})", note.mission, recipient.list_name(lang))
                }
                _ => note.mission.clone(),
            };
            if let Some(meeting) = written.meeting {
                title = format!("{title}, {meeting}");
            }
            PrintNote {
                title,
                path: written.out.join(file),
            }
        })
        .collect()
}

/// Writes every note into one PDF at `path`; with `duplex`, a blank page
/// follows a note of an odd number of pages, so that the next starts on the
/// front of a sheet. The notes are read and written one at a time: memory
/// holds one note and the outline, however many there are. Should `stopped`
/// become true meanwhile, nothing is written: `Ok(false)`.
pub fn write_combined(
    notes: &[PrintNote],
    duplex: bool,
    path: &Path,
    stopped: &dyn Fn() -> bool,
) -> Result<bool> {
    output::write_atomic_with(path, |out| match combine(notes, duplex, out, stopped) {
        Ok(()) => Ok(true),
        Err(Combine::Stopped) => Ok(false),
        Err(Combine::Read(note, e)) => Err(Error::read(&note, e)),
        Err(Combine::Note(note, e)) => Err(Error::environment(
            format!(
                "could not put `{}` into `{}`",
                note.display(),
                path.display()
            ),
            e,
        )),
        Err(Combine::Damaged(note, (number, generation))) => Err(Error::invalid(
            Diagnostic::error(format!(
                "`{}` is damaged: it refers to its object {number} {generation}, which it lacks",
                note.display()
            ))
            .hint("make the note again: run the batch with `--force`"),
        )),
        Err(Combine::Write(e)) => Err(Error::write(path, e)),
    })
}

/// What stopped the combined PDF.
#[derive(Debug)]
enum Combine {
    /// Asked to stop.
    Stopped,
    /// A note could not be read.
    Read(PathBuf, std::io::Error),
    /// A note could not be taken apart.
    Note(PathBuf, lopdf::Error),
    /// A note refers to an object it lacks (a damaged file, whose reader
    /// left out what it could not read).
    Damaged(PathBuf, ObjectId),
    /// The combined PDF could not be written.
    Write(std::io::Error),
}

impl From<std::io::Error> for Combine {
    fn from(error: std::io::Error) -> Self {
        Combine::Write(error)
    }
}

/// The combined PDF, written to `out` note after note: each note's objects
/// renumbered after those before it, its catalog and page tree left out,
/// its pages hung on the combined page tree; then the page tree, the
/// outline, the catalog and the cross-reference table.
fn combine(
    notes: &[PrintNote],
    duplex: bool,
    out: &mut dyn Write,
    stopped: &dyn Fn() -> bool,
) -> std::result::Result<(), Combine> {
    let mut pdf = Writer {
        out,
        offset: 0,
        offsets: Vec::new(),
    };
    pdf.raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
    let (catalog, pages_id) = ((1, 0), (2, 0));
    let mut next = 3;
    let mut kids: Vec<ObjectId> = Vec::new();
    let mut entries: Vec<(&str, ObjectId)> = Vec::new();
    for (index, note) in notes.iter().enumerate() {
        if stopped() {
            return Err(Combine::Stopped);
        }
        let bytes = std::fs::read(&note.path).map_err(|e| Combine::Read(note.path.clone(), e))?;
        let mut document =
            Document::load_mem(&bytes).map_err(|e| Combine::Note(note.path.clone(), e))?;
        drop(bytes);
        let old_pages: Vec<ObjectId> = document.get_pages().into_values().collect();
        // What the pages reach is written, numbered after the notes before
        // it; the note's catalog, page tree, structure tree and metadata
        // give way to the combined file's.
        let reached = reached(&document, &old_pages)
            .map_err(|missing| Combine::Damaged(note.path.clone(), missing))?;
        let numbers: HashMap<ObjectId, u32> = reached
            .iter()
            .zip(next..)
            .map(|(&id, number)| (id, number))
            .collect();
        next += reached.len() as u32;
        // Every reference of what the pages reach is reached (the pages'
        // `Parent` aside): the fallback, object 0, is never written.
        let renumber = |id: ObjectId| match id {
            PARENT => pages_id,
            id => numbers.get(&id).map_or((0, 0), |&number| (number, 0)),
        };
        let pages: Vec<ObjectId> = old_pages.iter().map(|&id| renumber(id)).collect();
        let mut media_box = None;
        for id in reached {
            let Some(mut object) = document.objects.remove(&id) else {
                continue;
            };
            if let Object::Dictionary(page) = &mut object
                && page.has_type(b"Page")
            {
                page.set("Parent", PARENT);
                if media_box.is_none() {
                    media_box = page.get(b"MediaBox").ok().cloned();
                }
            }
            pdf.object(renumber(id), &object, &renumber)?;
        }
        if let Some(&first) = pages.first() {
            entries.push((&note.title, first));
        }
        kids.extend(&pages);
        let last = index + 1 == notes.len();
        if duplex && pages.len() % 2 == 1 && !last {
            let mut blank = Dictionary::new();
            blank.set("Type", "Page");
            blank.set("Parent", pages_id);
            blank.set("Resources", Dictionary::new());
            if let Some(media_box) = media_box {
                blank.set("MediaBox", media_box);
            }
            let id = (next, 0);
            next += 1;
            pdf.object(id, &Object::Dictionary(blank), &same)?;
            kids.push(id);
        }
    }
    let mut tree = Dictionary::new();
    tree.set("Type", "Pages");
    tree.set("Count", kids.len() as i64);
    tree.set(
        "Kids",
        kids.into_iter().map(Object::Reference).collect::<Vec<_>>(),
    );
    pdf.object(pages_id, &Object::Dictionary(tree), &same)?;
    let mut root = Dictionary::new();
    root.set("Type", "Catalog");
    root.set("Pages", pages_id);
    if !entries.is_empty() {
        // One outline entry a note, each opening its first page whole.
        let outlines = (next, 0);
        let first = next + 1;
        let item = |n: usize| Object::Reference((first + n as u32, 0));
        for (n, (title, page)) in entries.iter().enumerate() {
            let mut entry = Dictionary::new();
            entry.set("Title", lopdf::text_string(title));
            entry.set("Parent", outlines);
            if n > 0 {
                entry.set("Prev", item(n - 1));
            }
            if n + 1 < entries.len() {
                entry.set("Next", item(n + 1));
            }
            entry.set("Dest", vec![Object::Reference(*page), "Fit".into()]);
            pdf.object((first + n as u32, 0), &Object::Dictionary(entry), &same)?;
        }
        let mut outline = Dictionary::new();
        outline.set("Type", "Outlines");
        outline.set("First", item(0));
        outline.set("Last", item(entries.len() - 1));
        outline.set("Count", entries.len() as i64);
        pdf.object(outlines, &Object::Dictionary(outline), &same)?;
        root.set("Outlines", outlines);
        root.set("PageMode", "UseOutlines");
    }
    pdf.object(catalog, &Object::Dictionary(root), &same)?;
    Ok(pdf.finish(catalog)?)
}

/// A PDF written as it goes, with where each object starts, for the
/// cross-reference table: eight bytes an object, about 500 a note. Objects
/// are numbered from 1 without a gap.
struct Writer<'a> {
    out: &'a mut dyn Write,
    offset: u64,
    /// Each object's offset, by number (object 0 is none).
    offsets: Vec<u64>,
}

impl Writer<'_> {
    fn raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)?;
        self.offset += bytes.len() as u64;
        Ok(())
    }

    fn object(
        &mut self,
        (number, generation): ObjectId,
        object: &Object,
        renumber: &dyn Fn(ObjectId) -> ObjectId,
    ) -> std::io::Result<()> {
        let number = number as usize;
        if self.offsets.len() <= number {
            self.offsets.resize(number + 1, 0);
        }
        self.offsets[number] = self.offset;
        let mut bytes = format!("{number} {generation} obj\n").into_bytes();
        primitive(&mut bytes, object, renumber);
        bytes.extend_from_slice(b"\nendobj\n");
        self.raw(&bytes)
    }

    /// The cross-reference table and the trailer.
    fn finish(mut self, root: ObjectId) -> std::io::Result<()> {
        let start = self.offset;
        let offsets = std::mem::take(&mut self.offsets);
        let size = offsets.len().max(1);
        self.raw(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes())?;
        for offset in offsets.iter().skip(1) {
            self.raw(format!("{offset:010} 00000 n \n").as_bytes())?;
        }
        self.raw(
            format!(
                "trailer\n<< /Size {size} /Root {} {} R >>\nstartxref\n{start}\n%%EOF\n",
                root.0, root.1
            )
            .as_bytes(),
        )?;
        self.out.flush()
    }
}

/// Where a page's `Parent` goes, until written: the combined page tree.
const PARENT: ObjectId = (u32::MAX, u16::MAX);

/// The objects that `pages` reach, pages first, in the order found, but
/// through no page's `Parent` (the page tree above them). A reference to
/// an object the document lacks is an error: its reader leaves out an
/// object it cannot read, and what refers to it would refer, once
/// renumbered, to another object.
fn reached(
    document: &Document,
    pages: &[ObjectId],
) -> std::result::Result<Vec<ObjectId>, ObjectId> {
    fn references(object: &Object, found: &mut Vec<ObjectId>) {
        match object {
            Object::Reference(id) => found.push(*id),
            Object::Array(items) => items.iter().for_each(|item| references(item, found)),
            Object::Dictionary(dictionary) => entries(dictionary, found),
            Object::Stream(stream) => entries(&stream.dict, found),
            _ => {}
        }
    }
    fn entries(dictionary: &Dictionary, found: &mut Vec<ObjectId>) {
        let page = dictionary.has_type(b"Page");
        for (key, value) in dictionary.iter() {
            if !(page && key.as_slice() == b"Parent") {
                references(value, found);
            }
        }
    }
    let mut order: Vec<ObjectId> = pages.to_vec();
    let mut seen: HashSet<ObjectId> = order.iter().copied().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while let Some(&id) = order.get(index) {
        index += 1;
        references(document.objects.get(&id).ok_or(id)?, &mut found);
        for reference in found.drain(..) {
            if seen.insert(reference) {
                order.push(reference);
            }
        }
    }
    Ok(order)
}

/// References as they are.
fn same(id: ObjectId) -> ObjectId {
    id
}

/// An object in PDF syntax. Strings are written in hexadecimal, which any
/// byte may be; names escape what is not a regular character.
fn primitive(out: &mut Vec<u8>, object: &Object, renumber: &dyn Fn(ObjectId) -> ObjectId) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(value) => out.extend_from_slice(if *value { b"true" } else { b"false" }),
        Object::Integer(value) => out.extend_from_slice(value.to_string().as_bytes()),
        Object::Real(value) => out.extend_from_slice(real(*value).as_bytes()),
        Object::Name(name) => self::name(out, name),
        Object::String(bytes, _) => {
            out.push(b'<');
            out.extend_from_slice(output::hex(bytes).as_bytes());
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b' ');
                }
                primitive(out, item, renumber);
            }
            out.push(b']');
        }
        Object::Dictionary(dictionary) => self::dictionary(out, dictionary, None, renumber),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict, Some(stream.content.len()), renumber);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => {
            let (number, generation) = renumber(*id);
            out.extend_from_slice(format!("{number} {generation} R").as_bytes());
        }
    }
}

/// A dictionary; a stream's with its length as written.
fn dictionary(
    out: &mut Vec<u8>,
    dictionary: &Dictionary,
    length: Option<usize>,
    renumber: &dyn Fn(ObjectId) -> ObjectId,
) {
    out.extend_from_slice(b"<<");
    for (key, value) in dictionary.iter() {
        if length.is_some() && key.as_slice() == b"Length" {
            continue;
        }
        name(out, key);
        out.push(b' ');
        primitive(out, value, renumber);
    }
    if let Some(length) = length {
        out.extend_from_slice(format!("/Length {length}").as_bytes());
    }
    out.extend_from_slice(b">>");
}

/// A name: `/` and its bytes, those outside the regular characters of PDF
/// as `#` and two hexadecimal digits.
fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        let regular = (b'!'..=b'~').contains(&byte) && !b"#%()/<>[]{}".contains(&byte);
        if regular {
            out.push(byte);
        } else {
            out.extend_from_slice(format!("#{byte:02X}").as_bytes());
        }
    }
}

/// A real number as PDF writes them: decimal, never with an exponent.
fn real(value: f32) -> String {
    if value.is_finite() {
        // Display writes the shortest decimal that reads back the same,
        // without an exponent.
        let text = value.to_string();
        if text.contains('.') {
            text
        } else {
            format!("{text}.0")
        }
    } else {
        "0".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(object: &Object) -> String {
        let mut out = Vec::new();
        primitive(&mut out, object, &same);
        String::from_utf8(out).unwrap()
    }

    /// A PDF of one empty page, whose page refers to `font`.
    fn one_page(font: ObjectId) -> Vec<u8> {
        let mut document = Document::with_version("1.7");
        let pages = document.new_object_id();
        let mut page = Dictionary::new();
        page.set("Type", "Page");
        page.set("Parent", pages);
        page.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
        let mut fonts = Dictionary::new();
        fonts.set("f0", font);
        let mut resources = Dictionary::new();
        resources.set("Font", fonts);
        page.set("Resources", resources);
        let page = document.add_object(page);
        let mut tree = Dictionary::new();
        tree.set("Type", "Pages");
        tree.set("Kids", vec![Object::Reference(page)]);
        tree.set("Count", 1);
        document.objects.insert(pages, Object::Dictionary(tree));
        let catalog =
            document.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        document.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        document.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn a_note_that_refers_to_an_object_it_lacks_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let note = |name: &str, font| {
            let path = dir.path().join(name);
            std::fs::write(&path, one_page(font)).unwrap();
            PrintNote {
                title: name.to_owned(),
                path,
            }
        };
        let whole = note("whole.pdf", (1, 0));
        let damaged = note("damaged.pdf", (30, 0));
        let mut out = Vec::new();
        combine(std::slice::from_ref(&whole), false, &mut out, &|| false).unwrap();
        let combined = Document::load_mem(&out).unwrap();
        assert_eq!(combined.get_pages().len(), 1);
        // No note: a page tree without pages.
        let mut out = Vec::new();
        combine(&[], false, &mut out, &|| false).unwrap();
        assert_eq!(Document::load_mem(&out).unwrap().get_pages().len(), 0);

        let path = dir.path().join("all.pdf");
        let error = write_combined(&[whole, damaged], false, &path, &|| false).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("damaged.pdf` is damaged: it refers to its object 30 0"),
            "{error}"
        );
        assert!(!path.exists());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left");
    }

    #[test]
    fn a_stop_asked_for_while_the_notes_are_combined_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.pdf");
        std::fs::write(&path, one_page((1, 0))).unwrap();
        let notes = [PrintNote {
            title: "note".into(),
            path,
        }];
        let all = dir.path().join("all.pdf");
        assert!(!write_combined(&notes, false, &all, &|| true).unwrap());
        assert!(!all.exists());
        assert!(write_combined(&notes, false, &all, &|| false).unwrap());
        assert!(all.exists());
    }

    #[test]
    fn objects_are_written_in_pdf_syntax() {
        assert_eq!(
            written(&Object::Name(b"A b#(c)".to_vec())),
            "/A#20b#23#28c#29"
        );
        assert_eq!(written(&Object::Real(0.5)), "0.5");
        assert_eq!(written(&Object::Real(12.0)), "12.0");
        assert_eq!(written(&Object::Real(1e-7)), "0.0000001");
        assert_eq!(written(&lopdf::text_string("É")), "<feff00c9>");
        assert_eq!(
            written(&Object::Array(vec![
                Object::Reference((3, 0)),
                "Fit".into()
            ])),
            "[3 0 R /Fit]"
        );
        let mut dictionary = Dictionary::new();
        dictionary.set("Length", Object::Reference((9, 0)));
        dictionary.set("Filter", "FlateDecode");
        let stream = Object::Stream(lopdf::Stream::new(dictionary, b"xyz".to_vec()));
        assert_eq!(
            written(&stream),
            "<</Filter /FlateDecode/Length 3>>\nstream\nxyz\nendstream"
        );
    }
}
