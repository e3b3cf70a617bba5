//! French articles and their contractions with `de` and `à`.
//!
//! Noun phrases are given as in running text, article included (`la France`,
//! `le Canada`, `les Pays-Bas`, `l'Algérie`, `Haïti`), already cleaned: an
//! article is only recognized at the very start.

use crate::locale::Gender;

/// Vowels, lowercase, before which `de` elides to `d’`; `y` is not one.
const VOWELS: &str = "aeiouàâäéèêëîïôöùûüÿœæ";

/// Proper nouns in h muet that take no article, so `de` elides before them.
/// Any other initial `h` is treated as aspirated (`de Helsinki`).
const H_MUET: [&str; 2] = ["Haïti", "Haiti"];

/// A leading French article, as far as contractions care.
enum Article<'a> {
    Le,
    La,
    Les,
    /// `l'` or `l’`, holding the apostrophe as given.
    Elided(&'a str),
    None,
}

/// Splits a leading article off a noun phrase (case-insensitive).
fn split(np: &str) -> (Article<'_>, &str) {
    const TABLE: [(&str, Article<'static>); 5] = [
        ("le ", Article::Le),
        ("la ", Article::La),
        ("les ", Article::Les),
        ("l'", Article::Elided("'")),
        ("l’", Article::Elided("’")),
    ];
    for (prefix, article) in TABLE {
        // `get` rather than slicing: the prefix may end inside a multi-byte char.
        if let Some(head) = np.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            return (article, &np[prefix.len()..]);
        }
    }
    (Article::None, np)
}

/// Whether `de` elides before a noun that has no article.
fn elides(noun: &str) -> bool {
    let starts_with_vowel = noun
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| VOWELS.contains(c));
    let h_muet = H_MUET.iter().any(|h| {
        noun.strip_prefix(h)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    });
    // Numbers from eleven do not elide: le onze, le onzième.
    let onze = noun
        .get(..3)
        .is_some_and(|head| head.eq_ignore_ascii_case("onz"));
    (starts_with_vowel || h_muet) && !onze
}

/// The stems of the common verbs in h aspiré, before which `de` stays
/// whole (« de haïr », « de hâter »); every other verb in h is h muet
/// (« d'habiliter », « d'héberger », « d'honorer »).
const H_ASPIRE_VERBS: [&str; 14] = [
    "haï", "hai", "hâte", "hate", "hiss", "heurt", "harcel", "harcèl", "hurl", "hauss", "hach",
    "hant", "hasard", "hérisse",
];

/// Whether `de` elides before the words that continue it: a verb or a
/// pronoun beginning with a vowel (« d'informer »), the pronoun y (« d'y
/// joindre »), or a verb in h muet (« d'héberger »).
fn verb_elides(words: &str) -> bool {
    let lower = words.to_lowercase();
    if lower.starts_with("y ") || lower.starts_with("y’") || lower.starts_with("y'") {
        return true;
    }
    if let Some(rest) = lower.strip_prefix('h') {
        let aspire = H_ASPIRE_VERBS.iter().any(|stem| lower.starts_with(stem));
        return !aspire && rest.starts_with(|c: char| c.is_alphabetic());
    }
    elides(words)
}

/// A noun with its definite article: `l’Assemblée`, `la Conférence`,
/// `le Sommet`. Not for ordinals: they never elide (`le onzième`).
pub fn with_article(noun: &str, gender: Gender) -> String {
    match gender {
        _ if elides(noun) => format!("l’{noun}"),
        Gender::Feminine => format!("la {noun}"),
        Gender::Masculine => format!("le {noun}"),
    }
}

/// The phrase after `de`: `de la France`, `du Canada`, `des Pays-Bas`,
/// `de l'Algérie`, `d’Israël`, `d’Haïti`, `de Monaco`, `de Helsinki`.
/// An elision this creates uses the typographic `’`; an `l'`/`l’` in the
/// input keeps its apostrophe.
pub fn with_de(np: &str) -> String {
    match split(np) {
        (Article::Le, noun) => format!("du {noun}"),
        (Article::La, noun) => format!("de la {noun}"),
        (Article::Les, noun) => format!("des {noun}"),
        (Article::Elided(apostrophe), noun) => format!("de l{apostrophe}{noun}"),
        (Article::None, noun) if elides(noun) => format!("d’{noun}"),
        (Article::None, noun) => format!("de {noun}"),
    }
}

