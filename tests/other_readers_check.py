#!/usr/bin/env python3
"""Has one more real feed reader read every feed babelfeed built, and checks
what it read against what `babelfeed inspect --format json` says was built,
the way tests/feedparser_check.py does for feedparser.

usage: other_readers_check.py READER FEEDS_DIR INSPECT_JSON
READER is one of
  sfeed      the sfeed(1) command (Debian `sfeed`): feed on stdin, TSV out;
  gofeed     the Go library github.com/mmcdole/gofeed (Debian
             `golang-github-mmcdole-gofeed-dev`), via tests/readers/gofeed_dump.go;
  simplepie  the PHP library SimplePie (Debian `libphp-simplepie`), via
             tests/readers/simplepie_dump.php;
  rome       the Java library ROME (Debian `librome-java`), via
             tests/readers/RomeDump.java.
Each is a parser that many feed readers and aggregators are built on, with
its own idea of which element wins; the point is to catch what one of them
misreads in what babelfeed writes.

Every non-draft article must appear once in both feeds of its language (the
tests build with max_entries = 0 or a corpus below the default limit, as
feedparser_check.py assumes). Per entry: id, title, link, the hreflang
alternate links to each translation and to itself, published and updated
times, summary, content (compared as text, as readers may sanitize the
markup), authors, categories; per feed: language and the hreflang links to
the sibling feeds. Each reader is held only to what it exposes (see
NOT_EXPOSED). Misreadings already understood and written up are listed in
KNOWN: they are printed as warnings with a count, not counted as problems,
so that a new one still fails; delete an entry once the reader is fixed.

Prints one line per problem, a summary line and exits 1 when there is any.

usage: other_readers_check.py --available READER
exits 0 when READER and what it needs are installed (the tests ask this
first: what each reader needs is written here, once), else 1.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
READERS_DIR = os.path.join(HERE, "readers")
JAVA = "/usr/share/java"
ROME_JARS = ["rome.jar", "rome-utils.jar", "jdom2.jar", "slf4j-api.jar", "slf4j-nop.jar"]
GOCODE = "/usr/share/gocode"
SIMPLEPIE_AUTOLOADER = "/usr/share/php/simplepie/autoloader.php"

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"

# (reader, feed format, check) that the reader cannot be held to because it
# has no place for the value; "*" is both formats.
NOT_EXPOSED = {
    # sfeed's TSV has one timestamp, title, link, content, id, first author
    # and categories per item and nothing about the feed itself.
    ("sfeed", "*", "feed-language"),
    ("sfeed", "*", "sibling-feeds"),
    ("sfeed", "*", "hreflang"),
    ("sfeed", "*", "updated"),
    ("sfeed", "*", "summary"),
    # ROME's Atom converter does not carry the feed's xml:lang into
    # SyndFeed.getLanguage() (RSS <language> it does).
    ("rome", "atom", "feed-language"),
    # ROME's RSS 2.0 model has no updated time per item; atom:updated is
    # foreign markup to it.
    ("rome", "rss", "updated"),
}

# Misreadings found and reported (reader, format, check): why. The check
# still runs; matches are printed as warnings. Remove an entry when the
# reader is fixed, and the check becomes a failure again.
KNOWN = {
    ("gofeed", "rss", "updated"): (
        "gofeed's RSS translator takes an item's updated time only from dc:date "
        "(translator.go translateItemUpdatedParsed) and ignores atom:updated"
    ),
    ("gofeed", "rss", "authors"): (
        "gofeed's RSS translator keeps only the first dc:creator "
        "(translator.go translateItemAuthors wraps translateItemAuthor)"
    ),
    ("simplepie", "*", "updated"): (
        "SimplePie 1.3.1 get_updated_date() parses the raw string of the date "
        "get_date() found (Item.php: parse($this->data['date']['raw'])), so it "
        "returns the published time wherever one is written (Atom <published>, "
        "RSS atom:published)"
    ),
}


def main():
    reader, feeds_dir, inspect_path = sys.argv[1], sys.argv[2], sys.argv[3]
    if reader not in DUMPERS:
        sys.exit(f"unknown reader {reader!r}; one of {', '.join(DUMPERS)}")
    with open(inspect_path, encoding="utf-8") as f:
        articles = [a for a in json.load(f) if not a["draft"]]
    langs = sorted({a["lang"] for a in articles})
    paths = [
        (lang, fmt, os.path.join(feeds_dir, lang, f"{fmt}.xml"))
        for lang in langs
        for fmt in ("atom", "rss")
    ]
    with tempfile.TemporaryDirectory() as scratch:
        read = DUMPERS[reader]([p for _, _, p in paths], scratch)
    problems, known = [], {}

    for (lang, fmt, path), feed in zip(paths, read):
        where = f"{lang}/{fmt}.xml"

        def problem(check, msg):
            key = (reader, fmt, check)
            if key in NOT_EXPOSED or (reader, "*", check) in NOT_EXPOSED:
                return
            if key not in KNOWN and (reader, "*", check) in KNOWN:
                key = (reader, "*", check)
            if key in KNOWN:
                known.setdefault(key, []).append(f"{where}: {msg}")
            else:
                problems.append(f"{where}: {msg}")

        if isinstance(feed, str):
            problems.append(f"{where}: {reader} could not read the feed: {feed}")
            continue
        check_feed(reader, feed, lang, langs, articles, written_entries(path, fmt), problem)

    for key, msgs in sorted(known.items()):
        print(f"warning: KNOWN misreading {key}: {KNOWN[key]}; {len(msgs)} time(s), e.g. {msgs[0]}")
    for p in problems:
        print(p)
    print(f"{reader}: {len(articles)} articles checked, {len(problems)} problem(s)")
    return 1 if problems else 0


def check_feed(reader, feed, lang, langs, articles, written, problem):
    """Checks one feed as `reader` read it (the normalized dict the dumpers
    produce) against the articles of its language."""
    by_path = {a["path"]: a for a in articles}
    expected = {a["id"]: a for a in articles if a["lang"] == lang}

    if feed.get("language") != lang:
        problem("feed-language", f"language {feed.get('language')!r}, expected {lang!r}")
    siblings = sorted(
        l["hreflang"] for l in feed.get("links") or []
        if l.get("rel") == "alternate" and l.get("hreflang") and l["hreflang"] != lang
    )
    if siblings != [l for l in langs if l != lang]:
        problem("sibling-feeds", f"sibling feed languages {siblings}")

    seen = set()
    for e in feed["entries"]:
        art = expected.get(e.get("id"))
        if art is None:
            problem("id", f"entry id {e.get('id')!r} (title {e.get('title')!r}) is not an article of this feed")
            continue
        if art["id"] in seen:
            problem("id", f"{art['path']}: read twice")
        seen.add(art["id"])
        name = art["path"]
        if e.get("title") != art["title"]:
            problem("title", f"{name}: title {e.get('title')!r} != {art['title']!r}")
        # The link a reader opens must be the article itself.
        if e.get("link") != art["url"]:
            problem("link", f"{name}: link {e.get('link')!r} != {art['url']!r}")
        for check in ("published", "updated"):
            want = int(datetime.fromisoformat(art["date" if check == "published" else "updated"]).timestamp())
            if e.get(check) != want:
                problem(check, f"{name}: {check} {stamp(e.get(check))} != {stamp(want)}")
        want_links = sorted(
            [(by_path[t]["lang"], by_path[t]["url"]) for t in art["translations"] if t in by_path]
            + [(art["lang"], art["url"])]
        )
        got_links = sorted(
            (l.get("hreflang"), l.get("href")) for l in e.get("links") or []
            if l.get("rel") == "alternate" and l.get("hreflang")
        )
        if got_links != want_links:
            problem("hreflang", f"{name}: hreflang links {got_links} != {want_links}")
        if norm(e.get("summary")) != norm(art["summary"]):
            problem("summary", f"{name}: summary {e.get('summary')!r} != {art['summary']!r}")
        # Compared as text: readers may sanitize markup, but every word and
        # character babelfeed wrote must arrive.
        want = written.get(art["id"])
        if not e.get("content") or html_text(e["content"]) != html_text(want):
            problem("content", f"{name}: content {short(e.get('content'))!r} != {short(want)!r}")
        # Without authors of its own an entry falls back to the feed's
        # default author; readers differ in whether they copy it down.
        # sfeed keeps the first author only, by design (sfeed(5)).
        want = art["authors"][:1] if reader == "sfeed" else art["authors"]
        if want and e.get("authors") != want:
            problem("authors", f"{name}: authors {e.get('authors')!r} != {want!r}")
        if e.get("categories") != art["tags"]:
            problem("categories", f"{name}: categories {e.get('categories')!r} != {art['tags']!r}")
    for guid, art in expected.items():
        if guid not in seen:
            problem("id", f"{art['path']}: no entry for it (id {guid})")


def written_entries(path, fmt):
    """id -> the full content as babelfeed wrote it (Atom <content>, RSS
    <content:encoded>), read with Python's own XML parser."""
    root = ET.parse(path).getroot()
    if fmt == "atom":
        return {
            e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}content") or ""
            for e in root.iter(f"{ATOM}entry")
        }
    return {i.findtext("guid"): i.findtext(f"{CONTENT}encoded") or "" for i in root.iter("item")}


