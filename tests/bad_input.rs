//! Broken input, one case at a time, seen through both commands a user has:
//! `babelfeed check --format json` (exit 1, a diagnostic naming the file and
//! line, nothing written) and `babelfeed build` (exit 1, the same diagnostic
//! on stderr, the feeds of the last good run untouched). Each case is a pair
//! of tests, `<case>::check` and `<case>::build`, so a failure says which
//! command is wrong.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

const GOOD: &str = "04.05.2021\n\nDie Stadtwerke München haben am Montag einen neuen Vertrag mit der Firma Solaris unterzeichnet. Er gilt bis 2030.\n\nDer Vertrag umfasst 120 Busse und kostet 85 Millionen Euro, sagte Geschäftsführer Florian Bieberbach.\n";

/// A lead long enough for language detection.
const LEAD: &str = "Der Stadtrat hat am Dienstag beschlossen, das Budget für den Nahverkehr um zehn Prozent zu erhöhen.";

/// A scratch folder with `articles/good.txt` already published to `feeds/`
/// by a good run, to which a case adds broken files.
struct Case {
    dir: tempfile::TempDir,
    before: Vec<(String, Vec<u8>)>,
    /// Run babelfeed so that file permissions apply (for chmod cases).
    obey_permissions: bool,
    /// Paths to make accessible again before the folder is removed.
    restore: Vec<PathBuf>,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "articles/good.txt", GOOD);
        assert_success(&babelfeed(dir.path(), &["build", "-q"]));
        let before = visible_snapshot(&dir.path().join("feeds"));
        assert_eq!(before.len(), 2);
        Case {
            dir,
            before,
            obey_permissions: false,
            restore: Vec::new(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file below `articles/`.
    fn article(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join("articles").join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    /// The command for `args`, or `None` when the case needs permissions
    /// enforced and they cannot be here.
    fn command(&self, args: &[&str]) -> Option<Output> {
        let mut command = if self.obey_permissions {
            babelfeed_obeying_permissions(self.path())?
        } else {
            let mut c = Command::new(env!("CARGO_BIN_EXE_babelfeed"));
            c.current_dir(self.path());
            c
        };
        Some(command.args(args).output().expect("run babelfeed"))
    }

    fn feeds(&self) -> PathBuf {
        self.path().join("feeds")
    }
}

impl Drop for Case {
    fn drop(&mut self) {
        for path in &self.restore {
            let _ = fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o755));
        }
    }
}

/// Where a diagnostic must point.
#[derive(Debug, Clone, Copy)]
enum Line {
    /// This 1-based line.
    At(u64),
    /// No line (`path: error: ...`, `"line": null`).
    #[allow(dead_code)]
    None,
    /// With or without a line.
    Any,
}

/// What a case expects of the diagnostics.
#[derive(Debug, Clone)]
enum Expect {
    /// An error naming `path` (alternatives separated by `|`) at `line`,
    /// whose message contains every one of `words` (case-insensitive).
    Error {
        path: &'static str,
        line: Line,
        words: &'static [&'static str],
    },
    /// No error names this file.
    Clean(&'static str),
}

fn error(path: &'static str, line: Line, words: &'static [&'static str]) -> Expect {
    Expect::Error { path, line, words }
}

fn matches(d: &JsonDiagnostic, path: &str, line: Line, words: &[&str]) -> bool {
    d.severity == "error"
        && path.split('|').any(|p| names_path(&d.path, p))
        && match line {
            Line::At(n) => d.line == Some(n),
            Line::None => d.line.is_none(),
            Line::Any => true,
        }
        && words
            .iter()
            .all(|w| d.message.to_lowercase().contains(&w.to_lowercase()))
}

#[track_caller]
fn assert_expected(diagnostics: &[JsonDiagnostic], expected: &[Expect], shown: &str) {
    for e in expected {
        match e {
            Expect::Error { path, line, words } => assert!(
                diagnostics.iter().any(|d| matches(d, path, *line, words)),
                "no error for `{path}` at {line:?} mentioning {words:?}; got:\n{shown}"
            ),
            Expect::Clean(path) => assert!(
                !diagnostics
                    .iter()
                    .any(|d| d.severity == "error" && names_path(&d.path, path)),
                "`{path}` is fine but has an error:\n{shown}"
            ),
        }
    }
}

/// `check --format json`: exit 1, every expected error in the JSON array,
/// nothing written.
fn assert_check(case: &Case, expected: &[Expect]) {
    let Some(output) = case.command(&["check", "--format", "json"]) else {
        return;
    };
    assert_eq!(
        output.status.code(),
        Some(1),
        "check must exit 1 on input errors; stderr:\n{}\nstdout:\n{}",
        stderr(&output),
        stdout(&output)
    );
    let diagnostics =
        parse_check_json(&output.stdout).unwrap_or_else(|e| panic!("check --format json: {e}"));
    assert_expected(&diagnostics, expected, &stdout(&output));
    assert_same_files(
        &visible_snapshot(&case.feeds()),
        &case.before,
        "check must write nothing",
    );
}

/// `build`: exit 1, every expected error on stderr as `path:line: error:`,
/// the old feeds untouched, no temporary files, nothing XML forbids.
fn assert_build(case: &Case, expected: &[Expect]) {
    let Some(output) = case.command(&["build"]) else {
        return;
    };
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "build must exit 1:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    let diagnostics: Vec<JsonDiagnostic> = err.lines().filter_map(parse_diagnostic_line).collect();
    assert_expected(&diagnostics, expected, &err);
    assert_same_files(
        &visible_snapshot(&case.feeds()),
        &case.before,
        "a failed build must not publish",
    );
    assert_eq!(temp_files(&case.feeds()), Vec::<String>::new());
}

/// One module per case with a `check` and a `build` test; the case is the
/// function of the same name, which adds files and returns what to expect.
macro_rules! cases {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn check() {
                let mut case = super::Case::new();
                let expected = super::$name(&mut case);
                super::assert_check(&case, &expected);
            }

            #[test]
            fn build() {
                let mut case = super::Case::new();
                let expected = super::$name(&mut case);
                super::assert_build(&case, &expected);
            }
        }
    )*};
}

