//! Stage 3: decide every value of an article — language, dates, title,
//! summary, URL, id — from what was written, the explicit value always
//! winning over the inferred one.

pub mod body;
pub mod date;
pub mod lang;
pub mod lead;
pub mod sentence;

use std::borrow::Cow;

use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Timelike,
};
use uuid::Uuid;

use crate::config::{primary_subtag, Settings};
use crate::diagnostic::Diagnostic;
use crate::model::{Article, ArticleBody, FieldLines, Format, LangSource, Person};
use crate::parse::{Body, FieldSyntax, Located, MetaSource, ParsedArticle};
use date::{parse_date, ParsedDate};
use lang::{Detection, LanguageDetector};

/// Titles longer than this many characters are shortened (contract §1a).
pub const MAX_TITLE_CHARS: usize = 200;

/// Longer date lines are taken for text that is missing its date line.
const MAX_DATE_CHARS: usize = 60;

/// Slugs made from titles are kept to this many bytes, cut at a hyphen.
const MAX_SLUG_LEN: usize = 80;

/// What inference needs besides the article: the settings and a detector
/// built once per run.
pub struct Inferrer<'a> {
    settings: &'a Settings,
    detector: LanguageDetector,
}

impl<'a> Inferrer<'a> {
    pub fn new(settings: &'a Settings) -> Inferrer<'a> {
        Inferrer {
            settings,
            detector: LanguageDetector::new(&settings.detect_languages),
        }
    }

    /// Decides every value of one article. Warnings (doubtful but usable
    /// decisions) are pushed to `warnings`; errors make the article unusable.
    /// A file with errors is told those alone: its warnings (a language
    /// read from little text, say) are noise until they are fixed. So are
    /// a draft's, which is unfinished ("TK TK TK") and not published.
    pub fn infer(
        &self,
        parsed: ParsedArticle,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Article, Vec<Diagnostic>> {
        let before = warnings.len();
        let inferred = self.decide(parsed, warnings);
        if inferred.as_ref().map_or(true, |article| article.draft) {
            warnings.truncate(before);
        }
        inferred
    }

    fn decide(
        &self,
        mut parsed: ParsedArticle,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Article, Vec<Diagnostic>> {
        // What parsing found wrong but could read past: reported with
        // what is found here, so one run shows every problem of the file.
        let mut problems = std::mem::take(&mut parsed.problems);
        let path = parsed.path.as_str();
        let meta = &parsed.meta;
        // Where a written value's line is: the sidecar's, for an export
        // that has one.
        let meta_path = parsed.meta_path.as_str();
        let rejected = |key: &str| meta.rejected.iter().any(|k| k == key);
        // A field as it is typed in this article's front matter or sidecar.
        let syntax = parsed.field_syntax;
        let field = |key: &str, value: &str| syntax.field(key, value);
        let (file_stem, suffix_lang) = self.file_name(path);

        // Text as a reader sees it: what language detection and pairing
        // read. Markdown with a known language needs neither, and is most
        // of a large archive, so its text is only extracted when needed.
        let needs_full_text =
            parsed.format == Format::Plain || (meta.lang.is_none() && suffix_lang.is_none());
        let (headline, lead, full_text, bylines) = match &parsed.body {
            Body::Plain { paragraphs, .. } => {
                let opening = lead::opening(paragraphs);
                (
                    opening.headline,
                    body::collapse_whitespace(&opening.lead),
                    paragraphs
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                    opening.bylines,
                )
            }
            Body::Markdown { source, .. } => (
                None,
                body::markdown_lead(source),
                match needs_full_text {
                    true => body::markdown_text(source, false),
                    false => String::new(),
                },
                Vec::new(),
            ),
        };

        // Language first: the date order and month names may depend on it.
        let explicit_source = match parsed.meta_source {
            MetaSource::Sidecar => LangSource::Sidecar,
            _ => LangSource::FrontMatter,
        };
        let detected_text = match &meta.title {
            Some(title) => Cow::Owned(format!("{title}\n{full_text}")),
            None => Cow::Borrowed(full_text.as_str()),
        };
        let language = match (&meta.lang, &suffix_lang) {
            (Some(written), _) => match lang::normalize_tag(&written.value) {
                Some(tag) => match lang::unknown_language(&tag, &self.settings.detect_languages) {
                    None => Some((tag, explicit_source)),
                    Some(why) => {
                        problems.push(Diagnostic::error(
                            meta_path,
                            written.line,
                            format!("`{}`: {why}", field("lang", &written.value)),
                        ));
                        None
                    }
                },
                None => {
                    problems.push(Diagnostic::error(
                        meta_path,
                        written.line,
                        format!(
                            "`{}` is not a language tag; write a BCP 47 tag such as `de` or `fr-CH`",
                            field("lang", &written.value)
                        ),
                    ));
                    None
                }
            },
            (None, Some((_, tag))) => {
                // An export's text is what it is; its name was typed by
                // someone, and a French text saved as `story.de.txt` would
                // land in the German feed unnoticed.
                let read_as = match parsed.format {
                    Format::Plain => self.detector.detect(&detected_text),
                    Format::Markdown => Detection::Unknown,
                };
                if let Detection::Found {
                    tag: read_as,
                    uncertain: false,
                    ..
                } = read_as
                {
                    if !primary_subtag(&read_as).eq_ignore_ascii_case(primary_subtag(tag)) {
                        warnings.push(Diagnostic::warning(
                            path,
                            None,
                            format!(
                                "the file name says `{tag}`, but the text reads as `{read_as}`; check the name (`lang` {} settles it either way)",
                                syntax.place(path)
                            ),
                        ));
                    }
                }
                Some((tag.clone(), LangSource::FileName))
            }
            (None, None) => match self.detector.detect(&detected_text) {
                Detection::Found {
                    tag,
                    outside,
                    uncertain,
                } => {
                    if uncertain && outside.is_none() {
                        warnings.push(Diagnostic::warning(
                            path,
                            None,
                            format!(
                                "language detected as `{tag}` from very little text; set `{}` {}{} to be sure",
                                field("lang", &tag),
                                syntax.place(path),
                                match parsed.format {
                                    Format::Plain => "",
                                    Format::Markdown => " (or name the file NAME.<lang>.md)",
                                }
                            ),
                        ));
                    }
                    if let Some(other) = outside {
                        warnings.push(Diagnostic::warning(
                            path,
                            None,
                            format!(
                                "detected as `{tag}`, but the text looks more like `{other}`, which is not among the languages detected ({}); {} or set `lang`",
                                self.settings.detect_languages.join(", "),
                                if self.settings.detect_languages_listed {
                                    format!("add `{other}` to detect_languages in the configuration")
                                } else {
                                    format!("add [languages.{other}] to the configuration")
                                }
                            ),
                        ));
                    }
                    Some((tag, LangSource::Detected))
                }
                Detection::Unknown => {
                    problems.push(Diagnostic::error(
                        path,
                        None,
                        format!(
                            "cannot tell the language of this text among {}; set `lang` {}{}",
                            self.settings.detect_languages.join(", "),
                            syntax.place(path),
                            match parsed.format {
                                Format::Plain => "",
                                Format::Markdown => " or name the file NAME.<lang>.md",
                            }
                        ),
                    ));
                    None
                }
            },
        };

        let date_written = match (&parsed.body, &meta.date) {
            (_, Some(date)) => Some((meta_path, date.clone())),
            (Body::Plain { date, .. }, None) => Some((path, date.clone())),
            // Jekyll, Zola and Docusaurus date a post by its file name
            // (`2021-05-05-welcome.md`, `2021-05-05_welcome.md`, a bundle's
            // `2021-05-05-welcome/`), Docusaurus also by its folders
            // (`blog/2021/05/05/welcome.md`), when its front matter does not.
            (Body::Markdown { .. }, None) => match day_named_first(file_stem)
                .map(str::to_string)
                .or_else(|| day_of_folders(path))
            {
                Some(day) => Some((
                    path,
                    Located {
                        value: day,
                        line: None,
                    },
                )),
                None => {
                    if !rejected("date") {
                        problems.push(Diagnostic::error(
                            path,
                            Some(1),
                            format!(
                                "the front matter has no `date`; add e.g. `{}`",
                                field("date", "2021-05-04")
                            ),
                        ));
                    }
                    None
                }
            },
        };
        let lang_for_dates = language.as_ref().map_or("", |(tag, _)| tag.as_str());
        let date = date_written.as_ref().and_then(|(at, written)| {
            self.resolve_date(at, written, lang_for_dates, &mut problems, warnings)
        });
        let updated = match &meta.updated {
            Some(written) => {
                self.resolve_date(meta_path, written, lang_for_dates, &mut problems, warnings)
            }
            None => date,
        };
        let mut timestamp_of = |written: &Option<Located<String>>| {
            let written = written.as_ref()?;
            self.resolve_date(meta_path, written, lang_for_dates, &mut problems, warnings)
                .map(|time| time.timestamp())
        };
        let publish_date = timestamp_of(&meta.publish_date);
        let expiry_date = timestamp_of(&meta.expiry_date);

        let title = match (&meta.title, parsed.format) {
            (Some(title), _) => body::collapse_whitespace(title),
            (None, Format::Plain) => {
                let first = match &headline {
                    Some(headline) => body::collapse_whitespace(headline),
                    None => body::collapse_whitespace(sentence::title_sentence(
                        lead::without_dateline(&lead),
                    )),
                };
                sentence::shorten_title(&first, MAX_TITLE_CHARS)
            }
            (None, Format::Markdown) => {
                if !rejected("title") {
                    problems.push(Diagnostic::error(
                        path,
                        Some(1),
                        format!(
                            "the front matter has no `title`; add e.g. `{}`",
                            field("title", "…")
                        ),
                    ));
                }
                String::new()
            }
        };
        if title.is_empty() && meta.title.is_some() && !rejected("title") {
            problems.push(Diagnostic::error(meta_path, None, "the title is empty"));
        }

        let slug = match &meta.slug {
            Some(written) => {
                if is_url_segment(&written.value) {
                    written.value.clone()
                } else {
                    problems.push(Diagnostic::error(
                        meta_path,
                        written.line,
                        format!(
                            "`{}` is not a single URL segment; use letters, digits, `-` and `_` only",
                            field("slug", &written.value)
                        ),
                    ));
                    String::new()
                }
            }
            None => slug_of(&title, file_stem),
        };

        // Checked before the values it needs not: a bad `url` is reported
        // beside a bad `lang` or `slug`.
        let written_url = meta
            .url
            .as_ref()
            .map(|written| self.absolute_url(meta_path, written, syntax, &mut problems));
        let (Some((lang, lang_source)), Some(date), Some(updated)) = (language, date, updated)
        else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        if updated < date {
            let line = meta.updated.as_ref().and_then(|u| u.line);
            warnings.push(Diagnostic::warning(
                meta_path,
                line,
                format!(
                    "updated ({}) is before the publication date ({}); readers will show an entry changed before it appeared: check both",
                    updated.to_rfc3339(),
                    date.to_rfc3339()
                ),
            ));
        }

        let url = match written_url {
            Some(Some(url)) => url,
            // Its error is in `problems`, which returned above.
            Some(None) => return Err(problems),
            None => self.article_url(&lang, &date, &slug),
        };

        // A key in a sidecar links a plain-text export to its translations,
        // often after it was published (the pairing's notes advise it):
        // the id readers hold stays the file name's. In front matter the
        // key is part of the article from the start, as in Hugo.
        let id_key = match parsed.meta_source {
            MetaSource::FrontMatter => meta.translation_key.as_ref().map(|k| k.value.as_str()),
            MetaSource::Sidecar | MetaSource::None => None,
        };
        let written_id = meta.id.as_ref().map(|i| i.value.as_str());
        let id = self.entry_id(written_id, id_key, file_stem, &lang);
        // A summary divider the author put in the text says more of what
        // the feed should show than a page's `description`, which Hugo
        // writes for search engines.
        let divided = || matches!(&parsed.body, Body::Markdown { source, .. } if body::has_summary_divider(source));
        // Read as a `summary` is: Markdown and entities (`&amp;`) as
        // their text.
        let description = meta
            .description
            .as_deref()
            .filter(|_| !divided())
            .map(body::markdown_inline_text)
            .filter(|description| !description.is_empty());
        let summary = match (&meta.summary, description, parsed.format) {
            (Some(summary), _, Format::Markdown) => body::markdown_inline_text(summary),
            (Some(summary), _, Format::Plain) => body::collapse_whitespace(summary),
            (None, Some(description), _) => description,
            // Pictures without alt text, or nothing: the title stands in,
            // so that no entry is without text (validators warn, and a
            // feed of summaries would show nothing under it).
            (None, None, _) if lead.is_empty() => title.clone(),
            (None, None, _) => lead,
        };
        if let Body::Markdown { source, line } = &parsed.body {
            if let Some(warning) = shortcodes_warning(path, source, *line) {
                warnings.push(warning);
            }
            if let Some(warning) = template_tags_warning(path, source, *line) {
                warnings.push(warning);
            }
            if source.trim().is_empty() {
                warnings.push(Diagnostic::warning(
                    path,
                    None,
                    format!(
                        "has no text after its front matter: its entry is a title, summarised by itself, without content; write the article, or set `{}` until it is written",
                        field("draft", "true")
                    ),
                ));
            }
        }
        // A blank name would be an empty byline in every reader.
        let mut authors: Vec<Person> = Vec::with_capacity(meta.authors.len());
        let mut named = rustc_hash::FxHashSet::default();
        for person in &meta.authors {
            let name = body::collapse_whitespace(&person.name);
            if name.is_empty() {
                warnings.push(Diagnostic::warning(
                    path,
                    None,
                    "an author with an empty name is left out; give the name or remove the entry",
                ));
            } else {
                let person = feed_person(path, name, person, warnings);
                // `Ana` twice (or `ana`) is one byline, as one tag is one
                // category whatever its case.
                if named.insert((person.name.to_lowercase(), person.email.clone())) {
                    authors.push(person);
                }
            }
        }
        // An export names its authors in its byline; a sidecar's win.
        if authors.is_empty() {
            authors = bylines
                .into_iter()
                .map(|name| Person {
                    name,
                    email: None,
                    uri: None,
                })
                .collect();
        }
        if authors.is_empty() {
            authors = self.settings.default_author.iter().cloned().collect();
        }
        // A blank tag is an empty category, which validators flag and
        // readers list as nothing; spacing is no part of a tag's name.
        let mut tags: Vec<String> = Vec::with_capacity(meta.tags.len());
        // `Politik` and `politik` are one category, as in Hugo; a set, since
        // a file may list thousands.
        let mut seen = rustc_hash::FxHashSet::default();
        for tag in meta.tags.iter().map(|t| body::collapse_whitespace(t)) {
            if !tag.is_empty() && seen.insert(tag.to_lowercase()) {
                tags.push(tag);
            }
        }
        let name_stem = match path.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{file_stem}"),
            None => file_stem.to_string(),
        };
        let evidence = match &parsed.body {
            Body::Plain { paragraphs, .. } => Some(crate::group::signals::extract(
                &lead::text_for_pairing(paragraphs),
            )),
            Body::Markdown { .. } => None,
        };
        Ok(Article {
            path: parsed.path.clone(),
            format: parsed.format,
            lang,
            lang_source,
            date,
            updated,
            title,
            summary,
            body: ArticleBody::from(parsed.body),
            slug,
            url,
            id_from_file_name: meta.id.is_none() && id_key.is_none(),
            url_from_title: meta.url.is_none() && meta.slug.is_none(),
            id,
            authors,
            tags,
            display_loaded: true,
            url_apart: false,
            draft: meta.draft,
            publish_date,
            expiry_date,
            translation_key: meta.translation_key.as_ref().map(|k| k.value.clone()),
            text_hash: None,
            field_lines: match parsed.meta_source {
                MetaSource::FrontMatter => FieldLines {
                    id: meta.id.as_ref().and_then(|i| i.line),
                    translation_key: meta.translation_key.as_ref().and_then(|k| k.line),
                    url: meta
                        .url
                        .as_ref()
                        .or(meta.slug.as_ref())
                        .and_then(|u| u.line),
                },
                MetaSource::Sidecar | MetaSource::None => FieldLines::default(),
            },
            name_stem,
            lang_suffix: suffix_lang.is_some(),
            field_syntax: parsed.field_syntax,
            evidence,
        })
    }

    fn resolve_date(
        &self,
        path: &str,
        written: &Located<String>,
        lang: &str,
        problems: &mut Vec<Diagnostic>,
        warnings: &mut Vec<Diagnostic>,
    ) -> Option<DateTime<FixedOffset>> {
        // A time the clocks skip or repeat is still read (see `local_time`),
        // but said: the user wrote an instant that is not one. A date alone
        // is not: its midnight is the caller's choice, not the user's.
        let mut zoned = |tz: &chrono_tz::Tz, local| {
            if let Some(note) = clock_change_note(tz, local) {
                warnings.push(Diagnostic::warning(path, written.line, note));
            }
            local_time(tz, local)
        };
        // Feeds carry whole seconds: RFC 3339 allows any fraction, but ROME
        // reads one as milliseconds (`.123456789` moves an entry 34 hours on)
        // and SimplePie rounds it to the next second.
        let whole_seconds = |time: DateTime<FixedOffset>| time.with_nanosecond(0).unwrap_or(time);
        let resolved = match parse_date(&written.value, self.settings.date_order(lang)) {
            Ok(ParsedDate::Instant(instant)) => Some(instant),
            Ok(ParsedDate::Day(day)) => {
                Some(self.local(day.and_hms_opt(0, 0, 0).unwrap_or_default()))
            }
            Ok(ParsedDate::Local(local)) => Some(zoned(&self.settings.timezone, local)),
            Ok(ParsedDate::Zoned(local, tz)) => Some(zoned(&tz, local)),
            Err(message) => {
                // A long first line is text, not a garbled date: say what the
                // format expects there instead of how dates are spelled.
                let message = if written.value.chars().count() > MAX_DATE_CHARS {
                    let start: String = written.value.chars().take(40).collect();
                    format!(
                        "the first line must be the publication date (e.g. 04.05.2021 or 2021-05-04), but it reads `{start}…`"
                    )
                } else {
                    message
                };
                problems.push(Diagnostic::error(path, written.line, message));
                None
            }
        };
        // No place keeps a clock more than 14 hours from UTC (Kiribati is
        // +14:00), and readers such as newsboat cannot read such an offset.
        if let Some(time) = resolved.filter(|t| t.offset().local_minus_utc().abs() > 14 * 3600) {
            problems.push(Diagnostic::error(
                path,
                written.line,
                format!(
                    "the offset {} of `{}` is more than 14 hours from UTC, which no zone is; correct it",
                    time.offset(),
                    written.value.trim()
                ),
            ));
            return None;
        }
        // "Dienstag, 5. Mai 2021" when the 5th was a Wednesday: one of the
        // two is a typo, and only the writer knows which.
        if let (Some(named), Some(time)) = (date::weekday_named(&written.value), resolved) {
            let actual = time.date_naive().weekday();
            if named != actual {
                warnings.push(Diagnostic::warning(
                    path,
                    written.line,
                    format!(
                        "`{}` names a {}, but {} is a {}: the date is read as written; check the day and the weekday",
                        written.value.trim(),
                        weekday_name(named),
                        time.format("%-d %B %Y"),
                        weekday_name(actual)
                    ),
                ));
            }
        }
        resolved.map(whole_seconds)
    }

    /// A local time in the configured zone; a date-only value means
    /// midnight there (contract §1a). A time the zone skips (clocks put
    /// forward) is read with the offset in force before the change, which
    /// moves it on by the length of the gap, as calendars do: 02:30 on the
    /// night Berlin goes from 02:00 to 03:00 is 03:30, and two articles an
    /// hour apart stay an hour apart. A time shown twice (clocks put back)
    /// is the first of the two. `resolve_date` warns of both.
    fn local(&self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        local_time(&self.settings.timezone, local)
    }

    /// The name shared by all translations of `launch.de.md`: `launch`; of
    /// a page bundle's `launch/index.de.md`, also `launch`. With it, the
    /// base and language of a file-name suffix that names a language.
    fn file_name<'p>(&self, path: &'p str) -> (&'p str, Option<(&'p str, String)>) {
        let (stem, suffix) = split_file_name(path);
        let suffix_lang = suffix.and_then(|(base, suffix)| {
            lang::suffix_language(suffix, &self.settings.detect_languages).map(|tag| (base, tag))
        });
        let name = bundle_name(path, suffix_lang.as_ref().map_or(stem, |(base, _)| base));
        (name, suffix_lang)
    }

