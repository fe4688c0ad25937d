//! Finding a lead sentence and fitting titles into a length budget.
//!
//! Feeds need a title even when an article has none, and the first sentence
//! of the lead paragraph is the best stand-in. News prose in de, fr, en, es
//! and it is full of periods that do not end sentences (titles, initials,
//! German ordinals, quoted speech), so a naive split on ". " produces titles
//! like "Dr." or "Am 4.". The rules below are tuned for that prose; they are
//! heuristics, and where a case is undecidable they prefer a sentence that is
//! too long (which `shorten_title` can cut) over one that is cut too early.
//!
//! Decisions worth knowing when a result looks odd:
//! - After a single capital initial ("A.") or a dotted acronym ("U.S.",
//!   "EE.UU.") the sentence ends only if the next word is a typical sentence
//!   opener ("The", "Die", "Le", "El", "Il", …). So "U.S. officials" and
//!   "U.S. President Biden" stay together while "the U.S. The next year"
//!   splits; "vitamin C. The" splits too. Listed abbreviations ("M.", "Dr.",
//!   "S.p.A.", "J.-C.") never end a sentence, even before an opener.
//! - "No.", "Nos." and month abbreviations ("Jan.", "Okt.") only hold
//!   a sentence together before a number, because "No." alone is a word.
//! - "etc.", "usw.", "ecc." end a sentence before a capital, as in the
//!   source text they usually do.
//! - ASCII `'` is never treated as a quote: it is far more often an
//!   apostrophe than an opening mark.

/// The first sentence of a paragraph, trimmed; the whole paragraph if it has no sentence end.
///
/// Returns a slice of the input so callers can map it back to the source;
/// newlines count as spaces for the analysis but are left in the slice.
pub fn first_sentence(paragraph: &str) -> &str {
    let text = paragraph.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let Enclosures { depth, closes_pair } = enclosures(&chars);
    let mut i = 0;
    while i < n {
        if !is_terminal(chars[i].1) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < n && is_terminal(chars[i].1) {
            i += 1;
        }
        let run_end = i;
        // The sentence keeps its closing quotes and brackets.
        let mut end = run_end;
        loop {
            if end < n && is_closing_char(chars[end].1) {
                end += 1;
            } else if end + 1 < n
                && chars[end].1.is_whitespace()
                && closes_pair[end + 1]
                && matches!(chars[end + 1].1, '»' | '›')
            {
                // French typography puts a space before the closing guillemet.
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        if end >= n {
            break;
        }
        // Chinese and Japanese end a sentence with a full-width mark, and
        // write no space after it; one before a closing quote ends the
        // quoted words, and the sentence goes on.
        if matches!(chars[run_end - 1].1, '。' | '！' | '？') {
            if end == run_end && depth[end] == 0 {
                return text[..chars[end].0].trim_end();
            }
            continue;
        }
        if !chars[end].1.is_whitespace() || depth[end] > 0 {
            continue;
        }
        let next = (end..n).find(|&j| !chars[j].1.is_whitespace());
        let Some(next) = next else {
            break;
        };
        if !starts_sentence(chars[next].1) {
            continue;
        }
        // After an abbreviation, a dash with a space after it goes on
        // with the sentence ("The U.S. — along with Britain — vetoed …");
        // after a word it may open another ("It ended. — And then?").
        let dash_then_space = matches!(chars[next].1, '–' | '—' | '-')
            && chars
                .get(next + 1)
                .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}');
        if dash_then_space && run_end - run_start == 1 && chars[run_start].1 == '.' {
            let mut start = run_start;
            while start > 0 && (chars[start - 1].1.is_alphabetic() || chars[start - 1].1 == '.') {
                start -= 1;
            }
            let word: String = chars[start..run_start].iter().map(|&(_, c)| c).collect();
            if word.contains('.') || is_abbreviation(&word) {
                continue;
            }
        }
        let single_period = run_end - run_start == 1 && chars[run_start].1 == '.';
        if single_period && !period_ends_sentence(&chars, run_start, next) {
            continue;
        }
        return text[..chars[end].0].trim_end();
    }
    text
}

/// A lead's title: its first sentence, and the next one too when the
/// first is a quotation of its own („Wir sind bereit.“), which says little
/// without the sentence that tells who said it ("Mit diesen Worten
/// eröffnete …").
pub fn title_sentence(paragraph: &str) -> &str {
    let text = paragraph.trim();
    let mut end = 0;
    // Several in a row too (`"Yes." "No." "Maybe." Those were …`), as far
    // as a title goes.
    for _ in 0..MAX_QUOTATIONS_IN_TITLE {
        let sentence = first_sentence(&text[end..]);
        // A slice of `text`: the title runs to its end.
        end = sentence.as_ptr() as usize - text.as_ptr() as usize + sentence.len();
        if end >= text.len() || !is_whole_quotation(sentence.trim()) {
            break;
        }
    }
    &text[..end]
}

/// Quotations that open a lead, at most, before the sentence that tells
/// who said them.
const MAX_QUOTATIONS_IN_TITLE: usize = 4;

/// Whether `sentence` is one quotation from its opening mark to its
/// closing one, or to the full stop after it, where Spanish, Italian and
/// often English set it («No lo permitiremos».).
fn is_whole_quotation(sentence: &str) -> bool {
    let sentence = sentence.strip_suffix(['.', '!', '?']).unwrap_or(sentence);
    let (Some(open), Some(close)) = (sentence.chars().next(), sentence.chars().last()) else {
        return false;
    };
    let pair = matches!(
        (open, close),
        ('„', '“' | '”')
            | ('“', '”')
            | ('«', '»')
            | ('»', '«')
            | ('"', '"')
            | ('‚', '‘')
            | ('‘', '’')
            | ('\'', '\'')
            | ('「', '」')
    );
    // One quotation, not two ("„A“ und „B“"): no closing mark inside.
    // (A sentence of one mark is no quotation, and has no inside.)
    let inner = sentence
        .get(open.len_utf8()..sentence.len() - close.len_utf8())
        .filter(|_| sentence.len() >= open.len_utf8() + close.len_utf8());
    pair && inner.is_some_and(|inner| !inner.contains(close))
}

/// Cut a title longer than `max_chars` characters (chars, not bytes) at the last word boundary
/// that keeps it within max_chars including the ellipsis, trim trailing punctuation/space at the cut,
/// and end it with `…`. Shorter titles are returned unchanged. A single over-long word is cut mid-word.
///
/// Feed readers truncate long titles themselves, often mid-word and
/// mid-grapheme; cutting here keeps the visible text readable.
pub fn shorten_title(title: &str, max_chars: usize) -> String {
    let chars: Vec<char> = title.chars().collect();
    if chars.len() <= max_chars {
        return title.to_string();
    }
    if max_chars == 0 {
        return String::new();
    }
    let budget = max_chars - 1;
    // A space at index `budget` is a boundary too: the kept part then fills
    // the budget exactly. `chars.len() > budget`, so the range is in bounds.
    let boundary = chars[..=budget].iter().rposition(|c| c.is_whitespace());
    let mut kept = boundary.map_or(&chars[..0], |b| trim_cut(&chars[..b]));
    if kept.is_empty() {
        let mut cut = budget;
        // Never separate an accent, joiner or skin tone from its base.
        while cut > 0 && (is_joining(chars[cut]) || chars[cut - 1] == '\u{200d}') {
            cut -= 1;
        }
        kept = trim_cut(&chars[..cut]);
    }
    let mut out: String = kept.iter().collect();
    out.push('…');
    out
}

/// Punctuation that would dangle before the ellipsis. Closing quotes and
/// brackets stay, since they finish something opened earlier in the title.
fn trim_cut(chars: &[char]) -> &[char] {
    let keep = chars
        .iter()
        .rposition(|&c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';'
                        | ':'
                        | '.'
                        | '!'
                        | '?'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                        | '\\'
                        | '|'
                        | '&'
                        | '+'
                        | '·'
                        | '…'
                        | '('
                        | '['
                        | '{'
                        | '„'
                        | '‚'
                        | '«'
                        | '‹'
                        | '¿'
                        | '¡'
                ))
        })
        .map_or(0, |p| p + 1);
    &chars[..keep]
}

