//! Stage 5: one Atom and one RSS feed per language, as bytes.
//!
//! This module decides what each feed holds (entries, order, links); the
//! format modules only spell it in their XML. Link order matters because
//! readers disagree on which `alternate` is "the" link of an entry:
//! feedparser and newsboat take the last, sfeed, ROME, gofeed and SimplePie
//! the first. So the article's own URL comes first without `hreflang`, then
//! one link per translation, and the own URL once more with its `hreflang`
//! last: every reader opens the article itself, never a translation.

mod atom;
mod rss;

use std::collections::BTreeMap;
use std::ops::Range;

use atom_syndication::Link;
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::{ContentMode, Settings};
use crate::model::{Article, Catalog, Person};

/// The name and version that feeds name as their generator.
pub const GENERATOR: &str = "babelfeed";

/// A rendered feed file, path relative to the output folder. Its bytes
/// come in pieces, to be written one after the other: a feed with every
/// entry of an archive runs to hundreds of megabytes, rendered in runs of
/// entries on all cores, and joining the runs would copy it all once more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    pub path: String,
    pub pieces: Vec<Piece>,
}

impl RenderedFile {
    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.pieces.iter().map(Piece::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The file's bytes in one piece; `None` if some are to be copied from
    /// the published file (only a run with a cache reuses them).
    pub fn bytes(&self) -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        for piece in &self.pieces {
            bytes.extend_from_slice(piece.rendered()?);
        }
        Some(bytes)
    }
}

/// The next pieces of a file, as they are rendered. A file's pieces are
/// its head, one piece per run of entries (even an empty one, so that the
/// pieces tell where each run is; see [`run_ranges`]) and its tail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePart {
    pub path: String,
    pub pieces: Vec<Piece>,
    /// Whether these are the file's last pieces.
    pub last: bool,
}

/// Bytes of a rendered file, to be written one piece after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bytes written by this run: the end of `buffer`, from `start`. A run
    /// of entries is cut from the document it was written in by skipping
    /// the head, not by moving the entries to the front.
    Rendered { buffer: Vec<u8>, start: usize },
    /// Bytes the published file at the same path holds at this range: a
    /// run of entries made of exactly what it was made of then.
    Published(Range<u64>),
}

impl Piece {
    pub fn len(&self) -> u64 {
        match self {
            Piece::Rendered { buffer, start } => (buffer.len() - start) as u64,
            Piece::Published(range) => range.end - range.start,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes, if this run wrote them.
    pub fn rendered(&self) -> Option<&[u8]> {
        match self {
            Piece::Rendered { buffer, start } => Some(&buffer[*start..]),
            Piece::Published(_) => None,
        }
    }
}

impl From<Vec<u8>> for Piece {
    fn from(buffer: Vec<u8>) -> Piece {
        Piece::Rendered { buffer, start: 0 }
    }
}

/// What of a language's published feeds a run can keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reuse {
    /// Both files as they are: nothing they are made of changed.
    Whole,
    /// Runs of entries (see [`run_ranges`]), by position: where each is in
    /// the published files, for the runs made of exactly what they were
    /// made of when those were written.
    Runs(Vec<Option<PublishedRun>>),
}

/// What `reuse` says of a language's runs of entries, by position: `None`
/// if its feeds are kept whole, and not rendered at all.
pub fn published_runs<'r>(
    reuse: &'r BTreeMap<String, Reuse>,
    lang: &str,
) -> Option<&'r [Option<PublishedRun>]> {
    match reuse.get(lang) {
        Some(Reuse::Whole) => None,
        Some(Reuse::Runs(runs)) => Some(runs),
        None => Some(&[]),
    }
}

/// Where a run of entries is in a language's published Atom and RSS files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedRun {
    pub atom: Range<u64>,
    pub rss: Range<u64>,
}

/// A link to a page or feed in some language.
#[derive(Debug, Clone)]
pub struct LangLink {
    pub lang: String,
    pub href: String,
}

/// One entry of a feed: an article and its published translations.
pub struct Entry<'a> {
    /// The article's place in the catalog.
    pub at: usize,
    pub article: &'a Article,
    pub translations: Vec<&'a Article>,
    /// The article as HTML, when the feeds carry full content; rendered
    /// once for both formats, just before they are written.
    pub content_html: Option<String>,
}

