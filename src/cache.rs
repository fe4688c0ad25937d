//! What one run remembers for the next, so that cron's runs every few
//! minutes cost little when little changed.
//!
//! The cache lives beside the output, in `<out>/.babelfeed-cache/`, and is
//! only ever a shortcut: a missing, stale or damaged cache means the work is
//! done again, never a different result.
//!
//! - `index` says, for every article file of the last run, its `stat`
//!   [`Stamp`] and the hash of its content (with its path and sidecar).
//!   When every file still has its stamp, the settings are the same and the
//!   published feeds are still the ones that run wrote, the feeds cannot
//!   change and the run stops there, having read no article.
//! - `articles` holds each article as inferred (without its body), keyed by
//!   that content hash, so a run reads and infers only the files that
//!   changed. Stamps only decide whether a file must be read again; what is
//!   reused is found by content. A run appends the articles it inferred
//!   (each record with its own checksum, so a torn append is noticed) and
//!   rewrites the file only when most of it is no longer used.
//!
//! - `pairing` holds what the pairing of plain-text exports computed for
//!   each candidate ([`PairingMemo`]), so that a run re-scores only the
//!   weeks around what changed.
//!
//! A stamp is not trusted when the file was modified within
//! [`RACY_SECONDS`] of the run that recorded it: a file rewritten within the
//! same clock tick as it was read could otherwise keep its stamp.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::discover::{ListedArticle, Stamp};
use crate::group::pairing::PairingMemo;
use crate::model::Article;
use crate::publish::{write_atomically, write_atomically_with, Durability};
use crate::render::{FeedFingerprint, PublishedRun, Reuse};

/// The cache folder inside the output folder.
pub const CACHE_DIR: &str = ".babelfeed-cache";
/// Bumped whenever what is stored changes meaning.
const FORMAT: u32 = 14;
/// See the module documentation.
const RACY_SECONDS: i64 = 2;

/// Content hash of an article file with its path and sidecar.
pub type ContentHash = u128;

/// One article file as the last run saw it. The path is borrowed from
/// the listing when saving, so that a hundred thousand paths are not
/// copied only to be written.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct IndexedFile<'a> {
    path: Cow<'a, str>,
    stamp: Stamp,
    sidecar: Option<Stamp>,
    /// As sixteen bytes: postcard would write a varint, 19 bytes for most.
    #[serde(with = "fixed_hash")]
    hash: ContentHash,
}

mod fixed_hash {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(hash: &u128, to: S) -> Result<S::Ok, S::Error> {
        hash.to_le_bytes().serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<u128, D::Error> {
        <[u8; 16]>::deserialize(from).map(u128::from_le_bytes)
    }
}

/// What the last successful run did, for a run that finds nothing changed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunRecord {
    /// Every diagnostic of that run (all warnings), to show again.
    pub diagnostics: Vec<Diagnostic>,
    pub ignored: Vec<String>,
    pub languages: Vec<String>,
    pub articles: usize,
    pub drafts: usize,
    /// The files published, with the stamps they had once written.
    pub outputs: Vec<(String, Stamp)>,
    /// What each language's published feeds were made of, and where.
    pub feeds: Vec<FeedRecord>,
}

/// A language's published feeds: what they were made of (see
/// [`crate::render::fingerprint`]) and where each run of entries is in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedRecord {
    pub lang: String,
    pub whole: u128,
    pub runs: Vec<(u128, PublishedRun)>,
}

