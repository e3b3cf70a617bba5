//! The frame every note shares, whatever its kind: paper, letterhead, logo,
//! reference, markings, subject, place and date, sender, addressees, free
//! paragraphs and enclosures.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use super::{Addressee, Addressees, Closing, DutyStation, Opening, RefersTo, Role, Sender, Side};
use crate::error::Diagnostic;
use crate::locale::{DateStyle, Lang};
use crate::values::{Paragraph, Text, Translated, parse_date};
use crate::yaml::YamlFile;

/// The keys of the frame in a meeting file; every other key is a field of
/// the note's kind.
pub const FRAME_FIELDS: &[&str] = &[
    "kind",
    "extends",
    "languages",
    "paper",
    "letterhead",
    "logo",
    "reference",
    "markings",
    "subject",
    "place",
    "date",
    "date_at",
    "date_style",
    "sender",
    "addressees",
    "addressee_block",
    "duty_station",
    "opening",
    "refers_to",
    "closing",
    "paragraphs",
    "enclosures",
    "annex",
];

/// The most lettered items a paragraph has: a) to z).
pub const MAX_ITEMS: usize = 26;

/// The frame of a note, read and checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// The note's kind: its schema `<kind>.yaml` and templates
    /// `<kind>.<lang>.typ`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// The meeting file this one extends, relative to it: its values stand
    /// where this file gives none (see [`crate::load`]).
    #[serde(default)]
    pub extends: Option<PathBuf>,
    /// The languages the note is written in, when not every language: a
    /// bilateral note is often in one. Its texts need only these.
    #[serde(default)]
    pub languages: Option<Vec<Lang>>,
    /// Paper size: `a4` or `us-letter`.
    #[serde(default)]
    pub paper: Paper,
    /// The letterhead: its lines, printed as given in every language, and
    /// the labels it prints before the reference and the subject.
    #[serde(default)]
    pub letterhead: Letterhead,
    /// An emblem above the letterhead: an SVG, PNG or JPEG file, relative to
    /// the meeting file.
    #[serde(default)]
    pub logo: Option<PathBuf>,
    /// The reference number, as `ODA/25-2011/CCM`.
    #[serde(default)]
    pub reference: Option<Text>,
    /// A markings line under the reference, as `Confidentiel` / `Confidential`.
    #[serde(default)]
    pub markings: Option<Translated>,
    /// A subject line.
    #[serde(default)]
    pub subject: Option<Translated>,
    /// Where the note is signed, as `New York`.
    #[serde(default)]
    pub place: Option<Translated>,
    /// The date of the note; a year alone, or nothing, leaves dots to fill by hand.
    #[serde(default)]
    pub date: Option<NoteDate>,
    /// Where the place and date stand: at the foot, under the closing, as
    /// the United Nations prints them, or at the head, above the
    /// reference, as ministries do.
    #[serde(default)]
    pub date_at: DateAt,
    /// How the English note writes every date: as the United Nations
    /// ("14 August 1987", the default) or as the United States ("August
    /// 14, 1987").
    #[serde(default)]
    pub date_style: DateStyle,
    /// Who sends the note.
    pub sender: Sender,
    /// Who receives it.
    #[serde(default)]
    pub addressees: Addressees,
    /// Whether the addressee's name and address are printed at the foot,
    /// on the left, as bilateral notes carry them.
    #[serde(default)]
    pub addressee_block: bool,
    /// The United Nations at which place the formulas name: New York by
    /// default, Geneva, Vienna or Nairobi.
    #[serde(default)]
    pub duty_station: DutyStation,
    /// How the note opens: with compliments (the default), or as the
    /// depositary's notification.
    #[serde(default)]
    pub opening: Opening,
    /// An earlier note the opening refers to: "et, se référant à sa note …
    /// du …, a l'honneur de".
    #[serde(default)]
    pub refers_to: Option<RefersTo>,
    /// The closing formula's degree and verb, or no closing formula.
    #[serde(default)]
    pub closing: Closing,
    /// Free paragraphs, printed before the closing formula; the body of a
    /// note of a kind whose schema says `lead: true`, the first continuing
    /// the opening.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The documents enclosed: how many, printed as "Pièce(s) jointe(s)",
    /// or their titles, printed under it.
    #[serde(default)]
    pub enclosures: Option<Enclosures>,
    /// A document printed after the note, on a page of its own: the text
    /// of a State's note that a depositary transmits, a list, a programme.
    #[serde(default)]
    pub annex: Option<Annex>,
}

