//! Front matter (TOML between `+++` lines, YAML between `---` lines) and
//! sidecar files, both read into the same [`Meta`].
//!
//! Both syntaxes are first turned into one JSON-like value so that the field
//! rules (types, aliases, error messages) live in one place. Hugo's spellings
//! (`translationKey`, `lastmod`, `author`, `categories`) are accepted because
//! newsrooms move content between the two tools, and so are those of the
//! other generators sites migrate from where they mean one of the fields
//! (Jekyll's `published: false` and `category`, Zola's `[taxonomies]`,
//! `description`, Docusaurus's author and tag tables); keys are matched
//! whatever their case, as Hugo matches them. Unknown front matter keys
//! are ignored for the same reason; a sidecar is babelfeed's own format, so
//! there an unknown key is a typo and an error.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::flat_front_matter::written_value;
use super::{Located, Meta};
use crate::diagnostic::Diagnostic;
use crate::model::Person;

/// Keys a sidecar may set (contract §1a), with the aliases front matter also
/// accepts.
const SIDECAR_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "lang",
    "translation_key",
    "translationKey",
    "slug",
    "url",
    "id",
    "summary",
    "authors",
    "tags",
    "draft",
];

/// Every key front matter or a sidecar reads, in the spelling the code asks
/// for it by. Hugo matches front matter keys whatever their case (`Draft`,
/// `TranslationKey`, Astro's `pubDate` for `pubdate`), so they are matched
/// so here: a draft written `Draft: true` must not be published.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "lastmod",
    "modified",
    "updatedDate",
    "last_modified_at",
    "publishDate",
    "pubdate",
    "published",
    "expiryDate",
    "unpublishdate",
    "lang",
    "translation_key",
    "translationKey",
    "slug",
    "url",
    "permalink",
    "ref",
    "id",
    "summary",
    "description",
    "excerpt",
    "authors",
    "author",
    "tags",
    "categories",
    "category",
    "taxonomies",
    "draft",
    "headless",
    "_build",
    "build",
    "eleventyExcludeFromCollections",
];

/// `key` taken out of `table` when it is a switch, which some generators
/// write where others write a value of another kind (Jekyll's `published:
/// false` beside Hugo's `published` date): `true` or `false`, quoted
/// (`"false"`), or as YAML 1.1 wrote one (`no`), which Jekyll's reader
/// takes for one too. Anything else is left for the field it also is.
fn take_switch(table: &mut Map<String, Value>, key: &str) -> Option<bool> {
    let on = match table.get(key)? {
        Value::Bool(on) => *on,
        Value::String(text) => {
            let is = |words: &[&str]| words.iter().any(|w| text.trim().eq_ignore_ascii_case(w));
            match (is(&["true", "yes", "on"]), is(&["false", "no", "off"])) {
                (true, _) => true,
                (_, true) => false,
                _ => return None,
            }
        }
        _ => return None,
    };
    table.remove(key);
    Some(on)
}

/// The spelling of [`KNOWN_KEYS`] that `key` is, whatever its case.
fn known_key(key: &str) -> Option<&'static str> {
    KNOWN_KEYS
        .iter()
        .find(|known| known.eq_ignore_ascii_case(key))
        .copied()
}

/// The value of `key` in a table written by hand, whatever its case (see
/// [`KNOWN_KEYS`]).
fn get_ignoring_case<'v>(table: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    table.get(key).or_else(|| {
        table
            .iter()
            .find(|(written, _)| written.eq_ignore_ascii_case(key))
            .map(|(_, value)| value)
    })
}

/// How an article's fields are typed: in TOML or YAML front matter, or,
/// for a plain-text export, in a sidecar `NAME.toml`. Every message that
/// asks for a field shows it through [`FieldSyntax::field`], so that a
/// YAML file is not told to write TOML, nor a `.txt` file to set a field
/// it has no place for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldSyntax {
    Toml,
    Yaml,
    Sidecar,
}

impl FieldSyntax {
    /// `key` set to `value`, as it is typed here: `id = "x"` in TOML (and
    /// so in a sidecar), `id: x` in YAML; `true`, `false` and dates bare,
    /// other text in quotes where the syntax needs them.
    pub fn field(self, key: &str, value: &str) -> String {
        match self {
            FieldSyntax::Yaml => format!("{key}: {}", written_value(Syntax::Yaml, value)),
            FieldSyntax::Toml | FieldSyntax::Sidecar => {
                format!("{key} = {}", written_value(Syntax::Toml, value))
            }
        }
    }

    /// Where the fields of the article at `path` go: `in its front matter`,
    /// or `in a sidecar file NAME.toml` beside a plain-text export.
    pub fn place(self, path: &str) -> String {
        match self {
            FieldSyntax::Toml | FieldSyntax::Yaml => "in its front matter".to_string(),
            FieldSyntax::Sidecar => {
                format!("in a sidecar file {}", crate::discover::sidecar_path(path))
            }
        }
    }
}

/// A Markdown article's front matter, read.
pub struct FrontMatter {
    pub meta: Meta,
    /// The Markdown after the front matter.
    pub body: String,
    /// The line of the file the body starts on, so that what is found in
    /// it is told with the file's line.
    pub body_line: usize,
    pub syntax: FieldSyntax,
    /// What is wrong with fields left out of `meta`.
    pub problems: Vec<Diagnostic>,
}

