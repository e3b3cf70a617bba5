//! A meeting file read and checked, with the logo it names and what is
//! probably a mistake in it: the first value of the pipeline.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_yaml::{Mapping, Value as Yaml};

use crate::error::{Diagnostic, Error, Result, Severity, SourceText};
use crate::kind::{Kind, Kinds, Values};
use crate::locale::Lang;
use crate::meeting::{FRAME_FIELDS, Frame};
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
    let mut loaded = read(&file, kinds)?;
    if let Some(logo) = loaded.frame.logo_path(path) {
        loaded.logo = Some(read_logo(&file, &logo)?);
    }
    Ok(loaded)
}

/// Reads and checks a meeting file already in memory; the logo it names is
/// not read.
pub fn read(file: &YamlFile, kinds: &Kinds) -> Result<Loaded> {
    let top = file.parse_value()?;
    let (frame, kind, fields, found) = match read_parts(file, &top, kinds) {
        Ok(read) => read,
        // The warnings that come with the errors are acknowledged as well.
        Err(Error::Invalid(found)) => {
            return Err(Error::Invalid(allow::acknowledge(found, &file.source)));
        }
        Err(error) => return Err(error),
    };
    // The texts given in both languages state the same facts.
    let compared = agree::check_pairs(file, &top, agree::States::builtin());
    let mut warnings = allow::review(&found, &compared.acknowledged, &file.source);
    warnings.splice(0..0, allow::acknowledge(found, &file.source));
    if !compared.errors.is_empty() {
        return Err(Error::Invalid(
            compared.errors.into_iter().chain(warnings).collect(),
        ));
    }
    Ok(Loaded {
        path: file.path.clone(),
        frame,
        kind,
        fields,
        logo: None,
        warnings,
        given: compared.given,
        source: file.source.clone(),
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
    if let Some(size) = crate::pixels::largest(&extension, &bytes)
        && size.pixels() > input::LOGO_PIXELS as f64
    {
        let diagnostic = meeting.error(
            "logo",
            format!(
                "`{}` is {:.0} × {:.0} pixels, more than the {} megapixels allowed",
                logo.display(),
                size.width,
                size.height,
                input::LOGO_PIXELS / 1_000_000
            ),
        );
        return Err(Error::invalid(diagnostic.hint(
            "a printed emblem needs a few hundred pixels a side: save a smaller copy of the image",
        )));
    }
    Ok(Logo {
        extension,
        bytes: bytes.into(),
    })
}

/// What a kind whose body is the frame's paragraphs asks of them: that
/// there be some, and that the first, which continues the opening, be
/// running text.
fn lead(file: &YamlFile, frame: &Frame, kind: &str) -> Vec<Diagnostic> {
    let Some(first) = frame.paragraphs.first() else {
        let at = if file.locate("paragraphs").is_some() {
            "paragraphs"
        } else {
            "kind"
        };
        return vec![
            file.error(at, format!("a note of kind `{kind}` says what it does in `paragraphs`, and there are none"))
                .hint("the first continues the opening after « et a l'honneur de » / \"and has the honour to\": `- { fr: se référer à …, en: refer to … }`"),
        ];
    };
    let mut problems = Vec::new();
    let hint = "the first paragraph continues the opening's sentence: give the numbered paragraphs or the quotation after it";
    if first.numbered {
        problems.push(
            file.error(
                "paragraphs[0].numbered",
                "the first paragraph continues the opening: it is never numbered",
            )
            .hint(hint),
        );
    }
    if first.quotation {
        problems.push(
            file.error(
                "paragraphs[0].quotation",
                "the first paragraph continues the opening: it is not a quotation",
            )
            .hint(hint),
        );
    }
    problems
}

/// The frame of a meeting file, its kind, the kind's fields, and its
/// warnings, every mistake of the frame and the fields found at once.
fn read_parts(
    file: &YamlFile,
    value: &Yaml,
    kinds: &Kinds,
) -> Result<(Frame, Arc<Kind>, Values, Vec<Diagnostic>)> {
    let top = match value {
        Yaml::Mapping(top) => top,
        _ => {
            return Err(Error::invalid(
                Diagnostic::error("a meeting file is a mapping of fields, as `kind: invitation`")
                    .in_file(&file.path),
            ));
        }
    };
    // The languages the file is written in, read first: its texts need
    // only those. A wrong value is said when the frame is read.
    let languages: Vec<Lang> = top
        .get("languages")
        .and_then(|value| serde_yaml::from_value::<Vec<Lang>>(value.clone()).ok())
        .filter(|languages| !languages.is_empty())
        .unwrap_or_else(|| Lang::ALL.to_vec());
    crate::values::reading_in(&languages, || read_frame_and_fields(file, top, kinds))
}

/// The frame and the kind's fields of a meeting file's `top`, with their
/// texts in the languages being read.
fn read_frame_and_fields(
    file: &YamlFile,
    top: &Mapping,
    kinds: &Kinds,
) -> Result<(Frame, Arc<Kind>, Values, Vec<Diagnostic>)> {
    let mut problems = Vec::new();
    let frame_part: Mapping = top
        .iter()
        .filter(|(key, _)| key.as_str().is_some_and(|k| FRAME_FIELDS.contains(&k)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let frame: Option<Frame> = match file.read_value("", Yaml::Mapping(frame_part)) {
        Ok(frame) => Some(frame),
        Err(error) => {
            problems.extend(error.into_diagnostics());
            None
        }
    };
    let kind_name = frame.as_ref().map_or_else(
        || match top.get("kind") {
            Some(Yaml::String(name)) => name.clone(),
            _ => "invitation".to_owned(),
        },
        |frame| frame.kind.clone(),
    );
    let kind = match kinds.get(&kind_name) {
        Ok(kind) => Some(kind),
        Err(error) => {
            for diagnostic in error.into_diagnostics() {
                let mut located = file.error("kind", diagnostic.message);
                located.hints = diagnostic.hints;
                problems.push(located);
            }
            None
        }
    };
    let mut fields = Values::default();
    if let Some(kind) = &kind {
        let mut expected: Vec<&str> = FRAME_FIELDS.to_vec();
        expected.extend(
            kind.fields
                .iter()
                .filter(|f| f.is_written())
                .map(|f| f.name.as_str()),
        );
        for key in top.keys() {
            let key = key.as_str().unwrap_or_default();
            if !expected.contains(&key) {
                problems.push(file.unknown_field(key, key, &expected));
            }
        }
        let note_date = frame.as_ref().and_then(Frame::day);
        let (read, found) = crate::kind::read(&kind.fields, top, file, note_date);
        fields = read;
        problems.extend(found);
    }
    if let Some(frame) = &frame {
        problems.extend(frame.check(file));
        // The first paragraph continues the opening only after the
        // compliments and `honour`.
        let continues = frame.opening == crate::meeting::Opening::Compliments;
        if let Some(kind) = kind.as_ref().filter(|kind| kind.lead && continues) {
            problems.extend(lead(file, frame, &kind.name));
        }
        if let Some(kind) = kind
            .as_ref()
            .filter(|kind| !kind.openings.contains(&frame.opening))
        {
            problems.push(
                file.error(
                    "opening",
                    format!("the templates of the kind `{}` are not written for this opening", kind.name),
                )
                .hint("write the notification with `kind: note`, whose paragraphs follow the opening; a kind's own templates print `{{ opening }}` as a paragraph of its own when `honour` is empty, and its schema says `openings: [compliments, depositary]`"),
            );
        }
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        problems.sort_by_key(|p| p.severity != Severity::Error);
        return Err(Error::Invalid(problems));
    }
    match (frame, kind) {
        (Some(frame), Some(kind)) => Ok((frame, kind, fields, problems)),
        _ => Err(Error::Invalid(problems)),
    }
}
