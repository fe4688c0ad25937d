//! RSS 2.0, with the Atom namespace for the links RSS itself cannot express
//! (self, language alternates) and Dublin Core for author names, since RSS's
//! own `<author>` may only hold an e-mail address.

use rss::extension::atom::AtomExtension;
use rss::extension::dublincore::DublinCoreExtension;
use rss::{Category, Channel, Guid, Item};

use super::{entry_links, feed_links, xml_text, Entry, LanguageFeed, GENERATOR};
use crate::infer::body::escape_html;

const RSS: &str = "application/rss+xml";

/// Takes the feed: the entries' HTML moves into the items instead of being
/// copied, since RSS is written last.
pub fn write(mut feed: LanguageFeed) -> Result<Vec<u8>, String> {
    let links = feed_links(&feed, |(_, rss)| rss, &feed.rss_url, RSS);
    let capacity = feed.estimated_bytes();
    let items = feed.entries.iter_mut().map(item).collect();

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
        items,
        atom_ext: Some(AtomExtension { links }),
        ..Channel::default()
    };
    let mut bytes = channel
        .pretty_write_to(Vec::with_capacity(capacity), b' ', 2)
        .map_err(|e| format!("cannot write the RSS feed for `{}`: {e}", feed.lang))?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn item(entry: &mut Entry) -> Item {
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
        content: entry.content_html.take(),
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
