//! Property tests over arbitrary input: whatever text, front matter and
//! date lines the articles folder holds, the library never panics, and
//! every feed it renders is well-formed XML 1.0 that feed readers parse.
//!
//! The cases run through the library (`babelfeed::load`, `render`, `build`)
//! with files in a temporary folder per case, to stay fast. The number of
//! cases is 96 per property unless `PROPTEST_CASES` says otherwise.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use babelfeed::config::Settings;
use babelfeed::infer::date::{parse_date, DateOrder};
use proptest::collection::vec;
use proptest::prelude::*;

use common::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96);
    ProptestConfig {
        cases,
        // Failing inputs are printed; no regression files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Strategies.

/// Characters that break naive code: controls, BOM, non-characters,
/// direction overrides, line separators, astral planes.
const ODD: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{1f600}",
    "\u{1f1e9}\u{1f1ea}",
    "\u{10ffff}",
    "e\u{301}",
    "\u{130}",
    "ß",
    "ﬁ",
    "İstanbul",
    "\t",
];

/// Pieces of markup that must stay text in plain articles and be tamed in
/// Markdown.
const MARKUP: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "]]>",
    "<![CDATA[",
    "&amp;",
    "&#0;",
    "&#x1;",
    "&#128;",
    "&#x96;",
    "&#x81;",
    "&#127;",
    "&#xFDD0;",
    "&#xFFFF;",
    "&nbsp;",
    "&bogus;",
    "<!--",
    "-->",
    "<?xml version=\"1.0\"?>",
    "<feed>",
    "</entry>",
    "[link](../up)",
    "![img](pic.png)",
    "[x]: javascript:alert(1)",
    "```",
    "# ",
    "* ",
    "> ",
    "| a | b |",
    "\\",
    "\"",
    "'",
    "+++",
    "---",
    "...",
];

const WORDS: &[&str] = &[
    "Der Stadtrat hat am Dienstag beschlossen, das Budget zu erhöhen.",
    "Dr. Müller sagte z. B., dass die St. Georg-Kirche renoviert wird.",
    "Le conseil municipal a voté mardi. M. Dupont n'était pas là.",
    "« Nous allons continuer », a déclaré le maire.",
    "The council voted on Tuesday. Mr. Smith said: \"We will go on.\"",
    "El ayuntamiento aprobó el presupuesto el martes.",
    "Il consiglio comunale ha approvato il bilancio martedì.",
    "1.500 Euro, 1,500 euros, 1 500 €.",
    "https://example.com/a?b=c&d=e",
    "J. R. R. Tolkien",
    "Straße",
    "NASA",
];

fn date_line() -> impl Strategy<Value = String> {
    const MONTHS: &[&str] = &[
        "Mai", "mai", "May", "mayo", "maggio", "Januar", "janvier", "January", "Feb.", "févr.",
        "août", "März", "Sept", "dic.", "Dezember", "Okt", "juin", "1er juin", "xyz",
    ];
    const WEEKDAYS: &[&str] = &["Dienstag, ", "mardi ", "Tuesday, ", "Mo ", "mar ", ""];
    prop_oneof![
        (0u64..40, 0u64..15, 0u64..10000).prop_map(|(d, m, y)| format!("{d}.{m}.{y}")),
        (0u64..40, 0u64..15, 0u64..10000).prop_map(|(d, m, y)| format!("{d:02}/{m:02}/{y}")),
        (0u64..10000, 0u64..15, 0u64..40).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (
            (0u64..10000, 0u64..15, 0u64..40),
            (0u64..30, 0u64..70, 0u64..70),
            (prop::bool::ANY, 0u64..30, 0u64..70),
            prop::sample::select(&["", "Z", ".123", ".999999999Z", " "][..]),
        )
            .prop_map(|((y, mo, d), (h, mi, s), (neg, oh, om), tail)| {
                format!(
                    "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{tail}{}{oh:02}:{om:02}",
                    if neg { '-' } else { '+' }
                )
            }),
        (
            prop::sample::select(WEEKDAYS),
            0u64..40,
            prop::sample::select(MONTHS),
            0u64..10000
        )
            .prop_map(|(w, d, m, y)| format!("{w}{d}. {m} {y}")),
        (prop::sample::select(MONTHS), 0u64..40, 0u64..10000)
            .prop_map(|(m, d, y)| format!("{m} {d}, {y}")),
        (0u64..40, prop::sample::select(MONTHS), 0u64..10000)
            .prop_map(|(d, m, y)| format!("{d} de {m} de {y}")),
        prop::sample::select(
            &[
                "99999999999999999999.1.2021",
                "1.1.99999999999999999999",
                "-1.-1.-1",
                "2021-02-29",
                "2024-02-29",
                "1900-02-29",
                "0000-01-01",
                "9999-12-31T23:59:60Z",
                "2021-05-04T10:00:00+99:99",
                "262143-12-31",
                "+262143-12-31",
                "2021-05-04 25:61",
                "04.05.21",
                "٤.٥.٢٠٢١",
                "２０２１-０５-０４",
                "4\u{a0}mai\u{a0}2021",
                "4. Mai 2021 um 10:30 Uhr",
                "",
                " ",
                ".",
                "..",
                "-",
                "T",
            ][..]
        )
        .prop_map(str::to_string),
        any_chars(),
    ]
}

