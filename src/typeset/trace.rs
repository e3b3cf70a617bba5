//! Typst's diagnostics as ours: an error in the note's own source is shown
//! at the template line that wrote it, with the Typst that line wrote; one
//! in the page design, at its own line.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};

use super::world::NoteWorld;
use crate::error::{Diagnostic, Location, Severity, SourceText};
use crate::source::Composed;

/// A Typst diagnostic as ours, located.
pub fn diagnostic(
    world: &NoteWorld,
    input: &Composed,
    diagnostic: &SourceDiagnostic,
) -> Diagnostic {
    let mut out = Diagnostic::error(diagnostic.message.to_string());
    if diagnostic.severity == TypstSeverity::Warning {
        out.severity = Severity::Warning;
    }
    out.hints = diagnostic.hints.iter().map(|h| ours(&h.v)).collect();
    let Some(id) = diagnostic.span.id() else {
        return out;
    };
    let (Ok(source), Some(range)) = (world.source(id), world.range(diagnostic.span)) else {
        return out;
    };
    if id == world.main() {
        if let Some(location) = input.lines.locate(range.clone()) {
            out.hints.push(format!(
                "in the Typst this template line wrote: {}",
                line_of(source.text(), range.start).trim()
            ));
            return out.in_file(&location.source.name).at(location);
        }
        let name = format!("{} (generated)", input.main.trim_start_matches('/'));
        return out.in_file(&name).at(Location {
            source: SourceText::new(name, source.text()),
            span: range,
        });
    }
    let name = world
        .template_name(id)
        .map_or_else(|| format!("{id:?}"), str::to_owned);
    out.in_file(&name).at(Location {
        source: SourceText::new(name, source.text()),
        span: range,
    })
}

/// A hint of Typst's in the words of our command: it has no `--root`, the
/// project's root is the folder of `--templates`.
fn ours(hint: &str) -> String {
    if hint.contains("--root") {
        "the files a template reads are in its `--templates` folder; copy the file there".to_owned()
    } else {
        hint.to_owned()
    }
}

/// The line of `text` that holds byte `offset`, without its line end.
fn line_of(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    &text[start..end]
}
