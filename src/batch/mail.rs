//! One e-mail draft per mission of a batch with an address: an RFC 5322
//! message (`.eml`) addressed to the mission, its subject and body in the
//! note's language, the note attached. Mail programs open it as a draft to
//! send (`X-Unsent: 1`); nothing is sent from here.

use std::collections::BTreeMap;
use std::path::Path;

use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;
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
/// attached.
pub fn write_drafts(
    engine: &Engine,
    loaded: &Loaded,
    records: &[Record],
    notes: &[Entry],
    out: &Path,
    dir: &Path,
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
        let message = draft(engine, loaded, recipient, email, notes, out)?;
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
        crate::context::addressee(recipient, frame.duty_station, lang, messages)?,
    );
    let subject = messages.format(lang, "mail-subject", Some(&args))?;
    let body = messages.format(lang, "mail-body", Some(&args))?;

    let mut digest = Sha256::new();
    let mut builder = MessageBuilder::new()
        .to(email.to_owned())
        .subject(subject)
        .header("X-Unsent", Raw::new("1"))
        .text_body(format!("{body}\n"));
    if let Some(NoteDate::Day(day)) = frame.date
        && let Some(time) = day.and_hms_opt(9, 0, 0)
    {
        builder = builder.date(time.and_utc().timestamp());
    }
    for note in notes {
        let Some(file) = &note.file else { continue };
        let path = out.join(file);
        let pdf = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
        digest.update(&pdf);
        let name = Path::new(file)
            .file_name()
            .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
        builder = builder.attachment("application/pdf", name, pdf);
    }
    // The same notes give the same message: its id comes from them.
    let id = format!(
        "{}.{}@noteverbale.invalid",
        &hex(&digest.finalize())[..32],
        recipient.code
    );
    builder
        .message_id(id)
        .write_to_vec()
        .map_err(|e| Error::environment("could not make an e-mail draft", e))
}
