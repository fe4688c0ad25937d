//! Article bodies as HTML and as plain text.
//!
//! Plain-text exports are escaped, never interpreted: a `<` or `*` in a news
//! export is text. Markdown is rendered as CommonMark; its relative links are
//! made absolute against the article's URL because a feed reader has no page
//! to resolve them against. What Markdown lets through as-is — raw HTML and
//! link targets — is where script could reach a reader, so link schemes are
//! limited to a safe list and raw HTML is sanitised.

use std::collections::VecDeque;

use linkify::{LinkFinder, LinkKind};
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, TextMergeStream};
use url::Url;

use crate::parse::Paragraph;

/// Escapes text for HTML element content. Quotes stay as they are: readers
/// that show a description without decoding it then still show `it's`, not
/// `it&#39;s`.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// [`escape_html`], onto the end of `out`.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// One `<p>` per paragraph; a line break inside a paragraph stays a line
/// break (`<br>`), since exports use it for lines that belong together,
/// except where the export was wrapped to a width (see [`wrap_width`]):
/// there a line the wrap ended goes on with the next, as the writer's text
/// did (see [`wrapped_between`]). Bare addresses in the text are links
/// (see [`push_linked`]).
pub fn plain_html(paragraphs: &[Paragraph]) -> String {
    let width = wrap_width(paragraphs);
    let finder = bare_address_finder();
    let mut html = String::new();
    for paragraph in paragraphs {
        if let Some(rows) = tab_separated_rows(&paragraph.text) {
            html.push_str("<table>\n");
            for row in rows {
                html.push_str("<tr>");
                for cell in row {
                    html.push_str("<td>");
                    push_linked(&mut html, cell.trim(), &finder);
                    html.push_str("</td>");
                }
                html.push_str("</tr>\n");
            }
            html.push_str("</table>\n");
            continue;
        }
        html.push_str("<p>");
        let mut lines = paragraph.text.split('\n').enumerate().peekable();
        while let Some((at, line)) = lines.next() {
            push_linked(&mut html, line, &finder);
            // A paragraph's first line may have been indented by a tab,
            // which the wrap counted and reading the paragraph took off.
            let indent = match at {
                0 => FIRST_LINE_INDENT,
                _ => 0,
            };
            match lines.peek() {
                Some((_, next))
                    if width.is_some_and(|w| wrapped_between(line, next, w, indent)) =>
                {
                    html.push(' ')
                }
                Some(_) => html.push_str("<br>\n"),
                None => {}
            }
        }
        html.push_str("</p>\n");
    }
    html
}

/// The rows of a paragraph that is a table as spreadsheets copy one: two
/// lines or more, each of the same number of cells (two or more) apart by
/// tabs (a run of them, where a writer lined the columns up). Shown as a
/// paragraph, its columns would run together.
fn tab_separated_rows(text: &str) -> Option<Vec<Vec<&str>>> {
    if !text.contains('\t') {
        return None;
    }
    let rows: Vec<Vec<&str>> = text
        .split('\n')
        .map(|line| line.split('\t').filter(|cell| !cell.is_empty()).collect())
        .collect();
    let columns = rows[0].len();
    let is_table = rows.len() >= 2 && columns >= 2 && rows.iter().all(|row| row.len() == columns);
    is_table.then_some(rows)
}

/// A line of a plain-text export, escaped, with each bare address in it
/// (`https://…`, `www.…`, `press@example.org`) a link, as Markdown's are
/// (see [`BareLinks`]): some readers link nothing themselves, and an
/// export has no other way to write a link. A `www.` address gets
/// `https://`, which sites serve today (Markdown's gets Hugo's `http://`);
/// an e-mail address `mailto:`. What follows an address and ends a
/// sentence or a bracket (`.`, `,`, `)`) is text, as linkify reads it.
fn push_linked(html: &mut String, line: &str, finder: &LinkFinder) {
    if !may_hold_bare_address(line.as_bytes()) {
        push_with_dois(html, line);
        return;
    }
    let mut from = 0;
    for link in finder.links(line) {
        let href = match bare_address(&link) {
            Some(BareAddress::Email) => format!("mailto:{}", link.as_str()),
            Some(BareAddress::Url) => link.as_str().to_owned(),
            Some(BareAddress::Www) => format!("https://{}", link.as_str()),
            None => continue,
        };
        push_with_dois(html, &line[from..link.start()]);
        push_link(html, &href, link.as_str());
        from = link.end();
    }
    push_with_dois(html, &line[from..]);
}

/// `<a href="HREF">TEXT</a>`, both escaped.
fn push_link(html: &mut String, href: &str, text: &str) {
    html.push_str("<a href=\"");
    // linkify ends a URL at a quote; were one in it, it must not end the
    // attribute.
    push_escaped(html, &href.replace('"', "%22"));
    html.push_str("\">");
    push_escaped(html, text);
    html.push_str("</a>");
}

/// Text of a plain-text export, escaped, with each DOI written as papers
/// cite one (`doi:10.1038/s41586-024-07123-4`, `DOI: 10.1103/…`) a link
/// to `https://doi.org/…`: a research institute's releases cite their
/// papers so, and a reader of the feed should reach the paper in one
/// click. What ends a sentence or a bracket after it is text.
fn push_with_dois(html: &mut String, text: &str) {
    // Every DOI has this; few lines of news do.
    if memchr::memmem::find(text.as_bytes(), b"10.").is_none() {
        push_escaped(html, text);
        return;
    }
    let mut from = 0;
    while let Some((start, doi)) = next_doi(text, from) {
        let end = doi.as_ptr() as usize - text.as_ptr() as usize + doi.len();
        push_escaped(html, &text[from..start]);
        // `#` would start a fragment of doi.org's page.
        let path = doi.replace('#', "%23");
        push_link(html, &format!("https://doi.org/{path}"), &text[start..end]);
        from = end;
    }
    push_escaped(html, &text[from..]);
}

/// The next DOI in `text` from byte `from`: where its label starts, and
/// the DOI itself (`10.` a registrant's number, `/`, a suffix).
fn next_doi(text: &str, mut from: usize) -> Option<(usize, &str)> {
    while let Some(found) = text.get(from..)?.find(['d', 'D']) {
        let start = from + found;
        from = start + 1;
        let label = text.as_bytes().get(start..start + 3)?;
        // A word of its own: not the end of "Sudoi".
        let word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !label.eq_ignore_ascii_case(b"doi") || !word_start {
            continue;
        }
        // `doi:10.…`, `DOI: 10.…`, `DOI 10.…`.
        let rest = text[start + 3..].trim_start_matches([' ', '\u{a0}']);
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        let doi_text = rest.trim_start_matches([' ', '\u{a0}']);
        let len = doi_text
            .find(|c: char| c.is_whitespace() || "\"<>".contains(c))
            .unwrap_or(doi_text.len());
        // An old DOI with `<…>` in it (SICI) is not linked cut short.
        if doi_text[len..].starts_with(['<', '>']) {
            continue;
        }
        let doi = doi_text[..len].trim_end_matches(['.', ',', ';', ':', ')', ']', '»', '”', '’']);
        let valid = doi
            .strip_prefix("10.")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(registrant, suffix)| {
                (4..=9).contains(&registrant.len())
                    && registrant.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && !suffix.is_empty()
            });
        if valid {
            return Some((start, doi));
        }
    }
    None
}

/// The most a paragraph's first line is indented by (a tab, or spaces).
const FIRST_LINE_INDENT: usize = 8;

/// How much shorter than the widest a wrapped line may be: the length of
/// the word that did not fit and went on to the next line.
const WRAP_SLACK: usize = 25;

/// The width an export was wrapped to (e-mail and terminal tools break
/// lines at 72 or 80 characters), if it was. It was when a paragraph has
/// lines but its last (and but a headline first) that mostly end inside a
/// sentence, two at least, all about as long as the widest, and no wider
/// than such tools wrap. The lines that end a sentence may be shorter:
/// they end a paragraph in an export without blank lines. Two lines could
/// be a headline above its lead, short ones an address, and lines that
/// each end a sentence a list without marks, so none of them counts.
///
/// The width is then that of the widest line of the text within a few
/// characters of it that is not the last of its paragraph: the paragraph
/// that showed the wrap need not hold the widest, and a line much wider is
/// none of the wrap's.
pub fn wrap_width(paragraphs: &[Paragraph]) -> Option<usize> {
    const MIN_WIDTH: usize = 60;
    const MAX_WIDTH: usize = 100;
    const NEAR: usize = 5;
    let shown = paragraphs
        .iter()
        .filter_map(|paragraph| {
            let texts: Vec<&str> = paragraph.text.split('\n').collect();
            if texts[1..].iter().any(|line| starts_list_item(line)) {
                return None;
            }
            let lines: Vec<(usize, bool)> = texts
                .iter()
                .map(|line| (line.chars().count(), ends_sentence(line)))
                .collect();
            let (_, wrapped) = lines.split_last()?;
            // With its first line or without it: a headline above the lead.
            let width = [wrapped, wrapped.get(1..)?]
                .into_iter()
                .filter(|lines| lines.len() >= 2)
                .find_map(|lines| {
                    let open: Vec<usize> = lines
                        .iter()
                        .filter(|&&(_, ends)| !ends)
                        .map(|&(len, _)| len)
                        .collect();
                    let width = open.iter().copied().max()?;
                    let is_wrapped = open.len() >= 2
                        && open.len() * 2 > lines.len()
                        && (MIN_WIDTH..=MAX_WIDTH).contains(&width)
                        && open.iter().all(|&len| len + WRAP_SLACK >= width);
                    is_wrapped.then_some(width)
                });
            width
        })
        .max()?;
    // A paragraph's last line is no line the wrap ended (a headline of
    // its own, wider than the wrap, would count otherwise).
    paragraphs
        .iter()
        .flat_map(|p| {
            p.text
                .rsplit_once('\n')
                .map(|(wrapped, _)| wrapped.split('\n'))
        })
        .flatten()
        .map(|line| line.chars().count())
        .filter(|&len| len <= shown + NEAR)
        .max()
}

