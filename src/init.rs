//! A new meeting file for a kind: the frame, then every field of the kind,
//! each with its doc as a comment and its example as its value, so that the
//! file renders as it is written and shows what to change.

use std::fmt::Write;

use serde_yaml::{Mapping, Value as Yaml};

use crate::kind::{Field, Kind};
use crate::locale::Lang;

/// What the frame's field `key` means, as a new file's comment says it.
pub fn frame_doc(key: &str) -> Option<&'static str> {
    FRAME
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, doc, ..)| *doc)
}

/// The frame's fields as a new file writes them: the key, what it means,
/// its example, and whether it is written out (rather than left as a
/// commented line to fill in) when the kind gives no example of its own.
const FRAME: &[(&str, &str, &str, bool)] = &[
    (
        "extends",
        "The meeting file this one extends, relative to it: a reminder, a transmittal or a change of dates takes the sender, the addressees, the meeting and the rest from the invitation's file and gives only what is its own (kind, reference, date, what differs). Its keys replace that file's, inside mappings too; lists are replaced whole.",
        "ccm-7msp.yaml",
        false,
    ),
    (
        "languages",
        "The languages the note is written in, when not every one: [en] or [fr] for a note in one language, as bilateral notes often are; its texts then need only that language. Every language by default.",
        "[fr, en]",
        false,
    ),
    (
        "paper",
        "Paper size: a4 (Geneva, Vienna, most capitals) or us-letter (New York).",
        "a4",
        true,
    ),
    (
        "letterhead",
        "The letterhead, one line each, printed as given in both languages.",
        "[UNITED NATIONS, NATIONS UNIES]",
        true,
    ),
    (
        "logo",
        "An emblem above the letterhead (SVG, PNG or JPEG), relative to this file.",
        "emblem.svg",
        false,
    ),
    (
        "reference",
        "The reference number, printed after REFERENCE:; leave it out to fill it in by hand.",
        "ODA/25-2011/CCM",
        false,
    ),
    (
        "markings",
        "A markings line under the reference.",
        "{ fr: Confidentiel, en: Confidential }",
        false,
    ),
    (
        "subject",
        "A subject line.",
        "{ fr: Objet de la note, en: Subject of the note }",
        false,
    ),
    (
        "place",
        "Where the note is signed.",
        "{ fr: Genève, en: Geneva }",
        false,
    ),
    (
        "date",
        "The note's date, as 2017-04-12; a year alone, or no date, leaves a dotted blank to fill in by hand.",
        "2017",
        true,
    ),
    (
        "date_at",
        "Where the place and date stand: foot (under the closing, as the United Nations prints them; the default) or head (above the reference, flush right, as ministries print them).",
        "foot",
        false,
    ),
    (
        "date_style",
        "How the English note writes every date: un (14 August 1987, the default) or us (August 14, 1987), as notes from the United States write them. French writes its dates one way.",
        "un",
        false,
    ),
    (
        "sender",
        "Who sends the note: role: secretary-general with gender: male | female; role: office, ministry or embassy with its name and short name in both languages; role: mission with state: FRA (the State's code or name); role: person with name, short name and gender.",
        "{ role: secretary-general, gender: male }",
        true,
    ),
    (
        "addressees",
        "Who receives it: circular (the Member States and observer States), member-states, all-states, secretary-general, none; { states-parties: { fr: la Convention …, en: the Convention … } }, { mission: FRA }, { ministry: { fr: le Ministère …, en: the Ministry … }, short: … } (or office:, embassy:); or the text in both languages, French with its preposition.",
        "circular",
        true,
    ),
    (
        "addressee_block",
        "Whether the addressee's name and address are printed at the foot, on the left, as bilateral notes carry them: its name from the addressees, its lines from address: [ … ] beside them, and in a batch each mission's name with its city and address from the list.",
        "false",
        false,
    ),
    (
        "duty_station",
        "The United Nations the formulas name: new-york (the default), geneva, vienna or nairobi.",
        "new-york",
        false,
    ),
    (
        "opening",
        "How the note opens: compliments (the default: « présente ses compliments à … et a l'honneur de … »); compliments-alone, the compliments as a sentence of their own, the paragraphs after them (kind: note); or depositary, the United Nations depositary's notification (the Secretary-General's, a sentence of its own, with no addressee and no closing; kind: note).",
        "compliments",
        false,
    ),
    (
        "refers_to",
        "An earlier note the opening refers to, its reference printed as given: by: sender (its own, the default) or addressee (a reply); or, with to: { fr: aux entretiens …, en: the talks … }, something else it refers to, written out (French with its preposition).",
        "{ reference: ODA/12-2015/CCM, date: 2015-02-16 }",
        false,
    ),
    (
        "closing",
        "The closing formula: degree highest (the default) or high, verb avails (the default) or takes; or none.",
        "{ degree: highest, verb: avails }",
        false,
    ),
    (
        "paragraphs",
        "Free paragraphs, printed before the closing formula (in a note of the kind `note`, its body, the first continuing the opening from its verb: « informer … », \"inform …\"). Beside fr and en, numbered: true numbers a paragraph (1., 2.), items: [{ fr, en }, …] letters items under it (a), (a)), quotation: true sets it off as a quotation.",
        "[{ fr: Un paragraphe de plus., en: One more paragraph. }]",
        false,
    ),
    (
        "enclosures",
        "The documents enclosed: how many, or their titles in both languages, one a line.",
        "1",
        false,
    ),
    (
        "annex",
        "A document printed after the note, on a page of its own (the text of a State's note that a depositary transmits, a programme): its heading and paragraphs in both languages, the paragraphs set as the note's are.",
        "{ heading: { fr: Annexe, en: Annex }, paragraphs: [{ fr: …, en: … }] }",
        false,
    ),
];

