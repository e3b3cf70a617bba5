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
    /// The file over those it extends, to locate a value in whichever
    /// holds it.
    pub file: YamlFile,
}

impl Loaded {
    /// The files it extends, nearest first.
    pub fn extended(&self) -> impl Iterator<Item = &Path> {
        self.file.layers().skip(1).map(|layer| layer.path.as_path())
    }
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
    let (mut loaded, top, found) = load_unchecked(path, kinds)?;
    let compared = compare(&loaded, &top);
    finish(&mut loaded, found, compared)?;
    Ok(loaded)
}

/// [`load`], with `work` done on what was read while the languages of its
/// texts are compared: a note is typeset meanwhile. The meeting `work` sees
/// is read and checked but its languages not yet compared: it lacks their
/// warnings and the facts they state ([`Loaded::given`]). Should they
/// differ, the file's mistakes are the error, whatever `work` gave.
///
/// `work` runs on a thread of its own, with the stack that typesetting
/// needs, and the comparison on the calling thread: the patterns it reads
/// with keep a cache for each thread that uses them, and a new thread for
/// every comparison made each its own (a preview so compared grew by 15 MB
/// over 500 saves). One note, whole process, took 5 % less time so than
/// with the comparison on the new thread.
pub fn load_beside<T: Send>(
    path: &Path,
    kinds: &Kinds,
    work: impl FnOnce(&Loaded) -> T + Send,
) -> Result<(Loaded, T)> {
    let (mut loaded, top, found) = load_unchecked(path, kinds)?;
    let (compared, done) = std::thread::scope(|scope| {
        let loaded = &loaded;
        let worker = std::thread::Builder::new()
            .name("typeset".into())
            .stack_size(crate::typeset::STACK_SIZE)
            .spawn_scoped(scope, move || work(loaded))
            .map_err(|e| Error::environment("could not start a thread to typeset a note", e))?;
        let compared = compare(loaded, &top);
        let done = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok::<_, Error>((compared, done))
    })?;
    finish(&mut loaded, found, compared)?;
    Ok((loaded, done))
}

/// [`read_unchecked`] of a file on disk, with the logo it names.
fn load_unchecked(path: &Path, kinds: &Kinds) -> Result<(Loaded, Yaml, Vec<Diagnostic>)> {
    let file = YamlFile::read(path)?;
    let (mut loaded, top, found) = read_unchecked(&file, kinds)?;
    if let Some(logo) = loaded.frame.logo_path(path) {
        loaded.logo = Some(read_logo(&loaded.file, &logo)?);
    }
    Ok((loaded, top, found))
}

/// Reads and checks a meeting file already in memory, with the files it
/// extends (read from disk); the logo it names is not read.
pub fn read(file: &YamlFile, kinds: &Kinds) -> Result<Loaded> {
    let (mut loaded, top, found) = read_unchecked(file, kinds)?;
    let compared = compare(&loaded, &top);
    finish(&mut loaded, found, compared)?;
    Ok(loaded)
}

/// A meeting file read and checked, its languages not yet compared; with
/// its top mapping and the warnings found, not yet reviewed.
fn read_unchecked(file: &YamlFile, kinds: &Kinds) -> Result<(Loaded, Yaml, Vec<Diagnostic>)> {
    let top = file.parse_value()?;
    let (layered, top) = extend(file, top, kinds, &mut Vec::new())?;
    let file = &layered;
    let (frame, kind, fields, found) = match read_parts(file, &top, kinds) {
        Ok(read) => read,
        // The warnings that come with the errors are acknowledged as well.
        Err(Error::Invalid(found)) => {
            return Err(Error::Invalid(acknowledge(found, file)));
        }
        Err(error) => return Err(error),
    };
    let loaded = Loaded {
        path: file.path.clone(),
        frame,
        kind,
        fields,
        logo: None,
        warnings: Vec::new(),
        given: agree::Given::default(),
        source: file.source.clone(),
        file: layered,
    };
    Ok((loaded, top, found))
}

