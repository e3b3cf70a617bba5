//! The parts of a zipped workbook (`.xlsx`, `.xlsb`, `.ods`) checked by the
//! sizes its directory declares, before any is unpacked: a few kilobytes
//! may unpack to gigabytes. The zip reader stops at the declared size, so
//! a part that says less than it holds is refused as it is read. Then the
//! XML of the cells is run through once, its text between tags measured:
//! the XML reader holds a text whole, however long, before a cell is known.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Diagnostic, Error, Result};
use crate::input::{WORKBOOK_PART, WORKBOOK_STRINGS, WORKBOOK_UNPACKED, XML_TEXT};

/// Refuses a zipped workbook a part of which unpacks past its limit, or
/// holds a text past [`XML_TEXT`]; what is not a zip archive, or cannot be
/// unpacked, is left for the workbook reader to say.
pub(super) fn check(path: &Path, bytes: &[u8]) -> Result<()> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let refused = |message: String| {
        Error::invalid(Diagnostic::error(message).in_file(path).hint(
            "a list of missions unpacks to a few megabytes: save the list alone in a new workbook",
        ))
    };
    let mut total = 0u64;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(index) else {
            continue;
        };
        let Ok(name) = entry.name() else {
            continue;
        };
        let limit = limit(&name);
        if entry.size() > limit {
            return Err(refused(format!(
                "the workbook's {name} unpacks to {}, more than the {} allowed",
                size(entry.size()),
                size(limit)
            )));
        }
        total = total.saturating_add(entry.size());
        if total > WORKBOOK_UNPACKED {
            return Err(refused(format!(
                "the workbook's parts unpack to more than the {} allowed together",
                size(WORKBOOK_UNPACKED)
            )));
        }
    }
    for index in 0..archive.len() {
        let Ok(mut part) = archive.by_index(index) else {
            continue;
        };
        let Ok(name) = part.name().map(|n| n.into_owned()) else {
            continue;
        };
        if !name.to_ascii_lowercase().ends_with(".xml") {
            continue;
        }
        // A part that cannot be unpacked is for the workbook reader to say.
        if let Ok(Some(at)) = longest_text(&mut part) {
            return Err(refused(format!(
                "the workbook's {name} holds a text of more than {} at byte {at}: \
                 no value of a list is so long",
                size(XML_TEXT)
            )));
        }
    }
    Ok(())
}

/// Where the XML of `part` first holds more than [`XML_TEXT`] bytes between
/// two tags (the byte after the `<` that opens the stretch), if it does.
fn longest_text(part: &mut impl Read) -> std::io::Result<Option<u64>> {
    let mut buffer = vec![0; 64 * 1024];
    // The bytes read before this buffer, and those of the stretch being
    // measured that they hold.
    let (mut read, mut carried) = (0u64, 0u64);
    loop {
        let n = part.read(&mut buffer)?;
        if n == 0 {
            return Ok(None);
        }
        let chunk = &buffer[..n];
        // Where the stretch being measured starts in this buffer.
        let mut start = 0;
        for at in memchr::memchr_iter(b'<', chunk).chain([n]) {
            let stretch = carried + (at - start) as u64;
            if stretch > XML_TEXT {
                return Ok(Some(read + start as u64 - carried));
            }
            if at < n {
                (carried, start) = (0, at + 1);
            }
        }
        carried += (n - start) as u64;
        read += n as u64;
    }
}

/// The limit of a part: a sheet is read as a stream, and pictures are not
/// read at all; any other part (shared strings, styles, the workbook
/// itself) is read whole.
fn limit(name: &str) -> u64 {
    let name = name.to_ascii_lowercase();
    let streamed = name.starts_with("xl/worksheets/") || name == "content.xml";
    let unread = ["xl/media/", "pictures/", "thumbnails/", "docprops/"]
        .iter()
        .any(|folder| name.starts_with(folder));
    if streamed || unread {
        WORKBOOK_PART
    } else {
        WORKBOOK_STRINGS
    }
}

/// A size as people read it: `3.8 GiB`, `128 MiB`, `12 KiB`.
pub(super) fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = KIB * 1024;
    const GIB: u64 = MIB * 1024;
    match bytes {
        b if b >= GIB => format!("{:.1} GiB", b as f64 / GIB as f64),
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= MIB => format!("{:.1} MiB", b as f64 / MIB as f64),
        b if b >= KIB => format!("{} KiB", b.div_ceil(KIB)),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size(4 << 30), "4.0 GiB");
        assert_eq!(size(128 << 20), "128 MiB");
        assert_eq!(size(100_000_000), "95.4 MiB");
        assert_eq!(size(1500), "2 KiB");
        assert_eq!(size(12), "12 bytes");
    }

    #[test]
    fn the_longest_text_between_tags_is_found_across_reads() {
        let long = "x".repeat(XML_TEXT as usize + 1);
        let xml = format!(
            "<a>{}</a><b>{long}</b>",
            "y".repeat(100_000 % XML_TEXT as usize)
        );
        assert_eq!(
            longest_text(&mut xml.as_bytes()).unwrap(),
            Some(xml.find("<b>").unwrap() as u64 + 1)
        );
        // Between two `<`: the tag's name and `>`, then the text.
        let short = format!("<a>{}</a>", "y".repeat(XML_TEXT as usize - 2));
        assert_eq!(longest_text(&mut short.as_bytes()).unwrap(), None);
        // A text split across reads of the buffer.
        let split = format!("{}<b>{long}", "<a/>".repeat(20_000));
        assert_eq!(longest_text(&mut split.as_bytes()).unwrap(), Some(80_001));
    }

    #[test]
    fn sheets_are_streamed_and_other_parts_read_whole() {
        assert_eq!(limit("xl/worksheets/sheet1.xml"), WORKBOOK_PART);
        assert_eq!(limit("content.xml"), WORKBOOK_PART);
        assert_eq!(limit("xl/sharedStrings.xml"), WORKBOOK_STRINGS);
        assert_eq!(limit("xl/styles.xml"), WORKBOOK_STRINGS);
        assert_eq!(limit("xl/media/image1.png"), WORKBOOK_PART);
    }
}
