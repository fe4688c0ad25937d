//! `babelfeed.toml`: what a publisher can set, and the defaults that let the
//! shipped sample build with no file at all.
//!
//! Unknown keys are an error rather than silently ignored, because a typo in
//! `max_entries` or `base_url` would otherwise publish feeds that quietly do
//! the wrong thing from cron for months.

use std::collections::BTreeMap;
use std::path::Path;

use chrono_tz::Tz;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::infer::date::DateOrder;
use crate::model::Person;

mod keys;

/// The configuration's file name, looked for in the working folder.
pub const CONFIG_FILE_NAME: &str = "babelfeed.toml";

/// What [`Settings::load`] found.
#[derive(Debug)]
pub struct LoadedConfig {
    pub settings: Settings,
    /// Why the built-in defaults are used, when no file was found: to
    /// show as a warning (it is about no file, so it is no diagnostic).
    pub defaults_used: Option<String>,
    /// Values used as written that are likely not what was meant, at
    /// their lines in the file.
    pub warnings: Vec<Diagnostic>,
}

/// Languages detected among when the configuration lists none: the five the
/// format contract names. Listing more in `[languages]` widens detection.
pub const DEFAULT_LANGUAGES: &[&str] = &["de", "en", "es", "fr", "it"];

/// Whether feeds carry the whole article or only its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ContentMode {
    #[default]
    Full,
    Summary,
}

/// Per-language settings, `[languages.<tag>]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// Feed title in that language.
    pub title: Option<String>,
    /// Feed description / subtitle in that language.
    pub description: Option<String>,
    /// The site's home page in that language (default `{base_url}/{lang}/`).
    pub home_url: Option<String>,
    /// How an all-numeric slash date is read in articles of that language.
    pub date_order: Option<DateOrderSetting>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrderSetting {
    Dmy,
    Mdy,
}

/// Settings for inferring which plain-text articles translate each other.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PairingConfig {
    /// Lowest score (0..1) at which two articles are linked.
    pub min_score: f64,
    /// A runner-up scoring at least this fraction of the best candidate makes
    /// the match ambiguous, and it is left unlinked.
    pub ambiguity_ratio: f64,
    /// Largest distance in days between the dates of two translations.
    pub max_days_apart: u32,
}

impl Default for PairingConfig {
    fn default() -> Self {
        PairingConfig {
            min_score: 0.35,
            ambiguity_ratio: 0.8,
            max_days_apart: 1,
        }
    }
}

/// The `babelfeed.toml` file as written, every key optional.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Absolute URL of the site, e.g. `https://news.example.org`.
    pub base_url: String,
    /// The base URL entry and feed ids are made from; default `base_url`.
    /// A site that moves sets it to its old `base_url`, so that its ids,
    /// which readers hold, stay.
    pub id_base_url: Option<String>,
    /// Site name, used in feed titles that the configuration does not set.
    pub title: Option<String>,
    /// Article URL pattern; relative patterns are joined to `base_url`.
    pub url_pattern: String,
    /// Where the output folder is served; relative to `base_url` unless absolute.
    pub feeds_url: String,
    /// IANA time zone for date-only values and for the URL date parts.
    pub timezone: String,
    /// Entries per feed, newest first; 0 means every article.
    pub max_entries: usize,
    /// `full` (summary and whole article) or `summary` (summary only).
    pub content: ContentMode,
    /// Author of articles that name none.
    pub default_author: Option<AuthorSetting>,
    /// Languages to detect among; default: de, en, es, fr, it and every
    /// language that has a `[languages.<tag>]` table.
    pub detect_languages: Option<Vec<String>>,
    /// Feed settings per language.
    pub languages: BTreeMap<String, LanguageConfig>,
    pub pairing: PairingConfig,
    /// Largest article (or sidecar) file read, in bytes; a larger file is
    /// an error, so a stray export or binary cannot swell the feeds.
    pub max_article_bytes: u64,
}

/// A news article is a few kilobytes; a few megabytes is certainly
/// something else.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

/// `default_author = "Name"` or `default_author = { name = "…", email = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AuthorSetting {
    Name(String),
    Person(Person),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base_url: "https://example.com".to_string(),
            id_base_url: None,
            title: None,
            url_pattern: "/{lang}/{year}/{month}/{day}/{slug}/".to_string(),
            feeds_url: "/feeds/".to_string(),
            timezone: "UTC".to_string(),
            max_entries: 50,
            content: ContentMode::Full,
            default_author: None,
            detect_languages: None,
            languages: BTreeMap::new(),
            pairing: PairingConfig::default(),
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// The configuration checked and resolved into the values the pipeline uses.
#[derive(Debug, Clone)]
pub struct Settings {
    pub base_url: String,
    /// What entry and feed ids are made from: `id_base_url` in canonical
    /// form, else `base_url`. Resolved, so that leaving it out and writing
    /// the base URL are one setting (the cache is keyed on them).
    pub id_base_url: String,
    pub site_title: String,
    pub url_pattern: String,
    pub feeds_url: String,
    /// `feeds_url` as it is joined to `id_base_url`, for the feeds' ids.
    pub feed_ids_url: String,
    pub timezone: Tz,
    pub max_entries: usize,
    pub content: ContentMode,
    pub default_author: Option<Person>,
    /// Languages to detect among, as configured tags (`de`, `de-CH`).
    pub detect_languages: Vec<String>,
    /// Whether the configuration lists them (`detect_languages`); else
    /// they are its `[languages.*]` and the defaults.
    pub detect_languages_listed: bool,
    pub languages: BTreeMap<String, LanguageConfig>,
    pub pairing: PairingConfig,
    pub max_article_bytes: u64,
}

/// What went wrong with the configuration: every problem found, each
/// with the line of the key it is about where there is one.
#[derive(Debug)]
pub struct ConfigError {
    /// The configuration file as the user named it.
    pub path: String,
    pub problems: Vec<ConfigProblem>,
}

/// One bad key or value of the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// 1-based line in the configuration file.
    pub line: Option<usize>,
    pub message: String,
}

impl ConfigError {
    fn one(path: &str, line: Option<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: path.to_string(),
            problems: vec![ConfigProblem {
                line,
                message: message.into(),
            }],
        }
    }

    /// The problems as diagnostics on the configuration file, as `check`
    /// lists those of the articles (and `--format json` prints them).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.problems
            .iter()
            .map(|p| Diagnostic::error(self.path.as_str(), p.line, p.message.as_str()))
            .collect()
    }
}

