//! What a translation keeps unchanged: proper names, numbers, quoted terms
//! and URLs. These are the evidence the pairing of plain-text exports reads.

use deunicode::deunicode;

use crate::infer::sentence;

/// Distinct evidence tokens of one article, each with the weight of its
/// kind, sorted for binary search.
///
/// A token is kept as a 64-bit hash of its text (see [`token_id`]): pairing
/// only asks whether two articles share a token, and a hundred thousand
/// articles of a hundred tokens each would otherwise be ten million small
/// strings to allocate, compare, and store in the cache. Two tokens of
/// one archive share a hash with a probability near 10⁻⁸, and even then
/// only add a little false evidence to one pair.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    pub tokens: Vec<Token>,
}

/// One piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    /// See [`token_id`].
    pub id: u64,
    pub weight: f64,
    /// A capitalised word that is not an acronym: a proper name, except in
    /// a language that capitalises its nouns too (see
    /// [`capitalises_nouns`]), where it may be any noun.
    pub name: bool,
    /// A number other than a year: figures a translation copies digit for
    /// digit, so two stories that each give some and share none are two
    /// stories.
    pub number: bool,
}

/// Whether a language (a tag) capitalises every noun, so that a capitalised
/// word of its text is as likely a common noun, which a translation does
/// not keep, as a name.
pub fn capitalises_nouns(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    ["de", "gsw", "lb"]
        .iter()
        .any(|l| primary.eq_ignore_ascii_case(l))
}

/// The cache stores every article's evidence, which is most of its size:
/// each token as its 8 hash bytes and one byte of its weight in halves
/// (every weight is a multiple of ½ below 32) with the top bit set for a
/// name and the next for a number, in one byte string. That is half the
/// size of the plain encoding and decodes without a step per byte.
impl serde::Serialize for Signals {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut packed = Vec::with_capacity(self.tokens.len() * PACKED_TOKEN);
        for token in &self.tokens {
            let halves = token.weight * 2.0;
            debug_assert!(halves == halves.round() && halves < 64.0);
            packed.extend_from_slice(&token.id.to_le_bytes());
            let mut flags = halves as u8;
            if token.name {
                flags |= NAME_BIT;
            }
            if token.number {
                flags |= NUMBER_BIT;
            }
            packed.push(flags);
        }
        serializer.serialize_bytes(&packed)
    }
}

const NAME_BIT: u8 = 0x80;
const NUMBER_BIT: u8 = 0x40;

const PACKED_TOKEN: usize = 9;

impl<'de> serde::Deserialize<'de> for Signals {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Packed;
        impl serde::de::Visitor<'_> for Packed {
            type Value = Signals;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("packed evidence tokens")
            }
            fn visit_bytes<E: serde::de::Error>(self, packed: &[u8]) -> Result<Signals, E> {
                if !packed.len().is_multiple_of(PACKED_TOKEN) {
                    return Err(E::invalid_length(packed.len(), &self));
                }
                let tokens = packed
                    .chunks_exact(PACKED_TOKEN)
                    .map(|t| Token {
                        id: u64::from_le_bytes(t[..8].try_into().expect("8 bytes")),
                        weight: f64::from(t[8] & !(NAME_BIT | NUMBER_BIT)) / 2.0,
                        name: t[8] & NAME_BIT != 0,
                        number: t[8] & NUMBER_BIT != 0,
                    })
                    .collect();
                Ok(Signals { tokens })
            }
        }
        deserializer.deserialize_bytes(Packed)
    }
}

/// The hash that stands for `token` (such as `w:berlin` or `n:2300`).
pub fn token_id(token: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(token.as_bytes())
}

impl Signals {
    /// The evidence of `tokens` (text, weight, and whether it is a name: a
    /// word, not an acronym, which no language writes as a noun; see
    /// [`Token::name`]); of a token given twice the first is kept.
    pub fn of<'t>(tokens: impl IntoIterator<Item = (&'t str, f64, bool)>) -> Signals {
        let mut tokens: Vec<Token> = tokens
            .into_iter()
            .map(|(token, weight, name)| Token {
                id: token_id(token),
                weight,
                name,
                number: token.starts_with("n:") && weight >= NUMBER_WEIGHT,
            })
            .collect();
        // Stable, so the first of equal tokens stays first.
        tokens.sort_by_key(|token| token.id);
        tokens.dedup_by_key(|token| token.id);
        Signals { tokens }
    }

    pub fn contains(&self, token: &str) -> bool {
        self.contains_id(token_id(token))
    }

    pub fn contains_id(&self, id: u64) -> bool {
        self.tokens.binary_search_by_key(&id, |t| t.id).is_ok()
    }

    pub fn total_weight(&self) -> f64 {
        self.tokens.iter().map(|t| t.weight).sum()
    }
}

