#!/usr/bin/env bash
# bench/run.sh -- whole-run benchmarks of babelfeed (issue #4), against the
# floor (reading every input byte once) and Hugo on the same Markdown corpus.
#
# Usage:
#   bench/run.sh [SIZE...] [--formats txt,md] [--entries 50,all] [--runs N]
#                [--no-hugo] [--hyperfine]
#
#   SIZE       articles in two languages (de, fr): 1k, 10k, 100k (500, 5k,
#              50k stories), or any NUMBER[k]. Default: 1k 10k 100k.
#   --formats  corpus formats to measure (default txt,md).
#   --entries  feed sizes: 50 (max_entries = 50) and/or all (max_entries = 0).
#   --runs N   repeat every timed command N times; the table shows the
#              median wall and CPU time and the largest peak RSS (default 1).
#   --no-hugo  skip Hugo (otherwise it is installed with apt-get if missing).
#   --table FILE.tsv...  only print the table of earlier runs' raw rows
#              (results-*.tsv), merged; later rows win.
#   --hyperfine  also time babelfeed's full builds and no-change runs, and
#              Hugo's full builds, with hyperfine (if installed; at least 3
#              runs); its Markdown summaries go to $BENCH_DIR/hyperfine/.
#
# Environment:
#   BENCH_DIR  work folder: cached corpora, outputs, results
#              (default /tmp/babelfeed-bench). Corpora are regenerated only
#              when the generator or its arguments change.
#   BABELFEED  babelfeed binary to measure (default: target/release/babelfeed,
#              built with `cargo build --release` first).
#   SEED, PER_DAY  generator seed (1) and stories per day (20).
#
# For every size and format it measures, with /usr/bin/time (wall, user+sys
# CPU, max RSS) and `du -sb` of the output folder:
#   floor      find DIR -type f -print0 | xargs -0 cat > /dev/null (warm cache)
#   babelfeed  for max_entries 50 and 0, content = "full":
#              full       output folder (and any hidden cache in it) deleted first
#              no change  a second run, nothing changed
#              one change a sentence appended to one article before each
#                         repetition (a new sentence each time; restored after)
#   hugo       (Markdown only) full build from scratch and a second run, with
#              the site in bench/hugo/ (RSS limit 50 or -1); the feeds are
#              checked to hold the expected number of items with full content.
# and prints a Markdown table with babelfeed/Hugo and babelfeed/floor ratios
# computed from the same run. Raw rows: $BENCH_DIR/results.tsv; the table is
# also saved as $BENCH_DIR/results.md (and both as results-<time>.* copies,
# which later runs do not overwrite).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/babelfeed-bench}
SEED=${SEED:-1}
PER_DAY=${PER_DAY:-20}
SIZES=()
FORMATS=(txt md)
ENTRIES=(50 all)
RUNS=1
USE_HUGO=1
USE_HYPERFINE=0
TABLE_ONLY=()

die() { echo "run.sh: $*" >&2; exit 2; }
note() { echo "run.sh: $*" >&2; }

# table RESULTS.tsv... -> Markdown table on stdout
table() {
python3 - "$@" <<'PY'
import csv, sys
rows = {}
for path in sys.argv[1:]:
    for r in csv.DictReader(open(path), delimiter="\t"):
        # Later files replace earlier rows of the same measurement.
        rows[(r["articles"], r["format"], r["entries"], r["run"], r["tool"])] = r
rows = sorted(rows.values(), key=lambda r: (int(r["articles"]), r["format"] != "txt"))
def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None
def find(**kw):
    for r in rows:
        if all(r[k] == v for k, v in kw.items()):
            return r
floor = {(r["articles"], r["format"]): num(r["wall_s"]) for r in rows if r["tool"] == "floor"}
size = {(r["articles"], r["format"]): r["output_mb"] for r in rows if r["tool"] == "corpus"}
print("| articles | format | entries | run | tool | wall s | CPU s | peak MB | output MB | ×Hugo | ×floor | % of full |")
print("|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    if r["tool"] == "corpus":
        continue
    wall = num(r["wall_s"])
    vs_hugo = vs_floor = of_full = ""
    if r["tool"] == "babelfeed" and wall is not None:
        # Hugo's "no change" (a second run) is compared with babelfeed's.
        h = find(articles=r["articles"], format="md", entries=r["entries"], tool="hugo",
                 run="full" if r["run"] == "full" else "no change")
        if r["format"] == "md" and r["run"] != "one change" and h and num(h["wall_s"]):
            vs_hugo = f"{wall / num(h['wall_s']):.2f}"
        f = floor.get((r["articles"], r["format"]))
        if f:
            vs_floor = f"{wall / f:.1f}"
        full = find(articles=r["articles"], format=r["format"], entries=r["entries"],
                    tool="babelfeed", run="full")
        if r["run"] != "full" and full and num(full["wall_s"]):
            of_full = f"{100 * wall / num(full['wall_s']):.0f} %"
    tool = r["tool"]
    if tool == "floor":
        tool = f"floor (input {size.get((r['articles'], r['format']), '?')} MB)"
    print(f"| {r['articles']} | {r['format']} | {r['entries']} | {r['run']} | {tool} | "
          f"{r['wall_s']} | {r['cpu_s']} | {r['peak_mb']} | {r['output_mb']} | "
          f"{vs_hugo} | {vs_floor} | {of_full} |")
PY
}


while (($#)); do
    case $1 in
        --formats) IFS=, read -r -a FORMATS <<<"${2:?}"; shift 2 ;;
        --entries) IFS=, read -r -a ENTRIES <<<"${2:?}"; shift 2 ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --no-hugo) USE_HUGO=0; shift ;;
        --hyperfine) USE_HYPERFINE=1; shift ;;
        --table) shift; TABLE_ONLY=("$@"); break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        [0-9]*) SIZES+=("$1"); shift ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
