//! The meeting file: what a note says, as typed values.
//!
//! Field names and shapes are documented, for the people who fill them in, in
//! the commented example `examples/ccm-7msp.yaml`. Every text that appears in a
//! note is [`Bilingual`]; texts that are the same in every language (reference
//! numbers, addresses on the web) are plain strings.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use crate::error::{Diagnostic, Error, Result, Severity};
use crate::locale::{Gender, Lang, clean};
use crate::yaml::YamlFile;

/// A meeting file, read and checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The note kind: the template `templates/<kind>.<lang>.typ`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// Paper size: `a4` or `us-letter`.
    #[serde(default)]
    pub paper: Paper,
    /// The letterhead, one line each, printed as given in every language.
    #[serde(default)]
    pub letterhead: Vec<Text>,
    /// An emblem above the letterhead: an SVG, PNG or JPEG file, relative to
    /// the meeting file.
    #[serde(default)]
    pub logo: Option<PathBuf>,
    /// The reference number, as `ODA/25-2011/CCM`.
    #[serde(default)]
    pub reference: Option<Text>,
    /// A markings line under the reference, as `Confidentiel` / `Confidential`.
    #[serde(default)]
    pub markings: Option<Bilingual>,
    /// A subject line.
    #[serde(default)]
    pub subject: Option<Bilingual>,
    /// Where the note is signed, as `New York`.
    #[serde(default)]
    pub place: Option<Bilingual>,
    /// The date of the note; a year alone, or nothing, leaves dots to fill by hand.
    #[serde(default)]
    pub date: Option<NoteDate>,
    /// Who sends the note.
    pub sender: Sender,
    /// Who receives it.
    #[serde(default)]
    pub addressees: Addressees,
    /// The treaty the meeting belongs to.
    pub instrument: Instrument,
    /// The General Assembly resolution that asks for the meeting.
    pub mandate: Mandate,
    /// The meeting being convened.
    pub meeting: Session,
    /// The treaty article on the costs of meetings, quoted.
    #[serde(default)]
    pub costs: Option<Quotation>,
    /// Where and by when the composition of delegations is to be sent.
    pub delegations: Delegations,
    /// The secretariat's address block.
    pub secretariat: Secretariat,
    /// Resolutions the note draws attention to, each with its own deadline.
    #[serde(default)]
    pub reminders: Vec<Reminder>,
    /// Free paragraphs, printed before the closing formula.
    #[serde(default)]
    pub paragraphs: Vec<Bilingual>,
    /// How many documents are enclosed; printed as "Pièce(s) jointe(s)".
    #[serde(default)]
    pub enclosures: Option<u32>,
}

fn default_kind() -> String {
    "invitation".into()
}

impl Meeting {
    /// Checks a meeting file already read; what is probably a mistake but
    /// does not stop a note comes back as warnings.
    pub fn from_file(file: &YamlFile) -> Result<(Self, Vec<Diagnostic>)> {
        let meeting: Meeting = file.parse()?;
        let mut problems = meeting.validate(file);
        meeting.check_dates(file, &mut problems);
        meeting.check_shapes(file, &mut problems);
        if problems.iter().any(|p| p.severity == Severity::Error) {
            problems.sort_by_key(|p| p.severity != Severity::Error);
            return Err(Error::Invalid(problems));
        }
        Ok((meeting, problems))
    }

