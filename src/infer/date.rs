//! Reading the date line of an article.
//!
//! Authors type dates the way their language and habits suggest, so a
//! strict single format would reject most real input. Instead this accepts
//! the handful of shapes newsrooms in de, fr, en, es and it actually use and,
//! when it gives up, tells the user which shapes would have worked.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// How an all-numeric slash date like 04/05/2021 is read.
///
/// Only slashes are ambiguous: dotted and dashed dates are day first
/// everywhere they are used, so this setting never affects them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 04/05/2021 is 4 May: the reading everywhere except North America.
    #[default]
    Dmy,
    /// 04/05/2021 is 5 April, for US-style sources.
    Mdy,
}

/// A date as written: a calendar day, a local date-time, or a full instant.
///
/// Days and local times are kept apart from instants so the caller, not this
/// parser, decides which time zone they belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParsedDate {
    /// Only a calendar day was written; its time zone is the caller's call.
    Day(NaiveDate),
    /// A date and time without offset (`2021-05-04 10:30`, as Hugo and many
    /// CMS exports write it); its time zone is the caller's call too.
    Local(NaiveDateTime),
    /// A date-time with an explicit offset, which is already unambiguous.
    Instant(DateTime<FixedOffset>),
    /// A date and time in a named region's zone (`10:30 a.m. ET`): whether
    /// summer time applies follows from the date, and a time that region's
    /// clocks skip or repeat is the caller's call, as for [`Self::Local`].
    Zoned(NaiveDateTime, Tz),
}

/// Shown after every "cannot read" message so the user can fix the input
/// without looking up documentation.
const HINT: &str = "write e.g. 04.05.2021, 2021-05-04 or 4 May 2021";

/// [`HINT`] for a line with a time, which the user would lose by writing
/// a date alone.
const TIME_HINT: &str = "write e.g. 2021-05-04 09:30 -05:00 or 4 May 2021, 9:30 EST";

/// Parse one date line.
///
/// Errors are full sentences meant for the end user: they quote the input
/// as written (the user searches for it) and name the impossible part, or
/// the part after a readable date that was not understood, or list the
/// accepted forms.
pub fn parse_date(text: &str, order: DateOrder) -> Result<ParsedDate, String> {
    read_date(text, order).map_err(|told| told.unwrap_or_else(|| not_read(date_part(text), order)))
}

/// The part of a line that is its date: without a label, an update, or
/// the space and byte order mark around it.
fn date_part(text: &str) -> &str {
    let written = text.trim().trim_start_matches('\u{feff}').trim();
    let written = publication_after_update(written);
    let written = without_time_label(written);
    without_update_clause(written)
}

/// [`parse_date`], with `Err(None)` where no reader recognised the line:
/// the readers try each other on parts of it, and only the whole line's
/// failure is worth explaining.
fn read_date(text: &str, order: DateOrder) -> Result<ParsedDate, Option<String>> {
    let written = date_part(text);
    if let Some(parsed) = east_asian_date(written) {
        return parsed.map_err(Some);
    }
    // "12 de mayo de 2021 (13:05)": the time in brackets.
    if let Some((date, inner)) = bracketed_end(written) {
        if inner.starts_with(|c: char| c.is_ascii_digit()) && inner.contains(':') {
            if let Ok(parsed) = read_date(&format!("{date}, {inner}"), order) {
                return Ok(parsed);
            }
        }
    }
    // "3:45 PM EST, March 3, 2025": AP puts the time first. A time after
    // the comma too (`10:30, 11:00`) is none before a date, and turning
    // such a line round would turn it back, without end.
    if let Some((time, date)) = written.split_once(", ") {
        let is_clock = |part: &str| {
            part.starts_with(|c: char| c.is_ascii_digit())
                && part.contains(':')
                && part.split_whitespace().count() <= 3
        };
        let after = date.split(", ").next().unwrap_or(date);
        if is_clock(time) && !is_clock(after) {
            if let Ok(parsed) = read_date(&format!("{date}, {time}"), order) {
                return Ok(parsed);
            }
        }
    }
    // Editors add a final period ("4. Mai 2021.") that carries no meaning.
    let cleaned = written.strip_suffix('.').unwrap_or(written).trim_end();
    if cleaned.is_empty() {
        return Err(Some(format!("the date is empty; {HINT}")));
    }
    if let Some(result) = parse_date_time(cleaned, written) {
        return result.map_err(Some);
    }
    // ISO 8601's basic form, as archive systems stamp files.
    if cleaned.len() == 8 && cleaned.bytes().all(|b| b.is_ascii_digit()) {
        let number = |range: std::ops::Range<usize>| cleaned[range].parse().unwrap_or(0);
        return validate(number(0..4), number(4..6), number(6..8), written, None)
            .map(ParsedDate::Day)
            .map_err(Some);
    }
    let tokens = tokenize(cleaned);
    // A leading weekday is decoration, but some weekday abbreviations
    // ("mar", "Mo") are also month prefixes, so try the whole line first
    // and only then the line without its first word.
    let mut candidates: Vec<&[Token]> = vec![&tokens];
    if let Some(rest) = skip_weekday(&tokens) {
        candidates.push(rest);
    }
    for toks in candidates {
        if let Some(result) = parse_numeric(toks, written, order) {
            return result.map(ParsedDate::Day).map_err(Some);
        }
        if let Some((day, month, year)) = parse_written(toks) {
            return validate(year, month, day, written, None)
                .map(ParsedDate::Day)
                .map_err(Some);
        }
    }
    // Exports write the time after the day ("04.05.2021, 10:30 Uhr") and
    // press releases a place before it ("MADRID, 4 de mayo de 2021").
    // French typography puts a no-break space (U+00A0, or the narrow
    // U+202F) before `h` and around `à`; the word matching below is on
    // plain spaces, which the tokens of the date never tell apart anyway.
    let cleaned = &cleaned.replace(['\u{a0}', '\u{202f}'], " ");
    if let Some((date, time, zone)) = split_trailing_time(cleaned) {
        if let Ok(ParsedDate::Day(day)) = read_date(date, order) {
            let local = day.and_time(time);
            match zone {
                None => return Ok(ParsedDate::Local(local)),
                Some(Zone::Region(tz)) => return Ok(ParsedDate::Zoned(local, tz)),
                Some(Zone::Fixed(offset)) => {
                    if let Some(instant) = offset.from_local_datetime(&local).single() {
                        return Ok(ParsedDate::Instant(instant));
                    }
                }
            }
        }
    }
    if let Some((place, date)) = cleaned.split_once(", ") {
        let is_place = !place.is_empty()
            && place.split_whitespace().count() <= 3
            && place
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''));
        if is_place {
            // "Madrid, a 4 de marzo de 2024", as Spanish letters date.
            let date = date.strip_prefix("a ").unwrap_or(date);
            if let Ok(parsed) = read_date(date, order) {
                return Ok(parsed);
            }
        }
    }
    // Agency copy signs after the date: "MADRID, 4 de mayo de 2024 (EFE)";
    // a zone in brackets is a zone ("10:30 (UTC)"), and any other word of
    // time ("(Eastern Time)", "(Ortszeit)") is no agency: refused, never
    // dropped, since the time would then be read in another zone.
    if let Some((date, name)) = bracketed_end(cleaned) {
        if zone_named(name).is_some() {
            if let Ok(parsed) = read_date(&format!("{date} {name}"), order) {
                return Ok(parsed);
            }
        } else if is_agency(name) {
            if let Ok(parsed) = read_date(date, order) {
                return Ok(parsed);
            }
        }
    }
    // "Updated 10:12 AM ET Dec. 8, 2026": the time first, as AP writes it,
    // but without the comma. Only a date that opens as one (a day, a month
    // or a weekday) may follow, so that an unknown word after the time
    // (`10:12 AM XYZ, Dec. 8`) is never taken for a place and dropped.
    let clock_first = cleaned.split_whitespace().next().is_some_and(|clock| {
        clock.starts_with(|c: char| c.is_ascii_digit()) && clock.contains(':')
    });
    if clock_first {
        // The time is the first one, two or three words, as with the comma.
        let word_starts = cleaned
            .char_indices()
            .filter(|&(at, c)| !c.is_whitespace() && cleaned[..at].ends_with(char::is_whitespace))
            .map(|(at, _)| at)
            .take(3);
        for at in word_starts {
            let (time, date) = cleaned.split_at(at);
            let time = time.trim_end();
            let first = date.split_whitespace().next().unwrap_or_default();
            let opens_a_date = first.starts_with(|c: char| c.is_ascii_digit())
                || names_a_day_or_month(first.trim_end_matches([',', '.']));
            if opens_a_date && !time.ends_with(',') {
                if let Ok(parsed) = read_date(&format!("{date}, {time}"), order) {
                    return Ok(parsed);
                }
            }
        }
    }
    Err(None)
}

/// Why no reader recognised `written`. When it opens with a date, or a
/// date and time, that reads alone, what follows is the part to change,
/// and a word after a time is most likely a zone; else the forms that
/// would have worked.
fn not_read(written: &str, order: DateOrder) -> String {
    let line = written.replace(['\u{a0}', '\u{202f}'], " ");
    let separator =
        |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|' | '·' | '•' | '–' | '—');
    // The longest opening that reads, cut at a space; a dozen words after
    // a date are a sentence, not a mistyped time.
    let opening = line.match_indices(' ').rev().take(12).find_map(|(at, _)| {
        let head = line[..at].trim_end_matches(separator);
        Some((head, read_date(head, order).ok()?, &line[at..]))
    });
    let Some((head, reading, rest)) = opening else {
        return format!("cannot read `{written}` as a date; {HINT}");
    };
    // `– 19:10`: a separator of its own is no part of what was not read.
    let mut rest = rest.trim();
    while let Some((word, after)) = rest.split_once(' ') {
        if !word.chars().all(separator) {
            break;
        }
        rest = after.trim_start();
    }
    let zone = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => Some(inner.trim()),
        None => (rest.starts_with(|c: char| c.is_ascii_uppercase())
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | ':')))
        .then_some(rest),
    };
    if let (ParsedDate::Local(_), Some(zone)) = (reading, zone) {
        return format!(
            "cannot read `{written}` as a date: `{zone}` is no time zone babelfeed knows; {TIME_HINT}"
        );
    }
    // The advice keeps the time the line gave, or meant to give.
    let timed = !matches!(reading, ParsedDate::Day(_))
        || rest.contains(|c: char| c.is_ascii_digit())
        || zone.and_then(zone_named).is_some();
    let hint = if timed { TIME_HINT } else { HINT };
    format!("cannot read `{written}` as a date: the date `{head}` was read, but not `{rest}` after it; {hint}")
}

/// The line without a news agency's name in brackets at its end: `(EFE)`,
/// `(dpa)`, `(AFP)`, `(ANSA)`, `(dpa/lnw)`, `(Reuters)`. Agencies are many
/// and regional services come and go, so any short name of letters is one;
/// a bracket with digits (`(aktualisiert 05.05.2021)`) is another date, not
/// a signature, and stays an error.
fn is_agency(name: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "time", "zeit", "heure", "hora", "ora", "local", "ortszeit", "uhr", "gmt", "utc",
    ];
    let lower = name.to_lowercase();
    (1..=30).contains(&name.chars().count())
        && name.split_whitespace().count() <= 3
        && name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '-' | '.' | '&'))
        && !lower
            .split(|c: char| !c.is_alphabetic())
            .any(|word| TIME_WORDS.contains(&word) || word.ends_with("zeit"))
}

/// A Chinese, Japanese or Korean date: `2024年3月12日`, `2024년 3월 12일`,
/// with a weekday in brackets (`（火）`) and a time (`10:30`) after it.
fn east_asian_date(text: &str) -> Option<Result<ParsedDate, String>> {
    let mut rest = text;
    let mut number = |marks: &[char]| -> Option<u64> {
        let digits = rest.trim_start();
        let end = digits.find(|c: char| !c.is_ascii_digit())?;
        let value = digits[..end].parse().ok()?;
        let after = digits[end..].trim_start();
        let mark = after.chars().next().filter(|c| marks.contains(c))?;
        rest = &after[mark.len_utf8()..];
        Some(value)
    };
    let year = number(&['年', '년'])?;
    let month = number(&['月', '월'])?;
    let day = number(&['日', '일'])?;
    let mut rest = rest.trim_start();
    // A weekday in brackets: `（火）`, `(화)`.
    if let Some(inner) = rest.strip_prefix(['（', '(']) {
        let close = inner.find(['）', ')'])?;
        rest = inner[close..].trim_start_matches(['）', ')']).trim_start();
    }
    let date = match validate(year, month, day, text, None) {
        Ok(date) => date,
        Err(e) => return Some(Err(e)),
    };
    if rest.is_empty() {
        return Some(Ok(ParsedDate::Day(date)));
    }
    let (h, m, s) = read_clock(rest, false)?;
    let time = NaiveTime::from_hms_opt(h, m, s)?;
    Some(Ok(ParsedDate::Local(date.and_time(time))))
}

/// A line ending in a bracket: what comes before it, and what it holds.
fn bracketed_end(s: &str) -> Option<(&str, &str)> {
    let (date, name) = s.strip_suffix(')')?.rsplit_once('(')?;
    let date = date.trim_end();
    (!date.is_empty()).then_some((date, name.trim()))
}

