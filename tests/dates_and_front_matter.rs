//! Date lines and front matter as publishers really write them: times with
//! only an hour, 12-hour clocks and zone abbreviations after the date;
//! repeated, empty and doubly spelt front matter fields.

mod common;

use common::*;
use serde_json::Value;

const LEAD_FR: &str = "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine. Il prévoit des économies importantes.";
const LEAD_EN: &str =
    "The city council approved the new budget on Tuesday after a long debate. It includes savings.";

/// `inspect --format json` of the articles `files` (name, text), with a
/// configuration in Europe/Berlin so that a zone written in an article is
/// seen to win over it.
fn inspect(files: &[(&str, &str)]) -> Vec<Value> {
    let dir = site(files);
    let output = babelfeed(dir.path(), &["inspect", "--format", "json"]);
    assert_success(&output);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json.as_array().unwrap().clone()
}

/// The diagnostics of `check --format json` for one article.
fn check(name: &str, text: &str) -> Vec<JsonDiagnostic> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &format!("articles/{name}"), text);
    let output = babelfeed(dir.path(), &["check", "--format", "json"]);
    parse_check_json(&output.stdout).unwrap()
}

/// The publication date `inspect` reports for a plain-text export whose
/// date line is `date_line`.
fn date_of(date_line: &str, lead: &str) -> String {
    let articles = inspect(&[("a.txt", &format!("{date_line}\n\n{lead}\n"))]);
    articles[0]["date"].as_str().unwrap().to_string()
}

#[test]
fn an_hour_without_minutes_is_a_time() {
    for (line, want) in [
        ("12 mars 2024 à 9h", "2024-03-12T09:00:00+01:00"),
        ("12 mars 2024 à 9 h", "2024-03-12T09:00:00+01:00"),
        ("12.03.2024, 9 Uhr", "2024-03-12T09:00:00+01:00"),
    ] {
        assert_eq!(date_of(line, LEAD_FR), want, "{line}");
    }
}

#[test]
fn twelve_hour_clock_times() {
    for (line, want) in [
        ("March 12, 2024, 2:30 p.m.", "2024-03-12T14:30:00+01:00"),
        ("March 12, 2024 at 2:30 PM", "2024-03-12T14:30:00+01:00"),
        ("March 12, 2024, 12 a.m.", "2024-03-12T00:00:00+01:00"),
    ] {
        assert_eq!(date_of(line, LEAD_EN), want, "{line}");
    }
}

