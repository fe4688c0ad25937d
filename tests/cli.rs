//! The command line as a cron job and a publisher meet it: exit codes, every
//! error at once with file and line, and published feeds left intact when a
//! run fails.

mod common;

use std::fs;

use common::*;

const DE: &str = "04.05.2021\n\nDie Stadtwerke München haben am Montag einen neuen Vertrag mit der Firma Solaris unterzeichnet. Er gilt bis 2030.\n\nDer Vertrag umfasst 120 Busse und kostet 85 Millionen Euro, sagte Geschäftsführer Florian Bieberbach.\n";

#[test]
fn every_error_is_reported_at_once_and_old_feeds_stay() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let before = snapshot(&dir.path().join("feeds"));
    assert_eq!(before.len(), 2);

    write(
        dir.path(),
        "articles/bad-date.txt",
        "31.02.2021\n\nDer Rat hat getagt und beschlossen, das Budget zu erhöhen.\n",
    );
    write(dir.path(), "articles/empty.txt", "\n\n");
    write(dir.path(), "articles/only-date.txt", "04.05.2021\n");
    write(
        dir.path(),
        "articles/nested/no-front.md",
        "Just text, no front matter.\n",
    );
    write(dir.path(), "articles/types.md", "+++\ntitle = \"T\"\ndate = 2021-05-04\ntags = 5\n+++\nText in English for sure, with several words.\n");
    write(
        dir.path(),
        "articles/unclosed.md",
        "---\ntitle: x\ndate: 2021-05-04\n",
    );
    fs::write(
        dir.path().join("articles/latin1.txt"),
        b"04.05.2021\n\nM\xfcnchen\n",
    )
    .unwrap();
    write(
        dir.path(),
        "articles/nul.txt",
        "04.05.2021\n\nBad \u{0} byte here in the lead.\n",
    );
    write(dir.path(), "articles/slug.md", "+++\ntitle = \"Slug\"\ndate = 2021-05-04\nslug = \"../../etc\"\nlang = \"en\"\n+++\nBody.\n");
    write(
        dir.path(),
        "articles/lang.md",
        "+++\ntitle = \"L\"\ndate = 2021-05-04\nlang = \"../x\"\n+++\nBody.\n",
    );

    let output = babelfeed(dir.path(), &["build"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    for expected in [
        "bad-date.txt:1:",
        "empty.txt:",
        "only-date.txt:1:",
        "nested/no-front.md:1:",
        "types.md:4:",
        "unclosed.md:1:",
        "latin1.txt:3:",
        "nul.txt:3:",
        "slug.md:4:",
        "lang.md:4:",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(!err.contains("panicked"));
    assert_eq!(
        snapshot(&dir.path().join("feeds")),
        before,
        "a failed run must not publish"
    );
}

#[test]
fn two_articles_of_one_language_in_a_group_name_both_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b"] {
        write(
            dir.path(),
            &format!("articles/{name}.md"),
            &format!("+++\ntitle = \"{name}\"\ndate = 2021-05-04\nlang = \"de\"\ntranslation_key = \"k\"\n+++\nText.\n"),
        );
    }
    let output = babelfeed(dir.path(), &["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("a.md") && err.contains("b.md") && err.contains("`k`"),
        "{err}"
    );
}

#[test]
fn configuration_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    write(
        dir.path(),
        "babelfeed.toml",
        "base_url = \"https://a.org\"\nmax_entrys = 5\n",
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("babelfeed.toml:2"),
        "{}",
        stderr(&output)
    );

    let output = babelfeed(dir.path(), &["build", "--config", "missing.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.toml"));

    fs::remove_file(dir.path().join("babelfeed.toml")).unwrap();
    let output = babelfeed(dir.path(), &["build", "--articles", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nowhere"));

    let output = babelfeed(dir.path(), &["build", "--frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Run from the wrong folder (cron starts in $HOME), babelfeed would
/// publish with example.com links; it says which folder had no
/// configuration, and how to give one.
#[test]
fn no_configuration_file_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    let folder = dir.path().canonicalize().unwrap();
    for command in [
        &["build"][..],
        &["check"][..],
        &["check", "--format", "json"][..],
        &["inspect"][..],
    ] {
        let output = babelfeed(dir.path(), command);
        assert_success(&output);
        let err = stderr(&output);
        assert!(
            err.contains("warning: no babelfeed.toml in")
                && err.contains(&folder.display().to_string())
                && err.contains("defaults")
                && err.contains("--config"),
            "{command:?}: {err}"
        );
    }
    let quiet = babelfeed(dir.path(), &["-q", "build"]);
    assert_success(&quiet);
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
    write(dir.path(), "site.toml", "base_url = \"https://a.org\"\n");
    let given = babelfeed(dir.path(), &["build", "--config", "site.toml"]);
    assert_success(&given);
    assert!(
        !stderr(&given).contains("babelfeed.toml"),
        "{}",
        stderr(&given)
    );
    write(
        dir.path(),
        "babelfeed.toml",
        "base_url = \"https://a.org\"\n",
    );
    let found = babelfeed(dir.path(), &["build"]);
    assert_success(&found);
    assert!(!stderr(&found).contains("warning"), "{}", stderr(&found));
}

/// A configuration saved among the articles is not read: built with the
/// defaults, every entry id would be made from https://example.com, and
/// fixing that later changes them all. Without a configuration in the
/// working folder the run stops, saying where one is read; the same file
/// given with --config is used, and is not called a stray sidecar.
#[test]
fn a_configuration_in_the_articles_folder_stops_a_run_that_has_none() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    write(
        dir.path(),
        "articles/babelfeed.toml",
        "base_url = \"https://press.example.org\"\n",
    );
    let folder = dir.path().canonicalize().unwrap();
    for command in [
        &["build"][..],
        &["-q", "build"][..],
        &["check"][..],
        &["inspect"][..],
    ] {
        let output = babelfeed(dir.path(), command);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command:?}: {}",
            stderr(&output)
        );
        let err = stderr(&output);
        assert!(
            err.contains("articles/babelfeed.toml: error: babelfeed reads its configuration from babelfeed.toml in the working folder")
                && err.contains(&format!("move it to {}/babelfeed.toml", folder.display()))
                && err.contains("or give --config articles/babelfeed.toml"),
            "{command:?}: {err}"
        );
        assert!(
            !err.contains("sidecar") && !err.contains("defaults are used"),
            "{command:?}: {err}"
        );
    }
    assert!(!dir.path().join("feeds").exists());
    let json = babelfeed(dir.path(), &["check", "--format", "json"]);
    assert_eq!(json.status.code(), Some(2));
    assert!(
        stdout(&json).contains("\"path\": \"articles/babelfeed.toml\""),
        "{}",
        stdout(&json)
    );

    let given = babelfeed(
        dir.path(),
        &["build", "--config", "articles/babelfeed.toml"],
    );
    assert_success(&given);
    // In use, it is told of as no unused sidecar.
    let err = stderr(&given);
    assert!(
        !err.contains("no sidecar") && !err.contains("not beside a .txt article"),
        "{err}"
    );
    let feed = fs::read_to_string(dir.path().join("feeds/de/atom.xml")).unwrap();
    assert!(feed.contains("https://press.example.org/"), "{feed}");

    // Beside babelfeed.txt, it is that article's sidecar.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/babelfeed.txt", DE);
    write(dir.path(), "articles/babelfeed.toml", "title = \"Busse\"\n");
    let output = babelfeed(dir.path(), &["check"]);
    assert_success(&output);
}

/// A path setting that repeats base_url's path is reported at its line,
/// by build and check alike, and in check's JSON.
#[test]
fn configuration_warnings_are_reported_with_the_articles_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    write(
        dir.path(),
        "babelfeed.toml",
        "base_url = \"https://example.org/press/\"\nfeeds_url = \"/press/feeds/\"\n",
    );
    let warning = "babelfeed.toml:2: warning: `feeds_url` `/press/feeds/` is taken relative to base_url (https://example.org/press), which gives https://example.org/press/press/feeds/";
    for command in [&["build"][..], &["check"][..], &["inspect"][..]] {
        let output = babelfeed(dir.path(), command);
        assert_success(&output);
        assert!(
            stderr(&output).contains(warning),
            "{command:?}: {}",
            stderr(&output)
        );
    }
    let output = babelfeed(dir.path(), &["check"]);
    assert!(
        stderr(&output).contains("no errors, 1 warning(s)"),
        "{}",
        stderr(&output)
    );
    let output = babelfeed(dir.path(), &["check", "--format", "json"]);
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(found[0]["path"], "babelfeed.toml");
    assert_eq!(found[0]["line"], 2);
    assert_eq!(found[0]["severity"], "warning");
    let quiet = babelfeed(dir.path(), &["-q", "build"]);
    assert_success(&quiet);
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
}