cases!(
    impossible_date,
    unreadable_date,
    missing_date_line,
    missing_date_in_front_matter,
    missing_title_in_front_matter,
    empty_file,
    blank_file,
    only_a_date,
    invalid_utf8,
    binary_files,
    utf16_file,
    unclosed_toml_front_matter,
    unclosed_yaml_front_matter,
    markdown_without_front_matter,
    invalid_toml_front_matter,
    invalid_yaml_front_matter,
    wrong_field_types,
    invalid_dates_in_front_matter,
    unknown_sidecar_key,
    bad_sidecar_values,
    two_articles_of_one_language_with_one_key,
    one_id_and_one_url_for_two_articles,
    two_articles_of_one_language_with_one_base_name,
    invalid_language_tags,
    invalid_slugs,
    nul_character,
    xml_forbidden_characters,
    escaped_control_characters_in_front_matter,
    escaped_discouraged_characters_in_front_matter,
    file_above_configured_size_limit,
    file_above_default_size_limit,
    unreadable_file,
    unreadable_folder,
    symlink_loops,
    broken_symlinks,
    every_error_at_once,
);

fn impossible_date(case: &mut Case) -> Vec<Expect> {
    case.article("bad.txt", format!("31.02.2021\n\n{LEAD}\n"));
    vec![error("bad.txt", Line::At(1), &["31.02.2021"])]
}

fn unreadable_date(case: &mut Case) -> Vec<Expect> {
    case.article("bad.txt", format!("\n\ngestern Abend\n\n{LEAD}\n"));
    vec![error("bad.txt", Line::At(3), &["date"])]
}

/// The export forgot the date: the lead is taken for the date line.
fn missing_date_line(case: &mut Case) -> Vec<Expect> {
    case.article("bad.txt", format!("{LEAD}\n\nZweiter Absatz.\n"));
    vec![error("bad.txt", Line::At(1), &["date"])]
}

/// The advice is in the syntax of the file's front matter.
fn missing_date_in_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article(
        "toml.md",
        "+++\ntitle = \"Kein Datum\"\nlang = \"de\"\n+++\nText.\n",
    );
    case.article("yaml.md", "---\ntitle: Kein Datum\nlang: de\n---\nText.\n");
    vec![
        error("toml.md", Line::Any, &["no `date`", "`date = 2021-05-04`"]),
        error("yaml.md", Line::Any, &["no `date`", "`date: 2021-05-04`"]),
    ]
}

fn missing_title_in_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article(
        "bad.md",
        "+++\ndate = 2021-05-04\nlang = \"de\"\n+++\nText.\n",
    );
    case.article("yaml.md", "---\ndate: 2021-05-04\nlang: de\n---\nText.\n");
    vec![
        error("bad.md", Line::Any, &["no `title`", "`title = \"…\"`"]),
        error("yaml.md", Line::Any, &["no `title`", "`title: …`"]),
    ]
}

fn empty_file(case: &mut Case) -> Vec<Expect> {
    case.article("empty.txt", "");
    case.article("empty.md", "");
    vec![
        error("empty.txt", Line::Any, &[]),
        error("empty.md", Line::Any, &[]),
    ]
}

fn blank_file(case: &mut Case) -> Vec<Expect> {
    case.article("blank.txt", "\n  \n\t\r\n\n");
    vec![error("blank.txt", Line::Any, &[])]
}

fn only_a_date(case: &mut Case) -> Vec<Expect> {
    case.article("date.txt", "04.05.2021\n");
    case.article("date-crlf.txt", "\u{feff}04.05.2021\r\n\r\n");
    vec![
        error("date.txt", Line::At(1), &[]),
        error("date-crlf.txt", Line::At(1), &[]),
    ]
}

fn invalid_utf8(case: &mut Case) -> Vec<Expect> {
    case.article("latin1.txt", b"04.05.2021\n\nM\xfcnchen hat gew\xe4hlt.\n");
    case.article(
        "latin1.md",
        b"+++\ntitle = \"M\xfcnchen\"\ndate = 2021-05-04\n+++\nText.\n",
    );
    vec![
        error("latin1.txt", Line::At(3), &["UTF-8", "0xFC at column 2"]),
        error("latin1.md", Line::At(2), &["UTF-8", "0xFC at column 11"]),
    ]
}

/// A picture or document saved under `.txt` is told what it is, not
/// given advice for text in another encoding.
fn binary_files(case: &mut Case) -> Vec<Expect> {
    case.article("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe");
    case.article(
        "brief.md",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xe4\x01word/document.xml",
    );
    case.article(
        "dump.txt",
        b"04.05.2021\n\x00\x01\x02\xff\xfe\x00binary\x00\x9c",
    );
    vec![
        error("photo.txt", Line::None, &["is not text but a PNG image"]),
        error("brief.md", Line::None, &["a ZIP archive (or a Word"]),
        error("dump.txt", Line::None, &["is not text but a binary file"]),
    ]
}

