//! English numbers in words, written and read: `twenty-first`,
//! `one hundred and fifth`.

/// Cardinals 0..=19, index = value.
const SMALL: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens, index = tens digit.
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Ordinals that do not simply add `th`; the `-ty` tens are handled apart.
const IRREGULAR: [(&str, &str); 7] = [
    ("one", "first"),
    ("two", "second"),
    ("three", "third"),
    ("five", "fifth"),
    ("eight", "eighth"),
    ("nine", "ninth"),
    ("twelve", "twelfth"),
];

/// The ordinal in words for 1..=999, with the British `and` after
/// hundreds (`one hundred and first`).
pub fn ordinal(n: u32) -> Option<String> {
    cardinal_in_words(n).map(|cardinal| ordinal_of(&cardinal))
}

/// The cardinal in words for 1..=999, with `and` after hundreds (`None`
/// outside).
pub fn cardinal_in_words(n: u32) -> Option<String> {
    (1..=999).contains(&n).then(|| cardinal(n))
}

/// Cardinal for 1..=999, with `and` after hundreds.
fn cardinal(n: u32) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let tail = match rest {
        0..=19 => SMALL[rest as usize].to_owned(),
        _ if rest % 10 == 0 => TENS[(rest / 10) as usize].to_owned(),
        _ => format!(
            "{}-{}",
            TENS[(rest / 10) as usize],
            SMALL[(rest % 10) as usize]
        ),
    };
    match (hundreds, rest) {
        (0, _) => tail,
        (h, 0) => format!("{} hundred", SMALL[h as usize]),
        (h, _) => format!("{} hundred and {tail}", SMALL[h as usize]),
    }
}

/// Turns a cardinal into its ordinal by changing its last word.
fn ordinal_of(cardinal: &str) -> String {
    let split = cardinal.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = cardinal.split_at(split);
    let last = match IRREGULAR.iter().find(|(c, _)| *c == last) {
        Some((_, o)) => (*o).to_owned(),
        None => match last.strip_suffix('y') {
            Some(s) => format!("{s}ieth"),
            None => format!("{last}th"),
        },
    };
    format!("{head}{last}")
}

/// The value of one cardinal word.
pub fn cardinal_word(word: &str) -> Option<u64> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}

/// The cardinal an ordinal word is made from: `twentieth` gives `twenty`.
pub fn ordinal_stem(word: &str) -> Option<String> {
    Some(
        match word {
            "first" => "one",
            "second" => "two",
            "third" => "three",
            "fifth" => "five",
            "eighth" => "eight",
            "ninth" => "nine",
            "twelfth" => "twelve",
            _ => {
                if let Some(stem) = word.strip_suffix("ieth") {
                    return Some(format!("{stem}y"));
                }
                return word.strip_suffix("th").map(str::to_owned);
            }
        }
        .into(),
    )
}

/// Whether `and` between `before` and `after` joins the parts of one
/// number, `one hundred and five`.
pub fn joins(before: &str, _after: &str) -> bool {
    matches!(before, "hundred" | "thousand")
}

/// Whether number words are no number: a lone `one` is an article or a
/// pronoun; `one third`, `two fifths` and `a third` are fractions.
pub fn not_a_number(words: &[&str], before: Option<&str>) -> bool {
    match words {
        ["one"] => true,
        [_] => before == Some("a"),
        [unit, fraction] => {
            cardinal_word(unit).is_some_and(|u| u < 10) && cardinal_word(fraction).is_none()
        }
        _ => false,
    }
}
