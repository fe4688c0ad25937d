//! A quick reader for the front matter nearly every article has: one field
//! per line, `key = value` (TOML) or `key: value` (YAML), the values quoted
//! strings, lists of them, booleans, whole numbers or dates.
//!
//! Why: at 100k articles the general parsers were a third of a build's
//! CPU (TOML through a generic document model, YAML through libyaml's
//! scanner and a serde value), for a dozen short lines per file. This reads
//! such lines in a fraction of the time. It answers only when it is sure:
//! anything it does not know (escapes, comments after a value, nested
//! tables, flow maps, multi-line strings, anchors, numbers other than plain
//! whole ones, a repeated key, a character either syntax treats specially)
//! gives `None`, and the general parser reads the whole front matter.
//! Wherever this answers, its answer must be the general parser's: the
//! tests below check that on thousands of tricky and random inputs.

use serde_json::{Map, Value};

use super::front_matter::Syntax;

/// The front matter's fields, or `None` when the general parser must read
/// it. An empty front matter is left to the general parser too: YAML reads
/// it as nothing rather than as an empty table.
pub(super) fn read(syntax: Syntax, front: &str) -> Option<Value> {
    if !front.chars().all(is_plain_char) {
        return None;
    }
    let mut table = Map::new();
    let mut lines = front.split('\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_end_matches(' ');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = match syntax {
            Syntax::Toml => {
                let (key, value) = line.split_once('=')?;
                let key = key.trim_end_matches(' ');
                let bare = !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
                if !bare {
                    return None;
                }
                (key, toml_value(value.trim_start_matches(' '))?)
            }
            Syntax::Yaml => {
                let (key, value) = line.split_once(':')?;
                if !is_yaml_key(key) {
                    return None;
                }
                let value = match value {
                    "" => yaml_block_list(&mut lines)?,
                    value => yaml_value(value.strip_prefix(' ')?.trim_start_matches(' '))?,
                };
                (key, value)
            }
        };
        if table.insert(key.to_string(), value).is_some() {
            return None;
        }
    }
    (!table.is_empty()).then_some(Value::Object(table))
}

/// Characters that mean the same in TOML and YAML wherever they stand. Tabs,
/// carriage returns, control characters, byte-order marks and the Unicode
/// line separators (YAML 1.1 breaks lines at them) are left to the
/// general parsers, which accept or reject each in its own way.
fn is_plain_char(c: char) -> bool {
    matches!(c, '\n' | ' '..='~')
        || (c >= '\u{a0}'
            && !matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            ))
}

/// `value` as it is typed after `key = ` (TOML) or `key: ` (YAML) to be
/// read back as itself: as it is where the syntax reads it so (`true`, a
/// date, a plain YAML word), else as a quoted string. The quoting is a JSON
/// string's, which both read as written.
pub(super) fn written_value(syntax: Syntax, value: &str) -> String {
    let read = match syntax {
        Syntax::Toml => toml_value(value),
        Syntax::Yaml => yaml_value(value),
    };
    let as_itself = match read {
        Some(Value::String(read)) => read == value && read.trim() == value,
        Some(Value::Bool(read)) => value == if read { "true" } else { "false" },
        _ => false,
    };
    match as_itself && value.chars().all(is_plain_char) {
        true => value.to_string(),
        false => Value::String(value.to_string()).to_string(),
    }
}

fn toml_value(value: &str) -> Option<Value> {
    match value.as_bytes().first()? {
        b'"' | b'\'' => quoted(value).map(Value::String),
        b'[' => string_list(value, Syntax::Toml),
        _ => match value {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ if is_whole_number(value) => value.parse::<i64>().ok().map(Value::from),
            // TOML writes dates bare (`date = 2024-01-03T10:00:00+01:00`);
            // the general reader keeps the date's own spelling of it.
            _ if is_valid_date_time(value) => value
                .parse::<toml::value::Datetime>()
                .ok()
                .map(|date| Value::String(date.to_string())),
            _ => None,
        },
    }
}

fn yaml_value(value: &str) -> Option<Value> {
    match value.as_bytes().first()? {
        b'"' | b'\'' => quoted(value).map(Value::String),
        b'[' => string_list(value, Syntax::Yaml),
        // Indicators: lists, maps, comments, anchors, aliases, tags, block
        // scalars, directives and reserved characters.
        b'-' | b'?' | b':' | b',' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'%' | b'@' | b'`' => None,
        _ => yaml_plain(value),
    }
}