fn utf16_file(case: &mut Case) -> Vec<Expect> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in GOOD.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    case.article("utf16.txt", bytes);
    // Without a byte-order mark, in either order.
    let text = GOOD.replace("Solaris", "MAN");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    case.article("le.txt", le);
    case.article("be.md", be);
    vec![
        error("utf16.txt", Line::None, &["UTF-16LE", "iconv -f UTF-16LE"]),
        error("le.txt", Line::None, &["UTF-16LE", "iconv -f UTF-16LE"]),
        error("be.md", Line::None, &["UTF-16BE", "iconv -f UTF-16BE"]),
    ]
}

fn unclosed_toml_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article(
        "bad.md",
        "+++\ntitle = \"Offen\"\ndate = 2021-05-04\n\nText ohne Ende.\n",
    );
    vec![error("bad.md", Line::At(1), &[])]
}

fn unclosed_yaml_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article("bad.md", "---\ntitle: Offen\ndate: 2021-05-04\n");
    vec![error("bad.md", Line::At(1), &[])]
}

fn markdown_without_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article("bad.md", "# Titel\n\nNur Text, keine Metadaten.\n");
    vec![error("bad.md", Line::At(1), &["front matter"])]
}

fn invalid_toml_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article(
        "bad.md",
        "+++\ntitle = \"nicht geschlossen\ndate = 2021-05-04\n+++\nText.\n",
    );
    vec![error("bad.md", Line::At(2), &["TOML"])]
}

/// The line is the file's, and the message gives no second one of its own
/// (the YAML parser counts from the front matter's first line).
fn invalid_yaml_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article(
        "bad.md",
        "---\ntitle: [nicht geschlossen\ndate: 2021-05-04\n---\nText.\n",
    );
    case.article(
        "fisch.de.md",
        "---\ntitle: Fisch: frisch vom Markt\ndate: 2021-05-04\n---\nText.\n",
    );
    vec![
        error(
            "bad.md",
            Line::At(3),
            &["YAML at column 5", "flow sequence on line 2"],
        ),
        error("fisch.de.md", Line::At(2), &["YAML at column 13", "quotes"]),
    ]
}

/// Each file has one field of a type the README does not accept; the line
/// is the field's.
fn wrong_field_types(case: &mut Case) -> Vec<Expect> {
    let toml = |field: &str| {
        format!("+++\ntitle = \"Titel\"\ndate = 2021-05-04\nlang = \"de\"\n{field}\n+++\n{LEAD}\n")
    };
    case.article("tags.md", toml("tags = 5"));
    case.article("draft.md", toml("draft = \"yes\""));
    case.article("authors.md", toml("authors = 5"));
    case.article("tags-table.md", toml("tags = { a = 1 }"));
    case.article("key.md", toml("translation_key = [\"a\", \"b\"]"));
    case.article("summary.md", toml("summary = { text = \"x\" }"));
    case.article(
        "title.md",
        "+++\ntitle = [1, 2]\ndate = 2021-05-04\nlang = \"de\"\n+++\nText.\n",
    );
    case.article(
        "yaml-tags.md",
        "---\ntitle: Titel\ndate: 2021-05-04\nlang: de\ntags: {a: 1}\n---\nText.\n",
    );
    case.article(
        "yaml-draft.md",
        "---\ntitle: Titel\ndate: 2021-05-04\nlang: de\ndraft: [1]\n---\nText.\n",
    );
    vec![
        error("tags.md", Line::At(5), &["tags"]),
        error("draft.md", Line::At(5), &["draft"]),
        error("authors.md", Line::At(5), &["authors"]),
        error("tags-table.md", Line::At(5), &["tags"]),
        error("key.md", Line::At(5), &["translation_key"]),
        error("summary.md", Line::At(5), &["summary"]),
        error("title.md", Line::At(2), &["title"]),
        error("yaml-tags.md", Line::At(5), &["tags"]),
        error("yaml-draft.md", Line::At(5), &["draft"]),
    ]
}

/// `date = 5` is read as text (numbers are fine where text is expected)
/// and then is no date; same for `updated`.
fn invalid_dates_in_front_matter(case: &mut Case) -> Vec<Expect> {
    case.article(
        "number.md",
        "+++\ntitle = \"Titel\"\ndate = 5\nlang = \"de\"\n+++\nText.\n",
    );
    case.article(
        "list.md",
        "+++\ntitle = \"Titel\"\ndate = [2021]\nlang = \"de\"\n+++\nText.\n",
    );
    case.article(
        "updated.md",
        "---\ntitle: Titel\ndate: 2021-05-04\nupdated: bald\nlang: de\n---\nText.\n",
    );
    vec![
        error("number.md", Line::At(3), &[]),
        error("list.md", Line::At(3), &["date"]),
        error("updated.md", Line::At(4), &[]),
    ]
}

fn unknown_sidecar_key(case: &mut Case) -> Vec<Expect> {
    case.article("second.txt", GOOD.replace("Solaris", "MAN"));
    case.article("second.toml", "lang = \"de\"\ntitel = \"Tippfehler\"\n");
    vec![error("second.toml", Line::At(2), &["titel"])]
}

