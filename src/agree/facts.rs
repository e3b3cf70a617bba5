//! The facts of a text that its other language must state as well: dates,
//! times, numbers and ordinals (in figures or in words), document symbols,
//! e-mail and web addresses, telephone numbers and the names of States.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::States;
use super::words;
use crate::locale::language::pattern;
use crate::locale::{Lang, Language};

/// One fact, in a form that does not depend on the language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    /// A day: month 1 to 12; the year when the text gives it, the weekday
    /// (0 for Monday) when it names one.
    Date {
        /// The month, from 1.
        month: u32,
        /// The day of the month.
        day: u32,
        /// The year, if written or carried from the end of a range.
        year: Option<i32>,
        /// The weekday, if named: 0 for Monday.
        weekday: Option<u32>,
    },
    /// A time of day, in minutes from midnight.
    Time(u32),
    /// A number, in figures or in words, as digits with a point for decimals.
    Number(String),
    /// An ordinal number.
    Ordinal(u64),
    /// A document or resolution symbol.
    Symbol(String),
    /// An e-mail address, lowercase.
    Email(String),
    /// A web address, without its scheme and final slash, lowercase.
    Web(String),
    /// A telephone number, its digits.
    Phone(String),
    /// A State, by its code.
    State(String),
}

impl Fact {
    /// What the fact is, in words: "date", "number".
    pub fn what(&self) -> &'static str {
        match self {
            Fact::Date { .. } => "date",
            Fact::Time(_) => "time",
            Fact::Number(_) => "number",
            Fact::Ordinal(_) => "ordinal",
            Fact::Symbol(_) => "symbol",
            Fact::Email(_) => "e-mail address",
            Fact::Web(_) => "web address",
            Fact::Phone(_) => "telephone number",
            Fact::State(_) => "State",
        }
    }

    /// The facts this one is stated as as well: a number is also its
    /// ordinal ("article premier", "article 1") and a whole hour ("dans les
    /// 12 heures", "within 12 hours").
    pub fn equivalents(&self) -> Vec<Fact> {
        let mut all = vec![self.clone()];
        match self {
            Fact::Number(n) => {
                if let Ok(n) = n.parse::<u64>() {
                    all.push(Fact::Ordinal(n));
                    if n < 24 {
                        all.push(Fact::Time(n as u32 * 60));
                    }
                }
            }
            Fact::Ordinal(n) => all.push(Fact::Number(n.to_string())),
            Fact::Time(t) if t % 60 == 0 => all.push(Fact::Number((t / 60).to_string())),
            _ => {}
        }
        all
    }

    /// Whether `other` states the same: dates agree when one language leaves
    /// out the year or the weekday that the other gives.
    pub fn agrees(&self, other: &Fact) -> bool {
        match (self, other) {
            (
                Fact::Date {
                    month,
                    day,
                    year,
                    weekday,
                },
                Fact::Date {
                    month: month2,
                    day: day2,
                    year: year2,
                    weekday: weekday2,
                },
            ) => {
                fn either<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
                    a.is_none() || b.is_none() || a == b
                }
                month == month2 && day == day2 && either(year, year2) && either(weekday, weekday2)
            }
            _ => self.equivalents().contains(other),
        }
    }
}

/// A fact and where a text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The fact.
    pub fact: Fact,
    /// Where, in bytes of the text.
    pub span: Range<usize>,
    /// The words that state it, as written.
    pub written: String,
    /// Whether the words may well state no such fact ("les deux pays",
    /// "le Premier Ministre"): not a difference when the other language
    /// does not state it.
    pub weak: bool,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "“{}”",
            self.written
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"));
static WEB: LazyLock<Regex> =
    LazyLock::new(|| pattern(r#"(?i)\b(?:https?://|www\.)[^\s<>«»“”"]+"#));
// Its groups parted by spaces of a line, never by a line end.
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\(?\+[0-9]{1,3}\)?(?:[ \u{a0}\u{202f}.\-]?[0-9]{1,4}){2,}"));
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:[A-Z]{1,12}(?:\.[0-9]+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+|[0-9]{1,3}/[0-9]{1,4}[A-Z]?)\b",
    )
});
static WORD: LazyLock<Regex> = LazyLock::new(|| pattern(r"\p{L}+"));

/// Compiles the patterns that reading facts needs, in every language: a
/// few milliseconds that a process may spend on another thread while it
/// reads its templates.
pub fn prepare() {
    for pattern in [&EMAIL, &WEB, &PHONE, &SYMBOL, &WORD] {
        LazyLock::force(pattern);
    }
    for lang in Lang::ALL {
        lang.rules().reading();
    }
    States::builtin();
}