def html_text(s):
    """The text a browser would show for an HTML fragment, whitespace
    collapsed."""
    return norm(html.unescape(re.sub(r"<[^>]*>", " ", s or "")))


def norm(s):
    return " ".join((s or "").split())


def short(s):
    return s if s is None or len(s) < 120 else s[:117] + "..."


def stamp(t):
    return None if t is None else datetime.fromtimestamp(t, timezone.utc).isoformat()


# ---------------------------------------------------------------------------
# Dumpers: each takes the feed paths and returns, per path, either the
# error text or a dict {language, links: [{href, rel, hreflang, type}],
# entries: [{id, title, link, links, published, updated (Unix seconds),
# summary, content, authors, categories}]} with the values as the reader
# gives them to an application, made comparable only where the reader's
# documented conventions require it.


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=300, **kw)


def dump_sfeed(paths, scratch):
    out = []
    for path in paths:
        with open(path, "rb") as f:
            r = run(["sfeed"], stdin=f)
        if r.returncode != 0:
            out.append(r.stderr.decode(errors="replace"))
            continue
        entries = []
        for line in r.stdout.decode("utf-8").split("\n"):
            if not line:
                continue
            ts, title, link, content, _ctype, guid, author, _enclosure, cats = line.split("\t")
            entries.append({
                "id": guid, "title": title, "link": link,
                "published": int(ts) if ts else None,
                # The content field escapes \n, \t and \\ (sfeed(5)).
                "content": re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), content),
                "categories": cats.split("|") if cats else [],
                "authors": [author] if author else [],
            })
        out.append({"entries": entries})
    return out


