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
    let mut command = vec![name];
    command.extend_from_slice(probe);
    available(name, &command)
}

/// Whether `what` is installed, as `command` (a program and its
/// arguments) succeeding shows. CI installs everything the tests use and
/// fails without it; a developer machine without it skips those checks.
pub fn available(what: &str, command: &[&str]) -> bool {
    let ok = Command::new(command[0])
        .args(&command[1..])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("CI must have {what} installed (.ci/run does it)");
    }
    if !ok {
        eprintln!("{what} not installed: skipping its checks");
    }
    ok
}

/// Whether Python's feedparser can be imported. CI installs it; a
/// developer machine without it skips those checks, but CI never does.
pub fn feedparser_available() -> bool {
    tool_available("python3", &["-c", "import feedparser"])
}

// ---------------------------------------------------------------------------
// Robustness helpers (tests/faults.rs, tests/bad_input.rs,
// tests/properties.rs).

/// Whether any component of a `/`-separated relative path is hidden: the
/// output folder's bookkeeping (`.babelfeed.lock`, `.babelfeed-manifest`,
/// `.babelfeed-cache/`, temporary files) is not part of what is served.
pub fn is_hidden(rel: &str) -> bool {
    rel.split(['/', '\\']).any(|part| part.starts_with('.'))
}

/// Like [`snapshot`], without hidden files and folders.
///
/// Unlike `snapshot` it tolerates files that vanish while it reads (a run
/// going on in the folder renames its temporary files): they are left out.
pub fn visible_snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    file_names(dir)
        .into_iter()
        .filter(|rel| !is_hidden(rel))
        .filter_map(|rel| match std::fs::read(dir.join(&rel)) {
            Ok(bytes) => Some((rel, bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("{}: {e}", dir.join(&rel).display()),
        })
        .collect()
}

/// Temporary files of an interrupted or failed write (`.babelfeed-*.tmp`)
/// anywhere below `dir`, relative paths.
pub fn temp_files(dir: &Path) -> Vec<String> {
    file_names(dir)
        .into_iter()
        .filter(|rel| {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            name.starts_with(".babelfeed-") && name.ends_with(".tmp")
        })
        .collect()
}

/// Relative paths of the files below `dir`, sorted, without reading them;
/// files and folders that vanish during the walk (a run renaming its
/// temporary files) are skipped.
pub fn file_names(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, names: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => walk(root, &path, names),
                Ok(_) => {
                    if let Ok(rel) = path.strip_prefix(root) {
                        names.push(rel.to_string_lossy().into_owned());
                    }
                }
                Err(_) => {}
            }
        }
    }
    let mut names = Vec::new();
    walk(dir, dir, &mut names);
    names.sort();
    names
}

/// Names of the files in two snapshots whose bytes differ, or that only one
/// has: a short failure message instead of megabytes of bytes.
pub fn snapshot_diff(left: &[(String, Vec<u8>)], right: &[(String, Vec<u8>)]) -> Vec<String> {
    use std::collections::BTreeMap;
    let l: BTreeMap<_, _> = left.iter().map(|(k, v)| (k, v)).collect();
    let r: BTreeMap<_, _> = right.iter().map(|(k, v)| (k, v)).collect();
    let mut diff = Vec::new();
    for (name, bytes) in &l {
        match r.get(name) {
            None => diff.push(format!("{name}: only before")),
            Some(other) if other != bytes => diff.push(format!(
                "{name}: differs ({} vs {} bytes)",
                bytes.len(),
                other.len()
            )),
            Some(_) => {}
        }
    }
    for name in r.keys().filter(|name| !l.contains_key(*name)) {
        diff.push(format!("{name}: only after"));
    }
    diff
}

/// Asserts that two folder snapshots are equal, naming the files that
/// differ.
#[track_caller]
pub fn assert_same_files(actual: &[(String, Vec<u8>)], expected: &[(String, Vec<u8>)], what: &str) {
    let diff = snapshot_diff(expected, actual);
    assert!(diff.is_empty(), "{what}:\n  {}", diff.join("\n  "));
}

/// The first character XML 1.0 does not allow, with its byte offset.
pub fn first_non_xml_char(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| {
        !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    })
}

/// The first character XML 1.0 forbids, or that it discourages and the
/// W3C validator calls "bad" (DEL, the C1 controls U+0080–U+009F,
/// noncharacters), with its byte offset.
pub fn first_bad_char(text: &str) -> Option<(usize, char)> {
    first_non_xml_char(text).or_else(|| {
        text.char_indices().find(|&(_, c)| {
            matches!(c, '\u{7F}'..='\u{9F}' | '\u{FDD0}'..='\u{FDEF}')
                || (c as u32 & 0xFFFE) == 0xFFFE
        })
    })
}

