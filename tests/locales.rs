//! The locales: every language defines the same messages, and a missing one
//! is an error, never text in a note.

use crate::common;

use common::engine;
use noteverbale::Lang;

#[test]
fn every_language_defines_the_same_messages() {
    let messages = engine().messages();
    let french = messages.keys(Lang::Fr);
    let english = messages.keys(Lang::En);
    assert!(!french.is_empty());
    let only_french: Vec<_> = french.difference(english).collect();
    let only_english: Vec<_> = english.difference(french).collect();
    assert!(
        only_french.is_empty() && only_english.is_empty(),
        "fr only: {only_french:?}; en only: {only_english:?}"
    );
}

#[test]
fn a_missing_message_is_an_error() {
    let error = engine()
        .messages()
        .format(Lang::Fr, "no-such-message", None)
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("no message `no-such-message` in the fr locale"),
        "{text}"
    );
}

#[test]
fn a_missing_variable_is_an_error() {
    let error = engine()
        .messages()
        .format(Lang::En, "opening", None)
        .unwrap_err();
    assert!(error.to_string().contains("message `opening`"), "{error}");
}

#[test]
fn formulas_agree_with_the_sender() {
    let messages = engine().messages();
    let mut args = noteverbale::locale::Args::new();
    args.set("gender", "female");
    args.set("degree", "highest");
    args.set("verb", "avails");
    args.set("sender", "The Secretary-General");
    args.set(
        "addressees",
        "the Permanent Representative of France to the United Nations",
    );
    let closing = messages.format(Lang::En, "closing", Some(&args)).unwrap();
    assert_eq!(
        closing,
        "The Secretary-General avails herself of this opportunity to renew to the Permanent \
         Representative of France to the United Nations the assurances of her highest consideration."
    );
    assert_eq!(
        messages
            .format(Lang::Fr, "secretary-general-short", Some(&args))
            .unwrap(),
        "La Secrétaire générale"
    );
    args.set("gender", "neuter");
    let opening = messages.format(Lang::En, "opening", Some(&args)).unwrap();
    assert!(opening.contains("presents its compliments"), "{opening}");
}
