//! Stage 6: put the feeds where readers fetch them, safely.
//!
//! Cron starts runs unattended and readers poll at any moment, so a run
//! must never leave a half-written feed, a mix of two runs, or lose a feed:
//!
//! - Runs over one output folder take turns through an exclusive lock on
//!   `<out>/.babelfeed.lock` ([`lock`]).
//! - Every changed file is first written in full to a temporary file in its
//!   own folder and synced; only when all of them are written are they
//!   renamed over the old ones, so a full disk or a file-size limit part
//!   way leaves every old feed as it was.
//! - A file whose bytes would not change is not touched, so its
//!   modification time — and with it the web server's ETag and
//!   Last-Modified — stays, and readers' conditional requests keep getting
//!   304.
//! - `<out>/.babelfeed-manifest` lists the files babelfeed wrote. A feed of
//!   a language that no longer has articles is removed by the run that
//!   drops the language, and only if the manifest says babelfeed wrote it;
//!   nothing else in the folder is ever deleted.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::{FilePart, Piece};

mod temp_feed;
use temp_feed::TempFeed;

/// The lock file; hidden, so a web server listing the folder skips it.
pub const LOCK_FILE: &str = ".babelfeed.lock";
/// The list of files babelfeed wrote in the folder, one path a line.
pub const MANIFEST_FILE: &str = ".babelfeed-manifest";
const MANIFEST_HEADER: &str =
    "# Files written by babelfeed; a run removes those it no longer produces.";

/// What a run did to the output folder, paths relative to it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PublishReport {
    pub written: Vec<String>,
    pub unchanged: Vec<String>,
    /// Of the unchanged, those not even rendered again, since what they
    /// are made of did not change ([`Staging::keep`]).
    pub not_rendered: Vec<String>,
    /// Of the written, those that took runs of entries that did not change
    /// from the file they replace: path, bytes taken, bytes in all.
    pub copied: Vec<(String, u64, u64)>,
    /// Feeds of languages that no longer have articles.
    pub removed: Vec<String>,
}

/// Why the output folder could not be updated.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// Writing failed; the old feeds are as they were.
    #[error("{path}: {source}; the previously published feeds are unchanged")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `--no-wait` and another run holds the lock.
    #[error("{path}: another babelfeed run is publishing to this folder; run again later, or leave out --no-wait to wait for it")]
    Busy { path: PathBuf },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |source| PublishError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// When the output folder cannot be made because it, or a folder it would
/// be in, is a file: the error that says so. (The system says only "File
/// exists" or "Not a directory".)
fn not_a_folder(out: &Path) -> Option<PublishError> {
    let file = out
        .ancestors()
        .filter(|path| !path.as_os_str().is_empty())
        .find(|path| fs::metadata(path).is_ok_and(|meta| !meta.is_dir()))?;
    let what = match file == out {
        true => "the output path is a file, not a folder".to_string(),
        false => format!("{} is a file, not a folder", file.display()),
    };
    Some(PublishError::Io {
        path: out.to_path_buf(),
        source: std::io::Error::other(format!(
            "{what}; give --out a folder (one that does not exist is created)"
        )),
    })
}

/// Held while a run reads and writes one output folder; released on drop,
/// and by the operating system when the process dies, so a killed run
/// never leaves a stale lock behind.
#[derive(Debug)]
pub struct OutputLock {
    _file: fs::File,
}

/// Takes the output folder's lock, waiting for another run to finish unless
/// `wait` is false. Creates the folder when it is missing.
pub fn lock(out: &Path, wait: bool) -> Result<OutputLock, PublishError> {
    fs::create_dir_all(out).map_err(|source| {
        not_a_folder(out).unwrap_or(PublishError::Io {
            path: out.to_path_buf(),
            source,
        })
    })?;
    let path = out.join(LOCK_FILE);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(&path))?;
    if wait {
        file.lock().map_err(io_error(&path))?;
    } else {
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(PublishError::Busy { path }),
            Err(fs::TryLockError::Error(source)) => return Err(PublishError::Io { path, source }),
        }
    }
    Ok(OutputLock { _file: file })
}