    /// The slug and URL of an article whose title's URL another article
    /// has, at its `attempt` (from 0) to find one nobody has: the title's
    /// slug and the file's name (see [`Self::file_name`]); then the file's
    /// path, for the same headline exported as `a/wetter.txt` and
    /// `b/wetter.txt` on one day; then the path and a number, since two
    /// paths can make one slug (`a b/x.txt`, `a-b/x.txt`).
    pub fn slug_and_url_apart(&self, article: &Article, attempt: usize) -> (String, String) {
        let path_slug = || {
            let path = article
                .path
                .rsplit_once('.')
                .map_or(&*article.path, |(p, _)| p);
            slug::slugify(path)
        };
        let apart = match attempt {
            0 => slug::slugify(self.file_name(&article.path).0),
            1 => path_slug(),
            n => format!("{}-{n}", path_slug()),
        };
        let slug = format!("{}-{apart}", article.slug);
        let url = self.article_url(&article.lang, &article.date, &slug);
        (slug, url)
    }

    /// The article's URL from the pattern, as a URI: a slug or a pattern
    /// in another script is percent-encoded (RSS `<link>` is a URL, not
    /// an IRI).
    fn article_url(&self, lang: &str, date: &DateTime<FixedOffset>, slug: &str) -> String {
        let local = date.with_timezone(&self.settings.timezone);
        let url = self
            .settings
            .url_pattern
            .replace("{lang}", lang)
            .replace("{year}", &format!("{:04}", local.year()))
            .replace("{month}", &format!("{:02}", local.month()))
            .replace("{day}", &format!("{:02}", local.day()))
            .replace("{slug}", slug);
        crate::address::as_uri(&url).unwrap_or(url)
    }

