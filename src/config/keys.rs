//! Every key of `babelfeed.toml` checked on its own, with its line, before
//! the file is read into [`super::Config`].
//!
//! Reading the file straight into the struct stops at the first problem,
//! in serde's words (`invalid value: integer -1, expected usize`, `data did
//! not match any variant of untagged enum`). A publisher fixing a file
//! from cron mail should see every problem at once, each in the terms of
//! the README, at the line it is on.

use toml_edit::{ImDocument, Item, TableLike, Value};

use super::{ConfigProblem, UrlUse, Values};

/// The keys of the file, as `Config` reads them.
const ROOT_KEYS: &[&str] = &[
    "base_url",
    "id_base_url",
    "title",
    "url_pattern",
    "feeds_url",
    "timezone",
    "max_entries",
    "content",
    "default_author",
    "detect_languages",
    "languages",
    "pairing",
    "max_article_bytes",
];
const LANGUAGE_KEYS: &[&str] = &["title", "description", "home_url", "date_order"];
const PAIRING_KEYS: &[&str] = &["min_score", "ambiguity_ratio", "max_days_apart"];
const AUTHOR_KEYS: &[&str] = &["name", "email", "uri"];

/// The whole-number keys: the least each may be, the most, and what the
/// number means, as the README says it.
const WHOLE_NUMBERS: &[(&str, u64, u64, &str)] = &[
    ("max_entries", 0, u64::MAX, "0 means every entry"),
    (
        "max_article_bytes",
        1,
        u64::MAX,
        "the default is 4194304, 4 MiB",
    ),
    (
        "pairing.max_days_apart",
        0,
        u32::MAX as u64,
        "a number of days",
    ),
];

/// What the configuration `text` holds that is wrong, or likely not
/// what was meant.
pub(super) struct Checked {
    /// Every problem, in the order of the file: the file is not used.
    pub problems: Vec<ConfigProblem>,
    /// What is used as written but probably not meant (a path that
    /// repeats base_url's), in the order of the file.
    pub warnings: Vec<ConfigProblem>,
}

/// Every problem of the configuration `text`, in the order of the file.
pub(super) fn check(text: &str) -> Checked {
    let document = match ImDocument::parse(text) {
        Ok(document) => document,
        Err(e) => {
            let at = e.span().map(|span| span.start);
            return Checked {
                problems: vec![ConfigProblem {
                    line: at.map(|at| line_of(text, at)),
                    message: syntax_error(text, at, e.message()),
                }],
                warnings: Vec::new(),
            };
        }
    };
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        warnings: Vec::new(),
        base_url: None,
        paths: Vec::new(),
    };
    checker.root(document.as_table());
    checker.paths_that_repeat_base_url();
    // In the order of the file; those without a line last.
    for found in [&mut checker.problems, &mut checker.warnings] {
        found.sort_by_key(|p| (p.line.is_none(), p.line));
    }
    Checked {
        problems: checker.problems,
        warnings: checker.warnings,
    }
}

/// TOML's words for a file it cannot read, with the key of the line and
/// what to write where they alone would not tell a publisher: "invalid
/// string; expected `\"`" for a URL without quotes, "number too large to
/// fit in target type" without saying which number.
fn syntax_error(text: &str, at: Option<usize>, message: &str) -> String {
    let message = message.trim();
    let Some((shown, key, value)) = at.and_then(|at| key_at(text, at)) else {
        return message.to_string();
    };
    if message.starts_with("invalid string") {
        return format!(
            "`{shown}`: text in TOML is written in quotes: {key} = \"{}\"",
            value.trim_matches(['"', '\''])
        );
    }
    if message.contains("number too large") {
        let what = match WHOLE_NUMBERS.iter().find(|(name, ..)| *name == shown) {
            Some((_, min, _, note)) => format!(
                "; `{shown}` must be {} ({note})",
                whole_number_expected(*min)
            ),
            None => String::new(),
        };
        return format!(
            "`{shown}` = {value} is too large: a whole number in TOML is at most {}{what}",
            i64::MAX
        );
    }
    message.to_string()
}