/// `-v` lists the files of the articles folder that were not read, for
/// check and inspect as for build: they read the folder alike.
#[test]
fn verbose_check_and_inspect_list_the_ignored_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    write(dir.path(), "articles/photo.jpg", "not an article");
    write(dir.path(), "babelfeed.toml", "title = \"T\"\n");
    for command in [&["check"][..], &["inspect"][..], &["build"][..]] {
        let mut verbose = vec!["-v"];
        verbose.extend_from_slice(command);
        let output = babelfeed(dir.path(), &verbose);
        assert_success(&output);
        assert!(
            stderr(&output).contains("ignored photo.jpg (not .txt, .md or a sidecar .toml)"),
            "{command:?}: {}",
            stderr(&output)
        );
        let output = babelfeed(dir.path(), command);
        assert!(
            !stderr(&output).contains("ignored"),
            "{command:?}: {}",
            stderr(&output)
        );
    }
}

/// With only the binary, a first-time user finds the configuration file,
/// the keys most used and where all are listed in --help.
#[test]
fn help_tells_where_the_configuration_is_and_its_main_keys() {
    let dir = tempfile::tempdir().unwrap();
    let output = babelfeed(dir.path(), &["--help"]);
    assert_success(&output);
    let help = stdout(&output);
    for words in [
        "Configuration:",
        "babelfeed.toml in the working folder, or --config FILE",
        "base_url = ",
        "timezone = ",
        "max_entries = ",
        "content = ",
        "[languages.de]",
        "README.md lists every key",
    ] {
        assert!(help.contains(words), "`{words}` missing:\n{help}");
    }
}

