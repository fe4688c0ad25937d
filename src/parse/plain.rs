//! The plain-text news export: a date line, then paragraphs separated by
//! blank lines, the first of them the lead.

use super::{Body, Located, Paragraph};
use crate::diagnostic::Diagnostic;

/// Expects text with `\n` line ends (the caller folds CRLF).
pub fn parse_plain(path: &str, text: &str) -> Result<Body, Vec<Diagnostic>> {
    let mut lines = text.split('\n').enumerate().map(|(i, line)| (i + 1, line));
    let date = loop {
        match lines.next() {
            Some((_, line)) if line.trim().is_empty() || is_release_label(line) => continue,
            Some((number, line)) => {
                break Located {
                    value: line.trim().to_string(),
                    line: Some(number),
                }
            }
            None => {
                return Err(vec![Diagnostic::error(
                    path,
                    None,
                    "the file is empty; a plain-text article starts with its date, then a blank line and the lead paragraph",
                )])
            }
        }
    };

    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    // Lines that open with a tab or spaces: how a typewriter's text marks
    // its paragraphs, without blank lines.
    let mut indented: Vec<usize> = Vec::new();
    for (number, line) in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            paragraphs.extend(current.take());
            continue;
        }
        if line.starts_with('\t') || line.starts_with("  ") {
            indented.push(number);
        }
        match current.as_mut() {
            Some(paragraph) => {
                paragraph.text.push('\n');
                paragraph.text.push_str(line.trim_start());
            }
            None => {
                current = Some(Paragraph {
                    text: line.trim_start().to_string(),
                    line: number,
                })
            }
        }
    }
    paragraphs.extend(current);
    if let [one] = paragraphs.as_slice() {
        paragraphs = paragraphs_of_one_block(one, &indented);
    }

    if paragraphs.is_empty() {
        return Err(vec![Diagnostic::error(
            path,
            date.line,
            lone_line(&date.value),
        )]);
    }
    Ok(Body::Plain { date, paragraphs })
}

/// A press release's label above its date ("FOR IMMEDIATE RELEASE"),
/// which says how it was sent, not when.
fn is_release_label(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "for immediate release",
        "immediate release",
        "press release",
        "news release",
        "media release",
        "pressemitteilung",
        "medienmitteilung",
        "presseinformation",
        "communiqué de presse",
        "comunicado de prensa",
        "nota de prensa",
        "comunicato stampa",
        "persbericht",
        "comunicado de imprensa",
    ];
    let line = line.trim().trim_matches(['*', ':', '.', ' ']);
    LABELS
        .iter()
        .any(|label| crate::infer::is_any_case(line, label))
}

/// Whether the lines of a text without a blank line in it, not wrapped to
/// a width, were written a paragraph to a line, as word processors and
/// some CMS exports write them, rather than as one paragraph: they mostly
/// end a sentence. Read as one paragraph, the whole article would be its
/// lead, and its summary.
fn is_paragraph_per_line(lines: &[&str]) -> bool {
    let ending_sentences = lines
        .iter()
        .filter(|line| crate::infer::body::ends_sentence(line))
        .count();
    lines.len() >= 2 && ending_sentences * 2 >= lines.len()
}

