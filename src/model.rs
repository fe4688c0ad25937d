//! The plain data that flows between the stages. Nothing here touches the
//! disk or knows about XML: the content model is kept apart from rendering so
//! that `inspect` and both feed formats read the same decisions.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The two input formats of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain-text news export: date line, lead, paragraphs.
    Plain,
    /// CommonMark with TOML or YAML front matter.
    Markdown,
}

/// An author as feeds carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub uri: Option<String>,
}

/// Where an article's language came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    FrontMatter,
    Sidecar,
    FileName,
    Detected,
}

/// Which rule of the contract (§1c) put an article in its translation group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupSource {
    Key,
    FileName,
    Inferred,
    None,
}

/// One article with every value decided: what the feeds say about it.
/// The cache keeps it between runs, without its body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// Path relative to the articles folder, `/`-separated.
    pub path: String,
    pub format: Format,
    pub lang: String,
    pub lang_source: LangSource,
    #[serde(with = "stored_time")]
    pub date: DateTime<FixedOffset>,
    #[serde(with = "stored_time")]
    pub updated: DateTime<FixedOffset>,
    /// The title, summary, authors and tags are what a feed entry shows
    /// and nothing else reads. The cache stores them apart (see
    /// [`crate::cache::decode`]), so they are left empty for the
    /// articles a run takes from it until [`Article::display_loaded`].
    #[serde(skip)]
    pub title: String,
    /// Plain text.
    #[serde(skip)]
    pub summary: String,
    /// The article's text as written; rendered to HTML only for the
    /// entries that make it into a feed (see [`Article::content_html`]).
    #[serde(skip)]
    pub body: ArticleBody,
    pub slug: String,
    pub url: String,
    pub id: String,
    /// Whether the id was derived from the file name (no `id`, no key).
    pub id_from_file_name: bool,
    /// Whether the URL was made from the title (no `slug`, no `url`), so a
    /// clash with another article's can be settled by the file name.
    pub url_from_title: bool,
    #[serde(skip)]
    pub authors: Vec<Person>,
    #[serde(skip)]
    pub tags: Vec<String>,
    /// Whether `title`, `summary`, `authors` and `tags` are here: always
    /// for an article just inferred; for one taken from the cache, once
    /// its feed entry needs them (a feed of the newest fifty of a hundred
    /// thousand articles needs a hundred).
    #[serde(skip)]
    pub display_loaded: bool,
    /// Its title makes the URL of another article of its day, which keeps
    /// it: its slug ends in its file name (see `lib::separate_shared_title_urls`).
    /// Decided anew by every run, from all the articles.
    #[serde(skip)]
    pub url_apart: bool,
    pub draft: bool,
    /// Hugo's `publishDate` (given beside `date`) and `expiryDate`, in
    /// seconds since 1970: Hugo leaves a page out before the one and after
    /// the other, which a run warns of (see `lib::publication_window`).
    pub publish_date: Option<i64>,
    pub expiry_date: Option<i64>,
    /// Explicit translation key from front matter or sidecar.
    pub translation_key: Option<String>,
    /// The lines of an explicit `id`, `translation_key` and `url` (or
    /// `slug`) in the article's front matter, for the errors of a value
    /// two articles share. None for a sidecar's, whose lines are another
    /// file's.
    pub field_lines: FieldLines,
    /// The hash of the file's text and its sidecar's ([`crate::cache::text_hash`]):
    /// articles with one are copies. None where it was not taken.
    /// Bytes rather than a `u128`, whose alignment would pad every
    /// article.
    pub text_hash: Option<[u8; 16]>,
    /// Folder and base name without extension and language suffix, for the
    /// file-name rule: `news/launch` for `news/launch.de.md` and for
    /// `news/launch.md` alike.
    pub name_stem: String,
    /// Whether the file name carries a language suffix (`launch.de.md`).
    pub lang_suffix: bool,
    /// How its fields are typed, for messages that ask for one.
    pub field_syntax: crate::parse::FieldSyntax,
    /// What the pairing of translations reads (names, numbers, quoted
    /// terms, URLs), for plain-text exports only. Taken from the text once,
    /// here, so that a cached article needs no text to be paired.
    pub evidence: Option<crate::group::signals::Signals>,
}