    /// Dates that each make sense but not together.
    fn check_dates(&self, file: &YamlFile, problems: &mut Vec<Diagnostic>) {
        let start = self.meeting.start.0;
        let deadline = self.delegations.deadline.0;
        if deadline > start {
            problems.push(
                file.error(
                    "delegations.deadline",
                    format!(
                        "the delegations are due on {deadline}, after the meeting opens on {start}"
                    ),
                )
                .hint("the composition of delegations is due before the meeting"),
            );
        }
        let mut deadlines = vec![("delegations.deadline".to_owned(), deadline)];
        for (i, reminder) in self.reminders.iter().enumerate() {
            deadlines.push((format!("reminders[{i}].deadline"), reminder.deadline.0));
            if reminder.adopted.0 > reminder.deadline.0 {
                problems.push(file.error(
                    &format!("reminders[{i}].adopted"),
                    format!(
                        "the resolution is adopted on {}, after the deadline it sets, {}",
                        reminder.adopted.0, reminder.deadline.0
                    ),
                ));
            }
        }
        if let Some(NoteDate::Day(day)) = self.date {
            for (field, due) in &deadlines {
                if *due <= day {
                    problems.push(
                        file.error(
                            field,
                            format!("this deadline, {due}, is not after the note's date, {day}"),
                        )
                        .hint("a note asks for what is due after it is sent"),
                    );
                }
            }
            if self.mandate.adopted.0 > day {
                problems.push(file.error(
                    "mandate.adopted",
                    format!(
                        "the resolution is adopted on {}, after the note's date, {day}",
                        self.mandate.adopted.0
                    ),
                ));
            }
        }
        for (field, due) in &deadlines {
            let weekday = due.weekday();
            if matches!(weekday, chrono::Weekday::Sat | chrono::Weekday::Sun) {
                let mut warning = file
                    .error(
                        field,
                        format!("this deadline, {due}, falls on a {}", weekday_name(weekday)),
                    )
                    .hint("offices are closed at weekends: the Friday before is the usual choice")
                    .hint("if the day is right, say so beside it: `# allow(weekend-deadline): why`")
                    .code("weekend-deadline");
                warning.severity = Severity::Warning;
                problems.push(warning);
            }
        }
    }

    /// Resolution symbols, e-mail addresses and web addresses in their usual
    /// shapes.
    fn check_shapes(&self, file: &YamlFile, problems: &mut Vec<Diagnostic>) {
        let mut resolutions = vec![("mandate.resolution".to_owned(), &self.mandate.resolution)];
        for (i, reminder) in self.reminders.iter().enumerate() {
            resolutions.push((format!("reminders[{i}].resolution"), &reminder.resolution));
        }
        for (field, symbol) in resolutions {
            if !is_resolution_symbol(&symbol.0) {
                problems.push(
                    file.error(&field, format!("`{}` is not a resolution symbol", symbol.0))
                        .hint("write the session and number, as `70/54`, or the full symbol, as `A/RES/70/54`"),
                );
            }
        }
        if let Some(email) = &self.secretariat.email
            && !is_email(&email.0)
        {
            problems.push(
                file.error(
                    "secretariat.email",
                    format!("`{}` is not an e-mail address", email.0),
                )
                .hint("write it as `ccm@unog.ch`, with no `mailto:` and no spaces"),
            );
        }
        if let Some(website) = &self.secretariat.website
            && !is_web_address(&website.0)
        {
            problems.push(
                file.error(
                    "secretariat.website",
                    format!("`{}` is not a web address", website.0),
                )
                .hint("write it as `www.unog.ch/ccm` or `https://www.unog.ch/ccm`"),
            );
        }
    }

    /// Checks what types alone cannot.
    fn validate(&self, file: &YamlFile) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let kind_ok = !self.kind.is_empty()
            && self
                .kind
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !kind_ok {
            problems.push(
                file.error("kind", format!("`{}` is not a note kind", self.kind))
                    .hint("use letters, digits, `-` and `_` only, as `invitation`"),
            );
        }
        match (&self.sender.role, &self.sender.gender, &self.sender.name) {
            (Role::SecretaryGeneral, None, _) => problems.push(
                file.error("sender", "the Secretary-General's gender is missing")
                    .hint("add `gender: male` or `gender: female`: the formulas agree with it"),
            ),
            (Role::Office, _, None) => problems.push(
                file.error("sender", "an office that sends a note needs its name")
                    .hint("add `name: { fr: Le Bureau des affaires de désarmement, en: The Office for Disarmament Affairs }`"),
            ),
            _ => {}
        }
        if !(1..=999).contains(&self.meeting.ordinal) {
            problems.push(file.error(
                "meeting.ordinal",
                format!("{} is not an ordinal from 1 to 999", self.meeting.ordinal),
            ));
        }
        if self.meeting.end.0 < self.meeting.start.0 {
            problems.push(
                file.error("meeting.end", "the meeting ends before it starts")
                    .hint(format!("it starts on {}", self.meeting.start.0)),
            );
        }
        for (i, reminder) in self.reminders.iter().enumerate() {
            if reminder.paragraphs.is_empty() {
                problems.push(file.error(
                    &format!("reminders[{i}].paragraphs"),
                    "name at least one paragraph of the resolution",
                ));
            }
        }
        problems
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

fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
    }
}