/// One line per problem, `path:line: message`.
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (at, problem) in self.problems.iter().enumerate() {
            if at > 0 {
                writeln!(f)?;
            }
            match problem.line {
                Some(line) => write!(f, "{}:{line}: {}", self.path, problem.message)?,
                None => write!(f, "{}: {}", self.path, problem.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// The checks of single values, each giving what is wrong in the words of
/// the README; [`keys::check`] reports them at their lines.
struct Values;

impl Values {
    fn base_url(value: &str) -> Vec<String> {
        Values::url("base_url", value, UrlUse::Base)
    }

    fn id_base_url(value: &str) -> Vec<String> {
        Values::url("id_base_url", value, UrlUse::Base)
    }

    /// Every URL setting, checked for how it is used (see [`UrlUse`]): an
    /// absolute http(s) URL (of any case: `HTTPS://` is `https://`), or
    /// where the setting allows one, a path joined to `base_url`. Feeds
    /// carry these links, so a space or a `"` would break every one;
    /// `//host/` (which a browser reads as a host, and babelfeed would
    /// join to `base_url` as a path) is refused as unclear; a user name
    /// or password would be published in every link made from it; and a
    /// query or fragment of a URL that paths are added to would stand in
    /// the middle of every one of them.
    fn url(key: &str, value: &str, use_: UrlUse) -> Vec<String> {
        if let Some(host) = value.strip_prefix("//") {
            return vec![format!(
                "`{key}` `{value}` has no scheme: write https://{host} for that host{}",
                match use_.allows_path() {
                    true => ", or a path from base_url starting with one `/`",
                    false => "",
                }
            )];
        }
        let has_scheme = crate::address::scheme_of(value).is_some();
        if !has_scheme && !use_.allows_path() {
            return vec![use_.not_absolute(key, value)];
        }
        // Before any message that would show the password.
        if let Some(problem) = has_scheme.then(|| login(key, value)).flatten() {
            return vec![problem];
        }
        if let Some(c) = value.chars().find(|&c| !is_url_char(c)) {
            let what = match c {
                ' ' => "a space".to_string(),
                c if c.is_whitespace() || c.is_control() => {
                    format!("the character U+{:04X}", c as u32)
                }
                c => format!("`{c}`"),
            };
            let encoded: String = c.to_string().bytes().map(|b| format!("%{b:02X}")).collect();
            return vec![format!(
                "`{key}` `{value}` holds {what}, which a URL cannot; write it percent-encoded, as {encoded}"
            )];
        }
        if has_scheme && !crate::address::is_absolute_url(value) {
            return vec![use_.not_absolute(key, value)];
        }
        if has_scheme {
            if let Err(e) = url::Url::parse(value) {
                return vec![format!(
                    "`{key}` `{value}` is not a valid URL ({e}); {}",
                    use_.what_to_write()
                )];
            }
        }
        match use_.appended_to() {
            true => Values::query_or_fragment(key, value).into_iter().collect(),
            false => Vec::new(),
        }
    }

    /// A query or fragment in a URL that paths are added to:
    /// `https://example.org/site?utm_source=feed` would make every
    /// article URL `https://example.org/site?utm_source=feed/en/2024/…`.
    fn query_or_fragment(key: &str, value: &str) -> Option<String> {
        let at = value.find(['?', '#'])?;
        let (before, after) = value.split_at(at);
        let made = format!("{}/…", value.trim_end_matches('/'));
        Some(match after.starts_with('?') {
            true => format!(
                "`{key}` `{value}` has a query (`{after}`), which would stand in the middle of every URL made from it ({made}, whose path becomes part of the query); write `{key}` without it"
            ),
            false => format!(
                "`{key}` `{value}` has a fragment (`{after}`), which would stand in the middle of every URL made from it ({made}: a browser opens {before} for every one); write `{key}` without it"
            ),
        })
    }

    fn site_title(value: &str) -> Vec<String> {
        match value.trim().is_empty() {
            true => vec!["`title` is empty: write the site's name, or leave `title` out for the host of base_url".to_string()],
            false => Values::characters("title", value),
        }
    }

    /// A text that reaches every feed must hold no character a feed may
    /// not carry, whether typed or written as an escape (`"\u0085"`), as an
    /// article's may not.
    fn characters(key: &str, value: &str) -> Vec<String> {
        match crate::parse::first_bad_char(value) {
            Some(c) => vec![format!(
                "`{key}` holds {}",
                crate::parse::bad_char_advice(c)
            )],
            None => Vec::new(),
        }
    }

    /// A zone's name is case-sensitive, and written with `_` for a
    /// space (`America/New_York`): a name that is one but for those, or
    /// but for a letter or two (`Europe/Berln`), is told the name it is.
    fn timezone(value: &str) -> Vec<String> {
        if value.parse::<Tz>().is_ok() {
            return Vec::new();
        }
        let loose = |name: &str| name.trim().replace(' ', "_").to_lowercase();
        let written = loose(value);
        let forms: Vec<(&str, String)> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|zone| (zone.name(), loose(zone.name())))
            .collect();
        let near = crate::spelling::nearest(&written, forms.iter().map(|(zone, form)| (*zone, form.as_str())))
            .map(|zone| format!("; did you mean `{zone}`? (zone names are written as IANA writes them, in that case)"))
            .unwrap_or_default();
        vec![format!(
            "timezone `{value}` is not an IANA time zone name such as `Europe/Berlin` or `UTC`{near}"
        )]
    }

    fn url_pattern(value: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if !value.contains("{slug}") {
            problems.push(format!(
                "url_pattern `{value}` must contain {{slug}} so that every article gets its own URL"
            ));
        }
        for placeholder in value.split('{').skip(1) {
            let name = placeholder.split('}').next().unwrap_or(placeholder);
            if !URL_PLACEHOLDERS.contains(&name) {
                problems.push(format!(
                    "url_pattern `{value}`: `{{{name}}}` is no placeholder; use {}",
                    URL_PLACEHOLDERS
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        // The placeholders stand for URL-safe text; what is around them
        // must make a URL.
        let mut filled = String::new();
        let mut rest = value;
        while let Some((before, after)) = rest.split_once('{') {
            filled.push_str(before);
            filled.push('x');
            rest = after.split_once('}').map_or("", |(_, after)| after);
        }
        filled.push_str(rest);
        problems.extend(
            Values::url("url_pattern", &filled, UrlUse::Page)
                .into_iter()
                .map(|problem| problem.replace(&format!("`{filled}`"), &format!("`{value}`"))),
        );
        problems
    }

    fn detect_languages(list: &[String]) -> Vec<String> {
        match list.is_empty() {
            true => vec![format!(
                "`detect_languages` is empty: list the languages to detect among, e.g. [\"de\", \"fr\"], or leave it out for {} and every [languages.<tag>]",
                DEFAULT_LANGUAGES.join(", ")
            )],
            false => Vec::new(),
        }
    }

    /// `place` is where the tag is written: `detect_languages` or
    /// `[languages.de]`.
    fn language_tag(place: &str, tag: &str) -> Vec<String> {
        if !crate::infer::lang::is_language_tag(tag) {
            return vec![match crate::infer::lang::tag_of_name(tag) {
                Some(code) => format!(
                    "{place}: `{tag}` is a language's name, not its BCP 47 tag: write `{code}`"
                ),
                None => {
                    format!("{place}: `{tag}` is not a BCP 47 language tag such as `de` or `de-CH`")
                }
            }];
        }
        match crate::infer::lang::unknown_language(tag, &[]) {
            Some(why) => vec![format!("{place}: {why}")],
            None => Vec::new(),
        }
    }

    /// A feed's title or description: an empty one makes the feed invalid
    /// (the W3C validator refuses an empty title or subtitle).
    fn feed_text(tag: &str, name: &str, value: &str) -> Vec<String> {
        match value.trim().is_empty() {
            true => vec![format!(
                "`{name}` of [languages.{tag}] is empty, which makes the feed invalid; write it, or leave it out for the default"
            )],
            false => Values::characters(&format!("languages.{tag}.{name}"), value),
        }
    }

    fn author_name(key: &str, name: &str) -> Vec<String> {
        if name.trim().is_empty() {
            return vec![format!(
                "`{key}` has an empty name, which would be an empty byline in every reader; write the name, or leave `{key}` out"
            )];
        }
        // "Name <email>" is parted; the address must be one.
        let mut problems = match crate::address::split_name_and_email(name) {
            Some((_, email)) => Values::author_email(key, email),
            None => Vec::new(),
        };
        problems.extend(Values::characters(key, name));
        problems
    }

    /// An author's `email` must be an address and `uri` an absolute URL:
    /// RFC 4287 allows nothing else, and the W3C validator calls either
    /// an error in every entry that carries the default author.
    fn author_email(key: &str, email: &str) -> Vec<String> {
        match crate::address::is_email(email.trim()) {
            true => Vec::new(),
            false => vec![format!(
                "`{key}.email` `{email}` is no e-mail address; write one such as desk@example.org, or leave it out"
            )],
        }
    }

    fn author_uri(key: &str, uri: &str) -> Vec<String> {
        Values::url(&format!("{key}.uri"), uri.trim(), UrlUse::Link)
    }

    /// A URL that paths are added to, whose last segment is a page
    /// (`https://blog.example.net/index.html`): every URL made from it
    /// would go on from the page, as `…/index.html/feeds/de/atom.xml`.
    /// Warned about rather than refused, since a folder may be named so.
    fn page_not_folder(key: &str, value: &str) -> Option<String> {
        if value.contains(['?', '#']) {
            return None;
        }
        let path = match value.split_once("://") {
            Some((_, rest)) => rest.split_once('/').map_or("", |(_, path)| path),
            None => value,
        };
        let (folder, page) = path.rsplit_once('/').unwrap_or(("", path));
        let (name, extension) = page.rsplit_once('.')?;
        if name.is_empty() || !PAGE_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()) {
            return None;
        }
        let folder_url = &value[..value.len() - (path.len() - folder.len())];
        let folder_url = format!("{}/", folder_url.trim_end_matches('/'));
        Some(format!(
            "`{key}` `{value}` looks like a page, not a folder: URLs are made by adding paths to it ({}/…); write the folder, `{folder_url}`",
            value.trim_end_matches('/')
        ))
    }

    /// A path from `base_url` that starts with base_url's own path, which
    /// the URL then holds twice: `/press/feeds/` under
    /// `https://example.org/press/` is `https://example.org/press/press/feeds/`.
    fn repeated_base_path(base_url: &str, key: &str, value: &str) -> Option<String> {
        let base = resolve_base(base_url);
        let base_path = path_of(&base);
        if base_path.is_empty() {
            return None;
        }
        // Compared as made, so that `/straße/` meets base_url's `/stra%C3%9Fe`.
        let made = match key {
            "url_pattern" => resolve_pattern(&base, value),
            _ => resolve_url(&base, value),
        };
        let rest = made.strip_prefix(&base)?.strip_prefix(base_path)?;
        if !(rest.is_empty() || rest.starts_with('/')) {
            return None;
        }
        let without = match rest {
            "" => "/",
            rest => rest,
        };
        Some(format!(
            "`{key}` `{value}` is taken relative to base_url ({base}), which gives {made}; if that is not meant, drop {base_path} from its start: `{without}`"
        ))
    }

    fn score(name: &str, value: f64) -> Vec<String> {
        match (0.0..=1.0).contains(&value) {
            true => Vec::new(),
            false => vec![format!("`{name}` must be between 0 and 1, not {value}")],
        }
    }
}

/// How a URL setting is used, which decides what it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UrlUse {
    /// `base_url`, `id_base_url`: absolute, and paths are added to it.
    Base,
    /// `feeds_url`: absolute or a path from `base_url`, and paths are
    /// added to it.
    Folder,
    /// `home_url`, `url_pattern`: absolute or a path from `base_url`,
    /// used as it is (a query is its own: `/article.php?slug={slug}`).
    Page,
    /// `default_author.uri`: absolute, used as it is.
    Link,
}

impl UrlUse {
    fn allows_path(self) -> bool {
        matches!(self, UrlUse::Folder | UrlUse::Page)
    }

    /// Whether paths are added to it, so that a query or fragment would
    /// stand in the middle of every URL made from it.
    fn appended_to(self) -> bool {
        matches!(self, UrlUse::Base | UrlUse::Folder)
    }

    fn what_to_write(self) -> &'static str {
        match self {
            UrlUse::Base => "write an absolute http(s) URL such as https://news.example.org",
            UrlUse::Link => {
                "write an absolute URL such as https://example.org/desk/, or leave it out"
            }
            UrlUse::Folder | UrlUse::Page => {
                "write an absolute URL (https://…) or a path from base_url (/…)"
            }
        }
    }

    fn not_absolute(self, key: &str, value: &str) -> String {
        match self {
            UrlUse::Base => format!(
                "`{key}` `{value}` must be an absolute http(s) URL, e.g. https://news.example.org"
            ),
            UrlUse::Link => format!(
                "`{key}` `{value}` is no absolute URL; write one such as https://example.org/desk/, or leave it out"
            ),
            UrlUse::Folder | UrlUse::Page => format!(
                "`{key}` `{value}` is not an http(s) URL; {}",
                self.what_to_write()
            ),
        }
    }
}

/// A user name or password in the absolute URL `value`: every link and
/// id made from it would publish the login. The message does not repeat
/// the password, which cron mail would otherwise carry on.
fn login(key: &str, value: &str) -> Option<String> {
    let login = crate::address::login_of(value)?;
    let (shown_login, what) = match login.written.split_once(':') {
        Some((user, _)) => (format!("{user}:…@"), "a user name and password"),
        None => (format!("{}@", login.written), "a user name"),
    };
    let shown = login
        .without
        .replacen("://", &format!("://{shown_login}"), 1);
    Some(format!(
        "`{key}` `{shown}` holds {what} (`{shown_login}`), which every link and id in the feeds would publish; write {}, and give the login to whatever needs it another way",
        login.without
    ))
}

/// The extensions of a file a web server makes a page of: the end of a
/// URL that names a page, not a folder.
const PAGE_EXTENSIONS: &[&str] = &[
    "htm", "html", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cgi",
];

/// The path of a URL in canonical form without a final `/`: `/press` of
/// `https://example.org/press`, empty for `https://example.org`.
fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("", |at| &rest[at..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// What `url_pattern` may hold besides text.
const URL_PLACEHOLDERS: &[&str] = &["lang", "year", "month", "day", "slug"];

impl Settings {
    /// Reads `path` when given, else `./babelfeed.toml` when it exists, else
    /// the defaults. With the defaults comes a warning to show: run from
    /// the wrong folder (cron starts jobs in `$HOME`), a site would
    /// otherwise be published quietly with `https://example.com` links.
    ///
    /// A `babelfeed.toml` in the articles folder (`articles`) is no
    /// configuration, but where a publisher may well have saved it; used
    /// without it, the defaults would publish ids made from
    /// `https://example.com`, which stay with readers even once it is
    /// fixed. So without a configuration in the working folder, such a
    /// file stops the run, saying where to put it. (Not when a
    /// `babelfeed.txt` is beside it: then it is that article's sidecar.)
    pub fn load(path: Option<&Path>, articles: &Path) -> Result<LoadedConfig, ConfigError> {
        let default_path = Path::new(CONFIG_FILE_NAME);
        let (path, required) = match path {
            Some(p) => (p, true),
            None => (default_path, false),
        };
        let shown = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                let misplaced = articles.join(CONFIG_FILE_NAME);
                if misplaced.is_file() && !articles.join("babelfeed.txt").exists() {
                    return Err(ConfigError::one(
                        &misplaced.display().to_string(),
                        None,
                        misplaced_configuration(&misplaced),
                    ));
                }
                let settings = Settings::from_config(Config::default(), "(defaults)")?;
                return Ok(LoadedConfig {
                    settings,
                    defaults_used: Some(no_configuration_warning()),
                    warnings: Vec::new(),
                });
            }
            Err(e) => {
                return Err(ConfigError::one(
                    &shown,
                    None,
                    format!("cannot read the configuration: {e}"),
                ))
            }
        };
        let (settings, warnings) = Settings::parse(&text, &shown)?;
        Ok(LoadedConfig {
            settings,
            defaults_used: None,
            warnings,
        })
    }

    /// Parses configuration text; `shown` names it in errors.
    pub fn from_toml(text: &str, shown: &str) -> Result<Settings, ConfigError> {
        Settings::parse(text, shown).map(|(settings, _)| settings)
    }

    /// Parses configuration text, with the warnings on values that are
    /// used as written but are likely not what was meant (see
    /// [`keys::Checked::warnings`]); `shown` names it in both.
    pub fn parse(text: &str, shown: &str) -> Result<(Settings, Vec<Diagnostic>), ConfigError> {
        let checked = keys::check(text);
        if !checked.problems.is_empty() {
            return Err(ConfigError {
                path: shown.to_string(),
                problems: checked.problems,
            });
        }
        // Checked key by key above; should serde still refuse the file,
        // its own words are better than nothing.
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| keys::line_of(text, span.start));
            ConfigError::one(shown, line, e.message())
        })?;
        let warnings = checked
            .warnings
            .into_iter()
            .map(|w| Diagnostic::warning(shown, w.line, w.message))
            .collect();
        Ok((Settings::from_config(config, shown)?, warnings))
    }

    pub fn from_config(mut config: Config, shown: &str) -> Result<Settings, ConfigError> {
        // Every problem at once, so that one run shows all there is to fix.
        // (Read from a file, [`keys::check`] has found them with their
        // lines already; these are for a `Config` made in code.)
        let mut problems = Vec::new();
        // In canonical form (`https://Example.COM:443/` is
        // `https://example.com`), as validators want a feed's id, and as
        // URI in another script (punycode host, percent-encoded path).
        let base_url = resolve_base(&config.base_url);
        problems.extend(Values::base_url(&config.base_url));
        let id_base_url = match &config.id_base_url {
            Some(written) => {
                problems.extend(Values::id_base_url(written));
                resolve_base(written)
            }
            None => base_url.clone(),
        };
        problems.extend(config.title.iter().flat_map(|t| Values::site_title(t)));
        let timezone: Tz = match Values::timezone(&config.timezone).as_slice() {
            [] => config.timezone.parse().unwrap_or(Tz::UTC),
            bad => {
                problems.extend_from_slice(bad);
                Tz::UTC
            }
        };
        problems.extend(Values::url_pattern(&config.url_pattern));
        problems.extend(Values::url("feeds_url", &config.feeds_url, UrlUse::Folder));
        if let Some(list) = &config.detect_languages {
            problems.extend(Values::detect_languages(list));
            for tag in list {
                problems.extend(Values::language_tag("detect_languages", tag));
            }
        }
        // `[languages.DE]` is `[languages.de]`: tags are used as they are
        // spelt canonically (see below), so two spellings of one would
        // silently lose one's settings.
        let mut spelt: BTreeMap<String, &String> = BTreeMap::new();
        for tag in config.languages.keys() {
            let Some(canonical) = crate::infer::lang::normalize_tag(tag) else {
                continue;
            };
            if let Some(other) = spelt.insert(canonical.clone(), tag) {
                problems.push(format!(
                    "[languages.{other}] and [languages.{tag}] are one language, `{canonical}`: merge them into [languages.{canonical}]"
                ));
            }
        }
        for (tag, language) in &config.languages {
            problems.extend(Values::language_tag(&format!("[languages.{tag}]"), tag));
            if let Some(home_url) = &language.home_url {
                problems.extend(Values::url(
                    &format!("languages.{tag}.home_url"),
                    home_url,
                    UrlUse::Page,
                ));
            }
            for (name, text) in [
                ("title", &language.title),
                ("description", &language.description),
            ] {
                if let Some(text) = text {
                    problems.extend(Values::feed_text(tag, name, text));
                }
            }
        }
        if let Some(AuthorSetting::Name(name) | AuthorSetting::Person(Person { name, .. })) =
            &config.default_author
        {
            problems.extend(Values::author_name("default_author", name));
        }
        if let Some(AuthorSetting::Person(person)) = &config.default_author {
            if let Some(email) = &person.email {
                problems.extend(Values::author_email("default_author", email));
            }
            if let Some(uri) = &person.uri {
                problems.extend(Values::author_uri("default_author", uri));
            }
        }
        problems.extend(Values::score("pairing.min_score", config.pairing.min_score));
        problems.extend(Values::score(
            "pairing.ambiguity_ratio",
            config.pairing.ambiguity_ratio,
        ));
        if config.max_article_bytes == 0 {
            problems.push(
                "`max_article_bytes` must be a whole number, 1 or more (the default is 4194304, 4 MiB), not 0".to_string(),
            );
        }
        if !problems.is_empty() {
            return Err(ConfigError {
                path: shown.to_string(),
                problems: problems
                    .into_iter()
                    .map(|message| ConfigProblem {
                        line: None,
                        message,
                    })
                    .collect(),
            });
        }
        // Tags as BCP 47 spells them (`EN` is `en`, `de-ch` `de-CH`), as
        // articles' tags are: they name feed folders and URLs, and
        // `feeds/EN/` beside `feeds/en/` would be two feeds of one language.
        let canonical = |tag: String| crate::infer::lang::normalize_tag(&tag).unwrap_or(tag);
        config.languages = std::mem::take(&mut config.languages)
            .into_iter()
            .map(|(tag, language)| (canonical(tag), language))
            .collect();
        if let Some(list) = config.detect_languages.as_mut() {
            let mut tags: Vec<String> = Vec::with_capacity(list.len());
            for tag in std::mem::take(list).into_iter().map(canonical) {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            *list = tags;
        }
        let detect_languages = match &config.detect_languages {
            Some(list) => list.clone(),
            None => {
                // Configured regional tags go first, so that `de-CH` is what
                // German text is detected as when it is configured.
                let mut list: Vec<String> = config.languages.keys().cloned().collect();
                for tag in DEFAULT_LANGUAGES {
                    if !list.iter().any(|l| primary_subtag(l) == *tag) {
                        list.push(tag.to_string());
                    }
                }
                list
            }
        };
        let site_title = config
            .title
            .clone()
            .unwrap_or_else(|| host_of(&base_url).to_string());
        Ok(Settings {
            url_pattern: resolve_pattern(&base_url, &config.url_pattern),
            feeds_url: resolve_url(&base_url, &config.feeds_url)
                .trim_end_matches('/')
                .to_string(),
            feed_ids_url: resolve_url(&id_base_url, &config.feeds_url)
                .trim_end_matches('/')
                .to_string(),
            base_url,
            id_base_url,
            site_title,
            timezone,
            max_entries: config.max_entries,
            content: config.content,
            default_author: config.default_author.map(|a| match a {
                // "Redaktion Köln <koeln@example.org>", as for an article.
                AuthorSetting::Name(name) => match crate::address::split_name_and_email(&name) {
                    Some((name, email)) => Person {
                        name: name.to_string(),
                        email: Some(email.to_string()),
                        uri: None,
                    },
                    None => Person {
                        name,
                        email: None,
                        uri: None,
                    },
                },
                AuthorSetting::Person(p) => {
                    let uri = p
                        .uri
                        .map(|uri| crate::address::canonical(&uri).unwrap_or(uri));
                    match crate::address::split_name_and_email(&p.name) {
                        Some((name, email)) if p.email.is_none() => Person {
                            name: name.to_string(),
                            email: Some(email.to_string()),
                            uri,
                        },
                        _ => Person { uri, ..p },
                    }
                }
            }),
            detect_languages,
            detect_languages_listed: config.detect_languages.is_some(),
            languages: config.languages,
            pairing: config.pairing,
            max_article_bytes: config.max_article_bytes,
        })
    }

    /// Settings of one language; empty when it has no `[languages.<tag>]`.
    fn language(&self, lang: &str) -> Option<&LanguageConfig> {
        self.languages.get(lang)
    }

    pub fn date_order(&self, lang: &str) -> DateOrder {
        match self.language(lang).and_then(|l| l.date_order) {
            Some(DateOrderSetting::Mdy) => DateOrder::Mdy,
            _ => DateOrder::Dmy,
        }
    }

    /// Feed title for a language; without configuration, the site name and
    /// the language tag, so no English word ends up in a French feed.
    pub fn feed_title(&self, lang: &str) -> String {
        self.language(lang)
            .and_then(|l| l.title.clone())
            .unwrap_or_else(|| format!("{} ({lang})", self.site_title))
    }

    pub fn feed_description(&self, lang: &str) -> String {
        if let Some(text) = self.language(lang).and_then(|l| l.description.clone()) {
            return text;
        }
        let latest = match primary_subtag(lang) {
            "de" => "Neueste Artikel",
            "en" => "Latest articles",
            "es" => "Últimos artículos",
            "fr" => "Derniers articles",
            "it" => "Ultimi articoli",
            "nl" => "Nieuwste artikelen",
            "pt" => "Últimos artigos",
            _ => return self.feed_title(lang),
        };
        format!("{} – {latest}", self.site_title)
    }

    /// The site's home in `lang`, as a URI (RSS `<link>` is no IRI: a
    /// path in another script is percent-encoded).
    pub fn home_url(&self, lang: &str) -> String {
        let url = match self.language(lang).and_then(|l| l.home_url.as_deref()) {
            Some(url) => url,
            None => &format!("/{lang}/"),
        };
        resolve_url(&self.base_url, url)
    }

    /// Where feed `file` of `lang` is served, as a URI (see [`Self::home_url`]).
    pub fn feed_url(&self, lang: &str, file: &str) -> String {
        let url = format!("{}/{lang}/{file}", self.feeds_url);
        crate::address::as_uri(&url).unwrap_or(url)
    }

    /// The Atom feed's id in `lang`: its URL as it is with `id_base_url`
    /// for `base_url` (the same URL unless the site moved), so that a
    /// move does not make it another feed to readers.
    pub fn feed_id(&self, lang: &str) -> String {
        let url = format!("{}/{lang}/atom.xml", self.feed_ids_url);
        crate::address::as_uri(&url).unwrap_or(url)
    }
}

/// Why a `babelfeed.toml` in the articles folder stops a run that found
/// no configuration in the working folder, and the two ways on.
fn misplaced_configuration(misplaced: &Path) -> String {
    let folder = std::env::current_dir()
        .map(|dir| dir.display().to_string())
        .unwrap_or_else(|_| "the working folder".to_string());
    format!(
        "babelfeed reads its configuration from {CONFIG_FILE_NAME} in the working folder ({folder}) or from --config FILE, never from the articles folder, so this file would not be used, and the built-in defaults would (base_url {}, from which every entry id is made): move it to {folder}/{CONFIG_FILE_NAME}, or give --config {}",
        Config::default().base_url,
        misplaced.display()
    )
}

/// Says that no configuration was found in the working folder, which
/// folder that is, and what to do.
fn no_configuration_warning() -> String {
    let folder = std::env::current_dir()
        .map(|dir| dir.display().to_string())
        .unwrap_or_else(|_| "the working folder".to_string());
    format!(
        "no babelfeed.toml in {folder}, so the built-in defaults are used (base_url {}); run babelfeed from the site's folder (cd /srv/site && babelfeed …) or give --config FILE",
        Config::default().base_url
    )
}

/// `de` for `de-CH`.
pub fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Whether a URL setting may hold `c` as written: not whitespace, a
/// control character, or ASCII that must be percent-encoded. Other
/// non-ASCII characters are IRI characters, which Atom allows.
fn is_url_char(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'))
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest)
}