/// The paragraphs of a text without a blank line in it, told by other
/// marks: an indented first line, a paragraph to a line (see
/// [`is_paragraph_per_line`]), or, in a text wrapped to a width, a line
/// that ends a sentence where the next word would have fitted. Otherwise
/// it is one paragraph.
fn paragraphs_of_one_block(block: &Paragraph, indented: &[usize]) -> Vec<Paragraph> {
    use crate::infer::body::{ends_sentence, wrap_width, wrapped_between};
    let lines: Vec<&str> = block.text.split('\n').collect();
    let by_indent = indented.iter().any(|&n| n > block.line) && indented.len() >= 2;
    let width = match by_indent {
        true => None,
        false => wrap_width(std::slice::from_ref(block)),
    };
    let per_line = !by_indent && width.is_none() && is_paragraph_per_line(&lines);
    if !by_indent && !per_line && width.is_none() {
        return vec![block.clone()];
    }
    let opens = |i: usize| -> bool {
        if by_indent {
            return indented.binary_search(&(block.line + i)).is_ok();
        }
        per_line
            || width.is_some_and(|width| {
                ends_sentence(lines[i - 1]) && !wrapped_between(lines[i - 1], lines[i], width, 0)
            })
    };
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match paragraphs.last_mut() {
            Some(paragraph) if !opens(i) => {
                paragraph.text.push('\n');
                paragraph.text.push_str(line);
            }
            _ => paragraphs.push(Paragraph {
                text: line.to_string(),
                line: block.line + i,
            }),
        }
    }
    paragraphs
}

