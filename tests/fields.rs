//! What an article says reaches both feeds intact: Markdown front matter
//! fields, sidecar overrides, escaping, ids that survive edits.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const CONFIG: &str = "base_url = \"https://news.example.org\"\ntimezone = \"Europe/Rome\"\n";

const LAUNCH_EN: &str = "+++
title = \"AT&T <b>launches</b> \\\"Fiber\\\" & more\"
date = 2021-05-04T09:30:00+02:00
updated = 2021-05-06
tags = [\"telecom\", \"R&D\"]
authors = [\"Ana Díaz\", { name = \"Bo Chen\", email = \"bo@example.org\" }]
summary = \"A short summary.\"
+++

The *first* paragraph with a [relative link](../other/) and `<tag>` code.

- one
- two
";

const LAUNCH_IT: &str = "---
title: Il lancio
date: 2021-05-05
---
Il primo paragrafo in italiano, con un testo abbastanza lungo per riconoscere la lingua senza dubbi.
";

#[test]
fn markdown_fields_reach_atom_and_rss() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write(dir.path(), "articles/launch.en.md", LAUNCH_EN);
    write(dir.path(), "articles/launch.it.md", LAUNCH_IT);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));

    let atom = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    let entry = &atom.entries[0];
    assert_eq!(
        entry.title.as_ref().unwrap().content,
        "AT&T <b>launches</b> \"Fiber\" & more"
    );
    assert_eq!(
        entry.published.unwrap().to_rfc3339(),
        "2021-05-04T07:30:00+00:00"
    );
    // A date alone is midnight in the configured zone (Rome, +02:00 in May).
    assert_eq!(
        entry.updated.unwrap().to_rfc3339(),
        "2021-05-05T22:00:00+00:00"
    );
    assert_eq!(entry.summary.as_ref().unwrap().content, "A short summary.");
    let names: Vec<_> = entry.authors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Díaz", "Bo Chen"]);
    assert_eq!(entry.authors[1].email.as_deref(), Some("bo@example.org"));
    let tags: Vec<_> = entry.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(tags, ["telecom", "R&D"]);
    let html = entry.content.as_ref().unwrap().body.as_deref().unwrap();
    assert!(html.contains("<em>first</em>"), "{html}");
    assert!(html.contains("<code>&lt;tag&gt;</code>"), "{html}");
    assert!(
        html.contains("href=\"https://news.example.org/en/2021/05/04/other/\""),
        "{html}"
    );
    assert!(html.contains("<li>two</li>"));
    let it = entry
        .links
        .iter()
        .find(|l| l.href_lang.as_deref() == Some("it"))
        .unwrap();
    assert_eq!(it.href, "https://news.example.org/it/2021/05/05/il-lancio/");

    let rss_path = dir.path().join("feeds/en/rss.xml");
    let rss = parse_feed(&rss_path);
    let item = &rss.entries[0];
    assert_eq!(
        item.title.as_ref().unwrap().content,
        "AT&T <b>launches</b> \"Fiber\" & more"
    );
    assert_eq!(item.id, entry.id, "Atom id and RSS guid agree");
    let text = fs::read_to_string(&rss_path).unwrap();
    assert!(
        text.contains("<guid isPermaLink=\"false\">urn:uuid:"),
        "{text}"
    );
    assert!(text.contains("<dc:creator>Ana Díaz</dc:creator>"));
    assert!(
        text.contains("<pubDate>Tue, 4 May 2021 09:30:00 +0200</pubDate>"),
        "{text}"
    );
    let description = text.find("<description><![CDATA[A short summary.").unwrap();
    assert!(description < text.find("<content:encoded>").unwrap());
    // Both times; a corrected article also says when it was published in
    // Atom's terms, which SimplePie reads before pubDate.
    let item = &text[text.find("<item>").unwrap()..];
    let published = item
        .find("<atom:published>2021-05-04T09:30:00+02:00</atom:published>")
        .expect("atom:published");
    // After the item's pubDate: the W3C validator warns of the two
    // together only when atom:published comes first.
    assert!(item.find("<pubDate>").unwrap() < published, "{item}");
    assert!(
        text.contains("<atom:updated>2021-05-06T00:00:00+02:00</atom:updated>"),
        "{text}"
    );
    // The channel: published when its newest item was, last built when
    // an item last changed.
    let channel = &text[..text.find("<item>").unwrap()];
    assert!(
        channel.contains("<pubDate>Tue, 4 May 2021 09:30:00 +0200</pubDate>")
            && channel.contains("<lastBuildDate>Thu, 6 May 2021 00:00:00 +0200</lastBuildDate>"),
        "{channel}"
    );
    let italian = fs::read_to_string(dir.path().join("feeds/it/rss.xml")).unwrap();
    assert!(
        italian.contains("<atom:updated>2021-05-05T00:00:00+02:00</atom:updated>"),
        "{italian}"
    );
    assert!(!italian.contains("atom:published"), "{italian}");
}

