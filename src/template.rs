//! The contract between the code and a note's templates: which files of a
//! template set are note templates (`<kind>.<lang>.typ`), and what every
//! template receives, declared once: [`NoteContext`]'s fields and the
//! guide's list of them, [`FRAME_VARIABLES`], come from the same lines.

use serde::Serialize;

use crate::locale::Lang;

/// The note template of a kind in a language: `invitation.fr.typ`.
pub fn note_template(kind: &str, lang: Lang) -> String {
    format!("{kind}.{lang}.typ")
}

/// The kind and language of a note template of the set (`<kind>.<lang>.typ`):
/// `invitation.fr.typ` gives `invitation` and French; `None` for a file that
/// is Typst source served as is (the page design, images). Note templates
/// sit at the top of the set: a file in a subfolder is served as is, so that
/// a kind's name is never a path.
pub fn note_template_parts(name: &str) -> Option<(&str, Lang)> {
    let stem = name.strip_suffix(".typ")?;
    let (kind, lang) = stem.rsplit_once('.')?;
    if kind.contains('/') {
        return None;
    }
    Some((kind, lang.parse().ok()?))
}

/// Whether a file of the set is a part that note templates include, in
/// every language (`{% include "_frame.typ" %}`): `_<name>.typ`, at the top
/// of the set. A part is no kind.
pub fn is_part(name: &str) -> bool {
    name.starts_with('_') && name.ends_with(".typ") && !name.contains('/')
}

/// The language of a note template of the set, or `None` for a file that is
/// not one.
pub fn note_template_lang(name: &str) -> Option<Lang> {
    note_template_parts(name).map(|(_, lang)| lang)
}

