//! Spacing, apostrophes, clean-up, phone numbers and numbers: the rules
//! shared by every language, French spacing, and forwards to each language's
//! own (see [`super::Language`]).

use super::Lang;
pub use super::fr::french_spacing;

/// No-break space, which `clean` keeps.
const NBSP: char = '\u{a0}';
/// Narrow no-break space, which `clean` keeps.
const NNBSP: char = '\u{202f}';

/// Marks stripped from the front of a token before looking for `www.`.
const LEADING: [char; 7] = ['(', '[', '{', '“', '‘', '"', '«'];
/// Characters that end a line.
const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
];

pub(super) fn is_line_break(c: char) -> bool {
    LINE_BREAKS.contains(&c)
}

/// Whitespace within a line: the spaces `french_spacing` may replace.
pub(super) fn is_hspace(c: char) -> bool {
    c.is_whitespace() && !is_line_break(c)
}

/// Whether a whitespace-delimited token is a URL or an e-mail address.
fn is_address(token: &[char]) -> bool {
    let s: String = token.iter().collect();
    let bare = s.trim_start_matches(LEADING).to_ascii_lowercase();
    s.contains('@') || s.contains("://") || bare.starts_with("www.") || bare.starts_with("mailto:")
}

/// For each char, whether it belongs to a URL or e-mail token.
pub(super) fn address_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut start = 0;
    for end in 0..=chars.len() {
        if end == chars.len() || chars[end].is_whitespace() {
            if start < end && is_address(&chars[start..end]) {
                mask[start..end].fill(true);
            }
            start = end + 1;
        }
    }
    mask
}

/// Turns every straight apostrophe `'` into the typographic `’`, except inside
/// URL or e-mail tokens (as for [`french_spacing`]).
pub fn apostrophes(text: &str) -> String {
    if !text.contains('\'') {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let address = address_mask(&chars);
    chars
        .iter()
        .zip(address)
        .map(|(&c, a)| if c == '\'' && !a { '’' } else { c })
        .collect()
}

/// Expansion of the presentation-form ligatures U+FB00–U+FB06.
/// An explicit bidirectional formatting character: LRE, RLE, PDF, LRO, RLO,
/// LRI, RLI, FSI, PDI.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn ligature(c: char) -> Option<&'static str> {
    const LIGATURES: [&str; 7] = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];
    let i = (c as u32).checked_sub(0xFB00)?;
    LIGATURES.get(i as usize).copied()
}

