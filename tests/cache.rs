//! The cache beside the output is only ever a shortcut: after any change to
//! the articles or the configuration, a run that uses it writes the same
//! bytes (and the same warnings) as a clean build into an empty folder;
//! deleted or damaged, it is rebuilt; and a run with nothing changed
//! touches no file. Also: the parallel pipeline writes the same bytes as a
//! single thread.

mod common;
#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

const CONFIG: &str = "base_url = \"https://news.example.org\"\ntimezone = \"Europe/Berlin\"\n";

fn warnings(output: &std::process::Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
        .map(str::to_string)
        .collect()
}

/// Builds into `work/out` (with its cache) and into a fresh folder, and
/// checks both give the same feeds and the same warnings.
#[track_caller]
fn assert_same_as_clean(work: &Path, step: &str) {
    let cached = babelfeed(work, &["build", "--out", "out"]);
    assert_success(&cached);
    let clean_dir = work.join("clean");
    let _ = fs::remove_dir_all(&clean_dir);
    let clean = babelfeed(work, &["build", "--out", "clean"]);
    assert_success(&clean);
    let (got, want) = (snapshot(&work.join("out")), snapshot(&clean_dir));
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want), "{step}: the files differ");
    for ((name, a), (_, b)) in got.iter().zip(&want) {
        assert!(a == b, "{step}: {name} differs from a clean build");
    }
    assert_eq!(
        warnings(&cached),
        warnings(&clean),
        "{step}: warnings differ"
    );
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/corpus/articles"),
        &dir.path().join("articles"),
    );
    write(dir.path(), "babelfeed.toml", CONFIG);
    dir
}

/// Writes a generated corpus into `work/articles`; returns its files.
fn write_corpus(work: &Path, options: &corpus::Options) -> Vec<corpus::File> {
    let files = corpus::generate_files(options);
    for file in &files {
        write(&work.join("articles"), &file.path, &file.content);
    }
    files
}

