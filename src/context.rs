//! What a template sees: every phrase and date of one note, already in its
//! language.

use serde::Serialize;

use crate::error::Result;
use crate::load::Loaded;
use crate::locale::{self, Args, Gender, Lang, Messages};
use crate::meeting::{Addressees, NoteDate, Paper, Role};
use crate::recipients::{Recipient, Status};

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
    /// The treaty.
    pub instrument: InstrumentContext,
    /// The resolution asking for the meeting.
    pub mandate: MandateContext,
    /// The meeting convened.
    pub meeting: SessionContext,
    /// The quoted article on costs.
    pub costs: Option<QuotationContext>,
    /// The deadline for delegations, with its weekday: "vendredi 18 août 2017".
    pub delegations_deadline: String,
    /// The address block.
    pub secretariat: SecretariatContext,
    /// Resolutions drawn attention to.
    pub reminders: Vec<ReminderContext>,
    /// Free paragraphs before the closing.
    pub paragraphs: Vec<String>,
    /// "Pièce jointe", "Pièces jointes", or nothing.
    pub enclosures: Option<String>,
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

/// The treaty, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct InstrumentContext {
    /// Title with its article.
    pub title: String,
    /// Title without its article.
    pub title_bare: String,
    /// Year of adoption.
    pub year: i32,
    /// Short name with article.
    pub short: String,
}

/// The mandate, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct MandateContext {
    /// Symbol.
    pub resolution: String,
    /// Title.
    pub title: String,
    /// Date of adoption.
    pub adopted: String,
    /// Paragraph number.
    pub paragraph: u32,
    /// Quoted text.
    pub text: String,
}

/// The meeting, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct SessionContext {
    /// The ordinal in words, lowercase: "septième", "seventh".
    pub ordinal: String,
    /// The article the ordinal takes: "la", "le", "the".
    pub article: &'static str,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short: String,
    /// Head noun.
    pub noun: String,
    /// Short name with its definite article: "l’Assemblée des États parties".
    pub short_definite: String,
    /// The dates as a phrase: "du 4 au 6 septembre 2017".
    pub dates: String,
    /// Venue phrase.
    pub venue: String,
    /// Who is invited.
    pub invitation: String,
}

/// A quoted article, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct QuotationContext {
    /// Article number.
    pub article: u32,
    /// Paragraph number.
    pub paragraph: Option<u32>,
    /// Quoted text.
    pub text: String,
}

/// The address block, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct SecretariatContext {
    /// Postal lines.
    pub address: Vec<String>,
    /// Telephone, in the language's form.
    pub phone: Option<String>,
    /// Fax, in the language's form.
    pub fax: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website as printed.
    pub website: Option<String>,
    /// Website as a link target, with its scheme.
    pub website_url: Option<String>,
}