/// A value read from a sidecar is blamed on the sidecar, at its line
/// there: the article's own line of that number says something else.
fn bad_sidecar_values(case: &mut Case) -> Vec<Expect> {
    for (name, line) in [
        ("slug", "slug = \"a/b\""),
        ("lang", "lang = \"ge\""),
        ("url", "url = \"no url\""),
        ("date", "date = \"gestern\""),
        ("updated", "updated = \"bald\""),
        ("login", "url = \"https://editor:pw@partner.example.com/x\""),
        ("scheme", "url = \"//partner.example.com/x\""),
    ] {
        case.article(&format!("{name}.txt"), GOOD.replace("Solaris", "MAN"));
        case.article(&format!("{name}.toml"), format!("tags = [\"x\"]\n{line}\n"));
    }
    let expected = vec![
        error("slug.toml", Line::At(2), &["slug"]),
        error("lang.toml", Line::At(2), &["lang"]),
        error("url.toml", Line::At(2), &["url"]),
        error("date.toml", Line::At(2), &["gestern"]),
        error("updated.toml", Line::At(2), &["bald"]),
        error("login.toml", Line::At(2), &["user name or password"]),
        error("scheme.toml", Line::At(2), &["starts with `//`"]),
    ];
    let clean = [
        "slug.txt",
        "lang.txt",
        "url.txt",
        "date.txt",
        "updated.txt",
        "login.txt",
        "scheme.txt",
    ];
    expected
        .into_iter()
        .chain(clean.into_iter().map(Expect::Clean))
        .collect()
}

fn two_articles_of_one_language_with_one_key(case: &mut Case) -> Vec<Expect> {
    for name in ["a", "b"] {
        case.article(
            &format!("{name}.md"),
            format!("+++\ntitle = \"{name}\"\ndate = 2021-05-04\nlang = \"de\"\ntranslationKey = \"launch\"\n+++\n{LEAD}\n"),
        );
    }
    // The second one's key, at its line.
    vec![error("b.md", Line::At(5), &["a.md", "b.md", "launch"])]
}

/// An `id` or `url` copied with the file: each article's error is at the
/// line that wrote the value.
fn one_id_and_one_url_for_two_articles(case: &mut Case) -> Vec<Expect> {
    const ID: &str = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    case.article(
        "first.md",
        format!("---\ntitle: Eins\ndate: 2021-05-04\nid: {ID}\nlang: de\nurl: https://example.com/de/start/\n---\n{LEAD}\n"),
    );
    case.article(
        "copy.md",
        format!("---\ntitle: Zwei\nlang: de\ndate: 2021-05-05\nurl: https://example.com/de/start/\nid: {ID}\n---\n{LEAD}\n"),
    );
    vec![
        error("first.md", Line::At(4), &["entry id", ID, "copy.md"]),
        error("copy.md", Line::At(6), &["entry id", ID, "first.md"]),
        error("first.md", Line::At(6), &["URL", "copy.md"]),
        error("copy.md", Line::At(5), &["URL", "first.md"]),
    ]
}

fn two_articles_of_one_language_with_one_base_name(case: &mut Case) -> Vec<Expect> {
    case.article(
        "launch.de.md",
        format!("+++\ntitle = \"Start\"\ndate = 2021-05-04\n+++\n{LEAD}\n"),
    );
    case.article("launch.de.txt", GOOD.replace("Solaris", "MAN"));
    vec![error(
        "launch.de.md|launch.de.txt",
        Line::Any,
        &["launch.de.md", "launch.de.txt"],
    )]
}

fn invalid_language_tags(case: &mut Case) -> Vec<Expect> {
    let md = |lang: &str| {
        format!("+++\ntitle = \"Titel\"\ndate = 2021-05-04\nlang = \"{lang}\"\n+++\n{LEAD}\n")
    };
    case.article("dots.md", md("../../etc"));
    case.article("space.md", md("en us"));
    case.article("slash.md", md("de/ch"));
    case.article("sidecar.txt", GOOD.replace("Solaris", "MAN"));
    case.article("sidecar.toml", "lang = \"../x\"\n");
    // Well formed, but no language: a slip for `de`, and a placeholder.
    case.article("slip.md", md("ge"));
    case.article("placeholder.md", md("xx-CH"));
    // A retired code, a letter away from `it`: the code that replaced it.
    case.article("retired.md", md("iw"));
    vec![
        error("dots.md", Line::At(4), &[]),
        error("space.md", Line::At(4), &[]),
        error("slash.md", Line::At(4), &[]),
        error("sidecar.toml", Line::At(1), &[]),
        error("slip.md", Line::At(4), &["`ge`", "did you mean `de`"]),
        error("placeholder.md", Line::At(4), &["`xx`", "ISO 639-1"]),
        error("retired.md", Line::At(4), &["`iw`", "Hebrew", "write `he`"]),
    ]
}

fn invalid_slugs(case: &mut Case) -> Vec<Expect> {
    let md = |slug: &str| {
        format!(
            "+++\ntitle = \"Titel\"\ndate = 2021-05-04\nlang = \"de\"\nslug = \"{slug}\"\n+++\n{LEAD}\n"
        )
    };
    case.article("dots.md", md("../../etc"));
    case.article("slash.md", md("a/b"));
    case.article("dotdot.md", md(".."));
    vec![
        error("dots.md", Line::At(5), &[]),
        error("slash.md", Line::At(5), &[]),
        error("dotdot.md", Line::At(5), &[]),
    ]
}

fn nul_character(case: &mut Case) -> Vec<Expect> {
    case.article(
        "nul.txt",
        format!("04.05.2021\n\nDer Rat\u{0} hat getagt.\n\n{LEAD}\n"),
    );
    vec![error("nul.txt", Line::At(3), &["U+0000"])]
}

