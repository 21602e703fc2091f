#!/usr/bin/env bash
# Whole-process figures on a corpus, medians of 3 runs, with the peers in the
# same run when they are installed (apt-get install newsboat ripgrep):
#   cold open   `crossread entities` with no cache: read, analyze, link, index
#   warm open   the same with the on-disk cache built
#   extract     `crossread extract --json`, 1 core and all cores (MB/s)
#   newsboat    loading the same stories as one RSS file into its cache
#   ripgrep     counting a word in the JSON Lines file
# The parts (search, frames, cache load) are in `cargo bench`.
#   benches/run.sh [CORPUS]   (default: ../shared/corpora/reuters21578.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl}
cargo build --release -q
bin=$PWD/target/release/crossread
size=$(du -b "$corpus" | cut -f1)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# run LABEL CMD...: median wall and the peak RSS of the last run
run() {
  local label=$1; shift; local walls=() rss=0 out
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tmp/time")
    walls+=("$(echo "$out" | cut -d' ' -f1)"); rss=$(echo "$out" | cut -d' ' -f2)
  done
  local w; w=$(printf '%s\n' "${walls[@]}" | median)
  awk -v w="$w" -v s="$size" -v r="$rss" -v l="$label" \
    'BEGIN {printf "%-34s %7.2f s %8.1f MB/s %7.0f MiB\n", l, w, s/1e6/w, r/1024}'
  echo "$w" > "$tmp/last"
}
printf "%-34s %9s %13s %11s\n" "run" "wall" "throughput" "peak RSS"
export XDG_CACHE_HOME=$tmp/cache
run "crossread cold open (no cache)" "$bin" --no-cache entities "$corpus"
cold=$(cat "$tmp/last")
"$bin" entities "$corpus" >/dev/null 2>&1   # builds the cache
run "crossread warm open (cache)" "$bin" entities "$corpus"
run "crossread extract --json, 1 core" env RAYON_NUM_THREADS=1 "$bin" --no-cache extract --json "$corpus"
run "crossread extract --json, all" "$bin" --no-cache extract --json "$corpus"
if command -v newsboat >/dev/null && [ -f ../shared/corpora/tools/make_rss.py ]; then
  python3 ../shared/corpora/tools/make_rss.py "$corpus" "$tmp/feed.xml" >/dev/null 2>&1 || true
  if [ -s "$tmp/feed.xml" ]; then
    echo "file://$tmp/feed.xml" > "$tmp/urls"
    nb() { rm -f "$tmp/cache.db"; newsboat -u "$tmp/urls" -c "$tmp/cache.db" -x reload; }
    export -f nb; export tmp
    run "newsboat load (-x reload)" bash -c nb
    awk -v c="$cold" -v n="$(cat "$tmp/last")" 'BEGIN {printf "crossread cold open / newsboat load: %.2f\n", c/n}'
  fi
fi
if command -v rg >/dev/null; then
  run "ripgrep -c Reagan" rg -c Reagan "$corpus"
fi