fn any_chars() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..24).prop_map(String::from_iter)
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => any_chars(),
        2 => "[a-zA-ZäöüÄÖÜéèàçñß0-9 .,;:!?'\"()-]{0,40}",
        2 => prop::sample::select(&["\n", "\n\n", "\r\n", "\r", "\r\n\r\n", " \n", "\n \t\n"][..]).prop_map(str::to_string),
        2 => prop::sample::select(ODD).prop_map(str::to_string),
        2 => prop::sample::select(MARKUP).prop_map(str::to_string),
        1 => date_line(),
        1 => (1usize..6000).prop_map(|n| "Wort ".repeat(n)),
        1 => (1usize..3000).prop_map(|n| "x".repeat(n)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    vec(fragment(), 0..24).prop_map(|parts| parts.concat())
}

/// Text without characters XML forbids: what a valid article may hold.
fn clean_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        t.chars()
            .filter(|c| first_non_xml_char(&c.to_string()).is_none())
            .collect()
    })
}

/// A front matter value, written out below as TOML or YAML.
#[derive(Debug, Clone)]
enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Written bare: a TOML date-time literal or a YAML plain scalar.
    Bare(String),
    List(Vec<Value>),
    Table(Vec<(String, Value)>),
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        4 => text().prop_map(Value::Str),
        2 => date_line().prop_map(Value::Str),
        1 => any::<i64>().prop_map(Value::Int),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::Float),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => date_line().prop_map(Value::Bare),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::List),
            vec((key(), inner), 0..4).prop_map(Value::Table),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(
            &[
                "title", "date", "updated", "lastmod", "lang", "translation_key",
                "translationKey", "slug", "url", "id", "summary", "authors", "author",
                "tags", "categories", "draft", "name", "email", "uri", "weight",
            ][..]
        )
        .prop_map(str::to_string),
        1 => "[a-zA-Z_][a-zA-Z0-9_-]{0,8}",
        1 => any_chars().prop_filter("a key", |k| !k.is_empty()),
    ]
}

/// Values a field of that name plausibly has, plus anything at all.
fn field_value(key: &str) -> BoxedStrategy<Value> {
    // Mostly plausible values, sometimes any text (escaped control
    // characters included), sometimes anything at all.
    let strings = |items: &'static [&'static str]| {
        prop_oneof![
            12 => prop::sample::select(items).prop_map(|s| Value::Str(s.to_string())),
            3 => text().prop_map(Value::Str),
            1 => value(),
        ]
        .boxed()
    };
    match key {
        "lang" => strings(&[
            "de",
            "fr",
            "en",
            "es",
            "it",
            "de-CH",
            "de_ch",
            "EN",
            "zh-Hant-TW",
            "xx",
            "",
            "../x",
            "de\u{1}",
        ]),
        "slug" => strings(&["launch", "a/b", "..", "", "ÄÖÜ", "a b", "%2e%2e", "x\u{0}"]),
        "url" => strings(&[
            "https://example.org/a",
            "/relative/path/",
            "relative",
            "javascript:alert(1)",
            "",
            "http://[::1]/",
            "https://example.org/a\u{2}b",
            "https://exa mple.org/",
        ]),
        "id" => strings(&[
            "tag:example.org,2021:a",
            "urn:uuid:x",
            "plain",
            "",
            "a\u{1}b",
        ]),
        "draft" => prop_oneof![3 => any::<bool>().prop_map(Value::Bool), 1 => value()].boxed(),
        "authors" | "author" => prop_oneof![
            2 => vec(text().prop_map(Value::Str), 0..3).prop_map(Value::List),
            2 => vec(
                (text(), text(), text()).prop_map(|(n, e, u)| Value::Table(vec![
                    ("name".into(), Value::Str(n)),
                    ("email".into(), Value::Str(e)),
                    ("uri".into(), Value::Str(u)),
                ])),
                0..3
            )
            .prop_map(Value::List),
            1 => value(),
        ]
        .boxed(),
        "tags" | "categories" => prop_oneof![
            3 => vec(text().prop_map(Value::Str), 0..4).prop_map(Value::List),
            1 => value(),
        ]
        .boxed(),
        "date" | "updated" | "lastmod" => prop_oneof![
            8 => prop::sample::select(&["2021-05-04", "2021-05-04T10:30:00+02:00", "4 May 2021", "04.05.2021"][..])
                .prop_map(|d| Value::Str(d.to_string())),
            4 => prop::sample::select(&["2021-05-04", "2021-05-04T10:30:00Z", "2021-05-04 10:30:00"][..])
                .prop_map(|d| Value::Bare(d.to_string())),
            2 => date_line().prop_map(Value::Str),
            1 => date_line().prop_map(Value::Bare),
            1 => value(),
        ]
        .boxed(),
        "title" | "summary" => prop_oneof![
            12 => clean_text().prop_map(Value::Str),
            3 => text().prop_map(Value::Str),
            1 => value(),
        ]
        .boxed(),
        "translation_key" | "translationKey" => strings(&["launch", "k", "", "ÄÖÜ", "a/b"]),
        _ => value().boxed(),
    }
}