/// A resolution symbol: a General Assembly resolution as `70/54`, `ES-10/19`
/// or `S-26/2`, with its part letter if any (`72/262 A`), or in full as
/// `A/RES/70/54`; an older one numbered with its session in Roman numerals,
/// as `1514 (XV)` or `A/RES/217(III)`; a Security Council resolution as
/// `S/RES/2334 (2016)`.
pub fn is_resolution_symbol(text: &str) -> bool {
    let digits = |part: &str| {
        !part.is_empty() && part.len() <= 5 && part.chars().all(|c| c.is_ascii_digit())
    };
    let session = |part: &str| {
        digits(
            part.strip_prefix("ES-")
                .or_else(|| part.strip_prefix("S-"))
                .unwrap_or(part),
        )
    };
    // `262`, or `262 A` for a resolution adopted in parts.
    let number = |part: &str| match part.split_once(' ') {
        Some((n, letter)) => {
            digits(n) && letter.len() == 1 && letter.chars().all(|c| c.is_ascii_uppercase())
        }
        None => digits(part),
    };
    // `1514 (XV)`, `217(III)`.
    let roman = |part: &str| {
        part.strip_suffix(')')
            .and_then(|p| p.split_once('('))
            .is_some_and(|(n, session)| {
                digits(n.trim_end())
                    && !session.is_empty()
                    && session.chars().all(|c| "IVXLC".contains(c))
            })
    };
    let text = text.trim();
    let general = text.strip_prefix("A/RES/").unwrap_or(text);
    match general.split('/').collect::<Vec<_>>().as_slice() {
        [s, n] if !text.starts_with("S/") => session(s) && number(n),
        [old] => roman(old),
        ["S", "RES", rest] => rest
            .split_once(" (")
            .and_then(|(n, year)| Some((n, year.strip_suffix(')')?)))
            .is_some_and(|(n, year)| digits(n) && year.len() == 4 && digits(year)),
        _ => false,
    }
}

/// An e-mail address: one `@`, a local part, a domain with a dot, nothing
/// that cannot appear in an address.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    !local.is_empty()
        && local.chars().all(allowed)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && is_domain(domain)
}

/// A domain name: labels of letters, digits and hyphens, at least two.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic) || tld.starts_with("xn--"))
}

/// A web address as printed in a note: a domain, optionally after `http://`
/// or `https://`, optionally followed by a path.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map_or(0, |s| s.len());
    let rest = &text[scheme..];
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(cut) => rest.split_at(cut),
        None => (rest, ""),
    };
    // `www.un.org:443`.
    let host = match host.rsplit_once(':') {
        Some((name, port))
            if !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()) =>
        {
            name
        }
        _ => host,
    };
    is_domain(host) && !path.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A text in every language a note is written in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// French.
    #[serde(deserialize_with = "cleaned")]
    pub fr: String,
    /// English.
    #[serde(deserialize_with = "cleaned")]
    pub en: String,
}

impl Bilingual {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A text printed as given in every language, with its white space cleaned.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Text(#[serde(deserialize_with = "cleaned")] pub String);

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

fn cleaned<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(clean(&String::deserialize(deserializer)?))
}

/// A calendar date, written `2017-09-04` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_date(&text)
            .map(Date)
            .map_err(serde::de::Error::custom)
    }
}

