//! What no line may end inside: a number and the word it counts (`3 000
//! mots`, `14 States`), the word a number follows (`article 14`, `paragraph
//! 7`, `résolution 70/54`, `annexe II`), a date's day, month and year (`7
//! septembre 2015`, `du 7 au 11`, `August 14, 1987`), and the titles and
//! initials before a name (`S. E. M. Dupont`, `H.E. Mr. Smith`).
//!
//! The rule is the same in every language; each language gives its words:
//! its months ([`Language::months`]), the words of a range
//! ([`Language::range_ends`], [`Language::and`]), the words a number follows
//! ([`Language::numbered`]) and its titles ([`Language::titles`]). The space
//! between two words that hold together becomes a no-break space.

use super::Language;

/// No-break space.
const NBSP: char = '\u{a0}';
/// Narrow no-break space.
const NNBSP: char = '\u{202f}';

/// The longest run of words kept together, in bytes (as many characters,
/// or fewer): past it a line may end again, so that no run outgrows a line.
const LONGEST: usize = 40;

/// Marks that may open a word before the word itself: `(article 3)`.
const OPENING: [char; 7] = ['(', '[', '{', '«', '“', '‘', '"'];
/// Marks that may close a word after the word itself: `(article 3)`.
const CLOSING: [char; 12] = [')', ']', '}', '»', '”', '’', '"', ',', ';', ':', '!', '?'];
/// Marks after which a phrase does not run on.
const ENDING: [char; 10] = [',', ';', ':', '!', '?', ')', ']', '»', '”', '"'];

/// `text` with the spaces between words that hold together made no-break
/// spaces, by the rules of `language`. Only plain spaces change; a run of
/// words kept together never passes [`LONGEST`] characters.
pub fn keep_together(text: &str, language: &dyn Language) -> String {
    if !text.contains(' ') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut words = Words { text, at: 0 };
    let Some((start, mut word)) = words.next() else {
        return text.to_owned();
    };
    out.push_str(&text[..start]);
    let mut before: Option<&str> = None;
    // The length of the run the current word ends, in bytes: as many
    // characters, or fewer.
    let mut run = 0;
    loop {
        out.push_str(word);
        run += word.len();
        let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
        let Some((next_start, next)) = words.next() else {
            out.push_str(&text[end..]);
            break;
        };
        let gap = &text[end..next_start];
        if gap == " " && run + 1 + next.len() <= LONGEST && binds(before, word, next, language) {
            out.push(NBSP);
            run += NBSP.len_utf8();
        } else {
            out.push_str(gap);
            if gap.chars().all(|c| c == NBSP || c == NNBSP) {
                run += gap.len();
            } else {
                run = 0;
            }
        }
        before = Some(word);
        word = next;
    }
    out
}

/// The words of a text, each with where it starts: what white space parts.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.text[self.at..];
        let start = self.at + rest.find(|c: char| !c.is_whitespace())?;
        let end = self.text[start..]
            .find(char::is_whitespace)
            .map_or(self.text.len(), |i| start + i);
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// Whether the words `left` and `right`, with one space between them and
/// `before` the word before `left`, hold together in `language`: the space
/// between them may not end a line.
pub fn binds(before: Option<&str>, left: &str, right: &str, language: &dyn Language) -> bool {
    let right_bare = right.trim_start_matches(OPENING);
    let Some(right_first) = right_bare.chars().next() else {
        return false;
    };
    // What the word on the right may be held to: a figure, a Roman numeral
    // or a capital after the word before; a word after a number.
    let figure = right_first.is_ascii_digit();
    let capital = right_first.is_uppercase();
    let left_is_number = left.starts_with(|c: char| c.is_ascii_digit());
    if !figure && !capital && !left_is_number {
        return false;
    }
    // An elided article belongs to its word: l'article 14.
    let left_word = left
        .rsplit(['\'', '’'])
        .next()
        .unwrap_or(left)
        .trim_start_matches(OPENING);
    let right_word = right_bare.trim_end_matches(CLOSING);
    if left.ends_with(ENDING) {
        // August 14, 1987: the year goes with its month and day.
        return figure
            && left.ends_with(',')
            && is_year(right_word)
            && is_number(left_word.trim_end_matches(','))
            && before.is_some_and(|b| is_month(b.trim_start_matches(OPENING), language));
    }
    // 3 000 mots, 14 States, 7 septembre, 1er mai, 10 a.m.
    (left_is_number && right_first.is_alphabetic() && is_number(left_word))
        // article 14, résolution 70/54, annexe II, No. 3
        || ((figure || capital) && is_numeral(right_word) && is_numbered(left_word, language))
        || (figure && (
            // du 7 au 11, from 4 to 6 September, 4 and 5 September
            (left_word == language.period().from && is_day(right_word))
            || (is_range_word(left_word, language)
                && is_number(right_word)
                && before.is_some_and(is_number))
            // septembre 2015, August 14
            || ((is_year(right_word) || is_day(right_word)) && is_month(left_word, language))
        ))
        // M. Dupont, S. E. M., H.E. Mr. Smith, J. Dupont
        || (capital && is_title(left_word, language))
}

