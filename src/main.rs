//! The command line. It only reads arguments and reports; the work is in the
//! library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use babelfeed::config::Settings;
use babelfeed::diagnostic::Diagnostic;
use babelfeed::{report, Error};

const AFTER_HELP: &str = "\
Examples:
  babelfeed build                         articles/ -> feeds/, with ./babelfeed.toml if present
  babelfeed -v build --out /srv/www/feeds list what was written and what was left unchanged
  babelfeed inspect                       how language, title, date and translations were decided
  babelfeed inspect --format json | jq '.[] | select(.group_source == \"none\") | .path'

Exit codes:
  0  success (warnings may have been printed)
  1  input errors in the articles: every one is listed, nothing was published
  2  usage or configuration error (bad option, babelfeed.toml, articles folder)
  3  output error: the feeds could not be rendered or written";

/// Publish one Atom and one RSS feed per language from a folder of articles,
/// with every entry linking its translations (hreflang).
///
/// Articles are plain-text news exports (*.txt: a date line, a lead
/// paragraph, more paragraphs) or Markdown with TOML/YAML front matter
/// (*.md). For plain text, babelfeed works out the language, title, summary
/// and which files translate each other from the text itself.
#[derive(Debug, Parser)]
#[command(name = "babelfeed", version, after_help = AFTER_HELP, propagate_version = true)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also list every file written, left unchanged or ignored.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the feeds: feeds/<lang>/atom.xml and feeds/<lang>/rss.xml.
    ///
    /// Nothing is published when any article has an error; files whose
    /// content does not change are left untouched.
    #[command(after_help = AFTER_HELP)]
    Build {
        #[command(flatten)]
        input: Input,
        /// Output folder; each language gets a subfolder.
        #[arg(long, value_name = "DIR", default_value = "feeds")]
        out: PathBuf,
    },
    /// Show every article with how each value was decided (language and its
    /// source, date, title, id, URL, translation group and its source).
    #[command(after_help = AFTER_HELP)]
    Inspect {
        #[command(flatten)]
        input: Input,
        /// `table` for people, `json` for scripts (one object per article).
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

#[derive(Debug, clap::Args)]
struct Input {
    /// Folder of articles, read recursively; hidden files are skipped.
    #[arg(long, value_name = "DIR", default_value = "articles")]
    articles: PathBuf,
    /// Configuration file [default: ./babelfeed.toml when it exists, else
    /// built-in defaults].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Table,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Error::Input(diagnostics) = &error {
                print_diagnostics(diagnostics, cli.quiet);
            }
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

fn run(cli: &Cli) -> Result<(), Error> {
    match &cli.command {
        Command::Build { input, out } => {
            let settings = Settings::load(input.config.as_deref())?;
            let built = babelfeed::build(&input.articles, out, &settings)?;
            print_diagnostics(&built.loaded.diagnostics, cli.quiet);
            if cli.verbose > 0 {
                for path in &built.loaded.ignored {
                    eprintln!("ignored {} (not .txt, .md or a sidecar .toml)", path);
                }
                for path in &built.published.written {
                    eprintln!("wrote {}", out.join(path).display());
                }
                for path in &built.published.unchanged {
                    eprintln!("unchanged {}", out.join(path).display());
                }
            }
            if !cli.quiet {
                let articles = &built.loaded.catalog.articles;
                let published = articles.iter().filter(|a| !a.draft).count();
                eprintln!(
                    "built feeds for {} language(s) [{}] from {published} article(s){}: {} file(s) written, {} unchanged, in {}",
                    built.languages.len(),
                    built.languages.join(", "),
                    match articles.len() - published {
                        0 => String::new(),
                        drafts => format!(" ({drafts} draft(s) left out)"),
                    },
                    built.published.written.len(),
                    built.published.unchanged.len(),
                    out.display()
                );
            }
            Ok(())
        }
        Command::Inspect { input, format } => {
            let settings = Settings::load(input.config.as_deref())?;
            let loaded = babelfeed::load(&input.articles, &settings)?;
            let text = match format {
                OutputFormat::Json => report::json(&loaded.catalog),
                OutputFormat::Table => report::table(&loaded.catalog),
            };
            print!("{text}");
            if loaded.has_errors() {
                return Err(Error::Input(loaded.diagnostics));
            }
            print_diagnostics(&loaded.diagnostics, cli.quiet);
            Ok(())
        }
    }
}

/// Errors always; warnings unless `--quiet`.
fn print_diagnostics(diagnostics: &[Diagnostic], quiet: bool) {
    for d in diagnostics {
        if d.is_error() || !quiet {
            eprintln!("{d}");
        }
    }
}
