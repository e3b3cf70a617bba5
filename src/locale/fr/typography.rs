//! French typography of running text: the spaces before high punctuation
//! and inside guillemets.

use crate::locale::typography::{address_mask, is_hspace, is_line_break};

/// No-break space, before `:`.
const NBSP: char = '\u{a0}';
/// Narrow no-break space, before `;` `!` `?` `»` and after `«`.
const NNBSP: char = '\u{202f}';

/// Punctuation that takes a space before it in French.
const HIGH: [char; 4] = [':', ';', '!', '?'];
/// Closing marks after which high punctuation still counts as ending a phrase.
const CLOSING: [char; 5] = [')', '»', '”', '"', ']'];
/// Opening marks right after which no space is put (`(?)` stays as is).
const OPENING: [char; 5] = ['(', '[', '{', '“', '‘'];
/// The space French typography wants between `chars[l]` and `chars[r]`
/// (with only spaces between them), or `None` to keep what is there.
fn wanted_space(chars: &[char], address: &[bool], l: usize, r: usize) -> Option<char> {
    let (lc, rc) = (chars[l], chars[r]);
    if is_line_break(lc) || is_line_break(rc) {
        return None;
    }
    // Only the first mark of a run like `?!` gets a space.
    if HIGH.contains(&rc) && !HIGH.contains(&chars[r - 1]) {
        let after = chars[r..].iter().find(|c| !HIGH.contains(c));
        let ends_phrase = after.is_none_or(|&c| c.is_whitespace() || CLOSING.contains(&c));
        if address[r] || !ends_phrase || OPENING.contains(&lc) {
            return None;
        }
        return Some(if rc == ':' { NBSP } else { NNBSP });
    }
    if (rc == '»' && !address[r]) || (lc == '«' && !address[l]) {
        return Some(NNBSP);
    }
    None
}

/// French spacing (Imprimerie nationale): a no-break space before `:`, a narrow
/// no-break space before `;` `!` `?` and `»` and after `«`; missing spaces are
/// inserted and plain or wrong ones (a whole run of them) replaced.
///
/// `:;!?` count only when their run is followed by whitespace, the end of text
/// or a closing mark `)` `»` `”` `"` `]`, which leaves `10:00`, `a?b` and
/// symbols alone. Nothing is changed at the start of text or of a line, right
/// after an opening bracket or quote (`(?)`), or inside a URL or e-mail token
/// (a whitespace-delimited token containing `@` or `://`, or starting `www.` or
/// `mailto:`). Idempotent.
pub fn french_spacing(text: &str) -> String {
    // Only high punctuation and guillemets take a space.
    if !text.contains([':', ';', '!', '?', '«', '»']) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let address = address_mask(&chars);
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    // Each step handles one gap of spaces (often empty) and the char after it.
    while i < chars.len() {
        let j = (i..chars.len())
            .find(|&k| !is_hspace(chars[k]))
            .unwrap_or(chars.len());
        let wanted = match (i.checked_sub(1), j < chars.len()) {
            (Some(l), true) => wanted_space(&chars, &address, l, j),
            _ => None,
        };
        match wanted {
            Some(space) => out.push(space),
            None => out.extend(&chars[i..j]),
        }
        if let Some(&c) = chars.get(j) {
            out.push(c);
        }
        i = j + 1;
    }
    out
}

/// French figures as the Imprimerie nationale sets them: thousands grouped
/// by a narrow no-break space (`3 000` typed with a space becomes
/// `3\u{202f}000`), the letters of an ordinal raised (`1er` becomes `1ᵉʳ`,
/// `2e` and `2ème` become `2ᵉ`, `XXIe` becomes `XXIᵉ`) and `no` before a
/// number raised too (`nᵒ 5`). The raised letters are Unicode's modifier
/// letters, which the page sets as superscripts.
pub fn figures(text: &str) -> String {
    let roman = ["Ie", "Ve", "Xe", "Ir"]
        .iter()
        .any(|pair| text.contains(pair));
    if !roman && !text.bytes().any(|b| b.is_ascii_digit()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    // Whether the word before may be followed by a group of thousands.
    let mut opens = false;
    // Whether the word is part of a telephone number in international form.
    let mut phone = false;
    while !rest.is_empty() {
        let gap = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
        let (space, after) = rest.split_at(gap);
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        let (word, tail) = after.split_at(end);
        let next = tail.split_whitespace().next();
        // `3 000`: a space between groups of figures is a narrow one.
        // The groups of a telephone number are no thousands: `(+41) 22 917`.
        phone = word.starts_with("+")
            || word.starts_with("(+")
            || (phone && word.chars().all(|c| c.is_ascii_digit()));
        let grouped = space == " " && opens && !phone && is_group(word);
        if grouped {
            out.push(NNBSP);
        } else {
            out.push_str(space);
        }
        match raised(word, next) {
            Some(raised) => out.push_str(&raised),
            None => out.push_str(word),
        }
        opens = (grouped && word.len() == 3) || opens_thousands(word);
        rest = tail;
    }
    out
}

/// Whether a word may be the first figures of a number whose thousands
/// follow: `3`, `12`, `100`; a number never starts with `0`.
fn opens_thousands(word: &str) -> bool {
    (1..=3).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_digit())
        && !word.starts_with('0')
}