/// Normalizes a value read from YAML:
/// - every run of whitespace (anything `char::is_whitespace`: spaces, tabs, line
///   breaks, U+0085, U+2028, U+2029, U+00A0, U+202F…) becomes one character:
///   the first no-break space (U+00A0 or U+202F) of the run if it has one, so a
///   lone no-break space is kept, else a plain space;
/// - whitespace at both ends is removed;
/// - the ligatures U+FB00–U+FB06 are spelled out (`ﬁ` → `fi`, `ﬅ`/`ﬆ` → `st`);
/// - other control characters (category Cc, e.g. U+0000, U+0007, U+007F) are
///   dropped, without breaking a run of whitespace around them;
/// - so are the explicit bidirectional embeddings, overrides and isolates
///   (U+202A–U+202E, U+2066–U+2069), with which a value could print in an
///   order other than the one it is written in: Arabic and Hebrew text still
///   runs right to left by itself;
/// - and the noncharacters U+FDD0–U+FDEF, which Unicode keeps for a program's
///   own use (noteverbale marks template lines with them).
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The space owed for the current run, written only once a word follows.
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            let no_break = c == NBSP || c == NNBSP;
            pending = match pending {
                Some(p) if p != ' ' => Some(p),
                _ if no_break => Some(c),
                _ => Some(' '),
            };
            continue;
        }
        if c.is_control() || is_bidi_control(c) || ('\u{FDD0}'..='\u{FDEF}').contains(&c) {
            continue;
        }
        if let Some(space) = pending.take()
            && !out.is_empty()
        {
            out.push(space);
        }
        match ligature(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

/// A phone number in the house style: given `+41 22 917 0034`, French writes
/// `(+41) 22 917 0034` and English keeps it. Either form is turned into the
/// other as needed; anything else is returned trimmed and otherwise unchanged.
///
/// The groups are joined by no-break spaces: a number never breaks across
/// lines.
pub fn phone(number: &str, lang: Lang) -> String {
    let number = number.trim();
    let whole = |text: String| text.replace(char::is_whitespace, "\u{a0}");
    let (code, rest) = match split_country_code(number) {
        Some(parts) => parts,
        None => return whole(number.to_owned()),
    };
    whole(lang.rules().phone(code, rest))
}

/// `text` with the spaces inside telephone numbers written in international
/// form (`+41 22 917 0034`, `(+41) 22 917 0034`) made no-break spaces: a
/// number typed in running text never breaks across lines either.
pub fn whole_phone_numbers(text: &str) -> String {
    if !text.contains('+') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('+') {
        let opens = rest[..at].ends_with('(');
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let code = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let mut end = at + 1 + code;
        if code > 0 && code <= 3 {
            if opens && rest[end..].starts_with(')') {
                end += 1;
            }
            // Groups of digits, each after one space.
            let mut groups = 0;
            loop {
                let tail = &rest[end..];
                let Some(spaced) = tail.strip_prefix([' ', '\u{a0}']) else {
                    break;
                };
                let digits = spaced.len()
                    - spaced
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .len();
                if digits == 0 || digits > 4 {
                    break;
                }
                end += tail.len() - spaced.len() + digits;
                groups += 1;
            }
            if groups >= 2 {
                out.push_str(&rest[at..end].replace(' ', "\u{a0}"));
                rest = &rest[end..];
                continue;
            }
        }
        out.push('+');
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

/// Splits `+41 22…` or `(+41) 22…` into `41` and ` 22…` (rest starts with the space).
fn split_country_code(number: &str) -> Option<(&str, &str)> {
    let (body, closing) = match number.strip_prefix("(+") {
        Some(body) => (body, ")"),
        None => (number.strip_prefix('+')?, ""),
    };
    let digits = body.find(|c: char| !c.is_ascii_digit())?;
    let (code, rest) = body.split_at(digits);
    let rest = rest.strip_prefix(closing)?;
    let starts_with_space = rest.chars().next().is_some_and(char::is_whitespace);
    (!code.is_empty() && starts_with_space).then_some((code, rest))
}

/// An integer with its thousands grouped: `12 345` with a narrow no-break
/// space in French, `12,345` in English. Not for years, postcodes or symbols.
pub fn number(n: i64, lang: Lang) -> String {
    let separator = lang.rules().thousands_separator();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs(s: &str) -> String {
        french_spacing(s)
    }

    #[test]
    fn spacing_inserts() {
        assert_eq!(fs("Note:"), "Note\u{a0}:");
        assert_eq!(fs("Objet: la note"), "Objet\u{a0}: la note");
        assert_eq!(fs("Vraiment?"), "Vraiment\u{202f}?");
        assert_eq!(fs("Oui; non!"), "Oui\u{202f}; non\u{202f}!");
        assert_eq!(fs("«Convention»"), "«\u{202f}Convention\u{202f}»");
        assert_eq!(fs("la «Convention»."), "la «\u{202f}Convention\u{202f}».");
    }

    #[test]
    fn spacing_replaces() {
        assert_eq!(fs("Note :"), "Note\u{a0}:");
        assert_eq!(fs("Note\u{202f}: x"), "Note\u{a0}: x");
        assert_eq!(fs("Quoi\u{a0}?"), "Quoi\u{202f}?");
        assert_eq!(fs("Quoi   ?"), "Quoi\u{202f}?");
        assert_eq!(fs("Quoi \t?"), "Quoi\u{202f}?");
        assert_eq!(fs("« Convention »"), "«\u{202f}Convention\u{202f}»");
        assert_eq!(
            fs("«\u{a0}Convention\u{a0}»"),
            "«\u{202f}Convention\u{202f}»"
        );
    }

    #[test]
    fn spacing_keeps_right_spaces() {
        let good = "Objet\u{a0}: «\u{202f}x\u{202f}»\u{202f}; oui\u{202f}!";
        assert_eq!(fs(good), good);
    }

    #[test]
    fn no_space_before_period_or_comma() {
        assert_eq!(fs("Fait à Genève, le 4. Fin."), "Fait à Genève, le 4. Fin.");
    }

    #[test]
    fn spacing_leaves_alone() {
        for s in [
            "http://www.un.org/disarmament",
            "voir https://example.org/a?b=c; puis",
            "www.un.org:",
            "(www.un.org)",
            "«http://x.org»",
            "mailto:unoda@un.org",
            "Écrire à unoda-geneva@un.org!",
            "de 10:00 à 13:00",
            "10:00-13:00",
            "A/RES/70/54",
            "ODA/25-2011/CCM",
            "a?b",
            "x:y",
            ":début",
            "? début",
            "fin\n: suite",
            "fin\n  : suite",
            "(?)",
            "«",
            "»",
            "",
        ] {
            assert_eq!(fs(s), s, "{s:?}");
        }
    }

    #[test]
    fn spacing_outside_addresses_still_applies() {
        assert_eq!(
            fs("Site: www.un.org ; courriel: a@b.org !"),
            "Site\u{a0}: www.un.org\u{202f}; courriel\u{a0}: a@b.org\u{202f}!"
        );
        assert_eq!(fs("« http://x.org »"), "«\u{202f}http://x.org\u{202f}»");
    }

    #[test]
    fn spacing_runs_and_closers() {
        assert_eq!(fs("Quoi?!"), "Quoi\u{202f}?!");
        assert_eq!(fs("Quoi ?!"), "Quoi\u{202f}?!");
        assert_eq!(fs("(voir annexe):"), "(voir annexe)\u{a0}:");
        assert_eq!(fs("(vraiment?)"), "(vraiment\u{202f}?)");
        assert_eq!(fs("«Vraiment?»"), "«\u{202f}Vraiment\u{202f}?\u{202f}»");
        assert_eq!(fs("dit «oui»:"), "dit «\u{202f}oui\u{202f}»\u{a0}:");
        assert_eq!(fs("etc.:"), "etc.\u{a0}:");
        assert_eq!(fs("a:\nb"), "a\u{a0}:\nb");
    }

    #[test]
    fn spacing_multibyte() {
        assert_eq!(fs("Genève:"), "Genève\u{a0}:");
        assert_eq!(fs("e\u{301}:"), "e\u{301}\u{a0}:");
        assert_eq!(fs("日本?"), "日本\u{202f}?");
        assert_eq!(fs("🎉!"), "🎉\u{202f}!");
    }

    #[test]
    fn spacing_is_idempotent() {
        let tricky = [
            "Note:",
            "Note :",
            "Note\u{a0}:",
            "Note\u{202f}:",
            "«Convention»",
            "«»",
            "« »",
            "«  »",
            "«?»",
            "« ? »",
            "a«www.x?",
            "a«www.x»",
            "«www.un.org»",
            "x «http://a.b/c?d» y",
            "Quoi?!",
            "Quoi ? !",
            "Quoi ?! ;",
            "?",
            "  ?",
            "\n?",
            "a\n?",
            "a \n ?",
            "a:\"b\"",
            "dit:\"oui\"",
            "«Vraiment?»:",
            "(?)",
            "[!]",
            "10:00",
            "10:00-13:00:",
            "A/RES/70/54:",
            "a@b:c ;",
            "l'ONU: «oui»; non",
            "Genève\u{2009}?",
            "\u{2028}:x",
            "a\u{2028}:",
            "« \u{a0} x \u{202f} »",
            "::",
            "a ::",
            "a:: b",
            "»«",
            "«»«»",
            "»?",
            "e\u{301}?",
        ];
        for s in tricky {
            let once = fs(s);
            assert_eq!(fs(&once), once, "{s:?}");
        }
        // Every short string over a tricky alphabet.
        let alphabet = [
            'a', ' ', '\u{a0}', '\u{202f}', ':', '?', '!', '«', '»', '(', ')', '\n', '/', '@', 'w',
            '.', '"',
        ];
        let n = alphabet.len();
        for mut k in 0..n * n * n * n {
            let mut s = String::new();
            for _ in 0..4 {
                s.push(alphabet[k % n]);
                k /= n;
            }
            let once = fs(&s);
            assert_eq!(fs(&once), once, "{s:?}");
        }
    }

    #[test]
    fn apostrophes_typographic() {
        assert_eq!(apostrophes("l'Organisation"), "l’Organisation");
        assert_eq!(apostrophes("d'Haïti et l'ONU's"), "d’Haïti et l’ONU’s");
        assert_eq!(apostrophes("'"), "’");
        assert_eq!(
            apostrophes("voir http://x.org/l'a et o'neil@un.org, l'ami"),
            "voir http://x.org/l'a et o'neil@un.org, l’ami"
        );
        assert_eq!(apostrophes("www.l'x.org"), "www.l'x.org");
        assert_eq!(apostrophes("déjà l’ONU"), "déjà l’ONU");
    }

    #[test]
    fn clean_whitespace() {
        assert_eq!(clean("  a \n\t b  "), "a b");
        assert_eq!(clean("a\r\nb"), "a b");
        assert_eq!(clean("a\u{85}\u{2028}\u{2029}b"), "a b");
        assert_eq!(clean("12\u{202f}345"), "12\u{202f}345");
        assert_eq!(clean("Note\u{a0}:"), "Note\u{a0}:");
        assert_eq!(clean("Note \u{a0} :"), "Note\u{a0}:");
        assert_eq!(clean("a\n\u{202f}b"), "a\u{202f}b");
        assert_eq!(clean("a\u{202f}\u{a0}b"), "a\u{202f}b");
        assert_eq!(clean("\u{a0}a\u{a0}"), "a");
        assert_eq!(clean(" \n\t "), "");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn clean_ligatures_and_controls() {
        assert_eq!(clean("ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ"), "ff fi fl ffi ffl st st");
        assert_eq!(clean("ef\u{fb01}cace"), "efficace");
        assert_eq!(clean("a\u{0}b\u{7}c\u{7f}d\u{9f}"), "abcd");
        assert_eq!(clean("a \u{7} b"), "a b");
        assert_eq!(clean("\u{7}"), "");
        assert_eq!(
            clean("bidi \u{202E}override\u{202C} \u{2067}x\u{2069}"),
            "bidi override x"
        );
        // Right-to-left letters and the implicit marks stay.
        assert_eq!(clean("\u{5e9}\u{5dc}\u{200f}"), "\u{5e9}\u{5dc}\u{200f}");
        // Neighbours of the ligature block are left alone.
        assert_eq!(
            clean("\u{faff}\u{fb07}\u{fb13}"),
            "\u{faff}\u{fb07}\u{fb13}"
        );
    }

    #[test]
    fn clean_is_idempotent() {
        for s in ["  a \u{a0}\n b ", "x\u{7}\t\u{202f}y", "ﬁn \r\n", "é  ü"] {
            let once = clean(s);
            assert_eq!(clean(&once), once, "{s:?}");
        }
    }

    #[test]
    fn phones() {
        let phone = |n: &str, lang| phone(n, lang).replace('\u{a0}', " ");
        assert_eq!(phone("+41 22 917 0034", Lang::En), "+41 22 917 0034");
        assert_eq!(phone("+41 22 917 0034", Lang::Fr), "(+41) 22 917 0034");
        assert_eq!(phone("(+41) 22 917 0034", Lang::Fr), "(+41) 22 917 0034");
        assert_eq!(phone("(+41) 22 917 0034", Lang::En), "+41 22 917 0034");
        assert_eq!(phone("  +1 212 963 1234 ", Lang::Fr), "(+1) 212 963 1234");
        assert_eq!(phone("+41\u{a0}22", Lang::Fr), "(+41) 22");
        for lang in Lang::ALL {
            for s in [
                "022 917 0034",
                "+41",
                "+",
                "+ 41 22",
                "+41-22-917",
                "(+41)22",
                "(+) 22",
                "",
            ] {
                assert_eq!(phone(s, lang), s, "{s:?}");
            }
            assert_eq!(phone(" 022 917 0034\n", lang), "022 917 0034");
        }
        assert!(!super::phone("+41 22 917 0034", Lang::Fr).contains(' '));
    }

    #[test]
    fn phone_numbers_in_running_text_are_kept_whole() {
        assert_eq!(
            whole_phone_numbers("call +41 22 917 1234 or (+1) 212 963 1234, not 3 + 4 5"),
            "call +41\u{a0}22\u{a0}917\u{a0}1234 or (+1)\u{a0}212\u{a0}963\u{a0}1234, not 3 + 4 5"
        );
        assert_eq!(whole_phone_numbers("a+b"), "a+b");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(12345, Lang::Fr), "12\u{202f}345");
        assert_eq!(number(-1000, Lang::Fr), "-1\u{202f}000");
        assert_eq!(number(999, Lang::Fr), "999");
        assert_eq!(number(12345, Lang::En), "12,345");
        assert_eq!(number(0, Lang::En), "0");
        assert_eq!(number(-5, Lang::En), "-5");
        assert_eq!(number(1_000_000, Lang::En), "1,000,000");
        assert_eq!(number(100_000, Lang::En), "100,000");
        assert_eq!(number(i64::MAX, Lang::En), "9,223,372,036,854,775,807");
        assert_eq!(number(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
    }
}