/// What one language's feeds hold, whatever the format.
pub struct LanguageFeed<'a> {
    pub lang: &'a str,
    pub title: String,
    pub description: String,
    pub home_url: String,
    /// The Atom feed's id ([`crate::config::Settings::feed_id`]).
    pub id: String,
    pub atom_url: String,
    pub rss_url: String,
    /// The same feed in the other languages: (Atom URL, RSS URL) by language.
    pub siblings: Vec<(LangLink, LangLink)>,
    /// Newest entry's updated time; a feed never shows the wall clock.
    pub updated: DateTime<FixedOffset>,
    /// Newest entry's publication time (RSS's channel `pubDate`).
    pub published: DateTime<FixedOffset>,
    pub authors: Vec<Person>,
    pub entries: Vec<Entry<'a>>,
}

/// About how many bytes `entries` take written out without their HTML
/// (which [`fill_bodies`] adds), so that a buffer need not grow by
/// doubling (and copying) to hold them.
fn estimated_bytes(entries: &[Entry]) -> usize {
    let entries: usize = entries
        .iter()
        .map(|e| 1024 + e.article.title.len() + e.article.summary.len() * 9 / 8)
        .sum();
    4096 + entries
}

/// The element in which a format carries an entry's HTML, as its crate
/// writes it with an empty body: `open`, `empty`, `close`.
///
/// The crates write each entry's HTML as they write every value, the Atom
/// one escaping it character by character: with every entry in the feeds
/// that was the largest part of rendering, and checking the escaped text
/// the next. So the crates write each entry with an empty body, that
/// document is checked, and [`fill_bodies`] then puts each HTML in its
/// slot as a CDATA section, a copy. A CDATA section cannot make the
/// document ill-formed: its text is checked for characters XML forbids
/// (see [`xml_text_owned`]) and any `]]>` in it is split. Nowhere else
/// in the document can the slot's text occur: in escaped text every `<`
/// is escaped, and a value the RSS crate writes as CDATA (the
/// description) cannot hold its slot's `]]>` unsplit.
pub struct BodySlot {
    pub open: &'static str,
    pub empty: &'static str,
    pub close: &'static str,
}

/// `skeleton`, a document's text written with empty bodies, with `bodies`
/// (the HTML of the entries that have one, in order) each put in its
/// `slot`. Fails if the slots and the bodies do not pair up: a bug.
fn fill_bodies<'h>(
    skeleton: &[u8],
    bodies: impl Iterator<Item = &'h str> + Clone,
    slot: &BodySlot,
    path: &str,
) -> Result<Vec<u8>, String> {
    let needle = [slot.open, slot.empty, slot.close].concat();
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let room: usize = bodies.clone().map(|html| html.len() + 12).sum();
    let mut filled = Vec::with_capacity(skeleton.len() + room);
    let mut at = 0;
    for html in bodies {
        let slot_at = finder
            .find(&skeleton[at..])
            .ok_or_else(|| bug(path, "an entry's content has no place"))?;
        let body_at = at + slot_at + slot.open.len();
        filled.extend_from_slice(&skeleton[at..body_at]);
        push_cdata(&mut filled, html);
        at = body_at + slot.empty.len();
    }
    if finder.find(&skeleton[at..]).is_some() {
        return Err(bug(path, "an entry's content is missing"));
    }
    filled.extend_from_slice(&skeleton[at..]);
    Ok(filled)
}

/// Appends `text` as CDATA: one section, or several where the text holds
/// `]]>`, which is split after its `]]` (as quick-xml splits it).
fn push_cdata(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for gt in memchr::memchr_iter(b'>', bytes) {
        if bytes[from..gt].ends_with(b"]]") {
            out.extend_from_slice(b"<![CDATA[");
            out.extend_from_slice(&bytes[from..gt]);
            out.extend_from_slice(b"]]>");
            from = gt;
        }
    }
    out.extend_from_slice(b"<![CDATA[");
    out.extend_from_slice(&bytes[from..]);
    out.extend_from_slice(b"]]>");
}

/// An entry's content, or none when its body is empty (an article of
/// only a comment or a script, once sanitised): the validator warns of a
/// blank `<content>`, and the entry's alternate link stands for it.
fn content_of(article: &crate::model::Article) -> Option<String> {
    let html = article.content_html();
    (!html.trim().is_empty()).then(|| xml_text_owned(html))
}

