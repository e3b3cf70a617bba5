//! `render --format typ` writes a Typst project that compiles on its own: in
//! a World that reads nothing but the folder written, with Typst's embedded
//! fonts, as the typst command line compiles it, the pages come out as the
//! ones `render` draws.

use crate::common;

use std::path::{Path, PathBuf};

use common::{files, repo, succeed};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

/// A folder, as Typst reads a project: files under its root, nothing else.
struct Folder {
    root: PathBuf,
    main: FileId,
    library: LazyHash<Library>,
    fonts: FontStore,
}

impl Folder {
    fn new(root: &Path, main: &str) -> Self {
        let mut fonts = FontStore::new();
        fonts.extend(typst_kit::fonts::embedded());
        Self {
            root: root.to_owned(),
            main: id(main),
            library: LazyHash::new(Library::builder().build()),
            fonts,
        }
    }

    fn read(&self, id: FileId) -> FileResult<Vec<u8>> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some("no packages here".into())));
        }
        let path = self.root.join(id.vpath().get_without_slash());
        std::fs::read(&path).map_err(|e| FileError::from_io(e, &path))
    }
}

fn id(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).unwrap()).intern()
}

impl World for Folder {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let text = String::from_utf8(self.read(id)?).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Ok(Bytes::new(self.read(id)?))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn render(dir: &Path, meeting: &Path, format: &str) -> String {
    let meeting = meeting.to_str().unwrap();
    common::stderr(&succeed(
        dir,
        &["render", meeting, "--format", format, "--out", format],
    ))
}

#[test]
fn the_typst_project_compiles_alone_to_the_same_pages() {
    let dir = tempfile::tempdir().unwrap();
    // With an emblem, so that the project carries a file of the meeting's own.
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    let meeting = dir.path().join("meeting.yaml");
    std::fs::write(
        &meeting,
        text.replace("# logo: un-emblem.svg", "logo: emblem.svg"),
    )
    .unwrap();
    std::fs::copy(
        repo("tests/fixtures/emblem.svg"),
        dir.path().join("emblem.svg"),
    )
    .unwrap();

    let said = render(dir.path(), &meeting, "typ");
    render(dir.path(), &meeting, "svg");
    let project = dir.path().join("typ");
    assert_eq!(
        files(&project),
        ["logo.svg", "meeting.en.typ", "meeting.fr.typ", "note.typ"]
    );
    for lang in ["fr", "en"] {
        let main = format!("meeting.{lang}.typ");
        assert!(
            said.contains(&format!("typst compile typ/{main}")),
            "{said}"
        );
        let world = Folder::new(&project, &format!("/{main}"));
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .unwrap_or_else(|errors| panic!("{main}: {errors:?}"));
        for (i, page) in document.pages().iter().enumerate() {
            let drawn = std::fs::read_to_string(
                dir.path().join(format!("svg/meeting.{lang}-{}.svg", i + 1)),
            )
            .unwrap();
            assert!(
                typst_svg::svg(page, &Default::default()) == drawn,
                "{main}, page {}: not the page render draws",
                i + 1
            );
        }
        let next = format!("svg/meeting.{lang}-{}.svg", document.pages().len() + 1);
        assert!(
            !dir.path().join(next).exists(),
            "{main}: as many pages as render draws"
        );
    }
}
