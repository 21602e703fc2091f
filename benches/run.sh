#!/usr/bin/env bash
# Whole-process figures on a corpus, medians of RUNS runs (default 5), with the peers in the
# same run when they are installed (apt-get install newsboat ripgrep):
#   cold open   `crossread entities` with no cache: read, analyze, link, index
#   warm open   the same with the on-disk cache built
#   extract     `crossread extract --json`, 1 core and all cores (MB/s)
#   newsboat    loading the same stories as one RSS file into its cache
#   ripgrep     counting a word in the JSON Lines file
#   first frame the TUI in a pseudo-terminal (script(1)), cold and warm, and
#               the five seeds: time to its first full frame, from the log
#   scaling     cold open of the first 1k and 5k stories, all of them, and
#               a 100k corpus made by repeating them with new ids
# The parts (search, frames, cache load) are in `cargo bench`.
#   benches/run.sh [CORPUS]   (default: ../shared/corpora/reuters21578.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578.jsonl}
runs=${RUNS:-5}
cargo build --release -q
bin=$PWD/target/release/crossread
size=$(du -b "$corpus" | cut -f1)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# run LABEL CMD...: median wall and the peak RSS of the last run
run() {
  local label=$1; shift; local walls=() rss=0 out
  for _ in $(seq "$runs"); do
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
    # the same two alternating, a run of each at a time: the machine is
    # shared and its load drifts between the blocks of runs above
    ratios=()
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "%e" -o "$tmp/tc" "$bin" --no-cache entities "$corpus" >/dev/null 2>&1 || true
      /usr/bin/time -f "%e" -o "$tmp/tn" bash -c nb >/dev/null 2>&1 || true
      ratios+=("$(awk -v c="$(tail -1 "$tmp/tc")" -v n="$(tail -1 "$tmp/tn")" 'BEGIN {printf "%.3f", c/n}')")
    done
    echo "the same, alternating pairs: median ratio $(printf '%s\n' "${ratios[@]}" | median) (${ratios[*]})"
  fi
fi
if command -v rg >/dev/null; then
  run "ripgrep -c Reagan" rg -c Reagan "$corpus"
fi

# the TUI: time from start to its first full frame (logged by crossread), and
# the whole process (which, cold, also writes the cache after that frame)
ms() { awk '{v=$NF; if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else if (v ~ /µs$/) {sub(/µs$/,"",v); print v/1000} else {sub(/s$/,"",v); print v*1000}}'; }
tui() {
  local label=$1 fresh=$2; shift 2; local frames=() walls=() rss=0 out
  for _ in $(seq "$runs"); do
    [ "$fresh" = cold ] && rm -rf "$tmp/tuicache"
    rm -f "$tmp/tui.log"
    XDG_CACHE_HOME=$tmp/tuicache CROSSREAD_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -f "%e %M" -o "$tmp/time" \
      script -qec "$(printf '%q ' "$bin" --log-file "$tmp/tui.log" "$@")" /dev/null >/dev/null 2>&1 || true
    frames+=("$(grep "first frame at" "$tmp/tui.log" | tail -1 | sed -E 's/.*first frame at ([^,]+).*/\1/' | ms)")
    out=$(tail -1 "$tmp/time"); walls+=("$(echo "$out" | cut -d' ' -f1)"); rss=$(echo "$out" | cut -d' ' -f2)
  done
  local f w; f=$(printf '%s\n' "${frames[@]}" | median); w=$(printf '%s\n' "${walls[@]}" | median)
  awk -v f="$f" -v w="$w" -v r="$rss" -v l="$label" \
    'BEGIN {printf "%-34s %7.0f ms first frame, %5.2f s process %7.0f MiB\n", l, f, w, r/1024}'
}
if command -v script >/dev/null; then
  tui "TUI cold (no cache)" cold "$corpus"
  tui "TUI warm (cache)" warm "$corpus"
  tui "TUI seeds (5 articles)" cold seeds
fi

# scaling: cold open at 1k, 5k, all and 100k stories (ids changed on repeats)
if [ "${SCALE:-1}" = 1 ]; then
  echo
  printf "%-34s %9s %13s %11s\n" "scaling (cold open)" "wall" "throughput" "peak RSS"
  for n in 1000 5000 all 100000; do
    f=$tmp/scale-$n.jsonl
    case $n in
      all) cp "$corpus" "$f" ;;
      100000) awk -v n=$n 'BEGIN{c=0} {a[NR]=$0} END{r=0; while (c<n) {r++; for (i=1;i<=NR&&c<n;i++) {l=a[i]; sub(/"id": "/, "\"id\": \"r" r "-", l); print l; c++}}}' "$corpus" > "$f" ;;
      *) head -n "$n" "$corpus" > "$f" ;;
    esac
    size=$(du -b "$f" | cut -f1)
    # (files over 64 MiB are skipped by default: the limit raised for this one)
    printf '[input]\nmax_file_mib = 4096\n' > "$tmp/big.toml"
    run "$(wc -l < "$f") stories, $((size / 1000000)) MB" "$bin" --config "$tmp/big.toml" --no-cache entities "$f"
  done
fi