/// A document printed after the note, in the note's page design.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// Its heading, as "Annexe" / "Annex", or a title.
    pub heading: Translated,
    /// Its paragraphs, set as the note's are.
    pub paragraphs: Vec<Paragraph>,
}

/// The documents a note encloses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    untagged,
    expecting = "how many documents are enclosed, as `2`, or their titles, as `[{ fr: Ordre du jour provisoire, en: Provisional agenda }]`"
)]
pub enum Enclosures {
    /// How many.
    Count(u32),
    /// Their titles, in every language.
    Titles(Vec<Translated>),
}

impl Enclosures {
    /// How many documents are enclosed.
    pub fn count(&self) -> usize {
        match self {
            Enclosures::Count(n) => *n as usize,
            Enclosures::Titles(titles) => titles.len(),
        }
    }
}

fn default_kind() -> String {
    "invitation".into()
}

impl Frame {
    /// The day the note is dated, if it is.
    pub fn day(&self) -> Option<NaiveDate> {
        match self.date {
            Some(NoteDate::Day(day)) => Some(day),
            _ => None,
        }
    }

    /// The languages the note is written in, in the order of
    /// [`Lang::ALL`].
    pub fn languages(&self) -> Vec<Lang> {
        match &self.languages {
            Some(languages) => Lang::ALL
                .into_iter()
                .filter(|lang| languages.contains(lang))
                .collect(),
            None => Lang::ALL.to_vec(),
        }
    }