fn mtime(path: &Path) -> std::time::SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_cached_run_writes_what_a_clean_build_writes() {
    let dir = setup();
    let work = dir.path();
    // A file changed within two seconds of a run is read again by the next
    // run whatever its stamp says (a rewrite within one clock tick keeps
    // the stamp); the articles must be older for the shortcut.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_same_as_clean(work, "first build");
    assert!(work.join("out/.babelfeed-cache/index").exists());

    // Nothing changed: every feed is left as it is, nothing is read.
    let atom = work.join("out/de/atom.xml");
    let before = mtime(&atom);
    std::thread::sleep(std::time::Duration::from_millis(30));
    let again = babelfeed(work, &["-v", "build", "--out", "out"]);
    assert_success(&again);
    assert!(
        stderr(&again).contains("nothing changed"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("0 file(s) written"));
    assert_eq!(mtime(&atom), before, "an unchanged feed was touched");

    // One article edited.
    let article = work.join("articles/2021/05/000_1c7d62afff7c0b0d.txt");
    let text = fs::read_to_string(&article).unwrap();
    fs::write(
        &article,
        format!("{text}\nEin weiterer Satz zum Schluss.\n"),
    )
    .unwrap();
    assert_same_as_clean(work, "one article edited");
    // The feeds of the other languages are not even rendered again.
    let text = fs::read_to_string(&article).unwrap();
    fs::write(&article, format!("{text}\nUnd noch einer.\n")).unwrap();
    let edited = babelfeed(work, &["-v", "build", "--out", "out"]);
    assert_success(&edited);
    let report = stderr(&edited);
    assert!(
        report.contains("de/atom.xml") && !report.contains("de/atom.xml (not rendered"),
        "{report}"
    );
    for other in ["fr/atom.xml", "fr/rss.xml", "en/atom.xml"] {
        assert!(
            report.contains(&format!("{other} (not rendered")),
            "{other}: {report}"
        );
    }
    assert_same_as_clean(work, "one article edited again");

    // A new article, one deleted, one moved to another folder.
    write(
        work,
        "articles/2022/01/10/neu.txt",
        "10.01.2022\n\nDie Stadt Graz hat am Montag ein neues Radwegenetz vorgestellt, das bis 2026 fertig sein soll.\n\nBürgermeisterin Elke Kahr sprach von 42 Kilometern neuer Wege.\n",
    );
    let listing = list_articles(&work.join("articles"));
    fs::remove_file(&listing[3]).unwrap();
    let moved = &listing[7];
    fs::create_dir_all(work.join("articles/moved")).unwrap();
    fs::rename(
        moved,
        work.join("articles/moved").join(moved.file_name().unwrap()),
    )
    .unwrap();
    assert_same_as_clean(work, "added, deleted and moved articles");

    // A translation added in another language: the German, English and
    // French feeds' entries link to it, though none of their articles
    // changed.
    write(
        work,
        "articles/markdown/fairphone/launch.es.md",
        "+++\ntitle = \"Fairphone 4: cinco años de garantía\"\ndate = 2021-09-30\n+++\n\nLa empresa Fairphone presentó el jueves su nuevo teléfono, que se repara con un destornillador.\n",
    );
    assert_same_as_clean(work, "a translation added in another language");

    // The configuration changed.
    write(
        work,
        "babelfeed.toml",
        &format!("{CONFIG}max_entries = 3\n"),
    );
    assert_same_as_clean(work, "configuration changed");
    write(
        work,
        "babelfeed.toml",
        &format!("{CONFIG}content = \"summary\"\n"),
    );
    assert_same_as_clean(work, "content mode changed");
    write(work, "babelfeed.toml", CONFIG);
    assert_same_as_clean(work, "configuration back");

    // The cache deleted, then damaged.
    fs::remove_dir_all(work.join("out/.babelfeed-cache")).unwrap();
    assert_same_as_clean(work, "cache deleted");
    fs::write(work.join("out/.babelfeed-cache/index"), b"garbage").unwrap();
    fs::write(work.join("out/.babelfeed-cache/articles"), vec![7u8; 4096]).unwrap();
    assert_same_as_clean(work, "cache damaged");
    fs::write(
        work.join("out/.babelfeed-cache/articles"),
        &fs::read(work.join("out/.babelfeed-cache/articles")).unwrap()[..100],
    )
    .unwrap();
    assert_same_as_clean(work, "cache truncated");

    // An append cut short (a run killed while saving the cache), then an
    // edit whose outcome is appended after it.
    let stored = work.join("out/.babelfeed-cache/articles");
    let mut bytes = fs::read(&stored).unwrap();
    bytes.extend_from_slice(&[0x42; 40]);
    fs::write(&stored, &bytes).unwrap();
    assert_same_as_clean(work, "torn append");
    let text = fs::read_to_string(&article).unwrap();
    fs::write(&article, format!("{text}\nNoch ein Satz.\n")).unwrap();
    assert_same_as_clean(work, "appended after a torn append");

    // A published feed changed by hand is rewritten.
    fs::write(work.join("out/fr/rss.xml"), "<rss/>").unwrap();
    assert_same_as_clean(work, "a feed changed by hand");
}

/// The ids are made from `id_base_url` (default `base_url`), which the
/// cache must key on like every setting: a move of the site, then
/// `id_base_url` set to keep the ids, changed, and left out again, each
/// give what a clean build gives, though no article changed.
#[test]
fn a_site_move_and_id_base_url_write_what_a_clean_build_writes() {
    let dir = setup();
    let work = dir.path();
    // Old enough for their stamps to be trusted, so that a run would take
    // the shortcut of "nothing changed" if the settings let it.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_same_as_clean(work, "first build");
    let atom = || fs::read(work.join("out/de/atom.xml")).unwrap();
    let mut seen = vec![atom()];
    for (step, config) in [
        ("site moved", "base_url = \"https://www.news.example.org\"\n"),
        (
            "ids kept",
            "base_url = \"https://www.news.example.org\"\nid_base_url = \"https://news.example.org\"\n",
        ),
        (
            "id_base_url changed",
            "base_url = \"https://www.news.example.org\"\nid_base_url = \"http://news.example.org\"\n",
        ),
        ("id_base_url left out", "base_url = \"https://www.news.example.org\"\n"),
    ] {
        write(
            work,
            "babelfeed.toml",
            &format!("{config}timezone = \"Europe/Berlin\"\n"),
        );
        assert_same_as_clean(work, step);
        let now = atom();
        assert!(
            step == "id_base_url left out" || !seen.contains(&now),
            "{step}: the feed did not change"
        );
        seen.push(now);
    }
    assert_eq!(
        seen[4], seen[1],
        "the feeds of the moved site without id_base_url"
    );
}

/// The cache is keyed on content: an edit that keeps the file's size and
/// modification time (set back with `touch`) is still seen.
#[test]
fn an_edit_hidden_from_the_modification_time_is_still_seen() {
    let dir = setup();
    let work = dir.path();
    // Old enough for their stamps to be trusted (see above).
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_same_as_clean(work, "first build");
    let article = work.join("articles/2021/05/000_1c7d62afff7c0b0d.txt");
    let text = fs::read_to_string(&article).unwrap();
    let old_mtime = fs::metadata(&article).unwrap().modified().unwrap();
    // Same length: swap two ASCII letters of the lead for two others.
    let edited = text.replacen("Die", "Das", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    fs::write(&article, &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&article)
        .unwrap()
        .set_modified(old_mtime)
        .unwrap();
    assert_eq!(
        fs::metadata(&article).unwrap().modified().unwrap(),
        old_mtime
    );
    assert_same_as_clean(work, "same size, same mtime");
}

#[test]
fn one_thread_and_all_cores_write_the_same_bytes() {
    let dir = setup();
    let work = dir.path();
    let run = |out: &str, threads: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_babelfeed"))
            .current_dir(work)
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "-q", "--out", out])
            .output()
            .unwrap();
        assert_success(&output);
        snapshot(&work.join(out))
    };
    let single = run("single", "1");
    for threads in ["2", "4"] {
        assert!(
            run(&format!("multi{threads}"), threads) == single,
            "{threads} threads wrote different bytes than one"
        );
    }
}