/// Reads a Markdown article's front matter and body. A field that is
/// wrong (a type, an unknown sidecar key) is left out of the [`Meta`] and
/// its problem returned beside it, so that the rest of the article is
/// still checked and one run reports every problem; `Err` when there is
/// no front matter to read at all.
pub fn read_front_matter(path: &str, text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
    let first = text.lines().next().unwrap_or("").trim_end();
    let (syntax, fence) = match first {
        "+++" => (Syntax::Toml, "+++"),
        "---" => (Syntax::Yaml, "---"),
        _ => {
            return Err(vec![Diagnostic::error(
                path,
                Some(1),
                "no front matter: a Markdown article starts with `+++` (TOML) or `---` (YAML) and sets at least `title` and `date`",
            )])
        }
    };
    let after_open = &text[first.len()..].trim_start_matches([' ', '\t']);
    let after_open = after_open.strip_prefix('\n').unwrap_or(after_open);
    let mut offset = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (syntax == Syntax::Yaml && bare == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((end, body_start)) = close else {
        return Err(vec![Diagnostic::error(
            path,
            Some(1),
            format!("the front matter opened here is never closed: add a line `{fence}` after the last field"),
        )]);
    };
    let front = &after_open[..end];
    let body = after_open[body_start..].to_string();
    // After the opening line, and the front matter's lines with the closing.
    let body_line = 2 + after_open[..body_start].matches('\n').count();
    // The front matter's first line is line 2 of the file.
    let value = fields_value(syntax, path, front, 2)?;
    let (meta, problems) = meta_from_value(path, front, 2, syntax, value, None)?;
    Ok(FrontMatter {
        meta,
        body,
        body_line,
        syntax: syntax.into(),
        problems,
    })
}

/// [`read_front_matter`], with any problem of a field an error.
pub fn parse_front_matter(path: &str, text: &str) -> Result<(Meta, String), Vec<Diagnostic>> {
    let read = read_front_matter(path, text)?;
    match read.problems.is_empty() {
        true => Ok((read.meta, read.body)),
        false => Err(read.problems),
    }
}

/// Reads a `NAME.toml` sidecar: the fields, and the problems of those it
/// had to leave out (see [`read_front_matter`]).
pub fn read_sidecar(path: &str, text: &str) -> Result<(Meta, Vec<Diagnostic>), Vec<Diagnostic>> {
    let value = fields_value(Syntax::Toml, path, text, 1)?;
    meta_from_value(path, text, 1, Syntax::Toml, value, Some(SIDECAR_KEYS))
}

/// [`read_sidecar`], with any problem of a field an error.
pub fn parse_sidecar(path: &str, text: &str) -> Result<Meta, Vec<Diagnostic>> {
    match read_sidecar(path, text)? {
        (meta, problems) if problems.is_empty() => Ok(meta),
        (_, problems) => Err(problems),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    Toml,
    Yaml,
}

impl From<Syntax> for FieldSyntax {
    fn from(syntax: Syntax) -> FieldSyntax {
        match syntax {
            Syntax::Toml => FieldSyntax::Toml,
            Syntax::Yaml => FieldSyntax::Yaml,
        }
    }
}

/// The metadata as one JSON-like value: by the quick reader when the
/// fields are written one per line, which is nearly always, else by the
/// general parser of the syntax (which also explains what is wrong).
fn fields_value(
    syntax: Syntax,
    path: &str,
    text: &str,
    first_line: usize,
) -> Result<Value, Vec<Diagnostic>> {
    match super::flat_front_matter::read(syntax, text) {
        Some(value) => Ok(value),
        None => general_value(syntax, path, text, first_line),
    }
}

/// The metadata read by the syntax's own parser.
pub(super) fn general_value(
    syntax: Syntax,
    path: &str,
    text: &str,
    first_line: usize,
) -> Result<Value, Vec<Diagnostic>> {
    match syntax {
        Syntax::Toml => toml_value(path, text, first_line),
        Syntax::Yaml => yaml_value(path, text, first_line),
    }
}

fn toml_value(path: &str, text: &str, first_line: usize) -> Result<Value, Vec<Diagnostic>> {
    match text.parse::<toml::Table>() {
        Ok(table) => Ok(toml_to_json(toml::Value::Table(table))),
        Err(e) => {
            let start = e.span().map(|span| span.start.min(text.len()));
            let line = start.map(|start| first_line + text[..start].matches('\n').count());
            let mut message = format!("invalid TOML: {}", e.message());
            if let Some(quote) = start.and_then(|start| unclosed_quote(text, start, e.message())) {
                message.push_str(&format!(
                    "; the string is not closed: end it with `{quote}` on the same line"
                ));
            }
            Err(vec![Diagnostic::error(path, line, message)])
        }
    }
}

/// The quote of a TOML string the parser stopped in (`invalid basic
/// string`, `invalid literal string`) when its line does not close it,
/// which is what the parser's message leaves the writer to guess:
/// `title = "Launch` and a line break.
fn unclosed_quote(text: &str, error_at: usize, message: &str) -> Option<char> {
    let quote = match message {
        "invalid basic string" => '"',
        "invalid literal string" => '\'',
        _ => return None,
    };
    let line_start = text[..error_at].rfind('\n').map_or(0, |at| at + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    // The value after the key; an item of a list written over lines has
    // none.
    let value = line.split_once('=').map_or(line, |(_, value)| value);
    // A basic string's `\"` is no quote; a literal string has no escapes.
    let quotes = match quote {
        '"' => value
            .replace("\\\\", "")
            .replace("\\\"", "")
            .matches('"')
            .count(),
        _ => value.matches('\'').count(),
    };
    (quotes % 2 == 1).then_some(quote)
}

fn yaml_value(path: &str, text: &str, first_line: usize) -> Result<Value, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    let value = serde_yaml_ng::from_str::<Value>(text)
        .map_err(|e| vec![yaml_error(path, text, &e, first_line)])?;
    if let Value::Object(table) = &value {
        if let Some((key, first, again)) = repeated_key(text, table) {
            return Err(vec![Diagnostic::error(
                path,
                Some(first_line + again),
                format!(
                    "invalid YAML: duplicate key `{key}` (first on line {}); keep one of them",
                    first_line + first
                ),
            )]);
        }
    }
    Ok(value)
}

/// A YAML syntax error, told at the line and column of the file. libyaml
/// writes positions into its message, counted from the front matter's
/// first line (`… at line 1 column 35`), which beside the file's line
/// number was a second one that disagreed with it. The problem's own
/// position is taken out (the diagnostic's line and column say it), and
/// one the message gives for context (`while parsing a flow sequence at
/// line 3 column 7`) is made the line of the file.
fn yaml_error(
    path: &str,
    text: &str,
    error: &serde_yaml_ng::Error,
    first_line: usize,
) -> Diagnostic {
    let file_line = |line: usize| first_line + line.saturating_sub(1);
    let mut message = error.to_string();
    let mut column = String::new();
    let mut colon_in_value = false;
    let mut tab_at_error = false;
    if let Some(at) = error.location() {
        let written = format!(" at line {} column {}", at.line(), at.column());
        message = message.replacen(&written, "", 1);
        column = format!(" at column {}", at.column());
        let mut line = text
            .lines()
            .nth(at.line().saturating_sub(1))
            .unwrap_or("")
            .chars();
        let before: String = line.by_ref().take(at.column().saturating_sub(1)).collect();
        colon_in_value = before.contains(": ");
        tab_at_error =
            before.trim_start_matches([' ', '\t']).is_empty() && line.next() == Some('\t');
    }
    let mut message = context_lines_of_file(&message, file_line);
    // The usual cause: a colon and a space in a value without quotes
    // (`title: Fisch: frisch vom Markt`), which YAML reads as a second key.
    if colon_in_value && message.starts_with("mapping values are not allowed") {
        message.push_str("; a value with `: ` in it needs quotes (`title: \"A: B\"`)");
    }
    // A tab that indents a line (`tags:` and `\t- un` under it), as
    // editors insert one: libyaml names only a character it cannot read.
    let tab_errors = [
        "found character that cannot start any token",
        "found a tab character that violates indentation",
    ];
    if tab_at_error && tab_errors.iter().any(|e| message.starts_with(e)) {
        message.push_str("; YAML does not allow tabs for indentation: indent with spaces");
    }
    let line = error.location().map(|at| file_line(at.line()));
    Diagnostic::error(path, line, format!("invalid YAML{column}: {message}"))
}

/// `message` with every `at line L column C` libyaml wrote (L counted from
/// the front matter's first line) as `on line N`, N the file's line.
fn context_lines_of_file(message: &str, file_line: impl Fn(usize) -> usize) -> String {
    const AT: &str = " at line ";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(AT) {
        out.push_str(&rest[..at]);
        let after = &rest[at + AT.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(line) = after[..digits].parse::<usize>() else {
            out.push_str(AT);
            rest = after;
            continue;
        };
        out.push_str(&format!(" on line {}", file_line(line)));
        rest = &after[digits..];
        if let Some(column) = rest.strip_prefix(" column ") {
            rest = column.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    out.push_str(rest);
    out
}

/// A key of `table` written twice at the start of a line, with the index of
/// both lines. YAML forbids it, but the parser keeps the last silently, so a
/// second `title:` would win where TOML says what is wrong.
fn repeated_key<'a>(text: &'a str, table: &Map<String, Value>) -> Option<(&'a str, usize, usize)> {
    let mut seen = std::collections::HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let Some(key) = written_key(line) else {
            continue;
        };
        let at_start = !line.starts_with(char::is_whitespace);
        if at_start && table.contains_key(key) {
            if let Some(first) = seen.insert(key, index) {
                return Some((key, first, index));
            }
        }
    }
    None
}

/// The key a front matter line sets (`title = …`, `title: …`,
/// `"title": …`), without its quotes.
fn written_key(line: &str) -> Option<&str> {
    let key = line[..line.find([':', '='])?].trim();
    let unquoted = [('"', '"'), ('\'', '\'')]
        .iter()
        .find_map(|&(open, close)| key.strip_prefix(open)?.strip_suffix(close));
    Some(unquoted.unwrap_or(key))
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        // `date = 2021-05-04` is a TOML date, not a string; keep its text.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Reads the contract's fields out of a parsed table; collects every type
/// error instead of stopping at the first.
fn meta_from_value(
    path: &str,
    text: &str,
    first_line: usize,
    syntax: Syntax,
    value: Value,
    allowed: Option<&[&str]>,
) -> Result<(Meta, Vec<Diagnostic>), Vec<Diagnostic>> {
    let table = match value {
        Value::Object(table) => table,
        Value::Null => Map::new(),
        _ => {
            let field = FieldSyntax::from(syntax).field("key", "value");
            return Err(vec![Diagnostic::error(
                path,
                Some(first_line),
                format!("the metadata must be a table of fields (`{field}`, one a line)"),
            )]);
        }
    };
    let mut fields = Fields {
        path,
        text,
        first_line,
        problems: Vec::new(),
        rejected: Vec::new(),
        written: Vec::new(),
    };
    // An escape (TOML's `"\u0096"`, YAML's `"\x96"` or `"\N"`) writes what
    // the check of the file's bytes cannot see; it must not reach a feed
    // either. A character written as it is was reported by that check.
    for (key, value) in &table {
        if let Some(c) = bad_char(value).filter(|&c| !text.contains(c)) {
            fields.error_at(
                key,
                format!("an escape in `{key}` writes {}", super::bad_char_advice(c)),
            );
        }
    }
    let mut table = fields.known_keys_spelt_alike(table);
    if let Some(allowed) = allowed {
        for key in table.keys().filter(|key| !allowed.contains(&key.as_str())) {
            let meant = crate::spelling::nearest(key, allowed.iter().map(|k| (*k, *k)))
                .map(|k| format!("did you mean `{k}`? "))
                .unwrap_or_default();
            fields.error_at(
                key,
                format!(
                    "unknown field `{key}`; {meant}a sidecar may set {}",
                    allowed.join(", ")
                ),
            );
        }
    }
    // Hugo's archetypes leave optional fields empty (`tags:`, `lastmod: ""`)
    // to mean "not set", and Hugo reads them so; the required ones stay, so
    // that an empty title or date is still reported.
    table.retain(|key, value| {
        let empty = match value {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            _ => false,
        };
        !empty || matches!(key.as_str(), "title" | "date")
    });
    // `title:` with nothing after it is YAML's null: empty, not a type error.
    if let Some(title) = table.get_mut("title").filter(|t| t.is_null()) {
        *title = Value::String(String::new());
    }
    let title = fields.string(&mut table, &["title"]);
    if title.as_ref().is_some_and(|t| shows_nothing(&t.value)) {
        fields.error_at(
            "title",
            "the title is empty; write the entry's title (feed readers show nothing else in their lists)".to_string(),
        );
    }
    // Jekyll's `published: false` keeps a post unpublished; written as a
    // date, `published` is Hugo's name for the publication date.
    let unpublished = take_switch(&mut table, "published") == Some(false);
    // Eleventy's `permalink: false` writes no page at all.
    let no_page = take_switch(&mut table, "permalink") == Some(false);
    let summary = fields.string(&mut table, &["summary"]).map(|l| l.value);
    // Hugo, Astro and Eleventy describe a page in `description`, Jekyll in
    // `excerpt`: what their feeds show when no summary is written.
    let description = match summary {
        Some(_) => None,
        None => ["description", "excerpt"]
            .iter()
            .find_map(|key| fields.string(&mut table, &[key]))
            .map(|l| l.value),
    };
    let mut meta = Meta {
        title: title.map(|l| l.value),
        // Hugo dates a page without `date` by its publication date, else
        // its last change, so its feeds do: each is a fallback, not a
        // second name (a page may give `date` and a later `publishDate`).
        date: ["date", "publishDate", "pubdate", "published", "lastmod"]
            .iter()
            .find_map(|key| fields.string(&mut table, &[key])),
        // And as other generators name the last change: `modified`,
        // Astro's `updatedDate`, Jekyll's `last_modified_at`.
        updated: fields
            .string(&mut table, &["updated", "lastmod"])
            .or_else(|| {
                ["modified", "updatedDate", "last_modified_at"]
                    .iter()
                    .find_map(|key| fields.string(&mut table, &[key]))
            }),
        // What `date` left of the fallbacks above: a `publishDate` given
        // beside it, and the end of publication.
        publish_date: ["publishDate", "pubdate", "published"]
            .iter()
            .find_map(|key| fields.string(&mut table, &[key])),
        expiry_date: ["expiryDate", "unpublishdate"]
            .iter()
            .find_map(|key| fields.string(&mut table, &[key])),
        lang: fields.string(&mut table, &["lang"]),
        // And Jekyll's `ref`, as its multilingual sites link translations.
        translation_key: fields
            .string(&mut table, &["translation_key", "translationKey"])
            .or_else(|| fields.string(&mut table, &["ref"])),
        slug: fields.string(&mut table, &["slug"]),
        // And Jekyll's and Eleventy's `permalink`, when it is a path and
        // no pattern (`/:year/:title/`, `{{ … }}`) that only they fill in.
        url: fields.string(&mut table, &["url"]).or_else(|| {
            fields
                .string(&mut table, &["permalink"])
                .filter(|p| !p.value.contains([':', '{']))
        }),
        id: fields.string(&mut table, &["id"]),
        summary,
        description,
        authors: fields.authors(&mut table),
        tags: fields.strings(&mut table, "tags"),
        draft: fields.boolean(&mut table, "draft") || unpublished || no_page,
        rejected: Vec::new(),
    };
    // Hugo's `categories`, Jekyll's one `category`, and Zola's taxonomies,
    // which it writes in a table of their own (`[taxonomies]`, `tags = […]`).
    let mut categories = fields.strings(&mut table, "categories");
    categories.extend(fields.strings(&mut table, "category"));
    if let Some(Value::Object(mut taxonomies)) = table.remove("taxonomies") {
        for key in ["tags", "categories"] {
            let written = taxonomies
                .keys()
                .find(|written| written.eq_ignore_ascii_case(key))
                .cloned();
            if let Some(terms) = written.and_then(|written| taxonomies.remove(&written)) {
                categories.extend(fields.strings_of(key, terms));
            }
        }
    }
    for category in categories {
        if !meta.tags.contains(&category) {
            meta.tags.push(category);
        }
    }
    // Pages Hugo lists nowhere, so in no feed of its either: a headless
    // bundle, or one built with `list = "never"`. They are drafts here.
    meta.draft |= fields.boolean(&mut table, "headless") || never_listed(&table);
    // Eleventy's way of keeping a page out of every list, its feed's too.
    meta.draft |= fields.boolean(&mut table, "eleventyExcludeFromCollections");
    meta.rejected = std::mem::take(&mut fields.rejected);
    Ok((meta, fields.problems))
}

/// Whether `text` is blank to a reader: spaces, and the invisible format
/// characters (zero-width spaces and joiners, direction marks, the soft
/// hyphen, a byte-order mark) that a paste can leave in a field.
fn shows_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    })
}

/// Whether Hugo's build options (`_build`, or `build` since Hugo 0.145)
/// say the page is never listed: `list = "never"` (or `false`, as older
/// Hugo wrote it).
fn never_listed(table: &Map<String, Value>) -> bool {
    ["_build", "build"].iter().any(|key| {
        let options = table.get(*key).and_then(Value::as_object);
        match options.and_then(|options| get_ignoring_case(options, "list")) {
            Some(Value::String(list)) => list.eq_ignore_ascii_case("never"),
            Some(Value::Bool(listed)) => !listed,
            _ => false,
        }
    })
}

/// The first character no feed may carry (see [`super::first_bad_char`])
/// in any string of `value`, keys of tables included.
fn bad_char(value: &Value) -> Option<char> {
    match value {
        Value::String(s) => super::first_bad_char(s),
        Value::Array(items) => items.iter().find_map(bad_char),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, v)| super::first_bad_char(k).or_else(|| bad_char(v))),
        _ => None,
    }
}

