//! Writing outputs: every file goes to a temporary file in its folder and is
//! renamed into place, so that no half-written file is ever seen.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let file = stage(path, bytes, true)?;
    file.persist(path)
        .map_err(|e| Error::write(path, e.error))?;
    Ok(())
}

/// Writes `bytes` to `path` atomically, as [`write_atomic`] does, without
/// waiting for the disk: a process killed at any point still leaves either
/// the whole file or none, but a power cut may lose it. A batch writes its
/// notes so (waiting for the disk after each took a third of its time), and
/// its manifest, which records each note's digest, with [`write_atomic`]: a
/// note lost is found different from its digest and made again.
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    let file = stage(path, bytes, false)?;
    file.persist(path)
        .map_err(|e| Error::write(path, e.error))?;
    Ok(())
}

/// Writes several files, all or none: each is written to a temporary file
/// first, and they are renamed into place only once all are written.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let staged = files
        .iter()
        .map(|(path, bytes)| Ok((stage(path, bytes, true)?, path)))
        .collect::<Result<Vec<_>>>()?;
    // Temporary files not yet renamed are deleted when dropped, should a
    // rename fail half-way.
    for (file, path) in staged {
        file.persist(path)
            .map_err(|e| Error::write(path, e.error))?;
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, flushed to disk when
/// `sync` is set.
fn stage(path: &Path, bytes: &[u8], sync: bool) -> Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".noteverbale-").suffix(".part");
    // Temporary files are private by default; outputs are ordinary files,
    // readable as the user's umask allows.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder
        .tempfile_in(folder)
        .map_err(|e| Error::write(folder, e))?;
    file.write_all(bytes).map_err(|e| Error::write(path, e))?;
    if sync {
        file.as_file()
            .sync_all()
            .map_err(|e| Error::write(path, e))?;
    }
    Ok(file)
}

/// Lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.pdf")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_ne!(
                mode & 0o044,
                0,
                "others may read the output, umask permitting"
            );
        }
    }
}