/// A text whose stated facts are blanked out as they are found, so that a
/// later, looser pattern does not find them again (the year of a date is
/// not a number of its own).
struct Reader {
    text: String,
    found: Vec<Found>,
}

impl Reader {
    /// Takes every match of `pattern`, each turned into facts by `read`.
    fn take(&mut self, pattern: &Regex, mut read: impl FnMut(&regex::Captures) -> Vec<Fact>) {
        let mut taken = Vec::new();
        for captures in pattern.captures_iter(&self.text) {
            let whole = captures.get(0).expect("a match has a whole");
            let facts = read(&captures);
            if facts.is_empty() {
                continue;
            }
            for fact in facts {
                taken.push(Found {
                    fact,
                    span: whole.range(),
                    written: whole.as_str().to_owned(),
                    weak: false,
                });
            }
        }
        for found in &taken {
            self.blank(found.span.clone());
        }
        self.found.extend(taken);
    }

    /// Takes each of `ranges`, in order, as the fact `read` makes of its
    /// words, if any.
    fn take_ranges(&mut self, ranges: Vec<Range<usize>>, read: impl Fn(&str) -> Option<Fact>) {
        let mut taken = Vec::new();
        for range in ranges {
            let written = &self.text[range.clone()];
            if let Some(fact) = read(written) {
                taken.push(Found {
                    fact,
                    span: range,
                    written: written.to_owned(),
                    weak: false,
                });
            }
        }
        for found in &taken {
            self.blank(found.span.clone());
        }
        self.found.extend(taken);
    }

    /// Blanks out a span, keeping every offset.
    fn blank(&mut self, span: Range<usize>) {
        let blank: String = self.text[span.clone()]
            .chars()
            .map(|c| " ".repeat(c.len_utf8()))
            .collect();
        self.text.replace_range(span, &blank);
    }
}

/// Every fact that `text`, written in `lang`, states, in the text's order.
pub fn facts(text: &str, lang: Lang, states: &States) -> Vec<Found> {
    read(text, lang.rules(), Some((states, lang)))
}

/// Every fact that `text`, written in `language`, states, in the text's
/// order; the names of States too when `states` gives them in the text's
/// language.
pub fn read(text: &str, language: &dyn Language, states: Option<(&States, Lang)>) -> Vec<Found> {
    let reading = language.reading();
    let mut reader = Reader {
        text: text.to_owned(),
        found: Vec::new(),
    };
    reader.take(&EMAIL, |c| vec![Fact::Email(c[0].to_lowercase())]);
    reader.take(&WEB, |c| {
        let web = c[0].trim_end_matches(['.', ',', ';', ':', ')', '»', '”', '?', '!', '\'', '’']);
        let web = web.to_lowercase();
        let web = web
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/');
        // The pages of one site in each language: `/fr/…` and `/en/…`.
        let mut web = web.to_owned();
        for lang in Lang::ALL {
            web = web.replace(&format!("/{lang}/"), "/");
        }
        let web = Lang::ALL
            .iter()
            .find_map(|lang| web.strip_suffix(&format!("/{lang}")))
            .unwrap_or(&web);
        vec![Fact::Web(web.to_owned())]
    });
    reader.take(&PHONE, |c| {
        vec![Fact::Phone(
            c[0].chars().filter(char::is_ascii_digit).collect(),
        )]
    });
    // A symbol has a number: "VIH/sida" and "HIV/AIDS" are words.
    reader.take(&SYMBOL, |c| {
        let symbol = &c[0];
        if symbol.contains(|c: char| c.is_ascii_digit()) {
            vec![Fact::Symbol(symbol.to_owned())]
        } else {
            Vec::new()
        }
    });
    for date in &reading.dates {
        reader.take(date, |c| {
            let month = month_of(&c["month"], language);
            let weekday = c.name("weekday").and_then(|d| day_of(d.as_str(), language));
            let first = language.day_number(&c["first"]);
            let last = c.name("last").and_then(|m| language.day_number(m.as_str()));
            range(first, last, month, year(c.name("year")), weekday)
        });
    }
    reader.take(&reading.time, |c| {
        language
            .times(c)
            .into_iter()
            .flat_map(|(hours, minutes)| time(hours, minutes))
            .collect()
    });
    carry_years(&mut reader.found, text, language);
    if let Some((states, lang)) = states {
        let found = states.find_in(lang, &reader.text);
        reader.take_ranges(found, |name| {
            states
                .code(lang, name)
                .map(|code| Fact::State(code.to_owned()))
        });
    }
    reader.take(&reading.ordinal, |c| {
        let number = &c[1];
        number
            .parse()
            .ok()
            .or_else(|| roman(number))
            .map(Fact::Ordinal)
            .into_iter()
            .collect()
    });
    numbers_in_words(&mut reader, language);
    let mark = language.decimal_mark();
    reader.take(&reading.number, |c| {
        let written = &c[0];
        if written.matches('.').count() > 1 {
            return vec![Fact::Number(written.to_owned())];
        }
        let (whole, decimals) = match written.split_once(mark) {
            Some(parts) => parts,
            // A section number, "3.2", is written with a point in every
            // language that does not group thousands with one.
            None if language.thousands_separator() != '.' => {
                written.split_once('.').unwrap_or((written, ""))
            }
            None => (written, ""),
        };
        let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        let digits = digits.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        let decimals = decimals.trim_end_matches('0');
        vec![Fact::Number(if decimals.is_empty() {
            digits.to_owned()
        } else {
            format!("{digits}.{decimals}")
        })]
    });
    reader.found.sort_by_key(|f| f.span.start);
    reader.found
}

