//! Writes a deterministic multilingual news corpus for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- \
//!     --stories 500 --langs de,fr --format txt --out /tmp/corpus [--seed 1] \
//!     [--per-day 20] [--start 2024-01-01] [--untranslated-share 0.0] \
//!     [--manifest FILE] [--force]
//! ```
//!
//! The same arguments give the same bytes. The generation itself lives in
//! `corpus.rs` (pure, no I/O) so that benches and tests can include it.

mod corpus;

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Plain-text exports: date line, lead, paragraphs; random hex names.
    Txt,
    /// Hugo-style Markdown: NAME.<lang>.md with TOML/YAML front matter.
    Md,
}

/// Generate a deterministic multilingual news corpus (same arguments, same bytes).
#[derive(Debug, Parser)]
#[command(name = "gen_corpus")]
struct Args {
    /// Number of stories; each is published in every language (see --untranslated-share).
    #[arg(long)]
    stories: usize,
    /// Comma-separated languages among de, fr, en, es, it.
    #[arg(long, value_delimiter = ',', default_value = "de,fr")]
    langs: Vec<String>,
    #[arg(long, value_enum, default_value = "txt")]
    format: FormatArg,
    /// Output folder; must be absent or empty unless --force.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Stories per calendar day.
    #[arg(long, default_value_t = 20)]
    per_day: usize,
    /// First day, YYYY-MM-DD.
    #[arg(long, default_value = "2024-01-01", value_parser = parse_day)]
    start: (i32, u32, u32),
    /// Share (0..1) of stories published in one language only.
    #[arg(long, default_value_t = 0.0)]
    untranslated_share: f64,
    /// Also write the ground truth as TSV (path, lang, story, date) to this
    /// file (keep it outside --out).
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Delete --out first when it is not empty.
    #[arg(long)]
    force: bool,
}