#[test]
fn ids_survive_edits_moves_and_date_changes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/launch.en.md", LAUNCH_EN);
    let id_of = |dir: &Path| {
        let output = babelfeed(dir, &["inspect", "--format", "json"]);
        assert_success(&output);
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        json[0]["id"].as_str().unwrap().to_string()
    };
    let before = id_of(dir.path());
    assert!(before.starts_with("urn:uuid:"));
    fs::remove_file(dir.path().join("articles/launch.en.md")).unwrap();
    let edited = LAUNCH_EN
        .replace("AT&T <b>launches</b>", "AT&T finally launches")
        .replace("2021-05-04T09:30:00+02:00", "2021-05-07")
        .replace("The *first*", "A rewritten first");
    write(dir.path(), "articles/2021/moved/launch.en.md", &edited);
    assert_eq!(id_of(dir.path()), before);
}

/// A site that moves (`http://` to `https://`, to `www.`) keeps every id
/// readers hold by setting `id_base_url` to its old `base_url`: entry ids
/// (Atom `id`, RSS `guid`) and the Atom feed ids stay, the links move.
/// Without it, every id changes (RFC 4287 §4.2.6 asks that they do not).
#[test]
fn ids_survive_a_move_of_the_site_with_id_base_url() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/launch.en.md", LAUNCH_EN);
    write(dir.path(), "articles/launch.it.md", LAUNCH_IT);
    write(
        dir.path(),
        "articles/2021/05/000_1c7d62afff7c0b0d.txt",
        &fs::read_to_string(repo().join("articles/000_1c7d62afff7c0b0d.txt")).unwrap(),
    );
    let build = |config: &str| {
        write(dir.path(), "babelfeed.toml", config);
        let _ = fs::remove_dir_all(dir.path().join("feeds"));
        assert_success(&babelfeed(dir.path(), &["build", "-q"]));
        let mut feeds = Vec::new();
        for lang in ["de", "en", "it"] {
            for file in ["atom.xml", "rss.xml"] {
                feeds.push(parse_feed(&dir.path().join(format!("feeds/{lang}/{file}"))));
            }
        }
        feeds
    };
    // The Atom feeds' ids (RSS has none: feed-rs makes one up), and every
    // entry's (Atom `id`, RSS `guid`).
    let ids = |feeds: &[feed_rs::model::Feed]| -> Vec<(String, Vec<String>)> {
        feeds
            .iter()
            .map(|f| {
                let id = match f.feed_type {
                    feed_rs::model::FeedType::Atom => f.id.clone(),
                    _ => String::new(),
                };
                (id, f.entries.iter().map(|e| e.id.clone()).collect())
            })
            .collect()
    };
    let links = |feeds: &[feed_rs::model::Feed]| -> Vec<String> {
        feeds
            .iter()
            .flat_map(|f| f.entries.iter().map(|e| e.links[0].href.clone()))
            .collect()
    };

    let old = build("base_url = \"http://news.example.org\"\n");
    let moved = build(
        "base_url = \"https://www.news.example.org\"\nid_base_url = \"http://news.example.org\"\n",
    );
    assert_eq!(ids(&moved), ids(&old));
    let atom_ids: Vec<&str> = moved.iter().step_by(2).map(|f| f.id.as_str()).collect();
    assert_eq!(
        atom_ids,
        ["de", "en", "it"].map(|lang| format!("http://news.example.org/feeds/{lang}/atom.xml"))
    );
    for link in links(&moved) {
        assert!(link.starts_with("https://www.news.example.org/"), "{link}");
    }
    assert_eq!(links(&moved).len(), links(&old).len());

    // Written in another spelling of the same URL, it is the same.
    let respelled = build(
        "base_url = \"https://www.news.example.org\"\nid_base_url = \"HTTP://News.Example.org:80/\"\n",
    );
    assert_eq!(ids(&respelled), ids(&old));
    // Without it, the move changes every id.
    let unset = build("base_url = \"https://www.news.example.org\"\n");
    for ((feed, entries), (old_feed, old_entries)) in ids(&unset).iter().zip(&ids(&old)) {
        assert!(
            entries.iter().all(|id| !old_entries.contains(id)),
            "{feed}: {entries:?}"
        );
        if !old_feed.is_empty() {
            assert_ne!(feed, old_feed);
        }
    }
}