impl FeedRecord {
    /// The record of feeds written from `fingerprint` in pieces of these
    /// lengths (head, one per run, tail), or `None` if they do not match.
    pub fn new(
        lang: &str,
        fingerprint: &FeedFingerprint,
        atom_pieces: &[u64],
        rss_pieces: &[u64],
    ) -> Option<FeedRecord> {
        let runs = fingerprint.runs.len();
        if atom_pieces.len() != runs + 2 || rss_pieces.len() != runs + 2 {
            return None;
        }
        let ranges = |pieces: &[u64]| {
            let mut at = pieces[0];
            pieces[1..=runs]
                .iter()
                .map(|len| {
                    at += len;
                    at - len..at
                })
                .collect::<Vec<_>>()
        };
        let runs = fingerprint
            .runs
            .iter()
            .zip(ranges(atom_pieces).into_iter().zip(ranges(rss_pieces)))
            .map(|(&print, (atom, rss))| (print, PublishedRun { atom, rss }))
            .collect();
        Some(FeedRecord {
            lang: lang.to_string(),
            whole: fingerprint.whole,
            runs,
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Index<'a> {
    format: u32,
    version: String,
    settings: u128,
    /// When the run that wrote this began, in nanoseconds since 1970.
    started_ns: i64,
    files: Vec<IndexedFile<'a>>,
    run: RunRecord,
}

/// An article as inferred, or why its file is not one.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    pub article: Option<Article>,
    /// Warnings (and, for a file that is not an article, errors).
    pub diagnostics: Vec<Diagnostic>,
}

/// The cache of one output folder, as loaded at the start of a run.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    settings: u128,
    started_ns: i64,
    /// Its files are in path order, as the walk lists them.
    index: Option<Index<'static>>,
}

impl Cache {
    /// Loads the index; anything missing or unreadable is an empty cache.
    /// `settings` is a fingerprint of everything besides the files that
    /// decides the output (see [`fingerprint`]).
    pub fn open(out: &Path, settings: u128) -> Cache {
        let dir = out.join(CACHE_DIR);
        let index = fs::read(dir.join("index"))
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Index>(&bytes).ok())
            .filter(|i| {
                i.format == FORMAT
                    && i.version == env!("CARGO_PKG_VERSION")
                    && i.settings == settings
            });
        Cache {
            dir,
            settings,
            started_ns: now_ns(),
            index,
        }
    }

    /// What of each language's published feeds this run can keep, given
    /// what `fingerprints` says it would make them from: all of them, if
    /// the last run made them from exactly that, or the runs of entries
    /// whose inputs did not change. Only feeds whose published files are
    /// still as the last run wrote them are reused.
    pub fn reuse(
        &self,
        fingerprints: &[(String, FeedFingerprint)],
        out: &Path,
    ) -> BTreeMap<String, Reuse> {
        let Some(run) = self.index.as_ref().map(|index| &index.run) else {
            return BTreeMap::new();
        };
        let intact = |path: &str| {
            run.outputs
                .iter()
                .any(|(published, stamp)| published == path && still_published(out, path, stamp))
        };
        let mut reuse = BTreeMap::new();
        for (lang, print) in fingerprints {
            let Some(record) = run.feeds.iter().find(|f| &f.lang == lang) else {
                continue;
            };
            if !crate::render::feed_paths(lang).iter().all(|p| intact(p)) {
                continue;
            }
            let kept = if record.whole == print.whole {
                Reuse::Whole
            } else {
                let published: HashMap<u128, &PublishedRun> = record
                    .runs
                    .iter()
                    .map(|(print, run)| (*print, run))
                    .collect();
                Reuse::Runs(
                    print
                        .runs
                        .iter()
                        .map(|print| published.get(print).map(|&run| run.clone()))
                        .collect(),
                )
            };
            reuse.insert(lang.clone(), kept);
        }
        reuse
    }

    /// The last run's record of a language's feeds.
    pub fn feed_record(&self, lang: &str) -> Option<&FeedRecord> {
        let run = &self.index.as_ref()?.run;
        run.feeds.iter().find(|f| f.lang == lang)
    }

    /// For each listed file, in order: the content hash recorded for it if
    /// its stamps (and its sidecar's) are unchanged and old enough to be
    /// trusted. One pass over both lists, which are in path order (an
    /// index that is not, being damaged, finds fewer, which only costs
    /// work): a search per file was a tenth of a one-change run's CPU.
    pub fn known_hashes(&self, listed: &[ListedArticle]) -> Vec<Option<ContentHash>> {
        let Some(index) = self.index.as_ref() else {
            return vec![None; listed.len()];
        };
        let mut cached = index.files.iter().peekable();
        listed
            .iter()
            .map(|listed| {
                let path = listed.file.path.as_str();
                while cached.next_if(|c| &*c.path < path).is_some() {}
                let found = cached.peek().filter(|c| c.path == path)?;
                stamps_trusted(index, found, listed).then_some(found.hash)
            })
            .collect()
    }

