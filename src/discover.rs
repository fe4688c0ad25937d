//! Stage 1: find the article files and read them. This and `publish` are the
//! only stages that touch the disk; everything after works on the text.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;

/// Which parser reads a file, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Plain,
    Markdown,
}

/// A file's text, decoded and with any byte-order mark removed.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path relative to the articles folder, `/`-separated.
    pub path: String,
    pub text: String,
}

/// One article file, with the sidecar that belongs to it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub kind: SourceKind,
    pub file: SourceText,
    /// `NAME.toml` beside a `NAME.txt`.
    pub sidecar: Option<SourceText>,
}

/// What the walk found, before anything is read.
///
/// Kept small, since a large archive is listed on every run, even one
/// that finds nothing changed: each file's path once (relative; [`read`]
/// joins it to the folder), and a sidecar, which few have, boxed.
#[derive(Debug, Default)]
pub struct Listing {
    /// Sorted by path.
    pub files: Vec<ListedArticle>,
    pub ignored: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// An article file (and its sidecar) found by the walk, not yet read.
#[derive(Debug, Clone)]
pub struct ListedArticle {
    pub kind: SourceKind,
    pub file: ListedFile,
    pub sidecar: Option<Box<ListedFile>>,
}

/// One file on disk with what `stat` says of it.
#[derive(Debug, Clone)]
pub struct ListedFile {
    /// Path relative to the articles folder, `/`-separated.
    pub path: String,
    pub stamp: Stamp,
    /// Reached through a symbolic link, or one of several hard links: the
    /// same file may be listed under another path as well.
    pub linked: bool,
}

/// What `stat` says of a file: enough to tell, without reading it, that it
/// is the very file read before. The change time cannot be set back by
/// `touch`, so together with the size and inode it catches every rewrite.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub inode: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                len: meta.len(),
                mtime_ns: meta.mtime().saturating_mul(1_000_000_000) + meta.mtime_nsec(),
                ctime_ns: meta.ctime().saturating_mul(1_000_000_000) + meta.ctime_nsec(),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            // Without a change time the stamp proves nothing; zero never
            // matches a cached stamp's time check, so files are re-read.
            Stamp {
                len: meta.len(),
                ..Stamp::default()
            }
        }
    }
}

/// Walks `root` recursively, skipping hidden files and folders, and pairs
/// each `NAME.toml` with its `NAME.txt`; reads nothing ([`read`] does, file
/// by file, so that the cache can spare the unchanged ones).
///
/// A missing or unreadable root is the caller's error to report; problems
/// with single files are collected as diagnostics so that one bad file does
/// not hide the others.
pub fn list(root: &Path) -> std::io::Result<Listing> {
    let meta = folder(root)?;
    // An unreadable root is the folder's problem, not an empty archive's.
    let entries = fs::read_dir(root)?;
    let mut listing = Listing::default();
    let walked = walk(entries, "", false, &[folder_identity(root, &meta)]);
    // In path order (see [`walk`]), which the cache's index and every
    // report rely on.
    let (files, diagnostics) =
        outside_repeated_folders(walked.files, walked.folders, walked.diagnostics);
    listing.diagnostics = diagnostics;
    let files = read_once(files, &mut listing.diagnostics);
    debug_assert!(files.windows(2).all(|w| w[0].path < w[1].path));

    // Pair each `NAME.toml` with its `NAME.txt` before reading anything, so a
    // sidecar without an article is reported rather than silently dropped.
    let mut sidecars: BTreeMap<String, ListedFile> = BTreeMap::new();
    listing.files.reserve_exact(files.len());
    for file in files {
        let kind = match extension(&file.path)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            _ if in_drafts_folder(&file.path) => {
                listing.ignored.push(file.path);
                continue;
            }
            Some("txt") => SourceKind::Plain,
            Some("md") | Some("markdown") if is_list_page(&file.path) => {
                listing.ignored.push(file.path);
                continue;
            }
            Some("md") | Some("markdown") => SourceKind::Markdown,
            Some("toml") => {
                sidecars.insert(file.path.clone(), file);
                continue;
            }
            _ => {
                listing.ignored.push(file.path);
                continue;
            }
        };
        listing.files.push(ListedArticle {
            kind,
            file,
            sidecar: None,
        });
    }
    if !sidecars.is_empty() {
        for listed in &mut listing.files {
            if listed.kind == SourceKind::Plain {
                let sidecar = sidecar_path(&listed.file.path);
                listed.sidecar = sidecars.remove(&sidecar).map(Box::new);
            }
        }
    }
    for rel in sidecars.into_keys() {
        // The articles folder's own babelfeed.toml may be the one in use
        // (`cd articles && babelfeed build --articles .`, or `--config
        // articles/babelfeed.toml`, as the error for one misplaced
        // advises), which this stage cannot tell: no warning.
        if rel == crate::config::CONFIG_FILE_NAME {
            continue;
        }
        // A configuration saved among the articles is not an unpaired
        // sidecar to its writer: say where a configuration is read.
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let why = match name == crate::config::CONFIG_FILE_NAME {
            true => "this babelfeed.toml in the articles folder is no sidecar (no babelfeed.txt is beside it), so no article uses it; babelfeed reads its configuration from babelfeed.toml in the working folder, or from --config FILE",
            false => "this .toml file is not beside a .txt article of the same name, so it is not used",
        };
        listing
            .diagnostics
            .push(Diagnostic::warning(rel, None, why));
    }
    Ok(listing)
}

