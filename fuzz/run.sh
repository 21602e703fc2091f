#!/usr/bin/env bash
# Runs every fuzz target for a million executions (or MAX_TIME seconds, an
# hour by default: `analyze` needs some 40 minutes on two cores), seeded
# with the project's own samples, and prints one line per target.
# Needs cargo-fuzz (cargo install cargo-fuzz); on a stable toolchain it runs
# with RUSTC_BOOTSTRAP=1. Not part of CI.
set -u
cd "$(dirname "$0")"
RUNS=${RUNS:-1000000}
MAX_TIME=${MAX_TIME:-3600}
seed() { mkdir -p "corpus/$1"; shift; for f in "$@"; do [ -f "$f" ] && cp "$f" corpus/"$t"/ 2>/dev/null; done; }
# a real cache of the seeds seeds the cache decoder
mkdir -p corpus/cache
if [ ! -f corpus/cache/seeds.postcard ]; then
  home=$(mktemp -d)
  (cd .. && XDG_CACHE_HOME="$home" cargo run -q --release -- entities seeds >/dev/null 2>&1)
  cp "$home"/crossread/index-*.postcard corpus/cache/seeds.postcard 2>/dev/null
fi
for t in read_text read_markdown read_html read_jsonl read_json read_feed timex analyze cache user_files index; do
  case $t in
    read_text|timex|analyze) seed $t ../seeds/*.txt ../tests/hostile/*.txt ;;
    read_markdown) seed $t ../tests/hostile/*.md ;;
    read_html) seed $t ../tests/hostile/*.html ;;
    read_jsonl) seed $t ../tests/hostile/*.jsonl ;;
    read_json) seed $t ../tests/hostile/*.json ;;
    read_feed) seed $t ../tests/hostile/*.rss ../tests/hostile/*.xml ;;
    cache) ;;
    user_files) seed $t ../assets/*.toml ;;
    index) seed $t ../seeds/*.txt ../tests/hostile/*.txt ;;
  esac
  start=$(date +%s)
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" -- -runs="$RUNS" -max_total_time="$MAX_TIME" -max_len=4096 \
      -timeout=10 -rss_limit_mb=2048 > "/tmp/fuzz-$t.log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(grep -o "#[0-9]*" "/tmp/fuzz-$t.log" | tail -1 | tr -d '#')
  echo "$t: exit $rc, ${execs:-?} executions in $((end - start)) s"
done