/// The key written on the line of byte `at` (`max_entries` in
/// `max_entries = 20`), named with the table it is in
/// (`pairing.max_days_apart`), with the key and the value as written.
/// Read from the text, as the file could not be parsed.
fn key_at(text: &str, at: usize) -> Option<(String, &str, &str)> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let (key, value) = text[start..end].split_once('=')?;
    let key = key.trim();
    if key.is_empty() || key.starts_with(['[', '#']) {
        return None;
    }
    let table = text[..start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| line.starts_with('[') && !line.starts_with("[["))
        .and_then(|header| header.strip_prefix('['))
        .and_then(|header| header.split(']').next())
        .map(str::trim);
    let bare = key.trim_matches(['"', '\'']);
    let shown = match table {
        Some(table) => format!("{table}.{bare}"),
        None => bare.to_string(),
    };
    // A comment after a value without quotes is no part of it.
    let value = value.split(" #").next().unwrap_or(value);
    Some((shown, key, value.trim()))
}

/// The 1-based line of byte `offset` in `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

struct Checker<'t> {
    text: &'t str,
    problems: Vec<ConfigProblem>,
    warnings: Vec<ConfigProblem>,
    /// `base_url` as written, when it is a good one.
    base_url: Option<String>,
    /// The good settings written as a path from `base_url` (`feeds_url =
    /// "/feeds/"`): the key, the value and its line.
    paths: Vec<(String, String, Option<usize>)>,
}

/// One key of a table: its name as the README writes it, and its line.
struct Key<'a> {
    shown: String,
    line: Option<usize>,
    item: &'a Item,
}