/// A meeting file for `kind`, filled with its examples; `sources` is what
/// the commands it shows need to find the kind: `--templates DIR` for one
/// of a user's.
pub fn meeting_file(kind: &Kind, sources: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "# A meeting file for noteverbale, of the kind `{name}`:\n\
         # {en}\n\
         # {fr}\n\
         #\n\
         #   noteverbale check{sources} FILE   # everything checked, nothing written\n\
         #   noteverbale render{sources} FILE  # the notes, in French and in English\n\
         #   noteverbale kinds{sources} {name}  # every field of this kind, with its doc\n\
         #\n\
         # Texts that appear in the notes are given in both languages, {{ fr: …, en: … }};\n\
         # dates are written 2017-09-04. Every value below is an example: change it.\n\n\
         # The frame: what every note verbale has.\n\n\
         # The note's kind.\n\
         kind: {name}\n",
        name = kind.name,
        en = kind.description.get(Lang::En),
        fr = kind.description.get(Lang::Fr),
    );
    for (key, doc, example, written) in FRAME {
        out.push('\n');
        comment(&mut out, 0, doc);
        match kind.frame.get(*key) {
            Some(value) => entry(&mut out, 0, key, value),
            None if *written => {
                let value: Yaml = serde_yaml::from_str(example).unwrap_or(Yaml::Null);
                entry(&mut out, 0, key, &value);
            }
            None => {
                let _ = writeln!(out, "# {key}: {example}");
            }
        }
    }
    let _ = write!(out, "\n# The fields of the kind `{}`.\n", kind.name);
    for field in kind.fields.iter().filter(|f| f.is_written()) {
        out.push('\n');
        self::field(&mut out, 0, field);
    }
    out
}

