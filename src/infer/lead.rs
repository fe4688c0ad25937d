//! Which part of a plain-text export's opening is its headline and which
//! its lead.
//!
//! The contract makes the first paragraph the lead and its first sentence
//! the title, but real exports put other things first: a byline ("Von Anna
//! Müller, dpa"), a photo credit ("Foto: dpa"), a headline on a line of its
//! own above the text, an agency dateline ("BERLIN (dpa) –"). Taken as they
//! are, a byline became the title and summary of every story its author
//! wrote (and two of them on one day shared a URL), and a headline ran on
//! into the lead's first sentence. These rules only skip or split what is
//! plainly not the lead's text; everything stays in the body.

use crate::parse::Paragraph;

/// What the opening of a plain-text export gives.
#[derive(Debug, PartialEq)]
pub struct Opening {
    /// A headline written on a line of its own: the title as written.
    pub headline: Option<String>,
    /// The lead paragraph without credits and headline: the summary, and
    /// the title's source when there is no headline.
    pub lead: String,
}

/// Lines longer than this are text, not a byline, a credit or a headline.
const MAX_LINE_CHARS: usize = 160;

/// A line above the lead shorter than this share of the lead's longest
/// line is a headline; a paragraph wrapped by hand has lines of nearly one
/// length, so its first line, which ends mid-sentence too, is never one.
const HEADLINE_SHARE: f64 = 0.75;

/// Reads the opening of `paragraphs` (never empty).
pub fn opening(paragraphs: &[Paragraph]) -> Opening {
    let whole_first = || Opening {
        headline: None,
        lead: paragraphs[0].text.clone(),
    };
    // The first paragraph with a line that is neither byline nor credit,
    // from that line on.
    let Some((at, lines)) = paragraphs.iter().enumerate().find_map(|(at, p)| {
        let lines: Vec<&str> = p
            .text
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty() || is_byline_or_credit(l))
            .collect();
        (!lines.is_empty()).then_some((at, lines))
    }) else {
        return whole_first();
    };
    let next = paragraphs.get(at + 1).map(|p| p.text.as_str());
    match lines.as_slice() {
        [first, rest @ ..] if !rest.is_empty() && is_headline_above(first, rest) => Opening {
            headline: Some(first.to_string()),
            lead: rest.join("\n"),
        },
        // A headline as a paragraph of its own, above the lead.
        [only] if looks_like_headline(only) && next.is_some() => Opening {
            headline: Some(only.to_string()),
            lead: next.unwrap_or_default().to_string(),
        },
        _ => Opening {
            headline: None,
            lead: lines.join("\n"),
        },
    }
}

/// Whether `first` is a headline written directly above the lines `rest`
/// of the lead: no sentence end, the next line starts one, and it is
/// clearly shorter than the lead's lines (see [`HEADLINE_SHARE`]).
fn is_headline_above(first: &str, rest: &[&str]) -> bool {
    let longest = rest.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let starts_sentence = rest[0]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "„“\"«‹‚'¿¡".contains(c));
    looks_like_headline(first)
        && starts_sentence
        && (first.chars().count() as f64) < HEADLINE_SHARE * longest as f64
}

/// A short line that does not end as a sentence or a clause does.
fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    let Some(last) = line.chars().last() else {
        return false;
    };
    let ends_open = ".!?…:;,-–—(/".contains(last)
        || (matches!(last, '"' | '“' | '”' | '»' | '«' | '’' | ')')
            && line
                .trim_end_matches(['"', '“', '”', '»', '«', '’', ')', ' ', '\u{a0}'])
                .ends_with(['.', '!', '?', '…']));
    !ends_open && line.chars().count() <= MAX_LINE_CHARS
}

/// Whether a line is a byline ("Von Anna Müller, dpa", "By Mark
/// Thompson", "Par Jean Dupont et Marie Curie") or a picture credit ("Foto:
/// dpa", "Photo : Reuters/Annegret Hilse", "(Bild: Keystone)"): lines
/// that come before the lead in exports and are no part of it.
pub fn is_byline_or_credit(line: &str) -> bool {
    let line = line
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    if line.is_empty()
        || line.chars().count() > MAX_LINE_CHARS / 2
        || line.ends_with(['.', '!', '?'])
    {
        return false;
    }
    is_credit(line) || is_byline(line)
}