    /// An article's `url` as its entry links it, in the canonical form of
    /// the site's own addresses ([`crate::address::canonical`]), so that
    /// `/~jane/café/` and `/%7ejane/caf%c3%a9/` are one URL, which two
    /// articles cannot share.
    fn absolute_url(
        &self,
        path: &str,
        written: &Located<String>,
        syntax: FieldSyntax,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let value = written.value.trim();
        // `//host/x` is a path of this site's to nobody but a browser on
        // the page; a login would be published in every link to it.
        let why = if value.starts_with("//") {
            Some("starts with `//`, a scheme-relative URL that a feed cannot resolve; write it with https:")
        } else if crate::address::login_of(value).is_some() {
            Some("holds a user name or password, which every link to the article would publish; leave it out")
        } else {
            None
        };
        if let Some(why) = why {
            problems.push(Diagnostic::error(
                path,
                written.line,
                format!("`{}` {why}", syntax.field("url", value)),
            ));
            return None;
        }
        let absolute = if crate::address::is_absolute_url(value) {
            Some(value.to_string())
        } else if value.starts_with('/') && !value.contains(char::is_whitespace) {
            Some(format!("{}{value}", self.settings.base_url))
        } else {
            None
        };
        if let Some(uri) = absolute.as_deref().and_then(crate::address::canonical) {
            return Some(uri);
        }
        let why = match (value.contains(char::is_whitespace), absolute.is_some()) {
            (true, _) => "holds a space, which a URL cannot; write it as %20, or use `-`",
            (false, true) => "is no valid URL (a port above 65535, or a host with characters no host has); correct it",
            (false, false) => "must be an absolute URL (https://…) or a path starting with `/`",
        };
        problems.push(Diagnostic::error(
            path,
            written.line,
            format!("`{}` {why}", syntax.field("url", value)),
        ));
        None
    }