/// A publication in progress: changed files are written in full beside
/// their targets as they come, and replace them only at [`Staging::commit`].
/// Dropped without a commit, it deletes what it wrote and the old feeds
/// stay as they were.
///
/// Files come in parts, as they are rendered, and are compared, written and
/// synced on a thread of their own: with every entry in the feeds each is a
/// few hundred megabytes, and the disk can write the first entries while
/// the next are rendered. The handover holds at most two parts, so the
/// renderer waits for a disk slower than itself instead of piling up
/// parts in memory.
pub struct Staging<'a> {
    out: &'a Path,
    previous: Vec<String>,
    current: BTreeSet<String>,
    /// Published files this run keeps without rendering them again.
    kept: Vec<String>,
    /// Bytes to be copied from the published file, and in all, by path.
    copied: BTreeMap<String, (u64, u64)>,
    writer: Option<Writer>,
    /// Published files this run does not write stay (see
    /// [`Staging::keep_unwritten`]).
    keep_unwritten: bool,
}

/// The thread that stages files, and the way to hand it the next one.
struct Writer {
    parts: std::sync::mpsc::SyncSender<FilePart>,
    thread: std::thread::JoinHandle<Result<Vec<Staged>, PublishError>>,
}

/// What became of a file handed to the writer.
enum Staged {
    Unchanged(String),
    Written(tempfile::NamedTempFile, PathBuf, String),
}

