//! Addresses a feed carries: URIs and e-mail addresses. Atom and RSS want
//! URIs, not IRIs (`https://例え.jp/straße/` is written
//! `https://xn--r8jz45g.jp/stra%C3%9Fe/`), and RFC 4287's `email` is an
//! address, not "Jane Doe <jane@example.org>": what a publisher writes is
//! made into that, or left out with a warning, so no feed fails a
//! validator or a reader's parser for it.

use url::Url;

/// The login written in an absolute URL (`https://editor:pw@host/`), and
/// the URL without it.
pub struct Login<'a> {
    /// `editor:pw` or `editor`, as written.
    pub written: &'a str,
    pub without: String,
}

/// The user name or password in the absolute URL `value`, if it has one.
pub fn login_of(value: &str) -> Option<Login<'_>> {
    let start = value.find("://")? + 3;
    let end = value[start..]
        .find(['/', '?', '#'])
        .map_or(value.len(), |end| start + end);
    let at = start + value[start..end].rfind('@')?;
    Some(Login {
        written: &value[start..at],
        without: format!("{}{}", &value[..start], &value[at + 1..]),
    })
}

/// `iri` as a URI: non-ASCII characters and spaces percent-encoded, an
/// internationalised host in punycode. `None` when it is no absolute URL.
pub fn as_uri(iri: &str) -> Option<String> {
    let iri = iri.trim();
    // "100%-seguro": a `%` that starts no escape is one to escape.
    let escaped;
    let iri = match stray_percent(iri) {
        true => {
            escaped = escape_stray_percents(iri);
            escaped.as_str()
        }
        false => iri,
    };
    // Nearly every address is ASCII already: no parse, no allocation
    // beyond the copy.
    if iri.bytes().all(|b| b.is_ascii_graphic())
        && !iri.contains(['<', '>', '"', '{', '}', '|', '\\', '^', '`'])
    {
        return has_scheme(iri).then(|| iri.to_string());
    }
    let url = Url::parse(iri).ok()?;
    Some(url.into())
}

/// `iri` as a URI in the normal form of RFC 3986 §6.2.2, for the
/// addresses babelfeed makes its own (its settings, an article's `url`):
/// scheme and host in lower case, no default port, no `.` or `..`
/// segments (what the `url` crate does), and besides what it leaves: a
/// percent-encoded unreserved character decoded (`%7e` is `~`), the hex
/// of every other escape in upper case (`%e3` is `%E3`), and the
/// trailing dot of a host name taken off (`example.org.`). The W3C
/// validator compares a feed's and an entry's id with this form and warns
/// of any other (NonCanonicalURI); two spellings of one address are
/// then one string, so that a reader, and babelfeed's own check for two
/// articles of one URL, sees them as one. `None` when `iri` is no
/// absolute URL.
///
/// Links copied from an article's text are left as the publisher wrote
/// them: they are the publisher's, and no validator asks this of them.
pub fn canonical(iri: &str) -> Option<String> {
    let mut url = Url::parse(&as_uri(iri)?).ok()?;
    // As the validator's own normal form does: `localhost.` keeps its dot,
    // being a name of one label.
    if let Some(host) = url
        .host_str()
        .and_then(|host| host.strip_suffix('.'))
        .filter(|host| host.contains('.'))
        .map(str::to_string)
    {
        url.set_host(Some(&host)).ok()?;
    }
    Some(normal_escapes(url.as_str()))
}

/// `uri` with every percent-encoded unreserved character (RFC 3986 §2.3:
/// letters, digits, `-`, `.`, `_`, `~`) decoded and the hex of every other
/// escape in upper case. Decoding nothing else keeps the meaning: `%2F`
/// in a segment is not a `/`.
fn normal_escapes(uri: &str) -> String {
    if !uri.contains('%') {
        return uri.to_string();
    }
    let bytes = uri.as_bytes();
    let mut out = String::with_capacity(uri.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' && escape_at(bytes, at) {
            let byte = u8::from_str_radix(&uri[at + 1..at + 3], 16).unwrap_or(b'%');
            match byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                true => out.push(char::from(byte)),
                false => out.push_str(&uri[at..at + 3].to_ascii_uppercase()),
            }
            at += 3;
        } else {
            let next = uri[at..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&uri[at..at + next]);
            at += next;
        }
    }
    out
}

/// Whether `url` is an absolute http(s) URL: `http://` or `https://`
/// with a host after it. A scheme is case-insensitive (RFC 3986 §3.1):
/// `HTTPS://example.org` is one too.
pub fn is_absolute_url(url: &str) -> bool {
    let rest = scheme_of(url)
        .filter(|scheme| {
            scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
        })
        .and_then(|scheme| url[scheme.len() + 1..].strip_prefix("//"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/') && !host.contains(char::is_whitespace))
}

/// Whether a `%` in `text` is not followed by two hex digits.
fn stray_percent(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(at, &b)| b == b'%' && !escape_at(bytes, at))
}

/// Whether the `%` at `at` starts an escape: two hex digits follow.
fn escape_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
        && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
}

