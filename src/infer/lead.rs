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
    /// The names of the bylines above the lead, in order: the entry's
    /// authors, when no sidecar names them.
    pub bylines: Vec<String>,
}

/// Lines longer than this are text, not a byline or a credit.
const MAX_CREDIT_CHARS: usize = 80;

/// Lines longer than this are text, not a headline.
const MAX_HEADLINE_CHARS: usize = 100;

/// A line above the lead shorter than this share of the lead's longest
/// line is a headline; a paragraph wrapped by hand has lines of nearly one
/// length, so its first line, which ends mid-sentence too, is never one.
const HEADLINE_SHARE: f64 = 0.75;

/// Paragraphs that may hold bylines, credits, a kicker, a headline and
/// the lead.
const OPENING_PARAGRAPHS: usize = 8;

/// Where the reading of an opening stands: a paragraph and a line in it.
#[derive(Clone, Copy)]
struct At {
    paragraph: usize,
    line: usize,
}

/// Reads the opening of `paragraphs` (never empty): bylines and credits,
/// then a headline, then bylines and credits again, then the lead.
pub fn opening(paragraphs: &[Paragraph]) -> Opening {
    // What comes before the lead is a few lines; the rest of a long
    // article is not split into lines for it.
    let lines: Vec<Vec<&str>> = paragraphs
        .iter()
        .take(OPENING_PARAGRAPHS)
        .map(|p| {
            p.text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .collect();
    // An editor's note above the story ("Correction: An earlier version
    // …") is about the article, not its story.
    let note = paragraphs[0]
        .text
        .lines()
        .next()
        .is_some_and(is_editors_note)
        && refers_to_the_article(&paragraphs[0].text);
    // A greeting above a letter ("Liebe Leserinnen und Leser,").
    let greeting = matches!(
        lines.first().map(Vec::as_slice),
        Some([line]) if line.ends_with(',') && line.chars().count() <= 60
    );
    let first = match lines.len() > 1 && (note || greeting) {
        true => 1,
        false => 0,
    };
    let mut at = skip_credits(
        &lines,
        At {
            paragraph: first,
            line: 0,
        },
    );
    // A kicker: one word above the text ("Hochwasser"), which tags the
    // story rather than tells it, and which many stories of a day share.
    // Two of them at most: "News release" above "For immediate release".
    for _ in 0..2 {
        let Some(here) = lines.get(at.paragraph) else {
            break;
        };
        let more = at.line + 1 < here.len() || at.paragraph + 1 < lines.len();
        let word = here[at.line];
        // Or a rubric marked as one ("Culture |", "Politik |").
        let rubric = word.trim_end().strip_suffix('|').is_some_and(|name| {
            let words = name.split_whitespace().count();
            (1..=3).contains(&words)
        });
        // Or a cry of one word as a paragraph or line of its own
        // ("¡Campeones!", "Enfin !"): no more of a title than a kicker.
        let cry = word
            .trim_start_matches('¡')
            .trim_end_matches('!')
            .trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        let cried = word.ends_with('!')
            && cry.chars().count() >= 3
            && cry.chars().all(|c| c.is_alphabetic() || c == '-');
        if more
            && (rubric
                || cried
                || is_release_label(word)
                || !word.contains(char::is_whitespace) && looks_like_headline(word))
        {
            at.line += 1;
            at = skip_credits(&lines, at);
        } else {
            break;
        }
    }
    let mut headline = None;
    if let Some(here) = lines.get(at.paragraph) {
        let (first, rest) = (here[at.line], &here[at.line + 1..]);
        // "France pays winemakers to rip up vines" above "By Mark
        // Thompson", the lead a paragraph further.
        let credits_below = !rest.is_empty()
            && rest
                .iter()
                .enumerate()
                .all(|(i, line)| is_byline_or_credit(line, rest.get(i + 1).copied()));
        if credits_below && at.paragraph + 1 < lines.len() && looks_like_headline(first) {
            headline = Some(first.to_string());
            at = At {
                paragraph: at.paragraph + 1,
                line: 0,
            };
        } else if let Some(line) = headline_in_block(&here[at.line..], lines.get(at.paragraph + 1))
        {
            headline = Some(line);
            at = At {
                paragraph: at.paragraph + 1,
                line: 0,
            };
        } else if !rest.is_empty() && is_headline_above(first, rest) {
            headline = Some(first.to_string());
            at.line += 1;
        } else if rest.is_empty()
            && at.paragraph + 1 < lines.len()
            && (looks_like_headline(first) || is_long_headline(first, &lines[at.paragraph + 1]))
        {
            // A headline as a paragraph of its own, above the lead.
            headline = Some(first.to_string());
            at = At {
                paragraph: at.paragraph + 1,
                line: 0,
            };
        }
        if headline.is_some() {
            at = skip_credits(&lines, at);
        }
    }
    match lines.get(at.paragraph) {
        Some(here) => {
            let lead = &here[at.line..];
            // A lead that opens a list ("Das ändert sich im Juli:" and its
            // items): the line before the items is the title, not the
            // whole list run together. Two items at least: a line of a
            // wrapped paragraph may start with a dash.
            let list_follows =
                lead.len() > 2 && lead[1..].iter().all(|l| super::body::starts_list_item(l));
            if headline.is_none() && list_follows && !super::body::starts_list_item(lead[0]) {
                // It opens the story, so a dateline may stand before it.
                let line = without_dateline(lead[0]);
                headline = Some(line.trim_end_matches([':', ' ']).to_string());
            }
            // A rubric on the line itself ("ÉCONOMIE | Grève …") names
            // the section, not the story.
            let mut lead = lead.to_vec();
            lead[0] = without_rubric(lead[0]);
            Opening {
                headline: headline.map(|h| without_rubric(&h).to_string()),
                lead: lead.join("\n"),
                bylines: names_above(&lines, at),
            }
        }
        // Nothing but credits (and a headline): the opening as written.
        None => Opening {
            headline: None,
            lead: paragraphs[0].text.clone(),
            bylines: Vec::new(),
        },
    }
}

/// `line` without the rubrics before its text: each one to four words,
/// the first capitalised, then ` | ` and a sentence or another rubric
/// ("Sport | Der FC …", "ÉCONOMIE | Grève …", "Kultur | Literatur | Der
/// Roman …", "Coupe du monde 2026 | Les Bleus …").
fn without_rubric(line: &str) -> &str {
    repeatedly(without_one_rubric, line)
}

/// `text` after `strip` took off what it takes off, as often as it does.
fn repeatedly(strip: fn(&str) -> &str, mut text: &str) -> &str {
    loop {
        let stripped = strip(text);
        if stripped.len() == text.len() {
            return text;
        }
        text = stripped;
    }
}

fn without_one_rubric(line: &str) -> &str {
    let Some((name, text)) = line.split_once(" | ") else {
        return line;
    };
    let words = name.split_whitespace().count();
    let text = text.trim_start();
    let is_rubric = (1..=4).contains(&words)
        && name.chars().next().is_some_and(char::is_uppercase)
        // Not a quoted title's pipes ("„Kunst | Macht | Politik“").
        && !name.contains(['.', '!', '?', ':', ',', '|', '"', '„', '“', '”', '«', '»', '‚', '‘', '’', '(', ')'])
        && starts_sentence(text);
    match is_rubric {
        true => text,
        false => line,
    }
}

/// Moves past the bylines and credits from `at` on, line by line and
/// paragraph by paragraph; past the last paragraph when all are.
fn skip_credits(lines: &[Vec<&str>], mut at: At) -> At {
    while let Some(here) = lines.get(at.paragraph) {
        if at.line >= here.len() {
            at = At {
                paragraph: at.paragraph + 1,
                line: 0,
            };
            continue;
        }
        if !is_byline_or_credit(here[at.line], here.get(at.line + 1).copied()) {
            break;
        }
        at.line += 1;
    }
    at
}

/// The headline of a paragraph of two or three headline lines above the
/// lead (`next`): a kicker, the headline and a subtitle, as press
/// releases set them ("Alzheimer's research / Cryo-EM reveals how tau
/// filaments spread / Structure at 2.4 Å resolution points to …"), or
/// two of them. A kicker is a few words, shorter than the headline below
/// it; otherwise the first line is the headline. Read as a lead, the
/// lines had run together into the title, and the lead was lost.
fn headline_in_block(block: &[&str], next: Option<&Vec<&str>>) -> Option<String> {
    let lead_follows = next
        .and_then(|lead| lead.last())
        .is_some_and(|last| ends_open(last) && !last.trim_end().ends_with([',', ':', ';']));
    if block.len() < 2
        || !lead_follows
        || block[1..]
            .iter()
            .any(|line| super::body::starts_list_item(line))
    {
        return None;
    }
    // A line that goes on in lowercase continues the one above: a
    // headline the system broke in two ("Storm leaves 200,000 without
    // power" / "across three states").
    let mut lines: Vec<String> = Vec::new();
    for line in block {
        match lines.last_mut() {
            Some(last) if line.starts_with(char::is_lowercase) => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ => lines.push(line.trim().to_string()),
        }
    }
    // Lines that end in a figure are an address ("Springfield, IL
    // 62701"), a result or a date, not headlines.
    let headline_like =
        |line: &String| looks_like_headline(line) && !line.ends_with(|c: char| c.is_ascii_digit());
    if lines.len() > 3 || !lines.iter().all(headline_like) {
        return None;
    }
    // One headline in two lines: as one, if short enough to be one (a
    // lead without its full stop may be longer).
    if lines.len() == 1 {
        return (lines[0].chars().count() <= MAX_SPLIT_HEADLINE_CHARS).then(|| lines.remove(0));
    }
    let kicker = lines[0].split_whitespace().count() <= 3
        && lines[0].chars().count() < lines[1].chars().count();
    let headline = lines.swap_remove(usize::from(kicker));
    // A headline tells something, in words: a list's "Butter" or a
    // venue's "Salle Pleyel, Paris" is none.
    let tells = headline.split_whitespace().count() >= 4
        && headline
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"„“«‚‘'¿¡".contains(c));
    tells.then_some(headline)
}

/// A headline a system broke over two lines is no longer than this; a
/// lead without its full stop may be.
const MAX_SPLIT_HEADLINE_CHARS: usize = 80;

/// Labels a press office sets above a release's headline ("Press
/// release", "Invitation presse", "Comunicato stampa"), as a kicker of
/// several words; a number may follow ("Pressemitteilung Nr. 41/2026").
/// One-word labels are kickers as any one word is.
fn is_release_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "press release",
        "joint press release",
        "news release",
        "media release",
        "press statement",
        "press invitation",
        "media invitation",
        "media advisory",
        "research news",
        "for immediate release",
        "pressemitteilung",
        "gemeinsame pressemitteilung",
        "presseinformation",
        "medienmitteilung",
        "medieninformation",
        "presseeinladung",
        "medieneinladung",
        "einladung zur pressekonferenz",
        "forschungsnachricht",
        "communiqué de presse",
        "communiqué conjoint",
        "invitation presse",
        "invitation à la presse",
        "invitation aux médias",
        "information presse",
        "pour diffusion immédiate",
        "nota de prensa",
        "comunicado de prensa",
        "convocatoria de prensa",
        "convocatoria a medios",
        "nota informativa",
        "comunicato stampa",
        "comunicato congiunto",
        "invito stampa",
        "nota stampa",
        "avviso ai media",
    ];
    let lower = line.trim().trim_end_matches([':', ' ']).to_lowercase();
    LABELS.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            // Nothing more, or a number: "Nr. 41/2026", "n° 12", "No. 3".
            let rest = rest.trim_start();
            let number = ["nr.", "no.", "n°", "n.", "n.º", "núm.", "num."]
                .iter()
                .find_map(|mark| rest.strip_prefix(mark))
                .unwrap_or(rest)
                .trim_start();
            number.chars().all(|c| c.is_ascii_digit() || c == '/')
                && (rest.is_empty() || number.starts_with(|c: char| c.is_ascii_digit()))
        })
    })
}

