//! babelfeed: per-language Atom and RSS feeds, with `hreflang` links between
//! translations, from a folder of articles.
//!
//! The data flows one way, one module per stage:
//! [`discover`] → [`parse`] → [`infer`] → [`group`] → [`render`] →
//! [`publish`]. Only the first and the last touch the disk; the others pass
//! plain data ([`model`]). `main.rs` only reads the command line.

pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod group;
pub mod infer;
pub mod model;
pub mod parse;
pub mod publish;
pub mod render;
pub mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use config::{ConfigError, Settings};
use diagnostic::Diagnostic;
use model::Catalog;
use publish::{PublishError, PublishReport};

/// Why a run failed; each kind has its own exit code (see `--help`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Some articles are unusable; nothing was published.
    #[error("{} error(s) in the articles; nothing was published", .0.iter().filter(|d| d.is_error()).count())]
    Input(Vec<Diagnostic>),
    #[error("configuration: {0}")]
    Config(#[from] ConfigError),
    #[error("{path}: cannot read the articles folder: {source}")]
    ArticlesFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot render the feeds: {0}")]
    Render(String),
    #[error("cannot write the feeds: {0}")]
    Output(#[from] PublishError),
}

impl Error {
    /// The process exit code for this failure, as documented in `--help`.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) => 1,
            Error::Config(_) | Error::ArticlesFolder { .. } => 2,
            Error::Render(_) | Error::Output(_) => 3,
        }
    }
}

/// The articles with every decision made, and what was noticed on the way.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    /// Errors and warnings, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Files in the articles folder that are neither articles nor sidecars.
    pub ignored: Vec<String>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs every stage up to grouping: discover, parse, infer, group.
pub fn load(articles_dir: &Path, settings: &Settings) -> Result<Loaded, Error> {
    let found = discover::discover(articles_dir).map_err(|source| Error::ArticlesFolder {
        path: articles_dir.to_path_buf(),
        source,
    })?;
    let mut diagnostics = found.diagnostics;
    if found.sources.is_empty() {
        diagnostics.push(Diagnostic::warning(
            articles_dir.display().to_string(),
            None,
            "no articles (*.txt, *.md) found here, so no feed is written",
        ));
    }
    let inferrer = infer::Inferrer::new(settings);
    let mut articles = Vec::new();
    for source in &found.sources {
        let parsed = match parse::parse(source) {
            Ok(parsed) => parsed,
            Err(mut problems) => {
                diagnostics.append(&mut problems);
                continue;
            }
        };
        match inferrer.infer(parsed, &mut diagnostics) {
            Ok(article) => articles.push(article),
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    separate_shared_file_names(&mut articles, &inferrer, &mut diagnostics);
    diagnostics.extend(clashes(&articles));
    let (grouping, mut notes) = group::group(&articles, settings);
    diagnostics.append(&mut notes);
    diagnostics.sort();
    diagnostics.dedup();
    Ok(Loaded {
        catalog: Catalog { articles, grouping },
        diagnostics,
        ignored: found.ignored,
    })
}

/// Articles of one language with the same file name in different folders
/// (`2021/05/story.txt`, `2021/06/story.txt`) would get the same derived id.
/// Rather than refuse to publish, their ids include the folder, and a
/// warning says that moving them will now change their ids.
fn separate_shared_file_names(
    articles: &mut [model::Article],
    inferrer: &infer::Inferrer,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, article) in articles.iter().enumerate() {
        if article.id_from_file_name {
            by_id.entry(article.id.clone()).or_default().push(i);
        }
    }
    for members in by_id.into_values().filter(|m| m.len() > 1) {
        let paths: Vec<String> = members.iter().map(|&i| articles[i].path.clone()).collect();
        for &i in &members {
            let article = &mut articles[i];
            article.id = inferrer.path_id(&article.path, &article.lang);
            diagnostics.push(Diagnostic::warning(
                &article.path,
                None,
                format!(
                    "{} share a file name, so their entry ids include the folder and change if the files move; give each a distinct name or an `id` to keep ids stable",
                    paths.join(" and ")
                ),
            ));
        }
    }
}

/// Two published articles with one id or one URL would be one entry to a
/// feed reader, and one would hide the other.
fn clashes(articles: &[model::Article]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    shared_values(articles, "entry id", |a| &a.id, &mut problems);
    shared_values(articles, "URL", |a| &a.url, &mut problems);
    problems
}

/// Reports every published article whose `key` value an earlier one has.
fn shared_values(
    articles: &[model::Article],
    what: &str,
    key: fn(&model::Article) -> &String,
    problems: &mut Vec<Diagnostic>,
) {
    let mut first_with: BTreeMap<&str, &str> = BTreeMap::new();
    for article in articles.iter().filter(|a| !a.draft) {
        let value = key(article);
        let first = *first_with.entry(value).or_insert(&article.path);
        if first != article.path {
            problems.push(Diagnostic::error(
                &article.path,
                None,
                format!(
                    "has the same {what} `{value}` as {first}; give one of them its own `id`, `slug` or `url` (in front matter or a sidecar)"
                ),
            ));
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct Built {
    pub loaded: Loaded,
    pub languages: Vec<String>,
    pub published: PublishReport,
}

/// The whole pipeline: load, render, and — only when no article has an
/// error — publish to `out_dir`.
pub fn build(articles_dir: &Path, out_dir: &Path, settings: &Settings) -> Result<Built, Error> {
    let loaded = load(articles_dir, settings)?;
    if loaded.has_errors() {
        return Err(Error::Input(loaded.diagnostics));
    }
    let files = render::render(&loaded.catalog, settings).map_err(Error::Render)?;
    let published = publish::publish(out_dir, &files)?;
    let mut languages: Vec<String> = files
        .iter()
        .filter_map(|f| f.path.split_once('/').map(|(lang, _)| lang.to_string()))
        .collect();
    languages.dedup();
    Ok(Built {
        loaded,
        languages,
        published,
    })
}