/// A date written `2017-09-04`; what is wrong with any other text, in words.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        return Ok(date);
    }
    let numbers: Vec<Option<u32>> = trimmed
        .split('-')
        .map(|part| {
            (!part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect();
    let general =
        || format!("`{text}` is not a date written year-month-day; write it as 2017-09-04");
    let [Some(year), Some(month), Some(day)] = numbers.as_slice() else {
        return Err(general());
    };
    let year = *year as i32;
    let why = match u8::try_from(*month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
    {
        None => "a year has 12 months".to_owned(),
        Some(_) if *day == 0 => "days are numbered from 1".to_owned(),
        Some(name) if *day > days_in_month(year, *month) => {
            let days = days_in_month(year, *month);
            if *month == 2 {
                format!("{} {year} has {days} days", name.name())
            } else {
                format!("{} has {days} days", name.name())
            }
        }
        // Digits that chrono reads otherwise: `2017-09-004`, `17-09-04`.
        Some(_) => return Err(general()),
    };
    Err(format!("`{text}` is not a date: {why}"))
}

/// How many days a month has.
fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|first| first.pred_opt())
        .map_or(31, |last| last.day())
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

/// Who sends the note.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    /// The Secretary-General in person, or an office.
    pub role: Role,
    /// The Secretary-General's gender, `male` or `female`: the formulas
    /// agree with it.
    #[serde(default, deserialize_with = "crate::locale::person_gender")]
    pub gender: Option<Gender>,
    /// An office's name as it opens a sentence: "Le Bureau des affaires de désarmement".
    #[serde(default)]
    pub name: Option<Bilingual>,
    /// An office's short name for later sentences: "Le Bureau".
    #[serde(default)]
    pub short: Option<Bilingual>,
}

/// Whose name the note is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The Secretary-General: "presents his/her compliments" to persons.
    SecretaryGeneral,
    /// An office or a mission: "presents its compliments".
    Office,
}

/// Who receives the note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Addressees {
    /// Every Permanent Representative of the Member States and observer
    /// States: `addressees: circular`.
    #[default]
    Circular,
    /// Addressees written out, French with its preposition and contraction
    /// ("au Secrétaire exécutif"), English without ("the Executive Secretary"):
    /// `addressees: { fr: …, en: … }`.
    Named(Bilingual),
}

impl<'de> Deserialize<'de> for Addressees {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Keyword(String),
            Named(Bilingual),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::Keyword(keyword)) if keyword == "circular" => Ok(Addressees::Circular),
            Ok(Raw::Named(named)) => Ok(Addressees::Named(named)),
            _ => Err(serde::de::Error::custom(
                "expected `circular`, or the addressees in both languages: { fr: \"aux …\", en: \"the …\" }",
            )),
        }
    }
}

/// The treaty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Its title in running text, with the article: "la Convention sur les
    /// armes à sous-munitions" / "the Convention on Cluster Munitions".
    pub title: Bilingual,
    /// The year it was adopted.
    pub year: i32,
    /// Its short name after first mention: "la Convention" / "the Convention".
    pub short: Bilingual,
}

/// The resolution that asks for the meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    /// The resolution's symbol, as `70/54`.
    pub resolution: Text,
    /// Its title.
    pub title: Bilingual,
    /// The day the General Assembly adopted it.
    pub adopted: Date,
    /// The operative paragraph that asks for the meeting.
    pub paragraph: u32,
    /// That paragraph's official text from its verb on ("prie le Secrétaire
    /// général de…" / "requests the Secretary-General to…"), quoted as is.
    pub text: Bilingual,
}

/// The meeting being convened.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Its number: 7 for the Seventh Meeting.
    pub ordinal: u32,
    /// Its full name without article: "Assemblée des États parties à la Convention…".
    pub name: Bilingual,
    /// Its name in later mentions: "Assemblée des États parties".
    pub short: Bilingual,
    /// Its head noun: "Assemblée" / "Meeting".
    pub noun: Bilingual,
    /// The grammatical gender of the French name, `masculine` or
    /// `feminine`, for the ordinal and article.
    #[serde(deserialize_with = "crate::locale::noun_gender")]
    pub gender: Gender,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Where, as a phrase: "au Palais des Nations, à Genève" / "at the Palais des Nations in Geneva".
    pub venue: Bilingual,
    /// Who is invited, after "et d'inviter" / "and to invite".
    pub invitation: Bilingual,
}

