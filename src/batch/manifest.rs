//! The record of a batch's output folder: every note with its file, pages,
//! digests and status, as `manifest.json` and `manifest.csv`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Error, Result};
use crate::locale::Lang;
use crate::output;

/// The manifests' file names, in the output folder.
pub const MANIFEST_JSON: &str = "manifest.json";
/// See [`MANIFEST_JSON`].
pub const MANIFEST_CSV: &str = "manifest.csv";

/// What became of one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The mission's code, or `#N` for a record without one.
    pub mission: String,
    /// The note's language, when the record could be read.
    pub language: Option<Lang>,
    /// The file, relative to the output folder.
    pub file: Option<String>,
    /// How many pages.
    pub pages: Option<usize>,
    /// SHA-256 of the PDF.
    pub sha256: Option<String>,
    /// SHA-256 of everything the note is made from: its Typst source, the
    /// files it reads, the templates, the locales, the PDF settings and the
    /// version.
    pub input: Option<String>,
    /// `ok` or `failed`.
    pub status: Status,
    /// Why it failed.
    pub error: Option<String>,
}

/// Whether a note was produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The note is in its file.
    Ok,
    /// It could not be produced.
    Failed,
}

impl Entry {
    /// The entry of a note that could not be produced.
    pub fn failed(
        mission: &str,
        language: Option<Lang>,
        file: Option<&str>,
        diagnostics: &[Diagnostic],
    ) -> Self {
        Self {
            mission: mission.to_owned(),
            language,
            file: file.map(str::to_owned),
            pages: None,
            sha256: None,
            input: None,
            status: Status::Failed,
            error: Some(
                diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }
}

/// Every note of a batch, in mission and language order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The meeting file's name.
    pub meeting: String,
    /// The notes.
    pub notes: Vec<Entry>,
}

impl Manifest {
    /// The manifest of `notes`, put in order.
    pub fn new(meeting: String, mut notes: Vec<Entry>) -> Self {
        notes.sort_by(|a, b| (&a.mission, a.language).cmp(&(&b.mission, b.language)));
        Self { meeting, notes }
    }

    /// The entries an earlier run left in `out`, by file; none if it left no
    /// readable manifest.
    pub fn previous(out: &Path) -> BTreeMap<String, Entry> {
        let Ok(text) = std::fs::read_to_string(out.join(MANIFEST_JSON)) else {
            return BTreeMap::new();
        };
        let Ok(manifest) = serde_json::from_str::<Manifest>(&text) else {
            return BTreeMap::new();
        };
        manifest
            .notes
            .into_iter()
            .filter_map(|e| Some((e.file.clone()?, e)))
            .collect()
    }

    /// Writes `manifest.json` and `manifest.csv` into `out`, both or neither.
    pub fn write(&self, out: &Path) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(self)
            .map_err(|e| Error::write(out.join(MANIFEST_JSON), e.into()))?;
        json.push(b'\n');
        let csv = self
            .csv()
            .map_err(|e| Error::write(out.join(MANIFEST_CSV), e))?;
        output::write_all_atomic(&[
            (out.join(MANIFEST_JSON), json),
            (out.join(MANIFEST_CSV), csv),
        ])
    }

    /// The CSV form: one row a note.
    fn csv(&self) -> std::io::Result<Vec<u8>> {
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record([
            "mission", "language", "file", "pages", "sha256", "input", "status", "error",
        ])?;
        for e in &self.notes {
            csv.write_record([
                e.mission.clone(),
                e.language.map(|l| l.code().to_owned()).unwrap_or_default(),
                e.file.clone().unwrap_or_default(),
                e.pages.map(|p| p.to_string()).unwrap_or_default(),
                e.sha256.clone().unwrap_or_default(),
                e.input.clone().unwrap_or_default(),
                match e.status {
                    Status::Ok => "ok".to_owned(),
                    Status::Failed => "failed".to_owned(),
                },
                e.error.clone().unwrap_or_default(),
            ])?;
        }
        csv.into_inner().map_err(|e| e.into_error())
    }
}