    /// The entry id: explicit, else derived from the most stable key there
    /// is — the translation key, else the file name without folder,
    /// extension and language suffix — plus the language. Titles, bodies,
    /// dates and folders can all change without changing it; translations
    /// never share one.
    fn entry_id(
        &self,
        explicit: Option<&str>,
        key: Option<&str>,
        file_stem: &str,
        lang: &str,
    ) -> String {
        let name = match (explicit, key) {
            (Some(id), _) if crate::address::is_entry_id(id) => return id.to_string(),
            (Some(id), _) => format!("id:{id}"),
            (None, Some(key)) => format!("key:{key}/{lang}"),
            (None, None) => format!("file:{file_stem}/{lang}"),
        };
        self.derived_id(&name)
    }

    /// The id for an article whose file name is shared with another article
    /// of its language in another folder: the path tells them apart, at the
    /// price of changing when the file moves.
    pub fn path_id(&self, path: &str, lang: &str) -> String {
        let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
        self.derived_id(&format!("path:{stem}/{lang}"))
    }

    /// A `urn:uuid` made from `name` in the namespace of `id_base_url`
    /// (by default `base_url`): one site's ids are not another's, and a
    /// site that moves keeps its ids by setting `id_base_url` to where it
    /// was.
    fn derived_id(&self, name: &str) -> String {
        let namespace = Uuid::new_v5(&Uuid::NAMESPACE_URL, self.settings.id_base_url.as_bytes());
        format!("urn:uuid:{}", Uuid::new_v5(&namespace, name.as_bytes()))
    }
}