/// The sidecar of the plain-text export at `path`: `NAME.toml` beside
/// `NAME.txt`.
pub fn sidecar_path(path: &str) -> String {
    let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
    format!("{stem}.toml")
}

/// What to do about a file or folder that cannot be read, where the error
/// says: the run's user may not read it.
fn what_to_do(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "; make it readable by the user babelfeed runs as (chmod, chown), or move it out of the articles folder"
        }
        _ => "",
    }
}

/// The metadata of `root`, which must be a folder.
pub fn folder(root: &Path) -> std::io::Result<fs::Metadata> {
    let meta = fs::metadata(root)?;
    if !meta.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            "not a folder",
        ));
    }
    Ok(meta)
}

/// Reads a listed article and its sidecar from the articles folder
/// `root`; `None` with the reasons when the article cannot be read. A
/// sidecar that cannot be read is reported and left out.
pub fn read(
    root: &Path,
    listed: &ListedArticle,
    max_bytes: u64,
) -> (Option<SourceFile>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let sidecar = listed
        .sidecar
        .as_ref()
        .and_then(|s| read_text(root, s, max_bytes, &mut problems));
    let file = read_text(root, &listed.file, max_bytes, &mut problems);
    let source = file.map(|file| SourceFile {
        kind: listed.kind,
        file,
        sidecar,
    });
    (source, problems)
}

/// The files (and the walk's diagnostics) without those of a folder
/// reached under a second path, as a symbolic link to a folder that is
/// read anyway. The folder is read under its own path rather than a
/// link's, and under the first in path order among links, whichever the
/// walk came to first, so that every run reads it under the same path.
/// One warning names each path left out.
fn outside_repeated_folders(
    files: Vec<ListedFile>,
    folders: Vec<WalkedFolder>,
    mut diagnostics: Vec<Diagnostic>,
) -> (Vec<ListedFile>, Vec<Diagnostic>) {
    // Only a symbolic link can lead to a folder a second time, so an
    // archive without linked folders pays nothing.
    if !folders.iter().any(|folder| folder.linked) {
        return (files, diagnostics);
    }
    let mut paths_of: HashMap<(u64, u64), Vec<(bool, String)>> = HashMap::new();
    for folder in folders {
        paths_of
            .entry(folder.identity)
            .or_default()
            .push((folder.linked, folder.path));
    }
    // Each as its path with a `/`, and the path it is a copy of.
    let mut repeated: Vec<(String, String)> = paths_of
        .into_values()
        .filter(|paths| paths.len() > 1)
        .flat_map(|mut paths| {
            paths.sort_unstable();
            let first = paths[0].1.clone();
            paths
                .into_iter()
                .skip(1)
                .map(move |(_, path)| (format!("{path}/"), first.clone()))
        })
        .collect();
    if repeated.is_empty() {
        return (files, diagnostics);
    }
    repeated.sort_unstable();
    // A folder inside one left out is left out with it, and not named.
    let mut outermost: Vec<(String, String)> = Vec::new();
    for (path, first) in repeated {
        if !outermost
            .iter()
            .any(|(outer, _)| path.starts_with(outer.as_str()))
        {
            outermost.push((path, first));
        }
    }
    let left_out = |path: &str| {
        outermost
            .iter()
            .any(|(outer, _)| path.starts_with(outer.as_str()))
    };
    diagnostics.retain(|d| !left_out(&format!("{}/", d.path)));
    for (path, first) in &outermost {
        diagnostics.push(Diagnostic::warning(
            path.trim_end_matches('/'),
            None,
            format!(
                "is the same folder as `{first}` (through a symbolic link), which is read once, as `{first}`; remove the link if it is not meant to be there"
            ),
        ));
    }
    let files = files.into_iter().filter(|f| !left_out(&f.path)).collect();
    (files, diagnostics)
}