/// `base_url` (or another base) as URLs are made from it: in canonical
/// form (see [`crate::address::canonical`]), without a final `/`.
fn resolve_base(written: &str) -> String {
    crate::address::canonical(written)
        .as_deref()
        .unwrap_or(written)
        .trim_end_matches('/')
        .to_string()
}

/// A URL setting as feeds carry it: joined to `base` unless absolute, in
/// canonical form, as a URI (a path in another script percent-encoded;
/// RSS `<link>` is no IRI).
fn resolve_url(base: &str, setting: &str) -> String {
    let joined = join_url(base, setting);
    crate::address::canonical(&joined).unwrap_or(joined)
}

/// `url_pattern` resolved as [`resolve_url`] resolves a URL, with its
/// placeholders kept: each stands in for a mark of letters and hyphens,
/// which the canonical form leaves as it is, in the path as in a host.
fn resolve_pattern(base: &str, pattern: &str) -> String {
    let mark = |name: &str| format!("babelfeed-placeholder-{name}");
    let mut marked = pattern.to_string();
    for name in URL_PLACEHOLDERS {
        marked = marked.replace(&format!("{{{name}}}"), &mark(name));
    }
    let mut resolved = resolve_url(base, &marked);
    for name in URL_PLACEHOLDERS {
        resolved = resolved.replace(&mark(name), &format!("{{{name}}}"));
    }
    resolved
}

