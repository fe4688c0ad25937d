#!/usr/bin/env python3
"""Reads every feed babelfeed built with Python's feedparser, as a real feed
reader would, and checks it against what `babelfeed inspect --format json`
says was built.

usage: feedparser_check.py FEEDS_DIR INSPECT_JSON
Prints one line per problem and exits 1 when there is any.
"""
import json
import os
import sys
from datetime import datetime

import feedparser


def main():
    feeds_dir, inspect_path = sys.argv[1], sys.argv[2]
    with open(inspect_path, encoding="utf-8") as f:
        articles = [a for a in json.load(f) if not a["draft"]]
    by_id = {a["id"]: a for a in articles}
    by_path = {a["path"]: a for a in articles}
    langs = sorted({a["lang"] for a in articles})
    problems = []
    checked = 0

    def problem(msg):
        problems.append(msg)

    for lang in langs:
        expected = sorted((a for a in articles if a["lang"] == lang), key=lambda a: a["id"])
        for name in ("atom.xml", "rss.xml"):
            path = os.path.join(feeds_dir, lang, name)
            d = feedparser.parse(path)
            where = f"{lang}/{name}"
            if d.bozo:
                problem(f"{where}: feedparser reports a parse problem: {d.bozo_exception!r}")
                continue
            if d.feed.get("language", "") != lang:
                problem(f"{where}: language {d.feed.get('language')!r}, expected {lang!r}")
            if len(d.entries) != len(expected):
                problem(f"{where}: {len(d.entries)} entries, expected {len(expected)}")
            # Feed-level alternates: one per other language.
            sibling_langs = sorted(
                l.get("hreflang") for l in d.feed.get("links", [])
                if l.get("rel") == "alternate" and l.get("hreflang") and l.get("hreflang") != lang
            )
            if sibling_langs != [l for l in langs if l != lang]:
                problem(f"{where}: sibling feed languages {sibling_langs}")
            for e in d.entries:
                checked += 1
                art = by_id.get(e.get("id"))
                if art is None:
                    problem(f"{where}: entry id {e.get('id')!r} is not an article")
                    continue
                if e.get("title") != art["title"]:
                    problem(f"{where}: {art['path']}: title {e.get('title')!r} != {art['title']!r}")
                # The link a reader opens must be the article itself.
                if e.get("link") != art["url"]:
                    problem(f"{where}: {art['path']}: link {e.get('link')!r} != {art['url']!r}")
                published = e.get("published_parsed")
                want = datetime.fromisoformat(art["date"]).astimezone().utctimetuple()
                if published is None or tuple(published)[:6] != tuple(want)[:6]:
                    problem(f"{where}: {art['path']}: published {published} != {art['date']}")
                # Both formats carry the updated time (RSS as atom:updated).
                updated = e.get("updated_parsed")
                want = datetime.fromisoformat(art["updated"]).astimezone().utctimetuple()
                if updated is None or tuple(updated)[:6] != tuple(want)[:6]:
                    problem(f"{where}: {art['path']}: updated {updated} != {art['updated']}")
                want_links = sorted(
                    (by_path[t]["lang"], by_path[t]["url"]) for t in art["translations"] if t in by_path
                )
                got_links = sorted(
                    (l.get("hreflang"), l.get("href")) for l in e.get("links", [])
                    if l.get("rel") == "alternate" and l.get("hreflang") and l.get("hreflang") != art["lang"]
                )
                if got_links != want_links:
                    problem(f"{where}: {art['path']}: translation links {got_links} != {want_links}")
    for p in problems:
        print(p)
    print(f"feedparser: {checked} entries read, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