/// Compares the texts that the meeting file read (`top`, its files layered)
/// gives in both languages, each in the file that gives it.
fn compare(loaded: &Loaded, top: &Yaml) -> agree::Compared {
    agree::check_pairs(&loaded.file, top, agree::States::builtin())
}

/// Takes in the comparison of the texts given in both languages: the facts
/// they state, and with the warnings `found` as the file was read, what its
/// comments acknowledge.
fn finish(loaded: &mut Loaded, found: Vec<Diagnostic>, compared: agree::Compared) -> Result<()> {
    let file = &loaded.file;
    // The comments of the files extended are theirs: they are reviewed
    // when those files are checked.
    let mut warnings = allow::review(
        &found,
        &compared.acknowledged,
        &compared.given.lines,
        &file.source,
    );
    warnings.splice(0..0, acknowledge(found, file));
    if !compared.errors.is_empty() {
        return Err(Error::Invalid(
            compared.errors.into_iter().chain(warnings).collect(),
        ));
    }
    loaded.warnings = warnings;
    loaded.given = compared.given;
    Ok(())
}

/// The warnings that none of the files read acknowledges.
fn acknowledge(found: Vec<Diagnostic>, file: &YamlFile) -> Vec<Diagnostic> {
    file.layers().fold(found, |found, layer| {
        allow::acknowledge(found, &layer.source)
    })
}

/// The files that `path` extends, nearest first, as far as they can be
/// read: what a preview follows besides the file itself, even when one of
/// them has a mistake.
pub fn extended_files(path: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut at = path.to_owned();
    while files.len() < MAX_EXTENDS {
        let Ok(file) = YamlFile::read(&at) else { break };
        let Ok(top) = file.parse_value() else { break };
        let Some(name) = top.get("extends").and_then(Yaml::as_str) else {
            break;
        };
        let next = at.parent().unwrap_or(Path::new("")).join(name);
        if next == path || files.contains(&next) {
            break;
        }
        files.push(next.clone());
        at = next;
    }
    files
}

/// How many files may extend one another, one after the other.
pub const MAX_EXTENDS: usize = 8;

/// The frame's fields that are a note's own and that a file extending
/// another never takes from it: a reminder has its own reference and date,
/// and says what it does in its own words.
pub const NOTE_OWN: &[&str] = &[
    "extends",
    "reference",
    "date",
    "subject",
    "markings",
    "refers_to",
    "paragraphs",
    "enclosures",
    "annex",
];