fn list_articles(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(list_articles(&path));
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A run that finds no article changed still reports what is new in the
/// folder: a sidecar without its article is warned about at once.
#[test]
fn a_new_warning_is_not_hidden_by_the_shortcut() {
    let dir = setup();
    let work = dir.path();
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_success(&babelfeed(work, &["build", "--out", "out"]));
    write(work, "articles/orphan.toml", "lang = \"de\"\n");
    let again = babelfeed(work, &["build", "--out", "out"]);
    assert_success(&again);
    assert!(
        stderr(&again).contains("orphan.toml: warning:"),
        "{}",
        stderr(&again)
    );
}

/// Pairing reuses the last run's evidence away from what changed (the
/// `pairing` file of the cache): on ten weeks of plain-text exports, edits
/// that change an article's names, a translation added twice, an article
/// deleted and a damaged memo all give what a clean build gives — every
/// link, score-based warning and feed byte.
#[test]
fn pairing_from_the_cache_links_what_a_clean_build_links() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    let options = corpus::Options {
        stories: 280,
        per_day: 4,
        seed: 7,
        untranslated_share: 0.1,
        ..corpus::Options::default()
    };
    let files = write_corpus(work, &options);
    write(
        work,
        "babelfeed.toml",
        "base_url = \"https://news.example.org\"\nmax_entries = 0\n",
    );
    assert_same_as_clean(work, "first build");
    let pairs = |work: &Path| {
        entry_links(&work.join("out/de/atom.xml"))
            .iter()
            .filter(|links| links.len() > 1)
            .count()
    };
    assert!(pairs(work) > 200, "only {} linked", pairs(work));

    // Week five: one German article gains names its translation lacks.
    let middle = files
        .iter()
        .find(|f| f.story == 140 && f.lang == "de")
        .unwrap();
    let path = work.join("articles").join(&middle.path);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        format!(
            "{text}\nAuch Ursula von der Leyen und Olaf Scholz äußerten sich in Brüssel zur ECB.\n"
        ),
    )
    .unwrap();
    assert_same_as_clean(work, "names added");

    // A second copy of a French translation, a few weeks later: now two
    // candidates for one German article.
    let french = files
        .iter()
        .find(|f| f.story == 200 && f.lang == "fr")
        .unwrap();
    let copy = Path::new(&french.path).with_file_name("copy.txt");
    // With its own title, so that it gets its own URL.
    let retitled = french
        .content
        .replacen("\n\n", "\n\nMise à jour du soir : ", 1);
    write(&work.join("articles"), copy.to_str().unwrap(), &retitled);
    assert_same_as_clean(work, "a translation twice");

    // An article of the first weeks deleted.
    let early = files
        .iter()
        .find(|f| f.story == 20 && f.lang == "fr")
        .unwrap();
    fs::remove_file(work.join("articles").join(&early.path)).unwrap();
    assert_same_as_clean(work, "an article deleted");

    // One byte of the memo changed: its checksum refuses it.
    let memo = work.join("out/.babelfeed-cache/pairing");
    let mut bytes = fs::read(&memo).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x55;
    fs::write(&memo, &bytes).unwrap();
    fs::remove_file(work.join("articles").join(&middle.path)).unwrap();
    assert_same_as_clean(work, "memo damaged");
}