struct Fields<'a> {
    path: &'a str,
    text: &'a str,
    first_line: usize,
    problems: Vec<Diagnostic>,
    /// Keys with a problem, left out of the [`Meta`].
    rejected: Vec<String>,
    /// Known keys written in another case (`Draft`), with how they are
    /// written: messages and lines name the key as the file has it.
    written: Vec<(&'static str, String)>,
}

impl Fields<'_> {
    /// `key` as the file writes it: `Draft` for `draft`.
    fn as_written<'k>(&'k self, key: &'k str) -> &'k str {
        self.written
            .iter()
            .find(|(known, _)| *known == key)
            .map_or(key, |(_, written)| written.as_str())
    }

    /// The line a key is written on: good enough for hand-written metadata,
    /// where each key starts its own line.
    fn line_of(&self, key: &str) -> Option<usize> {
        let key = self.as_written(key);
        self.text
            .lines()
            .position(|line| written_key(line) == Some(key))
            .map(|index| self.first_line + index)
    }

    /// An error at the line `key` is written on.
    fn error_at(&mut self, key: &str, message: String) {
        self.rejected.push(key.to_string());
        let line = self.line_of(key);
        self.problems
            .push(Diagnostic::error(self.path, line, message));
    }

    /// `table` with every known key in the spelling the code asks for
    /// (see [`KNOWN_KEYS`]). One key written twice in two cases is one
    /// field written twice: fine with one value, else a conflict, as two
    /// names of one field are.
    fn known_keys_spelt_alike(&mut self, table: Map<String, Value>) -> Map<String, Value> {
        let mut spelt = Map::new();
        for (key, value) in table {
            let Some(known) = known_key(&key) else {
                spelt.insert(key, value);
                continue;
            };
            match spelt.get(known) {
                None => {
                    let key = match key == known {
                        true => key,
                        false => {
                            self.written.push((known, key));
                            known.to_string()
                        }
                    };
                    spelt.insert(key, value);
                }
                Some(kept) if *kept == value => {}
                Some(_) => {
                    self.rejected.push(known.to_string());
                    let kept = self.as_written(known).to_string();
                    self.report_conflict(&kept, &key);
                }
            }
        }
        spelt
    }

    fn wrong_type(&mut self, key: &str, expected: &str, got: &Value) {
        let shown = self.as_written(key).to_string();
        let got = match got {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "a table",
        };
        self.error_at(
            key,
            format!("field `{shown}` must be {expected}, not {got}"),
        );
    }

    /// Two spellings of one field (`translationKey` and `translation_key`)
    /// with different values are a typo only the publisher can resolve;
    /// the error is on the line written last.
    fn conflict(&mut self, first: &str, second: &str) {
        self.rejected
            .extend([first.to_string(), second.to_string()]);
        let first = self.as_written(first).to_string();
        let second = self.as_written(second).to_string();
        self.report_conflict(&first, &second);
    }

    /// The error of [`Self::conflict`], for two keys as they are written.
    fn report_conflict(&mut self, first: &str, second: &str) {
        let line_of = |key: &str| {
            self.text
                .lines()
                .position(|line| written_key(line) == Some(key))
                .map(|index| self.first_line + index)
        };
        let (a, b) = (line_of(first), line_of(second));
        let ((key, line), (other, other_line)) = if a > b {
            ((first, a), (second, b))
        } else {
            ((second, b), (first, a))
        };
        let at = other_line.map_or(String::new(), |n| format!(" (line {n})"));
        self.problems.push(Diagnostic::error(
            self.path,
            line,
            format!(
                "`{key}` and `{other}`{at} are two names for one field and give it different values; keep one of them"
            ),
        ));
    }

    /// The field under whichever of its names `keys` is written.
    fn string(&mut self, table: &mut Map<String, Value>, keys: &[&str]) -> Option<Located<String>> {
        let mut found: Option<(&str, Located<String>)> = None;
        for &key in keys {
            let Some(value) = table
                .remove(key)
                .and_then(|value| self.one_string(key, value))
            else {
                continue;
            };
            match &found {
                None => found = Some((key, value)),
                Some((first, kept)) if kept.value != value.value => self.conflict(first, key),
                Some(_) => {}
            }
        }
        found.map(|(_, value)| value)
    }

    fn one_string(&mut self, key: &str, value: Value) -> Option<Located<String>> {
        match value {
            Value::String(s) => Some(Located {
                value: s,
                line: self.line_of(key),
            }),
            // YAML and TOML whole numbers are fine where text is
            // expected (`id = 1234`, `slug: 2021`); a fraction would
            // not come back as written (`1.10` reads as 1.1).
            Value::Number(n) if n.is_i64() || n.is_u64() => Some(Located {
                value: n.to_string(),
                line: self.line_of(key),
            }),
            Value::Number(n) => {
                let shown = self.as_written(key).to_string();
                self.error_at(
                    key,
                    format!(
                        "field `{shown}` is the number {n} here; put it in quotes to keep it as written"
                    ),
                );
                None
            }
            other => {
                self.wrong_type(key, "a string", &other);
                None
            }
        }
    }

    fn boolean(&mut self, table: &mut Map<String, Value>, key: &str) -> bool {
        match table.remove(key) {
            None => false,
            Some(Value::Bool(b)) => b,
            // `draft: "true"`, as some exports quote every value; Hugo
            // reads it as true, and one such file must not stop a run.
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("true") => true,
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("false") => false,
            Some(other) => {
                self.wrong_type(key, "true or false", &other);
                false
            }
        }
    }

    fn strings(&mut self, table: &mut Map<String, Value>, key: &str) -> Vec<String> {
        match table.remove(key) {
            None => Vec::new(),
            Some(value) => self.strings_of(key, value),
        }
    }

    /// The strings of the field `key`: one, or a list of them.
    fn strings_of(&mut self, key: &str, value: Value) -> Vec<String> {
        match value {
            Value::Null => Vec::new(),
            Value::String(s) => vec![s],
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s),
                        Value::Number(n) => out.push(n.to_string()),
                        // Docusaurus writes a tag as a table whose
                        // `label` is what it shows.
                        Value::Object(tag) => match get_ignoring_case(&tag, "label") {
                            Some(Value::String(label)) => out.push(label.clone()),
                            _ => {
                                self.wrong_type(key, "a list of strings", &Value::Object(tag));
                                return Vec::new();
                            }
                        },
                        other => {
                            self.wrong_type(key, "a list of strings", &other);
                            return Vec::new();
                        }
                    }
                }
                out
            }
            other => {
                self.wrong_type(key, "a list of strings", &other);
                Vec::new()
            }
        }
    }

    /// `authors` (or Hugo's `author`): a name, a list of names, or a list of
    /// `{name, email, uri}` tables.
    fn authors(&mut self, table: &mut Map<String, Value>) -> Vec<Person> {
        let authors = table.remove("authors").map(|v| self.people("authors", v));
        let author = table.remove("author").map(|v| self.people("author", v));
        match (authors, author) {
            (Some(authors), Some(author)) => {
                if authors != author {
                    self.conflict("authors", "author");
                }
                authors
            }
            (Some(people), None) | (None, Some(people)) => people,
            (None, None) => Vec::new(),
        }
    }

    fn people(&mut self, key: &str, value: Value) -> Vec<Person> {
        let items = match value {
            Value::Array(items) => items,
            single @ (Value::String(_) | Value::Object(_)) => vec![single],
            other => {
                self.wrong_type(
                    key,
                    "a list of names or of {name, email, uri} tables",
                    &other,
                );
                return Vec::new();
            }
        };
        let mut people = Vec::new();
        for item in items {
            match item {
                Value::String(name) => people.push(Person {
                    name,
                    email: None,
                    uri: None,
                }),
                Value::Object(table) => match written_person(table) {
                    Ok(person) => people.push(person),
                    Err(e) => {
                        let line = self.line_of(key);
                        self.problems.push(Diagnostic::error(
                            self.path,
                            line,
                            format!("field `{key}`: each author is a name or a table with `name` and optional `email`, `uri` ({e})"),
                        ));
                    }
                },
                other => self.wrong_type(
                    key,
                    "a list of names or of {name, email, uri} tables",
                    &other,
                ),
            }
        }
        people
    }
}

