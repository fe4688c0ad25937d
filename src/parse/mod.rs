//! Stage 2: split each file into what was written (metadata, date line,
//! paragraphs or Markdown) without deciding anything yet. Inference reads
//! the result; keeping the two apart is what lets `inspect` say where each
//! value came from.

mod flat_front_matter;
mod front_matter;
mod plain;

use crate::diagnostic::Diagnostic;
use crate::discover::{SourceFile, SourceKind};
use crate::model::{Format, Person};

pub use front_matter::{
    parse_front_matter, parse_sidecar, read_front_matter, read_sidecar, FieldSyntax, FrontMatter,
};
pub use plain::parse_plain;

/// A value with the line it was written on, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub line: Option<usize>,
}

/// Fields of front matter or a sidecar (contract §1b), as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<Located<String>>,
    pub updated: Option<Located<String>>,
    /// Hugo's `publishDate` beside a `date`: when Hugo publishes the page
    /// (not before), and `expiryDate`: when it takes it down.
    pub publish_date: Option<Located<String>>,
    pub expiry_date: Option<Located<String>>,
    pub lang: Option<Located<String>>,
    pub translation_key: Option<Located<String>>,
    pub slug: Option<Located<String>>,
    pub url: Option<Located<String>>,
    pub id: Option<Located<String>>,
    pub summary: Option<String>,
    /// Plain text describing the article (`description`, or Jekyll's
    /// `excerpt`), read only when there is no `summary`: the summary then.
    pub description: Option<String>,
    pub authors: Vec<Person>,
    pub tags: Vec<String>,
    pub draft: bool,
    /// Fields written with a problem (a type, a conflict), left out: what
    /// they would have decided is not reported missing as well.
    pub rejected: Vec<String>,
}

/// A paragraph of a plain-text export, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// Lines joined with `\n`, each trimmed at the end.
    pub text: String,
    pub line: usize,
}

/// The body of an article as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Plain {
        date: Located<String>,
        /// The first is the lead; never empty.
        paragraphs: Vec<Paragraph>,
    },
    Markdown {
        source: String,
        /// The line of the file `source` starts on.
        line: usize,
    },
}

/// Where the metadata of an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaSource {
    None,
    FrontMatter,
    Sidecar,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedArticle {
    pub path: String,
    pub format: Format,
    pub meta: Meta,
    pub meta_source: MetaSource,
    /// The file the metadata was written in: the sidecar's path for a
    /// plain-text export that has one, else the article's own. A problem
    /// with a value names this file, since the line is that file's line.
    pub meta_path: String,
    /// How its fields are typed, for messages that ask for one.
    pub field_syntax: FieldSyntax,
    /// What is wrong in the file that still let it be read (a field of the
    /// wrong type, a forbidden character): errors, reported with those
    /// inference finds, and the article is not published.
    pub problems: Vec<Diagnostic>,
    pub body: Body,
}

/// Parses one file (and its sidecar); every problem found is returned, so
/// one run reports them all.
pub fn parse(source: &SourceFile) -> Result<ParsedArticle, Vec<Diagnostic>> {
    let path = &source.file.path;
    let text: std::borrow::Cow<str> = if source.file.text.contains('\r') {
        source
            .file
            .text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .into()
    } else {
        source.file.text.as_str().into()
    };
    let mut problems = forbidden_characters(path, &text);
    let parsed = match source.kind {
        SourceKind::Plain => {
            let (meta, meta_source, meta_path) = match &source.sidecar {
                Some(sidecar) => match read_sidecar(&sidecar.path, &sidecar.text) {
                    Ok((meta, mut errors)) => {
                        problems.append(&mut errors);
                        (meta, MetaSource::Sidecar, sidecar.path.clone())
                    }
                    Err(mut errors) => {
                        problems.append(&mut errors);
                        (Meta::default(), MetaSource::Sidecar, sidecar.path.clone())
                    }
                },
                None => (Meta::default(), MetaSource::None, path.clone()),
            };
            plain::parse_plain(path, &text).map(|body| ParsedArticle {
                path: path.clone(),
                format: Format::Plain,
                meta,
                meta_source,
                meta_path,
                field_syntax: FieldSyntax::Sidecar,
                body,
                problems: Vec::new(),
            })
        }
        SourceKind::Markdown => read_front_matter(path, &text).map(|mut front| {
            problems.append(&mut front.problems);
            ParsedArticle {
                path: path.clone(),
                format: Format::Markdown,
                meta: front.meta,
                meta_source: MetaSource::FrontMatter,
                meta_path: path.clone(),
                field_syntax: front.syntax,
                body: Body::Markdown {
                    source: front.body,
                    line: front.body_line,
                },
                problems: Vec::new(),
            }
        }),
    };
    match parsed {
        // Read with problems: inference checks the rest and reports all.
        Ok(mut article) => {
            article.problems = problems;
            Ok(article)
        }
        Err(mut errors) => {
            problems.append(&mut errors);
            Err(problems)
        }
    }
}

/// Characters XML 1.0 does not allow anywhere in a document, and those it
/// discourages that validators reject. They would make every feed that
/// carries the article unreadable or invalid, so they are refused at the
/// door, with the line, instead of being dropped silently.
fn forbidden_characters(path: &str, text: &str) -> Vec<Diagnostic> {
    if first_bad_char(text).is_none() {
        return Vec::new();
    }
    let lines = text.split('\n').enumerate();
    lines
        .filter_map(|(index, line)| {
            let c = first_bad_char(line)?;
            let message = format!("contains {}", bad_char_advice(c));
            Some(Diagnostic::error(path, Some(index + 1), message))
        })
        .collect()
}

