//! The files a user gives, read from disk: regular files only (a link is
//! followed to one), each kind of file bounded by its own limit, so that
//! nothing given by mistake (a folder, a device, a pipe, a file that grows
//! as it is read) makes a run hang or fill the memory.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use crate::error::{Diagnostic, Error};

const MIB: u64 = 1024 * 1024;

/// A meeting file, or a kind's schema checked on its own: a few kilobytes,
/// so a thousand times what the longest note needs is plenty.
pub const MEETING_FILE: u64 = 4 * MIB;

/// A list of missions as text, YAML or CSV: every mission of the United
/// Nations with its address is a few hundred kilobytes. The same text in
/// UTF-16 (Excel's "Unicode text") takes up to twice the bytes.
pub const LIST: u64 = 4 * MIB;

/// A list of missions as a workbook: its cells are a few dozen kilobytes,
/// but a workbook also carries the styles, pictures and other sheets of the
/// office that keeps it.
pub const WORKBOOK: u64 = 32 * MIB;

/// The text of one cell or value of a list of missions, in characters: the
/// longest name of a State in the UN's lists is under a hundred, an address
/// of several lines a few hundred; a thousand is never reached by a real
/// list, and a note cannot print more.
pub const CELL_TEXT: usize = 1_000;

/// The missions a list may hold: the UN has fewer than two hundred Member
/// States, and no office keeps more than a hundred thousand addressees.
pub const LIST_RECORDS: u32 = 100_000;

/// The rows of a sheet, or lines of a CSV, that hold a list of missions,
/// counted from the first: a header and [`LIST_RECORDS`] missions; a cell
/// below is a stray one.
pub const LIST_ROWS: u32 = LIST_RECORDS + 1;

/// The columns of a sheet that holds a list of missions, counted from `A`
/// (256 reach `IV`, the old limit of Excel): a list has fifteen columns
/// and a few of the office's own; a cell to the right is a stray one.
pub const LIST_COLUMNS: u32 = 256;

/// The cells of the table a sheet makes: its rows from the first that holds
/// something to the last, times its columns likewise. A hundred thousand
/// missions of twenty columns each; each cell costs sixteen bytes besides
/// its text as it is read, and the columns a note reads about seventy more.
pub const LIST_CELLS: u64 = 2_000_000;

/// The mistakes of a list said one by one; the others are counted in one
/// line. A list with a mistake in every row says the first thousand, which
/// is more than any office mends before it checks again, and the records
/// past them keep no message to be said.
pub const LIST_MISTAKES: usize = 1_000;

/// The text of all the cells of a sheet together, in bytes: a value used
/// many times (a shared string, a repeated cell) is counted each time, as
/// it is kept each time.
pub const LIST_TEXT: u64 = 64 * MIB;

/// One part of a workbook (a sheet, its shared strings, its styles)
/// unpacked: an `.xlsx` or `.ods` is a zip archive whose parts may unpack to
/// a thousand times their packed size. A sheet of a hundred thousand
/// missions is under a hundred megabytes of XML.
pub const WORKBOOK_PART: u64 = 128 * MIB;

/// All the parts of a workbook together, unpacked: four sheets of a
/// hundred thousand missions.
pub const WORKBOOK_UNPACKED: u64 = 4 * WORKBOOK_PART;

/// The longest stretch of a workbook's XML between two tags, in bytes: the
/// text of one cell, which the XML reader holds whole however long. No
/// value of a list comes near; Excel's longest formula is 8,192 characters.
pub const XML_TEXT: u64 = 64 * 1024;

/// The parts of a workbook read whole into memory before any cell is, as
/// the shared strings of an `.xlsx` (`xl/sharedStrings.xml`): every text of
/// a hundred thousand missions, each written once.
pub const WORKBOOK_STRINGS: u64 = 64 * MIB;

/// The pixels of a logo, as its header declares them before it is decoded:
/// a printed emblem needs a few hundred pixels a side, a scan at 600 dpi of
/// a page-wide one a few thousand; an image decodes to four bytes a pixel.
pub const LOGO_PIXELS: u64 = 25_000_000;

/// A logo: an emblem is a few hundred kilobytes even as a large PNG, and
/// every note embeds it.
pub const LOGO: u64 = 8 * MIB;