    /// What types alone cannot check.
    pub fn check(&self, file: &YamlFile) -> Vec<Diagnostic> {
        let mut problems = self.sender.check(file);
        // Items are lettered a) to z).
        let annexed = self.annex.iter().flat_map(|annex| {
            annex
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("annex.paragraphs[{i}]"), p))
        });
        let paragraphs = self
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("paragraphs[{i}]"), p))
            .chain(annexed);
        for (at, paragraph) in paragraphs {
            if paragraph.items.len() > MAX_ITEMS {
                problems.push(
                    file.error(
                        &format!("{at}.items[{MAX_ITEMS}]"),
                        format!(
                            "a paragraph has at most {MAX_ITEMS} lettered items, a) to z), and this one has {}",
                            paragraph.items.len()
                        ),
                    )
                    .hint("give the items after z) a paragraph of their own, or number the paragraphs"),
                );
            }
        }
        if let Some(languages) = &self.languages {
            let repeated = languages
                .iter()
                .enumerate()
                .any(|(i, lang)| languages[..i].contains(lang));
            if languages.is_empty() || repeated {
                problems.push(
                    file.error(
                        "languages",
                        "`languages` names each language of the note once",
                    )
                    .hint(format!(
                        "as `[en]`, `[fr]`, or leave it out for every language ({})",
                        Lang::CODES.join(", ")
                    )),
                );
            }
        }
        problems.extend(self.addressees.check(file));
        if self.opening == Opening::Depositary {
            problems.extend(self.check_depositary(file));
        }
        if self.addressee_block && self.addressees.form == Addressee::None {
            problems.push(
                file.error("addressee_block", "the addressee's block names the addressee, and this note has none")
                    .hint("address the note to a mission, an office, a ministry or an embassy, or leave out `addressee_block`"),
            );
        }
        if self.opening == Opening::ComplimentsAlone && self.refers_to.is_some() {
            problems.push(
                file.error("refers_to", "the compliments alone refer to no earlier note")
                    .hint("refer to it in the first paragraph, or leave `opening` out: « et, se référant à sa note … du …, a l'honneur de »"),
            );
        }
        if let Some(earlier) = &self.refers_to {
            match (&earlier.reference, &earlier.date, &earlier.to) {
                (Some(_), Some(_), None) => {}
                (None, None, Some(to)) => {
                    problems.extend(super::addressees::with_preposition(
                        file,
                        "refers_to.to.fr",
                        to,
                        "the French words of what the opening refers to",
                        "French continues « et, se référant » with à, au or aux, in lowercase: `aux entretiens qui ont eu lieu à Bonn`, `à la lettre du Ministre`",
                    ));
                    if earlier.by == Side::Addressee {
                        problems.push(
                            file.error("refers_to.by", "`by` says whose note is referred to, and `to` refers to no note")
                                .hint("leave out `by`, or refer to the note by its `reference` and `date`"),
                        );
                    }
                }
                _ => problems.push(
                    file.error("refers_to", "the opening refers to an earlier note, by its `reference` and `date`, or to something else written out, `to`")
                        .hint("`refers_to: { reference: ODA/12-2015/CCM, date: 2015-02-16 }`, or `refers_to: { to: { fr: aux entretiens qui ont eu lieu …, en: the talks held … } }`"),
                ),
            }
            if let Some(day) = self.day()
                && let Some(date) = &earlier.date
                && date.0 > day
            {
                problems.push(
                    file.error(
                        "refers_to.date",
                        format!(
                            "the note referred to is dated {}, after this note's date, {day}",
                            date.0
                        ),
                    )
                    .hint("a note refers to one sent before it, or the same day"),
                );
            }
            let named = matches!(
                self.addressees.form,
                Addressee::Body { .. }
                    | Addressee::Mission { .. }
                    | Addressee::SecretaryGeneral { .. }
            );
            let unnamed_body = matches!(&self.addressees.form, Addressee::Body { short: None, .. });
            if earlier.by == Side::Addressee && unnamed_body {
                problems.push(
                    file.error("addressees", "the note referred to is the addressee's, and the addressee has no short name")
                        .hint("give `short: { fr: le Ministère, en: the Ministry }` beside it: the opening names the earlier note by it (« la note … du Ministère », \"the Ministry's note\")"),
                );
            }
            if earlier.by == Side::Addressee && !named {
                problems.push(
                    file.error("refers_to.by", "the note referred to is the addressee's, but the addressees are not one body")
                        .hint("`by: addressee` refers to the note of one mission, office, ministry, embassy or the Secretary-General, as `addressees:` names it"),
                );
            }
        }
        problems
    }

    /// The depositary's notification is the Secretary-General's, to no
    /// addressee, with no closing and no earlier note in its opening.
    fn check_depositary(&self, file: &YamlFile) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if self.sender.role != Role::SecretaryGeneral {
            problems.push(
                file.error("opening", "the depositary's notification is the Secretary-General's")
                    .hint("give `sender: { role: secretary-general, gender: … }`, or leave `opening` out for a note with compliments"),
            );
        }
        let given = |key: &str| file.locate(key).is_some();
        if given("addressees") && self.addressees.form != Addressee::None {
            problems.push(
                file.error("addressees", "a depositary notification names no addressee")
                    .hint("leave `addressees` out: the notification is sent to every State without compliments"),
            );
        }
        if given("closing") && self.closing != Closing::None {
            problems.push(
                file.error(
                    "closing",
                    "a depositary notification has no closing formula",
                )
                .hint("leave `closing` out"),
            );
        }
        if self.refers_to.is_some() {
            problems.push(
                file.error("refers_to", "the depositary's opening refers to no earlier note")
                    .hint("refer to it in the first paragraph: « Il est fait référence à la notification dépositaire C.N.… du … »"),
            );
        }
        problems
    }

    /// The closing the note has: none for a depositary notification.
    pub fn closes(&self) -> Closing {
        match self.opening {
            Opening::Depositary => Closing::None,
            Opening::Compliments | Opening::ComplimentsAlone => self.closing,
        }
    }

    /// The logo's path, resolved against the folder of the meeting file.
    pub fn logo_path(&self, meeting_file: &Path) -> Option<PathBuf> {
        let logo = self.logo.as_ref()?;
        Some(match meeting_file.parent() {
            Some(folder) => folder.join(logo),
            None => logo.clone(),
        })
    }
}

