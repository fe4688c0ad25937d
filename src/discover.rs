//! Stage 1: find the article files and read them. This and `publish` are the
//! only stages that touch the disk; everything after works on the text.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

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

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Sorted by path, so every later stage sees the same order on every
    /// machine.
    pub sources: Vec<SourceFile>,
    /// Files that are neither articles nor sidecars, for `--verbose`.
    pub ignored: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `root` recursively, skipping hidden files and folders.
///
/// A missing or unreadable root is the caller's error to report; problems
/// with single files are collected as diagnostics so that one bad file does
/// not hide the others.
pub fn discover(root: &Path, max_bytes: u64) -> std::io::Result<Discovery> {
    let meta = fs::metadata(root)?;
    if !meta.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            "not a folder",
        ));
    }
    let mut found = Discovery::default();
    let mut files = BTreeMap::new();
    let mut visited = HashSet::new();
    walk(root, root, &mut files, &mut visited, &mut found.diagnostics);

    // Pair each `NAME.toml` with its `NAME.txt` before reading anything, so a
    // sidecar without an article is reported rather than silently dropped.
    let mut sidecars: BTreeMap<String, (PathBuf, u64)> = BTreeMap::new();
    let mut articles = Vec::new();
    for (rel, abs) in files {
        match extension(&rel).map(str::to_ascii_lowercase).as_deref() {
            Some("txt") => articles.push((SourceKind::Plain, rel, abs)),
            Some("md") | Some("markdown") => articles.push((SourceKind::Markdown, rel, abs)),
            Some("toml") => {
                sidecars.insert(rel, abs);
            }
            _ => found.ignored.push(rel),
        }
    }
    for (kind, rel, abs) in articles {
        let sidecar = if kind == SourceKind::Plain {
            let stem = rel.rsplit_once('.').map_or(rel.as_str(), |(stem, _)| stem);
            let sidecar_rel = format!("{stem}.toml");
            sidecars.remove(&sidecar_rel).and_then(|(abs, len)| {
                read_text(&sidecar_rel, &abs, len, max_bytes, &mut found.diagnostics)
            })
        } else {
            None
        };
        if let Some(file) = read_text(&rel, &abs.0, abs.1, max_bytes, &mut found.diagnostics) {
            found.sources.push(SourceFile {
                kind,
                file,
                sidecar,
            });
        }
    }
    for rel in sidecars.into_keys() {
        found.diagnostics.push(Diagnostic::warning(
            rel,
            None,
            "this .toml file is not beside a .txt article of the same name, so it is not used",
        ));
    }
    Ok(found)
}

fn walk(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, (PathBuf, u64)>,
    visited: &mut HashSet<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let shown = |p: &Path| relative(root, p).unwrap_or_else(|| p.display().to_string());
    // Canonical paths guard against symlink loops.
    match fs::canonicalize(dir) {
        Ok(canonical) => {
            if !visited.insert(canonical) {
                diagnostics.push(Diagnostic::error(
                    shown(dir),
                    None,
                    "folder reached twice through a symbolic link (a loop?); it is read only once",
                ));
                return;
            }
        }
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                shown(dir),
                None,
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                shown(dir),
                None,
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                diagnostics.push(Diagnostic::error(
                    shown(dir),
                    None,
                    format!("cannot read folder: {e}"),
                ));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Some(rel) = relative(root, &path) else {
            diagnostics.push(Diagnostic::error(
                path.display().to_string(),
                None,
                "file name is not valid UTF-8; rename it",
            ));
            continue;
        };
        // `metadata` follows symbolic links, so linked files and folders are
        // read like real ones.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(root, &path, files, visited, diagnostics),
            Ok(meta) if meta.is_file() => {
                files.insert(rel, (path, meta.len()));
            }
            Ok(_) => {}
            Err(e) => diagnostics.push(Diagnostic::error(rel, None, format!("cannot read: {e}"))),
        }
    }
}

fn read_text(
    rel: &str,
    abs: &Path,
    len: u64,
    max_bytes: u64,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<SourceText> {
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
    let bytes = match fs::read(abs) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(Diagnostic::error(rel, None, format!("cannot read: {e}")));
            return None;
        }
    };
    match String::from_utf8(bytes) {
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
            let valid = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..valid]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            diagnostics.push(Diagnostic::error(
                rel,
                Some(line),
                format!(
                    "not valid UTF-8 (byte {valid}); save the file as UTF-8, e.g. `iconv -f latin1 -t utf-8`"
                ),
            ));
            None
        }
    }
}

fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn extension(rel: &str) -> Option<&str> {
    let name = rel.rsplit('/').next()?;
    name.rsplit_once('.').map(|(_, ext)| ext)
}