#[test]
fn a_date_error_quotes_the_line_as_written() {
    let line = "March 12, 2024, 14:30 p.m.";
    let problems: Vec<_> = check("a.txt", &format!("{line}\n\n{LEAD_EN}\n"))
        .into_iter()
        .filter(|p| p.severity == "error")
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(1));
    assert!(
        problems[0].message.contains(&format!("`{line}`")),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_zone_after_the_time_wins_over_the_configured_one() {
    for (line, lead, want) in [
        (
            "March 12, 2024 10:30 EDT",
            LEAD_EN,
            "2024-03-12T10:30:00-04:00",
        ),
        (
            "12/03/2024 - 10:30 UTC",
            LEAD_FR,
            "2024-03-12T10:30:00+00:00",
        ),
        (
            "12 mars 2024, 10h30 GMT+2",
            LEAD_FR,
            "2024-03-12T10:30:00+02:00",
        ),
    ] {
        assert_eq!(date_of(line, lead), want, "{line}");
    }
}

#[test]
fn a_repeated_yaml_key_is_an_error_naming_its_second_line() {
    let problems = check(
        "dup.fr.md",
        "---\ntitle: Titre un\ndate: 2024-03-12\ntitle: Titre deux\n---\n\nTexte de l'article.\n",
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(names_path(&problems[0].path, "dup.fr.md"), "{problems:?}");
    assert_eq!(problems[0].line, Some(4));
    assert!(
        problems[0].message.contains("duplicate key `title`"),
        "{}",
        problems[0].message
    );
}

#[test]
fn empty_optional_fields_are_not_set_as_in_hugo() {
    let articles = inspect(&[(
        "leer.de.md",
        "---\ntitle: Leere Felder\ndate: 2024-03-12\nlastmod: \"\"\nsummary: \"\"\ntags:\nauthor: \"\"\ndescription:\n---\n\nDer eigentliche erste Absatz des Artikels.\n\nNoch ein Absatz.\n",
    )]);
    let article = &articles[0];
    assert_eq!(
        article["summary"], "Der eigentliche erste Absatz des Artikels.",
        "{article}"
    );
    assert_eq!(article["updated"], article["date"], "{article}");
    assert_eq!(article["tags"], serde_json::json!([]), "{article}");

    let articles = inspect(&[
        ("a.txt", &format!("12.03.2024\n\n{LEAD_EN}\n")),
        ("a.toml", "summary = \"\"\nslug = \"\"\n"),
    ]);
    assert_eq!(articles[0]["summary"], LEAD_EN, "{}", articles[0]);

    // Required fields are still errors when empty.
    for (text, line) in [
        ("---\ntitle: \"\"\ndate: 2024-03-12\n---\nText.\n", Some(2)),
        ("---\ntitle:\ndate: 2024-03-12\n---\nText.\n", Some(2)),
        ("---\ntitle: T\ndate: \"\"\n---\nText.\n", Some(3)),
        ("+++\ntitle = \"T\"\ndate = \"\"\n+++\nText.\n", Some(3)),
    ] {
        let problems = check("e.en.md", text);
        assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        assert_eq!(problems[0].severity, "error");
        assert_eq!(problems[0].line, line, "{text}: {problems:?}");
    }
}

#[test]
fn two_names_for_one_field_with_different_values_are_an_error() {
    let problems = check(
        "zwei.de.md",
        "---\ntitle: Zwei Schlüssel\ndate: 2024-03-12\ntranslationKey: k1\ntranslation_key: k2\n---\n\nText.\n",
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(5));
    assert!(
        problems[0]
            .message
            .contains("`translation_key` and `translationKey` (line 4)"),
        "{}",
        problems[0].message
    );

    let problems = check(
        "zwei.de.md",
        "+++\ntitle = \"Zwei Daten\"\ndate = 2024-03-12\nlastmod = 2024-03-13\nupdated = 2024-03-14\n+++\n\nText.\n",
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(5));

    // Both names with one value say the same thing twice: accepted.
    let articles = inspect(&[(
        "gleich.de.md",
        "---\ntitle: Gleich\ndate: 2024-03-12\nauthor: Anna Müller\nauthors: [Anna Müller]\n---\n\nText über das Wetter in Berlin.\n",
    )]);
    assert_eq!(articles[0]["authors"], serde_json::json!(["Anna Müller"]));
}

/// Every problem of a file in one run: wrong types do not hide a bad slug,
/// language or URL, and a bad slug or language does not hide a bad URL.
#[test]
fn every_problem_of_one_file_is_reported_at_once() {
    let problems = check(
        "multi.en.md",
        "+++\ntitle = \"multi\"\ndate = 2024-03-01\nauthors = 5\ndraft = \"no\"\nslug = \"a/b\"\nlang = \"zz\"\nurl = \"rel\"\n+++\nBody.\n",
    );
    let mut lines: Vec<Option<u64>> = problems
        .iter()
        .filter(|p| p.severity == "error")
        .map(|p| p.line)
        .collect();
    lines.sort();
    assert_eq!(
        lines,
        [Some(4), Some(5), Some(6), Some(7), Some(8)],
        "{problems:?}"
    );
    // A field of the wrong type is not reported missing as well.
    let problems = check(
        "t.en.md",
        "---\ntitle: [a, b]\ndate: 2024-03-01\n---\nBody.\n",
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(2));
}

/// Feeds carry whole seconds: ROME reads a fraction as milliseconds
/// (`.123456789` would move the entry 34 hours on), SimplePie rounds it up.
#[test]
fn fractions_of_a_second_are_not_published() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/budget.en.md",
        &format!(
            "---\ntitle: Budget approved\ndate: 2024-03-01T10:30:00.123456789+01:00\nlastmod: 2024-03-02T08:00:00.654321Z\n---\n\n{LEAD_EN}\n"
        ),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let atom = dir.path().join("feeds/en/atom.xml");
    let feed = parse_feed(&atom);
    let entry = &feed.entries[0];
    assert_eq!(
        entry.published.unwrap().to_rfc3339(),
        "2024-03-01T09:30:00+00:00"
    );
    assert_eq!(
        entry.updated.unwrap().to_rfc3339(),
        "2024-03-02T08:00:00+00:00"
    );
    for file in ["en/atom.xml", "en/rss.xml"] {
        let text = std::fs::read_to_string(dir.path().join("feeds").join(file)).unwrap();
        assert!(
            !text.contains(".123") && !text.contains(".654"),
            "{file}: {text}"
        );
    }
}

/// A site of the articles `files` (name, text), configured in
/// Europe/Berlin.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "babelfeed.toml",
        "base_url = \"https://news.example.org\"\ntimezone = \"Europe/Berlin\"\n",
    );
    for (name, text) in files {
        write(dir.path(), &format!("articles/{name}"), text);
    }
    dir
}

/// The feeds a build writes of the articles `files` (name, text), in
/// Europe/Berlin; the folder is returned to keep them.
fn build(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = site(files);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    dir
}