/// A date followed by a time of day: `4.5.2021 10:30`, `04.05.2021, 10:30
/// Uhr`, `4 mai 2021 à 10h30`, `May 4, 2021 at 2:30 p.m.`. The words
/// between are what the languages of the contract put there, and the
/// separators of web page templates (`4 maggio 2024 | 18:45`,
/// `4. Mai 2024 · 10:30 Uhr`), which exports copy as they are. A zone after
/// the time (`10:30 EDT`, `14.30 Uhr MEZ`) comes back as its offset.
fn split_trailing_time(s: &str) -> Option<(&str, NaiveTime, Option<Zone>)> {
    const BETWEEN: &[&str] = &[
        ",", " um", " at", " à", " alle", " ore", " a las", " a la", " al", " a", " às", " as",
        " om", " -", " –", " —", " |", " ·", " •", " /",
    ];
    let mut rest = s.trim_end();
    let mut zone = None;
    // A zone is a word (`EDT`) or a phrase (`hora del centro de México`).
    let spaces = rest.rmatch_indices(' ').map(|(at, _)| at);
    for at in spaces.take(ZONE_WORDS) {
        if let Some(found) = zone_named(&rest[at + 1..]) {
            zone = Some(found);
            rest = rest[..at].trim_end();
            break;
        }
    }
    let (mut head, time) = match split_noon_or_midnight(rest) {
        Some(found) => found,
        None => split_time(rest)?,
    };
    while let Some(stripped) = BETWEEN.iter().find_map(|word| head.strip_suffix(word)) {
        head = stripped.trim_end();
    }
    (!head.is_empty()).then_some((head, time, zone))
}

/// A written time at the end of `s` (`10:30`, `10:30 Uhr`, `2:30 p.m.`,
/// `14 h 30`) and the text before it.
fn split_time(s: &str) -> Option<(&str, NaiveTime)> {
    const AFTER: &[&str] = &[
        " Uhr", " uhr", " h", " hrs", " hs", " horas", " heures", " heure", " uur",
    ];
    let mut rest = s;
    let meridiem = strip_meridiem(rest).map(|(head, pm)| {
        rest = head;
        pm
    });
    let mut unit = meridiem.is_some();
    // Spanish abbreviates the hours with a period (`15:00 hrs.`, `16 hs.`),
    // which a zone after them (`hrs. CST`) keeps from ending the line.
    let abbreviated = rest.strip_suffix('.').unwrap_or(rest);
    for suffix in AFTER {
        if let Some(stripped) = abbreviated.strip_suffix(suffix) {
            rest = stripped.trim_end();
            unit = true;
            break;
        }
    }
    let (head, (mut hour, minute, second)) = split_clock(rest, unit)?;
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        // 12 a.m. is midnight and 12 p.m. noon.
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    Some((head, NaiveTime::from_hms_opt(hour, minute, second)?))
}

/// `noon` and `midnight`, which American style (AP) writes instead of
/// 12 p.m. and 12 a.m. because those confuse readers, also as `12 noon`,
/// and the other languages' words for them (`midi`, `12 Uhr mittags`,
/// `Mitternacht`, `mezzogiorno`, `medianoche`). Midnight is 00:00, the start of the
/// date it follows, as 12 a.m. is: the date line names the day the
/// article belongs to.
fn split_noon_or_midnight(s: &str) -> Option<(&str, NaiveTime)> {
    const NAMED: &[(&str, u32)] = &[
        ("noon", 12),
        ("midday", 12),
        ("midi", 12),
        ("mittag", 12),
        ("mittags", 12),
        ("mezzogiorno", 12),
        ("mediodía", 12),
        ("midnight", 0),
        ("minuit", 0),
        ("mitternacht", 0),
        ("mezzanotte", 0),
        ("medianoche", 0),
    ];
    let (head, word) = s.rsplit_once(char::is_whitespace)?;
    let &(_, hour) = NAMED
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))?;
    let head = head.trim_end();
    // `12 Uhr mittags`, `12 noon`: the hour only says it again.
    let head = head.strip_suffix(" Uhr").map_or(head, str::trim_end);
    let head = head.strip_suffix(" 12").map_or(head, str::trim_end);
    Some((head, NaiveTime::from_hms_opt(hour, 0, 0)?))
}

/// The time of day that ends `s`, and the text before it. `hour_word`
/// says a word after the time (`Uhr`, `p.m.`) made a bare number an hour.
fn split_clock(s: &str, hour_word: bool) -> Option<(&str, (u32, u32, u32))> {
    let (head, clock) = s.rsplit_once(char::is_whitespace)?;
    if let Some(found) = spaced_hour_sign(head, clock) {
        return Some(found);
    }
    let head = head.trim_end();
    let time = read_clock(clock, hour_word || head.ends_with(" ore"))?;
    Some((head, time))
}

/// `14 h 30`: French typography (Imprimerie nationale) sets the hour sign
/// apart from both numbers, so one time is three words. `head` is the text
/// before the minutes.
fn spaced_hour_sign<'a>(head: &'a str, minutes: &str) -> Option<(&'a str, (u32, u32, u32))> {
    let minute = clock_number(minutes, 2..=2)?;
    let (head, sign) = head.trim_end().rsplit_once(char::is_whitespace)?;
    if sign != "h" {
        return None;
    }
    let (head, hour) = head.trim_end().rsplit_once(char::is_whitespace)?;
    let hour = clock_number(hour, 1..=2)?;
    Some((head.trim_end(), (hour, minute, 0)))
}

/// A zone written after a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// An offset, or an abbreviation that names one (`EDT`, `UTC+2`).
    Fixed(FixedOffset),
    /// A zone named without saying summer or winter (`ET`, `hora del
    /// centro`).
    Region(Tz),
}

/// Zones named without saying summer or winter, which the date decides by
/// the rules of the zone's main city.
///
/// US newsrooms write `10:30 a.m. ET` all year, leaving EST or EDT to the
/// date. `MT` is Denver's, with summer time (Arizona, which has none,
/// writes `MST`). Abbreviations are upper case only: `et` is French for
/// "and".
///
/// Spanish names the zone in words, folded here as [`fold_into`] folds and
/// matched on their letters alone, so `EE. UU.` is `EE.UU.`. Unqualified,
/// `hora del centro` is Mexico's, whose law names its zone so (`tiempo del
/// centro`); the US Central zone is read only as `hora del centro de
/// EE.UU.` (or `de Estados Unidos`). `hora del
/// Pacífico` alone is refused, not guessed: Mexico's Pacific zone (-07:00
/// all year since 2022) and the US one (-08:00 in winter) are both written
/// so, and differ by an hour every winter. `hora local` names no zone.
const REGIONS: &[(&str, Tz)] = &[
    ("ET", chrono_tz::America::New_York),
    ("CT", chrono_tz::America::Chicago),
    ("MT", chrono_tz::America::Denver),
    ("PT", chrono_tz::America::Los_Angeles),
    ("hora del este", chrono_tz::America::New_York),
    ("hora del este de eeuu", chrono_tz::America::New_York),
    (
        "hora del este de estados unidos",
        chrono_tz::America::New_York,
    ),
    ("hora del centro de eeuu", chrono_tz::America::Chicago),
    (
        "hora del centro de estados unidos",
        chrono_tz::America::Chicago,
    ),
    ("hora del pacifico de eeuu", chrono_tz::America::Los_Angeles),
    (
        "hora del pacifico de estados unidos",
        chrono_tz::America::Los_Angeles,
    ),
    ("hora del centro", chrono_tz::America::Mexico_City),
    ("hora del centro de mexico", chrono_tz::America::Mexico_City),
    ("hora del centro del pais", chrono_tz::America::Mexico_City),
    ("tiempo del centro", chrono_tz::America::Mexico_City),
    (
        "tiempo del centro de mexico",
        chrono_tz::America::Mexico_City,
    ),
    ("hora de ciudad de mexico", chrono_tz::America::Mexico_City),
    (
        "hora de la ciudad de mexico",
        chrono_tz::America::Mexico_City,
    ),
    ("hora del pacifico de mexico", chrono_tz::America::Mazatlan),
    ("tiempo del pacifico", chrono_tz::America::Mazatlan),
];

/// The most words a zone's name in [`REGIONS`] has.
const ZONE_WORDS: usize = 6;

/// The zone a word or phrase after a time names: an offset of
/// [`zone_offset`] or a region of [`REGIONS`].
fn zone_named(name: &str) -> Option<Zone> {
    if let Some(offset) = zone_offset(name).and_then(FixedOffset::east_opt) {
        return Some(Zone::Fixed(offset));
    }
    let phrase = name.contains(char::is_whitespace).then(|| {
        let mut folded = String::new();
        name.chars().for_each(|c| fold_into(c, &mut folded));
        folded
    });
    let letters = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
    };
    let phrase = phrase.as_deref().map(letters);
    REGIONS
        .iter()
        .find(|(region, _)| match &phrase {
            None => *region == name,
            Some(phrase) => letters(region) == *phrase,
        })
        .map(|&(_, tz)| Zone::Region(tz))
}

/// Zone abbreviations with one meaning in the news of the contract's
/// languages, and their hours from UTC. Ambiguous ones (IST: India, Israel
/// or Ireland; AST: the Atlantic's or Arabia's) are missing on purpose:
/// refused, not guessed. Hawaii keeps no summer time.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 1),
    ("BST", 1),
    ("CET", 1),
    ("MEZ", 1),
    ("CEST", 2),
    ("MESZ", 2),
    ("EET", 2),
    ("EEST", 3),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("AKST", -9),
    ("AKDT", -8),
    ("HST", -10),
];

/// The offset in seconds of a zone written after a time: an abbreviation
/// of [`ZONES`], UTC or GMT with hours (`UTC+2`, `GMT-05:00`), or the
/// offset alone (`-05:00`, `+0200`, `-03`) with ISO 8601's two-digit hour.
fn zone_offset(word: &str) -> Option<i32> {
    let (name, offset) = word.split_at(word.find(['+', '-']).unwrap_or(word.len()));
    let hour_widths = if name.is_empty() {
        2..=2
    } else {
        let &(_, hours) = ZONES
            .iter()
            .find(|(zone, _)| zone.eq_ignore_ascii_case(name))?;
        if offset.is_empty() {
            return Some(hours * 3600);
        }
        if !(name.eq_ignore_ascii_case("utc") || name.eq_ignore_ascii_case("gmt")) {
            return None;
        }
        1..=2
    };
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits = offset.get(1..)?;
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at_checked(2)?,
        None => (digits, "00"),
    };
    let (h, m) = (clock_number(h, hour_widths)?, clock_number(m, 2..=2)?);
    (h <= 23 && m <= 59).then_some(sign * (h * 3600 + m * 60) as i32)
}

/// `a.m.` or `p.m.` after a time, however it is spelt (`PM`, `p.m`, glued
/// as in `2pm`): the text before it and whether it is p.m.
fn strip_meridiem(s: &str) -> Option<(&str, bool)> {
    let s = s.trim_end_matches('.').strip_suffix(['m', 'M'])?;
    // Spanish spaces it: "12:00 a. m.".
    let s = s.trim_end().trim_end_matches('.');
    let (head, pm) = match s.strip_suffix(['p', 'P']) {
        Some(head) => (head, true),
        None => (s.strip_suffix(['a', 'A'])?, false),
    };
    let head = head.trim_end();
    head.ends_with(|c: char| c.is_ascii_digit())
        .then_some((head, pm))
}

/// `10:30`, `10:30:15`, `10h30`, `14.30` (German), and a bare hour (`9h`,
/// or `9` when a word around it such as `Uhr` or `ore` says it is one): a
/// number alone after a date could be anything.
fn read_clock(text: &str, hour_word: bool) -> Option<(u32, u32, u32)> {
    let (text, hour_word) = match text.strip_suffix('h') {
        Some(hour) => (hour, true),
        None => (text, hour_word),
    };
    let mut parts = text.split([':', 'h', '.']);
    let hour = clock_number(parts.next()?, 1..=2)?;
    let minute = match parts.next() {
        Some(minute) => clock_number(minute, 2..=2)?,
        None if hour_word => 0,
        None => return None,
    };
    let second = match parts.next() {
        Some(second) => clock_number(second, 2..=2)?,
        None => 0,
    };
    parts.next().is_none().then_some((hour, minute, second))
}

/// A part of a time or an offset: only digits, as many as `widths` allows.
fn clock_number(digits: &str, widths: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (widths.contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits_value(digits.as_bytes()) as u32)
}

// ---------------------------------------------------------------------------
// Date-times
// ---------------------------------------------------------------------------

/// Returns `None` when the text does not even start like an ISO date-time,
/// so the other readers get their turn; once it does, every failure is
/// reported here because the user clearly meant a date-time.
fn parse_date_time(s: &str, written: &str) -> Option<Result<ParsedDate, String>> {
    let b = s.as_bytes();
    let looks_like = b.len() >= 12
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && matches!(b[10], b'T' | b't' | b' ')
        && b[11].is_ascii_digit();
    if !looks_like {
        return None;
    }
    let bad = || {
        format!(
            "cannot read `{written}` as a date-time; write e.g. 2021-05-04T09:30:00+02:00 \
             or 2021-05-04T09:30:00Z, or just the day as 2021-05-04"
        )
    };
    let mut cur = Cursor { b, pos: 11 };
    let Some(fields) = read_time_fields(&mut cur) else {
        return Some(Err(bad()));
    };
    let (offset, region) = match read_offset(&mut cur) {
        OffsetRead::Missing => (None, None),
        OffsetRead::Invalid => return Some(Err(bad())),
        OffsetRead::Found(secs) => (Some(secs), None),
        OffsetRead::Region(tz) => (None, Some(tz)),
    };
    if cur.pos != b.len() {
        return Some(Err(bad()));
    }
    let year = digits_value(&b[..4]);
    let month = digits_value(&b[5..7]);
    let day = digits_value(&b[8..10]);
    let date = match validate(year, month, day, written, None) {
        Ok(date) => date,
        Err(e) => return Some(Err(e)),
    };
    let TimeFields {
        hour,
        minute,
        second,
        nano,
    } = fields;
    if hour > 23 || minute > 59 || second > 60 {
        return Some(Err(format!(
            "`{written}` is not a valid time ({hour:02}:{minute:02}:{second:02} is out of range)"
        )));
    }
    // chrono spells a leap second as second 59 with an extra second of nanos.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nano)
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nano)
    };
    let Some(local) = time.map(|time| NaiveDateTime::new(date, time)) else {
        return Some(Err(bad()));
    };
    if let Some(tz) = region {
        return Some(Ok(ParsedDate::Zoned(local, tz)));
    }
    let Some(offset) = offset else {
        return Some(Ok(ParsedDate::Local(local)));
    };
    let instant = FixedOffset::east_opt(offset)
        .and_then(|offset| offset.from_local_datetime(&local).single());
    Some(instant.map(ParsedDate::Instant).ok_or_else(bad))
}