/// The files, each once: a file reached under two paths (a symbolic link
/// to it beside it, a linked folder holding it, a hard link) would be two
/// entries with two ids of one article. The first path keeps it; the
/// others get a warning. Only linked files are compared, so an archive
/// without links pays nothing.
fn read_once(files: Vec<ListedFile>, diagnostics: &mut Vec<Diagnostic>) -> Vec<ListedFile> {
    // The inode with both times and the size: no two files share all four.
    let linked: HashSet<Stamp> = files
        .iter()
        .filter(|f| f.linked && f.stamp.inode != 0)
        .map(|f| f.stamp)
        .collect();
    if linked.is_empty() {
        return files;
    }
    let mut first_path: HashMap<Stamp, String> = HashMap::new();
    let mut kept = Vec::with_capacity(files.len());
    for file in files {
        if linked.contains(&file.stamp) {
            if let Some(first) = first_path.get(&file.stamp) {
                diagnostics.push(Diagnostic::warning(
                    file.path.clone(),
                    None,
                    format!(
                        "is the same file as `{first}` (through a link), which is read once, as `{first}`; remove the link if it is not meant to be there"
                    ),
                ));
                continue;
            }
            first_path.insert(file.stamp, file.path.clone());
        }
        kept.push(file);
    }
    kept
}

/// A folder's identity on disk, to notice a folder reached twice through a
/// symbolic link (a loop) without resolving every path.
fn folder_identity(path: &Path, meta: &fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        use std::hash::{Hash, Hasher};
        let _ = meta;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        fs::canonicalize(path).unwrap_or_default().hash(&mut hasher);
        (0, hasher.finish())
    }
}

