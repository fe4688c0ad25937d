//! Front matter (TOML between `+++`, YAML between `---`) and sidecars.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = babelfeed::parse::parse_front_matter("fuzz.md", text);
    let _ = babelfeed::parse::parse_sidecar("fuzz.toml", text);
    // The same with a fence in front, so most inputs reach the TOML and
    // YAML readers.
    let _ = babelfeed::parse::parse_front_matter("fuzz.md", &format!("+++\n{text}"));
    let _ = babelfeed::parse::parse_front_matter("fuzz.md", &format!("---\n{text}"));
});