/// `text` after `prefix` (lowercase) when it starts with it in any case:
/// the labels and openings inference looks for at the start of a line,
/// without lowercasing the line (lines are whole paragraphs).
pub(crate) fn strip_prefix_any_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    let same = match prefix.is_ascii() {
        true => head.eq_ignore_ascii_case(prefix),
        false => head.to_lowercase() == prefix,
    };
    same.then(|| &text[prefix.len()..])
}

/// Whether `text` is `label` (lowercase) in any case: a heading or label
/// that is a whole line.
pub(crate) fn is_any_case(text: &str, label: &str) -> bool {
    strip_prefix_any_case(text, label).is_some_and(str::is_empty)
}

/// One warning for the Hugo shortcodes of a Markdown body, at the line of
/// the first: a feed has no Hugo templates to render them, so each shows as
/// written, or a `ref` link as its text alone. Every one is named with the
/// line it is first on, not the first alone, so that one reading finds all
/// the author has to rewrite. A `ref` to an anchor of the same page is a
/// link as Hugo makes it, and goes untold.
fn shortcodes_warning(path: &str, source: &str, body_line: usize) -> Option<Diagnostic> {
    let found = body::shortcodes(source);
    let file_line = |shortcode: &body::Shortcode| body_line + shortcode.line - 1;
    let first = found.iter().find(|s| s.shown != body::Shown::Resolved)?;
    let named = |shown: body::Shown| {
        let mut names: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        for shortcode in found.iter().filter(|s| s.shown == shown) {
            if !seen.contains(&shortcode.name) {
                seen.push(shortcode.name);
                names.push(format!(
                    "`{}` (line {})",
                    shortcode.name,
                    file_line(shortcode)
                ));
            }
        }
        (names.join(", "), names.len())
    };
    let mut told = Vec::new();
    match named(body::Shown::AsWritten) {
        (_, 0) => {}
        (names, 1) => told.push(format!("{names} is shown as written")),
        (names, _) => told.push(format!("{names} are shown as written")),
    }
    match named(body::Shown::LinkText) {
        (_, 0) => {}
        (names, _) => told.push(format!(
            "links to {names} show their text alone, not linked"
        )),
    }
    Some(Diagnostic::warning(
        path,
        Some(file_line(first)),
        format!(
            "Hugo shortcodes need Hugo's templates: {}; write them as Markdown or HTML (a link, an image) for the feeds",
            told.join(", and ")
        ),
    ))
}