/// Each entry of a feed by its title, with its publication time in UTC.
fn published_by_title(feed: &feed_rs::model::Feed) -> Vec<(String, String)> {
    let mut entries: Vec<_> = feed
        .entries
        .iter()
        .map(|e| {
            (
                e.title.as_ref().unwrap().content.clone(),
                e.published.unwrap().to_rfc3339(),
            )
        })
        .collect();
    entries.sort();
    entries
}

/// Hugo matches front matter keys whatever their case: a `Draft: true` is
/// a draft, `Title:` and `Date:` are the title and date, `TranslationKey`
/// links translations, and Astro's `pubDate` (in the month-name forms
/// Astro's templates write) dates a page as Hugo's `pubdate` does.
#[test]
fn front_matter_keys_are_matched_whatever_their_case() {
    let dir = build(&[
        (
            "secret.en.md",
            &format!("---\nTitle: Secret plan\nDate: 2024-03-12\nDraft: true\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "budget.en.md",
            &format!("---\nTitle: Budget approved\nDate: 2024-03-12\nTranslationKey: budget\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "budget.fr.md",
            &format!("+++\nTITLE = \"Budget adopté\"\nDATE = 2024-03-12\ntranslationkey = \"budget\"\n+++\n\n{LEAD_FR}\n"),
        ),
        (
            "astro-1.en.md",
            &format!("---\ntitle: Astro one\npubDate: 'Jul 08 2022'\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "astro-2.en.md",
            &format!("---\ntitle: Astro two\npubDate: 'July 8, 2022'\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "astro-3.en.md",
            &format!("---\ntitle: Astro three\npubDate: 8 July 2022\n---\n\n{LEAD_EN}\n"),
        ),
    ]);
    let feed = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    // Midnight in Berlin: 22:00 UTC the day before in summer.
    let july = "2022-07-07T22:00:00+00:00".to_string();
    assert_eq!(
        published_by_title(&feed),
        [
            ("Astro one".to_string(), july.clone()),
            ("Astro three".to_string(), july.clone()),
            ("Astro two".to_string(), july),
            (
                "Budget approved".to_string(),
                "2024-03-11T23:00:00+00:00".to_string()
            ),
        ]
    );
    let budget = feed
        .entries
        .iter()
        .find(|e| e.title.as_ref().unwrap().content == "Budget approved")
        .unwrap();
    let fr = budget
        .links
        .iter()
        .find(|l| l.href_lang.as_deref() == Some("fr"))
        .expect("the French translation is linked");
    assert_eq!(
        fr.href,
        "https://news.example.org/fr/2024/03/12/budget-adopte/"
    );
    let rss = parse_feed(&dir.path().join("feeds/en/rss.xml"));
    assert_eq!(rss.entries.len(), 4);
}

/// Jekyll's `published: false` (also quoted) keeps a post out of every
/// feed, as `draft` does, and so does its `_drafts/` folder;
/// `published: true` changes nothing.
#[test]
fn jekyll_published_false_is_a_draft() {
    let dir = build(&[
        (
            "quoted.en.md",
            &format!(
                "---\ntitle: Quoted\ndate: 2024-03-12\npublished: \"false\"\n---\n\n{LEAD_EN}\n"
            ),
        ),
        (
            "_drafts/embargoed.en.md",
            &format!("---\ntitle: Embargoed\n---\n\n{LEAD_EN} Embargoed.\n"),
        ),
        (
            "hidden.en.md",
            &format!("---\ntitle: Hidden\ndate: 2024-03-12\npublished: false\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "shown.en.md",
            &format!("---\ntitle: Shown\ndate: 2024-03-12\npublished: true\n---\n\n{LEAD_EN}\n"),
        ),
    ]);
    for feed in ["en/atom.xml", "en/rss.xml"] {
        let feed = parse_feed(&dir.path().join("feeds").join(feed));
        let titles: Vec<_> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.as_str())
            .collect();
        assert_eq!(titles, ["Shown"]);
    }
}

/// Jekyll and Docusaurus date a post without `date` by the day its file
/// name starts with, midnight where the site is, as a `date` of a day.
#[test]
fn a_post_without_date_is_dated_by_its_file_name() {
    let dir = build(&[
        (
            "_posts/2021-05-05-welcome.en.md",
            &format!("---\ntitle: Welcome\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "blog/2021-08-26-launch.md",
            &format!("---\ntitle: Launch\nlang: en\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "content/2021-07-14_zola.md",
            &format!("---\ntitle: Zola\nlang: en\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "blog/2021/06/30/folders.md",
            &format!("---\ntitle: Folders\nlang: en\n---\n\n{LEAD_EN}\n"),
        ),
        (
            "blog/2021-08-27-dated.md",
            &format!("---\ntitle: Dated\nlang: en\ndate: 2021-09-01T10:00:00Z\n---\n\n{LEAD_EN}\n"),
        ),
    ]);
    let feed = parse_feed(&dir.path().join("feeds/en/atom.xml"));
    assert_eq!(
        published_by_title(&feed),
        [
            ("Dated".to_string(), "2021-09-01T10:00:00+00:00".to_string()),
            (
                "Folders".to_string(),
                "2021-06-29T22:00:00+00:00".to_string()
            ),
            (
                "Launch".to_string(),
                "2021-08-25T22:00:00+00:00".to_string()
            ),
            (
                "Welcome".to_string(),
                "2021-05-04T22:00:00+00:00".to_string()
            ),
            ("Zola".to_string(), "2021-07-13T22:00:00+00:00".to_string()),
        ]
    );
    // Without a day in the name, the date is still missing.
    for name in [
        "welcome.en.md",
        "2021-05-welcome.en.md",
        "2021-02-30-x.en.md",
        "2021/05/welcome.en.md",
        "2021/02/30/x.en.md",
    ] {
        let problems = check(name, &format!("---\ntitle: Welcome\n---\n\n{LEAD_EN}\n"));
        assert_eq!(problems.len(), 1, "{name}: {problems:?}");
        assert!(
            problems[0]
                .message
                .starts_with("the front matter has no `date`"),
            "{name}: {problems:?}"
        );
    }
}

/// Beyond the contract's five languages: a plain-text export in Chinese,
/// Russian, Greek or Polish is dated by the date line its newsroom
/// writes, and titled by its first sentence (Chinese ends one with `。`
/// and no space).
#[test]
fn exports_in_other_scripts_are_dated_and_titled() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "babelfeed.toml",
        "base_url = \"https://news.example.org\"\ntimezone = \"UTC\"\n[languages.zh]\ntitle = \"新闻\"\n[languages.ru]\ntitle = \"Новости\"\n[languages.el]\ntitle = \"Ειδήσεις\"\n[languages.pl]\ntitle = \"Wiadomości\"\n",
    );
    let articles = [
        ("zh.txt", "2024年3月12日\n\n北京市政府周二宣布，将在2025年前新建50所学校，主要分布在郊区。该计划总投资约120亿元人民币，由市教育委员会负责实施。\n\n教育局局长王伟表示，第一批学校将于明年秋季开学。\n", "zh", "北京市政府周二宣布，将在2025年前新建50所学校，主要分布在郊区。", "2024-03-12"),
        ("ru.txt", "12 марта 2024 г.\n\nМэрия Москвы во вторник объявила о строительстве пятидесяти новых школ до 2025 года. Общие инвестиции составят около ста двадцати миллиардов рублей.\n\nГлава департамента образования сказал, что школы появятся в пригородах.\n", "ru", "Мэрия Москвы во вторник объявила о строительстве пятидесяти новых школ до 2025 года.", "2024-03-12"),
        ("el.txt", "13 Μαρτίου 2024\n\nΟ δήμος Αθηναίων ανακοίνωσε την Τετάρτη την κατασκευή πενήντα νέων σχολείων μέχρι το τέλος του επόμενου έτους. Η συνολική επένδυση ανέρχεται σε εκατόν είκοσι εκατομμύρια ευρώ.\n\nΟ αντιδήμαρχος παιδείας δήλωσε ότι τα σχολεία θα χτιστούν στα προάστια.\n", "el", "Ο δήμος Αθηναίων ανακοίνωσε την Τετάρτη την κατασκευή πενήντα νέων σχολείων μέχρι το τέλος του επόμενου έτους.", "2024-03-13"),
        ("pl.txt", "14 marca 2024 r.\n\nWładze Krakowa ogłosiły w czwartek budowę pięćdziesięciu nowych szkół do końca przyszłego roku. Łączne inwestycje wyniosą około stu dwudziestu milionów złotych.\n\nWiceprezydent miasta powiedział, że szkoły powstaną na przedmieściach.\n", "pl", "Władze Krakowa ogłosiły w czwartek budowę pięćdziesięciu nowych szkół do końca przyszłego roku.", "2024-03-14"),
    ];
    for (name, text, ..) in &articles {
        write(dir.path(), &format!("articles/{name}"), text);
    }
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    for (_, _, lang, title, day) in articles {
        let feed = parse_feed(&dir.path().join(format!("feeds/{lang}/atom.xml")));
        assert_eq!(feed.entries.len(), 1, "{lang}");
        let entry = &feed.entries[0];
        assert_eq!(entry.title.as_ref().unwrap().content, title, "{lang}");
        let published = entry.published.unwrap().to_rfc3339();
        assert!(published.starts_with(day), "{lang}: {published}");
    }
}