/// The HTML of the entries that have one, in order.
fn bodies<'e>(entries: &'e [Entry]) -> impl Iterator<Item = &'e str> + Clone {
    entries.iter().filter_map(|e| e.content_html.as_deref())
}

/// Renders every feed of the catalog, in path order.
pub fn render(catalog: &Catalog, settings: &Settings) -> Result<Vec<RenderedFile>, String> {
    let mut files: BTreeMap<String, Vec<Piece>> = BTreeMap::new();
    let members = feed_members(catalog, settings);
    render_each(catalog, settings, &members, &BTreeMap::new(), |part| {
        files.entry(part.path).or_default().extend(part.pieces);
    })?;
    Ok(files
        .into_iter()
        .map(|(path, pieces)| RenderedFile { path, pieces })
        .collect())
}

/// Renders the feeds one language at a time, reads every piece back with
/// [`check_well_formed`], and hands each file to `put` in parts as they
/// are rendered (a few hundred entries at a time, Atom and RSS in turn):
/// with every entry in the feeds a file is hundreds of megabytes, and
/// whatever `put` does with a part (writing it to disk) can go on while
/// the next is rendered.
///
/// What `reuse` says of a language is not rendered again: its published
/// files, or runs of entries in them, are known to be what rendering would
/// give (see [`fingerprint`]); the publisher copies those runs.
///
/// `members` are the catalog's [`feed_members`].
///
/// Stops at the first feed that cannot be rendered or fails the check.
pub fn render_each(
    catalog: &Catalog,
    settings: &Settings,
    members: &FeedMembers,
    reuse: &BTreeMap<String, Reuse>,
    mut put: impl FnMut(FilePart) + Send,
) -> Result<(), String> {
    for feed in plan(catalog, settings, members) {
        if let Some(published) = published_runs(reuse, feed.lang) {
            render_language(feed, settings, published, &mut put)?;
        }
    }
    Ok(())
}

/// The files of a language's feeds, relative to the output folder: Atom,
/// then RSS.
pub fn feed_paths(lang: &str) -> [String; 2] {
    [format!("{lang}/atom.xml"), format!("{lang}/rss.xml")]
}

/// Hashes of what a language's feed files are written from: of all of it,
/// and of each run of entries (see [`run_ranges`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFingerprint {
    pub whole: u128,
    pub runs: Vec<u128>,
}

/// One hash of everything a language's two feed files are written from,
/// so that a run can tell the published files would come out the same and
/// leave them, without reading the bodies back or rendering them again;
/// and one of each run of entries, so that it can copy the runs that would
/// come out the same when others change.
/// `entry_prints` are the catalog's [`entry_prints`]; an entry without one
/// (its source unknown) makes it `None`. The settings and
/// babelfeed's version are not in it: the cache that keeps these hashes is
/// dropped when either changes.
pub fn fingerprint(feed: &LanguageFeed, entry_prints: &[Option<u128>]) -> Option<FeedFingerprint> {
    let mut hash = FieldHasher::new();
    for text in [
        feed.lang,
        &feed.title,
        &feed.description,
        &feed.home_url,
        &feed.id,
        &feed.atom_url,
        &feed.rss_url,
    ] {
        hash.text(text);
    }
    for (atom, rss) in &feed.siblings {
        for link in [atom, rss] {
            hash.text(&link.lang);
            hash.text(&link.href);
        }
    }
    hash.time(feed.updated);
    hash.time(feed.published);
    hash.people(&feed.authors);
    let entries: Option<Vec<u128>> = feed
        .entries
        .iter()
        .map(|entry| *entry_prints.get(entry.at)?)
        .collect();
    let entries = entries?;
    hash.number(entries.len() as u128);
    for &entry in &entries {
        hash.number(entry);
    }
    let runs = run_ranges(feed.entries.iter().map(|e| e.article.id.as_str()))
        .into_iter()
        .map(|range| {
            let mut run = FieldHasher::new();
            run.number(range.len() as u128);
            for &entry in &entries[range] {
                run.number(entry);
            }
            run.digest()
        })
        .collect();
    Some(FeedFingerprint {
        whole: hash.digest(),
        runs,
    })
}

