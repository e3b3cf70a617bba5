//! The command line: clap types, nothing else.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  noteverbale render examples/ccm-7msp.yaml
      out/ccm-7msp.fr.pdf and out/ccm-7msp.en.pdf
  noteverbale render examples/ccm-7msp.yaml --lang fr --format png
      one PNG a page, for a quick look
  noteverbale render examples/ccm-7msp.yaml --format typ
      the Typst source, to finish a note by hand
  noteverbale check examples/ccm-7msp.yaml
      validate only

Exit status: 0 done; 1 a file given is wrong (the message says where);
2 the command line is wrong; 3 an output could not be written.";

/// Diplomatic notes verbales in French and English, typeset to PDF from one
/// YAML file of meeting metadata.
#[derive(Debug, Parser)]
#[command(name = "noteverbale", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print what is done, step by step.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to color messages.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Typeset the notes of a meeting file.
    #[command(after_help = EXAMPLES)]
    Render(RenderArgs),
    /// Typeset one note per permanent mission, each in the mission's language.
    #[command(after_help = BATCH_EXAMPLES)]
    Batch(BatchArgs),
    /// Check a meeting file, its templates and locales (and a list of
    /// missions); write nothing.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// List the note kinds and the languages each has a template for.
    Kinds(SourceArgs),
    /// Typeset the notes again each time the meeting file, its logo, a
    /// template or a locale is saved.
    #[command(after_help = WATCH_EXAMPLES)]
    Watch(WatchArgs),
    /// Show the French and English notes side by side in a browser, updated
    /// as files are saved.
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
}

const SERVE_EXAMPLES: &str = "Examples:
  noteverbale serve examples/ccm-7msp.yaml --open
  noteverbale serve examples/ccm-7msp.yaml --port 8080 --templates my-templates

Serves on 127.0.0.1 only. The pages are the PDFs' pages, as SVG; each save of the
meeting file, its logo, a template or a locale updates them. A mistake shows
over the last good pages until it is fixed. The built-in templates mark
previewed pages PROJET / DRAFT; `--as-printed` shows them without. Stop with
Ctrl-C.";

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The meeting file (YAML).
    pub meeting: PathBuf,
    /// The port on 127.0.0.1 (0: any free port).
    #[arg(short, long, default_value_t = 3000)]
    pub port: u16,
    /// Open the page in the desktop's browser.
    #[arg(long)]
    pub open: bool,
    /// Show the notes as `render` prints them: templates are not told that
    /// they are previewed, so the built-in ones print no PROJET / DRAFT mark
    /// (unless `--draft`).
    #[arg(long)]
    pub as_printed: bool,
    /// PDF standards and draft mark.
    #[command(flatten)]
    pub pdf: PdfArgs,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

const WATCH_EXAMPLES: &str = "Examples:
  noteverbale watch examples/ccm-7msp.yaml
  noteverbale watch examples/ccm-7msp.yaml --templates my-templates --draft

Prints one line per render, with its time; a mistake is printed and the
last good PDFs are left in place until it is fixed. Stop with Ctrl-C.";

