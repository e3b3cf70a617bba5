//! `check`: everything `render` and `batch` would find, and nothing written.

use std::collections::HashSet;

use noteverbale::check::{self, FileKind, Findings};
use noteverbale::{Diagnostic, Result, Severity};

use super::Exit;
use crate::cli::{CheckArgs, CheckFormat};
use crate::console::{self, Console, FileReport};

/// Checks every file given, with the templates and locales, and reports.
pub fn run(args: &CheckArgs, console: &Console) -> Result<Exit> {
    let found = find(args);
    // The same mistake found for several files (a template's, a mission's)
    // is printed once. Compared by its one-line form: rendering each with
    // its source lines would count through a long list once per mistake.
    let mut seen = HashSet::new();
    let diagnostics: Vec<Diagnostic> = found
        .iter()
        .filter_map(|(_, findings)| findings.as_ref())
        .flat_map(|findings| &findings.diagnostics)
        .filter(|d| seen.insert(d.to_string()))
        .cloned()
        .collect();
    let said = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - said;
    // A list's mistakes past those said are counted by one line.
    let unsaid: usize = found
        .iter()
        .filter_map(|(_, findings)| findings.as_ref())
        .map(|findings| findings.unsaid.saturating_sub(1))
        .sum();
    let errors = said + unsaid;
    match args.format {
        CheckFormat::Json => {
            let files: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
            let mut json = serde_json::json!({
                "files": files,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics.iter().map(Diagnostic::report).collect::<Vec<_>>(),
            });
            if let [file] = files.as_slice() {
                json["file"] = file.clone().into();
            }
            console::print(format!("{json:#}\n").as_bytes())?;
        }
        CheckFormat::Human => {
            let files: Vec<FileReport> = found
                .iter()
                .filter(|(name, findings)| name.is_some() || findings_hold_something(findings))
                .map(|(name, findings)| FileReport {
                    name: name
                        .clone()
                        .unwrap_or_else(|| "templates and locales".into()),
                    counts: findings.as_ref().map(|f| (f.errors(), f.warnings())),
                })
                .collect();
            console.check_report(&files, &diagnostics);
        }
    }
    let environment = found
        .iter()
        .any(|(_, findings)| findings.as_ref().is_some_and(|f| f.environment));
    Ok(if environment {
        Exit::Environment
    } else if errors > 0 || found.iter().any(|(_, f)| f.is_none()) {
        Exit::Invalid
    } else if warnings > 0 && args.deny_warnings {
        Exit::Warnings
    } else {
        Exit::Success
    })
}

/// What each part of the check found: the templates and locales first
/// (with no file name), then each file given, `None` for a meeting file
/// that could not be checked for want of templates.
fn find(args: &CheckArgs) -> Vec<(Option<String>, Option<Findings>)> {
    let (engine, templates) = check::engine(&(&args.sources).into());
    let mut found = vec![(None, Some(templates))];
    let mut missions = Vec::new();
    if let Some(path) = &args.recipients {
        let (records, findings) = check::missions(path, args.sheet.as_deref());
        missions = records;
        found.push((Some(path.display().to_string()), Some(findings)));
    }
    for path in &args.files {
        let findings = match (check::role(path), &engine) {
            (FileKind::Missions, _) => Some(check::missions(path, None).1),
            (FileKind::Schema, _) => Some(check::schema(path)),
            (FileKind::Meeting, Some(engine)) => Some(check::meeting(engine, path, &missions)),
            (FileKind::Meeting, None) => None,
        };
        found.push((Some(path.display().to_string()), findings));
    }
    found
}

fn findings_hold_something(findings: &Option<Findings>) -> bool {
    findings.as_ref().is_some_and(|f| !f.diagnostics.is_empty())
}