fn is_joining(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{fe20}'..='\u{fe2f}'
            | '\u{200d}'
            | '\u{1f3fb}'..='\u{1f3ff}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Quote marks and brackets that may directly follow sentence punctuation.
/// Right after `.` even `“` and `«` can only be closing (German and German
/// chevron style), because an opening mark would follow a space.
fn is_closing_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '“'
            | '’'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
    )
}

/// A character of Chinese or Japanese text, or their full-width
/// punctuation.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

fn is_opening_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '“'
            | '‚'
            | '‘'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
    )
}

/// Uncased scripts have no capital to look for, so any letter that is not
/// lowercase may start a sentence.
pub fn starts_sentence(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_numeric()
        || is_opening_char(c)
        || matches!(c, '-' | '–' | '—')
}

// ---------------------------------------------------------------------------
// Quotes and brackets
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Paren,
    Bracket,
    Brace,
    /// „…“ or „…” (German, Polish style)
    LowDouble,
    /// “…”
    Double,
    /// ”…” (Swedish style, or a stray right quote used as opener)
    RightDouble,
    /// "…"
    Ascii,
    /// «…»
    Guillemet,
    /// »…« (German chevrons)
    ReverseGuillemet,
    /// ‹…›
    SingleGuillemet,
    /// ›…‹
    ReverseSingleGuillemet,
    /// ‚…‘
    LowSingle,
    /// ‘…’
    Single,
    /// '…' (typewriter single quotes)
    AsciiSingle,
    /// 「…」 and 『…』 (Japanese, and Chinese in Taiwan and Hong Kong), and
    /// full-width brackets （…）.
    Corner,
}

const MARK_KINDS: usize = Mark::Corner as usize + 1;

struct Enclosures {
    /// For each char, how many balanced quote/bracket pairs strictly enclose it.
    depth: Vec<u32>,
    /// Whether the char is the closing mark of a balanced pair.
    closes_pair: Vec<bool>,
}

/// Pairs quotes and brackets in one pass with a stack. Marks that never
/// close are dropped, so one stray quote cannot glue the rest of the
/// paragraph into a single "sentence".
fn enclosures(chars: &[(usize, char)]) -> Enclosures {
    let n = chars.len();
    let mut stack: Vec<(Mark, usize)> = Vec::new();
    // Per-mark counts of what is on the stack, so a paragraph of thousands
    // of unmatched marks stays linear instead of rescanning the stack.
    let mut open_count = [0usize; MARK_KINDS];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut closes_pair = vec![false; n];
    for i in 0..n {
        let c = chars[i].1;
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let at_word_start = match prev {
            None => true,
            // Chinese and Japanese write no spaces: any of their
            // characters may stand before an opening quote.
            Some(p) => {
                p.is_whitespace()
                    || is_opening_char(p)
                    || matches!(p, '-' | '–' | '—')
                    || is_wide(p)
            }
        };
        let has_open = |marks: &[Mark]| marks.iter().any(|&m| open_count[m as usize] > 0);
        let action = match c {
            '「' | '『' | '（' => Some(Ok(Mark::Corner)),
            '」' | '』' | '）' => Some(Err(&[Mark::Corner][..])),
            '(' => Some(Ok(Mark::Paren)),
            '[' => Some(Ok(Mark::Bracket)),
            '{' => Some(Ok(Mark::Brace)),
            ')' => Some(Err(&[Mark::Paren][..])),
            ']' => Some(Err(&[Mark::Bracket][..])),
            '}' => Some(Err(&[Mark::Brace][..])),
            '„' => Some(Ok(Mark::LowDouble)),
            // “ closes „ in German and opens in English.
            '“' if has_open(&[Mark::LowDouble]) => Some(Err(&[Mark::LowDouble][..])),
            '“' if at_word_start => Some(Ok(Mark::Double)),
            '“' => Some(Err(&[Mark::Double][..])),
            '”' if has_open(&[Mark::Double, Mark::LowDouble, Mark::RightDouble]) => {
                Some(Err(&[Mark::Double, Mark::LowDouble, Mark::RightDouble][..]))
            }
            '”' if at_word_start => Some(Ok(Mark::RightDouble)),
            '"' if at_word_start && next.is_some_and(|c| !c.is_whitespace()) => {
                Some(Ok(Mark::Ascii))
            }
            '"' => Some(Err(&[Mark::Ascii][..])),
            '«' if has_open(&[Mark::ReverseGuillemet]) => Some(Err(&[Mark::ReverseGuillemet][..])),
            '«' => Some(Ok(Mark::Guillemet)),
            '»' if has_open(&[Mark::Guillemet]) => Some(Err(&[Mark::Guillemet][..])),
            '»' => Some(Ok(Mark::ReverseGuillemet)),
            '‹' if has_open(&[Mark::ReverseSingleGuillemet]) => {
                Some(Err(&[Mark::ReverseSingleGuillemet][..]))
            }
            '‹' => Some(Ok(Mark::SingleGuillemet)),
            '›' if has_open(&[Mark::SingleGuillemet]) => Some(Err(&[Mark::SingleGuillemet][..])),
            '›' => Some(Ok(Mark::ReverseSingleGuillemet)),
            '‚' if at_word_start => Some(Ok(Mark::LowSingle)),
            '‘' if has_open(&[Mark::LowSingle]) => Some(Err(&[Mark::LowSingle][..])),
            '‘' if at_word_start => Some(Ok(Mark::Single)),
            // ’ between letters is an apostrophe: l’institut, don’t.
            '’' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic) =>
            {
                None
            }
            '’' => Some(Err(&[Mark::Single, Mark::LowSingle][..])),
            // A typewriter ' is an apostrophe far more often (l'art, don't,
            // the '90s, the ministers' plan): it opens a quote only at a
            // word start before a letter, and closes an open one only after
            // a word, before no letter.
            '\'' if at_word_start && next.is_some_and(char::is_alphabetic) => {
                Some(Ok(Mark::AsciiSingle))
            }
            '\'' if prev.is_some_and(|p| !p.is_whitespace())
                && !next.is_some_and(char::is_alphanumeric) =>
            {
                Some(Err(&[Mark::AsciiSingle][..]))
            }
            _ => None,
        };
        match action {
            Some(Ok(mark)) => {
                stack.push((mark, i));
                open_count[mark as usize] += 1;
            }
            Some(Err(marks)) if has_open(marks) => {
                // Openers above the match never closed; forget them.
                while let Some((mark, open)) = stack.pop() {
                    open_count[mark as usize] -= 1;
                    if marks.contains(&mark) {
                        pairs.push((open, i));
                        closes_pair[i] = true;
                        break;
                    }
                }
            }
            Some(Err(_)) => {}
            None => {}
        }
    }
    let mut delta = vec![0i64; n + 1];
    for &(open, close) in &pairs {
        delta[open + 1] += 1;
        delta[close] -= 1;
    }
    let mut depth = Vec::with_capacity(n);
    let mut running = 0i64;
    for d in delta.iter().take(n) {
        running += d;
        depth.push(u32::try_from(running).unwrap_or(0));
    }
    Enclosures { depth, closes_pair }
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