impl Checker<'_> {
    fn push(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.problems.push(ConfigProblem {
            line,
            message: message.into(),
        });
    }

    /// The keys of `table`, each named `prefix` + key; unknown ones are
    /// reported here, all of them.
    fn keys<'a>(
        &mut self,
        table: &'a dyn TableLike,
        prefix: &str,
        known: &[&str],
    ) -> Vec<(String, Key<'a>)> {
        let mut keys = Vec::new();
        for (name, item) in table.iter() {
            let span = table
                .key(name)
                .and_then(|key| key.span())
                .or_else(|| item.span());
            let key = Key {
                shown: format!("{prefix}{name}"),
                line: span.map(|span| line_of(self.text, span.start)),
                item,
            };
            if known.contains(&name) {
                keys.push((name.to_string(), key));
            } else {
                let near = near_key(name, known)
                    .map(|k| format!("did you mean `{prefix}{k}`? "))
                    .unwrap_or_default();
                let where_ = match prefix.strip_suffix('.') {
                    Some(table) => format!(" in [{table}]"),
                    None => String::new(),
                };
                self.push(
                    key.line,
                    format!(
                        "unknown key `{name}`{where_}; {near}the keys are {}",
                        known.join(", ")
                    ),
                );
            }
        }
        keys
    }

    fn root(&mut self, table: &dyn TableLike) {
        for (name, key) in self.keys(table, "", ROOT_KEYS) {
            match name.as_str() {
                "base_url" => {
                    if let Some(value) = self.string(&key) {
                        let problems = Values::base_url(value);
                        if problems.is_empty() {
                            self.base_url = Some(value.to_string());
                            self.warn(key.line, Values::page_not_folder("base_url", value));
                        }
                        self.each(key.line, problems);
                    }
                }
                "id_base_url" => {
                    if let Some(value) = self.string(&key) {
                        let problems = Values::id_base_url(value);
                        if problems.is_empty() {
                            self.warn(key.line, Values::page_not_folder("id_base_url", value));
                        }
                        self.each(key.line, problems);
                    }
                }
                "title" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::site_title(value));
                    }
                }
                "url_pattern" => {
                    if let Some(value) = self.string(&key) {
                        self.path(&key, value, Values::url_pattern(value));
                    }
                }
                "feeds_url" => {
                    if let Some(value) = self.string(&key) {
                        let problems = Values::url("feeds_url", value, UrlUse::Folder);
                        if problems.is_empty() {
                            self.warn(key.line, Values::page_not_folder("feeds_url", value));
                        }
                        self.path(&key, value, problems);
                    }
                }
                "timezone" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::timezone(value));
                    }
                }
                "max_entries" | "max_article_bytes" => self.whole_number(&key),
                "content" => self.one_of(&key, &["full", "summary"]),
                "default_author" => self.default_author(&key),
                "detect_languages" => self.detect_languages(&key),
                "languages" => self.languages(&key),
                "pairing" => self.pairing(&key),
                _ => unreachable!("every key of ROOT_KEYS is checked"),
            }
        }
    }

    fn each(&mut self, line: Option<usize>, problems: Vec<String>) {
        for message in problems {
            self.push(line, message);
        }
    }

    fn warn(&mut self, line: Option<usize>, warning: Option<String>) {
        if let Some(message) = warning {
            self.warnings.push(ConfigProblem { line, message });
        }
    }

    /// A setting that may be a path from `base_url`: its `problems`, or
    /// when it has none, the path kept for
    /// [`Self::paths_that_repeat_base_url`].
    fn path(&mut self, key: &Key, value: &str, problems: Vec<String>) {
        if problems.is_empty() && !crate::address::is_absolute_url(value) {
            self.paths
                .push((key.shown.clone(), value.to_string(), key.line));
        }
        self.each(key.line, problems);
    }

    /// A path that starts with base_url's own (`feeds_url = "/press/feeds/"`
    /// under `https://example.org/press/`) is added to base_url all the
    /// same, and the URL holds its path twice: warned about, since a site
    /// may have such a folder, but a publisher copying the path from the
    /// browser's address bar more likely meant the URL without it.
    fn paths_that_repeat_base_url(&mut self) {
        let Some(base_url) = self.base_url.clone() else {
            return;
        };
        for (key, value, line) in std::mem::take(&mut self.paths) {
            self.warn(line, Values::repeated_base_path(&base_url, &key, &value));
        }
    }

    /// The key's text, or `None` after reporting that it is not text.
    fn string<'a>(&mut self, key: &Key<'a>) -> Option<&'a str> {
        match key.item.as_str() {
            Some(text) => Some(text),
            None => {
                self.wrong_type(key, "text in quotes");
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &Key, expected: &str) {
        self.push(
            key.line,
            format!("`{}` must be {expected}, not {}", key.shown, kind(key.item)),
        );
    }

    /// One of [`WHOLE_NUMBERS`]: a fraction (`20.5`) is shown as written,
    /// since "not a number" would puzzle whoever wrote it.
    fn whole_number(&mut self, key: &Key) {
        let Some(&(_, min, max, note)) = WHOLE_NUMBERS.iter().find(|(name, ..)| *name == key.shown)
        else {
            unreachable!("`{}` is in WHOLE_NUMBERS", key.shown)
        };
        let expected = whole_number_expected(min);
        let not = match key.item.as_value() {
            Some(Value::Integer(n))
                if *n.value() >= 0 && (min..=max).contains(&(*n.value() as u64)) =>
            {
                return
            }
            Some(Value::Integer(n)) => n.value().to_string(),
            Some(Value::Float(f)) => f.value().to_string(),
            _ => kind(key.item).to_string(),
        };
        self.push(
            key.line,
            format!("`{}` must be {expected} ({note}), not {not}", key.shown),
        );
    }

    fn one_of(&mut self, key: &Key, allowed: &[&str]) {
        let listed = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(" or ");
        match key.item.as_str() {
            Some(value) if allowed.contains(&value) => {}
            Some(value) => self.push(
                key.line,
                format!("`{}` must be {listed}, not \"{value}\"", key.shown),
            ),
            None => self.wrong_type(key, &listed),
        }
    }

    fn default_author(&mut self, key: &Key) {
        let expected = "a name in quotes or a table such as { name = \"…\", email = \"…\" }";
        if let Some(name) = key.item.as_str() {
            self.each(key.line, Values::author_name("default_author", name));
            return;
        }
        let Some(table) = key.item.as_table_like() else {
            self.wrong_type(key, expected);
            return;
        };
        let mut named = false;
        for (name, field) in self.keys(table, "default_author.", AUTHOR_KEYS) {
            if let Some(value) = self.string(&field) {
                match name.as_str() {
                    "name" => {
                        named = true;
                        self.each(field.line, Values::author_name("default_author", value));
                    }
                    "email" => self.each(field.line, Values::author_email("default_author", value)),
                    "uri" => self.each(field.line, Values::author_uri("default_author", value)),
                    _ => {}
                }
            }
        }
        if !named && table.get("name").is_none() {
            self.push(
                key.line,
                "`default_author` needs a `name`: { name = \"…\", email = \"…\" }",
            );
        }
    }

    fn detect_languages(&mut self, key: &Key) {
        let expected = "a list of language tags such as [\"de\", \"fr\"]";
        let Some(list) = key.item.as_array() else {
            self.wrong_type(key, expected);
            return;
        };
        if list.is_empty() {
            self.each(key.line, Values::detect_languages(&[]));
        }
        for value in list.iter() {
            match value.as_str() {
                Some(tag) => self.each(key.line, Values::language_tag("detect_languages", tag)),
                None => self.push(
                    key.line,
                    format!(
                        "`detect_languages` must be {expected}; it holds {}",
                        value_kind(value)
                    ),
                ),
            }
        }
    }

    fn languages(&mut self, key: &Key) {
        let Some(table) = key.item.as_table_like() else {
            self.wrong_type(key, "tables such as [languages.de]");
            return;
        };
        for (tag, language) in table.iter() {
            let span = table
                .key(tag)
                .and_then(|key| key.span())
                .or_else(|| language.span());
            let line = span.map(|span| line_of(self.text, span.start));
            let place = format!("[languages.{tag}]");
            self.each(line, Values::language_tag(&place, tag));
            let Some(settings) = language.as_table_like() else {
                self.push(
                    line,
                    format!(
                        "`languages.{tag}` must be a table ({place} with title, description, home_url, date_order), not {}",
                        kind(language)
                    ),
                );
                continue;
            };
            let prefix = format!("languages.{tag}.");
            for (name, field) in self.keys(settings, &prefix, LANGUAGE_KEYS) {
                if name == "date_order" {
                    self.one_of(&field, &["dmy", "mdy"]);
                } else if let Some(value) = self.string(&field) {
                    match name.as_str() {
                        "home_url" => {
                            let problems = Values::url(&field.shown, value, UrlUse::Page);
                            self.path(&field, value, problems);
                        }
                        _ => self.each(field.line, Values::feed_text(tag, &name, value)),
                    }
                }
            }
        }
    }

    fn pairing(&mut self, key: &Key) {
        let Some(table) = key.item.as_table_like() else {
            self.wrong_type(key, "a table: [pairing]");
            return;
        };
        for (name, field) in self.keys(table, "pairing.", PAIRING_KEYS) {
            if name == "max_days_apart" {
                self.whole_number(&field);
                continue;
            }
            let value = match field.item.as_value() {
                Some(Value::Float(f)) => *f.value(),
                Some(Value::Integer(i)) => *i.value() as f64,
                _ => {
                    self.wrong_type(&field, "a number between 0 and 1");
                    continue;
                }
            };
            self.each(field.line, Values::score(&field.shown, value));
        }
    }
}