/// One warning for the template tags of other site generators in a
/// Markdown body (Jekyll's Liquid `{% include … %}`, Zola's `{{ youtube(…)
/// }}` and `{% note() %}`, Eleventy's Nunjucks), at the line of the first,
/// naming each: only those generators' templates render them, and a feed
/// shows them as written, as it does Hugo's shortcodes.
fn template_tags_warning(path: &str, source: &str, body_line: usize) -> Option<Diagnostic> {
    let found = body::template_tags(source);
    let (_, first) = found.first()?;
    let names: Vec<String> = found
        .iter()
        .map(|(tag, line)| format!("`{tag}` (line {})", body_line + line - 1))
        .collect();
    let verb = match names.len() {
        1 => "is",
        _ => "are",
    };
    Some(Diagnostic::warning(
        path,
        Some(body_line + first - 1),
        format!(
            "template tags of another site generator (Jekyll, Zola, Eleventy) need its templates: {} {verb} shown as written; write them as Markdown or HTML (a link, an image) for the feeds",
            names.join(", ")
        ),
    ))
}

/// The English name of a day of the week, for messages.
fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// An author as a feed may carry them: "Jane Doe <jane@example.org>"
/// parted into name and address, an address that is none and a URI
/// that is no absolute URL left out with a warning (RFC 4287 allows
/// neither, and the W3C validator calls them errors).
fn feed_person(
    path: &str,
    name: String,
    written: &Person,
    warnings: &mut Vec<Diagnostic>,
) -> Person {
    let (name, mut email) = match crate::address::split_name_and_email(&name) {
        Some((name, email)) if written.email.is_none() => {
            (name.to_string(), Some(email.to_string()))
        }
        _ => (name, written.email.as_ref().map(|e| e.trim().to_string())),
    };
    if let Some(address) = email.take_if(|e| !crate::address::is_email(e)) {
        warnings.push(Diagnostic::warning(
            path,
            None,
            format!(
                "the email `{address}` of author `{name}` is no address (name@example.org) and is left out; correct it or remove it"
            ),
        ));
    }
    let uri = written.uri.as_ref().and_then(|uri| {
        let absolute = crate::address::as_uri(uri);
        if absolute.is_none() {
            warnings.push(Diagnostic::warning(
                path,
                None,
                format!(
                    "the uri `{uri}` of author `{name}` is no absolute URL (https://…) and is left out; correct it or remove it"
                ),
            ));
        }
        absolute
    });
    Person { name, email, uri }
}

/// `news/launch.de.md` → (`launch.de`, Some((`launch`, `de`))): the stem,
/// and the base and suffix when the stem has one. Whether the suffix names a
/// language is for the caller to decide.
fn split_file_name(path: &str) -> (&str, Option<(&str, &str)>) {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    match stem.rsplit_once('.') {
        Some((base, suffix)) if !base.is_empty() => (stem, Some((base, suffix))),
        _ => (stem, None),
    }
}