/// Abbreviations after which a period never ends a sentence, case-sensitive
/// because "Art." (article) and "art." differ, and written without the
/// final period. Ones like "etc.", "usw.", "ecc." are deliberately absent:
/// they do end sentences when a capital follows, and before a lowercase
/// word the general rule already refuses to split.
/// Academic degrees after "Dr." ("Dr. med.", "Dr. rer. nat.") and French
/// "p. ex." (par exemple) are here by their last word; every German
/// diploma ("Dipl.-Ing.", "Dipl.-Kfm.") is one by its prefix.
const ABBREVIATIONS: &[&str] = &[
    // en
    "Dr", "Prof", "St", "Mr", "Mrs", "Ms", "Sr", "vs", "e.g", "i.e", "cf", "Cf", "approx", "Gov",
    "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Sgt", "Mt", "Rev", "Hon", "Messrs", "Fig", "fig",
    "Vol", "vol", // de
    "z.B", "Z.B", "u.a", "U.a", "d.h", "D.h", "u.U", "v.a", "o.ä", "z.T", "bzw", "Bzw", "ca", "Ca",
    "Nr", "Hr", "Hrn", "Frau", "Str", "vgl", "Vgl", "Dipl", "Ing", "sog", "ggf", "Ggf", "evtl",
    "Evtl", "inkl", "Inkl", "zzgl", "bspw", "Bspw", "Abs", "Art", "Bd", "Tel", "geb", "gest",
    "Mag", "Univ", "Hg", "Kap", "Gebr", "Fa", "med", "rer", "nat", "phil", "jur", "dent", "vet",
    "habil", "theol", "oec", // fr
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Pr", "av", "apr", "env", "boul", "bd",
    "éd", "chap", "ex", // es
    "Sra", "Sras", "Srta", "Srtas", "Sres", "Dña", "Dra", "Ud", "Uds", "Vd", "Vds", "Lic", "Av",
    "Avda", "pág", "págs", "núm", "aprox", "p.ej", "Excmo", "Excma", "Excmos", "Excmas", "Gral",
    "Arq", "Ntra", "Ntro", "Nra", "Ilmo", "Ilma", "Ilmos", "Ilmas", "Rvdo", "Rvda", "Sto", "Sta",
    "Pza", "Ctra", "Dpto", "Ldo", "Lda", // it
    "Sig", "Sigg", "Sig.ra", "Sig.na", "Dott", "Dott.ssa", "Avv", "Geom", "Arch", "Mons", "On",
    "Prof.ssa", "p.es", "dott", "ing", "avv", "pag", "sig", "sigg", "sig.ra", "sig.na", "on",
    "prof", "prof.ssa", "dott.ssa", "geom", "arch", "rag", "gen", "sen", "dep",
    // Articles of a law: es, it, fr ("el art. 155", "l'art. 21", "l'art. 49.3").
    "art", "arts", "artt", // nl ("Prof. dr. ir. Jan de Vries", "Dhr. Jansen")
    "dr", "drs", "Drs", "ir", "Ir", "mr", "Dhr", "dhr", "Mevr", "mevr",
];

/// Whether a word (without its period) is an abbreviation after which a
/// period never ends a sentence, e.g. `Dr`, `z.B`, `M`, `Dott`.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word) || word.starts_with("Dipl.-")
}

/// Abbreviations that close what they abbreviate ("112 Mrd.", "Alphabet
/// Inc.", "52 av. J.-C."), and so may close a sentence: they end one
/// before a word that typically opens a sentence ("Das", "Neither"), and
/// not before any other capital ("3,5 Mrd. Euro", "Acme Inc. Chief").
/// Each is in this list only, not in [`ABBREVIATIONS`].
const ENDING_ABBREVIATIONS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Jr", "Mio", "Mrd", "Tsd", "Hbf", "Jh", "Jhd", "Jhs", "Std", "Min",
    "Hrsg", "Dept", "ed", "Ed", "J.-C", "S.p.A", "S.r.l", "Cía", "al", "Hnos", "Hno",
    // Swiss francs ("3 fr. La hausse …", "9.20 Fr. Das …", "a fr. 30,1
    // mia."), and German "Fr." for Frau ("Fr. Müller").
    "fr", "Fr",
];

/// Abbreviations that only stand before a number ("No. 5", "p. 12"); before
/// a word the same letters are usually a real word ending a sentence.
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "Nos", "no", "nos", "p", "pp", "S", "n", "N"];

/// Month abbreviations, matched case-insensitively and only before a
/// number ("Jan. 5", "am 3. Okt. 2020"), where a capital-less day follows.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "febr", "mär", "mrz", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "oct", "nov", "dez", "dec", "janv", "févr", "fév", "avr", "juil", "déc", "ene", "abr", "ago",
    "dic", "genn", "gen", "mag", "giu", "lug", "ott", "set",
];

/// German weekdays, which stand abbreviated before a date ("am So. 14.
/// Juli"); before a word, "So." is the adverb ending a sentence.
const WEEKDAY_ABBREVIATIONS: &[&str] = &["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

/// Month names that may follow a German ordinal day ("am 4. Mai").
const GERMAN_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "feber",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jan",
    "jän",
    "feb",
    "febr",
    "mär",
    "mrz",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
];

/// Words before a German ordinal ("der 2. Weltkrieg", "bis 3. Juni") that
/// make the period part of the number rather than a sentence end.
const ORDINAL_LEADS: &[&str] = &[
    "am", "im", "vom", "zum", "zur", "bis", "der", "die", "das", "den", "dem", "des", "ab", "seit",
    "ins", "beim", "ans", "aufs", "fürs", "ums", "seinem", "seiner", "ihrem", "ihrer", "einem",
    "einer", "eines", "sein", "seine", "seinen", "seines", "ihr", "ihre", "ihren", "ihres", "mein",
    "meine", "unser", "unsere", "unseren", "jeder", "jede", "jedes", "jeden", "dieser", "diese",
    "dieses", "diesen", "diesem", "kein", "keine", "euer", "eure",
];

/// Whether a word after a German ordinal is what it counts ("im 19.
/// Jahrhundert", "den 2. Platz", "in die 2. Bundesliga") or a club it
/// numbers ("beim 1. FC Heidenheim", "le 1. FSV Mainz 05"), whatever
/// stands before the number: a sentence ending in a number is rarely
/// followed by one of these.
fn is_ordinal_noun(word: &str) -> bool {
    const COUNTED: &[&str] = &[
        "jahrhundert",
        "jh",
        "jahrtausend",
        "platz",
        "rang",
        "runde",
        "liga",
        "bundesliga",
        "spieltag",
        "halbzeit",
        "minute",
        "mal",
        "klasse",
        "weltkrieg",
        "stock",
        "etage",
        "stufe",
        "quartal",
        "halbjahr",
        "lesung",
        "amtszeit",
        "auflage",
        "advent",
        "satz",
        "durchgang",
        "lauf",
        "etappe",
        "tag",
        "woche",
        "monat",
        "jahr",
        "jahrestag",
        "geburtstag",
        "todestag",
        "legislaturperiode",
        "wahlgang",
    ];
    const CLUBS: &[&str] = &[
        "FC", "FFC", "FSV", "SC", "SV", "SSV", "KSV", "MSV", "VfB", "VfL", "VfR", "TSV", "TSG",
        "SpVgg", "BV", "BSC", "SG", "TuS", "HSV", "FCK", "CfR",
    ];
    let lower = word.to_lowercase();
    CLUBS.contains(&word) || COUNTED.contains(&lower.as_str()) || lower.ends_with("liga")
}

/// Capitalised words that typically open a sentence in the five languages.
/// Used only after initials and dotted acronyms, where a capital alone
/// cannot tell "U.S. President" (continuation) from "the U.S. The" (end).
const SENTENCE_OPENERS: &[&str] = &[
    // en
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "For",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "There",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Our",
    "If",
    "Neither",
    "Nor",
    "Both",
    "Some",
    "Many",
    "Most",
    "Such",
    "Then",
    "Now",
    "Still",
    "Also",
    "Although",
    "Because",
    "Since",
    "Despite",
    // de
    "Der",
    "Die",
    "Das",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Ein",
    "Eine",
    "Es",
    "Er",
    "Sie",
    "Wir",
    "Ich",
    "Man",
    "Aber",
    "Und",
    "Doch",
    "Denn",
    "Auch",
    "Im",
    "Am",
    "Auf",
    "Mit",
    "Nach",
    "Vor",
    "Bei",
    "Seit",
    "Als",
    "Wie",
    "Dort",
    "Damit",
    "Dabei",
    "Zudem",
    "Nun",
    "Jetzt",
    "Zum",
    "Zur",
    "Für",
    "Laut",
    "Trotz",
    "Wegen",
    "Nicht",
    "Nur",
    "Allerdings",
    "Außerdem",
    "Deshalb",
    "Daher",
    "Zwar",
    // fr
    "Le",
    "La",
    "Les",
    "L",
    "Un",
    "Une",
    "Des",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "Nous",
    "Ce",
    "Cette",
    "Ces",
    "Mais",
    "Et",
    "En",
    "Dans",
    "Pour",
    "Selon",
    "Depuis",
    "Au",
    "Aux",
    "Du",
    "Sur",
    "Avec",
    "Après",
    "Avant",
    "Cependant",
    "Toutefois",
    "Ainsi",
    "Son",
    "Sa",
    "Ses",
    "Leur",
    "Leurs",
    "À",
    // es
    "El",
    "Los",
    "Las",
    "Una",
    "Unos",
    "Unas",
    "Este",
    "Esta",
    "Estos",
    "Pero",
    "Y",
    "Según",
    "Además",
    "Con",
    "Por",
    "Para",
    "Tras",
    "Su",
    "Sus",
    "Al",
    "Del",
    "No",
    "También",
    "Sin",
    // it
    "Lo",
    "Gli",
    "Uno",
    "Questo",
    "Questa",
    "Ma",
    "E",
    "Nel",
    "Nella",
    "Secondo",
    "Inoltre",
    "Per",
    "Dopo",
    "Non",
    "Anche",
    "Tuttavia",
    "Dal",
    "Della",
    "Alla",
    "Sul",
    "Sulla",
];

