//! The plain-text news export: a date line, then paragraphs separated by
//! blank lines, the first of them the lead.

use super::{Body, Located, Paragraph};
use crate::diagnostic::Diagnostic;

/// Expects text with `\n` line ends (the caller folds CRLF).
pub fn parse_plain(path: &str, text: &str) -> Result<Body, Vec<Diagnostic>> {
    let mut lines = text.split('\n').enumerate().map(|(i, line)| (i + 1, line));
    let date = loop {
        match lines.next() {
            Some((_, line)) if line.trim().is_empty() => continue,
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
    for (number, line) in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            paragraphs.extend(current.take());
            continue;
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

    if paragraphs.is_empty() {
        return Err(vec![Diagnostic::error(
            path,
            date.line,
            "the file holds only a date; add the lead paragraph after a blank line",
        )]);
    }
    Ok(Body::Plain { date, paragraphs })
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

    #[test]
    fn empty_and_date_only_files_are_errors() {
        let err = parse_plain("a.txt", " \n\n").unwrap_err();
        assert!(err[0].message.contains("empty"));
        let err = parse_plain("a.txt", "04.05.2021\n\n").unwrap_err();
        assert!(err[0].message.contains("only a date"));
        assert_eq!(err[0].line, Some(1));
    }
}