/// Whether `first` is a headline written directly above the lines `rest`
/// of the lead: no sentence end, the next line starts one, and it is
/// clearly shorter than the lead's lines (see [`HEADLINE_SHARE`]) for
/// another reason than a long word that did not fit after it (German
/// wraps before "Verbraucherschutzorganisationen" early).
fn is_headline_above(first: &str, rest: &[&str]) -> bool {
    let longest = rest.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let first_len = first.chars().count();
    let next_word = rest[0].split_whitespace().next().unwrap_or("");
    let wrapped = first_len + 1 + next_word.chars().count() > longest;
    looks_like_headline(first)
        && starts_sentence(rest[0])
        && (first_len as f64) < HEADLINE_SHARE * longest as f64
        && !wrapped
}

/// Whether a line or text begins as a sentence may (see
/// [`super::sentence::starts_sentence`]).
fn starts_sentence(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(super::sentence::starts_sentence)
}

/// A headline paragraph longer than [`MAX_HEADLINE_CHARS`] («Nous
/// allons nous battre» : entretien avec …, président du …): one line that
/// does not end as a sentence does, above a paragraph that does and is
/// longer still. A lead without its final stop is one line at most as
/// often, and no longer than what follows it.
fn is_long_headline(line: &str, next: &[&str]) -> bool {
    let len = line.chars().count();
    let next_len: usize = next.iter().map(|l| l.chars().count() + 1).sum();
    let last_of_next = next.last().and_then(|l| l.trim_end().chars().last());
    len <= MAX_LONG_HEADLINE_CHARS
        && next_len > len
        && last_of_next.is_some_and(|c| ".!?…\"”»。！？」".contains(c))
        && !ends_open(line)
}

/// Headlines of interviews and features run long; beyond this a line is a
/// paragraph.
const MAX_LONG_HEADLINE_CHARS: usize = 160;

/// A short line that does not end as a sentence or a clause does.
pub(super) fn looks_like_headline(line: &str) -> bool {
    !ends_open(line) && line.trim().chars().count() <= MAX_HEADLINE_CHARS
}

/// Whether a line ends as a sentence or a clause does (or is empty).
fn ends_open(line: &str) -> bool {
    let line = line.trim();
    let Some(last) = line.chars().last() else {
        return true;
    };
    // Marks that close a quotation or bracket, after which a sentence
    // may have ended.
    const CLOSING: &[char] = &['"', '“', '”', '»', '«', '’', ')', '」', '』', '）'];
    // With Chinese and Japanese full-width marks.
    ".!?…:;,-–—(/。！？：；，、".contains(last)
        || (CLOSING.contains(&last)
            && line
                .trim_end_matches(|c| CLOSING.contains(&c) || c == ' ' || c == '\u{a0}')
                .ends_with(['.', '!', '?', '…', '。', '！', '？']))
}

/// Whether a line is a byline ("Von Anna Müller, dpa", "By Mark
/// Thompson", "Par Jean Dupont (AFP)", "De notre envoyé spécial à Kiev")
/// or a picture credit ("Foto: dpa", "Photo : Reuters/Annegret Hilse",
/// "(Bild: Keystone)"): lines that come before the lead in exports and are
/// no part of it. `next` is the line after it in its paragraph: one that
/// goes on in lowercase continues a sentence ("Di Maio, ex ministro …
/// rappresentante" / "speciale dell'Ue …"), which no byline is.
pub fn is_byline_or_credit(line: &str, next: Option<&str>) -> bool {
    if is_stamp(line.trim()) {
        return true;
    }
    let line = line
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    let continued = next.is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
    // A byline may end in an abbreviation ("… John Smith Jr.", "…, D-N.Y."),
    // no sentence does that the rest allows.
    let last = line.split_whitespace().next_back().unwrap_or("");
    let abbreviated = last.strip_suffix('.').is_some_and(|word| {
        word.contains('.') || super::sentence::is_abbreviation(word) || ["Jr", "Sr"].contains(&word)
    });
    if line.is_empty()
        || continued
        || line.chars().count() > MAX_CREDIT_CHARS
        || (line.ends_with(['.', '!', '?', ',', ';', ':']) && !abbreviated)
    {
        return false;
    }
    is_credit(line) || is_byline(line)
}

/// The text of an export as pairing reads it: without bylines, credits,
/// time stamps and the boilerplate agencies end with (copyright lines,
/// "Reporting by …", "Leggi anche: <another story's headline>"). Each
/// agency writes its own, so in the translation another agency's is where
/// this one is, and their names would count against the two being one
/// story.
///
/// A press release ends with the sender's own "About us" and media contact
/// (founding year, staff, countries, address, telephone): the same figures
/// under every release, in each language, which would link unrelated
/// releases of one week. Pairing stops reading at their heading.
pub fn text_for_pairing(paragraphs: &[Paragraph]) -> String {
    let mut text = String::new();
    let story = match paragraphs.iter().skip(1).position(opens_end_matter) {
        Some(at) => &paragraphs[..at + 1],
        None => paragraphs,
    };
    for paragraph in story {
        let lines: Vec<&str> = paragraph.text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            // Most lines are paragraphs, too long to be a byline or stamp.
            let short = line.len() <= 4 * MAX_CREDIT_CHARS;
            if is_boilerplate(line)
                || (short && is_byline_or_credit(line, lines.get(at + 1).copied()))
            {
                continue;
            }
            text.push_str(line);
            text.push('\n');
        }
        text.push('\n');
    }
    text
}