/// Whether a word is a group of three figures, perhaps with decimals and
/// the punctuation after it: `000`, `500,5`, `000.`.
fn is_group(word: &str) -> bool {
    let bare = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»']);
    let (whole, decimals) = bare.split_once(',').unwrap_or((bare, ""));
    whole.len() == 3
        && whole.chars().all(|c| c.is_ascii_digit())
        && decimals.chars().all(|c| c.is_ascii_digit())
}

/// The word with the letters of its ordinal raised, or `no` before a number
/// raised: `1er` gives `1ᵉʳ`; none when there is nothing to raise.
fn raised(word: &str, next: Option<&str>) -> Option<String> {
    let start = word.len() - word.trim_start_matches(['(', '[', '«', '“']).len();
    let bare = word[start..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '»', '”']);
    let (head, tail) = (&word[..start], &word[start + bare.len()..]);
    if matches!(bare, "no" | "No" | "n°" | "N°" | "nº" | "Nº")
        && next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    {
        let n = &bare[..1];
        return Some(format!("{head}{n}ᵒ{tail}"));
    }
    let figures = bare.len()
        - bare
            .trim_start_matches(|c: char| c.is_ascii_digit() || "IVXLC".contains(c))
            .len();
    let (number, suffix) = bare.split_at(figures);
    let arabic = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    // A Roman numeral of one letter is I, V or X: `Le`, `Ce`, `De` are words.
    let roman = number.chars().all(|c| "IVXLC".contains(c))
        && (number.len() >= 2 || matches!(number, "I" | "V" | "X"));
    if !(arabic || roman) {
        return None;
    }
    let raised = match suffix {
        "er" => "ᵉʳ",
        "re" | "ère" => "ʳᵉ",
        "ers" => "ᵉʳˢ",
        "res" | "ères" => "ʳᵉˢ",
        "e" | "ème" | "eme" => "ᵉ",
        "es" | "èmes" | "emes" => "ᵉˢ",
        _ => return None,
    };
    Some(format!("{head}{number}{raised}{tail}"))
}

#[cfg(test)]
mod figures_tests {
    use super::figures;

    #[test]
    fn thousands_are_grouped_by_a_narrow_space() {
        assert_eq!(figures("3 000 mots"), "3\u{202f}000 mots");
        assert_eq!(
            figures("1 000 000,5 francs"),
            "1\u{202f}000\u{202f}000,5 francs"
        );
        // Neither a telephone number nor two numbers.
        assert_eq!(figures("022 917 0034"), "022 917 0034");
        assert_eq!(figures("(+41) 22 917 0034"), "(+41) 22 917 0034");
        assert_eq!(figures("+1 212 963 1234"), "+1 212 963 1234");
        assert_eq!(
            figures("paragraphes 4 et 5, 100 États"),
            "paragraphes 4 et 5, 100 États"
        );
        assert_eq!(
            figures("Scheveningseweg 6 2517 KT"),
            "Scheveningseweg 6 2517 KT"
        );
    }

    #[test]
    fn ordinals_are_raised() {
        assert_eq!(figures("le 1er mai"), "le 1ᵉʳ mai");
        assert_eq!(figures("la 1re et la 2e séance"), "la 1ʳᵉ et la 2ᵉ séance");
        assert_eq!(
            figures("la 72ème session, XXIe siècle"),
            "la 72ᵉ session, XXIᵉ siècle"
        );
        assert_eq!(figures("(no 5) et nº 6"), "(nᵒ 5) et nᵒ 6");
        // Words, symbols and a lone no stay.
        for text in [
            "Le Ce De Me",
            "A/72/2e",
            "no comment",
            "2017e1",
            "Ve République",
        ] {
            let expected = if text == "Ve République" {
                "Vᵉ République"
            } else {
                text
            };
            assert_eq!(figures(text), expected);
        }
    }
}