struct TimeFields {
    hour: u32,
    minute: u32,
    second: u32,
    nano: u32,
}

/// Reads `HH:MM[:SS[.frac]]`; seconds are optional because people write
/// "2021-05-04 09:30" far more often than RFC 3339 would like.
fn read_time_fields(cur: &mut Cursor) -> Option<TimeFields> {
    let hour = cur.digits(1, 2)?;
    if !cur.eat(b':') {
        return None;
    }
    let minute = cur.digits(2, 2)?;
    let mut second = 0;
    let mut nano = 0;
    if cur.eat(b':') {
        second = cur.digits(2, 2)?;
        if cur.eat(b'.') || cur.eat(b',') {
            let start = cur.pos;
            let mut scale = 100_000_000u32;
            while let Some(d) = cur.peek().filter(u8::is_ascii_digit) {
                // Digits beyond nanoseconds cannot be represented; drop them.
                nano += u32::from(d - b'0') * scale;
                scale /= 10;
                cur.pos += 1;
            }
            if cur.pos == start {
                return None;
            }
        }
    }
    Some(TimeFields {
        hour,
        minute,
        second,
        nano,
    })
}

enum OffsetRead {
    Missing,
    Invalid,
    Found(i32),
    Region(Tz),
}

fn read_offset(cur: &mut Cursor) -> OffsetRead {
    // Allow one space before the zone ("09:30 +02:00", "09:30 UTC").
    let before = cur.pos;
    cur.eat(b' ');
    let rest = std::str::from_utf8(&cur.b[cur.pos..]).ok();
    if let Some(secs) = rest.and_then(zone_offset) {
        cur.pos = cur.b.len();
        return OffsetRead::Found(secs);
    }
    if let Some(Zone::Region(tz)) = rest.and_then(zone_named) {
        cur.pos = cur.b.len();
        return OffsetRead::Region(tz);
    }
    let sign = match cur.peek() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        None if cur.pos == before => return OffsetRead::Missing,
        _ => return OffsetRead::Invalid,
    };
    cur.pos += 1;
    let Some(hours) = cur.digits(2, 2) else {
        return OffsetRead::Invalid;
    };
    // "+02", "+0200" and "+02:00" are all in use.
    let colon = cur.eat(b':');
    let minutes = if colon || cur.peek().is_some() {
        cur.digits(2, 2)
    } else {
        Some(0)
    };
    match minutes {
        Some(minutes) if hours <= 23 && minutes <= 59 => {
            let secs = (hours * 3600 + minutes * 60) as i32;
            OffsetRead::Found(sign * secs)
        }
        _ => OffsetRead::Invalid,
    }
}

/// A byte cursor: everything a date-time may contain is ASCII, so indexing
/// bytes is safe and any non-ASCII byte simply fails to match.
struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.pos;
        while self.pos - start < max && self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos - start < min {
            self.pos = start;
            return None;
        }
        Some(digits_value(&self.b[start..self.pos]) as u32)
    }
}

/// Saturates instead of overflowing so absurd inputs still reach the
/// range check and get a readable message.
fn digits_value(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |acc, d| {
        acc.saturating_mul(10)
            .saturating_add(u64::from(d.wrapping_sub(b'0')))
    })
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// Lowercased and accent-folded, so tables need one spelling per name.
    Word(String),
    Num {
        value: u64,
        digits: usize,
    },
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    tok: Tok,
    /// Whether whitespace preceded it: "04.05.2021" must be written
    /// without gaps, while "4. Mai" needs the gap before the month.
    spaced: bool,
}

fn tokenize(s: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = s.chars().peekable();
    let mut spaced = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            spaced = true;
            chars.next();
            continue;
        }
        let tok = if c.is_ascii_digit() {
            let mut value = 0u64;
            let mut digits = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                value = value.saturating_mul(10).saturating_add(u64::from(d));
                digits += 1;
                chars.next();
            }
            Tok::Num { value, digits }
        } else if is_word_char(c) {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| is_word_char(**c)) {
                fold_into(c, &mut word);
                chars.next();
            }
            Tok::Word(word)
        } else {
            chars.next();
            Tok::Punct(c)
        };
        tokens.push(Token { tok, spaced });
        spaced = false;
    }
    tokens
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Decomposed text ("Ma\u{308}rz") arrives from some macOS tools; the marks
/// must stay inside the word instead of splitting it.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}')
}

/// Folds case and accents so "März", "Maerz", "MÄRZ" and "Ma\u{308}rz" all
/// meet the same table entry; umlauts become "e" digraphs because that is
/// how German writes them without the dots.
fn fold_into(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        let folded: &str = match lower {
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' => "a",
            'ä' | 'æ' => "ae",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ö' | 'œ' => "oe",
            'ù' | 'ú' | 'û' => "u",
            'ü' => "ue",
            'ß' => "ss",
            '\u{308}' => "e",
            c if is_combining_mark(c) => "",
            c => {
                out.push(c);
                continue;
            }
        };
        out.push_str(folded);
    }
}

// ---------------------------------------------------------------------------
// Numeric dates
// ---------------------------------------------------------------------------

fn parse_numeric(
    toks: &[Token],
    text: &str,
    order: DateOrder,
) -> Option<Result<NaiveDate, String>> {
    let [a, s1, b, s2, c] = toks else {
        return None;
    };
    if [s1, b, s2].iter().any(|t| t.spaced) {
        return None;
    }
    let (
        Tok::Num {
            value: av,
            digits: ad,
        },
        Tok::Punct(sep),
        Tok::Num {
            value: bv,
            digits: bd,
        },
    ) = (&a.tok, &s1.tok, &b.tok)
    else {
        return None;
    };
    let (
        Tok::Punct(sep2),
        Tok::Num {
            value: cv,
            digits: cd,
        },
    ) = (&s2.tok, &c.tok)
    else {
        return None;
    };
    if sep != sep2 || !matches!(sep, '.' | '/' | '-') || !(1..=2).contains(bd) {
        return None;
    }
    if c.spaced && !year_may_stand_apart(*sep, *ad) {
        return None;
    }
    if *ad == 4 && (1..=2).contains(cd) {
        return Some(validate(*av, *bv, *cv, text, None));
    }
    if !(1..=2).contains(ad) {
        return None;
    }
    if *cd == 2 {
        return Some(Err(format!(
            "`{text}` has a two-digit year, which could be any century; \
             write the full year, e.g. 04.05.2021"
        )));
    }
    let month_first = *sep == '/' && order == DateOrder::Mdy;
    let note = match (*sep, month_first) {
        ('/', true) => Some("slash dates are read as month/day/year"),
        ('/', false) => Some("slash dates are read as day/month/year"),
        _ => None,
    };
    let (day, month) = if month_first { (*bv, *av) } else { (*av, *bv) };
    Some(validate(*cv, month, day, text, note))
}

/// German writes day and month as a unit ("am 04.05.") and many editors
/// then type a space before the year: `04.05. 2021` is 4 May 2021. Only
/// that gap is allowed, and only in dotted day-first dates; `04. 05. 2021`
/// or `2021.05. 04` are not a way anyone writes a date.
fn year_may_stand_apart(sep: char, first_digits: usize) -> bool {
    sep == '.' && (1..=2).contains(&first_digits)
}

// ---------------------------------------------------------------------------
// Written-out dates
// ---------------------------------------------------------------------------

