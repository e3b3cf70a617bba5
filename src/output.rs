//! Writing outputs: every file goes to a temporary file in its folder and is
//! renamed into place, so that no half-written file is ever seen, and nothing
//! is written through a symbolic link.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Failure, Result};

/// What the names of temporary files start with; the process's own token
/// follows (see [`temporary_prefix`]).
pub const TEMPORARY: &str = ".noteverbale-";

/// What the names of temporary files end with.
pub const TEMPORARY_SUFFIX: &str = ".part";

/// This process's own token, in the names of its temporary files: its id
/// and a random number, so that no other process (another batch into a
/// folder inside this one, say) has the same.
pub fn run_token() -> &'static str {
    static TOKEN: OnceLock<String> = OnceLock::new();
    TOKEN.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        // The standard library's hasher keys are random for each process.
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        format!("{}-{:08x}", std::process::id(), random as u32)
    })
}

/// What the temporary files of the process with `token` are named from:
/// `.noteverbale-TOKEN-`.
pub fn temporary_prefix(token: &str) -> String {
    format!("{TEMPORARY}{token}-")
}

/// Refuses a path that is a symbolic link: nothing is written through one,
/// and no link is replaced by a file unasked.
pub fn refuse_link(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(link(path)),
        _ => Ok(()),
    }
}

/// The error of a symbolic link where a file or folder is to be written.
pub fn link(path: &Path) -> Error {
    Error::Environment(Failure {
        context: format!(
            "`{}` is a symbolic link: nothing is written through a link",
            path.display()
        ),
        source: None,
        hints: vec!["remove the link, or write into another folder".into()],
    })
}

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let file = stage(path, bytes, true)?;
    persist(file, path)
}

/// Writes to `path` atomically what `write` writes, as it goes: the file
/// appears whole once `write` returns `true`, and not at all if it returns
/// `false` (`Ok(false)`) or fails.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<bool>,
) -> Result<bool> {
    let mut file = stage(path, &[], false)?;
    {
        let mut buffered = std::io::BufWriter::new(file.as_file_mut());
        if !write(&mut buffered)? {
            return Ok(false);
        }
        buffered.flush().map_err(|e| Error::write(path, e))?;
    }
    file.as_file()
        .sync_all()
        .map_err(|e| Error::write(path, e))?;
    persist(file, path)?;
    Ok(true)
}

/// Renames a temporary file into place: a link there is refused (a rename
/// would replace the link itself, never write through it, should one appear
/// after the check).
fn persist(file: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    refuse_link(path)?;
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
///
/// A new file is written without a name first, where the system can
/// ([`unnamed`]).
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    #[cfg(target_os = "linux")]
    if unnamed::write(path, bytes)? {
        return Ok(());
    }
    let file = stage(path, bytes, false)?;
    persist(file, path)
}

/// A new file written without a name in its folder (`O_TMPFILE`), then
/// named at once, whole (`linkat`): the file system makes the file outside
/// the folder's lock, on which the workers of a batch otherwise wait for
/// each other (ext4 searches its free inodes while holding it, passing over
/// those freed in the last minutes), and a process killed half-way leaves
/// nothing behind.
#[cfg(target_os = "linux")]
mod unnamed {
    use std::fs::OpenOptions;
    use std::io::Write;
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::Path;

    use nix::fcntl::{AT_FDCWD, AtFlags};

    use crate::error::{Error, Result};

    /// Writes `bytes` to `path` if no file is there: `Ok(false)`, and
    /// nothing written, where it cannot be done so (a file there already, to
    /// be replaced by a rename; a file system without unnamed files; no
    /// `/proc`), for the caller to write it the usual way.
    pub fn write(path: &Path, bytes: &[u8]) -> Result<bool> {
        let folder = super::folder_of(path);
        if std::fs::symlink_metadata(path).is_ok() {
            return Ok(false);
        }
        // Outputs are ordinary files, readable as the user's umask allows.
        let Ok(mut file) = OpenOptions::new()
            .write(true)
            .mode(0o666)
            .custom_flags(libc::O_TMPFILE)
            .open(folder)
        else {
            return Ok(false);
        };
        file.write_all(bytes).map_err(|e| Error::write(path, e))?;
        let unnamed = format!("/proc/self/fd/{}", file.as_raw_fd());
        // A file (or a link) that appeared at `path` meanwhile is left to the
        // rename, which refuses a link.
        let named = nix::unistd::linkat(
            AT_FDCWD,
            unnamed.as_str(),
            AT_FDCWD,
            path,
            AtFlags::AT_SYMLINK_FOLLOW,
        );
        Ok(named.is_ok())
    }
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
    for (_, path) in &staged {
        refuse_link(path)?;
    }
    for (file, path) in staged {
        persist(file, path)?;
    }
    Ok(())
}

/// The folder `path` is in: `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a temporary file beside `path`, flushed to disk when
/// `sync` is set.
fn stage(path: &Path, bytes: &[u8], sync: bool) -> Result<tempfile::NamedTempFile> {
    let folder = folder_of(path);
    std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
    let mut builder = tempfile::Builder::new();
    // Named with this process's token: a later run clears only the files of
    // the run that held its folder before it, never another's.
    let prefix = temporary_prefix(run_token());
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
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

    /// A batch's notes: a new one is written without a name and named
    /// whole, an old one replaced by a rename, and neither through a link.
    #[test]
    fn writes_new_files_unnamed_first_and_refuses_links() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("FRA.fr.pdf");
        write_atomic_unsynced(&path, b"one").unwrap();
        #[cfg(target_os = "linux")]
        {
            // Written unnamed: no temporary name was ever made.
            let other = dir.path().join("CAN.fr.pdf");
            assert!(unnamed::write(&other, b"new").unwrap());
            assert_eq!(std::fs::read(&other).unwrap(), b"new");
            // A file already there is left to the rename.
            assert!(!unnamed::write(&other, b"newer").unwrap());
            assert_eq!(std::fs::read(&other).unwrap(), b"new");
        }
        write_atomic_unsynced(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_ne!(mode & 0o044, 0, "others may read the output");
            let target = dir.path().join("elsewhere");
            let link = dir.path().join("GBR.fr.pdf");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            assert!(write_atomic_unsynced(&link, b"three").is_err());
            assert!(!target.exists(), "nothing was written through the link");
        }
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        #[cfg(target_os = "linux")]
        assert_eq!(names, ["CAN.fr.pdf", "FRA.fr.pdf", "GBR.fr.pdf"]);
    }
}