    /// Whether there is a last run to compare with.
    pub fn has_last_run(&self) -> bool {
        self.index.is_some()
    }

    /// Whether the last run had an article file at `path`.
    pub fn had_file(&self, path: &str) -> bool {
        self.last_hash(path).is_some()
    }

    /// The article the last run inferred from the file at `path`, if it
    /// had one there.
    pub fn last_article(&self, path: &str, stored: &StoredOutcomes) -> Option<Article> {
        decode(stored.get(self.last_hash(path)?)?)?.article
    }

    /// The content hash the last run recorded for the file at `path`.
    fn last_hash(&self, path: &str) -> Option<ContentHash> {
        let files = &self.index.as_ref()?.files;
        let at = files.binary_search_by(|file| (*file.path).cmp(path)).ok()?;
        Some(files[at].hash)
    }

    /// The articles of the last run whose files this listing no longer
    /// has (both in path order), as that run inferred them: their paths,
    /// ids and text hashes, for telling a renamed file from a new one.
    pub fn vanished(&self, listed: &[ListedArticle], stored: &StoredOutcomes) -> Vec<Article> {
        let Some(index) = self.index.as_ref() else {
            return Vec::new();
        };
        let mut listed = listed.iter().map(|l| l.file.path.as_str()).peekable();
        let mut gone = Vec::new();
        for file in &index.files {
            while listed.next_if(|path| *path < &*file.path).is_some() {}
            if listed.peek() != Some(&&*file.path) {
                gone.push(file.hash);
            }
        }
        gone.into_iter()
            .filter_map(|hash| decode(stored.get(hash)?)?.article)
            .collect()
    }

    /// The last run's record when nothing can have changed: the same
    /// files with the same content, and every published feed still as that
    /// run wrote it. A file whose stamp cannot be trusted (changed, or
    /// touched too close to the last run) is read and hashed by `rehash`;
    /// when more than a few are, a normal run is cheaper.
    pub fn unchanged_run(
        &self,
        listed: &[ListedArticle],
        out: &Path,
        rehash: impl Fn(&ListedArticle) -> Option<ContentHash>,
    ) -> Option<&RunRecord> {
        const MAX_REHASHED: usize = 64;
        let index = self.index.as_ref()?;
        if index.files.len() != listed.len() {
            return None;
        }
        // Both lists are in path order: the same files pair up one to one.
        let pairs = || listed.par_iter().zip(index.files.par_iter());
        if pairs().any(|(l, cached)| l.file.path != cached.path) {
            return None;
        }
        let untrusted: Vec<(&ListedArticle, &IndexedFile)> = pairs()
            .filter(|(l, cached)| !stamps_trusted(index, cached, l))
            .collect();
        if untrusted.len() > MAX_REHASHED {
            return None;
        }
        for (l, cached) in untrusted {
            if rehash(l) != Some(cached.hash) {
                return None;
            }
        }
        let outputs_intact = index
            .run
            .outputs
            .iter()
            .all(|(path, stamp)| still_published(out, path, stamp));
        outputs_intact.then_some(&index.run)
    }

    /// The articles of the last run, still encoded, by content hash. They
    /// are decoded one by one (see [`decode`]) and written back as they
    /// are, so an unchanged article costs no encoding.
    pub fn stored_outcomes(&self) -> StoredOutcomes {
        let mut stored = StoredOutcomes::default();
        if self.index.is_none() {
            return stored;
        }
        let Some(bytes) = map_records(&self.dir.join("articles")) else {
            return stored;
        };
        // Records are [hash: 16][length: 4][checksum: 8][outcome]. The
        // first that is cut short or fails its checksum ends the file: it
        // is where an interrupted append stopped, and the next run appends
        // from there.
        let mut at = 0;
        while let Some((hash, range)) = record_at(&bytes, at) {
            stored.ranges.insert(hash, range.clone());
            at = range.end;
        }
        stored.valid_end = at;
        stored.bytes = Some(bytes);
        stored
    }