/// Whether a paragraph opens what a press release ends with, not its
/// story: a short heading line ("About IACR", "Über das IACR", "Media
/// contact", "Contact presse", "Notes to editors") or an end mark (`###`,
/// `-30-`, `ENDS`).
fn opens_end_matter(paragraph: &Paragraph) -> bool {
    /// Headings that are whole lines.
    const HEADINGS: &[&str] = &[
        "###",
        "-30-",
        "ends",
        "- ende -",
        "-ende-",
        "fin",
        "- fin -",
        "contact",
        "contacts",
        "media contact",
        "media contacts",
        "press contact",
        "press contacts",
        "for more information",
        "further information",
        "notes to editors",
        "note to editors",
        "kontakt",
        "medienkontakt",
        "pressekontakt",
        "rückfragen",
        "weitere informationen",
        "hinweis für redaktionen",
        "contact presse",
        "contacts presse",
        "contact médias",
        "contact média",
        "note aux rédactions",
        "pour plus d'informations",
        "pour plus d’informations",
        "contacto",
        "contacto de prensa",
        "contactos de prensa",
        "contacto para medios",
        "más información",
        "nota para los editores",
        "nota para editores",
        "contatti",
        "contatto",
        "contatti stampa",
        "contatto stampa",
        "ufficio stampa",
        "per informazioni",
        "chi siamo",
        "nota per le redazioni",
        "perscontact",
        "noot voor de redactie",
        "contacto para a imprensa",
        "contactos para a imprensa",
        "sobre nós",
    ];
    /// Headings followed by the sender's name ("About IACR").
    const ABOUT: &[&str] = &[
        "about ",
        "über ",
        "à propos de ",
        "à propos d'",
        "à propos d’",
        "a propos de ",
        "acerca de ",
        "sobre el ",
        "sobre la ",
        "sobre los ",
        "sobre a ",
        "sobre o ",
        "informazioni su ",
        "a proposito di ",
        "a proposito del",
        "over ",
    ];
    let Some(first) = paragraph.text.lines().next() else {
        return false;
    };
    let heading = first.trim().trim_end_matches(':').trim_end();
    if heading.is_empty() || heading.chars().count() > 60 || super::body::ends_sentence(heading) {
        return false;
    }
    if HEADINGS.iter().any(|h| super::is_any_case(heading, h)) {
        return true;
    }
    ABOUT.iter().any(|start| {
        super::strip_prefix_any_case(heading, start).is_some_and(|name| {
            // "About 200 people were evacuated": a sentence, not a heading.
            // Dutch "Over ons", "Over IACR"; English "Over the weekend".
            let named = *start != "over " || name.starts_with(char::is_uppercase) || name == "ons";
            let words = name.split_whitespace().count();
            named && (1..=5).contains(&words) && !name.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// Whether a line opens an editor's note: a correction or clarification
/// set above or below a story once it is published.
fn is_editors_note(line: &str) -> bool {
    const NOTES: &[&str] = &[
        "correction:",
        "corrections:",
        "clarification:",
        "editor's note:",
        "editor’s note:",
        "editors' note:",
        "korrektur:",
        "berichtigung:",
        "korrekturhinweis:",
        "anmerkung der redaktion:",
        "hinweis der redaktion:",
        "rectificatif :",
        "rectificatif:",
        "correctif :",
        "correctif:",
        "note de la rédaction :",
        "note de la rédaction:",
        "corrección:",
        "fe de errores:",
        "nota del editor:",
        "nota de la redacción:",
        "rettifica:",
        "correzione:",
        "nota della redazione:",
        "correctie:",
        "rectificação:",
        "correção:",
    ];
    let line = line.trim_start().trim_start_matches(['*', '[', '(']);
    NOTES
        .iter()
        .any(|note| super::strip_prefix_any_case(line, note).is_some())
}

/// Whether a note speaks of the article, as an editor's note does ("An
/// earlier version of this story …"), rather than of a market's
/// correction.
fn refers_to_the_article(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        "earlier version",
        "previous version",
        "this article",
        "this story",
        "misstated",
        "incorrectly",
        "früheren fassung",
        "früheren version",
        "dieses artikels",
        "dieser artikel",
        "fälschlich",
        "irrtümlich",
        "version précédente",
        "précédente version",
        "cet article",
        "par erreur",
        "versión anterior",
        "este artículo",
        "por error",
        "versione precedente",
        "questo articolo",
        "erroneamente",
        "per errore",
        "eerdere versie",
        "dit artikel",
        "versão anterior",
        "este artigo",
    ];
    let lower = text.to_lowercase();
    PHRASES.iter().any(|phrase| lower.contains(phrase))
}

/// Lines that agencies and sites put around every story they send.
fn is_boilerplate(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "copyright",
        "©",
        "(c) ",
        "all rights reserved",
        "riproduzione riservata",
        "tous droits réservés",
        "todos los derechos",
        "alle rechte vorbehalten",
        "reporting by",
        "editing by",
        "writing by",
        "additional reporting",
        "read more:",
        "read also:",
        "related:",
        "lesen sie auch",
        "mehr zum thema",
        "lire aussi",
        "à lire aussi",
        "lea también",
        "leggi anche",
        "vedi anche",
    ];
    let line = line.trim_start().trim_start_matches(['(', '[']);
    OPENINGS
        .iter()
        .any(|start| super::strip_prefix_any_case(line, start).is_some())
}

/// Whether a line says only when or where the story was filed: a time
/// stamp ("Updated 3:45 PM EST, March 3, 2025"), or a dateline on a line
/// of its own ("WASHINGTON, 3 (EUROPA PRESS)"), as wire exports set them
/// between the byline and the lead.
fn is_stamp(line: &str) -> bool {
    if line.is_empty() || line.chars().count() > MAX_CREDIT_CHARS {
        return false;
    }
    let labelled = super::date::without_time_label(line).len() < line.len();
    if labelled && super::date::parse_date(line, super::date::DateOrder::Dmy).is_ok() {
        return true;
    }
    // A dateline with nothing after it: what is left of it and a sentence
    // is the sentence.
    let probe = format!("{line} – Text.");
    line.chars().next().is_some_and(char::is_uppercase) && without_dateline(&probe) == "Text."
}

/// Labels of a credit line ("Foto: dpa", "Text: Anna Müller / Foto: …").
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
    "text",
    "texte",
    "testo",
    "texto",
    "autor",
    "autorin",
    "author",
    "auteur",
    "autore",
    "fotografia",
    "foto's",
    "beeld",
    "tekst",
];

fn is_credit(line: &str) -> bool {
    let lower = line.to_lowercase();
    // Reuters signs its stories "Reporting by …; Editing by …".
    if lower.starts_with("reporting by ") {
        return true;
    }
    if let Some((label, who)) = line.split_once(':') {
        let label = label.trim().to_lowercase();
        return CREDIT_WORDS.contains(&label.as_str()) && !who.trim().is_empty();
    }
    // "Photo by Mark Chen / The Herald", "Fotos von Jan Schmidt".
    let mut words = line.split_whitespace();
    let label = words.next().unwrap_or("").to_lowercase();
    let credited = CREDIT_WORDS.contains(&label.as_str())
        || ["photograph", "photography", "photographs", "video", "words"].contains(&label.as_str());
    if credited
        && words.clone().next().is_some_and(|by| {
            let by = by.to_lowercase();
            BY.contains(&by.as_str()) || by == "de"
        })
    {
        let before_more = |w: &&str| {
            !w.ends_with([',', '/', '|']) && !["for", "für", "pour", "para", "per"].contains(w)
        };
        return names_only(words.skip(1).take_while(before_more)) > 0;
    }
    // "Foto Ansa", "Photo AFP/Ludovic Marin": the label and names only.
    let names: Vec<&str> = words.collect();
    CREDIT_WORDS.contains(&label.as_str())
        && (1..=4).contains(&names.len())
        && names
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// News agencies, by the name they sign with in lowercase: after a
/// byline's names ("Von Anna Müller, dpa") and in a dateline's bracket
/// ("SALEM, Mass. (AP) —").
const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "dpa",
    "reuters",
    "efe",
    "ansa",
    "agi",
    "apa",
    "sda",
    "ats",
    "kna",
    "epd",
    "dts",
    "ots",
    "belga",
    "lusa",
    "europa press",
    "askanews",
    "adnkronos",
    "kyodo",
    "xinhua",
    "upi",
    "keystone-sda",
    "keystone-ats",
    "anp",
    "ctk",
    "pap",
    "tass",
    "bloomberg",
];

/// Openings of a correspondent's byline, which names no one or names them
/// after a place ("De notre correspondante à Bruxelles, Claire Martin").
const CORRESPONDENT: &[&str] = &[
    "de notre ",
    "par notre ",
    "dal nostro ",
    "dalla nostra ",
    "de nuestro ",
    "de nuestra ",
    "from our ",
    "von unserem ",
    "von unserer ",
];

/// "Von", "By", "Par", "Por" or "Di" (or a German "Ein Kommentar von")
/// and one or more names (capitalised words, joined by "und", "and", "et",
/// "y" or "e"), then at most an agency or a role in capitals after a comma
/// or slash, or an agency in brackets. "Von Montag an gilt …" is no
/// byline: "an" is no name; nor is "Par Jean-Luc Mélenchon, Marine Le Pen
/// et Éric Zemmour, la réforme a été": a byline's parts are names.
fn is_byline(line: &str) -> bool {
    let lower = line.to_lowercase();
    if CORRESPONDENT.iter().any(|c| lower.starts_with(c)) {
        return true;
    }
    // "Par Jean Dupont (AFP)": the agency in brackets.
    let line = line
        .split_once('(')
        .map_or(line, |(before, _)| before.trim_end());
    // "Propos recueillis par Claire Dupont": who made an interview.
    if let Some(phrase) = INTERVIEWED_BY
        .iter()
        .find(|phrase| lower.starts_with(*phrase) && lower[phrase.len()..].starts_with(' '))
    {
        let names = line.get(phrase.len()..).unwrap_or("");
        return names_only(names.split_whitespace()) > 0;
    }
    let mut parts = line.split([',', '/', '|']);
    let names = parts.next().unwrap_or(line);
    let mut words = names.split_whitespace().peekable();
    // "Ein Kommentar von", "Eine Analyse von"; "Story by", "Written by".
    if words.peek().is_some_and(|w| matches!(*w, "Ein" | "Eine")) {
        words.next();
        words.next();
    } else if words
        .peek()
        .is_some_and(|w| matches!(*w, "Story" | "Written" | "Words" | "Report"))
    {
        words.next();
    }
    if !words
        .next()
        .is_some_and(|w| BY.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    let count = names_only(words);
    // "Story by Anna Lee | Photos by Mark Chen": a credit beside it.
    let roles_in_capitals = parts.all(|part| {
        is_credit(part.trim())
            || part.split_whitespace().all(|w| {
                // "de l'AFP": the elided article is no word of its own.
                let w = w
                    .strip_prefix("l'")
                    .or_else(|| w.strip_prefix("l’"))
                    .unwrap_or(w);
                w.chars().next().is_some_and(char::is_uppercase)
                    || BYLINE_AND.contains(&w)
                    || AGENCIES.contains(&w.to_lowercase().as_str())
                    || ROLE_WORDS.contains(&w)
                    || NAME_PARTICLES.contains(&w)
            })
    });
    // "By DÁNICA COTO and JOHN MYERS JR. Associated Press": AP signs
    // with the agency's name after the authors'.
    (1..=8).contains(&count) && roles_in_capitals
}

/// The names of the bylines among the opening's lines before `lead`.
fn names_above(lines: &[Vec<&str>], lead: At) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (p, paragraph) in lines.iter().enumerate().take(lead.paragraph + 1) {
        for (l, line) in paragraph.iter().enumerate() {
            if (p, l) >= (lead.paragraph, lead.line) {
                break;
            }
            if is_byline_or_credit(line, paragraph.get(l + 1).copied()) {
                for name in byline_names(line) {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
        }
    }
    names
}

/// The people a byline names ("Von Anna Müller und Jan Schmidt, dpa":
/// Anna Müller, Jan Schmidt), without its opening word, role or agency.
/// Names in capitals, as AP writes them ("By DÁNICA COTO and JOHN MYERS
/// JR. Associated Press"), are written as names are: Dánica Coto.
pub fn byline_names(line: &str) -> Vec<String> {
    let line = line
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    if !is_byline(line) {
        return Vec::new();
    }
    let lower = line.to_lowercase();
    // "De notre correspondante à Bruxelles, Claire Martin".
    if CORRESPONDENT.iter().any(|c| lower.starts_with(c)) {
        let Some((_, name)) = line.rsplit_once(',') else {
            return Vec::new();
        };
        return names_in(name.split_whitespace());
    }
    let line = line
        .split_once('(')
        .map_or(line, |(before, _)| before.trim_end());
    if let Some(phrase) = INTERVIEWED_BY
        .iter()
        .find(|phrase| lower.starts_with(*phrase) && lower[phrase.len()..].starts_with(' '))
    {
        return names_in(line.get(phrase.len()..).unwrap_or("").split_whitespace());
    }
    let names = line.split([',', '/', '|']).next().unwrap_or(line);
    let mut words = names.split_whitespace();
    // Up to the word that says "by" ("Ein Kommentar von", "Story by").
    for word in words.by_ref() {
        if BY.contains(&word.to_lowercase().as_str()) {
            break;
        }
    }
    let mut found = names_in(words);
    // "By Anna Lee, Mark Chen and Priya Patel": a list of names, which
    // ends in "and"; a role or agency after the comma has none.
    let after: Vec<&str> = line.split(',').skip(1).collect();
    for (at, part) in after.iter().enumerate() {
        let part = part.split(['/', '|']).next().unwrap_or(part).trim();
        let listed = after[at..]
            .iter()
            .any(|p| p.split_whitespace().any(|w| BYLINE_AND.contains(&w)));
        let part = BYLINE_AND
            .iter()
            .find_map(|and| part.strip_prefix(and).filter(|rest| rest.starts_with(' ')))
            .unwrap_or(part);
        if !listed || names_only(part.split_whitespace()) == 0 {
            break;
        }
        found.extend(names_in(part.split_whitespace()));
    }
    found
}

/// The names `words` are, joined by "and", "und", "et", "y", "e" or "&".
/// Names in capitals end at the first word that is not (an agency's name
/// after them).
fn names_in<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let in_capitals =
        |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let mut names: Vec<Vec<String>> = vec![Vec::new()];
    let mut capitals = None;
    for word in words {
        if BYLINE_AND.contains(&word) {
            names.push(Vec::new());
            continue;
        }
        // "By Mark Thompson in Bordeaux": where the author writes from.
        if ["in", "à", "aus", "from", "desde", "en"].contains(&word) {
            break;
        }
        let caps = in_capitals(word);
        // "JOHN MYERS JR. Associated Press": the agency after the names.
        if *capitals.get_or_insert(caps) && !caps && !NAME_PARTICLES.contains(&word) {
            break;
        }
        let word = match caps && word.chars().filter(|c| c.is_alphabetic()).count() > 1 {
            true => as_name(word),
            false => word.to_string(),
        };
        names.last_mut().expect("one name at least").push(word);
    }
    names
        .into_iter()
        .filter(|name| !name.is_empty())
        .map(|name| name.join(" "))
        .collect()
}

/// A word in capitals written as a name: each part after a hyphen or an
/// apostrophe capitalised ("JEAN-LUC" is Jean-Luc, "O'NEIL" O'Neil).
fn as_name(word: &str) -> String {
    // "KING III": a regnal number stays as it is.
    if word.chars().all(|c| "IVX".contains(c)) {
        return word.to_string();
    }
    let mut name = String::with_capacity(word.len());
    let mut starts = true;
    for c in word.chars() {
        match starts {
            true => name.extend(c.to_uppercase()),
            false => name.extend(c.to_lowercase()),
        }
        // "MCCARTHY" is McCarthy.
        starts = !c.is_alphabetic() || name == "Mc" || name.ends_with("-Mc");
    }
    name
}

/// How many names `words` are, all of them capitalised names joined by
/// "und", "and", "et", "y" or "e"; 0 when any word is something else.
fn names_only<'a>(words: impl Iterator<Item = &'a str>) -> usize {
    let mut count = 0;
    for word in words {
        // "Marie d'Argentré": an elided particle before the name.
        let named = ["d'", "d’", "D'", "D’"]
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .filter(|rest| count > 0 && rest.starts_with(char::is_uppercase))
            .unwrap_or(word);
        let is_name = named.chars().next().is_some_and(char::is_uppercase);
        // "Pieter de Vries", "Ursula von der Leyen": within a name only.
        let is_particle = count > 0 && NAME_PARTICLES.contains(&word);
        if !(is_name || is_particle || BYLINE_AND.contains(&word)) {
            return 0;
        }
        count += usize::from(is_name);
    }
    count
}

/// Lowercase words inside a person's name, and those that say where the
/// author writes from ("By Mark Thompson in Bordeaux", "Par Jean Dupont,
/// à Bordeaux").
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "der", "den", "von", "zu", "da", "das", "dos", "do", "di", "del", "della", "du",
    "des", "la", "le", "ten", "ter", "y", "in", "à", "a", "em", "en", "aus",
];

/// Lowercase words of a role or agency after a byline's names, besides
/// the [`NAME_PARTICLES`] that join them ("Por Joana Ferreira, da agência
/// Lusa", "Par Jean Dupont, de l'AFP", "Por Carlos Souza, correspondente
/// em Roma").
const ROLE_WORDS: &[&str] = &[
    "correspondant",
    "correspondante",
    "correspondent",
    "correspondente",
    "corresponsal",
    "corrispondente",
    "envoyé",
    "envoyée",
    "spécial",
    "spéciale",
    "enviado",
    "enviada",
    "especial",
    "inviato",
    "inviata",
    "inviati",
    "inviate",
    "envoyés",
    "envoyées",
    "spéciaux",
    "spéciales",
    "enviados",
    "enviadas",
    "especiales",
    "correspondants",
    "correspondantes",
    "correspondents",
    "corresponsales",
    "corrispondenti",
    "writers",
    "reporters",
    "editors",
    "contributors",
    "columnists",
    "redactores",
    "periodistas",
    "journalistes",
    "giornalisti",
    "of",
    "the",
    "agência",
    "agence",
    "agencia",
    "agenzia",
    "agentschap",
    // A paper's own staff: "By Jessica Fernández, Miami Herald staff",
    // "…, staff writer", "By Ana Ruiz / for the Herald".
    "staff",
    "writer",
    "reporter",
    "contributor",
    "columnist",
    "editor",
    "for",
    "redactor",
    "redactora",
    "reportero",
    "reportera",
    "periodista",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "giornalista",
    "redattore",
    "redattrice",
];

/// The word of a byline that says "by", before its names.
const BY: &[&str] = &["von", "by", "par", "por", "di", "door"];

/// Words joining the names of a byline.
const BYLINE_AND: &[&str] = &["und", "and", "et", "y", "e", "&"];

/// Openings (lowercase) of the line that says who made an interview,
/// before their names: it stands between the headline and the lead as a
/// byline does.
const INTERVIEWED_BY: &[&str] = &[
    "propos recueillis par",
    "entretien réalisé par",
    "das gespräch führte",
    "das gespräch führten",
    "das interview führte",
    "das interview führten",
    "die fragen stellte",
    "die fragen stellten",
    "interview:",
    "interview by",
    "interviewed by",
    "entrevista de",
    "entrevista realizada por",
    "intervista di",
    "intervista a cura di",
    "a cura di",
];

/// The first sentence without an agency dateline before it: "BERLIN (dpa)
/// – Die …", "PARIS (AFP) - Le …", "WASHINGTON — The …", "Berlin (dpa) -
/// Die …", "(dpa) BERLIN – …", "MADRID, 12 mar (EFE).- El …", "Roma, 12
/// marzo 2024 – Il …", "Bonn (KNA) Die …", and the German regional
/// "Berlin. Der …". A title that opens with the city and agency shows one
/// thing in every entry of the feed, and its slug is "berlin-dpa-…".
///
/// A place alone in capitals before a dash needs five letters and no
/// known acronym's name, or to be a known short place ("ROMA —", "BONN
/// —"), so that "NATO – Die Allianz …", "SNCF - Les contrôleurs …",
/// "PSOE - El partido …" and "UNESCO – Die Altstadt …" keep their subject.
/// The German "Berlin. Der …" is any one-word first sentence: a title
/// "Endlich." would say as little.
pub fn without_dateline(sentence: &str) -> &str {
    // "(dpa) BERLIN – …", "(ANSA) - ROMA, 17 MAR - …": the agency first.
    if let Some(inner) = sentence.strip_prefix('(') {
        if let Some(close) = inner.find(')').filter(|&c| is_agency(&inner[..c])) {
            let rest = inner[close + 1..].trim_start();
            let rest = rest.strip_prefix(is_dash).map_or(rest, str::trim_start);
            let stripped = place_dateline(rest, true);
            if stripped.len() < rest.len() {
                return without_one_words(stripped);
            }
        }
    }
    let stripped = without_one_words(sentence);
    if stripped.len() < sentence.len() {
        return stripped;
    }
    // "NAPOLI – Vittoria! Il Napoli batte …": the word after the dateline.
    without_one_words(place_dateline(sentence, false))
}

/// `sentence` without every one-word sentence it opens with ("Schluss.
/// Aus. Vorbei. Nach 25 Jahren …").
fn without_one_words(sentence: &str) -> &str {
    repeatedly(without_one_word, sentence)
}

/// `sentence` without an opening sentence of one word: a place as a
/// sentence of its own ("Berlin. Der Bundestag …"), or an exclamation
/// ("Champions! Real Madrid …", "¡Campeones! El Real Madrid …"), which
/// says as little as a title.
fn without_one_word(sentence: &str) -> &str {
    // French sets a space before "!" (often a narrow no-break one).
    for end in [". ", "! ", " ! ", "\u{a0}! ", "\u{202f}! "] {
        let Some((word, rest)) = sentence.split_once(end) else {
            continue;
        };
        let exclaimed = end.ends_with("! ");
        let word = match exclaimed {
            true => word.trim_start_matches('¡'),
            false => word,
        };
        // Not an initial or a title ("J. K. Rowling", "Prof. Dr. …").
        let one_word = word.chars().count() >= 3
            && (exclaimed || !super::sentence::is_abbreviation(word))
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || "-/".contains(c));
        if one_word && starts_sentence(rest) {
            return rest.trim_start();
        }
    }
    sentence
}

