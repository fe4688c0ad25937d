#!/usr/bin/env python3
"""Compare `babelfeed inspect --format json` with gen_corpus's ground truth.

    gen_corpus ... --manifest truth.tsv --out DIR
    babelfeed inspect --articles DIR --config CFG --format json > inspect.json
    bench/check_truth.py truth.tsv inspect.json [--list]

Reports language detection, dates, and translation links: for every pair of
files of one story (should be linked) whether it was linked, and every link
between files of different stories (wrong). Exit status 1 when any article
is missing, any language or date is wrong, or any link is wrong; missing
links (left unlinked, as the contract prefers to guessing) only count.
"""
import json
import sys
from itertools import combinations


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--list" in sys.argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    truth = {}
    with open(args[0], encoding="utf-8") as f:
        next(f)
        for line in f:
            path, lang, story, date = line.rstrip("\n").split("\t")
            truth[path] = (lang, int(story), date)
    with open(args[1], encoding="utf-8") as f:
        seen = {a["path"]: a for a in json.load(f)}

    missing = sorted(set(truth) - set(seen))
    wrong_lang = [p for p in truth if p in seen and seen[p]["lang"] != truth[p][0]]
    wrong_date = [p for p in truth if p in seen and not seen[p]["date"].startswith(truth[p][2])]

    stories = {}
    for path, (_, story, _) in truth.items():
        stories.setdefault(story, []).append(path)
    expected = set()
    for paths in stories.values():
        expected.update(frozenset(p) for p in combinations(sorted(paths), 2))
    linked = set()
    for path, article in seen.items():
        for other in article.get("translations") or []:
            linked.add(frozenset((path, other)))
    right = expected & linked
    wrong = linked - expected
    unlinked = expected - linked
    sources = {}
    for article in seen.values():
        sources[article["group_source"]] = sources.get(article["group_source"], 0) + 1
    scores = sorted(
        a["score"] for a in seen.values() if a.get("score") is not None
    )

    print(f"articles: {len(truth)} generated, {len(seen)} inspected, {len(missing)} missing")
    print(f"language: {len(truth) - len(missing) - len(wrong_lang)} right, {len(wrong_lang)} wrong")
    print(f"date:     {len(truth) - len(missing) - len(wrong_date)} right, {len(wrong_date)} wrong")
    print(
        f"translation pairs: {len(expected)} expected, {len(right)} linked correctly, "
        f"{len(unlinked)} left unlinked, {len(wrong)} linked wrongly"
    )
    print(f"group sources: {dict(sorted(sources.items()))}")
    if scores:
        print(
            f"scores of inferred links: min {scores[0]:.2f}, "
            f"median {scores[len(scores) // 2]:.2f}, max {scores[-1]:.2f}"
        )
    if show:
        for p in missing:
            print(f"missing: {p}")
        for p in wrong_lang:
            print(f"wrong language: {p}: {seen[p]['lang']} (is {truth[p][0]})")
        for p in wrong_date:
            print(f"wrong date: {p}: {seen[p]['date']} (is {truth[p][2]})")
        for pair in sorted(sorted(p) for p in wrong):
            print(f"wrong link: {pair[0]} <-> {pair[1]}")
        for pair in sorted(sorted(p) for p in unlinked):
            print(f"unlinked: {pair[0]} <-> {pair[1]}")
    return 1 if (missing or wrong_lang or wrong_date or wrong) else 0


if __name__ == "__main__":
    sys.exit(main())