/// Whether the break between `line` and `next`, in a text wrapped to
/// `width` (with `line` indented by up to `indent`), is the wrap's: the
/// next line's first word would not have fitted on this one, and the next
/// line is no item of a list, nor a byline or credit under a headline. A break where the word would have
/// fitted is the writer's own (a headline, an address, a paragraph's end).
pub fn wrapped_between(line: &str, next: &str, width: usize, indent: usize) -> bool {
    let len = line.chars().count();
    let next_word = next.split_whitespace().next().unwrap_or("");
    len <= width
        && indent + len + 1 + next_word.chars().count() > width
        && !starts_list_item(next)
        && !super::lead::is_byline_or_credit(next, None)
}

/// Whether a line ends as a sentence (or a quotation, or the line that
/// announces a list) ends.
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '»', '”', '…'])
}

/// Whether a line opens an item of a list (`- `, `• `, `1) `, `a. `),
/// which stays on a line of its own however long the one before it.
pub fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start();
    let bullet = line.strip_prefix(['-', '•', '–', '—', '*', '·', '▪']);
    if bullet.is_some_and(|rest| rest.starts_with(' ')) {
        return true;
    }
    let marker_end = line.find(|c: char| !c.is_alphanumeric()).unwrap_or(0);
    let marker = &line[..marker_end];
    let is_marker = (1..=3).contains(&marker.chars().count())
        && (marker.chars().all(|c| c.is_ascii_digit()) || marker.chars().count() == 1);
    is_marker && (line[marker_end..].starts_with(") ") || line[marker_end..].starts_with(". "))
}

/// Collapses runs of white space (including line breaks) to single spaces.
/// A no-break space stays what it is: French typography puts one before
/// `%` and `:` and a narrow one between thousands (`8 041,26`), so that a
/// reader never breaks a line there.
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    // Words are copied whole: most of a text is words.
    let mut word_start = None;
    for (at, c) in text.char_indices() {
        let breaks = c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
        match (breaks, word_start) {
            (true, Some(start)) => {
                if !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                collapsed.push_str(&text[start..at]);
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
    }
    if let Some(start) = word_start {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(&text[start..]);
    }
    collapsed
}

/// Renders CommonMark, resolving relative link and image targets against
/// `base` (the article's own URL) and dropping targets with an unsafe
/// scheme (`javascript:`, `data:`, …). Raw HTML in the source goes through
/// ammonia: no `<script>`, no event handlers, safe URLs only.
pub fn markdown_html(source: &str, base: &str) -> String {
    let source = with_ref_links_read(source);
    let source = source.as_ref();
    let base = Url::parse(base).ok();
    let mut raw_html = false;
    // For each open link or image: whether it was dropped (unsafe target),
    // so that its end is dropped too and only its text remains.
    let mut dropped: Vec<bool> = Vec::new();
    let mut embeds = EmbedsAsLinks::default();
    let mut footnotes = FootnoteNumbers::default();
    let parsed = Parser::new_ext(source, MARKDOWN_EXTENSIONS);
    // Most articles hold no bare address: they skip the search for one.
    let parsed: Box<dyn Iterator<Item = Event>> = match may_hold_bare_address(source.as_bytes()) {
        true => Box::new(BareLinks::new(TextMergeStream::new(parsed))),
        false => Box::new(parsed),
    };
    let events = parsed.filter_map(|mut event| match event {
        Event::Html(ref html) | Event::InlineHtml(ref html) => {
            raw_html = true;
            match embeds.rewrite(html) {
                Some(links) => Some(Event::Html(links.into())),
                None => Some(event),
            }
        }
        // A footnote's link points into the page, to the anchor Hugo gives
        // it there (`#fn:1`, numbered in order of first mention); the
        // sanitiser makes it the article page's, as any other anchor.
        Event::FootnoteReference(ref name) => {
            raw_html = true;
            let number = footnotes.number(name);
            Some(Event::InlineHtml(
                format!("<sup class=\"footnote-ref\"><a href=\"#fn:{number}\">{number}</a></sup>")
                    .into(),
            ))
        }
        Event::Start(Tag::FootnoteDefinition(ref name)) => {
            raw_html = true;
            let number = footnotes.number(name);
            Some(Event::Html(
                format!(
                    "<div class=\"footnote-definition\" id=\"fn:{number}\">\
                     <sup class=\"footnote-definition-label\">{number}</sup>"
                )
                .into(),
            ))
        }
        // Text inside an inline player is its fallback ("your browser
        // cannot play this"), which the link stands in for.
        Event::Text(_) if embeds.open > 0 => None,
        // A player left open (`<video>` without `</video>`) ends with its
        // block: what comes after is no fallback of it.
        Event::End(TagEnd::HtmlBlock | TagEnd::Paragraph) => {
            embeds.open = 0;
            Some(event)
        }
        // `## Title {#id .class key=value}`: pulldown-cmark writes the
        // key-value attributes as they are (`onclick=…`, `style=…`), and
        // only raw HTML goes through the sanitiser; the id and classes are
        // all Hugo makes of them that a feed may carry.
        Event::Start(Tag::Heading { ref mut attrs, .. }) => {
            attrs.clear();
            Some(event)
        }
        // A checkbox is a form control, which no feed should carry; the
        // character shows the same.
        Event::TaskListMarker(done) => Some(Event::Text(if done { "☑ " } else { "☐ " }.into())),
        // `<cfp@example.org>`: the renderer writes `mailto:` before it.
        Event::Start(Tag::Link {
            link_type: LinkType::Email,
            ..
        }) => {
            dropped.push(false);
            Some(event)
        }
        Event::Start(
            Tag::Link {
                ref mut dest_url, ..
            }
            | Tag::Image {
                ref mut dest_url, ..
            },
        ) => {
            let written = std::mem::replace(dest_url, CowStr::Borrowed(""));
            let keep = match absolute(base.as_ref(), written) {
                Some(safe) => {
                    *dest_url = safe;
                    true
                }
                None => false,
            };
            dropped.push(!keep);
            keep.then_some(event)
        }
        Event::End(TagEnd::Link | TagEnd::Image) => {
            (!dropped.pop().unwrap_or(false)).then_some(event)
        }
        other => Some(other),
    });
    let mut html = String::with_capacity(source.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    if raw_html {
        html = unwrap_noscript(&html).into_owned();
        // pulldown-cmark escapes all text and every attribute it writes;
        // only raw HTML needs the (slower) sanitiser.
        let mut cleaner = ammonia::Builder::default();
        if let Some(base) = base {
            cleaner.url_relative(ammonia::UrlRelative::RewriteWithBase(base));
        }
        cleaner.url_schemes(SAFE_SCHEMES.iter().copied().collect());
        // The writing direction of Arabic or Hebrew text, and the numbering
        // of a reversed list, are part of what it says. `<bdo>` is the one
        // tag the feed validator warns of; `dir` on the elements says the
        // same.
        cleaner.add_generic_attributes(["dir"]);
        cleaner.add_tag_attributes("ol", ["reversed", "start"]);
        cleaner.rm_tags(["bdo"]);
        html = cleaner.clean(&html).to_string();
    }
    as_html5_reads_references(source, html)
}

/// Text or HTML made from Markdown `source`, with each character one of its
/// numeric references (`&#128;`, `&#x96;`) wrote that no feed may carry
/// made what HTML5 makes of the reference (see [`html5_referenced_char`]).
///
/// Why here, on what is made: CommonMark decodes `&#150;` to the code point
/// U+0096, a C1 control, where HTML5 — browsers, and html5ever, which reads
/// the raw HTML the sanitiser cleans — reads it as the Windows-1252 `–`
/// that pages of that encoding meant by it. Doing it on the content, the
/// summary and the text language detection reads, each as a whole, makes
/// them agree, whether the reference stood in Markdown text, a link, or raw
/// HTML. The file's own bytes cannot hold such a character (parsing
/// refuses it), so any found came from a reference; and a source without
/// `&#` has none, which saves looking.
fn as_html5_reads_references(source: &str, made: String) -> String {
    let has_references = memchr::memmem::find(source.as_bytes(), b"&#").is_some();
    if !has_references || crate::parse::first_bad_char(&made).is_none() {
        return made;
    }
    made.chars().map(html5_referenced_char).collect()
}

/// What a numeric reference to `c` shows, as HTML5 reads it, when a feed
/// cannot carry `c` itself: 128–159 are the Windows-1252 characters
/// (`&#128;` is `€`, `&#x96;` `–`), and the rest is U+FFFD, the
/// replacement character, which HTML5 gives `&#0;` and references to
/// surrogates or past U+10FFFF, and which readers show for a character
/// they cannot. HTML5 itself keeps the other controls, DEL, the five
/// numbers Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
/// and noncharacters, but XML forbids or validators reject them; U+FFFD
/// rather than nothing leaves a mark where the author wrote something, in
/// the summary `inspect` shows as in the feed.
fn html5_referenced_char(c: char) -> char {
    if !crate::parse::is_bad_char(c) {
        return c;
    }
    crate::parse::windows_1252(c).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// What Hugo's Markdown renders besides CommonMark, on by default there,
/// so that a Hugo site's articles read the same in its feeds: tables,
/// footnotes, `~~struck~~` text, task lists, definition lists and heading
/// ids (`## FAQ {#faq}`). Hugo's typographer is not: it makes English
/// quotes of every language's (`"Hallo"` as “Hallo”, not „Hallo“).
const MARKDOWN_EXTENSIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_DEFINITION_LIST)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Footnotes numbered as they are first met, by mention or by definition,
/// as Hugo and pulldown-cmark number them.
#[derive(Default)]
struct FootnoteNumbers(std::collections::HashMap<String, usize>);

impl FootnoteNumbers {
    fn number(&mut self, name: &str) -> usize {
        let next = self.0.len() + 1;
        *self.0.entry(name.to_owned()).or_insert(next)
    }
}

/// Bare addresses in the text (`https://…`, `www.…`, `press@…`) made
/// links, as Hugo's Markdown (linkify, on by default) makes them: a Hugo
/// site's readers could click them on the page, and some feed readers
/// link nothing themselves. The rules are GitHub's, which Hugo follows:
/// a URL needs `http://`, `https://` or `ftp://`, or to start with `www.`
/// (then `http://` is put before it); `bund.de` alone stays text, as
/// does anything inside a link, an image's text or code.
struct BareLinks<'a, I> {
    events: I,
    /// Events split from one text, waiting to be passed on.
    queued: VecDeque<Event<'a>>,
    /// How deep in links, images and code blocks (Markdown's or raw
    /// HTML's `<a>`) the stream is: text there is never linked.
    inside: usize,
    finder: LinkFinder,
}

/// What kind of bare address linkify found in text, by GitHub's rules,
/// which Hugo follows: a URL needs `http://`, `https://` or `ftp://`, or
/// to start with `www.`; `bund.de` alone is `None`, text.
enum BareAddress {
    Email,
    /// A URL with its scheme.
    Url,
    /// A URL that starts with `www.`, which needs a scheme put before it.
    Www,
}

fn bare_address(link: &linkify::Link) -> Option<BareAddress> {
    let text = link.as_str();
    match link.kind() {
        LinkKind::Email => Some(BareAddress::Email),
        LinkKind::Url => {
            let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
            if ["http://", "https://", "ftp://"]
                .iter()
                .any(|scheme| lower.starts_with(scheme))
            {
                Some(BareAddress::Url)
            } else if lower.starts_with("www.") && text.len() > 4 {
                Some(BareAddress::Www)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A finder of the addresses [`bare_address`] sorts: URLs without a
/// scheme too, for `www.`. Building one is setting a few flags, no
/// pattern to compile.
fn bare_address_finder() -> LinkFinder {
    let mut finder = LinkFinder::new();
    finder.url_must_have_scheme(false);
    finder
}

impl<'a, I: Iterator<Item = Event<'a>>> BareLinks<'a, I> {
    fn new(events: I) -> Self {
        BareLinks {
            events,
            queued: VecDeque::new(),
            inside: 0,
            finder: bare_address_finder(),
        }
    }

    /// The target of a bare address found in text, or `None` when GitHub's
    /// rules would leave it text.
    fn target(link: &linkify::Link) -> Option<(LinkType, String)> {
        let text = link.as_str();
        match bare_address(link)? {
            BareAddress::Email => Some((LinkType::Email, text.to_owned())),
            BareAddress::Url => Some((LinkType::Autolink, text.to_owned())),
            BareAddress::Www => Some((LinkType::Autolink, format!("http://{text}"))),
        }
    }

    /// Queues `text` as text and links; false when it holds no address.
    fn split(&mut self, text: &str) -> bool {
        let mut from = 0;
        for link in self.finder.links(text) {
            let Some((link_type, dest_url)) = Self::target(&link) else {
                continue;
            };
            if link.start() > from {
                let before = text[from..link.start()].to_owned();
                self.queued.push_back(Event::Text(before.into()));
            }
            let tag = Tag::Link {
                link_type,
                dest_url: dest_url.into(),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            };
            self.queued.push_back(Event::Start(tag));
            self.queued
                .push_back(Event::Text(link.as_str().to_owned().into()));
            self.queued.push_back(Event::End(TagEnd::Link));
            from = link.end();
        }
        if from == 0 {
            return false;
        }
        if from < text.len() {
            self.queued
                .push_back(Event::Text(text[from..].to_owned().into()));
        }
        true
    }
}

/// Whether `text` has what every bare address [`BareLinks`] links has.
fn may_hold_bare_address(text: &[u8]) -> bool {
    memchr::memmem::find(text, b"://").is_some()
        || memchr::memmem::find(text, b"www.").is_some()
        || memchr::memchr(b'@', text).is_some()
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for BareLinks<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(queued) = self.queued.pop_front() {
            return Some(queued);
        }
        let event = self.events.next()?;
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => {
                self.inside += 1
            }
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                self.inside = self.inside.saturating_sub(1)
            }
            Event::InlineHtml(html) => {
                let tag = html.trim_start_matches('<').as_bytes();
                match tag {
                    [b'/', b'a' | b'A', b'>' | b' ', ..] => {
                        self.inside = self.inside.saturating_sub(1)
                    }
                    [b'a' | b'A', b' ' | b'>' | b'\t' | b'\n', ..] => self.inside += 1,
                    _ => {}
                }
            }
            Event::Text(text) if self.inside == 0 && may_hold_bare_address(text.as_bytes()) => {
                let text = text.clone();
                if self.split(&text) {
                    return self.queued.pop_front();
                }
            }
            _ => {}
        }
        Some(event)
    }
}

/// Elements that embed another page or a player (`<iframe>`, `<video>`,
/// `<audio>`, `<embed>`, `<object>`), which the sanitiser removes: a
/// reader then saw "Watch our film:" and nothing after it. Each becomes a
/// link to what it embeds (its `src` or `data`, else the `<source>`s
/// inside it), named by its `title` when it has one; the fallback text
/// inside a player ("Your browser does not support video") goes, since
/// the link stands in for the player.
///
/// Raw HTML reaches the renderer a line at a time, so whether a player is
/// open is kept from one piece to the next.
#[derive(Default)]
struct EmbedsAsLinks {
    /// Inside a `<video>`, `<audio>` or `<object>`: its fallback is left out.
    open: usize,
}

const EMBEDS: &[&str] = &["iframe", "video", "audio", "embed", "object", "source"];
const PLAYERS: &[&str] = &["video", "audio", "object"];

impl EmbedsAsLinks {
    /// `html` with its embeds as links; `None` when it has none and no
    /// player is open.
    fn rewrite(&mut self, html: &str) -> Option<String> {
        let lower = html.to_ascii_lowercase();
        if self.open == 0 && !EMBEDS.iter().any(|tag| lower.contains(&format!("<{tag}"))) {
            return None;
        }
        let mut out = String::with_capacity(html.len());
        let mut rest = 0;
        while let Some(open) = lower[rest..].find('<').map(|at| rest + at) {
            if self.open == 0 {
                out.push_str(&html[rest..open]);
            }
            let Some(close) = tag_end(&html[open..]).map(|at| open + at) else {
                rest = open;
                break;
            };
            let tag = &lower[open + 1..close - 1];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            rest = close;
            if !EMBEDS.contains(&name.as_str()) {
                if self.open == 0 {
                    out.push_str(&html[open..close]);
                }
                continue;
            }
            if PLAYERS.contains(&name.as_str()) {
                match closing {
                    true => self.open = self.open.saturating_sub(1),
                    false => self.open += 1,
                }
            }
            if closing {
                continue;
            }
            let written = &html[open + 1..close - 1];
            let target = ["src", "data"]
                .iter()
                .find_map(|name| attribute(written, name))
                .filter(|target| !target.is_empty());
            if let Some(target) = target {
                let text = attribute(written, "title").unwrap_or_else(|| target.clone());
                out.push_str(&format!(
                    "<a href=\"{}\">{}</a> ",
                    target.replace('&', "&amp;").replace('"', "&quot;"),
                    escape_html(&text)
                ));
            }
        }
        if self.open == 0 {
            out.push_str(&html[rest..]);
        }
        Some(out)
    }
}

/// `html` without its `<noscript>` and `</noscript>` tags, their content
/// kept, for the sanitiser to clean as the rest.
///
/// Why: a feed reader runs no script, so what a page shows without script
/// is what its reader should see ("Donate at <a …>"); but the sanitiser's
/// HTML parser reads as a browser with script does, to which a noscript's
/// content is text, and so the feed showed its markup as text. Taking out
/// the tags, rather than the element, lets an unclosed `<noscript>` swallow
/// nothing, and a `<script>` or `<style>` inside is what it is anywhere:
/// removed with its content. A counting pixel inside (an image hidden or
/// one pixel in size, as analytics put there for visitors without script)
/// goes too: as text it loaded nothing, and unwrapped it would report
/// every reader who opens the entry.
fn unwrap_noscript(html: &str) -> std::borrow::Cow<'_, str> {
    let mentions = |word: &[u8]| {
        html.as_bytes()
            .windows(word.len())
            .any(|window| window.eq_ignore_ascii_case(word))
    };
    if !mentions(b"noscript") {
        return html.into();
    }
    // ASCII lower case keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut inside = 0usize;
    let mut from = 0;
    while let Some(open) = lower[from..].find('<').map(|at| from + at) {
        from = open + 1;
        let tag = &lower[open + 1..];
        let closing = tag.starts_with('/');
        let noscript = is_tag_named(tag.trim_start_matches('/'), "noscript");
        let pixel = inside > 0 && !closing && is_tag_named(tag, "img");
        if !noscript && !pixel {
            continue;
        }
        let Some(end) = tag_end(&html[open..]).map(|at| open + at) else {
            break;
        };
        if pixel && !is_counting_pixel(&html[open + 1..end - 1]) {
            continue;
        }
        out.push_str(&html[copied..open]);
        copied = end;
        from = end;
        if noscript {
            inside = if closing {
                inside.saturating_sub(1)
            } else {
                inside + 1
            };
        }
    }
    out.push_str(&html[copied..]);
    out.into()
}