/// `--out` naming a file: the system's "File exists" does not say what to
/// change.
#[test]
fn an_output_path_that_is_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    write(dir.path(), "notes.txt", "a user's file");
    for (out, says) in [
        ("notes.txt", "the output path is a file, not a folder"),
        ("notes.txt/feeds", "notes.txt is a file, not a folder"),
    ] {
        let output = babelfeed(dir.path(), &["build", "--out", out]);
        assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains(says) && err.contains("--out"), "{out}: {err}");
        assert!(!err.contains("os error"), "{out}: {err}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "a user's file"
    );
}

#[test]
fn help_documents_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let output = babelfeed(dir.path(), &["build", "--help"]);
    assert_success(&output);
    let help = stdout(&output);
    assert!(
        help.contains("Exit codes") && help.contains("nothing was published"),
        "{help}"
    );
}

#[test]
fn unchanged_feeds_are_not_rewritten_and_verbose_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    let first = babelfeed(dir.path(), &["build", "-v"]);
    assert_success(&first);
    assert!(stderr(&first).contains("wrote"));
    let second = babelfeed(dir.path(), &["build", "-v"]);
    assert_success(&second);
    let err = stderr(&second);
    assert!(
        err.contains("unchanged") && !err.contains("wrote "),
        "{err}"
    );
}

#[test]
fn drafts_are_in_no_feed_and_quiet_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    write(
        dir.path(),
        "articles/draft.md",
        "+++\ntitle = \"Entwurf\"\ndate = 2021-05-05\ndraft = true\nlang = \"de\"\n+++\nGeheim.\n",
    );
    // An unfinished draft, with no language to read yet, is not warned of.
    write(
        dir.path(),
        "articles/todo.md",
        "+++\ntitle = \"TK\"\ndate = 2021-05-05\ndraft = true\n+++\nTK TK TK\n",
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(!stderr(&output).contains("todo.md"), "{}", stderr(&output));
    let output = babelfeed(dir.path(), &["build", "-q"]);
    assert_success(&output);
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    let feed = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert_eq!(feed.entries.len(), 1);
    assert!(!feed.entries[0]
        .title
        .as_ref()
        .unwrap()
        .content
        .contains("Entwurf"));
}

#[test]
fn hugo_list_pages_are_no_articles_so_a_hugo_content_folder_builds() {
    // A Hugo site's content folder as it is: home and section pages
    // (`_index.md`), which have no date, beside the articles.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/_index.md",
        "---\ntitle: \"Home\"\n---\nWelcome.\n",
    );
    write(
        dir.path(),
        "articles/posts/_index.de.md",
        "+++\ntitle = \"Beiträge\"\n+++\n",
    );
    write(
        dir.path(),
        "articles/posts/start.de.md",
        "+++\ntitle = \"Start der Rakete\"\ndate = 2021-05-04\ntranslationKey = \"start\"\n+++\nDie Rakete ist gestartet.\n",
    );
    write(
        dir.path(),
        "articles/posts/start.fr.md",
        "+++\ntitle = \"Lancement de la fusée\"\ndate = 2021-05-04\ntranslationKey = \"start\"\n+++\nLa fusée a décollé.\n",
    );
    let output = babelfeed(dir.path(), &["build", "-v"]);
    assert_success(&output);
    let err = stderr(&output);
    for page in ["_index.md", "posts/_index.de.md"] {
        assert!(
            err.contains(&format!("ignored {page} (a Hugo list page")),
            "{err}"
        );
    }
    for (lang, title) in [("de", "Start der Rakete"), ("fr", "Lancement de la fusée")] {
        let feed = parse_feed(&dir.path().join(format!("feeds/{lang}/atom.xml")));
        let titles: Vec<&str> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.as_str())
            .collect();
        assert_eq!(titles, [title], "{lang}");
    }
    // Only the two articles' languages have feeds: the untagged home page
    // was not detected as some language of its own.
    let published: Vec<String> = visible_snapshot(&dir.path().join("feeds"))
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    assert_eq!(
        published,
        ["de/atom.xml", "de/rss.xml", "fr/atom.xml", "fr/rss.xml"]
    );
}

#[test]
fn inspect_json_has_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    let output = babelfeed(dir.path(), &["inspect", "--format", "json"]);
    assert_success(&output);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let article = &json.as_array().unwrap()[0];
    for key in [
        "path",
        "lang",
        "lang_source",
        "date",
        "title",
        "summary",
        "id",
        "url",
        "draft",
        "translations",
        "group_source",
        "score",
    ] {
        assert!(article.get(key).is_some(), "missing key {key}: {article}");
    }
    assert_eq!(article["path"], "good.txt");
    assert_eq!(article["lang"], "de");
    assert_eq!(article["lang_source"], "detected");
    assert_eq!(article["date"], "2021-05-04T00:00:00+00:00");
    assert_eq!(
        article["title"],
        "Die Stadtwerke München haben am Montag einen neuen Vertrag mit der Firma Solaris unterzeichnet."
    );
    assert_eq!(article["group_source"], "none");
}