impl<'a> Staging<'a> {
    /// Starts a publication; the lock proves the caller holds the folder.
    pub fn begin(out: &'a Path, _lock: &OutputLock) -> Result<Staging<'a>, PublishError> {
        let previous = read_manifest(out)?;
        remove_leftover_temp_files(out, &previous);
        let (parts, received) = std::sync::mpsc::sync_channel::<FilePart>(2);
        let folder = out.to_path_buf();
        let thread = std::thread::spawn(move || {
            // After an error the rest are still received, so that the
            // renderer is never left waiting, but not written; the files
            // begun are dropped, which deletes what was staged of them.
            let mut staged = Vec::new();
            let mut open: BTreeMap<String, StagingFile> = BTreeMap::new();
            let mut failed = None;
            for part in received {
                if failed.is_some() {
                    continue;
                }
                let target = folder.join(&part.path);
                let file = match open.remove(&part.path) {
                    Some(file) => Ok(file),
                    None => StagingFile::begin(target.clone()),
                };
                let done = file.and_then(|mut file| {
                    for piece in &part.pieces {
                        file.append(piece)?;
                    }
                    if part.last {
                        staged.push(file.finish(part.path)?);
                    } else {
                        file.start_writeback()?;
                        open.insert(part.path, file);
                    }
                    Ok(())
                });
                if let Err(e) = done {
                    failed = Some(io_error(&target)(e));
                    open.clear();
                }
            }
            failed.map_or(Ok(staged), Err)
        });
        Ok(Staging {
            out,
            previous,
            current: BTreeSet::new(),
            kept: Vec::new(),
            copied: BTreeMap::new(),
            writer: Some(Writer { parts, thread }),
            keep_unwritten: false,
        })
    }

    /// Hands the next part of a file to the writer, which stages the file
    /// unless its bytes are already published. Errors are reported by
    /// [`Staging::commit`].
    pub fn add(&mut self, part: FilePart) {
        self.current.insert(part.path.clone());
        let copied = self.copied.entry(part.path.clone()).or_default();
        for piece in &part.pieces {
            if matches!(piece, Piece::Published(_)) {
                copied.0 += piece.len();
            }
            copied.1 += piece.len();
        }
        if let Some(writer) = &self.writer {
            // Only fails if the writer is gone, which `commit` reports.
            let _ = writer.parts.send(part);
        }
    }

    /// Keeps a published file as it is: the caller knows that rendering
    /// it again would give the same bytes.
    pub fn keep(&mut self, path: String) {
        self.current.insert(path.clone());
        self.kept.push(path);
    }

    /// Keeps the published files this run does not write, instead of
    /// removing them as feeds of languages that have no articles now: a
    /// run that left files out (`--keep-going`) cannot tell such a
    /// language from one whose articles all failed to read.
    pub fn keep_unwritten(&mut self) {
        self.keep_unwritten = true;
    }

    /// Waits for the writer, then renames every staged file over its
    /// target, removes the feeds of languages this run no longer has
    /// (unless [`Staging::keep_unwritten`]), and updates the manifest.
    pub fn commit(mut self) -> Result<PublishReport, PublishError> {
        let staged = self
            .finish_writing()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let out = self.out;
        let mut report = PublishReport {
            unchanged: self.kept.clone(),
            not_rendered: std::mem::take(&mut self.kept),
            ..PublishReport::default()
        };
        let mut synced_dirs = BTreeSet::new();
        for done in staged {
            match done {
                Staged::Unchanged(path) => report.unchanged.push(path),
                Staged::Written(temp, target, path) => {
                    temp.persist(&target)
                        .map_err(|e| io_error(&target)(e.error))?;
                    synced_dirs.insert(target.parent().unwrap_or(out).to_path_buf());
                    if let Some(&(copied, all)) = self.copied.get(&path) {
                        if copied > 0 {
                            report.copied.push((path.clone(), copied, all));
                        }
                    }
                    report.written.push(path);
                }
            }
        }

        if self.keep_unwritten {
            for path in &self.previous {
                if self.current.insert(path.clone()) {
                    report.unchanged.push(path.clone());
                }
            }
        }
        report.unchanged.sort();

        let mut emptied = BTreeSet::new();
        for stale in self
            .previous
            .iter()
            .filter(|p| !self.current.contains(p.as_str()))
        {
            let target = out.join(stale);
            match fs::remove_file(&target) {
                Ok(()) => report.removed.push(stale.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error(&target)(e)),
            }
            emptied.insert(target.parent().unwrap_or(out).to_path_buf());
        }
        for dir in emptied {
            // Only an empty language folder goes; anything a user put there
            // keeps it.
            if dir == out || fs::remove_dir(&dir).is_err() {
                synced_dirs.insert(dir);
            } else {
                synced_dirs.insert(out.to_path_buf());
            }
        }

        let manifest: Vec<&str> = self.current.iter().map(String::as_str).collect();
        if manifest != self.previous.iter().map(String::as_str).collect::<Vec<_>>() {
            write_manifest(out, &manifest)?;
        }
        // Renames and removals are durable only once their folders are
        // synced.
        #[cfg(unix)]
        for dir in synced_dirs {
            fs::File::open(&dir)
                .and_then(|d| d.sync_all())
                .map_err(io_error(&dir))?;
        }
        Ok(report)
    }

    /// Closes the handover and waits until every file handed over is
    /// staged (or one failed); `Err` if the writer panicked.
    fn finish_writing(&mut self) -> std::thread::Result<Result<Vec<Staged>, PublishError>> {
        let Some(Writer { parts, thread }) = self.writer.take() else {
            return Ok(Ok(Vec::new()));
        };
        drop(parts);
        thread.join()
    }
}

impl Drop for Staging<'_> {
    /// Without a commit the writer is still waited for, so that the files
    /// it staged are deleted before the run ends. Its panic, if any, is
    /// not raised again here: this may run while another one unwinds.
    fn drop(&mut self) {
        let _ = self.finish_writing();
    }
}

/// A file being staged as its parts come.
struct StagingFile {
    target: PathBuf,
    /// The file this one replaces, if any: compared with as long as they
    /// agree, and read for the runs of entries copied from it.
    published: Option<fs::File>,
    published_len: u64,
    /// Bytes appended so far.
    len: u64,
    /// Created at the first byte that differs from the published file:
    /// until then the bytes are those of the published file, which need
    /// not be written again, and a file that turns out the same is never
    /// written at all.
    temp: Option<TempFeed>,
    scratch: Vec<u8>,
}

impl StagingFile {
    fn begin(target: PathBuf) -> std::io::Result<StagingFile> {
        // A published file that cannot be read is only not compared with.
        let published = fs::File::open(&target).ok();
        let published_len = match &published {
            Some(file) => file.metadata()?.len(),
            None => 0,
        };
        Ok(StagingFile {
            target,
            published,
            published_len,
            len: 0,
            temp: None,
            scratch: Vec::new(),
        })
    }

