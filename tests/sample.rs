//! The shipped sample: `articles/` builds into the committed `feeds/`.

mod common;

use common::*;

#[test]
fn committed_feeds_are_what_build_writes() {
    let out = tempfile::tempdir().unwrap();
    let output = babelfeed(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    assert_success(&output);
    let built = snapshot(out.path());
    let committed = snapshot(&repo().join("feeds"));
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&built),
        names(&committed),
        "feeds/ holds other files than build writes"
    );
    for ((name, new), (_, old)) in built.iter().zip(&committed) {
        assert!(
            new == old,
            "feeds/{name} is stale: run `cargo run --release -- build` and commit feeds/"
        );
    }
}

#[test]
fn sample_gives_a_german_and_a_french_entry_linking_each_other() {
    let out = tempfile::tempdir().unwrap();
    let output = babelfeed(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    assert_success(&output);
    for (lang, other) in [("de", "fr"), ("fr", "de")] {
        let atom = parse_feed(&out.path().join(lang).join("atom.xml"));
        let rss = parse_feed(&out.path().join(lang).join("rss.xml"));
        assert_eq!(atom.language.as_deref(), Some(lang));
        assert_eq!(rss.language.as_deref(), Some(lang));
        for feed in [&atom, &rss] {
            assert_eq!(feed.entries.len(), 1);
            // The sample's babelfeed.toml sets Europe/Berlin: midnight there.
            let published = feed.entries[0]
                .published
                .unwrap()
                .with_timezone(&chrono_tz::Europe::Berlin);
            assert_eq!(published.to_rfc3339(), "2021-05-04T00:00:00+02:00");
        }
        let links = &atom.entries[0].links;
        let translation = links
            .iter()
            .find(|l| l.href_lang.as_deref() == Some(other))
            .expect("link to the translation");
        assert!(translation.href.contains(&format!("/{other}/2021/05/04/")));
        // RSS carries the same links as atom:link, which feed-rs skips.
        let rss_links = entry_links(&out.path().join(lang).join("rss.xml"));
        assert!(rss_links[0]
            .iter()
            .any(|l| l.hreflang.as_deref() == Some(other) && l.href == translation.href));
    }
}

#[test]
fn sample_builds_without_any_configuration() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("articles"), &dir.path().join("articles"));
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    for lang in ["de", "fr"] {
        for file in ["atom.xml", "rss.xml"] {
            let feed = parse_feed(&dir.path().join("feeds").join(lang).join(file));
            assert_eq!(feed.entries.len(), 1);
        }
    }
}

#[test]
fn same_input_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for out in [&a, &b] {
        assert_success(&babelfeed(
            &repo(),
            &["build", "-q", "--out", out.path().to_str().unwrap()],
        ));
    }
    assert_eq!(snapshot(a.path()), snapshot(b.path()));
}
