#!/usr/bin/env python3
"""Has newsboat (a real terminal feed reader) fetch every feed babelfeed
built, then checks what it stored against `babelfeed inspect --format json`.

usage: newsboat_check.py FEEDS_DIR INSPECT_JSON
Prints one line per problem and exits 1 when there is any.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime


def main():
    feeds_dir, inspect_path = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(inspect_path, encoding="utf-8") as f:
        articles = [a for a in json.load(f) if not a["draft"]]
    langs = sorted({a["lang"] for a in articles})
    problems = []
    feeds = [os.path.join(feeds_dir, lang, name) for lang in langs for name in ("atom.xml", "rss.xml")]
    for path in feeds:
        problems.extend(check_feed(path, feeds_dir, articles))
    for p in problems:
        print(p)
    print(f"newsboat: {len(articles)} articles checked, {len(problems)} problem(s)")
    return 1 if problems else 0


def check_feed(path, feeds_dir, articles):
    """Each feed gets its own newsboat cache: newsboat keys items by guid,
    which the Atom and RSS entry of an article share."""
    problems = []
    lang = os.path.basename(os.path.dirname(path))
    where = os.path.relpath(path, feeds_dir)
    with tempfile.TemporaryDirectory() as home:
        urls = os.path.join(home, "urls")
        with open(urls, "w", encoding="utf-8") as f:
            f.write(f'"exec:cat {path}"\n')
        cache = os.path.join(home, "cache.db")
        log = os.path.join(home, "log.txt")
        subprocess.run(
            ["newsboat", "-u", urls, "-c", cache, "-l", "3", "-d", log, "-x", "reload"],
            env=dict(os.environ, HOME=home), check=True, timeout=120, stdin=subprocess.DEVNULL,
        )
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                if "ERROR" in line:
                    problems.append(f"{where}: newsboat: {line.strip()}")
        db = sqlite3.connect(cache)
        rows = db.execute("select guid, title, url, pubDate from rss_item").fetchall()
        db.close()
    expected = {a["id"]: a for a in articles if a["lang"] == lang}
    got = {r[0] for r in rows}
    for guid, art in expected.items():
        if guid not in got:
            problems.append(f"{where}: newsboat has no item for {art['path']}")
    for guid, title, url, pub in rows:
        art = expected.get(guid)
        if art is None:
            problems.append(f"{where}: unexpected item {guid}")
            continue
        if title != art["title"]:
            problems.append(f"{where}: {art['path']}: title {title!r} != {art['title']!r}")
        if url != art["url"]:
            problems.append(f"{where}: {art['path']}: newsboat opens {url!r}, not {art['url']!r}")
        want = int(datetime.fromisoformat(art["date"]).timestamp())
        if pub != want:
            problems.append(f"{where}: {art['path']}: date {pub} != {want}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
