//! Articles and their contractions, lists: each language's rule (see
//! [`super::Language`]), and French's by name.

pub use super::fr::{with_a, with_de};
use super::language::Language;
use super::{Gender, Lang};

/// A French noun with its definite article: `l’Assemblée`, `la Conférence`,
/// `le Sommet`. Not for ordinals: they never elide (`le onzième`).
pub fn with_article(noun: &str, gender: Gender) -> String {
    super::fr::French.with_article(noun, gender)
}

/// The phrase without its leading article: French `le `, `la `, `les `, `l'`,
/// `l’` (any case); English `the ` or `The `. Otherwise unchanged.
pub fn without_article(np: &str, lang: Lang) -> &str {
    lang.rules().without_article(np)
}

/// The text with its first character in upper case: `état` → `État`.
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text with its first letter in lower case: a title that opens a
/// sentence, "Le Secrétaire général", as running text names it.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Items joined as in prose: `4, 5 et 6`, `4, 5 and 6` (no serial comma);
/// empty for no items.
pub fn join_list(items: &[String], lang: Lang) -> String {
    lang.rules().join_list(items)
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