/// For the articles of the catalog `wanted` (by position, ascending, with
/// the hash of each one's source), a hash of what each one's entry shows:
/// its fields and its translations' links, its body stood for by its
/// source's hash, since bodies are not loaded when this is asked; `None`
/// where that is unknown. Returned by catalog position, `None` for the
/// articles not wanted.
///
/// Taken in catalog order, the order in which the articles were decoded
/// and so lie in memory, translations mostly beside each other: in feed
/// order, newest first, hashing a feed with every entry was mostly waiting
/// on memory (90 ms of 100k articles, against 10 ms).
pub fn entry_prints(catalog: &Catalog, wanted: &[(usize, Option<u128>)]) -> Vec<Option<u128>> {
    let prints: Vec<Option<u128>> = wanted
        .par_iter()
        .map_init(FieldHasher::new, |hash, &(at, source)| {
            let article = &catalog.articles[at];
            hash.0.clear();
            hash.number(source?);
            for text in [
                &article.id,
                &article.url,
                &article.lang,
                &article.title,
                &article.summary,
            ] {
                hash.text(text);
            }
            hash.time(article.date);
            hash.time(article.updated);
            hash.people(&article.authors);
            hash.number(article.tags.len() as u128);
            for tag in &article.tags {
                hash.text(tag);
            }
            hash.number(published_translations(catalog, at).count() as u128);
            for translation in published_translations(catalog, at) {
                hash.text(&translation.lang);
                hash.text(&translation.url);
            }
            Some(hash.digest())
        })
        .collect();
    let mut by_position = vec![None; catalog.articles.len()];
    for (&(at, _), print) in wanted.iter().zip(prints) {
        by_position[at] = print;
    }
    by_position
}

/// The translations an article's entry links to: those not drafts.
fn published_translations(catalog: &Catalog, at: usize) -> impl Iterator<Item = &Article> {
    catalog.grouping.translations[at]
        .iter()
        .map(|&t| &catalog.articles[t])
        .filter(|t| !t.draft)
}

/// Gathers fields to hash so that no two different lists of fields give
/// the same bytes (each text is preceded by its length); hashed at once,
/// which is several times faster than feeding a hasher field by field.
struct FieldHasher(Vec<u8>);

impl FieldHasher {
    fn new() -> FieldHasher {
        FieldHasher(Vec::with_capacity(1024))
    }

    fn digest(&self) -> u128 {
        xxhash_rust::xxh3::xxh3_128(&self.0)
    }

    fn number(&mut self, n: u128) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.number(text.len() as u128);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn time(&mut self, time: DateTime<FixedOffset>) {
        self.number(time.timestamp_nanos_opt().unwrap_or(i64::MIN) as u128);
        self.number(time.offset().local_minus_utc() as u128);
    }

    fn people(&mut self, people: &[Person]) {
        self.number(people.len() as u128);
        for person in people {
            self.text(&person.name);
            for field in [&person.email, &person.uri] {
                match field {
                    Some(text) => self.text(text),
                    None => self.number(u128::MAX),
                }
            }
        }
    }
}

fn render_language(
    mut feed: LanguageFeed,
    settings: &Settings,
    published: &[Option<PublishedRun>],
    put: &mut (impl FnMut(FilePart) + Send),
) -> Result<(), String> {
    let [atom_path, rss_path] = feed_paths(feed.lang);
    let mut entries = std::mem::take(&mut feed.entries);
    let full_content = settings.content == ContentMode::Full;
    let namespaces = rss::namespaces(&entries, full_content);
    let atom_frame = Frame::of(atom::document(&feed, &[])?, "</feed>", &atom_path)?;
    let rss_frame = Frame::of(
        rss::document(&feed, &[], &namespaces)?,
        "</channel>",
        &rss_path,
    )?;
    // Bodies as HTML are the costly part of a feed, and the crates write a
    // document on one core: so runs of entries are written on all cores,
    // each as a document of its own, and their entries cut out and joined.
    // Each run's HTML is dropped once both formats have it.
    let render_run = |at: usize, run: &mut [Entry]| -> Result<(Piece, Piece), String> {
        if let Some(Some(published)) = published.get(at) {
            return Ok((
                Piece::Published(published.atom.clone()),
                Piece::Published(published.rss.clone()),
            ));
        }
        if full_content {
            for entry in run.iter_mut() {
                entry.content_html = content_of(entry.article);
            }
        }
        let atom = atom::document(&feed, run)?;
        let atom = atom_frame.entries_of(&atom, run, &atom::BODY_SLOT, &atom_path)?;
        let rss = rss::document(&feed, run, &namespaces)?;
        let rss = rss_frame.entries_of(&rss, run, &rss::BODY_SLOT, &rss_path)?;
        for entry in run.iter_mut() {
            entry.content_html = None;
        }
        Ok((atom, rss))
    };
    let ranges = run_ranges(entries.iter().map(|e| e.article.id.as_str()));
    let mut runs: Vec<(usize, &mut [Entry])> = split_into_runs(&mut entries, &ranges)
        .into_iter()
        .enumerate()
        .collect();
    let parts = runs.len().div_ceil(RUNS_PER_PART).max(1);
    let mut batches = runs.chunks_mut(RUNS_PER_PART);
    let (mut atom, mut rss) = (vec![atom_frame.head()], vec![rss_frame.head()]);
    for part in 0..parts {
        let batch = batches.next().unwrap_or_default();
        let rendered: Vec<(Piece, Piece)> = batch
            .par_iter_mut()
            .map(|(at, run)| render_run(*at, run))
            .collect::<Result<_, String>>()?;
        for (atom_run, rss_run) in rendered {
            atom.push(atom_run);
            rss.push(rss_run);
        }
        let last = part + 1 == parts;
        if last {
            atom.push(atom_frame.tail());
            rss.push(rss_frame.tail());
        }
        for (path, pieces) in [(&atom_path, &mut atom), (&rss_path, &mut rss)] {
            put(FilePart {
                path: path.clone(),
                pieces: std::mem::take(pieces),
                last,
            });
        }
    }
    Ok(())
}