fn fields() -> impl Strategy<Value = Vec<(String, Value)>> {
    vec(key(), 0..6).prop_flat_map(|keys| {
        let mut seen = std::collections::BTreeSet::new();
        let keys: Vec<String> = ["title", "date"]
            .into_iter()
            .map(str::to_string)
            .chain(keys)
            .filter(|k| seen.insert(k.clone()))
            .collect();
        keys.into_iter()
            .map(|k| (Just(k.clone()), field_value(&k)))
            .collect::<Vec<_>>()
    })
}

/// TOML basic string: every character XML or TOML cannot take raw, or
/// validators reject, is escaped, so control characters reach the parsed
/// value.
fn toml_string(s: &str) -> String {
    quoted(s, |c| {
        (c as u32) < 0x20 || first_bad_char(&c.to_string()).is_some()
    })
}

/// YAML double-quoted string (the same escapes work there).
fn yaml_string(s: &str) -> String {
    quoted(s, |c| {
        (c as u32) < 0x20
            || c == '\u{7f}'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(
                c,
                '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}'
            )
    })
}

/// `s` in double quotes, with `"`, `\` and newlines escaped, and every
/// character `escaped` names as `\uXXXX`.
fn quoted(s: &str, escaped: fn(char) -> bool) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if escaped(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How a front-matter syntax spells the values the tests generate.
struct Syntax {
    string: fn(&str) -> String,
    /// Between a key and its value.
    assign: &'static str,
    /// Around an inline table.
    table: (&'static str, &'static str),
}

const TOML: Syntax = Syntax {
    string: toml_string,
    assign: " = ",
    table: ("{ ", " }"),
};

const YAML: Syntax = Syntax {
    string: yaml_string,
    assign: ": ",
    table: ("{", "}"),
};

/// A value as `syntax` writes it.
fn written(v: &Value, syntax: &Syntax) -> String {
    match v {
        Value::Str(s) => (syntax.string)(s),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Bool(b) => b.to_string(),
        Value::Bare(s) => s.replace(['\n', '\r'], " "),
        Value::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|v| written(v, syntax))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Table(fields) => format!(
            "{}{}{}",
            syntax.table.0,
            fields
                .iter()
                .map(|(k, v)| format!(
                    "{}{}{}",
                    (syntax.string)(k),
                    syntax.assign,
                    written(v, syntax)
                ))
                .collect::<Vec<_>>()
                .join(", "),
            syntax.table.1
        ),
    }
}

fn bare_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn front(fields: &[(String, Value)], syntax: &Syntax) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let key = if bare_key(k) {
                k.clone()
            } else {
                (syntax.string)(k)
            };
            format!("{key}{}{}\n", syntax.assign, written(v, syntax))
        })
        .collect()
}

fn toml_front(fields: &[(String, Value)]) -> String {
    front(fields, &TOML)
}

fn yaml_front(fields: &[(String, Value)]) -> String {
    front(fields, &YAML)
}