/// Decides whether a lone `.` at `dot` ends the sentence, given that the
/// next non-space char (at `next`) could start one.
fn period_ends_sentence(chars: &[(usize, char)], dot: usize, next: usize) -> bool {
    let word_start = token_start(chars, dot);
    let raw = strip_openers(&chars[word_start..dot]);
    // "l’Ing.", "dell’Avv.": the elided article is not part of the abbreviation.
    let word = raw.rsplit(['’', '\'']).next().unwrap_or("").to_string();
    if word.is_empty() {
        return true;
    }
    let following = token_at(chars, next);
    let following_word = strip_trailing_punct(&following);
    let next_is_number = following.chars().next().is_some_and(|c| c.is_numeric());

    if word.chars().all(|c| c.is_ascii_digit()) {
        // "am 4. Mai", "der 2. Weltkrieg"; "3.5" never reaches here as it
        // has no space after the period.
        if word.len() <= 3 {
            let day: u32 = word.parse().unwrap_or(u32::MAX);
            if day <= 31 && GERMAN_MONTHS.contains(&following_word.to_lowercase().as_str()) {
                return false;
            }
            let prev = previous_token(chars, word_start);
            // A sentence is more than its number: "1. FC Köln stieg ab."
            if prev.is_empty() || prev.ends_with(is_terminal) {
                return false;
            }
            // "Beethovens 9. Sinfonie": a name's genitive counts the noun.
            let genitive = prev.starts_with(char::is_uppercase)
                && prev.ends_with('s')
                && following_word.starts_with(char::is_uppercase)
                && !opens_sentence(&following);
            let prev = prev.trim_start_matches(is_opening_char).to_lowercase();
            if ORDINAL_LEADS.contains(&prev.as_str()) || is_ordinal_noun(following_word) || genitive
            {
                return false;
            }
        }
        return true;
    }
    if ENDING_ABBREVIATIONS.contains(&word.as_str()) {
        // "Müller et al. (2021) showed", "Alphabet Inc. (Google) said".
        return opens_sentence(&following) && !following.starts_with(['(', '[']);
    }
    if is_abbreviation(&word) {
        return false;
    }
    // Italian "p. es.", "ad es." and Spanish "p. ej.": for example.
    if matches!(word.as_str(), "es" | "ej") {
        let prev = previous_token(chars, word_start);
        if matches!(prev.as_str(), "p." | "P." | "ad" | "Ad") {
            return false;
        }
    }
    if next_is_number
        && (NUMBER_ABBREVIATIONS.contains(&word.as_str())
            || MONTH_ABBREVIATIONS.contains(&word.to_lowercase().as_str())
            || WEEKDAY_ABBREVIATIONS.contains(&word.as_str())
            // Street names: "Hauptstr. 5", "Bahnhofstr. 12".
            || word.ends_with("str"))
    {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if !first.is_alphabetic() {
            return true;
        }
        // Lowercase single letters are pieces of "z. B.", "u. a.", "d. h.";
        // but a unit after a number ("à 18 h.", "um 52 m.", "500 g.")
        // closes what it abbreviates.
        if first.is_lowercase() {
            let prev = previous_token(chars, word_start);
            let after_number = prev.chars().next().is_some_and(|c| c.is_ascii_digit());
            let is_unit = matches!(first, 'h' | 'm' | 'g' | 'l' | 't' | 's');
            return is_unit && after_number && opens_sentence(&following);
        }
        // The "B" of "z. B." and the second "R" of "J. R. R." continue a run.
        let prev = previous_token(chars, word_start);
        if is_single_letter_with_period(&prev) {
            return false;
        }
        return opens_sentence(&following);
    }
    // Spanish plurals of initials double the letter: "EE. UU." (Estados
    // Unidos), "FF. AA.", "CC. OO.".
    let mut letters = word.chars();
    if let (Some(a), Some(b), None) = (letters.next(), letters.next(), letters.next()) {
        if a == b && a.is_uppercase() {
            return opens_sentence(&following);
        }
    }
    if is_dotted_acronym(&word) {
        // "e.g.", "i.e.", "p.es." are always mid-sentence; "U.S." only
        // ends one before a typical sentence opener, and so do the hours
        // "3 a.m." and "11 p.m.".
        if matches!(word.as_str(), "a.m" | "p.m") {
            return opens_sentence(&following) || !continues_a_time(following_word);
        }
        if word.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        return opens_sentence(&following);
    }
    true
}

/// Whether the capitalised word after "7 a.m." still belongs to the time:
/// a zone (`ET`, `GMT`, `Eastern`), a day or a month (`a.m. Tuesday`). Any
/// other capital starts a sentence there (`Polls open at 7 a.m. Voters …`):
/// the hours are English, where a capital mid-sentence is a name, and a
/// name right after a time is rare.
fn continues_a_time(word: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "eastern",
        "central",
        "mountain",
        "pacific",
        "atlantic",
        "alaska",
        "hawaii",
        "greenwich",
        "local",
        "today",
        "tomorrow",
        "yesterday",
    ];
    let Some(first) = word.chars().next() else {
        return true;
    };
    !first.is_uppercase()
        || word.chars().all(|c| c.is_uppercase())
        || TIME_WORDS.contains(&word.to_lowercase().as_str())
        || super::date::names_a_day_or_month(word)
}