/// Checks that `bytes` are a well-formed XML 1.0 document as quick-xml reads
/// it, and that neither the raw text nor any decoded text, attribute value
/// or character reference holds a character XML 1.0 forbids, or one the
/// W3C validator rejects (see [`first_bad_char`]). Returns what is wrong.
pub fn xml_problems(bytes: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Some(format!("not UTF-8: {e}")),
    };
    if let Some((at, c)) = first_bad_char(text) {
        return Some(format!("raw U+{:04X} at byte {at}", c as u32));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                return Some(format!(
                    "not well-formed at byte {}: {e}",
                    reader.buffer_position()
                ))
            }
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                }
                for attr in e.attributes() {
                    let attr = match attr {
                        Ok(attr) => attr,
                        Err(err) => return Some(format!("bad attribute: {err}")),
                    };
                    match attr.decoded_and_normalized_value(
                        quick_xml::XmlVersion::Implicit1_0,
                        reader.decoder(),
                    ) {
                        Ok(value) => {
                            if let Some((_, c)) = first_bad_char(&value) {
                                return Some(format!(
                                    "attribute value decodes to U+{:04X}",
                                    c as u32
                                ));
                            }
                        }
                        Err(err) => return Some(format!("bad attribute value: {err}")),
                    }
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) => {
                if let Err(err) = t.decode() {
                    return Some(format!("bad text: {err}"));
                }
            }
            Event::GeneralRef(r) => match r.resolve_char_ref() {
                Ok(Some(c)) => {
                    if first_bad_char(&c.to_string()).is_some() {
                        return Some(format!("character reference to U+{:04X}", c as u32));
                    }
                }
                Ok(None) => {
                    let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                    if !matches!(name.as_str(), "amp" | "lt" | "gt" | "quot" | "apos") {
                        return Some(format!("undefined entity `&{name};`"));
                    }
                }
                Err(err) => return Some(format!("bad character reference: {err}")),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Some(format!("{depth} element(s) not closed"));
    }
    if roots != 1 {
        return Some(format!("{roots} root elements"));
    }
    None
}

/// One diagnostic of `babelfeed check --format json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonDiagnostic {
    pub path: String,
    pub line: Option<u64>,
    pub severity: String,
    pub message: String,
}

/// Reads `check --format json` output, checking the documented schema of
/// every element: `{"path": string, "line": number|null, "severity":
/// "error"|"warning", "message": string}`.
pub fn parse_check_json(stdout: &[u8]) -> Result<Vec<JsonDiagnostic>, String> {
    let value: serde_json::Value = serde_json::from_slice(stdout).map_err(|e| {
        format!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(stdout)
        )
    })?;
    let items = value
        .as_array()
        .ok_or_else(|| format!("stdout is not a JSON array: {value}"))?;
    let mut out = Vec::new();
    for item in items {
        let object = item
            .as_object()
            .ok_or_else(|| format!("not an object: {item}"))?;
        let path = object
            .get("path")
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("`path` must be a string: {item}"))?;
        let line = match object.get("line") {
            Some(serde_json::Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .ok_or_else(|| format!("`line` must be a number or null: {item}"))?,
            ),
            None => return Err(format!("`line` missing (must be number or null): {item}")),
        };
        let severity = object
            .get("severity")
            .and_then(|v| v.as_str())
            .filter(|s| matches!(*s, "error" | "warning"))
            .ok_or_else(|| format!("`severity` must be \"error\" or \"warning\": {item}"))?;
        let message = object
            .get("message")
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("`message` must be a string: {item}"))?;
        out.push(JsonDiagnostic {
            path: path.to_string(),
            line,
            severity: severity.to_string(),
            message: message.to_string(),
        });
    }
    Ok(out)
}

/// A diagnostic line of the text output, `path:line: error: message` or
/// `path: warning: message`, split up; other lines give `None`.
pub fn parse_diagnostic_line(line: &str) -> Option<JsonDiagnostic> {
    for severity in ["error", "warning"] {
        let marker = format!(": {severity}: ");
        if let Some(at) = line.find(&marker) {
            let place = &line[..at];
            let message = &line[at + marker.len()..];
            let (path, number) = match place.rsplit_once(':') {
                Some((path, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                    (path, n.parse().ok())
                }
                _ => (place, None),
            };
            if path.is_empty() {
                return None;
            }
            return Some(JsonDiagnostic {
                path: path.to_string(),
                line: number,
                severity: severity.to_string(),
                message: message.to_string(),
            });
        }
    }
    None
}

/// Whether a reported path names `expected` (a path relative to the
/// articles folder): equal, or ending in `/expected`, so either a relative
/// or a longer path passes.
pub fn names_path(reported: &str, expected: &str) -> bool {
    let reported = reported.replace('\\', "/");
    reported == expected || reported.ends_with(&format!("/{expected}"))
}

/// Whether this process runs as root (file permissions do not stop root).
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().expect("temp file");
    probe
        .as_file()
        .metadata()
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

/// A command that runs babelfeed so that file permissions apply to it: as
/// it is for an ordinary user; for root, through `setpriv` without the
/// capabilities that override permissions (CAP_DAC_OVERRIDE,
/// CAP_DAC_READ_SEARCH). `None`, with a printed note, when neither works
/// here; the caller then skips its permission checks.
pub fn babelfeed_obeying_permissions(cwd: &Path) -> Option<Command> {
    let bin = env!("CARGO_BIN_EXE_babelfeed");
    let mut command = if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--bounding-set=-dac_override,-dac_read_search", "--"])
            .arg(bin);
        c
    } else {
        Command::new(bin)
    };
    command.current_dir(cwd);
    if permissions_enforced() {
        Some(command)
    } else {
        eprintln!(
            "note: file permissions do not stop this user here (root without a working setpriv): skipping the permission checks"
        );
        None
    }
}

/// Whether a write into a 0555 folder fails for a process started the way
/// [`babelfeed_obeying_permissions`] starts babelfeed.
fn permissions_enforced() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let target = locked.join("probe");
    let script = format!("echo x > '{}'", target.display());
    let status = if is_root() {
        Command::new("setpriv")
            .args([
                "--bounding-set=-dac_override,-dac_read_search",
                "--",
                "sh",
                "-c",
                &script,
            ])
            .stderr(std::process::Stdio::null())
            .status()
    } else {
        Command::new("sh")
            .args(["-c", &script])
            .stderr(std::process::Stdio::null())
            .status()
    };
    let enforced = matches!(status, Ok(s) if !s.success()) && !target.exists();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    enforced
}

/// Sets a path's permission bits (e.g. 0o555, 0o000).
pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
}