/// A YAML scalar without quotes, resolved as YAML 1.2's core schema does;
/// only the cases that cannot be a number are answered.
fn yaml_plain(value: &str) -> Option<Value> {
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return None;
    }
    match value {
        "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let first = value.as_bytes()[0];
    if first.is_ascii_digit() || first == b'+' || first == b'.' {
        if is_whole_number(value) {
            return value.parse::<u64>().ok().map(Value::from);
        }
        // A date is text in YAML (there is no date type in a serde value);
        // anything else starting like a number might be one.
        return is_date_time_shape(value).then(|| Value::String(value.to_string()));
    }
    // Words other YAML versions or parsers read as booleans or numbers.
    let lower = value.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "inf" | "infinity" | "nan" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) {
        return None;
    }
    Some(Value::String(value.to_string()))
}

/// A key as both YAML and serde read it: a plain word that is not a value
/// of another type.
fn is_yaml_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && yaml_plain(key) == Some(Value::String(key.to_string()))
}

/// `- item` lines under a `key:` line; a key with nothing under it is null.
fn yaml_block_list<'a>(
    lines: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
) -> Option<Value> {
    let mut items = Vec::new();
    let mut indent = None;
    while let Some(&next) = lines.peek() {
        let next = next.trim_end_matches(' ');
        let rest = next.trim_start_matches(' ');
        let spaces = next.len() - rest.len();
        if rest.is_empty() {
            lines.next();
            continue;
        }
        let Some(item) = rest.strip_prefix("- ") else {
            // Anything indented that is not an item (a nested table, a
            // continued scalar, a comment) is for the general parser.
            if spaces > 0 || rest == "-" {
                return None;
            }
            break;
        };
        if *indent.get_or_insert(spaces) != spaces {
            return None;
        }
        items.push(yaml_value(item.trim_start_matches(' '))?);
        lines.next();
    }
    Some(if items.is_empty() {
        Value::Null
    } else {
        Value::Array(items)
    })
}

/// A string in double or single quotes, closed on its line, with nothing
/// after it and nothing inside that either syntax would unescape.
fn quoted(value: &str) -> Option<String> {
    let quote = value.chars().next()?;
    let inner = value[1..].strip_suffix(quote)?;
    (!inner.contains([quote, '\\'])).then(|| inner.to_string())
}

/// `["a", 'b']`, and in YAML also `[a, b]`: quoted strings, or plain
/// YAML words without any character that means something in a flow list.
/// TOML allows a comma after the last item; YAML's flow lists are left to
/// the general parser when they have one.
fn string_list(value: &str, syntax: Syntax) -> Option<Value> {
    let mut rest = value.strip_prefix('[')?.strip_suffix(']')?;
    let mut items = Vec::new();
    loop {
        rest = rest.trim_start_matches(' ');
        if rest.is_empty() {
            if items.is_empty() || syntax == Syntax::Toml {
                break;
            }
            return None;
        }
        let quote = rest.chars().next()?;
        let end = if quote == '"' || quote == '\'' {
            let close = rest[1..].find(quote)? + 1;
            items.push(Value::String(quoted(&rest[..=close])?));
            close + 1
        } else if syntax == Syntax::Yaml {
            let end = rest.find(',').unwrap_or(rest.len());
            let word = rest[..end].trim_end_matches(' ');
            if word.is_empty() || word.contains(['[', ']', '{', '}', ':', '#', '"', '\'']) {
                return None;
            }
            items.push(yaml_value(word)?);
            end
        } else {
            return None;
        };
        rest = rest[end..].trim_start_matches(' ');
        if rest.is_empty() {
            break;
        }
        rest = rest.strip_prefix(',')?;
    }
    Some(Value::Array(items))
}

/// `0` or digits without a leading zero, small enough for any integer type.
fn is_whole_number(value: &str) -> bool {
    let bytes = value.as_bytes();
    (1..=18).contains(&bytes.len())
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes[0] != b'0' || bytes.len() == 1)
}

/// `YYYY-MM-DD`, optionally `THH:MM:SS`, fractions of a second and `Z` or
/// an offset `±HH:MM`; digits only where digits go.
fn is_date_time_shape(value: &str) -> bool {
    date_time_fields(value).is_some()
}