    /// What the last run's pairing left, if the cache is of these settings
    /// and the file is intact (it carries its own checksum).
    pub fn pairing_memo(&self) -> Option<PairingMemo> {
        self.index.as_ref()?;
        let bytes = fs::read(self.dir.join("pairing")).ok()?;
        let (sum, memo) = bytes.split_at_checked(16)?;
        if u128::from_le_bytes(sum.try_into().ok()?) != xxhash_rust::xxh3::xxh3_128(memo) {
            return None;
        }
        postcard::from_bytes(memo).ok()
    }

    /// Stores this run for the next. Failing to is not an error of the
    /// run, which the next one only does more work for: the warning it
    /// returns says so, among the run's own.
    ///
    /// `files` are this run's article files with their content hashes;
    /// `fresh` the outcomes this run inferred, encoded; `stored` what was
    /// in the cache, which holds the rest.
    pub fn save(
        &self,
        files: Vec<(&ListedArticle, ContentHash)>,
        fresh: Vec<(ContentHash, &[u8])>,
        stored: &StoredOutcomes,
        memo: &PairingMemo,
        run: RunRecord,
    ) -> Option<Diagnostic> {
        let index = Index {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            settings: self.settings,
            started_ns: self.started_ns,
            files: files
                .into_iter()
                .map(|(listed, hash)| IndexedFile {
                    path: Cow::Borrowed(listed.file.path.as_str()),
                    stamp: listed.file.stamp,
                    sidecar: listed.sidecar.as_ref().map(|s| s.stamp),
                    hash,
                })
                .collect(),
            run,
        };
        let saved = create_private_dir(&self.dir).and_then(|()| {
            // The articles go first: an index never points at articles
            // that were not written.
            self.save_outcomes(&index.files, fresh, stored)?;
            let memo = postcard::to_stdvec(memo).map_err(std::io::Error::other)?;
            let mut pairing = xxhash_rust::xxh3::xxh3_128(&memo).to_le_bytes().to_vec();
            pairing.extend_from_slice(&memo);
            write_atomically(&self.dir.join("pairing"), &pairing, Durability::Unsynced)?;
            // Encoded straight into the file: at 100k articles it is
            // megabytes, which a vector would hold once more.
            write_atomically_with(&self.dir.join("index"), Durability::Unsynced, |out| {
                encode_into(&index, out)
            })
        });
        saved.err().map(|e| {
            Diagnostic::warning(
                self.dir.display().to_string(),
                None,
                format!("cannot save the cache ({e}); the next run will read every article again"),
            )
        })
    }

    /// Appends the outcomes that are new to the `articles` file, or — when
    /// less than half of it would still be used — writes it anew with only
    /// what this run uses.
    fn save_outcomes(
        &self,
        files: &[IndexedFile],
        fresh: Vec<(ContentHash, &[u8])>,
        stored: &StoredOutcomes,
    ) -> std::io::Result<()> {
        // What of the records file this run still uses. A content hash
        // includes the file's path, so no two files share a record.
        let live: usize = files
            .par_iter()
            .filter_map(|f| stored.get(f.hash))
            .map(|outcome| RECORD_HEADER + outcome.len())
            .sum();
        let append = stored.valid_end > 0 && live * 2 >= stored.valid_end;
        let mut fresh_seen: rustc_hash::FxHashSet<ContentHash> = Default::default();
        let new_records = fresh
            .into_iter()
            .filter(|(hash, _)| stored.get(*hash).is_none() && fresh_seen.insert(*hash));
        // Written as they are gathered: at 100k articles the records are
        // tens of megabytes, and building them in memory first cost more
        // than writing them.
        let path = self.dir.join("articles");
        if append {
            use std::io::Seek;
            let mut file = fs::OpenOptions::new().write(true).open(&path)?;
            file.set_len(stored.valid_end as u64)?;
            file.seek(std::io::SeekFrom::End(0))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
            write_records(&mut out, new_records)?;
            return out.flush();
        }
        // Each stored outcome this run still uses, once, in file order.
        let mut kept_seen: rustc_hash::FxHashSet<ContentHash> = Default::default();
        let kept = files
            .iter()
            .filter_map(|f| Some((f.hash, stored.get(f.hash)?)))
            .filter(|(hash, _)| kept_seen.insert(*hash));
        write_atomically_with(&path, Durability::Unsynced, |out| {
            write_records(out, kept.into_iter().chain(new_records))
        })
    }
}