/// With every entry in the feeds, a run after an edit copies the runs of
/// entries that did not change from the published files instead of
/// rendering them again (`-v` says how much), and writes what a clean
/// build writes: after an edit, a new newest article, one deleted, and an
/// edit in a language whose published feed was changed by hand (nothing
/// copied from it).
#[test]
fn unchanged_runs_of_entries_are_copied_from_the_published_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    for (format, seed) in [(corpus::Format::Md, 1), (corpus::Format::Txt, 2)] {
        let options = corpus::Options {
            stories: 150,
            per_day: 3,
            format,
            seed,
            ..corpus::Options::default()
        };
        write_corpus(work, &options);
    }
    write(
        work,
        "babelfeed.toml",
        &format!("{CONFIG}max_entries = 0\n"),
    );
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_same_as_clean(work, "first build");

    let listing = list_articles(&work.join("articles"));
    let copied = |step: &str, changed: &[&str], untouched: &[&str]| {
        let run = babelfeed(work, &["-v", "build", "--out", "out"]);
        assert_success(&run);
        let report = stderr(&run);
        for path in changed {
            let line = report
                .lines()
                .find(|l| l.starts_with("wrote ") && l.contains(path))
                .unwrap_or_else(|| panic!("{step}: {path} not written: {report}"));
            assert!(line.contains("bytes copied"), "{step}: {line}");
        }
        for path in untouched {
            assert!(
                report.contains(&format!("{path} (not rendered")),
                "{step}: {path}: {report}"
            );
        }
        assert_same_as_clean(work, step);
    };

    let edited = listing
        .iter()
        .find(|p| p.to_string_lossy().ends_with(".de.md"))
        .unwrap();
    let text = fs::read_to_string(edited).unwrap();
    fs::write(edited, format!("{text}\nEin weiterer Satz zum Schluss.\n")).unwrap();
    copied(
        "one article edited",
        &["de/atom.xml", "de/rss.xml"],
        &["fr/atom.xml"],
    );

    write(
        work,
        "articles/neu/newest.de.md",
        "+++\ntitle = \"Das Neueste\"\ndate = 2030-01-01\n+++\n\nDie Stadt Graz hat ein neues Radwegenetz vorgestellt.\n",
    );
    copied("a new newest article", &["de/atom.xml", "de/rss.xml"], &[]);

    let removed = listing
        .iter()
        .rev()
        .find(|p| p.to_string_lossy().ends_with(".fr.md"))
        .unwrap();
    fs::remove_file(removed).unwrap();
    copied("an article deleted", &["fr/atom.xml", "fr/rss.xml"], &[]);

    // A feed changed by hand is rendered in full: nothing is copied from it.
    let atom = work.join("out/de/atom.xml");
    let mut bytes = fs::read(&atom).unwrap();
    let at = bytes.len() / 2;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    fs::write(&atom, bytes).unwrap();
    let text = fs::read_to_string(edited).unwrap();
    fs::write(edited, format!("{text}\nUnd noch einer.\n")).unwrap();
    let run = babelfeed(work, &["-v", "build", "--out", "out"]);
    assert_success(&run);
    let report = stderr(&run);
    for path in ["de/atom.xml", "de/rss.xml"] {
        assert!(
            report
                .lines()
                .any(|l| l.starts_with("wrote ") && l.ends_with(path)),
            "{path}: {report}"
        );
    }
    assert_same_as_clean(work, "a feed changed by hand");
}