/// Places of four letters or fewer that datelines name in capitals; any
/// other short word in capitals before a dash is taken for an acronym, the
/// subject of the sentence ("NATO – Die Allianz …", "SNCF - Les …").
const SHORT_PLACES: &[&str] = &[
    "ROM", "ROMA", "ROME", "BONN", "BERN", "GENF", "WIEN", "KIEL", "ULM", "JENA", "GERA", "LINZ",
    "GRAZ", "KÖLN", "LIMA", "KIEW", "KYIV", "KIEV", "OSLO", "RIGA", "BAKU", "DOHA", "GAZA", "LYON",
    "METZ", "CAEN", "PISA", "BARI", "COMO", "LODI", "ASTI", "VIGO", "LEÓN", "LEON", "AGRA", "LOMÉ",
    "LOME", "GENT", "UTAH", // ch
    "SION", "CHUR", "ZUG", "BIEL", "NYON", "THUN", "BULLE", // de
    "HAMM", "HOF", "SUHL", "LAHR", "GERA", // fr
    "PAU", "AGEN", "ALBI", "AUCH", "DOLE", "FOIX", "LAON", "DAX", "GAP", // es
    "JAÉN", "JAEN", "LUGO", "REUS", "IRÚN", "IRUN", "VIC", // it
    "ENNA", "NOTO", "FANO", "GELA", "ALBA", // en
    "YORK", "BATH", "HULL", "RENO",
];