/// Whether a tag's lower-case text after its `<` (`noscript class=x>`)
/// is element `name`'s, not one whose name only starts with it.
fn is_tag_named(tag: &str, name: &str) -> bool {
    tag.strip_prefix(name).is_some_and(|after| {
        after.starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
    })
}

/// Whether an `<img>`'s tag text (`img src=… width=1`) is a counting pixel:
/// hidden, or no larger than one pixel, so that it shows nothing and is
/// there only to be loaded.
fn is_counting_pixel(tag: &str) -> bool {
    let tiny = ["width", "height"].iter().any(|name| {
        attribute(tag, name)
            .is_some_and(|value| matches!(value.trim().trim_end_matches("px").trim(), "0" | "1"))
    });
    let hidden = attribute(tag, "style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    });
    tiny || hidden
}

/// Where the tag opening `html` ends, just after its `>`; a `>` inside a
/// quoted attribute value (`title="2025 > 2024"`) is no end.
fn tag_end(html: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(at + 1),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's text (`iframe src="…" title=x`),
/// quoted or not, with its character references decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name).map(|at| from + at) {
        from = at + name.len();
        let before = lower[..at].chars().last();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let after = lower[from..].trim_start();
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value_at = tag.len() - value.len();
        let value = tag[value_at..].trim_start();
        let (text, _) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split_once(quote).unwrap_or((&value[1..], "")),
            _ => value.split_once(char::is_whitespace).unwrap_or((value, "")),
        };
        return Some(decode_references(text));
    }
    None
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references as
/// the characters they stand for; anything else as written.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // A reference is short: looking further would make a run of `&`
        // without `;` quadratic.
        let window = &rest.as_bytes()[..rest.len().min(11)];
        let Some(semi) = memchr::memchr(b';', window) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Link schemes a feed entry may point at; anything else (`javascript:`,
/// `vbscript:`, `data:`, `file:`) is dropped.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "ftp"];

/// A link target made absolute against `base`; `None` when its scheme is
/// not a safe one, and the link is then left out (its text stays). So is
/// Zola's link to another article by its file (`@/blog/launch.md`), whose
/// URL only Zola knows: joined to this page's, it would lead nowhere.
fn absolute<'a>(base: Option<&Url>, dest: CowStr<'a>) -> Option<CowStr<'a>> {
    if dest.starts_with("@/") {
        return None;
    }
    if let Ok(url) = Url::parse(&dest) {
        return SAFE_SCHEMES.contains(&url.scheme()).then_some(dest);
    }
    let Some(base) = base else {
        return Some(dest);
    };
    // A bare `#notes` (or an empty target) is resolved too: in a feed
    // reader it can only mean the article's own page.
    base.join(&dest)
        .ok()
        .map(|url| CowStr::from(url.to_string()))
}