if ((${#TABLE_ONLY[@]})); then
    table "${TABLE_ONLY[@]}"
    exit 0
fi

((${#SIZES[@]})) || SIZES=(1k 10k 100k)
for f in "${FORMATS[@]}"; do [[ $f == txt || $f == md ]] || die "format must be txt or md, not $f"; done
for e in "${ENTRIES[@]}"; do [[ $e == 50 || $e == all ]] || die "entries must be 50 or all, not $e"; done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install -y time)"

articles_of() { # 1k -> 1000, 2500 -> 2500
    local s=${1,,}
    if [[ $s =~ ^([0-9]+)k$ ]]; then echo $((BASH_REMATCH[1] * 1000))
    elif [[ $s =~ ^[0-9]+$ ]]; then echo "$s"
    else die "bad size $1"; fi
}

mkdir -p "$BENCH_DIR"/{corpus,out,logs,hyperfine}
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
RESULTS=$BENCH_DIR/results.tsv
printf 'articles\tformat\tentries\trun\ttool\twall_s\tcpu_s\tpeak_mb\toutput_mb\n' >"$RESULTS"

# --- tools -------------------------------------------------------------------
cd "$REPO"
if [[ -z ${BABELFEED:-} ]]; then
    note "building babelfeed and gen_corpus (release)"
    cargo build --release --quiet --bin babelfeed --example gen_corpus
    BABELFEED=$REPO/target/release/babelfeed
else
    cargo build --release --quiet --example gen_corpus
fi
GEN=$REPO/target/release/examples/gen_corpus
HUGO=
if ((USE_HUGO)) && [[ " ${FORMATS[*]} " == *" md "* ]]; then
    if ! command -v hugo >/dev/null; then
        note "installing Hugo (apt-get install -y hugo)"
        if [[ $(id -u) == 0 ]]; then
            { apt-get update -qq && apt-get install -y -qq hugo; } >&2 || note "could not install Hugo"
        else
            { sudo apt-get update -qq && sudo apt-get install -y -qq hugo; } >&2 || note "could not install Hugo"
        fi
    fi
    if command -v hugo >/dev/null; then HUGO=$(command -v hugo); else note "no Hugo: its rows are skipped"; fi
fi
if ((USE_HYPERFINE)) && ! command -v hyperfine >/dev/null; then
    note "hyperfine not installed (apt-get install -y hyperfine); --hyperfine ignored"
    USE_HYPERFINE=0
fi

# --- measuring ---------------------------------------------------------------
# measure ARTICLES FORMAT ENTRIES RUN TOOL OUTDIR -- COMMAND...
# Runs COMMAND $RUNS times under /usr/bin/time and appends one row.
measure() {
    local n=$1 fmt=$2 entries=$3 run=$4 tool=$5 outdir=$6
    shift 7
    local log=$BENCH_DIR/logs/$tool-$fmt-$n-$entries-${run// /-}.log
    local walls=() cpus=() peak=0 i
    for ((i = 0; i < RUNS; i++)); do
        if [[ $run == full* && $tool != floor ]]; then pre_full "$tool" "$outdir"; fi
        # Each repetition of "one change" changes the article anew: a
        # repeated edit would be found in the cache, or not be a change.
        if [[ $run == "one change" ]]; then printf '\n\nUpdate %s.\n' "$i" >>"$VICTIM"; fi
        local t0 t1
        t0=$(date +%s%N)
        if ! /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/time.txt" "$@" >"$log" 2>&1; then
            note "FAILED: $tool $fmt $n $entries $run (log: $log)"
            tail -n 5 "$log" >&2
            printf '%s\t%s\t%s\t%s\t%s\tFAILED\t\t\t\n' "$n" "$fmt" "$entries" "$run" "$tool" >>"$RESULTS"
            return 1
        fi
        # /usr/bin/time puts its line last; commands may have printed before.
        t1=$(date +%s%N)
        read -r _ user sys rss < <(tail -n 1 "$BENCH_DIR/time.txt")
        # Wall time to the millisecond (/usr/bin/time rounds to 10 ms).
        walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
        ((rss > peak)) && peak=$rss
    done
    local out_mb=
    if [[ -n $outdir && -d $outdir ]]; then
        out_mb=$(du -sb "$outdir" | awk '{ printf "%.1f", $1 / 1e6 }')
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$fmt" "$entries" "$run" "$tool" \
        "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
        "$(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }')" "$out_mb" >>"$RESULTS"
    note "$(tail -n 1 "$RESULTS" | tr '\t' ' ')"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Before a full build: no output and no cache of any kind.
pre_full() {
    local tool=$1 outdir=$2
    case $tool in
        babelfeed) rm -rf "$outdir" ;;
        hugo) rm -rf "$outdir" "$(dirname "$outdir")"/{resources,.hugo_build.lock,.hugo-cache} ;;
    esac
}

# --- corpora -----------------------------------------------------------------
# corpus FORMAT ARTICLES -> prints the folder, generating it when needed.
corpus() {
    local fmt=$1 n=$2 stories=$(($2 / 2))
    local dir=$BENCH_DIR/corpus/$fmt-$n
    local args="--stories $stories --langs de,fr --format $fmt --seed $SEED --per-day $PER_DAY"
    local stamp
    stamp="$args $(cat "$REPO"/examples/gen_corpus/*.rs | sha256sum | cut -c1-16)"
    if [[ ! -f $dir.stamp || $(cat "$dir.stamp") != "$stamp" ]]; then
        note "generating $dir ($args)"
        rm -f "$dir.stamp"
        # shellcheck disable=SC2086
        "$GEN" $args --out "$dir" --manifest "$dir.tsv" --force >&2
        echo "$stamp" >"$dir.stamp"
        # babelfeed does not trust a file's stamp within 2 s of the run
        # that recorded it (it could change again within the clock's
        # tick): a corpus written just before the full builds would make
        # every no-change run read it all again.
        sleep 3
    fi
    echo "$dir"
}

babelfeed_config() { # ENTRIES -> config file
    local entries=$1 max=$1
    [[ $entries == all ]] && max=0
    local cfg=$BENCH_DIR/babelfeed-$entries.toml
    cat >"$cfg" <<EOF
base_url = "https://news.example.org"
max_entries = $max
content = "full"
[languages.de]
title = "Nachrichten"
[languages.fr]
title = "Actualités"
EOF
    echo "$cfg"
}

# The newest article (last path in order) gets one more sentence.
changed_file() {
    local dir=$1
    find "$dir" -type f \( -name '*.txt' -o -name '*.md' \) | LC_ALL=C sort | tail -n 1
}

# check_feeds DIR LANG EXPECTED_ENTRIES: the Atom feed holds that many entries.
check_babelfeed() {
    local out=$1 lang=$2 expected=$3 got
    got=$(grep -c '<entry>' "$out/$lang/atom.xml" || true)
    if [[ $got != "$expected" ]]; then
        note "WARNING: $out/$lang/atom.xml has $got entries, expected $expected"
    fi
}

check_hugo() {
    local public=$1 lang=$2 expected=$3 got paras
    got=$(grep -c '<item>' "$public/$lang/index.xml" || true)
    [[ $got == "$expected" ]] || note "WARNING: Hugo $public/$lang/index.xml has $got items, expected $expected"
    # Full content: the first item's content:encoded holds several paragraphs.
    paras=$(awk '/<content:encoded>/,/<\/content:encoded>/' "$public/$lang/index.xml" |
        awk '/<\/content:encoded>/ { print n; exit } { n += gsub(/&lt;p&gt;/, "") }')
    ((${paras:-0} >= 2)) || note "WARNING: Hugo items in $public/$lang/index.xml lack full content"
}

# --- the runs ----------------------------------------------------------------
for size in "${SIZES[@]}"; do
    n=$(articles_of "$size")
    for fmt in "${FORMATS[@]}"; do
        dir=$(corpus "$fmt" "$n")
        de_count=$(awk -F'\t' 'NR > 1 && $2 == "de"' "$dir.tsv" | wc -l)
        fr_count=$(awk -F'\t' 'NR > 1 && $2 == "fr"' "$dir.tsv" | wc -l)

        # Warm the page cache, then the floor.
        find "$dir" -type f -print0 | xargs -0 cat >/dev/null
        measure "$n" "$fmt" - "read all" floor "" -- \
            bash -c 'find "$1" -type f -print0 | xargs -0 cat > /dev/null' _ "$dir"
        in_mb=$(du -sb "$dir" | awk '{ printf "%.1f", $1 / 1e6 }')
        printf '%s\t%s\t-\tinput\tcorpus\t\t\t\t%s\n' "$n" "$fmt" "$in_mb" >>"$RESULTS"

        for entries in "${ENTRIES[@]}"; do
            cfg=$(babelfeed_config "$entries")
            out=$BENCH_DIR/out/babelfeed-$fmt-$n-$entries
            exp_de=$de_count exp_fr=$fr_count
            if [[ $entries == 50 ]]; then
                exp_de=$((de_count < 50 ? de_count : 50))
                exp_fr=$((fr_count < 50 ? fr_count : 50))
            fi
            bf=("$BABELFEED" -q build --articles "$dir" --out "$out" --config "$cfg")
            measure "$n" "$fmt" "$entries" "full" babelfeed "$out" -- "${bf[@]}" &&
                check_babelfeed "$out" de "$exp_de" && check_babelfeed "$out" fr "$exp_fr" || true
            measure "$n" "$fmt" "$entries" "no change" babelfeed "$out" -- "${bf[@]}" || true
            VICTIM=$(changed_file "$dir")
            cp -p "$VICTIM" "$BENCH_DIR/victim.bak"
            measure "$n" "$fmt" "$entries" "one change" babelfeed "$out" -- "${bf[@]}" || true
            cp -p "$BENCH_DIR/victim.bak" "$VICTIM"
            if ((USE_HYPERFINE)); then
                hyperfine --style basic --runs "$((RUNS > 3 ? RUNS : 3))" \
                    --prepare "rm -rf '$out'" -n "babelfeed full $fmt $n $entries" "${bf[*]@Q}" \
                    --export-markdown "$BENCH_DIR/hyperfine/babelfeed-$fmt-$n-$entries-full.md" >&2 || true
                hyperfine --style basic --warmup 1 --runs "$((RUNS > 3 ? RUNS : 3))" \
                    -n "babelfeed no change $fmt $n $entries" "${bf[*]@Q}" \
                    --export-markdown "$BENCH_DIR/hyperfine/babelfeed-$fmt-$n-$entries-nochange.md" >&2 || true
            fi

            if [[ $fmt == md && -n $HUGO ]]; then
                site=$BENCH_DIR/hugo/$n-$entries
                limit=50
                [[ $entries == all ]] && limit=-1
                rm -rf "$site"
                mkdir -p "$site"
                cp -r "$REPO"/bench/hugo/. "$site"/
                sed -i "s/RSS_LIMIT/$limit/g" "$site/hugo.toml"
                # Hard links: no copy of the bytes, same page cache.
                cp -al "$dir" "$site/content/articles"
                hugo_cmd=(env HUGO_CACHEDIR="$site/.hugo-cache" "$HUGO" --quiet --source "$site" --destination "$site/public")
                measure "$n" "$fmt" "$entries" "full" hugo "$site/public" -- "${hugo_cmd[@]}" &&
                    check_hugo "$site/public" de "$exp_de" && check_hugo "$site/public" fr "$exp_fr" || true
                measure "$n" "$fmt" "$entries" "no change" hugo "$site/public" -- "${hugo_cmd[@]}" || true
                if ((USE_HYPERFINE)); then
                    hyperfine --style basic --runs "$((RUNS > 3 ? RUNS : 3))" \
                        --prepare "rm -rf '$site/public' '$site/resources' '$site/.hugo-cache'" \
                        -n "hugo full $n $entries" "${hugo_cmd[*]@Q}" \
                        --export-markdown "$BENCH_DIR/hyperfine/hugo-$n-$entries-full.md" >&2 || true
                fi
            fi
        done
    done
done

# --- the table ---------------------------------------------------------------
table "$RESULTS" >"$BENCH_DIR/results.md"
stamp=$(date +%Y%m%d-%H%M%S)
cp "$BENCH_DIR/results.md" "$BENCH_DIR/results-$stamp.md"
cp "$RESULTS" "$BENCH_DIR/results-$stamp.tsv"
cat "$BENCH_DIR/results.md"
note "raw rows: $RESULTS; table: $BENCH_DIR/results.md (copies: results-$stamp.*)"