fn escape_stray_percents(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (at, c) in text.char_indices() {
        match c {
            '%' if !escape_at(text.as_bytes(), at) => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `id` is a URI an entry may carry as its id as it is: a scheme
/// of two letters or more (`C:` is a drive), no spaces, and for a
/// `urn:uuid:` a well-formed UUID (the W3C validator calls anything else
/// an error), so a malformed one is treated as any other non-URI id.
pub fn is_entry_id(id: &str) -> bool {
    if let Some(uuid) = id
        .get(..9)
        .filter(|scheme| scheme.eq_ignore_ascii_case("urn:uuid:"))
        .map(|_| &id[9..])
    {
        return uuid.len() == 36 && uuid::Uuid::parse_str(uuid).is_ok();
    }
    has_scheme(id)
        && id.find(':').is_some_and(|colon| colon >= 2)
        && !id.contains(char::is_whitespace)
}

/// Whether `text` begins with a URI scheme and a colon, and has more after
/// it (`https:…`, `urn:…`).
fn has_scheme(text: &str) -> bool {
    scheme_of(text).is_some_and(|scheme| text.len() > scheme.len() + 1)
}

/// The scheme `text` begins with, before its colon (`https` of `https:`).
pub fn scheme_of(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// Whether `text` is an e-mail address as RFC 4287 (after RFC 2822's
/// `addr-spec`) and the validators read it: `name@host.example`, no
/// display name, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    let atom_char = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| atom_char(c) || c == '.');
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// "Jane Doe <jane@example.org>", as many tools write an author: the name
/// and what is in the brackets when it is meant as an address (an `@`, or
/// the spelled-out " at " that hides one from spammers), which the caller
/// checks. "Redaktion <&>" is a name.
pub fn split_name_and_email(written: &str) -> Option<(&str, &str)> {
    let inner = written.trim().strip_suffix('>')?;
    let (name, email) = inner.rsplit_once('<')?;
    let (name, email) = (name.trim(), email.trim());
    let meant_as_address = email.contains('@') || email.contains(" at ");
    (!name.is_empty() && meant_as_address).then_some((name, email))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_become_uris() {
        assert_eq!(
            as_uri("https://例え.jp/straße/a b/").as_deref(),
            Some("https://xn--r8jz45g.jp/stra%C3%9Fe/a%20b/")
        );
        assert_eq!(
            as_uri("https://news.example.org/de/2024/x/").as_deref(),
            Some("https://news.example.org/de/2024/x/")
        );
        assert_eq!(as_uri("mailto:a@b.org").as_deref(), Some("mailto:a@b.org"));
        assert_eq!(
            as_uri("https://a.org/es/100%-seguro/se%C3%B1al/").as_deref(),
            Some("https://a.org/es/100%25-seguro/se%C3%B1al/")
        );
        assert_eq!(
            as_uri("https://a.org/ü/50%").as_deref(),
            Some("https://a.org/%C3%BC/50%25")
        );
        assert_eq!(as_uri("not a uri"), None);
        assert_eq!(as_uri("/relative/"), None);
    }

    #[test]
    fn canonical_form() {
        for (written, want) in [
            ("HTTPS://Example.COM:443/news/", "https://example.com/news/"),
            ("https://example.org./a/", "https://example.org/a/"),
            ("https://localhost./a/", "https://localhost./a/"),
            ("https://a.org/%7ejane/%41b", "https://a.org/~jane/Ab"),
            (
                "https://a.org/%e3%81%82/%2f/",
                "https://a.org/%E3%81%82/%2F/",
            ),
            (
                "https://a.org/a/./b/../c?q=%7e%2a#%5f",
                "https://a.org/a/c?q=~%2A#_",
            ),
            ("https://a.org", "https://a.org/"),
            (
                "https://例え.jp/straße/",
                "https://xn--r8jz45g.jp/stra%C3%9Fe/",
            ),
            ("https://a.org/100%-sicher/", "https://a.org/100%25-sicher/"),
        ] {
            let got = canonical(written);
            assert_eq!(got.as_deref(), Some(want), "{written}");
            // The normal form is its own normal form.
            assert_eq!(got.as_deref().and_then(canonical).as_deref(), Some(want));
        }
        assert_eq!(canonical("/relative/"), None);
    }

    #[test]
    fn absolute_urls_have_a_case_insensitive_scheme() {
        for url in ["https://a.org", "HTTPS://a.org/x", "Http://a.org"] {
            assert!(is_absolute_url(url), "{url}");
        }
        for url in [
            "https://",
            "https:///x",
            "ftp://a.org",
            "/x",
            "a.org",
            "https:a.org",
        ] {
            assert!(!is_absolute_url(url), "{url}");
        }
    }

    #[test]
    fn entry_ids() {
        assert!(is_entry_id("tag:example.org,2021:launch"));
        assert!(is_entry_id("https://a.org/x"));
        assert!(!is_entry_id("1234"));
        assert!(!is_entry_id("C:/x"));
        assert!(!is_entry_id("tag:a b"));
        assert!(is_entry_id("urn:uuid:5a08f2b6-3b5e-4d7e-9c1a-0e4f1c2d3b4a"));
        assert!(!is_entry_id("urn:uuid:not-a-uuid"));
    }

    #[test]
    fn email_addresses() {
        for good in [
            "jane@example.org",
            "j.doe+news@mail.example.co.uk",
            "a_b@x-y.org",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "not-an-email",
            "bad email@x.org",
            "jane@",
            "@x.org",
            "jane@localhost",
            "Jane <jane@x.org>",
            "user@bücher.example",
            "a..b@x.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert_eq!(
            split_name_and_email("Jane Doe <jane@example.com>"),
            Some(("Jane Doe", "jane@example.com"))
        );
        assert_eq!(split_name_and_email("Tom & Jerry"), None);
        assert_eq!(split_name_and_email("Redaktion <&>"), None);
        assert_eq!(
            split_name_and_email("Jörg Weiß <joerg at example.org>"),
            Some(("Jörg Weiß", "joerg at example.org"))
        );
        assert_eq!(split_name_and_email("<jane@example.com>"), None);
    }
}