/// Where in its front matter an article's checked fields were written
/// (see [`Article::field_lines`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldLines {
    pub id: Option<usize>,
    pub translation_key: Option<usize>,
    pub url: Option<usize>,
}

/// A date-time as the cache keeps it: seconds and nanoseconds since 1970
/// and the offset, three numbers rather than chrono's RFC 3339 text, which
/// had to be parsed twice for every cached article of every run.
mod stored_time {
    use chrono::{DateTime, FixedOffset};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        time: &DateTime<FixedOffset>,
        to: S,
    ) -> Result<S::Ok, S::Error> {
        let offset = time.offset().local_minus_utc();
        (time.timestamp(), time.timestamp_subsec_nanos(), offset).serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        from: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let (seconds, nanos, offset) = <(i64, u32, i32)>::deserialize(from)?;
        let offset = FixedOffset::east_opt(offset).ok_or_else(|| D::Error::custom("bad offset"))?;
        let utc =
            DateTime::from_timestamp(seconds, nanos).ok_or_else(|| D::Error::custom("bad time"))?;
        Ok(utc.with_timezone(&offset))
    }
}

/// An article's text, kept as written.
#[derive(Debug, Clone, Default)]
pub enum ArticleBody {
    /// Taken from the cache: the text is read again only if the article
    /// makes it into a feed.
    #[default]
    NotLoaded,
    /// The paragraphs of a plain-text export, the lead first.
    Plain(Vec<crate::parse::Paragraph>),
    /// CommonMark source without the front matter.
    Markdown(String),
}

impl From<crate::parse::Body> for ArticleBody {
    fn from(body: crate::parse::Body) -> Self {
        match body {
            crate::parse::Body::Plain { paragraphs, .. } => ArticleBody::Plain(paragraphs),
            crate::parse::Body::Markdown { source, .. } => ArticleBody::Markdown(source),
        }
    }
}

impl Article {
    /// The whole article as HTML, safe to embed: plain text escaped,
    /// Markdown rendered with absolute and safe links and sanitised raw
    /// HTML. Rendering every body of a large archive would cost more than
    /// all else, and feeds usually show only the newest fifty, so this is
    /// done on demand.
    pub fn content_html(&self) -> String {
        match &self.body {
            ArticleBody::Plain(paragraphs) => crate::infer::body::plain_html(paragraphs),
            ArticleBody::Markdown(source) => crate::infer::body::markdown_html(source, &self.url),
            ArticleBody::NotLoaded => String::new(),
        }
    }
}

/// How the articles were linked into translation groups.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// For every article (by index), the indices of its translations, sorted.
    pub translations: Vec<Vec<usize>>,
    pub sources: Vec<GroupSource>,
    /// Score of the inferred link, for articles linked by inference.
    pub scores: Vec<Option<f64>>,
}

/// Everything known after grouping: input to rendering and to `inspect`.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub articles: Vec<Article>,
    pub grouping: Grouping,
    /// Languages whose published feeds a `--keep-going` run keeps though
    /// it has no article of them (all failed to read): the other feeds
    /// still link them as siblings, as the last good run did.
    pub kept_languages: Vec<String>,
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Stored(#[serde(with = "super::stored_time")] DateTime<chrono::FixedOffset>);

    #[test]
    fn stored_times_come_back_with_their_offset() {
        for text in [
            "2024-03-01T10:30:00+01:00",
            "2024-03-01T10:30:00.123456789+05:45",
            "1969-12-31T23:59:59.5-03:30",
            "2016-12-31T23:59:60.25Z",
            "9999-12-31T23:59:59+14:00",
        ] {
            let time = DateTime::parse_from_rfc3339(text).unwrap();
            let bytes = postcard::to_stdvec(&Stored(time)).unwrap();
            let back: Stored = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back.0.to_rfc3339(), time.to_rfc3339(), "{text}");
            assert_eq!(back.0.offset(), time.offset(), "{text}");
        }
    }
}