/// An author's table as the tools write it: babelfeed's `{name, email,
/// uri}`; Docusaurus's `{name, title, url, image_url}`, whose `url` is the
/// author's page. Keys the feed has no place for are ignored, as unknown
/// front matter keys are.
#[derive(Deserialize)]
struct WrittenPerson {
    name: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    uri: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// The author an author's table names (see [`WrittenPerson`]), its keys
/// matched whatever their case, as the front matter's are.
fn written_person(table: Map<String, Value>) -> Result<Person, serde_json::Error> {
    let table: Map<String, Value> = table
        .into_iter()
        .map(|(key, value)| (key.to_ascii_lowercase(), value))
        .collect();
    let person: WrittenPerson = serde_json::from_value(Value::Object(table))?;
    Ok(Person {
        name: person.name,
        email: person.email,
        uri: person.uri.or(person.url),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Launch\"\ndate = 2021-05-04\ntranslationKey = \"launch\"\nauthors = [\"Ana\", { name = \"Bo\", email = \"bo@x.org\" }]\ntags = [\"space\"]\nweight = 3\n+++\n\nBody *here*.\n";
        let (meta, body) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Launch"));
        assert_eq!(meta.date.as_ref().unwrap().value, "2021-05-04");
        assert_eq!(meta.date.as_ref().unwrap().line, Some(3));
        assert_eq!(
            meta.translation_key.as_ref().map(|k| k.value.as_str()),
            Some("launch")
        );
        assert_eq!(meta.authors.len(), 2);
        assert_eq!(meta.authors[1].email.as_deref(), Some("bo@x.org"));
        assert_eq!(meta.tags, vec!["space"]);
        assert_eq!(body, "\nBody *here*.\n");
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: \"Lanzamiento\"\ndate: 2021-05-04T10:00:00+02:00\nlang: es\ndraft: true\nauthor: Ana\n---\nCuerpo.";
        let (meta, body) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Lanzamiento"));
        assert_eq!(meta.date.unwrap().value, "2021-05-04T10:00:00+02:00");
        assert_eq!(meta.lang.unwrap().value, "es");
        assert!(meta.draft);
        assert_eq!(meta.authors[0].name, "Ana");
        assert_eq!(body, "Cuerpo.");
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_front_matter("a.md", "+++\ntitle = \"x\"\n").unwrap_err();
        assert!(err[0].message.contains("never closed"));
        let err =
            parse_front_matter("a.md", "---\ntitle: x\ndraft: maybe\ntags: 3\n---\n").unwrap_err();
        assert_eq!(err.len(), 2);
        assert_eq!(err[0].line, Some(4), "{err:?}");
        assert!(err[0].message.contains("`tags`"));
        let err = parse_front_matter("a.md", "+++\ntitle = \"x\"\ndate = \n+++\n").unwrap_err();
        assert_eq!(err[0].line, Some(3), "{err:?}");
        assert!(parse_front_matter("a.md", "no front matter").is_err());
    }

    #[test]
    fn fields_are_shown_as_each_file_types_them() {
        let (toml, yaml, sidecar) = (FieldSyntax::Toml, FieldSyntax::Yaml, FieldSyntax::Sidecar);
        assert_eq!(toml.field("date", "2021-05-04"), "date = 2021-05-04");
        assert_eq!(yaml.field("date", "2021-05-04"), "date: 2021-05-04");
        assert_eq!(toml.field("id", "urn:x:1"), "id = \"urn:x:1\"");
        assert_eq!(yaml.field("id", "urn:x:1"), "id: urn:x:1");
        assert_eq!(sidecar.field("draft", "true"), "draft = true");
        assert_eq!(yaml.field("draft", "true"), "draft: true");
        assert_eq!(yaml.field("title", "A: B"), "title: \"A: B\"");
        assert_eq!(yaml.place("2021/a.md"), "in its front matter");
        assert_eq!(
            sidecar.place("2021/a.de.txt"),
            "in a sidecar file 2021/a.de.toml"
        );
        // What a front matter is read as says how it is typed.
        let yaml_front = read_front_matter("a.md", "---\ntitle: T\ndate: 2024-03-12\n---\n");
        assert_eq!(yaml_front.unwrap().syntax, FieldSyntax::Yaml);
        let toml_front = read_front_matter("a.md", "+++\ntitle = \"T\"\n+++\n");
        assert_eq!(toml_front.unwrap().syntax, FieldSyntax::Toml);
        let err = parse_front_matter("a.md", "---\n- a\n- b\n---\n").unwrap_err();
        assert_eq!(
            err[0].message,
            "the metadata must be a table of fields (`key: value`, one a line)"
        );
    }

    #[test]
    fn a_yaml_error_gives_one_line_the_files() {
        let text = "---\ntitle: Fisch: frisch vom Markt\ndate: 2021-05-04\n---\nText.\n";
        let err = parse_front_matter("fisch.de.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].to_string(), "fisch.de.md:2: error: invalid YAML at column 13: mapping values are not allowed in this context; a value with `: ` in it needs quotes (`title: \"A: B\"`)");
        // A context the parser names is on its line of the file too.
        let text = "---\ntitle: Fisch\ndate: 2021-05-04\ntags: [a, b\n---\nText.\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err[0].line, Some(5));
        assert_eq!(
            err[0].message,
            "invalid YAML at column 1: did not find expected ',' or ']', while parsing a flow sequence on line 4"
        );
        // A key indented under a value is no colon in a value.
        let text = "---\ntitle: x\n  date: 2021-05-04\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err[0].line, Some(3));
        assert_eq!(
            err[0].message,
            "invalid YAML at column 7: mapping values are not allowed in this context"
        );
    }

    #[test]
    fn quoted_true_and_false_are_booleans() {
        let text = "---\ntitle: a\ndate: 2024-03-12\ndraft: \"true\"\n---\n";
        assert!(parse_front_matter("a.md", text).unwrap().0.draft);
        let text = "+++\ntitle = \"a\"\ndate = 2024-03-12\ndraft = \"False\"\n+++\n";
        assert!(!parse_front_matter("a.md", text).unwrap().0.draft);
        let text = "---\ntitle: a\ndate: 2024-03-12\ndraft: maybe\n---\n";
        assert!(parse_front_matter("a.md", text).is_err());
    }

    #[test]
    fn an_empty_title_is_an_error_on_its_line() {
        for text in [
            "---\ndate: 2024-03-12\ntitle: \"\"\n---\nText.\n",
            "---\ndate: 2024-03-12\ntitle:\n---\nText.\n",
            "+++\ndate = 2024-03-12\ntitle = \"  \"\n+++\nText.\n",
            "---\ndate: 2024-03-12\ntitle: \"\u{200b}\u{200d} \u{200e}\"\n---\nText.\n",
        ] {
            let err = parse_front_matter("a.md", text).unwrap_err();
            assert_eq!(err.len(), 1, "{text}: {err:?}");
            assert_eq!(err[0].line, Some(3), "{text}");
            assert!(err[0].message.starts_with("the title is empty"), "{err:?}");
        }
    }

    #[test]
    fn repeated_yaml_key_is_an_error_like_in_toml() {
        let text = "---\ntitle: Titre un\ndate: 2024-03-12\ntitle: Titre deux\n---\nTexte.\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(4));
        assert_eq!(
            err[0].message,
            "invalid YAML: duplicate key `title` (first on line 2); keep one of them"
        );
        let quoted = "---\n\"title\": a\ndate: 2024-03-12\n'title' : b\n---\n";
        assert_eq!(
            parse_front_matter("a.md", quoted).unwrap_err()[0].line,
            Some(4)
        );
        // The same word inside a value or a nested table is no repeated key.
        for text in [
            "---\ntitle: a\ndate: 2024-03-12\nsummary: |\n  title: b\n---\n",
            "---\ntitle: a\ndate: 2024-03-12\nparams:\n  title: b\n---\n",
            "---\ntitle: a\ndate: 2024-03-12\n# title: b\n---\n",
        ] {
            assert!(parse_front_matter("a.md", text).is_ok(), "{text}");
        }
        let err =
            parse_front_matter("a.md", "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n").unwrap_err();
        assert_eq!(err[0].line, Some(3));
    }

    #[test]
    fn empty_optional_fields_are_not_set() {
        let text = "---\ntitle: Leer\ndate: 2024-03-12\ntags:\ncategories: ~\nlastmod: \"\"\nsummary: \"\"\nauthor: ''\nlang:\nslug: \" \"\nurl:\nid: \"\"\ntranslationKey:\ndraft:\ndescription:\n---\nText.\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(
            meta,
            Meta {
                title: Some("Leer".into()),
                date: Some(Located {
                    value: "2024-03-12".into(),
                    line: Some(3)
                }),
                ..Meta::default()
            }
        );
        let meta = parse_sidecar("a.toml", "summary = \"\"\nupdated = \"\"\n").unwrap();
        assert_eq!(meta, Meta::default());
        // Required fields are reported, not dropped.
        let err = parse_front_matter("a.md", "---\ntitle:\ndate: 2024-03-12\n---\n").unwrap_err();
        assert_eq!(err[0].line, Some(2));
        let (meta, _) = parse_front_matter("a.md", "---\ntitle: T\ndate: \"\"\n---\n").unwrap();
        assert_eq!(meta.date.unwrap().value, "");
    }

    #[test]
    fn two_names_for_one_field_must_agree() {
        let text =
            "---\ntitle: T\ndate: 2024-03-12\ntranslationKey: k1\ntranslation_key: k2\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(5));
        assert_eq!(
            err[0].message,
            "`translation_key` and `translationKey` (line 4) are two names for one field and give it different values; keep one of them"
        );
        let text = "+++\ntitle = \"T\"\ndate = 2024-03-12\nupdated = 2024-03-14\nauthor = \"Ana\"\nlastmod = 2024-03-13\nauthors = [\"Bo\"]\n+++\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        let lines: Vec<_> = err.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(6), Some(7)], "{err:?}");
        assert!(err[1]
            .message
            .starts_with("`authors` and `author` (line 5)"));
        // The same value twice is no conflict, nor an empty second one.
        let text = "---\ntitle: T\ndate: 2024-03-12\ntranslationKey: k\ntranslation_key: k\nauthor: Ana\nauthors: [Ana]\nlastmod: \"\"\nupdated: 2024-03-13\n---\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(
            meta.translation_key.as_ref().map(|k| k.value.as_str()),
            Some("k")
        );
        assert_eq!(meta.authors.len(), 1);
        assert_eq!(meta.updated.unwrap().value, "2024-03-13");
    }

    #[test]
    fn a_hugo_page_without_date_is_dated_as_hugo_dates_it() {
        let date = |fields: &str| {
            let text = format!("---\ntitle: T\n{fields}\n---\nText.\n");
            parse_front_matter("a.md", &text)
                .unwrap()
                .0
                .date
                .map(|d| d.value)
        };
        assert_eq!(
            date("publishDate: 2024-03-12").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(date("lastmod: 2024-03-14").as_deref(), Some("2024-03-14"));
        assert_eq!(
            date("date: 2024-03-10\npublishDate: 2024-03-12").as_deref(),
            Some("2024-03-10")
        );
        assert_eq!(date("description: x"), None);
    }

    #[test]
    fn pages_hugo_never_lists_are_drafts() {
        for extra in [
            "headless: true",
            "_build:\n  list: never",
            "build:\n  list: never\n  render: always",
            "_build:\n  list: false",
        ] {
            let text = format!("---\ntitle: T\ndate: 2024-03-12\n{extra}\n---\nText.\n");
            let (meta, _) = parse_front_matter("a.md", &text).unwrap();
            assert!(meta.draft, "{extra}");
        }
        for extra in [
            "headless: false",
            "_build:\n  list: always",
            "_build:\n  render: never",
        ] {
            let text = format!("---\ntitle: T\ndate: 2024-03-12\n{extra}\n---\nText.\n");
            let (meta, _) = parse_front_matter("a.md", &text).unwrap();
            assert!(!meta.draft, "{extra}");
        }
    }

    #[test]
    fn escaped_characters_no_feed_may_carry_are_errors_on_the_key_line() {
        let text = "+++\ntitle = \"Preis \\u0096 Leistung\"\ndate = 2024-03-12\ntags = [\"ok\", \"\\u0080\"]\nslug = \"a\\u007Fb\"\nauthors = [{ name = \"O\\u0092Brien\" }]\nsummary = \"x\\uFDD0\"\nid = \"\\U0001FFFE\"\nurl = \"\\u0001\"\n+++\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        let found: Vec<_> = err.iter().map(|e| (e.line, e.message.as_str())).collect();
        let expected = [
            (Some(2), "an escape in `title` writes U+0096, a control character or noncharacter that feeds must not carry (Windows-1252 text converted as Latin-1 leaves it where it had `–`); replace it with `–`"),
            (Some(4), "an escape in `tags` writes U+0080, a control character or noncharacter that feeds must not carry (Windows-1252 text converted as Latin-1 leaves it where it had `€`); replace it with `€`"),
            (Some(5), "an escape in `slug` writes U+007F, a control character or noncharacter that feeds must not carry; remove it"),
            (Some(6), "an escape in `authors` writes U+0092, a control character or noncharacter that feeds must not carry (Windows-1252 text converted as Latin-1 leaves it where it had `’`); replace it with `’`"),
            (Some(7), "an escape in `summary` writes U+FDD0, a control character or noncharacter that feeds must not carry; remove it"),
            (Some(8), "an escape in `id` writes U+1FFFE, a control character or noncharacter that feeds must not carry; remove it"),
            (Some(9), "an escape in `url` writes the control character U+0001, which XML does not allow; remove it"),
        ];
        let mut found = found;
        found.sort();
        assert_eq!(found, expected, "{err:?}");
        // YAML's escapes, in the general parser's quoted strings; `\N` is
        // U+0085, which Windows-1252 had as `…`.
        let text = "---\ntitle: \"a\\x96b\"\ndate: 2024-03-12\nauthor: \"Ana\\N\"\ntags: [\"\\u0085\", x]\ncategories:\n  - \"\\x81\"\n---\n";
        let mut err = parse_front_matter("a.md", text).unwrap_err();
        err.sort_by_key(|e| e.line);
        let found: Vec<_> = err.iter().map(|e| (e.line, &e.message[..27])).collect();
        assert_eq!(
            found,
            [
                (Some(2), "an escape in `title` writes"),
                (Some(4), "an escape in `author` write"),
                (Some(5), "an escape in `tags` writes "),
                (Some(6), "an escape in `categories` w"),
            ],
            "{err:?}"
        );
        assert!(err[0].message.ends_with("replace it with `–`"));
        assert!(err[1].message.ends_with("replace it with `…`"));
        assert!(err[3].message.ends_with("; remove it"));
        // A sidecar's too, at its own line numbers.
        let err = parse_sidecar("a.toml", "lang = \"de\"\ntitle = \"\\u0093Zitat\\u0094\"\n")
            .unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(2));
        assert!(err[0].message.ends_with("replace it with `“`"), "{err:?}");
        // Written as it is, the character is the file check's to report.
        let text = "+++\ntitle = \"Preis \u{96} Leistung\"\ndate = 2024-03-12\n+++\n";
        assert!(parse_front_matter("a.md", text).is_ok());
    }

    #[test]
    fn sidecar_rejects_unknown_keys() {
        let err = parse_sidecar("a.toml", "title = \"x\"\ntranslation-key = \"k\"\n").unwrap_err();
        assert_eq!(err[0].line, Some(2));
        let meta = parse_sidecar("a.toml", "translation_key = \"k\"\ntags = [\"a\"]").unwrap();
        assert_eq!(
            meta.translation_key.as_ref().map(|k| k.value.as_str()),
            Some("k")
        );
        // Hugo's spelling, as in front matter (contract §1b).
        let meta = parse_sidecar("a.toml", "translationKey = \"k\"").unwrap();
        assert_eq!(
            meta.translation_key.as_ref().map(|k| k.value.as_str()),
            Some("k")
        );
    }

    #[test]
    fn whole_numbers_stand_for_text_but_fractions_do_not() {
        let meta = parse_sidecar("a.toml", "id = 1234").unwrap();
        assert_eq!(meta.id.as_ref().map(|i| i.value.as_str()), Some("1234"));
        let err = parse_sidecar("a.toml", "slug = \"a\"\ntitle = 1.10").unwrap_err();
        assert_eq!(err[0].line, Some(2));
        assert!(err[0].message.contains("quotes"), "{}", err[0].message);
    }

    #[test]
    fn known_keys_are_matched_whatever_their_case() {
        let text = "---\nTitle: T\nDate: 2024-03-12\nDraft: true\nTranslationKey: k\nTags: [a]\nCategories: [b]\nSummary: S\n---\nText.\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.date.as_ref().unwrap().line, Some(3));
        assert!(meta.draft);
        let key = meta.translation_key.unwrap();
        assert_eq!((key.value.as_str(), key.line), ("k", Some(5)));
        assert_eq!(meta.tags, ["a", "b"]);
        assert_eq!(meta.summary.as_deref(), Some("S"));
        // Astro's `pubDate` is Hugo's `pubdate`; `translationkey` is
        // `translationKey`; TOML and sidecars are read alike.
        let text = "---\ntitle: T\npubDate: 2022-07-08\ntranslationkey: k\n---\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.date.unwrap().value, "2022-07-08");
        assert_eq!(meta.translation_key.unwrap().value, "k");
        let text = "+++\nTITLE = \"T\"\ndate = 2024-03-12\nDRAFT = true\n+++\n";
        assert!(parse_front_matter("a.md", text).unwrap().0.draft);
        let meta = parse_sidecar("a.toml", "Title = \"T\"\nDraft = true\n").unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert!(meta.draft);
        // Unknown keys are still unknown: ignored in front matter, an error
        // in a sidecar.
        let text = "---\ntitle: T\ndate: 2024-03-12\nWeight: 3\n---\n";
        assert!(parse_front_matter("a.md", text).is_ok());
        let err = parse_sidecar("a.toml", "Title = \"T\"\nTranslation-Key = \"k\"\n").unwrap_err();
        assert_eq!(err[0].line, Some(2));
        assert!(err[0]
            .message
            .starts_with("unknown field `Translation-Key`"));
        // A typo is told what it meant.
        let err = parse_sidecar("a.toml", "tranlsation_key = \"k\"\n").unwrap_err();
        assert!(err[0].message.starts_with(
            "unknown field `tranlsation_key`; did you mean `translation_key`? a sidecar may set"
        ));
        // A problem names the key, and its line, as the file writes it.
        let err = parse_front_matter("a.md", "---\ntitle: T\nDate: 2024-03-12\nTags: 3\n---\n")
            .unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(4));
        assert_eq!(
            err[0].message,
            "field `Tags` must be a list of strings, not a number"
        );
    }

