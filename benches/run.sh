#!/usr/bin/env bash
# Whole-process figures: headless analysis time and peak memory on a corpus,
# single core and all cores, and throughput in MB/s. Medians of 3 runs.
#   benches/run.sh [CORPUS]   (default: ../shared/corpora/reuters21578.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl}
cargo build --release -q
bin=target/release/crossread
size=$(du -b "$corpus" | cut -f1)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for threads in 1 0; do
  walls=(); rss=0
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f "%e %M" env RAYON_NUM_THREADS=$threads "$bin" extract --json "$corpus" >/dev/null; } 2>&1 | tail -1)
    walls+=("$(echo "$out" | cut -d' ' -f1)"); rss=$(echo "$out" | cut -d' ' -f2)
  done
  w=$(printf '%s\n' "${walls[@]}" | median)
  label=$([ "$threads" = 1 ] && echo "1 core" || echo "all cores")
  awk -v w="$w" -v s="$size" -v r="$rss" -v l="$label" 'BEGIN {printf "extract %-9s median %.2f s  %.1f MB/s  peak RSS %.0f MiB\n", l, w, s/1e6/w, r/1024}'
done
if command -v rg >/dev/null; then
  t0=$(date +%s.%N); rg -c Reagan "$corpus" >/dev/null; t1=$(date +%s.%N)
  echo "ripgrep count: $(echo "$t1 - $t0" | bc) s"
fi