/// Numbers and ordinals in words: runs of number words, joined by spaces,
/// hyphens, or a word for "and".
fn numbers_in_words(reader: &mut Reader, language: &dyn Language) {
    let words: Vec<(Range<usize>, String)> = WORD
        .find_iter(&reader.text)
        .map(|m| (m.range(), m.as_str().to_lowercase()))
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words::is_number_word(&words[i].1, language) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut next = i + 1;
        while next < words.len() {
            let gap = &reader.text[words[next - 1].0.end..words[next].0.start];
            if !(gap.trim().is_empty() || gap.trim() == "-") {
                break;
            }
            let word = words[next].1.as_str();
            if words::is_number_word(word, language) {
                end = next;
                next += 1;
            } else if words::is_and(word, language)
                && words.get(next + 1).is_some_and(|w| {
                    words::is_number_word(&w.1, language)
                        && language.joins(&words[next - 1].1, &w.1)
                })
            {
                next += 1;
            } else {
                break;
            }
        }
        let run: Vec<&str> = words[i..=end].iter().map(|(_, w)| w.as_str()).collect();
        let before = i.checked_sub(1).map(|b| words[b].1.as_str());
        let span = words[i].0.start..words[end].0.end;
        if let Some(number) = words::number_in(&run, language, before) {
            found.push(Found {
                weak: number.weak,
                fact: if number.ordinal {
                    Fact::Ordinal(number.value)
                } else {
                    Fact::Number(number.value.to_string())
                },
                written: reader.text[span.clone()].to_owned(),
                span,
            });
        }
        i = end + 1;
    }
    for f in &found {
        reader.blank(f.span.clone());
    }
    reader.found.extend(found);
}

/// The dates of `first` (to `last`) `month` `year`: both days of a range.
fn range(
    first: Option<u32>,
    last: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    weekday: Option<u32>,
) -> Vec<Fact> {
    let Some(month) = month else {
        return Vec::new();
    };
    let mut dates = Vec::new();
    if let Some(day) = first {
        dates.push(Fact::Date {
            month,
            day,
            year,
            weekday,
        });
    }
    if let Some(day) = last {
        dates.push(Fact::Date {
            month,
            day,
            year,
            weekday: None,
        });
    }
    dates
}

/// A date without its year takes the year of the date that ends its range:
/// "du 30 août au 2 septembre 2022", "30 August to 2 September 2022". The
/// words between the two are those of any language: a text may quote
/// another.
fn carry_years(found: &mut [Found], text: &str, language: &dyn Language) {
    found.sort_by_key(|f| f.span.start);
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (head, tail) = found.split_at_mut(i + 1);
        let (this, next) = (&mut head[i], &tail[0]);
        let (
            Fact::Date {
                year: year @ None,
                month,
                ..
            },
            Fact::Date {
                year: Some(next_year),
                month: next_month,
                ..
            },
        ) = (&mut this.fact, &next.fact)
        else {
            continue;
        };
        let gap = text
            .get(this.span.end..next.span.start)
            .unwrap_or_default()
            .trim()
            .to_lowercase();
        // "from 31 December to 2 January 2020": the year before.
        let next_year = if *month > *next_month {
            *next_year - 1
        } else {
            *next_year
        };
        let joins =
            |rules: &dyn Language| rules.range_ends().contains(&gap.as_str()) || rules.and() == gap;
        if this.span == next.span
            || matches!(gap.as_str(), "-" | "–")
            || joins(language)
            || Lang::ALL.iter().any(|lang| joins(lang.rules()))
        {
            *year = Some(next_year);
        }
    }
}