/// Raw characters XML 1.0 forbids, anywhere in a file: each an error with
/// its line.
fn xml_forbidden_characters(case: &mut Case) -> Vec<Expect> {
    case.article("c01.md", format!("+++\ntitle = \"Titel\"\ndate = 2021-05-04\nlang = \"de\"\n+++\n{LEAD}\n\nEin \u{1} Zeichen.\n"));
    case.article(
        "esc.txt",
        format!("04.05.2021\n\n{LEAD}\n\nFarbe \u{1b}[31m rot.\n"),
    );
    case.article("ff.txt", format!("04.05.2021\n\n{LEAD}\u{c}\n"));
    case.article(
        "fffe.md",
        format!("+++\ntitle = \"Titel \u{fffe}\"\ndate = 2021-05-04\nlang = \"de\"\n+++\n{LEAD}\n"),
    );
    case.article("ffff.txt", format!("04.05.2021\n\n{LEAD} \u{ffff}\n"));
    case.article(
        "vt.md",
        format!(
            "---\ntitle: Titel\ndate: 2021-05-04\nlang: de\ntags: [\"a\u{b}b\"]\n---\n{LEAD}\n"
        ),
    );
    vec![
        error("c01.md", Line::At(8), &["U+0001"]),
        error("esc.txt", Line::At(5), &["U+001B"]),
        error("ff.txt", Line::At(3), &["U+000C"]),
        error("fffe.md", Line::At(2), &["U+FFFE"]),
        error("ffff.txt", Line::At(3), &["U+FFFF"]),
        error("vt.md", Line::At(5), &["U+000B"]),
    ]
}

/// The same characters written as escapes in TOML (`\u0001`) or YAML
/// (`\0`, `\x0b`): the raw file is clean, but the values are not, and a
/// feed cannot carry them. They must be refused like raw ones (the README:
/// "must not contain control characters that XML forbids (each is an error
/// naming the file and line)"), not silently dropped, and never written
/// into an `<id>` or `href`.
fn escaped_control_characters_in_front_matter(case: &mut Case) -> Vec<Expect> {
    let toml = |field: &str| {
        format!(
            "+++\ntitle = \"Titel {}\"\ndate = 2021-05-04\nlang = \"de\"\n{field}\n+++\n{LEAD}\n",
            field.len()
        )
    };
    case.article("title.md", toml("summary = \"a\\u0001b\""));
    case.article("id.md", toml("id = \"tag:example.com,2021:a\\u0001b\""));
    case.article("url.md", toml("url = \"https://example.com/a\\u0002b\""));
    case.article(
        "yaml.md",
        "---\ntitle: \"x\\0y\"\ndate: 2021-05-04\nlang: de\n---\nText.\n",
    );
    case.article("author.md", toml("authors = [{ name = \"N\\u001b\" }]"));
    vec![
        error("title.md", Line::At(5), &[]),
        error("id.md", Line::At(5), &[]),
        error("url.md", Line::At(5), &[]),
        error("yaml.md", Line::At(2), &[]),
        error("author.md", Line::At(5), &[]),
    ]
}

/// DEL, C1 controls and noncharacters written as escapes: XML allows
/// them, but the W3C validator says a feed carrying them "contains bad
/// characters". Each is an error at its key's line, with the advice the
/// check of a file's bytes gives (the character Windows-1252 had there).
fn escaped_discouraged_characters_in_front_matter(case: &mut Case) -> Vec<Expect> {
    let head = "date = 2021-05-04\nlang = \"de\"";
    case.article(
        "toml.md",
        format!("+++\ntitle = \"Preis \\u0096 Leistung\"\n{head}\n+++\n{LEAD}\n"),
    );
    case.article(
        "yaml.md",
        format!("---\ntitle: Titel\ndate: 2021-05-04\nlang: de\nsummary: \"Preis \\x96 Leistung\"\nauthor: \"Ana\\N\"\n---\n{LEAD}\n"),
    );
    case.article(
        "tags.md",
        format!("---\ntitle: Titel\ndate: 2021-05-04\nlang: de\ntags: [\"\\u0085\", \"\\uFDD0\"]\n---\n{LEAD}\n"),
    );
    case.article("side.txt", format!("04.05.2021\n\n{LEAD}\n"));
    case.article("side.toml", "lang = \"de\"\nslug = \"a\\u007Fb\"\n");
    vec![
        error(
            "toml.md",
            Line::At(2),
            &["`title`", "U+0096", "replace it with `–`"],
        ),
        error(
            "yaml.md",
            Line::At(5),
            &["`summary`", "U+0096", "replace it with `–`"],
        ),
        error(
            "yaml.md",
            Line::At(6),
            &["`author`", "U+0085", "replace it with `…`"],
        ),
        error("tags.md", Line::At(5), &["`tags`", "U+0085"]),
        error("side.toml", Line::At(2), &["`slug`", "U+007F", "remove it"]),
    ]
}

fn file_above_configured_size_limit(case: &mut Case) -> Vec<Expect> {
    write(case.path(), "babelfeed.toml", "max_article_bytes = 1000\n");
    let fill = |size: usize| {
        let head = "04.05.2021\n\n";
        let mut text = format!("{head}{LEAD}");
        while text.len() < size - 1 {
            text.push_str(" Und mehr.");
        }
        text.truncate(size - 1);
        text.push('\n');
        assert_eq!(text.len(), size);
        text
    };
    case.article("exact.txt", fill(1000));
    case.article("over.txt", fill(1001));
    // good.txt is under the limit too.
    assert!(GOOD.len() < 1000);
    vec![
        error("over.txt", Line::Any, &["1000"]),
        Expect::Clean("exact.txt"),
        Expect::Clean("good.txt"),
    ]
}