/// A name or number is one piece of evidence; a quoted term is rarer and
/// survives translation verbatim more reliably; a URL almost never occurs in
/// two different stories.
const NAME_WEIGHT: f64 = 1.0;
const NUMBER_WEIGHT: f64 = 1.0;
/// Years are shared by every story of an era.
const YEAR_WEIGHT: f64 = 0.5;
const QUOTE_WEIGHT: f64 = 2.0;
const URL_WEIGHT: f64 = 3.0;

/// English capitalises its weekdays and months, which every translation
/// translates: they are never evidence, and counted as names they would
/// stand against every translation of an English article. Full names only
/// (chrono knows them): `Sun`, `Mar` or `May` may be names.
fn is_english_calendar_word(word: &str) -> bool {
    word.len() > 3
        && (word.parse::<chrono::Weekday>().is_ok() || word.parse::<chrono::Month>().is_ok())
}

/// Quotes longer than this are speech, which translators translate.
const MAX_QUOTED_WORDS: usize = 6;

/// Opening quote marks and the marks that may close them.
const QUOTES: &[(char, &[char])] = &[
    ('„', &['“', '”']),
    ('“', &['”']),
    ('«', &['»']),
    ('»', &['«']),
    ('‹', &['›']),
    ('"', &['"']),
    ('‘', &['’']),
    ('‚', &['‘', '’']),
];

pub fn extract(text: &str) -> Signals {
    let mut tokens: Vec<(String, f64, bool)> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    names_and_numbers(&chars, &mut tokens);
    quoted_terms(&chars, &mut tokens);
    urls(text, &mut tokens);
    if let Some(genre) = genre(text) {
        // Weightless: it is no evidence of sharing, only a kind that both
        // articles of a translation have (see [`genres_differ`]).
        tokens.push((genre_token(genre), 0.0, false));
    }
    Signals::of(
        tokens
            .iter()
            .map(|(token, weight, name)| (token.as_str(), *weight, *name)),
    )
}

/// Labels that open an article and say what kind of piece it is, by kind:
/// a live ticker, a commentary, an analysis, an interview. A newsroom
/// labels the translation of one as the original is labelled, and a
/// ticker, commentary or interview about a story is another article than
/// the report of it, though it repeats the report's names and figures.
const GENRES: &[(&str, &[&str])] = &[
    (
        "live",
        &[
            "live",
            "liveticker",
            "live-ticker",
            "live ticker",
            "live updates",
            "live update",
            "live blog",
            "liveblog",
            "live-blog",
            "newsblog",
            "news-blog",
            "en direct",
            "direct",
            "en vivo",
            "en directo",
            "directo",
            "in diretta",
            "diretta",
            "diretta live",
        ],
    ),
    (
        "opinion",
        &[
            "kommentar",
            "gastkommentar",
            "meinung",
            "leitartikel",
            "gastbeitrag",
            "kolumne",
            "standpunkt",
            "opinion",
            "comment",
            "commentary",
            "editorial",
            "column",
            "op-ed",
            "commentaire",
            "éditorial",
            "edito",
            "édito",
            "tribune",
            "chronique",
            "point de vue",
            "opinión",
            "tribuna",
            "columna",
            "commento",
            "il commento",
            "editoriale",
            "opinione",
            "punto di vista",
            "l'editoriale",
        ],
    ),
    (
        "analysis",
        &[
            "analyse",
            "analysis",
            "análisis",
            "analisi",
            "l'analisi",
            "hintergrund",
            "explainer",
            "décryptage",
        ],
    ),
    (
        "interview",
        &[
            "interview",
            "im interview",
            "im gespräch",
            "entretien",
            "entrevista",
            "intervista",
            "l'intervista",
            "q&a",
        ],
    ),
];