    fn append(&mut self, piece: &Piece) -> std::io::Result<()> {
        let n = piece.len();
        if self.temp.is_none() {
            let same = match piece {
                // A run copied to where it already is.
                Piece::Published(range) => range.start == self.len,
                Piece::Rendered { .. } => {
                    let bytes = piece.rendered().unwrap_or_default();
                    self.len + n <= self.published_len && {
                        self.read_published(self.len, n)?;
                        self.scratch == bytes
                    }
                }
            };
            if same && self.len + n <= self.published_len {
                self.len += n;
                return Ok(());
            }
            self.start_temp()?;
        }
        match piece {
            Piece::Rendered { .. } => {
                let bytes = piece.rendered().unwrap_or_default();
                temp_of(&mut self.temp)?.write_all(bytes)?;
            }
            Piece::Published(range) => self.copy_published(range.start, n)?,
        }
        self.len += n;
        Ok(())
    }

    /// Starts the disk on what was staged so far, while the next part is
    /// rendered.
    fn start_writeback(&mut self) -> std::io::Result<()> {
        match self.temp.as_mut() {
            Some(temp) => temp.start_writeback(),
            None => Ok(()),
        }
    }

    /// The file's fate once its last part is appended.
    fn finish(mut self, path: String) -> std::io::Result<Staged> {
        if self.temp.is_none() && self.published.is_some() && self.len == self.published_len {
            return Ok(Staged::Unchanged(path));
        }
        if self.temp.is_none() {
            self.start_temp()?;
        }
        let temp = self
            .temp
            .take()
            .ok_or_else(|| std::io::Error::other("no temporary file"))?
            .finish()?;
        take_over_access(temp.as_file(), &self.target)?;
        temp.as_file().sync_all()?;
        Ok(Staged::Written(temp, self.target, path))
    }

    /// Creates the temporary file with the bytes so far, which are the
    /// published file's first bytes.
    fn start_temp(&mut self) -> std::io::Result<()> {
        self.temp = Some(TempFeed::new(temp_file_beside(&self.target)?));
        if self.len > 0 {
            self.copy_published(0, self.len)?;
        }
        Ok(())
    }

    /// Appends `len` bytes of the published file from `start` to the
    /// temporary file; the kernel copies them where it can.
    fn copy_published(&mut self, start: u64, len: u64) -> std::io::Result<()> {
        if start + len > self.published_len {
            return Err(changed_behind_our_back());
        }
        let published = seek(&self.published, start)?;
        if !temp_of(&mut self.temp)?.copy_from(published, len)? {
            return Err(changed_behind_our_back());
        }
        Ok(())
    }

    /// Reads `len` bytes of the published file from `start` into `scratch`.
    fn read_published(&mut self, start: u64, len: u64) -> std::io::Result<()> {
        use std::io::Read;
        let mut published = seek(&self.published, start)?;
        self.scratch.resize(len as usize, 0);
        published.read_exact(&mut self.scratch)
    }
}

/// The published file, positioned at `start`.
fn seek(published: &Option<fs::File>, start: u64) -> std::io::Result<&fs::File> {
    use std::io::Seek;
    let mut file = published.as_ref().ok_or_else(changed_behind_our_back)?;
    file.seek(std::io::SeekFrom::Start(start))?;
    Ok(file)
}

fn temp_of(temp: &mut Option<TempFeed>) -> std::io::Result<&mut TempFeed> {
    temp.as_mut()
        .ok_or_else(|| std::io::Error::other("no temporary file"))
}

fn changed_behind_our_back() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "changed since the last run, though its stamps did not; delete the cache folder (.babelfeed-cache) and run again",
    )
}

/// For a run that publishes nothing (nothing changed): still removes what a
/// killed run left behind.
pub fn tidy(out: &Path, _lock: &OutputLock) {
    if let Ok(previous) = read_manifest(out) {
        remove_leftover_temp_files(out, &previous);
    }
}