/// A later story under a used file name gets an id of its own, and the
/// id of the story published first, which readers already hold, stays.
#[test]
fn same_file_name_in_two_folders_still_builds_with_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/2021/06/story.txt", DE);
    assert_success(&babelfeed(dir.path(), &["build"]));
    let before = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    // Published later, in a folder that sorts first.
    write(
        dir.path(),
        "articles/2021/05/story.txt",
        &DE.replace("04.05.2021", "05.06.2021")
            .replace("Solaris", "MAN"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains(
            "2021/05/story.txt: warning: has the same file name as 2021/06/story.txt, published first"
        ),
        "{}",
        stderr(&output)
    );
    let feed = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert_eq!(feed.entries.len(), 2);
    assert_ne!(feed.entries[0].id, feed.entries[1].id);
    let first = feed
        .entries
        .iter()
        .find(|e| e.title.as_ref().unwrap().content.contains("Solaris"));
    assert_eq!(first.unwrap().id, before.entries[0].id);

    // An older story added later takes the name's id: the files alone
    // cannot tell it came last, so the warning names the id readers hold
    // and how to keep it on the story they hold it for.
    write(
        dir.path(),
        "articles/2020/story.txt",
        &DE.replace("04.05.2021", "04.05.2020")
            .replace("Solaris", "Iveco"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let held = &before.entries[0].id;
    assert!(
        stderr(&output).contains(&format!(
            "2021/06/story.txt: warning: has the same file name as 2020/story.txt, published first, which keeps the entry id made from the name ({held})"
        )) && stderr(&output).contains(&format!(
            "set `id = \"{held}\"` in a sidecar file 2021/06/story.toml and another `id` for 2020/story.txt"
        )),
        "{}",
        stderr(&output)
    );
}

/// The advice to set the id readers hold is in the syntax of the file:
/// `id: …` in YAML front matter, `id = "…"` in TOML (and, above, in the
/// sidecar of a plain-text export, which has no front matter).
#[test]
fn the_id_advice_is_in_the_syntax_of_each_file() {
    let yaml = |date: &str| {
        format!("---\ntitle: Der Vertrag {date}\ndate: {date}\nlang: de\n---\n\nDie Stadtwerke haben einen Vertrag unterzeichnet.\n")
    };
    let toml = |date: &str| {
        format!("+++\ntitle = \"Der Vertrag {date}\"\ndate = {date}\nlang = \"de\"\n+++\n\nDie Stadtwerke haben einen Vertrag unterzeichnet.\n")
    };
    for (front, advice) in [
        (
            &yaml as &dyn Fn(&str) -> String,
            "set `id: {held}` in its front matter",
        ),
        (&toml, "set `id = \"{held}\"` in its front matter"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "articles/2021/story.md", &front("2021-06-04"));
        assert_success(&babelfeed(dir.path(), &["build", "-q"]));
        let held = parse_feed(&dir.path().join("feeds/de/atom.xml")).entries[0]
            .id
            .clone();
        write(dir.path(), "articles/2020/story.md", &front("2020-06-04"));
        let output = babelfeed(dir.path(), &["check"]);
        assert_success(&output);
        let advice = advice.replace("{held}", &held);
        assert!(
            stderr(&output).lines().any(|line| line
                .starts_with("2021/story.md: warning: has the same file name")
                && line.contains(&format!("{advice} and another `id` for 2020/story.md"))),
            "{advice}: {}",
            stderr(&output)
        );
    }
}

/// An empty (or unmounted) articles folder publishes nothing and removes
/// nothing: the feeds of the last good run stay.
#[test]
fn an_empty_articles_folder_leaves_the_published_feeds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let before = snapshot(&dir.path().join("feeds"));
    fs::remove_file(dir.path().join("articles/good.txt")).unwrap();
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("left as they are"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(&dir.path().join("feeds")), before);
}

/// A plain-text export named for one language but written in another is
/// published where its name says, with a warning that names both.
#[test]
fn a_file_name_language_the_text_contradicts_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/story.fr.txt",
        &DE.replace("04.05.2021", "05.05.2021"),
    );
    write(dir.path(), "articles/other.de.txt", DE);
    let output = babelfeed(dir.path(), &["check"]);
    assert_success(&output);
    let err = stderr(&output);
    assert!(
        err.contains("story.fr.txt: warning: the file name says `fr`, but the text reads as `de`"),
        "{err}"
    );
    assert!(!err.contains("other.de.txt: warning"), "{err}");
}

/// A Markdown article with front matter and nothing after it would be an
/// entry with a title alone; it still builds, with a warning that says so.
#[test]
fn a_markdown_article_without_text_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/stub.de.md",
        "+++\ntitle = \"Platzhalter\"\ndate = 2021-05-04\n+++\n\n",
    );
    let output = babelfeed(dir.path(), &["check", "--format", "json"]);
    assert_success(&output);
    let diagnostics = parse_check_json(&output.stdout).unwrap();
    assert!(
        diagnostics.iter().any(|d| d.path == "stub.de.md"
            && d.severity == "warning"
            && d.message.contains("no text after its front matter")),
        "{diagnostics:?}"
    );
}