/// Arguments of `watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The meeting file (YAML).
    pub meeting: PathBuf,
    /// The folder to write the PDFs into; created if missing.
    #[arg(short, long, default_value = "out")]
    pub out: PathBuf,
    /// PDF standards and draft mark.
    #[command(flatten)]
    pub pdf: PdfArgs,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Arguments of `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The meeting file (YAML).
    pub meeting: PathBuf,
    /// Which language to produce.
    #[arg(short, long, value_enum, default_value_t = LangChoice::All)]
    pub lang: LangChoice,
    /// The folder to write into; created if missing.
    #[arg(short, long, default_value = "out")]
    pub out: PathBuf,
    /// What to write: PDF, one PNG or SVG a page, or the generated Typst source.
    #[arg(short, long, value_enum, default_value_t = Format::Pdf)]
    pub format: Format,
    /// Resolution of PNG pages, in dots per inch.
    #[arg(long, default_value_t = 144.0, value_parser = parse_dpi)]
    pub dpi: f32,
    /// PDF standards and draft mark.
    #[command(flatten)]
    pub pdf: PdfArgs,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

const BATCH_EXAMPLES: &str = "\
Examples:
  noteverbale batch examples/ccm-7msp.yaml --recipients examples/missions.yaml
      out/AFG.en.pdf … out/ZWE.en.pdf, out/manifest.json, out/manifest.csv
  noteverbale batch examples/ccm-7msp.yaml -r examples/missions.yaml --only FRA,CAN --lang all
      both languages for two missions

A second run rewrites only the notes whose inputs changed (--force rewrites all).
Ctrl-C stops cleanly: the notes being typeset are finished and the manifests
written, so that the next run starts where this one stopped.
Exit status: 0 every note written; 1 a file given is wrong or a note failed
(the others are still written); 2 the command line is wrong; 3 a file could not
be written; 130 stopped by Ctrl-C.";

const CHECK_EXAMPLES: &str = "Examples:
  noteverbale check examples/ccm-7msp.yaml
  noteverbale check examples/ccm-7msp.yaml --recipients examples/missions.yaml --format json

Checks all that render and batch would: YAML syntax, field names (with the
nearest one for a misspelling), types, both languages, dates real and coherent
(the meeting ends after it starts, delegations are due before it, the note is
dated before its deadlines; a deadline on a weekend is a warning), ordinals,
resolution symbols, e-mail and web addresses, the messages of both languages,
and that both notes typeset.
Exit status: 0 nothing found; 1 errors; 3 a file could not be read; 4 warnings
only.";

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The meeting file (YAML).
    pub meeting: PathBuf,
    /// The list of missions: YAML (`missions:`) or CSV (`code,name_fr,name_en,language,…`).
    #[arg(short, long)]
    pub recipients: PathBuf,
    /// The folder to write into; created if missing.
    #[arg(short, long, default_value = "out")]
    pub out: PathBuf,
    /// Which languages: each mission's own, one for all, or both.
    #[arg(short, long, value_enum, default_value_t = BatchLang::Mission)]
    pub lang: BatchLang,
    /// Only these missions, by code: `--only FRA,CAN`.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub only: Vec<String>,
    /// How many notes to typeset at once [default: the number of cores].
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// File names, with `{code}` and `{lang}`; `/` makes folders.
    #[arg(long, default_value = noteverbale::batch::DEFAULT_PATTERN)]
    pub pattern: String,
    /// Typeset every note, even those whose inputs have not changed.
    #[arg(long)]
    pub force: bool,
    /// PDF standards and draft mark.
    #[command(flatten)]
    pub pdf: PdfArgs,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Languages of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchLang {
    /// Each mission's working language.
    Mission,
    /// French for every mission.
    Fr,
    /// English for every mission.
    En,
    /// Both languages for every mission.
    All,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The meeting file (YAML).
    pub meeting: PathBuf,
    /// A list of missions to check too, as `batch` reads it.
    #[arg(short, long)]
    pub recipients: Option<PathBuf>,
    /// How to print what is found: for people, or as JSON for programs.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// How the PDFs are made.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// PDF standards to conform to; may be repeated.
    #[arg(long = "pdf-standard", value_enum)]
    pub standards: Vec<PdfStandardChoice>,
    /// Print a "PROJET / DRAFT" mark across the pages.
    #[arg(long)]
    pub draft: bool,
}

/// Folders that override the built-in templates and locales.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// A folder of templates; each file replaces the built-in one of the same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// A folder of locales (`fr/*.ftl`, `en/*.ftl`); each file replaces the built-in one.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// Which languages to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// French.
    Fr,
    /// English.
    En,
    /// Every language.
    All,
}

/// How `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Messages with the source line and a caret, as a compiler prints them.
    Human,
    /// One JSON object: `diagnostics` (severity, message, file, line, column,
    /// field, hints), `errors`, `warnings`.
    Json,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One PDF a language.
    Pdf,
    /// One PNG a page.
    Png,
    /// One SVG a page.
    Svg,
    /// The generated Typst source.
    Typ,
}

/// PDF standards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardChoice {
    /// PDF/A-2b, for archiving.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/UA-1, for accessibility.
    #[value(name = "ua-1")]
    Ua1,
}

/// When to color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When writing to a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

fn parse_dpi(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(dpi) if (18.0..=1200.0).contains(&dpi) => Ok(dpi),
        _ => Err("give a resolution from 18 to 1200 dots per inch".into()),
    }
}