/// A title after « présente ses compliments »: `au Chargé d'affaires par
/// intérim`, `à la Chargée d'affaires par intérim`, `à l'Ambassadeur`; one
/// that already begins with `à`, `au` or `aux` is kept, one that begins with
/// its article is contracted (`le Chargé` gives `au Chargé`). A preposition
/// with a capital, or an article of the other gender, is refused.
pub fn addressed(title: &str, gender: Gender) -> Result<String, String> {
    let title = title.trim();
    let first = title.split([' ', '\'', '’']).next().unwrap_or_default();
    if ["à", "au", "aux"].contains(&first) {
        return Ok(title.to_owned());
    }
    if ["À", "Au", "Aux", "AU", "AUX", "A"].contains(&first) {
        return Err(format!(
            "the title `{title}` begins with a capital, in the middle of the sentence"
        ));
    }
    match (split(title), gender) {
        ((Article::Le, _), Gender::Feminine) | ((Article::La, _), Gender::Masculine) => {
            Err(format!(
                "the title `{title}` has the article of the other gender than the head of mission's"
            ))
        }
        ((Article::None, ""), _) => Err("the title is empty".to_owned()),
        ((Article::None, noun), gender) => Ok(with_a(&with_article(noun, gender))),
        _ => Ok(with_a(title)),
    }
}

/// `before` and `after` joined: a `de` that ends `before` elides before a
/// vowel or a mute h (`a l'honneur d'informer`, `d'habiliter`), not before
/// a consonant (`a l'honneur de se référer`).
pub fn continued(before: &str, after: &str) -> String {
    match before.strip_suffix("de") {
        Some(start) if (start.is_empty() || start.ends_with(' ')) && verb_elides(after) => {
            format!("{start}d’{after}")
        }
        _ => format!("{before} {after}"),
    }
}

/// The phrase after `à`: `à la France`, `au Canada`, `aux Pays-Bas`,
/// `à l'Algérie`, `à Haïti`, `à Monaco`.
pub fn with_a(np: &str) -> String {
    match split(np) {
        (Article::Le, noun) => format!("au {noun}"),
        (Article::La, noun) => format!("à la {noun}"),
        (Article::Les, noun) => format!("aux {noun}"),
        (Article::Elided(apostrophe), noun) => format!("à l{apostrophe}{noun}"),
        (Article::None, noun) => format!("à {noun}"),
    }
}

/// The phrase without its leading article: `le `, `la `, `les `, `l'`,
/// `l’` (any case). Otherwise unchanged.
pub fn without_article(np: &str) -> &str {
    split(np).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_elides_before_y_and_verbs_in_h_muet_but_not_in_h_aspire() {
        let honour = "a l'honneur de";
        for (verb, joined) in [
            ("informer", "a l'honneur d’informer"),
            ("y joindre", "a l'honneur d’y joindre"),
            ("habiliter", "a l'honneur d’habiliter"),
            ("héberger la réunion", "a l'honneur d’héberger la réunion"),
            ("hâter", "a l'honneur de hâter"),
            ("se référer", "a l'honneur de se référer"),
            ("yodler", "a l'honneur de yodler"),
        ] {
            assert_eq!(continued(honour, verb), joined, "{verb}");
        }
    }

    #[test]
    fn a_title_takes_its_preposition_and_article_from_the_head_s_gender() {
        let composed = |title, gender| addressed(title, gender).unwrap();
        assert_eq!(
            composed("Chargé d'affaires par intérim", Gender::Masculine),
            "au Chargé d'affaires par intérim"
        );
        assert_eq!(
            composed("Chargée d'affaires par intérim", Gender::Feminine),
            "à la Chargée d'affaires par intérim"
        );
        assert_eq!(
            composed("Ambassadeur", Gender::Masculine),
            "à l’Ambassadeur"
        );
        assert_eq!(
            composed("le Chargé d'affaires", Gender::Masculine),
            "au Chargé d'affaires"
        );
        assert_eq!(
            composed("au Chargé d'affaires par intérim", Gender::Masculine),
            "au Chargé d'affaires par intérim"
        );
        assert!(addressed("Au Chargé d'affaires", Gender::Masculine).is_err());
        assert!(addressed("la Chargée d'affaires", Gender::Masculine).is_err());
    }

    #[test]
    fn de_elides_before_a_vowel_or_a_mute_h_only() {
        assert_eq!(
            continued("et a l'honneur de", "informer les missions"),
            "et a l'honneur d’informer les missions"
        );
        assert_eq!(
            continued("et a l'honneur de", "accuser réception"),
            "et a l'honneur d’accuser réception"
        );
        assert_eq!(
            continued("et a l'honneur de", "se référer à sa note"),
            "et a l'honneur de se référer à sa note"
        );
        assert_eq!(
            continued("et a l'honneur de", "transmettre ci-joint"),
            "et a l'honneur de transmettre ci-joint"
        );
        // The word `de` alone: a word that ends in `de` is not cut.
        assert_eq!(continued("prie de", "agréer"), "prie d’agréer");
        assert_eq!(continued("monde", "entier"), "monde entier");
    }
}
