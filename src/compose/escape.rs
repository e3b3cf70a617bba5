//! Typst markup and string literals that print a value as it is written,
//! whatever characters it holds.

use std::io::Write;

use super::lines;
use crate::locale::{self, Lang};

/// The escape function of `lang`: Typst markup after the language's
/// typography ([`locale::Language::typography`]).
pub fn in_lang(lang: Lang) -> tera::EscapeFn {
    // Tera takes a function, not a closure: one instance per place in
    // `Lang::ALL`, enough for every language the table may list.
    const BY_PLACE: [tera::EscapeFn; 8] = [
        typeset::<0>,
        typeset::<1>,
        typeset::<2>,
        typeset::<3>,
        typeset::<4>,
        typeset::<5>,
        typeset::<6>,
        typeset::<7>,
    ];
    const _: () = assert!(Lang::ALL.len() <= BY_PLACE.len());
    BY_PLACE[lang.index()]
}

/// Escapes text for Typst markup, after the typography of the language at
/// place `L` of `Lang::ALL`.
fn typeset<const L: usize>(input: &str, output: &mut dyn Write) -> std::io::Result<()> {
    let text = match Lang::ALL.get(L) {
        Some(lang) => lang.rules().typography(input),
        None => input.to_owned(),
    };
    output.write_all(raised(markup(&locale::whole_phone_numbers(&text))).as_bytes())
}

/// Markup with the raised letters of the typography (`1ᵉʳ`, `nᵒ`) set as
/// superscripts, `1#super[er];`, which print the letters of the font's
/// own superscripts. [`markup`] leaves the letters as they are written.
fn raised(markup: String) -> String {
    if !markup.contains(|c| lowered(c).is_some()) {
        return markup;
    }
    let mut out = String::with_capacity(markup.len() + 16);
    let mut chars = markup.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(letter) = lowered(c) else {
            out.push(c);
            continue;
        };
        out.push_str("#super[");
        out.push(letter);
        while let Some(letter) = chars.peek().copied().and_then(lowered) {
            out.push(letter);
            chars.next();
        }
        out.push_str("];");
    }
    out
}

/// Typst markup that prints `text` literally: every character that markup
/// gives a meaning (`*strong*`, `#code`, `$math$`, `<label>`, `@ref`, `- list`,
/// `= heading`, `"quotes"`, `--` dashes, `~`, URLs, comments, escapes) is
/// preceded by a backslash, and line breaks become spaces.
///
/// Hyphenated compounds (`sous-munitions`, `Secretary-General`), document
/// symbols and addresses are boxed, so that no line ends inside them: a
/// compound cut at its hyphen reads as a word cut in two, a symbol or an
/// address cut anywhere is another one.
/// The `;` ends the box's call: a `[` that follows is text, not an argument.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let (plain, compound, after) = split_compound(rest);
        escape_into(plain, &mut out);
        if compound.chars().count() > LONG_ADDRESS && is_web_address(compound) {
            // A line may end after each slash of a web address too long for
            // a line, and nowhere else in it.
            let mut parts: Vec<&str> = Vec::new();
            let mut start = 0;
            // The scheme stays with the site's name: `https://www.un.org/`.
            let site = compound.find("://").map_or(0, |at| at + 3);
            for (i, _) in compound.match_indices('/') {
                if i < site {
                    continue;
                }
                parts.push(&compound[start..=i]);
                start = i + 1;
            }
            parts.push(&compound[start..]);
            for part in parts.into_iter().filter(|p| !p.is_empty()) {
                out.push_str("#box[");
                escape_into(part, &mut out);
                out.push_str("];");
            }
        } else if !compound.is_empty() {
            out.push_str("#box[");
            escape_into(compound, &mut out);
            out.push_str("];");
        }
        rest = after;
    }
    out
}

/// The length, in characters, past which a web address may break across
/// lines (after a slash): about two thirds of a line of the note.
const LONG_ADDRESS: usize = 50;

/// Whether a word no line may end inside is a web address.
fn is_web_address(word: &str) -> bool {
    word.contains("://") || word.to_ascii_lowercase().starts_with("www.")
}

/// Splits `text` around its first word that no line may end inside: a
/// hyphenated compound (`sous-munitions`, `CH-1211`), a document symbol
/// (`A/CONF.192/BMS/2008/3`, `71/45`), an e-mail or web address
/// (`oda-ndv@un.org`, `www.unog.ch/ccm`). Such a word holds a hyphen, a
/// slash or an at sign between two word characters, and runs on through
/// them and through points and underscores between word characters. Returns
/// the text before it, the word, and the rest.
fn split_compound(text: &str) -> (&str, &str, &str) {
    // Letters, digits, and the combining marks that decomposed letters carry.
    let word = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    // A character at `i` with a word character on either side.
    let between_words = |i: usize, len: usize| {
        text[..i].chars().next_back().is_some_and(word)
            && text[i + len..].chars().next().is_some_and(word)
    };
    // What makes a word unbreakable, and what a word runs on through.
    let binds = |c: char| matches!(c, '-' | '/' | '@');
    let runs_through = |c: char| binds(c) || matches!(c, '.' | '_');
    let joint = text
        .char_indices()
        .find(|&(i, c)| binds(c) && between_words(i, c.len_utf8()))
        .map(|(i, _)| i);
    // A web address with its scheme is whole from the scheme to the last
    // character that is not closing punctuation.
    let scheme = text
        .match_indices("://")
        .map(|(i, _)| i)
        .find(|&i| text[..i].chars().next_back().is_some_and(word));
    let url_start = scheme.map(|at| (at, text[..at].trim_end_matches(word).len()));
    if let Some((at, start)) = url_start
        && joint.is_none_or(|joint| start <= joint)
    {
        let end = at
            + text[at..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - at);
        let end = start
            + text[start..end]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»', '"', '”'])
                .len();
        return (&text[..start], &text[start..end], &text[end..]);
    }
    let Some(joint) = joint else {
        return (text, "", "");
    };
    // Back to the word's start, through the same joints.
    let mut start = joint;
    loop {
        start = text[..start].trim_end_matches(word).len();
        match text[..start].chars().next_back() {
            Some(c) if runs_through(c) && between_words(start - c.len_utf8(), c.len_utf8()) => {
                start -= c.len_utf8();
            }
            _ => break,
        }
    }
    let mut end = joint;
    loop {
        let c = text[end..].chars().next().unwrap_or(' ');
        if !(runs_through(c) && between_words(end, c.len_utf8())) {
            break;
        }
        end += c.len_utf8();
        end += text[end..]
            .find(|c: char| !word(c))
            .unwrap_or(text.len() - end);
    }
    (&text[..start], &text[start..end], &text[end..])
}