/// Whether the file has other names (hard links) than this one.
fn hard_linked(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// What the walk of one folder and everything below it found.
#[derive(Default)]
struct Walked {
    files: Vec<ListedFile>,
    /// Every folder below, to find one reached under two paths.
    folders: Vec<WalkedFolder>,
    diagnostics: Vec<Diagnostic>,
}

struct WalkedFolder {
    /// See [`folder_identity`].
    identity: (u64, u64),
    /// Whether a symbolic link led to it or to a folder above it.
    linked: bool,
    path: String,
}

/// Walks the folder whose `entries` these are (shown as `rel`, `""` for
/// the root, which the caller opens); its subfolders are walked on all
/// cores, since a large archive is mostly `stat` calls.
///
/// The files come back in path order without a sort of the whole list:
/// each folder's entries are sorted, a subfolder by its name and a `/`,
/// which is where all of its paths fall among its siblings'.
///
/// `ancestors` are the identities of the folders from the root to this
/// one: a link to one of them is a loop. A folder reached twice otherwise
/// is walked twice, and [`outside_repeated_folders`] keeps one.
fn walk(entries: fs::ReadDir, rel: &str, under_link: bool, ancestors: &[(u64, u64)]) -> Walked {
    let mut walked = Walked::default();
    let shown = || match rel {
        "" => ".".to_string(),
        rel => rel.to_string(),
    };
    // Subfolders as their path with a trailing `/`, the key they sort by,
    // whether a link led there, and their identity.
    let mut subfolders: Vec<(PathBuf, String, bool, (u64, u64))> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                walked.diagnostics.push(Diagnostic::error(
                    shown(),
                    None,
                    format!("cannot read folder: {e}{}", what_to_do(&e)),
                ));
                continue;
            }
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            walked.diagnostics.push(Diagnostic::error(
                entry.path().display().to_string(),
                None,
                "file name is not valid UTF-8; rename it",
            ));
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let mut child = String::with_capacity(rel.len() + name.len() + 2);
        if !rel.is_empty() {
            child.push_str(rel);
            child.push('/');
        }
        child.push_str(name);
        // Symbolic links are followed, so linked files and folders are read
        // like real ones; other entries are asked about relative to their
        // folder, which is cheaper than resolving the whole path.
        let is_link = entry.file_type().is_ok_and(|kind| kind.is_symlink());
        let meta = match is_link {
            true => fs::metadata(entry.path()),
            false => entry.metadata(),
        };
        match meta {
            Ok(meta) if meta.is_dir() => {
                let path = entry.path();
                let identity = folder_identity(&path, &meta);
                if ancestors.contains(&identity) {
                    walked.diagnostics.push(Diagnostic::error(
                        child,
                        None,
                        "is a symbolic link to a folder that holds it (a loop), so its articles would be read without end; remove the link",
                    ));
                } else {
                    walked.folders.push(WalkedFolder {
                        identity,
                        linked: under_link || is_link,
                        path: child.clone(),
                    });
                    child.push('/');
                    subfolders.push((path, child, under_link || is_link, identity));
                }
            }
            Ok(meta) if meta.is_file() => walked.files.push(ListedFile {
                path: child,
                stamp: Stamp::of(&meta),
                linked: under_link || is_link || hard_linked(&meta),
            }),
            // A pipe, a socket or a device: no article, and reading a pipe
            // would wait for a writer.
            Ok(_) => walked.diagnostics.push(Diagnostic::warning(
                child,
                None,
                "is neither a file nor a folder (a pipe, socket or device), and is skipped",
            )),
            // A link to a file that was moved or deleted: "No such file"
            // about a file one can see in the folder would puzzle.
            Err(e) if is_link && e.kind() == std::io::ErrorKind::NotFound => {
                let target = fs::read_link(entry.path())
                    .map_or_else(|_| "?".to_string(), |t| t.display().to_string());
                walked.diagnostics.push(Diagnostic::error(
                    child,
                    None,
                    format!(
                        "is a broken symbolic link: it points to `{target}`, which does not exist; fix the link or remove it"
                    ),
                ))
            }
            Err(e) => walked.diagnostics.push(Diagnostic::error(
                child,
                None,
                format!("cannot read: {e}{}", what_to_do(&e)),
            )),
        }
    }
    walked.files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    subfolders.sort_unstable_by(|a, b| a.1.cmp(&b.1));
    let below: Vec<Walked> = subfolders
        .par_iter()
        .map(|(path, key, linked, identity)| {
            let rel = &key[..key.len() - 1];
            let ancestors = [ancestors, &[*identity]].concat();
            match fs::read_dir(path) {
                Ok(entries) => walk(entries, rel, *linked, &ancestors),
                Err(e) => Walked {
                    diagnostics: vec![Diagnostic::error(
                        rel,
                        None,
                        format!("cannot read folder: {e}{}", what_to_do(&e)),
                    )],
                    ..Walked::default()
                },
            }
        })
        .collect();
    if below.is_empty() {
        return walked;
    }
    let total = walked.files.len() + below.iter().map(|w| w.files.len()).sum::<usize>();
    let mut files = Vec::with_capacity(total);
    let mut here = std::mem::take(&mut walked.files).into_iter().peekable();
    for ((_, key, _, _), mut w) in subfolders.iter().zip(below) {
        while let Some(file) = here.next_if(|f| f.path < *key) {
            files.push(file);
        }
        files.append(&mut w.files);
        walked.folders.append(&mut w.folders);
        walked.diagnostics.append(&mut w.diagnostics);
    }
    files.extend(here);
    walked.files = files;
    walked
}