/// Bytes before a record's outcome: hash, length, checksum.
const RECORD_HEADER: usize = 28;

/// The records file, mapped rather than read: at 100k articles it is
/// tens of megabytes, and reading it meant as much fresh memory, which
/// the kernel must zero first and which on a virtual machine was the
/// larger part of a run with one article changed. `None` if it cannot be
/// mapped, which only costs work.
fn map_records(path: &Path) -> Option<memmap2::Mmap> {
    let file = fs::File::open(path).ok()?;
    if file.metadata().ok()?.len() == 0 {
        return None;
    }
    // SAFETY: the map stays valid only while nobody shortens the file.
    // Only babelfeed writes it, while it holds the lock on the output
    // folder, as this run does; and this run shortens it (to cut off a
    // torn append, in `save_outcomes`) only to the end of the last intact
    // record, past which it reads nothing. Records are checked before
    // use, so changed bytes are a miss, not a wrong article.
    let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) }.ok()?;
    Some(map)
}

fn write_records<'a>(
    out: &mut dyn Write,
    records: impl Iterator<Item = (ContentHash, &'a [u8])>,
) -> std::io::Result<()> {
    for (hash, outcome) in records {
        out.write_all(&hash.to_le_bytes())?;
        out.write_all(&(outcome.len() as u32).to_le_bytes())?;
        out.write_all(&xxhash_rust::xxh3::xxh3_64(outcome).to_le_bytes())?;
        out.write_all(outcome)?;
    }
    Ok(())
}

/// The record that starts at `at`: its hash and where its outcome is.
/// `None` past the end, or for a record cut short or damaged.
fn record_at(bytes: &[u8], at: usize) -> Option<(ContentHash, std::ops::Range<usize>)> {
    let header = bytes.get(at..at.checked_add(RECORD_HEADER)?)?;
    let hash = u128::from_le_bytes(header[..16].try_into().ok()?);
    let len = u32::from_le_bytes(header[16..20].try_into().ok()?) as usize;
    let check = u64::from_le_bytes(header[20..28].try_into().ok()?);
    let start = at + RECORD_HEADER;
    let outcome = bytes.get(start..start.checked_add(len)?)?;
    (xxhash_rust::xxh3::xxh3_64(outcome) == check).then_some((hash, start..start + len))
}

/// Whether the published file `path` still has the stamp the last run
/// recorded once it wrote it: nobody changed, replaced or removed it.
fn still_published(out: &Path, path: &str, stamp: &Stamp) -> bool {
    fs::metadata(out.join(path)).is_ok_and(|meta| Stamp::of(&meta) == *stamp)
}

/// Whether a file (and its sidecar) still has the stamps the index
/// recorded, and they are old enough to be trusted.
fn stamps_trusted(index: &Index, cached: &IndexedFile, listed: &ListedArticle) -> bool {
    let settled = index.started_ns - RACY_SECONDS * 1_000_000_000;
    let trusted = |stamp: &Stamp| stamp.mtime_ns < settled && stamp.ctime_ns < settled;
    cached.stamp == listed.file.stamp
        && trusted(&listed.file.stamp)
        && cached.sidecar == listed.sidecar.as_ref().map(|s| s.stamp)
        && listed.sidecar.as_ref().is_none_or(|s| trusted(&s.stamp))
}

/// Encoded outcomes of the last run (see [`Cache::stored_outcomes`]).
#[derive(Debug, Default)]
pub struct StoredOutcomes {
    bytes: Option<memmap2::Mmap>,
    ranges: HashMap<ContentHash, std::ops::Range<usize>>,
    /// Where the last intact record ends.
    valid_end: usize,
}