/// Acronyms of five letters or more that open sentences before a dash as
/// a place in capitals would ("UNESCO – Die Altstadt …").
const ACRONYMS: &[&str] = &[
    "UNESCO", "UNICEF", "UNHCR", "UNRWA", "FNSEA", "BRICS", "INSEE", "ISTAT", "ASEAN", "FRONTEX",
    "EUROPOL", "INTERPOL", "EUROSTAT", "NASDAQ", "OTAN", "CNMV",
];

/// Labels in capitals that open a story as a dateline's place would, and
/// that belong to its title: "BREAKING — …", "EN DIRECT – …", "ÚLTIMA
/// HORA – …" (and every kind of piece that pairing tells apart, see
/// [`crate::group::signals::is_genre_label`]).
const LABELS: &[&str] = &[
    "BREAKING",
    "BREAKING NEWS",
    "EILMELDUNG",
    "EXKLUSIV",
    "EXCLUSIVE",
    "EXCLUSIF",
    "EXCLUSIVA",
    "ESCLUSIVA",
    "URGENT",
    "URGENTE",
    "FLASH",
    "UPDATE",
    "ÚLTIMA HORA",
    "ULTIMA HORA",
    "ULTIM'ORA",
    "ULTIM’ORA",
    "ULTIMA ORA",
    "DERNIÈRE MINUTE",
    "CORRECTION",
    "KORREKTUR",
    "RECTIFICACIÓN",
    "CORREZIONE",
];

fn is_label(place: &str) -> bool {
    LABELS.contains(&place) || crate::group::signals::is_genre_label(place)
}

/// Whether the part of a dateline after the place's comma can be a date:
/// it has a day (a number of one or two digits) or a year. "Storm leaves
/// 200,000 without power" has a comma before digits, and no date.
fn names_a_day(text: &str) -> bool {
    has_year(text)
        || text
            .split(|c: char| !c.is_ascii_digit())
            .any(|digits| (1..=2).contains(&digits.len()))
}

/// Whether `text` holds a year (1900–2099) as a number of its own.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
}

fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '-')
}

/// An agency's name in brackets: a few words, no figures ("Juventus (57
/// punti) –" is a score).
fn is_agency(inner: &str) -> bool {
    (1..=30).contains(&inner.len()) && !inner.chars().any(|c| c.is_ascii_digit())
}

/// Where a state or country after a dateline's comma ends, when a known
/// agency's bracket follows it (` Mass. (AP) — …`, ` Italy, March 13
/// (Reuters)`): a few capitalised words and no figure. Only before a
/// known agency, since "Apple, Google (und andere) – …" is a sentence.
fn region_before_agency(after: &str) -> Option<usize> {
    let end = after.find(['(', ','])?;
    let region = after[..end].trim();
    let words = region.split_whitespace().count();
    let plausible = (1..=3).contains(&words)
        && region.chars().count() <= 30
        && region.chars().next().is_some_and(char::is_uppercase)
        && !region.chars().any(|c| c.is_ascii_digit());
    if !plausible {
        return None;
    }
    // The agency's bracket, after this region or after a date that follows.
    let agency = after[end..]
        .split('(')
        .nth(1)
        .and_then(|inner| inner.split_once(')'))
        .map(|(inner, _)| inner.trim())?;
    is_known_agency(agency).then_some(end)
}

/// Where a state or country after the comma of a place in capitals ends,
/// when a dash follows it: "MIAMI GARDENS, Fla. — …", "MONTERREY, N.L. —
/// …", "BOGOTÁ, Colombia — …", as a paper writes its own staff's
/// datelines, with no agency. Without an agency to say so, only a state's
/// abbreviation or a known country or state is one: "FRANCE, Germany — …",
/// "APPLE, Samsung — …" and "ACME CORP, Inc. — …" are subjects.
fn region_before_dash(after: &str) -> Option<usize> {
    let (end, _) = after
        .char_indices()
        .take_while(|&(at, _)| at <= 32)
        .find(|&(at, c)| is_dash(c) && after[..at].ends_with(' '))?;
    let region = after[..end].trim();
    let abbreviated = region.split_whitespace().all(|w| {
        w.contains('.') && !COMPANY_FORMS.contains(&w.to_lowercase().trim_end_matches('.'))
    });
    (abbreviated || is_region_name(region)).then_some(end)
}

/// A company's legal form after its name, no state's abbreviation.
const COMPANY_FORMS: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "cie", "s.a", "s.p.a", "s.l", "n.v", "b.v", "ag",
    "gmbh", "s.r.l", "sas", "sarl",
];

/// Whether `name` names a country (see [`crate::group::exonyms`]) or one
/// of the states and countries the datelines of the Americas name in full,
/// which no company or team is called.
fn is_region_name(name: &str) -> bool {
    const REGIONS: &[&str] = &[
        "honduras",
        "venezuela",
        "peru",
        "ecuador",
        "guatemala",
        "el salvador",
        "nicaragua",
        "bolivia",
        "paraguay",
        "uruguay",
        "panama",
        "costa rica",
        "republica dominicana",
        "dominican republic",
        "puerto rico",
        "haiti",
        "estados unidos",
        "united states",
        "spain",
        "espana",
        "veracruz",
        "jalisco",
        "yucatan",
        "nuevo leon",
        "oaxaca",
        "chiapas",
        "guerrero",
        "sonora",
        "chihuahua",
        "sinaloa",
        "tamaulipas",
        "michoacan",
        "guanajuato",
        "queretaro",
        "coahuila",
        "tabasco",
        "quintana roo",
        "baja california",
        "baja california sur",
        "durango",
        "zacatecas",
        "hidalgo",
        "morelos",
        "tlaxcala",
        "nayarit",
        "colima",
        "campeche",
        "aguascalientes",
        "san luis potosi",
        "estado de mexico",
        "california",
        "texas",
        "florida",
        "nuevo mexico",
        "new mexico",
        "arizona",
    ];
    let folded = deunicode::deunicode(name).to_lowercase();
    crate::group::exonyms::is_country(&folded) || REGIONS.contains(&folded.as_str())
}

/// Agencies by the name they sign with (see [`AGENCIES`]).
fn is_known_agency(name: &str) -> bool {
    AGENCIES.contains(&name.to_lowercase().as_str())
}

