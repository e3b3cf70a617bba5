//! What a template sees: every phrase and date of one note, already in its
//! language.

use crate::error::Result;
use crate::kind;
use crate::load::Loaded;
use crate::locale::{self, Args, Gender, Lang, Messages};
use crate::meeting::{
    self, Addressee, Closing, DateAt, Degree, DutyStation, Enclosures, NoteDate, Opening, Paper,
    Role, Side, Verb,
};
use crate::recipients::{Recipient, Status};
use crate::states::{StateNames, States};
use crate::template::{
    AnnexContext, Dateline, DocumentInfo, ItemContext, NoteContext, ParagraphContext,
    RecipientContext,
};
use crate::values::{Paragraph, Translated};

/// What a note shows besides what the meeting file says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoteOptions {
    /// Print a "PROJET / DRAFT" mark across the pages.
    pub draft: bool,
    /// The note is shown in a preview, not printed: templates can tell, and
    /// the built-in ones print the draft mark.
    pub preview: bool,
}

/// The United Nations at the duty station, as the formulas name it:
/// "auprès de l'Office des Nations Unies à Genève".
fn at_station(station: DutyStation, lang: Lang, messages: &Messages) -> Result<String> {
    let mut args = Args::new();
    args.set("station", station.name());
    messages.format(lang, "duty-station", Some(&args))
}

/// The one addressee of a note to a mission of a batch: the person, "au
/// Représentant permanent de la France auprès de l'Organisation des Nations
/// Unies", when the Secretary-General writes; the mission, "à la Mission
/// permanente de la France …", when any other sender does.
pub(crate) fn addressee(
    recipient: &Recipient,
    sender: &meeting::Sender,
    station: DutyStation,
    lang: Lang,
    messages: &Messages,
) -> Result<String> {
    let mut args = Args::new();
    args.set("at", at_station(station, lang, messages)?);
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
    match recipient.addressed_title(lang) {
        // The mission by its own formal name, when the list gives one.
        _ if sender.role != Role::SecretaryGeneral
            && let Some(name) = &recipient.mission_name =>
        {
            let name = name.get(lang);
            args.set("to-name", lang.rules().to(name));
            args.set("name", name.to_owned());
            messages.format(lang, "addressee-body", Some(&args))
        }
        _ if sender.role != Role::SecretaryGeneral => {
            messages.format(lang, "addressee-permanent-mission", Some(&args))
        }
        Some(title) => {
            args.set("title", title);
            messages.format(lang, "addressee-titled", Some(&args))
        }
        None => messages.format(lang, "addressee-mission", Some(&args)),
    }
}

/// A person's gender as the locales' selectors name it, male when it is not
/// known.
fn person(gender: Option<Gender>) -> &'static str {
    gender.map_or("male", Gender::person)
}

/// Stands for the date while the date line is formatted, then splits it.
const DATE_MARK: &str = "\u{E000}";

/// What one note's values are made from: the meeting file, the note's
/// language and the locales' phrases.
struct Note<'a> {
    loaded: &'a Loaded,
    lang: Lang,
    messages: &'a Messages,
}

/// The sender, as the opening names it and as later sentences do.
struct Sender {
    /// The grammatical gender the formulas agree with: `male`, `female`,
    /// `neuter`.
    gender: &'static str,
    full: String,
    short: String,
}

