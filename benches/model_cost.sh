#!/usr/bin/env bash
# The cost of the mention model (assets/ner/model.tsv): cold opens of a
# corpus by this build and by the same build with an empty model (the rules
# alone), run in turn (the machine is shared: each pair sees the same load),
# medians of RUNS pairs (default 5), with peak RSS.
#   benches/model_cost.sh [CORPUS]   (default: ../shared/corpora/reuters21578.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl}
runs=${RUNS:-5}
cargo build --release -q
bin=$PWD/target/release/crossread
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the peer: the last commit with an empty model, built apart
git worktree add -q --detach "$tmp/peer" HEAD
trap 'git worktree remove --force "$tmp/peer"; rm -rf "$tmp"' EXIT
: > "$tmp/peer/assets/ner/model.tsv"
(cd "$tmp/peer" && CARGO_TARGET_DIR=$PWD/../target cargo build --release -q)
peer=$tmp/target/release/crossread
size=$(du -b "$corpus" | cut -f1)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > "$tmp/a"; : > "$tmp/b"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$bin" --no-cache entities "$corpus" >/dev/null 2>&1
  tail -1 "$tmp/t" >> "$tmp/a"
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$peer" --no-cache entities "$corpus" >/dev/null 2>&1
  tail -1 "$tmp/t" >> "$tmp/b"
done
wa=$(cut -d' ' -f1 "$tmp/a" | median); wb=$(cut -d' ' -f1 "$tmp/b" | median)
ra=$(cut -d' ' -f2 "$tmp/a" | median); rb=$(cut -d' ' -f2 "$tmp/b" | median)
awk -v wa="$wa" -v wb="$wb" -v ra="$ra" -v rb="$rb" -v s="$size" 'BEGIN {
  printf "%-30s %7.2f s %6.0f MiB\n", "cold open, rules + model", wa, ra/1024
  printf "%-30s %7.2f s %6.0f MiB\n", "cold open, rules alone", wb, rb/1024
  printf "ratio %.3f; the model costs %.3f s per MB (%.1f MB of text)\n", wa/wb, (wa-wb)/(s/1e6), s/1e6 }'
