//! A meeting file read and checked, with the logo it names and what is
//! probably a mistake in it: the first value of the pipeline.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Diagnostic, Error, Result, SourceText};
use crate::kind::{Kind, Kinds, Values};
use crate::meeting::{self, Frame};
use crate::yaml::YamlFile;
use crate::{agree, allow, input};

/// A meeting file read and checked, with the files it names.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Where it was read from.
    pub path: PathBuf,
    /// The frame every note shares.
    pub frame: Frame,
    /// The note's kind.
    pub kind: Arc<Kind>,
    /// The kind's fields.
    pub fields: Values,
    /// The emblem it names, read.
    pub logo: Option<Logo>,
    /// What is probably a mistake but does not stop a note, as a deadline on
    /// a weekend; without those the file acknowledges.
    pub warnings: Vec<Diagnostic>,
    /// The facts that the file's texts state in each language, compared as
    /// it was read.
    pub given: agree::Given,
    /// The file's text, to point at a place in it.
    pub source: SourceText,
}

/// An emblem printed above the letterhead.
#[derive(Debug, Clone)]
pub struct Logo {
    /// `svg`, `png`, `jpg` or `jpeg`.
    pub extension: String,
    /// The image.
    pub bytes: Arc<[u8]>,
}

impl Logo {
    /// The path a note's Typst source reads it at: `/logo.svg`.
    pub fn typst_path(&self) -> String {
        format!("/logo.{}", self.extension)
    }
}

/// Reads and checks a meeting file, with the kinds it may be of, and the
/// logo it names.
pub fn load(path: &Path, kinds: &Kinds) -> Result<Loaded> {
    let file = YamlFile::read(path)?;
    let top = file.parse_value()?;
    let read = match meeting::read(&file, &top, kinds) {
        Ok(read) => read,
        // The warnings that come with the errors are acknowledged as well.
        Err(Error::Invalid(found)) => {
            return Err(Error::Invalid(allow::acknowledge(found, &file.source)));
        }
        Err(error) => return Err(error),
    };
    // The texts given in both languages state the same facts.
    let compared = agree::check_pairs(&file, &top, agree::States::builtin());
    let found = read.warnings;
    let mut warnings = allow::review(&found, &compared.acknowledged, &file.source);
    warnings.splice(0..0, allow::acknowledge(found, &file.source));
    if !compared.errors.is_empty() {
        return Err(Error::Invalid(
            compared.errors.into_iter().chain(warnings).collect(),
        ));
    }
    let logo = match read.frame.logo_path(path) {
        Some(logo) => Some(read_logo(&file, &logo)?),
        None => None,
    };
    Ok(Loaded {
        path: path.to_owned(),
        frame: read.frame,
        kind: read.kind,
        fields: read.fields,
        logo,
        warnings,
        given: compared.given,
        source: file.source,
    })
}

/// Reads the logo named by a meeting file; only images Typst can place are taken.
fn read_logo(meeting: &YamlFile, logo: &Path) -> Result<Logo> {
    let extension = logo
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let located = |message: String| {
        let diagnostic = meeting.error("logo", message);
        Error::invalid(
            diagnostic.hint("give an SVG, PNG or JPEG file, relative to the meeting file"),
        )
    };
    if !matches!(extension.as_str(), "svg" | "png" | "jpg" | "jpeg") {
        return Err(located(format!(
            "`{}` is not an SVG, PNG or JPEG image",
            logo.display()
        )));
    }
    let bytes = input::read(logo, input::LOGO).map_err(|refusal| {
        located(format!(
            "cannot read `{}`: {}",
            logo.display(),
            refusal.message()
        ))
    })?;
    Ok(Logo {
        extension,
        bytes: bytes.into(),
    })
}
