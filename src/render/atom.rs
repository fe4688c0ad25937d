//! Atom 1.0 (RFC 4287).

use atom_syndication::{
    Category, Content, Entry as AtomEntry, Feed, Generator, Person as AtomPerson, Text, WriteConfig,
};

use super::{
    entry_links, estimated_bytes, feed_links, xml_text, BodySlot, Entry, LanguageFeed, GENERATOR,
};
use crate::model::Person;

const ATOM: &str = "application/atom+xml";

/// Where the Atom document has an entry's HTML: `<content type="html">`,
/// written empty by the crate and filled by [`super::fill_bodies`].
pub const BODY_SLOT: BodySlot = BodySlot {
    open: "<content type=\"html\">",
    empty: "",
    close: "</content>",
};

/// The Atom document of `feed` holding `entries`: all of the feed's, a run
/// of them, or none (for the text around them). An entry with HTML gets an
/// empty [`BODY_SLOT`]; the HTML goes in after the document is checked.
pub fn document(feed: &LanguageFeed, entries: &[Entry]) -> Result<Vec<u8>, String> {
    let capacity = estimated_bytes(entries);
    let atom = Feed {
        title: Text::plain(xml_text(&feed.title)),
        // The feed's URL as it is from `id_base_url`: stable across runs,
        // and across a move of the site.
        id: feed.id.clone(),
        updated: feed.updated,
        authors: feed.authors.iter().map(person).collect(),
        generator: Some(Generator {
            value: GENERATOR.to_string(),
            uri: None,
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        links: feed_links(feed, |(atom, _)| atom, &feed.atom_url, ATOM),
        subtitle: Some(Text::plain(xml_text(&feed.description))),
        entries: entries.iter().map(entry).collect(),
        lang: Some(feed.lang.to_string()),
        ..Feed::default()
    };
    let mut bytes = Vec::with_capacity(capacity);
    let written = atom.write_with_config(
        &mut bytes,
        WriteConfig {
            write_document_declaration: true,
            indent_size: Some(2),
        },
    );
    written.map_err(|e| format!("cannot write the Atom feed for `{}`: {e}", feed.lang))?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn entry(entry: &Entry) -> AtomEntry {
    let article = entry.article;
    AtomEntry {
        title: Text::plain(xml_text(&article.title)),
        id: article.id.clone(),
        updated: article.updated,
        authors: article.authors.iter().map(person).collect(),
        categories: article
            .tags
            .iter()
            .map(|tag| Category {
                term: xml_text(tag),
                scheme: None,
                label: None,
            })
            .collect(),
        links: entry_links(entry),
        published: Some(article.date),
        summary: Some(Text::plain(xml_text(&article.summary))),
        content: entry.content_html.as_ref().map(|_| Content {
            value: Some(String::new()),
            content_type: Some("html".to_string()),
            ..Content::default()
        }),
        ..AtomEntry::default()
    }
}

fn person(p: &Person) -> AtomPerson {
    AtomPerson {
        name: xml_text(&p.name),
        email: p.email.as_deref().map(xml_text),
        uri: p.uri.as_deref().map(xml_text),
        ..AtomPerson::default()
    }
}
