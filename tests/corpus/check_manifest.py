#!/usr/bin/env python3
"""Cross-check tests/corpus/expected.json against tests/corpus/articles/.

Run from anywhere:  python3 tests/corpus/check_manifest.py [--print]

Checks:
  * every non-hidden article file (*.txt, *.md) is listed exactly once, and
    every listed path exists; sidecars (*.toml next to a *.txt) and hidden
    files/folders are never listed;
  * plain text: the date line parses (formats of FORMAT.md 1a) to the
    manifest date; the title equals the first sentence of the lead as defined
    in README.md (whitespace collapsed, <= 200 chars incl. the ellipsis) unless
    a sidecar sets `title`;
  * Markdown: title/date/draft/lang agree with the front matter (lang from
    front matter, else from the `name.xx.md` suffix, else not checked);
  * each story holds at most one article per language; every language has
    at least 6 articles; file-level quirks the README promises still exist.

This is an independent reference implementation for the corpus only; it is
not the tool's algorithm.
"""
import json
import os
import re
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
MAX_TITLE = 200

MONTHS = {
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    # fr
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    # en
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "october": 10, "december": 12,
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # it
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
}


def parse_date(s):
    s = s.strip()
    pats = [
        (r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2}))?", "ymd"),
        (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", "dmy"),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", "dmy"),
        # An optional weekday first: `mardi 12 mars 2024`.
        (r"(?:[^\W\d_]+,? )?(\d{1,2})(?:er)?\.? (?:de )?([^\W\d_]+)\.? (?:de )?(\d{4})", "dMy"),
        (r"([^\W\d_]+)\.? (\d{1,2}), (\d{4})", "Mdy"),
    ]
    for pat, kind in pats:
        m = re.fullmatch(pat, s)
        if not m:
            continue
        g = m.groups()
        if kind == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif kind == "dmy":
            d, mo, y = int(g[0]), int(g[1]), int(g[2])
        elif kind == "dMy":
            d, mo, y = int(g[0]), MONTHS.get(g[1].lower()), int(g[2])
        else:
            mo, d, y = MONTHS.get(g[0].lower()), int(g[1]), int(g[2])
        if mo is None:
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


ABBREV = {
    "dr", "dra", "prof", "mr", "mrs", "ms", "m", "mme", "mlle", "st", "sr", "sra",
    "dott", "dott.ssa", "ing", "avv", "sig", "nr", "ca", "vgl", "bzw", "etc",
}
OPEN_Q = {"„": "“", "«": "»", "“": "”", '"': '"', "‹": "›"}


def first_sentence(lead, lang):
    """Split off the first sentence of an (already whitespace-collapsed) lead."""
    stack = []
    i = 0
    n = len(lead)
    while i < n:
        c = lead[i]
        if stack and c == stack[-1]:
            stack.pop()
        elif c in OPEN_Q and not (c == "“" and stack and stack[-1] == "“"):
            stack.append(OPEN_Q[c])
        elif c in ".!?" and not stack:
            j = i + 1
            while j < n and lead[j] in ".!?":
                j += 1
            if j >= n:
                return lead
            if lead[j] == " ":
                word = re.search(r"(\S+)$", lead[:i]).group(1) if i else ""
                bare = word.lstrip("(\"'«„“")
                nxt = lead[j + 1:j + 2]
                is_abbrev = c == "." and (
                    bare.lower() in ABBREV
                    or re.fullmatch(r"[^\W\d_]", bare) is not None  # initials, z. B., M.
                    or (lang == "de" and re.fullmatch(r"\d{1,3}", bare) is not None)  # ordinals
                )
                if not is_abbrev and (nxt.isupper() or nxt.isdigit() or nxt in "„“«\"("):
                    return lead[:j]
            i = j
            continue
        i += 1
    return lead