/// A `summary` written in Markdown (`The **SNSF** funds [our
/// project](…)`), as the plain text the contract wants: Hugo renders it,
/// and a reader would otherwise see the asterisks and brackets. Inline
/// syntax only: the summary is one paragraph, and `1. Mai` at its start
/// is a date, not a list.
pub fn markdown_inline_text(summary: &str) -> String {
    let summary = collapse_whitespace(summary);
    if !summary.contains(['*', '_', '[', '`', '<', '&', '\\', '~']) {
        return summary;
    }
    // A word before it keeps the line a paragraph whatever it starts with.
    let source = format!("x {summary}");
    let mut text = String::with_capacity(source.len());
    for event in Parser::new_ext(&source, MARKDOWN_EXTENSIONS) {
        match event {
            // Markup in a plain-text field is text ("the <details>
            // element"), as it was before Markdown was read here.
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    let text = collapse_whitespace(&as_html5_reads_references(&summary, text));
    text.strip_prefix("x ").map_or(text.clone(), str::to_string)
}

/// Whether `text` is one or more Hugo shortcodes and nothing else
/// (`{{< figure src="harbour.jpg" caption="…" >}}`).
fn is_only_shortcodes(text: &str) -> bool {
    let mut rest = text.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let close = match rest.get(..3) {
            Some("{{<") => ">}}",
            Some("{{%") => "%}}",
            _ => return false,
        };
        let Some(end) = rest.find(close) else {
            return false;
        };
        rest = rest[end + 3..].trim_start();
    }
    true
}

/// A Hugo shortcode in a Markdown body, outside code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode<'a> {
    /// Its name, as Hugo looks it up: `figure`, `ref`, `notice`.
    pub name: &'a str,
    /// The line of the body it starts on, from 1.
    pub line: usize,
    /// What a feed shows of it.
    pub shown: Shown,
    /// Where it is written in the body, from `{{` to `}}`.
    span: std::ops::Range<usize>,
}

/// What a feed shows of a Hugo shortcode, which only Hugo's templates can
/// render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Its text, as written.
    AsWritten,
    /// A `ref` or `relref` as a link's target, to another page: the link's
    /// text, without the link, since which URL the page has is not known
    /// where one article is rendered.
    LinkText,
    /// A `ref` or `relref` as a link's target, to a heading of the same
    /// page (`{{< ref "#method" >}}`): the link, to that anchor.
    Resolved,
}

/// The Hugo shortcodes in a Markdown body (`{{< figure … >}}`, `{{% notice
/// %}}`), in order; a closing one (`{{% /notice %}}`) is part of its
/// opening one. Those in code are left out, where a site's documentation
/// shows them as examples.
pub fn shortcodes(source: &str) -> Vec<Shortcode<'_>> {
    if !may_hold_tags(source) || !source.contains("{{<") && !source.contains("{{%") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut in_code = false;
    let mut line_start = 0;
    // Where the last shortcode ended: one may span lines.
    let mut after = 0;
    for (index, line) in source.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        let mut from = 0;
        while let Some(at) = shortcode_start(&line[from..]).filter(|_| !in_code) {
            let start = line_start + from + at;
            from += at + 3;
            // Inside `inline code`: an odd number of backticks before it.
            if start < after || line[..start - line_start].matches('`').count() % 2 == 1 {
                continue;
            }
            let close = if &source[start..start + 3] == "{{<" {
                ">}}"
            } else {
                "%}}"
            };
            let end = source[start..]
                .find(close)
                .map_or(line_start + line.len(), |at| start + at + close.len());
            after = end;
            if let Some(shortcode) = read_shortcode(source, start..end, index + 1) {
                found.push(shortcode);
            }
        }
        line_start += line.len();
    }
    found
}

/// The template tags of other site generators in a Markdown body, outside
/// code: Liquid's and Nunjucks' `{% name … %}` (Jekyll, Eleventy, Zola's
/// block shortcodes) and Zola's `{{ name(…) }}`, each as it is written
/// (`{% include %}`, `{{ youtube() }}`) with the body line it is first on,
/// from 1. Closing tags (`{% endraw %}`, `{% end %}`) are part of their
/// opening one.
pub fn template_tags(source: &str) -> Vec<(String, usize)> {
    if !may_hold_tags(source) {
        return Vec::new();
    }
    let mut found: Vec<(String, usize)> = Vec::new();
    let mut in_code = false;
    // An indented code block: indented lines after a blank line (or more
    // of them), which a site's documentation shows tags in as examples.
    let mut in_indented = false;
    let mut after_blank = true;
    // HTML comments, which no feed shows.
    let comments: Vec<std::ops::Range<usize>> =
        memchr::memmem::find_iter(source.as_bytes(), "<!--")
            .map(|start| {
                let end = source[start..]
                    .find("-->")
                    .map_or(source.len(), |at| start + at + 3);
                start..end
            })
            .collect();
    let mut line_start = 0;
    for (index, line) in source.split_inclusive('\n').enumerate() {
        let line_at = line_start;
        line_start += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        let indented = line.starts_with("    ") || line.starts_with('\t');
        in_indented = indented && (after_blank || in_indented) || in_indented && trimmed.is_empty();
        after_blank = trimmed.is_empty();
        if in_code || in_indented {
            continue;
        }
        for (at, _) in line.match_indices('{') {
            // The second brace of `{{`; inside `inline code`: an odd
            // number of backticks before it.
            if line[..at].ends_with('{')
                || line[..at].matches('`').count() % 2 == 1
                || comments.iter().any(|c| c.contains(&(line_at + at)))
            {
                continue;
            }
            let Some(tag) = template_tag(&line[at..]) else {
                continue;
            };
            if !found.iter().any(|(seen, _)| *seen == tag) {
                found.push((tag, index + 1));
            }
        }
    }
    found
}

/// Whether `source` has a `{{` or `{%`, which every shortcode and template
/// tag opens with: one pass for a brace, which is rare in prose, as every
/// article is looked at.
fn may_hold_tags(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memchr_iter(b'{', bytes).any(|at| matches!(bytes.get(at + 1), Some(b'%' | b'{')))
}

/// The template tag `text` opens with, as it is named in messages; none
/// for Hugo's shortcodes (`{{<`, `{{%`), closing tags, and braces that
/// open no tag.
fn template_tag(text: &str) -> Option<String> {
    let name_of = |inner: &str| -> Option<String> {
        let inner = inner.trim_start_matches('-').trim_start();
        let end = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(inner.len());
        let name = &inner[..end];
        (!name.is_empty() && name.starts_with(|c: char| c.is_ascii_lowercase()))
            .then(|| name.to_string())
    };
    if let Some(inner) = text.strip_prefix("{%") {
        let name = name_of(inner)?;
        let closing = name.starts_with("end") || name == "else" || name == "elsif";
        return (!closing && inner.contains("%}")).then(|| format!("{{% {name} %}}"));
    }
    let inner = text.strip_prefix("{{")?;
    if inner.starts_with(['<', '%', '{']) {
        return None;
    }
    let name = name_of(inner)?;
    let after = inner.trim_start_matches('-').trim_start()[name.len()..].trim_start();
    (after.starts_with('(') && inner.contains("}}")).then(|| format!("{{{{ {name}() }}}}"))
}

/// Where in `text` the next shortcode opens (`{{<` or `{{%`).
fn shortcode_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("{{").map(|at| from + at) {
        if matches!(text.as_bytes().get(at + 2), Some(b'<' | b'%')) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// The shortcode written at `span` of `source`, on body line `line`;
/// `None` for a closing one, or one commented out for Hugo to show
/// (`{{</* figure */>}}`).
fn read_shortcode(
    source: &str,
    span: std::ops::Range<usize>,
    line: usize,
) -> Option<Shortcode<'_>> {
    let inner = source[span.start + 3..].trim_start();
    let name_end = inner
        .find(|c: char| c.is_whitespace() || c == '>' || c == '%')
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() || name.starts_with('/') {
        return None;
    }
    let shown = match name {
        "ref" | "relref" if is_link_target(&source[..span.start]) => {
            match same_page_anchor(&source[span.clone()]) {
                Some(_) => Shown::Resolved,
                None => Shown::LinkText,
            }
        }
        _ => Shown::AsWritten,
    };
    Some(Shortcode {
        name,
        line,
        shown,
        span,
    })
}

/// Whether what comes before a shortcode makes it a link's target:
/// `[text](`, a reference definition's `[name]: `, or `href="`.
fn is_link_target(before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\t']);
    if before.ends_with("](") || before.ends_with("]:") {
        return true;
    }
    let Some(before) = before.strip_suffix(['"', '\'']) else {
        return false;
    };
    let before = before.trim_end().strip_suffix('=').unwrap_or("").trim_end();
    before.len() >= 4 && before[before.len() - 4..].eq_ignore_ascii_case("href")
}

/// The anchor a `ref` or `relref` shortcode names on the page it is on
/// (`{{< ref "#method" >}}` is `#method`), which needs no other article's
/// URL to resolve.
fn same_page_anchor(shortcode: &str) -> Option<&str> {
    let args = shortcode.get(3..shortcode.len().checked_sub(3)?)?.trim();
    let target = args.split_once(char::is_whitespace)?.1.trim();
    let target = target.trim_matches(['"', '`']);
    let is_anchor = target.starts_with('#')
        && target.len() > 1
        && !target.contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>');
    is_anchor.then_some(target)
}

/// A target no safe-scheme list lets through, written for a `ref` link to
/// another page: the link is then left out as an unsafe one is, in
/// Markdown and in raw HTML alike, and its text stays.
const UNRESOLVED_REF: &str = "hugo-ref:unresolved";