/// Default limit: 4 MiB.
fn file_above_default_size_limit(case: &mut Case) -> Vec<Expect> {
    let mut text = format!("04.05.2021\n\n{LEAD}\n\n");
    let paragraph = format!("{LEAD}\n\n");
    while text.len() <= 4 * 1024 * 1024 {
        text.push_str(&paragraph);
    }
    case.article("huge.txt", text);
    vec![error("huge.txt", Line::Any, &[])]
}

fn unreadable_file(case: &mut Case) -> Vec<Expect> {
    let path = case.article("secret.txt", GOOD.replace("Solaris", "MAN"));
    chmod(&path, 0o000);
    case.restore.push(path);
    case.obey_permissions = true;
    vec![error(
        "secret.txt",
        Line::Any,
        &["readable by the user babelfeed runs as"],
    )]
}

fn unreadable_folder(case: &mut Case) -> Vec<Expect> {
    case.article("locked/inner.txt", GOOD.replace("Solaris", "MAN"));
    let path = case.path().join("articles/locked");
    chmod(&path, 0o000);
    case.restore.push(path);
    case.obey_permissions = true;
    vec![error(
        "locked",
        Line::Any,
        &["readable by the user babelfeed runs as"],
    )]
}

fn symlink_loops(case: &mut Case) -> Vec<Expect> {
    let articles = case.path().join("articles");
    fs::create_dir_all(articles.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", articles.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("self.txt", articles.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("pong.md", articles.join("ping.md")).unwrap();
    std::os::unix::fs::symlink("ping.md", articles.join("pong.md")).unwrap();
    vec![
        error("sub/up", Line::Any, &[]),
        error("self.txt", Line::Any, &[]),
        error("ping.md", Line::Any, &[]),
        error("pong.md", Line::Any, &[]),
    ]
}

/// A link whose file was moved or deleted names where it points.
fn broken_symlinks(case: &mut Case) -> Vec<Expect> {
    let articles = case.path().join("articles");
    std::os::unix::fs::symlink("/nowhere/story.txt", articles.join("gone.txt")).unwrap();
    fs::create_dir_all(articles.join("sub")).unwrap();
    std::os::unix::fs::symlink("../moved", articles.join("sub/dir")).unwrap();
    vec![
        error(
            "gone.txt",
            Line::None,
            &["broken symbolic link", "/nowhere/story.txt"],
        ),
        error("sub/dir", Line::None, &["broken symbolic link", "../moved"]),
    ]
}

/// Many broken files in one run: every one is reported, not just the first.
fn every_error_at_once(case: &mut Case) -> Vec<Expect> {
    let mut expected = Vec::new();
    expected.extend(impossible_date(case));
    case.article("b/empty.txt", "");
    expected.push(error("b/empty.txt", Line::Any, &[]));
    case.article("c/only-date.txt", "04.05.2021\n");
    expected.push(error("c/only-date.txt", Line::At(1), &[]));
    case.article("d/latin1.txt", b"04.05.2021\n\nM\xfcnchen\n");
    expected.push(error("d/latin1.txt", Line::At(3), &[]));
    case.article(
        "e/types.md",
        "+++\ntitle = \"T\"\ndate = 2021-05-04\ntags = 5\n+++\nText.\n",
    );
    expected.push(error("e/types.md", Line::At(4), &["tags"]));
    case.article("f/unclosed.md", "---\ntitle: x\ndate: 2021-05-04\n");
    expected.push(error("f/unclosed.md", Line::At(1), &[]));
    case.article("g/nul.txt", format!("04.05.2021\n\n{LEAD}\u{0}\n"));
    expected.push(error("g/nul.txt", Line::At(3), &[]));
    case.article(
        "h/slug.md",
        "+++\ntitle = \"S\"\ndate = 2021-05-04\nlang = \"de\"\nslug = \"../../etc\"\n+++\nText.\n",
    );
    expected.push(error("h/slug.md", Line::At(5), &[]));
    case.article("i/sidecar.txt", GOOD.replace("Solaris", "MAN"));
    case.article("i/sidecar.toml", "titel = \"x\"\n");
    expected.push(error("i/sidecar.toml", Line::At(1), &[]));
    // A file with several problems reports all of them.
    case.article(
        "j/two.md",
        "+++\ntitle = [1]\ndate = 2021-05-04\ntags = 5\n+++\nText.\n",
    );
    expected.push(error("j/two.md", Line::At(2), &["title"]));
    expected.push(error("j/two.md", Line::At(4), &["tags"]));
    expected
}

// ---------------------------------------------------------------------------
// Exit 2 and 3, and what check does on good input.

#[test]
fn unknown_configuration_key_exits_2_naming_file_and_line() {
    for command in [&["build"][..], &["check", "--format", "json"][..]] {
        let case = Case::new();
        write(
            case.path(),
            "babelfeed.toml",
            "base_url = \"https://a.org\"\nmax_entrys = 5\n",
        );
        let output = babelfeed(case.path(), command);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command:?}: {}",
            stderr(&output)
        );
        // `check --format json` lists it on stdout, as JSON.
        let json = parse_check_json(&output.stdout).ok();
        let in_json = json.iter().flatten().any(|d| {
            d.path == "babelfeed.toml" && d.line == Some(2) && d.message.contains("max_entrys")
        });
        assert!(
            stderr(&output).contains("babelfeed.toml:2") || in_json,
            "{command:?}: the message must name babelfeed.toml and line 2:\n{}{}",
            stderr(&output),
            stdout(&output)
        );
        assert_same_files(
            &visible_snapshot(&case.feeds()),
            &case.before,
            "exit 2 publishes nothing",
        );
    }
}