/// One file of the articles folder.
#[derive(Debug, Clone)]
enum Article {
    /// `date` line, blank line, body.
    Plain { date: String, body: String },
    /// A plain-text article with a `NAME.toml` sidecar.
    WithSidecar {
        date: String,
        body: String,
        sidecar: Vec<(String, Value)>,
    },
    Toml {
        fields: Vec<(String, Value)>,
        body: String,
    },
    Yaml {
        fields: Vec<(String, Value)>,
        body: String,
    },
    /// Anything at all, as `.txt` or `.md`.
    Raw { markdown: bool, text: String },
}

const NAMES: &[&str] = &[
    "story",
    "story.de",
    "story.fr",
    "story.en",
    "launch.it",
    "sub/story.de",
    "sub/deeper/news",
    "report.old",
    "ümlaut name",
    "a.b.c",
];

impl Article {
    /// (relative path, bytes) of the files this article is made of.
    fn files(&self, name: &str) -> Vec<(String, String)> {
        match self {
            Article::Plain { date, body } => {
                vec![(format!("{name}.txt"), format!("{date}\n\n{body}"))]
            }
            Article::WithSidecar {
                date,
                body,
                sidecar,
            } => vec![
                (format!("{name}.txt"), format!("{date}\n\n{body}")),
                (format!("{name}.toml"), toml_front(sidecar)),
            ],
            Article::Toml { fields, body } => vec![(
                format!("{name}.md"),
                format!("+++\n{}+++\n{body}", toml_front(fields)),
            )],
            Article::Yaml { fields, body } => vec![(
                format!("{name}.md"),
                format!("---\n{}---\n{body}", yaml_front(fields)),
            )],
            Article::Raw { markdown, text } => vec![(
                format!("{name}.{}", if *markdown { "md" } else { "txt" }),
                text.clone(),
            )],
        }
    }
}

/// Articles whose front matter holds only well-typed, plausible values,
/// with arbitrary text around: what a valid archive may look like.
fn text_article() -> impl Strategy<Value = Article> {
    let meta = || {
        (
            clean_text(),
            date_line(),
            prop::sample::select(&["de", "fr", "en", "es", "it"][..]),
            prop::option::of("[a-z]{1,6}"),
        )
    };
    prop_oneof![
        3 => (date_line(), text()).prop_map(|(date, body)| Article::Plain { date, body }),
        2 => (meta(), text()).prop_map(|((title, date, lang, key), body)| {
            let mut fields = vec![
                ("title".to_string(), Value::Str(title)),
                ("date".to_string(), Value::Str(date)),
                ("lang".to_string(), Value::Str(lang.to_string())),
            ];
            fields.extend(key.map(|k| ("translation_key".to_string(), Value::Str(k))));
            Article::Toml { fields, body }
        }),
        2 => (meta(), text()).prop_map(|((title, date, lang, key), body)| {
            let mut fields = vec![
                ("title".to_string(), Value::Str(title)),
                ("date".to_string(), Value::Str(date)),
                ("lang".to_string(), Value::Str(lang.to_string())),
            ];
            fields.extend(key.map(|k| ("translationKey".to_string(), Value::Str(k))));
            Article::Yaml { fields, body }
        }),
        1 => (any::<bool>(), text()).prop_map(|(markdown, text)| Article::Raw { markdown, text }),
    ]
}

/// Articles with arbitrary front matter and sidecars. The bodies are clean
/// (the property above covers them), so that the values decide.
fn any_article() -> impl Strategy<Value = Article> {
    const DATES: &[&str] = &["04.05.2021", "2021-05-04", "4. Mai 2021", "May 4, 2021"];
    prop_oneof![
        2 => (fields(), clean_text()).prop_map(|(fields, body)| Article::Toml { fields, body }),
        2 => (fields(), clean_text()).prop_map(|(fields, body)| Article::Yaml { fields, body }),
        1 => (prop::sample::select(DATES), clean_text(), fields()).prop_map(|(date, body, sidecar)| {
            // Sidecars refuse unknown keys; keep the known ones but date and
            // title, which the text has.
            const KNOWN: &[&str] = &["lang", "translation_key", "slug", "url", "id", "summary", "authors", "tags", "draft", "updated"];
            let sidecar = sidecar.into_iter().filter(|(k, _)| KNOWN.contains(&k.as_str())).collect();
            Article::WithSidecar { date: date.to_string(), body: format!("Der Stadtrat hat getagt. {body}"), sidecar }
        }),
    ]
}

