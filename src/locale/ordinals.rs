//! Ordinal numbers in words: `vingt et unième`, `twenty-first`.

use super::{Gender, Lang};

/// The ordinal in words, lowercase, for 1..=999; `None` outside that range.
/// French uses the traditional spelling (`vingt et unième`, `quatre-vingt-unième`)
/// and `gender` only matters for `premier`/`première`; English keeps the British
/// `and` after hundreds (`one hundred and first`).
pub fn ordinal(n: u32, lang: Lang, gender: Gender) -> Option<String> {
    lang.rules().ordinal(n, gender)
}

/// The cardinal in words, lowercase, for 1..=999; `None` outside that range:
/// `soixante et onze`, `seventy-one`.
pub fn cardinal(n: u32, lang: Lang) -> Option<String> {
    lang.rules().cardinal(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written out by hand, independently of the code above.
    const FR_1_TO_99: [&str; 99] = [
        "premier",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
        "onzième",
        "douzième",
        "treizième",
        "quatorzième",
        "quinzième",
        "seizième",
        "dix-septième",
        "dix-huitième",
        "dix-neuvième",
        "vingtième",
        "vingt et unième",
        "vingt-deuxième",
        "vingt-troisième",
        "vingt-quatrième",
        "vingt-cinquième",
        "vingt-sixième",
        "vingt-septième",
        "vingt-huitième",
        "vingt-neuvième",
        "trentième",
        "trente et unième",
        "trente-deuxième",
        "trente-troisième",
        "trente-quatrième",
        "trente-cinquième",
        "trente-sixième",
        "trente-septième",
        "trente-huitième",
        "trente-neuvième",
        "quarantième",
        "quarante et unième",
        "quarante-deuxième",
        "quarante-troisième",
        "quarante-quatrième",
        "quarante-cinquième",
        "quarante-sixième",
        "quarante-septième",
        "quarante-huitième",
        "quarante-neuvième",
        "cinquantième",
        "cinquante et unième",
        "cinquante-deuxième",
        "cinquante-troisième",
        "cinquante-quatrième",
        "cinquante-cinquième",
        "cinquante-sixième",
        "cinquante-septième",
        "cinquante-huitième",
        "cinquante-neuvième",
        "soixantième",
        "soixante et unième",
        "soixante-deuxième",
        "soixante-troisième",
        "soixante-quatrième",
        "soixante-cinquième",
        "soixante-sixième",
        "soixante-septième",
        "soixante-huitième",
        "soixante-neuvième",
        "soixante-dixième",
        "soixante et onzième",
        "soixante-douzième",
        "soixante-treizième",
        "soixante-quatorzième",
        "soixante-quinzième",
        "soixante-seizième",
        "soixante-dix-septième",
        "soixante-dix-huitième",
        "soixante-dix-neuvième",
        "quatre-vingtième",
        "quatre-vingt-unième",
        "quatre-vingt-deuxième",
        "quatre-vingt-troisième",
        "quatre-vingt-quatrième",
        "quatre-vingt-cinquième",
        "quatre-vingt-sixième",
        "quatre-vingt-septième",
        "quatre-vingt-huitième",
        "quatre-vingt-neuvième",
        "quatre-vingt-dixième",
        "quatre-vingt-onzième",
        "quatre-vingt-douzième",
        "quatre-vingt-treizième",
        "quatre-vingt-quatorzième",
        "quatre-vingt-quinzième",
        "quatre-vingt-seizième",
        "quatre-vingt-dix-septième",
        "quatre-vingt-dix-huitième",
        "quatre-vingt-dix-neuvième",
    ];

    /// Written out by hand, independently of the code above.
    const EN_1_TO_99: [&str; 99] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
        "thirty-second",
        "thirty-third",
        "thirty-fourth",
        "thirty-fifth",
        "thirty-sixth",
        "thirty-seventh",
        "thirty-eighth",
        "thirty-ninth",
        "fortieth",
        "forty-first",
        "forty-second",
        "forty-third",
        "forty-fourth",
        "forty-fifth",
        "forty-sixth",
        "forty-seventh",
        "forty-eighth",
        "forty-ninth",
        "fiftieth",
        "fifty-first",
        "fifty-second",
        "fifty-third",
        "fifty-fourth",
        "fifty-fifth",
        "fifty-sixth",
        "fifty-seventh",
        "fifty-eighth",
        "fifty-ninth",
        "sixtieth",
        "sixty-first",
        "sixty-second",
        "sixty-third",
        "sixty-fourth",
        "sixty-fifth",
        "sixty-sixth",
        "sixty-seventh",
        "sixty-eighth",
        "sixty-ninth",
        "seventieth",
        "seventy-first",
        "seventy-second",
        "seventy-third",
        "seventy-fourth",
        "seventy-fifth",
        "seventy-sixth",
        "seventy-seventh",
        "seventy-eighth",
        "seventy-ninth",
        "eightieth",
        "eighty-first",
        "eighty-second",
        "eighty-third",
        "eighty-fourth",
        "eighty-fifth",
        "eighty-sixth",
        "eighty-seventh",
        "eighty-eighth",
        "eighty-ninth",
        "ninetieth",
        "ninety-first",
        "ninety-second",
        "ninety-third",
        "ninety-fourth",
        "ninety-fifth",
        "ninety-sixth",
        "ninety-seventh",
        "ninety-eighth",
        "ninety-ninth",
    ];

    fn fr(n: u32) -> String {
        ordinal(n, Lang::Fr, Gender::Masculine).unwrap_or_default()
    }

    fn en(n: u32) -> String {
        ordinal(n, Lang::En, Gender::Masculine).unwrap_or_default()
    }

    #[test]
    fn french_1_to_99() {
        for (i, want) in FR_1_TO_99.iter().enumerate() {
            assert_eq!(fr(i as u32 + 1), *want, "n = {}", i + 1);
        }
    }

    #[test]
    fn english_1_to_99() {
        for (i, want) in EN_1_TO_99.iter().enumerate() {
            assert_eq!(en(i as u32 + 1), *want, "n = {}", i + 1);
        }
    }

    #[test]
    fn gender() {
        assert_eq!(
            ordinal(1, Lang::Fr, Gender::Feminine).as_deref(),
            Some("première")
        );
        assert_eq!(
            ordinal(1, Lang::Fr, Gender::Masculine).as_deref(),
            Some("premier")
        );
        // Gender only matters for 1 alone.
        assert_eq!(
            ordinal(21, Lang::Fr, Gender::Feminine).as_deref(),
            Some("vingt et unième")
        );
        assert_eq!(
            ordinal(2, Lang::Fr, Gender::Feminine).as_deref(),
            Some("deuxième")
        );
        assert_eq!(
            ordinal(1, Lang::En, Gender::Feminine).as_deref(),
            Some("first")
        );
    }

    #[test]
    fn french_hundreds() {
        assert_eq!(fr(100), "centième");
        assert_eq!(fr(101), "cent unième");
        assert_eq!(fr(105), "cent cinquième");
        assert_eq!(fr(121), "cent vingt et unième");
        assert_eq!(fr(171), "cent soixante et onzième");
        assert_eq!(fr(180), "cent quatre-vingtième");
        assert_eq!(fr(200), "deux centième");
        assert_eq!(fr(201), "deux cent unième");
        assert_eq!(fr(280), "deux cent quatre-vingtième");
        assert_eq!(fr(300), "trois centième");
        assert_eq!(fr(509), "cinq cent neuvième");
        assert_eq!(fr(900), "neuf centième");
        assert_eq!(fr(999), "neuf cent quatre-vingt-dix-neuvième");
    }

    #[test]
    fn english_hundreds() {
        assert_eq!(en(100), "one hundredth");
        assert_eq!(en(101), "one hundred and first");
        assert_eq!(en(112), "one hundred and twelfth");
        assert_eq!(en(120), "one hundred and twentieth");
        assert_eq!(en(200), "two hundredth");
        assert_eq!(en(342), "three hundred and forty-second");
        assert_eq!(en(999), "nine hundred and ninety-ninth");
    }

    #[test]
    fn out_of_range() {
        for lang in Lang::ALL {
            assert_eq!(ordinal(0, lang, Gender::Masculine), None);
            assert_eq!(ordinal(1000, lang, Gender::Feminine), None);
            assert_eq!(ordinal(u32::MAX, lang, Gender::Masculine), None);
        }
    }

    #[test]
    fn whole_range_is_well_formed() {
        for n in 1..=999 {
            for lang in Lang::ALL {
                let s = ordinal(n, lang, Gender::Masculine).unwrap_or_default();
                assert!(!s.is_empty() && !s.contains("  "), "{n}: {s:?}");
                assert_eq!(s, s.to_lowercase());
            }
            let f = fr(n);
            assert!(f.ends_with("ième") || n == 1, "{n}: {f}");
            assert!(!f.contains("cents") && !f.contains("vingts"), "{n}: {f}");
        }
    }
}