#[test]
fn invalid_configuration_values_exit_2_naming_the_line() {
    for (config, line) in [
        ("max_entries = \"many\"\n", "babelfeed.toml:1"),
        (
            "base_url = \"https://a.org\"\nmax_article_bytes = \"big\"\n",
            "babelfeed.toml:2",
        ),
        ("\n\ntimezone = 5\n", "babelfeed.toml:3"),
        ("[languages.de]\ndate_order = \"ymd\"\n", "babelfeed.toml:2"),
        // Values of the right type, but wrong.
        ("\ntimezone = \"Europe/Berln\"\n", "babelfeed.toml:2"),
        ("\nbase_url = \"example.org\"\n", "babelfeed.toml:2"),
        ("\nurl_pattern = \"/{lang}/\"\n", "babelfeed.toml:2"),
        ("\n[languages.ge]\n", "babelfeed.toml:2"),
        ("\n[pairing]\nmin_score = 1.5\n", "babelfeed.toml:3"),
        ("\nfeeds_url = \"//evil.org/f/\"\n", "babelfeed.toml:2"),
        (
            "\n[languages.de]\nhome_url = \"not a url\"\n",
            "babelfeed.toml:3",
        ),
    ] {
        for command in [&["build"][..], &["check"][..]] {
            let case = Case::new();
            write(case.path(), "babelfeed.toml", config);
            let output = babelfeed(case.path(), command);
            assert_eq!(
                output.status.code(),
                Some(2),
                "{command:?} with {config:?}: {}",
                stderr(&output)
            );
            assert!(
                stderr(&output).contains(line),
                "{command:?} with {config:?}: the message must name `{line}`:\n{}",
                stderr(&output)
            );
        }
    }
}