/// The kind of piece an article's first line labels it (see [`GENRES`]):
/// the label alone on the line, or before a colon or a dash
/// ("Kommentar: Die EZB …", "EN DIRECT – Séisme …", "Live updates: …").
pub fn genre(text: &str) -> Option<&'static str> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let label_end = first
        .char_indices()
        .find(|&(at, c)| {
            matches!(c, ':' | '|' | '–' | '—') || (c == '-' && first[..at].ends_with(' '))
        })
        .map_or(first.len(), |(at, _)| at);
    if let Some(genre) = trailing_live_label(first) {
        return Some(genre);
    }
    let label = first[..label_end].trim().to_lowercase();
    if label.is_empty() || label.chars().count() > 40 {
        return None;
    }
    if let Some(genre) = genre_of(&label) {
        return Some(genre);
    }
    // "Live-Blog zur Europawahl:", "Interview mit Olaf Scholz:": a label
    // that is no other word may say what it is about.
    let first_word = label.split_whitespace().next().unwrap_or("");
    let about = LABEL_WORDS.contains(&first_word) && label.split_whitespace().count() <= 6;
    about.then(|| genre_of(first_word)).flatten()
}

/// A live ticker labelled at the end of its first line ("Apagón en
/// España, en directo", "Stromausfall in Spanien – der Liveticker",
/// "Séisme : suivez la situation en direct"): after a comma, colon, dash
/// or bracket, or, for the phrases that mean nothing else, at the end.
fn trailing_live_label(first: &str) -> Option<&'static str> {
    const PHRASES: &[&str] = &[" en direct", " en directo", " en vivo", " in diretta"];
    let line = first.trim_end_matches(|c: char| c == ')' || c.is_whitespace());
    let lower = line.to_lowercase();
    if PHRASES.iter().any(|phrase| lower.ends_with(phrase)) {
        return Some("live");
    }
    let (_, tail) = lower.rsplit_once([',', ':', '|', '–', '—', '('])?;
    let tail = tail.trim();
    let tail = ["der ", "die ", "le ", "el ", "il "]
        .iter()
        .find_map(|article| tail.strip_prefix(article))
        .unwrap_or(tail);
    (genre_of(tail) == Some("live")).then_some("live")
}

/// The kind of piece `label` (lowercase) names, if it is one of [`GENRES`]'.
fn genre_of(label: &str) -> Option<&'static str> {
    GENRES
        .iter()
        .find(|(_, labels)| labels.contains(&label))
        .map(|(genre, _)| *genre)
}

/// Labels that are no other word, and so may open a longer label ("Live-
/// Blog zur Europawahl"); "Live", "Direct" or "Comment" open sentences too
/// ("Live music returns: …").
const LABEL_WORDS: &[&str] = &[
    "liveticker",
    "live-ticker",
    "liveblog",
    "live-blog",
    "newsblog",
    "news-blog",
    "kommentar",
    "gastkommentar",
    "leitartikel",
    "gastbeitrag",
    "interview",
    "entretien",
    "entrevista",
    "intervista",
    "analyse",
    "análisis",
    "analisi",
    "commentaire",
    "éditorial",
    "editoriale",
    "commento",
];

/// Whether `label` (any case) is one of [`GENRES`]' labels.
pub fn is_genre_label(label: &str) -> bool {
    genre_of(&label.trim().to_lowercase()).is_some()
}

/// The token each kind of piece of [`GENRES`] is, as [`extract`] writes it.
fn genre_token(genre: &str) -> String {
    format!("g:{genre}")
}

/// Whether one article is labelled a kind of piece (see [`GENRES`]) that
/// the other is not: a live ticker and the report of its story, or a
/// commentary and the news it comments on, are two articles.
pub fn genres_differ(a: &Signals, b: &Signals) -> bool {
    // Asked of every candidate pair that is scored high enough: the ids
    // are hashed once.
    static IDS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
        GENRES
            .iter()
            .map(|(genre, _)| token_id(&genre_token(genre)))
            .collect()
    });
    IDS.iter().any(|&id| a.contains_id(id) != b.contains_id(id))
}

fn normalize(word: &str) -> String {
    deunicode(word).to_lowercase()
}