#[test]
fn page_bundles_get_their_own_ids_that_survive_a_move() {
    let dir = tempfile::tempdir().unwrap();
    for bundle in ["launch", "recall"] {
        // Titles of their own, so that the URLs differ.
        let en = LAUNCH_EN.replace("launches", bundle);
        let it = LAUNCH_IT.replace("Il lancio", bundle);
        write(
            dir.path(),
            &format!("articles/news/{bundle}/index.en.md"),
            &en,
        );
        write(
            dir.path(),
            &format!("articles/news/{bundle}/index.it.md"),
            &it,
        );
    }
    let ids = |dir: &Path| {
        let output = babelfeed(dir, &["inspect", "--format", "json"]);
        assert_success(&output);
        // (No configuration here: only the notice that the defaults are used.)
        assert!(
            !stderr(&output).contains(": warning:"),
            "{}",
            stderr(&output)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let bundle = a["path"].as_str().unwrap().split('/').rev().nth(1).unwrap();
                let lang = a["lang"].as_str().unwrap();
                assert_eq!(a["translations"].as_array().unwrap().len(), 1);
                (
                    format!("{bundle}/{lang}"),
                    a["id"].as_str().unwrap().to_string(),
                )
            })
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let before = ids(dir.path());
    let distinct: std::collections::BTreeSet<_> = before.values().collect();
    assert_eq!(distinct.len(), 4, "{before:?}");
    fs::rename(
        dir.path().join("articles/news"),
        dir.path().join("articles/archive"),
    )
    .unwrap();
    assert_eq!(ids(dir.path()), before);
}

#[test]
fn sidecar_values_win_over_inference() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/rat.txt",
        "04.05.2021\r\n\r\nDer Stadtrat hat am Dienstag den Haushalt für 2022 beschlossen. Er umfasst 1,2 Milliarden Euro.\r\n\r\nDie Opposition stimmte dagegen.",
    );
    write(
        dir.path(),
        "articles/rat.toml",
        "title = \"Haushalt beschlossen\"\ntags = [\"Politik\"]\nslug = \"haushalt-2022\"\nauthors = [\"Lena Berg\"]\n",
    );
    let output = babelfeed(dir.path(), &["inspect", "--format", "json"]);
    assert_success(&output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let a = &json[0];
    assert_eq!(a["title"], "Haushalt beschlossen");
    assert_eq!(a["lang"], "de");
    assert_eq!(a["lang_source"], "detected");
    assert_eq!(a["tags"][0], "Politik");
    assert_eq!(a["url"], "https://example.com/de/2021/05/04/haushalt-2022/");
    assert_eq!(
        a["summary"],
        "Der Stadtrat hat am Dienstag den Haushalt für 2022 beschlossen. Er umfasst 1,2 Milliarden Euro."
    );
}

#[test]
fn summary_mode_leaves_out_the_full_text() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "babelfeed.toml",
        "content = \"summary\"\nmax_entries = 1\n",
    );
    write(dir.path(), "articles/a.en.md", LAUNCH_EN);
    write(
        dir.path(),
        "articles/b.en.md",
        &LAUNCH_EN
            .replace("2021-05-04T09:30:00+02:00", "2021-05-03")
            .replace("AT&T", "Older"),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let atom = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    assert_eq!(atom.entries.len(), 1, "max_entries keeps the newest");
    assert!(atom.entries[0]
        .title
        .as_ref()
        .unwrap()
        .content
        .starts_with("AT&T"));
    assert!(atom.entries[0].content.is_none());
    let rss = fs::read_to_string(dir.path().join("feeds/en/rss.xml")).unwrap();
    assert!(!rss.contains("content:encoded"));
}