/// A file manager's copy of a story (`story (Kopie).txt`, `Copy of
/// story.txt`) is left out with a warning, and the original keeps its
/// URL, id and translations; once the copy is edited, it is an article of
/// its own, and the original still keeps its URL.
#[test]
fn a_copy_of_an_article_is_left_out_and_the_original_keeps_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let de = "12.03.2024\n\nDer Grosse Rat von Basel hat am Dienstag das Budget 2025 mit 55 zu 40 Stimmen genehmigt. Die SVP stimmte dagegen.\n\nDas Budget sieht Ausgaben von 4,2 Milliarden Franken vor, sagte Finanzdirektorin Tanja Soland.\n";
    let fr = "12.03.2024\n\nLe Grand Conseil de Bâle a approuvé mardi le budget 2025 par 55 voix contre 40. L’UDC a voté contre.\n\nLe budget prévoit des dépenses de 4,2 milliards de francs, a indiqué la directrice des finances Tanja Soland.\n";
    write(dir.path(), "articles/budget.txt", de);
    write(dir.path(), "articles/budget-fr.txt", fr);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let before = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert_eq!(before.entries.len(), 1);
    let links = &before.entries[0].links;
    assert!(
        links.iter().any(|l| l.href_lang.as_deref() == Some("fr")),
        "the translation is linked: {links:?}"
    );

    write(dir.path(), "articles/budget (Kopie).txt", de);
    write(dir.path(), "articles/Copy of budget-fr.txt", fr);
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    for (copy, original) in [
        ("budget (Kopie).txt", "budget.txt"),
        ("Copy of budget-fr.txt", "budget-fr.txt"),
    ] {
        assert!(
            stderr(&output).contains(&format!(
                "{copy}: warning: has the same text as {original}, so it is left out"
            )),
            "{}",
            stderr(&output)
        );
    }
    for lang in ["de", "fr"] {
        let path = dir.path().join(format!("feeds/{lang}/atom.xml"));
        assert_eq!(parse_feed(&path).entries.len(), 1, "{lang}");
    }
    let after = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert_eq!(after.entries[0].id, before.entries[0].id);
    assert_eq!(after.entries[0].links, before.entries[0].links);

    // A copy of a copy is the copy's copy, whatever the paths' order.
    write(
        dir.path(),
        "articles/note (1).txt",
        &de.replace("Grosse Rat", "Stadtrat"),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    write(
        dir.path(),
        "articles/note (1) - Kopie.txt",
        &de.replace("Grosse Rat", "Stadtrat"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert!(
        stderr(&output)
            .contains("note (1) - Kopie.txt: warning: has the same text as note (1).txt"),
        "{}",
        stderr(&output)
    );
    fs::remove_file(dir.path().join("articles/note (1) - Kopie.txt")).unwrap();
    fs::remove_file(dir.path().join("articles/note (1).txt")).unwrap();

    // Edited, the copy is a story of its own; the original keeps its URL.
    write(
        dir.path(),
        "articles/budget (Kopie).txt",
        &de.replace("4,2 Milliarden", "4,3 Milliarden"),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let edited = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert_eq!(edited.entries.len(), 2);
    let original = edited
        .entries
        .iter()
        .find(|e| e.id == before.entries[0].id)
        .expect("the original is still there");
    assert_eq!(original.links[0].href, before.entries[0].links[0].href);

    // One text in two languages (a statement left untranslated) is two
    // articles, one in each language's feed.
    let statement = "---\ntitle: Statement of the board\ndate: 2024-03-13\n---\n\nThe board has accepted the resignation of its chair.\n";
    write(dir.path(), "articles/statement.de.md", statement);
    write(dir.path(), "articles/statement.fr.md", statement);
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(
        !stderr(&output).contains("statement"),
        "{}",
        stderr(&output)
    );
    for lang in ["de", "fr"] {
        let feed = parse_feed(&dir.path().join(format!("feeds/{lang}/atom.xml")));
        let titles: Vec<String> = feed
            .entries
            .iter()
            .filter_map(|e| e.title.as_ref().map(|t| t.content.clone()))
            .collect();
        assert!(
            titles.contains(&"Statement of the board".to_string()),
            "{lang}: {titles:?}"
        );
    }
}

/// A renamed file's id is made from its new name, so readers would show
/// it again: the run says so, with the setting that keeps the old id, and
/// with that setting the entry keeps it.
#[test]
fn a_renamed_file_is_told_how_to_keep_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let story = "12.03.2024\n\nDer Grosse Rat von Basel hat am Dienstag das Budget 2025 mit 55 zu 40 Stimmen genehmigt. Die SVP stimmte dagegen.\n\nDas Budget sieht Ausgaben von 4,2 Milliarden Franken vor.\n";
    write(dir.path(), "articles/2024/budget.txt", story);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let before = parse_feed(&dir.path().join("feeds/de/atom.xml")).entries[0]
        .id
        .clone();

    // Moved to another folder, it keeps its id and nothing is said.
    fs::create_dir_all(dir.path().join("articles/2024/03")).unwrap();
    fs::rename(
        dir.path().join("articles/2024/budget.txt"),
        dir.path().join("articles/2024/03/budget.txt"),
    )
    .unwrap();
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(!stderr(&output).contains("renamed"), "{}", stderr(&output));

    // A copy left out, then deleted, is no rename of the original.
    fs::copy(
        dir.path().join("articles/2024/03/budget.txt"),
        dir.path().join("articles/2024/03/budget (copy).txt"),
    )
    .unwrap();
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    fs::remove_file(dir.path().join("articles/2024/03/budget (copy).txt")).unwrap();
    let output = babelfeed(dir.path(), &["build"]);
    assert!(!stderr(&output).contains("renamed"), "{}", stderr(&output));

    fs::rename(
        dir.path().join("articles/2024/03/budget.txt"),
        dir.path().join("articles/2024/03/budget-basel.txt"),
    )
    .unwrap();
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let setting = format!("id = \"{before}\"");
    let expected = format!(
        "2024/03/budget-basel.txt: warning: has the text 2024/03/budget.txt had, and 2024/03/budget.txt is gone: if it was renamed, its entry id changed from {before} to "
    );
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "set `{setting}` in a sidecar file 2024/03/budget-basel.toml"
        )),
        "{}",
        stderr(&output)
    );
    write(
        dir.path(),
        "articles/2024/03/budget-basel.toml",
        &format!("{setting}\n"),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let after = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    assert_eq!(after.entries.len(), 1);
    assert_eq!(after.entries[0].id, before);
}

