//! A name written wrong: the known name the writer probably meant, and the
//! hint that offers it ("did you mean `paper`?").

/// How near a known name must be to the one written to be offered. The
/// rules differ by how many names there are and what a far one means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Near {
    /// One of a few short names (a field, a value, a kind, a warning, a
    /// sheet, a column a list must have): alike in the Jaro-Winkler sense,
    /// 0.8 or more, which forgives a letter dropped, two swapped, another
    /// ending, and weighs the first letters most.
    Word,
    /// A column a list may have: a header far from every one is a column of
    /// the office's own, so only a slip is taken for a misspelling, one
    /// letter added, dropped, changed or swapped for every four (one at least).
    Slip,
    /// A State's name, among the several hundred of both languages, many of
    /// them alike: Jaro-Winkler 0.85 or more.
    StateName,
}

impl Near {
    /// How like `known` the name `written` is, higher being nearer, if it
    /// is near enough to be offered. Both are in lowercase.
    fn likeness(self, written: &str, known: &str) -> Option<f64> {
        let alike = |least: f64| {
            let score = strsim::jaro_winkler(written, known);
            (score >= least).then_some(score)
        };
        match self {
            Near::Word => alike(0.8),
            Near::StateName => alike(0.85),
            Near::Slip => {
                let edits = strsim::damerau_levenshtein(written, known);
                let allowed = (known.chars().count() / 4).max(1);
                (edits <= allowed).then_some(-(edits as f64))
            }
        }
    }
}

/// The known name nearest to `written`, in any case, if one is near enough.
pub(crate) fn nearest<'a, S: AsRef<str>>(
    written: &str,
    known: &'a [S],
    near: Near,
) -> Option<&'a S> {
    let written = written.to_lowercase();
    known
        .iter()
        .filter_map(|name| {
            let likeness = near.likeness(&written, &name.as_ref().to_lowercase())?;
            Some((likeness, name))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// The hint that offers the known name nearest to `written`, if one is near
/// enough.
pub(crate) fn hint<S: AsRef<str>>(written: &str, known: &[S], near: Near) -> Option<String> {
    did_you_mean(nearest(written, known, near).as_slice())
}

/// The hint that offers `names`: "did you mean `a`?", "did you mean `a` or
/// `b`?", "did you mean `a`, `b` or `c`?"; none for no name.
pub(crate) fn did_you_mean<S: AsRef<str>>(names: &[S]) -> Option<String> {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| format!("`{}`", name.as_ref()))
        .collect();
    let (last, rest) = quoted.split_last()?;
    Some(match rest {
        [] => format!("did you mean {last}?"),
        _ => format!("did you mean {} or {last}?", rest.join(", ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelled_word_gets_the_nearest_name() {
        let fields = ["kind", "paper", "place"];
        assert_eq!(nearest("papr", &fields, Near::Word), Some(&"paper"));
        assert_eq!(nearest("Kind", &fields, Near::Word), Some(&"kind"));
        assert_eq!(nearest("fre", &["fr", "en"], Near::Word), Some(&"fr"));
        assert_eq!(nearest("deadline_x", &["fr", "en"], Near::Word), None);
        assert_eq!(nearest("es", &["fr", "en"], Near::Word), None);
        let warnings = ["weekend-deadline", "unprinted"];
        assert_eq!(
            nearest("weekend", &warnings, Near::Word),
            Some(&"weekend-deadline")
        );
        let sheets = vec!["Missions".to_owned(), "Notes".to_owned()];
        let sheet = nearest("Mision", &sheets, Near::Word);
        assert_eq!(sheet.map(String::as_str), Some("Missions"));
    }

    #[test]
    fn only_a_slip_is_taken_for_a_misspelled_column() {
        let columns = ["status", "gender", "titlefr", "city", "address", "email"];
        assert_eq!(nearest("emial", &columns, Near::Slip), Some(&"email"));
        assert_eq!(nearest("adress", &columns, Near::Slip), Some(&"address"));
        for own in ["id", "date", "state", "key", "titre", "order"] {
            assert_eq!(nearest(own, &columns, Near::Slip), None, "{own}");
        }
    }

    #[test]
    fn a_state_name_must_be_nearer_than_a_word() {
        let names = ["Suisse", "Suède", "Viet Nam"];
        assert_eq!(nearest("suise", &names, Near::StateName), Some(&"Suisse"));
        assert_eq!(
            nearest("vietnam", &names, Near::StateName),
            Some(&"Viet Nam")
        );
        assert_eq!(nearest("atlantis", &names, Near::StateName), None);
    }

    #[test]
    fn the_hint_offers_one_name_or_several() {
        assert_eq!(did_you_mean::<&str>(&[]), None);
        assert_eq!(did_you_mean(&["a"]).unwrap(), "did you mean `a`?");
        assert_eq!(
            did_you_mean(&["a", "b"]).unwrap(),
            "did you mean `a` or `b`?"
        );
        assert_eq!(
            did_you_mean(&["a", "b", "c"]).unwrap(),
            "did you mean `a`, `b` or `c`?"
        );
        assert_eq!(
            hint("strat", &["start", "end"], Near::Word).unwrap(),
            "did you mean `start`?"
        );
        assert_eq!(hint("colour", &["start", "end"], Near::Word), None);
    }
}