/// Agency copy as exports give it: a byline, a picture credit and a
/// headline line before the lead, and a dateline opening it. Two stories
/// by one author on one day must not both be titled by the byline (they
/// would share a URL and fail the run).
#[test]
fn bylines_credits_headlines_and_datelines_make_no_title() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/chips.txt",
        "15.03.2024\n\nVon Anna Müller, dpa\n\nMÜNCHEN (dpa) – Siemens investiert 3,5 Mrd. Euro in ein neues Werk in Dresden. Dort entstehen 1.000 Stellen.\n\nDer Bau beginnt im Sommer.\n",
    );
    write(
        dir.path(),
        "articles/tesla.txt",
        "15.03.2024\n\nVon Anna Müller, dpa\nFoto: Patrick Pleul\n\nTesla-Werk steht still\nGRÜNHEIDE (dpa) – Nach einem Brandanschlag auf einen Strommast steht die Produktion im Tesla-Werk in Grünheide still.\n\nRund 12.500 Beschäftigte wurden nach Hause geschickt.\n",
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let feed = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    let mut seen: Vec<(String, String, String)> = feed
        .entries
        .iter()
        .map(|e| {
            (
                e.title.as_ref().unwrap().content.clone(),
                e.summary.as_ref().unwrap().content.clone(),
                e.links[0].href.clone(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen[0].0,
        "Siemens investiert 3,5 Mrd. Euro in ein neues Werk in Dresden."
    );
    assert!(seen[0].1.starts_with("MÜNCHEN (dpa) – Siemens"), "{seen:?}");
    assert!(
        seen[0]
            .2
            .ends_with("/siemens-investiert-3-5-mrd-euro-in-ein-neues-werk-in-dresden/"),
        "{seen:?}"
    );
    assert_eq!(seen[1].0, "Tesla-Werk steht still");
    assert!(
        seen[1].1.starts_with("GRÜNHEIDE (dpa) – Nach einem"),
        "{seen:?}"
    );
}

/// Linking two plain-text exports by hand after they were published, as
/// the pairing's warnings advise, must not change the ids readers hold.
#[test]
fn a_sidecar_key_links_exports_without_changing_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/flut.txt",
        "12.03.2024\n\nDas Hochwasser hat in Passau die Altstadt überflutet. Der Pegel stieg auf zwölf Meter.\n",
    );
    write(
        dir.path(),
        "articles/crue.txt",
        "12/03/2024\n\nLes inondations ont submergé la vieille ville de la cité bavaroise. Les habitants ont été évacués dans la nuit.\n",
    );
    assert_success(&babelfeed(dir.path(), &["build"]));
    let ids = |lang: &str| -> Vec<String> {
        parse_feed(&dir.path().join(format!("feeds/{lang}/atom.xml")))
            .entries
            .iter()
            .map(|e| e.id.clone())
            .collect()
    };
    let before = (ids("de"), ids("fr"));
    let links_to_fr = || {
        entry_links(&dir.path().join("feeds/de/atom.xml"))[0]
            .iter()
            .any(|l| l.hreflang.as_deref() == Some("fr"))
    };
    // Nothing the two share tells the pairing they are one story.
    assert!(!links_to_fr());
    for name in ["flut", "crue"] {
        write(
            dir.path(),
            &format!("articles/{name}.toml"),
            "translation_key = \"hochwasser-passau\"\n",
        );
    }
    assert_success(&babelfeed(dir.path(), &["build"]));
    assert_eq!((ids("de"), ids("fr")), before);
    assert!(links_to_fr());
}

/// What the W3C validator calls errors or warnings in what a publisher
/// wrote is mended or left out, with a warning, and read back by an
/// independent parser as a reader will see it.
#[test]
fn addresses_tags_and_summaries_are_what_validators_accept() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write(
        dir.path(),
        "articles/bild.en.md",
        "---\ntitle: Pictures only\ndate: 2024-03-12\nslug: straße\nauthors:\n  - Jane Doe <jane@example.com>\n  - Jörg Weiß <joerg at example.org>\n  - name: Bo Chen\n    email: not-an-email\n    uri: https://example.com/bo chen/\n  - name: Al Ray\n    uri: not a uri\ntags: [\"\", \"  \", \" R&D \", \"<script>\", \"R&D\", \"r&d\"]\n---\n\n![](plant.jpg)\n",
    );
    write(
        dir.path(),
        "articles/link.en.md",
        "---\ntitle: Moved\ndate: 2024-03-11\nurl: /en/équipe/\nid: urn:uuid:not-a-uuid\n---\n\nThe team page moved, and this text says where it went now.\n",
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let err = stderr(&output);
    assert!(
        err.contains("the email `not-an-email` of author `Bo Chen`"),
        "{err}"
    );
    assert!(
        err.contains("the uri `not a uri` of author `Al Ray`"),
        "{err}"
    );
    assert!(
        err.contains("the email `joerg at example.org` of author `Jörg Weiß`"),
        "{err}"
    );

    let atom = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    let pictures = &atom.entries[0];
    // Pictures without alt text: the title stands in for the summary.
    assert_eq!(pictures.summary.as_ref().unwrap().content, "Pictures only");
    let people: Vec<(&str, Option<&str>, Option<&str>)> = pictures
        .authors
        .iter()
        .map(|p| (p.name.as_str(), p.email.as_deref(), p.uri.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Jane Doe", Some("jane@example.com"), None),
            ("Jörg Weiß", None, None),
            ("Bo Chen", None, Some("https://example.com/bo%20chen/")),
            ("Al Ray", None, None),
        ]
    );
    let terms: Vec<&str> = pictures
        .categories
        .iter()
        .map(|c| c.term.as_str())
        .collect();
    assert_eq!(terms, ["R&D", "<script>"]);
    assert_eq!(
        pictures.links[0].href,
        "https://news.example.org/en/2024/03/12/stra%C3%9Fe/"
    );
    let moved = &atom.entries[1];
    assert_eq!(
        moved.links[0].href,
        "https://news.example.org/en/%C3%A9quipe/"
    );
    assert!(moved.id.starts_with("urn:uuid:") && moved.id != "urn:uuid:not-a-uuid");

    let rss = fs::read_to_string(dir.path().join("feeds/en/rss.xml")).unwrap();
    assert!(rss.contains("<category>R&#x26;D</category>"), "{rss}");
    assert!(
        rss.contains("<category>&#x3C;script&gt;</category>"),
        "{rss}"
    );
    assert!(!rss.contains("équipe") && !rss.contains("straße"), "{rss}");
    let items = parse_feed(&dir.path().join("feeds/en/rss.xml")).entries;
    assert_eq!(items[0].summary.as_ref().unwrap().content, "Pictures only");
}

/// The site's own addresses are in the normal form of RFC 3986 whatever
/// their spelling in the configuration and front matter (scheme and host
/// in lower case, no trailing dot, `%7e` as `~`, upper-case hex), since
/// the W3C validator warns of a feed id in another (NonCanonicalURI); and
/// two spellings of one article URL are one URL, which two articles
/// cannot share. A link in the text stays as the publisher wrote it.
#[test]
fn the_sites_own_addresses_are_in_normal_form() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "babelfeed.toml",
        "base_url = \"HTTPS://News.Example.ORG./\"\nfeeds_url = \"/%7efeeds/\"\n",
    );
    write(
        dir.path(),
        "articles/team.en.md",
        "---\ntitle: The team\ndate: 2024-03-11\nurl: /%7ejane/caf%c3%a9/\n---\n\nOur team, and [Jane's page](https://Example.org/%7ejane/).\n",
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let atom = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    assert_eq!(atom.id, "https://news.example.org/~feeds/en/atom.xml");
    let entry = &atom.entries[0];
    assert_eq!(
        entry.links[0].href,
        "https://news.example.org/~jane/caf%C3%A9/"
    );
    let html = entry.content.as_ref().unwrap().body.as_deref().unwrap();
    assert!(html.contains("https://Example.org/%7ejane/"), "{html}");

    write(
        dir.path(),
        "articles/cafe.en.md",
        "---\ntitle: The café\ndate: 2024-03-12\nurl: https://news.example.org/~jane/café/\n---\n\nOur café, where the team meets every morning.\n",
    );
    let output = babelfeed(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("has the same URL `https://news.example.org/~jane/caf%C3%A9/`"),
        "{}",
        stderr(&output)
    );
}