/// Runs of entries rendered between two handovers to `put`: enough to keep
/// both cores busy, few enough that writing begins early.
const RUNS_PER_PART: usize = 16;

/// A run is cut after an entry whose id hashes to a multiple of this, so
/// runs hold this many entries on average...
const RUN_SPLIT: u64 = 16;
/// ...and at most this many.
const MAX_RUN: usize = 256;

/// How a feed's entries (given by their ids, in feed order) are cut into
/// runs, each rendered on its own. The cuts follow the entries' ids, not
/// their positions, so that an entry added, changed or removed changes
/// only its own run: the others keep their entries, and so their bytes,
/// which a later run can copy from the published files instead of
/// rendering them again (see [`Reuse`]).
pub fn run_ranges<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for id in ids {
        end += 1;
        if end - start == MAX_RUN
            || xxhash_rust::xxh3::xxh3_64(id.as_bytes()).is_multiple_of(RUN_SPLIT)
        {
            ranges.push(start..end);
            start = end;
        }
    }
    if start < end {
        ranges.push(start..end);
    }
    ranges
}

/// `entries` cut at `ranges`, which cover them in order.
fn split_into_runs<'e, 'a>(
    mut entries: &'e mut [Entry<'a>],
    ranges: &[Range<usize>],
) -> Vec<&'e mut [Entry<'a>]> {
    let mut runs = Vec::with_capacity(ranges.len());
    for range in ranges {
        let (run, rest) = std::mem::take(&mut entries).split_at_mut(range.len());
        runs.push(run);
        entries = rest;
    }
    runs
}