fn folder(
    article: impl Strategy<Value = Article>,
    size: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<(String, Article)>> {
    vec((prop::sample::select(NAMES), article), size).prop_map(|items| {
        // One article per name (a later one would overwrite the file).
        let mut by_name = BTreeMap::new();
        for (name, article) in items {
            by_name.insert(name.to_string(), article);
        }
        by_name.into_iter().collect()
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    prop::sample::select(
        &[
            "",
            "content = \"summary\"\n",
            "max_entries = 1\n",
            "timezone = \"Pacific/Kiritimati\"\n[languages.en]\ndate_order = \"mdy\"\n",
            "base_url = \"https://example.org/news/\"\nurl_pattern = \"/{year}/{slug}.html\"\n",
            "detect_languages = [\"de\", \"fr\"]\n[languages.de-CH]\ntitle = \"Schweiz & <Co>\"\n",
            "default_author = { name = \"Redaktion <&>\", email = \"r@example.org\" }\n",
        ][..],
    )
    .prop_map(|text| Settings::from_toml(text, "(test)").unwrap())
}

// ---------------------------------------------------------------------------
// What must hold.

/// Writes the articles into `dir/articles`; returns the files written.
fn write_folder(dir: &Path, articles: &[(String, Article)]) -> Vec<(String, String)> {
    let mut written = Vec::new();
    for (name, article) in articles {
        for (rel, text) in article.files(name) {
            write(&dir.join("articles"), &rel, &text);
            written.push((rel, text));
        }
    }
    written
}

/// Every problem with one rendered feed file, or `None`.
fn feed_problems(path: &str, bytes: &[u8]) -> Option<String> {
    if let Some(problem) = xml_problems(bytes) {
        return Some(format!("{path}: {problem}"));
    }
    if let Err(e) = feed_rs::parser::parse(bytes) {
        return Some(format!("{path}: feed-rs cannot parse it: {e}"));
    }
    None
}

/// Loads, renders and checks; shared by the properties below. Returns the
/// rendered files when the input had no errors.
fn check_pipeline(
    dir: &Path,
    written: &[(String, String)],
    settings: &Settings,
) -> Result<Option<Vec<babelfeed::render::RenderedFile>>, TestCaseError> {
    let articles = dir.join("articles");
    let loaded = match babelfeed::load(&articles, settings) {
        Ok(loaded) => loaded,
        Err(e) => return Err(TestCaseError::fail(format!("load failed: {e}"))),
    };
    for d in &loaded.diagnostics {
        prop_assert!(!d.path.is_empty(), "diagnostic without a path: {d}");
    }
    // A raw character XML forbids, or one validators reject, is always an
    // error naming its file.
    for (rel, text) in written {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some((_, c)) = first_bad_char(text) {
            prop_assert!(
                loaded
                    .diagnostics
                    .iter()
                    .any(|d| d.is_error() && names_path(&d.path, rel)),
                "{rel} holds U+{:04X} but has no error: {:?}",
                c as u32,
                loaded.diagnostics
            );
        }
    }
    if loaded.has_errors() {
        return Ok(None);
    }
    let files = match babelfeed::render::render(&loaded.catalog, settings) {
        Ok(files) => files,
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "input without errors could not be rendered: {e}"
            )))
        }
    };
    for file in &files {
        if let Some(problem) = feed_problems(&file.path, &file.bytes().unwrap()) {
            return Err(TestCaseError::fail(problem));
        }
    }
    // Feeds are written in runs of entries, cut from documents of their
    // own and joined; joined, they must be what the crates write in one.
    let whole = babelfeed::render::render_in_one_piece(&loaded.catalog, settings)
        .map_err(TestCaseError::fail)?;
    prop_assert_eq!(files.len(), whole.len());
    for (file, whole) in files.iter().zip(&whole) {
        prop_assert!(
            file.path == whole.path && file.bytes() == whole.bytes(),
            "{}: the joined runs differ from the document written whole",
            file.path
        );
    }
    Ok(Some(files))
}