fn read_text(
    root: &Path,
    listed: &ListedFile,
    max_bytes: u64,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<SourceText> {
    let (rel, len) = (listed.path.as_str(), listed.stamp.len);
    if len > max_bytes {
        diagnostics.push(Diagnostic::error(
            rel,
            None,
            format!(
                "is {len} bytes, more than max_article_bytes ({max_bytes}); an article is a few kilobytes, so this is probably not one: move it out of the articles folder, or raise max_article_bytes in babelfeed.toml"
            ),
        ));
        return None;
    }
    // The size is known from the walk, so the file is read without asking
    // for it again, and in one call when it still has that size: a read
    // of a regular file that stops short of what was asked stops at its
    // end, so no second call is needed to find the end (each call less
    // per article shows over a hundred thousand). A file that grew or
    // shrank since is read to its end, still held to the limit.
    let read = fs::File::open(root.join(rel)).and_then(|mut file| {
        let mut bytes = vec![0; len as usize + 1];
        let first = loop {
            match file.read(&mut bytes) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        bytes.truncate(first);
        if first as u64 != len {
            let left = (max_bytes + 1).saturating_sub(first as u64);
            file.take(left).read_to_end(&mut bytes)?;
        }
        Ok(bytes)
    });
    let bytes = match read {
        Ok(bytes) if bytes.len() as u64 > max_bytes => {
            diagnostics.push(Diagnostic::error(
                rel,
                None,
                format!("grew to more than max_article_bytes ({max_bytes}) while being read; run again when it is written"),
            ));
            return None;
        }
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                rel,
                None,
                format!("cannot read: {e}{}", what_to_do(&e)),
            ));
            return None;
        }
    };
    // Validating UTF-8 is a pass over every byte of the archive, and text
    // in German or French is not mostly ASCII, where std's check is
    // fastest; simdutf8 checks it several times faster. Only a file that
    // fails is checked again by std, which says where.
    // UTF-16 with a byte-order mark is no UTF-8, without one it is, full
    // of NULs: either way one error that names it, not one a line.
    let maybe_utf16 = matches!(bytes[..], [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
        || memchr::memchr(0, &bytes).is_some();
    if let Some(encoding) = maybe_utf16.then(|| utf16_encoding(&bytes)).flatten() {
        diagnostics.push(utf16_error(rel, encoding));
        return None;
    }
    let checked = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just validated as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    match checked {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Some(SourceText {
                path: rel.to_string(),
                text,
            })
        }
        Err(e) => {
            if let Some(kind) = binary_kind(e.as_bytes()) {
                diagnostics.push(Diagnostic::error(
                    rel,
                    None,
                    format!(
                        "is not text but {kind}; an article must be text: move the file out of the articles folder, or give it the extension its kind has"
                    ),
                ));
                return None;
            }
            let valid = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..valid];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            // The prefix is valid UTF-8, so its last line counts in
            // characters, as an editor shows the column.
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let column =
                std::str::from_utf8(&before[line_start..]).map_or(0, |l| l.chars().count()) + 1;
            let byte = e.as_bytes()[valid];
            diagnostics.push(Diagnostic::error(
                rel,
                Some(line),
                format!(
                    "not valid UTF-8 (byte 0x{byte:02X} at column {column}); save the file as UTF-8, e.g. `iconv -f windows-1252 -t utf-8` (Windows-1252 is Latin-1 with quotes and dashes where Latin-1 has control characters)"
                ),
            ));
            None
        }
    }
}

/// What binary file `bytes` (not UTF-8) are, if they are one: a picture,
/// document or archive by its signature, else any file with a NUL among
/// its first bytes that is not UTF-16 (see [`utf16_encoding`]) — which no
/// export in a legacy encoding has.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or a Word, OpenDocument or Excel file)",
        ),
        (b"\xD0\xCF\x11\xE0", "an old Word or Excel file"),
        (b"{\\rtf", "an RTF document"),
    ];
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(512)];
    (head.contains(&0) && utf16_encoding(bytes).is_none()).then_some("a binary file")
}