def dump_gofeed(paths, scratch):
    # GOPATH mode against the Debian source tree; the build cache lives in
    # the temp dir (shared between runs) unless GOCACHE says otherwise, so
    # it works for root in a fresh clone with no HOME cache.
    src = os.path.join(scratch, "gopath", "src", "gofeeddump")
    os.makedirs(src)
    shutil.copy(os.path.join(READERS_DIR, "gofeed_dump.go"), os.path.join(src, "main.go"))
    binary = os.path.join(scratch, "gofeed_dump")
    env = dict(
        os.environ,
        GO111MODULE="off",
        GOPATH=os.path.join(scratch, "gopath") + os.pathsep + GOCODE,
        GOFLAGS="",
    )
    env.setdefault("GOCACHE", os.path.join(tempfile.gettempdir(), "babelfeed-go-build-cache"))
    r = run(["go", "build", "-o", binary, "gofeeddump"], env=env, cwd=scratch)
    if r.returncode != 0:
        sys.exit("go build of tests/readers/gofeed_dump.go failed:\n" + r.stderr.decode(errors="replace"))
    out = [json_or_error(run([binary, p])) for p in paths]
    for feed, path in zip(out, paths):
        if isinstance(feed, dict) and path.endswith("rss.xml"):
            # An RSS description is HTML; an Atom summary here is text.
            for e in feed["entries"]:
                e["summary"] = html_text(e["summary"])
    return out


