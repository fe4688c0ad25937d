//! The hand-written multilingual corpus (tests/corpus/): every language,
//! date, title and translation group comes out as its manifest says, in
//! `inspect` and in the feeds.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use serde_json::Value;

struct Expected {
    path: String,
    lang: String,
    date: String,
    title: String,
    story: String,
    draft: bool,
}

fn manifest() -> Vec<Expected> {
    let text = std::fs::read_to_string(repo().join("tests/corpus/expected.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|e| Expected {
            path: e["path"].as_str().unwrap().to_string(),
            lang: e["lang"].as_str().unwrap().to_string(),
            date: e["date"].as_str().unwrap().to_string(),
            title: e["title"].as_str().unwrap().to_string(),
            story: e["story"].as_str().unwrap().to_string(),
            draft: e["draft"].as_bool().unwrap(),
        })
        .collect()
}

fn corpus() -> String {
    repo()
        .join("tests/corpus/articles")
        .to_str()
        .unwrap()
        .to_string()
}

/// Builds the corpus into `out`, with no configuration in `cwd`.
fn build_corpus(cwd: &std::path::Path, out: &std::path::Path) {
    let out = out.to_str().unwrap();
    let output = babelfeed(cwd, &["build", "-q", "--articles", &corpus(), "--out", out]);
    assert_success(&output);
}

/// Expected translations of each article: the published members of its story.
fn expected_translations(manifest: &[Expected]) -> BTreeMap<String, BTreeSet<String>> {
    manifest
        .iter()
        .map(|e| {
            let others = manifest
                .iter()
                .filter(|o| !e.draft && !o.draft && o.story == e.story && o.path != e.path)
                .map(|o| o.path.clone())
                .collect();
            (e.path.clone(), others)
        })
        .collect()
}