/// Every bad key of a configuration in one run, each at its line, in the
/// README's terms rather than serde's.
#[test]
fn every_configuration_problem_at_once_in_plain_words() {
    let case = Case::new();
    write(
        case.path(),
        "babelfeed.toml",
        "base_url = \"news.example.org\"\ntimezone = \"Europe/Berln\"\nmax_entries = -1\ncontent = \"partial\"\ncolour = \"red\"\ndefault_author = { email = \"x@y\" }\ndetect_languages = []\n[languages.de]\ntitel = \"typo\"\ndescription = \"\"\n[pairing]\nmin_score = 1.5\n",
    );
    let output = babelfeed(case.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let diagnostics =
        parse_check_json(&output.stdout).unwrap_or_else(|e| panic!("check --format json: {e}"));
    let shown = stdout(&output);
    assert_expected(
        &diagnostics,
        &[
            error("babelfeed.toml", Line::At(1), &["base_url"]),
            error("babelfeed.toml", Line::At(2), &["Europe/Berln"]),
            error(
                "babelfeed.toml",
                Line::At(3),
                &["`max_entries` must be a whole number, 0 or more"],
            ),
            error("babelfeed.toml", Line::At(4), &["partial"]),
            error("babelfeed.toml", Line::At(5), &["colour"]),
            error(
                "babelfeed.toml",
                Line::At(6),
                &["`default_author` needs a `name`"],
            ),
            error(
                "babelfeed.toml",
                Line::At(6),
                &["`x@y` is no e-mail address"],
            ),
            error(
                "babelfeed.toml",
                Line::At(7),
                &["detect_languages", "empty"],
            ),
            error("babelfeed.toml", Line::At(9), &["titel", "title"]),
            error("babelfeed.toml", Line::At(10), &["description", "empty"]),
            error("babelfeed.toml", Line::At(12), &["min_score"]),
        ],
        &shown,
    );
    assert_eq!(diagnostics.len(), 11, "{shown}");
    for internal in ["usize", "untagged", "variant", "expected u"] {
        assert!(!shown.contains(internal), "`{internal}`:\n{shown}");
    }
}

/// `check --format json | jq` sees a bad configuration as it sees bad
/// articles: as diagnostics on stdout, each naming the file and line.
#[test]
fn check_json_lists_configuration_errors() {
    let case = Case::new();
    write(
        case.path(),
        "babelfeed.toml",
        "base_url = \"https://a.org\"\nmax_entrys = 5\n",
    );
    let output = babelfeed(case.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let diagnostics =
        parse_check_json(&output.stdout).unwrap_or_else(|e| panic!("check --format json: {e}"));
    assert_expected(
        &diagnostics,
        &[error("babelfeed.toml", Line::At(2), &["max_entrys"])],
        &stdout(&output),
    );
    let missing = babelfeed(
        case.path(),
        &["check", "--format", "json", "--config", "missing.toml"],
    );
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    let diagnostics =
        parse_check_json(&missing.stdout).unwrap_or_else(|e| panic!("check --format json: {e}"));
    assert_expected(
        &diagnostics,
        &[error("missing.toml", Line::None, &["cannot read"])],
        &stdout(&missing),
    );
}

#[test]
fn missing_articles_folder_exits_2_naming_it() {
    for command in [
        &["build", "--articles", "nowhere"][..],
        &["check", "--articles", "nowhere"][..],
        &["check", "--format", "json", "--articles", "nowhere"][..],
    ] {
        let case = Case::new();
        let output = babelfeed(case.path(), command);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("nowhere"),
            "{command:?}: {}",
            stderr(&output)
        );
        assert_same_files(
            &visible_snapshot(&case.feeds()),
            &case.before,
            "nothing published",
        );
    }
    // Not a folder at all.
    let case = Case::new();
    write(case.path(), "file.txt", GOOD);
    let output = babelfeed(case.path(), &["build", "--articles", "file.txt"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("file.txt"), "{}", stderr(&output));
}

/// An output "folder" that is a file, and one inside a file: no run can
/// write there, root or not.
#[test]
fn output_folder_that_cannot_be_written_exits_3() {
    let case = Case::new();
    write(case.path(), "taken", "a file, not a folder\n");
    for out in ["taken", "taken/feeds"] {
        let output = babelfeed(case.path(), &["build", "--out", out]);
        assert_eq!(
            output.status.code(),
            Some(3),
            "--out {out}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("taken"),
            "--out {out}: {}",
            stderr(&output)
        );
        assert_eq!(
            fs::read_to_string(case.path().join("taken")).unwrap(),
            "a file, not a folder\n"
        );
    }
    // A read-only output folder (needs permissions to apply to the run).
    let Some(mut command) = babelfeed_obeying_permissions(case.path()) else {
        return;
    };
    write(
        case.path(),
        "articles/more.txt",
        &GOOD.replace("Solaris", "MAN"),
    );
    let feeds = case.feeds();
    chmod(&feeds.join("de"), 0o555);
    chmod(&feeds, 0o555);
    let output = command.arg("build").output().unwrap();
    chmod(&feeds, 0o755);
    chmod(&feeds.join("de"), 0o755);
    assert_eq!(
        output.status.code(),
        Some(3),
        "read-only feeds/: {}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("feeds"), "{}", stderr(&output));
    assert_same_files(&visible_snapshot(&feeds), &case.before, "read-only feeds/");
    assert_eq!(temp_files(&feeds), Vec::<String>::new());
}

#[test]
fn check_on_good_input_exits_0_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/good.txt", GOOD);
    // A warning: a sidecar without its article.
    write(dir.path(), "articles/orphan.toml", "lang = \"de\"\n");
    let output = babelfeed(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let diagnostics = parse_check_json(&output.stdout).unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d.severity == "warning" && names_path(&d.path, "orphan.toml")),
        "the warning must be in the JSON: {diagnostics:?}"
    );
    assert!(
        diagnostics.iter().all(|d| d.severity == "warning"),
        "{diagnostics:?}"
    );

    let output = babelfeed(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .lines()
            .filter_map(parse_diagnostic_line)
            .any(|d| d.severity == "warning" && names_path(&d.path, "orphan.toml")),
        "text check prints the warning on stderr as `path: warning: message`:\n{}",
        stderr(&output)
    );
    assert!(
        !dir.path().join("feeds").exists(),
        "check must write nothing"
    );
    assert_eq!(snapshot(dir.path()).len(), 2, "check must write nothing");
}

#[test]
fn check_text_format_lists_every_error_on_stderr() {
    let mut case = Case::new();
    let expected = every_error_at_once(&mut case);
    let output = babelfeed(case.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let diagnostics: Vec<JsonDiagnostic> = stderr(&output)
        .lines()
        .filter_map(parse_diagnostic_line)
        .collect();
    assert_expected(&diagnostics, &expected, &stderr(&output));
    assert_same_files(
        &visible_snapshot(&case.feeds()),
        &case.before,
        "check writes nothing",
    );
}

/// JSON and text report the same diagnostics.
#[test]
fn check_json_and_text_agree() {
    let mut case = Case::new();
    every_error_at_once(&mut case);
    let json = babelfeed(case.path(), &["check", "--format", "json"]);
    let text = babelfeed(case.path(), &["check"]);
    let mut from_json = parse_check_json(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut from_text: Vec<JsonDiagnostic> = stderr(&text)
        .lines()
        .filter_map(parse_diagnostic_line)
        .collect();
    from_json.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    from_text.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    assert!(!from_json.is_empty());
    assert_eq!(from_json, from_text);
}

/// With `--keep-going` the good articles are published, and a file with a
/// forbidden character is left out: the character never reaches a feed.
#[test]
fn forbidden_characters_never_reach_a_feed_even_with_keep_going() {
    let case = Case::new();
    case.article("nul.txt", format!("05.05.2021\n\nNUL\u{0}HIER {LEAD}\n"));
    case.article(
        "esc.md",
        format!("+++\ntitle = \"ESC\u{1b}HIER\"\ndate = 2021-05-05\nlang = \"de\"\nid = \"tag:x.org,2021:\\u0001\"\n+++\n{LEAD}\n"),
    );
    case.article(
        "c1.md",
        format!(
            "+++\ntitle = \"C1 \\u0096 HIER\"\ndate = 2021-05-05\nlang = \"de\"\n+++\n{LEAD}\n"
        ),
    );
    let output = babelfeed(case.path(), &["build", "--keep-going"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    for (name, bytes) in visible_snapshot(&case.feeds()) {
        if let Some(problem) = xml_problems(&bytes) {
            panic!("{name}: {problem}");
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("HIER"), "{name} carries a left-out article");
    }
}