/// A tag of ISO 639-3 only (`yue`, Cantonese) is good BCP 47 and is
/// published, but the W3C validator, which knows ISO 639-1 and 639-2,
/// calls it an error at every hreflang linking its feeds, in every
/// language: one warning says so, naming the language's first article.
#[test]
fn a_language_the_validator_does_not_know_is_published_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    let article = |lang: &str, date: &str, title: &str| {
        format!("+++\ntitle = \"{title}\"\ndate = {date}\nlang = \"{lang}\"\ntranslation_key = \"{title}\"\n+++\n\nText of {title}, long enough to be read as an article.\n")
    };
    write(
        dir.path(),
        "articles/a.md",
        &article("yue", "2024-03-02", "later"),
    );
    write(
        dir.path(),
        "articles/b.md",
        &article("yue", "2024-03-01", "first"),
    );
    write(
        dir.path(),
        "articles/c.md",
        &article("de", "2024-03-01", "first"),
    );
    write(
        dir.path(),
        "articles/d.md",
        &article("gsw", "2024-03-01", "first"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let err = stderr(&output);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("ISO 639")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].starts_with("b.md: warning: is in `yue` (and so is 1 other article: a.md): ")
            && warnings[0].contains("macrolanguage, `zh`"),
        "{err}"
    );
    let german = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert!(german.entries[0]
        .links
        .iter()
        .any(|l| l.href_lang.as_deref() == Some("yue")));
}

