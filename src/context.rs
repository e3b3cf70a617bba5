//! What a template sees: every phrase and date of one note, already in its
//! language.

use serde::Serialize;

use crate::error::Result;
use crate::kind;
use crate::load::Loaded;
use crate::locale::{self, Args, Gender, Lang, Messages};
use crate::meeting::{Addressees, NoteDate, Paper, Role};
use crate::recipients::{Recipient, Status};

/// The values every template receives, whatever the note's kind, with what
/// each holds: the list the template author's guide gives. A kind's fields
/// come beside them, each under its own name.
pub const FRAME_VARIABLES: &[(&str, &str)] = &[
    ("lang", "`fr` or `en`"),
    ("paper", "`a4` or `us-letter`"),
    (
        "draft",
        "whether the PROJET / DRAFT mark is asked for (`--draft`)",
    ),
    ("preview", "whether the note is shown by `serve`"),
    (
        "document",
        "`title`, `author`, `keywords`: the PDF's metadata",
    ),
    ("letterhead", "the letterhead's lines"),
    (
        "reference_label",
        "the label before the reference: `REFERENCE:`, or the letterhead's",
    ),
    (
        "subject_label",
        "the label before the subject: `OBJET :`, `SUBJECT:`, or the letterhead's",
    ),
    ("logo", "the Typst path of the emblem, or nothing"),
    ("reference", "the reference number, or nothing"),
    ("markings", "the markings line, or nothing"),
    ("subject", "the subject line, or nothing"),
    (
        "dateline",
        "`before`, `date`, `after`: the place and date at the foot",
    ),
    ("sender", "the sender as the opening names it"),
    ("sender_short", "the sender in later sentences"),
    (
        "recipient",
        "`code`, `name`, `city`, `address`: the mission, in a batch",
    ),
    (
        "opening",
        "the opening formula, up to the addressees included",
    ),
    ("closing", "the closing formula, a whole sentence"),
    ("paragraphs", "the free paragraphs"),
    ("enclosures", "`Pièce jointe`, `Enclosures`…, or nothing"),
];

/// What a note shows besides what the meeting file says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoteOptions {
    /// Print a "PROJET / DRAFT" mark across the pages.
    pub draft: bool,
    /// The note is shown in a preview, not printed: templates can tell, and
    /// the built-in ones print the draft mark.
    pub preview: bool,
}

/// The values a note template is rendered with.
#[derive(Debug, Clone, Serialize)]
pub struct NoteContext {
    /// `fr` or `en`.
    pub lang: Lang,
    /// `a4` or `us-letter`, as Typst names them.
    pub paper: &'static str,
    /// Whether a draft mark is printed.
    pub draft: bool,
    /// Whether the note is shown in `serve`'s preview: the built-in templates
    /// print the draft mark then.
    pub preview: bool,
    /// PDF metadata.
    pub document: DocumentInfo,
    /// Letterhead lines.
    pub letterhead: Vec<String>,
    /// The label before the reference, printed as written.
    pub reference_label: String,
    /// The label before the subject, printed as written.
    pub subject_label: String,
    /// Typst path of the emblem.
    pub logo: Option<String>,
    /// Reference number.
    pub reference: Option<String>,
    /// Markings line.
    pub markings: Option<String>,
    /// Subject line.
    pub subject: Option<String>,
    /// The place and date at the foot.
    pub dateline: Dateline,
    /// The sender as the opening names it: "Le Secrétaire général de l'Organisation des Nations Unies".
    pub sender: String,
    /// The sender in later sentences: "Le Secrétaire général".
    pub sender_short: String,
    /// The mission the note goes to, in a batch.
    pub recipient: Option<RecipientContext>,
    /// Opening formula up to the addressees: "… présente ses compliments aux représentants permanents …".
    pub opening: String,
    /// Closing formula, whole sentence.
    pub closing: String,
    /// Free paragraphs before the closing.
    pub paragraphs: Vec<String>,
    /// "Pièce jointe", "Pièces jointes", or nothing.
    pub enclosures: Option<String>,
    /// The kind's fields, in the note's language, each under its own name.
    #[serde(flatten)]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// PDF metadata.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// Title.
    pub title: String,
    /// Author: the sender.
    pub author: String,
    /// Keywords.
    pub keywords: Vec<String>,
}

/// The place and date line, split where a blank is left for the date when
/// the note is not dated yet.
#[derive(Debug, Clone, Serialize)]
pub struct Dateline {
    /// Text before the date: "New York, le ".
    pub before: String,
    /// The date, or nothing for a blank to fill by hand.
    pub date: Option<String>,
    /// Text after the date: " 2017" when only the year is known.
    pub after: String,
}

/// The mission a note goes to, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientContext {
    /// ISO 3166 alpha-3 code.
    pub code: String,
    /// The State's name in running text.
    pub name: String,
    /// The mission's city.
    pub city: Option<String>,
    /// The mission's postal address.
    pub address: Vec<String>,
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
    args.set("of-state", locale::with_de(&recipient.name.fr));
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
        let text = |b: &crate::meeting::Bilingual| b.get(lang).to_owned();

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