/// A combining mark of the common blocks: the accent of a decomposed `é`.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Appends `text` to `out` with every markup character escaped.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '[' | ']' | '~' | '/' | '-'
            | '+' | '=' | '.' | ':' | '\'' | '"' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            _ if lines::is_mark_character(c) => {}
            _ => out.push(c),
        }
    }
}

/// The letter that a raised one stands for: `ᵉ` is a raised `e`.
fn lowered(c: char) -> Option<char> {
    match c {
        'ᵉ' => Some('e'),
        'ʳ' => Some('r'),
        'ˢ' => Some('s'),
        'ᵒ' => Some('o'),
        _ => None,
    }
}

/// A Typst string literal holding `text`.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if lines::is_mark_character(c) => {}
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_special_character() {
        assert_eq!(markup("*a* #b $c$"), "\\*a\\* \\#b \\$c\\$");
        assert_eq!(markup("= T"), "\\= T");
        assert_eq!(markup("http://x.org"), "#box[http\\:\\/\\/x\\.org];");
        assert_eq!(markup("a\nb"), "a b");
        assert_eq!(markup("été « x »"), "été « x »");
    }

    #[test]
    fn symbols_and_addresses_are_boxed_whole() {
        assert_eq!(
            markup("symbol A/CONF.192/BMS/2008/3, see"),
            "symbol #box[A\\/CONF\\.192\\/BMS\\/2008\\/3];, see"
        );
        assert_eq!(
            markup("to oda-ndv@un.org."),
            "to #box[oda\\-ndv\\@un\\.org];\\."
        );
        assert_eq!(markup("resolution 71/45"), "resolution #box[71\\/45];");
        assert_eq!(markup("et/ou"), "#box[et\\/ou];");
        // A point or a slash at a word's edge is no joint.
        assert_eq!(markup("a.m. / b"), "a\\.m\\. \\/ b");
        assert_eq!(markup("www.unog.ch/ccm"), "#box[www\\.unog\\.ch\\/ccm];");
        // A web address is whole from its scheme on, its final point left out.
        assert_eq!(
            markup("see https://www.un.org/en."),
            "see #box[https\\:\\/\\/www\\.un\\.org\\/en];\\."
        );
    }

    #[test]
    fn a_long_web_address_breaks_only_after_its_slashes() {
        assert_eq!(
            markup("https://www.un.org/disarmament/convention-on-cluster-munitions/meetings"),
            "#box[https\\:\\/\\/www\\.un\\.org\\/];#box[disarmament\\/];\
             #box[convention\\-on\\-cluster\\-munitions\\/];#box[meetings];"
        );
    }

    #[test]
    fn raised_letters_are_superscripts() {
        assert_eq!(raised(markup("le 1ᵉʳ mai")), "le 1#super[er]; mai");
        assert_eq!(raised(markup("nᵒ 5, 2ᵉ")), "n#super[o]; 5, 2#super[e];");
        // Markup alone prints them as written.
        assert_eq!(markup("1ᵉʳ"), "1ᵉʳ");
    }

    #[test]
    fn compounds_are_boxed_whole() {
        assert_eq!(markup("sous-munitions"), "#box[sous\\-munitions];");
        assert_eq!(
            markup("the Under-Secretary-General."),
            "the #box[Under\\-Secretary\\-General];\\."
        );
        assert_eq!(markup("CH-1211 Genève"), "#box[CH\\-1211]; Genève");
        assert_eq!(markup("l’État-partie"), "l’#box[État\\-partie];");
        assert_eq!(markup("a - b -c d- --"), "a \\- b \\-c d\\- \\-\\-");
        assert_eq!(markup("x-[y]"), "x\\-\\[y\\]");
        // A decomposed accent stays with its letter, inside the box.
        assert_eq!(
            markup("sous-mu\u{301}nitions"),
            "#box[sous\\-mu\u{301}nitions];"
        );
    }

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }

    #[test]
    fn the_characters_of_line_marks_never_pass() {
        assert_eq!(markup("a\u{FDD0}\u{FDE1}\u{FDD1}b"), "ab");
        assert_eq!(string_literal("a\u{FDEF}b"), "\"ab\"");
    }
}
