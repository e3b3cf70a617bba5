//! One e-mail draft per mission of a batch with an address: an RFC 5322
//! message (`.eml`) addressed to the mission, its subject and body in the
//! note's language, the note attached. Mail programs open it as a draft to
//! send (`X-Unsent: 1`); nothing is sent from here.

use std::collections::BTreeMap;
use std::path::Path;

use mail_builder::MessageBuilder;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::{BodyPart, MimePart};
use sha2::{Digest, Sha256};

use super::Entry;
use crate::error::{Error, Result};
use crate::locale::Args;
use crate::meeting::NoteDate;
use crate::output::{self, hex};
use crate::recipients::{Recipient, Record};
use crate::{Engine, Loaded};

/// What writing the drafts came to.
#[derive(Debug, Default)]
pub struct Mails {
    /// The drafts written, one per mission.
    pub written: usize,
    /// The missions whose notes were made but whose list entry has no
    /// e-mail address, by code.
    pub without_address: Vec<String>,
}

/// Writes into `dir`, for each mission of `records` with an address, one
/// `CODE.eml` with the mission's notes among `notes` (files in `out`)
/// attached. A draft is dated at noon (UTC) of the note's day; the draft of
/// an undated note, at `undated` (seconds since 1970), so that the same
/// inputs give the same drafts.
pub fn write_drafts(
    engine: &Engine,
    loaded: &Loaded,
    records: &[Record],
    notes: &[Entry],
    out: &Path,
    dir: &Path,
    undated: i64,
) -> Result<Mails> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let mut by_mission: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for note in notes {
        by_mission
            .entry(note.mission.as_str())
            .or_default()
            .push(note);
    }
    let mut mails = Mails::default();
    for recipient in records.iter().filter_map(|r| r.recipient.as_ref().ok()) {
        let Some(notes) = by_mission.get(recipient.code.as_str()) else {
            continue;
        };
        let Some(email) = &recipient.email else {
            mails.without_address.push(recipient.code.clone());
            continue;
        };
        let message = draft(engine, loaded, recipient, email, notes, out, undated)?;
        output::write_atomic(&dir.join(format!("{}.eml", recipient.code)), &message)?;
        mails.written += 1;
    }
    Ok(mails)
}

/// One mission's draft.
fn draft(
    engine: &Engine,
    loaded: &Loaded,
    recipient: &Recipient,
    email: &str,
    notes: &[&Entry],
    out: &Path,
    undated: i64,
) -> Result<Vec<u8>> {
    // The mission's language, if it has a note in it.
    let lang = notes
        .iter()
        .filter_map(|n| n.language)
        .find(|&l| l == recipient.language)
        .or_else(|| notes.iter().find_map(|n| n.language))
        .unwrap_or(recipient.language);
    let messages = engine.messages();
    let frame = &loaded.frame;
    let title = match &frame.subject {
        Some(subject) => subject.get(lang).to_owned(),
        None => loaded.kind.description.get(lang).to_owned(),
    };
    let mut args = Args::new();
    args.set(
        "reference",
        frame
            .reference
            .as_ref()
            .map_or_else(|| "none".to_owned(), |r| r.0.clone()),
    );
    args.set("title", title);
    args.set(
        "addressee",
        crate::context::addressee(recipient, &frame.sender, frame.duty_station, lang, messages)?,
    );
    let subject = messages.format(lang, "mail-subject", Some(&args))?;
    let body = messages.format(lang, "mail-body", Some(&args))?;

    let mut digest = Sha256::new();
    let mut parts = vec![MimePart::new(
        "text/plain",
        BodyPart::Text(format!("{body}\n").into()),
    )];
    for note in notes {
        let Some(file) = &note.file else { continue };
        let path = out.join(file);
        let pdf = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
        digest.update(&pdf);
        let name = Path::new(file)
            .file_name()
            .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
        parts.push(MimePart::new("application/pdf", pdf).attachment(name));
    }
    // The same notes give the same message: its id and the boundary between
    // its parts come from them (`=_` is in neither base64 nor
    // quoted-printable text).
    let digest = hex(&digest.finalize());
    let id = format!("{}.{}@noteverbale.invalid", &digest[..32], recipient.code);
    let boundary = format!("=_{}", &digest[32..]);
    let date = match frame.date {
        Some(NoteDate::Day(day)) => day
            .and_hms_opt(12, 0, 0)
            .map_or(undated, |noon| noon.and_utc().timestamp()),
        Some(NoteDate::Year(_)) | None => undated,
    };
    MessageBuilder::new()
        .to(email.to_owned())
        .subject(subject)
        .header("X-Unsent", Raw::new("1"))
        .date(date)
        .message_id(id)
        .body(MimePart::new(
            ContentType::new("multipart/mixed").attribute("boundary", boundary),
            parts,
        ))
        .write_to_vec()
        .map_err(|e| Error::environment("could not make an e-mail draft", e))
}