/// A run killed between writing and renaming leaves its temporary files;
/// holding the lock, this run knows nobody else is writing them. Best
/// effort: a leftover that cannot be removed harms nothing.
///
/// Besides the published feeds' folders, every folder right inside `out`
/// is looked at: the cache's, and a language's that a killed run was
/// publishing for the first time, which no manifest names. Such a folder,
/// left empty, goes too, so that nothing is served from it.
fn remove_leftover_temp_files(out: &Path, manifest: &[String]) {
    // Every published feed is in a folder right inside `out`.
    let published: BTreeSet<PathBuf> = manifest
        .iter()
        .filter_map(|p| out.join(p).parent().map(Path::to_path_buf))
        .collect();
    let inside = fs::read_dir(out).into_iter().flatten().flatten();
    let folders = inside
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path());
    for dir in std::iter::once(out.to_path_buf()).chain(folders) {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut removed = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".babelfeed-") && name.ends_with(".tmp") {
                removed |= fs::remove_file(entry.path()).is_ok();
            }
        }
        if removed && !published.contains(&dir) && dir != out {
            // Fails, as it should, unless the folder is empty now.
            let _ = fs::remove_dir(&dir);
        }
    }
}

/// Whether a replaced file must survive a power cut. Feeds and the manifest
/// must; the cache need not (damaged, it is only ignored), and syncing tens
/// of megabytes on every run would cost more than it saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Synced,
    Unsynced,
}

/// An empty temporary file beside `target`, deleted unless persisted.
fn temp_file_beside(target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".babelfeed-").suffix(".tmp");
    // Created as any file is (0666 less the umask), not with the 0600 of
    // a temporary file: a new feed is for the web server to read, and the
    // umask is how the administrator says who may. A file it replaces
    // hands on its own permissions ([`take_over_access`]).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Gives `temp`, which is to replace `target`, the permission bits and,
/// where this process may set it, the group of the file it replaces: an
/// administrator who made a feed readable to the web server's group
/// (`chmod 640`, `chgrp www-data`) must not find it unreadable (403) once
/// a run has changed it. The owner stays this process's.
#[cfg(unix)]
fn take_over_access(temp: &fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // Nothing to take over from a new file, nor from a target that cannot
    // be looked at (a dangling link), which the rename replaces as a new
    // file.
    let Ok(old) = fs::metadata(target) else {
        return Ok(());
    };
    if old.gid() != temp.metadata()?.gid() {
        match std::os::unix::fs::fchown(temp, None, Some(old.gid())) {
            // Not a member of that group (or one this user namespace does
            // not map): the file keeps this process's group, as a new one.
            Err(e) if matches!(e.raw_os_error(), Some(libc::EPERM | libc::EINVAL)) => {}
            other => other?,
        }
    }
    temp.set_permissions(fs::Permissions::from_mode(old.mode() & 0o777))
}

#[cfg(not(unix))]
fn take_over_access(_temp: &fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Writes what `write` writes in full to a temporary file beside `target`.
fn stage(
    target: &Path,
    durability: Durability,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut temp = temp_file_beside(target)?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 20, temp.as_file_mut());
    write(&mut buffered)?;
    buffered.flush()?;
    drop(buffered);
    take_over_access(temp.as_file(), target)?;
    if durability == Durability::Synced {
        temp.as_file().sync_all()?;
    }
    Ok(temp)
}

/// Writes `bytes` to `target` through a temporary file and a rename, so a
/// reader never sees half of it.
pub fn write_atomically(
    target: &Path,
    bytes: &[u8],
    durability: Durability,
) -> std::io::Result<()> {
    write_atomically_with(target, durability, |out| out.write_all(bytes))
}

/// [`write_atomically`] of what `write` writes, for files too large to be
/// worth gathering in memory first.
pub fn write_atomically_with(
    target: &Path,
    durability: Durability,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    stage(target, durability, write)?
        .persist(target)
        .map_err(|e| e.error)?;
    #[cfg(unix)]
    if durability == Durability::Synced {
        fs::File::open(target.parent().unwrap_or(Path::new(".")))?.sync_all()?;
    }
    Ok(())
}

/// The stamps of published files, so that a later run can tell they are
/// still what this run wrote.
pub fn stamps(out: &Path, paths: Vec<String>) -> Vec<(String, crate::discover::Stamp)> {
    paths
        .into_iter()
        .filter_map(|path| {
            let meta = fs::metadata(out.join(&path)).ok()?;
            Some((path, crate::discover::Stamp::of(&meta)))
        })
        .collect()
}