/// A figure updated in the lead changes the title, and so the URL made from
/// it: the run says so, with the slug that keeps the old URL, and with
/// that slug the entry keeps it. A URL that stays is not told of.
#[test]
fn an_edited_title_that_moves_the_url_is_told_how_to_keep_it() {
    let dir = tempfile::tempdir().unwrap();
    let story = |figure: &str| {
        format!("Dec. 7, 2026\n\nA winter storm cut power to more than {figure} homes and businesses across New England on Monday.\n\nCrews worked through the night.\n")
    };
    write(dir.path(), "articles/storm.txt", &story("410,000"));
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let link = |dir: &std::path::Path| {
        parse_feed(&dir.join("feeds/en/atom.xml")).entries[0].links[0]
            .href
            .clone()
    };
    let before = link(dir.path());
    assert!(before.ends_with("/2026/12/07/a-winter-storm-cut-power-to-more-than-410-000-homes-and-businesses-across-new/"), "{before}");

    // The body edited, the title not: nothing to tell.
    write(
        dir.path(),
        "articles/storm.txt",
        &story("410,000").replace("the night", "the night and the next day"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(
        !stderr(&output).contains("URL changed"),
        "{}",
        stderr(&output)
    );

    write(dir.path(), "articles/storm.txt", &story("452,000"));
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let after = link(dir.path());
    assert_ne!(after, before);
    let expected = format!(
        "storm.txt: warning: its URL changed from {before} to {after}, as it is made from the title"
    );
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    let setting =
        "slug = \"a-winter-storm-cut-power-to-more-than-410-000-homes-and-businesses-across-new\"";
    assert!(
        stderr(&output).contains(&format!("set `{setting}` in a sidecar file storm.toml")),
        "{}",
        stderr(&output)
    );
    write(dir.path(), "articles/storm.toml", &format!("{setting}\n"));
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(
        !stderr(&output).contains("URL changed"),
        "{}",
        stderr(&output)
    );
    assert_eq!(link(dir.path()), before);
}

/// A newcomer of the same day whose title makes a published article's URL
/// takes it when its file name comes first: the published one is told,
/// and the slug it is told to set keeps its URL, the newcomer moving.
#[test]
fn an_article_whose_url_a_newcomer_takes_is_told_how_to_keep_it() {
    let dir = tempfile::tempdir().unwrap();
    let lead =
        "The central bank raised its key rate by a quarter point to 4.5 percent on Thursday.";
    write(
        dir.path(),
        "articles/zz-rates.txt",
        &format!("May 4, 2026\n\n{lead}\n\nMarkets fell.\n"),
    );
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let urls = |dir: &std::path::Path| -> Vec<String> {
        let mut urls: Vec<String> = parse_feed(&dir.join("feeds/en/atom.xml"))
            .entries
            .iter()
            .map(|e| e.links[0].href.clone())
            .collect();
        urls.sort();
        urls
    };
    let before = urls(dir.path()).remove(0);
    write(
        dir.path(),
        "articles/aa-rates-analysis.txt",
        &format!("May 4, 2026\n\n{lead} What it means for borrowers.\n\nAn analysis.\n"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "zz-rates.txt: warning: its URL changed from {before} to "
        )) && err.contains("as another article of its day now has its title"),
        "{err}"
    );
    let slug = before.trim_end_matches('/').rsplit('/').next().unwrap();
    let setting = format!("slug = \"{slug}\"");
    assert!(
        err.contains(&format!("set `{setting}` in a sidecar file zz-rates.toml")),
        "{err}"
    );
    write(
        dir.path(),
        "articles/zz-rates.toml",
        &format!("{setting}\n"),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let after = urls(dir.path());
    assert!(after.contains(&before), "{after:?}");
    assert_eq!(after.len(), 2, "{after:?}");
}

/// Two stories of one day that open with the same headline would share a
/// URL made from it; the later one's slug takes its file name, so a cron
/// run still publishes. A slug set by hand still clashes as an error.
#[test]
fn a_title_url_two_stories_share_takes_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let story = |lead: &str| format!("04.05.2021\n\nBundestag aufgelöst\n{lead}\n\nMehr folgt.\n");
    write(
        dir.path(),
        "articles/eil-1.txt",
        &story("Der Bundespräsident hat am Dienstag den Bundestag aufgelöst und Neuwahlen für den 23. Februar angesetzt."),
    );
    write(
        dir.path(),
        "articles/eil-2.txt",
        &story("Nach der Auflösung des Bundestags haben die Parteien am Dienstag in Berlin mit dem Wahlkampf begonnen."),
    );
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("eil-2.txt: warning: its title makes the same URL as eil-1.txt"),
        "{}",
        stderr(&output)
    );
    let feed = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    let urls: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.links[0].href.clone())
        .collect();
    for end in [
        "/2021/05/04/bundestag-aufgelost/",
        "/2021/05/04/bundestag-aufgelost-eil-2/",
    ] {
        assert!(urls.iter().any(|u| u.ends_with(end)), "{urls:?}");
    }

    for name in ["eil-1", "eil-2"] {
        write(
            dir.path(),
            &format!("articles/{name}.toml"),
            "slug = \"eilmeldung\"\n",
        );
    }
    let output = babelfeed(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("has the same URL"),
        "{}",
        stderr(&output)
    );
}

