//! The plain-text export parser: any UTF-8 text, as read from disk (CRLF
//! and all) and as `parse` hands it over (line ends folded).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = babelfeed::parse::parse_plain("fuzz.txt", text);
    let folded = text.replace("\r\n", "\n").replace('\r', "\n");
    if let Ok(babelfeed::parse::Body::Plain { paragraphs, .. }) =
        babelfeed::parse::parse_plain("fuzz.txt", &folded)
    {
        assert!(!paragraphs.is_empty(), "a plain body always has a lead");
    }
});
