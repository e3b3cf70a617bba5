//! What a template sees: every phrase and date of one note, already in its
//! language.

use crate::error::Result;
use crate::kind;
use crate::load::Loaded;
use crate::locale::{self, Args, Gender, Lang, Messages};
use crate::meeting::{Addressees, NoteDate, Paper, Role};
use crate::recipients::{Recipient, Status};
use crate::template::{Dateline, DocumentInfo, NoteContext, RecipientContext};

/// What a note shows besides what the meeting file says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoteOptions {
    /// Print a "PROJET / DRAFT" mark across the pages.
    pub draft: bool,
    /// The note is shown in a preview, not printed: templates can tell, and
    /// the built-in ones print the draft mark.
    pub preview: bool,
}

/// The one addressee of a note to a mission: "au Représentant permanent de la
/// France auprès de l'Organisation des Nations Unies".
pub(crate) fn addressee(recipient: &Recipient, lang: Lang, messages: &Messages) -> Result<String> {
    let mut args = Args::new();
    args.set(
        "status",
        match recipient.status {
            Status::Member => "member",
            Status::Observer => "observer",
        },
    );
    args.set("gender", recipient.gender().person());
    args.set("state", recipient.name.get(lang).to_owned());
    args.set("of-state", lang.rules().of(recipient.name.get(lang)));
    let title = recipient
        .representative
        .as_ref()
        .and_then(|r| r.title.as_ref());
    match title {
        Some(title) => {
            args.set("title", title.get(lang).to_owned());
            messages.format(lang, "addressee-titled", Some(&args))
        }
        None => messages.format(lang, "addressee-mission", Some(&args)),
    }
}

/// Stands for the date while the date line is formatted, then splits it.
const DATE_MARK: &str = "\u{E000}";

impl NoteContext {
    /// Localizes everything one note needs: the note of `loaded` in `lang`,
    /// to its addressees or to one mission.
    pub fn new(
        loaded: &Loaded,
        lang: Lang,
        recipient: Option<&Recipient>,
        messages: &Messages,
        options: &NoteOptions,
    ) -> Result<Self> {
        let frame = &loaded.frame;
        let text = |b: &crate::values::Translated| b.get(lang).to_owned();

        let gender = match (frame.sender.role, frame.sender.gender) {
            (Role::Office, _) => "neuter",
            (Role::SecretaryGeneral, Some(Gender::Feminine)) => "female",
            (Role::SecretaryGeneral, _) => "male",
        };
        let mut args = Args::new();
        args.set("gender", gender);
        let (sender, sender_short) = match frame.sender.role {
            Role::SecretaryGeneral => (
                messages.format(lang, "secretary-general", Some(&args))?,
                messages.format(lang, "secretary-general-short", Some(&args))?,
            ),
            Role::Office => {
                let name = frame.sender.name.as_ref().map(text).unwrap_or_default();
                let short = frame
                    .sender
                    .short
                    .as_ref()
                    .map(text)
                    .unwrap_or_else(|| name.clone());
                (name, short)
            }
        };
        let addressees = match (recipient, &frame.addressees) {
            (Some(recipient), _) => addressee(recipient, lang, messages)?,
            (None, Addressees::Circular) => messages.format(lang, "addressees-circular", None)?,
            (None, Addressees::Named(named)) => text(named),
        };
        let formula = |key: &str, subject: &str| {
            let mut args = Args::new();
            args.set("gender", gender);
            args.set("sender", subject.to_owned());
            args.set("addressees", addressees.clone());
            messages.format(lang, key, Some(&args))
        };
        let opening = formula("opening", &sender)?;
        let closing = formula("closing", &sender_short)?;

        let title = match &frame.subject {
            Some(subject) => text(subject),
            None => text(&loaded.kind.description),
        };
        let mut keywords = vec![messages.format(lang, "note-verbale", None)?];
        keywords.extend(frame.reference.as_ref().map(|r| r.0.clone()));

        let mut dateline_args = Args::new();
        dateline_args.set(
            "date",
            match frame.date {
                Some(NoteDate::Day(day)) => locale::date(day, lang),
                Some(NoteDate::Year(year)) => format!("{DATE_MARK} {year}"),
                None => DATE_MARK.to_owned(),
            },
        );
        let dateline_key = match &frame.place {
            Some(place) => {
                dateline_args.set("place", text(place));
                "dateline-place"
            }
            None => "dateline",
        };
        let line = messages.format(lang, dateline_key, Some(&dateline_args))?;
        let dateline = match line.split_once(DATE_MARK) {
            Some((before, after)) => Dateline {
                before: before.into(),
                date: None,
                after: after.into(),
            },
            None => Dateline {
                before: String::new(),
                date: Some(line),
                after: String::new(),
            },
        };

        let enclosures = match frame.enclosures {
            Some(count) if count > 0 => {
                let mut args = Args::new();
                args.set("count", count);
                Some(messages.format(lang, "enclosures", Some(&args))?)
            }
            _ => None,
        };

        Ok(NoteContext {
            lang,
            paper: match frame.paper {
                Paper::A4 => "a4",
                Paper::UsLetter => "us-letter",
            },
            draft: options.draft,
            preview: options.preview,
            document: DocumentInfo {
                title,
                author: locale::without_article(&sender, lang).to_owned(),
                keywords,
            },
            letterhead: frame.letterhead.lines.iter().map(|l| l.0.clone()).collect(),
            reference_label: match &frame.letterhead.reference_label {
                Some(label) => text(label),
                None => messages.format(lang, "label-reference", None)?,
            },
            subject_label: match &frame.letterhead.subject_label {
                Some(label) => text(label),
                None => messages.format(lang, "label-subject", None)?,
            },
            logo: loaded.logo.as_ref().map(|logo| logo.typst_path()),
            reference: frame.reference.as_ref().map(|r| r.0.clone()),
            markings: frame.markings.as_ref().map(text),
            subject: frame.subject.as_ref().map(text),
            dateline,
            sender,
            sender_short,
            recipient: recipient.map(|r| RecipientContext {
                code: r.code.clone(),
                name: r.name.get(lang).to_owned(),
                city: r.city.clone(),
                address: r.address.clone(),
            }),
            opening,
            closing,
            paragraphs: frame.paragraphs.iter().map(text).collect(),
            enclosures,
            fields: kind::localize(&loaded.kind.fields, &loaded.fields, lang),
        })
    }
}
