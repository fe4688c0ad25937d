//! The command line. It only reads arguments and reports; the work is in the
//! library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use babelfeed::config::Settings;
use babelfeed::diagnostic::Diagnostic;
use babelfeed::{report, BuildOptions, Error};

/// `println!` for what the run reports: a closed stdout (`babelfeed
/// inspect --format json | head -2`) must not stop the run, which would
/// panic in `println!`. See [`write_or_drop`].
macro_rules! outln {
    ($($arg:tt)*) => {
        write_or_drop(&mut std::io::stdout().lock(), format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` as [`outln!`] is `println!`: `babelfeed build 2>&1 | head
/// -1` must still finish publishing.
macro_rules! errln {
    ($($arg:tt)*) => {
        write_or_drop(&mut std::io::stderr().lock(), format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Writes `text`, dropping it when it cannot be written (a pipe whose
/// reader is gone, as ripgrep does): the run goes on, a build finishes
/// publishing, and the exit code is the run's own, not a panic's 101.
fn write_or_drop(stream: &mut impl Write, text: std::fmt::Arguments) {
    let _ = stream.write_fmt(text);
}

// A build allocates millions of small strings on both cores (paths,
// titles, tokens, XML text); mimalloc's per-thread pages make that about
// a tenth of the CPU cheaper than glibc's arenas, which also return and
// fault back pages between stages.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Each line fits an 80-column terminal, where clap would wrap a longer
// one at the margin and cut an example in two (a test holds it to that).
const AFTER_HELP: &str = "\
Examples:
  babelfeed build
      articles/ -> feeds/, with ./babelfeed.toml if present
  babelfeed -v build --out /srv/www/feeds
      list what was written, left unchanged or removed
  babelfeed check
      find every problem in articles and configuration; write nothing
  babelfeed check --format json | jq '.[] | select(.severity == \"error\")'
  babelfeed inspect
      how language, title, date and translations were decided
  babelfeed inspect --format json |
    jq -r '.[] | select(.group_source == \"none\") | .path'
      the articles linked to no translation
  */5 * * * * cd /srv/news && babelfeed -q build --no-wait
      crontab: errors only; skip if busy

Configuration:
  babelfeed.toml in the working folder, or --config FILE (never one in the
  articles folder); without one, the built-in defaults, with a warning.
  The keys most used:
    base_url = \"https://news.example.org\"   the site; ids are made from it
    timezone = \"Europe/Berlin\"              dates without an offset are in it
    max_entries = 50                        entries per feed; 0 = all
    content = \"full\"                        or \"summary\"
    [languages.de]
    title = \"Nachrichten\"                   the feed's title in German
  README.md lists every key and its default.

Exit codes:
  0  success (warnings may have been printed)
  1  input errors in the articles, every one listed: nothing was published
     (with --keep-going the valid articles were published; the files left
     out are listed)
  2  usage or configuration error (bad option, babelfeed.toml, articles
     folder)
  3  output error: the feeds could not be rendered or written; the published
     feeds are unchanged
  4  another babelfeed run is publishing to the same output folder (only with
     --no-wait; nothing is printed with -q)";

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
    /// List the files of the articles folder that were ignored; build
    /// also lists every file written, left unchanged or removed (check and
    /// inspect write none), and twice (-vv), how long each stage took.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the feeds: feeds/<lang>/atom.xml and feeds/<lang>/rss.xml.
    ///
    /// Every feed is rendered and checked before any published one is
    /// replaced, and each is replaced in one step (temporary file, sync,
    /// rename), so readers never see a half-written feed. Nothing is
    /// published when any article has an error. Files whose content does
    /// not change are left untouched; feeds of a language that no longer
    /// has articles are removed. Runs over one output folder take turns.
    ///
    /// A cache in <out>/.babelfeed-cache/ lets a run read and infer only the
    /// articles that changed, and stop at once when none did; it never
    /// changes the output, and deleting it is always safe.
    #[command(after_help = AFTER_HELP)]
    Build {
        #[command(flatten)]
        input: Input,
        /// Output folder; each language gets a subfolder.
        #[arg(long, value_name = "DIR", default_value = "feeds")]
        out: PathBuf,
        /// Publish the valid articles even when others have errors; the
        /// run still exits with 1 and lists the files left out.
        #[arg(long)]
        keep_going: bool,
        /// Exit at once (code 4) instead of waiting when another run is
        /// publishing to the same output folder, with a one-line note
        /// (with -q, silently: an overlap of cron jobs is no error).
        #[arg(long)]
        no_wait: bool,
    },
    /// Check articles and configuration as `build` would, writing nothing:
    /// every problem at once, as `path:line: severity: message`.
    #[command(after_help = AFTER_HELP)]
    Check {
        #[command(flatten)]
        input: Input,
        /// `text` (on stderr) for people; `json` (on stdout, an array of
        /// {path, line, severity, message}) for scripts.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
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

impl Cli {
    /// Whether the problems go to stdout as JSON (`check --format json`).
    fn json_diagnostics(&self) -> bool {
        matches!(
            self.command,
            Command::Check {
                format: CheckFormat::Json,
                ..
            }
        )
    }
}

impl Input {
    /// The configuration, with a warning on stderr (unless `quiet`) when
    /// the defaults are used because there is none, and the warnings on
    /// its values, which the command reports with the articles' own.
    fn settings(&self, quiet: bool) -> Result<(Settings, Vec<Diagnostic>), Error> {
        let loaded = Settings::load(self.config.as_deref(), &self.articles)?;
        if let Some(warning) = loaded.defaults_used.filter(|_| !quiet) {
            errln!("warning: {warning}");
        }
        Ok((loaded.settings, loaded.warnings))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Table,
    Json,
}

fn main() -> ExitCode {
    // Past a file-size limit (`ulimit -f`) the kernel would kill the
    // process mid-write; ignored, the write fails and the run reports it
    // with the old feeds intact.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // Small pages only. mimalloc asks for transparent huge pages, and the
    // kernel then zeroes two megabytes at the first touch of each, most
    // of which a run that allocates and frees by the kilobyte never uses;
    // on the 2-core VM of BENCHMARKS.md, fresh memory is dear, and full
    // builds of 100k articles were a tenth faster without (the same
    // runs, interleaved), with less memory and less variation.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report_failure(&error, &cli);
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

/// Tells why the run failed, after every problem of the input the failure
/// carries: a run whose feeds could not be written still lists what it
/// found in the articles.
fn report_failure(error: &Error, cli: &Cli) {
    // Skipping a run while another publishes is what `--no-wait` asks
    // for, not an error: cron (`-q build --no-wait`) would mail every
    // overlap. The exit code (4) still tells a script.
    if let Error::Busy(_) = error {
        if !cli.quiet {
            errln!("note: skipped: {error}");
        }
        return;
    }
    let diagnostics = error.diagnostics();
    match error {
        // Already printed, as every problem `check` finds.
        Error::Check(_) => {}
        // `check --format json | jq` must see a bad configuration or
        // articles folder too, in the same shape as the articles' problems.
        _ if cli.json_diagnostics() => {
            let mut diagnostics = diagnostics;
            diagnostics.extend(error.as_diagnostic());
            outln!("{}", report::diagnostics_json(&diagnostics))
        }
        _ => print_diagnostics(&diagnostics, cli.quiet),
    }
    errln!("error: {error}");
}

fn run(cli: &Cli) -> Result<(), Error> {
    match &cli.command {
        Command::Build {
            input,
            out,
            keep_going,
            no_wait,
        } => {
            let (settings, warnings) = input.settings(cli.quiet)?;
            print_diagnostics(&warnings, cli.quiet);
            let options = BuildOptions {
                keep_going: *keep_going,
                no_wait: *no_wait,
            };
            let built = babelfeed::build(&input.articles, out, &settings, options)?;
            print_diagnostics(&built.diagnostics, cli.quiet);
            if cli.verbose > 0 {
                if built.from_cache {
                    errln!("nothing changed since the last run (no article was read)");
                }
                print_ignored(&built.ignored);
                for path in &built.published.written {
                    let copied = built.published.copied.iter().find(|(p, ..)| p == path);
                    let why = match copied {
                        Some((_, copied, all)) => format!(
                            " ({} of {} bytes copied from the file it replaces: those entries did not change)",
                            copied, all
                        ),
                        None => String::new(),
                    };
                    errln!("wrote {}{why}", out.join(path).display());
                }
                for path in &built.published.unchanged {
                    let why = if built.published.not_rendered.contains(path) {
                        " (not rendered: what it is made of did not change)"
                    } else {
                        ""
                    };
                    errln!("unchanged {}{why}", out.join(path).display());
                }
            }
            // Not only with -v: a feed gone is a 404 for every subscriber,
            // and a folder that is empty for a while (a sync under way)
            // looks like a language with no articles.
            if !cli.quiet {
                for path in &built.published.removed {
                    errln!(
                        "warning: removed {}: its language has no articles now (if they are only away for a while, the next run publishes it again)",
                        out.join(path).display()
                    );
                }
            }
            if cli.verbose > 1 {
                for (stage, took) in &built.timings {
                    errln!("{:>9.3} s  {stage}", took.as_secs_f64());
                }
            }
            if !cli.quiet {
                let published = built.articles - built.drafts;
                errln!(
                    "built feeds for {} language(s) [{}] from {published} article(s){}: {} file(s) written, {} unchanged, {} removed, in {}",
                    built.languages.len(),
                    built.languages.join(", "),
                    match built.drafts {
                        0 => String::new(),
                        drafts => format!(" ({drafts} draft(s) left out)"),
                    },
                    built.published.written.len(),
                    built.published.unchanged.len(),
                    built.published.removed.len(),
                    out.display()
                );
            }
            if !built.left_out.is_empty() {
                return Err(Error::LeftOut(built.left_out));
            }
            Ok(())
        }
        Command::Check { input, format } => {
            let (settings, warnings) = input.settings(cli.quiet)?;
            let mut loaded = babelfeed::check(&input.articles, &settings)?;
            // The configuration's first, as it is read first.
            loaded.diagnostics.splice(0..0, warnings);
            if cli.verbose > 0 {
                print_ignored(&loaded.ignored);
            }
            match format {
                CheckFormat::Json => outln!("{}", report::diagnostics_json(&loaded.diagnostics)),
                CheckFormat::Text => print_diagnostics(&loaded.diagnostics, cli.quiet),
            }
            if loaded.has_errors() {
                return Err(Error::Check(loaded.errors()));
            }
            if !cli.quiet {
                let warnings = loaded.diagnostics.len();
                errln!(
                    "checked {} article(s): no errors, {warnings} warning(s)",
                    loaded.catalog.articles.len()
                );
            }
            Ok(())
        }
        Command::Inspect { input, format } => {
            let (settings, warnings) = input.settings(cli.quiet)?;
            print_diagnostics(&warnings, cli.quiet);
            let loaded = babelfeed::load(&input.articles, &settings)?;
            if cli.verbose > 0 {
                print_ignored(&loaded.ignored);
            }
            let text = match format {
                OutputFormat::Json => report::json(&loaded.catalog),
                OutputFormat::Table => report::table(&loaded.catalog),
            };
            write_or_drop(&mut std::io::stdout().lock(), format_args!("{text}"));
            print_diagnostics(&loaded.diagnostics, cli.quiet);
            // As `check` says it: inspect never publishes anything.
            if loaded.has_errors() {
                return Err(Error::Check(loaded.errors()));
            }
            Ok(())
        }
    }
}

/// With `-v`: the files of the articles folder that were not read, and why.
fn print_ignored(ignored: &[String]) {
    for path in ignored {
        errln!(
            "ignored {path} ({})",
            babelfeed::discover::why_ignored(path)
        );
    }
}

/// Errors always; warnings unless `--quiet`.
fn print_diagnostics(diagnostics: &[Diagnostic], quiet: bool) {
    for d in diagnostics {
        if d.is_error() || !quiet {
            errln!("{d}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// Clap wraps help at the terminal's width: a line of the examples or
    /// exit codes longer than that is cut at the margin, its end alone at
    /// the start of the next line ("write" / "nothing"). On an 80-column
    /// terminal each is shown as written.
    #[test]
    fn examples_and_exit_codes_are_not_wrapped_at_80_columns() {
        let mut command = Cli::command().term_width(80);
        let mut helps = vec![command.render_long_help().to_string()];
        for sub in command.get_subcommands_mut() {
            if sub.get_after_help().is_some() {
                let mut sub = sub.clone().term_width(80);
                helps.push(sub.render_long_help().to_string());
            }
        }
        assert_eq!(helps.len(), 4, "babelfeed and its three commands");
        for help in helps {
            for line in AFTER_HELP.lines() {
                assert!(
                    help.lines().any(|shown| shown.trim_end() == line),
                    "`{line}` is not shown as written:\n{help}"
                );
            }
        }
    }
}