/// The languages an earlier run published feeds of, as its manifest lists
/// them.
pub fn published_languages(out: &Path) -> Result<Vec<String>, PublishError> {
    // Each line is `<lang>/atom.xml` or `<lang>/rss.xml` (see
    // [`read_manifest`]).
    let mut languages: Vec<String> = read_manifest(out)?
        .iter()
        .filter_map(|path| path.split_once('/'))
        .map(|(lang, _)| lang.to_string())
        .collect();
    languages.sort_unstable();
    languages.dedup();
    Ok(languages)
}

/// The files an earlier run wrote; none when there is no manifest yet.
fn read_manifest(out: &Path) -> Result<Vec<String>, PublishError> {
    let path = out.join(MANIFEST_FILE);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            // A hand-edited manifest must not make a run delete anything
            // but a feed it could have written.
            .filter(|l| is_feed_path(l))
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(PublishError::Io { path, source }),
    }
}

fn write_manifest(out: &Path, paths: &[&str]) -> Result<(), PublishError> {
    let mut text = String::from(MANIFEST_HEADER);
    text.push('\n');
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    let path = out.join(MANIFEST_FILE);
    write_atomically(&path, text.as_bytes(), Durability::Synced).map_err(io_error(&path))
}

/// A path such as babelfeed publishes: `<lang>/atom.xml` or
/// `<lang>/rss.xml`, the language folder neither hidden nor a step out.
fn is_feed_path(path: &str) -> bool {
    match path.split_once('/') {
        Some((lang, file)) => {
            !lang.is_empty()
                && !lang.starts_with('.')
                && !lang.contains('\\')
                && matches!(file, "atom.xml" | "rss.xml")
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::RenderedFile;

    /// Stages and commits `files`, as a run does: each in two parts, the
    /// files' parts interleaved.
    fn publish(
        out: &Path,
        files: &[RenderedFile],
        lock: &OutputLock,
    ) -> Result<PublishReport, PublishError> {
        let mut staging = Staging::begin(out, lock)?;
        for last in [false, true] {
            for file in files {
                staging.add(FilePart {
                    path: file.path.clone(),
                    pieces: vec![file.pieces[usize::from(last)].clone()],
                    last,
                });
            }
        }
        staging.commit()
    }

    /// A file in two pieces, as feeds come.
    fn file(path: &str, bytes: &[u8]) -> RenderedFile {
        let (head, rest) = bytes.split_at(bytes.len() / 2);
        RenderedFile {
            path: path.into(),
            pieces: vec![head.to_vec().into(), rest.to_vec().into()],
        }
    }

    fn visible_entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn unchanged_files_are_not_touched() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![file("de/atom.xml", b"<feed/>")];
        let lock = lock(dir.path(), true).unwrap();
        let first = publish(dir.path(), &files, &lock).unwrap();
        assert_eq!(first.written, vec!["de/atom.xml"]);
        let mtime = fs::metadata(dir.path().join("de/atom.xml"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let second = publish(dir.path(), &files, &lock).unwrap();
        assert_eq!(second.unchanged, vec!["de/atom.xml"]);
        assert!(second.written.is_empty());
        let again = fs::metadata(dir.path().join("de/atom.xml"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(mtime, again);
        assert_eq!(visible_entries(&dir.path().join("de")), vec!["atom.xml"]);
        let all: Vec<_> = fs::read_dir(dir.path().join("de")).unwrap().collect();
        assert_eq!(all.len(), 1, "no temporary files left behind");
    }

    /// A file is compared with the one it replaces as its pieces come, and
    /// runs copied from it land where they belong: whatever the new file's
    /// length, and wherever the copied bytes were.
    #[test]
    fn files_are_compared_and_copied_piece_by_piece() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("atom.xml");
        let published = b"<feed>AAAABBBBCCCC</feed>";
        let stage = |pieces: &[Piece]| -> std::io::Result<(bool, Vec<u8>)> {
            fs::write(&target, published).unwrap();
            let mut file = StagingFile::begin(target.clone())?;
            for piece in pieces {
                file.append(piece)?;
            }
            match file.finish("atom.xml".into())? {
                Staged::Unchanged(_) => Ok((false, fs::read(&target).unwrap())),
                Staged::Written(temp, ..) => Ok((true, fs::read(temp.path()).unwrap())),
            }
        };
        let text = |t: &str| Piece::from(t.as_bytes().to_vec());
        let copy = |start: u64, end: u64| Piece::Published(start..end);
        let cases: &[(&[Piece], Option<&str>)] = &[
            (&[text("<feed>AAAA"), copy(10, 18), text("</feed>")], None),
            (&[copy(0, 14), text("CCCC</feed>")], None),
            (
                &[text("<feed>AAAA"), copy(14, 18), text("</feed>")],
                Some("<feed>AAAACCCC</feed>"),
            ),
            (
                &[copy(0, 10), text("XXXX"), copy(14, 25)],
                Some("<feed>AAAAXXXXCCCC</feed>"),
            ),
            (&[text("<feed>AAAA")], Some("<feed>AAAA")),
            (
                &[copy(0, 25), text("!")],
                Some("<feed>AAAABBBBCCCC</feed>!"),
            ),
            (
                &[text("<feed>"), copy(6, 10), copy(6, 10), text("</feed>")],
                Some("<feed>AAAAAAAA</feed>"),
            ),
            (&[], Some("")),
        ];
        for (pieces, written) in cases {
            let (was_written, bytes) = stage(pieces).unwrap();
            assert_eq!(was_written, written.is_some(), "{pieces:?}");
            let expected = written.map_or(published.to_vec(), |w| w.as_bytes().to_vec());
            assert_eq!(
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&expected),
                "{pieces:?}"
            );
        }
        // A run said to be where the file is too short for it.
        assert!(stage(&[text("<feed>"), copy(20, 30)]).is_err());
    }

    #[test]
    fn a_dropped_language_loses_only_the_files_babelfeed_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let lock = lock(dir.path(), true).unwrap();
        let both = vec![
            file("de/atom.xml", b"<de/>"),
            file("fr/atom.xml", b"<fr/>"),
            file("fr/rss.xml", b"<fr/>"),
        ];
        publish(dir.path(), &both, &lock).unwrap();
        fs::write(dir.path().join("fr/notes.txt"), "mine").unwrap();
        fs::write(dir.path().join("mine.xml"), "mine").unwrap();
        let report = publish(dir.path(), &both[..1], &lock).unwrap();
        assert_eq!(report.removed, vec!["fr/atom.xml", "fr/rss.xml"]);
        assert_eq!(visible_entries(&dir.path().join("fr")), vec!["notes.txt"]);
        assert_eq!(visible_entries(dir.path()), vec!["de", "fr", "mine.xml"]);

        fs::remove_file(dir.path().join("fr/notes.txt")).unwrap();
        publish(dir.path(), &both, &lock).unwrap();
        publish(dir.path(), &both[..1], &lock).unwrap();
        assert_eq!(
            visible_entries(dir.path()),
            vec!["de", "mine.xml"],
            "an emptied language folder goes too"
        );
    }

    #[test]
    fn a_manifest_can_only_remove_feeds() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(dir.path().join("precious"), "keep").unwrap();
        fs::write(out.join("keep.txt"), "the site's own file").unwrap();
        fs::create_dir(out.join("img")).unwrap();
        fs::write(out.join("img/logo.png"), "png").unwrap();
        fs::write(
            out.join(MANIFEST_FILE),
            "../precious\n/etc/passwd\nkeep.txt\nimg/logo.png\n../atom.xml\n",
        )
        .unwrap();
        let lock = lock(&out, true).unwrap();
        let report = publish(&out, &[file("de/atom.xml", b"<de/>")], &lock).unwrap();
        assert!(report.removed.is_empty());
        assert!(dir.path().join("precious").exists());
        assert!(out.join("keep.txt").exists() && out.join("img/logo.png").exists());
    }

    #[test]
    fn a_second_lock_without_waiting_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _held = lock(dir.path(), true).unwrap();
        let second = lock(dir.path(), false);
        assert!(
            matches!(second, Err(PublishError::Busy { .. })),
            "{second:?}"
        );
    }
}