impl StoredOutcomes {
    pub fn get(&self, hash: ContentHash) -> Option<&[u8]> {
        let bytes = self.bytes.as_deref()?;
        self.ranges.get(&hash).map(|r| &bytes[r.clone()])
    }
}

/// Encodes `value` into `out`. postcard reports any failed write as a
/// full buffer; the writer's own error says what happened (no space left
/// on the device, say), so that is the one returned.
fn encode_into<T: Serialize>(value: &T, out: &mut dyn Write) -> std::io::Result<()> {
    struct Recorder<'a> {
        out: &'a mut dyn Write,
        error: Option<std::io::Error>,
    }
    impl Write for Recorder<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.out.write(bytes).map_err(|e| {
                let kind = e.kind();
                self.error = Some(e);
                std::io::Error::from(kind)
            })
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.out.flush()
        }
    }
    let mut recorder = Recorder { out, error: None };
    match postcard::to_io(value, &mut recorder) {
        Ok(_) => Ok(()),
        Err(e) => Err(recorder
            .error
            .take()
            .unwrap_or_else(|| std::io::Error::other(e))),
    }
}

/// What an article's feed entry shows besides its body, as stored: after
/// the rest of its record, so that a run decodes it only for the articles
/// its feeds show. Decoding a hundred thousand titles, summaries, authors
/// and tags that no feed shows was a tenth of a one-change run. (Written
/// from the article's own fields as a tuple: postcard writes a struct as
/// the tuple of its fields.)
#[derive(Debug, Deserialize)]
pub struct Display {
    title: String,
    summary: String,
    authors: Vec<crate::model::Person>,
    tags: Vec<String>,
}

impl From<Article> for Display {
    fn from(article: Article) -> Display {
        Display {
            title: article.title,
            summary: article.summary,
            authors: article.authors,
            tags: article.tags,
        }
    }
}

impl Display {
    pub fn fill(self, article: &mut Article) {
        article.title = self.title;
        article.summary = self.summary;
        article.authors = self.authors;
        article.tags = self.tags;
        article.display_loaded = true;
    }
}

/// An outcome as stored, the article's body left out: the length of the
/// rest (four bytes), the rest, then the article's [`Display`] fields.
pub fn encode(outcome: &Outcome) -> Vec<u8> {
    let mut bytes = vec![0; 4];
    if postcard::to_io(outcome, &mut bytes).is_err() {
        return Vec::new();
    }
    let rest = (bytes.len() - 4) as u32;
    bytes[..4].copy_from_slice(&rest.to_le_bytes());
    if let Some(a) = &outcome.article {
        let display = (&a.title, &a.summary, &a.authors, &a.tags);
        if postcard::to_io(&display, &mut bytes).is_err() {
            return Vec::new();
        }
    }
    bytes
}

/// A stored outcome without what its feed entry shows (see
/// [`Article::display_loaded`] and [`decode_display`]); `None` when it
/// cannot be decoded, and the file is then read again.
pub fn decode(bytes: &[u8]) -> Option<Outcome> {
    let (rest, _) = split_record(bytes)?;
    postcard::from_bytes(rest).ok()
}

/// A stored outcome, whole.
pub fn decode_whole(bytes: &[u8]) -> Option<Outcome> {
    let mut outcome = decode(bytes)?;
    if let Some(article) = &mut outcome.article {
        decode_display(bytes)?.fill(article);
    }
    Some(outcome)
}

/// What the feed entry of a stored article shows.
pub fn decode_display(bytes: &[u8]) -> Option<Display> {
    let (_, display) = split_record(bytes)?;
    postcard::from_bytes(display).ok()
}

/// A stored outcome's two parts: the rest, and the display fields.
fn split_record(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let rest = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let end = rest.checked_add(4)?;
    Some((bytes.get(4..end)?, &bytes[end..]))
}