/// A number in figures, its groups of thousands or decimals included, or
/// an ordinal in figures: `14`, `3 000` (a group), `2,5`, `1er`, `21st`,
/// `1ᵉʳ`.
fn is_number(word: &str) -> bool {
    let figures = word
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | NBSP | NNBSP)))
        .unwrap_or(word.len());
    let (figures, suffix) = word.split_at(figures);
    figures.starts_with(|c: char| c.is_ascii_digit())
        && figures.ends_with(|c: char| c.is_ascii_digit())
        && (suffix.is_empty() || is_ordinal_suffix(suffix))
}

/// The letters of an ordinal in figures, raised or not: `er`, `e`, `st`,
/// `ᵉʳ`.
fn is_ordinal_suffix(suffix: &str) -> bool {
    let raised = |c: char| matches!(c, 'ᵉ' | 'ʳ' | 'ˢ' | 'ᵒ');
    suffix.chars().all(raised)
        || matches!(
            suffix,
            "er" | "re" | "ers" | "res" | "e" | "es" | "ème" | "èmes" | "st" | "nd" | "rd" | "th"
        )
}

/// What a word that counts may be followed by: a number (`14`, `70/54`,
/// `7.2`, `3 bis`), a Roman numeral (`II`), or a capital with figures, as
/// rooms and symbols are numbered (`C.117`, `S-3024`, `A/72/1`).
fn is_numeral(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || (!word.is_empty() && word.chars().all(|c| "IVXLCDM".contains(c)))
        || (word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.bytes().any(|b| b.is_ascii_digit()))
}

/// A year in figures: four digits.
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.chars().all(|c| c.is_ascii_digit())
}

/// A day of the month in figures: `4`, `1er`.
fn is_day(word: &str) -> bool {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&digits) && is_number(word)
}

/// A month's name, as the language writes it or capitalized.
fn is_month(word: &str, language: &dyn Language) -> bool {
    let Some(first) = word.chars().next().filter(|c| c.is_alphabetic()) else {
        return false;
    };
    let rest = &word[first.len_utf8()..];
    language.months().iter().any(|month| {
        if month.len() != word.len() {
            return false;
        }
        let mut chars = month.chars();
        chars
            .next()
            .is_some_and(|m| m == first || m.to_uppercase().eq(std::iter::once(first)))
            && chars.as_str() == rest
    })
}

/// A word that ends a range of days before its last: `au`, `to`, `et`,
/// `and`, or a dash.
fn is_range_word(word: &str, language: &dyn Language) -> bool {
    word == language.and() || language.range_ends().contains(&word) || matches!(word, "–" | "-")
}

/// A word a number follows, in any case: `article`, `paragraphe`, `No.`.
fn is_numbered(word: &str, language: &dyn Language) -> bool {
    language.numbered().iter().any(|numbered| {
        numbered.len() == word.len()
            && word
                .chars()
                .flat_map(char::to_lowercase)
                .eq(numbered.chars())
    })
}