/// Numeric character references that would write a character feeds must
/// not carry come out as HTML5 reads them, in the content, the summary
/// and `inspect` alike: `&#128;` is `€` and `&#x96;` `–` (Windows-1252's
/// characters there), what Windows-1252 leaves undefined, DEL,
/// noncharacters and what XML forbids U+FFFD. The W3C validator said
/// "contains bad characters" of a feed carrying the C1 controls CommonMark
/// decodes them to, and `&#1;` left the content but stayed in the summary.
#[test]
fn numeric_references_to_bad_characters_read_as_html5_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    let refs = "&#128;5 &#x96; &#127; &#xFDD0; &#x81; &#1; &#xFFFF; &#x1B;";
    let shown = "€5 – \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}";
    write(
        dir.path(),
        "articles/preis.en.md",
        &format!("---\ntitle: Prices\ndate: 2024-03-12\n---\n\nThe ticket costs {refs} now, the council said.\n\n<p>Raw: {refs}</p>\n"),
    );
    write(
        dir.path(),
        "articles/summary.en.md",
        &format!("+++\ntitle = \"Summary\"\ndate = 2024-03-11\nsummary = \"Costs {refs} *now*.\"\n+++\n\nThe text of the article, long enough to be read as English.\n"),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    for feed in ["atom.xml", "rss.xml"] {
        let path = dir.path().join("feeds/en").join(feed);
        let bytes = fs::read(&path).unwrap();
        assert_eq!(xml_problems(&bytes), None, "{feed}");
        let entries = parse_feed(&path).entries;
        let summary = |i: usize| entries[i].summary.as_ref().unwrap().content.clone();
        assert_eq!(
            summary(0),
            format!("The ticket costs {shown} now, the council said."),
            "{feed}"
        );
        assert_eq!(summary(1), format!("Costs {shown} now."), "{feed}");
        let html = entries[0].content.as_ref().unwrap().body.clone().unwrap();
        assert!(
            html.contains(&format!("costs {shown} now")),
            "{feed}: {html}"
        );
        assert!(html.contains(&format!("Raw: {shown}")), "{feed}: {html}");
    }
    let inspect = babelfeed(dir.path(), &["inspect", "--format", "json"]);
    assert_success(&inspect);
    let articles: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    let summaries: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["summary"].as_str().unwrap())
        .collect();
    let expected = [
        format!("The ticket costs {shown} now, the council said."),
        format!("Costs {shown} now."),
    ];
    for summary in expected {
        assert!(summaries.contains(&summary.as_str()), "{summaries:?}");
    }
}

/// Hugo names its default language's file without a suffix (`index.md`
/// beside `index.fr.md` in a bundle), and Europe's smaller languages are
/// suffixes too (`.rm.md`), though detection does not know them.
#[test]
fn default_language_files_and_small_languages_join_their_name_group() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write(
        dir.path(),
        "articles/vowel-study/index.md",
        "---\ntitle: A study of vowels\ndate: 2024-03-04\n---\n\nThe institute has recorded the vowels of two hundred speakers in the Alps and published the data.\n",
    );
    write(
        dir.path(),
        "articles/vowel-study/index.fr.md",
        "---\ntitle: Une étude des voyelles\ndate: 2024-03-04\n---\n\nL'institut a enregistré les voyelles de deux cents locuteurs dans les Alpes et publié les données.\n",
    );
    write(
        dir.path(),
        "articles/rumantsch.rm.md",
        "---\ntitle: Il rumantsch en la scola\ndate: 2024-03-05\n---\n\nIl rumantsch vegn instruì en las scolas dal chantun Grischun.\n",
    );
    write(
        dir.path(),
        "articles/rumantsch.de.md",
        "---\ntitle: Romanisch in der Schule\ndate: 2024-03-05\n---\n\nRomanisch wird in den Schulen des Kantons Graubünden unterrichtet.\n",
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let hreflangs = |lang: &str| -> Vec<Vec<String>> {
        entry_links(&dir.path().join(format!("feeds/{lang}/atom.xml")))
            .iter()
            .map(|links| {
                let mut langs: Vec<String> =
                    links.iter().filter_map(|l| l.hreflang.clone()).collect();
                langs.sort();
                langs.dedup();
                langs
            })
            .collect()
    };
    assert_eq!(hreflangs("en"), [["en", "fr"]]);
    assert_eq!(hreflangs("fr"), [["en", "fr"]]);
    assert_eq!(hreflangs("rm"), [["de", "rm"]]);
    assert_eq!(hreflangs("de"), [["de", "rm"]]);
}