/// Joins a pattern or path to the base URL unless it is already absolute.
fn join_url(base: &str, path: &str) -> String {
    if crate::address::is_absolute_url(path) {
        path.to_string()
    } else {
        format!("{base}/{}", path.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_build_without_a_file() {
        let s = Settings::from_config(Config::default(), "x").unwrap();
        assert_eq!(s.detect_languages, vec!["de", "en", "es", "fr", "it"]);
        assert_eq!(
            s.feed_url("de", "atom.xml"),
            "https://example.com/feeds/de/atom.xml"
        );
        assert_eq!(s.feed_title("fr"), "example.com (fr)");
        assert_eq!(s.home_url("fr"), "https://example.com/fr/");
    }

    #[test]
    fn language_tags_are_spelt_as_bcp_47_spells_them() {
        let settings = Settings::from_toml(
            "detect_languages = [\"EN\", \"de-ch\", \"en\"]\n[languages.DE-ch]\ntitle = \"Nachrichten\"\n",
            "a.toml",
        )
        .unwrap();
        assert_eq!(settings.detect_languages, ["en", "de-CH"]);
        assert_eq!(settings.feed_title("de-CH"), "Nachrichten");
        let err = Settings::from_toml(
            "[languages.DE]\ntitle = \"A\"\n[languages.de]\ntitle = \"B\"\n",
            "a.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("are one language, `de`"), "{err}");
    }

    #[test]
    fn texts_of_the_feeds_hold_no_character_a_feed_may_not_carry() {
        for text in [
            "title = \"News\\u0085 today\"\n",
            "[languages.de]\ndescription = \"A \\u0096 B\"\n",
            "default_author = \"Desk\\u007F\"\n",
        ] {
            let err = Settings::from_toml(text, "a.toml").unwrap_err().to_string();
            assert!(
                err.contains("U+00") || err.contains("U+007F"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn a_default_author_with_an_address_in_brackets_is_parted() {
        let settings = Settings::from_toml(
            "default_author = \"Redaktion Köln <koeln@example.org>\"\n",
            "a.toml",
        )
        .unwrap();
        let author = settings.default_author.unwrap();
        assert_eq!(
            (author.name.as_str(), author.email.as_deref()),
            ("Redaktion Köln", Some("koeln@example.org"))
        );
        assert!(Settings::from_toml("default_author = \"Desk <desk at x>\"\n", "a.toml").is_err());
        // The same in a table.
        let settings = Settings::from_toml(
            "default_author = { name = \"Desk <desk@example.org>\", uri = \"https://x.org/\" }\n",
            "a.toml",
        )
        .unwrap();
        let author = settings.default_author.unwrap();
        assert_eq!(
            (author.name.as_str(), author.email.as_deref()),
            ("Desk", Some("desk@example.org"))
        );
    }

    #[test]
    fn base_url_is_canonical() {
        for (written, canonical) in [
            ("https://Example.COM:443/news/", "https://example.com/news"),
            (
                "https://例え.jp/straße",
                "https://xn--r8jz45g.jp/stra%C3%9Fe",
            ),
            ("https://news.example.org", "https://news.example.org"),
        ] {
            let config = Config {
                base_url: written.to_string(),
                ..Config::default()
            };
            let settings = Settings::from_config(config, "x").unwrap();
            assert_eq!(settings.base_url, canonical);
        }
    }

    #[test]
    fn base_url_is_in_the_normal_form_of_rfc_3986() {
        for (written, canonical) in [
            ("HTTPS://example.org", "https://example.org"),
            ("https://example.org./news/", "https://example.org/news"),
            (
                "https://example.org/%7eredaktion/%41",
                "https://example.org/~redaktion/A",
            ),
            (
                "https://example.org/caf%c3%a9/",
                "https://example.org/caf%C3%A9",
            ),
        ] {
            let settings =
                Settings::from_toml(&format!("base_url = \"{written}\"\n"), "b.toml").unwrap();
            assert_eq!(settings.base_url, canonical, "{written}");
        }
    }

    #[test]
    fn every_url_setting_is_in_normal_form() {
        let s = Settings::from_toml(
            "base_url = \"https://x.org\"\nfeeds_url = \"HTTPS://CDN.x.org./%7ef/\"\nurl_pattern = \"Https://{lang}.X.org:443/%7e{year}/{slug}/\"\ndefault_author = { name = \"Desk\", uri = \"HTTP://x.org/%7edesk\" }\n[languages.de]\nhome_url = \"/%e3/\"\n",
            "b.toml",
        )
        .unwrap();
        assert_eq!(
            s.feed_url("de", "atom.xml"),
            "https://cdn.x.org/~f/de/atom.xml"
        );
        assert_eq!(s.url_pattern, "https://{lang}.x.org/~{year}/{slug}/");
        assert_eq!(s.home_url("de"), "https://x.org/%E3/");
        assert_eq!(
            s.default_author.unwrap().uri.as_deref(),
            Some("http://x.org/~desk")
        );
    }

    #[test]
    fn a_query_fragment_or_login_in_a_url_setting_is_refused_at_its_line() {
        for (text, line, words) in [
            (
                "base_url = \"https://example.org/site?utm_source=feed\"\n",
                1,
                "has a query (`?utm_source=feed`), which would stand in the middle of every URL made from it (https://example.org/site?utm_source=feed/…",
            ),
            (
                "title = \"T\"\nbase_url = \"https://example.org/#x\"\n",
                2,
                "has a fragment (`#x`), which would stand in the middle of every URL made from it (https://example.org/#x/…: a browser opens https://example.org/ for every one)",
            ),
            ("feeds_url = \"/feeds/?v=2\"\n", 1, "has a query (`?v=2`)"),
            (
                "base_url = \"https://editor:s3cret@example.org/\"\n",
                1,
                "`base_url` `https://editor:…@example.org/` holds a user name and password (`editor:…@`), which every link and id in the feeds would publish; write https://example.org/",
            ),
            (
                "[languages.de]\nhome_url = \"https://editor@de.example.org/\"\n",
                2,
                "holds a user name (`editor@`)",
            ),
            (
                "default_author = { name = \"D\", uri = \"https://a:b@x.org/\" }\n",
                1,
                "`default_author.uri` `https://a:…@x.org/` holds a user name and password",
            ),
        ] {
            let err = Settings::from_toml(text, "b.toml").unwrap_err();
            assert_eq!(err.problems.len(), 1, "{text}: {err}");
            assert_eq!(err.problems[0].line, Some(line), "{text}: {err}");
            assert!(err.problems[0].message.contains(words), "{text}: {err}");
            assert!(!err.to_string().contains("s3cret"), "{err}");
        }
        // Nothing is added to a page's address: its query is its own.
        let s = Settings::from_toml(
            "url_pattern = \"/article.php?lang={lang}&slug={slug}\"\n[languages.de]\nhome_url = \"https://x.org/?lang=de#top\"\n",
            "b.toml",
        )
        .unwrap();
        assert_eq!(
            s.url_pattern,
            "https://example.com/article.php?lang={lang}&slug={slug}"
        );
        assert_eq!(s.home_url("de"), "https://x.org/?lang=de#top");
    }

    #[test]
    fn ids_are_made_from_id_base_url_which_is_base_url_unless_set() {
        let s = Settings::from_toml("base_url = \"https://new.org/\"\n", "b.toml").unwrap();
        assert_eq!(s.id_base_url, "https://new.org");
        assert_eq!(s.feed_id("de"), s.feed_url("de", "atom.xml"));
        let s = Settings::from_toml(
            "base_url = \"https://new.org\"\nid_base_url = \"HTTP://Old.org./\"\n",
            "b.toml",
        )
        .unwrap();
        assert_eq!(s.id_base_url, "http://old.org");
        assert_eq!(s.feed_id("de"), "http://old.org/feeds/de/atom.xml");
        assert_eq!(
            s.feed_url("de", "atom.xml"),
            "https://new.org/feeds/de/atom.xml"
        );
        // Feeds served at an address of their own keep it as their id.
        let s = Settings::from_toml(
            "base_url = \"https://new.org\"\nid_base_url = \"http://old.org\"\nfeeds_url = \"https://cdn.org/f/\"\n",
            "b.toml",
        )
        .unwrap();
        assert_eq!(s.feed_id("de"), "https://cdn.org/f/de/atom.xml");
        for (text, words) in [
            (
                "id_base_url = \"/old/\"\n",
                "`id_base_url` `/old/` must be an absolute http(s) URL",
            ),
            (
                "id_base_url = \"http://old.org/?x\"\n",
                "`id_base_url` `http://old.org/?x` has a query",
            ),
            (
                "id_base_url = \"http://me:pw@old.org/\"\n",
                "holds a user name and password",
            ),
        ] {
            let err = Settings::from_toml(&format!("title = \"T\"\n{text}"), "b.toml").unwrap_err();
            assert_eq!(err.problems.len(), 1, "{text}: {err}");
            assert_eq!(err.problems[0].line, Some(2), "{text}: {err}");
            assert!(err.problems[0].message.contains(words), "{text}: {err}");
        }
    }

    #[test]
    fn feed_and_home_urls_are_uris() {
        let mut config = Config {
            feeds_url: "/flux/actualités/".to_string(),
            ..Config::default()
        };
        config.languages.insert(
            "fr".to_string(),
            LanguageConfig {
                home_url: Some("/fr/accueil-été/".to_string()),
                ..LanguageConfig::default()
            },
        );
        let settings = Settings::from_config(config, "x").unwrap();
        assert_eq!(
            settings.feed_url("fr", "rss.xml"),
            "https://example.com/flux/actualit%C3%A9s/fr/rss.xml"
        );
        assert_eq!(
            settings.home_url("fr"),
            "https://example.com/fr/accueil-%C3%A9t%C3%A9/"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let err = Settings::from_toml("base_url = \"https://a.org\"\nmax_entrys = 3\n", "b.toml")
            .unwrap_err();
        assert_eq!(err.path, "b.toml");
        assert_eq!(err.problems[0].line, Some(2));
        assert!(err.to_string().starts_with("b.toml:2: "), "{err}");
        assert!(err.problems[0].message.contains("max_entrys"), "{err}");
    }

    #[test]
    fn per_language_settings() {
        let s = Settings::from_toml(
            "base_url = \"https://n.org/\"\n[languages.en-US]\ndate_order = \"mdy\"\ntitle = \"News\"\n[languages.fr]\n",
            "b.toml",
        )
        .unwrap();
        assert_eq!(s.detect_languages, vec!["en-US", "fr", "de", "es", "it"]);
        assert_eq!(s.date_order("en-US"), DateOrder::Mdy);
        assert_eq!(s.date_order("fr"), DateOrder::Dmy);
        assert_eq!(s.feed_title("en-US"), "News");
    }

    #[test]
    fn detection_can_be_narrowed() {
        let s = Settings::from_toml("detect_languages = [\"de\", \"fr\"]", "b.toml").unwrap();
        assert_eq!(s.detect_languages, vec!["de", "fr"]);
    }

    #[test]
    fn rejects_bad_values() {
        assert!(Settings::from_toml("base_url = \"example.com\"", "b").is_err());
        assert!(Settings::from_toml("timezone = \"Mars/Olympus\"", "b").is_err());
        assert!(Settings::from_toml("url_pattern = \"/{lang}/\"", "b").is_err());
        assert!(Settings::from_toml("[languages.de_CH]", "b").is_err());
        assert!(Settings::from_toml("[languages.ge]", "b").is_err());
        let typo = Settings::from_toml("url_pattern = \"/{lang}/{yr}/{slug}/\"", "b");
        assert!(typo
            .unwrap_err()
            .to_string()
            .contains("`{yr}` is no placeholder"));
        assert!(Settings::from_toml(
            "url_pattern = \"/{lang}/{year}/{month}/{day}/{slug}/\"",
            "b"
        )
        .is_ok());
    }

    #[test]
    fn url_settings_must_be_urls_or_paths() {
        let base = "base_url = \"https://x.org/news\"\n";
        for (text, line, words) in [
            ("feeds_url = \"ht tp://\"\n", 2, "holds a space"),
            ("feeds_url = \"//evil.org/f/\"\n", 2, "https://evil.org/f/"),
            ("feeds_url = \"ftp://x.org/f/\"\n", 2, "not an http(s) URL"),
            ("feeds_url = \"https://x.org/<f>/\"\n", 2, "`<`"),
            (
                "[languages.de]\nhome_url = \"not a url\"\n",
                3,
                "`languages.de.home_url`",
            ),
            (
                "[languages.de]\nhome_url = \"ftp://de.x.org/\"\n",
                3,
                "not an http(s) URL",
            ),
            (
                "url_pattern = \"/{lang}/{slug}/ bad space\"\n",
                2,
                "`/{lang}/{slug}/ bad space`",
            ),
            (
                "url_pattern = \"https://[x/{slug}\"\n",
                2,
                "not a valid URL",
            ),
        ] {
            let err = Settings::from_toml(&format!("{base}{text}"), "b.toml").unwrap_err();
            assert_eq!(err.problems.len(), 1, "{text}: {err}");
            assert_eq!(err.problems[0].line, Some(line), "{text}: {err}");
            assert!(err.problems[0].message.contains(words), "{text}: {err}");
        }
        let s = Settings::from_toml(
            &format!("{base}feeds_url = \"https://cdn.org/f/\"\nurl_pattern = \"https://other.org/{{slug}}\"\n[languages.de]\nhome_url = \"https://de.x.org/\"\n[languages.fr]\nhome_url = \"/fr/accueil/\"\n[languages.it]\nhome_url = \"https://x.org/notizie/città/\"\n"),
            "b.toml",
        )
        .unwrap();
        // An absolute home_url is never joined to base_url.
        assert_eq!(s.home_url("de"), "https://de.x.org/");
        assert_eq!(s.home_url("it"), "https://x.org/notizie/citt%C3%A0/");
        assert_eq!(s.home_url("fr"), "https://x.org/news/fr/accueil/");
        assert_eq!(
            s.feed_url("de", "atom.xml"),
            "https://cdn.org/f/de/atom.xml"
        );
        assert_eq!(s.url_pattern, "https://other.org/{slug}");
    }

    #[test]
    fn every_bad_value_is_reported_at_once() {
        let text = "base_url = \"example.com\"\ntimezone = \"Mars/Olympus\"\ndetect_languages = [\"xx\"]\n[pairing]\nmin_score = 2.0\n";
        let error = Settings::from_toml(text, "b.toml").unwrap_err().to_string();
        let lines: Vec<&str> = error.lines().collect();
        assert_eq!(lines.len(), 4, "{error}");
        for ((line, words), number) in lines
            .iter()
            .zip(["base_url", "Mars/Olympus", "`xx`", "min_score"])
            .zip([1, 2, 3, 5])
        {
            assert!(
                line.starts_with(&format!("b.toml:{number}: ")) && line.contains(words),
                "{line}"
            );
        }
    }

    /// A language written by its name, in English or in itself, with or
    /// without its accents, is told its tag.
    #[test]
    fn a_language_name_is_told_its_tag() {
        for (text, tag) in [
            ("detect_languages = [\"english\"]\n", "en"),
            ("[languages.english]\n", "en"),
            ("[languages.Deutsch]\n", "de"),
            ("[languages.\"français\"]\n", "fr"),
            ("detect_languages = [\"francais\", \"de\"]\n", "fr"),
            ("detect_languages = [\"español\"]\n", "es"),
            ("detect_languages = [\"Espanol\"]\n", "es"),
            ("detect_languages = [\"italiano\"]\n", "it"),
            ("detect_languages = [\"Nederlands\"]\n", "nl"),
            ("detect_languages = [\"português\"]\n", "pt"),
            ("detect_languages = [\"German\"]\n", "de"),
        ] {
            let err = Settings::from_toml(text, "b.toml").unwrap_err();
            assert_eq!(err.problems.len(), 1, "{text}: {err}");
            assert!(
                err.problems[0].message.ends_with(&format!(
                    "is a language's name, not its BCP 47 tag: write `{tag}`"
                )),
                "{text}: {err}"
            );
        }
        let err = Settings::from_toml("[languages.klingon]\n", "b.toml").unwrap_err();
        assert!(err.to_string().contains("such as `de`"), "{err}");
    }

    /// Zone names are case-sensitive: `europe/madrid` is told the name.
    #[test]
    fn a_time_zone_in_another_case_is_told_its_name() {
        for (written, meant) in [
            ("europe/madrid", "Europe/Madrid"),
            ("EUROPE/BERLIN", "Europe/Berlin"),
            ("America/New York", "America/New_York"),
            ("utc", "UTC"),
            ("Europe/Berln", "Europe/Berlin"),
            ("Europa/Berlin", "Europe/Berlin"),
            ("Europe/Rom", "Europe/Rome"),
        ] {
            let err =
                Settings::from_toml(&format!("timezone = \"{written}\"\n"), "b.toml").unwrap_err();
            assert!(
                err.problems[0]
                    .message
                    .contains(&format!("did you mean `{meant}`?")),
                "{written}: {err}"
            );
        }
        let err = Settings::from_toml("timezone = \"Mars/Olympus\"\n", "b.toml").unwrap_err();
        assert!(!err.to_string().contains("did you mean"), "{err}");
    }
}