/// Declares [`NoteContext`] and [`FRAME_VARIABLES`] from one list: each
/// field with its doc, its type, and what the guide says a template finds
/// in it.
macro_rules! note_context {
    ($( $(#[doc = $doc:literal])+ $field:ident: $ty:ty = $guide:literal; )*) => {
        /// The values a note template is rendered with.
        #[derive(Debug, Clone, Serialize)]
        pub struct NoteContext {
            $( $(#[doc = $doc])+ pub $field: $ty, )*
            /// The kind's fields, in the note's language, each under its own
            /// name.
            #[serde(flatten)]
            pub fields: serde_json::Map<String, serde_json::Value>,
        }

        /// The values every template receives, whatever the note's kind,
        /// with what each holds: the list the template author's guide gives.
        /// A kind's fields come beside them, each under its own name.
        pub const FRAME_VARIABLES: &[(&str, &str)] = &[$( (stringify!($field), $guide), )*];
    };
}

note_context! {
    /// `fr` or `en`.
    lang: Lang = "`fr` or `en`";
    /// `a4` or `us-letter`, as Typst names them.
    paper: &'static str = "`a4` or `us-letter`";
    /// Whether a draft mark is printed.
    draft: bool = "whether the PROJET / DRAFT mark is asked for (`--draft`)";
    /// Whether the note is shown in `serve`'s preview: the built-in templates
    /// print the draft mark then.
    preview: bool = "whether the note is shown by `serve`";
    /// PDF metadata.
    document: DocumentInfo = "`title`, `author`, `keywords`: the PDF's metadata";
    /// Letterhead lines.
    letterhead: Vec<String> = "the letterhead's lines";
    /// The label before the reference, printed as written.
    reference_label: String = "the label before the reference: `REFERENCE:`, or the letterhead's";
    /// The label before the subject, printed as written.
    subject_label: String = "the label before the subject: `OBJET :`, `SUBJECT:`, or the letterhead's";
    /// Typst path of the emblem.
    logo: Option<String> = "the Typst path of the emblem, or nothing";
    /// Reference number.
    reference: Option<String> = "the reference number, or nothing";
    /// Markings line.
    markings: Option<String> = "the markings line, or nothing";
    /// Subject line.
    subject: Option<String> = "the subject line, or nothing";
    /// The place and date.
    dateline: Dateline = "`before`, `date`, `after`: the place and date";
    /// Where the place and date stand.
    date_at: &'static str = "`foot` (under the closing) or `head` (above the reference), for the page design's `date-at`";
    /// The sender as the opening names it: "Le Secrétaire général de l'Organisation des Nations Unies".
    sender: String = "the sender as the opening names it";
    /// The sender in later sentences: "Le Secrétaire général".
    sender_short: String = "the sender in later sentences";
    /// The State of the permanent mission that sends the note.
    sender_state: serde_json::Value = "the State of the permanent mission that sends the note, as a `state` field gives it (`name`, `of`, `to`, `code`), or nothing";
    /// The mission the note goes to, in a batch.
    recipient: Option<RecipientContext> = "`code`, `name`, `city`, `address`: the mission, in a batch";
    /// Opening formula up to the addressees: "… présente ses compliments aux représentants permanents …".
    opening: String = "the opening formula, up to the addressees included";
    /// The end of the opening: "et a l'honneur de", or with the earlier
    /// note referred to.
    honour: String = "the end of the opening: `et a l'honneur de`, `and has the honour to`, or with the earlier note referred to (`refers_to`)";
    /// Closing formula, whole sentence; empty for a note without one.
    closing: String = "the closing formula, a whole sentence, or nothing (`closing: none`)";
    /// Free paragraphs before the closing, their texts alone.
    paragraphs: Vec<String> = "the free paragraphs, their texts alone";
    /// The same paragraphs as the meeting file sets them.
    body_paragraphs: Vec<ParagraphContext> = "the free paragraphs as set: each `text`, `number` (`1.`, or nothing), `items` (each `label`, `a)` or `(a)`, and `text`) and `quotation` (true or false)";
    /// The end of the opening joined to the first paragraph, as the
    /// language joins them: "et a l'honneur d'informer …".
    lead: String = "`honour` and the first of the free paragraphs, joined as the language joins them (`et a l'honneur d'informer …`): what a kind whose body is the free paragraphs opens with";
    /// "Pièce jointe", "Pièces jointes", or nothing.
    enclosures: Option<String> = "`Pièce jointe`, `Enclosures`…, or nothing";
    /// The titles of the documents enclosed, when the meeting file gives
    /// them.
    enclosure_titles: Vec<String> = "the titles of the documents enclosed, printed under `enclosures`, one a line";
    /// The addressee's name and address at the foot.
    addressee_block: Vec<String> = "the addressee's name and address, one line each, for the block at the foot (`addressee_block: true`), or nothing";
    /// A document printed after the note.
    annex: Option<AnnexContext> = "`heading` and `paragraphs` (each as in `body_paragraphs`): a document printed after the note, on a page of its own, or nothing";
}

/// PDF metadata.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// Title.
    pub title: String,
    /// Author: the sender.
    pub author: String,
    /// Keywords.
    pub keywords: Vec<String>,
}

/// The place and date line, split where a blank is left for the date when
/// the note is not dated yet.
#[derive(Debug, Clone, Serialize)]
pub struct Dateline {
    /// Text before the date: "New York, le ".
    pub before: String,
    /// The date, or nothing for a blank to fill by hand.
    pub date: Option<String>,
    /// Text after the date: " 2017" when only the year is known.
    pub after: String,
}

/// A paragraph of the body, in one language, as the meeting file sets it.
#[derive(Debug, Clone, Serialize)]
pub struct ParagraphContext {
    /// Its text.
    pub text: String,
    /// Its number, as printed before it ("1."), when it is numbered.
    pub number: Option<String>,
    /// The items under it, lettered.
    pub items: Vec<ItemContext>,
    /// Whether it is set off as a quotation.
    pub quotation: bool,
}

/// A document printed after the note, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexContext {
    /// Its heading.
    pub heading: String,
    /// Its paragraphs, as the meeting file sets them.
    pub paragraphs: Vec<ParagraphContext>,
}

/// An item under a paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct ItemContext {
    /// Its letter, as printed: "a)", "(a)".
    pub label: String,
    /// Its text.
    pub text: String,
}

/// The mission a note goes to, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientContext {
    /// ISO 3166 alpha-3 code.
    pub code: String,
    /// The State's name in running text.
    pub name: String,
    /// The mission's city.
    pub city: Option<String>,
    /// The mission's postal address.
    pub address: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_templates_are_named_by_kind_and_language() {
        assert_eq!(note_template("invitation", Lang::Fr), "invitation.fr.typ");
        assert_eq!(
            note_template_parts("invitation.en.typ"),
            Some(("invitation", Lang::En))
        );
        assert_eq!(note_template_lang("note.typ"), None);
        assert_eq!(note_template_lang("logo.svg"), None);
    }
}
