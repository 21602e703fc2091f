#!/usr/bin/env bash
# Instructions (not seconds) of a cold open, counted by valgrind's callgrind:
# the same count for the same binary and input whatever else the shared
# machine is doing, so two builds compare exactly.
#
#   bash benches/instructions.sh [BINARY...]    (default: target/release/crossread)
#   STORIES=2000 CORPUS=../shared/corpora/reuters21578.jsonl
#
# One rayon thread, the first STORIES stories of the corpus, `entities` with
# no cache: read, analyze, link, timeline, print.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
corpus=${CORPUS:-../shared/corpora/reuters21578.jsonl}
n=${STORIES:-2000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n "$n" "$corpus" > "$tmp/in.jsonl"
[ $# -gt 0 ] || { cargo build --release --quiet; set -- target/release/crossread; }
printf "%-40s %15s\n" "binary ($n stories, 1 thread)" "instructions"
for b in "$@"; do
  RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "$b" --no-cache entities "$tmp/in.jsonl" >/dev/null 2>"$tmp/err"
  printf "%-40s %15s\n" "$b" "$(awk '/Collected/ {print $4}' "$tmp/err")"
done