/// `source` with each `ref` or `relref` shortcode that is a link's target
/// (`[our report]({{< ref "report.md" >}})`) written as a target the
/// renderer reads: its anchor on this page, or [`UNRESOLVED_REF`]. As
/// written, with its spaces, it was no target, and the reader saw the
/// brackets and the shortcode instead of a link's text.
fn with_ref_links_read(source: &str) -> std::borrow::Cow<'_, str> {
    let links: Vec<Shortcode> = shortcodes(source)
        .into_iter()
        .filter(|shortcode| shortcode.shown != Shown::AsWritten)
        .collect();
    if links.is_empty() {
        return source.into();
    }
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for link in links {
        out.push_str(&source[copied..link.span.start]);
        let written = &source[link.span.clone()];
        out.push_str(same_page_anchor(written).unwrap_or(UNRESOLVED_REF));
        copied = link.span.end;
    }
    out.push_str(&source[copied..]);
    out.into()
}

/// Whether a Markdown document marks where its summary ends (see
/// [`summary_divider`]).
pub fn has_summary_divider(source: &str) -> bool {
    summary_divider(source).is_some()
}

/// Where a Markdown document's summary divider is: Hugo's `<!--more-->`,
/// Zola's `<!-- more -->`, Docusaurus's `<!-- truncate -->`, in any case.
fn summary_divider(source: &str) -> Option<usize> {
    memchr::memmem::find_iter(source.as_bytes(), "<!--").find_map(|at| {
        let open = "<!--";
        let inside = source[at + open.len()..].trim_start();
        let word = ["more", "truncate"].into_iter().find(|word| {
            inside
                .get(..word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        })?;
        inside[word.len()..]
            .trim_start()
            .starts_with("-->")
            .then_some(at)
    })
}

/// The plain text of a Markdown document's summary: everything before its
/// summary divider ([`summary_divider`]), which an author puts where the
/// teaser ends (it may span paragraphs, or end inside one); else its first
/// paragraph.
pub fn markdown_lead(source: &str) -> String {
    let source = with_ref_links_read(source);
    let source = source.as_ref();
    if let Some(cut) = summary_divider(source) {
        let teaser = text_of(&source[..cut], false);
        if !teaser.is_empty() {
            return teaser;
        }
    }
    let lead = markdown_text(source, true);
    if !lead.is_empty() {
        return lead;
    }
    // No paragraph at all (a heading and a list): its text, as far as a
    // summary goes, rather than an entry with nothing under its title;
    // for pictures only, what their alt texts say of them.
    let mut text = text_of(source, false);
    if text.is_empty() {
        text = alt_texts(source);
    }
    super::sentence::shorten_title(&text, MAX_FALLBACK_SUMMARY_CHARS)
}

/// The alt texts of a document's images, one after the other.
fn alt_texts(source: &str) -> String {
    let mut text = String::new();
    let mut in_image = 0usize;
    for event in Parser::new_ext(source, MARKDOWN_EXTENSIONS) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                text.push(' ');
            }
            Event::Text(t) if in_image > 0 => text.push_str(&t),
            _ => {}
        }
    }
    collapse_whitespace(&as_html5_reads_references(source, text))
}

/// How much of an article without a paragraph stands in as its summary.
const MAX_FALLBACK_SUMMARY_CHARS: usize = 300;

/// The first paragraph of a raw HTML block that opens with one
/// (`<p class="lead">…</p>`), up to its end.
fn first_html_paragraph(block: &str) -> Option<&str> {
    let block = block.trim_start();
    let lower = block.to_ascii_lowercase();
    let opens = lower.starts_with("<p")
        && lower[2..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace());
    if !opens {
        return None;
    }
    let end = lower.find("</p>").map_or(block.len(), |at| at + 4);
    Some(&block[..end])
}

/// The text of a piece of HTML as a reader sees it: read by the HTML
/// parser the sanitiser uses, so every character reference (`&euro;`,
/// `&nbsp;`, `&#128;`) is what HTML5 makes of it, and the content of
/// `<script>` and `<style>` is no text; a line break is a space.
fn html_text(html: &str) -> String {
    let html = unwrap_noscript(html);
    let html = html.replace("<br", " <br").replace("<BR", " <BR");
    let text = ammonia::Builder::empty().clean(&html).to_string();
    // The serialiser escapes `&`, `<`, `>` and the no-break space again.
    decode_references(&text)
}

/// The plain text of a Markdown document: of its first paragraph only (the
/// default summary), or of all of it (for language detection).
pub fn markdown_text(source: &str, first_paragraph_only: bool) -> String {
    let source = with_ref_links_read(source);
    let source = source.as_ref();
    if first_paragraph_only && !source.contains("]:") {
        // pulldown-cmark reads every block of a document before the first
        // event; for the lead only the beginning is needed. Cutting at a
        // blank line leaves the blocks before it as they are, and a block
        // that runs on (a fence, an HTML block) yields no paragraph, so the
        // next longer beginning is tried. Reference definitions, which may
        // come last, are why a document with any (`]:`) is read whole.
        let mut end = 0;
        let mut tries = 0;
        while let Some(gap) = source[end..].find("\n\n").filter(|_| tries < 8) {
            tries += 1;
            end += gap + 2;
            let lead = text_of(&source[..end], true);
            if !lead.is_empty() {
                return lead;
            }
        }
    }
    text_of(source, first_paragraph_only)
}

/// A kicker above a Markdown article's lead is a section and a label at
/// most (`*Klimaforschung · Pressemitteilung Nr. 41/2026*`).
const MAX_KICKER_WORDS: usize = 6;