#[test]
fn inspect_matches_the_manifest() {
    // No configuration: the defaults must do.
    let cwd = tempfile::tempdir().unwrap();
    let output = babelfeed(
        cwd.path(),
        &["inspect", "--articles", &corpus(), "--format", "json"],
    );
    assert_success(&output);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let got: BTreeMap<&str, &Value> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["path"].as_str().unwrap(), a))
        .collect();
    let manifest = manifest();
    let translations = expected_translations(&manifest);
    let mut wrong = Vec::new();
    for e in &manifest {
        let Some(a) = got.get(e.path.as_str()) else {
            wrong.push(format!("{}: not in inspect output", e.path));
            continue;
        };
        if a["lang"] != e.lang.as_str() {
            wrong.push(format!("{}: lang {} != {}", e.path, a["lang"], e.lang));
        }
        if !a["date"].as_str().unwrap().starts_with(&e.date) {
            wrong.push(format!("{}: date {} != {}", e.path, a["date"], e.date));
        }
        if a["title"] != e.title.as_str() {
            wrong.push(format!("{}: title {} != {:?}", e.path, a["title"], e.title));
        }
        if a["draft"] != e.draft {
            wrong.push(format!("{}: draft {}", e.path, a["draft"]));
        }
        let got_translations: BTreeSet<String> = a["translations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect();
        if got_translations != translations[&e.path] {
            wrong.push(format!(
                "{}: translations {:?} != {:?} ({}, score {})",
                e.path, got_translations, translations[&e.path], a["group_source"], a["score"]
            ));
        }
    }
    assert_eq!(
        got.len(),
        manifest.len(),
        "inspect lists other files than the manifest"
    );
    assert!(
        wrong.is_empty(),
        "{} problem(s):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn feeds_link_every_translation_and_open_the_article_itself() {
    let cwd = tempfile::tempdir().unwrap();
    let out = cwd.path().join("feeds");
    build_corpus(cwd.path(), &out);
    let inspect = babelfeed(
        cwd.path(),
        &["inspect", "-q", "--articles", &corpus(), "--format", "json"],
    );
    let json: Value = serde_json::from_slice(&inspect.stdout).unwrap();
    let articles: Vec<&Value> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["draft"] == false)
        .collect();
    let by_path: BTreeMap<&str, &Value> = articles
        .iter()
        .map(|a| (a["path"].as_str().unwrap(), *a))
        .collect();
    let by_id: BTreeMap<&str, &Value> = articles
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), *a))
        .collect();
    let langs: BTreeSet<&str> = articles
        .iter()
        .map(|a| a["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, BTreeSet::from(["de", "en", "es", "fr", "it"]));

    for lang in &langs {
        let expected_count = articles.iter().filter(|a| a["lang"] == *lang).count();
        for file in ["atom.xml", "rss.xml"] {
            let path = out.join(lang).join(file);
            let feed = parse_feed(&path);
            assert_eq!(feed.language.as_deref(), Some(*lang), "{lang}/{file}");
            assert_eq!(feed.entries.len(), expected_count, "{lang}/{file}");
            // Newest first.
            let dates: Vec<_> = feed.entries.iter().map(|e| e.published.unwrap()).collect();
            assert!(
                dates.windows(2).all(|w| w[0] >= w[1]),
                "{lang}/{file} not newest first"
            );

            let links = entry_links(&path);
            assert_eq!(links.len(), expected_count);
            for (entry, links) in feed.entries.iter().zip(&links) {
                // feed-rs makes RSS guids into ids as they are.
                let article = by_id[entry.id.as_str()];
                let own = article["url"].as_str().unwrap();
                let alternates: Vec<_> = links
                    .iter()
                    .filter(|l| l.rel.as_deref().unwrap_or("alternate") == "alternate")
                    .collect();
                // First and last alternate are the article itself: readers
                // that take either open the right page.
                let first = alternates
                    .iter()
                    .find(|l| l.mime_type.as_deref() == Some("text/html"))
                    .unwrap();
                assert_eq!(first.href, own);
                assert_eq!(first.hreflang, None);
                let last = alternates.last().unwrap();
                assert_eq!(last.href, own);
                assert_eq!(last.hreflang.as_deref(), Some(*lang));
                let translated: BTreeSet<(String, String)> = alternates
                    .iter()
                    .filter(|l| l.hreflang.is_some() && l.hreflang.as_deref() != Some(*lang))
                    .map(|l| (l.hreflang.clone().unwrap(), l.href.clone()))
                    .collect();
                let want: BTreeSet<(String, String)> = article["translations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| by_path[t.as_str().unwrap()])
                    .map(|t| {
                        (
                            t["lang"].as_str().unwrap().to_string(),
                            t["url"].as_str().unwrap().to_string(),
                        )
                    })
                    .collect();
                assert_eq!(translated, want, "{lang}/{file}: {}", article["path"]);
                assert!(translated.iter().all(|(l, _)| l != lang));
            }
        }
    }
}

#[test]
fn corpus_output_is_deterministic() {
    let cwd = tempfile::tempdir().unwrap();
    let (a, b) = (cwd.path().join("a"), cwd.path().join("b"));
    for out in [&a, &b] {
        build_corpus(cwd.path(), out);
    }
    assert_eq!(snapshot(&a), snapshot(&b));
}

/// Feeds are rendered in runs of entries on all cores, each run written
/// by the crates as a document of its own and cut out of it. Joined, the
/// runs must be byte for byte the document the crates write in one piece:
/// for the corpus (whose languages mix articles with and without authors,
/// which changes the namespaces RSS declares) and for a larger folder whose
/// runs hold several entries each.
#[test]
fn feeds_joined_from_runs_equal_feeds_written_whole() {
    let larger = tempfile::tempdir().unwrap();
    for i in 0..150 {
        let (lang, words) = match i % 3 {
            0 => ("de", "Die Gemeinde baut eine neue Brücke über den Fluss"),
            1 => ("fr", "La commune construit un nouveau pont sur la rivière"),
            _ => ("it", "Il comune costruisce un nuovo ponte sul fiume"),
        };
        let author = if i % 7 == 0 {
            "authors = [\"Ana Ruiz\"]\n"
        } else {
            ""
        };
        write(
            larger.path(),
            &format!("{lang}/story-{i}.md"),
            &format!(
                "+++\ntitle = \"{words} {i}\"\ndate = 2024-03-{:02}\nlang = \"{lang}\"\n{author}+++\n\n{words}, Nummer {i}: *{i}* & <b>mehr</b>.\n\n> {words}.\n",
                1 + i % 28
            ),
        );
    }
    for articles in [corpus().into(), larger.path().to_path_buf()] {
        for config in [
            "",
            "content = \"summary\"\n",
            "max_entries = 5\n",
            "default_author = { name = \"Redaktion\" }\n",
        ] {
            let settings = babelfeed::config::Settings::from_toml(
                &format!("base_url = \"https://example.org\"\n{config}"),
                "(test)",
            )
            .unwrap();
            let loaded = babelfeed::load(&articles, &settings).unwrap();
            assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
            let runs = babelfeed::render::render(&loaded.catalog, &settings).unwrap();
            let whole = babelfeed::render::render_in_one_piece(&loaded.catalog, &settings).unwrap();
            assert_eq!(runs.len(), whole.len());
            for (runs, whole) in runs.iter().zip(&whole) {
                assert_eq!(runs.path, whole.path);
                assert!(
                    runs.bytes() == whole.bytes(),
                    "{} ({config:?}): the joined runs differ from the document written whole",
                    runs.path
                );
                assert!(runs.pieces.len() > 2 || config.contains("max_entries"));
            }
        }
    }
}
