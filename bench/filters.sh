#!/usr/bin/env bash
# Whole-process benchmark of the four FineWeb filters: builds a >= 200 MB corpus from the shared data (real
# Common Crawl and CCNet pages, human and machine texts), runs the pipeline with 1 and with 2 workers, and
# prints documents/s and MB/s per core and the peak RSS.
#   bash bench/filters.sh [SHARED_DIR] [SIZE_MB]
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
# eight input shards, so that two workers have work to share
rm -rf "$work/shards" && mkdir -p "$work/shards"
split -n l/8 -d --additional-suffix=.jsonl "$corpus" "$work/shards/part-"
for workers in 1 2; do
  run="$work/run-filters-$workers"
  rm -rf "$run"
  cat > "$work/filters.yaml" <<YAML
input: {paths: ['$work/shards']}
steps: [gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality]
output: {path: '$run', compression: zstd}
YAML
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" java -Xmx2g -XX:+UseParallelGC -jar winnow-cli/target/winnow.jar run "$work/filters.yaml" --workers "$workers" --progress none > "$work/out-$workers.txt"
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  rss=$(( $(cat "$work/rss") / 1024 ))
  kept=$(grep -o 'kept [0-9][0-9,]*' "$work/out-$workers.txt" | head -1)
  printf 'workers=%d  docs=%d  MB=%d  wall=%.1fs  docs/s=%.0f  docs/s/core=%.0f  MB/s/core=%.1f  peakRSS=%dMB  %s\n' \
    "$workers" "$docs" "$mb" "$secs" "$(echo "$docs / $secs" | bc -l)" "$(echo "$docs / $secs / $workers" | bc -l)" \
    "$(echo "$mb / $secs / $workers" | bc -l)" "$rss" "$kept"
done

# the standard benchmark corpus (20,000 distinct documents), one worker, for comparison with the reference figures
if [[ -f "$shared/bench/corpus-20k.jsonl.zst" ]]; then
  run="$work/run-filters-20k"
  rm -rf "$run"
  cat > "$work/filters-20k.yaml" <<YAML
input: {paths: ['$shared/bench/corpus-20k.jsonl.zst']}
steps: [gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality]
output: {path: '$run', compression: zstd}
YAML
  start=$(date +%s.%N)
  java -Xmx2g -XX:+UseParallelGC -jar winnow-cli/target/winnow.jar run "$work/filters-20k.yaml" --workers 1 --progress none > "$work/out-20k.txt"
  secs=$(echo "$(date +%s.%N) - $start" | bc -l)
  printf 'corpus-20k: workers=1  docs=20000  wall=%.1fs (JVM start included)  docs/s/core=%.0f  %s\n' "$secs" \
    "$(echo "20000 / $secs" | bc -l)" "$(grep -o 'kept [0-9][0-9,]*' "$work/out-20k.txt" | head -1)"
fi