fn month_of(name: &str, language: &dyn Language) -> Option<u32> {
    let name = name.to_lowercase();
    language
        .months()
        .iter()
        .position(|m| m.to_lowercase() == name)
        .map(|i| i as u32 + 1)
}

fn day_of(name: &str, language: &dyn Language) -> Option<u32> {
    let name = name.to_lowercase();
    language
        .weekdays()
        .iter()
        .position(|d| d.to_lowercase() == name)
        .map(|i| i as u32)
}

fn year(found: Option<regex::Match>) -> Option<i32> {
    found.and_then(|m| m.as_str().parse().ok())
}

/// The value of a Roman numeral, as "XXIe siècle" writes it.
fn roman(text: &str) -> Option<u64> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u64> = text.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &digit) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > digit) {
            total -= digit as i64;
        } else {
            total += digit as i64;
        }
    }
    u64::try_from(total).ok().filter(|&n| n > 0)
}

fn time(hours: u32, minutes: u32) -> Vec<Fact> {
    if hours < 24 && minutes < 60 {
        vec![Fact::Time(hours * 60 + minutes)]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, lang: Lang) -> Vec<Fact> {
        facts(text, lang, &States::default())
            .into_iter()
            .map(|f| f.fact)
            .collect()
    }

    fn date(day: u32, month: u32, year: Option<i32>) -> Fact {
        Fact::Date {
            month,
            day,
            year,
            weekday: None,
        }
    }

    #[test]
    fn dates_of_both_languages() {
        assert_eq!(
            of("du 30 août au 2 septembre 2022", Lang::Fr),
            [date(30, 8, Some(2022)), date(2, 9, Some(2022))]
        );
        assert_eq!(
            of("from 30 August to 2 September 2022", Lang::En),
            [date(30, 8, Some(2022)), date(2, 9, Some(2022))]
        );
        assert_eq!(
            of("du 4 au 6 septembre 2017", Lang::Fr),
            [date(4, 9, Some(2017)), date(6, 9, Some(2017))]
        );
        assert_eq!(of("le 1er mai", Lang::Fr), [date(1, 5, None)]);
        assert_eq!(
            of("on Friday, 18 August 2017", Lang::En),
            [Fact::Date {
                month: 8,
                day: 18,
                year: Some(2017),
                weekday: Some(4)
            }]
        );
        assert_eq!(of("by April 28, 2017", Lang::En), [date(28, 4, Some(2017))]);
    }

    #[test]
    fn numbers_symbols_and_addresses() {
        assert_eq!(
            of("aux paragraphes 4 et 5 de la résolution 71/41", Lang::Fr),
            [
                Fact::Number("4".into()),
                Fact::Number("5".into()),
                Fact::Symbol("71/41".into())
            ]
        );
        assert_eq!(
            of("3\u{a0}000 mots, 2,5 %", Lang::Fr),
            [Fact::Number("3000".into()), Fact::Number("2.5".into())]
        );
        assert_eq!(
            of("3,000 words, 2.5 per cent", Lang::En),
            [Fact::Number("3000".into()), Fact::Number("2.5".into())]
        );
        assert_eq!(
            of(
                "write to oda@un.org or see www.un.org/disarmament.",
                Lang::En
            ),
            [
                Fact::Email("oda@un.org".into()),
                Fact::Web("www.un.org/disarmament".into())
            ]
        );
        assert_eq!(
            of("Télécopie : (+41) 22 917 0034", Lang::Fr),
            [Fact::Phone("41229170034".into())]
        );
        assert_eq!(
            of("la soixante et onzième session, la 7e Assemblée", Lang::Fr),
            [Fact::Ordinal(71), Fact::Ordinal(7)]
        );
        assert_eq!(of("at 3 p.m.", Lang::En), [Fact::Time(15 * 60)]);
        assert_eq!(of("à 15 heures", Lang::Fr), [Fact::Time(15 * 60)]);
        assert_eq!(
            of("l'un des dix pour cent", Lang::Fr),
            [Fact::Number("10".into())]
        );
        assert_eq!(
            of("document CCM/MSP/2017/1 et A/RES/71/41", Lang::Fr),
            [
                Fact::Symbol("CCM/MSP/2017/1".into()),
                Fact::Symbol("A/RES/71/41".into())
            ]
        );
    }
}
