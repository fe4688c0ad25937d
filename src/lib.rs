//! babelfeed: per-language Atom and RSS feeds, with `hreflang` links between
//! translations, from a folder of articles.
//!
//! The data flows one way, one module per stage:
//! [`discover`] → [`parse`] → [`infer`] → [`group`] → [`render`] →
//! [`publish`]. Only the first and the last touch the disk; the others pass
//! plain data ([`model`]). `main.rs` only reads the command line.

pub mod address;
pub mod cache;
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
pub mod sorted;
pub mod spelling;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use config::{ConfigError, Settings};
use diagnostic::Diagnostic;
use model::Catalog;
use publish::{PublishError, PublishReport};
use rayon::prelude::*;

/// Why a run failed; each kind has its own exit code (see `--help`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Some articles are unusable; nothing was published.
    #[error("{} error(s) in the articles; nothing was published", .0.iter().filter(|d| d.is_error()).count())]
    Input(Vec<Diagnostic>),
    /// `--keep-going` published the valid articles and left these out.
    #[error("{} file(s) with errors were left out of the feeds: {}", .0.len(), .0.join(", "))]
    LeftOut(Vec<String>),
    /// `check` found this many errors (already listed).
    #[error("{0} error(s) found")]
    Check(usize),
    /// A bad configuration: its problems are listed by the caller
    /// ([`ConfigError::diagnostics`]), as those of the articles are.
    #[error("the configuration {} has {} error(s); nothing was done", .0.path, .0.problems.len())]
    Config(#[from] ConfigError),
    #[error("{}: {}", .path.display(), articles_folder_problem(.source))]
    ArticlesFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot render the feeds: {0}")]
    Render(String),
    #[error("cannot write the feeds: {0}")]
    Output(PublishError),
    /// `--no-wait` and another run holds the output folder.
    #[error("{0}")]
    Busy(PublishError),
    /// A run that failed after reading the articles (the feeds could not
    /// be written, say), with what reading them found: it must be told
    /// all the same, or only the next run would show it.
    #[error("{error}")]
    AfterReading {
        /// Warnings, and with `--keep-going` the errors of the files left
        /// out.
        diagnostics: Vec<Diagnostic>,
        error: Box<Error>,
    },
}

impl From<PublishError> for Error {
    fn from(error: PublishError) -> Self {
        match error {
            PublishError::Busy { .. } => Error::Busy(error),
            PublishError::Io { .. } => Error::Output(error),
        }
    }
}

impl Error {
    /// The process exit code for this failure, as documented in `--help`.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) | Error::LeftOut(_) | Error::Check(_) => 1,
            Error::Config(_) | Error::ArticlesFolder { .. } => 2,
            Error::Render(_) | Error::Output(_) => 3,
            Error::Busy(_) => 4,
            Error::AfterReading { error, .. } => error.exit_code(),
        }
    }

    /// Every problem of the input this failure carries, in the order they
    /// are to be listed before it: the articles' (and a bad
    /// configuration's), and those found before a later failure.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Input(diagnostics) => diagnostics.clone(),
            Error::Config(config) => config.diagnostics(),
            Error::AfterReading { diagnostics, error } => {
                let mut all = diagnostics.clone();
                all.extend(error.diagnostics());
                all
            }
            _ => Vec::new(),
        }
    }

    /// The failure as a problem of the input, where it is one (the
    /// articles folder cannot be read), for `check --format json`: scripts
    /// get every problem in one shape on stdout. (As text, the error line
    /// says it.)
    pub fn as_diagnostic(&self) -> Option<Diagnostic> {
        match self {
            Error::ArticlesFolder { path, source } => Some(Diagnostic::error(
                path.display().to_string(),
                None,
                articles_folder_problem(source),
            )),
            _ => None,
        }
    }
}

fn articles_folder_problem(source: &std::io::Error) -> String {
    format!("cannot read the articles folder: {source}")
}