/// A meeting file over the files it extends (`extends: ccm-7msp.yaml`):
/// the file layered over them, the values of all merged, and the file's
/// own values. Its keys replace the extended file's, at the top and inside
/// mappings; a list or a text is replaced whole. Of the extended file are
/// taken the frame but the note's own fields ([`NOTE_OWN`]), and, when its
/// kind is another, only the fields that this file's kind declares. When
/// the note follows another (`follows: true` in its kind's schema) and
/// gives no `refers_to`, it refers to the extended file's note.
fn extend(
    file: &YamlFile,
    top: Yaml,
    kinds: &Kinds,
    seen: &mut Vec<PathBuf>,
) -> Result<(YamlFile, Yaml)> {
    let Some(extends) = top.get("extends") else {
        return Ok((file.clone(), top));
    };
    let Some(name) = extends.as_str().filter(|name| !name.trim().is_empty()) else {
        return Err(Error::invalid(
            file.error(
                "extends",
                "`extends` names the meeting file this one extends",
            )
            .hint("give its path, relative to this file: `extends: ccm-7msp.yaml`"),
        ));
    };
    let folder = file.path.parent().unwrap_or(Path::new(""));
    let path = folder.join(name);
    seen.push(std::fs::canonicalize(&file.path).unwrap_or_else(|_| file.path.clone()));
    let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if seen.contains(&real) {
        return Err(Error::invalid(
            file.error(
                "extends",
                format!(
                    "`{name}` extends this file in turn: the files extend one another in a circle"
                ),
            )
            .hint("a file extends the one that describes the meeting, which extends none"),
        ));
    }
    if seen.len() >= MAX_EXTENDS {
        return Err(Error::invalid(
            file.error(
                "extends",
                format!("more than {MAX_EXTENDS} files extend one another"),
            )
            .hint("extend the file that describes the meeting itself"),
        ));
    }
    let base = YamlFile::read(&path).map_err(|error| {
        Error::Invalid(
            error
                .into_diagnostics()
                .into_iter()
                .map(|d| match d.location {
                    // A file that cannot be read is said where it is named.
                    None => {
                        let mut named = file.error(
                            "extends",
                            format!("`extends` names a file that cannot be read: {}", d.message),
                        );
                        named.hints = d.hints;
                        named
                    }
                    Some(_) => d,
                })
                .collect(),
        )
    })?;
    let base_top = base.parse_value()?;
    let (base, base_top) = extend(&base, base_top, kinds, seen)?;
    let Yaml::Mapping(base_map) = base_top else {
        return Err(Error::invalid(
            Diagnostic::error("a meeting file is a mapping of fields, as `kind: invitation`")
                .in_file(&base.path),
        ));
    };
    let Yaml::Mapping(own) = &top else {
        return Ok((file.clone(), top));
    };
    // A file that names no kind is an invitation, as the frame reads it.
    let kind_of = |map: &Mapping| map.get("kind").and_then(Yaml::as_str).map(str::to_owned);
    let base_kind = Some(kind_of(&base_map).unwrap_or_else(|| "invitation".to_owned()));
    let kind = kind_of(own).or_else(|| base_kind.clone());
    let new_kind = kind.as_deref().and_then(|kind| kinds.get(kind).ok());
    // Of a file of another kind, only what this kind declares is taken.
    let other_kind = (kind != base_kind).then(|| {
        new_kind
            .as_ref()
            .map(|kind| kind.fields.as_slice())
            .unwrap_or_default()
    });
    let mut taken = Mapping::new();
    for (key, value) in &base_map {
        let Some(name) = key.as_str() else { continue };
        if NOTE_OWN.contains(&name) {
            continue;
        }
        let mut value = value.clone();
        if let Some(fields) = other_kind
            && !FRAME_FIELDS.contains(&name)
        {
            match fields.iter().find(|field| field.name == name) {
                Some(field) => value = declared(field, value),
                None => continue,
            }
        }
        // An emblem named by the extended file is beside it.
        if name == "logo"
            && let Some(logo) = value.as_str()
        {
            let folder = base.path.parent().unwrap_or(Path::new(""));
            let beside =
                std::path::absolute(folder.join(logo)).unwrap_or_else(|_| folder.join(logo));
            value = Yaml::String(beside.to_string_lossy().into_owned());
        }
        taken.insert(key.clone(), value);
    }
    let follows = new_kind.as_ref().is_some_and(|kind| kind.follows);
    let mut merged = merge(Yaml::Mapping(taken), top.clone(), WHOLE);
    if follows
        && !own.contains_key("refers_to")
        && let Yaml::Mapping(merged) = &mut merged
    {
        // Only a note with a reference and a day can be referred to; for
        // another, the kind's check asks for `refers_to`.
        if let (Some(reference), Some(date)) = (
            base_map.get("reference").filter(|r| !r.is_null()),
            base_map.get("date").filter(|d| d.is_string()),
        ) {
            let mut earlier = Mapping::new();
            earlier.insert("reference".into(), reference.clone());
            earlier.insert("date".into(), date.clone());
            merged.insert("refers_to".into(), Yaml::Mapping(earlier));
        }
    }
    Ok((file.clone().extending(base), merged))
}

/// A value of a file of another kind, with only what `field` declares: a
/// record's fields that this kind's record does not have are left out.
fn declared(field: &crate::kind::Field, value: Yaml) -> Yaml {
    let Some(fields) = field.ty.fields() else {
        return value;
    };
    let keep = |map: Mapping| -> Yaml {
        Yaml::Mapping(
            map.into_iter()
                .filter_map(|(key, value)| {
                    let inner = fields
                        .iter()
                        .find(|f| Some(f.name.as_str()) == key.as_str())?;
                    Some((key, declared(inner, value)))
                })
                .collect(),
        )
    };
    match value {
        Yaml::Mapping(map) => keep(map),
        Yaml::Sequence(items) => Yaml::Sequence(
            items
                .into_iter()
                .map(|item| match item {
                    Yaml::Mapping(map) => keep(map),
                    other => other,
                })
                .collect(),
        ),
        other => other,
    }
}