fn parse_day(s: &str) -> Result<(i32, u32, u32), String> {
    let bad = || format!("`{s}` is not a date YYYY-MM-DD");
    let mut parts = s.splitn(3, '-');
    let y = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let m: u32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let d: u32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    Ok((y, m, d))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    for lang in &args.langs {
        if !corpus::LANGS.contains(&lang.as_str()) {
            return Err(format!(
                "no vocabulary for language `{lang}`; choose among {}",
                corpus::LANGS.join(", ")
            ));
        }
    }
    if !(0.0..=1.0).contains(&args.untranslated_share) {
        return Err("--untranslated-share must be between 0 and 1".into());
    }
    let opts = corpus::Options {
        stories: args.stories,
        langs: args.langs.clone(),
        format: match args.format {
            FormatArg::Txt => corpus::Format::Txt,
            FormatArg::Md => corpus::Format::Md,
        },
        seed: args.seed,
        per_day: args.per_day.max(1),
        start: args.start,
        untranslated_share: args.untranslated_share,
    };
    let out = &args.out;
    if out.exists()
        && fs::read_dir(out)
            .map_err(|e| e.to_string())?
            .next()
            .is_some()
    {
        if !args.force {
            return Err(format!(
                "{} is not empty; pass --force to replace it",
                out.display()
            ));
        }
        fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let files = corpus::generate_files(&opts);
    let mut bytes = 0usize;
    for file in &files {
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, &file.content).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += file.content.len();
    }
    if let Some(manifest) = &args.manifest {
        let mut w = std::io::BufWriter::new(
            fs::File::create(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?,
        );
        let write_err = |e: std::io::Error| format!("{}: {e}", manifest.display());
        writeln!(w, "path\tlang\tstory\tdate").map_err(write_err)?;
        for f in &files {
            writeln!(w, "{}\t{}\t{}\t{}", f.path, f.lang, f.story, f.date).map_err(write_err)?;
        }
        w.flush().map_err(write_err)?;
    }
    eprintln!(
        "gen_corpus: wrote {} files, {:.1} MB, to {}",
        files.len(),
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::corpus::*;

    fn opts(format: Format, langs: &[&str], stories: usize) -> Options {
        Options {
            stories,
            langs: langs.iter().map(|s| s.to_string()).collect(),
            format,
            ..Options::default()
        }
    }

    #[test]
    fn same_options_same_bytes() {
        for format in [Format::Txt, Format::Md] {
            let o = opts(format, &["de", "fr", "en"], 60);
            assert_eq!(generate(&o), generate(&o));
        }
    }

    #[test]
    fn bigger_corpus_starts_with_the_same_stories() {
        let small = generate_files(&opts(Format::Txt, &["de", "fr"], 30));
        let big = generate_files(&opts(Format::Txt, &["de", "fr"], 90));
        for f in &small {
            assert!(big.contains(f), "{} changed", f.path);
        }
    }

    #[test]
    fn every_story_in_every_language_with_distinct_paths() {
        let files = generate_files(&opts(Format::Txt, &LANGS, 200));
        assert_eq!(files.len(), 200 * LANGS.len());
        let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        paths.dedup();
        assert_eq!(paths.len(), files.len());
        let md = generate_files(&opts(Format::Md, &["de", "fr"], 50));
        assert!(md
            .iter()
            .all(|f| f.path.ends_with(&format!(".{}.md", f.lang))));
    }

    #[test]
    fn untranslated_share_leaves_some_stories_alone() {
        let mut o = opts(Format::Txt, &["de", "fr"], 400);
        o.untranslated_share = 0.1;
        let files = generate_files(&o);
        let singles = 2 * 400 - files.len();
        assert!(
            (20..=60).contains(&singles),
            "{singles} single-language stories"
        );
    }

    #[test]
    fn lengths_are_skewed_around_two_kilobytes() {
        for format in [Format::Txt, Format::Md] {
            let files = generate_files(&opts(format, &LANGS, 400));
            let sizes: Vec<usize> = files.iter().map(|f| f.content.len()).collect();
            let mean = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
            let mut sorted = sizes.clone();
            sorted.sort_unstable();
            let median = sorted[sorted.len() / 2] as f64;
            let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
            eprintln!("{format:?}: mean {mean:.0} median {median:.0} min {min} max {max}");
            assert!((1700.0..=2500.0).contains(&mean), "mean {mean}");
            assert!(median < mean, "not right-skewed");
            assert!(min >= 400 && max <= 9000, "{min}..{max}");
        }
    }

    #[test]
    fn translations_share_names_numbers_terms_and_urls() {
        let files = generate_files(&opts(Format::Txt, &["de", "en"], 40));
        for story in 0..40 {
            let pair: Vec<&File> = files.iter().filter(|f| f.story == story).collect();
            let (de, en) = (&pair[0].content, &pair[1].content);
            // Every URL of one is in the other.
            for word in de.split_whitespace().filter(|w| w.starts_with("https://")) {
                let url = word.trim_end_matches('.');
                assert!(en.contains(url), "{url} missing from the translation");
            }
        }
    }

    #[test]
    fn number_formats_per_language() {
        let files = generate_files(&opts(Format::Txt, &LANGS, 100));
        let text = |lang: &str| {
            files
                .iter()
                .filter(|f| f.lang == lang)
                .map(|f| f.content.as_str())
                .collect::<String>()
        };
        let has =
            |lang: &str, pattern: fn(&str) -> bool| text(lang).split_whitespace().any(pattern);
        // 1.234,5 in de; 1,234.5 in en.
        assert!(has("de", |w| w.len() > 6
            && w.as_bytes()[1..].contains(&b'.')
            && w.contains(',')
            && w.find('.') < w.find(',')));
        assert!(has("en", |w| w.contains(',')
            && w.contains('.')
            && w.find(',') < w.find('.')));
        // French groups with a (no-break) space.
        assert!(text("fr").contains('\u{202f}') || text("fr").contains('\u{a0}'));
    }

    /// Statistical language detection must recognise every article.
    #[test]
    fn whatlang_recognises_every_language() {
        for format in [Format::Txt, Format::Md] {
            let files = generate_files(&opts(format, &LANGS, 300));
            let mut wrong = Vec::new();
            for f in &files {
                let expected = match f.lang {
                    "de" => whatlang::Lang::Deu,
                    "fr" => whatlang::Lang::Fra,
                    "en" => whatlang::Lang::Eng,
                    "es" => whatlang::Lang::Spa,
                    _ => whatlang::Lang::Ita,
                };
                // Detection among the five corpus languages, as babelfeed does.
                let detector = whatlang::Detector::with_allowlist(vec![
                    whatlang::Lang::Deu,
                    whatlang::Lang::Fra,
                    whatlang::Lang::Eng,
                    whatlang::Lang::Spa,
                    whatlang::Lang::Ita,
                ]);
                let got = detector.detect_lang(&f.content);
                if got != Some(expected) {
                    wrong.push(format!("{} ({}): {:?}", f.path, f.lang, got));
                }
            }
            assert!(wrong.is_empty(), "{format:?}: {wrong:#?}");
        }
    }

    #[test]
    fn calendar_round_trips() {
        for days in -1000..30_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(2024, 1, 1), 19_723);
    }
}