/// A file of a template or locale folder: templates and messages are a few
/// kilobytes each, an emblem beside them a few hundred.
pub const TEMPLATE: u64 = 16 * MIB;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// It could not be opened or read: it is missing, or not ours to read.
    Io(std::io::Error),
    /// It is a folder.
    Folder,
    /// It is not a regular file: what it is instead, as "a named pipe".
    Special(&'static str),
    /// It holds more than `limit` bytes: `size` of them, when the file said
    /// so before it was read.
    TooLarge {
        /// Its size, unknown when the read found more than the file said.
        size: Option<u64>,
        /// The limit for its kind of file.
        limit: u64,
    },
}

impl Refusal {
    /// Why the file was not read, for a diagnostic that names it.
    pub fn message(&self) -> String {
        match self {
            Refusal::Io(error) => error.to_string(),
            Refusal::Folder => "this is a folder, not a file".to_owned(),
            Refusal::Special(what) => format!("this is {what}, not a regular file"),
            Refusal::TooLarge {
                size: Some(size),
                limit,
            } => format!("the file is {size} bytes, more than the {limit} bytes allowed"),
            Refusal::TooLarge { size: None, limit } => {
                format!("the file holds more than the {limit} bytes allowed")
            }
        }
    }

    /// The error that says why the file at `path` was not read.
    pub fn into_error(self, path: &Path) -> Error {
        match self {
            Refusal::Io(error) => Error::read(path, error),
            Refusal::Folder => Error::invalid(
                Diagnostic::error(self.message())
                    .in_file(path)
                    .hint("give the path of a file in it"),
            ),
            Refusal::Special(_) => Error::invalid(
                Diagnostic::error(self.message())
                    .in_file(path)
                    .hint("save what it gives to a file, and give that file's path"),
            ),
            Refusal::TooLarge { .. } => {
                Error::invalid(Diagnostic::error(self.message()).in_file(path))
            }
        }
    }
}

/// The bytes of the regular file at `path`, or of the one a link there leads
/// to, if it holds at most `limit` of them. Its size is checked before it is
/// read, and the read itself stops past the limit: a file's size may say
/// nothing of what it holds, or change.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    // Opening a pipe waits for a writer: what a path is, is known first.
    check(&std::fs::metadata(path).map_err(Refusal::Io)?, limit)?;
    let file = File::open(path).map_err(Refusal::Io)?;
    let metadata = file.metadata().map_err(Refusal::Io)?;
    check(&metadata, limit)?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// Refuses anything but a regular file of at most `limit` bytes.
fn check(metadata: &Metadata, limit: u64) -> Result<(), Refusal> {
    if metadata.is_dir() {
        return Err(Refusal::Folder);
    }
    if !metadata.is_file() {
        return Err(Refusal::Special(special(metadata)));
    }
    if metadata.len() > limit {
        return Err(Refusal::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    Ok(())
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(unix)]
fn special(metadata: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(not(unix))]
fn special(_: &Metadata) -> &'static str {
    "a device"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.yaml");
        std::fs::write(&path, "kind: invitation\n").unwrap();
        assert_eq!(read(&path, 17).unwrap(), b"kind: invitation\n");
        let refusal = read(&path, 16).unwrap_err();
        assert_eq!(
            refusal.message(),
            "the file is 17 bytes, more than the 16 bytes allowed"
        );
        assert!(matches!(read(dir.path(), 16), Err(Refusal::Folder)));
        let missing = read(&dir.path().join("missing.yaml"), 16);
        assert!(matches!(missing, Err(Refusal::Io(_))));
    }

    /// `/proc` files say they are empty and are not: the read itself stops.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_read_stops_past_the_limit_whatever_the_size_said() {
        let status = Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(status).unwrap().len(), 0);
        let refusal = read(status, 64).unwrap_err();
        assert!(matches!(
            refusal,
            Refusal::TooLarge {
                size: None,
                limit: 64
            }
        ));
        assert_eq!(
            refusal.message(),
            "the file holds more than the 64 bytes allowed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_to_a_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.yaml");
        std::fs::write(&file, "x").unwrap();
        let to_file = dir.path().join("to-file.yaml");
        std::os::unix::fs::symlink(&file, &to_file).unwrap();
        assert_eq!(read(&to_file, 16).unwrap(), b"x");
        let to_folder = dir.path().join("to-folder.yaml");
        std::os::unix::fs::symlink(dir.path(), &to_folder).unwrap();
        assert!(matches!(read(&to_folder, 16), Err(Refusal::Folder)));
        let to_device = dir.path().join("to-device.yaml");
        std::os::unix::fs::symlink("/dev/zero", &to_device).unwrap();
        let refusal = read(&to_device, 16).unwrap_err();
        assert_eq!(refusal.message(), "this is a device, not a regular file");
    }
}
