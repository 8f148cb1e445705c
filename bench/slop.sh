#!/usr/bin/env bash
# Whole-process benchmark of the slop step (built-in detector, action annotate) on the >= 200 MB corpus that
# bench/filters.sh builds (real Common Crawl and CCNet pages, human and machine texts): 1 and 2 workers,
# documents/s and MB/s per core, peak RSS, and the estimated machine share.
#   bash bench/slop.sh [SHARED_DIR] [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
size="${2:-200}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
mkdir -p "$work"
mvn -q -DskipTests install >/dev/null
corpus="$work/web-${size}mb.jsonl"
[[ -f "$corpus" ]] || java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.WebCorpus "$shared" "$corpus" "$size"
docs=$(wc -l < "$corpus")
mb=$(( $(stat -c %s "$corpus") / 1000000 ))
rm -rf "$work/shards" && mkdir -p "$work/shards"
split -n l/8 -d --additional-suffix=.jsonl "$corpus" "$work/shards/part-"
for workers in 1 2; do
  run="$work/run-slop-$workers"
  rm -rf "$run"
  cat > "$work/slop.yaml" <<YAML
input: {paths: ['$work/shards']}
steps: [slop]
output: {path: '$run', compression: zstd}
YAML
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" java -Xmx2g -XX:+UseParallelGC -jar winnow-cli/target/winnow.jar run "$work/slop.yaml" --workers "$workers" --progress none > "$work/out-slop-$workers.txt"
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  rss=$(( $(cat "$work/rss") / 1024 ))
  printf 'workers=%d  docs=%d  MB=%d  wall=%.1fs  docs/s=%.0f  docs/s/core=%.0f  MB/s/core=%.1f  peakRSS=%dMB\n' \
    "$workers" "$docs" "$mb" "$secs" "$(echo "$docs / $secs" | bc -l)" "$(echo "$docs / $secs / $workers" | bc -l)" \
    "$(echo "$mb / $secs / $workers" | bc -l)" "$rss"
  grep 'estimates' "$work/out-slop-$workers.txt" || true
done
