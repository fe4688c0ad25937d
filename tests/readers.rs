//! Real feed readers read what babelfeed writes: Python's feedparser,
//! newsboat, sfeed, and the gofeed (Go), SimplePie (PHP) and ROME (Java)
//! libraries (as subprocesses, through tests/other_readers_check.py and the
//! dumpers in tests/readers/), on the sample, on the test corpus, and on a
//! generated multilingual corpus of both formats.

mod common;
#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::Command;

use common::*;

/// Builds `articles` into a scratch folder and returns (feeds dir, inspect JSON path).
fn build(cwd: &Path, articles: &Path, scratch: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let out = scratch.join("feeds");
    let articles = articles.to_str().unwrap();
    let output = babelfeed(
        cwd,
        &[
            "build",
            "-q",
            "--articles",
            articles,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_success(&output);
    let inspect = babelfeed(
        cwd,
        &["inspect", "-q", "--articles", articles, "--format", "json"],
    );
    assert_success(&inspect);
    let json = scratch.join("inspect.json");
    std::fs::write(&json, &inspect.stdout).unwrap();
    (out, json)
}

/// Runs one of the reader scripts (`tests/*_check.py`) over built feeds;
/// `args` go before the feeds folder.
fn reader_reads(script: &str, args: &[&str], feeds: &Path, json: &Path) {
    let script = repo().join("tests").join(script);
    let output = Command::new("python3")
        .arg(&script)
        .args(args)
        .arg(feeds)
        .arg(json)
        .output()
        .expect("run python3");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{} found problems:\n{text}{}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!text.contains(" 0 entries read"), "{text}");
    assert!(!text.contains(" 0 articles checked"), "{text}");
}

fn feedparser_reads(feeds: &Path, json: &Path) {
    if feedparser_available() {
        reader_reads("feedparser_check.py", &[], feeds, json);
    }
}

fn newsboat_reads(feeds: &Path, json: &Path) {
    if tool_available("newsboat", &["--version"]) {
        reader_reads("newsboat_check.py", &[], feeds, json);
    }
}

/// sfeed, gofeed, SimplePie and ROME, each where installed (the check
/// script knows what each needs).
fn other_readers_read(feeds: &Path, json: &Path) {
    let script = repo().join("tests/other_readers_check.py");
    let script = script.to_str().unwrap();
    for reader in ["sfeed", "gofeed", "simplepie", "rome"] {
        if available(reader, &["python3", script, "--available", reader]) {
            reader_reads("other_readers_check.py", &[reader], feeds, json);
        }
    }
}

#[test]
fn real_readers_read_the_sample() {
    let scratch = tempfile::tempdir().unwrap();
    let (feeds, json) = build(&repo(), &repo().join("articles"), scratch.path());
    feedparser_reads(&feeds, &json);
    newsboat_reads(&feeds, &json);
    other_readers_read(&feeds, &json);
}

#[test]
fn real_readers_read_the_corpus() {
    let scratch = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let corpus = repo().join("tests/corpus/articles");
    let (feeds, json) = build(empty.path(), &corpus, scratch.path());
    feedparser_reads(&feeds, &json);
    newsboat_reads(&feeds, &json);
    other_readers_read(&feeds, &json);
}

/// Both formats, five languages, several stories a day, some published in
/// one language only: the generator of the benchmarks, at a size CI reads
/// in seconds.
#[test]
fn real_readers_read_a_generated_corpus() {
    let scratch = tempfile::tempdir().unwrap();
    let articles = scratch.path().join("articles");
    for (format, folder, seed) in [
        (corpus::Format::Txt, "txt", 11),
        (corpus::Format::Md, "md", 12),
    ] {
        let options = corpus::Options {
            stories: 40,
            langs: ["de", "fr", "en", "es", "it"].map(String::from).to_vec(),
            format,
            seed,
            per_day: 8,
            untranslated_share: 0.1,
            ..corpus::Options::default()
        };
        for (path, text) in corpus::generate(&options) {
            write(&articles.join(folder), &path, &text);
        }
    }
    // Every article in the feeds, so the readers' counts can be checked
    // against `inspect`.
    write(
        scratch.path(),
        "babelfeed.toml",
        "base_url = \"https://news.example.org\"\nmax_entries = 0\n",
    );
    let out = tempfile::tempdir().unwrap();
    let (feeds, json) = build(scratch.path(), &articles, out.path());
    for lang in ["de", "fr", "en", "es", "it"] {
        let feed = parse_feed(&feeds.join(lang).join("atom.xml"));
        assert!(
            feed.entries.len() >= 70,
            "{lang}: {} entries",
            feed.entries.len()
        );
    }
    feedparser_reads(&feeds, &json);
    newsboat_reads(&feeds, &json);
    other_readers_read(&feeds, &json);
}
