//! One article through the whole library: written to a temporary folder
//! (the first byte picks `.txt`, `.md` or `.txt` with a sidecar), loaded,
//! and, when it has no errors, rendered. Every rendered feed must be
//! well-formed XML 1.0.
#![no_main]

use std::sync::OnceLock;

use babelfeed::config::Settings;
use libfuzzer_sys::fuzz_target;

fn folder() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap())
}

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| Settings::from_toml("", "fuzz").unwrap())
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn check_xml(path: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{path}: not UTF-8: {e}"));
    if let Some(c) = text.chars().find(|&c| !is_xml_char(c)) {
        panic!("{path}: holds U+{:04X}, which XML 1.0 forbids", c as u32);
    }
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{path}: not well-formed: {e}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let dir = folder().path().join("articles");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    match kind % 3 {
        0 => std::fs::write(dir.join("a.txt"), rest).unwrap(),
        1 => std::fs::write(dir.join("a.md"), rest).unwrap(),
        _ => {
            // Sidecar first, up to the first NUL byte.
            let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            std::fs::write(dir.join("a.toml"), &rest[..split]).unwrap();
            let text = rest.get(split + 1..).unwrap_or_default();
            let mut article = b"04.05.2021\n\nDer Stadtrat hat getagt. ".to_vec();
            article.extend_from_slice(text);
            std::fs::write(dir.join("a.txt"), article).unwrap();
        }
    }
    let loaded = babelfeed::load(&dir, settings()).expect("the folder exists");
    if loaded.has_errors() {
        return;
    }
    let files = babelfeed::render::render(&loaded.catalog, settings())
        .unwrap_or_else(|e| panic!("accepted input could not be rendered: {e}"));
    for file in files {
        check_xml(&file.path, &file.bytes);
    }
});