/// The letterhead: written as its lines alone, `[LINE, LINE]`, or with the
/// labels of its stationery, `{ lines: […], reference_label: { fr: …, en: … },
/// subject_label: { fr: …, en: … } }`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// Its lines.
    pub lines: Vec<Text>,
    /// The label before the reference, when not the built-in stationery's
    /// `REFERENCE:`.
    pub reference_label: Option<Translated>,
    /// The label before the subject, when not the locale's.
    pub subject_label: Option<Translated>,
}

impl Letterhead {
    /// Whether it has no line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

impl<'de> Deserialize<'de> for Letterhead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            #[serde(default)]
            lines: Vec<Line>,
            #[serde(default)]
            reference_label: Option<Translated>,
            #[serde(default)]
            subject_label: Option<Translated>,
        }

        /// A line of the letterhead: a text, printed as given in every
        /// language.
        struct Line(Text);

        impl<'de> Deserialize<'de> for Line {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_yaml::Value::deserialize(deserializer)?;
                match value {
                    serde_yaml::Value::Mapping(_) => Err(serde::de::Error::custom(
                        "a letterhead line is printed as given, the same in every language: write it once, as text; a letterhead in two languages gives a line for each, `- UNITED NATIONS` and `- NATIONS UNIES`",
                    )),
                    value => Text::deserialize(value)
                        .map(Line)
                        .map_err(serde::de::Error::custom),
                }
            }
        }

        /// Reads either form through the file's own deserializer, so that a
        /// mistake in a line is placed at that line.
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Letterhead;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "the letterhead's lines, `[LINE, LINE]`, or `{ lines: […], reference_label: { fr: …, en: … }, subject_label: { fr: …, en: … } }`",
                )
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Letterhead, A::Error> {
                let mut lines = Vec::new();
                while let Some(Line(line)) = seq.next_element()? {
                    lines.push(line);
                }
                Ok(Letterhead {
                    lines,
                    ..Letterhead::default()
                })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Letterhead, A::Error> {
                let full = Full::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Letterhead {
                    lines: full.lines.into_iter().map(|Line(line)| line).collect(),
                    reference_label: full.reference_label,
                    subject_label: full.subject_label,
                })
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

/// The date of the note: a full date, or only its year when the day is to be
/// filled in by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteDate {
    /// The note is dated.
    Day(NaiveDate),
    /// Only the year is known.
    Year(i32),
}

impl NoteDate {
    /// The year of the note.
    pub fn year(self) -> i32 {
        match self {
            NoteDate::Day(day) => day.year(),
            NoteDate::Year(year) => year,
        }
    }
}

impl<'de> Deserialize<'de> for NoteDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Year(i32),
            Text(String),
        }
        let raw = Raw::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom("expected a date such as 2017-04-12, or a year such as 2017")
        })?;
        match raw {
            Raw::Year(year) if (1900..=2999).contains(&year) => Ok(NoteDate::Year(year)),
            Raw::Year(year) => Err(serde::de::Error::custom(format!(
                "{year} is not a plausible year"
            ))),
            Raw::Text(text) => match text.trim().parse::<i32>() {
                Ok(year) if (1900..=2999).contains(&year) => Ok(NoteDate::Year(year)),
                _ => parse_date(&text)
                    .map(NoteDate::Day)
                    .map_err(serde::de::Error::custom),
            },
        }
    }
}

/// Where the place and date stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateAt {
    /// At the foot, under the closing formula.
    #[default]
    Foot,
    /// At the head, above the reference, flush right.
    Head,
}

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, used in Geneva, Vienna and most capitals.
    #[default]
    A4,
    /// US Letter, used at Headquarters in New York.
    UsLetter,
}