def dump_simplepie(paths, scratch):
    script = os.path.join(READERS_DIR, "simplepie_dump.php")
    out = []
    for p in paths:
        feed = json_or_error(run(["php", script, p]))
        if isinstance(feed, dict):
            # SimplePie hands out titles, summaries and category terms as
            # HTML, ready to echo into a page (its documented convention):
            # the text is what a page shows.
            for e in feed["entries"]:
                e["title"] = html.unescape(e["title"] or "")
                e["categories"] = [html.unescape(c) for c in e["categories"]]
                e["authors"] = [html.unescape(a) for a in e["authors"]]
                # So is the permalink (`&` as `&amp;`); the raw link tags
                # are as the XML parser read them.
                e["link"] = html.unescape(e["link"] or "")
                e["alternates"] = [html.unescape(a) for a in e.get("alternates") or []]
                e["summary"] = html_text(e["summary"])
        out.append(feed)
    return out


def dump_rome(paths, scratch):
    cp = os.pathsep.join(os.path.join(JAVA, j) for j in ROME_JARS)
    r = run(["java", "-cp", cp, os.path.join(READERS_DIR, "RomeDump.java"), *paths])
    if r.returncode != 0:
        return [r.stderr.decode(errors="replace")] * len(paths)
    # One JSON document a line; split on \n only, since str.splitlines()
    # also splits on U+2028 and U+0085, which a feed's text may hold.
    lines = r.stdout.decode("utf-8").split("\n")
    feeds = [json.loads(line) for line in lines if line]
    for feed, path in zip(feeds, paths):
        for e in feed["entries"]:
            # An RSS description is HTML; an Atom summary here is text.
            if path.endswith("rss.xml"):
                e["summary"] = html_text(e["summary"])
    return feeds


def json_or_error(r):
    if r.returncode != 0:
        return r.stderr.decode(errors="replace") or f"exit status {r.returncode}"
    return json.loads(r.stdout.decode("utf-8"))


DUMPERS = {"sfeed": dump_sfeed, "gofeed": dump_gofeed, "simplepie": dump_simplepie, "rome": dump_rome}


def available(reader):
    """Whether the reader and everything its dumper needs are installed."""
    if reader == "sfeed":
        return shutil.which("sfeed") is not None
    if reader == "gofeed":
        parser = os.path.join(GOCODE, "src/github.com/mmcdole/gofeed/parser.go")
        return shutil.which("go") is not None and os.path.exists(parser)
    if reader == "simplepie":
        # SimplePie needs PHP's xml extension, which the Debian package
        # does not pull in.
        probe = (
            f"require '{SIMPLEPIE_AUTOLOADER}'; "
            "exit(class_exists('SimplePie') && function_exists('xml_parser_create') ? 0 : 1);"
        )
        return shutil.which("php") is not None and run(["php", "-r", probe]).returncode == 0
    if reader == "rome":
        jars = [os.path.join(JAVA, j) for j in ROME_JARS]
        return shutil.which("java") is not None and all(os.path.exists(j) for j in jars)
    sys.exit(f"unknown reader {reader!r}; one of {', '.join(DUMPERS)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--available"]:
        sys.exit(0 if available(sys.argv[2]) else 1)
    sys.exit(main())
