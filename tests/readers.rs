//! Real feed readers read what babelfeed writes: Python's feedparser (as a
//! subprocess) and the feed-rs crate, on the sample and on the test corpus.

mod common;

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

fn feedparser_reads(feeds: &Path, json: &Path) {
    if !feedparser_available() {
        return;
    }
    let script = repo().join("tests/feedparser_check.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(feeds)
        .arg(json)
        .output()
        .expect("run python3");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "feedparser found problems:\n{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!text.contains(" 0 entries read"), "{text}");
}

#[test]
fn feedparser_reads_the_sample() {
    let scratch = tempfile::tempdir().unwrap();
    let (feeds, json) = build(&repo(), &repo().join("articles"), scratch.path());
    feedparser_reads(&feeds, &json);
}

#[test]
fn feedparser_reads_the_corpus() {
    let scratch = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let (feeds, json) = build(
        empty.path(),
        &repo().join("tests/corpus/articles"),
        scratch.path(),
    );
    feedparser_reads(&feeds, &json);
}
