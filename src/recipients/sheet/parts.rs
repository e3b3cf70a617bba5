//! The parts of a zipped workbook (`.xlsx`, `.xlsb`, `.ods`) checked by the
//! sizes its directory declares, before any is unpacked: a few kilobytes
//! may unpack to gigabytes. The zip reader stops at the declared size, so
//! a part that says less than it holds is refused as it is read.

use std::io::Cursor;
use std::path::Path;

use crate::error::{Diagnostic, Error, Result};
use crate::input::{WORKBOOK_PART, WORKBOOK_STRINGS};

/// Refuses a zipped workbook a part of which unpacks past its limit; what
/// is not a zip archive is left for the workbook reader to say.
pub(super) fn check(path: &Path, bytes: &[u8]) -> Result<()> {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(index) else {
            continue;
        };
        let Ok(name) = entry.name() else {
            continue;
        };
        let limit = limit(&name);
        if entry.size() > limit {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the workbook's {name} unpacks to {}, more than the {} allowed",
                    size(entry.size()),
                    size(limit)
                ))
                .in_file(path)
                .hint("a list of missions unpacks to a few megabytes: save the list alone in a new workbook"),
            ));
        }
    }
    Ok(())
}

/// The limit of a part: a sheet is read as a stream, any other part
/// (shared strings, styles, the workbook itself) whole.
fn limit(name: &str) -> u64 {
    let name = name.to_ascii_lowercase();
    let streamed = name.starts_with("xl/worksheets/") || name == "content.xml";
    if streamed {
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
    fn sheets_are_streamed_and_other_parts_read_whole() {
        assert_eq!(limit("xl/worksheets/sheet1.xml"), WORKBOOK_PART);
        assert_eq!(limit("content.xml"), WORKBOOK_PART);
        assert_eq!(limit("xl/sharedStrings.xml"), WORKBOOK_STRINGS);
    }
}
