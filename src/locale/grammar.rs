//! French articles and their contractions with `de` and `à`; lists.
//!
//! Noun phrases are given as in running text, article included (`la France`,
//! `le Canada`, `les Pays-Bas`, `l'Algérie`, `Haïti`), already cleaned: an
//! article is only recognized at the very start.

use super::{Gender, Lang};

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

/// Splits a leading article off a French noun phrase (case-insensitive).
fn split_fr(np: &str) -> (Article<'_>, &str) {
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

/// A French noun with its definite article: `l’Assemblée`, `la Conférence`,
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
    match split_fr(np) {
        (Article::Le, noun) => format!("du {noun}"),
        (Article::La, noun) => format!("de la {noun}"),
        (Article::Les, noun) => format!("des {noun}"),
        (Article::Elided(apostrophe), noun) => format!("de l{apostrophe}{noun}"),
        (Article::None, noun) if elides(noun) => format!("d’{noun}"),
        (Article::None, noun) => format!("de {noun}"),
    }
}

/// The phrase after `à`: `à la France`, `au Canada`, `aux Pays-Bas`,
/// `à l'Algérie`, `à Haïti`, `à Monaco`.
pub fn with_a(np: &str) -> String {
    match split_fr(np) {
        (Article::Le, noun) => format!("au {noun}"),
        (Article::La, noun) => format!("à la {noun}"),
        (Article::Les, noun) => format!("aux {noun}"),
        (Article::Elided(apostrophe), noun) => format!("à l{apostrophe}{noun}"),
        (Article::None, noun) => format!("à {noun}"),
    }
}

/// The phrase without its leading article: French `le `, `la `, `les `, `l'`,
/// `l’` (any case); English `the ` or `The `. Otherwise unchanged.
pub fn without_article(np: &str, lang: Lang) -> &str {
    match lang {
        Lang::Fr => split_fr(np).1,
        Lang::En => np
            .strip_prefix("the ")
            .or_else(|| np.strip_prefix("The "))
            .unwrap_or(np),
    }
}

/// The text with its first character in upper case: `état` → `État`.
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Items joined as in prose: `4, 5 et 6`, `4, 5 and 6` (no serial comma);
/// empty for no items.
pub fn join_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_from_eleven_do_not_elide() {
        assert_eq!(with_article("onzième", Gender::Masculine), "le onzième");
        assert_eq!(with_article("huitième", Gender::Feminine), "la huitième");
        assert_eq!(with_article("unième", Gender::Feminine), "l’unième");
    }

    #[test]
    fn definite_article_elides_before_a_vowel() {
        assert_eq!(
            with_article("Assemblée des États parties", Gender::Feminine),
            "l’Assemblée des États parties"
        );
        assert_eq!(
            with_article("Conférence d'examen", Gender::Feminine),
            "la Conférence d'examen"
        );
        assert_eq!(with_article("Sommet", Gender::Masculine), "le Sommet");
    }

    #[test]
    fn de() {
        let cases = [
            ("la France", "de la France"),
            ("le Canada", "du Canada"),
            ("les Pays-Bas", "des Pays-Bas"),
            ("l'Algérie", "de l'Algérie"),
            ("l’Algérie", "de l’Algérie"),
            ("les Îles Marshall", "des Îles Marshall"),
            ("les États-Unis d'Amérique", "des États-Unis d'Amérique"),
            ("Haïti", "d’Haïti"),
            ("Israël", "d’Israël"),
            ("Monaco", "de Monaco"),
            ("Yaoundé", "de Yaoundé"),
            ("Helsinki", "de Helsinki"),
            ("Haïtien", "de Haïtien"),
            ("Oman", "d’Oman"),
            ("Érythrée", "d’Érythrée"),
            ("Œuvre", "d’Œuvre"),
            ("ouganda", "d’ouganda"),
            ("Le Canada", "du Canada"),
            ("LA France", "de la France"),
            ("L'Algérie", "de l'Algérie"),
            ("L’Algérie", "de l’Algérie"),
            (
                "la Convention sur les armes à sous-munitions",
                "de la Convention sur les armes à sous-munitions",
            ),
            (
                "le Traité sur le commerce des armes",
                "du Traité sur le commerce des armes",
            ),
            ("Lesotho", "de Lesotho"),
            ("Lettonie", "de Lettonie"),
            ("", "de "),
        ];
        for (np, want) in cases {
            assert_eq!(with_de(np), want, "{np:?}");
        }
    }

    #[test]
    fn a() {
        let cases = [
            ("la France", "à la France"),
            ("le Canada", "au Canada"),
            ("les Pays-Bas", "aux Pays-Bas"),
            ("l'Algérie", "à l'Algérie"),
            ("l’Algérie", "à l’Algérie"),
            ("les Îles Marshall", "aux Îles Marshall"),
            ("Haïti", "à Haïti"),
            ("Israël", "à Israël"),
            ("Monaco", "à Monaco"),
            ("Le Canada", "au Canada"),
        ];
        for (np, want) in cases {
            assert_eq!(with_a(np), want, "{np:?}");
        }
    }

    #[test]
    fn multibyte_after_l_does_not_panic() {
        // `lé` has the byte length of `le ` but is not a char boundary there.
        assert_eq!(with_de("lé"), "de lé");
        assert_eq!(with_a("lé"), "à lé");
        assert_eq!(without_article("l", Lang::Fr), "l");
        assert_eq!(with_de("é"), "d’é");
    }

    #[test]
    fn strip_article() {
        assert_eq!(without_article("la France", Lang::Fr), "France");
        assert_eq!(without_article("Le Canada", Lang::Fr), "Canada");
        assert_eq!(without_article("les Pays-Bas", Lang::Fr), "Pays-Bas");
        assert_eq!(without_article("l'Algérie", Lang::Fr), "Algérie");
        assert_eq!(without_article("l’Algérie", Lang::Fr), "Algérie");
        assert_eq!(without_article("Haïti", Lang::Fr), "Haïti");
        assert_eq!(without_article("Lesotho", Lang::Fr), "Lesotho");
        assert_eq!(
            without_article("the Convention on Cluster Munitions", Lang::En),
            "Convention on Cluster Munitions"
        );
        assert_eq!(without_article("The Hague", Lang::En), "Hague");
        assert_eq!(without_article("Theodor", Lang::En), "Theodor");
        assert_eq!(without_article("la France", Lang::En), "la France");
        assert_eq!(without_article("", Lang::En), "");
    }

    #[test]
    fn upper() {
        assert_eq!(upper_first("état"), "État");
        assert_eq!(upper_first("vingt et unième"), "Vingt et unième");
        assert_eq!(upper_first("twenty-first"), "Twenty-first");
        assert_eq!(upper_first("Déjà"), "Déjà");
        assert_eq!(upper_first("œuvre"), "Œuvre");
        assert_eq!(upper_first("1er"), "1er");
        assert_eq!(upper_first(""), "");
    }

    #[test]
    fn lists() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_list(&v(&[]), Lang::Fr), "");
        assert_eq!(join_list(&v(&["4"]), Lang::Fr), "4");
        assert_eq!(join_list(&v(&["4", "5"]), Lang::Fr), "4 et 5");
        assert_eq!(join_list(&v(&["4", "5", "6"]), Lang::Fr), "4, 5 et 6");
        assert_eq!(join_list(&v(&["4", "5"]), Lang::En), "4 and 5");
        assert_eq!(join_list(&v(&["4", "5", "6"]), Lang::En), "4, 5 and 6");
        assert_eq!(
            join_list(&v(&["a", "b", "c", "d"]), Lang::En),
            "a, b, c and d"
        );
    }
}
