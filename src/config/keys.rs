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

/// Every problem of the configuration `text`, in the order of the file.
pub(super) fn check(text: &str) -> Vec<ConfigProblem> {
    let document = match ImDocument::parse(text) {
        Ok(document) => document,
        Err(e) => {
            return vec![ConfigProblem {
                line: e.span().map(|span| line_of(text, span.start)),
                message: e.message().to_string(),
            }]
        }
    };
    let mut checker = Checker {
        text,
        problems: Vec::new(),
    };
    checker.root(document.as_table());
    // In the order of the file; those without a line last.
    checker.problems.sort_by_key(|p| (p.line.is_none(), p.line));
    checker.problems
}

/// The 1-based line of byte `offset` in `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

struct Checker<'t> {
    text: &'t str,
    problems: Vec<ConfigProblem>,
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
                let near = known
                    .iter()
                    .find(|k| edit_distance(k, name) <= 2)
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
                        self.each(key.line, Values::base_url(value));
                    }
                }
                "id_base_url" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::id_base_url(value));
                    }
                }
                "title" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::site_title(value));
                    }
                }
                "url_pattern" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::url_pattern(value));
                    }
                }
                "feeds_url" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::url("feeds_url", value, UrlUse::Folder));
                    }
                }
                "timezone" => {
                    if let Some(value) = self.string(&key) {
                        self.each(key.line, Values::timezone(value));
                    }
                }
                "max_entries" => self.whole_number(&key, 0, u64::MAX, "0 means every article"),
                "max_article_bytes" => {
                    self.whole_number(&key, 1, u64::MAX, "the default is 4194304, 4 MiB")
                }
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

    fn whole_number(&mut self, key: &Key, min: u64, max: u64, note: &str) {
        let expected = match min {
            0 => "a whole number, 0 or more".to_string(),
            min => format!("a whole number, {min} or more"),
        };
        match key.item.as_integer() {
            Some(n) if n >= 0 && (min..=max).contains(&(n as u64)) => {}
            Some(n) => self.push(
                key.line,
                format!("`{}` must be {expected} ({note}), not {n}", key.shown),
            ),
            None => self.wrong_type(key, &format!("{expected} ({note})")),
        }
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
                    let problems = match name.as_str() {
                        "home_url" => Values::url(&field.shown, value, UrlUse::Page),
                        _ => Values::feed_text(tag, &name, value),
                    };
                    self.each(field.line, problems);
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
                self.whole_number(&field, 0, u64::from(u32::MAX), "a number of days");
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

/// Levenshtein distance, for suggesting the key a typo meant.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(Option<usize>, String)> {
        check(text)
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
}