/// The first character of `text` that no feed may carry: one XML 1.0
/// forbids, else one it discourages (see [`first_discouraged_char`]).
/// Every check for them, of a file's bytes or of a value an escape wrote,
/// goes through this, so they all refuse the same characters.
pub(crate) fn first_bad_char(text: &str) -> Option<char> {
    first_non_xml_char(text).or_else(|| first_discouraged_char(text))
}

/// What a character [`first_bad_char`] found is and what to do about it,
/// to follow "contains" or "holds" in a message: the same advice wherever
/// it was found.
pub(crate) fn bad_char_advice(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    if !is_xml_char(c) {
        let kind = if c < ' ' {
            "control character"
        } else {
            "noncharacter"
        };
        return format!("the {kind} {code}, which XML does not allow; remove it");
    }
    let fix = match windows_1252(c) {
        Some(meant) => format!(
            " (Windows-1252 text converted as Latin-1 leaves it where it had `{meant}`); replace it with `{meant}`"
        ),
        None => "; remove it".to_string(),
    };
    format!("{code}, a control character or noncharacter that feeds must not carry{fix}")
}

/// What a C1 control character was in Windows-1252 text that was
/// converted as if it were Latin-1: the quotes, dashes and signs that
/// Windows-1252 puts at 0x80–0x9F.
pub(crate) fn windows_1252(c: char) -> Option<char> {
    const AT_0X80: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    let at = (c as u32).checked_sub(0x80).filter(|&at| at < 32)?;
    Some(AT_0X80[at as usize]).filter(|&meant| meant != '\0')
}

/// The first character of `text` that XML 1.0 allows but discourages, and
/// that feed validators and HTML parsers reject: DEL, the C1 controls
/// (U+0080–U+009F) and the noncharacters (U+FDD0–U+FDEF, and the last two
/// of every plane, which [`first_non_xml_char`] leaves to this beyond
/// the first plane).
fn first_discouraged_char(text: &str) -> Option<char> {
    // Their UTF-8, looked for byte by byte (German and French text has
    // 0xC2 in every «, ° and no-break space, so the lead byte alone says
    // little): 7F; C2 80–9F; EF B7 90–AF; and a four-byte character whose
    // last three bytes are xF BF BE or xF BF BF.
    let bytes = text.as_bytes();
    let c1_or_fdd0 = memchr::memchr3_iter(0x7F, 0xC2, 0xEF, bytes).any(|at| match bytes[at] {
        0x7F => true,
        0xC2 => matches!(bytes.get(at + 1), Some(0x80..=0x9F)),
        _ => bytes.get(at + 1) == Some(&0xB7) && matches!(bytes.get(at + 2), Some(0x90..=0xAF)),
    });
    let plane_end = || {
        memchr::memmem::find_iter(bytes, b"\xBF\xBF")
            .chain(memchr::memmem::find_iter(bytes, b"\xBF\xBE"))
            .any(|at| {
                at >= 2 && (0xF0..=0xF4).contains(&bytes[at - 2]) && bytes[at - 1] & 0x0F == 0x0F
            })
    };
    if !c1_or_fdd0 && !plane_end() {
        return None;
    }
    text.chars().find(|&c| is_discouraged_char(c))
}

/// Whether no feed may carry `c`: XML 1.0 forbids it, or it is one of those
/// [`first_discouraged_char`] looks for.
pub(crate) fn is_bad_char(c: char) -> bool {
    !is_xml_char(c) || is_discouraged_char(c)
}

/// DEL, a C1 control or a noncharacter (see [`first_discouraged_char`]).
fn is_discouraged_char(c: char) -> bool {
    matches!(c, '\u{7F}'..='\u{9F}' | '\u{FDD0}'..='\u{FDEF}') || (c as u32 & 0xFFFE) == 0xFFFE
}

/// The first character of `text` that XML 1.0 forbids.
///
/// In UTF-8 a forbidden character is a control byte below 0x20 or
/// U+FFFE/U+FFFF (EF BF BE/BF); almost every text has neither, and a byte
/// scan says so far faster than decoding every character — which counts
/// when a feed of every entry is 160 MB.
pub fn first_non_xml_char(text: &str) -> Option<char> {
    if !may_hold_non_xml_chars(text.as_bytes()) {
        return None;
    }
    text.chars().find(|&c| !is_xml_char(c))
}

/// Whether `bytes` (UTF-8) hold a byte that may belong to a character XML
/// forbids. Chunks are scanned without a branch per byte, which the
/// compiler turns into vector instructions.
pub fn may_hold_non_xml_chars(bytes: &[u8]) -> bool {
    let suspicious = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') | (b == 0xBF);
    let mut chunks = bytes.chunks_exact(64);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | suspicious(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| suspicious(b))
}

/// XML 1.0 `Char` production.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discouraged_characters_are_errors_on_their_line() {
        let text = "12.03.2024\n\nDer Minister sagte\u{92}s so.\n\nOk \u{7F}.\n\nfine « ok » – ✓ 😀\n\nx\u{FDD0}\n\ny\u{1FFFE}\n";
        let problems = forbidden_characters("a.txt", text);
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(3), Some(5), Some(9), Some(11)], "{problems:?}");
        assert!(problems[0].message.contains("U+0092"));
        assert!(
            problems[0].message.ends_with("replace it with `’`"),
            "{problems:?}"
        );
        assert!(problems[1].message.ends_with("remove it"));
        assert!(forbidden_characters("a.txt", "fine « ok » – ✓ 😀 \u{a0}\n").is_empty());
    }
}