/// A cached record whose head decodes but whose display part (title,
/// summary, authors, tags; see `cache::encode`) does not: the article's
/// file is read and inferred again, and the feeds are a clean build's.
/// The records are rewritten with valid checksums, as only a bug could
/// leave them.
#[test]
fn a_record_whose_display_part_is_unreadable_is_inferred_again() {
    let work = setup();
    let work = work.path();
    assert_same_as_clean(work, "first build");
    let records_path = work.join("out/.babelfeed-cache/articles");
    let records = fs::read(&records_path).unwrap();
    let (mut rewritten, mut at, mut spoiled) = (Vec::new(), 0, 0);
    // [hash: 16][length: 4][checksum: 8][outcome], the outcome being
    // [head length: 4][head][display].
    while at + 28 <= records.len() {
        let len = u32::from_le_bytes(records[at + 16..at + 20].try_into().unwrap()) as usize;
        let mut outcome = records[at + 28..at + 28 + len].to_vec();
        let head = u32::from_le_bytes(outcome[..4].try_into().unwrap()) as usize;
        if outcome.len() > 4 + head {
            outcome[4 + head..].fill(0xff);
            spoiled += 1;
        }
        rewritten.extend_from_slice(&records[at..at + 20]);
        rewritten.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&outcome).to_le_bytes());
        rewritten.extend_from_slice(&outcome);
        at += 28 + len;
    }
    assert!(spoiled > 20, "{spoiled} records spoiled");
    fs::write(&records_path, rewritten).unwrap();
    // One article changed, so that the run decodes the others.
    let edited = work.join("articles/2024/03/airbus-streik-blagnac.txt");
    let text = fs::read_to_string(&edited).unwrap();
    fs::write(&edited, format!("{text}\nEin weiterer Satz zum Streik.\n")).unwrap();
    assert_same_as_clean(work, "after spoiling the display parts");
}

/// The cache is in the output folder, which a web server serves: nothing
/// of a draft may be in it, and on Unix only babelfeed's user may read it.
#[test]
fn the_cache_keeps_nothing_of_a_draft() {
    let work = setup();
    write(
        work.path(),
        "articles/public.en.md",
        "+++\ntitle = \"Published\"\ndate = 2024-03-01\n+++\n\nThe council met.\n",
    );
    write(
        work.path(),
        "articles/merger.en.md",
        "+++\ntitle = \"SECRETTITLE\"\ndate = 2024-03-02\ndraft = true\n+++\n\nSECRETLEAD paragraph.\n",
    );
    write(
        work.path(),
        "articles/embargo.txt",
        "04.03.2024\n\nSECRETEXPORT: the embargoed results are out.\n",
    );
    write(work.path(), "articles/embargo.toml", "draft = true\n");
    for _ in 0..2 {
        assert_success(&babelfeed(work.path(), &["build"]));
    }
    let out = work.path().join("feeds");
    let names = file_names(&out);
    assert!(names.iter().any(|n| n.starts_with(".babelfeed-cache/")));
    for name in names {
        let text = String::from_utf8_lossy(&fs::read(out.join(&name)).unwrap()).into_owned();
        for secret in ["SECRETTITLE", "SECRETLEAD", "SECRETEXPORT"] {
            assert!(!text.contains(secret), "{name} holds {secret}");
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(out.join(".babelfeed-cache"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}

/// A cache that cannot be saved costs the next run time, nothing else:
/// the run publishes, exits 0, and says why among its own warnings (which
/// `-q` hides).
#[test]
fn a_cache_that_cannot_be_saved_is_a_warning() {
    let work = setup();
    write(
        work.path(),
        "feeds/.babelfeed-cache",
        "a file where the folder goes",
    );
    let output = babelfeed(work.path(), &["build"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains(".babelfeed-cache: warning: cannot save the cache"),
        "{}",
        stderr(&output)
    );
    assert!(work.path().join("feeds/de/atom.xml").exists());
    let quiet = babelfeed(work.path(), &["-q", "build"]);
    assert_success(&quiet);
    assert_eq!(stderr(&quiet), "");
}