/// `UTF-16LE` or `UTF-16BE` when `bytes` look like UTF-16, as Windows
/// tools save "Unicode" text: a byte-order mark, or a NUL in every other
/// byte of most of the text (its ASCII characters). Such a file is not
/// Windows-1252 (the advice for other bytes that are not UTF-8), and without a
/// mark it is even valid UTF-8, full of NULs.
fn utf16_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let pairs = bytes.len() / 2;
    let nuls = |from: usize| {
        bytes
            .iter()
            .skip(from)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nuls(0), nuls(1));
    if pairs < 2 {
        None
    } else if odd * 2 > pairs && even * 8 < pairs {
        Some("UTF-16LE")
    } else if even * 2 > pairs && odd * 8 < pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// The one error for a UTF-16 file, with the command that converts it.
fn utf16_error(rel: &str, encoding: &str) -> Diagnostic {
    Diagnostic::error(
        rel,
        None,
        format!(
            "the file is {encoding}, not UTF-8; save it as UTF-8, e.g. `iconv -f {encoding} -t UTF-8 FILE > NEW`"
        ),
    )
}

/// Why the walk left out a file it listed as ignored, for `--verbose`.
pub fn why_ignored(rel: &str) -> &'static str {
    if in_drafts_folder(rel) {
        "in a _drafts folder, which Jekyll never publishes"
    } else if is_list_page(rel) {
        "a Hugo list page (_index), not an article"
    } else {
        "not .txt, .md or a sidecar .toml"
    }
}

/// Whether a Markdown file is a Hugo section or home page (`_index.md`,
/// `_index.de.md`): the page that lists a folder's articles, with a title
/// and an introduction but often no date. It is no article of any feed,
/// and reading it as one would fail a Hugo content folder on its missing
/// date.
fn is_list_page(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.split('.').next() == Some("_index")
}

/// Whether a file is in Jekyll's `_drafts/`, whose posts (often without a
/// date, which Jekyll takes from the file's time) it never publishes: an
/// embargoed post must neither leak nor fail the run.
fn in_drafts_folder(rel: &str) -> bool {
    rel.split('/')
        .rev()
        .skip(1)
        .any(|folder| folder == "_drafts")
}

