//! The shapes of what notes cite: resolution and document symbols, e-mail
//! and web addresses, telephone numbers.

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

/// A telephone or fax number in international form, as notes print them:
/// `+41 22 917 1234` or `(+41) 22 917 1234`, a country code of one to three
/// digits (never starting with 0), then groups of digits, each after one
/// space (or a no-break space); from 7 to 15
/// digits in all, as the international numbering plan (ITU-T E.164) allows.
pub fn is_phone(text: &str) -> bool {
    // Spaces, no-break spaces and the narrow ones French typing puts there.
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let text = text.trim();
    let parts = match text.strip_prefix("(+") {
        Some(body) => body.split_once(')'),
        None => text
            .strip_prefix('+')
            .and_then(|body| body.find(SPACES).map(|at| body.split_at(at))),
    };
    let Some((code, rest)) = parts else {
        return false;
    };
    let digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    // Each group after exactly one space.
    let Some(groups) = rest.strip_prefix(SPACES) else {
        return false;
    };
    let groups: Vec<&str> = groups.split(SPACES).collect();
    let count = code.len() + groups.iter().map(|g| g.len()).sum::<usize>();
    (1..=3).contains(&code.len())
        && digits(code)
        && !code.starts_with('0')
        && groups.iter().all(|g| digits(g))
        && (7..=15).contains(&count)
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

/// A document symbol as the United Nations prints it: bodies and numbers
/// separated by `/`, as `A/72/123`, `A/CONF.192/BMS/2016/1`,
/// `CCM/MSP/2017/1`, `S/2016/1`, `A/C.1/72/L.5`, with a revision or
/// corrigendum as `A/72/123/Rev.1`, `A/72/123/Corr.1`.
pub fn is_document_symbol(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('/').collect();
    parts.len() >= 2
        && parts[0].starts_with(|c: char| c.is_ascii_uppercase())
        && parts.iter().all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || ".-".contains(c))
                || matches!(*part, p if p.starts_with("Rev.") || p.starts_with("Corr.") || p.starts_with("Add."))
        })
}

/// A link's target for an address as a note prints it: `https://` before a
/// web address without its scheme, `mailto:` before an e-mail address.
pub fn href(address: &str) -> String {
    if address.contains("://") || address.starts_with("mailto:") {
        address.to_owned()
    } else if address.contains('@') && !address.contains('/') {
        format!("mailto:{address}")
    } else {
        format!("https://{address}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_get_their_scheme() {
        assert_eq!(href("www.unog.ch/ccm"), "https://www.unog.ch/ccm");
        assert_eq!(href("http://un.org"), "http://un.org");
        assert_eq!(href("ccm@unog.ch"), "mailto:ccm@unog.ch");
    }

    #[test]
    fn telephone_numbers_are_in_international_form() {
        for good in [
            "+41 22 917 1234",
            "(+41) 22 917 1234",
            "+1 212 963 1234",
            "+41\u{a0}22\u{a0}917\u{a0}1234",
            "+33\u{202f}1\u{202f}45\u{202f}68\u{202f}10\u{202f}00",
            "+39 06 1234 5678",
            " +33 1 45 68 10 00 ",
        ] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "022 917 1234",
            "+41 22 917 12a4",
            "+41  22 917 1234",
            "+41 22-917-1234",
            "+4122 9171234 5",
            "+41",
            "+41 22",
            "(+41 22 917 1234",
            "+1 234 567 890 123 456 78",
            "+41 22 917 1234 poste 5",
            "+0 12 345 6789",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

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
    fn document_symbols_have_their_usual_shapes() {
        for good in [
            "A/72/123",
            "A/CONF.192/BMS/2016/1",
            "CCM/MSP/2017/1",
            "S/2016/1",
            "A/C.1/72/L.5",
            "A/72/123/Rev.1",
        ] {
            assert!(is_document_symbol(good), "{good}");
        }
        for bad in ["72/123", "A", "a/72/1", "A//1", "A/72 123", ""] {
            assert!(!is_document_symbol(bad), "{bad}");
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