    #[test]
    fn one_key_in_two_cases_must_agree() {
        let text = "---\ntitle: T\ndate: 2024-03-12\ndraft: false\nDraft: true\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(5));
        assert_eq!(
            err[0].message,
            "`Draft` and `draft` (line 4) are two names for one field and give it different values; keep one of them"
        );
        let text = "+++\nTitle = \"A\"\ntitle = \"B\"\ndate = 2024-03-12\n+++\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(3));
        assert!(err[0].message.starts_with("`title` and `Title` (line 2)"));
        // The same value twice is one field written twice.
        let text = "---\ntitle: T\ndate: 2024-03-12\ndraft: true\nDraft: true\n---\n";
        assert!(parse_front_matter("a.md", text).unwrap().0.draft);
    }

    #[test]
    fn jekyll_published_false_is_a_draft() {
        let meta = |fields: &str| {
            let text = format!("---\ntitle: T\n{fields}\n---\nText.\n");
            parse_front_matter("a.md", &text).unwrap().0
        };
        let unpublished = meta("date: 2024-03-12\npublished: false");
        assert!(unpublished.draft);
        assert_eq!(unpublished.date.unwrap().value, "2024-03-12");
        let published = meta("date: 2024-03-12\npublished: true");
        assert!(!published.draft);
        assert_eq!(published.publish_date, None);
        assert!(meta("date: 2024-03-12\nPublished: false").draft);
        // Quoted, and as YAML 1.1 wrote a boolean.
        assert!(meta("date: 2024-03-12\npublished: \"false\"").draft);
        assert!(meta("date: 2024-03-12\npublished: no").draft);
        assert!(!meta("date: 2024-03-12\npublished: \"yes\"").draft);
        // Written as a date, `published` is still Hugo's publication date.
        let dated = meta("published: 2024-03-12");
        assert!(!dated.draft);
        assert_eq!(dated.date.unwrap().value, "2024-03-12");
        let text = "+++\ntitle = \"T\"\ndate = 2024-03-12\npublished = false\n+++\n";
        assert!(parse_front_matter("a.md", text).unwrap().0.draft);
    }

