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