/// Capitalised words that do not start a sentence (in German every noun is
/// capitalised, but a German noun never appears in the other language's text,
/// so it costs nothing but a little mass), acronyms anywhere, and numbers
/// with their separators removed (`1.000`, `1,000` and `1 000` agree).
fn names_and_numbers(chars: &[char], tokens: &mut Vec<(String, f64, bool)>) {
    let mut i = 0;
    // At the start of the text, a word starts a sentence.
    let mut sentence_start = true;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut digits = String::new();
            let mut j = i;
            while j < chars.len() {
                let d = chars[j];
                if d.is_ascii_digit() {
                    digits.push(d);
                    j += 1;
                } else if matches!(d, '.' | ',' | '\'' | '’' | ' ' | '\u{a0}' | '\u{202f}')
                    && chars.get(j + 1).is_some_and(|n| n.is_ascii_digit())
                    // `12, 13` is a list, not a number; separators group by three.
                    && chars[j + 1..].iter().take_while(|n| n.is_ascii_digit()).count() == 3
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // A decimal part: one or two digits after a point or comma
            // (`1,7` and `1.7` agree), unless more digits follow, as in a
            // date (`12.03.2024`) or a version (`1.2.3`).
            let decimals = match chars.get(j) {
                Some('.' | ',') => {
                    let frac: String = chars[j + 1..]
                        .iter()
                        .take_while(|d| d.is_ascii_digit())
                        .collect();
                    let after = j + 1 + frac.len();
                    let continues = matches!(chars.get(after), Some('.' | ','))
                        && chars.get(after + 1).is_some_and(|d| d.is_ascii_digit());
                    ((1..=2).contains(&frac.len()) && !continues).then_some(frac)
                }
                _ => None,
            };
            if let Some(frac) = decimals {
                j += 1 + frac.len();
                tokens.push((format!("n:{digits}.{frac}"), NUMBER_WEIGHT, false));
            } else if let Some(billions) = thousands_of_millions(&digits, &chars[j..]) {
                tokens.push((billions, NUMBER_WEIGHT, false));
            } else if digits.len() >= 2 {
                let weight = match digits.parse::<u32>() {
                    Ok(year) if digits.len() == 4 && (1900..=2099).contains(&year) => YEAR_WEIGHT,
                    _ => NUMBER_WEIGHT,
                };
                tokens.push((format!("n:{digits}"), weight, false));
            }
            sentence_start = false;
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i;
            while j < chars.len() && chars[j].is_alphanumeric() {
                j += 1;
            }
            // `CHF412 million`, as English wire copy writes it, is the
            // currency and the figure of `CHF 412 Mio.`.
            if j - i > 3 && chars[i + 3].is_ascii_digit() {
                let code: String = chars[i..i + 3].iter().collect();
                if CURRENCY_CODES.contains(&code.as_str()) {
                    j = i + 3;
                }
            }
            // Most words are neither; only names are copied.
            let word = &chars[i..j];
            let capitalised = c.is_uppercase() && word.len() >= 2;
            let acronym =
                capitalised && word.iter().all(|c| c.is_uppercase() || c.is_ascii_digit());
            if acronym || (capitalised && !sentence_start) {
                let word = normalize(&word.iter().collect::<String>());
                // `Zurigo` and `Zürich` are one name (see `exonyms`).
                let word = super::exonyms::one_name(&word).map_or(word, str::to_string);
                if !is_english_calendar_word(&word) {
                    // An acronym inside a sentence is no common noun in
                    // any language; at a sentence's start it may be a
                    // dateline's place in capitals, which is translated.
                    let name = !acronym || sentence_start;
                    tokens.push((format!("w:{word}"), NAME_WEIGHT, name));
                }
            }
            sentence_start = false;
            i = j;
        } else {
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '\n' | '„' | '“' | '«' | '"' | '—' | '–'
            ) {
                // `:` and opening quotes start quoted sentences; a newline
                // starts a paragraph.
                sentence_start = !(c == '.' && is_abbreviation_dot(chars, i));
            }
            i += 1;
        }
    }
}

/// ISO 4217 codes that wire copy sets against the figure (`CHF412`,
/// `EUR5.4bn`).
const CURRENCY_CODES: &[&str] = &[
    "CHF", "EUR", "USD", "GBP", "JPY", "CNY", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "CAD",
    "AUD", "RUB", "INR", "BRL", "MXN",
];

/// Spanish counts billions in thousands of millions ("5.400 millones de
/// euros"), where other languages write "5,4 Milliarden", "5.4 billion" or
/// "5,4 milliards": a whole number of thousands of millions is the same
/// figure in billions, with at most two decimals (`n:5.4`, `n:35.9`).
fn thousands_of_millions(digits: &str, after: &[char]) -> Option<String> {
    let value: u64 = digits.parse().ok()?;
    if value < 1000 || !value.is_multiple_of(10) {
        return None;
    }
    let word: String = after
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    if !["millon", "millón", "million", "milion"]
        .iter()
        .any(|m| word.starts_with(m))
    {
        return None;
    }
    let (whole, thousandths) = (value / 1000, value % 1000);
    let frac = format!("{thousandths:03}");
    match frac.trim_end_matches('0') {
        // A single digit is no figure ("1.000 millones", "1 Milliarde").
        "" if whole < 10 => None,
        "" => Some(format!("n:{whole}")),
        frac => Some(format!("n:{whole}.{frac}")),
    }
}