/// For a failure after the articles were read: `diagnostics`, what reading
/// them found, go with it (see [`Error::AfterReading`]).
fn after_reading<E: Into<Error>>(diagnostics: &[Diagnostic]) -> impl FnOnce(E) -> Error + '_ {
    move |error| match error.into() {
        error if diagnostics.is_empty() => error,
        error => Error::AfterReading {
            diagnostics: diagnostics.to_vec(),
            error: Box::new(error),
        },
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

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Runs every stage up to grouping: discover, parse, infer, group.
pub fn load(articles_dir: &Path, settings: &Settings) -> Result<Loaded, Error> {
    let mut listing = list(articles_dir)?;
    let inferrer = infer::Inferrer::new(settings);
    let inferred = read_and_infer(articles_dir, &listing, &inferrer, settings, None, true);
    let (loaded, _) = load_listed(
        articles_dir,
        &mut listing,
        inferred,
        &inferrer,
        settings,
        None,
    );
    Ok(loaded)
}

fn list(articles_dir: &Path) -> Result<discover::Listing, Error> {
    discover::list(articles_dir).map_err(|source| Error::ArticlesFolder {
        path: articles_dir.to_path_buf(),
        source,
    })
}

/// The listed files after reading and inference, in listing order.
///
/// The articles are kept apart from the rest so that they become the
/// catalog's in place: gathered with it, they were moved into a vector of
/// their own, 36 MB of fresh memory at 100k articles, which the kernel
/// must zero first (a tenth of a second on a virtual machine).
struct Inferred {
    articles: Vec<Option<model::Article>>,
    files: Vec<InferredFile>,
}

/// One article file after reading and inference, but its article.
struct InferredFile {
    /// Warnings (and, for a file that is not an article, errors).
    diagnostics: Vec<Diagnostic>,
    /// Content hash; `None` when the file could not be read.
    hash: Option<cache::ContentHash>,
    /// The outcome encoded for the cache, when a cache is in use and the
    /// outcome is not in it yet.
    encoded: Option<Vec<u8>>,
}

/// Reads, parses and infers every listed file — or takes it from the cache
/// when its stamp shows it unchanged. Each file is its own work, so the
/// files are shared out over the cores; results come back in path order.
///
/// Without `keep_bodies` the articles' text is dropped once inferred: a
/// feed of the newest fifty needs a hundred bodies of an archive of a
/// hundred thousand, and reading those again costs less than holding all.
fn read_and_infer(
    articles_dir: &Path,
    listing: &discover::Listing,
    inferrer: &infer::Inferrer,
    settings: &Settings,
    cache: Option<(&cache::Cache, &cache::StoredOutcomes)>,
    keep_bodies: bool,
) -> Inferred {
    let known = cache.map(|(c, _)| c.known_hashes(&listing.files));
    let (articles, files) = listing
        .files
        .par_iter()
        .enumerate()
        .map(|(at, listed)| {
            // When every article is shown, what the entries show is
            // decoded at once; otherwise for the shown ones, later.
            let cached = |hash: cache::ContentHash| {
                let (_, stored) = cache?;
                let bytes = stored.get(hash)?;
                let outcome = if keep_bodies {
                    cache::decode_whole(bytes)?
                } else {
                    cache::decode(bytes)?
                };
                let file = InferredFile {
                    diagnostics: outcome.diagnostics,
                    hash: Some(hash),
                    encoded: None,
                };
                Some((outcome.article, file))
            };
            // An unchanged stamp spares reading the file at all.
            if let Some(hit) = known.as_ref().and_then(|k| k[at]).and_then(cached) {
                return hit;
            }
            let (source, mut diagnostics) =
                discover::read(articles_dir, listed, settings.max_article_bytes);
            let Some(source) = source else {
                let file = InferredFile {
                    diagnostics,
                    hash: None,
                    encoded: None,
                };
                return (None, file);
            };
            // Keyed on content: a file that was touched, or rewritten with
            // what it held, is not inferred again.
            let (text_hash, hash) = hashes_of(&source);
            if let Some(hit) = cached(hash) {
                return hit;
            }
            let inferred =
                parse::parse(&source).and_then(|parsed| inferrer.infer(parsed, &mut diagnostics));
            let article = match inferred {
                Ok(mut article) => {
                    article.text_hash = Some(text_hash.to_le_bytes());
                    if !keep_bodies {
                        article.body = model::ArticleBody::NotLoaded;
                    }
                    Some(article)
                }
                Err(mut problems) => {
                    diagnostics.append(&mut problems);
                    None
                }
            };
            let outcome = cache::Outcome {
                article,
                diagnostics,
            };
            // A draft is not kept: the cache is in the output folder, and
            // what is not published must not be there to be served. It is
            // read again on every run, as drafts are few.
            let is_draft = outcome.article.as_ref().is_some_and(|a| a.draft);
            let file = InferredFile {
                encoded: cache.filter(|_| !is_draft).map(|_| cache::encode(&outcome)),
                diagnostics: outcome.diagnostics,
                hash: Some(hash),
            };
            (outcome.article, file)
        })
        .unzip();
    Inferred { articles, files }
}

/// The hash of a file's text, and its content hash, which adds its path
/// and its sidecar's text (see [`cache::content_hash`]).
fn hashes_of(source: &discover::SourceFile) -> (u128, cache::ContentHash) {
    let text = cache::text_hash(&source.file.text);
    let sidecar = source.sidecar.as_ref().map(|s| s.text.as_str());
    (text, cache::content_hash(&source.file.path, text, sidecar))
}

/// Groups the inferred files into a catalog; `files` are in listing order.
/// Takes the listing's diagnostics and ignored files; leaves its files.
fn load_listed(
    articles_dir: &Path,
    listing: &mut discover::Listing,
    inferred: Inferred,
    inferrer: &infer::Inferrer,
    settings: &Settings,
    memo: Option<&group::pairing::PairingMemo>,
) -> (Loaded, group::pairing::PairingMemo) {
    let mut diagnostics = std::mem::take(&mut listing.diagnostics);
    if listing.files.is_empty() {
        note_no_articles(articles_dir, &mut diagnostics);
    }
    for file in inferred.files {
        diagnostics.extend(file.diagnostics);
    }
    // In place (see [`Inferred`]), which `flatten` would not be.
    #[allow(clippy::filter_map_identity)]
    let articles = inferred.articles.into_iter().filter_map(|a| a).collect();
    let (catalog, memo) = assemble(articles, inferrer, settings, &mut diagnostics, memo);
    diagnostics.sort();
    diagnostics.dedup();
    let loaded = Loaded {
        catalog,
        diagnostics,
        ignored: std::mem::take(&mut listing.ignored),
    };
    (loaded, memo)
}

/// An empty or unmounted articles folder must not wipe out every published
/// feed: such a run publishes and removes nothing (see [`build`]), and
/// says so; unless folders that could not be read are the reason, which
/// their errors already say.
fn note_no_articles(articles_dir: &Path, diagnostics: &mut Vec<Diagnostic>) {
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(Diagnostic::warning(
            articles_dir.display().to_string(),
            None,
            "no articles (*.txt, *.md) found here: nothing is published, and the feeds published before are left as they are",
        ));
    }
}

/// The decisions that need every article at once: unique ids and URLs,
/// and translation groups.
///
/// `memo` is what the last run's pairing left for this one (see
/// [`group::pairing::pair_reusing`]); what this run leaves is returned.
fn assemble(
    mut articles: Vec<model::Article>,
    inferrer: &infer::Inferrer,
    settings: &Settings,
    diagnostics: &mut Vec<Diagnostic>,
    memo: Option<&group::pairing::PairingMemo>,
) -> (Catalog, group::pairing::PairingMemo) {
    leave_out_copies(&mut articles, diagnostics);
    separate_shared_file_names(&mut articles, inferrer, diagnostics);
    separate_shared_title_urls(&mut articles, inferrer, diagnostics);
    // The checks only read what grouping reads too: on a run with one
    // change, each is tens of milliseconds over every article, so they
    // share the cores.
    let (mut problems, (grouping, mut notes, memo)) = rayon::join(
        || {
            let mut problems = clashes(&articles);
            problems.extend(publication_window(&articles, chrono::Utc::now()));
            problems.extend(languages_the_validator_refuses(&articles));
            problems
        },
        || group::group_reusing(&articles, settings, memo),
    );
    diagnostics.append(&mut problems);
    diagnostics.append(&mut notes);
    (
        Catalog {
            articles,
            grouping,
            kept_languages: Vec::new(),
        },
        memo,
    )
}

/// Languages whose tag the W3C validator calls an error in every feed
/// that links their feeds (see [`infer::lang::not_in_iso_639_2`]): one
/// warning a language, naming its first published article and counting
/// the rest, since an archive in Cantonese would otherwise bring one
/// warning per article.
fn languages_the_validator_refuses(articles: &[model::Article]) -> Vec<Diagnostic> {
    let published = || articles.iter().filter(|a| !a.draft);
    // Each tag is asked about once; articles are gathered only for the
    // (rare) tags refused.
    let tags: BTreeSet<&str> = published().map(|a| a.lang.as_str()).collect();
    tags.into_iter()
        .filter_map(|tag| {
            let why = infer::lang::not_in_iso_639_2(tag)?;
            let in_tag = published()
                .filter(|a| a.lang == tag)
                .map(|a| (a.date.timestamp(), a));
            first_of(in_tag, |_, others, _| {
                format!("is in `{tag}`{others}: {why}")
            })
        })
        .collect()
}

