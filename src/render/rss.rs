//! RSS 2.0, with the Atom namespace for the links RSS itself cannot express
//! (self, language alternates) and Dublin Core for author names, since RSS's
//! own `<author>` may only hold an e-mail address.

use rss::extension::atom::AtomExtension;
use rss::extension::dublincore::{self, DublinCoreExtension};
use rss::extension::Extension;
use rss::{Category, Channel, Guid, Item};
use std::collections::BTreeMap;

use super::{
    entry_links, estimated_bytes, feed_links, xml_text, BodySlot, Entry, LanguageFeed, GENERATOR,
};
use crate::infer::body::escape_html;

const RSS: &str = "application/rss+xml";
const CONTENT_NAMESPACE: &str = "http://purl.org/rss/1.0/modules/content/";

/// Where the RSS document has an item's HTML: `<content:encoded>`, written
/// by the crate with an empty CDATA section and filled by
/// [`super::fill_bodies`].
pub const BODY_SLOT: BodySlot = BodySlot {
    open: "<content:encoded>",
    empty: "<![CDATA[]]>",
    close: "</content:encoded>",
};

/// The RSS document of `feed` holding `entries`: all of the feed's, a run
/// of them, or none (for the text around them). An entry with HTML gets an
/// empty [`BODY_SLOT`]; the HTML goes in after the document is checked.
///
/// The root declares the namespaces the items use, so `namespaces` comes
/// from the whole feed (see [`namespaces`]): every run of entries is then
/// written in the same document around them.
pub fn document(
    feed: &LanguageFeed,
    entries: &[Entry],
    namespaces: &BTreeMap<String, String>,
) -> Result<Vec<u8>, String> {
    let capacity = estimated_bytes(entries);
    let channel = Channel {
        title: xml_text(&feed.title),
        link: feed.home_url.clone(),
        description: xml_text(&feed.description),
        language: Some(feed.lang.to_string()),
        // RFC 822 with English names whatever the feed's language: chrono's
        // RFC 2822 output is exactly that. The channel was last published
        // when its newest item was, and last changed when any item was.
        pub_date: Some(rss_date(&feed.published)),
        last_build_date: Some(rss_date(&feed.updated)),
        generator: Some(format!("{GENERATOR} {}", env!("CARGO_PKG_VERSION"))),
        docs: Some("https://www.rssboard.org/rss-specification".to_string()),
        items: entries.iter().map(item).collect(),
        atom_ext: Some(AtomExtension {
            links: feed_links(feed, |(_, rss)| rss, &feed.rss_url, RSS),
        }),
        namespaces: namespaces.clone(),
        ..Channel::default()
    };
    let mut bytes = channel
        .pretty_write_to(Vec::with_capacity(capacity), b' ', 2)
        .map_err(|e| format!("cannot write the RSS feed for `{}`: {e}", feed.lang))?;
    bytes.push(b'\n');
    Ok(plain_text_references(bytes))
}