/// A title or an initial before a name: `M.`, `Mme`, `Mr.`, `S.`, `H.E.`.
fn is_title(word: &str, language: &dyn Language) -> bool {
    if language.titles().contains(&word) {
        return true;
    }
    // Initials: capitals, each followed by a point: `J.`, `H.E.`.
    let mut chars = word.chars();
    let mut initials = 0;
    while let Some(c) = chars.next() {
        if !(c.is_uppercase() && chars.next() == Some('.')) {
            return false;
        }
        initials += 1;
    }
    (1..=3).contains(&initials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    fn kept(text: &str, lang: Lang) -> String {
        keep_together(text, lang.rules()).replace(NBSP, "~")
    }

    #[test]
    fn dates_hold_together() {
        assert_eq!(
            kept("du 7 au 11 septembre 2015, à Genève", Lang::Fr),
            "du~7~au~11~septembre~2015, à Genève"
        );
        assert_eq!(kept("le 1er mai 2018", Lang::Fr), "le 1er~mai~2018");
        assert_eq!(
            kept("from 4 to 6 September 2017 in Geneva", Lang::En),
            "from~4~to~6~September~2017~in Geneva"
        );
        assert_eq!(
            kept("on August 14, 1987, in", Lang::En),
            "on August~14,~1987, in"
        );
        assert_eq!(kept("4 and 5 September", Lang::En), "4~and~5~September");
        // "may" is no month.
        assert_eq!(kept("States may 2 or", Lang::En), "States may 2~or");
    }

    #[test]
    fn numbers_hold_with_their_words() {
        assert_eq!(
            kept(
                "l'article 14 et le paragraphe 7 de la résolution 70/54",
                Lang::Fr
            ),
            "l'article~14~et le paragraphe~7~de la résolution~70/54"
        );
        assert_eq!(
            kept(
                "voir page 2 et l’annexe II, soit 3\u{202f}000 mots",
                Lang::Fr
            ),
            "voir page~2~et l’annexe~II, soit 3\u{202f}000~mots"
        );
        assert_eq!(
            kept("paragraphs 4 and 5 of resolution 71/45 (No. 3)", Lang::En),
            "paragraphs~4~and~5~of resolution~71/45 (No.~3)"
        );
        // A number that ends a phrase stays apart.
        assert_eq!(kept("item 5. The", Lang::En), "item~5. The");
    }

    #[test]
    fn titles_and_initials_hold_with_the_name() {
        assert_eq!(
            kept("S. E. M. Jean Dupont", Lang::Fr),
            "S.~E.~M.~Jean Dupont"
        );
        assert_eq!(kept("à Mme Dupont", Lang::Fr), "à Mme~Dupont");
        assert_eq!(
            kept("H.E. Mr. John Smith and J. R. Doe", Lang::En),
            "H.E.~Mr.~John Smith and J.~R.~Doe"
        );
        // A lowercase word after a capital's point is no name.
        assert_eq!(kept("plan A. and", Lang::En), "plan A. and");
    }

    #[test]
    fn a_run_never_outgrows_a_line() {
        let initials = "A. ".repeat(40);
        let kept = kept(&initials, Lang::En);
        assert!(
            kept.split(' ').all(|run| run.chars().count() <= LONGEST),
            "{kept}"
        );
        assert!(kept.contains(' '));
    }

    #[test]
    fn keeping_together_is_idempotent_and_only_changes_spaces() {
        for lang in Lang::ALL {
            for text in [
                "du 7 au 11 septembre 2015",
                "S. E. M. Dupont, article 14",
                "3 000 mots",
                " a  b ",
                "",
            ] {
                let once = keep_together(text, lang.rules());
                assert_eq!(keep_together(&once, lang.rules()), once);
                assert_eq!(once.replace(NBSP, " "), text, "{text:?} in {lang}");
            }
        }
    }
}