/// A dot after a single letter (an initial) or after an abbreviation such
/// as `Dr` or `M` (the sentence splitter's list) does not end a sentence, so
/// the name after it still counts as a name.
fn is_abbreviation_dot(chars: &[char], dot: usize) -> bool {
    let mut start = dot;
    while start > 0 && chars[start - 1].is_alphabetic() {
        start -= 1;
    }
    let word: String = chars[start..dot].iter().collect();
    word.chars().count() == 1 || sentence::is_abbreviation(&word)
}

fn quoted_terms(chars: &[char], tokens: &mut Vec<(String, f64, bool)>) {
    let mut i = 0;
    while i < chars.len() {
        let Some((_, closers)) = QUOTES.iter().find(|(open, _)| *open == chars[i]) else {
            i += 1;
            continue;
        };
        // `‘` opens a quote only at a word start; elsewhere it is an apostrophe.
        if chars[i] == '‘' && i > 0 && chars[i - 1].is_alphanumeric() {
            i += 1;
            continue;
        }
        let limit = (i + 1 + 120).min(chars.len());
        let close = (i + 1..limit).find(|&j| {
            closers.contains(&chars[j])
                // `’` between letters is an apostrophe (`l’institut`).
                && !(chars[j] == '’' && chars.get(j + 1).is_some_and(|n| n.is_alphabetic()))
        });
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let inner: String = chars[i + 1..close].iter().collect();
        let words: Vec<String> = inner
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(normalize)
            .collect();
        if !words.is_empty() && words.len() <= MAX_QUOTED_WORDS {
            tokens.push((format!("q:{}", words.join(" ")), QUOTE_WEIGHT, false));
        }
        i = close + 1;
    }
}