const CREDIT_WORDS: &[&str] = &[
    "foto",
    "fotos",
    "photo",
    "photos",
    "bild",
    "bilder",
    "image",
    "images",
    "credit",
    "credits",
    "crédit",
    "crédits",
    "crédit photo",
    "fotografía",
    "immagine",
    "picture",
    "pictures",
];

fn is_credit(line: &str) -> bool {
    let Some((label, who)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    CREDIT_WORDS.contains(&label.as_str()) && !who.trim().is_empty()
}

/// "Von", "By", "Par", "Por" or "Di" and one or more names (capitalised
/// words, joined by "und", "and", "et", "y" or "e"), then at most an
/// agency or role after a comma or slash. "Von Montag an gilt …" is no
/// byline: "an" is no name.
fn is_byline(line: &str) -> bool {
    const BY: &[&str] = &["Von", "By", "Par", "Por", "Di"];
    const AND: &[&str] = &["und", "and", "et", "y", "e", "&"];
    let names = line.split([',', '/', '|']).next().unwrap_or(line);
    let mut words = names.split_whitespace();
    if !words.next().is_some_and(|w| BY.contains(&w)) {
        return false;
    }
    let mut count = 0;
    for word in words {
        let name = word.chars().next().is_some_and(char::is_uppercase);
        if !(name || AND.contains(&word)) {
            return false;
        }
        count += usize::from(name);
    }
    (1..=6).contains(&count)
}

/// The first sentence without an agency dateline before it: "BERLIN (dpa) –
/// Die …", "PARIS (AFP) - Le …", "ROMA — Il …", "Berlin (dpa) - Die …".
/// A place in capitals, or any place followed by a bracketed agency, then
/// a dash; the sentence must go on with a capital after it. A title that
/// opens with the city and agency shows one thing in every entry of the
/// feed, and its slug is "berlin-dpa-…".
pub fn without_dateline(sentence: &str) -> &str {
    let is_dash = |c: char| matches!(c, '–' | '—' | '-');
    // The place: up to the bracket, or the dash with a space before it
    // ("BADEN-BADEN (dpa)" keeps its hyphen).
    let Some(place_end) = sentence
        .char_indices()
        .take_while(|&(at, _)| at <= 40)
        .find(|&(at, c)| c == '(' || (is_dash(c) && sentence[..at].ends_with(' ')))
        .map(|(at, _)| at)
    else {
        return sentence;
    };
    let place = sentence[..place_end].trim();
    if !place.chars().next().is_some_and(char::is_uppercase) {
        return sentence;
    }
    let in_capitals = place
        .chars()
        .all(|c| c.is_uppercase() || " ./-'’/".contains(c))
        && place.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    let mut rest = sentence[place_end..].trim_start();
    let mut agency = false;
    if let Some(inner) = rest.strip_prefix('(') {
        let Some(close) = inner.find(')').filter(|&close| close > 0 && close <= 30) else {
            return sentence;
        };
        agency = true;
        rest = inner[close + 1..].trim_start();
    }
    // "Die Bahn (DB) – ein Konzern …" is a subject, not a place: only a
    // place in capitals stands alone, and any other needs an agency and
    // at most two words.
    if !(in_capitals || (agency && place.split_whitespace().count() <= 2)) {
        return sentence;
    }
    let Some(text) = rest.strip_prefix(is_dash).map(str::trim_start) else {
        return sentence;
    };
    let goes_on = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "„“\"«‹‚¿¡".contains(c));
    if goes_on {
        text
    } else {
        sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph {
                text: t.to_string(),
                line: 3 + 2 * i,
            })
            .collect()
    }

    fn open(texts: &[&str]) -> (Option<String>, String) {
        let o = opening(&paragraphs(texts));
        (o.headline, o.lead)
    }

    #[test]
    fn bylines_and_credits_before_the_lead_are_skipped() {
        let lead = "BERLIN (dpa) – Der Bundesrat hat am Freitag getagt.";
        for first in [
            "Von Anna Müller, dpa",
            "By Mark Thompson",
            "Par Jean Dupont et Marie Curie",
            "Di Marco Rossi",
            "Foto: dpa",
            "Photo : Reuters/Annegret Hilse",
            "(Bild: Keystone)",
        ] {
            assert_eq!(
                open(&[first, lead, "Mehr."]),
                (None, lead.into()),
                "{first}"
            );
            assert_eq!(
                open(&[&format!("{first}\n{lead}"), "Mehr."]),
                (None, lead.into()),
                "{first}"
            );
        }
        // Leads that begin like one are kept.
        for lead in [
            "Von Montag an gilt in Berlin die neue Regel.",
            "By the end of the year, prices had doubled.",
            "Par ailleurs, la ville a voté le budget.",
            "Foto und Video sind erlaubt, sagte das Gericht.",
        ] {
            assert_eq!(open(&[lead, "Mehr."]), (None, lead.into()), "{lead}");
        }
        // An opening of credits alone is still the lead.
        assert_eq!(open(&["Foto: dpa"]), (None, "Foto: dpa".into()));
    }

    #[test]
    fn a_headline_line_above_the_lead_is_the_title() {
        let lead = "Der Bundesrat hat am Freitag den Weg für die Teillegalisierung von Cannabis frei gemacht. Das Gesetz tritt am 1. April in Kraft.";
        assert_eq!(
            open(&[
                &format!("Bundesrat billigt Cannabis-Gesetz\n{lead}"),
                "Mehr."
            ]),
            (
                Some("Bundesrat billigt Cannabis-Gesetz".into()),
                lead.into()
            )
        );
        assert_eq!(
            open(&[
                "Cannabis : le Bundesrat donne son feu vert",
                "Le Bundesrat a voté.",
                "Plus."
            ]),
            (
                Some("Cannabis : le Bundesrat donne son feu vert".into()),
                "Le Bundesrat a voté.".into()
            )
        );
        // A credit, then a headline: both come off.
        assert_eq!(
            open(&[&format!("Foto: dpa\nBundesrat billigt Gesetz\n{lead}")]),
            (Some("Bundesrat billigt Gesetz".into()), lead.into())
        );
    }

    #[test]
    fn a_paragraph_wrapped_by_hand_has_no_headline() {
        let wrapped = "Der Bundesrat hat am Freitag den Weg für die Teillegalisierung von\nCannabis frei gemacht. Das Gesetz kann damit wie geplant am 1. April\nin Kraft treten, sagte die Ministerin.";
        assert_eq!(open(&[wrapped, "Mehr."]), (None, wrapped.into()));
        // Nor has a lead whose line ends with a sentence.
        let two = "Der Bundesrat hat getagt.\nEr hat das Gesetz gebilligt, sagte die Ministerin am Abend in Berlin.";
        assert_eq!(open(&[two]), (None, two.into()));
        // A one-line lead that ends as a sentence is the lead, not a headline.
        assert_eq!(
            open(&["Der Bundesrat hat getagt.", "Mehr."]),
            (None, "Der Bundesrat hat getagt.".into())
        );
    }

    #[test]
    fn datelines_come_off_the_title() {
        for (sentence, title) in [
            (
                "BERLIN (dpa) – Der Bundesrat hat getagt.",
                "Der Bundesrat hat getagt.",
            ),
            ("PARIS (AFP) - Le Sénat a voté.", "Le Sénat a voté."),
            (
                "ROMA — Il governo ha approvato.",
                "Il governo ha approvato.",
            ),
            ("SAN FRANCISCO (AP) — Apple said.", "Apple said."),
            ("Berlin (dpa) - Die Bahn streikt.", "Die Bahn streikt."),
            (
                "FRANKFURT/MAIN (dpa) – Die Börse schloss.",
                "Die Börse schloss.",
            ),
            ("BADEN-BADEN (dpa) – Die Bäder öffnen.", "Die Bäder öffnen."),
            // Not datelines.
            (
                "Die Bahn (DB) – ein Konzern in der Krise.",
                "Die Bahn (DB) – ein Konzern in der Krise.",
            ),
            ("Wer zahlt – und wann?", "Wer zahlt – und wann?"),
            (
                "EU-Gipfel in Brüssel beginnt.",
                "EU-Gipfel in Brüssel beginnt.",
            ),
            ("NATO – die Allianz wächst.", "NATO – die Allianz wächst."),
        ] {
            assert_eq!(without_dateline(sentence), title, "{sentence}");
        }
    }
}