proptest! {
    #![proptest_config(config())]

    /// Arbitrary text in plain-text articles and Markdown bodies, with
    /// plausible front matter: no panic, and valid input renders to feeds
    /// that are XML 1.0 and that feed-rs reads. `build` writes exactly what
    /// `render` returns, and a second render gives the same bytes.
    #[test]
    fn arbitrary_text_never_breaks_a_feed(
        articles in folder(text_article(), 1..5),
        settings in settings(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let written = write_folder(dir.path(), &articles);
        if let Some(files) = check_pipeline(dir.path(), &written, &settings)? {
            let loaded = babelfeed::load(&dir.path().join("articles"), &settings).unwrap();
            let again = babelfeed::render::render(&loaded.catalog, &settings).unwrap();
            prop_assert!(files == again, "two renders of the same input differ");
            let out = dir.path().join("out");
            let built = babelfeed::build(&dir.path().join("articles"), &out, &settings, babelfeed::BuildOptions::default());
            prop_assert!(built.is_ok(), "build failed: {:?}", built.err());
            let on_disk: Vec<(String, Vec<u8>)> = visible_snapshot(&out);
            let rendered: Vec<(String, Vec<u8>)> =
                files.iter().map(|f| (f.path.clone(), f.bytes().unwrap())).collect();
            prop_assert!(on_disk == rendered, "build wrote {:?}", snapshot_diff(&rendered, &on_disk));
        }
    }

    /// Arbitrary front matter and sidecars (any keys, values of any type,
    /// escaped control characters in strings, bare dates): no panic, and
    /// whatever is accepted renders to valid feeds.
    #[test]
    fn arbitrary_front_matter_never_breaks_a_feed(
        articles in folder(any_article(), 1..3),
        settings in settings(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let written = write_folder(dir.path(), &articles);
        check_pipeline(dir.path(), &written, &settings)?;
    }

    /// The parsers on their own, with no disk involved (the fuzz targets'
    /// entry points): they return, whatever the text.
    #[test]
    fn parsers_never_panic(text in text(), line in date_line()) {
        let _ = babelfeed::parse::parse_plain("a.txt", &text);
        let _ = babelfeed::parse::parse_front_matter("a.md", &text);
        let _ = babelfeed::parse::parse_sidecar("a.toml", &text);
        for order in [DateOrder::Dmy, DateOrder::Mdy] {
            let _ = parse_date(&line, order);
            let _ = parse_date(&text, order);
        }
    }

    /// A date the parser accepts in one order is a real calendar date, and
    /// lines without a slash read the same in both orders.
    #[test]
    fn date_orders_only_matter_for_slashes(line in date_line()) {
        let dmy = parse_date(&line, DateOrder::Dmy);
        let mdy = parse_date(&line, DateOrder::Mdy);
        if !line.contains('/') {
            prop_assert_eq!(dmy, mdy, "{:?}", line);
        }
    }
}

/// Another case the front matter property found: with `de` and `de-CH`
/// feeds, the files come in path order (`de-CH/` before `de/`), which is
/// not the languages' order; the reference renderer must give the same.
#[test]
fn a_regional_feed_beside_its_language_joins_runs_like_the_whole() {
    let settings = Settings::from_toml("", "(test)").unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/story.md",
        "---\ntitle: Der Stadtrat hat das Budget erhöht.\ndate: 2021-05-04\nlang: de-CH\n---\nDer Stadtrat hat getagt.\n",
    );
    write(
        dir.path(),
        "articles/sub/story.de.txt",
        "04.05.2021\n\nDer Stadtrat hat getagt.\n",
    );
    let loaded = babelfeed::load(&dir.path().join("articles"), &settings).unwrap();
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let files = babelfeed::render::render(&loaded.catalog, &settings).unwrap();
    let whole = babelfeed::render::render_in_one_piece(&loaded.catalog, &settings).unwrap();
    let paths = |files: &[babelfeed::render::RenderedFile]| -> Vec<String> {
        files.iter().map(|f| f.path.clone()).collect()
    };
    assert_eq!(paths(&files), paths(&whole));
    assert_eq!(paths(&files)[0], "de-CH/atom.xml");
    for (file, whole) in files.iter().zip(&whole) {
        assert!(
            file.bytes().unwrap() == whole.bytes().unwrap(),
            "{}",
            file.path
        );
    }
}

/// The cases the front matter property found, kept as examples: control
/// characters written as escapes reach the parsed values. Each must be an
/// input error or be kept out of the feed; either way every rendered feed
/// must stay well-formed.
#[test]
fn escaped_control_characters_never_break_a_feed() {
    let settings = Settings::from_toml("", "(test)").unwrap();
    let mut failures = Vec::new();
    for (name, field) in [
        ("url", "url = \"https://example.org/a\\u0002b\""),
        ("id", "id = \"tag:example.org,2021:a\\u0001b\""),
        ("title", "title = \"T\\u0001\""),
        ("summary", "summary = \"S\\u001b\""),
        ("slug", "slug = \"s\\u0000\""),
        ("tags", "tags = [\"a\\u000bb\"]"),
        ("author", "authors = [{ name = \"N\", email = \"e\\u0001@x.org\", uri = \"https://x.org/\\u0001\" }]"),
        ("key", "translation_key = \"k\\u0001\""),
        ("title", "title = \"T\\u0096\""),
        ("tags", "tags = [\"\\u0085\", \"\\u007F\"]"),
        ("summary", "summary = \"S\\uFDD0\""),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let title = if name == "title" { "" } else { "title = \"Titel\"\n" };
        write(
            dir.path(),
            "articles/a.md",
            &format!("+++\n{title}date = 2021-05-04\nlang = \"de\"\n{field}\n+++\nDer Stadtrat hat getagt.\n"),
        );
        let loaded = babelfeed::load(&dir.path().join("articles"), &settings).unwrap();
        if loaded.has_errors() {
            continue;
        }
        match babelfeed::render::render(&loaded.catalog, &settings) {
            Ok(files) => {
                for file in files {
                    if let Some(problem) = feed_problems(&file.path, &file.bytes().unwrap()) {
                        failures.push(format!("{field}: {problem}"));
                    }
                }
            }
            Err(e) => failures.push(format!("{field}: accepted, but cannot be rendered: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Raw HTML in Markdown: sanitised, relative links made absolute.

/// Problems in entry HTML: `<script>`, `on*=` handlers, `javascript:` (and
/// `vbscript:`, `data:text/html`) URLs, and relative `href`/`src`.
fn html_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        i = start + 1;
        let rest = &html[start + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        if name.eq_ignore_ascii_case("script") {
            problems.push(format!("<script> at {start}"));
        }
        // Attributes up to the closing `>`, honouring quotes.
        let mut j = start + 1 + name.len();
        loop {
            while j < bytes.len() && (bytes[j] as char).is_ascii_whitespace()
                || j < bytes.len() && bytes[j] == b'/'
            {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let attr_start = j;
            while j < bytes.len()
                && !matches!(bytes[j], b'=' | b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
            {
                j += 1;
            }
            let attr = html[attr_start..j].to_ascii_lowercase();
            while j < bytes.len() && (bytes[j] as char).is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                while j < bytes.len() && (bytes[j] as char).is_ascii_whitespace() {
                    j += 1;
                }
                if j < bytes.len() && matches!(bytes[j], b'"' | b'\'') {
                    let quote = bytes[j];
                    let value_start = j + 1;
                    j = value_start;
                    while j < bytes.len() && bytes[j] != quote {
                        j += 1;
                    }
                    value = html[value_start..j.min(bytes.len())].to_string();
                    j += 1;
                } else {
                    let value_start = j;
                    while j < bytes.len()
                        && !(bytes[j] as char).is_ascii_whitespace()
                        && bytes[j] != b'>'
                    {
                        j += 1;
                    }
                    value = html[value_start..j].to_string();
                }
            }
            if attr.is_empty() {
                j += 1;
                continue;
            }
            if attr.starts_with("on") {
                problems.push(format!("handler `{attr}` on <{name}>"));
            }
            if matches!(
                attr.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "xlink:href"
                    | "poster"
                    | "background"
                    | "cite"
            ) {
                let decoded = decode_entities(&value);
                let squeezed: String = decoded
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if squeezed.starts_with("javascript:")
                    || squeezed.starts_with("vbscript:")
                    || squeezed.starts_with("data:text/html")
                {
                    problems.push(format!("script URL `{value}` in <{name} {attr}>"));
                } else if url::Url::parse(&decoded).is_err() {
                    problems.push(format!("relative URL `{value}` in <{name} {attr}>"));
                }
            }
        }
    }
    problems
}

/// HTML character references, as a browser reads an attribute.
fn decode_entities(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').unwrap_or(after.len());
        let name = &after[..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            n.and_then(char::from_u32).map(String::from)
        } else {
            match name {
                "colon" => Some(":".into()),
                "Tab" => Some("\t".into()),
                "NewLine" => Some("\n".into()),
                "amp" => Some("&".into()),
                "lt" => Some("<".into()),
                "gt" => Some(">".into()),
                "quot" => Some("\"".into()),
                "apos" => Some("'".into()),
                _ => None,
            }
        };
        match decoded {
            Some(d) => {
                out.push_str(&d);
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The HTML of every entry of every feed rendered from `dir/articles`.
fn rendered_html(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let settings = Settings::from_toml("base_url = \"https://example.org\"\n", "(test)").unwrap();
    let loaded = babelfeed::load(&dir.join("articles"), &settings).map_err(|e| e.to_string())?;
    if loaded.has_errors() {
        return Err(format!("input errors: {:?}", loaded.diagnostics));
    }
    let files = babelfeed::render::render(&loaded.catalog, &settings)?;
    let mut html = Vec::new();
    for file in files {
        if let Some(problem) = feed_problems(&file.path, &file.bytes().unwrap()) {
            return Err(problem);
        }
        let feed = feed_rs::parser::parse(&file.bytes().unwrap()[..]).unwrap();
        for entry in feed.entries {
            if let Some(body) = entry.content.and_then(|c| c.body) {
                html.push((file.path.clone(), body));
            }
        }
    }
    Ok(html)
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script\n>alert(1)</script\n>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"pic.png\" ONLOAD='alert(1)'>",
    "<svg onload=alert(1)>",
    "<body onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x61;script:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<a href='vbscript:msgbox(1)'>x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>x</button></form>",
    "<div style=\"x\" onclick=\"alert(1)\">text</div>",
    "<p onmouseover=alert(1)>hover</p>",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "![img](javascript:alert(1))",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[rel](../other/)",
    "[rel](page.html)",
    "![img](images/pic.png)",
    "[root](/about/)",
    "<a href=\"../raw/\">raw relative</a>",
    "<img src=\"raw.png\">",
    "[fragment](#section)",
    "[ok](https://example.org/ok)",
    "plain text & more",
    "*emphasis* and `code <script>`",
];

fn hostile_body() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            3 => prop::sample::select(HOSTILE).prop_map(str::to_string),
            1 => prop::sample::select(WORDS).prop_map(str::to_string),
            1 => prop::sample::select(&["\n", "\n\n", " "][..]).prop_map(str::to_string),
        ],
        1..8,
    )
    .prop_map(|parts| parts.concat())
}

fn markdown_article(body: &str) -> String {
    format!("+++\ntitle = \"Hostile\"\ndate = 2021-05-04\nlang = \"en\"\nslug = \"hostile\"\n+++\n\nThe council voted on Tuesday.\n\n{body}\n")
}

proptest! {
    #![proptest_config(config())]

    /// Raw HTML in Markdown never brings scripts, event handlers or script
    /// URLs into a feed, and every link and image URL is absolute.
    #[test]
    fn markdown_html_is_sanitised(body in hostile_body()) {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "articles/hostile.md", &markdown_article(&body));
        let html = rendered_html(dir.path()).map_err(TestCaseError::fail)?;
        prop_assert!(!html.is_empty());
        for (path, content) in html {
            let problems = html_problems(&content);
            prop_assert!(problems.is_empty(), "{}: {:?} in\n{}", path, problems, content);
        }
    }
}

/// Each hostile snippet alone, for a readable failure per snippet.
#[test]
fn each_hostile_snippet_is_sanitised() {
    let mut failures = Vec::new();
    for snippet in HOSTILE {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "articles/hostile.md",
            &markdown_article(snippet),
        );
        match rendered_html(dir.path()) {
            Ok(html) => {
                for (path, content) in html {
                    let problems = html_problems(&content);
                    if !problems.is_empty() {
                        failures.push(format!("{snippet:?} → {path}: {problems:?}"));
                    }
                }
            }
            Err(e) => failures.push(format!("{snippet:?}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Relative links resolve against the article's own URL.
#[test]
fn relative_links_resolve_against_the_article_url() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "articles/hostile.md",
        &markdown_article("[up](../other/) [here](page.html) ![pic](img/a.png) [root](/about/)"),
    );
    let html = rendered_html(dir.path()).unwrap();
    let (_, content) = html.iter().find(|(p, _)| p.ends_with("atom.xml")).unwrap();
    // The default pattern: /{lang}/{year}/{month}/{day}/{slug}/
    for expected in [
        "href=\"https://example.org/en/2021/05/04/other/\"",
        "href=\"https://example.org/en/2021/05/04/hostile/page.html\"",
        "src=\"https://example.org/en/2021/05/04/hostile/img/a.png\"",
        "href=\"https://example.org/about/\"",
    ] {
        assert!(
            content.contains(expected),
            "missing {expected} in\n{content}"
        );
    }
}

/// The checker itself: it must see what it is meant to see.
#[test]
fn html_checker_finds_what_it_should() {
    assert!(html_problems("<p>fine <a href=\"https://x.org/\">x</a></p>").is_empty());
    assert!(html_problems("<p>&lt;script&gt; is text</p>").is_empty());
    assert_eq!(html_problems("<SCRIPT>x</SCRIPT>").len(), 1);
    assert_eq!(
        html_problems("<img src=\"https://x.org/a.png\" onerror=\"x\">").len(),
        1
    );
    assert_eq!(html_problems("<a href=\"jav&#x61;script:x\">").len(), 1);
    assert_eq!(html_problems("<a href=\"../rel\">").len(), 1);
    assert!(html_problems("<a title=\"x onclick=y\" href=\"https://x.org/\">").is_empty());
}
