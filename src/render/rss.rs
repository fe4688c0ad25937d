//! RSS 2.0, with the Atom namespace for the links RSS itself cannot express
//! (self, language alternates) and Dublin Core for author names, since RSS's
//! own `<author>` may only hold an e-mail address.

use rss::extension::atom::AtomExtension;
use rss::extension::dublincore::{self, DublinCoreExtension};
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
        // RFC 2822 output is exactly that.
        pub_date: Some(feed.updated.to_rfc2822()),
        last_build_date: Some(feed.updated.to_rfc2822()),
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
    Ok(bytes)
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
        pub_date: Some(article.date.to_rfc2822()),
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
