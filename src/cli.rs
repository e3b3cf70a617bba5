//! The command line: clap types, and their conversion into the library's
//! own types, once, at the edge.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use noteverbale::batch::{self, Languages};
use noteverbale::{Lang, NoteOptions, PdfOptions, PdfStandard, Sources};

/// What the exit statuses mean: the same text closes `--help` and the
/// README's section on commands.
pub const EXIT_STATUS: &str = "\
Exit status:
  0    done (`check`: no errors; warnings are printed)
  1    a file given is wrong: the message says which file, line, column and
       field; `batch`: some notes failed, the others are written
  2    the command line is wrong
  3    the environment failed: a file could not be read or written, a port
       is in use, files cannot be watched, threads cannot start, another
       batch is writing into the output folder
  4    `check --deny-warnings`: warnings were found, and no errors
  130  a batch stopped by Ctrl-C: the notes being typeset are finished and
       the manifests written, so that the next run goes on where it stopped";

const EXAMPLES: &str = "\
Examples:
  noteverbale render examples/ccm-7msp.yaml
      out/ccm-7msp.fr.pdf and out/ccm-7msp.en.pdf
  noteverbale render examples/ccm-7msp.yaml --lang fr --format png
      one PNG a page, for a quick look
  noteverbale render examples/ccm-7msp.yaml --format typ
      a Typst project, to finish a note by hand
  noteverbale check examples/*.yaml
      validate only";

/// Diplomatic notes verbales in French and English, typeset to PDF from one
/// YAML file of meeting metadata.
#[derive(Debug, Parser)]
#[command(name = "noteverbale", version, about, after_help = format!("{EXAMPLES}\n\n{EXIT_STATUS}"))]
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
    #[command(after_help = format!("{EXAMPLES}\n\n{EXIT_STATUS}"))]
    Render(RenderArgs),
    /// Typeset one note per permanent mission, each in the mission's language.
    #[command(after_help = format!("{BATCH_EXAMPLES}\n\n{EXIT_STATUS}"))]
    Batch(BatchArgs),
    /// Check meeting files, their templates and locales, and lists of
    /// missions; write nothing.
    #[command(after_help = format!("{CHECK_EXAMPLES}\n\n{EXIT_STATUS}"))]
    Check(CheckArgs),
    /// List the note kinds, or describe one: its fields, their types and docs.
    #[command(after_help = KINDS_EXAMPLES)]
    Kinds(KindsArgs),
    /// Write a new meeting file for a kind, every field explained and filled
    /// with an example.
    #[command(after_help = INIT_EXAMPLES)]
    Init(InitArgs),
    /// Print or write the JSON Schema of a meeting file of a kind, for
    /// editors to complete and check the file as it is typed.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),
    /// Typeset the notes again each time the meeting file, its logo, a
    /// template or a locale is saved.
    #[command(after_help = format!("{WATCH_EXAMPLES}\n\n{EXIT_STATUS}"))]
    Watch(WatchArgs),
    /// Show the French and English notes side by side in a browser, updated
    /// as files are saved.
    #[command(after_help = format!("{SERVE_EXAMPLES}\n\n{EXIT_STATUS}"))]
    Serve(ServeArgs),
    /// Print a completion script for a shell.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page, or write one for each command into a folder.
    #[command(after_help = MANPAGE_EXAMPLES)]
    Manpage(ManpageArgs),
    /// Run a user's templates for one note within limits, the job read on
    /// standard input: the worker of `--templates`, not for people.
    #[command(name = "__compose", hide = true)]
    Compose,
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
    pub note: NoteArgs,
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
    pub note: NoteArgs,
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
    /// What to write: PDF, one PNG or SVG a page, or a Typst project.
    #[arg(short, long, value_enum, default_value_t = Format::Pdf)]
    pub format: Format,
    /// Resolution of PNG pages, in dots per inch.
    #[arg(long, default_value_t = 144.0, value_parser = parse_dpi)]
    pub dpi: f32,
    /// PDF standards and draft mark.
    #[command(flatten)]
    pub note: NoteArgs,
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
  noteverbale batch examples/ccm-7msp.yaml -r missions.xlsx --sheet Missions --print all.pdf --duplex
      a spreadsheet's list; every note also in all.pdf, each starting on an odd page
  noteverbale batch examples/ccm-7msp.yaml -r missions.ods --mail drafts
      drafts/FRA.eml, … for the missions with an `email`, to open and send
  noteverbale batch examples/ccm-7msp.yaml examples/request-for-views.yaml -r examples/missions.yaml
      out/ccm-7msp/AFG.en.pdf …, out/request-for-views/AFG.en.pdf …, a manifest in each

A second run rewrites only the notes whose inputs changed (--force rewrites all).
One batch at a time writes into a folder; a second is refused while the first
runs. Each note is recorded as it is written: after Ctrl-C, or a run killed
any other way, the next run starts where this one stopped.";

const CHECK_EXAMPLES: &str = "Examples:
  noteverbale check examples/ccm-7msp.yaml
  noteverbale check examples/*.yaml
  noteverbale check examples/ccm-7msp.yaml --recipients examples/missions.yaml --format json

Checks all that render and batch would: YAML syntax, field names (with the
nearest one for a misspelling), types, both languages, dates real and coherent
(the meeting ends after it starts, delegations are due before it, the note is
dated before its deadlines; a deadline on a weekend is a warning), ordinals,
resolution symbols, e-mail and web addresses, the messages of both languages,
and that both notes typeset. A list of missions (a YAML file with `missions:`,
or a CSV file) is checked record by record.

A warning the writer knows to be right is acknowledged beside its value, in a
comment: `deadline: 2017-04-30  # allow(weekend-deadline): fixed by the treaty`.";

const KINDS_EXAMPLES: &str = "Examples:
  noteverbale kinds
  noteverbale kinds request-for-views
  noteverbale kinds --templates my-templates --format json";

const INIT_EXAMPLES: &str = "Examples:
  noteverbale init --kind note reply.yaml
      reply.yaml, a note of any purpose: the formulas around your paragraphs,
      for a note that no other kind fits; and note.schema.json beside it
  noteverbale init
      invitation.yaml, a new invitation
  noteverbale init --kind request-for-views views-76-231.yaml
  noteverbale init --kind memorandum --templates my-templates";

/// Arguments of `kinds`.
#[derive(Debug, Args)]
pub struct KindsArgs {
    /// The kind to describe; every kind is listed without it.
    pub kind: Option<String>,
    /// How to print: for people, or as JSON for programs.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The kind of note.
    #[arg(short, long, default_value = "invitation")]
    pub kind: String,
    /// The file to write [default: KIND.yaml]; `-` prints it.
    pub file: Option<PathBuf>,
    /// Replace the file if it is there.
    #[arg(long)]
    pub force: bool,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The kind; with `--out` and no kind, every kind.
    pub kind: Option<String>,
    /// Write `KIND.schema.json` into this folder instead of printing it.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

const SCHEMA_EXAMPLES: &str = "Examples:
  noteverbale schema note > note.schema.json
  noteverbale schema --out schemas
      invitation.schema.json, note.schema.json, request-for-views.schema.json
  In a meeting file, the first line
      # yaml-language-server: $schema=note.schema.json
  makes the YAML extensions of VS Code and JetBrains editors complete and check it.";

const COMPLETIONS_EXAMPLES: &str = "Examples:
  noteverbale completions bash > ~/.local/share/bash-completion/completions/noteverbale
  noteverbale completions zsh > ~/.zfunc/_noteverbale
  noteverbale completions fish > ~/.config/fish/completions/noteverbale.fish";

const MANPAGE_EXAMPLES: &str = "Examples:
  noteverbale manpage | man -l -
  noteverbale manpage --out ~/.local/share/man/man1
      noteverbale.1, noteverbale-render.1, …";

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The meeting file (YAML); with several, each one's notes go into a
    /// folder of `--out` named after it: `out/ccm-7msp-reminder/FRA.fr.pdf`.
    #[arg(required = true, value_name = "MEETING")]
    pub meetings: Vec<PathBuf>,
    /// The list of missions: YAML (`missions:`), CSV
    /// (`code,name_fr,name_en,language,…`) or a spreadsheet (`.xlsx`, `.xls`,
    /// `.ods`) with the same columns.
    #[arg(short, long)]
    pub recipients: PathBuf,
    /// The sheet of a spreadsheet list [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Also write one PDF of every note of the run, in list order, each note
    /// on a new sheet, with an outline entry per note; with several meeting
    /// files, each mission's notes together, in the order the files are
    /// given.
    #[arg(long, value_name = "FILE.pdf")]
    pub print: Option<PathBuf>,
    /// With `--print`, start each note on an odd page, for printing on both
    /// sides.
    #[arg(long, requires = "print")]
    pub duplex: bool,
    /// Also write into DIR one e-mail draft (`CODE.eml`) per mission with an
    /// address (the list's `email`), the note attached; nothing is sent.
    /// With several meeting files, each one's drafts go into a folder of DIR
    /// named after it.
    #[arg(long, value_name = "DIR")]
    pub mail: Option<PathBuf>,
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
    #[arg(long, default_value = batch::DEFAULT_PATTERN)]
    pub pattern: String,
    /// Typeset every note, even those whose inputs have not changed.
    #[arg(long)]
    pub force: bool,
    /// PDF standards and draft mark.
    #[command(flatten)]
    pub note: NoteArgs,
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

impl From<BatchLang> for Languages {
    fn from(choice: BatchLang) -> Self {
        match choice {
            BatchLang::Mission => Languages::Mission,
            BatchLang::Fr => Languages::Only(Lang::Fr),
            BatchLang::En => Languages::Only(Lang::En),
            BatchLang::All => Languages::All,
        }
    }
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Meeting files (YAML), and lists of missions to check on their own.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A list of missions whose every note is checked too, as `batch`
    /// typesets them.
    #[arg(short, long)]
    pub recipients: Option<PathBuf>,
    /// The sheet of a spreadsheet list given with `--recipients` [default:
    /// the first].
    #[arg(long, value_name = "NAME", requires = "recipients")]
    pub sheet: Option<String>,
    /// How to print what is found: for people, or as JSON for programs.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Exit with status 4 when warnings are found, and no errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Template and locale folders.
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// Arguments of `manpage`.
#[derive(Debug, Args)]
pub struct ManpageArgs {
    /// Write `noteverbale.1` and a page for each command into this folder,
    /// instead of printing the main page.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// How the notes are made: the PDF standards, the draft mark.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// PDF standards to conform to; may be repeated.
    #[arg(long = "pdf-standard", value_parser = pdf_standard())]
    pub standards: Vec<PdfStandard>,
    /// Print a "PROJET / DRAFT" mark across the pages.
    #[arg(long)]
    pub draft: bool,
}

/// The standards `--pdf-standard` takes.
fn pdf_standard() -> impl TypedValueParser<Value = PdfStandard> {
    PossibleValuesParser::new([
        PossibleValue::new("a-2b").help("PDF/A-2b, for archiving"),
        PossibleValue::new("ua-1").help("PDF/UA-1, for accessibility"),
    ])
    .map(|name| match name.as_str() {
        "a-2b" => PdfStandard::A_2b,
        _ => PdfStandard::Ua_1,
    })
}

impl From<&NoteArgs> for PdfOptions {
    fn from(args: &NoteArgs) -> Self {
        PdfOptions {
            standards: args.standards.clone(),
        }
    }
}

impl From<&NoteArgs> for NoteOptions {
    fn from(args: &NoteArgs) -> Self {
        NoteOptions {
            draft: args.draft,
            preview: false,
        }
    }
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

impl From<&SourceArgs> for Sources {
    fn from(args: &SourceArgs) -> Self {
        Sources {
            templates: args.templates.clone(),
            locales: args.locales.clone(),
            // This command, which runs a user's templates within limits.
            worker: std::env::current_exe().ok(),
        }
    }
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

impl LangChoice {
    /// The languages chosen, in the order notes are produced.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            LangChoice::Fr => &[Lang::Fr],
            LangChoice::En => &[Lang::En],
            LangChoice::All => &Lang::ALL,
        }
    }
}

/// How `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Messages with the source line and a caret, as a compiler prints them.
    Human,
    /// One JSON object: `files`, `diagnostics` (severity, message, file,
    /// line, column, field, hints, code), `errors`, `warnings`.
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
    /// The note's Typst source, with the page design and the logo it reads:
    /// a project that `typst compile` typesets on its own.
    Typ,
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