/// A quoted passage of the treaty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quotation {
    /// The article.
    pub article: u32,
    /// The paragraph of that article, if any.
    #[serde(default)]
    pub paragraph: Option<u32>,
    /// The official text, quoted as is; `[...]` marks an omission.
    pub text: Bilingual,
}

/// The delegations paragraph.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delegations {
    /// The last day for communicating the composition of delegations.
    pub deadline: Date,
}

/// The secretariat's address block.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Secretariat {
    /// The postal address, one line each.
    pub address: Vec<Bilingual>,
    /// Telephone, in international form: `+41 22 917 1234`.
    #[serde(default)]
    pub phone: Option<Text>,
    /// Fax, in international form: `+41 22 917 0034`.
    #[serde(default)]
    pub fax: Option<Text>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<Text>,
    /// Website, with or without `https://`.
    #[serde(default)]
    pub website: Option<Text>,
}

/// Paragraphs of a resolution the note draws attention to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// The resolution's symbol, as `71/45`.
    pub resolution: Text,
    /// The day it was adopted.
    pub adopted: Date,
    /// The paragraphs meant, as `[4, 5]`.
    pub paragraphs: Vec<u32>,
    /// What the General Assembly says in them, from the verb on, as is.
    pub text: Bilingual,
    /// To whom the information goes: "au Bureau des affaires de désarmement"
    /// / "to the Office for Disarmament Affairs".
    pub send_to: Bilingual,
    /// By when.
    pub deadline: Date,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_symbols_have_their_usual_shapes() {
        for good in [
            "70/54",
            "A/RES/70/54",
            "A/RES/ES-10/19",
            "ES-10/19",
            "S/RES/2334 (2016)",
        ] {
            assert!(is_resolution_symbol(good), "{good}");
        }
        for bad in [
            "70-54",
            "70/",
            "/54",
            "A/RES/70",
            "res 70/54",
            "A/RES/70/54/1",
            "S/RES/2334",
            "",
        ] {
            assert!(!is_resolution_symbol(bad), "{bad}");
        }
    }

    #[test]
    fn email_and_web_addresses_are_recognised() {
        for good in [
            "ccm@unog.ch",
            "first.last+ccm@un.org",
            "o'brien@example.ie",
            "a@xn--p1ai.xn--p1ai",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "ccm at unog.ch",
            "mailto:ccm@unog.ch",
            "ccm@unog",
            "@unog.ch",
            "a@b@c.ch",
            "a b@c.ch",
            "ccm@unog.ch.",
            "a..b@un.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for good in [
            "www.unog.ch/ccm",
            "https://www.unog.ch/ccm",
            "http://un.org",
            "un.org/fr/?q=1",
        ] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "www",
            "https://",
            "ftp://un.org",
            "un.org/a b",
            "javascript:alert(1)",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn impossible_dates_are_explained_in_words() {
        for (text, message) in [
            (
                "2018-09-31",
                "`2018-09-31` is not a date: September has 30 days",
            ),
            (
                "2019-02-29",
                "`2019-02-29` is not a date: February 2019 has 28 days",
            ),
            (
                "2017-13-01",
                "`2017-13-01` is not a date: a year has 12 months",
            ),
            (
                "2017-09-00",
                "`2017-09-00` is not a date: days are numbered from 1",
            ),
            (
                "04/09/2017",
                "`04/09/2017` is not a date written year-month-day; write it as 2017-09-04",
            ),
            (
                "2017-09-004",
                "`2017-09-004` is not a date written year-month-day; write it as 2017-09-04",
            ),
        ] {
            assert_eq!(parse_date(text).unwrap_err(), message);
        }
        assert_eq!(
            parse_date("2020-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
    }
}