/// Folded full month names of de, fr, en, es and it, and of nl and pt,
/// which a site may detect too. Abbreviations are not
/// listed: any unambiguous prefix of three or more letters is accepted, which
/// covers "Sept.", "févr.", "genn." and "dic." without a second table.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("januar", 1),
    ("jaenner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("janeiro", 1),
    ("february", 2),
    ("februar", 2),
    ("feber", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("march", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("marco", 3),
    ("april", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maio", 5),
    ("june", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("july", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("october", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dezember", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    // Beyond the contract's languages, as written in a date (genitive
    // where the language declines the month), folded as `fold_into`
    // folds: Swedish, Danish and Norwegian; Polish; Czech; Turkish;
    // Russian; Ukrainian; Greek.
    ("maj", 5),
    ("augusti", 8),
    ("desember", 12),
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eyluel", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
];

/// Abbreviations that are not prefixes of any full name.
const MONTH_EXTRAS: &[(&str, u32)] = &[("mrz", 3), ("mrt", 3)];

/// Folded weekday names of the languages whose months are read, with the
/// day each is. Portuguese says "segunda-feira" …; its "sábado" and
/// "domingo" are Spanish too.
const WEEKDAYS: &[(&str, chrono::Weekday)] = &[
    ("monday", chrono::Weekday::Mon),
    ("montag", chrono::Weekday::Mon),
    ("lundi", chrono::Weekday::Mon),
    ("lunes", chrono::Weekday::Mon),
    ("lunedi", chrono::Weekday::Mon),
    ("maandag", chrono::Weekday::Mon),
    ("segunda", chrono::Weekday::Mon),
    ("tuesday", chrono::Weekday::Tue),
    ("dienstag", chrono::Weekday::Tue),
    ("mardi", chrono::Weekday::Tue),
    ("martes", chrono::Weekday::Tue),
    ("martedi", chrono::Weekday::Tue),
    ("dinsdag", chrono::Weekday::Tue),
    ("terca", chrono::Weekday::Tue),
    ("wednesday", chrono::Weekday::Wed),
    ("mittwoch", chrono::Weekday::Wed),
    ("mercredi", chrono::Weekday::Wed),
    ("miercoles", chrono::Weekday::Wed),
    ("mercoledi", chrono::Weekday::Wed),
    ("woensdag", chrono::Weekday::Wed),
    ("quarta", chrono::Weekday::Wed),
    ("thursday", chrono::Weekday::Thu),
    ("donnerstag", chrono::Weekday::Thu),
    ("jeudi", chrono::Weekday::Thu),
    ("jueves", chrono::Weekday::Thu),
    ("giovedi", chrono::Weekday::Thu),
    ("donderdag", chrono::Weekday::Thu),
    ("quinta", chrono::Weekday::Thu),
    ("friday", chrono::Weekday::Fri),
    ("freitag", chrono::Weekday::Fri),
    ("vendredi", chrono::Weekday::Fri),
    ("viernes", chrono::Weekday::Fri),
    ("venerdi", chrono::Weekday::Fri),
    ("vrijdag", chrono::Weekday::Fri),
    ("sexta", chrono::Weekday::Fri),
    ("saturday", chrono::Weekday::Sat),
    ("samstag", chrono::Weekday::Sat),
    ("sonnabend", chrono::Weekday::Sat),
    ("samedi", chrono::Weekday::Sat),
    ("sabado", chrono::Weekday::Sat),
    ("sabato", chrono::Weekday::Sat),
    ("zaterdag", chrono::Weekday::Sat),
    ("sunday", chrono::Weekday::Sun),
    ("sonntag", chrono::Weekday::Sun),
    ("dimanche", chrono::Weekday::Sun),
    ("domingo", chrono::Weekday::Sun),
    ("domenica", chrono::Weekday::Sun),
    ("zondag", chrono::Weekday::Sun),
];

/// Words that may stand before the day ("the 4th", "le 4 mai", "am 4. Mai").
const ARTICLES: &[&str] = &["the", "on", "le", "el", "il", "am", "den", "der"];

/// Ordinal markers written after the day number: en "4th", fr "1er",
/// es "1º"/"1.º", it "1°" (the degree sign is a separate punct token).
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er", "re", "e", "o", "a", "º", "ª"];

fn month_number(word: &str) -> Option<u32> {
    if let Some(&(_, m)) = MONTHS
        .iter()
        .chain(MONTH_EXTRAS)
        .find(|(name, _)| *name == word)
    {
        return Some(m);
    }
    if word.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for &(name, m) in MONTHS {
        if name.starts_with(word) {
            match found {
                None => found = Some(m),
                // "jui" could be juin or juillet: refuse to guess.
                Some(prev) if prev != m => return None,
                Some(_) => {}
            }
        }
    }
    found
}

/// The day of the week a date line names in full (`Dienstag, 4. Mai
/// 2021`, `Monday, May 3`), if any, for a check that it is the date's.
/// Abbreviations are not read: `Mar` may be March.
pub fn weekday_named(text: &str) -> Option<chrono::Weekday> {
    tokenize(text).iter().find_map(|token| match &token.tok {
        Tok::Word(word) => WEEKDAYS
            .iter()
            .find(|(name, _)| name == word)
            .map(|&(_, day)| day),
        _ => None,
    })
}

/// `text` without a label that says what its time is the time of
/// ("Updated 6:44 AM EDT, March 13, 2025", "Aktualisiert am 4. Mai 2021",
/// "Publié le 4 mai 2021"), as web pages and wire exports put it.
pub fn without_time_label(text: &str) -> &str {
    const LABELS: &[&str] = &[
        "last updated",
        "last modified",
        "updated",
        "published",
        "originally published",
        "first published",
        "posted",
        "aktualisiert am",
        "aktualisiert",
        "zuletzt aktualisiert am",
        "zuletzt aktualisiert",
        "zuletzt geändert am",
        "zuletzt geändert",
        "letzte aktualisierung",
        "dernière mise à jour le",
        "dernière mise à jour",
        "última actualización",
        "ultima actualizacion",
        "última modificación",
        "ultima modificacion",
        "ultimo aggiornamento",
        "ultima modifica",
        "última atualização",
        "veröffentlicht am",
        "veröffentlicht",
        "ursprünglich veröffentlicht am",
        "ursprünglich veröffentlicht",
        "mis à jour le",
        "mis à jour",
        "modifié le",
        "modifié",
        "publié le",
        "publié",
        "publié initialement le",
        "publié initialement",
        "première publication le",
        "première publication",
        "actualizado el",
        "actualizado",
        "publicado el",
        "publicado",
        "publicado originalmente el",
        "publicado originalmente",
        "aggiornato il",
        "aggiornato",
        "pubblicato il",
        "pubblicato",
        "pubblicato originariamente il",
        "pubblicato originariamente",
        "publicado em",
        "atualizado em",
        "atualizado",
        "gepubliceerd op",
        "gepubliceerd",
        "bijgewerkt op",
        "bijgewerkt",
        "laatst bijgewerkt",
        // A press release's: the embargo is the time it is published.
        "embargoed until",
        "embargoed till",
        "under embargo until",
        "embargo until",
        "embargo:",
        "sperrfrist",
        "pressemitteilung vom",
        "medienmitteilung vom",
        "communiqué de presse du",
        "communiqué du",
        "comunicado de prensa del",
        "nota de prensa del",
        "comunicato stampa del",
        "press release,",
        "press release",
        // "Stand: 04.05.2021 14:30 Uhr", as German broadcasters date a page.
        "stand",
        "erstellt am",
        "erstellt",
        "datum",
        "date",
        "fecha",
        "data",
    ];
    // Most date lines start with a figure.
    if !text.starts_with(|c: char| c.is_alphabetic()) {
        return text;
    }
    // The longest label that fits: "publicado em", not "publicado".
    LABELS
        .iter()
        .filter_map(|label| {
            let rest = super::strip_prefix_any_case(text, label)?;
            // French sets a space before the colon ("Première publication :").
            let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest);
            rest.starts_with(char::is_whitespace)
                .then(|| rest.trim_start())
        })
        .min_by_key(|rest| rest.len())
        .unwrap_or(text)
}

/// Labels of the time a page was updated, as web pages print them beside
/// the publication's (lowercase).
const UPDATE_LABELS: &[&str] = &[
    "mis à jour",
    "dernière mise à jour",
    "modifié",
    "updated",
    "last updated",
    "last modified",
    "aktualisiert",
    "zuletzt aktualisiert",
    "letzte aktualisierung",
    "zuletzt geändert",
    "actualizado",
    "última actualización",
    "ultima actualizacion",
    "última modificación",
    "aggiornato",
    "ultimo aggiornamento",
    "ultima modifica",
    "atualizado",
    "última atualização",
    "bijgewerkt",
    "laatst bijgewerkt",
];

/// What separates the parts of a date line that web page templates print
/// (`4 mai 2021 | Mis à jour …`, `… · Published …`).
const DATE_LINE_SEPARATORS: &[char] = &[',', ';', '|', '·', '•', '-', '–', '—', '/', '('];

/// The publication part of a line that gives the update first
/// ("Actualizado: 13/05/2021 13:05 | Publicado: 12/05/2021 10:30"): what
/// follows the publication's label; else the line as it is.
fn publication_after_update(text: &str) -> &str {
    // Lowercase; a label that opens with one ("publicado originalmente",
    // "publié initialement") is found by it.
    const PUBLISHED: &[&str] = &[
        "published",
        "originally published",
        "first published",
        "posted",
        "veröffentlicht",
        "ursprünglich veröffentlicht",
        "publié",
        "première publication",
        "publicado",
        "pubblicato",
        "gepubliceerd",
    ];
    if !UPDATE_LABELS
        .iter()
        .any(|label| super::strip_prefix_any_case(text, label).is_some())
    {
        return text;
    }
    let lower = text.to_lowercase();
    PUBLISHED
        .iter()
        .filter_map(|label| lower.find(label))
        .filter(|&at| {
            lower
                .get(..at)
                .is_some_and(|before| before.trim_end().ends_with(DATE_LINE_SEPARATORS))
        })
        .min()
        // Lowercasing keeps these labels' lengths, so the place is text's.
        .and_then(|at| text.get(at..))
        .unwrap_or(text)
}

/// `text` without the time it was updated after the time it was
/// published ("6 mars 2025 à 14 h 30, mis à jour à 15 h 10", as Le Monde
/// dates a page; "12 de mayo de 2021 | Actualizado a las 13:05"): the
/// first is the article's date. The clause follows a comma, a bar, a dot,
/// a dash, a slash or a bracket.
fn without_update_clause(text: &str) -> &str {
    if !text.contains(DATE_LINE_SEPARATORS) {
        return text;
    }
    let lower = text.to_lowercase();
    UPDATE_LABELS
        .iter()
        .flat_map(|clause| lower.match_indices(clause))
        .filter_map(|(at, _)| {
            let before = lower.get(..at)?.trim_end();
            before
                .ends_with(DATE_LINE_SEPARATORS)
                .then(|| before.len() - before.chars().next_back().map_or(0, char::len_utf8))
        })
        .min()
        // Lowercasing keeps these labels' lengths, so the place is text's.
        .and_then(|at| text.get(..at))
        .map_or(text, str::trim_end)
}

/// Whether `word` (any case) names a day of the week or a month, in full
/// or abbreviated, in any of the contract's languages.
pub fn names_a_day_or_month(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    month_number(&word).is_some() || (word.chars().count() >= 3 && is_weekday(&word))
}

fn is_weekday(word: &str) -> bool {
    word.chars().count() >= 2 && WEEKDAYS.iter().any(|(w, _)| w.starts_with(word))
}

fn skip_weekday(tokens: &[Token]) -> Option<&[Token]> {
    let (first, rest) = tokens.split_first()?;
    match &first.tok {
        Tok::Word(w) if is_weekday(w) => {}
        _ => return None,
    }
    let mut p = Parser { toks: rest, pos: 0 };
    // "segunda-feira": Portuguese names the weekdays "second fair" etc.
    if p.eat_punct('-') && !p.eat_word_in(&["feira"]) {
        return None;
    }
    p.eat_punct('.');
    p.eat_punct(',');
    Some(&rest[p.pos..])
}

struct Parser<'a> {
    toks: &'a [Token],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if matches!(self.peek(), Some(Token { tok: Tok::Punct(p), .. }) if *p == c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Like `eat_punct`, but only when glued to the previous token, so
    /// "4." is a day while "4 ." is not.
    fn eat_glued_punct(&mut self, c: char) -> bool {
        if matches!(self.peek(), Some(Token { tok: Tok::Punct(p), spaced: false }) if *p == c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word_in(&mut self, words: &[&str]) -> bool {
        if matches!(self.peek(), Some(Token { tok: Tok::Word(w), .. }) if words.contains(&w.as_str()))
        {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn day(&mut self) -> Option<u64> {
        let Some(Token {
            tok: Tok::Num { value, digits },
            ..
        }) = self.peek()
        else {
            return None;
        };
        if !(1..=2).contains(digits) {
            return None;
        }
        let value = *value;
        self.pos += 1;
        self.eat_glued_punct('.');
        match self.peek() {
            Some(Token {
                tok: Tok::Word(w),
                spaced: false,
            }) if ORDINAL_SUFFIXES.contains(&w.as_str()) => {
                self.pos += 1;
                self.eat_glued_punct('.');
            }
            Some(Token {
                tok: Tok::Punct('°'),
                spaced: false,
            }) => {
                self.pos += 1;
            }
            _ => {}
        }
        Some(value)
    }

    fn month(&mut self) -> Option<u64> {
        let Some(Token {
            tok: Tok::Word(w), ..
        }) = self.peek()
        else {
            return None;
        };
        let m = month_number(w)?;
        self.pos += 1;
        self.eat_glued_punct('.');
        Some(u64::from(m))
    }

    fn year(&mut self) -> Option<u64> {
        let Some(Token {
            tok: Tok::Num { value, .. },
            ..
        }) = self.peek()
        else {
            return None;
        };
        let value = *value;
        self.pos += 1;
        Some(value)
    }

    fn at_end(&self) -> bool {
        self.pos == self.toks.len()
    }
}

/// Returns (day, month, year) unvalidated, so range errors can be reported
/// with the same wording as for numeric dates.
fn parse_written(toks: &[Token]) -> Option<(u64, u64, u64)> {
    let mut p = Parser { toks, pos: 0 };
    p.eat_word_in(ARTICLES);
    let start = p.pos;
    if let Some(found) = day_first(&mut p) {
        return Some(found);
    }
    p.pos = start;
    month_first(&mut p)
}

/// "4. Mai 2021", "1er mai 2021", "1º de mayo del 2021", "4th of May 2021",
/// and hyphenated as some CMS templates write it: "12-mayo-2021",
/// "04-May-2021".
fn day_first(p: &mut Parser) -> Option<(u64, u64, u64)> {
    let day = p.day()?;
    if p.eat_glued_punct('-') {
        let month = p.month()?;
        p.eat_glued_punct('-').then_some(())?;
        let year = p.year()?;
        return p.at_end().then_some((day, month, year));
    }
    p.eat_word_in(&["de", "of"]);
    let month = p.month()?;
    p.eat_punct(',');
    p.eat_word_in(&["de", "del"]);
    let year = p.year()?;
    eat_year_word(p);
    p.at_end().then_some((day, month, year))
}

/// The word some languages write after a year: Russian `2024 г.`,
/// Ukrainian `р.`, Polish `r.` or `roku`.
fn eat_year_word(p: &mut Parser) {
    if p.eat_word_in(&["г", "р", "r", "roku", "года", "року"]) {
        p.eat_glued_punct('.');
    }
}

/// "May 4, 2021", "May 4th 2021".
fn month_first(p: &mut Parser) -> Option<(u64, u64, u64)> {
    let month = p.month()?;
    let day = p.day()?;
    p.eat_punct(',');
    let year = p.year()?;
    eat_year_word(p);
    p.at_end().then_some((day, month, year))
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Checks ranges itself rather than trusting `from_ymd_opt`, because the
/// user needs to know *which* part is wrong.
fn validate(
    year: u64,
    month: u64,
    day: u64,
    text: &str,
    note: Option<&str>,
) -> Result<NaiveDate, String> {
    let invalid = |reason: String| match note {
        Some(note) => format!("`{text}` is not a valid date ({reason}; {note})"),
        None => format!("`{text}` is not a valid date ({reason})"),
    };
    if !(1000..=9999).contains(&year) {
        return Err(invalid(format!("year {year} is outside 1000..=9999")));
    }
    if !(1..=12).contains(&month) {
        return Err(invalid(format!("month {month} does not exist")));
    }
    // Both ranges were checked above, so the narrowing casts are lossless.
    let (y, m) = (year as i32, month as u32);
    let name = MONTH_NAMES[(m - 1) as usize];
    let max = days_in_month(y, m);
    if day == 0 || day > u64::from(max) {
        let reason = if m == 2 && day == 29 {
            format!("day 29 out of range for February {y}, which is not a leap year")
        } else {
            format!("day {day} out of range for {name}")
        };
        return Err(invalid(reason));
    }
    NaiveDate::from_ymd_opt(y, m, day as u32)
        .ok_or_else(|| invalid(format!("day {day} out of range for {name}")))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> ParsedDate {
        ParsedDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn ok(text: &str) -> ParsedDate {
        parse_date(text, DateOrder::Dmy).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn err(text: &str) -> String {
        match parse_date(text, DateOrder::Dmy) {
            Ok(d) => panic!("{text:?} unexpectedly parsed as {d:?}"),
            Err(e) => e,
        }
    }

    fn instant(s: &str) -> ParsedDate {
        ParsedDate::Instant(DateTime::parse_from_rfc3339(s).unwrap())
    }

    #[test]
    fn dotted_day_first() {
        assert_eq!(ok("04.05.2021"), day(2021, 5, 4));
        assert_eq!(ok("4.5.2021"), day(2021, 5, 4));
        assert_eq!(ok("31.12.1999"), day(1999, 12, 31));
    }

    #[test]
    fn dotted_ignores_mdy() {
        assert_eq!(
            parse_date("04.05.2021", DateOrder::Mdy),
            Ok(day(2021, 5, 4))
        );
    }

    #[test]
    fn dashed_day_first() {
        assert_eq!(ok("04-05-2021"), day(2021, 5, 4));
        assert_eq!(parse_date("4-5-2021", DateOrder::Mdy), Ok(day(2021, 5, 4)));
    }

    #[test]
    fn slash_follows_order() {
        assert_eq!(ok("04/05/2021"), day(2021, 5, 4));
        assert_eq!(ok("4/5/2021"), day(2021, 5, 4));
        assert_eq!(
            parse_date("04/05/2021", DateOrder::Mdy),
            Ok(day(2021, 4, 5))
        );
        assert_eq!(
            parse_date("12/31/2021", DateOrder::Mdy),
            Ok(day(2021, 12, 31))
        );
    }

    #[test]
    fn slash_month_error_mentions_order() {
        let e = err("12/31/2021");
        assert!(e.contains("month 31 does not exist"), "{e}");
        assert!(e.contains("day/month/year"), "{e}");
        let e = parse_date("31/12/2021", DateOrder::Mdy).unwrap_err();
        assert!(e.contains("month/day/year"), "{e}");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(ok("2021-05-04"), day(2021, 5, 4));
        assert_eq!(ok("2021/05/04"), day(2021, 5, 4));
        assert_eq!(ok("2021-5-4"), day(2021, 5, 4));
        assert_eq!(
            parse_date("2021/05/04", DateOrder::Mdy),
            Ok(day(2021, 5, 4))
        );
    }

    #[test]
    fn whitespace_bom_and_trailing_period() {
        assert_eq!(ok("  04.05.2021  "), day(2021, 5, 4));
        assert_eq!(ok("\u{feff}2021-05-04\n"), day(2021, 5, 4));
        assert_eq!(ok("4. Mai 2021."), day(2021, 5, 4));
        assert_eq!(ok("04.05.2021."), day(2021, 5, 4));
    }

    #[test]
    fn rfc3339_instants() {
        assert_eq!(
            ok("2021-05-04T09:30:00+02:00"),
            instant("2021-05-04T09:30:00+02:00")
        );
        assert_eq!(ok("2021-05-04T09:30:00Z"), instant("2021-05-04T09:30:00Z"));
        assert_eq!(
            ok("2021-05-04T09:30:00.123456+02:00"),
            instant("2021-05-04T09:30:00.123456+02:00")
        );
        assert_eq!(
            ok("2021-05-04 09:30:00-05:00"),
            instant("2021-05-04T09:30:00-05:00")
        );
        assert_eq!(ok("2021-05-04t09:30:00z"), instant("2021-05-04T09:30:00Z"));
    }

    #[test]
    fn lenient_date_times() {
        assert_eq!(
            ok("2021-05-04 09:30+02:00"),
            instant("2021-05-04T09:30:00+02:00")
        );
        assert_eq!(
            ok("2021-05-04T09:30:00+0200"),
            instant("2021-05-04T09:30:00+02:00")
        );
        assert_eq!(ok("2021-05-04 09:30 UTC"), instant("2021-05-04T09:30:00Z"));
        assert_eq!(
            ok("2021-05-04 09:30 +02"),
            instant("2021-05-04T09:30:00+02:00")
        );
    }

    #[test]
    fn leap_second() {
        let ParsedDate::Instant(dt) = ok("2016-12-31T23:59:60Z") else {
            panic!("not an instant");
        };
        assert_eq!(
            dt.date_naive(),
            NaiveDate::from_ymd_opt(2016, 12, 31).unwrap()
        );
    }

    #[test]
    fn date_time_without_offset_is_local() {
        for (text, want) in [
            ("2021-05-04T09:30:00", (9, 30, 0, 0)),
            ("2021-05-04 09:30", (9, 30, 0, 0)),
            ("2021-05-04T09:30:00.5", (9, 30, 0, 500_000_000)),
        ] {
            let (h, m, sec, nano) = want;
            let time = NaiveTime::from_hms_nano_opt(h, m, sec, nano).unwrap();
            let date = NaiveDate::from_ymd_opt(2021, 5, 4).unwrap();
            assert_eq!(
                parse_date(text, DateOrder::Dmy),
                Ok(ParsedDate::Local(NaiveDateTime::new(date, time))),
                "{text}"
            );
        }
        assert!(err("2021-05-04T25:00").contains("out of range"));
    }

    #[test]
    fn a_time_after_the_day_and_a_place_before_it() {
        let at = |y, m, d, h, min| {
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .and_hms_opt(h, min, 0)
                    .unwrap(),
            )
        };
        for text in [
            "4.5.2021 10:30",
            "04.05.2021, 10:30 Uhr",
            "04.05.2021 um 10:30 Uhr",
            "4 mai 2021 à 10h30",
            "May 4, 2021 at 10:30",
            "4 maggio 2021 alle ore 10:30",
            "4 de mayo de 2021, 10:30",
            "Dienstag, 4. Mai 2021, 10:30 Uhr",
        ] {
            assert_eq!(ok(text), at(2021, 5, 4, 10, 30), "{text}");
        }
        for text in [
            "4 mai 2021 à 9h",
            "4 mai 2021 à 9 h",
            "4. Mai 2021, 9 Uhr",
            "04.05.2021 um 9 Uhr",
            "4 maggio 2021, ore 9",
            "4 maggio 2021 alle ore 9",
            "4 de mayo de 2021, 9 horas",
        ] {
            assert_eq!(ok(text), at(2021, 5, 4, 9, 0), "{text}");
        }
        assert_eq!(ok("4.5.2021 9:05"), at(2021, 5, 4, 9, 5));
        // A bare number needs a word saying it is an hour.
        err("4 mai 2021 à 9");
        err("4. Mai 2021, 24 Uhr");
        err("4 mai 2021 à 9h5");
    }

    #[test]
    fn french_hour_sign_set_apart() {
        let at = |h, min| {
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2025, 2, 4)
                    .unwrap()
                    .and_hms_opt(h, min, 0)
                    .unwrap(),
            )
        };
        for (text, h, min) in [
            ("4 février 2025, 14 h 30", 14, 30),
            ("4 février 2025 à 14 h 30", 14, 30),
            ("mardi 4 février 2025, 9 h 05", 9, 5),
            ("4 février 2025, 14 h", 14, 0),
            ("4 février 2025, 14h30", 14, 30),
            ("PARIS, 4 février 2025, 14 h 30", 14, 30),
            // No-break spaces, as word processors set them in French.
            ("4 février 2025, 14\u{a0}h\u{a0}30", 14, 30),
            ("4 février 2025 à 14\u{202f}h\u{202f}30", 14, 30),
            ("4\u{a0}février\u{a0}2025\u{a0}à\u{a0}14\u{a0}h", 14, 0),
            ("04.02.2025, 10:30\u{a0}Uhr", 10, 30),
        ] {
            assert_eq!(ok(text), at(h, min), "{text}");
        }
        for text in [
            "4 février 2025, 14 h 3",
            "4 février 2025, 24 h 30",
            "4 février 2025, 14 h 60",
            "4 février 2025, 14 x 30",
            "4 février 2025 h 30",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn a_pipe_or_bullet_between_date_and_time() {
        let at = |d, h, min| {
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2024, 5, d)
                    .unwrap()
                    .and_hms_opt(h, min, 0)
                    .unwrap(),
            )
        };
        for (text, d, h, min) in [
            ("Sabato 4 maggio 2024 | 18:45", 4, 18, 45),
            ("4 maggio 2024 | ore 18:45", 4, 18, 45),
            ("4. Mai 2024 · 10:30 Uhr", 4, 10, 30),
            ("Samstag, 04.05.2024 | 10:30 Uhr", 4, 10, 30),
            ("May 4, 2024 • 6:45 p.m.", 4, 18, 45),
            ("4 mai 2024 • 18 h 45", 4, 18, 45),
            ("sábado, 4 de mayo de 2024 | 18:45", 4, 18, 45),
            ("3 maggio 2024 · 9h", 3, 9, 0),
        ] {
            assert_eq!(ok(text), at(d, h, min), "{text}");
        }
        assert_eq!(
            ok("May 4, 2024 | 10:30 EDT"),
            instant("2024-05-04T10:30:00-04:00")
        );
        for text in [
            "4 maggio 2024 |",
            "4 maggio 2024 | Roma",
            "| 18:45",
            "4 maggio 2024 || 18:45",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn an_agency_in_brackets_after_the_date() {
        for text in [
            "MADRID, 4 de mayo de 2024 (EFE)",
            "BERLIN, 4. Mai 2024 (dpa)",
            "PARIS, 4 mai 2024 (AFP)",
            "ROMA, 4 maggio 2024 (ANSA)",
            "4 maggio 2024 (ANSA)",
            "4. Mai 2024 (dpa/lnw)",
            "4. Mai 2024 (dpa).",
            "May 4, 2024 (Reuters)",
            "04.05.2024(dpa)",
            "4 de mayo de 2024 ( EFE )",
        ] {
            assert_eq!(ok(text), day(2024, 5, 4), "{text}");
        }
        assert_eq!(
            ok("MADRID, 4 de mayo de 2024, 10:30 (EFE)"),
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2024, 5, 4)
                    .unwrap()
                    .and_hms_opt(10, 30, 0)
                    .unwrap()
            )
        );
        for text in [
            "(EFE)",
            "4 de mayo (EFE)",
            "4. Mai 2024 ()",
            "4. Mai 2024 (dpa",
            "4. Mai 2024 (eine sehr lange Klammer mit Text)",
            "31 de junio de 2024 (EFE)",
            // Words of time are no agency: dropped, the time would be
            // read in the configured zone.
            "May 4, 2024, 10:30 (Eastern Time)",
            "4. Mai 2024, 10:30 Uhr (Ortszeit)",
            "May 4, 2024, 10:30 (local time)",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
        // A zone in brackets is the zone.
        assert_eq!(ok("May 4, 2024, 10:30 (UTC)"), ok("May 4, 2024, 10:30 UTC"));
        assert_eq!(
            ok("May 4, 2024, 10:30 a.m. (EDT)"),
            ok("May 4, 2024, 10:30 a.m. EDT")
        );
        assert_eq!(
            ok("May 4, 2024, 10:30 a.m. (ET)"),
            ok("May 4, 2024, 10:30 a.m. ET")
        );
        // Dashes of every length before the time, as templates set them.
        for text in ["May 4, 2024 — 10:30 a.m. ET", "May 4, 2024 – 10:30 a.m. ET"] {
            assert_eq!(ok(text), ok("May 4, 2024, 10:30 a.m. ET"), "{text}");
        }
    }

    #[test]
    fn time_stamps_of_web_pages_and_wires() {
        for (text, same_as) in [
            (
                "Updated 6:44 AM EDT, March 13, 2025",
                "March 13, 2025, 6:44 AM EDT",
            ),
            (
                "Published 2:48 PM EDT, October 28, 2025",
                "October 28, 2025, 2:48 PM EDT",
            ),
            (
                "Oct. 28, 2025 / 2:48 PM EDT",
                "October 28, 2025, 2:48 PM EDT",
            ),
            (
                "Aktualisiert am 4. Mai 2021, 10:30 Uhr",
                "4. Mai 2021, 10:30 Uhr",
            ),
            ("Publié le 4 mai 2021", "4 mai 2021"),
            ("Stand: 04.05.2021 14:30 Uhr", "04.05.2021, 14:30 Uhr"),
            ("Datum: 4. Mai 2021", "4. Mai 2021"),
            ("Fecha: 4 de mayo de 2021", "4 de mayo de 2021"),
            ("Data: 4 maggio 2021", "4 maggio 2021"),
            ("20210504", "2021-05-04"),
            (
                "Sperrfrist: 4. März 2024, 16:00 Uhr MEZ",
                "4. März 2024, 16:00 Uhr MEZ",
            ),
            (
                "EMBARGOED until 4 March 2024 00:01 GMT",
                "4 March 2024 00:01 GMT",
            ),
            ("Communiqué de presse du 4 mars 2024", "4 mars 2024"),
            ("Madrid, a 4 de marzo de 2024", "4 de marzo de 2024"),
            ("Pressemitteilung vom 4. März 2024", "4. März 2024"),
            ("05/03/2025 às 10h30", "05/03/2025, 10:30"),
            ("5 de março de 2025 às 10h30", "05/03/2025, 10:30"),
            ("Publicado em 05/03/2025", "05/03/2025"),
            ("Atualizado em 05/03/2025", "05/03/2025"),
            ("Gepubliceerd op 4 maart 2025", "04/03/2025"),
            ("Bijgewerkt op 4 maart 2025", "04/03/2025"),
            ("4 maart 2025 om 10:30", "04/03/2025, 10:30"),
            ("4 maart 2025, 10.30 uur", "04/03/2025, 10:30"),
            (
                "Publié le 6 mars 2025 à 14 h 30, mis à jour à 15 h 10",
                "06/03/2025, 14:30",
            ),
            ("12 de mayo de 2021 | Actualizado a las 13:05", "12/05/2021"),
            ("12 de mayo de 2021 (actualizado 13:05)", "12/05/2021"),
            ("4. Mai 2024 (aktualisiert 05.05.2024)", "04/05/2024"),
            (
                "12/05/2021 - 10:30 · Aggiornato alle 13:05",
                "12/05/2021, 10:30",
            ),
            (
                "Ultimo aggiornamento: 12 maggio 2021 10:30",
                "12/05/2021, 10:30",
            ),
            ("Última actualización: 12 de mayo de 2021", "12/05/2021"),
            ("Dernière mise à jour le 12 mai 2021", "12/05/2021"),
            ("12-mayo-2021", "12/05/2021"),
            ("12 de mayo de 2021 (13:05)", "12/05/2021, 13:05"),
            (
                "Actualizado: 13/05/2021 13:05 | Publicado: 12/05/2021 10:30",
                "12/05/2021, 10:30",
            ),
            (
                "Updated 3:45 PM, May 13, 2021 · Published May 12, 2021",
                "May 12, 2021",
            ),
            ("2024年5月12日", "12/05/2024"),
            ("2024年5月12日（日） 10:30", "12/05/2024, 10:30"),
            ("2024년 5월 12일", "12/05/2024"),
            ("12 мая 2024 г.", "12/05/2024"),
            ("12 травня 2024 р.", "12/05/2024"),
            ("12 maja 2024 r.", "12/05/2024"),
            ("12. května 2024", "12/05/2024"),
            ("12 Μαΐου 2024", "12/05/2024"),
            ("12 Mayıs 2024", "12/05/2024"),
            ("12 maj 2024", "12/05/2024"),
            (
                "12 maggio 2021 10:30 - Ultimo aggiornamento: 13 maggio 2021 08:15",
                "12/05/2021, 10:30",
            ),
            (
                "12 de mayo de 2021 | Última actualización: 13 de mayo de 2021",
                "12/05/2021",
            ),
            (
                "12 mai 2021 | Dernière mise à jour le 13 mai 2021",
                "12/05/2021",
            ),
            (
                "12.05.2021 | Zuletzt aktualisiert am 13.05.2021",
                "12/05/2021",
            ),
            (
                "Pubblicato il 12 maggio 2021 alle 10:30 - Ultimo aggiornamento: 13 maggio 2021",
                "12/05/2021, 10:30",
            ),
            ("04-May-2021", "04/05/2021"),
            ("12 de mayo de 2021, 12:00 a. m.", "12/05/2021, 00:00"),
            ("12 de mayo de 2021, 1:30 p. m.", "12/05/2021, 13:30"),
        ] {
            assert_eq!(ok(text), ok(same_as), "{text}");
        }
    }

    #[test]
    fn dutch_and_portuguese_written_dates() {
        let day = |y, m, d| ParsedDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        for (text, expected) in [
            ("6 maart 2025", day(2025, 3, 6)),
            ("maandag 17 maart 2025", day(2025, 3, 17)),
            ("6 mrt. 2025", day(2025, 3, 6)),
            ("1 mei 2025", day(2025, 5, 1)),
            ("Lisboa, 11 de março de 2025 (Lusa)", day(2025, 3, 11)),
            ("segunda-feira, 3 de fevereiro de 2025", day(2025, 2, 3)),
            ("3 março 2025", day(2025, 3, 3)),
            ("12 outubro 2024", day(2024, 10, 12)),
        ] {
            assert_eq!(ok(text), expected, "{text}");
        }
    }

    #[test]
    fn noon_and_midnight() {
        let at = |h| {
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2025, 2, 4)
                    .unwrap()
                    .and_hms_opt(h, 0, 0)
                    .unwrap(),
            )
        };
        for (text, h) in [
            ("February 4, 2025, noon", 12),
            ("February 4, 2025 at noon", 12),
            ("February 4, 2025, 12 noon", 12),
            ("Feb. 4, 2025, Noon", 12),
            ("February 4, 2025, midday", 12),
            ("February 4, 2025, midnight", 0),
            ("February 4, 2025 at 12 midnight", 0),
            ("WASHINGTON, February 4, 2025, noon", 12),
            ("4 février 2025 à midi", 12),
            ("4 février 2025, minuit", 0),
            ("4. Februar 2025, Mittag", 12),
            ("4. Februar 2025 – 12 Uhr mittags", 12),
            ("4. Februar 2025 um Mitternacht", 0),
            ("4 febbraio 2025, mezzogiorno", 12),
            ("4 de febrero de 2025 al mediodía", 12),
            ("4 de febrero de 2025, medianoche", 0),
        ] {
            assert_eq!(ok(text), at(h), "{text}");
        }
        assert_eq!(
            ok("February 4, 2025, noon EST"),
            instant("2025-02-04T12:00:00-05:00")
        );
        for text in [
            "noon",
            "February 4, 2025 noonish",
            "February 4, 2025, 11 noon",
            "February 4, 2025, noon p.m.",
            "February 4 noon",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn us_zones_without_summer_or_winter() {
        let at = |y, m, d, h, min, tz| {
            ParsedDate::Zoned(
                NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .and_hms_opt(h, min, 0)
                    .unwrap(),
                tz,
            )
        };
        use chrono_tz::America::{Chicago, Denver, Los_Angeles, New_York};
        for (text, want) in [
            (
                "February 4, 2025, 10:30 a.m. ET",
                at(2025, 2, 4, 10, 30, New_York),
            ),
            (
                "May 4, 2024, 10:30 a.m. ET",
                at(2024, 5, 4, 10, 30, New_York),
            ),
            ("May 4, 2024 at 2 p.m. CT", at(2024, 5, 4, 14, 0, Chicago)),
            ("May 4, 2024, 9:15 MT", at(2024, 5, 4, 9, 15, Denver)),
            ("May 4, 2024, noon PT", at(2024, 5, 4, 12, 0, Los_Angeles)),
            ("2024-05-04 10:30 ET", at(2024, 5, 4, 10, 30, New_York)),
            (
                "NEW YORK, May 4, 2024, 10:30 a.m. ET",
                at(2024, 5, 4, 10, 30, New_York),
            ),
        ] {
            assert_eq!(ok(text), want, "{text}");
        }
        // Summer or winter follows from the date, by the US rules.
        let utc = |text: &str| {
            let ParsedDate::Zoned(local, tz) = ok(text) else {
                panic!("{text}: not zoned");
            };
            tz.from_local_datetime(&local).unwrap().to_rfc3339()
        };
        assert_eq!(
            utc("February 4, 2025, 10:30 a.m. ET"),
            "2025-02-04T10:30:00-05:00"
        );
        assert_eq!(
            utc("May 4, 2024, 10:30 a.m. ET"),
            "2024-05-04T10:30:00-04:00"
        );
        assert_eq!(
            utc("March 11, 2024, 10:30 a.m. PT"),
            "2024-03-11T10:30:00-07:00"
        );
        assert_eq!(
            utc("March 9, 2024, 10:30 a.m. PT"),
            "2024-03-09T10:30:00-08:00"
        );
        for text in [
            "May 4, 2024, 10:30 a.m. et",
            "May 4, 2024 ET",
            "May 4, 2024, 10:30 AT",
            "2024-05-04T10:30:00 ET+1",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn twelve_hour_clock() {
        let at = |h, min| {
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2024, 3, 12)
                    .unwrap()
                    .and_hms_opt(h, min, 0)
                    .unwrap(),
            )
        };
        for (text, h, min) in [
            ("March 12, 2024, 2:30 p.m.", 14, 30),
            ("March 12, 2024 at 2:30 PM", 14, 30),
            ("March 12, 2024 2 p.m.", 14, 0),
            ("March 12, 2024, 10:30 a.m.", 10, 30),
            ("March 12, 2024 10:30 A.M.", 10, 30),
            ("March 12, 2024 at 9pm", 21, 0),
            ("12 March 2024 at 2:30pm", 14, 30),
            ("March 12, 2024, 12 a.m.", 0, 0),
            ("March 12, 2024, 12:15 a.m.", 0, 15),
            ("March 12, 2024, 12 p.m.", 12, 0),
            ("LONDON, March 12, 2024, 2:30 p.m.", 14, 30),
        ] {
            assert_eq!(ok(text), at(h, min), "{text}");
        }
        for text in [
            "March 12, 2024, 13:30 p.m.",
            "March 12, 2024, 0:30 a.m.",
            "March 12, 2024, p.m.",
            "March 12, 2024 Amsterdam",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn zone_after_a_time() {
        for (text, want) in [
            ("March 12, 2024 10:30 EDT", "2024-03-12T10:30:00-04:00"),
            ("12/03/2024 - 10:30 CET", "2024-03-12T10:30:00+01:00"),
            ("12.03.2024, 14.30 Uhr MEZ", "2024-03-12T14:30:00+01:00"),
            ("12.03.2024, 14:30 Uhr MESZ", "2024-03-12T14:30:00+02:00"),
            ("12 mars 2024 à 9h CET", "2024-03-12T09:00:00+01:00"),
            ("March 12, 2024, 2:30 p.m. PDT", "2024-03-12T14:30:00-07:00"),
            ("12 March 2024 10:30 GMT", "2024-03-12T10:30:00+00:00"),
            ("12 March 2024 10:30 BST", "2024-03-12T10:30:00+01:00"),
            ("12 March 2024 10:30 UTC+2", "2024-03-12T10:30:00+02:00"),
            ("12 March 2024 10:30 GMT+01:00", "2024-03-12T10:30:00+01:00"),
            ("12 March 2024 10:30 UTC-0330", "2024-03-12T10:30:00-03:30"),
            ("2024-03-12 10:30 EEST", "2024-03-12T10:30:00+03:00"),
            ("2024-03-12T10:30:00 CST", "2024-03-12T10:30:00-06:00"),
            ("2024-03-12 10:30 UTC+5:30", "2024-03-12T10:30:00+05:30"),
            (
                "Stand: 12.03.2024, 14:30 Uhr MEZ",
                "2024-03-12T14:30:00+01:00",
            ),
        ] {
            assert_eq!(ok(text), instant(want), "{text}");
        }
        for text in [
            "March 12, 2024 EDT",
            "March 12, 2024 10:30 IST",
            "March 12, 2024 10:30 EDT+1",
            "March 12, 2024 10:30 UTC+24",
            "March 12, 2024 10:30 UTC+",
            "Stand: 12.03.2024, 14:30 Uhr MEZY",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn errors_quote_the_line_as_written() {
        assert_eq!(
            err("March 12, 2024, 2:30 x.m."),
            format!(
                "cannot read `March 12, 2024, 2:30 x.m.` as a date: the date \
                 `March 12, 2024, 2:30` was read, but not `x.m.` after it; {TIME_HINT}"
            )
        );
        assert!(err("31.02.2021.").starts_with("`31.02.2021.` is not"));
        assert_eq!(
            ok("04.05.2021 10:30:15"),
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2021, 5, 4)
                    .unwrap()
                    .and_hms_opt(10, 30, 15)
                    .unwrap()
            )
        );
        for text in [
            "Berlin, 4. Mai 2021",
            "MADRID, 4 de mayo de 2021",
            "Saint-Denis, 04/05/2021",
        ] {
            assert_eq!(ok(text), day(2021, 5, 4), "{text}");
        }
        assert_eq!(ok("Berlin, 4. Mai 2021"), day(2021, 5, 4));
        // Not a time, not a place: still errors.
        err("04.05.2021 25:30");
        err("04.05.2021, Berlin");
        err("Vor 3 Tagen, 04.05.2021");
    }

    #[test]
    fn bad_date_times() {
        assert!(err("2021-05-04T25:00:00Z").contains("out of range"));
        assert!(err("2021-05-04T09:61:00Z").contains("out of range"));
        assert!(err("2021-05-04T09:30:00+25:00").contains("date-time"));
        assert!(err("2021-05-04T09:30:00+02:00 extra").contains("date-time"));
        assert!(err("2021-05-04T9").contains("date-time"));
        assert!(err("2021-02-30T09:30:00Z").contains("day 30 out of range for February"));
        assert!(err("2021-05-04T09:30:00.+02:00").contains("date-time"));
    }

    #[test]
    fn german_written() {
        assert_eq!(ok("4. Mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("04. Mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("1. Januar 2022"), day(2022, 1, 1));
        assert_eq!(ok("3. März 2021"), day(2021, 3, 3));
        assert_eq!(ok("3. Maerz 2021"), day(2021, 3, 3));
        assert_eq!(ok("3. Mär. 2021"), day(2021, 3, 3));
        assert_eq!(ok("3. Mrz. 2021"), day(2021, 3, 3));
        assert_eq!(ok("7. Jänner 2021"), day(2021, 1, 7));
        assert_eq!(ok("7. Jän. 2021"), day(2021, 1, 7));
        assert_eq!(ok("24. Dez. 2020"), day(2020, 12, 24));
        assert_eq!(ok("3. Okt. 2020"), day(2020, 10, 3));
    }

    #[test]
    fn decomposed_umlaut() {
        assert_eq!(ok("3. Ma\u{308}rz 2021"), day(2021, 3, 3));
    }

    #[test]
    fn french_written() {
        assert_eq!(ok("4 mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("1er mai 2021"), day(2021, 5, 1));
        assert_eq!(ok("12 févr. 2021"), day(2021, 2, 12));
        assert_eq!(ok("12 fevrier 2021"), day(2021, 2, 12));
        assert_eq!(ok("15 août 2021"), day(2021, 8, 15));
        assert_eq!(ok("15 aout 2021"), day(2021, 8, 15));
        assert_eq!(ok("21 juin 2021"), day(2021, 6, 21));
        assert_eq!(ok("14 juil. 2021"), day(2021, 7, 14));
        assert_eq!(ok("25 déc. 2021"), day(2021, 12, 25));
        assert_eq!(ok("le 4 mai 2021"), day(2021, 5, 4));
    }

    #[test]
    fn ambiguous_french_prefix_is_refused() {
        assert!(err("4 jui 2021").contains("cannot read"));
    }

    #[test]
    fn english_written() {
        assert_eq!(ok("May 4, 2021"), day(2021, 5, 4));
        assert_eq!(ok("May 4 2021"), day(2021, 5, 4));
        assert_eq!(ok("May 4th, 2021"), day(2021, 5, 4));
        assert_eq!(ok("4 May 2021"), day(2021, 5, 4));
        assert_eq!(ok("4th May 2021"), day(2021, 5, 4));
        assert_eq!(ok("the 4th of May 2021"), day(2021, 5, 4));
        assert_eq!(ok("Sept. 21, 2021"), day(2021, 9, 21));
        assert_eq!(ok("sept 21 2021"), day(2021, 9, 21));
        assert_eq!(ok("MAY 4, 2021"), day(2021, 5, 4));
        assert_eq!(ok("Jan 1st, 2000"), day(2000, 1, 1));
        assert_eq!(ok("March 22nd, 2021"), day(2021, 3, 22));
        assert_eq!(ok("Mar 3rd 2021"), day(2021, 3, 3));
    }

    #[test]
    fn spanish_written() {
        assert_eq!(ok("4 de mayo de 2021"), day(2021, 5, 4));
        assert_eq!(ok("4 de mayo del 2021"), day(2021, 5, 4));
        assert_eq!(ok("1º de mayo de 2021"), day(2021, 5, 1));
        assert_eq!(ok("1.º de mayo de 2021"), day(2021, 5, 1));
        assert_eq!(ok("4 de ene. de 2021"), day(2021, 1, 4));
        assert_eq!(ok("15 de agosto de 2021"), day(2021, 8, 15));
        assert_eq!(ok("15 ago 2021"), day(2021, 8, 15));
        assert_eq!(ok("31 de dic. de 2021"), day(2021, 12, 31));
        assert_eq!(ok("4 enero 2021"), day(2021, 1, 4));
        assert_eq!(ok("9 de setiembre de 2021"), day(2021, 9, 9));
    }

    #[test]
    fn italian_written() {
        assert_eq!(ok("4 maggio 2021"), day(2021, 5, 4));
        assert_eq!(ok("1° maggio 2021"), day(2021, 5, 1));
        assert_eq!(ok("1º maggio 2021"), day(2021, 5, 1));
        assert_eq!(ok("2 giugno 2021"), day(2021, 6, 2));
        assert_eq!(ok("14 luglio 2021"), day(2021, 7, 14));
        assert_eq!(ok("11 settembre 2021"), day(2021, 9, 11));
        assert_eq!(ok("11 set. 2021"), day(2021, 9, 11));
        assert_eq!(ok("6 gennaio 2021"), day(2021, 1, 6));
        assert_eq!(ok("6 genn. 2021"), day(2021, 1, 6));
        assert_eq!(ok("8 dic. 2021"), day(2021, 12, 8));
    }

    #[test]
    fn leading_weekdays() {
        assert_eq!(ok("Dienstag, 4. Mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("Di., 4. Mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("Di 4. Mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("mardi 4 mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("mar. 4 mai 2021"), day(2021, 5, 4));
        assert_eq!(ok("Tuesday, May 4, 2021"), day(2021, 5, 4));
        assert_eq!(ok("Tue, 4 May 2021"), day(2021, 5, 4));
        assert_eq!(ok("Tuesday, the 4th of May 2021"), day(2021, 5, 4));
        assert_eq!(ok("martes, 4 de mayo de 2021"), day(2021, 5, 4));
        assert_eq!(ok("miércoles 5 de mayo de 2021"), day(2021, 5, 5));
        assert_eq!(ok("martedì 4 maggio 2021"), day(2021, 5, 4));
        assert_eq!(ok("Dienstag, 04.05.2021"), day(2021, 5, 4));
    }

    #[test]
    fn weekday_abbreviation_that_is_also_a_month() {
        // "Mar" alone in front of a day and year is March, not mardi.
        assert_eq!(ok("Mar 4, 2021"), day(2021, 3, 4));
    }

    #[test]
    fn leap_years() {
        assert_eq!(ok("29.02.2020"), day(2020, 2, 29));
        assert_eq!(ok("29.02.2000"), day(2000, 2, 29));
        let e = err("29.02.2021");
        assert!(e.contains("not a leap year"), "{e}");
        assert!(err("29.02.1900").contains("not a leap year"));
    }

    #[test]
    fn impossible_days() {
        assert_eq!(
            err("31.02.2021"),
            "`31.02.2021` is not a valid date (day 31 out of range for February)"
        );
        assert!(err("00.05.2021").contains("day 0 out of range for May"));
        assert!(err("31.04.2021").contains("day 31 out of range for April"));
        assert!(err("32 May 2021").contains("day 32 out of range for May"));
        assert!(err("31 de junio de 2021").contains("day 31 out of range for June"));
    }

    #[test]
    fn impossible_months() {
        assert!(err("04.13.2021").contains("month 13 does not exist"));
        assert!(err("2021-13-04").contains("month 13 does not exist"));
        assert!(err("2021-00-04").contains("month 0 does not exist"));
    }

    #[test]
    fn year_range() {
        assert!(err("04.05.0999").contains("year 999 is outside 1000..=9999"));
        assert!(err("04.05.10000").contains("year 10000 is outside"));
        assert!(err("4 May 21").contains("year 21 is outside"));
        assert!(err("4. Mai 99999999999999999999999").contains("outside 1000..=9999"));
        assert_eq!(ok("1.1.1000"), day(1000, 1, 1));
        assert_eq!(ok("31.12.9999"), day(9999, 12, 31));
    }

    #[test]
    fn two_digit_year_is_refused() {
        assert!(err("04.05.21").contains("two-digit year"));
    }

    #[test]
    fn unreadable_text_gets_hint() {
        assert_eq!(
            err("next tuesday"),
            "cannot read `next tuesday` as a date; write e.g. 04.05.2021, 2021-05-04 or 4 May 2021"
        );
        for text in [
            "Mai 2021",
            "4 Mai",
            "04. 05. 2021",
            "04.05-2021",
            "2021-05",
            "tomorrow",
            "4 Smarch 2021",
            "4 ma 2021",
            "4 May 2021 and more",
            "Dienstag",
            "123.05.2021",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn empty_input() {
        assert!(err("").contains("empty"));
        assert!(err("  \u{feff} ").contains("empty"));
        assert!(err(".").contains("empty"));
    }

    #[test]
    fn month_table_has_no_cross_month_prefixes_except_june_and_july() {
        // French, Czech and Greek name June and July alike to three letters.
        const ALIKE: &[&str] = &["jui", "čer", "ιου"];
        for &(a, ma) in MONTHS {
            let prefix: String = a.chars().take(3).collect();
            for &(b, mb) in MONTHS {
                let shared = a.chars().count() >= 3 && b.starts_with(&prefix);
                if ma != mb && shared && !ALIKE.contains(&prefix.as_str()) {
                    panic!("{a} and {b} share a three-letter prefix");
                }
            }
        }
        assert_eq!(month_number("jui"), None);
        assert_eq!(month_number("juin"), Some(6));
        assert_eq!(month_number("juil"), Some(7));
    }

    #[test]
    fn mdy_does_not_affect_written_dates() {
        assert_eq!(
            parse_date("4 May 2021", DateOrder::Mdy),
            Ok(day(2021, 5, 4))
        );
        assert_eq!(
            parse_date("May 4, 2021", DateOrder::Mdy),
            Ok(day(2021, 5, 4))
        );
    }

    #[test]
    fn month_names_are_case_insensitive() {
        assert_eq!(ok("4 MAI 2021"), day(2021, 5, 4));
        assert_eq!(ok("4 mAi 2021"), day(2021, 5, 4));
        assert_eq!(ok("15 AOÛT 2021"), day(2021, 8, 15));
        assert_eq!(ok("3. MÄRZ 2021"), day(2021, 3, 3));
        assert_eq!(ok("15 AGOSTO 2021"), day(2021, 8, 15));
    }

    #[test]
    fn austrian_month_names() {
        assert_eq!(ok("7. Jänner 2021"), day(2021, 1, 7));
        assert_eq!(ok("7. Jaenner 2021"), day(2021, 1, 7));
        assert_eq!(ok("2. Feber 2021"), day(2021, 2, 2));
    }

    #[test]
    fn abbreviations_with_and_without_period() {
        assert_eq!(ok("21 Sept 2021"), day(2021, 9, 21));
        assert_eq!(ok("21 Sept. 2021"), day(2021, 9, 21));
        assert_eq!(ok("21 sep 2021"), day(2021, 9, 21));
        assert_eq!(ok("4 feb. 2021"), day(2021, 2, 4));
        assert_eq!(ok("4 févr 2021"), day(2021, 2, 4));
        assert_eq!(ok("4 abr. 2021"), day(2021, 4, 4));
        assert_eq!(ok("4 avr. 2021"), day(2021, 4, 4));
        assert_eq!(ok("4 ott. 2021"), day(2021, 10, 4));
        assert_eq!(ok("4 lug 2021"), day(2021, 7, 4));
        assert_eq!(ok("4 giu. 2021"), day(2021, 6, 4));
    }

    #[test]
    fn weekday_is_not_checked_against_date() {
        // 4 May 2021 was a Tuesday; the weekday is decoration only.
        assert_eq!(ok("Montag, 4. Mai 2021"), day(2021, 5, 4));
    }

    #[test]
    fn more_weekday_forms() {
        assert_eq!(ok("Sa., 1. Mai 2021"), day(2021, 5, 1));
        assert_eq!(ok("Sonnabend, 1. Mai 2021"), day(2021, 5, 1));
        assert_eq!(ok("sáb. 1 de mayo de 2021"), day(2021, 5, 1));
        assert_eq!(ok("sabato 1° maggio 2021"), day(2021, 5, 1));
        assert_eq!(ok("samedi 1er mai 2021"), day(2021, 5, 1));
        assert_eq!(ok("Sat, May 1st, 2021"), day(2021, 5, 1));
        assert_eq!(ok("Tue 04/05/2021"), day(2021, 5, 4));
    }

    #[test]
    fn ordinal_suffix_must_be_glued() {
        assert!(err("4 th May 2021").contains("write e.g."));
        assert!(err("1 er mai 2021").contains("write e.g."));
    }

    #[test]
    fn gaps_inside_numeric_dates_are_rejected() {
        assert!(err("04 .05.2021").contains("write e.g."));
        assert!(err("2021 -05-04").contains("write e.g."));
    }

    #[test]
    fn a_space_before_the_year_of_a_dotted_date() {
        assert_eq!(ok("04.05. 2021"), day(2021, 5, 4));
        assert_eq!(ok("4.5. 2021"), day(2021, 5, 4));
        assert_eq!(ok("Dienstag, 04.05. 2021"), day(2021, 5, 4));
        assert_eq!(
            ok("04.05. 2021, 10:30 Uhr"),
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2021, 5, 4)
                    .unwrap()
                    .and_hms_opt(10, 30, 0)
                    .unwrap()
            )
        );
        assert!(err("31.02. 2021").contains("day 31 out of range for February"));
        assert!(err("04.05. 21").contains("two-digit year"));
        for text in ["04/05/ 2021", "04-05- 2021", "2021.05. 04", "04.05 .2021"] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn dotted_year_first_is_accepted() {
        assert_eq!(ok("2021.05.04"), day(2021, 5, 4));
    }

    #[test]
    fn written_leap_day() {
        assert_eq!(ok("29 February 2024"), day(2024, 2, 29));
        assert!(err("29 février 2023").contains("not a leap year"));
    }

    #[test]
    fn instant_keeps_its_offset() {
        let ParsedDate::Instant(dt) = ok("2021-05-04T09:30:00-05:30") else {
            panic!("not an instant");
        };
        assert_eq!(dt.offset().local_minus_utc(), -(5 * 3600 + 30 * 60));
        assert_eq!(dt.format("%H:%M").to_string(), "09:30");
    }

    #[test]
    fn fractional_seconds_beyond_nanos_are_truncated() {
        let ParsedDate::Instant(dt) = ok("2021-05-04T09:30:00.1234567891234Z") else {
            panic!("not an instant");
        };
        assert_eq!(dt.timestamp_subsec_nanos(), 123_456_789);
        let ParsedDate::Instant(dt) = ok("2021-05-04T09:30:00,5Z") else {
            panic!("not an instant");
        };
        assert_eq!(dt.timestamp_subsec_millis(), 500);
    }

    #[test]
    fn malformed_offsets() {
        for text in [
            "2021-05-04T09:30:00+02:",
            "2021-05-04T09:30:00+2:00",
            "2021-05-04T09:30:00+02:60",
            "2021-05-04T09:30:00 IST",
            "2021-05-04T09:30:00 CET+1",
            "2021-05-04T09:30:00 UTC+25",
            "2021-05-04T09:30:00+02:00:00",
        ] {
            assert!(err(text).contains("date-time"), "{text}");
        }
    }

    #[test]
    fn error_quotes_input_without_surrounding_space() {
        let e = err("\u{feff}  next tuesday. ");
        assert!(
            e.starts_with("cannot read `next tuesday.` as a date"),
            "{e}"
        );
    }

    #[test]
    fn day_without_year_or_month_is_refused() {
        for text in ["4.5.", "4. Mai", "Mai", "2021", "4"] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    /// The instant a zoned reading stands for, by its zone's rules on
    /// that date.
    fn zoned_instant(text: &str, order: DateOrder) -> String {
        match parse_date(text, order) {
            Ok(ParsedDate::Zoned(local, tz)) => {
                tz.from_local_datetime(&local).unwrap().to_rfc3339()
            }
            other => panic!("{text:?}: not zoned but {other:?}"),
        }
    }

    #[test]
    fn a_bare_offset_after_a_written_or_slash_date_time() {
        for (text, want) in [
            ("Dec 7, 2026 15:45 -05:00", "2026-12-07T15:45:00-05:00"),
            ("20/11/2026 16:00 (-03:00)", "2026-11-20T16:00:00-03:00"),
            ("20/11/2026 16:00 -03:00", "2026-11-20T16:00:00-03:00"),
            ("20/11/2026, 16:00 -0300", "2026-11-20T16:00:00-03:00"),
            ("4 May 2021 at 10:30 a.m. +02", "2021-05-04T10:30:00+02:00"),
            ("4. Mai 2021, 10:30 Uhr +02:00", "2021-05-04T10:30:00+02:00"),
        ] {
            assert_eq!(ok(text), instant(want), "{text}");
        }
        // As the ISO form and the zone's name read them.
        assert_eq!(
            ok("2026-11-20 16:00 -03:00"),
            ok("20/11/2026 16:00 (-03:00)")
        );
        assert_eq!(
            ok("20/11/2026 16:00 (GMT-3)"),
            ok("20/11/2026 16:00 (-03:00)")
        );
        // ISO 8601's offset has a two-digit hour, and follows a time.
        for text in [
            "20/11/2026 16:00 -3",
            "20/11/2026 16:00 -03:0",
            "20/11/2026 16:00 -24:00",
            "Dec 7, 2026 -05:00",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn hours_abbreviated_before_a_zone() {
        for (text, want) in [
            (
                "7 de diciembre de 2026 – 19:10 hrs. CST",
                "2026-12-07T19:10:00-06:00",
            ),
            ("07/12/2026 15:00 hrs. CST", "2026-12-07T15:00:00-06:00"),
            ("07/12/2026 15:00 hrs CST", "2026-12-07T15:00:00-06:00"),
            ("07/12/2026 15:00 h. CST", "2026-12-07T15:00:00-06:00"),
            ("07/12/2026 15:00 horas CST", "2026-12-07T15:00:00-06:00"),
            ("07/12/2026, 15 hrs. CST", "2026-12-07T15:00:00-06:00"),
            ("20/11/2026 16 hs. (-03:00)", "2026-11-20T16:00:00-03:00"),
        ] {
            assert_eq!(ok(text), instant(want), "{text}");
        }
        let local = ParsedDate::Local(
            NaiveDate::from_ymd_opt(2026, 12, 7)
                .unwrap()
                .and_hms_opt(15, 0, 0)
                .unwrap(),
        );
        for text in [
            "07/12/2026 15:00 hrs.",
            "07/12/2026 15:00 hrs",
            "07/12/2026 15 hs.",
            "07/12/2026 15:00 h.",
        ] {
            assert_eq!(ok(text), local, "{text}");
        }
        for text in [
            "07/12/2026 hrs. CST",
            "07/12/2026 15 CST",
            "07/12/2026 15:00 hrs. XYZ",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn a_zone_in_spanish_words() {
        use chrono_tz::America::{Chicago, Los_Angeles, Mazatlan, Mexico_City, New_York};
        let zoned = |text: &str| match ok(text) {
            ParsedDate::Zoned(_, tz) => tz,
            other => panic!("{text:?}: not zoned but {other:?}"),
        };
        // Mexico keeps no summer time since 2022: -06:00 in November and July.
        for (text, want) in [
            (
                "26 de noviembre de 2026, 23:05 (hora del centro de México)",
                "2026-11-26T23:05:00-06:00",
            ),
            (
                "7 de julio de 2026, 23:05 (hora del centro de México)",
                "2026-07-07T23:05:00-06:00",
            ),
            (
                "26/11/2026 23:05 hrs. tiempo del centro",
                "2026-11-26T23:05:00-06:00",
            ),
            (
                "2026-11-26 23:05 Hora del Centro",
                "2026-11-26T23:05:00-06:00",
            ),
            (
                "7 de julio de 2026, 10:00 a. m. (hora del Este)",
                "2026-07-07T10:00:00-04:00",
            ),
            (
                "7 de diciembre de 2026, 10:00 a. m. hora del este de EE. UU.",
                "2026-12-07T10:00:00-05:00",
            ),
            (
                "7 de julio de 2026, 10:00 (hora del Pacífico de EE.UU.)",
                "2026-07-07T10:00:00-07:00",
            ),
            (
                "7 de diciembre de 2026, 10:00 (hora del Pacífico de México)",
                "2026-12-07T10:00:00-07:00",
            ),
        ] {
            assert_eq!(zoned_instant(text, DateOrder::Dmy), want, "{text}");
        }
        for (text, tz) in [
            (
                "26/11/2026 23:05 (hora de la Ciudad de México)",
                Mexico_City,
            ),
            ("26/11/2026 23:05 (hora de Ciudad de Mexico)", Mexico_City),
            ("26/11/2026 23:05 (hora del centro del país)", Mexico_City),
            (
                "26/11/2026 23:05 (tiempo del centro de México)",
                Mexico_City,
            ),
            (
                "26/11/2026 23:05 (hora del centro de Estados Unidos)",
                Chicago,
            ),
            (
                "26/11/2026 23:05 (hora del Este de Estados Unidos)",
                New_York,
            ),
            ("26/11/2026 23:05 (hora del pacifico de EEUU)", Los_Angeles),
            ("26/11/2026 23:05 (tiempo del Pacífico)", Mazatlan),
        ] {
            assert_eq!(zoned(text), tz, "{text}");
        }
        // No zone named, or two: refused, never read in another zone.
        assert!(REGIONS
            .iter()
            .all(|(name, _)| name.split(' ').count() <= ZONE_WORDS));
        for text in [
            "26/11/2026 23:05 (hora local)",
            "26/11/2026 23:05 hora local",
            "26/11/2026 23:05 (hora del Pacífico)",
            "26/11/2026 23:05 hora del centro de Marte",
            "26 de noviembre de 2026 (hora del centro)",
            "26 de noviembre de 2026 hora del centro",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn us_zones_of_alaska_and_hawaii() {
        for (text, want) in [
            ("Dec. 7, 2026 3:45 p.m. HST", "2026-12-07T15:45:00-10:00"),
            // Hawaii keeps no summer time.
            ("July 7, 2026 3:45 p.m. HST", "2026-07-07T15:45:00-10:00"),
            ("Dec. 7, 2026 3:45 p.m. AKST", "2026-12-07T15:45:00-09:00"),
            ("July 7, 2026 3:45 p.m. AKDT", "2026-07-07T15:45:00-08:00"),
            ("Dec. 7, 2026 3:45 p.m. EST", "2026-12-07T15:45:00-05:00"),
            ("July 7, 2026 3:45 p.m. EDT", "2026-07-07T15:45:00-04:00"),
            ("Dec. 7, 2026 3:45 p.m. CST", "2026-12-07T15:45:00-06:00"),
            ("July 7, 2026 3:45 p.m. CDT", "2026-07-07T15:45:00-05:00"),
            ("Dec. 7, 2026 3:45 p.m. MST", "2026-12-07T15:45:00-07:00"),
            ("July 7, 2026 3:45 p.m. MDT", "2026-07-07T15:45:00-06:00"),
            ("Dec. 7, 2026 3:45 p.m. PST", "2026-12-07T15:45:00-08:00"),
            ("July 7, 2026 3:45 p.m. PDT", "2026-07-07T15:45:00-07:00"),
        ] {
            assert_eq!(ok(text), instant(want), "{text}");
        }
        for (text, want) in [
            ("Dec. 7, 2026 3:45 p.m. ET", "2026-12-07T15:45:00-05:00"),
            ("July 7, 2026 3:45 p.m. CT", "2026-07-07T15:45:00-05:00"),
            ("Dec. 7, 2026 3:45 p.m. MT", "2026-12-07T15:45:00-07:00"),
            ("July 7, 2026 3:45 p.m. PT", "2026-07-07T15:45:00-07:00"),
        ] {
            assert_eq!(zoned_instant(text, DateOrder::Dmy), want, "{text}");
        }
        // The Atlantic's in the Americas, Arabia's in the Gulf.
        assert!(err("Dec. 7, 2026 3:45 p.m. AST").contains("write e.g."));
    }

    #[test]
    fn a_time_before_the_date_without_a_comma() {
        assert_eq!(
            zoned_instant("Updated 10:12 AM ET Dec. 8, 2026", DateOrder::Dmy),
            "2026-12-08T10:12:00-05:00"
        );
        assert_eq!(
            ok("Updated 10:12 AM ET Dec. 8, 2026"),
            ok("Updated 10:12 AM ET, Dec. 8, 2026")
        );
        for (text, want) in [
            ("3:45 PM EST March 3, 2025", "2025-03-03T15:45:00-05:00"),
            (
                "Published 2:48 PM EDT Oct. 28, 2025",
                "2025-10-28T14:48:00-04:00",
            ),
            ("10:30 -05:00 4 May 2021", "2021-05-04T10:30:00-05:00"),
        ] {
            assert_eq!(ok(text), instant(want), "{text}");
        }
        // `am` is a.m., not German's article.
        assert_eq!(
            ok("12:15 am Dec. 8, 2026"),
            ParsedDate::Local(
                NaiveDate::from_ymd_opt(2026, 12, 8)
                    .unwrap()
                    .and_hms_opt(0, 15, 0)
                    .unwrap()
            )
        );
        // An unknown word after the time is no place before the date.
        for text in [
            "10:12 AM XYZ, Dec. 8, 2026",
            "10:12 AM XYZ Dec. 8, 2026",
            "10:12 Dec. 8",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }

    #[test]
    fn the_original_publication_after_the_last_update() {
        let mdy = |text: &str| zoned_instant(text, DateOrder::Mdy);
        assert_eq!(
            mdy("Last updated: 12/08/2026 10:12 AM ET | Originally published: 12/07/2026 8:00 PM ET"),
            "2026-12-07T20:00:00-05:00"
        );
        assert_eq!(
            mdy("Last updated: 12/08/2026 10:12 AM ET | Originally published: 12/07/2026 8:00 PM ET"),
            mdy("Updated: 12/08/2026 10:12 AM ET | Published: 12/07/2026 8:00 PM ET"),
        );
        assert_eq!(
            mdy("Originally published: 12/07/2026 8:00 PM ET | Last updated: 12/08/2026 10:12 AM ET"),
            "2026-12-07T20:00:00-05:00"
        );
        let first = day(2026, 12, 7);
        for text in [
            "Last modified Dec. 8, 2026 · First published Dec. 7, 2026",
            "First published Dec. 7, 2026",
            "Originally published on Dec. 7, 2026",
            "Última modificación: 08/12/2026 | Publicado originalmente: 07/12/2026",
            "Publicado originalmente el 7 de diciembre de 2026, última modificación el 8 de diciembre",
            "Ultima modifica: 08/12/2026 | Pubblicato originariamente il 07/12/2026",
            "Zuletzt geändert am 08.12.2026 | Ursprünglich veröffentlicht am 07.12.2026",
            "Ursprünglich veröffentlicht am 07.12.2026",
            "Modifié le 8 décembre 2026 | Publié initialement le 7 décembre 2026",
            "Modifié le 8 décembre 2026 | Première publication : 7 décembre 2026",
            "Première publication le 7 décembre 2026",
        ] {
            assert_eq!(ok(text), first, "{text}");
        }
        // An update label alone dates the page by its update.
        for text in [
            "Modifié le 7 décembre 2026",
            "Zuletzt geändert am 07.12.2026",
            "Última modificación: 7 de diciembre de 2026",
        ] {
            assert_eq!(ok(text), first, "{text}");
        }
    }

    #[test]
    fn an_unread_rest_after_a_date_is_named() {
        assert_eq!(
            err("Dec. 7, 2026 3:45 p.m. XYZ"),
            format!(
                "cannot read `Dec. 7, 2026 3:45 p.m. XYZ` as a date: `XYZ` is no time zone \
                 babelfeed knows; {TIME_HINT}"
            )
        );
        assert_eq!(
            err("26/11/2026 23:05 (hora local)"),
            format!(
                "cannot read `26/11/2026 23:05 (hora local)` as a date: `hora local` is no \
                 time zone babelfeed knows; {TIME_HINT}"
            )
        );
        assert_eq!(
            err("7 de diciembre de 2026 – 19:10 horitas"),
            format!(
                "cannot read `7 de diciembre de 2026 – 19:10 horitas` as a date: the date \
                 `7 de diciembre de 2026 – 19:10` was read, but not `horitas` after it; {TIME_HINT}"
            )
        );
        assert_eq!(
            err("7 de diciembre de 2026 – por la tarde"),
            format!(
                "cannot read `7 de diciembre de 2026 – por la tarde` as a date: the date \
                 `7 de diciembre de 2026` was read, but not `por la tarde` after it; {HINT}"
            )
        );
        assert_eq!(
            err("Dec. 7, 2026 3:45 p.x. EST"),
            format!(
                "cannot read `Dec. 7, 2026 3:45 p.x. EST` as a date: the date \
                 `Dec. 7, 2026 3:45` was read, but not `p.x. EST` after it; {TIME_HINT}"
            )
        );
        // Without a time, the advice is the date's.
        assert_eq!(
            err("4 May 2021 and more"),
            format!(
                "cannot read `4 May 2021 and more` as a date: the date `4 May 2021` was read, \
                 but not `and more` after it; {HINT}"
            )
        );
        // Nothing read: the forms that would have worked.
        assert_eq!(
            err("Vor 3 Tagen, 04.05.2021"),
            format!("cannot read `Vor 3 Tagen, 04.05.2021` as a date; {HINT}")
        );
    }

    #[test]
    fn odd_inputs_never_panic() {
        let pieces = [
            "",
            " ",
            ".",
            "/",
            "-",
            "T",
            "Z",
            "+",
            ":",
            "4",
            "04",
            "2021",
            "Mai",
            "º",
            "°",
            "é",
            "\u{308}",
            "\u{feff}",
            "😀",
            "ß",
            "İ",
            ",",
            "de",
            "1er",
            "99999999999999999999",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    let _ = parse_date(&text, DateOrder::Dmy);
                    let _ = parse_date(&text, DateOrder::Mdy);
                    let spaced = format!("{a} {b} {c}");
                    let _ = parse_date(&spaced, DateOrder::Dmy);
                }
            }
        }
        for text in [
            "2021-05-04T",
            "2021-05-04T0",
            "2021-05-04T09:",
            "2021-05-04T09:30:",
            "2021-05-04T09:30:00+",
            "2021-05-04T09:30:00+02:",
            "2021-05-04T09:30:00+02:0",
            "2021-05-04T09:30:00.9999999999999Z",
            "2021-05-04 9😀",
            "4 May 2021 10:30 UTC+1é1",
            "4 May 2021 10:30 -1é1",
            "9999-12-31T23:59:59-23:59",
            "1000-01-01T00:00:00+23:59",
        ] {
            let _ = parse_date(text, DateOrder::Dmy);
        }
    }

    /// `10:30, 11:00`: AP's reading of a time before a date turned such a
    /// line round and back until the stack overflowed.
    #[test]
    fn a_time_on_both_sides_of_a_comma_ends() {
        for text in [
            "10:30, 10:30",
            "10:30, 11:00, 4 May 2021",
            "10:30 10:30",
            "00:01 GMT am 2021-05-04T10:30:00+02:00",
        ] {
            assert!(err(text).contains("write e.g."), "{text}");
        }
    }
}