/// The text of a feed document around its entries. Both crates write the
/// entries last in the root (or channel) element, so a document with no
/// entries splits, before the line that closes that element, into what
/// comes before the entries and what comes after.
struct Frame {
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Frame {
    /// Splits `empty`, the document without entries, before its line that
    /// closes `closing` (`</feed>`, `</channel>`).
    fn of(mut empty: Vec<u8>, closing: &str, path: &str) -> Result<Frame, String> {
        check_well_formed(path, &empty)?;
        let closes = empty
            .windows(closing.len())
            .rposition(|w| w == closing.as_bytes())
            .ok_or_else(|| bug(path, &format!("no {closing}")))?;
        let line = empty[..closes]
            .iter()
            .rposition(|&b| b != b' ')
            .filter(|&i| empty[i] == b'\n')
            .ok_or_else(|| bug(path, &format!("{closing} not on a line of its own")))?;
        let tail = empty.split_off(line);
        Ok(Frame { head: empty, tail })
    }

    /// The entries of `document`, written in this frame with empty bodies,
    /// with the HTML of `entries` filled in. The document is checked whole,
    /// so the entries are well-formed XML by themselves, and so is any
    /// frame of them.
    fn entries_of(
        &self,
        document: &[u8],
        entries: &[Entry],
        slot: &BodySlot,
        path: &str,
    ) -> Result<Piece, String> {
        check_well_formed(path, document)?;
        if !(document.starts_with(&self.head) && document.ends_with(&self.tail)) {
            return Err(bug(
                path,
                "the entries are not between the feed's head and tail",
            ));
        }
        let between = &document[self.head.len()..document.len() - self.tail.len()];
        Ok(fill_bodies(between, bodies(entries), slot, path)?.into())
    }

    fn head(&self) -> Piece {
        self.head.clone().into()
    }

    fn tail(&self) -> Piece {
        self.tail.clone().into()
    }
}

fn bug(path: &str, why: &str) -> String {
    format!("{path}: the rendered feed is not as expected ({why}); this is a bug in babelfeed, please report it")
}

/// Every feed of the catalog, each written by its crate as one document
/// (and its bodies filled in), in path order as [`render`] gives them: the
/// reference that [`render`]'s runs of entries, joined, must equal. (Path
/// order is not language order: `de-CH/` sorts before `de/`.)
#[doc(hidden)]
pub fn render_in_one_piece(
    catalog: &Catalog,
    settings: &Settings,
) -> Result<Vec<RenderedFile>, String> {
    let mut files = Vec::new();
    let members = feed_members(catalog, settings);
    for mut feed in plan(catalog, settings, &members) {
        let full_content = settings.content == ContentMode::Full;
        let namespaces = rss::namespaces(&feed.entries, full_content);
        let mut entries = std::mem::take(&mut feed.entries);
        if full_content {
            for entry in &mut entries {
                entry.content_html = content_of(entry.article);
            }
        }
        let [atom_path, rss_path] = feed_paths(feed.lang);
        let atom = atom::document(&feed, &entries)?;
        let rss = rss::document(&feed, &entries, &namespaces)?;
        for (document, slot, path) in [
            (atom, &atom::BODY_SLOT, atom_path),
            (rss, &rss::BODY_SLOT, rss_path),
        ] {
            let filled = fill_bodies(&document, bodies(&entries), slot, &path)?;
            files.push(RenderedFile {
                path,
                pieces: vec![filled.into()],
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The articles each language's feed shows (their places in the catalog),
/// by language in order.
///
/// Decided once a run, by [`feed_members`]: it orders every published
/// article, and a build needs the answer for reading bodies, fingerprints
/// and rendering alike.
pub type FeedMembers = Vec<(String, Vec<usize>)>;

/// The articles each language's feed shows, in feed order: newest first,
/// ties broken by id so the order never depends on the file system; at
/// most `max_entries`.
pub fn feed_members(catalog: &Catalog, settings: &Settings) -> FeedMembers {
    let mut by_lang: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, article) in catalog.articles.iter().enumerate() {
        if !article.draft {
            by_lang.entry(article.lang.as_str()).or_default().push(i);
        }
    }
    // Newest first; the article's place in the catalog settles any tie,
    // so the order is total and the newest `max_entries` can be picked
    // out before they are sorted: fifty of fifty thousand, on every run.
    let newest_first = |&x: &usize, &y: &usize| {
        let (a, b) = (&catalog.articles[x], &catalog.articles[y]);
        b.date
            .cmp(&a.date)
            .then_with(|| b.updated.cmp(&a.updated))
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| x.cmp(&y))
    };
    // Each language on a core of its own.
    by_lang.par_iter_mut().for_each(|(_, members)| {
        let keep = settings.max_entries;
        if keep > 0 && members.len() > keep {
            members.select_nth_unstable_by(keep - 1, newest_first);
            members.truncate(keep);
        }
        members.sort_unstable_by(newest_first);
    });
    by_lang
        .into_iter()
        .map(|(lang, members)| (lang.to_string(), members))
        .collect()
}

/// Decides the content of each language's feed, of the catalog's
/// [`feed_members`].
pub fn plan<'a>(
    catalog: &'a Catalog,
    settings: &Settings,
    members: &'a FeedMembers,
) -> Vec<LanguageFeed<'a>> {
    let mut langs: Vec<&str> = members.iter().map(|(lang, _)| lang.as_str()).collect();
    langs.extend(catalog.kept_languages.iter().map(String::as_str));
    langs.sort_unstable();
    langs.dedup();
    let fallback_author = settings.default_author.clone().unwrap_or(Person {
        name: settings.site_title.clone(),
        email: None,
        uri: None,
    });

    let mut feeds = Vec::new();
    for (lang, members) in members {
        let lang = lang.as_str();
        let entries: Vec<Entry> = members
            .par_iter()
            .map(|&i| {
                let article = &catalog.articles[i];
                // An entry without its title would still be valid XML.
                debug_assert!(
                    article.display_loaded,
                    "{}: display not loaded",
                    article.path
                );
                Entry {
                    at: i,
                    article,
                    translations: published_translations(catalog, i).collect(),
                    content_html: None,
                }
            })
            .collect();
        let updated = entries
            .iter()
            .map(|e| e.article.updated.max(e.article.date))
            .max()
            .unwrap_or_default();
        let published = entries
            .iter()
            .map(|e| e.article.date)
            .max()
            .unwrap_or_default();
        let siblings = langs
            .iter()
            .filter(|&&other| other != lang)
            .map(|&other| {
                (
                    LangLink {
                        lang: other.to_string(),
                        href: settings.feed_url(other, "atom.xml"),
                    },
                    LangLink {
                        lang: other.to_string(),
                        href: settings.feed_url(other, "rss.xml"),
                    },
                )
            })
            .collect();
        feeds.push(LanguageFeed {
            lang,
            title: settings.feed_title(lang),
            description: settings.feed_description(lang),
            home_url: settings.home_url(lang),
            id: settings.feed_id(lang),
            atom_url: settings.feed_url(lang, "atom.xml"),
            rss_url: settings.feed_url(lang, "rss.xml"),
            siblings,
            updated,
            published,
            authors: vec![fallback_author.clone()],
            entries,
        });
    }
    feeds
}

const HTML: &str = "text/html";

/// An entry's links in the order every reader handles (see the module doc):
/// own URL without `hreflang`, translations, own URL with `hreflang` last —
/// last also because feedparser lets a later `atom:link` override an RSS
/// `<link>`. Atom and RSS (as `atom:link`) share the one order.
pub fn entry_links(entry: &Entry) -> Vec<Link> {
    let article = entry.article;
    let mut links = vec![link("alternate", &article.url, None, HTML)];
    for translation in &entry.translations {
        links.push(link(
            "alternate",
            &translation.url,
            Some(&translation.lang),
            HTML,
        ));
    }
    links.push(link("alternate", &article.url, Some(&article.lang), HTML));
    links
}

/// A feed's links in the same spirit: the site without `hreflang`, the same
/// feed in the other languages, the site with `hreflang`, then `self`.
/// `sibling` picks the Atom or the RSS URL of each sibling.
pub fn feed_links(
    feed: &LanguageFeed,
    sibling: fn(&(LangLink, LangLink)) -> &LangLink,
    self_url: &str,
    mime_type: &str,
) -> Vec<Link> {
    let mut links = vec![link("alternate", &feed.home_url, None, HTML)];
    for s in &feed.siblings {
        let s = sibling(s);
        links.push(link("alternate", &s.href, Some(&s.lang), mime_type));
    }
    links.push(link("alternate", &feed.home_url, Some(feed.lang), HTML));
    links.push(link("self", self_url, None, mime_type));
    links
}

fn link(rel: &str, href: &str, hreflang: Option<&str>, mime_type: &str) -> Link {
    Link {
        href: href.to_string(),
        rel: rel.to_string(),
        hreflang: hreflang.map(str::to_string),
        mime_type: Some(mime_type.to_string()),
        ..Link::default()
    }
}

/// Removes characters XML 1.0 forbids. Parsing refuses articles that hold
/// them; this is the last guard for values from elsewhere (configuration).
pub fn xml_text(text: &str) -> String {
    xml_text_owned(text.to_string())
}

/// [`xml_text`] of a string already owned, which is kept when, as almost
/// always, it is clean.
pub fn xml_text_owned(text: String) -> String {
    if crate::parse::first_non_xml_char(&text).is_none() {
        return text;
    }
    text.chars()
        .filter(|&c| crate::parse::is_xml_char(c))
        .collect()
}

/// Reads a rendered feed back as XML before it may replace a published
/// one: well-formed, one root element, every character legal in XML 1.0.
/// A bug here must fail the run, not reach subscribers.
pub fn check_well_formed(path: &str, bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::Event;
    let fail = |why: String| bug(path, &format!("not valid XML: {why}"));
    // The writers only write strings, so the bytes are UTF-8; they are
    // decoded only where a forbidden character may be.
    if crate::parse::may_hold_non_xml_chars(bytes) {
        let text = std::str::from_utf8(bytes).map_err(|e| fail(e.to_string()))?;
        if let Some(c) = crate::parse::first_non_xml_char(text) {
            return Err(fail(format!("character U+{:04X}", c as u32)));
        }
    }
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Empty(_)) if depth == 0 => roots += 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(fail(format!("at byte {}: {e}", reader.buffer_position()))),
        }
    }
    if roots != 1 || depth != 0 {
        return Err(fail(format!("{roots} root elements, {depth} left open")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), String> {
        check_well_formed("de/atom.xml", text.as_bytes())
    }

    #[test]
    fn the_check_passes_a_well_formed_feed_only() {
        let long = "x".repeat(200);
        assert!(check(&format!(
            "<?xml version=\"1.0\"?>\n<feed><entry a=\"1\">{long} ¿Qué?</entry><e/></feed>\n"
        ))
        .is_ok());
        for (bad, why) in [
            ("<feed><entry></feed>", "end name"),
            ("<feed></feed><feed></feed>", "two roots"),
            ("<feed>", "left open"),
            ("<feed>\u{1}</feed>", "control character"),
            (
                &format!("<feed>{long}\u{b}</feed>"),
                "control character after a chunk",
            ),
            (&format!("<feed>{long}\u{FFFE}{long}</feed>"), "U+FFFE"),
        ] {
            assert!(check(bad).is_err(), "{why}: {bad}");
        }
    }

    /// The text of every CDATA section and text node of `xml`, joined, with
    /// entity references as written.
    fn text_of(xml: &[u8]) -> String {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut text = String::new();
        loop {
            match reader.read_event().unwrap() {
                Event::CData(cdata) => text.push_str(std::str::from_utf8(&cdata).unwrap()),
                Event::Text(t) => text.push_str(&t.decode().unwrap()),
                Event::GeneralRef(r) => text.push_str(&format!("&{};", r.decode().unwrap())),
                Event::Eof => return text,
                _ => {}
            }
        }
    }

    #[test]
    fn bodies_fill_their_slots_as_cdata_whatever_they_hold() {
        let slot = BodySlot {
            open: "<content>",
            empty: "<![CDATA[]]>",
            close: "</content>",
        };
        let bodies = [
            "<p>a &amp; b</p>",
            "",
            "x]]>y",
            "]]>",
            "]]]]>>]]",
            "<![CDATA[ inner ]]> <b>\"'</b>",
        ];
        let empty = "<content><![CDATA[]]></content>";
        let skeleton = format!("<feed><t>&lt;content&gt;</t>{}</feed>", empty.repeat(6));
        let filled = fill_bodies(
            skeleton.as_bytes(),
            bodies.iter().copied(),
            &slot,
            "de/rss.xml",
        )
        .unwrap();
        check_well_formed("de/rss.xml", &filled).unwrap();
        // (Text outside the bodies stays as written, entities and all.)
        assert_eq!(
            text_of(&filled),
            format!("&lt;content&gt;{}", bodies.concat())
        );
        for body in bodies {
            let mut cdata = Vec::new();
            push_cdata(&mut cdata, body);
            // The same sections as quick-xml writes, which the RSS crate
            // used to write itself.
            let mut quick = Vec::new();
            for section in quick_xml::events::BytesCData::escaped(body) {
                quick_xml::Writer::new(&mut quick)
                    .write_event(quick_xml::events::Event::CData(section))
                    .unwrap();
            }
            assert_eq!(cdata, quick, "{body}");
        }
        // A slot without a body, or a body without a slot, is a bug.
        let two = bodies.iter().copied().take(2);
        assert!(fill_bodies(skeleton.as_bytes(), two, &slot, "x").is_err());
        let seven = bodies.iter().copied().chain(["more"]);
        assert!(fill_bodies(skeleton.as_bytes(), seven, &slot, "x").is_err());
    }

    #[test]
    fn text_keeps_every_legal_character_and_drops_the_rest() {
        let clean = "Grüße ¿Qué? \u{FFFD} 𝄞 \t\n".repeat(10);
        assert_eq!(xml_text(&clean), clean);
        let dirty = format!("{clean}\u{0}a\u{FFFF}b");
        assert_eq!(xml_text(&dirty), format!("{clean}ab"));
    }
}