/// A field, its doc first.
fn field(out: &mut String, indent: usize, field: &Field) {
    let doc = if field.required {
        field.doc.clone()
    } else {
        format!("{} (optional)", field.doc)
    };
    comment(out, indent, &doc);
    let pad = " ".repeat(indent);
    match field.ty.fields() {
        Some(inner) if field.example.is_none() && !field.ty.is_list() => {
            let _ = writeln!(out, "{pad}{}:", field.name);
            for (i, child) in inner.iter().filter(|f| f.is_written()).enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                self::field(out, indent + 2, child);
            }
        }
        Some(inner) if field.example.is_none() => {
            let _ = writeln!(out, "{pad}{}:", field.name);
            let _ = write!(out, "{pad}  - ");
            for (i, child) in inner.iter().filter(|f| f.is_written()).enumerate() {
                if i > 0 {
                    out.push_str(&" ".repeat(indent + 4));
                }
                let mut item = String::new();
                self::field(&mut item, 0, child);
                // The item's lines, under the dash.
                for (j, line) in item.lines().enumerate() {
                    if j > 0 {
                        out.push_str(&" ".repeat(indent + 4));
                    }
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        _ => entry(
            out,
            indent,
            &field.name,
            field.example.as_ref().unwrap_or(&Yaml::Null),
        ),
    }
}

/// `# text`, wrapped at 88 columns.
fn comment(out: &mut String, indent: usize, text: &str) {
    let pad = " ".repeat(indent);
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + 2 + line.len() + word.len() > 88 {
            let _ = writeln!(out, "{pad}# {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{pad}# {line}");
}

/// `key: value`, in flow style where it is short, as blocks where not.
fn entry(out: &mut String, indent: usize, key: &str, value: &Yaml) {
    let pad = " ".repeat(indent);
    let inline = flow(value);
    if indent + key.len() + 2 + inline.len() <= 90 {
        let _ = writeln!(out, "{pad}{key}: {inline}");
        return;
    }
    let _ = writeln!(out, "{pad}{key}:");
    match value {
        Yaml::Mapping(map) => {
            for (k, v) in map {
                entry(out, indent + 2, &scalar(k), v);
            }
        }
        Yaml::Sequence(items) => {
            for item in items {
                let _ = writeln!(out, "{pad}  - {}", flow(item));
            }
        }
        other => {
            let _ = writeln!(out, "{pad}  {}", flow(other));
        }
    }
}

/// A value in YAML's flow style: `{ fr: …, en: … }`, `[4, 5]`, a scalar.
fn flow(value: &Yaml) -> String {
    match value {
        Yaml::Mapping(map) => format!("{{ {} }}", pairs(map)),
        Yaml::Sequence(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        Yaml::Tagged(tagged) => flow(&tagged.value),
        other => scalar(other),
    }
}

fn pairs(map: &Mapping) -> String {
    map.iter()
        .map(|(k, v)| format!("{}: {}", scalar(k), flow(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A scalar, quoted where YAML would read it otherwise.
fn scalar(value: &Yaml) -> String {
    match value {
        Yaml::String(text) if is_plain(text) => text.clone(),
        // A JSON string is a YAML double-quoted scalar.
        Yaml::String(text) => serde_json::to_string(text).unwrap_or_default(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Null => "~".to_owned(),
        Yaml::Tagged(tagged) => scalar(&tagged.value),
        other => flow(other),
    }
}

/// Whether a text reads back as the same text without quotes: words that
/// YAML takes for nothing else, or a date.
fn is_plain(text: &str) -> bool {
    let is_date = text.len() == 10
        && text.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if is_date {
        return true;
    }
    let starts_well = text.starts_with(|c: char| c.is_alphabetic());
    let reserved = ["true", "false", "yes", "no", "null", "on", "off", "y", "n"]
        .contains(&text.to_ascii_lowercase().as_str());
    starts_well
        && !reserved
        && !text.ends_with(' ')
        && !text.contains(':')
        && !text.contains('#')
        && !text.contains(char::is_control)
        && !text.contains([
            '{', '}', '[', ']', ',', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        for text in [
            "la Convention",
            "70/54",
            "2017-09-04",
            "yes",
            "a: b",
            "l'Assemblée",
            "Palais des Nations, bureau C.117",
            "+41 22 917 0034",
            "Objet :",
            "deux\nlignes",
            "a #b",
        ] {
            let written = scalar(&Yaml::String(text.into()));
            let read: Yaml = serde_yaml::from_str(&written).unwrap();
            assert_eq!(read, Yaml::String(text.into()), "{written}");
        }
    }
}