/// The day that three folders of `path` name, `YYYY/MM/DD/`
/// (`blog/2021/05/05/welcome.md`), as Docusaurus dates a post; only a
/// real day.
fn day_of_folders(path: &str) -> Option<String> {
    let folders: Vec<&str> = path.split('/').collect();
    let folders = &folders[..folders.len().saturating_sub(1)];
    folders.windows(3).rev().find_map(|w| {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let shaped = digits(w[0], 4) && digits(w[1], 2) && digits(w[2], 2);
        let day = format!("{}-{}-{}", w[0], w[1], w[2]);
        (shaped && chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").is_ok()).then_some(day)
    })
}

/// The day a name starts with, `YYYY-MM-DD` and a hyphen (or Zola's
/// underscore) before the rest (`2021-05-05-welcome`), as Jekyll names its
/// posts; only a real day.
fn day_named_first(name: &str) -> Option<&str> {
    let day = name.get(..10)?;
    let rest = name[10..].strip_prefix(['-', '_'])?;
    let shape = day.bytes().enumerate().all(|(at, b)| match at {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    let real = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok();
    (shape && real && !rest.is_empty()).then_some(day)
}

/// A page bundle (Hugo's `news/launch/index.de.md`) is named by its
/// folder: every bundle's file is `index`, and ids derived from that would
/// all clash and fall back to the path, which changes when a bundle moves.
fn bundle_name<'p>(path: &'p str, file_stem: &'p str) -> &'p str {
    if !matches!(file_stem, "index" | "_index") {
        return file_stem;
    }
    let mut folders = path.rsplit('/').skip(1);
    folders
        .next()
        .filter(|folder| !folder.is_empty())
        .unwrap_or(file_stem)
}

/// A URL segment a publisher may write: no separators, no dot segments,
/// letters of any script (`über-uns`, as Hugo keeps them; the URL carries
/// them percent-encoded), digits and the marks that need no escaping.
fn is_url_segment(slug: &str) -> bool {
    !slug.is_empty()
        && slug != "."
        && slug != ".."
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
}

/// A slug from the title, cut at a hyphen; the file name when the title has
/// no letters or digits at all.
fn slug_of(title: &str, file_stem: &str) -> String {
    let mut slug = slug::slugify(title);
    if slug.len() > MAX_SLUG_LEN {
        let cut = slug[..MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug = slug::slugify(file_stem);
    }
    if slug.is_empty() {
        slug = "article".to_string();
    }
    slug
}

/// See [`Inferrer::local`].
fn local_time(tz: &chrono_tz::Tz, local: NaiveDateTime) -> DateTime<FixedOffset> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.fixed_offset(),
        LocalResult::None => {
            // No zone skips more than a day.
            let before = (1..=26).find_map(|hours| {
                tz.from_local_datetime(&(local - chrono::Duration::hours(hours)))
                    .earliest()
            });
            let offset = before.map_or(0, |t| t.offset().fix().local_minus_utc());
            let utc = local - chrono::Duration::seconds(i64::from(offset));
            tz.from_utc_datetime(&utc).fixed_offset()
        }
    }
}

/// What to tell the user of a local time `tz` has not exactly once: one
/// the clocks skip (put forward) or show twice (put back). The first is
/// moved on by the gap, the second is the earlier of the two instants, as
/// [`local_time`] reads them; writing the offset settles either.
fn clock_change_note(tz: &chrono_tz::Tz, local: NaiveDateTime) -> Option<String> {
    let written = match local.second() {
        0 => local.format("%Y-%m-%d %H:%M"),
        _ => local.format("%Y-%m-%d %H:%M:%S"),
    };
    match tz.from_local_datetime(&local) {
        LocalResult::Single(_) => None,
        LocalResult::None => Some(format!(
            "{written} does not exist in {tz}: the clocks are put forward over it that night; \
             it is read as {}, moved on by the length of the gap; write the time with its \
             offset to mean another instant",
            local_time(tz, local).to_rfc3339()
        )),
        LocalResult::Ambiguous(earlier, later) => Some(format!(
            "{written} happens twice in {tz}: the clocks are put back that night; the first \
             is taken, {}; write {} for the second",
            earlier.fixed_offset().to_rfc3339(),
            later.fixed_offset().to_rfc3339()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(timezone: &str, text: &str) -> (Option<String>, Vec<String>) {
        let settings =
            Settings::from_toml(&format!("timezone = \"{timezone}\"\n"), "(test)").unwrap();
        let inferrer = Inferrer::new(&settings);
        let written = Located {
            value: text.to_string(),
            line: Some(1),
        };
        let (mut problems, mut warnings) = (Vec::new(), Vec::new());
        let date = inferrer.resolve_date("a.txt", &written, "en", &mut problems, &mut warnings);
        assert!(problems.is_empty(), "{problems:?}");
        let shown = warnings.iter().map(|w| w.to_string()).collect();
        (date.map(|d| d.to_rfc3339()), shown)
    }

    #[test]
    fn a_weekday_that_is_not_the_dates_is_read_with_a_warning() {
        let (date, warnings) = resolve("Europe/Berlin", "Dienstag, 5. Mai 2021");
        assert_eq!(date.as_deref(), Some("2021-05-05T00:00:00+02:00"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("names a Tuesday, but 5 May 2021 is a Wednesday"),
            "{warnings:?}"
        );
        for right in [
            "Mittwoch, 5. Mai 2021",
            "Wednesday, May 5, 2021",
            "mercredi 5 mai 2021 à 10 heures",
        ] {
            assert_eq!(
                resolve("Europe/Berlin", right).1,
                Vec::<String>::new(),
                "{right}"
            );
        }
    }

    #[test]
    fn an_offset_more_than_fourteen_hours_from_utc_is_an_error() {
        let settings = Settings::from_toml("", "(test)").unwrap();
        let inferrer = Inferrer::new(&settings);
        for text in ["4 May 2021 10:00 UTC+15", "2021-05-04T10:00:00+15:00"] {
            let written = Located {
                value: text.to_string(),
                line: Some(1),
            };
            let (mut problems, mut warnings) = (Vec::new(), Vec::new());
            let date = inferrer.resolve_date("a.txt", &written, "en", &mut problems, &mut warnings);
            assert_eq!(date, None, "{text}");
            assert!(
                problems[0].to_string().contains("more than 14 hours"),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn a_time_the_clocks_skip_or_repeat_is_read_with_a_warning() {
        let (date, warnings) = resolve("Europe/Berlin", "2024-03-31 02:30");
        assert_eq!(date.as_deref(), Some("2024-03-31T03:30:00+02:00"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .starts_with("a.txt:1: warning: 2024-03-31 02:30 does not exist in Europe/Berlin"),
            "{warnings:?}"
        );
        assert!(
            warnings[0].contains("read as 2024-03-31T03:30:00+02:00"),
            "{warnings:?}"
        );

        let (date, warnings) = resolve("Europe/Berlin", "27.10.2024, 02:30 Uhr");
        assert_eq!(date.as_deref(), Some("2024-10-27T02:30:00+02:00"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("2024-10-27 02:30 happens twice in Europe/Berlin"),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("the first is taken, 2024-10-27T02:30:00+02:00; write 2024-10-27T02:30:00+01:00 for the second"), "{warnings:?}");

        // A US zone named after the time: its own clock changes.
        let (date, warnings) = resolve("UTC", "March 10, 2024, 2:30 a.m. ET");
        assert_eq!(date.as_deref(), Some("2024-03-10T03:30:00-04:00"));
        assert!(
            warnings[0].contains("does not exist in America/New_York"),
            "{warnings:?}"
        );
        let (date, warnings) = resolve("UTC", "November 3, 2024, 1:30 a.m. CT");
        assert_eq!(date.as_deref(), Some("2024-11-03T01:30:00-05:00"));
        assert!(
            warnings[0].contains("happens twice in America/Chicago"),
            "{warnings:?}"
        );

        // Times that exist once, explicit offsets and dates alone: silent.
        for (timezone, text, want) in [
            (
                "Europe/Berlin",
                "2024-03-31 03:30",
                "2024-03-31T03:30:00+02:00",
            ),
            (
                "Europe/Berlin",
                "2024-03-31T02:30:00+01:00",
                "2024-03-31T02:30:00+01:00",
            ),
            (
                "Europe/Berlin",
                "27.10.2024, 02:30 Uhr MEZ",
                "2024-10-27T02:30:00+01:00",
            ),
            (
                "America/Santiago",
                "08.09.2024",
                "2024-09-08T01:00:00-03:00",
            ),
            (
                "UTC",
                "February 4, 2025, 10:30 a.m. ET",
                "2025-02-04T10:30:00-05:00",
            ),
        ] {
            let (date, warnings) = resolve(timezone, text);
            assert_eq!(date.as_deref(), Some(want), "{text}");
            assert!(warnings.is_empty(), "{text}: {warnings:?}");
        }
    }

    #[test]
    fn a_time_the_clocks_skip_moves_on_by_the_gap() {
        let at = |tz: chrono_tz::Tz, text: &str| {
            let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
            local_time(&tz, local).to_rfc3339()
        };
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(at(berlin, "2024-03-31 02:30"), "2024-03-31T03:30:00+02:00");
        assert_eq!(at(berlin, "2024-03-31 02:00"), "2024-03-31T03:00:00+02:00");
        assert_eq!(at(berlin, "2024-03-31 01:59"), "2024-03-31T01:59:00+01:00");
        // Ambiguous (clocks put back): the first of the two.
        assert_eq!(at(berlin, "2024-10-27 02:30"), "2024-10-27T02:30:00+02:00");
        // Santiago skips midnight: a date alone is the first instant after.
        let santiago = chrono_tz::America::Santiago;
        assert_eq!(
            at(santiago, "2024-09-08 00:00"),
            "2024-09-08T01:00:00-03:00"
        );
        assert_eq!(
            at(santiago, "2024-09-08 00:30"),
            "2024-09-08T01:30:00-03:00"
        );
    }

    #[test]
    fn file_names() {
        assert_eq!(
            split_file_name("news/launch.de.md"),
            ("launch.de", Some(("launch", "de")))
        );
        assert_eq!(split_file_name("a/b.txt"), ("b", None));
        assert_eq!(split_file_name(".x.md"), (".x", None));
        assert_eq!(bundle_name("news/launch/index.de.md", "index"), "launch");
        assert_eq!(bundle_name("launch/_index.md", "_index"), "launch");
        assert_eq!(bundle_name("index.md", "index"), "index");
        assert_eq!(bundle_name("news/launch.de.md", "launch"), "launch");
    }

    #[test]
    fn slugs_and_ids() {
        assert_eq!(
            slug_of("AT&T buys „Röhre“ – 50 % off!", "x"),
            "at-t-buys-rohre-50-off"
        );
        assert_eq!(slug_of("???", "000_1c7d"), "000-1c7d");
        assert!(slug_of(&"wort ".repeat(40), "x").len() <= MAX_SLUG_LEN);
        assert!(is_url_segment("launch-2021"));
        assert!(!is_url_segment("../../etc"));
        assert!(!is_url_segment("a b"));
        assert!(is_url_segment("straße"));
        assert!(!is_url_segment("a/b"));
    }
}