/// The hash of an article file's text, without its path or sidecar: two
/// files with one are copies, or one file renamed (see
/// `lib::leave_out_copies` and `lib::renamed`), whatever sidecars they
/// have, which a file manager does not copy or rename with them.
pub fn text_hash(text: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

/// The content hash of an article file: its path, [`text_hash`] and its
/// sidecar's text.
pub fn content_hash(path: &str, text_hash: u128, sidecar: Option<&str>) -> ContentHash {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&(path.len() as u64).to_le_bytes());
    hasher.update(path.as_bytes());
    hasher.update(&text_hash.to_le_bytes());
    match sidecar {
        Some(sidecar) => {
            hasher.update(&(sidecar.len() as u64).to_le_bytes());
            hasher.update(sidecar.as_bytes());
        }
        None => hasher.update(&[0xff]),
    }
    hasher.digest128()
}

/// A fingerprint of what decides the output besides the articles: the
/// settings, where the articles are, and the program itself — its size and
/// time as well as its version, so that a rebuilt babelfeed never reuses
/// what an older build inferred.
pub fn fingerprint(settings: &crate::config::Settings, articles_dir: &Path) -> u128 {
    let dir = fs::canonicalize(articles_dir).unwrap_or_else(|_| articles_dir.to_path_buf());
    let program = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|meta| Stamp::of(&meta))
        .unwrap_or_default();
    xxhash_rust::xxh3::xxh3_128(format!("{settings:?}\n{}\n{program:?}", dir.display()).as_bytes())
}

/// The cache folder, readable by babelfeed's own user only: it holds the
/// articles' file names and what was inferred from them, and it is inside
/// the folder a web server serves, which may run as another user.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = fs::Permissions::from_mode(0o700);
        if fs::metadata(dir)?.permissions().mode() & 0o777 != 0o700 {
            fs::set_permissions(dir, private)?;
        }
    }
    Ok(())
}

fn now_ns() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::{SourceFile, SourceKind, SourceText};

    fn outcome() -> Outcome {
        let settings = crate::config::Settings::from_toml("", "test").unwrap();
        let source = SourceFile {
            kind: SourceKind::Markdown,
            file: SourceText {
                path: "news/launch.de.md".into(),
                text: "+++\ntitle = \"Start der Rakete\"\ndate = \"2024-03-01\"\nsummary = \"Kurz & gut\"\ntags = [\"Raumfahrt\", \"Bremen\"]\nauthor = \"Jana Roth\"\n+++\n\nDie Rakete ist gestartet.\n".into(),
            },
            sidecar: None,
        };
        let mut diagnostics = Vec::new();
        let parsed = crate::parse::parse(&source).unwrap();
        let article = crate::infer::Inferrer::new(&settings)
            .infer(parsed, &mut diagnostics)
            .unwrap();
        Outcome {
            article: Some(article),
            diagnostics,
        }
    }

    #[test]
    fn what_entries_show_is_decoded_apart_from_the_rest() {
        let outcome = outcome();
        let stored = encode(&outcome);
        let want = outcome.article.as_ref().unwrap();

        let head = decode(&stored).unwrap().article.unwrap();
        assert!(!head.display_loaded);
        assert_eq!((head.title.as_str(), head.tags.len()), ("", 0));
        assert_eq!(
            (&head.id, &head.url, head.date),
            (&want.id, &want.url, want.date)
        );

        let mut filled = head;
        decode_display(&stored).unwrap().fill(&mut filled);
        let whole = decode_whole(&stored).unwrap().article.unwrap();
        for article in [filled, whole] {
            assert!(article.display_loaded);
            assert_eq!(article.title, "Start der Rakete");
            assert_eq!(article.summary, "Kurz & gut");
            assert_eq!(article.tags, ["Raumfahrt", "Bremen"]);
            assert_eq!(article.authors, want.authors);
        }
    }

    #[test]
    fn a_failed_write_is_reported_as_the_writer_said() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let error = encode_into(&vec!["x".repeat(100)], &mut Full).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::StorageFull, "{error}");
    }

    #[test]
    fn a_record_cut_short_does_not_decode() {
        let stored = encode(&outcome());
        for end in [0, 3, 4, 20, stored.len() - 1] {
            assert!(decode_whole(&stored[..end]).is_none(), "cut at {end}");
        }
        let not_an_article = encode(&Outcome {
            article: None,
            diagnostics: Vec::new(),
        });
        assert!(decode_whole(&not_an_article).unwrap().article.is_none());
    }
}