    #[test]
    fn categories_of_jekyll_and_zola_are_tags() {
        let text = "+++\ntitle = \"T\"\ndate = 2024-03-12\ntags = [\"a\"]\n\n[taxonomies]\ntags = [\"b\", \"a\"]\ncategories = [\"news\"]\n+++\nText.\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.tags, ["a", "b", "news"]);
        let text = "---\ntitle: T\ndate: 2024-03-12\ncategory: news\ntags: [a]\n---\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.tags, ["a", "news"]);
        // A string with spaces is one category, as Hugo reads it.
        let text = "---\ntitle: T\ndate: 2024-03-12\ncategory: world news\n---\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        assert_eq!(meta.tags, ["world news"]);
    }

    #[test]
    fn docusaurus_authors_and_tags_tables() {
        let text = "---\ntitle: T\ndate: 2024-03-12\nauthors:\n  - name: Ana\n    title: Editor\n    url: https://example.org/ana\n    image_url: https://example.org/ana.png\n  - name: Bo\n    uri: https://example.org/bo\n    url: https://example.org/other\ntags:\n  - label: Space\n    permalink: /space\n  - news\n---\nText.\n";
        let (meta, _) = parse_front_matter("a.md", text).unwrap();
        let people: Vec<_> = meta
            .authors
            .iter()
            .map(|p| (p.name.as_str(), p.uri.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("Ana", Some("https://example.org/ana")),
                ("Bo", Some("https://example.org/bo"))
            ]
        );
        assert_eq!(meta.tags, ["Space", "news"]);
        // A table without a name, or a tag without a label, is still wrong.
        let text =
            "---\ntitle: T\ndate: 2024-03-12\nauthors:\n  - url: https://example.org/x\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert!(err[0].message.contains("missing field `name`"), "{err:?}");
        let text = "---\ntitle: T\ndate: 2024-03-12\ntags:\n  - permalink: /x\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(
            err[0].message,
            "field `tags` must be a list of strings, not a table"
        );
    }

    #[test]
    fn jekyll_ref_and_permalink() {
        let meta = |fields: &str| {
            let text = format!("---\ntitle: T\ndate: 2024-03-12\n{fields}\n---\nText.\n");
            parse_front_matter("a.md", &text).unwrap().0
        };
        let jekyll = meta("lang: de\nref: release-2\npermalink: /de/release-2/");
        assert_eq!(jekyll.translation_key.unwrap().value, "release-2");
        assert_eq!(jekyll.url.unwrap().value, "/de/release-2/");
        // A key of its own wins over `ref`; a pattern is no URL.
        let both = meta("translationKey: k\nref: r\npermalink: /:year/:title/");
        assert_eq!(both.translation_key.unwrap().value, "k");
        assert_eq!(both.url, None);
        assert!(meta("permalink: false").draft);
        assert!(!meta("permalink: true").draft);
    }

    #[test]
    fn other_generators_last_change_and_hidden_pages() {
        let meta = |fields: &str| {
            let text = format!("---\ntitle: T\ndate: 2024-03-12\n{fields}\n---\nText.\n");
            parse_front_matter("a.md", &text).unwrap().0
        };
        for field in [
            "modified: 2024-03-14",
            "updatedDate: 2024-03-14",
            "last_modified_at: 2024-03-14",
        ] {
            assert_eq!(meta(field).updated.unwrap().value, "2024-03-14", "{field}");
        }
        // `lastmod` is Hugo's own, and wins.
        let both = meta("lastmod: 2024-03-15\nmodified: 2024-03-14");
        assert_eq!(both.updated.unwrap().value, "2024-03-15");
        assert!(meta("eleventyExcludeFromCollections: true").draft);
        assert!(!meta("eleventyExcludeFromCollections: false").draft);
    }

    #[test]
    fn description_and_excerpt_stand_in_for_the_summary() {
        let meta = |fields: &str| {
            let text = format!("---\ntitle: T\ndate: 2024-03-12\n{fields}\n---\nText.\n");
            parse_front_matter("a.md", &text).unwrap().0
        };
        assert_eq!(meta("description: D").description.as_deref(), Some("D"));
        assert_eq!(meta("excerpt: E").description.as_deref(), Some("E"));
        assert_eq!(
            meta("excerpt: E\nDescription: D").description.as_deref(),
            Some("D")
        );
        let both = meta("summary: S\ndescription: D");
        assert_eq!(
            (both.summary.as_deref(), both.description),
            (Some("S"), None)
        );
    }

    #[test]
    fn a_tab_indenting_yaml_is_named() {
        let text = "---\ntitle: T\ndate: 2024-03-12\ntags:\n\t- un\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(5));
        assert!(
            err[0].message.starts_with(
                "invalid YAML at column 1: found character that cannot start any token"
            ) && err[0]
                .message
                .ends_with("; YAML does not allow tabs for indentation: indent with spaces"),
            "{err:?}"
        );
        // Another character that cannot start a token is no tab.
        let text = "---\ntitle: T\ndate: 2024-03-12\ntags: @x\n---\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert!(
            err[0].message.contains("cannot start any token") && !err[0].message.contains("tab"),
            "{err:?}"
        );
    }

    #[test]
    fn an_unclosed_toml_string_is_named() {
        let text = "+++\ntitle = \"Launch\ndate = 2024-03-12\n+++\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, Some(2));
        assert_eq!(
            err[0].message,
            "invalid TOML: invalid basic string; the string is not closed: end it with `\"` on the same line"
        );
        let text = "+++\ndate = 2024-03-12\ntitle = 'Launch\n+++\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert_eq!(err[0].line, Some(3));
        assert!(
            err[0].message.ends_with("end it with `'` on the same line"),
            "{err:?}"
        );
        // A string closed on its line is wrong for another reason.
        let text = "+++\ntitle = \"a\u{7}b\"\ndate = 2024-03-12\n+++\n";
        let err = parse_front_matter("a.md", text).unwrap_err();
        assert!(!err[0].message.contains("not closed"), "{err:?}");
    }
}