/// A resolution drawn attention to, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderContext {
    /// Symbol.
    pub resolution: String,
    /// Date of adoption.
    pub adopted: String,
    /// "4 et 5".
    pub paragraphs: String,
    /// Whether more than one paragraph is meant.
    pub plural: bool,
    /// Quoted text.
    pub text: String,
    /// To whom the information goes.
    pub send_to: String,
    /// The deadline.
    pub deadline: String,
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
fn addressee(recipient: &Recipient, lang: Lang, messages: &Messages) -> Result<String> {
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
        let meeting = &loaded.meeting;
        let text = |b: &crate::meeting::Bilingual| b.get(lang).to_owned();
        let date = |d: crate::meeting::Date| locale::date(d.0, lang);

        let gender = match (meeting.sender.role, meeting.sender.gender) {
            (Role::Office, _) => "neuter",
            (Role::SecretaryGeneral, Some(Gender::Feminine)) => "female",
            (Role::SecretaryGeneral, _) => "male",
        };
        let mut args = Args::new();
        args.set("gender", gender);
        let (sender, sender_short) = match meeting.sender.role {
            Role::SecretaryGeneral => (
                messages.format(lang, "secretary-general", Some(&args))?,
                messages.format(lang, "secretary-general-short", Some(&args))?,
            ),
            Role::Office => {
                let name = meeting.sender.name.as_ref().map(text).unwrap_or_default();
                let short = meeting
                    .sender
                    .short
                    .as_ref()
                    .map(text)
                    .unwrap_or_else(|| name.clone());
                (name, short)
            }
        };
        let addressees = match (recipient, &meeting.addressees) {
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

        let session = &meeting.meeting;
        let grammatical = session.gender;
        let ordinal = locale::ordinal(session.ordinal, lang, grammatical).unwrap_or_default();
        let article = match (lang, grammatical) {
            (Lang::Fr, Gender::Feminine) => "la",
            (Lang::Fr, Gender::Masculine) => "le",
            (Lang::En, _) => "the",
        };
        let meeting_context = SessionContext {
            ordinal,
            article,
            name: text(&session.name),
            short: text(&session.short),
            noun: text(&session.noun),
            short_definite: match lang {
                Lang::Fr => locale::with_article(&session.short.fr, grammatical),
                Lang::En => format!("the {}", session.short.en),
            },
            dates: locale::date_range(session.start.0, session.end.0, lang),
            venue: text(&session.venue),
            invitation: text(&session.invitation),
        };

        let title = format!(
            "{} {}",
            locale::upper_first(&meeting_context.ordinal),
            meeting_context.name
        );
        let mut keywords = vec![messages.format(lang, "note-verbale", None)?];
        keywords.extend(meeting.reference.as_ref().map(|r| r.0.clone()));

        let mut dateline_args = Args::new();
        dateline_args.set(
            "date",
            match meeting.date {
                Some(NoteDate::Day(day)) => locale::date(day, lang),
                Some(NoteDate::Year(year)) => format!("{DATE_MARK} {year}"),
                None => DATE_MARK.to_owned(),
            },
        );
        let dateline_key = match &meeting.place {
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

        let secretariat = &meeting.secretariat;
        let website = secretariat.website.as_ref().map(|w| w.0.clone());
        let website_url = website.as_ref().map(|w| {
            if w.contains("://") {
                w.clone()
            } else {
                format!("https://{w}")
            }
        });

        let enclosures = match meeting.enclosures {
            Some(count) if count > 0 => {
                let mut args = Args::new();
                args.set("count", count);
                Some(messages.format(lang, "enclosures", Some(&args))?)
            }
            _ => None,
        };

        Ok(NoteContext {
            lang,
            paper: match meeting.paper {
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
            letterhead: meeting.letterhead.iter().map(|l| l.0.clone()).collect(),
            logo: loaded.logo.as_ref().map(|logo| logo.typst_path()),
            reference: meeting.reference.as_ref().map(|r| r.0.clone()),
            markings: meeting.markings.as_ref().map(text),
            subject: meeting.subject.as_ref().map(text),
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
            instrument: InstrumentContext {
                title: text(&meeting.instrument.title),
                title_bare: locale::without_article(meeting.instrument.title.get(lang), lang)
                    .to_owned(),
                year: meeting.instrument.year,
                short: text(&meeting.instrument.short),
            },
            mandate: MandateContext {
                resolution: meeting.mandate.resolution.0.clone(),
                title: text(&meeting.mandate.title),
                adopted: date(meeting.mandate.adopted),
                paragraph: meeting.mandate.paragraph,
                text: text(&meeting.mandate.text),
            },
            meeting: meeting_context,
            costs: meeting.costs.as_ref().map(|q| QuotationContext {
                article: q.article,
                paragraph: q.paragraph,
                text: text(&q.text),
            }),
            delegations_deadline: locale::date_with_weekday(meeting.delegations.deadline.0, lang),
            secretariat: SecretariatContext {
                address: secretariat.address.iter().map(text).collect(),
                phone: secretariat
                    .phone
                    .as_ref()
                    .map(|p| locale::phone(&p.0, lang)),
                fax: secretariat.fax.as_ref().map(|p| locale::phone(&p.0, lang)),
                email: secretariat.email.as_ref().map(|e| e.0.clone()),
                website,
                website_url,
            },
            reminders: meeting
                .reminders
                .iter()
                .map(|r| ReminderContext {
                    resolution: r.resolution.0.clone(),
                    adopted: date(r.adopted),
                    paragraphs: locale::join_list(
                        &r.paragraphs.iter().map(u32::to_string).collect::<Vec<_>>(),
                        lang,
                    ),
                    plural: r.paragraphs.len() > 1,
                    text: text(&r.text),
                    send_to: text(&r.send_to),
                    deadline: date(r.deadline),
                })
                .collect(),
            paragraphs: meeting.paragraphs.iter().map(text).collect(),
            enclosures,
        })
    }
}