/// What is wrong with a file of one paragraph: a date with no lead, or,
/// when its first line is no date (in either order of day and month), a
/// lead with no date; a text is not to be told that it "holds only a date".
fn lone_line(first: &str) -> String {
    use crate::infer::date::{parse_date, DateOrder};
    if [DateOrder::Dmy, DateOrder::Mdy]
        .into_iter()
        .any(|order| parse_date(first, order).is_ok())
    {
        return "the file holds only a date; add the lead paragraph after a blank line".to_string();
    }
    let shown: String = first.chars().take(40).collect();
    let more = if shown.len() < first.len() { "…" } else { "" };
    format!(
        "the first line must be the publication date (e.g. 04.05.2021 or 2021-05-04), but it reads `{shown}{more}`; write the date, a blank line, then the lead paragraph"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> (Located<String>, Vec<Paragraph>) {
        match parse_plain("a.txt", text).unwrap() {
            Body::Plain { date, paragraphs } => (date, paragraphs),
            Body::Markdown { .. } => unreachable!(),
        }
    }

    #[test]
    fn date_lead_and_paragraphs() {
        let (date, paragraphs) = plain("\n\n04.05.2021\n\nLead one.\nstill lead\n\n\n\nBody.  \n");
        assert_eq!(date.value, "04.05.2021");
        assert_eq!(date.line, Some(3));
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[0].text, "Lead one.\nstill lead");
        assert_eq!(paragraphs[0].line, 5);
        assert_eq!(paragraphs[1].text, "Body.");
        assert_eq!(paragraphs[1].line, 10);
    }

    #[test]
    fn no_final_newline_and_no_blank_after_date() {
        let (date, paragraphs) = plain("4.5.2021\nLead.");
        assert_eq!(date.value, "4.5.2021");
        assert_eq!(paragraphs[0].text, "Lead.");
    }

    /// A word processor's export: no blank lines, a paragraph to a line.
    /// Its first line is the lead, not the whole text.
    #[test]
    fn a_paragraph_to_a_line_without_blank_lines() {
        let (_, paragraphs) = plain(
            "4 de mayo de 2021\nEl Gobierno aprobó este martes un plan de 2.500 millones de euros.\nLa inversión se repartirá entre 2021 y 2025.\n\"Es la mayor inversión\", dijo la ministra.\n",
        );
        let texts: Vec<(&str, usize)> = paragraphs.iter().map(|p| (&*p.text, p.line)).collect();
        assert_eq!(
            texts,
            [
                (
                    "El Gobierno aprobó este martes un plan de 2.500 millones de euros.",
                    2
                ),
                ("La inversión se repartirá entre 2021 y 2025.", 3),
                ("\"Es la mayor inversión\", dijo la ministra.", 4),
            ]
        );
        // A lead wrapped to a width, and a title above a lead, stay one.
        let (_, paragraphs) = plain("04.05.2021\n\nDer Bundestag hat am Dienstag nach langer Debatte das neue\nHeizungsgesetz beschlossen, das ab dem kommenden Jahr für alle\nNeubauten gelten soll.\n");
        assert_eq!(paragraphs.len(), 1);
        let (_, paragraphs) = plain("04.05.2021\n\nHeizungsgesetz beschlossen\nDer Bundestag hat am Dienstag das Heizungsgesetz beschlossen.\n\nMehr folgt.\n");
        assert_eq!(paragraphs.len(), 2);
    }

    /// Without blank lines, a wrapped text's paragraphs end where a
    /// sentence ends and the next word would have fitted; a typewriter's
    /// begin with an indent.
    #[test]
    fn paragraphs_of_a_wrapped_or_indented_text_without_blank_lines() {
        let texts = |paragraphs: &[Paragraph]| -> Vec<String> {
            paragraphs
                .iter()
                .map(|p| p.text.replace('\n', " "))
                .collect()
        };
        let (_, paragraphs) = plain(
            "05/03/2025\n\nLISBOA, 5 mar (EFE).- El Ayuntamiento de Lisboa aprobó este miércoles\nsuspender durante seis meses las nuevas licencias de alquiler turístico\nen 15 de las 24 freguesías de la ciudad.\nEl alcalde, el conservador Carlos Moedas, votó en contra y habló de \"una\nprohibición ciega\". En Lisboa hay 19.600 pisos turísticos.\n",
        );
        assert_eq!(
            texts(&paragraphs),
            [
                "LISBOA, 5 mar (EFE).- El Ayuntamiento de Lisboa aprobó este miércoles suspender durante seis meses las nuevas licencias de alquiler turístico en 15 de las 24 freguesías de la ciudad.",
                "El alcalde, el conservador Carlos Moedas, votó en contra y habló de \"una prohibición ciega\". En Lisboa hay 19.600 pisos turísticos.",
            ]
        );
        assert_eq!(paragraphs[1].line, 6);
        let (_, paragraphs) = plain(
            "05.03.2025\n\tDer Stadtrat hat am Dienstag den Haushalt beschlossen. Er umfasst\n2,1 Milliarden Euro.\n\tDie Opposition stimmte dagegen.\n",
        );
        assert_eq!(
            texts(&paragraphs),
            [
                "Der Stadtrat hat am Dienstag den Haushalt beschlossen. Er umfasst 2,1 Milliarden Euro.",
                "Die Opposition stimmte dagegen.",
            ]
        );
    }

    #[test]
    fn a_release_label_above_the_date_is_read_past() {
        let (date, paragraphs) =
            plain("FOR IMMEDIATE RELEASE\n\nMarch 4, 2025\n\nNorthwind raised $40 million.\n");
        assert_eq!((date.value.as_str(), date.line), ("March 4, 2025", Some(3)));
        assert_eq!(paragraphs.len(), 1);
    }

    #[test]
    fn empty_and_date_only_files_are_errors() {
        let err = parse_plain("a.txt", " \n\n").unwrap_err();
        assert!(err[0].message.contains("empty"));
        let err = parse_plain("a.txt", "04.05.2021\n\n").unwrap_err();
        assert!(err[0].message.contains("only a date"));
        assert_eq!(err[0].line, Some(1));
        let err = parse_plain("a.txt", "4 May 2021\n").unwrap_err();
        assert!(err[0].message.contains("only a date"));
    }

    #[test]
    fn one_paragraph_without_a_date_asks_for_the_date() {
        for text in [
            "The parliament passed the new law today.\n",
            "junk",
            "\n\nUrgent: the parliament passed the new law today\n",
        ] {
            let err = parse_plain("a.txt", text).unwrap_err();
            let message = &err[0].message;
            assert!(
                message.contains("first line must be the publication date")
                    && !message.contains("only a date"),
                "{text:?}: {message}"
            );
            assert_eq!(err[0].line, text.find(|c: char| c != '\n').map(|at| at + 1));
        }
    }
}