/// A date-time of [`is_date_time_shape`] that names a real day and time, so
/// every TOML reader takes it.
fn is_valid_date_time(value: &str) -> bool {
    date_time_fields(value).is_some_and(
        |[year, month, day, hour, minute, second, offset_h, offset_m]| {
            chrono::NaiveDate::from_ymd_opt(year as i32, month, day).is_some()
                && hour < 24
                && minute < 60
                && second < 60
                && offset_h < 24
                && offset_m < 60
        },
    )
}

/// The numbers of a date-time of [`is_date_time_shape`]: year, month, day,
/// hour, minute, second, offset hours and minutes (zero when absent).
fn date_time_fields(value: &str) -> Option<[u32; 8]> {
    fn number(digits: &[u8]) -> Option<u32> {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    }
    let b = value.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut fields = [0u32; 8];
    fields[0] = number(&b[0..4])?;
    fields[1] = number(&b[5..7])?;
    fields[2] = number(&b[8..10])?;
    let mut rest = &b[10..];
    if rest.is_empty() {
        return Some(fields);
    }
    if rest.len() < 9 || rest[0] != b'T' || rest[3] != b':' || rest[6] != b':' {
        return None;
    }
    fields[3] = number(&rest[1..3])?;
    fields[4] = number(&rest[4..6])?;
    fields[5] = number(&rest[7..9])?;
    rest = &rest[9..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|d| d.is_ascii_digit()).count();
        if !(1..=9).contains(&digits) {
            return None;
        }
        rest = &fraction[digits..];
    }
    match rest {
        [] | [b'Z'] => Some(fields),
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            fields[6] = number(&[*h1, *h2])?;
            fields[7] = number(&[*m1, *m2])?;
            Some(fields)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::front_matter::general_value;

    /// Values written after a key, meant to cover what each syntax treats
    /// specially as well as what articles really hold.
    const VALUES: &[&str] = &[
        "\"Launch of the rocket\"",
        "'single quoted'",
        "\"with 'inner' quotes\"",
        "'with \"inner\" quotes'",
        "\"it's\"",
        "'it''s'",
        "\"esc\\\"aped\"",
        "\"back\\\\slash\"",
        "\"tab\\there\"",
        "\"\\u00e9\"",
        "\"\"",
        "''",
        "\"\"\"triple\"\"\"",
        "'''triple'''",
        "\"unclosed",
        "\"a\" # comment",
        "\"a\"b\"",
        "\"Grüße aus Zürich — „Atlas“\"",
        "« Atlas » à Montréal",
        "\"# not a comment\"",
        "\"key: value\"",
        "plain words",
        "Ünïcödé first",
        "a: b",
        "a:b",
        "a #b",
        "a#b",
        "ends with colon:",
        "x'y",
        "x\"y",
        "a, b",
        "[a, b]",
        "[\"a\", \"b\"]",
        "[\"a\", 'b']",
        "[\"a\", \"b\",]",
        "[ \"a\" , \"b\" ]",
        "[\"a, b\", \"c\"]",
        "[\"a\" \"b\"]",
        "[,]",
        "[]",
        "[ ]",
        "[1, 2]",
        "[\"a\", [\"b\"]]",
        "[a b, c]",
        "[ a , b ]",
        "[a,b]",
        "[a, 'b', \"c\"]",
        "[a, 1, true, ~, 2024-01-03]",
        "[a, .5]",
        "[a, yes]",
        "[a, -b]",
        "[a, ?b]",
        "[a, b c: d]",
        "[a:b]",
        "[a #b]",
        "[a, b,]",
        "[a, , b]",
        "[a, b]]",
        "[[a], b]",
        "[Économie, Zürich]",
        "{a: 1}",
        "{ name = \"Bo\" }",
        "|",
        ">",
        "&anchor x",
        "*alias",
        "!tag x",
        "@x",
        "`x`",
        "%x",
        "? x",
        ":x",
        "-x",
        "- x",
        "-",
        "true",
        "false",
        "True",
        "FALSE",
        "yes",
        "no",
        "on",
        "Off",
        "y",
        "N",
        "null",
        "Null",
        "~",
        "0",
        "7",
        "1234",
        "01",
        "007",
        "+1",
        "-1",
        "1_000",
        "0x1F",
        "0o17",
        "0b101",
        "1.5",
        "1e3",
        "1E-5",
        ".5",
        ".inf",
        "-.inf",
        "inf",
        "Infinity",
        "nan",
        ".NaN",
        "123456789012345678",
        "1234567890123456789012",
        "2024-01-03",
        "2024-02-30",
        "2023-02-29",
        "2024-02-29",
        "2024-13-01",
        "2024-1-3",
        "2024-01-03T10:00:00",
        "2024-01-03T10:00:00Z",
        "2024-01-03T10:00:00+01:00",
        "2024-01-03T10:00:00-07:30",
        "2024-01-03T10:00:00.5Z",
        "2024-01-03T10:00:00.123456789+02:00",
        "2024-01-03T10:00:00.1234567891Z",
        "2024-01-03T24:00:00Z",
        "2024-01-03T10:60:00Z",
        "2024-01-03T10:00:60Z",
        "2024-01-03T10:00:00+24:00",
        "2024-01-03T10:00Z",
        "2024-01-03 10:00:00",
        "2024-01-03t10:00:00z",
        "2024-01-03T10:00:00 +01:00",
        "10:00:00",
        "2024-01-03T10:00:00Zjunk",
    ];

    fn front(syntax: Syntax, key: &str, value: &str) -> String {
        match syntax {
            Syntax::Toml => format!("{key} = {value}\n"),
            Syntax::Yaml => format!("{key}: {value}\n"),
        }
    }

    /// Whatever the quick reader answers, the general parser answers the
    /// same; where it does not answer, nothing is claimed.
    fn agree(syntax: Syntax, text: &str) -> bool {
        let Some(quick) = read(syntax, text) else {
            return false;
        };
        let general = general_value(syntax, "t.md", text, 2);
        assert_eq!(
            general.as_ref().ok(),
            Some(&quick),
            "{syntax:?} front matter {text:?}: the quick reader says {quick:?}, the general parser {general:?}"
        );
        true
    }

    #[test]
    fn written_values_read_back_as_themselves() {
        for value in [
            "true",
            "false",
            "2021-05-04",
            "2021-05-04T10:30:00+02:00",
            "de",
            "…",
            "Zoë Ørsted",
            "urn:uuid:8d2f4f5c-1b53-5c8e-9a0e-1c3b4a9f0e21",
            "tag:example.com,2021:a",
            "Fisch: frisch",
            "a # b",
            "yes",
            "null",
            "12",
            "1.10",
            "#x",
            "- x",
            "[x]",
            " x",
            "a\"b\\c'd",
            "",
        ] {
            let expected = match value {
                "true" | "false" => Value::Bool(value == "true"),
                _ => Value::String(value.to_string()),
            };
            for syntax in [Syntax::Toml, Syntax::Yaml] {
                let text = front(syntax, "k", &written_value(syntax, value));
                let read = general_value(syntax, "t.md", &text, 2).unwrap();
                assert_eq!(read["k"], expected, "{syntax:?}: {text}");
            }
        }
        assert_eq!(written_value(Syntax::Toml, "de"), "\"de\"");
        assert_eq!(written_value(Syntax::Yaml, "de"), "de");
        assert_eq!(written_value(Syntax::Toml, "2021-05-04"), "2021-05-04");
        assert_eq!(
            written_value(Syntax::Yaml, "Fisch: frisch"),
            "\"Fisch: frisch\""
        );
    }

    #[test]
    fn agrees_with_the_general_parsers_on_single_fields() {
        for syntax in [Syntax::Toml, Syntax::Yaml] {
            let mut answered = 0;
            for value in VALUES {
                for key in [
                    "title",
                    "translationKey",
                    "my_key",
                    "tags-2",
                    "yes",
                    "1st",
                    "x y",
                ] {
                    answered += usize::from(agree(syntax, &front(syntax, key, value)));
                }
            }
            // The common shapes must be answered, or the quick path is
            // dead code and the test proves nothing.
            assert!(answered > 150, "{syntax:?}: only {answered} answered");
        }
    }

    #[test]
    fn agrees_with_the_general_parsers_on_whole_front_matter() {
        let mut answered = 0;
        let pairs = VALUES
            .iter()
            .enumerate()
            .flat_map(|(i, a)| [1, 7, 31].map(|step| (a, VALUES[(i * step + 3) % VALUES.len()])));
        for (a, b) in pairs {
            for text in [
                format!("title = {a}\ndate = {b}\n"),
                format!("title = {a}\ntitle = {b}\n"),
                format!("# note\ntitle = {a}\n\ntags = [{b}]\n"),
                format!("title={a}\n  date = {b}\n"),
                format!("[params]\ntitle = {a}\n"),
            ] {
                answered += usize::from(agree(Syntax::Toml, &text));
            }
            for text in [
                format!("title: {a}\ndate: {b}\n"),
                format!("title: {a}\ntitle: {b}\n"),
                format!("tags:\n  - {a}\n  - {b}\nauthor: x\n"),
                format!("tags:\n- {a}\n- {b}\n"),
                format!("tags:\n  - {a}\n    - {b}\n"),
                format!("tags:\n  - {a}\n\n  - {b}\n# note\nlang: de\n"),
                format!("tags:\n  -\n  - {a}\n"),
                format!("summary: {a}\n  {b}\n"),
                format!("empty:\ntitle: {a}\n"),
                format!("params:\n  title: {a}\n"),
                format!("title:{a}\n"),
                format!("title : {a}\n"),
                format!("---\ntitle: {a}\n"),
            ] {
                answered += usize::from(agree(Syntax::Yaml, &text));
            }
        }
        assert!(answered > 400, "only {answered} answered");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..Default::default()
        })]

        /// Lines made of the characters either syntax gives a meaning to,
        /// in any order: for what the tables above did not think of.
        #[test]
        fn agrees_with_the_general_parsers_on_arbitrary_lines(
            yaml in proptest::bool::ANY,
            lines in proptest::collection::vec(
                (
                    "(title|tags|x-1|y|_k)",
                    r#"( |\[|\]|"|'|#|:|,|-|\.|\+|\\|\{|\}|&|\*|!|\||>|%|@|`|~|=|[0-9]|[a-eTZ]|é|\u{a0}|\n  - |\n- ){0,12}"#,
                ),
                1..4,
            ),
        ) {
            let syntax = if yaml { Syntax::Yaml } else { Syntax::Toml };
            let text: String = lines.iter().map(|(key, value)| front(syntax, key, value)).collect();
            agree(syntax, &text);
        }
    }

    #[test]
    fn leaves_special_characters_to_the_general_parsers() {
        for c in [
            '\t', '\r', '\u{1}', '\u{7f}', '\u{85}', '\u{2028}', '\u{feff}', '\u{ffff}',
        ] {
            assert_eq!(read(Syntax::Toml, &format!("title = \"a{c}b\"\n")), None);
            assert_eq!(read(Syntax::Yaml, &format!("title: a{c}b\n")), None);
        }
        assert_eq!(read(Syntax::Yaml, "# only a comment\n"), None);
        assert_eq!(read(Syntax::Toml, ""), None);
    }

    #[test]
    fn reads_typical_articles() {
        let toml = "title = \"Ein Titel\"\ndate = 2024-01-03T10:00:00+01:00\ntranslationKey = \"story-1\"\ntags = [\"Wissenschaft\", \"Linz\"]\nauthor = \"Inès Bruno\"\ndraft = false\nweight = 3\n";
        let value = read(Syntax::Toml, toml).unwrap();
        assert_eq!(value["date"], "2024-01-03T10:00:00+01:00");
        assert_eq!(value["tags"][1], "Linz");
        assert_eq!(value["weight"], 3);
        assert!(agree(Syntax::Toml, toml));
        let yaml = "title: \"À Alicante, une usine ferme\"\ndate: 2030-03-23T14:19:00+01:00\ntranslationKey: story-25a58f0de914\ntags:\n  - \"Économie\"\n  - Alicante\nauthor: \"Olga O'Brien\"\n";
        let value = read(Syntax::Yaml, yaml).unwrap();
        assert_eq!(value["translationKey"], "story-25a58f0de914");
        assert_eq!(value["tags"][0], "Économie");
        assert!(agree(Syntax::Yaml, yaml));
        let hugo = "title: Ein Titel\ntags: [Wissenschaft, Linz]\ndraft: false\n";
        assert_eq!(read(Syntax::Yaml, hugo).unwrap()["tags"][1], "Linz");
        assert!(agree(Syntax::Yaml, hugo));
    }
}