/// Three desks export one story of the day under one file name and with
/// one headline (`inland/wetter.txt`, `ausland/wetter.txt`, …): the file
/// name cannot tell the later two apart, so their folders do, and the run
/// still publishes all three, each under a URL of its own.
#[test]
fn a_title_url_shared_under_one_file_name_takes_the_folders() {
    let dir = tempfile::tempdir().unwrap();
    let story = |lead: &str| format!("04.05.2021\n\nUnwetter im Süden\n{lead}\n\nMehr folgt.\n");
    let leads = [
        ("inland", "In Bayern haben Hagel und Sturm am Dienstag Dächer abgedeckt und Bäume entwurzelt."),
        ("ausland", "In Norditalien hat ein Gewitter am Dienstag den Bahnverkehr zwischen Mailand und Verona unterbrochen."),
        ("wirtschaft", "Versicherer rechnen nach den Gewittern vom Dienstag mit Schäden von mehr als 200 Millionen Euro."),
    ];
    for (folder, lead) in leads {
        write(
            dir.path(),
            &format!("articles/{folder}/wetter.txt"),
            &story(lead),
        );
    }
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    let feed = parse_feed(&dir.path().join("feeds/de/atom.xml"));
    let mut urls: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.links[0].href.clone())
        .collect();
    urls.sort();
    assert_eq!(urls.len(), 3, "{urls:?}");
    urls.dedup();
    assert_eq!(urls.len(), 3, "{urls:?}");
    // The first by path keeps the title's URL; the others end in their own
    // folder and name, which stay theirs whatever the other desks export.
    for end in [
        "/2021/05/04/unwetter-im-suden/",
        "/2021/05/04/unwetter-im-suden-inland-wetter/",
        "/2021/05/04/unwetter-im-suden-wirtschaft-wetter/",
    ] {
        assert!(urls.iter().any(|u| u.ends_with(end)), "{urls:?}");
    }
}

/// Every Markdown file with Hugo shortcodes gets one warning, at the line
/// of its first, naming each it holds: naming the first alone left the
/// author to find the others in the feed.
#[test]
fn every_hugo_shortcode_of_a_file_is_named_in_its_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/toilets.en.md",
        "---\ntitle: \"School toilets\"\ndate: 2024-03-04\n---\n\nThe school has toilets.\n\n\
         {{< figure src=\"school.jpg\" >}}\n\n{{% notice info %}}\nOpen daily.\n{{% /notice %}}\n\n\
         See [our drought report]({{< ref \"drought.en.md\" >}}).\n\n{{< figure src=\"b.jpg\" >}}\n",
    );
    write(
        dir.path(),
        "articles/kiosks.en.md",
        "+++\ntitle = \"Kiosks\"\ndate = 2024-03-05\n+++\nWater kiosks.\n\n{{< youtube Xk3aT9qLm2s >}}\n",
    );
    let output = babelfeed(dir.path(), &["check", "--format", "json"]);
    assert_success(&output);
    let diagnostics = parse_check_json(&output.stdout).unwrap();
    let warning = |path: &str| {
        let found: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.path == path && d.message.contains("shortcode"))
            .collect();
        assert_eq!(found.len(), 1, "{diagnostics:?}");
        (found[0].line, found[0].message.clone())
    };
    let (line, message) = warning("toilets.en.md");
    assert_eq!(line, Some(8), "{message}");
    assert!(
        message.contains("`figure` (line 8), `notice` (line 10) are shown as written")
            && message.contains("links to `ref` (line 14) show their text alone"),
        "{message}"
    );
    let (line, message) = warning("kiosks.en.md");
    assert_eq!(line, Some(7), "{message}");
    assert!(message.contains("`youtube` (line 7)"), "{message}");
}

