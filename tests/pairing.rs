//! The pairing corpus (tests/pairing/): realistic translations and
//! same-day stories that share names, in five languages. A wrong link is
//! the worst outcome (the contract prefers leaving a pair unlinked), so
//! none is allowed; the pairs linked may only grow.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use serde_json::Value;

/// Pairs linked when this test was written; a change may only add to it.
const LINKED_AT_LEAST: usize = 89;

#[test]
fn no_two_stories_are_linked_and_most_translations_are() {
    let dir = repo().join("tests/pairing");
    let truth: BTreeMap<String, String> = std::fs::read_to_string(dir.join("truth.tsv"))
        .unwrap()
        .lines()
        .map(|line| {
            let (path, story) = line.split_once('\t').unwrap();
            (path.to_string(), story.to_string())
        })
        .collect();
    // No configuration: the defaults must do.
    let cwd = tempfile::tempdir().unwrap();
    let articles = dir.join("articles");
    let output = babelfeed(
        cwd.path(),
        &[
            "inspect",
            "--articles",
            articles.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_success(&output);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut linked = BTreeSet::new();
    for article in json.as_array().unwrap() {
        let path = article["path"].as_str().unwrap().to_string();
        for other in article["translations"].as_array().unwrap() {
            let other = other.as_str().unwrap().to_string();
            linked.insert(if path < other {
                (path.clone(), other)
            } else {
                (other, path.clone())
            });
        }
    }
    assert_eq!(json.as_array().unwrap().len(), truth.len());
    let wrong: Vec<String> = linked
        .iter()
        .filter(|(a, b)| truth[a] != truth[b])
        .map(|(a, b)| format!("{a} ({}) with {b} ({})", truth[a], truth[b]))
        .collect();
    assert!(
        wrong.is_empty(),
        "linked across stories:\n{}",
        wrong.join("\n")
    );
    let expected = truth
        .iter()
        .flat_map(|(a, story)| {
            truth
                .iter()
                .filter(move |(b, other)| a < *b && story == *other)
                .map(move |(b, _)| (a.clone(), b.clone()))
        })
        .count();
    assert!(
        linked.len() >= LINKED_AT_LEAST,
        "{} of {expected} translation pairs linked, fewer than the {LINKED_AT_LEAST} before",
        linked.len()
    );
}

/// A pair left unlinked is told of once, not once from each side: on a
/// day of many stories, each warning twice was noise.
#[test]
fn a_pair_left_unlinked_is_warned_of_once() {
    let articles = repo().join("tests/pairing/articles");
    let cwd = tempfile::tempdir().unwrap();
    let output = babelfeed(
        cwd.path(),
        &["check", "--articles", articles.to_str().unwrap()],
    );
    assert_success(&output);
    let unlinked: BTreeSet<(String, String)> = stderr(&output)
        .lines()
        .filter_map(|line| {
            let (path, rest) = line.split_once(": warning: not linked to ")?;
            let other = rest.split_whitespace().next()?;
            Some((path.to_string(), other.to_string()))
        })
        .collect();
    assert!(!unlinked.is_empty(), "{}", stderr(&output));
    let both_sides: Vec<&(String, String)> = unlinked
        .iter()
        .filter(|(a, b)| a < b && unlinked.contains(&(b.clone(), a.clone())))
        .collect();
    assert!(both_sides.is_empty(), "warned of twice: {both_sides:?}");
}