/// A story dated in the future, or embargoed by Hugo's `publishDate`, is
/// published as the files say (no clock decides what a feed holds), with
/// one warning for all such stories that names each; so is one past
/// Hugo's `expiryDate`.
#[test]
fn future_dated_and_expired_stories_are_published_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    for (name, dates) in [
        ("a", "date: 2099-01-02"),
        ("b", "date: 2098-05-06"),
        ("c", "date: 2021-03-04"),
        ("d", "date: 2021-03-04\npublishDate: 2097-01-01"),
        ("e", "date: 2021-03-04\nexpiryDate: 2022-01-01"),
        ("f", "date: 2021-03-04\nexpiryDate: 2096-01-01"),
    ] {
        write(
            dir.path(),
            &format!("articles/{name}.en.md"),
            &format!("---\ntitle: Story {name}\n{dates}\n---\n\nThe text of story {name}, long enough to read.\n"),
        );
    }
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let err = stderr(&output);
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("in the future"))
        .collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].starts_with("d.en.md: warning: is due 2097-01-01")
            && warnings[0].contains("(and so are 2 other articles: b.en.md, a.en.md)")
            && warnings[0].contains("set `draft: true` in its front matter until it is due"),
        "{err}"
    );
    let expired: Vec<&str> = err.lines().filter(|l| l.contains("expiryDate")).collect();
    assert_eq!(expired.len(), 1, "{err}");
    assert!(
        expired[0].starts_with("e.en.md: warning: expired 2022-01-01")
            && !expired[0].contains("other"),
        "{err}"
    );
    assert_eq!(
        parse_feed(&dir.path().join("feeds/en/atom.xml"))
            .entries
            .len(),
        6
    );
}

/// An article whose body is empty once sanitised (only a comment, only a
/// script) has no content element: the validator warns of a blank one, and
/// the entry's link stands for it.
#[test]
fn an_empty_body_makes_no_content_element() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    for (name, body) in [
        ("comment", "<!-- the text follows tomorrow -->\n"),
        ("script", "<script>alert(1)</script>\n"),
        (
            "text",
            "The council met on Tuesday and approved the budget.\n",
        ),
    ] {
        write(
            dir.path(),
            &format!("articles/{name}.en.md"),
            &format!(
                "---\ntitle: Title {name}\ndate: 2021-05-04\nsummary: About {name}.\n---\n\n{body}"
            ),
        );
    }
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feed = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    for entry in &feed.entries {
        let title = &entry.title.as_ref().unwrap().content;
        assert_eq!(
            entry.content.is_some(),
            title == "Title text",
            "{title}: {:?}",
            entry.content
        );
    }
    let rss = fs::read_to_string(dir.path().join("feeds/en/rss.xml")).unwrap();
    assert_eq!(rss.matches("<content:encoded>").count(), 1, "{rss}");
    assert!(
        !rss.contains("<content:encoded></content:encoded>"),
        "{rss}"
    );
}

/// An author named twice (in any case) is one byline, as a tag is one
/// category; a table's cells are words apart in a summary made of them.
#[test]
fn repeated_authors_are_one_and_table_cells_are_words() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write(
        dir.path(),
        "articles/results.en.md",
        "---\ntitle: Results\ndate: 2021-05-04\nauthors: [\"Ana Díaz\", \"Bo Chen\", \"ana díaz\", \"Ana Díaz\"]\n---\n\n| team | points |\n|---|---|\n| Rovers | 12 |\n",
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feed = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    let entry = &feed.entries[0];
    let names: Vec<&str> = entry.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ana Díaz", "Bo Chen"]);
    assert_eq!(
        entry.summary.as_ref().unwrap().content,
        "team points Rovers 12"
    );
    // A plain-text export is told to set it in its sidecar, in TOML.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/2099/plan.txt",
        "02.01.2099\n\nThe council will vote on the new budget for the harbour next year.\n",
    );
    let err = stderr(&babelfeed(dir.path(), &["check"]));
    assert!(
        err.contains("set `draft = true` in a sidecar file 2099/plan.toml until it is due"),
        "{err}"
    );
}

/// A feed over 5 MB is published with a warning: the W3C validator checks
/// none that large, and some readers fail on one.
#[test]
fn a_feed_over_five_megabytes_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    let paragraph =
        "The council met again on Tuesday and discussed the harbour budget at length. ".repeat(40);
    let body = format!("{paragraph}\n\n").repeat(36);
    for i in 0..60 {
        write(
            dir.path(),
            &format!("articles/story-{i}.en.md"),
            &format!("---\ntitle: Story {i}\ndate: 2021-05-04\n---\n\n{body}"),
        );
    }
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let err = stderr(&output);
    let warned: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("checks no feed over 5 MB"))
        .collect();
    assert_eq!(warned.len(), 2, "{err}");
    assert!(
        warned.iter().any(|l| l.contains("atom.xml"))
            && warned.iter().any(|l| l.contains("rss.xml")),
        "{err}"
    );
    // Said again by a run that changes nothing, as every warning is.
    let again = stderr(&babelfeed(dir.path(), &["build"]));
    assert_eq!(
        again.lines().filter(|l| l.contains("over 5 MB")).count(),
        2,
        "{again}"
    );
}