/// A place, a date after a comma, an agency in brackets, a dash: as much
/// of it as the dateline has. `agency_seen` when an agency came first.
fn place_dateline(sentence: &str, agency_seen: bool) -> &str {
    // The place: up to a comma, a bracket, or a dash with a space before
    // it ("BADEN-BADEN (dpa)" keeps its hyphen).
    let Some(place_end) = sentence
        .char_indices()
        .take_while(|&(at, _)| at <= 40)
        .find(|&(at, c)| {
            // An em dash joins no word ("WASHINGTON—The", as the Journal
            // writes it); a hyphen or en dash needs a space before it.
            c == '(' || c == ',' || c == '—' || (is_dash(c) && sentence[..at].ends_with(' '))
                // Spanish regional papers' "VALENCIA.- El pleno …".
                || (is_dash(c)
                    && sentence[..at].ends_with('.')
                    && sentence[at + c.len_utf8()..].starts_with(' '))
        })
        .map(|(at, _)| at)
    else {
        return sentence;
    };
    // A dash straight after the place's full stop marks it as a dateline
    // as a date or an agency would.
    let dotted = sentence[..place_end].ends_with('.');
    let place = sentence[..place_end].trim().trim_end_matches('.');
    let in_capitals = place
        .chars()
        .all(|c| c.is_uppercase() || " ./-'’".contains(c));
    // "SANTA CRUZ DE TENERIFE.- …": a longer name, where capitals and the
    // dash say it is the place.
    let most_words = match dotted && in_capitals {
        true => 5,
        false => 3,
    };
    if !place.chars().next().is_some_and(char::is_uppercase)
        || place.split_whitespace().count() > most_words
    {
        return sentence;
    }
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    // "Die Bahn (DB) – ein Konzern …" is a subject, not a place: a place
    // needs capitals, an agency or a date (see above for capitals alone).
    let capital_place = in_capitals
        && !is_label(place)
        && if letters >= 5 {
            !ACRONYMS.contains(&place)
        } else {
            SHORT_PLACES.contains(&place)
        };
    let mut rest = sentence[place_end..].trim_start();
    let mut dated = false;
    let mut agency = agency_seen;
    // What may follow the place, in any order wire services use: a date
    // after a comma ("MADRID, 12 mar", "Roma, 12 marzo 2024"), a state or
    // country after a comma before the agency ("SALEM, Mass. (AP)",
    // "KINGSTON, Jamaica (AP)"), and brackets: the agency, or the country
    // before the date ("Los Ángeles (EE.UU.), 2 mar (EFE)", "Busan (Corée
    // du Sud) (AFP)").
    for _ in 0..4 {
        if let Some(after) = rest.strip_prefix(',') {
            // "Geneva, 7 November 2023. The …": a press release's dateline as
            // a sentence of its own, when a year says it is a date.
            let end = after
                .char_indices()
                .take_while(|&(at, _)| at <= 40)
                .find(|&(at, c)| {
                    c == '('
                        || (is_dash(c) && after[..at].ends_with(' '))
                        // Or "Ginebra, 12 de abril de 2024.– La …", as
                        // Spanish press releases write it.
                        || (c == '.' && has_year(&after[..at]) && {
                            let next = &after[at + 1..];
                            next.starts_with(is_dash)
                                || (next.starts_with(' ') && starts_sentence(next.trim_start()))
                        })
                })
                .map(|(at, _)| at);
            if let Some(end) = end.filter(|&end| names_a_day(&after[..end])) {
                dated = true;
                rest = after[end..].trim_start();
                if let Some(text) = rest.strip_prefix(". ") {
                    return text.trim_start();
                }
                continue;
            }
            // A country is no city a dateline's place is in: "FRANCE,
            // Germany — …" lists two.
            let region = region_before_agency(after).or_else(|| {
                region_before_dash(after).filter(|_| capital_place && !is_region_name(place))
            });
            let Some(region) = region else {
                return sentence;
            };
            rest = after[region..].trim_start();
            continue;
        }
        if let Some(inner) = rest.strip_prefix('(') {
            let Some(close) = inner.find(')').filter(|&c| is_agency(&inner[..c])) else {
                return sentence;
            };
            agency = true;
            rest = inner[close + 1..].trim_start();
            continue;
        }
        break;
    }
    // Not an abbreviation ("Ca.- 30 Personen").
    let dotted = dotted && letters >= 4 && !super::sentence::is_abbreviation(place);
    if !(agency || dated || dotted || capital_place) {
        return sentence;
    }
    // EFE writes ").-"; "Bonn (KNA) Die …" has no dash at all; PR
    // Newswire writes "--"; Belga "BRUXELLES 07/04 (BELGA) = La …".
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let text = match rest
        .strip_prefix(is_dash)
        .or_else(|| rest.strip_prefix('='))
    {
        Some(text) => text.trim_start_matches(is_dash).trim_start(),
        None if agency => rest,
        None => return sentence,
    };
    if starts_sentence(text) {
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
    fn a_bylines_names_are_its_authors() {
        for (line, names) in [
            ("Von Anna Müller, dpa", &["Anna Müller"][..]),
            ("By Mark Thompson", &["Mark Thompson"]),
            (
                "Par Jean Dupont et Marie Curie",
                &["Jean Dupont", "Marie Curie"],
            ),
            ("Par Jean Dupont (AFP)", &["Jean Dupont"]),
            ("Ein Kommentar von Anna Müller", &["Anna Müller"]),
            ("By Jane Roe, Economics Correspondent", &["Jane Roe"]),
            (
                "Par notre correspondante à Bruxelles, Claire Martin",
                &["Claire Martin"],
            ),
            (
                "Das Interview führten Anna Lehmann und Stefan Reinecke",
                &["Anna Lehmann", "Stefan Reinecke"],
            ),
            (
                "By DÁNICA COTO and JOHN MYERS JR. Associated Press",
                &["Dánica Coto", "John Myers Jr."],
            ),
            ("Por Joana Ferreira, da agência Lusa", &["Joana Ferreira"]),
            (
                "By Maria Gonzalez and John Smith | Associated Press",
                &["Maria Gonzalez", "John Smith"],
            ),
            ("Door Pieter de Vries", &["Pieter de Vries"]),
            ("By Mark Thompson in Bordeaux", &["Mark Thompson"]),
            ("Por Vicent Borrás en Valencia", &["Vicent Borrás"]),
            (
                "By Sean O'Malley and Jamie McDonald, Staff writers",
                &["Sean O'Malley", "Jamie McDonald"],
            ),
            (
                "Par Jean Dupont et Marie Martin, envoyés spéciaux à Kyiv",
                &["Jean Dupont", "Marie Martin"],
            ),
            (
                "By Anna Lee, Mark Chen and Priya Patel",
                &["Anna Lee", "Mark Chen", "Priya Patel"],
            ),
            ("Par Marie d'Argentré", &["Marie d'Argentré"]),
            ("Story by Anna Lee | Photos by Mark Chen", &["Anna Lee"]),
            (
                "By Martin Luther King III and John Smith Jr.",
                &["Martin Luther King III", "John Smith Jr."],
            ),
            (
                "By DEIRDRE MCCARTHY and MARY MACKENZIE-MCBRIDE",
                &["Deirdre McCarthy", "Mary Mackenzie-McBride"],
            ),
            ("Photo by Mark Chen / The Herald", &[]),
            ("De notre envoyé spécial à Kiev", &[]),
            ("Foto: dpa", &[]),
            ("Von Montag an gilt die Regel.", &[]),
        ] {
            assert_eq!(byline_names(line), names, "{line}");
        }
        let opening = opening(&paragraphs(&[
            "Von Anna Müller, dpa\nFoto: Jan Schmidt",
            "Der Bundesrat hat am Freitag getagt.",
        ]));
        assert_eq!(opening.bylines, ["Anna Müller"]);
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
            "Par Jean Dupont (AFP)",
            "di Marco Rossi",
            "Par notre correspondante à Bruxelles, Claire Martin",
            "De notre envoyé spécial à Kiev",
            "Text: Anna Müller / Foto: Jan Schmidt",
            "Ein Kommentar von Anna Müller",
            "By Jane Roe, Economics Correspondent",
            "Foto Ansa",
            "Reporting by Mark Thompson; Editing by Jane Doe",
            "Propos recueillis par Claire Dupont",
            "Das Gespräch führte Markus Weber",
            "Das Interview führten Anna Lehmann und Stefan Reinecke",
            "Interview: Anna Lehmann und Stefan Reinecke",
            "Interview by Jane Roe",
            "Entrevista realizada por Ana García",
            "Intervista di Marco Rossi",
            "A cura di Giulia Bianchi",
            "Door Pieter Janssens",
            "Por Joana Ferreira, da agência Lusa",
            "Fotografia: Lusa",
            "Beeld: Belga",
            "Par Jean Dupont, de l'AFP",
            "By DÁNICA COTO and JOHN MYERS JR. Associated Press",
            "Updated 3:45 PM EST, March 3, 2025",
            "WASHINGTON, 3 (EUROPA PRESS)",
            "By Jessica Fernández, Miami Herald staff",
            "By Jessica Fernández, staff writer",
            "Story by Jessica Fernández",
            "By Ana Ruiz / for the Herald",
            "Por Ana López, redactora",
            "Photo by Mark Chen / The Herald",
            "Photograph by Mark Chen for The Herald",
            "Words by Anna Lee, photos by Mark Chen",
            "Story by Anna Lee | Photos by Mark Chen",
            "By Rep. Alexandria Ocasio-Cortez, D-N.Y.",
            "Par Marie d'Argentré",
            "By Sean O'Malley and Jamie McDonald, Staff writers",
            "Di Marco Rossi e Anna Bianchi, inviati a Kiev",
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
            "Das Gespräch führte zu keiner Einigung, sagte der Sprecher.",
            "Story by story, the archive was rebuilt.",
            "By Friday, for the first time, the staff had left.",
        ] {
            assert_eq!(open(&[lead, "Mehr."]), (None, lead.into()), "{lead}");
        }
        // Wrapped leads whose first line reads like a byline.
        for lead in [
            "Di Maio, ex ministro degli Esteri, è stato nominato rappresentante\nspeciale dell'Ue per il Golfo.",
            "Par Jean-Luc Mélenchon, Marine Le Pen et Éric Zemmour, la réforme a été\nqualifiée de « coup de force ».",
            "Por Pedro Sánchez, Yolanda Díaz y Alberto Núñez Feijóo pasó el debate,\nque se prolongó hasta la noche.",
            "Di Stefano, Rossi e Bianchi\nsono i tre candidati alla presidenza della regione Lombardia.",
        ] {
            assert_eq!(open(&[lead, "Altro."]), (None, lead.into()), "{lead}");
        }
        // A kicker above the lead is no title.
        assert_eq!(
            open(&[&format!("Hochwasser\n{lead}"), "Mehr."]),
            (None, lead.into())
        );
        assert_eq!(
            open(&["Hochwasser", "Bayern ruft den Katastrophenfall aus", lead]),
            (
                Some("Bayern ruft den Katastrophenfall aus".into()),
                lead.into()
            )
        );
        // A press office's label above the headline.
        for label in [
            "Invitation presse",
            "Press release",
            "Nota de prensa",
            "Comunicato stampa",
            "Research news",
            "Pressemitteilung Nr. 41/2026",
            "COMMUNIQUÉ DE PRESSE",
        ] {
            assert_eq!(
                open(&[label, "Bayern ruft den Katastrophenfall aus", lead]),
                (
                    Some("Bayern ruft den Katastrophenfall aus".into()),
                    lead.into()
                ),
                "{label}"
            );
        }
        // An opening of credits alone is still the lead.
        assert_eq!(open(&["Foto: dpa"]), (None, "Foto: dpa".into()));
    }

    #[test]
    fn a_block_of_kicker_headline_and_subtitle_is_titled_by_the_headline() {
        let lead = "Researchers have shown for the first time how tau filaments pass from one nerve cell to the next.";
        assert_eq!(
            open(&[
                "Alzheimer's research\nCryo-EM reveals how tau filaments spread from cell to cell\nStructure at 2.4 Å resolution points to a new drug target",
                lead,
                "More."
            ]),
            (
                Some("Cryo-EM reveals how tau filaments spread from cell to cell".into()),
                lead.into()
            )
        );
        assert_eq!(
            open(&[
                "New climate laboratory opens in Heidelberg\nForty researchers to work on regional climate models",
                lead,
                "More."
            ]),
            (
                Some("New climate laboratory opens in Heidelberg".into()),
                lead.into()
            )
        );
        // A lead of two lines without its full stop, above a list: no block.
        let list = ["Das ändert sich im Juli\n- Die Rente steigt", "Mehr."];
        assert_ne!(open(&list).0, Some("Das ändert sich im Juli".into()));
        // A headline the system broke in two is one; a figure after a
        // comma in it is no dateline.
        assert_eq!(
            open(&[
                "Storm leaves 200,000 without power\nacross three states",
                lead,
                "More."
            ]),
            (
                Some("Storm leaves 200,000 without power across three states".into()),
                lead.into()
            )
        );
        // An address, a list or a venue above the text is no headline.
        for block in [
            "City Hall, Room 204\n100 Main Street\nSpringfield, IL 62701",
            "Salle Pleyel, Paris\nEntrée libre",
        ] {
            let (headline, _) = open(&[block, lead, "More."]);
            assert!(headline.is_none(), "{block}: {headline:?}");
        }
        // Two labels above the headline.
        assert_eq!(
            open(&[
                "News release\nFor immediate release",
                "Acme reports record revenue",
                lead
            ]),
            (Some("Acme reports record revenue".into()), lead.into())
        );
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
        // A byline or credit after the headline: as lines, or paragraphs.
        let headline = Some("Bundesrat billigt Gesetz".to_string());
        assert_eq!(
            open(&[&format!(
                "Bundesrat billigt Gesetz\nBy Mark Thompson\n{lead}"
            )]),
            (headline.clone(), lead.into())
        );
        assert_eq!(
            open(&[
                "Bundesrat billigt Gesetz",
                "Von Anna Müller, dpa",
                "Foto: dpa",
                lead
            ]),
            (headline, lead.into())
        );
    }

    #[test]
    fn an_editors_note_above_the_story_is_neither_title_nor_lead() {
        let lead =
            "A Bavarian court on Friday cleared the way for a third runway at Munich Airport.";
        assert_eq!(
            open(&[
                "Correction: An earlier version of this story misstated the number of passengers. It was 41.6 million.",
                lead,
            ]),
            (None, lead.into())
        );
        // A story that is only a note still has it for its lead.
        let only = "Korrektur: In einer früheren Fassung stand ein falscher Name.";
        assert_eq!(open(&[only]), (None, only.into()));
        // A market's correction is a story.
        let story = "Correction: stocks in New York lost 10% from their February peak on Tuesday.";
        assert_eq!(
            open(&[story, "The Fed meets next week."]),
            (None, story.into())
        );
        // A letter's greeting is not its lead.
        let letter = "heute erscheint die letzte gedruckte Ausgabe unserer Zeitung.";
        assert_eq!(
            open(&["Liebe Leserinnen und Leser,", letter]),
            (None, letter.into())
        );
    }

    #[test]
    fn a_cry_of_one_word_above_the_lead_is_neither_title_nor_lead() {
        let lead = "El Real Madrid conquistó este domingo su 36.ª Liga tras ganar 3-0 al Cádiz.";
        for cry in ["¡Campeones!", "Vittoria!", "Enfin\u{202f}!", "Endlich!"] {
            assert_eq!(open(&[cry, lead]), (None, lead.into()), "{cry}");
        }
        // A sentence with an exclamation is a lead.
        let short = "Wir haben gewonnen!";
        assert_eq!(open(&[short, lead]), (None, short.into()));
    }

    #[test]
    fn a_rubric_above_the_headline_is_neither_title_nor_lead() {
        let lead = "La nouvelle entrée du Louvre devrait ouvrir en 2031, a annoncé lundi Laurence des Cars.";
        assert_eq!(
            open(&["Culture |\nLe Louvre aura une seconde entrée en 2031", lead]),
            (
                Some("Le Louvre aura une seconde entrée en 2031".into()),
                lead.into()
            )
        );
    }

    #[test]
    fn a_rubric_on_the_headline_or_lead_line_is_left_out() {
        let lead = "Grève générale à la SNCF : le trafic fortement perturbé mardi. Les syndicats appellent à la grève.";
        assert_eq!(
            open(&[
                &format!("ÉCONOMIE | {lead}"),
                "La direction prévoit un train sur trois."
            ]),
            (None, lead.into())
        );
        let lead = "Der FC Basel gewinnt das Derby gegen den FC Zürich mit 3:1, vor 30.000 Zuschauern im ausverkauften St. Jakob-Park.";
        assert_eq!(
            open(&[
                &format!("Sport | Basel gewinnt das Derby\n{lead}"),
                "Mehr dazu."
            ]),
            (Some("Basel gewinnt das Derby".into()), lead.into())
        );
        let lead = "Der neue Roman von Daniel Kehlmann erscheint im Herbst bei Rowohlt, wie der Verlag am Montag mitteilte.";
        assert_eq!(
            open(&[&format!("Kultur | Literatur | {lead}"), "Mehr dazu."]),
            (None, lead.into())
        );
        let lead = "Les Bleus affronteront le Brésil en quart de finale samedi à Dallas, a annoncé la FIFA.";
        assert_eq!(
            open(&[
                &format!("Coupe du monde 2026 | {lead}"),
                "Plus d'informations."
            ]),
            (None, lead.into())
        );
        // Not a rubric: a sentence, a lower-case word, or no text after it.
        for line in [
            "Die Ausstellung „Kunst | Macht | Politik“ im Berliner Gropius-Bau zeigt 200 Werke.",
            "Was tun? | Die Antwort der Regierung ist klar.",
            "oder | Die Antwort der Regierung ist klar.",
            "Politik | und Wirtschaft reagieren gelassen auf die Zahlen.",
        ] {
            assert_eq!(open(&[line, "Mehr dazu."]), (None, line.into()));
        }
    }

    #[test]
    fn a_headline_above_its_byline_and_bylines_with_particles() {
        let lead = "The French government has approved a plan to pay Bordeaux winemakers to pull up 8,000 hectares of vines.";
        for byline in [
            "By Mark Thompson",
            "By Mark Thompson in Bordeaux",
            "Foto: dpa/Robert Michael",
            "Door Pieter de Vries",
            "Par Jean Dupont, à Bordeaux",
            "Por Carlos Souza, correspondente em Roma",
        ] {
            let opening = format!("France pays Bordeaux winemakers to rip up vines\n{byline}");
            assert_eq!(
                open(&[&opening, lead]),
                (
                    Some("France pays Bordeaux winemakers to rip up vines".into()),
                    lead.into()
                ),
                "{byline}"
            );
            // A byline alone above the lead is no title either.
            assert_eq!(open(&[byline, lead]), (None, lead.into()), "{byline}");
        }
    }

    #[test]
    fn pairing_reads_no_byline_stamp_or_boilerplate() {
        let text = text_for_pairing(&paragraphs(&[
            "By JANE DOE Associated Press\nUpdated 3:45 PM EST, March 3, 2025",
            "MEXICO CITY (AP) — President Claudia Sheinbaum said Monday.",
            "Copyright 2025 The Associated Press. All rights reserved.",
            "Leggi anche: Trump incontra Xi a Busan",
            "(Reporting by Dave Graham; Editing by Sandra Maler)",
        ]));
        assert_eq!(
            text.trim(),
            "MEXICO CITY (AP) — President Claudia Sheinbaum said Monday."
        );
    }

    #[test]
    fn pairing_stops_at_a_press_releases_end_matter() {
        let story = "Das IACR lädt am 22. Juni zum Tag der offenen Tür auf dem Campus Marly ein.";
        for end in [
            "Über das IACR\nDas IACR wurde 1987 gegründet und beschäftigt 240 Forschende.",
            "Medienkontakt:",
            "About IACR",
            "À propos de l’IACR",
            "###",
            "Contatti stampa",
        ] {
            let text = text_for_pairing(&paragraphs(&[story, end, "+41 26 555 01 23"]));
            assert_eq!(text.trim(), story, "{end}");
        }
        // A sentence is no heading, and the lead is the story whatever it says.
        for not_end in [
            "About 200 people were evacuated",
            "Over the weekend",
            "Über 1000 Menschen kamen.",
            "Kontakt zu den Behörden gab es keinen, sagte er.",
        ] {
            let text = text_for_pairing(&paragraphs(&[story, not_end]));
            assert!(text.contains(not_end), "{not_end}");
        }
        let text = text_for_pairing(&paragraphs(&["About IACR", story]));
        assert!(text.contains(story));
    }

    #[test]
    fn a_lead_that_opens_a_list_is_titled_by_its_first_line() {
        let list = "Das ändert sich im Juli:\n- Der Mindestlohn steigt.\n- Die Rente steigt.";
        assert_eq!(
            open(&[list, "Mehr."]),
            (Some("Das ändert sich im Juli".into()), list.into())
        );
        for numbered in [
            "The board approved three priorities for 2025–2028:\n1) early warning,\n2) water quality,\n3) coastal cities.",
            "El Consejo aprobó tres prioridades para 2025-2028:\na) alerta temprana,\nb) calidad del agua.",
        ] {
            let (title, _) = open(&[numbered, "More."]);
            assert!(title.as_deref().is_some_and(|t| t.ends_with("2028")), "{title:?}");
        }
        // Its dateline is no part of the title.
        let dated = format!("Bern (sda) – {list}");
        assert_eq!(
            open(&[&dated, "Mehr."]).0.as_deref(),
            Some("Das ändert sich im Juli")
        );
    }

    #[test]
    fn a_paragraph_wrapped_by_hand_has_no_headline() {
        let wrapped = "Der Bundesrat hat am Freitag den Weg für die Teillegalisierung von\nCannabis frei gemacht. Das Gesetz kann damit wie geplant am 1. April\nin Kraft treten, sagte die Ministerin.";
        assert_eq!(open(&[wrapped, "Mehr."]), (None, wrapped.into()));
        // Wrapped early, before a word too long for the line.
        let early = "Nach Einschätzung mehrerer großer deutscher\nVerbraucherschutzorganisationen sind die Preise für Strom und Gas\nim vergangenen Jahr deutlich stärker gestiegen als die Löhne.";
        assert_eq!(open(&[early, "Mehr."]), (None, early.into()));
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
    fn a_long_headline_paragraph_is_the_title_not_the_lead() {
        let opened = opening(&paragraphs(&[
            "« Nous allons nous battre » : entretien avec Daniela Cavallo, présidente du comité d'entreprise de Volkswagen",
            "Après l'annonce de possibles fermetures d'usines, la représentante des salariés de VW parle de résistance, de confiance et de l'avenir de Wolfsburg.",
            "Question : Madame Cavallo, l'annonce vous a-t-elle surprise ?",
        ]));
        assert!(opened.headline.unwrap().starts_with("« Nous allons"));
        assert!(opened.lead.starts_with("Après l'annonce"));
        // A long first paragraph that ends as a sentence is the lead.
        let opened = opening(&paragraphs(&[
            "Der Bundestag hat am Donnerstag nach langer Debatte das neue Heizungsgesetz beschlossen, das ab Januar gilt.",
            "Die Opposition kündigte an, vor dem Bundesverfassungsgericht dagegen zu klagen, weil die Beratungszeit zu kurz gewesen sei.",
        ]));
        assert_eq!(opened.headline, None);
    }

    #[test]
    fn datelines_come_off_the_title() {
        let stripped = [
            "BERLIN (dpa) – Der Bundesrat hat getagt.",
            "PARIS (AFP) - Le Sénat a voté.",
            "WASHINGTON — The Senate voted.",
            "WASHINGTON—The Senate voted.",
            "BONN — Negotiators at the climate talks failed.",
            "ROMA — Il governo ha approvato.",
            "LIMA — El Congreso destituyó a la presidenta.",
            "SAN FRANCISCO (AP) — Apple said.",
            "Berlin (dpa) - Die Bahn streikt.",
            "FRANKFURT/MAIN (dpa) – Die Börse schloss.",
            "BADEN-BADEN (dpa) – Die Bäder öffnen.",
            "(dpa) BERLIN – Die Bahn streikt.",
            "(ANSA) - ROMA, 17 MAR - Il governo ha approvato.",
            "MADRID, 12 mar (EFE).- El Gobierno aprobó.",
            "París, 19 de marzo (EFE).- El Gobierno aprobó.",
            "Roma, 12 marzo 2024 – Il governo ha approvato.",
            "PARIS, 24 mars (Reuters) - Le Sénat a voté.",
            "LONDON, March 25 (Reuters) - The Bank held rates.",
            "Milano, 23 mar. (askanews) - La Borsa chiude.",
            "Bonn (KNA) Die Bischöfe tagen.",
            "Berlin. Der Bundestag hat getagt.",
            "Geneva, 7 November 2023. The LHCb collaboration reported.",
            "Ginevra, 7 novembre 2023. La collaborazione LHCb ha osservato.",
            "Ginebra, 12 de abril de 2024.– La OMM cartografiará los lagos.",
            "SAN FRANCISCO, Jan. 15, 2025 /PRNewswire/ -- Norvik Robotics Inc. today announced.",
            "Champions! Real Madrid clinched their title.",
            "¡Campeones! El Real Madrid conquistó su Liga.",
            "Champions ! Le PSG remporte le titre.",
            "Enfin\u{202f}! Le PSG remporte le titre.",
            "BRUXELLES 07/04 (BELGA) = La SNCB annonce des travaux.",
            "BRUSSEL 07/04 (BELGA) = De NMBS kondigt werken aan.",
            "SALEM, Mass. (AP) — Trick-or-treaters filled the streets.",
            "KINGSTON, Jamaica (AP) — Hurricane Melissa made landfall.",
            "WASHINGTON, D.C. (AP) — The Senate voted.",
            "Los Ángeles (EE.UU.), 2 mar (EFE).- El incendio avanza.",
            "Busan (Corée du Sud) (AFP) - Donald Trump a rencontré Xi.",
            "NAPOLI – Vittoria! Il Napoli batte la Fiorentina.",
            "Schluss. Aus. Vorbei. Nach 25 Jahren schließt das Kino.",
            "SEVILLA, 13 mar (EFE).- ¡Histórico! El Betis se clasifica.",
            "VALENCIA.- El pleno del Ayuntamiento aprobó el presupuesto.",
            "Valencia.- El pleno del Ayuntamiento aprobó el presupuesto.",
            "CASTELLÓ.– Las exportaciones crecieron un 12 %.",
            "SANTA CRUZ DE TENERIFE.- El Cabildo aprobó el plan.",
            "MIAMI GARDENS, Fla. — Tua Tagovailoa threw a touchdown pass.",
            "PUEBLA, Pue. — Volkswagen invertirá 1.000 millones.",
            "MONTERREY, N.L. — ¡Tigres es campeón! Los felinos ganaron.",
            "BOGOTÁ, Colombia — El primer tren del Metro recorrió el tramo.",
            "COATZACOALCOS, Veracruz — Más de 3.000 personas fueron evacuadas.",
            "SANTA FE, Nuevo México – El gobernador firmó la ley.",
        ];
        for sentence in stripped {
            let title = without_dateline(sentence);
            assert!(
                title.len() < sentence.len()
                    && title
                        .trim_start_matches('¡')
                        .starts_with(char::is_uppercase),
                "{sentence} -> {title}"
            );
            assert!(
                !title.contains(['(', ',']) || title.starts_with("Il"),
                "{title}"
            );
        }
        let kept = [
            "Die Bahn (DB) – ein Konzern in der Krise.",
            "Wer zahlt – und wann?",
            "EU-Gipfel in Brüssel beginnt.",
            "NATO – die Allianz wächst.",
            // Acronyms before a dash keep their subject.
            "NATO – Die Allianz wächst.",
            "SNCF - Les contrôleurs appellent à la grève.",
            "PSOE - El partido celebrará su congreso.",
            "UNESCO – Die Altstadt von Odessa ist bedroht.",
            "USA – Die Inflation stieg im Januar.",
            "INPS – Dal primo marzo cambia l'assegno.",
            "Juventus (57 punti) – Il club vince.",
            "Boris Pistorius (SPD) hat getagt.",
            "Die Bahn. Ein Konzern in der Krise.",
            "J. K. Rowling will publish a novel.",
            "Prof. Dr. Claudia Ferrari-Lenz warnt.",
            "Mr. Thierry Breton presented a plan.",
            "M. Thierry Breton a présenté un plan.",
            "St. Gallen hat gewonnen.",
            "Ca.- 30 Personen kamen.",
            "Kurz.-Info: Die Bahn streikt.",
            // Labels belong to the title.
            "EN DIRECT – Séisme près de Naples.",
            "BREAKING — The Senate voted.",
            "ÚLTIMA HORA – El Gobierno aprobó.",
            "ULTIM'ORA – Il governo ha approvato.",
            "EXCLUSIVE – The minister resigned.",
            "LIVE – Die Bahn streikt.",
            // A number after a place is no date without a year.
            "Paris, 3 000 manifestants. Le cortège a défilé.",
            "Ja! Das war es.",
            // A region after a comma is a dateline's after capitals only.
            "Apple, Google – die Konzerne zahlen.",
            "ESPAÑA, Francia e Italia — los tres países firmaron.",
            "NATO, EU – Die Allianz wächst.",
            "FRANCE, Germany — Two nations, one plan.",
            "APPLE, Samsung — The two rivals settled.",
            "ACME CORP, Inc. — The company said.",
            "MÉXICO, EU — Los dos países firmaron.",
            "DEUTSCHLAND, Österreich — Zwei Länder, ein Plan.",
            "JUVENTUS, Inter — Il derby finisce pari.",
            "TIM COOK, Apple CEO — The chief executive said.",
            "Storm leaves 200,000 without power – Text.",
        ];
        for sentence in kept {
            assert_eq!(without_dateline(sentence), sentence);
        }
    }
}