/// "U.S", "E.U", "EE.UU", "U.S.A", "z.B": short letter groups joined by
/// dots; not a host name of short labels ("www.bbc.co.uk", "ons.gov.uk"),
/// whose period after it ends a sentence like any word's.
fn is_dotted_acronym(word: &str) -> bool {
    let host = word.starts_with("www.")
        || (word.split('.').count() >= 3
            && word.split('.').any(|part| part.chars().count() == 3)
            && word.chars().all(|c| c.is_ascii_lowercase() || c == '.'));
    !host
        && word.contains('.')
        && word.split('.').all(|part| {
            let len = part.chars().count();
            (1..=3).contains(&len) && part.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

fn is_single_letter_with_period(token: &str) -> bool {
    let mut chars = token.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_alphabetic()
    )
}

fn opens_sentence(token: &str) -> bool {
    let Some(first) = token.chars().next() else {
        return false;
    };
    if is_opening_char(first) || matches!(first, '-' | '–' | '—') {
        return true;
    }
    // "L’objectif" should be judged by its article.
    let word = strip_trailing_punct(token);
    let head = word.split(['’', '\'']).next().unwrap_or("");
    SENTENCE_OPENERS.contains(&head)
}

/// Index where the whitespace-delimited token ending just before `end` starts.
fn token_start(chars: &[(usize, char)], end: usize) -> usize {
    chars[..end]
        .iter()
        .rposition(|&(_, c)| c.is_whitespace())
        .map_or(0, |p| p + 1)
}

fn previous_token(chars: &[(usize, char)], start: usize) -> String {
    let Some(end) = chars[..start]
        .iter()
        .rposition(|&(_, c)| !c.is_whitespace())
    else {
        return String::new();
    };
    let from = token_start(chars, end + 1);
    chars[from..=end].iter().map(|&(_, c)| c).collect()
}

fn token_at(chars: &[(usize, char)], start: usize) -> String {
    chars[start..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| !c.is_whitespace())
        .collect()
}

fn strip_openers(chars: &[(usize, char)]) -> String {
    chars
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|&c| is_opening_char(c))
        .collect()
}

fn strip_trailing_punct(token: &str) -> &str {
    token.trim_end_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(p: &str) -> &str {
        first_sentence(p)
    }

    fn whole(p: &str) {
        assert_eq!(first_sentence(p), p.trim(), "should be one sentence");
    }

    // --- German -----------------------------------------------------------

    #[test]
    fn lowercase_titles_laws_and_doubled_initials_do_not_end_sentences() {
        for (text, sentence) in [
            (
                "EE. UU. y la UE firmaron el acuerdo el viernes. La firma fue en Bruselas.",
                "EE. UU. y la UE firmaron el acuerdo el viernes.",
            ),
            (
                "El acuerdo se firmó con EE. UU. El Gobierno lo celebró.",
                "El acuerdo se firmó con EE. UU.",
            ),
            (
                "Il sig. Rossi ha inaugurato la scuola. Poi ha parlato.",
                "Il sig. Rossi ha inaugurato la scuola.",
            ),
            (
                "L'on. Meloni ha incontrato Macron. Poi è partita.",
                "L'on. Meloni ha incontrato Macron.",
            ),
            (
                "Secondo l'art. 21 tutti possono parlare. Lo ha ricordato.",
                "Secondo l'art. 21 tutti possono parlare.",
            ),
            (
                "El art. 155 fue invocado en 2017. Lo recordó el Tribunal.",
                "El art. 155 fue invocado en 2017.",
            ),
            (
                "Die Feier ist am So. 14. Juli im Rathaus. Alle sind eingeladen.",
                "Die Feier ist am So. 14. Juli im Rathaus.",
            ),
            ("Er sagte nur so. Dann ging er.", "Er sagte nur so."),
            // A dash after a full stop goes on with the sentence.
            (
                "The U.S. — along with Britain and France — vetoed the resolution. The vote was 12-3.",
                "The U.S. — along with Britain and France — vetoed the resolution.",
            ),
            (
                "Lawmakers in Washington, D.C. – and in the states – disagreed. More followed.",
                "Lawmakers in Washington, D.C. – and in the states – disagreed.",
            ),
        ] {
            assert_eq!(first(text), sentence, "{text}");
        }
    }

    #[test]
    fn abbreviations_that_close_a_phrase_end_a_sentence_before_an_opener() {
        for (text, sentence) in [
            (
                "Der Umsatz stieg auf 112 Mrd. Das ist ein Rekord.",
                "Der Umsatz stieg auf 112 Mrd.",
            ),
            (
                "Der Konzern investiert 3,5 Mrd. Euro in Dresden. Das ist viel.",
                "Der Konzern investiert 3,5 Mrd. Euro in Dresden.",
            ),
            (
                "The deal values it at $2 billion, according to Alphabet Inc. Neither company commented.",
                "The deal values it at $2 billion, according to Alphabet Inc.",
            ),
            (
                "Acme Inc. Chief Executive Jane Roe resigned on Monday. Shares fell.",
                "Acme Inc. Chief Executive Jane Roe resigned on Monday.",
            ),
            (
                "Le conseil se réunira lundi à 18 h. L'ordre du jour porte sur le budget.",
                "Le conseil se réunira lundi à 18 h.",
            ),
            (
                "La ville fut fondée en 52 av. J.-C. Elle compte aujourd'hui 20 000 habitants.",
                "La ville fut fondée en 52 av. J.-C.",
            ),
            (
                "The fire broke out at 3 a.m. The police closed the street.",
                "The fire broke out at 3 a.m.",
            ),
            (
                "The fire broke out at 3 a.m. on Tuesday in Newark. It spread.",
                "The fire broke out at 3 a.m. on Tuesday in Newark.",
            ),
            (
                "Polls open at 7 a.m. Voters must bring an ID card.",
                "Polls open at 7 a.m.",
            ),
            (
                "Polls open at 7 a.m. Eastern and close at 8 p.m. EST on Tuesday. Voters queue.",
                "Polls open at 7 a.m. Eastern and close at 8 p.m. EST on Tuesday.",
            ),
            (
                "The launch is set for 9:30 a.m. Thursday from Cape Canaveral. Crews are ready.",
                "The launch is set for 9:30 a.m. Thursday from Cape Canaveral.",
            ),
            (
                "Il sen. Matteo Renzi ha lasciato l'aula. Poi ha parlato.",
                "Il sen. Matteo Renzi ha lasciato l'aula.",
            ),
            (
                "Il dep. Riccardo Magi ha votato contro. Poi è uscito.",
                "Il dep. Riccardo Magi ha votato contro.",
            ),
        ] {
            assert_eq!(first(text), sentence, "{text}");
        }
    }

    #[test]
    fn de_simple() {
        assert_eq!(
            first("Der Rat hat getagt. Dann ging er."),
            "Der Rat hat getagt."
        );
    }

    #[test]
    fn de_helmholtz_lead() {
        let p = "Das Helmholtz International Lab „Causal Cell Dynamics“ hat seine Zusammenarbeit \
                 mit dem KI-Forschungsinstitut Mila aus der kanadischen Provinz Québec angekündigt. \
                 Das Ziel sei es, Zellen besser zu verstehen.";
        assert_eq!(
            first(p),
            "Das Helmholtz International Lab „Causal Cell Dynamics“ hat seine Zusammenarbeit \
             mit dem KI-Forschungsinstitut Mila aus der kanadischen Provinz Québec angekündigt."
        );
    }

    #[test]
    fn de_quote_spanning_sentences() {
        whole("„Wir sind bereit. Es geht los“, sagte er.");
        assert_eq!(
            first("„Wir sind bereit. Es geht los“, sagte er. Dann ging er."),
            "„Wir sind bereit. Es geht los“, sagte er."
        );
    }

    #[test]
    fn de_quote_is_whole_sentence() {
        assert_eq!(
            first("„Wir sind bereit.“ Dann ging er."),
            "„Wir sind bereit.“"
        );
    }

    #[test]
    fn de_question_in_quote_then_verb() {
        whole("„Wirklich?“ fragte er.");
        whole("„Wirklich?“, fragte er.");
        assert_eq!(
            first("„Wirklich?“, fragte er. Sie nickte."),
            "„Wirklich?“, fragte er."
        );
    }

    #[test]
    fn de_ordinal_dates() {
        assert_eq!(
            first("Die Sitzung fand am 4. Mai 2021 statt. Danach gab es Kaffee."),
            "Die Sitzung fand am 4. Mai 2021 statt."
        );
        whole("Am 1. Januar tritt das Gesetz in Kraft.");
        whole("Vom 3. bis 5. Juni wird gefeiert.");
        whole("Er kam am 24. Dez. 2020 an.");
    }

    #[test]
    fn de_numbered_items() {
        whole("Nach dem Ende der 2. Weltkrieg-Konferenz wurde gefeiert.");
        whole("Das Ende des 2. Weltkriegs jährt sich.");
        whole("Im 3. Quartal stieg der Umsatz.");
        whole("Er wurde seit 12. Februar vermisst.");
    }

    #[test]
    fn ordinals_of_centuries_places_and_clubs() {
        whole("Die Aufzeichnungen reichen bis ins 19. Jahrhundert zurück.");
        whole("Der 1. FC Köln ist nach einem 1:4 beim 1. FC Heidenheim abgestiegen.");
        whole("1. FC Köln were relegated after a 4-1 defeat at Heidenheim.");
        whole("Le FC St. Pauli a remporté le titre de 2. Bundesliga grâce à sa victoire.");
        whole("Union Berlin hat beim 1. FSV Mainz 05 mit 0:2 verloren.");
        whole("El 1. FC Colonia ha descendido.");
        whole("Beethovens 9. Sinfonie erklingt am Sonntag in der Elbphilharmonie.");
        whole("Müller erzielte sein 41. Tor in dieser Saison.");
        whole("Jeder 5. Deutsche hat keinen Hausarzt.");
        // A number that ends a sentence still ends it before other words.
        assert_eq!(
            first("Die Mannschaft belegte Rang 2. Trainer Müller war zufrieden."),
            "Die Mannschaft belegte Rang 2."
        );
    }

    #[test]
    fn units_citations_and_examples() {
        assert_eq!(
            first("Der Gletscher schrumpfte diesmal um 52 m. Seit 1870 hat er 3,4 km verloren."),
            "Der Gletscher schrumpfte diesmal um 52 m."
        );
        assert_eq!(
            first("The glacier retreated by 52 m. Since 1870, it has lost 3.4 km."),
            "The glacier retreated by 52 m."
        );
        whole("As shown by Müller et al. (2021), sediment supply drives delta growth.");
        whole("Smith et al. [12] put the figure higher.");
        whole("I paesi con reti capillari, p. es. Svizzera e Austria, individuano le piene.");
        whole("I paesi alpini, ad es. Svizzera e Austria, individuano le piene.");
        whole("Los países alpinos, p. ej. Suiza y Austria, detectan las crecidas.");
        whole("Volgens Prof. dr. Maarten de Vries stijgt het water.");
        whole("Dhr. dr. ir. Jan Jansen leidt het onderzoek.");
        assert_eq!(first("Er schafft es. Dann geht er."), "Er schafft es.");
    }

    #[test]
    fn de_number_at_sentence_end_breaks() {
        assert_eq!(
            first("Das Ergebnis lag bei 42. Danach sank es."),
            "Das Ergebnis lag bei 42."
        );
        assert_eq!(first("Es geschah 2021. Dann kam 2022."), "Es geschah 2021.");
    }

    #[test]
    fn de_abbreviations() {
        whole("Es gibt z. B. Äpfel und Birnen.");
        whole("Es gibt z.B. Äpfel und Birnen.");
        whole("Es gibt z. B. Äpfel, u. a. Boskop, d. h. alte Sorten.");
        whole("Prof. Dr. Fabian Theis leitet das Institut.");
        whole("Die Kosten liegen bei ca. 5 Mio. Euro bzw. 6 Mrd. Dollar.");
        whole("Er wohnt in der Hauptstr. 5 bei Hr. Meier und Fr. Müller.");
        whole("Siehe Art. 5 Abs. 2 und Nr. 3 der Verordnung, vgl. Urteil.");
        whole("Chefarzt Dr. med. Thomas Berg übernimmt die Kardiologie.");
        whole("Sie folgt auf Dr. rer. nat. Ulrike Sand und Dipl.-Ing. Jan Rot.");
        whole("Die Gebr. Heinz GmbH und die Fa. Müller bauen das Werk.");
    }

    #[test]
    fn fr_par_exemple() {
        whole("Plusieurs villes, p. ex. Lyon et Lille, testent la gratuité.");
    }

    #[test]
    fn de_usw_before_capital_breaks() {
        assert_eq!(
            first("Äpfel, Birnen usw. Das reicht."),
            "Äpfel, Birnen usw."
        );
        whole("Äpfel, Birnen usw. sind gesund.");
    }

    #[test]
    fn de_ellipsis() {
        whole("Er sagte... und ging.");
        whole("Er sagte … und ging.");
        assert_eq!(first("Er zögerte... Dann ging er."), "Er zögerte...");
        assert_eq!(first("Er zögerte… Dann ging er."), "Er zögerte…");
    }

    #[test]
    fn de_chevron_quotes() {
        whole("»Wir sind bereit. Es geht los«, sagte sie.");
        assert_eq!(
            first("»Wir sind bereit.« Dann ging sie."),
            "»Wir sind bereit.«"
        );
    }

    #[test]
    fn de_single_low_quotes() {
        whole("Er nannte es ‚Plan B. Oder C‘ und lachte.");
    }

    #[test]
    fn de_initials() {
        whole("A. Merkel traf J. R. R. Tolkien nie.");
    }

    #[test]
    fn de_newlines_are_spaces() {
        assert_eq!(
            first("Der Rat\nhat getagt.\nDann ging er."),
            "Der Rat\nhat getagt."
        );
    }

    // --- French -----------------------------------------------------------

    #[test]
    fn fr_laboratoire_lead() {
        let p = "Le laboratoire ‘Causal Cell Dynamics’ du Helmholtz Institut a annoncé sa \
                 collaboration avec l’institut québécois de recherche en IA Mila. L’objectif est \
                 de mieux comprendre les cellules.";
        assert_eq!(
            first(p),
            "Le laboratoire ‘Causal Cell Dynamics’ du Helmholtz Institut a annoncé sa \
             collaboration avec l’institut québécois de recherche en IA Mila."
        );
    }

    #[test]
    fn fr_titles() {
        assert_eq!(
            first("Le Dr Fabian Theis dirige le projet. Il est optimiste."),
            "Le Dr Fabian Theis dirige le projet."
        );
        assert_eq!(
            first("M. Macron a déclaré que tout irait bien. Personne ne l’a cru."),
            "M. Macron a déclaré que tout irait bien."
        );
        whole("MM. Dupont et Durand ainsi que Mme Martin et Mlle. Petit sont venus.");
        whole("M. Le Pen a répondu.");
    }

    #[test]
    fn fr_guillemets_with_spaces() {
        whole("« Nous sommes prêts. Allons-y », a-t-il dit.");
        whole("« Vraiment ? », a-t-il dit.");
        assert_eq!(
            first("Il a dit : « Oui. » Puis il est parti."),
            "Il a dit : « Oui. »"
        );
        assert_eq!(
            first("« Vraiment ? » Elle a souri. Puis elle est partie."),
            "« Vraiment ? »"
        );
    }

    #[test]
    fn fr_question_with_space() {
        assert_eq!(first("Qui a gagné ? Personne ne le sait."), "Qui a gagné ?");
    }

    #[test]
    fn fr_apostrophes_do_not_close_quotes() {
        assert_eq!(
            first("L’institut n’a pas répondu. Aujourd’hui, rien."),
            "L’institut n’a pas répondu."
        );
    }

    #[test]
    fn fr_jesus_christ_and_av() {
        whole("Jules César est mort en 44 av. J.-C. à Rome.");
        whole("Il habite 10 av. Foch à Paris.");
    }

    #[test]
    fn fr_first_of_month_and_cf() {
        whole("Voir cf. Annexe 3 pour les détails.");
        assert_eq!(
            first("Le 1er mai est férié. Les magasins ferment."),
            "Le 1er mai est férié."
        );
    }

    // --- English ----------------------------------------------------------

    #[test]
    fn en_titles() {
        whole("Mr. Smith met Mrs. Jones and Ms. Brown at St. Paul's.");
        whole("Dr. Fabian Theis and Prof. Yoshua Bengio spoke.");
        whole("Acme Inc. and Foo Ltd. and Bar Co. and Baz Corp. merged.");
        whole("Martin Luther King Jr. High School opened.");
        whole("It was Smith vs. Jones in court.");
    }

    #[test]
    fn en_latin_abbreviations() {
        whole("Some fruit, e.g. Apples, are sweet.");
        whole("One fruit, i.e. The apple, was left.");
        whole("Apples, pears, etc. are sweet.");
        assert_eq!(
            first("Apples, pears, etc. The rest rotted."),
            "Apples, pears, etc."
        );
    }

    #[test]
    fn en_initials() {
        whole("The Lord of the Rings was written by J. R. R. Tolkien in England.");
        whole("Yoshua B. Bengio won the award.");
        assert_eq!(
            first("He took vitamin C. The next day he felt better."),
            "He took vitamin C."
        );
    }

    #[test]
    fn en_us_rule() {
        whole("U.S. officials said nothing.");
        whole("The U.S. President spoke.");
        whole("Talks between the U.K. Government and the E.U. Commission resumed.");
        assert_eq!(
            first("He moved to the U.S. The next year he returned."),
            "He moved to the U.S."
        );
        assert_eq!(
            first("It came from the U.S.A. It was big."),
            "It came from the U.S.A."
        );
    }

    #[test]
    fn en_numbers_and_months() {
        whole("See No. 5 and Nos. 6 and 7 on p. 12.");
        whole("The price rose 3.5 percent.");
        whole("It opened on Jan. 5 and closed Sept. 11, 2021.");
        assert_eq!(first("He said No. Then he left."), "He said No.");
    }

    #[test]
    fn en_curly_quotes() {
        whole("“We are ready. Let’s go,” he said.");
        assert_eq!(first("“We are ready.” Then he left."), "“We are ready.”");
        whole("“Really?” he asked.");
        whole("‘Causal Cell Dynamics. Phase two’ is the name.");
    }

    #[test]
    fn en_ascii_single_quotes() {
        assert_eq!(
            first("The minister said: 'We are done. Really done.' Then he left."),
            "The minister said: 'We are done. Really done.'"
        );
        whole("'We are ready. Let's go,' he said.");
        // Apostrophes open nothing: the sentence still ends.
        assert_eq!(
            first("The ministers' plan failed in the '90s. Don't ask why."),
            "The ministers' plan failed in the '90s."
        );
        assert_eq!(first("L'art est là. C'est tout."), "L'art est là.");
    }

    #[test]
    fn en_ascii_quotes() {
        whole("\"We are ready. Let's go,\" he said.");
        assert_eq!(
            first("\"We are ready.\" Then he left."),
            "\"We are ready.\""
        );
    }

    #[test]
    fn en_exclamation_and_question() {
        assert_eq!(first("Stop! Then go."), "Stop!");
        assert_eq!(first("Why? Because."), "Why?");
        assert_eq!(first("What?! No way."), "What?!");
        whole("Why? because.");
    }

    #[test]
    fn en_parentheses() {
        whole("The team (led by Dr. Theis. Also Mila.) met.");
        assert_eq!(
            first("(This is an aside.) The rest follows."),
            "(This is an aside.)"
        );
    }

    #[test]
    fn en_dash_and_digit_starts() {
        assert_eq!(first("It ended. — And then?"), "It ended.");
        assert_eq!(first("It ended. 2021 was worse."), "It ended.");
    }

    #[test]
    fn en_no_space_no_break() {
        whole("Visit example.com.Then leave.");
        whole("The ratio was 1.5.");
    }

    #[test]
    fn en_url_ends_sentence() {
        assert_eq!(
            first("More at www.example.com. The end."),
            "More at www.example.com."
        );
        assert_eq!(
            first("The report is at www.ons.gov.uk. It covers 2,000 households."),
            "The report is at www.ons.gov.uk."
        );
        assert_eq!(first("See ons.gov.uk. Es gibt mehr."), "See ons.gov.uk.");
    }

    // --- Spanish ----------------------------------------------------------

    #[test]
    fn es_titles() {
        whole("El Sr. García y la Sra. López llegaron con la Srta. Pérez.");
        whole("Dña. María y Ud. están invitados, y Uds. también.");
        whole("La parroquia de Ntra. Sra. de los Ángeles celebra sus fiestas.");
        whole("La empresa Hnos. Martínez y la Ilma. Sra. Rectora firmaron el convenio.");
        assert_eq!(
            first("El Sr. García llegó. La Sra. López no."),
            "El Sr. García llegó."
        );
    }

    #[test]
    fn es_inverted_marks() {
        assert_eq!(first("¿Qué pasa? ¡Nada!"), "¿Qué pasa?");
        assert_eq!(first("Llegó tarde. ¿Por qué?"), "Llegó tarde.");
    }

    #[test]
    fn es_lead() {
        assert_eq!(
            first("El laboratorio anunció el 4 de mayo su colaboración con Mila. El objetivo es claro."),
            "El laboratorio anunció el 4 de mayo su colaboración con Mila."
        );
    }

    #[test]
    fn es_guillemets() {
        whole("«Estamos listos. Vamos», dijo.");
    }

    #[test]
    fn a_quotation_of_its_own_is_titled_with_the_next_sentence() {
        for (lead, title) in [
            (
                "„Wir sind bereit.“ Mit diesen Worten eröffnete Bärbel Bas am Mittwoch die Sitzung. Es folgte die Debatte.",
                "„Wir sind bereit.“ Mit diesen Worten eröffnete Bärbel Bas am Mittwoch die Sitzung.",
            ),
            (
                "« Nous sommes prêts. » C’est par ces mots que la présidente a ouvert la séance. Puis le débat a commencé.",
                "« Nous sommes prêts. » C’est par ces mots que la présidente a ouvert la séance.",
            ),
            // A quotation with its speaker in one sentence is a title.
            (
                "„Wir sind bereit“, sagte Bas am Mittwoch. Es folgte die Debatte.",
                "„Wir sind bereit“, sagte Bas am Mittwoch.",
            ),
            // Two quotations are no one quotation.
            (
                "„A“ und „B“. Das war alles.",
                "„A“ und „B“.",
            ),
            // The full stop after the closing mark, as Spanish sets it.
            (
                "«No vamos a permitir que la violencia se normalice». Así lo afirmó el secretario en conferencia. Después habló el fiscal.",
                "«No vamos a permitir que la violencia se normalice». Así lo afirmó el secretario en conferencia.",
            ),
            (
                "“We will not back down”. That was the message of the governor on Monday. Then came the vote.",
                "“We will not back down”. That was the message of the governor on Monday.",
            ),
            // A sentence of one character is none.
            ("a\n? {", "a\n?"),
            ("\"", "\""),
            // British single quotes, and several quotations in a row.
            (
                "'Our hearts are broken.' The family of the victim spoke on Monday. More followed.",
                "'Our hearts are broken.' The family of the victim spoke on Monday.",
            ),
            (
                "‘We will rebuild’. The mayor said so on Monday. More followed.",
                "‘We will rebuild’. The mayor said so on Monday.",
            ),
            (
                "\"Yes.\" \"No.\" \"Maybe.\" Those were the answers of the three ministers. Then the vote.",
                "\"Yes.\" \"No.\" \"Maybe.\" Those were the answers of the three ministers.",
            ),
            // A quotation alone is the whole lead.
            ("„Wir sind bereit.“", "„Wir sind bereit.“"),
        ] {
            assert_eq!(title_sentence(lead), title, "{lead}");
        }
        for one in ["a", "?", "\"", "»"] {
            assert!(!is_whole_quotation(one), "{one}");
        }
    }

    // --- Chinese and Japanese ---------------------------------------------

    #[test]
    fn full_width_marks_end_a_sentence_without_a_space() {
        assert_eq!(
            first("北京市政府周二宣布，将在2025年前新建50所学校。该计划总投资约120亿元人民币。"),
            "北京市政府周二宣布，将在2025年前新建50所学校。"
        );
        assert_eq!(first("本当ですか？はい、本当です。"), "本当ですか？");
        // Inside quotes it does not.
        assert_eq!(
            first("他说：“我们准备好了。走吧。”然后离开了。后来的事。"),
            "他说：“我们准备好了。走吧。”然后离开了。"
        );
        assert_eq!(
            first("首相は「準備はできた。行こう。」と述べた。その後、会見を終えた。"),
            "首相は「準備はできた。行こう。」と述べた。"
        );
    }

    // --- Italian ----------------------------------------------------------

    #[test]
    fn it_titles() {
        whole("Il Sig. Rossi e la Sig.ra Bianchi hanno incontrato il Dott. Verdi.");
        whole("La Dott.ssa Neri e l’Ing. Gallo con l’Avv. Conti.");
        assert_eq!(
            first("Il Prof. Rossi ha parlato. Nessuno ha risposto."),
            "Il Prof. Rossi ha parlato."
        );
    }

    #[test]
    fn it_swiss_francs() {
        whole("L'Ufficio di statistica stima il PIL ticinese a fr. 30,1 mia. nel 2020.");
        whole("Il premio è di fr. 5'020 per ogni squadra.");
        assert_eq!(
            first("Il biglietto costerà 3 fr. La decisione è del Consiglio."),
            "Il biglietto costerà 3 fr."
        );
        assert_eq!(
            first("À Lausanne, le billet coûtera désormais 3 fr. La hausse entre en vigueur."),
            "À Lausanne, le billet coûtera désormais 3 fr."
        );
        assert_eq!(
            first("Das Ticket kostet neu 9.20 Fr. Das sind 40 Rappen mehr."),
            "Das Ticket kostet neu 9.20 Fr."
        );
        whole("Die Praxis von Fr. Müller bleibt geschlossen.");
        assert_eq!(
            first("Lo construye Construcciones Pérez Hnos. El presupuesto asciende a un millón."),
            "Lo construye Construcciones Pérez Hnos."
        );
    }

    #[test]
    fn it_company_and_pes() {
        whole("La Enel S.p.A. ha annunciato utili, p.es. Nel settore energia.");
    }

    #[test]
    fn it_lead_with_quotes() {
        assert_eq!(
            first("Il laboratorio “Causal Cell Dynamics” ha annunciato la collaborazione con l’istituto Mila. L’obiettivo è chiaro."),
            "Il laboratorio “Causal Cell Dynamics” ha annunciato la collaborazione con l’istituto Mila."
        );
        whole("«Siamo pronti. Andiamo», ha detto.");
    }

    #[test]
    fn it_apostrophe_after_letter() {
        assert_eq!(first("Un po’ di tutto. Poi basta."), "Un po’ di tutto.");
    }

    // --- General ----------------------------------------------------------

    #[test]
    fn unbalanced_quote_is_ignored() {
        assert_eq!(
            first("„Wir sind bereit. Es geht los, sagte er. Dann ging er."),
            "„Wir sind bereit."
        );
        assert_eq!(first("He said “yes. Then left."), "He said “yes.");
        assert_eq!(first("Ein (Einschub. Dann weiter."), "Ein (Einschub.");
    }

    #[test]
    fn no_sentence_end_returns_whole_trimmed() {
        assert_eq!(first("  Kein Satzende hier  "), "Kein Satzende hier");
        assert_eq!(first("Titel ohne Punkt\n"), "Titel ohne Punkt");
        assert_eq!(first(""), "");
        assert_eq!(first("   "), "");
    }

    #[test]
    fn trailing_closers_kept() {
        assert_eq!(first("Er sagte: „Ja.“"), "Er sagte: „Ja.“");
        assert_eq!(first("(Nur das.)  "), "(Nur das.)");
    }

    #[test]
    fn lowercase_after_period_never_breaks() {
        whole("Der Preis stieg um 3 Prozent. und dann fiel er.");
    }

    #[test]
    fn uncased_script_starts_sentence() {
        assert_eq!(first("Er sagte es. 東京 ist groß."), "Er sagte es.");
    }

    // --- shorten_title ----------------------------------------------------

    #[test]
    fn short_titles_unchanged() {
        assert_eq!(shorten_title("Kurz", 200), "Kurz");
        assert_eq!(shorten_title("", 200), "");
        assert_eq!(shorten_title(" Kurz. ", 7), " Kurz. ");
    }

    #[test]
    fn exactly_max_unchanged_and_one_more_cut() {
        let exact = format!("{} {}", "a".repeat(100), "b".repeat(99));
        assert_eq!(exact.chars().count(), 200);
        assert_eq!(shorten_title(&exact, 200), exact);
        let over = format!("{exact}c");
        let cut = shorten_title(&over, 200);
        assert_eq!(cut, format!("{}…", "a".repeat(100)));
        assert!(cut.chars().count() <= 200);
    }

    #[test]
    fn multibyte_counts_chars() {
        let word = "Größenänderung"; // 14 chars, more bytes
        let title = [word; 14].join(" "); // 14*14 + 13 = 209 chars
        assert!(title.len() > 209);
        let cut = shorten_title(&title, 200);
        assert!(cut.chars().count() <= 200);
        assert!(cut.ends_with("Größenänderung…"));
        assert_eq!(cut, format!("{}…", [word; 13].join(" ")));
        let exact: String = "é".repeat(200);
        assert_eq!(shorten_title(&exact, 200), exact);
    }

    #[test]
    fn cut_at_word_boundary_and_trim_punctuation() {
        assert_eq!(
            shorten_title("Der Rat hat getagt, und dann ging er", 22),
            "Der Rat hat getagt…"
        );
        assert_eq!(shorten_title("Alpha beta gamma", 11), "Alpha beta…");
        assert_eq!(shorten_title("Alpha beta gamma", 10), "Alpha…");
        assert_eq!(shorten_title("Alpha — beta gamma", 10), "Alpha…");
        assert_eq!(shorten_title("Alpha: „beta gamma", 10), "Alpha…");
    }

    #[test]
    fn space_right_after_budget_is_a_boundary() {
        // "Alpha beta" is 10 chars; with the ellipsis it fills 11 exactly.
        assert_eq!(shorten_title("Alpha beta gamma", 11), "Alpha beta…");
    }

    #[test]
    fn single_long_word_cut_mid_word() {
        let cut = shorten_title("Donaudampfschifffahrtsgesellschaftskapitän", 10);
        assert_eq!(cut, "Donaudamp…");
        assert_eq!(cut.chars().count(), 10);
    }

    #[test]
    fn mid_word_cut_keeps_combining_marks() {
        let title = format!("{}e\u{301}xyz", "a".repeat(8)); // é as e + accent at 9..11
        assert_eq!(shorten_title(&title, 10), format!("{}…", "a".repeat(8)));
    }

    #[test]
    fn tiny_budgets() {
        assert_eq!(shorten_title("Alpha beta", 0), "");
        assert_eq!(shorten_title("Alpha beta", 1), "…");
        assert_eq!(shorten_title("Alpha beta", 2), "A…");
    }

    #[test]
    fn closing_quote_kept_at_cut() {
        assert_eq!(
            shorten_title("Das Lab „Causal Cell“ kooperiert mit Mila", 24),
            "Das Lab „Causal Cell“…"
        );
    }

    // --- robustness -------------------------------------------------------

    fn assert_substring(input: &str, out: &str) {
        let start = out.as_ptr() as usize;
        let base = input.as_ptr() as usize;
        assert!(
            out.is_empty() || (start >= base && start + out.len() <= base + input.len()),
            "{out:?} is not a slice of {input:?}"
        );
        assert!(input.contains(out));
    }

    #[test]
    fn odd_strings_never_panic() {
        let pieces = [
            "",
            " ",
            ".",
            "...",
            "…",
            "!",
            "?",
            "„",
            "“",
            "”",
            "\"",
            "«",
            "»",
            "‹",
            "›",
            "‚",
            "‘",
            "’",
            "(",
            ")",
            "A",
            "a",
            "1",
            "é",
            "e\u{301}",
            "\u{301}",
            "😀",
            "👩\u{200d}💻",
            "\n",
            "\u{a0}",
            "Dr",
            "z",
            "U.S",
            "4",
            "Mai",
            "der",
            "l’",
            "\u{feff}",
            "\u{200d}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    let out = first_sentence(&s);
                    assert_substring(&s, out);
                    assert_eq!(out, out.trim());
                    for max in 0..6 {
                        assert!(shorten_title(&s, max).chars().count() <= max);
                    }
                    let spaced = format!("{a}. {b} {c}. {a}");
                    assert_substring(&spaced, first_sentence(&spaced));
                    let _ = shorten_title(&spaced, 3);
                }
            }
        }
    }

    #[test]
    fn many_unmatched_marks_stay_fast() {
        let p = format!("{}. A. {}", "«".repeat(50_000), "(".repeat(50_000));
        let start = std::time::Instant::now();
        assert_substring(&p, first_sentence(&p));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn long_odd_strings_never_panic() {
        for s in [
            "„„„„„ “““““ Er. Sie.",
            "))))((((. A. B. C.",
            "'''\"\"\"‘’‘’. Oui. Non.",
            "😀. 😀! 😀? 😀…",
            "1. 2. 3. 4. 5.",
            "z. B. z. B. z. B.",
            "...........",
            "e\u{301}\u{301}\u{301}. E\u{301}.",
        ] {
            let out = first_sentence(s);
            assert_substring(s, out);
            for max in 0..40 {
                assert!(shorten_title(s, max).chars().count() <= max);
            }
        }
    }
}
