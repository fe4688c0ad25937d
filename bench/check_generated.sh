#!/usr/bin/env bash
# bench/check_generated.sh -- what babelfeed infers on three generated
# corpora, against the generator's ground truth (bench/check_truth.py):
#   five  200 stories in de fr en es it, 10 % untranslated, 10 a day (seed 3)
#   day   300 stories in de and fr on one day (seed 5)
#   deen  3,000 stories in de and en, 10 a day
#
# Usage: bench/check_generated.sh [BABELFEED]   (default target/release/babelfeed)
# Environment: GEN_DIR, where the corpora are kept (default /tmp/babelfeed-gen).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${1:-$REPO/target/release/babelfeed}
GEN_DIR=${GEN_DIR:-/tmp/babelfeed-gen}
mkdir -p "$GEN_DIR"
cfg=$GEN_DIR/babelfeed.toml
printf 'base_url = "https://news.example.org"\nmax_entries = 50\n' > "$cfg"
generate() {
  local name=$1; shift
  [ -d "$GEN_DIR/$name" ] && return
  (cd "$REPO" && cargo run --release -q --example gen_corpus -- "$@" \
    --out "$GEN_DIR/$name" --manifest "$GEN_DIR/$name.tsv" --force >/dev/null)
}
generate five --stories 200 --langs de,fr,en,es,it --untranslated-share 0.1 --seed 3 --per-day 10 --format txt
generate day --stories 300 --per-day 300 --langs de,fr --seed 5 --format txt
generate deen --stories 3000 --langs de,en --per-day 10 --format txt
for corpus in five day deen; do
  "$BIN" inspect --articles "$GEN_DIR/$corpus" --config "$cfg" --format json > "$GEN_DIR/$corpus.json" 2>/dev/null
  echo "== $corpus"
  python3 "$REPO/bench/check_truth.py" "$GEN_DIR/$corpus.tsv" "$GEN_DIR/$corpus.json"
done