/// babelfeed with stdout, and with `stderr_too` stderr, a pipe whose reader
/// is already gone (as `| head` leaves it once it has its lines): every
/// write there fails with a broken pipe, on any machine's timing. Stderr
/// is captured otherwise.
fn babelfeed_into_closed_pipe(
    cwd: &std::path::Path,
    args: &[&str],
    stderr_too: bool,
) -> std::process::Output {
    let closed = || {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        std::process::Stdio::from(writer)
    };
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_babelfeed"));
    command.current_dir(cwd).args(args).stdout(closed());
    if stderr_too {
        command.stderr(closed());
    }
    command.output().expect("run babelfeed")
}

/// `babelfeed inspect --format json | head -2` and `babelfeed build 2>&1 |
/// head -1`: a closed pipe is no panic (exit 101 and a backtrace), a
/// build still publishes, and the exit code is the run's own.
#[test]
fn a_closed_output_pipe_is_no_panic_and_the_run_keeps_its_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    for args in [
        &["inspect", "--format", "json"][..],
        &["inspect"][..],
        &["check", "--format", "json"][..],
    ] {
        let output = babelfeed_into_closed_pipe(dir.path(), args, false);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }

    let output = babelfeed_into_closed_pipe(dir.path(), &["-v", "build"], true);
    assert_eq!(output.status.code(), Some(0), "build into a closed pipe");
    assert!(dir.path().join("feeds/de/atom.xml").exists());

    write(dir.path(), "articles/empty.txt", "");
    for (args, code) in [
        (&["-v", "build", "--keep-going"][..], 1),
        (&["check", "--format", "json"][..], 1),
        (&["build", "--articles", "nowhere"][..], 2),
    ] {
        let output = babelfeed_into_closed_pipe(dir.path(), args, true);
        assert_eq!(output.status.code(), Some(code), "{args:?}");
    }
}

/// `check --format json | jq` gets an articles folder that is missing or
/// cannot be read as it gets every other problem: a JSON array on stdout
/// (exit 2 as before).
#[test]
fn check_json_lists_an_articles_folder_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", DE);
    let expect_one_error = |output: &std::process::Output, path: &str| {
        assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
        let diagnostics = parse_check_json(&output.stdout).unwrap();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let problem = &diagnostics[0];
        assert_eq!(
            (
                problem.path.as_str(),
                problem.line,
                problem.severity.as_str()
            ),
            (path, None, "error"),
            "{problem:?}"
        );
        assert!(
            problem
                .message
                .starts_with("cannot read the articles folder: "),
            "{problem:?}"
        );
    };
    let output = babelfeed(
        dir.path(),
        &["check", "--format", "json", "--articles", "nowhere"],
    );
    expect_one_error(&output, "nowhere");

    let Some(mut command) = babelfeed_obeying_permissions(dir.path()) else {
        return;
    };
    chmod(&dir.path().join("articles"), 0o000);
    let output = command
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    chmod(&dir.path().join("articles"), 0o755);
    expect_one_error(&output, "articles");
}

/// `check` writes nothing, so its help must not promise that `-v` lists
/// the files written: that is said to be `build`'s, and the ignored
/// files, which `-v` lists for every command, are said to be listed.
#[test]
fn check_help_promises_no_files_written() {
    let dir = tempfile::tempdir().unwrap();
    let output = babelfeed(dir.path(), &["check", "--help"]);
    assert_success(&output);
    let help = stdout(&output);
    // The option's lines: its own, and those up to the next option.
    let mut lines = help
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("-v, --verbose"));
    let first = lines.next().unwrap_or_else(|| panic!("no -v in:\n{help}"));
    let rest = lines.take_while(|line| !line.trim_start().starts_with('-'));
    let verbose = std::iter::once(first)
        .chain(rest)
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        verbose.contains("List the files of the articles folder that were ignored")
            && verbose.contains("build also lists every file written")
            && verbose.contains("check and inspect write none"),
        "{verbose}"
    );
}

/// A file with an error is told that error alone: a warning that its
/// language was read from little text would be noise until it is fixed.
#[test]
fn a_file_with_an_error_gets_no_warnings_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/bad.txt",
        "31.02.2024\n\nKurz notiert.\n",
    );
    write(
        dir.path(),
        "articles/short.txt",
        "28.02.2024\n\nKurz notiert.\n",
    );
    let output = babelfeed(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("bad.txt:1: error:"), "{err}");
    assert!(!err.contains("bad.txt: warning"), "{err}");
    // The same text without the error still gets its warning.
    assert!(
        err.contains("short.txt: warning: language detected"),
        "{err}"
    );
}