fn extension(rel: &str) -> Option<&str> {
    let name = rel.rsplit('/').next()?;
    name.rsplit_once('.').map(|(_, ext)| ext)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn the_walk_lists_files_in_path_order_without_sorting_them_all() {
        // A folder's paths fall between its siblings' by `name/`: after
        // `a.txt` and `a-b.md` (`.` and `-` sort before `/`), before `a0.md`.
        let dir = tempfile::tempdir().unwrap();
        let paths = [
            "a.txt",
            "a-b.md",
            "a/z.md",
            "a/b/c.txt",
            "a/b.txt",
            "a0.md",
            "A.md",
            "b/a.md",
            "b.md",
            "ab/x.md",
            "é.md",
        ];
        for path in paths {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let listed: Vec<String> = list(dir.path())
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.file.path)
            .collect();
        let mut sorted: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        sorted.sort();
        assert_eq!(listed, sorted);
    }

    /// A file listed with `listed_len` bytes that holds `text` by the time
    /// it is read.
    fn read_changed(text: &str, listed_len: u64, max_bytes: u64) -> Result<String, String> {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), text).unwrap();
        let listed = ListedArticle {
            kind: SourceKind::Plain,
            file: ListedFile {
                path: "a.txt".into(),
                stamp: Stamp {
                    len: listed_len,
                    ..Stamp::default()
                },
                linked: false,
            },
            sidecar: None,
        };
        match read(dir.path(), &listed, max_bytes) {
            (Some(source), _) => Ok(source.file.text),
            (None, problems) => Err(problems[0].message.clone()),
        }
    }

    #[test]
    fn a_file_is_read_whole_whatever_size_the_walk_saw() {
        let text = "Berlin, 3. März 2025\n\nDie Stadt hat gewählt.\n".repeat(50);
        let len = text.len() as u64;
        for listed_len in [len, 0, 1, len - 1, len + 1, len * 2] {
            assert_eq!(read_changed(&text, listed_len, 1 << 20), Ok(text.clone()));
        }
        assert_eq!(read_changed("", 0, 10), Ok(String::new()));
        // One that grew past the limit since it was listed is refused.
        let grown = read_changed(&text, 10, 100).unwrap_err();
        assert!(
            grown.contains("grew to more than max_article_bytes"),
            "{grown}"
        );
        assert_eq!(read_changed(&text, len, len), Ok(text.clone()));
        assert!(read_changed(&text, len - 1, len - 1).is_err());
    }

    /// A link to a folder that is read anyway is no error: the folder is
    /// read once, under the path that sorts first, whichever way the walk
    /// met it first, with one warning at the link. A link to a folder
    /// that holds it is a loop, an error.
    #[cfg(unix)]
    #[test]
    fn a_folder_reached_twice_is_read_once_under_its_first_path() {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["b/deep", "m"] {
            fs::create_dir_all(dir.path().join(folder)).unwrap();
        }
        fs::write(
            dir.path().join("b/one.en.txt"),
            "04.05.2021

One.
",
        )
        .unwrap();
        fs::write(
            dir.path().join("b/deep/two.en.txt"),
            "04.05.2021

Two.
",
        )
        .unwrap();
        std::os::unix::fs::symlink("b", dir.path().join("a-link")).unwrap();
        std::os::unix::fs::symlink("../b", dir.path().join("m/z-link")).unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("b/deep/up")).unwrap();
        let listing = list(dir.path()).unwrap();
        let paths: Vec<&str> = listing.files.iter().map(|f| f.file.path.as_str()).collect();
        assert_eq!(paths, ["b/deep/two.en.txt", "b/one.en.txt"]);
        let mut said: Vec<(&str, Severity, &str)> = listing
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.severity, d.message.as_str()))
            .collect();
        said.sort();
        let [a, loop_b, m] = said.as_slice() else {
            panic!("{said:?}");
        };
        assert_eq!((loop_b.0, loop_b.1), ("b/deep/up", Severity::Error));
        assert!(loop_b.2.contains("loop"), "{}", loop_b.2);
        for (warned, (path, severity, message)) in [("a-link", a), ("m/z-link", m)] {
            assert_eq!((*path, *severity), (warned, Severity::Warning));
            assert!(message.contains("same folder as `b`"), "{message}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_through_links_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("ext.en.txt"), "04.05.2021\n\nText.\n").unwrap();
        fs::create_dir(dir.path().join("news")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("ext.en.txt"),
            dir.path().join("news/link.en.txt"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
        fs::write(dir.path().join("own.en.txt"), "04.05.2021\n\nMine.\n").unwrap();
        fs::write(dir.path().join("a.en.txt"), "04.05.2021\n\nOther.\n").unwrap();
        std::os::unix::fs::symlink("a.en.txt", dir.path().join("b.en.txt")).unwrap();
        fs::hard_link(
            dir.path().join("own.en.txt"),
            dir.path().join("news/hard.en.txt"),
        )
        .unwrap();
        let fifo = dir.path().join("pipe.en.txt");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
        let listing = list(dir.path()).unwrap();
        let paths: Vec<&str> = listing.files.iter().map(|f| f.file.path.as_str()).collect();
        assert_eq!(paths, ["a.en.txt", "linked/ext.en.txt", "news/hard.en.txt"]);
        let said: Vec<(&str, &str)> = listing
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(said
            .iter()
            .any(|(p, m)| *p == "b.en.txt" && m.contains("same file as `a.en.txt`")));
        assert!(said.iter().any(
            |(p, m)| *p == "news/link.en.txt" && m.contains("same file as `linked/ext.en.txt`")
        ));
        assert!(said
            .iter()
            .any(|(p, m)| *p == "own.en.txt" && m.contains("same file as `news/hard.en.txt`")));
        assert!(said
            .iter()
            .any(|(p, m)| *p == "pipe.en.txt" && m.contains("neither a file nor a folder")));
    }
}