/// The frame's values that are one thing each, which a file extending
/// another replaces whole: a sender of another role keeps nothing of the
/// first.
const WHOLE: &[&str] = &["sender", "addressees", "letterhead", "closing", "refers_to"];

/// A file's values over those of the file it extends: keys replace keys,
/// at the top and inside mappings; anything else is replaced whole, and so
/// are the values of the keys `whole` names at this level (the frame's
/// [`WHOLE`] at the top).
fn merge(base: Yaml, over: Yaml, whole: &[&str]) -> Yaml {
    match (base, over) {
        (Yaml::Mapping(mut base), Yaml::Mapping(over)) => {
            for (key, value) in over {
                let replaced = key.as_str().is_some_and(|key| whole.contains(&key));
                let value = match base.remove(&key) {
                    Some(under) if !replaced => merge(under, value, &[]),
                    _ => value,
                };
                base.insert(key, value);
            }
            Yaml::Mapping(base)
        }
        (_, over) => over,
    }
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

/// The frame's mistakes, those in the note referred to by default, the
/// extended file's own, which no file writes as `refers_to`, said where
/// this file names that file.
fn at_extends(file: &YamlFile, mut found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let Some(location) = file
        .place_of("extends")
        .filter(|_| file.locate("refers_to").is_none())
    else {
        return found;
    };
    let unplaced = |p: &&mut Diagnostic| {
        p.location.is_none()
            && p.field
                .as_deref()
                .is_some_and(|f| f.starts_with("refers_to"))
    };
    for problem in found.iter_mut().filter(unplaced) {
        problem.location = Some(location.clone());
        problem.file = Some(file.path.clone());
        problem.hints.push(
            "the note referred to is the one this file extends, by its reference and date".into(),
        );
    }
    found
}

/// What a kind's schema asks of the frame: the earlier note that a note
/// following one refers to, and who may send it.
fn follows_and_senders(file: &YamlFile, frame: &Frame, kind: &Kind) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if kind.follows && frame.refers_to.is_none() {
        let problem = match &frame.extends {
            Some(extends) => file
                .error(
                    "extends",
                    format!(
                        "a note of kind `{}` refers to the note it follows, and `{}` has no reference or no day to refer to",
                        kind.name,
                        extends.display()
                    ),
                )
                .hint("give the note referred to: `refers_to: { reference: ODA/25-2017/CCM, date: 2017-04-12 }`"),
            None => file
                .error(
                    "kind",
                    format!("a note of kind `{}` refers to the note it follows, and there is none", kind.name),
                )
                .hint("give it, `refers_to: { reference: ODA/25-2017/CCM, date: 2017-04-12 }`, or extend that note's meeting file: `extends: ccm-7msp.yaml`"),
        };
        problems.push(problem);
    }
    if !kind.senders.is_empty() && !kind.senders.contains(&frame.sender.role) {
        let roles: Vec<&str> = kind.senders.iter().map(|role| role.name()).collect();
        problems.push(
            file.error(
                "sender.role",
                format!(
                    "a note of kind `{}` is sent by {}, not by `{}`",
                    kind.name,
                    crate::yaml::code_list(&roles),
                    frame.sender.role.name()
                ),
            )
            .hint(format!("write `sender: {{ role: {} … }}`", roles[0])),
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
                // The mistakes of the kind's schema are in its own file.
                if diagnostic.file.is_some() {
                    problems.push(diagnostic);
                    continue;
                }
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
        problems.extend(at_extends(file, frame.check(file)));
        // The first paragraph continues the opening only after the
        // compliments and `honour`.
        let continues = frame.opening == crate::meeting::Opening::Compliments;
        if let Some(kind) = kind.as_ref().filter(|kind| kind.lead && continues) {
            problems.extend(lead(file, frame, &kind.name));
        }
        if let Some(kind) = &kind {
            problems.extend(follows_and_senders(file, frame, kind));
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
