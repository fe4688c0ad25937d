//! Stage 6: write the feeds where readers fetch them, safely.
//!
//! Each file goes to a temporary file in its own folder, is synced, and is
//! renamed over the old one, so a reader polling at any moment gets either
//! the complete old feed or the complete new one. A file whose bytes would
//! not change is not touched, so its modification time — and with it the
//! web server's ETag and Last-Modified — stays, and readers' conditional
//! requests keep getting 304.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::RenderedFile;

/// What a run did to the output folder, paths relative to it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PublishReport {
    pub written: Vec<String>,
    pub unchanged: Vec<String>,
}

/// A failure to write, naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct PublishError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

pub fn publish(out: &Path, files: &[RenderedFile]) -> Result<PublishReport, PublishError> {
    let mut report = PublishReport::default();
    for file in files {
        let target = out.join(&file.path);
        if fs::read(&target).is_ok_and(|old| old == file.bytes) {
            report.unchanged.push(file.path.clone());
            continue;
        }
        write_atomically(&target, &file.bytes).map_err(|source| PublishError {
            path: target.clone(),
            source,
        })?;
        report.written.push(file.path.clone());
    }
    Ok(report)
}

fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".babelfeed-").suffix(".tmp");
    // Feeds are public: readable by the web server, like any file it serves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|e| e.error)?;
    // The rename itself is durable only once the folder is synced.
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_files_are_not_touched() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![RenderedFile {
            path: "de/atom.xml".into(),
            bytes: b"<feed/>".to_vec(),
        }];
        let first = publish(dir.path(), &files).unwrap();
        assert_eq!(first.written, vec!["de/atom.xml"]);
        let mtime = fs::metadata(dir.path().join("de/atom.xml"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let second = publish(dir.path(), &files).unwrap();
        assert_eq!(second.unchanged, vec!["de/atom.xml"]);
        assert!(second.written.is_empty());
        let again = fs::metadata(dir.path().join("de/atom.xml"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(mtime, again);
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("de")).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files left behind");
    }
}
