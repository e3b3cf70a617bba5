//! French numbers in words, written and read: `vingt et unième`,
//! `soixante et onze`, `quatre-vingts`.

use crate::locale::Gender;

/// Cardinals 0..=19, index = value (0 is never written out).
const SMALL: [&str; 20] = [
    "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
];

/// Tens 20..=60, index = tens digit; 70–99 are built on 60 and 80.
const TENS: [&str; 7] = [
    "",
    "",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// The ordinal in words for 1..=999, traditional spelling (`vingt et
/// unième`, `quatre-vingt-unième`); `gender` only matters for
/// `premier`/`première`.
pub fn ordinal(n: u32, gender: Gender) -> Option<String> {
    if !(1..=999).contains(&n) {
        return None;
    }
    Some(match (n, gender) {
        (1, Gender::Masculine) => "premier".to_owned(),
        (1, Gender::Feminine) => "première".to_owned(),
        _ => ordinal_of(&cardinal(n)),
    })
}

/// The cardinal in words for 1..=999, traditional spelling (`None` outside).
pub fn cardinal_in_words(n: u32) -> Option<String> {
    (1..=999).contains(&n).then(|| cardinal(n))
}

/// Cardinal for 1..=999, traditional spelling.
fn cardinal(n: u32) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let tail = below_100(rest);
    let head = match hundreds {
        0 => return tail,
        1 => "cent".to_owned(),
        // `cents` takes its s only when it ends the number.
        h if rest == 0 => format!("{} cents", SMALL[h as usize]),
        h => format!("{} cent", SMALL[h as usize]),
    };
    if tail.is_empty() {
        head
    } else {
        format!("{head} {tail}")
    }
}

/// Cardinal for 0..=99 (empty for 0).
fn below_100(n: u32) -> String {
    let (tens, unit) = (n / 10, n % 10);
    match n {
        0..=19 => SMALL[n as usize].to_owned(),
        // 21, 31 … 61 and 71 join with `et`; 81 and 91 do not.
        _ if tens <= 6 && unit == 1 => format!("{} et un", TENS[tens as usize]),
        71 => "soixante et onze".to_owned(),
        80 => "quatre-vingts".to_owned(),
        _ if tens <= 6 && unit == 0 => TENS[tens as usize].to_owned(),
        _ if tens <= 6 => format!("{}-{}", TENS[tens as usize], SMALL[unit as usize]),
        70..=79 => format!("soixante-{}", below_100(n - 60)),
        _ => format!("quatre-vingt-{}", below_100(n - 80)),
    }
}

/// Turns a cardinal (not `un` alone) into its ordinal.
fn ordinal_of(cardinal: &str) -> String {
    // `quatre-vingts` and `deux cents` drop their s before `-ième`.
    let stem = cardinal
        .strip_suffix("vingts")
        .map(|s| format!("{s}vingt"))
        .or_else(|| cardinal.strip_suffix("cents").map(|s| format!("{s}cent")))
        .unwrap_or_else(|| cardinal.to_owned());
    if let Some(s) = stem.strip_suffix("cinq") {
        format!("{s}cinquième")
    } else if let Some(s) = stem.strip_suffix("neuf") {
        format!("{s}neuvième")
    } else if let Some(s) = stem.strip_suffix('e') {
        format!("{s}ième")
    } else {
        format!("{stem}ième")
    }
}

/// The value of one cardinal word.
pub fn cardinal_word(word: &str) -> Option<u64> {
    Some(match word {
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        // As Belgium and Switzerland count.
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
        "cent" | "cents" => 100,
        "mille" => 1000,
        _ => return None,
    })
}

/// The cardinal an ordinal word is made from: `septième` gives `sept`.
pub fn ordinal_stem(word: &str) -> Option<String> {
    if matches!(word, "premier" | "première" | "unième") {
        return Some("un".into());
    }
    if matches!(word, "second" | "seconde") {
        return Some("deux".into());
    }
    let stem = word.strip_suffix("ième")?;
    Some(match stem {
        "cinqu" => "cinq".into(),
        "neuv" => "neuf".into(),
        _ if cardinal_word(stem).is_some() => stem.into(),
        _ => format!("{stem}e"),
    })
}

/// Whether `et` between `before` and `after` joins the parts of one
/// number, `soixante et onze`, rather than two numbers, `trois et quatre`.
pub fn joins(before: &str, after: &str) -> bool {
    matches!(
        before,
        "vingt" | "trente" | "quarante" | "cinquante" | "soixante"
    ) && matches!(after, "un" | "une" | "onze" | "unième" | "onzième")
}

/// Whether number words are no number: a lone `un` or `une` is an article
/// or a pronoun, and `cent` after `pour` is the percentage's.
pub fn not_a_number(words: &[&str], before: Option<&str>) -> bool {
    match words {
        ["un" | "une"] => true,
        ["cent"] => before == Some("pour"),
        _ => false,
    }
}