/// RSS titles, categories and the channel's description are plain text,
/// but many readers take them for HTML: there, `&amp;` and `&lt;` (the
/// crate's escapes) are read as markup, while the character references
/// `&#x26;` and `&#x3C;` show as the characters. The W3C validator
/// recommends them for that reason; the XML is the same. Item descriptions
/// are HTML and keep their escapes.
fn plain_text_references(bytes: Vec<u8>) -> Vec<u8> {
    use memchr::memmem;
    // Most documents (their bodies go in later) escape nothing.
    if memmem::find(&bytes, b"&amp;").is_none() && memmem::find(&bytes, b"&lt;").is_none() {
        return bytes;
    }
    let find = |hay: &[u8], needle: &[u8]| memmem::find(hay, needle);
    let first_item = find(&bytes, b"<item>").unwrap_or(bytes.len());
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut at = 0;
    while let Some(open) = memchr::memchr(b'<', &bytes[at..]).map(|o| at + o) {
        let element = [
            (&b"<title>"[..], &b"</title>"[..]),
            (b"<category>", b"</category>"),
            (b"<description>", b"</description>"),
        ]
        .into_iter()
        .find(|(tag, _)| bytes[open..].starts_with(tag))
        .filter(|(tag, _)| *tag != b"<description>" || open < first_item);
        let Some((tag, close)) = element else {
            out.extend_from_slice(&bytes[at..=open]);
            at = open + 1;
            continue;
        };
        let text_start = open + tag.len();
        let Some(len) = find(&bytes[text_start..], close) else {
            break;
        };
        out.extend_from_slice(&bytes[at..text_start]);
        let mut text = &bytes[text_start..text_start + len];
        while let Some(amp) = text.iter().position(|&b| b == b'&') {
            out.extend_from_slice(&text[..amp]);
            let entity = &text[amp..];
            let (reference, skip): (&[u8], usize) = if entity.starts_with(b"&amp;") {
                (b"&#x26;", 5)
            } else if entity.starts_with(b"&lt;") {
                (b"&#x3C;", 4)
            } else {
                (b"&", 1)
            };
            out.extend_from_slice(reference);
            text = &text[amp + skip..];
        }
        out.extend_from_slice(text);
        at = text_start + len;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// A date as RFC 822 wants it, with English names (chrono's RFC 2822
/// output is exactly that), in the article's own offset, unless that
/// offset is not in whole half hours (Nepal's +05:45): the W3C validator
/// calls such a date problematical, and some readers cannot read it.
/// Then it is given in UTC, the same instant.
fn rss_date(date: &chrono::DateTime<chrono::FixedOffset>) -> String {
    if date.offset().local_minus_utc() % 1800 == 0 {
        date.to_rfc2822()
    } else {
        date.to_utc().to_rfc2822()
    }
}

/// The namespaces the items of `entries` use: those the `rss` crate would
/// declare for the whole feed. `full_content` says the items carry
/// `content:encoded`.
pub fn namespaces(entries: &[Entry], full_content: bool) -> BTreeMap<String, String> {
    let mut namespaces = BTreeMap::new();
    if full_content {
        namespaces.insert("content".to_string(), CONTENT_NAMESPACE.to_string());
    }
    if entries.iter().any(|e| !e.article.authors.is_empty()) {
        namespaces.insert("dc".to_string(), dublincore::NAMESPACE.to_string());
    }
    namespaces.insert(
        "atom".to_string(),
        rss::extension::atom::NAMESPACE.to_string(),
    );
    namespaces
}

/// RSS has no updated time of its own; Atom's element, in the Atom
/// namespace the feed declares anyway, is what readers take (contract §3:
/// every item carries both times). SimplePie (and the readers built on it)
/// dates an item by `atom:published`, else `atom:updated`, and only then
/// `pubDate`: an article corrected after it was published also gets
/// `atom:published`, or those readers would date it by the correction.
/// Only then: otherwise every item would say its date twice. (The W3C
/// validator warns of the pair only when `atom:published` comes first;
/// the crate writes extensions after `pubDate`, and a test pins that.)
fn atom_times(article: &crate::model::Article) -> BTreeMap<String, Vec<Extension>> {
    let time = |name: &str, value: &chrono::DateTime<chrono::FixedOffset>| {
        (
            name.to_string(),
            vec![Extension {
                name: format!("atom:{name}"),
                value: Some(value.to_rfc3339()),
                ..Extension::default()
            }],
        )
    };
    let mut times = BTreeMap::from([time("updated", &article.updated)]);
    if article.updated != article.date {
        times.extend([time("published", &article.date)]);
    }
    times
}

fn item(entry: &Entry) -> Item {
    let article = entry.article;
    let creators: Vec<String> = article.authors.iter().map(|p| xml_text(&p.name)).collect();
    Item {
        title: Some(xml_text(&article.title)),
        link: Some(article.url.clone()),
        // `description` is HTML in practice; the summary is plain text.
        description: Some(escape_html(&xml_text(&article.summary))),
        categories: article
            .tags
            .iter()
            .map(|tag| Category {
                name: xml_text(tag),
                domain: None,
            })
            .collect(),
        guid: Some(Guid {
            permalink: article.id == article.url,
            value: article.id.clone(),
        }),
        pub_date: Some(rss_date(&article.date)),
        extensions: BTreeMap::from([("atom".to_string(), atom_times(article))]),
        content: entry.content_html.as_ref().map(|_| String::new()),
        atom_ext: Some(AtomExtension {
            links: entry_links(entry),
        }),
        dublin_core_ext: (!creators.is_empty()).then(|| DublinCoreExtension {
            creators,
            ..DublinCoreExtension::default()
        }),
        ..Item::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_text_carries_references_for_ampersand_and_less_than() {
        let document = "<rss><channel><title>A &amp; B</title><description>M &amp; Co &lt;S&gt;</description><item><title>&lt;link&gt; &amp; &quot;x&quot;</title><description>&amp;lt;</description><category>R&amp;D</category></item><item><title>plain</title></item></channel></rss>";
        let written = super::plain_text_references(document.as_bytes().to_vec());
        assert_eq!(
            String::from_utf8(written).unwrap(),
            "<rss><channel><title>A &#x26; B</title><description>M &#x26; Co &#x3C;S&gt;</description><item><title>&#x3C;link&gt; &#x26; &quot;x&quot;</title><description>&amp;lt;</description><category>R&#x26;D</category></item><item><title>plain</title></item></channel></rss>"
        );
    }

    #[test]
    fn dates_off_the_half_hour_are_given_in_utc() {
        let date = |s| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(
            super::rss_date(&date("2024-03-12T10:00:00+05:45")),
            "Tue, 12 Mar 2024 04:15:00 +0000"
        );
        assert_eq!(
            super::rss_date(&date("2024-03-12T10:00:00+05:30")),
            "Tue, 12 Mar 2024 10:00:00 +0530"
        );
    }
}