def cut_title(s, limit=MAX_TITLE):
    if len(s) <= limit:
        return s
    head = s[: limit - 1]  # room for the ellipsis
    if s[limit - 1] != " ":
        head = head[: head.rfind(" ")]
    head = head.rstrip(" ,;:.–—-")
    return head + "…"


def read_text(path):
    b = open(path, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        b = b[3:]
    return b.decode("utf-8").replace("\r\n", "\n")


def parse_txt(path):
    t = read_text(path)
    lines = t.split("\n")
    k = 0
    while lines[k].strip() == "":
        k += 1
    date_line = lines[k]
    rest = "\n".join(lines[k + 1:])
    paras = [p for p in re.split(r"\n[ \t]*\n", rest) if p.strip()]
    return date_line, paras


def parse_md(path):
    t = read_text(path)
    if t.startswith("+++\n"):
        end = t.index("\n+++\n", 4)
        fm = tomllib.loads(t[4:end])
    elif t.startswith("---\n"):
        import yaml  # only needed for YAML front matter
        end = t.index("\n---\n", 4)
        fm = yaml.safe_load(t[4:end])
    else:
        raise ValueError("no front matter")
    return fm


# Byte-level quirks the README promises; an editor that "fixes" them breaks the corpus.
QUIRKS = {
    "2021/05/000_1c7d62afff7c0b0d.txt": {"no_final_newline"},
    "2021/05/001_2ce07815efea2c55.txt": {"no_final_newline"},
    "2021/05/rowling-cerdito-navidad.txt": {"no_final_newline"},
    "2021/05/aquamar-lancement.txt": {"bom"},
    "2021/06/pianta-san-gallo.txt": {"bom"},
    "2021/10/estudio-sacco.txt": {"crlf"},
    "2022/02/chips-act-ue.txt": {"crlf"},
    "markdown/biennale/kunstbiennale-venedig.md": {"crlf"},
    "2021/09/siemens-gamesa-sarriguren.txt": {"bom", "crlf", "no_final_newline"},
    "2021/08/fallas-valencia.txt": {"leading_blank_lines", "multi_blank_lines"},
    "2021/06/tour-brest-vorschau.txt": {"date_trailing_space"},
    "2021/06/genf/0603_13aa5e.txt": {"wrapped_lead"},
    "2021/10/mose-costi.txt": {"wrapped_lead"},
}


def check_quirks(errors):
    for p, want in QUIRKS.items():
        b = open(os.path.join(ART, p), "rb").read()
        have = set()
        if b.startswith(b"\xef\xbb\xbf"):
            have.add("bom")
        if b"\r\n" in b:
            have.add("crlf")
            if b.replace(b"\r\n", b"").count(b"\n"):
                errors.append(f"{p}: mixed line ends")
        if not b.endswith(b"\n"):
            have.add("no_final_newline")
        t = b.decode("utf-8-sig").replace("\r\n", "\n")
        if t.startswith("\n"):
            have.add("leading_blank_lines")
        if re.search(r"\n[ \t]*\n[ \t]*\n", t.strip()):
            have.add("multi_blank_lines")
        if re.match(r"\s*\S[^\n]*[ \t]\n", t):
            have.add("date_trailing_space")
        paras = re.split(r"\n[ \t]*\n", t.strip())
        if len(paras) > 1 and "\n" in paras[1]:
            have.add("wrapped_lead")
        for q in want - have:
            errors.append(f"{p}: promised quirk {q!r} is missing")


def main():
    show = "--print" in sys.argv
    manifest = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    errors = []
    seen = {}
    for e in manifest:
        if set(e) != {"path", "lang", "date", "title", "story", "draft"}:
            errors.append(f"{e.get('path')}: wrong keys {sorted(e)}")
        if e["path"] in seen:
            errors.append(f"{e['path']}: listed twice")
        seen[e["path"]] = e

    on_disk = set()
    for root, dirs, files in os.walk(ART):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(root, f), ART).replace(os.sep, "/")
            if f.endswith(".toml"):
                if not os.path.exists(os.path.join(root, f[:-5] + ".txt")):
                    errors.append(f"{rel}: sidecar without a .txt")
                continue
            if not f.endswith((".txt", ".md")):
                errors.append(f"{rel}: unexpected file type")
                continue
            on_disk.add(rel)
    for p in sorted(on_disk - set(seen)):
        errors.append(f"{p}: on disk but not in expected.json")
    for p in sorted(set(seen) - on_disk):
        errors.append(f"{p}: in expected.json but not on disk (or hidden)")

    for p in sorted(on_disk & set(seen)):
        e = seen[p]
        full = os.path.join(ART, p)
        size = len(read_text(full))
        if p.endswith(".txt"):
            date_line, paras = parse_txt(full)
            d = parse_date(date_line)
            if d != e["date"]:
                errors.append(f"{p}: date line {date_line!r} -> {d}, manifest {e['date']}")
            lead = re.sub(r"\s+", " ", paras[0]).strip()
            fs = first_sentence(lead, e["lang"])
            title = cut_title(fs)
            side = full[:-4] + ".toml"
            sc = tomllib.load(open(side, "rb")) if os.path.exists(side) else {}
            if "title" in sc:
                title = sc["title"]
            if "lang" in sc and sc["lang"] != e["lang"]:
                errors.append(f"{p}: sidecar lang {sc['lang']} != {e['lang']}")
            if e["draft"] != bool(sc.get("draft", False)):
                errors.append(f"{p}: draft mismatch")
            if not (2 <= len(paras) - 1 <= 6):
                errors.append(f"{p}: {len(paras) - 1} body paragraphs")
            if show:
                print(f"{p:50} {len(fs):4d} {title}")
        else:
            fm = parse_md(full)
            title = fm["title"]
            d = str(fm["date"])[:10]
            if d != e["date"]:
                errors.append(f"{p}: front matter date {fm['date']!r}, manifest {e['date']}")
            lang = fm.get("lang")
            m = re.search(r"\.([a-z]{2})\.md$", p)
            if lang is None and m:
                lang = m.group(1)
            if lang is not None and lang != e["lang"]:
                errors.append(f"{p}: lang {lang} != manifest {e['lang']}")
            if bool(fm.get("draft", False)) != e["draft"]:
                errors.append(f"{p}: draft mismatch")
            if show:
                print(f"{p:50}  md  {title}")
        if title != e["title"]:
            errors.append(f"{p}: title mismatch\n   computed: {title!r}\n   manifest: {e['title']!r}")
        if len(e["title"]) > MAX_TITLE:
            errors.append(f"{p}: title longer than {MAX_TITLE}")
        if not (400 <= size <= 3000):
            errors.append(f"{p}: {size} characters")

    check_quirks(errors)

    stories = {}
    for e in manifest:
        stories.setdefault(e["story"], []).append(e)
    for s, es in stories.items():
        langs = [x["lang"] for x in es]
        if len(langs) != len(set(langs)):
            errors.append(f"story {s}: more than one article per language: {langs}")
    per_lang = {}
    for e in manifest:
        per_lang[e["lang"]] = per_lang.get(e["lang"], 0) + 1
    for l in ["de", "fr", "en", "es", "it"]:
        if per_lang.get(l, 0) < 6:
            errors.append(f"language {l}: only {per_lang.get(l, 0)} articles")

    if show:
        print(f"\n{len(manifest)} articles, {len(stories)} stories, per language {per_lang}")
        multi = {s: sorted(x['lang'] for x in es) for s, es in stories.items()}
        for s, l in sorted(multi.items()):
            print(f"  {s:28} {' '.join(l)}")
    if errors:
        print("\n".join(errors))
        print(f"\n{len(errors)} problem(s)")
        sys.exit(1)
    print("expected.json OK")


if __name__ == "__main__":
    main()