impl Note<'_> {
    /// A text of the meeting file in the note's language.
    fn text(&self, text: &Translated) -> String {
        text.get(self.lang).to_owned()
    }

    /// A phrase of the locales.
    fn phrase(&self, key: &str, args: Option<&Args>) -> Result<String> {
        self.messages.format(self.lang, key, args)
    }

    fn sender(&self) -> Result<Sender> {
        let sender = &self.loaded.frame.sender;
        let gender = if sender.is_person() {
            person(sender.gender)
        } else {
            "neuter"
        };
        let (full, short) = match sender.role {
            Role::Mission => self.mission(sender)?,
            Role::SecretaryGeneral => {
                let mut args = Args::new();
                args.set("gender", gender);
                (
                    self.phrase("secretary-general", Some(&args))?,
                    self.phrase("secretary-general-short", Some(&args))?,
                )
            }
            Role::Office | Role::Ministry | Role::Embassy | Role::Person => {
                let name = sender
                    .name
                    .as_ref()
                    .map(|n| self.text(n))
                    .unwrap_or_default();
                let short = sender
                    .short
                    .as_ref()
                    .map(|s| self.text(s))
                    .unwrap_or_else(|| name.clone());
                (name, short)
            }
        };
        Ok(Sender {
            gender,
            full,
            short,
        })
    }

    /// A permanent mission, as the opening names it and as later sentences
    /// do: its own formal name when the file gives one, else composed from
    /// its State and the duty station.
    fn mission(&self, sender: &meeting::Sender) -> Result<(String, String)> {
        let names = sender
            .state
            .as_ref()
            .and_then(|state| States::builtin().named(&state.0));
        let mut args = Args::new();
        args.set("status", names.map_or("member", StateNames::status));
        let full = match (&sender.name, names) {
            (Some(name), _) => self.text(name),
            (None, Some(names)) => {
                args.set("of-state", self.lang.rules().of(names.name.get(self.lang)));
                args.set("at", self.at()?);
                self.phrase("mission", Some(&args))?
            }
            // The frame's check refuses a mission without a known State.
            (None, None) => String::new(),
        };
        let short = match &sender.short {
            Some(short) => self.text(short),
            None => self.phrase("mission-short", Some(&args))?,
        };
        Ok((full, short))
    }

    /// The United Nations at the note's duty station.
    fn at(&self) -> Result<String> {
        at_station(self.loaded.frame.duty_station, self.lang, self.messages)
    }

    /// The addressees as the opening and the closing name them: the one
    /// mission of a batch, or those the meeting file gives; nothing for a
    /// note to nobody.
    fn addressees(&self, recipient: Option<&Recipient>) -> Result<Option<(String, String)>> {
        let frame = &self.loaded.frame;
        let station = frame.duty_station;
        let rules = self.lang.rules();
        // The Secretary-General writes to persons, every other sender to
        // missions.
        let mut args = Args::new();
        let persons = frame.sender.role == Role::SecretaryGeneral;
        args.set("to", if persons { "persons" } else { "missions" });
        args.set("at", self.at()?);
        let body = |name: &Translated, args: &mut Args| {
            let name = self.text(name);
            args.set("to-name", rules.to(&name));
            args.set("name", name);
            self.phrase("addressee-body", Some(args))
        };
        let opening = match (recipient, &frame.addressees.form) {
            (Some(recipient), _) => {
                addressee(recipient, &frame.sender, station, self.lang, self.messages)?
            }
            (None, Addressee::None) => return Ok(None),
            (None, Addressee::Circular) => self.phrase("addressees-circular", Some(&args))?,
            (None, Addressee::MemberStates) => {
                self.phrase("addressees-member-states", Some(&args))?
            }
            (None, Addressee::AllStates) => self.phrase("addressees-all-states", Some(&args))?,
            (None, Addressee::StatesParties(treaty)) => {
                args.set("to-treaty", rules.to(treaty.get(self.lang)));
                self.phrase("addressees-states-parties", Some(&args))?
            }
            (
                None,
                Addressee::Mission {
                    state,
                    gender: head,
                },
            ) => {
                let names = States::builtin().named(&state.0);
                let name = names.map_or("", |n| n.name.get(self.lang));
                args.set("status", names.map_or("member", StateNames::status));
                args.set("gender", person(*head));
                args.set("state", name.to_owned());
                args.set("of-state", rules.of(name));
                let key = if persons {
                    "addressee-mission"
                } else {
                    "addressee-permanent-mission"
                };
                self.phrase(key, Some(&args))?
            }
            (None, Addressee::SecretaryGeneral { gender: sg }) => {
                args.set("gender", person(*sg));
                self.phrase("addressee-secretary-general", Some(&args))?
            }
            (None, Addressee::Body { name, .. }) => body(name, &mut args)?,
            (None, Addressee::Named(named)) => self.text(named),
        };
        let closing = match (&frame.addressees.closing, &frame.addressees.form) {
            _ if recipient.is_some() => opening.clone(),
            (Some(closing), _) => self.text(closing),
            (None, Addressee::SecretaryGeneral { .. }) => {
                self.phrase("addressee-secretary-general-short", Some(&args))?
            }
            (
                None,
                Addressee::Body {
                    short: Some(short), ..
                },
            ) => body(short, &mut args)?,
            (None, _) => opening.clone(),
        };
        Ok(Some((opening, closing)))
    }

    /// The end of the opening, "et a l'honneur de", with the earlier note
    /// the file refers to.
    fn honour(&self, sender: &Sender) -> Result<String> {
        let frame = &self.loaded.frame;
        let Some(earlier) = &frame.refers_to else {
            return self.phrase("honour", None);
        };
        let mut args = Args::new();
        args.set("gender", sender.gender);
        // The frame's check gives either the note's reference and date, or
        // what else is referred to.
        if let Some(to) = &earlier.to {
            args.set("to", self.text(to));
            return self.phrase("honour-referring-to", Some(&args));
        }
        args.set(
            "reference",
            earlier
                .reference
                .as_ref()
                .map_or_else(String::new, |r| r.0.clone()),
        );
        args.set(
            "date",
            earlier.date.as_ref().map_or_else(String::new, |date| {
                locale::date_in(date.0, self.lang, frame.date_style)
            }),
        );
        match earlier.by {
            Side::Sender => args.set("by", "sender"),
            Side::Addressee => {
                let addressee = self.addressee_short()?;
                args.set("by", "addressee");
                args.set("of-addressee", self.lang.rules().of(&addressee));
                args.set("addressee", addressee);
            }
        }
        let key = if self.loaded.kind.follows {
            "honour-further"
        } else {
            "honour-referring"
        };
        self.phrase(key, Some(&args))
    }

    /// The one addressee as later sentences name it, in running text: "l'Ambassade",
    /// "the Permanent Mission", "the Secretary-General".
    fn addressee_short(&self) -> Result<String> {
        let mut args = Args::new();
        Ok(match &self.loaded.frame.addressees.form {
            Addressee::Body { name, short, .. } => self.text(short.as_ref().unwrap_or(name)),
            Addressee::Mission { state, .. } => {
                let names = States::builtin().named(&state.0);
                args.set("status", names.map_or("member", StateNames::status));
                locale::lower_first(&self.phrase("mission-short", Some(&args))?)
            }
            Addressee::SecretaryGeneral { gender } => {
                args.set("gender", person(*gender));
                locale::lower_first(&self.phrase("secretary-general-short", Some(&args))?)
            }
            // The frame's check refuses `by: addressee` for other forms.
            _ => String::new(),
        })
    }

    /// The opening or the closing formula, `key`, with `subject` as its
    /// subject, to `addressees`, or, to nobody, its form `<key>-alone`.
    fn formula(
        &self,
        key: &str,
        sender: &Sender,
        subject: &str,
        addressees: Option<&str>,
    ) -> Result<String> {
        let mut args = Args::new();
        args.set("gender", sender.gender);
        args.set("sender", subject.to_owned());
        if let Closing::Formula { degree, verb } = self.loaded.frame.closing {
            args.set(
                "degree",
                match degree {
                    Degree::Highest => "highest",
                    Degree::High => "high",
                },
            );
            args.set(
                "verb",
                match verb {
                    Verb::Avails => "avails",
                    Verb::Takes => "takes",
                },
            );
        }
        match addressees {
            Some(addressees) => {
                args.set("addressees", addressees.to_owned());
                self.phrase(key, Some(&args))
            }
            None => self.phrase(&format!("{key}-alone"), Some(&args)),
        }
    }

    /// The PDF's metadata.
    fn document(&self, sender: &Sender) -> Result<DocumentInfo> {
        let frame = &self.loaded.frame;
        let title = match &frame.subject {
            Some(subject) => self.text(subject),
            None => self.text(&self.loaded.kind.description),
        };
        let mut keywords = vec![self.phrase("note-verbale", None)?];
        keywords.extend(frame.reference.as_ref().map(|r| r.0.clone()));
        Ok(DocumentInfo {
            title,
            author: locale::without_article(&sender.full, self.lang).to_owned(),
            keywords,
        })
    }

    /// The place and date at the foot, split where a blank is left for a
    /// date not known yet.
    fn dateline(&self) -> Result<Dateline> {
        let frame = &self.loaded.frame;
        let mut args = Args::new();
        args.set(
            "date",
            match frame.date {
                Some(NoteDate::Day(day)) => locale::date_in(day, self.lang, frame.date_style),
                Some(NoteDate::Year(year)) => format!("{DATE_MARK} {year}"),
                None => DATE_MARK.to_owned(),
            },
        );
        let key = match &frame.place {
            Some(place) => {
                args.set("place", self.text(place));
                "dateline-place"
            }
            None => "dateline",
        };
        let line = self.phrase(key, Some(&args))?;
        Ok(match line.split_once(DATE_MARK) {
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
        })
    }

    /// "Pièce jointe", "Enclosures"…, or nothing.
    fn enclosures(&self) -> Result<Option<String>> {
        match self.loaded.frame.enclosures.as_ref().map(Enclosures::count) {
            Some(count) if count > 0 => {
                let mut args = Args::new();
                args.set("count", count);
                Ok(Some(self.phrase("enclosures", Some(&args))?))
            }
            _ => Ok(None),
        }
    }

    /// The free paragraphs as the meeting file sets them: numbered ones
    /// counted from 1, items lettered from `a`.
    fn body(&self) -> Result<Vec<ParagraphContext>> {
        self.set(&self.loaded.frame.paragraphs)
    }

    /// The addressee's name and postal address, one line each, for the
    /// block at the foot; nothing when the file does not ask for it.
    fn addressee_block(&self, recipient: Option<&Recipient>) -> Result<Vec<String>> {
        let frame = &self.loaded.frame;
        if !frame.addressee_block {
            return Ok(Vec::new());
        }
        // A name as the block heads it: without its article, capitalized.
        let head = |name: &str| locale::upper_first(locale::without_article(name, self.lang));
        let mission = |names: Option<&StateNames>| -> Result<String> {
            let mut args = Args::new();
            args.set("status", names.map_or("member", StateNames::status));
            args.set(
                "of-state",
                self.lang
                    .rules()
                    .of(names.map_or("", |n| n.name.get(self.lang))),
            );
            args.set("at", self.at()?);
            Ok(head(&self.phrase("mission", Some(&args))?))
        };
        let mut lines = Vec::new();
        match (recipient, &frame.addressees.form) {
            (Some(recipient), _) => {
                lines.push(match &recipient.mission_name {
                    Some(name) => head(&self.text(name)),
                    None => mission(States::builtin().named(&recipient.code))?,
                });
                lines.extend(recipient.address.iter().cloned());
                lines.extend(recipient.city.clone());
            }
            (None, Addressee::Mission { state, .. }) => {
                lines.push(mission(States::builtin().named(&state.0))?);
            }
            (None, Addressee::Body { name, .. }) => lines.push(head(&self.text(name))),
            (None, Addressee::SecretaryGeneral { gender }) => {
                let mut args = Args::new();
                args.set("gender", person(*gender));
                lines.push(head(&self.phrase("secretary-general", Some(&args))?));
            }
            _ => {}
        }
        lines.extend(frame.addressees.address.iter().map(|line| line.0.clone()));
        Ok(lines)
    }

    /// The document printed after the note, if any.
    fn annex(&self) -> Result<Option<AnnexContext>> {
        self.loaded
            .frame
            .annex
            .as_ref()
            .map(|annex| {
                Ok(AnnexContext {
                    heading: self.text(&annex.heading),
                    paragraphs: self.set(&annex.paragraphs)?,
                })
            })
            .transpose()
    }

    /// Paragraphs as the meeting file sets them: numbered ones counted
    /// from 1, items lettered from `a`.
    fn set(&self, paragraphs: &[Paragraph]) -> Result<Vec<ParagraphContext>> {
        let mut numbered = 0;
        paragraphs
            .iter()
            .map(|paragraph| {
                let number = if paragraph.numbered {
                    numbered += 1;
                    let mut args = Args::new();
                    args.set("number", numbered);
                    Some(self.phrase("paragraph-number", Some(&args))?)
                } else {
                    None
                };
                let items = paragraph
                    .items
                    .iter()
                    .zip('a'..='z')
                    .map(|(item, letter)| {
                        let mut args = Args::new();
                        args.set("letter", letter.to_string());
                        Ok(ItemContext {
                            label: self.phrase("item-label", Some(&args))?,
                            text: self.text(item),
                        })
                    })
                    .collect::<Result<_>>()?;
                Ok(ParagraphContext {
                    text: self.text(&paragraph.text),
                    number,
                    items,
                    quotation: paragraph.quotation,
                })
            })
            .collect()
    }

    /// The end of the opening and the first free paragraph, joined as the
    /// language joins them: "et a l'honneur d'informer".
    fn lead(&self, honour: &str) -> Result<String> {
        Ok(match self.loaded.frame.paragraphs.first() {
            Some(first) if honour.is_empty() => self.text(&first.text),
            Some(first) => self.lang.rules().continued(honour, &self.text(&first.text)),
            None => honour.to_owned(),
        })
    }

    /// A label the letterhead gives, or the locales' own.
    fn label(&self, given: Option<&Translated>, key: &str) -> Result<String> {
        match given {
            Some(label) => Ok(self.text(label)),
            None => self.phrase(key, None),
        }
    }
}

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
        let note = Note {
            loaded,
            lang,
            messages,
        };
        let frame = &loaded.frame;
        let sender = note.sender()?;
        let addressees = note.addressees(recipient)?;
        let letterhead = &frame.letterhead;
        let depositary = frame.opening == Opening::Depositary;
        // The depositary's opening, and the compliments alone, are a
        // sentence of their own: no `honour` ends them, and the first
        // paragraph follows as any other.
        let honour = match frame.opening {
            Opening::Compliments => note.honour(&sender)?,
            Opening::ComplimentsAlone | Opening::Depositary => String::new(),
        };
        Ok(NoteContext {
            lang,
            paper: match frame.paper {
                Paper::A4 => "a4",
                Paper::UsLetter => "us-letter",
            },
            draft: options.draft,
            preview: options.preview,
            document: note.document(&sender)?,
            letterhead: letterhead.lines.iter().map(|l| l.0.clone()).collect(),
            reference_label: note.label(letterhead.reference_label.as_ref(), "label-reference")?,
            subject_label: note.label(letterhead.subject_label.as_ref(), "label-subject")?,
            logo: loaded.logo.as_ref().map(|logo| logo.typst_path()),
            reference: frame.reference.as_ref().map(|r| r.0.clone()),
            markings: frame.markings.as_ref().map(|m| note.text(m)),
            subject: frame.subject.as_ref().map(|s| note.text(s)),
            dateline: note.dateline()?,
            date_at: match frame.date_at {
                DateAt::Foot => "foot",
                DateAt::Head => "head",
            },
            opening: if depositary {
                let mut args = Args::new();
                args.set("gender", sender.gender);
                args.set("sender", sender.full.clone());
                note.phrase("opening-depositary", Some(&args))?
            } else {
                let opening = note.formula(
                    "opening",
                    &sender,
                    &sender.full,
                    addressees.as_ref().map(|(opening, _)| opening.as_str()),
                )?;
                // A sentence of its own: one final point, even after "a.i.".
                if frame.opening == Opening::ComplimentsAlone {
                    format!("{}.", opening.trim_end_matches('.'))
                } else {
                    opening
                }
            },
            honour: honour.clone(),
            closing: match frame.closes() {
                Closing::None => String::new(),
                Closing::Formula { .. } => note.formula(
                    "closing",
                    &sender,
                    &sender.short,
                    addressees.as_ref().map(|(_, closing)| closing.as_str()),
                )?,
            },
            recipient: recipient.map(|r| RecipientContext {
                code: r.code.clone(),
                name: r.name.get(lang).to_owned(),
                city: r.city.clone(),
                address: r.address.clone(),
            }),
            sender: sender.full,
            sender_short: sender.short,
            sender_state: match (frame.sender.role, &frame.sender.state) {
                (meeting::Role::Mission, Some(state)) => States::builtin()
                    .find(&state.0)
                    .map_or(serde_json::Value::Null, |code| {
                        kind::types::state::localized(code, lang)
                    }),
                _ => serde_json::Value::Null,
            },
            paragraphs: frame
                .paragraphs
                .iter()
                .map(|p| note.text(&p.text))
                .collect(),
            body_paragraphs: note.body()?,
            lead: note.lead(&honour)?,
            enclosures: note.enclosures()?,
            annex: note.annex()?,
            addressee_block: note.addressee_block(recipient)?,
            enclosure_titles: match &frame.enclosures {
                Some(Enclosures::Titles(titles)) => titles.iter().map(|t| note.text(t)).collect(),
                _ => Vec::new(),
            },
            fields: kind::localize(&loaded.kind.fields, &loaded.fields, lang, frame.date_style),
        })
    }
}