fn text_of(source: &str, first_paragraph_only: bool) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    // An image's alt text describes the picture, not the story: a lead
    // made of it would be "alt".
    let mut in_image = 0usize;
    let mut paragraph_start = 0;
    // How deep in emphasis the text is, and whether the paragraph has text
    // outside it: a paragraph all in italics or bold, short and with no
    // full stop, is a kicker above the lead (`*Klimaforschung ·
    // Pressemitteilung Nr. 41/2026*`), as one is in an export.
    let mut emphasis = 0usize;
    let mut plain_text_seen = false;
    // The raw HTML block being read, if any: a paragraph written in HTML
    // (`<p class="lead">…</p>`) is a paragraph too.
    let mut html_block: Option<String> = None;
    for event in Parser::new_ext(source, MARKDOWN_EXTENSIONS) {
        match event {
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::Html(html) => {
                if let Some(block) = html_block.as_mut() {
                    block.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                let block = html_block.take().unwrap_or_default();
                let Some(first) = first_html_paragraph(&block) else {
                    continue;
                };
                // html5ever has read its references as HTML5 does; what
                // it keeps that no feed may carry is mapped as the rest is.
                let paragraph = collapse_whitespace(&html_text(first));
                if first_paragraph_only {
                    // An earlier paragraph would have ended the search.
                    if paragraph.is_empty() || super::lead::is_byline_or_credit(&paragraph, None) {
                        continue;
                    }
                    return as_html5_reads_references(source, paragraph);
                }
                text.push_str(&paragraph);
                text.push('\n');
            }
            Event::Start(Tag::Paragraph) => {
                in_paragraph = true;
                paragraph_start = text.len();
                plain_text_seen = false;
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => emphasis += 1,
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => emphasis = emphasis.saturating_sub(1),
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                if first_paragraph_only {
                    // A credit under a picture or a byline is no lead, nor is
                    // a shortcode standing for a picture or a player.
                    let paragraph = &text[paragraph_start..];
                    // A few words: a standfirst in italics tells the story.
                    let kicker = !plain_text_seen
                        && (1..=MAX_KICKER_WORDS).contains(&paragraph.split_whitespace().count())
                        && super::lead::looks_like_headline(paragraph);
                    if super::lead::is_byline_or_credit(paragraph, None)
                        || is_only_shortcodes(paragraph)
                        || kicker
                    {
                        text.truncate(paragraph_start);
                    } else if !text.trim().is_empty() {
                        break;
                    }
                }
                text.push('\n');
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t)
                if in_image == 0 && (in_paragraph || !first_paragraph_only) =>
            {
                if emphasis == 0 && !t.trim().is_empty() {
                    plain_text_seen = true;
                }
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            // `a<br>b` is two words.
            Event::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => {
                text.push(' ')
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Item) => text.push('\n'),
            // A table's cells are words apart (`a b 1 2`, not `ab12`).
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&as_html5_reads_references(source, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_escaped_never_interpreted() {
        let html = plain_html(&[Paragraph {
            text: "AT&T <b>bold</b> *not* \"quoted\"\nline two".into(),
            line: 3,
        }]);
        assert_eq!(
            html,
            "<p>AT&amp;T &lt;b&gt;bold&lt;/b&gt; *not* \"quoted\"<br>\nline two</p>\n"
        );
    }

    #[test]
    fn no_break_spaces_stay_where_french_typography_put_them() {
        assert_eq!(
            collapse_whitespace("Le CAC 40 a gagné 0,5\u{a0}%\n  jeudi, à 8\u{202f}041,26\tpoints"),
            "Le CAC 40 a gagné 0,5\u{a0}% jeudi, à 8\u{202f}041,26 points"
        );
    }

    #[test]
    fn a_tab_separated_paragraph_is_a_table() {
        let paragraphs = [
            Paragraph {
                text:
                    "Land\tAnteil\t\tVeränderung\nSchweiz\t5,3 %\t\t+0,2\nÖsterreich\t4,1 %\t\t-0,4"
                        .into(),
                line: 3,
            },
            // A tab in running text, or rows that do not line up, are no table.
            Paragraph {
                text: "Siehe\tunten.\nUnd dann\tdies\tund das.".into(),
                line: 7,
            },
        ];
        assert_eq!(
            plain_html(&paragraphs),
            "<table>\n<tr><td>Land</td><td>Anteil</td><td>Veränderung</td></tr>\n\
             <tr><td>Schweiz</td><td>5,3 %</td><td>+0,2</td></tr>\n\
             <tr><td>Österreich</td><td>4,1 %</td><td>-0,4</td></tr>\n</table>\n\
             <p>Siehe\tunten.<br>\nUnd dann\tdies\tund das.</p>\n"
        );
    }

    /// Markdown's bare addresses are links, and an export's are too: it
    /// has no other way to write one. Its text is still never HTML.
    #[test]
    fn bare_addresses_in_plain_text_are_links() {
        let html = plain_html(&[Paragraph {
            text: "Data: https://www.bfs.admin.ch/a?x=1&y=2. Or (www.ons.gov.uk), \
                   press@example.org, bund.de, <b>https://a.example/p_(x)</b>\n\
                   ftp://f.example/pub/ javascript:alert(1) https://q.example/\"onmouseover=x"
                .into(),
            line: 3,
        }]);
        assert_eq!(
            html,
            "<p>Data: <a href=\"https://www.bfs.admin.ch/a?x=1&amp;y=2\">https://www.bfs.admin.ch/a?x=1&amp;y=2</a>. \
             Or (<a href=\"https://www.ons.gov.uk\">www.ons.gov.uk</a>), \
             <a href=\"mailto:press@example.org\">press@example.org</a>, bund.de, \
             &lt;b&gt;<a href=\"https://a.example/p_(x)\">https://a.example/p_(x)</a>&lt;/b&gt;<br>\n\
             <a href=\"ftp://f.example/pub/\">ftp://f.example/pub/</a> javascript:alert(1) \
             <a href=\"https://q.example/\">https://q.example/</a>\"onmouseover=x</p>\n"
        );
    }

    /// A paper cited by its DOI, as releases cite one, links to it.
    #[test]
    fn dois_in_plain_text_link_to_their_papers() {
        let html = plain_html(&[Paragraph {
            text:
                "Nature 612, 45–49 (2026), doi:10.1038/s41586-026-01234-5. \
                   Original: DOI: 10.1103/PhysRevLett.133.010801 (open access); \
                   DOI 10.1000.10/abc<x>; Sudoi: 10.1038/x; doi: 11.1/x; see https://doi.org/10.1/y d€ doi:10.1234/z doi:10.1000/abc#sec2"
                    .into(),
            line: 3,
        }]);
        assert_eq!(
            html,
            "<p>Nature 612, 45–49 (2026), \
             <a href=\"https://doi.org/10.1038/s41586-026-01234-5\">doi:10.1038/s41586-026-01234-5</a>. \
             Original: <a href=\"https://doi.org/10.1103/PhysRevLett.133.010801\">DOI: 10.1103/PhysRevLett.133.010801</a> (open access); \
             DOI 10.1000.10/abc&lt;x&gt;; Sudoi: 10.1038/x; doi: 11.1/x; \
             see <a href=\"https://doi.org/10.1/y\">https://doi.org/10.1/y</a> d€ \
             <a href=\"https://doi.org/10.1234/z\">doi:10.1234/z</a> \
             <a href=\"https://doi.org/10.1000/abc%23sec2\">doi:10.1000/abc#sec2</a></p>\n"
        );
    }

    /// An export wrapped at 72 columns is prose, not lines: a reader
    /// showing a break every 72 characters on a phone would make it
    /// ragged. Lines that are not the wrap's (a headline above the lead, an
    /// address, a list) keep their breaks.
    #[test]
    fn a_wrapped_export_is_read_as_running_text() {
        let paragraphs = |texts: &[&str]| -> Vec<Paragraph> {
            texts
                .iter()
                .map(|t| Paragraph {
                    text: t.to_string(),
                    line: 1,
                })
                .collect()
        };
        let lead = "Teuerung auf Rekordhoch\nDie Inflation in der Eurozone ist im Oktober auf 10,7 Prozent gestiegen,\nwie die Statistikbehörde Eurostat am Montag in Luxemburg mitteilte. Im\nSeptember hatte sie bei 9,9 Prozent gelegen.";
        let address = "Eurostat\nRue Alphonse Weicker 5\nL-2721 Luxembourg";
        let list = "Die Preise stiegen am stärksten bei diesen Gütern und Leistungen:\n- Energie: plus 41,9 Prozent gegenüber dem Vorjahresmonat Oktober\n- Lebensmittel: plus 13,1 Prozent";
        let html = plain_html(&paragraphs(&[lead, address, list]));
        assert_eq!(
            html,
            "<p>Teuerung auf Rekordhoch<br>\nDie Inflation in der Eurozone ist im Oktober auf 10,7 Prozent gestiegen, wie die Statistikbehörde Eurostat am Montag in Luxemburg mitteilte. Im September hatte sie bei 9,9 Prozent gelegen.</p>\n\
             <p>Eurostat<br>\nRue Alphonse Weicker 5<br>\nL-2721 Luxembourg</p>\n\
             <p>Die Preise stiegen am stärksten bei diesen Gütern und Leistungen:<br>\n- Energie: plus 41,9 Prozent gegenüber dem Vorjahresmonat Oktober<br>\n- Lebensmittel: plus 13,1 Prozent</p>\n"
        );
        // Unwrapped, every break is the writer's, however long the lines.
        let long = "Die Inflation in der Eurozone ist im Oktober auf 10,7 Prozent gestiegen.";
        let html = plain_html(&paragraphs(&[&format!("{long}\n{long}\n{long}"), address]));
        assert_eq!(html.matches("<br>").count(), 2 + 2, "{html}");
        // Wrapped, a line much wider than the wrap is none of its lines.
        let wider = "Die Inflation in der Eurozone ist im Oktober überraschend deutlich auf 10,7 Prozent gestiegen.";
        let html = plain_html(&paragraphs(&[&format!("{wider}\n{wider}"), lead]));
        assert_eq!(html.matches("<br>").count(), 1 + 1, "{html}");
        // An address in a wrapped text keeps its breaks where the next word
        // would have fitted.
        let contact = "Julia Richter\nUniversitätsklinikum Heidelberg\nIm Neuenheimer Feld 672, 69120 Heidelberg\nTelefon 06221 564536";
        let html = plain_html(&paragraphs(&[lead, contact]));
        assert!(
            html.ends_with("<p>Julia Richter<br>\nUniversitätsklinikum Heidelberg<br>\nIm Neuenheimer Feld 672, 69120 Heidelberg<br>\nTelefon 06221 564536</p>\n"),
            "{html}"
        );
        assert!(starts_list_item("1) Energie") && starts_list_item("b. Gas"));
        assert!(!starts_list_item("10,7 Prozent") && !starts_list_item("Luxemburg"));
    }

    #[test]
    fn numeric_references_read_as_html5_reads_them() {
        // Windows-1252 for 128–159; U+FFFD for what it leaves undefined,
        // for DEL, noncharacters and what XML forbids (HTML5's own for
        // `&#0;`, surrogates and numbers past U+10FFFF).
        let written = "Preis &#128;5 &#x96; &#150; &#x92;s &#x9f; | &#x81; &#127; &#xFDD0; &#x1FFFE; &#1; &#x1B; &#xFFFF; &#0; &#xD800; &#x110000; | &#9;&#233;&#xFFFD;";
        let expected = "Preis €5 – – ’s Ÿ | \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} | \té\u{FFFD}";
        let base = "https://a.org/x/";
        assert_eq!(markdown_html(written, base), format!("<p>{expected}</p>\n"));
        // Raw HTML goes through html5ever, which must read them alike.
        assert_eq!(
            markdown_html(&format!("<div>{written}</div>\n"), base),
            format!("<div>{expected}</div>\n")
        );
        assert_eq!(
            markdown_html(&format!("Sagte: <b>{written}</b>\n"), base),
            format!("<p>Sagte: <b>{expected}</b></p>\n")
        );
        // The summary, the lead and the text detection reads say the same.
        let text = collapse_whitespace(expected);
        assert_eq!(markdown_lead(written), text);
        assert_eq!(
            markdown_text(&format!("# T\n\n{written}"), false),
            format!("T {text}")
        );
        assert_eq!(markdown_inline_text(written), text);
        assert_eq!(markdown_lead(&format!("![{written}](a.jpg)")), text);
        // In link targets and titles too; in code they are text as written.
        let html = markdown_html("[a](https://a.org/&#x96; \"t&#x96;\") `&#x96;`", base);
        assert!(!html.chars().any(crate::parse::is_bad_char), "{html}");
        assert!(
            html.contains("title=\"t–\"") && html.contains("<code>&amp;#x96;</code>"),
            "{html}"
        );
    }

    #[test]
    fn markdown_links_become_absolute() {
        let html = markdown_html(
            "See [the report](../report/) and ![map](map.png), [x](https://a.org/) [n](#notes).",
            "https://news.example.org/en/2021/05/04/launch/",
        );
        assert!(
            html.contains("href=\"https://news.example.org/en/2021/05/04/report/\""),
            "{html}"
        );
        assert!(html.contains("src=\"https://news.example.org/en/2021/05/04/launch/map.png\""));
        assert!(html.contains("href=\"https://a.org/\""));
        assert!(html.contains("href=\"https://news.example.org/en/2021/05/04/launch/#notes\""));
        // Zola's link to another article by its file keeps its text alone.
        let html = markdown_html(
            "See [the library post](@/blog/library.md).",
            "https://news.example.org/en/2021/05/04/launch/",
        );
        assert_eq!(html.trim(), "<p>See the library post.</p>");
    }

    #[test]
    fn bare_addresses_become_links_as_hugo_makes_them() {
        let html = markdown_html(
            "Details: https://www.bfs.admin.ch/asset/de/123?x=1&y=2. Or www.ons.gov.uk, \
             press@example.org (mornings), bund.de and `https://code.example/`.\n\n\
             [Named https://a.example/](https://b.example/) <a href=\"https://c.example/\">www.c.example</a>\n\n\
             ```\nhttps://block.example/\n```",
            "https://a.org/x/",
        );
        // (The raw `<a>` below makes the sanitiser add its `rel`.)
        for link in [
            (
                "https://www.bfs.admin.ch/asset/de/123?x=1&amp;y=2",
                "https://www.bfs.admin.ch/asset/de/123?x=1&amp;y=2</a>. Or",
            ),
            ("http://www.ons.gov.uk", "www.ons.gov.uk</a>,"),
            (
                "mailto:press@example.org",
                "press@example.org</a> (mornings)",
            ),
        ] {
            let (href, text) = link;
            let link = format!("<a href=\"{href}\" rel=\"noopener noreferrer\">{text}");
            assert!(html.contains(&link), "{link} not in {html}");
        }
        // A name without `www.` or a scheme, code, and the text of links.
        for text in [
            "bund.de and",
            "<code>https://code.example/</code>",
            "https://block.example/\n</code>",
        ] {
            assert!(html.contains(text), "{text} not in {html}");
        }
        assert_eq!(html.matches("<a ").count(), 5, "{html}");
    }

    #[test]
    fn direction_and_list_numbering_survive_the_sanitiser() {
        let html = markdown_html(
            "<p dir=\"rtl\">مرحبا <span dir=\"ltr\">babelfeed</span> <bdo dir=\"rtl\">abc</bdo></p>\n\n\
             <ol reversed start=\"3\"><li>c</li></ol>\n",
            "https://a.org/x/",
        );
        for kept in [
            "<p dir=\"rtl\">",
            "<span dir=\"ltr\">",
            "reversed",
            "start=\"3\"",
            "abc",
        ] {
            assert!(html.contains(kept), "{kept} not in {html}");
        }
        assert!(!html.contains("<bdo"), "{html}");
    }

    #[test]
    fn a_player_left_open_does_not_swallow_what_follows() {
        let html = markdown_html(
            "<video controls src=\"film.mp4\">\n\nResults:\n\n<table><tr><td>42</td></tr></table>\n\n\
             Inline <audio src=\"a.mp3\">fallback</audio> and <video src=\"b.mp4\"> open.\n\n\
             <p>Kept</p>\n",
            "https://a.org/x/",
        );
        for kept in [
            "<td>42</td>",
            "<p>Kept</p>",
            "film.mp4",
            "a.mp3",
            "b.mp4",
            "and",
        ] {
            assert!(html.contains(kept), "{kept} not in {html}");
        }
        assert!(!html.contains("fallback"), "{html}");
    }

    /// A feed reader runs no script: what a page shows without it is what
    /// the entry should show, as HTML, not as its markup.
    #[test]
    fn noscript_content_is_shown_and_sanitised() {
        let base = "https://a.org/x/";
        let html = markdown_html(
            "Support us.\n\n<noscript>Donate at <a href=\"https://example.org/donate\">example.org/donate</a>.</noscript>\n",
            base,
        );
        assert!(
            html.contains("<p>Donate at <a href=\"https://example.org/donate\" rel=\"noopener noreferrer\">example.org/donate</a>.</p>"),
            "{html}"
        );
        assert_eq!(
            markdown_text(
                "<p><NoScript class=\"x\">Please <b>donate</b>.</NOSCRIPT></p>\n",
                true
            ),
            "Please donate."
        );
        // What it holds is sanitised as anywhere; a counting pixel goes.
        let html = markdown_html(
            "<noscript><script>alert(1)</script><style>p{display:none}</style>\n\
             <img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">\n\
             <img src='https://t.example/q.gif' style=\"display: none\">\n\
             <img src=x onerror=alert(2)><img src=\"photo.jpg\" alt=\"Dam\" width=\"640\">\n\
             <p title=\"</noscript><img src=y onerror=alert(3)>\">t</p></noscript>\n",
            base,
        );
        for bad in [
            "<script",
            "alert(1)",
            "display",
            "t.example",
            "onerror=\"",
            "noscript",
            "<img src=y",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        // The attribute's text is escaped: no element.
        assert!(
            html.contains("<p title=\"&lt;img src=y onerror=alert(3)&gt;\">t</p>"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"https://a.org/x/photo.jpg\" alt=\"Dam\" width=\"640\">"),
            "{html}"
        );
        // Left open, it swallows nothing, and a pixel after it stays what
        // it was; `<noscripts>` is no noscript.
        let html = markdown_html(
            "<noscript>Open\n\n**After**, <noscripts>x</noscripts>.\n",
            base,
        );
        assert!(html.contains("<strong>After</strong>"), "{html}");
        assert!(!html.contains("&lt;"), "{html}");
    }

    /// The schemes README lists are kept, written as Markdown or as HTML;
    /// one it does not (`sms:`) is left out alike, its text kept. (A
    /// reader may still drop a `tel:` its own sanitiser does not know, as
    /// feedparser does, and a `<summary>` with it.)
    #[test]
    fn every_listed_scheme_is_kept_as_markdown_and_as_html() {
        let html = markdown_html(
            "Call [our office](tel:+41265550123) or <a href=\"tel:+41265550123\">the hotline</a>, \
             [mail](mailto:a@b.example) <a href=\"ftp://f.example/pub/\">ftp</a>, \
             [text](sms:+41265550123) or <a href=\"sms:+41265550123\">us</a>.\n\n\
             <details>\n<summary>Read the transcript</summary>\n\nI open at six.\n\n</details>\n",
            "https://a.org/x/",
        );
        assert_eq!(
            html.matches("href=\"tel:+41265550123\"").count(),
            2,
            "{html}"
        );
        for kept in [
            "href=\"mailto:a@b.example\"",
            "href=\"ftp://f.example/pub/\"",
            " text or <a rel=\"noopener noreferrer\">us</a>.",
            "<details>\n<summary>Read the transcript</summary>\n<p>I open at six.</p>\n</details>",
        ] {
            assert!(html.contains(kept), "{kept} not in {html}");
        }
        assert!(!html.contains("sms:"), "{html}");
    }

    #[test]
    fn heading_attributes_cannot_carry_script_or_style() {
        let html = markdown_html(
            "## Click me {#x .note onclick=alert(document.cookie) style=position:fixed onmouseover=steal()}\n\n\
             ## Form {formaction=javascript:alert(1) onfocus=alert(2)}\n",
            "https://a.org/x/",
        );
        for bad in [
            "onclick",
            "style",
            "onmouseover",
            "formaction",
            "onfocus",
            "alert",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains("<h2 id=\"x\" class=\"note\">Click me</h2>"),
            "{html}"
        );
    }

    #[test]
    fn markdown_cannot_carry_script() {
        let base = "https://news.example.org/en/2021/05/04/launch/";
        let html = markdown_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">a</a>\n\n\
             <div onclick=\"alert(4)\"><a href=\"../rel/\">rel</a></div>\n\n\
             [b](javascript:alert(5)) [c](JaVaScRiPt:alert(6)) [d](data:text/html,x) ![e](vbscript:x)",
            base,
        );
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "onclick",
            "javascript:",
            "data:",
            "vbscript:",
        ] {
            assert!(
                !html.to_lowercase().contains(&bad.to_lowercase()),
                "{bad} in {html}"
            );
        }
        assert!(
            html.contains("href=\"https://news.example.org/en/2021/05/04/rel/\""),
            "{html}"
        );
        assert!(
            html.contains("src=\"https://news.example.org/en/2021/05/04/launch/x\""),
            "{html}"
        );
    }

    #[test]
    fn markdown_without_raw_html_is_not_rewritten() {
        let html = markdown_html("A *b* [c](mailto:x@example.org)", "https://a.org/x/");
        assert_eq!(
            html,
            "<p>A <em>b</em> <a href=\"mailto:x@example.org\">c</a></p>\n"
        );
    }

    #[test]
    fn hugo_markdown_extensions_are_rendered() {
        let base = "https://a.org/en/x/";
        let html = markdown_html(
            "| Sprache | Wörter |\n|---|---:|\n| de | 12 |\n\nText[^1] ~~alt~~.\n\n- [x] done\n- [ ] open\n\n## FAQ {#faq}\n\nTerm\n: Definition\n\n[^1]: Die Quelle.\n",
            base,
        );
        for expected in [
            "<table>",
            "<td>de</td>",
            "<del>alt</del>",
            "☑ done",
            "☐ open",
            "<dl>",
            "<dd>Definition</dd>",
            "Die Quelle.",
            // Hugo's anchor for the note on the article's page.
            "<a href=\"https://a.org/en/x/#fn:1\" rel=\"noopener noreferrer\">1</a>",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        for absent in ["[^1]", "<input", "{#faq}"] {
            assert!(!html.contains(absent), "{absent} in {html}");
        }
        assert_eq!(
            markdown_lead("Die Daten[^1] ~~alt~~ neu.\n\n[^1]: Quelle.\n"),
            "Die Daten alt neu."
        );
    }

    #[test]
    fn a_markdown_summary_is_read_as_plain_text() {
        assert_eq!(
            markdown_inline_text("The **SNSF** funds\n[our project](https://example.org) `v2`."),
            "The SNSF funds our project v2."
        );
        assert_eq!(
            markdown_inline_text("1. Mai: # Feiertag *"),
            "1. Mai: # Feiertag *"
        );
        assert_eq!(
            markdown_inline_text("- AT&amp;T <b>x</b>"),
            "- AT&T <b>x</b>"
        );
        assert_eq!(
            markdown_inline_text("How to use the <details> and <summary> elements, x<y>z."),
            "How to use the <details> and <summary> elements, x<y>z."
        );
        assert_eq!(
            markdown_inline_text("Sum ]]> here & <there>"),
            "Sum ]]> here & <there>"
        );
        assert_eq!(markdown_inline_text("5 * 3 = 15"), "5 * 3 = 15");
    }

    #[test]
    fn a_paragraph_written_in_html_is_a_lead() {
        assert_eq!(
            markdown_text(
                "<p class=\"lead\">The council <b>approved</b> the budget<br>on Tuesday &amp; Wednesday.</p>\n\nSecond.\n",
                true
            ),
            "The council approved the budget on Tuesday & Wednesday."
        );
        assert_eq!(
            markdown_text("<div class=\"ad\">Advert</div>\n\nThe lead.\n", true),
            "The lead."
        );
        assert_eq!(
            markdown_text("<p>Foto: dpa</p>\n\nThe lead.\n", true),
            "The lead."
        );
        // Read as HTML5 reads it: every reference, no script, one paragraph.
        assert_eq!(
            markdown_text(
                "<p class=\"lead\">5&nbsp;&euro; &ndash; &bdquo;Bahn&ldquo; Caf&eacute; &#128; &#x85;<script>var secret=1;</script><style>.x{}</style></p>\n<p>Second</p>\n",
                true
            ),
            "5\u{a0}€ – „Bahn“ Café € …"
        );
        assert_eq!(
            markdown_text("<p\nclass=\"lead\">Wrapped tag.</p>\n", true),
            "Wrapped tag."
        );
        // A next line in the text is `…`, as in the content, not a space.
        assert_eq!(markdown_text("Wait&#x85; then.\n", true), "Wait… then.");
    }

    #[test]
    fn a_shortcode_is_no_lead() {
        assert_eq!(
            markdown_text(
                "{{< figure src=\"harbour.jpg\" caption=\"Sassnitz at dawn\" >}}\n\n\
                 When the crowds have gone, the harbour is quiet.\n",
                true
            ),
            "When the crowds have gone, the harbour is quiet."
        );
        assert_eq!(
            markdown_text("{{< youtube abc >}} {{% note %}}\n\nThe lead.\n", true),
            "The lead."
        );
        assert_eq!(
            markdown_text("See {{< ref \"x\" >}} here.\n\nMore.\n", true),
            "See {{< ref \"x\" >}} here."
        );
    }

    #[test]
    fn hugo_shortcodes_are_found_outside_code() {
        let names = |source: &str| -> Vec<(String, usize, Shown)> {
            shortcodes(source)
                .into_iter()
                .map(|s| (s.name.to_string(), s.line, s.shown))
                .collect()
        };
        assert_eq!(
            names("Text.\n\n{{< figure src=\"a.jpg\" >}} {{<youtube abc>}}\n\n{{% notice info %}}\nx\n{{% /notice %}}\n"),
            [
                ("figure".into(), 3, Shown::AsWritten),
                ("youtube".into(), 3, Shown::AsWritten),
                ("notice".into(), 5, Shown::AsWritten),
            ]
        );
        assert_eq!(
            names("[m]({{% ref \"x.md\" %}}) [n]({{< relref \"#how\" >}}) {{< ref \"y\" >}}\n\n{{< figure\n  src=\"a.jpg\"\n>}}"),
            [
                ("ref".into(), 1, Shown::LinkText),
                ("relref".into(), 1, Shown::Resolved),
                ("ref".into(), 1, Shown::AsWritten),
                ("figure".into(), 3, Shown::AsWritten),
            ]
        );
        assert_eq!(
            names("Use `{{< x >}}`.\n\n```\n{{< y >}}\n```\n\n{{</* z */>}} {{ .Title }}"),
            []
        );
    }

    /// Hugo writes a page's URL where a link's target is a `ref`
    /// shortcode; as written it is no target (it has spaces), and the
    /// reader saw brackets and the shortcode. Which URL another page has is
    /// not known where one article is rendered: its text stays, unlinked.
    #[test]
    fn a_link_to_a_hugo_ref_keeps_its_text() {
        let base = "https://a.org/en/x/";
        let source = "See [our drought report]({{< ref \"drought-report.en.md\" >}}), \
                      [the kiosks]({{% relref \"water-kiosks\" %}} \"Kiosks\"), [the method]({{< ref \"#method\" >}}), \
                      <a href=\"{{< ref \"b.md\" >}}\">HTML</a> and [the data][d].\n\n\
                      [d]: {{< ref \"data.md\" >}}\n\n`[c]({{< ref \"c.md\" >}})`\n";
        let html = markdown_html(source, base);
        assert!(
            html.contains("<p>See our drought report, the kiosks, <a href=\"https://a.org/en/x/#method\" rel=\"noopener noreferrer\">the method</a>, <a rel=\"noopener noreferrer\">HTML</a> and the data.</p>"),
            "{html}"
        );
        assert!(
            html.contains("<code>[c]({{&lt; ref \"c.md\" &gt;}})</code>"),
            "{html}"
        );
        assert!(!html.contains("hugo-ref"), "{html}");
        assert_eq!(
            markdown_lead(source),
            "See our drought report, the kiosks, the method, HTML and the data."
        );
    }

    #[test]
    fn an_email_autolink_stays_an_address() {
        let html = markdown_html("Write to <cfp@ial.example.org>.", "https://a.org/en/x/");
        assert!(
            html.contains("href=\"mailto:cfp@ial.example.org\""),
            "{html}"
        );
    }

    #[test]
    fn embedded_players_become_links_to_what_they_embed() {
        let html = markdown_html(
            "Watch our film:\n\n<iframe width=\"560\" src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"The lab\" allowfullscreen></iframe>\n\n<video src='clip.mp4' controls></video>\n\n<iframe></iframe>\n",
            "https://a.org/en/x/",
        );
        assert!(
            html.contains("<a href=\"https://www.youtube-nocookie.com/embed/abc\" rel=\"noopener noreferrer\">The lab</a>"),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://a.org/en/x/clip.mp4\""),
            "{html}"
        );
        assert!(
            !html.contains("iframe") && !html.contains("video"),
            "{html}"
        );
        assert_eq!(
            EmbedsAsLinks::default().rewrite("<div><b>x</b></div>"),
            None
        );
        let html = markdown_html(
            "Watch:\n\n<video controls>\n<source src=\"/film.mp4\" type=\"video/mp4\">\nYour browser does not support video.\n</video>\n\n<audio><source src=/pod/ep5.mp3></audio>\n\n<iframe src=\"https://a.org/p\" title=\"Q&amp;A: 2025 > 2024\"></iframe>\n\nAfter.\n",
            "https://a.org/en/x/",
        );
        for expected in [
            "href=\"https://a.org/film.mp4\"",
            "href=\"https://a.org/pod/ep5.mp3\"",
            ">Q&amp;A: 2025 &gt; 2024</a>",
            "After.",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
        assert!(
            !html.contains("does not support") && !html.contains("2024\""),
            "{html}"
        );
    }

    #[test]
    fn template_tags_of_other_generators_are_found_outside_code() {
        let source = "Text.\n\n{% include note.html %}\n\n{% raw %}{{ x }}{% endraw %}\n\n```\n{% include code.html %}\n```\n\nSee `{% inline %}` and {{ youtube(id=\"a\") }}.\n\n{%- note() -%}\nHinweis\n{% end %}\n\n{% include note.html %}\n";
        let found: Vec<(String, usize)> = template_tags(source);
        assert_eq!(
            found,
            [
                ("{% include %}".to_string(), 3),
                ("{% raw %}".to_string(), 5),
                ("{{ youtube() }}".to_string(), 11),
                ("{% note %}".to_string(), 13),
            ]
        );
        // Hugo's shortcodes, sets and braces in prose are no such tags.
        for text in [
            "{{< figure src=\"a.png\" >}}",
            "{{% notice %}}x{{% /notice %}}",
            "A set {a, b} and {{ not a call }}.",
            "{%",
            "{{ Name(x) }}",
            "Text.\n\n    {% include example.html %}\n\n    {{ youtube(id=\"a\") }}\n\nMore.\n",
            "Text <!-- {% include old.html %} -->.\n\n<!--\n{{ youtube(id=\"a\") }}\n-->\n",
        ] {
            assert_eq!(template_tags(text), [], "{text}");
        }
    }

    #[test]
    fn an_article_of_pictures_is_summarised_by_their_alt_texts() {
        assert_eq!(
            markdown_lead("![The plant at dawn](a.jpg)\n\n![](b.jpg)\n\n![Its hall](c.jpg)\n"),
            "The plant at dawn Its hall"
        );
        assert_eq!(markdown_lead("![](a.jpg)\n"), "");
    }

    #[test]
    fn a_kicker_in_italics_or_bold_is_no_summary() {
        for kicker in [
            "*Klimaforschung · Pressemitteilung Nr. 41/2026*",
            "**Research news**",
            "_Analyse_",
        ] {
            assert_eq!(
                markdown_lead(&format!("{kicker}\n\nEin Team um Prof. Vogelsang hat das älteste Eis der Alpen datiert.\n")),
                "Ein Team um Prof. Vogelsang hat das älteste Eis der Alpen datiert.",
                "{kicker}"
            );
        }
        // A lead in italics is a lead, and so is one partly in bold, and
        // a standfirst without its full stop.
        for lead in [
            "*The council voted on Tuesday to close the bridge.*",
            "*The city will spend $2 billion on schools and roads over the next five years*",
            "**Berlin** – Die Bahn streikt",
        ] {
            assert_eq!(
                markdown_lead(&format!("{lead}\n\nMore.\n")),
                lead.replace('*', ""),
                "{lead}"
            );
        }
    }

    #[test]
    fn an_article_without_paragraphs_is_summarised_by_its_text() {
        assert_eq!(
            markdown_lead("## Termine\n\n- Montag: Sitzung\n- Dienstag: Reise\n"),
            "Termine Montag: Sitzung Dienstag: Reise"
        );
    }

    #[test]
    fn hugo_summary_divider_ends_the_lead() {
        // Two paragraphs before the divider: both are the teaser.
        assert_eq!(
            markdown_lead("First **bold**.\n\nSecond.\n\n<!--more-->\n\nThird.\n"),
            "First bold. Second."
        );
        // Inside a paragraph, it ends the teaser there.
        assert_eq!(
            markdown_lead("One. Two.<!--more--> Three.\n\nFour.\n"),
            "One. Two."
        );
        // At the top it marks no teaser: the first paragraph stands in.
        assert_eq!(markdown_lead("<!--more-->\n\nOne.\n\nTwo.\n"), "One.");
        // Zola's and Docusaurus's spellings.
        for divider in ["<!-- more -->", "<!-- truncate -->", "<!--MORE-->"] {
            assert_eq!(
                markdown_lead(&format!("One.\n\nTwo.\n\n{divider}\n\nThree.\n")),
                "One. Two.",
                "{divider}"
            );
        }
        // A comment that only starts with the word is none.
        assert_eq!(
            markdown_lead("One.\n\n<!-- more to come -->\n\nTwo.\n"),
            "One."
        );
        assert_eq!(markdown_lead("One.\n\nTwo.\n"), "One.");
    }

    #[test]
    fn a_markdown_lead_is_no_picture_credit_or_byline() {
        assert_eq!(
            markdown_lead("# Head\n\n![Plant](a.jpg)\n\n*Foto: dpa*\n\nVon Anna Müller\n\nThe lead.\n\nMore.\n"),
            "The lead."
        );
    }

    #[test]
    fn markdown_first_paragraph_as_text() {
        let source = "# Head\n\nThe *first* `code` para\ngraph.\n\nSecond.";
        assert_eq!(markdown_text(source, true), "The first code para graph.");
        assert_eq!(
            markdown_text(source, false),
            "Head The first code para graph. Second."
        );
    }

    #[test]
    fn a_lead_is_text_not_alt_text_and_a_break_parts_words() {
        let source =
            "# Big heading\n\n![A photo of the dam](x.png)\n\n> The dam<br>opened today.\n";
        assert_eq!(markdown_text(source, true), "The dam opened today.");
        let source = "![logo](l.png) The council met.\n";
        assert_eq!(markdown_text(source, true), "The council met.");
    }
}