/// What Zola, Jekyll, Docusaurus, Hugo, Astro and Eleventy write reaches
/// the feeds: Zola's `[taxonomies]` and Jekyll's one `category` are
/// categories; Docusaurus's author tables give the author's page as uri
/// and its tag tables their label; `description` (or Jekyll's `excerpt`)
/// is the summary where none is written, as plain text.
#[test]
fn fields_of_other_generators_reach_both_feeds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write(
        dir.path(),
        "articles/zola.en.md",
        "+++\ntitle = \"Zola\"\ndate = 2021-05-04\ndescription = \"The *harbour* budget, described.\"\n\n[taxonomies]\ntags = [\"harbour\"]\ncategories = [\"city news\"]\n+++\n\nThe first paragraph.\n",
    );
    write(
        dir.path(),
        "articles/jekyll.en.md",
        "---\ntitle: Jekyll\ndate: 2021-05-03\ncategory: sport\nexcerpt: An excerpt.\n---\n\nThe first paragraph.\n",
    );
    write(
        dir.path(),
        "articles/hugo.en.md",
        "---\ntitle: Hugo\ndate: 2021-05-01\ndescription: For search engines.\n---\n\nThe teaser.\n\n<!--more-->\n\nThe rest.\n",
    );
    write(
        dir.path(),
        "articles/docusaurus.en.md",
        "---\ntitle: Docusaurus\ndate: 2021-05-02\nsummary: The summary wins.\ndescription: Not this.\nauthors:\n  - name: Ana Díaz\n    title: Editor\n    url: https://example.org/ana\n    image_url: https://example.org/ana.png\ntags:\n  - label: Release\n    permalink: /release\n---\n\nThe first paragraph.\n",
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    for file in ["feeds/en/atom.xml", "feeds/en/rss.xml"] {
        let feed = parse_feed(&dir.path().join(file));
        let entry = |title: &str| {
            feed.entries
                .iter()
                .find(|e| e.title.as_ref().unwrap().content == title)
                .unwrap_or_else(|| panic!("{file}: no entry {title}"))
        };
        let terms = |title: &str| -> Vec<String> {
            entry(title)
                .categories
                .iter()
                .map(|c| c.term.clone())
                .collect()
        };
        let summary = |title: &str| entry(title).summary.as_ref().unwrap().content.clone();
        assert_eq!(terms("Zola"), ["harbour", "city news"], "{file}");
        assert_eq!(
            summary("Zola"),
            // Read as a `summary` is: Markdown as its text.
            "The harbour budget, described.",
            "{file}"
        );
        assert_eq!(terms("Jekyll"), ["sport"], "{file}");
        assert_eq!(summary("Jekyll"), "An excerpt.", "{file}");
        assert_eq!(terms("Docusaurus"), ["Release"], "{file}");
        assert_eq!(summary("Docusaurus"), "The summary wins.", "{file}");
        // The author's divider says more than a page's description.
        assert_eq!(summary("Hugo"), "The teaser.", "{file}");
        if file.ends_with("atom.xml") {
            let author = &entry("Docusaurus").authors[0];
            assert_eq!(author.name, "Ana Díaz");
            assert_eq!(author.uri.as_deref(), Some("https://example.org/ana"));
        }
    }
}

/// An export's byline names its authors, in Atom and RSS alike, unless a
/// sidecar names them; an export without one has the default author.
#[test]
fn an_exports_byline_names_its_authors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write(
        dir.path(),
        "articles/senate.txt",
        "Dec. 8, 2026\n\nBy KEVIN FREKING and MARY CLARE JALONICK Associated Press\n\nWASHINGTON (AP) — The Senate voted on Monday to approve the bill, which now goes to the president.\n",
    );
    write(
        dir.path(),
        "articles/storm.txt",
        "Dec. 8, 2026\n\nBy Jessica Fernández, staff writer\n\nA winter storm cut power to more than 410,000 homes across New England on Monday.\n",
    );
    write(dir.path(), "articles/storm.toml", "authors = [\"Desk\"]\n");
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feed = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    let names = |title_start: &str| -> Vec<String> {
        let entry = feed
            .entries
            .iter()
            .find(|e| e.title.as_ref().unwrap().content.starts_with(title_start))
            .unwrap();
        entry.authors.iter().map(|a| a.name.clone()).collect()
    };
    assert_eq!(
        names("The Senate"),
        ["Kevin Freking", "Mary Clare Jalonick"]
    );
    assert_eq!(names("A winter storm"), ["Desk"]);
    let rss = std::fs::read_to_string(dir.path().join("feeds/en/rss.xml")).unwrap();
    assert!(rss.contains("Kevin Freking"), "{rss}");
}