/// Articles outside their time of publication, which a run publishes all
/// the same: the feeds stay as the files say (no clock decides what they
/// hold, so every run gives the same bytes), with a warning for each rule
/// that names the first such article and counts the rest:
/// - dated after `now` (with ten minutes for clocks that differ), or with
///   Hugo's `publishDate` after it: a reader shows them at the top before
///   they happen, and an embargoed story is out early;
/// - past Hugo's `expiryDate`, which Hugo takes down.
fn publication_window(
    articles: &[model::Article],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Diagnostic> {
    let soon = (now + chrono::Duration::minutes(10)).timestamp();
    let published = || articles.iter().filter(|a| !a.draft);
    let future = published().filter_map(|a| {
        let due = a.date.timestamp().max(a.publish_date.unwrap_or(i64::MIN));
        (due > soon).then_some((due, a))
    });
    let expired = published().filter_map(|a| {
        let end = a.expiry_date?;
        (end <= now.timestamp()).then_some((end, a))
    });
    [
        first_of(future, |time, others, first| format!(
            "is due {time}, in the future{others}: it is published now, before it is due (and a future date puts it at the top of readers' lists until then); set `{}` {} until it is due, or correct the date",
            first.field_syntax.field("draft", "true"),
            first.field_syntax.place(&first.path),
        )),
        first_of(expired, |time, others, first| format!(
            "expired {time} (its `expiryDate`){others}: Hugo takes such a page down, but it stays in the feeds; remove it, set `{}` {}, or correct the date",
            first.field_syntax.field("draft", "true"),
            first.field_syntax.place(&first.path),
        )),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// How a warning that names one article tells of the `others` it is
/// also about (`count` of them, the first few by name): a press office
/// with three embargoed releases must find each of them in the warning.
fn and_others(others: &[&model::Article], count: usize) -> String {
    let names = others
        .iter()
        .map(|a| a.path.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match count {
        0 => String::new(),
        1 => format!(" (and so is 1 other article: {names})"),
        n if n == others.len() => format!(" (and so are {n} other articles: {names})"),
        n => format!(
            " (and so are {n} other articles: {names} and {} more)",
            n - others.len()
        ),
    }
}

/// Others named in a warning about many articles, at most; the rest are
/// counted.
const OTHERS_NAMED: usize = 10;

/// A warning on the earliest of `found` (a time and its article), naming
/// the next few and counting the rest.
fn first_of<'a>(
    found: impl Iterator<Item = (i64, &'a model::Article)>,
    message: impl Fn(String, String, &model::Article) -> String,
) -> Option<Diagnostic> {
    let mut found: Vec<(i64, &model::Article)> = found.collect();
    let earliest = |(x, a): &(i64, &model::Article), (y, b): &(i64, &model::Article)| {
        x.cmp(y).then_with(|| a.path.cmp(&b.path))
    };
    // The first few in order, without sorting all: a generated or
    // imported archive can have tens of thousands in the future.
    if found.len() > OTHERS_NAMED + 1 {
        found.select_nth_unstable_by(OTHERS_NAMED, earliest);
    }
    let count = found.len();
    let named = &mut found[..count.min(OTHERS_NAMED + 1)];
    named.sort_by(earliest);
    let (&(time, first), others) = named.split_first()?;
    let others: Vec<&model::Article> = others.iter().map(|(_, a)| *a).collect();
    let others = and_others(&others, count - 1);
    let time = chrono::DateTime::from_timestamp(time, 0)
        .unwrap_or_default()
        .with_timezone(&first.date.timezone());
    Some(Diagnostic::warning(
        first.path.clone(),
        None,
        message(time.to_rfc3339(), others, first),
    ))
}

/// For `--keep-going`: drops every article that has an error and decides
/// ids and groups again without them. Returns the files left out.
fn leave_out_failed(loaded: &mut Loaded, settings: &Settings) -> Vec<String> {
    let inferrer = infer::Inferrer::new(settings);
    let mut left_out = BTreeSet::new();
    // Dropping articles only removes clashes and group conflicts, so this
    // settles at once; the bound is a guard, not an expectation.
    for _ in 0..4 {
        let failed: BTreeSet<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.clone())
            .collect();
        let fresh: Vec<String> = failed.difference(&left_out).cloned().collect();
        if fresh.is_empty() {
            break;
        }
        left_out.extend(fresh);
        let articles = std::mem::take(&mut loaded.catalog.articles)
            .into_iter()
            .filter(|a| !left_out.contains(&a.path))
            .collect();
        let mut again = Vec::new();
        loaded.catalog = assemble(articles, &inferrer, settings, &mut again, None).0;
        loaded
            .diagnostics
            .extend(again.into_iter().filter(|d| d.is_error()));
        loaded.diagnostics.sort();
        loaded.diagnostics.dedup();
    }
    left_out.into_iter().collect()
}

/// The article files of `failed` paths: a sidecar's error leaves out the
/// article it sets fields of, which is what a publisher looks for in the
/// list of what was left out.
fn articles_of(failed: Vec<String>, listed: &[discover::ListedArticle]) -> Vec<String> {
    let of_sidecar: rustc_hash::FxHashMap<&str, &str> = listed
        .iter()
        .filter_map(|l| Some((l.sidecar.as_ref()?.path.as_str(), l.file.path.as_str())))
        .collect();
    let articles: BTreeSet<String> = failed
        .into_iter()
        .map(|path| match of_sidecar.get(path.as_str()) {
            Some(article) => article.to_string(),
            None => path,
        })
        .collect();
    articles.into_iter().collect()
}

/// Files of one language and date with the same text are one article
/// saved twice: a file manager's copy (`story (copy).txt`), or a story
/// filed in two folders. Published as they are, readers would get it
/// twice, and the copy could take the original's URL and translations.
/// The original is kept, told by its name (see [`first_published`]); the
/// copy is left out with a warning, and nothing is lost. One text in two
/// languages (a statement left untranslated) or on two dates (a yearly
/// notice dated by its file name) is two articles.
fn leave_out_copies(articles: &mut Vec<model::Article>, diagnostics: &mut Vec<Diagnostic>) {
    let same_text = sharing(articles, |a| (!a.draft).then_some(a.text_hash.as_ref()?));
    if same_text.is_empty() {
        return;
    }
    let mut left_out = vec![false; articles.len()];
    for members in same_text {
        // In the order of `first_published`: each is a copy of the first
        // of its language and date.
        for (n, &i) in members.iter().enumerate() {
            let (lang, date) = (&articles[i].lang, articles[i].date);
            let Some(&original) = members[..n]
                .iter()
                .find(|&&o| articles[o].lang == *lang && articles[o].date == date)
            else {
                continue;
            };
            let original = &articles[original].path;
            left_out[i] = true;
            diagnostics.push(Diagnostic::warning(
                &articles[i].path,
                None,
                format!(
                    "has the same text as {original}, so it is left out of the feeds as a copy of it; delete it, or change it if it is meant to be an article of its own"
                ),
            ));
        }
    }
    let mut at = 0;
    articles.retain(|_| {
        at += 1;
        !left_out[at - 1]
    });
}

/// A file renamed since the last run gets an id made from its new name
/// (unless a key or an `id` makes it), and feed readers show it again as
/// a new entry. It is told by its text: an article of this run, in a file
/// the last run did not have (`was_there` says which it had), with the
/// text of one of the last run (`gone`) whose file is no more, and
/// another id. Warned of, with the setting that keeps the old id. (A file
/// that was there is no rename: a copy of it that is gone, say.)
fn renamed(
    articles: &[model::Article],
    gone: Vec<model::Article>,
    was_there: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    if gone.is_empty() {
        return Vec::new();
    }
    let by_text: rustc_hash::FxHashMap<[u8; 16], &model::Article> = gone
        .iter()
        .filter_map(|a| Some((a.text_hash?, a)))
        .collect();
    articles
        .iter()
        .filter(|a| !a.draft)
        .filter_map(|article| {
            let old = by_text.get(&article.text_hash?)?;
            (old.id != article.id && !was_there(&article.path)).then(|| {
                let set_id = article.field_syntax.field("id", &old.id);
                let place = article.field_syntax.place(&article.path);
                Diagnostic::warning(
                    &article.path,
                    None,
                    format!(
                        "has the text {old_path} had, and {old_path} is gone: if it was renamed, its entry id changed from {} to {}, and feed readers will show it again as a new entry; to keep the old id, set `{set_id}` {place}",
                        old.id,
                        article.id,
                        old_path = old.path
                    ),
                )
            })
        })
        .collect()
}

/// An article whose URL is made from its title changes it when the title
/// is edited (a figure updated in a lead), or its date or language. The
/// entry id stays, so a feed reader keeps the entry, but links to the old
/// URL (a partner site's, a reader's bookmark) break if the page did not
/// move, as most publishing systems keep a page's first address. Told for
/// the articles this run read anew (`read_anew`, by path), against what
/// the last run made of the same file (`last`), with the setting that
/// keeps the old URL. A URL set by hand is its author's choice.
fn moved_urls(
    articles: &[model::Article],
    read_anew: &rustc_hash::FxHashSet<&str>,
    last: impl Fn(&str) -> Option<model::Article>,
) -> Vec<Diagnostic> {
    if read_anew.is_empty() {
        return Vec::new();
    }
    articles
        .iter()
        .filter(|a| !a.draft && a.url_from_title && read_anew.contains(a.path.as_str()))
        .filter_map(|article| {
            let old = last(&article.path).filter(|old| !old.draft)?;
            if old.url == article.url {
                return None;
            }
            // The URL is made of the language, the date and the slug: with
            // the first two as they were, the old slug makes the old URL.
            let keep = match old.lang == article.lang && old.date == article.date {
                true => article.field_syntax.field("slug", &old.slug),
                false => article.field_syntax.field("url", &old.url),
            };
            let place = article.field_syntax.place(&article.path);
            let why = match article.url_apart {
                true => "as another article of its day now has its title (see the warning on its title)",
                false => "as it is made from the title (and date) and they changed",
            };
            Some(Diagnostic::warning(
                &article.path,
                None,
                format!(
                    "its URL changed from {} to {}, {why}; feed readers keep the entry, but links to the old URL break if the page did not move: to keep it, set `{keep}` {place}",
                    old.url, article.url
                ),
            ))
        })
        .collect()
}

/// Articles of one language with the same file name in different folders
/// (`2021/05/story.txt`, `2021/06/story.txt`) would get the same derived id.
/// Rather than refuse to publish, the first published of them keeps it,
/// and the others' ids include their folder, with a warning that moving
/// them will now change their ids. The first keeps it so that publishing
/// a new story under a used name never changes the id of one that feed
/// readers already hold; an older one added later cannot be told from
/// the files alone (the output depends on them only), so the warning says
/// how to keep the id readers hold.
fn separate_shared_file_names(
    articles: &mut [model::Article],
    inferrer: &infer::Inferrer,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for members in sharing(articles, |a| a.id_from_file_name.then_some(&a.id)) {
        let first = articles[members[0]].path.clone();
        let name_id = articles[members[0]].id.clone();
        for &i in &members[1..] {
            let article = &mut articles[i];
            article.id = inferrer.path_id(&article.path, &article.lang);
            let set_id = article.field_syntax.field("id", &name_id);
            let place = article.field_syntax.place(&article.path);
            // Dates decide, not arrival: an older story added later (an
            // archive imported after the fact) takes the name's id from
            // one readers already hold, which only the publisher can tell.
            diagnostics.push(Diagnostic::warning(
                &article.path,
                None,
                format!(
                    "has the same file name as {first}, published first, which keeps the entry id made from the name ({name_id}); this article's id includes its folder and changes if it moves or {first} goes: give it a distinct name or an `id` to keep its id stable. If this article was in the feeds before {first} was added, readers hold it as {name_id}: set `{set_id}` {place} and another `id` for {first}"
                ),
            ));
        }
    }
}

/// Articles of one language and day whose titles make one URL (two
/// stories opening with the same headline, or two Markdown posts of one
/// title): the first published keeps it, and the others' slugs end in
/// their file name (or path, see [`infer::Inferrer::slug_and_url_apart`]),
/// with a warning. An error here would stop a cron job's
/// every run over two titles; a URL set by hand (`slug`, `url`) still
/// clashes as an error, since only its author can choose another.
fn separate_shared_title_urls(
    articles: &mut [model::Article],
    inferrer: &infer::Inferrer,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let shared = sharing(articles, |a| (!a.draft).then_some(&a.url));
    if shared.is_empty() {
        return;
    }
    let mut taken: rustc_hash::FxHashSet<String> = articles
        .iter()
        .filter(|a| !a.draft)
        .map(|a| a.url.clone())
        .collect();
    for mut members in shared {
        // A URL set by hand is kept: only its author can choose another,
        // and one set to keep an article's URL must not lose it to a
        // newcomer (see [`moved_urls`]).
        members.sort_by_key(|&i| articles[i].url_from_title);
        let first = articles[members[0]].path.clone();
        // A file name the others share too is no name of its own: those
        // start from their path, so that each one's URL stays the same
        // whichever of the others come and go.
        let by_name: Vec<String> = members
            .iter()
            .map(|&i| inferrer.slug_and_url_apart(&articles[i], 0).1)
            .collect();
        for (n, &i) in members.iter().enumerate().skip(1) {
            let own_name = by_name.iter().filter(|u| **u == by_name[n]).count() == 1;
            let article = &mut articles[i];
            if !article.url_from_title {
                continue;
            }
            (article.slug, article.url) = (usize::from(!own_name)..)
                .map(|attempt| inferrer.slug_and_url_apart(article, attempt))
                .find(|(_, url)| !taken.contains(url))
                .expect("a numbered slug is always free at last");
            taken.insert(article.url.clone());
            article.url_apart = true;
            diagnostics.push(Diagnostic::warning(
                &article.path,
                None,
                format!(
                    "its title makes the same URL as {first}, which keeps it (published earlier, or first by file name on one day), so its slug ends in its file name (or path, where that is shared too): `{}`; set a `slug` to choose one",
                    article.slug
                ),
            ));
        }
    }
}

/// The articles that share a `key` value with another, in groups: each
/// group in the order of [`first_published`], the groups in the articles'
/// order, whatever the map's.
fn sharing<'a, K: Eq + std::hash::Hash + ?Sized + 'a>(
    articles: &'a [model::Article],
    key: impl Fn(&'a model::Article) -> Option<&'a K>,
) -> Vec<Vec<usize>> {
    // Each value's first holder; a list only for the few values shared,
    // not one for each of a hundred thousand that are not.
    let mut first_with: rustc_hash::FxHashMap<&K, usize> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(articles.len(), Default::default());
    let mut by_first: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, article) in articles.iter().enumerate() {
        if let Some(value) = key(article) {
            let first = *first_with.entry(value).or_insert(i);
            if first != i {
                by_first.entry(first).or_insert_with(|| vec![first]).push(i);
            }
        }
    }
    let mut shared: Vec<Vec<usize>> = by_first.into_values().collect();
    for members in &mut shared {
        members.sort_by(|&a, &b| first_published(&articles[a], &articles[b]));
    }
    shared
}

/// Which of two articles that share a value was published first: by date,
/// then the one whose file name is not a copy's, then by path. A file
/// manager names a copy `story (copy).txt`, `story - Kopie.txt`, `Copy of
/// story.txt` or `story (2).txt`, and by path alone `story (copy).txt`
/// would come first (a space sorts before a dot).
fn first_published(a: &model::Article, b: &model::Article) -> std::cmp::Ordering {
    (a.date, copy_marks(a), &a.path).cmp(&(b.date, copy_marks(b), &b.path))
}

/// How often an article's file name says it is a copy, as a file manager
/// names one: the word for a copy (English, German, French, Spanish,
/// Italian, Portuguese, Dutch, Polish), and a number in brackets. A copy
/// of a copy (`report (1) - Kopie.txt`) says it once more than the file
/// it was made from (`report (1).txt`).
fn copy_marks(article: &model::Article) -> usize {
    const COPY_WORDS: &[&str] = &["copy", "kopie", "copie", "copia", "cópia", "kopia"];
    let name = article.name_stem.rsplit('/').next().unwrap_or_default();
    let name = name.to_lowercase();
    let words = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| COPY_WORDS.contains(word))
        .count();
    let numbers = name
        .split('(')
        .skip(1)
        .filter(|part| {
            part.split_once(')')
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    words + numbers
}

/// Two published articles with one id or one URL would be one entry to a
/// feed reader, and one would hide the other.
fn clashes(articles: &[model::Article]) -> Vec<Diagnostic> {
    let (mut problems, mut urls) = rayon::join(
        || {
            shared_values(
                articles,
                "entry id",
                "give one of them its own `id` (ids are made from the `translation_key`, else the file name, so a key or name of its own does too)",
                |a| (&a.id, a.field_lines.id.or(a.field_lines.translation_key)),
            )
        },
        || {
            shared_values(
                articles,
                "URL",
                "give one of them its own `slug` or `url`",
                |a| (&a.url, a.field_lines.url),
            )
        },
    );
    problems.append(&mut urls);
    problems
}

/// Reports every published article whose `key` value another has, each
/// of them: which one is the copy cannot be told (`budget copy.md` sorts
/// before `budget.md`), so with `--keep-going` none of them is published,
/// rather than the wrong one under the id readers hold. `key` gives the
/// value and the line it was written on, if it was.
fn shared_values(
    articles: &[model::Article],
    what: &str,
    advice: &str,
    key: fn(&model::Article) -> (&String, Option<usize>),
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    // Only looked up, never walked: the order of the reports is the
    // articles' own. With each first holder and its line: whether it was
    // reported.
    let mut first_with: rustc_hash::FxHashMap<&str, (&str, Option<usize>, bool)> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(articles.len(), Default::default());
    let error = |path: &str, line: Option<usize>, value: &str, other: &str| {
        Diagnostic::error(
            path,
            line,
            format!(
                "has the same {what} `{value}` as {other}; {advice} (in front matter or a sidecar)"
            ),
        )
    };
    for article in articles.iter().filter(|a| !a.draft) {
        let (value, line) = key(article);
        let (first, first_line, reported) =
            first_with
                .entry(value)
                .or_insert((&article.path, line, false));
        if *first != article.path {
            if !*reported {
                problems.push(error(first, *first_line, value, &article.path));
                *reported = true;
            }
            problems.push(error(&article.path, line, value, first));
        }
    }
    problems
}

/// How `build` behaves when something is wrong.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Publish the valid articles even when others have errors.
    pub keep_going: bool,
    /// Fail at once instead of waiting when another run holds the output
    /// folder.
    pub no_wait: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct Built {
    /// Warnings, sorted by file and line (and, with `keep_going`, errors).
    pub diagnostics: Vec<Diagnostic>,
    /// Files in the articles folder that are neither articles nor sidecars.
    pub ignored: Vec<String>,
    /// Articles read, drafts included.
    pub articles: usize,
    pub drafts: usize,
    pub languages: Vec<String>,
    pub published: PublishReport,
    /// Files with errors that `--keep-going` left out of the feeds; the
    /// run still counts as failed.
    pub left_out: Vec<String>,
    /// Nothing had changed since the last run, which the cache showed
    /// without reading any article.
    pub from_cache: bool,
    /// How long each stage took, in order (`build -vv` prints them).
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Times the stages of a run, for `-vv`: where a slow run spends its time
/// is the first question about it.
#[derive(Debug)]
struct Stopwatch {
    last: std::time::Instant,
    laps: Vec<(&'static str, std::time::Duration)>,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Ends the stage called `name`, which began where the last one ended.
    fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }
}

/// Checks articles and configuration as a build would — including
/// rendering every feed in memory — without writing anything.
pub fn check(articles_dir: &Path, settings: &Settings) -> Result<Loaded, Error> {
    let loaded = load(articles_dir, settings)?;
    if !loaded.has_errors() {
        render::render(&loaded.catalog, settings)
            .map_err(Error::Render)
            .map_err(after_reading(&loaded.diagnostics))?;
    }
    Ok(loaded)
}

/// The whole pipeline: load, render and check every feed, and — only when
/// no article has an error, or with `keep_going` — publish to `out_dir`.
///
/// The output folder's lock is held from before the articles are read
/// until the feeds are in place, so two runs never interleave. The cache
/// beside the output ([`cache`]) lets a run skip the files that did not
/// change, or the whole work when none did; the output is the same bytes
/// as without it.
pub fn build(
    articles_dir: &Path,
    out_dir: &Path,
    settings: &Settings,
    options: BuildOptions,
) -> Result<Built, Error> {
    let mut stopwatch = Stopwatch::start();
    // A missing articles folder is reported before the output folder is
    // created for the lock.
    discover::folder(articles_dir).map_err(|source| Error::ArticlesFolder {
        path: articles_dir.to_path_buf(),
        source,
    })?;
    let lock = publish::lock(out_dir, !options.no_wait)?;
    stopwatch.lap("wait for the output folder");
    // The walk is mostly waiting on `stat`; the cache index is decoded
    // meanwhile.
    let (listing, cache) = rayon::join(
        || list(articles_dir),
        || cache::Cache::open(out_dir, cache::fingerprint(settings, articles_dir)),
    );
    let listing = listing?;
    stopwatch.lap("list the articles folder and open the cache");
    // The walk's warnings must be ones the last run saw too (they are
    // shown again from its record); its errors need a real run.
    if !listing.diagnostics.iter().any(Diagnostic::is_error) {
        let rehash = |listed: &discover::ListedArticle| {
            let (source, _) = discover::read(articles_dir, listed, settings.max_article_bytes);
            source.map(|s| hashes_of(&s).1)
        };
        let unchanged = cache
            .unchanged_run(&listing.files, out_dir, rehash)
            .filter(|run| {
                listing
                    .diagnostics
                    .iter()
                    .all(|d| run.diagnostics.contains(d))
            });
        stopwatch.lap("compare with the last run");
        if let Some(run) = unchanged {
            publish::tidy(out_dir, &lock);
            let built = Built {
                diagnostics: run.diagnostics.clone(),
                ignored: listing.ignored,
                articles: run.articles,
                drafts: run.drafts,
                languages: run.languages.clone(),
                published: PublishReport {
                    unchanged: run.outputs.iter().map(|(path, _)| path.clone()).collect(),
                    ..PublishReport::default()
                },
                left_out: Vec::new(),
                from_cache: true,
                timings: stopwatch.laps,
            };
            drop_in_background((listing.files, cache));
            return Ok(built);
        }
    }

    if listing.files.is_empty() {
        let mut diagnostics = listing.diagnostics;
        note_no_articles(articles_dir, &mut diagnostics);
        // Folders that could not be read: `--keep-going` still fails on
        // them (exit code 1).
        let unread: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.clone())
            .collect();
        if !unread.is_empty() && !options.keep_going {
            return Err(Error::Input(diagnostics));
        }
        return Ok(Built {
            diagnostics,
            ignored: listing.ignored,
            articles: 0,
            drafts: 0,
            languages: Vec::new(),
            published: PublishReport::default(),
            left_out: unread,
            from_cache: false,
            timings: stopwatch.laps,
        });
    }
    let inferrer = infer::Inferrer::new(settings);
    let stored_outcomes = cache.stored_outcomes();
    stopwatch.lap("read the cached articles");
    let every_body_shown =
        settings.content == config::ContentMode::Full && settings.max_entries == 0;
    // The pairing memo is only needed after inference; it is read
    // meanwhile.
    let (mut inferred, cached_memo) = rayon::join(
        || {
            read_and_infer(
                articles_dir,
                &listing,
                &inferrer,
                settings,
                Some((&cache, &stored_outcomes)),
                every_body_shown,
            )
        },
        || cache.pairing_memo(),
    );
    stopwatch.lap("read and infer the articles (and read the cached pairing)");
    // What the next run may reuse, taken before the outcomes move into
    // the catalog.
    let mut remembered = Vec::new();
    for (at, file) in inferred.files.iter_mut().enumerate() {
        if let Some(hash) = file.hash {
            remembered.push((at, hash, file.encoded.take()));
        }
    }
    let mut listing = listing;
    let (mut loaded, memo) = load_listed(
        articles_dir,
        &mut listing,
        inferred,
        &inferrer,
        settings,
        cached_memo.as_ref(),
    );
    loaded.diagnostics.extend(renamed(
        &loaded.catalog.articles,
        cache.vanished(&listing.files, &stored_outcomes),
        |path| cache.had_file(path),
    ));
    // An article read anew, or whose title another of its day now
    // shares, may have moved its URL; a first run has nothing to compare
    // it with.
    if cache.has_last_run() {
        let read_anew: rustc_hash::FxHashSet<&str> = remembered
            .iter()
            .filter(|(_, _, encoded)| encoded.is_some())
            .map(|(at, _, _)| listing.files[*at].file.path.as_str())
            .chain(
                loaded
                    .catalog
                    .articles
                    .iter()
                    .filter(|a| a.url_apart)
                    .map(|a| a.path.as_str()),
            )
            .collect();
        loaded
            .diagnostics
            .extend(moved_urls(&loaded.catalog.articles, &read_anew, |path| {
                cache.last_article(path, &stored_outcomes)
            }));
    }
    stopwatch.lap("group translations");
    let all_listed = &listing.files;
    let mut left_out = Vec::new();
    if loaded.has_errors() {
        if !options.keep_going {
            return Err(Error::Input(loaded.diagnostics));
        }
        left_out = articles_of(leave_out_failed(&mut loaded, settings), all_listed);
        let present: BTreeSet<&str> = loaded
            .catalog
            .articles
            .iter()
            .map(|a| a.lang.as_str())
            .collect();
        let kept =
            publish::published_languages(out_dir).map_err(after_reading(&loaded.diagnostics))?;
        loaded.catalog.kept_languages = kept
            .into_iter()
            .filter(|lang| !present.contains(lang.as_str()))
            .collect();
    }
    let sources: Vec<(&str, cache::ContentHash)> = remembered
        .iter()
        .map(|(at, hash, _)| (all_listed[*at].file.path.as_str(), *hash))
        .collect();
    // What each language's feed shows, decided once for all that must be
    // read for it (the order within each is the feed's).
    let members = render::feed_members(&loaded.catalog, settings);
    load_display(
        &mut loaded.catalog,
        &members,
        &sources,
        &stored_outcomes,
        |path| {
            let parsed = read_again(articles_dir, all_listed, settings, path)?;
            inferrer.infer(parsed, &mut Vec::new())
        },
    )
    .map_err(after_reading(&loaded.diagnostics))?;
    stopwatch.lap("decode what the feeds show of cached articles");
    // A language whose feeds would be made of exactly what the published
    // ones were made of is left as it is: its bodies are not read back and
    // its feeds not rendered (in a one-change run with every entry in the
    // feeds, that is most of the work for each language the change is not
    // in). In the others, the runs of entries made of what they were made
    // of are copied from the published files, not rendered again.
    let fingerprints = feed_fingerprints(&loaded.catalog, settings, &members, &sources);
    let reuse = cache.reuse(&fingerprints, out_dir);
    stopwatch.lap("compare each feed's inputs with the last run's");
    if settings.content == config::ContentMode::Full {
        load_bodies(
            &mut loaded.catalog,
            &members,
            articles_dir,
            all_listed,
            settings,
            &reuse,
        )
        .map_err(after_reading(&loaded.diagnostics))?;
        stopwatch.lap("read the feeds' article bodies");
    }
    // Each language's files are checked and staged beside their targets
    // before the next language is rendered; nothing replaces a published
    // feed until every one is staged.
    let mut staging =
        publish::Staging::begin(out_dir, &lock).map_err(after_reading(&loaded.diagnostics))?;
    if !left_out.is_empty() {
        staging.keep_unwritten();
    }
    let mut paths = Vec::new();
    for (lang, reused) in &reuse {
        if *reused == render::Reuse::Whole {
            for path in render::feed_paths(lang) {
                paths.push(path.clone());
                staging.keep(path);
            }
        }
    }
    // The length of each piece of each file, to record where its runs are.
    let mut piece_lengths = BTreeMap::new();
    let put = |part: render::FilePart| {
        let lengths: &mut Vec<u64> = piece_lengths.entry(part.path.clone()).or_default();
        if lengths.is_empty() {
            paths.push(part.path.clone());
        }
        lengths.extend(part.pieces.iter().map(render::Piece::len));
        staging.add(part);
    };
    render::render_each(&loaded.catalog, settings, &members, &reuse, put)
        .map_err(Error::Render)
        .map_err(after_reading(&loaded.diagnostics))?;
    stopwatch.lap("render, check and stage the feeds");
    let published = staging
        .commit()
        .map_err(after_reading(&loaded.diagnostics))?;
    stopwatch.lap("replace the published feeds");
    // Kept languages came first; reports list every language in order.
    paths.sort();
    let mut languages: Vec<String> = paths
        .iter()
        .filter_map(|p| p.split_once('/').map(|(lang, _)| lang.to_string()))
        .collect();
    languages.dedup();
    let outputs = publish::stamps(out_dir, paths);
    loaded
        .diagnostics
        .extend(oversized_feeds(out_dir, &outputs));
    let articles = loaded.catalog.articles.len();
    let drafts = loaded.catalog.articles.iter().filter(|a| a.draft).count();
    if left_out.is_empty() {
        let run = cache::RunRecord {
            diagnostics: loaded.diagnostics.clone(),
            ignored: loaded.ignored.clone(),
            languages: languages.clone(),
            articles,
            drafts,
            outputs,
            feeds: feed_records(&fingerprints, &reuse, &piece_lengths, &cache),
        };
        let indexed = remembered
            .iter()
            .map(|(at, hash, _)| (&all_listed[*at], *hash))
            .collect();
        let fresh = remembered
            .iter()
            .filter_map(|(_, hash, encoded)| Some((*hash, encoded.as_deref()?)))
            .collect();
        loaded
            .diagnostics
            .extend(cache.save(indexed, fresh, &stored_outcomes, &memo, run));
        stopwatch.lap("save the cache");
    }
    drop_in_background((
        loaded.catalog,
        memo,
        cached_memo,
        listing,
        cache,
        stored_outcomes,
        remembered,
    ));
    Ok(Built {
        diagnostics: loaded.diagnostics,
        ignored: loaded.ignored,
        articles,
        drafts,
        languages,
        published,
        left_out,
        from_cache: false,
        timings: stopwatch.laps,
    })
}

/// The size past which the W3C validator does not check a feed ("feed
/// length > 5000000 bytes"), and past which readers start to fail on
/// one (SimplePie runs out of memory on some).
const LARGEST_CHECKED_FEED: u64 = 5_000_000;

/// A warning for each published feed larger than [`LARGEST_CHECKED_FEED`],
/// from the stamps the run takes of its files for the cache.
fn oversized_feeds(out_dir: &Path, outputs: &[(String, discover::Stamp)]) -> Vec<Diagnostic> {
    outputs
        .iter()
        .filter(|(_, stamp)| stamp.len > LARGEST_CHECKED_FEED)
        .map(|(path, stamp)| {
            Diagnostic::warning(
                out_dir.join(path).display().to_string(),
                None,
                format!(
                    "is {:.1} MB: the W3C validator checks no feed over 5 MB, and some readers fail on one; lower max_entries, or set content = \"summary\"",
                    stamp.len as f64 / 1e6
                ),
            )
        })
        .collect()
}

/// Each language's [`render::fingerprint`], with every article's body
/// stood for by its source file's content hash (`sources`: path and hash,
/// in path order, as the catalog is; were either not, the articles not
/// found would only be rendered again).
fn feed_fingerprints(
    catalog: &Catalog,
    settings: &Settings,
    members: &render::FeedMembers,
    sources: &[(&str, cache::ContentHash)],
) -> Vec<(String, render::FeedFingerprint)> {
    let plan = render::plan(catalog, settings, members);
    let mut wanted: Vec<usize> = plan
        .iter()
        .flat_map(|feed| feed.entries.iter().map(|entry| entry.at))
        .collect();
    wanted.sort_unstable();
    let wanted = source_hashes(catalog, sources, wanted);
    let prints = render::entry_prints(catalog, &wanted);
    plan.iter()
        .filter_map(|feed| Some((feed.lang.to_string(), render::fingerprint(feed, &prints)?)))
        .collect()
}

/// The content hash of each `wanted` article's source file (`wanted` in
/// catalog order; `sources` in path order, as the catalog is).
fn source_hashes(
    catalog: &Catalog,
    sources: &[(&str, cache::ContentHash)],
    wanted: Vec<usize>,
) -> Vec<(usize, Option<cache::ContentHash>)> {
    // Each found from where the last one was: a step when every article
    // is wanted, a short search when few are.
    let mut rest = sources;
    wanted
        .into_iter()
        .map(|at| {
            let path = catalog.articles[at].path.as_str();
            rest = &rest[sorted::gallop(rest, |(source, _)| *source < path)..];
            let source = rest.first().filter(|(source, _)| *source == path);
            (at, source.map(|(_, hash)| *hash))
        })
        .collect()
}

/// Articles taken from the cache come without what their feed entry shows
/// (see [`cache::decode`]); it is decoded for those the feeds show. Were a
/// record not to decode, its file is read and inferred again (`reinfer`).
fn load_display(
    catalog: &mut Catalog,
    members: &render::FeedMembers,
    sources: &[(&str, cache::ContentHash)],
    stored: &cache::StoredOutcomes,
    reinfer: impl Fn(&str) -> Result<model::Article, Vec<Diagnostic>> + Sync,
) -> Result<(), Error> {
    let mut wanted: Vec<usize> = members
        .iter()
        .flat_map(|(_, members)| members.iter().copied())
        .filter(|&at| !catalog.articles[at].display_loaded)
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    wanted.sort_unstable();
    let found = source_hashes(catalog, sources, wanted);
    let articles = &catalog.articles;
    let decoded: Vec<(usize, cache::Display)> = found
        .into_par_iter()
        .map(|(at, hash)| {
            let stored = hash.and_then(|hash| stored.get(hash));
            match stored.and_then(cache::decode_display) {
                Some(display) => Ok((at, display)),
                None => reinfer(&articles[at].path).map(|again| (at, again.into())),
            }
        })
        .collect::<Result<_, _>>()
        .map_err(Error::Input)?;
    for (at, display) in decoded {
        display.fill(&mut catalog.articles[at]);
    }
    Ok(())
}

/// Where this run's feeds have their runs of entries, for the next run:
/// as the last run recorded for languages kept whole, as `piece_lengths`
/// (by path) say for the others.
fn feed_records(
    fingerprints: &[(String, render::FeedFingerprint)],
    reuse: &BTreeMap<String, render::Reuse>,
    piece_lengths: &BTreeMap<String, Vec<u64>>,
    cache: &cache::Cache,
) -> Vec<cache::FeedRecord> {
    fingerprints
        .iter()
        .filter_map(|(lang, print)| {
            if reuse.get(lang) == Some(&render::Reuse::Whole) {
                return cache.feed_record(lang).cloned();
            }
            let [atom, rss] = render::feed_paths(lang).map(|path| piece_lengths.get(&path));
            cache::FeedRecord::new(lang, print, atom?, rss?)
        })
        .collect()
}

/// Frees what a run built on another thread: a hundred thousand articles
/// are millions of small allocations, a quarter of a second of `free` that
/// the caller need not wait for. A process that exits first lets the
/// operating system take the memory back at once. (If no thread can be
/// started, the value is freed here.)
fn drop_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("babelfeed-free".into())
        .spawn(move || drop(value));
}

/// Articles taken from the cache come without their text; those that make
/// it into a feed are read again for it, unless `reuse` says their entries
/// are copied from the published feeds.
fn load_bodies(
    catalog: &mut Catalog,
    members: &render::FeedMembers,
    articles_dir: &Path,
    listed: &[discover::ListedArticle],
    settings: &Settings,
    reuse: &BTreeMap<String, render::Reuse>,
) -> Result<(), Error> {
    let mut wanted = Vec::new();
    for (lang, members) in members {
        let Some(published) = render::published_runs(reuse, lang) else {
            continue;
        };
        let ids = members.iter().map(|&i| catalog.articles[i].id.as_str());
        for (at, range) in render::run_ranges(ids).into_iter().enumerate() {
            if !matches!(published.get(at), Some(Some(_))) {
                wanted.extend_from_slice(&members[range]);
            }
        }
    }
    wanted.retain(|&i| matches!(catalog.articles[i].body, model::ArticleBody::NotLoaded));
    let bodies: Vec<Result<(usize, model::ArticleBody), Vec<Diagnostic>>> = wanted
        .par_iter()
        .map(|&i| {
            let parsed = read_again(articles_dir, listed, settings, &catalog.articles[i].path)?;
            Ok((i, model::ArticleBody::from(parsed.body)))
        })
        .collect();
    let mut problems = Vec::new();
    for body in bodies {
        match body {
            Ok((i, body)) => catalog.articles[i].body = body,
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Input(problems))
    }
}

/// The listed article at `path` read and parsed again, for what the cache
/// does not hold.
fn read_again(
    articles_dir: &Path,
    listed: &[discover::ListedArticle],
    settings: &Settings,
    path: &str,
) -> Result<parse::ParsedArticle, Vec<Diagnostic>> {
    let at = listed
        .binary_search_by(|l| l.file.path.as_str().cmp(path))
        .map_err(|_| {
            vec![Diagnostic::error(
                path,
                None,
                "disappeared during the run; run again",
            )]
        })?;
    let (source, problems) = discover::read(articles_dir, &listed[at], settings.max_article_bytes);
    let source = source.ok_or(problems)?;
    parse::parse(&source)
}
