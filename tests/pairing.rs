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

/// A key set on one export to link it to a Markdown original keeps it in
/// pairing, as an anchor: its translation found by pairing joins the
/// key's group. A key on one export alone (how a wrong link is undone)
/// still keeps it apart.
#[test]
fn a_translation_of_a_keyed_export_joins_its_group() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/natrium-akku.de.md",
        "+++\ntitle = \"Natrium-Akku hält 8.000 Ladezyklen\"\ndate = 2026-11-12T10:00:00+01:00\ntranslation_key = \"natrium-akku\"\n+++\n\nEin Team um Dr. Lena Hoffmann am Helix-Institut in Heidelberg hat einen Natrium-Ionen-Akku entwickelt.\n",
    );
    write(
        dir.path(),
        "articles/PR_sodium-battery.txt",
        "12.11.2026\n\nA team led by Dr. Lena Hoffmann at the Helix Institute in Heidelberg has built a sodium-ion battery that keeps 91.4 % of its capacity after 8,000 charging cycles, the journal Joule reports.\n\nThe cathode uses Na3V2(PO4)2F3 and costs 38 euros per kilowatt hour, said Hoffmann. Partners are BASF in Ludwigshafen and the start-up Voltaris.\n",
    );
    write(
        dir.path(),
        "articles/PR_sodium-battery.toml",
        "translation_key = \"natrium-akku\"\n",
    );
    write(
        dir.path(),
        "articles/CP_batterie-sodium.txt",
        "12.11.2026\n\nUne équipe dirigée par Dr. Lena Hoffmann à l'Institut Helix de Heidelberg a mis au point une batterie sodium-ion qui conserve 91,4 % de sa capacité après 8 000 cycles de charge, rapporte la revue Joule.\n\nLa cathode utilise du Na3V2(PO4)2F3 et coûte 38 euros par kilowattheure, a indiqué Hoffmann. Les partenaires sont BASF à Ludwigshafen et la start-up Voltaris.\n",
    );
    let translations = |dir: &std::path::Path| -> BTreeMap<String, Vec<String>> {
        let output = babelfeed(dir, &["inspect", "--format", "json"]);
        assert_success(&output);
        let inspected: Value = serde_json::from_slice(&output.stdout).unwrap();
        inspected
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let linked = a["translations"].as_array().unwrap();
                (
                    a["path"].as_str().unwrap().to_string(),
                    linked
                        .iter()
                        .map(|t| t.as_str().unwrap().to_string())
                        .collect(),
                )
            })
            .collect()
    };
    let linked = translations(dir.path());
    assert_eq!(
        linked["CP_batterie-sodium.txt"],
        ["natrium-akku.de.md", "PR_sodium-battery.txt"],
        "{linked:?}"
    );
    assert_eq!(linked["natrium-akku.de.md"].len(), 2, "{linked:?}");

    // A day later it could be a follow-up, which keys keep apart.
    let french =
        std::fs::read_to_string(dir.path().join("articles/CP_batterie-sodium.txt")).unwrap();
    write(
        dir.path(),
        "articles/CP_batterie-sodium.txt",
        &french.replace("12.11.2026", "13.11.2026"),
    );
    let linked = translations(dir.path());
    assert!(linked["CP_batterie-sodium.txt"].is_empty(), "{linked:?}");
    write(dir.path(), "articles/CP_batterie-sodium.txt", &french);

    // A key on the English export alone takes it out of every group.
    write(
        dir.path(),
        "articles/PR_sodium-battery.toml",
        "translation_key = \"sodium-en\"\n",
    );
    let linked = translations(dir.path());
    assert!(linked["CP_batterie-sodium.txt"].is_empty(), "{linked:?}");
    assert!(linked["PR_sodium-battery.txt"].is_empty(), "{linked:?}");
}
