//! Helpers shared by the integration tests: run the real binary, read what
//! it wrote with independent parsers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs babelfeed in `cwd` with `args`.
pub fn babelfeed(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_babelfeed"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run babelfeed")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[track_caller]
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "babelfeed failed ({:?}):\n{}",
        output.status.code(),
        stderr(output)
    );
}

pub fn parse_feed(path: &Path) -> feed_rs::model::Feed {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An `atom:link` / `link` element as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlLink {
    pub rel: Option<String>,
    pub href: String,
    pub hreflang: Option<String>,
    pub mime_type: Option<String>,
}

/// The links of each entry (`entry` or `item`) of a feed, in document
/// order, read with quick-xml: feed-rs ignores `atom:link` inside RSS items.
pub fn entry_links(path: &Path) -> Vec<Vec<XmlLink>> {
    use quick_xml::events::Event;
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut entries = Vec::new();
    let mut current: Option<Vec<XmlLink>> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if matches!(e.name().as_ref(), b"entry" | b"item") => {
                current = Some(Vec::new())
            }
            Event::End(e) if matches!(e.name().as_ref(), b"entry" | b"item") => {
                entries.extend(current.take())
            }
            Event::Empty(e) if matches!(e.name().as_ref(), b"link" | b"atom:link") => {
                if let Some(links) = current.as_mut() {
                    let attr = |name: &[u8]| {
                        e.try_get_attribute(name).unwrap().map(|a| {
                            a.decoded_and_normalized_value(
                                quick_xml::XmlVersion::Implicit1_0,
                                reader.decoder(),
                            )
                            .unwrap()
                            .into_owned()
                        })
                    };
                    links.push(XmlLink {
                        rel: attr(b"rel"),
                        href: attr(b"href").unwrap(),
                        hreflang: attr(b"hreflang"),
                        mime_type: attr(b"type"),
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    entries
}

/// Writes `text` to `dir/rel`, creating folders on the way.
pub fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Copies a folder tree (test fixtures into a scratch folder).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every published (non-hidden) file under `dir` with its bytes; the
/// hidden lock, manifest and cache are babelfeed's bookkeeping.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.file_name().unwrap().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    walk(dir, dir, &mut files);
    files.sort();
    files
}

/// Whether a command is installed. CI installs every reader the tests use;
/// a developer machine without one skips its checks, but CI never does.
pub fn tool_available(name: &str, probe: &[&str]) -> bool {
    let ok = Command::new(name)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("CI must have {name} installed (.ci/run does it)");
    }
    if !ok {
        eprintln!("{name} not installed: skipping its checks");
    }
    ok
}

/// Whether Python's feedparser can be imported. CI installs it; a
/// developer machine without it skips those checks, but CI never does.
pub fn feedparser_available() -> bool {
    tool_available("python3", &["-c", "import feedparser"])
}