fn urls(text: &str, tokens: &mut Vec<(String, f64, bool)>) {
    for word in text.split_whitespace() {
        let starts_like_url = word
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("http") || p.eq_ignore_ascii_case("www."));
        if !starts_like_url {
            continue;
        }
        let lower = word.to_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .or_else(|| lower.starts_with("www.").then_some(lower.as_str()));
        let Some(rest) = rest else { continue };
        let rest = rest.strip_prefix("www.").unwrap_or(rest);
        let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
        let rest = rest.trim_end_matches('/');
        if rest.contains('.') {
            tokens.push((format!("u:{rest}"), URL_WEIGHT, false));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_on_the_first_line_tells_the_kind_of_piece() {
        for (text, kind) in [
            (
                "Kommentar: Die EZB senkt die Zinsen\n\nText.",
                Some("opinion"),
            ),
            ("EN DIRECT – Séisme près de Naples", Some("live")),
            ("Live updates: Firefighters make progress.", Some("live")),
            ("Liveticker\nFeuerwehr macht Fortschritte.", Some("live")),
            ("Intervista | Il ministro parla", Some("interview")),
            ("Análisis - La inflación", Some("analysis")),
            ("Live Nation kündigt eine Tour an.", None),
            ("Live-Blog zur Europawahl: Die Ergebnisse", Some("live")),
            (
                "Interview mit Olaf Scholz: „Wir schaffen das“",
                Some("interview"),
            ),
            ("Live music returns: the festival opens", None),
            ("Direct flights resume: Lufthansa", None),
            ("Die Kommentare der Leser: viele.", None),
            ("Berlin (dpa) – Der Bundestag hat …", None),
            ("Última hora del apagón en España, en directo", Some("live")),
            ("Stromausfall in Spanien – der Liveticker", Some("live")),
            (
                "Séisme près de Naples : suivez la situation en direct",
                Some("live"),
            ),
            ("Europawahl 2024 (live)", Some("live")),
            ("Where young Londoners can afford to live", None),
            ("The city where they live, work and vote", None),
        ] {
            assert_eq!(genre(text), kind, "{text}");
        }
        let a = extract("Kommentar: Die EZB senkt die Zinsen um 25 Basispunkte auf 3,75 Prozent.");
        let b = extract("The ECB cut rates by 25 basis points to 3.75%.");
        let c = extract("Opinion: The ECB cut rates by 25 basis points to 3.75%.");
        assert!(genres_differ(&a, &b));
        assert!(!genres_differ(&a, &c));
        assert_eq!(
            a.total_weight(),
            extract("Die EZB senkt die Zinsen um 25 Basispunkte auf 3,75 Prozent.").total_weight()
        );
    }

    #[test]
    fn swiss_separators_and_currencies_against_figures() {
        let de = extract("Die Bank verdiente 1’640’000 Franken, CHF 412 Mio. mehr als im Vorjahr.");
        let en = extract("The bank earned 1,640,000 francs, CHF412 million more than a year ago.");
        for token in ["n:1640000", "n:412", "w:chf"] {
            assert!(de.contains(token) && en.contains(token), "{token}");
        }
    }

    #[test]
    fn thousands_of_millions_are_billions() {
        let es = extract("Inditex ganó 5.400 millones de euros, con ventas de 35.900 millones y 12.000 millones más.");
        let de = extract("Inditex verdiente 5,4 Milliarden Euro bei 35,9 Milliarden Umsatz und 12 Milliarden mehr.");
        for figure in ["n:5.4", "n:35.9", "n:12"] {
            assert!(es.contains(figure) && de.contains(figure), "{figure}");
        }
        // Other counts stay as written.
        assert!(extract("Es kamen 5.400 Menschen.").contains("n:5400"));
    }

    fn has(signals: &Signals, token: &str) -> bool {
        signals.contains(token)
    }

    #[test]
    fn names_numbers_quotes_urls() {
        let s = extract(
            "Das Lab „Causal Cell Dynamics“ arbeitet mit Mila zusammen. Es hat 1.500 Forscher, gegründet 1993. Siehe https://mila.quebec/en/.",
        );
        assert!(has(&s, "w:lab"));
        assert!(has(&s, "w:mila"));
        assert!(!has(&s, "w:das"), "sentence-initial word");
        assert!(!has(&s, "w:es"), "sentence-initial word");
        assert!(has(&s, "n:1500"));
        assert!(has(&s, "n:1993"));
        assert!(has(&s, "q:causal cell dynamics"));
        assert!(has(&s, "u:mila.quebec/en"));
    }

    #[test]
    fn translations_share_their_evidence() {
        let fr = extract("Le laboratoire ‘Causal Cell Dynamics’ du Helmholtz Institut collabore avec l’institut québécois Mila, fondé par Yoshua Bengio en 1993.");
        let de = extract("Das Helmholtz International Lab „Causal Cell Dynamics“ kooperiert mit Mila aus Québec, 1993 von Yoshua Bengio gegründet.");
        for token in [
            "q:causal cell dynamics",
            "w:helmholtz",
            "w:mila",
            "w:yoshua",
            "w:bengio",
            "n:1993",
        ] {
            assert!(has(&fr, token) && has(&de, token), "{token}");
        }
        assert!(
            !has(&fr, "q:institut quebecois"),
            "apostrophe is not a quote"
        );
    }

    #[test]
    fn evidence_survives_the_cache_encoding() {
        let s = extract("Yoshua Bengio a fondé Mila en 1993 « Causal Cell » https://mila.quebec/.");
        assert!(
            s.tokens.iter().any(|t| t.weight == 0.5) && s.tokens.iter().any(|t| t.weight == 3.0)
        );
        assert!(s.tokens.iter().any(|t| t.name) && s.tokens.iter().any(|t| !t.name));
        let bytes = postcard::to_stdvec(&s).unwrap();
        assert_eq!(postcard::from_bytes::<Signals>(&bytes).unwrap(), s);
        assert!(postcard::from_bytes::<Signals>(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn decimals_agree_whatever_the_mark_and_calendar_words_are_no_names() {
        let de = extract("Die Inflation lag am Montag bei 1,7 Prozent, nach 4,2 im März. Am 12.03.2024 kam Version 1.2.3.");
        let en = extract("Inflation stood at 1.7 percent on Monday, after 4.2 in March.");
        for token in ["n:1.7", "n:4.2"] {
            assert!(has(&de, token) && has(&en, token), "{token}");
        }
        assert!(
            !has(&de, "n:12.03") && !has(&de, "n:1.2"),
            "dates and versions are no decimals"
        );
        assert!(!has(&en, "w:monday") && !has(&en, "w:march"));
        // Thousands still group by three.
        assert!(has(&extract("Es kamen 1.500 Menschen."), "n:1500"));
    }

    #[test]
    fn names_after_abbreviations_count() {
        let s = extract("Es sprach Dr. Fabian Theis. M. Macron a parlé.");
        assert!(has(&s, "w:fabian"));
        assert!(has(&s, "w:macron"));
    }
}