/// What a value is, in the README's words.
fn kind(item: &Item) -> &'static str {
    match item {
        Item::None => "nothing",
        Item::Value(value) => value_kind(value),
        Item::Table(_) => "a table",
        Item::ArrayOfTables(_) => "a list of tables",
    }
}

fn value_kind(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "text",
        Value::Integer(_) => "a whole number",
        Value::Float(_) => "a number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "a list",
        Value::InlineTable(_) => "a table",
    }
}

/// "a whole number, 0 or more"
fn whole_number_expected(min: u64) -> String {
    format!("a whole number, {min} or more")
}

/// The key of `known` that `written` is most likely a slip for: the same
/// but for case and `_` or `-` (Hugo's `baseURL`, `maxEntries`), one or
/// two letters away (`titel`), singular for plural (`max_entry`), or the
/// start of only one key (`detect`).
fn near_key<'k>(written: &str, known: &[&'k str]) -> Option<&'k str> {
    let loose = |key: &str| -> String {
        key.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let singular = |key: &str| -> String {
        if let Some(stem) = key.strip_suffix("ies") {
            format!("{stem}y")
        } else if key.ends_with('s') && !key.ends_with("ss") {
            key[..key.len() - 1].to_string()
        } else {
            key.to_string()
        }
    };
    let written = loose(written);
    let keys: Vec<(&str, String)> = known.iter().map(|&k| (k, loose(k))).collect();
    if let Some((key, _)) = keys.iter().find(|(_, k)| *k == written) {
        return Some(key);
    }
    let written_singular = singular(&written);
    if let Some((key, _)) = keys.iter().find(|(_, k)| singular(k) == written_singular) {
        return Some(key);
    }
    if let Some(key) =
        crate::spelling::nearest(&written, keys.iter().map(|(key, k)| (*key, k.as_str())))
    {
        return Some(key);
    }
    let starts: Vec<&str> = keys
        .iter()
        .filter(|(_, k)| written.len() >= 3 && k.starts_with(&written))
        .map(|(key, _)| *key)
        .collect();
    match starts.as_slice() {
        [key] => Some(key),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(Option<usize>, String)> {
        check(text)
            .problems
            .into_iter()
            .map(|p| (p.line, p.message))
            .collect()
    }

    #[test]
    fn every_key_is_one_config_reads() {
        let text = "base_url = \"https://a.org\"\nid_base_url = \"http://a.org\"\ntitle = \"A\"\nurl_pattern = \"/{slug}/\"\nfeeds_url = \"/f/\"\ntimezone = \"UTC\"\nmax_entries = 0\ncontent = \"summary\"\ndefault_author = { name = \"N\", email = \"n@a.org\", uri = \"https://a.org\" }\ndetect_languages = [\"de\"]\nmax_article_bytes = 10\n[languages.de]\ntitle = \"T\"\ndescription = \"D\"\nhome_url = \"/de/\"\ndate_order = \"mdy\"\n[pairing]\nmin_score = 1\nambiguity_ratio = 0.5\nmax_days_apart = 0\n";
        assert_eq!(problems(text), vec![]);
        let config: super::super::Config = toml::from_str(text).unwrap();
        assert_eq!(config.max_entries, 0);
    }

    #[test]
    fn messages_say_what_is_expected_at_the_line() {
        let found = problems("\nmax_entries = -1\n");
        assert_eq!(found[0].0, Some(2));
        assert!(
            found[0]
                .1
                .contains("`max_entries` must be a whole number, 0 or more")
                && !found[0].1.contains("usize"),
            "{found:?}"
        );
        let found = problems(
            "[default_author]\nname = \"Desk\"\nemail = \"bad email@\"\nuri = \"edge desk\"\n",
        );
        let lines: Vec<Option<usize>> = found.iter().map(|f| f.0).collect();
        assert_eq!(lines, [Some(3), Some(4)], "{found:?}");
        assert!(found[0].1.contains("no e-mail address") && found[1].1.contains("no absolute URL"));
        let found = problems("default_author = { email = \"x@y.org\" }\n");
        assert_eq!(found[0].0, Some(1));
        assert!(
            found[0].1.contains("`default_author` needs a `name`"),
            "{found:?}"
        );
        let found = problems("[pairing]\nmax_days_apart = -3\n");
        assert_eq!(found[0].0, Some(2));
        assert!(found[0]
            .1
            .contains("`pairing.max_days_apart` must be a whole number"));
        let found = problems("[languages.de]\ntitel = \"x\"\n");
        assert_eq!(found[0].0, Some(2));
        assert!(
            found[0].1.contains("did you mean `languages.de.title`"),
            "{found:?}"
        );
        let found = problems("content = 5\n");
        assert!(found[0]
            .1
            .contains("must be \"full\" or \"summary\", not a whole number"));
    }

    #[test]
    fn every_problem_is_found_in_one_pass() {
        let text = "base_url = \"news.example.org\"\ntimezone = \"Europe/Berln\"\nurl_pattern = \"/{lang}/{yr}/\"\nmax_entries = -1\ncontent = \"partial\"\ncolour = \"red\"\n[languages.xx]\ntitle = \"X\"\n[languages.de]\ntitel = \"typo\"\ndate_order = \"ymd\"\n[pairing]\nmin_score = 1.5\n";
        let found = problems(text);
        let lines: Vec<Option<usize>> = found.iter().map(|(line, _)| *line).collect();
        assert_eq!(
            lines,
            [1, 2, 3, 3, 4, 5, 6, 7, 10, 11, 13].map(Some),
            "{found:#?}"
        );
    }

    #[test]
    fn empty_values_that_make_invalid_feeds_are_errors() {
        for text in [
            "detect_languages = []\n",
            "[languages.de]\ntitle = \"\"\n",
            "[languages.de]\ndescription = \" \"\n",
            "default_author = \"\"\n",
            "title = \"\"\n",
        ] {
            assert_eq!(problems(text).len(), 1, "{text}");
        }
    }

    /// Hugo's `baseURL`, a plural written singular: a publisher's slips
    /// of case, `_` and number are told the key; a start shared by two
    /// keys (`max`) is no guess.
    #[test]
    fn a_key_written_otherwise_is_told_the_key() {
        for (written, meant) in [
            ("baseURL", "base_url"),
            ("BaseUrl", "base_url"),
            ("max_entry", "max_entries"),
            ("maxEntries", "max_entries"),
            ("max-entries", "max_entries"),
            ("timeZone", "timezone"),
            ("time_zone", "timezone"),
            ("language", "languages"),
            ("detect", "detect_languages"),
            ("titel", "title"),
        ] {
            let found = problems(&format!("{written} = 1\n"));
            assert!(
                found[0].1.contains(&format!("did you mean `{meant}`?")),
                "{written}: {found:?}"
            );
        }
        for written in ["max", "colour"] {
            let found = problems(&format!("{written} = 1\n"));
            assert!(!found[0].1.contains("did you mean"), "{found:?}");
        }
        let found = problems("[pairing]\nminScore = 0.5\n");
        assert!(
            found[0].1.contains("did you mean `pairing.min_score`?"),
            "{found:?}"
        );
    }

    /// "not a number" for 20.5, and TOML's "number too large to fit in
    /// target type" without a key, told nobody what to write.
    #[test]
    fn a_bad_number_is_told_with_its_key_and_what_is_expected() {
        let found = problems("title = \"T\"\nmax_entries = 20.5\n");
        assert_eq!(found[0].0, Some(2));
        assert_eq!(
            found[0].1,
            "`max_entries` must be a whole number, 0 or more (0 means every entry), not 20.5"
        );
        let found = problems("title = \"T\"\nmax_entries = 99999999999999999999\n");
        assert_eq!(found[0].0, Some(2), "{found:?}");
        assert!(
            found[0]
                .1
                .starts_with("`max_entries` = 99999999999999999999 is too large")
                && found[0]
                    .1
                    .contains("must be a whole number, 0 or more (0 means every entry)"),
            "{found:?}"
        );
        let found = problems("[pairing]\nmin_score = 0.5\nmax_days_apart = 1e30\n");
        assert!(
            found[0]
                .1
                .contains("`pairing.max_days_apart` must be a whole number"),
            "{found:?}"
        );
        let found = problems("[pairing]\nmax_days_apart = 99999999999999999999\n");
        assert!(
            found[0].1.starts_with("`pairing.max_days_apart` = 9999"),
            "{found:?}"
        );
    }

    /// TOML's "invalid string; expected `\"`, `'`" does not say that text
    /// is written in quotes.
    #[test]
    fn text_without_quotes_is_told_to_be_quoted_at_its_line() {
        let found = problems("title = \"T\"\nbase_url = https://blog.example.net # the blog\n");
        assert_eq!(
            found,
            [(
                Some(2),
                "`base_url`: text in TOML is written in quotes: base_url = \"https://blog.example.net\""
                    .to_string()
            )]
        );
        let found = problems("[languages.de]\ntitle = Nachrichten\n");
        assert!(
            found[0]
                .1
                .starts_with("`languages.de.title`: text in TOML is written in quotes"),
            "{found:?}"
        );
    }

    fn warnings(text: &str) -> Vec<(Option<usize>, String)> {
        let checked = check(text);
        assert_eq!(checked.problems, [], "{text}");
        checked
            .warnings
            .into_iter()
            .map(|p| (p.line, p.message))
            .collect()
    }

    /// A path copied with base_url's own at its start holds it twice in
    /// every URL made from it: `/press/press/feeds/`.
    #[test]
    fn a_path_that_repeats_base_url_s_is_warned_about_at_its_line() {
        let found = warnings(
            "feeds_url = \"/press/feeds/\"\nbase_url = \"https://example.org/press/\"\nurl_pattern = \"/press/{lang}/{slug}/\"\n[languages.de]\nhome_url = \"/press/de/\"\n[languages.it]\nhome_url = \"/pressroom/it/\"\n[languages.fr]\nhome_url = \"https://example.org/press/press/\"\n",
        );
        let lines: Vec<Option<usize>> = found.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [Some(1), Some(3), Some(5)], "{found:#?}");
        assert_eq!(
            found[0].1,
            "`feeds_url` `/press/feeds/` is taken relative to base_url (https://example.org/press), which gives https://example.org/press/press/feeds/; if that is not meant, drop /press from its start: `/feeds/`"
        );
        assert!(
            found[1]
                .1
                .contains("gives https://example.org/press/press/{lang}/{slug}/"),
            "{found:?}"
        );
        assert!(
            found[2].1.contains("`languages.de.home_url` `/press/de/`"),
            "{found:?}"
        );
        // Without a path of its own, base_url has none to repeat.
        assert_eq!(
            warnings("base_url = \"https://example.org\"\nfeeds_url = \"/feeds/\"\n"),
            []
        );
    }

    #[test]
    fn a_base_url_that_names_a_page_is_warned_about() {
        let found = warnings("base_url = \"https://blog.example.net/index.html\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Some(1));
        assert!(
            found[0].1.contains("looks like a page, not a folder")
                && found[0]
                    .1
                    .contains("write the folder, `https://blog.example.net/`"),
            "{found:?}"
        );
        let found = warnings("feeds_url = \"/news/feeds.PHP\"\n");
        assert!(found[0].1.contains("`/news/`"), "{found:?}");
        for folder in [
            "base_url = \"https://blog.example.net/\"\n",
            "base_url = \"https://blog.example.net/v1.2\"\n",
            "base_url = \"https://blog.example.net/index.html/\"\n",
        ] {
            assert_eq!(warnings(folder), [], "{folder}");
        }
    }
}
