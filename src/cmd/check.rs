//! `check`: everything `render` and `batch` would find, and nothing written.

use std::collections::HashSet;

use noteverbale::check::{self, Findings, Role};
use noteverbale::{Diagnostic, Result};

use super::Exit;
use crate::cli::{CheckArgs, CheckFormat};
use crate::console::{self, Console};

/// Checks every file given, with the templates and locales, and reports.
pub fn run(args: &CheckArgs, console: &Console) -> Result<Exit> {
    let mut seen = HashSet::new();
    let mut checked: Vec<(String, Findings)> = Vec::new();
    let (engine, mut found) = check::engine(&(&args.sources).into());
    found.dedup(&mut seen);
    let engine_findings = found;

    let mut missions = Vec::new();
    if let Some(path) = &args.recipients {
        let (records, mut found) = check::missions(path);
        found.dedup(&mut seen);
        checked.push((path.display().to_string(), found));
        missions = records;
    }
    for path in &args.files {
        let mut found = match (check::role(path), &engine) {
            (Role::Missions, _) => check::missions(path).1,
            (Role::Meeting, Some(engine)) => check::meeting(engine, path, &missions),
            (Role::Meeting, None) => Findings::default(),
        };
        found.dedup(&mut seen);
        checked.push((path.display().to_string(), found));
    }

    let all: Vec<&Diagnostic> = engine_findings
        .diagnostics
        .iter()
        .chain(checked.iter().flat_map(|(_, f)| &f.diagnostics))
        .collect();
    let errors = all
        .iter()
        .filter(|d| d.severity == noteverbale::Severity::Error)
        .count();
    let warnings = all.len() - errors;
    match args.format {
        CheckFormat::Json => {
            let files: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
            let mut json = serde_json::json!({
                "files": files,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": all.iter().map(|d| d.report()).collect::<Vec<_>>(),
            });
            if let [file] = files.as_slice() {
                json["file"] = file.clone().into();
            }
            console::print(format!("{json:#}\n").as_bytes())?;
        }
        CheckFormat::Human => {
            let mut lines: Vec<(String, usize, usize)> = Vec::new();
            if !engine_findings.diagnostics.is_empty() {
                lines.push((
                    "templates and locales".into(),
                    engine_findings.errors(),
                    engine_findings.warnings(),
                ));
            }
            lines.extend(
                checked
                    .iter()
                    .map(|(file, f)| (file.clone(), f.errors(), f.warnings())),
            );
            let all: Vec<Diagnostic> = all.into_iter().cloned().collect();
            console.check_report(&lines, &all);
        }
    }
    let environment = engine_findings.environment || checked.iter().any(|(_, f)| f.environment);
    Ok(if environment {
        Exit::Unchecked
    } else if errors > 0 {
        Exit::Failed
    } else if warnings > 0 && args.deny_warnings {
        Exit::Warnings
    } else {
        Exit::Success
    })
}
