//! No value can change the markup: whatever text a meeting file holds, Typst
//! reads it back as exactly that text.

use noteverbale::assets::Assets;
use noteverbale::compose::markup;
use noteverbale::locale::clean;
use noteverbale::typeset::{Fonts, Typesetter};
use noteverbale::{Composed, Lang};
use proptest::prelude::*;
use typst::foundations::{Label, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;

/// The plain text Typst makes of `markup`, read back through a metadata
/// element so that no layout (line breaking, bidi reordering) is involved.
fn typst_text(typesetter: &Typesetter, markup: &str) -> Result<String, String> {
    let source = format!("#metadata[{markup}] <probe>\n");
    let composed = Composed::handwritten(Lang::Fr, "/probe.typ", source);
    let document = typesetter
        .typeset(&composed, &Fonts::embedded())
        .map_err(|e| e.to_string())?
        .document;
    let content = document
        .introspector()
        .query_label(Label::new(PicoStr::intern("probe")).unwrap())
        .map_err(|e| e.to_string())?
        .clone();
    let metadata = content
        .to_packed::<MetadataElem>()
        .ok_or("not a metadata element")?;
    match &metadata.value {
        Value::Content(content) => Ok(content.plain_text().to_string()),
        other => Err(format!("unexpected value {other:?}")),
    }
}

fn typesetter() -> &'static Typesetter {
    static TYPESETTER: std::sync::OnceLock<Typesetter> = std::sync::OnceLock::new();
    TYPESETTER.get_or_init(|| Typesetter::new(&Assets::templates(None).unwrap()).unwrap())
}

#[test]
fn markup_characters_print_literally() {
    for text in [
        "*strong* _emph_ `raw` $x^2$ #set page(fill: red) <label> @ref",
        "= Heading",
        "- item",
        "+ item",
        "/ Term: description",
        "1. first",
        "a -- b --- c ... d ~ e -? f",
        "\"quoted\" 'single'",
        "// comment /* block */",
        "https://example.org/x?y=1",
        "\\ backslash \\u{41} \\#",
        "[bracket] {brace} #{1 + 1} #[content]",
        "](#panic(\"escaped\"))[",
    ] {
        assert_eq!(
            typst_text(typesetter(), &markup(text)).as_deref(),
            Ok(text),
            "for {text:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any Unicode text, once cleaned as the meeting file's reader cleans it,
    /// comes back from Typst unchanged.
    #[test]
    fn any_text_comes_back_unchanged(raw in any::<String>()) {
        let text = clean(&raw);
        prop_assert_eq!(typst_text(typesetter(), &markup(&text)), Ok(text));
    }

    /// Texts made mostly of the characters markup cares about.
    #[test]
    fn markup_heavy_text_comes_back_unchanged(raw in r#"[\\#$*_`<>@\[\]~/+=.:'"{}()a-z0-9 \-é«»\n\t]{0,40}"#) {
        let text = clean(&raw);
        prop_assert_eq!(typst_text(typesetter(), &markup(&text)), Ok(text));
    }
}
